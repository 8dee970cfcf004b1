"""Columns in, columns out: `clean_batch` for datasets.map(batched=True), Ray Data's
map_batches and pandas.

A batch is a mapping of column name to an equally long sequence (list, numpy array, pandas
Series), or a pyarrow Table or pandas DataFrame.  The result holds every column of `newsclean.ARROW_SCHEMA` -- one row per input row,
in order, each field present (null where a record has none) -- and every other input column
unchanged, so the same code feeds an Arrow table, a Hugging Face dataset or a DataFrame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from numbers import Integral
from typing import Any

from .model import Record
from .pipeline import clean_record
from .readers.jsonl import source_fields
from .readers.options import check_text
from .schema import FIELDS, to_row


def clean_batch(
    batch: Mapping[str, Sequence[Any]] | Any,
    text_field: str = "text",
    id_field: str = "id",
    html_field: str | None = None,
    enrich: bool = True,
    *,
    repair_encoding: bool = False,
    fast: bool = False,
) -> dict[str, list[Any]]:
    """Clean every row of a batch of columns; see the module doc.

    text_field: the column with the record text (a crawl record, header line optional), or,
    with html_field, the column with each row's page (str or bytes), extracted as `clean_html`
    does (fast=True: resiliparse alone).  id_field: the record ids (str or int; a row without
    one gets its row number in the batch).  A `url` column gives each page's URL; `site`,
    `domain`, `host` or `source` its site, as in JSONL input.  A row that cannot be cleaned (no
    text, text with a NUL character or an unpaired surrogate, a page that is not one) gets
    null `verdict` and `text` and the reason in `error`; nothing is raised for bad rows."""
    columns = _columns(batch)
    field = html_field or text_field
    n = _length(columns)
    if field not in columns and n:
        have = ", ".join(sorted(columns)[:12])
        raise KeyError(f"no column {field!r} in the batch (columns: {have})")
    rows = [_clean_row(columns, i, field, id_field, html_field, enrich, repair_encoding, fast)
            for i in range(n)]
    out: dict[str, list[Any]] = {k: v for k, v in columns.items() if k not in FIELDS}
    for f in FIELDS:
        out[f] = [r[f] for r in rows]
    return out


def clean_table(
    table: Any,
    text_field: str = "text",
    id_field: str = "id",
    html_field: str | None = None,
    enrich: bool = True,
    *,
    repair_encoding: bool = False,
    fast: bool = False,
) -> Any:
    """clean_batch for a pyarrow Table or RecordBatch, returning a pyarrow Table whose columns
    are typed by ARROW_SCHEMA (the input's other columns first, with their own types): for
    `datasets`' `ds.with_format("arrow").map(clean_table, batched=True)` and Ray Data's
    `map_batches(clean_table, batch_format="pyarrow")`, where a column that is null in a
    whole batch still has its type."""
    import pyarrow as pa

    from .schema import ARROW_SCHEMA

    out = clean_batch(table, text_field, id_field, html_field, enrich,
                      repair_encoding=repair_encoding, fast=fast)
    kept = [table.schema.field(k) for k in out if k not in FIELDS]
    return pa.Table.from_pydict(out, schema=pa.schema([*kept, *ARROW_SCHEMA]))


def _columns(batch: Any) -> dict[str, list[Any]]:
    """The batch as {column: list}: a mapping of sequences, a pyarrow Table or RecordBatch
    (Ray Data's batch_format="pyarrow"), or a pandas DataFrame (batch_format="pandas")."""
    if hasattr(batch, "to_pydict"):
        return dict(batch.to_pydict())
    if hasattr(batch, "to_dict") and hasattr(batch, "columns"):
        return dict(batch.to_dict("list"))
    return {k: list(v) for k, v in batch.items()}


def _length(columns: dict[str, list[Any]]) -> int:
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"batch columns differ in length: {sorted(lengths)}")
    return lengths.pop() if lengths else 0


def _clean_row(
    columns: dict[str, list[Any]],
    i: int,
    field: str,
    id_field: str,
    html_field: str | None,
    enrich: bool,
    repair_encoding: bool,
    fast: bool,
) -> dict[str, Any]:
    raw_id = columns[id_field][i] if id_field in columns else None
    if isinstance(raw_id, str):
        rid = raw_id
    elif isinstance(raw_id, Integral) and not isinstance(raw_id, bool):
        rid = str(int(raw_id))
    else:
        rid = f"row {i}"
    row = {k: v[i] for k, v in columns.items()}
    value = row[field]
    if html_field:
        if not isinstance(value, str | bytes) or not value:
            return _error(rid, f"HTML column {field!r} is empty")
        from .extract import html_record

        url = row.get("url") if isinstance(row.get("url"), str) else None
        rec = html_record(value, id=rid, source=rid, url=url, fast=fast)
        if not isinstance(rec, Record):
            return _error(rid, rec.error)
    else:
        if isinstance(value, bytes):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError as e:
                return _error(rid, f"{rid}: invalid UTF-8 at byte {e.start}")
        if not isinstance(value, str):
            return _error(rid, f"{rid}: text column {field!r} is not a string")
        problem = check_text(value)
        if problem:
            return _error(rid, f"{rid}: {problem}")
        rec = Record(id=rid, text=value, source=rid, meta=dict(source_fields(row)))
    try:
        art = clean_record(rec, enrich=enrich, repair_encoding=repair_encoding)
    except Exception as e:  # a bug costs one row, not the batch (as in `clean`)
        return _error(rid, f"{rid}: internal error while cleaning: {type(e).__name__}: {e}")
    return to_row(art.to_dict())


def _error(rid: str, why: str) -> dict[str, Any]:
    row = to_row({"id": rid, "source": rid, "error": why})
    return row
