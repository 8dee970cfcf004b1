"""`--fast` speed bench: the per-page path of `newsclean clean --fast` against trafilatura.

    .venv/bin/python -m bench.bench_fast [--sets aeb,wcxb] [--step N] [--rounds 3] [--stages]
        [--eval-dir /work/shared/eval] [--md bench/results/fast.md]

Issue 3's criterion: `--fast` reaches >= 8x trafilatura's pages/s with shingle F1 >= 0.92 on AEB.
Systems, each run on every page in turn (a load change on the shared machine hits all alike):
- trafilatura: `trafilatura.extract(page.decode("utf-8", "replace"), url=url)`, as bench_html;
- fast: `clean_record(html_record(page, fast=True), enrich=False)` -- `clean --fast --no-enrich`;
- fast+enrich: the same with enrich=True (language, quotations) -- `clean --fast`.
Each round sums wall and CPU time per system; the tables give medians over rounds, and the
ratio to trafilatura is the median of the per-round ratios (the machine is shared and noisy).
`--stages` also times the steps of the fast path alone (decode, parse, depth check, head
metadata, main-content text, line post-processing, repair, enrich), medians over rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import metrics as M
from bench.bench_html import DEFAULT_EVAL_DIR, SETS, Page, _trafilatura, report_head
from bench.report import save


def _fast(enrich: bool) -> Callable[[bytes, str | None], str]:
    from newsclean.extract import html_record
    from newsclean.model import BadRecord
    from newsclean.pipeline import clean_record

    def run(page: bytes, url: str | None) -> str:
        rec = html_record(page, id="p", source="p", url=url, fast=True)
        if isinstance(rec, BadRecord):
            return ""
        return clean_record(rec, enrich=enrich).text

    return run


SYSTEMS: dict[str, Callable[[], Callable[[bytes, str | None], str]]] = {
    "trafilatura": lambda: _trafilatura(False),
    "fast (--no-enrich)": lambda: _fast(False),
    "fast+enrich": lambda: _fast(True),
}


def run_rounds(pages: list[Page], rounds: int) -> dict[str, dict]:
    fns = {n: f() for n, f in SYSTEMS.items()}
    outs: dict[str, list[str]] = {n: [] for n in fns}
    walls: dict[str, list[float]] = {n: [] for n in fns}
    cpus: dict[str, list[float]] = {n: [] for n in fns}
    for r in range(rounds):
        wall = dict.fromkeys(fns, 0.0)
        cpu = dict.fromkeys(fns, 0.0)
        for _id, page, _gold, url in pages:
            for n, fn in fns.items():
                w0, c0 = time.perf_counter(), time.process_time()
                out = fn(page, url)
                wall[n] += time.perf_counter() - w0
                cpu[n] += time.process_time() - c0
                if r == 0:
                    outs[n].append(out)
        for n in fns:
            walls[n].append(wall[n])
            cpus[n].append(cpu[n])
    golds = [p[2] for p in pages]
    base = "trafilatura"
    res: dict[str, dict] = {}
    for n in fns:
        res[n] = {
            "metrics": M.text_metrics(zip(outs[n], golds, strict=True)),
            "pages_s": len(pages) / statistics.median(walls[n]),
            "cpu_ms": 1000 * statistics.median(cpus[n]) / len(pages),
            # pages/s ratio = trafilatura's time / this system's time, per round
            "x_pages_s": statistics.median(
                b / w for b, w in zip(walls[base], walls[n], strict=True)
            ),
            "x_cpu": statistics.median(b / c for b, c in zip(cpus[base], cpus[n], strict=True)),
        }
    return res


def stage_times(pages: list[Page], rounds: int) -> dict[str, float]:
    """CPU ms/page of each step of the fast path (the steps extract_page_fast runs, called
    one by one), medians over rounds."""
    from resiliparse.parse.html import HTMLTree

    from newsclean.extract import fast as F
    from newsclean.extract import html_record
    from newsclean.extract.decode import decode_html, too_deep
    from newsclean.extract.html_text import cut_before_title, drop_title_lines
    from newsclean.model import BadRecord
    from newsclean.pipeline import clean_record

    totals: dict[str, list[float]] = {}
    for _ in range(rounds):
        acc: dict[str, float] = {}

        def tick(name: str, c0: float, acc: dict[str, float] = acc) -> float:
            c1 = time.process_time()
            acc[name] = acc.get(name, 0.0) + c1 - c0
            return c1

        for _id, page, _gold, url in pages:
            c = time.process_time()
            html = decode_html(page)[0]
            c = tick("decode", c)
            tree = HTMLTree.parse(html)
            c = tick("parse (lexbor)", c)
            too_deep(tree)
            c = tick("depth check", c)
            pm = F.head_metadata(html)
            c = tick("head metadata", c)
            text = F.resiliparse_text(tree, checked=True, comments=False)
            c = tick("main-content text (resiliparse)", c)
            lines = F.clean_lines(text)
            F.trim_tail(drop_title_lines(cut_before_title(lines, pm["title"]), pm["title"]))
            c = tick("line post-processing", c)
            rec = html_record(page, id="p", source="p", url=url, fast=True)
            c = time.process_time()  # the extraction again, to get the record: not counted
            if isinstance(rec, BadRecord):
                continue
            clean_record(rec, enrich=False)
            c = tick("repair (clean_record, no enrich)", c)
            clean_record(rec, enrich=True)
            tick("repair + enrich (clean_record)", c)
        for k, v in acc.items():
            totals.setdefault(k, []).append(1000 * v / len(pages))
    return {k: statistics.median(v) for k, v in totals.items()}


def table(title: str, n_pages: int, res: dict[str, dict]) -> str:
    lines = [
        f"### {title} ({n_pages} pages)",
        "",
        "| system | P | R | F1 | pages/s | CPU ms/page | pages/s vs trafilatura "
        "| CPU vs trafilatura |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in res.items():
        m = r["metrics"]
        lines.append(
            f"| {n} | {m.precision:.4f} | {m.recall:.4f} | {m.f1:.4f} | {r['pages_s']:.1f} "
            f"| {r['cpu_ms']:.2f} | {r['x_pages_s']:.2f}× | {r['x_cpu']:.2f}× |"
        )
    return "\n".join(lines)


def stage_table(stages: dict[str, float]) -> str:
    lines = ["| step of the fast path | CPU ms/page |", "|---|---:|"]
    lines += [f"| {k} | {v:.3f} |" for k, v in stages.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="aeb")
    ap.add_argument("--step", type=int, default=1, help="every N-th page (subset for development)")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds (medians are reported)")
    ap.add_argument("--stages", action="store_true", help="also time the fast path step by step")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--md", type=Path, default=None, help="also write the tables to this file")
    args = ap.parse_args(argv)
    if not args.eval_dir.exists():
        print(f"no eval data at {args.eval_dir}", file=sys.stderr)
        return 1
    out = report_head("`--fast` against trafilatura", "bench.bench_fast", argv)
    for s in args.sets.split(","):
        title, load = SETS[s]
        pages = load(args.eval_dir)[:: args.step]
        out += [table(title, len(pages), run_rounds(pages, args.rounds)), ""]
        if args.stages:
            out += [stage_table(stage_times(pages, args.rounds)), ""]
        print("\n".join(out[-4 if args.stages else -2 :]), flush=True)
    save("\n".join(out), args.md)  # (the tables were printed as they came)
    return 0


if __name__ == "__main__":
    sys.exit(main())
