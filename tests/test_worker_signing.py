"""With --dedup and nothing learned, the worker processes sign the articles they clean
(clean_run.Steps.sign) and the corpus pass takes their signatures: the same bytes out as
signing in the main process, which otherwise clusters and writes alone."""

from __future__ import annotations

import json

import numpy as np
from test_dedup import STORY_A, STORY_B, record

from newsclean import Record, clean_text
from newsclean.clean_run import Signed, clean_stream
from newsclean.cli import main
from newsclean.corpus import run as corpus_run
from newsclean.corpus.learned_boilerplate import BoilerplateModel, LearnParams, SourceModel
from newsclean.corpus.run import CorpusOptions, Stage, map_learned_signed
from newsclean.model import BadRecord
from newsclean.signature import Signature, Signer


def _rows() -> list[tuple[str, str]]:
    return [("a", record(STORY_A, "Council backs bike network")),
            ("b", record(STORY_B, "Drought hits the valley harvest")),
            ("c", record(STORY_A[:3], "Bike network approved")),
            ("d", record(STORY_B[1:], "Farmers stop irrigating", date="2025-03-05")),
            ("e", "date 2025-03-04 200\nMenu\nLogin")]


def test_workers_send_articles_with_the_signature_the_main_process_would_make() -> None:
    signer = Signer()
    records = [Record(f"r{i}", text, f"r{i}") for i, (_, text) in enumerate(_rows())]
    got = list(clean_stream(records, workers=2, sign=signer))
    assert len(got) == len(records)
    signed = [r for _, r in got if isinstance(r, Signed)]
    assert len(signed) == len(records)  # every article, whatever its verdict
    for _, r in got:
        assert isinstance(r, Signed)
        expected = signer.sign(r.result.text if r.result.verdict == "article" else "")
        assert r.signature.size == expected.size and r.signature.exact == expected.exact
        assert np.array_equal(r.signature.hashvalues, expected.hashvalues)
        assert np.array_equal(r.signature.lines, expected.lines)
    assert any(r.result.verdict == "article" and not r.signature.empty for r in signed)


def test_without_sign_the_workers_send_plain_articles() -> None:
    records = [Record(f"r{i}", text, f"r{i}") for i, (_, text) in enumerate(_rows())]
    assert not any(isinstance(r, Signed) for _, r in clean_stream(records, workers=2))


def test_bad_records_pass_unsigned() -> None:
    bad = BadRecord("x.jsonl:3", "x.jsonl:3: not JSON", b"{", "x3")
    got = list(clean_stream([bad], workers=2, sign=Signer()))
    assert got == [(bad, bad)]


def test_dedup_output_is_the_same_with_one_process_and_with_workers(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in _rows()))
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        assert main(["clean", str(src), "-o", str(out), "--workers", workers, "--quiet"]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    got = [json.loads(x) for x in outs[1].decode().splitlines()]
    clusters = {g["id"]: (g["cluster"], g["cluster_size"]) for g in got if "cluster" in g}
    assert clusters["a"] == clusters["c"] == ("a", 2)
    assert clusters["b"] == clusters["d"] == ("b", 2)


def _stage(model: BoilerplateModel | None) -> Stage:
    return Stage(model, CorpusOptions(), None, CorpusOptions().dedup_params)


def test_the_workers_signature_is_taken_when_nothing_is_learned() -> None:
    rec = Record("a", record(STORY_A, "Council backs bike network"), "a")
    art = clean_text(rec.text, id="a")
    marker = Signature(b"m" * 16, 99, np.arange(128, dtype=np.uint32))
    result, sig = map_learned_signed((rec, Signed(art, marker)), _stage(None))
    assert result is art and sig is marker


def test_with_learned_lines_the_article_is_signed_again() -> None:
    rec = Record("a", record(STORY_A, "Council backs bike network"), "a")
    art = clean_text(rec.text, id="a")
    marker = Signature(b"m" * 16, 99, np.arange(128, dtype=np.uint32))
    model = BoilerplateModel(LearnParams(), {"elsewhere.example": SourceModel(
        50, {7: (30, "share this article")})})
    result, sig = map_learned_signed((rec, Signed(art, marker)), _stage(model))
    assert sig is not marker and sig.size != 99
    assert np.array_equal(sig.hashvalues, Signer().sign(result.text).hashvalues)


def test_workers_are_asked_to_sign_only_when_nothing_is_learned_or_stored(
        tmp_path, monkeypatch) -> None:
    asked: list[object] = []
    real = corpus_run.clean_stream

    def spy(*args, **kwargs):
        asked.append(kwargs.get("sign"))
        return real(*args, **kwargs)

    monkeypatch.setattr(corpus_run, "clean_stream", spy)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in _rows()))
    out = str(tmp_path / "out.jsonl")
    runs = [[], ["--learn-boilerplate"], ["--store", str(tmp_path / "s.db")]]
    for extra in runs:
        assert main(["clean", str(src), "-o", out, "--workers", "2", "--quiet", *extra]) == 0
    assert isinstance(asked[0], Signer)
    assert asked[1:] == [None, None]
