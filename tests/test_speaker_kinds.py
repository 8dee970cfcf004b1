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
        "Reporters visited Governor Lisa Tran’s office, by now a “second home for the "
        "whole staff” after twenty years."
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
        '"We have found no sign of a leak in the main," the engineer said, adding that it '
        'would take "a few more days” before the pipes refill.'
    )
    assert [q.text for q in find_quotes(text)] == [
        "We have found no sign of a leak in the main,", "a few more days"
    ]


def test_curly_mark_glued_to_a_word_does_not_close_a_straight_one() -> None:
    text = 'He wrote "the end of the line”and nothing else on the board at the meeting.'
    assert find_quotes(text) == []


# -- the clause after the quotation ----------------------------------------------------------


def test_clause_later_in_the_quotes_sentence() -> None:
    text = (
        "“Field studies have so far failed to find the same gains” in older gardeners, "
        "says Helen Marsh, a dietitian in Leeds."
    )
    assert speakers(text)[0][1] == "Helen Marsh"


def test_later_comma_without_a_reporting_clause() -> None:
    text = (
        "“Field studies have so far failed to find the same gains” in older gardeners, "
        "and the cost of the programme keeps rising in Leeds."
    )
    assert all(sp is None for _q, sp in speakers(text))


def test_plain_verb_after_a_comma_ended_quote() -> None:
    text = "“That was really early days, and nobody had panels yet,” Dan Okoro recalls."
    assert speakers(text)[0][1] == "Dan Okoro"
    text = "“That was really early days, and nobody had panels yet,” Dan Okoro shares."
    assert speakers(text)[0][1] == "Dan Okoro"


def test_noun_phrase_before_a_noun_like_verb_is_no_clause() -> None:
    # "post" after a noun phrase is the noun's object, not a reporting verb.
    text = "Each page shows a large “Promote now” button to every post, with prices below."
    assert all(sp is None for _q, sp in speakers(text))


def test_inverted_verb_with_a_lower_case_role() -> None:
    text = (
        "“Organic molecules are very important for life on that moon,” said planetary "
        "geologist Rosa Lindqvist of the space agency."
    )
    assert speakers(text)[0][1] == "Rosa Lindqvist"


def test_name_and_colon_introduce_words() -> None:
    text = "Testers were won over, including hiker John Mikovits: “This boot has broken the streak for me.”"
    assert speakers(text)[0][1] == "John Mikovits"


def test_label_and_colon_are_not_a_speaker() -> None:
    text = "Verdict: “This boot has broken the streak of bad models for the brand.”"
    assert all(sp is None for _q, sp in speakers(text))


# -- quotations without a clause of their own -----------------------------------------------------


def test_sentence_subject_of_a_mixed_quotation() -> None:
    text = (
        "In recent weeks, Senator Dana Whitfield has gone after the mayor as a “spoiled "
        "little tyrant who never listens.”"
    )
    assert speakers(text)[0][1] == "Dana Whitfield"


def test_noun_phrase_subject_is_not_taken_for_a_name() -> None:
    text = (
        "American negotiators are left to translate purchases “larger than any time in our "
        "history, by far” into a text."
    )
    assert all(sp is None for _q, sp in speakers(text))


def test_previous_sentence_names_the_speaker() -> None:
    text = (
        "Sometimes guards skip the rounds, Figgins said. “But does that mean they should go "
        "to jail and lose their whole career?”"
    )
    assert speakers(text)[0][1] == "Figgins"


def test_quotation_paragraph_after_the_speakers_paragraph() -> None:
    text = (
        "“We were short of staff every single night,” said Ana Ruiz, a guard at the jail.\n"
        "“Nobody in the management wanted to hear about it, and nobody came to look.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Ana Ruiz", "Ana Ruiz"]


def test_quotation_paragraph_after_narration_keeps_no_speaker() -> None:
    text = (
        "“We were short of staff every single night,” said Ana Ruiz, a guard at the jail.\n"
        "The report was published on Monday and ran to three hundred pages.\n"
        "“Nobody in the management wanted to hear about it, and nobody came to look.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Ana Ruiz", None]


# -- titles of works ----------------------------------------------------------------------------


def test_show_title_after_a_possessive_is_not_speech() -> None:
    text = "Abernathy told WKTV’s “Sunrise Desk” that nobody would doubt her record."
    assert find_quotes(text) == []


def test_title_after_a_noun_of_works_is_not_speech() -> None:
    text = "Both wrote songs for the television show “Nashville,” Smith and York said."
    assert find_quotes(text) == []


def test_short_quotation_in_lower_case_after_a_preposition_is_kept() -> None:
    text = "Cruz called the death a symptom of “deep problems in the system,” he said."
    assert [q.text for q in find_quotes(text)] == ["deep problems in the system,"]


# -- pronouns and organisations ---------------------------------------------------------------------


def test_pronoun_after_an_indirect_statement_with_an_appositive() -> None:
    text = (
        "Ravi Menon, head of research at Kestrel Securities, pointed out that the market "
        "is a sector-by-sector one.\n"
        "“It is not a wide climb, so far it looks sound as it stands,” he said."
    )
    assert speakers(text)[0][1] == "Ravi Menon"


def test_lone_surname_with_an_adverb_is_an_antecedent() -> None:
    text = (
        "Marlow, however, is betting on the new studio to lift the label. "
        "“This is where you will hear the next real shift in music,” he says."
    )
    assert speakers(text)[0][1] == "Marlow"


def test_it_resolves_to_the_organisation_that_spoke() -> None:
    text = (
        "The case was closed on Tuesday, the Swedish Prosecution Authority said in a "
        "statement: “The evidence has weakened considerably over the years.”\n"
        "“The injured party has given a credible account of events,” it added."
    )
    got = [q.speaker for q in find_quotes(text)]
    assert got[-1] == got[0] and got[0] is not None and "Prosecution Authority" in got[0]


