"""`clean --stats PATH` (a JSON summary, checked against its schema and against the output
it describes) and the progress display (rich on a terminal, plain lines elsewhere)."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from test_shards import make_corpus

from newsclean.cli import main
from newsclean.stats import STATS_SCHEMA


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "in")


def validate(doc: dict) -> None:
    jsonschema.validate(doc, STATS_SCHEMA, cls=jsonschema.Draft202012Validator)


def test_stats_follow_the_schema_and_count_what_was_written(corpus, tmp_path):
    out, stats = tmp_path / "o.jsonl", tmp_path / "stats.json"
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--stats", str(stats)]) == 0
    doc = json.loads(stats.read_text())
    validate(doc)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert doc["records"] == 131 and doc["written"] == len(rows) == 130
    assert doc["set_aside"] == 1 and doc["dropped_duplicates"] == 0
    assert doc["verdicts"] == dict(Counter(r["verdict"] for r in rows))
    spans = [s for r in rows for s in r["removed"]]
    assert doc["removed"]["spans_by_reason"] == dict(Counter(s["reason"] for s in spans))
    assert doc["removed"]["chars"] == sum(s["end"] - s["start"] for s in spans) > 0
    assert sum(doc["removed"]["spans_by_rule"].values()) == len(spans)
    assert doc["chars"]["kept"] == sum(len(r["text"]) for r in rows)
    assert doc["languages"] == dict(Counter(r["language"] for r in rows if r["language"]))
    # per source: the site of each feed record, the file of each text record
    sites = Counter(r["url"].split("/")[2] for r in rows if r.get("url"))
    for site, n in sites.items():
        assert doc["sources"][site]["records"] == n
    assert sum(v["records"] for v in doc["sources"].values()) == 131
    # clusters: every fifth feed record is one of 8 stories, 3 copies each
    assert doc["clusters"] == {"records_by_cluster_size": {"1": 106, "3": 24},
                               "clusters_by_size": {"1": 106, "3": 8}}
    sizes = Counter(r["cluster_size"] for r in rows)
    assert doc["clusters"]["records_by_cluster_size"] == {str(k): v for k, v in sorted(sizes.items())}
    canon = Counter(r["cluster_size"] for r in rows if r["canonical"])
    assert doc["clusters"]["clusters_by_size"] == {str(k): v for k, v in sorted(canon.items())}
    assert doc["clusters"]["clusters_by_size"].get("1", 0) < 130  # copies were clustered
    assert doc["corpus"]["clusters"] == len({r["cluster"] for r in rows})
    assert doc["throughput"]["records_cleaned"] == 131
    assert doc["throughput"]["records_per_second"] > 0
    assert doc["set_aside_reasons"] == {"malformed JSON": 1}


def test_the_schema_rejects_what_is_not_a_stats_document(corpus, tmp_path):
    stats = tmp_path / "stats.json"
    assert main(["clean", "--quiet", str(corpus / "b-records"), "-o", str(tmp_path / "o.jsonl"),
                 "--stats", str(stats), "--no-dedup"]) == 0
    doc = json.loads(stats.read_text())
    validate(doc)
    for broken in (
        {**doc, "verdicts": {**doc["verdicts"], "maybe": 1}},  # not a verdict
        {**doc, "records": -1},
        {k: v for k, v in doc.items() if k != "throughput"},
        {**doc, "clusters": {"records_by_cluster_size": {"0": 1}, "clusters_by_size": {}}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def test_stats_of_a_sharded_resumed_run_equal_an_uninterrupted_run(corpus, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    args = ["clean", "--quiet", str(corpus), "--drop-duplicates"]
    assert main([*args, "-o", str(tmp_path / "one.jsonl"), "--stats", str(a)]) == 0
    run = tmp_path / "run"
    assert main([*args, "-o", str(run), "--shard-records", "30"]) == 0
    for k in (1, 3):
        (run / f"part-0000{k}.done").unlink()
    assert main([*args, "-o", str(run), "--shard-records", "30", "--resume", "--stats",
                 str(b)]) == 0
    one, two = json.loads(a.read_text()), json.loads(b.read_text())
    validate(two)
    assert one["dropped_duplicates"] > 0
    assert one["throughput"]["records_cleaned"] == 131
    one.pop("throughput")
    two.pop("throughput")
    assert one == two


def test_a_stats_path_that_is_an_input_is_refused(corpus, tmp_path, capsys):
    feed = corpus / "a-feed.jsonl"
    before = feed.read_bytes()
    assert main(["clean", str(feed), "-o", str(tmp_path / "o.jsonl"), "--stats",
                 str(feed)]) == 2
    assert "--stats" in capsys.readouterr().err
    assert feed.read_bytes() == before


def test_plain_progress_lines_when_stderr_is_not_a_terminal(corpus, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(corpus), "-o",
         str(tmp_path / "o.jsonl"), "--progress-every", "0"],
        capture_output=True, text=True, check=True,
    )
    lines = done.stderr.splitlines()
    cleaning = [x for x in lines if x.startswith("newsclean: cleaning ")]
    assert cleaning, done.stderr
    # the total is counted in the background: once known, lines say "n/131 records (p%)"
    assert re.fullmatch(r"newsclean: cleaning \d+(/\d+)? records( \(\d+%\))?, \d+ records/s, "
                        r"ETA [-\d]:[-\d]{2}:[-\d]{2}( \| \S.*)?", cleaning[-1]), cleaning[-1]
    assert any("/131 records" in x for x in cleaning)
    assert any(x.startswith("newsclean: writing ") for x in lines)  # the corpus phase
    assert lines[-1].startswith("newsclean: read 131, written 130")
    quiet = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(corpus), "-o",
         str(tmp_path / "q.jsonl"), "--progress-every", "0", "--quiet"],
        capture_output=True, text=True, check=True,
    )
    assert quiet.stderr == ""


def test_the_progress_bar_in_a_terminal(corpus, tmp_path):
    """In a pseudo-terminal: rich's bar with the phase, n/total, records/s and ETA."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160", "LINES": "40"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", str(corpus), str(corpus), "-o",
         str(tmp_path / "o.jsonl")],
        stdin=slave, stdout=subprocess.DEVNULL, stderr=slave, env=env,
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=60)
    os.close(master)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", seen.decode("utf-8", "replace"))
    assert proc.returncode == 0, text
    assert "cleaning" in text and "records/s" in text and "ETA" in text, text
    assert re.search(r"\d+/262", text), text  # the total: 2 x 131 records
    assert "newsclean: read 262, written 260" in text
    assert "Traceback" not in text


