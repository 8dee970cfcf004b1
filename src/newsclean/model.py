"""Core value types: a record as read, a marked span, and the cleaned article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

# What a record is: an article, or why there is none (see README "Verdicts").
Verdict = Literal["article", "error_page", "blocked", "empty"]
# Why a span was removed (see README "Removal reasons").
Reason = Literal[
    "header",
    "whitespace",
    "title",
    "error_banner",
    "error_page",
    "blocked",
    "repeated",
    "boilerplate",
    "dateline",
    "markup",
    "learned_boilerplate",
    "empty",
]

# The documented set of removal reasons, each with what it removes.
REASONS: tuple[Reason, ...] = (
    "header",  # the crawl's `date YYYY-MM-DD STATUS` line
    "whitespace",  # blank lines, trailing/leading spaces, stray line ends
    "title",  # the headline line, moved to `title`
    "error_banner",  # soft-404 / server-error banner in front of an article
    "error_page",  # content of a record that is an error page (verdict error_page)
    "blocked",  # anti-bot / access-denied page text
    "repeated",  # a later copy of text already kept
    "boilerplate",  # disclaimers, copyright, widgets, cookie notices, related links, navigation
    "dateline",  # syndication tag at the start of the first paragraph
    "markup",  # markdown syntax inside kept lines: link targets, image embeds, marks
    "learned_boilerplate",  # lines a source repeats across its documents (corpus pass)
    "empty",  # leftovers of a record with no article (verdict empty)
)

VERDICTS: tuple[Verdict, ...] = get_args(Verdict)


@dataclass(slots=True)
class Record:
    """One input record: its text exactly as read, and where it came from."""

    id: str
    text: str
    source: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class Span:
    """A half-open character range [start, end) of the record, marked for removal."""

    start: int
    end: int
    reason: Reason
    rule: str


@dataclass(slots=True)
class Removed:
    start: int
    end: int
    reason: Reason
    rule: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
            "rule": self.rule,
            "text": self.text,
        }


@dataclass(slots=True)
class Repaired:
    """A garbled stretch of a kept line, fixed in the output: `text` is the record's original
    characters at [start, end), `fixed` what the article text has in their place."""

    start: int
    end: int
    rule: str
    text: str
    fixed: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "text": self.text,
            "fixed": self.fixed,
        }


@dataclass(slots=True)
class Quote:
    """A direct quotation in the article text.

    For a quotation in one piece, text == article[start:end] (`parts` None here; its dict
    lists the one piece).  For one interrupted by its attribution (`"A," she said. "B."`),
    `parts` lists each quoted piece's [start, end), start/end span them all, and text joins
    the pieces with a space."""

    text: str
    start: int
    end: int
    speaker: str | None
    parts: list[tuple[int, int]] | None = None

    def to_dict(self) -> dict[str, Any]:
        # `parts` always present (one field set for every quotation: a fixed schema)
        parts = self.parts or [(self.start, self.end)]
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "parts": [list(p) for p in parts],
        }


@dataclass(slots=True)
class Article:
    """What newsclean makes of one record."""

    id: str
    source: str
    verdict: Verdict
    text: str
    removed: list[Removed]
    title: str | None = None
    publisher: str | None = None
    fetched: str | None = None
    http_status: int | None = None
    language: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    repaired: list[Repaired] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "fetched": self.fetched,
            "http_status": self.http_status,
            "verdict": self.verdict,
            "title": self.title,
            "publisher": self.publisher,
            "language": self.language,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "removed": [r.to_dict() for r in self.removed],
            "repaired": [r.to_dict() for r in self.repaired],
        }
        d.update(self.extra)
        return d


@dataclass(slots=True)
class BadRecord:
    """Input that could not be read as a record: set aside with its provenance and raw bytes."""

    source: str
    error: str
    raw: bytes = b""
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "error": self.error}
