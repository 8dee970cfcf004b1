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

# (Latin Extended-A and -B hold both cases mixed: "ČTK", "Łódź"; the case is read in code)
_AGENCY: Final = (
    r"[A-Za-zÀ-ÿĀ-ɏ][A-Za-zÀ-ÿĀ-ɏ0-9&.\-]{0,14}(?:\s[A-ZÀ-ÞĀ-ɏ][A-Za-zÀ-ÿĀ-ɏ0-9&.\-]{0,14}){0,2}"
)
# Each word taken whole (possessive): "-" both joins a word and separates two, and a long
# hyphenated capital run ("AB-CD-EF-…") was tried every way (seconds for 300 characters).
_PLACE: Final = r"[A-ZÀ-ÞĀ-ɏ][A-ZÀ-ÞĀ-ɏ.'\-]++(?:[\s\-][A-ZÀ-ÞĀ-ɏ][A-ZÀ-ÞĀ-ɏ.'\-]++){0,3}"
# a month in any case, abbreviated or not ("May 3", "MAR 3", "Sept. 12", "4 mars"), the day
# maybe with its stop before the month ("3. März", "7. svibnja") or an ordinal ("3rd March"),
# "3 de marzo (de 2025)", "el 3 de marzo", "le 3 mars", or all in figures ("03/03/2025")
# (after a comma, a slash or a space: "MADRID, Mar. 3", "Berlin/3. März", "ROME 3 mars"; or in
# ISO form, "2025-03-03"; or day and month alone, "3/3", "3.3.")
_DAY: Final = (
    r"(?:[A-Z][A-Za-z]{2,8}\.?\s+\d{1,2}"
    r"|(?:(?:el|le|il|am|den|on|the)\s+)?\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:[dD][eE]\s+)?[A-Za-zÀ-ÿĀ-ɏ]{3,9}\.?"
    r"|\d{1,2}(?:/\d{1,2}/|\.\d{1,2}\.|-\d{1,2}-)\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}(?![/\d])|\d{1,2}\.\d{1,2}\.(?!\d))(?:,?\s*(?:de\s+)?\d{4})?"
)
_DATE: Final = rf"(?:(?:,\s*|/\s*|\s+){_DAY})?"
# a place in title case, accents and abbreviations included ("São Paulo", "St. Louis")
# ("Rio de Janeiro", "Frankfurt am Main": a short joining word between two names)
_TITLED_PLACE: Final = (
    r"[A-ZÀ-ÞĀ-ɏ][a-zß-ÿĀ-ɏ]+\.?(?:\s(?:(?:de|do|da|del|di|la|le|el|am|an|on|upon|sur)\s)?"
    r"[A-ZÀ-ÞĀ-ɏ][a-zß-ÿĀ-ɏ]+\.?){0,2}"
)
# a state or country after the city: "NAIROBI, Kenya", "SAN JOSE, Calif.", "WASHINGTON, D.C."
_REGION: Final = r"(?:,\s*(?:[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?|[A-Z]\.[A-Z]\.))?"
# after the bracket: a dash or underscores (typewriter wires: "(AFP) _ "), a bar or a bullet
# (a site's own separator), a colon, a space, a full stop (".-" in Spanish wires, ". " in
# Russian ones), or nothing before a capital ("(CNN)The …")
_DASH: Final = r"(?:\s*[-_\u2013\u2014\u2012\u2015|•]+\s*|\s*:\s*|\s+|\.-?\s+|(?=[A-Z\"“‘]))"

# The agency in brackets, maybe with its source or its desk after it ("(MENAFN- Jordan News
# Agency)", "(AFP, Paris)", "(dpa/Berlin)"), or between slashes as press-release wires and
# Russian agencies write it ("/PRNewswire/ --", "/TASS/."); group 3 is the closing mark.
_TAG: Final = re.compile(
    rf"^(?:((?:{_PLACE}|{_TITLED_PLACE}){_REGION}{_DATE}|{_DAY})\.?\s*"
    rf"(?:[:\u2013\u2014]\s*)?)?(?:[(\[]({_AGENCY})(?:-\s+[^()\[\]]{{1,60}}|[,/]\s*[^()\[\]]{{1,30}})?([)\]])"
    rf"|/({_AGENCY})(/)\.?){_DASH}(?=\S)"
)
# "WASHINGTON — ", "PARIS, May 3 -- " without an agency: a dateline, no publisher
_PLACE_ONLY: Final = re.compile(
    rf"^({_PLACE}){_REGION}{_DATE}\s*[\u2013\u2014]\s*(?=[A-Z\"“‘'])"
    rf"|^({_PLACE}){_REGION}{_DATE}\s+--?\s+(?=[A-Z])"
)


