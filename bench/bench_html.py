"""HTML main-text bench: newsclean against extractors on AEB and WCXB pages, in one run.

    .venv/bin/python -m bench.bench_html [--sets aeb,wcxb] [--step N] [--only ours,trafilatura,...]
        [--eval-dir /work/shared/eval] [--md bench/results/html.md]

Every system sees the same pages; pages are visited once and every system runs on each page in
turn, so a load change on the shared machine hits all systems alike.  pages/s = pages / wall
time of the system calls; CPU ms/page is process time (less sensitive to other jobs).

Scored text (shingle P/R/F1, bench/metrics.py):
- ours: the final text of the full pipeline, `clean_record(html_record(page)).text` (the title
  line is moved to `title` by the pipeline; enrichment, which does not change the text, is off); "ours (extract)" beside it is the extracted body
  before the pipeline, for diagnosis (same call, so no separate speed).
- peers: their plain-text output as is.
Gold: AEB `articleBody`, WCXB `ground_truth.main_content`; neither contains the headline, and no
system is given or scored on a title line, so titles are handled alike for all.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import metrics as M
from bench.bench_records import machine_info
from bench.peers import extract_justext
from bench.report import save

DEFAULT_EVAL_DIR = Path("/work/shared/eval")
Page = tuple[str, bytes, str, str | None]  # id, html bytes, gold text, url


def load_aeb(root: Path) -> list[Page]:
    d = root / "aeb"
    gold = json.loads((d / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (k, gzip.open(d / "html" / f"{k}.html.gz").read(), v["articleBody"], v.get("url"))
        for k, v in sorted(gold.items())
    ]


def load_wcxb(root: Path) -> list[Page]:
    d = root / "wcxb-dev-articles"
    pages = []
    for f in sorted((d / "ground-truth").glob("*.json")):
        gt = json.loads(f.read_text(encoding="utf-8"))
        html = gzip.open(d / "html" / f"{f.stem}.html.gz").read()
        pages.append((f.stem, html, gt["ground_truth"].get("main_content") or "", gt.get("url")))
    return pages


def load_wcxb_part(heldout: bool) -> Callable[[Path], list[Page]]:
    """The WCXB-dev pages of one part of the frozen split (train/split.py): `wcxb-train` is
    the part rules are tuned on; `wcxb-heldout` is only measured."""
    from train.split import is_heldout

    def load(root: Path) -> list[Page]:
        return [p for p in load_wcxb(root) if is_heldout(p[3], p[0]) == heldout]

    return load


# the page sets a bench can run: name -> (table title, loader)
SETS: dict[str, tuple[str, Callable[[Path], list[Page]]]] = {
    "aeb": ("AEB (gold articleBody)", load_aeb),
    "wcxb": ("WCXB dev articles (gold main_content)", load_wcxb),
    "wcxb-train": ("WCXB dev articles, part wcxb-train (tuned on)", load_wcxb_part(False)),
    "wcxb-heldout": ("WCXB dev articles, part wcxb-heldout (measured only)", load_wcxb_part(True)),
}


def report_head(title: str, module: str, argv: list[str] | None) -> list[str]:
    """The first lines of a bench report: what, where, when, and the command that made it."""
    info = machine_info()
    return [
        f"## {title}",
        "",
        f"{info['date']} · {info['cpu']} · {info['cores']} cores (shared) · load "
        f"{info['load_avg_1m']} · Python {info['python']} · commit {info['git_commit']}",
        "",
        f"Command: `.venv/bin/python -m {module} {' '.join(argv or sys.argv[1:])}`",
        "",
    ]


# --- systems: (html bytes, url) -> text -------------------------------------------------------


def _ours(fast: bool) -> Callable[[bytes, str | None], tuple[str, str]]:
    from newsclean.extract import html_record
    from newsclean.model import BadRecord
    from newsclean.pipeline import clean_record

    def run(page: bytes, url: str | None) -> tuple[str, str, float]:
        c0 = time.process_time()
        rec = html_record(page, id="p", source="p", url=url, fast=fast)
        extract_cpu = time.process_time() - c0
        if isinstance(rec, BadRecord):
            return "", "", extract_cpu
        title, _, body = rec.text.partition("\n")
        extracted = body if rec.meta.get("title") else rec.text
        # enrich=False: language and quotation finding do not change the text, and no peer does
        # them; their cost is the records bench's business
        return clean_record(rec, enrich=False).text, extracted, extract_cpu

    return run


def _trafilatura(precision: bool) -> Callable[[bytes, str | None], str]:
    import trafilatura

    def run(page: bytes, url: str | None) -> str:
        html = page.decode("utf-8", "replace")
        return trafilatura.extract(html, url=url, favor_precision=precision) or ""

    return run


def _readability(page: bytes, url: str | None) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(page.decode("utf-8", "replace"), url=url).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
    except Exception:  # readability raises on pages it cannot score
        return ""
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//h5|//h6|//li|//pre|//blockquote|//td")
    if not blocks:
        return root.text_content().strip()
    return "\n".join(t for t in (b.text_content().strip() for b in blocks) if t)


def _resiliparse(page: bytes, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse_from_bytes(page, "utf-8")
    return extract_plain_text(tree, main_content=True, alt_texts=False, links=False)


def _justext(page: bytes, url: str | None) -> str:
    return extract_justext(page.decode("utf-8", "replace"))


SYSTEMS: dict[str, Callable[[], Callable]] = {
    "ours": lambda: _ours(False),
    "ours --fast": lambda: _ours(True),
    "trafilatura": lambda: _trafilatura(False),
    "trafilatura precision": lambda: _trafilatura(True),
    "readability-lxml": lambda: _readability,
    "resiliparse": lambda: _resiliparse,
    "jusText": lambda: _justext,
}


def run_set(pages: list[Page], names: list[str]) -> dict[str, dict]:
    fns = {n: SYSTEMS[n]() for n in names}
    outs: dict[str, list[str]] = {n: [] for n in names}
    extracted: dict[str, list[str]] = {n: [] for n in names if n.startswith("ours")}
    extract_cpu = dict.fromkeys(extracted, 0.0)
    wall = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)
    for _id, page, _gold, url in pages:
        for n, fn in fns.items():
            w0, c0 = time.perf_counter(), time.process_time()
            out = fn(page, url)
            wall[n] += time.perf_counter() - w0
            cpu[n] += time.process_time() - c0
            if isinstance(out, tuple):
                out, ex, ex_cpu = out
                extracted[n].append(ex)
                extract_cpu[n] += ex_cpu
            outs[n].append(out)
    golds = [p[2] for p in pages]
    res: dict[str, dict] = {}
    for n in names:
        tm = M.text_metrics(zip(outs[n], golds, strict=True))
        res[n] = {
            "metrics": tm,
            "pages_s": len(pages) / wall[n] if wall[n] else None,
            "cpu_ms": 1000 * cpu[n] / len(pages),
            "outs": outs[n],
        }
        if n in extracted:
            em = M.text_metrics(zip(extracted[n], golds, strict=True))
            res[n]["extract"] = em
            res[n]["extract_cpu_ms"] = 1000 * extract_cpu[n] / len(pages)
    return res


def _f(x: float | None, nd: int = 4) -> str:
    return "—" if x is None else f"{x:.{nd}f}"


def table(title: str, n_pages: int, res: dict[str, dict]) -> str:
    base = res.get("trafilatura")
    lines = [
        f"### {title} ({n_pages} pages)",
        "",
        "| system | P | R | F1 | accuracy | pages/s | CPU ms/page | CPU vs trafilatura |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in res.items():
        m = r["metrics"]
        ratio = f"{r['cpu_ms'] / base['cpu_ms']:.2f}×" if base and base["cpu_ms"] else "—"
        lines.append(
            f"| {n} | {_f(m.precision)} | {_f(m.recall)} | {_f(m.f1)} | {_f(m.accuracy, 3)} "
            f"| {_f(r['pages_s'], 1)} | {_f(r['cpu_ms'], 1)} | {ratio} |"
        )
        if "extract" in r:
            em, ms = r["extract"], r["extract_cpu_ms"]
            ratio = f"{ms / base['cpu_ms']:.2f}×" if base and base["cpu_ms"] else "—"
            lines.append(
                f"| &nbsp;&nbsp;{n}: extraction only (before the pipeline) | {_f(em.precision)} "
                f"| {_f(em.recall)} | {_f(em.f1)} | {_f(em.accuracy, 3)} | | {_f(ms, 1)} | {ratio} |"
            )
    return "\n".join(lines)


def _whole_wcxb(parts: dict[str, tuple[list[Page], dict[str, dict]]]) -> str:
    """F1 over all of WCXB-dev from the two parts' outputs (macro over pages, as one run)."""
    lines = ["### WCXB dev articles, both parts (F1 from the parts' outputs)", ""]
    lines += ["| system | P | R | F1 |", "|---|---:|---:|---:|"]
    train, held = parts["wcxb-train"], parts["wcxb-heldout"]
    for n in train[1]:
        outs = train[1][n]["outs"] + held[1][n]["outs"]
        golds = [p[2] for p in train[0] + held[0]]
        m = M.text_metrics(zip(outs, golds, strict=True))
        lines.append(f"| {n} | {_f(m.precision)} | {_f(m.recall)} | {_f(m.f1)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--sets",
        default="aeb,wcxb",
        help=f"comma-separated, of {', '.join(SETS)}; 'split' = aeb,wcxb-train,wcxb-heldout "
        "(and the whole of WCXB-dev from the same outputs)",
    )
    ap.add_argument("--step", type=int, default=1, help="every N-th page (subset for development)")
    ap.add_argument("--only", default=",".join(SYSTEMS), help="comma-separated system names")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--md", type=Path, default=None, help="also write the tables to this file")
    args = ap.parse_args(argv)
    if not args.eval_dir.exists():
        print(f"no eval data at {args.eval_dir}", file=sys.stderr)
        return 1
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in names if n not in SYSTEMS]
    if unknown:
        print(f"unknown systems: {unknown}; known: {list(SYSTEMS)}", file=sys.stderr)
        return 2
    out = report_head("HTML main-text extraction", "bench.bench_html", argv)
    sets = args.sets.replace("split", "aeb,wcxb-train,wcxb-heldout").split(",")
    parts: dict[str, tuple[list[Page], dict[str, dict]]] = {}
    for s in sets:
        title, load = SETS[s]
        pages = load(args.eval_dir)[:: args.step]
        res = run_set(pages, names)
        parts[s] = (pages, res)
        out += [table(title, len(pages), res), ""]
        print("\n".join(out[-2:]), flush=True)
    if "wcxb-train" in parts and "wcxb-heldout" in parts:
        out += [_whole_wcxb(parts), ""]
        print("\n".join(out[-2:]), flush=True)
    save("\n".join(out), args.md)  # (the tables were printed as they came)
    return 0


if __name__ == "__main__":
    sys.exit(main())
