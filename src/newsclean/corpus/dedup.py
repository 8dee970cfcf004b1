"""Exact and near-duplicate clustering of cleaned articles (syndicated copies of one story).

Features (why each):
- The cleaned text, not the raw record: copies of one story sit inside different outlets'
  page templates, and different stories of one outlet share its template (hard negatives).
- Shingles are normalised word 5-grams taken *inside* lines, so reordered paragraphs give the
  same set.  Only the *core* is shingled: lines of >= `prose_words` words.  Menu items, widget
  strings and headlines are short, story paragraphs are long, so leftover template weighs
  little.  A story made of short lines (a list) falls back to lines of >= `loose_words` words.
- Candidates come from datasketch MinHash (`num_perm` permutations) in a datasketch MinHashLSH
  at `lsh_threshold` (Jaccard), plus *anchors*: keys for the first and the last
  `anchor_words` words of each of the first `max_anchors` core lines (of >= `anchor_words`
  words).  Anchors find copies cut to their first
  paragraphs or missing the first paragraph, whose Jaccard with the full story is far below
  any LSH threshold.  An anchor shared by more than `anchor_cap` documents is template, not a
  story, and is no longer used.
- Verification is containment, not Jaccard: the estimated share of the smaller document's
  core found in the larger, from the MinHash Jaccard J and the two set sizes
  (|A & B| = J (|A| + |B|) / (1 + J)), checked against a second, line-level test: the share
  of the smaller document's anchored lines that start or end like anchored lines of the
  other.  Different stories in one template share template lines, which MinHash sees as up
  to half of a short story's core (measured on syndication-dev: <= 0.48), but their anchored
  story lines do not match (<= 0.2); copies score high on both, and a copy cut to a paragraph
  or two -- where MinHash's estimate of a small set inside a large one is noise -- still has
  all of its lines in the full story.  So (see `same_story`): exact copy; or MinHash share
  >= `strong_containment` (0.8); or line share >= `min_line_share` (2/3) with MinHash not
  contradicting it (>= `weak_containment`); or, for stories with no anchored line (only short
  lines), MinHash share >= `min_containment`.  The smaller core must have at least
  `min_shared` shingles, and the MinHash tests must estimate at least that many shared (one
  quoted sentence does not merge two stories).
- Clusters are the connected components (union-find) of verified pairs.
- A cluster grows against a bounded set of *representatives*, not every member, so a story
  syndicated thousands of times costs time linear in its copies: a document that joins no
  cluster is one; a document that joins one is one while its cluster has fewer than
  `MAX_REPRESENTATIVES` and its signature is not the signature of the member it matched (a
  copy with the same signature would answer every comparison as that member does).  Only
  representatives go into the LSH band index (band keys are what every copy of a story
  shares: without the bound each new copy had all earlier copies as candidates); anchors
  already stop at `anchor_cap` documents, and an exact copy is found through its text's
  hash.  Candidates are compared cluster by cluster, and a cluster is left at its first
  member the document matches: the clusters are the connected components of the same pairs
  as comparing every candidate (what differs is only a document whose one match in a cluster
  past MAX_REPRESENTATIVES is a member that is not a representative).

Canonical member of a cluster: earliest `fetched` date (records without one come last), then
the most complete text (longest cleaned text), then input order.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch loads at first use: importing it loads SciPy (45 MB)
    from datasketch import MinHash, MinHashLSH

from ..text_view import normalise

_WORD = re.compile(r"\w+")
# members of a cluster in the LSH band index at most (see the module notes)
MAX_REPRESENTATIVES = 32
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


def containment(a: Signature, b: Signature) -> tuple[float, float]:
    """(estimated share of the smaller core found in the other, estimated shared shingles)."""
    if a.empty or b.empty:
        return 0.0, 0.0
    j = float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)
    shared = j * (a.size + b.size) / (1.0 + j)
    return min(1.0, shared / min(a.size, b.size)), shared


def line_containment(a: Signature, b: Signature) -> float | None:
    """Share of the anchored lines of the document with fewer of them whose head or tail
    (first or last `anchor_words` words) starts or ends an anchored line of the other; None
    when either has no anchored line."""
    if not len(a.lines) or not len(b.lines):
        return None
    if len(a.lines) != len(b.lines):
        if len(a.lines) > len(b.lines):
            a, b = b, a
        return _lines_in(a, b)
    return max(_lines_in(a, b), _lines_in(b, a))  # symmetric on ties


def _lines_in(a: Signature, b: Signature) -> float:
    other = set(b.lines.ravel().tolist())
    hit = sum(1 for h, t in a.lines.tolist() if h in other or t in other)
    return hit / len(a.lines)


def same_story(a: Signature, b: Signature, params: DedupParams) -> bool:
    """Whether two signatures are copies of one story (see the module notes):
    - the same normalised text; or
    - MinHash: nearly all of the smaller core is in the other (>= `strong_containment`); or
    - lines: >= `min_line_share` of the smaller's anchored lines start or end like lines of the
      other, and MinHash does not contradict it (>= `weak_containment`: a small copy of a long
      story is where MinHash's estimate is noisy, so little is asked of it); or
    - without anchored lines (a story of short lines): containment >= `min_containment`.
    """
    if a.exact and a.exact == b.exact:
        return True
    if min(a.size, b.size) < params.min_shared:
        return False
    c, shared = containment(a, b)
    if c >= params.strong_containment and shared >= params.min_shared:
        return True
    lines = line_containment(a, b)
    if lines is None:
        return c >= params.min_containment and shared >= params.min_shared
    # the smaller core is >= min_shared shingles; its MinHash estimate is too noisy to ask more
    return lines >= params.min_line_share and c >= params.weak_containment


def _splitmix64(n: int, seed: int = 0x5EED) -> np.ndarray:
    out, x = [], seed
    for _ in range(n):
        x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        out.append((z ^ (z >> 31)) | 1)
    return np.array(out, dtype=np.uint64)


_BAND_MIX = _splitmix64(64)  # odd multipliers, one per position in a band
KEYS_VERSION = 2  # how band/anchor keys are computed; stored keys compare only within a version


def band_keys(hashvalues: np.ndarray, params: DedupParams) -> list[int]:
    """Keys for the LSH bands datasketch's MinHashLSH uses (same b, r: two signatures share a
    key exactly when they share that band), as signed 64-bit ints for SQLite.  Computed with
    numpy for the whole signature at once."""
    b, r = lsh_bands(params)
    if r > len(_BAND_MIX):
        raise ValueError(f"LSH bands of more than {len(_BAND_MIX)} values are not supported")
    m = np.ascontiguousarray(hashvalues, dtype=np.uint32)[: b * r].astype(np.uint64).reshape(b, r)
    with np.errstate(over="ignore"):
        x = (m * _BAND_MIX[:r]).sum(axis=1, dtype=np.uint64)
        x += np.arange(1, b + 1, dtype=np.uint64) * np.uint64(0xD6E8FEB86659FD93)
        x ^= x >> np.uint64(30)
        x *= np.uint64(0xBF58476D1CE4E5B9)
        x ^= x >> np.uint64(27)
        x *= np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return x.view(np.int64).tolist()


_BANDS: dict[tuple[float, int], tuple[int, int]] = {}


def lsh_bands(params: DedupParams) -> tuple[int, int]:
    key = (params.lsh_threshold, params.num_perm)
    if key not in _BANDS:
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=params.lsh_threshold, num_perm=params.num_perm)
        _BANDS[key] = (lsh.b, lsh.r)
    return _BANDS[key]


# ---------------------------------------------------------------- clustering


@dataclass(slots=True)
class Member:
    """One document in a cluster, with what the canonical rule needs."""

    key: int  # input order
    id: str
    fetched: str | None
    length: int  # characters of cleaned text


def canonical_order(m: Member) -> tuple[int, str, int, int]:
    """Sort key: earliest fetched first (undated last), then longest text, then input order."""
    return (0 if m.fetched else 1, m.fetched or "", -m.length, m.key)


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def add(self, x: int) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        # the earlier document's root survives, so cluster ids follow input order
        lo, hi = (ra, rb) if ra < rb else (rb, ra)
        self.parent[hi] = lo
        return lo


@dataclass(slots=True)
class DedupIndex:
    """In-memory index: datasketch MinHashLSH + anchors + exact hashes, clusters by union-find,
    grown one document at a time (for a caller adding documents as they come; a whole run
    clusters with grouped.GroupedDedup, whose stages run on any engine, and the SQLite store
    is this index on disk).

    Memory per document, measured (tracemalloc, syndication-dev): about 8 KB in CPython, most
    of it datasketch's 32 band tables (a bytes key and a set per band); the signature itself is
    512 bytes at num_perm 128.  Beyond a few million records use the SQLite store instead
    (about 1.6 KB per record on disk, see bench/bench_store.py).
    """

    params: DedupParams = field(default_factory=DedupParams)
    signer: Signer | None = None
    sigs: dict[int, Signature] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    uf: UnionFind = field(default_factory=UnionFind)
    max_representatives: int = MAX_REPRESENTATIVES
    _lsh: MinHashLSH | None = None
    _exact: dict[bytes, int] = field(default_factory=dict)
    _anchors: dict[int, list[int]] = field(default_factory=dict)
    _reps: dict[int, int] = field(default_factory=dict)  # cluster root -> representatives

    def __post_init__(self) -> None:
        if self.signer is None:
            self.signer = Signer(self.params)
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=self.params.lsh_threshold, num_perm=self.params.num_perm)

    def candidates(self, sig: Signature) -> set[int]:
        found: set[int] = set()
        if sig.exact in self._exact:
            found.add(self._exact[sig.exact])
        if not sig.empty:
            assert self.signer is not None and self._lsh is not None
            found.update(self._lsh.query(self.signer.minhash(sig.hashvalues)))
            for a in sig.anchors:
                posting = self._anchors.get(a)
                if posting is not None and len(posting) <= self.params.anchor_cap:
                    found.update(posting)
        return found

    def add(self, member: Member, sig: Signature) -> int:
        """Index one document; returns the root of its cluster."""
        key = member.key
        self.uf.add(key)
        self.members[key] = member
        if not sig.exact:  # nothing to compare: a singleton
            return key
        # candidates cluster by cluster (earliest first), each left at its first match
        by_root: dict[int, list[int]] = {}
        for other in sorted(self.candidates(sig)):
            by_root.setdefault(self.uf.find(other), []).append(other)
        matched: list[int] = []
        for others in by_root.values():
            for other in others:
                if same_story(sig, self.sigs[other], self.params):
                    matched.append(other)
                    break
        reps = 0
        for other in matched:
            reps += self._reps.pop(self.uf.find(other), 0)
            self.uf.union(key, other)
        rep = not matched or (
            reps < self.max_representatives
            and not any(same_signature(sig, self.sigs[o]) for o in matched)
        )
        self._reps[self.uf.find(key)] = reps + rep
        self.sigs[key] = sig
        self._exact.setdefault(sig.exact, key)
        if rep and not sig.empty:
            assert self.signer is not None and self._lsh is not None
            self._lsh.insert(key, self.signer.minhash(sig.hashvalues), check_duplication=False)
        if not sig.empty:
            for a in sig.anchors:
                posting = self._anchors.setdefault(a, [])
                if len(posting) <= self.params.anchor_cap:
                    posting.append(key)
        return self.uf.find(key)

    def clusters(self) -> dict[int, list[Member]]:
        groups: dict[int, list[Member]] = {}
        for key, m in self.members.items():
            groups.setdefault(self.uf.find(key), []).append(m)
        return groups


@dataclass(frozen=True, slots=True)
class Assignment:
    cluster: str
    cluster_size: int
    canonical: bool

    def fields(self) -> dict[str, str | int | bool]:
        return {"cluster": self.cluster, "cluster_size": self.cluster_size, "canonical": self.canonical}


def assignments(groups: Iterable[list[Member]]) -> dict[int, Assignment]:
    """Per document key: its cluster id (the id of the cluster's first document in input
    order), the cluster's size and whether it is the canonical copy."""
    out: dict[int, Assignment] = {}
    for members in groups:
        first = min(members, key=lambda m: m.key)
        best = min(members, key=canonical_order)
        for m in members:
            out[m.key] = Assignment(first.id, len(members), m.key == best.key)
    return out
