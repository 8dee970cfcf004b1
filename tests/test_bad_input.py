"""Bad input never crashes a run and never vanishes: each case is set aside, the run goes on."""

from __future__ import annotations

import base64
import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from newsclean.clean_run import CleanOptions, run_clean
from newsclean.model import BadRecord, Record
from newsclean.readers import ReadOptions, read_inputs
from newsclean.readers.jsonl import iter_capped_lines

GOOD = (
    " date 2025-05-06 200\n"
    "Lighthouse Keeper's Cottage Opens as Museum\n"
    "The former keeper's cottage at Cape Durran opened as a small maritime museum on Saturday.\n"
    "Volunteers spent three years restoring the building and collecting objects from local families.\n"
)
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def line(obj: object) -> bytes:
    return (json.dumps(obj) + "\n").encode()


def set_aside_rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# (file name, bytes, expected fragment of the error, line number or None for a text record)
TEXT_CASES = [
    ("invalid_utf8.txt", GOOD.encode() + b"caf\xe9 au lait\n", "invalid UTF-8", None),
    ("nul.txt", b" date 2025-01-01 200\nTitle\x00\n", "NUL byte", None),
    ("image.txt", PNG_HEAD, "binary content", None),
]
JSONL_CASES = [
    ("malformed", b'{"id": "m", "text": "cut off\n', "malformed JSON"),
    ("not_object", b'["a", "list"]\n', "expected a JSON object"),
    ("missing_field", line({"id": "n", "body": GOOD}), "missing text field 'text'"),
    ("number_field", line({"id": "n", "text": 42}), "is a number, expected a string"),
    ("null_field", line({"id": "n", "text": None}), "is null, expected a string"),
    ("bad_id", line({"id": {"x": 1}, "text": GOOD}), "id field 'id' is an object"),
    ("invalid_utf8", b'{"id": "u", "text": "caf\xe9"}\n', "invalid UTF-8"),
    ("nul_escape", line({"id": "z", "text": "a\u0000b"}), "NUL character"),
    ("lone_surrogate", b'{"id": "s", "text": "x\\ud800y"}\n', "unpaired surrogate"),
]


@pytest.mark.parametrize(("name", "data", "fragment", "_line"), TEXT_CASES)
def test_bad_text_record_is_set_aside_with_file_and_raw_bytes(
    tmp_path, name, data, fragment, _line
):
    bad_file = write(tmp_path / "in" / name, data)
    write(tmp_path / "in" / "zz_good.txt", GOOD)
    out = tmp_path / "out.jsonl"
    summary = run_clean([tmp_path / "in"], str(out), CleanOptions())
    assert (summary.read, summary.written, summary.set_aside) == (2, 1, 1)
    (row,) = set_aside_rows(tmp_path / "out.setaside.jsonl")
    assert fragment in row["error"] and str(bad_file) in row["error"]
    assert row["source"] == str(bad_file)
    assert base64.b64decode(row["raw_base64"]) == data
    assert json.loads(out.read_text(encoding="utf-8"))["verdict"] == "article"


