"""Pool C of held-back noise: defect-free dev articles re-noised with strings written blind.

Written before reading the detectors, the resolver, the line model, the tests or the string
lists of pools A and B (bench_renoised, bench_renoised_b), so that its first figures say how
newsclean does on noise nobody tuned it on.  Each kind is one column of noise, in several
languages (English, German, French, Spanish, Italian, Portuguese):

- error / soft-404 banners above the headline, and right under it;
- legal notices, imprint lines and disclaimers at the end;
- boilerplate glued onto the last sentence with no space or newline;
- a paragraph repeated with small edits (a word changed, a sentence dropped), adjacent or later;
- wire tags of agencies no list would name, with varied separators (tag goes, publisher = agency);
- bare place datelines without an agency, which are the article's own words and stay;
- navigation lines, one-word menu items, breadcrumbs at the top or the bottom;
- copyright / trademark notices at the top and bottom edges;
- a long paragraph whose prose mentions an HTTP error or a missing page (article unchanged);
- author, newsletter and "most read" boxes at the bottom; and a mix of several kinds;

plus pure error pages, block / captcha pages and empty bodies (verdict must not be article).
Score per kind: the share recovered exactly (text, title, publisher, verdict == article, as
bench_renoised scores), the articles lost (verdict not article), and restore byte-exact on all.
Deterministic (fixed seeds).

    .venv/bin/python -m bench.bench_renoised_c
"""
from __future__ import annotations

import collections
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.bench_renoised import EVAL, clean_articles, print_table
from newsclean import clean_text, restore

BASE_SEED = 31  # which clean records-dev articles are the bases
NOISE_SEED = 1231  # which noise goes where

# -- error / soft-404 banners: one to two short lines ------------------------------------------
BANNERS = [
    ["Oops! That page can\u2019t be found."],
    ["The link you followed may be broken, or the page may have been removed."],
    ["Error 410 \u2013 This content is no longer available"],
    ["Nothing was found at this location.", "Try a search instead?"],
    ["We looked everywhere but could not find what you were after."],
    ["Fehler 404 \u2013 Seite nicht gefunden"],
    ["Hoppla!", "Diese Seite konnte leider nicht gefunden werden."],
    ["Die angeforderte Seite existiert nicht (mehr)."],
    ["Erreur 404 : page introuvable"],
    ["Oups\u00a0! La page que vous cherchez semble introuvable."],
    ["Ce contenu n'est plus disponible."],
    ["Error 404: p\u00e1gina no encontrada"],
    ["Lo sentimos, la p\u00e1gina que buscas no existe o ha sido movida."],
    ["Errore 404 - Pagina non trovata"],
    ["Spiacenti, la pagina che stai cercando non esiste."],
    ["Erro 404 - P\u00e1gina n\u00e3o encontrada"],
    ["Desculpe, a p\u00e1gina que voc\u00ea procura n\u00e3o existe ou foi removida."],
    ["HTTP 404.", "The requested document could not be located on this server."],
]

# -- legal notices, imprint, disclaimers (end of the record) -----------------------------------
LEGAL = [
    ["Mentions l\u00e9gales",
     "Tous droits de reproduction et de repr\u00e9sentation r\u00e9serv\u00e9s. \u00a9 2025 Le Courrier du Littoral"],
    ["Les informations publi\u00e9es sur ce site sont fournies \u00e0 titre indicatif et n'engagent en aucun cas la responsabilit\u00e9 de l'\u00e9diteur."],
    ["Conform\u00e9ment \u00e0 la loi Informatique et Libert\u00e9s, vous disposez d'un droit d'acc\u00e8s, de rectification et de suppression des donn\u00e9es qui vous concernent."],
    ["Impressum", "Alle Rechte vorbehalten. Vervielf\u00e4ltigung nur mit Genehmigung der Redaktion."],
    ["Haftungsausschluss: F\u00fcr die Inhalte externer Links \u00fcbernehmen wir keine Haftung. F\u00fcr den Inhalt der verlinkten Seiten sind ausschlie\u00dflich deren Betreiber verantwortlich."],
    ["Verantwortlich f\u00fcr den Inhalt nach \u00a7 18 Abs. 2 MStV: Redaktion Nordk\u00fcste Digital"],
    ["Aviso legal", "Queda prohibida la reproducci\u00f3n total o parcial de este contenido sin autorizaci\u00f3n expresa del editor."],
    ["\u00a9 2025 Diario del Valle. Todos los derechos reservados."],
    ["Note legali", "\u00c8 vietata la riproduzione, anche parziale, dei contenuti pubblicati senza autorizzazione."],
    ["Riproduzione riservata \u00a9 Gazzetta di Collina"],
    ["Todos os direitos reservados. \u00c9 proibida a reprodu\u00e7\u00e3o total ou parcial sem autoriza\u00e7\u00e3o."],
    ["Terms of Use | Privacy Policy | Imprint",
     "This article is for general information only and does not constitute legal or financial advice."],
    ["Reproduction in whole or in part without written permission is strictly prohibited."],
]

