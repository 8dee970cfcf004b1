"""`newsclean browse RUN [--port N]`: page through a run's records in a browser, read-only.

A small server of the standard library (http.server) on 127.0.0.1 only.  At start the run is
read once into an index of one small entry per record (id, verdict, reasons, rules, source,
cluster, language, title): the list page filters and pages that index; a record's page reads
its shard again up to that record (nothing of the records' text is held) and shows its diff:
kept text plain, each removal struck through after its reason (htmlview.diff_html).

Read-only and local: only GET and HEAD are answered (anything else 405); a request whose Host
is not this loopback address is refused (a page elsewhere cannot reach it through DNS
rebinding); every page carries a Content-Security-Policy with no script at all, and every
value from the run is escaped (htmlview.esc).  Filters are plain HTML forms.
"""

from __future__ import annotations

import argparse
import sys
import threading
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from .htmlview import CSP, DIFF_CSS, VERDICT_COLOURS, css_class, diff_html, esc
from .model import REASONS, VERDICTS
from .report import source_of
from .runs import RunError, RunFiles, iter_file, record_text, run_files
from .terminal import one_line

PAGE_SIZE = 50
MAX_RULES = 12  # rules kept per record in the index
DIFF_MAX_CHARS = 400_000  # a record's page shows at most this much of it (a window)
FILTERS = ("verdict", "reason", "rule", "source", "cluster", "language", "q")


@dataclass(slots=True)
class Entry:
    n: int  # position in the run, from 0
    id: str
    verdict: str
    title: str
    source: str
    language: str
    cluster: str
    cluster_size: int
    reasons: tuple[str, ...]
    rules: tuple[str, ...]  # "reason: rule"
    chars: int
    removed_chars: int


def _entry(n: int, obj: dict[str, Any]) -> Entry:
    removed = obj["removed"]
    reasons = sorted({str(r.get("reason") or "?") for r in removed} - {"whitespace"})
    rules: list[str] = []
    for r in removed:
        rule = f"{r.get('reason')}: {r.get('rule') or '-'}"
        if r.get("reason") != "whitespace" and rule not in rules and len(rules) < MAX_RULES:
            rules.append(rule[:120])
    lang = obj.get("language")
    removed_chars = sum(len(r.get("text") or "") for r in removed)
    return Entry(
        n=n,
        id=str(obj.get("id")),
        verdict=str(obj.get("verdict")),
        title=str(obj.get("title") or "")[:200],
        source=source_of(obj),
        language=lang if isinstance(lang, str) and lang else "(none)",
        cluster=str(obj["cluster"]) if obj.get("cluster") is not None else "",
        cluster_size=int(obj.get("cluster_size") or 0),
        reasons=tuple(reasons),
        rules=tuple(rules),
        chars=len(obj.get("text") or "") + removed_chars,
        removed_chars=removed_chars,
    )


class RunIndex:
    """One Entry per record of the run, and the counts the filter menus offer."""

    def __init__(self, files: RunFiles) -> None:
        self.files = files
        self.problems: list[str] = []
        self.entries: list[Entry] = []
        self.starts: list[int] = []  # the position of each shard's first record
        for shard in files.shards:
            self.starts.append(len(self.entries))
            for obj in iter_file(shard, self.problems):
                self.entries.append(_entry(len(self.entries), obj))
        self.counts: dict[str, Counter[str]] = {k: Counter() for k in
                                                 ("verdict", "reason", "source", "language")}
        for e in self.entries:
            self.counts["verdict"][e.verdict] += 1
            self.counts["source"][e.source] += 1
            self.counts["language"][e.language] += 1
            for r in e.reasons:
                self.counts["reason"][r] += 1
        self._lock = threading.Lock()

    def select(self, f: dict[str, str]) -> list[Entry]:
        q = f.get("q", "").lower()
        rule = f.get("rule", "").lower()
        out = []
        for e in self.entries:
            if f.get("verdict") and e.verdict != f["verdict"]:
                continue
            if f.get("reason") and f["reason"] not in e.reasons:
                continue
            if f.get("source") and e.source != f["source"]:
                continue
            if f.get("language") and e.language != f["language"]:
                continue
            if f.get("cluster") and e.cluster != f["cluster"]:
                continue
            if rule and not any(rule in r.lower() for r in e.rules):
                continue
            if q and q not in e.id.lower():
                continue
            out.append(e)
        return out

    def record(self, n: int) -> dict[str, Any] | None:
        """The n-th record of the run, read again from its shard (only that one)."""
        i = bisect_right(self.starts, n) - 1
        if i < 0:
            return None
        with self._lock:
            rows = iter_file(self.files.shards[i], [])
            return next(islice(rows, n - self.starts[i], None), None)


# ---------------------------------------------------------------- pages

