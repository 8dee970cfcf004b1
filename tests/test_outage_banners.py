"""Banners of a page or a service out of order for a while, under maintenance, or whose content
failed to load -- under the headline or above it, in six languages -- go; prose about
maintenance, loading or a service being down stays."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import banners
from newsclean.text_view import normalise, tokens

TITLE = "Ferry timetable changes for the summer season"
BODY = [
    "The harbour ferries will run every twenty minutes from June, the operator said on Monday, "
    "after a winter in which commuters waited up to an hour on the busiest mornings.",
    "Two boats that were out of service for repairs return next week, and a third is being "
    "built at the yard across the bay for the start of the tourist season in July.",
]


def _kind(line: str) -> str | None:
    norm = normalise(line)
    return banners.classify(norm, len(line.split()), tokens(norm))


@pytest.mark.parametrize(
    "line",
    [
        "This page is temporarily unavailable.",
        "We're down for scheduled maintenance. Back soon!",
        "The site is currently under maintenance.",
        "This story could not be loaded.",
        "An unexpected error occurred.",
        "Diese Seite ist wegen Wartungsarbeiten nicht erreichbar.",
        "Service momentanément indisponible.",
        "El sitio está en mantenimiento.",
        "Pagina temporaneamente non disponibile.",
        "Página indisponível no momento.",
        # interjections with their "!" and error words before a colon, in other languages
        "¡Vaya! Algo salió mal.",
        "Zut ! Le chargement a échoué.",
        "Fehler: 7f3a9c-2b",
        "Erreur : 7f3a9c-2b",
        # the page gone offline, a bare HTTP status, a cached copy shown instead
        "This article is no longer online.",
        "HTTP 502 - please come back in a minute",
        "You are looking at a cached copy of this page.",
        "Da ist etwas schiefgegangen.",
        # a time-out, a lost connection with a saved copy, a fault on the site's end
        "The page took too long to respond.",
        "Connection reset. Displaying saved copy.",
        "Something unexpected happened on our end.",
    ],
)
def test_an_outage_banner_is_an_error_and_goes_under_the_headline(line: str) -> None:
    assert _kind(line) == "error", line
    record = "\n".join(["date 2025-05-02 200", TITLE, line, *BODY])
    art = clean_text(record)
    assert art.verdict == "article"
    assert art.text == "\n".join(BODY), line
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize(
    "line",
    [
        "The truck could not be loaded onto the ferry.",
        "Members are currently down to forty.",
        "The bridge is under scheduled maintenance until May, the council said.",
        "Le pont est en maintenance depuis mars.",
        "Wartungsarbeiten an der Brücke dauern bis Mai.",
        "Il traghetto non è disponibile nei giorni festivi.",
        # the same words without an exclamation or a colon: a sentence's
        "Ops teams moved the ferry schedule online last year.",
        "Fehler im Fahrplan wurden nach Beschwerden korrigiert.",
        "The ferry is no longer accessible to cars after the ramp collapsed.",
        "Tickets are online from Monday.",
        "The council's plan went wrong from the start, critics say.",
        "The ferry operator took too long to respond to the complaints, riders said.",
        "The connection was lost when the storm hit the cable, the operator said.",
        "Something unexpected happened on our side of the bay, the skipper said.",
    ],
)
def test_prose_about_maintenance_or_loading_is_no_banner(line: str) -> None:
    assert _kind(line) is None, line


# --- an error message written out at length is the page, not an article ------------------

@pytest.mark.parametrize(
    "page",
    [
        ["Page not found - The Harbour Gazette",
         "The page you requested could not be found. It may have been moved, renamed or "
         "deleted. Please check the address for typos, or use the search box above to find what "
         "you are looking for on our site."],
        ["Nothing to see here",
         "We searched high and low but could not find what you were looking for. Perhaps the "
         "link you followed is out of date, or the story was taken down. Try the search below, or "
         "go back to the homepage for today's news."],
        ["Fehler",
         "Leider ist beim Laden dieser Seite ein Fehler aufgetreten. Unsere Technik arbeitet "
         "daran. Bitte versuchen Sie es in einigen Minuten erneut oder kehren Sie zur Startseite "
         "zurück."],
        ["Page introuvable",
         "Cette page n'existe pas ou plus. Elle a peut-être été déplacée ou supprimée. Vous "
         "pouvez revenir à la page d'accueil pour lire nos derniers articles."],
    ],
)
def test_an_error_message_written_out_as_a_paragraph_is_an_error_page(page: list[str]) -> None:
    art = clean_text("\n".join(["date 2025-06-01 404", *page]))
    assert art.verdict == "error_page"
    assert art.text == ""


@pytest.mark.parametrize(
    "body",
    [
        # a brief about an outage: one sentence quotes the message, the rest is news
        ["Visitors to the tax office's website saw a message that the page could not be found "
         "for most of Monday. The agency blamed a faulty update and said no data had been lost."],
        ["For most of Monday, users of the ferry operator's booking site were shown a message "
         "saying that the page could not be found, the company said.",
         "The operator said the booking form had been moved during a redesign and apologised for "
         "the confusion, adding that the old address would work again from Wednesday."],
    ],
)
def test_a_short_story_about_an_error_message_stays_an_article(body: list[str]) -> None:
    art = clean_text("\n".join(["date 2025-06-01 200", "Council website fault leaves residents stuck",
                            *body]))
    assert art.verdict == "article"
    assert art.text == "\n".join(body)
