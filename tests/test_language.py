"""Language of an article (py3langid's public API) and mixed-language paragraph spans."""

from __future__ import annotations

import py3langid
import pytest

from newsclean.enrich import language
from newsclean.enrich.language import (
    _NOT_ASCII_LETTER,
    _lead_bytes,
    _model_classify,
    _suspects,
    classify,
    detect_language,
    quick_language,
)

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


def test_english_suspects_only_long_paragraphs_with_two_accented_letters() -> None:
    french = ("Le ministre a déclaré que les réformes sont prêtes et seront présentées dans "
              "une semaine avec des détails.")
    text = "\n".join([
        "The committee met on Tuesday to review the budget for the coming year in full.",
        "Café Zoë",  # two accented letters, too short to be another language
        french,
        # two bytes kept for the line (× shares é's first byte), one letter: not a candidate
        "Prices rose 5 × faster, the café said on Tuesday in its report to its members.",
        "Ünal and Çelik, the two founders, said on Friday that the firm would grow.",
    ])
    suspects, pars = _suspects(text, "en")
    assert [text[pars[i][0] : pars[i][1]] for i in suspects] == [french]
    lang, spans = detect_language(text)
    assert lang == "en"
    assert [text[a:b] for a, b, lg in spans if lg != "en"] == [french]
    # an English article whose accented letters stand one to a line: no candidate at all
    assert _suspects("Café owners met.\nThe mayor, José, spoke.\n" * 3, "en") == ([], [])


def test_lead_bytes_keep_a_byte_for_every_letter_hit_line_by_line() -> None:
    text = ("Café “Müller” — Ελλάδα, 東京 and Zoë.\n"
            "“Quoted,” she said — a dash… and\u00a0a no-break space, €5\n"
            "🎉 × ÷ Straße")
    lines = [ln.encode("utf-8") for ln in text.split("\n")]
    per_line = _lead_bytes(text).split(b"\n")
    assert len(per_line) == len(lines)
    hits = [len(_NOT_ASCII_LETTER.findall(ln.decode())) for ln in lines]
    # letters only: one byte each; punctuation outside ASCII leaves nothing; × and ÷ share
    # their first byte with letters (kept, a bound only), the emoji is dropped
    assert [len(b) for b in per_line] == [hits[0], 0, 3]
    assert hits == [11, 0, 1]
    # every character the pattern matches keeps its byte
    letters = "".join(chr(c) for c in range(0x80, 0x10000)
                      if _NOT_ASCII_LETTER.match(chr(c)) is not None)
    assert len(_lead_bytes(letters)) == len(letters)
    assert _lead_bytes("Plain ASCII text.\nTwo lines.") == b"\n"


def test_english_with_foreign_names_is_not_mixed() -> None:
    text = EN + "\nThe café owner, José Müller, said the plan was fine for the old town."
    assert detect_language(text) == ("en", [])


def test_same_answer_as_py3langid() -> None:
    for text in (EN, DE, FR, ES, "Привет, как дела? Сегодня хорошая погода.", "x y z"):
        got_lang, got_conf = _model_classify(text)
        assert got_lang == py3langid.classify(text)[0]
        assert 0.0 < got_conf <= 1.0
    assert _model_classify("Привет, как дела? Сегодня хорошая погода.")[0] == "ru"


def test_model_reads_a_recurring_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = language._rank  # (py3langid's rank, from the unpacked model when there is one)

    def counted(text: str) -> list[tuple[str, float]]:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(language, "_rank", counted)
    text = "La commune a voté mardi soir la prolongation des lignes de bus jusqu’au port."
    first = _model_classify(text)
    assert first[0] == "fr"
    assert _model_classify(text) == first
    assert _model_classify(text + " Les travaux commencent en mai.")[0] == "fr"
    assert calls == [text, text + " Les travaux commencent en mai."]


def test_confidence_is_high_for_one_language_and_low_for_a_blend() -> None:
    assert _model_classify(DE)[1] > 0.99
    # half English, half German: neither language is certain
    blend = EN.split("\n")[0] + " " + DE.split("\n")[0]
    assert _model_classify(blend)[1] < 0.99


def test_no_model_feature_gives_no_language() -> None:
    assert _model_classify("") == (None, 0.0)
    assert _model_classify("    ") == (None, 0.0)


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


