"""Quotations and speakers: positive and negative cases, several quote styles and languages.

Policy tested here (documented in enrich/quotes.py): a quoted word or two that no clause
attributes to anyone is a scare quote, not speech; a pronoun resolves only to a clear
antecedent; otherwise the speaker is None.
"""

from __future__ import annotations

import pytest

from newsclean.enrich.quotes import find_quotations, find_quotes


def _check_offsets(text: str) -> list:
    quotes = find_quotes(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in _check_offsets(text)]


# -- English, the common shapes --------------------------------------------------------


def test_surname_after_quote_expands_to_full_name() -> None:
    text = (
        "The league has never offered Portmore a franchise, according to its Director General, "
        "Elena Varga.\n"
        "“We never promised the town a franchise of its own for the coming season,” Varga stated "
        "on Friday during a briefing with Regional Governor Anton Brecht."
    )
    assert speakers(text) == [
        ("We never promised the town a franchise of its own for the coming season,", "Elena Varga")
    ]


def test_verb_before_name_and_appositive() -> None:
    text = (
        '"These are odd weeks," said Daniel Fenwick, counsel to the Heron Society, who '
        "has followed the dispute since spring."
    )
    assert speakers(text) == [("These are odd weeks,", "Daniel Fenwick")]


def test_colon_introduction_and_title_stripped() -> None:
    text = (
        "Sen. Harriet Colquhoun questioned the insurer's chief executive on Tuesday.\n"
        "Colquhoun said: “You should step aside, and your board should answer for it.”"
    )
    assert speakers(text) == [
        ("You should step aside, and your board should answer for it.", "Harriet Colquhoun")
    ]


def test_role_noun_before_name() -> None:
    text = (
        "“We welcome the ruling handed down this morning,” campaign lawyer Owen Drummond said "
        "in a statement."
    )
    assert speakers(text) == [("We welcome the ruling handed down this morning,", "Owen Drummond")]


def test_according_to() -> None:
    text = "According to Maria Gomez, “the numbers simply do not add up this year.”"
    assert speakers(text) == [("the numbers simply do not add up this year.", "Maria Gomez")]


def test_mixed_quotation_takes_the_main_clause_speaker() -> None:
    text = (
        "Ruth Okafor spoke in Dorchester on Monday.\n"
        "Okafor said the latest run of floods means that every household should practise "
        "“more planning and less hoping.”"
    )
    assert speakers(text) == [("more planning and less hoping.", "Ruth Okafor")]


def test_interrupted_quotation_is_one_utterance() -> None:
    text = "“By signing with Brennan,” Ostrow said, “it finally let me take the band on tour.”"
    groups = find_quotations(text)
    assert len(groups) == 1
    assert [q.text for q in groups[0].parts] == [
        "By signing with Brennan,",
        "it finally let me take the band on tour.",
    ]
    assert {q.speaker for q in groups[0].parts} == {"Ostrow"}


def test_new_attribution_starts_a_new_quotation() -> None:
    text = (
        "She says Halvorsen stands for the “same tired machine that he swears he is about to "
        "fix.” She adds, “What sort of planner loses a whole ferry route in a winter?”"
    )
    assert len(find_quotations(text)) == 2


def test_dash_signature_names_the_speaker() -> None:
    text = "“I only hope this fair brings families back to the square.” ― Ines Carvalho"
    assert speakers(text) == [
        ("I only hope this fair brings families back to the square.", "Ines Carvalho")
    ]


def test_single_quotes_with_apostrophes_around() -> None:
    text = "‘We never agreed to the players’ demands,’ the club’s chairman Tom Hale said."
    assert speakers(text) == [("We never agreed to the players’ demands,", "Tom Hale")]


# -- negatives ---------------------------------------------------------------------------


def test_text_without_quotes() -> None:
    text = (
        "The council met on Tuesday to discuss the budget.\n"
        "It's the third meeting this month, and the mayor's office didn't comment."
    )
    assert find_quotes(text) == []


def test_scare_quote_without_attribution_is_not_speech() -> None:
    text = "The so-called “reform” was passed late at night by a narrow majority."
    assert find_quotes(text) == []


def test_short_quote_with_attribution_is_kept() -> None:
    text = "Jane Porter, the union leader, said the offer was “an insult.”"
    assert speakers(text) == [("an insult.", "Jane Porter")]


def test_titles_of_works_are_not_speech() -> None:
    text = "His new book, titled “The Art of Winning Every Argument You Ever Have,” sold well."
    assert find_quotes(text) == []


