"""Cold A/B of `clean` between two source trees: is a change faster, and by how much?

Each pass runs in a fresh process (the cleaner caches line classes; a second pass in one
process would time the caches) and times `clean_record` over records-dev in CPU seconds of
that process: `--mode no-enrich` (enrich=False), `default` (the default clean: language and
quotations too) or `both` (the two, in turn).  The models (language, line model) are loaded
before the timing: that is a cost per process, not per record (bench_scale shows it).  Passes of the two trees alternate, so drift of a shared
machine hits both alike; the median of the per-pair ratios is the answer.

    git worktree add /tmp/before HEAD~3   # or: git archive REV src | tar -x -C /tmp/before
    .venv/bin/python -m bench.bench_ab /tmp/before/src src --runs 7 [--mode both] [--md FILE]

A tree whose compiled build (newsclean/native.py, made by `make install`) is there and fresh
runs compiled, as the package does by default; the table says which side did.  The same tree
pure against compiled:  bench_ab src src --before-env NEWSCLEAN_NATIVE=0
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.bench_records import machine_info
from bench.report import publish

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

_PASS = """
import gzip, json, sys, time
sys.path.insert(0, {src!r})
from newsclean.model import Record
from newsclean.pipeline import clean_record
with gzip.open({path!r}, "rt", encoding="utf-8") as f:
    recs = [Record(str(i), json.loads(line)["record"], "x") for i, line in enumerate(f)]
clean_record(Record("w", "date 2025-01-01 200\\nA title\\nA first sentence of the body.", "x"),
             enrich={enrich})
# The language model is loaded on first use: load it here, not in the timing.  Without
# enrichment too: a record whose last lines may be in another language reads it
# (detect/foreign.py), and which record first does so differs between trees -- its load
# (~0.35 s) would land in one tree's timing and not in the other's.
if True:
    from newsclean.enrich import language
    language.classify(" ".join(["Der Stadtrat hat am Dienstag beschlossen, die Buslinien "
                                "der Stadt im kommenden Jahr deutlich zu verlängern."] * 4))
try:  # the line model (trees from before it have none), loaded on its first whole page
    from newsclean.line_model.score import load
    from newsclean.line_model.stopwords import stoplist_for
    load()
    stoplist_for(["the"])
except ImportError:
    pass
import newsclean
print("native", getattr(newsclean, "NATIVE", False))
t = time.process_time()
for r in recs:
    clean_record(r, enrich={enrich})
print((time.process_time() - t) / len(recs) * 1e3)
"""


def one_pass(src: Path, path: Path, enrich: bool = False,
             env: dict[str, str] | None = None) -> tuple[float, bool]:
    """CPU milliseconds per record of one cold pass with the package under `src`, and
    whether it ran the compiled build."""
    code = _PASS.format(src=str(src.resolve()), path=str(path), enrich=enrich)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={**os.environ, **(env or {})})
    lines = out.stdout.strip().splitlines()
    return float(lines[-1]), "native True" in lines


def _env(pairs: list[str]) -> dict[str, str]:
    return dict(p.split("=", 1) for p in pairs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="src directory of the old tree")
    ap.add_argument("after", type=Path, help="src directory of the new tree")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--mode", choices=("no-enrich", "default", "both"), default="no-enrich")
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--md", type=Path, help="also write the summary table to this file")
    ap.add_argument("--before-env", action="append", default=[], metavar="KEY=VALUE",
                    help="environment of the before passes (e.g. NEWSCLEAN_NATIVE=0)")
    ap.add_argument("--after-env", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args(argv)
    path = args.eval_dir / "records-dev.jsonl.gz"
    if not path.exists():
        print(f"{path} not found", file=sys.stderr)
        return 1
    modes = {"no-enrich": [False], "default": [True], "both": [True, False]}[args.mode]
    rows: dict[bool, list[tuple[float, float]]] = {m: [] for m in modes}
    compiled: tuple[set[bool], set[bool]] = (set(), set())  # per pass: did it run compiled
    for _ in range(args.runs):
        for enrich in modes:
            a, ca = one_pass(args.before, path, enrich, _env(args.before_env))
            b, cb = one_pass(args.after, path, enrich, _env(args.after_env))
            compiled[0].add(ca)
            compiled[1].add(cb)
            rows[enrich].append((a, b))
            print(f"{_NAME[enrich]:>10}: before {a:.3f} ms/record  after {b:.3f}  "
                  f"ratio {b / a:.3f}", flush=True)
    m = machine_info()
    out = [
        f"`python -m bench.bench_ab {args.before} {args.after} --runs {args.runs} "
        f"--mode {args.mode}"
        + "".join(f" --before-env {e}" for e in args.before_env)
        + "".join(f" --after-env {e}" for e in args.after_env)
        + f"`: {m['date']}, {m['cpu']} ({m['cores']} cores, load "
        f"{m['load_avg_1m']:.1f} at the end), Python {m['python']}, commit {m['git_commit']}; "
        "CPU ms per record of records-dev (2,000 records), each pass a fresh process, "
        "the two trees alternated.  Compiled build (newsclean/native.py) used: before "
        f"{_YES.get(frozenset(compiled[0]), 'in some passes')}, after "
        f"{_YES.get(frozenset(compiled[1]), 'in some passes')}.",
        "",
        "| clean | before ms/record | after ms/record | after/before (median of pairs) "
        "| speed-up | records/CPU-s after |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for enrich, pairs in rows.items():
        med_a = statistics.median(a for a, _ in pairs)
        med_b = statistics.median(b for _, b in pairs)
        ratio = statistics.median(b / a for a, b in pairs)
        out.append(f"| {_NAME[enrich]} | {med_a:.3f} | {med_b:.3f} | {ratio:.3f} "
                   f"| {1 / ratio:.2f}x | {1000 / med_b:.0f} |")
    publish("\n".join(out), args.md)
    return 0


_NAME = {True: "default", False: "no-enrich"}
_YES = {frozenset([True]): "yes", frozenset([False]): "no"}  # else some passes only


if __name__ == "__main__":
    raise SystemExit(main())
