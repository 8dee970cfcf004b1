"""Which lines of a page's text rendering are the article: alignment with the gold text.

A line is `body` when most of its word 4-grams are the gold text's (lines of one to three
words: when they are a whole gold line, a heading or a list item, near other body lines),
`title` when its words are the gold headline's, and `other` (page furniture) otherwise.  A
passage the page prints twice (a teaser of the lead, a pull quote) is body only where the
article stands: the occurrence with the most body lines around it.
"""

from __future__ import annotations

import re
from collections import defaultdict

_WORD = re.compile(r"\w+")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
N = 4
NEAR = 4  # a short body line stands this close to a longer one


def plain(line: str) -> str:
    """A line's words without markdown images, link targets and emphasis marks."""
    if "](" in line:
        line = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(" ", line))
    return line.replace("_", " ").replace("*", " ")


def words(text: str) -> list[str]:
    return _WORD.findall(plain(text).lower())


def label_lines(lines: list[str], gold_body: str, gold_title: str | None) -> list[str]:
    """One label per line: 'body', 'title', 'other' or 'blank'."""
    gold_words = words(gold_body)
    grams = {tuple(gold_words[i : i + N]) for i in range(len(gold_words) - N + 1)}
    gold_lines = {tuple(words(g)) for g in gold_body.split("\n") if g.strip()}
    title = tuple(words(gold_title or ""))
    toks = [words(ln) for ln in lines]
    labels = ["blank" if not ln.strip() else "other" for ln in lines]
    for i, t in enumerate(toks):
        if not t:
            continue
        if len(t) >= N:
            covered = [False] * len(t)
            for j in range(len(t) - N + 1):
                if tuple(t[j : j + N]) in grams:
                    for k in range(j, j + N):
                        covered[k] = True
            if sum(covered) * 2 >= len(t):
                labels[i] = "body"
        elif tuple(t) in gold_lines:
            labels[i] = "short"
    # a short gold line counts only near a longer body line (a menu's "Contact" is no heading)
    for i, lab in enumerate(labels):
        if lab == "short":
            lo, hi = max(0, i - NEAR), min(len(lines), i + NEAR + 1)
            near = any(labels[j] == "body" for j in range(lo, hi))
            labels[i] = "body" if near else "other"
    # a passage printed twice is the article's where the article stands
    seen: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        if lab == "body":
            seen[tuple(toks[i])].append(i)
    for where in seen.values():
        if len(where) > 1:
            support = [
                sum(labels[j] == "body" for j in range(max(0, i - 5), min(len(lines), i + 6)))
                for i in where
            ]
            best = where[support.index(max(support))]
            for i in where:
                if i != best:
                    labels[i] = "other"
    # the headline: the last line naming it above the first other body line (else the first
    # one); a body paragraph may repeat the headline's words, the headline line is no body
    if title:
        hits = [i for i, t in enumerate(toks) if t and _names_title(t, title)]
        first_body = next(
            (i for i, lab in enumerate(labels) if lab == "body" and i not in hits), len(lines)
        )
        above = [i for i in hits if i < first_body]
        pick = above[-1] if above else (hits[0] if hits else None)
        if pick is not None and (labels[pick] != "body" or pick in above):
            labels[pick] = "title"
    return labels


def _names_title(t: list[str], title: tuple[str, ...]) -> bool:
    if tuple(t) == title:
        return True
    # "Headline | Site" or "Headline - Site": the headline's words first, a few more after
    n = len(title)
    return n >= 3 and tuple(t[:n]) == title and len(t) - n <= 6
