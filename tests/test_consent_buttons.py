"""A consent notice between the headline and the article brings its heading and buttons: they
go with it ("Accept all", "Tout refuser", "Einstellungen", "We value your privacy"), and a
sentence of the notice's that runs on.  A short headline under a consent notice is no button."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore

HEAD = "date 2025-05-20 200"
TITLE = "Ferry fares to rise by five percent in the autumn"
BODY = [
    "The island ferry company will raise its fares by five percent from October, citing fuel "
    "costs that have risen by a third since last year.",
    "Season tickets for residents will be spared the increase until the spring, the company "
    "said in a statement on Tuesday.",
]


@pytest.mark.parametrize(
    "block",
    [
        ["We value your privacy",
         "We and our partners use cookies to store and access information on your device for "
         "personalised ads and content and for measurement.",
         "Accept all", "Reject all", "Manage preferences"],
        ["Nous respectons votre vie privée",
         "Nous et nos partenaires utilisons des cookies pour stocker des informations sur votre "
         "appareil et personnaliser les annonces.",
         "Tout accepter", "Tout refuser", "Paramétrer"],
        ["Ce site utilise des cookies.",
         "En poursuivant votre navigation, vous acceptez leur utilisation.", "J'accepte"],
        ["Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die Zugriffe auf "
         "unsere Website zu analysieren.", "Alle akzeptieren", "Einstellungen"],
    ],
)
def test_a_consent_block_under_the_headline_goes_with_its_buttons(block: list[str]) -> None:
    record = "\n".join([HEAD, TITLE, *block, *BODY])
    art = clean_text(record)
    assert art.title == TITLE
    assert art.text == "\n".join(BODY)
    assert restore(art.text, art.removed) == record


def test_a_short_headline_under_a_consent_notice_is_the_title() -> None:
    record = "\n".join([
        HEAD,
        "We place cookies on this website so that it runs well for every visitor. If you keep "
        "browsing, you accept these cookies.",
        "Ferry fares rise",
        *BODY,
    ])
    art = clean_text(record)
    assert art.title == "Ferry fares rise"
    assert art.text == "\n".join(BODY)
