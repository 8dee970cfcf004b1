"""Fast JSON (orjson, with json's answer where they differ), gzip output through isal, glob
patterns and fsspec URLs as inputs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsclean import fastjson
from newsclean.cli import main
from newsclean.readers import expand_inputs, read_inputs
from newsclean.readers.locate import is_url, url_problem

FIXTURES = Path(__file__).parent / "fixtures"


# ------------------------------------------------------------------ fastjson


@pytest.mark.parametrize(
    "doc",
    [
        '{"id": 18446744073709551616, "text": "x"}',  # beyond 64 bits: orjson would give a float
        '{"id": -9223372036854775809}',
        '{"n": 1234567890123456789012345678901234567890}',
        '{"x": NaN, "y": Infinity}',  # json reads these, orjson does not
        '{"t": "\\ud800 lone"}',  # an escaped lone surrogate (set aside later, by check_text)
        '{"a": 1, "a": 2}',
        '{"a": [1, 2.5, -0.0, "\\u00e9", null, true]}',
        '{"id": 12345678901234567, "text": "has a long number 1234567890123456789 inside"}',
    ],
)
def test_loads_gives_what_json_gives(doc: str) -> None:
    want = json.loads(doc)
    got = fastjson.loads(doc)
    assert repr(got) == repr(want)  # (repr: NaN != NaN, and int vs float must show)
    assert repr(fastjson.loads(doc.encode())) == repr(want)


@pytest.mark.parametrize("doc", ['{"a" 1}', "[1, 2", '{"a": 1} trailing', "\ufeff{}", ""])
def test_loads_raises_what_json_raises(doc: str) -> None:
    with pytest.raises(json.JSONDecodeError) as want:
        json.loads(doc)
    with pytest.raises(json.JSONDecodeError) as got:
        fastjson.loads(doc)
    assert (got.value.msg, got.value.pos) == (want.value.msg, want.value.pos)


def test_dumps_is_one_compact_utf8_line_and_round_trips() -> None:
    obj = {"id": "a", "text": "Café\n“quoted”\u2028", "n": [1, 2.5, None, True], "e": {}}
    line = fastjson.dumps(obj)
    assert b"\n" not in line and b": " not in line and "Café".encode() in line
    assert json.loads(line) == obj
    # what orjson cannot write json writes, the same way: int keys, and it raises alike
    assert fastjson.dumps({1: "x"}) == b'{"1":"x"}'
    with pytest.raises(UnicodeEncodeError):
        fastjson.dumps({"t": "\ud800"})


def test_a_jsonl_line_with_a_huge_integer_id_keeps_it_exact(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 123456789012345678901234567890, "text": "Title\\nBody."}\n')
    (rec,) = read_inputs([src])
    assert rec.id == "123456789012345678901234567890"


# ------------------------------------------------------------------ gzip output


def test_gzip_output_is_valid_deterministic_and_the_same_records(tmp_path) -> None:
    outs = []
    for name in ("a.jsonl.gz", "b.jsonl.gz"):
        out = tmp_path / name
        assert main(["clean", str(FIXTURES / "records"), "--quiet", "-o", str(out)]) == 0
        outs.append(out)
    plain = tmp_path / "p.jsonl"
    assert main(["clean", str(FIXTURES / "records"), "--quiet", "-o", str(plain)]) == 0
    assert gzip.decompress(outs[0].read_bytes()) == plain.read_bytes()
    # the same input gives the same bytes (mtime 0; the name in the header is the file's own)
    a, b = outs[0].read_bytes(), outs[1].read_bytes()
    assert a[:4] == b"\x1f\x8b\x08\x08" and a[4:8] == b"\0\0\0\0"
    assert a.replace(b"a.jsonl", b"b.jsonl", 1) == b
    # and restore reads it back
    restored = tmp_path / "r.jsonl"
    assert main(["restore", str(outs[0]), "-o", str(restored)]) == 0
    got = {d["id"]: d["record"] for d in map(json.loads, restored.read_text().splitlines())}
    seed = FIXTURES / "records" / "seed.txt"
    assert got[str(seed)] == seed.read_text(encoding="utf-8")


# ------------------------------------------------------------------ glob patterns


def test_a_glob_pattern_is_expanded_in_sorted_order(tmp_path) -> None:
    for d in ("2025-05-02", "2025-05-01", "other"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "feed.jsonl").write_text(
            json.dumps({"id": d, "text": "A Title\nA body sentence of the record."}) + "\n"
        )
    (tmp_path / "2025-05-01" / "notes.txt").write_text("not matched")
    pattern = str(tmp_path / "2025-05-*" / "*.jsonl")
    assert expand_inputs([pattern]) == [
        str(tmp_path / "2025-05-01" / "feed.jsonl"), str(tmp_path / "2025-05-02" / "feed.jsonl")
    ]
    deep = expand_inputs([str(tmp_path / "**" / "*.jsonl")])
    assert len(deep) == 3 and deep == sorted(deep)
    out = tmp_path / "out.jsonl"
    assert main(["clean", pattern, "--quiet", "-o", str(out)]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["2025-05-01", "2025-05-02"]
    # a path that exists is itself, even with glob characters in its name
    odd = tmp_path / "a[1].jsonl"
    odd.write_text(json.dumps({"id": "odd", "text": "T\nBody."}) + "\n")
    assert expand_inputs([str(odd)]) == [str(odd)]
    assert expand_inputs(["file://" + str(odd)]) == [str(odd)]


def test_a_pattern_that_matches_nothing_is_a_missing_input(tmp_path, capsys) -> None:
    pattern = str(tmp_path / "*.jsonl")
    assert expand_inputs([pattern]) == [pattern]
    assert main(["clean", pattern, "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "no such file or directory" in capsys.readouterr().err


# ------------------------------------------------------------------ fsspec URLs


@pytest.fixture
def memory_crawl():
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    rows = [{"id": f"m{i}", "text": (FIXTURES / "records" / "seed.txt").read_text() if i == 0
             else f" date 2025-06-0{i} 404\nPage not found\nThe page you are looking for is gone.\n"}
            for i in range(3)]
    with fs.open("/nc-test/day1/a.jsonl", "wb") as f:
        f.write(b"".join(json.dumps(r).encode() + b"\n" for r in rows[:2]))
    with fs.open("/nc-test/day2/b.jsonl.gz", "wb") as f:
        f.write(gzip.compress(json.dumps(rows[2]).encode() + b"\n"))
    yield fs
    fs.rm("/nc-test", recursive=True)


def test_urls_are_read_through_fsspec_like_files(tmp_path, memory_crawl) -> None:
    urls = expand_inputs(["memory://nc-test/*/*.jsonl*"])
    assert len(urls) == 2 and all(is_url(u) for u in urls)
    assert urls[0].endswith("day1/a.jsonl") and urls[1].endswith("day2/b.jsonl.gz")
    out = tmp_path / "out.jsonl"
    assert main(["clean", "memory://nc-test/*/*.jsonl*", "--quiet", "-o", str(out)]) == 0
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["m0", "m1", "m2"]
    assert [g["verdict"] for g in got] == ["article", "error_page", "error_page"]
    assert got[0]["source"] == f"{urls[0]}:1" and got[2]["source"] == f"{urls[1]}:1"
    # the same records as from a local copy of the file
    local = tmp_path / "a.jsonl"
    local.write_bytes(memory_crawl.cat("/nc-test/day1/a.jsonl"))
    out2 = tmp_path / "out2.jsonl"
    assert main(["clean", str(local), "--quiet", "--no-dedup", "-o", str(out2)]) == 0
    mine = [json.loads(x) for x in out2.read_text().splitlines()]
    strip = ("source", "cluster", "cluster_size", "canonical")
    assert [{k: v for k, v in d.items() if k not in strip} for d in mine] == [
        {k: v for k, v in d.items() if k not in strip} for d in got[:2]
    ]


def test_a_url_that_cannot_be_read_is_a_missing_input(tmp_path, capsys, memory_crawl) -> None:
    assert url_problem("memory://nc-test/day1/a.jsonl") is None
    assert url_problem("memory://nc-test/none.jsonl") == "no such file"
    assert "no filesystem" in (url_problem("nosuchproto://x/y.jsonl") or "")
    assert main(["clean", "memory://nc-test/none.jsonl", "-o", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "memory://nc-test/none.jsonl (no such file)" in err
    assert not is_url("file:///tmp/x.jsonl") and not is_url("/tmp/x.jsonl") and is_url("s3://b/k")


def test_a_warc_and_a_parquet_file_read_from_a_url_give_the_local_records(tmp_path) -> None:
    fsspec = pytest.importorskip("fsspec")
    import pyarrow as pa
    import pyarrow.parquet as pq

    warc = Path(__file__).parents[1] / "examples" / "web" / "harbour-crawl.warc.gz"
    pq.write_table(pa.table({"id": ["p1"], "text": [(FIXTURES / "records" / "seed.txt").read_text()]}),
                   tmp_path / "t.parquet")
    fs = fsspec.filesystem("memory")
    fs.pipe("/nc-test2/crawl.warc.gz", warc.read_bytes())
    fs.pipe("/nc-test2/t.parquet", (tmp_path / "t.parquet").read_bytes())
    try:
        for local, url in ((warc, "memory://nc-test2/crawl.warc.gz"),
                           (tmp_path / "t.parquet", "memory://nc-test2/t.parquet")):
            mine = list(read_inputs([local]))
            got = list(read_inputs(expand_inputs([url])))
            assert mine and len(got) == len(mine)
            for a, b in zip(mine, got, strict=True):
                assert type(a) is type(b) and a.id == b.id and getattr(a, "text", None) == getattr(b, "text", None)
    finally:
        fs.rm("/nc-test2", recursive=True)
