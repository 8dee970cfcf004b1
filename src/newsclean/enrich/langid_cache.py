"""py3langid's model, unpacked once at install time so that a process loads it in milliseconds.

py3langid ships its model as LZMA-compressed npz and inflates it in every process that asks
(~0.4 s of CPU: each `clean` worker paid it at start).  `make install` runs
`python -m newsclean.enrich.langid_cache ensure`, which writes the same arrays uncompressed
(.npy) into build/langid/ at the repository root (NEWSCLEAN_LANGID_DIR to put it elsewhere),
with a manifest holding the SHA-256 of py3langid's code and model file they came from.

`load()` gives a `py3langid.langid.LanguageIdentifier` built from those arrays the way
py3langid's own `from_model_file` builds it (the same constructor, the same array types), so
its public `rank` answers exactly as `py3langid.rank`; it gives None -- the caller then uses
`py3langid.rank`, which loads the shipped model -- when the cache is missing, was written
for another py3langid or model, or does not hold what py3langid itself loads.  `ensure`
checks the last by comparing every array with py3langid's own load before it writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from array import array
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import load_model

DIR_ENV = "NEWSCLEAN_LANGID_DIR"
_MANIFEST = "manifest.json"
_PACKAGE = Path(__file__).resolve().parents[1]  # .../newsclean
# (ptc, pc, classes, nextmove, row, output): load_model's order; classes and output are lists
_ARRAYS = ("ptc", "pc", "nextmove", "row")
_LISTS = ("classes", "output")


def default_dir() -> Path:
    """build/langid at the repository root (beside the compiled build, build/mypyc)."""
    return _PACKAGE.parents[1] / "build" / "langid"


def cache_dir() -> Path:
    return Path(os.environ.get(DIR_ENV) or default_dir())


def _model_path() -> Path:
    return MODEL_DIR / MODEL_FILE


def _stamp() -> dict[str, str]:
    """What the cache must have been written from: py3langid's loader and identifier code and
    its model file, by SHA-256 (not by version: importlib.metadata costs ~50 ms to import)."""
    files = {"langid.py": MODEL_DIR / "langid.py", "modelio.py": MODEL_DIR / "modelio.py",
             "model": _model_path()}
    return {name: hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files.items()}


def _typed(values: np.ndarray) -> array[int]:
    """An unsigned numpy array as the stdlib array py3langid's loader makes of it."""
    typecode = {2: "H", 4: "I", 8: "L"}[values.dtype.itemsize]
    out: array[int] = array(typecode)
    if out.itemsize != values.dtype.itemsize:
        raise ValueError(f"no array typecode of {values.dtype.itemsize} bytes")
    out.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return out


def _same(ours: tuple[Any, ...], theirs: tuple[Any, ...]) -> bool:
    """The six parts of a model equal, value and type."""
    for a, b in zip(ours, theirs, strict=True):
        if type(a) is not type(b):
            return False
        if isinstance(a, np.ndarray):
            if a.dtype != b.dtype or a.shape != b.shape or a.tobytes() != b.tobytes():
                return False
        elif isinstance(a, array):
            if a.typecode != b.typecode or a != b:
                return False
        elif a != b:
            return False
    return True


def write(out: Path) -> None:
    """Unpack py3langid's model into `out` (replaced whole: never half a cache)."""
    model = load_model(_model_path())  # (ptc, pc, classes, nextmove, row, output)
    ptc, pc, classes, nextmove, row, output = model
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    np.save(tmp / "ptc.npy", np.asarray(ptc), allow_pickle=False)
    np.save(tmp / "pc.npy", np.asarray(pc), allow_pickle=False)
    np.save(tmp / "nextmove.npy", np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"),
            allow_pickle=False)
    np.save(tmp / "row.npy", np.frombuffer(row, dtype=f"u{row.itemsize}"), allow_pickle=False)
    np.save(tmp / "output.npy", np.asarray(output, dtype=np.int64), allow_pickle=False)
    (tmp / "classes.json").write_text(json.dumps(classes), encoding="utf-8")
    if not _same(_read(tmp), model):
        shutil.rmtree(tmp, ignore_errors=True)
        raise ValueError("the unpacked model does not read back as py3langid loads it")
    (tmp / _MANIFEST).write_text(json.dumps(_stamp()), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)


def _read(where: Path) -> tuple[Any, ...]:
    """The six parts in load_model's order and types."""
    ptc = np.load(where / "ptc.npy", allow_pickle=False)
    pc = np.load(where / "pc.npy", allow_pickle=False)
    classes = json.loads((where / "classes.json").read_text(encoding="utf-8"))
    nextmove = _typed(np.load(where / "nextmove.npy", allow_pickle=False))
    row = _typed(np.load(where / "row.npy", allow_pickle=False))
    output = np.load(where / "output.npy", allow_pickle=False).tolist()
    return ptc, pc, classes, nextmove, row, output


def stale(where: Path) -> str | None:
    """Why the cache in `where` must not be used (None: it may)."""
    try:
        recorded = json.loads((where / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"no unpacked model in {where}"
    if recorded != _stamp():
        return f"the unpacked model in {where} is of another py3langid or model file"
    return None


def load(where: Path | None = None) -> LanguageIdentifier | None:
    """py3langid's identifier from the unpacked model, as `py3langid.rank` would load it
    (norm_probs off, every language); None when there is no fresh cache."""
    where = cache_dir() if where is None else where
    try:
        if stale(where) is not None:
            return None
        ptc, pc, classes, nextmove, row, output = _read(where)
    except (OSError, ValueError, KeyError):
        return None
    # (from_model_file's own call, with the arrays it would have read)
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              tk_row=row)


def ensure(where: Path) -> int:
    """Write the cache when missing or stale; on failure say so once (py3langid then loads
    its own model in each process).  Always 0: installing never fails on it."""
    why = stale(where)
    if why is None:
        print(f"newsclean: py3langid's model already unpacked in {where}")
        return 0
    try:
        write(where)
    except (OSError, ValueError) as e:
        print(f"newsclean: could not unpack py3langid's model ({e}); each process loads "
              "it from py3langid (~0.4 s)")
        return 0
    print(f"newsclean: py3langid's model unpacked into {where}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] not in (["ensure"], ["status"]):
        print("usage: python -m newsclean.enrich.langid_cache ensure|status [DIR]",
              file=sys.stderr)
        return 2
    where = Path(args[1]) if len(args) > 1 else cache_dir()
    if args[0] == "ensure":
        return ensure(where)
    print(stale(where) or f"unpacked model in use from {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
