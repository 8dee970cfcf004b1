"""Per-record pipeline: header -> detectors -> resolve -> apply -> verdict -> enrich."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Final

from .apply import apply_marks
from .detect import credits, dateline, foreign, glued, markdown, scripts, walls
from .enrich.language import detect_language
from .enrich.quotes import Quotation, find_quotations
from .header import parse_header
from .line_model.furniture import edge_furniture, merge, page_furniture
from .model import Article, Quote, Record, Repaired, Span
from .repair import apply_repairs, find_repairs
from .resolve import _label as label_line
from .resolve import named_text, resolve
from .text_view import Line, TextView

_COOKIE_NOTICE = ("boilerplate", "cookie_notice")
_ABOVE_TAG = ("boilerplate", "above_wire_tag")


def clean_record(
    record: Record,
    enrich: bool = True,
    furniture: Mapping[int, tuple[str, str]] | None = None,
    repair_encoding: bool = False,
) -> Article:
    """Clean one record: mark, resolve, apply; then language and quotations (enrich=True).

    furniture: record lines (by index) known from outside the record not to be article, with
    their (reason, rule) marks -- a corpus pass's learned boilerplate.
    repair_encoding: fix mojibake ("donâ€™t") in the kept lines, each fix listed in
    `repaired`.  Off by default: the output is then the record's own characters, cut only."""
    text = record.text
    hdr = parse_header(text)
    view = TextView(text, body_start=1 if hdr else 0)
    marks = {}
    if hdr:
        marks[0] = ("header", "crawl_header")
    hint = record.meta.get("title_line")
    title_hint = hint + view.body_start if isinstance(hint, int) else None
    found = resolve(view, title_line=title_hint, furniture=furniture)
    # a whole page: what the rules left of its furniture the line model finds, and the layout
    # is read again without it (the headline and the body's bounds among what is left)
    layout_marks, layout_title = found.line_marks, found.title.index if found.title else None
    if found.layout_pick is not None:
        layout_title, moved = found.layout_pick
        layout_marks = {i: m for i, m in layout_marks.items() if i not in moved}
    page = page_furniture(view, layout_marks, title_hint, layout_title)
    if not page and found.verdict == "article":
        page = edge_furniture(view, layout_marks, title_hint, layout_title)
    if page:
        found = resolve(view, title_line=title_hint, furniture=merge(furniture, page))
    marks.update(found.line_marks)
    verdict = found.verdict
    title_line = found.title
    if verdict in ("article", "empty") and _behind_login_wall(view, marks, title_line):
        verdict, title_line = "blocked", None  # (a refused page has no headline of its own)
    publisher = None
    partials = []
    tag = None
    md = False
    if title_line is not None:
        marks[title_line.index] = ("title", "headline")
    if verdict == "article":
        _label_run_at_end(view, marks)
        _dangling_separators(view, marks)
        marks.update(foreign.foreign_tail(view, marks, title_line))
        tag = dateline.detect(view, marks)
        if tag is not None:
            if tag.above:
                title_line = _above_tag(view, marks, tag.above, title_line)
            publisher = tag.publisher
            if tag.span is not None:
                partials.append(tag.span)
        partials += _glued(view, marks, tag)
        partials += _page_scripts(view, marks, partials)
        if md := markdown.is_markdown(text):
            kept = (ln for ln in view.lines[view.body_start :] if not ln.blank and ln.index not in marks)
            cut = partials[0] if partials else None
            partials += [
                sp for sp in markdown.detect(kept) if cut is None or sp.start >= cut.end
            ]
        body = view.body()
        # (fewer marks than body lines: some line is kept, no need to look)
        if len(marks) >= len(body) and all(ln.index in marks for ln in body):
            verdict = "empty"
    if verdict == "empty" and title_line is None:
        # a page that asks for scripts and shows nothing else is a block page (the notice
        # over an article is furniture, like a cookie notice)
        scripts = [
            ln for ln in view.lines
            if marks.get(ln.index) == _COOKIE_NOTICE and "javascript" in ln.norm
        ]
        if scripts:
            verdict = "blocked"
            for ln in scripts:
                marks[ln.index] = ("blocked", "script_banner")
    if verdict != "article":
        # whatever no detector explained goes under the verdict: error_page, blocked, empty
        for ln in view.lines[view.body_start :]:
            if not ln.blank and ln.index not in marks:
                marks[ln.index] = (verdict, f"{verdict}_content")
        partials = []
        publisher = None
    out_text, removed = apply_marks(view, marks, partials)
    repaired: list[Repaired] = []
    if repair_encoding and verdict == "article" and not text.isascii():
        out_text, repaired = apply_repairs(out_text, removed, find_repairs(view, marks))
    meta = record.meta
    title = title_line.text if title_line is not None else None
    if title is not None and md:
        title = markdown.clean_title(title)
    if title is None and verdict in ("article", "empty"):
        title = meta.get("title") or None
    art = Article(
        id=record.id,
        source=record.source,
        verdict=verdict,
        text=out_text,
        removed=removed,
        repaired=repaired,
        title=title,
        publisher=publisher or (meta.get("sitename") if verdict == "article" else None),
        fetched=hdr.fetched if hdr else meta.get("fetched"),
        http_status=hdr.http_status if hdr else meta.get("http_status"),
    )
    for key, field in _META_FIELDS:
        if meta.get(key) is not None:
            art.extra[field] = meta[key]
    if verdict == "article" and tag is not None and tag.place:
        art.extra["dateline"] = tag.place
    if verdict == "article" and enrich:
        _enrich(art)
    return art


