"""Store bench: bytes per record, insert rate and lookup latency of the SQLite dedup store,
measured at each checkpoint size (10k, 100k, 250k, 500k, 1M, up to --records) on synthetic
signatures.

    .venv/bin/python bench/bench_store.py [--records 1000000] [--out bench/results/store.md]
        [--store-src OLD_SRC_DIR] [--cache-mib N]

Signatures are synthetic (random uint32[128] MinHash values, 8 anchored lines, random sizes);
every 10th record is a near copy of an earlier one (a quarter of its values changed, the same
anchors), so lookups find candidates and clusters merge as in a real corpus.  Inserts go through
`Store.batch()` in batches of 256 (as `corpus.run` does); signatures are made outside the timed
part.  Sizes are measured after a final commit and a WAL checkpoint (TRUNCATE), so the WAL is
empty.  A row is printed (and written to --out) at each checkpoint, so a run stopped early keeps
the sizes it reached.

--store-src DIR imports newsclean from DIR instead (e.g. an older tree extracted with
`git archive <commit> src | tar -x -C DIR`, then DIR/src): same bench, before/after.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

CHECKPOINTS = (10_000, 100_000, 250_000, 500_000, 1_000_000)
BATCH = 256


def synthetic(n: int, num_perm: int, signature: type, seed: int = 1) -> Iterator[tuple[int, object]]:
    rng = np.random.default_rng(seed)
    sigs: list = []
    for i in range(n):
        if i % 10 == 9 and sigs:
            base = sigs[int(rng.integers(0, len(sigs)))]
            hv = base.hashvalues.copy()
            idx = rng.choice(num_perm, num_perm // 4, replace=False)
            hv[idx] = rng.integers(0, 2**32 - 1, len(idx), dtype=np.uint32)
            sig = signature(rng.bytes(16), base.size, hv, base.lines.copy())
        else:
            hv = rng.integers(0, 2**32 - 1, num_perm, dtype=np.uint32)
            lines = rng.integers(-(2**63), 2**63 - 1, (8, 2), dtype=np.int64)
            sig = signature(rng.bytes(16), int(rng.integers(50, 2000)), hv, lines)
        sigs.append(sig)
        yield i, sig


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--store-src", default=None, help="import newsclean from this src dir")
    ap.add_argument("--cache-mib", type=int, default=None, help="Store(cache_mib=...)")
    args = ap.parse_args(argv)
    if args.store_src:
        sys.path.insert(0, str(Path(args.store_src).resolve()))
    from newsclean.corpus.dedup import DedupParams, Member, Signature
    from newsclean.corpus.store import Store

    params = DedupParams()
    lines = [f"## Store bench ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n"]
    lines.append(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}.  Synthetic signatures (num_perm {params.num_perm}, "
        f"8 anchored lines, every 10th a near copy); batches of {BATCH}"
        + (f"; store code from {args.store_src}" if args.store_src else "")
        + (f"; page cache {args.cache_mib} MiB" if args.cache_mib else "") + ".\n"
    )
    lines.append(
        "| records | insert rec/s (wall) | insert rec/s (CPU) | store bytes | bytes/record | "
        "clusters | lookup ms (p50) | lookup ms (p99) |"
    )
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|")

    def emit() -> None:
        md = "\n".join(lines) + "\n"
        if args.out:
            Path(args.out).write_text(md)

    print("\n".join(lines), flush=True)
    with tempfile.TemporaryDirectory(dir=os.environ.get("STORE_BENCH_DIR")) as d:
        db = os.path.join(d, "store.db")
        checkpoints = sorted({c for c in CHECKPOINTS if c < args.records} | {args.records})
        done = 0
        gen = synthetic(args.records, params.num_perm, Signature)
        t_insert = c_insert = 0.0
        extra = {"cache_mib": args.cache_mib} if args.cache_mib else {}
        with Store(db, params, **extra) as st:
            for cp in checkpoints:
                while done < cp:
                    chunk = [next(gen) for _ in range(min(BATCH, cp - done))]
                    t0, c0 = time.perf_counter(), time.process_time()
                    with st.batch():
                        for i, sig in chunk:
                            st.add(Member(i, f"r{i}", None, 1000), sig)
                    t_insert += time.perf_counter() - t0
                    c_insert += time.process_time() - c0
                    done += len(chunk)
                t0, c0 = time.perf_counter(), time.process_time()
                if hasattr(st, "commit"):
                    st.commit()  # what is buffered is part of the insert cost
                t_insert += time.perf_counter() - t0
                c_insert += time.process_time() - c0
                st.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
                clusters = st.con.execute("SELECT COUNT(DISTINCT cluster) FROM docs").fetchone()[0]
                # lookup latency: candidates + verification for fresh signatures (no insert)
                times = []
                for _i, sig in synthetic(500, params.num_perm, Signature, seed=99):
                    t = time.perf_counter()
                    st._load(st._candidates(sig))
                    times.append(time.perf_counter() - t)
                ms = 1000 * np.array(times)
                lines.append(
                    f"| {done:,} | {done / t_insert:,.0f} | {done / c_insert:,.0f} | {size:,} | "
                    f"{size / done:,.0f} | {clusters:,} | {np.percentile(ms, 50):.2f} | "
                    f"{np.percentile(ms, 99):.2f} |"
                )
                print(lines[-1], flush=True)
                emit()
    lines.append(
        "\nWhat a record costs: its docs row (id, fetched, length, size, 512-byte signature, "
        "128-byte anchor lines, cluster) with the id and cluster indexes, and about 50 rows in "
        "the keys table (32 LSH bands, up to 16 anchors, 1 exact key)."
    )
    lines.append(
        f"\nLoad average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (the machine "
        "is shared: wall-clock rates are lower bounds; CPU rates count this process only)."
    )
    src = f" --store-src {args.store_src}" if args.store_src else ""
    src += f" --cache-mib {args.cache_mib}" if args.cache_mib else ""
    lines.append(f"\nCommand: `.venv/bin/python bench/bench_store.py --records {args.records}{src}`")
    print("\n".join(lines[-3:]))
    emit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
