"""Markdown syntax in kept lines of a record that is markdown (html2text and similar dumps).

A page converted to markdown keeps its links as `[words](target)`, its images as
`![alt](src)`, its headings as `## …`, emphasis as `**…**` or `_…_` and escapes as `1\\.`.
The reader sees only the words: the targets, the image embeds and the marks go, each as its
own span (reason `markup`), so the record is restored byte for byte.  Only in a record that
is markdown -- several links or headings written so -- since brackets, stars and underscores
mean other things in plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from ..model import Span
from ..text_view import Line

# an image inside a link first ("[![alt](src)](href)"), then images, then links; a target
# may hold one level of brackets (Wikipedia's "(disambiguation)")
_TARGET: Final = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)"
_LINKED_IMAGE: Final = re.compile(rf"\[!\[[^\[\]\n]*\]{_TARGET}\]{_TARGET}")
_LINK: Final = re.compile(rf"(!?)\[([^\[\]\n]*)\]({_TARGET})")
_IMAGE_ONLY: Final = re.compile(rf"(?:\[!\[[^\[\]\n]*\]{_TARGET}\]{_TARGET}|!\[[^\[\]\n]*\]{_TARGET})")


def image_only(text: str) -> bool:
    """The line is a markdown image (linked or not) and nothing else: a picture, whose alt
    text describes it ("Logo - Go to homepage") and says nothing to the reader."""
    return text.startswith(("![", "[![")) and _IMAGE_ONLY.fullmatch(text) is not None
_HEADING: Final = re.compile(r"#{1,6}[ \t]+")
# emphasis: doubled marks anywhere, a single underscore at a word's edge (not snake_case)
_EMPHASIS: Final = re.compile(r"\*\*+|__+|(?<![\w\\])_(?=[\w\[*])|(?<=[\w\].*!?,;:)])_(?!\w)")
_ESCAPE: Final = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])")
_SHOWN: Final = re.compile(r"\[[^\[\]\n]*\]\(|^#{1,6}[ \t]", re.M)

MIN_MARKS: Final = 3  # links or headings written in markdown: a record with fewer is plain text


def is_markdown(text: str) -> bool:
    # (most records: no link written so, no search; a markdown dump always has links.  The
    # one-character test first: a memchr scan, a fraction of the two-character search's cost,
    # and most records hold no "]" at all)
    if "]" not in text or "](" not in text:
        return False
    n = 0
    for _ in _SHOWN.finditer(text):
        n += 1
        if n >= MIN_MARKS:
            return True
    return False


def detect(lines: Iterable[Line]) -> list[Span]:
    """Spans of markdown syntax in the given (kept) lines of a markdown record."""
    out: list[Span] = []
    for ln in lines:
        text = ln.text
        if not any(c in text for c in "[]#*_\\"):
            continue
        base = ln.cstart
        taken: list[tuple[int, int, str]] = []
        h = _HEADING.match(text)
        if h:
            taken.append((0, h.end(), "markdown_heading"))
        for m in _LINKED_IMAGE.finditer(text):
            taken.append((m.start(), _swallow_space(text, m.start(), m.end()), "markdown_image"))
        for m in _LINK.finditer(text):
            if _inside(m.start(), taken):
                continue
            if m.group(1):  # an image: its alt text is no part of the article
                taken.append((m.start(), _swallow_space(text, m.start(), m.end()), "markdown_image"))
            else:
                taken.append((m.start(), m.start() + 1, "markdown_link"))
                taken.append((m.end(2), m.end(), "markdown_link"))
        for rx, rule in ((_EMPHASIS, "markdown_emphasis"), (_ESCAPE, "markdown_escape")):
            for m in rx.finditer(text):
                if m.end() > m.start() and not _inside(m.start(), taken):
                    taken.append((m.start(), m.end(), rule))
        for s, e, rule in sorted(taken):
            out.append(Span(base + s, base + e, "markup", rule))
    return out


def _inside(pos: int, taken: list[tuple[int, int, str]]) -> bool:
    return any(s <= pos < e for s, e, _ in taken)


def _swallow_space(text: str, start: int, end: int) -> int:
    """An embed between two words takes one of the spaces around it along."""
    if end < len(text) and text[end] == " " and (start == 0 or text[start - 1] == " "):
        return end + 1
    return end


def clean_title(title: str) -> str:
    """A headline without its heading marks, emphasis and link syntax."""
    title = _HEADING.sub("", title, count=1) if title.startswith("#") else title
    title = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), title)
    return " ".join(_EMPHASIS.sub("", title).split())
