"""HTML page -> Record: main text (trafilatura + our repairs) and page metadata.

The record text is the title on the first line (the record cleaner treats the first line before
the body as the title), then the body: paragraphs, headings and list items one per line.  The
record cleaner then runs the same detectors on it as on crawl text (banners, repeats, ...).

Bounded work on hostile input: the page is capped at `decode.MAX_HTML_BYTES` before parsing;
lxml parses without network access, without entity loading and without `huge_tree` (libxml2's
depth and size limits stay on); a page that still breaks the extractor (deep recursion, odd
trees) becomes a BadRecord naming the cause, never an exception out of the reader.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement, HTMLParser

from ..detect.credits import MAX_WORDS, MONTH
from ..model import BadRecord, Record
from .decode import NotHtml, decode_html
from .metadata import guess_date, page_metadata

# trafilatura and htmldate log every page they discard at WARNING: per-record noise for a CLI.
for _name in ("trafilatura", "htmldate", "readability", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_TOKEN = re.compile(r"\w+")
# Below this many words the main extractor is deemed to have missed the article and the
# second extractor (resiliparse) is asked for its main content.
MIN_BODY_WORDS = 40

_PARSER = HTMLParser(
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    default_doctype=False,
    no_network=True,
    huge_tree=False,
    encoding="utf-8",
)


class ExtractError(ValueError):
    """A page that cannot be turned into text (with the reason)."""


@dataclass(slots=True)
class Extraction:
    title: str | None
    body: list[str]
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Record text: title line first, then one paragraph per line."""
        lines = ([self.title] if self.title else []) + self.body
        return "\n".join(lines)


def parse_html(text: str) -> HtmlElement:
    """Parse page text with the hardened parser; raises ExtractError if nothing usable."""
    try:
        root = etree.fromstring(text.encode("utf-8", "replace"), _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise ExtractError(f"unparseable HTML: {e}") from e
    if root is None or not isinstance(root, HtmlElement):
        raise ExtractError("unparseable HTML: empty document")
    return root


def clean_lines(text: str | None) -> list[str]:
    """Split extractor output into stripped, whitespace-collapsed, non-empty lines."""
    # str.split() splits on every Unicode space (NBSP, thin spaces, ...) and drops the ends
    return [" ".join(parts) for ln in (text or "").split("\n") if (parts := ln.split())]


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s.lower())


def drop_title_lines(body: list[str], title: str | None) -> list[str]:
    """Remove copies of the headline at the top of the body (the title line already holds it)."""
    if not title or not body:
        return body
    t = _tokens(title)
    if not t:
        return body
    i = 0
    while i < min(len(body), 3) and _tokens(body[i]) == t:
        i += 1
    return body[i:]


# A copy of the headline this far down the body, under nothing but labels of at most
# CRUMB_WORDS words, ends the page's head (cut_head_crumbs).
CRUMB_LINES = 6
CRUMB_WORDS = 4


def cut_head_crumbs(body: list[str], title: str | None) -> list[str]:
    """Cut a copy of the headline at the top of the body with the short lines over it: a
    breadcrumb trail ("- News", "- Lifestyle"), a section label, a "Back to blog" link.  The
    copies drop_title_lines takes stand first; these stand under labels.  A line of more words
    over the copy (a standfirst, a sentence) leaves the head as it is."""
    t = _tokens(title) if title else []
    if not t:
        return body
    for i, ln in enumerate(body[:CRUMB_LINES]):
        toks = _tokens(ln)
        if i > 0 and toks == t:
            return body[i + 1 :]
        if len(toks) > CRUMB_WORDS:
            break
    return body


def cut_before_title(lines: list[str], title: str | None) -> list[str]:
    """Whole-page text dumps start with menus; the article starts after the headline."""
    if not title:
        return lines
    t = _tokens(title)
    lo, hi = len(title) // 2, 2 * len(title) + 10  # cheap length gate before tokenising
    for i, ln in enumerate(lines[:200]):
        if lo <= len(ln) <= hi and _tokens(ln) == t:
            return lines[i + 1 :]
    return lines


def _word_count(lines: list[str]) -> int:
    return sum(len(_TOKEN.findall(ln)) for ln in lines)


