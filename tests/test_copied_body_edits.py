"""A body printed twice whose copy was lightly edited: inside the copied stretch, lines are
compared with the line their neighbour's original leads to, so short lines, a paragraph that
lost its long first sentence and a sentence whose capitalised word changed go with the copy;
an article's own field lines and a heading restating the headline next to a copy stay."""

from __future__ import annotations

from newsclean import clean_text, restore
from newsclean.detect.repeats import NEAR_COPY

HEAD = "date 2025-03-02 200"
TITLE = "Volunteers restore the old mill pond before spring"
BODY = [
    "Volunteers spent three weekends clearing silt and fallen branches from the old mill pond "
    "on the edge of town, and the water is flowing through the sluice again.",
    "The pond had been choked by reeds for a decade. Residents said it smelled in summer and "
    "froze into a brown sheet every winter, and few of them walked past it any more.",
    "Forty people turned up on the first Saturday.",
    "The council lent two small diggers and a trailer, and a local builder gave the gravel "
    "for a new path along the eastern bank where the old one had washed away.",
    "Frogs were already back by the second weekend, according to the parish ecologist, who "
    "counted spawn in three places along the shallow northern edge of the pond.",
    "Next month the group plans to plant willows along the bank and to put up two benches "
    "paid for by a collection at the village hall.",
]


def _copy_with_edits() -> list[str]:
    copy = list(BODY)
    copy[1] = BODY[1].split(". ", 1)[1]  # the long first sentence dropped (half is left)
    copy[4] = BODY[4].replace("Frogs were", "Toads were")  # a capitalised word changed
    copy[5] = BODY[5].replace("two benches", "three benches")  # (a figure word, no digit)
    return copy


def test_a_body_printed_twice_with_small_edits_comes_back_once() -> None:
    record = "\n".join([HEAD, TITLE, *BODY, *_copy_with_edits()])
    art = clean_text(record)
    assert art.text == "\n".join(BODY)
    assert {r.rule for r in art.removed if r.reason == "repeated"} >= {"edited_copy"}
    assert restore(art.text, art.removed) == record


def test_a_short_line_inside_the_copy_goes_with_it() -> None:
    # between two edited copies the short line alone would be left (a short repeat may be
    # the article's own)
    copy = _copy_with_edits()
    copy[3] = BODY[3].replace("two small diggers", "three small diggers")
    record = "\n".join([HEAD, TITLE, *BODY, *copy])
    art = clean_text(record)
    assert "Forty people turned up on the first Saturday." in art.text
    assert art.text.count("Forty people turned up") == 1


FIELDS = [
    "Bromeliads need bright, indirect light and a humid room, and most of them flower only "
    "once before the mother plant slowly fades and sends up new shoots.",
    "Light: Bright, indirect.",
    "Water: Keep the central cup filled.",
    "Pets: Safe to keep near cats and dogs.",
    "Calatheas are grown for their patterned leaves, which fold upwards at night, and they "
    "dislike cold draughts, hard tap water and direct afternoon sun.",
    "Light: Medium, indirect.",
    "Water: Keep the soil evenly moist.",
    "Pets: Safe to keep near cats and dogs and birds.",
]


def test_an_articles_own_field_lines_next_to_a_copied_paragraph_stay() -> None:
    # a paragraph copied at the end, right under the article's last field line: the field
    # lines of one entry are like the other's by a word, and are no copies
    record = "\n".join([HEAD, "Six houseplants for a dark flat", *FIELDS, FIELDS[4]])
    art = clean_text(record)
    assert art.text == "\n".join(FIELDS)


def test_a_heading_restating_the_headline_next_to_a_copied_paragraph_stays() -> None:
    heading = "Volunteers Restore the Old Mill Pond Before Spring, in Pictures"
    body = [BODY[0], BODY[0], heading, *BODY[1:]]
    art = clean_text("\n".join([HEAD, TITLE, *body]))
    assert heading in art.text.split("\n")


LONG = BODY[3]  # "The council lent two small diggers and a trailer, and a local builder gave …"


