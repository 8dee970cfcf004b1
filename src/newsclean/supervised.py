"""Worker processes that clean records under watch, results in input order.

`supervised_map(items, ...)` sends items in batches to N worker processes and yields one
result per item, in input order, whatever happens to a worker:

- a record that runs past its time budget: its worker is killed, the record is set aside
  (`lost(item, why)` makes its result) and the worker's other records go to a new worker;
- a worker that dies (the kernel's out-of-memory killer, a crash in native code): the same,
  and the set-aside entry names the record it was on and how the worker died;
- a worker that cannot even start, three times over: WorkerError (the run cannot go on).

Each worker says which record it is on, and since when, in a small shared array; the
parent reads it to judge deadlines and, after a death, to know whom to name.  Records are
sent in batches through one pipe, read by a thread in the worker, and results come back in
small groups through another (RESULT_GROUP), sent by a second thread and read by the parent's
loop: neither side waits on the other, and a worker cleans on while its results wait.
At most `window` records are between the reader and the output: memory stays bounded even
while one worker spends minutes on one record and the others run ahead.
"""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection, wait
from typing import Any

STARTUP_FAILURES = 3  # workers in a row that die before they are ready: give up
RETRIES = 2  # a record whose worker died before starting it is sent again this often
# A worker sends its results in groups of this many (fewer, when it runs out of work or a
# group waited RESULT_WAIT seconds): one message, one wake-up of the parent for several
# records.  A group not yet sent when its worker dies is cleaned again, elsewhere.
RESULT_GROUP = 16
RESULT_WAIT = 0.05


WORKER_NAME = "newsclean-worker"
_GUARD_HINT = (
    " (a script that starts a run with workers > 1 must start it under "
    "`if __name__ == \"__main__\":`: each worker imports the script again)"
)


def _guard_hint() -> str:
    """The hint, when the program is a script without a `__main__` guard (the likely cause
    of workers that die as they start: each one runs the script's run again)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not path or getattr(main, "__spec__", None) is not None:
        return ""  # python -m, or no script
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            source = f.read(1 << 20)
    except OSError:
        return ""
    return "" if "__name__" in source else _GUARD_HINT


class WorkerError(RuntimeError):
    """The worker processes cannot run at all."""


@dataclass(slots=True)
class _Task:
    seq: int
    item: Any
    budget: float | None
    size: int
    attempts: int = 0


@dataclass(slots=True)
class _Worker:
    proc: Any  # multiprocessing.Process
    tasks_out: Connection  # parent -> worker: lists of (seq, item), None to stop
    results_in: Connection  # worker -> parent: ("ready",) then lists of (seq, result)
    progress: Any  # shared doubles: [seq being cleaned, monotonic start or 0 when idle]
    tasks: dict[int, _Task] = field(default_factory=dict)  # sent, no result yet
    ready: bool = False
    killed_for: _Task | None = None  # the task whose budget it overran

    def current(self) -> int | None:
        """The seq this worker is cleaning, None when idle (torn reads are retried)."""
        for _ in range(3):
            t1 = self.progress[1]
            seq = self.progress[0]
            if self.progress[1] == t1:
                return int(seq) if t1 > 0 else None
        return None

    def started(self) -> float:
        return self.progress[1]


def _serve(
    tasks_in: Connection,
    results_out: Connection,
    progress: Any,
    work: Callable[[Any, Any], Any],
    steps: Any,
    init: Callable[[], None] | None,
) -> None:
    """A worker's life: warm up, then clean what comes, saying what it is on."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked since the start
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def receive() -> None:  # keeps the pipe drained, so the parent never blocks sending
        try:
            while True:
                msg = tasks_in.recv()
                inbox.put(msg)
                if msg is None:
                    return
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=receive, daemon=True).start()
    # Results leave through a thread too: while the parent is busy (reading, writing) and a
    # group waits in a full pipe, the worker goes on cleaning instead of waiting with it.
    # One thread sends them all, so they arrive in the order they were cleaned.
    outbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def send() -> None:
        try:
            while (msg := outbox.get()) is not None:
                results_out.send(msg)
        except OSError:  # the parent is gone: take what is put, unsent, to the end
            while outbox.get() is not None:
                pass

    sender = threading.Thread(target=send, daemon=True)
    if init is not None:
        init()
    results_out.send(("ready",))
    sender.start()
    done: list[tuple[int, Any]] = []  # results not yet sent, in the order cleaned
    since = 0.0  # when the first of them was done
    try:
        while True:
            if done and inbox.empty():  # no more work in hand: send what is done first
                outbox.put(done)
                done = []
            batch = inbox.get()
            if batch is None:
                return
            for seq, item in batch:
                progress[1] = 0.0
                progress[0] = float(seq)
                progress[1] = now = time.monotonic()
                if done and now - since >= RESULT_WAIT:
                    outbox.put(done)
                    done = []
                result = work(item, steps)
                progress[1] = 0.0
                if not done:
                    since = now
                done.append((seq, result))
                if len(done) >= RESULT_GROUP:
                    outbox.put(done)
                    done = []
    finally:
        if done:
            outbox.put(done)
        outbox.put(None)
        sender.join()


