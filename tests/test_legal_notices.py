"""Legal notices under the article in more of their forms -- protected-by-copyright and
reproduction notices, information-only and safe-harbour notices, a text's note that an AI
helped write it or that it was sponsored, a site's long legal paragraph -- and a rule of
symbols left dangling between the article and the notices the rules took.  An article that
talks about copyright, or ends on a rule of its own, keeps its words."""

from __future__ import annotations

import pytest
from restorable import clean_restorable

from newsclean import clean_text, restore

HEAD = "date 2025-05-02 200"
TITLE = "Town hall approves a new market square after years of debate"
BODY = [
    "The town council voted on Wednesday to turn the car park behind the town hall into a "
    "market square with trees, benches and room for forty stalls.",
    "Work is due to start in the autumn and to take about a year, the council said, with the "
    "weekly farmers' market moving to the school yard in the meantime.",
    "Stallholders welcomed the plan but asked for covered pitches so that they could trade "
    "in the rain.",
]

NOTICES = [
    ["Dieser Artikel ist urheberrechtlich geschützt. Eine Weiterverwendung ist nur mit "
     "Zustimmung des Verlags gestattet."],
    ["Reproduction of this article in whole or in part without written permission of the "
     "publisher is prohibited."],
    ["Le informazioni contenute in questo articolo hanno scopo puramente informativo."],
    ["This press release contains forward-looking statements that involve risks and "
     "uncertainties."],
    ["Important notice: the information in this article is of a general nature and is not "
     "intended to address the circumstances of any particular person."],
    ["Ce contenu a été produit en partenariat avec un annonceur. La rédaction n'a pas "
     "participé à sa réalisation."],
    ["This article was written with the help of AI tools and checked by an editor."],
    ["Rechtlicher Hinweis",
     "Sämtliche Inhalte dieser Seite, insbesondere Texte, Fotografien und Grafiken, sind "
     "urheberrechtlich geschützt. Das Urheberrecht liegt, soweit nicht anders gekennzeichnet, "
     "beim Verlag. Bitte fragen Sie uns, falls Sie die Inhalte dieses Angebotes verwenden "
     "möchten, und nennen Sie dabei stets die Quelle."],
    # a rule of symbols between the article and the notice
    ["* * *", "© 2025 Town Crier Media. Tous droits réservés."],
    ["The content of this page is for general information only and should not be relied "
     "on as legal, planning or financial advice."],
    ["Opinions expressed by our guest writers are their own."],
    ["Town Crier is a member of several affiliate programmes with online shops."],
    ["Distributed by Riverside Features Syndicate, Inc."],
    # the site's policy pages, as its footer lists them
    ["Accessibility Statement", "Contact Us"],
    ["AdChoices", "Terms of Sale"],
    ["Site Map", "Editorial Standards"],
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_legal_notice_under_the_article_goes(notice: list[str]) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, *notice])
    art = clean_text(record)
    assert art.text == "\n".join(BODY)
    assert restore(art.text, art.removed) == record


@pytest.mark.parametrize(
    "last",
    [
        # a story about copyright and about an AI's help: its own words
        "The court ruled that the photographs were protected by copyright and ordered the "
        "council to pay the photographer's costs.",
        "The mayor said a draft of the plan had been written with the help of AI tools, which "
        "critics called a shortcut.",
    ],
)
def test_an_article_that_talks_of_copyright_or_ai_keeps_its_last_paragraph(last: str) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, last])
    assert clean_text(record).text == "\n".join([*BODY, last])


def test_a_rule_of_symbols_that_ends_the_article_stays_when_nothing_is_taken_below() -> None:
    record = "\n".join([HEAD, TITLE, *BODY, "* * *"])
    assert clean_text(record).text == "\n".join([*BODY, "* * *"])


WALL_TITLE = "Council to vote on a four-day week for its staff"


@pytest.mark.parametrize(
    "wall",
    [
        ["To continue, please sign in or create a free account.", "Continue with email",
         "Continue with Google"],
        ["Create a free account or sign in with your e-mail address to continue."],
        # an offer's pitch as the page's only paragraph
        ["Subscribe to the Town Crier for unlimited access to local news, investigations and "
         "newsletters, all for less than the price of a coffee a week.",
         "Already a subscriber? Log in"],
        ["Lesen Sie weiter mit unserem Digitalabo: unbegrenzter Zugang zu allen Artikeln und "
         "dem E-Paper, monatlich kündbar.", "Jetzt abonnieren"],
    ],
)
def test_a_sign_in_or_subscription_wall_alone_is_no_article(wall: list[str]) -> None:
    record = "\n".join([HEAD, WALL_TITLE, *wall])
    art = clean_text(record)
    assert art.verdict != "article"
    assert restore(art.text, art.removed) == record or art.text == ""