def test_a_paragraph_copied_with_other_punctuation_or_a_clause_dropped_is_a_copy() -> None:
    for copy in (
        LONG.replace(", and a local", " and a local"),  # the same words, other punctuation
        LONG.replace(" and a trailer,", ""),  # a clause dropped from inside
    ):
        body = [*BODY, copy]  # at the end, under the article's last paragraph
        art = clean_text("\n".join([HEAD, TITLE, *body]))
        assert art.text == "\n".join(BODY), copy
        assert [r.rule for r in art.removed if r.reason == "repeated"] == ["edited_copy"], copy


def test_a_summary_bullet_or_a_pull_quote_restating_a_paragraph_stays() -> None:
    # a key-takeaways bullet with the paragraph's very words, and a pull quote that is a
    # paragraph's middle (its opening and its close cut): the article's own
    bullet = "- " + BODY[4]
    quote = " ".join(LONG.split()[3:-4])
    for body in ([bullet, *BODY], [*BODY[:5], quote, BODY[5]]):
        art = clean_text("\n".join([HEAD, TITLE, *body]))
        assert art.text == "\n".join(body)



GERMAN_TITLE = "Neue Radwege sollen die Innenstadt entlasten"
GERMAN = [
    "Der Stadtrat hat am Donnerstag beschlossen, bis 2028 rund vierzig Kilometer neue Radwege "
    "zu bauen und mehrere Hauptstraßen für den Durchgangsverkehr zu sperren.",
    "Die Verwaltung rechnet mit Kosten von etwa sechzig Millionen Euro, von denen das Land "
    "einen großen Teil übernehmen will.",
    "Händler in der Fußgängerzone befürchten, dass weniger Kunden mit dem Auto kommen, und "
    "fordern zusätzliche Parkhäuser am Stadtrand.",
    "Die ersten Bauarbeiten sollen im Frühjahr am Bahnhofsplatz beginnen, sagte die "
    "Bürgermeisterin nach der Sitzung.",
]


def test_an_edited_copy_whose_changed_word_is_a_capitalised_noun_goes() -> None:
    # German capitalises every noun, and an update may change a name or a figure: inside the
    # copied stretch the place says which line is copied
    copy = list(GERMAN)
    copy[1] = GERMAN[1].replace("Millionen Euro", "Millionen Franken")
    copy[2] = GERMAN[2].replace("am Stadtrand", "am Ortsrand")
    record = "\n".join([HEAD, GERMAN_TITLE, *GERMAN, *copy])
    art = clean_text(record)
    assert art.text == "\n".join(GERMAN)
    assert restore(art.text, art.removed) == record


def test_templated_paragraphs_that_differ_in_a_name_stay_outside_a_copy() -> None:
    # the same sentence for two products is the article's own, not a copy with a word changed
    lines = [
        "The Aster model supports the new charging standard and ships with a two-year warranty "
        "and a spare battery in the box.",
        "Reviewers liked its screen but found the speaker weak for calls in a noisy street.",
        "The Borealis model supports the new charging standard and ships with a two-year warranty "
        "and a spare battery in the box.",
        "Its camera was the best of the group in low light, our tester found.",
    ]
    record = "\n".join([HEAD, "Four phones for under 300 euros, tested", *lines])
    art = clean_text(record)
    assert art.text == "\n".join(lines)


RAIL = [
    "The regional rail operator will switch to its winter timetable on Sunday, the biggest "
    "change to its services in a decade.",
    "Timetable",
    "Trains on the coastal line will run every twenty minutes instead of every half hour "
    "during the morning and evening peaks.",
    "- Late trains from the capital will leave at 23:40 and 00:40.",
    "- Two little-used stops on the valley branch will be served only on request.",
    "Fares",
    "Ticket prices stay the same until April, when the annual increase of about three percent "
    "takes effect.",
    "Season ticket holders can switch to the new flexible pass, which allows eight journeys a "
    "month, at no extra cost.",
    "Works",
    "Engineering work will close the line between the harbour and the university for four "
    "weekends in January, with buses replacing trains.",
    "The operator said the new timetable had been tested for months with the freight companies "
    "that share the tracks.",
]


