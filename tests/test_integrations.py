"""The library surface for pipelines: clean_batch (datasets, pandas), ARROW_SCHEMA,
clean_html, and datatrove's NewsCleanStep -- the same fields as the command line's output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import newsclean
from newsclean.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
PAGE_PARAS = [
    "The harbour authority said on Monday that the new ferry terminal would open in May, "
    "two months later than planned, after a delay in the delivery of the boarding bridges.",
    "Ferry operators welcomed the news but asked for a temporary waiting hall during the "
    "works, saying passengers had stood in the rain for most of the winter.",
    "The terminal will serve four routes across the bay and is expected to handle about "
    "three million passengers a year once it is fully open.",
]
PAGE_TITLE = "Ferry terminal to open in May after delay"


def page_html(title: str = PAGE_TITLE) -> str:
    body = "".join(f"<p>{p}</p>" for p in PAGE_PARAS)
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Bay News</title>'
        '<meta property="og:site_name" content="Bay News"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p>Contact us</p></footer></body></html>"
    )


def sample_rows() -> list[dict]:
    """Every text record of tests/fixtures as one JSONL row each (the seed has quotes, a
    syndication tag and a repeated body; others are empty, an error page, CRLF, Unicode)."""
    rows = [
        {"id": p.name, "text": p.read_text(encoding="utf-8")}
        for p in sorted((FIXTURES / "records").glob("*.txt"))
    ]
    for line in (FIXTURES / "feed.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except ValueError:
            continue  # (the feed's malformed line: clean sets it aside)
        rows.append({"id": obj.get("id", f"feed-{len(rows)}"), "text": obj["text"]})
    rows.append({"id": "harbour", "text": (FIXTURES / "pages" / "harbour-page.txt").read_text()})
    rows.append({"id": "with-url", "url": "https://news.example/a", "text": rows[-2]["text"]})
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def cli_output(tmp_path: Path, src: Path, *args: str) -> list[dict]:
    out = tmp_path / "cli.jsonl"
    assert main(["clean", str(src), "--no-dedup", "--quiet", "-o", str(out), *args]) == 0
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def assert_same_fields(cli: list[dict], got: list[dict]) -> None:
    """Every field of the command line's record, with the same value (`source` is provenance:
    a file and line there, the id here); fields it does not have are null or empty here."""
    assert [g["id"] for g in got] == [c["id"] for c in cli]
    for c, g in zip(cli, got, strict=True):
        for k, v in c.items():
            if k != "source":
                assert g[k] == v, (c["id"], k)
        for k in set(newsclean.ARROW_SCHEMA.names) - set(c) - {"source"}:
            assert g.get(k) in (None, []), (c["id"], k)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[list[dict], list[dict]]:
    tmp = tmp_path_factory.mktemp("sample")
    rows = sample_rows()
    src = write_jsonl(tmp / "sample.jsonl", rows)
    return rows, cli_output(tmp, src)


# ------------------------------------------------------------------ clean_batch, schema


def test_clean_batch_gives_the_command_lines_fields(sample) -> None:
    rows, cli = sample
    batch = {"id": [r["id"] for r in rows], "text": [r["text"] for r in rows],
             "url": [r.get("url") for r in rows], "keep_me": list(range(len(rows)))}
    out = newsclean.clean_batch(batch)
    got = [{k: out[k][i] for k in out} for i in range(len(rows))]
    assert_same_fields(cli, got)
    assert {c["verdict"] for c in cli} >= {"article", "empty", "error_page"}
    assert out["keep_me"] == list(range(len(rows)))  # other columns pass through unchanged
    assert all(len(col) == len(rows) for col in out.values())
    # the fixed schema holds every row, quotes with their parts included
    table = pa.Table.from_pydict(out, schema=newsclean.ARROW_SCHEMA.append(
        pa.field("keep_me", pa.int64())))
    assert table.num_rows == len(rows)
    seed = got[[r["id"] for r in rows].index("seed.txt")]
    assert seed["quotes"] and all(q["parts"] for q in seed["quotes"])
    assert all(seed["text"][s:e] in q["text"] for q in seed["quotes"] for s, e in q["parts"])


def test_clean_batch_takes_arrow_tables_and_dataframes_as_batches(sample) -> None:
    """Ray Data hands map_batches a pyarrow Table or a DataFrame (batch_format)."""
    pd = pytest.importorskip("pandas")
    rows, _ = sample
    cols = {"id": [r["id"] for r in rows], "text": [r["text"] for r in rows]}
    want = newsclean.clean_batch(cols)
    assert newsclean.clean_batch(pa.table(cols)) == want
    assert newsclean.clean_batch(pa.table(cols).to_batches()[0]) == want
    assert newsclean.clean_batch(pd.DataFrame(cols)) == want
    assert newsclean.clean_batch({k: pd.Series(v) for k, v in cols.items()}) == want


def test_clean_table_types_every_column_by_the_schema(sample) -> None:
    rows, _ = sample
    table = pa.table({"n": list(range(len(rows))), "id": [r["id"] for r in rows],
                      "text": [r["text"] for r in rows]})
    out = newsclean.clean_table(table)
    assert out.schema.names == ["n", *newsclean.ARROW_SCHEMA.names]
    assert out.schema.field("n").type == pa.int64()
    for f in newsclean.ARROW_SCHEMA:
        assert out.schema.field(f.name).type == f.type  # typed even where a column is all null
    assert out.to_pydict() == {"n": list(range(len(rows))), **{
        k: v for k, v in newsclean.clean_batch(table).items() if k != "n"}}
    assert newsclean.clean_table(table.slice(0, 0)).num_rows == 0


def test_datasets_map_with_arrow_batches_needs_no_features(sample) -> None:
    """A column null in a whole first batch (`error`, here) and set in a later one: with
    clean_table on Arrow batches the types come from the schema, not from the values."""
    datasets = pytest.importorskip("datasets")
    rows, cli = sample
    ds = datasets.Dataset.from_list([{"id": r["id"], "text": r["text"]} for r in rows]
                                    + [{"id": "bad", "text": "nul\x00here"}])
    cleaned = ds.with_format("arrow").map(newsclean.clean_table, batched=True, batch_size=4)
    got = cleaned.with_format(None).to_list()
    assert [g["id"] for g in got] == [c["id"] for c in cli] + ["bad"]
    assert got[-1]["verdict"] is None and "NUL" in got[-1]["error"]
    assert all(g["error"] is None for g in got[:-1])
    assert got[0]["verdict"] == cli[0]["verdict"] and got[0]["removed"] == cli[0]["removed"]


def test_clean_batch_sets_bad_rows_apart_without_raising() -> None:
    out = newsclean.clean_batch({"id": [1, "b", None, "d"],
                                 "text": ["x\x00y", None, "A short line.", b"\xff\xfe"]})
    assert out["id"] == ["1", "b", "row 2", "d"]
    assert out["verdict"] == [None, None, "empty", None]
    assert out["text"][:2] == [None, None] and out["text"][3] is None
    assert "NUL character" in out["error"][0]
    assert "not a string" in out["error"][1]
    assert out["error"][2] is None
    assert "invalid UTF-8" in out["error"][3]
    with pytest.raises(KeyError, match="no column 'body'"):
        newsclean.clean_batch({"text": ["a"]}, text_field="body")
    with pytest.raises(ValueError, match="differ in length"):
        newsclean.clean_batch({"id": ["a", "b"], "text": ["a"]})
    assert newsclean.clean_batch({"text": []})["verdict"] == []


def test_clean_batch_no_enrich_and_html_column() -> None:
    out = newsclean.clean_batch({"text": [(FIXTURES / "records" / "seed.txt").read_text()]},
                                enrich=False)
    assert out["language"] == [None] and out["quotes"] == [[]]
    pages = {"page": [page_html(), b"\x00\x01\x02binary", ""],
             "url": ["https://bay.example/ferry", None, None]}
    out = newsclean.clean_batch(pages, html_field="page")
    assert out["verdict"][0] == "article" and out["title"][0] == PAGE_TITLE
    assert out["text"][0].split("\n") == PAGE_PARAS
    assert out["url"][0] == "https://bay.example/ferry" and out["site_name"][0] == "Bay News"
    assert out["verdict"][1:] == [None, None] and all(out["error"][1:])


def test_parquet_output_uses_the_schema_and_quotes_are_structs(tmp_path, sample) -> None:
    rows, cli = sample
    src = write_jsonl(tmp_path / "s.jsonl", rows)
    out = tmp_path / "out.parquet"
    assert main(["clean", str(src), "--no-dedup", "--quiet", "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.schema.equals(newsclean.ARROW_SCHEMA)
    assert pa.types.is_struct(table.schema.field("quotes").type.value_type)
    got = table.to_pylist()
    assert_same_fields(cli, got)
    assert all(r["extra"] is None for r in got)


def test_quote_dict_always_has_parts() -> None:
    art = newsclean.clean_text((FIXTURES / "records" / "seed.txt").read_text())
    assert art.quotes
    for q in art.quotes:
        d = q.to_dict()
        assert list(d) == ["text", "start", "end", "speaker", "parts"]
        assert d["parts"][0][0] == d["start"] and d["parts"][-1][1] == d["end"]


# ------------------------------------------------------------------ clean_text, clean_html


def test_clean_text_and_clean_html_take_enrich_and_repair_encoding(tmp_path) -> None:
    seed = (FIXTURES / "records" / "seed.txt").read_text()
    assert newsclean.clean_text(seed).language == "en"
    assert newsclean.clean_text(seed, enrich=False).language is None
    garbled = "date 2025-03-01 200\nA Title For The Story\nThe cafÃ© said it wonâ€™t close."
    assert "café" in newsclean.clean_text(garbled, repair_encoding=True).text
    assert "cafÃ©" in newsclean.clean_text(garbled).text

    art = newsclean.clean_html(page_html(), url="https://bay.example/ferry")
    assert art.verdict == "article" and art.title == PAGE_TITLE and art.id == "https://bay.example/ferry"
    assert art.text.split("\n") == PAGE_PARAS and art.language == "en"
    assert newsclean.clean_html(page_html().encode(), enrich=False).language is None
    # the same page through the command line gives the same article
    f = tmp_path / "ferry.html"
    f.write_text(page_html(), encoding="utf-8")
    (cli,) = cli_output(tmp_path, f)
    got = newsclean.clean_html(f.read_bytes(), id=cli["id"], source=cli["source"]).to_dict()
    assert got == cli
    with pytest.raises(newsclean.PageError):
        newsclean.clean_html(b"\x00\x01\x02\x03 binary \x00" * 50)


# ------------------------------------------------------------------ datasets


def test_datasets_map_clean_batch_gives_the_command_lines_fields(sample) -> None:
    datasets = pytest.importorskip("datasets")
    rows, cli = sample
    ds = datasets.Dataset.from_list(
        [{"id": r["id"], "text": r["text"], "url": r.get("url")} for r in rows]
    )
    # the fixed schema as the dataset's features: a field that is null in a whole first batch
    # (publisher, here) is still typed
    features = datasets.Features(
        {**ds.features, **datasets.Features.from_arrow_schema(newsclean.ARROW_SCHEMA)}
    )
    cleaned = ds.map(newsclean.clean_batch, batched=True, batch_size=4, features=features)
    assert_same_fields(cli, cleaned.to_list())
    table_schema = cleaned.data.schema
    for f in ("quotes", "removed", "publisher", "cluster_size"):
        assert table_schema.field(f).type == newsclean.ARROW_SCHEMA.field(f).type
    articles = cleaned.filter(lambda v: v == "article", input_columns="verdict")
    assert 0 < len(articles) < len(cleaned)


# ------------------------------------------------------------------ datatrove


def _read_datatrove_output(folder: Path) -> list[dict]:
    out = []
    for f in sorted(folder.glob("*.jsonl*")):
        raw = f.read_bytes()
        raw = gzip.decompress(raw) if f.name.endswith(".gz") else raw
        out += [json.loads(x) for x in raw.decode("utf-8").splitlines()]
    return out


def _run_datatrove(tmp_path: Path, src: Path, step) -> tuple[list[dict], dict[str, float]]:
    """The pipeline reader -> step -> writer, run by datatrove's local executor: the documents
    written, and the step's stats (name -> total) as the executor merged them."""
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    n = len(list(tmp_path.glob("logs-*")))  # a new run each time (a finished one is skipped)
    out, logs = tmp_path / f"dt-out-{n}", tmp_path / f"logs-{n}"
    pipeline = [
        JsonlReader(str(src.parent), glob_pattern=src.name),
        step,
        JsonlWriter(str(out), compression=None),
    ]
    merged = LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(logs)).run()
    (step_stats,) = [st for st in merged.stats if "newsclean" in st.name]
    totals = {k: v.total for k, v in step_stats.stats.items()}
    docs = _read_datatrove_output(out)
    # (datatrove's writer leaves out empty values: an empty text too)
    return [{**d["metadata"], "id": d["id"], "text": d.get("text", "")} for d in docs], totals


