"""A block of related stories that runs to the record's end goes, though its one-line teasers
read as prose; an article that goes on under a "related" heading keeps its words."""

from __future__ import annotations

from restorable import clean_restorable

HEAD = "date 2025-06-02 200"
TITLE = "Night market returns to the old tram depot"
BODY = [
    "The night market that outgrew the harbour car park reopened on Friday in the old tram "
    "depot, with sixty stalls under the iron roof and a stage for local bands.",
    "Organisers said about four thousand people came on the first night, twice the number "
    "they had planned for, and several food stalls ran out before ten o'clock.",
    "The depot will host the market every Friday until October, when the building closes "
    "for a year of repairs to its roof and its tracks.",
]
SHARE = ["Share", "Share on Facebook", "Share on X", "Share via email"]
RELATED = [
    "Related Posts",
    "View All Posts",
    "Food & Drink • Music & Events",
    "Five Food Stalls to Try at the Tram Depot",
    "From dumplings to churros, these are the stalls that sold out first on the market's "
    "opening night, and the ones their owners say are coming back with bigger menus, longer "
    "hours and a second counter when the market opens again next Friday evening.",
    "Food & Drink • Seasonal",
    "Harbour Car Park Gets a New Life as a Skate Park",
    "The council has approved ramps and a bowl where the night market used to stand, with "
    "work due to finish before the summer holidays, lessons planned for the autumn term and "
    "a small cafe in the old ticket office that will open on weekend mornings.",
    "Music & Events • Seasonal",
    "Twelve Bands Booked for the Depot Stage This Summer",
    "Local groups fill most of the Friday slots, and the organisers say two touring acts will "
    "close the season in October before the building shuts for its repairs, with tickets "
    "for both nights on sale at the gate from July.",
]


def test_a_related_block_with_teasers_to_the_end_goes_with_the_share_buttons() -> None:
    art = clean_restorable(HEAD, TITLE, *BODY, *SHARE, *RELATED)
    assert art.text == "\n".join(BODY)


def test_an_article_that_goes_on_under_a_related_heading_keeps_it() -> None:
    body = [
        *BODY[:2],
        "Related Posts",
        "Stallholders who sold at the harbour say the depot is warmer and drier, and that "
        "the trams' old waiting room now holds the market's tables.",
        "Some said the rent was higher than at the car park, but that the crowds made up "
        "for it within the first two weeks, a survey the organisers ran found.",
        BODY[2],
    ]
    assert clean_restorable(HEAD, TITLE, *body).text == "\n".join(body)