# the same, where the agency's tag ends (no anchor: matched from that position)
_PLACE_AFTER: Final = re.compile(_PLACE_ONLY.pattern.replace("^", ""))


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
        if m and (not above or ln.words >= PROSE or _placed(m)):
            agency = _agency(m).strip()
            place = m.group(1).strip(" ,\u2013\u2014") if m.group(1) else None
            end = m.end()
            if place is None and (after := _PLACE_AFTER.match(ln.text, end)):
                # the agency first, its place and date after it ("(ANSA) - ROMA, 3 MAR - ")
                place = ln.text[end : after.end()].rstrip(" -\u2013\u2014")
                end = after.end()
            span = Span(ln.cstart, ln.cstart + end, "dateline", "syndication_tag")
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


def _agency(m: re.Match[str]) -> str:
    """The agency's name, in brackets or between slashes."""
    name = m.group(2)
    return name if name is not None else m.group(4)


def _closed(m: re.Match[str]) -> int:
    """Where the agency's closing bracket or slash ends."""
    return m.end(3) if m.group(3) is not None else m.end(5)


def _placed(m: re.Match[str]) -> bool:
    """A tag with its place in capitals and a dash after the bracket ("LAGOS (NAN) -- "): the
    wire's own opening, whatever the length of the line it opens."""
    place = m.group(1)
    if not place or not place.split(",")[0].isupper():
        return False
    sep = m.string[_closed(m) : m.end()].strip()
    return sep[:1] in ("-", "_", "\u2013", "\u2014")


# the separators that make a square-bracketed name with nothing before it a wire's tag
_SQUARE_SEPS: Final = frozenset("-_|•:\u2013\u2014")
# ... unless the name is one of the labels sites put in brackets over a story
_PAGE_LABELS: Final = frozenset(
    """video videos photo photos pictures gallery audio podcast live update updated updates
    breaking exclusive opinion analysis watch listen read sponsored advertisement ad ads new
    editorial review interview explainer""".split()
)


def _tag_match(line: str) -> re.Match[str] | None:
    """An agency tag at the start of the line.  With no dash or colon after the bracket, only
    an all-capitals agency counts: "(MENAFN) NATO…" is a tag, "ML (Machine Learning) at…" is
    a headline."""
    if "(" not in line and "/" not in line and "[" not in line:  # most lines lack all three
        return None
    m = _TAG.match(line)
    if m is None:
        return None
    if m.group(3) is not None and (line[m.start(2) - 1] == "[") != (m.group(3) == "]"):
        return None  # brackets of two kinds
    sep = line[_closed(m) : m.end()].strip()
    if m.group(3) == "]" and m.group(1) is None and (
        sep[:1] not in _SQUARE_SEPS or _agency(m).casefold() in _PAGE_LABELS
    ):
        # "[VIDEO] …", "[UPDATE] …": a site's label; a wire's square tag has its place, its
        # date or a dash after it ("[ABC] – ")
        return None
    caps = _agency(m).replace(" ", "").replace("&", "").replace("-", "").isupper()
    place = m.group(1)
    # a dash or a colon between the place and the bracket ("PARIS — (AFP)", "Dubai: (WAM)")
    opens = m.start(2) if m.group(2) is not None else m.start(4)
    dashed = place is not None and any(d in line[m.end(1) : opens] for d in "\u2013\u2014:")
    if sep and not sep.startswith(".") or sep.startswith(".-") or dashed:
        return m  # a separator after the bracket (or a dash before it) makes it a tag
    # A full stop or nothing after the bracket, then a capital: "(MENAFN) NATO…", "MOSCOW,
    # March 1 (TASS). The…" are tags; "ML (Machine Learning) at…" and "… Association (APTA).
    # We …" are not.  An agency in capitals is a tag, with or without a place before it; a
    # capitalised name only under a place in capitals ("HARBOUR (Xyz) The …"), as wires write
    # their place (or date it).
    if place is None:
        if caps:
            return m  # ("(MENAFN) eCommerce …": any word after it)
        # one capitalised name opening a paragraph, a sentence after it: "(Xyzpress) The …"
        # (not a label a site brackets over its stories)
        name = _agency(m)
        rest = line[m.end() :]
        return m if (
            m.start() == 0 and " " not in name and name[:1].isupper()
            and name.casefold() not in _PAGE_LABELS and rest[:1].isupper()
            and rest.count(" ") + 1 >= PROSE
        ) else None
    rest = line[m.end() :]
    if not rest[:1].isupper() and rest[:1] not in "\"“‘":
        return None
    upper = place.split(",")[0].isupper()
    dated = any(ch.isdigit() for ch in place)
    if caps:
        return m if upper or dated else None
    # (a capitalised or lower-case agency under a place in capitals or a date: "HARBOUR (Xyz)
    # The …", "3 March 2025 (Agencia Sur) The …")
    # (a bracket opening on a lower-case word and going on is an aside: "The 10 Best (and
    # Cheapest) Sites")
    name = _agency(m)
    aside = name[:1].islower() and " " in name
    return m if (upper or dated and not aside) and not sep else None


def has_tag(line: str) -> bool:
    """Does the line open with an agency tag (the first paragraph of a syndicated story)?"""
    return _tag_match(line) is not None
