"""JSON Lines: one JSON object per line (plain, gzip or zstd), the record text in a field.

Streams line by line with a cap: a line is read with `readline(limit + 1)`, so a line longer than
`max_record_bytes` (even one without any newline, gigabytes long) costs at most the cap in memory;
it is set aside as too large and the rest of it is skipped in bounded chunks.  Blank lines are not
records and are skipped.  Every other line becomes a Record or a BadRecord naming file and line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from .. import fastjson
from ..model import BadRecord, Record
from .options import (
    TOO_LARGE_RAW_KEEP,
    ReadOptions,
    check_bytes,
    check_text,
    too_large_error,
)
from .sources import DECOMPRESSION_ERRORS, InputSource

SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_SKIP_CHUNK = 1 << 20


def read_jsonl(src: InputSource, options: ReadOptions) -> Iterator[Record | BadRecord]:
    line_no = 0
    try:
        with src.open() as stream:
            for line_no, raw, size in iter_capped_lines(stream, options.max_record_bytes):
                where = f"{src.name}:{line_no}"
                if size is not None:
                    err = too_large_error(size, options.max_record_bytes)
                    yield BadRecord(where, f"{where}: {err}", raw[:TOO_LARGE_RAW_KEEP], where)
                    continue
                if not raw.strip():
                    continue
                yield parse_line(raw, src.name, line_no, options)
    except DECOMPRESSION_ERRORS as e:
        where = f"{src.name}:{line_no + 1}"
        yield BadRecord(
            where, f"{where}: cannot read further, rest of file skipped: {e}", b"", None
        )


def iter_capped_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, int | None]]:
    """Yield (line number, line bytes without its newline, size if over the limit else None).

    An over-long line yields only its first `limit` bytes and its full size; memory stays within
    the limit whatever the line's length.
    """
    line_no = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        line_no += 1
        if line.endswith(b"\n"):
            yield line_no, _strip_eol(line), None
        elif len(line) <= limit:
            yield line_no, line, None  # the last line, without a final newline
        else:
            size = len(line)
            while more := stream.readline(_SKIP_CHUNK):  # skip the rest in bounded chunks
                if more.endswith(b"\n"):
                    size += len(more) - 1
                    break
                size += len(more)
            yield line_no, line[:limit], size


def _strip_eol(line: bytes) -> bytes:
    line = line[:-1]
    return line[:-1] if line.endswith(b"\r") else line


def parse_line(raw: bytes, file: str, line_no: int, options: ReadOptions) -> Record | BadRecord:
    where = f"{file}:{line_no}"

    def bad(msg: str, id: str | None = None) -> BadRecord:
        return BadRecord(source=where, error=f"{where}: {msg}", raw=raw, id=id)

    text, error = check_bytes(raw)
    if text is None:
        return bad(error or "unreadable")
    try:
        # (text is raw decoded, nothing else)
        obj, unicode = fastjson.parse(text, encoded=raw)
    except json.JSONDecodeError as e:
        return bad(f"malformed JSON: {e.msg} at column {e.colno}")
    except RecursionError:
        return bad("malformed JSON: nested too deeply")
    except ValueError as e:  # e.g. an integer of more than 4300 digits (Python's limit)
        return bad(f"unreadable JSON: {str(e).split('; use sys.')[0]}")
    if not isinstance(obj, dict):
        return bad(f"expected a JSON object, got {_kind(obj)}")

    rec_id = obj.get(options.id_field)
    if rec_id is None:
        rec_id = where
    elif isinstance(rec_id, bool) or not isinstance(rec_id, str | int):
        return bad(
            f"id field {options.id_field!r} is {_kind(rec_id)}, expected a string or integer"
        )
    else:
        rec_id = str(rec_id)
        if check_text(rec_id, unicode):
            return bad(f"id field {options.id_field!r}: {check_text(rec_id)}")

    if options.text_field not in obj:
        fields = ", ".join(list(obj)[:12])
        return bad(
            f"missing text field {options.text_field!r} (fields: {fields}; see --text-field)",
            rec_id,
        )
    body = obj[options.text_field]
    if not isinstance(body, str):
        return bad(f"text field {options.text_field!r} is {_kind(body)}, expected a string", rec_id)
    problem = check_text(body, unicode)
    if problem:
        return bad(f"field {options.text_field!r}: {problem}", rec_id)
    meta: dict[str, Any] = {"file": file, "line": line_no}
    meta.update(source_fields(obj))
    return Record(id=rec_id, text=body, source=where, meta=meta)


# fields that say where a record was published: they key the per-source boilerplate model
# (corpus.learned_boilerplate.source_key) and the URL is carried into the output
_SOURCE_FIELDS = (
    ("url", "url"),
    ("site", "site"),
    ("domain", "site"),
    ("host", "site"),
    ("source", "site"),
)


def source_fields(obj: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for field, key in _SOURCE_FIELDS:
        value = obj.get(field)
        if key not in out and isinstance(value, str) and value.strip() and len(value) < 2048:
            out[key] = value.strip()
    return out


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def looks_like_jsonl(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