def test_markup_attribute_quotes_are_ignored() -> None:
    text = '<tweet tweet-id="123" author="someone"><tweet/>.\nNothing else here.'
    assert find_quotes(text) == []


# -- unbalanced marks and paragraphs --------------------------------------------------------


def test_unbalanced_mark_stays_in_its_paragraph() -> None:
    text = (
        "He stood up and said, “this will never end, not while I am here.\n"
        "The meeting went on for another hour without any decision.\n"
        "“We will meet again next week,” Smith said."
    )
    quotes = _check_offsets(text)
    assert all("\n" not in q.text for q in quotes)
    assert quotes[-1].text == "We will meet again next week,"
    assert quotes[-1].speaker == "Smith"
    assert not any("another hour" in q.text for q in quotes)


def test_stray_marks_do_not_crash() -> None:
    for text in ('A 6" pipe burst.', "“", '"', "«", "„ “ ” »", "He said “", "‘", "’’’", ""):
        _check_offsets(text)


def test_multi_paragraph_quote_carries_the_speaker() -> None:
    text = (
        "“We have waited for this bridge for twenty years,” said Maria Lopez, the mayor. "
        "“The money is finally here, and the plans are ready.\n"
        "“Work will start in the spring and finish before the next election.”\n"
        "The council approved the plan."
    )
    quotes = _check_offsets(text)
    assert [q.speaker for q in quotes] == ["Maria Lopez"] * 3
    assert quotes[-1].text == "Work will start in the spring and finish before the next election."


# -- pronouns ------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_only_fitting_person() -> None:
    text = (
        "Marta Quillon criticised Edward Halvorsen's rail plan in Leeds on Monday.\n"
        "“It will not work for families who commute,” she said."
    )
    assert speakers(text) == [("It will not work for families who commute,", "Marta Quillon")]


def test_pronoun_follows_the_recent_speaker() -> None:
    text = (
        "“The deal is done,” said Colin Dervish, the tax commissioner.\n"
        "“Nobody disclosed anything,” he said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Colin Dervish", "Colin Dervish"]


def test_ambiguous_pronoun_gives_no_speaker() -> None:
    text = (
        "Tom Becker met Paul Warner in Berlin on Monday.\n"
        "“It was a good meeting and we agreed on a lot,” he said."
    )
    assert speakers(text) == [("It was a good meeting and we agreed on a lot,", None)]


def test_group_pronoun_and_unattributed_quote_give_no_speaker() -> None:
    text = (
        "“We will not accept these conditions,” they said.\n"
        "“The factory will shut down before the harvest and nobody knows what comes next.”"
    )
    assert [q.speaker for q in find_quotes(text)] == [None, None]


# -- other languages -------------------------------------------------------------------------


def test_german_low_high_quotes_and_inverted_verb() -> None:
    text = (
        "Bundeskanzler Friedrich Merz besuchte am Montag Kiew.\n"
        "„Wir stehen an der Seite der Ukraine“, sagte Merz nach dem Treffen.\n"
        "Merz sagte: „Die Lage ist ernst, aber nicht hoffnungslos.“"
    )
    assert speakers(text) == [
        ("Wir stehen an der Seite der Ukraine", "Friedrich Merz"),
        ("Die Lage ist ernst, aber nicht hoffnungslos.", "Friedrich Merz"),
    ]


def test_german_so_and_guillemets() -> None:
    text = "»Das Paket ist ein wichtiger Schritt für die Wirtschaft«, so Olaf Scholz."
    assert speakers(text) == [("Das Paket ist ein wichtiger Schritt für die Wirtschaft", "Olaf Scholz")]


def test_french_guillemets_and_pronoun_in_verb() -> None:
    text = (
        "Marine Le Pen a réagi mardi soir.\n"
        "« Nous ne céderons rien sur la réforme », a déclaré Emmanuel Macron.\n"
        "« C'est une erreur historique », a-t-elle dit."
    )
    assert speakers(text) == [
        ("Nous ne céderons rien sur la réforme", "Emmanuel Macron"),
        ("C'est une erreur historique", "Marine Le Pen"),
    ]


def test_spanish_quotes_and_verbs() -> None:
    text = (
        "«No habrá cambios en la política económica», dijo Pedro Sánchez.\n"
        "Según Nadia Calviño, “la economía crece más de lo previsto este año”."
    )
    assert speakers(text) == [
        ("No habrá cambios en la política económica", "Pedro Sánchez"),
        ("la economía crece más de lo previsto este año", "Nadia Calviño"),
    ]


# -- attribution details ---------------------------------------------------------------------


