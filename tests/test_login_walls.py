"""A login wall (the headline, a prompt to sign in to read, the form's fields) is a blocked
page; an article that ends on such a prompt, or a page that asks to sign in to comment, is not."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect.boilerplate import offer_prompt
from newsclean.text_view import TextView

BODY = [
    "The harbour board voted on Tuesday to deepen the main channel by two metres, ending a "
    "review that began after two container ships ran aground near the breakwater last spring.",
    "Crews who fish the inner bay had opposed the plan, and the board moved the dredging to "
    "the summer months so that the crab beds are left alone over the winter.",
]


def record(*lines: str, status: int = 200) -> str:
    return "\n".join([f"date 2025-03-04 {status}", *lines])


@pytest.mark.parametrize(
    ("title", "wall"),
    [
        ("Harbour board backs dredging plan",
         ["Please sign in to continue reading.", "Email", "Password", "Forgot your password?"]),
        ("Harbour board backs dredging plan",
         ["You must be logged in to view this story.", "Log in with Google"]),
        ("Le port lance son chantier",
         ["Connectez-vous pour lire la suite de cet article.", "Adresse e-mail", "Mot de passe"]),
        ("Hafen beginnt mit dem Ausbaggern",
         ["Bitte melden Sie sich an, um weiterzulesen.", "Passwort", "Passwort vergessen?"]),
        ("El puerto empieza el dragado",
         ["Inicia sesión para seguir leyendo.", "Correo electrónico", "Contraseña"]),
    ],
)
@pytest.mark.parametrize("status", [200, 401])
def test_login_wall_is_a_blocked_page(title: str, wall: list[str], status: int) -> None:
    rec = record(title, *wall, status=status)
    a = clean_text(rec)
    assert (a.verdict, a.text, a.title) == ("blocked", "", None)
    assert restore(a.text, a.removed) == rec
    # the prompt and the fields are named as the wall's
    for line in wall:
        assert [r.rule for r in a.removed if line in r.text] == ["login_wall"]


def test_article_ending_on_a_sign_in_prompt_stays_an_article() -> None:
    # a paywall's visible part: the article was given, the prompt under it goes
    rec = record("Harbour board backs dredging plan", BODY[0], "Sign in to continue reading.")
    a = clean_text(rec)
    assert (a.verdict, a.text) == ("article", BODY[0])


def test_article_with_a_sign_in_form_under_it_stays_an_article() -> None:
    rec = record("Harbour board backs dredging plan", *BODY, "Log in to read more stories",
                 "Email", "Password")
    a = clean_text(rec)
    assert (a.verdict, a.text) == ("article", "\n".join(BODY))


def test_prompt_to_comment_is_no_wall() -> None:
    # a headline and a call to sign in to comment: no article, but nothing was refused
    rec = record("Harbour board backs dredging plan", "Register or log in to join the discussion")
    a = clean_text(rec)
    assert a.verdict == "empty"


def test_form_fields_without_a_prompt_are_no_wall() -> None:
    # a short record of the form's words alone asks nobody to read anything
    a = clean_text(record("Harbour board backs dredging plan", "Email", "Password"))
    assert a.verdict != "blocked"


@pytest.mark.parametrize(
    ("line", "is_prompt"),
    [
        # the account's acts written as two words
        ("Sign in to keep reading", True),
        ("Log in or create a free account to read on", True),
        ("You must be logged in to read this article", True),
        # the same words in the article's own sentences
        ("The new terminal will log in every container that passes the gate.", False),
        ("Visitors sign in at the front desk before the tour of the dredgers.", False),
    ],
)
def test_sign_in_pairs_make_a_prompt(line: str, is_prompt: bool) -> None:
    ln = TextView(line).lines[0]
    assert (offer_prompt(ln.toks, ln.text) is not None) is is_prompt