def test_it_without_an_organisation_stays_unknown() -> None:
    text = (
        "Maria Lopez opened the new bridge on Tuesday.\n"
        "“The injured party has given a credible account of events,” it added."
    )
    assert speakers(text)[-1][1] is None


# -- where one utterance ends ------------------------------------------------------------------


def test_narration_after_a_mixed_quotation_ends_the_utterance() -> None:
    text = (
        "Jennifer Ortiz said the mayor is down to “jibes and sneers” since he cannot "
        "explain his budget. “You could laugh this off as playground stuff, but he runs "
        "the city,” she said."
    )
    groups = find_quotations(text)
    assert len(groups) == 2
    assert [g.speaker for g in groups] == ["Jennifer Ortiz", "Jennifer Ortiz"]


def test_attribution_between_two_quotations_keeps_one_utterance() -> None:
    text = "“We are done,” Jennifer Ortiz said on Friday. “There is nothing left to discuss.”"
    assert len(find_quotations(text)) == 1


def test_fragments_in_one_sentence_stay_together() -> None:
    text = "Ortiz called the plan “reckless,” “cruel” and “a betrayal of every family here.”"
    assert len(find_quotations(text)) == 1


# -- subjects set off by commas ---------------------------------------------------------------


def test_name_in_apposition_to_a_noun_phrase() -> None:
    text = "The mayor’s spokeswoman, Hope Lindqvist, said the council “never voted on that plan.”"
    assert speakers(text)[0][1] == "Hope Lindqvist"


def test_earliest_name_before_its_appositive() -> None:
    text = (
        "Theodore K. Brannigan, one of the mayor’s longest-serving aides, said the talks were "
        "“going nowhere at all this week.”"
    )
    assert speakers(text)[0][1] == "Theodore K. Brannigan"


def test_noun_phrase_subject_with_a_participial_phrase() -> None:
    text = (
        "The Republican nominee, speaking at a rally in Tampa, accused the governor of "
        "“running the state like a private club for his friends.”"
    )
    assert speakers(text)[0][1] == "The Republican nominee"


def test_adverbial_before_the_subject_is_not_the_subject() -> None:
    text = (
        "In Ohio, the governor’s press secretary, Gemma Ashdown, said the poll was "
        "“an outlier that nobody should take seriously.”"
    )
    assert speakers(text)[0][1] == "Gemma Ashdown"


def test_person_of_a_place() -> None:
    text = (
        "Rep. Alan Whitlock of Oregon, the senior Democrat on the panel, said the report "
        "was “deeply troubling for anyone who cares about elections.”"
    )
    # (the place stays with the name: see test_place_after_a_titled_name_stays_…)
    assert speakers(text)[0][1] == "Alan Whitlock of Oregon"


def test_office_of_a_state_keeps_the_name_after_it() -> None:
    text = (
        "Secretary of State Walter H. Brennock said the allies would take “firm measures in "
        "reply to the launch.”"
    )
    assert speakers(text)[0][1] == "Walter H. Brennock"


def test_speech_noun_in_passing_is_no_attribution() -> None:
    text = (
        "Carl Denning, the governor’s running mate, defended Halvorsen’s remarks, arguing that "
        "they were “taken out of context by the press.”"
    )
    assert speakers(text)[0][1] == "Carl Denning"


def test_show_title_inside_an_utterance_is_dropped_from_it() -> None:
    text = "Lena Ashby said on KTVB’s “Morning Ledger” that the plan was “a danger to every family.”"
    assert [q.text for q in find_quotes(text)] == ["a danger to every family."]


def test_organisation_that_calls_something_a_name_speaks() -> None:
    text = "In a statement, the Quillon campaign called the remarks “disgusting.”"
    assert speakers(text) == [("disgusting.", "Quillon campaign")]


def test_common_noun_that_calls_something_a_name_is_a_label() -> None:
    text = "In the end, the idea called the “sharing economy” faded away."
    assert find_quotes(text) == []


def test_noun_like_verb_after_a_name_reports() -> None:
    text = "Ortega claims the council has been “sitting on the money for three years.”"
    assert speakers(text)[0][1] == "Ortega"


def test_noun_like_verb_after_an_adjective_is_a_noun() -> None:
    text = "The site graded 41% of Republican claims as “wrong” or “badly off the mark” in the spring."
    assert all(sp != "Republican" for _q, sp in speakers(text))


def test_pronoun_antecedent_precedes_the_pronoun() -> None:
    text = (
        "Brandt, for his part, has been less restrained. At a rally Monday, he called "
        "Ortega “the worst mayor this city has ever had.”"
    )
    assert speakers(text)[0][1] == "Brandt"


def test_lone_name_with_a_form_of_be_is_an_antecedent() -> None:
    text = (
        "Pressed on the issue, Ortega was blunt. “I have said what I have to say about "
        "it,” she told reporters."
    )
    assert speakers(text)[0][1] == "Ortega"


def test_place_after_a_preposition_before_a_colon_is_not_the_speaker() -> None:
    text = "Mayor spokesman Gemma Ashdown responded on Twitter: “This is a new low for the council.”"
    assert speakers(text)[0][1] == "Gemma Ashdown"


def test_attribution_after_a_closed_sentence_with_an_adverbial() -> None:
    text = (
        "“We will win this state.” Brandt said at a rally in Dayton on Tuesday evening "
        "where thousands of supporters had gathered to hear him speak about jobs and trade."
    )
    assert speakers(text)[0][1] == "Brandt"


