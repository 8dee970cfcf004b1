"""HTML -> Record: charsets, bad input, title/metadata, readers for HTML files, JSONL and Parquet."""

from __future__ import annotations

import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.extract import MAX_HTML_BYTES, extract_page, html_record
from newsclean.extract.decode import choose_charset, decode_html
from newsclean.model import Article, BadRecord, Record
from newsclean.pipeline import clean_record
from newsclean.readers import ReadOptions, read_inputs
from newsclean.writers import open_writer

PARAS = [
    "The city council voted on Tuesday to approve a new budget that raises spending on public "
    "transport by twelve percent, after a debate that lasted well into the night.",
    "Supporters said the money would pay for more frequent buses on the busiest routes and for "
    "repairs to the tram line that has been closed twice this year because of broken rails.",
    "Opponents argued that the increase would have to be paid for with higher parking fees, which "
    "small shop owners in the old town say would drive customers to the malls outside the city.",
    "The mayor said she expected the first new buses to run before the end of the summer and "
    "promised a public report on the tram repairs in the autumn.",
]
TITLE = "Council approves transport budget after late-night debate"


def article_html(
    title: str = TITLE,
    paras: list[str] = PARAS,
    charset_meta: str = '<meta charset="utf-8">',
    extra_head: str = "",
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head>{charset_meta}<title>{title} | Daily Courier</title>"
        f'<meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="Daily Courier">'
        '<meta property="article:published_time" content="2024-03-05T08:00:00Z">'
        '<meta name="author" content="Jane Doe">'
        '<link rel="canonical" href="https://courier.example/news/budget">'
        f"{extra_head}</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
        '<li><a href="/sport">Sport</a></li></ul></nav>'
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p>Contact us</p><p>Privacy policy</p></footer></body></html>"
    )


# ------------------------------------------------------------------ text and metadata


def test_article_page_becomes_title_line_plus_body():
    rec = html_record(article_html().encode(), id="a", source="a.html", url="https://x.example/a")
    assert isinstance(rec, Record)
    lines = rec.text.split("\n")
    assert lines[0] == TITLE
    assert lines[1:] == PARAS  # the <h1> copy of the title is not repeated in the body
    assert "Home" not in rec.text and "Privacy policy" not in rec.text
    m = rec.meta
    assert m["title"] == TITLE
    assert m["date"] == "2024-03-05"
    assert m["sitename"] == "Daily Courier"
    assert m["author"] == "Jane Doe"
    assert m["canonical_url"] == "https://courier.example/news/budget"
    assert m["url"] == "https://x.example/a"
    assert m["charset"] == "utf-8"


def test_pipeline_takes_the_first_line_as_title():
    rec = html_record(article_html().encode(), id="a", source="a.html")
    art = clean_record(rec)
    assert isinstance(art, Article)
    assert art.verdict == "article"
    assert art.title == TITLE
    assert art.text.split("\n") == PARAS


def test_title_from_title_tag_without_site_suffix():
    html = (
        "<html><head><title>Storm closes schools across the region - Valley News</title></head>"
        "<body><article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>"
    )
    rec = html_record(html.encode(), id="b", source="b.html")
    assert rec.meta["title"] == "Storm closes schools across the region"
    assert rec.text.startswith("Storm closes schools across the region\n")


def test_fast_mode_extracts_the_same_article():
    rec = html_record(article_html().encode(), id="a", source="a.html", fast=True)
    assert isinstance(rec, Record)
    assert rec.meta["title"] == TITLE
    assert rec.meta["extractor"] == "resiliparse"
    for p in PARAS:
        assert p in rec.text
    assert "Sport" not in rec.text.split("\n")[1:]


# ------------------------------------------------------------------ charsets


