"""Apply marks to a record: the only place that builds output text; `restore` is its inverse.

Contract: the output text is exactly the record with the removed spans cut out, so that
inserting every removed span back at its offset gives the record byte for byte.  Kept lines
are joined by a single "\n" (the newline that ended the kept line); everything else -- removed
lines with their newlines, blank lines, surrounding spaces -- is a removed span with a reason.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import Final, cast

from .model import REASONS, Reason, Removed, Repaired, Span
from .text_view import Line, TextView

Label = tuple[str, str] | None  # None = kept
_REASONS: Final = frozenset(REASONS)


def _reason(reason: str) -> Reason:
    """A mark's reason, checked: every removal in the output has a documented reason."""
    if reason not in _REASONS:
        raise ValueError(f"removal reason {reason!r} is not one of model.REASONS")
    return cast(Reason, reason)

_WS: tuple[str, str] = ("whitespace", "blank_or_padding")
_START: Final = attrgetter("start")


def apply_marks(
    view: TextView,
    line_marks: Mapping[int, tuple[str, str]],
    partials: Iterable[Span] = (),
) -> tuple[str, list[Removed]]:
    """Return (text, removed) for the record under the given line marks and partial spans.

    line_marks: line index -> (reason, rule) for whole lines to remove.
    partials: spans inside kept lines to remove (a prefix, a suffix or any stretch inside
    the line's content; not overlapping each other).
    """
    text = view.text
    n = len(text)
    lines = view.lines
    by_line: dict[int, list[Span]] = {}
    if partials:
        starts = [ln.start for ln in lines]
        for sp in partials:
            i = bisect.bisect_right(starts, sp.start) - 1
            by_line.setdefault(i, []).append(sp)

    # kept piece of each kept line cut by partial spans (the other kept lines keep their
    # content, which is already stripped); None when nothing of the line is left
    cut: dict[int, tuple[int, int] | None] = {}
    for i, sps in by_line.items():
        ln = lines[i]
        if ln.cstart >= ln.cend or i in line_marks:
            continue
        sps.sort(key=_START)
        s, e = ln.cstart, ln.cend
        # the kept piece starts after the spans (and spaces) that open the line and ends
        # before those that close it; the spans between are cut out of it
        k, j = 0, len(sps)
        while True:
            while s < e and text[s].isspace():
                s += 1
            if k < j and sps[k].start <= s < sps[k].end:
                s = sps[k].end
                k += 1
            else:
                break
        while True:
            while e > s and text[e - 1].isspace():
                e -= 1
            if j > k and sps[j - 1].start < e <= sps[j - 1].end:
                e = sps[j - 1].start
                j -= 1
            else:
                break
        cut[i] = (s, e) if s < e else None
    last_kept = -1
    for ln in reversed(lines):
        i = ln.index
        if ln.cstart < ln.cend and i not in line_marks and cut.get(i, True) is not None:
            last_kept = i
            break

    # One walk over the lines that need a look -- removed, cut, padded or blank, and the last
    # kept one -- each line's segments (start, end, label) in record order, merged as they
    # come with the previous one when adjacent with one label.  Between two such lines stand
    # whole kept lines, each with its newline: one kept stretch (most of a record).
    kept_parts: list[str] = []
    removed: list[Removed] = []
    cs = ce = 0
    cl: Label = None
    todo = sorted({*line_marks, *cut, *view.uneven, last_kept})
    nxt = 0  # the first line not walked yet
    for i in todo:
        if i < nxt:  # (last_kept -1: nothing kept)
            continue
        if i >= len(lines):
            break
        ln = lines[i]
        end = ln.end
        nl_end = end + 1 if end < n else end
        if i in line_marks or ln.cstart >= ln.cend:
            segs: Iterable[tuple[int, int, Label]] = (
                (ln.start, nl_end, line_marks.get(i, _WS)),
            )
        else:
            segs = _kept_segments(ln, nl_end, cut, by_line, last_kept, lines, line_marks)
        if nxt < i:
            segs = ((lines[nxt].start, ln.start, None), *segs)
        nxt = i + 1
        for s, e, label in segs:
            if s >= e:
                continue
            if label == cl and s == ce:
                ce = e
                continue
            if cs < ce:
                if cl is None:
                    kept_parts.append(text[cs:ce])
                else:
                    removed.append(Removed(cs, ce, _reason(cl[0]), cl[1], text[cs:ce]))
            cs, ce, cl = s, e, label
    if cs < ce:
        if cl is None:
            kept_parts.append(text[cs:ce])
        else:
            removed.append(Removed(cs, ce, _reason(cl[0]), cl[1], text[cs:ce]))
    return "".join(kept_parts), removed


