"""Stop words by language, and the language whose stop words a record's text uses most.

jusText's stop lists (100 languages, shipped in its wheel; jusText itself reads page text by
stop-word density).  A record's language for this purpose is voted by its words: each word
counts for every list it is in, and the list with the most hits wins.  Loaded once per
process, on first use.
"""

from __future__ import annotations

import threading
from collections import Counter

import numpy as np

_LOCK = threading.Lock()
_INDEX: tuple[dict[str, int], np.ndarray, list[frozenset[str]]] | None = None
MIN_HITS = 5  # fewer stop words than this: no language to speak of, the union decides


def _index() -> tuple[dict[str, int], np.ndarray, list[frozenset[str]]]:
    """word -> row; rows x languages membership, as bits (a byte holds eight languages: 2 MB
    for 180,000 words); the lists themselves."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                import justext

                names = sorted(justext.get_stoplists())
                lists = [frozenset(justext.get_stoplist(n)) for n in names]
                words = sorted(set().union(*lists))
                row = {w: i for i, w in enumerate(words)}
                member = np.zeros((len(words), (len(lists) + 7) // 8), dtype=np.uint8)
                for j, lst in enumerate(lists):
                    member[[row[w] for w in lst], j // 8] |= np.uint8(0x80 >> (j % 8))
                _INDEX = (row, member, lists)
    return _INDEX


ENGLISH_SHARE = 0.25  # English stop words are this share of a sample of English text, at least


def stoplist_for(tokens: list[str]) -> frozenset[str]:
    """The stop list of the language the tokens (lower-cased words) are most likely in."""
    row, member, lists = _index()
    # (most records are English: when English stop words abound in a sample, no vote)
    en = lists[_english(lists)]
    sample = tokens[:400]
    if sample and sum(1 for t in sample if t in en) >= ENGLISH_SHARE * len(sample):
        return en
    counts = Counter(tokens)
    rows = [row[w] for w in counts if w in row]
    if not rows:
        return lists[_english(lists)]
    weights = np.fromiter((counts[w] for w in counts if w in row), dtype=np.float32, count=len(rows))
    hits = weights @ np.unpackbits(member[rows], axis=1)[:, : len(lists)].astype(np.float32)
    best = int(np.argmax(hits))
    if hits[best] < MIN_HITS:
        return lists[_english(lists)]
    return lists[best]


_EN: int | None = None


def _english(lists: list[frozenset[str]]) -> int:
    global _EN
    if _EN is None:
        import justext

        _EN = sorted(justext.get_stoplists()).index("English")
    return _EN