def test_new_statement_after_a_closed_quotation_is_not_its_attribution() -> None:
    text = (
        "“Ortega is lying about the budget and everyone in this city knows it.” Ortega said "
        "the remarks were false and that she would publish every single invoice of the city "
        "on its website next week."
    )
    assert speakers(text)[0][1] is None


def test_idioms_that_introduce_a_quotation() -> None:
    text = "Asked about the vote, Ruth Ortega had this to say: “We will fight it in court.”"
    assert speakers(text)[0][1] == "Ruth Ortega"
    text = "Ruth Ortega fired back: “We will fight it in court, and we will win.”"
    assert speakers(text)[0][1] == "Ruth Ortega"
    text = "Ruth Ortega’s response was swift: “We will fight it in court, and we will win.”"
    assert speakers(text)[0][1] == "Ruth Ortega"


def test_an_infinitive_to_say_mid_sentence_is_no_introduction() -> None:
    text = "Nobody had anything to say about the “new and improved parking rules” this week."
    assert all(sp is None for _q, sp in speakers(text))


def test_role_words_and_a_name_before_the_verb() -> None:
    text = (
        "The rover found salt crusts near the crater rim.\n“We have found the closest "
        "thing to an old lake bed,” lead author and ESA planetary geologist Ilse Vandermeer "
        "said in a statement."
    )
    assert speakers(text)[0][1] == "Ilse Vandermeer"
    text = (
        "“Our quarter showed steady gains in every region,” chairman, CEO and "
        "president Hollis Grange said in the release."
    )
    assert speakers(text)[0][1] == "Hollis Grange"
    # no role noun right before the name: Democrats and Republicans are no speaker's name
    text = "“We will never vote for this budget,” Democrats and Republicans said on Friday."
    assert speakers(text)[0][1] != "Republicans"


def test_hyphenated_role_after_an_inverted_verb() -> None:
    text = "“It was a remarkably light jacket for wet hikes,” said gear-tester Marit Solberg."
    assert speakers(text)[0][1] == "Marit Solberg"
    text = (
        "“I could not climb the stairs for half a year,” wrote 51-year-old Duncan Ferrie of "
        "Cumbria, in a case study."
    )
    assert speakers(text)[0][1] == "Duncan Ferrie"


def test_adverb_in_ly_between_name_and_verb_after_the_quote() -> None:
    text = "“Can I give it to my brother James?” Brooke tearfully asked the crowd."
    assert speakers(text)[0][1] == "Brooke"
    # a noun in -ly after a name is no adverb: `the Okoro family` spoke, not Okoro
    text = "“We are grateful to everyone who searched for him,” the Okoro family said."
    assert speakers(text)[0][1] != "Okoro"


def test_time_adverbial_after_the_verb_of_a_closed_quotation() -> None:
    text = (
        "Voters went to the polls on Tuesday.\n“Mayor Tolland has done a marvellous job for "
        "the town!” Halvorsen tweeted before Election Day."
    )
    assert speakers(text)[0][1] == "Halvorsen"


def test_clause_closing_the_sentence_before_an_adverbial() -> None:
    text = (
        "The county’s housing shortage is “getting worse by the month” and touches every "
        "family in the county, Marsden said in the campaign’s announcement."
    )
    assert speakers(text)[0][1] == "Marsden"


def test_name_with_mis_decoded_letters() -> None:
    text = (
        "Talks began in Ghent.\n\"The union must be able to feed itself,\" French "
        "Minister Fran\u00c3\u0083\u00c2\u00a7ois Vallier said Friday as he arrived."
    )
    assert "Vallier" in (speakers(text)[0][1] or "")


def test_participle_after_an_object_shares_the_sentence_subject() -> None:
    text = (
        "The vote came late.\nAfter a hearing, the Harbour Board issued a statement "
        "calling the spill “a plain breach and in open defiance” of its permits."
    )
    assert speakers(text)[0][1] == "Harbour Board"
    text = (
        "Edward Halvorsen sent a tweet calling the referee “a complete fraud and a paid "
        "stooge.”"
    )
    assert speakers(text)[0][1] == "Edward Halvorsen"
    # the object is no speaker, and a lone capitalised word opening the sentence is no name
    text = "Instead, the city issued a notice calling the plan “a waste of time and money.”"
    assert speakers(text)[0][1] in (None, "the city")
    # a name ending in -ing that opens the sentence is still its subject
    text = "Fleming spoke first.\n“We will not sign this agreement,” Fleming said."
    assert speakers(text)[0][1] == "Fleming"


def test_lone_surname_before_a_phrase_that_names_a_place() -> None:
    text = (
        "Okoro, speaking at a rally in Philadelphia, urged voters to reject what he called "
        "“a dark and pessimistic vision of the country.”"
    )
    assert speakers(text)[0][1] == "Okoro"


def test_it_is_the_organisation_opening_its_sentence() -> None:
    text = (
        "The Northern Rivers Water Authority on Friday condemned the spill and pledged "
        "fines against what it called “a plain danger to public health.”"
    )
    assert speakers(text)[0][1] == "Northern Rivers Water Authority"
    # no organisation opens the sentence: `it` stays unclear
    text = "On Friday the vote failed, and it called the result “a plain danger to health.”"
    assert speakers(text)[0][1] is None


def test_time_before_a_participle_is_no_speaker() -> None:
    text = (
        "The party chairman, Ruth Okoro, issued a statement Friday night saying that "
        "“no candidate should ever talk about voters in this manner.”"
    )
    assert speakers(text)[0][1] == "Ruth Okoro"
    text = "A statement issued Friday night saying that “no candidate should ever talk this way.”"
    assert speakers(text)[0][1] != "Friday night"


