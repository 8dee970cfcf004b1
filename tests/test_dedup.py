"""Near-duplicate clustering: syndicated copies join, different stories in one template don't."""

from __future__ import annotations

import random

from newsclean import Record, clean_text
from newsclean.corpus.dedup import (
    MAX_REPRESENTATIVES,
    DedupIndex,
    DedupParams,
    Member,
    Signer,
    assignments,
    canonical_order,
    line_containment,
    same_story,
)
from newsclean.corpus.grouped import cluster_articles
from newsclean.corpus.run import CorpusOptions, corpus_stream

STORY_A = [
    "The city council voted on Tuesday to expand the riverside bike network by forty kilometres, "
    "a plan that had stalled for three years over questions about parking and delivery access.",
    "Council member Dana Ortiz said the vote reflected a change in how residents move around "
    "the city, pointing to a survey in which a third of commuters said they would cycle if the "
    "routes were safer.",
    "Construction of the first segment, along the eastern bank between the old mill and the "
    "central station, is expected to begin in the spring and to take about eighteen months.",
    "Business groups had asked for loading zones every two blocks, and the final plan includes "
    "them on the busiest streets, along with new lighting and a lower speed limit for cars.",
    "The project will be paid for by a regional transport grant and by the city's capital budget, "
    "which the council also approved on Tuesday after a debate that lasted most of the evening.",
]
STORY_B = [
    "A drought that has lasted since early summer has left farmers in the northern valley "
    "facing their smallest wheat harvest in two decades, according to the regional growers union.",
    "Union spokesperson Malik Reyes said many farms had stopped irrigating entirely after the "
    "reservoir dropped below the level at which pumping is allowed under the water agreement.",
    "The agriculture ministry has promised emergency loans, but growers say the money arrives "
    "too late for those who had to sell livestock during the hottest weeks of August.",
    "Forecasters expect rain to return in October, though they warn that one wet month will not "
    "be enough to refill the reservoir or restore the groundwater that wells depend on.",
]
TEMPLATE_TOP = ["Home", "News", "Sport", "Weather", "Subscribe to our newsletter", "Sign in"]
TEMPLATE_BOTTOM = ["Share this article", "Comments", "Contact us", "© 2025 Valley Post. All rights reserved."]


def record(paras: list[str], title: str, top=TEMPLATE_TOP, bottom=TEMPLATE_BOTTOM, date="2025-03-04") -> str:
    return "\n".join([f"date {date} 200", *top, title, *paras, *bottom])


def sig(text: str):
    return Signer().sign(clean_text(text).text)


def test_exact_and_edited_copies_match():
    a = sig(record(STORY_A, "Council backs bike network"))
    edited = [p.replace("forty", "40").replace("Tuesday", "Tuesday evening") for p in STORY_A]
    edited[1] = edited[1].replace("'", "\u2019")
    b = sig(record(edited, "City approves 40 km of bike lanes", top=["Menu", "Local"], bottom=["Print"]))
    assert same_story(a, b, DedupParams())


def test_copy_cut_to_first_paragraph_matches():
    full = sig(record(STORY_A, "Council backs bike network"))
    first = sig(record(STORY_A[:1], "Bike network approved", top=["Latest"], bottom=["More news"]))
    assert line_containment(first, full) == 1.0
    assert same_story(first, full, DedupParams())


def test_reordered_paragraphs_match():
    full = sig(record(STORY_A, "Council backs bike network"))
    shuffled = STORY_A[:]
    random.Random(3).shuffle(shuffled)
    other = sig(record(shuffled, "Bike lanes: council votes yes"))
    assert full.size == other.size  # shingles never cross a line end
    assert same_story(full, other, DedupParams())


def test_first_paragraph_dropped_and_originally_published_line():
    full = sig(record(STORY_A, "Council backs bike network"))
    copy = sig(
        record(
            STORY_A[1:] + ["This story originally appeared on the Valley Post and is republished here."],
            "Bike network",
        )
    )
    assert same_story(full, copy, DedupParams())


def test_different_stories_in_the_same_template_do_not_match():
    # hard negative: same outlet, same long header/footer, different story
    heavy_top = TEMPLATE_TOP + [
        "The Valley Post is an independent newsroom covering the northern valley since 1921.",
        "Support local journalism: become a member today and get unlimited access to every story.",
    ]
    a = sig(record(STORY_A, "Council backs bike network", top=heavy_top))
    b = sig(record(STORY_B, "Drought hits wheat harvest", top=heavy_top))
    assert not same_story(a, b, DedupParams())


def test_shared_quote_does_not_merge():
    quote = STORY_A[1]
    a = sig(record(STORY_B + [quote], "Drought hits wheat harvest"))
    b = sig(record(STORY_A, "Council backs bike network"))
    assert not same_story(a, b, DedupParams())


