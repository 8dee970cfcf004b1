"""The fixed Arrow schema of newsclean's output, and rows that fit it.

Every field of an output record is a column, present in every row (null where a record or a
run does not produce it), so the Parquet writer, `clean_batch` (datasets, Ray Data, pandas)
and any Arrow consumer see one schema whatever the input: `quotes` always carry `parts`,
`dateline` and `paragraph_languages` are columns of their own, and `extra` holds (as JSON)
only keys this schema does not name.

pyarrow loads when the schema is first asked for (`ARROW_SCHEMA`, `arrow_schema()`): a run
that writes JSON lines never needs it, and it costs every process 27 MB.
"""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

# the columns, in order (arrow_schema() gives their types)
FIELDS: tuple[str, ...] = (
    "id", "source", "fetched", "http_status", "verdict", "title", "publisher", "dateline",
    "language", "text", "quotes", "paragraph_languages", "removed", "repaired", "url",
    "canonical_url", "published", "author", "site_name", "cluster", "cluster_size",
    "canonical", "error", "extra",
)


@cache
def arrow_schema() -> pa.Schema:
    """The Arrow schema of FIELDS."""
    import pyarrow as pa

    REMOVED_TYPE = pa.struct(
        [
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("reason", pa.string()),
            ("rule", pa.string()),
            ("text", pa.string()),
        ]
    )
    REPAIRED_TYPE = pa.struct(
        [
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("rule", pa.string()),
            ("text", pa.string()),
            ("fixed", pa.string()),
        ]
    )
    QUOTE_TYPE = pa.struct(
        [
            ("text", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("speaker", pa.string()),
            ("parts", pa.list_(pa.list_(pa.int64()))),
        ]
    )
    PARAGRAPH_LANGUAGE_TYPE = pa.struct(
        [("start", pa.int64()), ("end", pa.int64()), ("language", pa.string())]
    )

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("fetched", pa.string()),
            ("http_status", pa.int32()),
            ("verdict", pa.string()),
            ("title", pa.string()),
            ("publisher", pa.string()),
            ("dateline", pa.string()),
            ("language", pa.string()),
            ("text", pa.string()),
            ("quotes", pa.list_(QUOTE_TYPE)),
            ("paragraph_languages", pa.list_(PARAGRAPH_LANGUAGE_TYPE)),
            ("removed", pa.list_(REMOVED_TYPE)),
            ("repaired", pa.list_(REPAIRED_TYPE)),
            # page metadata (HTML/WARC input) and corpus fields: null where not produced
            ("url", pa.string()),
            ("canonical_url", pa.string()),
            ("published", pa.string()),
            ("author", pa.string()),
            ("site_name", pa.string()),
            ("cluster", pa.string()),
            ("cluster_size", pa.int64()),
            ("canonical", pa.bool_()),
            # clean_batch only: why a row could not be cleaned (its verdict is then null);
            # `clean` sets such input aside instead, so in its output this is always null
            ("error", pa.string()),
            # JSON of any other keys a record carries (null when there are none)
            ("extra", pa.string()),
        ]
    )
    if tuple(schema.names) != FIELDS:
        raise AssertionError("schema.py: FIELDS and the Arrow schema disagree")
    return schema


def __getattr__(name: str) -> Any:
    if name == "ARROW_SCHEMA":
        return arrow_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_NAMED = frozenset(f for f in FIELDS if f != "extra")
# list-valued fields: [] rather than null when a record has none
_LISTS = ("quotes", "removed", "repaired")


def to_row(obj: dict[str, Any]) -> dict[str, Any]:
    """A record (Article.to_dict()) as a row of ARROW_SCHEMA: every field present, in schema
    order; keys the schema does not name go, as JSON, to `extra`."""
    row = {f: obj.get(f) for f in FIELDS}
    for f in _LISTS:
        if row[f] is None:
            row[f] = []
    rest = {k: v for k, v in obj.items() if k not in _NAMED}
    row["extra"] = json.dumps(rest, ensure_ascii=False, default=str) if rest else None
    return row
