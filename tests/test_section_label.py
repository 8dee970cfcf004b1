"""Which line is the headline: a section label, a date line or a breadcrumb over it."""

from __future__ import annotations

# the same ferry story as the title-wrapping tests: only the lines over it differ
from test_title_wrappings import BODY, HEAD

from newsclean import clean_text

HEADLINE = "Why Harbour Crossings Are Running Late This Spring"


def _record(*top: str) -> str:
    return "\n".join([HEAD, *top, *BODY])


def test_a_section_label_over_the_headline_is_not_the_title() -> None:
    for label in ("Ferries", "Commuter Ferries", "Transport & Travel"):
        art = clean_text(_record(label, HEADLINE))
        assert art.title == HEADLINE, label
        assert art.text == "\n".join(BODY), label


def test_a_short_headline_over_a_sentence_case_dek_stays_the_title() -> None:
    # a dek reads as a sentence: in sentence case, it is the article's, under its headline
    dek = "Why commuters on the northern route now wait longer every morning"
    art = clean_text(_record("Commuter Ferries", dek))
    assert art.title == "Commuter Ferries"
    assert art.text == "\n".join([dek, *BODY])


def test_a_short_headline_its_subtitle_spells_out_stays_the_title() -> None:
    # the line under it repeats every word of the short headline: a subtitle, not a headline
    # under a label
    subtitle = "A Guide to the Harbour Ferries of the Northern Route"
    art = clean_text(_record("Harbour Ferries", subtitle))
    assert art.title == "Harbour Ferries"
    assert art.text == "\n".join([subtitle, *BODY])


def test_a_long_headline_is_not_taken_for_a_label() -> None:
    # four words or more over another headline-shaped line: the rule does not apply
    first = "Ferries Late Again This Spring"
    art = clean_text(_record(first, HEADLINE))
    assert art.title == first


def test_a_date_line_or_an_address_over_the_headline_is_not_the_title() -> None:
    # the body speaks of the day too: the date line's words come back in it, as a headline's do
    body = [BODY[0].replace("since April", "since March 3, 2025"), *BODY[1:]]
    for line in (
        "March 3, 2025",
        "March 3, 2025 - 6 min read",
        "3 March 2025 Ana Ruiz",
        "https://video.example.org/channel/harbour",
        "← Previous post",
    ):
        art = clean_text("\n".join([HEAD, line, HEADLINE, *body]))
        assert art.title == HEADLINE, line
        assert art.text == "\n".join(body), line


def test_a_headline_opening_on_a_date_can_still_be_the_title() -> None:
    # a date, then a colon and a headline's length of words: the headline of a piece
    headline = "March 3, 2025: The Day the Harbour Ferries Stopped Running"
    art = clean_text(_record("Ferry Matters", headline))
    assert art.title == headline
    assert art.text == "\n".join(BODY)


def test_a_breadcrumb_over_the_headline_gives_way_to_it() -> None:
    for crumb in (f"Home » {HEADLINE}", f"Home › Travel › {HEADLINE}"):
        art = clean_text(_record(crumb, HEADLINE))
        assert art.title == HEADLINE, crumb
        assert art.text == "\n".join(BODY), crumb


def test_a_quoted_name_in_a_title_is_no_breadcrumb() -> None:
    # without a breadcrumb mark, a quote beside the inner line is the title's own wording
    title = 'Review: "Harbour Crossings" Is a Slow Boat to Nowhere'
    art = clean_text(_record(title, "Harbour Crossings"))
    assert art.title == title


def test_one_word_over_a_sentence_case_headline_is_the_sections_label() -> None:
    # one word is a section's name, not a headline, even over a line in sentence case
    headline = "Why harbour crossings are running late this spring"
    art = clean_text(_record("Ferries", headline))
    assert art.title == headline
    assert art.text == "\n".join(BODY)


# A short title over a first line in headline case that names the lead too: which is the
# page's headline depends on the site (a section label over the headline, or a short headline
# over the first heading of the text); crawl records write the page's title first, so with
# only removed noise above it the short line stays the title and the other the article's.
MENU = ["Home", "News", "Travel", "Weather", "Contact"]
SHORT_TITLE = "Northern Route"  # the lead's words ("commuters on the northern route")
FIRST_HEADING = "Late Harbour Ferries Explained"


def test_a_short_title_over_a_headline_cased_first_line_stays_the_title() -> None:
    for above in ((), MENU):
        art = clean_text(_record(*above, SHORT_TITLE, FIRST_HEADING))
        assert art.title == SHORT_TITLE, above
        assert art.text == "\n".join([FIRST_HEADING, *BODY]), above


def test_a_page_title_with_a_name_in_front_of_the_headline_gives_way_to_it() -> None:
    for front in ("Harbour Daily:", "Harbour Daily Explains", "Explainer –"):
        art = clean_text(_record(f"{front} {HEADLINE}", HEADLINE))
        assert art.title == HEADLINE, front
        assert art.text == "\n".join(BODY), front


def test_a_title_with_a_headline_in_front_of_the_heading_keeps_it() -> None:
    # what stands in front is a headline's worth of words, not a name: a title of its own
    front = "Ferry Operator Hires Forty Deckhands Before Summer"
    art = clean_text(_record(f"{front} {HEADLINE}", HEADLINE))
    assert art.title == f"{front} {HEADLINE}"


def test_a_section_label_under_the_menu_over_the_headline_is_not_the_title() -> None:
    # the label sits lower down, under menu items and a date line, not at the page's top
    for headline in (HEADLINE, "Why eFerry Crossings Are Running Late This Spring"):
        art = clean_text(_record("Timetables", "Fares", "Published", "May 2, 2025", "in",
                                 "Harbour Ferries", headline))
        assert art.title == headline, headline
        assert art.text == "\n".join(BODY), headline
