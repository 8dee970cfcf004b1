"""Property-based tests (hypothesis) over readers, detectors, resolve/apply, enrich, restore.

Inputs: news-like text put together from real-looking lines and articles, random text over
an alphabet of several scripts, quotation marks and control characters, and the shapes that
broke the cleaner before (deep repetition, lines of up to 1 MB under `make fuzz`, long
capital runs before a non-Latin name, lines of initials, unbalanced quotes); bytes for the
readers, whole or damaged.  Invariants: no exception; restore gives back the input exactly;
every offset points at its text; a reader accounts for every line and never yields altered
text; the time stays within the record's budget.  `make test` runs a few derandomized
examples of each; `make fuzz` runs over 100k (see conftest.py).
"""

from __future__ import annotations

import gc
import gzip
import io
import json
import os
import tempfile
import time
from pathlib import Path

import zstandard
from fuzzstats import STATS
from hypothesis import given
from hypothesis import strategies as st
from newsgen import ArticleGen

from newsclean.apply import restore
from newsclean.budget import RecordTimeout, budget_for, time_limit
from newsclean.clean_run import _warm_up
from newsclean.cli import restore_records
from newsclean.enrich.language import detect_language
from newsclean.enrich.quotes import find_quotations
from newsclean.model import BadRecord, Record
from newsclean.pipeline import clean_text
from newsclean.readers import ReadOptions, read_inputs
from newsclean.readers.jsonl import read_jsonl
from newsclean.readers.options import check_text
from newsclean.readers.page import Page
from newsclean.readers.sources import InputSource, verified
from newsclean.readers.text_records import record_from_bytes
from newsclean.show import render_plain

FUZZ = os.environ.get("NEWSCLEAN_FUZZ") == "1"
_warm_up()  # models that load on first use load now, not on a timed case
MAX_REPEAT = 60_000 if FUZZ else 800  # a repeated unit: lines of up to ~1 MB under fuzz
WARC = Path(__file__).resolve().parents[1] / "examples" / "web" / "harbour-crawl.warc.gz"

ODD = [
    "Σ", "Ж", "ł", "é", "É", "ß", "İ", "ǅ", "日", "本", "ا", "ש", "€", "©", "🙂", "\u0301",
    "\u00a0", "\u200b", "\u2028", "\u2029", "\x85", "\ufeff", "\x1b", "\x07", "\x00", "\x0b",
    "\x0c", "\r", "\t", "\x9b",
]
CHARS = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + [" "] * 12 + ["\n"] * 4 + ODD + list("\"“”‘’„«»‚'") + list(".,;:!?()[]-–—/&#*<>=_@")
)
REAL_LINES = [
    " date 2025-05-11 403", "date 2024-01-02 200", "Sorry!!",
    "Error! The page you are looking for doesn't exist.", "404 - Page not found",
    "Access denied. Please enable JavaScript and cookies to continue.",
    "We use cookies to improve your experience. Accept all cookies",
    "Share this article", "Share on Facebook Share on Twitter Share via Email",
    "CommentsNo comment", "Copyright © 2024 Harbour Gazette. All rights reserved.",
    "Advertisement", "ADVERTISEMENT", "Read more: Ferry timetable changes from May",
    "Listen to this article", "5 min read", "Subscribe to our newsletter",
    "Related Articles", "Home", "News", "Sport", "About us", "Contact",
    "(Reuters) - The harbour board approved the plan on Tuesday.",
    "WASHINGTON (AP) — Lawmakers agreed on a budget late on Monday.",
    "LONDON, May 3 (Reuters) - Shares fell in early trade.", "(MENAFN) NATO has never offered",
    "Disclaimer: The views expressed are those of the author alone.",
    "PENCE: Well, look, we will see what happens.", "Tags: harbour, ferry, council",
    "“We will build it this year,” said MSNBC host ABCDEFGHIJKLMNOPQRSTUVWXYZ Σ.",
    "Papadopoulos said the board would meet again in May.",
]


