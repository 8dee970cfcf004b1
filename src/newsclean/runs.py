"""Reading a run: what `newsclean clean` wrote, for `report`, `browse`, `show` and `restore`.

A run is one output file -- JSONL (plain, gzip or zstd, recognised by content) or Parquet --
or a directory of shards (`*.jsonl`, `*.jsonl.gz`, `*.jsonl.zst`, `*.ndjson`, `*.parquet`),
read in sorted path order, hidden and temporary files (`.name.partial`) and done markers
skipped.  Set-aside files (`*.setaside.jsonl`) are not articles: `RunFiles.set_aside` lists
them (the one beside an output file, and those in a shard directory) so a report can count them.

`iter_run(path, problems)` yields each article as the dict `clean` wrote (a Parquet row
turned back into that dict: its `extra` column merged in, the null columns of fields a run
did not produce left out).  A line that is not an article object is not raised: it goes to
`problems` ("file:line: why") and the reading goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .model import Article, Quote, Reason, Removed, Repaired, Verdict
from .readers.jsonl import iter_capped_lines
from .readers.sources import DECOMPRESSION_ERRORS, InputSource
from .setaside import default_set_aside_path

_READ_ERRORS: tuple[type[BaseException], ...] = (OSError, *DECOMPRESSION_ERRORS)

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst")
PARQUET_SUFFIXES = (".parquet", ".pq")
SHARD_SUFFIXES = JSONL_SUFFIXES + PARQUET_SUFFIXES
SET_ASIDE_MARK = ".setaside."
ARTICLE_KEYS = frozenset({"verdict", "removed", "text"})
PARQUET_MAGIC = b"PAR1"
# fields every article has; the optional ones (url, cluster, ...) are dropped when null
_ALWAYS = ("id", "source", "fetched", "http_status", "verdict", "title", "publisher",
           "language", "text", "quotes", "removed", "repaired")
_MAX_LINE = 1 << 31  # an output line is as long as its record: no cap below the file


class RunError(ValueError):
    """A path that is not a run (no such file, or not newsclean's output): one line."""


@dataclass(slots=True)
class RunFiles:
    """The files of a run: its shards in reading order and the set-aside files beside them."""

    path: str
    shards: list[Path] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # files in a run folder that are not shards


def is_shard_name(name: str) -> bool:
    low = name.lower()
    return (
        not name.startswith(".")
        and SET_ASIDE_MARK not in low
        and any(low.endswith(s) for s in SHARD_SUFFIXES)
    )


def run_files(path: str | os.PathLike[str]) -> RunFiles:
    """The shards of the run at `path` (a file or a shard directory); RunError if none."""
    p = Path(path)
    files = RunFiles(str(path))
    if p.is_dir():
        for f in _walk(p):
            low = f.name.lower()
            if SET_ASIDE_MARK in low and low.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst")):
                files.set_aside.append(f)
            elif is_shard_name(f.name):
                files.shards.append(f)
            else:
                files.skipped.append(f)
        if not files.shards:
            raise RunError(f"{path}: no output of newsclean clean in this folder "
                           f"(shards end with {', '.join(SHARD_SUFFIXES[:3])} or .parquet)")
        return files
    if not p.exists():
        raise RunError(f"no such file or directory: {path}")
    if not p.is_file():
        raise RunError(f"{path} is not a file or a folder")
    files.shards.append(p)
    beside = Path(default_set_aside_path(str(p)))
    if beside.is_file() and beside != p:
        files.set_aside.append(beside)
    return files


def _walk(root: Path) -> Iterator[Path]:
    """Files under root, sorted by path, hidden entries skipped, symlinked folders not followed."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith(".") or e.name.endswith((".partial", ".tmp")):
            continue
        if e.is_dir(follow_symlinks=False):
            yield from _walk(Path(e.path))
        elif e.is_file():
            yield Path(e.path)


def is_run(path: str | os.PathLike[str]) -> bool:
    """Whether `path` holds newsclean clean's output (an article file, or a folder whose
    files are article shards), as opposed to input to clean."""
    p = Path(path)
    try:
        if p.is_dir():
            shards = [f for f in _walk(p) if is_shard_name(f.name)]
            return bool(shards) and all(_is_article_file(f) for f in shards[:8])
        return p.is_file() and _is_article_file(p)
    except OSError:
        return False


def _is_article_file(p: Path) -> bool:
    from .outputs import OUTPUT, is_ours

    with open(p, "rb") as f:
        if not f.read(1):
            return False  # an empty file is anybody's
    return is_ours(str(p), OUTPUT)


def iter_run(
    path: str | os.PathLike[str] | RunFiles, problems: list[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Every article of the run, in order, as the dict `clean` wrote."""
    files = path if isinstance(path, RunFiles) else run_files(path)
    problems = problems if problems is not None else []
    for shard in files.shards:
        yield from iter_file(shard, problems)


def iter_file(path: Path, problems: list[str]) -> Iterator[dict[str, Any]]:
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError as e:
        problems.append(f"{path}: cannot read: {e.strerror or e}")
        return
    if head == PARQUET_MAGIC:
        yield from _iter_parquet(path, problems)
    else:
        yield from _iter_jsonl(path, problems)


