"""Sharded, resumable runs: `newsclean clean INPUT... -o DIR [--resume]`.

The output is a folder of shards, `part-00000.jsonl` (or `.jsonl.gz`, `.parquet`), one per
input file (`per_file`) or per `records` input records, each with a done marker
`part-00000.done` (JSON: the shard's counts and stats) and, when records of it were set
aside, `setaside/part-00000.jsonl`.  Every file is written under a hidden temporary name and
renamed into place (outputs.Staged); the marker is renamed last, so a shard with a marker is
whole, and a run killed at any point leaves only whole shards (and hidden temporary files,
removed when the run is resumed).  `_newsclean.json` records what the run is (its inputs
with their sizes and times, its options): `--resume` goes on only with the same run, and
skips every shard that has its marker.  The shards read in sorted file order hold the
records of an uninterrupted run, byte for byte: cleaning is a pure function of the record.

The corpus passes (clusters, learned boilerplate) need every record before any output, so
with them a run has two stages.  Stage 1 cleans each shard's records into a checkpoint
(`.work/clean-00000.pkl.zst`, zstd-compressed pickles, with its own done marker); stage 2
runs the corpus passes over all the checkpoints, in order, and writes the output shards
that are not done yet.  A resumed run cleans only the shards without a checkpoint, and
runs the corpus passes over the whole input again (they are deterministic, and cost a
fraction of the cleaning), so clusters and learned lines are those of an uninterrupted run.
When every shard is done, the checkpoints are removed.  `--store` (history across runs)
cannot be resumed: a killed run may have added part of its records to the store.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import zstandard

from . import __version__
from .clean_run import (
    CleanOptions,
    EncodedPair,
    Item,
    Pair,
    RunSummary,
    _Guarded,
    clean_stream,
    clean_stream_encoded,
)
from .encoded import Encoded
from .model import Article, BadRecord
from .outputs import (
    MODEL,
    STORE,
    Output,
    OutputError,
    PathProblem,
    Staged,
    check_outputs,
    describe_os_error,
)
from .progress import Progress
from .readers import iter_sources, read_inputs, read_sources
from .setaside import SetAsideWriter
from .stats import RunStats
from .writers import open_writer

FORMATS = {"jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz", "parquet": ".parquet"}
MANIFEST = "_newsclean.json"
WORK = ".work"
SET_ASIDE_DIR = "setaside"
DEFAULT_SHARD_RECORDS = 10_000


@dataclass(slots=True)
class ShardOptions:
    format: str = "jsonl"  # a key of FORMATS
    records: int = DEFAULT_SHARD_RECORDS  # input records per shard
    per_file: bool = False  # one shard per input file instead
    resume: bool = False  # skip the shards an earlier run of the same command finished


class ShardError(ValueError):
    """A sharded run that cannot be done as asked (a usage error: nothing was touched)."""


def is_directory_output(output: str | None) -> bool:
    """`-o` names a folder of shards: an existing folder, a path ending in a separator, or a
    name without a file suffix."""
    if not output or output == "-":
        return False
    if output.endswith(("/", os.sep)) or os.path.isdir(output):
        return True
    return not os.path.exists(output) and not Path(output).suffix


def shard_name(k: int) -> str:
    return f"part-{k:05d}"


# ---------------------------------------------------------------- the folder


class ShardDir:
    def __init__(self, folder: str | Path, fmt: str, set_aside: str | None = None) -> None:
        self.folder = Path(folder)
        self.ext = FORMATS[fmt]
        self.aside = Path(set_aside) if set_aside else self.folder / SET_ASIDE_DIR
        self.work = self.folder / WORK

    def data(self, k: int) -> Path:
        return self.folder / (shard_name(k) + self.ext)

    def marker(self, k: int) -> Path:
        return self.folder / (shard_name(k) + ".done")

    def aside_path(self, k: int) -> Path:
        return self.aside / (shard_name(k) + ".jsonl")

    def checkpoint(self, k: int) -> Path:
        return self.work / (f"clean-{k:05d}.pkl.zst")

    def checkpoint_marker(self, k: int) -> Path:
        return self.work / (f"clean-{k:05d}.done")

    def done(self, k: int) -> dict[str, Any] | None:
        """The marker of a finished shard (its files all there), else None."""
        marker = _read_json(self.marker(k))
        if marker is None or not self.data(k).is_file():
            return None
        if marker["counts"]["set_aside"] and not self.aside_path(k).is_file():
            return None
        return marker

    def finished(self) -> dict[int, dict[str, Any]]:
        found = {}
        for p in self.folder.glob("part-*.done"):
            try:
                k = int(p.stem.split("-")[1])
            except (IndexError, ValueError):
                continue
            marker = self.done(k)
            if marker is not None:
                found[k] = marker
        return found

    def checkpoints(self) -> dict[int, int]:
        """Finished checkpoints: shard -> its number of records."""
        found = {}
        for p in self.work.glob("clean-*.done") if self.work.is_dir() else ():
            marker = _read_json(p)
            k = int(p.stem.split("-")[1])
            if marker is not None and self.checkpoint(k).is_file():
                found[k] = marker["records"]
        return found

    def clear(self, everything: bool) -> None:
        """Remove what an earlier run left: its temporary files, and with `everything` its
        shards, markers, set-aside files, checkpoints and manifest (files of other names in
        the folder are not touched)."""
        for folder in (self.folder, self.aside, self.work):
            if not folder.is_dir():
                continue
            for p in folder.iterdir():
                name = p.name
                temporary = name.startswith((".part-", ".clean-", f".{MANIFEST}.")) and (
                    name.endswith(".partial"))
                ours = name.startswith(("part-", "clean-")) or name == MANIFEST
                if p.is_file() and (temporary or (everything and ours)):
                    p.unlink(missing_ok=True)
        if everything and self.work.is_dir():
            shutil.rmtree(self.work, ignore_errors=True)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        obj = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return obj if isinstance(obj, dict) else None


def write_json(path: str | Path, obj: Any) -> None:
    """A JSON file put in place whole (temporary file, fsync, rename)."""
    staged = Staged(path)
    try:
        with open(staged.path, "w", encoding="utf-8") as f:
            json.dump(obj, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        staged.commit()
    except OSError as e:
        staged.discard()
        raise OutputError(f"cannot write {path}: {describe_os_error(e)}") from e
    except BaseException:  # Ctrl-C: no temporary file left behind
        staged.discard()
        raise


# ---------------------------------------------------------------- one shard


class _ShardOut:
    """One output shard being written: data, set-aside entries, counts; commit() puts the
    files in place, the marker last."""

    def __init__(self, where: ShardDir, k: int) -> None:
        self.where, self.k = where, k
        self.final = where.data(k)
        self.staged = Staged(self.final)
        try:
            self.writer = _Guarded(open_writer(self.staged.path, self.final), str(self.final))
        except OSError as e:
            self.staged.discard()
            raise OutputError(f"cannot write {self.final}: {describe_os_error(e)}") from e
        except BaseException:  # Ctrl-C: no temporary file left behind
            self.staged.discard()
            raise
        self.aside = SetAsideWriter(where.aside_path(k))
        self.summary = RunSummary(output=str(self.final))
        self.stats = RunStats()
        self.dropped = 0

    def deliver(self, item: Any, result: Article | BadRecord | Encoded, keep: bool = True
                ) -> None:
        self.summary.read += 1
        if keep:
            self.summary.deliver(result, self.writer, self.aside)
        else:
            self.dropped += 1
        self.stats.add(item, result, written=keep)

    def commit(self) -> dict[str, Any]:
        try:
            self.writer.close()
        except OSError as e:
            raise OutputError(f"cannot write {self.final}: {describe_os_error(e)}") from e
        _fsync(self.staged.path)
        self.aside.commit()
        self.staged.commit()
        marker = {"shard": self.k, "file": self.final.name, "counts": self.summary.counts(),
                  "dropped": self.dropped, "stats": self.stats.to_dict()}
        write_json(self.where.marker(self.k), marker)
        return marker

    def discard(self) -> None:
        try:
            self.writer.close()
        except Exception:  # noqa: BLE001 - the first error is the one to report
            pass
        self.aside.discard()
        self.staged.discard()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _Checkpoint:
    """One shard's cleaned pairs, kept for the corpus stage."""

    def __init__(self, where: ShardDir, k: int) -> None:
        self.where, self.k, self.count = where, k, 0
        where.work.mkdir(parents=True, exist_ok=True)
        self.staged = Staged(where.checkpoint(k))
        try:
            self._raw = open(self.staged.path, "wb")
            self._f = zstandard.ZstdCompressor(level=1).stream_writer(self._raw)
        except BaseException:
            self.staged.discard()
            raise

    def deliver(self, item: Any, result: Article | BadRecord | Encoded, keep: bool = True
                ) -> None:
        pickle.dump((item, result), self._f, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def commit(self) -> dict[str, Any]:
        self._f.close()  # closes the file too
        _fsync(self.staged.path)
        self.staged.commit()
        marker = {"records": self.count}
        write_json(self.where.checkpoint_marker(self.k), marker)
        return marker

    def discard(self) -> None:
        try:
            if not self._f.closed:
                self._f.close()
        except Exception:  # noqa: BLE001 - the first error is the one to report
            pass
        self.staged.discard()


def _load_checkpoint(path: Path) -> Iterator[Pair]:
    with open(path, "rb") as raw:
        reader = io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))
        while True:
            try:
                yield pickle.load(reader)
            except EOFError:
                return


