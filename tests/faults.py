"""Faults injected into worker processes by the tests (importable there: spawned workers get
the test run's sys.path).  Each behaves as newsclean's own worker function except on a
record whose id names the fault."""

from __future__ import annotations

import os
import signal
import time

from newsclean.clean_run import _work


def die_on_poison(item, steps):
    """The worker is killed as the kernel's out-of-memory killer kills: SIGKILL."""
    if getattr(item, "id", None) == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return _work(item, steps)


def hang_on_slow(item, steps):
    """The worker is stuck in a call that no signal interrupts (here: a long sleep)."""
    if getattr(item, "id", None) == "slow":
        time.sleep(600)
    return _work(item, steps)


def exit_at_start() -> None:
    os._exit(3)


def bulky(item, steps):
    """A result far larger than a pipe holds (64 KB on Linux): `steps` copies of the item."""
    return item * steps
