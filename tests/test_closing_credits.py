"""Credits, tags, a pager and an author box left under an article end the record: they go;
an article's own closing lines of like length stay."""

from __future__ import annotations

import pytest

from newsclean import clean_text
from newsclean.detect import credits

HEAD = "date 2025-05-14 200"
HEADLINE = "The library that lends out garden tools"
BODY = [
    "The town library has lent out books for a century, and since March it has lent out "
    "spades, rakes and a petrol mower too, from a shed behind the reading room.",
    "Borrowers sign the tools out for a week at a time with the same card they use for "
    "books, and the librarians say the mower is booked solid until the autumn.",
    "The scheme began with tools donated by residents who had moved into flats, and a "
    "local hardware shop now sharpens the blades for free every spring.",
    "Staff hope to add a seed exchange next year, so that gardeners can swap what they "
    "grow as easily as they borrow a hoe.",
]


MENU = "Home | News | Sport | Weather | Contact"  # a page's menu bar: the record has furniture


def _clean(*tail: str, menu: bool = True) -> str:
    head = [MENU] if menu else []
    return clean_text("\n".join([HEAD, *head, HEADLINE, *BODY, *tail])).text


@pytest.mark.parametrize(
    "tail",
    [
        ["Posted by Marta at April 3, 2025 10:40 AM"],
        ["Written by", "Marta Lindqvist"],
        ["Published 12 March 2025"],
        ["3 weeks ago"],
        ["Tags: libraries, gardening, Northfield"],
        ["← Older post: The bakery that opens at midnight"],
        [
            "Marta Lindqvist",
            "Marta Lindqvist is a reporter on the town desk who covers libraries and parks.",
        ],
        # teasers, a button and a lone name in headline case
        ["Seven Shrubs That Thrive in a Windy Garden", "How to Sharpen a Hoe in Ten Minutes"],
        ["Book a Free Tour of the Reading Room"],
        ["Marta Lindqvist"],
        ["Tags: libraries, gardening", "More From the Town Desk", "Marta Lindqvist"],
    ],
)
def test_credits_under_the_article_go(tail: list[str]) -> None:
    assert _clean(*tail) == "\n".join(BODY)


@pytest.mark.parametrize(
    "tail",
    [
        ["Opening hours: weekdays, nine to five"],  # a note stating what it says, with a list
        ["Format: paperback, large print and audio"],
        ["Last updated: April 3, 2025"],  # the article's own dated note
        ["Thanks to everyone who gave a spade."],  # a sentence
        ["Love,", "Marta"],  # a sign-off
        ["By Marta Lindqvist"],  # an author's name signing the piece off
        ["Format: Paperback and Large Print"],  # a label over a value in headline case
        ["PVC Hoses", "eBay Listings"],  # two-word list items that are no names
        ["1. Spades and Rakes for Hire", "2. Mowers on Weekends Only"],  # a numbered list
        ["Donated by Garden Friends, Northfield Allotments"],  # names with commas
        # a list of four or more lines in headline case: the article's sources, kept whole
        [
            "Northfield Parish Council Minutes",
            "The Borrowing Shed Annual Report",
            "Tool Libraries in Small Towns",
            "Friends of the Town Library Newsletter",
        ],
    ],
)
def test_the_articles_own_closing_lines_stay(tail: list[str]) -> None:
    assert _clean(*tail) == "\n".join([*BODY, *tail])


def test_credit_shapes() -> None:
    assert credits.is_credit("Posted by Ana Ruiz on 2 May 2025")
    assert not credits.is_credit("By Ana Ruiz")
    assert not credits.is_credit("Reporting by Ana Ruiz; editing by Tom Lee")
    assert credits.is_credit("Updated on 2 May 2025")
    assert credits.is_credit("12/03/2025")
    assert not credits.is_credit("By the end of the year the shed was full.")
    assert not credits.is_credit("Buying a mower is no longer needed")
    assert credits.author_box("Ana Ruiz", "Ana Ruiz is a rail reporter based in Leeds.")
    assert not credits.author_box("Ana Ruiz", "The rail line reopens in May after repairs.")
    assert not credits.author_box("Garden tools to borrow", "Garden tools to borrow are listed at the desk.")


@pytest.mark.parametrize(
    "tail", [["Marta Lindqvist"], ["What the Borrowers Say Next Spring"]]
)
def test_a_bare_article_keeps_its_closing_line_in_headline_case(tail: list[str]) -> None:
    # no furniture anywhere in the record: nothing says the page's teasers were left in it
    assert _clean(*tail, menu=False) == "\n".join([*BODY, *tail])
    assert _clean(*tail) == "\n".join(BODY)


def test_teaser_shapes() -> None:
    assert credits.is_teaser("12 Ways to Keep Your Lawn Green in August")
    assert credits.is_teaser("Ana Ruiz")
    assert not credits.is_teaser("Read More")  # two words with a function word
    assert not credits.is_teaser("The mower is booked until the autumn")  # lower-case words
    assert not credits.is_teaser("Seven Shrubs That Thrive in a Windy Garden.")  # a sentence end
    assert not credits.is_teaser("By Ana Ruiz")
    assert not credits.is_teaser("Last Updated: June 2025")
    assert not credits.is_teaser("* Seven Shrubs That Thrive in a Windy Garden")  # a list item


BIO = ("Marta Lindqvist is a reporter on the town desk who has covered libraries, parks and "
       "the allotments since 2019. Before that she wrote about farming for a regional weekly, "
       "and she still keeps bees on her balcony in the old town.")


@pytest.mark.parametrize("menu", [True, False])
@pytest.mark.parametrize("label", [[], ["Written by"]])
def test_an_author_box_whose_sentence_is_the_last_prose_goes(menu: bool, label: list[str]) -> None:
    # the box's long sentence reads as prose, so the tail stops short of it; the box still goes
    assert _clean(*label, "Marta Lindqvist", BIO, menu=menu) == "\n".join(BODY)


@pytest.mark.parametrize(
    "tail",
    [
        # a section's heading over its text, sharing a first word with it
        ["The Borrowing Shed", "The borrowing shed opens at nine on weekdays and at ten on "
         "Saturdays, and volunteers from the allotments staff it in the summer months."],
        # a profile's closing paragraph on its subject, under prose, not under a lone name
        [BIO],
    ],
)
def test_a_closing_paragraph_that_opens_on_a_name_stays(tail: list[str]) -> None:
    assert _clean(*tail) == "\n".join([*BODY, *tail])
