"""Opt-in native build of the enrichment: quotes.py, speakers.py, language.py compiled by mypyc.

    make native                       # python -m newsclean.enrich.native build
    NEWSCLEAN_NATIVE=1 newsclean ...  # use it

The build lives outside the source tree (build/mypyc/ at the repository root, or
NEWSCLEAN_NATIVE_DIR), so an extension module never shadows the .py files in an editable
install.  It records the SHA-256 of the sources it was compiled from (every module of
newsclean.enrich and newsclean/model.py, whose names the compiled code was checked
against); the package imports the compiled modules only when NEWSCLEAN_NATIVE=1 and those
sources are unchanged — after an edit the .py files run, with a warning, until the next
build.  Without the variable nothing changes.  The compiled modules give the same answers
(bench/enrich_fingerprint.py); find_quotations runs about 1.6 times faster, detect_language
a little (most of its work is in C already).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

ENV = "NEWSCLEAN_NATIVE"
DIR_ENV = "NEWSCLEAN_NATIVE_DIR"
COMPILED = ("quotes", "speakers", "language")  # modules of newsclean.enrich compiled
_PACKAGE = Path(__file__).resolve().parents[1]  # .../newsclean
_MANIFEST = "sources.json"


def default_dir() -> Path:
    """build/mypyc at the repository root (the package sits in src/ of a checkout)."""
    return _PACKAGE.parents[1] / "build" / "mypyc"


def build_dir() -> Path:
    return Path(os.environ.get(DIR_ENV) or default_dir())


def sources(package: Path = _PACKAGE) -> dict[str, str]:
    """SHA-256 of each source file a build depends on, by path inside the package."""
    files = sorted((package / "enrich").glob("*.py")) + [package / "model.py"]
    return {p.relative_to(package).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files}


def stale(out: Path, package: Path = _PACKAGE) -> str | None:
    """Why the build in `out` must not be used (None: it may)."""
    try:
        recorded = json.loads((out / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"no build in {out} (make native)"
    if recorded.get("python") != sys.implementation.cache_tag:
        return f"the build in {out} is for {recorded.get('python')}"
    if recorded.get("sources") != sources(package):
        return f"the sources changed since the build in {out} (make native)"
    return None


def activate(package_path: list[str], package: Path = _PACKAGE) -> bool:
    """With NEWSCLEAN_NATIVE=1 and a build of the current sources, put the compiled modules
    before the .py files of newsclean.enrich (its `package_path`).  Called by the package's
    __init__, before any of its modules is imported."""
    if os.environ.get(ENV) != "1":
        return False
    out = build_dir()
    why = stale(out, package)
    if why is not None:
        warnings.warn(f"{ENV}=1 but {why}: the .py modules run", stacklevel=2)
        return False
    package_path.insert(0, str(out / "newsclean" / "enrich"))
    if str(out) not in sys.path:
        sys.path.append(str(out))  # mypyc's runtime module of the build, imported by name
    return True


def build(out: Path) -> None:
    """Compile COMPILED into `out` (replacing what was there) from a copy of the package."""
    if out.exists():
        shutil.rmtree(out)
    work = out / "work"
    shutil.copytree(_PACKAGE, work / "newsclean",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyc"))
    recorded = sources(work / "newsclean")  # what is compiled, even if a file changes now
    files = [f"newsclean/enrich/{m}.py" for m in COMPILED]
    # (py3langid ships no type information: its calls stay Python calls, as they are)
    (work / "mypy.ini").write_text("[mypy]\nignore_missing_imports = True\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mypyc", *files], cwd=work, check=True)
    (out / "newsclean" / "enrich").mkdir(parents=True)
    for so in work.glob("*__mypyc.*.so"):  # the runtime shared by the compiled modules
        shutil.move(str(so), str(out / so.name))
    for m in COMPILED:
        for so in (work / "newsclean" / "enrich").glob(f"{m}.*.so"):
            shutil.move(str(so), str(out / "newsclean" / "enrich" / so.name))
    shutil.rmtree(work)
    manifest = {"python": sys.implementation.cache_tag, "sources": recorded}
    (out / _MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True),
                                 encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] != ["build"]:
        print("usage: python -m newsclean.enrich.native build [OUT_DIR]", file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) > 1 else build_dir()
    build(out)
    print(f"compiled {', '.join(COMPILED)} into {out}; use it with {ENV}=1")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
