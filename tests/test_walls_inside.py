"""A wall's prompt left between two paragraphs of the article ("Subscriber exclusive", a
sign-in line in French or Spanish) goes as `paywall`, restorably.  The same words stay where
the article itself speaks of subscribers, members or logging in, and where the line is one of
the article's instructions."""

from __future__ import annotations

import pytest
from familylines import cleaned

from newsclean import clean_text

HEAD = "date 2025-10-02 200"
TITLE = "Canal towpath reopens after two years of repairs"
BODY = [
    "The towpath along the old canal reopened to walkers and cyclists on Wednesday, two years "
    "after a collapsed culvert closed the stretch between the lock and the mill.",
    "Engineers rebuilt the culvert in stone, raised the path by half a metre and laid a new "
    "surface designed to drain quickly after heavy rain.",
    "Boaters will still have to wait until spring for the lock gates to be replaced, the "
    "waterways trust said, because the work can only be done while water levels are low.",
    "Residents who had campaigned for the repairs held a small ceremony at the mill bridge, "
    "where the mayor cut a ribbon tied between two mooring posts.",
]


def _record(body: list[str]) -> str:
    return "\n".join([HEAD, TITLE, *body]) + "\n"


@pytest.mark.parametrize(
    "prompt",
    [
        "Subscriber exclusive",
        "Déjà abonné ? Se connecter",
        "¿Ya eres suscriptor? Inicia sesión",
        "Sie haben bereits ein Abo? Hier anmelden",
        "Already a member? Sign in",
    ],
)
def test_a_prompt_between_paragraphs_goes(prompt: str) -> None:
    record = _record([*BODY[:2], prompt, *BODY[2:]])
    out = cleaned(record)
    assert out.text.split("\n") == BODY
    gone = [r for r in out.removed if r.text.strip() == prompt]
    assert gone and gone[0].rule == "paywall"


def test_a_story_about_subscribers_keeps_its_line() -> None:
    body = [
        "The regional paper said on Monday that it had passed forty thousand digital "
        "subscribers, doubling its readership online in three years.",
        "Subscriber exclusive",
        "The editor said the paper would keep its local pages open to every subscriber and "
        "add a weekly edition for the valley towns.",
        "Advertising income fell again last year, and the owners expect subscriptions to pay "
        "for most of the newsroom by the end of the decade.",
    ]
    out = clean_text(_record(body))
    assert out.text.split("\n") == body


def test_a_how_to_keeps_its_sign_in_steps() -> None:
    body = [
        "Setting up the new library catalogue at home takes a few minutes and needs only your "
        "card number and the four-digit code printed on the back of the card.",
        "Sign in with your card number",
        "Once the catalogue opens, choose the branch nearest to you so that reservations are "
        "sent there, and add an email address for reminders.",
        "Out of the box, you sign in as: guest / guest",
        "Librarians at every branch can help if the code has worn off, and will print a new "
        "card while you wait for a small fee.",
    ]
    out = clean_text(_record(body))
    assert out.text.split("\n") == body


def test_a_subheading_without_an_offers_words_stays() -> None:
    body = [*BODY[:2], "What happens next", *BODY[2:]]
    out = clean_text(_record(body))
    assert out.text.split("\n") == body
