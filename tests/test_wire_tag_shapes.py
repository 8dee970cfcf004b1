"""Wire tags known by their shape in more of the forms wires print them: places in title case
with accents, joining words or abbreviations, dates in other orders, a region after the city,
a colon after the place, the agency's desk in its bracket, agencies between slashes, and the
agency first with its place and date after it."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore

TITLE = "Port workers end their strike after a new pay deal"
LEAD = ("The dock workers' union said its members voted to accept a three-year contract that "
        "raises pay by eleven percent and limits night shifts to four a week.")
REST = ("Ships that waited at anchor for nine days began unloading on Tuesday morning, and the "
        "port authority said the backlog should clear by the end of the month.")


@pytest.mark.parametrize(
    ("tag", "agency", "place"),
    [
        ("Rio de Janeiro (Norpress) - ", "Norpress", "Rio de Janeiro"),
        ("Frankfurt am Main (Norpress) - ", "Norpress", "Frankfurt am Main"),
        ("São Paulo, 3 mars (Norpress) - ", "Norpress", "São Paulo, 3 mars"),
        ("St. Louis (KXYZ) -- ", "KXYZ", "St. Louis"),
        ("Buenos Aires, 3 de marzo (Télex) - ", "Télex", "Buenos Aires, 3 de marzo"),
        ("WASHINGTON, D.C. (Norpress) — ", "Norpress", "WASHINGTON, D.C."),
        ("LONDON, 3rd March (Norpress) - ", "Norpress", "LONDON, 3rd March"),
        ("PARIS, 03/03/2025 (Norpress) - ", "Norpress", "PARIS, 03/03/2025"),
        ("Dubai: (NPA) ", "NPA", "Dubai"),
        ("(Norpress, Oslo) — ", "Norpress", None),
        ("(Norpress/Oslo) - ", "Norpress", None),
        ("NEW YORK, March 3 /Newswire/ -- ", "Newswire", "NEW YORK, March 3"),
        ("MOSCOW, March 3 /NPA/. ", "NPA", "MOSCOW, March 3"),
        ("(NPA) - ROMA, 3 MAR - ", "NPA", "ROMA, 3 MAR"),
        # a date after the place with no comma, after a slash, in ISO form, in capitals
        ("LISBON Mar. 3 (Norpress) • ", "Norpress", "LISBON Mar. 3"),
        ("Hamburg 3. März (Norpress) - ", "Norpress", "Hamburg 3. März"),
        ("Frankfurt am Main/3. März (npa) -- ", "npa", "Frankfurt am Main/3. März"),
        ("OSLO, 2025-03-03 (Norpress) - ", "Norpress", "OSLO, 2025-03-03"),
        # day and month alone in figures
        ("Athens, 3/3 (NPA-Hellas) - ", "NPA-Hellas", "Athens, 3/3"),
        ("BERLIN, 3.3. (npa) - ", "npa", "BERLIN, 3.3."),
        ("LIMA, 3 DE MARZO (Norpress): ", "Norpress", "LIMA, 3 DE MARZO"),
        # the agency in square brackets, after its place
        ("KRAKOW [Norpress] -- ", "Norpress", "KRAKOW"),
        # a date alone before the agency, in figures or words, with an article before the day
        ("2025-03-03 (Agencia Sur) - ", "Agencia Sur", "2025-03-03"),
        ("03-03-2025 (NPA) ", "NPA", "03-03-2025"),
        ("el 3 de marzo (Norpress) — ", "Norpress", "el 3 de marzo"),
        ("MADRID, el 3 de marzo de 2025 (Norpress) - ", "Norpress", "MADRID, el 3 de marzo de 2025"),
        ("Lyon, le 3 mars (npa) | ", "npa", "Lyon, le 3 mars"),
        ("Mar. 3 [Norpress] — ", "Norpress", "Mar. 3"),
        # letters past Latin-1 in the agency and the place
        ("Łódź, 3. března (ČPA) – ", "ČPA", "Łódź, 3. března"),
        ("(ŽPR) — ", "ŽPR", None),
        # a square tag alone with a dash after it; a capitalised agency alone over a sentence
        ("[NPA] – ", "NPA", None),
        ("(Norpress) ", "Norpress", None),
        # a capitalised agency under a date, no separator
        ("3 March 2025 (Agencia Sur) ", "Agencia Sur", "3 March 2025"),
    ],
)
def test_a_wire_tag_in_another_form_goes_and_names_the_publisher(tag, agency, place) -> None:
    record = "\n".join(["date 2025-03-03 200", TITLE, tag + LEAD, REST])
    art = clean_text(record)
    assert art.publisher == agency
    assert art.text == "\n".join([LEAD, REST])
    assert art.extra.get("dateline") == place
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize(
    "first",
    [
        # a subreddit's path, a bracketed aside and a city's gloss are no tags
        "/r/sailing is where the crews compared notes on the new contract all week long.",
        "São Paulo (Brazil) is the largest port city on the continent, and its dockers watched the vote.",
        "Union members (most of them) voted by text message, a first for the dock workers.",
        # a site's label in square brackets is no agency
        "[VIDEO] Dockers cheered outside the union hall as the result of the vote was read out.",
        "[UPDATE] - The port authority now says the backlog will clear within two weeks.",
        "Harbour [pictured] has been closed to pleasure boats since the strike began last month.",
        "[Video] – Dockers cheered outside the union hall as the result of the vote was read out.",
        # a bracketed word over a short line; a capitalised aside after a number and a word
        "(Updated) The port authority now says the backlog will clear within two weeks.",
        "The 10 Best (and Cheapest) Ways to Reach the Island While the Ferries Are Stopped",
    ],
)
def test_a_first_paragraph_opening_on_a_slash_or_a_bracket_is_no_tag(first) -> None:
    record = "\n".join(["date 2025-03-03 200", TITLE, first, REST])
    art = clean_text(record)
    assert art.publisher is None
    assert art.text == "\n".join([first, REST])
