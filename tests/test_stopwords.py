"""The stop-list vote from the compact index (hashes and a bit matrix) names the same list as a
vote over the lists themselves, and English, the common case, needs no vote."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import justext

from newsclean.line_model import stopwords
from newsclean.line_model.stopwords import ENGLISH_SHARE, MIN_HITS, stoplist_for

FIXTURES = Path(__file__).parent / "fixtures"
NAMES = sorted(justext.get_stoplists())
LISTS = [frozenset(justext.get_stoplist(n)) for n in NAMES]
EN = LISTS[NAMES.index("English")]


def reference(tokens: list[str]) -> frozenset[str]:
    """The vote written plainly over the lists as sets: the first list with the most hits."""
    sample = tokens[:400]
    if sample and sum(t in EN for t in sample) >= ENGLISH_SHARE * len(sample):
        return EN
    counts = Counter(tokens)
    hits = [sum(c for w, c in counts.items() if w in lst) for lst in LISTS]
    best = max(range(len(LISTS)), key=lambda j: (hits[j], -j))
    return EN if hits[best] < MIN_HITS else LISTS[best]


def _samples() -> list[list[str]]:
    rng = random.Random(5)
    out: list[list[str]] = [[], ["zzqx"] * 50, ["the"] * 3 + ["zzqx"] * 40]
    for p in sorted((FIXTURES / "records").glob("*.txt")) + [FIXTURES / "pages" / "harbour-page.txt"]:
        out.append(re.findall(r"\w+", p.read_text("utf-8").lower()))
    for name in ("German", "French", "Polish", "Swahili", "Czech", "Slovak", "Norwegian_Bokmal",
                 "Norwegian_Nynorsk", "Indonesian", "Malay", "Serbian", "Croatian"):
        if name not in NAMES:
            continue
        words = sorted(LISTS[NAMES.index(name)])
        for n in (3, 30, 300):  # few stop words (below MIN_HITS, English decides) to many
            toks = rng.choices(words, k=n) + [f"x{rng.randrange(10**6)}" for _ in range(n)]
            rng.shuffle(toks)
            out.append(toks)
    for _ in range(30):  # mixtures of lists, with ties likely between close languages
        picks = rng.sample(range(len(LISTS)), 3)
        toks = [w for j in picks for w in rng.sample(sorted(LISTS[j]), min(20, len(LISTS[j])))]
        out.append(toks)
    return out


def test_vote_equals_the_plain_vote_over_the_lists() -> None:
    samples = _samples()
    got = [stoplist_for(t) for t in samples]
    assert got == [reference(t) for t in samples]
    # not all English: the samples exercise the vote and its winners
    assert len({NAMES[LISTS.index(g)] for g in got}) > 10


def test_english_needs_no_vote_and_other_languages_win_theirs() -> None:
    text = (FIXTURES / "pages" / "harbour-page.txt").read_text("utf-8").lower()
    assert stoplist_for(re.findall(r"\w+", text)) is stopwords._index().english
    german = sorted(LISTS[NAMES.index("German")])[:200]
    assert stoplist_for(german) == LISTS[NAMES.index("German")]
    assert stoplist_for(german) is stoplist_for(german)  # built once, when it first wins
    assert stoplist_for(["qqq"] * 100) == EN  # no stop word at all: English


def test_word_hash_is_the_same_in_every_process() -> None:
    # (unlike Python's `hash`, salted per process: the vote must not depend on the process)
    words = ["the", "und", "ünd", "日本"]
    code = "from newsclean.line_model.stopwords import word_hash; print([word_hash(w) for w in %r])"
    runs = {
        subprocess.run([sys.executable, "-c", code % words], capture_output=True, text=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout.strip()
        for seed in ("1", "2")
    }
    assert runs == {str([stopwords.word_hash(w) for w in words])}
    assert len({stopwords.word_hash(w) for w in words}) == len(words)


def test_english_records_never_build_the_vote_index() -> None:
    # (the index of all lists costs a worker half a second and 10 MB: only a vote builds it)
    code = ("import sys\nfrom newsclean.line_model import stopwords as s\n"
            "s.stoplist_for(sys.argv[1].split())\nprint(s._INDEX.hashes is None)")
    english = (FIXTURES / "pages" / "harbour-page.txt").read_text("utf-8").lower()
    german = " ".join(sorted(LISTS[NAMES.index("German")])[:200])
    got = [subprocess.run([sys.executable, "-c", code, text], capture_output=True, text=True,
                          check=True).stdout.strip() for text in (english, german)]
    assert got == ["True", "False"]


def test_a_stop_list_by_its_language_code_and_none_without_one() -> None:
    from newsclean.line_model.stopwords import english_stops, stoplist_of

    assert stoplist_of("en") is english_stops()
    french = stoplist_of("fr")
    assert french is not None and {"le", "la", "les", "et"} <= french and french != english_stops()
    assert stoplist_of("zz") is None and stoplist_of(None) is None


def test_every_language_code_names_one_of_justexts_lists() -> None:
    # a list renamed or dropped by a jusText release would raise at a record's end, not here
    from newsclean.line_model.stopwords import _NAMES, stoplist_of

    for code in _NAMES:
        got = stoplist_of(code)
        assert got is not None and len(got) >= 10, code
