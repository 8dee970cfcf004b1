"""The line model's per-line counting (line_model/shape.py): each count is what the line
shows, read line by line here the slow, obvious way; and the word-hash cache of the stop-list
vote gives the hashes themselves."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from newsclean.line_model import shape, stopwords
from newsclean.line_model.features import LAYOUT_RULES, NAMES, RULES, line_features
from newsclean.resolve import resolve
from newsclean.text_view import TextView

PAGE = (Path(__file__).parent / "fixtures" / "pages" / "harbour-page.txt").read_text("utf-8")
# a markdown rendering of a small page: links, an image, bullets, a heading, a table, a copy
MARKDOWN = """\
[Home](https://example.org/) | [Sport](https://example.org/sport) | [Weather](/weather)

# Council backs a second bridge over the river

![A view of the river at dusk](/img/river.jpg)

* [Local news](/local)
* [Traffic](/traffic)
1. First reading in March 2024
2) Second reading after the summer

The council voted on Tuesday to fund a second bridge, the first new crossing since 1987.
Work could begin next spring, officials said: "We have waited long enough."
Residents of the north bank have asked for a crossing for **years**.

Day\tCars\tBikes
Monday   1,200   340
See www.example.org/bridge or http://example.org/plans for the plans

Share this:
The council voted on Tuesday to fund a second bridge, the first new crossing since 1987.
"""
_STOP_END = frozenset(".!?…。！？")
_CLOSERS = "\"')]»”’」』）*_"
_MD_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)")


def _expected(view: TextView, k: int, stop: frozenset[str]) -> dict[str, int]:
    """A line's counts, read off it one test at a time."""
    lines = view.body()
    ln = lines[k]
    t, toks = ln.text, ln.toks
    content = [w for w in toks if len(w) >= 4 and not w.isdigit()]
    before = view.lines[ln.index - 1] if ln.index > 0 else None
    after = view.lines[ln.index + 1] if ln.index + 1 < len(view.lines) else None
    return {
        "cstart": ln.cstart, "cend": ln.cend, "words": ln.words, "tokens": len(toks),
        "stops": sum(w in stop for w in toks), "content": len(content),
        "ends_stop": t.rstrip(_CLOSERS)[-1:] in _STOP_END,
        "ends_colon": t.endswith(":"), "ends_alnum": t[-1].isalnum(),
        "bullet": re.match(r"(?:[-*+•·▪‣◦>]\s|\d{1,3}[.)]\s)", t) is not None,
        "links": t.count("]("), "link_chars": sum(len(m) for m in _MD_LINK.findall(t)),
        "md_heading": t.startswith("#"), "md_image": "![" in t, "starts_lower": t[0].islower(),
        "url": "http" in ln.norm or "www." in ln.norm,
        "year": re.search(r"\b(?:19|20)\d\d\b", t) is not None,
        "cells": t.count("\t") + t.count("   ") + t.count(" | "),
        "blank_before": before is not None and before.blank,
        "blank_after": after is not None and after.blank,
        "earlier": any(o.norm == ln.norm for o in lines[:k]),
    }


def _row(counts: list[int]) -> dict[str, int]:
    """A line's counts by name, its flags unpacked (0/1)."""
    row = dict(zip(shape.COUNTS, counts, strict=True))
    flags = row.pop("flags")
    assert flags < 1 << len(shape.FLAGS)
    return row | {name: (flags >> j) & 1 for j, name in enumerate(shape.FLAGS)}


