"""Dedup signatures of cleaned articles: what corpus.dedup compares, made here.

A module of its own, outside the corpus package, because worker processes sign the articles
they clean (clean_run.Steps.sign) and should load no more than this: numpy and the standard
library (no datasketch, no SciPy, no SQLite).  corpus.dedup re-exports every name; its module
notes say why the signature has the features it has (core lines, 5-word shingles inside
lines, MinHash, anchored lines).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch loads at first use: importing it loads SciPy (45 MB)
    from datasketch import MinHash

from .text_view import normalise

_WORD = re.compile(r"\w+")
SCHEME = "affine32"  # datasketch's default MinHash scheme; stored signatures are uint32


@dataclass(frozen=True, slots=True)
class DedupParams:
    num_perm: int = 128
    seed: int = 1
    shingle_words: int = 5
    prose_words: int = 15  # lines this long make the core
    loose_words: int = 6  # fallback core for stories made of short lines
    min_core: int = 20  # shingles; below this the fallback core is used
    lsh_threshold: float = 0.4
    anchor_words: int = 10
    max_anchors: int = 8
    anchor_cap: int = 64
    strong_containment: float = 0.8  # MinHash alone decides above this
    min_line_share: float = 0.66  # anchored-line test: a clear majority, not half
    weak_containment: float = 0.2  # ... with MinHash not contradicting it
    min_containment: float = 0.5  # documents without anchored lines
    min_shared: float = 10.0

    def to_dict(self) -> dict[str, float | int]:
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


@dataclass(slots=True)
class Signature:
    """What dedup keeps of a document: a few hundred bytes, never the text."""

    exact: bytes  # 16-byte hash of the normalised cleaned text (b"" when there is none)
    size: int  # number of distinct core shingles
    hashvalues: np.ndarray  # uint32[num_perm]; empty when size == 0
    # (head, tail) anchor keys of the first max_anchors core lines: int64[n, 2]
    lines: np.ndarray = field(default_factory=lambda: np.zeros((0, 2), dtype=np.int64))

    @property
    def empty(self) -> bool:
        return self.size == 0

    @property
    def anchors(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(int(x) for x in self.lines.ravel()))


def same_signature(a: Signature, b: Signature) -> bool:
    """Whether two signatures answer every comparison alike (same core, same anchored lines);
    the exact-text hash aside, which is matched on its own."""
    return (
        a.size == b.size
        and np.array_equal(a.hashvalues, b.hashvalues)
        and np.array_equal(a.lines, b.lines)
    )


def _h64(data: bytes) -> int:
    # signed, so that it fits an SQLite INTEGER
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True)


class Signer:
    """Builds Signatures; holds the MinHash permutations so they are made once."""

    def __init__(self, params: DedupParams | None = None) -> None:
        self.params = params or DedupParams()
        self.permutations = minhash_permutations(self.params.num_perm, self.params.seed)

    def core_lines(self, text: str) -> list[list[str]]:
        r"""Word lists of the core lines.  \w+ tokens of the case-folded line: quote and dash
        styles do not change them, so no further folding is needed."""
        p = self.params
        lines = [_WORD.findall(ln) for ln in text.casefold().split("\n")]
        core = [w for w in lines if len(w) >= p.prose_words]
        if _count_shingles(core, p.shingle_words) < p.min_core:
            core = [w for w in lines if len(w) >= p.loose_words]
        return core

    def sign(self, text: str) -> Signature:
        p = self.params
        norm = normalise(text)
        if not norm:
            return Signature(b"", 0, np.zeros(0, dtype=np.uint32))
        exact = hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()
        core = self.core_lines(text)
        shingles = shingle_hashes(core, p.shingle_words)
        if not len(shingles):
            return Signature(exact, 0, np.zeros(0, dtype=np.uint32))
        n = p.anchor_words
        lines = np.array(
            [
                (
                    _h64(b"a" + " ".join(w[:n]).encode("utf-8")),
                    _h64(b"z" + " ".join(w[-n:]).encode("utf-8")),
                )
                for w in core
                if len(w) >= n
            ][: p.max_anchors],
            dtype=np.int64,
        ).reshape(-1, 2)
        return Signature(exact, len(shingles), minhash_values(shingles, self.permutations), lines)

    def minhash(self, hashvalues: np.ndarray) -> MinHash:
        from datasketch import MinHash

        return MinHash(
            seed=self.params.seed,
            hashvalues=hashvalues,
            permutations=self.permutations,
            scheme=SCHEME,
        )


# MinHash as datasketch computes it (scheme "affine32", its default since 2.0), in numpy
# without datasketch: importing datasketch loads SciPy (~45 MB per process), and building a
# datasketch MinHash per document costs more than the arithmetic.  Bit for bit the same values
# (tests compare the two), so stored signatures and clusters do not change.
_FMIX_M1 = np.uint32(0x85EBCA6B)  # MurmurHash3's 32-bit finalizer, datasketch's pre-mix
_FMIX_M2 = np.uint32(0xC2B2AE35)
_CHUNK = 2048  # shingles per step: bounds the (shingles x num_perm) temporary to ~1 MB


def minhash_permutations(num_perm: int, seed: int) -> np.ndarray:
    """uint32[2, num_perm]: (a, b) of h -> a*h + b mod 2**32, drawn as datasketch draws them
    from `seed` (a odd, so each permutation is a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return np.array([a, b])


def minhash_values(hashes: np.ndarray, permutations: np.ndarray) -> np.ndarray:
    """uint32[num_perm]: the MinHash of a set of 32-bit item hashes (datasketch's
    MinHash(hashfunc=int, scheme="affine32").update_batch(hashes).hashvalues)."""
    a, b = permutations
    out = np.full(len(a), 0xFFFFFFFF, dtype=np.uint32)
    hv = np.asarray(hashes, dtype=np.uint32)
    # (uint32 arithmetic wraps: that is the mod 2**32)
    hv = hv ^ (hv >> np.uint32(16))
    hv *= _FMIX_M1
    hv ^= hv >> np.uint32(13)
    hv *= _FMIX_M2
    hv ^= hv >> np.uint32(16)
    for i in range(0, len(hv), _CHUNK):
        phv = hv[i : i + _CHUNK, None] * a
        phv += b
        np.minimum(out, phv.min(axis=0), out=out)
    return out


# Odd 64-bit multipliers combining the k word hashes of a shingle (position-dependent).
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)


