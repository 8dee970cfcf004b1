"""The development pages with their gold: WCXB-dev (split by train.split) and AEB."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@dataclass(slots=True)
class Page:
    set: str  # "wcxb" or "aeb"
    id: str
    url: str | None
    html: str
    title: str | None
    body: str  # gold article text, paragraphs on their own lines


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def wcxb_pages(root: Path = EVAL) -> Iterator[Page]:
    d = root / "wcxb-dev-articles"
    for f in sorted((d / "ground-truth").glob("*.json")):
        gt = json.loads(f.read_text(encoding="utf-8"))
        g = gt["ground_truth"]
        html = _decode(gzip.open(d / "html" / f"{f.stem}.html.gz").read())
        paras = [p.strip() for p in (g.get("main_content") or "").split("\n") if p.strip()]
        title = g.get("title")
        if paras and title and _words(paras[0]) == _words(title):
            paras = paras[1:]  # the headline opens some gold texts: it is the title, not body
        yield Page("wcxb", f.stem, gt.get("url"), html, title, "\n".join(paras))


def aeb_pages(root: Path = EVAL) -> Iterator[Page]:
    d = root / "aeb"
    gold = json.loads((d / "ground-truth.json").read_text(encoding="utf-8"))
    for k, v in sorted(gold.items()):
        html = _decode(gzip.open(d / "html" / f"{k}.html.gz").read())
        body = "\n".join(p.strip() for p in (v.get("articleBody") or "").split("\n") if p.strip())
        yield Page("aeb", k, v.get("url"), html, _meta_title(html), body)


def _meta_title(html: str) -> str | None:
    """AEB gives no headline: the page's own (trafilatura's metadata), to find it by."""
    import trafilatura

    meta = trafilatura.extract_metadata(html)
    return meta.title if meta is not None else None