def test_an_edited_paragraph_at_the_copys_end_does_not_pull_the_copy_into_the_body() -> None:
    # the body's own prose ends at its last long line that is no copy, exact or edited: the
    # copy's edited paragraph near its end is not where the article ends (else the short
    # run of exact copies above it would count as the article's own structure)
    copy = list(RAIL)
    copy[0] = RAIL[0].replace("biggest change", "largest change")
    copy[4] = RAIL[4].replace("valley branch", "valley line")
    copy[9] = RAIL[9].replace("four weekends", "five weekends")
    record = "\n".join([HEAD, "What changes with the new rail timetable", *RAIL, *copy])
    art = clean_text(record)
    assert art.text == "\n".join(RAIL)
    assert restore(art.text, art.removed) == record


def test_a_templated_entry_that_differs_in_a_name_stays_next_to_a_copied_paragraph() -> None:
    # an events page repeats an entry's description under each city: the line over the copy
    # is the next entry of the template (another city), not an edit of the first
    blurb = ("Meet the port operators, shipbuilders and regulators who are planning the next "
             "decade of short-sea shipping, and see the newest electric ferries up close.")
    lines = [
        "Every spring the harbour summit travels to two of the busiest ferry ports in Europe.",
        "June 4, 2026", "Lyon, France", "Join us in Lyon for the Harbour Summit!", blurb,
        "June 9, 2026", "Porto, Portugal", "Join us in Porto for the Harbour Summit!", blurb,
        "June 16, 2026", "Gdansk, Poland", "Join us in Gdansk for the Harbour Summit!",
        "The Baltic edition adds a day of site visits to the shipyards that build the region's "
        "new hybrid ferries, with places limited to two hundred guests.",
        "Tickets for all three cities go on sale in March, and members of the ferry association "
        "pay half the standard price for any of them.",
    ]
    record = "\n".join([HEAD, "Harbour Summit 2026: dates and places", *lines])
    art = clean_text(record)
    assert "Join us in Porto for the Harbour Summit!" in art.text.split("\n")
    assert restore(art.text, art.removed) == record



RULING_TITLE = "Regulator warns clinics over copied weight-loss drugs"
RULING = [
    "The medicines regulator has warned clinics and online sellers that copied versions of "
    "popular weight-loss injections are not approved and may be unsafe.",
    "Officials said they had received dozens of reports of patients taking the wrong dose after "
    "misreading syringes sold with the copied products.",
    "Dosing errors with copied injections",
    "Some patients gave themselves five to twenty times the intended amount, and several were "
    "treated in hospital for severe nausea and dehydration.",
    "Doctors were told to explain the units on the syringe to each patient and to write the "
    "dose in millilitres as well as in units.",
    "New ingredients cannot be used in copied products",
    "The regulator said two experimental ingredients sold online have never been approved and "
    "cannot legally be mixed into any injection.",
    "It has written to the companies selling them and asked payment firms to stop processing "
    "their orders.",
]


def _ruling_copy(heading: str) -> list[str]:
    copy = list(RULING)
    copy[1] = RULING[1].replace("dozens of", "many")
    copy[5] = heading
    return copy


def test_a_short_edited_heading_between_found_copies_goes_with_the_copy() -> None:
    # alone, a short heading with a word changed is no copy (it ends no sentence); between
    # two found copies it stands where its original stands between theirs
    record = "\n".join([HEAD, RULING_TITLE, *RULING, *_ruling_copy(
        "New ingredients cannot the used in copied products")])
    art = clean_text(record)
    assert art.text == "\n".join(RULING)
    assert "edited_copy" in {r.rule for r in art.removed if r.text.startswith("New ingredients")}
    assert restore(art.text, art.removed) == record


