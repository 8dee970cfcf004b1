"""Articles without noise, in the shapes news takes -- a review ending on its score and its
book's details, a headline with a kicker in front, questions and answers, a results list, a
letter's signature -- come through unchanged, their headline as the title."""

from __future__ import annotations

import pytest

from newsclean import clean_text
from newsclean.detect import boilerplate
from newsclean.text_view import normalise

HEAD = "date 2025-03-04 200"

STORIES = {
    "review": (
        "Review: a quiet, clever novel about a lighthouse keeper",
        [
            "There are books that shout and books that wait for you to lean in; this is the "
            "second kind.",
            "The story follows Elias, who keeps a lighthouse on a small island during the last "
            "year before it is automated.",
            "Rating: 4/5",
            "The Last Keeper, by Mara Lind, is published by Northfield Press.",
        ],
    ),
    "kicker": (
        "Watch: divers free a whale tangled in fishing nets",
        [
            "A team of divers spent three hours cutting a young humpback whale free from fishing "
            "nets off the coast on Saturday.",
            "The whale swam away slowly and was seen feeding the next morning, the marine rescue "
            "group said.",
        ],
    ),
    "questions": (
        "Explained: what the new rules on e-scooters mean",
        [
            "From June, e-scooter riders will need insurance and a number plate, under rules "
            "passed by parliament on Thursday.",
            "What changes?",
            "Riders must be at least 16, and scooters will be limited to 20 km/h.",
            "What about rental scooters?",
            "Rental firms will have to insure their fleets and share data on accidents with the "
            "police.",
        ],
    ),
    "results": (
        "Results: regional election",
        [
            "The Green Party won the most seats in Sunday's regional election, ahead of the "
            "Social Democrats.",
            "Greens: 31 seats",
            "Social Democrats: 27 seats",
            "Conservatives: 22 seats",
            "Turnout was 64 percent, up from 58 percent four years ago.",
        ],
    ),
    "letter": (
        "Letter: the bus cuts will hurt the elderly",
        [
            "Sir, the plan to cut evening buses in the northern villages will leave many older "
            "residents without a way to reach the town after dark.",
            "Many of us no longer drive, and taxis cost more than we can afford.",
            "Margaret Hill, Ashby",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_clean_story_comes_through_unchanged(name: str) -> None:
    title, body = STORIES[name]
    art = clean_text("\n".join([HEAD, title, *body]))
    assert (art.verdict, art.title, art.text) == ("article", title, "\n".join(body))


def test_a_related_video_over_the_headline_is_still_no_title() -> None:
    # with a headline of its own, a kicker's teaser above it is the page's related link
    title, body = STORIES["questions"]
    teaser = "Watch: how the new e-scooter rules will change your commute"
    art = clean_text("\n".join([HEAD, teaser, title, *body]))
    assert art.title == title
    assert art.text == "\n".join(body)


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Rating: 4/5", None),
        ("Our score: 4.5 out of 5", None),
        ("Rating: ★★★★☆", None),
        # a widget asking readers to rate, or counting their votes
        ("Rate this article", "widget"),
        ("Rating: 4.5 (230 votes)", "widget"),
    ],
)
def test_a_reviews_score_is_no_rating_widget(line: str, family: str | None) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) == family
