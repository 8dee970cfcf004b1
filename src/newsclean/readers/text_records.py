"""Crawl text records: one record per file (or stdin), an optional ` date YYYY-MM-DD STATUS`
header line and then the extracted text.

The text is the file's bytes decoded as UTF-8 and nothing else: line ends (CRLF too), blank lines,
trailing spaces and a missing final newline are kept, so restore gives the file back.  The one
exception is a UTF-8 byte-order mark, which belongs to the encoding: it is dropped and noted as
`meta["bom"]`.  An empty file is an ordinary record with empty text (verdict `empty`).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import BadRecord, Record
from .options import TOO_LARGE_RAW_KEEP, ReadOptions, check_bytes, too_large_error
from .sources import DECOMPRESSION_ERRORS, InputSource

SUFFIXES = (".txt",)
_BOM = b"\xef\xbb\xbf"


def read_text_record(src: InputSource, options: ReadOptions) -> Iterator[Record | BadRecord]:
    limit = options.max_record_bytes
    try:
        with src.open() as stream:
            raw = stream.read(limit + 1)
            if len(raw) > limit:
                # The rest is not read: its size does not matter, and stdin may be endless.
                yield BadRecord(
                    source=src.name,
                    error=f"{src.name}: {too_large_error(None, limit)}",
                    raw=raw[:TOO_LARGE_RAW_KEEP],
                    id=src.name,
                )
                return
    except DECOMPRESSION_ERRORS as e:
        yield BadRecord(src.name, f"{src.name}: cannot read: {e}", b"", src.name)
        return
    yield record_from_bytes(raw, id=src.name, source=src.name)


def record_from_bytes(raw: bytes, id: str, source: str) -> Record | BadRecord:
    """One text record from its bytes, or a BadRecord saying why it cannot be one."""
    meta: dict[str, object] = {"file": source}
    body = raw
    if body.startswith(_BOM):
        body = body[len(_BOM) :]
        meta["bom"] = True
    text, error = check_bytes(body)
    if text is None:
        return BadRecord(source=source, error=f"{source}: {error}", raw=raw, id=id)
    return Record(id=id, text=text, source=source, meta=meta)
