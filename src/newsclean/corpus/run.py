"""The corpus driver: per-record cleaning, then what needs the whole corpus.

    records -> clean (N workers) -> [pass 1: count lines per source]
            -> [pass 2: remove learned boilerplate; sign and cluster]
            -> [pass 3: add cluster / cluster_size / canonical; drop duplicates] -> writer

Each record is read and cleaned once.  Between passes the (record, article) pairs wait in a
temporary spill file (zstd-compressed pickles in the system's temp dir, about the input's size
or less), so stdin works and memory holds only the corpus state: the learner's counts
(bounded, see learned_boilerplate), and a few hundred bytes per record of this run for its
cluster assignment.  Dedup's keys and signatures wait on disk too (about 1.5 KB per record,
grouped.py: grouped by key and verified a partition at a time), or go to the SQLite store
with `store` (about 1.6 KB per record).  A cluster's size and canonical copy are
known only when every record has been seen, which is why the output waits for pass 3.

Learned boilerplate is applied to articles *before* they are signed, so the template a
source repeats does not count towards two of its stories looking alike.

With a store, clusters span runs: a record joins the cluster of an earlier run's copy, its
`cluster_size` counts every run's copies, and it is canonical only if it wins over them all
(so `drop_duplicates` drops a story already published by an earlier run).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import pickle
import sqlite3
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

import zstandard

from ..budget import RecordTimeout, budget_for, time_limit, timeout_error
from ..clean_run import CleanOptions, RunFiles, RunSummary, Signed, clean_stream, sign_article
from ..model import Article, BadRecord, Record
from ..outputs import MODEL, STORE, Output
from ..progress import Progress
from ..readers import read_inputs
from ..setaside import default_set_aside_path
from ..stats import RunStats
from .dedup import Assignment, DedupParams, Member, Signer
from .grouped import ClusterTable, GroupedDedup
from .learned_boilerplate import (
    BoilerplateLearner,
    BoilerplateModel,
    LearnKeys,
    LearnParams,
    apply_learned,
    learn_keys,
)
from .store import Store, StoreError

Pair = tuple[Record | BadRecord, Article | BadRecord]
STORE_BATCH = 256  # records per store transaction


@dataclass(slots=True)
class CorpusOptions:
    learn_boilerplate: bool = False  # learn from this run's records (pass 1)
    boilerplate_model: str | None = None  # JSON model: read it, or write the learned one to it
    learn_params: LearnParams = field(default_factory=LearnParams)
    dedup: bool = True
    drop_duplicates: bool = False  # write only each cluster's canonical copy
    store: str | None = None  # SQLite store: history across runs
    enrich: bool = True  # records cleaned again after learning get language and quotes
    repair_encoding: bool = False  # ... and their mojibake fixed, as in the first cleaning
    dedup_params: DedupParams = field(default_factory=DedupParams)

    @property
    def active(self) -> bool:
        return self.learn_boilerplate or bool(self.boilerplate_model) or self.dedup or bool(self.store)


@dataclass(slots=True)
class CorpusSummary:
    learned_sources: int = 0
    learned_lines: int = 0
    clusters: int = 0
    duplicates: int = 0  # articles in a cluster that are not its canonical copy
    dropped: int = 0  # of those, not written (drop_duplicates)

    def line(self) -> str:
        parts = [f"clusters {self.clusters}", f"duplicates {self.duplicates}"]
        if self.dropped:
            parts.append(f"dropped {self.dropped}")
        if self.learned_lines:
            parts.append(
                f"learned boilerplate {self.learned_lines} lines / {self.learned_sources} sources"
            )
        return "newsclean corpus: " + ", ".join(parts)


class _Spill:
    """Pairs written once and read back once, in order: pickles in a zstd-compressed temp
    file (records and articles are text: about a quarter of their size on disk)."""

    def __init__(self) -> None:
        fd, self.path = tempfile.mkstemp(prefix="newsclean-spill-", suffix=".pkl.zst")
        self._raw = os.fdopen(fd, "wb")
        self._f = zstandard.ZstdCompressor(level=1).stream_writer(self._raw)

    def write(self, obj: Any) -> None:
        pickle.dump(obj, self._f, protocol=pickle.HIGHEST_PROTOCOL)

    def read(self) -> Iterator[Any]:
        self._f.close()  # flushes the frame and closes the file
        try:
            with open(self.path, "rb") as raw:
                reader = io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))
                while True:
                    try:
                        yield pickle.load(reader)
                    except EOFError:
                        return
        finally:
            self.discard()

    def discard(self) -> None:
        if not self._f.closed:
            self._f.close()
        Path(self.path).unlink(missing_ok=True)


def _resolve_model(options: CorpusOptions, learner: BoilerplateLearner | None,
                   store: Store | None,
                   loaded: BoilerplateModel | None = None) -> BoilerplateModel | None:
    if learner is not None:
        model = learner.model()
        if options.boilerplate_model:
            model.save(options.boilerplate_model)
        if store is not None:
            store.save_model(model)
        return model
    if loaded is not None:
        return loaded
    if options.boilerplate_model:
        return load_model(options.boilerplate_model)
    if store is not None:
        model = store.load_model()
        return model if model.sources else None
    return None


def corpus_stream(
    pairs: Iterable[Pair],
    options: CorpusOptions,
    summary: CorpusSummary | None = None,
    store: Store | None = None,
    model: BoilerplateModel | None = None,
    record_timeout: float | None = None,
    progress: Progress | None = None,
    mapper: Mapper | None = None,
) -> Iterator[Pair]:
    """Take cleaned (input, result) pairs in input order; yield them, in the same order, with
    learned boilerplate removed and cluster fields set (non-canonical copies left out when
    `drop_duplicates`).  BadRecords pass through untouched.

    store: the store of options.store, already open (the caller closes it); else it is
    opened here.  model: the saved model of options.boilerplate_model, already loaded.
    A record cleaned again with learned lines has the same time budget as its first
    cleaning (record_timeout, see budget.py).  progress: told of the phases after the
    cleaning (signing, clustering, writing) and of each record in them.

    The passes are map and reduce stages: what is done to one record alone (the lines the
    learner counts, cleaning again with learned lines, the MinHash signature) and the
    verification of one partition of dedup's key groups are mapped by `mapper` (default: here,
    one by one; engines.ray_engine: across a cluster); what needs them all (the counts, the
    grouping by key, the components) is reduced here, in input order, so any mapper gives the
    same bytes.  With a store, clusters grow one record at a time against the store's index
    (they span runs), so that reduce stays here."""
    summary = summary if summary is not None else CorpusSummary()
    progress = progress or Progress()
    mapper = mapper or local_map
    learner = BoilerplateLearner(options.learn_params) if options.learn_boilerplate else None
    own_store = store is None and bool(options.store)
    if own_store:
        store = open_store(options.store, options.dedup_params)  # type: ignore[arg-type]
    spills: list[_Spill | GroupedDedup] = []
    try:
        source: Iterable[Pair] = pairs
        if learner is not None:  # pass 1
            spill = _Spill()
            spills.append(spill)
            seen = 0
            for (item, result), counted in mapper(map_learn_keys, pairs, None):
                if counted is not None:
                    learner.add_keys(counted)
                spill.write((item, result))
                seen += 1
            source = spill.read()
            progress.phase("signing", seen)
        model = _resolve_model(options, learner, store, model)
        if model is not None:
            summary.learned_sources = len(model.sources)
            summary.learned_lines = sum(len(s.lines) for s in model.sources.values())
        const = Stage(model, options, record_timeout, options.dedup_params)
        if not (options.dedup or store):
            for (item, _result), result in mapper(map_learned, source, const):
                yield item, result
            return
        # pass 2: learned boilerplate out, signatures in
        grouped = None if store is not None else GroupedDedup(options.dedup_params)
        if grouped is not None:
            spills.append(grouped)
        spill2 = _Spill()
        spills.append(spill2)
        keys = array("q")  # the store's doc numbers of the articles, in input order
        total = 0
        signed = mapper(map_learned_signed, source, const)
        for n, ((item, _first), (result, sig)) in enumerate(_batched_tx(signed, store)):
            total += 1
            if learner is not None:
                progress.advance()
            key = -1
            if isinstance(result, Article):
                member = Member(n, result.id, result.fetched, len(result.text))
                if store is not None:
                    key = store.add(member, sig)
                    keys.append(key)  # (the store answers for these at the end)
                else:
                    assert grouped is not None
                    grouped.add(member, sig)
                    key = n
            spill2.write((key, item, result))
        # pass 3: cluster fields
        progress.phase("clustering")
        table: ClusterTable | None = None
        stored: Iterator[Assignment] = iter(())
        shared: set[str] = set()  # (with a store) ids of clusters of two or more met
        alone = 0
        met = bytearray()  # (with a store) one bit per doc number met
        if store is not None:
            stored = store.iter_assignments(keys)  # read as the records are written
        else:
            assert grouped is not None
            table = grouped.table(mapper)
            summary.clusters = table.count(grouped.keys())
        progress.phase("writing", total)
        for key, item, result in spill2.read():
            progress.advance()
            if isinstance(result, Article):
                a = next(stored) if table is None else table.assignment(key, result.id)
                if table is None and not _seen(met, key):  # (a stored id may come twice)
                    if a.cluster_size > 1:
                        shared.add(a.cluster)
                    else:
                        alone += 1
                    summary.clusters = alone + len(shared)
                result.extra.update(a.fields())
                if not a.canonical:
                    summary.duplicates += 1
                    if options.drop_duplicates:
                        summary.dropped += 1
                        continue
            yield item, result
    finally:
        for s in spills:
            if isinstance(s, GroupedDedup):
                s.close()
            else:
                s.discard()
        if own_store and store is not None:
            store.close()


Mapper = Callable[[Callable[[Any, Any], Any], Iterable[Any], Any], Iterator[tuple[Any, Any]]]


def _seen(bits: bytearray, n: int) -> bool:
    """Whether bit n of `bits` was set before; sets it (growing `bits` as needed)."""
    byte, bit = divmod(n, 8)
    if byte >= len(bits):
        bits.extend(bytes(byte + 1 - len(bits) + len(bits) // 2))
    was = bits[byte] >> bit & 1
    bits[byte] |= 1 << bit
    return bool(was)


def local_map(fn: Callable[[Any, Any], Any], xs: Iterable[Any], const: Any
              ) -> Iterator[tuple[Any, Any]]:
    """The map stage in this process: (x, fn(x, const)) for each x, in order.  Another
    mapper (engines.ray_engine) must give the same pairs in the same order."""
    for x in xs:
        yield x, fn(x, const)


@dataclass(frozen=True, slots=True)
class Stage:
    """What the map stages of pass 2 need besides the record (sent to workers once)."""

    model: BoilerplateModel | None
    options: CorpusOptions
    record_timeout: float | None
    dedup_params: DedupParams


def map_learn_keys(pair: Pair, _const: Any) -> LearnKeys | None:
    """Pass 1, map: what the learner counts of one record (None: nothing)."""
    item, result = _unsigned(pair)
    if isinstance(item, Record) and isinstance(result, Article):
        return learn_keys(item, result)
    return None


def map_learned(pair: Pair, const: Stage) -> Article | BadRecord:
    """Pass 2, map: the record cleaned again with the learned lines."""
    item, result = _unsigned(pair)
    return _learned(item, result, const.model, const.options, const.record_timeout)


def _unsigned(pair: Pair) -> Pair:
    """The pair without the signature a worker may have sent with the article."""
    result = pair[1]
    return (pair[0], result.result) if isinstance(result, Signed) else pair


def map_learned_signed(pair: Pair, const: Stage) -> tuple[Article | BadRecord, Any]:
    """Pass 2, map: the record cleaned again with the learned lines, and its signature
    (None for a record set aside).  Only articles are compared: another verdict is signed
    as no text.  A signature made by the worker that cleaned the record (Signed) is taken
    as it is when there are no learned lines to remove first (the same text: the same
    signature)."""
    first = pair[1]
    if isinstance(first, Signed) and const.model is None and first.signature is not None:
        return first.result, first.signature
    result = map_learned(pair, const)
    if not isinstance(result, Article):
        return result, None
    return result, sign_article(result, _signer(const.dedup_params))


_SIGNERS: dict[DedupParams, Signer] = {}


def _signer(params: DedupParams) -> Signer:
    """One Signer per parameters in this process (its permutations are drawn once)."""
    signer = _SIGNERS.get(params)
    if signer is None:
        signer = _SIGNERS[params] = Signer(params)
    return signer


def _learned(
    item: Record | BadRecord,
    result: Article | BadRecord,
    model: BoilerplateModel | None,
    options: CorpusOptions,
    record_timeout: float | None = None,
) -> Article | BadRecord:
    if model is None or not isinstance(item, Record) or not isinstance(result, Article):
        return result
    seconds = budget_for(len(item.text), record_timeout)
    try:
        with time_limit(seconds):
            return apply_learned(
                item, result, model, enrich=options.enrich,
                repair_encoding=options.repair_encoding,
            )
    except RecordTimeout:
        return BadRecord(
            item.source,
            timeout_error(item.source, seconds or 0.0, record_timeout is not None)
            + " (cleaning again with learned boilerplate)",
            item.text.encode("utf-8", "surrogatepass"),
            item.id,
        )


T = TypeVar("T")


def _batched_tx(pairs: Iterable[T], store: Store | None) -> Iterator[T]:
    """Pass pairs through; with a store, group its writes in transactions of STORE_BATCH."""
    if store is None:
        yield from pairs
        return
    it = iter(pairs)
    while True:
        with store.batch():
            n = 0
            for pair in it:
                yield pair
                n += 1
                if n >= STORE_BATCH:
                    break
            else:
                return


def run_corpus_clean(
    paths: Iterable[str],
    output: str | None,
    options: CleanOptions,
    corpus: CorpusOptions,
    on_progress: Callable[[RunSummary], None] | None = None,
    progress: Progress | None = None,
    stats: RunStats | None = None,
    engine: Any = None,
) -> tuple[RunSummary, CorpusSummary]:
    """`newsclean clean` with the corpus passes: like clean_run.run_clean, then corpus_stream.
    Accounting: read == written + set aside + dropped duplicates.

    Before any output is opened: the paths are checked (outputs.PathProblem), the saved
    model is read and the store opened and locked (StoreError): a refused run leaves every
    file as it was."""
    paths = [str(p) for p in paths]
    summary = RunSummary(output=output or "-")
    csum = CorpusSummary()
    summary.set_aside_path = options.set_aside or default_set_aside_path(output)
    others = []
    if corpus.boilerplate_model and corpus.learn_boilerplate:
        others.append(Output(corpus.boilerplate_model, "--boilerplate-model", MODEL))
    if corpus.store:
        others.append(Output(corpus.store, "--store", STORE))
    files = RunFiles(
        paths, output, summary.set_aside_path, options.set_aside is not None, others
    )
    model = None
    if corpus.boilerplate_model and not corpus.learn_boilerplate:
        model = load_model(corpus.boilerplate_model)
    store = open_store(corpus.store, corpus.dedup_params) if corpus.store else None
    own_files = [summary.set_aside_path] + ([output] if output and output != "-" else [])
    own_files += options.exclude
    items = read_inputs(
        paths,
        replace(options.read, defer_html=True),  # pages are extracted where they are cleaned
        on_skip=summary.skipped_files.append,
        exclude=own_files,
        on_unreadable=summary.skip_unreadable,
    )

    progress = progress or Progress()

    def counted(pairs: Iterable[Pair]) -> Iterator[Pair]:
        progress.phase("cleaning")
        for pair in pairs:
            summary.read += 1
            progress.advance()
            if on_progress is not None:
                on_progress(summary)
            yield pair

    try:
        with files.open() as (writer, aside):
            # without learned boilerplate to remove first, the workers sign the articles
            # (the main process, which clusters and writes, is the busy one)
            presign = (corpus.dedup and not corpus.store and not corpus.learn_boilerplate
                       and not corpus.boilerplate_model)
            cleaned = engine.clean(items, options) if engine is not None else clean_stream(
                items, options.workers, options.enrich, options.repair_encoding,
                options.record_timeout, sign=_signer(corpus.dedup_params) if presign else None,
            )
            for item, result in corpus_stream(
                counted(cleaned),
                replace(corpus, enrich=options.enrich, repair_encoding=options.repair_encoding,
                        drop_duplicates=False),
                csum,
                store=store,
                model=model,
                record_timeout=options.record_timeout,
                progress=progress,
                mapper=engine.map if engine is not None else None,
            ):
                keep = not (corpus.drop_duplicates and isinstance(result, Article)
                            and result.extra.get("canonical") is False)
                if stats is not None:
                    stats.add(item, result, written=keep)
                if keep:
                    summary.deliver(result, writer, aside)
                else:
                    csum.dropped += 1
    except sqlite3.Error as e:  # a store damaged in a place only this run reached
        raise StoreError(f"store {corpus.store}: {e}") from e
    finally:
        if store is not None:
            store.close()
    return summary, csum


def open_store(path: str, params: DedupParams) -> Store:
    """The store at `path`, opened for writing; StoreError (one line) if it cannot be."""
    try:
        return Store(path, params)
    except sqlite3.Error as e:
        raise StoreError(
            f"{path} cannot be used as a store: {e} (not a newsclean store, or damaged)"
        ) from e


def load_model(path: str) -> BoilerplateModel:
    """A saved boilerplate model; ModelError (one line) if the file is not one."""
    try:
        return BoilerplateModel.load(path)
    except OSError as e:
        raise ModelError(f"cannot read the boilerplate model {path}: {e.strerror or e}") from e
    except json.JSONDecodeError as e:
        raise ModelError(f"{path} is not a newsclean boilerplate model (not JSON: {e})") from e
    except ValueError as e:  # from_json's own message names what is wrong
        raise ModelError(f"{path}: {e}") from e
    except (TypeError, KeyError, AttributeError, RecursionError) as e:
        raise ModelError(
            f"{path} is not a newsclean boilerplate model ({type(e).__name__}: {e})"
        ) from e


class ModelError(ValueError):
    """A --boilerplate-model file that is not a model."""


# ---------------------------------------------------------------- command-line glue


def add_corpus_arguments(p: argparse.ArgumentParser) -> None:
    """The corpus options of `newsclean clean`."""
    g = p.add_argument_group(
        "corpus (need every record: output waits for the end of the input)"
    )
    g.add_argument(
        "--dedup",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="cluster exact and near-duplicate copies: adds cluster, cluster_size, canonical "
        "(default; --no-dedup streams records out one by one without them)",
    )
    g.add_argument(
        "--drop-duplicates",
        action="store_true",
        help="write only the canonical copy of each cluster (implies --dedup)",
    )
    g.add_argument(
        "--store",
        metavar="PATH",
        help="SQLite store of signatures, clusters and learned boilerplate kept across runs "
        "(implies --dedup)",
    )
    g.add_argument(
        "--learn-boilerplate",
        action="store_true",
        help="learn the lines each source repeats across its documents, and remove them",
    )
    g.add_argument(
        "--boilerplate-model",
        metavar="PATH",
        help="with --learn-boilerplate: save the model here; without: remove the lines of this "
        "saved model",
    )


def corpus_options(args: argparse.Namespace) -> CorpusOptions | None:
    """CorpusOptions from `clean`'s arguments; None when no corpus option was given."""
    dedup = bool(args.dedup or args.drop_duplicates or args.store)
    if not (dedup or args.learn_boilerplate or args.boilerplate_model):
        return None
    return CorpusOptions(
        learn_boilerplate=args.learn_boilerplate,
        boilerplate_model=args.boilerplate_model,
        dedup=dedup,
        drop_duplicates=args.drop_duplicates,
        store=args.store,
    )


