"""Lines in another language than the article's, under it: a site's notices, whatever their
wording.  The body votes its language by its stop words; a line at the end that holds another
language's (and py3langid agrees) goes, with the short lines under it.  A foreign line inside
the story, an English reference line, and an article in another language keep their text."""

from __future__ import annotations

from restorable import clean_restorable

from newsclean import clean_text
from newsclean.model import Article

HEAD = "date 2025-06-11 200"
TITLE = "Ferry company adds a night crossing for the summer season"
BODY = [
    "The ferry company will run a night crossing between the two ports from the first week "
    "of July, its director said on Tuesday, after a spring in which every evening sailing "
    "was fully booked.",
    "The new boat leaves the harbour at eleven and arrives before six in the morning, with "
    "cabins for families and a quiet lounge for those who prefer to sit.",
    "Tickets go on sale next Monday. The company expects most of them to be sold to "
    "holidaymakers who want to save a night in a hotel on the way south.",
    "Local hoteliers were less pleased, and said they would ask the council to look at the "
    "effect on their trade before the crossing is made permanent.",
]


def _clean(lines: list[str]) -> Article:
    return clean_restorable(HEAD, TITLE, *lines)


def test_a_french_notice_under_an_english_story_goes() -> None:
    # (no word of the legal notices' vocabulary: only its language tells it)
    notice = ("Cette page est mise à jour chaque semaine par notre équipe, qui vous remercie de "
              "votre fidélité.")
    art = _clean([*BODY, notice])
    assert art.text == "\n".join(BODY)
    assert [r.rule for r in art.removed if r.text.strip() == notice] == ["foreign_language"]


def test_a_german_notice_and_the_short_links_under_it_go() -> None:
    lines = [
        "Sämtliche Angaben werden von der Redaktion sorgfältig geprüft, eine Garantie für ihre "
        "Vollständigkeit können wir aber nicht geben.",
        "Kontakt | Anfahrt",
    ]
    art = _clean([*BODY, *lines])
    assert art.text == "\n".join(BODY)


def test_an_english_notice_under_a_spanish_story_goes() -> None:
    body = [
        "El ayuntamiento aprobó el martes el nuevo plan de transporte, que añade tres líneas de "
        "autobús y amplía el horario nocturno de los fines de semana.",
        "Según la alcaldesa, el plan costará unos dos millones de euros al año y se pagará con "
        "los ingresos del aparcamiento regulado en el centro de la ciudad.",
        "Los vecinos de los barrios del norte, que llevaban años pidiendo una línea directa al "
        "hospital, celebraron la noticia en la reunión de la asociación.",
        "La primera de las nuevas líneas empezará a funcionar en septiembre, cuando vuelvan las "
        "clases en los colegios y en la universidad.",
    ]
    notice = ("This page is updated every week by our small team, who would like to thank you "
              "for reading along with us.")
    record = "\n".join([HEAD, "El ayuntamiento amplía el servicio de autobuses", *body, notice])
    art = clean_text(record)
    assert art.text == "\n".join(body)


def test_a_foreign_quotation_inside_the_story_stays() -> None:
    quote = ("« Nous ne savions pas que la traversée de nuit serait aussi demandée », a déclaré "
             "la directrice de la compagnie.")
    lines = [*BODY[:2], quote, *BODY[2:]]
    art = _clean(lines)
    assert art.text == "\n".join(lines)


def test_the_story_ends_on_its_own_english_lines() -> None:
    # a reference line of names and a web address, and a short sign-off: English, kept
    lines = [
        *BODY,
        "Harbour Authority (2025). Annual Traffic Report. https://example.org/reports/traffic/",
        "Reporting by Jane Doe.",
    ]
    art = _clean(lines)
    assert art.text == "\n".join(lines)


def test_a_short_body_has_no_language_to_judge_by() -> None:
    lines = [BODY[0], "Cette page est mise à jour chaque semaine par notre équipe de Marseille."]
    art = _clean(lines)
    assert lines[1] in art.text


def test_a_long_foreign_paragraph_at_the_end_is_a_passage_and_stays() -> None:
    passage = (
        "La compañía confirmó que el nuevo barco hará la travesía nocturna tres veces por "
        "semana durante julio y agosto, y que estudiará añadir más salidas si la demanda de "
        "las familias sigue creciendo como en la primavera, según explicó su director."
    )
    assert len(passage.split()) > 35
    art = _clean([*BODY, passage])
    assert art.text == "\n".join([*BODY, passage])


def test_a_notice_holding_a_few_of_englishs_stop_words_goes() -> None:
    # ("a" and "de" are in English's list too: a fifth of this line's words)
    notice = "La rédaction a choisi de ne pas publier les commentaires sur cet article de presse."
    art = _clean([*BODY, notice])
    assert art.text == "\n".join(BODY)


def test_a_story_closing_on_words_quoted_in_their_language_keeps_them() -> None:
    quote = "„Wir haben so lange auf diese Fähre gewartet“, sagte eine Anwohnerin am Hafen."
    art = _clean([*BODY, quote])
    assert art.text == "\n".join([*BODY, quote])
