"""The command line end to end: clean, show, restore, exit codes, workers."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from newsclean import clean_text
from newsclean.cli import COMMANDS, build_parser, main, parse_size
from newsclean.model import Record
from newsclean.setaside import default_set_aside_path
from newsclean.show import render_rich, show

FIXTURES = Path(__file__).parent / "fixtures"
RECORDS = FIXTURES / "records"
SEED = RECORDS / "seed.txt"


def rows(path: Path) -> list[dict]:
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return [json.loads(x) for x in raw.decode("utf-8").splitlines()]


def test_clean_writes_one_article_per_record_in_order_with_a_summary(tmp_path, capsys):
    out = tmp_path / "out" / "clean.jsonl"
    assert main(["clean", str(RECORDS), str(FIXTURES / "feed.jsonl"), "-o", str(out)]) == 0
    got = rows(out)
    record_files = sorted(RECORDS.glob("*.txt"))
    assert [g["id"] for g in got[: len(record_files)]] == [str(p) for p in record_files]
    assert [g["id"] for g in got[len(record_files) :]] == [
        "feed-1",
        "feed-2",
        f"{FIXTURES / 'feed.jsonl'}:4",
    ]
    assert set(got[0]) >= {
        "id",
        "source",
        "fetched",
        "http_status",
        "verdict",
        "title",
        "publisher",
        "language",
        "text",
        "quotes",
        "removed",
    }
    seed = next(g for g in got if g["id"] == str(SEED))
    assert seed["verdict"] == "article" and seed["http_status"] == 403
    assert seed["title"] == "NATO Comments on Possible Ukrainian Membership"
    err = capsys.readouterr().err
    summary = err.strip().splitlines()[-1]
    n_in = len(record_files) + 4
    assert f"read {n_in}, written {n_in - 1}" in summary and "set aside 1" in summary
    aside = rows(tmp_path / "out" / "clean.setaside.jsonl")
    assert len(aside) == 1 and aside[0]["source"] == f"{FIXTURES / 'feed.jsonl'}:3"


def test_clean_to_stdout_and_gzip_file_give_the_same_articles(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "--quiet", str(RECORDS)]) == 0
    to_stdout = capsysbinary.readouterr().out
    assert main(["clean", "--quiet", str(RECORDS), "-o", "c.jsonl.gz"]) == 0
    assert gzip.decompress((tmp_path / "c.jsonl.gz").read_bytes()) == to_stdout
    assert not (tmp_path / "newsclean.setaside.jsonl").exists()  # nothing was set aside


def test_workers_give_the_same_bytes_as_one_process(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    texts = [p.read_bytes().decode("utf-8") for p in sorted(RECORDS.glob("*.txt"))]
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(150):  # more than two batches
            f.write(json.dumps({"id": f"r{i}", "text": texts[i % len(texts)]}) + "\n")
            if i % 37 == 0:
                f.write("{broken\n")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["clean", "--quiet", str(corpus), str(RECORDS), "-o", str(one)]) == 0
    assert (
        main(["clean", "--quiet", str(corpus), str(RECORDS), "-o", str(two), "--workers", "2"]) == 0
    )
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "one.setaside.jsonl").read_bytes() == (
        tmp_path / "two.setaside.jsonl"
    ).read_bytes()
    assert len(rows(one)) == 150 + len(texts)


def test_workers_writing_lines_give_the_bytes_and_counts_of_one_process(tmp_path, capsys):
    # without the corpus pass the workers send each article as its JSON line (encoded.Encoded):
    # the same bytes, counts, set-aside file and --stats as articles written here
    corpus = tmp_path / "corpus.jsonl"
    texts = [p.read_bytes().decode("utf-8") for p in sorted(RECORDS.glob("*.txt"))]
    with corpus.open("w", encoding="utf-8") as f:
        for i in range(90):
            f.write(json.dumps({"id": f"r{i}", "text": texts[i % len(texts)]}) + "\n")
            if i % 29 == 0:
                f.write("{broken\n")
    base = ["clean", str(corpus), "--no-dedup", "-o"]
    assert main([*base, str(tmp_path / "one.jsonl"), "--workers", "1",
                 "--stats", str(tmp_path / "s1.json")]) == 0
    one_summary = capsys.readouterr().err.strip().splitlines()[-1]
    for name, extra in (("two.jsonl", []), ("two.jsonl.gz", []),
                        ("stats.jsonl", ["--stats", str(tmp_path / "s.json")])):
        assert main([*base, str(tmp_path / name), "--workers", "2", *extra]) == 0
        summary = capsys.readouterr().err.strip().splitlines()[-1]
        stem = name.removesuffix(".gz").removesuffix(".jsonl")
        # "read 94, written 90 (...one.jsonl), set aside 3 (...one.setaside.jsonl) | ..."
        assert summary.replace(name, "one.jsonl").replace(f"{stem}.setaside", "one.setaside") \
            == one_summary
        data = (tmp_path / name).read_bytes()
        assert (gzip.decompress(data) if name.endswith(".gz") else data) == (
            tmp_path / "one.jsonl").read_bytes()
        assert (tmp_path / f"{stem}.setaside.jsonl").read_bytes() == (tmp_path / "one.setaside.jsonl").read_bytes()
    assert "set aside 4" in one_summary and "written 90" in one_summary
    # --stats counts the lines' articles as it counts articles: spans, rules, languages, ...
    one, two = (json.loads((tmp_path / n).read_text()) for n in ("s1.json", "s.json"))
    for doc in (one, two):
        del doc["throughput"]
    assert one == two and one["removed"]["spans_by_rule"] and one["languages"]


def test_text_field_option_and_stdin(tmp_path, capsysbinary, monkeypatch):
    import io

    data = json.dumps({"key": "k", "record": SEED.read_text(encoding="utf-8")}) + "\n"

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(data.encode()))

    monkeypatch.setattr(sys, "stdin", Stdin())
    monkeypatch.chdir(tmp_path)
    assert main(["clean", "--quiet", "-", "--text-field", "record", "--id-field", "key"]) == 0
    (art,) = [json.loads(x) for x in capsysbinary.readouterr().out.decode().splitlines()]
    assert art["id"] == "k" and art["source"] == "<stdin>:1" and art["publisher"] == "MENAFN"


def test_exit_codes(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope.txt")]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    assert main(["clean"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["clean", str(SEED), "--workers", "0"]) == 2
    assert main(["clean", str(SEED), "--max-record-bytes", "lots"]) == 2
    own = tmp_path / "own.jsonl"
    own.write_text('{"id": "a", "text": "x"}\n')
    assert main(["clean", str(own), "-o", str(own)]) == 2
    assert own.read_text() == '{"id": "a", "text": "x"}\n'  # not overwritten
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"\xff\xfe\x00")
    (bad / "b.jsonl").write_text("not json\n")
    assert main(["clean", str(bad), "-o", str(tmp_path / "o.jsonl")]) == 3
    assert "nothing readable" in capsys.readouterr().err
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert main(["clean", "--quiet", str(empty), "-o", str(tmp_path / "o2.jsonl")]) == 3
    assert main(["--version"]) == 0


def test_show_plain_marks_every_removal_with_its_reason(capsys):
    assert main(["show", "--plain", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "verdict article" in out and "publisher MENAFN" in out
    assert "[-error_banner: Sorry!!\nError! We're sorry" in out
    assert "[-dateline: (MENAFN) -]NATO has never proposed" in out
    assert "[-repeated: The Ukrainian government" in out
    assert "[-boilerplate: Legal Disclaimer:" in out and "CommentsNo comment-]" in out
    # kept text is printed plainly, once outside the markers
    assert out.count("Currently, NATO and Ukraine share a close working relationship") == 2


def test_show_styles_removed_spans_in_a_terminal():
    text = SEED.read_text(encoding="utf-8")
    article = clean_text(text)
    rendered = render_rich(text, article)
    labels = [rendered.plain[s.start : s.end] for s in rendered.spans if "reverse" in str(s.style)]
    assert labels[:2] == ["[header]", "[error_banner]"]
    assert {"[title]", "[dateline]", "[repeated]", "[boilerplate]"} <= set(labels)
    console = Console(force_terminal=True, width=100, record=True)

    assert show([(Record("seed", text, "seed.txt"), article)], console) == 1
    assert "\x1b[" in console.export_text(styles=True)


def test_show_reports_set_aside_records(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["show", "--plain", str(bad), str(SEED), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "set aside" in out and "NUL byte" in out and "NATO" not in out


def test_console_script_and_module_entry_point(tmp_path):
    res = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(SEED), "-o", str(tmp_path / "o.jsonl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    assert "read 1, written 1" in res.stderr
    assert rows(tmp_path / "o.jsonl")[0]["publisher"] == "MENAFN"


@pytest.mark.parametrize(
    ("text", "n"),
    [("65536", 65536), ("8M", 8 << 20), ("500k", 500 << 10), ("1GiB", 1 << 30), ("2mb", 2 << 20)],
)
def test_parse_size(text, n):
    assert parse_size(text) == n


def test_set_aside_path_sits_beside_the_output():
    assert default_set_aside_path("out/run.jsonl") == "out/run.setaside.jsonl"
    assert default_set_aside_path("out/run.jsonl.gz") == "out/run.setaside.jsonl"
    assert default_set_aside_path(None) == "newsclean.setaside.jsonl"
    assert default_set_aside_path("-") == "newsclean.setaside.jsonl"


def test_subcommands_are_registered_in_one_place():
    assert [c.name for c in COMMANDS][:3] == ["clean", "restore", "show"]
    help_text = build_parser().format_help()
    assert all(c.name in help_text for c in COMMANDS)


def test_output_inside_an_input_directory_is_not_read_back(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_bytes(SEED.read_bytes())
    (data / "b.jsonl").write_text("oops\n")
    for _ in range(2):  # the second run finds the first run's output and set-aside file
        assert main(["clean", "--quiet", str(data), "-o", str(data / "clean.jsonl")]) == 0
        assert [r["id"] for r in rows(data / "clean.jsonl")] == [str(data / "a.txt")]
        assert len(rows(data / "clean.setaside.jsonl")) == 1


def test_no_enrich_skips_language_and_quotes(tmp_path) -> None:
    from newsclean.cli import main

    rec = tmp_path / "r.txt"
    rec.write_text(
        "date 2025-01-02 200\nBudget vote set for Monday after long talks\n"
        "The mayor, Anna Berg, spoke to reporters after the long meeting on the budget.\n"
        "“We are ready,” Berg said after the meeting in the town hall on Friday evening.\n",
        encoding="utf-8",
    )
    out_on, out_off = tmp_path / "on.jsonl", tmp_path / "off.jsonl"
    assert main(["clean", str(rec), "-o", str(out_on), "--quiet"]) == 0
    assert main(["clean", str(rec), "-o", str(out_off), "--quiet", "--no-enrich"]) == 0
    on = json.loads(out_on.read_text(encoding="utf-8"))
    off = json.loads(out_off.read_text(encoding="utf-8"))
    assert on["language"] == "en" and on["quotes"]
    assert off["language"] is None and off["quotes"] == []
    assert on["text"] == off["text"] and on["removed"] == off["removed"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_repair_encoding_flag_fixes_mojibake_and_restore_undoes_it(tmp_path, capsys, workers) -> None:
    text = (
        "date 2025-01-02 200\nBudget vote set for Monday after long talks\n"
        "The mayor said the council didnâ€™t expect the budget to pass â‚¬4 million this year.\n"
        "Councillors will meet again on Monday to vote on the final figures for the year.\n"
    )
    rec = tmp_path / "r.txt"
    rec.write_bytes(text.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    args = ["clean", str(rec), "-o", str(out), "--quiet", "--no-dedup", "--workers", workers]
    assert main([*args, "--repair-encoding"]) == 0
    art = rows(out)[0]
    assert "didn’t" in art["text"] and "€4 million" in art["text"]
    assert [r["fixed"] for r in art["repaired"]] == ["’", "€"]
    capsys.readouterr()
    assert main(["restore", str(out)]) == 0
    assert json.loads(capsys.readouterr().out)["record"] == text
    # without the flag the record's own characters stay
    assert main(args) == 0
    assert "didnâ€™t" in rows(out)[0]["text"] and rows(out)[0]["repaired"] == []
