"""A dump of every output newsclean gives on the development sets, to prove a change
output-neutral: the per-record JSON of `clean_record` (default and `--no-enrich`) on
records-dev, syndication-dev, the AEB whole-page dumps (html-text, inscriptis) and the seed,
and the whole `newsclean clean` run (clusters included) on records-dev and syndication-dev.

Writes one line per record (`set id sha256`) to OUT and prints one digest per set; compare
two dumps with `diff` (or `cmp`).  A difference names the record that changed.

    .venv/bin/python -m bench.output_dump OUT [--limit N] [--no-cli]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from newsclean.model import Record
from newsclean.pipeline import clean_record

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _records(path: Path, limit: int | None) -> Iterator[Record]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            d = json.loads(line)
            yield Record(d["id"], d["record"], f"{path.name}:{i + 1}")


def _dumps(eval_dir: Path) -> Iterator[Record]:
    for dump in ("html-text", "inscriptis"):
        f = eval_dir / "aeb" / "dumps" / f"{dump}.json"
        if not f.exists():
            continue
        out = json.loads(f.read_text())["output"]
        for k in sorted(out):
            yield Record(f"{dump}/{k}", out[k]["articleBody"] or "", f"{dump}/{k}")


def _digest(obj: object) -> str:
    data = json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-cli", action="store_true", help="skip the whole-run (cluster) dumps")
    args = ap.parse_args()
    sets: dict[str, Iterator[Record]] = {}
    rd = args.eval_dir / "records-dev.jsonl.gz"
    sd = args.eval_dir / "syndication-dev.jsonl.gz"
    if not rd.exists():
        print(f"no {rd}: nothing to dump", file=sys.stderr)
        return 0
    lines: list[str] = []
    totals: dict[str, hashlib._Hash] = {}

    def add(name: str, rid: str, digest: str) -> None:
        lines.append(f"{name}\t{rid}\t{digest}")
        totals.setdefault(name, hashlib.sha256()).update(digest.encode())

    seed = args.eval_dir / "seed" / "record.txt"
    sets["records-dev"] = _records(rd, args.limit)
    sets["syndication-dev"] = _records(sd, args.limit)
    sets["aeb-dumps"] = _dumps(args.eval_dir)
    for name, recs in sets.items():
        for rec in recs:
            add(name, rec.id, _digest(clean_record(rec).to_dict()))
            add(name + ":no-enrich", rec.id, _digest(clean_record(rec, enrich=False).to_dict()))
    if seed.exists():
        rec = Record("seed", seed.read_text(encoding="utf-8"), "seed")
        add("seed", "seed", _digest(clean_record(rec).to_dict()))
    if not args.no_cli:
        for name, path in (("cli:records-dev", rd), ("cli:syndication-dev", sd)):
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / "out.jsonl"
                cmd = [sys.executable, "-m", "newsclean", "clean", str(path), "--text-field",
                       "record", "-o", str(out), "--quiet"]
                subprocess.run(cmd, check=True)
                for n, line in enumerate(out.read_text(encoding="utf-8").splitlines()):
                    if args.limit is not None and n >= args.limit:
                        break
                    add(name, json.loads(line)["id"], hashlib.sha256(line.encode()).hexdigest()[:32])
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, h in totals.items():
        print(f"{name}: {h.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
