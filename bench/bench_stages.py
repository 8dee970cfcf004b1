"""How the corpus passes split into map stages (per record: what an engine can spread over
a cluster) and the reduce (in the driver, in input order).

    .venv/bin/python -m bench.bench_stages [--limit 2000] [--eval-dir /work/shared/eval]

The records of records-dev are cleaned once (in this process); then corpus.run.corpus_stream
runs over the cleaned pairs with a mapper that times every call of the map functions.  CPU
seconds of this process (time.process_time), for dedup alone and with learned boilerplate.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from newsclean.clean_run import clean_stream
from newsclean.corpus.run import CorpusOptions, CorpusSummary, corpus_stream
from newsclean.model import Record


def _records(eval_dir: Path, limit: int) -> list[Record]:
    out = []
    with gzip.open(eval_dir / "records-dev.jsonl.gz", "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                break
            obj = json.loads(line)
            meta = {k: obj[k] for k in ("url",) if isinstance(obj.get(k), str)}
            out.append(Record(str(obj.get("id", n)), obj["record"], f"records-dev:{n + 1}", meta))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--eval-dir", type=Path, default=Path("/work/shared/eval"))
    a = ap.parse_args()
    records = _records(a.eval_dir, a.limit)
    t0 = time.process_time()
    pairs = list(clean_stream(records))
    clean_s = time.process_time() - t0
    print(f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {len(records)} records of "
          f"records-dev, one process, load {os.getloadavg()[0]:.1f}; cleaning them took "
          f"{clean_s:.1f} CPU s\n")
    print("| corpus passes | all, CPU s | map stages, CPU s | reduce and the rest, CPU s |")
    print("|---|---:|---:|---:|")
    for name, opts in (("dedup", CorpusOptions()),
                       ("dedup + learned boilerplate", CorpusOptions(learn_boilerplate=True))):
        spent: dict[str, float] = defaultdict(float)

        def timed(fn: Callable[[Any, Any], Any], xs: Iterable[Any], const: Any,
                  spent: dict[str, float] = spent) -> Iterator[tuple[Any, Any]]:
            for x in xs:
                s = time.process_time()
                y = fn(x, const)
                spent[fn.__name__] += time.process_time() - s
                yield x, y

        t0 = time.process_time()
        for _ in corpus_stream(iter(pairs), opts, CorpusSummary(), mapper=timed):
            pass
        total = time.process_time() - t0
        mapped = sum(spent.values())
        detail = ", ".join(f"{k} {v:.1f}" for k, v in sorted(spent.items()))
        print(f"| {name} | {total:.1f} | {mapped:.1f} ({detail}) | {total - mapped:.1f} |")


if __name__ == "__main__":
    main()