# -- boilerplate glued onto the last sentence ---------------------------------------------------
GLUED = [
    "Share this storyFacebookTwitterEmail",
    "Related TopicsEconomyEurope",
    "Copyright 2025 Northfield Media Group",
    "Diesen Artikel teilenWhatsAppE-Mail",
    "Partager cet articleFacebookX",
    "Compartir en redesCopiar enlace",
    "Condividi su FacebookCondividi su WhatsApp",
    "Compartilhe esta not\u00edciaWhatsApp",
    "Read moreSign up for our newsletter",
    "Tags: economy, europe, trade",
    "Advertisement",
    "Print this pageEmail this page",
]

# -- wire tags of agencies (prefix, agency as the publisher) ------------------------------------
WIRES = [
    ("(AFP) _ ", "AFP"),
    ("PARIS, MAR 3 (ANSA) \u2014 ", "ANSA"),
    ("(Xinhua) -- ", "Xinhua"),
    ("LAGOS, Nigeria (NAN) \u2013 ", "NAN"),
    ("ACCRA, Ghana (GNA) - ", "GNA"),
    ("ROMA, 12 FEB (Adnkronos) - ", "Adnkronos"),
    ("LISBOA, 4 abr (Lusa) \u2014 ", "Lusa"),
    ("BERLIN (dpa) - ", "dpa"),
    ("GEN\u00c8VE (ATS) - ", "ATS"),
    ("KUALA LUMPUR, Oct 9 (Bernama) -- ", "Bernama"),
    ("(KUNA) -- ", "KUNA"),
    ("SOFIA, JUN 21 (BTA) \u2014 ", "BTA"),
    ("(Yonhap) -- ", "Yonhap"),
    ("ZAGREB, 7. svibnja (HINA) - ", "HINA"),
    ("(Europa Press) - ", "Europa Press"),
    ("MADRID, 12 Feb. (EUROPA PRESS) - ", "EUROPA PRESS"),
    ("WARSAW, Sept 30 (PAP) | ", "PAP"),
    ("(IANS): ", "IANS"),
]

# -- bare datelines: the article's own first words, they stay -----------------------------------
DATELINES = [
    "DENVER -- ", "BERLIN, Mar. 4 \u2014 ", "NAIROBI, Kenya \u2014 ", "S\u00c3O PAULO \u2014 ",
    "MILANO \u2013 ", "SEVILLA, 5 Oct. \u2013 ", "TORONTO \u2014 ", "Hamburg \u2013 ",
    "Lyon, 3 mars \u2014 ", "PORTO, Portugal -- ", "CHICAGO, JAN 12 \u2014 ", "WELLINGTON, New Zealand - ",
]

