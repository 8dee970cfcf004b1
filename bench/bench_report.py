"""`newsclean report`: time and page size on the dev records, and on 100k records.

    .venv/bin/python -m bench.bench_report [--records PATH] [--big 100000] [--rounds 3]

1. records-dev (2,000 records, ../shared/eval/records-dev.jsonl.gz, text in `record`) is
   cleaned once with `newsclean clean ... --learn-boilerplate` (so every section has data),
   then `report` is timed on that output, `--rounds` times (wall clock, the minimum and the
   median), in a fresh process each time (start-up and imports included), as JSONL and as
   Parquet.
2. That output is repeated to `--big` records (ids and clusters made unique per copy) as
   JSONL.gz and as a folder of 10 shards; `report` is timed once on each and the page's size
   measured (the page must stay under 20 MB: counts are aggregated, examples sampled).
Prints a markdown table; nothing is asserted (BENCHMARKS.md records the figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RECORDS = ROOT.parent / "shared" / "eval" / "records-dev.jsonl.gz"


def newsclean(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsclean", *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def repeat(src: Path, n: int, write: object) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    out = 0
    copy = 0
    while out < n:
        for line in lines:
            if out >= n:
                break
            obj = json.loads(line)
            if copy:
                obj["id"] = f"{obj['id']}~{copy}"
                if "cluster" in obj:
                    obj["cluster"] = f"{obj['cluster']}~{copy}"
            write(json.dumps(obj, ensure_ascii=False) + "\n")  # type: ignore[operator]
            out += 1
        copy += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--records", type=Path, default=DEFAULT_RECORDS)
    ap.add_argument("--big", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        d = Path(tmp)
        run = d / "dev.jsonl"
        clean_s = newsclean("clean", str(args.records), "--text-field", "record",
                            "--learn-boilerplate", "--workers", "2", "-o", str(run))
        n = sum(1 for _ in open(run, encoding="utf-8"))
        pq = d / "dev.parquet"
        newsclean("clean", str(args.records), "--text-field", "record",
                  "--learn-boilerplate", "--workers", "2", "-o", str(pq))
        for name, path in ((f"records-dev ({n:,}) JSONL", run), (f"records-dev ({n:,}) Parquet",
                                                                 pq)):
            times = [newsclean("report", str(path), "-o", str(d / "r.html"))
                     for _ in range(args.rounds)]
            rows.append((name, min(times), statistics.median(times),
                         (d / "r.html").stat().st_size))
        big = d / "big.jsonl.gz"
        with gzip.open(big, "wt", encoding="utf-8") as f:
            repeat(run, args.big, f.write)
        t = newsclean("report", str(big), "-o", str(d / "big.html"))
        rows.append((f"{args.big:,} records JSONL.gz", t, t, (d / "big.html").stat().st_size))
        shards = d / "shards"
        shards.mkdir()
        per = (args.big + 9) // 10
        lines = gzip.open(big, "rt", encoding="utf-8").read().splitlines(keepends=True)
        for i in range(10):
            (shards / f"part-{i:05d}.jsonl").write_text("".join(lines[i * per:(i + 1) * per]),
                                                         encoding="utf-8")
        (shards / "part-00000.jsonl.done").write_text("")
        del lines
        t = newsclean("report", str(shards), "-o", str(d / "shards.html"))
        rows.append((f"{args.big:,} records, 10 shards", t, t,
                     (d / "shards.html").stat().st_size))
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}; clean of records-dev "
          f"(--learn-boilerplate, 2 workers) took {clean_s:.1f} s\n")
    print("| run | report, min s | median s | page size |")
    print("|---|---:|---:|---:|")
    for name, lo, med, size in rows:
        print(f"| {name} | {lo:.2f} | {med:.2f} | {size / 1e6:.2f} MB |")


if __name__ == "__main__":
    main()
