"""Syndication tags and datelines at the start of the first paragraph.

`(MENAFN) `, `(Reuters) - `, `WASHINGTON (AP) — `, `LONDON, May 3 (Reuters) - `,
`BERLIN (dpa) - `: the agency becomes `publisher`; the tag is removed and the paragraph kept.
"""

from __future__ import annotations

import re

from ..model import Span
from ..text_view import TextView

_AGENCY = r"[A-Za-z][A-Za-z0-9&.\-]{0,14}(?:\s[A-Z][A-Za-z0-9&.\-]{0,14}){0,2}"
_PLACE = r"[A-ZÀ-Þ][A-ZÀ-Þ.'\-]+(?:[\s\-][A-ZÀ-Þ][A-ZÀ-Þ.'\-]+){0,3}"
_DATE = r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)?"
_DASH = r"(?:\s*[-\u2013\u2014\u2012\u2015]+\s*|\s*:\s*|\s+)"

_TAG = re.compile(
    rf"^(?:(?:{_PLACE}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}){_DATE}\s*)?\(({_AGENCY})\){_DASH}(?=\S)"
)
# "WASHINGTON — ", "PARIS, May 3 -- " without an agency: a dateline, no publisher
_PLACE_ONLY = re.compile(rf"^({_PLACE}){_DATE}\s*[\u2013\u2014]\s*(?=[A-Z\"“‘'])|^({_PLACE}){_DATE}\s+--?\s+(?=[A-Z])")


def detect(view: TextView, marks: dict[int, tuple[str, str]]) -> tuple[str | None, Span] | None:
    """Find the tag on the first kept paragraph; return (publisher, span) or None."""
    for ln in view.lines[view.body_start :]:
        if ln.blank or ln.index in marks:
            continue
        m = _tag_match(ln.text)
        if m:
            agency = m.group(1).strip()
            return agency, Span(ln.cstart, ln.cstart + m.end(), "dateline", "syndication_tag")
        m = _PLACE_ONLY.match(ln.text)
        if m:
            return None, Span(ln.cstart, ln.cstart + m.end(), "dateline", "place_dateline")
        return None
    return None


def _tag_match(line: str) -> re.Match[str] | None:
    """An agency tag at the start of the line.  With no dash or colon after the bracket, only
    an all-capitals agency counts: "(MENAFN) NATO…" is a tag, "ML (Machine Learning) at…" is
    a headline."""
    if "(" not in line:  # the tag's bracket: most lines lack one, and need no match
        return None
    m = _TAG.match(line)
    if m is None:
        return None
    sep = line[line.index(")", m.start(1)) + 1 : m.end()]
    if not sep.strip() and not m.group(1).replace(" ", "").replace("&", "").isupper():
        return None
    return m


def has_tag(line: str) -> bool:
    """Does the line open with an agency tag (the first paragraph of a syndicated story)?"""
    return _tag_match(line) is not None
