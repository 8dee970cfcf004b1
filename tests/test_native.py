"""The opt-in native build (newsclean.enrich.native): used only when asked for and only while
the sources it was compiled from are unchanged, so an edited .py file always runs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from newsclean.enrich import native

PACKAGE = Path(native.__file__).resolve().parents[1]


def _package_copy(tmp_path: Path) -> Path:
    """A copy of the package's sources that a test may edit."""
    pkg = tmp_path / "pkg" / "newsclean"
    (pkg / "enrich").mkdir(parents=True)
    for p in (PACKAGE / "enrich").glob("*.py"):
        shutil.copy(p, pkg / "enrich" / p.name)
    shutil.copy(PACKAGE / "model.py", pkg / "model.py")
    return pkg


def _fake_build(out: Path, pkg: Path, python: str | None = None) -> None:
    """A build directory whose manifest records `pkg`'s sources (no compiled module: the
    choice of modules is what is tested, not mypyc)."""
    (out / "newsclean" / "enrich").mkdir(parents=True)
    manifest = {"python": python or sys.implementation.cache_tag,
                "sources": native.sources(pkg)}
    (out / "sources.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_a_build_of_the_current_sources_is_put_first_when_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = _package_copy(tmp_path)
    out = tmp_path / "build"
    _fake_build(out, pkg)
    monkeypatch.setenv(native.DIR_ENV, str(out))
    monkeypatch.setattr(sys, "path", list(sys.path))
    path = ["/src/newsclean/enrich"]
    monkeypatch.setenv(native.ENV, "1")
    assert native.activate(path, pkg) is True
    assert path == [str(out / "newsclean" / "enrich"), "/src/newsclean/enrich"]
    assert str(out) in sys.path  # where mypyc's shared runtime module is imported from


def test_without_the_variable_the_py_modules_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = _package_copy(tmp_path)
    out = tmp_path / "build"
    _fake_build(out, pkg)
    monkeypatch.setenv(native.DIR_ENV, str(out))
    monkeypatch.delenv(native.ENV, raising=False)
    path = ["/src/newsclean/enrich"]
    assert native.activate(path, pkg) is False
    assert path == ["/src/newsclean/enrich"]


def test_an_edited_source_is_never_shadowed_by_an_older_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg = _package_copy(tmp_path)
    out = tmp_path / "build"
    _fake_build(out, pkg)
    assert native.stale(out, pkg) is None
    quotes = pkg / "enrich" / "quotes.py"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert "sources changed" in (native.stale(out, pkg) or "")
    monkeypatch.setenv(native.DIR_ENV, str(out))
    monkeypatch.setenv(native.ENV, "1")
    path = ["/src/newsclean/enrich"]
    with pytest.warns(UserWarning, match="the .py modules run"):
        assert native.activate(path, pkg) is False
    assert path == ["/src/newsclean/enrich"]


def test_an_edit_to_a_module_the_compiled_code_reads_makes_the_build_stale(
    tmp_path: Path,
) -> None:
    pkg = _package_copy(tmp_path)
    out = tmp_path / "build"
    _fake_build(out, pkg)
    lexicon = pkg / "enrich" / "speech_lexicon.py"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert native.stale(out, pkg) is not None


def test_no_build_or_another_python_is_not_used(tmp_path: Path) -> None:
    pkg = _package_copy(tmp_path)
    assert "no build" in (native.stale(tmp_path / "nothing", pkg) or "")
    out = tmp_path / "build"
    _fake_build(out, pkg, python="cpython-39")
    assert "cpython-39" in (native.stale(out, pkg) or "")
