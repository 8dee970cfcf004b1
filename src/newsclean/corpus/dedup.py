"""Exact and near-duplicate clustering of cleaned articles (syndicated copies of one story).

Features (why each):
- The cleaned text, not the raw record: copies of one story sit inside different outlets'
  page templates, and different stories of one outlet share its template (hard negatives).
- Shingles are normalised word 5-grams taken *inside* lines, so reordered paragraphs give the
  same set.  Only the *core* is shingled: lines of >= `prose_words` words.  Menu items, widget
  strings and headlines are short, story paragraphs are long, so leftover template weighs
  little.  A story made of short lines (a list) falls back to lines of >= `loose_words` words.
- Candidates come from MinHash (`num_perm` permutations; datasketch's values, computed in
  numpy by newsclean.signature) in LSH bands at `lsh_threshold` (Jaccard; datasketch
  MinHashLSH's bands: its index in DedupIndex, band_keys in a run), plus *anchors*: keys for the first and the last
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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch loads at first use: importing it loads SciPy (45 MB)
    from datasketch import MinHashLSH

# signing lives in newsclean.signature (workers load it alone); re-exported here
from ..signature import SCHEME as SCHEME
from ..signature import DedupParams as DedupParams
from ..signature import Signature as Signature
from ..signature import Signer as Signer
from ..signature import minhash_permutations as minhash_permutations
from ..signature import minhash_values as minhash_values
from ..signature import same_signature as same_signature
from ..signature import shingle_hashes as shingle_hashes

# members of a cluster in the LSH band index at most (see the module notes)
MAX_REPRESENTATIVES = 32


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
    """(b, r): the bands and rows per band datasketch's MinHashLSH chooses for the threshold
    (its _optimal_param, equal weights), computed here: importing datasketch loads SciPy,
    ~50 MB in the process that clusters, for two integrals."""
    key = (params.lsh_threshold, params.num_perm)
    if key not in _BANDS:
        _BANDS[key] = _optimal_bands(params.lsh_threshold, params.num_perm)
    return _BANDS[key]


def _optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (b, r) with b * r <= num_perm that minimise the mean of the false-positive area
    (integral over [0, t] of P(candidate | Jaccard s) = 1 - (1 - s^r)^b) and the
    false-negative area (integral over [t, 1] of 1 - P), tried in datasketch's order (the
    first of equal errors wins).  P is a polynomial of degree b*r <= num_perm, which
    Gauss-Legendre with num_perm // 2 + 1 nodes integrates exactly (up to rounding)."""
    x, w = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    lo_s, lo_w = threshold / 2 * (x + 1), w * threshold / 2  # nodes on [0, t]
    hi_s, hi_w = threshold + (1 - threshold) / 2 * (x + 1), w * (1 - threshold) / 2
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = float(lo_w @ (1 - (1 - lo_s**r) ** b))
            fn = float(hi_w @ ((1 - hi_s**r) ** b))
            error = fp * 0.5 + fn * 0.5
            if error < best:
                best, opt = error, (b, r)
    return opt


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
