"""Blind evaluation pool E: real articles with hand-written noise, scored per kind.

    python -m bench.bench_renoised_e [--seed 20250611] [--bases 300] [--per-kind 60]

Written blind: without reading the cleaner's code (src/), its tests, or the other
bench_renoised* pools, so that it measures what the cleaner has not been tuned on. Only the
totals are meant to be read; the records are built in memory and never written out.

Bases: articles with gold title and text from the Article Extraction Benchmark (AEB, whose
sites are not in records-dev; title from the page's <h1>, else og:title) and, to reach a few
hundred, WCXB dev articles. Each base is a plain record (a crawl header, the title line, one
body paragraph per line) and is kept only if newsclean returns it unchanged (verdict article,
same title, same text, no publisher) -- so each noise kind below measures that noise only.

Kinds (bench/noise_e.py holds the hand-written variants, EN/FR/DE/ES and a few more):
 banner_top, banner_title      an error / soft-404 / outage banner above / under the headline
 legal_end                     a legal notice or disclaimer after the body
 glued_last, glued_first       boilerplate glued with no separator onto the last / first line
 repeat_para                   one paragraph repeated with a small edit, adjacent or later
 repeat_full                   the body (or paragraphs 2..n) repeated with a few small edits
 wire_tag                      an agency tag opening paragraph 1 (gold: tag out, agency = publisher)
 dateline                      a bare place dateline opening paragraph 1 (stays in gold text)
 nav_top, nav_bottom           menu lines / items and copyright or trademark lines at an edge
 http_prose                    an added prose paragraph mentioning an HTTP error code (gold text)
 widgets_bottom                author bio, newsletter pitch, related links, comment widgets
 cookie                        cookie-consent text at the top or bottom
 mix3                          three of the kinds above at once
 clean_control                 the base itself
 v_error_page, v_blocked, v_login_wall, v_empty   no article: gold verdict is not "article"

Scores per kind: exact = verdict article, text equal (trailing whitespace per line ignored),
title equal, and, when the record has a wire tag, publisher equal; for the v_* kinds exact =
the verdict is not article. lost = gold article, verdict not article (or no text). restore =
newsclean.restore(text, removed, repaired) gives the record byte for byte. F1 = shingle F1
(bench/metrics.py). pub wrong = the publisher differs from gold (null must be null).
"""

from __future__ import annotations

import argparse
import glob
import gzip
import html
import json
import random
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import metrics as M
from bench import noise_e as N

DEFAULT_EVAL_DIR = Path("/work/shared/eval")
DEFAULT_SEED = 20250611

# --- bases -----------------------------------------------------------------------------------


@dataclass
class Base:
    src: str
    id: str
    title: str
    paras: list[str]
    lang: str


_STOP = {
    "en": {"the", "and", "of", "to", "is", "that", "with", "for", "was", "said"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "qui"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "sich", "auch"},
    "es": {"el", "la", "los", "y", "que", "del", "las", "una", "por", "con"},
}


def guess_lang(text: str) -> str:
    words = re.findall(r"\w+", text.lower())[:400]
    counts = {k: sum(w in s for w in words) for k, s in _STOP.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 5 else "other"


def _paras(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.split("\n") if p.strip()]


def _aeb_title(path: Path) -> str | None:
    page = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    m = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S | re.I)
    if m:
        t = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
        if len(t) >= 15:
            return t
    m = re.search(r"<meta[^>]+property=[\"']og:title[\"'][^>]*content=\"([^\"]*)\"", page, re.I)
    if m:
        t = " ".join(html.unescape(m.group(1)).split())
        if len(t) >= 15:
            return t
    return None


