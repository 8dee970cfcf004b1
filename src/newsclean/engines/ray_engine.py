"""The Ray engine: `newsclean clean ... --engine ray [--address ADDR]`.

Per-record cleaning and the map stages of the corpus passes (corpus.run: the lines the
learner counts, cleaning again with learned lines, MinHash signatures) run as Ray tasks on
batches of records across the cluster; the driver (this process) reads the input, reduces
the corpus stages in input order (the learner's counts, the dedup index, its clusters) and
writes the output, so the bytes are those of the local engine.  At most `window` batches are
in flight: memory stays bounded on both sides.

Workers import newsclean: on a cluster every node needs it installed (the same version), e.g.
`pip install 'newsclean[ray]'` on each node, or a Ray runtime environment.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..budget import RecordTimeout, budget_for, time_limit
from ..clean_run import (
    BATCH_BYTES,
    CleanOptions,
    Item,
    Pair,
    Steps,
    _lost,
    _process,
    _size,
    _warm_up,
)
from . import EngineError

BATCH_RECORDS = 128
_warm = False


def _run_batch(fn: Callable[[Any, Any], Any], batch: list[Any], const: Any) -> list[Any]:
    """A Ray task: fn over one batch, in order."""
    return [fn(x, const) for x in batch]


def clean_item(item: Item, steps: Steps) -> Pair:
    """One item cleaned in a Ray worker, within its time budget (when the worker's thread
    can be interrupted; see budget.py), as clean_stream does."""
    global _warm
    seconds = budget_for(_size(item), steps.record_timeout)
    if seconds is not None and not _warm:
        _warm_up(steps.enrich)  # lazy models load now, not on the first record's clock
        _warm = True
    try:
        with time_limit(seconds):
            return _process(item, steps)
    except RecordTimeout:
        return _lost(item, "", True, steps)


class RayEngine:
    """Runs the stages on Ray.  Joins the running Ray instance if this process has one
    (`ray.init` was called), else connects to `address` ("auto", "HOST:PORT",
    "ray://HOST:10001"; None: $RAY_ADDRESS, or a new local instance)."""

    def __init__(self, address: str | None = None, batch_records: int = BATCH_RECORDS,
                 window: int | None = None, **init: Any) -> None:
        try:
            import ray
        except ImportError as e:
            raise EngineError("--engine ray needs Ray: pip install 'newsclean[ray]'") from e
        self._ray = ray
        self._own = not ray.is_initialized()
        if self._own:
            try:
                ray.init(address=address, include_dashboard=False, log_to_driver=False,
                         logging_level=logging.WARNING, configure_logging=True, **init)
            except Exception as e:  # noqa: BLE001 - ConnectionError, ValueError, RuntimeError
                raise EngineError(f"cannot start or reach Ray ({address or 'local'}): "
                                  f"{type(e).__name__}: {e}") from e
        self.batch_records = batch_records
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.window = window or max(4, 3 * cpus)
        self._task = ray.remote(_run_batch)

    def map(self, fn: Callable[[Any, Any], Any], xs: Iterable[Any], const: Any
            ) -> Iterator[tuple[Any, Any]]:
        """(x, fn(x, const)) for each x, in order, fn run in Ray tasks on batches."""
        ray = self._ray
        const_ref = ray.put(const)
        pending: deque[tuple[list[Any], Any]] = deque()
        try:
            for batch in _batches(xs, self.batch_records):
                pending.append((batch, self._task.remote(fn, batch, const_ref)))
                if len(pending) >= self.window:
                    yield from _done(ray, pending.popleft())
            while pending:
                yield from _done(ray, pending.popleft())
        finally:
            for _batch, ref in pending:  # stopped early: the rest is not wanted
                ray.cancel(ref, force=False)

    def clean(self, items: Iterable[Item], options: CleanOptions) -> Iterator[Pair]:
        """(input record, result) pairs in input order, as clean_run.clean_stream."""
        steps = Steps(options.enrich, options.repair_encoding, options.record_timeout)
        for _item, pair in self.map(clean_item, items, steps):
            yield pair

    def close(self) -> None:
        if self._own and self._ray.is_initialized():
            self._ray.shutdown()


def _done(ray: Any, entry: tuple[list[Any], Any]) -> Iterator[tuple[Any, Any]]:
    batch, ref = entry
    try:
        results = ray.get(ref)
    except ray.exceptions.RayError as e:  # a task that failed after Ray's retries
        raise EngineError(f"a Ray task failed: {type(e).__name__}: "
                          f"{str(e).splitlines()[0] if str(e) else ''}") from e
    yield from zip(batch, results, strict=True)


def _batches(xs: Iterable[Any], records: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for x in xs:
        batch.append(x)
        size += _size(x) if isinstance(x, Item) else _size(x[0]) if isinstance(x, tuple) else 0
        if len(batch) >= records or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
