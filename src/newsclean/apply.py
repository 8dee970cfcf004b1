"""Apply marks to a record: the only place that builds output text; `restore` is its inverse.

Contract: the output text is exactly the record with the removed spans cut out, so that
inserting every removed span back at its offset gives the record byte for byte.  Kept lines
are joined by a single "\n" (the newline that ended the kept line); everything else -- removed
lines with their newlines, blank lines, surrounding spaces -- is a removed span with a reason.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping

from .model import Removed, Repaired, Span
from .text_view import TextView

Label = tuple[str, str] | None  # None = kept

_WS: tuple[str, str] = ("whitespace", "blank_or_padding")


def apply_marks(
    view: TextView,
    line_marks: Mapping[int, tuple[str, str]],
    partials: Iterable[Span] = (),
) -> tuple[str, list[Removed]]:
    """Return (text, removed) for the record under the given line marks and partial spans.

    line_marks: line index -> (reason, rule) for whole lines to remove.
    partials: spans inside kept lines (a prefix or suffix of the line's content) to remove.
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

    # kept piece of each kept line, after partial spans and surrounding spaces
    pieces: dict[int, tuple[int, int]] = {}
    for ln in lines:
        if ln.cstart >= ln.cend or ln.index in line_marks:
            continue
        if ln.index not in by_line:
            pieces[ln.index] = (ln.cstart, ln.cend)  # content is already stripped
            continue
        s, e = ln.cstart, ln.cend
        for sp in by_line[ln.index]:
            if sp.start <= s < sp.end:
                s = sp.end
            if sp.start < e <= sp.end:
                e = sp.start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            pieces[ln.index] = (s, e)
    last_kept = max(pieces) if pieces else -1

    # segments (start, end, label) in record order; adjacent ones with one label merge below
    segs: list[tuple[int, int, Label]] = []
    add = segs.append
    for ln in lines:
        nl_end = ln.end + 1 if ln.end < n else ln.end
        p = pieces.get(ln.index)
        if p is None:
            add((ln.start, nl_end, line_marks.get(ln.index, _WS)))
            continue
        ps, pe = p
        if ln.index in by_line:
            parts = sorted(by_line[ln.index], key=lambda x: x.start)
            _emit_outside(add, ln.start, ps, parts)
            add((ps, pe, None))
            _emit_outside(add, pe, ln.end, parts)
        else:
            if ln.start < ps:
                add((ln.start, ps, _WS))
            if pe == ln.end and ln.index < last_kept:
                add((ps, nl_end, None))  # the common case: the line and its newline, kept
                continue
            add((ps, pe, None))
            if pe < ln.end:
                add((pe, ln.end, _WS))
        if nl_end > ln.end:
            if ln.index < last_kept:
                add((ln.end, nl_end, None))
            else:
                # the newline after the last kept line goes with whatever follows it
                add((ln.end, nl_end, _label_of_next(ln.index, lines, line_marks)))

    kept_parts: list[str] = []
    removed: list[Removed] = []
    cs = ce = 0
    cl: Label = None
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
                removed.append(Removed(cs, ce, cl[0], cl[1], text[cs:ce]))
        cs, ce, cl = s, e, label
    if cs < ce:
        if cl is None:
            kept_parts.append(text[cs:ce])
        else:
            removed.append(Removed(cs, ce, cl[0], cl[1], text[cs:ce]))
    return "".join(kept_parts), removed


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
