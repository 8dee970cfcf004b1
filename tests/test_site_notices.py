"""A site's notice about its own machinery -- a busy server, a player blocked in a region, an
old browser, content that failed to load -- in wordings no banner pattern lists, under the
headline or at the body's end: it goes (reason error_banner, rule site_notice) when the
article's prose uses none of its machinery words.  A standfirst about an outage, under a story
about that outage, stays; so does the story itself."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore

HEAD = "date 2025-04-11 200"
TITLE = "Ferry operator adds a late crossing for the summer season"
BODY = [
    "The island's ferry operator will run an extra crossing at eleven at night from June to "
    "September, after residents complained that the last boat left too early for shift workers.",
    "The company said the new sailing would use the smaller of its two vessels and that fares "
    "would match the daytime ones, with discounts for season ticket holders.",
    "Harbour staff will stay on duty until midnight to handle cars and foot passengers, the "
    "port authority confirmed on Thursday.",
]

NOTICES = [  # (wordings the banner patterns did not list when the notice family was written)
    "Our servers are currently experiencing high traffic. Some features may not work.",
    "Content could not be displayed. Reload",
    "This video is unavailable in your region.",
    "Your browser is out of date and may not display this page correctly.",
    "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.",
    "Le contenu n'a pas pu être affiché. Veuillez réessayer plus tard.",
    "No se ha podido cargar el contenido. Inténtalo de nuevo más tarde.",
]


@pytest.mark.parametrize("notice", NOTICES)
@pytest.mark.parametrize("where", ["under_headline", "at_the_end"])
def test_a_site_notice_at_the_edge_goes(notice: str, where: str) -> None:
    lines = [TITLE, notice, *BODY] if where == "under_headline" else [TITLE, *BODY, notice]
    record = "\n".join([HEAD, *lines])
    art = clean_text(record)
    assert art.verdict == "article"
    assert art.title == TITLE
    assert art.text == "\n".join(BODY)
    # (the banner patterns name some of these wordings themselves: rule error_banner)
    assert any(r.reason == "error_banner" for r in art.removed)
    assert restore(art.text, art.removed) == record


OUTAGE_TITLE = "Payment outage at city hall traced to a failed server update"
OUTAGE = [
    "Residents could not pay parking fines or renew permits online for six hours on Tuesday "
    "after a software update left the city's payment server offline.",
    "Engineers restored the service shortly after four in the afternoon by rolling back the "
    "update, and the city said no card details had been exposed.",
    "The council will review why the update was installed during office hours rather than "
    "overnight, when the maintenance window normally falls.",
]


def test_a_standfirst_about_an_outage_over_a_story_about_it_stays() -> None:
    standfirst = "A failed server update left the payment site offline for six hours."
    record = "\n".join([HEAD, OUTAGE_TITLE, standfirst, *OUTAGE])
    art = clean_text(record)
    assert art.text == "\n".join([standfirst, *OUTAGE])
    assert not any(r.rule == "site_notice" for r in art.removed)


def test_an_article_about_browsers_keeps_its_closing_line() -> None:
    body = [
        "The two largest browser makers said on Monday that they would stop supporting a "
        "decades-old plugin format by the end of the year, citing security problems.",
        "Websites that still rely on it have been told to move their videos and games to "
        "standard formats that every modern browser can display.",
        "Older browsers will show a warning before loading such content until then.",
    ]
    record = "\n".join([HEAD, "Browser makers set a date to drop an old plugin format", *body])
    art = clean_text(record)
    assert art.text == "\n".join(body)
    assert not any(r.rule == "site_notice" for r in art.removed)


def test_a_notice_alone_is_no_error_verdict_by_itself_nor_an_article() -> None:
    # the notice family removes lines at a body's edges; a page's verdict is the banner
    # patterns' to give, and a record of a headline and a notice has no article
    record = "\n".join([HEAD, TITLE, NOTICES[0]])
    art = clean_text(record)
    assert art.verdict != "article" or art.text == ""
