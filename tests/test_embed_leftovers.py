"""What embedded posts, videos and players leave in a page's text goes wherever it stands, the
middle of the body included; an article's own sentences about videos and posts stay."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore

TITLE = "Harbour cafe reopens after the winter floods"
BODY = [
    "The cafe on the harbour wall reopened on Saturday, four months after floodwater filled "
    "its kitchen and ruined the ovens the owners had bought only a year before.",
    "Regulars queued from seven in the morning, and the owners said they sold more pastries "
    "by noon than on any day since they opened the business in 2019.",
    "The town council paid for new flood doors, and the owners hope the doors will keep the "
    "next storm surge out of the kitchen and the dining room.",
]


@pytest.mark.parametrize(
    "leftover",
    [
        "[Embedded content]",
        "Loading video…",
        "Click to play video",
        "View this post on Instagram",
        "A post shared by Harbour Cafe (@harbourcafe)",
        "pic.twitter.com/Ab3dEf9xYz",
        "This content is not available due to your privacy preferences.",
        "Continue reading the main story",
        "Eingebetteter Inhalt",
        # a placeholder and a picture's controls, an embedded picture's label, the way to a
        # post the consent form hid
        "Loading...",
        "Click to expand",
        "Embed from Getty Images",
        "Update your settings here to see it.",
    ],
)
def test_an_embeds_leftover_in_the_middle_of_the_body_goes(leftover) -> None:
    record = "\n".join(["date 2025-03-03 200", TITLE, BODY[0], leftover, *BODY[1:]])
    art = clean_text(record)
    assert art.text == "\n".join(BODY), leftover
    assert any(r.rule in ("embed", "ad_marker") for r in art.removed), leftover
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize(
    "own",
    [
        "Watch the video of the reopening on the council's website.",
        "Video: 4K at 30 frames, Full HD at 120",
        "The owners posted a video of the queue, and it was shared by thousands of people.",
        "Related videos from the flood were shown at the council meeting on Monday evening.",
        # a medium's word alone may be the article's heading or list item; a figure alone is
        # no player's position
        "Audio", "Images", "Play", "Up next", "9/11", "14:30",
        "3 photos were taken by the harbour master before the water came in.",
        "Open the gallery doors at nine, the owners told their staff.",
        "Loading the new ovens took most of the morning.",
        "Update your settings to see the new menu, the owners told regulars on Saturday.",
        # an embedded post's signature is the post's, which the article quotes
        "\u2014 Harbour Cafe (@harbourcafe) March 1, 2025",
        "Click here, a regular joked, and the flood is gone.",
    ],
)
def test_an_articles_own_line_about_videos_and_posts_stays(own) -> None:
    body = [BODY[0], own, *BODY[1:]]
    art = clean_text("\n".join(["date 2025-03-03 200", TITLE, *body]))
    assert art.text == "\n".join(body), own


@pytest.mark.parametrize(
    "wall",
    [
        "Sign in to read the full story.",
        "Create a free account to keep reading.",
        "This story is for subscribers only.",
        "You have reached your limit of free stories this week.",
        "Melden Sie sich an, um weiterzulesen.",
        "Abonnez-vous pour lire la suite.",
        "Regístrate para seguir leyendo.",
        "Dieser Beitrag ist nur für Abonnenten.",
    ],
)
def test_a_reading_walls_prompt_in_the_middle_of_the_body_goes(wall) -> None:
    record = "\n".join(["date 2025-03-03 200", TITLE, BODY[0], wall, *BODY[1:]])
    art = clean_text(record)
    assert art.text == "\n".join(BODY), wall
    assert [r.rule for r in art.removed if r.reason == "boilerplate"] == ["paywall"], wall


@pytest.mark.parametrize(
    "own",
    [
        "Regulars can sign up for a free trial of the cafe's new coffee club this month.",
        "The owners said they kept reading the flood warnings until the power went out.",
        "Members of the rowing club, who eat there after training, helped carry the new ovens in.",
    ],
)
def test_an_articles_own_line_about_signing_up_or_reading_stays(own) -> None:
    body = [BODY[0], own, *BODY[1:]]
    art = clean_text("\n".join(["date 2025-03-03 200", TITLE, *body]))
    assert art.text == "\n".join(body), own


@pytest.mark.parametrize(
    "widget",
    ["Was this article helpful?", "Report an error", "War dieser Artikel hilfreich?",
     "Cet article vous a-t-il été utile ?", "¿Te ha resultado útil este artículo?", "Rate this article"],
)
def test_a_feedback_widget_under_the_article_goes(widget) -> None:
    for record in (
        "\n".join(["date 2025-03-03 200", TITLE, *BODY, widget, "Yes", "No"]),
        "\n".join(["date 2025-03-03 200", TITLE, *BODY[:-1], BODY[-1] + widget]),  # glued
    ):
        art = clean_text(record)
        assert art.text == "\n".join(BODY), widget
        assert restore(art.text, art.removed) == record


def test_an_articles_own_question_or_sentence_about_errors_stays() -> None:
    body = [*BODY, "Was this help from the council enough? The owners said it was a start.",
            "Report an error in the flood maps to the council by Friday, the owners urged."]
    art = clean_text("\n".join(["date 2025-03-03 200", TITLE, *body]))
    assert art.text == "\n".join(body)


@pytest.mark.parametrize(
    "player",
    [
        ["Play video"],
        ["Toggle caption"],
        ["Enlarge this image"],
        ["Open gallery", "14 photos"],
        ["Image 2 of 9"],
        ["0:00 / 3:12"],
        ["Duration: 1:47"],
        ["Skip ad"],
        ["Your browser does not support the audio element."],
        ["Listen to this article", "6 min"],
        ["Bild 3 von 8"],
    ],
)
def test_a_players_or_a_gallerys_text_in_the_body_goes(player) -> None:
    record = "\n".join(["date 2025-03-03 200", TITLE, BODY[0], *player, *BODY[1:]])
    art = clean_text(record)
    assert art.text == "\n".join(BODY), player
    assert {r.rule for r in art.removed if r.reason == "boilerplate"} == {"embed"}, player
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize("slot", ["Advertisement", "Watch on YouTube", "Skip ad"])
def test_an_ad_or_embed_above_the_articles_closing_line_does_not_cut_it(slot) -> None:
    # a short closing line under an ad slot is the article's; the slot alone goes
    body = [*BODY, "See you at the harbour!"]
    record = "\n".join(["date 2025-03-03 200", TITLE, *BODY, slot, body[-1]])
    art = clean_text(record)
    assert art.text == "\n".join(body), slot
    assert restore(art.text, art.removed) == record


def test_an_ad_slot_over_the_pages_furniture_still_opens_it() -> None:
    # under the slot a menu, then the publisher's notice: the page's furniture from the slot on
    tail = ["Advertisement", "Newsletters", "Careers", "Contact us",
            "© 2025 Harbour Media Ltd. All rights reserved."]
    art = clean_text("\n".join(["date 2025-03-03 200", TITLE, *BODY, *tail]))
    assert art.text == "\n".join(BODY)