@st.composite
def fragments(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.text(CHARS, max_size=300))
    if kind == 1:
        return draw(st.sampled_from(REAL_LINES))
    if kind == 2:
        gen = ArticleGen(draw(st.integers(0, 10**6)))
        return gen.article(draw(st.integers(50, 4000)), one_paragraph=draw(st.booleans()))
    if kind == 3:  # a capital run before a name outside the Latin capitals
        k = draw(st.integers(1, 120))
        tail = draw(st.sampled_from(["Σ", "Жуков", "Ωmega", "ǅ", "日本"]))
        return f"“It will work,” said host {('ABCDEFGHIJKLMNOPQRSTUVWXYZ' * 5)[:k]} {tail}."
    if kind == 4:  # a line of initials
        return draw(st.sampled_from(["M. ", "J. ", "Mr. ", "A.B. "])) * draw(
            st.integers(1, 60)) + draw(st.sampled_from(["Σ", "Smith", ""]))
    if kind == 5:  # deep repetition, long lines
        unit = draw(st.text(CHARS, min_size=1, max_size=24))
        big = draw(st.integers(0, 199)) == 0  # now and then: up to MAX_REPEAT units
        return unit * draw(st.integers(1, MAX_REPEAT if big else 60))
    if kind == 6:  # unbalanced and nested quotation marks between words
        words = draw(st.lists(st.sampled_from(
            ["“", "”", "‘", "’", '"', "«", "»", "„", "he said", "she", "Berg", "it’s",
             "said", ":", ",", "the board", "—", "According to", "Anna Berg"]), max_size=40))
        return " ".join(words)
    if kind == 7:  # a whole page: banner, title, body, furniture
        gen = ArticleGen(draw(st.integers(0, 10**6)))
        body = gen.article(draw(st.integers(200, 3000)))
        lines = draw(st.lists(st.sampled_from(REAL_LINES), max_size=4))
        return "\n".join([*lines[:2], body, *lines[2:]])
    if kind == 8:  # mixed scripts
        return " ".join(draw(st.lists(st.sampled_from(
            ["Ελλάδα", "λέει", "Россия", "сказал", "日本語の文章。", "العربية", "קוראים",
             "The board said", "der Hafen", "la mairie", "İstanbul"]), max_size=30)))
    return draw(st.sampled_from(["\n", "\n\n", " ", "\r\n", "\t", ""]))


@st.composite
def news_texts(draw) -> str:
    parts = draw(st.lists(fragments(), max_size=10))
    seps = draw(st.lists(st.sampled_from(["\n", "", " ", "\n\n", "\r\n"]),
                         min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps, strict=True))
    if draw(st.integers(0, 5)) == 0:
        text = text + text  # the body pasted twice
    if draw(st.integers(0, 5)) == 0:
        text = text.replace("\n", "\r\n")
    if draw(st.integers(0, 3)) == 0:
        text = draw(st.sampled_from([" date 2025-05-11 403\n", "date 2024-01-02 200\n"])) + text
    return text


def check(ok: bool, kind: str, what: str) -> None:
    if not ok:
        STATS.failure(kind, what)
    assert ok, what


def timed(kind: str, size: int, fn, *args, **kwargs):
    """fn(*args) timed; a call still running at the end of the record's time budget is
    stopped, its input saved to out/fuzz-over-budget-KIND.txt, and the case fails."""
    data = args[0] if args and isinstance(args[0], str | bytes) else None
    budget = budget_for(size)
    # CPU time of the call, the collector off: a pass over hypothesis's own heap (a second
    # late in a long run) is no time of ours
    gc.disable()
    t0 = time.process_time()
    try:
        with time_limit(budget):
            out = fn(*args, **kwargs)
    except RecordTimeout:
        _save(kind, data)
        STATS.failure(kind, "over the time budget")
        raise AssertionError(f"{kind}: over the time budget of {budget:.0f} s") from None
    except Exception as e:
        STATS.failure(kind, f"exception {type(e).__name__}")
        raise
    finally:
        gc.enable()
    seconds = time.process_time() - t0
    STATS.case(kind, size, seconds, data if isinstance(data, str) else None)
    check(budget is None or seconds <= budget, kind, f"{seconds:.1f} s, over the budget")
    return out


