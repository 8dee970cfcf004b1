"""A wire story's tagged first paragraph under labels the rules left: the story starts at its
tag, so the labels go, the tag names the publisher, and the line right over the paragraph is
the headline when the story's words say so."""

from __future__ import annotations

from newsclean import clean_text, restore

HEADLINE = "Glassworks reopens its furnace after two years of repairs"
LEAD = ("VARKAUS, Oct. 2 (Norpress) — The old glassworks on the river reopened its main "
        "furnace on Tuesday, two years after a crack in the crown forced the town's last "
        "glassmakers to stop work.")
BODY = [
    "The furnace was rebuilt with bricks from a kiln maker in the south, and the first "
    "batch of glass was blown in front of about three hundred visitors from the town.",
    "Six glassmakers have been hired back, and the owners said they hope to train four "
    "apprentices next year if orders for the new bottles and lamps keep coming in.",
    "The glassworks, which opened in 1889, is the oldest working factory in the region "
    "and sells most of what it makes in its own shop by the river.",
]
TEXT = LEAD.split("— ", 1)[1]


def test_labels_over_a_tagged_lead_go_and_the_headline_is_found() -> None:
    # a section label and teasers of other stories, one on the same topic, over the headline
    labels = ["Crafts", "Ferry fares to rise in spring", "Ten glass shops worth a detour"]
    record = "\n".join(["date 2025-10-02 200", *labels, HEADLINE, LEAD, *BODY])
    art = clean_text(record)
    assert art.verdict == "article"
    assert art.title == HEADLINE
    assert art.publisher == "Norpress"
    assert art.text == "\n".join([TEXT, *BODY])
    assert restore(art.text, art.removed) == record


def test_a_bracket_past_the_first_paragraph_is_no_tag() -> None:
    # once a paragraph is read, the story has started: a bracket opening a later one stays
    later = "NORTH SHORE (Harbour Board) — The board said the crossing will be free in May."
    body = [BODY[0], later, *BODY[1:]]
    art = clean_text("\n".join(["date 2025-10-02 200", HEADLINE, *body]))
    assert art.text == "\n".join(body)
    assert art.publisher is None


def test_a_short_tagged_line_under_labels_is_no_lead() -> None:
    # under kept labels only a paragraph's worth of words makes a tagged line the lead
    short = "(Norpress) Photo gallery"
    record = "\n".join(["date 2025-10-02 200", HEADLINE, "Pictures", short, *BODY])
    art = clean_text(record)
    assert art.publisher is None
    assert short in art.text.split("\n")


def test_a_short_lead_tagged_with_its_place_and_a_dash_under_labels_is_the_lead() -> None:
    # a wire opening on a heading-length line ("PLACE (Agency) -- Heading"): the place in
    # capitals and the dash make it the wire's own opening, however short the line
    short = "VARKAUS (Norpress) -- The furnace is lit again"
    record = "\n".join(["date 2025-10-02 200", HEADLINE, "Crafts", "4 min read", short, *BODY])
    art = clean_text(record)
    assert art.publisher == "Norpress"
    assert art.text.split("\n")[0] == "The furnace is lit again"
    assert restore(art.text, art.removed) == record


def test_a_long_question_is_prose_and_a_later_tag_is_no_lead() -> None:
    question = ("Why would a town of eight thousand people spend two years and all its "
                "savings rebuilding a glass furnace?")
    record = "\n".join(["date 2025-10-02 200", HEADLINE, question, LEAD, *BODY])
    art = clean_text(record)
    assert art.publisher is None
    assert art.text.split("\n")[:2] == [question, LEAD]
