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
- a truncated or corrupt stream (cut gzip member, short last record, a record cut inside its
  headers, bytes after the last record that are no record) -> one BadRecord saying where
  reading stopped; the records before it are kept.  A WARC.gz is verified first
  (readers.integrity): from a damaged member on, nothing is read.
So: pages in = records out + set aside + skipped.

FastWARC reads files natively; a WARC on stdin or a pipe is first copied to an anonymous
temporary file (FastWARC seeks, and the end of the last record is checked in the file).
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..extract import MAX_HTML_BYTES
from ..model import BadRecord, Record
from .integrity import DamagedInput, check_stream, compressed_prefix, compression_of, trusted
from .options import ReadOptions
from .page import SKIPPED, Page, deliver
from .sources import DECOMPRESSION_ERRORS, InputSource, decompressed

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


class _Sequential:
    """A byte stream FastWARC reads front to back: read() and tell(), no seeking.  A damaged
    or cut compressed stream reads as its end; `error` then says why."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._read = getattr(stream, "read1", stream.read)
        self._pos = 0
        self.error: str | None = None

    def read(self, n: int = -1) -> bytes:
        if self.error is not None:
            return b""
        try:
            # read1: one read underneath, so what comes before the damage is not lost with it
            data = self._read(n)
        except DECOMPRESSION_ERRORS as e:
            self.error = str(e)
            return b""
        self._pos += len(data)
        return data

    def tell(self) -> int:
        return self._pos

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        self._stream.close()


def read_warc(src: InputSource, options: ReadOptions) -> Iterator[Page | Record | BadRecord]:
    fast = options.fast
    n = 0
    spool = None
    held: Page | Record | BadRecord | None = None
    stream: _Sequential | None = None
    error: str | None = None  # why the stream ends early, when it does
    try:
        if src.path is None or src.stream is not None:
            spool, error = _spooled(src)
            path = spool.name
        else:
            path = str(src.path)
        with open(path, "rb") as raw:
            kind = compression_of(raw.read(4))
            raw.seek(0)
            check = check_stream(raw, kind) if kind else None
        if check is not None and check.error is not None:
            # read up to the damage, from the verified stream, not the file
            raw_stream = compressed_prefix(io.BufferedReader(io.FileIO(path)), check)
            stream = _Sequential(trusted(decompressed(raw_stream), check))  # type: ignore[arg-type]
            target: BinaryIO | str = cast(BinaryIO, stream)
        else:
            target = path  # FastWARC reads and decompresses it natively
        it = ArchiveIterator(target, parse_http=False, fsspec_args=False)
        last = None
        held = None  # the last page is held back: a cut stream may have to say so in it
        for rec in it:
            if rec.headers.get("Content-Length") is None:  # mandatory: the headers were cut
                error = (f"the WARC stream is cut short inside the headers of a record "
                         f"(from byte {rec.stream_pos})")
                break
            is_page = bool(rec.record_type & _PAGE_TYPES)
            # _page reports a short response or resource itself
            checked = is_page and rec.record_type != WarcRecordType.revisit
            last = (rec.stream_pos, rec.content_length, checked)
            if not is_page:
                continue  # warcinfo, request, metadata: about the crawl, not pages
            n += 1
            if held is not None:
                yield held
            held = _page(rec, src.name, n, fast, options.defer_html)
        if stream is not None:
            error = error or stream.error or check.error  # type: ignore[union-attr]
        elif kind is None and error is None:
            error = _unread_tail(path, last)
    except (OSError, ValueError, EOFError) as e:
        error = str(e)
    except BaseException as e:  # FastWARC's Rust code panics on some input: not our run's end
        if isinstance(e, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        error = f"the WARC reader failed: {type(e).__name__}: {e}"
    finally:
        if stream is not None:
            stream.close()
        if spool is not None:
            spool.close()
    if isinstance(held, BadRecord) and ": truncated record:" in held.error and error is not None:
        # one cut, one entry: the short last page, and where the stream stopped
        held = BadRecord(held.source, f"{held.error}; {error}", held.raw, held.id)
        error = None
    if held is not None:
        yield held
    if error is not None:
        where = f"{src.name}:record {n + 1}"
        yield BadRecord(where, f"{where}: cannot read further, rest of file skipped: {error}", b"")


def _spooled(src: InputSource) -> tuple[tempfile._TemporaryFileWrapper, str | None]:
    """stdin or an opened stream copied to a temporary file, and why the copy stopped short
    (a damaged compressed stream), if it did."""
    spool = tempfile.NamedTemporaryFile(prefix="newsclean-warc-")  # noqa: SIM115 - closed by caller
    try:
        with src.open() as stream:
            shutil.copyfileobj(stream, spool, 1 << 20)
        error = None
    except DamagedInput as e:
        error = str(e)
    except BaseException:
        spool.close()
        raise
    spool.flush()
    return spool, error


def _unread_tail(path: str, last: tuple[int, int, bool] | None) -> str | None:
    """What is wrong with a plain WARC's end, if anything: FastWARC stops without a word at a
    record cut inside its headers, or at bytes that are no record."""
    with open(path, "rb") as f:
        size = f.seek(0, 2)
        if last is None:
            f.seek(0)
            if not f.read(1 << 16).strip():
                return None  # empty or blank: no records, nothing lost
            return "no WARC record could be read from byte 0 (cut short or damaged)"
        start, length, checked = last
        f.seek(start)
        head = f.read(1 << 16)
    end_of_headers = head.find(b"\r\n\r\n")
    if end_of_headers < 0:
        return f"the WARC stream is cut short inside the headers of a record (from byte {start})"
    body = start + end_of_headers + 4
    end = body + length
    if end > size:
        if checked:
            return None  # a short last page: _page reports it with its numbers
        return (f"the WARC stream is cut short inside a record (from byte {start}): "
                f"{size - body} of its {length} bytes")
    with open(path, "rb") as f:
        f.seek(end)
        tail = f.read(1 << 16)
    if tail.strip():
        return (f"the WARC stream holds bytes that are no complete record after the record "
                f"ending at byte {end} (cut short or damaged)")
    return None


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
