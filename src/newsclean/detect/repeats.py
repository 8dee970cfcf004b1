"""Repeated text: a later copy of a line already seen (the first copy stays).

Lines are compared in normalised form, so copies that differ only in whitespace, case, quote
or dash style match.  A run of consecutive copies is removed when it carries enough text to be
a real duplicate; a lone short repeated line (a heading such as "FAQ") is left alone.
"""

from __future__ import annotations

from ..text_view import TextView

MIN_RUN_WORDS = 8  # a run of copies shorter than this is not treated as a repeat
# Inside the body, a run of short copies is usually structure (table rows, spec lists, mail
# headers) rather than a duplicated paragraph: only runs with a real paragraph count there.
MIN_PARAGRAPH_WORDS = 10


def detect(view: TextView, body_end: int | None = None) -> dict[int, str]:
    """Line index -> rule for later copies of earlier lines.

    body_end: index of the last line of the body's own prose, if known; runs of short copies
    before it are left alone."""
    seen: dict[str, int] = {}
    cand: list[int] = []
    body = view.body()
    for ln in body:
        first = seen.get(ln.norm)
        if first is None:
            seen[ln.norm] = ln.index
        else:
            cand.append(ln.index)
    if not cand:
        return {}
    cset = set(cand)
    out: dict[int, str] = {}
    run: list = []

    def flush() -> None:
        inside = body_end is not None and run and run[-1].index < body_end
        if inside and (
            max(x.words for x in run) < MIN_PARAGRAPH_WORDS
            or (len(run) > 1 and sum(x.words for x in run) < MIN_PARAGRAPH_WORDS * len(run))
        ):
            run.clear()
            return
        if run and sum(x.words for x in run) >= MIN_RUN_WORDS:
            rule = "repeated_block" if len(run) > 1 else "repeated_paragraph"
            for x in run:
                out[x.index] = rule
        run.clear()

    for ln in body:
        if ln.index in cset:
            run.append(ln)
        else:
            flush()
    flush()
    return out
