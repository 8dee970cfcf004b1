"""Sharded, resumable runs (`clean -o DIR`): the shards read in order are the records of an
uninterrupted run, byte for byte, whatever stopped the run before (SIGKILL, Ctrl-C)."""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from newsgen import article

from newsclean.cli import main
from newsclean.shards import is_directory_output

FIXTURES = Path(__file__).parent / "fixtures"
RECORDS = FIXTURES / "records"


def make_corpus(folder: Path, n: int = 120, seed: int = 7, template: bool = False) -> Path:
    """A JSONL feed of generated stories, some syndicated (copies under other sites, for
    clusters), with a bad line, plus the fixture records.  template: each site puts its
    own menu line above and footer line below its stories (for learned boilerplate)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    stories = [article(1500, seed=s) for s in range(8)]
    for i in range(n):  # every fifth record is a copy of one of 8 stories
        text = stories[i // 5 % 8] if i % 5 == 0 else article(1200, seed=1000 + i)
        site = f"site{rng.randrange(6)}.example"
        body = f"Story {i} headline\n{text}\n"
        if template:
            body = (f"{site} Home Politics Harbour Sport Weather\n{body}"
                    f"Read more from {site} in our evening newsletter, delivered daily\n")
        lines.append(json.dumps({"id": f"r{i}", "url": f"https://{site}/a/{i}",
                                 "text": body}))
        if i == n // 2:
            lines.append('{"id": "broken", "text": ')  # set aside, never a crash
    (folder / "a-feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs = folder / "b-records"
    recs.mkdir()
    for p in sorted(RECORDS.iterdir()):
        (recs / p.name).write_bytes(p.read_bytes())
    return folder


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def shard_lines(folder: Path, ext: str = ".jsonl") -> bytes:
    out = b""
    for p in sorted(folder.glob("part-*" + ext)):
        raw = p.read_bytes()
        out += gzip.decompress(raw) if ext.endswith(".gz") else raw
    return out


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsclean", "clean", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory) -> Path:
    """A run that lasts seconds, not a fraction of one: a Ctrl-C sent once its workers are up
    (or its first shard is written) must find it still running, however fast they start."""
    return make_corpus(tmp_path_factory.mktemp("long") / "in", n=1500)


def test_directory_outputs_are_told_from_files(tmp_path):
    (tmp_path / "there").mkdir()
    assert is_directory_output(str(tmp_path / "there"))
    assert is_directory_output(str(tmp_path / "new-run"))
    assert is_directory_output(str(tmp_path / "x.jsonl") + "/")
    assert not is_directory_output(str(tmp_path / "out.jsonl"))
    assert not is_directory_output(str(tmp_path / "out.jsonl.gz"))
    assert not is_directory_output(str(tmp_path / "out.parquet"))
    assert not is_directory_output("-")
    assert not is_directory_output(None)


@pytest.mark.parametrize("dedup", ["--dedup", "--no-dedup"])
def test_shards_in_order_equal_the_single_file_output(corpus, tmp_path, dedup):
    one = tmp_path / "one.jsonl"
    assert main(["clean", "--quiet", str(corpus), "-o", str(one), dedup]) == 0
    out = tmp_path / "run"
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), dedup,
                 "--shard-records", "25"]) == 0
    parts = sorted(out.glob("part-*.jsonl"))
    assert len(parts) == 6  # 120 + 1 broken + 10 records = 131 records: 25 per shard
    assert all((out / (p.name[:-6] + ".done")).is_file() for p in parts)
    assert shard_lines(out) == one.read_bytes()
    # the set-aside entries are sharded too: the broken line, in the shard it was read in
    aside = sorted((out / "setaside").glob("*.jsonl"))
    assert [p.name for p in aside] == ["part-00002.jsonl"]
    assert aside[0].read_bytes() == (tmp_path / "one.setaside.jsonl").read_bytes()
    assert not list(out.rglob(".*"))  # no temporary files, no checkpoints left


def test_one_shard_per_input_file_and_other_formats(corpus, tmp_path):
    one = tmp_path / "one.jsonl"
    assert main(["clean", "--quiet", str(corpus), "-o", str(one), "--no-dedup"]) == 0
    out = tmp_path / "gz"
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--no-dedup",
                 "--shard-per-file", "--format", "jsonl.gz"]) == 0
    parts = sorted(out.glob("part-*.jsonl.gz"))
    assert len(parts) == 1 + len(list(RECORDS.iterdir()))  # the feed, then each record
    assert shard_lines(out, ".jsonl.gz") == one.read_bytes()
    pq_out = tmp_path / "pq"
    assert main(["clean", "--quiet", str(corpus), "-o", str(pq_out), "--no-dedup",
                 "--format", "parquet", "--shard-records", "50"]) == 0
    rows = [r for p in sorted(pq_out.glob("part-*.parquet")) for r in pq.read_table(p).to_pylist()]
    assert [r["id"] for r in rows] == [json.loads(x)["id"] for x in one.read_text().splitlines()]


def test_shard_options_without_a_folder_are_refused(corpus, tmp_path, capsys):
    for extra in (["--resume"], ["--shard-per-file"], ["--format", "parquet"]):
        assert main(["clean", str(corpus), "-o", str(tmp_path / "o.jsonl"), *extra]) == 2
        assert "need -o DIR" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_an_output_folder_holding_an_input_is_refused(corpus, tmp_path, capsys):
    assert main(["clean", str(corpus / "a-feed.jsonl"), "-o", str(corpus)]) == 2
    assert "inside the output folder" in capsys.readouterr().err
    assert not (corpus / "part-00000.jsonl").exists()


def test_resume_goes_on_only_with_the_same_run(corpus, tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--no-dedup"]) == 0
    before = files_of(out)
    # same command: nothing to do, same totals, nothing rewritten
    assert main(["clean", str(corpus), "-o", str(out), "--no-dedup", "--resume"]) == 0
    assert "read 131, written 130" in capsys.readouterr().err
    assert files_of(out) == before
    # other options: refused, the shards left as they were
    assert main(["clean", str(corpus), "-o", str(out), "--no-enrich", "--resume",
                 "--no-dedup"]) == 2
    assert "another run" in capsys.readouterr().err
    assert files_of(out) == before
    # --store cannot be resumed
    assert main(["clean", str(corpus), "-o", str(out), "--store", str(tmp_path / "s.db"),
                 "--resume"]) == 2
    assert "--store" in capsys.readouterr().err
    # without --resume a run starts again and replaces the shards
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--no-enrich",
                 "--no-dedup", "--shard-records", "100"]) == 0
    assert sorted(p.name for p in out.glob("part-*.jsonl")) == ["part-00000.jsonl",
                                                                "part-00001.jsonl"]


def test_a_lost_marker_is_redone_and_a_leftover_temporary_file_removed(corpus, tmp_path):
    out = tmp_path / "run"
    args = ["clean", "--quiet", str(corpus), "-o", str(out), "--shard-records", "40"]
    assert main(args) == 0
    before = files_of(out)
    (out / "part-00001.done").unlink()
    (out / "part-00001.jsonl").write_text("half a shard")
    (out / ".part-00002.jsonl.x1y2.partial").write_text("killed mid-write")
    assert main([*args, "--resume"]) == 0
    assert files_of(out) == before


def _timed_run(args: list[str], folder: Path) -> tuple[float, float]:
    """(seconds until the run has begun its folder, seconds in all) of a whole run."""
    t0 = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    began = None
    while proc.poll() is None:
        if began is None and (folder / "_newsclean.json").exists():
            began = time.monotonic() - t0
        time.sleep(0.01)
    assert proc.returncode == 0
    took = time.monotonic() - t0
    return (began if began is not None else took), took


def _run_and_kill(args: list[str], folder: Path, after: float) -> tuple[int, list[str]]:
    """Start a run, SIGKILL it `after` seconds after it began its folder; its exit code
    and the shards finished by then."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (folder / "_newsclean.json").exists() and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return proc.returncode, sorted(p.name for p in folder.glob("part-*.done"))


