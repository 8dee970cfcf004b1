"""No record can stall a run (issue 13): a record past its time budget is set aside and the
run goes on; a worker process that dies is replaced and the record it was on is named."""

from __future__ import annotations

import json
from pathlib import Path

import faults
import pytest
from newsgen import article

from newsclean.budget import budget_for
from newsclean.clean_run import CleanOptions, clean_stream, run_clean
from newsclean.corpus.run import CorpusOptions, run_corpus_clean
from newsclean.model import Article, BadRecord, Record
from newsclean.supervised import WorkerError, supervised_map


def records(n: int, special: dict[int, Record] | None = None) -> list[Record]:
    out = [Record(f"r{i}", article(1500, seed=i), f"feed:{i}") for i in range(n)]
    for at, rec in (special or {}).items():
        out.insert(at, rec)
    return out


def feed(path: Path, recs: list[Record]) -> Path:
    path.write_text("".join(json.dumps({"id": r.id, "text": r.text}) + "\n" for r in recs))
    return path


def rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_the_default_budget_grows_with_the_record_and_can_be_fixed_or_lifted():
    assert budget_for(0) == 20.0 and budget_for(8_000_000) == pytest.approx(100.0)
    assert budget_for(8_000_000, 2.5) == 2.5 and budget_for(10, 0) is None


# a one-paragraph record of 6 MB cleans in about 2 s: far past a budget of 0.8 s, while the
# small records around it take milliseconds (0.8 s, not less: on a loaded machine a small
# record's wall time can pass a tighter budget)
BIG = Record("big", article(6_000_000, seed=7, one_paragraph=True), "feed:big")


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("corpus", [False, True])
def test_a_record_past_its_budget_is_set_aside_and_the_run_goes_on(tmp_path, workers, corpus):
    src = feed(tmp_path / "feed.jsonl", records(30, {12: BIG}))
    out = tmp_path / "out.jsonl"
    options = CleanOptions(workers=workers, record_timeout=0.8)
    if corpus:
        summary, _ = run_corpus_clean([str(src)], str(out), options, CorpusOptions())
    else:
        summary = run_clean([src], str(out), options)
    assert (summary.read, summary.written, summary.set_aside) == (31, 30, 1)
    assert [r["id"] for r in rows(out)] == [f"r{i}" for i in range(30)]
    (aside,) = rows(tmp_path / "out.setaside.jsonl")
    assert aside["id"] == "big" and "time budget of 0.8 s" in aside["error"]


def test_a_worker_stuck_past_the_budget_is_killed_and_replaced():
    recs = records(20, {5: Record("slow", "A short text.\n", "feed:slow")})
    got = list(clean_stream(recs, workers=2, record_timeout=1.0, work=faults.hang_on_slow))
    assert [item.id for item, _ in got] == [r.id for r in recs]
    bad = [res for _, res in got if isinstance(res, BadRecord)]
    assert len(bad) == 1 and bad[0].id == "slow" and "time budget" in bad[0].error
    assert all(isinstance(res, Article) for _, res in got if res is not bad[0])


def test_a_worker_killed_while_cleaning_is_replaced_and_its_record_named():
    poison = Record("poison", "Harbour news\nThe board met on Tuesday.\n", "feed.jsonl:7")
    recs = records(40, {7: poison, 30: Record("poison", poison.text, "feed.jsonl:31")})
    got = list(clean_stream(recs, workers=2, work=faults.die_on_poison))
    assert [item.id for item, _ in got] == [r.id for r in recs]  # in order, none lost
    bad = [res for _, res in got if isinstance(res, BadRecord)]
    assert [b.source for b in bad] == ["feed.jsonl:7", "feed.jsonl:31"]
    assert all("worker process cleaning this record died" in b.error and "SIGKILL" in b.error
               and "out-of-memory" in b.error for b in bad)
    assert sum(isinstance(res, Article) for _, res in got) == 40