def trafilatura_body(tree: HtmlElement, url: str | None, precision: bool = False) -> list[str]:
    """trafilatura's main text of the parsed page (bare_extraction copies the tree, so the
    same tree serves several calls).  precision=True: its strict mode, without the external
    extractors' comparison (fast)."""
    from trafilatura.core import bare_extraction

    if precision:
        doc = bare_extraction(
            tree,
            url=url,
            with_metadata=False,
            favor_precision=True,
            fast=True,
            include_comments=False,
        )
        return clean_lines(_text_of(doc))

    # Recall mode: as good as the default on AEB + WCXB (-0.1 / +0.1 F1) and ~35% cheaper (it
    # skips most of the external-extractor comparison); its extra tail is trimmed below.
    # include_comments=False: comment sections are pruned from the raw tree up front instead of
    # being extracted apart (~9% cheaper; fewer comment-like blocks left in the body).
    doc = bare_extraction(
        tree, url=url, with_metadata=False, favor_recall=True, include_comments=False
    )
    return clean_lines(_text_of(doc))


def _text_of(doc: Any) -> str:
    """bare_extraction's text: a Document (as asked here), a dict (as_dict=True), or None."""
    if doc is None:
        return ""
    text = doc.get("text") if isinstance(doc, dict) else doc.text
    return text or ""


def _shingle_set(line: str) -> set[tuple[str, ...]]:
    """4-gram token shingles of a line (one shorter shingle for 1-3 tokens)."""
    toks = _TOKEN.findall(line)
    if len(toks) < 4:
        return {tuple(toks)} if toks else set()
    return set(zip(toks, toks[1:], toks[2:], toks[3:], strict=False))


def _shingles_of(lines: list[str]) -> set[tuple[str, ...]]:
    ref: set[tuple[str, ...]] = set()
    for ln in lines:
        ref |= _shingle_set(ln)
    return ref


class Opinion:
    """Another extractor's lines with their word count and shingles, each computed once (a
    page's checks all ask the same second opinion)."""

    __slots__ = ("lines", "_words", "_ref")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._words: int | None = None
        self._ref: set[tuple[str, ...]] | None = None

    @property
    def words(self) -> int:
        if self._words is None:
            self._words = _word_count(self.lines)
        return self._words

    @property
    def ref(self) -> set[tuple[str, ...]]:
        if self._ref is None:
            self._ref = _shingles_of(self.lines)
        return self._ref


def _opinion(other: list[str] | Opinion) -> Opinion:
    return other if isinstance(other, Opinion) else Opinion(other)


# The second opinion must hold at least this share of the first one's words to be trusted.
MIN_CONFIRM_SHARE = 0.5


def _confirmed(line: str, ref: set[tuple[str, ...]]) -> bool:
    """Most of the line's shingles are in the other extractor's text."""
    sh = _shingle_set(line)
    return bool(sh) and len(sh & ref) >= 0.5 * len(sh)


def trim_unconfirmed_tail(
    body: list[str], other: list[str] | Opinion, body_words: int | None = None
) -> list[str]:
    """Cut the lines after the last one a second extractor also kept (most of its 4-gram
    shingles found there): two different algorithms rarely agree on a page's trailing
    furniture (teasers of other articles, newsletter boxes, author blurbs).  Nothing is cut
    when the second opinion is much shorter (it missed the article) or confirms no line."""
    op = _opinion(other)
    wb = _word_count(body) if body_words is None else body_words
    if not body or op.words < MIN_CONFIRM_SHARE * wb:
        return body
    for i in range(len(body) - 1, -1, -1):
        if _confirmed(body[i], op.ref):
            return body[: i + 1]
    return body


def trim_unconfirmed_head(body: list[str], other: list[str] | Opinion) -> list[str]:
    """Cut the lines before the first one a second extractor also kept (the head-end twin of
    trim_unconfirmed_tail): standfirsts, datelines, photo credits, teaser boxes."""
    op = _opinion(other)
    if not body or op.words < MIN_CONFIRM_SHARE * _word_count(body):
        return body
    for i, ln in enumerate(body):
        if _confirmed(ln, op.ref):
            return body[i:]
    return body


# A heading: this many words, and no sentence end.
HEADING_WORDS = (2, 12)
# Put headings back only when at least this many are missing: an extractor that misreads a
# layout's headings drops every section's; a lone line it left out is as often a caption or a
# button as a heading.
MISSING_HEADINGS = 3


def _key(line: str) -> tuple[str, ...]:
    return tuple(_tokens(line))


def _heading_shaped(line: str) -> bool:
    from ..resolve import _ends_sentence, named_text

    n = len(_TOKEN.findall(line))
    return (
        HEADING_WORDS[0] <= n <= HEADING_WORDS[1]
        and not _ends_sentence(line)
        and named_text(line) is None  # ("Advertisement", "Read more", "Share this")
    )


