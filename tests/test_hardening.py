"""No input can destroy a file or crash a run with a traceback (issue 13).

Every output path is checked against every input before anything is opened, nothing is
replaced before the run ends well, and each failure is one line on stderr with an exit code.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from newsgen import article

from newsclean.cli import main
from newsclean.corpus.learned_boilerplate import BoilerplateModel, LearnParams, SourceModel
from newsclean.corpus.store import Store

ROOT = Path(__file__).resolve().parents[1]
STORY = (ROOT / "examples" / "crawl" / "wire_story.txt").read_text(encoding="utf-8")
FEED = (
    '{"id": "a1", "text": "Harbour Board Meets\\nThe harbour board met on Tuesday and '
    'approved the new ferry timetable for the summer season."}\n'
    '{"id": "a2", "text": "Rail Link Delayed\\nThe rail link to the airport will open a year '
    'late, the transport ministry said on Monday."}\n'
)


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def one_error_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(FEED, encoding="utf-8")
    return tmp_path


# -- no file destroyed ----------------------------------------------------------------


def test_set_aside_naming_an_input_is_refused_and_the_input_kept(inputs, capsys):
    feed = inputs / "feed.jsonl"
    code, err = run(capsys, "clean", str(inputs / "story.txt"), str(feed),
                    "-o", str(inputs / "out.jsonl"), "--set-aside", str(feed))
    assert code == 2 and "is also an input" in one_error_line(err)
    assert feed.read_text(encoding="utf-8") == FEED
    assert not (inputs / "out.jsonl").exists()


def test_an_input_at_the_default_set_aside_path_is_refused_and_kept(inputs, capsys):
    aside = inputs / "run.setaside.jsonl"
    aside.write_text(FEED, encoding="utf-8")
    code, err = run(capsys, "clean", str(aside), "-o", str(inputs / "run.jsonl"))
    assert code == 2 and "--set-aside" in one_error_line(err)
    assert aside.read_text(encoding="utf-8") == FEED


@pytest.mark.parametrize("link", ["same", "hard link", "symlink"])
def test_an_output_that_is_an_input_inside_an_input_folder_is_refused(inputs, capsys, link):
    folder = inputs / "data"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(FEED, encoding="utf-8")
    target = folder / "feed.jsonl"
    if link == "hard link":
        target = inputs / "elsewhere.jsonl"
        os.link(folder / "feed.jsonl", target)
    elif link == "symlink":
        target = inputs / "elsewhere.jsonl"
        target.symlink_to(folder / "feed.jsonl")
    code, err = run(capsys, "clean", str(folder), "-o", str(target))
    assert code == 2 and "input" in one_error_line(err)
    assert (folder / "feed.jsonl").read_text(encoding="utf-8") == FEED


def test_output_and_set_aside_naming_one_file_is_refused(inputs, capsys):
    same = inputs / "same.jsonl"
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o", str(same),
                    "--set-aside", str(same))
    assert code == 2 and "name the same file" in one_error_line(err)
    assert not same.exists()


def test_a_run_refused_by_a_locked_store_leaves_the_outputs_as_they_were(inputs, capsys):
    db = inputs / "corpus.sqlite"
    with Store(db):
        pass
    con = sqlite3.connect(db)  # another live writer holds the lock: our parent process
    con.execute("INSERT OR REPLACE INTO writer_lock VALUES (1, ?, ?, 0)",
                (os.getppid(), os.uname().nodename))
    con.commit()
    con.close()
    out, aside = inputs / "out.jsonl", inputs / "out.setaside.jsonl"
    out.write_text("yesterday's articles\n")
    aside.write_text("yesterday's set-aside records\n")
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o", str(out),
                    "--store", str(db))
    assert code == 1 and "being written by process" in one_error_line(err)
    assert out.read_text() == "yesterday's articles\n"
    assert aside.read_text() == "yesterday's set-aside records\n"


def test_a_full_disk_is_one_line_and_leaves_the_earlier_output(inputs, capsys, monkeypatch):
    out = inputs / "out.jsonl"
    out.write_text("yesterday's articles\n")

    from newsclean.writers import jsonl

    def full(self, obj):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(jsonl.JsonlWriter, "write_dict", full)
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o", str(out))
    line = one_error_line(err)
    assert code == 1 and "cannot write" in line and "No space left on device" in line
    assert out.read_text() == "yesterday's articles\n"
    assert [p.name for p in inputs.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_an_output_folder_that_cannot_be_written_is_one_line(inputs, capsys, monkeypatch):
    import newsclean.outputs as outputs

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), kwargs.get("dir"))

    monkeypatch.setattr(outputs.tempfile, "mkstemp", denied)
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o",
                    str(inputs / "ro" / "out.jsonl"), "--no-dedup")
    assert code == 1 and "Permission denied" in one_error_line(err)


def test_an_output_under_a_missing_folder_is_written_and_under_a_file_refused(inputs, capsys):
    deep = inputs / "new" / "dir" / "out.jsonl"
    assert main(["clean", "--quiet", str(inputs / "feed.jsonl"), "-o", str(deep)]) == 0
    assert len(deep.read_text().splitlines()) == 2
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o",
                    str(inputs / "story.txt" / "out.jsonl"))
    assert code == 1 and "is a file, not a folder" in one_error_line(err)


def test_restore_into_its_own_input_is_refused(inputs, capsys):
    out = inputs / "out.jsonl"
    assert main(["clean", "--quiet", str(inputs / "feed.jsonl"), "-o", str(out)]) == 0
    before = out.read_bytes()
    code, err = run(capsys, "restore", str(out), "-o", str(out))
    assert code == 2 and "is also an input" in one_error_line(err)
    assert out.read_bytes() == before


# -- one line instead of a traceback ---------------------------------------------------


def test_an_integer_of_more_than_4300_digits_sets_its_line_aside(inputs, capsys):
    feed = inputs / "feed.jsonl"
    feed.write_text('{"id": "n", "count": ' + "9" * 5000 + ', "text": "x"}\n' + FEED)
    out = inputs / "out.jsonl"
    assert main(["clean", "--quiet", str(feed), "-o", str(out)]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a1", "a2"]
    (aside,) = [json.loads(x) for x in (inputs / "out.setaside.jsonl").read_text().splitlines()]
    assert aside["source"] == f"{feed}:1" and "4300 digits" in aside["error"]


def test_unreadable_paths_in_an_input_folder_are_each_named(inputs, capsys, monkeypatch):
    folder = inputs / "crawl"
    (folder / "locked").mkdir(parents=True)
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "gone.jsonl").symlink_to(folder / "nowhere.jsonl")
    os.mkfifo(folder / "pipe.jsonl")
    real_scandir = os.scandir

    def scandir(path):  # a folder we may not list (as root, chmod does not stop us)
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, err = run(capsys, "clean", str(folder), "-o", str(inputs / "out.jsonl"))
    assert code == 0
    skipped = sorted(x for x in err.splitlines() if x.startswith("newsclean: skipped"))
    assert skipped == [
        f"newsclean: skipped {folder}/gone.jsonl: a dangling symlink (its target does not exist)",
        f"newsclean: skipped {folder}/locked: cannot list this folder: Permission denied",
        f"newsclean: skipped {folder}/loop.txt: a symlink loop",
        f"newsclean: skipped {folder}/pipe.jsonl: a named pipe (not read; name it to read it)",
    ]
    assert "4 path(s) skipped: unreadable" in err


@pytest.mark.parametrize("kind", ["text file", "truncated", "corrupted"])
def test_a_store_that_is_not_one_is_a_one_line_error(inputs, capsys, kind):
    db = inputs / "corpus.sqlite"
    if kind == "text file":
        db.write_text(FEED)
    else:
        assert main(["clean", "--quiet", str(inputs / "story.txt"), str(inputs / "feed.jsonl"),
                     "-o", str(inputs / "first.jsonl"), "--store", str(db)]) == 0
        data = bytearray(db.read_bytes())
        if kind == "truncated":
            data = data[: len(data) // 3]
        else:
            for at in range(100, len(data), 512):  # scribble over every page's header
                data[at : at + 16] = b"\xa5" * 16
        db.write_bytes(bytes(data))
    out = inputs / "out.jsonl"
    out.write_text("yesterday's articles\n")
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o", str(out),
                    "--store", str(db))
    line = one_error_line(err)
    assert code == 1 and str(db) in line
    assert out.read_text() == "yesterday's articles\n"


def test_a_boilerplate_model_that_is_a_json_list_is_a_one_line_error(inputs, capsys):
    model = inputs / "model.json"
    model.write_text("[1, 2, 3]\n")
    code, err = run(capsys, "clean", str(inputs / "feed.jsonl"), "-o", str(inputs / "o.jsonl"),
                    "--boilerplate-model", str(model))
    assert code == 1 and "not a newsclean boilerplate model" in one_error_line(err)
    assert not (inputs / "o.jsonl").exists()
    code, err = run(capsys, "boilerplate", "show", str(model))
    assert code == 1 and "not a newsclean boilerplate model" in one_error_line(err)


def test_restore_of_a_deeply_nested_line_names_the_line(inputs, capsys):
    out = inputs / "out.jsonl"
    assert main(["clean", "--quiet", str(inputs / "feed.jsonl"), "-o", str(out)]) == 0
    with out.open("a") as f:
        f.write('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    code = main(["restore", str(out), "-o", str(inputs / "restored.jsonl")])
    err = capsys.readouterr().err
    assert code == 1 and one_error_line(err).endswith(f"{out}:3: cannot restore: JSON nested too deeply")
    assert len((inputs / "restored.jsonl").read_text().splitlines()) == 2


def test_show_into_a_pipe_closed_early_exits_0(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(article(300_000, seed=3), encoding="utf-8")  # far more than a pipe holds
    for plain in ([], ["--plain"]):
        show = subprocess.Popen(
            [sys.executable, "-m", "newsclean", "show", str(big), *plain],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        head = subprocess.run(["head", "-1"], stdin=show.stdout, capture_output=True)
        show.stdout.close()
        err = show.stderr.read().decode()
        assert show.wait() == 0 and head.returncode == 0, err
        assert "Traceback" not in err and "Exception ignored" not in err


# -- terminal escapes --------------------------------------------------------------------

EVIL = (
    " date 2025-05-06 200\n"
    "Council Approves Budget\x1b]0;owned\x07\n"
    "The council approved the budget on Tuesday after a long debate about the new bus routes "
    "and the price of parking in the old town.\x1b[2J\n"
    "Members said the plan would\rbe reviewed\x9b31m again in the spring, when the first "
    "figures for the year are known.\r\n"
)


def _no_raw_controls(text: str) -> None:
    raw = [c for c in text if (ord(c) < 32 and c not in "\n\t\r") or 0x7F <= ord(c) <= 0x9F]
    assert raw == [], raw


def test_show_plain_writes_escape_sequences_visibly(tmp_path, capsys):
    rec = tmp_path / "evil.txt"
    rec.write_text(EVIL, encoding="utf-8", newline="")
    assert main(["show", "--plain", str(rec)]) == 0
    out = capsys.readouterr().out
    _no_raw_controls(out)
    assert "\\x1b]0;owned\\x07" in out and "\\x1b[2J" in out and "would\\rbe" in out
    assert "\\x9b31m" in out


def test_show_in_colour_writes_escape_sequences_visibly(tmp_path):
    import io

    from rich.console import Console

    from newsclean.clean_run import clean_stream
    from newsclean.model import Record
    from newsclean.show import show

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, color_system="standard", width=100)
    rec = Record(str(tmp_path / "evil\x1b[31m.txt"), EVIL, "evil")
    assert show(clean_stream([rec]), console) == 1
    out = buf.getvalue()
    # rich's own styling is the only escape sequence: SGR codes, no OSC, no screen clearing
    assert "\x1b]" not in out and "\x1b[2J" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07" in out and "evil\\x1b[31m.txt" in out


def test_boilerplate_show_escapes_control_characters(tmp_path, capsys):
    model = BoilerplateModel(params=LearnParams())
    model.sources["evil\x1b]0;x\x07.example"] = SourceModel(12, {1: (12, "Share\x1b[2J\tthis")})
    path = tmp_path / "model.json"
    model.save(path)
    assert main(["boilerplate", "show", str(path)]) == 0
    out = capsys.readouterr().out
    _no_raw_controls(out.replace("\t", " "))
    row = out.splitlines()[1].split("\t")
    assert row == ["evil\\x1b]0;x\\x07.example", "12", "12", "Share\\x1b[2J\\tthis"]


def test_file_names_on_stderr_are_escaped(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes\x1b]0;owned\x07.md").write_text("not a record")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    code, err = run(capsys, "clean", str(folder), "-o", str(tmp_path / "out.jsonl"))
    assert code == 0
    _no_raw_controls(err)
    assert "notes\\x1b]0;owned\\x07.md: not a known input format" in err


def test_gzip_output_bytes_do_not_depend_on_the_temporary_name(inputs):
    outs = []
    for k in range(2):
        out = inputs / f"o{k}" / "clean.jsonl.gz"
        assert main(["clean", "--quiet", str(inputs / "feed.jsonl"), "-o", str(out)]) == 0
        outs.append(out.read_bytes())
        assert gzip.decompress(outs[-1]).count(b"\n") == 2
    assert outs[0] == outs[1]
