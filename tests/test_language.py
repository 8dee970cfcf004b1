"""Language of an article (py3langid, vectorised) and mixed-language paragraph spans."""

from __future__ import annotations

from newsclean.enrich.language import _langid, classify, detect_language

EN = (
    "The city council approved the new budget on Tuesday after a long debate.\n"
    "The plan includes more money for schools and public transport, the mayor said.\n"
    "Opposition members argued that the spending was not sustainable in the long run."
)
DE = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.\n"
    "Der Plan sieht mehr Geld für Schulen und den öffentlichen Nahverkehr vor, sagte die "
    "Bürgermeisterin.\n"
    "Die Opposition kritisierte, dass die Ausgaben auf Dauer nicht tragbar seien."
)
FR = (
    "Le conseil municipal a adopté mardi le nouveau budget après un long débat.\n"
    "Le plan prévoit davantage d'argent pour les écoles et les transports publics, a "
    "déclaré la maire.\n"
    "L'opposition estime que ces dépenses ne sont pas tenables à long terme."
)
ES = (
    "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate.\n"
    "El plan incluye más dinero para las escuelas y el transporte público, dijo la "
    "alcaldesa.\n"
    "La oposición sostuvo que el gasto no es sostenible a largo plazo."
)


def test_english_article() -> None:
    assert detect_language(EN) == ("en", [])


def test_german_french_spanish_articles() -> None:
    assert detect_language(DE) == ("de", [])
    assert detect_language(FR) == ("fr", [])
    assert detect_language(ES) == ("es", [])


def test_too_short_to_tell() -> None:
    assert detect_language("") == (None, [])
    assert detect_language("OK.") == (None, [])
    assert detect_language("12 345 678 — 9") == (None, [])


def test_mixed_article_gets_paragraph_spans() -> None:
    german = (
        "Der Minister sagte, dass die Regierung die Pläne für das kommende Jahr nicht "
        "ändern wird und auch weiterhin auf Wachstum setzt."
    )
    text = EN + "\n" + german + "\nHe added that details would follow next week."
    lang, spans = detect_language(text)
    assert lang == "en"
    assert [(text[a:b], lg) for a, b, lg in spans if lg != "en"] == [(german, "de")]
    # One span per paragraph, in order, each exactly a paragraph of the text.
    assert [text[a:b] for a, b, _ in spans] == text.split("\n")


def test_english_with_foreign_names_is_not_mixed() -> None:
    text = EN + "\nThe café owner, José Müller, said the plan was fine for the old town."
    assert detect_language(text) == ("en", [])


def test_same_answer_as_py3langid() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ref = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    fast = _langid()
    for text in (EN, DE, FR, ES, "Привет, как дела? Сегодня хорошая погода.", "x y z"):
        want_lang, want_conf = ref.classify(text)
        got_lang, got_conf = fast.classify(text)
        assert got_lang == want_lang
        assert abs(got_conf - want_conf) < 1e-4


def test_classify_short_text() -> None:
    assert classify("Hi") == (None, 0.0)


def test_non_latin_article_with_an_english_paragraph() -> None:
    russian = (
        "Городской совет во вторник после долгих дебатов утвердил новый бюджет города.\n"
        "План предусматривает больше денег для школ и общественного транспорта, сказал мэр."
    )
    english = "The mayor added in English that the plan would be published online next week."
    text = russian + "\n" + english
    lang, spans = detect_language(text)
    assert lang == "ru"
    assert [lg for _a, _b, lg in spans] == ["ru", "ru", "en"]
