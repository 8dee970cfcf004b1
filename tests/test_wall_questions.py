"""A reading wall's question over its offer ("Want to read more?"), reading on with a
subscription in Spanish, Italian, Portuguese and French, and a newsroom's request to report
its errors: furniture after the article.  Prose that wants to read, reads on or reports an
error stays."""

from __future__ import annotations

import pytest
from familylines import cleaned, family_of

from newsclean import clean_text

HEAD = "date 2025-06-02 200"
TITLE = "Night buses return to the valley towns"
BODY = [
    "Night buses will run again between the valley towns from next month, after the transport "
    "authority found a contractor willing to take on the late routes.",
    "The service was cut two years ago when the previous operator went out of business, leaving "
    "shift workers at the hospital and the food plants without a way home.",
    "Buses will leave the central station every hour from midnight until five in the morning "
    "on weekdays, and every half hour on Friday and Saturday nights.",
]



@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Want to read more?", "paywall"),
        ("Do you want to keep reading?", "paywall"),
        ("Continúa leyendo con tu suscripción.", "paywall"),
        ("Continua a leggere con l'abbonamento digitale.", "paywall"),
        ("Continue lendo com a sua assinatura.", "paywall"),
        ("Continuez votre lecture en vous abonnant.", "paywall"),
        ("If you spot an error in this story, please email our standards editor.", "call_to_action"),
        ("Spotted a mistake? Let us know.", "call_to_action"),
    ],
)
def test_wall_questions_and_error_requests_are_named(line: str, family: str) -> None:
    assert family_of(line) == family


@pytest.mark.parametrize(
    "line",
    [
        "Readers who want to read more about the route can find the timetable at the station.",
        "If you would like to read more about the line's history, the museum keeps an archive.",
        "Continuing to read the report, the committee found two more errors in the budget.",
        "Auditors found an error in the contract, and the authority said it would pay the difference.",
        "She said that if you spot an error on a ticket you should keep it as proof.",
        "The lecture continues next week.",
    ],
)
def test_prose_that_reads_on_or_finds_an_error_is_not_named(line: str) -> None:
    assert family_of(line) is None


def test_a_wall_with_its_question_goes_after_the_article() -> None:
    wall = [
        "Want to read more?",
        "Become a subscriber today to unlock every story and our newsletters.",
        "Subscribe",
    ]
    record = "\n".join([HEAD, TITLE, *BODY, *wall])
    art = cleaned(record)
    assert art.text == "\n".join(BODY)


def test_a_request_to_report_errors_goes_after_the_article() -> None:
    record = "\n".join(
        [HEAD, TITLE, *BODY, "Corrections: If you spot an error in this article, please contact our desk."]
    )
    art = clean_text(record)
    assert art.text == "\n".join(BODY)
