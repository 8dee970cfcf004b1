"""Speaker attribution by kind of construction (issue 16): each kind with a case where the
rule applies and one where it must not.  The texts are written for these tests."""

from __future__ import annotations

from newsclean.enrich.quotes import find_quotations, find_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    out = []
    for q in find_quotes(text):
        assert text[q.start : q.end] == q.text
        out.append((q.text, q.speaker))
    return out


# -- nested quotation marks --------------------------------------------------------------


def test_nested_curly_quotes_stay_in_one_quotation() -> None:
    text = (
        "“As a nurse, I would rather work in what he calls “chaos” than stay home,” "
        "said Laura Finch, who works nights in Dayton."
    )
    assert speakers(text) == [
        ("As a nurse, I would rather work in what he calls “chaos” than stay home,",
         "Laura Finch")
    ]


def test_unclosed_outer_quote_does_not_swallow_the_next_one() -> None:
    # The first mark never closes: the nesting is not counted, the pair closes as written.
    text = "He shouted “no more delays. Then “We are done here,” Mayor Ruth Ortega said."
    quotes = [q.text for q in find_quotes(text)]
    assert "We are done here," in quotes[-1]
    assert not any(q.startswith("no more delays. Then “We are done here,”") and
                   q.endswith("said.") for q in quotes)


# -- what stands between a subject and its verb -------------------------------------------


def test_adverb_after_an_appositive() -> None:
    text = (
        "Nadia Petrov, the head of the port authority, bluntly told a visiting delegation "
        "that “no ship will dock here before the repairs are finished.”"
    )
    assert speakers(text)[0][1] == "Nadia Petrov"


def test_time_adverbial_between_subject_and_verb() -> None:
    text = (
        "Senator Alan Brooks, who in 2019 said the bridge was “a waste of public money "
        "and time,” voted for it on Tuesday."
    )
    assert speakers(text)[0][1] == "Alan Brooks"


def test_noun_ending_in_ly_is_not_skipped() -> None:
    # "family" is no adverb: the subject is the noun phrase, not the name before it.
    text = (
        "After the verdict against Carl Dunne the family said “justice has finally been "
        "done for our daughter.”"
    )
    assert speakers(text)[0][1] != "Carl Dunne"


# -- the main clause over a leading subordinate clause --------------------------------------


def test_subordinate_clause_yields_to_the_main_clause() -> None:
    text = (
        "Eric Hale met the coach on Monday.\n"
        "While she admitted the budget was tight, Marta Kowalski also noted that the team "
        "had “real chances this season and the players know it.”"
    )
    assert speakers(text) == [
        ("real chances this season and the players know it.", "Marta Kowalski")
    ]


def test_subordinate_clause_speaks_when_the_main_clause_does_not() -> None:
    text = (
        "When Marta Kowalski said the club would “fight for every single point this year,” "
        "the stadium fell silent."
    )
    assert speakers(text)[0][1] == "Marta Kowalski"


# -- introductions ending with a colon ------------------------------------------------------


def test_colon_intro_after_a_leading_date() -> None:
    text = (
        "The agency published its figures in May.\n"
        "On June 3, 2021, Okafor made the following statement:\n"
        "“We will publish every contract and every invoice, line by line, from now on.”"
    )
    assert speakers(text)[0][1] == "Okafor"


def test_newspaper_reports_with_a_colon() -> None:
    text = (
        "The Harbour Gazette reports:\n"
        "“Three of the five cranes at the container terminal have been idle since March, "
        "and no repair date has been set.”"
    )
    assert speakers(text)[0][1] == "Harbour Gazette"


def test_noun_report_before_a_colon_is_not_a_speaker() -> None:
    text = (
        "The annual report:\n"
        "“Three of the five cranes at the container terminal have been idle since March.”"
    )
    assert all(sp is None for _q, sp in speakers(text))


# -- nominal attribution ---------------------------------------------------------------------


def test_possessive_with_a_speech_noun() -> None:
    text = (
        "Reporters checked Governor Lisa Tran’s claim that the state had “the lowest "
        "unemployment rate in the region” last year."
    )
    assert speakers(text) == [("the lowest unemployment rate in the region", "Lisa Tran")]


def test_possessive_with_another_noun_is_no_attribution() -> None:
    text = (
        "Reporters visited Governor Lisa Tran’s office, which she calls her “second home” "
        "after twenty years."
    )
    assert all(sp != "Lisa Tran" or "second home" not in q for q, sp in speakers(text))


# -- participles and coordinated verbs ---------------------------------------------------------


def test_participle_without_a_comma_takes_the_sentence_subject() -> None:
    text = (
        "Mayor Ruth Ortega posted a video late Friday saying that the strike had been "
        "“a disaster for every family in this city.”"
    )
    assert speakers(text)[0][1] == "Ruth Ortega"


def test_coordinated_verb_is_a_new_utterance_of_the_same_speaker() -> None:
    text = (
        "Ruth Ortega wrote on Friday that the plan was “reckless” and “a fraud” and urged "
        "voters to “reject it at the ballot box.”"
    )
    groups = find_quotations(text)
    assert [g.speaker for g in groups] == ["Ruth Ortega", "Ruth Ortega"]
    assert [q.text for q in groups[-1].parts] == ["reject it at the ballot box."]


def test_object_of_a_directive_verb_is_not_the_speaker() -> None:
    text = "The union urged members to “stay home until the talks are over,” on Monday."
    assert speakers(text)[0][1] != "members"
    text = "Ortega urged Americans to “stay home until the talks are over.”"
    assert speakers(text)[0][1] == "Ortega"


def test_pronoun_with_contraction_is_a_pronoun() -> None:
    text = (
        "Ruth Ortega spoke to reporters after the vote.\n"
        "She’s saying the result is “a victory for every worker in the city.”"
    )
    assert speakers(text)[0][1] == "Ruth Ortega"


# -- mixed straight and curly marks --------------------------------------------------------------


def test_straight_mark_closed_by_a_curly_one() -> None:
    text = (
        '"We do not see a link to the storm," the mayor said, adding that it would take '
        '"several more hours” before the roads reopen.'
    )
    assert [q.text for q in find_quotes(text)] == [
        "We do not see a link to the storm,", "several more hours"
    ]


def test_curly_mark_glued_to_a_word_does_not_close_a_straight_one() -> None:
    text = 'He wrote "the end of the line”and nothing else on the board at the meeting.'
    assert find_quotes(text) == []
