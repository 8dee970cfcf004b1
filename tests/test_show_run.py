"""`newsclean show` on clean's output (JSONL, Parquet, shard folders) with filters, paged on a
terminal; a hostile record's escapes shown, never sent raw, in a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import write_hostile_jsonl

from newsclean.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("show")
    write_hostile_jsonl(d / "hostile.jsonl", extra=1)
    out = {}
    for name in ("clean.jsonl", "clean.parquet"):
        out[name] = d / name
        assert main(["clean", "-q", str(EXAMPLES), str(d / "hostile.jsonl"), "-o",
                     str(d / name)]) == 0
    return out


def heads(text: str) -> list[str]:
    return [line[4:].split("  (")[0] for line in text.splitlines() if line.startswith("=== ")]


@pytest.mark.parametrize("name", ["clean.jsonl", "clean.parquet"])
def test_show_reads_output_without_cleaning_it_again(
    outputs: dict[str, Path], name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(outputs[name]), "--plain"]) == 0
    text = capsys.readouterr().out
    n = sum(1 for _ in open(outputs["clean.jsonl"], encoding="utf-8"))
    assert len(heads(text)) == n
    # the record as read is shown with its removals, as when its input is shown
    assert main(["show", str(outputs[name]), "--plain", "--id", "*seed/record.txt"]) == 0
    from_output = capsys.readouterr().out
    assert main(["show", str(EXAMPLES / "seed" / "record.txt"), "--plain"]) == 0
    from_input = capsys.readouterr().out
    body = [x for x in from_output.splitlines() if not x.startswith("===")]
    assert body == [x for x in from_input.splitlines() if not x.startswith("===")]
    assert "[-repeated: " in from_output and "[-dateline: (MENAFN) -]" in from_output


def test_show_filters(outputs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    run = str(outputs["clean.jsonl"])
    assert main(["show", run, "--plain", "--verdict", "error_page"]) == 0
    text = capsys.readouterr().out
    assert len(heads(text)) == 3 and text.count("verdict error_page") == 3
    assert main(["show", run, "--plain", "--verdict", "blocked", "--verdict", "empty"]) == 0
    verdicts = re.findall(r"\(verdict (\w+)", capsys.readouterr().out)
    assert verdicts and set(verdicts) == {"blocked", "empty"}
    assert main(["show", run, "--plain", "--reason", "dateline"]) == 0
    text = capsys.readouterr().out
    assert heads(text) and all("dateline" in block for block in text.split("=== ")[1:])
    assert main(["show", run, "--plain", "--id", "feed-001"]) == 0
    assert heads(capsys.readouterr().out) == ["feed-001"]
    assert main(["show", run, "--plain", "--id", "feed-00?", "--limit", "2"]) == 0
    assert heads(capsys.readouterr().out) == ["feed-001", "feed-002"]
    # nothing matches: nothing shown, exit 3
    assert main(["show", run, "--plain", "--verdict", "no-such"]) == 3
    assert capsys.readouterr().out == ""


def test_show_inputs_still_cleans_them(capsys: pytest.CaptureFixture[str]) -> None:
    feed = EXAMPLES / "feeds" / "feed.jsonl"
    assert main(["show", str(feed), "--plain", "--verdict", "article"]) == 0
    text = capsys.readouterr().out
    verdicts = re.findall(r"\(verdict (\w+)", text)
    assert heads(text)[0] == "feed-001" and set(verdicts) == {"article"}
    assert main(["show", str(feed), "--text-field", "body"]) == 2
    err = capsys.readouterr().err
    assert "has a field 'body' (fields: id, url, text)" in err


def _pty_run(args: list[str], env: dict[str, str], timeout: float = 60) -> bytes:
    """Run a command with a pseudo-terminal as its stdout/stderr; all it wrote."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                            env=env, close_fds=True)
    os.close(slave)
    out = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r, _, _ = select.select([master], [], [], 0.5)
        if r:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    assert proc.wait(timeout=30) == 0, out[-2000:]
    return bytes(out)


