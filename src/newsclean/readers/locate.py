"""Where inputs are: local paths, glob patterns, and fsspec URLs (`s3://bucket/crawl/*.warc.gz`).

`expand_inputs(paths)` turns the command line's inputs into the list that is read: a glob
pattern that names no existing file (`'crawl/2025-*/*.jsonl.gz'`, quoted so the shell leaves
it; `**` descends into folders) becomes the files it matches, in sorted order; a URL with a
scheme (`s3://`, `gs://`, `https://`, `memory://` ...) is read through fsspec, and a pattern
in one is expanded by its filesystem's glob; `file://` is a local path.  A pattern that
matches nothing is kept as given, so it is reported as missing.  A URL's filesystem comes
from fsspec and the package the user installs for it (s3fs, gcsfs, ...): nothing is
fetched unless a URL is named.
"""

from __future__ import annotations

import glob
import io
import os
import re
from collections.abc import Iterable
from typing import BinaryIO

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*)://")


def is_url(path: str) -> bool:
    """A URL read through fsspec (a scheme other than file://)."""
    m = _SCHEME.match(path)
    return m is not None and m.group(1).lower() != "file"


def _local(path: str) -> str:
    return path[len("file://") :] if path.lower().startswith("file://") else path


def expand_inputs(paths: Iterable[str]) -> list[str]:
    out: list[str] = []
    for p in paths:
        p = str(p)
        if p == "-":
            out.append(p)
        elif is_url(p):
            out.extend(_expand_url(p) if glob.has_magic(p) else [p])
        else:
            local = _local(p)
            if not os.path.lexists(local) and glob.has_magic(local):
                out.extend(sorted(glob.glob(local, recursive=True)) or [p])
            else:
                out.append(local)
    return out


def _expand_url(url: str) -> list[str]:
    try:
        fs, path = _filesystem(url)
    except (ImportError, ValueError):
        return [url]  # reported when it is opened (or as missing)
    return [fs.unstrip_protocol(f) for f in sorted(fs.glob(path))] or [url]


def _filesystem(url: str):  # -> (fsspec.AbstractFileSystem, str)
    try:
        from fsspec.core import url_to_fs
    except ImportError as e:
        raise ImportError(f"{url}: reading URLs needs fsspec (pip install fsspec)") from e
    return url_to_fs(url)


def url_problem(url: str) -> str | None:
    """Why this URL cannot be read, if it cannot be found (no filesystem, no such file)."""
    try:
        fs, path = _filesystem(url)
    except ImportError as e:
        return str(e).split(": ", 1)[-1]
    except ValueError as e:  # fsspec: an unknown protocol
        return f"no filesystem for it ({e})"
    except Exception as e:  # a filesystem package missing, or its own set-up failing
        return f"cannot open its filesystem: {type(e).__name__}: {e}"
    try:
        return None if fs.isfile(path) else "no such file"
    except Exception as e:
        return f"cannot reach it: {type(e).__name__}: {e}"


def open_url(url: str) -> BinaryIO:
    """The URL's bytes as a buffered, peekable stream (through fsspec)."""
    fs, path = _filesystem(url)
    f = fs.open(path, "rb")
    return io.BufferedReader(f, 1 << 20)  # type: ignore[arg-type]
