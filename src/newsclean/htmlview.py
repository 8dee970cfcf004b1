"""Crawled text as HTML that shows it and runs nothing: the record diff of `report` and `browse`.

Everything that came from a record or an input file (text, ids, titles, rule names, file names)
goes through `esc`: HTML's special characters become entities, so `<script>`, `onerror=` or a
`javascript:` link is text on the page; control characters (terminal escapes) are shown as
escapes (`\\x1b`), as on the terminal (terminal.py); bidirectional overrides, which could
reorder what a reader sees, are shown as `\\u202e` too.  Nothing from a record is ever put in
a URL, a tag name, a style or a script: class names are chosen from a fixed list.  The pages
also forbid scripts altogether (CSP, `CSP` below), so a mistake here would still run nothing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from .model import REASONS
from .terminal import visible

# No script, no frame, no plugin, no fetch: only the page's own inline styles and data: images.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SURROGATE = re.compile("[\ud800-\udfff]")

REASON_COLOURS = {
    "header": "#6b7280",
    "whitespace": "#9ca3af",
    "title": "#15803d",
    "error_banner": "#b91c1c",
    "error_page": "#dc2626",
    "blocked": "#a21caf",
    "repeated": "#b45309",
    "boilerplate": "#0e7490",
    "dateline": "#1d4ed8",
    "markup": "#4d7c0f",
    "learned_boilerplate": "#0f766e",
    "empty": "#6b7280",
}
VERDICT_COLOURS = {
    "article": "#15803d",
    "error_page": "#dc2626",
    "blocked": "#a21caf",
    "empty": "#6b7280",
}
OTHER_COLOUR = "#e11d48"


def esc(value: Any) -> str:
    """Any value from a record as HTML text (also safe inside a quoted attribute)."""
    s = value if isinstance(value, str) else str(value)
    s = visible(s)
    s = _BIDI.sub(lambda m: f"\\u{ord(m.group()):04x}", s)
    s = _SURROGATE.sub("\ufffd", s)
    return html.escape(s, quote=True)


def css_class(reason: object) -> str:
    """A class name for a reason: one of the known reasons, else 'other' (never record text)."""
    return f"r-{reason}" if reason in REASONS else "r-other"


DIFF_CSS = (
    "pre.diff{white-space:pre-wrap;word-break:break-word;font:13px/1.45 ui-monospace,"
    "SFMono-Regular,Menlo,Consolas,monospace;background:#fcfcfd;border:1px solid #e5e7eb;"
    "padding:10px 12px;border-radius:6px;margin:6px 0 14px}"
    "pre.diff del{color:var(--c);text-decoration:line-through;text-decoration-thickness:1px;"
    "background:color-mix(in srgb,var(--c) 9%,transparent)}"
    "pre.diff del.focus{background:color-mix(in srgb,var(--c) 22%,transparent)}"
    "pre.diff .why{font:600 10px/1 system-ui,sans-serif;color:#fff;background:var(--c);"
    "border-radius:3px;padding:1px 4px;margin-right:3px;vertical-align:1px}"
    "pre.diff .ws{color:#9ca3af}"
    "pre.diff .cut{display:block;color:#6b7280;font:italic 12px system-ui,sans-serif;"
    "margin:4px 0}"
    + "".join(f".{css_class(r)}{{--c:{c}}}" for r, c in REASON_COLOURS.items())
    + f".r-other{{--c:{OTHER_COLOUR}}}"
)


def _spans(removed: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        (r for r in removed if isinstance(r.get("start"), int) and isinstance(r.get("end"), int)),
        key=lambda r: (r["start"], r["end"]),
    )


def diff_html(
    record: str,
    removed: Iterable[dict[str, Any]],
    focus: str | None = None,
    max_chars: int | None = None,
) -> str:
    """The record as `<pre class="diff">`: kept text plain, each removed span struck through
    in its reason's colour after a label naming the reason (its rule in the tooltip); removed
    whitespace is shown faint and unlabelled.  `focus`: spans of this reason are marked
    `focus`, and with `max_chars` the record is cut to a window around the first of them."""
    spans = _spans(removed)
    lo, hi = 0, len(record)
    if max_chars is not None and len(record) > max_chars:
        first = next((r for r in spans if r.get("reason") == focus), spans[0] if spans else None)
        centre = first["start"] if first else 0
        lo = max(0, centre - max_chars // 3)
        if lo > 0:  # start at a line's start when one is near
            line_start = record.rfind("\n", 0, lo) + 1
            lo = line_start if lo - line_start <= 200 else lo
        hi = min(len(record), lo + max_chars)
        nl = record.find("\n", hi)
        if 0 <= nl - hi <= 200:  # end at a line's end when one is near
            hi = nl + 1
    out = ['<pre class="diff">']
    if lo > 0:
        out.append(f'<span class="cut">… {lo:,} characters above not shown …</span>')
    pos = lo
    for r in spans:
        start, end = max(r["start"], lo), min(r["end"], hi)
        if end <= pos or start >= hi:
            continue
        if start > pos:
            out.append(esc(record[pos:start]))
        start = max(start, pos)
        piece = record[start:end]
        reason = r.get("reason")
        if reason == "whitespace":
            out.append(f'<span class="ws">{esc(piece)}</span>')
        else:
            cls = css_class(reason)
            tip = esc(f"{reason}: {r.get('rule') or ''}")
            foc = " focus" if focus is not None and reason == focus else ""
            out.append(
                f'<span class="why {cls}">{esc(reason)}</span>'
                f'<del class="{cls}{foc}" title="{tip}">{esc(piece)}</del>'
            )
        pos = end
    if pos < hi:
        out.append(esc(record[pos:hi]))
    if hi < len(record):
        out.append(f'<span class="cut">… {len(record) - hi:,} characters below not shown …</span>')
    out.append("</pre>")
    return "".join(out)
