"""Writers: where cleaned articles go.  `open_writer(path)` picks one from WRITERS by file name.

A writer has `write(article)`, `close()`, a `count` of articles written, and is a context
manager.  To add a format (Parquet, ...): write its class in its own module and add one
WriterSpec to WRITERS (or call `register_writer`).  JSONL is the default for stdout and for any
name no other writer claims.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..model import Article
from . import jsonl

PARQUET_SUFFIXES = (".parquet", ".pq")


class ArticleWriter(Protocol):
    count: int

    def write(self, article: Article) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> ArticleWriter: ...

    def __exit__(self, *exc: object) -> None: ...


@dataclass(frozen=True, slots=True)
class WriterSpec:
    name: str
    suffixes: tuple[str, ...]  # lower-case endings of the output file name
    open: Callable[..., ArticleWriter]  # (path, name=None): see open_writer


# The dispatch table; the last entry is the default.
WRITERS: list[WriterSpec] = [
    WriterSpec("parquet", PARQUET_SUFFIXES, lambda *a: _parquet()(*a)),
    WriterSpec("jsonl", jsonl.SUFFIXES, jsonl.JsonlWriter),
]


def _parquet() -> Callable[..., ArticleWriter]:
    # (pyarrow loads only for Parquet output: 27 MB that a run writing JSON lines never needs)
    from .parquet import ParquetWriter

    return ParquetWriter


def register_writer(spec: WriterSpec) -> None:
    """Add a writer ahead of the JSONL default (idempotent by name)."""
    WRITERS[:] = [w for w in WRITERS if w.name != spec.name]
    WRITERS.insert(0, spec)


def open_writer(path: str | Path | None, name: str | Path | None = None) -> ArticleWriter:
    """A writer for this output path (None or "-" = JSONL to stdout).  name: the final name
    when `path` is a temporary file renamed to it later; it chooses the writer."""
    if path is not None and str(path) != "-":
        base = Path(name if name is not None else path).name.lower()
        for spec in WRITERS:
            if any(base.endswith(s) for s in spec.suffixes):
                return spec.open(path, name) if name is not None else spec.open(path)
    return WRITERS[-1].open(path, name) if name is not None else WRITERS[-1].open(path)


__all__ = ["WRITERS", "ArticleWriter", "WriterSpec", "open_writer", "register_writer"]
