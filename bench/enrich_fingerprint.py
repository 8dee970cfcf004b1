"""Fingerprint of the enrichment output: detect_language and find_quotations on every text of
the dev sets, written to a JSON file, so a speed change can be shown to change no answer.

    .venv/bin/python -m bench.enrich_fingerprint OUT.json [--eval-dir DIR]
    .venv/bin/python -m bench.enrich_fingerprint --diff BEFORE.json AFTER.json

Texts: records-dev's cleaned article texts (clean_record(enrich=False), what the pipeline
enriches) and gold article texts, every quotes-dev article, the AEB and WCXB gold texts.
For each text the file holds the language answer and every quotation (pieces with offsets,
speaker, subject kind); quotes-dev's "held" half is stored as a hash only, and `--diff`
prints details only for texts outside it (the held half is measured, never read).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

from bench.bench_quotes import DEFAULT_EVAL_DIR, half_of, html_set_texts
from newsclean.enrich.language import detect_language
from newsclean.enrich.quotes import find_quotations


def texts(eval_dir: Path) -> list[tuple[str, str, bool]]:
    """(key, text, readable): every text to fingerprint."""
    from newsclean.model import Record
    from newsclean.pipeline import clean_record

    out: list[tuple[str, str, bool]] = []
    rec = eval_dir / "records-dev.jsonl.gz"
    with gzip.open(rec, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            art = clean_record(Record(id=d["id"], text=d["record"], source="fp"), enrich=False)
            if art.verdict == "article" and art.text:
                out.append((f"records-clean:{d['id']}", art.text, True))
            gold = d["gold"]
            if gold["verdict"] == "article" and gold["text"]:
                out.append((f"records-gold:{d['id']}", gold["text"], True))
    for p in sorted((eval_dir / "quotes-dev" / "text").glob("*.txt")):
        out.append((f"quotes-dev:{p.stem}", p.read_text(encoding="utf-8"),
                    half_of(p.stem) == "tune"))
    for key, t in html_set_texts(eval_dir):
        out.append((key, t, True))
    return out


def answer(text: str) -> dict:
    lang, spans = detect_language(text)
    quotes = [
        {"parts": [[q.start, q.end] for q in qt.parts], "speaker": qt.speaker,
         "subject": None if qt.subject is None else
         [qt.subject.kind, qt.subject.text, qt.subject.start, qt.subject.end]}
        for qt in find_quotations(text, lang)
    ]
    return {"language": lang, "spans": spans, "quotes": quotes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        ap.error("OUT is required")
    result: dict[str, object] = {}
    for key, text, readable in texts(args.eval_dir):
        got = json.dumps(answer(text), ensure_ascii=False, sort_keys=True)
        result[key] = json.loads(got) if readable else hashlib.sha256(got.encode()).hexdigest()
    args.out.write_text(json.dumps(result, ensure_ascii=False, sort_keys=True, indent=0),
                        encoding="utf-8")
    n_quotes = sum(len(v["quotes"]) for v in result.values() if isinstance(v, dict))
    print(f"{len(result)} texts, {n_quotes} quotations (readable texts) -> {args.out}")
    return 0


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    bad = 0
    for key in sorted(set(a) | set(b)):
        if a.get(key) == b.get(key):
            continue
        bad += 1
        if isinstance(a.get(key), str) or isinstance(b.get(key), str):
            print(f"{key}: differs (held half: not shown)")
            continue
        qa = (a.get(key) or {}).get("quotes", [])
        qb = (b.get(key) or {}).get("quotes", [])
        print(f"{key}:")
        if (a.get(key) or {}).get("language") != (b.get(key) or {}).get("language"):
            print(f"  language {a[key]['language']} -> {b[key]['language']}")
        for q in qa:
            if q not in qb:
                print(f"  - {q}")
        for q in qb:
            if q not in qa:
                print(f"  + {q}")
    print(f"{bad} of {len(set(a) | set(b))} texts differ", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
