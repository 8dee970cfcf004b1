"""Near-duplicate clustering as map-reduce stages: keys per document, grouped by key,
pairs verified per group, components, canonical copies.

The in-memory `DedupIndex` grows clusters one document at a time, so its reduce is one
sequential loop; here every step but the last is a group-by that any engine can run in
parallel:

1. map (per record; in this process by default, on the workers with the Ray engine): the
   Signature (dedup.Signer), as before.
2. `GroupedDedup.add` (driver, streaming): the signature goes to a fixed-size record in a
   temp file, and its keys -- the exact-text hash, the LSH band keys (dedup.band_keys) and
   the anchor keys -- go as (key, kind, document) rows to one of `PARTITIONS` temp files,
   chosen by the key; its Member (for the canonical choice) goes to a temp file too.  Kept
   in memory per document: 8 bytes.
3. group-by key, one partition at a time (`partitions_to_verify`): rows sorted by key.
   Copies of one text (an exact-text group) are joined at once, with no comparison, and
   only the first of them stays in the other groups.  A key held by one document is
   dropped; an anchor key held by many documents is template, not a story: its group keeps
   its first `anchor_cap` + 1 documents (the pairs the index compares).
4. verify (`verify_partition`, mapped: locally here, across a cluster with the Ray engine):
   in each group, in input order, a document is compared with the group's representatives
   -- one per component found so far, plus up to `max_representatives` members of a
   component whose signature differs from the member they matched -- and each verified pair
   (same_story) is an edge.  A story copied thousands of times puts thousands of documents
   in one group but they are compared with a bounded set: linear time.  Pairs verified once
   are remembered within a partition.
5. components (driver): the edges joined by `components` (arrays, not a dict per
   document); the cluster id is its first document's id, the canonical copy by
   dedup.canonical_order -- as with the index -- found in one pass over the members' file
   that keeps one entry per cluster of two or more.  `ClusterTable` answers per document
   from a few bytes of arrays, so a run of millions of records keeps its memory flat.

A partition's edges depend only on its groups (a pair already joined through an earlier
group of the partition is not compared again), not on where it is verified, so every engine
gives the same clusters; the number of partitions is fixed for the same reason.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Article
from . import dedup
from .dedup import (
    Assignment,
    DedupParams,
    Member,
    Signature,
    Signer,
    UnionFind,
    assignments,
    band_keys,
    canonical_order,
    same_signature,
)

PARTITIONS = 16
EXACT, BAND, ANCHOR = 0, 1, 2
ROW = np.dtype([("key", "<i8"), ("kind", "u1"), ("doc", "<i8")])
_FLUSH_ROWS = 8192  # rows buffered (as tuples: ~1 MB) before they go to their partitions' files


def _sig_dtype(params: DedupParams) -> np.dtype:
    """A signature as one fixed-size record (about 680 bytes at the defaults)."""
    return np.dtype([
        ("exact", "V16"),
        ("has_exact", "u1"),
        ("size", "<i8"),
        ("nlines", "<i2"),
        ("hv", "<u4", (params.num_perm,)),
        ("lines", "<i8", (params.max_anchors, 2)),
    ])


def record_of(sig: Signature, params: DedupParams) -> np.ndarray:
    """A signature as one fixed-size record (a one-element array of `_sig_dtype`)."""
    rec = np.zeros(1, dtype=_sig_dtype(params))
    rec["exact"] = np.frombuffer(sig.exact.ljust(16, b"\0")[:16], dtype="V16")
    rec["has_exact"] = bool(sig.exact)
    rec["size"] = sig.size
    if not sig.empty:
        rec["hv"][0] = sig.hashvalues
    n = min(len(sig.lines), params.max_anchors)
    rec["nlines"] = n
    rec["lines"][0, :n] = sig.lines[:n]
    return rec


def keys_of(sig: Signature, params: DedupParams) -> list[tuple[int, int]]:
    """(kind, key) rows of one signature: the exact-text hash; band and anchor keys of its
    core.  A document with no text has none (it is a cluster of its own)."""
    if not sig.exact:
        return []
    rows = [(EXACT, int.from_bytes(sig.exact[:8], "little", signed=True))]
    if not sig.empty:
        rows.extend((BAND, k) for k in dict.fromkeys(band_keys(sig.hashvalues, params)))
        rows.extend((ANCHOR, k) for k in sig.anchors)
    return rows


@dataclass(slots=True)
class Partition:
    """One partition's groups (document numbers in input order) and the signature records of
    their documents (`docs` sorted, `records` in the same order): what `verify_partition`
    needs, compact and picklable for a worker."""

    groups: list[np.ndarray]
    docs: np.ndarray
    records: np.ndarray

    def signature(self, doc: int) -> Signature:
        return _signature(self.records[int(np.searchsorted(self.docs, doc))])

    @classmethod
    def of(cls, groups: list[np.ndarray], sigs: dict[int, Signature], params: DedupParams
           ) -> Partition:
        """A partition made from signatures in memory."""
        docs = sorted(sigs)
        return cls(groups, np.array(docs, dtype=np.int64),
                   np.concatenate([record_of(sigs[d], params) for d in docs]))


def _signature(rec: np.void) -> Signature:
    size = int(rec["size"])
    exact = bytes(rec["exact"]) if rec["has_exact"] else b""
    hv = np.array(rec["hv"], dtype=np.uint32) if size else np.zeros(0, dtype=np.uint32)
    lines = np.array(rec["lines"][: int(rec["nlines"])], dtype=np.int64).reshape(-1, 2)
    return Signature(exact, size, hv, lines)


@dataclass(frozen=True, slots=True)
class VerifyParams:
    params: DedupParams
    max_representatives: int = dedup.MAX_REPRESENTATIVES


def groups_of(rows: np.ndarray, anchor_cap: int) -> list[np.ndarray]:
    """Stage 3 on one partition's (key, kind, doc) rows: the documents of each key held by two
    or more, in input order.  An anchor key held by many documents is template, not a story:
    it is compared among its first anchor_cap + 1 holders only, as in the index (whose
    posting is used while it holds at most anchor_cap earlier documents)."""
    if not len(rows):
        return []
    rows = rows[np.lexsort((rows["doc"], rows["key"], rows["kind"]))]
    keys, kinds, docs = rows["key"], rows["kind"], rows["doc"]
    bounds = np.flatnonzero(np.concatenate((
        [True], (keys[1:] != keys[:-1]) | (kinds[1:] != kinds[:-1]), [True])))
    # most keys of a crawl are held by one document: only the groups of two or more become
    # arrays (one view per key would cost ~100 bytes for each of millions of keys)
    shared = np.flatnonzero(np.diff(bounds) > 1)
    # (copies: a view would keep the whole partition's rows alive)
    return [
        np.array(docs[a: min(b, a + anchor_cap + 1)] if kinds[a] == ANCHOR else docs[a:b])
        for a, b in zip(bounds[shared].tolist(), bounds[shared + 1].tolist(), strict=True)
    ]


def verify_partition(part: Partition, const: VerifyParams) -> list[tuple[int, int]]:
    """Edges (earlier document, later document) verified in this partition's groups."""
    params, bound = const.params, const.max_representatives
    sigs = _Signatures(part)
    verified: dict[tuple[int, int], bool] = {}
    edges: list[tuple[int, int]] = []
    # components found so far in this partition: a document already joined to a
    # representative's component (through an earlier group) is not compared with it again
    joined = UnionFind()

    def same(a: int, b: int) -> bool:
        found = verified.get((a, b))
        if found is None:
            found = verified[(a, b)] = dedup.same_story(sigs[a], sigs[b], params)
            if found:
                edges.append((a, b))
                joined.union(a, b)
        return found

    for group in part.groups:
        # this group's components so far, each with its representatives (in input order)
        comps: list[list[int]] = []
        for doc in group.tolist():
            joined.add(doc)
            root = joined.find(doc)
            matched: list[int] = []  # the first matching representative of each component
            merged: list[int] = []  # the representatives of the components it joins
            rest: list[list[int]] = []
            for reps in comps:
                # (a component's representatives are all in one component of `joined`)
                hit = reps[0] if joined.find(reps[0]) == root else next(
                    (r for r in reps if same(r, doc)), None)
                if hit is None:
                    rest.append(reps)
                else:
                    matched.append(hit)
                    merged.extend(reps)
                    root = joined.find(doc)
            if not matched or (
                len(merged) < bound and not any(same_signature(sigs[doc], sigs[r]) for r in matched)
            ):
                merged.append(doc)
            comps = rest + [merged]
    return sorted(edges)


