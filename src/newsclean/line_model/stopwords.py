"""Stop words by language, and the language whose stop words a record's text uses most.

jusText's stop lists (100 languages, shipped in its wheel; jusText itself reads page text by
stop-word density).  A record's language for this purpose is voted by its words: each word
counts for every list it is in, and the list with the most hits wins.

Kept small, as every worker holds it: English, the list most records use, as a set; for the
vote, the 154,000 distinct words of all lists only as sorted 64-bit hashes (stable ones,
blake2b: the same in every process) beside a bit matrix of which lists hold each (3 MB in
all, where sets of the words took 40 MB); a language's own set is built when it first wins
a vote.  English loads on first use, the vote's index at the first vote (a run of English
records never builds it: half a second and 10 MB a worker saved).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from hashlib import blake2b

import numpy as np

MIN_HITS = 5  # fewer stop words than this: no language to speak of, English decides
ENGLISH_SHARE = 0.25  # English stop words are this share of a sample of English text, at least


def word_hash(word: str) -> int:
    """A word's 64-bit hash, the same in every process (unlike `hash`)."""
    return int.from_bytes(blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


# The vote looks up every distinct word of a record not in English (a hash, a binary search
# in the 154,000 hashes), and a language's records share most of their words: where each word
# seen was found (its row of the bit matrix, -1 for none), kept up to a bound (a dict lookup
# is a tenth of the hash and search; ~10 MB at the bound, then it starts afresh).
_SEEN_MAX = 100_000
_row_of: dict[str, int] = {}


def _rows(words: list[str], hashes: np.ndarray) -> np.ndarray:
    """Each word's row in the vote's index (`hashes`), -1 where no list holds it."""
    global _row_of
    known = _row_of
    if len(known) > _SEEN_MAX:
        known = _row_of = {}
    get = known.get
    rows = [get(w, -2) for w in words]  # (-2: not seen yet)
    miss = [i for i, r in enumerate(rows) if r == -2]
    if miss:
        h = np.fromiter((word_hash(words[i]) for i in miss), dtype=np.uint64, count=len(miss))
        at = np.minimum(np.searchsorted(hashes, h), len(hashes) - 1)
        for i, r in zip(miss, np.where(hashes[at] == h, at, -1).tolist(), strict=True):
            rows[i] = known[words[i]] = r
    return np.array(rows, dtype=np.intp)


@dataclass(slots=True)
class _Index:
    names: list[str]  # the languages, sorted (ties go to the first)
    english: frozenset[str]
    lists: dict[int, frozenset[str]] = field(default_factory=dict)  # the languages that won
    # for the vote, built at the first: each word of any list as its hash, sorted (uint64);
    # words x ceil(languages / 8) bits (uint8): bit j of a row, the word is in list j
    hashes: np.ndarray | None = None
    member: np.ndarray | None = None


_LOCK = threading.Lock()
_INDEX: _Index | None = None


def _index() -> _Index:
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                import justext

                names = sorted(justext.get_stoplists())
                index = _Index(names, frozenset(justext.get_stoplist("English")))
                index.lists[names.index("English")] = index.english
                _INDEX = index
    return _INDEX


def _vote_index(index: _Index) -> tuple[np.ndarray, np.ndarray]:
    if index.hashes is None or index.member is None:
        with _LOCK:
            if index.hashes is None or index.member is None:
                import justext

                # one list at a time, as hashes: the words of all lists are never held at once
                per = [
                    np.fromiter((word_hash(w) for w in justext.get_stoplist(n)), dtype=np.uint64)
                    for n in index.names
                ]
                hashes = np.unique(np.concatenate(per))
                member = np.zeros((len(hashes), (len(per) + 7) // 8), dtype=np.uint8)
                for j, h in enumerate(per):
                    member[np.searchsorted(hashes, h), j // 8] |= np.uint8(0x80 >> (j % 8))
                index.member = member
                index.hashes = hashes
    return index.hashes, index.member


def _list(index: _Index, j: int) -> frozenset[str]:
    got = index.lists.get(j)
    if got is None:
        import justext

        with _LOCK:
            got = index.lists.setdefault(j, frozenset(justext.get_stoplist(index.names[j])))
    return got


# py3langid's codes of the languages jusText has a list for (the enrichment's language codes)
_NAMES: dict[str, str] = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese", "hy": "Armenian",
    "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian", "bn": "Bengali", "bs": "Bosnian",
    "br": "Breton", "bg": "Bulgarian", "ca": "Catalan", "hr": "Croatian", "cs": "Czech",
    "da": "Danish", "nl": "Dutch", "en": "English", "eo": "Esperanto", "et": "Estonian",
    "fi": "Finnish", "fr": "French", "gl": "Galician", "ka": "Georgian", "de": "German",
    "el": "Greek", "gu": "Gujarati", "ht": "Haitian", "he": "Hebrew", "hi": "Hindi",
    "hu": "Hungarian", "is": "Icelandic", "id": "Indonesian", "ga": "Irish", "it": "Italian",
    "jv": "Javanese", "kn": "Kannada", "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish",
    "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian", "lt": "Lithuanian", "lb": "Luxembourgish",
    "mk": "Macedonian", "ms": "Malay", "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi",
    "ne": "Nepali", "nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal",
    "nn": "Norwegian_Nynorsk", "oc": "Occitan", "fa": "Persian", "pl": "Polish",
    "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian", "ru": "Russian", "sr": "Serbian",
    "sk": "Slovak", "sl": "Slovenian", "es": "Spanish", "sw": "Swahili", "sv": "Swedish",
    "tl": "Tagalog", "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon", "cy": "Welsh",
    "pa": "Western_Panjabi",
}


def stoplist_of(code: str | None) -> frozenset[str] | None:
    """The stop list of a language by its ISO 639-1 code (py3langid's), None without one.
    (Read alone, without the vote's index of every list.)"""
    name = _NAMES.get(code or "")
    if name is None:
        return None
    index = _index()
    return _list(index, index.names.index(name))


def english_stops() -> frozenset[str]:
    """English's stop list (the list most records use)."""
    return _index().english


def stoplist_for(tokens: list[str]) -> frozenset[str]:
    """The stop list of the language the tokens (lower-cased words) are most likely in."""
    index = _index()
    # (most records are English: when English stop words abound in a sample, no vote)
    en = index.english
    sample = tokens[:400]
    if sample and sum(map(en.__contains__, sample)) >= ENGLISH_SHARE * len(sample):
        return en
    counts = Counter(tokens)
    if not counts:
        return en
    hashes, member = _vote_index(index)
    rows = _rows(list(counts), hashes)
    found = rows >= 0
    if not found.any():
        return en
    weights = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))[found]
    bits = np.unpackbits(member[rows[found]], axis=1)[:, : len(index.names)]
    hits = weights @ bits.astype(np.float32)
    best = int(np.argmax(hits))
    if hits[best] < MIN_HITS:
        return en
    return _list(index, best)
