"""HTML files (`.html`, `.htm`, `.xhtml`, gzip or zstd compressed too): one page per file.

The record id is the file name without its suffixes; the text is the page's main text with the
title on the first line (see `newsclean.extract`).  Only the first `MAX_HTML_BYTES` of a page are
read and parsed (the rest is skipped in bounded chunks and `meta["truncated"]` is set), so a
30 MB page costs what a 4 MB one does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from ..extract import MAX_HTML_BYTES
from ..model import BadRecord, Record
from .options import ReadOptions
from .page import Page, deliver
from .sources import DECOMPRESSION_ERRORS, InputSource

SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_CHUNK = 1 << 20


def looks_like_html(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    return h.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head[:4096].lower()


def read_capped(stream, cap: int = MAX_HTML_BYTES) -> tuple[bytes, bool]:
    """The first `cap` (+1) bytes of the stream and whether there was more (drained in chunks)."""
    data = stream.read(cap + 1)
    more = len(data) > cap
    if more:
        while stream.read(_CHUNK):
            pass
    return data, more


def record_id(name: str) -> str:
    base = PurePath(name).name
    for suf in (".gz", ".zst", ".zstd"):
        if base.lower().endswith(suf):
            base = base[: -len(suf)]
    for suf in SUFFIXES:
        if base.lower().endswith(suf):
            return base[: -len(suf)] or base
    return base


def read_html(src: InputSource, options: ReadOptions) -> Iterator[Page | Record | BadRecord]:
    rid = record_id(src.name)
    try:
        with src.open() as stream:
            data, _more = read_capped(stream)
    except DECOMPRESSION_ERRORS as e:
        yield BadRecord(src.name, f"{src.name}: cannot read: {e}", b"", rid)
        return
    page = Page(data, rid, src.name, fast=options.fast, extra={"file": src.name})
    yield deliver(page, options.defer_html)