def configure_boilerplate(
    p: argparse.ArgumentParser,
    add_read_options: Callable[[argparse.ArgumentParser], None] | None = None,
) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="list a model's lines: source, count, docs, line")
    show.add_argument("model", metavar="MODEL", help="a JSON model or a --store SQLite file")
    show.add_argument("--source", metavar="S", help="only this source")
    show.add_argument("--limit", type=int, default=None, metavar="N", help="at most N lines")
    learn = sub.add_parser("learn", help="learn a model from records without writing articles")
    learn.add_argument("inputs", nargs="+", metavar="INPUT", help="as for clean")
    learn.add_argument("-o", "--output", required=True, metavar="MODEL", help="JSON model to write")
    learn.add_argument("--workers", type=int, default=1, metavar="N")
    if add_read_options is not None:  # clean's --text-field, --html-field, ...
        add_read_options(learn)


def load_any_model(path: str) -> BoilerplateModel:
    """A JSON model or the model kept in a store; ModelError / StoreError (one line) if the
    file is neither."""
    try:
        with open(path, "rb") as f:
            magic = f.read(16)
    except OSError as e:
        raise ModelError(f"cannot read {path}: {e.strerror or e}") from e
    if magic.startswith(b"SQLite format 3"):
        try:
            with Store(path, readonly=True) as s:
                return s.load_model()
        except sqlite3.Error as e:
            raise StoreError(f"{path} cannot be read as a store: {e} (damaged?)") from e
    return load_model(path)


