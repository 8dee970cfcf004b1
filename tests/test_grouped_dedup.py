"""Dedup as map-reduce stages (corpus/grouped.py): the same clusters as the incremental index,
bounded comparisons for a story copied many times, any mapper, no temp files left."""

from __future__ import annotations

import os
import random
import tempfile

import numpy as np
import pytest
from test_dedup import STORY_A, STORY_B, counting_same_story, edited_copies, record

from newsclean import clean_text
from newsclean.corpus.dedup import (
    DedupIndex,
    DedupParams,
    Member,
    Signer,
    UnionFind,
    assignments,
)
from newsclean.corpus.grouped import (
    ANCHOR,
    BAND,
    EXACT,
    PARTITIONS,
    ROW,
    GroupedDedup,
    Partition,
    VerifyParams,
    cluster,
    components,
    groups_of,
    keys_of,
    verify_partition,
)

STORY_C = [
    "Fishing crews on the northern coast returned to port early this week after a storm warning "
    "was raised to its highest level, the first such warning issued since the harbour was rebuilt.",
    "The harbour master said about sixty boats had come in by Wednesday evening and that the "
    "remaining crews had been told to shelter in the sound until the wind dropped below gale force.",
    "Fish merchants expect prices at the morning auction to rise sharply, since the boats brought "
    "in less than half of a normal week's catch and restaurants had already placed their orders.",
    "Forecasters said the storm would move east by the weekend, leaving heavy swell along the "
    "coast that could keep smaller vessels in port until the middle of next week.",
]


def signed(texts: list[str]) -> list:
    signer = Signer()
    return [signer.sign(clean_text(t).text) for t in texts]


def as_groups(clusters: dict) -> list[list[int]]:
    return sorted(sorted(m.key for m in g) for g in clusters.values())


def mixed_corpus() -> list[str]:
    """Edited and cut copies of one story, copies of two others, and unrelated one-offs, shuffled
    so copies are far apart in input order."""
    texts = edited_copies(30)
    texts += [record(STORY_B, f"Drought hits the valley harvest | Paper {i}") for i in range(4)]
    texts += [record(STORY_C[:2], f"Storm keeps boats in port | Daily {i}") for i in range(3)]
    texts += [record(STORY_C, "Storm keeps boats in port")]
    rng = random.Random(11)
    rng.shuffle(texts)
    return texts


def test_grouped_clusters_equal_the_incremental_index():
    sigs = signed(mixed_corpus())
    index = DedupIndex(DedupParams())
    for i, s in enumerate(sigs):
        index.add(Member(i, f"r{i}", None, 100), s)
    grouped = cluster((Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs))
    assert as_groups(grouped) == as_groups(index.clusters())
    # three stories with copies: 30 + 4 + 4 documents in three clusters
    sizes = sorted(len(g) for g in grouped.values())
    assert sizes == [4, 4, 30]


def test_different_stories_stay_apart():
    sigs = signed([record(STORY_A, "Council backs bike network"),
                   record(STORY_B, "Drought hits the valley harvest"),
                   record(STORY_C, "Storm keeps boats in port")])
    grouped = cluster((Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs))
    assert as_groups(grouped) == [[0], [1], [2]]


def test_many_copies_are_compared_with_a_bounded_set(monkeypatch):
    def comparisons(n: int) -> int:
        texts = edited_copies(n) + [record(STORY_B, "Drought hits the valley harvest")]
        sigs = signed(texts)
        calls = counting_same_story(monkeypatch)
        grouped = cluster(((Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs)),
                          max_representatives=4)
        assert as_groups(grouped) == [list(range(n)), [n]]
        return calls[0]

    small, large = comparisons(75), comparisons(150)
    # a copy is compared about once in each partition where it shares a key (comparing every
    # pair that shares a key would be 150 * 149 / 2 = 11175 per key) ...
    assert large <= (PARTITIONS + 1) * 151
    # ... so twice the copies cost about twice the comparisons, not four times
    assert large <= 2.3 * small


def test_clusters_do_not_depend_on_the_mapper():
    sigs = signed(mixed_corpus())
    docs = [(Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs)]

    def backwards(fn, xs, const):
        # a mapper that verifies the partitions in another order (as a cluster might) and
        # hands them back in order
        items = list(xs)
        done = {id(x): fn(x, const) for x in reversed(items)}
        for x in items:
            yield x, done[id(x)]

    assert as_groups(cluster(docs, mapper=backwards)) == as_groups(cluster(docs))


def test_keys_are_grouped_and_a_template_anchor_is_cut_to_its_first_holders():
    rows = np.array(
        [(7, ANCHOR, d) for d in (9, 3, 5, 1, 8, 2)]  # an anchor of six documents
        + [(7, BAND, d) for d in (4, 6, 0)]  # the same number as a band key: another key
        + [(11, BAND, 5)]  # a key of one document: nothing to compare
        + [(13, EXACT, 6), (13, EXACT, 2)],
        dtype=ROW,
    )
    got = sorted(g.tolist() for g in groups_of(rows, anchor_cap=3))
    assert got == [[0, 4, 6], [1, 2, 3, 5], [2, 6]]


