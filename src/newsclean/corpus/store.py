"""Persistent corpus state in one SQLite file: dedup signatures, clusters, learned boilerplate.

A later run opened on the same store links its records to clusters of earlier runs, and can
reuse the boilerplate learned before.  Stdlib sqlite3 in WAL mode; every batch of writes is one
transaction, so a crash leaves the last committed state, never a half-written one.

One writer at a time: opening a store for writing takes a lock row (pid, host, time).  A second
writer is refused with a clear message naming the holder; a lock left by a dead process on this
host is taken over.  Readers (`Store(path, readonly=True)`) need no lock.

Schema (version in `schema_version`; an older version is migrated, a newer one refused):
- meta(key, value): dedup parameters (a store made with other parameters is refused, since its
  signatures and band keys would not compare), creation time.
- docs(doc, id UNIQUE, fetched, length, size, sig, lines, cluster): one row per record; `sig`
  is the uint32 MinHash signature, `lines` the int64 (head, tail) anchor keys of its first
  lines, `cluster` the doc number of the cluster's first record.
- keys(key, doc) WITHOUT ROWID: LSH band keys (the same bands datasketch's MinHashLSH uses),
  anchor keys and the exact-text key, each pointing at a document.
- boilerplate(source, hash, count, text), boilerplate_sources(source, docs, params): the learned
  model, per source (a newer learning of a source replaces the older one).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .dedup import (
    KEYS_VERSION,
    Assignment,
    DedupParams,
    Member,
    Signature,
    _h64,
    band_keys,
    canonical_order,
    same_story,
)
from .learned_boilerplate import BoilerplateModel, LearnParams, SourceModel

SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 30.0
CACHE_KIB = 64 * 1024  # SQLite page cache: lookups stay in memory well past 100k records


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
    cluster INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs (cluster);
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


MIGRATIONS = {1: _migrate_1_to_2}


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
    ) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._locked = False
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"store {self.path} does not exist")
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.con = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        else:
            self.con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=NORMAL")
            self.con.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
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

    def close(self) -> None:
        if self._locked:
            with self._tx():
                self.con.execute(
                    "DELETE FROM writer_lock WHERE pid = ? AND host = ?",
                    (os.getpid(), socket.gethostname()),
                )
            self._locked = False
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

    def _take_lock(self) -> None:
        me = (os.getpid(), socket.gethostname())
        with self._tx():
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
            self.con.execute(
                "INSERT OR REPLACE INTO writer_lock VALUES (1, ?, ?, ?)", (*me, time.time())
            )
        self._locked = True

    # ------------------------------------------------------------ dedup

    def known(self, record_id: str) -> int | None:
        row = self.con.execute("SELECT doc FROM docs WHERE id = ?", (record_id,)).fetchone()
        return row[0] if row else None

    def _lookup(self, sig: Signature) -> tuple[set[int], set[int], set[int]]:
        """One query for every key of a signature: (candidate docs, exact-copy docs, anchors
        already shared by more than anchor_cap docs -- template, not story: neither used nor
        extended, which also keeps every anchor's posting list short)."""
        keys: list[int] = []
        exact = _exact_key(sig.exact) if sig.exact else None
        if exact is not None:
            keys.append(exact)
        anchors = set(sig.anchors) if not sig.empty else set()
        if not sig.empty:
            keys.extend(band_keys(sig.hashvalues, self.params))
            keys.extend(anchors)
        if not keys:
            return set(), set(), set()
        keys = list(dict.fromkeys(keys))
        marks = ",".join("?" * len(keys))
        postings: dict[int, list[int]] = {}
        for k, d in self.con.execute(f"SELECT key, doc FROM keys WHERE key IN ({marks})", keys):
            postings.setdefault(k, []).append(d)
        cap = self.params.anchor_cap
        full = {a for a in anchors if len(postings.get(a, ())) > cap}
        found: set[int] = set()
        for k, docs in postings.items():
            if k not in full:
                found.update(docs)
        exact_docs = set(postings.get(exact, ())) if exact is not None else set()
        return found, exact_docs, full

    def _candidates(self, sig: Signature) -> set[int]:
        return self._lookup(sig)[0]

    def _load(self, docs: Iterable[int]) -> list[StoredDoc]:
        ids = list(docs)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        out = []
        for doc, size, sig, lines in self.con.execute(
            f"SELECT doc, size, sig, lines FROM docs WHERE doc IN ({marks})", ids
        ):
            hv = np.frombuffer(sig, dtype=np.uint32) if sig else np.zeros(0, np.uint32)
            ln = np.frombuffer(lines or b"", dtype=np.int64).reshape(-1, 2)
            # the exact key is matched through `keys`; a stored doc needs no exact bytes
            out.append(StoredDoc(doc, Signature(b"", size, hv, ln)))
        return out

    def add(self, member: Member, sig: Signature) -> int:
        """Insert one record (or find it, if its id is already stored); returns its doc number.
        Call inside `batch()` for speed: one transaction per batch."""
        con = self.con
        existing = self.known(member.id)
        if existing is not None:
            return existing
        linked: set[int] = set()
        cands, exact_hits, full = self._lookup(sig)
        for sd in self._load(cands):
            if sd.doc in exact_hits or same_story(sig, sd.sig, self.params):
                linked.add(sd.doc)
        roots = {
            c for (c,) in con.execute(
                f"SELECT DISTINCT cluster FROM docs WHERE doc IN ({','.join('?' * len(linked))})",
                list(linked),
            )
        } if linked else set()
        cur = con.execute(
            "INSERT INTO docs (id, fetched, length, size, sig, lines, cluster)"
            " VALUES (?, ?, ?, ?, ?, ?, -1)",
            (
                member.id,
                member.fetched,
                member.length,
                sig.size,
                sig.hashvalues.astype(np.uint32).tobytes() if not sig.empty else None,
                sig.lines.astype(np.int64).tobytes() if len(sig.lines) else None,
            ),
        )
        doc = int(cur.lastrowid)  # type: ignore[arg-type]
        root = min(roots) if roots else doc
        con.execute("UPDATE docs SET cluster = ? WHERE doc = ?", (root, doc))
        others = sorted(roots - {root})
        if others:
            marks = ",".join("?" * len(others))
            con.execute(f"UPDATE docs SET cluster = ? WHERE cluster IN ({marks})", (root, *others))
        keys: list[int] = []
        if sig.exact and not exact_hits:  # one exact-key row per text is enough
            keys.append(_exact_key(sig.exact))
        if not sig.empty:
            keys.extend(band_keys(sig.hashvalues, self.params))
            keys.extend(a for a in sig.anchors if a not in full)
        con.executemany(
            "INSERT OR IGNORE INTO keys VALUES (?, ?)", [(k, doc) for k in dict.fromkeys(keys)]
        )
        return doc

    def batch(self) -> _Transaction:
        """One write transaction (BEGIN IMMEDIATE: waits up to the busy timeout for others)."""
        return self._tx()

    def assignment(self, doc: int) -> Assignment:
        """Cluster id, size and canonical flag of a stored doc, over every run's records."""
        (root,) = self.con.execute("SELECT cluster FROM docs WHERE doc = ?", (doc,)).fetchone()
        rows = self.con.execute(
            "SELECT doc, id, fetched, length FROM docs WHERE cluster = ?", (root,)
        ).fetchall()
        members = [Member(d, i, f, n) for d, i, f, n in rows]
        first = min(members, key=lambda m: m.key)
        best = min(members, key=canonical_order)
        return Assignment(first.id, len(members), best.key == doc)

    def count(self) -> int:
        return self.con.execute("SELECT COUNT(*) FROM docs").fetchone()[0]

    # ------------------------------------------------------------ learned boilerplate

    def save_model(self, model: BoilerplateModel) -> None:
        params = json.dumps(model.params.to_dict(), sort_keys=True)
        with self._tx():
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
