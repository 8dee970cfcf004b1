"""Readers: text records and JSONL, dispatch by name and by content, stdin, writers."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import zstandard

from newsclean.model import BadRecord, Record
from newsclean.readers import (
    READERS,
    ReaderSpec,
    ReadOptions,
    read_inputs,
    reader_for_name,
    register_reader,
)
from newsclean.readers.jsonl import iter_capped_lines
from newsclean.writers import open_writer

ARTICLE = (
    " date 2025-03-04 200\n"
    "Ferry Service Returns to Island Route\n"
    "The ferry between Port Avel and the island of Skerra resumed on Monday after repairs.\n"
)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*objs: dict) -> str:
    return "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs)


def test_text_record_is_read_exactly(tmp_path: Path):
    raw = " date 2025-01-02 200\r\nTitle  \r\n\r\nBody line.\t"
    f = write(tmp_path / "a.txt", raw)
    (rec,) = read_inputs([f])
    assert isinstance(rec, Record)
    assert rec.text == raw
    assert rec.id == rec.source == str(f)
    assert rec.meta["file"] == str(f)


def test_byte_order_mark_is_dropped_and_noted(tmp_path: Path):
    f = write(tmp_path / "bom.txt", b"\xef\xbb\xbf date 2025-01-02 200\nHello\n")
    (rec,) = read_inputs([f])
    assert rec.text == " date 2025-01-02 200\nHello\n"
    assert rec.meta["bom"] is True


def test_empty_file_is_a_record_with_empty_text(tmp_path: Path):
    (rec,) = read_inputs([write(tmp_path / "e.txt", b"")])
    assert isinstance(rec, Record) and rec.text == ""


def test_directory_is_walked_sorted_recursively_skipping_hidden_and_unknown(tmp_path: Path):
    write(tmp_path / "b.txt", ARTICLE)
    write(tmp_path / "a" / "z.txt", ARTICLE)
    write(tmp_path / "a" / "c.jsonl", jsonl({"id": "j1", "text": ARTICLE}))
    write(tmp_path / ".hidden.txt", ARTICLE)
    write(tmp_path / ".git" / "x.txt", ARTICLE)
    write(tmp_path / "notes.md", "# not a record")
    skipped: list[str] = []
    got = list(read_inputs([tmp_path], on_skip=skipped.append))
    assert [r.id for r in got] == ["j1", str(tmp_path / "a" / "z.txt"), str(tmp_path / "b.txt")]
    assert skipped == [str(tmp_path / "notes.md")]


def test_jsonl_fields_ids_and_provenance(tmp_path: Path):
    f = write(
        tmp_path / "feed.jsonl",
        jsonl({"id": "r1", "text": ARTICLE}, {"text": "no id here"}, {"id": 7, "text": "int id"})
        + "\n   \n"
        + jsonl({"id": "r4", "text": "after blank lines"}),
    )
    got = list(read_inputs([f]))
    assert [r.id for r in got] == ["r1", f"{f}:2", "7", "r4"]
    assert [r.source for r in got] == [f"{f}:1", f"{f}:2", f"{f}:3", f"{f}:6"]
    assert got[0].text == ARTICLE
    assert got[3].meta == {"file": str(f), "line": 6}


def test_jsonl_custom_text_and_id_fields(tmp_path: Path):
    f = write(tmp_path / "r.jsonl", jsonl({"key": "k1", "record": ARTICLE, "text": "ignored"}))
    (rec,) = read_inputs([f], ReadOptions(text_field="record", id_field="key"))
    assert rec.id == "k1" and rec.text == ARTICLE


def test_jsonl_url_and_site_fields_key_the_source(tmp_path: Path):
    from newsclean.corpus.learned_boilerplate import source_key

    f = write(
        tmp_path / "s.jsonl",
        jsonl(
            {"id": "u", "text": ARTICLE, "url": "https://news.example.co.uk/a/1"},
            {"id": "d", "text": ARTICLE, "domain": "harbourgazette.com"},
            {"id": "n", "text": ARTICLE, "url": 42, "source": "   "},
        ),
    )
    u, d, n = read_inputs([f])
    assert u.meta["url"] == "https://news.example.co.uk/a/1"
    assert source_key(u) == "example.co.uk"
    assert d.meta["site"] == "harbourgazette.com" and source_key(d) == "site:harbourgazette.com"
    # a field of the wrong type or a blank one says nothing: the input file is the source
    assert "url" not in n.meta and "site" not in n.meta
    assert source_key(n) == str(f)


def test_jsonl_crlf_line_ends_and_no_final_newline(tmp_path: Path):
    f = write(tmp_path / "c.jsonl", '{"id": "a", "text": "x"}\r\n{"id": "b", "text": "y"}')
    assert [(r.id, r.text) for r in read_inputs([f])] == [("a", "x"), ("b", "y")]


def test_gzip_and_zstd_jsonl(tmp_path: Path):
    data = jsonl({"id": "g", "text": ARTICLE}).encode()
    gz = write(tmp_path / "f.jsonl.gz", gzip.compress(data))
    zst = write(tmp_path / "f.jsonl.zst", zstandard.ZstdCompressor().compress(data))
    assert [r.text for r in read_inputs([gz, zst])] == [ARTICLE, ARTICLE]


def test_gzip_text_record(tmp_path: Path):
    f = write(tmp_path / "r.txt.gz", gzip.compress(ARTICLE.encode()))
    (rec,) = read_inputs([f])
    assert rec.text == ARTICLE


def test_unknown_extension_given_explicitly_is_sniffed(tmp_path: Path):
    as_jsonl = write(
        tmp_path / "dump.data", gzip.compress(jsonl({"id": "s", "text": "t"}).encode())
    )
    as_text = write(tmp_path / "page.dump", ARTICLE)
    got = list(read_inputs([as_jsonl, as_text]))
    assert [r.id for r in got] == ["s", str(as_text)]
    assert got[1].text == ARTICLE


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))


def test_stdin_text_record_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(ARTICLE.encode()))
    (rec,) = read_inputs(["-"])
    assert rec.text == ARTICLE and rec.source == "<stdin>"
    monkeypatch.setattr(
        sys, "stdin", _FakeStdin(gzip.compress(jsonl({"id": "s1", "text": "x"}).encode()))
    )
    (rec,) = read_inputs(["-"])
    assert (rec.id, rec.text, rec.source) == ("s1", "x", "<stdin>:1")


def test_capped_lines_keep_memory_within_the_cap():
    stream = io.BufferedReader(io.BytesIO(b"short\n" + b"x" * 5000 + b"\nlast"))
    got = list(iter_capped_lines(stream, 100))
    assert got[0] == (1, b"short", None)
    assert got[1][0] == 2 and len(got[1][1]) == 100 and got[1][2] == 5000
    assert got[2] == (3, b"last", None)


def test_dispatch_table_takes_new_readers_before_the_text_fallback(tmp_path: Path):
    def read_upper(src, options):
        with src.open() as s:
            yield Record(id=src.name, text=s.read().decode().upper(), source=src.name)

    saved = list(READERS)
    try:
        register_reader(ReaderSpec("upper", (".up",), read_upper, lambda h: h.startswith(b"UP:")))
        assert READERS[-1].name == "text"
        assert reader_for_name("x.up").name == "upper"
        assert reader_for_name("x.up.gz".removesuffix(".gz")).name == "upper"
        f = write(tmp_path / "a.up", "up: hello")
        sniffed = write(tmp_path / "b.bin", "UP: there")
        assert [r.text for r in read_inputs([f, sniffed])] == ["UP: HELLO", "UP: THERE"]
    finally:
        READERS[:] = saved


def test_readers_never_raise_on_unreadable_paths(tmp_path: Path):
    d = tmp_path / "locked.txt"
    d.mkdir()  # a directory named like a record: read as a walk, yields nothing
    assert list(read_inputs([d])) == []
    (bad,) = read_inputs([tmp_path / "missing.txt"])
    assert isinstance(bad, BadRecord) and "missing.txt" in bad.error


def test_jsonl_writer_plain_gzip_and_order(tmp_path: Path):
    from newsclean import clean_text

    arts = [clean_text(ARTICLE, id=f"r{i}") for i in range(3)]
    for name in ("o.jsonl", "o.jsonl.gz"):
        path = tmp_path / "sub" / name
        with open_writer(path) as w:
            for a in arts:
                w.write(a)
        assert w.count == 3
        raw = path.read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        rows = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
        assert [r["id"] for r in rows] == ["r0", "r1", "r2"]
        assert rows[0] == arts[0].to_dict()


def test_a_named_pipe_is_sniffed_and_read_in_one_pass(tmp_path: Path):
    import os
    import threading

    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    payload = gzip.compress(jsonl({"id": "p1", "text": ARTICLE}, {"id": "p2", "text": "x"}).encode())

    def feed() -> None:
        with open(fifo, "wb") as w:
            w.write(payload)

    t = threading.Thread(target=feed)
    t.start()
    got = list(read_inputs([fifo]))
    t.join()
    assert [(r.id, r.text) for r in got] == [("p1", ARTICLE), ("p2", "x")]
