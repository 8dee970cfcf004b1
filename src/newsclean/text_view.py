"""A read-only, line-level view of a record that every detector shares."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

# Fold the styles that copies of the same text differ in: quotes, dashes, spaces, case.
_FOLD: Final = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
        "\u00bb": '"', "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
        "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
        "\u200b": "", "\ufeff": "", "\u2026": "...",
    }
)


# (char, replacement) pairs: no replacement holds a folded character, so replacing them one
# after another is one fold; `in` tests skip the absent ones (most lines hold one or two)
_FOLD_PAIRS: Final = tuple((chr(c), r) for c, r in _FOLD.items())


def _fold(s: str) -> str:
    # beats both str.translate with a dict and a regex with a callback on long lines
    for c, r in _FOLD_PAIRS:
        if c in s:
            s = s.replace(c, r)
    return s


def normalise(s: str) -> str:
    """Case-, quote-, dash- and whitespace-folded form used for comparisons."""
    if not s.isascii() or "`" in s:  # (the backtick is the one ASCII character folded)
        s = _fold(s)
    return " ".join(s.split()).casefold()


_UNSPACED: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")
# The ASCII spaces other than " " and "\n": an ASCII line without them, without two spaces
# in a row and without padding is its own split-and-joined form.
_ODD_SPACES: Final = "".join(c for c in map(chr, range(128)) if c.isspace() and c not in " \n")


def _has_odd_space(text: str) -> bool:
    # one fast substring scan each (most texts hold none of them)
    for c in _ODD_SPACES:
        if c in text:
            return True
    return False


_TOKEN: Final = re.compile(r"[^\W_]+|©")


# ASCII bytes that are not letters or digits, to spaces: _TOKEN's runs, without the regex
_ASCII_SEP: Final = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(range(128, 256))


def tokens(norm: str) -> list[str]:
    """Words of a normalised line, in order, repeats kept: the cheap pre-filter for detectors,
    as `VOCABULARY.isdisjoint(tokens)` (a list: a line meets a few vocabularies once each, and
    building a set of its words would cost more than those tests).  Runs of letters and digits
    never span a space, so the words of lines joined by spaces are the words of each line."""
    if norm.isascii():  # most lines: a byte translation and a split beat the regex twice over
        # (encode() and decode() without an encoding name: UTF-8, the same bytes on ASCII, and
        # no name to look up)
        return norm.encode().translate(_ASCII_SEP).decode().split()
    # (on ASCII text the expression finds what the translation does)
    return _TOKEN.findall(norm)


def dense_in(
    toks: list[str], strong: frozenset[str], weak: frozenset[str], most: int
) -> frozenset[str] | None:
    """The `strong` words of a short line (at most `most` words) made largely of a family's
    vocabulary -- one strong word or more, and with the `weak` ones three or more and three in
    ten of its words at least; None for any other line.  (The notice families read lines so:
    by the words they are built of, not by phrases.)"""
    if len(toks) > most or strong.isdisjoint(toks):
        return None
    found = strong.intersection(toks)
    n = sum(1 for t in toks if t in strong or t in weak)
    if n < 3 or n < 0.3 * len(toks):
        return None
    return frozenset(found)


@dataclass(slots=True)
class Line:
    index: int
    start: int  # offset of the line's first character in the record
    end: int  # offset just past its last character (the "\n" is not part of it)
    cstart: int  # content start: first non-space character
    cend: int  # content end: just past the last non-space character
    text: str  # the line's content (stripped)
    norm: str  # normalised content
    words: int  # whitespace-separated tokens (+ half the characters of unspaced scripts)
    _toks: list[str] | None = None

    # Written out, not generated: compiled by mypyc (native.py) a dataclass's generated
    # __init__ stays an interpreted function (a Python frame per line, ~10x the cost of a
    # native constructor); the dataclass still gives __eq__ and __repr__.
    def __init__(
        self, index: int, start: int, end: int, cstart: int, cend: int, text: str, norm: str,
        words: int, _toks: list[str] | None = None,
    ) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.cstart = cstart
        self.cend = cend
        self.text = text
        self.norm = norm
        self.words = words
        self._toks = _toks

    @property
    def toks(self) -> list[str]:
        if self._toks is None:
            self._toks = tokens(self.norm)
        return self._toks

    @property
    def blank(self) -> bool:
        return self.cstart >= self.cend


def _norm_words(
    stripped: str, folds: list[tuple[str, str]] | tuple[()], odd: bool, spacy: bool, amp: bool
) -> tuple[str, int]:
    """norm and words of a line off the common path: folds to apply, odd spaces or runs of
    spaces to collapse, an entity to unescape (the view's flags for its record; no fold makes
    an "&")."""
    if stripped.isascii():
        # (the backtick is the one ASCII character folded)
        toks = stripped.replace("`", "'").split() if "`" in stripped else stripped.split()
        words = len(toks)
        norm = " ".join(toks).lower()  # (for ASCII, lower() is casefold() and quicker)
    else:
        f = stripped
        for c, r in folds:
            if c in f:
                f = f.replace(c, r)
        folded_ascii = f.isascii()
        if folded_ascii:
            # most non-ASCII lines: curly quotes or dashes, folded to ASCII
            simple = not odd or f.isprintable()
        else:
            simple = f.isprintable()  # (every space but " " is unprintable)
        if simple and (not spacy or (f and "  " not in f and f[0] != " " and f[-1] != " ")):
            # only single " " between words: f is already its split-and-joined form; no
            # split into word objects
            words = f.count(" ") + 1
            norm = f.lower() if folded_ascii else f.casefold()
        else:
            toks = f.split()
            words = len(toks)
            norm = " ".join(toks)
            norm = norm.lower() if folded_ascii else norm.casefold()
        # scripts written without spaces: about two characters make a word (the fold
        # touches none of them: a line ASCII once folded has none)
        if not folded_ascii and _UNSPACED.search(stripped):
            words += len(_UNSPACED.findall(stripped)) // 2
    if amp and "&" in norm and ";" in norm:
        norm = " ".join(html.unescape(norm).split())  # "&amp;" and "&" are one text
    return norm, words


# A Line without a call of its __init__, where the class allows it: compiled by mypyc
# (native.py) it does not ("object.__new__(Line) is not safe").
_BARE_NEW: Callable[[type[Line]], Line] | None = object.__new__
try:
    object.__new__(Line)
except TypeError:
    _BARE_NEW = None


class TextView:
    """Lines of a record with their offsets; built once, shared read-only."""

    __slots__ = ("text", "lines", "body_start", "uneven", "_body", "_last_blank")

    def __init__(self, text: str, body_start: int = 0) -> None:
        self.text = text
        # body_start: index of the first line after the crawl header.
        self.body_start = body_start
        self._body: list[Line] | None = None
        lines: list[Line] = []
        append = lines.append
        new = _BARE_NEW
        # One scan of the whole text each instead of one per line: most records have no "&",
        # no run of spaces and no tab or other odd space.
        amp = "&" in text
        tick = "`" in text  # the one ASCII character folded (to "'")
        spaced = "  " in text
        odd = _has_odd_space(text)
        # the fold characters this record holds (one scan each of the whole text, instead of
        # each of them on each non-ASCII line)
        folds = () if text.isascii() else [p for p in _FOLD_PAIRS if p[0] in text]
        # can a folded line have a run of spaces, or a space at an end?  Only if the record
        # has a run, or a fold to a space or to nothing (nbsp, thin or zero-width spaces)
        spacy = spaced or any(r in (" ", "") for _, r in folds)
        last_blank = -1
        # lines whose content is not the whole line (padded or blank), in order: few
        uneven: list[int] = []
        pos = 0
        for i, raw in enumerate(text.split("\n")):
            end = pos + len(raw)
            stripped = raw.strip()
            if stripped:
                if stripped is raw:  # strip() returns the line itself when it has no padding
                    cstart = pos
                    cend = end
                else:
                    cstart = pos + raw.find(stripped[0]) if raw[0] != stripped[0] else pos
                    cend = cstart + len(stripped)
                    uneven.append(i)
                if stripped.isascii() and (
                    (not spaced or "  " not in stripped)
                    and (not amp or "&" not in stripped)
                    and (not tick or "`" not in stripped)
                    and (not odd or stripped.isprintable())
                ):
                    # the common case: single spaces, no odd space, nothing to fold
                    # (for ASCII, lower() is casefold() and quicker)
                    norm = stripped.lower()
                    words = stripped.count(" ") + 1
                else:
                    norm, words = _norm_words(stripped, folds, odd, spacy, amp)
                if new is not None:
                    # (the fields set in place: a third cheaper than a call of Line)
                    ln = new(Line)
                    ln.index = i
                    ln.start = pos
                    ln.end = end
                    ln.cstart = cstart
                    ln.cend = cend
                    ln.text = stripped
                    ln.norm = norm
                    ln.words = words
                    ln._toks = None
                else:  # compiled (native.py): the constructor is as cheap there
                    ln = Line(i, pos, end, cstart, cend, stripped, norm, words)
                append(ln)
            else:
                append(Line(i, pos, end, pos, pos, "", "", 0))
                last_blank = i
                uneven.append(i)
            pos = end + 1
        self.lines = lines
        self.uneven = uneven
        self._last_blank = last_blank

    def body(self) -> list[Line]:
        """Non-blank lines after the header (computed once; do not mutate)."""
        if self._body is None:
            if self._last_blank < self.body_start:  # most records: no blank line to drop
                self._body = self.lines[self.body_start :]
            else:
                self._body = [ln for ln in self.lines[self.body_start :] if ln.cstart < ln.cend]
        return self._body
