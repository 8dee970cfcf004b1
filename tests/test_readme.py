"""Every example in the README, run exactly as written, from the repository's folder.

The examples are the README's fenced ```sh and ```python blocks (indented blocks are the
synopsis and samples of output).  The sh blocks run in order in one bash session with
`set -eo pipefail`, so the set-up line `. .venv/bin/activate` puts `newsclean` on PATH for
those after it, as for a reader; `make test` is left out (it is what runs this test).  A
`newsclean browse` line serves until stopped: it is started, its page fetched, and stopped.
The python blocks are saved as a script and run with the venv's Python.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(sh|python)\n(.*?)^```", README, flags=re.S | re.M)
SH = [line for kind, body in BLOCKS if kind == "sh" for line in body.splitlines()
      if line.strip() and not line.lstrip().startswith("#")]
SERVING = [line for line in SH if line.startswith("newsclean browse")]
ONE_SHOT = [line for line in SH if line not in SERVING and line.split("#")[0].strip()
            != "make test"]
PYTHON = [body for kind, body in BLOCKS if kind == "python"]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("VIRTUAL_ENV", None)
    return env


def _venv() -> None:
    if not (ROOT / ".venv" / "bin" / "activate").is_file():
        pytest.skip("no .venv in the repository (the README's set-up makes it: make demo)")


def test_readme_has_the_examples() -> None:
    assert ". .venv/bin/activate" in ONE_SHOT and "make demo" in " ".join(ONE_SHOT)
    commands = " ".join(ONE_SHOT)
    for cmd in ("newsclean clean", "newsclean show", "newsclean restore", "newsclean report",
                "newsclean boilerplate learn"):
        assert cmd in commands
    assert SERVING and PYTHON
    # every path an example reads is in the repository
    for line in ONE_SHOT:
        for word in line.split():
            word = word.strip("'\"")
            if word.startswith("examples/") and "*" not in word:
                assert (ROOT / word).exists(), word


def test_shell_examples_run_as_written(tmp_path: Path) -> None:
    _venv()
    script = "set -eo pipefail\n" + "".join(
        f"echo '>>> {i}'\n{line}\n" for i, line in enumerate(ONE_SHOT))
    done = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True,
                           timeout=900, env=_env())
    assert done.returncode == 0, (done.stdout[-3000:], done.stderr[-3000:])
    ran = re.findall(r"^>>> (\d+)$", done.stdout, flags=re.M)
    assert len(ran) == len(ONE_SHOT)
    out = ROOT / "out"
    assert (out / "report.html").stat().st_size > 10_000
    assert (out / "feed.parquet").is_file() and (out / "model.json").is_file()
    assert '"record"' in done.stdout  # restore ... | head -1
    assert "records/s" in done.stderr  # clean ... -v


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_browse_example_serves_its_page() -> None:
    _venv()
    for line in SERVING:
        port = int(re.search(r"--port (\d+)", line).group(1))  # type: ignore[union-attr]
        if not _port_free(port):
            pytest.skip(f"port {port} is taken on this machine")
        if not (ROOT / "out" / "clean.jsonl.gz").is_file():
            subprocess.run(["bash", "-c", ". .venv/bin/activate && newsclean clean examples/ "
                            "-o out/clean.jsonl.gz -q"], cwd=ROOT, check=True, timeout=300)
        proc = subprocess.Popen(["bash", "-c", f". .venv/bin/activate && exec {line}"],
                                cwd=ROOT, stderr=subprocess.PIPE, text=True, env=_env())
        try:
            assert proc.stderr is not None
            said = proc.stderr.readline()
            assert f"http://127.0.0.1:{port}/" in said, said
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/?verdict=article")
            resp = conn.getresponse()
            body = resp.read().decode("utf-8")
            assert resp.status == 200 and 'class="record"' in body
        finally:
            proc.send_signal(signal.SIGINT)
            assert proc.wait(timeout=30) == 0
        time.sleep(0.1)


def test_python_example_runs_as_a_script(tmp_path: Path) -> None:
    for i, body in enumerate(PYTHON):
        script = tmp_path / f"readme_{i}.py"
        script.write_text(body, encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                              text=True, timeout=600, env=_env())
        assert done.returncode == 0, done.stderr[-3000:]
    api = [line for line in (ROOT / "out" / "api.jsonl").read_text().splitlines()]
    assert api and all('"cluster"' in x and '"cluster_size"' in x for x in api)
    assert all('"cluster"' not in x for x in
               (ROOT / "out" / "api-nodedup.jsonl").read_text().splitlines())