def test_a_line_naming_another_thing_between_found_copies_is_no_copy() -> None:
    # the same place in the copy, but another name: a template's next entry, not an edit
    from newsclean.detect import repeats
    from newsclean.text_view import TextView

    for heading, copied in (
        ("New ingredients cannot the used in copied products", True),
        ("New ingredients cannot be used in Swiss products", False),
    ):
        view = TextView("\n".join([RULING_TITLE, *RULING, *_ruling_copy(heading)]))
        body = view.body()
        known = repeats.detect(view)
        found = repeats.edited_copies(body, known)
        at = next(ln.index for ln in body if ln.text == heading)
        assert (at in found) is copied


GUIDE_TITLE = "How to set up a rain barrel in one afternoon"
GUIDE = [
    "A rain barrel catches the water that runs off a roof and keeps it for dry weeks, and "
    "most gardens can fill one after a single heavy shower in spring.",
    "What you need",
    "- A food-grade barrel with a lid",
    "- A diverter kit for the downpipe",
    "- Four concrete blocks",
    "1. Level the ground beside the downpipe",
    "Rake the soil flat and set the blocks in a square, checking them with a spirit level so "
    "the full barrel, which weighs over two hundred kilos, cannot tip over.",
    "2. Fit the diverter",
    "Cut the downpipe at the height of the barrel's inlet and push the diverter into the gap; "
    "the kit's hose then runs from the diverter into the top of the barrel.",
    "3. Add an overflow",
    "A second hose near the rim takes the water back to the drain once the barrel is full, so "
    "it never floods the wall of the house during a long storm.",
    "Empty the barrel before the first frost and leave the diverter open over winter.",
]


def test_short_lines_between_found_copies_go_when_their_originals_stand_there_too() -> None:
    # the copy's heading lost a word and its list entries recur as entries do: alone, none
    # of them is a copy, but each stands where its original stands between found copies
    copy = list(GUIDE)
    copy[1] = "What need"  # a word dropped
    copy[5] = "1. Level ground beside the downpipe"
    copy[6] = GUIDE[6].replace("cannot tip over", "can not tip over")
    copy[7] = "2. Fit diverter"
    record = "\n".join([HEAD, GUIDE_TITLE, *GUIDE, *copy])
    art = clean_text(record)
    assert art.text == "\n".join(GUIDE)
    assert restore(art.text, art.removed) == record


def test_a_pair_of_lines_printed_twice_in_a_row_keeps_its_first_print() -> None:
    # the copy's first line is no copy of a line further up that shares its words: the pair's
    # first print stays whole
    lines = [
        "Tenants in a dispute with their landlord can search the map below for the nearest "
        "advice office in their county.",
        "Most offices open on weekday mornings and give the first consultation free of charge.",
        "Offices in the marked county are run by:",
        "To get advice, call",
        "Offices in the marked county are run by:",
        "To get advice, call",
    ]
    art = clean_text("\n".join([HEAD, "Where to get tenancy advice", *lines]))
    assert art.text.split("\n") == lines[:4]


def test_the_copys_edited_first_line_goes_as_a_copy() -> None:
    # the copy opens on its heading with a word changed, over a found copy of the paragraph
    # under the original's heading: matched from that copy up, it is the copy's
    body = ["What the ruling means for patients", *RULING]
    copy = ["What the ruling means to patients", *RULING]
    record = "\n".join([HEAD, RULING_TITLE, *body, *copy])
    art = clean_text(record)
    assert art.text == "\n".join(body)
    assert [r.rule for r in art.removed if r.text.strip() == copy[0]] == ["edited_copy"]
    assert restore(art.text, art.removed) == record


def test_the_originals_last_line_is_no_copy_of_the_headline_over_it() -> None:
    # the body printed again with other spacing, without its headline: the original's last
    # short line stands where a copy of the headline would, and shares two of its words
    lines = [
        "Tenants in a dispute with their landlord can search the map below for the nearest "
        "advice office in their county.",
        "Most offices open on weekday mornings and give the first consultation free of charge.",
        "To get advice, call",
    ]
    copy = ["  " + x.replace(" ", "  ") for x in lines]
    art = clean_text("\n".join([HEAD, "Where to get tenancy advice", *lines, *copy]))
    assert art.text.split("\n") == lines


