"""Crawl records built from real pages: the article in place with the page's own furniture.

A record is a window of a page's whole-page rendering (inscriptis or html-text, indentation
stripped, blank lines dropped, as crawlers store text): some of the furniture above the
article, the headline, the article with whatever the page set inside it (captions, ad
slots, inline teasers), then some of the furniture below.  Gold is what the labels call the
article (train.labels), so every gold paragraph is verbatim in the record.

On top of the page's own furniture, a record may carry defects made by shape, never by a
list of wordings:
- `glued`: a short furniture line of the page glued onto the last paragraph, no space;
- `repeat_edited`: a paragraph printed again further down with a word swapped or a sentence
  dropped;
- `repeat_full`: the body printed again under itself;
- `wire_tag`: an agency tag opening the first paragraph -- a made-up agency (random capitals
  or capitalised word), any place, a date in any case, any separator; gold drops it and names
  the agency as publisher;
- `bare_dateline`: a place (and date) dateline without agency, which stays in the text.

Deterministic: a record's randomness is seeded by its page id, rendering and purpose.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass, field

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SEPARATORS = (" - ", " — ", " – ", " -- ", " _ ", ": ", " ", ".- ", " -")


@dataclass(slots=True)
class BuiltRecord:
    id: str
    text: str
    gold_text: str
    gold_title: str | None
    gold_publisher: str | None
    defects: list[str] = field(default_factory=list)
    line_labels: list[str] = field(default_factory=list)  # per record line: body/title/other


def _agency(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        return "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(2, 6)))
    if kind < 0.8:
        w = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))
        return w.capitalize()
    a = "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.randint(2, 4)))
    b = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 8)))
    return f"{b.capitalize()} {a}" if rng.random() < 0.5 else f"{a}-{b.capitalize()}"


def _place(rng: random.Random, body: list[str]) -> str:
    """A capitalised word of the article, written as a dateline's place."""
    # proper nouns: capitalised words after a lower-case one (not a sentence's first word)
    words = [
        b
        for ln in body
        for a, b in zip(ln.split(" "), ln.split(" ")[1:], strict=False)
        if a.isalpha() and a.islower() and b.isalpha() and b[:1].isupper() and len(b) > 3
    ]
    w = rng.choice(words) if words else "".join(rng.choice(string.ascii_lowercase) for _ in range(6))
    return w.upper() if rng.random() < 0.8 else w.capitalize()


def _date(rng: random.Random) -> str:
    m = rng.choice(MONTHS)
    style = rng.random()
    if style < 0.4:
        m = m.upper()
    elif style < 0.6:
        m = m + "."
    return f"{m} {rng.randint(1, 28)}"


def wire_tag(rng: random.Random, body: list[str]) -> tuple[str, str]:
    """(tag, agency): "(XYZ) - ", "PLACE, MAR 3 (Xyz) — ", "Place (XYZ) _ " ..."""
    agency = _agency(rng)
    sep = rng.choice(SEPARATORS)
    lead = ""
    r = rng.random()
    if r < 0.35:
        lead = _place(rng, body) + " "
    elif r < 0.6:
        lead = f"{_place(rng, body)}, {_date(rng)} "
    return f"{lead}({agency}){sep}", agency


def dateline(rng: random.Random, body: list[str]) -> str:
    sep = rng.choice((" -- ", " — ", " – ", " - "))
    if rng.random() < 0.5:
        return f"{_place(rng, body)}{sep}"
    return f"{_place(rng, body)}, {_date(rng)}{sep}"


def _edit(rng: random.Random, para: str, vocab: list[str]) -> str | None:
    """The paragraph with a small edit: a sentence dropped or a word swapped."""
    sents = _SENT.split(para)
    if len(sents) >= 3 and rng.random() < 0.5:
        k = rng.randrange(len(sents))
        return " ".join(sents[:k] + sents[k + 1 :])
    words = para.split(" ")
    cands = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 3]
    if not cands or not vocab:
        return None
    i = rng.choice(cands)
    new = rng.choice(vocab)
    if new == words[i]:
        return None
    words[i] = new
    return " ".join(words)


