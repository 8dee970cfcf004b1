"""The command line says what it does and does what it says (issue 15, part 5)."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsclean.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FEED = EXAMPLES / "feeds" / "feed.jsonl"


def sub_help(name: str) -> str:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices[name].format_help()


def test_clean_help_lists_every_input_and_output() -> None:
    text = " ".join(sub_help("clean").split())
    for kind in (".txt", ".jsonl", ".html", ".warc", ".parquet", "stdin", "glob"):
        assert kind in text, kind
    for out in ("OUT.jsonl", "OUT.jsonl.gz", "OUT.parquet", "refused"):
        assert out in text, out
    assert "-q, --quiet" in text and "-v, --verbose" in text


def test_fast_is_described_alike_in_help_and_readme() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    help_text = " ".join(sub_help("clean").split())
    assert "about 8x faster per page" in help_text
    assert "about 8x faster per page" in readme
    assert "~10x" not in help_text and "several times faster" not in readme


# (a path without any suffix names a folder of shards: tests/test_shards.py)
@pytest.mark.parametrize("name", ["o.csv", "o.jsonl.zst", "o.txt", "o.gz"])
def test_unknown_output_suffix_is_refused(tmp_path: Path, name: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    assert main(["clean", "-q", str(EXAMPLES / "seed"), "-o", str(out)]) == 2
    assert "unknown output suffix" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["o.jsonl", "o.JSONL.GZ", "o.ndjson", "o.parquet"])
def test_known_output_suffixes_are_written(tmp_path: Path, name: str) -> None:
    assert main(["clean", "-q", str(EXAMPLES / "seed"), "-o", str(tmp_path / name)]) == 0
    assert (tmp_path / name).stat().st_size > 100


def test_restore_reads_parquet_output_exactly(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    pq = tmp_path / "c.parquet"
    assert main(["clean", "-q", str(EXAMPLES / "crawl"), str(EXAMPLES / "seed"), "-o",
                 str(pq)]) == 0
    back = tmp_path / "back.jsonl"
    assert main(["restore", str(pq), "-o", str(back)]) == 0
    got = {d["id"]: d["record"] for d in map(json.loads, back.read_text().splitlines())}
    assert len(got) == 10
    for path, record in got.items():
        assert record == Path(path).read_bytes().decode("utf-8"), path
    # and a Parquet file that is not clean's output is refused, not restored
    import pyarrow as pa
    import pyarrow.parquet as pq_mod

    other = tmp_path / "other.parquet"
    pq_mod.write_table(pa.table({"a": [1, 2]}), other)
    assert main(["restore", str(other)]) == 1
    assert "not newsclean output" in capsys.readouterr().err


def test_quoted_globs_are_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "g.jsonl"
    assert main(["clean", "-q", str(EXAMPLES / "crawl" / "*.txt"), "-o", str(out)]) == 0
    ids = [json.loads(x)["id"] for x in out.read_text().splitlines()]
    assert ids == sorted(str(p) for p in (EXAMPLES / "crawl").glob("*.txt"))
    out2 = tmp_path / "g2.jsonl"
    assert main(["clean", "-q", str(EXAMPLES / "**" / "feed.jsonl"), "-o", str(out2)]) == 0
    assert len(out2.read_text().splitlines()) == 4
    # a pattern matching nothing is a missing input
    assert main(["clean", "-q", str(EXAMPLES / "*.nothing"), "-o", str(out)]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_wrong_text_field_stops_early_with_the_reason(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    done = subprocess.run([sys.executable, "-m", "newsclean", "clean", str(FEED),
                           "--text-field", "body", "-o", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "has a field 'body' (fields: id, url, text)" in done.stderr
    assert "--text-field" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []  # no output, no set-aside copy of every line
    # the same for Parquet input, and for --html-field
    pq = tmp_path / "in.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq_mod

    pq_mod.write_table(pa.table({"id": ["a"], "record": ["Some text.\n"]}), pq)
    assert main(["clean", str(pq), "-o", str(out)]) == 2
    assert main(["clean", "-q", str(pq), "--text-field", "record", "-o", str(out)]) == 0
    assert main(["clean", str(FEED), "--html-field", "html", "-o", str(out)]) == 2
    # a right field, and a file whose first lines are broken but later ones fine, still run
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('not json\n{"id": 1, "text": "A line of text here."}\n')
    assert main(["clean", "-q", str(mixed), "-o", str(out)]) == 0


def test_boilerplate_learn_takes_read_options_and_refuses_missing_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "m.json"
    assert main(["boilerplate", "learn", str(tmp_path / "missing.jsonl"), "-o", str(model)]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not model.exists()
    renamed = tmp_path / "r.jsonl"
    good = []
    for line in FEED.read_text().splitlines():
        try:
            good.append(json.loads(line))
        except ValueError:
            continue
    renamed.write_text("".join(json.dumps({"id": d.get("id"), "body": d["text"]}) + "\n"
                               for d in good))
    assert main(["boilerplate", "learn", str(renamed), "-o", str(model)]) == 2
    assert "has a field 'text'" in capsys.readouterr().err
    assert main(["boilerplate", "learn", str(renamed), "--text-field", "body",
                 "-o", str(model)]) == 0
    assert json.loads(model.read_text())  # a model was written
    learn = build_parser().parse_args(["boilerplate", "learn", "x", "-o", "m", "--fast",
                                       "--max-record-bytes", "1M", "--id-field", "k"])
    assert learn.fast and learn.max_record_bytes == 1 << 20 and learn.id_field == "k"


def test_quiet_and_verbose(tmp_path: Path) -> None:
    def run(*flags: str) -> str:
        done = subprocess.run([sys.executable, "-m", "newsclean", "clean", *flags,
                               str(EXAMPLES / "crawl"), "-o", str(tmp_path / "o.jsonl")],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stderr

    assert run("-q") == ""
    normal = run()
    assert "newsclean: read 9, written 9" in normal and "records/s" not in normal
    verbose = run("-v")
    assert "records/s" in verbose and "inputs " in verbose and "newsclean: read 9" in verbose
    assert main(["clean", "-q", "-v", str(EXAMPLES / "seed")]) == 2  # one or the other


def _imported_modules() -> set[str]:
    names = set()
    for path in (ROOT / "src" / "newsclean").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"newsclean"}


def test_every_imported_package_is_declared() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    def names(deps: list[str]) -> set[str]:
        return {d.split(";")[0].split("[")[0].split(">")[0].split("<")[0].split("=")[0]
                .split("~")[0].strip().lower().replace("_", "-") for d in deps}

    declared = names(meta["dependencies"])
    # a package only an optional feature imports (ray for --engine ray) is declared by its extra
    extras = set().union(*(names(v) for v in meta["optional-dependencies"].values()))
    dists = importlib.metadata.packages_distributions()
    missing = {}
    for module in _imported_modules():
        owners = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if not owners & (declared | extras):
            missing[module] = owners
    assert missing == {}
    for name in ("numpy", "lxml", "htmldate"):
        assert name in declared


def test_project_metadata_is_complete() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["license"] == "Apache-2.0" and meta["license-files"] == ["LICENSE"]
    assert any(c.startswith("Programming Language :: Python :: 3.11") for c in meta["classifiers"])
    assert "Apache License" in (ROOT / "LICENSE").read_text()
    assert "Version 2.0" in (ROOT / "LICENSE").read_text()
    assert (ROOT / "CHANGELOG.md").read_text().startswith("# Changelog")


def test_nothing_readable_says_why(tmp_path: Path) -> None:
    """stdin cannot be looked at before the run: when nothing of it was readable, the closing
    line gives the first record's reason instead of only 'nothing readable'."""
    done = subprocess.run([sys.executable, "-m", "newsclean", "clean", "-", "--text-field",
                           "body", "-o", str(tmp_path / "o.jsonl")],
                          input=FEED.read_bytes(), capture_output=True, timeout=120)
    assert done.returncode == 3
    err = done.stderr.decode()
    assert "nothing readable in the input (the first set aside:" in err
    assert "missing text field 'body' (fields: id, url, text" in err


def test_a_script_without_main_guard_is_told_why(tmp_path: Path) -> None:
    """run_clean(..., workers=2) at a script's top level: each spawned worker imports the
    script again and would start a run of its own; the run stops saying what to do."""
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from newsclean.clean_run import CleanOptions, run_clean\n"
        f"run_clean([{str(EXAMPLES / 'crawl')!r}], {str(tmp_path / 'o.jsonl')!r}, "
        "CleanOptions(workers=2))\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode != 0
    last = done.stderr.strip().splitlines()[-1]
    assert "WorkerError" in last and 'if __name__ == "__main__":' in last
    assert "a newsclean worker process was asked to start a run of its own" in done.stderr
    assert not (tmp_path / "o.jsonl").exists()
    # the same run under the guard works
    script.write_text(script.read_text().replace("run_clean([", "if __name__ == '__main__':\n"
                                                 "    run_clean(["))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len((tmp_path / "o.jsonl").read_text().splitlines()) == 9
