"""Every stage is linear in the record's size, up to 1 MB records (issue 13).

Each test times one stage on inputs of 1x, 2x, 4x and 8x a size (or on names of growing
length) and fails when the time grows clearly faster than the input (tests/growth.py: ratios
of timings of the same function, never absolute times).  The inputs are the shapes that
were quadratic or exponential: one long paragraph, dense quotations, pronoun speakers,
capital runs before a non-Latin capital, a line of initials above a speaker's surname.
"""

from __future__ import annotations

import json

import pytest
from growth import check_linear
from newsgen import article

from newsclean.apply import restore
from newsclean.corpus.dedup import DedupParams, Signer
from newsclean.corpus.learned_boilerplate import BoilerplateLearner
from newsclean.enrich.language import detect_language
from newsclean.enrich.quotes import find_quotations
from newsclean.model import Record, Removed
from newsclean.pipeline import clean_record, clean_text
from newsclean.readers.jsonl import parse_line
from newsclean.readers.options import ReadOptions

KB = 1024


def doubling(n: int) -> list[int]:
    return [n, 2 * n, 4 * n, 8 * n]


def fill(unit, size: int) -> str:
    """Units (unit(i) -> str) joined up to `size` characters."""
    out, n, i = [], 0, 0
    while n < size:
        u = unit(i)
        out.append(u)
        n += len(u)
        i += 1
    return "".join(out)


def clean(text: str):
    return clean_record(Record("growth", text, "growth"))


# -- the whole record ------------------------------------------------------------------


@pytest.mark.parametrize("one_paragraph", [True, False], ids=["one paragraph", "paragraphs"])
def test_cleaning_an_article_is_linear_up_to_1_mb(one_paragraph):
    check_linear(clean, lambda n: article(n, seed=11, one_paragraph=one_paragraph),
                 doubling(128 * KB))


