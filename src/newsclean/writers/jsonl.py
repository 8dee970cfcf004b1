"""JSON Lines output: one object per article (Article.to_dict()), UTF-8, in input order.

To a file (gzip-compressed when its name ends with `.gz`) or to stdout.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import IO

from ..model import Article

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
                self._fh = gzip.GzipFile(
                    str(final), "wb", compresslevel=6, fileobj=self._raw, mtime=0
                )
            else:
                self._raw = None
                self._fh = open(self.path, "wb")

    def write(self, article: Article) -> None:
        self.write_dict(article.to_dict())

    def write_dict(self, obj: dict) -> None:
        line = json.dumps(obj, ensure_ascii=False) + "\n"
        self._fh.write(line.encode("utf-8"))
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
