"""Sharded runs, resume and the Ray engine: what they cost against one output file.

    .venv/bin/python -m bench.bench_shards [--limit 2000] [--workers 2] [--ray]
                                           [--eval-dir /work/shared/eval]

Input: the first N records of records-dev.jsonl.gz (text field `record`), written once to a
temporary JSONL.  Every run is a fresh `newsclean clean` process; each figure is its wall
time and its CPU time (user + sys of the process and its children) on a shared machine, so
rates move with other load.  Checks on the way: the shards concatenated equal the single
file, byte for byte; a run killed (SIGKILL) half-way and resumed gives the folder of an
uninterrupted run; with --ray, the Ray engine gives the same folder.  Prints a markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _subset(eval_dir: Path, limit: int, dest: Path) -> int:
    n = 0
    with gzip.open(eval_dir / "records-dev.jsonl.gz", "rb") as src, open(dest, "wb") as out:
        for line in src:
            if n >= limit:
                break
            out.write(line)
            n += 1
    return n


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(args: list[str], kill_after: float | None = None) -> tuple[float, float, int]:
    """(wall s, CPU s, exit code) of one `newsclean clean` process."""
    cpu0, t0 = _children_cpu(), time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", "clean", "--quiet", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate()
    if kill_after is None and proc.returncode != 0:
        raise SystemExit(f"failed: {args}\n{err.decode()}")
    return time.monotonic() - t0, _children_cpu() - cpu0, proc.returncode


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shard-records", type=int, default=250)
    ap.add_argument("--ray", action="store_true", help="also the Ray engine (local instance)")
    ap.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    a = ap.parse_args()
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        src = d / "in.jsonl"
        n = _subset(a.eval_dir, a.limit, src)
        common = [str(src), "--text-field", "record", "--workers", str(a.workers)]
        shard = ["--shard-records", str(a.shard_records)]
        for mode in ("--no-dedup", "--dedup"):
            one = d / f"one{mode}.jsonl"
            w, c, _ = run([*common, mode, "-o", str(one)])
            rows.append((f"`-o FILE.jsonl` {mode}", w, c, ""))
            folder = d / f"dir{mode}"
            w2, c2, _ = run([*common, mode, *shard, "-o", str(folder)])
            same = b"".join(p.read_bytes() for p in sorted(folder.glob("part-*.jsonl")))
            check = "shards == file" if same == one.read_bytes() else "**DIFFERENT**"
            rows.append((f"`-o DIR` {mode}", w2, c2, check))
            killed = d / f"killed{mode}"
            wk, ck, code = run([*common, mode, *shard, "-o", str(killed)], kill_after=w2 / 2)
            wr, cr, _ = run([*common, mode, *shard, "-o", str(killed), "--resume"])
            check = ("== uninterrupted" if files_of(killed) == files_of(folder)
                     else "**DIFFERENT**")
            note = f"killed at {wk:.1f} s (exit {code}), resumed: {check}"
            rows.append((f"`-o DIR` {mode}, SIGKILL half-way + `--resume`", wk + wr, ck + cr,
                         note))
            if a.ray:
                on_ray = d / f"ray{mode}"
                w3, c3, _ = run([*common, mode, *shard, "-o", str(on_ray), "--engine", "ray"])
                check = "== local" if files_of(on_ray) == files_of(folder) else "**DIFFERENT**"
                rows.append((f"`-o DIR` {mode} `--engine ray` (local Ray, start included)",
                             w3, c3, check))
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {n} records of records-dev, "
          f"--workers {a.workers}, --shard-records {a.shard_records}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}\n")
    print("| run | wall s | CPU s | records/s (wall) | check |")
    print("|---|---:|---:|---:|---|")
    for name, w, c, note in rows:
        print(f"| {name} | {w:.1f} | {c:.1f} | {n / w:.0f} | {note} |")


if __name__ == "__main__":
    main()
