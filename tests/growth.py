"""Growth checks: does a function's time grow linearly with its input?

Absolute times mean nothing on a shared machine, so a check compares the same function on
inputs of growing size (n, 2n, 4n, 8n) and fails when the time ratio goes clearly beyond the
size ratio: linear work doubles per step, quadratic work quadruples.  To stay robust on a
noisy 2-core machine each size is timed several times, in interleaved rounds (a burst of
load hits all sizes alike), in CPU time of the process (not wall time, which other jobs
take), with the garbage collector off, keeping the fastest run; a failing verdict is
measured again once before it counts.  A size whose time is already twice past the bound in
the first round stops the climb: quadratic or exponential work fails fast instead of running
for minutes.  A call too short for the clock (a few milliseconds on the smallest input) is
timed as a loop of calls, the same count on every size.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from typing import Any

# Allowed excess over linear: 8n may take up to 16x n (quadratic work takes 64x).  Not less:
# per byte, work on a few MB costs up to twice what it does on a few hundred KB (caches).
SLACK = 2.0


# A timing shorter than this is mostly the clock's grain and the allocator's luck: such calls
# are timed in loops that take at least this long on the smallest input.
SHORTEST = 5e-3


def _once(fn: Callable[[Any], Any], arg: Any, calls: int = 1) -> float:
    """CPU time per call of this process (time other processes take does not count)."""
    t0 = time.process_time()
    for _ in range(calls):
        fn(arg)
    return (time.process_time() - t0) / calls


def _calls_for(fn: Callable[[Any], Any], arg: Any) -> int:
    """How many calls one timing loops over so that the smallest input takes SHORTEST."""
    calls = 1
    while calls < 1 << 16:
        if _once(fn, arg, calls) * calls >= SHORTEST:
            break
        calls *= 4
    return calls


def timings(
    fn: Callable[[Any], Any], inputs: Sequence[Any], sizes: Sequence[float], rounds: int = 3
) -> list[float]:
    """Fastest time per input (inputs in growing size); stops at the first input that is
    already far past the linear bound."""
    fn(inputs[0])  # warm caches and lazy loads
    calls = _calls_for(fn, inputs[0])
    best = [float("inf")] * len(inputs)
    reached = len(inputs)
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for r in range(rounds):
            if reached < len(inputs):
                break  # far past linear in the first round: no need to measure again
            for k in range(reached):
                best[k] = min(best[k], _once(fn, inputs[k], calls))
                if r == 0 and k > 0 and far_past(best, sizes, k):
                    for _ in range(2):  # a burst of load? measure both again first
                        best[0] = min(best[0], _once(fn, inputs[0], calls))
                        best[k] = min(best[k], _once(fn, inputs[k], calls))
                    if far_past(best, sizes, k):
                        reached = k + 1  # far past linear: do not try the bigger ones
                        break
    finally:
        if gc_was:
            gc.enable()
    return best[:reached]


def far_past(best: list[float], sizes: Sequence[float], k: int) -> bool:
    return best[k] > 2 * bound(sizes[k] / sizes[0]) * best[0]


def bound(size_ratio: float) -> float:
    return max(1.0, size_ratio) * SLACK


def check_linear(
    fn: Callable[[Any], Any],
    make: Callable[[int], Any],
    sizes: Sequence[int],
    rounds: int = 3,
    floor: float = 0.0,
) -> None:
    """Assert fn(make(size)) grows no faster than linearly over `sizes`.  `floor`: seconds
    of fixed cost below which a time is taken as the floor (very short runs are noise)."""
    inputs = [make(s) for s in sizes]
    problems: list[str] = []
    for _attempt in range(2):  # a failure is measured again once: it must persist
        times = [max(t, floor) for t in timings(fn, inputs, sizes, rounds)]
        problems = []
        for k in range(1, len(sizes)):
            limit = bound(sizes[k] / sizes[0])
            if k >= len(times):
                problems.append(f"size {sizes[k]} not tried (the one before was too slow)")
            elif times[k] > limit * times[0]:
                problems.append(f"size x{sizes[k] / sizes[0]:g} took "
                                f"x{times[k] / times[0]:.1f} (bound x{limit:.1f})")
        if not problems or len(times) < len(sizes):
            break  # linear, or so far from it that measuring again would only take long
    report = ", ".join(f"{s}: {t * 1e3:.1f} ms" for s, t in zip(sizes, times, strict=False))
    assert not problems, f"super-linear growth ({report}): " + "; ".join(problems)
