"""The time budget of one record: a record that takes longer is set aside and the run goes on.

Cleaning is linear in a record's size (about 1 s per MB of text on one core, see the growth
tests), so a record that runs far past that is caught in a case nobody foresaw, and one such
record must not stall a run of millions.  The default budget is BASE_S plus PER_MB_S per MB
of the record (its text, or its HTML for a page), far above what any record needs on a busy
machine; `--record-timeout S` sets one fixed budget instead (0: none).

In worker processes the supervisor kills the worker at the deadline (see supervised.py).  In
the main process the budget is a SIGALRM timer that raises RecordTimeout inside the cleaning
(Python's regular expression engine checks for signals too, so a runaway pattern is stopped);
off the main thread, where signals cannot be used, the caller runs the record in a worker.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

BASE_S = 20.0
PER_MB_S = 10.0


class RecordTimeout(BaseException):
    """Raised into a record's cleaning when its budget is spent.  A BaseException, so that
    no `except Exception` inside the pipeline can swallow it."""


def budget_for(size: int, fixed: float | None = None) -> float | None:
    """Seconds a record of `size` bytes (or characters) may take; None: no limit.
    fixed: --record-timeout (None: from the size; 0 or less: no limit)."""
    if fixed is not None:
        return fixed if fixed > 0 else None
    return BASE_S + PER_MB_S * size / 1e6


def can_interrupt() -> bool:
    """Whether time_limit can stop this thread (signals reach only the main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise RecordTimeout in this (main) thread once `seconds` have passed.  No-op when
    seconds is None, off the main thread, or when a timer of the host is already running."""
    if seconds is None or not can_interrupt() or signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        yield
        return
    armed = True

    def expire(signum: int, frame: object) -> None:
        if armed:  # a signal delivered just as the block ended must not escape it
            raise RecordTimeout(f"more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_error(source: str, seconds: float, fixed: bool) -> str:
    how = "--record-timeout" if fixed else "from its size; see --record-timeout"
    return (f"{source}: cleaning took longer than its time budget of {seconds:.3g} s "
            f"({how}): set aside, the run went on")
