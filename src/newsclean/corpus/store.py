"""Persistent corpus state in one SQLite file: dedup signatures, clusters, learned boilerplate.

A later run opened on the same store links its records to clusters of earlier runs, and can
reuse the boilerplate learned before.  Stdlib sqlite3 in WAL mode, synchronous=NORMAL.

Bulk writes (why they are fast): `add()` calls go inside `batch()`; a batch does its reads and its
docs rows at once, but buffers the record's ~50 `keys` rows (random 64-bit keys: every row lands
on a random B-tree page) and writes them sorted when the batch ends, so each page is touched
once per batch, not once per row.  Batches are not each committed: the transaction stays open
and is committed every `commit_every` records (default COMMIT_EVERY), on `commit()` and on
`close()` (committing every 256 records wrote thousands of keys pages into the WAL each time).
Readers in other processes see the last commit.  API: `Store(path, params, readonly=False,
timeout, commit_every, cache_mib)`, `batch()`, `add(member, sig) -> doc`, `commit()`,
`rollback()`, `assignment(doc)`, `known(id)`, `count()`, `save_model()`, `load_model()`.
Durability choice: a crash (or an exception escaping a batch, which rolls back) loses the writes
since the last commit -- at most `commit_every` records, which a rerun adds again (ids already
stored are skipped) -- and never leaves a half-written store.  synchronous=NORMAL in WAL mode
keeps that guarantee (a power cut may lose the last commits, never corrupt the file).  Lookups
see the buffered rows, so every answer is the one row-at-a-time inserts gave.

One writer at a time: opening a store for writing takes a lock row (pid, host, time).  A second
writer is refused with a clear message naming the holder; a lock left by a dead process on this
host is taken over.  Readers (`Store(path, readonly=True)`) need no lock.

Schema (version in `schema_version`; an older version is migrated, a newer one refused):
- meta(key, value): dedup parameters (a store made with other parameters is refused, since its
  signatures and band keys would not compare), creation time.
- docs(doc, id UNIQUE, fetched, length, size, sig, lines, cluster, rep): one row per record;
  `sig` is the uint32 MinHash signature, `lines` the int64 (head, tail) anchor keys of its
  first lines, `cluster` the doc number of the cluster's first record, `rep` 1 for a
  representative of its cluster (see dedup's module notes; version 3).
- keys(key, doc) WITHOUT ROWID: LSH band keys (the same bands datasketch's MinHashLSH uses) of
  representatives, anchor keys and the exact-text key, each pointing at a document.
- boilerplate(source, hash, count, text), boilerplate_sources(source, docs, params): the learned
  model, per source (a newer learning of a source replaces the older one).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from pathlib import Path

import numpy as np

from ..signature import _h64
from .dedup import (
    KEYS_VERSION,
    MAX_REPRESENTATIVES,
    Assignment,
    DedupParams,
    Member,
    Signature,
    band_keys,
    canonical_order,
    same_signature,
    same_story,
)
from .learned_boilerplate import BoilerplateModel, LearnParams, SourceModel

SCHEMA_VERSION = 3
BUSY_TIMEOUT_S = 30.0
COMMIT_EVERY = 100_000  # records per commit (see the module notes on durability)
CACHE_MIB = 512  # SQLite page cache: the keys B-tree of ~300k records stays in memory
WAL_LIMIT_MIB = 64
MMAP_MIB = 4096  # reads of the database file through mmap: no read() call per page miss


class StoreError(RuntimeError):
    """A store that cannot be used: locked by another writer, newer schema, other params."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS writer_lock (
    one INTEGER PRIMARY KEY CHECK (one = 1), pid INTEGER, host TEXT, since REAL);
