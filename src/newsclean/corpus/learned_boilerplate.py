"""Learned boilerplate: lines a source repeats across its documents, found by counting.

Pass 1 (`BoilerplateLearner.add`) streams over cleaned articles and counts, per source, in how
many documents each normalised line occurs (kept, or removed as headline or furniture:
see `counted_lines`).  Only counts of 64-bit line hashes are kept
(plus the text of lines that reach `min_count`, for `newsclean boilerplate show`), never the
documents.  Memory is bounded per source by lossy counting (Manku & Motwani): every
`bucket_docs` documents, entries whose count could not reach 1 per bucket are pruned.  A line
occurring in at least a share eps = 1 / `bucket_docs` of a source's documents is never pruned,
and its count is under-estimated by at most eps * docs; the number of entries per source stays
below about L * bucket_docs * (1 + ln(docs / bucket_docs)) for L distinct kept lines per
document (capped at `max_lines_per_doc`).  Sources with fewer than `bucket_docs` documents
are counted exactly -- unless the total over all sources passes `max_entries` (many small
sources), when every source is pruned one more round (see BoilerplateLearner).

A line is boilerplate for a source when the source has >= `min_docs` documents and the line
occurs in >= max(`min_count`, `min_share` * docs) of them.  The floor keeps a sentence quoted by
two or three articles, and the share keeps a story a site republishes a few times; both are
in the model file, so a model says how it was made.

Pass 2 (`apply_learned`) removes those lines from an article with reason
`learned_boilerplate` and rule "<source> x<count>": the record is cleaned again with them as
known furniture, so its title and layout are read without the template and `restore` stays
exact.  Only lines above the article's first
or below its last prose line are removed (see `learned_marks`), so it never empties an
article and never cuts a heading out of a body.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..model import Article, Record
from ..text_view import TextView

MODEL_FORMAT = "newsclean-boilerplate"
MODEL_VERSION = 1
REASON = "learned_boilerplate"
# The whole input as one source: lines at the edges (above the article's first or below its
# last paragraph) of many unrelated stories are furniture wherever they come from, so records
# without a site field learn too.  A line shared by copies of one story (its headline, its
# "originally published by") counts once: a story is told by its paragraphs (STORY_SKETCH).
CORPUS = "(corpus)"
STORY_SKETCH = 3  # a document's story: the smallest hashes of its paragraphs
STORIES_KEPT = 8  # sketches kept per line to tell a new story from a copy
_LINE_SUFFIX = re.compile(r":\d+$")
PROSE_WORDS = 15  # a kept line this long is article prose


@dataclass(frozen=True, slots=True)
class LearnParams:
    min_docs: int = 10  # a source needs this many documents before anything is learned
    min_count: int = 5  # a line must occur in at least this many of them ...
    min_share: float = 0.2  # ... and in at least this share of them
    bucket_docs: int = 1000  # lossy-counting bucket width (eps = 1 / bucket_docs)
    max_lines_per_doc: int = 1000
    max_entries: int = 2_000_000  # line counts kept over all sources (memory bound)
    min_line_chars: int = 2  # single characters carry nothing worth learning
    # the whole input as one pool, for records without a site (see CORPUS): a line at the
    # edges of this many unrelated stories at least, and of this share of all documents
    corpus_min_stories: int = 5
    corpus_min_share: float = 0.002

    def corpus_threshold(self, docs: int) -> int:
        return max(self.corpus_min_stories, math.ceil(self.corpus_min_share * docs))

    def threshold(self, docs: int) -> int:
        return max(self.min_count, math.ceil(self.min_share * docs))

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


def line_hash(norm: str) -> int:
    """64-bit key of a normalised line (signed, so that it fits an SQLite INTEGER)."""
    return int.from_bytes(
        hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "little", signed=True
    )


# ---------------------------------------------------------------- source key

# Second-level labels under which registrations happen in many country domains (bbc.co.uk,
# abc.net.au): a small built-in list, no public-suffix download at run time.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"})


def site_of(url: str) -> str | None:
    """The registered domain of a URL ('https://www.bbc.co.uk/x' -> 'bbc.co.uk')."""
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    if host.replace(".", "").isdigit() or ":" in host:  # an IP address is its own site
        return host
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def source_key(record: Record, article: Article | None = None) -> str:
    """Which source a record's template belongs to: its URL's site, else the site or publisher
    the input names (meta "site" / "publisher"), else the input file it was read from
    (Record.source without a ':LINE' suffix).

    Not the publisher found in a dateline tag ("(AP) -"): that names the wire agency, whose
    stories run on many sites, so grouping by it would put copies of one story under one
    source and make its paragraphs look like boilerplate.  (`article` is accepted for callers
    that have it; the key does not depend on the cleaning.)
    """
    url = record.meta.get("url")
    if isinstance(url, str) and url:
        site = site_of(url)
        if site:
            return site
    for key in ("site", "publisher"):
        value = record.meta.get(key)
        if isinstance(value, str) and value.strip():
            return f"{key}:{value.strip()}"
    return _LINE_SUFFIX.sub("", record.source)


# ---------------------------------------------------------------- kept lines of an article


def kept_lines(view: TextView, article: Article) -> list[int]:
    """Indices of the record's lines that the article keeps (some of their content is not
    inside a removed span), its headline included: a "headline" that recurs across a source
    is a template line the single record could not tell from one."""
    return _lines_outside(view, article, frozenset({"title"}))


def counted_lines(view: TextView, article: Article) -> list[int]:
    """The lines pass 1 counts: kept, or removed as headline or page furniture."""
    return _lines_outside(view, article, frozenset({"title", "boilerplate", REASON}))


def _lines_outside(view: TextView, article: Article, ignored: frozenset[str]) -> list[int]:
    """Non-blank lines not wholly inside removed spans, spans of `ignored` reasons aside."""
    spans = sorted((r.start, r.end) for r in article.removed if r.reason not in ignored)
    starts = [s for s, _ in spans]
    return [
        ln.index
        for ln in view.lines
        if not ln.blank and not _covered(ln.cstart, ln.cend, spans, starts)
    ]


def _covered(a: int, b: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether [a, b) lies entirely inside the union of the (sorted, disjoint) spans."""
    i = bisect.bisect_right(starts, a) - 1
    pos = a
    while pos < b:
        if i < 0 or i >= len(spans) or spans[i][0] > pos or spans[i][1] <= pos:
            return False
        pos = spans[i][1]
        i += 1
    return True


