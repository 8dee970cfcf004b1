"""The compiled build of the per-record path, used by default when it is there and fresh.

`make install` (and so `make demo`, `make test`, CI) compiles the modules that every record
goes through -- the line view, resolve, apply, header, the detectors, quotations, speakers,
language -- with mypyc into build/mypyc/ at the repository root (NEWSCLEAN_NATIVE_DIR to put
it elsewhere): newsclean/build_native.py, about a minute of CPU.

The package imports the compiled modules instead of the .py files only while every source
they were compiled from is unchanged: the build records the SHA-256 of the compiled modules
and of each package module they import (their types are compiled in), and after an edit the
.py files run until the next build.  NEWSCLEAN_NATIVE=0 turns the build off; =1 asks for it
and warns when it cannot be used; unset, a missing or stale build quietly means the .py
files.  The build lives outside the source tree, so an extension module never shadows a .py
file of an editable install.  Both paths give the same answers (tests/test_native.py).

Written for the compiler: the compiled modules' constants are annotated Final (mypyc reads
them as C statics and inlines the numbers, instead of a lookup in the module's dict at each
use), and their hot classes write __init__ out (a dataclass's generated one stays an
interpreted function under mypyc).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import warnings
from pathlib import Path

ENV = "NEWSCLEAN_NATIVE"
DIR_ENV = "NEWSCLEAN_NATIVE_DIR"
# The modules compiled, inside the package: those measured to pay (BENCHMARKS.md).
COMPILED = (
    "text_view.py", "resolve.py", "apply.py", "header.py",
    "detect/banners.py", "detect/boilerplate.py", "detect/comments.py", "detect/credits.py",
    "detect/dateline.py", "detect/foreign.py", "detect/glued.py", "detect/markdown.py",
    "detect/repeats.py", "detect/scripts.py",
    "enrich/quotes.py", "enrich/speakers.py", "enrich/language.py",
    "line_model/shape.py", "pipeline.py",
)
SUBPACKAGES = ("detect", "enrich", "line_model")  # those holding compiled modules (their __init__ calls extend)
_PACKAGE = Path(__file__).resolve().parent  # .../newsclean
_MANIFEST = "sources.json"
_active: Path | None = None  # the build in use in this process


def default_dir() -> Path:
    """build/mypyc at the repository root (the package sits in src/ of a checkout)."""
    return _PACKAGE.parents[1] / "build" / "mypyc"


def build_dir() -> Path:
    return Path(os.environ.get(DIR_ENV) or default_dir())


def _sha(package: Path, names: list[str]) -> dict[str, str]:
    out = {}
    for name in names:
        try:
            out[name] = hashlib.sha256((package / name).read_bytes()).hexdigest()
        except OSError:
            out[name] = ""
    return out


def stale(out: Path, package: Path = _PACKAGE) -> str | None:
    """Why the build in `out` must not be used (None: it may)."""
    try:
        recorded = json.loads((out / _MANIFEST).read_text(encoding="utf-8"))
        sources = recorded["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return f"no build in {out}"
    if recorded.get("python") != sys.implementation.cache_tag:
        return f"the build in {out} is for {recorded.get('python')}"
    if not isinstance(sources, dict) or _sha(package, sorted(sources)) != sources:
        return f"the sources changed since the build in {out}"
    if sorted(recorded.get("compiled", [])) != sorted(COMPILED):
        return f"the build in {out} compiled other modules"
    return None


def activate(package_path: list[str], package: Path = _PACKAGE) -> bool:
    """Put the compiled modules before the .py files of the package (its `package_path`)
    when the build may be used.  Called by newsclean/__init__.py before any of its modules
    is imported; the subpackages call `extend`."""
    global _active
    flag = os.environ.get(ENV, "")
    if flag == "0":
        return False
    out = build_dir()
    why = stale(out, package)
    if why is not None:
        if flag == "1":
            warnings.warn(f"{ENV}=1 but {why} (make install): the .py modules run",
                          stacklevel=2)
        return False
    package_path.insert(0, str(out / "newsclean"))
    if str(out) not in sys.path:
        sys.path.append(str(out))  # mypyc's runtime module of the build, imported by name
    _active = out
    return True


def extend(package_path: list[str], sub: str) -> None:
    """The compiled modules of subpackage `sub` before its .py files, if the build is used."""
    if _active is not None:
        package_path.insert(0, str(_active / "newsclean" / sub))


def active() -> Path | None:
    """The build this process imports its compiled modules from (None: the .py files)."""
    return _active