# -- navigation ---------------------------------------------------------------------------------
CRUMBS = [
    "Startseite \u203a Politik \u203a Inland", "Accueil / Monde / Europe", "Inicio > Internacional > Europa",
    "Home \u203a Cronaca \u203a Italia", "In\u00edcio \u00bb Economia \u00bb Mercados", "News / Local / County Council",
]
MENU_WORDS = [
    ["Politik", "Wirtschaft", "Sport", "Kultur"], ["Actualit\u00e9s", "\u00c9conomie", "Culture", "Sports"],
    ["Portada", "Deportes", "Cultura", "Opini\u00f3n"], ["Notizie", "Esteri", "Spettacoli"],
    ["In\u00edcio", "Economia", "Esportes", "Colunas"], ["World", "Opinion", "Science", "Travel"],
]
NAV_LINES = [
    "Politics \u00b7 Economy \u00b7 Culture \u00b7 Sports \u00b7 Weather",
    "Startseite | Regional | Sport | Kultur | Service",
    "Newsletter   Podcasts   E-Paper   Abo",
    "Accueil - Soci\u00e9t\u00e9 - Environnement - Vid\u00e9os",
    "Back to top",
    "Zur\u00fcck nach oben",
    "Ver m\u00e1s noticias",
    "Torna alla home",
]

# -- copyright / trademark at the edges ---------------------------------------------------------
COPYRIGHT = [
    "\u2122 & \u00a9 2025 Meridian Broadcasting Corp. All Rights Reserved.",
    "\u00a9 Copyright 2025 Harbourline Media Ltd",
    "Copyright \u00a9 2024\u20132025 Gazeta do Vale. Todos os direitos reservados.",
    "\u00ae Registered trademark of Pinecrest Publishing Inc.",
    "(c) 2025 Rheinblick Verlag GmbH",
    "Tous droits r\u00e9serv\u00e9s \u00a9 Groupe Presse Alpine 2025",
    "\u00a9 RIPRODUZIONE RISERVATA",
    "\u00a9 2025 Lakeside Media LLC. This material may not be published, broadcast, rewritten or redistributed.",
]

# -- long paragraphs whose prose mentions an error code or a missing page (they are article) ----
PROSE_ERRORS = [
    "For several hours on Tuesday, visitors to the ministry's website were greeted with a \"404 Not Found\" message instead of the application form, and officials later said a misconfigured server had returned the error for every request made between nine in the morning and early afternoon.",
    "When a client asks for a resource that does not exist, the server answers with status code 404; a 410 response tells the client that the resource was removed on purpose, while a 503 means the service is temporarily unable to handle the request and the client should try again later.",
    "Readers who tried to open the archive found only a page saying the page could not be found, which the newspaper's editor described as an embarrassing accident caused by moving thousands of old stories to a new system over the holiday weekend.",
    "Seit Montag erscheint auf der Website der Stadtverwaltung bei vielen Formularen nur noch die Meldung \u201eSeite nicht gefunden\u201c, weil bei der Umstellung auf das neue System zahlreiche Adressen ge\u00e4ndert wurden, ohne dass die alten Verweise angepasst worden sind.",
    "Les usagers qui ont tent\u00e9 de payer leur facture en ligne se sont heurt\u00e9s \u00e0 une erreur 404, la page de paiement ayant \u00e9t\u00e9 supprim\u00e9e par erreur lors d'une mise \u00e0 jour, selon un porte-parole de la soci\u00e9t\u00e9 qui promet un retour \u00e0 la normale d'ici la fin de la semaine.",
    "Durante buena parte de la jornada, quienes intentaban consultar los resultados recib\u00edan un mensaje de error 503 que indicaba que el servicio no estaba disponible, algo que la consejer\u00eda atribuy\u00f3 a la enorme cantidad de visitas registradas en la primera hora.",
]

