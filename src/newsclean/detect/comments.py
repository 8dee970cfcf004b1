"""Readers' comment threads under an article: known by the entries' layout, not a wording.

A page's text dump often carries the whole comment thread under the article, and comments read
as prose, so neither the families nor the line model's shape features tell them from the
article.  Their layout does: every entry opens with a short name line ("3. Ana Ruiz", "Ana
says:") right above a timestamp that holds a date and a clock time ("May 2, 2025 at 9:46 pm",
"02/05/2025 21:46"), and such entries follow one another.  An article rarely stamps its own
paragraphs that way; where it does (a live blog), the stamps start at the top, with no article
above them, or the article's prose goes on past them -- both are refused here.
"""

from __future__ import annotations

import re
from typing import Final

from ..text_view import Line

_CLOCK: Final = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_DATE: Final = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?!\d)")
# ... or how long ago it was posted ("3 years ago", "vor 2 Tagen" is not read)
_AGO: Final = re.compile(r"\b\d{1,2}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b", re.I)
STAMP_WORDS: Final = 14  # a timestamp (with its "at", weekday, zone or a link around it) is short
NAME_WORDS: Final = 6  # a commenter's name line: a name, a number, "says:"
MIN_ENTRIES: Final = 3  # a thread: this many entries at least (two stamps can be an article's dates)
GAP: Final = 60  # entries of one thread stand at most this many lines apart
PROSE: Final = 15  # a line this long is prose ...
ABOVE: Final = 150  # ... and the article above a thread has this many words of it at least
# Past the last entry, no more prose than a last comment and the page's footer and sidebar
# (at most this many words, or half the article's): an article going on at length under
# stamped entries of its own is not cut.
AFTER: Final = 250
HEAD_WORDS: Final = 12  # a thread's heading with its count
_COUNT: Final = re.compile(r"(?<![\d.,:/])\d{1,5}(?![\d.,:/])")


def _stamp(ln: Line) -> bool:
    t = ln.text
    if not 2 <= ln.words <= STAMP_WORDS:
        return False
    if ":" in t and _CLOCK.search(t) is not None and _DATE.search(t) is not None:
        return True
    return "ago" in t and _AGO.search(t) is not None


def _ends(ln: Line) -> bool:
    return ln.text[-1] in ".!?"


def _name(ln: Line) -> bool:
    return ln.words <= NAME_WORDS and not _ends(ln)


def thread_start(body: list[Line]) -> int | None:
    """Position in `body` (non-blank lines, in order) of the first line of a readers' comment
    thread that runs to the record's end, or None."""
    # entries: a name line right above a timestamp (cheap tests first: lengths, then one
    # character -- most lines hold no ":" -- and the stamp's expressions last)
    entries = [
        k - 1
        for k in range(1, len(body) - 1)
        if 2 <= body[k].words <= STAMP_WORDS
        and _name(body[k - 1])
        and (":" in body[k].text or "ago" in body[k].text)
        and _stamp(body[k])
    ]
    if len(entries) < MIN_ENTRIES:
        return None
    # runs of entries close together: the first run that is a thread starts it
    runs: list[list[int]] = [[entries[0]]]
    for k in entries[1:]:
        if k - runs[-1][-1] <= GAP:
            runs[-1].append(k)
        else:
            runs.append([k])
    # prose words before each position (one pass: a page can have many runs of stamps)
    prose = [0]
    for ln in body:
        prose.append(prose[-1] + (ln.words if ln.words >= PROSE else 0))
    for n, run in enumerate(runs):
        if len(run) < MIN_ENTRIES:
            continue
        above = prose[run[0]]
        if above < ABOVE:
            return None  # stamps from the top on: a live blog, or no article to cut under
        end = runs[n + 1][0] if n + 1 < len(runs) else len(body)
        after = prose[end] - prose[min(run[-1] + 2, end)]
        if after <= max(AFTER, above // 2):
            # (its heading, a count over the thread: "14 responses to ...", "Comments (14)")
            head = body[run[0] - 1]
            if head.words <= HEAD_WORDS and _COUNT.search(head.text) and not _ends(head):
                return run[0] - 1
            return run[0]
    return None
