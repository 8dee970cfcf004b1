"""Learned boilerplate: recurring template lines of a source go, articles' own lines stay."""

from __future__ import annotations

from newsclean import Record, clean_record, restore
from newsclean.corpus.learned_boilerplate import (
    BoilerplateLearner,
    BoilerplateModel,
    LearnParams,
    apply_learned,
    site_of,
    source_key,
)
from newsclean.text_view import normalise

PROSE = [
    "Residents of {town} packed the community hall on Monday night to hear the water board explain "
    "why bills will rise by nearly a fifth next year, the first increase since the plant was built.",
    "Board chair {name} said the money would pay for new filters and for replacing pipes laid in "
    "the 1950s, which now account for most of the leaks reported in the {town} district.",
    "Several speakers in {town} asked whether pensioners could be exempted, and the board agreed to study a "
    "reduced rate for households on fixed incomes before the budget vote next month.",
]
TOWNS = ["Ashford", "Belmont", "Carver", "Dunmore", "Elton", "Fairview", "Glenrock", "Harlow",
         "Ivybridge", "Jasper", "Kingsley", "Linwood"]
NAMES = ["Ann Lee", "Bo Kim", "Cy Hart", "Di Moss", "Ed Ruiz", "Flo Park", "Gus Ward", "Hal Cruz",
         "Ida Nash", "Jo Diaz", "Kai Roth", "Liv Shaw"]
# A site's template: a teaser line above every article, a sign-off line below it (worded so
# that no family rule names them: what is learned here is what the rules leave).
SITE_TOP = "Read today's edition of the Valley Courier, updated every morning at six"
SITE_BOTTOM = "The Valley Courier has served the towns of the valley since 1921, thank you"


def site_record(i: int, heading: str | None = None) -> Record:
    body = [p.format(town=TOWNS[i], name=NAMES[i]) for p in PROSE]
    if heading:
        body.insert(1, heading)
    text = "\n".join(
        [f"date 2025-02-0{1 + i % 9} 200", SITE_TOP, f"Water bills to rise in {TOWNS[i]}",
         *body, SITE_BOTTOM]
    )
    return Record(f"vc-{i}", text, f"valley.jsonl:{i}", {"url": f"https://www.valleycourier.co.uk/news/{i}"})


def learn(records: list[Record], **kw) -> tuple[BoilerplateModel, list]:
    learner = BoilerplateLearner(LearnParams(**kw))
    arts = [clean_record(r) for r in records]
    for r, a in zip(records, arts, strict=True):
        learner.add(r, a)
    return learner.model(), arts


