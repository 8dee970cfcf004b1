"""Whole-page text dumps of the AEB pages: real crawler-like text, cleaned as text records.

`../shared/eval/aeb/dumps/` holds what html-text and inscriptis make of each benchmark page:
the whole page as text, menus, footers and all -- the nearest real analogue of a crawler's raw
text.  A third dump, html2text's markdown (links, images and `* ` bullets kept), is made here
from the benchmark's HTML with html2text (train/renderings.py; needs the `train` extra).  newsclean cleans each dump as a text record (no header line); beside it, in the same
run, the raw dump and trafilatura and jusText on the dump's lines wrapped as paragraphs (as in
bench_records).  Scored against the benchmark's gold `articleBody` with the project metric.

    .venv/bin/python -m bench.bench_dumps [--md bench/results/dumps.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import metrics as M
from bench.peers import extract_justext, extract_trafilatura, lines_to_html
from bench.report import publish
from newsclean import clean_text

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
DUMPS = ("html-text", "inscriptis", "html2text")


def _markdown_dumps(aeb: Path) -> dict[str, dict[str, str]]:
    """html2text's markdown of every AEB page, in the dumps' own format."""
    import gzip

    from train.renderings import RENDERINGS

    out = {}
    for f in sorted((aeb / "html").glob("*.html.gz")):
        html = gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
        out[f.name.removesuffix(".html.gz")] = {"articleBody": RENDERINGS["html2text"](html)}
    return out


def _newsclean(text: str) -> str:
    art = clean_text(text)
    return art.text if art.verdict == "article" else ""


SYSTEMS: dict[str, Callable[[str], str]] = {
    "newsclean": _newsclean,
    "raw dump": lambda text: text,
    "trafilatura on the lines as <p>": lambda text: extract_trafilatura(
        lines_to_html(text.split("\n"))
    ),
    "jusText on the lines as <p>": lambda text: extract_justext(lines_to_html(text.split("\n"))),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--md", type=Path)
    args = ap.parse_args()
    aeb = args.eval_dir / "aeb"
    if not (aeb / "ground-truth.json").exists():
        print(f"no {aeb}: nothing to bench", file=sys.stderr)
        return 0
    gold = {k: v["articleBody"] for k, v in json.loads((aeb / "ground-truth.json").read_text()).items()}
    lines = [
        f"# AEB whole-page text dumps — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
    ]
    for dump in DUMPS:
        if dump == "html2text":
            out = _markdown_dumps(aeb)
        else:
            out = json.loads((aeb / "dumps" / f"{dump}.json").read_text())["output"]
        ids = [k for k in gold if k in out]
        lines += [
            f"## {dump} ({len(ids)} pages)",
            "",
            "| system | P | R | F1 | accuracy | CPU ms/page |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, fn in SYSTEMS.items():
            t = time.process_time()
            preds = [fn(out[k]["articleBody"] or "") for k in ids]
            ms = (time.process_time() - t) / len(ids) * 1000
            m = M.text_metrics(zip(preds, [gold[k] for k in ids], strict=True))
            lines.append(
                f"| {name} | {m.precision:.4f} | {m.recall:.4f} | {m.f1:.4f} | {m.accuracy:.3f} "
                f"| {ms:.1f} |"
            )
        lines.append("")
    lines.append("`.venv/bin/python -m bench.bench_dumps`")
    publish("\n".join(lines), args.md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