def build_record(
    row: dict,
    rng: random.Random,
    defects: bool = True,
    furniture: bool = True,
    mode: str = "window",
) -> BuiltRecord | None:
    """A record from one rendering row of train.mine (text + labels), or None if the page's
    article is not found in it.  mode "window": a stretch of the rendering as it is, the
    page's own captions and inline furniture included; "record": the gold headline and
    paragraphs with furniture from the page's edges above and below (as crawl records are
    usually noised)."""
    if not furniture and not defects:
        return _clean_record(row, rng)
    lines = [ln.strip() for ln in row["text"].split("\n")]
    labels = row["labels"]
    keep = [(ln, lab) for ln, lab in zip(lines, labels, strict=True) if ln and lab != "blank"]
    body_at = [i for i, (_, lab) in enumerate(keep) if lab == "body"]
    if len(body_at) < 2:
        return None
    first, last = body_at[0], body_at[-1]
    title_at = [i for i, (_, lab) in enumerate(keep) if lab == "title" and i < first]
    top = title_at[-1] if title_at else first
    k = rng.choice((0, 0, 1, 2, 3, 5, 8, 12)) if furniture else 0
    m = rng.choice((0, 0, 1, 2, 4, 6, 10, 15)) if furniture else 0
    if mode == "window":
        window = [list(x) for x in keep[max(0, top - k) : min(len(keep), last + 1 + m)]]
    else:
        # the gold headline and paragraphs, between furniture from the page's own edges
        above = [[ln, "other"] for ln, lab in keep[:top] if lab == "other"][-k:] if k else []
        below = [[ln, "other"] for ln, lab in keep[last + 1 :] if lab == "other"][:m]
        head = [[row["title"], "title"]] if row.get("title") else []
        paras = [[p, "body"] for p in row["gold"].split("\n") if p.strip()]
        window = above + head + paras + below
    body = [ln for ln, lab in window if lab == "body"]
    vocab = [w for ln in body for w in ln.split(" ") if w.isalpha() and len(w) > 3]
    kinds: list[str] = []
    publisher = None
    first_body = next(i for i, x in enumerate(window) if x[1] == "body")
    if defects:
        if rng.random() < 0.2 and window[first_body][0][:1].isalpha():
            tag, publisher = wire_tag(rng, body)
            window[first_body][0] = tag + window[first_body][0]
            window[first_body].append(len(tag))  # the tag's length: not gold
            kinds.append("wire_tag")
        elif rng.random() < 0.15 and window[first_body][0][:1].isupper():
            window[first_body][0] = dateline(rng, body) + window[first_body][0]
            kinds.append("bare_dateline")
        last_body = max(i for i, x in enumerate(window) if x[1] == "body")
        below = [ln for ln, lab in keep[last + 1 :] if len(ln.split()) <= 8]
        if below and rng.random() < 0.15:
            glue = rng.choice(below[:10])
            window[last_body].append(-len(glue))  # a glued suffix: not gold
            window[last_body][0] = window[last_body][0] + glue
            kinds.append("glued")
        long_paras = [i for i, x in enumerate(window) if x[1] == "body" and len(x[0].split()) >= 15]
        if long_paras and rng.random() < 0.15:
            i = rng.choice(long_paras)
            edited = _edit(rng, window[i][0], vocab)
            if edited is not None:
                at = rng.randint(i + 1, last_body + 1)
                window.insert(at, [edited, "other"])
                kinds.append("repeat_edited")
        elif rng.random() < 0.08:
            copy = [[x[0], "other"] for x in window if x[1] == "body"]
            last_body = max(i for i, x in enumerate(window) if x[1] == "body")
            window[last_body + 1 : last_body + 1] = copy
            kinds.append("repeat_full")
    gold: list[str] = []
    for x in window:
        if x[1] != "body":
            continue
        text = x[0]
        for cut in x[2:]:
            text = text[cut:] if cut > 0 else text[:cut]
        gold.append(text)
    title = next((x[0] for x in window if x[1] == "title"), None)
    text = "\n".join([_header(rng), *(x[0] for x in window)])
    return BuiltRecord(
        id=f"{row['set']}-{row['page']}-{row['rendering']}-{mode}",
        text=text,
        gold_text="\n".join(gold),
        gold_title=title,
        gold_publisher=publisher,
        defects=kinds,
        line_labels=["header", *(x[1] for x in window)],
    )


def _header(rng: random.Random) -> str:
    status = rng.choice((200, 200, 200, 200, 403, 404, 500))
    pad = " " if rng.random() < 0.5 else ""
    return f"{pad}date 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {status}"


def _clean_record(row: dict, rng: random.Random) -> BuiltRecord | None:
    """A defect-free record: the gold headline and paragraphs, nothing else."""
    body = [p for p in row["gold"].split("\n") if p.strip()]
    if not body:
        return None
    title = row.get("title")
    head = [title] if title else []
    return BuiltRecord(
        id=f"{row['set']}-{row['page']}-clean",
        text="\n".join([_header(rng), *head, *body]),
        gold_text="\n".join(body),
        gold_title=title,
        gold_publisher=None,
        line_labels=["header", *(["title"] if title else []), *(["body"] * len(body))],
    )
