"""Syndication tags and datelines at the start of the first paragraph.

`(MENAFN) `, `(Reuters) - `, `WASHINGTON (AP) — `, `LONDON, May 3 (Reuters) - `,
`BERLIN (dpa) - `, `(CNN)The …`, `MADRID (EFE).- `, `OTTAWA — (The Canadian Press) `: the
agency becomes `publisher`; the tag is removed and the paragraph kept.  A wire that names its
source (`(MENAFN- Jordan News Agency) `) gives the wire.
"""

from __future__ import annotations

import re

from ..model import Span
from ..text_view import TextView

_AGENCY = r"[A-Za-z][A-Za-z0-9&.\-]{0,14}(?:\s[A-Z][A-Za-z0-9&.\-]{0,14}){0,2}"
_PLACE = r"[A-ZÀ-Þ][A-ZÀ-Þ.'\-]+(?:[\s\-][A-ZÀ-Þ][A-ZÀ-Þ.'\-]+){0,3}"
_DATE = r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)?"
# a state or country after the city: "NAIROBI, Kenya", "SAN JOSE, Calif."
_REGION = r"(?:,\s*[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?)?"
# after the bracket: a dash, a colon, a space, a full stop (".-" in Spanish wires, ". " in
# Russian ones), or nothing before a capital ("(CNN)The …")
_DASH = r"(?:\s*[-\u2013\u2014\u2012\u2015]+\s*|\s*:\s*|\s+|\.-?\s+|(?=[A-Z\"“‘]))"

_TAG = re.compile(
    rf"^(?:((?:{_PLACE}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}){_REGION}{_DATE})\s*"
    rf"(?:[\u2013\u2014]\s*)?)?\(({_AGENCY})(?:-\s+[^()]{{1,60}})?\){_DASH}(?=\S)"
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
            agency = m.group(2).strip()
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
    sep = line[line.index(")", m.start(2)) + 1 : m.end()].strip()
    caps = m.group(2).replace(" ", "").replace("&", "").isupper()
    dashed = m.group(1) is not None and any(d in line[m.end(1) : m.start(2)] for d in "\u2013\u2014")
    if (not sep or sep.startswith(".")) and not caps and not dashed:
        return None  # ("OTTAWA — (The Canadian Press) The …" is a dateline all the same)
    if sep.startswith(".") or not sep:
        # a full stop or nothing after the bracket: only an agency in capitals, under a
        # city in capitals if any ("… Association (APTA). We …" is a sentence)
        place = m.group(1)
        if place is not None and not place.split(",")[0].isupper():
            return None
    return m


def has_tag(line: str) -> bool:
    """Does the line open with an agency tag (the first paragraph of a syndicated story)?"""
    return _tag_match(line) is not None