def test_datatrove_step_gives_the_command_lines_fields(tmp_path, sample) -> None:
    pytest.importorskip("datatrove")
    from newsclean.integrations.datatrove import NewsCleanStep

    rows, cli = sample
    (tmp_path / "in").mkdir()
    src = write_jsonl(tmp_path / "in" / "sample.jsonl", rows)
    step = NewsCleanStep(keep="all")
    got, stats = _run_datatrove(tmp_path, src, step)
    # datatrove's reader skips a document without text before any step sees it
    empty = {r["id"] for r in rows if not r["text"]}
    assert empty
    cli = [c for c in cli if c["id"] not in empty]
    assert_same_fields(cli, got)
    verdicts = [c["verdict"] for c in cli]
    assert {k for k in stats if k.startswith("verdict_")} == {f"verdict_{v}" for v in verdicts}
    for v in set(verdicts):
        assert stats[f"verdict_{v}"] == verdicts.count(v)
    reasons = [r["reason"] for c in cli for r in c["removed"]]
    assert {k for k in stats if k.startswith("removed_") and "chars" not in k} == {
        f"removed_{r}" for r in reasons
    }
    for reason in set(reasons):
        assert stats[f"removed_{reason}"] == reasons.count(reason)
        chars = sum(r["end"] - r["start"] for c in cli for r in c["removed"] if r["reason"] == reason)
        assert stats[f"removed_chars_{reason}"] == chars
    assert stats["forwarded"] == len(cli) and "dropped" not in stats


