"""Restore gives back every record exactly, from the API and from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import clean_text, restore
from newsclean.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "records"
RECORD_FILES = sorted(FIXTURES.glob("*.txt"))


def read_exact(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def test_fixtures_cover_the_hard_shapes():
    texts = {p.name: read_exact(p) for p in RECORD_FILES}
    assert texts["empty.txt"] == ""
    assert "\r\n" in texts["crlf.txt"]
    assert not texts["no_final_newline.txt"].endswith("\n")
    assert "   \n" in texts["blank_lines_trailing_spaces.txt"]
    assert "\n\n\n" in texts["blank_lines_trailing_spaces.txt"]


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.name)
def test_restore_inverts_cleaning(path: Path):
    text = read_exact(path)
    article = clean_text(text)
    assert restore(article.text, article.removed) == text
    # the dict form (as written to JSONL) restores the same
    removed = article.to_dict()["removed"]
    assert restore(article.text, removed) == text


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.name)
def test_offsets_are_code_point_offsets_into_the_record(path: Path):
    text = read_exact(path)
    for r in clean_text(text).removed:
        assert text[r.start : r.end] == r.text


def test_restore_command_gives_back_every_record(tmp_path: Path, capsys):
    out = tmp_path / "clean.jsonl"
    assert main(["clean", "--quiet", str(FIXTURES), "-o", str(out)]) == 0
    restored = tmp_path / "restored.jsonl"
    assert main(["restore", str(out), "-o", str(restored)]) == 0
    got = [json.loads(line) for line in restored.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == [str(p) for p in RECORD_FILES]
    for g, p in zip(got, RECORD_FILES, strict=True):
        assert g["record"] == read_exact(p), p.name


def test_restore_reads_gzip_output_and_stdout(tmp_path: Path, capsysbinary):
    out = tmp_path / "clean.jsonl.gz"
    seed = FIXTURES / "seed.txt"
    assert main(["clean", "--quiet", str(seed), "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    capsysbinary.readouterr()
    assert main(["restore", str(out)]) == 0
    line = capsysbinary.readouterr().out.decode("utf-8")
    assert json.loads(line) == {"id": str(seed), "record": read_exact(seed)}


def test_restore_reports_broken_lines_and_goes_on(tmp_path: Path, capsys):
    good = clean_text("date 2025-01-01 200\nA Title Here\nA paragraph of text that is kept.\n")
    cleaned = tmp_path / "clean.jsonl"
    lines = [
        json.dumps(good.to_dict()),
        '{"id": "x", "text": "no removed field"}',
        "not json",
        json.dumps({"id": "y", "text": "abc", "removed": [{"start": 0, "end": 5, "text": "xy"}]}),
        json.dumps(good.to_dict()),
    ]
    cleaned.write_text("\n".join(lines) + "\n", encoding="utf-8")
    restored = tmp_path / "restored.jsonl"
    assert main(["restore", str(cleaned), "-o", str(restored)]) == 1
    err = capsys.readouterr().err
    assert f"{cleaned}:2:" in err and f"{cleaned}:3:" in err and f"{cleaned}:4:" in err
    assert len(restored.read_text(encoding="utf-8").splitlines()) == 2