def test_a_stats_file_inside_an_input_folder_is_never_read(tmp_path):
    folder = make_corpus(tmp_path / "in", n=20)
    stats, out = folder / "stats.json", tmp_path / "o.jsonl"
    args = ["clean", "--quiet", str(folder), "-o", str(out), "--stats", str(stats)]
    assert main(args) == 0
    first = json.loads(stats.read_text())
    assert main(args) == 0  # the first run's stats.json is in the folder now: not input
    assert json.loads(stats.read_text())["records"] == first["records"] == 31
    assert not (tmp_path / "o.setaside.jsonl").read_text().count("stats.json")


def test_the_total_counts_compressed_lines_and_survives_a_cut_file(tmp_path):
    # the progress total reads a .jsonl.gz once, unverified: the lines of an intact file,
    # an estimate (never an error) for a cut one
    import gzip

    from newsclean.progress import count_records

    lines = b"".join(json.dumps({"id": f"r{i}", "text": f"Harbour news {i}."}).encode() + b"\n"
                     for i in range(2500))
    whole = tmp_path / "feed.jsonl.gz"
    whole.write_bytes(gzip.compress(lines, mtime=0))
    plain = tmp_path / "more.jsonl"
    plain.write_bytes(lines[:-1])  # no final newline: still a line
    assert count_records([str(whole), str(plain)]) == 5000
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    got = count_records([str(cut)])
    assert got is not None and 0 <= got < 2500