def test_name_with_a_parenthesis_opens_its_sentence() -> None:
    text = (
        "Republicans were not concerned. Sen. Dan Okoro (R-Ga.) said he did not believe "
        "those attacks mattered, arguing that divisions in the party were the hurdle.\n"
        "“It’s not what won in 2008. Those are only sideshows,” he said."
    )
    assert speakers(text)[0][1] == "Dan Okoro"


# -- issue 16, third pass -----------------------------------------------------------------


def test_quote_running_over_paragraphs_takes_the_clause_of_its_last() -> None:
    # The first paragraph never closes its mark; its clause comes in the next one.
    text = (
        "Ellen Marsh came to the podium after a long silence.\n"
        "“I have lived in this valley my whole life. I have never seen water this high.\n"
        "“I hope I never will again, and I pray for every family here,” Marsh said."
    )
    got = speakers(text)
    assert [s for _q, s in got] == ["Ellen Marsh", "Ellen Marsh"]


def test_closed_paragraph_before_a_clause_keeps_its_own_reading() -> None:
    # The first paragraph closes its quotation: no run-on, the next clause is not its.
    text = (
        "“I have lived in this valley my whole life and never seen water this high.”\n"
        "“I hope I never will again, and I pray for every family here,” Marsh said."
    )
    got = speakers(text)
    assert got[0][1] is None
    assert got[1][1] == "Marsh"


def test_short_run_on_fragment_stays_a_scare_quote() -> None:
    text = (
        "The plan, which critics call “a giveaway\n"
        "“It helps no one who needs it,” Dana Ruiz said."
    )
    assert [q for q, _s in speakers(text)] == ["It helps no one who needs it,"]


def test_sentence_before_the_quotation_names_who_acts() -> None:
    text = (
        "Officials from the agency and the county met on Friday.\n"
        "Chris Varga disagreed with the county’s figures. “There is no evidence of that.”"
    )
    assert speakers(text) == [("There is no evidence of that.", "Chris Varga")]


def test_sentence_before_the_quotation_without_a_named_subject() -> None:
    text = (
        "Officials from the agency and the county met on Friday.\n"
        "The figures were disputed by several residents. “There is no evidence of that.”"
    )
    assert speakers(text) == [("There is no evidence of that.", None)]


def test_clause_after_the_quote_beats_a_possessive_speech_noun() -> None:
    text = (
        "Anna Reyes and Tom Ward debated on Monday.\n"
        "Ward’s claim that the budget balances is “a fantasy,” Reyes said."
    )
    assert speakers(text) == [("a fantasy,", "Anna Reyes")]


def test_possessive_speech_noun_without_a_later_clause_still_speaks() -> None:
    text = (
        "Anna Reyes and Tom Ward debated on Monday.\n"
        "Ward’s claim that the budget “balances in every year” drew laughter."
    )
    assert speakers(text) == [("balances in every year", "Tom Ward")]


def test_verbs_whose_final_consonant_doubles_report_speech() -> None:
    # `brag` -> `bragged`, `rebut` -> `rebutted`: inflections _regular cannot spell.
    text = (
        "Nora Quist spoke in Ames.\n"
        "Later, taking questions, she bragged that her rallies were “the biggest in the state.”"
    )
    assert speakers(text) == [("the biggest in the state.", "Nora Quist")]
    assert speakers("“That is simply not true,” rebutted Quist.") == [
        ("That is simply not true,", "Quist")
    ]


def test_no_reporting_verb_no_speaker_for_a_pronoun_sentence() -> None:
    text = (
        "Nora Quist spoke in Ames.\n"
        "Later, taking questions, she said little. Her rallies were “the biggest in the state.”"
    )
    assert speakers(text) == [("the biggest in the state.", None)]


# -- issue 16, fourth pass: a named person and a quotation without a verb of the lexicon ----


def test_colon_introduction_with_a_named_subject_and_any_verb() -> None:
    # The sentence introduces the quotation with its colon: its subject speaks, whatever
    # its verb (as a colon that closes the paragraph before does).
    for intro in ("Nadia Petrov took to Twitter:", "Nadia Petrov went further:",
                  "Nadia Petrov made the same point on Monday:",
                  "Nadia Petrov didn’t mince words:", "Nadia Petrov couldn’t resist:"):
        text = f"{intro} “The bridge will not reopen before the spring thaw.”"
        assert speakers(text) == [
            ("The bridge will not reopen before the spring thaw.", "Nadia Petrov")
        ], intro
    text = (
        "Officials met Maria Petrov at the port.\n"
        "She went further: “The bridge will not reopen before the spring thaw.”"
    )
    assert speakers(text)[0][1] == "Maria Petrov"


def test_colon_introduction_without_a_named_subject() -> None:
    for intro in ("Residents of the valley were divided:",
                  "What I never expected was the first question:",
                  "The vote was held in Dayton (at noon):"):
        text = f"{intro} “The bridge will not reopen before the spring thaw.”"
        assert speakers(text) == [
            ("The bridge will not reopen before the spring thaw.", None)
        ], intro


def test_negated_auxiliary_after_the_named_subject_of_the_sentence_before() -> None:
    text = "Nadia Petrov didn’t hold back. “The bridge will not reopen before the spring thaw.”"
    assert speakers(text) == [("The bridge will not reopen before the spring thaw.", "Nadia Petrov")]


def test_verb_in_s_before_the_article_a() -> None:
    # `a` is also a French auxiliary: before it a verb in -s is still a verb.
    text = "Nadia Petrov wants a “clean break with the habits of the old harbour board.”"
    assert speakers(text)[0][1] == "Nadia Petrov"
    text = "Nadia Petrov’s plans are a “clean break with the habits of the old harbour board.”"
    assert speakers(text)[0][1] is None