def test_latin1_page_with_meta_charset():
    html = article_html(
        paras=[p + " Café crème à la fenêtre." for p in PARAS],
        charset_meta='<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    )
    rec = html_record(html.encode("latin-1"), id="l", source="l.html")
    assert "Café crème à la fenêtre" in rec.text
    assert rec.meta["charset"] in ("iso8859-1", "latin-1", "cp1252")


def test_utf8_page_mislabelled_as_latin1_is_read_as_utf8():
    data = "<html><head><meta charset='iso-8859-1'></head><body><p>Zürich — naïve</p></body></html>"
    assert choose_charset(data.encode("utf-8"), "iso-8859-1") == "utf-8"


def test_wrong_http_charset_falls_back_to_what_decodes():
    data = ("<html><body><p>" + "Überraschung in München, sagte der Bürgermeister. " * 20 + "</p>")
    raw = data.encode("cp1252")
    text, charset, _ = decode_html(raw, "utf-8")  # the server lied
    assert "München" in text and "\ufffd" not in text
    assert charset != "utf-8"


def test_missing_charset_non_utf8_is_detected():
    raw = ("<html><body><p>" + "Это статья о погоде в Москве и области. " * 30 + "</p>").encode(
        "cp1251"
    )
    text, charset, _ = decode_html(raw)
    assert "погоде" in text


# ------------------------------------------------------------------ bad input


def test_binary_body_labelled_html_is_a_bad_record():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    rec = html_record(png, id="p", source="p.html")
    assert isinstance(rec, BadRecord)
    assert "binary body (PNG image)" in rec.error


def test_empty_and_garbage_bodies_are_bad_records():
    assert isinstance(html_record(b"", id="e", source="e.html"), BadRecord)
    assert isinstance(html_record(b"   \n ", id="e", source="e.html"), BadRecord)
    noise = bytes((i * 37) % 256 for i in range(5000))
    assert isinstance(html_record(noise, id="n", source="n.html"), BadRecord)


def test_page_with_no_article_text_still_gives_a_record():
    rec = html_record(b"<html><body><div></div></body></html>", id="x", source="x.html")
    assert isinstance(rec, Record | BadRecord)
    if isinstance(rec, Record):
        assert clean_record(rec).verdict != "article"


def test_deeply_nested_markup_is_bounded():
    depth = 50_000
    html = "<html><body>" + "<div>" * depth + "<p>" + PARAS[0] + "</p>" + "</div>" * depth
    for fast in (False, True):
        rec = html_record(html.encode(), id="d", source="d.html", fast=fast)
        assert isinstance(rec, Record | BadRecord)  # no exception, no hang


def test_entity_expansion_is_not_performed():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
        '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
        '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
        '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>&lol7; &xxe;</p>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>"
    )
    for fast in (False, True):
        rec = html_record(bomb.encode(), id="b", source="b.html", fast=fast)
        if isinstance(rec, Record):
            assert rec.text.count("lol") < 100
            assert "root:" not in rec.text


def test_huge_page_is_capped_before_parsing():
    filler = "<p>" + PARAS[1] + "</p>"
    html = article_html() + filler * (30 * 1024 * 1024 // len(filler))
    data = html.encode()
    assert len(data) > MAX_HTML_BYTES
    rec = html_record(data, id="h", source="h.html", fast=True)
    assert isinstance(rec, Record)
    assert rec.meta["truncated"] is True
    assert rec.text.startswith(TITLE)


# ------------------------------------------------------------------ readers and writer


def test_html_directory_reader(tmp_path):
    (tmp_path / "one.html").write_text(article_html(), encoding="utf-8")
    with gzip.open(tmp_path / "two.htm.gz", "wb") as fh:
        fh.write(article_html(title="Second story about the tram line repairs").encode())
    (tmp_path / "three.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = list(read_inputs([tmp_path]))
    assert [getattr(r, "id", None) for r in out] == ["one", "three", "two"]
    assert isinstance(out[0], Record) and out[0].text.startswith(TITLE)
    assert isinstance(out[1], BadRecord)
    assert out[2].text.startswith("Second story about the tram line repairs")


def test_jsonl_with_html_field(tmp_path):
    f = tmp_path / "pages.jsonl"
    rows = [
        {"id": "p1", "url": "https://courier.example/a", "html": article_html()},
        {"id": "p2", "html": None},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = list(read_inputs([f], ReadOptions(html_field="html")))
    assert isinstance(out[0], Record) and out[0].meta["url"] == "https://courier.example/a"
    assert out[0].text.split("\n")[0] == TITLE
    assert isinstance(out[1], BadRecord) and "html" in out[1].error
    # without --html-field the same file is read as plain text records (field "text" missing)
    plain = list(read_inputs([f]))
    assert all(isinstance(r, BadRecord) for r in plain)


def test_parquet_in_and_out(tmp_path):
    src = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"id": ["r1", "r2"], "html": [article_html(), None]}),
        src,
    )
    recs = list(read_inputs([src], ReadOptions(html_field="html")))
    assert isinstance(recs[0], Record) and isinstance(recs[1], BadRecord)
    out = tmp_path / "out.parquet"
    with open_writer(out) as w:
        w.write(clean_record(recs[0]))
    table = pq.read_table(out).to_pylist()
    assert table[0]["id"] == "r1"
    assert table[0]["title"] == TITLE
    assert table[0]["text"].split("\n") == PARAS
    assert isinstance(table[0]["removed"], list)

    text_src = tmp_path / "text.parquet"
    pq.write_table(pa.table({"id": ["t1"], "text": [" date 2024-01-02 200\nTitle\nBody."]}), text_src)
    (rec,) = read_inputs([text_src])
    assert rec.id == "t1" and rec.text.startswith(" date 2024-01-02 200")