LABEL_RUN = 3  # bare labels in a row that end an article's record: a menu


def _label_run_at_end(view: TextView, marks: dict) -> None:
    """A run of bare capitalised labels (a line of one to three words, no sentence, no list
    marker, no figure) that ends the record under the article's last kept line is a site's
    menu or footer, in any language: an article ends on a sentence, and its own closing
    lists carry markers, figures, addresses or sentences.  Counted from the end up, past
    what the rules and the line model already took; LABEL_RUN labels or more, and never
    every kept line."""
    run: list[int] = []
    lines = view.lines
    for k in range(len(lines) - 1, view.body_start - 1, -1):  # (no copy of the lines)
        ln = lines[k]
        if ln.blank or ln.index in marks:
            continue
        if not (label_line(ln) and ln.text[:1].isupper()):
            if len(run) >= LABEL_RUN:
                for i in run:
                    marks[i] = ("boilerplate", "navigation")
            return
        run.append(ln.index)


_RULE_MARKS = "*-_=~•·—–#+. "


def _dangling_separators(view: TextView, marks: dict) -> None:
    """A rule of symbols alone ("* * *", "---", "• • •") at either end of what is kept parted
    the article from the furniture the rules took: with nothing of the article on its far
    side it parts nothing, and goes with that furniture."""
    lines = view.lines
    for span in (range(len(lines) - 1, view.body_start - 1, -1), range(view.body_start, len(lines))):
        beyond = False  # furniture taken on the far side
        for k in span:
            ln = lines[k]
            if ln.blank:
                continue
            if ln.index in marks:
                beyond = beyond or marks[ln.index][0] not in ("header", "title")
                continue
            if not beyond:
                break
            rule = ln.text.strip()
            if len(rule) > 40 or len(rule) < 3 or rule.strip(_RULE_MARKS):
                break
            marks[ln.index] = ("boilerplate", "separator")


STORY_LINES = 8  # a headline is read against this many kept lines of its story


def _above_tag(
    view: TextView, marks: dict, above: tuple[int, ...], title_line: Line | None
) -> Line | None:
    """Kept lines over a wire story's tagged first paragraph are the page's, not the story's;
    the one right over the paragraph is the story's headline when it reads as one (most of
    its longer words are the story's) and the layout's pick above it is not (which then goes
    too).  The title line after."""
    for i in above:
        marks[i] = _ABOVE_TAG
    last = view.lines[above[-1]]
    if title_line is not None and title_line.index > last.index:
        return title_line
    story: set[str] = set()
    seen = 0
    for ln in view.lines[last.index + 1 :]:
        if ln.blank or ln.index in marks:
            continue
        story.update(ln.toks)
        seen += 1
        if seen == STORY_LINES:
            break
    if not _speaks_of(last, story) or title_line is not None and _speaks_of(title_line, story):
        return title_line  # (a byline or date over the lead, under the right headline)
    if title_line is not None:
        marks[title_line.index] = _ABOVE_TAG
    marks[last.index] = ("title", "headline")
    return last


def _speaks_of(line: Line, story: set[str]) -> bool:
    """A headline's shape: three words or more, most of its longer ones the story's."""
    content = [t for t in line.toks if len(t) >= 4]
    return line.words >= 3 and len(content) >= 2 and 2 * sum(t in story for t in content) >= len(content)


_GLUED_LINE = ("boilerplate", "glued_widgets")


