"""Syndication tags and datelines at the start of the first paragraph.

`(MENAFN) `, `(Reuters) - `, `WASHINGTON (AP) — `, `LONDON, May 3 (Reuters) - `,
`BERLIN (dpa) - `, `(CNN)The …`, `MADRID (EFE).- `, `OTTAWA — (The Canadian Press) `,
`PARIS, MAR 3 (ANSA) _ `: a bracketed agency-like name opening the paragraph, known by its
shape (no list of agencies), with any place and date before it and any separator after.  The
agency becomes `publisher`; the tag is removed and the paragraph kept.  A wire that names its
source (`(MENAFN- Jordan News Agency) `) gives the wire.

A place dateline without an agency (`DENVER -- The council …`, `BERLIN, Mar. 4 — Talks …`) is
the article's own first words: it stays in the text and is reported as `dateline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ..model import Span
from ..text_view import TextView

_AGENCY: Final = r"[A-Za-z][A-Za-z0-9&.\-]{0,14}(?:\s[A-Z][A-Za-z0-9&.\-]{0,14}){0,2}"
# Each word taken whole (possessive): "-" both joins a word and separates two, and a long
# hyphenated capital run ("AB-CD-EF-…") was tried every way (seconds for 300 characters).
_PLACE: Final = r"[A-ZÀ-Þ][A-ZÀ-Þ.'\-]++(?:[\s\-][A-ZÀ-Þ][A-ZÀ-Þ.'\-]++){0,3}"
# a month in any case, abbreviated or not ("May 3", "MAR 3", "Sept. 12", "4 mars"), the day
# maybe with its stop before the month ("3. März", "7. svibnja")
_DATE: Final = r"(?:,\s*(?:[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zÀ-ÿ]{3,9}\.?)(?:,?\s*\d{4})?)?"
# a state or country after the city: "NAIROBI, Kenya", "SAN JOSE, Calif."
_REGION: Final = r"(?:,\s*[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?)?"
# after the bracket: a dash or underscores (typewriter wires: "(AFP) _ "), a bar or a bullet
# (a site's own separator), a colon, a space, a full stop (".-" in Spanish wires, ". " in
# Russian ones), or nothing before a capital ("(CNN)The …")
_DASH: Final = r"(?:\s*[-_\u2013\u2014\u2012\u2015|•]+\s*|\s*:\s*|\s+|\.-?\s+|(?=[A-Z\"“‘]))"

_TAG: Final = re.compile(
    rf"^(?:((?:{_PLACE}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}){_REGION}{_DATE})\s*"
    rf"(?:[\u2013\u2014]\s*)?)?\(({_AGENCY})(?:-\s+[^()]{{1,60}})?\){_DASH}(?=\S)"
)
# "WASHINGTON — ", "PARIS, May 3 -- " without an agency: a dateline, no publisher
_PLACE_ONLY: Final = re.compile(
    rf"^({_PLACE}){_REGION}{_DATE}\s*[\u2013\u2014]\s*(?=[A-Z\"“‘'])"
    rf"|^({_PLACE}){_REGION}{_DATE}\s+--?\s+(?=[A-Z])"
)


@dataclass(slots=True, frozen=True)
class Dateline:
    publisher: str | None  # the agency of a syndication tag
    span: Span | None  # the tag, to remove (None for a place dateline, which stays)
    place: str | None  # the dateline's place (and date): "WASHINGTON", "BERLIN, Mar. 4"
    # kept lines over a tagged first paragraph that was found past them (a menu's labels
    # left above the story): the story starts at its tag, so they are not the article's
    above: tuple[int, ...] = ()


# A tagged paragraph is looked for past the first kept line, through short lines only
REACH: Final = 10  # ... this many at most
SHORT: Final = 20  # ... of at most this many words, and no sentence (labels, a menu, teasers' headlines)
PROSE: Final = 15  # ... and there it must be a paragraph of this many words at least


def detect(view: TextView, marks: dict[int, tuple[str, str]]) -> Dateline | None:
    """Find a tag or a dateline on the first kept paragraph (a tag also on a paragraph under
    a few short kept lines: the labels of a menu the rules left above a wire story)."""
    above: list[int] = []
    for ln in view.lines[view.body_start :]:
        if ln.blank or ln.index in marks:
            continue
        m = _tag_match(ln.text)
        if m and (not above or ln.words >= PROSE):
            agency = m.group(2).strip()
            place = m.group(1).strip(" ,\u2013\u2014") if m.group(1) else None
            span = Span(ln.cstart, ln.cstart + m.end(), "dateline", "syndication_tag")
            return Dateline(agency, span, place or None, tuple(above))
        if not above:
            m = _PLACE_ONLY.match(ln.text)
            if m:
                place = ln.text[: m.end()].rstrip(" -\u2013\u2014")
                return Dateline(None, None, place)
        if ln.words > SHORT or ln.text.rstrip()[-1:] in ".!?" or len(above) >= REACH:
            return None
        above.append(ln.index)
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
    caps = m.group(2).replace(" ", "").replace("&", "").replace("-", "").isupper()
    place = m.group(1)
    dashed = place is not None and any(d in line[m.end(1) : m.start(2)] for d in "\u2013\u2014")
    if sep and not sep.startswith(".") or sep.startswith(".-") or dashed:
        return m  # a separator after the bracket (or a dash before it) makes it a tag
    # A full stop or nothing after the bracket, then a capital: "(MENAFN) NATO…", "MOSCOW,
    # March 1 (TASS). The…" are tags; "ML (Machine Learning) at…" and "… Association (APTA).
    # We …" are not.  An agency in capitals is a tag, with or without a place before it; a
    # capitalised name only under a place in capitals ("HARBOUR (Xyz) The …"), as wires write
    # their place (or date it).
    if place is None:
        return m if caps else None  # ("(MENAFN) eCommerce …": any word after it)
    rest = line[m.end() :]
    if not rest[:1].isupper() and rest[:1] not in "\"“‘":
        return None
    upper = place.split(",")[0].isupper()
    dated = any(ch.isdigit() for ch in place)
    if caps:
        return m if upper or dated else None
    return m if upper and not sep else None


def has_tag(line: str) -> bool:
    """Does the line open with an agency tag (the first paragraph of a syndicated story)?"""
    return _tag_match(line) is not None
