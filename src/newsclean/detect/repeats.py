"""Repeated text: a later copy of a line already seen (the first copy stays).

Lines are compared in normalised form, so copies that differ only in whitespace, case, quote
or dash style match.  A run of consecutive copies is removed when it carries enough text to be
a real duplicate; a lone short repeated line (a heading such as "FAQ") is left alone.
"""

from __future__ import annotations

import re

from ..text_view import Line, TextView

MIN_RUN_WORDS = 8  # a run of copies shorter than this is not treated as a repeat
# Inside the body, a run of short copies is usually structure (table rows, spec lists, mail
# headers) rather than a duplicated paragraph: only runs with a real paragraph count there.
MIN_PARAGRAPH_WORDS = 10
# A lone copy shorter than a prose line and not ending a sentence, away from its original, is
# a recurring structural line of the article (a mail's "Subject:", a formula restated, a table
# row) rather than a duplicated paragraph; a stutter sits right under its original.
STRUCTURE_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"”’'»)\]]*\s*$")


_HEAD = 60  # a copy cut short still shares this many characters with its original


def _truncated_copy(norm: str, heads: dict[str, str]) -> bool:
    """A line that is the start of an earlier, longer line: a copy the crawler cut short."""
    if len(norm) < _HEAD:
        return False
    original = heads.get(norm[:_HEAD])
    return original is not None and len(original) > len(norm) and original.startswith(norm)


def copy_runs(view: TextView) -> list[list[Line]]:
    """Maximal runs of consecutive body lines that each repeat an earlier line."""
    seen: set[str] = set()
    heads: dict[str, str] = {}  # first characters of a long line -> the line
    longs: list[str] = []  # long lines not yet in heads: it is filled only when looked up
    runs: list[list[Line]] = []
    run: list[Line] = []
    for ln in view.body():
        norm = ln.norm
        if norm in seen:
            run.append(ln)
            continue
        # a line cut short counts as a copy only where it ends a run of whole copies
        if run and len(norm) >= _HEAD:
            for x in longs:
                heads.setdefault(x[:_HEAD], x)
            longs.clear()
            if _truncated_copy(norm, heads):
                run.append(ln)
                continue
        seen.add(norm)
        if len(norm) >= _HEAD:
            longs.append(norm)
        if run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def detect(
    view: TextView, body_end: int | None = None, runs: list[list[Line]] | None = None
) -> dict[int, str]:
    """Line index -> rule for later copies of earlier lines.

    body_end: index of the last line of the body's own prose, if known; runs of short copies
    before it are left alone.  runs: copy_runs(view), when already computed."""
    out: dict[int, str] = {}
    index: PassageIndex | None = None
    for run in copy_runs(view) if runs is None else runs:
        words = [x.words for x in run]
        if sum(words) < MIN_RUN_WORDS:
            continue
        inside = body_end is not None and run[-1].index < body_end
        if inside and (
            max(words) < MIN_PARAGRAPH_WORDS
            or (len(run) > 1 and sum(words) < MIN_PARAGRAPH_WORDS * len(run))
        ):
            continue
        if inside and len(run) == 1 and _structural(view, run[0]):
            continue
        if len(run) > 1 and max(words) < MIN_PARAGRAPH_WORDS:
            if index is None:
                index = PassageIndex(view)
            if not index.copies_a_passage(run):
                continue  # short lines each seen before, never together: a list's recurring items
        rule = "repeated_block" if len(run) > 1 else "repeated_paragraph"
        for x in run:
            out[x.index] = rule
    return out


def _structural(view: TextView, ln: Line) -> bool:
    if ln.words >= STRUCTURE_WORDS or _SENTENCE_END.search(ln.text[-4:]):
        return False
    lines = view.lines
    i = ln.index - 1
    while i >= 0 and lines[i].blank:
        i -= 1
    return i < 0 or lines[i].norm != ln.norm


# Earlier occurrences of a line tried as the start of a copied passage: enough for any real
# page, and the bound that keeps a record of many short repeats linear.
MAX_STARTS = 8


class PassageIndex:
    """Where each body line stands, and where each distinct line first occurs: the lookups
    that tell a copied passage from lines recurring one by one, in time linear in the record."""

    __slots__ = ("body", "pos", "starts")

    def __init__(self, view: TextView) -> None:
        self.body = view.body()
        self.pos = {ln.index: k for k, ln in enumerate(self.body)}
        starts: dict[str, list[int]] = {}
        for k, ln in enumerate(self.body):
            got = starts.get(ln.norm)
            if got is None:  # (most lines: seen once, no empty list made and filled)
                starts[ln.norm] = [k]
            elif len(got) < MAX_STARTS:
                got.append(k)
        self.starts = starts

    def longest_match(
        self, run: list[Line], cut_short: bool = False, into_run: bool = True
    ) -> tuple[int, int]:
        """(length, start) of the longest prefix of `run` that stands together above it; with
        cut_short, its last line may be the start of the line it copies; with into_run, the
        passage may run on into the run itself (the second of three copies)."""
        body = self.body
        k0 = self.pos[run[0].index]
        end = len(body) if into_run else k0
        best, at = 0, 0
        for p in self.starts.get(run[0].norm, ()):
            if p >= k0:
                break
            m = 0
            while m < len(run) and p + m < end and (
                body[p + m].norm == run[m].norm
                or (cut_short and m == len(run) - 1 and body[p + m].norm.startswith(run[m].norm))
            ):
                m += 1
            if m > best:
                best, at = m, p
        return best, at

    def copies_a_passage(self, run: list[Line]) -> bool:
        """Do the run's lines stand together, in this order, somewhere above it?  A duplicated
        passage does; recurring items of a list ("Snacks:", "* 1 pear") repeat one by one."""
        return self.longest_match(run, cut_short=True)[0] == len(run)
