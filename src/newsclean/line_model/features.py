"""Shallow features of a record's lines, for the learned line model.

What boilerpipe and jusText read, because it holds across sites: a line's length, its
stop-word density, its share of capitals, digits and punctuation, whether it ends a sentence,
markup marks (bullets, markdown links, images, headings, table bars), where it stands in the
record and relative to the densest run of prose, whether it repeats, and how many of its
words the article's prose uses elsewhere -- each also for its neighbours.  No feature names a
wording.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from itertools import compress, repeat

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from ..text_view import Line, TextView
from .stopwords import stoplist_for

_SENT_INSIDE = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘(]?[A-Z0-9]")
_MD_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BULLET = re.compile(r"^(?:[-*+•·▪‣◦>]\s|\d{1,3}[.)]\s)")
_STOP_END = frozenset(".!?…。！？")
_SYMBOLS = frozenset("©®™@|#»«›‹")
_QUOTES = frozenset("\"“”«»„")
PROSE_WORDS = 12
CONTEXT = 3

BASE = (
    "log_words",
    "log_chars",
    "word_len",
    "stop_density",
    "cap_share",
    "digit_share",
    "punct_share",
    "ends_stop",
    "ends_colon",
    "ends_alnum",
    "inner_sentences",
    "comma_rate",
    "bullet",
    "md_links",
    "md_link_share",
    "md_heading",
    "md_image",
    "symbols",
    "upper_share",
    "url",
    "year",
    "quote_marks",
    "starts_lower",
    "cells",
)
NEIGHBOUR = ("log_words", "stop_density", "ends_stop", "md_link_share", "starts_lower")
OFFSETS = (-2, -1, 1, 2)
CONTEXTUAL = (
    "copy_of_earlier",
    "rel_pos",
    "in_core",
    "above_core",
    "below_core",
    "core_overlap",
    "content_words",
    "blank_before",
    "blank_after",
    "prose_around",
    "rec_lines",
    "rec_prose_share",
    "rec_markdown_share",
    "rec_stop_density",
)
# What the family rules and the layout made of the line (resolve's marks): strong evidence on
# records of an article with noise, weaker on whole pages, and the model learns how much.
RULES = (
    "rule_named",  # a family or banner names its wording
    "rule_repeated",  # a copy of other lines
    "rule_layout",  # furniture by where it stands (menus above the headline, links below)
    "rule_title",  # the headline
    "rule_inside",  # between the first and last lines the rules keep
    "rec_rule_removed",  # share of the record's lines the rules remove
)
LAYOUT_RULES = frozenset(
    {"navigation", "tail_links", "related_links", "page_furniture", "page_title"}
)
NAMES: tuple[str, ...] = (
    *BASE,
    *(f"{n}@{o:+d}" for o in OFFSETS for n in NEIGHBOUR),
    *CONTEXTUAL,
    *RULES,
)
_B = {n: i for i, n in enumerate(BASE)}


# character classes, as bits: computed for a record's distinct characters once, looked up
# for every character at once (numpy), counted per line from running totals (_class_counts)
_ALPHA, _UP, _DIGIT, _SPACE, _ALNUM, _COMMA, _SYMBOL, _QUOTE = (1 << k for k in range(8))


def _bits(c: str) -> int:
    return (
        (_ALPHA if c.isalpha() else 0)
        | (_UP if c.isupper() else 0)
        | (_DIGIT if "0" <= c <= "9" else 0)
        | (_SPACE if c.isspace() else 0)
        | (_ALNUM if c.isalnum() else 0)
        | (_COMMA if c == "," else 0)
        | (_SYMBOL if c in _SYMBOLS else 0)
        | (_QUOTE if c in _QUOTES else 0)
    )


_ASCII_BITS = np.array([_bits(chr(c)) for c in range(128)], dtype=np.uint8)
_CLOSERS = "\"')]»”’」』）*_"  # after a sentence's last stop (and markdown emphasis)


def _classes(text: str) -> np.ndarray:
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    out = _ASCII_BITS[np.minimum(cps, 127)]
    wide = cps >= 128
    if wide.any():
        uniq, inv = np.unique(cps[wide], return_inverse=True)
        out[wide] = np.array([_bits(chr(c)) for c in uniq], dtype=np.uint8)[inv]
    return out


# The counts per line of _COUNTED (a character's class bits, and two of a word's first
# character: _FIRST marks a non-space after a space or at the record's start), packed: each
# count in a lane of a uint64 word, added up for all at once.  A line's counts are the
# difference of the running totals at its ends, exact in wrapping uint64 arithmetic while no
# count outgrows its lane: 16-bit lanes for lines under 65,536 characters, else a word each.
_FIRST = 1 << 8
_COUNTED = (_ALPHA, _UP, _DIGIT, _SPACE, _ALNUM, _COMMA, _SYMBOL, _QUOTE,
            _FIRST | _ALPHA, _FIRST | _UP)


def _lane_table(lanes: int) -> np.ndarray:
    """words x 512: for each class code (8 class bits and _FIRST), its ones in the lanes of
    the counts it adds to."""
    width = 64 // lanes
    table = np.zeros(((len(_COUNTED) + lanes - 1) // lanes, 512), dtype=np.uint64)
    for code in range(512):
        for f, need in enumerate(_COUNTED):
            if code & need == need:
                table[f // lanes, code] |= np.uint64(1 << (width * (f % lanes)))
    return table


_LANES = {4: _lane_table(4), 1: _lane_table(1)}


def _class_counts(cls: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[np.ndarray]:
    """How many characters of each line's [start, end) are of each class of _COUNTED."""
    space = (cls & _SPACE) != 0
    code = cls.astype(np.intp)
    # a word starts where a non-space follows a space (or the line's first character)
    code[1:] |= (~space[1:] & space[:-1]) * _FIRST
    if len(code) and not space[0]:
        code[0] |= _FIRST
    lanes = 4 if len(starts) == 0 or int((ends - starts).max()) < 1 << 16 else 1
    table = _LANES[lanes]
    running = np.zeros((len(table), len(code) + 1), dtype=np.uint64)
    np.cumsum(np.take(table, code, axis=1), axis=1, out=running[:, 1:])
    per = np.take(running, ends, axis=1) - np.take(running, starts, axis=1)
    width = 64 // lanes
    mask = np.uint64((1 << width) - 1)
    return [
        ((per[f // lanes] >> np.uint64(width * (f % lanes))) & mask).astype(np.int64)
        for f in range(len(_COUNTED))
    ]


def _base_matrix(
    text: str,
    lines: list[Line],
    stop: frozenset[str],
    toks: list[list[str]],
    all_toks: list[str],
) -> np.ndarray:
    """BASE for every line at once: character classes counted per line from running totals,
    expressions run once over the record and their matches binned into lines."""
    n = len(lines)
    starts = np.fromiter((ln.cstart for ln in lines), dtype=np.int64, count=n)
    ends = np.fromiter((ln.cend for ln in lines), dtype=np.int64, count=n)
    chars = (ends - starts).astype(np.float64)
    words = np.fromiter((ln.words for ln in lines), dtype=np.float64, count=n)
    alpha, up, digit, space, alnum, commas, symbols, quotes, alpha_words, caps = _class_counts(
        _classes(text), starts, ends
    )
    # stop words: one membership test per word of the record, summed per line
    ntok = np.fromiter((len(tk) for tk in toks), dtype=np.int64, count=n)
    hits = np.fromiter(
        map(stop.__contains__, all_toks), dtype=bool, count=len(all_toks)
    )
    cum = np.concatenate([[0], np.cumsum(hits, dtype=np.int64)]).astype(np.float64)
    off = np.concatenate([[0], np.cumsum(ntok)])
    stops = (cum[off[1:]] - cum[off[:-1]]) / np.maximum(ntok, 1)
    per_line = _mark_columns(text, lines, starts, ends)
    safe = np.maximum(chars, 1)
    out = np.column_stack(
        [
            np.log1p(words),
            np.log1p(chars),
            np.minimum(chars / np.maximum(words, 1), 20.0),
            stops,
            np.divide(caps, alpha_words, out=np.zeros(n), where=alpha_words > 0),
            digit / safe,
            (chars - alnum - space) / safe,
            per_line[:, 0],  # ends_stop
            per_line[:, 1],  # ends_colon
            per_line[:, 2],  # ends_alnum
            np.log1p(per_line[:, 9]),  # inner sentences
            commas / np.maximum(words, 1),
            per_line[:, 3],  # bullet
            np.log1p(per_line[:, 4]),  # md_links
            per_line[:, 5] / safe,  # md_link_share
            per_line[:, 6],  # md_heading
            per_line[:, 7],  # md_image
            symbols > 0,
            np.divide(up, alpha, out=np.zeros(n), where=alpha > 0),
            per_line[:, 10],  # url
            per_line[:, 11],  # year
            quotes > 0,
            per_line[:, 8],  # starts_lower
            np.log1p(per_line[:, 12]),  # cells
        ]
    )
    return out


_LINE_MARKS = ("ends_stop", "ends_colon", "ends_alnum", "bullet", "links", "link_chars",
               "heading", "image", "starts_lower", "inner", "url", "year", "cells")


_BULLET_FIRST = frozenset("-*+•·▪‣◦>0123456789")


def _per_line_matches(
    pattern: re.Pattern[str], text: str, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """How many matches of `pattern` over the record lie wholly inside each line (one pass
    over the record; a match running from one line into the next counts for none, as it
    would not be found in either line alone)."""
    n = len(starts)
    pos = [(m.start(), m.end()) for m in pattern.finditer(text, int(starts[0]), int(ends[-1]))]
    if not pos:
        return np.zeros(n)
    at = np.array(pos, dtype=np.int64)
    k = np.searchsorted(starts, at[:, 0], side="right") - 1
    ok = (k >= 0) & (at[:, 1] <= ends[np.maximum(k, 0)])
    return np.bincount(k[ok], minlength=n).astype(np.float64)


def _mark_columns(
    text: str, lines: list[Line], starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """The features read off a line's ends, marks and a few expressions: string tests in C
    per line, the expressions run once over the record and binned into lines.  Columns in
    the order of _LINE_MARKS."""
    n = len(lines)
    texts = [ln.text for ln in lines]
    firsts = [t[0] for t in texts]
    lasts = [t[-1] for t in texts]
    links = [t.count("](") for t in texts]

    def col(values) -> np.ndarray:  # noqa: ANN001
        return np.fromiter(values, dtype=np.float64, count=n)

    out = np.empty((n, len(_LINE_MARKS)))
    out[:, 0] = col(t.rstrip(_CLOSERS)[-1:] in _STOP_END for t in texts)
    out[:, 1] = col(c == ":" for c in lasts)
    out[:, 2] = col(c.isalnum() for c in lasts)
    out[:, 3] = col(
        f in _BULLET_FIRST and _BULLET.match(t) is not None
        for f, t in zip(firsts, texts, strict=True)
    )
    out[:, 4] = links
    out[:, 5] = col(
        sum(len(m) for m in _MD_LINK.findall(t)) if k else 0
        for k, t in zip(links, texts, strict=True)
    )
    out[:, 6] = col(c == "#" for c in firsts)
    out[:, 7] = col("![" in t for t in texts)
    out[:, 8] = col(c.islower() for c in firsts)
    inner = _per_line_matches(_SENT_INSIDE, text, starts, ends)
    out[:, 9] = np.where((ends - starts) > 20, inner, 0.0)
    out[:, 10] = col("http" in ln.norm or "www." in ln.norm for ln in lines)
    # (the expression only where a year's first two digits stand: most lines have none)
    search = _YEAR.search
    out[:, 11] = col(("19" in t or "20" in t) and search(t) is not None for t in texts)
    out[:, 12] = col(t.count("\t") + t.count("   ") + t.count(" | ") for t in texts)
    return out


def _core(prose: list[bool], words: list[int]) -> tuple[int, int]:
    """The densest run of prose (maximum-sum window: a prose line counts for its length, any
    other line against it); (-1, -1) when there is none."""
    best = cur = 0.0
    start = 0
    lo = hi = -1
    for k, (p, w) in enumerate(zip(prose, words, strict=True)):
        s = min(w, 60) / 10 if p else -1.0
        if cur <= 0:
            cur, start = s, k
        else:
            cur += s
        if cur > best:
            best, lo, hi = cur, start, k
    return lo, hi


def _rule_columns(
    lines: list[Line], marks: Mapping[int, tuple[str, str]], title: int | None
) -> np.ndarray:
    n = len(lines)
    out = np.zeros((n, len(RULES)), dtype=np.float32)
    kept = [k for k, ln in enumerate(lines) if ln.index not in marks]
    lo, hi = (kept[0], kept[-1]) if kept else (n, -1)
    removed = 0
    for k, ln in enumerate(lines):
        mark = marks.get(ln.index)
        if mark is not None:
            reason, rule = mark
            if reason == "title":
                out[k, 3] = 1.0
            else:
                removed += 1
                if reason == "repeated":
                    out[k, 1] = 1.0
                elif reason == "boilerplate" and rule in LAYOUT_RULES:
                    out[k, 2] = 1.0
                else:
                    out[k, 0] = 1.0
        if title is not None and ln.index == title:
            out[k, 3] = 1.0
        out[k, 4] = 1.0 if lo <= k <= hi else 0.0
    out[:, 5] = removed / n
    return out


def line_features(
    view: TextView,
    lines: list[Line] | None = None,
    marks: Mapping[int, tuple[str, str]] | None = None,
    title: int | None = None,
) -> np.ndarray:
    """One row of NAMES per line (default: the view's non-blank body lines), float32.

    marks, title: what the rules made of the record (resolve's line marks and headline)."""
    if lines is None:
        lines = view.body()
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(NAMES)), dtype=np.float32)
    toks = [ln.toks for ln in lines]
    all_toks = [t for tk in toks for t in tk]
    stop = stoplist_for(all_toks[:1500])
    base = _base_matrix(view.text, lines, stop, toks, all_toks)
    words = [ln.words for ln in lines]
    ends = base[:, _B["ends_stop"]]
    prose = [w >= PROSE_WORDS and (e > 0 or w >= 30) for w, e in zip(words, ends, strict=True)]
    lo, hi = _core(prose, words)
    # word overlap with the densest prose: the share of a line's content words (four letters
    # or more) that the core's prose lines use -- more than once for a core line's own words.
    # Token by token over the record at once: each test a C-level map over all its tokens,
    # sums per line by the line each token is of.
    ntok = np.fromiter(map(len, toks), dtype=np.intp, count=n)
    line_of = np.repeat(np.arange(n), ntok)
    n_all = len(all_toks)
    content = (np.fromiter(map(len, all_toks), dtype=np.intp, count=n_all) >= 4) & ~np.fromiter(
        map(str.isdigit, all_toks), dtype=bool, count=n_all
    )
    n_content = np.bincount(line_of[content], minlength=n).astype(np.float64)
    core_prose = np.zeros(n, dtype=bool)
    if lo >= 0:
        core_prose[lo : hi + 1] = np.array(prose[lo : hi + 1], dtype=bool)
    core_words = Counter(compress(all_toks, (content & core_prose[line_of]).tolist()))
    overlap = np.zeros(n)
    if core_words:
        uses = np.fromiter(
            map(core_words.get, all_toks, repeat(0)), dtype=np.intp, count=n_all
        )
        hit = content & (uses >= np.where(core_prose, 2, 1)[line_of])
        used = np.bincount(line_of[hit], minlength=n).astype(np.float64)
        np.divide(used, n_content, out=overlap, where=n_content > 0)
    # (a later copy only: the first of a body the crawler printed twice is the body)
    norms = [ln.norm for ln in lines]
    first_at = dict(zip(reversed(norms), range(n - 1, -1, -1), strict=True))
    earlier = (
        np.fromiter(map(first_at.__getitem__, norms), dtype=np.intp, count=n) != np.arange(n)
    ).astype(np.float64)
    vlines = view.lines
    nv = len(vlines)
    idx = [ln.index for ln in lines]
    blank_before = np.fromiter((i > 0 and vlines[i - 1].blank for i in idx), dtype=np.float64, count=n)
    blank_after = np.fromiter((i + 1 < nv and vlines[i + 1].blank for i in idx), dtype=np.float64, count=n)
    md_lines = int(((base[:, _B["md_links"]] > 0) | (base[:, _B["bullet"]] > 0)).sum())
    prose_f = np.array(prose, dtype=np.float64)
    pos = np.arange(n)
    cs = np.concatenate([[0.0], np.cumsum(prose_f)])
    around = (cs[np.minimum(n, pos + CONTEXT + 1)] - cs[np.maximum(0, pos - CONTEXT)]) / (2 * CONTEXT + 1)
    inside = (pos >= lo) & (pos <= hi) if lo >= 0 else np.zeros(n, dtype=bool)
    ctx = np.column_stack(
        [
            earlier,
            pos / (n - 1) if n > 1 else np.zeros(n),
            inside,
            np.log1p(np.maximum(lo - pos, 0)) if lo >= 0 else np.zeros(n),
            np.log1p(np.maximum(pos - hi, 0)) if lo >= 0 else np.zeros(n),
            overlap,
            np.log1p(n_content),
            blank_before,
            blank_after,
            around,
            np.full(n, math.log1p(n)),
            np.full(n, prose_f.mean()),
            np.full(n, md_lines / n),
            np.full(n, base[:, _B["stop_density"]].mean()),
        ]
    )
    cols = [_B[x] for x in NEIGHBOUR]
    neigh = base[:, cols]
    pad = np.zeros((2, len(cols)))
    padded = np.vstack([pad, neigh, pad])
    shifted = [padded[2 + o : 2 + o + n] for o in OFFSETS]
    rules = _rule_columns(lines, marks or {}, title)
    return np.hstack([base, *shifted, ctx, rules]).astype(np.float32)


# --- the second stage: a line judged with the first stage's scores of the lines around it
CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
OWN = ("log_words", "ends_stop", "stop_density", "bullet", "md_link_share", "cap_share")
CONTEXT_NAMES: tuple[str, ...] = (
    "p",
    *(f"p@{o:+d}" for o in CONTEXT_OFFSETS),
    "p_mean3",
    "p_mean10",
    "p_max_above5",
    "p_max_below5",
    "share_above",
    "share_below",
    "near_above",
    "near_below",
    "in_main",
    "main_above",
    "main_below",
    "main_share",
    *OWN,
)
_OWN = [NAMES.index(x) for x in OWN]


def _running_mean(p: np.ndarray, r: int) -> np.ndarray:
    c = np.concatenate([[0.0], np.cumsum(p)])
    n = len(p)
    k = np.arange(n)
    lo = np.maximum(0, k - r)
    hi = np.minimum(n, k + r + 1)
    return (c[hi] - c[lo]) / (hi - lo)


def _nearest(confident: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lines up to the nearest confident line above and below (capped, log-scaled)."""
    n = len(confident)
    k = np.arange(n)
    # the last confident line at or before each line, then the one strictly before
    at = np.maximum.accumulate(np.where(confident, k, -1))
    before = np.concatenate([[-1], at[:-1]])
    above = np.where(before >= 0, k - before, 50.0)
    # the first confident line at or after each line, then the one strictly after
    nxt = np.minimum.accumulate(np.where(confident, k, n)[::-1])[::-1]
    after = np.concatenate([nxt[1:], [n]])
    below = np.where(after < n, after - k, 50.0)
    return np.log1p(np.minimum(above, 50)), np.log1p(np.minimum(below, 50))


def context_features(p: np.ndarray, X: np.ndarray, words: np.ndarray) -> np.ndarray:
    """One row of CONTEXT_NAMES per line, from the first stage's scores `p`, the lines'
    first-stage features `X` and their word counts."""
    n = len(p)
    if n == 0:
        return np.zeros((0, len(CONTEXT_NAMES)), dtype=np.float32)
    pad = np.full(3, -1.0)  # (no line there)
    padded = np.concatenate([pad, p, pad])
    shifted = [padded[3 + o : 3 + o + n] for o in CONTEXT_OFFSETS]
    # the highest score among the 5 lines above / below (-1 where there is none): windows
    # over the scores padded with -1 (a score is never below 0)
    win = sliding_window_view(np.concatenate([np.full(5, -1.0), p, np.full(5, -1.0)]), 5)
    above_max = win[:n].max(axis=1)
    below_max = win[6 : 6 + n].max(axis=1)
    body = p >= 0.5
    cum = np.concatenate([[0], np.cumsum(body)])
    k = np.arange(n)
    share_above = np.where(k > 0, cum[k] / np.maximum(k, 1), 0.0)
    share_below = np.where(k < n - 1, (cum[n] - cum[k + 1]) / np.maximum(n - 1 - k, 1), 0.0)
    near_above, near_below = _nearest(p >= 0.8)
    # the main block: the maximum-sum run of (p - 0.5) weighted by length
    gain = (p - 0.5) * np.log1p(words)
    best = cur = 0.0
    start = lo = hi = 0
    for j in range(n):
        if cur <= 0:
            cur, start = gain[j], j
        else:
            cur += gain[j]
        if cur > best:
            best, lo, hi = cur, start, j
    in_main = (k >= lo) & (k <= hi)
    main_above = np.log1p(np.maximum(lo - k, 0))
    main_below = np.log1p(np.maximum(k - hi, 0))
    main_share = np.full(n, (hi - lo + 1) / n)
    cols = [
        p,
        *shifted,
        _running_mean(p, 3),
        _running_mean(p, 10),
        above_max,
        below_max,
        share_above,
        share_below,
        near_above,
        near_below,
        in_main.astype(float),
        main_above,
        main_below,
        main_share,
    ]
    return np.hstack([np.column_stack(cols), X[:, _OWN]]).astype(np.float32)
