"""Mojibake repair: text decoded with the wrong charset ("donâ€™t" for "don’t"), put right.

Repair, don't drop: such a line is the article's, only garbled, so it is kept and fixed (ftfy,
encoding fixes only: quotes, ligatures, widths and line ends are left as they are).  Each fix is
recorded as a `Repaired` span -- the record's original characters and what replaced them -- so
that `restore` gives back the record byte for byte.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping
from difflib import SequenceMatcher
from functools import cache

from .model import Removed, Repaired
from .text_view import TextView


@cache
def _fixer() -> Callable[[str], str]:
    # ftfy is imported on the first suspect line, not with the package: repairs are off by
    # default, and its import costs about 0.1 s of every process's start (each worker's too)
    from ftfy import TextFixerConfig, fix_text

    only_encoding = TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return lambda text: str(fix_text(text, only_encoding))

# UTF-8 read as Latin-1 / Windows-1252: a lead byte's character (Â Ã â Ð ...) followed by a
# continuation byte's (0x80-0xBF as Latin-1, or the Windows-1252 characters in 0x80-0x9F).
# Real text seldom has such a pair; ftfy decides on the lines that do.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def find_repairs(view: TextView, marks: Mapping[int, tuple[str, str]]) -> list[Repaired]:
    """Fixes for the garbled stretches of the lines that are kept (in record offsets)."""
    out: list[Repaired] = []
    for ln in view.lines[view.body_start :]:
        if ln.index in marks or ln.blank or ln.text.isascii() or not _SUSPECT.search(ln.text):
            continue
        fixed = _fixer()(ln.text)
        if fixed == ln.text:
            continue
        a = ln.text
        if len(a) + len(fixed) > _DIFF_LIMIT:
            # a very long line: one span from the first change to the last (a character diff
            # of it would cost quadratic time)
            p = 0
            while p < min(len(a), len(fixed)) and a[p] == fixed[p]:
                p += 1
            s = 0
            while s < min(len(a), len(fixed)) - p and a[-1 - s] == fixed[-1 - s]:
                s += 1
            spans = [(p, len(a) - s, p, len(fixed) - s)]
        else:
            # one span per garbled stretch; what ftfy left alone stays the record's own
            ops = SequenceMatcher(None, a, fixed, autojunk=False).get_opcodes()
            spans = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
        for i1, i2, j1, j2 in spans:
            out.append(Repaired(ln.cstart + i1, ln.cstart + i2, "mojibake", a[i1:i2], fixed[j1:j2]))
    return out


_DIFF_LIMIT = 20_000  # characters of a line and its fix beyond which no per-stretch diff is made


def apply_repairs(
    text: str, removed: list[Removed], repairs: Iterable[Repaired]
) -> tuple[str, list[Repaired]]:
    """The kept text with the repairs that lie wholly in kept stretches spliced in.

    `text` is the record with the `removed` spans cut out, so a record offset maps to the kept
    text by subtracting what was removed before it.  Returns the text and the repairs used."""
    spans = sorted((r.start, r.end) for r in removed)
    starts = [s for s, _ in spans]
    before = [0]
    for s, e in spans:
        before.append(before[-1] + e - s)
    used: list[Repaired] = []
    pieces: list[str] = []
    pos = 0  # in the kept text
    for rp in sorted(repairs, key=lambda r: r.start):
        k = bisect.bisect_right(starts, rp.start)
        if k and spans[k - 1][1] > rp.start:
            continue  # starts inside a removed span
        if k < len(spans) and spans[k][0] < rp.end:
            continue  # runs into a removed span
        at = rp.start - before[k]
        if at < pos:
            continue
        pieces.append(text[pos:at])
        pieces.append(rp.fixed)
        pos = at + (rp.end - rp.start)
        used.append(rp)
    if not used:
        return text, used
    pieces.append(text[pos:])
    return "".join(pieces), used
