"""The Ray engine (`clean --engine ray`) gives the local engine's bytes: cleaning and the
corpus stages (learned boilerplate, clusters) run as Ray tasks on a local Ray instance."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_shards import files_of, make_corpus

from newsclean.cli import main

if os.environ.get("NEWSCLEAN_REQUIRE_RAY"):  # make test / CI: the test must run
    import ray
else:
    ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=80 * 1024 * 1024,
             log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "in", n=80, template=True)


def test_ray_gives_the_local_engines_shards_byte_for_byte(local_ray, corpus, tmp_path):
    args = ["clean", "--quiet", str(corpus), "--learn-boilerplate", "--shard-records", "25"]
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    assert main([*args, "-o", str(local), "--stats", str(tmp_path / "l.json")]) == 0
    assert main([*args, "-o", str(on_ray), "--engine", "ray",
                 "--stats", str(tmp_path / "r.json")]) == 0
    assert files_of(on_ray) == files_of(local)
    # the corpus stages did their work: lines learned and removed, copies clustered
    rows = [json.loads(x) for p in sorted(on_ray.glob("part-*.jsonl"))
            for x in p.read_text().splitlines()]
    assert len(rows) == 90
    learned = [r for r in rows if any(s["reason"] == "learned_boilerplate" for s in r["removed"])]
    assert len(learned) > 40
    assert sorted(r["cluster_size"] for r in rows)[-16:] == [2] * 16  # 8 stories, 2 copies
    stats = json.loads((tmp_path / "r.json").read_text())
    assert stats["engine"] == "ray" and stats["records"] == 91
    assert stats["corpus"]["learned_lines"] > 0


def test_ray_single_file_output_and_drop_duplicates(local_ray, corpus, tmp_path):
    for extra in (["--no-dedup"], ["--drop-duplicates"]):
        a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
        assert main(["clean", "--quiet", str(corpus), "-o", str(a), *extra]) == 0
        assert main(["clean", "--quiet", str(corpus), "-o", str(b), "--engine", "ray",
                     *extra]) == 0
        assert a.read_bytes() == b.read_bytes()
        assert (tmp_path / "a.setaside.jsonl").read_bytes() == (
            tmp_path / "b.setaside.jsonl").read_bytes()


def test_address_without_the_ray_engine_is_refused(corpus, tmp_path, capsys):
    assert main(["clean", str(corpus), "-o", str(tmp_path / "o.jsonl"),
                 "--address", "auto"]) == 2
    assert "--address needs --engine ray" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_the_dedup_verify_stage_runs_as_ray_tasks(local_ray, corpus, tmp_path, monkeypatch):
    from newsclean.engines.ray_engine import RayEngine

    mapped: list[str] = []
    real = RayEngine.map

    def recording(self, fn, xs, const):
        mapped.append(fn.__name__)
        return real(self, fn, xs, const)

    monkeypatch.setattr(RayEngine, "map", recording)
    out = tmp_path / "out.jsonl"
    assert main(["clean", "--quiet", str(corpus), "-o", str(out), "--engine", "ray"]) == 0
    # signing and the verification of the key groups' partitions both went to the cluster
    assert {"map_learned_signed", "verify_partition"} <= set(mapped)
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert sorted(r["cluster_size"] for r in rows)[-16:] == [2] * 16
