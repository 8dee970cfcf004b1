"""An article wrapped at a fixed width (a plain-text rendering, a press release, a mailing
list): no line alone is as long as a paragraph, but each paragraph's lines run on into one
another, so they are prose and the article comes back whole under its headline.  A writer who
opens sentences in lower case, with paragraphs longer than any width, is not taken for wrapped
text (the headline above stays the title)."""

from __future__ import annotations

import textwrap

import pytest

from newsclean import clean_text, restore

HEAD = "date 2025-07-01 200"
TITLE = "Storm keeps the mountain pass shut for a second day"
BODY = [
    "Heavy snow and strong winds kept the main mountain pass closed for a second day on "
    "Thursday, leaving hundreds of lorries parked along the valley road.",
    "Road crews worked through the night to clear drifts of up to two metres, but avalanche "
    "warnings meant the route could not reopen safely, officials said.",
    "Drivers were advised to use the longer coastal route, which adds roughly three hours to "
    "the journey between the two largest towns in the region.",
    "Several hotels in the valley have offered rooms at reduced rates to stranded drivers, and "
    "a local charity has been handing out hot meals at the truck stop.",
]


def _wrap(width: int, blank: bool) -> list[str]:
    out: list[str] = []
    for par in BODY:
        out += textwrap.wrap(par, width) + ([""] if blank else [])
    return out


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("blank", [False, True])
def test_an_article_wrapped_at_a_fixed_width_comes_back_whole(width: int, blank: bool) -> None:
    record = "\n".join([HEAD, TITLE, *_wrap(width, blank)])
    art = clean_text(record)
    assert art.verdict == "article"
    assert art.title == TITLE
    assert " ".join(art.text.split()) == " ".join(BODY)
    assert restore(art.text, art.removed) == record


def test_a_menu_under_a_wrapped_article_still_goes() -> None:
    menu = ["About us", "Contact", "Privacy policy", "Terms of use"]
    record = "\n".join([HEAD, TITLE, *_wrap(72, False), *menu])
    art = clean_text(record)
    assert " ".join(art.text.split()) == " ".join(BODY)


def test_lower_case_paragraphs_longer_than_any_width_are_not_wrapped_text() -> None:
    title = "How we rebuilt the harbour ferry timetable from scratch in a weekend"
    body = [
        "hi, i run the ferry timetable site. it started as a weekend project and somehow "
        "thousands of commuters now check it every morning before the first boat leaves.",
        "last month the operator changed every sailing time at once, and the old importer "
        "broke in ways that took us a whole weekend and a lot of coffee to understand.",
        "the three things that broke, in the order they hurt us most",
        "the importer assumed that every boat leaves on the hour, which stopped being true "
        "when the operator added the late crossings on friday and saturday nights.",
        "and the fix we shipped on sunday night, long after midnight",
        "we rewrote the parser to read the operator's own times instead of guessing them, and "
        "we added a check that compares each new timetable with the one before it.",
        "the short version: never trust a spreadsheet that someone emails you on a friday "
        "afternoon, and always keep last week's timetable around until the new one works.",
    ]
    record = "\n".join([HEAD, "Home", "Projects", "Contact", title, *body])
    art = clean_text(record)
    assert art.title == title
    assert art.text == "\n".join(body)
