"""Per-core throughput of `clean` on records-dev, with and without enrichment, beside a peer.

Times CPU seconds of the timing process only (time.process_time), so other load on a shared
machine costs less than wall time would; each configuration runs `--repeats` times, interleaved,
and the median is reported.  Every timed pass runs in a fresh process: the cleaner caches the
classification of lines it has seen (furniture recurs across a corpus), and a second pass over
the same records would time those caches, not the cleaner.  The peer in the same run is trafilatura on the same records wrapped as
HTML paragraphs (as in bench_records), so ratios hold even when the machine is busy.

    .venv/bin/python -m bench.bench_speed [--limit N] [--repeats R] [--no-peer]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import statistics
import subprocess
import sys
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
    recs = load(path, limit)
    if kind == "trafilatura":
        from bench.peers import extract_trafilatura, lines_to_html, record_body

        pages = {r.id: lines_to_html(record_body(r.text).split("\n")) for r in recs}
        extract_trafilatura(lines_to_html(["Warm-up paragraph of a few words only."]))
        return cpu_rate(lambda r: extract_trafilatura(pages[r.id]), recs)
    # load the language model, the line model and the expressions outside the timing, on a
    # record of our own (loading is a cost per process, reported apart: BENCHMARKS.md)
    clean_record(Record("warm", _WARM, "warm"))
    _warm_line_model()
    return cpu_rate(lambda r: clean_record(r, enrich=kind == "enrich"), recs)


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


def _fresh_pass(name: str, path: Path, limit: int | None) -> float:
    code = (
        "import sys; from pathlib import Path; from bench.bench_speed import one_pass; "
        f"print(one_pass({SYSTEMS[name]!r}, Path({str(path)!r}), {limit!r}))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, check=True, capture_output=True, text=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-peer", action="store_true")
    args = ap.parse_args(argv)
    path = args.eval_dir / "records-dev.jsonl.gz"
    if not path.exists():
        print(f"{path} not found", file=sys.stderr)
        return 1
    n = len(load(path, args.limit))
    systems = list(SYSTEMS) if not args.no_peer else list(SYSTEMS)[:2]
    rates: dict[str, list[float]] = {k: [] for k in systems}
    for _ in range(args.repeats):
        for name in systems:
            rates[name].append(_fresh_pass(name, path, args.limit))
    med = {k: statistics.median(v) for k, v in rates.items()}
    base = med["newsclean clean (no enrichment)"]
    print(f"# Speed on records-dev ({n} records, {args.repeats} cold runs each, medians)")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}\n")
    print("| system | records per CPU-second (one core) | relative to clean |")
    print("|---|---:|---:|")
    for k, v in med.items():
        print(f"| {k} | {v:.0f} | {v / base:.2f} |")
    full = med["newsclean clean (default: + language, quotes)"]
    print(f"\nenrichment (language + quotes) adds {base / full - 1:.0%} to the time of clean")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
