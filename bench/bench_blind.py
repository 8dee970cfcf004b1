"""Generalisation bench: records and whole-page dumps made from pages, by frozen split.

    .venv/bin/python -m bench.bench_blind [--part aeb|wcxb-heldout|wcxb-train] [--md FILE]

The parts are those of train/split.py: `wcxb-train` is where features and rules are looked
at and tuned; `wcxb-heldout` and `aeb` are only measured (AEB is never trained on, nor
read).  For each page of the part, its text renderings (train/renderings.py) give:

- dumps: the whole rendering (inscriptis, html-text, html2text markdown) cleaned as a text
  record, scored against the gold body (shingle P/R/F1, as bench_dumps);
- records (train/records.py), noised by shape from the page's own furniture:
  `record` -- gold headline and paragraphs between furniture from the page's edges;
  `window` -- a stretch of the page's rendering as it is (captions, inline furniture);
  `clean` -- the gold headline and paragraphs alone (must come back unchanged);
  each noisy record may carry a glued furniture line, an edited repeat, a full copy, a
  made-up agency's wire tag or a bare place dateline.

Reported per kind: P/R/F1, exact (identical token sequence), articles lost (no article
text), title and publisher accuracy.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench import metrics as M
from bench.bench_records import machine_info
from bench.report import publish
from newsclean import clean_text
from train.labels import label_lines
from train.mine import part_of
from train.pages import EVAL, Page, aeb_pages, wcxb_pages
from train.records import build_record
from train.renderings import RENDERINGS

DUMPS = ("inscriptis", "html-text", "html2text")
RECORD_RENDERINGS = ("inscriptis", "html-text")


def _score(text: str, gold_text: str, gold_title: str | None, gold_pub: str | None) -> dict:
    art = clean_text(text)
    pred = art.text if art.verdict == "article" else ""
    return {
        "score": M.score_text(pred, gold_text),
        "lost": not pred.strip(),
        "title": M.field_match(art.title, gold_title),
        "publisher": M.field_match(art.publisher, gold_pub),
    }


def page_results(page: Page) -> list[tuple[str, dict]]:
    """(kind, result) pairs for one page: its dumps and its records."""
    out: list[tuple[str, dict]] = []
    for name in DUMPS:
        text = RENDERINGS[name](page.html).replace("\r\n", "\n")
        res = _score(text, page.body, None, None)
        out.append((f"dump: {name}", res))
        if name not in RECORD_RENDERINGS:
            continue
        row = {
            "set": page.set,
            "page": page.id,
            "rendering": name,
            "text": text,
            "labels": label_lines(text.split("\n"), page.body, page.title),
            "title": page.title,
            "gold": page.body,
        }
        plans = [("record", True), ("window", True)]
        if name == RECORD_RENDERINGS[0]:
            plans.append(("clean", False))
        for mode, noisy in plans:
            rng = random.Random(f"{page.set}/{page.id}/{name}/{mode}")
            rec = build_record(
                row, rng, defects=noisy, furniture=noisy, mode="window" if mode == "window" else "record"
            )
            if rec is None:
                continue
            res = _score(rec.text, rec.gold_text, rec.gold_title, rec.gold_publisher)
            out.append((f"{mode}", res))
            for kind in rec.defects:
                out.append((f"{mode}: {kind}", res))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="aeb", choices=("aeb", "wcxb-heldout", "wcxb-train"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--md", type=Path)
    args = ap.parse_args()
    if not (EVAL / "aeb").exists():
        print(f"no {EVAL}: nothing to bench", file=sys.stderr)
        return 0
    pages = aeb_pages() if args.part == "aeb" else wcxb_pages()
    pages = [p for p in pages if part_of(p) == args.part]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    with ProcessPoolExecutor(args.workers) as ex:
        for results in ex.map(page_results, pages, chunksize=4):
            for kind, res in results:
                by_kind[kind].append(res)
    info = machine_info()
    lines = [
        f"# Generalisation bench, part `{args.part}` ({len(pages)} pages) — {info['date']}",
        "",
        f"git {info['git_commit']}; {info['cpu']}",
        "",
        "| kind | n | P | R | F1 | exact | lost | title | publisher |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted(by_kind, key=lambda k: (not k.startswith("dump"), k)):
        rs = by_kind[kind]
        m = M.aggregate_text([r["score"] for r in rs])
        n = len(rs)
        lines.append(
            f"| {kind} | {n} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {m.accuracy:.3f} "
            f"| {sum(r['lost'] for r in rs)} | {sum(r['title'] for r in rs) / n:.3f} "
            f"| {sum(r['publisher'] for r in rs) / n:.3f} |"
        )
    lines += ["", f"`.venv/bin/python -m bench.bench_blind --part {args.part}`"]
    publish("\n".join(lines), args.md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
