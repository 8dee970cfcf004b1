"""SQLite store: clusters across runs, one writer at a time, schema versions."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from test_dedup import STORY_A, STORY_B, record

from newsclean import Record, clean_text
from newsclean.corpus.dedup import DedupIndex, DedupParams, Member, Signer, assignments
from newsclean.corpus.learned_boilerplate import BoilerplateModel, LearnParams, SourceModel
from newsclean.corpus.run import CorpusOptions, CorpusSummary, corpus_stream
from newsclean.corpus.store import SCHEMA_VERSION, Store, StoreError


def run(records: list[Record], store: str, **kw):
    pairs = [(r, clean_text(r.text, id=r.id)) for r in records]
    return [a for _, a in corpus_stream(pairs, CorpusOptions(store=store, **kw))]


def test_later_run_joins_earlier_cluster(tmp_path):
    db = str(tmp_path / "s.db")
    first = run([Record("old-a", record(STORY_A, "A", date="2025-01-01"), "f:1"),
                 Record("old-b", record(STORY_B, "B"), "f:2")], db)
    assert [a.extra["cluster_size"] for a in first] == [1, 1]
    second = run([Record("new-a", record(STORY_A[:3], "A copy", date="2025-01-09"), "g:1")], db)
    (a,) = second
    assert a.extra["cluster"] == "old-a"
    assert a.extra["cluster_size"] == 2
    assert a.extra["canonical"] is False  # the earlier, older copy stays canonical
    # dropping duplicates drops a story already published by an earlier run
    third = run([Record("new-a2", record(STORY_A, "A again", date="2025-02-01"), "h:1")], db,
                drop_duplicates=True)
    assert third == []


def test_rerun_of_the_same_ids_is_idempotent(tmp_path):
    db = str(tmp_path / "s.db")
    recs = [Record("a", record(STORY_A, "A"), "f:1"), Record("b", record(STORY_A, "A2"), "f:2")]
    one = [a.extra for a in run(recs, db)]
    two = [a.extra for a in run(recs, db)]
    assert one == two
    with Store(db, readonly=True) as s:
        assert s.count() == 2


def test_store_and_memory_index_agree(tmp_path):
    texts = [record(STORY_A, "A"), record(STORY_B, "B"), record(STORY_A[:2], "A short"),
             record(STORY_B[1:], "B cut"), record(STORY_A[::-1], "A reordered")]
    signer = Signer()
    sigs = [signer.sign(clean_text(t).text) for t in texts]
    idx = DedupIndex(DedupParams(), signer)
    for i, s in enumerate(sigs):
        idx.add(Member(i, f"d{i}", None, 10), s)
    mem = assignments(idx.clusters().values())
    with Store(tmp_path / "s.db") as st:
        with st.batch():
            docs = [st.add(Member(i, f"d{i}", None, 10), s) for i, s in enumerate(sigs)]
        stored = [st.assignment(d) for d in docs]
    assert [mem[i] for i in range(len(texts))] == stored
    assert [a.cluster for a in stored] == ["d0", "d1", "d0", "d1", "d0"]


def test_second_writer_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "s.db"
    with Store(db):
        # another live process holds the lock: simulate it by rewriting the row's pid
        pass
    con = sqlite3.connect(db)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        con.execute("INSERT OR REPLACE INTO writer_lock VALUES (1, ?, ?, 0)",
                    (holder.pid, __import__("socket").gethostname()))
        con.commit()
        with pytest.raises(StoreError, match="one writer at a time"):
            Store(db)
        with Store(db, readonly=True) as ro:  # readers are not blocked
            assert ro.count() == 0
    finally:
        holder.kill()
        holder.wait()
    # the holder is dead now: its stale lock is taken over
    with Store(db) as s:
        assert s.count() == 0
    con.close()


def test_newer_schema_is_refused_and_older_is_migrated(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    con.commit()
    with pytest.raises(StoreError, match="newer than this newsclean"):
        Store(db)
    con.execute("UPDATE schema_version SET version = 1")
    con.execute("DROP TABLE writer_lock")
    con.commit()
    with Store(db) as s:
        v = s.con.execute("SELECT version FROM schema_version").fetchone()[0]
    assert v == SCHEMA_VERSION
    con.close()


def test_other_dedup_params_are_refused(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    with pytest.raises(StoreError, match="other dedup parameters"):
        Store(db, DedupParams(num_perm=64))


def test_learned_model_is_kept(tmp_path):
    model = BoilerplateModel(LearnParams(min_share=0.1),
                             {"example.com": SourceModel(40, {123: (20, "share this article")})})
    with Store(tmp_path / "s.db") as s:
        s.save_model(model)
    with Store(tmp_path / "s.db", readonly=True) as s:
        again = s.load_model()
    assert list(again.rows()) == list(model.rows())
    assert again.params.min_share == 0.1


def synthetic_sigs() -> list:
    """Stories, near copies (a quarter of the MinHash values changed, the same lines), an exact
    copy of one story that has the signature of another (so it merges two clusters), and 70
    stories sharing one line (more than anchor_cap: that anchor stops being used)."""
    import numpy as np

    from newsclean.corpus.dedup import Signature

    rng = np.random.default_rng(7)
    params = DedupParams()

    def story() -> Signature:
        return Signature(rng.bytes(16), int(rng.integers(50, 500)),
                         rng.integers(0, 2**32 - 1, params.num_perm, dtype=np.uint32),
                         rng.integers(-(2**63), 2**63 - 1, (8, 2), dtype=np.int64))

    sigs = [story() for _ in range(30)]
    for i in range(30):
        base = sigs[i * 7 % len(sigs)]
        hv = base.hashvalues.copy()
        hv[rng.choice(params.num_perm, params.num_perm // 4, replace=False)] = 7
        sigs.append(Signature(rng.bytes(16), base.size, hv, base.lines.copy()))
    a, b = sigs[3], sigs[4]
    sigs.append(Signature(a.exact, b.size, b.hashvalues.copy(), b.lines.copy()))
    for _ in range(70):
        s = story()
        s.lines[0, 0] = 12345
        sigs.append(s)
    return sigs


def fill(path, sigs, batch: int, commit_every: int):
    with Store(path, commit_every=commit_every) as st:
        docs = []
        for start in range(0, len(sigs), batch):
            with st.batch():
                docs += [st.add(Member(i, f"d{i}", None, 10), sigs[i])
                         for i in range(start, min(start + batch, len(sigs)))]
        return (docs, [st.assignment(d) for d in docs],
                st.con.execute("SELECT key, doc FROM keys ORDER BY key, doc").fetchall(),
                st.con.execute("SELECT doc, id, cluster, sig, lines FROM docs ORDER BY doc").fetchall())


def test_buffered_batches_store_and_answer_what_single_commits_do(tmp_path):
    sigs = synthetic_sigs()
    one = fill(tmp_path / "one.db", sigs, batch=1, commit_every=1)
    whole = fill(tmp_path / "whole.db", sigs, batch=len(sigs), commit_every=10**6)
    some = fill(tmp_path / "some.db", sigs, batch=7, commit_every=20)
    assert one == whole == some
    docs, found, _, _ = one
    assert docs == list(range(1, len(sigs) + 1))
    assert found[30].cluster == found[0].cluster == "d0"  # a near copy joins its story
    assert found[60].cluster == found[3].cluster == found[4].cluster == "d3"  # merged clusters
    assert len({a.cluster for a in found[61:]}) == 70  # a shared line alone is no story


def test_exception_in_a_batch_rolls_back_to_the_last_commit(tmp_path):
    sigs = synthetic_sigs()
    db = tmp_path / "s.db"
    with Store(db, commit_every=10**6) as st:
        with st.batch():
            for i in range(3):
                st.add(Member(i, f"d{i}", None, 10), sigs[i])
        st.commit()
        with st.batch():
            st.add(Member(3, "d3", None, 10), sigs[3])
        with Store(db, readonly=True) as ro:  # not committed yet: readers see the last commit
            assert ro.count() == 3
        with pytest.raises(ValueError), st.batch():
            st.add(Member(4, "d4", None, 10), sigs[4])
            raise ValueError("the caller failed mid-batch")
        assert st.count() == 3
        assert st.known("d3") is None
        with st.batch():
            assert st.add(Member(5, "d5", None, 10), sigs[5]) == 4
            assert st.add(Member(6, "d0", None, 10), sigs[0]) == 1  # id already stored
    with Store(db, readonly=True) as ro:  # close() committed
        assert ro.count() == 4


def test_version_2_store_is_migrated_with_every_doc_a_representative(tmp_path):
    """Version 2 kept band keys for every document: migrated, each is a representative."""
    db = tmp_path / "s.db"
    sigs = synthetic_sigs()[:20]
    fill(db, sigs, batch=8, commit_every=100)
    con = sqlite3.connect(db)
    con.execute("DROP INDEX docs_reps")
    con.execute("ALTER TABLE docs DROP COLUMN rep")
    con.execute("UPDATE schema_version SET version = 2")
    con.commit()
    assert "rep" not in {r[1] for r in con.execute("PRAGMA table_info(docs)")}
    with Store(db) as s:
        assert s.con.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert s.con.execute("SELECT COUNT(*) FROM docs WHERE rep = 1").fetchone()[0] == s.count()
        assert s.count() > 0
    con.close()


def test_assignments_read_in_turn_with_a_small_cache_answer_as_one_by_one(tmp_path):
    texts = [record(STORY_A, "A"), record(STORY_B, "B"), record(STORY_A[:2], "A short"),
             record(STORY_B[1:], "B cut"), record(STORY_A[::-1], "A reordered")]
    signer = Signer()
    with Store(tmp_path / "s.db") as st:
        with st.batch():
            docs = [st.add(Member(i, f"d{i}", None, 10 + i), signer.sign(clean_text(t).text))
                    for i, t in enumerate(texts)]
        order = docs + docs[::-1] + [docs[2]] * 3  # docs asked again, in any order
        one_by_one = [st.assignment(d) for d in order]
        # chunks of two and a cache of one cluster: clusters are read again, answers agree
        assert list(st.iter_assignments(order, chunk=2, max_cached=1)) == one_by_one
        assert list(st.iter_assignments(iter(order))) == one_by_one
        assert st.assignments(order) == dict(zip(order, one_by_one, strict=True))


def test_a_run_with_a_store_counts_each_cluster_once(tmp_path):
    db = str(tmp_path / "s.db")
    recs = [Record("a", record(STORY_A, "A"), "f:1"), Record("b", record(STORY_B, "B"), "f:2"),
            Record("a2", record(STORY_A[:3], "A copy"), "f:3"),
            Record("b", record(STORY_B, "B"), "f:4")]  # an id given twice is one record
    pairs = [(r, clean_text(r.text, id=r.id)) for r in recs]
    summary = CorpusSummary()
    out = list(corpus_stream(pairs, CorpusOptions(store=db), summary))
    assert [a.extra["cluster_size"] for _, a in out] == [2, 1, 2, 1]
    assert summary.clusters == 2 and summary.duplicates == 1