def _kept_segments(
    ln: Line,
    nl_end: int,
    cut: dict[int, tuple[int, int] | None],
    by_line: dict[int, list[Span]],
    last_kept: int,
    lines: list[Line],
    line_marks: Mapping[int, tuple[str, str]],
) -> list[tuple[int, int, Label]]:
    """The segments of a line that is not removed whole (cut, padded or the last kept one)
    and of its newline, labelled, in record order."""
    i = ln.index
    start = ln.start
    end = ln.end
    out: list[tuple[int, int, Label]] = []
    if i in cut:
        p = cut[i]
        if p is None:  # nothing left: the spans keep their reasons, the rest is whitespace
            _emit_outside(out.append, start, end, by_line[i])
            out.append((end, nl_end, _WS))
            return out
        ps, pe = p
        parts = by_line[i]  # (sorted)
        _emit_outside(out.append, start, ps, parts)
        pos = ps
        for sp in parts:  # the spans inside the kept piece
            if ps <= sp.start and sp.end <= pe:
                out.append((pos, sp.start, None))
                out.append((sp.start, sp.end, (sp.reason, sp.rule)))
                pos = sp.end
        out.append((pos, pe, None))
        _emit_outside(out.append, pe, end, parts)
        _add_newline(out.append, i, end, nl_end, last_kept, lines, line_marks)
        return out
    ps, pe = ln.cstart, ln.cend
    if start < ps:
        out.append((start, ps, _WS))
    if pe == end and i < last_kept:
        out.append((ps, nl_end, None))
    else:
        out.append((ps, pe, None))
        if pe < end:
            out.append((pe, end, _WS))
        _add_newline(out.append, i, end, nl_end, last_kept, lines, line_marks)
    return out


def _add_newline(
    add: Callable[[tuple[int, int, Label]], None],
    idx: int,
    end: int,
    nl_end: int,
    last_kept: int,
    lines: list,
    line_marks: Mapping[int, tuple[str, str]],
) -> None:
    if nl_end > end:
        if idx < last_kept:
            add((end, nl_end, None))
        else:
            # the newline after the last kept line goes with whatever follows it
            add((end, nl_end, _label_of_next(idx, lines, line_marks)))


def _emit_outside(
    add: Callable[[tuple[int, int, Label]], None], a: int, b: int, parts: list[Span]
) -> None:
    """Label [a, b) of a kept line: partial spans by their reason, the rest as whitespace."""
    pos = a
    for sp in parts:
        lo, hi = max(sp.start, a), min(sp.end, b)
        if lo < hi:
            add((pos, lo, _WS))
            add((lo, hi, (sp.reason, sp.rule)))
            pos = hi
    add((pos, b, _WS))


def _label_of_next(
    idx: int, lines: list, line_marks: Mapping[int, tuple[str, str]]
) -> tuple[str, str]:
    for ln in lines[idx + 1 :]:
        if ln.index in line_marks:
            return line_marks[ln.index]
        if not ln.blank:
            break
    return _WS


def restore(
    text: str, removed: Iterable[Removed | dict], repaired: Iterable[Repaired | dict] = ()
) -> str:
    """Rebuild the record: insert every removed span back into the kept text, and put each
    repaired stretch back as it was."""
    out: list[str] = []
    r = 0  # offset in the record
    t = 0  # offset in the kept text
    spans = sorted(
        [
            *((*_fields(x, "start", "end", "text"), 0) for x in removed),
            # a repair takes the place of len(fixed) characters of the kept text
            *((*_fields(x, "start", "end", "text"), len(_fields(x, "fixed")[0])) for x in repaired),
        ],
        key=lambda z: z[0],
    )
    for start, end, chunk, taken in spans:
        if start < r:
            raise ValueError(f"overlapping spans at offset {start}")
        if end - start != len(chunk):
            raise ValueError(f"span [{start}, {end}) does not match the length of its text")
        n = start - r
        out.append(text[t : t + n])
        t += n + taken
        out.append(chunk)
        r = end
    out.append(text[t:])
    return "".join(out)


def _fields(x: object, *names: str) -> tuple:
    if isinstance(x, dict):
        return tuple(x[n] for n in names)
    return tuple(getattr(x, n) for n in names)
