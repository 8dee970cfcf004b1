"""One `newsclean clean` run as a library call: read -> clean -> write, bad input set aside.

`run_clean(paths, output, options)` streams: records are read lazily, cleaned in batches (in this
process, or in N worker processes with at most a few batches in flight), and written in input
order.  Cleaning is a pure function of the record, so N workers give the same bytes as one.

Accounting: every record read is either written or set aside, never both, never neither:
`summary.read == summary.written + summary.set_aside`.  A record whose cleaning raises is set
aside too (error "internal error ..."), so one bad record cannot stop a run.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from .model import Article, BadRecord, Record
from .pipeline import clean_record
from .readers import Page, ReadOptions, read_inputs
from .setaside import SetAsideWriter, default_set_aside_path
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


@dataclass(slots=True)
class RunSummary:
    read: int = 0
    written: int = 0
    set_aside: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    skipped_files: list[str] = field(default_factory=list)
    output: str = "-"
    set_aside_path: str = ""
    # set-aside records that a reader skipped on purpose (a WARC revisit, an image), by reason
    skipped: Counter[str] = field(default_factory=Counter)

    def deliver(self, result: Article | BadRecord, writer: Any, aside: SetAsideWriter) -> None:
        """Send one result where it belongs, output or set-aside file, and count it."""
        if isinstance(result, BadRecord):
            aside.write(result)
            self.add_set_aside(result)
        else:
            writer.write(result)
            self.written += 1
            self.verdicts[result.verdict] += 1

    def add_set_aside(self, bad: BadRecord) -> None:
        self.set_aside += 1
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
        return text


@dataclass(slots=True, frozen=True)
class Steps:
    """What a worker does to each record besides cleaning it."""

    enrich: bool = True
    repair_encoding: bool = False


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


def _clean_batch(items: list[Item], steps: Steps) -> list[Pair | Article | BadRecord]:
    # a page's extracted record travels back with its result; a record is already at home
    return [_process(x, steps) if isinstance(x, Page) else _process(x, steps)[1] for x in items]


def clean_stream(
    items: Iterable[Item], workers: int = 1, enrich: bool = True, repair_encoding: bool = False
) -> Iterator[Pair]:
    """(input, result) pairs in input order; BadRecords pass through as their own result.
    A Page (deferred HTML) comes out as the Record extracted from it, or a BadRecord."""
    steps = Steps(enrich, repair_encoding)
    if workers <= 1:
        for item in items:
            yield _process(item, steps)
        return
    yield from _clean_parallel(items, workers, steps)


def _size(item: Item) -> int:
    if isinstance(item, Page):
        return item.size
    return len(item.text) if isinstance(item, Record) else 0


def _batches(items: Iterable[Item]) -> Iterator[list[Item]]:
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += _size(item)
        if len(batch) >= BATCH_RECORDS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _clean_parallel(items: Iterable[Item], workers: int, steps: Steps) -> Iterator[Pair]:
    # spawn, not fork: the parent may run threads (progress display), which fork does not copy
    ctx = multiprocessing.get_context("spawn")
    pending: deque[tuple[list[Item], Future[list[Pair | Article | BadRecord]]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:

        def drain_one() -> Iterator[Pair]:
            batch, fut = pending.popleft()
            results = iter(fut.result())
            for item in batch:
                if isinstance(item, BadRecord):
                    yield item, item
                    continue
                got = next(results)
                yield got if isinstance(got, tuple) else (item, got)  # type: ignore[misc]

        for batch in _batches(items):
            work = [r for r in batch if not isinstance(r, BadRecord)]
            pending.append((batch, pool.submit(_clean_batch, work, steps)))
            while len(pending) > workers * IN_FLIGHT_PER_WORKER:
                yield from drain_one()
        while pending:
            yield from drain_one()


def run_clean(
    paths: Iterable[str],
    output: str | None = None,
    options: CleanOptions | None = None,
    on_progress: Callable[[RunSummary], None] | None = None,
) -> RunSummary:
    """Clean every record of `paths` into `output` (None or "-" = stdout)."""
    options = options or CleanOptions()
    summary = RunSummary(output=output or "-")
    summary.set_aside_path = options.set_aside or default_set_aside_path(output)
    own_files = [summary.set_aside_path] + ([output] if output and output != "-" else [])
    items = read_inputs(
        paths,
        replace(options.read, defer_html=True),
        on_skip=summary.skipped_files.append,
        exclude=own_files,
    )
    with open_writer(output) as writer, SetAsideWriter(summary.set_aside_path) as aside:
        pairs = clean_stream(items, options.workers, options.enrich, options.repair_encoding)
        for _item, result in pairs:
            summary.read += 1
            summary.deliver(result, writer, aside)
            if on_progress is not None:
                on_progress(summary)
    return summary