def restore_headings(body: list[str], other: list[str] | Opinion) -> list[str]:
    """Put back section headings the main extractor dropped: trafilatura loses an article's
    headings on some layouts (every section's at once) while keeping the paragraphs under
    them.  A line the second extractor has alone between two lines of ours that follow each
    other, shaped as a heading (a few words, no sentence end, no furniture's wording), goes
    back between them -- when at least MISSING_HEADINGS such lines are missing."""
    lines = _opinion(other).lines
    if len(body) < 2 or len(lines) < 3:
        return body
    at: dict[tuple[str, ...], int] = {}
    for i, ln in enumerate(body):
        k = _key(ln)
        if k:
            at.setdefault(k, i)
    found: dict[int, str] = {}  # body index -> the heading to put after it
    last: tuple[int, int] | None = None  # (index in `lines`, index in `body`) of the last match
    for j, ln in enumerate(lines):
        b = at.get(_key(ln))
        if b is None:
            continue
        if last is not None and b == last[1] + 1 and j == last[0] + 2:
            gap = lines[j - 1]
            if _heading_shaped(gap):
                found[last[1]] = gap
        last = (j, b)
    if len(found) < MISSING_HEADINGS:
        return body
    out: list[str] = []
    for i, ln in enumerate(body):
        out.append(ln)
        if i in found:
            out.append(found[i])
    return out


# A head line that no other extractor keeps is cut only up to this many words: longer lines are
# a lead paragraph an extractor missed as often as a standfirst the gold leaves out.
MAX_HEAD_CUT_WORDS = 40
_LIST_MARKS = ("- ", "* ", "\u2022 ")


def readability_body(tree: HtmlElement) -> list[str]:
    """The blocks (paragraphs, headings, list items, ...) that readability -- trafilatura's
    port of it, a third algorithm scoring nodes by text and link density -- keeps as the
    article; [] when it cannot score the page.  It edits the tree it reads, hence the copy."""
    from copy import deepcopy

    from trafilatura.readability_lxml import Document

    try:
        summary = Document(deepcopy(tree), min_text_length=25).summary()
        root = etree.fromstring(summary.encode("utf-8", "replace"), _PARSER)
    except Exception:  # readability raises on pages it cannot score
        return []
    if root is None:
        return []
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//pre|//blockquote|//td")
    if not blocks:
        return clean_lines(root.text_content())
    return [" ".join(t.split()) for b in blocks if (t := b.text_content()).strip()]


def confirm_ends(body: list[str], others: list[Opinion], body_words: int) -> list[str]:
    """Cut the tail after the last line, and the head before the first, that any of the
    other extractors also kept (trafilatura's strict mode, readability): the trailing author
    blurbs, newsletter boxes and teaser lists and the leading dates, bylines and repeated
    headlines the recall pass keeps are what other algorithms leave out.  Opinions holding
    less than half the body's words are not asked (they missed the article); a head line
    of more than MAX_HEAD_CUT_WORDS words or a list item stops the head cut."""
    ops = [o for o in others if o.words >= MIN_CONFIRM_SHARE * body_words]
    if not ops or not body:
        return body

    def kept(line: str) -> bool:
        return any(_confirmed(line, o.ref) for o in ops)

    for i in range(len(body) - 1, -1, -1):
        if kept(body[i]):
            body = body[: i + 1]
            break
    for i, ln in enumerate(body):
        if kept(ln):
            head = body[:i]
            if all(
                len(_TOKEN.findall(h)) <= MAX_HEAD_CUT_WORDS and not h.startswith(_LIST_MARKS)
                for h in head
            ):
                body = body[i:]
            break
    return body


# A rule line: one mark drawn three times or more ("* * *", "----------", "~~~~"), the break a
# page draws between its article and what the site appends to it (a call for readers' tips, a
# show's credits, a list of other posts).
_RULE_LINE = re.compile(r"^([^\w\s])(?:\s*\1){2,}$")
# What follows the rule is cut when it is at most this share of the body's words, in at least
# MIN_APPENDIX_LINES lines: a line or two under a rule is the article's own sign-off ("Staff
# writers contributed to this report."), and a long part after one is more of the story.
MAX_APPENDIX_SHARE = 0.25
MIN_APPENDIX_LINES = 3


