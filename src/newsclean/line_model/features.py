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

import numpy as np

from ..text_view import Line, TextView
from .stopwords import stoplist_for

_SENT_INSIDE = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘(]?[A-Z0-9]")
_MD_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BULLET = re.compile(r"^(?:[-*+•·▪‣◦>]\s|\d{1,3}[.)]\s)")
_STOP_END = frozenset(".!?…。！？")
_SYMBOLS = frozenset("©®™@|#»«›‹")
_QUOTES = frozenset("\"“”«»„")
_DIGITS = str.maketrans("", "", "0123456789")
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


_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")
_ASCII_WORDISH = str.maketrans(
    "", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 \t\x0b\x0c\r"
)
_LETTER = re.compile(r"[^\W\d_]")
_WORDISH = re.compile(r"[^\W_]|\s")
_CLOSERS = "\"')]»”’」』）*_"  # after a sentence's last stop (and markdown emphasis)


def _base(ln: Line, stop: frozenset[str]) -> list[float]:
    text = ln.text
    c = len(text)
    w = ln.words
    toks = ln.toks
    nt = len(toks) or 1
    alpha = [x for x in text.split() if x[0].isalpha()]
    caps = sum(1 for x in alpha if x[0].isupper())
    if text.isascii():  # (most lines: counts by deleting character classes, in C)
        up = c - len(text.translate(_UPPER))
        letters = up + c - len(text.translate(_LOWER))
        punct = len(text.translate(_ASCII_WORDISH))
    else:
        letters = len(_LETTER.findall(text))
        up = sum(1 for ch in text if ch.isupper())
        punct = len(_WORDISH.sub("", text))
    digits = c - len(text.translate(_DIGITS))
    last = text[-1]
    end = text.rstrip(_CLOSERS)[-1:]
    links = text.count("](")
    link_chars = sum(len(m) for m in _MD_LINK.findall(text)) if links else 0
    return [
        math.log1p(w),
        math.log1p(c),
        min(c / max(w, 1), 20.0),
        sum(1 for t in toks if t in stop) / nt,
        caps / len(alpha) if alpha else 0.0,
        digits / c,
        punct / c,
        1.0 if end in _STOP_END else 0.0,
        1.0 if last == ":" else 0.0,
        1.0 if last.isalnum() else 0.0,
        math.log1p(len(_SENT_INSIDE.findall(text))) if c > 20 else 0.0,
        text.count(",") / max(w, 1),
        1.0 if _BULLET.match(text) else 0.0,
        math.log1p(links),
        link_chars / c,
        1.0 if text[0] == "#" else 0.0,
        1.0 if "![" in text else 0.0,
        0.0 if _SYMBOLS.isdisjoint(text) else 1.0,
        up / letters if letters else 0.0,
        1.0 if "http" in ln.norm or "www." in ln.norm else 0.0,
        1.0 if _YEAR.search(text) else 0.0,
        0.0 if _QUOTES.isdisjoint(text) else 1.0,
        1.0 if text[0].islower() else 0.0,
        math.log1p(text.count("\t") + text.count("   ") + text.count(" | ")),
    ]


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


def _content(ln: Line) -> list[str]:
    return [t for t in ln.toks if len(t) >= 4 and not t.isdigit()]


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
    all_toks = [t for ln in lines for t in ln.toks]
    stop = stoplist_for(all_toks[:4000])
    base = np.array([_base(ln, stop) for ln in lines], dtype=np.float32)
    words = [ln.words for ln in lines]
    ends = base[:, _B["ends_stop"]]
    prose = [w >= PROSE_WORDS and (e > 0 or w >= 30) for w, e in zip(words, ends, strict=True)]
    lo, hi = _core(prose, words)
    core_words: Counter[str] = Counter()
    contents = [_content(ln) for ln in lines]
    if lo >= 0:
        for k in range(lo, hi + 1):
            if prose[k]:
                core_words.update(contents[k])
    earlier: set[str] = set()
    vlines = view.lines
    nv = len(vlines)
    md_lines = sum(1 for ln in lines if "](" in ln.text or _BULLET.match(ln.text))
    rec = [
        math.log1p(n),
        sum(prose) / n,
        md_lines / n,
        float(base[:, _B["stop_density"]].mean()),
    ]
    prose_f = np.array(prose, dtype=np.float32)
    kernel = np.ones(2 * CONTEXT + 1, dtype=np.float32) / (2 * CONTEXT + 1)
    around = np.convolve(prose_f, kernel, mode="same")
    ctx = np.zeros((n, len(CONTEXTUAL)), dtype=np.float32)
    for k, ln in enumerate(lines):
        cw = contents[k]
        if cw and core_words:
            own = Counter(cw) if lo <= k <= hi and prose[k] else None
            hits = sum(
                1 for t in cw if core_words[t] - (own[t] if own is not None else 0) > 0
            )
            overlap = hits / len(cw)
        else:
            overlap = 0.0
        i = ln.index
        ctx[k] = (
            # (a later copy only: the first of a body the crawler printed twice is the body)
            1.0 if ln.norm in earlier else 0.0,
            k / (n - 1) if n > 1 else 0.0,
            1.0 if lo <= k <= hi else 0.0,
            math.log1p(lo - k) if lo > k else 0.0,
            math.log1p(k - hi) if 0 <= hi < k else 0.0,
            overlap,
            math.log1p(len(cw)),
            1.0 if i > 0 and vlines[i - 1].blank else 0.0,
            1.0 if i + 1 < nv and vlines[i + 1].blank else 0.0,
            around[k],
            *rec,
        )
        earlier.add(ln.norm)
    cols = [_B[x] for x in NEIGHBOUR]
    neigh = base[:, cols]
    pad = np.zeros((2, len(cols)), dtype=np.float32)
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
    above = np.full(n, 50.0)
    below = np.full(n, 50.0)
    last = -1
    for k in range(n):
        if last >= 0:
            above[k] = k - last
        if confident[k]:
            last = k
    last = -1
    for k in range(n - 1, -1, -1):
        if last >= 0:
            below[k] = last - k
        if confident[k]:
            last = k
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
    above_max = np.array([p[max(0, k - 5) : k].max() if k else -1.0 for k in range(n)])
    below_max = np.array([p[k + 1 : k + 6].max() if k + 1 < n else -1.0 for k in range(n)])
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
