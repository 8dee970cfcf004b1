"""Stories about the web's machinery -- an outage, a fine over cookie banners, a recipe for
cookies -- use the words of error banners and consent notices in their headline and prose.
They come through whole; the banners and notices of a page still go."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import boilerplate
from newsclean.text_view import normalise

HEAD = "date 2025-03-04 200"

OUTAGE = (
    "Bank app outage leaves customers unable to pay for hours",
    [
        "Customers of the regional bank were unable to log in to its mobile app for most of "
        "Tuesday, with many seeing a message that the service was temporarily unavailable.",
        "The bank said an error occurred during a scheduled maintenance window and that no "
        "accounts had been affected.",
        "Shops near the station reported long queues as card payments failed and people went "
        "to cash machines instead.",
        "The service was restored shortly after 6 p.m., and the bank apologised.",
    ],
)
FINE = (
    "Regulator fines retailer over cookie banners",
    [
        "The data protection authority fined an online retailer 2 million euros for cookie "
        "banners that made it harder to refuse tracking than to accept it.",
        "Its investigators found that the button to reject cookies was hidden behind two "
        "further screens, while acceptance took one click.",
        "The retailer said it would appeal and that it had already changed the design of its "
        "privacy settings.",
        "Consumer groups welcomed the decision and said other sites used the same tricks.",
    ],
)
RECIPE = (
    "The chocolate chip cookies our grandmother baked every winter",
    [
        "Cream the butter and both sugars until pale, then beat in the eggs one at a time and "
        "stir in the vanilla.",
        "Fold in the flour, the salt and the chocolate, and chill the dough for an hour so that "
        "the cookies keep their shape in the oven.",
        "Bake the cookies for twelve minutes, until golden at the edges.",
    ],
)


@pytest.mark.parametrize("story", [OUTAGE, FINE, RECIPE], ids=["outage", "fine", "recipe"])
def test_a_story_worded_like_the_pages_machinery_comes_through_whole(story) -> None:
    title, body = story
    art = clean_text("\n".join([HEAD, title, *body]))
    assert art.verdict == "article"
    assert art.title == title
    assert art.text == "\n".join(body)


@pytest.mark.parametrize(
    ("top", "bottom"),
    [
        (["This site sets cookies so that its pages load faster for you.", "Accept all cookies"], []),
        ([], ["We and our partners place cookies to learn which pages readers open. Carry on "
              "browsing and you accept them.", "Manage cookies"]),
    ],
)
def test_a_consent_notice_around_such_a_story_still_goes(top: list[str], bottom: list[str]) -> None:
    title, body = FINE
    record = "\n".join([HEAD, *top, title, *body, *bottom])
    art = clean_text(record)
    assert art.text == "\n".join(body)
    assert {r.rule for r in art.removed if r.reason == "boilerplate"} == {"cookie_notice"}
    assert restore(art.text, art.removed) == record


def test_an_error_page_written_out_in_two_paragraphs_is_still_an_error_page() -> None:
    record = "\n".join([
        HEAD,
        "Page not found",
        "We are sorry, but the page you requested could not be found on our server; it may "
        "have been moved, renamed or deleted.",
        "Please check the address for typos, or go back to the homepage to find what you "
        "were looking for.",
    ])
    assert clean_text(record).verdict == "error_page"


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Cookies help us deliver our services.", "cookie_notice"),
        ("Diese Website verwendet Cookies.", "cookie_notice"),
        ("Cookie Preferences", "cookie_notice"),
        ("Manage consent", "cookie_notice"),
        ("We value your privacy", "cookie_notice"),
        # a story's or a recipe's words about cookies and privacy
        ("The chocolate chip cookies our grandmother baked every winter", None),
        ("Bake the cookies for twelve minutes, until golden at the edges.", None),
        ("The retailer said it had changed the design of its privacy settings.", None),
        ("We value your privacy, the minister told voters on Tuesday.", None),
    ],
)
def test_consent_wordings_and_a_storys_words_about_cookies(line: str, family: str | None) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) == family