def run_boilerplate(args: argparse.Namespace) -> int:
    import sys

    from ..outputs import MODEL, Output, OutputError, PathProblem, check_outputs
    from ..terminal import one_line

    def say(message: str) -> None:
        print(one_line(message), file=sys.stderr)

    if args.action == "show":
        if not Path(args.model).exists():
            say(f"newsclean boilerplate: error: no such file: {args.model}")
            return 2
        try:
            model = load_any_model(args.model)
        except (ModelError, StoreError) as e:
            say(f"newsclean boilerplate: error: {e}")
            return 1
        out = sys.stdout
        out.write("source\tcount\tdocs\tline\n")
        n = 0
        for src, text, count, docs in model.rows():
            if args.source and src != args.source:
                continue
            if args.limit is not None and n >= args.limit:
                break
            # crawled lines and source names: escapes, not raw control characters or tabs
            out.write(f"{one_line(src)}\t{count}\t{docs}\t{one_line(text)}\n")
            n += 1
        return 0
    # learn
    from ..readers import ReadOptions

    try:
        check_outputs(args.inputs, [Output(args.output, "-o", MODEL)])
    except PathProblem as e:
        say(f"newsclean boilerplate: error: {e}")
        return 2
    learner = BoilerplateLearner()
    read = ReadOptions(
        getattr(args, "text_field", "text"),
        getattr(args, "id_field", "id"),
        **{k: getattr(args, k) for k in ("max_record_bytes", "html_field", "fast")
           if hasattr(args, k)},
        defer_html=True,
    )
    items = read_inputs(args.inputs, read)
    for item, result in clean_stream(items, max(1, args.workers)):
        if isinstance(item, Record) and isinstance(result, Article):
            learner.add(item, result)
    model = learner.model()
    try:
        model.save(args.output)
    except OutputError as e:
        say(f"newsclean boilerplate: error: {e}")
        return 1
    lines = sum(len(s.lines) for s in model.sources.values())
    say(f"newsclean boilerplate: {lines} lines from {len(model.sources)} sources -> {args.output}")
    return 0
