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
    ],
)
def test_prose_about_maintenance_or_loading_is_no_banner(line: str) -> None:
    assert _kind(line) is None, line
