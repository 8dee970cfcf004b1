"""What a long `clean` run shows on stderr while it works.

A run goes through phases -- reading (a resumed run passing over finished shards), cleaning,
clustering (the corpus passes), writing -- and each phase counts records.  On a terminal a
rich progress bar shows the phase, records done of the total (when it is known), records/s,
the time left and a detail (written, set aside); elsewhere (a log file, a pipe) a plain line
every `every` seconds says the same.  The total of records is counted in a background
thread (`count_records`: lines of JSONL, rows of Parquet, one per text or HTML file), so the
run starts at once; a WARC or stdin leaves it unknown.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .readers import ReadOptions, iter_sources
from .readers.sources import decompressed


@contextmanager
def sigint_blocked() -> Iterator[None]:
    """Threads started in this block never receive SIGINT (they inherit the signal mask), so
    a Ctrl-C always reaches the main thread -- also while it blocks SIGINT for a moment
    (supervised.py, as a worker starts): the signal then waits instead of being lost."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


class Progress:
    """No display: the interface every display has."""

    def phase(self, name: str, total: int | None = None) -> None:
        """A new phase starts; its count starts at 0."""

    def set_total(self, total: int | None) -> None:
        """The phase's total became known (any thread may call this)."""

    def advance(self, n: int = 1, detail: str | None = None) -> None:
        """n more records of this phase are done."""

    def close(self) -> None:
        """The run is over: take the display down."""


class _Counting(Progress):
    """Keeps the numbers a display shows."""

    def __init__(self) -> None:
        self.name = ""
        self.total: int | None = None
        self.done = 0
        self.detail = ""
        self.started = time.monotonic()
        self._pending_total: int | None = None

    def phase(self, name: str, total: int | None = None) -> None:
        self.name, self.total, self.done = name, total, 0
        self.started = time.monotonic()

    def set_total(self, total: int | None) -> None:
        self._pending_total = total

    def advance(self, n: int = 1, detail: str | None = None) -> None:
        if self._pending_total is not None and self.name in ("cleaning", "reading"):
            self.total = self._pending_total
        self.done += n
        if detail is not None:
            self.detail = detail

    def rate(self) -> float:
        seconds = time.monotonic() - self.started
        return self.done / seconds if seconds > 0 else 0.0

    def eta(self) -> float | None:
        rate = self.rate()
        if self.total is None or rate <= 0 or self.done > self.total:
            return None
        return (self.total - self.done) / rate


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-:--:--"
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


class PlainProgress(_Counting):
    """A line every `every` seconds: phase, count (of total), records/s, time left."""

    def __init__(self, stream: TextIO | None = None, every: float = 10.0) -> None:
        super().__init__()
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self._last = time.monotonic()

    def phase(self, name: str, total: int | None = None) -> None:
        super().phase(name, total)
        self._last = time.monotonic()  # a phase's first line comes `every` s into it

    def advance(self, n: int = 1, detail: str | None = None) -> None:
        super().advance(n, detail)
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        count = f"{self.done}" + (f"/{self.total}" if self.total is not None else "")
        pct = f" ({100 * self.done // self.total}%)" if self.total else ""
        text = (f"newsclean: {self.name} {count} records{pct}, {self.rate():.0f} records/s, "
                f"ETA {_clock(self.eta())}")
        return text + (f" | {self.detail}" if self.detail else "")


class RichProgress(_Counting):
    """rich's progress bar on stderr, removed when the run ends."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text

        class Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.0f} records/s" if speed else "- records/s")

        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            Rate(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TimeElapsedColumn(),
            TextColumn("[dim]{task.fields[detail]}"),
            console=Console(stderr=True),
            transient=True,
            speed_estimate_period=10.0,
        )
        with sigint_blocked():
            self._bar.start()  # its refresh thread
        self._task: Any = None

    def phase(self, name: str, total: int | None = None) -> None:
        super().phase(name, total)
        if self._task is not None:
            self._bar.remove_task(self._task)
        self._task = self._bar.add_task(name, total=total, detail=self.detail)

    def set_total(self, total: int | None) -> None:
        super().set_total(total)
        if self._task is not None and total is not None and self.name in ("cleaning",
                                                                          "reading"):
            self.total = total
            self._bar.update(self._task, total=total)  # rich's update takes its lock

    def advance(self, n: int = 1, detail: str | None = None) -> None:
        super().advance(n, detail)
        if self._task is not None:
            self._bar.update(self._task, completed=self.done, total=self.total,
                             detail=self.detail)

    def close(self) -> None:
        self._bar.stop()


def make_progress(enabled: bool, terminal: bool, every: float = 10.0) -> Progress:
    """The display for a run: rich on a terminal, plain lines elsewhere, none when quiet."""
    if not enabled:
        return Progress()
    return RichProgress() if terminal else PlainProgress(every=every)


def count_records(paths: Iterable[str], options: ReadOptions | None = None,
                  exclude: Iterable[str] = ()) -> int | None:
    """How many records the inputs hold, or None when that cannot be known cheaply (a WARC,
    stdin, an unknown kind).  JSONL lines are counted (blank ones too: an estimate)."""
    total = 0
    for src, spec in iter_sources(list(paths), exclude=exclude):
        if src.path is None or spec is None:
            return None
        if spec.name in ("text", "html"):
            total += 1
        elif spec.name == "parquet":
            import pyarrow.parquet as pq

            try:
                total += pq.ParquetFile(src.path).metadata.num_rows
            except Exception:  # noqa: BLE001 - the reader reports a bad file; count nothing
                pass
        elif spec.name == "jsonl":
            try:
                # decompressed in one pass, unverified (an estimate: no integrity pass before
                # it, as the reader makes) -- the count then costs a third of the read's
                with decompressed(open(src.path, "rb"), intact=True) as f:
                    last = b"\n"
                    while chunk := f.read(1 << 20):
                        total += chunk.count(b"\n")
                        last = chunk[-1:]
                    total += last != b"\n"
            except Exception:  # noqa: BLE001 - as above
                pass
        else:
            return None
    return total


def count_in_background(paths: Iterable[str], options: ReadOptions, exclude: Iterable[str],
                        found: Callable[[int | None], None]) -> threading.Thread:
    """count_records in a daemon thread; `found(total)` when done."""
    paths, exclude = list(paths), list(exclude)

    def run() -> None:
        try:
            found(count_records(paths, options, exclude))
        except Exception:  # noqa: BLE001 - a total is a nicety, never a failure
            pass

    t = threading.Thread(target=run, daemon=True, name="newsclean-count")
    with sigint_blocked():
        t.start()
    return t