def test_a_story_about_streaming_subscriptions_stays_an_article() -> None:
    body = [
        "The city's libraries will give every card holder unlimited access to a film streaming "
        "service from January, the council said on Monday.",
        "Borrowers sign in with their library card number and can watch up to ten films a "
        "month, a limit the service sets for all public libraries.",
    ]
    record = "\n".join([HEAD, "Library cards to include free film streaming", *body])
    art = clean_text(record)
    assert art.verdict == "article"
    assert art.text == "\n".join(body)


# Notices worded as no family's expression words them: known by the law's words they are
# made of, said of the content itself, where the article's prose uses none of those words.
WORDED = [
    "La reproduction de ce texte, même partielle, reste interdite sans l'accord de l'éditeur.",
    "Informations non contractuelles, susceptibles d'évoluer sans préavis.",
    "Texte und Bilder dieser Seite unterliegen dem Urheberrecht.",
    "Los contenidos de este sitio están protegidos por la ley de propiedad intelectual.",
    "I contenuti di questo sito sono protetti dalla legge sul diritto d'autore.",
    "Nothing published on these pages may be copied or reused without the publisher's consent.",
    "The information herein may change without notice.",
]


# A writer's disclosure of holdings, a column's views, an investment notice: the disclaimer
# family's own wordings
DISCLOSURES = [
    "The author holds no position in any of the companies mentioned.",
    "Opinions in this column are the writer's and not necessarily those of the newspaper.",
    "Past performance is no guarantee of future results.",
]


@pytest.mark.parametrize(
    ("notice", "rule"),
    [*((n, "legal_notice") for n in WORDED), *((n, "disclaimer") for n in DISCLOSURES)],
)
def test_a_legal_notice_in_any_wording_under_the_article_goes(notice: str, rule: str) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, notice])
    a = clean_text(record)
    assert (a.verdict, a.text) == ("article", "\n".join(BODY))
    assert [(r.reason, r.rule) for r in a.removed if r.text.strip() == notice] == [
        ("boilerplate", rule)
    ]
    assert restore(a.text, a.removed) == record


@pytest.mark.parametrize(
    "last",
    [
        # a story's own closing sentence about positions and views
        "The market's operator has no positions in the companies bidding for the stalls, its "
        "manager said.",
        "Her views on the square were not necessarily those of her party, the councillor said.",
    ],
)
def test_a_closing_sentence_about_positions_or_views_stays(last: str) -> None:
    body = [*BODY, last]
    assert clean_text("\n".join([HEAD, TITLE, *body])).text == "\n".join(body)


def test_two_legal_notices_in_any_wording_go_together() -> None:
    a = clean_text("\n".join([HEAD, TITLE, *BODY, WORDED[0], WORDED[3]]))
    assert a.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "last",
    [
        # a story about the law ends on the law's words, which its prose uses
        "Traders said the council's permission came with a clause on liability for damage to "
        "the stalls, and the town's lawyers will publish the contract's terms in June.",
        # a closing sentence with one such word among many others
        "The council reserved its decision on parking fees until the square opens next year.",
    ],
)
def test_an_articles_own_last_paragraph_with_the_laws_words_stays(last: str) -> None:
    body = [*BODY[:2], "The council's permission covers liability for the stalls, the town's "
            "lawyers said, and the market's operator must hold insurance against damage.", last]
    assert clean_text("\n".join([HEAD, TITLE, *body])).text == "\n".join(body)


# --- the publisher's registration and the site's credit line in its footer --------------------

FOOTERS = [
    ["Registered in England and Wales. Company number 04417252."],
    ["Registered office: 1 Harbour Road, Portview"],
    ["Town Crier Media GmbH", "Amtsgericht Hamburg, HRB 123456"],
    ["Town Crier SAS, RCS Lyon B 123 456 789"],
    ["Town Crier Srl – Partita IVA 01234567890"],
    ["Powered by WordPress", "Theme by Hillside Studio"],
    ["Proudly powered by Ghost"],
    ["Powered by Bramble ✿‿✿"],  # a brand's mark after the name
    ["Town Crier is a trading name of Crier Media Ltd, 4 Quay Street, Portview"],
]


# a story about a company's registration, or powered by something, in its own words
OWN_WORDS = [
    "The company, registered in England and Wales, employs about 300 people at two sites.",
    "Its company number, 04417252, appears on every invoice the firm has sent since 2019.",
    "Powered by the sun, the ferry crossed the lake in three days without a single stop.",
    "The views expressed at the meeting were mixed, and the mayor said the decision was hers.",
    "Distributed by volunteers, the leaflets reached every house in the old town by Friday.",
]


def test_the_publishers_registration_or_the_sites_credit_under_the_article_goes() -> None:
    for footer in FOOTERS:
        assert clean_restorable(HEAD, TITLE, *BODY, *footer).text == "\n".join(BODY), footer
    for last in OWN_WORDS:
        assert clean_restorable(HEAD, TITLE, *BODY, last).text == "\n".join([*BODY, last]), last
