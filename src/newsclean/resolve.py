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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter
from os.path import commonprefix
from typing import Final, cast

from .detect import banners as banners_mod
from .detect import boilerplate as boiler_mod
from .detect import comments as comments_mod
from .detect import credits as credits_mod
from .detect import dateline
from .detect import repeats as repeats_mod
from .detect.markdown import image_only
from .model import Verdict
from .text_view import Line, TextView, normalise, tokens

PROSE_WORDS: Final = 15  # a line this long is body prose, whatever its neighbours
MIN_SENTENCE_WORDS: Final = 8  # anchor for articles too short to have a prose paragraph
LONG_WORDS: Final = 30  # longer than any headline
TITLE_WORDS: Final = 6  # menu items are shorter than this; most headlines are not
SHORT_WORDS: Final = 8  # lines up to this long may be menu items or headlines
LABEL_WORDS: Final = 3  # a section's label over the headline ("Mental Health") is this short
_WORD: Final = re.compile(r"\w+")
_LIST_ITEM: Final = re.compile(r"^(?:[-*•·▪‣◦—–]\s?|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_SENTENCE_END: Final = re.compile(r"(?:[.!?…:;。！？：；][\"”’'»)\]」』）]*|[\"”»」』])\s*$")


# the characters _SENTENCE_END can end on (before trailing spaces)
_SENTENCE_LAST: Final = frozenset(".!?…:;。！？：；\"”’'»)]」』）")


# the characters that end a sentence by themselves (_SENTENCE_END's first class)
_SENTENCE_STOP: Final = frozenset(".!?…:;。！？：；")


def _ends_sentence(text: str) -> bool:
    # only the last few characters matter; never scan a long line from its start (and a
    # line ending on none of the characters a sentence ends on needs no scan at all)
    last = text[-1:]
    if last in _SENTENCE_STOP:  # (most sentences: a full stop, which the expression matches)
        return True
    if last and last not in _SENTENCE_LAST and not last.isspace():
        return False
    return _SENTENCE_END.search(text[-12:]) is not None


@dataclass(slots=True)
class Resolution:
    line_marks: dict[int, tuple[str, str]] = field(default_factory=dict)
    verdict: Verdict = "article"
    title: Line | None = None
    # the layout's own pick when a title rule moved it to the headline over the body, with the
    # lines that move marked: the line model is read with the layout as it was trained on
    layout_pick: tuple[int, frozenset[int]] | None = None

    # (written out: see text_view.Line -- compiled, a generated __init__ stays interpreted)
    def __init__(
        self, line_marks: dict[int, tuple[str, str]] | None = None, verdict: Verdict = "article",
        title: Line | None = None, layout_pick: tuple[int, frozenset[int]] | None = None,
    ) -> None:
        self.line_marks = {} if line_marks is None else line_marks
        self.verdict = verdict
        self.title = title
        self.layout_pick = layout_pick


class _Lazy(dict[int, str | None]):
    """Line index -> the line's class, computed on first lookup: only lines above and below
    the body ever need it.  A dict's own subscript answers the many repeated lookups (no
    Python call); __missing__ classifies the line the first time."""

    __slots__ = ("fn", "lines")

    def __init__(self, fn: Callable[[Line], str | None], lines: list[Line]) -> None:
        super().__init__()
        self.fn = fn
        self.lines = lines  # the view's lines, by index

    def __missing__(self, i: int) -> str | None:
        v = self[i] = self.fn(self.lines[i])
        return v


_INDEX: Final = attrgetter("index")
_UNSEEN: Final = object()  # not yet classified (None is an answer)


# Furniture lines recur across a site's pages (and a corpus's records): classifying each
# distinct line once pays off.  Pure functions of the line's text, so caching changes no
# answer; a cache that fills up is emptied, which bounds its memory.
_CACHE_LIMIT: Final = 1 << 16
_BANNER_CACHE: dict[str, str | None] = {}
_FAMILY_CACHE: dict[str, str | None] = {}


def _banner_of(ln: Line) -> str | None:
    if ln.words > banners_mod.MAX_WORDS or image_only(ln.text):
        return None
    v = _BANNER_CACHE.get(ln.text, _UNSEEN)
    if v is not _UNSEEN:
        return cast("str | None", v)
    if len(_BANNER_CACHE) >= _CACHE_LIMIT:
        _BANNER_CACHE.clear()
    v = _BANNER_CACHE[ln.text] = banners_mod.classify(ln.norm, ln.words, ln.toks)
    return v


def _family_of(ln: Line) -> str | None:
    if ln.words > boiler_mod.MAX_WORDS:
        return None
    v = _FAMILY_CACHE.get(ln.text, _UNSEEN)
    if v is not _UNSEEN:
        return cast("str | None", v)
    if len(_FAMILY_CACHE) >= _CACHE_LIMIT:
        _FAMILY_CACHE.clear()
    # a long line's words are looked up only if a cheap test says they may matter
    toks = ln.toks if ln.words <= boiler_mod.LONG_WORDS else ln._toks
    v = _FAMILY_CACHE[ln.text] = boiler_mod.classify(ln.text, ln.norm, ln.words, toks)
    return v


BANNER_PROSE: Final = 20  # a banner this long that runs on into a paragraph is the article's sentence


def _banner_in_place(body: list[Line]) -> Callable[[Line], str | None]:
    """The banner kind of a line where it stands: a sentence worded like a banner but long
    and followed straight by a paragraph ("…a crawler that sends too many requests soon sees
    a page saying that access was denied." opening an article on bot protection) is the
    article's prose -- a page's banner is short, or stands at its edge with nothing after it
    but a headline, a menu or nothing."""
    at: dict[int, int] | None = None

    def kind(ln: Line) -> str | None:
        nonlocal at
        k = _banner_of(ln)
        if not k or ln.words < BANNER_PROSE or not _ends_sentence(ln.text):
            return k
        if at is None:
            at = {x.index: p for p, x in enumerate(body)}
        p = at.get(ln.index)
        nxt = body[p + 1] if p is not None and p + 1 < len(body) else None
        if nxt is not None and nxt.words >= PROSE_WORDS and (
            not _banner_of(nxt)
            # (a story about an outage tells of errors paragraph after paragraph: a
            # sentence after it is its prose too; an error page written out in prose is
            # still told by its verdict, _error_worded)
            or _ends_sentence(nxt.text)
        ):
            return None
        return k

    return kind


def named_mark(ln: Line) -> tuple[str, str] | None:
    """The mark a family rule gives the line on its own wording (a banner or a boilerplate
    family), wherever it stands; None if no family names it."""
    kind = _banner_of(ln)
    if kind:
        return _banner_mark(kind)
    fam = _family_of(ln)
    return ("boilerplate", fam) if fam else None


def named_text(text: str) -> str | None:
    """The family (or banner kind) that names a stretch of text on its own wording."""
    lines = [ln for ln in TextView(text).lines if not ln.blank]
    if len(lines) != 1:
        return None
    mark = named_mark(lines[0])
    return mark[1] if mark else None


def _banner_mark(kind: str) -> tuple[str, str]:
    return ("error_banner" if kind == "error" else "blocked", f"{kind}_banner")


def resolve(
    view: TextView,
    title_line: int | None = None,
    furniture: Mapping[int, tuple[str, str]] | None = None,
) -> Resolution:
    """Mark every line of the record and give its verdict and title.

    title_line: index of a line known to be the headline (an HTML page's extracted title);
    the layout is then read without it and no title is guessed.
    furniture: lines already known not to be article (e.g. a source's learned template), with
    their marks; the layout, the anchors and the title are read without them."""
    body = view.body()
    res = Resolution()
    if furniture:
        body = [ln for ln in body if ln.index not in furniture]
        res.line_marks.update(furniture)
    known_title = (
        next((ln for ln in body if ln.index == title_line), None)
        if title_line is not None
        else None
    )
    if known_title is not None:
        body = [ln for ln in body if ln is not known_title]
    if not body:
        res.verdict = "empty"
        res.title = known_title
        return res
    # a readers' comment thread and all under it is the page's: the layout is read above it
    # (comments are prose, so they would otherwise stretch the body to the page's end)
    cut = comments_mod.thread_start(body)
    if cut is not None:
        for ln in body[cut:]:
            res.line_marks[ln.index] = ("boilerplate", "comment_thread")
        body = body[:cut]
    ban = _Lazy(_banner_in_place(body), view.lines)
    tables = _table_rows(body) if "|" in view.text else set()  # (one scan: most have no bar)
    fam = _Lazy(
        (lambda ln: None if ln.index in tables else _family_of(ln)) if tables else _family_of,
        view.lines,
    )
    marks = res.line_marks

    # Repeats, twice: first to find where the body's own prose ends, then with that known.
    runs = repeats_mod.copy_runs(view)
    rep = repeats_mod.detect(view, runs=runs)
    first_rep: dict[int, str] = {}
    first_edited: dict[int, str] = {}
    if rep:
        # the body's own prose ends at its last long line that is neither a copy, exact or
        # edited, nor page furniture (a long disclaimer, or an edited paragraph, under a copied
        # body must not pull the copy inside)
        first_rep, first_edited = rep, repeats_mod.edited_copies(body, rep)
        end = next(
            (
                ln
                for ln in reversed(body)
                if ln.words >= PROSE_WORDS and ln.index not in rep and ln.index not in first_edited
                and not fam[ln.index]
            ),
            None,
        )
        if end is not None:
            rep = repeats_mod.detect(view, body_end=end.index, runs=runs)
    # (the same copies found twice: the edited ones are those found above)
    edited = first_edited if rep and rep == first_rep else repeats_mod.edited_copies(body, rep)
    if edited:
        rep = {**rep, **edited}
    rewrapped = repeats_mod.rewrapped_copies(body, rep)
    if rewrapped:
        rep = {**rewrapped, **rep}

    first, last, shaped = _anchors(body, rep, ban, fam, tables, _runs_on_thrice(view.text))
    first_prose = first.index if first is not None else None
    last_prose = last.index if last is not None else None
    # the prose-shaped lines from the first prose line to the last (shaped is in line order)
    prose: list[Line] = []
    if first is not None and last is not None:
        lo = bisect_left(shaped, first.index, key=_INDEX)
        prose = shaped[lo : bisect_right(shaped, last.index, lo, key=_INDEX)]
    top, tail = _outside(body, first_prose, last_prose)

    _mark_furniture(body, top, tail, rep, ban, fam, marks)
    _notices(top, tail, prose, marks)
    _consent_buttons(top, marks)
    if 0 < len(prose) <= 3 and all(fam[ln.index] == "paywall" for ln in prose):
        # the page's only paragraphs are an offer to subscribe: a wall, no article
        for ln in prose:
            marks[ln.index] = ("boilerplate", "paywall")
    if prose:
        _topic_headings(top, prose, marks)
    _related_blocks(tail, fam, marks)
    if first_prose is not None and last is not None and last.words <= TEASER_WORDS:
        # (the last prose line a teaser's length: the only case a block can run past it)
        _related_to_end(body, first_prose, last.index, fam, marks)
    if first is not None and last_prose is not None:
        # the article's vocabulary, from its lead and its last paragraphs
        copied = {ln.norm for run in runs for ln in run}  # lines that recur in the body
        _tail(body, first.index, copied, tail, fam, marks, lambda: _words_of(prose[:6] + prose[-10:]))
        _own_tail_blocks(tail, rep, marks, lambda: _words_of(prose))
        stop = _closing_credits(tail, marks)
        start = tail[stop].index if stop >= 0 else tail[0].index - 1 if tail else body[-1].index
        _closing_author_box(body, first.index, start, marks)
        _legal_end(body, prose, marks)
        _unrelated_notes(body, prose, marks)
        if len(prose) > 1:
            _walls_inside(body, prose, fam, marks)
    if rep and first_prose is not None:
        # What was copied along with the body is the article's: its closing list, its own note
        # (the lines above the body are left to the title choice).
        for i in _copied_passages(view, runs, rep):
            if i > first_prose and marks.get(i, ("",))[0] == "boilerplate":
                del marks[i]

    # --- verdict: only banners above the body bear on it (below a real body they are furniture)
    above = [ln.index for ln in top if ln.index in marks and ban[ln.index]]
    banners = [k for k in (ban[i] for i in above) if k]
    if banners and not _article_survives(body, marks, above[-1]):
        res.verdict = _page_verdict(banners)
        return res
    if prose and len(prose) <= 2 and _error_worded(prose, bool(banners)):
        # the page's only paragraphs are its error message, written out at length ("The
        # page you requested could not be found. It may have been moved …"): no article
        for ln in prose:
            marks[ln.index] = ("error_page", "error_page_content")
        res.verdict = "error_page"
        return res

    # --- title and top menu
    if not banners and known_title is None and body[0].index not in marks:
        lone = body[0]
        # (all() stops at the first line of the article's own below it: most records, the
        # second line)
        if (
            lone.words <= 20
            and " | " not in lone.text
            and all(ln.index in marks for ln in islice(body, 1, None))
        ):
            # the page's opening line and nothing else of its own (widgets and notices
            # below, a menu bar is no headline): a headline whose body is missing
            res.title = lone
            res.verdict = "empty"
            return res
    remaining_top = [ln for ln in top if ln.index not in marks]
    if first_prose is None:
        # no anchor at all: the article can only be the first run of unexplained lines;
        # what follows the next explained line is page furniture
        remaining_top = _first_run(top, marks)
        if not any(ln.words >= TITLE_WORDS or _ends_sentence(ln.text) for ln in remaining_top):
            # only menu-length items, not one sentence: a page of links, no article
            for ln in remaining_top:
                marks[ln.index] = ("boilerplate", "navigation")
            res.verdict = _page_verdict(banners) if banners else "empty"
            res.title = known_title if not banners else None
            return res
    if known_title is not None:
        title: Line | None = known_title
    else:
        lead = list(islice((ln for ln in prose if ln.index not in marks), 6))
        # a headline can open with a verb ("Learn web development", "Book Beat: …") or a
        # kicker ("Watch: divers free a whale …") and so read as a soft call to action or a
        # related link: such a line may still be the title if it announces the lead
        verbish = [ln for ln in top if marks.get(ln.index) in _HEADLINE_LIKE_MARKS]
        title = _choose_title(
            remaining_top, _words_of(lead), lambda: _words_of(prose[:40]), verbish
        )
        if title is not None and marks.get(title.index) in _HEADLINE_LIKE_MARKS:
            del marks[title.index]
    if title is not None and known_title is None:
        title = _headline_given_twice(body, title, marks)
        # (a headline stands over the body, a byline or a date at most between: a line up in
        # a page's menus that echoes the headline is no better pick)
        near = {ln.index for ln in top[-(NEAR_BODY + 1) :]}
        pick = title
        title = _name_in_front(body, title, marks)
        title = _headline_inside_title(remaining_top, title, near, marks)
        if first_prose is not None:
            opening = title is body[0]
            title = _headline_over_body(remaining_top, title, near, _words_of(lead), opening)
        if title is not pick:
            moved = [ln.index for ln in remaining_top if pick.index <= ln.index < title.index]
            res.layout_pick = (pick.index, frozenset(moved))
    if title is not None:
        res.title = title
        if tail:
            _notes_naming_the_headline(tail, title, rep, marks)
        for ln in remaining_top:
            if ln.index < title.index and known_title is None:
                marks[ln.index] = ("boilerplate", "navigation")
        if first_prose is not None and known_title is None:
            # Under the headline and above the first paragraph, a disclosure ("This post
            # contains affiliate links") or an imperative dek ("Learn how to read …") is
            # the article's own matter; the page's notices and calls sit above the headline,
            # and a menu's "Contact us" or "Watch live" is too short to be a dek.
            below = [ln for ln in top if title.index < ln.index < first_prose]
            for ln in below:
                if _own_dek(ln, marks.get(ln.index)):
                    del marks[ln.index]
            # a call between two of the article's own lines under the headline ("Email: …"
            # in an author's address block) is part of that block; one just above the body
            # is a menu's
            for up, ln, down in zip(below, below[1:], below[2:], strict=False):
                call = marks.get(ln.index, ("", ""))[1] in _CALLS
                if call and up.index not in marks and down.index not in marks:
                    marks.pop(ln.index, None)
            _deks_worded_like_banners(below, prose, title, marks)
            _state_lines(below, prose, marks)
            _machinery_lines(below, prose, title, marks)

    if not any(ln.index not in marks and ln is not title for ln in body):
        if banners:  # a banner and one stray line: still an error / block page
            res.verdict = _page_verdict(banners)
            res.title = None
        else:
            res.verdict = "empty"
    return res


_SITE_SEPARATORS: Final = (" | ", " - ", " – ", " — ", " :: ", " · ")

# what a page's title line wraps its headline in: a site's or a section's name, a date, a
# number -- a few words, never a second headline
_WRAPPING_WORDS: Final = 7


NEAR_BODY: Final = 2  # lines that may stand between a headline and the body: a byline, a date


def _headline_inside_title(top: list[Line], title: Line, near: set[int], marks: dict) -> Line:
    """A page's title line often wraps the headline ("Blog name: Headline", "Headline :
    12 Steps - Site", "3. Headline" in a breadcrumb) and the plain headline follows it
    over the body.  An unexplained line between the pick and the body that the pick holds
    whole, at word bounds, with only a few words around it, is the headline; the pick is
    the page's title line."""
    pick = title.norm
    found = title
    # (normalising folds a breadcrumb's "»" into a quote mark: "Home » Headline")
    crumbs = any(c in title.text for c in _CRUMB_MARKS)
    for ln in top:
        if ln.index <= title.index or ln.index in marks or ln.index not in near:
            continue
        inner = ln.norm
        if len(inner.split()) < 2 or len(inner) >= len(pick):
            continue
        at = pick.find(inner)
        if at < 0:
            continue
        end = at + len(inner)
        # at word bounds: not "Art" inside "Artist"
        if (at and pick[at - 1].isalnum()) or (end < len(pick) and pick[end].isalnum()):
            continue
        if len((pick[:at] + " " + pick[end:]).split()) > _WRAPPING_WORDS:
            continue
        if not (
            _wrapping(pick[:at], left=True, crumbs=crumbs)
            and _wrapping(pick[end:], left=False, crumbs=crumbs)
        ):
            continue
        found = ln  # (the last: a blog's name may stand on its own line above the headline)
    if found is not title:
        marks[title.index] = ("boilerplate", "page_title")
    return found


_JOINTS: Final = "|:-·/»>"  # (normalised: the dashes are folded to "-")
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")


_CRUMB_MARKS: Final = "»›«‹"


def _wrapping(side: str, left: bool, crumbs: bool = False) -> bool:
    """What a title line sets beside its headline: nothing; a site's or a section's name
    behind a separator ("Blog: ", " - Site", "Home » "); a number ("3. "); a date.  Plain
    words are no wrapping: "What to Expect" is a heading inside "What to Expect at a Lesson".
    crumbs: the line has breadcrumb marks, which normalising turns into a quote mark."""
    side = side.strip()
    if not side:
        return True
    joint = side[-1] if left else side[0]
    return (
        joint in _JOINTS
        or (crumbs and joint == '"')
        or not any(c.isalpha() for c in side)
        or bool(_YEAR.search(side))
    )


_CRUMBS: Final = "»›|"
_LIST_MARK: Final = re.compile(r"^(?:[*+•o-]|\d{1,2}[.)])\s")  # "* Item", "+ Item", "2. Item"


def _headline_over_body(
    top: list[Line], title: Line, near: set[int], lead_words: Container[str], opening: bool
) -> Line:
    """A menu's list item ("* Fitness", "2. Guides"), or a line under the page's menus that
    shares no word with the lead, picked as the title while the headline stands under it,
    nearer the body: the last headline-shaped line above the body that announces the lead
    is the headline.  (A short plain pick stays: "Coffee" over a dek-like line is as often
    the headline as a label.)"""
    if not lead_words:
        return title
    for ln in reversed(top):
        if ln.index <= title.index or ln.index not in near:
            return title
        text = ln.text.strip()
        if ln.words > 20 or _STATEMENT_END.search(text[-3:]) or _LIST_MARK.match(text):
            continue
        if any(c in text for c in _CRUMBS):
            continue  # a breadcrumb ("Home » Guides » …") is no headline
        if not _announces(ln, lead_words):
            continue
        if _LIST_MARK.match(title.text.strip()):
            return ln
        # (a record's opening line is its headline however little the lead echoes it)
        return title if opening or _overlap(title, lead_words) > 0 else ln
    return title


def _announces(ln: Line, lead_words: Container[str]) -> bool:
    """The line's content words come back in the lead (as _choose_title reads it)."""
    o = _overlap(ln, lead_words)
    return (ln.words >= TITLE_WORDS and o >= 0.2) or (o >= 0.6 and len(_content_of(ln)) >= 2)


def _headline_given_twice(body: list[Line], title: Line, marks: dict) -> Line:
    """Pages print the headline twice, as the page's title and as the heading over the text:
    the second copy goes; when the first carries the site's name ("Headline | Site"), the
    plain heading is the title and the page's title line is furniture."""
    nxt = next((ln for ln in body if ln.index > title.index and ln.index not in marks), None)
    if nxt is None or len(nxt.norm) > len(title.norm):
        return title
    if nxt.norm == title.norm:
        marks[nxt.index] = ("repeated", "repeated_title")
        return title
    rest = title.norm[len(nxt.norm) :]
    if nxt.norm and title.norm.startswith(nxt.norm) and rest.startswith(_SITE_SEPARATORS):
        if len(rest.split()) <= 7:  # a site's name, not a second headline
            marks[title.index] = ("boilerplate", "page_title")
            return nxt
    return title


def _name_in_front(body: list[Line], title: Line, marks: dict) -> Line:
    """The site's or the series' name in front of the headline ("Site Guides Headline",
    "Site: Headline") over the plain heading: the heading that is the title's whole end, a
    headline's length, is the headline and the page's title line is furniture."""
    nxt = next((ln for ln in body if ln.index > title.index and ln.index not in marks), None)
    if nxt is None or nxt.words < TITLE_WORDS or len(nxt.norm) >= len(title.norm):
        return title
    front = title.norm[: len(title.norm) - len(nxt.norm)]
    if front.endswith(" ") and title.norm.endswith(nxt.norm) and 1 <= len(front.split()) <= 3:
        marks[title.index] = ("boilerplate", "page_title")
        return nxt
    return title


def _outside(
    body: list[Line], first: int | None, last: int | None
) -> tuple[list[Line], list[Line]]:
    """The body lines above line `first` (all of them if None: no prose) and below line `last`
    (none if None).  The body is in line order and both ends are short: counted from the ends
    rather than by a pass over the body."""
    k = n = len(body)
    if first is not None:
        k = 0
        while k < n and body[k].index < first:
            k += 1
    j = n
    if last is not None:
        while j > 0 and body[j - 1].index > last:
            j -= 1
    return body[:k], body[j:]


_CELL_SEP: Final = re.compile(r"\s\|\s|^\||\|$")


def _copied_passages(view: TextView, runs: list[list[Line]], rep: dict[int, str]) -> set[int]:
    """Lines of the record that a removed copy duplicates passage-wise, paragraphs included.

    A page's furniture is added around the text, not copied with it: when a passage with
    prose recurs as a block, the lines of its first occurrence are the article's own."""
    index: repeats_mod.PassageIndex | None = None
    out: set[int] = set()
    for run in runs:
        if len(run) < 3 or run[0].index not in rep:
            continue
        if index is None:
            index = repeats_mod.passage_index(view)
        best, at = index.longest_match(run, into_run=False)  # the first copy's own lines
        passage = index.body[at : at + best]
        if best >= 3 and sum(ln.words >= PROSE_WORDS for ln in passage) >= 2:
            out.update(ln.index for ln in passage)
    return out


# Words a page uses to speak of its own state -- gone, moved, broken, not found, an error --
# in the languages the banner families read.  No phrase: any wording built from them.
_STATE_WORDS: Final = frozenset(
    """sorry oops whoops hmm uh error errors 404 403 410 500 502 503 unavailable gone missing
    moved removed deleted archived expired offline broken lost locate find found exist exists
    existed dead wrong broke unable failed fail load loading reach reached anywhere anymore
    nowhere denied forbidden restricted region
    fehler gefunden verfügbar existiert entfernt gelöscht verschoben leider
    erreur introuvable disponible existe supprimée supprimé déplacée désolé
    página encontrada disponible eliminada lo siento""".split()
)
# ... and what they say it of: the page itself, or a status or an apology to the reader
_PAGE_WORDS: Final = frozenset(
    """page pages link url address content article story post resource site website request
    requested 404 403 410 500 502 503 sorry oops whoops hmm seite artikel inhalt link leider
    lien contenu article désolé enlace contenido artículo siento""".split()
)
STATE_WORDS: Final = 15  # a line under the headline this long at most may be the page's banner


def _state_lines(below: list[Line], prose: list[Line], marks: dict) -> None:
    """Between the headline and the first paragraph, a short line that speaks of the page's
    state (its words are of being gone, moved, broken, an error, said of the page, the link or
    the reader's request) and shares no word with the article is the page's banner, in
    whatever wording: a dek under a headline takes up the article's words."""
    words: _Vocab | None = None
    for ln in below:
        if (
            ln.index in marks
            or ln.words > STATE_WORDS
            or _STATE_WORDS.isdisjoint(ln.toks)
            or _PAGE_WORDS.isdisjoint(ln.toks)
        ):
            continue
        if ln.words > 1 and _code_only(ln.toks):
            continue  # a number among other words is a house number or a count, not a status
        if words is None:
            words = _words_of(prose)
        if _hits(ln, words)[0] == 0:
            marks[ln.index] = ("error_banner", "page_state")


# A page's own words for its machinery -- what it failed to do, and that it failed (maintenance
# counts as failing) -- in the languages the banner families read: matched as a token's
# beginning, so that inflections count ("load", "loaded", "loading").  A dek or a heading
# under a headline has none of them and shares the article's words besides.
_MACHINE_STEMS: Final = (
    "load", "connect", "connexion", "conexi", "conness", "verbindung", "server", "serveur",
    "servidor", "request", "requête", "anfrage", "solicitud", "video", "vidéo", "vídeo",
    "player", "playback", "lecteur", "comment", "kommentar", "comentario", "commentaire",
    "content", "contenu", "inhalt", "contenido", "contenuto", "seite", "página", "pagina",
    "link", "lien", "enlace", "artikel", "artículo", "articolo", "website", "feature",
    "funktion", "fonction", "función", "chargement", "geladen", "manutenzione", "stream",
    "browser", "navigateur", "network", "réseau", "netzwerk",
    # the page's media and widgets
    "galler", "galerie", "galería", "slideshow", "diaporama", "embed", "photo", "foto",
    "bilder", "audio", "podcast", "chart", "graphic", "grafik", "gráfico", "widget", "poll",
)
_MACHINE_WORDS: Final = frozenset(
    """page pages article story site app apps map feed image images bild charger cargar carga
    cargando caricare carregar laden""".split()
)
_FAILURE_STEMS: Final = (
    "error", "erreur", "fehler", "errore", "fail", "échec", "échoué", "fehlgeschlagen",
    "fallo", "falló", "unable", "impossib", "unavailab", "indisponib", "cannot", "couldn",
    "retry", "réessay", "erneut", "reintent", "inténtalo", "intentar", "riprova", "refresh",
    "reload", "actualiser", "aktualisier", "timed", "timeout", "délai", "zeitüberschreitung",
    "agotó", "dépassé", "expire", "expiré", "périmé", "veraltet", "abgelaufen", "caducad", "scadut",
    "outdated", "retired", "trouble", "problem", "sorry", "désolé", "leider", "sentimos",
    "apolog", "excuse", "disculp", "spiacent", "oops", "whoops", "oups", "hoppla", "broken",
    "kaputt", "cassé", "restrict", "blocked", "bloqué", "gesperrt", "denied", "verweigert",
    "denegad", "wartung", "maintenance", "mantenimiento",
)
_FAILURE_WORDS: Final = frozenset("ups uy ops erro".split())
_AVAILABLE_STEMS: Final = ("availab", "disponib", "verfügbar", "accessib", "erreichbar", "zugänglich")
_NEGATIONS: Final = frozenset("not no nicht kein keine keinen pas non nem".split())
# ... and a verb of being able, negated, says that something failed ("could not be shown")
_ABLE: Final = frozenset(
    "can could konnte konnten kann können pu peut pouvons pudo pudimos puede potuto".split()
)
_EXCLAIMS: Final = re.compile(r"[^\W\d_]+!")
MACHINERY_REACH: Final = 2  # the banner stands this close under the headline
MACHINERY_NEXT: Final = 10  # ... and a line this short right under it may go on with it


def _machinery_words(toks: list[str], norm: str) -> tuple[set[str], set[str]]:
    """The line's words of a page's machinery, and of its failing (a word of being available
    or able counts as a failure when the line negates it)."""
    negated = "n't" in norm or "n’t" in norm or not _NEGATIONS.isdisjoint(toks)
    machine: set[str] = set()
    failure: set[str] = set()
    for t in toks:
        if t in _FAILURE_WORDS or t.startswith(_FAILURE_STEMS):
            failure.add(t)
        elif negated and (t in _ABLE or t.startswith(_AVAILABLE_STEMS)):
            failure.add(t)
        elif t in _MACHINE_WORDS or t.startswith(_MACHINE_STEMS):
            machine.add(t)
    if "try" in toks and "again" in toks:
        failure.add("again")
    if _EXCLAIMS.match(norm):
        failure.add("!")  # an interjection opening the line ("Yikes! …"): a mishap, told
    if negated and len(machine) >= 2:
        failure.add("not")  # "could not load the article": what failed, negated
    return machine, failure


def _machinery_lines(below: list[Line], prose: list[Line], title: Line, marks: dict) -> None:
    """Right under the headline, a short line that says the page's machinery failed -- a word
    of what (loading, the connection, the video, the link) and a word of failing (an error,
    unable, timed out, expired, try again), or two of failing -- and shares no word with the
    headline or the article is the page's banner, in whatever wording; so is a short sentence
    of failing or of retrying right under such a banner ("Tap to retry."), or a reference
    code."""
    words: _Vocab | None = None
    stop: frozenset[str] = frozenset()
    banner = False
    for k, ln in enumerate(below):
        if k >= MACHINERY_REACH and not banner:
            return
        if ln.index in marks:
            banner = marks[ln.index][0] == "error_banner"
            continue
        if ln.words > (MACHINERY_NEXT if banner else STATE_WORDS):
            return
        machine, failure = _machinery_words(ln.toks, ln.norm)
        # under a banner, a sentence of failing or a call to retry goes on with it ("Tap to
        # retry."), and so does the incident's reference ("Ref: 7c1e-02"); a heading does not
        goes_on = banner and (
            (bool(failure or machine) and ln.text[-1] in ".!?…") or _reference(ln)
        )
        if not goes_on and not (failure and (machine or len(failure) >= 2)):
            banner = False
            continue
        if words is None:
            words = _words_of([title, *prose])
            stop = _stop_words(prose)
        if _shared_words(ln, words, stop):
            return
        marks[ln.index] = ("error_banner", "page_state")
        banner = True


REFERENCE_WORDS: Final = 4  # a reference line under a banner: this short, with a code
_CODE: Final = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[^\W\d_])[\w-]{5,}")  # letters and digits


def _reference(ln: Line) -> bool:
    """A short line holding a code of letters and digits ("Ref: 7c1e-02", "ID 4f9a2b")."""
    return ln.words <= REFERENCE_WORDS and any(_CODE.fullmatch(t) for t in ln.norm.split())


DEK_WORDS: Final = 8  # a line under the headline this long can be its dek
DEK_SHARED: Final = 2  # ... when it takes up this many of the article's words


def _deks_worded_like_banners(below: list[Line], prose: list[Line], title: Line, marks: dict) -> None:
    """A sentence under the headline that a banner family took ("The line is not available to
    freight trains until 2027.") is the article's dek when it takes up the article's own
    words (two, or one of the headline's): a page's banner speaks of the page, in words no
    story shares."""
    words: _Vocab | None = None
    stop: frozenset[str] = frozenset()
    headline: set[str] = set()
    for ln in below:
        if ln.words < DEK_WORDS or marks.get(ln.index, ("",))[0] != "error_banner":
            continue
        if words is None:
            words = _words_of([title, *prose])
            stop = _stop_words(prose)
            headline = set(_content_of(title))
        shared = _shared_words(ln, words, stop)
        if len(shared) >= DEK_SHARED or not headline.isdisjoint(shared):
            del marks[ln.index]


def _shared_words(ln: Line, words: _Vocab, stop: frozenset[str]) -> set[str]:
    """The line's content words that the article uses, but for stop words, numbers and the
    words banners are made of."""
    return {
        w for w in _content_of(ln)
        if w in words and w not in stop and not w.isdigit() and not _banner_word(w)
    }


def _banner_word(w: str) -> bool:
    """A word banners are made of (of a page, its state, its machinery): no sign of a dek."""
    return (
        w in _STATE_WORDS or w in _PAGE_WORDS or w in _MACHINE_WORDS or w in _FAILURE_WORDS
        or w.startswith(_MACHINE_STEMS) or w.startswith(_FAILURE_STEMS)
        or w.startswith(_AVAILABLE_STEMS)
    )


def _stop_words(prose: list[Line]) -> frozenset[str]:
    """The stop list of the article's language (jusText's lists, as the line model reads them)."""
    from .line_model.stopwords import stoplist_for  # (the line model's package imports this one)

    return stoplist_for([t for ln in prose[:20] for t in ln.toks])


_PROTOCOL: Final = frozenset("http https status code".split())


def _code_only(toks: list[str]) -> bool:
    """Is a status code the line's only word of state and of a page, among words that are not
    a protocol's ("500 Market Street", not "HTTP 404")?"""
    hits = {t for t in toks if t in _STATE_WORDS or t in _PAGE_WORDS}
    if len(hits) != 1 or not next(iter(hits)).isdigit():
        return False
    return any(t not in hits and t not in _PROTOCOL for t in toks)


def _topic_headings(top: list[Line], prose: list[Line], marks: dict) -> None:
    """A line worded like a banner that the article is about is the article's own: a status
    line whose code and words the prose goes on to use ("404 Not Found" over a paragraph on
    what a 404 response means), or a headline or heading most of whose words the lead uses
    ("Why websites say Access Denied" over a lead on bot protection).  A page's banner speaks
    of the page, not of the article's subject: its everyday words (content, page, found) recur
    in any long article, but not its status code, and a lead does not take up its words."""
    words: _Vocab | None = None
    lead: _Vocab | None = None
    for ln in top:
        if marks.get(ln.index, ("",))[0] not in ("error_banner", "blocked"):
            continue
        if words is None or lead is None:
            words = _words_of(prose)
            lead = _words_of(prose[:3])
        codes = [t for t in ln.toks if len(t) == 3 and t[0] in "45" and t.isdigit()]
        if codes:
            hits, share = _hits(ln, words)
            if all(c in words for c in codes) and hits >= 2 and share >= 0.6:
                del marks[ln.index]
                continue
        hits, share = _hits(ln, lead)
        if hits >= 2 and share >= 0.6:
            del marks[ln.index]


def _table_rows(body: list[Line]) -> set[int]:
    """Lines that are rows of a table: cell separators, like the line next to them.  A menu
    joined by bars stands alone; a table's rows come in runs with matching cell counts."""
    counts = [len(_CELL_SEP.findall(ln.text)) if "|" in ln.text else 0 for ln in body]
    rows: set[int] = set()
    for k, c in enumerate(counts):
        if c < 2:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(body) and abs(counts[j] - c) <= 1 and counts[j] >= 2:
                rows.add(body[k].index)
                break
    return rows


def _anchors(
    body: list[Line], rep: dict[int, str], ban: _Lazy, fam: _Lazy, tables: set[int],
    run_ons: bool = False,
) -> tuple[Line | None, Line | None, list[Line]]:
    """The body's first and last prose lines, and the prose-shaped lines between.  run_ons:
    the record has lines running on into lines in lower case (it may be wrapped text)."""

    def explained(ln: Line) -> bool:
        return bool(ban[ln.index] or fam[ln.index])

    # a long headline is not prose: prose ends as a sentence, or runs on past any headline
    # (a table's rows are body content as much as its paragraphs are)
    shaped = [
        ln
        for ln in body
        if ln.index not in rep
        and (
            (
                ln.words >= PROSE_WORDS
                and (
                    ln.words >= LONG_WORDS
                    or (
                        _ends_sentence(ln.text)
                        and not (ln.text[-1] in "!?" and _cried(ln.text))  # (most end in ".")
                    )
                )
            )
            or ln.index in tables
        )
    ]
    wrapped = _wrapped_prose(body, rep) if run_ons else []
    if wrapped:
        have = {ln.index for ln in shaped}
        shaped = sorted(shaped + [ln for ln in wrapped if ln.index not in have], key=_INDEX)
    first = next((ln for ln in shaped if not explained(ln)), None)
    # an agency tag opens the first paragraph: the body starts there, whatever its length
    limit = first.index if first is not None else body[-1].index
    for ln in body:  # (up to the limit only: a loop that stops there)
        if ln.index > limit:
            break
        if "(" in ln.text and dateline.has_tag(ln.text):  # (the tag's bracket: few lines)
            first = ln
            break
    if first is None:
        # a short article (a teaser before a paywall): anchor on its sentences instead
        shaped = [
            ln
            for ln in body
            if ln.words >= MIN_SENTENCE_WORDS and _ends_sentence(ln.text) and ln.index not in rep
        ]
        first = next((ln for ln in shaped if not explained(ln)), None)

    def ends_body(ln: Line) -> bool:
        # a weak family (a call to action, a menu line) also shows up in the article's own
        # lists, so only strong ones can close the body
        return ln.words <= 12 and (fam[ln.index] or "") in _BODY_CLOSERS

    last = _body_end(body, shaped, explained, ends_body) if first is not None else None
    if last is None:
        last = next((ln for ln in reversed(shaped) if not explained(ln)), None)
    if last is None or (first is not None and last.index < first.index):
        last = first  # a tagged first paragraph may be the only anchor
    return first, last, shaped


# Text wrapped at a fixed width (a plain-text rendering, a press release, a mailing list): a
# paragraph runs over several lines of 8-15 words, none but its last ending a sentence, the
# next often opening in lower case.  Each such line is prose, though no line alone has a
# prose line's length.
WRAPPED_PAIRS: Final = 3  # lines running on into a next line opening in lower case: the text is wrapped
WRAP_MIN_WORDS: Final = 6  # a wrapped line (not a paragraph's last) has this many words


# a line's break, then the next line opening in lower case (ASCII: most wrapped text's
# continuations); found from the newline, which the engine looks for as a literal
_RUN_ON: Final = re.compile(r"\n[a-z]")
_NO_RUN_ON: Final = frozenset(" \t\r\n.!?:;\"”’')]")  # what a line running on does not end on
RUN_ON_LOOKS: Final = 64  # line starts in lower case looked at in one record at most


def _runs_on_thrice(text: str) -> bool:
    """Does the text hold WRAPPED_PAIRS places where a line runs on into one in lower case?
    (one scan of the record's text before any line is asked)"""
    n = looks = 0
    for m in _RUN_ON.finditer(text):
        at = m.start() - (1 if text[m.start() - 1 : m.start()] == "\r" else 0)
        if at > 0 and text[at - 1] not in _NO_RUN_ON:
            n += 1
            if n >= WRAPPED_PAIRS:
                return True
        looks += 1
        if looks >= RUN_ON_LOOKS:
            break
    return False


def _runs_on(ln: Line, nxt: Line) -> bool:
    """Does `ln` run on into `nxt` as a wrapped paragraph's line does?"""
    return (
        ln.words >= WRAP_MIN_WORDS
        and nxt.index == ln.index + 1
        and not _ends_sentence(ln.text)
        and nxt.text[:1].islower()
    )


WRAP_WIDTH: Final = 110  # wrapped text: its lines are no longer than this (a terminal's width or so)
WRAP_LONGER: Final = 0.1  # ... but for this share of them
WRAP_FULL: Final = 0.7  # a wrapped paragraph's line (not its last) fills this share of the width


def _wrapped_prose(body: list[Line], rep: Mapping[int, str]) -> list[Line]:
    """The lines of wrapped paragraphs (PROSE_WORDS words or more in all, the last line
    ending a sentence), when the body is wrapped text; else none.  Wrapped text: lines that
    run on into a next line in lower case, and its lines of words no longer than a width (a
    writer who opens sentences in lower case writes paragraphs longer than any width)."""
    if sum(1 for a, b in zip(body, body[1:], strict=False) if _runs_on(a, b)) < WRAPPED_PAIRS:
        return []
    lines = [ln for ln in body if ln.words >= WRAP_MIN_WORDS]
    if sum(1 for ln in lines if len(ln.text) > WRAP_WIDTH) > WRAP_LONGER * len(lines):
        return []
    # a paragraph's lines but its last fill the width: a heading or a banner above is shorter
    width = max((len(ln.text) for ln in lines if len(ln.text) <= WRAP_WIDTH), default=0)
    full = WRAP_FULL * width
    out: list[Line] = []
    run: list[Line] = []
    for k, ln in enumerate(body):
        if ln.index in rep:
            run = []
            continue
        if run and not (
            run[-1].index + 1 == ln.index
            and not _ends_sentence(run[-1].text)
            and run[-1].words >= WRAP_MIN_WORDS
            and len(run[-1].text) >= full
        ):
            run = []
        if not run and not (k + 1 < len(body) and _runs_on(ln, body[k + 1]) and len(ln.text) >= full):
            continue  # (a paragraph's first line runs on into a line in lower case: not a heading)
        run.append(ln)
        if (
            len(run) >= 2
            and _ends_sentence(ln.text)
            and sum(x.words for x in run) >= PROSE_WORDS
            and any(b.text[:1].islower() for b in run[1:])
        ):
            out.extend(run)
            run = []
    return out


def _mark_furniture(
    body: list[Line],
    top: list[Line],
    tail: list[Line],
    rep: dict[int, str],
    ban: _Lazy,
    fam: _Lazy,
    marks: dict[int, tuple[str, str]],
) -> None:
    """Banners and families above the body; strong families and short banners below it.
    Between the first and last prose lines only repeats, ad markers, embeds' leftovers and
    reading walls are removed: there, a line that looks like a menu or a widget is far more
    often the article's own table, list or aside."""
    for ln in top:
        kind = ban[ln.index]
        if kind:
            marks[ln.index] = _banner_mark(kind)
        elif family := fam[ln.index]:
            marks[ln.index] = ("boilerplate", family)
    for ln in tail:
        if ln.words <= _ANYWHERE_WORDS and (mark := _anywhere_mark(ln)) in _ANYWHERE_MARKS:
            # an embed's leftover or an ad slot, whatever family its words also fit ("Watch
            # on YouTube" is a player's label, not the page's links)
            marks[ln.index] = mark
            continue
        f = fam[ln.index]
        if f and f in _TAIL_OPENERS:
            marks[ln.index] = ("boilerplate", f)
        elif ln.words <= 12 and (kind := ban[ln.index]):
            marks[ln.index] = _banner_mark(kind)
    # ad slot markers, what embedded posts and players leave, and a wall's prompt to sign in
    # or pay to read on are removed wherever they stand, the middle of the body included
    embeds = False
    for ln in body:
        if ln.words > _ANYWHERE_WORDS or ln.index in marks:
            continue
        if (mark := _anywhere_mark(ln)) is not None:
            marks[ln.index] = mark
            embeds = embeds or mark == _EMBED_MARK
    if embeds:
        _player_lengths(body, marks)
    for i, rule in rep.items():
        marks.setdefault(i, ("repeated", rule))
    _menu_runs(body, marks)


def _player_lengths(body: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """The player's length printed next to its embed ("Listen to this article" / "4 min")."""
    for k, ln in enumerate(body):
        if marks.get(ln.index) != _EMBED_MARK:
            continue
        for j in (k - 1, k + 1):
            if 0 <= j < len(body) and body[j].words <= 3 and boiler_mod.is_duration(body[j].norm):
                marks.setdefault(body[j].index, _EMBED_MARK)


# A line's answer above is a pure function of its normalised text and its word count, and
# a body's short lines recur: within a record (a copied body, list items) and across a
# source's records (its furniture).  Remembered by the text, bounded like the caches above;
# the copy detection has already hashed each line's norm, so a lookup costs little.  The
# value is the word count alone for a line with no mark (most: no tuple made or kept), else
# (word count, mark).
_ANYWHERE_CACHE: dict[str, int | tuple[int, tuple[str, str]]] = {}
_AD_MARK: Final = ("boilerplate", "ad_marker")
_EMBED_MARK: Final = ("boilerplate", "embed")
_WALL_MARK: Final = ("boilerplate", "paywall")
_ANYWHERE_KINDS: Final = frozenset(("ad_marker", "embed"))
_ANYWHERE_MARKS: Final = (_AD_MARK, _EMBED_MARK)
_NO_MARK: Final = ("", "")


def _anywhere_mark(ln: Line) -> tuple[str, str] | None:
    """The mark of an ad slot's marker, an embed's leftover or a reading wall's prompt (a
    line of at most _ANYWHERE_WORDS words), or None."""
    norm = ln.norm
    words = ln.words
    got = _ANYWHERE_CACHE.get(norm)
    if got is not None:  # (the word count is read from the raw text: it must match too)
        if isinstance(got, int):
            if got == words:
                return None
        elif got[0] == words:
            return got[1]
    mark: tuple[str, str] | None = None
    if words <= 8 and norm[:2] in _AD_STARTS and boiler_mod.is_ad_marker(norm):
        mark = _AD_MARK
    elif boiler_mod.is_embed_leftover(norm):
        mark = _EMBED_MARK
    elif (
        words <= boiler_mod.WALL_WORDS
        and boiler_mod.WALL_HINT.search(norm)  # (before the line's words are made)
        and boiler_mod.is_reading_wall(norm, ln.toks)
    ):
        mark = _WALL_MARK
    if len(_ANYWHERE_CACHE) >= _CACHE_LIMIT:
        _ANYWHERE_CACHE.clear()
    _ANYWHERE_CACHE[norm] = words if mark is None else (words, mark)
    return mark


_COOKIE_MARK: Final = ("boilerplate", "cookie_notice")
BUTTON_WORDS: Final = 4  # a consent form's button or heading: this short


def _consent_buttons(top: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """A consent notice above the article brings its buttons and heading ("Accept all",
    "Reject", "Einstellungen", "We value your privacy"): the short lines right under a line
    the consent family took (and a sentence of the notice's that runs on), and one right over
    it that speaks of cookies or privacy."""
    for k, ln in enumerate(top):
        if marks.get(ln.index) != _COOKIE_MARK:
            continue
        if k > 0:
            up = top[k - 1]
            if up.index not in marks and up.words <= 8 and boiler_mod.speaks_of_cookies(up.toks):
                marks[up.index] = _COOKIE_MARK
        for j in range(k + 1, len(top)):  # (no slice: a copy of the rest per notice line)
            down = top[j]
            if down.index in marks:
                break  # (a consent line below starts its own walk: each line is walked once)
            ends = _ends_sentence(down.text)
            button = down.words <= BUTTON_WORDS and not ends and boiler_mod.consent_control(down.toks)
            # (the notice's own sentence run on: "En poursuivant votre navigation, vous …")
            sentence = ends and down.words <= 16 and boiler_mod.speaks_of_cookies(down.toks)
            if not (button or sentence):
                break
            marks[down.index] = _COOKIE_MARK


def _notices(top: list[Line], tail: list[Line], prose: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """A site's notice about its own machinery (a server busy, a player blocked, a browser
    too old) at the body's edges, in a wording no banner pattern lists: removed when the
    article's prose uses none of its machinery words -- a story about an outage does.  It
    bears on no verdict: only the banners' own patterns say that a page is an error."""
    vocab: _Vocab | None = None
    if not prose:
        return  # (a page of short lines, a list: a notice there is judged by no article)
    if len(prose) <= 2 and all(
        ln.words <= banners_mod.NOTICE_WORDS and banners_mod.notice(ln.toks) for ln in prose
    ):
        # the page's only sentences are notices (a headline over a failed load): no article
        top, prose = [*top, *prose], []
    stop: frozenset[str] | None = None
    for ln in (*top, *tail):
        if ln.index in marks or ln.words > banners_mod.NOTICE_WORDS:
            continue
        strong = banners_mod.notice(ln.toks)
        if strong is None:
            continue
        if vocab is None:
            vocab = _words_of(prose)
            stop = _stop_words(prose)
        if any(w in vocab for w in strong):
            continue
        # (a headline over a story about an outage is worded like a notice, but it names
        # what the story tells of: "Bank app outage leaves customers unable to pay")
        if len(_shared_words(ln, vocab, stop or frozenset())) >= STORY_WORDS:
            continue
        marks[ln.index] = ("error_banner", "site_notice")


STORY_WORDS: Final = 2  # a notice-worded line sharing this many content words with the story is its own


_AD_STARTS: Final = boiler_mod.AD_STARTS
# the longest line the families removed anywhere can hold (an embed's leftover, a wall's prompt)
_ANYWHERE_WORDS: Final = max(boiler_mod.EMBED_WORDS, boiler_mod.WALL_WORDS)

MENU_RUN: Final = 15  # a site menu dumped as text: this many one-to-three-word labels in a row


def _menu_runs(body: list[Line], marks: dict[int, tuple[str, str]]) -> None:
    """Long runs of bare labels -- a line or three words each, no sentence, no list marker,
    no digits -- are a menu wherever they stand, the middle of the body included: an article's
    own lists carry markers or sentences, and its tables carry figures."""
    # most bodies have no MENU_RUN short lines in a row, and a label run lies inside one
    n = 0
    for line in body:
        n = n + 1 if line.words <= 3 else 0
        if n >= MENU_RUN:
            break
    else:
        return
    run: list[Line] = []
    intro: Line | None = None  # the line above the run
    prev: Line | None = None
    for ln in [*body, None]:
        # (the word count first: most lines fail it, and without a call)
        if ln is not None and ln.words <= 3 and ln.index not in marks and _label(ln):
            if not run:
                intro = prev
            run.append(ln)
            prev = ln
            continue
        # a sentence announcing a list ("… offer courses too:") introduces the article's own
        if len(run) >= MENU_RUN and not (
            intro is not None and intro.words >= TITLE_WORDS and intro.text.endswith(":")
        ):
            for x in run:
                marks[x.index] = ("boilerplate", "navigation")
        run = []
        prev = ln


def _label(ln: Line) -> bool:
    return (
        ln.words <= 3
        and not _ends_sentence(ln.text)
        and not _LIST_ITEM.match(ln.text)
        and not any(map(str.isdigit, ln.text))
    )


ARTICLE_RUN_LINES: Final = 3  # paragraphs in a row ...
ARTICLE_RUN_WORDS: Final = 60  # ... of this many words in all: an article, not a list's teasers


def _article_run(lines: list[Line]) -> bool:
    """Paragraphs in a row (each a sentence of prose length), enough of them to be an
    article: a list of other stories alternates headlines with one-line teasers."""
    count = words = 0
    for ln in lines:
        if ln.words >= PROSE_WORDS and _ends_sentence(ln.text):
            count += 1
            words += ln.words
            if count >= ARTICLE_RUN_LINES and words >= ARTICLE_RUN_WORDS:
                return True
        else:
            count = words = 0
    return False


def _article_survives(
    body: list[Line], marks: dict[int, tuple[str, str]], last_banner: int
) -> bool:
    """Beside a banner, does an article remain?  Judge what follows the last banner above
    the body (menus above it say nothing either way): an article's title follows its banner,
    while a related-links header there, or a list of headlines, means the page lists other
    stories.  (Not from a banner-worded line below the body: a footer's "Go to homepage"
    would leave only the footer to judge, and a long article would read as an error page.)"""
    kept = [ln for ln in body if ln.index not in marks]
    if not kept:
        return False
    listed = ("related_links", "related_header", "tail_links")
    after = [
        ln
        for ln in body
        if ln.index > last_banner and (ln.index not in marks or marks[ln.index][1] in listed)
    ]
    if _article_run(after):
        # paragraphs in a row follow the banner: an article is shown, whatever stands
        # between (a form's failed-to-send message in the page's header, then its menus)
        return True
    if after and (
        marks.get(after[0].index, ("", ""))[1] == "related_header"
        or _weak_header(body, body.index(after[0]))
    ):
        return False
    if not after and not any(
        ln.words >= MIN_SENTENCE_WORDS and _ends_sentence(ln.text) for ln in kept
    ):
        return False  # above the banner, labels only: the page's menu, no article
    if len(after) == 1 and after[0].words < PROSE_WORDS:
        return False  # one short line under the banner: the missing page's headline
    return _article_like(after or kept)


_SOFT_CTA: Final = ("boilerplate", "soft_call_to_action")
# the marks a headline with a verb or a kicker in front may get (see resolve's title choice)
_HEADLINE_LIKE_MARKS: Final = frozenset((_SOFT_CTA, ("boilerplate", "related_link")))
_CALLS: Final = frozenset({"call_to_action", "soft_call_to_action"})


def _own_dek(ln: Line, mark: tuple[str, str] | None) -> bool:
    if mark is None or mark[0] != "boilerplate":
        return False
    # (a reading time or a listen button under the headline is the article's own header)
    return (
        mark[1] in ("disclaimer", "reading_aid")
        or (mark[1] == "soft_call_to_action" and ln.words >= 5)
    )


# Families that close an article's body: after its last prose run, the first of these ends it.
_BODY_CLOSERS: Final = frozenset(
    ("related_header", "disclaimer", "copyright", "widget", "paywall", "author_box")
)

# Families that open the page furniture below an article.  A soft call to action ("Contact
# a lawyer…", "Learn more about…") does not: articles end with such lines of their own.
_TAIL_OPENERS: Final = _BODY_CLOSERS | {
    "tag_list",
    "cookie_notice",
    "glued_widgets",
    "related_link",
    "ad_marker",
    "navigation",
    "call_to_action",
}


def _body_end(
    body: list[Line],
    shaped: list[Line],
    explained: Callable[[Line], bool],
    ends_body: Callable[[Line], bool],
) -> Line | None:
    """The body's last prose line.

    The body ends after its last run of prose (two prose lines in a row, or one very long
    one), extended over what follows until a short line that a family explains (a related
    header, a widget, a copyright line).  Teasers in a related list below that point are
    single sentences under headlines, never a run, so they do not stretch the body."""
    is_shaped = {ln.index for ln in shaped}
    run_end = None
    prev: Line | None = None
    for k in range(len(body) - 1, -1, -1):
        ln = body[k]
        if ln.index in is_shaped and not explained(ln):
            prev = body[k - 1] if k > 0 else None
            if ln.words >= 40 or (
                prev is not None and prev.index in is_shaped and not explained(prev)
            ):
                run_end = k
                break
    if run_end is None:
        return None
    last = body[run_end]
    for ln in body[run_end + 1 :]:
        if ends_body(ln):
            break
        if ln.index in is_shaped and not explained(ln):
            last = ln
    return last


def _first_run(top: list[Line], marks: dict) -> list[Line]:
    run: list[Line] = []
    for ln in top:
        if ln.index in marks:
            if run:
                break
            continue
        run.append(ln)
    if not run:
        return run
    for ln in top:
        if ln.index not in marks and ln.index > run[-1].index:
            marks[ln.index] = ("boilerplate", "page_furniture")
    return run


ERROR_SENTENCES: Final = 2  # sentences worded as an error message, at least, in the prose


def _error_worded(prose: list[Line], bannered: bool) -> bool:
    """Is a page's short prose (a paragraph or two) an error message written out?  Each
    paragraph holds a sentence a banner pattern names, half its sentences or more are such,
    and two of them at least (or one under a banner: "Page not found" over the message).  A
    brief story that mentions a "page not found" message goes on to other things."""
    worded = 0
    for ln in prose:
        if ln.words > 80:
            return False
        sentences = [x for x in _SENTENCE_SPLIT.split(ln.text) if x.strip()]
        hits = sum(
            1 for x in sentences
            if banners_mod.classify(normalise(x), len(x.split())) == "error"
        )
        if not hits or 2 * hits < len(sentences):
            return False
        worded += hits
    return worded >= (1 if bannered else ERROR_SENTENCES)


_SENTENCE_SPLIT: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘¿¡])")


def _page_verdict(banners: list[str]) -> Verdict:
    n_block = sum(1 for k in banners if k == "blocked")
    return "blocked" if n_block * 2 > len(banners) else "error_page"


_INNER_STOP: Final = re.compile(r"[.!?][\"”’)]*\s+[A-Z]")  # a sentence ends and another starts


def _article_like(kept: list[Line]) -> bool:
    """Does what survives beside a banner read as an article rather than a list of links?

    Prose runs (two long lines in a row) or one long paragraph say article; a list of three or
    more headline-shaped lines with at most single teasers says error page."""
    if any(ln.words >= 40 for ln in kept):
        return True
    # paragraphs of several sentences, three or more, even apart (a technical article whose
    # paragraphs alternate with code): a list's teasers are single sentences
    if sum(1 for ln in kept if ln.words >= PROSE_WORDS and _INNER_STOP.search(ln.text)) >= 3:
        return True
    for a, b in zip(kept, kept[1:], strict=False):
        if a.words >= PROSE_WORDS and b.words >= PROSE_WORDS:
            return True
    return sum(1 for ln in kept if _headline_like(ln)) < 3


def _cried(text: str) -> bool:
    """A long headline that asks or exclaims ("… How to Build Your Garden Shed for $75!"): every
    longer word capitalised, which no sentence of prose is."""
    return text.rstrip()[-1:] in "!?" and _title_cased(text)


def _title_cased(text: str) -> bool:
    """Every longer word capitalised (at least four of them): a headline's case."""
    n = 0
    for w in _WORD.findall(text):  # (stops at the first one in lower case: most lines)
        if len(w) >= 4 and w.isalpha():
            if not w[0].isupper() and w.islower():  # ("eLearning", "iPhone": a name's case)
                return False
            n += 1
    return n >= 4


def _headline_like(ln: Line) -> bool:
    # (a headline may ask or exclaim, in headline case: "Is the Night Bus Worth It?")
    return ln.words <= 20 and (not _ends_sentence(ln.text) or _cried(ln.text))


def _weak_header(body: list[Line], i: int) -> bool:
    """A short line with a related-links word, heading at least two headlines."""
    ln = body[i]
    if ln.words > 6 or _ends_sentence(ln.text) or boiler_mod.RELATED_WORDS.isdisjoint(ln.toks):
        return False
    nxt = body[i + 1 : i + 3]
    return len(nxt) == 2 and all(_headline_like(x) and x.words >= 3 for x in nxt)


RELATED_ENTRIES: Final = 2  # a block of related stories lists this many headlines at least
RELATED_HEADER_WORDS: Final = 10  # a related-links header is no longer (boilerplate.classify)
TEASER_WORDS: Final = 45  # a teaser under a related headline is one line of at most this many


def _related_blocks(body: list[Line], fam: _Lazy, marks: dict) -> None:
    """A related-links header, then headlines, each maybe with a one-line teaser.

    The block ends where prose resumes: two long lines in a row, or a long line that does not
    follow a headline (a teaser always hangs under one)."""
    i = 0
    n = len(body)
    while i < n:
        ln = body[i]
        # (_weak_header turns away lines of more than 6 words first: no call for those)
        if fam[ln.index] != "related_header" and (ln.words > 6 or not _weak_header(body, i)):
            i += 1
            continue
        j = i + 1
        block = [ln]
        while j < n:
            cur = body[j]
            if _LIST_ITEM.match(cur.text):
                break  # a bulleted or numbered list under a heading is the article's own
            if cur.index in marks or fam[cur.index] or _headline_like(cur):
                block.append(cur)
            elif cur.words <= TEASER_WORDS and _headline_like(block[-1]) and block[-1] is not ln:
                block.append(cur)  # a teaser under a headline
            else:
                break
            j += 1
        if len(block) > 1 or j >= n:
            for b in block:
                marks.setdefault(b.index, ("boilerplate", "related_links"))
        i = j


def _related_to_end(body: list[Line], first: int, last: int, fam: _Lazy, marks: dict) -> None:
    """A related-links header between the article's prose lines whose block of headlines and
    one-line teasers runs to the record's end: the teasers read as prose, so the article's
    last prose line was taken below them.  The block goes, with the share buttons and other
    furniture right above its header.  Read from the end up, so that a record ending on its
    prose (most) costs a line or two."""
    heads = 0
    k = len(body) - 1
    while k > 0:
        cur = body[k]
        if cur.index <= first or _LIST_ITEM.match(cur.text):
            return  # (a list under a heading is the article's own)
        if cur.index in marks:
            k -= 1
            continue
        if _headline_like(cur):
            if (
                cur.index < last
                and heads >= RELATED_ENTRIES
                and cur.words <= RELATED_HEADER_WORDS
                and fam[cur.index] == "related_header"
            ):
                break
            heads += 1
        elif not (cur.words <= TEASER_WORDS and _headline_like(body[k - 1])):
            return  # prose: the article goes on to here
        k -= 1
    else:
        return
    j = k
    while j - 1 >= 0 and body[j - 1].index > first and (
        (m := marks.get(body[j - 1].index)) is not None and m[0] == "boilerplate"
        or (fam[body[j - 1].index] or "") in _TAIL_OPENERS
    ):
        j -= 1  # the share buttons over the header
    for b in body[j:]:
        marks.setdefault(b.index, ("boilerplate", fam[b.index] or "related_links"))


def _tail(
    body: list[Line],
    first: int,
    copied: set[str],
    tail: list[Line],
    fam: _Lazy,
    marks: dict,
    body_words: Callable[[], Container[str]],
) -> None:
    """Below the last prose line, noise starts at the first line a family or banner explains;
    from there to the end, short unexplained lines are menu items and related headlines.
    Lines before that point are the article's own closing lists, tables or sign-off."""
    start = next(
        (k for k, ln in enumerate(tail) if ln.index in marks or (fam[ln.index] or "") in _TAIL_OPENERS),
        None,
    )
    if start is None or _article_continues(body, first, tail, start):
        return
    if marks.get(tail[start].index, _NO_MARK)[1] in _ANYWHERE_KINDS and not any(
        _furniture_below(ln, marks) for ln in tail[start + 1 :]
    ):
        # an ad slot's marker or an embed's leftover is removed wherever it stands, between
        # an article's closing lines too: it opens the page's furniture only over more of it
        return
    # menu items just above the first explained line: short, and foreign to the article
    # (not above a disclaimer: what stands between the body and its disclaimer is the
    # article's sign-off, byline or note)
    words: Container[str] | None = None
    own: dict[str, int] | None = None  # each line of the article -> where it first stands
    opener = marks.get(tail[start].index) or ("boilerplate", fam[tail[start].index])
    if opener[1] == "paywall" and _heading_cut_off(body, tail, start):
        _mark_from(tail, start, fam, marks)  # (the heading above the wall stays)
        return
    while start > 0 and opener[1] != "disclaimer":
        ln = tail[start - 1]
        if not _headline_like(ln) or ln.words > SHORT_WORDS or _LIST_ITEM.match(ln.text):
            break
        if "://" in ln.text or ln.text.startswith("www."):
            break  # a reference list's address; menus show labels, not addresses
        if _NOT_A_LABEL.search(ln.text):
            break  # a sign-off, a credit, a dated note: menus and headlines are bare labels
        if start > 1 and tail[start - 2].text.rstrip().endswith(","):
            break  # the name under a valediction ("Best wishes," / "Ana")
        if ln.norm in copied:  # (most lines: not a copy of anything, one set test)
            if own is None:
                own = {}
                for x in body:
                    if x.index >= first:
                        own.setdefault(x.norm, x.index)
            if own[ln.norm] < ln.index:
                break  # a line the article carries earlier too ("Where to buy: …" under each)
        if words is None:
            words = body_words()
        # one shared word in two is chance ("shipping and returns" under a text on return
        # values); a label made of the article's own words is not
        hits, share = _hits(ln, words)
        if share >= 0.5 and (hits >= 2 or share == 1.0):
            break
        start -= 1
    _mark_from(tail, start, fam, marks)


def _furniture_below(ln: Line, marks: dict) -> bool:
    """Under an ad slot or an embed, is this line the page's: explained by another family, or
    a teaser, a button or a name in headline case?"""
    m = marks.get(ln.index)
    if m is not None:
        return m[1] not in _ANYWHERE_KINDS
    return credits_mod.is_teaser(ln.text)


def _mark_from(tail: list[Line], start: int, fam: _Lazy, marks: dict) -> None:
    for ln in tail[start:]:
        if ln.index not in marks:
            marks[ln.index] = ("boilerplate", fam[ln.index] or "tail_links")


PROSE_ABOVE: Final = 10  # the line over a heading cut off by a wall: a sentence this long


def _heading_cut_off(body: list[Line], tail: list[Line], start: int) -> bool:
    """Is the one line right above a reading wall a section's heading the wall cut off from
    its text: a heading's shape, standing right under the article's prose?  (A wall cuts the
    article wherever it stands; menus and teasers above it come as runs of labels.)"""
    if start < 1:
        return False
    ln = tail[start - 1]
    if not _headline_like(ln) or ln.words > SHORT_WORDS or _LIST_ITEM.match(ln.text):
        return False
    k = body.index(ln)
    above = body[k - 1] if k > 0 else None
    return above is not None and above.words >= PROSE_ABOVE and _ends_sentence(above.text)


LIST_ENTRIES: Final = 10  # entries of a long list below the opener ...
ENTRY_WORDS: Final = 6  # ... each of a clause's length at least ...
OUTWEIGHS: Final = 2  # ... under a line that opens the furniture, where it outweighs the article above
SHORT_INTRO: Final = 150  # ... and the article above is an intro of at most this many words


def _article_continues(body: list[Line], first: int, tail: list[Line], start: int) -> bool:
    """Below a line that reads like the opener of a page's furniture ("Related resources:"),
    a long list whose entries are clauses in sentence case (checklist steps, "Book the venue
    -- tour favourites, compare offers"), making up most of what follows and outweighing a
    short intro above, is the article going on: a list of other pages is headlines, and a
    page's footer (menus, references, notices) follows an article, not an intro."""
    rest = tail[start + 1 :]
    entries = [
        ln
        for ln in rest
        if ln.words >= ENTRY_WORDS and _LIST_ITEM.match(ln.text) and not _title_cased(ln.text)
    ]
    if len(entries) < LIST_ENTRIES:
        return False
    opener = tail[start].index
    above = sum(ln.words for ln in body if first <= ln.index < opener)
    if above > SHORT_INTRO:
        return False
    words = sum(ln.words for ln in rest)
    # (most of what follows is the list's entries: a page's footer mixes menus and notices)
    return words >= OUTWEIGHS * above and 2 * sum(ln.words for ln in entries) >= words


# A comma or an exclamation ("Best wishes, Ana", "See you soon!"), a line opening with a
# symbol ("<3 Sam", "(University of Oslo)"), or a label with a figure ("Last updated: May 2,
# 2024", "Cost per day: £6.81"), a code or number of five digits or more (a document's
# reference, a phone number): no menu item is written so.
_NOT_A_LABEL: Final = re.compile(r"[,!]|^[^\w\"'“‘]|:\s.*\d|\d{5}")


def _closing_credits(tail: list[Line], marks: dict) -> int:
    """The unexplained lines that end the record, below the last prose line, when they are
    the page's credits: a byline, a date, a tag line, a pager, an author box, a line in
    headline case (a teaser, a button, a lone name) (detect.credits).
    From the end up, past what is already explained; the first other line stops it, so an
    article's own closing lines are never reached.  Returns where it stopped (a position in
    `tail`; -1: every line of it is explained)."""
    # lines in headline case are taken for teasers only in a record where the page's
    # furniture was found: an article alone may end on a line of its own in headline case (a
    # closing subheading, its author's name)
    furnished = bool(marks)
    k = len(tail) - 1
    while k >= 0:
        ln = tail[k]
        if ln.index in marks:
            # above the author's disclaimer the article signs off ("Ana Ruiz" / "Disclaimer:
            # the views are the author's"): no teasers there
            furnished = furnished and marks[ln.index][1] != "disclaimer"
            k -= 1
            continue
        if credits_mod.is_credit(ln.text):
            marks[ln.index] = ("boilerplate", "credits")
            k -= 1
            continue
        if furnished and credits_mod.is_teaser(ln.text):
            # a teaser headline, a button or a lone name in headline case; a longer run of
            # such lines is a list the article ends on (its sources, its picks), left whole
            run = [k]
            j = _unmarked_above(tail, k, marks)
            while j >= 0 and len(run) <= credits_mod.MAX_TEASERS and credits_mod.is_teaser(
                    tail[j].text):
                run.append(j)
                j = _unmarked_above(tail, j, marks)
            if len(run) > credits_mod.MAX_TEASERS:
                return k
            for j in run:
                marks[tail[j].index] = ("boilerplate", "teaser")
            k = run[-1] - 1
            continue
        # (positions, not slices or list.index: each line is looked at a bounded number of
        # times, so a long tail of credits stays linear)
        up = _unmarked_above(tail, k, marks)
        if up >= 0 and credits_mod.author_box(tail[up].text, ln.text):
            marks[ln.index] = marks[tail[up].index] = ("boilerplate", "author_box")
            k = up - 1
            continue
        return k
    return -1


def _closing_author_box(body: list[Line], first: int, start: int, marks: dict) -> None:
    """An author box whose sentence is the record's last kept line ("Ana Ruiz" / "Ana Ruiz is
    a rail reporter based in Leeds."): the sentence reads as prose, so the tail stops short
    of it; a label over the name ("Written by", "About the author") goes with them.  From
    line `start` up (what is below it is explained)."""
    kept: list[Line] = []
    for p in range(bisect_right(body, start, key=_INDEX) - 1, -1, -1):
        ln = body[p]
        if ln.index < first or len(kept) == 3:
            break
        if ln.index in marks:
            continue
        if not kept and (ln.words < 6 or not ln.text[:1].isupper()):
            return  # (the sentence opens on a name, and says something of it)
        if len(kept) == 1 and ln.words > 4:
            return  # (a name is a few words)
        kept.append(ln)
    # (three: an article is more than the box; the sentence opens on the whole name, as a
    # box writes it -- a section's heading over its text may share a first word)
    name = kept[1].text.strip() if len(kept) == 3 else ""
    if not name or not kept[0].text.lstrip().startswith(name) or not credits_mod.author_box(name, kept[0].text):
        return
    marks[kept[0].index] = marks[kept[1].index] = ("boilerplate", "author_box")
    if credits_mod.author_box(kept[2].text, kept[1].text):
        marks[kept[2].index] = ("boilerplate", "author_box")


LEGAL_LINES: Final = 4  # kept lines at the record's end looked at for legal notices


def _legal_end(body: list[Line], prose: list[Line], marks: dict) -> None:
    """Legal notices and a wall's offers or sign-in prompts in wordings no family lists, ending
    the record (boiler_mod.legal_notice, offer_prompt): from the last kept line up, while each
    is one and the article's prose above them uses none of their strong words (a story about
    copyright, or about a service's subscribers, does)."""
    found: list[tuple[Line, frozenset[str], str]] = []
    for ln in reversed(body):
        if ln.index in marks:
            continue
        strong = boiler_mod.legal_notice(ln.toks) if ln.words <= boiler_mod.LEGAL_WORDS else None
        rule = "legal_notice"
        if strong is None and ln.words <= boiler_mod.OFFER_WORDS:
            strong, rule = boiler_mod.offer_prompt(ln.toks, ln.text), "offer_prompt"
        if strong is None or len(found) == LEGAL_LINES:
            break
        found.append((ln, strong, rule))
    if not found:
        return
    above = [p for p in prose if p.index < found[-1][0].index and p.index not in marks]
    if not above:
        return  # (nothing of the article's left above: no notice judged by it)
    vocab = _words_of(above)
    for ln, strong, rule in found:
        if any(w in vocab for w in strong):
            return
        marks[ln.index] = ("boilerplate", rule)


# A labelled note ("Label: a sentence or two"), its label a few words: what a page puts under
# every article (a legal, editorial or commercial notice) in whatever wording.
_NOTE_LABEL: Final = re.compile(r"\W{0,2}([^\W\d_][^:.!?\n]{0,40}):\s+\S")
NOTE_LABEL_WORDS: Final = 4
NOTE_WORDS: Final = 10  # a note shorter than this ("Photo: …", "Updated: …") says too little
NOTE_CONTENT: Final = 4  # content words a note needs for its silence about the story to tell
NOTE_BODY_WORDS: Final = 80  # words of prose above it, for the story's vocabulary to be known
NOTES: Final = 2  # kept lines at the record's end looked at


def _unrelated_notes(body: list[Line], prose: list[Line], marks: dict) -> None:
    """Labelled notes ending the record that share not one content word with the article's
    prose above them: a page's standing notice, whatever its wording or language.  An
    article's own closing note -- an update, a correction, its own disclosure, a credit --
    speaks of the story and names some of its words (no gold article of the dev sets ends on
    a labelled note of ten words or more sharing none)."""
    from .line_model.stopwords import english_stops  # (see _stop_words)

    for _ in range(NOTES):
        last = next((ln for ln in reversed(body) if ln.index not in marks), None)
        if last is None or last.words < NOTE_WORDS:
            return
        m = _NOTE_LABEL.match(last.text.lstrip())
        if m is None or len(m.group(1).split()) > NOTE_LABEL_WORDS:
            return
        above = [p for p in prose if p.index < last.index and p.index not in marks]
        if sum(p.words for p in above) < NOTE_BODY_WORDS:
            return
        # (English's stop list only: a vote on the note's language would load the index of
        # all lists, half a second a process; another language's function words count as
        # content words, and only ever keep a note)
        english = english_stops()
        content = {w for w in last.toks if len(w) >= 4 and w.isalpha() and w not in english}
        if len(content) < NOTE_CONTENT:
            return
        vocab = _words_of(above)
        if any(w in vocab for w in content):
            return
        marks[last.index] = ("boilerplate", "unrelated_note")


WALL_INSIDE_WORDS: Final = 12
WALL_RUN: Final = 3  # short lines in a row, at most, where a wall's prompt stands inside the body
# the subscription's and the account's words, and the acts of signing in and trying
_WALL_KEYS: Final = boiler_mod.OFFER_STRONG | frozenset(
    """member members membership premium paywall exclusive exclusivo exclusif exklusiv sign
    signed signing log logged logging trial trials""".split()
)


def _walls_inside(body: list[Line], prose: list[Line], fam: _Lazy, marks: dict) -> None:
    """A wall's prompt left between two paragraphs ("Subscriber exclusive", "Déjà abonné ? Se
    connecter"): a short line of the paywall family, or worded as an offer or a sign-in
    prompt, whose subscription and account words the article's other lines never use (a
    story about a paper's subscribers, a club's members or how to log in to a service keeps
    its lines).  A line running on into the next (ending on a comma or a colon), or one giving
    a value after a colon ("you log in as: guest"), is an instruction of the article's."""
    lo, hi = prose[0].index, prose[-1].index
    start = bisect_right(body, lo, key=_INDEX)
    inside = [ln for ln in body[start : bisect_left(body, hi, start, key=_INDEX)] if ln.index not in marks]
    # (a prompt stands alone between paragraphs, or with a line or two more: the short lines
    # of a longer run -- a list, a table, a block of headings -- are not looked at)
    cands: list[Line] = []
    k, n = 0, len(inside)
    while k < n:
        if inside[k].words > WALL_INSIDE_WORDS:
            k += 1
            continue
        end = k + 1
        while end < n and inside[end].words <= WALL_INSIDE_WORDS:
            end += 1
        if end - k <= WALL_RUN:
            cands.extend(ln for ln in inside[k:end] if ln.text.rstrip()[-1:] not in ",:;" and ": " not in ln.text)
        k = end
    # (one tokenising of them all first: most records' short lines hold no such word)
    if not cands or _WALL_KEYS.isdisjoint(tokens(" ".join([ln.norm for ln in cands]))):
        return
    found: list[tuple[Line, frozenset[str]]] = []
    for ln in cands:
        keys = _WALL_KEYS.intersection(ln.toks)
        if keys and (boiler_mod.offer_prompt(ln.toks, ln.text) is not None or fam[ln.index] == "paywall"):
            found.append((ln, keys))
    if not found:
        return
    walls = {ln.index for ln, _ in found}
    vocab = _words_of([prose[0], *(ln for ln in inside if ln.index not in walls), prose[-1]])
    for ln, keys in found:
        if not any(w in vocab for w in keys):
            marks[ln.index] = _WALL_MARK


def _unmarked_above(tail: list[Line], k: int, marks: dict) -> int:
    """The position of the nearest line above position k that no rule marked (-1: none)."""
    j = k - 1
    while j >= 0 and tail[j].index in marks:
        j -= 1
    return j


_OWN_RULES: Final = frozenset(
    {"disclaimer", "related_link", "related_header", "related_links", "paywall", "tail_links"}
)


def _own_tail_blocks(
    tail: list[Line], rep: dict[int, str], marks: dict, body_words: Callable[[], Container[str]]
) -> None:
    """A link list or note below the body that is about the article itself (its own "See
    also" list, its own sponsorship disclosure) is the article's: most of its content words
    recur in the article's prose, while an injected block speaks of other stories."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    for ln in [*tail, None]:
        mark = marks.get(ln.index) if ln is not None and ln.index not in rep else None
        if ln is not None and mark is not None and mark[0] == "boilerplate" and mark[1] in _OWN_RULES:
            run.append(ln)
            continue
        if run:
            runs.append(run)
        run = []
    if not runs:
        return
    words: Container[str] | None = None
    for run in runs:
        ws = [w for ln in run for w in _content_of(ln)]
        need = max(OWN_HITS, OWN_SHARE * len(ws))
        if len(ws) < need:
            continue
        if words is None:
            words = body_words()
        # look words up until the run is sure to pass or to fail
        hits = misses = 0
        for w in ws:
            if w in words:
                hits += 1
                if hits >= need:
                    break
            else:
                misses += 1
                if len(ws) - misses < need:
                    break
        if hits >= need:
            for ln in run:
                del marks[ln.index]


def _notes_naming_the_headline(
    tail: list[Line], title: Line, rep: dict[int, str], marks: dict
) -> None:
    """A disclosure below the body that names the article's own headline ("This article
    about how to … was sponsored by …") or points at the very things the headline lists
    ("The operators listed here …" under "Nine Night Bus Operators Compared") is the article's note;
    a site's notice is written for every page and can do neither."""
    notes = [ln for ln in tail if marks.get(ln.index) == _DISCLAIMER and ln.index not in rep]
    words = _WORD.findall(title.norm) if notes else ()  # (a copy stays a copy)
    if len(words) < 3:
        return
    k = min(4, len(words))
    grams = {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
    topic = [w for w in words if len(w) >= 4 and w.isalpha()]
    for ln in notes:
        text = " " + " ".join(_WORD.findall(ln.norm)) + " "
        pointed = _POINTS_AT_LIST.search(ln.norm)
        if any(f" {g} " in text for g in grams) or (
            pointed is not None
            and any(_same_stem(w, t) for w in pointed["things"].split() for t in topic)
        ):
            del marks[ln.index]


# "The companies listed here", "These tools mentioned above": a note about the items of one
# article.  (After an optional label: "Disclaimer: …")
_POINTS_AT_LIST: Final = re.compile(
    r"^(?:[\w ]{0,30}:\s*)?(?:the|these|all|any)\s+(?P<things>(?:[\w-]+\s+){0,2}?[\w-]+)\s+"
    r"(?:listed|mentioned|featured|named|ranked|reviewed|included|compared)\s+"
    r"(?:here|above|below|in\s+this)\b"
)


def _same_stem(a: str, b: str) -> bool:
    """One word in two inflections ("publishers" / "publishing", "company" / "companies")."""
    if len(a) < 4 or len(b) < 4:
        return False
    return len(commonprefix((a, b))) >= max(4, min(len(a), len(b)) - 3)


_DISCLAIMER: Final = ("boilerplate", "disclaimer")


OWN_HITS: Final = 3
OWN_SHARE: Final = 0.7


class _Vocab:
    """The words of some lines, for membership tests only.

    Equal to the union of the lines' token sets, but answers `w in vocab` by searching the
    joined case-folded text for `w` between non-alphanumeric characters: a handful of lookups
    then cost far less than tokenising every line of a long body.  Past a budget of characters
    searched it builds the set after all, so that many lookups in a long text stay linear."""

    __slots__ = ("lines", "text", "known", "spent", "words")

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.text = "\n" + "\n".join([ln.norm for ln in lines]) + "\n"
        self.known: dict[str, bool] = {}
        self.spent = 0
        self.words: set[str] | None = None

    def __contains__(self, w: object) -> bool:
        if not isinstance(w, str):
            return False
        found = self.known.get(w)
        if found is None:
            if self.words is None:
                self.spent += len(self.text)
                if self.spent > _SEARCH_BUDGET:
                    self.words = set().union(*(ln.toks for ln in self.lines))
            if self.words is not None:
                found = w in self.words
            else:
                found = self._find(w)
            self.known[w] = found
        return found

    def mentions(self, ln: Line) -> int:
        """How often the line's content words occur in the text (rare: tokenises it)."""
        counts = Counter(_WORD.findall(self.text))
        return sum(counts[w] for w in set(_content_of(ln)))

    def _find(self, w: str) -> bool:
        if not w or "_" in w:  # tokens are runs of letters and digits
            return False
        t = self.text
        i = t.find(w, 1)
        while i != -1:
            if not t[i - 1].isalnum() and not t[i + len(w)].isalnum():
                return True
            i = t.find(w, i + 1)
        return False

    def __bool__(self) -> bool:
        return _ALNUM.search(self.text) is not None


_SEARCH_BUDGET: Final = 1 << 22  # characters searched before the words are tokenised once


_ALNUM: Final = re.compile(r"[^\W_]")


def _words_of(lines: list[Line]) -> _Vocab:
    return _Vocab(lines)


# Long words every text has: a menu line made of them ("Here's how you know", "Improve this
# question") shares them with any lead without announcing it.
_COMMON: Final = frozenset(
    """this that with from have your here know what when where which there their they them
    then than been were will would could should about into over also just like more most some
    such only other these those very even make made many much well back after before because
    while being does done each every find page article read view home help show need want""".split()
)


def _content_of(ln: Line) -> list[str]:
    """The line's content words (of its case-folded text): long ones and numbers."""
    toks = ln._toks  # (made for most lines above and below the body, which this is asked of)
    norm = ln.norm
    # toks are _WORD's words but for "_" (in \w, between tokens) and "©" (a token of its own)
    words = toks if toks is not None and "_" not in norm and "©" not in norm else _WORD.findall(norm)
    return [w for w in words if (len(w) >= 4 or w.isdigit()) and w not in _COMMON]


def _hits(ln: Line, words: Container[str]) -> tuple[int, float]:
    """How many of the line's content words are in `words`, and what share of them."""
    ws = _content_of(ln)
    if not ws:
        return 0, 0.0
    hits = sum(1 for w in ws if w in words)
    return hits, hits / len(ws)


def _overlap(ln: Line, lead_words: Container[str]) -> float:
    return _hits(ln, lead_words)[1]


_STATEMENT_END: Final = re.compile(r"[.;:,]\s*$")  # a headline may ask or exclaim, it rarely states


# a line opening on a full date ("May 2, 2025", "2 May 2025", "02/05/2025")
_OPENS_DATED: Final = re.compile(
    rf"^(?:{credits_mod.MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{credits_mod.MONTH}\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})\b"
)
DATED_REST: Final = 4  # words after an opening date: a reading time, a name, a section -- no headline


def _no_headline(text: str) -> bool:
    """A date line (with at most a few words after the date: "May 2, 2025 - 6 min read",
    "May 2, 2025 Ana Ruiz"), a pager ("← Previous post") or a web address: what pages
    print around a headline, never one.  "December 7, 1941: A Date That Lives On" goes on
    past a few words and stays a candidate."""
    text = text.strip()
    if text.startswith(("http://", "https://", "www.")):
        return True
    m = _OPENS_DATED.match(text)
    if m is not None:
        rest = text[m.end() :]
        return ":" not in rest and len(rest.split()) <= DATED_REST
    return credits_mod.PAGER.match(text) is not None


def _choose_title(
    cands: list[Line],
    lead_words: Container[str],
    body_words: Callable[[], Container[str]] | None = None,
    verbish: list[Line] | None = None,
) -> Line | None:
    """The headline among the unexplained lines above the body.

    A headline announces the body: most of its content words come back in the first
    paragraphs, while a menu item's rarely do; and menu items are short.  A dek or a caption
    under the headline also echoes the lead, but reads as a sentence.  In order: the page's
    opening line when it names the body; the first headline-shaped candidate that is long and
    shares some words with the lead, or shares most of its words (or the short headline
    straight above it); the headline-shaped candidate naming most of what the whole body is
    about; a sentence-shaped candidate that echoes the lead; the candidate nearest the body.
    A long opening line beats a pick too short for a headline (a section heading under it).
    `verbish` lines (headline-shaped but read as a call to action) count only when no other
    candidate is left, and only if they announce the lead."""
    if not cands and not verbish:
        return None
    # a page's date line, pager or address is never its headline (when a line is
    # left that can be)
    cands = [ln for ln in cands if not _no_headline(ln.text)] or cands

    def announces(ln: Line) -> bool:
        o = _overlap(ln, lead_words)
        return (ln.words >= TITLE_WORDS and o >= 0.2) or (o >= 0.6 and len(_content_of(ln)) >= 2)

    def shape(lines: list[Line]) -> list[Line]:
        return [ln for ln in lines if ln.words <= 20 and not _STATEMENT_END.search(ln.text[-3:])]

    if not cands:  # nothing unexplained above the body: a headline taken for a call to action?
        if not verbish or not lead_words:
            return None
        return next((ln for ln in shape(verbish) if announces(ln)), None)
    if not lead_words:  # nothing to compare with: the first line that is more than a label
        return next((ln for ln in cands if ln.words >= 3), cands[0])
    shaped = shape(cands)
    words = body_words() if body_words is not None else None
    # The first unexplained line, headline-shaped, is where a page has its headline; only a
    # menu pushes it down, and menu items are short and foreign to the body.
    head = cands[0] if shaped and shaped[0] is cands[0] else None
    head_hits, head_share = _hits(head, words) if head is not None and words is not None else (0, 0.0)
    if head is not None and head.words >= 3 and head_hits >= 2 and head_share >= 0.5:
        return head
    def under_label(label: Line) -> Line | None:
        """A section's label ("Diet & Fitness") straight over a headline in title case that
        announces the lead: the label names the section, the line under it the article (a
        dek under a short headline reads as a sentence, in sentence case)."""
        if label.words > LABEL_WORDS:
            return None
        k = cands.index(label) + 1
        nxt = cands[k] if k < len(cands) else None
        if (
            nxt is not None
            and nxt.index == label.index + 1
            and TITLE_WORDS <= nxt.words <= 20
            and nxt.words >= label.words + 3
            and _title_cased(nxt.text)
            and not _STATEMENT_END.search(nxt.text[-3:])
            and announces(nxt)
            and not set(_content_of(label)) <= set(_content_of(nxt))
        ):
            # (a short headline the line under it spells out again heads its own subtitle)
            return nxt
        return None

    if head is not None and (nxt := under_label(head)) is not None:
        return nxt
    found = next((ln for ln in shaped if announces(ln)), None)
    if (
        found is not None
        and head is not None
        and found.index > head.index + 1
        and (nxt := under_label(found)) is not None
    ):
        found = nxt  # (a label further down, under the menu; right under the page's opening
        # line it is that headline's subtitle)
    elif found is not None:
        # A short headline ("The History of Coffee") that cannot announce the lead on its
        # own, set straight above a dek that does, is the title when it names the body: a
        # menu item above a headline comes in a run of other items.
        if (
            head is not None
            and len(cands) > 1
            and cands[1] is found
            and found.index == head.index + 1
            and head_share >= 0.5
            and (head.words > 1 or found.words < TITLE_WORDS)
        ):
            # (but one word over a headline-length line is the section's label)
            found = head
    elif words is not None and shaped:
        best = 0
        for ln in shaped:
            hits, o = _hits(ln, words)
            if o >= 0.5 and hits >= 2 and hits > best:
                found, best = ln, hits
    if found is None:
        found = next((ln for ln in cands if announces(ln)), None)
        if (
            found is not None
            and head is not None
            and found not in shaped
            and not _title_cased(found.text)
        ):
            # a sentence echoing the lead is a dek or a caption, the page's opening line the
            # better headline (a headline that ends on a full stop is still title-cased)
            return head
    if found is None:
        found = cands[-1]
        if head is not None and head is not found and isinstance(words, _Vocab):
            # Nothing announces the lead, so the choice is between the page's opening line and
            # the line nearest the body (a menu pushes a headline down; a section heading or a
            # byline sits under it).  A statement is no headline; else the line whose words
            # the body keeps coming back to.
            if found not in shaped or words.mentions(head) > words.mentions(found):
                return head
    if head is not None and found.words < TITLE_WORDS and head.words >= max(5, found.words + 3):
        return head  # a section heading under it ("Key takeaways") is no better headline
    return found
