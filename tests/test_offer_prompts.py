"""A wall's offer or sign-in prompt under the article, in any of six languages, read by its
words (the subscription's, the account's, a price or a free trial's) rather than by phrases:
it goes.  A line for those who already subscribed, and an article about a service's
subscribers ending on their prices, keep their words."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect.boilerplate import offer_prompt
from newsclean.text_view import TextView

HEAD = "date 2025-06-11 200"
TITLE = "Lake ferry returns after a winter of repairs"
BODY = [
    "The old paddle steamer that crosses the lake twice a day went back into service on "
    "Saturday after five months in the shipyard, its hull plates and boiler replaced.",
    "Volunteers who crew the boat in summer sold out the first crossing within an hour, and "
    "the operator added an evening trip for the rest of June.",
    "Timetables are posted at both piers and at the tourist office in the harbour.",
]


@pytest.mark.parametrize(
    "prompt",
    [
        "Schon Abonnent? Hier anmelden",
        "Déjà abonné ? Connectez-vous",
        "¿Ya tienes una cuenta? Inicia sesión",
        "Già abbonato? Accedi",
        "Abonnez-vous dès 1 € le premier mois",
        "Assine agora por R$ 1,90 no primeiro mês",
        "Sie haben 3 von 5 kostenlosen Artikeln gelesen. Jetzt abonnieren.",
    ],
)
def test_an_offer_or_a_sign_in_prompt_under_the_article_goes(prompt: str) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, prompt])
    art = clean_text(record)
    assert art.text == "\n".join(BODY)
    assert [r.rule for r in art.removed if r.text.strip() == prompt] == ["offer_prompt"]
    assert restore(art.text, art.removed) == record


def test_a_subscribers_own_link_and_an_article_about_subscriptions_stay() -> None:
    # a line for those who already subscribed asks no sign-in, price or trial
    own = "Already a member? Download your timetables here →"
    assert offer_prompt(TextView("x\n" + own).lines[1].toks, own) is None
    art = clean_text("\n".join([HEAD, TITLE, *BODY, own]))
    assert own in art.text.split("\n")
    # the article itself speaks of subscribers and prices: its last line is its own
    story = [
        "The streaming service said on Tuesday that it had lost subscribers in Europe for the "
        "first time, after raising its prices in the spring.",
        "Analysts said the service had underestimated how many households share one account "
        "and how quickly they cancel when prices rise.",
        "Subscribers pay 2 € more a month from June.",
    ]
    last = story[-1]
    assert offer_prompt(TextView("x\n" + last).lines[1].toks, last) is not None  # worded so
    art = clean_text("\n".join([HEAD, "Streaming service loses subscribers in Europe", *story]))
    assert art.text == "\n".join(story)


def test_a_sections_heading_cut_off_by_a_reading_wall_stays_and_menu_labels_over_it_go() -> None:
    # a wall cuts the article wherever it stands: after a section's heading, the heading is
    # the article's; two menu labels over the wall (no prose right over them) are the page's
    wall = ["Subscribe to continue reading.", "Already a subscriber? Sign in"]
    heading = "Repairs planned for next winter"
    art = clean_text("\n".join([HEAD, TITLE, *BODY, heading, *wall]))
    assert art.text == "\n".join([*BODY, heading])
    labels = ["Sort and Filter", "Browse the Directory"]
    art = clean_text("\n".join([HEAD, TITLE, *BODY, *labels, *wall]))
    assert art.text == "\n".join(BODY)