# -- boxes at the bottom ------------------------------------------------------------------------
AUTHOR_BOXES = [
    ["About the author", "Maria Keller covers energy and climate for the paper. She joined the newsroom in 2019."],
    ["\u00dcber die Autorin", "Jana Feldmann ist Redakteurin im Ressort Wirtschaft."],
    ["\u00c0 propos de l'auteur", "Journaliste au service politique depuis 2016."],
    ["Sobre el autor", "Periodista especializado en econom\u00eda y mercados."],
]
NEWSLETTER_BOXES = [
    ["Sign up for The Evening Digest", "Get the day's top stories delivered to your inbox every weekday evening.", "Email address", "Sign up"],
    ["Newsletter abonnieren", "Jeden Morgen die wichtigsten Nachrichten in Ihrem Postfach.", "Jetzt anmelden"],
    ["Inscrivez-vous \u00e0 notre newsletter", "Recevez chaque matin l'essentiel de l'actualit\u00e9."],
    ["Iscriviti alla newsletter", "Ricevi ogni giorno le notizie pi\u00f9 importanti."],
    ["Assine a newsletter", "Receba as principais not\u00edcias do dia no seu e-mail."],
]
MOST_READ_HEADERS = ["Most read", "Meistgelesen", "Les plus lus", "Lo m\u00e1s le\u00eddo", "I pi\u00f9 letti", "Mais lidas"]
OTHER_HEADLINES = [
    "Storm leaves thousands without power across the coast",
    "Local bakery wins national bread award for third year",
    "Stadtrat beschlie\u00dft neuen Radweg entlang des Kanals",
    "Le prix de l'essence repart \u00e0 la hausse",
    "El Ayuntamiento aprueba el presupuesto para 2026",
    "Sciopero dei treni, disagi in tutta la regione",
    "Festival de ver\u00e3o bate recorde de p\u00fablico",
    "Why the housing market is cooling faster than expected",
    "Police appeal for witnesses after late-night collision",
]

# -- pages that are not articles ----------------------------------------------------------------
# one language per page: (heading, explanation sentences, link back, header of suggestions)
ERROR_PAGES = [
    ("This page has gone missing", ["The page you requested could not be found. It may have been moved or deleted.",
                                    "Check the address for typing errors, or use the search box above."],
     "Back to homepage", "You might be interested in"),
    ("Seite nicht gefunden", ["Die gesuchte Seite wurde verschoben oder gel\u00f6scht.",
                              "Bitte pr\u00fcfen Sie die Adresse oder nutzen Sie unsere Suche."],
     "Zur Startseite", "Das k\u00f6nnte Sie auch interessieren"),
    ("Page introuvable", ["La page demand\u00e9e n'existe pas ou a \u00e9t\u00e9 d\u00e9plac\u00e9e.",
                          "V\u00e9rifiez l'adresse saisie ou utilisez le moteur de recherche."],
     "Retour \u00e0 l'accueil", "\u00c0 lire \u00e9galement"),
    ("P\u00e1gina no encontrada", ["La p\u00e1gina que intentas visitar ya no est\u00e1 disponible.",
                                   "Puede que el enlace sea incorrecto o que el contenido haya sido retirado."],
     "Volver a la portada", "Te puede interesar"),
    ("Pagina non trovata", ["Il contenuto richiesto non \u00e8 pi\u00f9 disponibile.",
                            "Controlla l'indirizzo oppure torna alla pagina principale."],
     "Torna alla homepage", "Potrebbe interessarti anche"),
    ("P\u00e1gina n\u00e3o encontrada", ["O endere\u00e7o digitado pode estar incorreto ou a p\u00e1gina foi removida.",
                                         "Use a busca para encontrar o que procura."],
     "Voltar para a p\u00e1gina inicial", "Veja tamb\u00e9m"),
    ("404", ["Whoops, this link leads nowhere.", "The story may have expired or its address changed."],
     "Go to the front page", "Latest stories"),
]
BLOCK_PAGES = [
    ["Please verify you are a human", "Checking your browser before accessing the site.",
     "This process is automatic. Your browser will redirect shortly.", "Ray ID: 8c2f1a9b7e3d4f10"],
    ["Bitte best\u00e4tigen Sie, dass Sie kein Roboter sind.", "Aus Sicherheitsgr\u00fcnden wurde Ihre Anfrage angehalten.",
     "Referenz-ID: 4471-ab2c"],
    ["Votre acc\u00e8s \u00e0 ce site a \u00e9t\u00e9 temporairement bloqu\u00e9.",
     "Nous avons d\u00e9tect\u00e9 une activit\u00e9 inhabituelle depuis votre connexion.", "Pourquoi suis-je bloqu\u00e9 ?"],
    ["Hemos detectado un tr\u00e1fico inusual desde tu red.", "Completa la verificaci\u00f3n para continuar."],
    ["Accesso negato", "La tua richiesta \u00e8 stata bloccata dal sistema di sicurezza del sito."],
    ["Acesso negado.", "Sua solicita\u00e7\u00e3o foi bloqueada por motivos de seguran\u00e7a.", "C\u00f3digo: 0x1f3a"],
    ["Enable JavaScript and cookies to continue", "Why have I been blocked?",
     "Too many requests. Please slow down and try again in a few minutes."],
]