def test_possessive_and_noun_before_a_colon() -> None:
    text = "Nadia Petrov’s verdict: “The bridge will not reopen before the spring thaw.”"
    assert speakers(text)[0][1] == "Nadia Petrov"
    text = "The port’s new slogan: “The bridge will not reopen before the spring thaw.”"
    assert all(s is None for _q, s in speakers(text))


def test_name_and_party_in_parentheses_before_a_colon() -> None:
    text = "Sen. Nadia Petrov (R-Ohio): “The bridge will not reopen before the spring thaw.”"
    assert speakers(text)[0][1] == "Nadia Petrov"


def test_in_the_words_of_a_person() -> None:
    for text in (
        "In the words of Nadia Petrov: “The bridge will not reopen before the spring thaw.”",
        "The plan is, in the words of Nadia Petrov, “a bridge to nowhere and back again.”",
        "In Nadia Petrov’s words, “the bridge will not reopen before the spring thaw.”",
    ):
        assert speakers(text)[0][1] == "Nadia Petrov", text
    text = "In the words of the old ballad, “the bridge will not reopen before the thaw.”"
    assert all(s is None for _q, s in speakers(text))


def test_particle_verb_after_a_comma_ended_quotation() -> None:
    text = "“The bridge will not reopen before the thaw,” Nadia Petrov shot back."
    assert speakers(text)[0][1] == "Nadia Petrov"
    # a new sentence after a closed quotation is no clause of it
    text = "“The bridge will not reopen before the thaw.” Nadia Petrov shot back at critics " \
        "in a long interview with the local radio station on Friday night."
    assert speakers(text)[0][1] is None


def test_is_how_a_person_put_it() -> None:
    text = "“A bridge to nowhere and back again” is how Nadia Petrov described the plan."
    assert speakers(text)[0][1] == "Nadia Petrov"
    text = "“A bridge to nowhere and back again” was how the mayor put it."
    assert speakers(text)[0][1] == "the mayor"
    text = "“A bridge to nowhere and back again” is how the toll system works."
    assert speakers(text)[0][1] is None


def test_a_named_person_and_a_group_speak() -> None:
    text = "“The ice is thinner than the models say,” Rita Olsen and her team wrote in the paper."
    assert speakers(text)[0][1] == "Rita Olsen"
    text = "“The ice is thinner than the models say,” Rita Olsen and her team found."
    assert speakers(text)[0][1] is None


def test_hyphenated_role_right_before_the_name() -> None:
    text = "“The ice is thinner than the models say,” NOAA scientist and study co-author " \
        "Rita Olsen said."
    assert speakers(text)[0][1] == "Rita Olsen"


def test_roles_before_a_full_name_open_the_sentence() -> None:
    q = "“clean break with the habits of the old harbour board.”"
    for subject, who in (
        ("Republican presidential nominee Nadia Petrov", "Nadia Petrov"),
        ("Former Secretary of State Nadia Petrov", "Nadia Petrov"),
        ("The Republican nominee Nadia Petrov", "Nadia Petrov"),
        ("The Republican nominee, Nadia Petrov,", "Nadia Petrov"),
        ("Petrov’s running mate, Gov. Tom Ash,", "Tom Ash"),
        ("The Petrov campaign", "The Petrov campaign"),
    ):
        text = f"{subject} has long pushed for a {q}"
        assert speakers(text)[0][1] == who, subject


def test_noun_phrase_subject_without_a_name_gives_no_speaker() -> None:
    q = "“clean break with the habits of the old harbour board.”"
    for subject in ("The Republican nominee", "The long story of how actress Nadia Petrov"):
        assert speakers(f"{subject} has long pushed for a {q}")[0][1] is None, subject
    # a second clause with its own subject owns the quotation
    text = (f"Nadia Petrov drew a chart of the harbour, and we affectionately dubbed it a {q}")
    assert speakers(text)[0][1] is None


def test_irregular_past_after_a_full_name() -> None:
    text = "Nadia Petrov took aim at the “clean break with the habits of the harbour board.”"
    assert speakers(text)[0][1] == "Nadia Petrov"
    text = "Math gave her a “clean break with the habits of the old harbour board.”"
    assert speakers(text)[0][1] is None


def test_roles_before_the_name_after_the_quotation() -> None:
    q = "“The bridge will not reopen before the thaw,”"
    assert speakers(f"{q} Republican nominee Nadia Petrov shot back.")[0][1] == "Nadia Petrov"
    assert speakers(f"{q} Rep. Nadia Petrov, R-Ohio, shot back.")[0][1] == "Nadia Petrov"
    text = "“The bridge will not reopen before the thaw” — Republican nominee Nadia Petrov"
    assert speakers(text)[0][1] == "Nadia Petrov"
    assert speakers(f"{q} Nadia Petrov, the mayor, and Tom Ash.")[0][1] is None


def test_a_written_text_reads() -> None:
    q = "“The bridge will not reopen before the thaw,”"
    assert speakers(f"{q} the statement read.")[0][1] == "the statement"
    assert speakers(f"{q} the letter reads in part.")[0][1] == "the letter"
    assert speakers(f"{q} read a statement from Nadia Petrov.")[0][1] == "Nadia Petrov"
    text = "You can read “The bridge will not reopen before the thaw” on the sign."
    assert speakers(text)[0][1] is None


def test_an_honorific_names_a_person_without_a_full_name() -> None:
    text = (
        "Mr. Okafor waves off the criticism of the levy.\n"
        "“People will thank us when the river rises again,” he said."
    )
    assert speakers(text)[0][1] == "Okafor"
    # `Miss` also opens titles of contests, which are no one
    text = (
        "Miss Universe crowned a new winner in Lagos.\n"
        "“People will thank us when the river rises again,” she said."
    )
    assert speakers(text)[0][1] is None


