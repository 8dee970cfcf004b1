"""Repeated text: a later copy of a line already seen (the first copy stays).

Lines are compared in normalised form, so copies that differ only in whitespace, case, quote
or dash style match.  A run of consecutive copies is removed when it carries enough text to be
a real duplicate; a lone short repeated line (a heading such as "FAQ") is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping
from difflib import SequenceMatcher
from operator import itemgetter
from typing import Final

from ..text_view import Line, TextView

MIN_RUN_WORDS: Final = 8  # a run of copies shorter than this is not treated as a repeat
# Inside the body, a run of short copies is usually structure (table rows, spec lists, mail
# headers) rather than a duplicated paragraph: only runs with a real paragraph count there.
MIN_PARAGRAPH_WORDS: Final = 10
PASSAGE_LINES: Final = 8  # a run copying this many lines of a passage together is a copied passage
# A lone copy shorter than a prose line and not ending a sentence, away from its original, is
# a recurring structural line of the article (a mail's "Subject:", a formula restated, a table
# row) rather than a duplicated paragraph; a stutter sits right under its original.
STRUCTURE_WORDS: Final = 15
_SENTENCE_END: Final = re.compile(r"[.!?…:;。！？][\"”’'»)\]]*\s*$")


_HEAD: Final = 60  # a copy cut short still shares this many characters with its original
_HEAD_OF: Final = itemgetter(slice(None, _HEAD))  # a line's first _HEAD characters
_TAIL_OF: Final = itemgetter(slice(-_HEAD, None))  # and its last


def _cut_at(norm: str) -> str:
    """A line without the ellipsis a page puts where it cut the line short ("… the council
    said it would..."): what is left is the start of the line it was cut from."""
    return norm[:-3].rstrip() if norm.endswith("...") else norm


def _truncated_copy(norm: str, heads: dict[str, int], norms: list[str]) -> bool:
    """A line that is the start of an earlier, longer line: a copy the crawler cut short
    (with or without an ellipsis where it was cut)."""
    k = heads.get(norm[:_HEAD])
    if k is None:
        return False
    original, stem = norms[k], _cut_at(norm)
    return len(original) > len(stem) and original.startswith(stem)


AHEAD_GAP: Final = 3  # a line copying those under it stands this close above them


def _copy_ahead(norms: list[str], j: int, k: int) -> bool:
    """Is norms[j] a copy of what follows it from norms[k] on (j < k, both long lines that
    start alike)?  Either the lines from k joined by spaces -- a page's whole text in one
    line (a summary field, a JSON-LD body) above its paragraphs -- or, right above its line, the
    line cut short with an ellipsis: a teaser of the paragraph under it.  (An ellipsis that
    marks an elision inside a paragraph goes on with more text, not with the ellipsis.)"""
    earlier = norms[j]
    if len(earlier) > len(norms[k]):
        # (right above them, a heading between at most: a paragraph of a body printed twice
        # is the join of its split copy's sentences, and it is the copy that goes)
        return k - j <= AHEAD_GAP and _joined_from(earlier, k, norms) and all(
            len(x) < _HEAD for x in norms[j + 1 : k]
        )
    stem = _cut_at(earlier)
    if k != j + 1 or stem == earlier or not norms[k].startswith(stem):
        return False
    rest = norms[k][len(stem):].lstrip()
    return bool(rest) and not rest.startswith(("...", "[...]", "(...)"))


def _joined_from(norm: str, k: int, norms: list[str], most: int | None = None) -> bool:
    """Is `norm` the lines norms[k], norms[k + 1], … (two at least, `most` at most) joined
    by spaces?"""
    pos, joined = 0, 0
    stop = len(norms) if most is None else min(len(norms), k + most)
    while k < stop and norm.startswith(norms[k], pos):
        pos += len(norms[k])
        joined += 1
        if pos == len(norm):
            return joined >= 2
        if norm[pos] != " ":
            return False
        pos += 1
        k += 1
    return False


def _joined_copy(
    norm: str, heads: dict[str, int], tails: dict[str, int], norms: list[str]
) -> bool:
    """A line that is two or more consecutive earlier lines joined by a space: a copy whose
    paragraph breaks were lost (its whitespace differs, not its text).  Found from its first
    piece when that is a long line, else from its last (a heading joined to its paragraph)."""
    k = heads.get(norm[:_HEAD])
    if k is not None and _joined_from(norm, k, norms):
        return True
    k = tails.get(norm[-_HEAD:])
    if k is not None:
        end, joined = len(norm), 0
        while k >= 0 and norm.endswith(norms[k], 0, end):
            end -= len(norms[k])
            joined += 1
            if end == 0:
                return joined >= 2
            if norm[end - 1] != " ":
                break
            end -= 1
            k -= 1
    return False


_SPLITS: Final = 30  # first-piece lengths tried for a line inside a run of copies
_SHORT_PIECES: Final = 64  # short lines joined into one that are looked for
_SHORT_TRIES: Final = 20_000  # walks for short joins in one record: bounded time on any input


def _joined_short(
    norm: str,
    first: dict[str, int],
    again: dict[str, list[int]],
    norms: list[str],
    tries: list[int],
) -> bool:
    """Inside a run of copies, short lines joined too ("Pros: Quiet" + "Cons: Pricey"): every
    space of the line's start is tried as the end of its first piece, at each place (up to
    MAX_STARTS) where that piece stands.  `tries` holds the walks the record has left."""
    p = norm.find(" ")
    for _ in range(_SPLITS):
        if p < 0 or tries[0] <= 0:
            return False
        piece = norm[:p]
        k = first.get(piece)
        if k is not None:
            for j in (k, *again.get(piece, ())):
                tries[0] -= 1
                if _joined_from(norm, j, norms, _SHORT_PIECES):
                    return True
        p = norm.find(" ", p + 1)
    return False


def copy_runs(view: TextView) -> list[list[Line]]:
    """Maximal runs of consecutive body lines that each repeat an earlier line."""
    body = view.body()
    seen: set[str] = set()
    longs: list[str] = []
    runs: list[list[Line]] = []
    run: list[Line] = []
    for ln in body:
        norm = ln.norm
        if norm in seen:
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
    # Only where a long line starts or ends as another does can a copy be cut short or have
    # lost its paragraph breaks; most records have none, and their runs are the whole copies.
    # (map with an itemgetter: no slice object built and no loop step per line)
    if len(set(map(_HEAD_OF, longs))) < len(longs) or len(set(map(_TAIL_OF, longs))) < len(longs):
        return _copy_runs(body)
    return runs


def _copy_runs(body: list[Line]) -> list[list[Line]]:
    """copy_runs for a record where copies may be cut short or joined: besides whole copies,
    a line that starts an earlier longer line (at the end of a run), or that is earlier lines
    joined by spaces, counts as a copy."""
    first: dict[str, int] = {}  # each distinct line -> where it first stands in norms
    again: dict[str, list[int]] = {}  # a recurring line -> where else (the first few)
    norms: list[str] = []  # the body's lines, in order
    heads: dict[str, int] = {}  # first characters of a long line -> its place in norms
    tails: dict[str, int] = {}  # and its last characters
    runs: list[list[Line]] = []
    run: list[Line] = []
    joined_run = False  # the run holds lines joined from earlier ones: look for short joins too
    tries = [_SHORT_TRIES]
    fresh: Line | None = None  # the line before, when it was no copy
    ahead: list[tuple[int, int]] = []  # (j, k): norms[j] may copy the lines from norms[k] on
    cut: list[tuple[int, int]] = []  # (j, k): norms[k] taken as norms[j] cut short
    for ln in body:
        norm = ln.norm
        at = len(norms)
        norms.append(norm)
        if norm in first:
            more = again.setdefault(norm, [])
            if len(more) < MAX_STARTS:
                more.append(at)
            copy = True
        else:
            first[norm] = at
            copy = joined = False
            if len(norm) >= _HEAD:
                head, tail = norm[:_HEAD], norm[-_HEAD:]
                # a line cut short counts as a copy only where it ends a run of whole copies
                copy = bool(run and head in heads and _truncated_copy(norm, heads, norms))
                if copy:
                    cut.append((heads[head], at))  # (unless the longer line joins this and more)
                if not copy and (head in heads or tail in tails):
                    copy = joined = _joined_copy(norm, heads, tails, norms)
                if not copy and head in heads:
                    ahead.append((heads[head], at))  # (checked once all lines are in norms)
                if not copy:
                    heads.setdefault(head, at)
                    tails[tail] = at  # the latest: a joined copy's last piece is walked back
            if not copy and joined_run:
                copy = _joined_short(norm, first, again, norms, tries)
            if joined:
                joined_run = True
                if not run and fresh is not None and _joined_short(fresh.norm, first, again, norms, tries):
                    run.append(fresh)  # the copy's first line: two short ones joined
        if copy:
            run.append(ln)
            fresh = None
            continue
        fresh = ln
        if run:
            runs.append(run)
            run = []
            joined_run = False
    if run:
        runs.append(run)
    for j, k in cut:
        if _copy_ahead(norms, j, k):
            # not a line cut short: the first of the lines that the earlier one joins, which
            # is the copy (a page's whole text in one line, then its paragraphs)
            runs = [part for r in runs for part in _without(r, body[k].index)]
            ahead.append((j, k))
    if ahead:
        # (lines that copy what follows them: their own runs, in the body's order)
        taken = {ln.index for r in runs for ln in r}
        extra = [[body[j]] for j, k in ahead if body[j].index not in taken and _copy_ahead(norms, j, k)]
        if extra:
            runs = sorted(runs + extra, key=lambda r: r[0].index)
    return runs


def _without(run: list[Line], index: int) -> list[list[Line]]:
    """The run split where the line `index` stood, that line left out (no empty parts)."""
    at = next((i for i, ln in enumerate(run) if ln.index == index), None)
    if at is None:
        return [run]
    return [part for part in (run[:at], run[at + 1 :]) if part]


def detect(
    view: TextView, body_end: int | None = None, runs: list[list[Line]] | None = None
) -> dict[int, str]:
    """Line index -> rule for later copies of earlier lines.

    body_end: index of the last line of the body's own prose, if known; runs of short copies
    before it are left alone.  runs: copy_runs(view), when already computed."""
    out: dict[int, str] = {}
    index: PassageIndex | None = None
    parts: list[list[Line]] = []
    template: set[str] | None = None
    for run in copy_runs(view) if runs is None else runs:
        if (
            len(run) > 2
            and run[0].words < STRUCTURE_WORDS
            and sum(x.words >= MIN_PARAGRAPH_WORDS for x in run) >= 2  # what split() needs
        ):
            if index is None:
                index = passage_index(view)
            parts.extend(index.split(run))
        else:
            parts.append(run)
    for run in parts:
        if len(run) > 1 and run[-1].words < MIN_PARAGRAPH_WORDS <= run[0].words:
            # a copied paragraph followed by a label that recurs on its own ("Cons:" under
            # each review, a copy of the paragraph before it): the label is not the copy's
            if index is None:
                index = passage_index(view)
            segs = index.segments(run)
            while (
                len(segs) > 1
                and len(segs[-1]) == 1
                and segs[-1][0].words < MIN_PARAGRAPH_WORDS
                and index.whole_copy(segs[-2][-1])  # (not a copy that lost its breaks)
            ):
                segs.pop()
            run = [x for seg in segs for x in seg]
        words = [x.words for x in run]
        if sum(words) < MIN_RUN_WORDS:
            continue
        inside = body_end is not None and run[-1].index < body_end
        if inside and (
            max(words) < MIN_PARAGRAPH_WORDS
            or (len(run) > 1 and sum(words) < MIN_PARAGRAPH_WORDS * len(run))
        ):
            # ... unless the run copies a passage with paragraphs of its own: a copied body
            # with many list items is still a copy, wherever the body seems to end
            if len(run) < PASSAGE_LINES or sum(w >= MIN_PARAGRAPH_WORDS for w in words) < 2:
                continue
            if index is None:
                index = passage_index(view)
            if index.longest_match(run, cut_short=True)[0] < PASSAGE_LINES:
                continue
        if len(run) == 1 and _structural(view, run[0]):
            continue
        if len(run) > 1 and max(words) < MIN_PARAGRAPH_WORDS:
            if index is None:
                index = passage_index(view)
            if not index.copies_a_passage(run):
                # short lines each seen before, never together: a list's recurring items; but
                # a long passage copied at the run's end is a copied tail after them
                last = index.segments(run)[-1]
                if len(last) < PASSAGE_LINES:
                    continue
                run = last
        if _list_entries(view, run):
            continue
        if template is None:
            template = _template(view)
        if template and all(x.norm in template for x in run) and not _stutter(view, run[0]):
            continue
        rule = "repeated_block" if len(run) > 1 else "repeated_paragraph"
        for x in run:
            out[x.index] = rule
    return out


# An article built on a template -- a plan's "Warm up" under each day, a review's "Last
# checked" and verdict under each product -- prints the same lines many times with its own
# text between them.  Noise copies a line or a passage once (twice at most: a body printed
# twice more carries nothing new between its copies).
TEMPLATE_COPIES: Final = 3  # a template's line stands this many times at least
TEMPLATE_LINES: Final = 2  # ... and this many of its lines do
TEMPLATE_OWN: Final = 0.25  # the lines standing once carry this share of the body's words at least


def _template(view: TextView) -> set[str]:
    """The lines that recur as the article's template (normalised), or an empty set."""
    body = view.body()
    counts = Counter(ln.norm for ln in body)
    recurring = {norm for norm, n in counts.items() if n >= TEMPLATE_COPIES}
    if len(recurring) < TEMPLATE_LINES:
        return set()
    own = sum(ln.words for ln in body if counts[ln.norm] == 1)
    if own < TEMPLATE_OWN * sum(ln.words for ln in body):
        return set()
    # ... each copy beside a line of the article's own (printed once): a page's menus,
    # forms and notices printed again in its sidebars and footer come with their neighbours
    for k, ln in enumerate(body):
        if ln.norm in recurring and not any(
            0 <= j < len(body) and counts[body[j].norm] == 1 for j in (k - 1, k + 1)
        ):
            recurring.discard(ln.norm)
    return recurring


def _stutter(view: TextView, ln: Line) -> bool:
    """Is `ln` right under a copy of itself (blank lines between at most)?"""
    lines = view.lines
    i = ln.index - 1
    while i >= 0 and lines[i].blank:
        i -= 1
    return i >= 0 and lines[i].norm == ln.norm


# An entry of a list or a table: a bullet, a number, a table row.
_ENTRY: Final = re.compile(r"\s*(?:[-*•·▪‣◦–—]\s|\d{1,3}[.)]\s|\|)")
_NUMBER: Final = re.compile(r"\s*(\d{1,3})[.)]\s")


def _list_entries(view: TextView, run: list[Line]) -> bool:
    """Copies that are entries of a list or a table, among other entries of it: a schedule's
    recurring step, a table's header repeated over each part, a spec given for each product.
    The page's own structure recurs so; a duplicated paragraph is dropped in anywhere, and a
    duplicated body carries its prose along (its run holds more than entries)."""
    if not all(_ENTRY.match(x.text) for x in run):
        return False
    lines = view.lines
    around = []
    for step, start in ((-1, run[0].index - 1), (1, run[-1].index + 1)):
        i = start
        while 0 <= i < len(lines) and lines[i].blank:
            i += step
        if 0 <= i < len(lines):
            around.append(lines[i])
    norms = {x.norm for x in run}
    if any(x.norm in norms for x in around):
        return False  # a stutter: the copy right under (or over) its original
    number = _NUMBER.match(run[0].text)
    before = _NUMBER.match(around[0].text) if around and around[0].index < run[0].index else None
    if number and before and int(number.group(1)) != int(before.group(1)) + 1:
        return False  # a numbered entry out of its list's order: dropped in, not listed
    return any(_ENTRY.match(x.text) for x in around)


def _loose(ln: Line) -> bool:
    """Short and not a sentence: the kind of line that recurs on its own."""
    return ln.words < STRUCTURE_WORDS and not _SENTENCE_END.search(ln.text[-4:])


def _structural(view: TextView, ln: Line) -> bool:
    return _loose(ln) and not _stutter(view, ln)


# Earlier occurrences of a line tried as the start of a copied passage: enough for any real
# page, and the bound that keeps a record of many short repeats linear.
MAX_STARTS: Final = 8


_LAST_INDEX: list = [None, None]  # the last view asked for, and its index


def passage_index(view: TextView) -> PassageIndex:
    """The view's passage index, built once: detection runs twice per record and resolve asks
    again (records are cleaned one at a time, so one remembered view suffices)."""
    if _LAST_INDEX[0] is not view:
        _LAST_INDEX[0], _LAST_INDEX[1] = view, PassageIndex(view)
    return _LAST_INDEX[1]


class PassageIndex:
    """Where each body line stands, and where each distinct line first occurs: the lookups
    that tell a copied passage from lines recurring one by one, in time linear in the record."""

    __slots__ = ("body", "first", "pos", "starts")

    def __init__(self, view: TextView) -> None:
        self.body = view.body()
        body = self.body
        # Where a line stands in body: its index less the first one's when body has no gap
        # (most records: no blank line), else looked up.
        self.first = body[0].index if body else 0
        self.pos: dict[int, int] | None = None
        if body and body[-1].index - self.first != len(body) - 1:
            self.pos = {ln.index: k for k, ln in enumerate(body)}
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
        k0 = self.place(run[0])
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

    def split(self, run: list[Line]) -> list[list[Line]]:
        """The run cut where its lines stop copying one passage.  A body whose last line
        also stands earlier in it ("Where to watch: Netflix" under each review), followed by
        a copy of the body, makes one run of copies: that line and the copy are judged apart.
        Leading pieces that open with a short line are cut off only where a copied passage
        with paragraphs follows: a table's rows that recur in twos and threes stay one run."""
        segs = self.segments(run)
        k = 0
        while k + 1 < len(segs) and segs[k][0].words < STRUCTURE_WORDS:
            nxt = segs[k + 1]
            if len(nxt) < 3 or sum(ln.words >= MIN_PARAGRAPH_WORDS for ln in nxt) < 2:
                break
            k += 1
        return [*segs[:k], [ln for seg in segs[k:] for ln in seg]]

    def segments(self, run: list[Line]) -> list[list[Line]]:
        """The run cut, from its start, into the longest pieces that each stand together
        somewhere above it."""
        out: list[list[Line]] = []
        while run:
            m = max(1, self.longest_match(run, cut_short=True)[0])
            out.append(run[:m])
            run = run[m:]
        return out

    def place(self, ln: Line) -> int:
        """Where the line stands in body."""
        return ln.index - self.first if self.pos is None else self.pos[ln.index]

    def whole_copy(self, ln: Line) -> bool:
        """Does the line stand, whole, above itself?"""
        return self.starts[ln.norm][0] < self.place(ln)

    def copies_a_passage(self, run: list[Line]) -> bool:
        """Do the run's lines stand together, in this order, somewhere above it?  A duplicated
        passage does; recurring items of a list ("Snacks:", "* 1 pear") repeat one by one."""
        return self.longest_match(run, cut_short=True)[0] == len(run)


EDITED_WORDS: Final = 15  # paragraphs this long and longer are compared for edited copies
# A copy that lost a sentence may be shorter: this long, of whole sentences of a paragraph
# NEAR_COPY lines above it at most, it is that paragraph's copy.  (An article restates one
# of its sentences in a later section -- a summary, an answer -- never within a few
# paragraphs of it.)
SUBSET_WORDS: Final = 8
NEAR_COPY: Final = 8
_EDGE: Final = 40  # characters of a paragraph's opening or closing that a copy-edit rarely touches
EDITED_WORDS_CHANGED: Final = 3  # a copy-edit changes at most this many words
_CASED_WORD: Final = re.compile(r"[^\W_]+")
# (after a stop: closing marks then spaces, or spaces; each branch opens on its first
# character, so a search skips to it)
_SENTENCES: Final = re.compile(r"[\"”’')\]](?<=[.!?].)[\"”’')\]]*\s+|\s(?<=[.!?]\s)\s*")


def edited_copies(body: list[Line], known: dict[int, str]) -> dict[int, str]:
    """Later copies of a paragraph with small edits -- a sentence dropped, a few words
    changed -- which the exact comparison misses.  A candidate shares its opening or its
    closing words with an earlier paragraph (dictionary lookups:
    linear in the record); it is a copy when its sentences are the earlier one's less whole
    sentences, or when at most a few words differ and none is a name.  An article's own
    templated paragraphs ("X supports the protocol…", "Y supports the protocol…") differ in
    their names, and an exact repeat is the comparison above's to judge."""
    keys: dict[str, int] = {}
    seen: set[str] = set()
    out: dict[int, str] = {}
    origin: dict[int, int] = {}  # body position of an edited copy -> its original's
    for k, ln in enumerate(body):
        if ln.words < SUBSET_WORDS or ln.index in known:
            continue
        short = ln.words < EDITED_WORDS  # (only as a near copy that lost a sentence)
        norm = ln.norm
        if norm in seen:
            continue  # an exact copy the comparison above chose to keep (the article's own)
        seen.add(norm)
        # (a dropped first sentence leaves the closing, a dropped last one the opening, a
        # changed word one or the other)
        if short and k > 0 and _one_word_apart(body[k - 1], ln):
            # (a short line printed twice in a row, a word added or dropped: its copy)
            out[ln.index] = "edited_copy"
            origin[k] = k - 1
            continue
        head, tail = norm[:_EDGE], norm[-_EDGE:]
        j = keys.get(head)
        if j is None:
            j = keys.get(tail)
        if j is not None and _edited(body[j], ln, k - j <= NEAR_COPY, short, next_to=k - j == 1):
            out[ln.index] = "edited_copy"
            origin[k] = j
            continue
        if not short:
            keys.setdefault(head, k)
            keys.setdefault(tail, k)
    if known or out:
        _in_copied_stretch(body, known, out, origin)
    return out


# Inside a copied stretch -- a line next to it removed as a copy -- shorter lines are compared
# too, and a changed first word is an edit: a body printed twice with small edits keeps
# its short lines and its edited sentence openings in the copy.  The copy keeps the
# original's order, so a line's original is looked for only where its neighbour's original
# leads (a heading that restates the headline, next to a copied paragraph, is no copy).
STRETCH_WORDS: Final = 2  # an exact copy this long
STRETCH_PROSE: Final = 8  # an edited one: a sentence this long, not a field ("Label: value")
_ALIGN: Final = 2  # how far from the expected place the original may stand


def _in_copied_stretch(
    body: list[Line], known: dict[int, str], out: dict[int, str], origin: dict[int, int]
) -> None:
    first_norm: dict[str, int] = {}

    def source(k: int) -> int | None:
        """Body position of the original of the copy at position k (None: no copy)."""
        ln = body[k]
        if ln.index in out:
            return origin.get(k)
        if ln.index in known:
            j = first_norm.get(ln.norm)
            return j if j is not None and j < k else None
        return None

    n = len(body)
    for k, ln in enumerate(body):
        if ln.words >= STRETCH_WORDS and ln.index not in known and ln.index not in out:
            expect: set[int] = set()
            # (after the line above's original, or before the line below's: in order)
            if k > 0 and (j0 := source(k - 1)) is not None:
                expect.update(range(j0 + 1, j0 + 2 + _ALIGN))
            if k + 1 < n:
                nxt = body[k + 1]
                j1 = (
                    first_norm.get(nxt.norm) if nxt.index in known
                    else origin.get(k + 1) if nxt.index in out  # (found by the first pass)
                    else None
                )
                if j1 is not None:
                    expect.update(range(j1 - 1 - _ALIGN, j1))
            if not expect:
                first_norm.setdefault(ln.norm, k)
                continue
            field = _field(ln.text)
            prose = ln.words >= STRETCH_PROSE and not field and _SENTENCE_END.search(ln.text[-4:])
            for j in sorted(x for x in expect if 0 <= x < k and body[x].index not in known):
                if (
                    body[j].norm == ln.norm and not field
                    or prose and _edited(body[j], ln, aligned=True)
                ):
                    # (an exact copy too short to count on its own, inside the copy)
                    out[ln.index] = "repeated_block" if body[j].norm == ln.norm else "edited_copy"
                    origin[k] = j
                    break
        first_norm.setdefault(ln.norm, k)
    _fill_gaps(body, known, out, origin)


# A copy's lines between two of its lines already found stand where their originals stand
# between those lines' originals: a short edited heading, a list entry or a field that no
# test above takes alone is the copy's when it matches, in order, a line of that gap.
GAP_LINES: Final = 6  # the longest run of unfound lines looked at inside a copy
_GAP_SLACK: Final = 2  # the original's gap may hold this many more lines (dropped in the copy)


def _fill_gaps(
    body: list[Line], known: dict[int, str], out: dict[int, str], origin: dict[int, int]
) -> None:
    places: dict[str, list[int]] = {}  # each line -> where it stands in the body
    for k, ln in enumerate(body):
        places.setdefault(ln.norm, []).append(k)

    def sources(k: int) -> list[int]:
        """Where the original of the copy at k may stand (a template's line, several places)."""
        ln = body[k]
        if ln.index in out:
            j = origin.get(k)
            return [] if j is None else [j]
        if ln.index in known:
            at = places[ln.norm]
            i = bisect_left(at, k)
            return at[max(0, i - MAX_STARTS) : i]
        return []

    def placed(k: int) -> bool:
        """Does the copy at k place its neighbours?  An edited paragraph or a long line does;
        a short one (a menu's link, an image's placeholder, printed in the header and again in
        the footer) alone does not."""
        ln = body[k]
        return ln.index in out or ln.words >= STRETCH_PROSE

    def found(k: int) -> bool:
        return body[k].index in known or body[k].index in out

    def again(k: int) -> bool:
        """Is the line at k printed again further down?"""
        return places[body[k].norm][-1] > k

    def templated(a: int, b: int) -> bool:
        """Does the gap hold a line the article prints as its structure, three times or more
        ("Meal 2" over each day's meals)?  Such a line is no copy's."""
        return any(len(places[body[c].norm]) >= TEMPLATE_COPIES for c in range(a, b))

    n = len(body)
    k = 1
    while k < n:
        if found(k):
            k += 1
            continue
        a = k
        while k < n and not found(k):
            k += 1
        b = k  # body[a:b] is a run of unfound lines, body[b] found (or the end)
        lefts = sources(a - 1)
        if not lefts:
            # (the run may hold the original's own lines too: the copy's first lines are
            # matched from its first found line up, as far as they match)
            lo = max(a, b - GAP_LINES)
            if b < n and placed(b) and not templated(lo, b):
                _fill_before(body, lo, b, sources(b), found, again, out, origin)
            continue
        if b - a > GAP_LINES:
            continue
        if not placed(a - 1) and (b == n or not placed(b)):
            continue
        if b < n:
            # the pair of originals whose gap is most like this one (the latest, if equal)
            pairs = [(j0, j1) for j0 in lefts for j1 in sources(b) if j0 < j1]
            if not pairs:
                continue
            j0, j1 = min(pairs, key=lambda p: (abs(p[1] - p[0] - 1 - (b - a)), -p[0]))
            # (an edited copy's original is found by its opening words, which a heading over
            # the paragraph may share: then the gap's original ends a line late)
            j1 = max(j1, j0 + 1 + (b - a))
        else:
            # the copy's last lines: its original's lines that follow
            j0 = lefts[-1]
            j1 = j0 + 1 + (b - a) + _GAP_SLACK
        originals = [x for x in range(j0 + 1, min(j1, a)) if not found(x)]
        if not originals or len(originals) > b - a + _GAP_SLACK:
            continue
        if templated(a, b):
            continue
        t = 0
        for c in range(a, b):
            if again(c):
                continue  # (printed again further down: an original itself)
            s = t
            while s < len(originals) and not _alike(body[originals[s]], body[c]):
                s += 1
            if s == len(originals):
                if b == n:
                    break  # the copy ended: what follows it is not the copy's
                continue
            out[body[c].index] = (
                "repeated_block" if body[originals[s]].norm == body[c].norm else "edited_copy"
            )
            origin[c] = originals[s]
            t = s + 1


def _fill_before(
    body: list[Line], a: int, b: int, rights: list[int], found: Callable[[int], bool],
    again: Callable[[int], bool], out: dict[int, str], origin: dict[int, int],
) -> None:
    """The copy's first lines, over its first found line: matched from the bottom up with
    the lines over that line's original, as far as they match."""
    if not rights or rights[-1] > a:
        return  # (the original stands inside the run: a line printed twice over, no copy's start)
    j1 = rights[-1]
    originals = [x for x in range(max(0, j1 - (b - a) - _GAP_SLACK), j1) if not found(x)]
    s = len(originals)
    for c in range(b - 1, a - 1, -1):
        if again(c):
            return  # (a line printed again further down is an original, the copy began below it)
        s -= 1
        while s >= 0 and not _alike(body[originals[s]], body[c]):
            s -= 1
        if s < 0:
            return
        out[body[c].index] = (
            "repeated_block" if body[originals[s]].norm == body[c].norm else "edited_copy"
        )
        origin[c] = originals[s]


ALIKE_SHARE: Final = 0.5  # the words two lines share, of the copy's, for a slight edit


def _alike(original: Line, copy: Line) -> bool:
    """The same line, or the same with a slight edit (most of its words kept)."""
    if original.norm == copy.norm:
        return True
    mine = set(copy.toks)
    if len(mine & set(original.toks)) < max(2, ALIKE_SHARE * len(mine)):
        return False
    return _edited(original, copy, aligned=True)


def _one_word_apart(above: Line, ln: Line) -> bool:
    """Is `ln` the sentence right above it with one common word added or dropped?  A list's
    entries and a table's fields vary by a word from entry to entry: neither is compared."""
    if above.words < SUBSET_WORDS or abs(above.words - ln.words) != 1 or above.norm == ln.norm:
        return False
    if _ENTRY.match(above.text) or _ENTRY.match(ln.text) or _field(above.text) or _field(ln.text):
        return False
    # (sentences: two headings a word apart are a section's and its first entry's)
    if not (_SENTENCE_END.search(above.text[-4:]) and _SENTENCE_END.search(ln.text[-4:])):
        return False
    wa = _CASED_WORD.findall(above.text)
    wb = _CASED_WORD.findall(ln.text)
    longer, shorter = (wa, wb) if len(wa) > len(wb) else (wb, wa)
    if len(longer) != len(shorter) + 1:
        return False
    p = _common_prefix(longer, shorter)
    if longer[p + 1 :] != shorter[p:]:
        return False
    return not _named(longer[p])  # (a name or a figure added is another sentence's)


def _common_prefix(a: list[str], b: list[str]) -> int:
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    return p


def _field(text: str) -> bool:
    """A field ("Label: value") or a label announcing what follows ("Steps:"): the lines of a
    table, a spec list or a contact block recur, or vary by a word, from entry to entry."""
    if text.rstrip()[-1:] == ":":
        return True
    colon = text.find(": ")
    return colon >= 0 and text.count(" ", 0, colon) < 4


def _edited(
    original: Line, copy: Line, near: bool = False, short: bool = False, aligned: bool = False,
    next_to: bool = False,
) -> bool:
    """Is `copy` the `original` with a sentence dropped or a few words changed (none of them
    a name or a figure)?  near: the copy stands NEAR_COPY lines below the original at most;
    short: it has fewer than EDITED_WORDS words (then only a near copy of whole sentences is
    one); aligned: the copy stands inside a copied stretch where its original's place leads,
    so any share of the paragraph may be left and its first word may be the changed one;
    next_to: the copy stands right under the original."""
    # (most candidates, templated lines that share an opening, bring words of their own)
    if len(copy.norm) > len(original.norm) + 40 or len(set(copy.toks).difference(original.toks)) > EDITED_WORDS_CHANGED:
        return False
    a = [s for s in _SENTENCES.split(original.norm) if s]
    b = [s for s in _SENTENCES.split(copy.norm) if s]
    sa, sb = set(a), set(b)
    if sb < sa:
        # one sentence dropped, most of the paragraph kept, or any part of it close below
        # it (or inside an aligned copy); one that goes on past its original is new text, and
        # a paragraph restating part of an earlier one further down (a summary, an answer,
        # a pull quote) is the article's (a paragraph ends as a sentence: a headline with
        # the site's name after it is no paragraph, and the headline alone under it is no copy)
        # (where the original's place leads, any of its sentences may be left: the copy
        # stands where the paragraph would)
        # (a pull quote or a summary restates one sentence; two or more of a paragraph's
        # sentences again, in its order, far from it, are its copy)
        return aligned or len(sa - sb) == 1 and (
            near and _SENTENCE_END.search(original.text) is not None
            or not short and (len(copy.norm) >= 0.6 * len(original.norm) or _in_order(b, a))
        )
    if short:
        return False
    wa = _CASED_WORD.findall(original.text)
    wb = _CASED_WORD.findall(copy.text)
    fa, fb = [w.casefold() for w in wa], [w.casefold() for w in wb]
    if fa == fb:
        # the same words, other punctuation -- but a list's entry restated as a paragraph (a
        # summary's bullets over the text) is the article's
        return bool(_ENTRY.match(original.text)) == bool(_ENTRY.match(copy.text))
    if len(wa) - len(wb) > EDITED_WORDS_CHANGED:
        return _clause_dropped(fa, fb, aligned)
    if abs(len(wa) - len(wb)) > EDITED_WORDS_CHANGED:
        return False  # (so many words added or dropped cannot be a few changed)
    if len(wa) <= _DIFF_WORDS:
        ops = SequenceMatcher(None, fa, fb, autojunk=False).get_opcodes()
        changed = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    else:  # difflib is quadratic in a long paragraph (a whole article on one line)
        changed = _few_edits(fa, fb, EDITED_WORDS_CHANGED) or []
    if not changed or sum(max(i2 - i1, j2 - j1) for i1, i2, j1, j2 in changed) > EDITED_WORDS_CHANGED:
        return False
    # (a paragraph is one that ends as a sentence: a headline and the page title over it,
    # the site's name dropped, are the title's to choose between)
    prose = _SENTENCE_END.search(original.text[-4:]) is not None
    # Inside a copied stretch, one figure for another in a long paragraph is a correction
    # printed in the copy, and so it is in a long paragraph printed again right under itself
    # with nothing else changed.  (Apart, two paragraphs told alike that differ in a figure
    # -- two years' results, two models' specs -- are the article's own.)
    # (by position, not identity: compiled, a tuple is copied where it is passed)
    swaps = [i for i, b in enumerate(changed) if _figure_swap(wa, wb, b)]
    if len(swaps) == 1 and (
        aligned and len(wa) >= SLIP_WORDS
        or next_to and prose and len(changed) == 1 and len(wa) >= FIGURE_WORDS
        or prose and len(changed) == 1 and len(wa) >= FAR_FIGURE_WORDS
    ):
        del changed[swaps[0]]
    if aligned:
        return all(_slight(wa, wb, block) for block in changed)
    return all(_slip(wa, wb, block, prose) for block in changed)


SLIP_WORDS: Final = 15  # a paragraph this long may lose a name or a figure in its copy
FIGURE_WORDS: Final = 25  # ... and one this long, printed again under itself, change one figure
# Anywhere below, a paragraph this long with one figure changed and every other word kept is
# a copy: parallel paragraphs (two years' results, two models' specs) are short sentences
# told alike, and a long paragraph told twice over differs in more than one figure.
FAR_FIGURE_WORDS: Final = 40


def _in_order(part: list[str], whole: list[str]) -> bool:
    """Two or more sentences of `whole`, in its order (the copy of a paragraph that lost one)."""
    if len(part) < 2:
        return False
    at = iter(whole)
    return all(any(s == t for t in at) for s in part)


def _slip(wa: list[str], wb: list[str], block: tuple[int, int, int, int], prose: bool) -> bool:
    """Away from a copied stretch, is this changed block a copy-edit?  Common words changed;
    a name or a figure respelt ("Students"/"Student", "2024"/"2042" is no respelling: a
    figure for another is a template's); or, in a long paragraph (`prose`: it ends as a
    sentence), one name or figure dropped or given as a common word.  A name for another name is a template's next entry ("Lyon
    supports …" / "Porto supports …")."""
    i1, i2, j1, j2 = block
    old, new = wa[i1:i2], wb[j1:j2]
    if not any(_named(w) for w in (*old, *new)):
        return True
    if old and new and not any(w[0].isdigit() for w in (*old, *new)):
        a, b = " ".join(old).casefold(), " ".join(new).casefold()
        if SequenceMatcher(None, a, b).ratio() >= 0.8:
            return True
    if not prose or len(wa) < SLIP_WORDS:
        return False
    if len(old) == 1 and not any(_named(w) for w in new):
        return True
    # one common word given as a name in a long paragraph ("the company" / "the Acme"): a
    # template's entries differ in a name where both have one
    return len(wa) >= FIGURE_WORDS and len(old) == len(new) == 1 and not _named(old[0])


def _figure_swap(wa: list[str], wb: list[str], block: tuple[int, int, int, int]) -> bool:
    """Is this changed block one figure given as another ("12" for "14")?"""
    i1, i2, j1, j2 = block
    return i2 - i1 == 1 and j2 - j1 == 1 and wa[i1].isdigit() and wb[j1].isdigit()


def _named(w: str) -> bool:
    return w[0].isupper() or w[0].isdigit()


# a few of German's commonest words: its sentences capitalise every noun
_GERMAN: Final = frozenset("der die das und ist nicht mit von den dem ein eine zu auf für sich".split())


def _slight(wa: list[str], wb: list[str], block: tuple[int, int, int, int]) -> bool:
    """Inside an aligned copy, is this changed block an edit rather than the next entry of a
    template ("Join us in Lyon for…" / "Join us in Porto for…")?  Common words changed or
    only dropped, a name or figure respelt (a slip: "Gulf"/"Guls", "3,2"/"32") or replaced
    by a common word, or, in German, a noun for another."""
    i1, i2, j1, j2 = block
    old, new = wa[i1:i2], wb[j1:j2]
    # (a sentence's first word has its capital whatever it is)
    if not new or not any(_named(w) for w in (*wa[max(i1, 1) : i2], *wb[max(j1, 1) : j2])):
        return True
    if not any(_named(w) for w in new[j1 == 0 :]):
        return True  # a name for a common word: a template swaps a name for a name
    if SequenceMatcher(None, " ".join(old).casefold(), " ".join(new).casefold()).ratio() >= 0.6:
        return True
    inner = wa[1:]
    caps = sum(1 for w in inner if w[0].isupper())
    return 0.2 * len(inner) <= caps <= 0.5 * len(inner) and len(_GERMAN.intersection(wa)) >= 2


_DIFF_WORDS: Final = 200  # paragraphs longer than this are compared by _few_edits, not difflib


ALIGNED_CLAUSE_WORDS: Final = 5  # inside a copied stretch, what is left of a paragraph: this many words


def _clause_dropped(fa: list[str], fb: list[str], aligned: bool) -> bool:
    """The copy's words are the original's with one run of them left out from inside (a
    clause dropped), most of the paragraph kept.  A run cut from its start or its end is a
    pull quote or a summary of it, the article's own -- unless `aligned`."""
    if len(fb) >= len(fa) or len(fb) < (ALIGNED_CLAUSE_WORDS if aligned else 0.6 * len(fa)):
        # (where the original's place leads, any part of the paragraph may be left, as any of
        # its sentences may: the copy stands where the paragraph would)
        return False
    # (one run left out: the copy is a common opening and a common closing of the original)
    i1 = _common_prefix(fa, fb)
    i2 = len(fa) - (len(fb) - i1)
    if fa[i2:] != fb[i1:]:
        return False
    return aligned or (i1 > 0 and i2 < len(fa))


def _few_edits(a: list[str], b: list[str], limit: int) -> list[tuple[int, int, int, int]] | None:
    """The changed blocks (i1, i2, j1, j2) of a shortest script of inserted and deleted words
    from a to b, or None when it needs more than 2 * limit of them (more than `limit` words
    changed).  Myers' O((n + m) * D) algorithm with D <= 2 * limit, each common run measured
    by comparing slices (in C), so a long paragraph costs about one pass over its words."""
    n, m = len(a), len(b)
    v = {1: 0}
    trace: list[dict[int, int]] = []
    for d in range(2 * limit + 1):
        trace.append(dict(v))
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[k - 1] < v[k + 1]):
                x = v[k + 1]  # a word of b inserted
            else:
                x = v[k - 1] + 1  # a word of a deleted
            x += _common(a, x, b, x - k)
            v[k] = x
            if x >= n and x - k >= m:
                return _blocks(trace, n, m)
    return None


