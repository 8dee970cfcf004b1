"""Page furniture glued onto the article's first or last line, with no space between.

A crawler that drops the markup between blocks joins them: "…said on Friday.\\"Share this
story", "…a place you love.En", "Share this articleThe city council voted …".  The article's
own text does not do this: its sentences end with a stop, a space, then the next capital.  The
cut is where a capital touches the end of a sentence (or of a word, for a head) and the
stretch cut off is short and reads as no sentence of its own (or a family names it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import Final

from ..model import Span
from ..text_view import Line

# a stop (maybe a closing quote or bracket) touching a capital, a copyright sign or an opening
# Spanish question or exclamation mark, or a list or menu mark before one: where a glued tail
# may start; the word before the stop says whether it ends a sentence
_TAIL_AT: Final = re.compile(r"[.!?][\"”’')\]]?(?=(?:[*•·»›|]\s?)?[A-Z“‘©¿¡])")
MIN_BEFORE: Final = 8  # a glued tail hangs on a sentence of at least this many words
# a word of three or more lower-case letters touching a capitalised word: a glued head's end
_HEAD_AT: Final = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_CLOSERS: Final = "\"”’')]"

MAX_WORDS: Final = 8  # a glued widget string, a menu's label: never longer than this
MAX_CHARS: Final = 80
MIN_REST: Final = 10  # the article's line left after a head is cut


def tail(
    ln: Line,
    named: Callable[[str], str | None],
    lines: Callable[[], Container[str]] | None = None,
    unstopped: bool = True,
) -> Span | None:
    """The glued furniture at the end of the article's last line, if any.  `lines`: the
    record's lines (stripped), asked only for a tail after initials or a code -- which is
    glued when the record also holds it as a line of its own (the page's label printed again).
    unstopped: also look for a tail glued onto a line that ends on no stop (not for a line a
    family took whole: a slogan over a widget is the page's as much as the widget)."""
    text = ln.text
    if len(text) < 40:
        return None
    window = max(0, len(text) - MAX_CHARS - 2)
    # (a line ending in lower case with no stop near its end has no tail glued after a stop)
    stops = True
    if text[-1:].islower():
        end = text[-MAX_CHARS:]
        stops = "." in end or "!" in end or "?" in end
    for m in _TAIL_AT.finditer(text, window) if stops else ():
        # a sentence's last word: letters in lower case after a space ("builder.Services",
        # "U.S.Army", "e.g.The" and "file.Close" are names, initials and abbreviations)
        word = text[text.rfind(" ", 0, m.start()) + 1 : m.start()]
        cut = m.end()
        rest = text[cut:]
        if len(word) < 2 or not word.isalpha() or not word.islower():
            if lines is not None and len(rest.split()) <= MAX_WORDS and rest.strip() in lines():
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
            # a sentence ending on a name ("…lives in Toronto.Share this story"): the cut
            # holds when a family names what follows it
            if (
                len(rest.split()) <= MAX_WORDS
                and len(text[:cut].split()) >= MIN_BEFORE
                and _strong(named(rest))
            ):
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
            continue
        if not any(c.isalpha() for c in rest) or len(rest.split()) > MAX_WORDS or len(text[:cut].split()) < MIN_BEFORE:
            continue
        if rest.rstrip(_CLOSERS).endswith(".") and not named(rest):
            # a statement of its own (two paragraphs run together); a call or a question
            # ("Enjoy the post? Pin it!", a related headline) is furniture's
            continue
        return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    # a line that ends on no stop (a caption, a list item, a table row) with furniture run
    # into its last word ("…in New York CityAdvertisement", "…| 38Share on X"): cut where a
    # capital touches a word or a figure.  A brand's humps ("DataFeedWatch", "MarketWatch")
    # look the same, so what follows must be a notice no brand ends in (an ad slot, a
    # copyright, a tag line), or widgets after a word in lower case or a figure; and what
    # stands before must be the article's, not a widget string itself.
    for m in _WORD_GLUE.finditer(text, window) if unstopped else ():
        cut = m.start()
        rest = text[cut:]
        if len(rest.split()) > MAX_WORDS or len(text[:cut].split()) < MIN_BEFORE:
            continue
        family = named(rest)
        if family is None:
            continue
        word = text[text.rfind(" ", 0, cut) + 1 : cut]
        if family in _NOTICES or (
            _strong(family) and (word.islower() or word.isdigit()) and len(rest.split()) >= 2
        ):
            if named(text[:cut]) is None:
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    return None


_GLUED_LINE: Final = ("boilerplate", "glued_widgets")


def tails(
    lines: list[Line],
    k: int,
    marks: dict[int, tuple[str, str]],
    named: Callable[[str], str | None],
    record_lines: Callable[[], Container[str]],
    out: list[Span],
) -> None:
    """The glued tails of the kept lines from lines[k] on (k: the first kept line), added to
    `out` after what it holds (a glued head) and taken off the lines' marks: a sentence a
    family took whole for its glued widget string gets its sentence back.  (Compiled with
    the rest of this module: a loop over every line of the body, cheap only in native code.)
    """
    # (above the first kept line a glued line is the page's, whole; a line ending on a full
    # stop has no glued tail: the tail would end it, and a statement is none; and a glued
    # tail hangs on a sentence of MIN_BEFORE words or more)
    least = MIN_BEFORE + 1
    for i in range(k, len(lines)):
        ln = lines[i]
        if (
            ln.words < least
            or ln.text[-1] == "."
            or (ln.index in marks and marks[ln.index] != _GLUED_LINE)
        ):
            continue
        sp = tail(ln, named, record_lines, ln.index not in marks)
        if sp is not None and (not out or out[0].end <= sp.start):
            out.append(sp)
            marks.pop(ln.index, None)


# a lower-case letter or a figure touching a capitalised word (found from the capital: a
# search that starts on a character class skips ahead to the capitals)
_WORD_GLUE: Final = re.compile(r"[A-Z](?<=[a-z0-9][A-Z])(?=[a-z])")
# furniture no brand's last hump reads as
_NOTICES: Final = frozenset(("ad_marker", "copyright", "credits", "disclaimer", "paywall"))
# families too weak to cut on: a lone section word or a verb ("…SkyNews", "…GoShare") may be
# a brand's last hump
_WEAK: Final = frozenset(("navigation", "call_to_action", "soft_call_to_action"))


def _strong(family: str | None) -> bool:
    return family is not None and family not in _WEAK


def head(ln: Line, named: Callable[[str], str | None]) -> Span | None:
    """The glued furniture at the start of the article's first line, if any."""
    text = ln.text
    for m in _HEAD_AT.finditer(text, 0, MAX_CHARS):
        cut = m.end()
        lead = text[:cut]
        n = len(lead.split())
        if n > MAX_WORDS or len(text[cut:].split()) < MIN_REST:
            break
        if n < 2 and not named(lead):
            continue  # "PowerPoint presentations …", "McDonald's said …": one camel-cased word
        return Span(ln.cstart, ln.cstart + cut, "boilerplate", "glued_head")
    # a widget string ending on a short word, a bracket, a figure or a stop ("Follow usA …",
    # "Comments (4)Being …", "Lesezeit: 3 Min.Was …"), or before a one-letter word ("SubscribeI
    # speak …"): cut there only when a family names what stands before
    for m in _HEAD_TOUCH.finditer(text, 0, MAX_CHARS):
        cut = m.end()
        lead = text[:cut]
        if len(lead.split()) > MAX_WORDS or len(text[cut:].split()) < MIN_REST:
            break
        if _strong(named(lead)):
            return Span(ln.cstart, ln.cstart + cut, "boilerplate", "glued_head")
    return None


# any character but a space or a capital touching a capital (or an opening quote or Spanish
# mark): not inside an acronym ("USF", "PERKS")
_HEAD_TOUCH: Final = re.compile(r"(?<=[^\sA-Z])(?=[A-Z\"“‘¿¡])")