def test_datatrove_step_drops_non_articles_by_its_policy(tmp_path, sample) -> None:
    pytest.importorskip("datatrove")
    from datatrove.pipeline.writers import JsonlWriter

    from newsclean.integrations.datatrove import NewsCleanStep

    rows, cli = sample
    (tmp_path / "in").mkdir()
    src = write_jsonl(tmp_path / "in" / "sample.jsonl", rows)
    cli = [c for c, r in zip(cli, rows, strict=True) if r["text"]]
    excluded = tmp_path / "excluded"
    step = NewsCleanStep(exclusion_writer=JsonlWriter(str(excluded), compression=None))
    got, stats = _run_datatrove(tmp_path, src, step)
    articles = [c for c in cli if c["verdict"] == "article"]
    assert [g["id"] for g in got] == [c["id"] for c in articles]
    assert all(g["verdict"] == "article" for g in got)
    dropped = _read_datatrove_output(excluded)
    assert sorted(d["id"] for d in dropped) == sorted(
        c["id"] for c in cli if c["verdict"] != "article"
    )
    assert all(d["metadata"]["filter_reason"] == d["metadata"]["verdict"] for d in dropped)
    assert stats["dropped"] == len(dropped) > 0
    assert stats["forwarded"] == len(articles)
    assert sum(v for k, v in stats.items() if k.startswith("dropped_")) == len(dropped)
    # a policy that keeps error pages too
    step2 = NewsCleanStep(keep=["article", "error_page"])
    got2, _ = _run_datatrove(tmp_path, src, step2)
    assert {g["verdict"] for g in got2} == {"article", "error_page"}
    with pytest.raises(ValueError, match="unknown verdicts"):
        NewsCleanStep(keep=["article", "spam"])
    with pytest.raises(ValueError):
        NewsCleanStep(keep="articles")


def test_datatrove_step_keeps_a_document_it_cannot_clean_with_its_error() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from newsclean.integrations.datatrove import NewsCleanStep

    docs = [Document(text="bad\x00text", id="d1"), Document(text="Short note.", id="d2")]
    out = list(NewsCleanStep(keep="all")(iter(docs)))
    assert [d.id for d in out] == ["d1", "d2"]
    assert "NUL" in out[0].metadata["error"] and out[0].text == "bad\x00text"
    assert "verdict" not in out[0].metadata
    assert out[1].metadata["verdict"] == "empty" and out[1].metadata["error"] is None
    page = Document(text=page_html(), id="p", metadata={"url": "https://b.example/f"})
    (got,) = NewsCleanStep(html=True)(iter([page]))
    assert got.metadata["verdict"] == "article" and got.metadata["title"] == PAGE_TITLE
    assert got.metadata["url"] == "https://b.example/f" and got.text.split("\n") == PAGE_PARAS
    step = NewsCleanStep(keep_errors=False)
    assert [d.id for d in step(iter([Document(text="x\x00", id="e")]))] == []
    assert step.stats["error"].total == 1 and step.stats["dropped_error"].total == 1
