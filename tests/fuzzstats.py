"""What a fuzz run did: cases per property, failures seen, and time per MB of input.

A property test calls `STATS.case(kind, size, seconds)` once per example it checks (with
the time of the checked call only, not of generating the input) and `STATS.failure(kind,
what)` before it fails; `make fuzz` prints `STATS.report()` at the end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MB = 1_000_000
LARGE = 64 * 1024  # time per MB is judged on inputs at least this large (fixed costs aside)


@dataclass
class Stats:
    cases: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    largest: int = 0
    worst_per_mb: float = 0.0  # seconds per MB, over inputs of LARGE or more
    worst_per_mb_case: tuple[str, int] = ("", 0)
    worst_small: float = 0.0  # seconds, over smaller inputs
    over_budget: int = 0  # cases over 1 s per MB (inputs of LARGE or more)

    worst_input: object = None  # the input of the worst case per MB, to look at
    worst_small_input: object = None  # ... and of the slowest smaller one

    def case(self, kind: str, size: int, seconds: float, data: object = None) -> None:
        self.cases[kind] += 1
        self.largest = max(self.largest, size)
        if size >= LARGE:
            per_mb = seconds / (size / MB)
            if per_mb > self.worst_per_mb:
                self.worst_per_mb = per_mb
                self.worst_per_mb_case = (kind, size)
                self.worst_input = data
            if per_mb > 1.0:
                self.over_budget += 1
        elif seconds > self.worst_small:
            self.worst_small = seconds
            self.worst_small_input = data

    def failure(self, kind: str, what: str) -> None:
        self.failures[f"{kind}: {what}"] += 1

    def report(self) -> list[str]:
        total = sum(self.cases.values())
        lines = [
            f"fuzz: {total} cases ({', '.join(f'{k} {n}' for k, n in sorted(self.cases.items()))})",
            f"fuzz: exceptions and invariant failures: {sum(self.failures.values())}"
            + (f" ({dict(self.failures)})" if self.failures else ""),
            f"fuzz: largest input {self.largest / MB:.2f} MB; worst time per MB (inputs of "
            f"{LARGE // 1024} KiB or more) {self.worst_per_mb:.3f} s/MB "
            f"({self.worst_per_mb_case[0]}, {self.worst_per_mb_case[1]} characters); "
            f"cases over 1 s/MB: {self.over_budget}; worst time of a smaller input "
            f"{self.worst_small * 1e3:.1f} ms",
        ]
        return lines


STATS = Stats()
