"""Parquet output (pyarrow): one row per article, written in row groups of ROWS_PER_GROUP.

The columns are `newsclean.ARROW_SCHEMA` (newsclean/schema.py): the Article fields, `quotes`,
`paragraph_languages`, `removed` and `repaired` as lists of structs, the page metadata and
cluster fields (null where a run does not produce them), and `extra` (JSON of any other keys
Article.to_dict() adds), so the schema is fixed whatever the input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Article
from ..schema import arrow_schema, to_row
from . import PARQUET_SUFFIXES as SUFFIXES  # noqa: F401  (this module's name for them)

ROWS_PER_GROUP = 2000

SCHEMA = arrow_schema()  # the name this module gave it first


class ParquetWriter:
    def __init__(self, path: str | Path | None, name: str | Path | None = None) -> None:
        if path is None or str(path) == "-":
            raise ValueError("Parquet output needs a file name (-o out.parquet)")
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.count = 0
        self._rows: list[dict[str, Any]] = []
        self._writer = pq.ParquetWriter(self.path, SCHEMA, compression="zstd")

    def write(self, article: Article) -> None:
        self.write_dict(article.to_dict())

    def write_dict(self, obj: dict[str, Any]) -> None:
        self._rows.append(to_row(obj))
        self.count += 1
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=SCHEMA))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
