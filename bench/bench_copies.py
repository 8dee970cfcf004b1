"""One story syndicated thousands of times: the time of the corpus dedup pass on 1k/2k/4k/8k
copies, with the in-memory index and with the SQLite store (--store).

    .venv/bin/python -m bench.bench_copies [--sizes 1000,2000,4000,8000] [--peer-src DIR]
                                           [--limit-s 300] [--out FILE]

The copies are made here from one generated wire story (tests/newsgen.py, ~12 paragraphs):
each under its own outlet's headline, trailer and crawl date; one word of one paragraph
changed (so no two copies are the same text or signature), a third of them cut to their
first 3-8 paragraphs.  They are cleaned once (not timed); then, in a fresh process per
measurement, `corpus.run.corpus_stream` (clusters and the cluster fields; no learned
boilerplate) runs over the cleaned records and its CPU time is taken.  Every copy must land in one
cluster.  --peer-src runs the same measurements with another tree's newsclean (e.g. an
export of the code before a change: `git archive HEAD src | tar -x -C /tmp/before`) in
the same run; a measurement past --limit-s is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_copies(n: int, seed: int = 3) -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from newsgen import article  # type: ignore[import-not-found]

    story = article(6000, seed=seed)
    paras = [p for p in story.split("\n") if p.strip()]
    title = "Harbour authority delays ferry terminal opening to May"
    rng = random.Random(seed)
    out = []
    for i in range(n):
        ps = list(paras)
        if i % 3 == 2:
            ps = ps[: rng.randint(3, min(8, len(ps)))]
        k = rng.randrange(len(ps))
        words = ps[k].split(" ")
        j = rng.randrange(len(words))
        words[j] = f"{words[j]}{i}"
        ps[k] = " ".join(words)
        outlet = f"The Daily Outlet {i}"
        lines = [
            f" date 2025-05-{1 + i % 28:02d} 200",
            f"{title} | {outlet}",
            *ps,
            f"Copyright {2025} {outlet}. All rights reserved.",
            "Share this article",
        ]
        out.append((f"copy-{i}", "\n".join(lines) + "\n"))
    return out


def measure(pairs_path: str, n: int, store: bool) -> dict[str, float | int]:
    """In a fresh process: the dedup pass over the first n cleaned copies."""
    from newsclean.corpus.run import CorpusOptions, corpus_stream

    with open(pairs_path, "rb") as f:
        pairs = pickle.load(f)[:n]
    with tempfile.TemporaryDirectory() as d:
        opts = CorpusOptions(store=os.path.join(d, "store.db") if store else None)
        t0, c0 = time.perf_counter(), time.process_time()
        out = list(corpus_stream(pairs, opts))
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    sizes = {a.extra["cluster_size"] for _, a in out}
    clusters = len({a.extra["cluster"] for _, a in out})
    return {"cpu": cpu, "seconds": secs, "clusters": clusters, "max_size": max(sizes)}


def run_one(src: str | None, pairs_path: str, n: int, store: bool, limit: float) -> dict | None:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, "-m", "bench.bench_copies", "--measure", pairs_path, str(n),
           "1" if store else "0"]
    try:
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,4000,8000")
    ap.add_argument("--peer-src", default=None, help="another tree's src/ to run in the same run")
    ap.add_argument("--peer-name", default="before")
    ap.add_argument("--limit-s", type=float, default=300.0)
    ap.add_argument("--out", default=None)
    ap.add_argument("--measure", nargs=3, metavar=("PAIRS", "N", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        path, n, store = args.measure
        print(json.dumps(measure(path, int(n), store == "1")))
        return 0
    from newsclean import Record, clean_record

    sizes = [int(x) for x in args.sizes.split(",")]
    copies = make_copies(max(sizes))
    pairs = [(r, clean_record(r)) for r in (Record(i, t, i) for i, t in copies)]
    assert all(a.verdict == "article" for _, a in pairs)
    systems: list[tuple[str, str | None]] = [("this tree", None)]
    if args.peer_src:
        systems.append((args.peer_name, args.peer_src))
    lines = [
        f"## One story, many copies: the dedup pass ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}.  Copies of one generated story "
        f"({len(pairs[0][1].text)} characters cleaned), each edited, a third cut short; "
        "`corpus_stream` timed in a fresh process per cell (one run each): CPU seconds of "
        "that process (SQLite runs in it), so other load on the machine counts little; a "
        "cell is stopped at --limit-s of wall time.\n",
        "| code | index | " + " | ".join(f"{n} copies" for n in sizes)
        + f" | time {sizes[-1] // sizes[0]}x copies / 1x |",
        "|---|---|" + "---:|" * len(sizes) + "---:|",
    ]
    with tempfile.TemporaryDirectory() as d:
        pairs_path = os.path.join(d, "pairs.pkl")
        with open(pairs_path, "wb") as f:
            pickle.dump(pairs, f)
        for name, src in systems:
            for store in (False, True):
                cells: list[str] = []
                secs: list[float | None] = []
                stopped = False
                for n in sizes:
                    if stopped:  # a smaller size already ran past the limit
                        cells.append("not run")
                        secs.append(None)
                        continue
                    got = run_one(src, pairs_path, n, store, args.limit_s)
                    if got is None:
                        stopped = True
                        cells.append(f"> {args.limit_s:.0f} s (stopped)")
                        secs.append(None)
                        continue
                    assert got["clusters"] == 1 and got["max_size"] == n, got
                    cells.append(f"{got['cpu']:.1f} s ({1000 * got['cpu'] / n:.2f} ms/copy)")
                    secs.append(got["cpu"])
                    print(name, "store" if store else "memory", n, got, file=sys.stderr)
                first, last = secs[0], secs[-1]
                ratio = f"{last / first:.1f}" if first and last and len(sizes) > 1 else "-"
                lines.append(f"| {name} | {'SQLite store' if store else 'in memory'} | "
                             + " | ".join(cells) + f" | {ratio} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