def test_a_copied_paragraph_left_with_one_of_its_sentences_goes_with_the_copy() -> None:
    # at its place in the copy, a paragraph that lost two of its three sentences is the copy's
    three = ("The regulator has written to eleven online sellers this year. Two of them have "
             "stopped trading. The others were told to remove the products within a month.")
    body = [*RULING[:6], three, *RULING[6:]]
    copy = [*RULING[:6], "The others were told to remove the products within a month.", *RULING[6:]]
    record = "\n".join([HEAD, RULING_TITLE, *body, *copy])
    art = clean_text(record)
    assert art.text == "\n".join(body)
    assert restore(art.text, art.removed) == record


# --- a figure corrected, a long clause dropped, a short sentence printed twice in a row ---

def test_a_body_printed_again_with_a_figure_corrected_comes_back_once() -> None:
    # inside the copied stretch: one figure for another in a long paragraph is an edit
    # (a figure for another, not a slip of its digits: "9" for "8", unlike "130" for "120")
    figures = ("The pond is barely a metre deep at its centre, and 8 volunteers waded across "
               "it in boots on the first morning to reach the reeds along the far bank.")
    body = [*BODY[:2], figures, *BODY[2:]]
    copy = [*BODY[:2], figures.replace("8 volunteers", "9 volunteers"), *BODY[2:]]
    copy[1] = BODY[1].split(". ", 1)[1]  # (a neighbour lightly edited too)
    art = clean_text("\n".join([HEAD, TITLE, *body, *copy]))
    assert art.text == "\n".join(body)


def test_a_paragraph_printed_again_right_under_itself_with_a_figure_changed_goes() -> None:
    figures = ("The pond is barely a metre deep at its centre, and 8 volunteers waded across "
               "it in boots on the first morning to reach the reeds along the far bank.")
    again = figures.replace("8 volunteers", "9 volunteers")
    art = clean_text("\n".join([HEAD, TITLE, *BODY[:2], figures, again, *BODY[2:]]))
    assert art.text == "\n".join([*BODY[:2], figures, *BODY[2:]])
    # (apart, two paragraphs told alike in two figures are the article's: test_detectors)


def test_paragraphs_of_one_template_with_other_figures_stay() -> None:
    # two entries of a list whose figures differ (more than one of them): no copy
    entries = [
        "The northern route is 14 kilometres long, climbs 420 metres and takes about four "
        "hours at an easy pace, with a cafe at the halfway point and a bus back to town.",
        "The southern route is 14 kilometres long, climbs 610 metres and takes about five "
        "hours at an easy pace, with a cafe at the halfway point and a bus back to town.",
    ]
    record = "\n".join([HEAD, "Two walks around the reservoir", BODY[0], *entries, BODY[1]])
    art = clean_text(record)
    assert all(e in art.text.split("\n") for e in entries)


def test_a_short_sentence_printed_twice_a_word_apart_goes() -> None:
    line = "Forty people turned up on the first Saturday."
    twice = "Forty people turned up on the very first Saturday."
    body = [*BODY[:3], twice, *BODY[3:]]
    art = clean_text("\n".join([HEAD, TITLE, *body]))
    assert art.text == "\n".join(BODY)
    assert line in art.text and twice not in art.text


def test_two_headings_a_word_apart_stay() -> None:
    headings = ["Contact the parish office about the pond", "Contact the parish office about pond"]
    body = [*BODY[:2], *headings, *BODY[2:]]
    art = clean_text("\n".join([HEAD, TITLE, *body]))
    assert all(h in art.text.split("\n") for h in headings)


def test_a_long_paragraph_that_lost_a_clause_in_its_copy_goes() -> None:
    # over two hundred words: compared by its common opening and closing, not difflib
    long = " ".join(
        f"In week {w} the volunteers cleared another stretch of the bank, carted the silt to "
        f"the allotments and counted the frogs, newts and dragonflies they found there."
        for w in ("one", "two", "three", "four", "five", "six", "seven", "eight")
    )
    assert len(long.split()) > 200
    cut = long.replace(", carted the silt to the allotments", "", 1)
    art = clean_text("\n".join([HEAD, TITLE, *BODY[:3], long, cut, *BODY[3:]]))
    assert art.text == "\n".join([*BODY[:3], long, *BODY[3:]])


