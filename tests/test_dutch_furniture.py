"""A Dutch site's furniture is named as a German, French or Spanish site's is: its share and
follow buttons, its related and most-read headings, its newsletter box, its author box and
its legal pages -- while Dutch prose that uses the same words stays."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import boilerplate
from newsclean.text_view import normalise


def _family(line: str) -> str | None:
    return boilerplate.classify(line, normalise(line), len(line.split()))


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Deel dit artikel", "widget"),
        ("Delen via WhatsApp", "widget"),
        ("Volg ons op Instagram", "widget"),
        ("Reageer op dit artikel", "widget"),
        ("Lees ook", "related_header"),
        ("Lees meer over dit onderwerp", "related_header"),
        ("Meer over dit onderwerp", "related_header"),
        ("Gerelateerde artikelen", "related_header"),
        ("Meest gelezen", "related_header"),
        ("Het meest gelezen nieuws", "related_header"),
        # a newsletter's sign-up box is a widget, as in every other language
        ("Meld je aan voor onze nieuwsbrief", "widget"),
        ("Schrijf u in voor de nieuwsbrief van de redactie", "widget"),
        ("Onze nieuwsbrief: elke ochtend het belangrijkste nieuws, meld je nu aan", "widget"),
        ("Over de auteur", "author_box"),
        ("Privacyverklaring", "legal"),
        ("Algemene voorwaarden", "legal"),
    ],
)
def test_dutch_furniture_is_named(line: str, family: str) -> None:
    got = _family(line)
    if family == "author_box":  # (the author box's heading is read by resolve, not classify)
        assert boilerplate._AUTHOR_HEAD.match(normalise(line))
        return
    if family == "legal":
        assert boilerplate._LEGAL_HEAD.match(normalise(line))
        return
    assert got == family


@pytest.mark.parametrize(
    "line",
    [
        # prose and headings that hold the same words
        "Het kabinet wil dat gemeenten een deel van de kosten delen met de provincie.",
        "Deel 2: de bouw van de sluis",
        "Lees ook het advies van de Raad van State over de nieuwe wet, die vorige week verscheen.",
        "De nieuwsbrief die bewoners elke maand ontvangen, vermeldt voortaan ook de afvaldagen en de werkzaamheden in de wijk.",
        "Over de auteur van het rapport is weinig bekend.",
        "De volgende stap is een onderzoek naar de kosten.",
        "Reacties van omwonenden waren overwegend positief.",
    ],
)
def test_dutch_prose_is_not_furniture(line: str) -> None:
    assert _family(line) is None


TITLE = "Gemeente plant extra fietsenstalling bij het station"
BODY = [
    "De gemeente wil volgend jaar een fietsenstalling voor tweeduizend fietsen bouwen aan de "
    "achterkant van het station.",
    "De huidige stalling is op werkdagen al voor negen uur vol, waardoor veel reizigers hun fiets "
    "op de stoep zetten. Lees ook hoe andere steden dat oplossen, zei de wethouder.",
    "De bouw kost naar schatting 3,5 miljoen euro. De provincie betaalt de helft, zo bleek "
    "dinsdag in de gemeenteraad.",
    "Als de plannen doorgaan, kan de stalling in de zomer van 2027 open.",
]
TOP = ["Home", "Nieuws", "Regio", "Sport"]
BOTTOM = [
    "Deel dit artikel",
    "Lees ook",
    "Nieuwe busbaan langs de ringweg",
    "Markt verhuist tijdelijk naar het plein",
    "Meld je aan voor onze nieuwsbrief en blijf op de hoogte",
    "© 2025 Dagblad Noord. Alle rechten voorbehouden.",
    "Privacyverklaring",
    "Contact",
]


@pytest.mark.parametrize("top, bottom", [(TOP, []), ([], BOTTOM), (TOP, BOTTOM)])
def test_a_dutch_record_comes_out_as_its_article(top: list[str], bottom: list[str]) -> None:
    record = "\n".join(["date 2025-10-01 200", *top, TITLE, *BODY, *bottom])
    art = clean_text(record)
    assert art.verdict == "article" and art.title == TITLE
    assert art.text == "\n".join(BODY)
    assert restore(art.text, art.removed) == record


def test_a_dutch_article_alone_is_unchanged() -> None:
    record = "\n".join(["date 2025-10-01 200", TITLE, *BODY])
    art = clean_text(record)
    assert art.text == "\n".join(BODY) and art.title == TITLE
