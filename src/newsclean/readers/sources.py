"""Input sources: a file or stdin, opened as bytes, with gzip / zstd undone transparently.

Compression is recognised by its magic bytes, not the file name, so `feed.jsonl` that is really
gzip still reads, and `.gz` names only matter for choosing the record format.
"""

from __future__ import annotations

import gzip
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COMPRESSION_SUFFIXES = (".gz", ".zst", ".zstd")

# Errors a decompressor raises on a corrupt or truncated stream (zstandard adds its own below).
DECOMPRESSION_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, gzip.BadGzipFile)
try:  # zstandard is a declared dependency; guard only so a broken install reads plain files
    import zstandard as _zstd

    DECOMPRESSION_ERRORS = (*DECOMPRESSION_ERRORS, _zstd.ZstdError)
except ImportError:  # pragma: no cover
    _zstd = None


@dataclass(frozen=True, slots=True)
class InputSource:
    """One input: a file path, or stdin when `path` is None."""

    name: str  # provenance label: the path as given, or "<stdin>"
    path: Path | None

    @classmethod
    def stdin(cls) -> InputSource:
        return cls("<stdin>", None)

    @classmethod
    def file(cls, path: str | Path) -> InputSource:
        return cls(str(path), Path(path))

    @property
    def format_name(self) -> str:
        """The lower-cased file name without a compression suffix ('' for stdin)."""
        if self.path is None:
            return ""
        name = self.path.name.lower()
        for suf in COMPRESSION_SUFFIXES:
            if name.endswith(suf):
                return name[: -len(suf)]
        return name

    def open(self) -> BinaryIO:
        """The bytes decompressed; the result supports readline(limit) and peek().

        stdin can be read only once, so every open() of it returns the same stream (closing it
        is a no-op): a sniffer's peek and the reader then see the same bytes.
        """
        if self.path is None:
            return _shared_stdin()
        return decompressed(open(self.path, "rb"))


def decompressed(raw: io.BufferedReader) -> BinaryIO:
    """Wrap a buffered byte stream in a gzip / zstd decoder if its magic bytes say so."""
    head = raw.peek(4)[:4]
    if head.startswith(GZIP_MAGIC):
        return io.BufferedReader(gzip.GzipFile(fileobj=raw, mode="rb"))  # type: ignore[arg-type]
    if head.startswith(ZSTD_MAGIC) and _zstd is not None:
        reader = _zstd.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return raw  # type: ignore[return-value]


_stdin: tuple[object, BinaryIO] | None = None


def _shared_stdin() -> BinaryIO:
    global _stdin
    buffer = sys.stdin.buffer
    if _stdin is None or _stdin[0] is not buffer:  # a new sys.stdin (tests swap it)
        _stdin = (buffer, decompressed(buffer))  # type: ignore[arg-type]
    return _Unclosed(_stdin[1])  # type: ignore[return-value]


class _Unclosed:
    """A stream proxy whose close() does nothing (for stdin shared between opens)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def __getattr__(self, name: str):
        return getattr(self._stream, name)

    def __enter__(self) -> _Unclosed:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def close(self) -> None:
        return None


def peek_head(stream: BinaryIO, n: int = 4096) -> bytes:
    """Up to n leading bytes without consuming them (what a sniffer looks at)."""
    peek = getattr(stream, "peek", None)
    if peek is None:
        return b""
    return peek(n)[:n]
