"""The compiled build (newsclean.native, made by newsclean.build_native): used by default while the sources it was compiled
from are unchanged, never after an edit, off with NEWSCLEAN_NATIVE=0, and giving the answers
of the .py files.  (The rest of the suite runs the .py files: conftest.py.)"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import build_native, native

PACKAGE = Path(native.__file__).resolve().parent
ROOT = PACKAGE.parents[1]


def _package_copy(tmp_path: Path) -> Path:
    """A copy of the package's sources that a test may edit."""
    pkg = tmp_path / "pkg" / "newsclean"
    shutil.copytree(PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.gz"))
    return pkg


def _fake_build(out: Path, pkg: Path, python: str | None = None) -> None:
    """A build directory whose manifest records `pkg`'s sources (no compiled module: what is
    tested is the choice of modules, not mypyc)."""
    for sub in native.SUBPACKAGES:
        (out / "newsclean" / sub).mkdir(parents=True)
    deps = build_native.depends_on(pkg)
    manifest = {"python": python or sys.implementation.cache_tag,
                "compiled": list(native.COMPILED), "sources": native._sha(pkg, deps)}
    (out / "sources.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """A package copy a test may edit, and a (fake) build of its current sources."""
    pkg = _package_copy(tmp_path)
    out = tmp_path / "build"
    _fake_build(out, pkg)
    return pkg, out


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """No build active in this process, sys.path restored after the test."""
    monkeypatch.setattr(native, "_active", None)
    monkeypatch.setattr(sys, "path", list(sys.path))


def test_the_build_depends_on_what_the_compiled_modules_import() -> None:
    deps = build_native.depends_on(PACKAGE)
    assert set(native.COMPILED) <= set(deps)
    # resolve's types come from model.py; quotes reads speech_lexicon; both compiled in
    assert {"model.py", "enrich/speech_lexicon.py"} <= set(deps)
    # the command line and the readers are not on the per-record path: no rebuild for them
    assert "cli.py" not in deps and "readers/jsonl.py" not in deps


def test_a_fresh_build_is_used_by_default(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    pkg, out = built
    monkeypatch.setenv(native.DIR_ENV, str(out))
    monkeypatch.delenv(native.ENV, raising=False)
    path = ["/src/newsclean"]
    assert native.activate(path, pkg) is True
    assert path == [str(out / "newsclean"), "/src/newsclean"]
    assert str(out) in sys.path  # where mypyc's shared runtime module is imported from
    sub = ["/src/newsclean/detect"]
    native.extend(sub, "detect")
    assert sub == [str(out / "newsclean" / "detect"), "/src/newsclean/detect"]
    assert native.active() == out


def test_native_0_turns_it_off(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    pkg, out = built
    monkeypatch.setenv(native.DIR_ENV, str(out))
    monkeypatch.setenv(native.ENV, "0")
    path = ["/src/newsclean"]
    assert native.activate(path, pkg) is False
    sub = ["/src/newsclean/enrich"]
    native.extend(sub, "enrich")
    assert path == ["/src/newsclean"] and sub == ["/src/newsclean/enrich"]
    assert native.active() is None


def test_an_edited_source_is_never_shadowed_by_an_older_build(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, fresh: None
) -> None:
    pkg, out = built
    assert native.stale(out, pkg) is None
    _edit(pkg / "resolve.py")
    assert "sources changed" in (native.stale(out, pkg) or "")
    monkeypatch.setenv(native.DIR_ENV, str(out))
    monkeypatch.delenv(native.ENV, raising=False)
    path = ["/src/newsclean"]
    assert native.activate(path, pkg) is False  # quietly: the .py files are a correct path
    assert path == ["/src/newsclean"]
    monkeypatch.setenv(native.ENV, "1")  # asked for: say why not
    with pytest.warns(UserWarning, match="the .py modules run"):
        assert native.activate(path, pkg) is False
    assert path == ["/src/newsclean"]


def test_an_edit_to_a_module_the_compiled_code_imports_makes_the_build_stale(
    built: tuple[Path, Path],
) -> None:
    pkg, out = built
    _edit(pkg / "cli.py")  # not compiled, not imported by what is
    assert native.stale(out, pkg) is None
    _edit(pkg / "model.py")
    assert native.stale(out, pkg) is not None


def test_a_build_of_other_modules_is_not_used(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    pkg, out = built
    monkeypatch.setattr(native, "COMPILED", (*native.COMPILED, "pipeline.py"))
    assert "other modules" in (native.stale(out, pkg) or "")


def test_no_build_or_another_python_is_not_used(tmp_path: Path) -> None:
    pkg = _package_copy(tmp_path)
    assert "no build" in (native.stale(tmp_path / "nothing", pkg) or "")
    out = tmp_path / "build"
    _fake_build(out, pkg, python="cpython-39")
    assert "cpython-39" in (native.stale(out, pkg) or "")


def test_ensure_without_a_compiler_says_so_once_and_installs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(native.ENV, raising=False)
    monkeypatch.setattr(build_native, "compiler", lambda: "no C compiler (cc)")
    assert build_native.ensure(tmp_path / "build") == 0
    said = capsys.readouterr().out.strip().splitlines()
    assert len(said) == 1 and "no C compiler" in said[0] and "pure-Python" in said[0]
    assert not (tmp_path / "build").exists()


def test_ensure_after_a_failed_build_says_so_and_installs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(out: Path, log: Path | None = None) -> None:
        raise subprocess.CalledProcessError(1, ["mypyc"])

    monkeypatch.delenv(native.ENV, raising=False)
    monkeypatch.setattr(build_native, "compiler", lambda: None)
    monkeypatch.setattr(build_native, "build", failing)
    assert build_native.ensure(tmp_path / "build") == 0
    said = capsys.readouterr().out
    assert "failed" in said and "pure-Python modules run" in said
    assert not (tmp_path / "build").exists()


def test_ensure_leaves_a_fresh_build_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unexpected(out: Path, log: Path | None = None) -> None:
        raise AssertionError("a fresh build was rebuilt")

    out = tmp_path / "build"
    _fake_build(out, PACKAGE)
    monkeypatch.delenv(native.ENV, raising=False)
    monkeypatch.setattr(build_native, "build", unexpected)
    assert build_native.ensure(out) == 0
    assert "up to date" in capsys.readouterr().out


_ANSWERS = r'''
import dataclasses, json, sys
import newsclean
from newsclean import resolve
from newsclean.enrich import quotes
from newsclean.model import Record
from newsclean.pipeline import clean_record
out = {"native": newsclean.NATIVE, "files": [resolve.__file__, quotes.__file__], "answers": []}
for i, text in enumerate(json.loads(sys.stdin.read())):
    for enrich in (True, False):
        a = clean_record(Record(str(i), text, "t"), enrich=enrich)
        out["answers"].append(dataclasses.asdict(a))
print(json.dumps(out, default=repr))
'''


def _texts() -> list[str]:
    """The records of the tests and examples, and records made of their lines shuffled and
    recombined (a fixed seed): headers, banners, repeats, quotations in new places."""
    files = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    files += sorted((ROOT / "examples").rglob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    for line in (ROOT / "examples" / "feeds" / "feed.jsonl").read_text("utf-8").split("\n"):
        try:
            texts.append(json.loads(line)["text"])
        except (ValueError, KeyError, TypeError):  # the feed's deliberately broken lines
            pass
    lines = [ln for t in texts for ln in t.split("\n")[1:] if ln.strip()]
    heads = [t.split("\n", 1)[0] for t in texts if t.startswith(" date ")]
    rnd = random.Random(14)
    for _ in range(150):
        body = rnd.sample(lines, rnd.randint(3, 40))
        if rnd.random() < 0.3:  # a paragraph repeated
            body.insert(rnd.randrange(len(body)), rnd.choice(body))
        elif rnd.random() < 0.3:  # the body printed again, lightly edited
            body = body + [_edited(ln, rnd) for ln in body]
        texts.append("\n".join([rnd.choice(heads), *body]))
    return texts


def _edited(line: str, rnd: random.Random) -> str:
    """A copy-edit: a figure corrected, or a word dropped."""
    figure = re.search(r"\d+", line)
    if figure and rnd.random() < 0.6:
        return line[: figure.start()] + str(int(figure.group()) + 1) + line[figure.end() :]
    words = line.split(" ")
    if len(words) > 8 and rnd.random() < 0.5:
        del words[rnd.randrange(1, len(words))]
    return " ".join(words)


def test_the_compiled_build_gives_the_answers_of_the_py_files() -> None:
    """Only where a build of the current sources exists (make install): every field of
    every article, with and without enrichment, the same from both."""
    if native.stale(native.build_dir()) is not None:
        pytest.skip(f"no build of the current sources: {native.stale(native.build_dir())}")
    texts = _texts()
    runs = {}
    for flag in ("0", "1"):
        env = dict(os.environ, **{native.ENV: flag})
        proc = subprocess.run([sys.executable, "-c", _ANSWERS], input=json.dumps(texts),
                              env=env, capture_output=True, text=True, check=True)
        runs[flag] = json.loads(proc.stdout)
    assert runs["0"]["native"] is False and runs["1"]["native"] is True
    assert all(f.endswith(".py") for f in runs["0"]["files"])
    assert all(f.endswith(".so") for f in runs["1"]["files"])  # compiled modules ran
    assert len(runs["1"]["answers"]) == 2 * len(texts)
    assert runs["1"]["answers"] == runs["0"]["answers"]
    # the texts exercise what the build compiles: removals, quotations, languages
    answers = runs["0"]["answers"]
    assert any(a["removed"] for a in answers) and any(a["quotes"] for a in answers)
    assert len({a["language"] for a in answers}) > 1


_CLASSES = r'''
import json
import newsclean
from newsclean.resolve import Resolution
from newsclean.text_view import Line, TextView
a = Line(3, 10, 24, 12, 24, "Ferry plan", "ferry plan", 2)
b = Line(index=3, start=10, end=24, cstart=12, cend=24, text="Ferry plan", norm="ferry plan",
         words=2)
lines = TextView("Harbour news\n\n  Ferry plan").lines
r1, r2 = Resolution(), Resolution()
r1.line_marks[0] = ("header", "crawl_header")
from newsclean.enrich.quotes import Clause, Piece, Quotation, Subject
from newsclean.enrich.speakers import Mention
s = Subject("name", "Ada Lind", 40, 48)
q1, q2 = Quotation([], None), Quotation(parts=[], speaker="Ada Lind", subject=s)
q1.pieces.append(Piece(1, 9, 0, True, close_at=9))
print(json.dumps({
    "enrich": [s == Subject(kind="name", text="Ada Lind", start=40, end=48, qualifier=""),
               s.qualifier, Clause(s, 50) == Clause(subject=s, verb_start=50, owner=False),
               repr(Piece(1, 9, 0, False)), q2.pieces, len(q1.pieces),
               Mention(3, "Ada Lind", "f") == Mention(pos=3, name="Ada Lind", gender="f")],
    "native": newsclean.NATIVE, "equal": a == b, "toks": a._toks, "repr": repr(a),
    "other": a == Line(4, 10, 24, 12, 24, "Ferry plan", "ferry plan", 2),
    "index": lines.index(Line(2, 14, 26, 16, 26, "Ferry plan", "ferry plan", 2)),
    "marks": [r1.line_marks == {0: ("header", "crawl_header")}, r2.line_marks],
    "defaults": [r2.verdict, r2.title, r2.layout_pick],
}))
'''


@pytest.mark.parametrize("flag", ["0", "1"])
def test_written_out_constructors_keep_the_dataclass_contract(flag: str) -> None:
    """Line, Resolution and the quotation finder's classes write their __init__ out (a generated one stays interpreted in the
    compiled build): keywords, defaults, a fresh dict per Resolution, and the dataclass's
    field-wise == (which `list.index` of a title pick relies on) hold, pure and compiled."""
    if flag == "1" and native.stale(native.build_dir()) is not None:
        pytest.skip(f"no build of the current sources: {native.stale(native.build_dir())}")
    env = dict(os.environ, **{native.ENV: flag})
    proc = subprocess.run([sys.executable, "-c", _CLASSES], env=env, capture_output=True,
                          text=True, check=True)
    got = json.loads(proc.stdout)
    assert got["native"] is (flag == "1")
    assert got["equal"] is True and got["other"] is False and got["toks"] is None
    assert got["repr"].startswith("Line(index=3, start=10, end=24,")
    assert got["index"] == 2
    assert got["marks"] == [True, {}]  # (a dict shared by the instances would hold the mark)
    assert got["defaults"] == ["article", None, None]
    # quotations' pieces: the same contract, and a fresh list per Quotation
    assert got["enrich"] == [
        True, "", True,
        "Piece(start=1, end=9, open_at=0, closed=False, close_at=-1, label=None, pre=None, "
        "post=None)", [], 1, True,
    ]
