"""The per-line and per-token counting of the line model's features, in plain typed loops.

features.py turns these counts into the feature matrix with numpy (the arithmetic over
columns, the logarithms, the means); what is here is the work a line or a token at a time:
one pass over a record's lines reads every mark off each line, one pass over its tokens counts
stop words and content words.  Plain Python on purpose: no numpy, only ints, bools and
strings, so that mypyc compiles it (newsclean/native.py) -- the per-line calls and tests run
as C -- and the .py file gives the same numbers.  Counts only (ints, and flags as 0/1): every
division and logarithm stays in features.py, so both paths make the same floats.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ..text_view import Line

_MD_LINK: Final = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)")
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_BULLET: Final = re.compile(r"^(?:[-*+•·▪‣◦>]\s|\d{1,3}[.)]\s)")
_BULLET_FIRST: Final = frozenset("-*+•·▪‣◦>0123456789")
_STOP_END: Final = frozenset(".!?…。！？")
_CLOSERS: Final = "\"')]»”’」』）*_"  # after a sentence's last stop (and markdown emphasis)

# The columns of `line_counts`, per line, in this order; the last holds FLAGS as bits (flag j
# is bit j): a number made of many small ones costs less to hand to numpy.
COUNTS = (
    "cstart", "cend", "words", "tokens", "stops", "content", "links", "link_chars", "cells",
    "flags",
)
FLAGS = (
    "ends_stop", "ends_colon", "ends_alnum", "bullet", "md_heading", "md_image", "starts_lower",
    "url", "year", "blank_before", "blank_after", "earlier",
)
WIDTH = len(COUNTS)


def tokens_of(lines: list[Line]) -> tuple[list[list[str]], list[str]]:
    """Each line's tokens, and all the record's in order."""
    toks: list[list[str]] = []
    every: list[str] = []
    for ln in lines:
        tk = ln.toks
        toks.append(tk)
        every.extend(tk)
    return toks, every


def line_counts(
    lines: list[Line], vlines: list[Line], toks: list[list[str]], stop: frozenset[str]
) -> list[int]:
    """COUNTS of every line (non-blank lines of the view `vlines`), row after row in one flat
    list: what a line's text, ends and tokens show, and its blank neighbours in the view."""
    # (flag j is bit j of the last column: FLAGS)
    out: list[int] = []
    nv = len(vlines)
    first_at: dict[str, int] = {}
    search_year = _YEAR.search
    for k, ln in enumerate(lines):
        t = ln.text
        norm = ln.norm
        first = t[0]
        last = t[-1]
        stops = 0
        content = 0
        tk = toks[k]
        for w in tk:
            if w in stop:
                stops += 1
            if len(w) >= 4 and not w.isdigit():
                content += 1
        links = t.count("](")
        link_chars = 0
        if links:
            for m in _MD_LINK.findall(t):
                link_chars += len(m)
        i = ln.index
        earlier = norm in first_at
        if not earlier:
            first_at[norm] = k
        flags = (
            (1 if t.rstrip(_CLOSERS)[-1:] in _STOP_END else 0)
            | (2 if last == ":" else 0)
            | (4 if last.isalnum() else 0)
            | (8 if first in _BULLET_FIRST and _BULLET.match(t) is not None else 0)
            | (16 if first == "#" else 0)
            | (32 if "![" in t else 0)
            | (64 if first.islower() else 0)
            | (128 if "http" in norm or "www." in norm else 0)
            | (256 if ("19" in t or "20" in t) and search_year(t) is not None else 0)
            | (512 if i > 0 and vlines[i - 1].blank else 0)
            | (1024 if i + 1 < nv and vlines[i + 1].blank else 0)
            | (2048 if earlier else 0)
        )
        out.extend((
            ln.cstart, ln.cend, ln.words, len(tk), stops, content, links, link_chars,
            t.count("\t") + t.count("   ") + t.count(" | "), flags,
        ))
    return out


def core(prose: list[bool], words: list[int]) -> tuple[int, int]:
    """The densest run of prose (maximum-sum window: a prose line counts for its length, any
    other line against it); (-1, -1) when there is none."""
    best = cur = 0.0
    start = 0
    lo = hi = -1
    for k in range(len(prose)):
        s = min(words[k], 60) / 10 if prose[k] else -1.0
        if cur <= 0:
            cur, start = s, k
        else:
            cur += s
        if cur > best:
            best, lo, hi = cur, start, k
    return lo, hi


def core_uses(toks: list[list[str]], core_prose: list[bool]) -> list[int]:
    """Per line, how many of its content words (four letters or more, not a number) the core's
    prose lines use -- more than once for a core prose line's own words."""
    uses: dict[str, int] = {}
    for k, tk in enumerate(toks):
        if core_prose[k]:
            for w in tk:
                if len(w) >= 4 and not w.isdigit():
                    uses[w] = uses.get(w, 0) + 1
    out: list[int] = []
    for k, tk in enumerate(toks):
        need = 2 if core_prose[k] else 1
        used = 0
        if uses:
            for w in tk:
                if len(w) >= 4 and not w.isdigit() and uses.get(w, 0) >= need:
                    used += 1
        out.append(used)
    return out


def rule_counts(
    lines: list[Line], marks: Mapping[int, tuple[str, str]], title: int | None,
    layout_rules: frozenset[str],
) -> tuple[list[int], int]:
    """Per line, the rule flags (features.RULES but the record's share) as bits: 1 named,
    2 repeated, 4 layout, 8 title, 16 inside the kept lines; and how many lines the rules
    remove."""
    n = len(lines)
    lo = n
    hi = -1
    for k, ln in enumerate(lines):
        if ln.index not in marks:
            if lo == n:
                lo = k
            hi = k
    out: list[int] = []
    removed = 0
    for k, ln in enumerate(lines):
        bits = 0
        mark = marks.get(ln.index)
        if mark is not None:
            reason, rule = mark
            if reason == "title":
                bits |= 8
            else:
                removed += 1
                if reason == "repeated":
                    bits |= 2
                elif reason == "boilerplate" and rule in layout_rules:
                    bits |= 4
                else:
                    bits |= 1
        if title is not None and ln.index == title:
            bits |= 8
        if lo <= k <= hi:
            bits |= 16
        out.append(bits)
    return out, removed
