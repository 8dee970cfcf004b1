"""Output files that can never destroy an input, nor be left half-written.

Before anything is opened, every file a command will write (`-o`, the set-aside file, a
boilerplate model it saves, the store) is checked against every input (named, or found in
an input folder -- by path and by inode, so links count) and against the other outputs.
Writing goes to a hidden temporary file beside the final one, renamed into place when the
run succeeded: a run that is refused or fails (a locked store, a full disk, Ctrl-C) leaves
the files it would have replaced as they were.

A file in an input folder at an output's path is one of two things: this tool's own output
of an earlier run (recognised by its first line: the fields of an article, of a set-aside
entry, of a boilerplate model) -- it is left unread and replaced, so a run can be repeated
-- or input, and then the run is refused.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)

OUTPUT = "output"
SET_ASIDE = "set-aside"
MODEL = "model"
STORE = "store"
STATS = "stats"


class PathProblem(ValueError):
    """An output path that would overwrite an input or another output (a usage error)."""


class OutputError(OSError):
    """An output that cannot be written: where, and why, in one line."""


@dataclass(frozen=True, slots=True)
class Output:
    path: str
    flag: str  # how the user named it, for messages: "-o", "--set-aside", ...
    kind: str  # OUTPUT, SET_ASIDE, MODEL or STORE: what a file of ours there looks like
    named: bool = True  # False for a default path the user did not choose (for messages)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def check_outputs(inputs: Iterable[str], outputs: Iterable[Output]) -> None:
    """Raise PathProblem if an output is an input or another output, or would replace a
    file that is input in an input folder."""
    from .readers import reader_for_name, walk_files
    from .readers.sources import InputSource

    inputs = [p for p in inputs if p != "-"]
    outputs = [o for o in outputs if o.path and o.path != "-"]
    seen: dict[str, Output] = {}
    seen_ids: dict[tuple[int, int], Output] = {}
    for o in outputs:
        if os.path.isdir(o.path):
            raise PathProblem(f"{o.flag} {o.path} is a folder, not a file")
        key = os.path.abspath(o.path)
        ident = _identity(o.path)
        other = seen.get(key) or (seen_ids.get(ident) if ident else None)
        if other is not None:
            raise PathProblem(f"{other.flag} and {o.flag} name the same file {o.path}: "
                              "one would overwrite the other")
        seen[key] = o
        if ident:
            seen_ids[ident] = o
    named_paths = {os.path.abspath(p): p for p in inputs}
    named_ids = {ident: p for p in inputs if (ident := _identity(p)) is not None}
    folders = [p for p in inputs if os.path.isdir(p)]
    existing = [o for o in outputs if _identity(o.path) is not None]
    in_folders: dict[tuple[int, int], str] = {}
    if existing and folders:  # only then is a walk needed: a new file cannot be an input
        for folder in folders:
            for f in walk_files(Path(folder)):
                if reader_for_name(InputSource.file(f).format_name) is not None:
                    ident = _identity(str(f))
                    if ident is not None:
                        in_folders.setdefault(ident, str(f))
    for o in outputs:
        ident = _identity(o.path)
        same = (named_ids.get(ident) if ident else None) or named_paths.get(
            os.path.abspath(o.path)
        )
        if same is not None:
            raise PathProblem(f"{o.flag} {o.path} is also an input ({same}): it would be "
                              "overwritten")
        if ident is None:
            continue
        found = in_folders.get(ident)
        if found is not None and not is_ours(o.path, o.kind):
            raise PathProblem(
                f"{o.flag} {o.path} is an input file in an input folder ({found}) and not an "
                f"output of newsclean: it would be overwritten; write elsewhere"
            )


def is_ours(path: str, kind: str) -> bool:
    """Whether the file at `path` is empty or looks like this tool's `kind` of output."""
    try:
        with open(path, "rb") as f:
            head = f.read(1 << 16)
            if not head:
                return True
            if kind == OUTPUT and head.startswith(b"PAR1"):
                import pyarrow.parquet as pq

                names = set(pq.read_schema(path).names)
                return {"verdict", "removed", "text"} <= names
            if head.startswith(b"\x1f\x8b"):
                f.seek(0)
                head = gzip.GzipFile(fileobj=f).read(1 << 16)
    except (OSError, EOFError, ValueError):
        return False
    if kind == STORE:
        return head.startswith(b"SQLite format 3")
    whole = kind in (MODEL, STATS)
    first = head.split(b"\n", 1)[0]
    try:
        obj = json.loads(first if not whole else head)
    except ValueError:
        if not whole:
            return False
        obj = None
        try:  # a model is one indented JSON document: read it whole
            obj = json.loads(Path(path).read_bytes())
        except (OSError, ValueError):
            return False
    if not isinstance(obj, dict):
        return False
    if kind == OUTPUT:
        return {"verdict", "removed", "text"} <= obj.keys()
    if kind == SET_ASIDE:
        return {"error", "raw_base64"} <= obj.keys()
    if kind == MODEL:
        return obj.get("format") == "newsclean-boilerplate"
    if kind == STATS:
        return obj.get("format") == "newsclean-stats"
    return False


class Staged:
    """A file written under a hidden temporary name beside its final path, moved into
    place by commit(); discard() removes it."""

    def __init__(self, final: str | os.PathLike[str]) -> None:
        self.final = Path(final)
        folder = self.final.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.final.name}.", suffix=".partial",
                                       dir=folder)
            os.fchmod(fd, 0o666 & ~_UMASK)  # as a file made by open() would be
            os.close(fd)
        except OSError as e:
            blocking = next((p for p in self.final.parents if p.exists()), None)
            if blocking is not None and not blocking.is_dir():
                why = f"{blocking} is a file, not a folder"
            else:
                why = describe_os_error(e)
            raise OutputError(f"cannot write {self.final}: {why}") from e
        self.path = Path(tmp)
        self.done = False

    def commit(self) -> None:
        try:
            os.replace(self.path, self.final)
        except OSError as e:
            raise OutputError(f"cannot write {self.final}: {describe_os_error(e)}") from e
        self.done = True

    def discard(self) -> None:
        if not self.done:
            self.path.unlink(missing_ok=True)
            self.done = True


def describe_os_error(e: OSError) -> str:
    """'No space left on device' rather than '[Errno 28] No space left on device: ...'."""
    what = e.strerror or str(e)
    name = e.filename
    return f"{what} ({name})" if name and str(name) not in what else what


@contextmanager
def staged(final: str | os.PathLike[str]) -> Iterator[Staged]:
    """Staged(final), committed when the block ends without an exception, else removed."""
    s = Staged(final)
    try:
        yield s
    except BaseException:
        s.discard()
        raise
    s.commit()


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    with staged(path) as s, open(s.path, "w", encoding="utf-8") as f:
        f.write(text)