@dataclass
class Case:
    """A record under construction: lines around the title and body, and its gold."""

    title: str
    body: list[str]  # the lines of the body as they appear in the record
    gold_body: list[str]  # the gold article's paragraphs
    top: list[str] = field(default_factory=list)  # before the title
    under: list[str] = field(default_factory=list)  # between title and body
    bottom: list[str] = field(default_factory=list)  # after the body
    prefix: str = ""  # glued before the first body line (a wire tag)
    suffix: str = ""  # glued after the last body line
    publisher: str | None = None
    status: int = 200

    def record(self, rng: random.Random) -> str:
        body = list(self.body)
        body[0] = self.prefix + body[0]
        body[-1] = body[-1] + self.suffix
        header = rng.choice([" ", ""]) + f"date 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {self.status}"
        return "\n".join([header, *self.top, self.title, *self.under, *body, *self.bottom])


SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd\"\u201c])")


def _sentences(p: str) -> list[str]:
    return SENT.split(p)


def _word_changed(p: str, donor: str, rng: random.Random) -> str:
    """`p` with one word replaced: a number changed, or a word taken from another paragraph."""
    words = p.split(" ")
    nums = [i for i, w in enumerate(words) if re.fullmatch(r"\d+[.,]?", w)]
    if nums:
        i = rng.choice(nums)
        words[i] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), words[i])
        return " ".join(words)
    idx = [i for i, w in enumerate(words) if i > 0 and w.isalpha() and len(w) >= 4]
    pool = [w for w in donor.split(" ") if w.isalpha() and len(w) >= 4 and w.islower()] or ["reportedly"]
    if not idx:
        return p + " " + rng.choice(pool)
    i = rng.choice(idx)
    choices = [w for w in pool if w != words[i]] or ["reportedly"]
    words[i] = rng.choice(choices)
    return " ".join(words)


def _longest(body: list[str]) -> int:
    return max(range(len(body)), key=lambda i: len(body[i]))


# -- the kinds: each mutates a Case; a kind that does not apply to an article returns False ------
def k_banner_top(c: Case, rng: random.Random) -> bool:
    c.top += rng.choice(BANNERS)
    c.status = rng.choice([200, 404, 410])
    return True


def k_banner_under(c: Case, rng: random.Random) -> bool:
    c.under += rng.choice(BANNERS)
    c.status = rng.choice([200, 404])
    return True


def k_legal_end(c: Case, rng: random.Random) -> bool:
    for block in rng.sample(LEGAL, rng.randint(1, 2)):
        c.bottom += block
    return True


def k_glued_tail(c: Case, rng: random.Random) -> bool:
    c.suffix = rng.choice(GLUED)
    return True


def _repeat(c: Case, rng: random.Random, edit: str, where: str) -> bool:
    n = len(c.body)
    cands = [i for i in range(n) if len(c.body[i].split()) >= 12]
    if edit == "drop":
        cands = [i for i in cands if len(_sentences(c.body[i])) >= 2]
    if where == "far":  # at least one paragraph between the two copies
        cands = [i for i in cands if i + 1 < n]
    if not cands:
        return False
    i = rng.choice(cands)
    p = c.body[i]
    if edit == "drop":
        sents = _sentences(p)
        del sents[rng.randrange(len(sents))]
        copy = " ".join(sents)
    else:
        donor = c.body[(i + 1) % n] if n > 1 else p
        copy = _word_changed(p, donor, rng)
    if copy == p:
        return False
    c.body.insert(i + 1 if where == "adjacent" else rng.randint(i + 2, n), copy)
    return True


