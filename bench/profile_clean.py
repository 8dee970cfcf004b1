"""Where the CPU of `clean_record` goes: CPU seconds per stage of the pipeline, and the
functions that cost most (cProfile), over records-dev in one fresh process.

    .venv/bin/python -m bench.profile_clean [--no-enrich] [--top 25] [--md FILE]

The stages are the calls `pipeline.clean_record` makes (the line view, resolve, the line
model's whole-page pass, the glued-furniture repair, apply, enrichment), each wrapped in a
CPU timer; enrichment is split into language and quotations.  The models are loaded before
the timing (a cost per process, not per record).  The cProfile table is from a second pass in
another fresh process (cProfile roughly doubles the time of small Python calls, so its shares
lean towards code that makes many of them; the stage table is the one to quote).  For a
sampling view of the whole command, e.g.
`py-spy record -r 250 -f raw -o OUT -- .venv/bin/newsclean clean ...`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.bench_records import machine_info
from bench.bench_speed import EVAL, load
from bench.report import publish

STAGES = ("parse_header", "TextView", "resolve", "page_furniture", "_glued", "apply_marks")


def _warm(enrich: bool) -> None:
    from newsclean.enrich import language
    from newsclean.model import Record
    from newsclean.pipeline import clean_record

    clean_record(Record("w", "date 2025-01-01 200\nA title\nA first sentence of it.", "w"),
                 enrich=enrich)
    language.classify(" ".join(["Der Stadtrat hat am Dienstag beschlossen, die Buslinien "
                                "der Stadt im kommenden Jahr deutlich zu verlängern."] * 4))
    from newsclean.line_model.score import load as load_line_model
    from newsclean.line_model.stopwords import stoplist_for

    load_line_model()
    stoplist_for(["the"])


def stage_times(path: Path, enrich: bool) -> tuple[float, dict[str, float]]:
    """(total CPU seconds, CPU seconds per stage) of one pass over the records."""
    from newsclean import pipeline

    recs = load(path, None)
    _warm(enrich)
    spent: dict[str, float] = {}

    def timed(owner: Any, name: str, key: str) -> None:
        fn: Callable[..., Any] = getattr(owner, name)

        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[key] = spent.get(key, 0.0) + time.process_time() - t

        setattr(owner, name, wrapper)

    for name in STAGES:
        timed(pipeline, name, name)
    timed(pipeline, "detect_language", "enrich: language")
    timed(pipeline, "find_quotations", "enrich: quotations and speakers")
    t = time.process_time()
    for r in recs:
        pipeline.clean_record(r, enrich=enrich)
    return time.process_time() - t, spent


def top_functions(path: Path, enrich: bool, top: int) -> str:
    from newsclean.pipeline import clean_record

    recs = load(path, None)
    _warm(enrich)
    prof = cProfile.Profile()
    prof.enable()
    for r in recs:
        clean_record(r, enrich=enrich)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    lines = []
    for line in out.getvalue().splitlines():
        parts = line.split(None, 5)
        if len(parts) == 6 and parts[0].replace("/", "").isdigit() and "." in parts[1]:
            where = parts[5].split("/src/")[-1].split("site-packages/")[-1]
            lines.append(f"| `{where}` | {parts[0]} | {float(parts[1]):.3f} | {float(parts[3]):.3f} |")
    return "\n".join(["| function | calls | own s | with callees s |", "|---|---:|---:|---:|",
                      *lines])


def _child(args: list[str]) -> str:
    root = Path(__file__).resolve().parents[1]
    return subprocess.run([sys.executable, "-m", "bench.profile_clean", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--no-enrich", action="store_true")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--md", type=Path, default=None)
    ap.add_argument("--part", choices=("stages", "functions"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    path = args.eval_dir / "records-dev.jsonl.gz"
    enrich = not args.no_enrich
    if args.part == "stages":
        total, spent = stage_times(path, enrich)
        rows = [f"| {k} | {v:.3f} | {v / total:.1%} |"
                for k, v in sorted(spent.items(), key=lambda kv: -kv[1])]
        rest = total - sum(spent.values())
        rows.append(f"| the rest of clean_record (verdict, dateline, markdown, fields) | "
                    f"{rest:.3f} | {rest / total:.1%} |")
        n = len(load(path, None))
        print("\n".join([f"{total:.3f} CPU s for {n} records ({total / n * 1e3:.3f} ms/record)",
                         "",
                         "| stage | CPU s | share |", "|---|---:|---:|", *rows]))
        return 0
    if args.part == "functions":
        print(top_functions(path, enrich, args.top))
        return 0
    flags = ["--eval-dir", str(args.eval_dir), "--top", str(args.top)]
    flags += ["--no-enrich"] if args.no_enrich else []
    m = machine_info()
    text = "\n".join([
        f"## Where clean_record's CPU goes ({'default clean' if enrich else 'no enrichment'})",
        "",
        f"`python -m bench.profile_clean{' --no-enrich' if args.no_enrich else ''}`: "
        f"{m['date']}, {m['cpu']} ({m['cores']} cores, load {m['load_avg_1m']:.1f}), Python "
        f"{m['python']}, commit {m['git_commit']}; records-dev, one fresh process each table.",
        "",
        _child([*flags, "--part", "stages"]).rstrip(),
        "",
        "Functions by own time (cProfile, another fresh process):",
        "",
        _child([*flags, "--part", "functions"]).rstrip(),
    ])
    publish(text, args.md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