def test_index_clusters_and_canonical_rule():
    texts = [
        record(STORY_A[:2], "Short copy", date="2025-03-05"),
        record(STORY_B, "Drought hits wheat harvest"),
        record(STORY_A, "Council backs bike network", date="2025-03-05"),
        record(STORY_A, "Council backs bike network (wire)", date="2025-03-02"),
    ]
    arts = [clean_text(t, id=f"r{i}") for i, t in enumerate(texts)]
    out = list(cluster_articles(arts))
    assert [a.extra["cluster"] for a in out] == ["r0", "r1", "r0", "r0"]
    assert [a.extra["cluster_size"] for a in out] == [3, 1, 3, 3]
    # earliest fetched wins, whatever its length or position
    assert [a.extra["canonical"] for a in out] == [False, True, False, True]


def test_canonical_order_prefers_longer_text_then_input_order():
    ms = [Member(0, "a", "2025-01-01", 100), Member(1, "b", "2025-01-01", 300), Member(2, "c", None, 900)]
    assert min(ms, key=canonical_order).id == "b"
    ms = [Member(5, "x", None, 10), Member(2, "y", None, 10)]
    assert min(ms, key=canonical_order).id == "y"


def test_non_articles_are_singletons():
    idx = DedupIndex(DedupParams())
    assert idx.signer is not None
    for i in range(2):
        idx.add(Member(i, f"e{i}", None, 0), idx.signer.sign(""))
    result = assignments(idx.clusters().values())
    assert result[0].cluster == "e0" and result[1].cluster == "e1"


def test_drop_duplicates_keeps_one_canonical_per_cluster():
    texts = [record(STORY_A, "A"), record(STORY_A, "A again"), record(STORY_B, "B")]
    recs = [Record(f"r{i}", t, f"f.txt:{i}") for i, t in enumerate(texts)]
    pairs = [(r, clean_text(r.text, id=r.id)) for r in recs]
    out = list(corpus_stream(pairs, CorpusOptions(drop_duplicates=True)))
    assert [a.id for _, a in out] == ["r0", "r2"]


def test_short_stories_under_long_template_paragraphs_do_not_match():
    # two long template paragraphs and a two-paragraph story: half the lines are shared
    long_top = TEMPLATE_TOP + [
        "The Valley Post has covered the towns of the northern valley since 1921 and is owned by "
        "a cooperative of its readers, who elect the board every second spring.",
        "Our reporters follow the editors' code of practice; to report an error or to suggest a "
        "story, write to the newsroom and an editor will answer within two working days.",
    ]
    a = sig(record(STORY_A[:2], "Council backs bike network", top=long_top))
    b = sig(record(STORY_B[:2], "Drought hits wheat harvest", top=long_top))
    assert not same_story(a, b, DedupParams())