def test_rows_of_a_signature():
    sig = signed([record(STORY_A, "Council backs bike network")])[0]
    params = DedupParams()
    kinds = [k for k, _ in keys_of(sig, params)]
    assert kinds[0] == EXACT and kinds.count(EXACT) == 1
    assert kinds.count(ANCHOR) == len(sig.anchors) > 0
    assert 0 < kinds.count(BAND) <= params.num_perm
    assert keys_of(signed([""])[0], params) == []  # no text: no keys


def test_a_pair_joined_in_one_group_is_not_compared_again_in_the_next(monkeypatch):
    sigs = signed([record(STORY_A, "Council backs bike network | A"),
                   record(STORY_A, "Council backs bike network | B")])
    a, b = sigs
    calls = counting_same_story(monkeypatch)
    part = Partition.of([np.array([0, 1]), np.array([0, 1]), np.array([0, 1])], {0: a, 1: b},
                        DedupParams())
    edges = verify_partition(part, VerifyParams(DedupParams()))
    assert edges == [(0, 1)] and calls[0] == 1


def test_documents_without_text_are_singletons_and_temp_files_go():
    sigs = signed(["", record(STORY_A, "Council backs bike network"), ""])
    before = set(os.listdir(tempfile.gettempdir()))
    grouped = cluster((Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs))
    assert as_groups(grouped) == [[0], [1], [2]]
    left = {f for f in set(os.listdir(tempfile.gettempdir())) - before
            if f.startswith("newsclean-dedup-")}
    assert not left


def test_exact_copies_join_without_comparisons(monkeypatch):
    text = record(STORY_A, "Council backs bike network")
    sigs = signed([text] * 40 + [record(STORY_B, "Drought hits the valley harvest")] * 3)
    calls = counting_same_story(monkeypatch)
    grouped = cluster((Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs))
    assert as_groups(grouped) == [list(range(40)), [40, 41, 42]]
    assert calls[0] == 0  # the exact-text groups give the edges; copies sit out the rest


def test_a_signature_survives_its_record():
    sig = signed([record(STORY_C, "Storm keeps boats in port")])[0]
    params = DedupParams()
    back = Partition.of([], {7: sig}, params).signature(7)
    assert back.exact == sig.exact and back.size == sig.size
    assert np.array_equal(back.hashvalues, sig.hashvalues)
    assert np.array_equal(back.lines, sig.lines)


def test_components_are_those_of_a_union_find():
    rng = random.Random(5)
    for n, m in ((1, 0), (50, 0), (50, 30), (400, 380), (400, 2000)):
        edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(m)]
        uf = UnionFind()
        for x in range(n):
            uf.add(x)
        for a, b in edges:
            uf.union(a, b)
        got = components(n, np.array(edges, dtype=np.int64).reshape(-1, 2))
        # the same partition, each component named by its smallest node (as the union-find
        # keeps the earlier root)
        assert got.tolist() == [uf.find(x) for x in range(n)]
    # a long chain given from its far end still ends at its first node
    chain = np.array([(i, i + 1) for i in reversed(range(999))], dtype=np.int64)
    assert set(components(1000, chain).tolist()) == {0}


def test_the_table_answers_as_the_member_lists_do():
    sigs = signed(mixed_corpus() + [""])  # and a document alone in its cluster
    rng = random.Random(3)
    # keys with gaps (records that were not articles), fetched dates and lengths that decide
    # the canonical copy
    docs = [(Member(3 * i + 1, f"r{i}", rng.choice([None, "2024-05-01", "2024-04-30"]),
                    rng.randrange(100, 900)), s) for i, s in enumerate(sigs)]
    with GroupedDedup() as g:
        for m, s in docs:
            g.add(m, s)
        table = g.table()
    expected = assignments(cluster(docs).values())
    assert {m.key: table.assignment(m.key, m.id) for m, _ in docs} == expected
    assert table.count(np.array([m.key for m, _ in docs])) == len(
        {a.cluster for a in expected.values()}) == 4
    assert expected[3 * (len(docs) - 1) + 1].cluster_size == 1
    canon = [k for k, a in expected.items() if a.canonical and a.cluster_size > 1]
    assert len(canon) == 3  # one canonical copy in each of the three stories with copies


def test_members_must_come_in_input_order():
    sig = signed([record(STORY_A, "Council backs bike network")])[0]
    with GroupedDedup() as g:
        g.add(Member(5, "a", None, 10), sig)
        with pytest.raises(ValueError):
            g.add(Member(5, "b", None, 10), sig)


def test_components_start_from_known_links():
    # 3 and 5 are copies of 1 (links known before any edge); an edge joins 5 with 4
    parent = np.array([0, 1, 2, 1, 4, 1, 6])
    got = components(7, np.array([(4, 5)]), parent)
    assert got.tolist() == [0, 1, 2, 1, 1, 1, 6]
    assert components(3, np.zeros((0, 2), dtype=np.int64), np.array([0, 0, 1])).tolist() == [0, 0, 0]