def test_pronoun_after_a_reporter_whose_clause_names_others() -> None:
    # The people named inside the clause a subject reports are talked about; the subject
    # talks.
    text = (
        "Host Carl Dunne said Pence’s calm would help Trump’s numbers this week.\n"
        "“He came across as the grown-up in the room,” he said."
    )
    assert speakers(text)[0][1] == "Carl Dunne"


def test_pronoun_after_a_reporter_and_a_later_sentence_naming_someone() -> None:
    text = (
        "Host Carl Dunne said Pence’s calm would help Trump’s numbers this week. "
        "Viewers disagreed with Tom Ash’s take on it.\n"
        "“He came across as the grown-up in the room,” he said."
    )
    assert speakers(text)[0][1] is None


def test_as_a_person_put_it_after_the_quotation() -> None:
    text = "The toll is “a tax on the people who can least afford it,” as Nadia Petrov put it."
    assert speakers(text)[0][1] == "Nadia Petrov"
    text = "“The toll is a tax on the poor,” as the Petrov campaign said on Monday."
    assert speakers(text)[0][1] == "the Petrov campaign"
    text = "The toll is “a tax on the people who can least afford it,” as far as Petrov knows."
    assert speakers(text)[0][1] is None


def test_a_clause_does_not_reach_a_quotation_a_page_later() -> None:
    # A long paragraph: the clause of the first quotation is not the second one's.
    filler = "The sets are short and the rests are long, so plan them with care. " * 8
    text = (
        "“Add a little weight every single week,” as Coach Dana Hill explains here. "
        + filler + "One muscle group works while the other is “resting.”"
    )
    assert speakers(text) == [("Add a little weight every single week,", "Dana Hill")]


# -- a place or organisation after the name (`of Ohio`, `of the Heron Society`) ------------


def test_place_after_a_titled_name_stays_with_the_speaker() -> None:
    # News identifies a lawmaker by the place they represent: the speaker keeps it, in
    # every position of the clause.
    for text in (
        "“We will not back down on this bill,” said Representative Nora Vance of New Mexico.",
        "“We will not back down on this bill,” Rep. Nora Vance of New Mexico said.",
        "Rep. Nora Vance of New Mexico said the bill was “dead on arrival in the House.”",
        "Nora Vance of New Mexico has long called the bill “dead on arrival in the House.”",
    ):
        assert speakers(text)[0][1] == "Nora Vance of New Mexico", text


def test_organisation_after_a_name_stays_with_the_speaker() -> None:
    text = "“The river cannot take another dam,” said Tom Hale of the Prairie Water Trust."
    assert speakers(text)[0][1] == "Tom Hale of the Prairie Water Trust"
    text = "“The river cannot take another dam,” said Ida Kern of the University of Leeds."
    assert speakers(text)[0][1] == "Ida Kern of the University of Leeds"
    text = "“Our members come first,” the Guild of Bakers said in a statement."
    assert speakers(text)[0][1] == "Guild of Bakers"


def test_of_after_a_name_that_is_no_qualifier() -> None:
    # `of` a person is what the words are about; a title's own `of` leads to the name.
    text = "Tom Baker spoke next. “He is a disaster,” said Nora Vance of Baker."
    assert speakers(text)[0][1] == "Nora Vance"
    text = "“The talks are at a crossroads,” said Secretary of State Ruth Ortega."
    assert speakers(text)[0][1] == "Ruth Ortega"
    text = "“We will not back down on this bill,” said Nora Vance, of New Mexico."
    assert speakers(text)[0][1] == "Nora Vance"
    text = "“We will not back down on this bill,” said Nora Vance of Tom’s campaign."
    assert speakers(text)[0][1] == "Nora Vance"


# -- pronoun chains ------------------------------------------------------------------------


def test_pronoun_after_a_speaker_named_by_surname_only() -> None:
    # `Ortega` has no fuller form in the article: still the person who just spoke.
    text = (
        "Lee Quan toured the port on Monday.\n\n"
        "“The vote is a step forward for the region,” Ortega said. He called the deal "
        "“a model for the rest of the hemisphere to follow.”"
    )
    assert [s for _q, s in speakers(text)] == ["Ortega", "Ortega"]


def test_word_capitalised_only_at_sentence_starts_is_no_speaker_to_refer_to() -> None:
    text = (
        "Lee Quan toured the site.\n\n"
        "“Work starts in May,” Officials said. He called it “a model for the whole "
        "region to follow.”"
    )
    assert speakers(text)[-1][1] != "Officials"


def test_plural_noun_opening_a_sentence_is_no_antecedent() -> None:
    text = (
        "“I do not make a habit of endorsing people who mock my family,” Paul Tasker said "
        "in July.\n\n"
        "Delegates questioned how Tasker could go back on his promise.\n\n"
        "“The day that promise was broken was the day it turned personal,” he said."
    )
    assert speakers(text)[-1][1] == "Paul Tasker"
    # A surname in -s that stands mid-sentence elsewhere is a person: then it is unclear.
    text = (
        "“I do not make a habit of endorsing people who mock my family,” Paul Tasker said "
        "in July, according to Roberts.\n\n"
        "Roberts questioned how Tasker could go back on his promise.\n\n"
        "“The day that promise was broken was the day it turned personal,” he said."
    )
    assert speakers(text)[-1][1] is None


def test_pronoun_keeps_the_last_speaker_over_people_named_as_objects() -> None:
    text = (
        "Speaking at a rally in Dayton, Ohio, Donald Lee says he is putting “a challenge” to "
        "Tom Ruiz.\n\n"
        "“Will you pledge to stop the cuts before the vote in November?” he asks."
    )
    assert speakers(text)[-1][1] == "Donald Lee"