def _glued(view: TextView, marks: dict, tag: dateline.Dateline | None) -> list[Span]:
    """Furniture glued onto the article's lines: the end of any kept line, the start of the
    first.  A sentence the family rule took whole for its glued widget string gets its
    sentence back and loses only the string."""
    lines = view.lines
    k = view.body_start
    n = len(lines)
    taken = None  # the line right over the first kept one, if a family took it whole
    while k < n and (lines[k].blank or k in marks):
        if not lines[k].blank:
            mark = marks.get(k)
            taken = k if mark is not None and mark[0] == "boilerplate" else None
        k += 1
    if k >= n:
        return []
    out = []
    if tag is None and taken is not None and k + 1 < n:
        # the article's first line with widget labels, a notice or a breadcrumb glued before
        # it, taken whole by a family: it gets its line back and loses only what was glued
        # (as a glued tail does) -- when a family names what is cut and nothing it leaves
        sp = glued.head(lines[taken], _named_over)
        if (
            sp is not None
            and (marks[taken] == _GLUED_LINE or _named_over(view.text[sp.start : sp.end]) is not None)
            and _named_or_credit(view.text[sp.end : lines[taken].cend]) is None
        ):
            del marks[taken]
            out.append(sp)
            k = taken
    if tag is None and not out and k + 1 < n:
        sp = glued.head(lines[k], _named_over) or glued.spaced_head(lines[k], _named_over)
        if sp is not None:
            out.append(sp)
    # (above the first kept line a glued line is the page's, whole; a line ending on a full
    # stop has no glued tail: the tail would end it, and a statement is none; and a glued
    # tail hangs on a sentence of MIN_BEFORE words or more -- MIN_SHORT_REST under a label a
    # family names)
    least = glued.MIN_SHORT_REST
    texts: set[str] = set()

    def record_lines() -> set[str]:
        if not texts:
            texts.update(x.text.strip() for x in lines[view.body_start :] if not x.blank)
        return texts

    # the article's last kept line: a line ending on a stop is looked at for a glued tail
    # only there (or under it), where the page's furniture follows the story
    last = n - 1
    while last > k and (lines[last].blank or last in marks):
        last -= 1
    for ln in lines[k:]:
        mark = marks.get(ln.index)
        if mark == _GLUED_LINE and ln.index > last and _kept_above(lines, ln.index, marks):
            # right under the article, a line taken whole for the widgets glued onto it: the
            # article's own short last line gets its words back
            sp = glued.widget_tail(ln, _named_or_credit, named_text)
            if sp is not None and not (out and out[0].end > sp.start):
                out.append(sp)
                marks.pop(ln.index, None)
                continue
        if ln.words < least:
            continue
        # a line a family took whole for a notice glued onto it ("…signed.Copyright 2025 …
        # All rights reserved."), right under the article's lines, gets its sentence back
        taken = mark is not None and mark != _GLUED_LINE
        if taken and (mark[0] != "boilerplate" or not _kept_above(lines, ln.index, marks)):  # type: ignore[index]
            continue
        sp = None
        if not (ln.text[-1] == "." and (ln.index < last or not glued.stop_touches(ln.text))):
            sp = glued.tail(ln, _named_or_credit, record_lines, mark is None, ln.index == last)
        if sp is None and (ln.index == last or taken and ln.index > last):
            # (the last line, or a line right under it taken whole: furniture may follow a
            # sentence's stop and a space there)
            sp = glued.spaced_tail(ln, _named_or_credit)
        if sp is None or out and out[0].end > sp.start:
            continue
        if taken and _named_or_credit(view.text[ln.cstart : sp.start]) is not None:
            continue  # (what stands before the cut is furniture too)
        out.append(sp)
        marks.pop(ln.index, None)
    return out


def _page_scripts(view: TextView, marks: dict, partials: list[Span]) -> list[Span]:
    """The page's script snippets among the kept lines (scripts.py): whole lines go, and a
    snippet glued onto a sentence is cut from it (a line cut already keeps that cut)."""
    out = []
    for ln, at in scripts.snippets(view.text, view.lines[view.body_start :], marks, glued.MIN_BEFORE):
        if any(ln.start <= sp.start <= ln.end for sp in partials):
            continue
        if at == 0:
            marks[ln.index] = _PAGE_SCRIPT
        else:
            out.append(Span(ln.cstart + at, ln.cend, *_PAGE_SCRIPT))
    return out


_PAGE_SCRIPT: Final = ("boilerplate", "page_script")


# the families a wall's prompts and form fields are also named by (the first two: prompts)
_WALL_PROMPTS: Final = frozenset(("paywall", "offer_prompt"))
_WALL_RULES: Final = _WALL_PROMPTS | {
    "call_to_action", "soft_call_to_action", "widget", "page_furniture"
}