SHAPES = {
    "short lines": lambda n: "Site Menu\n" + fill(lambda i: f"Item {i} of the list\n", n),
    "dash and initial runs": lambda n: "Title\n" + fill(lambda i: ". - M. x, -- 11 ", n) + "!\n",
    "repeated body": lambda n: fill(lambda i: article(4 * KB, seed=i % 3), n),
    "one long line": lambda n: "Title\n" + "word " * (n // 5) + "\n",
    "markup": lambda n: "Title\n" + fill(lambda i: f'<a href="/x/{i}"> “quote {i}” </a> ', n),
    "one paragraph pasted twice, edited": lambda n: pasted_twice(n // 2),
    # every other paragraph of the copy edited: the copied-stretch walk and its comparisons
    "a body printed twice, edited": lambda n: body_twice_edited(n // 2),
    # a list of entries printed twice, short lines of the copy edited: each gap between found
    # copies matched against its original's (a template's recurring field has many places)
    "a list printed twice, edited": lambda n: list_twice_edited(n // 2),
    # the walk up from a record's end past credits, teasers and author boxes
    "a tail of credits and teasers": lambda n: credits_tail(n),
    # a first line of widget labels glued together before the sentence: the walk through
    # the row stops within a glued pitch's length
    "a row of glued widget labels": lambda n: "Harbour ferry to run all winter\n" + "Share" * (n // 5)
    + "The ferry between the old town and the island will run through the winter.\n"
    + "The council will review the passenger numbers in April, the port authority said.\n",
    # consent notices and their buttons above the article: each line walked once
    "consent notices with buttons": lambda n: "A headline over consent forms\n" + fill(
        lambda i: f"We use cookies to measure traffic, notice {i}.\nAccept all\n", n
    ) + article(4 * KB, seed=7),
}


def credits_tail(n: int) -> str:
    """A short article under a menu, then a long tail that alternates dates, teaser
    headlines and author boxes (each a name over a sentence opening on it)."""
    units = [
        lambda i: f"March {i % 28 + 1}, 2025\n",
        lambda i: f"Ten Ways to Plan a Garden Number {i}\n",
        lambda i: f"Ana Ruiz\nAna Ruiz writes about gardens and rail for us, item {i}.\n",
    ]
    return ("Home | News | Sport | Weather\n" + article(4 * KB, seed=5)
            + "\n" + fill(lambda i: units[i % 3](i), n))


def body_twice_edited(n: int) -> str:
    """An article and its copy with a word changed and a comma dropped in every other
    paragraph (the copy compared line by line with the original's stretch)."""
    body = article(n, seed=3).split("\n")
    copy = []
    for i, p in enumerate(body):
        words = p.split(" ")
        if len(words) > 10 and i % 2:
            words[len(words) // 2] = "several"
            p = " ".join(words).replace(", ", " ", 1)
        copy.append(p)
    return "\n".join(body + copy)


def list_twice_edited(n: int) -> str:
    """A guide's entries (a numbered heading, a recurring field, a sentence) and their copy
    with every other heading's first word dropped."""
    entries = fill(lambda i: f"{i}. Check the valve number {i} on the pump\nPlan to spend: $10\n"
                   f"Turn the valve {i} a quarter to the left and wait for the gauge to settle.\n", n)
    lines = entries.rstrip("\n").split("\n")
    copy = [ln.replace(" Check the", " the") if k % 6 == 0 else ln for k, ln in enumerate(lines)]
    return "A guide to the pump\n" + "\n".join(lines + copy) + "\n"


def pasted_twice(n: int) -> str:
    """A one-paragraph article and its copy with a word changed near each end: an edited
    copy, compared word by word (difflib took 90 s at 1 MB)."""
    body = article(n, seed=9, one_paragraph=True).split("\n", 1)[1].strip()
    words = body.split(" ")
    words[3], words[-4] = "harbours", "quays"
    return "Title of the Story\n" + body + "\n" + " ".join(words) + "\n"


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_detectors_resolve_and_apply_are_linear(shape):
    make = SHAPES[shape]
    check_linear(lambda t: clean_record(Record("g", t, "g"), enrich=False), make,
                 doubling(128 * KB), floor=2e-3)


def test_restore_is_linear():
    # every other line of an article removed: one span per line, thousands of them (a record
    # cleaned whole gives too few spans to time the walk over them)
    def make(n: int) -> tuple[str, str, list[Removed]]:
        record = article(n, seed=5)
        kept: list[str] = []
        removed: list[Removed] = []
        at = 0
        for i, line in enumerate(record.splitlines(keepends=True)):
            if i % 2:
                removed.append(Removed(at, at + len(line), "boilerplate", "growth", line))
            else:
                kept.append(line)
            at += len(line)
        return record, "".join(kept), removed

    record, kept, removed = make(64 * KB)
    assert len(removed) > 100 and restore(kept, removed) == record
    check_linear(lambda x: restore(x[1], x[2]), make, doubling(256 * KB))


def test_reading_a_jsonl_record_is_linear():
    def make(n: int) -> bytes:
        return json.dumps({"id": "x", "url": "https://x.example/a",
                           "text": article(n, seed=2)}).encode()

    check_linear(lambda raw: parse_line(raw, "feed.jsonl", 1, ReadOptions()), make,
                 doubling(1024 * KB))


def test_corpus_signature_and_learning_are_linear():
    signer = Signer(DedupParams())

    def corpus_steps(text: str) -> None:
        signer.sign(text)
        learner = BoilerplateLearner()
        rec = Record("g", text, "g", {"site": "harbour.example"})
        learner.add(rec, clean_record(rec, enrich=False))

    check_linear(corpus_steps, lambda n: article(n, seed=8), doubling(128 * KB))


# -- enrichment: language, quotations, speakers ------------------------------------------


def test_language_detection_is_linear():
    check_linear(detect_language, lambda n: article(n, seed=4, one_paragraph=True),
                 doubling(128 * KB))


QUOTE_SHAPES = {
    # the 200 KB of alternating curly quotes (7 s), 420 KB of pronouns (23 s)
    "alternating curly quotes": lambda n: fill(lambda i: "“a” ", n),
    "pronoun speakers": lambda n: fill(
        lambda i: f"Anna Berg{i % 50} spoke. “It works,” she said. “Fine,” he said. ", n),
    "unclosed marks": lambda n: "He said " + fill(lambda i: "“a ", n) + "”",
    "apostrophes": lambda n: "He said " + fill(lambda i: "‘a it’s ", n),
    "straight quotes": lambda n: fill(lambda i: '"a" b ', n),
    "tags": lambda n: fill(lambda i: "< “a” ", n),
    # found by make fuzz: 0.7 MB of marks, with a kind found only in the next paragraph: 7 s
    "marks of other kinds": lambda n: fill(lambda i: "a» b‚c‘d ", n) + "\n“Berg said so.”",
    "colon introductions": lambda n: fill(
        lambda i: f"Berg{i % 40} made the following comment:\n“We will see.”\n", n),
    "one paragraph": lambda n: article(n, seed=6, one_paragraph=True),
}


@pytest.mark.parametrize("shape", sorted(QUOTE_SHAPES))
def test_quotations_are_linear(shape):
    check_linear(find_quotations, QUOTE_SHAPES[shape], doubling(32 * KB))


HEAD = "Harbour Board Approves Ferry Terminal\n"
TAIL = "The work starts in spring and should take two years, the board said on Tuesday.\n"


@pytest.mark.parametrize("surname", ["Σ", "Жуков", "Ωmega"])
def test_a_capital_run_before_a_non_latin_name_is_linear(surname):
    # "…said MSNBC host ABCDEFGHIJKLMNOPQRSTUVWXYZABCD Σ." took over 60 s
    def make(n: int) -> str:
        name = ("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 4)[:n]
        return HEAD + f"“We will build it this year,” said MSNBC host {name} {surname}.\n" + TAIL

    check_linear(clean_text, make, [10, 20, 40, 80], floor=1e-3)


def test_a_line_of_initials_above_a_surname_is_linear():
    # 26 initials ("M. M. … Σ") above a line opening with the speaker's surname took 32 s
    def make(n: int) -> str:
        return (HEAD + "“We will build it this year,” Papadopoulos said on Tuesday.\n"
                + "M. " * n + "Σ\n" + "Papadopoulos said the board would meet again in May.\n")

    check_linear(clean_text, make, [6, 12, 24, 26], floor=1e-3)


def test_a_hyphenated_capital_run_before_a_bracket_is_linear():
    # a first paragraph opening "AB-AB-…-AB (x" took 3 s at 300 characters, 44 s at 600
    def make(n: int) -> str:
        return HEAD + "-".join(["AB"] * n) + " (x) the harbour board met on Tuesday.\n" + TAIL

    check_linear(clean_text, make, [20, 40, 80, 160], floor=1e-3)