def _common(a: list[str], x: int, b: list[str], y: int) -> int:
    """Length of the common run of a[x:] and b[y:] (galloping, then bisecting, on slices)."""
    most = min(len(a) - x, len(b) - y)
    if most <= 0 or a[x] != b[y]:
        return 0
    lo, step = 1, 1  # a[x:x+lo] == b[y:y+lo]
    while True:
        hi = min(lo + step, most)
        if a[x : x + hi] != b[y : y + hi]:
            break
        lo = hi
        if hi == most:
            return most
        step *= 2
    while hi - lo > 1:  # the run ends after lo and before hi
        mid = (lo + hi) // 2
        if a[x : x + mid] == b[y : y + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _blocks(trace: list[dict[int, int]], n: int, m: int) -> list[tuple[int, int, int, int]]:
    """The script's inserted and deleted words, from the end back, grouped into blocks."""
    x, y = n, m
    edits: list[tuple[int, int, int, int]] = []  # one word each: (i1, i2, j1, j2)
    for d in range(len(trace) - 1, 0, -1):
        v = trace[d]
        k = x - y
        if k == -d or (k != d and v[k - 1] < v[k + 1]):
            px = v[k + 1]
            py = px - (k + 1)
            edits.append((px, px, py, py + 1))  # b[py] inserted
        else:
            px = v[k - 1]
            py = px - (k - 1)
            edits.append((px, px + 1, py, py))  # a[px] deleted
        x, y = px, py
    blocks: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2 in reversed(edits):
        if blocks and blocks[-1][1] == i1 and blocks[-1][3] == j1:  # no common run between
            b1, _b2, c1, _c2 = blocks[-1]
            blocks[-1] = (b1, i2, c1, j2)
        else:
            blocks.append((i1, i2, j1, j2))
    return blocks


# A copy whose line breaks are not the original's: the body printed again wrapped at a fixed
# width, or with its paragraphs run together and cut anew ("…raise ferry fares across the" /
# "harbour by an average of six percent…").  No line of such a copy equals a line above it, but
# the run of its lines, joined by spaces, is a stretch of the text above, joined the same way.
REWRAP_FRAGMENTS: Final = 3  # lines that end no sentence, REWRAP_PIECE words or more: a copy may be wrapped
REWRAP_WORDS: Final = 24  # a run of lines copying a stretch of the text above carries this many words
REWRAP_PIECE: Final = 5  # ... and each of its lines but the last this many (or ends a sentence)
REWRAP_LINES: Final = 2  # ... in this many lines at least
REWRAP_MISSES: Final = 4  # pieces searched for in vain before a record is given up (bounded time)
REWRAP_SCAN: Final = 8_000_000  # characters searched in one record at most, found or not
_STOPS: Final = ".!?…:;。！？\"”’'»)]"


def _fragment(ln: Line) -> bool:
    """A wrapped line's shape: a piece of a sentence, cut where no sentence ends."""
    return ln.words >= REWRAP_PIECE and ln.text.rstrip()[-1:] not in _STOPS


def rewrapped_copies(body: list[Line], known: Mapping[int, str]) -> dict[int, str]:
    """Line index -> "rewrapped_copy" for runs of lines that copy, with other line breaks, a
    stretch of the body's text above them (exact copies in `known` stay theirs).  Asked only
    of a body with a few pieces of sentences in lines of their own in its second half, as
    wrapped lines are; such a piece is searched for in the text above it (a substring search,
    REWRAP_MISSES in vain at most per record), and a piece found there is grown into the run
    of lines around it that goes on as the text above does."""
    if sum(1 for ln in body if _fragment(ln) and ln.index not in known) < REWRAP_FRAGMENTS:
        return {}
    # (a copy stands below its original and has as many lines or more: its lines are in the
    # body's second half, where they are looked for)
    pieces = [k for k in range(len(body) // 2, len(body)) if body[k].words >= REWRAP_PIECE and body[k].index not in known]
    norms = [ln.norm for ln in body]
    starts: list[int] = []
    at = 0
    for norm in norms:
        starts.append(at)
        at += len(norm) + 1
    stream = " ".join(norms)
    out: dict[int, str] = {}
    misses = REWRAP_MISSES
    budget = REWRAP_SCAN
    done = -1  # the last line of the last run looked at
    for k in pieces:
        if k <= done:
            continue
        budget -= starts[k]
        if budget < 0:
            break  # (a record of many separate runs: the searches stay bounded)
        p = stream.find(norms[k], 0, starts[k])
        if p < 0:
            misses -= 1
            if misses == 0:
                break  # (a wrapped copy's pieces are found at once; most bodies have none)
            continue
        # the run: back over the lines that end where this one's copy starts in the text
        # above, then on over those that go on from where it ends
        i, lo = k, p
        while i - 1 > done and lo > 0 and stream.endswith(norms[i - 1] + " ", 0, lo):
            lo -= len(norms[i - 1]) + 1
            i -= 1
        j, hi = k + 1, p + len(norms[k])
        while j < len(body) and stream.startswith(" " + norms[j], hi) and hi + 1 + len(norms[j]) <= starts[i]:
            hi += 1 + len(norms[j])
            j += 1
        done = j - 1
        if (
            j - i >= REWRAP_LINES
            and sum(x.words for x in body[i:j]) >= REWRAP_WORDS
            and hi <= starts[i]
            # (wrapped prose: every line but the last a piece of a sentence or a sentence's
            # end, not a table's cells or labels printed again in another layout)
            and all(
                x.words >= REWRAP_PIECE or _SENTENCE_END.search(x.text[-4:]) for x in body[i : j - 1]
            )
            and _breaks_differ(norms, starts, i, j, lo, hi)
        ):
            for x in body[i:j]:
                out[x.index] = "rewrapped_copy"
    return out


def _breaks_differ(norms: list[str], starts: list[int], k: int, j: int, p: int, end: int) -> bool:
    """Do the copy's lines k..j-1 break the copied stretch [p, end) elsewhere than the lines
    it was copied from (else it is an exact copy, the comparison above's to judge)?"""
    copy: set[int] = set()
    at = 0
    for x in norms[k : j - 1]:
        at += len(x) + 1
        copy.add(at)
    lo, hi = bisect_left(starts, p + 1), bisect_left(starts, end)
    return copy != {b - p for b in starts[lo:hi]}
