"""`newsclean report`: one self-contained page of a run, read from every output shape, escaped,
and as a person sees it in headless Chromium (screenshots in out/screenshots/)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from browser import chromium_path, dump_dom, executable_parts, parse, screenshot
from hostile import HOSTILE_ID, write_hostile_jsonl

from newsclean.cli import main
from newsclean.report import default_output, gather, make_report, source_of
from newsclean.runs import RunError, run_files

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SECTIONS = ("summary", "verdicts", "removals", "rules", "sources", "languages", "learned",
            "clusters", "throughput", "examples")


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("hostile")
    out = d / "hostile.out.jsonl"
    assert main(["clean", "-q", str(write_hostile_jsonl(d / "h.jsonl")), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def run_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("run")
    write_hostile_jsonl(d / "hostile.jsonl", extra=3)
    out = d / "clean.jsonl"
    assert main(["clean", "-q", str(EXAMPLES), str(d / "hostile.jsonl"), "-o", str(out)]) == 0
    return out


def _counts(html: str) -> dict[str, str]:
    doc = parse(html)
    return {c.findtext("span"): c.findtext("b") for c in doc.xpath('//div[@class="card"]')}


def test_report_has_every_section_and_plot(run_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(run_jsonl), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    doc = parse(html)
    ids = [s.get("id") for s in doc.xpath("//section")]
    assert ids == list(SECTIONS)
    assert len(doc.xpath("//svg[@role='img']")) >= 6  # verdicts, reasons x2, rules, sources, ...
    cards = _counts(html)
    records = sum(1 for _ in open(run_jsonl, encoding="utf-8"))
    assert cards["records"] == str(records)
    aside = run_jsonl.with_name("clean.setaside.jsonl")
    assert cards["set aside"] == str(len(aside.read_text().splitlines())) != "0"
    # every reason that removed something has examples with its spans highlighted in place
    for reason in ("header", "title", "repeated", "boilerplate", "error_banner"):
        section = doc.xpath(f'//h3[@id="ex-{reason}"]')
        assert section, reason
        assert doc.xpath(f'//pre[@class="diff"]//del[contains(@class,"r-{reason}") and '
                         'contains(@class,"focus")]'), reason
    # self-contained: no external resource of any kind
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert 'http-equiv="Content-Security-Policy"' in html and "script-src" not in html
    assert "default-src 'none'" in html


def test_report_reads_gzip_parquet_and_shard_folders_alike(run_jsonl: Path,
                                                           tmp_path: Path) -> None:
    gz = tmp_path / "clean.jsonl.gz"
    gz.write_bytes(gzip.compress(run_jsonl.read_bytes()))
    pq = tmp_path / "clean.parquet"
    assert main(["clean", "-q", str(EXAMPLES), str(run_jsonl.parent / "hostile.jsonl"),
                 "-o", str(pq)]) == 0
    shards = tmp_path / "shards"
    shards.mkdir()
    lines = run_jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    (shards / "part-00000.jsonl").write_text("".join(lines[:5]), encoding="utf-8")
    (shards / "part-00001.jsonl.gz").write_bytes(gzip.compress("".join(lines[5:]).encode()))
    (shards / "part-00000.jsonl.done").write_text("ok\n")  # a done marker: not a shard
    (shards / ".part-00002.jsonl.partial").write_text("{half a line")  # temporary: skipped
    (shards / "_SUCCESS").write_text("")
    stats = {}
    for name, path in (("jsonl", run_jsonl), ("gz", gz), ("parquet", pq), ("dir", shards)):
        st = gather(run_files(path))
        assert not st.problems, (name, st.problems)
        stats[name] = (st.records, dict(st.verdicts), dict(st.reasons), dict(st.reason_chars))
    assert stats["jsonl"] == stats["gz"] == stats["parquet"] == stats["dir"]
    assert [p.name for p in run_files(shards).shards] == ["part-00000.jsonl",
                                                          "part-00001.jsonl.gz"]


def test_report_refuses_what_is_not_a_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    assert main(["report", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("hello")
    assert main(["report", str(empty)]) == 2
    assert "no output of newsclean clean" in capsys.readouterr().err
    with pytest.raises(RunError):
        run_files(empty)
    # an input of clean is not its output: its lines are reported, not shown as articles
    feed = EXAMPLES / "feeds" / "feed.jsonl"
    out = tmp_path / "x.html"
    assert main(["report", str(feed), "-o", str(out)]) == 3
    assert "not an article of newsclean clean" in capsys.readouterr().err
    assert main(["report", str(feed), "-o", str(tmp_path / "x.txt")]) == 2


def test_default_output_and_sources() -> None:
    assert default_output("out/clean.jsonl.gz") == "out/clean.report.html"
    assert default_output("out/shards/") == "out/shards.report.html"
    assert source_of({"url": "https://www.bbc.co.uk/news/1", "source": "f.jsonl:3"}) == "bbc.co.uk"
    assert source_of({"source": "feeds/f.jsonl:3"}) == "feeds/f.jsonl"
    assert source_of({"source": "crawl/a.txt"}) == "crawl/"
    assert source_of({"source": "t.parquet:row 9"}) == "t.parquet"


def test_hostile_record_is_text_in_the_report(hostile_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    make_report(str(hostile_run), str(out))
    html = out.read_text(encoding="utf-8")
    doc = parse(html)
    assert executable_parts(doc) == []
    text = doc.text_content()
    assert "<script>document.title='PWNED'</script>" in text  # shown, as text
    assert HOSTILE_ID in text
    assert "\\x1b]0;PWNED-TITLE\\x07" in text  # a terminal escape shown as an escape
    assert "\x1b" not in html


def test_report_size_stays_bounded(tmp_path: Path) -> None:
    """Counts are aggregated and examples sampled: 40x the records is not 40x the page."""
    src = EXAMPLES / "feeds" / "feed.jsonl"
    small = tmp_path / "small.jsonl"
    assert main(["clean", "-q", "--no-dedup", str(src), "-o", str(small)]) == 0
    lines = small.read_text(encoding="utf-8").splitlines(keepends=True)
    big = tmp_path / "big.jsonl"
    with open(big, "w", encoding="utf-8") as f:
        for i in range(400):
            for line in lines:
                obj = json.loads(line)
                obj["id"] = f"{obj['id']}-{i}"
                f.write(json.dumps(obj) + "\n")
    make_report(str(small), str(tmp_path / "small.html"))
    make_report(str(big), str(tmp_path / "big.html"))
    s, b = (tmp_path / "small.html").stat().st_size, (tmp_path / "big.html").stat().st_size
    assert b < 2 * s, (s, b)
    cards = _counts((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert cards["records"] == f"{400 * len(lines):,}"


def test_throughput_from_a_stats_file(run_jsonl: Path, tmp_path: Path) -> None:
    stats = tmp_path / "s.json"
    stats.write_text(json.dumps({"seconds": 4.0, "read": 100}))
    out = tmp_path / "r.html"
    assert main(["report", str(run_jsonl), "-o", str(out), "--stats", str(stats)]) == 0
    assert "25.0 records/s" in out.read_text(encoding="utf-8")
    assert main(["report", str(run_jsonl), "-o", str(out)]) == 0
    assert "Not known" in out.read_text(encoding="utf-8")


needs_browser = pytest.mark.skipif(chromium_path() is None,
                                   reason="no Chromium (apt-get install chromium)")


@needs_browser
def test_report_in_chromium(run_jsonl: Path, hostile_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(run_jsonl), "-o", str(out)]) == 0
    dom = parse(dump_dom(out.as_uri()))
    headings = [h.text_content().strip() for h in dom.xpath("//h2")]
    assert headings == ["Summary", "Verdicts", "Removals", "Rules", "Sources", "Languages",
                        "Learned boilerplate", "Duplicate clusters", "Throughput", "Examples"]
    assert len(dom.xpath("//svg//rect[@class='bar']")) >= 20  # the plots have their bars
    assert executable_parts(dom) == []
    png = screenshot(out.as_uri(), "report.png", height=5000)
    assert png.stat().st_size > 50_000
    hostile = tmp_path / "hostile.html"
    make_report(str(hostile_run), str(hostile))
    dom = parse(dump_dom(hostile.as_uri()))
    assert executable_parts(dom) == []
    assert "<script>document.title='PWNED'</script>" in dom.text_content()
    screenshot(hostile.as_uri(), "report-hostile.png", height=3000)


@needs_browser
def test_hostile_record_runs_nothing_even_without_the_csp(hostile_run: Path,
                                                          tmp_path: Path) -> None:
    """The escaping alone keeps the hostile record inert: the same page with its
    Content-Security-Policy taken out, where a script *could* run, still runs none."""
    out = tmp_path / "r.html"
    make_report(str(hostile_run), str(out))
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "",
                  out.read_text(encoding="utf-8"))
    bare = tmp_path / "bare.html"
    bare.write_text(html, encoding="utf-8")
    # a control: a page that does run a script is seen to (so the check can fail)
    control = tmp_path / "control.html"
    control.write_text("<html><body><script>document.body.setAttribute('data-pwned','1')"
                       "</script></body></html>")
    assert executable_parts(parse(dump_dom(control.as_uri())))
    dom = parse(dump_dom(bare.as_uri()))
    assert executable_parts(dom) == []
    assert "<script>document.title='PWNED'</script>" in dom.text_content()
    assert dom.find(".//title").text.startswith("newsclean report")


def test_chromium_install_is_wired_into_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "chromium" in ci and "apt-get install" in ci
    assert shutil.which("bash")


def test_learned_boilerplate_lines_per_source(tmp_path: Path) -> None:
    from test_learned_boilerplate import SITE_BOTTOM, SITE_TOP, site_record

    src = tmp_path / "valley.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(12):
            r = site_record(i)
            f.write(json.dumps({"id": r.id, "url": r.meta["url"], "text": r.text}) + "\n")
    out = tmp_path / "v.jsonl"
    assert main(["clean", "-q", "--learn-boilerplate", str(src), "-o", str(out)]) == 0
    page = tmp_path / "v.html"
    make_report(str(out), str(page))
    doc = parse(page.read_text(encoding="utf-8"))
    learned = doc.xpath('//section[@id="learned"]')[0]
    assert [h.text_content() for h in learned.xpath(".//h3")] == ["valleycourier.co.uk"]
    table = {tr.findall("td")[0].text_content(): tr.findall("td")[1].text_content()
             for tr in learned.xpath(".//tr[td]")}
    assert table[SITE_BOTTOM] == "12" and set(table) <= {SITE_TOP, SITE_BOTTOM}
    removed = [r for line in out.read_text().splitlines() for r in json.loads(line)["removed"]
               if r["reason"] == "learned_boilerplate"]
    assert len(removed) == sum(int(v) for v in table.values())
    # without the corpus pass the section says how to get it
    plain = tmp_path / "p.jsonl"
    assert main(["clean", "-q", str(src), "-o", str(plain)]) == 0
    make_report(str(plain), str(page))
    assert "No learned boilerplate" in page.read_text(encoding="utf-8")


def _page_body(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<nav>"):]  # after the line naming the run, its time and date


def test_same_run_same_page_in_any_process(run_jsonl: Path, tmp_path: Path) -> None:
    """Examples are sampled with a seed, independently of the process's hash seed, and a
    Parquet copy of a run gives the same page as its JSONL."""
    import os
    import subprocess
    import sys

    pages = []
    for seed, run in (("1", run_jsonl), ("2", run_jsonl)):
        out = tmp_path / f"p{seed}.html"
        subprocess.run([sys.executable, "-m", "newsclean", "report", str(run), "-o", str(out)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        pages.append(_page_body(out))
    assert pages[0] == pages[1]


def test_an_example_is_a_window_around_its_span() -> None:
    from newsclean.htmlview import diff_html

    record = ("word " * 4000) + "FURNITURE LINE" + (" word" * 4000)  # one 40k-char line
    start = record.index("FURNITURE")
    spans = [{"start": start, "end": start + 14, "reason": "boilerplate", "rule": "x",
              "text": "FURNITURE LINE"}]
    html = diff_html(record, spans, focus="boilerplate", max_chars=1600)
    assert len(html) < 3000
    assert 'class="r-boilerplate focus"' in html and "characters above not shown" in html
    assert "characters below not shown" in html
    whole = diff_html(record, spans)
    assert len(whole) > len(record)


@needs_browser
def test_report_plots_are_drawn_on_screen(run_jsonl: Path, hostile_run: Path,
                                          tmp_path: Path) -> None:
    """In a real tab: each plot takes room on the page and its bars have width; the sections
    can be reached from the page's menu; the hostile record's page keeps its own title."""
    from cdp import Browser, Page

    out = tmp_path / "report.html"
    make_report(str(run_jsonl), str(out))
    with Browser() as b:
        page = Page(b, out.as_uri())
        sizes = page.evaluate("[...document.querySelectorAll('svg.chart')].map(s => {"
                              "const r = s.getBoundingClientRect(); return [r.width, r.height]})")
        assert len(sizes) >= 6 and all(w > 300 and h > 40 for w, h in sizes)
        widths = page.evaluate("[...document.querySelectorAll('svg.chart rect.bar')]"
                               ".map(r => r.getBoundingClientRect().width)")
        assert len(widths) >= 20 and max(widths) > 100
        page.click('nav a[href="#examples"]')
        top = page.evaluate("document.getElementById('examples').getBoundingClientRect().top")
        assert abs(top) < 5  # the menu took the reader to the section
        hostile = tmp_path / "hostile.html"
        make_report(str(hostile_run), str(hostile))
        page.goto(hostile.as_uri())
        assert page.evaluate("document.title").startswith("newsclean report")
        assert page.evaluate("document.body.getAttributeNames().join(',')") == ""
        assert page.evaluate("document.querySelectorAll('script,iframe,img').length") == 0


def test_throughput_from_cleans_own_stats_file(tmp_path: Path) -> None:
    # the file `clean --stats` writes is the one the report reads
    out, stats, page = tmp_path / "run.jsonl", tmp_path / "run.stats.json", tmp_path / "r.html"
    assert main(["clean", "-q", str(EXAMPLES / "seed"), "-o", str(out), "--stats", str(stats)]) == 0
    doc = json.loads(stats.read_text(encoding="utf-8"))
    assert main(["report", str(out), "-o", str(page), "--stats", str(stats)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "Not known" not in html
    assert f"{doc['throughput']['records_cleaned']:,} records in" in html
    # ... and finds it beside the output without being told
    assert main(["report", str(out), "-o", str(page)]) == 0
    assert "Not known" not in page.read_text(encoding="utf-8")
