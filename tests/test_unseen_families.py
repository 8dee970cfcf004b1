"""Families of noise in wordings and languages the earlier rules did not cover (issue #12):
Italian and Portuguese error and block pages, legal notices and rights lines in several
languages, and the articles that must come through such rules untouched."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import banners, boilerplate
from newsclean.text_view import normalise

HEADER = " date 2025-06-03 200"
BODY = [
    "The regional water authority said on Tuesday that reservoir levels had recovered to within a few percent of their long-term average after the wettest spring in a decade.",
    "Engineers had warned in February that two of the smaller dams could run dry by August if the dry spell continued, prompting hosepipe bans across three districts.",
    "Officials said the restrictions would be lifted at the end of the month, although they urged households to keep saving water through the summer holidays.",
]
TITLE = "Reservoirs recover after the wettest spring in a decade"


def _record(top: list[str], bottom: list[str], status: int = 200) -> str:
    return "\n".join([f" date 2025-06-03 {status}", *top, TITLE, *BODY, *bottom])


def _check_restored(rec: str) -> None:
    a = clean_text(rec)
    assert restore(a.text, a.removed) == rec


# --- error and block banners in Italian and Portuguese, and more German/French/Spanish ------
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Errore 500 - Si è verificato un errore interno", "error"),
        ("Ops! Pagina non trovata", "error"),
        ("La pagina che hai richiesto è stata spostata o non esiste più.", "error"),
        ("Il link che hai seguito potrebbe essere stato rimosso.", "error"),
        ("Torna alla home page", "error"),
        ("Erro 404: página não encontrada", "error"),
        ("A página que você está procurando não existe.", "error"),
        ("Este conteúdo não está mais disponível.", "error"),
        ("Voltar para o início", "error"),
        ("Überprüfen Sie bitte die eingegebene URL.", "error"),
        ("Le contenu demandé a été supprimé par son auteur.", "error"),
        ("El artículo que buscabas ha sido eliminado.", "error"),
        ("The requested URL could not be retrieved", "error"),
        ("Accesso bloccato: troppe richieste dal tuo indirizzo.", "blocked"),
        ("Acesso bloqueado temporariamente", "blocked"),
        ("Detectamos tráfego incomum vindo da sua rede.", "blocked"),
        ("Ihre Anfrage wurde aus Sicherheitsgründen blockiert.", "blocked"),
        ("Nous avons remarqué un trafic inhabituel provenant de votre réseau.", "blocked"),
        ("Hemos bloqueado tu solicitud porque parece automatizada: tu solicitud fue bloqueada.", "blocked"),
        ("Riferimento: 7f3c-22aa", "blocked"),
    ],
)
def test_more_banner_wordings(line: str, kind: str) -> None:
    assert banners.classify(normalise(line), len(line.split())) == kind


@pytest.mark.parametrize(
    "line",
    [
        # prose that uses the same words about other things
        "Il ministro ha detto che non esiste alcun piano per chiudere l'ospedale.",
        "O governo disse que não existe qualquer plano para fechar a fábrica.",
        "La polizia non ha trovato tracce del furgone rubato.",
        "We searched the archive and could not find any record of the meeting.",
        "What you were after: a buyer's guide to second-hand bikes",
        "Os vereadores voltaram para a sala depois do intervalo.",
        "Die Stadt prüft die Adresse eines neuen Standorts für die Schule.",
    ],
)
def test_banner_words_in_prose_are_no_banner(line: str) -> None:
    assert banners.classify(normalise(line), len(line.split())) is None


@pytest.mark.parametrize(
    ("lines", "verdict"),
    [
        (["Pagina non trovata", "Il contenuto che cercavi non è più disponibile.", "Torna alla home page"], "error_page"),
        (["Página não encontrada", "O link pode estar quebrado ou a página foi removida.", "Voltar para a página inicial"], "error_page"),
        (["Accesso negato", "La tua richiesta è stata bloccata dal firewall del sito."], "blocked"),
        (["Acesso negado", "Detectamos tráfego incomum vindo da sua rede."], "blocked"),
    ],
)
def test_italian_and_portuguese_pages_are_no_article(lines: list[str], verdict: str) -> None:
    rec = "\n".join([" date 2025-06-03 404", *lines])
    a = clean_text(rec)
    assert a.verdict == verdict
    assert a.text == ""
    _check_restored(rec)


def test_italian_banner_over_an_article_goes_and_the_article_stays() -> None:
    rec = _record(["Spiacenti, la pagina che cerchi non esiste."], [])
    a = clean_text(rec)
    assert a.verdict == "article"
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)
    assert any(r.reason == "error_banner" for r in a.removed)


def test_article_about_a_missing_web_page_stays_whole() -> None:
    body = [
        "Per tutta la mattinata il sito del comune ha mostrato soltanto la scritta pagina non trovata al posto del modulo per le domande, e gli uffici hanno ricevuto centinaia di telefonate di cittadini preoccupati di perdere la scadenza.",
        "Il sindaco ha spiegato che un errore durante l'aggiornamento del server aveva cancellato i collegamenti, e ha promesso che la scadenza sarà prorogata di una settimana.",
    ]
    rec = "\n".join([HEADER, "Il sito del comune resta irraggiungibile per ore", *body])
    a = clean_text(rec)
    assert a.verdict == "article"
    assert a.text == "\n".join(body)


# --- legal notices, imprint lines and rights lines at the end -------------------------------
@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("Impressum", "disclaimer"),
        ("Mentions légales", "disclaimer"),
        ("Note legali", "disclaimer"),
        ("Informações legais", "disclaimer"),
        ("Terms of Service", "disclaimer"),
        ("Condiciones de uso", "disclaimer"),
        ("Directeur de la publication : Jean Martin", "disclaimer"),
        ("Direttore responsabile: Laura Bianchi", "disclaimer"),
        ("Verantwortlich i.S.d. § 18 Abs. 2 MStV: Petra Hansen", "disclaimer"),
        ("Le contenu de cette page est fourni à titre informatif et n'engage pas la responsabilité de la rédaction.", "disclaimer"),
        ("La redacción no se hace responsable de las opiniones de los lectores.", "disclaimer"),
        ("L'editore non si assume alcuna responsabilità per i contenuti dei siti collegati.", "disclaimer"),
        ("Für unverlangt eingesandte Manuskripte übernehmen wir keine Gewähr.", "disclaimer"),
        ("© Jornal da Serra – todos os direitos reservados", "copyright"),
        ("Tutti i diritti riservati. Vietata la copia.", "copyright"),
        ("Droits réservés – Éditions du Lac", "copyright"),
        ("Derechos reservados 2024", "copyright"),
        ("Alle rechten voorbehouden", "copyright"),
        ("Some rights reserved", "copyright"),
        ("Reproduction of this page in any form is prohibited without consent.", "copyright"),
        ("É proibida a reprodução deste conteúdo sem autorização prévia.", "copyright"),
        ("® Registered trademark of Alder & Finch Ltd.", "copyright"),
        ("Northwind® is a trademark owned by Northwind Media Group.", "copyright"),
        ("All trademarks shown belong to their respective holders.", "copyright"),
        ("Eingetragene Marke der Alpenblick Verlag GmbH", "copyright"),
        ("Marque déposée – Groupe Rivage", "copyright"),
        ("Sie haben ein Recht auf Auskunft, Berichtigung und Löschung Ihrer Daten.", "cookie_notice"),
        ("Ai sensi del GDPR puoi chiedere la cancellazione dei tuoi dati in qualsiasi momento.", "cookie_notice"),
    ],
)
def test_legal_families(line: str, family: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) == family


@pytest.mark.parametrize(
    "line",
    [
        "The city reserved the right to cancel the contract.",
        "Rights groups reserved judgement on the new law.",
        "The museum's terms of use for the new wing were agreed on Monday by the trustees.",
        "La direttrice ha detto che il museo riaprirà a settembre.",
        "A reprodução das tartarugas é acompanhada por biólogos da universidade.",
        "Der Verlag übernimmt die Zeitung zum ersten Januar.",
        "The trademark dispute went to court in March.",
        "After the ruling the trademarks went back to their respective owners, the judge said.",
        "Registered nurses marched to the town hall.",
        # a story's sentences about comments
        "The authority did not comment on the forecast.",
        "Comments are closed, the authority said after the meeting.",
        "Residents can share their views with the council below the town hall.",
    ],
)
def test_notice_words_in_prose_are_no_family(line: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) is None


@pytest.mark.parametrize(
    "bottom",
    [
        ["Impressum", "Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung des Verlags."],
        ["Mentions légales", "Droits de reproduction réservés © Le Journal du Plateau"],
        ["Todos os direitos reservados. É proibida a reprodução sem autorização."],
        ["Note legali", "L'editore non si assume alcuna responsabilità per i contenuti dei siti collegati."],
    ],
)
def test_legal_footer_goes_and_the_article_stays(bottom: list[str]) -> None:
    rec = _record([], bottom)
    a = clean_text(rec)
    assert a.verdict == "article"
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)
    _check_restored(rec)


def test_clean_article_comes_through_untouched() -> None:
    rec = _record([], [])
    a = clean_text(rec)
    assert a.text == "\n".join(BODY)
    assert [r.reason for r in a.removed] == ["header", "title"]


# --- navigation at the record's edges: label runs, spaced menus, jump links -----------------
@pytest.mark.parametrize(
    "bottom",
    [
        ["Inland", "Ausland", "Sport", "Kultur", "Reise"],
        ["Cronaca", "Politica", "Economia"],
        ["Opinión", "Deportes", "Gente y Estilo", "Vídeos"],
        ["Nach oben", "Inland", "Ausland", "Sport"],
    ],
)
def test_run_of_bare_labels_ending_the_record_is_a_menu(bottom: list[str]) -> None:
    rec = _record([], bottom)
    a = clean_text(rec)
    assert a.text == "\n".join(BODY)
    _check_restored(rec)


@pytest.mark.parametrize(
    "bottom",
    [
        # the article's own closing lines: a list with markers, figures, a sign-off
        ["- Kiel", "- Lübeck", "- Flensburg"],
        ["Serves 4", "Prep 20 min", "Cook 1 hour"],
        ["Ana Ruiz", "Madrid"],
        ["Ana Ruiz", "Madrid", "Additional reporting by Tom Field in Seville"],
    ],
)
def test_articles_own_short_closing_lines_stay(bottom: list[str]) -> None:
    rec = _record([], bottom)
    a = clean_text(rec)
    assert a.text == "\n".join(BODY + bottom)


@pytest.mark.parametrize(
    "line",
    [
        "Startseite   Lokales   Sport   Leute",
        "Inicio - Mundo - Economía - Cultura",
        "Home – Sport – Motori – Viaggi",
        "Zurück nach oben",
        "Retour en haut de la page",
        "Volver arriba",
        "Voltar ao topo",
        "Ver más noticias",
        "Altre notizie",
        "Back to top",  # (a jump link, though it opens on a call's verb)
        "Newer »",
    ],
)
def test_spaced_menus_and_jump_links_are_navigation(line: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) == "navigation"


@pytest.mark.parametrize(
    "bottom",
    [
        # a jump link or a pager's buttons alone under the article, arrows or not
        ["Back to top"], ["↑ Back to top"], ["« Older", "Newer »"], ["Previous", "Next"],
        ["Older posts"], ["← Previous article"],
    ],
)
def test_jump_links_and_pager_buttons_under_the_article_go(bottom: list[str]) -> None:
    rec = _record([], bottom)
    a = clean_text(rec)
    assert a.text == "\n".join(BODY)
    assert all(r.reason == "boilerplate" for r in a.removed if r.reason not in ("header", "title"))
    _check_restored(rec)


@pytest.mark.parametrize(
    "line",
    [
        "Tags: advent of code computing rust", "Tagged: college essay tips", "Filed under Local news",
        "Topics: Politics, Europe", "Schlagworte: Politik, Verkehr", "Mots-clés : transports, mairie",
        "Etiquetas: agua, embalses",
    ],
)
def test_a_story_s_tags_under_a_label_go_at_either_edge(line: str) -> None:
    for top, bottom in (([line], []), ([], [line])):
        rec = _record(top, bottom)
        a = clean_text(rec)
        assert a.text == "\n".join(BODY), line
        assert [r.rule for r in a.removed if r.text.strip() == line] == ["tag_list"]
        _check_restored(rec)


@pytest.mark.parametrize(
    "line",
    [
        # a sentence, a table's header, a heading: no list of tags
        "Topics: the council discussed three of them at length.",
        "Keywords bringing in traffic",
        "Category | Last Year | This Year | Change",
        "Themen: Wie geht es weiter?",
    ],
)
def test_label_words_in_other_lines_are_no_tag_list(line: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) != "tag_list"


@pytest.mark.parametrize(
    "bottom",
    [
        # the article's own last lines that open on a pager's word
        ["Next steps", "The authority will publish new figures in July."],
        ["Next week, the authority will publish new figures for each reservoir."],
    ],
)
def test_closing_lines_opening_on_a_pager_word_stay(bottom: list[str]) -> None:
    assert clean_text(_record([], bottom)).text == "\n".join(BODY + bottom)


@pytest.mark.parametrize(
    "line",
    [
        "Brexit - what it means - and what comes next - analysis",
        "Region   2023   2024   Change",
        "Arsenal - Chelsea",
        "Ver más allá del horizonte es difícil.",
        "En haut de la colline, le vent souffle fort.",
    ],
)
def test_dashes_columns_and_jump_words_in_prose_are_no_menu(line: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) is None


# --- a paragraph repeated with a sentence dropped -------------------------------------------
LONG_BODY = [
    "The ferry operator said on Monday that the new timetable would add two crossings a day from April.",
    "Passenger numbers rose by a fifth last summer, the busiest season since the route first opened in 1998. The company expects many more visitors to come this year.",
    "Local businesses welcomed the change, saying the late crossing would let visitors stay for dinner.",
    "The council will review the timetable after the summer season and publish its findings in the autumn.",
]


@pytest.mark.parametrize("gap", [0, 1, 2])
def test_copy_that_lost_a_sentence_close_below_is_a_repeat(gap: int) -> None:
    copy = "The company expects many more visitors to come this year."
    body = LONG_BODY[: 2 + gap] + [copy] + LONG_BODY[2 + gap :]
    rec = "\n".join([HEADER, "Ferry adds late crossings to the island", *body])
    a = clean_text(rec)
    assert a.text == "\n".join(LONG_BODY)
    assert any(r.reason == "repeated" and r.text.strip() == copy for r in a.removed)
    _check_restored(rec)


def test_sentence_restated_in_a_later_section_stays() -> None:
    # a summary at the end restating one sentence of a paragraph far above is the article's
    filler = [f"Paragraph {k} of the report describes the crossing times and the fares in detail for each season." for k in range(10)]
    summary = "The company expects many more visitors to come this year."
    body = [*LONG_BODY, *filler, "In short", summary]
    rec = "\n".join([HEADER, "Ferry adds late crossings to the island", *body])
    a = clean_text(rec)
    assert summary in a.text.split("\n")


def test_headline_under_its_site_suffixed_copy_is_not_a_repeat() -> None:
    title = "Why the ferry timetable is changing: what travellers need to know?"
    rec = "\n".join([HEADER, title + " | Island Courier", title, *LONG_BODY])
    a = clean_text(rec)
    assert a.text == "\n".join(LONG_BODY)
    assert not any(r.reason == "repeated" for r in a.removed)


# --- boxes under the article: the author's, the most-read list --------------------------------
@pytest.mark.parametrize(
    "bottom",
    [
        ["About the author", "Priya Nair reports on water and farming. Before joining us she edited a rural weekly."],
        ["Über den Autor", "Lukas Brandt schreibt seit 2015 über Landwirtschaft und Umwelt."],
        ["Sobre a autora", "Jornalista de ambiente e clima, em Lisboa."],
        ["Meistgelesen", "Bahnstreik legt Nahverkehr lahm", "Neue Schule öffnet im Herbst", "Hochwasser am Rhein sinkt"],
        ["Lo más leído", "1 Cierra la fábrica de conservas del puerto", "2 El alcalde presenta su dimisión", "3 Llega la ola de calor"],
        ["I più letti", "Chiude il ponte sul fiume per lavori", "Nuove regole per i monopattini"],
    ],
)
def test_author_box_and_most_read_list_go(bottom: list[str]) -> None:
    rec = _record([], bottom)
    a = clean_text(rec)
    assert a.text == "\n".join(BODY)
    _check_restored(rec)


@pytest.mark.parametrize(
    "line",
    ["About the authority's new powers", "Zum Autor des Buches", "Sobre el autor del crimen, la policía no dijo nada"],
)
def test_author_words_in_other_lines_are_no_author_box(line: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) != "author_box"


def test_a_section_about_the_author_inside_the_article_stays() -> None:
    body = [BODY[0], "About the author", BODY[1], BODY[2]]
    rec = "\n".join([HEADER, TITLE, *body])
    a = clean_text(rec)
    assert a.text == "\n".join(body)


# --- furniture glued onto the article's last line -------------------------------------------
LAST = "The council said the new crossing would open in the spring, weeks ahead of the original plan"


@pytest.mark.parametrize(
    ("last", "glued"),
    [
        (LAST + " agreed with the contractor in Lisbon.", "Partilhe esta notíciaWhatsApp"),
        (LAST + ", to the relief of traders!", "Compartir en redesCopiar enlace"),
        (LAST + " in Oslo", "Advertisement"),
        (LAST + " by 2027", "Copyright 2026 Fjordline Media AS"),
        (LAST + " and traders", "Tags: transport, harbour, council"),
    ],
)
def test_furniture_glued_onto_the_last_line_is_cut_off(last: str, glued: str) -> None:
    rec = _record([], []) + "\n" + last + glued
    a = clean_text(rec)
    assert a.text == "\n".join([*BODY, last])
    assert a.removed[-1].text == glued
    _check_restored(rec)


@pytest.mark.parametrize(
    "last",
    [
        # a brand's humps are no glued furniture
        LAST + ", according to figures compiled by MarketWatch",
        LAST + ", and traders can follow the works on the council's DataFeedWatch",
        LAST + ", as the mayor said in a video posted on YouTube",
        LAST + ", the minister told the Washington Post",
    ],
)
def test_camel_cased_names_at_the_end_of_the_last_line_stay(last: str) -> None:
    rec = _record([], []) + "\n" + last
    a = clean_text(rec)
    assert a.text == "\n".join([*BODY, last])


# --- wire tags with a bar after the bracket, or a day with its stop before the month --------
@pytest.mark.parametrize(
    ("tag", "agency"),
    [
        ("VILNIUS, Oct 2 (ELTA) | ", "ELTA"),
        ("(KNA) • ", "KNA"),
        ("LJUBLJANA, 14. oktobra (STA) - ", "STA"),
        ("WIEN, 3. März (APA) – ", "APA"),
    ],
)
def test_wire_tag_with_other_separators_and_dates_names_the_publisher(tag: str, agency: str) -> None:
    rec = "\n".join([HEADER, TITLE, tag + BODY[0], *BODY[1:]])
    a = clean_text(rec)
    assert a.publisher == agency
    assert a.text == "\n".join(BODY)
    _check_restored(rec)


@pytest.mark.parametrize("dateline", ["WIEN, 3. März – ", "LJUBLJANA – ", "Graz, 3. März – "])
def test_bare_dateline_with_a_stopped_day_stays(dateline: str) -> None:
    rec = "\n".join([HEADER, TITLE, dateline + BODY[0], *BODY[1:]])
    a = clean_text(rec)
    assert a.publisher is None
    assert a.text == "\n".join([dateline + BODY[0], *BODY[1:]])


# --- a comment section's heading, call and house rules under the article -------------------
@pytest.mark.parametrize(
    "bottom",
    [
        ["What do you think? Share your thoughts in the comments below."],
        ["Comments are moderated and may take some time to appear."],
        ["Reader comments", "Anonymous wrote: About time.", "Posted 04/03/2025 11:02"],
        ["Commenting is closed for this article."],
    ],
)
def test_a_comment_sections_own_lines_under_the_article_go(bottom: list[str]) -> None:
    rec = _record([], bottom)
    assert clean_text(rec).text == "\n".join(BODY)
    _check_restored(rec)