def test_participle_takes_the_sentence_subject() -> None:
    text = (
        "Marta Quillon spoke on the radio on Friday, saying that the council should publish the "
        "accounts “before the end of the week.”"
    )
    assert speakers(text) == [("before the end of the week.", "Marta Quillon")]


def test_affiliation_between_name_and_verb() -> None:
    text = '"It was the kindest ending we could hope for," Mr. Pell of the Heron Society said.'
    # the organisation identifies him as the text does (issue 16)
    assert speakers(text) == [
        ("It was the kindest ending we could hope for,", "Mr. Pell of the Heron Society")
    ]


def test_second_reporting_verb_starts_a_new_quotation() -> None:
    text = (
        "“We honestly can’t keep paying for this any longer,” Dunmore said, adding later, “The "
        "depot is costing us a fortune.”"
    )
    groups = find_quotations(text)
    assert len(groups) == 2
    assert [g.speaker for g in groups] == ["Dunmore", "Dunmore"]


def test_previous_paragraph_ending_with_colon_introduces_the_quote() -> None:
    text = (
        "Lindqvist continued:\n"
        "“The water question as a whole is mostly a local question, and tenants see it.”"
    )
    assert speakers(text) == [
        ("The water question as a whole is mostly a local question, and tenants see it.", "Lindqvist")
    ]


def test_fullest_spelling_of_the_most_frequent_name() -> None:
    text = (
        "Rival Marta Quillon mocked the complaint. Edward R. Halvorsen answered on Friday.\n"
        "Edward Halvorsen and Marta Quillon will meet again. Marta Quillon prepared.\n"
        "“It is a poor evening for him,” Quillon said. “We are set,” Halvorsen said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Marta Quillon", "Edward R. Halvorsen"]


def test_pronoun_after_a_sentence_subject() -> None:
    text = (
        "Grace Tennant sent Victor Moss to Lagos in 2011.\n"
        "Moss later listed a few gaps in the plan.\n"
        "“When we are swapping engineers for consultants, something is off,” he said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Victor Moss"]


def test_pronoun_does_not_take_a_name_from_inside_a_quote() -> None:
    text = (
        "“Margaret Olsen’s team is in real trouble,” said Robin Klemm, a local organiser.\n"
        "“They have a deep hole, and it will not fill itself,” she said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Robin Klemm", "Robin Klemm"]


def test_transcript_speaker_labels() -> None:
    text = (
        "The exchange went like this:\n"
        '"HARTLEY: Will she be at the hearing on Thursday morning, Senator?\n'
        '"BRANDT: She will not be coming to the hearing on Thursday morning."'
    )
    assert [q.speaker for q in find_quotes(text)] == ["HARTLEY", "BRANDT"]


# -- the clause prefilter changes no answer ------------------------------------------------

PREFILTER_CASES = [
    # reporting word with punctuation attached, inside and after the quote
    "“The plan is dead,” said Rutte. Later, Rutte (said, aides) “would not comment.”",
    # a French verb carrying its pronoun, German `so`, a dash signature
    "« Nous ne céderons pas », a-t-il déclaré. „Das ist falsch“, so Merz.\n"
    "“Never again.” ― Tilda Farrant",
    # a long sentence before the quote: its window starts inside a word
    "The " + "extraordinarily " * 30 + "unsaid arguments about the budget were, the minister "
    "told reporters, “a distraction from the real work.”",
    # upper-case verbs, digits and hyphens next to the words, a colon introduction
    "SAID the 2016-era senator: “We will win.” Re-elected in 2018, Smith-Jones said: "
    "“Again.”\nThe mayor continued:\n“It is done.”",
    # no reporting word anywhere: every window is skipped
    "The “so-called” plan and the “new” rules were “fine” for the “old” town.",
]


def test_prefilter_gives_the_answers_of_tokenising_every_window(monkeypatch) -> None:
    from newsclean.enrich import quotes

    def every(text: str) -> list:
        return [([(p.start, p.end, p.speaker) for p in q.parts], q.speaker)
                for q in find_quotations(text)]

    filtered = [every(t) for t in PREFILTER_CASES]
    monkeypatch.setattr(quotes._Ctx, "may_attribute", lambda self, a, b, post: True)
    assert [every(t) for t in PREFILTER_CASES] == filtered
    assert any(filtered)  # the cases do find quotations


# -- fast paths against the plain forms they replace ---------------------------------------

