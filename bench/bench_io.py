"""I/O bench: reading, the whole `newsclean clean` run with 1 and N workers, and the memory of a
huge input line.

    .venv/bin/python -m bench.bench_io [--limit N] [--workers 2] [--eval-dir /work/shared/eval]

Input: the first N records of records-dev.jsonl.gz (text field `record`), written once to a
temporary JSONL.  Each figure is wall time of one run on a shared machine (rates vary with other
load); CPU seconds of this process are given beside it.  Prints a markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import io
import os
import platform
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from newsclean.clean_run import CleanOptions, run_clean
from newsclean.readers import ReadOptions, read_inputs
from newsclean.readers.jsonl import iter_capped_lines


def _subset(eval_dir: Path, limit: int, dest: Path) -> int:
    n = 0
    with gzip.open(eval_dir / "records-dev.jsonl.gz", "rb") as src, open(dest, "wb") as out:
        for line in src:
            if n >= limit:
                break
            out.write(line)
            n += 1
    return n


def _timed(fn):
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0, time.process_time() - cpu0


class _Endless(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = min(len(b), self.left)
        b[:n] = b"x" * n
        self.left -= n
        return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    args = ap.parse_args()
    if not (args.eval_dir / "records-dev.jsonl.gz").exists():
        raise SystemExit(f"no records-dev.jsonl.gz under {args.eval_dir}")
    opts = ReadOptions(text_field="record")
    rows: list[tuple[str, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "records.jsonl"
        n = _subset(args.eval_dir, args.limit, data)
        mb = data.stat().st_size / 1e6
        _, wall, cpu = _timed(lambda: sum(1 for _ in read_inputs([data], opts)))
        rows.append(("read only (JSONL -> Record)", n, wall, cpu))
        outs = {}
        for w in sorted({1, args.workers}):
            out = Path(tmp) / f"out{w}.jsonl"
            s, wall, cpu = _timed(
                lambda w=w, out=out: run_clean(
                    [str(data)], str(out), CleanOptions(read=opts, workers=w)
                )
            )
            assert s.read == s.written + s.set_aside == n
            outs[w] = out.read_bytes()
            rows.append((f"clean, --workers {w}", n, wall, cpu))
        same = len(set(outs.values())) == 1

    size = 2 * 1024**3
    tracemalloc.start()
    t0 = time.perf_counter()
    got = list(iter_capped_lines(io.BufferedReader(_Endless(size)), 8 * 1024 * 1024))
    line_wall = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert got[0][2] == size

    print(f"# newsclean I/O bench — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(f"input: first {n} records of records-dev.jsonl.gz ({mb:.1f} MB uncompressed)\n")
    print("| run | records | wall s | records/s | CPU s (main process) |")
    print("|---|---:|---:|---:|---:|")
    for name, k, wall, cpu in rows:
        print(f"| {name} | {k} | {wall:.2f} | {k / wall:.0f} | {cpu:.2f} |")
    print(f"\n--workers {args.workers} output identical to --workers 1: {same}")
    print(
        f"\n2 GiB line without newline, cap 8 MiB: set aside in {line_wall:.1f} s, "
        f"peak traced memory {peak / 2**20:.1f} MiB; "
        f"max RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
