"""A comment form under the article, in seven languages: its heading, the notes under it (the
commenter's address kept private, the fields to fill in, the browser keeping the name, a spam
filter's note) and its button go; a story's sentences about comments, addresses and spam
stay."""

from __future__ import annotations

import pytest
from familylines import cleaned, family_of

HEAD = "date 2025-06-10 200"
TITLE = "Village hall roof repaired before the summer fair"
BODY = [
    "The village hall's roof has been repaired in time for the summer fair, after volunteers "
    "raised the money for new slates at a run of quiz nights over the winter.",
    "Water had come through the ceiling of the main room during the January storms, and the "
    "hall's committee feared it would have to cancel the fair for the first time in forty years.",
    "The fair will go ahead on the last Saturday of June, with the dog show and the cake stall "
    "back in the main room.",
]



@pytest.mark.parametrize(
    "line",
    [
        "Laisser un commentaire",
        "Deja una respuesta",
        "Lascia un commento",
        "Deixe um comentário",
        "Schreiben Sie einen Kommentar",
        "Your e-mail address will not be published here.",
        "Ihre E-Mail-Adresse wird nicht veröffentlicht.",
        "Tu dirección de correo electrónico no será publicada.",
        "Il tuo indirizzo email non sarà pubblicato.",
        "Required fields are marked *",
        "Save my name, e-mail and website in this browser until I comment again.",
        "This site uses Spamguard to reduce spam. Comments are checked before they appear.",
        "Publicar el comentario",
        "Pubblica il commento",
        "Kommentar abschicken",
    ],
)
def test_a_comment_forms_lines_are_widgets(line: str) -> None:
    assert family_of(line) == "widget"


@pytest.mark.parametrize(
    "line",
    [
        "The council said the names of residents who sent comments will not be published.",
        "Your email address will be used only to send you the fair's programme, the committee said.",
        "The committee said the site uses a filter to reduce spam in its inbox.",
        "Der Verein will einen Kommentar zur Entscheidung schreiben, sagte die Vorsitzende.",
        "Deja una huella en la historia del pueblo, dijo la alcaldesa.",
    ],
)
def test_a_storys_sentences_about_comments_are_not_widgets(line: str) -> None:
    assert family_of(line) is None


@pytest.mark.parametrize(
    "form",
    [
        ["Deja una respuesta", "Tu dirección de correo electrónico no será publicada.",
         "Comentario", "Nombre", "Correo electrónico", "Publicar el comentario"],
        ["Leave a Reply", "Your e-mail address will not be published here. Required fields are marked *",
         "Save my name, e-mail and website in this browser until I comment again.",
         "This site uses Spamguard to reduce spam. Comments are checked before they appear."],
    ],
)
def test_a_comment_form_under_the_article_goes(form: list[str]) -> None:
    record = "\n".join([HEAD, TITLE, *BODY, *form])
    art = cleaned(record)
    assert art.text == "\n".join(BODY)
