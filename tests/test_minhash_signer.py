"""The numpy MinHash of dedup.Signer gives datasketch's hash values bit for bit (stored
signatures and clusters depend on it), and the shingle hashes are the k-grams inside lines."""

from __future__ import annotations

import random
import zlib

import numpy as np
import pytest
from datasketch import MinHash

from newsclean.signature import (
    _MIX,
    SCHEME,
    DedupParams,
    Signer,
    minhash_permutations,
    minhash_values,
    shingle_hashes,
)

PARAGRAPHS = [
    "The ferry operator said on Monday that the late sailings to the outer islands would be "
    "restored in June, after a winter in which crews were short and two vessels were in repair.",
    "Residents of the islands had asked for the evening route to return before the tourist "
    "season, when hotels and restaurants depend on workers who commute from the mainland.",
    "A spokesperson for the operator said a third vessel had been leased from a company in the "
    "north and would join the fleet once its crew had trained on the harbour's narrow approach.",
    "Fares will stay at last year's level, though the operator warned that fuel costs could "
    "force a review in the autumn if prices keep rising at the rate seen since January.",
]


def _datasketch(hashes: np.ndarray, num_perm: int = 128, seed: int = 1) -> np.ndarray:
    mh = MinHash(num_perm=num_perm, seed=seed, hashfunc=int, scheme=SCHEME)
    mh.update_batch(hashes.tolist())
    return mh.hashvalues


def _article(rng: random.Random) -> str:
    paras = PARAGRAPHS[:]
    rng.shuffle(paras)
    cut = rng.randint(1, len(paras))
    return "\n".join(["Ferry Sailings Return", "Home | News | Sport", *paras[:cut], "Share"])


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7), (256, 42)])
def test_permutations_are_datasketchs(num_perm: int, seed: int) -> None:
    ours = minhash_permutations(num_perm, seed)
    theirs = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    assert ours.dtype == np.uint32 and ours.shape == (2, num_perm)
    assert np.array_equal(ours, theirs)
    assert np.all(ours[0] & 1 == 1)  # odd multipliers: each permutation is a bijection


def test_a_different_seed_gives_different_permutations() -> None:
    assert not np.array_equal(minhash_permutations(128, 1), minhash_permutations(128, 2))


def test_signatures_of_invented_articles_equal_datasketchs() -> None:
    rng = random.Random(3)
    signer = Signer()
    for _ in range(20):
        text = _article(rng)
        sig = signer.sign(text)
        shingles = shingle_hashes(signer.core_lines(text), signer.params.shingle_words)
        assert sig.size == len(shingles) > 0
        assert sig.hashvalues.dtype == np.uint32
        assert np.array_equal(sig.hashvalues, _datasketch(shingles))


@pytest.mark.parametrize("n", [1, 2, 2047, 2048, 2049, 5000])
def test_minhash_values_equal_datasketchs_across_chunk_edges(n: int) -> None:
    hashes = np.random.default_rng(n).integers(0, 1 << 32, n, dtype=np.uint64).astype(np.uint32)
    perms = minhash_permutations(128, 1)
    assert np.array_equal(minhash_values(hashes, perms), _datasketch(hashes))


def test_minhash_values_tell_different_sets_apart_and_ignore_order() -> None:
    rng = np.random.default_rng(5)
    a = rng.integers(0, 1 << 32, 300, dtype=np.uint64).astype(np.uint32)
    b = rng.integers(0, 1 << 32, 300, dtype=np.uint64).astype(np.uint32)
    perms = minhash_permutations(128, 1)
    assert np.array_equal(minhash_values(a, perms), minhash_values(a[::-1].copy(), perms))
    assert np.count_nonzero(minhash_values(a, perms) == minhash_values(b, perms)) < 10
    # the caller's array is not changed
    kept = a.copy()
    minhash_values(a, perms)
    assert np.array_equal(a, kept)


def _reference_shingles(lines: list[list[str]], k: int) -> list[int]:
    out = set()
    for ws in lines:
        grams = [ws[i:i + k] for i in range(len(ws) - k + 1)] if len(ws) >= k else [ws] if ws else []
        for g in grams:
            h = sum(zlib.crc32(w.encode("utf-8")) * int(_MIX[j]) for j, w in enumerate(g))
            h &= (1 << 64) - 1
            out.add(((h >> 32) ^ h) & 0xFFFFFFFF)
    return sorted(out)


def test_shingle_hashes_are_the_kgrams_inside_each_line() -> None:
    lines = [
        "the late sailings to the outer islands would be restored in june".split(),
        [],
        "crews were short".split(),  # shorter than k: one shingle
        "the late sailings to the outer islands".split(),  # k-grams already seen: counted once
        "fares will stay at last year's level".split(),
    ]
    got = shingle_hashes(lines, 5)
    assert got.dtype == np.uint32
    assert got.tolist() == _reference_shingles(lines, 5)
    assert len(got) == 8 + 1 + 0 + 3  # 12, 3, 7 and 7 words; the repeated line adds nothing


def test_no_shingle_crosses_a_line_end() -> None:
    one = "a b c d e f g h".split()
    split = [one[:4], one[4:]]  # two short lines: a shingle each, none spanning both
    assert len(shingle_hashes([one], 5)) == 4
    assert shingle_hashes(split, 5).tolist() == _reference_shingles(split, 5)
    assert not set(shingle_hashes(split, 5).tolist()) & set(shingle_hashes([one], 5).tolist())


def test_empty_text_has_an_empty_signature() -> None:
    sig = Signer(DedupParams()).sign("")
    assert sig.empty and sig.exact == b"" and len(sig.hashvalues) == 0


@pytest.mark.parametrize("num_perm", [32, 128, 256])
def test_lsh_bands_are_datasketchs_choice(num_perm: int) -> None:
    from datasketch import MinHashLSH

    from newsclean.corpus.dedup import _BANDS, lsh_bands

    for threshold in (0.1, 0.25, 0.4, 0.5, 0.7, 0.9):
        _BANDS.clear()
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert lsh_bands(DedupParams(num_perm=num_perm, lsh_threshold=threshold)) == (lsh.b, lsh.r)


def test_a_higher_threshold_takes_longer_bands() -> None:
    from newsclean.corpus.dedup import lsh_bands

    b_lo, r_lo = lsh_bands(DedupParams(lsh_threshold=0.3))
    b_hi, r_hi = lsh_bands(DedupParams(lsh_threshold=0.7))
    assert r_hi > r_lo and b_hi < b_lo
    assert b_hi * r_hi <= 128 and b_lo * r_lo <= 128
