"""Parquet output (pyarrow): one row per article, written in row groups of ROWS_PER_GROUP.

Columns: the Article fields (id, source, fetched, http_status, verdict, title, publisher,
language, text), `removed`, `repaired` and `quotes` as lists of structs, the page metadata and cluster
fields (null where a run does not produce them), and `extra` (JSON of any other keys
Article.to_dict() adds), so the schema is fixed whatever the input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Article

SUFFIXES = (".parquet", ".pq")
ROWS_PER_GROUP = 2000

_REMOVED = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("reason", pa.string()),
        ("rule", pa.string()),
        ("text", pa.string()),
    ]
)
_REPAIRED = pa.struct(
    [
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("rule", pa.string()),
        ("text", pa.string()),
        ("fixed", pa.string()),
    ]
)
_QUOTE = pa.struct(
    [
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("speaker", pa.string()),
        ("parts", pa.list_(pa.list_(pa.int64()))),
    ]
)
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("fetched", pa.string()),
        ("http_status", pa.int32()),
        ("verdict", pa.string()),
        ("title", pa.string()),
        ("publisher", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("quotes", pa.list_(_QUOTE)),
        ("removed", pa.list_(_REMOVED)),
        ("repaired", pa.list_(_REPAIRED)),
        # page metadata (HTML/WARC input) and corpus fields: null where not produced
        ("url", pa.string()),
        ("canonical_url", pa.string()),
        ("published", pa.string()),
        ("author", pa.string()),
        ("site_name", pa.string()),
        ("cluster", pa.string()),
        ("cluster_size", pa.int64()),
        ("canonical", pa.bool_()),
        ("extra", pa.string()),
    ]
)
_FIXED = tuple(f.name for f in SCHEMA if f.name != "extra")


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
        row = {k: obj.get(k) for k in _FIXED}
        rest = {k: v for k, v in obj.items() if k not in _FIXED}
        row["extra"] = json.dumps(rest, ensure_ascii=False, default=str) if rest else None
        self._rows.append(row)
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