def _save(kind: str, data: str | bytes | None) -> None:
    if data is None:
        return
    out = Path(__file__).resolve().parents[1] / "out"
    out.mkdir(exist_ok=True)
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    (out / f"fuzz-over-budget-{kind.replace(' ', '-')}.txt").write_bytes(raw)


# -- detectors, resolve, apply, enrich, restore ------------------------------------------


@given(news_texts(), st.booleans())
def test_any_text_is_cleaned_and_restored_exactly(text, repair):
    a = timed("clean", len(text), clean_text, text, repair_encoding=repair)
    check(restore(a.text, a.removed, a.repaired) == text, "clean", "restore mismatch")
    for r in a.removed:
        check(text[r.start : r.end] == r.text, "clean", "removed span offsets")
    for q in a.quotes:
        for s, e in q.parts or [(q.start, q.end)]:
            check(0 <= s <= e <= len(a.text), "clean", "quote offsets")
    check(a.verdict in ("article", "error_page", "blocked", "empty"), "clean", "verdict")
    check(a.verdict == "article" or a.text == "", "clean", "text of a non-article")
    # and through the JSON that clean writes and restore reads
    line = (json.dumps(a.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
    errors: list[str] = []
    (got,) = list(restore_records(io.BytesIO(line), "out.jsonl", errors))
    check(got["record"] == text and not errors, "clean", "restore from JSON mismatch")


@given(news_texts())
def test_quotations_and_language_hold_their_offsets(text):
    quotations = timed("quotes", len(text), find_quotations, text)
    for qt in quotations:
        for q in qt.parts:
            check(text[q.start : q.end] == q.text, "quotes", "quote offsets")
    lang, spans = timed("language", len(text), detect_language, text)
    for s, e, _lg in spans:
        check(0 <= s <= e <= len(text), "language", "paragraph offsets")


@given(news_texts())
def test_show_never_prints_raw_control_characters(text):
    plain = timed("show", len(text), lambda t: render_plain(t, clean_text(t)), text)
    raw = [c for c in plain.replace("\r\n", "\n")
           if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    check(not raw, "show", "raw control character")


# -- readers ---------------------------------------------------------------------------

BAD_LINES = [
    b"not json", b"{", b'{"id": 1}', b"[1, 2]", b'"text"', b'{"text": 5}',
    b'{"id": true, "text": "x"}', b'{"text": "a\\u0000b"}', b'{"text": "\\ud800"}',
    b'{"id": 1, "n": ' + b"9" * 5000 + b', "text": "x"}', b"[" * 5000 + b"]" * 5000,
    b"\xff\xfe\x00garbage", b'{"text": "caf\xe9"}', b"\x00" * 10, b"{}" * 3,
]


@st.composite
def jsonl_lines(draw) -> tuple[list[bytes], dict[int, str]]:
    """Lines (bytes) and, by line number, the text of the good ones."""
    lines: list[bytes] = []
    good: dict[int, str] = {}
    for n in range(1, draw(st.integers(0, 12)) + 1):
        k = draw(st.integers(0, 4))
        if k <= 1:
            text = draw(news_texts())
            obj = {"id": f"r{n}", "text": text, "url": "https://x.example/a"}
            lines.append(json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8"))
            if check_text(text) is None:  # a NUL is set aside, by design
                good[n] = text
        elif k == 2:
            lines.append(draw(st.sampled_from(BAD_LINES)))
        elif k == 3:
            lines.append(draw(st.binary(max_size=200)).replace(b"\n", b" ").replace(b"\r", b" "))
        else:
            lines.append(draw(st.sampled_from([b"", b"   ", b"\t"])))
    return lines, good


def _stream(data: bytes) -> InputSource:
    return InputSource("<mem>", None, stream=io.BufferedReader(io.BytesIO(data)))


@given(jsonl_lines(), st.booleans())
def test_the_jsonl_reader_accounts_for_every_line(lines_good, crlf):
    lines, good = lines_good
    data = (b"\r\n" if crlf else b"\n").join(lines)
    got = timed("jsonl", len(data), lambda: list(read_jsonl(_stream(data), ReadOptions())))
    expected_lines = [n for n, raw in enumerate(lines, 1) if raw.strip()]
    check([int(x.source.rsplit(":", 1)[1]) for x in got] == expected_lines, "jsonl",
          "a line missing or read twice")
    for x in got:
        n = int(x.source.rsplit(":", 1)[1])
        if isinstance(x, Record):
            check(n in good and x.text == good[n], "jsonl", "a record with altered text")
        else:
            check(n not in good, "jsonl", "a good line set aside")


def _compress(kind: str, chunks: list[bytes]) -> bytes:
    if kind == "gzip":
        return b"".join(gzip.compress(c, mtime=0) for c in chunks)
    return b"".join(zstandard.ZstdCompressor(write_checksum=True).compress(c) for c in chunks)


@given(st.sampled_from(["gzip", "zstd"]), st.integers(1, 3), st.integers(1, 40),
       st.sampled_from(["none", "flip", "cut"]), st.randoms(use_true_random=False))
def test_a_compressed_stream_never_yields_an_altered_record(kind, parts, n, damage, rnd):
    texts = [ArticleGen(rnd.randrange(10**6)).article(rnd.randrange(80, 2000)) for _ in range(n)]
    lines = [json.dumps({"id": f"r{i}", "text": t}).encode() + b"\n" for i, t in enumerate(texts)]
    cut_at = sorted(rnd.sample(range(1, n), min(parts - 1, n - 1))) if n > 1 else []
    chunks = [b"".join(lines[a:b]) for a, b in zip([0, *cut_at], [*cut_at, n], strict=True)]
    blob = bytearray(_compress(kind, chunks))
    still_compressed = True
    if damage == "flip":
        at = rnd.randrange(len(blob))
        blob[at] ^= 1 << rnd.randrange(8)
        still_compressed = at >= 4  # a flip in the magic bytes makes it plain bytes
    elif damage == "cut":
        blob = blob[: rnd.randrange(len(blob))]

    def read() -> list:
        src = InputSource("<mem>", None, stream=verified(io.BufferedReader(io.BytesIO(blob))))
        return list(read_jsonl(src, ReadOptions()))

    got = timed("compressed", len(blob), read)
    records = [x for x in got if isinstance(x, Record)]
    check([x.id for x in records] == [f"r{i}" for i in range(len(records))], "compressed",
          "records not a prefix of the input's")
    check(all(x.text == texts[i] for i, x in enumerate(records)), "compressed", "altered text")
    if still_compressed:  # one entry says where the stream is damaged or cut
        check(sum(isinstance(x, BadRecord) for x in got) <= 1, "compressed", "two errors")
    if damage == "none":
        check(len(records) == n and len(got) == n, "compressed", "an intact stream cut")


@given(st.binary(max_size=3000))
def test_a_text_record_is_its_bytes_or_set_aside_with_them(raw):
    got = timed("text record", len(raw), record_from_bytes, raw, "x.txt", "x.txt")
    if isinstance(got, Record):
        body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
        check(got.text.encode("utf-8") == body, "text record", "text is not the bytes")
    else:
        check(got.raw == raw, "text record", "raw bytes not kept")


@given(st.booleans(), st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert"]),
                                         st.integers(0, 10**9), st.integers(0, 7)), max_size=3))
def test_a_damaged_warc_never_raises_and_keeps_its_pages_in_order(compressed, edits):
    data = bytearray(WARC.read_bytes() if compressed else gzip.decompress(WARC.read_bytes()))
    for op, at, bit in edits:
        at %= max(1, len(data))
        if op == "flip" and data:
            data[at] ^= 1 << bit
        elif op == "cut":
            data = data[:at]
        else:
            data[at:at] = bytes([bit * 31 % 256]) * (bit + 1)
    with tempfile.NamedTemporaryFile(suffix=".warc.gz" if compressed else ".warc") as f:
        f.write(data)
        f.flush()
        got = timed("warc", len(data), lambda: list(
            read_inputs([f.name], ReadOptions(defer_html=True))))
    check(all(isinstance(x, Page | Record | BadRecord) for x in got), "warc", "odd item")
    errors = [x for x in got if isinstance(x, BadRecord) and "rest of file skipped" in x.error]
    check(len(errors) <= 1 and (not errors or errors[0] is got[-1]), "warc",
          "reading went on after the stream ended")

