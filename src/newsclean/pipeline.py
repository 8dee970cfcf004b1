"""Per-record pipeline: header -> detectors -> resolve -> apply -> verdict -> enrich."""

from __future__ import annotations

from .apply import apply_marks
from .detect import dateline
from .header import parse_header
from .model import Article, Record
from .resolve import resolve
from .text_view import TextView


def clean_record(record: Record) -> Article:
    text = record.text
    hdr = parse_header(text)
    view = TextView(text, body_start=1 if hdr else 0)
    marks = {}
    if hdr:
        marks[0] = ("header", "crawl_header")
    found = resolve(view)
    marks.update(found.line_marks)
    verdict = found.verdict
    title_line = found.title
    publisher = None
    partials = []
    if title_line is not None:
        marks[title_line.index] = ("title", "headline")
    if verdict == "article":
        tag = dateline.detect(view, marks)
        if tag is not None:
            publisher, span = tag
            partials.append(span)
        if not any(i not in marks for i in _content_lines(view)):
            verdict = "empty"
    if verdict != "article":
        reason = verdict if verdict != "article" else "empty"
        for ln in view.lines[view.body_start :]:
            if not ln.blank and ln.index not in marks:
                marks[ln.index] = (reason, f"{reason}_content")
        partials = []
        publisher = None
    out_text, removed = apply_marks(view, marks, partials)
    return Article(
        id=record.id,
        source=record.source,
        verdict=verdict,
        text=out_text,
        removed=removed,
        title=title_line.text if title_line is not None else None,
        publisher=publisher,
        fetched=hdr.fetched if hdr else record.meta.get("fetched"),
        http_status=hdr.http_status if hdr else record.meta.get("http_status"),
    )


def _content_lines(view: TextView) -> list[int]:
    return [ln.index for ln in view.lines[view.body_start :] if not ln.blank]


def clean_text(text: str, id: str = "text", source: str = "<text>") -> Article:
    """Clean one record given as a string (header line optional)."""
    return clean_record(Record(id=id, text=text, source=source))


def clean_records(records):
    """Clean an iterable of Records lazily, in order."""
    for rec in records:
        yield clean_record(rec)