_PIECES = ["said", "Said", "SAID", "told", "according", "to", "zufolge", "the", "Trump",
           "Mr.", "U.S.", "dit-il", "a-t-elle", "said,", "“", "”", "’", "‘", "—", "–", "-",
           "_", "…", "é", "erklärte", "déclaré", "x2", "said’s", "(", ")", ".", "!", "?",
           "\u00a0", "\n", " ", "  ", "İ", "Ö", "B.", "A", "\""]


def _random_texts(n: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(_PIECES) for _ in range(rng.randint(1, 14))]
        out.append("".join(p + rng.choice(["", " ", " ", "\u00a0"]) for p in parts))
    return out


def _may_attribute_reference(ctx, a: int, b: int, post: bool) -> bool:
    """The prefilter as first written: lower-case, split, letter runs of every chunk."""
    import re
    from itertools import filterfalse

    text = ctx.text
    if a > 0 and text[a - 1].isalnum() and text[a].isalnum():
        return True
    low = text[a:b].lower()
    if len(low) != b - a:
        return True
    chunks = low.split()
    if not chunks:
        return False
    if post and chunks[0][0] in "―—–-_":
        if chunks[0][0] != "_":
            return True
        m = re.compile(r"[^\s_]").search(text, a, b)
        if m is not None and m.group() in "―—–-":
            return True
    if not ctx.triggers.isdisjoint(chunks):
        return True
    rest = " ".join(filterfalse(str.isalpha, chunks))
    if rest and not ctx.triggers.isdisjoint(re.findall(r"[^\W\d_]+", rest)):
        return True
    return "-" in low and re.search(r"-(?:il|elle|ils|elles|on)(?!\w)", text[a:b], re.I) is not None


