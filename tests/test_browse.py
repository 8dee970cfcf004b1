"""`newsclean browse`: the read-only record browser, over HTTP and in headless Chromium
(screenshots in out/screenshots/)."""

from __future__ import annotations

import http.client
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from browser import chromium_path, dump_dom, executable_parts, parse, screenshot
from hostile import HOSTILE_ID, write_hostile_jsonl

from newsclean.browse import PAGE_SIZE, RunIndex, serve
from newsclean.cli import main
from newsclean.runs import run_files

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def run_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("browse")
    write_hostile_jsonl(d / "hostile.jsonl", extra=2)
    out = d / "clean.parquet"
    assert main(["clean", "-q", str(EXAMPLES), str(d / "hostile.jsonl"), "-o", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def server(run_path: Path) -> Iterator[tuple[str, RunIndex]]:
    index = RunIndex(run_files(run_path))
    srv = serve(index, 0)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield f"127.0.0.1:{srv.server_address[1]}", index
    finally:
        srv.shutdown()
        srv.server_close()


def get(host: str, path: str, method: str = "GET",
        headers: dict[str, str] | None = None) -> tuple[int, str, http.client.HTTPResponse]:
    conn = http.client.HTTPConnection(host, timeout=30)
    conn.request(method, path, headers=headers or {})
    resp = conn.getresponse()
    body = resp.read().decode("utf-8")
    conn.close()
    return resp.status, body, resp


def rows(html: str) -> list[list[str]]:
    return [[td.text_content().strip() for td in tr.findall("td")]
            for tr in parse(html).xpath('//tr[@class="record"]')]


def test_list_and_filters_narrow_it(server: tuple[str, RunIndex]) -> None:
    host, index = server
    status, html, resp = get(host, "/")
    assert status == 200
    assert "script-src" not in resp.getheader("Content-Security-Policy", "")
    assert "default-src 'none'" in resp.getheader("Content-Security-Policy", "")
    everything = rows(html)
    assert len(everything) == min(PAGE_SIZE, len(index.entries)) > 10
    for query, column, wanted in (({"verdict": "error_page"}, 1, "error_page"),
                                  ({"reason": "repeated"}, 6, "repeated"),
                                  ({"language": "en"}, 4, "en")):
        status, html, _ = get(host, "/?" + urlencode(query))
        some = rows(html)
        assert status == 200 and 0 < len(some) < len(everything), query
        assert all(wanted in r[column] for r in some), query
    # the id search, the rule filter and the cluster filter
    some = rows(get(host, "/?q=blocked")[1])
    assert [r[0] for r in some] == [e.id for e in index.entries if "blocked" in e.id.lower()]
    some = rows(get(host, "/?rule=syndication_tag")[1])
    assert some and all("dateline" in r[6] for r in some)
    cluster = next(e.cluster for e in index.entries if e.cluster_size > 1)
    some = rows(get(host, "/?" + urlencode({"cluster": cluster}))[1])
    assert len(some) == next(e.cluster_size for e in index.entries if e.cluster == cluster)
    source = index.entries[0].source
    some = rows(get(host, "/?" + urlencode({"source": source}))[1])
    assert len(some) == index.counts["source"][source]
    # a filter matching nothing lists nothing, and says so
    status, html, _ = get(host, "/?verdict=no-such-verdict")
    assert rows(html) == [] and "<b>0</b> of" in html


def test_record_page_is_a_diff(server: tuple[str, RunIndex]) -> None:
    host, index = server
    n = next(e.n for e in index.entries if "repeated" in e.reasons)
    status, html, _ = get(host, f"/record?n={n}")
    assert status == 200
    doc = parse(html)
    pre = doc.xpath('//pre[@class="diff"]')[0]
    struck = pre.xpath(".//del")
    assert struck and any("r-repeated" in d.get("class") for d in struck)
    labels = [s.text for s in pre.xpath('.//span[starts-with(@class,"why")]')]
    assert "repeated" in labels and "title" in labels
    # kept text is plain: the article text is in the pre, outside every <del>
    kept = "".join(t for t in pre.xpath(".//text()[not(ancestor::del)]"))
    assert index.record(n)["text"].split("\n")[0] in kept


def test_read_only_local_and_bad_requests(server: tuple[str, RunIndex]) -> None:
    host, _ = server
    for method in ("POST", "PUT", "DELETE"):
        assert get(host, "/", method)[0] == 405
    assert get(host, "/", headers={"Host": "evil.example"})[0] == 403
    assert get(host, "/record?n=999999")[0] == 404
    assert get(host, "/record?n=x")[0] == 400
    assert get(host, "/etc/passwd")[0] == 404
    assert get(host, "/?page=999")[0] == 200  # past the end: the last page


def test_hostile_record_is_text_in_the_browser_page(server: tuple[str, RunIndex]) -> None:
    host, index = server
    n = next(e.n for e in index.entries if e.id == HOSTILE_ID)
    for path in ("/", f"/record?n={n}", "/?" + urlencode({"q": "onerror"})):
        html = get(host, path)[1]
        doc = parse(html)
        assert executable_parts(doc) == [], path
        assert HOSTILE_ID in doc.text_content(), path
        assert "\x1b" not in html
    html = get(host, f"/record?n={n}")[1]
    assert "<script>document.title='PWNED'</script>" in parse(html).text_content()


def test_browse_command_serves_and_stops(run_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "newsclean", "browse", str(run_path),
                             "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline() if proc.stderr else ""
        assert "http://127.0.0.1:" in line, line
        host = line.split("http://", 1)[1].split("/", 1)[0]
        assert get(host, "/")[0] == 200
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    assert main(["browse", str(run_path.parent / "nothing.jsonl")]) == 2


needs_browser = pytest.mark.skipif(chromium_path() is None,
                                   reason="no Chromium (apt-get install chromium)")


@needs_browser
def test_browser_page_in_chromium(server: tuple[str, RunIndex]) -> None:
    host, index = server
    base = f"http://{host}"
    dom = parse(dump_dom(base + "/"))
    listed = dom.xpath('//tr[@class="record"]')
    assert len(listed) == min(PAGE_SIZE, len(index.entries))
    assert dom.xpath("//form[@class='filters']//select[@name='verdict']")
    screenshot(base + "/", "browse-list.png", height=1600)
    # a filter narrows the list: what submitting the form with verdict=error_page loads
    dom = parse(dump_dom(base + "/?verdict=error_page&reason=&source=&language=&rule="
                         "&cluster=&q="))
    narrowed = dom.xpath('//tr[@class="record"]')
    assert 0 < len(narrowed) < len(listed)
    assert all(r.findall("td")[1].text_content() == "error_page" for r in narrowed)
    assert dom.xpath("//select[@name='verdict']/option[@selected]")[0].get("value") == \
        "error_page"
    screenshot(base + "/?verdict=error_page", "browse-filtered.png", height=900)
    # the diff view
    n = next(e.n for e in index.entries if "repeated" in e.reasons)
    dom = parse(dump_dom(f"{base}/record?n={n}"))
    assert dom.xpath('//pre[@class="diff"]//del[contains(@class,"r-repeated")]')
    screenshot(f"{base}/record?n={n}", "browse-record.png", height=1400)
    # the hostile record: shown, nothing run
    h = next(e.n for e in index.entries if e.id == HOSTILE_ID)
    for path in ("/", f"/record?n={h}"):
        dom = parse(dump_dom(base + path))
        assert executable_parts(dom) == [], path
    assert "<script>document.title='PWNED'</script>" in dom.text_content()
    screenshot(f"{base}/record?n={h}", "browse-hostile.png", height=1200)



def test_a_shard_folder_is_browsed_in_order(run_path: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(run_path)
    shards = tmp_path / "shards"
    shards.mkdir()
    pq.write_table(table.slice(0, 7), shards / "part-00000.parquet")
    pq.write_table(table.slice(7), shards / "part-00001.parquet")
    (shards / "part-00000.parquet.done").write_text("")
    whole = RunIndex(run_files(run_path))
    split = RunIndex(run_files(shards))
    assert [e.id for e in split.entries] == [e.id for e in whole.entries]
    assert split.starts == [0, 7]
    for n in (0, 6, 7, len(whole.entries) - 1):
        assert split.record(n) == whole.record(n)
    assert split.record(len(whole.entries)) is None


@needs_browser
def test_a_person_filters_the_list_and_opens_a_record(server: tuple[str, RunIndex]) -> None:
    """Driven through the DevTools protocol: pick a verdict in the menu with the keyboard,
    click "filter", see the list narrow; click a record, see its diff."""
    from cdp import Browser, Page

    host, index = server
    shots = ROOT / "out" / "screenshots"
    with Browser() as b:
        page = Page(b, f"http://{host}/")
        listed = page.evaluate("document.querySelectorAll('tr.record').length")
        assert listed == min(PAGE_SIZE, len(index.entries))
        page.choose("verdict", "error_page")
        assert page.evaluate("document.querySelector('select[name=verdict]').value") == \
            "error_page"
        page.click("form.filters button", navigates=True)
        assert page.evaluate("location.search").startswith("?verdict=error_page")
        verdicts = page.evaluate(
            "[...document.querySelectorAll('tr.record td:nth-child(2)')].map(t => t.innerText)")
        assert verdicts == ["error_page"] * index.counts["verdict"]["error_page"]
        assert 0 < len(verdicts) < listed
        assert page.evaluate("document.getElementById('count').innerText").startswith(
            f"{len(verdicts)} of {len(index.entries)}")
        page.screenshot(shots / "browse-person-filtered.png")
        # the id search box: type, press the button
        page.evaluate("document.querySelector('input[name=q]').focus()")
        for ch in "feed":
            page.call("Input.dispatchKeyEvent", {"type": "char", "text": ch})
        page.click("form.filters button", navigates=True)
        ids = page.evaluate(
            "[...document.querySelectorAll('tr.record td:first-child')].map(t => t.innerText)")
        assert ids == [e.id for e in index.entries
                       if e.verdict == "error_page" and "feed" in e.id.lower()]
        # open the record: its diff, removals struck through after their reason
        page.click("tr.record td:first-child a", navigates=True)
        assert page.evaluate("location.pathname") == "/record"
        labels = page.evaluate(
            "[...document.querySelectorAll('pre.diff .why')].map(t => t.innerText)")
        assert "error_banner" in labels
        struck = page.evaluate(
            "getComputedStyle(document.querySelector('pre.diff del')).textDecorationLine")
        assert "line-through" in struck
        page.screenshot(shots / "browse-person-record.png")
        # the hostile record, opened from the list: nothing of it ran
        h = next(e.n for e in index.entries if e.id == HOSTILE_ID)
        page.goto(f"http://{host}/record?n={h}")
        assert page.evaluate("document.title").startswith("<img src=x")
        assert page.evaluate("document.body.getAttributeNames().join(',')") == ""
        assert page.evaluate("document.querySelectorAll('script,iframe,img').length") == 0
