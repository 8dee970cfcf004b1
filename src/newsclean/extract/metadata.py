"""Page metadata from the parsed tree: title, publication date, site name, author, canonical URL.

Cheap sources first (Open Graph / article meta tags, JSON-LD, `<link rel=canonical>`, `<time>`),
each read with one XPath; htmldate's quick mode (no extensive search) only when no date was
declared.  This costs a few milliseconds a page, where trafilatura's full metadata pass costs
about half of its text extraction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from lxml.html import HtmlElement

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_JSONLD_MAX = 200_000  # bytes of one JSON-LD script worth parsing
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014:»·-]\s+")
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "webpage")


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _WS.sub(" ", value).strip()
    return value or None


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    """First non-empty content of each <meta property|name|itemprop> (keys lower-cased)."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = _clean(el.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = el.get(attr)
            if key:
                out.setdefault(key.strip().lower(), content)
    return out


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        v = meta.get(key.lower())
        if v:
            return v
    return None


def _jsonld_objects(tree: HtmlElement) -> list[dict]:
    return jsonld_objects(s.text or "" for s in tree.xpath('//script[@type="application/ld+json"]'))


def jsonld_objects(scripts: Iterable[str]) -> list[dict]:
    """The JSON objects (and their @graph members) of JSON-LD script texts, bounded."""
    out: list[dict] = []
    for raw in scripts:
        if not raw or len(raw) > _JSONLD_MAX:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(out) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item[:50])
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"][:50])
    return out


def _type_of(obj: dict) -> str:
    t = obj.get("@type")
    if isinstance(t, list):
        t = " ".join(x for x in t if isinstance(x, str))
    return t.lower() if isinstance(t, str) else ""


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name_of(v) for v in value[:5]) if n]
        return "; ".join(names) if names else None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def _iso_date(value: str | None) -> str | None:
    m = _DATE.search(value or "")
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return m.group(0) if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31 else None


def article_object(objs: list[dict]) -> dict:
    """The JSON-LD object describing the article (else the web page), or {}."""
    art = next((o for o in objs if any(t in _type_of(o) for t in _ARTICLE_TYPES[:4])), None)
    return art or next((o for o in objs if "webpage" in _type_of(o)), None) or {}


def page_title(tree: HtmlElement, meta: dict[str, str], site: str | None) -> str | None:
    """The headline.  og:title / <title> often carry the site name or a shortened SEO form;
    the page's single <h1> is the headline when the declared title contains it, otherwise
    the declared title without its site part."""
    declared = _first(meta, "og:title", "twitter:title", "headline")
    if not declared:
        el = tree.find(".//title")
        declared = _clean(el.text_content()) if el is not None else None
    h1s = [t for t in (_clean(h.text_content()) for h in tree.xpath("//h1")[:3]) if t]
    return choose_headline(declared, h1s, site)


def choose_headline(declared: str | None, h1s: list[str], site: str | None) -> str | None:
    h1 = h1s[0] if len(h1s) == 1 and len(h1s[0]) <= 300 else None
    if not declared:
        return h1s[0] if h1s else None
    if h1:
        h1_words = _WORD.findall(h1.lower())
        title_words = set(_WORD.findall(declared.lower()))
        if len(h1_words) >= 2 and sum(w in title_words for w in h1_words) >= 0.8 * len(h1_words):
            return h1
    return _strip_site(declared, site)


def _strip_site(title: str, site: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        low = site.lower()
        kept = [p for p in parts if p.lower() != low and low not in p.lower()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    # "Headline | Site": keep the longest part when the others are short (site names)
    longest = max(parts, key=len)
    others = [p for p in parts if p is not longest]
    if all(len(p.split()) <= 4 for p in others) and len(longest.split()) >= 3:
        return longest
    return title


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict[str, str | None]:
    """title, date (YYYY-MM-DD), sitename, author, canonical_url of a parsed page."""
    meta = _meta_map(tree)
    art = article_object(_jsonld_objects(tree))

    site = _first(meta, "og:site_name", "application-name", "twitter:site")
    if not site:
        site = _name_of(art.get("publisher"))
    if site and site.startswith("@"):
        site = site[1:] or None

    date = _iso_date(
        _first(
            meta,
            "article:published_time",
            "datePublished",
            "og:published_time",
            "publication_date",
            "pubdate",
            "date",
            "dc.date",
            "DC.date.issued",
            "sailthru.date",
            "parsely-pub-date",
        )
    ) or _iso_date(art.get("datePublished") if isinstance(art.get("datePublished"), str) else None)
    if not date:
        times = tree.xpath("//time[@datetime]/@datetime")
        date = _iso_date(times[0]) if times else None

    author = _first(meta, "author", "article:author", "parsely-author", "dc.creator")
    if author and author.startswith("http"):
        author = None
    author = author or _name_of(art.get("author"))

    canonical = None
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        canonical = _clean(href)
        if canonical:
            break
    canonical = canonical or _first(meta, "og:url")

    return {
        "title": page_title(tree, meta, site),
        "date": date,
        "sitename": site,
        "author": author,
        "canonical_url": canonical,
    }


def guess_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's quick search (URL, header elements, text patterns) as a last resort."""
    try:
        from htmldate import find_date

        return find_date(tree, url=url, extensive_search=False, original_date=True)
    except Exception:  # htmldate is a heuristic helper: any failure just means "no date"
        return None
