"""Compressed and WARC input is trusted only where it is intact (issue 13).

A record is read only from bytes that were verified (gzip CRC and length, zstd checksum):
a damaged member or frame is never decoded into records, a stream cut short is read up to
the cut and says where it stopped, and every such stop is one set-aside entry.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
import sys
import threading
import zlib
from pathlib import Path

import pytest
import zstandard

from newsclean.model import BadRecord, Record
from newsclean.readers import read_inputs

WARC_GZ = Path(__file__).resolve().parents[1] / "examples" / "web" / "harbour-crawl.warc.gz"


def feed(n: int, start: int = 0) -> bytes:
    """JSONL of real-looking records whose texts differ from line to line."""
    rows = []
    for i in range(start, start + n):
        text = (
            f" date 2025-03-{1 + i % 28:02d} 200\nHarbour Board Meeting {i}\n"
            f"The harbour board met on Tuesday for the {i}th time this year and approved "
            f"{i * 7 % 97} berths for the autumn season, the chair, Anna Berg, said.\n"
        )
        rows.append(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    return "".join(rows).encode()


def texts(data: bytes) -> dict[str, str]:
    return {d["id"]: d["text"] for d in map(json.loads, data.decode().splitlines())}


def flip(data: bytes, at: int, bit: int) -> bytes:
    b = bytearray(data)
    b[at] ^= 1 << bit
    return bytes(b)


@pytest.mark.parametrize("seed", range(24))
def test_a_flipped_byte_in_a_jsonl_gz_never_yields_an_altered_or_repeated_record(tmp_path, seed):
    # three members of 100 lines (as `cat a.gz b.gz c.gz` makes); the flip is in the second
    parts = [feed(100, 0), feed(100, 100), feed(100, 200)]
    members = [gzip.compress(p, mtime=0) for p in parts]
    r = random.Random(seed)
    at = len(members[0]) + r.randrange(12, len(members[1]) - 8)
    f = tmp_path / "feed.jsonl.gz"
    f.write_bytes(flip(b"".join(members), at, r.randrange(8)))
    original = texts(b"".join(parts))

    got = list(read_inputs([f]))
    records = [x for x in got if isinstance(x, Record)]
    bad = [x for x in got if isinstance(x, BadRecord)]
    ids = [x.id for x in records]
    assert len(ids) == len(set(ids)), "an id read twice"
    assert all(x.text == original[x.id] for x in records), "a record with altered text"
    assert ids == [f"r{i}" for i in range(100)]  # the intact first member, all of it
    assert len(bad) == 1 and "damaged gzip data in member 2" in bad[0].error


def test_a_cut_zstd_text_record_is_set_aside_as_cut(tmp_path):
    text = feed(40).decode()  # any long text: here 40 lines
    z = zstandard.ZstdCompressor(write_checksum=True).compress(text.encode())
    f = tmp_path / "story.txt.zst"
    f.write_bytes(z[: len(z) // 2])
    (got,) = list(read_inputs([f]))
    assert isinstance(got, BadRecord) and "zstd stream is cut short" in got.error


def test_a_cut_zstd_jsonl_keeps_the_complete_lines_and_says_where_it_stopped(tmp_path):
    data = feed(3000)  # several zstd blocks: the ones before the cut decode
    z = zstandard.ZstdCompressor().compress(data)  # no checksum: still a cut is a cut
    f = tmp_path / "feed.jsonl.zst"
    f.write_bytes(z[: len(z) * 2 // 3])
    got = list(read_inputs([f]))
    original = texts(data)
    records, last = got[:-1], got[-1]
    assert records and all(isinstance(x, Record) and x.text == original[x.id] for x in records)
    assert isinstance(last, BadRecord) and "zstd stream is cut short" in last.error
    assert last.source == f"{f}:{len(records) + 1}"  # the first line not read


def test_a_zstd_frame_failing_its_checksum_is_not_read(tmp_path):
    frames = [zstandard.ZstdCompressor(write_checksum=True).compress(feed(50, k * 50))
              for k in range(2)]
    f = tmp_path / "feed.jsonl.zst"
    f.write_bytes(frames[0] + flip(frames[1], len(frames[1]) // 2, 3))
    got = list(read_inputs([f]))
    assert [x.id for x in got if isinstance(x, Record)] == [f"r{i}" for i in range(50)]
    assert isinstance(got[-1], BadRecord) and "damaged zstd data in frame 2" in got[-1].error


def test_compressed_stdin_is_verified_before_it_is_read(monkeypatch):
    parts = [gzip.compress(feed(30, k * 30), mtime=0) for k in range(2)]
    data = parts[0] + flip(parts[1], len(parts[1]) // 2, 0)

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(data))

    monkeypatch.setattr(sys, "stdin", Stdin())
    got = list(read_inputs(["-"]))
    assert [x.id for x in got if isinstance(x, Record)] == [f"r{i}" for i in range(30)]
    assert isinstance(got[-1], BadRecord) and "damaged gzip data in member 2" in got[-1].error


def _pipe_stdin(monkeypatch, data: bytes) -> threading.Thread:
    """stdin as a real pipe (not seekable), fed by a thread."""
    r, w = os.pipe()

    def writer() -> None:
        with os.fdopen(w, "wb") as out:
            out.write(data)

    t = threading.Thread(target=writer)
    t.start()

    class Stdin:
        buffer = io.BufferedReader(io.FileIO(r, "rb"))

    monkeypatch.setattr(sys, "stdin", Stdin())
    return t


@pytest.mark.parametrize("compressed", [False, True])
def test_a_warc_on_a_stdin_pipe_is_read_like_the_file(monkeypatch, compressed):
    data = WARC_GZ.read_bytes() if compressed else gzip.decompress(WARC_GZ.read_bytes())
    expected = [(type(x).__name__, x.id) for x in read_inputs([WARC_GZ])]
    t = _pipe_stdin(monkeypatch, data)
    got = [(type(x).__name__, x.id) for x in read_inputs(["-"])]
    t.join()
    assert got == expected and ("Record", expected[0][1]) in got


def _warc_cut_at(tmp_path: Path, cut: int) -> list[Record | BadRecord]:
    plain = gzip.decompress(WARC_GZ.read_bytes())
    f = tmp_path / f"cut{cut}.warc"
    f.write_bytes(plain[:cut])
    return list(read_inputs([f]))


def test_a_warc_cut_anywhere_says_where_it_stopped(tmp_path):
    plain = gzip.decompress(WARC_GZ.read_bytes())
    whole = list(read_inputs([WARC_GZ]))
    for cut in range(40, len(plain) - 8, 97):
        got = _warc_cut_at(tmp_path, cut)
        errors = [x for x in got if isinstance(x, BadRecord) and not x.error.startswith("skipped")]
        assert len(errors) == 1, (cut, [getattr(x, "error", x.id) for x in got])
        assert "cut short" in errors[0].error or "truncated record" in errors[0].error
        # what came before the cut is what the whole file gives
        assert [x.id for x in got[:-1]] == [x.id for x in whole[: len(got) - 1]]


def test_a_damaged_warc_gz_member_keeps_the_records_before_it(tmp_path):
    data = WARC_GZ.read_bytes()
    whole = [x.id for x in read_inputs([WARC_GZ])]
    seen_partial = False
    for k in range(12):
        r = random.Random(k)
        f = tmp_path / f"flip{k}.warc.gz"
        f.write_bytes(flip(data, r.randrange(20, len(data) - 8), r.randrange(8)))
        got = list(read_inputs([f]))
        assert isinstance(got[-1], BadRecord) and "damaged gzip data in member" in got[-1].error
        before = [x.id for x in got[:-1]]
        assert before == whole[: len(before)]
        seen_partial |= bool(before)
    assert seen_partial  # some flips fall after the first page: those pages are kept


def _runs_to_the_end(blob: bytes) -> bool:
    """zlib neither fails nor finds the end marker: it reads like a stream cut short."""
    d = zlib.decompressobj(zlib.MAX_WBITS | 16)
    try:
        d.decompress(blob)
    except zlib.error:
        return False
    return not d.eof


def test_a_flip_that_makes_a_member_run_to_the_file_end_is_damage_not_a_cut(tmp_path):
    data = feed(3)
    gz = gzip.compress(data, mtime=0)
    flips = [(at, bit) for at in range(10, len(gz) - 8) for bit in range(8)
             if _runs_to_the_end(flip(gz, at, bit))]
    assert flips  # such flips exist: the decoder takes the trailer for more data
    for at, bit in flips[:20]:
        f = tmp_path / "feed.jsonl.gz"
        f.write_bytes(flip(gz, at, bit))
        got = list(read_inputs([f]))
        assert not [x for x in got if isinstance(x, Record)], (at, bit)
        assert len(got) == 1 and "damaged gzip data in member 1" in got[0].error


def test_the_fast_inflate_reads_and_judges_as_zlib_does() -> None:
    # ISA-L checks and decodes an intact stream; anything wrong is checked again by zlib, so
    # every verdict (where the trusted part ends, what is said) is zlib's
    from newsclean.readers import integrity

    if integrity._fast_zlib is None:
        pytest.skip("isal not installed")
    data = gzip.compress(feed(300), mtime=0) + gzip.compress(feed(200, 300), mtime=0)
    flipped = bytearray(data)
    flipped[len(data) // 3] ^= 0x10
    crc = bytearray(data)
    crc[-8] ^= 0x01  # the second member's CRC
    for sample in (data, bytes(flipped), bytes(crc), data[: len(data) * 2 // 3]):
        fast = integrity.check_stream(io.BytesIO(sample), "gzip")
        slow = integrity._check_gzip(io.BytesIO(sample), zlib)
        assert fast == slow
    assert integrity.check_stream(io.BytesIO(data), "gzip").error is None
    assert integrity.check_stream(io.BytesIO(bytes(crc)), "gzip").error is not None
    decoded = integrity.GzipDecoder(io.BytesIO(data), fast=True).readall()
    assert decoded == feed(300) + feed(200, 300)
