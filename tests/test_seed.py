"""The specimen record: newsclean must give exactly the expected answer."""

from __future__ import annotations

import json
from pathlib import Path

from newsclean import clean_text, restore

FIX = Path(__file__).parent / "fixtures"
RECORD = (FIX / "records" / "seed.txt").read_text(encoding="utf-8")
EXPECTED = json.loads((FIX / "seed_expected.json").read_text(encoding="utf-8"))


def _line_of(offset: int) -> int:
    return RECORD.count("\n", 0, offset) + 1


def test_seed_fields_exact() -> None:
    a = clean_text(RECORD)
    assert a.verdict == EXPECTED["verdict"]
    assert a.title == EXPECTED["title"]
    assert a.publisher == EXPECTED["publisher"]
    assert a.text == EXPECTED["text"]
    assert a.http_status == EXPECTED["record"]["http_status"]
    assert a.fetched == EXPECTED["record"]["fetched"]
    assert a.language == EXPECTED["language"]
    assert [{"speaker": q.speaker, "text": q.text} for q in a.quotes] == EXPECTED["quotes"]
    assert len(a.text.split("\n")) == EXPECTED["paragraphs"]


def test_seed_removed_lines_carry_expected_reasons() -> None:
    a = clean_text(RECORD)
    lines = RECORD.split("\n")
    for item in EXPECTED["removed"]:
        first, last = item["lines"]
        for n in range(first, last + 1):
            if not lines[n - 1].strip():
                continue
            reasons = {
                r.reason
                for r in a.removed
                if r.text.strip() and _line_of(r.start) <= n <= _line_of(max(r.start, r.end - 1))
            }
            assert item["reason"] in reasons, (n, reasons)


def test_seed_restores_byte_for_byte() -> None:
    a = clean_text(RECORD)
    assert restore(a.text, a.removed) == RECORD
    for r in a.removed:
        assert RECORD[r.start : r.end] == r.text


def test_quote_offsets_point_into_text() -> None:
    a = clean_text(RECORD)
    for q in a.quotes:
        assert a.text[q.start : q.end] == q.text
