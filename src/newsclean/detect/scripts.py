"""A page's script printed as text: inline JavaScript a crawler kept beside the article.

Ad, analytics and consent snippets sit in a page's markup between the article's paragraphs or
after its last one; a tool that takes the page's text without its `<script>` elements keeps
them whole lines, or glued onto the article's last sentence with no space ("…said on
Friday.(adsbygoogle = window.adsbygoogle || []).push({});").  Read by shape, not by a list of
snippets: a code line is dense in the marks of program text (brackets, semicolons, `=`, `|`),
holds almost no plain words, and calls on the page's own objects (the browser's `window` and
`document`, a tag or ad manager's global): an article's code example computes something of its
own.  An article about programming prints several lines of code: there none is taken
(`isolated`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from typing import Final

from ..text_view import Line

MIN_CHARS: Final = 12  # a code line has at least this many non-space characters
MIN_MARKS: Final = 4  # ... and this many of the marks of program text
MARK_SHARE: Final = 0.12  # ... which are this share of them at least
MAX_PLAIN: Final = 2  # ... with at most this many plain words (lower-case letters only)
MAX_CHARS: Final = 400  # a snippet left as text is no longer than this
CODE_LINES: Final = 3  # an article holding this many code-like lines prints its own code

_MARKS: Final = "(){}[];=<>|&$"
# The page's own scripting: the browser's objects and the tag, ad and consent managers' globals
# that page snippets call.  An article's code example computes something of its own; a page's
# snippet drives the page.
_PAGE_OBJECTS: Final = frozenset(
    """window document navigator location localstorage sessionstorage datalayer googletag
    adsbygoogle gtag fbq _gaq _paq ga __tcfapi __cmp __gpp jquery addeventlistener
    getelementbyid getelementsbytagname getelementsbyclassname queryselector
    queryselectorall createelement appendchild insertbefore innerhtml settimeout onload
    readystate domcontentloaded cmd pubads enableservices defineslot taboola _taboola
    outbrain obr twttr instgrm fb""".split()
)
_IDENT: Final = re.compile(r"[A-Za-z_$][\w$]*")
# a statement's shape: a call, a block or an assignment joined by code's own operators
_STATEMENT: Final = re.compile(r"\)\s*;|[{}]|=>|\|\||&&|\(\s*\)|\bfunction\b")
_PLAIN: Final = re.compile(r"(?<![\w.$(])[a-z]{3,}(?![\w.(])")
# where a glued snippet may start: a sentence's stop (maybe a closing quote or bracket), then
# at most a space
_STOP: Final = re.compile(r"[.!?][\"”’')\]]?\s?(?=[\w$(\[{])")


def maybe_code(text: str) -> bool:
    """A cheap first test (most lines with a bracket are prose, a semicolon too): a
    statement's marks."""
    return "(" in text and (");" in text or "{" in text or "=" in text)


def code_shaped(text: str) -> bool:
    """Is this text a page's script: program code (dense in code's marks, almost no plain
    words) that drives the page (its objects named)?"""
    text = text.strip()
    if not MIN_CHARS <= len(text) <= MAX_CHARS or "(" not in text:
        return False
    if _STATEMENT.search(text) is None:
        return False
    solid = len(text) - text.count(" ")
    marks = 0
    for c in _MARKS:
        marks += text.count(c)
    if marks < MIN_MARKS or marks < MARK_SHARE * solid or len(_PLAIN.findall(text)) > MAX_PLAIN:
        return False
    return any(w.lower() in _PAGE_OBJECTS for w in _IDENT.findall(text))


def code_like(text: str) -> bool:
    """Is this line program code of any kind (a statement, few plain words)?  What an article
    that prints its own code holds several of."""
    return (
        "(" in text and _STATEMENT.search(text) is not None
        and len(_PLAIN.findall(text)) <= MAX_PLAIN + 1
    )


def code_tail(text: str, min_before: int) -> int | None:
    """Where a snippet glued onto the end of a sentence starts in `text` (None: no snippet):
    the first stop after which all that is left is code, with a sentence of `min_before`
    words or more before it."""
    end = text.rstrip()[-1:]
    if end not in ";})" or len(text) < MIN_CHARS or not maybe_code(text[-MAX_CHARS:]):
        return None  # (a snippet ends a statement or a block)
    start = max(0, len(text) - MAX_CHARS - 3)
    for m in _STOP.finditer(text, start):
        rest = text[m.end() :]
        if len(rest) > MAX_CHARS:
            continue
        if not code_shaped(rest):
            if len(rest) < MIN_CHARS:
                return None
            continue
        before = text[: m.start() + 1]
        if len(before.split()) < min_before or code_shaped(before):
            return None
        return m.end() - len(m.group()) + len(m.group().rstrip())
    return None


def isolated(code: int, snippets: int) -> bool:
    """With `code` code-like lines in an article, `snippets` of them the page's, are these
    leftovers?  Not in an article that prints code of its own among several lines of code."""
    return code - snippets == 0 or code < CODE_LINES


def snippets(
    text: str, lines: list[Line], marks: Container[int], min_before: int
) -> list[tuple[Line, int]]:
    """The page's snippets among the kept `lines` of the record `text` (those not in `marks`):
    (line, where its snippet starts in the line's text: 0 for a whole line, else a glued
    tail's start); none when the article prints code of its own."""
    # (every snippet calls something: only the lines holding a "(" are read, found by one scan
    # of the record, as most lines hold none)
    cand: list[Line] = []
    at = text.find("(")
    k = 0
    n = len(lines)
    while at >= 0:
        while k < n and lines[k].end < at:
            k += 1
        if k == n:
            break
        ln = lines[k]
        if ln.index not in marks and maybe_code(ln.text):
            cand.append(ln)
        at = text.find("(", ln.end)
        k += 1
    if not cand:
        return []  # (most records)
    whole = [ln for ln in cand if code_shaped(ln.text)]
    taken = {ln.index for ln in whole}
    tails: list[tuple[Line, int]] = []
    for ln in cand:
        if ln.index not in taken:
            cut = code_tail(ln.text, min_before)
            if cut is not None:
                tails.append((ln, cut))
    if not whole and not tails:
        return []
    if not isolated(sum(1 for ln in cand if code_like(ln.text)), len(whole)):
        return []
    return [(ln, 0) for ln in whole] + tails