def test_fast_mode_trims_page_furniture_after_the_article():
    from newsclean.extract.fast import trim_tail

    lines = [*PARAS, "Share", "Tweet", "Tags: budget transport", "Contact us"]
    assert trim_tail(lines) == PARAS
    # short lines that end a sentence, or longer ones, are kept; no prose at all: untouched
    kept = [*PARAS, "He declined to comment.", "More talks are planned for next month"]
    assert trim_tail(kept) == kept
    assert trim_tail(["Home", "News"]) == ["Home", "News"]


def test_tail_not_confirmed_by_the_second_extractor_is_cut():
    from newsclean.extract.html_text import trim_unconfirmed_tail

    teasers = [
        "Five things to know before the new bus timetable starts next week in the city",
        "Opinion: why the tram line deserves better than another round of quick repairs",
    ]
    # the second extractor kept the article but not the teasers after it
    assert trim_unconfirmed_tail([*PARAS, *teasers], PARAS) == PARAS
    # a second opinion that missed most of the article confirms nothing: keep everything
    assert trim_unconfirmed_tail([*PARAS, *teasers], PARAS[:1]) == [*PARAS, *teasers]
    # lines inside the article are never cut, only the unconfirmed end
    assert trim_unconfirmed_tail(PARAS, [PARAS[0], PARAS[3], PARAS[1]]) == PARAS


# ------------------------------------------------------------------ fast path internals


def test_nul_characters_are_dropped_in_utf8_and_legacy_pages():
    # a NUL after the first 4 KiB (earlier ones make the page binary), in UTF-8 and in latin-1
    page = article_html().replace("</body>", "<p>ok</p></body>")
    pad = "<!-- " + "x" * 5000 + " -->"
    utf8 = (pad + page.replace("<p>ok", "<p>o\x00k")).encode("utf-8") + "é".encode()
    text, charset, _ = decode_html(utf8)
    assert charset == "utf-8" and "\x00" not in text and "<p>ok</p>" in text
    latin1 = (pad + page.replace("<p>ok", "<p>o\x00k")).encode("latin-1") + b"\xe9\xff"
    text, charset, _ = decode_html(latin1)
    assert charset != "utf-8" and "\x00" not in text and "<p>ok</p>" in text


def test_whitespace_only_page_is_not_html_in_any_charset():
    from newsclean.extract import NotHtml

    for data in (b" \n\t ", " \u00a0\u3000\n".encode(), b"\xa0 \xa0"):  # last: not UTF-8
        try:
            decode_html(data)
        except NotHtml:
            continue
        raise AssertionError(f"{data!r} was accepted")


def test_fast_clean_lines_matches_the_shared_one():
    from newsclean.extract import fast
    from newsclean.extract.html_text import clean_lines

    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) != "\n")
    samples = [
        "",
        "\n\n",
        "plain line\nsecond line",
        " lead\ntrail \n in  side \n",
        f"a{spaces}b\n{spaces}\nc\u00a0d\u2009e\ttab\x1cfs\u2028ls\u3000end",
        "ctrl\x07char kept\nemoji 🙂 ok\n\u200bzero-width (not a space)",
    ]
    for s in samples:
        assert fast.clean_lines(s) == clean_lines(s), repr(s)


def test_depth_guard_is_exact_at_the_limit():
    from resiliparse.parse.html import HTMLTree

    from newsclean.extract.decode import MAX_NESTING, too_deep

    # every level starts with a sibling, so the deep chain holds no first child but the last
    for depth in (MAX_NESTING - 1, MAX_NESTING):
        nested = depth - 3  # html > body > k divs > i: the <i> sits at depth k + 3
        html = "<html><body>" + "<div><i>x</i>" * nested + "</div>" * nested + "</body></html>"
        assert too_deep(HTMLTree.parse(html)) is (depth >= MAX_NESTING)


