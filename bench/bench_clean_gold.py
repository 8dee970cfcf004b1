"""False removals on clean articles from other sources: AEB gold bodies as defect-free records.

records-dev's clean records come from one corpus; the held-back ones may not.  This bench
takes the 181 Article Extraction Benchmark pages' gold `articleBody` (real news sites, 2018-19,
many languages), puts the page's own title (trafilatura's metadata) over it as a crawl record,
and reports the share that newsclean returns unchanged, and which rules removed text from the
others.  Wire datelines are removed by design (the agency becomes `publisher`), so the share is
also given with those removals allowed.

    .venv/bin/python -m bench.bench_clean_gold
"""

from __future__ import annotations

import collections
import gzip
import json
import sys
from pathlib import Path

import trafilatura

from newsclean import clean_text

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> int:
    aeb = EVAL / "aeb"
    if not (aeb / "ground-truth.json").exists():
        print(f"{aeb}/ground-truth.json not found", file=sys.stderr)
        return 1
    gold = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    n = same = same_but_dateline = 0
    rules: collections.Counter[str] = collections.Counter()
    for key, item in sorted(gold.items()):
        with gzip.open(aeb / "html" / f"{key}.html.gz", "rt", encoding="utf-8", errors="replace") as f:
            meta = trafilatura.extract_metadata(f.read())
        title = (meta.title if meta is not None else None) or ""
        paras = [p.strip() for p in item["articleBody"].split("\n") if p.strip()]
        if not title or not paras:
            continue
        n += 1
        a = clean_text("\n".join([" date 2025-01-01 200", title, *paras]))
        cut = [r for r in a.removed if r.reason not in ("header", "title")]
        if a.text == "\n".join(paras):
            same += 1
        for r in cut:
            rules[f"{r.reason}/{r.rule}"] += 1
        if all(r.reason == "dateline" for r in cut) and a.verdict == "article":
            same_but_dateline += 1
    print(f"# Clean articles from AEB gold bodies ({n} pages with a title)\n")
    print(f"returned unchanged: {same}/{n} = {same / n:.3f}")
    print(f"unchanged but for a wire dateline removed by design: {same_but_dateline}/{n} = "
          f"{same_but_dateline / n:.3f}\n")
    print("| removed as | spans |")
    print("|---|---:|")
    for k, v in rules.most_common():
        print(f"| {k} | {v} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