class _Signatures(dict[int, Signature]):
    """A partition's signatures, made from its records when first asked for."""

    def __init__(self, part: Partition) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, doc: int) -> Signature:
        sig = self[doc] = self.part.signature(doc)
        return sig


_CHUNK_ROWS = 1 << 20  # rows of a partition file read at a time (17 MB)


def _chunks(path: Path) -> Iterator[np.ndarray]:
    """A partition file's rows, a chunk at a time, in one buffer reused for every chunk (a
    file holds ~3 rows per record at millions of records: read whole, or into a new array per
    chunk, it left the driver tens of MB bigger per file).  The caller copies what it keeps."""
    buf = np.empty(_CHUNK_ROWS, dtype=ROW)
    raw = buf.data.cast("B")
    with open(path, "rb") as f:
        while n := f.readinto(raw):
            if n % ROW.itemsize:
                raise ValueError(f"{path}: torn row at the end of a partition file")
            yield buf[: n // ROW.itemsize]


Mapper = Callable[[Callable[[Any, Any], Any], Iterable[Any], Any], Iterator[tuple[Any, Any]]]


def _local_map(fn: Callable[[Any, Any], Any], xs: Iterable[Any], const: Any
               ) -> Iterator[tuple[Any, Any]]:
    for x in xs:
        yield x, fn(x, const)


def components(n: int, edges: np.ndarray, parent: np.ndarray | None = None) -> np.ndarray:
    """Per node 0..n-1, the smallest node of its connected component, for an (m, 2) array of
    edges: roots hook onto the smaller root of each edge, then every node jumps to its root,
    until no edge joins two roots.  Arrays throughout (16 bytes a node), where a union-find
    dict would cost ~100 bytes a node in a run of millions of documents.  `parent` (changed
    in place) may hold links known already, each node's no larger than the node."""
    parent = np.arange(n, dtype=np.int64) if parent is None else parent
    _compress(parent)
    if not len(edges):
        return parent
    a, b = edges[:, 0], edges[:, 1]
    while True:
        pa, pb = parent[a], parent[b]
        apart = pa != pb
        if not apart.any():
            return parent
        lo, hi = np.minimum(pa, pb)[apart], np.maximum(pa, pb)[apart]
        # a root only ever hooks onto a smaller one: no cycles, and the smallest node of a
        # component is its root at the end
        np.minimum.at(parent, hi, lo)
        _compress(parent)


def _compress(parent: np.ndarray) -> None:
    """Every node straight to its root, in place."""
    while True:
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            return
        parent[:] = jumped


@dataclass
class ClusterTable:
    """Stage 5's answer, per document key: the root (first document) of its cluster, the
    cluster's size, and per cluster of two or more its canonical key and the root's id.
    A document alone in its cluster is its own cluster and canonical."""

    root: np.ndarray  # per key (keys never added are their own roots)
    size: np.ndarray  # per root: documents in its cluster
    canonical: dict[int, int]  # root -> canonical key (clusters of two or more)
    root_ids: dict[int, str]  # root -> its document's id (clusters of two or more)

    def __len__(self) -> int:
        return len(self.root)

    def assignment(self, key: int, doc_id: str) -> Assignment:
        """The cluster fields of document `key`, whose own id is `doc_id`."""
        if key >= len(self.root):
            return Assignment(doc_id, 1, True)
        root = int(self.root[key])
        size = int(self.size[root])
        if size < 2:
            return Assignment(doc_id, 1, True)
        return Assignment(self.root_ids[root], size, self.canonical[root] == key)

    def count(self, keys: np.ndarray) -> int:
        """Distinct clusters among these document keys."""
        return int(len(np.unique(self.root[keys]))) if len(keys) else 0


@dataclass
class GroupedDedup:
    """Clusters of the documents added (in input order), by the stages of the module notes.
    Temp files live until `close` (or the end of a `with` block)."""

    params: DedupParams = field(default_factory=DedupParams)
    max_representatives: int = dedup.MAX_REPRESENTATIVES
    partitions: int = PARTITIONS
    _dir: tempfile.TemporaryDirectory[str] | None = None
    _sig_file: Any = None
    _member_file: Any = None
    _n_sigs: int = 0
    _n: int = 0  # one past the largest key added
    _rows: list[tuple[int, int, int]] = field(default_factory=list)
    _members: list[tuple[int, str, str | None, int]] = field(default_factory=list)
    _added: array[int] = field(default_factory=lambda: array("q"))  # keys, in input order
    _slot_docs: array[int] = field(default_factory=lambda: array("q"))  # record -> document
    _exact_parent: np.ndarray | None = None  # a later copy of a text -> its first copy

    def __post_init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="newsclean-dedup-")
        self._sig_file = open(Path(self._dir.name) / "sigs.bin", "wb")  # noqa: SIM115
        self._member_file = open(Path(self._dir.name) / "members.pkl", "wb")  # noqa: SIM115
        self._dtype = _sig_dtype(self.params)

    def __enter__(self) -> GroupedDedup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for f in (self._sig_file, self._member_file):
            if f is not None and not f.closed:
                f.close()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def add(self, member: Member, sig: Signature) -> None:
        """Stage 2: write the member, its signature and its keys.  Members are numbered by
        `member.key`, which must grow with input order."""
        if member.key < self._n:
            raise ValueError(f"member keys must grow with input order: {member.key} after {self._n - 1}")
        self._n = member.key + 1
        self._added.append(member.key)
        self._members.append((member.key, member.id, member.fetched, member.length))
        rows = keys_of(sig, self.params)
        if rows:
            self._sig_file.write(record_of(sig, self.params).tobytes())
            self._n_sigs += 1
            self._slot_docs.append(member.key)
            self._rows.extend((key, kind, member.key) for kind, key in rows)
        if len(self._rows) >= _FLUSH_ROWS or len(self._members) >= _FLUSH_ROWS:
            self._flush()

    def _part_path(self, part: int) -> Path:
        assert self._dir is not None
        return Path(self._dir.name) / f"keys-{part}.bin"

    def _flush(self) -> None:
        """The buffered members to their file, the buffered rows to the files of their
        partitions (by key)."""
        if self._members:
            pickle.dump(self._members, self._member_file, protocol=pickle.HIGHEST_PROTOCOL)
            self._members = []
        if not self._rows:
            return
        rows = np.array(self._rows, dtype=ROW)
        self._rows.clear()
        part = rows["key"].view(np.uint64) % np.uint64(self.partitions)
        for p in np.unique(part).tolist():
            with open(self._part_path(p), "ab") as f:
                f.write(rows[part == p].tobytes())

    def keys(self) -> np.ndarray:
        """The keys of the documents added, in input order."""
        return np.frombuffer(self._added, dtype=np.int64)

    def _read_members(self) -> Iterator[Member]:
        """The members added, in input order (from their temp file)."""
        self._flush()
        self._member_file.flush()
        assert self._dir is not None
        with open(Path(self._dir.name) / "members.pkl", "rb") as f:
            while True:
                try:
                    batch = pickle.load(f)
                except EOFError:
                    return
                for key, doc_id, fetched, length in batch:
                    yield Member(key, doc_id, fetched, length)

    def partitions_to_verify(self) -> Iterator[Partition]:
        """Stage 3: each partition's groups of two or more documents, with their signature
        records.  Copies of one text need no comparison: the exact-text groups link them
        to their first copy at once (kept for `table`), and a copy's other keys are left
        out, so a text copied many times is compared once."""
        self._flush()
        self._sig_file.flush()
        first = self._exact_parent = np.arange(self._n, dtype=np.int64)
        if not self._n_sigs:
            return
        assert self._dir is not None
        paths = [self._part_path(p) for p in range(self.partitions)]
        paths = [p for p in paths if p.exists()]
        for path in paths:
            exact = np.concatenate([c[c["kind"] == EXACT] for c in _chunks(path)])
            for g in groups_of(exact, 0):
                first[g[1:]] = g[0]
        copy = first != np.arange(self._n)  # a later copy of a text
        table = np.memmap(Path(self._dir.name) / "sigs.bin", dtype=self._dtype, mode="r",
                          shape=(self._n_sigs,))
        slot_docs = np.frombuffer(self._slot_docs, dtype=np.int64)
        cap = self.params.anchor_cap
        for path in paths:
            rows = np.concatenate([c[(c["kind"] != EXACT) & ~copy[c["doc"]]]
                                   for c in _chunks(path)])
            os.unlink(path)
            groups = groups_of(rows, cap)
            if not groups:
                continue
            docs = np.unique(np.concatenate(groups))
            records = np.array(table[np.searchsorted(slot_docs, docs)])
            yield Partition(groups, docs, records)
        del table

    def table(self, mapper: Mapper | None = None) -> ClusterTable:
        """Stages 4 and 5: verify every partition (with `mapper`, default here), join the
        edges into components and choose each cluster's canonical copy."""
        const = VerifyParams(self.params, self.max_representatives)
        found: list[np.ndarray] = []
        for _part, edges in (mapper or _local_map)(verify_partition,
                                                    self.partitions_to_verify(), const):
            if edges:
                found.append(np.array(edges, dtype=np.int64).reshape(-1, 2))
        edges = np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)
        # copies of one text start linked to their first copy (no edge array for them)
        root = components(self._n, edges, self._exact_parent)
        self._exact_parent = None
        added = self.keys()
        size = np.bincount(root[added], minlength=self._n) if len(added) else np.zeros(
            self._n, dtype=np.int64)
        # one pass over the members: per cluster of two or more, its best copy and its id
        best: dict[int, tuple[tuple[int, str, int, int], int]] = {}
        root_ids: dict[int, str] = {}
        for m in self._read_members():
            r = int(root[m.key])
            if size[r] < 2:
                continue
            if r == m.key:
                root_ids[r] = m.id
            order = canonical_order(m)
            held = best.get(r)
            if held is None or order < held[0]:
                best[r] = (order, m.key)
        return ClusterTable(root, size, {r: k for r, (_o, k) in best.items()}, root_ids)

    def clusters(self, mapper: Mapper | None = None) -> dict[int, list[Member]]:
        """The clusters as lists of members, by root (for callers with a few documents in
        memory; a run reads `table`)."""
        table = self.table(mapper)
        groups: dict[int, list[Member]] = {}
        for m in self._read_members():
            groups.setdefault(int(table.root[m.key]), []).append(m)
        return groups