def test_jsonld_blocks_are_found_as_the_reference_pattern_finds_them():
    import re

    from newsclean.extract.fast import jsonld_scripts

    reference = re.compile(
        r"<script[^>]*application/ld\+json[^>]*>(.*?)</script", re.IGNORECASE | re.DOTALL
    )
    pages = [
        '<script type="application/LD+JSON">{"a": 1}</SCRIPT>',
        '<script data-x="+json" type="application/ld+json">x</script>'
        '<script type="application/ld+json">unclosed',
        '<a href="/feed+json">+json</a><script>var t = "+JSON";</script>'
        '<script\ntype=application/ld+json>{"b": 2}</script>',
        '<script type="application/ld+json" src="a+json">q</script>',
        '<script type="application/ld+json"',
        'x+json> <script type="application/ld+json">a</script <p>b</p></script>',
    ]
    for page in pages:
        for end in range(len(page) + 1):
            assert jsonld_scripts(page, end) == reference.findall(page, 0, end), (page, end)


def test_fast_head_metadata_reads_every_key_family():
    from newsclean.extract.fast import head_metadata

    page = article_html()
    m = head_metadata(page)
    assert (m["title"], m["date"], m["sitename"], m["author"], m["canonical_url"]) == (
        TITLE,
        "2024-03-05",
        "Daily Courier",
        "Jane Doe",
        "https://courier.example/news/budget",
    )
    # the other spellings: twitter:title, og:published_time / pubdate, article:author,
    # application-name, og:url; tags in other case; first tag of a key wins; noise skipped
    head = (
        '<html><head><META NAME="twitter:title" CONTENT="Ferry service resumes after storm">'
        '<meta property="og:image" content="https://p.example/i.jpg">'
        '<meta name="PubDate" content="2023-11-02"><meta name="pubdate" content="2020-01-01">'
        '<meta property="article:author" content="Sam Lee">'
        '<meta name="application-name" content="Harbour Post">'
        '<meta property="og:url" content="https://p.example/ferry"></head><body>'
        "<p>Ferries ran again on Monday.</p></body></html>"
    )
    m = head_metadata(head)
    assert m["title"] == "Ferry service resumes after storm"
    assert (m["date"], m["author"], m["sitename"]) == ("2023-11-02", "Sam Lee", "Harbour Post")
    assert m["canonical_url"] == "https://p.example/ferry"
    # nothing in the head: JSON-LD in the body fills date, author and publisher
    ld = {
        "@type": "NewsArticle",
        "datePublished": "2022-06-30T10:00:00Z",
        "author": {"name": "Ana Ruiz"},
        "publisher": {"name": "Coast Daily"},
    }
    page = (
        "<html><head><title>Bridge reopens</title></head><body><h1>Bridge reopens</h1>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script></body></html>'
    )
    m = head_metadata(page)
    assert (m["date"], m["author"], m["sitename"]) == ("2022-06-30", "Ana Ruiz", "Coast Daily")


def test_fast_mode_leaves_out_reader_comments():
    comments = (
        '<section id="comments" class="comments"><h3>3 comments</h3><ol class="comment-list">'
        '<li class="comment"><p>Great article, the buses in my street are always late and '
        "nobody seems to care about it at all.</p></li>"
        '<li class="comment"><p>I disagree with the mayor on this, the money should go to '
        "cycle lanes instead of more buses.</p></li></ol></section>"
    )
    html = article_html().replace("</article>", "</article>" + comments)
    rec = html_record(html.encode(), id="c", source="c.html", fast=True)
    assert isinstance(rec, Record)
    assert rec.text.split("\n")[1:] == PARAS
    # the shared helper keeps them unless asked (the default mode's second opinion)
    from newsclean.extract.fast import resiliparse_text

    assert "cycle lanes" in resiliparse_text(html)
    assert "cycle lanes" not in resiliparse_text(html, comments=False)


def test_second_opinion_replaces_the_body_only_when_it_holds_it_and_much_more():
    from newsclean.extract.html_text import holds_more

    more = [
        f"Paragraph {i} of the council report explains, in plain words, how the transport "
        f"budget will be spent in district number {i} over the next four years of service."
        for i in range(12)
    ]
    body = PARAS[:2]  # trafilatura stopped at the first of the article's blocks
    assert holds_more(body, ["Advertisement", *body, *more])
    assert not holds_more(body, more)  # longer, but another text: not the same article
    assert not holds_more(body, [*body, more[0]])  # the same, but not much more of it
    assert not holds_more([], more)


