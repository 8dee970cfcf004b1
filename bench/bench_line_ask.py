"""The cost of one ask of the line model on an ordinary record, A/B between two source trees.

`clean` asks the line model (line_model/score.py: `line_features`, the first booster,
`context_features`, the second booster) about whole pages and, at the ends of ordinary
records, where the rules leave label lines (line_model/furniture.py).  This bench asks it
about every records-dev record of 3 lines or more, after `resolve`, with the marks and
headline `clean_record` hands it, and times the four steps apart: per ask, the fastest of
`--repeat` runs of each step (the first run tokenises the lines, later runs find the tokens
cached), summed over the records, and the first run alone (`cold`: what `clean` pays).  Each
pass is a fresh process with one tree's package; passes of the two trees alternate and the
medians of per-pair ratios are the answer.  Each pass prints a digest of every feature matrix
and score vector it made (`same features/scores: yes` when a change leaves them identical).

    .venv/bin/python -m bench.bench_line_ask /tmp/base/src src [--runs 3] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.bench_records import machine_info
from bench.report import publish

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
STEPS = ("features", "first", "context", "second")

_PASS = """
import gzip, hashlib, json, sys, time
sys.path.insert(0, {src!r})
import numpy as np
from newsclean import native
from newsclean.header import parse_header
from newsclean.line_model import score
from newsclean.line_model.features import context_features, line_features
from newsclean.line_model.stopwords import stoplist_for
from newsclean.resolve import resolve
from newsclean.text_view import TextView
model = score.load()
stoplist_for("der die und das ist nicht mit den von zu".split() * 3)  # (the vote's index)
asks = []
with gzip.open({records!r}, "rt", encoding="utf-8") as f:
    for line in f:
        text = json.loads(line)["record"]
        view = TextView(text, body_start=1 if parse_header(text) else 0)
        found = resolve(view)
        marks, title = found.line_marks, found.title.index if found.title else None
        if found.layout_pick is not None:
            title, moved = found.layout_pick
            marks = {{i: m for i, m in marks.items() if i not in moved}}
        body = view.body()
        if len(body) >= 3:
            asks.append((view, body, marks, title))
clock = time.perf_counter
cold = [0.0] * 4
best_sum = [0.0] * 4
digest = hashlib.sha256()
for view, body, marks, title in asks:
    best = [1e9] * 4
    for r in range({repeat}):
        t0 = clock()
        X = line_features(view, body, marks, title)
        t1 = clock()
        p = model.first.predict(X)
        t2 = clock()
        words = np.fromiter((ln.words for ln in body), dtype=np.float32, count=len(body))
        ctx = context_features(p, X, words)
        t3 = clock()
        s = model.second.predict(ctx)
        t4 = clock()
        took = (t1 - t0, t2 - t1, t3 - t2, t4 - t3)
        best = [min(a, b) for a, b in zip(best, took)]
        if r == 0:
            cold = [a + b for a, b in zip(cold, took)]
            for a in (X, p, ctx, s):
                digest.update(np.ascontiguousarray(a).tobytes())
    best_sum = [a + b for a, b in zip(best_sum, best)]
print(json.dumps({{"asks": len(asks), "lines": sum(len(a[1]) for a in asks), "best": best_sum,
                  "cold": cold, "digest": digest.hexdigest()[:16],
                  "native": native._active is not None}}))
"""


def one_pass(src: Path, repeat: int, env: dict[str, str]) -> dict:
    code = _PASS.format(src=str(src.resolve()), records=str(EVAL / "records-dev.jsonl.gz"),
                        repeat=repeat)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={**os.environ, **env})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="src directory of the old tree")
    ap.add_argument("after", type=Path, help="src directory of the new tree")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=5, help="runs of each ask (the fastest counts)")
    ap.add_argument("--before-env", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--after-env", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--md", type=Path)
    args = ap.parse_args(argv)
    envs = [dict(p.split("=", 1) for p in e) for e in (args.before_env, args.after_env)]
    pairs: list[tuple[dict, dict]] = []
    for _ in range(args.runs):
        a = one_pass(args.before, args.repeat, envs[0])
        b = one_pass(args.after, args.repeat, envs[1])
        pairs.append((a, b))
        print(f"before {1000 * sum(a['best']) / a['asks']:.3f} ms/ask (cold "
              f"{1000 * sum(a['cold']) / a['asks']:.3f}), after {1000 * sum(b['best']) / b['asks']:.3f}"
              f" (cold {1000 * sum(b['cold']) / b['asks']:.3f})", flush=True)

    def ms(side: int, key: str, step: int | None) -> float:
        return statistics.median(
            1000 * (sum(p[side][key]) if step is None else p[side][key][step]) / p[side]["asks"]
            for p in pairs
        )

    def ratio(key: str, step: int | None) -> float:
        return statistics.median(
            (sum(b[key]) if step is None else b[key][step])
            / (sum(a[key]) if step is None else a[key][step])
            for a, b in pairs
        )

    a0 = pairs[0][0]
    m = machine_info()
    same = {a["digest"] for a, _ in pairs} == {b["digest"] for _, b in pairs}
    rows = [
        f"`python -m bench.bench_line_ask {args.before} {args.after} --runs {args.runs} "
        f"--repeat {args.repeat}` -- {a0['asks']} records-dev records asked "
        f"({a0['lines'] / a0['asks']:.0f} lines each on average), compiled: before "
        f"{pairs[0][0]['native']}, after {pairs[0][1]['native']}; {m['date']}, {m['cpu']} "
        f"(load {m['load_avg_1m']:.1f}), commit {m['git_commit']}",
        "",
        "| ms per ask | before | after | after / before |",
        "|---|---:|---:|---:|",
    ]
    for i, step in enumerate(STEPS):
        rows.append(f"| {step} (fastest of {args.repeat}) | {ms(0, 'best', i):.3f} | "
                    f"{ms(1, 'best', i):.3f} | {ratio('best', i):.3f} |")
    rows.append(f"| **ask (fastest of {args.repeat})** | {ms(0, 'best', None):.3f} | "
                f"{ms(1, 'best', None):.3f} | {ratio('best', None):.3f} |")
    rows.append(f"| ask, first run (cold tokens) | {ms(0, 'cold', None):.3f} | "
                f"{ms(1, 'cold', None):.3f} | {ratio('cold', None):.3f} |")
    rows.append("")
    rows.append(f"same features/scores: {'yes' if same else 'no'}")
    publish("\n".join(rows), args.md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
