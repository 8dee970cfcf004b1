"""Build the compiled modules of newsclean.native with mypyc (make install runs `ensure`).

    python -m newsclean.build_native ensure   # build when missing or stale; never fails
    python -m newsclean.build_native build    # build now (fails loudly)
    python -m newsclean.build_native status   # is the build used, and if not, why

The compiler's output goes to build/mypyc-build.log; MYPYC_OPT_LEVEL (default 3) is passed on.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

from .native import _MANIFEST, _PACKAGE, COMPILED, ENV, _sha, build_dir, stale


def _imported(path: Path, package: Path) -> set[Path]:
    """The package's own modules that the module at `path` imports (absolute or relative)."""
    found: set[Path] = set()
    here = path.parent.relative_to(package).parts
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(here[: len(here) - node.level + 1])
            elif node.module and node.module.split(".")[0] == "newsclean":
                base = []
            else:
                continue
            mod = [p for p in (node.module or "").split(".") if p]
            if not node.level:
                mod = mod[1:]
            for alias in node.names:  # `from . import x` names a module or a name of one
                found |= (_module_files(package, [*base, *mod, alias.name])
                          or _module_files(package, [*base, *mod]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "newsclean":
                    found |= _module_files(package, parts[1:])
    return found


def _module_files(package: Path, parts: list[str]) -> set[Path]:
    """The file of module `parts` inside the package, if there is one."""
    if not parts:
        return {package / "__init__.py"}
    for p in (package.joinpath(*parts).with_suffix(".py"),
              package.joinpath(*parts) / "__init__.py"):
        if p.is_file():
            return {p}
    return set()


def depends_on(package: Path = _PACKAGE) -> list[str]:
    """The compiled modules and every package module they import, transitively (their
    types are compiled into the build).  (native.py is not one: the manifest records the
    list of compiled modules itself, so an edit of its comments keeps the build.)"""
    todo = [package / m for m in COMPILED]
    seen: set[Path] = set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(_imported(p, package) - seen)
    return sorted(p.relative_to(package).as_posix() for p in seen)


def compiler() -> str | None:
    """Why no build can be made here (None: it can)."""
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(cc) is None:
        return f"no C compiler ({cc})"
    try:
        import mypyc  # noqa: F401  (mypy's compiler: a dev dependency)
    except ImportError:
        return "mypyc is not installed (pip install -e '.[dev]')"
    try:
        import setuptools  # noqa: F401  (mypyc builds through it; venvs of 3.12+ lack it)
    except ImportError:
        return "setuptools is not installed (pip install setuptools)"
    return None


def build(out: Path, log: Path | None = None) -> None:
    """Compile COMPILED into `out` (replacing what was there) from a copy of the package;
    the compiler's output goes to `log`.  Raises CalledProcessError when mypyc fails."""
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    work = tmp / "work"
    shutil.copytree(_PACKAGE, work / "newsclean",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyc", "*.gz"))
    deps = depends_on(work / "newsclean")
    recorded = _sha(work / "newsclean", deps)  # what is compiled, even if a file changes now
    # (py3langid, numpy stubs aside, ship no types: their calls stay Python calls)
    (work / "mypy.ini").write_text("[mypy]\nignore_missing_imports = True\n", encoding="utf-8")
    files = [f"newsclean/{m}" for m in COMPILED]
    env = dict(os.environ, MYPYC_OPT_LEVEL=os.environ.get("MYPYC_OPT_LEVEL", "3"))
    try:
        with open(log or os.devnull, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "-m", "mypyc", *files], cwd=work, env=env,
                           stdout=f, stderr=subprocess.STDOUT, check=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)  # no half build left behind
        raise
    for so in work.glob("*__mypyc.*.so"):  # the runtime shared by the compiled modules
        shutil.move(str(so), str(tmp / so.name))
    for m in COMPILED:
        src = work / "newsclean" / m
        dest = tmp / "newsclean" / Path(m).parent
        dest.mkdir(parents=True, exist_ok=True)
        for so in src.parent.glob(f"{src.stem}.*.so"):
            shutil.move(str(so), str(dest / so.name))
    shutil.rmtree(work)
    manifest = {"python": sys.implementation.cache_tag, "compiled": list(COMPILED),
                "sources": recorded}
    (tmp / _MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True),
                                 encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)  # (the manifest arrives with the modules: never half a build)


def ensure(out: Path) -> int:
    """Build when the build is missing or stale; on any failure say so once and go on (the
    .py modules run).  Always 0: a machine without a compiler still installs."""
    if os.environ.get(ENV) == "0":
        print(f"newsclean: {ENV}=0: not compiling; the pure-Python modules run")
        return 0
    why = stale(out)
    if why is None:
        print(f"newsclean: compiled modules up to date in {out}")
        return 0
    cannot = compiler()
    if cannot is not None:
        print(f"newsclean: {cannot}: not compiling; the pure-Python modules run "
              "(same output, ~1.2x slower)")
        return 0
    log = out.with_name(out.name + "-build.log")
    print(f"newsclean: compiling the per-record modules with mypyc ({why}; 1-3 min, "
          f"log {log}; NEWSCLEAN_NATIVE=0 turns the build off)", flush=True)
    t = time.monotonic()
    try:
        build(out, log)
    except (subprocess.CalledProcessError, OSError) as e:
        why = (f"mypyc exited with status {e.returncode}"
               if isinstance(e, subprocess.CalledProcessError) else str(e))
        print(f"newsclean: the compiled build failed ({why}; see {log}): the pure-Python "
              "modules run (same output, ~1.2x slower)")
        return 0
    print(f"newsclean: compiled into {out} in {time.monotonic() - t:.0f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] not in (["build"], ["ensure"], ["status"]):
        print("usage: python -m newsclean.build_native build|ensure|status [OUT_DIR]", file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) > 1 else build_dir()
    if args[0] == "ensure":
        return ensure(out)
    if args[0] == "status":
        why = stale(out)
        if os.environ.get(ENV) == "0":
            why = f"{ENV}=0"
        print(f"compiled modules in use from {out}" if why is None
              else f"pure-Python modules run: {why}")
        return 0
    log = out.with_name(out.name + "-build.log")
    build(out, log)
    print(f"compiled {len(COMPILED)} modules into {out} (log {log})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
