"""The set-aside file: input that could not be cleaned, kept with its provenance and raw bytes.

One JSON object per bad record, in input order:
`{"id", "source", "error", "raw_base64", "raw_bytes", "raw_truncated"}` -- `source` is
`file:line` for JSONL and `file` for text records, `raw_base64` the bytes as read (for a record
set aside as too large, only its first 64 KiB; then `raw_truncated` is true).

The file is created only when something is set aside; a file left at the same path by an
earlier run is removed when the run starts, so what is there always belongs to this run.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import IO

from .model import BadRecord
from .readers.options import TOO_LARGE_MARK

# Names an output file can end with; stripped to name its set-aside file beside it.
_OUTPUT_SUFFIXES = (".gz", ".zst", ".jsonl", ".ndjson", ".json", ".parquet")
STDOUT_SET_ASIDE = "newsclean.setaside.jsonl"


def default_set_aside_path(output: str | None) -> str:
    """`out/run.jsonl.gz` -> `out/run.setaside.jsonl`; stdout -> ./newsclean.setaside.jsonl."""
    if output is None or output == "-":
        return STDOUT_SET_ASIDE
    base = output
    changed = True
    while changed:
        changed = False
        for suf in _OUTPUT_SUFFIXES:
            if base.lower().endswith(suf) and len(base) > len(suf):
                base = base[: -len(suf)]
                changed = True
    return base + ".setaside.jsonl"


def set_aside_entry(bad: BadRecord) -> dict[str, object]:
    # readers keep only a prefix of an oversized record (see readers.options)
    truncated = TOO_LARGE_MARK in bad.error
    return {
        "id": bad.id,
        "source": bad.source,
        "error": bad.error,
        "raw_base64": base64.b64encode(bad.raw).decode("ascii"),
        "raw_bytes": len(bad.raw),
        "raw_truncated": truncated,
    }


class SetAsideWriter:
    """Appends BadRecords to a JSONL file that is created on the first one."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.count = 0
        self._fh: IO[str] | None = None
        if self.path.is_file():
            self.path.unlink()

    def write(self, bad: BadRecord) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = open(self.path, "w", encoding="utf-8")
        self._fh.write(json.dumps(set_aside_entry(bad), ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> SetAsideWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
