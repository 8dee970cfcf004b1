"""Families of noise in wordings and languages the earlier rules did not cover (issue #12):
Italian and Portuguese error and block pages, legal notices and rights lines in several
languages, and the articles that must come through such rules untouched."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import banners
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


def test_clean_article_comes_through_untouched() -> None:
    rec = _record([], [])
    a = clean_text(rec)
    assert a.text == "\n".join(BODY)
    assert [r.reason for r in a.removed] == ["header", "title"]
