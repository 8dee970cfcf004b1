"""Memory of the dedup driver at scale: what the process that clusters keeps per record.

    .venv/bin/python -m bench.bench_dedup_memory [--sizes 100000,1000000] [--distinct 2000]
                                                 [--baseline-src DIR] [--md FILE]

bench_scale measures whole runs, where cleaning dominates the time, so a 1M-record run with
dedup takes most of an hour; this bench isolates the reduce side (corpus/grouped.py) that
runs in the driver.  Signatures are made once for `--distinct` texts of random words (as
the cleaned text of an article would give them); N documents are then added in input order,
each a copy of one of them (clusters of N / distinct copies, as in bench_scale's corpora), or
with `--unique`, every document a text of its own (the usual case of a crawl: most stories
appear once; random signatures of the same shape, since signing a million texts would
take most of an hour).  Each size runs in a fresh process; reported: the process's resident memory
after the documents were added, its peak (the clustering included), and its CPU seconds.
`--baseline-src DIR` runs the same in another source tree (e.g. `git archive REV src | tar
-x -C DIR/..`) at each size, in the same run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench.bench_records import machine_info
from bench.report import publish

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {src!r})
import numpy as np
from newsclean.corpus.dedup import DedupParams, Member, Signature, Signer
from newsclean.corpus import grouped

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20

n, distinct, unique = {n}, {distinct}, {unique}
signer = Signer()
rng = np.random.default_rng(1)
def text():
    words = [f"w{{int(x)}}" for x in rng.integers(0, 50000, 300)]
    return "\n".join(" ".join(words[i:i + 30]) for i in range(0, 300, 30))
base = [signer.sign(text()) for _ in range(distinct)]
start = rss_mb()
t0 = time.process_time()
g = grouped.GroupedDedup(DedupParams())
for k in range(n):
    sig = base[k % distinct] if not unique else Signature(
        rng.bytes(16), 300, rng.integers(0, 2**32, 128, dtype=np.uint32),
        rng.integers(-2**62, 2**62, (10, 2)))
    g.add(Member(k, f"rec-{{k % distinct}}-{{k // distinct}}", "2024-01-01", 1000 + k % 7), sig)
added = rss_mb()
t1 = time.process_time()
if hasattr(g, "table"):
    table = g.table()
    sizes = [table.assignment(k, "-").cluster_size for k in range(0, n, max(1, n // 5))]
else:
    found = g.clusters()
    sizes = sorted(len(v) for v in found.values())[-1:]
t2 = time.process_time()
g.close()
print(json.dumps({{"start": start, "added": added,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "add_s": t1 - t0, "cluster_s": t2 - t1, "max_size": max(sizes)}}))
"""


def run_one(src: str, n: int, distinct: int, unique: bool) -> dict:
    code = _CHILD.format(src=src, n=n, distinct=distinct, unique=unique)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--distinct", type=int, default=2000)
    ap.add_argument("--unique", action="store_true", help="every document a text of its own")
    ap.add_argument("--baseline-src", help="another source tree, run at each size too")
    ap.add_argument("--md", help="write the table here too")
    args = ap.parse_args(argv)
    trees = [("newsclean", str(ROOT / "src"))]
    if args.baseline_src:
        trees.insert(0, ("baseline", args.baseline_src))
    rows = []
    for n in (int(x) for x in args.sizes.split(",") if x):
        for name, src in trees:
            r = run_one(src, n, args.distinct, args.unique)
            rows.append(
                f"| {name} | {n:,} | {r['start']:.0f} | {r['added']:.0f} | {r['peak']:.0f} | "
                f"{(r['peak'] - r['start']) * 2**20 / n:.0f} | {r['add_s']:.1f} | "
                f"{r['cluster_s']:.1f} | {r['max_size']:,} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
    kind = "every document unique" if args.unique else f"copies of {args.distinct:,} texts"
    info = machine_info()
    md = "\n".join([
        f"# Dedup driver memory ({kind})",
        "",
        f"{info['date']} · {info['cpu']} · {info['cores']} cores (shared) · load "
        f"{info['load_avg_1m']} · Python {info['python']} · commit {info['git_commit']}",
        "",
        "| tree | documents | RSS MB before | after adding | peak | peak bytes per document "
        "| add CPU s | cluster CPU s | largest cluster |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "`.venv/bin/python -m bench.bench_dedup_memory " + " ".join(argv or sys.argv[1:]) + "`",
    ])
    publish(md, Path(args.md) if args.md else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
