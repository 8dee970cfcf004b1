"""WARC input: a small crawl written by hand, plain and gzipped, with the usual odd records."""

from __future__ import annotations

import gzip

import pytest

from newsclean.model import Article, BadRecord, Record
from newsclean.pipeline import clean_record
from newsclean.readers import ReadOptions, read_inputs
from newsclean.readers.warc import SKIPPED, decode_content

BODY = (
    "The harbour authority said on Monday that the new container terminal would open in "
    "March, two years later than planned, after delays in the delivery of the cranes.",
    "Dock workers welcomed the news but warned that the terminal would need more staff than "
    "the authority had budgeted for, and asked for talks before the opening date.",
    "The terminal is expected to double the port's capacity and to bring around four hundred "
    "permanent jobs to the area, according to the authority's own estimates.",
)
HEADLINE = "Harbour terminal to open in March after crane delays"


def page(headline: str = HEADLINE, banner: str = "") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<html><head><title>{headline} - Port Gazette</title>"
        f'<meta property="og:title" content="{headline}">'
        '<meta property="article:published_time" content="2024-02-10">'
        f"</head><body>{banner}<article><h1>{headline}</h1>{paras}</article></body></html>"
    ).encode()


def warc_record(wtype: str, url: str, payload: bytes, http: str | None, n: int) -> bytes:
    block = (http.encode() + b"\r\n" + payload) if http is not None else payload
    ctype = "application/http; msgtype=response" if http is not None else "text/html"
    head = (
        f"WARC/1.0\r\nWARC-Type: {wtype}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012d}>\r\n"
        f"WARC-Date: 2024-05-0{n}T10:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def crawl() -> list[bytes]:
    soft = '<div class="error">Error 403: access to this page is restricted.</div>'
    return [
        warc_record("warcinfo", "", b"software: handmade\r\n", None, 0),
        warc_record("response", "https://port.example/terminal", page(),
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n", 1),
        warc_record("response", "https://port.example/gone",
                    b"<html><head><title>Page not found</title></head><body><h1>Page not found"
                    b"</h1><p>Sorry, the page you are looking for does not exist.</p></body></html>",
                    "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n", 2),
        warc_record("response", "https://port.example/soft", page(banner=soft),
                    "HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n", 3),
        warc_record("response", "https://port.example/old", b"",
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: https://port.example/terminal\r\n", 4),
        warc_record("response", "https://port.example/crane.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 64,
                    "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n", 5),
        warc_record("revisit", "https://port.example/terminal", b"",
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 6),
        warc_record("response", "https://port.example/last", page("Second harbour story"),
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 7),
    ]


@pytest.fixture(params=["plain", "gzip"])
def warc_path(request, tmp_path):
    recs = crawl()
    if request.param == "plain":
        data = b"".join(recs)
        path = tmp_path / "crawl.warc"
    else:
        data = b"".join(gzip.compress(r, mtime=0) for r in recs)
        path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[:-200])  # the last record is cut short
    return path


def test_warc_records_and_their_fate(warc_path):
    out = list(read_inputs([warc_path]))
    kinds = [
        "skip" if isinstance(r, BadRecord) and r.error.startswith(SKIPPED)
        else "bad" if isinstance(r, BadRecord) else "rec"
        for r in out
    ]
    # warcinfo ignored; 200, 404, 403 read; redirect, image, revisit skipped; truncated set aside
    assert kinds == ["rec", "rec", "rec", "skip", "skip", "skip", "bad"]
    pages_in = 7
    assert len(out) == pages_in  # in = out + set aside + skipped

    ok, gone, soft = out[0], out[1], out[2]
    assert ok.meta["url"] == "https://port.example/terminal"
    assert ok.meta["http_status"] == 200 and ok.meta["fetched"] == "2024-05-01"
    assert ok.meta["content_type"] == "text/html" and ok.meta["charset"] == "utf-8"
    assert ok.meta["title"] == HEADLINE and ok.meta["date"] == "2024-02-10"
    assert ok.text.split("\n") == [HEADLINE, *BODY]

    assert "redirect 301" in out[3].error and "image/jpeg" in out[4].error
    assert "revisit" in out[5].error
    assert "truncated record" in out[6].error and "port.example/last" in out[6].error

    a = clean_record(ok)
    assert isinstance(a, Article) and a.verdict == "article" and a.http_status == 200
    assert a.title == HEADLINE and a.text.split("\n") == list(BODY)

    g = clean_record(gone)
    assert g.http_status == 404 and g.verdict != "article"

    s = clean_record(soft)  # 403, yet the article is on the page
    assert s.http_status == 403 and s.verdict == "article"
    assert BODY[0] in s.text and BODY[-1] in s.text


def test_warc_fast_mode(warc_path):
    out = list(read_inputs([warc_path], ReadOptions(fast=True)))
    recs = [r for r in out if isinstance(r, Record)]
    assert len(recs) == 3 and len(out) == 7
    assert recs[0].meta["extractor"] == "resiliparse"
    assert BODY[1] in recs[0].text


def test_corrupt_stream_is_one_bad_record(tmp_path):
    good = gzip.compress(crawl()[1], mtime=0)
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(good + b"\x1f\x8b\x08\x00garbage that is not deflate data" * 3)
    out = list(read_inputs([path]))
    assert isinstance(out[0], Record)
    assert all(isinstance(r, BadRecord) for r in out[1:])


def test_content_encoding_is_bounded():
    html = b"<html><body><p>" + b"a" * 1000 + b"</p></body></html>"
    assert decode_content(gzip.compress(html), "gzip") == html
    bomb = gzip.compress(b"\x00" * (50 * 1024 * 1024))
    assert len(decode_content(bomb, "gzip")) <= 4 * 1024 * 1024 + 1
    with pytest.raises(ValueError):
        decode_content(b"not gzip", "gzip")
    with pytest.raises(ValueError):
        decode_content(b"x", "br")


def test_pages_are_extracted_where_they_are_cleaned(warc_path, tmp_path):
    # deferred, the reader hands over pages; clean_stream extracts them (in the workers, with
    # --workers), and one worker or two give the same pairs, in input order
    from newsclean.clean_run import clean_stream
    from newsclean.readers import Page

    deferred = list(read_inputs([warc_path], ReadOptions(defer_html=True)))
    assert [type(x).__name__ for x in deferred] == ["Page"] * 3 + ["BadRecord"] * 4
    assert all(isinstance(x, Page) for x in deferred[:3])

    def run(workers: int) -> list[tuple]:
        pairs = clean_stream(read_inputs([warc_path], ReadOptions(defer_html=True)), workers)
        return [
            (type(rec).__name__, getattr(rec, "text", None), res.to_dict()
             if isinstance(res, Article) else res.error)
            for rec, res in pairs
        ]

    one, two = run(1), run(2)
    assert one == two and len(one) == 7
    # the same records as reading with extraction in the reader
    eager = [r for r in read_inputs([warc_path]) if isinstance(r, Record)]
    assert [x[1] for x in one[:3]] == [r.text for r in eager]
    assert one[0][2]["title"] == HEADLINE and one[0][2]["url"] == "https://port.example/terminal"
