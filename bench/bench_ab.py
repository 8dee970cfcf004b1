"""Cold A/B of `clean` between two source trees: is a change faster, and by how much?

Each pass runs in a fresh process (the cleaner caches line classes; a second pass in one
process would time the caches) and times `clean_record(enrich=False)` over records-dev in CPU
seconds of that process.  Passes of the two trees alternate, so drift of a shared machine hits
both alike; the median of the per-pair ratios is the answer.

    git worktree add /tmp/before HEAD~3   # or: git archive REV src | tar -x -C /tmp/before
    .venv/bin/python -m bench.bench_ab /tmp/before/src src --runs 7
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

_PASS = """
import gzip, json, sys, time
sys.path.insert(0, {src!r})
from newsclean.model import Record
from newsclean.pipeline import clean_record
with gzip.open({path!r}, "rt", encoding="utf-8") as f:
    recs = [Record(str(i), json.loads(line)["record"], "x") for i, line in enumerate(f)]
clean_record(Record("w", "date 2025-01-01 200\\nA title\\nA first sentence of the body.", "x"),
             enrich=False)
t = time.process_time()
for r in recs:
    clean_record(r, enrich=False)
print((time.process_time() - t) / len(recs) * 1e3)
"""


def one_pass(src: Path, path: Path) -> float:
    """CPU milliseconds per record of one cold pass with the package under `src`."""
    code = _PASS.format(src=str(src.resolve()), path=str(path))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="src directory of the old tree")
    ap.add_argument("after", type=Path, help="src directory of the new tree")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    args = ap.parse_args(argv)
    path = args.eval_dir / "records-dev.jsonl.gz"
    if not path.exists():
        print(f"{path} not found", file=sys.stderr)
        return 1
    rows = []
    for _ in range(args.runs):
        a, b = one_pass(args.before, path), one_pass(args.after, path)
        rows.append((a, b))
        print(f"before {a:.3f} ms/record  after {b:.3f}  ratio {b / a:.3f}", flush=True)
    med_a = statistics.median(a for a, _ in rows)
    med_b = statistics.median(b for _, b in rows)
    ratio = statistics.median(b / a for a, b in rows)
    print(f"median before {med_a:.3f} after {med_b:.3f} ms/record; median ratio after/before "
          f"{ratio:.3f} ({1 / ratio:.2f}x as fast)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
