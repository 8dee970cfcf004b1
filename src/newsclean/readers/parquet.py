"""Parquet input (pyarrow): one record per row, read in batches (memory bounded by the batch).

The text comes from the `--text-field` column (crawl record text), or, with `--html-field`,
from that column's HTML through `newsclean.extract`.  The id comes from `--id-field` when the
column exists (else FILE:ROW); a `url` column gives the page URL.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import BadRecord, Record
from .options import ReadOptions, check_text
from .page import Page, deliver
from .sources import InputSource

SUFFIXES = (".parquet", ".pq")
BATCH_ROWS = 256
PARQUET_MAGIC = b"PAR1"


def looks_like_parquet(head: bytes) -> bool:
    return head.startswith(PARQUET_MAGIC)


def read_parquet(src: InputSource, options: ReadOptions) -> Iterator[Page | Record | BadRecord]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    html_field = getattr(options, "html_field", None)
    fast = bool(getattr(options, "fast", False))
    field = html_field or options.text_field
    row = 0
    try:
        if src.path is not None and src.stream is None and src.format_name == src.path.name.lower():
            pf = pq.ParquetFile(src.path)  # a plain file: pyarrow seeks in it
        else:  # stdin or a compressed file: Parquet needs random access, so read it whole
            with src.open() as stream:
                pf = pq.ParquetFile(pa.BufferReader(stream.read()))
        names = set(pf.schema_arrow.names)
        if field not in names:
            have = ", ".join(sorted(names)[:12])
            yield BadRecord(
                src.name,
                f"{src.name}: no column {field!r} (columns: {have}; see --text-field / --html-field)",
            )
            return
        wanted = [c for c in (field, options.id_field, "url") if c in names]
        for batch in pf.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
            cols = {c: batch.column(c).to_pylist() for c in wanted}
            for i in range(batch.num_rows):
                row += 1
                yield _row(cols, i, row, src.name, field, options, html_field, fast)
    except (OSError, pa.ArrowException, ValueError) as e:
        where = f"{src.name}:row {row + 1}"
        yield BadRecord(where, f"{where}: cannot read further, rest of file skipped: {e}", b"")


def _row(cols, i, row, file, field, options, html_field, fast) -> Page | Record | BadRecord:
    where = f"{file}:row {row}"
    rid = cols.get(options.id_field, [None] * (i + 1))[i]
    rid = str(rid) if rid is not None else where
    value = cols[field][i]
    if html_field:
        if not isinstance(value, str | bytes):
            return BadRecord(where, f"{where}: HTML column {field!r} is empty", b"", rid)
        url = cols["url"][i] if "url" in cols else None
        data = value if isinstance(value, bytes) else value.encode("utf-8", "replace")
        return deliver(Page(data, rid, where, url=url, fast=fast), options.defer_html)
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError as e:
            return BadRecord(where, f"{where}: invalid UTF-8 at byte {e.start}", value, rid)
    if not isinstance(value, str):
        return BadRecord(where, f"{where}: text column {field!r} is empty", b"", rid)
    problem = check_text(value)
    if problem:
        return BadRecord(where, f"{where}: {problem}", b"", rid)
    return Record(id=rid, text=value, source=where, meta={"file": file, "row": row})
