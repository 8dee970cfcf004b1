"""Speaker patterns stay linear (issue 13): inputs that made the name patterns backtrack
exponentially (> 60 s for a 660-byte article) must finish at once.

Each case runs in a subprocess with a timeout, so a regression fails instead of hanging
the suite; the sizes are far past the point where the old patterns took minutes (their
time grew 16-fold per 4 more capitals)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsclean.enrich.quotes import find_quotations

CAPS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 4  # 104 capitals: one "word"

CASES = {
    "capitals before a Greek capital": (
        "The network defended the segment on Tuesday.\n"
        f"“We stand by our reporting and our people,” said MSNBC host {CAPS[:60]} Σ.\n"
    ),
    "capitals in a noun phrase subject": (
        f"“We will not sign this agreement,” the spokesman for {CAPS[:60]} Σ said.\n"
    ),
    "capitals before a Greek surname": (
        f"“We will not sign this agreement today,” said {CAPS[:60]} Παπαδόπουλος.\n"
        f"“Never,” {CAPS[:60]} Παπαδόπουλος added.\n"
    ),
    "capitals before a Cyrillic surname": (
        f"“We will not sign this agreement today,” said {CAPS[:60]} Иванов.\n"
    ),
    "a line of initials above a surname": (
        "M. " * 60 + "Σ\nSmith said “we will not sign this agreement today.”\n"
        "“Never,” he said.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_names_finish_quickly(name: str) -> None:
    code = (
        "import sys; from newsclean.enrich.quotes import find_quotations; "
        "find_quotations(sys.stdin.read())"
    )
    # The old patterns needed 2**60 steps here: any timeout is a hang.
    subprocess.run([sys.executable, "-c", code], input=CASES[name], text=True, check=True,
                   timeout=30)


_GROWTH = """
import sys, time
from newsclean.enrich.quotes import find_quotations

def cpu(n):
    text = "M. " * n + "Σ\\nSmith said “we will not sign this agreement today.”\\n"
    t0 = time.process_time()
    for _ in range(3):
        find_quotations(text)
    return time.process_time() - t0

print(cpu(2_000), cpu(16_000))
"""


def test_time_grows_linearly_with_a_run_of_initials() -> None:
    out = subprocess.run([sys.executable, "-c", _GROWTH], text=True, check=True,
                         capture_output=True, timeout=60).stdout
    small, large = map(float, out.split())
    # 8 times the input: linear work takes ~8 times as long; allow noise, not n**2 (64x).
    assert large < 30 * max(small, 1e-3)


def test_still_reads_names_after_initials() -> None:
    text = "John R. Smith spoke on Monday.\n“We will not sign this agreement,” Smith said."
    assert [q.speaker for q in find_quotations(text)] == ["John R. Smith"]


_MARKS_GROWTH = """
import sys, time
from newsclean.enrich.quotes import find_quotations

def cpu(n):
    # one long paragraph: unclosed straight marks, nested curly quotations, pronouns
    text = ('He said "maybe and “a “b” c” then, it said. ' * n) + "The end.\\n"
    t0 = time.process_time()
    find_quotations(text)
    return time.process_time() - t0

print(cpu(500), cpu(4_000))
"""


def test_time_grows_linearly_with_marks_in_one_paragraph() -> None:
    out = subprocess.run([sys.executable, "-c", _MARKS_GROWTH], text=True, check=True,
                         capture_output=True, timeout=120).stdout
    small, large = map(float, out.split())
    assert large < 30 * max(small, 1e-3)  # 8 times the input; quadratic would be 64x


_PEOPLE_GROWTH = """
import itertools, string, time
from newsclean.enrich.quotes import find_quotations

names = ["".join(p) for p in itertools.product(string.ascii_lowercase, repeat=3)]

def cpu(n, shape):
    text = "".join(shape.format(names[i]) for i in range(n))
    t0 = time.process_time()
    find_quotations(text)
    return time.process_time() - t0

for shape in ("“We left after the long talks were over,” said Jim Q{}son.\\\\n",
              "Q{}son was angry and left the room “after the long talks were over.”\\\\n"):
    print(cpu(1_000, shape), cpu(8_000, shape))
"""


def test_time_grows_linearly_with_many_people() -> None:
    # thousands of quotations, each by another person: every surname looked up in the
    # whole text (or every one-word subject checked against it) was quadratic
    out = subprocess.run([sys.executable, "-c", _PEOPLE_GROWTH], text=True, check=True,
                         capture_output=True, timeout=120).stdout
    for line in out.splitlines():
        small, large = map(float, line.split())
        assert large < 30 * max(small, 1e-3)  # 8 times the input; quadratic would be 64x


def test_surname_index_gives_the_same_full_names() -> None:
    # past the first few dozen surnames an article's words are indexed once: same answers
    import newsclean.enrich.speakers as speakers_mod

    text = (
        "Mark Rutte met Friedrich Merz in Berlin.\n"
        "“We never agreed to that,” Rutte said.\n“Nor did we,” said Merz.\n"
    )
    want = [q.speaker for q in find_quotations(text)]
    saved = speakers_mod._FIND_SURNAMES
    try:
        speakers_mod._FIND_SURNAMES = 0
        assert [q.speaker for q in find_quotations(text)] == want == ["Mark Rutte",
                                                                       "Friedrich Merz"]
    finally:
        speakers_mod._FIND_SURNAMES = saved


_KINDS_GROWTH = """
import time
from newsclean.enrich.quotes import find_quotations

def cpu(n, shape):
    text = shape * n + "The end.\\\\n"
    t0 = time.process_time()
    find_quotations(text)
    return time.process_time() - t0

# one long paragraph without a sentence end: `it` looks back for its sentence's
# organisation, role words run before names, lone surnames before long phrases
for shape in ("the Water Authority on Friday condemned what it called “a plain danger” and ",
              "“We are done,” lead researcher and ESA geologist Ilse Vandermeer said and ",
              "Okoro, speaking at a rally in Philadelphia, urged what he called “a dark vision” "):
    print(cpu(500, shape), cpu(4_000, shape))
"""


def test_time_grows_linearly_with_the_construction_kinds_of_issue_16() -> None:
    out = subprocess.run([sys.executable, "-c", _KINDS_GROWTH], text=True, check=True,
                         capture_output=True, timeout=180).stdout
    for line in out.splitlines():
        small, large = map(float, line.split())
        assert large < 30 * max(small, 1e-3)  # 8 times the input; quadratic would be 64x