# --- one paragraph printed again further down, lightly edited ---------------------------------

REPORT = (
    "The survey found 43 ponds in the district that had silted up since the last count, most "
    "of them on farmland where drainage ditches now carry the spring floods past them, and the "
    "trust says half could be brought back with a few weekends of digging and new sluices."
)
THREE = (
    "The group, which started three years ago with a handful of neighbours and now counts more "
    "than two hundred members from the villages around the pond, meets on the first Saturday "
    "of every month at the village hall. New members "
    "are asked to bring boots and gloves, and tools are lent out at the gate. Children are "
    "welcome if an adult comes with them."
)


def test_a_long_paragraph_printed_again_further_down_with_a_figure_changed_goes() -> None:
    assert len(REPORT.split()) >= 40
    again = REPORT.replace("43 ponds", "45 ponds")
    body = [*BODY[:2], REPORT, *BODY[2:]]
    record = "\n".join([HEAD, TITLE, *body[:5], again, *body[5:]])
    art = clean_text(record)
    assert art.text == "\n".join(body)
    assert [r.rule for r in art.removed if r.reason == "repeated"] == ["edited_copy"]
    assert restore(art.text, art.removed) == record


def test_a_long_paragraph_told_again_with_two_figures_changed_stays() -> None:
    # two figures changed: a second year's or a second district's report, told alike
    again = REPORT.replace("43 ponds", "45 ponds").replace("half could", "2 in 3 could")
    body = [*BODY[:2], REPORT, *BODY[2:5], again, *BODY[5:]]
    art = clean_text("\n".join([HEAD, TITLE, *body]))
    assert art.text == "\n".join(body)


def test_a_paragraph_printed_again_further_down_without_one_sentence_goes() -> None:
    # two of its three sentences, in their order: the copy, however far below and however
    # much of the paragraph the dropped sentence was
    copy = THREE.split(". ", 1)[1]
    body = [BODY[0], THREE, *BODY[1:], REPORT, *RULING[:2]]
    assert len(body) - 1 > NEAR_COPY
    record = "\n".join([HEAD, TITLE, *body, copy])
    art = clean_text(record)
    assert art.text == "\n".join(body)
    assert [r.rule for r in art.removed if r.reason == "repeated"] == ["edited_copy"]


def test_one_sentence_of_a_paragraph_restated_further_down_stays() -> None:
    # one sentence again, far below: a pull quote or a summary's, the article's own
    one = "New members are asked to bring boots and gloves, and tools are lent out at the gate."
    body = [BODY[0], THREE, *BODY[1:], REPORT, one]
    art = clean_text("\n".join([HEAD, TITLE, *body]))
    assert art.text == "\n".join(body)


def test_a_copy_whose_paragraphs_lost_their_closing_clauses_comes_back_once() -> None:
    # every paragraph of the copy cut after a comma, however much of it is left: inside the
    # copied stretch, where each paragraph's original leads
    copy = [p.split(", ")[0].rstrip(".") + "." if ", " in p else p for p in BODY]
    assert sum(c != p for c, p in zip(copy, BODY, strict=True)) >= 3
    record = "\n".join([HEAD, TITLE, *BODY, *copy])
    art = clean_text(record)
    assert art.text == "\n".join(BODY)
    assert restore(art.text, art.removed) == record


def test_a_paragraphs_opening_restated_far_below_stays() -> None:
    # the opening of a paragraph restated as a summary, alone, away from any copy: the
    # article's own
    summary = BODY[3].split(", ")[0] + "."
    body = [*BODY, "Residents said they would hold a small party at the pond in May.", summary]
    record = "\n".join([HEAD, TITLE, *body])
    art = clean_text(record)
    assert art.text == "\n".join(body)
