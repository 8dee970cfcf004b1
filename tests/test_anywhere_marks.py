"""The marks given wherever a line stands in the body (an ad slot's marker, an embed's
leftover, a reading wall's prompt) are remembered by the line's text: the answer must be the
same the first time and every time after, and follow the line's word count too."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import boilerplate
from newsclean.resolve import _anywhere_mark
from newsclean.text_view import Line, normalise

PARAGRAPHS = [
    "The ferry between the two islands will run every hour from May, the operator said on "
    "Monday, after a winter in which storms cancelled almost a third of its crossings.",
    "Islanders had asked for more crossings for years, and the council agreed last autumn to "
    "pay for a second boat that can sail in heavier seas than the old one.",
    "The new boat carries forty cars and arrives in April from the yard on the mainland, "
    "where it has been fitted with engines that burn less fuel on every trip.",
]


def _record(middle: str) -> str:
    return "\n".join(["Island ferry to run every hour", PARAGRAPHS[0], middle, *PARAGRAPHS[1:]])


def _line(text: str, words: int) -> Line:
    return Line(0, 0, len(text), 0, len(text), text, normalise(text), words)


@pytest.mark.parametrize(
    ("middle", "rule"),
    [
        ("Advertisement", "ad_marker"),
        ("[Embedded content]", "embed"),
        ("Subscribe to continue reading", "paywall"),
    ],
)
def test_a_marked_line_is_marked_again_when_it_recurs(middle: str, rule: str) -> None:
    for _ in range(3):  # the first time computed, then remembered
        text = _record(middle)
        art = clean_text(text, enrich=False)
        assert middle not in art.text
        assert [r.rule for r in art.removed if r.text.strip() == middle] == [rule]
        assert all(p in art.text for p in PARAGRAPHS)
        assert restore(art.text, art.removed) == text


def test_an_articles_own_short_line_stays_when_it_recurs() -> None:
    own = "The first crossing leaves at six."
    for _ in range(3):
        art = clean_text(_record(own), enrich=False)
        assert own in art.text.split("\n")
        assert not any(r.text.strip() == own for r in art.removed)


def test_the_answer_follows_the_word_count_as_well_as_the_text() -> None:
    wall = "Subscribe to continue reading"
    short, long_ = _line(wall, 4), _line(wall, boilerplate.WALL_WORDS + 1)
    assert short.norm == long_.norm
    # asked in turn, each gets its own answer whichever was asked first
    assert _anywhere_mark(short) == ("boilerplate", "paywall")
    assert _anywhere_mark(long_) is None
    assert _anywhere_mark(short) == ("boilerplate", "paywall")
    assert _anywhere_mark(_line("Advertisement", 1)) == ("boilerplate", "ad_marker")
    assert _anywhere_mark(_line("Advertisement", 9)) is None


@pytest.mark.parametrize(
    "hint",
    ["read", "subscri", "members", "limit", "unlock", "weiterzu", "weiterles", "suite",
     "leyendo", "leggere", "lendo", "abonn", "suscript", "assinant", "abbonat", "sign in",
     "log in", "login", "continue with"],
)
def test_the_wall_hint_finds_each_of_its_substrings_anywhere(hint: str) -> None:
    assert boilerplate.WALL_HINT.search(hint)
    assert boilerplate.WALL_HINT.search(f"before {hint}after")
    # a letter short, or split by a space, it is no hint
    assert not boilerplate.WALL_HINT.search(f"x {hint[:-1]} y")
    assert not boilerplate.WALL_HINT.search(f"{hint[:2]} {hint[2:]}")
