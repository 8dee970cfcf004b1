"""One `newsclean clean` run as a library call: read -> clean -> write, bad input set aside.

`run_clean(paths, output, options)` streams: records are read lazily, cleaned in batches (in this
process, or in N worker processes with at most a few batches in flight), and written in input
order.  Cleaning is a pure function of the record, so N workers give the same bytes as one.

Accounting: every record read is either written or set aside, never both, never neither:
`summary.read == summary.written + summary.set_aside`.  A record whose cleaning raises is set
aside too (error "internal error ..."), so one bad record cannot stop a run; so is a record
that runs past its time budget (budget.py) or whose worker process dies (supervised.py).

Files: the output and set-aside paths are checked against the inputs before anything is
opened, and written under temporary names renamed into place at the end (outputs.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from . import fastjson
from .budget import RecordTimeout, budget_for, can_interrupt, time_limit, timeout_error
from .encoded import Encoded
from .enrich.language import classify
from .model import Article, BadRecord, Record
from .outputs import (
    OUTPUT,
    SET_ASIDE,
    Output,
    OutputError,
    Staged,
    check_outputs,
    describe_os_error,
)
from .pipeline import clean_record
from .progress import Progress
from .readers import Page, ReadOptions, read_inputs
from .setaside import SetAsideWriter, default_set_aside_path
from .signature import Signature, Signer
from .stats import RunStats
from .supervised import supervised_map
from .writers import open_writer

SKIPPED_PREFIX = "skipped: "  # readers mark records they pass over on purpose with this
BATCH_RECORDS = 64
BATCH_BYTES = 4 * 1024 * 1024
IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: bounds memory, keeps workers busy


@dataclass(slots=True)
class CleanOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    workers: int = 1
    set_aside: str | None = None  # None: beside the output (see setaside.default_set_aside_path)
    enrich: bool = True  # language and quotations; off for throughput when they are not wanted
    repair_encoding: bool = False  # fix mojibake in kept lines (listed in `repaired`)
    record_timeout: float | None = None  # seconds per record; None: from its size, 0: none
    exclude: list[str] = field(default_factory=list)  # more files of ours never read (--stats)


@dataclass(slots=True)
class RunSummary:
    read: int = 0
    written: int = 0
    set_aside: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    skipped_files: list[str] = field(default_factory=list)
    # paths in input folders that could not be read as files: (path, why)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    output: str = "-"
    set_aside_path: str = ""
    # set-aside records that a reader skipped on purpose (a WARC revisit, an image), by reason
    skipped: Counter[str] = field(default_factory=Counter)
    first_error: str = ""  # the error of the first record set aside (why, when all were)

    def deliver(
        self, result: Article | BadRecord | Encoded, writer: Any, aside: SetAsideWriter
    ) -> None:
        """Send one result where it belongs, output or set-aside file, and count it."""
        if isinstance(result, BadRecord):
            aside.write(result)
        elif isinstance(result, Encoded):
            writer.write_line(result.line)
        else:
            writer.write(result)
        self.tally(result)

    def tally(self, result: Article | BadRecord | Encoded) -> None:
        """Count one result as delivered (written, or set aside)."""
        if isinstance(result, BadRecord):
            self.add_set_aside(result)
        else:
            self.written += 1
            self.verdicts[result.verdict] += 1

    def merge(self, counts: dict[str, Any]) -> None:
        """Add the counts of a part of the run (a shard's, see shards.py)."""
        self.read += counts["read"]
        self.written += counts["written"]
        self.set_aside += counts["set_aside"]
        self.verdicts.update(counts["verdicts"])
        self.skipped.update(counts["skipped"])

    def counts(self) -> dict[str, Any]:
        """The counts merge() adds, as JSON."""
        return {"read": self.read, "written": self.written, "set_aside": self.set_aside,
                "verdicts": dict(sorted(self.verdicts.items())),
                "skipped": dict(sorted(self.skipped.items()))}

    def add_set_aside(self, bad: BadRecord) -> None:
        self.set_aside += 1
        if not self.first_error:
            self.first_error = bad.error[:500]
        if bad.error.startswith(SKIPPED_PREFIX):
            reason = bad.error[len(SKIPPED_PREFIX) :]
            # the kind of skip, without its particulars: "redirect 301", "revisit record"
            self.skipped[reason.split(" (")[0].split(" to ")[0].split(":")[0].strip()] += 1

    def line(self) -> str:
        """The closing summary: the three counts (they add up) and the verdicts."""
        out = "stdout" if self.output in ("-", "") else self.output
        parts = [f"read {self.read}", f"written {self.written} ({out})"]
        parts.append(
            f"set aside {self.set_aside}" + (f" ({self.set_aside_path})" if self.set_aside else "")
        )
        text = "newsclean: " + ", ".join(parts)
        if self.verdicts:
            text += " | " + ", ".join(f"{v} {n}" for v, n in sorted(self.verdicts.items()))
        if self.skipped:
            text += " | of those set aside, skipped: " + ", ".join(
                f"{r} {n}" for r, n in sorted(self.skipped.items())
            )
        if self.skipped_files:
            text += f" | {len(self.skipped_files)} file(s) skipped: unknown format"
        if self.unreadable:
            text += f" | {len(self.unreadable)} path(s) skipped: unreadable"
        return text

    def detail(self) -> str:
        """What a progress display shows beside the count."""
        return f"{self.written} written, {self.set_aside} set aside"

    def skip_unreadable(self, path: str, why: str) -> None:
        self.unreadable.append((path, why))


@dataclass(slots=True, frozen=True)
class Steps:
    """What a worker does to each record besides cleaning it."""

    enrich: bool = True
    repair_encoding: bool = False
    record_timeout: float | None = None  # as CleanOptions.record_timeout
    encode: bool = False  # send articles back as their lines (encoded.Encoded): JSONL output
    # send articles back with their dedup signature (Signed), made by this Signer: signing
    # then runs in the workers, not in the main process that clusters.  (The Signer goes to
    # the workers with its permutations: they need not load numpy.random to draw them.)
    sign: Signer | None = None


@dataclass(slots=True, frozen=True)
class Signed:
    """An article and its dedup signature (corpus.dedup.Signature), as a worker sends them
    back when Steps.sign asks for it; the corpus pass takes the signature as it is."""

    result: Article
    signature: Signature


def sign_article(result: Article, signer: Signer) -> Signature:
    """The dedup signature of a cleaned record: its text for an article, no text for another
    verdict (only articles are compared).  The one place both the workers and the corpus
    pass sign, so a signature does not depend on where it was made."""
    return signer.sign(result.text if result.verdict == "article" else "")


def clean_one(record: Record, steps: Steps = Steps()) -> Article | BadRecord:
    """Clean a record; an exception becomes a BadRecord instead of ending the run."""
    try:
        return clean_record(record, enrich=steps.enrich, repair_encoding=steps.repair_encoding)
    except Exception as e:  # noqa: BLE001 - any failure of one record is that record's problem
        return BadRecord(
            source=record.source,
            error=f"{record.source}: internal error while cleaning: {type(e).__name__}: {e}",
            raw=record.text.encode("utf-8", "surrogatepass"),
            id=record.id,
        )


Item = Page | Record | BadRecord
Pair = tuple[Record | BadRecord, Article | BadRecord]
# a pair of a run that writes JSON lines (clean_stream_encoded): articles as their lines
EncodedPair = tuple[Record | BadRecord, Article | BadRecord | Encoded]


def _process(item: Item, steps: Steps) -> Pair:
    """(input record, result) for one item: a page is extracted first, where it is cleaned."""
    if isinstance(item, Page):
        try:
            rec = item.extract()
        except Exception as e:  # noqa: BLE001 - html_record does not raise; never lose a page
            rec = BadRecord(
                item.source,
                f"{item.source}: internal error while extracting: {type(e).__name__}: {e}",
                item.data[:65536] if isinstance(item.data, bytes) else b"",
                item.id,
            )
        if isinstance(rec, BadRecord):
            return rec, rec
        return rec, clean_one(rec, steps)
    if isinstance(item, BadRecord):
        return item, item
    return item, clean_one(item, steps)


def clean_stream(
    items: Iterable[Item],
    workers: int = 1,
    enrich: bool = True,
    repair_encoding: bool = False,
    record_timeout: float | None = None,
    work: Callable[[Item, Steps], Any] | None = None,
    sign: Signer | None = None,
) -> Iterator[Pair]:
    """(input, result) pairs in input order; BadRecords pass through as their own result.
    A Page (deferred HTML) comes out as the Record extracted from it, or a BadRecord.

    Every record has a time budget (record_timeout: None = from its size, 0 = none); one
    that runs past it is set aside and the stream goes on.  workers > 1 clean in worker
    processes, watched (supervised.py); one process cleans in this one, its budget kept by
    a timer -- or, off the main thread (no signals there), in one watched worker.
    `work` replaces the per-item function in the workers (tests inject failures with it).
    sign: worker processes send each article back as Signed (with one
    process, nothing is gained: articles come as they are and the corpus pass signs them)."""
    pairs = _stream(items, workers, Steps(enrich, repair_encoding, record_timeout, sign=sign),
                    work)
    return pairs  # type: ignore[return-value]  # (encode off: no Encoded among the results)


def clean_stream_encoded(
    items: Iterable[Item],
    workers: int = 1,
    enrich: bool = True,
    repair_encoding: bool = False,
    record_timeout: float | None = None,
) -> Iterator[EncodedPair]:
    """clean_stream for a run that writes JSON lines: worker processes send each article
    back as its Encoded line (one process cleaning here keeps its Articles: no pickling)."""
    return _stream(items, workers, Steps(enrich, repair_encoding, record_timeout, True), None)


def _stream(
    items: Iterable[Item], workers: int, steps: Steps, work: Callable[[Item, Steps], Any] | None
) -> Iterator[EncodedPair]:
    record_timeout = steps.record_timeout
    timed = record_timeout is None or record_timeout > 0
    if workers <= 1 and work is None and (not timed or can_interrupt()):
        yield from _clean_here(items, steps)
        return
    for item, got in supervised_map(
        items,
        work or _work,
        steps,
        max(1, workers),
        local=_passthrough,
        budget=lambda item: budget_for(_size(item), record_timeout),
        size=_size,
        lost=lambda item, why, timed_out: _lost(item, why, timed_out, steps),
        init=partial(_warm_up, steps.enrich),
        batch_records=BATCH_RECORDS,
        batch_bytes=BATCH_BYTES,
        window=max(1, workers) * IN_FLIGHT_PER_WORKER * BATCH_RECORDS * 2,
    ):
        yield got if isinstance(got, tuple) else (item, got)


def _clean_here(items: Iterable[Item], steps: Steps) -> Iterator[Pair]:
    warm = False
    for item in items:
        if isinstance(item, BadRecord):
            yield item, item
            continue
        seconds = budget_for(_size(item), steps.record_timeout)
        if seconds is not None and not warm:
            _warm_up(steps.enrich)  # lazy models load now, not on the first record's clock
            warm = True
        try:
            with time_limit(seconds):
                pair = _process(item, steps)
        except RecordTimeout:
            pair = _lost(item, "", True, steps)
        yield pair


def _work(item: Item, steps: Steps) -> (EncodedPair | tuple[Record | BadRecord, Signed]
                                        | Article | BadRecord | Encoded | Signed):
    """What a worker returns for an item: a page's extracted record travels back with its
    result; a record is already at home.  An article goes as its line with steps.encode,
    with its signature with steps.sign."""
    rec, result = _process(item, steps)
    if steps.sign is not None and isinstance(result, Article):
        signed = Signed(result, sign_article(result, steps.sign))
        return (rec, signed) if isinstance(item, Page) else signed
    if steps.encode and isinstance(result, Article):
        try:
            encoded: Article | BadRecord | Encoded = Encoded.of(
                result, fastjson.dumps(result.to_dict()) + b"\n"
            )
        except (TypeError, ValueError):  # (one json cannot write either: as before, the
            encoded = result  # main process's writer raises it)
        return (rec, encoded) if isinstance(item, Page) else encoded
    return (rec, result) if isinstance(item, Page) else result


def _passthrough(item: Item) -> Pair | None:
    return (item, item) if isinstance(item, BadRecord) else None


def _lost(item: Item, why: str, timed_out: bool, steps: Steps) -> Pair:
    """The pair of an item whose cleaning ran out of time, or whose worker died."""
    if timed_out:
        seconds = budget_for(_size(item), steps.record_timeout) or 0.0
        error = timeout_error(item.source, seconds, steps.record_timeout is not None)
    else:
        error = (f"{item.source}: the worker process cleaning this record died ({why}): "
                 "set aside, the run went on with a new worker")
    if isinstance(item, Page):
        raw = item.data[:65536] if isinstance(item.data, bytes) else b""
    else:
        raw = item.text.encode("utf-8", "surrogatepass")  # type: ignore[union-attr]
    bad = BadRecord(item.source, error, raw, item.id)
    return (bad, bad) if isinstance(item, Page) else (item, bad)  # type: ignore[return-value]


_SAMPLE = (
    "Harbour Board Approves Ferry Terminal\n"
    "“We will build it this year,” the chair, Anna Berg, said on Tuesday.\n"
)


def _warm_up(enrich: bool = True) -> None:
    """Clean a small sample: models that load on first use load now (the language model
    too, which an English sample alone would not need; only when enriching: a run without
    enrichment reads it only for a record whose last lines may be in another language
    (detect/foreign.py), and then on that record; loading it costs ~0.05 s of CPU per process
    from the copy `make install` unpacks, ~0.4 s without)."""
    clean_record(Record("warm-up", _SAMPLE, "warm-up"), enrich=enrich)
    if enrich:
        classify("Το λιμάνι θα ανοίξει τον Μάιο, είπε η πρόεδρος του συμβουλίου.")


def _size(item: Item) -> int:
    if isinstance(item, Page):
        return item.size
    return len(item.text) if isinstance(item, Record) else 0


class RunFiles:
    """The output and set-aside file of one run: checked against the inputs when made,
    opened under temporary names by open(), put in place together when the run ends well."""

    def __init__(
        self,
        inputs: list[str],
        output: str | None,
        set_aside: str,
        set_aside_named: bool,
        others: Iterable[Output] = (),
    ) -> None:
        self.output = output if output and output != "-" else None
        self.set_aside = set_aside
        check_outputs(inputs, [
            *([Output(self.output, "-o", OUTPUT)] if self.output else []),
            Output(set_aside, "--set-aside", SET_ASIDE, named=set_aside_named),
            *others,
        ])

    @contextmanager
    def open(self) -> Iterator[tuple[Any, SetAsideWriter]]:
        staged = Staged(self.output) if self.output else None
        aside = SetAsideWriter(self.set_aside)
        try:
            writer = open_writer(staged.path, self.output) if staged else open_writer(None)
        except OSError as e:
            if staged is not None:
                staged.discard()
            raise OutputError(f"cannot write {self.output}: {describe_os_error(e)}") from e
        try:
            yield _Guarded(writer, self.output or "stdout"), aside
            try:
                writer.close()
            except OSError as e:
                if isinstance(e, BrokenPipeError):
                    raise
                raise OutputError(f"cannot write {self.output}: {describe_os_error(e)}") from e
            aside.commit()
            if staged is not None:
                staged.commit()
        except BaseException:
            try:
                writer.close()
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
            aside.discard()
            if staged is not None:
                staged.discard()
            raise


class _Guarded:
    """A writer whose write errors (a full disk) name the file in one line."""

    def __init__(self, writer: Any, name: str) -> None:
        self._writer = writer
        self._name = name

    @property
    def takes_lines(self) -> bool:
        """Whether the writer writes finished JSON lines (write_line): a JSONL writer."""
        return hasattr(self._writer, "write_line")

    def write(self, article: Article) -> None:
        try:
            self._writer.write(article)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(f"cannot write {self._name}: {describe_os_error(e)}") from e

    def write_line(self, line: bytes) -> None:
        try:
            self._writer.write_line(line)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputError(f"cannot write {self._name}: {describe_os_error(e)}") from e

    def __getattr__(self, name: str) -> Any:
        return getattr(self._writer, name)


def run_clean(
    paths: Iterable[str],
    output: str | None = None,
    options: CleanOptions | None = None,
    on_progress: Callable[[RunSummary], None] | None = None,
    progress: Progress | None = None,
    stats: RunStats | None = None,
    engine: Any = None,
) -> RunSummary:
    """Clean every record of `paths` into `output` (None or "-" = stdout).  Raises
    outputs.PathProblem, before touching any file, when an output would overwrite an input,
    and outputs.OutputError when an output cannot be written (the earlier files stay).
    progress: a display told of each record; stats: counts every record (--stats);
    engine: what cleans (None: this machine, options.workers processes; see engines/)."""
    progress = progress or Progress()
    options = options or CleanOptions()
    paths = [str(p) for p in paths]
    summary = RunSummary(output=output or "-")
    summary.set_aside_path = options.set_aside or default_set_aside_path(output)
    files = RunFiles(paths, output, summary.set_aside_path, options.set_aside is not None)
    own_files = [summary.set_aside_path] + ([output] if output and output != "-" else [])
    own_files += options.exclude
    items = read_inputs(
        paths,
        replace(options.read, defer_html=True),
        on_skip=summary.skipped_files.append,
        exclude=own_files,
        on_unreadable=summary.skip_unreadable,
    )
    with files.open() as (writer, aside):
        pairs: Iterable[EncodedPair]
        if engine is not None:
            pairs = engine.clean(items, options)
        elif writer.takes_lines:  # JSON lines out: the workers send each article's line
            pairs = clean_stream_encoded(items, options.workers, options.enrich,
                                         options.repair_encoding, options.record_timeout)
        else:
            pairs = clean_stream(items, options.workers, options.enrich,
                                 options.repair_encoding, options.record_timeout)
        progress.phase("cleaning")
        for item, result in pairs:
            summary.read += 1
            summary.deliver(result, writer, aside)
            if stats is not None:
                stats.add(item, result)
            progress.advance(detail=summary.detail())
            if on_progress is not None:
                on_progress(summary)
    return summary