def test_pronoun_does_not_keep_the_last_speaker_over_a_new_subject() -> None:
    text = (
        "Speaking at a rally in Dayton, Ohio, Donald Lee says he is putting “a challenge” to "
        "Tom Ruiz.\n\n"
        "Hours later in Toledo, Tom Ruiz laughed it off.\n\n"
        "“That is wishful thinking from a man who has never balanced a budget,” he said."
    )
    assert speakers(text)[-1][1] == "Tom Ruiz"


def test_pronoun_with_a_speaker_of_unknown_gender_stays_unclear() -> None:
    # `she`: the speaker's gender is unknown and a woman is named after her, as an object.
    text = (
        "“He would sketch on anything he could find,” Kit Lanner told me.\n\n"
        "When Dorian visited his agent Greta Holm at her studio, he left drawings on her chair. "
        "“A day was never enough,” she recalled, “for all of his ideas.”"
    )
    assert speakers(text)[-1][1] != "Kit Lanner"


def test_subject_after_a_long_opening_phrase_is_the_antecedent() -> None:
    text = (
        "Anna Weiss prefers low centerpieces.\n\n"
        "When selecting the flowers for a spring wedding in the countryside, Beth Moran "
        "says to look to the garden first. “Bouquets are wilder and less formal these days,” "
        "she says."
    )
    assert speakers(text)[-1][1] == "Beth Moran"


def test_subject_with_a_party_in_parentheses_and_an_appositive_is_the_antecedent() -> None:
    text = (
        "Rep. Tom Hale testified first.\n\n"
        "At a hearing of the budget panel, Rep. Carl Dunne (R-Ohio), the ranking member, "
        "pushed for more launches.\n\n"
        "“We need two rockets a year, not one every other year,” he said."
    )
    assert speakers(text)[-1][1] == "Carl Dunne"


# -- a quotation standing alone after a paragraph of reported speech ---------------------


def test_lone_quotation_after_a_paragraph_of_reported_speech() -> None:
    text = (
        "Nadia Petrov, who chairs the port authority, said the new cranes would halve the "
        "waiting times for ships.\n\n"
        "“We have waited ten years for this, and the captains have waited longer.”"
    )
    assert speakers(text)[-1][1] == "Nadia Petrov"
    text = (
        "The harbour was quiet on Monday. Tom Ash said he expected the strike to end soon."
        "\n\n“Nobody wants another week of this, least of all the dockers.”"
    )
    assert speakers(text)[-1][1] == "Tom Ash"


def test_lone_quotation_after_a_paragraph_without_reported_speech() -> None:
    text = (
        "Nadia Petrov toured the port on Monday with two engineers.\n\n"
        "“We have waited ten years for this, and the captains have waited longer.”"
    )
    assert speakers(text)[-1][1] is None
    # a word capitalised only where it opens a sentence is no one
    text = (
        "Experience suggests the cranes would halve the waiting times.\n\n"
        "“We have waited ten years for this, and the captains have waited longer.”"
    )
    assert speakers(text)[-1][1] is None


# -- a quoted term and the sentence that goes on after it ---------------------------------


def test_modal_or_adverb_after_a_quoted_term_is_no_speaker() -> None:
    for text in (
        "In the trade, “plant based eating” typically refers to a diet rather than a creed.",
        "On a film set, “principal photography” may refer only to the days of shooting.",
    ):
        assert all(s is None for _q, s in speakers(text)), text


def test_plain_noun_after_an_exclaimed_quote_still_speaks() -> None:
    text = "“We have the suspect, we have him now!” officers announced over their radios."
    assert speakers(text)[0][1] == "officers"


# -- a pronoun's antecedent: who acts, who is only mentioned (issue 16, sixth pass) ------


def test_name_set_off_by_commas_before_its_reporting_verb_reports() -> None:
    # `Idris Kamara, who represents Baker, said …`: the relative clause stands between the
    # name and its verb; he reported speech, the man named inside the clause did not.
    text = (
        "Lawyers for the two men said they would contest every count. “We are prepared,” "
        "said Tom Ash, who represents Ortiz.\n\n"
        "Idris Kamara, who represents Carl Baker, said his client turned the deal down. "
        "He said Baker runs a bakery with his brother, and a conviction would “end the "
        "business.”"
    )
    assert speakers(text)[-1][1] == "Idris Kamara"
    # a verb that reports nothing after the clause: no one to prefer
    text = text.replace("Carl Baker, said his client turned", "Carl Baker, sat by his client "
                        "who turned")
    assert speakers(text)[-1][1] is None


def test_place_before_a_parenthetical_reporting_clause_does_not_act() -> None:
    # `Reaching the cave at Maridor, he said, is …`: `Maridor` is not the subject of `is`.
    text = (
        "Idris Kamara, a geologist who led the dig, said most of the site had been mapped. "
        "“The cave is the puzzle,” he said.\n\n"
        "Reaching the cave at Maridor, he said, is “the last big step” of the project."
    )
    assert speakers(text)[-1][1] == "Idris Kamara"
    # a set-off phrase that is not a reporting clause: the word still acts
    text = text.replace("Reaching the cave at Maridor, he said, is",
                        "Reaching the cave, Maridor, speaking at a rally, said it is")
    assert speakers(text)[-1][1] != "Idris Kamara"


def test_lone_name_after_a_preposition_is_no_one_who_acts() -> None:
    # `The House of Lanterns was …`: the title acts, not `Lanterns`.
    text = (
        "I met Rita Vale at her studio. Vale rarely talks about the lawsuit. "
        "The House of Lanterns was the first play she ever staged. The months after it left "
        "her “quite worn out,” she said."
    )
    assert speakers(text)[-1][1] == "Rita Vale"
    # a lone name that acts, after no preposition, may be the one who spoke: unclear
    text = text.replace("The House of Lanterns was", "In 1990 Rivera was")
    assert speakers(text)[-1][1] is None


