"""Near-duplicate (syndication) bench: newsclean's corpus dedup vs datasketch MinHashLSH on raw text.

    .venv/bin/python bench/bench_syndication.py [--limit N] [--out bench/results/syndication.md]

Data: /work/shared/eval/syndication-dev.jsonl.gz (records with gold `cluster`).
Systems, in the same run:
- newsclean: `clean_text(record)` per record, then `corpus.run.corpus_stream` (in-memory
  index; and once more with an SQLite store, to measure its bytes per record).
- newsclean + learned boilerplate: the same with pass 1 learning over the whole file as one
  source (the set has no URLs).
- peer: datasketch MinHashLSH (threshold 0.5, its usual default; num_perm 128) over lower-cased
  word 5-shingles of the raw record text; groups = connected components of query hits.
Metrics: pairwise P/R/F1 over same-cluster pairs, B-cubed P/R/F1, false-merge rate on hard
negatives (different-cluster pairs whose raw records have Jaccard > 0.5 on lower-cased word
5-shingles), records/s, bytes of state per record.
Robustness: for every story with copies, synthetic copies made here from its story lines (lines of >= 15 words
shared by >= 2 of its copies and by no other story's record, in order): cut to the first 1 and 2 paragraphs, and with the
paragraphs shuffled, each inside short template lines of an unrelated record.  Reported: the
share of (synthetic copy, original copy) pairs put in the same group, and pairwise precision of
the whole augmented set.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import platform
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from datasketch import MinHash, MinHashLSH

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import metrics as M  # noqa: E402
from newsclean import Record, clean_record, clean_text, restore  # noqa: E402
from newsclean.corpus.dedup import UnionFind  # noqa: E402
from newsclean.corpus.learned_boilerplate import (  # noqa: E402
    BoilerplateLearner,
    LearnParams,
    apply_learned,
)
from newsclean.corpus.run import CorpusOptions, corpus_stream  # noqa: E402
from newsclean.text_view import normalise  # noqa: E402

DATA = Path("/work/shared/eval/syndication-dev.jsonl.gz")
RECORDS = Path("/work/shared/eval/records-dev.jsonl.gz")
_WORD = re.compile(r"\w+")


def shingles5(text: str) -> set[str]:
    w = _WORD.findall(text.lower())
    return {" ".join(w[i : i + 5]) for i in range(max(1, len(w) - 4))} if w else set()


# ---------------------------------------------------------------- metrics


def pairwise(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    def pairs(labels: list[str]) -> set[tuple[int, int]]:
        groups: dict[str, list[int]] = defaultdict(list)
        for i, g in enumerate(labels):
            groups[g].append(i)
        return {p for ix in groups.values() for p in combinations(ix, 2)}

    pp, gp = pairs(pred), pairs(gold)
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    pg: dict[str, set[int]] = defaultdict(set)
    gg: dict[str, set[int]] = defaultdict(set)
    for i, (a, b) in enumerate(zip(pred, gold, strict=True)):
        pg[a].add(i)
        gg[b].add(i)
    ps, rs = [], []
    for i in range(len(pred)):
        both = len(pg[pred[i]] & gg[gold[i]])
        ps.append(both / len(pg[pred[i]]))
        rs.append(both / len(gg[gold[i]]))
    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def hard_negatives(texts: list[str], gold: list[str]) -> list[tuple[int, int]]:
    sh = [shingles5(t) for t in texts]
    # candidate pairs share at least one shingle: invert to avoid n^2 set unions
    inv: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sh):
        for x in s:
            inv[x].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for ix in inv.values():
        if len(ix) < 200:
            for p in combinations(ix, 2):
                shared[p] += 1
    out = []
    for (i, j), inter in shared.items():
        if gold[i] != gold[j] and inter / (len(sh[i]) + len(sh[j]) - inter) > 0.5:
            out.append((i, j))
    return sorted(out)


# ---------------------------------------------------------------- systems


def run_newsclean(records: list[Record], store: str | None = None, learn: bool = False):
    t0 = time.perf_counter()
    pairs = [(r, clean_text(r.text, id=r.id, source=r.source)) for r in records]
    t1 = time.perf_counter()
    out = list(corpus_stream(pairs, CorpusOptions(store=store, learn_boilerplate=learn)))
    t2 = time.perf_counter()
    labels = [a.extra["cluster"] for _, a in out]
    return labels, len(records) / (t2 - t0), len(records) / (t2 - t1)


def run_peer(records: list[Record], threshold: float = 0.5, num_perm: int = 128):
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    tmpl = MinHash(num_perm=num_perm)
    uf = UnionFind()
    mhs = []
    for i, r in enumerate(records):
        m = MinHash(num_perm=num_perm, permutations=tmpl.permutations, scheme="affine32")
        m.update_batch([s.encode("utf-8") for s in shingles5(r.text)])
        uf.add(i)
        for j in lsh.query(m):
            uf.union(i, j)
        lsh.insert(i, m)
        mhs.append(m)
    dt = time.perf_counter() - t0
    size = len(pickle.dumps((lsh, [m.hashvalues for m in mhs]), protocol=5))
    labels = [str(uf.find(i)) for i in range(len(records))]
    return labels, len(records) / dt, size / len(records)


# ---------------------------------------------------------------- synthetic copies


def _line_clusters(rows: list[dict]) -> dict[str, Counter[str]]:
    """Which clusters each normalised line occurs in (and how often)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        for x in {normalise(x) for x in r["record"].split("\n") if x.strip()}:
            out[x][r["cluster"]] += 1
    return out