@pytest.mark.parametrize("mode", ["--dedup", "--no-dedup"])
def test_a_run_killed_at_a_random_point_and_resumed_is_byte_identical(corpus, tmp_path, mode):
    args = [str(corpus), "--quiet", mode, "--shard-records", "20", "--workers", "2"]
    whole = tmp_path / "whole"
    began, took = _timed_run(cli(*args, "-o", str(whole)), whole)
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    out = tmp_path / "killed"
    # killed at a random point of its work (the folder begun, not yet done) ...
    after = rng.uniform(0, took - began)
    code, finished = _run_and_kill(cli(*args, "-o", str(out)), out, after)
    why = f"seed {seed}: killed {after:.2f} s in (exit {code}), shards done then: {finished}"
    # ... then the resumed run killed too, then resumed to the end
    _run_and_kill(cli(*args, "-o", str(out), "--resume"), out, rng.uniform(0, took - began))
    done = subprocess.run(cli(*args, "-o", str(out), "--resume"), capture_output=True)
    assert done.returncode == 0, (why, done.stderr)
    assert files_of(out) == files_of(whole), why


def test_ctrl_c_stops_quietly_and_leaves_no_partial_file(long_corpus, tmp_path):
    corpus = long_corpus
    out = tmp_path / "run"
    args = cli(str(corpus), "-o", str(out), "--shard-records", "10", "--workers", "2",
               "--no-dedup")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob("part-*.done")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the workers are up and a first shard is written
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip().splitlines()[-1] == "newsclean: interrupted"
    assert not [p for p in out.rglob("*") if p.name.endswith(".partial")]
    for p in out.glob("part-*.jsonl"):  # every shard there is whole: it has its marker
        assert (out / (p.name[:-6] + ".done")).is_file()
    # and the run goes on from there to the uninterrupted result
    whole = tmp_path / "whole"
    assert main(["clean", "--quiet", str(corpus), "-o", str(whole), "--shard-records", "10",
                 "--no-dedup"]) == 0
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--shard-records", "10",
                 "--no-dedup", "--resume"]) == 0
    assert files_of(out) == files_of(whole)