def test_line_counts_are_what_each_line_shows() -> None:
    stop = frozenset({"the", "a", "of", "on", "to", "for", "have", "since", "could", "over"})
    for text in (PAGE, MARKDOWN):
        view = TextView(text)
        lines = view.body()
        toks, every = shape.tokens_of(lines)
        assert toks == [ln.toks for ln in lines] and every == [w for tk in toks for w in tk]
        flat = shape.line_counts(lines, view.lines, toks, stop)
        assert len(flat) == shape.WIDTH * len(lines)
        for k in range(len(lines)):
            row = _row(flat[k * shape.WIDTH : (k + 1) * shape.WIDTH])
            assert row == _expected(view, k, stop), lines[k].text[:50]
    # the page's marks are found at all (the expectations above are not all zeros); the
    # image counts among the links ("](")
    view = TextView(MARKDOWN)
    lines = view.body()
    flat = np.array(shape.line_counts(lines, view.lines, shape.tokens_of(lines)[0], frozenset()))
    rows = [_row(r) for r in flat.reshape(len(lines), shape.WIDTH).tolist()]
    named = {name: sum(r[name] for r in rows) for name in rows[0]}
    assert named["bullet"] == 4 and named["md_image"] == 1 and named["md_heading"] == 1
    assert named["links"] == 6 and named["earlier"] == 1 and named["url"] == 2
    assert named["year"] == 3 and named["cells"] >= 3 and named["stops"] == 0


def test_core_uses_counts_the_words_the_core_prose_shares() -> None:
    toks = [
        ["ferry", "harbour", "winter", "crew"],  # the core's prose
        ["harbour", "ferry", "timetable", "winter"],  # the core's prose
        ["harbour", "winter", "2024", "cookie"],  # outside: each core word once is enough
        ["ferry", "crew", "the", "of"],
    ]
    core = [True, True, False, False]
    # inside the core a word must be used twice (once is the line itself)
    assert shape.core_uses(toks, core) == [3, 3, 2, 2]
    assert shape.core_uses(toks, [False] * 4) == [0, 0, 0, 0]


def test_rule_counts_name_each_reason() -> None:
    view = TextView("Menu\nHeadline of the day\nBody line one.\nShare\nBody line two.\nFooter")
    lines = view.body()
    marks = {0: ("boilerplate", "navigation"), 1: ("title", ""), 3: ("boilerplate", "share"),
             5: ("repeated", "")}
    bits, removed = shape.rule_counts(lines, marks, 1, LAYOUT_RULES)
    assert removed == 3
    # layout (navigation), title, inside, named (+ inside: between kept lines), inside,
    # repeated (after the last kept line)
    assert bits == [4, 8, 16, 1 | 16, 16, 2]
    # the features' columns are these bits
    X = line_features(view, lines, marks, 1)
    rules = X[:, [NAMES.index(r) for r in RULES]]
    assert rules[:, :5].tolist() == [[(b >> j) & 1 for j in range(5)] for b in bits]
    assert np.allclose(rules[:, 5], removed / len(lines))


def test_features_of_a_page_equal_for_its_copy_and_its_marks() -> None:
    view = TextView(PAGE)
    found = resolve(view)
    a = line_features(view, view.body(), found.line_marks)
    b = line_features(TextView(PAGE), None, found.line_marks)
    assert a.dtype == np.float32 and np.array_equal(a, b)
    assert not np.isnan(a).any()


def test_rows_of_the_vote_are_where_the_hashes_stand(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    words = ["der", "Stadtrat", "hat", "der", "und", "qqzxv", "beschlossen"]
    # an index of three words' hashes, sorted as the vote's is
    held = sorted(stopwords.word_hash(w) for w in ("der", "und", "hat"))
    hashes = np.array(held, dtype=np.uint64)
    want = [held.index(stopwords.word_hash(w)) if w in ("der", "und", "hat") else -1
            for w in words]
    monkeypatch.setattr(stopwords, "_row_of", {})
    assert stopwords._rows(words, hashes).tolist() == want
    assert stopwords._rows(words, hashes).tolist() == want  # from what was seen
    # past the bound it starts afresh, and still gives the rows
    monkeypatch.setattr(stopwords, "_SEEN_MAX", 2)
    assert stopwords._rows(words, hashes).tolist() == want
    assert len(stopwords._row_of) <= len(set(words))


def test_every_base_column_is_made() -> None:
    from newsclean.line_model import features as F

    made = [*F._LOGS, *F._PER_CHAR, *F._FLAGGED] + [
        F._B[n] for n in ("word_len", "comma_rate", "stop_density", "cap_share", "upper_share",
                          "symbols", "quote_marks")
    ]
    assert sorted(made) == list(range(len(F.BASE)))
