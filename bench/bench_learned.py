"""Learned boilerplate on the dev records grouped by source (issue 4).

records-dev has no site field and draws its noise per record, so on its own it has nothing a
source repeats.  This bench groups the dev records into sources -- records of one article
always land in the same source, as copies of a page do -- and gives each source a site
template of its own: a masthead, menu items and a footer, written here from word lists of our
own (no eval string), the same on every page of the source, as a site's template is.  The
gold stays the dev gold: the template is noise.

It then runs the real command twice on that corpus, in one process each:

    newsclean clean CORPUS --text-field record --no-dedup                       (per record)
    newsclean clean CORPUS --text-field record --no-dedup --learn-boilerplate   (+ learned)

and scores both with the records metric, plus: gold lines that learned boilerplate removed
(must be 0), and the share of template lines each leaves in the text.

    .venv/bin/python -m bench.bench_learned [--per-source 40] [--md bench/results/learned.md]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import metrics as M
from bench.report import publish

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
REPO = Path(__file__).resolve().parents[1]

_SYLLABLES = "har bor ton vale mere wick ley ford ash brook stone field cliff dale ridge".split()
_KINDS = "Gazette Courier Herald Post Times Chronicle Observer Record Journal Ledger".split()
_SECTIONS = (
    "Local|Region|Council|Schools|Transport|Weather|Crime|Courts|Health|Property|Jobs|Motors|"
    "Farming|Arts|Food & Drink|Theatre|Books|Gardening|Puzzles|Obituaries|Letters|Columnists|"
    "Business|Markets|Football|Rugby|Cricket|Golf|Racing|Travel|Science|Environment|Nature|"
    "Photos|Video|Podcasts|Events|Family Notices|What's On|Motoring|Education|Heritage"
).split("|")
_TAGLINES = [
    "Independent news for {city} and the {dale} valley since {year}",
    "The voice of {city}",
    "Serving the communities of {city}, {town} and beyond",
    "{city}'s trusted local paper",
]
_FOOTER = [
    "{site} is published by {owner} Media Ltd, {num} {street}, {city} {postcode}",
    "Registered in England and Wales, company number {company}",
    "Got a story? Call the newsroom on 0{phone}",
    "Our journalists follow the {owner} Editorial Code",
    "Printed by {owner} Press at the {town} works",
    "Part of the {owner} family of newspapers",
    "{site}, {num} {street}, {city}",
    "Editor: {editor}",
]
_STREETS = ["Quay Street", "Market Place", "Mill Lane", "Castle Road", "Bridge End", "High Street"]
_NAMES = ["Ruth Calder", "Owen Prys", "Mairi Lennox", "Dev Anand Shah", "Tom Ellery", "Ines Varga"]


def _name(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()


def site_template(rng: random.Random) -> tuple[str, list[str], list[str]]:
    """(site id, lines above the article, lines below it) for one made-up site."""
    city, town, dale, owner = _name(rng), _name(rng), _name(rng), _name(rng, 3)
    site = f"{city} {rng.choice(_KINDS)}"
    fill = {
        "site": site,
        "city": city,
        "town": town,
        "dale": dale,
        "owner": owner,
        "year": rng.randint(1850, 1990),
        "num": rng.randint(1, 120),
        "street": rng.choice(_STREETS),
        "postcode": f"{rng.choice('BCDHKLNPSTW')}{rng.randint(1, 29)} {rng.randint(1, 9)}"
        f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
        "company": rng.randint(1_000_000, 9_999_999),
        "phone": rng.randint(1_000_000_000, 1_999_999_999),
        "editor": rng.choice(_NAMES),
    }
    top = [site, rng.choice(_TAGLINES).format(**fill)]
    top += rng.sample(_SECTIONS, rng.randint(4, 8))
    tail = [line.format(**fill) for line in rng.sample(_FOOTER, rng.randint(3, 5))]
    return site.lower().replace(" ", "-") + ".example", top, tail


def _wrap(record: str, top: list[str], tail: list[str], rng: random.Random) -> str:
    """The record with the template around its text: the header line stays first."""
    head, _, body = record.partition("\n")
    if not head.strip().startswith("date "):
        head, body = "", record
    # a template line is occasionally missing from a page (A/B tests, a widget that failed)
    keep_top = [ln for ln in top if rng.random() > 0.05]
    keep_tail = [ln for ln in tail if rng.random() > 0.05]
    text = "\n".join([*keep_top, body.rstrip("\n"), *keep_tail]) + "\n"
    return f"{head}\n{text}" if head else text


def build_corpus(records: list[dict], per_source: int, seed: int) -> tuple[list[dict], set[str]]:
    """Records grouped into sources of about `per_source` records, each wrapped in its
    source's template; also every template line (to measure what is left of them)."""
    rng = random.Random(seed)
    by_story: dict[str, list[dict]] = {}
    for r in records:  # copies of one article stay in one source, as pages of a site do
        key = r["gold"]["title"] or r["id"]
        by_story.setdefault(key, []).append(r)
    stories = list(by_story.values())
    rng.shuffle(stories)
    out: list[dict] = []
    template_lines: set[str] = set()
    group: list[dict] = []
    for i, story in enumerate(stories):
        group += story
        if len(group) >= per_source or i == len(stories) - 1:
            site, top, tail = site_template(rng)
            template_lines.update(top + tail)
            for r in group:
                article = r["gold"]["verdict"] == "article"
                rec = _wrap(r["record"], top, tail, rng) if article else r["record"]
                out.append({"id": r["id"], "site": site, "record": rec, "gold": r["gold"]})
            group = []
    out.sort(key=lambda r: r["id"])
    return out, template_lines