CSS = (
    "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;"
    "color:#111827;background:#f9fafb}main{max-width:1180px;margin:0 auto;padding:14px 22px 50px}"
    "h1{font-size:21px;margin:6px 0}form.filters{display:flex;flex-wrap:wrap;gap:8px;"
    "align-items:end;background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px}"
    "form.filters label{display:flex;flex-direction:column;font-size:12px;color:#374151}"
    "form.filters select,form.filters input{font:13px system-ui;padding:3px 4px;max-width:230px}"
    "table.records{border-collapse:collapse;width:100%;background:#fff;margin-top:10px}"
    "table.records td,table.records th{border-bottom:1px solid #e5e7eb;padding:4px 6px;"
    "text-align:left;vertical-align:top;font-size:13px}td.n{text-align:right}"
    ".verdict{font-weight:600}.tag{display:inline-block;font-size:11px;color:#fff;"
    "background:var(--c);border-radius:3px;padding:0 4px;margin:1px 2px 1px 0}"
    ".meta{color:#6b7280}.pager a,.pager span{margin-right:10px}"
    "table.fields td{padding:2px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}"
    "a{color:#1d4ed8}"
) + DIFF_CSS


def _page(title: str, body: str) -> bytes:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body><main>{body}"
        "</main></body></html>"
    ).encode()


def _select(name: str, label: str, options: list[tuple[str, str]], current: str) -> str:
    opts = ['<option value="">(any)</option>']
    for value, text in options:
        sel = " selected" if value == current else ""
        opts.append(f'<option value="{esc(value)}"{sel}>{esc(text)}</option>')
    return f'<label>{esc(label)}<select name="{name}">{"".join(opts)}</select></label>'


def _verdict_tag(v: str) -> str:
    colour = VERDICT_COLOURS.get(v, "#e11d48")
    return f'<span class="verdict" style="color:{colour}">{esc(v)}</span>'


