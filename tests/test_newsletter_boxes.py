"""A newsletter box under the article -- its heading, its pitch of what lands in the reader's
inbox, its field and button -- goes whole, in six languages; a story that mentions a
newsletter or an inbox keeps its words."""

from __future__ import annotations

import pytest
from familylines import cleaned

from newsclean import clean_text

HEAD = "date 2025-05-21 200"
TITLE = "Library extends its opening hours on weekdays"
BODY = [
    "The central library will stay open until nine in the evening from Monday to Thursday, "
    "the city said, after a survey found that most visitors come after work.",
    "The longer hours will cost about 80,000 euros a year, paid from the culture budget.",
]


@pytest.mark.parametrize(
    "box",
    [
        ["Get the evening briefing", "The day's top local stories, delivered to your inbox "
         "every weekday at six.", "Enter your email", "Sign up"],
        ["Les essentiels du soir", "Les informations de votre ville chaque soir dans votre "
         "boîte mail.", "Je m'inscris"],
        ["Lo más importante", "Las noticias del día, cada mañana en tu bandeja de entrada.",
         "Suscríbete"],
    ],
)
def test_a_newsletter_box_under_the_article_goes(box: list[str]) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, *box])
    art = cleaned(record)
    assert art.text == "\n".join(BODY)


def test_a_story_about_an_inbox_keeps_its_last_paragraph() -> None:
    last = ("Staff will also send reminders straight to borrowers' inboxes three days before a "
            "loan is due, the library said.")
    record = "\n".join([HEAD, TITLE, *BODY, last])
    assert clean_text(record).text == "\n".join([*BODY, last])


@pytest.mark.parametrize(
    "badges",
    [["Download on the App Store", "Get it on Google Play"],
     ["Jetzt bei Google Play", "Laden im App Store"],
     ["Disponible sur l'App Store", "Disponible sur Google Play"]],
)
def test_app_store_badges_under_the_article_go(badges: list[str]) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, *badges])
    assert clean_text(record).text == "\n".join(BODY)


def test_a_story_about_an_app_store_keeps_its_words() -> None:
    last = "The library's own app will reach Apple's App Store and the Google Play shop in June."
    record = "\n".join([HEAD, TITLE, *BODY, last])
    assert clean_text(record).text == "\n".join([*BODY, last])