def test_prefilter_fast_paths_agree_with_the_plain_check() -> None:
    from newsclean.enrich import quotes
    from newsclean.enrich.speech_lexicon import ALL_VERBS

    for text in _random_texts(3000, 5):
        for german in (False, True):
            ctx = quotes._Ctx(text, ALL_VERBS, german)
            for a in range(0, len(text), 3):
                for b in (a + 1, (a + len(text)) // 2 + 1, len(text)):
                    if b <= a or b > len(text):
                        continue
                    for post in (False, True):
                        assert ctx.may_attribute(a, b, post) == \
                            _may_attribute_reference(ctx, a, b, post), (text, a, b, post)


def test_tokens_are_the_token_pattern_matches() -> None:
    from newsclean.enrich import quotes

    for text in _random_texts(2000, 6) + ["Trump’s aide, Mr. Smith, said: “U.S. 2,000.”"]:
        for a, b in ((0, len(text)), (1, len(text) - 1)):
            if b <= a:
                continue
            toks = quotes._tokens(text, a, b)
            assert [t.text for t in toks] == quotes._TOKEN.findall(text, a, b)
            for t in toks:
                assert text[t.start : t.end] == t.text
                assert t.low == t.text.lower() and t.cap == t.text[0].isupper()


def test_last_boundary_is_the_last_unabbreviated_match() -> None:
    from newsclean.enrich import quotes

    extra = ["He left. She stayed.  “Why?” Mr. Smith asked! (No.) A. Lincoln"]
    for text in _random_texts(2000, 7) + extra:
        for lo in (0, 2):
            hi = len(text)
            want = lo
            for m in reversed(list(quotes._ROUGH_BOUNDARY.finditer(text, lo, hi))):
                if text[m.start()] != "." or not quotes._ABBR_BEFORE.search(
                    text, max(lo, m.start() - 4), m.start()
                ):
                    want = m.end()
                    break
            assert quotes._last_boundary(text, lo, hi) == want, text


def test_mid_sentence_is_the_regex_search() -> None:
    import re

    from newsclean.enrich import quotes

    texts = _random_texts(2000, 8) + ["said Trump, and Trump_ or Trump. x, Trump"]
    for text in texts:
        for word in ("Trump", "Mr.", "é", "A", "B."):
            want = re.search(rf"[a-z,] {re.escape(word)}\b", text) is not None
            assert quotes._mid_sentence(text, word) == want, (text, word)


def test_closing_mark_search_passes_over_other_marks() -> None:
    # an apostrophe and other marks inside, an empty pair, guillemets and German marks
    text = "She said “it’s ‘fine’ « ok » now” and „gut“ and \"\"x\" and ‘players’ union’ end."
    qs = [q.text for q in find_quotes(text)]
    assert "it’s ‘fine’ « ok » now" in qs
    assert "gut" in qs
    assert "players’ union" in qs


def test_name_runs_are_those_of_the_look_ahead_pattern() -> None:
    import re

    from newsclean.enrich import speakers

    plain = re.compile(
        rf"(?=[{speakers._UP}]){speakers._WORD}(?:[ \u00a0](?:{speakers._PARTICLE} )*"
        rf"{speakers._WORD})*"
    )
    texts = _random_texts(2000, 9) + [
        "Mr. and Mrs. Smith met Sen. Tom Kellan, Mme. de la Rue, M. Macron, Mlle. Ö and "
        "Dr.No, Sra. Ortiz van der Berg, St. Louis Sgt. Capt. Adm. Prof. J. R. R. Tolkien"
    ]
    for text in texts:
        assert [m.span() for m in speakers._NAME_RUN.finditer(text)] == \
            [m.span() for m in plain.finditer(text)], text


def test_pronoun_in_a_text_whose_lines_start_with_a_no_break_space() -> None:
    # no line starts with a visible character: the antecedent window starts at the text
    text = "\xa0Edward Halvorsen arrived late. “We will win the county by a lot,” he said."
    assert speakers(text) == [("We will win the county by a lot,", "Edward Halvorsen")]


def test_random_texts_never_break_the_quote_finder() -> None:
    import random

    rng = random.Random(12)
    alpha = list("aZ _\n\t.,!?“”„\"«»‘’‚—–-:()İΣσßé字\u00a0\u2028\x1c0") + [
        "said", "told", " he said", "Mr.", "Trump", "according to", "dit-il", "She", "\n\xa0"]
    for _ in range(3000):
        text = "".join(rng.choice(alpha) for _ in range(rng.randint(0, 80)))
        for lang in (None, "en", "de", "fr"):
            for q in find_quotes(text, lang):
                assert text[q.start : q.end] == q.text


_FILLER = (
    "Alice Archer", "Brian Baxter", "Carla Cortez", "David Dunn", "Erin Easton",
    "Frank Fisher", "Gina Grant", "Henry Hobbs", "Irene Ibarra", "Jack Jensen",
    "Karen Keller", "Louis Lambert", "Maria Moreno", "Nathan Nolan", "Olga Orlov",
    "Paul Pryce", "Rita Reyes", "Simon Stone",
)


@pytest.mark.parametrize("sep", ["\n\n", " "])  # many paragraphs, or one long one
def test_most_recent_name_in_a_long_text(sep: str) -> None:
    # Many people named before; in one long paragraph, pronouns follow each other (its
    # name runs are kept between pronouns): each must see the people named up to it.
    pars = [f"{n} attended the meeting on Tuesday. {n.split()[1]} also met officials."
            for n in _FILLER]
    pars += [
        "Visitors asked for Mr. Smith.",  # a title: a full name is looked for further on
        "John Smith chaired the budget committee for years.",
        "Peter Jones also noted that the budget was late.",
        "“We cannot wait any longer,” he said.",  # the later of two men
        "“The numbers are fine,” Smith said.",  # surname: the full name given earlier
        "Later, Tom Brown also noted the risks.",
        "“It is late,” he said.",  # a man named after the last speaker
        "“We will see,” Jones said.",
    ]
    got = [(q.parts[0].text, q.speaker) for q in find_quotations(sep.join(pars), "en")]
    assert got == [
        ("We cannot wait any longer,", "Peter Jones"),
        ("The numbers are fine,", "John Smith"),
        ("It is late,", "Tom Brown"),
        ("We will see,", "Peter Jones"),
    ]


@pytest.mark.parametrize("text", [
    "Trump, the Republican nominee, said on Tuesday at a rally in Ohio that the plan was",
    "  Sen. Harriet Colquhoun (D-Mass.) told reporters:  the U.S. economy grew 2.5% in Q3 —",
    "the campaign’s spokes_woman said\tit’s \u00a0“over” and they’re done… e.g. by 12:30",
    "\u00a0ΣΟΦΙΑ Παπαδοπούλου είπε, «όχι» __ _x_ don't-stop",
])
def test_window_tokens_are_the_token_pattern_matches(text: str) -> None:
    """_tokens counts offsets in single-spaced windows and searches them otherwise: either
    way a token is a match of _TOKEN with its own offsets, lower-cased as the window is."""
    from newsclean.enrich.quotes import _TOKEN, _tokens

    for a, b in ((0, len(text)), (1, len(text) - 3), (5, 40)):
        got = [(t.text, t.start, t.end) for t in _tokens(text, a, b)]
        want = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, a, b)]
        assert got == want
        assert all(text[t.start : t.end] == t.text for t in _tokens(text, a, b))
