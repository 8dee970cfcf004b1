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


_ANSWERS = r'''
import json, sys
import newsclean.enrich as enrich
from newsclean.enrich.language import detect_language
from newsclean.enrich.quotes import find_quotations
out = {"native": enrich.NATIVE, "answers": []}
for text in json.loads(sys.stdin.read()):
    lang, spans = detect_language(text)
    out["answers"].append([lang, spans, [
        [[q.start, q.end, q.speaker] for q in qt.parts] for qt in find_quotations(text, lang)
    ]])
print(json.dumps(out))
'''

_TEXTS = [
    "Harbour works resumed on Monday.\n“The wall will hold this winter,” said engineer "
    "Marta Lindqvist, who leads the project.\nLindqvist added that the storms of March had "
    "cost two weeks. “We lost time, not money,” she said.",
    "The mayor, Tomas Reyes, called the plan “a fantasy” on Friday.\n\"It balances nothing,\" "
    "Reyes told reporters. According to his office, the vote is set for June.",
    "Der Bürgermeister sagte am Dienstag: „Die Brücke bleibt bis Mai gesperrt.“\n"
    "„Wir prüfen jede Schraube“, fügte er hinzu.",
]


def test_the_compiled_modules_give_the_answers_of_the_py_files() -> None:
    """Only where a build of the current sources exists (make native): the same answers
    from the compiled modules as from the .py files, on texts of each kind they read."""
    import os
    import subprocess

    if native.stale(native.build_dir()) is not None:
        pytest.skip("no build of the current sources (make native)")
    runs = {}
    for flag in ("0", "1"):
        env = dict(os.environ, **{native.ENV: flag})
        proc = subprocess.run([sys.executable, "-c", _ANSWERS], input=json.dumps(_TEXTS),
                              env=env, capture_output=True, text=True, check=True)
        runs[flag] = json.loads(proc.stdout)
    assert runs["0"]["native"] is False and runs["1"]["native"] is True
    assert runs["1"]["answers"] == runs["0"]["answers"]
    assert any(qs for _lang, _spans, qs in runs["0"]["answers"])  # quotations were found