def test_second_opinion_longer_only_by_comments_is_not_taken():
    comments = "".join(
        f'<li class="comment"><div class="comment-body"><p>Reader {i} writes that the buses in '
        f"the old town are always late and that the council should have asked the people who "
        f"ride them every morning before voting.</p></div></li>"
        for i in range(30)
    )
    html = article_html().replace(
        "</article>",
        f'</article><section id="comments" class="comments"><ol>{comments}</ol></section>',
    )
    ex = extract_page(html)
    assert ex.body == PARAS


def test_head_lines_the_second_extractor_did_not_keep_are_cut():
    from newsclean.extract.html_text import trim_unconfirmed_head

    dek = "Officials say the plan will cost less than expected and start in May"
    body = ["5:45 AM 11/19/2019 by Jane Doe", dek, *PARAS]
    assert trim_unconfirmed_head(body, PARAS) == PARAS
    # a second opinion that missed most of the article decides nothing
    assert trim_unconfirmed_head(body, PARAS[:1]) == body
    # nothing confirmed: nothing cut
    assert trim_unconfirmed_head(body, ["Another text entirely, about the weather " * 20]) == body


def test_unconfirmed_first_line_is_settled_by_trafilaturas_precision_mode(monkeypatch):
    from newsclean.extract import html_text

    teaser = "The vote came after a debate that lasted well into the night and left both unhappy."
    html = (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
        f'<div class="teaser"><p>{teaser}</p></div>'
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article></body></html>"
    )
    assert extract_page(html).body[0] == teaser  # recall mode and resiliparse both keep it
    # a second opinion without the teaser line sends the page to the strict pass, which
    # drops the teaser block (the body between its first and last confirmed lines stays)
    monkeypatch.setattr(html_text, "resiliparse_body", lambda _html: list(PARAS))
    assert extract_page(html).body == PARAS


HEADS = ["Why the budget grew", "What the new buses will cost", "When the trams return"]
SECTIONED = [PARAS[0], HEADS[0], PARAS[1], HEADS[1], PARAS[2], HEADS[2], PARAS[3]]


def test_section_headings_the_main_extractor_dropped_are_put_back():
    from newsclean.extract.html_text import restore_headings

    # the main extractor kept every paragraph but lost the headings between them
    assert restore_headings(list(PARAS), SECTIONED) == SECTIONED
    # the second opinion's menu above and footer below the article change nothing
    other = ["Home", "News", *SECTIONED, "Privacy policy", "Contact us"]
    assert restore_headings(list(PARAS), other) == SECTIONED


def test_lines_missing_once_or_shaped_otherwise_are_not_put_back():
    from newsclean.extract.html_text import restore_headings

    # two missing headings are not enough: a lone line left out is as often a caption
    two = [PARAS[0], HEADS[0], PARAS[1], HEADS[1], *PARAS[2:]]
    assert restore_headings(list(PARAS), two) == PARAS
    # a sentence, a furniture line or a one-word label between paragraphs is not a heading
    caption = "Buses wait at the central depot on Monday morning."
    other = [PARAS[0], caption, PARAS[1], "Share this article", PARAS[2], "Related stories", PARAS[3]]
    assert restore_headings(list(PARAS), other) == PARAS
    # (the same places with headings in them: put back)
    other = [PARAS[0], HEADS[0], PARAS[1], HEADS[1], PARAS[2], HEADS[2], PARAS[3]]
    assert restore_headings(list(PARAS), other) == SECTIONED
    # lines that do not stand between two of ours that follow each other stay out
    shuffled = [PARAS[0], HEADS[0], PARAS[2], HEADS[1], PARAS[1], HEADS[2], PARAS[3]]
    assert restore_headings(list(PARAS), shuffled) == PARAS


def test_extract_page_restores_headings_from_the_second_opinion(monkeypatch):
    from newsclean.extract import html_text

    body = "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in zip(["", *HEADS], PARAS, strict=True))
    html = article_html().replace("".join(f"<p>{p}</p>" for p in PARAS), body)
    assert extract_page(html).body == SECTIONED
    # the main extractor losing the headings (as it does on some layouts): they come back
    monkeypatch.setattr(html_text, "trafilatura_body", lambda *_a, **_k: list(PARAS))
    assert extract_page(html).body == SECTIONED


