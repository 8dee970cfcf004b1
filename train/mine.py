"""Render every development page the ways crawlers do and label each line against the gold.

    .venv/bin/python -m train.mine [--out out/train]

Writes `renderings-{wcxb-train,wcxb-heldout,aeb}.jsonl.gz`, one object per page and
rendering: {"set", "page", "url", "rendering", "title", "text", "labels"} where labels has one
entry per line of text ('body', 'title', 'other', 'blank').  Deterministic; a page a converter
fails on is skipped with a line on stderr.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from train.labels import label_lines
from train.pages import Page, aeb_pages, wcxb_pages
from train.renderings import RENDERINGS
from train.split import is_heldout


def render_page(page: Page) -> list[dict]:
    out = []
    for name, fn in RENDERINGS.items():
        try:
            text = fn(page.html)
        except Exception as e:  # a converter's crash on one page is that page's problem
            print(f"{page.set}/{page.id}: {name} failed: {e}", file=sys.stderr)
            continue
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        labels = label_lines(lines, page.body, page.title)
        out.append(
            {
                "set": page.set,
                "page": page.id,
                "url": page.url,
                "rendering": name,
                "title": page.title,
                "gold": page.body,
                "text": text,
                "labels": labels,
            }
        )
    return out


def part_of(page: Page) -> str:
    if page.set == "aeb":
        return "aeb"
    return "wcxb-heldout" if is_heldout(page.url, page.id) else "wcxb-train"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("out/train"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages = [*wcxb_pages(), *aeb_pages()]
    files = {p: gzip.open(args.out / f"renderings-{p}.jsonl.gz", "wt", encoding="utf-8")
             for p in ("wcxb-train", "wcxb-heldout", "aeb")}
    counts = dict.fromkeys(files, 0)
    with ProcessPoolExecutor(args.workers) as ex:
        for page, rows in zip(pages, ex.map(render_page, pages, chunksize=8), strict=True):
            part = part_of(page)
            for row in rows:
                files[part].write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[part] += 1
    for f in files.values():
        f.close()
    print(f"pages rendered: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