def test_site_of_and_source_key():
    assert site_of("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert site_of("http://edition.cnn.com/a?b=1") == "cnn.com"
    assert site_of("not a url") is None or site_of("not a url") == "not a url"
    r = Record("x", "text", "in/file.jsonl:12", {})
    assert source_key(r) == "in/file.jsonl"
    r.meta["url"] = "https://news.example.com/a"
    assert source_key(r) == "example.com"


def test_recurring_template_lines_are_learned_and_removed_with_exact_restore():
    records = [site_record(i) for i in range(12)]
    model, arts = learn(records)
    learned = {text for _src, text, _c, _d in model.rows()}
    # the cleaner may remove the template lines itself; whatever it keeps is learned
    kept_template = [
        line for line in (SITE_TOP, SITE_BOTTOM) if any(line in a.text for a in arts)
    ]
    for line in kept_template:
        assert normalise(line) in learned
    for r, a in zip(records, arts, strict=True):
        b = apply_learned(r, a, model)
        assert restore(b.text, b.removed) == r.text
        for line in (SITE_TOP, SITE_BOTTOM):
            assert line not in b.text
        assert all(p.split()[0] in b.text for p in PROSE)
        rules = [x.rule for x in b.removed if x.reason == "learned_boilerplate"]
        assert all(rule.startswith("valleycourier.co.uk x") for rule in rules)
        assert len(rules) == len(kept_template)


def test_floor_keeps_lines_shared_by_few_documents():
    # a sentence two articles share is below min_count: never learned
    records = [site_record(i) for i in range(12)]
    model, _ = learn(records)
    assert all(c >= 5 for _s, _t, c, _d in model.rows())
    assert not any("water board explain" in t for _s, t, _c, _d in model.rows())


def test_small_sources_learn_nothing():
    model, _ = learn([site_record(i) for i in range(5)])
    assert model.sources == {}


def test_heading_inside_the_body_is_never_removed():
    records = [site_record(i, heading="Key Takeaways") for i in range(12)]
    model, arts = learn(records)
    for r, a in zip(records, arts, strict=True):
        b = apply_learned(r, a, model)
        assert "Key Takeaways" in b.text
        assert restore(b.text, b.removed) == r.text


def test_model_roundtrip(tmp_path):
    model, _ = learn([site_record(i) for i in range(12)])
    path = tmp_path / "bp.json"
    model.save(path)
    again = BoilerplateModel.load(path)
    assert list(again.rows()) == list(model.rows())
    assert again.params == model.params


def test_lossy_counting_prunes_rare_lines_but_keeps_frequent_ones():
    learner = BoilerplateLearner(LearnParams(bucket_docs=10, min_docs=1, min_count=5, min_share=0.2))
    for i in range(200):
        learner.add_lines("s", [f"unique line {i}", "subscribe to the courier"])
    assert learner.entries() <= 2 + 10  # only the last bucket's unique lines survive
    model = learner.model()
    assert [t for _s, t, _c, _d in model.rows()] == ["subscribe to the courier"]


def test_global_entry_bound_holds_over_many_small_sources():
    learner = BoilerplateLearner(LearnParams(max_entries=500, min_docs=1, min_count=3, min_share=0.1))
    for i in range(400):
        # many small sites, each with its own lines, plus one site with a real template line
        learner.add_lines(f"site{i % 100}", [f"headline {i}", f"byline {i}"])
        learner.add_lines("big", [f"story {i}", "sign up for the newsletter"])
    assert learner.entries() <= 500
    assert learner.entries() == sum(len(s.counts) for s in learner.sources.values())
    learned = [(src, t) for src, t, _c, _d in learner.model().rows()]
    assert learned == [("big", "sign up for the newsletter")]


def test_quotes_move_with_the_text():
    records = [site_record(i) for i in range(12)]
    quote = '"We cannot keep patching pipes that are older than most of our customers," said the engineer.'
    for r in records:
        r.text = r.text.replace("Several speakers", quote + "\nSeveral speakers")
    model, arts = learn(records)
    for r, a in zip(records, arts, strict=True):
        b = apply_learned(r, a, model)
        assert b.text != a.text
        assert len(b.quotes) == len(a.quotes) >= 1
        for q in b.quotes:
            if not q.parts:
                assert b.text[q.start : q.end] == q.text


def test_template_line_taken_for_the_headline_gives_the_title_back_once_learned():
    # a site teaser that echoes every lead: one record alone cannot tell it from a headline
    teaser = "Community news from the valley towns and the water district"
    records = [
        Record(r.id, r.text.replace(SITE_TOP, teaser), r.source, dict(r.meta))
        for r in (site_record(i) for i in range(12))
    ]
    model, arts = learn(records)
    assert arts[0].title == teaser  # the per-record cleaner's best guess
    for i, (r, a) in enumerate(zip(records, arts, strict=True)):
        b = apply_learned(r, a, model)
        assert b.title == f"Water bills to rise in {TOWNS[i]}"
        assert teaser not in b.text and b.title not in b.text
        assert restore(b.text, b.removed) == r.text
        assert [x.reason for x in b.removed if x.text.strip() == teaser] == ["learned_boilerplate"]


def test_recurring_heading_between_headline_and_list_stays():
    # every article of the site opens with the same heading over its own bullet points: that
    # is the site's article structure, kept lines on both sides, not its template
    records = []
    for i in range(12):
        r = site_record(i)
        lines = r.text.split("\n")
        lines[3:3] = ["Key Takeaways", f"- Bills rise in {TOWNS[i]}", f"- {NAMES[i]} explains why"]
        records.append(Record(r.id, "\n".join(lines), r.source, dict(r.meta)))
    model, arts = learn(records)
    assert any(t == "key takeaways" for _s, t, _c, _d in model.rows())  # it does recur
    for r, a in zip(records, arts, strict=True):
        b = apply_learned(r, a, model)
        assert "Key Takeaways" in b.text
        assert SITE_TOP not in b.text  # the template line above the headline still goes
        assert restore(b.text, b.removed) == r.text


# --- the whole input as one pool: records without a site -----------------------------------

STORIES = [
    ["The harbour ferry will run through the winter for the first time, the port authority "
     "said on Monday, after a new electric boat was delivered in January.",
     "Island residents had asked for a winter service for years, and the old diesel ferry was "
     "laid up every November because it could not break the ice in the inner harbour."],
    ["The city library will open on Sundays from March, the council said, after a trial in "
     "two branches drew more visitors than any weekday in the year.",
     "Librarians will work Sundays in rotation, and the extra hours will be paid for by closing "
     "the central branch one evening a week instead."],
    ["A new cycle lane on the river road will open in May, the transport office said, closing "
     "one lane to cars between the station and the old bridge.",
     "Shopkeepers along the road had feared lost trade, but a survey found most of their "
     "customers arrive on foot or by bike."],
    ["The town's oldest bakery has won the national prize for its rye bread, the third time a "
     "shop from the region has taken it in the last decade.",
     "The owners said they would not raise prices, and that the recipe came from the founder's "
     "notebook, kept in a drawer of the shop since 1921."],
    ["Schools in the north district reopened after a heating failure kept four thousand "
     "pupils at home for the whole of last week.",
     "Engineers replaced a pump in the central boiler house, and the district will fund a "
     "second boiler so that one failure cannot close every school again."],
    ["The hospital will add forty beds to its emergency ward by the autumn, the health board "
     "said, after winter waiting times reached their highest level on record.",
     "Nurses welcomed the plan but said staffing, not beds, was the real shortage, and asked "
     "for the recruitment budget to be doubled."],
]
HEADS = ["Ferry to run all winter", "Library opens on Sundays", "River road gets a cycle lane",
         "Bakery wins rye bread prize", "Schools reopen after heating failure",
         "Hospital to add forty beds"]
SITES = ["Morning Digest", "Harbour Post", "Valley Wire", "Town Crier", "North Star", "Daily Tide"]


def pooled_record(i: int, site: int, story: int, extra: list[str] = ()) -> Record:
    """A page of one of six sites -- its masthead above, its slogan below (lines no family
    rule names, so only the corpus can tell) -- in one input file with no site field."""
    name = SITES[site]
    text = "\n".join(
        ["date 2025-02-01 200", f"The {name}, local news every day", HEADS[story], *STORIES[story],
         *extra, f"The {name} has been read along the whole coast since nineteen fifty"]
    )
    return Record(f"r{i}", text, f"crawl.jsonl:{i}")


def story_of(i: int) -> int:
    return (i // 6 + i % 6) % 6


def corpus(extra: dict[int, list[str]] | None = None) -> list[Record]:
    # six sites, five pages each, each page a different story: a site's lines are on 5 of 30
    # pages, under the share a source needs (20%), so only the whole-input pool can learn them
    return [
        pooled_record(6 * s + k, s, story_of(6 * s + k), (extra or {}).get(6 * s + k, []))
        for s in range(6)
        for k in range(5)
    ]


def test_lines_at_the_edges_of_many_unrelated_stories_are_learned_without_a_site() -> None:
    records = corpus()
    model, arts = learn(records)
    out = apply_learned(records[0], arts[0], model)
    assert out.text == "\n".join(STORIES[0])
    assert out.title == HEADS[0]
    gone = {r.text.strip(): r.rule for r in out.removed if r.reason == "learned_boilerplate"}
    assert gone and all(rule.startswith("(corpus) x") for rule in gone.values())
    assert restore(out.text, out.removed) == records[0].text
    # without the pool (the old behaviour: one source, the input file) nothing is learned
    assert not any(sm.lines for sm in learn(records, corpus_min_stories=1000)[0].sources.values())


def test_a_line_shared_by_copies_of_one_story_is_not_learned() -> None:
    # five pages of one story (syndicated on five sites) carry its credit line
    credit = "This story was first published by the Harbour Weekly and is republished with permission"
    pages = [i for i in range(36) if i % 6 < 5 and story_of(i) == 0]
    records = corpus({i: [credit] for i in pages})
    model, _ = learn(records)
    assert [r.text.count(credit) for r in records].count(1) == len(pages) >= 4
    assert model.lookup("(corpus)", normalise(credit)) is None
    assert model.lookup("(corpus)", normalise("The Harbour Post has been read along the whole coast since nineteen fifty")) is not None


def test_a_headline_repeated_as_other_pages_related_link_stays_in_its_own_article() -> None:
    # four pages of other stories link to the ferry story under its headline: with its own
    # page, five stories print the line at their edges (the pool learns it), one in six pages
    # of the input (the input file as a source does not)
    others = [i for i in range(36) if i % 6 < 5 and story_of(i) != 0][:4]
    records = corpus({i: ["Read next", HEADS[0]] for i in others})
    # the ferry story on one page only (its other pages carry another story)
    records = [records[0]] + [
        r if story_of(int(r.id[1:])) != 0 else pooled_record(int(r.id[1:]), int(r.id[1:]) // 6, 1)
        for r in records[1:]
    ]
    model, arts = learn(records)
    assert model.lookup("(corpus)", normalise(HEADS[0])) is not None  # furniture over there
    own = 0  # the ferry story's own page
    assert (records[own].text.split("\n")[2], arts[own].title) == (HEADS[0], HEADS[0])
    out = apply_learned(records[own], arts[own], model)
    assert out.title == HEADS[0] and out.text == "\n".join(STORIES[0])
    linked = apply_learned(records[others[0]], arts[others[0]], model)
    assert HEADS[0] not in linked.text.split("\n")