# ---------------------------------------------------------------- counting (pass 1)


@dataclass(slots=True)
class _SourceCounts:
    docs: int = 0
    rounds: int = 0  # prunings so far: the most any count here can be under its true value
    # hash -> [count, max undercount at insertion] (lossy counting's f and delta)
    counts: dict[int, list[int]] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)

    def prune(self) -> int:
        """One lossy-counting round: drop entries that cannot have occurred once per round."""
        self.rounds += 1
        dead = [h for h, (c, d) in self.counts.items() if c + d <= self.rounds]
        for h in dead:
            del self.counts[h]
            self.texts.pop(h, None)
        return len(dead)


def _distinct_lines(
    norms: Iterable[str], p: LearnParams, cap: int | None = None
) -> Iterator[tuple[int, str]]:
    """(hash, line) of a document's lines long enough to count, each distinct line once, at
    most `cap` of them."""
    seen: set[int] = set()
    for norm in norms:
        if len(norm) < p.min_line_chars:
            continue
        h = line_hash(norm)
        if h in seen:
            continue
        seen.add(h)
        if cap is not None and len(seen) > cap:
            return
        yield h, norm


@dataclass(slots=True)
class _CorpusCounts(_SourceCounts):
    """The whole input's edge lines, counted once per story: the sketches of the first few
    stories a line was seen in are kept, so a copy of one of them (sharing a paragraph) does
    not count again."""

    stories: dict[int, list[frozenset[int]]] = field(default_factory=dict)

    def add(self, norms: Iterable[str], sketch: frozenset[int], p: LearnParams) -> int:
        """Count one document's edge lines; return the new entries."""
        self.docs += 1
        new = 0
        for h, norm in _distinct_lines(norms, p):
            e = self.counts.get(h)
            if e is None:
                e = self.counts[h] = [0, self.rounds]
                new += 1
            known = self.stories.setdefault(h, [])
            if any(not sketch.isdisjoint(k) for k in known):
                continue  # a copy of a story this line was already counted in
            if len(known) < STORIES_KEPT:
                known.append(sketch)
            e[0] += 1
            if e[0] >= p.corpus_min_stories and h not in self.texts:
                self.texts[h] = norm
        return new

    def prune(self) -> int:
        dead = _SourceCounts.prune(self)
        if dead:
            for h in [h for h in self.stories if h not in self.counts]:
                del self.stories[h]
        return dead


