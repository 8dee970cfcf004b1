"""A digest of every `clean_record` output the synthetic pools (A-E) make, to prove a change
output-neutral on them without looking at their records.

Runs each pool's bench as `__main__` (what it prints to stdout is discarded) with
`pipeline.clean_record` wrapped: every call's `Article.to_dict()` is hashed, in call order, one
line per call (`pool n sha256`) written to OUT.  Compare two dumps with `cmp`/`diff`.

    .venv/bin/python -m bench.dump_pools OUT [--pools a,b,c,d,e]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import runpy
import sys
from pathlib import Path
from typing import Any

MODULES = {"a": "bench.bench_renoised", "b": "bench.bench_renoised_b",
           "c": "bench.bench_renoised_c", "d": "bench.bench_renoised_d",
           "e": "bench.bench_renoised_e"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pools", default="a,b,c,d,e")
    args = ap.parse_args()
    import newsclean
    from newsclean import pipeline

    real = pipeline.clean_record
    lines: list[str] = []
    current = [""]
    count = [0]

    def wrapped(*a: Any, **k: Any) -> Any:
        art = real(*a, **k)
        data = json.dumps(art.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")
        count[0] += 1
        lines.append(f"{current[0]}\t{count[0]}\t{hashlib.sha256(data).hexdigest()[:32]}")
        return art

    pipeline.clean_record = wrapped  # type: ignore[assignment]
    newsclean.clean_record = wrapped  # type: ignore[assignment]
    for pool in args.pools.split(","):
        current[0], count[0] = pool, 0
        sys.argv = [MODULES[pool]]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            runpy.run_module(MODULES[pool], run_name="__main__")
        total = hashlib.sha256("\n".join(x for x in lines if x.startswith(pool + "\t")).encode())
        print(pool, count[0], total.hexdigest()[:16], file=sys.stderr)
    args.out.write_text("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