def story_lines(rows: list[dict]) -> dict[str, list[str]]:
    """Per story with copies: its paragraphs (lines of >= 15 words in >= 2 of its copies and
    in no other story's record -- template noise lines recur across stories), in the order of
    its longest copy."""
    by: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by[r["cluster"]].append(r)
    lc = _line_clusters(rows)
    out = {}
    for cl, members in sorted(by.items()):
        if len(members) < 2:
            continue
        longest = max(members, key=lambda m: len(m["record"]))
        story = [
            x.strip()
            for x in longest["record"].split("\n")[1:]
            if len(_WORD.findall(x)) >= 15 and lc[normalise(x)][cl] >= 2 and len(lc[normalise(x)]) == 1
        ]
        if len(story) >= 3:
            out[cl] = story
    return out


def synthetic_copies(rows: list[dict], seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for cl, story in story_lines(rows).items():
        other = rng.choice([r for r in rows if r["cluster"] != cl])
        wrap = [x for x in other["record"].split("\n")[1:] if 0 < len(_WORD.findall(x)) < 10]
        top, bottom = wrap[:6], wrap[-5:]
        shuffled = story[:]
        while shuffled == story:
            rng.shuffle(shuffled)
        for kind, paras in (("first1", story[:1]), ("first2", story[:2]), ("shuffled", shuffled)):
            text = "\n".join(["date 2025-01-01 200", *top, *paras, *bottom])
            out.append({"id": f"synth-{cl}-{kind}", "record": text, "cluster": cl, "kind": kind})
    return out


def template_swaps(rows: list[dict], n: int = 100, seed: int = 11) -> list[dict]:
    """Synthetic hard negatives: two different stories, each cut to its first two paragraphs,
    inside the *whole* page template of one record (every line of it that is not its own
    story: menus, headline, long template paragraphs).  Short stories in a heavy template are
    where template can outweigh story."""
    rng = random.Random(seed)
    stories = story_lines(rows)
    lc = _line_clusters(rows)
    names = sorted(stories)
    out = []
    for t in range(n):
        tmpl = rng.choice(rows)
        body = tmpl["record"].split("\n")[1:]
        own = [i for i, x in enumerate(body) if x.strip() and list(lc[normalise(x)]) == [tmpl["cluster"]]
               and len(_WORD.findall(x)) >= 8]
        if not own:
            continue
        top, bottom = body[: own[0]], body[own[-1] + 1 :]
        s1, s2 = rng.sample([c for c in names if c != tmpl["cluster"]], 2)
        for k, cl in enumerate((s1, s2)):
            text = "\n".join(["date 2025-01-01 200", *top, *stories[cl][:2], *bottom])
            out.append({"id": f"tmpl-{t}-{k}", "record": text, "cluster": cl, "kind": "tmpl",
                        "pair": t})
    return out


def synthetic_recall(labels: list[str], rows: list[dict], kind: str) -> tuple[float, int]:
    hit = tot = 0
    for i, r in enumerate(rows):
        if r.get("kind") != kind:
            continue
        for j, o in enumerate(rows):
            if "kind" not in o and o["cluster"] == r["cluster"]:
                tot += 1
                hit += labels[i] == labels[j]
    return (hit / tot if tot else 0.0), tot


# ---------------------------------------------------------------- learned boilerplate


def learned_boilerplate_eval(say, limit: int | None) -> None:
    """records-dev has no source field and no URLs: the whole file is one source (the key the
    driver derives from the input file).  Per-record cleaner alone vs + learned boilerplate at
    the default share and two lower ones."""
    if not RECORDS.exists():
        return
    rows = [json.loads(x) for x in gzip.open(RECORDS, "rt")][:limit]
    recs = [Record(r["id"], r["record"], f"{RECORDS.name}:{i}") for i, r in enumerate(rows)]
    arts = [clean_record(r) for r in recs]
    gold_lines = [{normalise(x) for x in r["gold"]["text"].split("\n") if x.strip()} for r in rows]

    def score(name: str, out, extra: str) -> None:
        m = M.text_metrics(
            (a.text if a.verdict == "article" else "", r["gold"]["text"]) for a, r in zip(out, rows, strict=True)
        )
        lost, n = M.articles_lost(
            (r["gold"]["verdict"], a.verdict, a.text) for a, r in zip(out, rows, strict=True)
        )
        hit = 0
        for a, g in zip(out, gold_lines, strict=True):
            for x in a.removed:
                if x.reason == "learned_boilerplate":
                    t = normalise(x.text)
                    hit += any(t == gl or (len(t.split()) >= 3 and t in gl) for gl in g)
        bad = sum(restore(a.text, a.removed) != r.text for a, r in zip(out, recs, strict=True))
        say(f"| {name} | {m.precision:.4f} | {m.recall:.4f} | {m.f1:.4f} | {lost}/{n} | {hit} | "
            f"{bad} | {extra} |")

    say(f"\n### Learned boilerplate on {RECORDS.name} ({len(rows)} records, one source)\n")
    say("| system | shingle P | shingle R | shingle F1 | articles lost | gold lines removed by "
        "learned | restore mismatches | learned lines / counter entries |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    score("per-record cleaner", arts, "-")
    for share in (0.2, 0.05, 0.02):
        learner = BoilerplateLearner(LearnParams(min_share=share))
        for r, a in zip(recs, arts, strict=True):
            learner.add(r, a)
        model = learner.model()
        out = [apply_learned(r, a, model) for r, a in zip(recs, arts, strict=True)]
        n_lines = sum(len(s.lines) for s in model.sources.values())
        score(f"+ learned (min_share {share}, min_count 5)", out, f"{n_lines} / {learner.entries()}")


# ---------------------------------------------------------------- main


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", default=None, help="also write the markdown here")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 0
    rows = [json.loads(x) for x in gzip.open(DATA, "rt")]
    if args.limit:
        rows = rows[: args.limit]
    recs = [Record(r["id"], r["record"], f"syndication-dev.jsonl.gz:{i}") for i, r in enumerate(rows)]
    gold = [r["cluster"] for r in rows]
    hard = hard_negatives([r["record"] for r in rows], gold)

    lines: list[str] = []
    say = lines.append
    say(f"## Syndication bench ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n")
    say(f"Machine: {machine()}.  Data: {DATA.name}, {len(rows)} records, "
        f"{len(set(gold))} clusters, {len(hard)} hard-negative pairs.\n")
    say("| system | pair P | pair R | pair F1 | B3 P | B3 R | B3 F1 | hard-neg merged | rec/s | state B/rec |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")

    def row(name: str, labels: list[str], rate: str, size: str) -> None:
        p, r, f = pairwise(labels, gold)
        bp, br, bf = bcubed(labels, gold)
        merged = sum(labels[i] == labels[j] for i, j in hard)
        say(f"| {name} | {p:.4f} | {r:.4f} | {f:.4f} | {bp:.4f} | {br:.4f} | {bf:.4f} | "
            f"{merged}/{len(hard)} | {rate} | {size} |")

    labels, rate_all, rate_dedup = run_newsclean(recs)
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "store.db")
        s_labels, s_all, _ = run_newsclean(recs, store=db)
        store_bytes = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
    assert s_labels == labels, "store and in-memory index disagree"
    row("newsclean (clean + dedup)", labels,
        f"{rate_all:.0f} ({rate_dedup:.0f} dedup only)", f"{store_bytes / len(recs):.0f} (SQLite)")
    l_labels, l_all, _ = run_newsclean(recs, learn=True)
    row("newsclean + learned boilerplate (1 source)", l_labels, f"{l_all:.0f}", "-")
    p_labels, p_rate, p_size = run_peer(recs)
    row("datasketch MinHashLSH raw (t=0.5, 128 perm)", p_labels, f"{p_rate:.0f}", f"{p_size:.0f} (pickle)")

    synth = synthetic_copies(rows)
    aug = rows + synth
    aug_recs = [Record(r["id"], r["record"], f"aug:{i}") for i, r in enumerate(aug)]
    aug_gold = [r["cluster"] for r in aug]
    a_labels, _, _ = run_newsclean(aug_recs)
    ap_labels, _, _ = run_peer(aug_recs)
    say(f"\nRobustness: {len(synth)} synthetic copies of {len(synth) // 3} stories (first paragraph only, "
        "first two paragraphs, paragraphs shuffled; each in another record's short template lines).  "
        "Recall = share of (synthetic copy, original copy) pairs grouped together.\n")
    say("| system | recall first1 | recall first2 | recall shuffled | pair P (augmented set) | pair F1 (augmented) |")
    say("|---|---:|---:|---:|---:|---:|")
    for name, lab in (("newsclean", a_labels), ("datasketch MinHashLSH raw", ap_labels)):
        rec = [synthetic_recall(lab, aug, k)[0] for k in ("first1", "first2", "shuffled")]
        p, _r, f = pairwise(lab, aug_gold)
        say(f"| {name} | {rec[0]:.4f} | {rec[1]:.4f} | {rec[2]:.4f} | {p:.4f} | {f:.4f} |")

    swaps = template_swaps(rows)
    aug2 = rows + swaps
    aug2_recs = [Record(r["id"], r["record"], f"aug2:{i}") for i, r in enumerate(aug2)]
    b_labels, _, _ = run_newsclean(aug2_recs)
    bp_labels, _, _ = run_peer(aug2_recs)
    n_pairs = len(swaps) // 2
    say(f"\nSynthetic hard negatives: {n_pairs} pairs of different stories (first two paragraphs "
        "each) inside the whole page template of one record (its menus, headline and long "
        "template paragraphs).\n")
    say("| system | pairs merged (false) | recall of these copies to their story |")
    say("|---|---:|---:|")
    for name, lab in (("newsclean", b_labels), ("datasketch MinHashLSH raw", bp_labels)):
        idx = {r["id"]: i for i, r in enumerate(aug2)}
        merged = sum(lab[idx[f"tmpl-{r['pair']}-0"]] == lab[idx[f"tmpl-{r['pair']}-1"]]
                     for r in swaps if r["id"].endswith("-0"))
        rec, _ = synthetic_recall(lab, aug2, "tmpl")
        say(f"| {name} | {merged}/{n_pairs} | {rec:.4f} |")
    learned_boilerplate_eval(say, args.limit)
    say("\nrec/s for newsclean includes per-record cleaning; state B/rec: newsclean = bytes of the "
        "SQLite store (signature 512 B + LSH band, anchor and exact keys + ids); peer = pickled "
        "MinHashLSH + signatures.")
    say(f"\nLoad average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (shared "
        "machine: records/s are lower bounds).")
    say(f"\nCommand: `.venv/bin/python bench/bench_syndication.py{' --limit ' + str(args.limit) if args.limit else ''}`")
    md = "\n".join(lines) + "\n"
    print(md)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
