"""Apply marks to a record: the only place that builds output text; `restore` is its inverse.

Contract: the output text is exactly the record with the removed spans cut out, so that
inserting every removed span back at its offset gives the record byte for byte.  Kept lines
are joined by a single "\n" (the newline that ended the kept line); everything else -- removed
lines with their newlines, blank lines, surrounding spaces -- is a removed span with a reason.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

from .model import Removed, Span
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
    by_line: dict[int, list[Span]] = {}
    if partials:
        starts = [ln.start for ln in view.lines]


        for sp in partials:
            i = bisect.bisect_right(starts, sp.start) - 1
            by_line.setdefault(i, []).append(sp)

    # kept pieces per line: (line, piece_start, piece_end)
    pieces: list[tuple[int, int, int]] = []
    for ln in view.lines:
        if ln.blank or ln.index in line_marks:
            continue
        s, e = ln.cstart, ln.cend
        for sp in by_line.get(ln.index, ()):
            if sp.start <= s < sp.end:
                s = sp.end
            if sp.start < e <= sp.end:
                e = sp.start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            pieces.append((ln.index, s, e))

    segs: list[tuple[int, int, Label]] = []
    add = segs.append
    kept_lines = {p[0]: p for p in pieces}
    last_kept = pieces[-1][0] if pieces else -1
    lines = view.lines
    n = len(text)
    for ln in lines:
        nl_end = ln.end + 1 if ln.end < n else ln.end
        p = kept_lines.get(ln.index)
        if p is None:
            label: tuple[str, str] = line_marks.get(ln.index, _WS)
            add((ln.start, nl_end, label))
            continue
        _, ps, pe = p
        # what of the line lies outside the kept piece: a partial span's label, else whitespace
        parts = sorted(by_line.get(ln.index, ()), key=lambda x: x.start)
        for a, b in ((ln.start, ps), (pe, ln.end)):
            pos = a
            for sp in parts:
                lo, hi = max(sp.start, a), min(sp.end, b)
                if lo < hi:
                    if pos < lo:
                        add((pos, lo, _WS))
                    add((lo, hi, (sp.reason, sp.rule)))
                    pos = hi
            if pos < b:
                add((pos, b, _WS))
        add((ps, pe, None))
        if nl_end > ln.end:
            if ln.index < last_kept:
                add((ln.end, nl_end, None))
            else:
                # the newline after the last kept line goes with whatever follows it
                add((ln.end, nl_end, _label_of_next(ln.index, lines, line_marks)))
    segs.sort(key=lambda s: s[0])
    merged: list[tuple[int, int, Label]] = []
    for s, e, lab in segs:
        if s >= e:
            continue
        if merged and merged[-1][2] == lab and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e, lab)
        else:
            merged.append((s, e, lab))
    out_parts: list[str] = []
    removed: list[Removed] = []
    for s, e, lab in merged:
        if lab is None:
            out_parts.append(text[s:e])
        else:
            removed.append(Removed(s, e, lab[0], lab[1], text[s:e]))
    return "".join(out_parts), removed


def _label_of_next(
    idx: int, lines: list, line_marks: Mapping[int, tuple[str, str]]
) -> tuple[str, str]:
    for ln in lines[idx + 1 :]:
        if ln.index in line_marks:
            return line_marks[ln.index]
        if not ln.blank:
            break
    return _WS


def restore(text: str, removed: Iterable[Removed | dict]) -> str:
    """Rebuild the record: insert every removed span back into the kept text."""
    out: list[str] = []
    r = 0  # offset in the record
    t = 0  # offset in the kept text
    spans = sorted(
        (
            (x["start"], x["end"], x["text"]) if isinstance(x, dict) else (x.start, x.end, x.text)
            for x in removed
        ),
        key=lambda z: z[0],
    )
    for start, end, chunk in spans:
        if start < r:
            raise ValueError(f"overlapping removed spans at offset {start}")
        if end - start != len(chunk):
            raise ValueError(f"span [{start}, {end}) does not match the length of its text")
        n = start - r
        out.append(text[t : t + n])
        t += n
        out.append(chunk)
        r = end
    out.append(text[t:])
    return "".join(out)
