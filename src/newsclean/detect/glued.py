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

# a stop (maybe a closing quote or bracket) touching a capital, or a list or menu mark before
# one: where a glued tail may start; the word before the stop says whether it ends a sentence
_TAIL_AT: Final = re.compile(r"[.!?][\"”’')\]]?(?=(?:[*•·»›|]\s?)?[A-Z“‘])")
MIN_BEFORE: Final = 8  # a glued tail hangs on a sentence of at least this many words
# a word of three or more lower-case letters touching a capitalised word: a glued head's end
_HEAD_AT: Final = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_CLOSERS: Final = "\"”’')]"

MAX_WORDS: Final = 8  # a glued widget string, a menu's label: never longer than this
MAX_CHARS: Final = 80
MIN_REST: Final = 10  # the article's line left after a head is cut


def tail(
    ln: Line, named: Callable[[str], str | None], lines: Callable[[], Container[str]] | None = None
) -> Span | None:
    """The glued furniture at the end of the article's last line, if any.  `lines`: the
    record's lines (stripped), asked only for a tail after initials or a code -- which is
    glued when the record also holds it as a line of its own (the page's label printed again)."""
    text = ln.text
    if len(text) < 40 or text[-1:].islower() and "." not in text[-MAX_CHARS:]:
        return None
    window = max(0, len(text) - MAX_CHARS - 2)
    for m in _TAIL_AT.finditer(text, window):
        # a sentence's last word: letters in lower case after a space ("builder.Services",
        # "U.S.Army", "e.g.The" and "file.Close" are names, initials and abbreviations)
        word = text[text.rfind(" ", 0, m.start()) + 1 : m.start()]
        cut = m.end()
        rest = text[cut:]
        if len(word) < 2 or not word.isalpha() or not word.islower():
            if lines is not None and len(rest.split()) <= MAX_WORDS and rest.strip() in lines():
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
            continue
        if not any(c.isalpha() for c in rest) or len(rest.split()) > MAX_WORDS or len(text[:cut].split()) < MIN_BEFORE:
            continue
        if rest.rstrip(_CLOSERS).endswith(".") and not named(rest):
            # a statement of its own (two paragraphs run together); a call or a question
            # ("Enjoy the post? Pin it!", a related headline) is furniture's
            continue
        return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    return None


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
    return None
