"""Whole-page records: the line model finds the furniture around and inside the article.

A crawl record is usually the article with a little noise at its edges, which the family
rules and the layout handle.  Some records are whole pages -- menus, teasers, comment threads,
footers, the article somewhere inside (a tool's text dump, html2text's markdown).  There the
line model judges every line, and a line it calls furniture goes before the rules read the
layout (`furniture` of resolve), so the headline and the body's bounds are found among the
lines that are left.  A record is a whole page when the model is confident of enough furniture
in it: a record of an article alone has at most a few doubtful lines (a list, a table, a
credit), a page has dozens.

Any other record may still end in a run of a site's labels the rules did not name (a footer
whose first links share the article's words): at its very top and bottom, a run of lines the
model is sure of is furniture too (`edge_furniture`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from ..resolve import _ends_sentence
from ..text_view import Line, TextView
from .score import load

SURE = 0.15  # a line scored below this is furniture the model is sure of
PAGE_LINES = 10  # ... a whole page has at least this many such lines
PAGE_SHARE = 0.15  # ... and they are at least this share of its lines
EDGE_LINES = 3  # ... of which this many above its article and this many below
BODY = 0.8  # a line scored above this is article the model is sure of
EDGE_KEEP = 0.3  # around the article of any record with page furniture, below this goes
LONG = 15  # a line this long is a paragraph or a long piece of furniture
CONFIDENT = 0.0  # this share of the long lines at least must be scored with confidence
SENTENCE = 8  # a line this long can be a sentence
MIN_REMOVED = 5  # the model removes this many lines or none
# The rules keep this many lines above the prose (a page's menus and teasers are there), or
# this many in all beyond it (an article's own closing lists are below), or the model is not
# asked.
LEFT_AT_EDGES = 20
LABEL_WORDS = 4  # a menu item, a label, a button
LABELS = 10  # ... kept this many times by the rules on a page (an article's own list is rarely so long)
INNER = 0.03  # between the article's first and last sure lines, below this goes
KEEP = 0.5  # around the article, below this goes
MIN_LINES = 20  # fewer lines than this: no whole page


# The record's last ask, kept: when page_furniture asks and finds no page, edge_furniture
# asks again about the same lines with the same marks (one ask in seven on records-dev).
_last: tuple[TextView, list[int], dict[int, tuple[str, str]], int | None, np.ndarray] | None = None


def _scores(
    view: TextView, body: list[Line], marks: Mapping[int, tuple[str, str]], title: int | None
) -> np.ndarray:
    """The model's scores of `body` (as LineModel.scores), the last record's reused."""
    global _last
    lines = [ln.index for ln in body]
    last = _last  # (one read: another thread may set it meanwhile)
    if (
        last is not None and last[0] is view and last[1] == lines and last[3] == title
        and last[2] == marks
    ):
        return last[4].copy()
    p = load().scores(view, body, marks, title)
    _last = (view, lines, dict(marks), title, p.copy())
    return p


def page_furniture(
    view: TextView,
    marks: Mapping[int, tuple[str, str]],
    title_line: int | None = None,
    title: int | None = None,
) -> dict[int, tuple[str, str]]:
    """Marks for the furniture lines of a whole-page record that the rules' `marks` leave
    in; {} for any other record.  The model covers what no rule removes, so every line a
    rule names keeps its reason."""
    body = _body(view, title_line)
    if len(body) < MIN_LINES:
        return {}
    # Most records are an article with noise that the rules removed: what they keep is the
    # headline, then paragraphs from the first to the last.  Only when they keep lines beyond
    # the prose at either end can there be furniture for the model to find.
    above, below = _left_at_edges(body, marks, title)
    if above < EDGE_LINES and above + below < LEFT_AT_EDGES:
        return {}
    # ... and a page's leftovers are menus, labels and buttons: many short lines kept
    if sum(1 for ln in body if ln.words <= LABEL_WORDS and ln.index not in marks) < LABELS:
        return {}
    p = _scores(view, body, marks, title)
    # The article is where the model is sure of body.  A page has furniture on both sides of
    # it (menus above, a footer below); a record of an article alone has none, or only what
    # the rules name.
    sure_body = [k for k, x in enumerate(p) if x >= BODY]
    if not sure_body:
        return {}
    first, last = sure_body[0], sure_body[-1]
    sure = p < SURE
    if (
        sure.sum() < PAGE_LINES
        or sure[:first].sum() < EDGE_LINES
        or sure[last + 1 :].sum() < EDGE_LINES
    ):
        return {}
    if CONFIDENT:
        long_p = [x for ln, x in zip(body, p, strict=True) if ln.words >= LONG]
        if sum(1 for x in long_p if x >= BODY or x < SURE) < CONFIDENT * len(long_p):
            return {}
    # Around the article, what the model doubts goes; between its first and last sentences
    # the model keeps (where its own headings, lists, tables and code stand), only what the
    # model is sure of.
    # (a sentence stands with others: a lone one among furniture, a teaser, anchors nothing)
    said = {k for k in range(len(body)) if p[k] >= KEEP and body[k].words >= SENTENCE}
    said.update(sure_body)
    lo = min((k for k in said if any(j in said for j in range(k + 1, k + 4))), default=first)
    hi = max((k for k in said if any(j in said for j in range(k - 3, k))), default=last)
    lo, hi = min(lo, first), max(hi, last)
    out: dict[int, tuple[str, str]] = {}
    for k, ln in enumerate(body):
        if ln.index not in marks and p[k] < (INNER if lo < k < hi else KEEP):
            out[ln.index] = ("boilerplate", f"line_model {p[k]:.2f}")
    headline = _headline(body, first, p, marks)
    if headline is not None:
        out.pop(headline, None)
        # on a page the article starts at its headline: above it, what the model is not
        # sure is article (a teaser of another story reads as prose too) is the page's
        for ln, score in zip(body, p, strict=True):
            if ln.index >= headline:
                break
            if ln.index not in marks and ln.index not in out and score < BODY:
                out[ln.index] = ("boilerplate", f"line_model {score:.2f}")
    # a handful of doubtful lines beside what the rules removed are an article's own deks,
    # dates and closing notes as often as furniture: the model speaks when the rules left
    # much of a page in
    return out if len(out) >= MIN_REMOVED else {}


HEADLINE_REACH = 8  # the headline stands this close above the article's first paragraph


def _left_at_edges(
    body: list[Line],
    marks: Mapping[int, tuple[str, str]],
    title: int | None,
    counts: Callable[[Line], bool] | None = None,
) -> tuple[int, int]:
    """How many lines the rules keep above their first paragraph and below their last
    (counted from the ends: most records have none or a few); with `counts`, only the lines
    it accepts."""
    above = below = 0
    for ln in body:
        if ln.index in marks or ln.index == title:
            continue
        if ln.words >= LONG and _ends_sentence(ln.text):
            break
        above += counts is None or counts(ln)
    else:
        return above, 0
    for ln in reversed(body):
        if ln.index in marks or ln.index == title:
            continue
        if ln.words >= LONG and _ends_sentence(ln.text):
            break
        below += counts is None or counts(ln)
    return above, below


def _headline(
    body: list[Line], first: int, p: np.ndarray, marks: Mapping[int, tuple[str, str]]
) -> int | None:
    """The line index of the article's headline among the lines above its first paragraph,
    which the layout then takes as the title: the nearest headline-shaped line most of whose
    words the article uses (a teaser of another story speaks of other things)."""
    words = {t for k in range(first, len(body)) if p[k] >= BODY for t in body[k].toks}
    for k in range(first - 1, max(-1, first - 1 - HEADLINE_REACH), -1):
        ln = body[k]
        if ln.index in marks and marks[ln.index][0] != "title":
            continue
        if not 3 <= ln.words <= 20 or ln.text[-1] in ".!?:;,":
            continue
        content = [t for t in ln.toks if len(t) >= 4]
        if len(content) >= 2 and sum(t in words for t in content) * 2 >= len(content):
            return ln.index
    return None


def merge(furniture: Mapping[int, tuple[str, str]] | None, page: dict) -> Mapping | None:
    if not page:
        return furniture
    if furniture:
        page.update(furniture)  # (what the corpus knows comes first)
    return page


# Any record, not only a whole page: what the rules leave of a page's menus and footer at the
# record's ends.  The model is asked only where the rules kept labels beyond the prose (most
# records end on their last paragraph, and asking costs a few milliseconds), and it takes a
# run from an end inwards, never a line alone nor the whole record.
EDGE_SURE = 0.2  # a line at an end scored below this is furniture
EDGE_RUN = 3  # ... when this many stand together at that end; two only over furniture the
# rules removed (two short lines at the very end can be the article's own list)
EDGE_LABELS = 2  # asked when this many label-shaped lines are kept beyond the prose at one end
EDGE_LABEL_WORDS = 4  # a label: at most this many words and no sentence end
EDGE_END_WORDS = 8  # ... and the lines at that end are this short


def edge_furniture(
    view: TextView,
    marks: Mapping[int, tuple[str, str]],
    title_line: int | None = None,
    title: int | None = None,
) -> dict[int, tuple[str, str]]:
    """Marks for runs of furniture the rules' `marks` leave at a record's top and bottom
    (a site's menu under the article, its section labels over the headline); {} if none."""
    body = _body(view, title_line)
    if len(body) < 3:
        return {}
    if not _short_end(body, marks, title) or max(_left_at_edges(body, marks, title, _label)) < EDGE_LABELS:
        return {}
    kept = [k for k, ln in enumerate(body) if ln.index not in marks and ln.index != title]
    p = _scores(view, body, marks, title)
    out: dict[int, tuple[str, str]] = {}
    for order in (kept[::-1], kept):
        run: list[int] = []
        for k in order:
            ln = body[k]
            if p[k] >= EDGE_SURE or (ln.words >= LONG and _ends_sentence(ln.text)):
                break
            if _goes_on(ln.text):  # a sign-off, an address, a table of fields: the article's
                run = []
                break
            run.append(k)
        if len(run) < EDGE_RUN - 1 or len(run) == len(order):
            continue
        if len(run) < EDGE_RUN and not _over_furniture(body, marks, run[0], order is kept):
            continue
        if order is not kept and _opens_list(body[order[len(run)]].text, body[run[-1]].text):
            continue
        for k in run:
            out[body[k].index] = ("boilerplate", f"line_model {p[k]:.2f}")
    return out


def _short_end(body: list[Line], marks: Mapping[int, tuple[str, str]], title: int | None) -> bool:
    """Do the rules keep two short lines or more at the very top or bottom?  (The two kept
    lines nearest each end are looked for from that end: most records fail here, so the
    list of every kept line is made only after.)"""
    for order in (reversed(body), body):
        seen = 0
        for ln in order:
            if ln.index in marks or ln.index == title:
                continue
            if ln.words > EDGE_END_WORDS:
                break
            seen += 1
            if seen == 2:
                return True
    return False


def _body(view: TextView, title_line: int | None) -> list[Line]:
    """The record's non-blank body lines but the given title line (the view's own list
    without one, not a copy: it is never changed here)."""
    if title_line is None:
        return view.body()
    return [ln for ln in view.body() if ln.index != title_line]


def _over_furniture(
    body: list[Line], marks: Mapping[int, tuple[str, str]], end: int, top: bool
) -> bool:
    """Does furniture the rules removed stand between the run's outer line and the record's
    end (the run is then that furniture's first items, not the article's closing list)?"""
    beyond = body[:end] if top else body[end + 1 :]
    return any(marks.get(ln.index, ("",))[0] == "boilerplate" for ln in beyond)


def _label(ln: Line) -> bool:
    return ln.words <= EDGE_LABEL_WORDS and not _ends_sentence(ln.text)


def _goes_on(text: str) -> bool:
    """A line that runs on into the next ("Best wishes,") or is a field ("Range: 400 km")."""
    return text.rstrip()[-1:] in ",:" or ": " in text


def _opens_list(above: str, first: str) -> bool:
    """Is the run under the article's last kept line its own list: announced by a colon, or
    going on in that line's shape (a reference list of addresses, bullets of one mark)?"""
    if above.rstrip().endswith(":"):
        return True
    if above.startswith(("http://", "https://")) and first.startswith(("http://", "https://")):
        return True
    return above[:2] in ("- ", "* ", "• ") and first[:2] == above[:2]

