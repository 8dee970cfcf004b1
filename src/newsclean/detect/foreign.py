"""Lines in another language under the article: the site's notices, not the story.

A publisher's legal notice, disclaimer or imprint is written once for the site, often in the
site's own language or a group's, and printed under every article whatever the article's
language ("Cette page est mise à jour chaque semaine par notre équipe" under an English
story).  No list of wordings can hold them all; the language can tell them.  py3langid, which
reads letters, names the body's language and a line's; jusText's stop lists (line_model.
stopwords) check both by their words: a line at the end of what is kept that holds few of the
body's language's stop words and many of its own language's is not the story's.

Only the article's last kept lines are read, from the end up, and the walk stops at the first
line in the body's language, longer than a notice or quoting someone: a foreign quotation or
a translated passage inside the story, and a long one or a quotation at its end, stay.  A
line too short to be told (fewer than FOREIGN_WORDS words) goes only with a foreign line over
it, and only when it holds none of the body's stop words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from ..enrich.language import classify
from ..line_model.stopwords import english_stops, stoplist_of
from ..text_view import Line, TextView

FOREIGN_WORDS: Final = 6  # a line this long is told by its stop words
NOTICE_WORDS: Final = 35  # a site's notice is no longer (a longer one is a passage, translated)
TAIL_LINES: Final = 4  # at most this many of the last kept lines are read
BODY_WORDS: Final = 60  # a body this long (less its last line) has a language to speak of
BODY_SAMPLE: Final = 400  # its words read for its stop words' share
BODY_SHARE: Final = 0.2  # ... when its stop words are this share of them at least
ENGLISH_BODY: Final = 0.3  # a body whose words are this share English stop words is English
# a foreign line: this share of its words in its language's list at least (one list: the
# vote over all of them found a fifth more, as a neighbouring language's list holds some)
OTHER_SHARE: Final = 0.2
SURELY_ENGLISH: Final = 0.35  # a line this rich in English's stop words is English
CONFIRM: Final = 0.9  # py3langid's confidence in the line's other language, at least
RULE: Final = ("boilerplate", "foreign_language")


def _share(toks: list[str], stops: frozenset[str]) -> float:
    if not toks:
        return 0.0
    n = 0
    for t in toks:
        if t in stops:
            n += 1
    return n / len(toks)


def foreign_tail(
    view: TextView, marks: Mapping[int, tuple[str, str]], title: Line | None
) -> dict[int, tuple[str, str]]:
    """Marks for the kept lines at the article's end written in another language than its
    body ({} if none)."""
    lines = view.lines
    tail: list[Line] = []  # the last kept lines, from the end up
    for k in range(len(lines) - 1, view.body_start - 1, -1):
        ln = lines[k]
        if not ln.blank and ln.index not in marks and ln is not title:
            tail.append(ln)
            if len(tail) == TAIL_LINES:
                break
    last = next((ln for ln in tail if ln.words >= FOREIGN_WORDS), None)
    if last is None:
        return {}  # (short lines go only with a foreign line over them)
    # Most records are English and end in English: that is told from two lines, the last
    # long one and the lede, before the body is read.
    # (a line this rich in English's stop words would hold half an English body's share of
    # them, whatever the body: the walk below would stop at it)
    english = english_stops()
    if _share(last.toks, english) >= SURELY_ENGLISH:
        lede = next(
            (ln for ln in lines[view.body_start :]
             if ln.words >= FOREIGN_WORDS and ln.index not in marks and ln is not title),
            None,
        )
        if lede is None or _share(lede.toks, english) >= BODY_SHARE:
            return {}
    kept = [
        ln for ln in lines[view.body_start :]
        if not ln.blank and ln.index not in marks and ln is not title
    ]
    if len(kept) < 3:
        return {}
    # (the body read from its start: a notice of a line or two at the end barely counts)
    sample: list[str] = []
    for ln in kept[:-1]:
        sample.extend(ln.toks)
        if len(sample) >= BODY_SAMPLE:
            break
    if len(sample) < BODY_WORDS:
        return {}
    # The languages are py3langid's (it reads letters), their stop lists jusText's; a body
    # rich in English's stop words is English, without asking.
    sample = sample[:BODY_SAMPLE]
    body_code: str | None = "en"
    body_stops = english
    body_share = _share(sample, english)
    if body_share < ENGLISH_BODY:
        body_code = classify(" ".join(x.text for x in kept[:-1]))[0]
        stops = stoplist_of(body_code)
        if stops is None:
            return {}
        body_stops, body_share = stops, _share(sample, stops)
    if body_share < BODY_SHARE:
        return {}
    out: dict[int, tuple[str, str]] = {}
    pending: list[Line] = []
    for ln in tail:
        toks = ln.toks
        own = _share(toks, body_stops)
        if len(toks) < FOREIGN_WORDS:
            if own > 0:
                break
            pending.append(ln)
            continue
        if len(toks) > NOTICE_WORDS or own >= 0.5 * body_share or _quotes(ln.text):
            break
        code, confidence = classify(ln.text)
        if code == body_code or confidence < CONFIRM or not _foreign(toks, own, stoplist_of(code)):
            break
        for x in (*pending, ln):
            out[x.index] = RULE
        pending = []
    return out


_QUOTE_MARKS: Final = "\"“”«»„"


def _quotes(text: str) -> bool:
    """Does the line quote someone?  (A story may close on words quoted in their language; a
    site's notice quotes no one.)"""
    for c in _QUOTE_MARKS:
        if c in text:
            return True
    return False


def _foreign(toks: list[str], own: float, other: frozenset[str] | None) -> bool:
    """Are these words the other language's, as py3langid says, by its stop words too: many
    of them (twice the body's language's share at least)?"""
    if other is None:
        return False
    theirs = _share(toks, other)
    return theirs >= OTHER_SHARE and own <= 0.5 * theirs
