"""Mojibake repair (opt-in): garbled kept lines are fixed, every fix is undone by restore."""

from __future__ import annotations

import json

from newsclean import clean_text, restore
from newsclean.writers.parquet import SCHEMA

TITLE = "Night buses to reach outer districts from March"
GARBLED = (
    "The mayor said â€œwe will keep the buses runningâ€\x9d and didnâ€™t expect the "
    "cost to pass â‚¬4 million a year."
)
FIXED = "The mayor said “we will keep the buses running” and didn’t expect the cost to pass €4 million a year."
P2 = (
    "Officials said the extension would be paid for by a small increase in parking fees in the "
    "centre, starting in the spring."
)


def test_mojibake_in_a_kept_line_is_repaired_and_restorable() -> None:
    rec = "\n".join(["date 2025-03-01 200", TITLE, GARBLED, P2, "Share this article"])
    art = clean_text(rec, repair_encoding=True)
    assert art.text == "\n".join([FIXED, P2])
    assert art.repaired and all(r.rule == "mojibake" for r in art.repaired)
    assert all(rec[r.start : r.end] == r.text for r in art.repaired)
    assert restore(art.text, art.removed, art.repaired) == rec
    # through the JSON output, as `newsclean restore` reads it
    d = json.loads(json.dumps(art.to_dict()))
    assert restore(d["text"], d["removed"], d["repaired"]) == rec


def test_repair_is_off_by_default_and_leaves_clean_text_alone() -> None:
    rec = "\n".join(["date 2025-03-01 200", TITLE, GARBLED, P2])
    art = clean_text(rec)
    assert art.text == "\n".join([GARBLED, P2]) and art.repaired == []
    # real accented text and curly quotes are not mojibake
    fine = "Café owners in Zürich said “naïve” plans à la carte cost 5 € — and ½ of them agreed."
    art = clean_text("\n".join(["date 2025-03-01 200", TITLE, fine, P2]), repair_encoding=True)
    assert art.repaired == []
    assert art.text == "\n".join([fine, P2])


def test_repairs_are_a_parquet_column() -> None:
    assert "repaired" in SCHEMA.names


def test_a_very_long_garbled_line_is_one_span_and_restorable() -> None:
    long_line = GARBLED + " " + P2 * 200 + " " + GARBLED
    rec = "\n".join(["date 2025-03-01 200", TITLE, long_line, P2])
    art = clean_text(rec, repair_encoding=True)
    assert len(art.repaired) == 1 and "â€" not in art.text
    assert restore(art.text, art.removed, art.repaired) == rec