def shingle_hashes(lines: list[list[str]], k: int) -> np.ndarray:
    """Distinct 32-bit hashes of the word k-grams inside each line (a line shorter than k
    words is one shingle).  Word hashes are crc32 (stable across processes, unlike hash()),
    combined with numpy over the whole document at once; k-grams that would cross a line
    end are left out, which makes the set blind to paragraph order."""
    if k > len(_MIX):
        raise ValueError(f"shingle_words must be at most {len(_MIX)}")
    words = [w for ws in lines for w in ws]
    if not words:
        return np.zeros(0, dtype=np.uint32)
    crc = zlib.crc32
    wh = np.fromiter((crc(w.encode("utf-8")) for w in words), np.uint64, len(words))
    # valid[i]: a k-gram starting at word i stays inside its line
    valid = np.zeros(len(words), dtype=bool)
    short: list[tuple[int, int]] = []
    pos = 0
    for ws in lines:
        n = len(ws)
        if n >= k:
            valid[pos : pos + n - k + 1] = True
        elif n:
            short.append((pos, n))
        pos += n
    with np.errstate(over="ignore"):
        m = max(0, len(wh) - k + 1)
        acc = np.zeros(m, dtype=np.uint64)
        for j in range(k):
            acc += wh[j : j + m] * _MIX[j]
        acc = acc[valid[:m]]
        extra = []
        for start, n in short:  # rare: loose_words < k
            h = np.uint64(0)
            for j in range(n):
                h += wh[start + j] * _MIX[j]
            extra.append(h)
        if extra:
            acc = np.concatenate([acc, np.array(extra, dtype=np.uint64)])
    out = (((acc >> np.uint64(32)) ^ acc) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    # sorted and distinct, as np.unique gives them, at a fraction of its cost on small arrays
    out.sort()
    keep = np.empty(len(out), dtype=bool)
    keep[:1] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]


def _count_shingles(lines: list[list[str]], k: int) -> int:
    return sum(max(1, len(w) - k + 1) for w in lines)