CREATE TABLE IF NOT EXISTS docs (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    fetched TEXT,
    length INTEGER NOT NULL,
    size INTEGER NOT NULL,
    sig BLOB,
    lines BLOB,
    cluster INTEGER NOT NULL,
    rep INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs (cluster);
CREATE INDEX IF NOT EXISTS docs_reps ON docs (cluster) WHERE rep = 1;
CREATE TABLE IF NOT EXISTS keys (
    key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS boilerplate_sources (
    source TEXT PRIMARY KEY, docs INTEGER NOT NULL, params TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS boilerplate (
    source TEXT NOT NULL, hash INTEGER NOT NULL, count INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (source, hash)) WITHOUT ROWID;
"""


def _migrate_1_to_2(con: sqlite3.Connection) -> None:
    # version 1 had no writer lock table; the rest of the schema is unchanged
    con.execute(
        "CREATE TABLE IF NOT EXISTS writer_lock ("
        "one INTEGER PRIMARY KEY CHECK (one = 1), pid INTEGER, host TEXT, since REAL)"
    )


def _migrate_2_to_3(con: sqlite3.Connection) -> None:
    # version 3 keeps band keys of a cluster's representatives only (dedup.MAX_REPRESENTATIVES);
    # every document of an older store has its band keys: each is a representative
    cols = {row[1] for row in con.execute("PRAGMA table_info(docs)")}
    if "rep" not in cols:
        con.execute("ALTER TABLE docs ADD COLUMN rep INTEGER NOT NULL DEFAULT 1")
    con.execute("CREATE INDEX IF NOT EXISTS docs_reps ON docs (cluster) WHERE rep = 1")


MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def _exact_key(exact: bytes) -> int:
    return _h64(b"x" + exact)


@dataclass(slots=True)
class StoredDoc:
    doc: int
    sig: Signature


class Store:
    """An open store.  Use as a context manager so the writer lock is released."""

    def __init__(
        self,
        path: str | Path,
        params: DedupParams | None = None,
        readonly: bool = False,
        timeout: float = BUSY_TIMEOUT_S,
        commit_every: int = COMMIT_EVERY,
        cache_mib: int = CACHE_MIB,
        max_representatives: int = MAX_REPRESENTATIVES,
    ) -> None:
        self.max_representatives = max_representatives
        self.path = str(path)
        self.readonly = readonly
        self.commit_every = max(1, commit_every)
        self._locked = False
        # keys rows of this batch, not yet written: key -> its first doc, and any further docs
        self._pending: dict[int, int] = {}
        self._pending_more: dict[int, list[int]] = {}
        # anchors known to be shared by more than anchor_cap docs: they stay so (postings only
        # grow), so they are not read again -- each copy of a much-copied story would read
        # anchor_cap rows for each of its anchors only to find them full
        self._full_anchors: set[int] = set()
        self._next_doc: int | None = None  # doc number of the next insert (we hold the lock)
        self._uncommitted = 0  # records added since the last commit
        self._depth = 0  # open batch() contexts
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"store {self.path} does not exist")
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.con = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        else:
            self.con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")
            # a commit of 100k records writes a large WAL: cut it back after each checkpoint
            self.con.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_MIB * 2**20}")
        self.con.execute(f"PRAGMA cache_size=-{cache_mib * 1024}")
        self.con.execute(f"PRAGMA mmap_size={MMAP_MIB * 2**20}")
        try:
            self._check_schema()
            self.params = self._check_params(params or DedupParams())
            if not readonly:
                self._take_lock()
        except BaseException:
            self.con.close()
            raise

    # ------------------------------------------------------------ lifecycle

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def commit(self) -> None:
        """Write the buffered rows and commit: what was added so far survives a crash of the
        process (a power cut may lose the last commits: synchronous=NORMAL)."""
        if self._depth:
            raise StoreError("commit() inside batch(): end the batch first")
        self._flush()
        if self.con.in_transaction:
            self.con.execute("COMMIT")
        self._uncommitted = 0
        self._next_doc = None

    def rollback(self) -> None:
        """Drop everything since the last commit (what an exception escaping a batch does)."""
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")
        self._pending.clear()
        self._pending_more.clear()
        self._full_anchors.clear()  # (rows rolled back: an anchor may be full no more)
        self._uncommitted = 0
        self._next_doc = None

    def close(self) -> None:
        """Commit what is buffered (unless called inside a batch), release the lock, close."""
        try:
            if self._depth == 0 and not self.readonly:
                self.commit()
        finally:
            try:
                if self._locked:
                    with self._tx():
                        self.con.execute(
                            "DELETE FROM writer_lock WHERE pid = ? AND host = ?",
                            (os.getpid(), socket.gethostname()),
                        )
                    self._locked = False
            finally:
                self.con.close()

    def _tx(self) -> _Transaction:
        return _Transaction(self.con)

    def _check_schema(self) -> None:
        con = self.con
        has = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not has:
            if self.readonly:
                raise StoreError(f"{self.path} is not a newsclean store")
            with self._tx():
                _create(con)
                con.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
            return
        (version,) = con.execute("SELECT version FROM schema_version").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {version}, newer than this newsclean "
                f"({SCHEMA_VERSION}): upgrade newsclean to use it"
            )
        if version < SCHEMA_VERSION:
            if self.readonly:
                raise StoreError(
                    f"store {self.path} has schema version {version}; open it for writing once "
                    f"to migrate it to {SCHEMA_VERSION}"
                )
            with self._tx():
                while version < SCHEMA_VERSION:
                    step = MIGRATIONS.get(version)
                    if step is None:
                        raise StoreError(f"no migration from store schema version {version}")
                    step(con)
                    version += 1
                con.execute("UPDATE schema_version SET version = ?", (version,))

    def _check_params(self, params: DedupParams) -> DedupParams:
        want = json.dumps({**params.to_dict(), "keys_version": KEYS_VERSION}, sort_keys=True)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'dedup_params'").fetchone()
        if row is None:
            if not self.readonly:
                with self._tx():
                    self.con.execute(
                        "INSERT OR IGNORE INTO meta VALUES ('dedup_params', ?)", (want,)
                    )
                    self.con.execute(
                        "INSERT OR IGNORE INTO meta VALUES ('created', ?)", (str(time.time()),)
                    )
            return params
        if self.readonly:
            stored = json.loads(row[0])
            stored.pop("keys_version", None)
            return DedupParams(**stored)
        if row[0] != want:
            raise StoreError(
                f"store {self.path} was built with other dedup parameters ({row[0]}); "
                "its signatures do not compare with these: use a new store"
            )
        return params

    def _check_holder(self, me: tuple[int, str]) -> None:
        row = self.con.execute("SELECT pid, host, since FROM writer_lock").fetchone()
        if row is not None and (row[0], row[1]) != me:
            pid, host, since = row
            if host != me[1] or _alive(pid):
                when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(since))
                raise StoreError(
                    f"store {self.path} is being written by process {pid} on {host} "
                    f"(since {when}); one writer at a time: wait for it to finish (if that process "
                    f"is gone, clear the lock: sqlite3 {self.path} 'DELETE FROM writer_lock')"
                )

    def _take_lock(self) -> None:
        me = (os.getpid(), socket.gethostname())
        # a writer keeps its transaction open between commits: read the lock row first (WAL
        # readers are not blocked) so a second writer gets this message, not a busy timeout
        self._check_holder(me)
        with self._tx():
            self._check_holder(me)
            self.con.execute(
                "INSERT OR REPLACE INTO writer_lock VALUES (1, ?, ?, ?)", (*me, time.time())
            )
        self._locked = True

    # ------------------------------------------------------------ dedup

    def known(self, record_id: str) -> int | None:
        row = self.con.execute("SELECT doc FROM docs WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    def _sig_keys(self, sig: Signature) -> tuple[int | None, list[int], list[int]]:
        """(exact key, LSH band keys, anchor keys) of a signature, computed once per record."""
        exact = _exact_key(sig.exact) if sig.exact else None
        if sig.empty:
            return exact, [], []
        return exact, band_keys(sig.hashvalues, self.params), list(sig.anchors)

    def _match(
        self, exact: int | None, bands: list[int], anchors: list[int]
    ) -> tuple[set[int], set[int], set[int]]:
        """One query for every key of a signature, plus the keys buffered in this batch:
        (candidate docs, exact-copy docs, anchors already shared by more than anchor_cap docs --
        template, not story: neither used nor extended, which also keeps every anchor's posting
        list short)."""
        known_full = self._full_anchors.intersection(anchors)
        asked = [a for a in anchors if a not in known_full] if known_full else anchors
        keys = list(dict.fromkeys(([exact] if exact is not None else []) + bands + asked))
        if not keys:
            return set(), set(), known_full
        marks = ",".join("?" * len(keys))
        postings: dict[int, list[int]] = {}
        for k, d in self.con.execute(f"SELECT key, doc FROM keys WHERE key IN ({marks})", keys):
            postings.setdefault(k, []).append(d)
        pending = self._pending
        if pending:
            for k in pending.keys() & keys:  # a set operation: rows of this batch are few
                postings.setdefault(k, []).append(pending[k])
                postings[k].extend(self._pending_more.get(k, ()))
        cap = self.params.anchor_cap
        full = {a for a in asked if len(postings.get(a, ())) > cap}
        self._full_anchors.update(full)
        full |= known_full
        found: set[int] = set()
        for k, docs in postings.items():
            if k not in full:
                found.update(docs)
        exact_docs = set(postings.get(exact, ())) if exact is not None else set()
        return found, exact_docs, full

    def _lookup(self, sig: Signature) -> tuple[set[int], set[int], set[int]]:
        return self._match(*self._sig_keys(sig))

    def _candidates(self, sig: Signature) -> set[int]:
        return self._lookup(sig)[0]

    def _load_clustered(self, docs: Iterable[int]) -> list[tuple[StoredDoc, int]]:
        """Stored signatures of docs, each with its cluster, in one query."""
        ids = list(docs)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        out = []
        for doc, size, sig, lines, cluster in self.con.execute(
            f"SELECT doc, size, sig, lines, cluster FROM docs WHERE doc IN ({marks})", ids
        ):
            hv = np.frombuffer(sig, dtype=np.uint32) if sig else np.zeros(0, np.uint32)
            ln = np.frombuffer(lines or b"", dtype=np.int64).reshape(-1, 2)
            # the exact key is matched through `keys`; a stored doc needs no exact bytes
            out.append((StoredDoc(doc, Signature(b"", size, hv, ln)), cluster))
        return out

    def _load(self, docs: Iterable[int]) -> list[StoredDoc]:
        return [sd for sd, _ in self._load_clustered(docs)]

    def add(self, member: Member, sig: Signature) -> int:
        """Insert one record (or find it, if its id is already stored); returns its doc number.
        Call inside `batch()` (a call outside is a batch of its own); see the module notes."""
        if self._depth == 0:
            with self.batch():
                return self.add(member, sig)
        con = self.con
        exact, bands, anchors = self._sig_keys(sig)
        cands, exact_hits, full = self._match(exact, bands, anchors)
        # cluster by cluster (earliest first), each left at its first match (see dedup)
        roots: set[int] = set()
        copy_of_matched = False
        for sd, cluster in sorted(self._load_clustered(cands), key=lambda x: x[0].doc):
            if cluster in roots:
                continue
            if sd.doc in exact_hits or same_story(sig, sd.sig, self.params):
                roots.add(cluster)
                copy_of_matched = copy_of_matched or same_signature(sig, sd.sig)
        rep = not roots or (not copy_of_matched and self._reps_of(roots) < self.max_representatives)
        if self._next_doc is None:
            self._next_doc = con.execute("SELECT COALESCE(MAX(doc), 0) + 1 FROM docs").fetchone()[0]
        doc = self._next_doc  # what SQLite would pick for the rowid: max + 1
        root = min(roots) if roots else doc
        cur = con.execute(
            # an id already stored is found through its unique index, not a query per record
            "INSERT INTO docs (doc, id, fetched, length, size, sig, lines, cluster, rep)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            (
                doc,
                member.id,
                member.fetched,
                member.length,
                sig.size,
                sig.hashvalues.astype(np.uint32).tobytes() if not sig.empty else None,
                sig.lines.astype(np.int64).tobytes() if len(sig.lines) else None,
                root,
                int(rep),
            ),
        )
        if cur.rowcount == 0:
            existing = self.known(member.id)
            assert existing is not None
            return existing
        self._next_doc = doc + 1
        self._uncommitted += 1
        others = sorted(roots - {root})
        if others:
            marks = ",".join("?" * len(others))
            con.execute(f"UPDATE docs SET cluster = ? WHERE cluster IN ({marks})", (root, *others))
        keys: list[int] = []
        if exact is not None and not exact_hits:  # one exact-key row per text is enough
            keys.append(exact)
        if rep:
            keys.extend(bands)
        keys.extend(a for a in anchors if a not in full)
        mine = dict.fromkeys(keys, doc)
        pending = self._pending
        for k in pending.keys() & mine.keys():  # keys shared within the batch: rare
            self._pending_more.setdefault(k, []).append(doc)
            del mine[k]
        pending.update(mine)
        return doc

    def _reps_of(self, clusters: Iterable[int]) -> int:
        """Representatives of these clusters together (read through the partial index on
        rep = 1: at most about MAX_REPRESENTATIVES rows per cluster)."""
        ids = list(clusters)
        marks = ",".join("?" * len(ids))
        (n,) = self.con.execute(
            f"SELECT COUNT(*) FROM docs INDEXED BY docs_reps WHERE cluster IN ({marks}) AND rep = 1",
            ids,
        ).fetchone()
        return int(n)

    def _flush(self) -> None:
        """Write the buffered keys rows, sorted: neighbouring rows share B-tree pages."""
        if not self._pending:
            return
        rows = list(self._pending.items())
        rows.extend((k, d) for k, docs in self._pending_more.items() for d in docs)
        rows.sort(key=itemgetter(0))  # by key only: docs of one key in any order
        self.con.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?)", rows)
        self._pending.clear()
        self._pending_more.clear()

    def batch(self) -> _Batch:
        """A group of `add()` calls: opens the write transaction if none is open (BEGIN
        IMMEDIATE: waits up to the busy timeout for others), writes the buffered rows at its end
        and commits once `commit_every` records are uncommitted.  An exception escaping the
        outermost batch rolls back to the last commit."""
        return _Batch(self)

    def assignment(self, doc: int) -> Assignment:
        """Cluster id, size and canonical flag of a stored doc, over every run's records."""
        (root,) = self.con.execute("SELECT cluster FROM docs WHERE doc = ?", (doc,)).fetchone()
        first_id, size, best = self._cluster(root)
        return Assignment(first_id, size, best == doc)

    def _cluster(self, root: int) -> tuple[str, int, int]:
        """A stored cluster's id (its first doc's id), size and canonical doc."""
        rows = self.con.execute(
            "SELECT doc, id, fetched, length FROM docs WHERE cluster = ?", (root,)
        ).fetchall()
        members = [Member(d, i, f, n) for d, i, f, n in rows]
        first = min(members, key=lambda m: m.key)
        return first.id, len(members), min(members, key=canonical_order).key

    def assignments(self, docs: Iterable[int]) -> dict[int, Assignment]:
        """assignment() of many docs, each cluster read once (per doc, a cluster of n copies
        was read n times: quadratic in the copies of a story)."""
        ids = list(dict.fromkeys(docs))
        return dict(zip(ids, self.iter_assignments(ids), strict=True))

    def iter_assignments(self, docs: Iterable[int], chunk: int = 500,
                         max_cached: int = 100_000) -> Iterator[Assignment]:
        """assignment() of each doc in turn, read `chunk` docs at a time, each cluster read
        once while it stays among the last `max_cached` clusters read: memory stays bounded
        in a run of millions of records (a dict of them all would not)."""
        by_root: dict[int, tuple[str, int, int]] = {}
        it = iter(docs)
        while batch := list(islice(it, chunk)):
            wanted = list(dict.fromkeys(batch))
            marks = ",".join("?" * len(wanted))
            root_of = dict(self.con.execute(
                f"SELECT doc, cluster FROM docs WHERE doc IN ({marks})", wanted))
            for doc in batch:
                root = root_of[doc]
                got = by_root.get(root)
                if got is None:
                    if len(by_root) >= max_cached:
                        by_root.clear()
                    got = by_root[root] = self._cluster(root)
                yield Assignment(got[0], got[1], got[2] == doc)

    def count(self) -> int:
        return self.con.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    # ------------------------------------------------------------ learned boilerplate

    def save_model(self, model: BoilerplateModel) -> None:
        params = json.dumps(model.params.to_dict(), sort_keys=True)
        with self.batch():
            for src, sm in model.sources.items():
                self.con.execute("DELETE FROM boilerplate WHERE source = ?", (src,))
                self.con.execute(
                    "INSERT OR REPLACE INTO boilerplate_sources VALUES (?, ?, ?)",
                    (src, sm.docs, params),
                )
                self.con.executemany(
                    "INSERT INTO boilerplate VALUES (?, ?, ?, ?)",
                    [(src, h, c, t) for h, (c, t) in sm.lines.items()],
                )
        if self._depth == 0:
            self.commit()

    def load_model(self) -> BoilerplateModel:
        model = BoilerplateModel()
        for src, docs, params in self.con.execute("SELECT source, docs, params FROM boilerplate_sources"):
            model.params = LearnParams(**json.loads(params))
            lines = {
                h: (c, t)
                for h, c, t in self.con.execute(
                    "SELECT hash, count, text FROM boilerplate WHERE source = ?", (src,)
                )
            }
            model.sources[src] = SourceModel(docs, lines)
        return model


def _create(con: sqlite3.Connection) -> None:
    for stmt in _SCHEMA.split(";"):
        if stmt.strip():
            con.execute(stmt)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on error); nested use joins the outer one."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if self.con.in_transaction:
            self.outer = True
            return self.con
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:  # busy past the timeout
            raise StoreError(f"store is busy (another process is writing to it): {e}") from e
        return self.con

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self.outer:
            return
        if exc_type is None:
            self.con.execute("COMMIT")
        else:
            self.con.execute("ROLLBACK")


class _Batch:
    """See `Store.batch()`; nested batches join the outer one."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        st = self.store
        if not st.con.in_transaction:
            try:
                st.con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e:  # busy past the timeout
                raise StoreError(f"store is busy (another process is writing to it): {e}") from e
        st._depth += 1
        return st.con

    def __exit__(self, exc_type: object, *exc: object) -> None:
        st = self.store
        st._depth -= 1
        if st._depth:
            return
        if exc_type is not None:
            st.rollback()
            return
        st._flush()
        if st._uncommitted >= st.commit_every:
            st.commit()
