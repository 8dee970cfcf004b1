"""A body printed twice whose copy was lightly edited: inside the copied stretch, lines are
compared with the line their neighbour's original leads to, so short lines, a paragraph that
lost its long first sentence and a sentence whose capitalised word changed go with the copy;
an article's own field lines and a heading restating the headline next to a copy stay."""

from __future__ import annotations

from newsclean import clean_text, restore

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

