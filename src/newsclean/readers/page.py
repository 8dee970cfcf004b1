"""A page read but not yet extracted: the reader's side of HTML input, the worker's work.

Main-text extraction costs far more than reading, so with `ReadOptions.defer_html` the HTML,
WARC, JSONL-with-HTML and Parquet readers yield a `Page` and `clean` extracts it where it
cleans it -- in the worker processes under `--workers N`.  Without it they yield the Record
(or BadRecord) that `Page.extract()` gives, so `read_inputs` callers see no difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..extract import html_record
from ..model import BadRecord, Record

SKIPPED = "skipped: "  # == clean_run.SKIPPED_PREFIX: the summary counts these apart


@dataclass(slots=True)
class Page:
    data: bytes | str
    id: str
    source: str
    url: str | None = None
    http_status: int | None = None
    fetched: str | None = None
    content_type: str | None = None
    http_charset: str | None = None
    fast: bool = False
    extra: dict[str, Any] | None = None
    # a crawl response whose body turns out binary is skipped (counted), not an error
    binary_is_skip: bool = False

    @property
    def size(self) -> int:
        return len(self.data)

    def extract(self) -> Record | BadRecord:
        result = html_record(
            self.data,
            id=self.id,
            source=self.source,
            url=self.url,
            http_status=self.http_status,
            fetched=self.fetched,
            content_type=self.content_type,
            http_charset=self.http_charset,
            fast=self.fast,
            extra=self.extra,
        )
        where = self.source
        if (
            self.binary_is_skip
            and isinstance(result, BadRecord)
            and result.error.startswith(f"{where}: binary body")
        ):
            reason = f"{result.error[len(where) + 2 :]} {self.url or ''}"
            return BadRecord(where, f"{SKIPPED}{reason}", b"", self.id)
        return result


def deliver(page: Page, defer: bool) -> Page | Record | BadRecord:
    """What a reader yields for a page: the page itself when extraction is deferred."""
    return page if defer else page.extract()
