"""Proxy for held-back records: defect-free dev articles re-noised with strings of our own.

The held-back sets use other noise strings and defect kinds. This bench takes records-dev
articles that newsclean already returns exactly, adds noise written here (not taken from any
eval set: German/French/Spanish banners, other widget, disclaimer, cookie, menu and
related-link wordings, ad markers, triple copies, copies with doubled spaces and straight
quotes, copies whose paragraph breaks became spaces, other agency datelines), and reports per kind the share recovered exactly (text,
title, publisher, verdict), plus verdicts on synthetic error and block pages.

    .venv/bin/python -m bench.bench_renoised
"""
import collections
import gzip
import json
import random
import sys
from pathlib import Path

from newsclean import clean_text, restore

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
BANNERS = ["Hmm, we can't seem to find that page.", "Error 404: the requested URL was not found on this server.",
           "Diese Seite konnte leider nicht gefunden werden.", "La page demandée est introuvable.",
           "Lo sentimos, esta página ya no existe.", "Uh oh! Something went wrong.", "This article has been removed.",
           "500 Internal Server Error", "Oops, that link is broken."]
WIDGETS = ["Share on X", "Leave a Reply", "Post a comment", "Teilen auf Facebook", "Partager sur Twitter", "0 Comments",
           "Follow us on Instagram", "Print article", "Email this story", "Add a comment"]
GLUED = ["Share on XShare on FacebookEmail", "0 CommentsAdd a comment", "Follow usNewsletterSubscribe"]
DISCL = ["The opinions expressed here are those of the author alone and do not reflect the views of this publication.",
         "Copyright © 2024 Acme News Group. Reproduction prohibited.", "© Northwind Media 2023. Alle Rechte vorbehalten.",
         "This article is for informational purposes only and does not constitute financial advice."]
COOKIE = ["This site uses cookies. By continuing to browse you agree to our use of cookies.",
          "Diese Website verwendet Cookies.", "Ce site utilise des cookies pour améliorer votre expérience.",
          "JavaScript is disabled in your browser."]
NAV = ["Home » News » Politics", "Menu", "Search", "Sign in", "World | Business | Tech | Sport | Opinion", "Skip to main content"]
RELATED_H = ["More from this section", "Recommended for you", "Lesen Sie auch", "À lire aussi", "Also on our site"]
HEADLINES = ["Markets slip as investors weigh rate outlook", "Five things to know before the weekend",
             "City plans new cycling lanes along the river", "Storm warning issued for the coast",
             "Local bakery wins national award"]
TAGS = [("(AFP) — ", "AFP"), ("BRUSSELS, Jan. 4 (Reuters) - ", "Reuters"), ("MADRID (EFE) - ", "EFE"), ("(Bloomberg) -- ", "Bloomberg")]
BLOCK = ["Access to this page has been denied because we believe you are using automation tools.",
         "Please verify you are a human", "Request blocked.", "Too many requests. Please try again later."]


def fold(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def noisy(kind: str, title: str, body: list[str]) -> tuple[str, str | None]:
    """The record for one noise kind, and the publisher it should give."""
    top: list[str] = []
    tail: list[str] = []
    pub = None
    if kind in ("banner", "all"):
        top += random.sample(BANNERS, 2)
    if kind in ("cookie", "all"):
        top.insert(0, random.choice(COOKIE))
    if kind in ("nav", "all"):
        top = random.sample(NAV, 3) + top
    if kind in ("widgets", "all"):
        tail += random.sample(WIDGETS, 3)
    if kind == "glued":
        tail.append(random.choice(GLUED))
    if kind in ("disclaimer", "all"):
        tail += random.sample(DISCL, 2)
    if kind in ("related", "all"):
        tail += [random.choice(RELATED_H)] + random.sample(HEADLINES, 3)
    extra: list[str] = []
    if kind == "repeat_joined":  # a copy whose paragraph breaks became spaces
        extra = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    if kind == "repeat_ws":
        extra = ["  " + fold(x).replace(" ", "  ") for x in body]
    if kind == "three":
        extra = body + body
    lines = list(body)
    if kind == "ad" and len(lines) > 3:
        lines = lines[:2] + ["ADVERTISEMENT"] + lines[2:]
    if kind in ("tag", "all"):
        tag, pub = random.choice(TAGS)
        lines = [tag + lines[0]] + lines[1:]
    return "\n".join([" date 2025-01-01 200", *top, title, *lines, *extra, *tail]), pub


KINDS = ["banner", "widgets", "glued", "disclaimer", "cookie", "nav", "related", "repeat_ws",
         "repeat_joined", "three", "tag", "ad", "all"]


def clean_articles(seed: int) -> list[dict]:
    """Up to 200 defect-free records-dev articles (drawn with `seed`) that newsclean already
    returns exactly: the bases both re-noised benches add noise to."""
    random.seed(seed)
    with gzip.open(EVAL / "records-dev.jsonl.gz", "rt", encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    arts = [
        r for r in recs
        if r["gold"]["verdict"] == "article" and not r["gold"]["defects"] and r["gold"]["title"]
    ]
    out = []
    for r in random.sample(arts, min(200, len(arts))):
        g = r["gold"]
        base = clean_text("\n".join([" date 2025-01-01 200", g["title"], g["text"]]))
        if base.text == g["text"] and base.title == g["title"]:
            out.append(g)
    return out


def print_table(out: dict[str, list[bool]]) -> None:
    print("| noise kind | articles | recovered exactly |")
    print("|---|---:|---:|")
    for k, v in out.items():
        print(f"| {k} | {len(v)} | {sum(v) / len(v):.3f} |")


def main() -> int:
    if not (EVAL / "records-dev.jsonl.gz").exists():
        print(f"{EVAL}/records-dev.jsonl.gz not found", file=sys.stderr)
        return 1
    out: dict[str, list[bool]] = collections.defaultdict(list)
    for g in clean_articles(7):
        body = g["text"].split("\n")
        title = g["title"]
        for kind in KINDS:
            rec, pub = noisy(kind, title, body)
            a = clean_text(rec)
            assert restore(a.text, a.removed) == rec
            ok = a.text == g["text"] and a.title == title and a.publisher == pub
            out[kind].append(ok and a.verdict == "article")
    pages = collections.Counter()
    blocks = collections.Counter()
    for _ in range(100):
        rec = "\n".join([" date 2025-01-01 404", *random.sample(NAV, 2), *random.sample(BANNERS, 2),
                         random.choice(RELATED_H), *random.sample(HEADLINES, 4)])
        pages[clean_text(rec).verdict] += 1
        blocks[clean_text("\n".join([" date 2025-01-01 403", *random.sample(BLOCK, 3)])).verdict] += 1
    print_table(out)
    print(f"\nsynthetic error pages: {dict(pages)}; synthetic block pages: {dict(blocks)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
