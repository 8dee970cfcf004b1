"""Per-core throughput of `clean` on records-dev, with and without enrichment, beside a peer.

Times CPU seconds of the timing process only (time.process_time), so other load on a shared
machine costs less than wall time would; each configuration runs `--repeats` times, interleaved,
and the median is reported.  Every timed pass runs in a fresh process: the cleaner caches the
classification of lines it has seen (furniture recurs across a corpus), and a second pass over
the same records would time those caches, not the cleaner.  The peer in the same run is trafilatura on the same records wrapped as
HTML paragraphs (as in bench_records), so ratios hold even when the machine is busy.

    .venv/bin/python -m bench.bench_speed [--limit N] [--repeats R] [--no-peer] [--steady]

The table is the cold figure: one pass over the records per fresh process, the models
(language, line model) loaded before the timing.  Beside the ratio of the medians it gives
the median of the per-round ratios (the two modes of one round run back to back, so drift of
a shared machine hits both alike).  --steady also times a second pass in the same process
(the line caches warm; all of the records' lines in them, more than a corpus's new records
would find: an upper bound on the caches' help), labelled apart.
The one-time costs of enrichment per process (py3langid's model load, the enrichment
modules' imports) are measured apart and shown spread over the records.

    .venv/bin/python -m bench.bench_speed --split [--repeats R]

--split times, inside one cold enriched pass per fresh process, each record's clean
(enrich=False) and its enrichment (pipeline._enrich on the article) apart, record by
record: enrichment's CPU over clean's in the same pass.  The two share every moment of the
pass, so drift of a shared machine (which moves the ratio of two processes' medians by
several points) cancels; clean's own slowdown from running beside enrichment (its caches
evicted) is not in it.  Before/after: PYTHONPATH=OTHER/src runs the same bench on another
tree's package.

    .venv/bin/python -m bench.bench_speed --io [--peer-src DIR] [--repeats R]

--io times the whole `newsclean clean` command instead (reading records-dev.jsonl.gz, JSON in
and out, gzip output): CPU seconds of the command (its process and its children, from
getrusage), `--no-dedup --workers 1`, writing .jsonl and .jsonl.gz, each run in a fresh
process, repeats interleaved, medians.  --peer-src runs the same commands with another
tree's src/ (the code before a change, `git archive HEAD src | tar -x -C DIR`) in the same
run, and the ratios are this tree's CPU time over the peer's; a micro-bench of the JSON and
gzip calls on the same data is printed beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from newsclean.model import Record
from newsclean.pipeline import clean_record

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load(path: Path, limit: int | None) -> list[Record]:
    out: list[Record] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                break
            d = json.loads(line)
            out.append(Record(d["id"], d["record"], f"{path.name}:{i + 1}"))
    return out


def cpu_rate(fn, items) -> float:
    t = time.process_time()
    for x in items:
        fn(x)
    dt = time.process_time() - t
    return len(items) / dt if dt > 0 else float("inf")


SYSTEMS = {
    "newsclean clean (no enrichment)": "clean",
    "newsclean clean (default: + language, quotes)": "enrich",
    "trafilatura on the record lines": "trafilatura",
}


def one_pass(kind: str, path: Path, limit: int | None) -> float:
    """Records per CPU-second of one pass over the records, in this (fresh) process."""
    return passes(kind, path, limit, 1)[0]


def passes(kind: str, path: Path, limit: int | None, n: int) -> list[float]:
    """Records per CPU-second of `n` passes over the records in this (fresh) process: the
    first cold, the others with the caches of the passes before (steady state)."""
    recs = load(path, limit)
    if kind == "trafilatura":
        from bench.peers import extract_trafilatura, lines_to_html, record_body

        pages = {r.id: lines_to_html(record_body(r.text).split("\n")) for r in recs}
        extract_trafilatura(lines_to_html(["Warm-up paragraph of a few words only."]))
        return [cpu_rate(lambda r: extract_trafilatura(pages[r.id]), recs) for _ in range(n)]
    # load the language model, the line model and the expressions outside the timing, on a
    # record of our own (loading is a cost per process, reported apart: one_time_costs)
    clean_record(Record("warm", _WARM, "warm"))
    _warm_line_model()
    return [cpu_rate(lambda r: clean_record(r, enrich=kind == "enrich"), recs)
            for _ in range(n)]


def split_pass(path: Path, limit: int | None) -> tuple[float, float]:
    """CPU ms per record of clean and of enrichment, timed apart record by record inside
    one cold enriched pass in this (fresh) process (the models loaded before)."""
    from newsclean import pipeline

    recs = load(path, limit)
    clean_record(Record("warm", _WARM, "warm"))
    _warm_line_model()
    clock = time.process_time
    cleaning = enriching = 0.0
    for r in recs:
        t0 = clock()
        art = clean_record(r, enrich=False)
        t1 = clock()
        if art.verdict == "article":  # as clean_record(enrich=True) does
            pipeline._enrich(art)
        enriching += clock() - t1
        cleaning += t1 - t0
    return cleaning / len(recs) * 1e3, enriching / len(recs) * 1e3


def split_main(path: Path, limit: int | None, repeats: int) -> int:
    code = ("from pathlib import Path; from bench.bench_speed import split_pass; "
            f"print(*split_pass(Path({str(path)!r}), {limit!r}))")
    root = Path(__file__).resolve().parents[1]
    got = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code], cwd=root, check=True,
                             capture_output=True, text=True).stdout.split()
        got.append((float(out[-2]), float(out[-1])))
    ratios = [e / c for c, e in got]
    print(f"# Enrichment inside the enriched pass on records-dev ({repeats} cold runs)")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {os.getloadavg()[0]:.1f}, "
          f"{_compiled()}\n")
    print("| run | clean ms/record | enrichment ms/record | enrichment / clean |")
    print("|---:|---:|---:|---:|")
    for i, ((c, e), r) in enumerate(zip(got, ratios, strict=True), 1):
        print(f"| {i} | {c:.3f} | {e:.3f} | {r:+.1%} |")
    print(f"\nenrichment adds {statistics.median(ratios):+.1%} to clean's CPU time (median; range "
          f"{min(ratios):+.1%} to {max(ratios):+.1%})")
    return 0


def one_time_costs() -> dict[str, float]:
    """CPU seconds a process spends once on enrichment, each read in a fresh process: the
    enrichment modules' and py3langid's own import time (-X importtime, their self times;
    numpy is the line model's too) and py3langid's model load (its first classify)."""
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", "import newsclean.pipeline"],
                         cwd=root, check=True, capture_output=True, text=True).stderr
    imports = 0
    for line in out.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip().startswith(("newsclean.enrich", "py3langid")):
            imports += int(parts[0].split(":")[1])
    code = ("import time; from newsclean.enrich import language; t = time.process_time(); "
            "language.classify('Der Stadtrat hat am Dienstag beschlossen, die Buslinien zu "
            "verl\u00e4ngern.'); print(time.process_time() - t)")
    load_s = float(subprocess.run([sys.executable, "-c", code], cwd=root, check=True,
                                  capture_output=True, text=True).stdout.split()[-1])
    return {"imports_s": imports / 1e6, "model_s": load_s}


def _warm_line_model() -> None:
    # py3langid's model is loaded on first use: the quick function-word path answers the
    # warm-up record, so load it here, or its load (~0.3 s) lands inside the timing
    from newsclean.enrich import language

    language.classify("Der Stadtrat hat am Dienstag beschlossen, die Buslinien zu verlängern.")
    try:
        from newsclean.line_model.score import load
        from newsclean.line_model.stopwords import stoplist_for
    except ImportError:  # (code from before the line model, run for comparison)
        return
    load()
    stoplist_for(["the"])


_WARM = (
    "date 2025-01-01 200\nHarbour works resume\n"
    "Work on the harbour wall resumed on Monday, the council said, after a week of storms.\n"
)


def _compiled() -> str:
    """Which modules the timed passes run (they inherit this environment)."""
    import newsclean
    from newsclean import native

    return (f"compiled build (newsclean/native.py) from {native.active()}" if newsclean.NATIVE
            else "pure-Python modules")


def _fresh_pass(name: str, path: Path, limit: int | None, n: int = 1) -> list[float]:
    code = (
        "import sys; from pathlib import Path; from bench.bench_speed import passes; "
        f"print(*passes({SYSTEMS[name]!r}, Path({str(path)!r}), {limit!r}, {n}))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, check=True, capture_output=True, text=True
    )
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def _cli_cpu(src: str | None, path: Path, out: Path) -> float:
    """CPU seconds (user + system) of one `newsclean clean` command, in a fresh process."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    cmd = [sys.executable, "-m", "newsclean", "clean", str(path), "--text-field", "record",
           "--no-dedup", "--workers", "1", "--quiet", "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, check=True, cwd=Path(__file__).resolve().parents[1])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _micro(path: Path) -> list[str]:
    """The JSON and gzip calls alone, on records-dev and its cleaned output (CPU seconds,
    best of 3)."""
    from newsclean import clean_record, fastjson

    raw = gzip.decompress(path.read_bytes()).splitlines()
    objs = [clean_record(Record(str(i), json.loads(x)["record"], "x")).to_dict()
            for i, x in enumerate(raw[:500])]

    def best(fn) -> float:
        times = []
        for _ in range(3):
            t = time.process_time()
            fn()
            times.append(time.process_time() - t)
        return min(times)

    data = b"".join(fastjson.dumps(o) + b"\n" for o in objs)
    from newsclean.readers.jsonl import parse_line
    from newsclean.readers.options import ReadOptions

    opts = ReadOptions(text_field="record")

    def read_lines() -> None:
        for x in raw:
            parse_line(x, "f", 1, opts)

    with_orjson = best(read_lines)
    real, fastjson.orjson = fastjson.orjson, None  # the same reader on json alone
    try:
        json_only = best(read_lines)
    finally:
        fastjson.orjson = real
    rows = [
        ("json.loads / fastjson.loads of the 2000 input lines (bytes)",
         best(lambda: [json.loads(x) for x in raw]), best(lambda: [fastjson.loads(x) for x in raw])),
        ("the JSONL reader's parse_line on them (json alone / orjson)", json_only, with_orjson),
        ("write 500 output records", best(lambda: [(json.dumps(o, ensure_ascii=False) + "\n")
                                                   .encode() for o in objs]),
         best(lambda: [fastjson.dumps(o) + b"\n" for o in objs])),
    ]
    try:
        from isal import igzip

        rows.append((f"gzip {len(data) / 1e6:.1f} MB of output (zlib 6 / isal 3)",
                     best(lambda: gzip.compress(data, 6, mtime=0)),
                     best(lambda: igzip.compress(data, 3, mtime=0))))
        sizes = (len(gzip.compress(data, 6, mtime=0)), len(igzip.compress(data, 3, mtime=0)))
    except ImportError:
        sizes = (0, 0)
    out = ["| call | stdlib CPU s | newsclean's CPU s | ratio |", "|---|---:|---:|---:|"]
    out += [f"| {n} | {a:.3f} | {b:.3f} | {a / b:.1f}x |" for n, a, b in rows]
    if sizes[0]:
        out.append(f"\ngzip output size: zlib level 6 {sizes[0] / 1e6:.2f} MB, isal level 3 "
                   f"{sizes[1] / 1e6:.2f} MB ({sizes[1] / sizes[0] - 1:+.0%})")
    return out


def io_main(args: argparse.Namespace, path: Path) -> int:
    systems: list[tuple[str, str | None]] = [("this tree", None)]
    if args.peer_src:
        systems.append((args.peer_name, args.peer_src))
    cpu: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as d:
        for _ in range(args.repeats):
            for suffix in (".jsonl", ".jsonl.gz"):
                for name, src in systems:
                    out = Path(d) / f"out{suffix}"
                    cpu.setdefault((name, suffix), []).append(_cli_cpu(src, path, out))
    med = {k: statistics.median(v) for k, v in cpu.items()}
    print(f"# `newsclean clean` CPU time on records-dev ({args.repeats} runs each, medians)")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}\n")
    head = "| output | " + " | ".join(f"{n} CPU s" for n, _ in systems)
    print(head + (f" | this tree / {args.peer_name} |" if args.peer_src else " |"))
    print("|---|" + "---:|" * len(systems) + ("---:|" if args.peer_src else ""))
    for suffix in (".jsonl", ".jsonl.gz"):
        cells = [f"{med[(n, suffix)]:.2f}" for n, _ in systems]
        ratio = (f" | {med[('this tree', suffix)] / med[(args.peer_name, suffix)]:.2f} |"
                 if args.peer_src else " |")
        print(f"| `-o out{suffix}` | " + " | ".join(cells) + ratio)
    for name, _ in systems:
        gz = med[(name, ".jsonl.gz")] / med[(name, ".jsonl")] - 1
        print(f"\n{name}: gzip output adds {gz:+.0%} to the run's CPU time")
    print()
    print("\n".join(_micro(path)))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--steady", action="store_true",
                    help="also time a second pass per process (steady state, labelled apart)")
    ap.add_argument("--split", action="store_true",
                    help="clean and enrichment timed apart inside one enriched pass per run")
    ap.add_argument("--io", action="store_true", help="time the whole clean command (I/O)")
    ap.add_argument("--peer-src", default=None, help="--io: another tree's src/, same run")
    ap.add_argument("--peer-name", default="before")
    args = ap.parse_args(argv)
    path = args.eval_dir / "records-dev.jsonl.gz"
    if not path.exists():
        print(f"{path} not found", file=sys.stderr)
        return 1
    if args.io:
        return io_main(args, path)
    if args.split:
        return split_main(path, args.limit, args.repeats)
    n = len(load(path, args.limit))
    systems = list(SYSTEMS) if not args.no_peer else list(SYSTEMS)[:2]
    npass = 2 if args.steady else 1
    rates: dict[str, list[float]] = {k: [] for k in systems}
    steady: dict[str, list[float]] = {k: [] for k in systems}
    for _ in range(args.repeats):
        for name in systems:
            got = _fresh_pass(name, path, args.limit, npass)
            rates[name].append(got[0])
            steady[name] += got[1:]
    clean_k, full_k = list(SYSTEMS)[:2]
    print(f"# Speed on records-dev ({n} records, {args.repeats} cold runs each, medians)")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}, {_compiled()}\n")
    for label, got in (("cold: one pass per fresh process", rates),
                       ("steady state: a second pass over the same records in the same process (every line "
                        "already in clean's caches: an upper bound on their help deeper into "
                        "a corpus)", steady)):
        if not got[clean_k]:
            continue
        med = {k: statistics.median(v) for k, v in got.items()}
        base = med[clean_k]
        print(f"{label} (models loaded before the timing)\n")
        print("| system | records per CPU-second (one core) | relative to clean |")
        print("|---|---:|---:|")
        for k, v in med.items():
            print(f"| {k} | {v:.0f} | {v / base:.2f} |")
        pairs = [c / f - 1 for c, f in zip(got[clean_k], got[full_k], strict=True)]
        print(f"\nenrichment (language + quotes) adds {base / med[full_k] - 1:.0%} to the time "
              f"of clean (ratio of the medians); median of the {len(pairs)} per-round ratios "
              f"{statistics.median(pairs):+.0%} (range {min(pairs):+.0%} to {max(pairs):+.0%})\n")
    once = one_time_costs()
    per_rec = 1 / statistics.median(rates[clean_k])  # CPU s per record, clean, cold
    total = once["imports_s"] + once["model_s"]
    print(f"one-time costs of enrichment per process (not in the figures above): py3langid's "
          f"model load {once['model_s']:.2f} CPU s, the enrichment modules' and py3langid's "
          f"imports {once['imports_s']:.2f} s; spread over {n} records that is "
          f"{total / n * 1e3:.3f} ms per record ({total / (n * per_rec):+.0%} on clean's cold "
          f"time), over 100,000 records {total / (1e5 * per_rec):+.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