def run_clean(corpus: Path, out: Path, learn: bool) -> float:
    cmd = [
        str(REPO / ".venv" / "bin" / "newsclean"),
        "clean",
        str(corpus),
        "--text-field",
        "record",
        "--no-dedup",
        "-o",
        str(out),
    ]
    if learn:
        cmd.append("--learn-boilerplate")
    t0 = os.times()
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    t1 = os.times()
    return (t1.children_user + t1.children_system) - (t0.children_user + t0.children_system)


def score(corpus: list[dict], out: Path, template: set[str]) -> dict:
    preds = {}
    with open(out, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            preds[o["id"]] = o
    golds, texts, verdicts = [], [], []
    gold_removed = template_left = template_total = 0
    for r in corpus:
        g, p = r["gold"], preds[r["id"]]
        golds.append(g)
        texts.append(p["text"] if p["verdict"] == "article" else "")
        verdicts.append(p["verdict"])
        gold_lines = set(g["text"].split("\n"))
        for rm in p.get("removed", []):
            if rm["reason"] == "learned_boilerplate" and rm["text"].strip("\n") in gold_lines:
                gold_removed += 1
        if g["verdict"] == "article":
            kept = set(p["text"].split("\n"))
            here = [ln for ln in r["record"].split("\n") if ln in template]
            template_total += len(here)
            template_left += sum(1 for ln in here if ln in kept)
    tm = M.text_metrics(zip(texts, [g["text"] for g in golds], strict=True))
    lost, articles = M.articles_lost(
        (g["verdict"], v, t) for g, v, t in zip(golds, verdicts, texts, strict=True)
    )
    return {
        "P": tm.precision,
        "R": tm.recall,
        "F1": tm.f1,
        "accuracy": tm.accuracy,
        "lost": f"{lost}/{articles}",
        "title": sum(
            M.field_match(preds[r["id"]]["title"], r["gold"]["title"]) for r in corpus
        )
        / len(corpus),
        "gold_removed": gold_removed,
        "template_left": template_left / template_total if template_total else 0.0,
        "learned_removals": sum(
            1
            for p in preds.values()
            for rm in p.get("removed", [])
            if rm["reason"] == "learned_boilerplate"
        ),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=EVAL)
    ap.add_argument("--per-source", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--md", type=Path)
    ap.add_argument(
        "--no-site",
        action="store_true",
        help="write the corpus without its site field: one input, no site key, as crawls "
        "often come (the whole-input pool must find the templates)",
    )
    args = ap.parse_args()
    src = args.eval_dir / "records-dev.jsonl.gz"
    if not src.exists():
        print(f"no {src}: nothing to bench", file=sys.stderr)
        return 0
    with gzip.open(src, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    corpus, template = build_corpus(records, args.per_source, args.seed)
    sites = len({r["site"] for r in corpus})
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for r in corpus:
                row = {"id": r["id"], "site": r["site"], "record": r["record"]}
                if args.no_site:
                    del row["site"]
                f.write(json.dumps(row) + "\n")
        for name, learn in (("per-record cleaner", False), ("+ learned boilerplate", True)):
            out = Path(tmp) / f"out-{learn}.jsonl"
            cpu = run_clean(path, out, learn)
            s = score(corpus, out, template)
            s["name"], s["rec_s"] = name, len(corpus) / cpu if cpu else 0.0
            rows.append(s)
    lines = [
        f"# Learned boilerplate bench — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "",
        f"records-dev ({len(corpus)} records) grouped into {sites} sources of about "
        f"{args.per_source} records (copies of one article in one source); every article page "
        "of a source wrapped in that source's made-up template (masthead, tagline, 4–8 menu "
        "items, 3–5 footer lines; each line missing from a page 5% of the time). Gold: the dev "
        "gold. Command: `newsclean clean CORPUS --text-field record --no-dedup "
        "[--learn-boilerplate]`"
        + (", the site field left out (no site key: the whole input is one pool)." if args.no_site else "."),
        "",
        "| run | P | R | F1 | accuracy | articles lost | title acc | template lines left "
        "| learned removals | gold lines removed by learning | records/CPU-s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in rows:
        lines.append(
            f"| {s['name']} | {s['P']:.4f} | {s['R']:.4f} | {s['F1']:.4f} | {s['accuracy']:.3f} "
            f"| {s['lost']} | {s['title']:.3f} | {s['template_left']:.3f} "
            f"| {s['learned_removals']} | {s['gold_removed']} | {s['rec_s']:.0f} |"
        )
    flag = " --no-site" if args.no_site else ""
    lines += ["", f"`.venv/bin/python -m bench.bench_learned --per-source {args.per_source}{flag}`"]
    publish("\n".join(lines), args.md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