BYLINE = "By Jane Doe, City Hall reporter | March 5, 2024, 8:00 AM"
AUTHOR_BOX = (
    "Jane Doe covers city hall and transport for the Courier. She has reported on local "
    "politics for eleven years and can be reached at her desk most mornings."
)
NEWSLETTER = "Sign up for our morning newsletter and get the day's top stories in your inbox."


def test_ends_no_other_extractor_kept_are_cut():
    from newsclean.extract.html_text import Opinion, confirm_ends

    body = [BYLINE, TITLE, *PARAS, AUTHOR_BOX, NEWSLETTER]
    words = sum(len(ln.split()) for ln in body)
    # the strict pass keeps only the paragraphs; readability a paragraph fewer at the top
    assert confirm_ends(body, [Opinion(PARAS), Opinion(PARAS[1:])], words) == PARAS
    # one of them confirming an end line is enough to keep it
    assert confirm_ends(body, [Opinion(PARAS), Opinion([*PARAS, AUTHOR_BOX])], words) == [
        *PARAS,
        AUTHOR_BOX,
    ]


def test_ends_are_kept_when_the_other_extractors_cannot_tell():
    from newsclean.extract.html_text import Opinion, confirm_ends

    body = [BYLINE, *PARAS, NEWSLETTER]
    words = sum(len(ln.split()) for ln in body)
    # opinions that missed most of the article decide nothing
    assert confirm_ends(body, [Opinion(PARAS[:1])], words) == body
    # an opinion confirming no line cuts nothing
    weather = ["Rain is expected across the region on Thursday, with strong winds near the coast."]
    assert confirm_ends(body, [Opinion(weather * 8)], words) == body
    assert confirm_ends(body, [], words) == body


def test_long_lead_paragraph_or_list_at_the_head_is_not_cut():
    from newsclean.extract.html_text import MAX_HEAD_CUT_WORDS, Opinion, confirm_ends

    # a lead paragraph the other extractors missed: prose too long to be a byline or dek
    lead = " ".join([PARAS[0], PARAS[1]])
    assert len(lead.split()) > MAX_HEAD_CUT_WORDS
    body = [BYLINE, lead, *PARAS[2:]]
    words = sum(len(ln.split()) for ln in body)
    assert confirm_ends(body, [Opinion(PARAS[2:] * 2)], words) == body
    # a list of key points above the text is the article's, not a header's
    points = ["- Bus service rises on the busiest routes", "- Tram repairs start in May"]
    body = [*points, *PARAS]
    assert confirm_ends(body, [Opinion(PARAS)], words) == body
    # (the same lines as a byline and a dek: cut)
    body = [BYLINE, "Bus service rises on the busiest routes", *PARAS]
    assert confirm_ends(body, [Opinion(PARAS)], words) == PARAS


def test_readability_keeps_the_article_blocks():
    from newsclean.extract.html_text import parse_html, readability_body

    html = article_html().replace(
        "</article>",
        '</article><aside class="sidebar"><ul><li><a href="/a">Most read</a></li>'
        '<li><a href="/b">Weather</a></li></ul></aside>',
    )
    lines = readability_body(parse_html(html))
    assert [ln for ln in lines if ln in PARAS] == PARAS
    assert "Most read" not in lines and "Home" not in lines
    assert readability_body(parse_html("<html><body></body></html>")) == []


def test_extract_page_cuts_the_ends_the_third_opinions_leave_out(monkeypatch):
    from newsclean.extract import html_text

    html = article_html()
    recall = [BYLINE, *PARAS, AUTHOR_BOX, NEWSLETTER]

    def trafilatura(_tree, _url, precision=False):
        return list(PARAS) if precision else list(recall)

    # resiliparse keeps the furniture too, so only the strict pass and readability can tell
    monkeypatch.setattr(html_text, "trafilatura_body", trafilatura)
    monkeypatch.setattr(html_text, "resiliparse_body", lambda _html: list(recall))
    assert extract_page(html).body == PARAS
    # the strict pass keeping the author box too: it stays (the byline and the box after it go)
    strict = [*PARAS, AUTHOR_BOX]
    monkeypatch.setattr(
        html_text,
        "trafilatura_body",
        lambda _t, _u, precision=False: list(strict if precision else recall),
    )
    monkeypatch.setattr(html_text, "readability_body", lambda _tree: list(PARAS))
    assert extract_page(html).body == [*PARAS, AUTHOR_BOX]
