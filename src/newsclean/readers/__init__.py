"""Readers: turn input paths into a stream of Records (or BadRecords, never exceptions).

`read_inputs(paths, options)` expands directories (recursively, sorted, hidden entries skipped),
reads `-` as stdin, a URL (`s3://...`, any fsspec filesystem) through fsspec (see locate.py
for glob patterns and URLs: `expand_inputs`), and hands each file to the reader chosen from the dispatch table READERS:

1. by file name: the first reader one of whose suffixes ends the name (compression suffixes
   `.gz` / `.zst` are ignored for this; the bytes are decompressed whatever the name says);
2. otherwise (stdin, or a file named explicitly with an unknown suffix) by content: the first
   reader whose `sniff` accepts the leading bytes; the text-record reader accepts anything.

Inside a directory, only files with a registered suffix are read; others are reported through
`on_skip` (the CLI prints them), so nothing is dropped silently.  So are the paths a walk
cannot read, through `on_unreadable(path, why)`: a folder that cannot be listed, a dangling
symlink, a symlink loop, a symlink to a folder (not followed), a named pipe, socket or device
(a pipe inside a folder would block the run; named on the command line, it is read).

To add a format (HTML, WARC, Parquet, ...): write `read_x(src: InputSource, options) ->
Iterator[Record | BadRecord]` in its own module and add one `ReaderSpec` to READERS below (or
call `register_reader`); put it before `text` so its sniffer is asked first.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import BadRecord, Record
from . import html_files, jsonl, jsonl_html, parquet, text_records, warc
from .locate import expand_inputs, is_url
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
    on_unreadable: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[InputSource, ReaderSpec | None]]:
    """Expand paths into (source, reader by name or None = sniff), in a stable order.

    `exclude`: files a directory walk must not read (the run's own output and set-aside file,
    which may sit inside an input directory and grow while it is read); compared by path and,
    for those that exist, by device and inode (a hard link or symlink to them is skipped too).
    """
    excluded = _Excluded(exclude)
    for p in paths:
        if str(p) == "-":
            yield InputSource.stdin(), None
            continue
        if is_url(str(p)):
            src = InputSource.remote(str(p))
            yield src, reader_for_name(src.format_name)
            continue
        path = Path(p)
        if path.is_dir():
            for f in walk_files(path, on_unreadable):
                if excluded.has(f):
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


class _Excluded:
    def __init__(self, paths: Iterable[str | Path]) -> None:
        self.paths: set[str] = set()
        self.inodes: set[tuple[int, int]] = set()
        self.folders: list[str] = []  # an output folder (`clean -o DIR`): all under it
        for x in paths:
            self.paths.add(os.path.abspath(x))
            if os.path.isdir(x):
                self.folders.append(os.path.join(os.path.abspath(x), ""))
            try:
                st = os.stat(x)
                self.inodes.add((st.st_dev, st.st_ino))
            except OSError:
                pass

    def has(self, f: Path) -> bool:
        if not (self.paths or self.inodes):
            return False
        if os.path.abspath(f) in self.paths:
            return True
        if any(os.path.abspath(f).startswith(d) for d in self.folders):
            return True
        try:
            st = os.stat(f)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self.inodes


def walk_files(
    root: Path, on_unreadable: Callable[[str, str], None] | None = None
) -> Iterator[Path]:
    """Files under root in path order (entries sorted by name, folders entered in place),
    hidden files and folders skipped, symlinked folders not followed; what cannot be read
    as a file goes to `on_unreadable(path, why)`."""

    def skip(path: str, why: str) -> None:
        if on_unreadable is not None:
            on_unreadable(path, why)

    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        skip(str(root), f"cannot list this folder: {e.strerror or e}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk_files(Path(entry.path), on_unreadable)
                continue
            if entry.is_file(follow_symlinks=False):
                yield Path(entry.path)
                continue
            if entry.is_symlink():
                try:
                    mode = os.stat(entry.path).st_mode
                except OSError as e:
                    if e.errno == errno.ELOOP:
                        skip(entry.path, "a symlink loop")
                    elif e.errno == errno.ENOENT:
                        skip(entry.path, "a dangling symlink (its target does not exist)")
                    else:
                        skip(entry.path, f"a symlink whose target cannot be read: {e.strerror}")
                    continue
                if stat.S_ISREG(mode):
                    yield Path(entry.path)
                elif stat.S_ISDIR(mode):
                    skip(entry.path, "a symlink to a folder (not followed; name it to read it)")
                else:
                    skip(entry.path, f"a symlink to {_kind_of(mode)} (not read)")
                continue
            skip(entry.path, f"{_kind_of(entry.stat(follow_symlinks=False).st_mode)} (not read; "
                             "name it to read it)")
        except OSError as e:
            skip(entry.path, f"cannot read: {e.strerror or e}")


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_inputs(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    on_skip: Callable[[str], None] | None = None,
    exclude: Iterable[str | Path] = (),
    on_unreadable: Callable[[str, str], None] | None = None,
) -> Iterator[Page | Record | BadRecord]:
    """Every record of every input, in order; unreadable input comes out as a BadRecord.
    Pages come out as Records unless `options.defer_html` asks for them unextracted."""
    for _name, items in read_sources(paths, options, on_skip, exclude, on_unreadable):
        yield from items


def read_sources(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    on_skip: Callable[[str], None] | None = None,
    exclude: Iterable[str | Path] = (),
    on_unreadable: Callable[[str, str], None] | None = None,
) -> Iterator[tuple[str, Iterator[Page | Record | BadRecord]]]:
    """As read_inputs, one (input name, its items) per input file: a file whose items are
    not iterated is not opened (a resumed run skips the files of its finished shards)."""
    options = options or ReadOptions()
    for src, spec in iter_sources(paths, on_skip, exclude, on_unreadable):
        yield src.name, _read_source(src, spec, options)


def _read_source(
    src: InputSource, spec: ReaderSpec | None, options: ReadOptions
) -> Iterator[Page | Record | BadRecord]:
    if spec is not None:
        yield from spec.read(src, options)
        return
    # Unknown kind: open once, sniff, and let the reader go on with the same stream (a pipe
    # or stdin cannot be opened twice).
    try:
        stream = src.open()
        spec = sniff_reader(peek_head(stream))
    except DECOMPRESSION_ERRORS as e:
        yield BadRecord(src.name, f"{src.name}: cannot read: {e}", b"", src.name)
        return
    with stream:
        yield from spec.read(replace(src, stream=stream), options)


__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "READERS",
    "InputSource",
    "Page",
    "ReadOptions",
    "ReaderSpec",
    "expand_inputs",
    "read_inputs",
    "read_sources",
    "reader_for_name",
    "register_reader",
]
