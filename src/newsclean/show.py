"""`newsclean show`: a record in the terminal, kept text plain, every removal marked with its reason.

Styled (rich): a removed span is struck through in its reason's colour, after a `[reason]` label.
Plain (`--plain`, or when stdout is not a terminal): `[-reason: removed text-]` markers.
Removed whitespace (blank lines, padding) is printed as it is, unlabelled, so the layout of the
record is kept.  Control characters of the record (terminal escape sequences) are printed as
visible escapes, never raw (terminal.py).

The records come from inputs cleaned now, or from clean's output (`pairs_from_run`: each
record rebuilt from its article); `select_pairs` keeps those asked for (--verdict, --reason,
--id, --limit), and `paged` sends what is printed through $PAGER on a terminal.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any

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


def article_filter(
    verdicts: Iterable[str] | None, reasons: Iterable[str] | None, ids: Iterable[str] | None
) -> Callable[[Article], bool]:
    """Whether an article is wanted: one of the verdicts, a removal of one of the reasons,
    an id equal to one of `ids` or matching it as a pattern (* and ?); None: any."""
    from fnmatch import fnmatchcase

    verdicts = set(verdicts or ())
    reasons = set(reasons or ())
    ids = list(ids or ())

    def keep(a: Article) -> bool:
        if verdicts and a.verdict not in verdicts:
            return False
        if reasons and not reasons & {r.reason for r in a.removed}:
            return False
        return not ids or any(a.id == i or fnmatchcase(a.id, i) for i in ids)

    return keep


def select_pairs(
    pairs: Iterable[tuple[Any, Article | BadRecord]],
    verdicts: Iterable[str] | None = None,
    reasons: Iterable[str] | None = None,
    ids: Iterable[str] | None = None,
    limit: int | None = None,
) -> Iterator[tuple[Any, Article | BadRecord]]:
    """The (record, result) pairs whose article passes `article_filter`, at most `limit`;
    a set-aside entry passes only when no verdict nor reason is asked for (it has neither)."""
    from itertools import islice

    keep = article_filter(verdicts, reasons, ids)
    picky = bool(verdicts or reasons)
    chosen = (pr for pr in pairs
              if (keep(pr[1]) if isinstance(pr[1], Article) else not picky))
    return islice(chosen, max(limit, 0)) if limit is not None else chosen


def pairs_from_run(
    paths: list[str], problems: list[str]
) -> Iterator[tuple[Record, Article | BadRecord]]:
    """(record as read, article) for every article of clean's output."""
    from .runs import iter_run, record_text, to_article

    for p in paths:
        for obj in iter_run(p, problems):
            article = to_article(obj)
            try:
                text = record_text(obj)
            except (ValueError, TypeError, IndexError, KeyError) as e:
                bad = BadRecord(str(obj.get("source") or p), f"{article.id}: spans do not fit "
                                f"the text, cannot rebuild the record: {e}", id=article.id)
                yield Record(article.id, "", article.source), bad
                continue
            yield Record(article.id, text, article.source), article


def paged(
    write: Callable[[Any], int], console: Any, make_console: Callable[..., Any] = Console
) -> int:
    """Run `write(console)` with its output piped through $PAGER (or `less -R`); the output
    streams into the pager, and quitting the pager early ends the writing quietly."""
    import io
    import shlex
    import shutil
    import subprocess

    pager = os.environ.get("PAGER") or ("less" if shutil.which("less") else "")
    if not pager.strip():
        return write(console)
    env = dict(os.environ)
    # less: colours (ours only: record text is escaped), no paging for a screenful, and the
    # screen left as it was; a LESS of the user's own keeps its options, with -R added
    less = env.get("LESS")
    env["LESS"] = "-R -F -X" if less is None else (less if "R" in less else f"{less} -R")
    try:
        proc = subprocess.Popen(shlex.split(pager), stdin=subprocess.PIPE, env=env)
    except OSError:
        return write(console)
    assert proc.stdin is not None
    stream = io.TextIOWrapper(proc.stdin, encoding="utf-8", errors="replace", write_through=True)
    into = make_console(file=stream, force_terminal=True, highlight=False, soft_wrap=True,
                        width=getattr(console, "width", 80),
                        color_system=getattr(console, "color_system", None) or "standard")
    shown = 0
    try:
        shown = write(into)
    except BrokenPipeError:  # the pager was quit before the end
        shown = max(shown, 1)
    finally:
        try:
            stream.close()
        except OSError:
            pass
        proc.wait()
    return shown
