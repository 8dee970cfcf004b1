"""A reader-funded newsroom's furniture: its appeals to give or to become a member, its tip
line, its republishing licence and its line about itself go under (or over) its stories;
stories that report on giving, on tips or on a newsroom stay."""

from __future__ import annotations

import pytest
from familylines import family_of

from newsclean import clean_text, restore


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("If this story helped you, please consider a small donation to keep our reporting free.", "call_to_action"),
        ("Like what you read? Consider making a monthly gift.", "call_to_action"),
        ("Give now", "call_to_action"),
        ("Become a member", "call_to_action"),
        ("Become a sustainer today", "call_to_action"),
        ("Support independent local journalism", "call_to_action"),
        ("Your year-end gift will be matched, dollar for dollar, until midnight.", "call_to_action"),
        ("We rely on readers like you, not advertisers, to fund this work.", "call_to_action"),
        ("Our newsroom is powered by readers like you.", "call_to_action"),
        ("Got a story tip? Write to the newsroom.", "call_to_action"),
        ("Have a tip about a local school? Email our education reporter.", "call_to_action"),
        ("Please send your news tips to desk@example.org", "call_to_action"),
        ("The Harbour Courier is an independent, nonprofit newsroom covering the coast.", "disclaimer"),
        ("Riverside Report is a nonpartisan news organization serving the county.", "disclaimer"),
        ("Coastline Voice is a non-profit, non-partisan newsroom.", "disclaimer"),
        ("You can republish this article for free under our licence.", "copyright"),
        ("Republish this story", "copyright"),
    ],
)
def test_appeals_and_newsroom_notes_are_named(line: str, family: str) -> None:
    assert family_of(line) == family


@pytest.mark.parametrize(
    "line",
    [
        # stories that report on giving, on tips and on newsrooms
        "The foundation said it would donate $2 million to the children's hospital.",
        "Residents were asked to consider a donation to the food bank before the holidays.",
        "Donors can give today at the town hall until 6pm, organisers said.",
        "Do you have a tip for removing red wine stains? Readers sent us dozens.",
        "The paper became a nonprofit in 2019 after its owner died.",
        "She is an independent journalist based in Lagos who covers energy.",
        "The union will support local workers who lose their jobs when the plant closes.",
        "Waiters said the new law lets them keep every tip they are given.",
        "The agency may republish the report next year with corrected figures.",
    ],
)
def test_reporting_on_giving_is_not_an_appeal(line: str) -> None:
    assert family_of(line) is None


TITLE = "County jail deaths rose sharply last year, state records show"
BODY = [
    "Eleven people died in the county jail last year, more than in the previous three years "
    "combined, according to records obtained from the state corrections board.",
    "Four of the deaths followed medical emergencies that staff logged but did not escalate to a "
    "doctor for several hours, the records show.",
    "The sheriff's office said it had hired two more nurses in January and was reviewing its "
    "intake screening.",
    "Families of two of the men who died have filed lawsuits, which are pending in federal court.",
]
TAILS = [
    ["If you found this story valuable, please consider a donation. Our reporting is free to "
     "read because readers like you support it."],
    ["Support independent local journalism", "Donate today"],
    ["Republish this article",
     "Stories on this site are licensed under Creative Commons BY-ND 4.0 for republication."],
    ["Have a tip about conditions in local jails? Contact our reporter securely at tips@example.org."],
    ["Become a member", "Members keep our newsroom independent. Join more than 12,000 readers who give monthly."],
    ["The Valley Ledger is a nonprofit, nonpartisan newsroom covering public safety and justice."],
]


@pytest.mark.parametrize("tail", TAILS)
def test_an_appeal_under_the_story_goes(tail: list[str]) -> None:
    record = "\n".join(["date 2025-03-04 200", TITLE, *BODY, *tail])
    art = clean_text(record)
    assert art.verdict == "article" and art.title == TITLE
    assert art.text == "\n".join(BODY)
    assert restore(art.text, art.removed) == record


def test_a_story_about_a_newsroom_and_its_donors_stays() -> None:
    title = "Local paper turns nonprofit to survive"
    body = [
        "The Harbour Courier, the town's only newspaper, will become a nonprofit next month, its "
        "owners said on Tuesday.",
        "Under the new structure, readers will be asked to donate, and a regional foundation has "
        "pledged to match the first $100,000 in gifts.",
        "\"We rely on readers now more than ever,\" said editor Ana Ruiz, who has led the paper "
        "since 2015.",
        "The Courier is an independent, nonprofit newsroom now, Ruiz said, and its reporting will "
        "stay free to read.",
    ]
    record = "\n".join(["date 2025-03-04 200", title, *body])
    art = clean_text(record)
    assert art.text == "\n".join(body) and art.title == title
