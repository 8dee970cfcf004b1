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
MIN_SENTENCE_WORDS = 8  # anchor for articles too short to have a prose paragraph
LONG_WORDS = 30  # longer than any headline
TITLE_WORDS = 6  # menu items are shorter than this; most headlines are not
SHORT_WORDS = 8  # lines up to this long may be menu items or headlines
_WORD = re.compile(r"\w+")
_LIST_ITEM = re.compile(r"^(?:[-*•·▪‣◦]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
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
    # repeats twice: first to find where the body's own prose ends, then with that known
    rep = repeats_mod.detect(view, skip=set(ban) | set(fam))
    own = [ln for ln in body if ln.words >= PROSE_WORDS and ln.index not in rep]
    if own:
        rep = repeats_mod.detect(view, skip=set(ban) | set(fam), body_end=own[-1].index)

    def is_prose(ln: Line) -> bool:
        # a long headline is not prose: prose ends as a sentence, or runs on past any headline
        return (
            ln.words >= PROSE_WORDS
            and (ln.words >= LONG_WORDS or _SENTENCE_END.search(ln.text) is not None)
            and ln.index not in ban
            and ln.index not in fam
            and ln.index not in rep
        )

    prose = [ln for ln in body if is_prose(ln)]
    if not prose:
        # a short article (a teaser before a paywall): anchor on its sentences instead
        prose = [
            ln
            for ln in body
            if ln.words >= MIN_SENTENCE_WORDS
            and _SENTENCE_END.search(ln.text)
            and ln.index not in ban
            and ln.index not in fam
            and ln.index not in rep
        ]
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
    # --- the tail after the last prose line: families and short banners.  Between the first
    # and last prose lines only repeats are removed: there, a line that looks like a menu or a
    # widget is far more often the article's own table, list or aside.
    for ln in body:
        if ln.index in marks or (last_prose is not None and ln.index <= last_prose):
            continue
        if ln.index in fam and fam[ln.index] != "related_header":
            marks[ln.index] = ("boilerplate", fam[ln.index])
        elif ln.index in ban and ln.words <= 12:
            kind = ban[ln.index]
            marks[ln.index] = ("error_banner" if kind == "error" else "blocked", f"{kind}_banner")
    for i, rule in rep.items():
        marks.setdefault(i, ("repeated", rule))

    # --- related blocks: a header, then headline-shaped lines until prose resumes
    _related_blocks([ln for ln in body if last_prose is None or ln.index > last_prose], fam, marks)

    # --- bottom tail after the last prose line
    if last_prose is not None:
        _tail(body, last_prose, fam, marks, _words_of(ln for ln in body if is_prose(ln)))

    # --- verdict: with a banner present, is there still an article?
    n_ban = sum(1 for ln in body if ln.index in ban)
    kept = [ln for ln in body if ln.index not in marks]
    if n_ban and kept and not _article_like(kept):
        kept = []
    if not kept:
        if n_ban:
            n_block = sum(1 for k in ban.values() if k == "blocked")
            res.verdict = "blocked" if n_block * 2 >= n_ban else "error_page"
            return res

    # --- title and top menu
    remaining_top = [ln for ln in top if ln.index not in marks]
    lead = [ln for ln in body if ln.index not in marks and is_prose(ln)][:6]
    title = _choose_title(remaining_top, _words_of(lead))
    if title is not None:
        res.title = title
        for ln in remaining_top:
            if ln.index < title.index:
                marks[ln.index] = ("boilerplate", "navigation")

    kept = [ln for ln in body if ln.index not in marks and (title is None or ln is not title)]
    if not kept:
        if n_ban:  # a banner and one stray line: still an error / block page
            n_block = sum(1 for k in ban.values() if k == "blocked")
            res.verdict = "blocked" if n_block * 2 >= n_ban else "error_page"
            res.title = None
        else:
            res.verdict = "empty"
    return res


def _article_like(kept: list[Line]) -> bool:
    """Does what survives beside a banner read as an article rather than a list of links?

    Prose runs (two long lines in a row) or one long paragraph say article; a list of three or
    more headline-shaped lines with at most single teasers says error page."""
    if any(ln.words >= 40 for ln in kept):
        return True
    for a, b in zip(kept, kept[1:], strict=False):
        if a.words >= PROSE_WORDS and b.words >= PROSE_WORDS:
            return True
    return sum(1 for ln in kept if _headline_like(ln)) < 3


def _headline_like(ln: Line) -> bool:
    return ln.words <= 20 and not _SENTENCE_END.search(ln.text)


def _related_blocks(body: list[Line], fam: dict[int, str], marks: dict) -> None:
    """A related-links header, then headlines, each maybe with a one-line teaser.

    The block ends where prose resumes: two long lines in a row, or a long line that does not
    follow a headline (a teaser always hangs under one)."""
    i = 0
    n = len(body)
    while i < n:
        ln = body[i]
        if fam.get(ln.index) != "related_header":
            i += 1
            continue
        j = i + 1
        block = [ln]
        while j < n:
            cur = body[j]
            if cur.index in marks or cur.index in fam or _headline_like(cur):
                block.append(cur)
            elif cur.words <= 45 and _headline_like(block[-1]) and block[-1] is not ln:
                block.append(cur)  # a teaser under a headline
            else:
                break
            j += 1
        if len(block) > 1 or j >= n:
            for b in block:
                marks.setdefault(b.index, ("boilerplate", "related_links"))
        i = j


def _tail(
    body: list[Line], last_prose: int, fam: dict[int, str], marks: dict, body_words: set[str]
) -> None:
    """Below the last prose line, noise starts at the first line a family or banner explains;
    from there to the end, short unexplained lines are menu items and related headlines.
    Lines before that point are the article's own closing lists, tables or sign-off."""
    tail = [ln for ln in body if ln.index > last_prose]
    start = next((k for k, ln in enumerate(tail) if ln.index in fam or ln.index in marks), None)
    if start is None:
        return
    # menu items just above the first explained line: short, and foreign to the article
    while start > 0:
        ln = tail[start - 1]
        if not _headline_like(ln) or ln.words > SHORT_WORDS or _LIST_ITEM.match(ln.text):
            break
        if _overlap(ln, body_words) >= 0.5:
            break
        start -= 1
    for ln in tail[start:]:
        if ln.index not in marks:
            marks[ln.index] = ("boilerplate", fam.get(ln.index, "tail_links"))


def _words_of(lines) -> set[str]:
    return {w.casefold() for ln in lines for w in _WORD.findall(ln.text)}


def _overlap(ln: Line, lead_words: set[str]) -> float:
    ws = [w.casefold() for w in _WORD.findall(ln.text) if len(w) >= 4 or w.isdigit()]
    if not ws:
        return 0.0
    return sum(1 for w in ws if w in lead_words) / len(ws)


def _choose_title(cands: list[Line], lead_words: set[str]) -> Line | None:
    """The headline among the unexplained lines above the body.

    A headline announces the body: most of its content words come back in the first
    paragraphs, while a menu item's rarely do; and menu items are short.  The first candidate
    that is headline-long and shares some words with the lead, or shares most of its words,
    is the title; failing that, the candidate nearest the body."""
    if not cands:
        return None
    for ln in cands:
        o = _overlap(ln, lead_words)
        if (ln.words >= TITLE_WORDS and o >= 0.2) or o >= 0.6:
            return ln
    return cands[-1]
