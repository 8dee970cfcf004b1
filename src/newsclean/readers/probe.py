"""Read options checked before a run: a wrong `--text-field` is a usage error, not a set-aside.

Without this check a JSONL input whose records keep their text under another name is read
line by line, every line set aside with a base64 copy of its bytes, and the run ends with
"nothing readable": the reason is buried in the set-aside file.  `field_problem` looks at the
first records of each JSONL input (named, or found in an input folder) and at each Parquet
input's columns, and returns one line naming the file, the field asked for and the fields
there are, when none of those first records has the field.  It reads at most PROBE_LINES
non-blank lines of a file (decompressing only their bytes), so it costs nothing on a big run.
Stdin is never probed (it cannot be read twice).
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path

from . import iter_sources
from .locate import is_url
from .options import ReadOptions
from .sources import DECOMPRESSION_ERRORS, decompressed

PROBE_LINES = 20
_READ_ERRORS: tuple[type[BaseException], ...] = (OSError, ValueError, *DECOMPRESSION_ERRORS)


def field_problem(paths: Iterable[str], options: ReadOptions) -> str | None:
    """Why the read options cannot read these inputs (one line), or None."""
    field = options.html_field or options.text_field
    flag = "--html-field" if options.html_field else "--text-field"
    for src, spec in iter_sources([p for p in paths if p != "-" and not is_url(p)]):
        if spec is None or src.path is None or spec.name not in ("jsonl", "parquet"):
            continue
        try:
            if spec.name == "parquet":
                why = _parquet_problem(src.path, field)
            else:
                why = _jsonl_problem(src.path, field, options.id_field)
        except _READ_ERRORS:
            continue  # unreadable input is the reader's to report, record by record
        if why:
            return f"{src.name}: {why}; use {flag} to name the field that holds the " + (
                "page HTML" if options.html_field else "record text")
    return None


def _jsonl_problem(path: Path, field: str, id_field: str) -> str | None:
    seen: dict[str, None] = {}
    objects = 0
    with open(path, "rb") as raw:
        stream = decompressed(io.BufferedReader(raw))  # type: ignore[arg-type]
        lines = 0
        while lines < PROBE_LINES:
            line = stream.readline(1 << 24)
            if not line:
                break
            if not line.strip():
                continue
            lines += 1
            if not line.endswith(b"\n") and len(line) >= 1 << 24:
                return None  # a huge record: the reader judges it
            try:
                obj = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if not isinstance(obj, dict):
                continue
            if {"error", "raw_base64"} <= obj.keys():
                return None  # newsclean's own set-aside file (a run's, inside an input folder)
            objects += 1
            if field in obj:
                return None
            for k in obj:
                seen.setdefault(str(k), None)
    if not objects:
        return None
    fields = ", ".join(list(seen)[:12]) + (", ..." if len(seen) > 12 else "")
    n = "its first record has no" if objects == 1 else f"none of its first {objects} records has a"
    return f"{n} field {field!r} (fields: {fields})"


def _parquet_problem(path: Path, field: str) -> str | None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    with open(path, "rb") as f:
        if f.read(4) != b"PAR1":
            return None  # compressed or not Parquet: the reader sees to it
    try:
        names = pq.ParquetFile(path).schema_arrow.names
    except pa.ArrowException:
        return None
    if field in names:
        return None
    return f"no column {field!r} (columns: {', '.join(names[:12])})"
