"""WARC and WARC.gz (FastWARC): HTML responses become Records, everything else is accounted for.

Per WARC record:
- `response` (and `resource`) with an HTML payload -> a Record: text = main text (title first),
  meta = url (WARC-Target-URI), http_status, fetched (WARC-Date, YYYY-MM-DD), content_type,
  charset (HTTP header, else the page's meta tag, else detection) and the page metadata.  Error
  statuses (403, 404, ...) are kept: the cleaner decides whether an article is there.
- a response that is not HTML (image, PDF, JSON, ...), a redirect (3xx), a `revisit` record, or a
  payload that turns out to be binary -> a BadRecord whose error starts with "skipped: " and
  names the reason (no raw bytes kept): counted, never silently dropped.
- `warcinfo`, `request`, `metadata`, `conversion` records describe the crawl, not pages: ignored.
- a truncated or corrupt stream (cut gzip member, short last record) -> one BadRecord saying
  where reading stopped; the records before it are kept.
So: pages in = records out + set aside + skipped.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..extract import MAX_HTML_BYTES
from ..model import BadRecord, Record
from .options import ReadOptions
from .page import SKIPPED, Page, deliver
from .sources import InputSource

SUFFIXES = (".warc",)
_PAGE_TYPES = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.revisit
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/xhtml", "application/xml", "text/xml")


def looks_like_warc(head: bytes) -> bool:
    return head.startswith((b"WARC/1.", b"WARC/0."))


def _is_html(content_type: str | None, payload: bytes) -> bool:
    if content_type:
        ct = content_type.split(";")[0].strip().lower()
        if ct in _HTML_TYPES:
            return True
        if ct not in ("", "application/octet-stream", "text/plain", "unknown/unknown"):
            return False
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml"))


def decode_content(data: bytes, encoding: str) -> bytes:
    """Undo gzip / deflate Content-Encoding, stopping at MAX_HTML_BYTES of output."""
    if encoding in ("gzip", "x-gzip"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        d = zlib.decompressobj(zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS)
    else:
        raise ValueError(f"unsupported Content-Encoding {encoding!r}")
    try:
        return d.decompress(data, MAX_HTML_BYTES + 1)
    except zlib.error as e:
        raise ValueError(f"corrupt {encoding} body: {e}") from e


def _skip(where: str, rid: str | None, reason: str) -> BadRecord:
    return BadRecord(where, f"{SKIPPED}{reason}", b"", rid)


def read_warc(src: InputSource, options: ReadOptions) -> Iterator[Page | Record | BadRecord]:
    fast = options.fast
    n = 0
    try:
        # a file: FastWARC reads and decompresses it natively; stdin/pipes: the opened stream
        target = str(src.path) if src.path is not None and src.stream is None else src.open()
        it = ArchiveIterator(
            target,
            record_types=_PAGE_TYPES,
            parse_http=False,
            fsspec_args=False,
        )
        for rec in it:
            n += 1
            yield _page(rec, src.name, n, fast, options.defer_html)
    except (OSError, ValueError, EOFError) as e:
        where = f"{src.name}:record {n + 1}"
        yield BadRecord(where, f"{where}: cannot read further, rest of file skipped: {e}", b"")


def _page(rec, file: str, n: int, fast: bool, defer: bool) -> Page | Record | BadRecord:
    url = rec.headers.get("WARC-Target-URI") or None
    rid = rec.record_id or f"{file}:{n}"
    where = f"{file}:record {n}"
    if rec.record_type == WarcRecordType.revisit:
        return _skip(where, rid, f"revisit record (duplicate of an earlier capture) {url or ''}")
    status = None
    content_type = None
    charset = None
    encoding = None
    chunked = False
    try:
        if rec.record_type == WarcRecordType.response:
            # de-chunk here, undo Content-Encoding ourselves (bounded: no decompression bomb)
            rec.parse_http(auto_decode="transfer")
            if rec.http_headers is None:
                return _skip(where, rid, f"response without HTTP headers {url or ''}")
            status = rec.http_headers.status_code
            content_type = rec.http_content_type
            charset = rec.http_charset
            encoding = (rec.http_headers.get("Content-Encoding") or "").strip().lower() or None
            chunked = bool(rec.http_headers.get("Transfer-Encoding"))
        else:
            content_type = rec.headers.get("Content-Type")
        expected = rec.content_length
        payload = rec.reader.read(MAX_HTML_BYTES + 1)
    except (OSError, ValueError) as e:
        return BadRecord(where, f"{where}: unreadable record: {e}", b"", rid)
    if not chunked and len(payload) < min(expected, MAX_HTML_BYTES + 1):
        return BadRecord(
            where,
            f"{where}: truncated record: {len(payload)} of {expected} payload bytes ({url or ''})",
            payload[:65536],
            rid,
        )
    if encoding not in (None, "identity", "none"):
        try:
            payload = decode_content(payload, encoding)
        except ValueError as e:
            return BadRecord(where, f"{where}: {e} ({url or ''})", payload[:65536], rid)
    if status is not None and 300 <= status < 400:
        loc = rec.http_headers.get("Location") or "?"
        return _skip(where, rid, f"redirect {status} to {loc} ({url or ''})")
    if not _is_html(content_type, payload):
        return _skip(where, rid, f"non-HTML response ({content_type or 'no content type'}) {url or ''}")
    date = rec.record_date
    page = Page(
        payload,
        rid,
        where,
        url=url,
        http_status=status,
        fetched=date.date().isoformat() if date is not None else None,
        content_type=content_type,
        http_charset=charset,
        fast=fast,
        extra={"warc_offset": rec.stream_pos},
        binary_is_skip=True,
    )
    return deliver(page, defer)