# what newsclean may send a terminal itself: colour and style (SGR) and cursor-line
# sequences of rich; never OSC (window title), screen clearing or anything else
_OURS = re.compile(rb"\x1b\[[0-9;]*m")
_LESS = re.compile(rb"\x1b\[\?1[hl]|\x1b[=>]|\x1b\[K")


@pytest.mark.parametrize("pager", ["cat", "", None])
def test_hostile_escapes_are_shown_not_obeyed_on_a_terminal(
    outputs: dict[str, Path], pager: str | None
) -> None:
    """PAGER=cat; --no-pager; and no PAGER: the default, less (-R -F -X: one screenful
    is printed and less quits)."""
    env = {**os.environ, "PAGER": pager or "", "TERM": "xterm-256color", "COLUMNS": "120",
           "LINES": "60"}
    if pager is None:
        if shutil.which("less") is None:
            pytest.skip("no less on this machine")
        del env["PAGER"]
        env.pop("LESS", None)
        env["COLUMNS"] = "400"  # less folds long lines at the screen's edge
    args = [sys.executable, "-m", "newsclean", "show", str(outputs["clean.jsonl"]),
            "--id", "<img*"]
    if pager == "":
        args.append("--no-pager")
    out = _pty_run(args, env)
    assert b"Harbour Council Backs Ferry Plan" in out
    # shown: the escapes as text
    assert b"\\x1b]0;PWNED-TITLE\\x07" in out and b"\\x1b[2J" in out
    # not obeyed: no raw OSC, no clear screen; the only raw escapes are rich's own colours
    raw = _OURS.sub(b"", out)
    if pager is None:  # less's own: keypad mode on and off, clear to the line's end
        raw = _LESS.sub(b"", raw)
    assert b"\x1b" not in raw, raw[raw.index(b"\x1b") - 40: raw.index(b"\x1b") + 40]
    assert b"\x07" not in out
    assert _OURS.search(out), "on a terminal show is in colour"


def test_show_pages_through_the_pager_on_a_terminal(outputs: dict[str, Path],
                                                    tmp_path: Path) -> None:
    seen = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(seen)!r}, 'wb')" \
            ".write(sys.stdin.buffer.read())\""
    env = {**os.environ, "PAGER": pager, "TERM": "xterm-256color"}
    out = _pty_run([sys.executable, "-m", "newsclean", "show", str(outputs["clean.parquet"]),
                    "--verdict", "error_page"], env)
    paged = seen.read_bytes()
    assert paged.count(b"verdict error_page") == 3  # all went through the pager ...
    assert b"verdict error_page" not in out  # ... and none straight to the terminal
    # not a terminal: no pager, plain output
    done = subprocess.run([sys.executable, "-m", "newsclean", "show",
                           str(outputs["clean.parquet"]), "--verdict", "error_page"],
                          capture_output=True, env=env, timeout=120, check=True)
    assert done.stdout.count(b"verdict error_page") == 3 and b"\x1b" not in done.stdout


def test_show_reads_a_shard_folder(outputs: dict[str, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    lines = outputs["clean.jsonl"].read_text(encoding="utf-8").splitlines(keepends=True)
    d = tmp_path / "run"
    d.mkdir()
    (d / "part-00001.jsonl").write_text("".join(lines[6:]), encoding="utf-8")
    (d / "part-00000.jsonl").write_text("".join(lines[:6]), encoding="utf-8")
    (d / "part-00000.jsonl.done").write_text("")
    (d / ".part-00002.jsonl.partial").write_text('{"half')
    assert main(["show", str(d), "--plain"]) == 0
    from_dir = capsys.readouterr().out
    assert main(["show", str(outputs["clean.jsonl"]), "--plain"]) == 0
    assert from_dir == capsys.readouterr().out
