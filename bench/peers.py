"""Peer systems wrapped behind one call shape, for the records, HTML and syndication benches.

A record-level system is `run(record_text, record_id) -> SystemOutput`.  Peers have no verdict
classes: they either keep a text (verdict "article") or drop the record (verdict DROPPED, text '').
The lower-level helpers (record_body, lines_to_html, extract_trafilatura, extract_justext,
DatatroveFilters) take plain strings so the HTML bench can call them on real pages.
Peer libraries are imported lazily: a missing one only disables its system.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

DROPPED = "dropped"

# The crawl header `date YYYY-MM-DD STATUS`, sometimes with a leading space.
_HEADER_RE = re.compile(r"^\s?date \d{4}-\d{2}-\d{2} \d{3}\s*$")
_WORD_RE = re.compile(r"\w")


@dataclass(slots=True)
class SystemOutput:
    verdict: str  # one of the four verdicts, or DROPPED for peers without verdict classes
    text: str
    title: str | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class System:
    name: str
    run: Callable[[str, str], SystemOutput]
    verdicts: bool = False  # True when it outputs the four verdict classes
    fields: bool = False  # True when it extracts title and publisher


def record_body(record: str) -> str:
    """The record without its crawl header line (kept when the first line is not a header)."""
    first, sep, rest = record.partition("\n")
    return rest if _HEADER_RE.match(first) else record


def lines_to_html(lines: Iterable[str]) -> str:
    """A minimal page with one <p> per non-blank line, so HTML extractors can see the record."""
    paras = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in lines if line.strip())
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body>\n{paras}</body></html>'
    )


def _kept(text: str | None) -> SystemOutput:
    if text and _WORD_RE.search(text):
        return SystemOutput("article", text)
    return SystemOutput(DROPPED, "")


def extract_trafilatura(page: str, favor_precision: bool = False) -> str:
    import trafilatura

    return trafilatura.extract(page, favor_precision=favor_precision) or ""


@functools.lru_cache(maxsize=8)
def _stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(language))


def extract_justext(page: str, language: str = "English") -> str:
    """Non-boilerplate paragraphs, one per line ('' when the page has nothing)."""
    import justext
    from lxml.etree import ParserError

    try:
        paragraphs = justext.justext(page, _stoplist(language))
    except ParserError:  # lxml refuses an empty document
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


class DatatroveFilters:
    """datatrove's GopherRepetitionFilter then FineWebQualityFilter, default settings."""

    def __init__(self) -> None:
        from datatrove.pipeline.filters import FineWebQualityFilter, GopherRepetitionFilter

        self._filters: list[Any] = [GopherRepetitionFilter(), FineWebQualityFilter()]

    def keep(self, text: str, doc_id: str = "doc") -> tuple[bool, str | None]:
        """(kept, reason of the first filter that dropped it)."""
        from datatrove.data import Document

        doc = Document(text=text, id=doc_id)
        for f in self._filters:
            result = f.filter(doc)
            ok, reason = result if isinstance(result, tuple) else (result, None)
            if not ok:
                return False, f"{type(f).__name__}:{reason}"
        return True, None


# --- record-level systems ------------------------------------------------------------------


def raw_system() -> System:
    def run(record: str, record_id: str) -> SystemOutput:
        return SystemOutput("article", record_body(record))

    return System("raw", run)


def datatrove_system() -> System:
    filters = DatatroveFilters()
    filters.keep("Warm up the word tokenizer. " * 20)  # spacy loads on first use: not timed

    def run(record: str, record_id: str) -> SystemOutput:
        body = record_body(record)
        kept, _ = filters.keep(body, record_id)
        return _kept(body) if kept else SystemOutput(DROPPED, "")

    return System("datatrove", run)


def trafilatura_system(favor_precision: bool = False) -> System:
    extract_trafilatura("<html><body><p>warm up</p></body></html>")  # import outside timing

    def run(record: str, record_id: str) -> SystemOutput:
        page = lines_to_html(record_body(record).split("\n"))
        return _kept(extract_trafilatura(page, favor_precision=favor_precision))

    name = "trafilatura (favor_precision)" if favor_precision else "trafilatura"
    return System(name, run)


def justext_system() -> System:
    extract_justext("<html><body><p>warm up</p></body></html>")

    def run(record: str, record_id: str) -> SystemOutput:
        page = lines_to_html(record_body(record).split("\n"))
        return _kept(extract_justext(page))

    return System("jusText", run)


# Short names for --only, in table order.
RECORD_PEERS: dict[str, Callable[[], System]] = {
    "raw": raw_system,
    "datatrove": datatrove_system,
    "trafilatura": trafilatura_system,
    "trafilatura-precision": lambda: trafilatura_system(favor_precision=True),
    "justext": justext_system,
}
