"""Hypothesis profiles, the fuzz summary, and Ctrl-C for the processes tests start.

`make test` runs the property tests (test_properties.py) under the "ci" profile: few
examples, derandomized, so the suite is quick and the same every run.  `make fuzz` sets
NEWSCLEAN_FUZZ=1: the "fuzz" profile, random, with NEWSCLEAN_FUZZ_EXAMPLES examples per
property (enough for 100k cases over all of them), large inputs allowed, and at the end a
summary of what was run (cases, exceptions, restore mismatches, worst time per MB).
"""

from __future__ import annotations

import os
import signal

# A shell starts a background job with Ctrl-C ignored (SIGINT set to SIG_IGN), and every
# process it starts inherits that: the tests that press Ctrl-C on a `clean` or `browse` they
# started would find it deaf.  The suite takes SIGINT back (a child then starts with the
# default, as from a terminal).
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# The suite tests the .py files (tests patch module attributes, which compiled modules do not
# allow); test_native.py checks that the compiled build gives their answers.
# NEWSCLEAN_NATIVE=1 pytest runs it on the build instead.
os.environ.setdefault("NEWSCLEAN_NATIVE", "0")

import fuzzstats  # noqa: E402
from hypothesis import HealthCheck, settings

FUZZ = os.environ.get("NEWSCLEAN_FUZZ") == "1"

settings.register_profile(
    "ci",
    max_examples=50,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "12500")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
settings.load_profile("fuzz" if FUZZ else "ci")


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ANN001
    stats = fuzzstats.STATS
    if FUZZ and stats.cases:
        for line in stats.report():
            terminalreporter.write_line(line)
        for name, data in (("per-mb", stats.worst_input), ("small", stats.worst_small_input)):
            if isinstance(data, str):  # kept for a look: the slowest inputs
                path = os.path.join(str(config.rootpath), "out", f"fuzz-slowest-{name}.txt")
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(data)
                terminalreporter.write_line(f"fuzz: the slowest input ({name}) is in {path}")