def cut_ruled_appendix(body: list[str]) -> list[str]:
    """Cut the rule line near the end of the body and the appendix under it.  Only a lone
    rule, drawn after a line that ends a sentence: an article that breaks its sections with
    rules draws several, and a rule under a line of code or a table row is part of them."""
    from ..resolve import _ends_sentence

    at = [i for i, ln in enumerate(body) if _RULE_LINE.match(ln)]
    if len(at) != 1 or at[0] == 0 or not _ends_sentence(body[at[0] - 1]):
        return body
    i = at[0]
    if len(body) - i - 1 < MIN_APPENDIX_LINES:
        return body
    words = _word_count(body)
    if _word_count(body[i + 1 :]) > MAX_APPENDIX_SHARE * words:
        return body
    return body[:i]


# The credits a page prints over its article are looked for among this many lines at the head
# of the body, above the first line longer than a credit (detect.credits.MAX_WORDS): under a
# paragraph, a date line may head a timeline's entry.
HEAD_CREDIT_LINES = 8
# A date line as pages print it over an article: a full date after a label of a word or two
# ("Published on:", "Last updated"), then at most DATED_REST words (a time, a reading time, an
# update's date: "Jun 8, 2023 • 11 min read", "20 Dec 2025, 11:59").
_DATED = re.compile(
    rf"^(?:[A-Za-z]+:?\s+){{0,2}}(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})\b"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
DATED_REST = 4


def _dated(text: str) -> bool:
    """A date line: a date, with a label over it and a few words after, and no sentence
    ("December 7, 1941: A Date That Lives On" goes on past its date)."""
    m = _DATED.match(text)
    if m is None:
        return False
    rest = _CLOCK.sub("", text[m.end() :])
    return ":" not in rest and len(rest.split()) <= DATED_REST and not rest.rstrip().endswith(
        (".", "!", "?")
    )


def _head_credit(text: str) -> bool:
    from ..detect.credits import is_credit

    # (not a "Label: a, b" line: over the article that is as often the article's own data)
    return _dated(text) or (is_credit(text) and ":" not in text)


def drop_head_credits(body: list[str]) -> list[str]:
    """Drop the date lines, dated bylines and pagers among the short lines over the first
    paragraph ("May 2, 2025", "- Sep 26, 2022", "Published on: 3 Dec 2025", "2 days ago"):
    the page's credits, printed over the article as under it (detect.credits, which the
    record cleaner applies only under the body).  A bare "By Ana Ruiz" stays, as it does
    there."""
    k = 0
    for ln in body[:HEAD_CREDIT_LINES]:
        if len(ln.split()) > MAX_WORDS:
            break
        k += 1
    head = [ln for ln in body[:k] if not _head_credit(_unmarked(ln))]
    return body if len(head) == k else head + body[k:]


def _unmarked(line: str) -> str:
    """A list item's text without its mark ("- Sep 26, 2022" -> "Sep 26, 2022")."""
    return line[2:] if line.startswith(_LIST_MARKS) else line


def _ends_confirmed(body: list[str], op: Opinion, body_words: int) -> bool:
    """Whether confirm_ends would keep both end lines on this opinion alone."""
    return (
        op.words >= MIN_CONFIRM_SHARE * body_words
        and _confirmed(body[0], op.ref)
        and _confirmed(body[-1], op.ref)
    )


def _strict_body(tree: HtmlElement, url: str | None) -> list[str]:
    try:
        return trafilatura_body(tree, url, precision=True)
    except RecursionError:
        return []


def resiliparse_body(html: str) -> list[str]:
    """resiliparse's main content without comment sections: a comment thread is long prose
    that would otherwise pass for more of the article (see holds_more)."""
    from .fast import resiliparse_text

    return clean_lines(resiliparse_text(html, comments=False))


# The second opinion replaces the body when it holds this many times its words and most of it.
MORE_FACTOR = 2
MIN_HELD_SHARE = 0.5


def holds_more(body: list[str], alt: list[str], body_words: int | None = None) -> bool:
    """Whether `alt` is the same article and much more of it: trafilatura sometimes stops at
    the first of several sibling blocks an article is split into (chunked layouts, a lead box
    before the body); a second extractor that keeps the whole article contains our text."""
    wb = _word_count(body) if body_words is None else body_words
    if _word_count(alt) <= MORE_FACTOR * wb:
        return False
    sb = _shingles_of(body)
    return bool(sb) and len(sb & _shingles_of(alt)) >= MIN_HELD_SHARE * len(sb)


def extract_page(
    data: bytes | str,
    url: str | None = None,
    http_charset: str | None = None,
) -> Extraction:
    """Main text and metadata of one page (default mode).  Raises ExtractError / NotHtml.

    One lxml parse serves the metadata and trafilatura (recall mode); resiliparse, a different
    algorithm, gives a second opinion that (1) replaces the body when trafilatura found little
    or only the first block of an article it holds twice over, else (2) cuts the body's tail
    after the last line it confirms; (3) when it does not confirm the first line, trafilatura's
    precision mode on the same tree settles both ends; (4) section headings it holds between
    two of our lines go back in (restore_headings); (5) the ends neither trafilatura's strict
    mode nor readability keeps are cut (confirm_ends).  Whichever extractor gave the body, (6)
    an appendix under a lone rule line at its end, a headline copy under labels at its top and
    the credits over its first paragraph go (cut_ruled_appendix, cut_head_crumbs,
    drop_head_credits)."""
    meta: dict[str, Any] = {}
    if isinstance(data, bytes):
        html, charset, truncated = decode_html(data, http_charset)
        meta["charset"] = charset
    else:
        html, truncated = data, False
        meta["charset"] = None
    if truncated:
        meta["truncated"] = True
    tree = parse_html(html)
    try:
        pm = page_metadata(tree, url)
        if not pm["date"]:
            pm["date"] = guess_date(tree, url)
        body = trafilatura_body(tree, url)
    except RecursionError as e:
        raise ExtractError("markup nested too deeply to extract") from e
    title = pm["title"]
    body = drop_title_lines(body, title)
    # second opinion: a different algorithm (lexbor DOM, C++)
    other = Opinion(resiliparse_body(html))
    wb = _word_count(body)
    alt = None
    if wb < MIN_BODY_WORDS or other.words > MORE_FACTOR * wb:
        alt = drop_title_lines(cut_before_title(other.lines, title), title)
    if alt is not None and (
        _word_count(alt) > max(2 * wb, MIN_BODY_WORDS)
        if wb < MIN_BODY_WORDS
        else holds_more(body, alt, wb)
    ):
        body = alt
        meta["extractor"] = "resiliparse"
    elif wb >= MIN_BODY_WORDS:
        body = trim_unconfirmed_tail(body, other, wb)
        strict: list[str] | None = None
        # The recall pass's first line is one resiliparse did not keep: ask trafilatura's strict
        # mode and keep the lines between the first and last it confirms.
        if body and not _confirmed(body[0], other.ref):
            strict = _strict_body(tree, url)
            body = trim_unconfirmed_tail(trim_unconfirmed_head(body, strict), strict)
        body = restore_headings(body, other)
        # Ends that resiliparse kept too but neither the strict mode nor readability did.
        # Readability (cheaper) first: when it confirms both end lines nothing is cut, and the
        # strict pass is not needed (about half of the pages).
        wb = _word_count(body)
        thirds = [Opinion(drop_title_lines(readability_body(tree), title))]
        if strict is None and body and not _ends_confirmed(body, thirds[0], wb):
            strict = _strict_body(tree, url)
        if strict is not None:
            thirds.append(Opinion(drop_title_lines(strict, title)))
        body = confirm_ends(body, thirds, wb)
    body = drop_head_credits(cut_head_crumbs(cut_ruled_appendix(body), title))
    meta.update(pm)
    return Extraction(title, body, meta)


def html_record(
    data: bytes | str,
    *,
    id: str,
    source: str,
    url: str | None = None,
    http_status: int | None = None,
    fetched: str | None = None,
    content_type: str | None = None,
    http_charset: str | None = None,
    fast: bool = False,
    extra: dict[str, Any] | None = None,
) -> Record | BadRecord:
    """One page as a Record (text = title line + main text, meta = page and fetch metadata),
    or a BadRecord saying why it could not be read.  Never raises on bad page content."""
    raw = data if isinstance(data, bytes) else b""
    try:
        if fast:
            from .fast import extract_page_fast

            ex = extract_page_fast(data, url, http_charset)
        else:
            ex = extract_page(data, url, http_charset)
    except (ExtractError, NotHtml) as e:
        return BadRecord(source, f"{source}: {e}", raw[:65536], id)
    except (RecursionError, MemoryError, etree.LxmlError) as e:
        return BadRecord(source, f"{source}: cannot extract: {type(e).__name__}", raw[:65536], id)
    meta: dict[str, Any] = {
        "url": url,
        "http_status": http_status,
        "fetched": fetched,
        "content_type": content_type,
        **ex.meta,
    }
    # The extractor knows which line is the headline; a cleaner may use this instead of guessing.
    meta["title_line"] = 0 if ex.title and ex.body else None
    if extra:
        meta.update(extra)
    return Record(id=id, text=ex.text, source=source, meta=meta)