def test_records_cleaned_before_a_death_are_cleaned_again_without_counting_a_failure():
    # results travel in groups: those a worker finished and had not yet sent when it was
    # killed are lost with it and cleaned again -- without it counting as a failed attempt,
    # so a run of poison records close together costs none of the records between them
    # (three deaths in a row: a record charged each time would be given up as lost)
    poison = Record("poison", "Harbour news\nThe board met on Tuesday.\n", "feed.jsonl:p")
    recs = records(2) + [poison] * 3
    got = list(clean_stream(recs, workers=1, record_timeout=0, work=faults.die_on_poison))
    assert [item.id for item, _ in got] == [r.id for r in recs]
    assert [type(res) for _, res in got] == [Article, Article, BadRecord, BadRecord, BadRecord]
    assert all("worker process cleaning this record died" in res.error for _, res in got[2:])


def test_workers_that_cannot_start_end_the_run_with_one_error():
    with pytest.raises(WorkerError, match="die as they start .*exited with code 3"):
        list(supervised_map(
            range(5), faults.die_on_poison, None, 2,
            local=lambda x: None, budget=lambda x: None, size=lambda x: 1,
            lost=lambda x, why, t: None, init=faults.exit_at_start,
        ))


def test_the_record_timeout_option(tmp_path, capsys):
    from newsclean.cli import main

    src = feed(tmp_path / "feed.jsonl", records(5, {2: BIG}))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--record-timeout", "0.3", "--no-dedup"]) == 0
    assert "set aside 1" in capsys.readouterr().err
    assert [r["id"] for r in rows(out)] == [f"r{i}" for i in range(5)]
    for bad in ("-1", "soon", "inf"):
        assert main(["clean", str(src), "--record-timeout", bad]) == 2
        assert "not a number of seconds" in capsys.readouterr().err


def _count_language_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warm-up's calls of the language model (clean_run.classify), recorded."""
    import newsclean.clean_run as clean_run

    calls: list[str] = []
    monkeypatch.setattr(clean_run, "classify", lambda text: calls.append(text) or (None, 0.0))
    return calls


def test_the_warm_up_loads_the_language_model_when_the_run_enriches(monkeypatch):
    calls = _count_language_loads(monkeypatch)
    got = list(clean_stream(records(2), enrich=True))
    assert len(calls) == 1  # once, before the first record's clock starts
    assert all(isinstance(a, Article) and a.language == "en" for _r, a in got)


def test_a_run_without_enrichment_does_not_load_the_language_model(monkeypatch):
    calls = _count_language_loads(monkeypatch)
    got = list(clean_stream(records(2), enrich=False))
    assert calls == []
    assert all(isinstance(a, Article) and a.language is None for _r, a in got)


def test_a_worker_goes_on_cleaning_while_its_results_wait_in_a_full_pipe():
    # the parent reads results between its own work (reading input, writing output); a worker
    # that waited on each send would stand idle as long -- it hands them to a sending thread
    import multiprocessing
    import time

    from newsclean.supervised import _serve

    ctx = multiprocessing.get_context("spawn")
    tasks_in, tasks_out = ctx.Pipe(duplex=False)
    results_in, results_out = ctx.Pipe(duplex=False)
    progress = ctx.RawArray("d", 2)
    proc = ctx.Process(target=_serve, args=(tasks_in, results_out, progress, faults.bulky,
                                            20_000, None), daemon=True)
    proc.start()
    try:
        assert results_in.recv() == ("ready",)
        # 40 results of 200 KB each: the first group alone overfills the pipe, and nothing
        # is read until the worker has started on the last record
        tasks_out.send([(seq, "0123456789") for seq in range(40)])
        deadline = time.monotonic() + 60
        while progress[0] < 39 and time.monotonic() < deadline and proc.is_alive():
            time.sleep(0.02)
        assert progress[0] == 39
        got: list[tuple[int, str]] = []
        while len(got) < 40:
            got.extend(results_in.recv())
        assert [seq for seq, _ in got] == list(range(40))  # in the order cleaned
        assert all(len(res) == 200_000 for _, res in got)
        tasks_out.send(None)
        proc.join(10)
        assert proc.exitcode == 0
    finally:
        if proc.is_alive():
            proc.kill()