# Longer texts (about 80 words): enough for the function-word fast path to decide.
LONG = {
    "en": (
        "The regional government said on Monday that it would extend the support scheme for "
        "small farms until the end of the year. The minister told reporters that the money "
        "had been set aside in the spring and that the first payments were already on their "
        "way. Farmers in the north, who have been hit hardest by the drought, will be able to "
        "apply from next week, and the application will be handled by the local offices. "
        "Critics said the plan was too small and that it came far too late for many of them."
    ),
    "de": (
        "Die Landesregierung hat am Montag angekündigt, dass sie das Hilfsprogramm für kleine "
        "Betriebe bis zum Ende des Jahres verlängern wird. Der Minister sagte, dass das Geld "
        "schon im Frühjahr bereitgestellt worden sei und die ersten Zahlungen bereits auf dem "
        "Weg seien. Die Landwirte im Norden, die von der Dürre am stärksten betroffen sind, "
        "können ab der nächsten Woche einen Antrag stellen, der von den Ämtern vor Ort "
        "bearbeitet wird. Kritiker sagten, dass der Plan zu klein sei und für viele von ihnen "
        "auch noch viel zu spät komme, aber die Regierung hält an ihm fest."
    ),
    "fr": (
        "Le gouvernement régional a annoncé lundi qu'il prolongeait le dispositif d'aide aux "
        "petites exploitations jusqu'à la fin de l'année. Le ministre a expliqué que les fonds "
        "avaient été réservés au printemps et que les premiers versements étaient déjà en "
        "cours. Les agriculteurs du nord, qui sont les plus touchés par la sécheresse, "
        "pourront déposer une demande dès la semaine prochaine auprès des bureaux locaux. "
        "Pour les critiques, ce plan est trop modeste et il arrive bien trop tard pour "
        "beaucoup d'entre eux, mais le ministre ne veut pas le modifier."
    ),
    "es": (
        "El gobierno regional anunció el lunes que prolongará el programa de ayudas para las "
        "pequeñas explotaciones hasta el final del año. El ministro explicó que los fondos "
        "se reservaron en primavera y que los primeros pagos ya están en camino. Los "
        "agricultores del norte, que son los más afectados por la sequía, podrán presentar "
        "una solicitud desde la próxima semana en las oficinas locales. Para los críticos, "
        "el plan es demasiado pequeño y llega muy tarde para muchos de ellos, pero el "
        "ministro dijo que no lo va a cambiar por ahora."
    ),
    # Neighbours that share function words with the languages above.
    "it": (
        "Il governo regionale ha annunciato lunedì che prolungherà il programma di aiuti per "
        "le piccole aziende agricole fino alla fine dell'anno. Il ministro ha spiegato che i "
        "fondi sono stati stanziati in primavera e che i primi pagamenti sono già in arrivo. "
        "Gli agricoltori del nord, che sono i più colpiti dalla siccità, potranno presentare "
        "domanda dalla prossima settimana presso gli uffici locali. Per i critici il piano è "
        "troppo piccolo e arriva troppo tardi per molti di loro, ma il ministro non lo cambierà."
    ),
    "pt": (
        "O governo regional anunciou na segunda-feira que vai prolongar o programa de apoio às "
        "pequenas explorações agrícolas até ao final do ano. O ministro explicou que os fundos "
        "foram reservados na primavera e que os primeiros pagamentos já estão a caminho. Os "
        "agricultores do norte, que são os mais afetados pela seca, poderão apresentar um "
        "pedido a partir da próxima semana nos serviços locais. Para os críticos, o plano é "
        "demasiado pequeno e chega muito tarde para muitos deles, mas o ministro não o vai mudar."
    ),
    "ca": (
        "El govern regional va anunciar dilluns que allargarà el programa d'ajuts per a les "
        "petites explotacions fins a final d'any. El ministre va explicar que els fons es van "
        "reservar a la primavera i que els primers pagaments ja són en camí. Els pagesos del "
        "nord, que són els més afectats per la sequera, podran presentar una sol·licitud a "
        "partir de la setmana vinent a les oficines locals. Per als crítics, el pla és massa "
        "petit i arriba massa tard per a molts d'ells, però el ministre no el canviarà."
    ),
    "nl": (
        "De regionale regering heeft maandag aangekondigd dat zij de steunregeling voor kleine "
        "boerenbedrijven tot het einde van het jaar verlengt. De minister zei dat het geld in "
        "het voorjaar is vrijgemaakt en dat de eerste betalingen al onderweg zijn. De boeren "
        "in het noorden, die het zwaarst door de droogte zijn getroffen, kunnen vanaf volgende "
        "week een aanvraag indienen bij de lokale kantoren. Volgens critici is het plan te "
        "klein en komt het voor velen van hen veel te laat, maar de minister wil het niet wijzigen."
    ),
}


def test_fast_path_decides_clear_texts_like_the_model() -> None:
    for lang in ("en", "de", "fr", "es"):
        text = LONG[lang]
        assert quick_language(text) == lang
        assert _model_classify(text)[0] == lang
        assert detect_language(text) == (lang, [])


def test_fast_path_leaves_neighbour_languages_to_the_model() -> None:
    for lang in ("it", "pt", "ca", "nl"):
        text = LONG[lang]
        assert quick_language(text) in (None, _model_classify(text)[0])
        assert detect_language(text)[0] == _model_classify(text)[0]


def test_fast_path_needs_many_words() -> None:
    assert quick_language(EN) is None  # three sentences: the model decides
    assert quick_language("the and of to in " * 3) is None
