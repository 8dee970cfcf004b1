"""`newsclean show`: a record in the terminal, kept text plain, every removal marked with its reason.

Styled (rich): a removed span is struck through in its reason's colour, after a `[reason]` label.
Plain (`--plain`, or when stdout is not a terminal): `[-reason: removed text-]` markers.
Removed whitespace (blank lines, padding) is printed as it is, unlabelled, so the layout of the
record is kept.  Control characters of the record (terminal escape sequences) are printed as
visible escapes, never raw (terminal.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.console import Console
from rich.text import Text

from .model import Article, BadRecord, Record
from .terminal import one_line, visible

REASON_STYLES = {
    "header": "bright_black",
    "title": "bold green",
    "error_banner": "red",
    "error_page": "red",
    "blocked": "magenta",
    "repeated": "yellow",
    "boilerplate": "cyan",
    "learned_boilerplate": "cyan",
    "dateline": "blue",
    "empty": "bright_black",
}
_DEFAULT_STYLE = "bright_red"
_UNLABELLED = {"whitespace"}


def segments(record_text: str, article: Article) -> Iterable[tuple[str, str | None]]:
    """The record cut into (text, reason or None for kept) pieces, in order."""
    pos = 0
    for r in sorted(article.removed, key=lambda r: r.start):
        if r.start > pos:
            yield record_text[pos : r.start], None
        yield record_text[r.start : r.end], r.reason
        pos = max(pos, r.end)
    if pos < len(record_text):
        yield record_text[pos:], None


def _split_eol(s: str) -> tuple[str, str, str]:
    """(leading line ends, text, trailing line ends): line ends stay outside the markers."""
    body = s.strip("\r\n")
    if not body:
        return s, "", ""
    lead = s[: s.index(body)]
    return lead, body, s[len(lead) + len(body) :]


def render_plain(record_text: str, article: Article) -> str:
    out: list[str] = []
    for piece, reason in segments(record_text, article):
        if reason is None or reason in _UNLABELLED:
            out.append(visible(piece))
        else:
            lead, body, eol = _split_eol(piece)
            out.append(visible(f"{lead}[-{reason}: {body}-]{eol}" if body else piece))
    return "".join(out)


def render_rich(record_text: str, article: Article) -> Text:
    text = Text()
    for piece, reason in segments(record_text, article):
        if reason is None or reason in _UNLABELLED:
            text.append(visible(piece))
            continue
        colour = REASON_STYLES.get(reason, _DEFAULT_STYLE)
        lead, body, eol = _split_eol(piece)
        text.append(visible(lead))
        if not body:
            continue
        text.append(f"[{reason}]", style=f"reverse {colour}")
        text.append(" ")
        text.append(visible(body), style=colour if reason == "title" else f"strike dim {colour}")
        text.append(visible(eol))
    return text


def describe(article: Article) -> str:
    fields = [
        f"verdict {article.verdict}",
        f"title {article.title!r}" if article.title else "no title",
    ]
    if article.publisher:
        fields.append(f"publisher {one_line(article.publisher)}")
    if article.http_status is not None:
        fields.append(f"status {article.http_status}")
    if article.fetched:
        fields.append(f"fetched {article.fetched}")
    if article.language:
        fields.append(f"language {article.language}")
    return " | ".join(fields)


def removal_counts(article: Article) -> str:
    counts = Counter(r.reason for r in article.removed if r.reason not in _UNLABELLED)
    if not counts:
        return "nothing removed"
    return "removed: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def show(
    pairs: Iterable[tuple[Record | BadRecord, Article | BadRecord]],
    console: Console,
    plain: bool = False,
) -> int:
    """Print each (record, result); returns how many records were shown."""
    n = 0
    for item, result in pairs:
        n += 1
        if isinstance(result, BadRecord):
            error = one_line(result.error)
            if plain:
                console.print(f"=== set aside: {error}", markup=False, highlight=False)
            else:
                rule = Text("set aside ", style="bold red")
                rule.append(one_line(result.source))
                console.rule(rule)
                console.print(error, markup=False, highlight=False, style="red")
            continue
        assert isinstance(item, Record)
        head = f"{one_line(result.id)}  ({describe(result)})"
        if plain:
            console.print(f"=== {head}", markup=False, highlight=False)
            console.print(render_plain(item.text, result), markup=False, highlight=False)
            console.print(f"--- {removal_counts(result)}", markup=False, highlight=False)
        else:
            console.rule(Text(one_line(result.id), style="bold"))
            console.print(Text(describe(result), style="bold"))
            console.print(render_rich(item.text, result), highlight=False)
            console.print(Text(removal_counts(result), style="dim"))
    return n
