"""The enrichment's hand-written scans give what the regex or str.find they replace gives."""

from __future__ import annotations

import pytest

from newsclean.enrich.quotes import _TOKEN, _cap, _chunk_words
from newsclean.enrich.speakers import _finds


@pytest.mark.parametrize("chunk", [
    "said,", "“We", "Dunne’s.”", "(AP)", "students’", "’90s", "—", "...", "$5,",
    # left to the regex, or split apart by it
    "U.S.", "3.5%", "90’s", "well-known,", "rock’n’roll.", "a_b", "e-mail:", "(b.",
    "Sen.", "x.y.z", "“¿Qué?”", "naïve,", "½-price", "2024-25", "Ltd.)",
])
def test_chunk_words_are_the_regex_tokens(chunk: str) -> None:
    words: list[str] = []
    _chunk_words(chunk, words)
    assert words == _TOKEN.findall(chunk)


def test_chunk_words_split_marks_off_a_word() -> None:
    words: list[str] = []
    _chunk_words("“Harbour’s.”", words)
    assert words == ["“", "Harbour’s", ".", "”"]
    words.clear()
    _chunk_words("1990’s", words)  # a number ends at the apostrophe
    assert words == ["1990", "’", "s"]


def test_cap_is_the_first_letter_in_upper_case() -> None:
    for word in ("Harbour", "harbour", "Élise", "élise", "“", "42", "Ω", "ω"):
        assert _cap(word) == word[0].isupper()


def test_finds_gives_every_occurrence_without_overlap() -> None:
    text = "Varga met Elena Varga. Vargas said Varga\u00a0Varga; VargaVarga ended."
    expected = []
    i = text.find("Varga")
    while i >= 0:
        expected.append(i)
        i = text.find("Varga", i + 5)
    assert _finds(text, "Varga") == expected
    assert len(expected) == 7
    assert _finds("aaaa", "aa") == [0, 2]
    assert _finds("no such name here", "Varga") == []