@pytest.mark.parametrize("delay", [0.1, 0.3])
def test_ctrl_c_while_workers_start_prints_no_worker_traceback(long_corpus, tmp_path, delay):
    """Ctrl-C reaches the whole process group, workers still importing included."""
    corpus = long_corpus
    args = cli(str(corpus), "-o", str(tmp_path / "o.jsonl"), "--workers", "2", "--no-dedup")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(children.read_text().split()) < 2:
        time.sleep(0.01)
    time.sleep(delay)  # both workers spawned: they are importing now
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err, err
    assert err.strip().splitlines() == ["newsclean: interrupted"]
    assert not (tmp_path / "o.jsonl").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_a_folder_another_run_is_writing_is_refused(corpus, tmp_path, capsys):
    import fcntl

    out = tmp_path / "run"
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a run in progress holds it
        assert main(["clean", str(corpus), "-o", str(out), "--no-dedup"]) == 2
        assert "being written by another newsclean run" in capsys.readouterr().err
        assert list(out.iterdir()) == []
    finally:
        os.close(fd)
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--no-dedup"]) == 0
    assert (out / "part-00000.done").is_file()


@pytest.mark.parametrize("sharding", [["--shard-records", "20"], ["--shard-per-file"]])
@pytest.mark.parametrize("stage", ["_Checkpoint", "_ShardOut"])
def test_a_corpus_run_stopped_in_either_stage_resumes_to_the_same_bytes(
        corpus, tmp_path, monkeypatch, stage, sharding):
    """Stage 1 (cleaning into checkpoints) or stage 2 (corpus passes, output shards) stopped
    at its third shard: the resumed run cleans only what is missing and gives the folder of
    an uninterrupted run."""
    import newsclean.shards as shards

    args = ["clean", "--quiet", str(corpus), "--learn-boilerplate", "--drop-duplicates",
            *sharding]
    whole = tmp_path / "whole"
    assert main([*args, "-o", str(whole)]) == 0
    cls = getattr(shards, stage)
    real = cls.commit
    calls = []

    def stopping(self):
        calls.append(self.k)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(self)

    out = tmp_path / "out"
    monkeypatch.setattr(cls, "commit", stopping)
    assert main([*args, "-o", str(out)]) == 130
    monkeypatch.setattr(cls, "commit", real)
    assert not [p for p in out.rglob("*") if p.name.endswith(".partial")]
    checkpoints = [json.loads(p.read_text()) for p in (out / ".work").glob("clean-*.done")]
    if stage == "_Checkpoint":
        assert len(checkpoints) == 2
        assert not list(out.glob("part-*"))
    else:
        assert len(list(out.glob("part-*.done"))) == 2
    cleaned = []
    real_clean = shards._clean_pairs

    def counting(items, options, engine):
        for pair in real_clean(items, options, engine):
            cleaned.append(pair)
            yield pair

    monkeypatch.setattr(shards, "_clean_pairs", counting)
    assert main([*args, "-o", str(out), "--resume"]) == 0
    assert len(cleaned) == 131 - sum(c["records"] for c in checkpoints)
    if stage == "_ShardOut":
        assert cleaned == []  # every shard's checkpoint was there: nothing cleaned again
    assert files_of(out) == files_of(whole)


def test_shards_with_a_store_equal_the_single_file_with_a_store(corpus, tmp_path):
    one, folder = tmp_path / "one.jsonl", tmp_path / "run"
    assert main(["clean", "--quiet", str(corpus), "-o", str(one),
                 "--store", str(tmp_path / "a.db")]) == 0
    assert main(["clean", "--quiet", str(corpus), "-o", str(folder), "--shard-records", "30",
                 "--store", str(tmp_path / "b.db")]) == 0
    assert shard_lines(folder) == one.read_bytes()
    # a second run with each store: the same bytes again, as files and as shards
    again, folder2 = tmp_path / "again.jsonl", tmp_path / "run2"
    assert main(["clean", "--quiet", str(corpus / "a-feed.jsonl"), "-o", str(again),
                 "--store", str(tmp_path / "a.db")]) == 0
    assert main(["clean", "--quiet", str(corpus / "a-feed.jsonl"), "-o", str(folder2),
                 "--store", str(tmp_path / "b.db")]) == 0
    assert shard_lines(folder2) == again.read_bytes()
    rows = [json.loads(x) for x in again.read_text().splitlines()]
    assert sum(r["cluster_size"] == 3 for r in rows) == 24