def k_repeat_word_adjacent(c: Case, rng: random.Random) -> bool:
    return _repeat(c, rng, "word", "adjacent")


def k_repeat_word_far(c: Case, rng: random.Random) -> bool:
    return _repeat(c, rng, "word", "far")


def k_repeat_drop_adjacent(c: Case, rng: random.Random) -> bool:
    return _repeat(c, rng, "drop", "adjacent")


def k_repeat_drop_far(c: Case, rng: random.Random) -> bool:
    return _repeat(c, rng, "drop", "far")


def k_wire_tag(c: Case, rng: random.Random) -> bool:
    c.prefix, c.publisher = rng.choice(WIRES)
    return True


def k_dateline(c: Case, rng: random.Random) -> bool:
    d = rng.choice(DATELINES)
    c.body[0] = d + c.body[0]
    c.gold_body[0] = d + c.gold_body[0]
    return True


def k_nav_top(c: Case, rng: random.Random) -> bool:
    shape = rng.randrange(3)
    if shape == 0:
        c.top += rng.choice(MENU_WORDS)
    elif shape == 1:
        c.top.append(rng.choice(CRUMBS))
    else:
        c.top += [rng.choice(NAV_LINES[:4]), rng.choice(CRUMBS)]
    return True


def k_nav_bottom(c: Case, rng: random.Random) -> bool:
    shape = rng.randrange(3)
    if shape == 0:
        c.bottom += rng.choice(MENU_WORDS)
    elif shape == 1:
        c.bottom += [rng.choice(NAV_LINES[4:]), rng.choice(NAV_LINES[:4])]
    else:
        c.bottom.append(rng.choice(CRUMBS))
    return True


def k_copyright_edges(c: Case, rng: random.Random) -> bool:
    where = rng.randrange(3)
    if where in (0, 2):
        c.top.append(rng.choice(COPYRIGHT))
    if where in (1, 2):
        c.bottom.append(rng.choice(COPYRIGHT))
    return True


def k_prose_error(c: Case, rng: random.Random) -> bool:
    p = rng.choice(PROSE_ERRORS)
    i = rng.randint(0, len(c.body))
    c.body.insert(i, p)
    c.gold_body.insert(i, p)
    return True


def k_bottom_boxes(c: Case, rng: random.Random) -> bool:
    boxes = rng.sample(["author", "newsletter", "most"], rng.randint(1, 2))
    for b in boxes:
        if b == "author":
            c.bottom += rng.choice(AUTHOR_BOXES)
        elif b == "newsletter":
            c.bottom += rng.choice(NEWSLETTER_BOXES)
        else:
            heads = rng.sample(OTHER_HEADLINES, rng.randint(3, 5))
            numbered = rng.random() < 0.5
            c.bottom += [rng.choice(MOST_READ_HEADERS)] + [
                (f"{j + 1} " if numbered else "") + h for j, h in enumerate(heads)
            ]
    return True


MIXABLE: list[Callable[[Case, random.Random], bool]] = [
    k_banner_top, k_legal_end, k_glued_tail, k_repeat_word_far, k_wire_tag, k_nav_top,
    k_nav_bottom, k_copyright_edges, k_bottom_boxes, k_banner_under,
]


def k_mix(c: Case, rng: random.Random) -> bool:
    for k in rng.sample(MIXABLE, 3):
        k(c, rng)
    return True


def k_untouched(c: Case, rng: random.Random) -> bool:
    return True