def load_bases(eval_dir: Path) -> list[Base]:
    bases = []
    gt = json.loads((eval_dir / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gt):
        title = _aeb_title(eval_dir / "aeb" / "html" / f"{key}.html.gz")
        paras = _paras(gt[key]["articleBody"])
        if title and paras:
            bases.append(Base("aeb", key, title, paras, guess_lang(" ".join(paras))))
    for path in sorted(glob.glob(str(eval_dir / "wcxb-dev-articles" / "ground-truth" / "*.json"))):
        g = json.loads(Path(path).read_text(encoding="utf-8"))["ground_truth"]
        title = " ".join((g.get("title") or "").split())
        paras = _paras(g.get("main_content") or "")
        if title and paras:
            bases.append(Base("wcxb", Path(path).stem, title, paras, guess_lang(" ".join(paras))))
    return bases


# --- records ---------------------------------------------------------------------------------


@dataclass
class Doc:
    title: str | None
    gold: list[str]
    body: list[str]
    pre: list[str] = field(default_factory=list)
    under: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    publisher: str | None = None
    status: int = 200
    lead_space: bool = False
    final_nl: bool = True
    date: str = "2024-01-01"
    has_wire: bool = False
    lang: str = "en"


def new_doc(base: Base, rng: random.Random) -> Doc:
    return Doc(
        title=base.title,
        gold=list(base.paras),
        body=list(base.paras),
        lead_space=rng.random() < 0.5,
        final_nl=rng.random() < 0.7,
        date=f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        lang=base.lang,
    )


def render(doc: Doc) -> str:
    header = (" " if doc.lead_space else "") + f"date {doc.date} {doc.status}"
    lines = [header, *doc.pre]
    if doc.title is not None:
        lines.append(doc.title)
    lines += doc.under + doc.body + doc.tail
    return "\n".join(lines) + ("\n" if doc.final_nl else "")


# --- small edits for near-duplicate copies ---------------------------------------------------

_SENT = re.compile(r"(?<=[.!?…])\s+(?=[\"“«¿¡A-ZÀ-Ý0-9])")
_WORD = re.compile(r"\b[^\W\d_]{4,}\b")
_SWAPS = ["also", "then", "still", "now", "aussi", "encore", "auch", "noch", "también", "ya"]


def edit_word(p: str, rng: random.Random) -> str | None:
    words = list(_WORD.finditer(p))
    if len(words) < 3:
        return None
    m = rng.choice(words)
    choices = [w.group(0) for w in words if w.group(0).lower() != m.group(0).lower()]
    new = rng.choice(choices + _SWAPS)
    return p[: m.start()] + new + p[m.end() :]


def edit_drop_sentence(p: str, rng: random.Random) -> str | None:
    sents = _SENT.split(p)
    if len(sents) < 2:
        return None
    i = rng.randrange(len(sents))
    return " ".join(s for j, s in enumerate(sents) if j != i)


def edit_punct(p: str, rng: random.Random) -> str | None:
    options = []
    if ", " in p:
        options.append(lambda s: s.replace(", ", "; ", 1))
    if '"' in p:
        options.append(lambda s: re.sub(r'"([^"]*)"', r"“\1”", s, count=1))
    if "’" in p or "'" in p:
        options.append(lambda s: s.replace("’", "'") if "’" in s else s.replace("'", "’"))
    if " — " in p or " - " in p:
        options.append(
            lambda s: s.replace(" — ", " - ", 1) if " — " in s else s.replace(" - ", " — ", 1)
        )
    if p.endswith("."):
        options.append(lambda s: s[:-1])
        options.append(lambda s: s[:-1] + "!")
    if not options:
        return None
    new = rng.choice(options)(p)
    return new if new != p else None


def small_edit(p: str, rng: random.Random) -> str:
    edits = [edit_word, edit_drop_sentence, edit_punct]
    rng.shuffle(edits)
    for e in edits:
        new = e(p, rng)
        if new and new != p:
            return new
    return p + " "  # trailing-space variant as last resort


# --- noise kinds -----------------------------------------------------------------------------

Op = Callable[[Doc, random.Random], None]


def op_http_prose(d: Doc, rng: random.Random) -> None:
    pool = [p for p in N.HTTP_PROSE if guess_lang(p * 3) == d.lang] or N.HTTP_PROSE[:4]
    para = rng.choice(pool)
    i = rng.randint(0, len(d.gold))
    d.gold.insert(i, para)
    d.body.insert(i, para)
    d.status = rng.choice([200, 200, 404, 503])


def op_wire(d: Doc, rng: random.Random) -> None:
    tag, agency = rng.choice(N.WIRE_TAGS)
    d.body[0] = tag + d.body[0]
    d.publisher = agency
    d.has_wire = True


def op_dateline(d: Doc, rng: random.Random) -> None:
    dl = rng.choice(N.DATELINES)
    d.body[0] = dl + d.body[0]
    d.gold[0] = dl + d.gold[0]


def op_glue_first(d: Doc, rng: random.Random) -> None:
    if rng.random() < 0.5 and not d.has_wire and d.gold[0] == d.body[0]:
        d.body[0] = rng.choice(N.GLUE_START) + d.body[0]
    else:
        d.body[0] = d.body[0] + rng.choice(N.GLUE_END)


def op_glue_last(d: Doc, rng: random.Random) -> None:
    d.body[-1] = d.body[-1] + rng.choice(N.GLUE_END)


def op_repeat_para(d: Doc, rng: random.Random) -> None:
    cands = [i for i, p in enumerate(d.gold) if len(p) >= 80] or list(range(len(d.gold)))
    i = rng.choice(cands)
    copy = small_edit(d.gold[i], rng)
    n = len(d.body)
    at = i + 1 if rng.random() < 0.5 or i + 2 > n else rng.randint(i + 2, n)
    d.body.insert(at, copy)


def op_repeat_full(d: Doc, rng: random.Random) -> None:
    copy = list(d.gold) if rng.random() < 0.6 else list(d.gold[1:])
    k = min(len(copy), rng.randint(1, 3))
    for j in rng.sample(range(len(copy)), k):
        copy[j] = small_edit(copy[j], rng)
    d.body += copy


def op_banner_top(d: Doc, rng: random.Random) -> None:
    d.pre[0:0] = rng.choice(N.BANNERS)
    d.status = rng.choice([200, 403, 404, 500, 503])


def op_banner_title(d: Doc, rng: random.Random) -> None:
    d.under[0:0] = rng.choice(N.BANNERS)
    d.status = rng.choice([200, 403, 404, 500, 503])


def _nav(rng: random.Random) -> list[str]:
    items = rng.choice(N.NAV_ITEMS)
    items = items[: rng.randint(3, len(items))]
    if rng.random() < 0.5:
        return list(items)
    return [rng.choice(N.NAV_JOINERS).join(items)]


def op_nav_top(d: Doc, rng: random.Random) -> None:
    block = _nav(rng)
    if rng.random() < 0.4:
        block = [rng.choice(N.EDGE_LEGAL), *block]
    d.pre[0:0] = block


def op_nav_bottom(d: Doc, rng: random.Random) -> None:
    d.tail += _nav(rng)
    if rng.random() < 0.7:
        d.tail.append(rng.choice(N.EDGE_LEGAL))


def op_legal_end(d: Doc, rng: random.Random) -> None:
    d.tail += rng.choice(N.LEGAL)


def op_widgets(d: Doc, rng: random.Random) -> None:
    for block in rng.sample(N.WIDGETS, rng.randint(1, 2)):
        d.tail += block


def op_cookie(d: Doc, rng: random.Random) -> None:
    block = rng.choice(N.COOKIES)
    if rng.random() < 0.5:
        d.pre[0:0] = block
    else:
        d.tail += block


# canonical order: body content first, then glue, then copies, then the edges
KINDS: dict[str, tuple[Op, int]] = {  # kind: (op, minimum paragraphs)
    "http_prose": (op_http_prose, 1),
    "wire_tag": (op_wire, 1),
    "dateline": (op_dateline, 1),
    "glued_first": (op_glue_first, 2),
    "glued_last": (op_glue_last, 2),
    "repeat_para": (op_repeat_para, 2),
    "repeat_full": (op_repeat_full, 3),
    "banner_top": (op_banner_top, 1),
    "banner_title": (op_banner_title, 1),
    "nav_top": (op_nav_top, 1),
    "widgets_bottom": (op_widgets, 1),
    "legal_end": (op_legal_end, 1),
    "nav_bottom": (op_nav_bottom, 1),
    "cookie": (op_cookie, 1),
}
EXCLUSIVE = [
    {"wire_tag", "dateline"},
    {"glued_last", "repeat_full"},
    {"banner_top", "banner_title"},
]


def pick_mix(rng: random.Random) -> list[str]:
    while True:
        kinds = set(rng.sample(list(KINDS), 3))
        if not any(len(kinds & ex) > 1 for ex in EXCLUSIVE):
            return [k for k in KINDS if k in kinds]


# --- verdict-only records --------------------------------------------------------------------


def v_error_page(rng: random.Random, others: list[Base]) -> str:
    d = Doc(title=None, gold=[], body=[], status=rng.choice([404, 404, 200, 410, 500]))
    d.lead_space = rng.random() < 0.5
    lines = list(rng.choice(N.ERROR_PAGES))
    if rng.random() < 0.4:
        lines += [b.title for b in rng.sample(others, rng.randint(3, 5))]
    if rng.random() < 0.4:
        lines = _nav(rng) + lines
    if rng.random() < 0.4:
        lines.append(rng.choice(N.EDGE_LEGAL))
    d.body = lines
    return render(d)


def v_blocked(rng: random.Random, others: list[Base]) -> str:
    d = Doc(title=None, gold=[], body=list(rng.choice(N.BLOCK_PAGES)))
    d.status = rng.choice([403, 429, 503, 200])
    d.lead_space = rng.random() < 0.5
    return render(d)


def v_login_wall(rng: random.Random, others: list[Base]) -> str:
    title = rng.choice(others).title if rng.random() < 0.6 else None
    d = Doc(title=title, gold=[], body=list(rng.choice(N.LOGIN_WALLS)))
    d.status = rng.choice([200, 401, 403])
    if rng.random() < 0.3:
        d.tail.append(rng.choice(N.EDGE_LEGAL))
    return render(d)


def v_empty(rng: random.Random, others: list[Base]) -> str:
    header = (
        " " if rng.random() < 0.5 else ""
    ) + f"date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 200"
    shape = rng.randrange(5)
    if shape == 0:
        return header + "\n"
    if shape == 1:
        return header + "\n\n   \n\t\n"
    if shape == 2:
        return header + "\n" + rng.choice(others).title + "\n"
    if shape == 3:
        return header + "\n" + "\n".join(_nav(rng) + [rng.choice(N.EDGE_LEGAL)]) + "\n"
    return ""


VERDICT_KINDS = {
    "v_error_page": v_error_page,
    "v_blocked": v_blocked,
    "v_login_wall": v_login_wall,
    "v_empty": v_empty,
}

# --- build -----------------------------------------------------------------------------------


@dataclass
class Item:
    kind: str
    record: str
    verdict: str  # "article" or "not_article"
    title: str | None = None
    text: str = ""
    publisher: str | None = None
    check_publisher: bool = False
    base_src: str = ""


def item_of(kind: str, d: Doc, base: Base) -> Item:
    return Item(
        kind, render(d), "article", d.title, "\n".join(d.gold), d.publisher, d.has_wire, base.src
    )


def build(bases: list[Base], seed: int, per_kind: int) -> list[Item]:
    rng = random.Random(seed)
    items = []
    for base in bases[:per_kind]:
        items.append(item_of("clean_control", new_doc(base, rng), base))
    for kind, (op, min_paras) in KINDS.items():
        pool = [b for b in bases if len(b.paras) >= min_paras]
        for base in rng.sample(pool, min(per_kind, len(pool))):
            d = new_doc(base, rng)
            op(d, rng)
            items.append(item_of(kind, d, base))
    pool3 = [b for b in bases if len(b.paras) >= 3]
    for base in rng.sample(pool3, min(per_kind, len(pool3))):
        d = new_doc(base, rng)
        for k in pick_mix(rng):
            KINDS[k][0](d, rng)
        items.append(item_of("mix3", d, base))
    for kind, make in VERDICT_KINDS.items():
        for _ in range(max(1, per_kind * 2 // 3)):
            items.append(Item(kind, make(rng, bases), "not_article"))
    return items


# --- score -----------------------------------------------------------------------------------


def norm_text(t: str | None) -> str:
    return "\n".join(line.rstrip() for line in (t or "").split("\n")).strip("\n")


def base_is_clean(base: Base, rng: random.Random, clean_text: Any) -> bool:
    d = new_doc(base, rng)
    rec = render(d)
    a = clean_text(rec)
    return (
        a.verdict == "article"
        and a.text == "\n".join(base.paras)
        and a.title == base.title
        and a.publisher is None
    )


@dataclass
class Row:
    n: int = 0
    exact: int = 0
    articles: int = 0
    lost: int = 0
    restore_ok: int = 0
    pub_wrong: int = 0
    scores: list[M.TextScore] = field(default_factory=list)
    errors: int = 0


def score(items: list[Item], newsclean: Any) -> tuple[dict[str, Row], float]:
    rows: dict[str, Row] = {}
    t0 = time.perf_counter()
    for it in items:
        row = rows.setdefault(it.kind, Row())
        row.n += 1
        try:
            a = newsclean.clean_text(it.record)
        except Exception:  # a crash scores as a loss, and is counted
            row.errors += 1
            row.articles += it.verdict == "article"
            row.lost += it.verdict == "article"
            row.scores.append(M.score_text("", it.text))
            continue
        restored = newsclean.restore(a.text, a.removed, getattr(a, "repaired", ()) or ())
        row.restore_ok += restored == it.record
        text = a.text if a.verdict == "article" else ""
        row.scores.append(M.score_text(text, it.text))
        if it.verdict == "article":
            row.articles += 1
            row.lost += M.is_lost("article", a.verdict, a.text)
            pub_ok = M.field_match(a.publisher, it.publisher)
            row.pub_wrong += not pub_ok
            row.exact += (
                a.verdict == "article"
                and norm_text(a.text) == norm_text(it.text)
                and M.field_match(a.title, it.title)
                and (pub_ok or not it.check_publisher)
            )
        else:
            row.exact += a.verdict != "article"
    return rows, time.perf_counter() - t0


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "–"


def table(rows: dict[str, Row]) -> str:
    head = "| kind | records | exact | articles lost | restore exact | shingle F1 | pub wrong |"
    out = [head, "|---|---:|---:|---:|---:|---:|---:|"]
    total = Row()
    for kind, r in rows.items():
        f1 = M.aggregate_text(r.scores).f1
        out.append(
            f"| {kind} | {r.n} | {_pct(r.exact, r.n)} | "
            f"{_pct(r.lost, r.articles) if r.articles else 'n/a'} | {_pct(r.restore_ok, r.n)} | "
            f"{'–' if f1 is None else f'{f1:.3f}'} | {r.pub_wrong if r.articles else 'n/a'} |"
        )
        for name in ("n", "exact", "articles", "lost", "restore_ok", "pub_wrong", "errors"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        total.scores += r.scores
    noisy = [k for k in rows if k != "clean_control" and not k.startswith("v_")]
    nz = Row()
    for k in noisy:
        nz.n += rows[k].n
        nz.exact += rows[k].exact
    f1 = M.aggregate_text(total.scores).f1
    out.append(
        f"| **total** | {total.n} | {_pct(total.exact, total.n)} | "
        f"{_pct(total.lost, total.articles)} | {_pct(total.restore_ok, total.n)} | "
        f"{'–' if f1 is None else f'{f1:.3f}'} | {total.pub_wrong} |"
    )
    out.append(f"| **noisy article kinds** | {nz.n} | {_pct(nz.exact, nz.n)} | | | | |")
    if total.errors:
        out.append(f"\ncrashes (scored as lost): {total.errors}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--bases", type=int, default=300, help="how many clean bases to keep")
    ap.add_argument("--per-kind", type=int, default=60, help="records per noise kind")
    ap.add_argument(
        "--save-bases", type=Path,
        help="write the ids of the bases kept (to compare another version on the same bases)",
    )
    ap.add_argument(
        "--load-bases", type=Path,
        help="take the bases listed in this file (from --save-bases) instead of choosing them: "
        "a change that alters a clean base then leaves the pool as it was",
    )
    args = ap.parse_args(argv)

    import newsclean

    t_start = time.perf_counter()
    rng = random.Random(args.seed)
    candidates = load_bases(args.eval_dir)
    aeb = [b for b in candidates if b.src == "aeb"]
    wcxb = [b for b in candidates if b.src == "wcxb"]
    rng.shuffle(aeb)
    rng.shuffle(wcxb)
    frng = random.Random(args.seed + 1)
    bases: list[Base] = []
    tried = {"aeb": 0, "wcxb": 0}
    listed = args.load_bases.read_text("utf-8").split() if args.load_bases else None
    for b in aeb + wcxb:  # AEB first (not in records-dev), WCXB to fill up
        if len(bases) >= args.bases:
            break
        tried[b.src] += 1
        if listed is not None:
            if f"{b.src}/{b.id}" in listed:
                bases.append(b)
        elif base_is_clean(b, frng, newsclean.clean_text):
            bases.append(b)
    if args.save_bases:
        args.save_bases.write_text("".join(f"{b.src}/{b.id}\n" for b in bases), "utf-8")
    n_aeb = sum(b.src == "aeb" for b in bases)
    rng.shuffle(bases)
    items = build(bases, args.seed, args.per_kind)
    rows, clean_s = score(items, newsclean)
    order = ["clean_control", *KINDS, "mix3", *VERDICT_KINDS]
    rows = {k: rows[k] for k in order if k in rows}
    langs: dict[str, int] = {}
    for b in bases:
        langs[b.lang] = langs.get(b.lang, 0) + 1
    print("# Pool E (blind renoised records)")
    print()
    print(
        f"seed {args.seed}; bases {len(bases)} kept as clean of {tried['aeb'] + tried['wcxb']} "
        f"tried ({n_aeb} AEB of {tried['aeb']}, {len(bases) - n_aeb} WCXB of {tried['wcxb']}); "
        f"base languages {dict(sorted(langs.items()))}; records {len(items)}"
    )
    print()
    print(table(rows))
    print()
    print(
        f"time: {time.perf_counter() - t_start:.1f} s total, {clean_s:.1f} s cleaning "
        f"{len(items)} records ({len(items) / clean_s:.0f} records/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