def cluster(
    docs: Iterable[tuple[Member, Signature]],
    params: DedupParams | None = None,
    mapper: Mapper | None = None,
    max_representatives: int = dedup.MAX_REPRESENTATIVES,
) -> dict[int, list[Member]]:
    """The clusters of (member, signature) pairs given in input order."""
    with GroupedDedup(params or DedupParams(), max_representatives) as g:
        for member, sig in docs:
            g.add(member, sig)
        return g.clusters(mapper)


def cluster_articles(
    articles: Iterable[Article], params: DedupParams | None = None
) -> Iterator[Article]:
    """Convenience for a list in memory: put cluster, cluster_size and canonical into each
    Article's `extra` (only articles with verdict "article" are compared)."""
    params = params or DedupParams()
    signer = Signer(params)
    kept = list(articles)
    groups = cluster(
        (Member(i, a.id, a.fetched, len(a.text)),
         signer.sign(a.text if a.verdict == "article" else ""))
        for i, a in enumerate(kept)
    )
    result = assignments(groups.values())
    for i, a in enumerate(kept):
        a.extra.update(result[i].fields())
        yield a


__all__ = ["ClusterTable", "GroupedDedup", "Partition", "VerifyParams", "cluster",
           "cluster_articles", "components", "keys_of", "verify_partition"]