@dataclass(slots=True)
class LearnKeys:
    """What the learner counts of one document (the map side of pass 1): its source, its
    counted lines, and its edge lines with the paragraphs that tell its story (no
    paragraphs: no edge lines to count).  All normalised."""

    source: str
    lines: list[str]
    edges: list[str]
    paragraphs: list[str]


def learn_keys(record: Record, article: Article,
               view: TextView | None = None) -> LearnKeys | None:
    """The map side of pass 1, a pure function of the record and its article: None for a
    record that is not an article (it is not counted)."""
    if article.verdict != "article":
        return None
    view = view or TextView(record.text)
    counted = counted_lines(view, article)
    kept = set(kept_lines(view, article))
    prose = [i for i in counted if i in kept and view.lines[i].words >= PROSE_WORDS]
    edges: list[str] = []
    if prose:
        first, last = prose[0], prose[-1]
        edges = [view.lines[i].norm for i in counted if i < first or i > last]
    return LearnKeys(source_key(record, article), [view.lines[i].norm for i in counted],
                     edges, [view.lines[i].norm for i in prose])


class BoilerplateLearner:
    """Streaming per-source line counter (pass 1).

    Memory: per source, a pruning round every `bucket_docs` documents (lossy counting); over
    all sources, at most `max_entries` entries -- past that, every source is pruned one more
    round until the total is below 80% of it (each such round may under-count a line by one
    more occurrence; `rounds` per source says by how much at most).  About 200 bytes per
    entry in CPython, so the default bound is about 400 MB.
    """

    def __init__(self, params: LearnParams | None = None) -> None:
        self.params = params or LearnParams()
        self.sources: dict[str, _SourceCounts] = {}
        self.corpus = _CorpusCounts()
        self._entries = 0

    def add_lines(self, source: str, lines: Iterable[str]) -> None:
        """Count one document: its kept lines, already normalised."""
        p = self.params
        sc = self.sources.get(source)
        if sc is None:
            sc = self.sources[source] = _SourceCounts()
        sc.docs += 1
        base = sc.rounds
        for h, norm in _distinct_lines(lines, p, p.max_lines_per_doc):
            e = sc.counts.get(h)
            if e is None:
                e = sc.counts[h] = [0, base]
                self._entries += 1
            e[0] += 1
            if e[0] >= p.min_count and h not in sc.texts:
                sc.texts[h] = norm  # kept for `boilerplate show` only
        if sc.docs % p.bucket_docs == 0:
            self._entries -= sc.prune()
        self._bound()

    def _bound(self) -> None:
        p = self.params
        if self._entries > p.max_entries:
            pools = [*self.sources.values(), self.corpus]
            while self._entries > 0.8 * p.max_entries:
                freed = sum(src.prune() for src in pools)
                self._entries -= freed
                if not freed and all(not src.counts for src in pools):
                    break

    def add_edges(self, norms: Iterable[str], paragraphs: Iterable[str]) -> None:
        """Count one document's edge lines in the whole-input pool, once per story."""
        sketch = frozenset(sorted(line_hash(x) for x in paragraphs)[:STORY_SKETCH])
        c = self.corpus
        self._entries += c.add(norms, sketch, self.params)
        if c.docs % self.params.bucket_docs == 0:
            self._entries -= c.prune()
        self._bound()

    def add(self, record: Record, article: Article, view: TextView | None = None) -> None:
        """Count the lines of a cleaned article's record under its source key: the lines it
        keeps and those it removed as page furniture.  A template line counts on every page,
        whether or not the single-record cleaner recognised it there; lines that are not the
        page (crawl header, banners, later copies) are left out."""
        keys = learn_keys(record, article, view)
        if keys is not None:
            self.add_keys(keys)

    def add_keys(self, keys: LearnKeys) -> None:
        """Count one document from what learn_keys() took of it (the reduce side: documents
        must come in input order, as lossy counting and story sketches depend on it)."""
        self.add_lines(keys.source, keys.lines)
        if keys.paragraphs:
            self.add_edges(keys.edges, keys.paragraphs)

    def entries(self) -> int:
        return self._entries

    def model(self) -> BoilerplateModel:
        p = self.params
        model = BoilerplateModel(params=p)
        for src, sc in self.sources.items():
            if sc.docs < p.min_docs:
                continue
            need = p.threshold(sc.docs)
            lines = {
                h: (c, sc.texts.get(h, ""))
                for h, (c, _d) in sc.counts.items()
                if c >= need
            }
            model.sources[src] = SourceModel(sc.docs, lines)
        c = self.corpus
        if c.docs >= p.min_docs:
            need = p.corpus_threshold(c.docs)
            lines = {h: (n, c.texts.get(h, "")) for h, (n, _d) in c.counts.items() if n >= need}
            if lines:
                model.sources[CORPUS] = SourceModel(c.docs, lines)
        return model