KINDS: dict[str, Callable[[Case, random.Random], bool]] = {
    "untouched": k_untouched,
    "banner_top": k_banner_top,
    "banner_under_title": k_banner_under,
    "legal_end": k_legal_end,
    "glued_tail": k_glued_tail,
    "repeat_word_adjacent": k_repeat_word_adjacent,
    "repeat_word_far": k_repeat_word_far,
    "repeat_sentence_dropped_adjacent": k_repeat_drop_adjacent,
    "repeat_sentence_dropped_far": k_repeat_drop_far,
    "wire_tag_unlisted": k_wire_tag,
    "bare_dateline_stays": k_dateline,
    "nav_top": k_nav_top,
    "nav_bottom": k_nav_bottom,
    "copyright_edges": k_copyright_edges,
    "prose_mentions_error": k_prose_error,
    "bottom_boxes": k_bottom_boxes,
    "mix_of_three": k_mix,
}


def error_page(rng: random.Random) -> str:
    heading, sentences, link, suggest = rng.choice(ERROR_PAGES)
    lines = [rng.choice(NAV_LINES[:4])] if rng.random() < 0.5 else []
    lines += [heading, *sentences[: rng.randint(1, 2)]]
    if rng.random() < 0.6:
        lines.append(link)
    if rng.random() < 0.5:
        lines += [suggest, *rng.sample(OTHER_HEADLINES, rng.randint(2, 4))]
    return "\n".join([f" date 2025-02-02 {rng.choice([200, 404, 410])}", *lines])


def block_page(rng: random.Random) -> str:
    page = rng.choice(BLOCK_PAGES)
    return "\n".join([f"date 2025-02-02 {rng.choice([200, 403, 429])}", *page[: rng.randint(2, len(page))]])


def empty_page(rng: random.Random) -> str:
    shape = rng.randrange(4)
    header = f" date 2025-02-02 {rng.choice([200, 204, 404])}"
    if shape == 0:
        return header
    if shape == 1:
        return header + "\n\n  \n"
    if shape == 2:
        return header + "\n" + rng.choice(OTHER_HEADLINES)
    return "\n".join([header, rng.choice(NAV_LINES[:4]), rng.choice(COPYRIGHT)])


def main() -> int:
    if not (EVAL / "records-dev.jsonl.gz").exists():
        print(f"{EVAL}/records-dev.jsonl.gz not found", file=sys.stderr)
        return 1
    rng = random.Random(NOISE_SEED)
    out: dict[str, list[bool]] = collections.defaultdict(list)
    lost: collections.Counter[str] = collections.Counter()
    restore_bad = 0
    total = 0
    bases = clean_articles(BASE_SEED)
    for g in bases:
        for kind, make in KINDS.items():
            body = g["text"].split("\n")
            c = Case(title=g["title"], body=list(body), gold_body=list(body), publisher=g["publisher"])
            if not make(c, rng):
                continue
            rec = c.record(rng)
            a = clean_text(rec)
            total += 1
            restore_bad += restore(a.text, a.removed) != rec
            ok = a.text == "\n".join(c.gold_body) and a.title == c.title and a.publisher == c.publisher
            out[kind].append(ok and a.verdict == "article")
            lost[kind] += a.verdict != "article" or not a.text
    pages: dict[str, collections.Counter[str]] = {}
    for name, make_page in (("error pages", error_page), ("block pages", block_page), ("empty bodies", empty_page)):
        cnt: collections.Counter[str] = collections.Counter()
        for _ in range(60):
            rec = make_page(rng)
            a = clean_text(rec)
            total += 1
            restore_bad += restore(a.text, a.removed) != rec
            cnt[a.verdict] += 1
        pages[name] = cnt
    print(f"bases: {len(bases)} clean records-dev articles (seed {BASE_SEED}), noise seed {NOISE_SEED}\n")
    print_table(out)
    kinds = [k for k in out if k not in ("untouched", "prose_mentions_error", "bare_dateline_stays")]
    allk = [v for k in kinds for v in out[k]]
    print(f"\nall noisy kinds (not untouched/prose/dateline): {sum(allk) / len(allk):.3f} of {len(allk)}")
    print(f"articles lost (verdict not article or empty text): {dict((k, v) for k, v in lost.items() if v)}")
    for name, cnt in pages.items():
        print(f"{name}: {dict(sorted(cnt.items()))}")
    print(f"restore byte-exact: {total - restore_bad}/{total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
