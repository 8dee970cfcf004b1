"""JSON Lines output: one object per article (Article.to_dict()), UTF-8, in input order.

To a file (gzip-compressed when its name ends with `.gz`) or to stdout.  Lines are compact
JSON from orjson (newsclean.fastjson); gzip goes through ISA-L's deflate (isal.igzip, level
3: about ten times faster than zlib at level 6 for output about a tenth larger; plain zlib
when isal is not installed).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from typing import IO

from .. import fastjson
from ..model import Article

try:
    from isal.igzip import GzipFile as _GzipFile

    GZIP_LEVEL = 3  # isal's best; its levels are 0-3
except ImportError:  # pragma: no cover - isal is a dependency; a broken install still works
    from gzip import GzipFile as _GzipFile  # type: ignore[assignment]

    GZIP_LEVEL = 6

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json")


class JsonlWriter:
    def __init__(self, path: str | Path | None, name: str | Path | None = None) -> None:
        """path None or "-" writes to stdout.  name: the file's final name when `path` is a
        temporary file renamed to it later (it decides gzip, and goes in the gzip header)."""
        self.path = None if path is None or str(path) == "-" else Path(path)
        self.count = 0
        self._own = self.path is not None
        if self.path is None:
            self._fh: IO[bytes] | gzip.GzipFile = sys.stdout.buffer
        else:
            final = Path(name) if name is not None else self.path
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if final.name.lower().endswith(".gz"):
                # mtime=0: same input, same output bytes
                self._raw: IO[bytes] | None = open(self.path, "wb")
                self._fh = _GzipFile(
                    str(final), "wb", compresslevel=GZIP_LEVEL, fileobj=self._raw, mtime=0
                )
            else:
                self._raw = None
                self._fh = open(self.path, "wb")

    def write(self, article: Article) -> None:
        self.write_dict(article.to_dict())

    def write_dict(self, obj: dict) -> None:
        self._fh.write(fastjson.dumps(obj) + b"\n")
        self.count += 1

    def write_line(self, line: bytes) -> None:
        """One article already written as its line (clean_run.Encoded: by a worker)."""
        self._fh.write(line)
        self.count += 1

    def close(self) -> None:
        if self._own:
            try:
                self._fh.close()
            finally:
                if self._raw is not None:
                    self._raw.close()
        else:
            self._fh.flush()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
