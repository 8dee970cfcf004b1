"""The records that stalled runs (issue 13), timed: clean_text on each, CPU seconds.

    .venv/bin/python -m bench.bench_stalls [--rounds 3] [--limit S]

Shapes (built by tests/newsgen.py and the issue's descriptions, no data set needed):
a 1 MB one-paragraph article, a 1 MB article of paragraphs, a 500 KB one-paragraph article
followed by its copy with two words changed (an edited copy); a quotation attributed to
"MSNBC host" + 28 capitals + " Σ"; 26 initials above a line opening with the speaker's
surname; 200 KB of alternating curly quotes; 420 KB of pronoun speakers; a hyphenated capital
run before a bracket opening the first paragraph (600 characters).  Each is timed `--rounds`
times (minimum, CPU time of this process); a run past `--limit` seconds is stopped and
reported as "> limit" (for timing old code, which takes minutes on some of them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from newsgen import article  # noqa: E402

from newsclean import clean_text  # noqa: E402

HEAD = "Harbour Board Approves Ferry Terminal\n"
TAIL = "The work starts in spring and should take two years, the board said on Tuesday.\n"


def _fill(unit: str, size: int) -> str:
    return unit * (size // len(unit))


def shapes() -> dict[str, str]:
    caps = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 2)[:28]
    return {
        "1 MB, one paragraph": article(1_000_000, seed=1, one_paragraph=True),
        "1 MB, paragraphs": article(1_000_000, seed=1),
        "1 MB, one paragraph pasted twice with an edit": _pasted_twice(500_000),
        "28 capitals before Σ": HEAD + f"“We will build it,” said MSNBC host {caps} Σ.\n" + TAIL,
        "26 initials above a surname": HEAD + "“We will build it,” Papadopoulos said.\n"
        + "M. " * 26 + "Σ\nPapadopoulos said the board would meet again in May.\n",
        "200 KB alternating curly quotes": HEAD + _fill("“a” ", 200_000) + "\n",
        "420 KB pronoun speakers": HEAD + _fill(
            "Anna Berg spoke. “It works,” she said. “Fine,” he said. ", 420_000) + "\n",
        "600-character hyphenated capitals": HEAD + "-".join(["AB"] * 200) + " (x) said.\n",
    }


def _pasted_twice(n: int) -> str:
    body = article(n, seed=9, one_paragraph=True).split("\n", 1)[1].strip()
    words = body.split(" ")
    words[3], words[-4] = "harbours", "quays"
    return "Title of the Story\n" + body + "\n" + " ".join(words) + "\n"


class _Late(BaseException):
    pass


def _timed(text: str, limit: float) -> float | None:
    def stop(signum: int, frame: object) -> None:
        raise _Late

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0 = time.process_time()
    try:
        clean_text(text)
        return time.process_time() - t0
    except _Late:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=float, default=120.0)
    args = ap.parse_args()
    clean_text("Warm Up\n“It works,” the chair, Anna Berg, said.\n")
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip()
    print(f"# Stalling shapes — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, git {rev}\n")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load {os.getloadavg()[0]:.1f}\n")
    print("| record | characters | CPU s (min of rounds) | s per MB |")
    print("|---|---:|---:|---:|")
    for name, text in shapes().items():
        best: float | None = None
        for _ in range(args.rounds):
            t = _timed(text, args.limit)
            if t is None:
                best = None
                break
            best = t if best is None else min(best, t)
        shown = f"> {args.limit:g}" if best is None else f"{best:.3f}"
        per_mb = "" if best is None else f"{best / (len(text) / 1e6):.2f}"
        print(f"| {name} | {len(text):,} | {shown} | {per_mb} |", flush=True)


if __name__ == "__main__":
    main()