def _behind_login_wall(view: TextView, marks: dict, title: Line | None) -> bool:
    """Is the record a login wall (walls.login_wall): its lines but the headline and what other
    families explained are a prompt to sign in to read and the form's fields?  They are marked
    so (`blocked`/`login_wall`)."""
    lines = []
    for ln in view.body():
        if ln is not title and (ln.index not in marks or marks[ln.index][1] in _WALL_RULES):
            lines.append(ln)
            if len(lines) > walls.WALL_LINES:
                return False  # (most records: an article's lines, found in a few steps)
    prompts = {ln.index for ln in lines if marks.get(ln.index, ("", ""))[1] in _WALL_PROMPTS}
    if not walls.login_wall(lines, prompts):
        return False
    for ln in lines:
        marks[ln.index] = ("blocked", "login_wall")
    return True


def _kept_above(lines: list[Line], i: int, marks: dict) -> bool:
    """Is the first non-blank line above line i the article's (kept)?"""
    i -= 1
    while i >= 0 and lines[i].blank:
        i -= 1
    return i >= 0 and i not in marks


def _named_or_credit(text: str) -> str | None:
    """A family's name for a stretch of text, or "credits" for a tag line or a dated byline
    (what pages print under the article, glued onto its last line by a crawler)."""
    return named_text(text) or ("credits" if credits.is_credit(text) else None)


def _named_over(text: str) -> str | None:
    """_named_or_credit, and a dated label in any of six languages: what a page prints over
    the article's first line."""
    return _named_or_credit(text) or ("credits" if credits.dated_label(text) else None)


def _one_quote(text: str, qt: Quotation) -> Quote:
    """One output entry per utterance, however many pieces its attribution cut it into."""
    if len(qt.parts) == 1:
        return qt.parts[0]
    parts = [(q.start, q.end) for q in qt.parts]
    return Quote(
        " ".join(q.text for q in qt.parts), parts[0][0], parts[-1][1], qt.speaker, parts
    )


# page metadata (HTML/WARC inputs) carried into the output: record meta key -> output field
_META_FIELDS = (
    ("url", "url"),
    ("canonical_url", "canonical_url"),
    ("date", "published"),
    ("author", "author"),
    ("sitename", "site_name"),
)


def _enrich(art: Article) -> None:
    """Language and quotations, read from the applied article text."""
    text = art.text
    lang, spans = detect_language(text)
    art.language = lang
    if spans:
        art.extra["paragraph_languages"] = [
            {"start": s, "end": e, "language": lg} for s, e, lg in spans
        ]
    art.quotes = [_one_quote(text, q) for q in find_quotations(text, lang)]


def clean_text(
    text: str,
    id: str = "text",
    source: str = "<text>",
    *,
    enrich: bool = True,
    repair_encoding: bool = False,
) -> Article:
    """Clean one record given as a string (header line optional)."""
    rec = Record(id=id, text=text, source=source)
    return clean_record(rec, enrich=enrich, repair_encoding=repair_encoding)


class PageError(ValueError):
    """A page that cannot be read as one (binary content, no text at all, not HTML)."""


def clean_html(
    html: bytes | str,
    url: str | None = None,
    *,
    id: str | None = None,
    source: str = "<html>",
    enrich: bool = True,
    repair_encoding: bool = False,
    fast: bool = False,
    http_status: int | None = None,
    fetched: str | None = None,
    http_charset: str | None = None,
) -> Article:
    """Clean one web page: extract its main text (trafilatura, checked against resiliparse;
    resiliparse alone with fast=True), then clean it like any record.  Title, date, site name,
    author and canonical URL come from the page.  bytes are decoded by the page's own charset
    (or http_charset, or detection); str is taken as already decoded.  Raises PageError for a
    page that cannot be read as one.  id defaults to the URL, else "html"."""
    from .extract import html_record

    rid = id if id is not None else (url or "html")
    rec = html_record(
        html,
        id=rid,
        source=source,
        url=url,
        http_status=http_status,
        fetched=fetched,
        http_charset=http_charset,
        fast=fast,
    )
    if not isinstance(rec, Record):
        raise PageError(rec.error)
    return clean_record(rec, enrich=enrich, repair_encoding=repair_encoding)


def clean_records(
    records: Iterable[Record], *, enrich: bool = True, repair_encoding: bool = False
) -> Iterator[Article]:
    """Clean an iterable of Records lazily, in order."""
    for rec in records:
        yield clean_record(rec, enrich=enrich, repair_encoding=repair_encoding)
