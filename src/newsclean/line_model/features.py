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
from collections.abc import Mapping

import numpy as np

from ..text_view import Line, TextView
from . import shape
from .stopwords import stoplist_for

_SENT_INSIDE = re.compile(r"[.!?][\"”’')\]]*\s+[\"“‘(]?[A-Z0-9]")
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


_WIDE_BITS: dict[int, int] = {}  # the classes of the characters beyond ASCII met so far


def _classes(text: str) -> np.ndarray:
    cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    out = _ASCII_BITS[np.minimum(cps, 127)]
    wide = cps >= 128
    if wide.any():
        uniq, inv = np.unique(cps[wide], return_inverse=True)
        if len(_WIDE_BITS) > 50_000:  # (a bound: text of every script can pass)
            _WIDE_BITS.clear()
        known = _WIDE_BITS
        bits = []
        for c in uniq.tolist():
            b = known.get(c)
            if b is None:
                b = known[c] = _bits(chr(c))
            bits.append(b)
        out[wide] = np.array(bits, dtype=np.uint8)[inv]
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


# per lane count: the word of the running totals it is in, and its shift in the word
_LANE_AT = {
    lanes: (np.arange(len(_COUNTED)) // lanes,
            (np.arange(len(_COUNTED)) % lanes * (64 // lanes)).astype(np.uint64)[:, None])
    for lanes in _LANES
}


def _class_counts(cls: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many characters of each line's [start, end) are of each class of _COUNTED: one
    row per class, int64."""
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
    word, shift = _LANE_AT[lanes]
    mask = np.uint64((1 << (64 // lanes)) - 1)
    return ((per[word] >> shift) & mask).astype(np.int64)


_C = {n: i for i, n in enumerate(shape.COUNTS)}
_F = {n: j for j, n in enumerate(shape.FLAGS)}
_FLAG_BITS = np.arange(len(shape.FLAGS), dtype=np.int64)
# BASE columns by how they are made: log1p of a count, a count per character, a flag as is
_LOGS = [_B[n] for n in ("log_words", "log_chars", "inner_sentences", "md_links", "cells")]
_PER_CHAR = [_B[n] for n in ("digit_share", "punct_share", "md_link_share")]
_FLAGGED = [_B[n] for n in BASE if n in _F]
_FLAGGED_AT = [_F[n] for n in BASE if n in _F]


def _base_matrix(text: str, counts: np.ndarray, out: np.ndarray) -> np.ndarray:
    """BASE for every line at once, from the lines' counts (shape.line_counts): character
    classes counted per line from running totals, sentence stops inside a line from one run
    of the expression over the record, binned into lines, written into the first columns of
    `out` (float64, a row per line).  Returns the lines' shape.FLAGS (0/1, a column each)."""
    n = len(counts)
    starts = counts[:, _C["cstart"]]
    ends = counts[:, _C["cend"]]
    lens = ends - starts
    chars = lens.astype(np.float64)
    words = counts[:, _C["words"]].astype(np.float64)
    alpha, up, digit, space, alnum, commas, symbols, quotes, alpha_words, caps = _class_counts(
        _classes(text), starts, ends
    )
    inner = _per_line_matches(_SENT_INSIDE, text, starts, ends)
    flags = ((counts[:, _C["flags"], None] >> _FLAG_BITS) & 1).astype(np.float64)
    # (a few operations over blocks of columns, each the arithmetic of its column alone)
    out[:, _LOGS] = np.log1p(np.column_stack([
        words, chars, np.where(lens > 20, inner, 0.0), counts[:, _C["links"]],
        counts[:, _C["cells"]],
    ]))
    safe = np.maximum(chars, 1)
    out[:, _PER_CHAR] = (np.vstack([digit, chars - alnum - space, counts[:, _C["link_chars"]]])
                         / safe).T
    per_word = np.maximum(words, 1)
    out[:, _B["word_len"]] = np.minimum(chars / per_word, 20.0)
    out[:, _B["comma_rate"]] = commas / per_word
    out[:, _B["stop_density"]] = counts[:, _C["stops"]] / np.maximum(counts[:, _C["tokens"]], 1)
    out[:, _B["cap_share"]] = np.divide(caps, alpha_words, out=np.zeros(n), where=alpha_words > 0)
    out[:, _B["upper_share"]] = np.divide(up, alpha, out=np.zeros(n), where=alpha > 0)
    out[:, _B["symbols"]] = symbols > 0
    out[:, _B["quote_marks"]] = quotes > 0
    out[:, _FLAGGED] = flags[:, _FLAGGED_AT]
    return flags


def _per_line_matches(
    pattern: re.Pattern[str], text: str, starts: np.ndarray, ends: np.ndarray
) -> np.ndarray:
    """How many matches of `pattern` over the record lie wholly inside each line (one pass
    over the record; a match running from one line into the next counts for none, as it
    would not be found in either line alone)."""
    n = len(starts)
    # (the spans flat: a list of pairs costs numpy a sequence each to convert)
    pos = [x for m in pattern.finditer(text, int(starts[0]), int(ends[-1])) for x in m.span()]
    if not pos:
        return np.zeros(n)
    at = np.array(pos, dtype=np.int64)
    k = np.searchsorted(starts, at[0::2], side="right") - 1
    ok = (k >= 0) & (at[1::2] <= ends[np.maximum(k, 0)])
    return np.bincount(k[ok], minlength=n).astype(np.float64)


def _rule_columns(
    lines: list[Line], marks: Mapping[int, tuple[str, str]], title: int | None, out: np.ndarray
) -> None:
    """RULES, written into `out` (a row per line)."""
    n = len(lines)
    bits, removed = shape.rule_counts(lines, marks, title, LAYOUT_RULES)
    b = np.array(bits, dtype=np.int64)
    out[:, :5] = (b[:, None] >> _RULE_BITS) & 1  # named, repeated, layout, title, inside: bit j
    out[:, 5] = removed / n


_RULE_BITS = np.arange(5, dtype=np.int64)
_AT = {n: i for i, n in enumerate(NAMES)}
_NEIGHBOUR_COLS = [_B[x] for x in NEIGHBOUR]
_CTX0 = _AT[CONTEXTUAL[0]]  # the first contextual column
_RULES0 = _AT[RULES[0]]


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
    toks, all_toks = shape.tokens_of(lines)
    stop = stoplist_for(all_toks[:1500])
    counts = np.array(shape.line_counts(lines, view.lines, toks, stop), dtype=np.int64).reshape(
        n, shape.WIDTH
    )
    # every column is written into one float64 matrix, made float32 at the end (as the
    # float64 columns of a stack were: the same values)
    X = np.empty((n, len(NAMES)))
    base = X[:, : len(BASE)]
    flags = _base_matrix(view.text, counts, base)
    words = counts[:, _C["words"]]
    # prose: a long line that ends a sentence, or a very long one
    prose_a = (words >= PROSE_WORDS) & ((flags[:, _F["ends_stop"]] > 0) | (words >= 30))
    prose = prose_a.tolist()
    lo, hi = shape.core(prose, words.tolist())
    # word overlap with the densest prose: the share of a line's content words (four letters
    # or more) that the core's prose lines use -- more than once for a core line's own words
    n_content = counts[:, _C["content"]].astype(np.float64)
    core_prose = np.zeros(n, dtype=bool)
    if lo >= 0:
        core_prose[lo : hi + 1] = prose_a[lo : hi + 1]
    used = np.array(shape.core_uses(toks, core_prose.tolist()), dtype=np.float64)
    md_lines = int(((base[:, _B["md_links"]] > 0) | (base[:, _B["bullet"]] > 0)).sum())
    prose_f = prose_a.astype(np.float64)
    pos = np.arange(n)
    cs = np.concatenate([[0.0], np.cumsum(prose_f)])
    # the neighbours' columns: a block per offset, 0 beyond the record's ends
    for j, o in enumerate(OFFSETS):
        at = len(BASE) + j * len(NEIGHBOUR)
        block = X[:, at : at + len(NEIGHBOUR)]
        if o < 0:
            block[:-o] = 0.0
            block[-o:] = base[: n + o, _NEIGHBOUR_COLS]
        else:
            block[n - o :] = 0.0
            block[: n - o] = base[o:, _NEIGHBOUR_COLS]
    c = _CTX0
    # (a later copy only: the first of a body the crawler printed twice is the body)
    X[:, c] = flags[:, _F["earlier"]]
    X[:, c + 1] = pos / (n - 1) if n > 1 else 0.0
    if lo >= 0:
        X[:, c + 2] = (pos >= lo) & (pos <= hi)
        X[:, c + 3] = np.log1p(np.maximum(lo - pos, 0))
        X[:, c + 4] = np.log1p(np.maximum(pos - hi, 0))
    else:
        X[:, c + 2 : c + 5] = 0.0
    X[:, c + 5] = 0.0
    np.divide(used, n_content, out=X[:, c + 5], where=n_content > 0)
    X[:, c + 6] = np.log1p(n_content)
    X[:, c + 7] = flags[:, _F["blank_before"]]
    X[:, c + 8] = flags[:, _F["blank_after"]]
    X[:, c + 9] = (cs[np.minimum(n, pos + CONTEXT + 1)] - cs[np.maximum(0, pos - CONTEXT)]) / (
        2 * CONTEXT + 1
    )
    X[:, c + 10] = math.log1p(n)
    X[:, c + 11] = prose_f.mean()
    X[:, c + 12] = md_lines / n
    X[:, c + 13] = base[:, _B["stop_density"]].mean()
    _rule_columns(lines, marks or {}, title, X[:, _RULES0:])
    return X.astype(np.float32)


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
_PAD5 = np.full(5, -1.0)


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
    # the scores padded with -1 (no line there; a score is never below 0)
    padded = np.concatenate([_PAD5, p, _PAD5])
    shifted = [padded[5 + o : 5 + o + n] for o in CONTEXT_OFFSETS]
    # the highest score among the 5 lines above / below (-1 where there is none): a maximum
    # of 5 shifted copies (exact, as a window's maximum is)
    above_max = padded[0:n].copy()
    below_max = padded[6 : 6 + n].copy()
    for d in range(1, 5):
        np.maximum(above_max, padded[d : d + n], out=above_max)
        np.maximum(below_max, padded[6 + d : 6 + d + n], out=below_max)
    body = p >= 0.5
    cum = np.concatenate([[0], np.cumsum(body)])
    k = np.arange(n)
    share_above = np.where(k > 0, cum[k] / np.maximum(k, 1), 0.0)
    share_below = np.where(k < n - 1, (cum[n] - cum[k + 1]) / np.maximum(n - 1 - k, 1), 0.0)
    near_above, near_below = _nearest(p >= 0.8)
    # the main block: the maximum-sum run of (p - 0.5) weighted by length
    # (a Python float is the numpy float64 it came from, and adds as it does: the same run)
    gain = ((p - 0.5) * np.log1p(words)).tolist()
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
    out = np.empty((n, len(CONTEXT_NAMES)))
    out[:, 0] = p
    for j, col in enumerate(shifted):
        out[:, 1 + j] = col
    c = 1 + len(shifted)
    for col in (
        _running_mean(p, 3),
        _running_mean(p, 10),
        above_max,
        below_max,
        share_above,
        share_below,
        near_above,
        near_below,
        in_main,
        main_above,
        main_below,
    ):
        out[:, c] = col
        c += 1
    out[:, c] = (hi - lo + 1) / n
    out[:, c + 1 :] = X[:, _OWN]  # (float32 to float64 and back: the same values)
    return out.astype(np.float32)
