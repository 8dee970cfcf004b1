"""Scale: newsclean against datatrove's local executor on corpora built from the dev records.

    .venv/bin/python -m bench.bench_scale [--sizes 10000,100000] [--peer-sizes 10000]
                                          [--workers 2] [--baseline-src DIR] [--md FILE]
                                          [--dedup-sizes N,...]

For each size N the 2,000 records of records-dev are repeated (each copy with its own id) to N
records, written as `--files` JSONL.gz files.  Then, in the same run:

- newsclean: `newsclean clean DIR --text-field record --workers W --no-dedup -q -o OUT.jsonl`
  (the default cleaning, enrichment included, without the corpus dedup pass);
- datatrove: its LocalPipelineExecutor with W workers and one task per input file:
  JsonlReader -> GopherRepetitionFilter -> FineWebQualityFilter -> JsonlWriter.

Measured per run: wall seconds, records/s and input MB/s on the wall clock, CPU seconds of the
run's processes (their rusage), and the peak resident memory of the whole process tree (the
sum over the run's processes, sampled every 0.1 s from /proc).  Beside that sum of RSS (which
counts a page shared by two processes twice), the peak sum of PSS (/proc/PID/smaps_rollup:
a shared page split between its sharers), and each process's own peak RSS (main, each worker,
multiprocessing's resource tracker).  The per-record time at each size is compared with the
smallest size's.  The peer is slow (a spaCy tokenizer per document), so its sizes are chosen
apart (`--peer-sizes`).

`--baseline-src DIR` also runs newsclean from another source tree (e.g. `git archive REV src |
tar -x -C DIR/..`) at every size, in the same run: a before/after on the same machine state.

`--dedup-sizes`: at these sizes newsclean runs once more with the corpus dedup pass (the
default `clean`, without `--no-dedup`; with `--baseline-src`, the baseline too): the repeated
records make clusters of N / 2000 copies.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.bench_records import machine_info
from bench.report import save

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
ROOT = Path(__file__).resolve().parents[1]
PAGE = os.sysconf("SC_PAGE_SIZE")


def build_corpus(n: int, files: int, out: Path) -> int:
    """N records (records-dev repeated, fresh ids) in `files` gzip JSONL files; input bytes."""
    src = [json.loads(x) for x in gzip.open(EVAL / "records-dev.jsonl.gz", "rt", encoding="utf-8")]
    out.mkdir(parents=True, exist_ok=True)
    per = -(-n // files)
    size = 0
    k = 0
    for f in range(files):
        with gzip.open(out / f"part-{f:03d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=1) as w:
            for _ in range(min(per, n - k)):
                d = src[k % len(src)]
                line = json.dumps({"id": f"{d['id']}-{k // len(src)}", "record": d["record"]},
                                  ensure_ascii=False)
                size += len(line.encode("utf-8")) + 1
                w.write(line + "\n")
                k += 1
    return size


TICK = os.sysconf("SC_CLK_TCK")


def _pss(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    return 0


def _role(pid: int, root: int) -> str:
    if pid == root:
        return "main"
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        cmd = f.read()
    return "tracker" if b"resource_tracker" in cmd else "worker"


def _tree_rss(pid: int, cpu: dict[int, float], each: dict[int, tuple[str, int]] | None = None,
              pss: list[int] | None = None) -> int:
    """Resident bytes of a process and all its descendants (from /proc); each one's CPU
    seconds so far go to `cpu` (a pool's workers are not always reaped into our rusage), its
    peak RSS to `each` (pid -> role, bytes), and the sum of their PSS to `pss` (appended)."""
    total = pss_total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                rss = int(f.read().split()[1]) * PAGE
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu[p] = (int(fields[11]) + int(fields[12])) / TICK
            if each is not None:
                role, seen = each.get(p) or (_role(p, pid), 0)
                each[p] = (role, max(seen, rss))
            if pss is not None:
                pss_total += _pss(p)
            total += rss
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    if pss is not None:
        pss.append(pss_total)
    return total


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Run `cmd`; wall and CPU seconds (of it and its children), the tree's peak RSS and PSS,
    and each process's peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env)
    peak = peak_pss = 0
    seen_cpu: dict[int, float] = {}
    each: dict[int, tuple[str, int]] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.is_set():
            pss: list[int] = []
            peak = max(peak, _tree_rss(proc.pid, seen_cpu, each, pss))
            peak_pss = max(peak_pss, pss[0])
            done.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    done.set()
    th.join()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err.decode()[-2000:]}")
    # (the larger of what rusage reaped and what was seen in /proc while the run went on)
    cpu = max((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
              sum(seen_cpu.values()))
    roles: dict[str, list[float]] = {}
    for role, rss in each.values():
        roles.setdefault(role, []).append(rss / 1e6)
    return {"wall": wall, "cpu": cpu, "rss_mb": peak / 1e6, "pss_mb": peak_pss / 1e6,
            "each": roles}


DATATROVE = """
import sys
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.filters import FineWebQualityFilter, GopherRepetitionFilter
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter
src, out, logs, tasks, workers = sys.argv[1:6]
LocalPipelineExecutor(
    pipeline=[JsonlReader(src, text_key="record", id_key="id"), GopherRepetitionFilter(),
              FineWebQualityFilter(), JsonlWriter(out)],
    tasks=int(tasks), workers=int(workers), logging_dir=logs,
).run()
"""


def _output(dedup: bool, baseline: bool) -> str:
    """Each run's own output file, so a run's output can be compared with its baseline's."""
    return f"newsclean{'-dedup' if dedup else ''}{'-baseline' if baseline else ''}.jsonl"


def run_newsclean(src: Path, out: Path, workers: int, code: Path | None = None,
                  dedup: bool = False) -> dict:
    """newsclean from this venv, or from the source tree `code` (put first on the path);
    without the dedup pass unless `dedup`."""
    exe = str(Path(sys.executable).with_name("newsclean"))
    env = None
    name = _output(dedup, baseline=code is not None)
    if code is not None:
        env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = [exe, "clean", str(src), "--text-field", "record", "--workers", str(workers),
           "-q", "-o", str(out / name)]
    if not dedup:
        cmd.insert(-3, "--no-dedup")
    return measure(cmd, env)


def _same(out: Path, n: int, dedup: bool) -> bool:
    same = filecmp.cmp(out / _output(dedup, False), out / _output(dedup, True), shallow=False)
    print(f"{n:,} records{' with dedup' if dedup else ''}: output "
          f"{'identical to' if same else 'DIFFERS from'} the baseline's", flush=True)
    return same


def _each(roles: dict[str, list[float]]) -> str:
    """Each process's peak RSS by role: 'main 78, worker 161/160, tracker 13'."""
    order = ("main", "worker", "tracker")
    parts = [f"{r} {'/'.join(f'{x:.0f}' for x in sorted(roles[r], reverse=True))}"
             for r in sorted(roles, key=lambda r: order.index(r) if r in order else 9)]
    if len(roles.get("worker", [])) > 4:  # (datatrove: a process per task)
        parts = [p if not p.startswith("worker") else
                 f"{len(roles['worker'])} workers, max {max(roles['worker']):.0f}" for p in parts]
    return ", ".join(parts)


def run_datatrove(src: Path, out: Path, workers: int, files: int) -> dict:
    return measure([sys.executable, "-c", DATATROVE, str(src), str(out / "datatrove"),
                    str(out / "datatrove-logs"), str(files), str(workers)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--peer-sizes", default="10000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--files", type=int, default=4, help="input files (datatrove: one task each)")
    ap.add_argument("--baseline-src", type=Path, default=None,
                    help="also run newsclean from this source tree (its src/ directory)")
    ap.add_argument("--md", default=None)
    ap.add_argument("--dedup-sizes", default="", help="sizes also run with the dedup pass")
    args = ap.parse_args(argv)
    if not (EVAL / "records-dev.jsonl.gz").exists():
        print(f"bench_scale: {EVAL} not found; nothing to measure", file=sys.stderr)
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x]
    peer = {int(x) for x in args.peer_sizes.split(",") if x}
    with_dedup = {int(x) for x in args.dedup_sizes.split(",") if x}
    rows = []
    identical: dict[tuple[int, str], bool] = {}
    base_per_record = None
    with tempfile.TemporaryDirectory(prefix="nc-scale-") as tmp:
        for n in sorted(set(sizes) | peer | with_dedup):
            src, out = Path(tmp) / f"in-{n}", Path(tmp) / f"out-{n}"
            out.mkdir()
            mb = build_corpus(n, args.files, src) / 1e6
            systems = []
            if n in sizes and args.baseline_src:
                systems.append(("newsclean (baseline)",
                                run_newsclean(src, out, args.workers, args.baseline_src)))
            if n in sizes:
                systems.append(("newsclean", run_newsclean(src, out, args.workers)))
            if n in sizes and args.baseline_src:
                identical[(n, "")] = _same(out, n, dedup=False)
            if n in peer:
                systems.append(("datatrove", run_datatrove(src, out, args.workers, args.files)))
            if n in with_dedup and args.baseline_src:
                systems.append(("newsclean + dedup (baseline)", run_newsclean(
                    src, out, args.workers, args.baseline_src, dedup=True)))
            if n in with_dedup:
                systems.append(("newsclean + dedup", run_newsclean(src, out, args.workers,
                                                                    dedup=True)))
            if n in with_dedup and args.baseline_src:
                identical[(n, " with dedup")] = _same(out, n, dedup=True)
            for name, m in systems:
                per_rec = m["cpu"] / n * 1000
                if name == "newsclean" and base_per_record is None:
                    base_per_record = per_rec
                rows.append({
                    "system": name, "records": n, "mb": mb, **m,
                    "rps": n / m["wall"], "mbps": mb / m["wall"], "cpu_ms_per_record": per_rec,
                    "vs_smallest": per_rec / base_per_record if name == "newsclean" else None,
                })
                print(f"{name:10s} {n:>9,} records: {m['wall']:.1f} s wall, {n / m['wall']:.0f} "
                      f"records/s, {mb / m['wall']:.2f} MB/s, CPU {m['cpu']:.1f} s, peak RSS "
                      f"{m['rss_mb']:.0f} MB (PSS {m['pss_mb']:.0f} MB; {_each(m['each'])})",
                      flush=True)
            for p in out.rglob("*"):  # free the disk before the next size
                if p.is_file():
                    p.unlink()
    info = machine_info()
    lines = [
        "## Scale: newsclean and datatrove's local executor",
        "",
        f"{info['date']} · {info['cpu']} · {info['cores']} cores (shared) · load "
        f"{info['load_avg_1m']} · Python {info['python']} · commit {info['git_commit']}",
        "",
        f"Command: `.venv/bin/python -m bench.bench_scale {' '.join(argv or sys.argv[1:])}`",
        "",
        "| system | records | input MB | wall s | records/s | MB/s | CPU s | CPU ms/record "
        "(vs smallest) | peak RSS MB (all processes) | peak PSS MB (all) | peak RSS MB each |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        vs = f" ({r['vs_smallest']:.2f}×)" if r["vs_smallest"] is not None else ""
        lines.append(
            f"| {r['system']} | {r['records']:,} | {r['mb']:.0f} | {r['wall']:.1f} | "
            f"{r['rps']:.0f} | {r['mbps']:.2f} | {r['cpu']:.1f} | {r['cpu_ms_per_record']:.2f}{vs}"
            f" | {r['rss_mb']:.0f} | {r['pss_mb']:.0f} | {_each(r['each'])} |"
        )
    by = {(r["system"], r["records"]): r for r in rows}
    for n in sorted(peer & set(sizes)):
        a, b = by.get(("newsclean", n)), by.get(("datatrove", n))
        if a and b:
            lines += ["", f"At {n:,} records newsclean cleans {a['rps'] / b['rps']:.1f}× the "
                      f"records per second of datatrove's filters ({a['rps']:.0f} vs "
                      f"{b['rps']:.0f}), on the same cores in the same run."]
    for (n, how), same in identical.items():
        lines += ["", f"At {n:,} records{how} the output is "
                  f"{'byte-identical to' if same else 'NOT the same as'} the baseline's "
                  f"({args.baseline_src})."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.md:
        save(text, Path(args.md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