def list_page(index: RunIndex, f: dict[str, str], page: int) -> bytes:
    chosen = index.select(f)
    pages = max(1, (len(chosen) + PAGE_SIZE - 1) // PAGE_SIZE)
    page = min(max(page, 1), pages)
    shown = chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    c = index.counts

    def menu(key: str, known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        keys = [k for k in known if c[key].get(k)] + sorted(
            (k for k in c[key] if k not in known), key=lambda k: -c[key][k])[:300]
        return [(k, f"{k} ({c[key][k]:,})") for k in keys]

    form = [
        '<form class="filters" method="get" action="/">',
        _select("verdict", "verdict", menu("verdict", VERDICTS), f.get("verdict", "")),
        _select("reason", "removal reason", menu("reason", REASONS), f.get("reason", "")),
        _select("source", "source", menu("source"), f.get("source", "")),
        _select("language", "language", menu("language"), f.get("language", "")),
        f'<label>rule contains<input name="rule" value="{esc(f.get("rule", ""))}"></label>',
        f'<label>cluster<input name="cluster" size="10" value="{esc(f.get("cluster", ""))}">'
        "</label>",
        f'<label>id contains<input name="q" value="{esc(f.get("q", ""))}"></label>',
        '<button type="submit">filter</button> <a href="/">clear</a></form>',
    ]
    rows = []
    for e in shown:
        tags = "".join(f'<span class="tag {css_class(r)}">{esc(r)}</span>' for r in e.reasons)
        cluster = (f"{esc(e.cluster)} <span class=\"meta\">×{e.cluster_size}</span>"
                   if e.cluster else "")
        rows.append(
            f'<tr class="record"><td><a href="/record?n={e.n}">{esc(e.id)}</a></td>'
            f"<td>{_verdict_tag(e.verdict)}</td><td>{esc(e.title)}</td><td>{esc(e.source)}</td>"
            f"<td>{esc(e.language)}</td><td>{cluster}</td><td>{tags}</td>"
            f'<td class="n">{e.removed_chars:,} / {e.chars:,}</td></tr>'
        )
    active = {k: v for k, v in f.items() if v}

    def link(p: int, text: str) -> str:
        return f'<a href="/?{esc(urlencode({**active, "page": p}))}">{esc(text)}</a>'

    pager = ['<div class="pager">']
    if page > 1:
        pager.append(link(page - 1, "« previous"))
    pager.append(f"<span>page {page} of {pages}</span>")
    if page < pages:
        pager.append(link(page + 1, "next »"))
    pager.append("</div>")
    body = (
        f"<h1>newsclean browse</h1><div class=\"meta\">run <code>{esc(index.files.path)}</code>"
        f" · {len(index.entries):,} records</div>" + "".join(form)
        + f'<p id="count"><b>{len(chosen):,}</b> of {len(index.entries):,} records match.</p>'
        + "".join(pager)
        + '<table class="records"><tr><th>id</th><th>verdict</th><th>title</th><th>source</th>'
        "<th>language</th><th>cluster</th><th>removed</th><th>chars removed / read</th></tr>"
        + "".join(rows) + "</table>" + "".join(pager)
    )
    return _page(f"newsclean browse: {index.files.path}", body)


def record_page(index: RunIndex, n: int) -> bytes | None:
    if not 0 <= n < len(index.entries):
        return None
    obj = index.record(n)
    if obj is None:
        return None
    e = index.entries[n]
    fields = [("id", e.id), ("verdict", e.verdict), ("title", obj.get("title") or "-"),
              ("publisher", obj.get("publisher") or "-"), ("source", obj.get("source") or "-"),
              ("url", obj.get("url") or "-"), ("language", e.language),
              ("fetched", obj.get("fetched") or "-"), ("http status", obj.get("http_status")),
              ("cluster", f"{e.cluster} (size {e.cluster_size}, "
                          f"{'canonical' if obj.get('canonical') else 'a copy'})"
               if e.cluster else "-"),
              ("removed", f"{e.removed_chars:,} of {e.chars:,} characters")]
    table = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in fields)
    rules = "".join(f"<li>{esc(r)}</li>" for r in e.rules)
    try:
        record = record_text(obj)
        diff = diff_html(record, obj["removed"], max_chars=DIFF_MAX_CHARS)
    except (ValueError, TypeError, IndexError, KeyError) as ex:
        diff = f'<p class="meta">The record cannot be rebuilt from its spans: {esc(ex)}</p>'
    prev_link = f'<a href="/record?n={n - 1}">« previous record</a> ' if n > 0 else ""
    next_link = (f'<a href="/record?n={n + 1}">next record »</a>'
                 if n + 1 < len(index.entries) else "")
    body = (
        f'<p><a href="/">all records</a> · {prev_link}{next_link}</p>'
        f"<h1>{esc(e.id)}</h1><table class=\"fields\">{table}</table>"
        + (f"<h2>Rules</h2><ul>{rules}</ul>" if rules else "")
        + '<h2>The record as read</h2><p class="meta">Kept text plain; each removed span '
        "struck through after its reason (hover for the rule).</p>"
        + diff
    )
    return _page(f"{e.id} - newsclean browse", body)


# ---------------------------------------------------------------- server


def make_handler(index: RunIndex, allowed_hosts: set[str]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newsclean-browse"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # quiet: one line per request is noise on the user's terminal

        def _send(self, code: int, body: bytes, head_only: bool = False) -> None:
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head_only:
                self.wfile.write(body)

        def _error(self, code: int, message: str, head_only: bool = False) -> None:
            self._send(code, _page(f"{code}", f"<h1>{code}</h1><p>{esc(message)}</p>"
                                             '<p><a href="/">all records</a></p>'), head_only)

        def do_HEAD(self) -> None:  # noqa: N802
            self._get(head_only=True)

        def do_GET(self) -> None:  # noqa: N802
            self._get(head_only=False)

        def _refuse(self) -> None:
            self._error(405, "read-only: only GET")

        do_POST = do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

        def _get(self, head_only: bool) -> None:
            if self.headers.get("Host", "") not in allowed_hosts:
                self._error(403, "unknown host", head_only)
                return
            url = urlsplit(self.path)
            qs = {k: v[0] for k, v in parse_qs(url.query).items() if v}
            try:
                if url.path == "/":
                    f = {k: qs.get(k, "").strip() for k in FILTERS}
                    page = int(qs.get("page", "1") or 1)
                    self._send(200, list_page(index, f, page), head_only)
                elif url.path == "/record":
                    body = record_page(index, int(qs.get("n", "-1")))
                    if body is None:
                        self._error(404, "no such record", head_only)
                    else:
                        self._send(200, body, head_only)
                else:
                    self._error(404, "no such page", head_only)
            except ValueError:
                self._error(400, "bad request", head_only)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def serve(index: RunIndex, port: int) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1:port (0: any free port); not yet serving."""
    server = ThreadingHTTPServer(("127.0.0.1", port), BaseHTTPRequestHandler)
    real = server.server_address[1]
    hosts = {f"127.0.0.1:{real}", f"localhost:{real}"}
    server.RequestHandlerClass = make_handler(index, hosts)
    server.daemon_threads = True
    return server


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("run", metavar="RUN",
                   help="clean's output: .jsonl, .jsonl.gz, .parquet, or a folder of shards")
    p.add_argument("--port", type=int, default=8765, metavar="N",
                   help="port on 127.0.0.1 (default 8765; 0: any free port)")


def run(args: argparse.Namespace) -> int:
    def say(message: str) -> None:
        print(one_line(message), file=sys.stderr, flush=True)

    if not 0 <= args.port <= 65535:
        say(f"newsclean browse: error: --port {args.port}: not a port number")
        return 2
    try:
        index = RunIndex(run_files(args.run))
    except RunError as e:
        say(f"newsclean browse: error: {e}")
        return 2
    for p in index.problems[:5]:
        say(f"newsclean browse: {p}")
    try:
        server = serve(index, args.port)
    except OSError as e:
        say(f"newsclean browse: error: cannot listen on 127.0.0.1:{args.port}: "
            f"{e.strerror or e}")
        return 1
    port = server.server_address[1]
    say(f"newsclean browse: {len(index.entries):,} records of {Path(args.run)} at "
        f"http://127.0.0.1:{port}/ (read-only; Ctrl-C to stop)")
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
