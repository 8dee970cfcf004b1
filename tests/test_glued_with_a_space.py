"""Furniture run onto the article's first or last line with a space between (a crawler that
flattens the page's blocks into one line): a widget's label, an ad slot, a tag list or a
rights notice after the last sentence, a widget's label or an ad slot before the first.  Prose
puts a space there too, so a story's own short sentence, a label introducing the line, a
name in title case or a heading stays."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore

HEAD = "date 2025-05-20 200"
TITLE = "Allotment waiting list halves after new plots open"
BODY = [
    "The waiting list for allotments in the borough has halved since forty new plots opened "
    "on the old depot site in March, the parks department said on Monday.",
    "Around two hundred households were waiting at the start of the year, some of them for "
    "more than five years, and the list now stands at just under a hundred.",
    "The department plans to split larger plots into halves when tenants give them up, and "
    "hopes to open a further site near the railway line next spring.",
]


def _clean(first: str, last: str) -> tuple[str, list[str]]:
    record = "\n".join([HEAD, TITLE, first, *BODY[1:-1], last])
    art = clean_text(record)
    assert art.verdict == "article"
    assert restore(art.text, art.removed) == record
    return art.text, [r.rule for r in art.removed if r.rule in ("glued_tail", "glued_head")]


@pytest.mark.parametrize(
    "tail",
    [
        "Share this article",
        "Advertisement",
        "Related Articles",
        "Tags: allotments, parks, housing",
        "Copyright 2025 The Borough Gazette. All rights reserved.",
    ],
)
def test_furniture_after_the_last_sentence_and_a_space_goes(tail: str) -> None:
    text, rules = _clean(BODY[0], BODY[-1] + " " + tail)
    assert text == "\n".join(BODY)
    assert rules == ["glued_tail"]


@pytest.mark.parametrize(
    "head",
    [
        "Advertisement",
        "Share this article",
        # a player's button to hear the article, in English, German and French
        "Listen to this story",
        "Artikel anhören",
        "Écouter cet article",
        # a menu's items, two or more
        "Home News Local",
        # a share row ending on a camel-cased name ("WhatsApp"): cut after the whole name
        "Facebook Twitter WhatsApp",
    ],
)
def test_a_label_before_the_first_sentence_and_a_space_goes(head: str) -> None:
    text, rules = _clean(head + " " + BODY[0], BODY[-1])
    assert text == "\n".join(BODY)
    assert rules == ["glued_head"]


@pytest.mark.parametrize(
    "last",
    [
        # a short sentence of the story's own, or a call that is the article's own line
        BODY[-1] + " Plots cost forty pounds a year.",
        BODY[-1] + " Applications open in June.",
        # a sentence a family would take alone, but a sentence: it ends on its stop
        BODY[-1].replace("next spring.", "next spring, and a form is on its website.") + " Print it out.",
        # a menu's word after the stop: too weak to cut on
        BODY[-1] + " Home",
    ],
)
def test_the_last_line_s_own_sentences_stay(last: str) -> None:
    text, rules = _clean(BODY[0], last)
    assert text.endswith(last)
    assert rules == []


@pytest.mark.parametrize(
    "first",
    [
        # a family takes the start of a sentence ("Thanks to …") or a label opens the line
        "Thanks to the Harbour Trust Volunteers Group, the old depot site was cleared in "
        "weeks rather than months, the parks department said on Monday.",
        "Disclaimer: This report was produced with support from the borough's community "
        "fund, which had no say over what it covers.",
        # a heading in title case whose first word is a widget's label
        "Share Prices In The Garden Centre Group Rose After The Council Leased Forty New "
        "Plots To Residents",
        "Advertisement Standards Authority Upholds Complaint Against The Garden Centre Over "
        "Its Allotment Claims",
        # one menu word may be a name's first ("News Corp", "Home Office")
        "News Corp said on Monday that it would sponsor the borough's allotment show for "
        "another three years.",
        "Home Office inspectors visited the depot site in March before the new plots opened "
        "to residents.",
    ],
)
def test_the_first_line_s_own_opening_stays(first: str) -> None:
    text, rules = _clean(first, BODY[-1])
    assert first in text
    assert rules == []