@pytest.mark.parametrize(("case", "bad_line", "fragment"), JSONL_CASES)
def test_bad_jsonl_line_is_set_aside_and_the_file_goes_on(tmp_path, case, bad_line, fragment):
    data = line({"id": "first", "text": GOOD}) + bad_line + line({"id": "last", "text": GOOD})
    f = write(tmp_path / f"{case}.jsonl", data)
    out = tmp_path / "out.jsonl"
    aside = tmp_path / "aside.jsonl"
    summary = run_clean([str(f)], str(out), CleanOptions(set_aside=str(aside)))
    assert (summary.read, summary.written, summary.set_aside) == (3, 2, 1)
    (row,) = set_aside_rows(aside)
    assert fragment in row["error"]
    assert row["source"] == f"{f}:2" and row["error"].startswith(f"{f}:2: ")
    assert base64.b64decode(row["raw_base64"]) == bad_line.rstrip(b"\n")
    ids = [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["first", "last"]


def test_record_above_the_size_limit_is_set_aside_with_a_prefix(tmp_path: Path):
    big = GOOD + ("More text of the same article goes on and on. " * 4000)
    write(tmp_path / "big.txt", big)
    write(tmp_path / "small.txt", GOOD)
    write(
        tmp_path / "feed.jsonl",
        line({"id": "huge", "text": big}) + line({"id": "ok", "text": GOOD}),
    )
    out = tmp_path / "o.jsonl"
    opts = CleanOptions(read=ReadOptions(max_record_bytes=64 * 1024))
    summary = run_clean([tmp_path], str(out), opts)
    assert (summary.read, summary.written, summary.set_aside) == (4, 2, 2)
    rows = set_aside_rows(tmp_path / "o.setaside.jsonl")
    assert [r["source"] for r in rows] == [
        str(tmp_path / "big.txt"),
        f"{tmp_path / 'feed.jsonl'}:1",
    ]
    for r in rows:
        assert "record too large" in r["error"] and "--max-record-bytes 65536" in r["error"]
        assert r["raw_truncated"] is True
        assert len(base64.b64decode(r["raw_base64"])) == 64 * 1024  # a prefix, not the record
    assert base64.b64decode(rows[0]["raw_base64"]).startswith(big.encode()[:100])


class _EndlessLine(io.RawIOBase):
    """A stream of `size` bytes of 'x' without a newline, then one short good line."""

    def __init__(self, size: int, tail: bytes) -> None:
        self.left = size
        self.tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.left > 0:
            n = min(len(b), self.left)
            b[:n] = b"x" * n
            self.left -= n
            return n
        n = min(len(b), len(self.tail))
        b[:n] = self.tail[:n]
        self.tail = self.tail[n:]
        return n


def test_a_huge_line_without_newline_costs_only_the_cap_in_memory():
    size = 200 * 1024 * 1024  # 200 MB, generated on the fly, never held
    stream = io.BufferedReader(_EndlessLine(size, b'\n{"id": "after"}\n'))
    tracemalloc.start()
    try:
        got = [(n, len(raw), over) for n, raw, over in iter_capped_lines(stream, 1024 * 1024)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == [(1, 1024 * 1024, size), (2, len(b'{"id": "after"}'), None)]
    assert peak < 16 * 1024 * 1024


def test_truncated_gzip_keeps_what_was_read_and_sets_the_rest_aside(tmp_path: Path):
    data = b"".join(
        line({"id": f"r{i}", "text": GOOD + f"Paragraph number {i}.\n"}) for i in range(200)
    )
    gz = gzip.compress(data)
    f = write(tmp_path / "cut.jsonl.gz", gz[: len(gz) // 2])
    got = list(read_inputs([f]))
    assert isinstance(got[-1], BadRecord) and "rest of file skipped" in got[-1].error
    assert all(isinstance(r, Record) for r in got[:-1]) and len(got) > 1


def test_cleaning_failure_is_set_aside_not_raised(tmp_path: Path, monkeypatch):
    import newsclean.clean_run as cr

    def explode(record, **kw):
        if "EXPLODE" in record.text:
            raise RuntimeError("detector bug")
        return real(record, **kw)

    real = cr.clean_record
    monkeypatch.setattr(cr, "clean_record", explode)
    write(tmp_path / "a.txt", GOOD + "EXPLODE\n")
    write(tmp_path / "b.txt", GOOD)
    summary = run_clean([tmp_path], str(tmp_path / "o.jsonl"), CleanOptions())
    assert (summary.read, summary.written, summary.set_aside) == (2, 1, 1)
    (row,) = set_aside_rows(tmp_path / "o.setaside.jsonl")
    assert "internal error while cleaning: RuntimeError: detector bug" in row["error"]
    assert base64.b64decode(row["raw_base64"]).decode() == GOOD + "EXPLODE\n"


def test_counts_add_up_over_a_mixed_corpus(tmp_path: Path):
    inputs = tmp_path / "in"
    for name, data, _, _ in TEXT_CASES:
        write(inputs / name, data)
    write(inputs / "empty.txt", b"")
    write(inputs / "good.txt", GOOD)
    feed = b"".join(bad for _, bad, _ in JSONL_CASES) + line({"id": "g", "text": GOOD}) + b"\n\n"
    write(inputs / "feed.jsonl", feed)
    write(inputs / "readme.md", "not an input")
    summary = run_clean([inputs], str(tmp_path / "o.jsonl"), CleanOptions())
    written = len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines())
    aside = len(set_aside_rows(tmp_path / "o.setaside.jsonl"))
    assert summary.written == written == 3
    assert summary.set_aside == aside == len(TEXT_CASES) + len(JSONL_CASES)
    assert summary.read == summary.written + summary.set_aside
    assert sum(summary.verdicts.values()) == summary.written
    assert summary.skipped_files == [str(inputs / "readme.md")]
    text = summary.line()
    assert f"read {summary.read}" in text and f"written {written}" in text
    assert f"set aside {aside}" in text


def test_stale_set_aside_file_is_replaced(tmp_path: Path):
    write(tmp_path / "good.txt", GOOD)
    stale = write(tmp_path / "o.setaside.jsonl", '{"old": true}\n')
    run_clean([tmp_path / "good.txt"], str(tmp_path / "o.jsonl"), CleanOptions())
    assert not stale.exists()
