"""Readers: turn input paths into a stream of Records (or BadRecords, never exceptions).

`read_inputs(paths, options)` expands directories (recursively, sorted, hidden entries skipped),
reads `-` as stdin, and hands each file to the reader chosen from the dispatch table READERS:

1. by file name: the first reader one of whose suffixes ends the name (compression suffixes
   `.gz` / `.zst` are ignored for this; the bytes are decompressed whatever the name says);
2. otherwise (stdin, or a file named explicitly with an unknown suffix) by content: the first
   reader whose `sniff` accepts the leading bytes; the text-record reader accepts anything.

Inside a directory, only files with a registered suffix are read; others are reported through
`on_skip` (the CLI prints them), so nothing is dropped silently.

To add a format (HTML, WARC, Parquet, ...): write `read_x(src: InputSource, options) ->
Iterator[Record | BadRecord]` in its own module and add one `ReaderSpec` to READERS below (or
call `register_reader`); put it before `text` so its sniffer is asked first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import BadRecord, Record
from . import html_files, jsonl, jsonl_html, parquet, text_records, warc
from .options import DEFAULT_MAX_RECORD_BYTES, ReadOptions
from .page import Page
from .sources import DECOMPRESSION_ERRORS, InputSource, peek_head

ReaderFn = Callable[[InputSource, ReadOptions], Iterator[Page | Record | BadRecord]]


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    name: str
    suffixes: tuple[str, ...]  # lower-case, matched against the name without .gz/.zst
    read: ReaderFn
    sniff: Callable[[bytes], bool] | None = None  # leading (decompressed) bytes -> is it mine?


# The dispatch table; order is sniffing priority.  The text-record reader must stay last.
READERS: list[ReaderSpec] = [
    ReaderSpec("warc", warc.SUFFIXES, warc.read_warc, warc.looks_like_warc),
    ReaderSpec("parquet", parquet.SUFFIXES, parquet.read_parquet, parquet.looks_like_parquet),
    ReaderSpec("html", html_files.SUFFIXES, html_files.read_html, html_files.looks_like_html),
    ReaderSpec(
        "jsonl", jsonl.SUFFIXES, jsonl_html.read_jsonl_or_html, jsonl.looks_like_jsonl
    ),
    ReaderSpec("text", text_records.SUFFIXES, text_records.read_text_record, lambda head: True),
]


def register_reader(spec: ReaderSpec) -> None:
    """Add a reader ahead of the text-record fallback (idempotent by name)."""
    READERS[:] = [r for r in READERS if r.name != spec.name]
    READERS.insert(len(READERS) - 1 if READERS and READERS[-1].name == "text" else 0, spec)


def reader_for_name(format_name: str) -> ReaderSpec | None:
    """The reader whose suffix ends this (lower-cased, decompressed) file name, if any."""
    for spec in READERS:
        if any(format_name.endswith(s) for s in spec.suffixes):
            return spec
    return None


def sniff_reader(head: bytes) -> ReaderSpec:
    """The first reader whose sniffer accepts these leading bytes (text records otherwise)."""
    for spec in READERS:
        if spec.sniff is not None and spec.sniff(head):
            return spec
    return READERS[-1]


def iter_sources(
    paths: Iterable[str | Path],
    on_skip: Callable[[str], None] | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[tuple[InputSource, ReaderSpec | None]]:
    """Expand paths into (source, reader by name or None = sniff), in a stable order.

    `exclude`: files a directory walk must not read (the run's own output and set-aside file,
    which may sit inside an input directory and grow while it is read).
    """
    excluded = {Path(x).resolve() for x in exclude}
    for p in paths:
        if str(p) == "-":
            yield InputSource.stdin(), None
            continue
        path = Path(p)
        if path.is_dir():
            for f in walk_files(path):
                if excluded and f.resolve() in excluded:
                    continue
                src = InputSource.file(f)
                spec = reader_for_name(src.format_name)
                if spec is None:
                    if on_skip is not None:
                        on_skip(str(f))
                    continue
                yield src, spec
        else:
            src = InputSource.file(path)
            yield src, reader_for_name(src.format_name)


def walk_files(root: Path) -> Iterator[Path]:
    """Files under root in path order (entries sorted by name, folders entered in place),
    hidden files and folders skipped, symlinked folders not followed."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def read_inputs(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    on_skip: Callable[[str], None] | None = None,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Page | Record | BadRecord]:
    """Every record of every input, in order; unreadable input comes out as a BadRecord.
    Pages come out as Records unless `options.defer_html` asks for them unextracted."""
    options = options or ReadOptions()
    for src, spec in iter_sources(paths, on_skip, exclude):
        if spec is not None:
            yield from spec.read(src, options)
            continue
        # Unknown kind: open once, sniff, and let the reader go on with the same stream (a pipe
        # or stdin cannot be opened twice).
        try:
            stream = src.open()
            spec = sniff_reader(peek_head(stream))
        except DECOMPRESSION_ERRORS as e:
            yield BadRecord(src.name, f"{src.name}: cannot read: {e}", b"", src.name)
            continue
        with stream:
            yield from spec.read(replace(src, stream=stream), options)


__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "READERS",
    "InputSource",
    "Page",
    "ReadOptions",
    "ReaderSpec",
    "read_inputs",
    "reader_for_name",
    "register_reader",
]