def test_cli_clean_with_dedup_and_boilerplate_show(tmp_path, capsys):
    import json

    from newsclean.cli import main
    from newsclean.corpus.learned_boilerplate import BoilerplateModel, LearnParams, SourceModel

    src = tmp_path / "in.jsonl"
    rows = [("a", record(STORY_A, "A")), ("b", record(STORY_B, "B")), ("c", record(STORY_A[:3], "A2"))]
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--dedup", "--quiet"]) == 0
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(g["id"], g["cluster"], g["cluster_size"]) for g in got] == [
        ("a", "a", 2), ("b", "b", 1), ("c", "a", 2)]
    assert main(["clean", str(src), "-o", str(out), "--drop-duplicates", "--quiet"]) == 0
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "b"]

    model = tmp_path / "bp.json"
    BoilerplateModel(LearnParams(), {"example.com": SourceModel(50, {7: (30, "share this article")})}).save(model)
    capsys.readouterr()
    assert main(["boilerplate", "show", str(model)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "source\tcount\tdocs\tline", "example.com\t30\t50\tshare this article"]


def test_clusters_do_not_depend_on_input_order():
    texts = [record(STORY_A, "A"), record(STORY_B, "B"), record(STORY_A[:1], "A1"),
             record(STORY_B[1:], "B-1"), record(STORY_A[::-1], "A rev"), record(STORY_B[:2], "B2")]
    arts = [clean_text(t, id=f"r{i}") for i, t in enumerate(texts)]

    def partition(order: list[int]) -> set[frozenset[str]]:
        out = list(cluster_articles([arts[i] for i in order]))
        groups: dict[str, set[str]] = {}
        for a in out:
            groups.setdefault(a.extra["cluster"], set()).add(a.id)
        return {frozenset(g) for g in groups.values()}

    base = partition(list(range(len(arts))))
    assert base == {frozenset({"r0", "r2", "r4"}), frozenset({"r1", "r3", "r5"})}
    for seed in range(3):
        order = list(range(len(arts)))
        random.Random(seed).shuffle(order)
        assert partition(order) == base


# ---------------------------------------------------------------- many copies of one story


def edited_copies(n: int, seed: int = 5) -> list[str]:
    """n copies of STORY_A under their own outlets' titles and templates, one word of one
    paragraph changed in each (no two signatures alike), every third cut to 3 paragraphs."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = list(STORY_A if i % 3 else STORY_A[:3])
        k = rng.randrange(len(paras))
        words = paras[k].split(" ")
        j = rng.randrange(len(words))
        words[j] = f"{words[j]}x{i}"
        paras[k] = " ".join(words)
        out.append(record(paras, f"Council backs bike network | Outlet {i}",
                          top=["Menu", f"Outlet {i}"], bottom=[f"© Outlet {i}"]))
    return out


def counting_same_story(monkeypatch) -> list[int]:
    """Count dedup's same_story calls (in-memory index and store alike)."""
    import newsclean.corpus.dedup as dedup_mod
    import newsclean.corpus.store as store_mod

    calls = [0]
    real = dedup_mod.same_story

    def counted(a, b, params):
        calls[0] += 1
        return real(a, b, params)

    monkeypatch.setattr(dedup_mod, "same_story", counted)
    monkeypatch.setattr(store_mod, "same_story", counted)
    return calls


def test_a_story_copied_many_times_is_compared_with_representatives_only(monkeypatch):
    texts = edited_copies(120) + [record(STORY_B, "Drought hits the valley harvest")]
    signer = Signer()
    sigs = [signer.sign(clean_text(t).text) for t in texts]
    calls = counting_same_story(monkeypatch)
    index = DedupIndex(DedupParams(), signer, max_representatives=4)
    for i, s in enumerate(sigs):
        index.add(Member(i, f"r{i}", None, 100), s)
    groups = sorted((sorted(m.key for m in g) for g in index.clusters().values()), key=len)
    assert groups == [[120], list(range(120))]  # every copy together, the other story apart
    # the band index holds the cluster's representatives, not its 120 members
    assert len(index._lsh.keys) == 4 + 1
    # each copy is left at its cluster's first matching member: about one comparison each
    # (comparing every earlier copy would be 120 * 119 / 2 = 7140)
    assert calls[0] <= 3 * len(texts)


def test_representatives_keep_the_clusters_of_comparing_every_member(monkeypatch):
    """Below MAX_REPRESENTATIVES distinct signatures a cluster is the one comparing every
    candidate gives: the same groups with the bound at 1000 (every member a representative)
    and at its default."""
    texts = edited_copies(40) + [record(STORY_B, "Drought hits the valley harvest"),
                                 record(STORY_B[:2], "Valley harvest at a 20-year low")]
    signer = Signer()
    sigs = [signer.sign(clean_text(t).text) for t in texts]

    def groups(bound: int) -> list[list[int]]:
        index = DedupIndex(DedupParams(), signer, max_representatives=bound)
        for i, s in enumerate(sigs):
            index.add(Member(i, f"r{i}", None, 100), s)
        return sorted(sorted(m.key for m in g) for g in index.clusters().values())

    assert groups(1000) == groups(MAX_REPRESENTATIVES) == [list(range(40)), [40, 41]]


def test_store_grows_a_cluster_against_its_representatives(tmp_path, monkeypatch):
    from newsclean.corpus.store import Store

    texts = edited_copies(90)
    signer = Signer()
    sigs = [signer.sign(clean_text(t).text) for t in texts]
    calls = counting_same_story(monkeypatch)
    with Store(tmp_path / "s.db", max_representatives=4) as st:
        with st.batch():
            docs = [st.add(Member(i, f"r{i}", None, 100), s) for i, s in enumerate(sigs)]
        reps = st.con.execute("SELECT COUNT(*) FROM docs WHERE rep = 1").fetchone()[0]
        found = st.assignments(docs)
        assert found == {d: st.assignment(d) for d in docs}
        # a later copy (a run of its own) joins through the representatives too
        late = signer.sign(clean_text(edited_copies(91)[90]).text)
        with st.batch():
            d_late = st.add(Member(90, "late", None, 100), late)
        assert st.assignment(d_late).cluster == "r0"
    assert reps == 4
    assert {a.cluster for a in found.values()} == {"r0"}
    assert {a.cluster_size for a in found.values()} == {90}
    assert sum(a.canonical for a in found.values()) == 1
    assert calls[0] <= 3 * (len(texts) + 1)


def test_store_and_memory_agree_on_many_copies(tmp_path):
    texts = edited_copies(50) + [record(STORY_B, "Drought hits the valley harvest")]
    records = [Record(f"r{i}", t, f"s:{i}") for i, t in enumerate(texts)]
    pairs = [(r, clean_text(r.text, id=r.id)) for r in records]
    mem = [a.extra["cluster"] for _, a in corpus_stream(pairs, CorpusOptions())]
    pairs = [(r, clean_text(r.text, id=r.id)) for r in records]
    stored = [a.extra["cluster"] for _, a in corpus_stream(
        pairs, CorpusOptions(store=str(tmp_path / "s.db")))]
    assert mem == stored == ["r0"] * 50 + ["r50"]
