"""`newsclean report RUN [-o report.html]`: one self-contained HTML page of what a run did.

One pass over the run (runs.iter_run: JSONL, JSONL.gz, Parquet or a folder of shards) counts
records by verdict, source and language, removals by reason and rule and the characters each
reason took, the lines learned as a source's boilerplate, and the size of each duplicate
cluster; for each reason a few records are kept (a reservoir sample, seeded, so the same run
gives the same page) to show with the removed spans highlighted in place.  Memory and the
page's size are bounded whatever the run's size: counters (rules, sources, learned lines) are
capped and only the sampled examples' records are held (each shown in a window around its
first span of the reason).

The page is one file with no script, no network and no external resource: the plots are SVG
drawn inline (svgchart), the styles inline, and a Content-Security-Policy that forbids scripts
and every fetch.  Every value from the run is escaped (htmlview.esc).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__
from .htmlview import (
    CSP,
    DIFF_CSS,
    OTHER_COLOUR,
    REASON_COLOURS,
    VERDICT_COLOURS,
    diff_html,
    esc,
)
from .model import REASONS, VERDICTS
from .runs import RunError, RunFiles, count_set_aside, iter_run, record_text, run_files
from .svgchart import hbar, stacked_hbar, vbar
from .terminal import one_line

EXAMPLES_PER_REASON = 3
EXAMPLE_CHARS = 1600
TOP_SOURCES = 15
TOP_RULES = 30
LEARNED_PER_SOURCE = 5
LEARNED_SOURCES = 10
MAX_KEYS = 20_000  # a counter keyed by crawled values (sources, rules, lines) stops growing here
CLUSTER_BUCKETS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 10), (11, 20), (21, 50),
                   (51, 100), (101, None))


def source_of(obj: dict[str, Any]) -> str:
    """The source a record is counted under: its URL's site, else the site name its page
    gives, else the input file it was read from (a folder, for one-record files)."""
    from .corpus.learned_boilerplate import site_of

    url = obj.get("url")
    if isinstance(url, str) and url:
        site = site_of(url)
        if site:
            return site
    name = obj.get("site_name")
    if isinstance(name, str) and name.strip():
        return name.strip()[:80]
    src = str(obj.get("source") or "?")
    head, sep, tail = src.rpartition(":")
    if sep and (tail.isdigit() or tail.startswith("row ")):
        src = head
    if src.lower().endswith((".txt", ".html", ".htm", ".html.gz", ".htm.gz")):
        parent = str(Path(src).parent)
        return "." if parent == "." else parent + "/"
    return src


class _Capped(Counter[Any]):
    """A Counter that stops taking new keys at MAX_KEYS (the rest go to one 'other' key)."""

    def add(self, key: Any, n: int = 1, other: Any = "(other)") -> None:
        if key in self or len(self) < MAX_KEYS:
            self[key] += n
        else:
            self[other] += n


@dataclass
class RunStats:
    """Everything the report shows, gathered in one pass."""

    records: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)  # removed spans per reason
    reason_records: Counter[str] = field(default_factory=Counter)  # records with the reason
    reason_chars: Counter[str] = field(default_factory=Counter)
    rules: _Capped = field(default_factory=_Capped)  # (reason, rule) -> spans
    sources: _Capped = field(default_factory=_Capped)  # (source, verdict) -> records
    source_totals: _Capped = field(default_factory=_Capped)
    languages: Counter[str] = field(default_factory=Counter)
    learned: dict[str, _Capped] = field(default_factory=lambda: defaultdict(_Capped))
    clusters: _Capped = field(default_factory=_Capped)  # cluster id -> size
    clustered: bool = False
    duplicates: int = 0  # records that are not their cluster's canonical copy
    chars_in: int = 0
    chars_kept: int = 0
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    seen_per_reason: Counter[str] = field(default_factory=Counter)
    set_aside: int = 0
    set_aside_kinds: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    shards: int = 0
    throughput: dict[str, float] | None = None


def gather(files: RunFiles, seed: int = 0) -> RunStats:
    st = RunStats(shards=len(files.shards))
    rng = random.Random(seed)
    for obj in iter_run(files, st.problems):
        st.records += 1
        verdict = str(obj.get("verdict"))
        st.verdicts[verdict] += 1
        src = source_of(obj)
        st.sources.add((src, verdict), other=("(other sources)", verdict))
        st.source_totals.add(src, other="(other sources)")
        lang = obj.get("language")
        st.languages[lang if isinstance(lang, str) and lang else "(none)"] += 1
        text = obj.get("text") or ""
        st.chars_kept += len(text)
        st.chars_in += len(text) + sum(len(r.get("text") or "") for r in obj["removed"])
        in_record: set[str] = set()
        for r in obj["removed"]:
            reason = str(r.get("reason") or "?")
            st.reasons[reason] += 1
            st.reason_chars[reason] += len(r.get("text") or "")
            rule = str(r.get("rule") or "")
            if reason == "learned_boilerplate":
                rule = rule.rsplit(" x", 1)[0]  # "<source> x<count>": one rule per source
                line = (r.get("text") or "").strip()[:200]
                st.learned[src].add(line)
            st.rules.add((reason, rule), other=(reason, "(other rules)"))
            in_record.add(reason)
        for reason in sorted(in_record):  # sorted: a set's order changes per process
            st.reason_records[reason] += 1
            if reason == "whitespace":
                continue
            _sample(st, rng, reason, obj)
        if "cluster" in obj:
            st.clustered = True
            st.clusters.add(str(obj.get("cluster")))
            if obj.get("canonical") is False:
                st.duplicates += 1
    st.set_aside, st.set_aside_kinds = count_set_aside(files.set_aside, st.problems)
    return st


def _sample(st: RunStats, rng: random.Random, reason: str, obj: dict[str, Any]) -> None:
    """Reservoir sampling: each record with the reason has the same chance to be shown."""
    st.seen_per_reason[reason] += 1
    n = st.seen_per_reason[reason]
    kept = st.examples.setdefault(reason, [])
    slim = {k: obj.get(k) for k in ("id", "verdict", "title", "source", "url", "text",
                                    "removed", "repaired")}
    if len(kept) < EXAMPLES_PER_REASON:
        kept.append(slim)
    else:
        j = rng.randrange(n)
        if j < EXAMPLES_PER_REASON:
            kept[j] = slim


def find_throughput(files: RunFiles, explicit: str | None) -> dict[str, float] | None:
    """Seconds and records of the run when a stats file says them: `--stats FILE`, or
    RUN.stats.json beside an output file, or stats.json in a shard folder."""
    candidates = [Path(explicit)] if explicit else []
    p = Path(files.path)
    candidates += [p / "stats.json", p / "_stats.json"] if p.is_dir() else [
        p.with_name(p.name.split(".")[0] + ".stats.json")]
    for c in candidates:
        try:
            data = json.loads(c.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        tp = data.get("throughput")
        if data.get("format") == "newsclean-stats" and isinstance(tp, dict):
            # clean --stats: what this invocation cleaned, in its own seconds
            data = {"seconds": tp.get("seconds"), "records": tp.get("records_cleaned")}
        secs = next((data[k] for k in ("seconds", "elapsed_seconds", "elapsed", "wall_seconds")
                     if isinstance(data.get(k), int | float)), None)
        recs = next((data[k] for k in ("read", "records") if isinstance(data.get(k), int)), None)
        if secs and recs:
            return {"seconds": float(secs), "records": float(recs),
                    "per_second": recs / float(secs)}
    return None


# ---------------------------------------------------------------- the page

PAGE_CSS = (
    "body{font:14px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111827;"
    "margin:0;background:#f9fafb}main{max-width:1040px;margin:0 auto;padding:18px 24px 60px}"
    "h1{font-size:24px;margin:8px 0 2px}h2{font-size:19px;margin:30px 0 8px;"
    "border-bottom:1px solid #e5e7eb;padding-bottom:4px}h3{font-size:15px;margin:16px 0 6px}"
    ".meta{color:#6b7280}.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}"
    ".card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:8px 14px;"
    "min-width:120px}.card b{display:block;font-size:20px}"
    "table{border-collapse:collapse;background:#fff;margin:6px 0}td,th{border:1px solid #e5e7eb;"
    "padding:3px 8px;text-align:left;vertical-align:top}td.n{text-align:right;"
    "font-variant-numeric:tabular-nums}svg.chart{background:#fff;border:1px solid #e5e7eb;"
    "border-radius:6px;max-width:100%;height:auto}nav a{margin-right:10px}"
    ".ex-head{color:#374151;font-size:13px}.empty{color:#6b7280;font-style:italic}"
    "code{background:#f3f4f6;padding:0 3px;border-radius:3px}"
) + DIFF_CSS


def _colour(reason: str) -> str:
    return REASON_COLOURS.get(reason, OTHER_COLOUR)


def _table(head: list[str], rows: list[list[Any]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    out = ["<table><tr>", *(f"<th>{esc(h)}</th>" for h in head), "</tr>"]
    for row in rows:
        out.append("<tr>")
        for i, v in enumerate(row):
            cls = ' class="n"' if i in numeric else ""
            out.append(f"<td{cls}>{esc(f'{v:,}' if isinstance(v, int) else v)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _ordered(counts: Counter[str], known: tuple[str, ...]) -> list[str]:
    return [k for k in known if counts.get(k)] + sorted(k for k in counts if k not in known)


def _cluster_rows(st: RunStats) -> list[tuple[str, float]]:
    sizes = Counter(st.clusters.values())
    rows = []
    for lo, hi in CLUSTER_BUCKETS:
        n = sum(c for s, c in sizes.items() if s >= lo and (hi is None or s <= hi))
        label = str(lo) if lo == hi else (f"{lo}–{hi}" if hi else f"{lo}+")
        rows.append((label, float(n)))
    while len(rows) > 5 and rows[-1][1] == 0:
        rows.pop()
    return rows


def render(st: RunStats, run_name: str, took: float) -> str:
    parts: list[str] = []
    add = parts.append
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    add("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
    add(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">')
    add('<meta name="viewport" content="width=device-width,initial-scale=1">')
    add(f"<title>newsclean report: {esc(run_name)}</title><style>{PAGE_CSS}</style></head>")
    add("<body><main>")
    add(f"<h1>newsclean report</h1><div class=\"meta\">run <code>{esc(run_name)}</code> · "
        f"{st.shards} file{'s' if st.shards != 1 else ''} · made {now} by newsclean "
        f"{esc(__version__)} in {took:.1f} s</div>")
    sections = [("summary", "Summary"), ("verdicts", "Verdicts"), ("removals", "Removals"),
                ("rules", "Rules"), ("sources", "Sources"), ("languages", "Languages"),
                ("learned", "Learned boilerplate"), ("clusters", "Duplicate clusters"),
                ("throughput", "Throughput"), ("examples", "Examples")]
    add("<nav>" + "".join(f'<a href="#{i}">{t}</a>' for i, t in sections) + "</nav>")

    # summary
    removed_chars = st.chars_in - st.chars_kept
    articles = st.verdicts.get("article", 0)
    cards = [("records", st.records), ("articles", articles),
             ("set aside", st.set_aside), ("characters read", st.chars_in),
             ("characters removed", removed_chars)]
    if st.clustered:
        cards.append(("duplicates", st.duplicates))
    add('<section id="summary"><h2>Summary</h2><div class="cards">'
        + "".join(f'<div class="card"><b>{v:,}</b><span>{esc(k)}</span></div>' for k, v in cards)
        + "</div>")
    if st.chars_in:
        add(f"<p>{removed_chars / st.chars_in:.1%} of the characters read were removed; "
            f"{articles / max(st.records, 1):.1%} of the records are articles.</p>")
    if st.set_aside_kinds:
        add("<h3>Set aside (not in the output)</h3>" + _table(
            ["error", "entries"],
            [[k, v] for k, v in sorted(st.set_aside_kinds.items(), key=lambda kv: -kv[1])[:20]],
            {1}))
    if st.problems:
        add(f"<h3>Lines that could not be read ({len(st.problems):,})</h3><ul>"
            + "".join(f"<li>{esc(p)}</li>" for p in st.problems[:20]) + "</ul>")
    add("</section>")

    # verdicts
    vs = _ordered(st.verdicts, VERDICTS)
    add('<section id="verdicts"><h2>Verdicts</h2>')
    add(hbar([(v, float(st.verdicts[v])) for v in vs], "Records by verdict",
             colours=[VERDICT_COLOURS.get(v, OTHER_COLOUR) for v in vs]))
    add("</section>")

    # removals
    rs = [r for r in _ordered(st.reasons, REASONS)]
    add('<section id="removals"><h2>Removals</h2>')
    if rs:
        add(hbar([(r, float(st.reason_records[r])) for r in rs],
                 "Records with a removal of each reason",
                 colours=[_colour(r) for r in rs]))
        by_chars = sorted(rs, key=lambda r: -st.reason_chars[r])
        add("<h3>Characters removed per reason</h3>")
        add(hbar([(r, float(st.reason_chars[r])) for r in by_chars],
                 "Characters removed per reason", colours=[_colour(r) for r in by_chars],
                 unit=" chars"))
        add(_table(["reason", "records", "spans", "characters"],
                   [[r, st.reason_records[r], st.reasons[r], st.reason_chars[r]] for r in rs],
                   {1, 2, 3}))
    else:
        add('<p class="empty">Nothing was removed.</p>')
    add("</section>")

    # rules
    add('<section id="rules"><h2>Rules</h2>')
    top_rules = st.rules.most_common(TOP_RULES)
    if top_rules:
        add(hbar([(f"{reason}: {rule or '-'}", float(n)) for (reason, rule), n in top_rules],
                 f"The {len(top_rules)} rules that removed most spans",
                 colours=[_colour(reason) for (reason, _), _ in top_rules], label_chars=40))
        if len(st.rules) > TOP_RULES:
            add(f"<p class=\"meta\">{len(st.rules) - TOP_RULES:,} more rules not shown.</p>")
    else:
        add('<p class="empty">No rule removed anything.</p>')
    add("</section>")

    # sources
    add('<section id="sources"><h2>Sources</h2>')
    top = [s for s, _ in st.source_totals.most_common(TOP_SOURCES)]
    series = _ordered(st.verdicts, VERDICTS)
    rows = [(s, [float(st.sources.get((s, v), 0)) for v in series]) for s in top]
    rest = st.records - sum(sum(v) for _, v in rows)
    if rest > 0:
        rows.append((f"{len(st.source_totals) - len(top):,} other sources",
                     [float(sum(n for (s, v2), n in st.sources.items()
                                if v2 == v and s not in top)) for v in series]))
    add(stacked_hbar(rows, series, [VERDICT_COLOURS.get(v, OTHER_COLOUR) for v in series],
                     "Records per source by verdict", label_chars=40))
    worst = sorted(
        (s for s in st.source_totals if st.source_totals[s] >= 3),
        key=lambda s: -(st.source_totals[s] - st.sources.get((s, "article"), 0))
        / st.source_totals[s],
    )[:10]
    if worst:
        add("<h3>Sources with the fewest articles (3+ records)</h3>" + _table(
            ["source", "records", "articles", "not articles"],
            [[s, st.source_totals[s], st.sources.get((s, "article"), 0),
              f"{1 - st.sources.get((s, 'article'), 0) / st.source_totals[s]:.0%}"]
             for s in worst], {1, 2, 3}))
    add("</section>")

    # languages
    add('<section id="languages"><h2>Languages</h2>')
    langs = st.languages.most_common(20)
    add(hbar([(k, float(v)) for k, v in langs], "Records by language"))
    add("</section>")

    # learned boilerplate
    add('<section id="learned"><h2>Learned boilerplate</h2>')
    if st.learned:
        order = sorted(st.learned, key=lambda s: -sum(st.learned[s].values()))
        for s in order[:LEARNED_SOURCES]:
            add(f"<h3>{esc(s)}</h3>")
            add(_table(["line", "removed"],
                       [[line, n] for line, n in st.learned[s].most_common(LEARNED_PER_SOURCE)],
                       {1}))
        if len(order) > LEARNED_SOURCES:
            add(f"<p class=\"meta\">{len(order) - LEARNED_SOURCES:,} more sources.</p>")
    else:
        add('<p class="empty">No learned boilerplate in this run (clean with '
            "<code>--learn-boilerplate</code> or <code>--boilerplate-model</code>).</p>")
    add("</section>")

    # clusters
    add('<section id="clusters"><h2>Duplicate clusters</h2>')
    if st.clustered:
        add(f"<p>{len(st.clusters):,} cluster{'' if len(st.clusters) == 1 else 's'} over {st.records:,} records; "
            f"{st.duplicates:,} records are copies of another (not canonical).</p>")
        add(vbar(_cluster_rows(st), "Clusters by size", "records in the cluster",
                 "clusters"))
    else:
        add('<p class="empty">This run was not clustered (<code>--no-dedup</code>).</p>')
    add("</section>")

    # throughput
    add('<section id="throughput"><h2>Throughput</h2>')
    if st.throughput:
        t = st.throughput
        add(f"<p>{t['records']:,.0f} records in {t['seconds']:,.1f} s: "
            f"<b>{t['per_second']:,.1f} records/s</b>.</p>")
    else:
        add('<p class="empty">Not known: the run left no stats file '
            "(give one with <code>--stats FILE</code>, JSON with "
            "<code>seconds</code> and <code>read</code>).</p>")
    add("</section>")

    # examples
    add('<section id="examples"><h2>Examples</h2><p class="meta">A few records per reason, '
        "sampled at random (seeded); kept text plain, removed spans struck through after "
        "their reason, the spans of the section's reason highlighted.</p>")
    for reason in _ordered(Counter({k: 1 for k in st.examples}), REASONS):
        add(f'<h3 id="ex-{esc(reason)}">{esc(reason)} '
            f'<span class="meta">({st.reason_records[reason]:,} records)</span></h3>')
        for ex in st.examples[reason]:
            try:
                record = record_text(ex)
            except (ValueError, TypeError, IndexError, KeyError) as e:
                add(f'<p class="empty">{esc(ex.get("id"))}: cannot rebuild: {esc(e)}</p>')
                continue
            head = f"{ex.get('id')} · {ex.get('verdict')}"
            if ex.get("title"):
                head += f" · {ex.get('title')}"
            add(f'<div class="ex-head">{esc(head)}</div>')
            add(diff_html(record, ex["removed"], focus=reason, max_chars=EXAMPLE_CHARS))
    if not st.examples:
        add('<p class="empty">No removals to show.</p>')
    add("</section></main></body></html>\n")
    return "".join(parts)


# ---------------------------------------------------------------- command line


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("run", metavar="RUN",
                   help="clean's output: .jsonl, .jsonl.gz, .parquet, or a folder of shards")
    p.add_argument("-o", "--output", metavar="HTML", default=None,
                   help="the page to write (default: RUN's name + .report.html)")
    p.add_argument("--stats", metavar="FILE", default=None,
                   help="a JSON file with the run's seconds and records read, for throughput")
    p.add_argument("-q", "--quiet", action="store_true", help="no closing line on stderr")


def default_output(run: str) -> str:
    p = Path(run.rstrip("/"))
    base = p.name
    for suf in (".gz", ".zst", ".jsonl", ".ndjson", ".parquet", ".pq"):
        if base.lower().endswith(suf):
            base = base[: -len(suf)]
    return str(p.with_name((base or "run") + ".report.html"))


def make_report(run: str, output: str, stats: str | None = None) -> RunStats:
    """Write the report of `run` to `output`; RunError when `run` is not a run."""
    from .outputs import write_text_atomically

    started = time.monotonic()
    files = run_files(run)
    st = gather(files)
    st.throughput = find_throughput(files, stats)
    page = render(st, run, time.monotonic() - started)
    write_text_atomically(output, page)
    return st


def run(args: argparse.Namespace) -> int:
    from .outputs import OutputError

    def say(message: str) -> None:
        print(one_line(message), file=sys.stderr)

    output = args.output or default_output(args.run)
    if not output.lower().endswith((".html", ".htm")):
        say(f"newsclean report: error: -o {output}: the report is HTML; name it .html")
        return 2
    try:
        files = run_files(args.run)
        if any(Path(output).resolve() == f.resolve() for f in files.shards):
            say(f"newsclean report: error: -o {output} is the run itself")
            return 2
        st = make_report(args.run, output, args.stats)
    except RunError as e:
        say(f"newsclean report: error: {e}")
        return 2
    except (OutputError, OSError) as e:
        say(f"newsclean report: error: cannot write {output}: {e}")
        return 1
    for p in st.problems[:5]:
        say(f"newsclean report: {p}")
    if not args.quiet:
        say(f"newsclean report: {st.records:,} records -> {output}")
    return 0 if st.records else 3
