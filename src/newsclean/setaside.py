"""The set-aside file: input that could not be cleaned, kept with its provenance and raw bytes.

One JSON object per bad record, in input order:
`{"id", "source", "error", "raw_base64", "raw_bytes", "raw_truncated"}` -- `source` is
`file:line` for JSONL and `file` for text records, `raw_base64` the bytes as read (for a record
set aside as too large, only its first 64 KiB; then `raw_truncated` is true).

The file is created only when something is set aside; a file left at the same path by an
earlier run is replaced (or removed, when nothing was set aside) when the run ends well, so
what is there always belongs to one run.  It is written under a temporary name and renamed
at the end (outputs.Staged): a run that fails leaves the earlier file as it was.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import IO

from . import fastjson
from .model import BadRecord
from .outputs import OutputError, Staged, describe_os_error
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
    """Appends BadRecords to a JSONL file that is created on the first one.

    commit() puts it in place (or removes a stale file when nothing was set aside);
    discard() drops what was written and leaves the path as it was.  A plain close()
    (or the with-block) commits unless the block raised."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.count = 0
        self._staged: Staged | None = None
        self._fh: IO[str] | None = None

    def write(self, bad: BadRecord) -> None:
        if self._fh is None:
            self._staged = Staged(self.path)
            self._fh = open(self._staged.path, "w", encoding="utf-8")
        line = fastjson.dumps(set_aside_entry(bad)).decode("utf-8") + "\n"
        try:
            self._fh.write(line)
        except OSError as e:
            raise OutputError(f"cannot write {self.path}: {describe_os_error(e)}") from e
        self.count += 1

    def commit(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError as e:
                self.discard()
                raise OutputError(f"cannot write {self.path}: {describe_os_error(e)}") from e
            self._fh = None
        if self._staged is not None:
            self._staged.commit()
        elif self.path.is_file():
            self.path.unlink()  # an earlier run's: nothing of this run's to put there

    def discard(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
            self._fh = None
        if self._staged is not None:
            self._staged.discard()

    def close(self) -> None:
        self.commit()

    def __enter__(self) -> SetAsideWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()
