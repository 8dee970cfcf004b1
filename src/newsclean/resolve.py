"""Resolve: decide, once, what each line is, from the detectors' marks and the record's layout.

A record's text has a shape: noise at the top (banners, cookie notices, menus), the title,
the body, then noise at the bottom (widgets, disclaimers, related links, menus) and possibly a
second copy of the body.  Family detectors find lines by their wording; layout settles the
lines whose wording alone says nothing (a menu item, a related headline) by where they stand
relative to the body's prose.  Priorities, in one place:

  banner > boilerplate family > repeated > layout (title, top menu, bottom tail)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .detect import banners as banners_mod
from .detect import boilerplate as boiler_mod
from .detect import repeats as repeats_mod
from .text_view import Line, TextView

PROSE_WORDS = 15  # a line this long is body prose, whatever its neighbours
SHORT_WORDS = 8  # lines up to this long may be menu items or headlines
_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)]\s*$")


@dataclass(slots=True)
class Resolution:
    line_marks: dict[int, tuple[str, str]] = field(default_factory=dict)
    verdict: str = "article"
    title: Line | None = None


def _rule_reason(fam: str) -> str:
    return "boilerplate"


def resolve(view: TextView) -> Resolution:
    body = view.body()
    res = Resolution()
    if not body:
        res.verdict = "empty"
        return res
    ban = banners_mod.detect(view)
    fam = boiler_mod.detect(view)
    marks = res.line_marks

    # Banner-only records: error or block pages.
    rep = repeats_mod.detect(view, skip=set(ban) | set(fam))

    def is_prose(ln: Line) -> bool:
        return (
            ln.words >= PROSE_WORDS
            and ln.index not in ban
            and ln.index not in fam
            and ln.index not in rep
        )

    prose = [ln for ln in body if is_prose(ln)]
    first_prose = prose[0].index if prose else None
    last_prose = prose[-1].index if prose else None

    # --- top region: everything before the first prose line
    top = [ln for ln in body if first_prose is None or ln.index < first_prose]
    for ln in top:
        if ln.index in ban:
            kind = ban[ln.index]
            marks[ln.index] = ("error_banner" if kind == "error" else "blocked", f"{kind}_banner")
        elif ln.index in fam:
            marks[ln.index] = ("boilerplate", fam[ln.index])
    # --- family lines and banners elsewhere
    for ln in body:
        if ln.index in marks:
            continue
        if ln.index in fam and fam[ln.index] != "related_header":
            marks[ln.index] = ("boilerplate", fam[ln.index])
        elif ln.index in ban and ln.words <= 12 and (
            first_prose is None or ln.index > (last_prose or 0)
        ):
            kind = ban[ln.index]
            marks[ln.index] = ("error_banner" if kind == "error" else "blocked", f"{kind}_banner")
    for i, rule in rep.items():
        marks.setdefault(i, ("repeated", rule))

    # --- related blocks: a header, then headline-shaped lines until prose resumes
    _related_blocks(body, fam, marks, is_prose)

    # --- bottom tail after the last prose line
    if last_prose is not None:
        _tail(body, last_prose, fam, marks)

    # --- title and top menu
    remaining_top = [ln for ln in top if ln.index not in marks]
    title = _choose_title(remaining_top)
    if title is not None:
        res.title = title
        for ln in remaining_top:
            if ln.index < title.index:
                marks[ln.index] = ("boilerplate", "navigation")

    # --- verdict
    kept = [ln for ln in body if ln.index not in marks and (title is None or ln is not title)]
    n_ban = sum(1 for ln in body if ln.index in ban)
    if not kept:
        if n_ban:
            n_block = sum(1 for k in ban.values() if k == "blocked")
            res.verdict = "blocked" if n_block * 2 >= n_ban else "error_page"
            res.title = None
        else:
            res.verdict = "empty"
    return res


def _related_blocks(body: list[Line], fam: dict[int, str], marks: dict, is_prose) -> None:
    i = 0
    n = len(body)
    while i < n:
        ln = body[i]
        if fam.get(ln.index) == "related_header":
            j = i + 1
            block = [ln]
            while j < n and not is_prose(body[j]) and body[j].words <= 25:
                block.append(body[j])
                j += 1
            if len(block) > 1 or j >= n:
                for b in block:
                    marks.setdefault(b.index, ("boilerplate", "related_links"))
            i = j
        else:
            i += 1


def _tail(body: list[Line], last_prose: int, fam: dict[int, str], marks: dict) -> None:
    tail = [ln for ln in body if ln.index > last_prose]
    if not tail:
        return
    has_family = any(ln.index in fam or ln.index in marks for ln in tail)
    if not has_family:
        return
    started = False
    for ln in tail:
        if ln.index in marks:
            started = True
            continue
        noisy = ln.index in fam or (
            ln.words <= SHORT_WORDS and not _SENTENCE_END.search(ln.text)
        )
        if noisy:
            started = True
        if started:
            marks[ln.index] = ("boilerplate", fam.get(ln.index, "tail_links"))


def _choose_title(cands: list[Line]) -> Line | None:
    if not cands:
        return None
    return cands[0]