# ---------------------------------------------------------------- routing records to shards


def shard_items(
    paths: list[str],
    options: CleanOptions,
    shards: ShardOptions,
    done: dict[int, int],
    entries: list[tuple[int, int]],
    plan: dict[str, int],
    summary: RunSummary,
    exclude: list[str],
    progress: Progress,
) -> Iterator[Item]:
    """The items of the shards not done, in order.  Each shard to do is registered in
    `entries` as (shard, index of its first item among those yielded) before its first item
    is yielded (an empty shard too); `plan["shards"]` is the number of shards once the input
    is exhausted.  `done`: shard -> its records, passed over (a file not even opened)."""
    ropts = replace(options.read, defer_html=True)
    kw: dict[str, Any] = {"on_skip": summary.skipped_files.append, "exclude": exclude,
                          "on_unreadable": summary.skip_unreadable}
    n = 0
    if shards.per_file:
        k = -1
        for k, (_name, items) in enumerate(read_sources(paths, ropts, **kw)):
            if k in done:
                progress.advance(done[k])
                continue
            entries.append((k, n))
            for item in items:
                n += 1
                yield item
        plan["shards"] = k + 1
        return
    size = max(1, shards.records)
    i = 0
    for item in read_inputs(paths, ropts, **kw):
        k = i // size
        if i % size == 0 and k not in done:
            entries.append((k, n))
        i += 1
        if k in done:
            progress.advance()
            continue
        n += 1
        yield item
    if i == 0 and 0 not in done:
        entries.append((0, 0))
    plan["shards"] = max(1, -(-i // size))


def by_shard(pairs: Iterable[EncodedPair], entries: list[tuple[int, int]]
             ) -> Iterator[tuple[int, EncodedPair | None]]:
    """(shard, pair) for each pair, and (shard, None) when a shard is complete (an empty
    shard too), in order; `entries` is filled by shard_items as the pairs are made."""
    j = 0
    for i, pair in enumerate(pairs):
        while j + 1 < len(entries) and entries[j + 1][1] <= i:
            yield entries[j][0], None
            j += 1
        yield entries[j][0], pair
    for k, _start in entries[j:]:
        yield k, None


# ---------------------------------------------------------------- the run


def fingerprint(paths: list[str], options: CleanOptions, shards: ShardOptions,
                corpus: Any, exclude: list[str]) -> dict[str, Any]:
    """What makes two runs the same run: the inputs (path, size, modification time) and
    every option that changes the output (not --workers, --engine, --resume)."""
    files: list[Any] = []
    for src, _spec in iter_sources(paths, exclude=exclude):
        if src.path is None:
            files.append(["-"])
            continue
        try:
            st = os.stat(src.path)
            files.append([str(src.path), st.st_size, st.st_mtime_ns])
        except OSError:
            files.append([str(src.path)])
    read = asdict(options.read)
    read.pop("defer_html", None)
    opts: dict[str, Any] = {
        "read": read, "enrich": options.enrich, "repair_encoding": options.repair_encoding,
        "record_timeout": options.record_timeout, "format": shards.format,
        "records": None if shards.per_file else shards.records, "per_file": shards.per_file,
    }
    if corpus is not None:
        c = asdict(corpus)
        c.pop("enrich", None)
        c.pop("repair_encoding", None)
        opts["corpus"] = c
    return json.loads(json.dumps({"version": __version__, "inputs": files, "options": opts},
                                 default=str))


def check_directory(paths: list[str], folder: Path) -> None:
    """PathProblem when the output folder is a file, an input, or holds an input."""
    if folder.exists() and not folder.is_dir():
        raise PathProblem(f"-o {folder} is a file, not a folder")
    root = os.path.join(os.path.abspath(folder), "")
    for p in paths:
        if p == "-":
            continue
        a = os.path.join(os.path.abspath(p), "")
        if a.startswith(root):
            raise PathProblem(f"-o {folder}: the input {p} is inside the output folder; "
                              "write elsewhere")


def run_sharded(
    paths: Iterable[str],
    output: str,
    options: CleanOptions | None = None,
    shards: ShardOptions | None = None,
    corpus: Any = None,
    progress: Progress | None = None,
    stats: RunStats | None = None,
    engine: Any = None,
) -> tuple[RunSummary, Any]:
    """`clean -o DIR`: the records of `paths` cleaned into shards in the folder `output`.
    corpus: corpus.run.CorpusOptions (None: no corpus pass).  Returns the summary of the
    whole run (finished shards of an earlier run included) and the CorpusSummary (None
    without corpus passes).  Raises PathProblem / ShardError before touching anything when
    the run cannot be done as asked, OutputError when a file cannot be written.
    engine: what cleans and runs the corpus stages (None: this machine; see engines/)."""
    from .corpus.run import CorpusSummary, load_model, open_store

    options = options or CleanOptions()
    shards = shards or ShardOptions()
    progress = progress or Progress()
    CLEANED.records = CLEANED.chars = 0
    stats = stats if stats is not None else RunStats()
    if shards.format not in FORMATS:
        raise ShardError(f"unknown shard format {shards.format!r} (one of {', '.join(FORMATS)})")
    paths = [str(p) for p in paths]
    folder = Path(output)
    check_directory(paths, folder)
    if corpus is not None and not corpus.active:
        corpus = None
    if corpus is not None and corpus.store and shards.resume:
        raise ShardError("--resume cannot be used with --store: a run that was stopped may "
                         "have added part of its records to the store")
    others = []
    if corpus is not None and corpus.boilerplate_model and corpus.learn_boilerplate:
        others.append(Output(corpus.boilerplate_model, "--boilerplate-model", MODEL))
    if corpus is not None and corpus.store:
        others.append(Output(corpus.store, "--store", STORE))
    check_outputs(paths, others)
    where = ShardDir(folder, shards.format, options.set_aside)
    exclude = [str(folder)] + ([options.set_aside] if options.set_aside else [])
    exclude += options.exclude
    exclude += [o.path for o in others]
    summary = RunSummary(output=str(folder))
    summary.set_aside_path = str(where.aside)
    csum = CorpusSummary() if corpus is not None else None

    fp = fingerprint(paths, options, shards, corpus, exclude)
    manifest = _read_json(folder / MANIFEST)
    if shards.resume and manifest is not None and manifest.get("fingerprint") != fp:
        raise ShardError(
            f"--resume: {folder} holds the shards of another run (other inputs, input files "
            "changed since, or other options); run without --resume to start again"
        )
    resuming = shards.resume and manifest is not None
    if (resuming and manifest is not None and manifest.get("complete")
            and all(where.done(k) is not None for k in range(manifest["shards"]))):
        # nothing left to do: the totals of the finished run
        summary.merge(manifest["summary"])
        stats.merge(manifest["stats"])
        if csum is not None:
            for key, value in manifest.get("corpus", {}).items():
                setattr(csum, key, value)
        _note_skips(paths, exclude, summary)
        return summary, csum

    model = None
    if corpus is not None and corpus.boilerplate_model and not corpus.learn_boilerplate:
        model = load_model(corpus.boilerplate_model)
    store = open_store(corpus.store, corpus.dedup_params) if corpus and corpus.store else None
    lock = -1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = _lock(folder)
        where.clear(everything=not resuming)
        if not resuming:
            write_json(folder / MANIFEST, {"format": "newsclean-shards", "fingerprint": fp,
                                           "complete": False})
        finished = where.finished() if resuming else {}
        for marker in finished.values():
            summary.merge(marker["counts"])
            stats.merge(marker["stats"])
            if csum is not None:
                csum.dropped += marker["dropped"]
        plan: dict[str, int] = {}
        if corpus is None:
            _stage_direct(paths, options, shards, where, finished, plan, summary, stats,
                          exclude, progress, engine)
        else:
            checkpoints = where.checkpoints() if resuming else {}
            _stage_checkpoints(paths, options, shards, where, checkpoints, plan, summary,
                               exclude, progress, engine)
            assert csum is not None
            _stage_corpus(options, corpus, where, finished, plan["shards"], summary, stats,
                          csum, store, model, progress, engine)
        final = {"format": "newsclean-shards", "fingerprint": fp, "complete": True,
                 "shards": plan["shards"], "summary": summary.counts(), "stats": stats.to_dict()}
        if csum is not None:
            final["corpus"] = {"clusters": csum.clusters, "duplicates": csum.duplicates,
                               "dropped": csum.dropped, "learned_sources": csum.learned_sources,
                               "learned_lines": csum.learned_lines}
        write_json(folder / MANIFEST, final)
        if where.work.is_dir():
            shutil.rmtree(where.work, ignore_errors=True)
    finally:
        if store is not None:
            store.close()
        if lock >= 0:
            os.close(lock)  # and the lock with it
    return summary, csum


def _lock(folder: Path) -> int:
    """An exclusive lock on the output folder for this run (flock on the folder itself: no
    lock file), or ShardError when another run holds it."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        os.close(fd)
        raise ShardError(f"-o {folder} is being written by another newsclean run "
                         f"({e.strerror or e}): wait for it, or write elsewhere") from e
    return fd


def _note_skips(paths: list[str], exclude: list[str], summary: RunSummary) -> None:
    for _ in iter_sources(paths, summary.skipped_files.append, exclude,
                          summary.skip_unreadable):
        pass


class _Cleaned:
    """Counts what this invocation cleaned itself, for the throughput in --stats."""

    records = 0
    chars = 0


CLEANED = _Cleaned()


def _clean_pairs(items: Iterator[Item], options: CleanOptions, engine: Any,
                 lines: bool = False) -> Iterator[EncodedPair]:
    """lines: shards of JSON lines, written as they come -- the workers send each article
    as its line (encoded.Encoded)."""
    if engine is not None:
        return engine.clean(items, options)  # type: ignore[no-any-return]
    if lines:
        return clean_stream_encoded(items, options.workers, options.enrich,
                                    options.repair_encoding, options.record_timeout)
    return clean_stream(items, options.workers, options.enrich, options.repair_encoding,
                        options.record_timeout)


@contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Ctrl-C (SIGINT) waits until the block is done: a shard is made, or committed with
    its marker, whole (SIGKILL cannot wait: a resumed run redoes a shard without marker)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and previous is not signal.SIG_IGN:
        if callable(previous):
            previous(signal.SIGINT, None)  # Python's default raises KeyboardInterrupt
        else:
            raise KeyboardInterrupt


def _write_shards(pairs: Iterator[EncodedPair], entries: list[tuple[int, int]], make: Any,
                  on_commit: Any, progress: Progress, summary: RunSummary | None) -> None:
    """Route pairs to their shards (made by `make(k)`), committing each when it is whole;
    a shard being written when something fails (Ctrl-C) is discarded."""
    current: Any = None
    try:
        for k, pair in by_shard(pairs, entries):
            if current is not None and current.k != k:
                raise AssertionError("shards out of order")  # by_shard ends each shard
            if current is None:
                with _deferred_interrupt():
                    current = make(k)
            if pair is None:
                with _deferred_interrupt():  # a shard's files and marker go in together
                    marker = current.commit()
                    current = None
                on_commit(k, marker)
                continue
            item, result = pair
            current.deliver(item, result)
            CLEANED.records += 1
            CLEANED.chars += len(getattr(item, "text", "") or "")
            if summary is not None:
                summary.read += 1
                summary.tally(result)
                progress.advance(detail=f"{summary.written} written, {summary.set_aside} "
                                        "set aside")
            else:
                progress.advance()
    except BaseException:
        if current is not None:
            current.discard()
        raise


def _stage_direct(paths: list[str], options: CleanOptions, shards: ShardOptions,
                  where: ShardDir, finished: dict[int, dict[str, Any]], plan: dict[str, int],
                  summary: RunSummary, stats: RunStats, exclude: list[str],
                  progress: Progress, engine: Any) -> None:
    """No corpus pass: each shard is written as its records are cleaned."""
    entries: list[tuple[int, int]] = []
    done = {k: m["counts"]["read"] for k, m in finished.items()}
    progress.phase("cleaning")
    items = shard_items(paths, options, shards, done, entries, plan, summary, exclude,
                        progress)

    live = RunSummary()
    lines = shards.format in ("jsonl", "jsonl.gz")
    _write_shards(_clean_pairs(items, options, engine, lines), entries,
                  lambda k: _ShardOut(where, k), lambda k, m: stats.merge(m["stats"]),
                  progress, live)
    summary.merge(live.counts())


def _stage_checkpoints(paths: list[str], options: CleanOptions, shards: ShardOptions,
                       where: ShardDir, checkpoints: dict[int, int], plan: dict[str, int],
                       summary: RunSummary, exclude: list[str], progress: Progress,
                       engine: Any) -> None:
    """Corpus stage 1: each shard's records cleaned into its checkpoint."""
    entries: list[tuple[int, int]] = []
    progress.phase("cleaning")
    items = shard_items(paths, options, shards, checkpoints, entries, plan, summary,
                        exclude, progress)
    _write_shards(_clean_pairs(items, options, engine), entries,
                  lambda k: _Checkpoint(where, k), lambda k, m: checkpoints.update({k: m["records"]}),
                  progress, None)
    missing = [k for k in range(plan["shards"]) if k not in checkpoints]
    if missing:
        raise OutputError(f"checkpoints missing for shards {missing[:5]} (the input changed "
                          "while it was read?)")


def _stage_corpus(options: CleanOptions, corpus: Any, where: ShardDir,
                  finished: dict[int, dict[str, Any]], nshards: int, summary: RunSummary,
                  stats: RunStats, csum: Any, store: Any, model: Any, progress: Progress,
                  engine: Any) -> None:
    """Corpus stage 2: the corpus passes over every checkpoint, in order; the output shards
    not finished yet are written."""
    from .corpus.run import corpus_stream

    counts = {k: m["records"] for k in range(nshards)
              if (m := _read_json(where.checkpoint_marker(k))) is not None}

    learning = corpus.learn_boilerplate
    progress.phase("reading" if learning else "signing", sum(counts.values()))

    def pairs() -> Iterator[Pair]:
        for k in range(nshards):
            for pair in _load_checkpoint(where.checkpoint(k)):
                progress.advance()
                yield pair

    out = iter(corpus_stream(
        pairs(),
        replace(corpus, drop_duplicates=False, enrich=options.enrich,
                repair_encoding=options.repair_encoding),
        csum, store=store, model=model, record_timeout=options.record_timeout,
        progress=progress, mapper=engine.map if engine is not None else None,
    ))
    for k in range(nshards):
        n = counts[k]
        if k in finished:
            for _ in range(n):
                next(out)
            continue
        with _deferred_interrupt():
            shard = _ShardOut(where, k)
        try:
            for _ in range(n):
                item, result = next(out)
                keep = not (corpus.drop_duplicates and isinstance(result, Article)
                            and result.extra.get("canonical") is False)
                shard.deliver(item, result, keep)
            with _deferred_interrupt():
                marker = shard.commit()
        except BaseException:
            shard.discard()
            raise
        summary.merge(marker["counts"])
        stats.merge(marker["stats"])
        csum.dropped += marker["dropped"]
    for _ in out:  # let the corpus passes finish (the store's last batch)
        pass
