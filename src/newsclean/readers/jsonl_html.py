"""JSONL whose records hold a web page: `--html-field F` names the field with the HTML.

Each line becomes a Record through `newsclean.extract` (main text, title first, page metadata);
the page URL is taken from a `url` field when there is one.  Without `--html-field` the plain
JSONL reader runs unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import fastjson
from ..model import BadRecord, Record
from . import jsonl
from .options import TOO_LARGE_RAW_KEEP, ReadOptions, too_large_error
from .page import Page, deliver
from .sources import DECOMPRESSION_ERRORS, InputSource

URL_FIELDS = ("url", "URL", "target_uri", "warc_target_uri")


def read_jsonl_or_html(src: InputSource, options: ReadOptions) -> Iterator[Page | Record | BadRecord]:
    """The JSONL reader, or the HTML-field variant when options.html_field is set."""
    if getattr(options, "html_field", None):
        yield from read_jsonl_html(src, options)
    else:
        yield from jsonl.read_jsonl(src, options)


def read_jsonl_html(src: InputSource, options: ReadOptions) -> Iterator[Page | Record | BadRecord]:
    field = options.html_field
    if not field:
        yield from jsonl.read_jsonl(src, options)
        return
    fast = bool(getattr(options, "fast", False))
    line_no = 0
    try:
        with src.open() as stream:
            for line_no, raw, size in jsonl.iter_capped_lines(stream, options.max_record_bytes):
                where = f"{src.name}:{line_no}"
                if size is not None:
                    err = too_large_error(size, options.max_record_bytes)
                    yield BadRecord(where, f"{where}: {err}", raw[:TOO_LARGE_RAW_KEEP], where)
                    continue
                if raw.strip():
                    yield _page(raw, where, field, options, fast)
    except DECOMPRESSION_ERRORS as e:
        where = f"{src.name}:{line_no + 1}"
        yield BadRecord(where, f"{where}: cannot read further, rest of file skipped: {e}", b"")


def _page(
    raw: bytes, where: str, field: str, options: ReadOptions, fast: bool
) -> Page | Record | BadRecord:
    try:
        obj = fastjson.loads(raw)
    except (ValueError, RecursionError) as e:
        return BadRecord(where, f"{where}: malformed JSON: {e}", raw)
    if not isinstance(obj, dict):
        return BadRecord(where, f"{where}: expected a JSON object", raw)
    rid = obj.get(options.id_field)
    rid = str(rid) if isinstance(rid, str | int) and not isinstance(rid, bool) else where
    html = obj.get(field)
    if not isinstance(html, str):
        what = "missing" if html is None else f"not a string ({type(html).__name__})"
        return BadRecord(where, f"{where}: HTML field {field!r} {what} (see --html-field)", raw, rid)
    url = next((obj[k] for k in URL_FIELDS if isinstance(obj.get(k), str)), None)
    page = Page(html.encode("utf-8", "replace"), rid, where, url=url, fast=fast)
    return deliver(page, options.defer_html)