# ---------------------------------------------------------------- the model


@dataclass(slots=True)
class SourceModel:
    docs: int
    lines: dict[int, tuple[int, str]]  # hash -> (documents containing it, normalised text)


@dataclass(slots=True)
class BoilerplateModel:
    params: LearnParams = field(default_factory=LearnParams)
    sources: dict[str, SourceModel] = field(default_factory=dict)

    def lookup(self, source: str, norm: str) -> int | None:
        sm = self.sources.get(source)
        if sm is None:
            return None
        hit = sm.lines.get(line_hash(norm))
        return hit[0] if hit else None

    def rows(self) -> Iterator[tuple[str, str, int, int]]:
        """(source, line, count, source docs), sources by name, lines by count descending."""
        for src in sorted(self.sources):
            sm = self.sources[src]
            for _h, (count, text) in sorted(sm.lines.items(), key=lambda kv: (-kv[1][0], kv[1][1])):
                yield src, text, count, sm.docs

    def to_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "params": self.params.to_dict(),
            "sources": {
                src: {
                    "docs": sm.docs,
                    "lines": [
                        {"hash": f"{h & 0xFFFFFFFFFFFFFFFF:016x}", "count": c, "text": t}
                        for h, (c, t) in sorted(sm.lines.items(), key=lambda kv: -kv[1][0])
                    ],
                }
                for src, sm in sorted(self.sources.items())
            },
        }

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> BoilerplateModel:
        if not isinstance(obj, dict) or obj.get("format") != MODEL_FORMAT:
            raise ValueError("not a newsclean boilerplate model")
        if obj.get("version") != MODEL_VERSION:
            raise ValueError(
                f"boilerplate model version {obj.get('version')} is not supported "
                f"(this newsclean reads version {MODEL_VERSION})"
            )
        known = set(LearnParams.__slots__)  # type: ignore[attr-defined]
        params = LearnParams(**{k: v for k, v in obj.get("params", {}).items() if k in known})
        model = cls(params=params)
        for src, sm in obj.get("sources", {}).items():
            lines = {}
            for e in sm["lines"]:
                h = int(e["hash"], 16)
                if h >= 1 << 63:
                    h -= 1 << 64
                lines[h] = (int(e["count"]), str(e.get("text", "")))
            model.sources[src] = SourceModel(int(sm["docs"]), lines)
        return model

    def save(self, path: str | Path) -> None:
        """Written under a temporary name and renamed: a failed save leaves the old model."""
        from ..outputs import write_text_atomically

        write_text_atomically(path, json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n")

    @classmethod
    def load(cls, path: str | Path) -> BoilerplateModel:
        return cls.from_json(json.loads(Path(path).read_text()))


# ---------------------------------------------------------------- applying (pass 2)


def learned_marks(
    view: TextView,
    kept: list[int],
    model: BoilerplateModel,
    source: str | list[str],
    title: int | None = None,
) -> dict[int, tuple[str, str]]:
    """Line marks for the kept lines the model knows as the source's boilerplate.

    Only lines around the article are taken: above its first or below its last kept prose
    line (>= PROSE_WORDS words, not itself learned), in runs that touch the page's edge or
    removed furniture.  A short line that recurs *inside*
    bodies -- "Conclusion", "Pros:", a section heading -- is structure of the site's
    articles, not template.  Nothing is taken from an article without such a prose line.
    """
    sources = [source] if isinstance(source, str) else source
    hits: dict[int, int] = {}
    found: dict[int, str] = {}
    for i in kept:
        for src in sources:
            count = model.lookup(src, view.lines[i].norm)
            if count is not None:
                hits[i], found[i] = count, src
                break
    if CORPUS in found.values():
        # A line the whole input repeats at the edges of other stories may be this one's own
        # (its headline, printed as a related link on other pages): a line about this article
        # -- most of its words in the article's paragraphs -- stays.
        words = {t for i in kept if view.lines[i].words >= PROSE_WORDS for t in view.lines[i].toks}
        first_prose = next((i for i in kept if view.lines[i].words >= PROSE_WORDS), None)
        for i in [i for i, src in found.items() if src == CORPUS]:
            content = [t for t in view.lines[i].toks if len(t) >= 4]
            if content and sum(t in words for t in content) * 5 >= len(content) * 3:
                del hits[i], found[i]
            elif title is not None and first_prose is not None and title < i < first_prose:
                # between the headline and the first paragraph stand the article's own dek,
                # byline and opening headings ("Key takeaways"), which many stories share
                del hits[i], found[i]
    if not hits:
        return {}
    prose = [i for i in kept if i not in hits and view.lines[i].words >= PROSE_WORDS]
    if not prose:
        return {}
    first, last = prose[0], prose[-1]
    cands = {i for i in hits if i < first or i > last}
    # A template comes in blocks against the page's edge or other furniture.  A run of
    # recurring lines with kept article lines on both sides is the site's article structure
    # ("Key Takeaways" under the headline, "References" before the list), not its template.
    lines = [ln.index for ln in view.lines if not ln.blank]
    keep = set(kept)
    out: dict[int, tuple[str, str]] = {}
    k = 0
    while k < len(lines):
        if lines[k] not in cands:
            k += 1
            continue
        j = k
        while j + 1 < len(lines) and lines[j + 1] in cands:
            j += 1
        before = lines[k - 1] if k > 0 else None
        after = lines[j + 1] if j + 1 < len(lines) else None
        if not (before in keep and after in keep):
            for i in lines[k : j + 1]:
                out[i] = (REASON, f"{found[i]} x{hits[i]}")
        k = j + 1
    return out


def apply_learned(
    record: Record,
    article: Article,
    model: BoilerplateModel,
    source: str | None = None,
    enrich: bool = True,
    repair_encoding: bool = False,
) -> Article:
    """The article with the source's learned boilerplate lines removed as well.

    The record is cleaned again with the learned lines given as known furniture, so that the
    layout is read without them: a template line that the single record made look like the
    headline (a masthead, a menu item) no longer is, and the real headline is found.  Only
    records the model touches are cleaned twice.  Any field a caller set on `article` beyond
    what cleaning gives is carried over.
    """
    if article.verdict != "article" or not model.sources:
        return article
    src = source or source_key(record, article)
    sources = [x for x in (src, CORPUS) if x in model.sources]
    if not sources:
        return article
    view = TextView(record.text)
    kept = kept_lines(view, article)
    title = next((r.start for r in article.removed if r.reason == "title"), None)
    title_line = (
        next((ln.index for ln in view.lines if ln.start <= title < ln.end + 1), None)
        if title is not None
        else None
    )
    new = learned_marks(view, kept, model, sources, title_line)
    if not new:
        return article
    from ..pipeline import clean_record  # the pipeline imports nothing from corpus

    again = clean_record(record, enrich=enrich, furniture=new, repair_encoding=repair_encoding)
    if again.verdict != "article":  # cannot happen while a prose line is kept; never lose one
        return article
    for key, value in article.extra.items():
        again.extra.setdefault(key, value)
    return again