def test_role_words_before_a_sentence_subject() -> None:
    # `Veteran goalkeeper Idris Kamara, who …, could sense …`: the role does not hide that
    # the name opens its sentence, and the man named later inside the clause is an object.
    text = (
        "“That was the plan,” Coach Dan Boyd said.\n\n"
        "By March, Kofi Mensah had missed four penalties in a row. Veteran goalkeeper Idris "
        "Kamara, who teased Mensah about his boots, could sense the doubt.\n\n"
        "“He expects to score every time,” he said."
    )
    assert speakers(text)[-1][1] == "Idris Kamara"
    text = (
        "“That was the plan,” Coach Dan Boyd said.\n\n"
        "By March, Kofi Mensah had missed four penalties in a row. Fans cheered Idris "
        "Kamara, who teased Mensah about his boots, and the doubt.\n\n"
        "“He expects to score every time,” he said."
    )
    assert speakers(text)[-1][1] != "Idris Kamara"  # an object, after a verb


def test_relative_clause_after_a_noun_phrase_subject_is_not_the_subject() -> None:
    # `The Republican nominee, who spoke in Ohio, called …`: the place at the end of the
    # relative clause is no speaker; the noun phrase before the clause is.
    text = ("The Republican nominee, who spoke at a rally in Ohio, called the plan “a "
            "disaster for the city and its people.”")
    assert speakers(text)[0][1] == "The Republican nominee"
    # a name before the clause stays the subject; a set-off name after a role still wins
    text = ("Ann Lee, who spoke in Ohio on Friday, called the plan “a disaster for the city "
            "and its people.”")
    assert speakers(text)[0][1] == "Ann Lee"
    text = ("The party chairman, Tom Baker, called the plan “a disaster for the city and "
            "its people.”")
    assert speakers(text)[0][1] == "Tom Baker"


def test_inverted_clause_reports_for_a_later_pronoun() -> None:
    # `…, says Idris Vance, author of …. “…,” she says.`: the person of the inverted clause
    # reported the sentence before the quotation.
    text = (
        "“Most runners train too hard,” says Tom Hale, a coach in Leeds.\n\n"
        "Rest days matter just as much as long runs, says Idris Vance, author of "
        "The Slow Mile. “Skipping them is how most injuries start, in my experience,” "
        "she says."
    )
    assert speakers(text)[-1][1] == "Idris Vance"
    # a name after `said` that opens the reported clause is no reporter
    text = (
        "“Most runners train too hard,” says Rita Hale, a coach in Leeds.\n\n"
        "Marco Vell, the firm’s head of operations, said Kofi Tyvak would "
        "run the new plant. “We will begin with one line,” she said."
    )
    assert speakers(text)[-1][1] != "Kofi Tyvak"


def test_pronoun_chain_leads_back_to_the_sentence_subject() -> None:
    # Sentences that open with `She` (or `But she`) continue the subject of the sentence
    # before them; the woman named as an object on the way is not the antecedent.
    head = "“He painted every day,” said Owen Marsh, his gallerist.\n\n"
    quote = " “I doubt Ann would ever sell a single one of his paintings,” she said."
    lead = "A retired nurse of 79, Mary Vale lives on a farm outside Dayton."
    text = (head + lead + " She talked warmly about her late cousin. But she went quiet "
            "when I mentioned his daughter. She wrote down a number for his daughter, Ann "
            "Fry." + quote)
    assert speakers(text)[-1][1] == "Mary Vale"
    # no sentence opens with the pronoun, or one opens with another: unclear
    text = head + lead + " Her cousin painted for Ann Fry." + quote
    assert speakers(text)[-1][1] is None
    text = (head + lead + " Her cousin painted often. He wrote down a number for his "
            "daughter, Ann Fry." + quote)
    assert speakers(text)[-1][1] is None


def test_pronoun_chain_head_may_be_a_full_name_of_unknown_gender() -> None:
    text = (
        "Victor Hayes has managed many bands, and he has denied treating her badly.\n\n"
        "Then, on Monday, Jordan Vale posted online about the studio.\n\n"
        "She said the studio wanted to cancel the tour. She forwarded the email to Ann Fry."
        "\n\n“All I ask is to record the songs I wrote myself,” she said."
    )
    assert speakers(text)[-1][1] == "Jordan Vale"
    # the sentence the chain leads back to names her as an object: unclear
    text = text.replace("Jordan Vale posted online about the studio",
                        "the studio sued Jordan Vale in Nashville")
    assert speakers(text)[-1][1] is None


def test_word_capitalised_only_where_it_opens_a_sentence_is_no_sentence_subject() -> None:
    # `Such trials would …, but she said …`: `Such` opens the sentence, it names no one.
    text = ("Gwen Shaw said the ferry trials could start in May. Such trials would carry no "
            "passengers, but she said they could be “a useful first test” of the route.")
    assert speakers(text)[-1][1] == "Gwen Shaw"
    # a surname the article also writes mid-sentence opens its sentence as a name
    text = ("Gwen Shaw said the ferry trials could start in May. Shaw spoke on Friday and "
            "called the plan “a useful first test of the new island route.”")
    assert speakers(text)[-1][1] == "Gwen Shaw"


def test_role_words_are_read_back_a_few_words_only() -> None:
    # the role before a name is found in a paragraph of any length without line breaks, and
    # a run of letters too long for any word is no role
    from newsclean.enrich.speakers import _role_start

    text = "The club met twice that week. " * 2000 + "Veteran goalkeeper Idris Kamara"
    pos = text.index("Idris Kamara")
    assert text[_role_start(text, pos):pos] == "Veteran goalkeeper "
    text = "x" * 120 + " Idris Kamara"
    assert _role_start(text, text.index("Idris")) == text.index("Idris")