def how_it_died(exitcode: int | None) -> str:
    if exitcode is None:
        return "it stopped answering"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return f"killed by {name}, as the kernel's out-of-memory killer does"
        return f"killed by {name}"
    return f"it exited with code {exitcode}"


def supervised_map(
    items: Iterable[Any],
    work: Callable[[Any, Any], Any],
    steps: Any,
    workers: int,
    *,
    local: Callable[[Any], Any],
    budget: Callable[[Any], float | None],
    size: Callable[[Any], int],
    lost: Callable[[Any, str, bool], Any],
    init: Callable[[], None] | None = None,
    batch_records: int = 64,
    batch_bytes: int = 4 << 20,
    window: int | None = None,
) -> Iterator[Any]:
    """(item, result) per item, in order.  `local(item)` gives the result of an item that needs
    no worker (else None); `work(item, steps)` runs in a worker (module-level functions, as
    they are pickled); `lost(item, why, timed_out)` makes the result of an item whose worker
    was killed or died."""
    if multiprocessing.current_process().name == WORKER_NAME:
        # a worker importing its parent's script again, and the script starting a run at
        # import: the run would start workers of its own, and so on
        raise RuntimeError("a newsclean worker process was asked to start a run of its own"
                           + _GUARD_HINT)
    ctx = multiprocessing.get_context("spawn")  # the parent may run threads: no fork
    window = window or workers * 4 * batch_records
    pool: list[_Worker] = []
    results: dict[int, Any] = {}
    retry: deque[_Task] = deque()
    source = iter(items)
    exhausted = False
    next_seq = next_out = 0
    startup_failures = 0

    def start() -> _Worker:
        tasks_in, tasks_out = ctx.Pipe(duplex=False)
        results_in, results_out = ctx.Pipe(duplex=False)
        progress = ctx.RawArray("d", 2)
        proc = ctx.Process(
            target=_serve,
            args=(tasks_in, results_out, progress, work, steps, init),
            daemon=True,
            name=WORKER_NAME,
        )
        # A worker starts with Ctrl-C ignored (SIG_IGN is inherited through exec), so the
        # terminal's SIGINT never prints a traceback in a worker still importing: the
        # parent handles it and kills its workers.  Meanwhile the parent blocks SIGINT
        # (a blocked signal stays pending even while ignored): one that comes while the
        # worker starts is delivered when the parent's handler is back -- unless the
        # kernel hands it to another thread (native ones too: a BLAS pool), where it is
        # ignored: a Ctrl-C in these few milliseconds can be lost (press it again).
        in_main = threading.current_thread() is threading.main_thread()
        # multiprocessing's resource tracker starts with the first worker and *unblocks*
        # SIGINT after it started: start it before the window, not inside it
        resource_tracker.ensure_running()
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if in_main else None
        try:
            proc.start()
        finally:
            if in_main:
                signal.signal(signal.SIGINT, handler)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        tasks_in.close()
        results_out.close()
        return _Worker(proc, tasks_out, results_in, progress)

    def take(limit_records: int) -> list[_Task]:
        nonlocal exhausted, next_seq
        batch: list[_Task] = []
        nbytes = 0
        while len(batch) < limit_records and nbytes < batch_bytes:
            if retry:
                task = retry.popleft()
            elif exhausted or next_seq - next_out >= window:
                break
            else:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                seq, next_seq = next_seq, next_seq + 1
                done = local(item)
                if done is not None:
                    results[seq] = (item, done)
                    continue
                task = _Task(seq, item, budget(item), size(item))
            batch.append(task)
            nbytes += task.size
        return batch

    def receive(w: _Worker) -> None:
        """Every complete message waiting from this worker."""
        nonlocal startup_failures
        try:
            while w.results_in.poll():
                msg = w.results_in.recv()
                if isinstance(msg, tuple):  # ("ready",)
                    w.ready = True
                    startup_failures = 0
                    continue
                for seq, result in msg:
                    task = w.tasks.pop(seq, None)
                    if task is not None:
                        results[seq] = (task.item, result)
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # a message cut by the worker's death: its record is judged below

    def replace(w: _Worker) -> None:
        """After a kill or a death: name the record it was on, resend the rest, restart."""
        nonlocal startup_failures
        w.proc.join()
        receive(w)
        seq = w.current()
        culprit = w.killed_for if w.killed_for is not None else w.tasks.get(seq)  # type: ignore[arg-type]
        # a worker cleans its tasks in the order they were sent (w.tasks keeps it): those
        # before the culprit were cleaned, their results lost unsent -- no failed attempt
        order = list(w.tasks)
        cut = order.index(culprit.seq) if culprit is not None and culprit.seq in w.tasks else 0
        cleaned = set(order[:cut])
        if culprit is not None and culprit.seq in w.tasks:
            del w.tasks[culprit.seq]
            if w.killed_for is not None:
                got = lost(culprit.item, "", True)
            else:
                got = lost(culprit.item, how_it_died(w.proc.exitcode), False)
            results[culprit.seq] = (culprit.item, got)
        if not w.ready:
            startup_failures += 1
            if startup_failures >= STARTUP_FAILURES:
                raise WorkerError(
                    f"worker processes die as they start ({how_it_died(w.proc.exitcode)}): "
                    "cannot clean" + _guard_hint()
                )
        for task in w.tasks.values():
            if task.seq in cleaned:
                retry.append(task)
                continue
            task.attempts += 1
            if task.attempts > RETRIES:
                got = lost(task.item, how_it_died(w.proc.exitcode), False)
                results[task.seq] = (task.item, got)
            else:
                retry.append(task)
        w.tasks.clear()
        if retry:
            ordered = sorted(retry, key=lambda t: t.seq)
            retry.clear()
            retry.extend(ordered)
        for conn in (w.tasks_out, w.results_in):
            conn.close()
        pool[pool.index(w)] = start()

    finished = False
    try:
        pool.extend(start() for _ in range(workers))
        while True:
            for w in pool:  # keep each worker one batch ahead
                while len(w.tasks) < batch_records:
                    batch = take(batch_records)
                    if not batch:
                        break
                    for t in batch:
                        w.tasks[t.seq] = t
                    try:
                        w.tasks_out.send([(t.seq, t.item) for t in batch])
                    except OSError:
                        break  # it died: replace() below resends these
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            if exhausted and not retry and next_out == next_seq:
                finished = True
                return
            now = time.monotonic()
            timeout = 1.0
            for w in pool:
                seq = w.current()
                task = w.tasks.get(seq) if seq is not None else None
                if task is not None and task.budget is not None:
                    left = w.started() + task.budget - now
                    if left <= 0 and w.killed_for is None and w.proc.is_alive():
                        receive(w)  # it may have just finished
                        if w.current() == seq and seq in w.tasks:
                            w.killed_for = task
                            w.proc.kill()
                    timeout = max(0.0, min(timeout, left))
            waits: list[Any] = [w.results_in for w in pool] + [w.proc.sentinel for w in pool]
            wait(waits, timeout=max(timeout, 0.005))
            for w in list(pool):
                receive(w)
                if not w.proc.is_alive():
                    replace(w)
    finally:
        # done: the workers are idle and stop when told; stopped early: they are killed
        for w in pool:
            try:
                if finished:
                    w.tasks_out.send(None)
                else:
                    w.proc.kill()
            except OSError:
                pass
        deadline = time.monotonic() + 5
        for w in pool:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join()
            for conn in (w.tasks_out, w.results_in):
                conn.close()