def _iter_jsonl(path: Path, problems: list[str]) -> Iterator[dict[str, Any]]:
    line_no = 0
    try:
        with InputSource.file(path).open() as stream:
            for line_no, raw, _ in iter_capped_lines(stream, _MAX_LINE):
                if not raw.strip():
                    continue
                where = f"{path}:{line_no}"
                try:
                    obj = json.loads(raw)
                except (ValueError, RecursionError) as e:
                    problems.append(f"{where}: not JSON: {str(e)[:120]}")
                    continue
                why = article_problem(obj)
                if why:
                    problems.append(f"{where}: {why}")
                    continue
                yield obj
    except DECOMPRESSION_ERRORS as e:
        problems.append(f"{path}:{line_no + 1}: cannot read further: {e}")
    except OSError as e:
        problems.append(f"{path}: cannot read: {e.strerror or e}")


def _iter_parquet(path: Path, problems: list[str]) -> Iterator[dict[str, Any]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    row = 0
    try:
        pf = pq.ParquetFile(path)
        names = set(pf.schema_arrow.names)
        if not ARTICLE_KEYS <= names:
            problems.append(f"{path}: not newsclean output (columns: "
                            f"{', '.join(sorted(names)[:12])})")
            return
        for batch in pf.iter_batches(batch_size=512):
            for obj in batch.to_pylist():
                row += 1
                yield from_row(obj)
    except (OSError, pa.ArrowException, ValueError) as e:
        problems.append(f"{path}:row {row + 1}: cannot read further: {e}")


def from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as the dict clean writes to JSONL."""
    extra = row.pop("extra", None)
    obj = {k: v for k, v in row.items() if k in _ALWAYS or v is not None}
    for k in ("quotes", "removed", "repaired"):
        obj[k] = obj.get(k) or []
    for q in obj["quotes"]:
        if q.get("parts") is None:
            q.pop("parts", None)
    if extra:
        try:
            more = json.loads(extra)
        except ValueError:
            more = None
        if isinstance(more, dict):
            obj.update(more)
    return obj


def article_problem(obj: Any) -> str | None:
    """Why a decoded line is not an article of clean's output, or None."""
    if not isinstance(obj, dict):
        return "not a JSON object"
    if not ARTICLE_KEYS <= obj.keys():
        if {"error", "raw_base64"} <= obj.keys():
            return "a set-aside entry, not an article"
        return f"not an article of newsclean clean (fields: {', '.join(list(obj)[:8])})"
    if not isinstance(obj["text"], str) or not isinstance(obj["removed"], list):
        return "'text' must be a string and 'removed' a list"
    for r in obj["removed"]:
        if not (isinstance(r, dict) and isinstance(r.get("start"), int)
                and isinstance(r.get("end"), int) and isinstance(r.get("text"), str)):
            return "a removed span without start, end and text"
    return None


def record_text(obj: dict[str, Any]) -> str:
    """The record as read, rebuilt from the article (ValueError when its spans do not fit)."""
    from .apply import restore

    return restore(obj["text"], obj["removed"], obj.get("repaired") or [])


def to_article(obj: dict[str, Any]) -> Article:
    """The Article of a dict clean wrote (fields it does not know go to `extra`)."""
    known = set(_ALWAYS)
    removed = [
        Removed(int(r["start"]), int(r["end"]), cast(Reason, str(r.get("reason") or "?")),
                str(r.get("rule") or ""), str(r.get("text") or ""))
        for r in obj.get("removed") or []
    ]
    repaired = [
        Repaired(int(r["start"]), int(r["end"]), str(r.get("rule") or ""),
                 str(r.get("text") or ""), str(r.get("fixed") or ""))
        for r in obj.get("repaired") or []
    ]
    quotes = [
        Quote(str(q.get("text") or ""), int(q.get("start") or 0), int(q.get("end") or 0),
              q.get("speaker"))
        for q in obj.get("quotes") or [] if isinstance(q, dict)
    ]
    return Article(
        id=str(obj.get("id")),
        source=str(obj.get("source") or ""),
        verdict=cast(Verdict, str(obj.get("verdict"))),
        text=obj["text"],
        removed=removed,
        title=obj.get("title"),
        publisher=obj.get("publisher"),
        fetched=obj.get("fetched"),
        http_status=obj.get("http_status"),
        language=obj.get("language"),
        quotes=quotes,
        repaired=repaired,
        extra={k: v for k, v in obj.items() if k not in known},
    )


def count_set_aside(paths: list[Path], problems: list[str]) -> tuple[int, dict[str, int]]:
    """How many entries the set-aside files hold, and how many per kind of error."""
    from collections import Counter

    kinds: Counter[str] = Counter()
    n = 0
    for p in paths:
        try:
            with InputSource.file(p).open() as stream:
                for _line_no, raw, _ in iter_capped_lines(stream, _MAX_LINE):
                    if not raw.strip():
                        continue
                    try:
                        obj = json.loads(raw)
                    except ValueError:
                        continue
                    if isinstance(obj, dict) and isinstance(obj.get("error"), str):
                        n += 1
                        kinds[error_kind(obj["error"], obj.get("source"))] += 1
        except _READ_ERRORS as e:
            problems.append(f"{p}: cannot read: {e}")
    return n, dict(kinds)


def error_kind(error: str, source: object = None) -> str:
    """A set-aside error without its particulars: 'feed.jsonl:3: malformed JSON: Expecting
    value at column 1' -> 'malformed JSON'."""
    if isinstance(source, str) and error.startswith(source + ": "):
        error = error[len(source) + 2 :]
    else:
        head, sep, rest = error.partition(": ")
        if sep and (":" in head or "/" in head or "." in head):
            error = rest
    return error.split(": ")[0].split(" (")[0][:80] or "?"
