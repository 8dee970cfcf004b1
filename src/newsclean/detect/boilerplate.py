"""Boilerplate families: disclaimers, copyright lines, widgets, cookie/JavaScript and paywall
notices, related / read-more blocks, and navigation lines joined by separators.

Each family is a compiled expression over the normalised line, plus a length limit: these
strings are short, and a long paragraph that happens to contain a family word is prose.
"""

from __future__ import annotations

import re
from typing import Final

from ..text_view import dense_in, tokens
from . import glued as glued_mod

MAX_WORDS: Final = 120  # no family has longer lines (disclaimers are the longest)
MAX_CHARS: Final = 2000  # nor more characters: bounds the work on a pathological line
# (letters of Latin-1 and Latin Extended-A: Polish, Czech, Turkish, Romanian words whole)
_WORDISH: Final = re.compile(r"[a-zà-ÿ\u0100-\u017f]+|\d+")
_CAMEL: Final = re.compile(r"(?<=[a-zà-ÿ0-9])(?=[A-ZÀ-Þ])")
# where _CAMEL splits: r"[a-zà-ÿ0-9][A-ZÀ-Þ]" written capital first, so that a search skips
# straight to the capitals (the lookbehind then checks the character before)
_CAMEL_PAIR: Final = re.compile(r"[A-ZÀ-Þ](?<=[a-zà-ÿ0-9][A-ZÀ-Þ])")


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


def _gated(*alts: tuple[str, str]) -> tuple[tuple[frozenset[str], re.Pattern[str]], ...]:
    """(words, expression) pairs: each expression can only match a line holding one of its
    words, so only the expressions whose words the line has are run."""
    return tuple((frozenset(words.split()), re.compile(rx)) for words, rx in alts)


def _search_gated(alts: tuple[tuple[frozenset[str], re.Pattern[str]], ...], toks: list[str],
                  norm: str) -> bool:
    words = frozenset(toks)  # tested against each expression's few words
    for w, rx in alts:  # (a loop, not any() over a generator)
        if not words.isdisjoint(w) and rx.search(norm):
            return True
    return False


_DISCLAIMER_HEAD: Final = _rx(
    r"^(?:legal\s+|important\s+|editorial\s+|affiliate\s+|financial\s+)?(?:disclaimer|disclosure|haftungsausschluss|avertissement|aviso\s+legal|descargo\s+de\s+responsabilidad|rechtlicher\s+hinweis)s?\s*[:.!]?$"
)
# A site's legal pages named as a footer's heading (en, de, fr, es, it, pt, nl, sv, da, no, pl);
# tried only on a short line opening with one of _LEGAL_LEADS (not among the _LEADS every short
# line meets).
_LEGAL_HEAD: Final = re.compile(
    r"(?:impressum|imprint|legal\s+(?:notices?|information)|mentions\s+légales|informations\s+légales|"
    r"rechtliche\s+hinweise|note\s+legali|avvis[oi]\s+legal[ei]|nota\s+legal|informações\s+legais|"
    r"aviso\s+de\s+privacidad|juridische\s+informatie|colofon|privacyverklaring|cookieverklaring|"
    r"algemene\s+voorwaarden|integritetspolicy|privatlivspolitik|personvern(?:erklæring)?|"
    r"polityka\s+prywatności|regulamin|"
    r"terms\s+(?:of\s+(?:use|service)|and\s+conditions)|nutzungsbedingungen|"
    r"conditions\s+(?:générales\s+)?d'utilisation|condiciones\s+(?:generales\s+)?de\s+uso|"
    r"termini\s+e\s+condizioni|condizioni\s+d'uso|termos\s+(?:de\s+uso|e\s+condições))\s*[:.]?$"
)
# The site's other policy pages, as its footer lists them among its links: navigation (a
# menu's items around them go with them)
_FOOTER_PAGE: Final = re.compile(
    r"(?:terms\s+(?:of\s+sale|&\s+conditions)|accessibility\s+(?:statement|policy|help)|ad\s*choices|"
    r"site\s*map|(?:subscriber|user)\s+agreement|code\s+of\s+(?:ethics|conduct)|"
    r"editorial\s+(?:standards|guidelines|policy)|(?:corrections|ethics)\s+policy)\s*[:.]?$"
)
_FOOTER_PAGE_LEADS: Final = frozenset(
    "terms accessibility ad adchoices site sitemap subscriber user code editorial corrections ethics".split()
)
_LEGAL_LEADS: Final = frozenset(
    """impressum imprint legal mentions informations rechtliche note avviso avvisi nota
    informações aviso juridische colofon privacyverklaring cookieverklaring algemene terms
    integritetspolicy privatlivspolitik personvern personvernerklæring polityka regulamin
    nutzungsbedingungen conditions condiciones
    termini condizioni termos""".split()
)
_DISCLAIMER_BODY: Final = _gated(
    ("warranty", r"\bwithout\s+warranty\b"),
    ("responsibility liability", r"\b(?:does|do)\s+not\s+(?:accept|assume|take)\s+any\s+(?:responsibility|liability)\b"),
    ("responsible liable", r"\bnot\s+(?:be\s+)?(?:held\s+)?(?:responsible|liable)\s+for\b"),
    # (said of a text: "The views expressed in this column are …", "Opinions expressed by
    # contributors are their own", not "the views expressed at the meeting were mixed")
    ("views opinions", r"\b(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\s+(?:(?:in|on|by|within|through)\s+(?:[\w'’-]+\s+){1,4})?"
              r"(?:here(?:in|on)?\s+)?(?:are|is|do|does|belong|reflect|remain)\b"),
    ("reflect", r"\bdo(?:es)?\s+not\s+(?:necessarily\s+)?reflect\s+the\s+(?:views|opinions|position)"),
    ("purposes information", r"\bfor\s+(?:general\s+)?information(?:al)?\s+(?:purposes\s+)?only\b"),
    ("constitute", r"\b(?:does\s+not|nor\s+does\s+it|not\s+intended\s+to)\s+constitute\s+(?:financial|investment|legal|medical|professional)\b"),
    ("advice", r"\b(?:is\s+not|not)\s+(?:intended\s+as\s+)?(?:financial|investment|legal|medical)\s+advice\b"),
    ("provided", r"\bprovided\s+(?:by\s+\S+\s+)?(?:on\s+an\s+)?[\"']?as\s+is[\"']?"),
    ("provides", r"\bprovides\s+the\s+information\b"),
    ("commission compensation", r"\b(?:we|i)\s+(?:may\s+)?(?:earn|receive|get)\s+(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|compensation)\b"),
    ("agree agreeing", r"\byou\s+(?:are\s+)?agree(?:ing)?\s+to\s+(?:the|our)\s+(?:terms|conditions|privacy)\b"),
    ("affiliate", r"\baffiliate\s+(?:links?|programs?|programmes?|partnerships?|marketing\s+programs?)\b"),
    ("qualifying", r"\bearns?\s+from\s+qualifying\s+purchases\b"),
    ("provided produced sponsored published", r"\bthis\s+(?:article|content|post|press\s+release)\s+(?:was|is|has\s+been)\s+(?:provided|produced|sponsored|published)\s+by\b"),
    # a nonprofit newsroom's line about itself under its stories ("The Ledger is a nonprofit,
    # nonpartisan newsroom covering …")
    ("nonprofit profit nonpartisan partisan independent",  # ("non-profit": two tokens)
     r"^(?!.*\b(?:said|says|told|according\s+to)\b)"  # (a story quoting someone on the newsroom)
     r"(?:[\w.&'’-]+\s+){1,6}is\s+an?\s+(?:[\w-]+,?\s+(?:and\s+)?){0,3}(?:independent|nonprofit|non-profit|nonpartisan|non-partisan)"
     r",?\s+(?:(?:and\s+)?[\w-]+,?\s+){0,3}(?:newsroom|news\s+(?:organi[sz]ation|site|outlet|service|publication|website)|"
     r"media\s+(?:organi[sz]ation|outlet|company)|journalism\s+(?:organi[sz]ation|nonprofit))\b"),
    ("haftung gewähr garantie garantía", r"\bkeine\s+haftung\b|\bohne\s+gewähr\b|\bsans\s+garantie\b|\bsin\s+garantía\b"),
    ("constitutes", r"\bconstitutes\s+(?:\w+\s+){0,2}(?:financial|investment|legal|medical|tax|professional)\s+advice\b"),
    ("advice recommendation offer solicitation", r"\b(?:should|must|may)\s+not\s+be\s+(?:taken|construed|relied\s+(?:up)?on)\s+as\s+(?:[\w,]+\s+){0,4}(?:advice|recommendation|offer|solicitation)\b"),
    ("substitute", r"\bnot\s+(?:intended\s+(?:to\s+be\s+|as\s+)?)?a\s+substitute\s+for\s+(?:\w+\s+){0,2}(?:advice|diagnosis|treatment|care)\b"),
    ("guidance educational entertainment illustrative", r"\bfor\s+(?:general\s+)?(?:guidance|educational|entertainment|illustrative)\s+(?:purposes\s+)?only\b"),
    ("author writer contributor", r"\b(?:are|is)\s+(?:solely\s+)?(?:the|those\s+of\s+the)\s+(?:author|writer|contributor)(?:'s|s'|s)?\s+own\b"),
    ("performance", r"\bpast\s+performance\s+is\s+(?:not|no)\s+(?:necessarily\s+)?(?:indicative|an?\s+guarantee|guarantee)\s+(?:of|for)\s+future\b"),
    # a financial writer's disclosure of holdings ("The author holds no position in any of the
    # companies mentioned")
    ("position positions", r"\bno\s+(?:\w+\s+)?positions?\s+in\s+(?:any\s+of\s+)?(?:the\s+)?(?:stocks?|companies|securities|shares|assets|funds|cryptocurrencies)\s+(?:\w+\s+)?(?:mentioned|named|discussed|covered|referred)\b"),
    # the views of a column or a post are its writer's, not the paper's
    ("views opinions", r"\b(?:views|opinions)\s+(?:in|of|on)\s+this\s+(?:column|article|piece|post|op-ed|commentary|blog|page|site)\s+(?:are|is|belong)\b"
     r"|\b(?:views|opinions)\b[^.]{0,80}\bnot\s+necessarily\s+(?:those|the\s+views)\s+of\s+(?:the|this|our|its)\s+(?:\w+\s+)?"
     r"(?:newspaper|paper|publication|publisher|site|website|editors?|editorial\s+board|station|network|magazine|outlet|blog)\b"),
    ("endorse endorsed", r"\b(?:we|this\s+(?:site|website|publication|newspaper))\s+(?:does|do)\s+not\s+(?:necessarily\s+)?endorse\b|"
     r"\b(?:are|is)\s+not\s+(?:necessarily\s+)?endorsed\s+by\s+(?:the\s+|this\s+|our\s+)?(?:publication|publisher|site|website|newspaper|magazine|editors?)\b"),
    # the same notices in German, French, Spanish and Italian: the writer's own views, no
    # advice, affiliate links
    ("meinung", r"\b(?:geben|gibt|spiegeln|spiegelt)\b[^.]{0,60}\bmeinung\b[^.]{0,60}\b(?:autors?|autorin|autoren|verfassers?|redaktion|verlags?)\b|\bmeinung\s+(?:des|der)\s+(?:autors?|autorin|autoren|verfassers?|gastautors?)\b"),
    ("engagent responsabilité", r"\bn'engagen?t\s+(?:en\s+aucun\s+cas\s+|pas\s+|nullement\s+)?la\s+responsabilité\b|\bdécline\s+toute\s+responsabilité\b"),
    ("indicatif informatif informativo indicativo", r"\bà\s+titre\s+(?:\w+\s+)?(?:indicatif|informatif)\b|\ba\s+título\s+(?:informativo|indicativo)\b|\ba\s+titolo\s+(?:informativo|indicativo)\b"),
    # for information only (it, es, fr, de, pt)
    ("informativo informativos informatives informationszwecken information informativa informativas",
     r"\bscopo\s+(?:puramente\s+|esclusivamente\s+|meramente\s+)?informativo\b|\bfin(?:es|s)\s+(?:meramente\s+|puramente\s+|exclusivamente\s+)?informativ[oa]s\b|"
     r"\bà\s+des\s+fins\s+(?:d'information|informatives)\b|\bdien(?:t|en)\s+(?:nur\s+|lediglich\s+|ausschließlich\s+)?(?:der\s+(?:allgemeinen\s+)?information|(?:allgemeinen\s+)?informationszwecken)\b|"
     r"\bcaráter\s+(?:meramente\s+)?informativo\b"),
    # a general-information notice in its longer English form
    ("general guarantee", r"\bof\s+a\s+general\s+nature\b[^.]{0,60}\bnot\s+intended\b|\bno\s+guarantee\s+that\b[^.]{0,60}\baccurate\b"),
    # the text about itself: made with an AI's help, or sponsored and made without the
    # newsroom (en, fr, de, es, it)
    ("ai intelligence ki intelligenza inteligencia künstlicher",
     r"\bthis\s+(?:article|story|content|text|summary)\s+(?:was|has\s+been|is)\s+(?:\w+\s+){0,3}(?:written|produced|generated|created|translated|drafted)\s+(?:\w+\s+){0,5}(?:ai|artificial\s+intelligence)\b|"
     r"\b(?:cet\s+article|ce\s+contenu|ce\s+texte)\s+a\s+été\s+(?:\w+\s+){0,3}(?:rédigé|produit|généré|traduit)\s+(?:\w+\s+){0,5}(?:ia|intelligence\s+artificielle)\b|"
     r"\b(?:dieser\s+(?:artikel|text|beitrag))\s+(?:wurde|ist)\s+(?:\w+\s+){0,5}(?:ki|künstlicher\s+intelligenz)\b|"
     r"\b(?:este\s+(?:artículo|contenido|texto))\s+(?:ha\s+sido|fue)\s+(?:\w+\s+){0,5}(?:ia|inteligencia\s+artificial)\b|"
     r"\b(?:questo\s+(?:articolo|contenuto|testo))\s+(?:è\s+stato)\s+(?:\w+\s+){0,5}(?:ia|intelligenza\s+artificiale)\b"),
    ("partnership partenariat sponsored sponsorisé patrocinado sponsorizzato gesponsert newsroom rédaction redaktion",
     r"\b(?:produced|created|written)\s+in\s+(?:paid\s+)?partnership\s+with\b|\b(?:produit|réalisé|rédigé)\s+en\s+partenariat\s+avec\b|"
     r"\b(?:sponsored|paid)\s+(?:content|post|partnership)\b|\bcontenu\s+(?:sponsorisé|partenaire)\b|\bcontenido\s+patrocinado\b|"
     r"\bcontenuto\s+sponsorizzato\b|\bgesponserte[rn]?\s+(?:beitrag|inhalt)\b|"
     r"\b(?:newsroom|editorial\s+(?:staff|team))\s+(?:was|were)\s+not\s+involved\b|\bla\s+rédaction\s+n'a\s+pas\s+participé\b|"
     r"\bdie\s+redaktion\s+(?:war|ist)\s+nicht\s+beteiligt\b"),
    # a press release's safe-harbour notice (en, de, fr, es)
    ("forward zukunftsgerichtete prospectives prospectivas",
     r"\b(?:contains?|includes?|may\s+contain|constitute|are)\s+(?:certain\s+)?forward-looking\s+statements\b|"
     r"\bforward-looking\s+statements\b[^.]{0,80}\b(?:risks?|uncertaint(?:y|ies)|safe\s+harbou?r)\b|"
     r"\bzukunftsgerichtete\s+aussagen\b[^.]{0,80}\b(?:risiken|unsicherheiten)\b|"
     r"\bdéclarations\s+prospectives\b[^.]{0,80}\b(?:risques|incertitudes)\b|"
     r"\bdeclaraciones\s+(?:a\s+futuro|prospectivas)\b[^.]{0,80}\b(?:riesgos|incertidumbres)\b"),
    ("responsable responsabilità responsabiliza verantwortung übernehmen übernimmt",
     r"\bno\s+se\s+(?:hace|hacen)\s+responsables?\b|\bnon\s+si\s+assume\s+(?:alcuna\s+)?responsabilità\b|\bnão\s+se\s+responsabiliza\b|\b(?:übernehmen|übernimmt)\s+(?:wir\s+|der\s+verlag\s+|die\s+redaktion\s+)?keine\s+(?:verantwortung|gewähr|haftung)\b"),
    ("verantwortlich directeur responsable direttore responsável",
     r"^(?:verantwortlich\s+(?:für\s+den\s+inhalt|i\.?\s?s\.?\s?d\.?)|v\.?\s?i\.?\s?s\.?\s?d\.?\s+§|directeur\s+de\s+(?:la\s+)?publication|responsable\s+de\s+(?:la\s+)?publication|direttore\s+responsabile|responsável\s+pelo\s+conteúdo)\b"),
    ("opinions opinion engagent reflètent", r"\bopinions?\s+(?:exprimées?|émises)\b|\bn'engagen?t\s+que\b|\bne\s+reflèten?t\s+pas\s+(?:nécessairement\s+)?(?:l'|les?\s+)?(?:avis|opinions?|position)"),
    ("opiniones opinioni reflejan riflettono riflette", r"\b(?:las\s+)?opiniones\s+expresadas\b|\bno\s+reflejan?\s+necesariamente\b|\ble\s+opinioni\s+espresse\b|\bnon\s+riflett(?:e|ono)\s+necessariamente\b"),
    ("beratung anlageberatung rechtsberatung steuerberatung finanzberatung constitue constituye costituisce",
     r"\bstellt\s+keine\s+\w*beratung\s+dar\b|\bkeine\s+(?:anlage|rechts|steuer|finanz)beratung\b|\bne\s+constitue\s+(?:pas|en\s+aucun\s+cas)\s+(?:un\s+)?conseil\b|\bno\s+constituye\s+(?:un\s+)?(?:asesoramiento|consejo|recomendación)\b|\bnon\s+costituisce\s+(?:una\s+)?(?:consulenza|sollecitazione|raccomandazione)\b"),
    ("affiliate affiliés affiliation afiliados affiliati provision commission comisión commissione",
     r"\baffiliate-links?\b|\bliens?\s+(?:affiliés|d'affiliation)\b|\benlaces?\s+(?:de\s+)?afiliados?\b|\blink\s+(?:di\s+)?affiliat[io]\b|\b(?:erhalten|bekommen)\s+(?:wir\s+)?(?:eine\s+)?provision\b|\b(?:percevons|touchons|recevons)\s+une\s+commission\b|\b(?:recibimos|obtenemos)\s+una\s+comisión\b|\b(?:riceviamo|percepiamo)\s+una\s+commissione\b"),
)
# "Disclosure: …", "Disclaimer - …": a labelled notice, whatever follows the label.
_DISCLAIMER_LEAD: Final = re.compile(
    r"(?:legal\s+|editorial\s+|affiliate\s+|financial\s+|important\s+)?(?:disclaimer|disclosure|haftungsausschluss|avertissement|aviso\s+legal|notice)s?\s*[:\u2013\u2014-]\s*\S"
)
_DISCLAIMER_LEAD_WORDS: Final = (
    "legal", "editorial", "affiliate", "financial", "disclaimer", "disclosure",
    "haftungsausschluss", "avertissement", "aviso", "important",
)


def _disclaimer_lead(norm: str) -> bool:
    # the expression is matched at the start, where it needs one of these words
    return norm.startswith(_DISCLAIMER_LEAD_WORDS) and _DISCLAIMER_LEAD.match(norm) is not None


_COPYRIGHT: Final = _rx(
    r"^(?:copyright|©|\(c\)|\d{4}\s*©|©\s*\d{4})",
    r"\ball\s+rights\s+reserved\b",
    r"\balle\s+rechte\s+vorbehalten\b",
    r"\btous\s+droits\s+réservés\b",
    r"\btodos\s+los\s+derechos\s+reservados\b",
    r"\bthis\s+(?:site|website|page)\s+is\s+©",
    r"^(?:cc|creative\s+commons)\s+(?:by|0|zero)\b|\blicensed\s+under\s+(?:a\s+|the\s+)?(?:creative\s+commons|cc\s+by)",
    r"\b(?:you\s+(?:may|can|are\s+free\s+to)\s+)republish\s+(?:this|our)\s+(?:article|story|stories|articles|work|content|reporting)\b|"
    r"^republish\s+(?:this|our)\s+(?:article|story)\W*$",
    r"\bmay\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed)\b",
    r"\bno\s+part\s+of\s+this\s+(?:publication|website|site|article|page|material)\s+may\s+be\b",
    # reproduction notices in German, French, Spanish and Italian
    r"\b(?:vervielfältigung|nachdruck|weiterverbreitung|wiedergabe)\b[^.]{0,60}\b(?:nur\s+mit|ohne)\b[^.]{0,40}\b(?:genehmigung|zustimmung|erlaubnis)\b",
    r"\btoute\s+reproduction\b|\breproduction\s+(?:(?:même\s+)?partielle\s+|totale\s+ou\s+partielle\s+)?(?:est\s+)?interdite\b|\breproduction\s+[^.]{0,20}\bsans\s+(?:l'\s*)?autorisation\b",
    r"\b(?:queda\s+)?prohibida\s+(?:la\s+)?reproducción\b|\breproducción\s+(?:total\s+o\s+parcial\s+)?prohibida\b",
    r"\briproduzione\s+riservata\b|\bvietata\s+la\s+riproduzione\b",
    # rights reserved, in the words of each language (en/de/fr/es/it/pt/nl), however qualified
    r"\brights?\s+reserved\b|\brechte\s+vorbehalten\b|\bdroits\s+(?:de\s+\w+\s+(?:et\s+de\s+\w+\s+)?)?réservés\b|"
    r"\b(?:derechos|direitos)\s+reservados\b|\bdiritti\s+riservati\b|\brechten\s+voorbehouden\b",
    # trademark notices (en, de, fr, es, pt, it)
    r"^(?:®|™)|\b(?:registered\s+)?trademarks?\s+(?:of|owned\s+by|belonging\s+to)\b|"
    r"\btrademarks?\b[^.]{0,60}\b(?:property\s+of|belongs?\s+to|owned\s+by)\s+their\s+respective\s+(?:owners|holders)\b|"
    r"\beingetragene\s+(?:marke|warenzeichen)\b|\bmarques?\s+déposées?\b|\bmarcas?\s+registradas?\b|"
    r"\bmarchi?o?\s+registrat[oi]\b",
    # the publisher's registration as a company (en, de, fr, it, es): a number or a register
    # court names it, or the line opens on where it is registered
    r"^registered\s+(?:office|address|in\s+(?:england|scotland|wales|northern\s+ireland|ireland))\b|"
    r"\bcompany\s+(?:registration\s+)?(?:number|no\.?)\s*:?\s*[a-z]{0,2}\s?\d{6,}|"
    r"\bvat\s+(?:registration\s+)?(?:number|no\.?|reg\.?)\s*:?\s*[a-z]{0,2}\s?\d[\d ]{6,}|"
    r"\b(?:amtsgericht|registergericht|handelsregister)\b[^.]{0,40}\bhr[ab]\s*\d+|"
    r"\brcs\s+[a-zé-]+(?:\s+[a-zé-]+)?\s+(?:[a-z]\s+)?\d{3}\s?\d{3}\s?\d{3}\b|\bsiret\s*:?\s*\d{3}\s?\d{3}\s?\d{3}|"
    r"\b(?:partita\s+iva|p\.\s?iva)\s*:?\s*(?:it)?\d{11}\b|\binscrita\s+en\s+el\s+registro\s+mercantil\b|"
    r"\bis\s+a\s+trading\s+(?:name|style)\s+of\b",
    # a syndicate's distribution credit under a column ("Distributed by … Agency, LLC.")
    r"^distributed\s+by\s+(?:[\w&.'-]+\s+){1,5}(?:agency|syndicate|services?|features|media)\b(?:,?\s+(?:llc|inc|ltd)\.?)?\.?$",
    # reproduction forbidden without leave (en, pt)
    r"\breproduction\b[^.]{0,90}\b(?:prohibited|forbidden|not\s+permitted)\b|\b(?:é\s+)?proibida\s+a\s+reprodução\b|\breprodução\s+(?:total\s+ou\s+parcial\s+)?proibida\b",
    # this text, or all of the site, protected by copyright (en, de, fr, es, it, pt): said of
    # itself ("This article is …", "All content on this site …"), not of a story's photograph
    r"\b(?:this|these|all|our|sämtliche|alle|dieser|diese|dieses|ce|cet|cette|ces|tous|tout|todo|todos|"
    r"este|esta|estos|questo|questa|tutti|tutto)\s+(?:[\w',]+\s+){0,9}?(?:(?:is|are)\s+)?(?:(?:ist|sind)\s+)?"
    r"(?:(?:est|sont)\s+)?(?:(?:está|están)\s+)?(?:(?:è|sono)\s+)?"
    r"(?:protected\s+by\s+copyright|urheberrechtlich\s+geschützt|protégée?s?\s+par\s+(?:le\s+)?(?:droit\s+d'auteur|copyright)|"
    r"protegid[oa]s?\s+(?:por\s+(?:los\s+)?derechos\s+de\s+autor|pelos?\s+direitos\s+autorais)|"
    r"protett[oa]\s+(?:dal(?:le\s+leggi\s+sul)?\s+)?(?:diritto\s+d'autore|copyright))\b",
)
# "All content © 2025 Example Inc", "Site design / logo © 2024 Example": a few words, then
# the notice
# The site's own credit line in its footer ("Powered by …", "Theme by …"): a name after it.
_SITE_CREDIT_LEADS: Final = ("powered by", "proudly powered by", "theme by", "website by", "site by",
                             "web design by", "hosted by")
_SITE_CREDIT: Final = re.compile(
    r"(?:proudly\s+)?(?:powered|theme|website|site|web\s+design|hosted)\s+by\s+[\w.&' -]{2,40}"
    r"(?:\s\S{0,6}[^\w\s]\S{0,6})?$"  # (a brand's mark or emoticon after the name)
)
_COPYRIGHT_MID: Final = re.compile(
    r"(?:[\w/&.,'-]+\s+){1,4}©\s*(?:\d{4}\s*[-–]\s*)?\d{4}(?:\s+\S+){1,5}\s*$"
)
# The words a news story reports with (en, de, fr, es, it, pt): a notice speaks for itself.
_REPORTING: Final = frozenset(
    """said says told tells according reported reports ruled fined sagte sagt
    erklärte erklärt laut déclaré selon affirmé dijo dice según afirmó detto secondo disse
    segundo""".split()
)
_COOKIE: Final = _gated(
    # cookies as a site sets them: a line with a word of consent, of the site or of its use
    # (en, de, fr, es, it, pt, nl, sv, da, no, pl), or a heading of a few words; not the cookies
    # a recipe bakes or a headline names ("Regulator fines retailer over cookie banners")
    ("cookie cookies",
     r"^(?=.*\b(?:site|sites|website|web|browser|browsing|experience|accept|accepting|agree|"
     r"settings|preferences|privacy|policy|personali[sz]e|personali[sz]ed|analytics|partners|track|"
     r"tracking|device|continue|continuing|use|uses|using|manage|necessary|essential|third|allow|"
     r"enable|disable|reject|decline|opt|verwendet|verwenden|nutzen|nutzt|akzeptieren|zustimmen|"
     r"einstellungen|webseite|utilisons|utilise|utilisation|accepter|acceptez|paramètres|"
     r"navigation|utilizamos|utiliza|aceptar|acepta|configuración|sitio|navegación|utilizziamo|"
     r"utilizza|accetta|accetto|impostazioni|sito|navigazione|aceitar|aceito|configurações|"
     r"navegação|we|us|services|improve|ads|advertising|data|information|visitors?|users?|"
     r"gdpr|plugin|duration|metrics|collect\w*|categor\w*|uncategori[sz]ed|classified|"
     r"gebruikt|gebruik|akkoord|använder|godkänner|webbplats\w*|upplevelse|bruger|bruker|accepterer|"
     r"godtar|hjemmeside\w*|nettsted\w*|oplevelse|opplevelse|używa|używamy|zgod[ęa]|stron[aiey]|"
     r"analy[sz]e|analy[sz]ed|functionalit\w*|consent\w*)\b).*\bcookies?\b"
     r"|^\W*cookies?\W*(?:[\w-]+\W*){0,2}$"),
    ("browser", r"\byour\s+browser\s+(?:does\s+not|doesn'?t|is\s+not)\s+support"),
    ("privacy consent", r"\b(?:privacy|consent)\s+(?:choices|preferences|settings|policy|notice|manager|center|centre)\b"
     # a consent form's heading: managing consent, the site valuing the reader's privacy
     r"|^(?:manage|update|review)\s+(?:your\s+)?consent\W*$"
     r"|^(?:we|this\s+site)\s+(?:value|values|respect|respects|care\s+about|cares\s+about)\s+your\s+privacy\b"
     r"|^your\s+privacy\s+(?:matters|is\s+important)\b"),
    ("sell share", r"\bdo\s+not\s+(?:sell|share)(?:\s+(?:or|and|/)\s+(?:sell|share))?\s+my\b"),
    ("viewed", r"\bbest\s+viewed\s+(?:with|in|using)\b"),
    ("experience", r"^(?:to|we)\s+(?:enhance|improve|personali[sz]e)\s+your\s+(?:browsing\s+)?experience\b"),
    ("continuing using browsing", r"^by\s+(?:continuing|using|browsing)\s+(?:to\s+(?:use|browse)\s+|on\s+|with\s+)?(?:this|our|the)\s+(?:site|website)\b"),
    ("personal", r"\bpersonal\s+information\b.{0,30}$"),
    ("cookies data", r"\bwe\s+(?:and\s+our\s+partners\s+)?(?:use|store|process)\s+(?:cookies|data|your\s+data|personal\s+data)\b"),
    ("accept reject decline", r"\b(?:accept|reject|decline)\s+(?:all|cookies|optional)\b"),
    # a data-protection rights notice: access and rectification (en, de, fr, es, it, pt)
    ("rectification rectify berichtigung rectificación rettifica retificação",
     r"\b(?:droits?\s+d'accès|rights?\s+(?:of|to)\s+access|recht\s+auf\s+auskunft|derechos?\s+de\s+acceso|diritt[oi]\s+di\s+accesso|direitos?\s+de\s+acesso)\b[^.]{0,80}\b(?:rectification|rectify|correction|berichtigung|rectificación|rettifica|retificação)\b"),
    ("libertés rgpd gdpr dsgvo", r"\bloi\s+informatique\s+et\s+libertés\b|\b(?:rgpd|gdpr|dsgvo)\b[^.]{0,60}\b(?:données|data|daten|datos|dati|dados)\b"),
    ("datenschutz datenschutzerklärung datenschutzeinstellungen confidentialité privacidad",
     # (a footer's link or heading, no sentence: a story's sentence about data protection is none)
     r"^[^.!?]{0,40}\b(?:datenschutz(?:erklärung|einstellungen)?|confidentialité|privacidad)\b[^.!?]{0,40}$"),
    # a page that will not show without scripts (en, de, fr, es): furniture over an article,
    # a block page when nothing else is there (see pipeline)
    ("javascript",
     r"\b(?:enable|activate|turn\s+on|switch\s+on|allow)\s+(?:your\s+)?javascript\b|\bturn\s+javascript\s+on\b|"
     r"\bjavascript\s+(?:is\s+|seems\s+to\s+be\s+|appears\s+to\s+be\s+)?"
     r"(?:disabled|required|must\s+be\s+enabled|not\s+enabled|turned\s+off)\b|"
     r"\bjavascript\s+(?:aktivieren|activer|einschalten)\b|\baktivieren\s+sie\s+(?:bitte\s+)?javascript\b|"
     r"\bactiv(?:ez|er|a|ar)\s+(?:le\s+|el\s+)?javascript\b|\b(?:habilita|habilitar)\s+(?:el\s+)?javascript\b"),
)
# A wall across the article: the text goes on only for those who sign in or pay ("Sign in to
# read the full story", "Register to continue reading", "Connectez-vous pour lire la suite").
# Such a line is never the article's own words, so it goes wherever it stands.
_READING_WALL: Final = (
    ("reading", r"\b(?:subscribe|sign\s+up|log\s*in|sign\s+in|register|become\s+a\s+member|upgrade|create\s+(?:a\s+)?(?:free\s+)?account)\b[^.]{0,40}\b(?:to\s+)?(?:continue|keep)\s+reading\b"),
    # (gated by "sign"/"log", not by "read": a word that common would send many prose lines
    # through every gated family)
    ("sign log login signin", r"\b(?:log|sign)\s*in\s+to\s+read\s+(?:the\s+)?(?:full|whole|entire|rest)\b"
     # signing in (or an account) asked for to go on: "Sign in or create a free account to
     # continue", "To continue, please log in"
     r"|\b(?:sign\s+in|log\s*in|create\s+(?:a\s+|an\s+)?(?:free\s+)?account)\b[^.]{0,60}\bto\s+continue\b"
     r"|\bto\s+continue,?\s+(?:please\s+)?(?:sign|log)\s*in\b"),
    # a sign-in form's buttons
    ("continue", r"^continue\s+with\s+(?:e-?mail|google|apple|facebook|microsoft|linkedin|twitter|x|phone)\s*$"),
    ("subscribers members", r"\b(?:this|the\s+rest\s+of\s+this)\s+(?:article|content|story|post)\s+is\s+(?:only\s+)?(?:for|available\s+(?:to|for)|reserved\s+for|exclusive\s+to)\s+(?:paid\s+|premium\s+)?(?:subscribers|members)"),
    ("articles article limit stories", r"\b(?:you'?ve|you\s+have)\s+(?:reached|used)\s+(?:your|all)\b[^.]{0,30}\b(?:articles?|limit|stories)\b"),
    ("unlock", r"^unlock\s+(?:this|the\s+full|full)\s+(?:article|story|post)\b"),
    ("abonnenten abonnés suscriptores assinantes abbonati",
     r"\bnur\s+für\s+abonnenten\b|\bréservé\s+aux\s+abonnés\b|\bexclusivo\s+para\s+suscriptores\b"
     r"|\bexclusivo\s+para\s+assinantes\b|\briservato\s+agli\s+abbonati\b"),
    ("weiterzulesen weiterlesen suite leyendo leggere lendo",
     r"\bum\s+weiterzulesen\b|\bweiterlesen\s+mit\b|\bpour\s+(?:lire|continuer)\s+la\s+suite\b"
     r"|\bpara\s+(?:seguir|continuar)\s+leyendo\b|\bper\s+continuare\s+a\s+leggere\b|\bpara\s+continuar\s+lendo\b"),
    # (nl, sv, da, no, pl) for subscribers only; signing in to read it all
    ("abonnees prenumeranter abonnenter subskrybentów prenumeratorów",
     r"\b(?:alleen|uitsluitend)\s+(?:beschikbaar\s+)?voor\s+abonnees\b|\b(?:endast|bara)\s+för\s+prenumeranter\b"
     r"|\bkun\s+for\s+abonnenter\b|\b(?:tylko|wyłącznie)\s+dla\s+(?:subskrybentów|prenumeratorów)\b"),
    ("logga log logg zaloguj",
     r"\blogga\s+in\s+för\s+att\s+läsa\b|\blog\s+ind\s+for\s+at\s+læse\b|\blogg\s+inn\s+for\s+å\s+lese\b"
     r"|\blog\s+in\s+om\s+(?:verder\s+te\s+lezen|(?:het\s+)?(?:hele\s+)?artikel\s+te\s+lezen)\b"
     r"|\bzaloguj\s+się,?\s+(?:aby|żeby)\s+(?:przeczytać|czytać)\b"),
    # the wall's question over its offer ("Want to read more?"), a line of its own; reading on
    # with a subscription opening the line (es, it, pt, fr)
    ("want", r"^(?:do\s+you\s+)?want\s+to\s+(?:read|keep\s+reading|continue\s+reading)"
     r"(?:\s+(?:more|on|the\s+(?:rest|full\s+(?:article|story))))?\s*\?$"),
    ("leyendo leggere lendo lecture",
     r"^(?:continúa|sigue|continua)\s+(?:leyendo|a\s+leggere)\b|^continue\s+lendo\b"
     r"|^continuez\s+(?:votre\s+|la\s+)?lecture\b"),
)
_WALL: Final = _gated(*_READING_WALL)
_WALL_WORDS: Final = frozenset(w for words, _rx in _READING_WALL for w in words.split())
WALL_WORDS: Final = 16  # a wall's prompt is this short
# a substring every wall's prompt holds: checked on the line before its words are needed
# (read, subscri, members, limit, unlock, weiterzu, weiterles, suite, leyendo, leggere,
# lendo, abonn, suscript, assinant, abbonat, prenumerant, subskryb, zaloguj; sign in, log in,
# logga in, logg inn, continue with), grouped by their
# first letters: the engine then tries one or two alternatives where a letter starts one, not
# all of them (~30% faster on a body's short lines, every one of which is checked)
WALL_HINT: Final = re.compile(
    r"r(?:ead)|s(?:u(?:bscri|ite|script)|ign\s+in)|members|l(?:imit|e(?:yendo|ggere|ndo|cture)|og\s?in)"
    r"|unlock|weiter(?:zu|les)|a(?:b(?:onn|bonat)|ssinant)|continue\s+with|prenumerant|subskryb|zaloguj"
    r"|logg(?:a)?\s+in"
)


# A newsroom's appeal to its readers under (or over) its stories: to give, to become a member,
# to send a tip.  Each wording speaks to the reader or as the newsroom ("please consider a
# donation", "your gift will be matched", "we rely on readers like you", "Got a tip?"); a story
# reports on giving in the third person ("the foundation donated …").
_APPEAL: Final = _gated(
    ("donation donations gift contribution",
     r"(?:^|[.!?,]\s+|\bplease\s+|\byou\s+(?:can|could|might|may|should)\s+|\bwould\s+you\s+)"
     r"consider\s+(?:making\s+|giving\s+)?(?:a\s+|an\s+)?(?:(?:small|monthly|one-time|recurring|tax-deductible|year-end)\s+)*"
     r"(?:donation|gift|contribution)\b"),
    ("donate give", r"(?:^|[.!?]\s+|\bplease\s+)(?:donate|give)\s+(?:now|today|monthly|once|what\s+you\s+can)\b"),
    ("gift donation", r"\byour\s+(?:(?:tax-deductible|year-end|monthly|one-time)\s+)?(?:gift|donation)\s+(?:will\s+be\s+|is\s+|gets\s+)?"
     r"(?:matched|doubled|tripled|tax-deductible)\b"),
    ("rely depend", r"\bwe\s+(?:rely|depend)\s+(?:entirely\s+|solely\s+)?on\s+(?:our\s+)?(?:readers|members|listeners|donors|donations|you)\b"),
    ("powered funded supported", r"\b(?:powered|funded|supported|made\s+possible)\s+by\s+(?:readers|members|listeners|donors|people)\s+like\s+you\b"),
    ("support", r"^(?:please\s+)?support\s+(?:our|independent|local|nonprofit|quality|public-interest)\s+(?:[\w-]+\s+){0,2}"
     r"(?:journalism|reporting|newsroom|news)\W*$"),
    ("tip tips", r"\b(?:got|have)\s+a\s+(?:news\s+|story\s+)tip\b|"
     r"\b(?:got|have)\s+a\s+tip\b[^?.]{0,60}\?\s*(?:e-?mail|contact|send|call|text|reach|tell|let\s+us|drop\s+us|message)\b|"
     r"\bsend\s+(?:us\s+)?(?:a\s+|your\s+)?(?:news\s+|story\s+)?tips?\s+(?:to|at|via)\b"),
    # the newsroom asks the reader to report its errors ("If you spot an error in this
    # article, …", "Spotted a mistake?"): spoken to the reader, as a tip line is
    ("error errors mistake mistakes typo inaccuracy",
     r"\bif\s+you\s+(?:spot|see|find|notice)\s+(?:an?\s+|any\s+)?(?:error|errors|mistake|mistakes|typo|inaccuracy)\b"
     r"|^(?:spotted|found|see|noticed|spot)\s+(?:an?\s+)?(?:error|mistake|typo)\s*\?"),
)
_APPEAL_WORDS: Final = frozenset().union(*(words for words, _rx in _APPEAL))
APPEAL_WORDS: Final = 40  # an appeal is no longer


def is_reading_wall(norm: str, toks: list[str]) -> bool:
    """A prompt to sign in or pay to read on (see _READING_WALL)."""
    return not _WALL_WORDS.isdisjoint(toks) and _search_gated(_WALL, toks, norm)


_PAYWALL: Final = _gated(
    ("reading", r"\bto\s+(?:continue|keep)\s+reading\b"),
    ("subscribers", r"\b(?:for|to)\s+(?:paid\s+|premium\s+)?subscribers\b"),
    # "Already a subscriber? Log in": the prompt that leads to the login (a bare "Already a
    # member?" too); a subscriber's link to what they bought ("… Download your timetables") is not
    ("subscriber subscribed member account",
     r"\balready\s+(?:a\s+)?(?:subscriber|subscribed|member|have\s+an\s+account)\b[?!.:,]*\s*"
     r"(?:$|(?:please\s+|then\s+)?(?:sign|log|login|click|tap|continue|read|access|subscribe|register|go|enter|verify)\b)"),
    ("left remaining", r"\bfree\s+articles?\s+(?:left|remaining)\b"),
    ("unlock", r"\bunlock\s+(?:this|full|unlimited)\b"),
    ("subscribe", r"\bsubscribe\s+(?:from|for\s+(?:just\s+|only\s+)?)(?:[$€£]\s*\d|\d)"),
    ("journalism", r"^(?:please\s+)?support\s+(?:our\s+)?(?:\w+\s+)?journalism\b"),
    ("trial", r"\b(?:start|begin)\s+(?:your\s+)?(?:\d+[-\s]day\s+)?free\s+trial\b"),
    ("subscribe", r"\bsubscribe\s+(?:now|today)\b"),
    ("trial", r"^(?:get\s+a\s+|your\s+)?free\s+trial\b"),
    ("subscriber subscribers member members", r"\b(?:subscriber|member)s?[-\s](?:only|exclusives?)\b|\bexclusive\s+to\s+(?:subscribers|members)\b"),
    ("premium", r"\bpremium\s+(?:content|article|access)\b"),
    *_READING_WALL,
    # an offer's price ("Get unlimited access for $1 a week", "All our journalism for €4.99")
    ("unlimited digital", r"\b(?:get|enjoy|try|start)\s+(?:unlimited|digital)\s+(?:digital\s+)?access\b"),
    # an offer's pitch: unlimited access, membership, the subscribers' reserve, in six languages
    ("unlimited illimité illimitado illimitato unbegrenzten unbegrenzter unbegrenzte",
     # (with the subscription, a price or the site's "our" in the same line: a story about a
     # service's unlimited access is no offer)
     r"^(?=.*(?:subscri|member|abonn|digitalabo|suscri|abbon|assin|[$€£]\s?\d|\bour\b|\bnos\b|\bunser|\bnuestr|\bnostr))"
     r".*?(?:\bunlimited\s+(?:digital\s+)?access\s+to\b|\baccès\s+illimité\b|\bacceso\s+ilimitado\b|\baccesso\s+illimitato\b"
     r"|\bacesso\s+ilimitado\b|\bunbegrenzte[rn]?\s+(?:zugang|zugriff)\b)"),
    ("member subscriber supporter", r"\bbecome\s+a\s+(?:paying\s+)?(?:member|subscriber|supporter)\s+(?:today|now)\b"),
    ("abonnés", r"\bréservée?s?\s+(?:aux|à\s+nos)\s+abonnés\b"),
    ("sign log login signin", r"\b(?:sign|log)\s*in\b[^.]{0,40}\bto\s+access\s+(?:this|the)\s+(?:full\s+)?(?:article|story|content)\b"),
    # registering, or a subscription, as the way to read on ("Register for free to read
    # this", "Continue reading with a digital subscription")
    ("register", r"\bregister\s+(?:(?:for\s+)?free\s+|now\s+|today\s+)?to\s+(?:read|access|continue|unlock|view)\b"),
    ("reading", r"\b(?:continue|keep)\s+reading\s+(?:with|by\s+(?:subscribing|registering|signing\s+up))\b"
     r"(?:\s+(?:a|an|your|our))?(?:\s+[\w-]+){0,2}?\s*(?:subscription|account|membership|pass|$)"),
    # an introductory offer: the price of a first period, the promise to cancel at any time
    # (a sentence of its own, to the reader) beside a price, a trial or a subscription
    ("your", r"\bfor\s+your\s+first\s+(?:\d+\s+)?(?:month|week|year|months|weeks|years)\b"),
    ("cancel", r"^(?=.*(?:[$€£]\s?\d|\btrial\b|\bsubscri|\bfirst\s+(?:month|week|year)\b))(?:.*[.!?]\s+)?(?:you\s+(?:can|may)\s+)?cancel\s+(?:at\s+)?any\s*time\b"),
)
# Anchored at the line start: tried there only (a search would try every position)
_RELATED_HEAD_LEAD: Final = _rx(
    r"^(?:previous|next|prev|older|newer)\s*(?:posts?|articles?|story|stories|entry|entries|page)\b",
    r"^(?:what'?s|now|currently)\s+(?:trending|hot|popular)\b.{0,30}$",
    r"^(?:related|recommended|trending|popular|latest|featured|editor'?s'?\s+(?:picks?|choice)|top\s+picks|most\s+(?:popular|read|viewed|shared|commented|recent)|you\s+(?:may|might|could|will)\s+(?:also\s+)?(?:like|love|enjoy|be\s+interested)|don'?t\s+miss|see\s+also|read\s+(?:more|also|next|this\s+next)|also\s+read|keep\s+reading|what\s+to\s+read(?:\s+next)?|further\s+reading|more\s+to\s+explore|up\s+next|in\s+case\s+you\s+missed\s+it|people\s+also|readers\s+also)\b\W*(?:[\w'-]+\W*){0,4}$",
    r"^more\s+(?:from|on|in|by|at|about|like\s+this)\s+\S+(?:\s\S+){0,2}$|^more\s+\S+$",
    r"^(?:lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|weitere\s+artikel|à\s+lire\s+(?:aussi|également)|lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|te\s+puede\s+interesar|lee\s+también|noticias\s+relacionadas|artículos\s+relacionados|relacionad[oa]s|"
    r"lees\s+(?:ook|meer|verder)|meer\s+over\s+(?:dit|het)\s+onderwerp|gerelateerde\s+(?:artikelen|berichten)|bekijk\s+ook|"
    # Swedish, Danish, Norwegian, Polish
    r"läs\s+(?:också|även|mer)|læs\s+(?:også|mere)|les\s+(?:også|mer)|relater(?:ade\s+artiklar|ede\s+artikler|te\s+artikler)|"
    r"czytaj\s+(?:także|też|również|więcej)|zobacz\s+(?:także|też|również)|powiązane\s+artykuły)\b.{0,30}$",
)
# The most read / most shared lists' headings, in de, fr, es, it, pt, nl, sv, da, no, pl (tried
# only on a short line holding one of _MOST_WORDS)
_MOST_READ: Final = re.compile(
    r"(?:meist(?:gelesen|geklickt|kommentiert|geteilt)e?(?:\s+(?:artikel|nachrichten|beiträge))?|"
    r"am\s+meisten\s+gelesen|(?:les\s+)?(?:articles\s+)?(?:plus\s+lus|plus\s+partagés|plus\s+commentés|plus\s+populaires)|"
    r"(?:lo|los|las)\s+más\s+(?:leíd[oa]s?|vist[oa]s?|compartid[oa]s?|popular(?:es)?)|"
    r"(?:i\s+|le\s+)?(?:notizie\s+|articoli\s+)?più\s+(?:lett[ei]|vist[ei]|condivis[ei]|cliccat[ei]|popolari)|"
    r"(?:as\s+|os\s+)?(?:notícias\s+)?mais\s+(?:lid[ao]s|vist[ao]s|compartilhad[ao]s|populares)|"
    r"(?:het\s+)?meest\s+(?:gelezen|bekeken|gedeeld)(?:\s+(?:artikelen|nieuws|berichten))?|"
    r"mest\s+(?:lästa?|læste|lest|leste|delade|delte)(?:\s+(?:artiklar|artikler|nyheter|nyheder))?|"
    r"najczęściej\s+(?:czytane|komentowane|udostępniane))\W*$"
)
_MOST_WORDS: Final = frozenset(
    """meistgelesen meistgelesene meistgeklickt meistgeklickte meistkommentiert meistkommentierte
    meistgeteilt meistgeteilte meisten plus más più mais meest mest najczęściej""".split()
)
# An author box's heading (en, de, fr, es, it, pt, nl, sv, da, no, pl): the lines under it are
# the box.
_AUTHOR_HEAD: Final = re.compile(
    r"(?:(?:about|meet)\s+the\s+(?:author|authors|writer|reporter|contributor)|author\s+bio(?:graphy)?|"
    r"über\s+(?:den\s+autor|die\s+autorin|die\s+autoren)|zu[rm]\s+(?:autorin|autor|person)|"
    r"à\s+propos\s+de\s+l'(?:auteur|autrice|auteure)|(?:sobre|acerca\s+de)\s+(?:el\s+autor|la\s+autora|del\s+autor|de\s+la\s+autora)|"
    r"(?:sull'(?:autore|autrice)|chi\s+è\s+l'(?:autore|autrice))|sobre\s+(?:o\s+autor|a\s+autora)|"
    r"over\s+de\s+(?:auteur|auteurs|schrijver)|om\s+(?:skribenten|författaren|forfatteren)|o\s+autorze)"
    r"\W*$"
)
_AUTHOR_LEADS: Final = frozenset("about meet author über zur zum à sobre acerca sull chi over om o".split())
# "… related articles:" anywhere, which must then end the line with one of its nouns
_RELATED_HEAD_LIST: Final = _rx(
    r"\b(?:related|recommended|popular|trending|latest|similar|suggested|more|top|other|recent|featured)\s+(?:articles|stories|posts|news|content|reads|reading|links|coverage|resources|videos|podcasts|topics|headlines|picks|products|guides|searches)\s*:?$",
)
_RELATED_NOUNS: Final = tuple(
    "articles stories posts news content reads reading links coverage resources videos podcasts"
    " topics headlines picks products guides searches".split()
)


def _related_head(norm: str, lead: bool = True) -> bool:
    """lead: False when _RELATED_HEAD_LEAD is known not to match (see _LEADS)."""
    if lead and _RELATED_HEAD_LEAD.match(norm):
        return True
    tail = norm[:-1] if norm.endswith(":") else norm
    return tail.rstrip().endswith(_RELATED_NOUNS) and _RELATED_HEAD_LIST.search(norm) is not None


# a header is a noun phrase; "Popular languages include:" is the article's own sentence
_CLAUSE_VERB: Final = re.compile(r"\b(?:include|includes|are|is|was|were|can|will|should|have|has|had)\b")
# Words a related-links header is made of; with a list of headlines under it, a short line
# holding one of them is a header even in wording no expression above foresaw.
RELATED_WORDS: Final = frozenset(
    """related recommended recommendations more also popular trending latest read similar
    suggested elsewhere around web sponsored partner partners picks stories headlines
    lesen mehr weitere beliebt empfohlen aussi plus lire populaires también más relacionados
    relacionadas leer populares""".split()
)
_RELATED_INLINE: Final = _rx(
    r"^(?:related|read\s+(?:more|also|next)|also\s+read|see\s+also|more|recommended|watch|listen)\s*(?::|»|>|\||-)\s*\S",
    r"^(?:lesen\s+sie\s+auch|lire\s+aussi|à\s+lire|lee\s+también|leer\s+más)\s*:",
)
# a post's own navigation link: "Previous Post: How to …", or glued as a page's text
# dump leaves it, "Next PostHow to …"
_POST_NAV: Final = re.compile(
    r"^(?:Previous|Next|Prev|Older|Newer|PREVIOUS|NEXT)\s?(?:Post|Article|Story|Entry|POST|ARTICLE)"
    r"(?:\s*[:»>|–—-]\s*\S|[A-Z0-9\"“‘'])"
)
# widget strings run together without separators: "privacyreplenish & saveThis story"
_GLUED: Final = re.compile(r"[a-z][A-Z][a-z]")
_CODE_CHARS: Final = re.compile(r"[(){}<>;=_/\\\[\]]")


# Where one widget string runs into the next in a text dump: a lower-case letter, digit or
# closing punctuation straight before a capitalised word ("FacebookThis", "this:Share",
# "it!Share"), capitals before one ("SHOPPrint"), or a word before capitals ("SavePRINT").
# Found from the capital itself: a search that starts on a character class skips ahead to the
# capitals, one that starts on a lookbehind would try every position.
_GLUE_AT: Final = re.compile(
    r"[A-ZÀ-Þ](?:(?<=[a-zà-ÿ0-9!?:.)][A-ZÀ-Þ])(?=[a-zà-ÿ])|(?<=[A-ZÀ-Þ][A-ZÀ-Þ])(?=[a-zà-ÿ])"
    r"|(?<=[a-zà-ÿ][A-ZÀ-Þ])(?=[A-ZÀ-Þ]))"
)


# An ASCII line's characters by class, for substring tests that find what _CAMEL_PAIR and
# _GLUE_AT find on it without the expressions (most lines are ASCII): "a" a lower-case letter,
# "A" a capital, "0" a digit, "!" one of "!?:.)" (before a glued capital), "&" itself, " " any
# other.  (A str: its `in` tests are cheaper than those of bytes.)
_ASCII_CLASS: Final = bytes(
    ord("a") if c.islower() else ord("A") if c.isupper() else ord("0") if c.isdigit()
    else ord(c) if c in "!&" else ord("!") if c in "?:.)" else ord(" ")
    for c in map(chr, range(128))
) + bytes(range(128, 256))  # (a translation table has 256 entries: the upper half unused)


def _ascii_classes(text: str) -> str:
    return text.encode().translate(_ASCII_CLASS).decode()


def _toks_are_wordish(classes: str) -> bool:
    """Are an ASCII line's toks (the runs of letters and digits of its normalised text) the
    words _widget cuts out of it (_WORDISH's: runs of letters, runs of digits)?  Yes unless an
    entity was unescaped in norm ("&") or a letter touches a digit.  (For a line without glued
    pairs: _widget splits those.)"""
    return "&" not in classes and (
        "0" not in classes
        or not ("a0" in classes or "0a" in classes or "A0" in classes or "0A" in classes)
    )


def _camel_pair(text: str, classes: str | None) -> bool:
    """_CAMEL_PAIR.search(text): a lower-case letter or digit straight before a capital."""
    if classes is None:
        return _CAMEL_PAIR.search(text) is not None
    return "aA" in classes or "0A" in classes


def _glue_at(text: str, classes: str | None) -> bool:
    """_GLUE_AT.search(text), its three alternatives written out by character class."""
    if classes is None:
        return _GLUE_AT.search(text) is not None
    return (
        "Aa" in classes
        and ("aAa" in classes or "0Aa" in classes or "!Aa" in classes or "AAa" in classes)
    ) or "aAA" in classes


def _glued_widgets(text: str) -> bool:
    """Widget strings run together ("Follow us on TwitterThis page is supported by members",
    "Share this:Print this:Sign in to comment"): cut where they touch, at least half of the
    pieces (two at least, or one of two) are widgets or calls."""
    text = _unglue_names(text)
    cuts = [m.start() for m in _GLUE_AT.finditer(text)]
    if not cuts:
        return False
    pieces = zip([0, *cuts], [*cuts, len(text)], strict=True)
    parts = [p for p in (text[a:b].strip() for a, b in pieces) if p]
    if len(parts) < 2:
        return False
    hits = 0
    for k, p in enumerate(parts):
        # (a lone topic word is a hump of a brand as often: "RouteFeedWatch")
        if p.casefold() not in _TOPIC_WORDS and (
            _widget(p, _CAMEL_PAIR.search(p) is not None) or _ACTION_LEAD.search(p.casefold())
        ):
            hits += 1
        elif k > 0 and len(p.split()) >= glued_mod.MIN_BEFORE and p[-1] in ".!?":
            # widgets glued before a sentence ("Share this articleThe council voted …"): the
            # line is the sentence with a glued head, cut from it as the first line's (pipeline).
            # (A sentence with widgets glued after it stays a widget line: it may open the
            # page's furniture, and the pipeline gives the sentence back.)
            return False
    # a sentence with a brand in it ("Try PlanPal today for 30 days free!") cuts into a
    # call and the rest: a sentence needs two widget pieces (one ending in a full stop is
    # not looked at: widget strings end in a label, a "!" or a "?")
    need = 2 if text.rstrip().endswith(("!", "?")) else 1
    return hits * 2 >= len(parts) and hits >= need


def _glued(text: str) -> bool:
    """Two or more words each running into the next ("saveThis", "ChoicesTheme"), in a line
    with no code punctuation (identifiers in code are camel-cased too).  (Only a line with a
    _CAMEL_PAIR can have them.)"""
    if text.endswith((".", "?", "!")) or not _GLUED.search(text) or _CODE_CHARS.search(text):
        return False  # (most lines have no glued pair at all: one search, no split)
    # (hashtags and handles are camel-cased by custom: "#NightBusFans", "@CityHerald")
    return sum(1 for tok in text.split() if tok[0] not in "#@" and _GLUED.search(tok)) >= 2


_MENU_SEP: Final = re.compile(r"\s(?:\||·|•|»|›|/|>)\s")


def _has_menu_char(text: str) -> bool:
    # a few substring tests are far cheaper than the regex scan on the many lines without one
    return "|" in text or "/" in text or ">" in text or "·" in text or "•" in text or (
        "»" in text or "›" in text
    )

# Vocabulary of comment / share / follow / subscribe widgets.  A short line made (almost) only
# of these words, possibly glued without separators ("CommentsNo comment"), is a widget.
_WIDGET_WORDS: Final = frozenset(
    """
    comment comments commenting comentario comentarios commentaire commentaires kommentar kommentare
    reply replies respond responses leave add post write load show view hide see read more less
    share shares shared sharing teilen partager compartir tweet tweets retweet like likes liked
    facebook twitter x linkedin whatsapp telegram reddit pinterest tumblr email e mail print
    drucken imprimer imprimir copy link links url save saved bookmark bookmarks favorite favorites
    favourites subscribe subscribed subscription subscriptions newsletter newsletters abonnieren
    abonner suscribirse suscríbete sign up log login logout in out register account follow
    following followers us on our the a an this that these to your you for of and or with at by
    it its article articles story stories post posts page pages entire section rss feed feeds
    no none zero first be join conversation discussion disqus community social media icons
    icon buttons button menu toggle open close skip content main navigation nav search back top
    report inappropriate flag permalink embed react reactions vote votes rate rating
    please thanks thank here now today via sent send message messages notify me new
    replies powered cancel submit instagram youtube tiktok threads bluesky mastodon flipboard
    auf mit und per par sur et le la les du des en el los con y por del diesen cet ce cette
    teilen drucken kommentieren folgen abonnieren empfehlen senden artikel beitrag
    partager imprimer commenter suivre envoyer article réagir commentaire
    compartir imprimir comentar seguir enviar artículo suscríbete noticia
    condividi commenta commenti stampa iscriviti segui su articolo notizia
    compartilhe compartilhar partilhar comente comentários siga assine em site website
    comparte compártelo compartí partilhe redes sociales sociais copiar copia copie enlace
    ligação notícia esta este questa questo
    delen deel dit reageer reageren reactie reacties volg ons op printen afdrukken doorsturen
    bewaar bewaren opslaan stuur
    dela artikeln artiklen artikkelen följ følg oss os på skriv ut kommentarer kommentera spara
    skicka udskriv gem lagre del udostępnij artykuł obserwuj nas na komentarze komentarz drukuj
    wyślij
    watch listen pin audio version password l d passwort username forgot forgotten remember anmelden connexion contraseña
    type press hit enter keyword keywords modal looking what are
    """.split()
)


# Widget words that name no widget by themselves: a line of only these is not a widget.
_FILLER_WORDS: Final = frozenset(
    """us on our the a an this that to your you for of and or with at by it its in out up me no
    be here now today via new more less first back top main content article articles story
    stories page pages post posts section entire see read view show auf mit und per par sur et
    le la les du des en el los con y por del diesen cet ce cette artikel beitrag artículo
    noticia su articolo notizia em site website l d redes sociales sociais notícia esta este
    questa questo what are type press hit looking dit ons op oss os på nas na ut""".split()
)


# Widget words that are also everyday topics of headlines and list items.
_TOPIC_WORDS: Final = frozenset(
    """social media community conversation discussion rating rate vote votes report message
    messages account link links feed icons buttons button menu search open close flag remember
    forgot forgotten watch listen audio version enter""".split()
)


_YEAR: Final = re.compile(r"(?:19|20)\d\d$")


# Networks whose names are camel-cased: one word each, not two strings glued together
_CAMEL_NAMES: Final = re.compile(r"WhatsApp|LinkedIn|YouTube|TikTok|SoundCloud|GitHub|WeChat")


def _unglue_names(line: str) -> str:
    # (a space before the name: it may itself be glued to the word before, "noticiaWhatsApp")
    return _CAMEL_NAMES.sub(lambda m: " " + m.group(0).lower(), line)


def _widget(line: str, camel: bool) -> bool:
    """camel: does the line hold a glued pair (_CAMEL_PAIR)?  Most lines have none to split."""
    if camel:
        line = _CAMEL.sub(" ", _unglue_names(line))
    return _widget_words(_WORDISH.findall(line.casefold()))


# A review's own score ("Rating: 4/5", "Our score: 4.5 out of 5", "Rating: ★★★★☆"): the
# article's verdict, not a widget asking readers to rate (which counts votes or asks)
_SCORE: Final = re.compile(
    r"(?:(?:our|my|overall|average|editor'?s?|the|final)\s+)?(?:rating|score|verdict)\s*:?\s*"
    r"(?:\d+(?:[.,]\d+)?\s*(?:/|out\s+of)\s*\d+(?:[.,]\d+)?|[★☆✩✪⭐½]+|\d+(?:[.,]\d+)?\s+stars?)\W*$"
)


def _widget_words(toks: list[str]) -> bool:
    """The words of a line (_WORDISH's), in any order: are they a widget's?"""
    n = len(toks)
    if not toks or n > 10:
        return False
    # all words known, or all but one in a line of four or more; one loop that stops at the
    # first word too many
    spare = 1 if n >= 4 else 0
    key = strong = False
    for t in toks:
        if t in _WIDGET_WORDS:
            # must name a widget verb/noun, not just function words (nor a letter of a word)
            if len(t) > 1 and t not in _FILLER_WORDS:
                key = True
                strong = strong or t not in _TOPIC_WORDS
        # counters ("12 Comments") belong to widgets; a year ("… of 2025") to a headline
        elif not t.isdigit() or _YEAR.match(t):
            if not spare:
                return False
            spare -= 1
    # with a word foreign to widgets in the line ("Social Media Consultants in Wales"), a topic
    # word is not enough
    return key and (strong or spare == (1 if n >= 4 else 0))


# The site or its publisher named, in a long legal paragraph (en, de, fr, es, it, pt)
_SITE_WORDS: Final = frozenset(
    """site website page publisher publication seite website verlag angebot internetseite
    éditeur site página sitio editor editorial sito editore""".split()
)


# the words a long legal paragraph's notice holds (rarer than the copyright family's own)
_LEGAL_LONG_WORDS: Final = frozenset(
    """copyright urheberrechtlich protégé protégée protégés protégées protegido protegida
    protegidos protegidas protetto protetta reproduction vervielfältigung nachdruck
    reproducción riproduzione reprodução reserved vorbehalten réservés reservados riservati""".split()
)


def _first_sentence_end(norm: str) -> int:
    end = norm.find(". ")
    return len(norm) if end < 0 else end + 1


# Lines longer than this are tested for disclaimers and navigation only.
LONG_WORDS: Final = 40


# Words one of which every expression of a family needs: a cheap set test first.
_DISCLAIMER_WORDS: Final = frozenset(
    """agree agreeing warranty responsibility liability responsible liable views opinions reflect informational position positions
    information purposes constitute advice provided provides commission compensation affiliate
    sponsored produced published haftung gewähr garantie garantía constitutes meinung opinion
    engagent reflètent opiniones opinioni reflejan riflettono riflette beratung anlageberatung
    rechtsberatung steuerberatung finanzberatung constitue constituye costituisce affiliés
    affiliation afiliados affiliati provision comisión commissione engagent responsabilité
    indicatif informatif informativo indicativo responsable responsabilità responsabiliza
    verantwortung verantwortlich directeur direttore responsável übernehmen übernimmt
    informativos informatives informationszwecken informativa informativas
    partenariat sponsorisé patrocinado sponsorizzato gesponsert gesponserter gesponserten
    zukunftsgerichtete prospectives prospectivas""".split()
)
_SHORT_NOTICE_WORDS: Final = frozenset(
    """substitute guidance educational entertainment illustrative author writer contributor
    performance endorse recommendation offer solicitation general guarantee ai intelligence ki
    intelligenza inteligencia künstlicher partnership sponsored newsroom rédaction redaktion
    forward endorsed qualifying nonprofit profit nonpartisan partisan""".split()
)
# (common words: a long line holding one is prose, and is not sent through every family)
_COPYRIGHT_WORDS: Final = frozenset(
    """copyright c rights rechte droits derechos reproduced published broadcast rewritten
    redistributed cc creative licensed part vervielfältigung nachdruck weiterverbreitung
    wiedergabe reproduction reproducción riproduzione prohibida reserved vorbehalten réservés
    reservados riservati voorbehouden proibida reprodução trademark trademarks registered
    eingetragene déposée déposées registrada registradas registrato registrati protected
    urheberrechtlich protégé protégée protégés protégées protegido protegida protegidos
    protegidas protetto protetta vat amtsgericht registergericht handelsregister rcs siret iva
    mercantil trading distributed republish""".split()
)
_COOKIE_WORDS: Final = frozenset(
    """cookie cookies javascript browser continuing using browsing viewed enhance improve
    experience personalise personalize privacy consent sell share personal data accept reject
    decline datenschutz datenschutzerklärung datenschutzeinstellungen confidentialité privacidad
    activer aktivieren activa activar rectification rectify berichtigung rectificación rettifica
    retificação libertés rgpd gdpr dsgvo""".split()
)
_PAYWALL_WORDS: Final = frozenset(
    """reading subscribers subscriber member members account limit articles article stories left
    remaining unlock trial subscribe premium only exclusive exclusives free weiterlesen abonnenten abonnés suscriptores
    journalism unlimited digital illimité illimitado illimitato unbegrenzten unbegrenzter
    unbegrenzte supporter sign log login signin register your cancel""".split()
) | _WALL_WORDS
# The words a consent form's heading or its running sentence holds (en, fr, de, es, it, pt)
_CONSENT_CUES: Final = frozenset(
    """cookie cookies privacy privée confidentialité datenschutz privatsphäre privacidad
    privacidade riservatezza consent consentement einwilligung consentimiento consenso
    consentimento rgpd gdpr dsgvo acceptez poursuivant zustimmen aceptas acconsenti
    toestemming samtycke samtykke zgoda zgodę""".split()
)


# A consent form's controls: accepting, refusing, settings, in six languages
_CONSENT_CONTROLS: Final = frozenset(
    """accept accepter accepte akzeptieren aceptar acepto accetta accettare accetto aceitar aceito
    reject refuser ablehnen rechazar rifiuta rifiutare rejeitar decline deny allow agree ok okay
    all alle tout tous todas todos tutti settings preferences manage options paramétrer
    paramètres einstellungen verwalten configurar configuración impostazioni personalizza
    personalizar customize customise personnaliser anpassen save enregistrer speichern guardar
    salva salvar close fermer schließen cerrar chiudi fechar necessary nécessaires notwendige
    statistics statistiques statistiken marketing functional cookie cookies j i
    accepteren weigeren instellingen godkänn acceptera avvisa tillåt inställningar alla
    accepter afvis indstillinger godta innstillinger akceptuję akceptuj odrzuć ustawienia
    wszystkie""".split()
)


def consent_control(toks: list[str]) -> bool:
    """A consent form's button or option ("Accept all", "Tout refuser", "Einstellungen")."""
    return bool(toks) and 2 * sum(1 for t in toks if t in _CONSENT_CONTROLS) > len(toks)


def speaks_of_cookies(toks: list[str]) -> bool:
    """Does the line hold a word of a consent form (cookie, privacy, Datenschutz …)?"""
    return not _CONSENT_CUES.isdisjoint(toks)


# A line with none of these words (most lines) skips those four families at once ("©" is a
# token of its own).
_GATED_WORDS: Final = _DISCLAIMER_WORDS | _SHORT_NOTICE_WORDS | _COPYRIGHT_WORDS | _PAYWALL_WORDS | _COOKIE_WORDS | {"©"}


# Advertising slot markers: the one family that also sits in the middle of an article, and
# whose lines are never the article's own words.
# (an ad slot's label in the languages of Europe's larger news sites; each alone on its line)
_AD_WORD: Final = (
    r"(?:advertisement|advertising|ad|sponsored(?:\s+content)?|promoted|(?:paid|partner)\s+content"
    r"|anzeige|werbung|werbeanzeige|gesponsert|publicité|sponsorisé|publicidad|publicidade"
    r"|patrocinado|pubblicità|annuncio|anuncio|advertentie|reclame|gesponsord|reklame|reklama"
    r"|reclamă|annonce|annonse|annons|mainos|inzerce|hirdetés|διαφήμιση|реклама|pub)"
)
_AD_CONTINUES: Final = (
    r"(?:(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after\s+(?:this\s+|the\s+)?(?:advertisement|ad))"
    r"(?:\s+(?:this\s+)?(?:advertisement|ad))?|continue\s+reading\s+below|"
    r"scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:reading|with\s+content))?|weiter\s+nach\s+der\s+anzeige|"
    r"la\s+suite\s+après\s+(?:cette\s+)?(?:publicité|la\s+publicité)|"
    r"continúa\s+después\s+de\s+la\s+publicidad)"
)
# a slot's word (once or twice: a crawl may keep a slot's label and its placeholder's),
# maybe followed by where the text resumes ("Advertisement - Continue reading
# below"), or that line alone; dashes may frame it ("— Advertisement —"), but "- Ad" is a
# list's item
_AD_MARKER: Final = re.compile(
    rf"(?:-+\s*)?(?:{_AD_WORD}(?:\s+{_AD_WORD})?(?:\s*[-:–—|·]?\s*{_AD_CONTINUES})?|{_AD_CONTINUES})[\s.:!…\-–—]*"
)


# every alternative above opens with one of these
AD_PREFIXES: Final = (
    "ad", "sponsored", "anzeige", "werbung", "pub", "story", "article", "continu", "scroll",
    "weiter", "la", "the story", "the article", "- ", "--",  # (dashes are folded to "-")
    "promoted", "paid", "partner", "werbeanzeige", "gesponsert", "gesponsord", "sponsoris",
    "patrocinado", "annuncio", "anuncio", "reclam", "reklam", "annon", "mainos", "inzerce",
    "hirdetés", "διαφήμιση", "реклама",
)


# their first two characters: a set test that turns away most lines before startswith()
# (a prefix shorter than two characters would need another test: refuse it here)
assert all(len(p) >= 2 for p in AD_PREFIXES), "AD_STARTS holds two-character starts"
AD_STARTS: Final = frozenset(p[:2] for p in AD_PREFIXES)


# What an embedded post, video or player leaves in a page's text: a placeholder or a player's
# label ("[Embedded content]", "Loading video…", "View this post on Instagram"), a bare media
# link ("pic.twitter.com/…"), or a consent placeholder where the embed was blocked.  Like ad
# slots they sit anywhere in the body and are never the article's words.  (An embedded post's
# own text and its signature line, "— Ana Ruiz (@anaruiz) March 3, 2025", are the article's:
# the story quotes the post.)
_EMBED: Final = re.compile(
    r"\[?\s*(?:embedded|embed)\s+(?:content|video|post|tweet|media|audio)\s*\]?"
    r"|(?:eingebetteter\s+inhalt|contenu\s+intégré|contenido\s+incrustado|contenuto\s+incorporato)"
    r"|(?:loading|buffering)\s+(?:the\s+)?(?:video|player|media|audio)"
    r"|(?:video|vidéo|vídeo)\s+(?:wird\s+geladen|en\s+cours\s+de\s+chargement|cargando)"
    r"|(?:click|tap|press)\s+(?:here\s+)?to\s+(?:play|unmute|watch|load)(?:\s+(?:the\s+)?(?:video|audio|media|content))?"
    r"|watch\s+(?:it\s+)?on\s+(?:youtube|vimeo|tiktok)"
    r"|view\s+(?:this\s+)?(?:post|reel|video|photo)\s+on\s+(?:instagram|facebook|x|twitter|tiktok|threads)"
    r"|(?:recommended|related|featured|trending|more)\s+videos?"
    r"|listen\s+to\s+(?:this|the)\s+(?:article|story|post)"
    r"|(?:this\s+)?(?:content|embed|video|post)\s+(?:is\s+)?(?:not\s+available|unavailable|blocked|cannot\s+be\s+(?:shown|displayed))"
    r"\s+(?:due\s+to|because\s+of)\s+your\s+(?:privacy|cookie|consent)\b.{0,40}"
    r"|an?\s+(?:post|photo|video|reel)\s+shared\s+by\b[^.]{0,60}"
    r"|continue\s+reading\s+(?:the\s+)?(?:main\s+)?(?:story|article)"
    r"|follow\s+@\w{1,30}\s+on\s+(?:x|twitter|instagram|threads|tiktok|bluesky)"
    r"|(?:https?://)?(?:pic\.twitter\.com|t\.co|youtu\.be|instagr\.am|vm\.tiktok\.com)/\S+"
    # a player's or a picture's placeholder and its controls ("Loading...", "Click to
    # expand"), an embedded picture's label, the way to a post consent hid
    r"|loading|buffering|(?:click|tap)\s+to\s+(?:expand|enlarge|zoom)"
    r"|embed\s+from\s+[\w ]{1,30}"
    r"|(?:update|change|manage)\s+your\s+(?:privacy\s+|cookie\s+|consent\s+)?(?:settings|preferences)"
    r"\s+(?:here\s+)?to\s+(?:see|view|watch|load|show)\s+(?:it|this(?:\s+\w+)?|the\s+\w+)"
)
EMBED_WORDS: Final = 14  # a placeholder or a post's signature is this short


# the first words the alternatives above open with (and the media links' hosts): a set test on
# a line's first word turns away most short lines of a body before the expression runs
_EMBED_FIRST: Final = frozenset(
    """[ [embedded embedded embed eingebetteter contenu contenido contenuto loading buffering video
    vidéo vídeo click tap press watch view recommended related featured trending more listen this
    content post a an continue follow update change manage""".split()
)
_EMBED_HOSTS: Final = ("http", "pic.twitter.com/", "t.co/", "youtu.be/", "instagr.am/", "vm.tiktok.com/")


# What a media player or a gallery prints as text, in the six languages: its controls and
# states ("Play video", "Toggle caption", "Open gallery", "Player is loading"), a position or a
# length ("0:00 / 2:35", "Duration: 2:14", "Image 3 of 12", "8 photos") and the fallback a
# browser without the player shows ("Your browser does not support the video tag.").  Only
# the controls' verbs, the media's nouns and figures: a line with any other word (a caption,
# an article's "Watch the debate tonight") is not one.
_MEDIA_NOUN: Final = (
    r"(?:video|vid[ée]o|audio|podcast|player|lecteur|gallery|galerie|galer[ií]a|galleria|slideshow|"
    r"diaporama|image|photo|picture|foto|bild|imagen|immagine|imagem|caption|légende|media|clip)s?"
)
_MEDIA_COUNT: Final = (
    r"(?:photos?|images?|pictures?|slides?|bilder|fotos?|im[áa]genes|immagini|imagens|vid[ée]os?|"
    r"clips?)"
)
_TIME: Final = r"\d{1,2}:\d{2}(?::\d{2})?"
_MEDIA: Final = re.compile(
    # a control over its medium ("Play video", "Toggle caption", "Open gallery"); a word alone
    # ("Audio", "Play", "Up next") may be the article's heading or list item
    r"(?:play|pause|replay|stop|mute|unmute|close|open|view|show|hide|toggle|enlarge|"
    r"expand|launch|watch|start|abspielen|lire|reproducir|riproduci|reproduzir)\s+"
    r"(?:the\s+|this\s+|all\s+|more\s+|full\s+)?" + _MEDIA_NOUN + r"(?:\s+(?:player|gallery))?"
    r"|(?:video\s+|photo\s+|image\s+)?(?:player|gallery)\s+(?:is\s+)?loading"
    r"|skip\s+(?:ad|intro)|exit\s+full\s*screen"
    # a position or a length
    rf"|{_TIME}\s*/\s*{_TIME}"
    rf"|(?:duration|length|runtime|dauer|durée|duración|durata|duração)\s*:?\s*{_TIME}(?:\s*min\w*)?"
    r"|(?:image|photo|picture|slide|bild|foto|imagen|immagine|imagem)\s+\d{1,3}\s*(?:of|/|von|sur|de|di)\s*\d{1,3}"
    r"|\d{1,3}\s+of\s+\d{1,3}"  # ("9/11" alone is a heading)
    rf"|\d{{1,3}}\s+{_MEDIA_COUNT}"
    # the fallback of a browser without the player
    r"|(?:sorry,?\s+)?your\s+browser\s+(?:does\s+not|doesn't|doesn’t|cannot|can't|can’t)\s+"
    r"(?:support|play)\s+(?:the\s+|this\s+|html5\s+|embedded\s+)*(?:video|audio|media|iframes?)"
    r"(?:\s+(?:tag|element|playback|format|file))?"
)
_MEDIA_FIRST: Final = frozenset(
    """play pause replay stop mute unmute skip close open view show hide toggle enlarge expand
    launch watch start abspielen lire reproducir riproduci reproduzir exit video photo image
    player gallery duration length runtime dauer durée duración durata duração picture slide
    bild foto imagen immagine imagem sorry your""".split()
)


def is_media_control(norm: str, first: str | None = None) -> bool:
    """A media player's or a gallery's own text (_MEDIA).  (norm: lower case, dashes folded;
    first: its first word, when the caller has it)"""
    if first is None:
        space = norm.find(" ")
        first = norm if space < 0 else norm[:space]
    if not (first in _MEDIA_FIRST or first[:1].isdigit() or (first[-1:] == ":" and first[:-1] in _MEDIA_FIRST)):
        return False
    return _MEDIA.fullmatch(norm.rstrip(" .…!:")) is not None


_DURATION: Final = re.compile(
    rf"{_TIME}|\d{{1,3}}\s*(?:min|mins|minutes?|minuten|minutos|minuti|sec|secs|seconds?)\.?"
    r"(?:\s+(?:listen|read|watch|video|audio))?"
)


def is_duration(norm: str) -> bool:
    """A bare length ("4 min", "3:45", "12 minutes listen"): a player's, next to one."""
    return norm[:1].isdigit() and _DURATION.fullmatch(norm.rstrip(" .")) is not None


def is_embed_leftover(norm: str) -> bool:
    """(norm: lower case, dashes folded)"""
    space = norm.find(" ")
    first = norm.rstrip(" .…!:") if space < 0 else norm[:space]  # ("Loading...": one word)
    if first not in _EMBED_FIRST and not first.startswith(_EMBED_HOSTS):
        # (the media gate inline: most lines fail it, and a call costs more than the test)
        if first in _MEDIA_FIRST or first[:1].isdigit() or first[-1:] == ":":
            return is_media_control(norm, first)
        return False
    return _EMBED.fullmatch(norm.rstrip(" .…!:")) is not None or is_media_control(norm, first)


# A page's feedback widget under the article: "Was this article helpful?", "Report an error",
# "Rate this article" (and in de/fr/es/it/pt), a question or a call of a few words.
_FEEDBACK: Final = re.compile(
    r"(?:was|is)\s+this\s+(?:article|page|post|story|answer|information|guide)\s+(?:helpful|useful)\b"
    r"|did\s+you\s+find\s+this\s+(?:article|page|post|story|information)\s+(?:helpful|useful)\b"
    r"|(?:report|flag)\s+(?:an?\s+)?(?:error|issue|problem|inaccuracy|typo|correction)s?(?:\s+in\s+this\s+(?:article|story))?\W*$"
    r"|rate\s+this\s+(?:article|page|post|story)\b|(?:give|send|leave)\s+(?:us\s+)?(?:your\s+)?feedback\W*$"
    r"|(?:war|ist)\s+dieser\s+(?:artikel|beitrag)\s+hilfreich\b|(?:fehler|problem)\s+melden\W*$"
    r"|cet\s+article\s+vous\s+a-t-il\s+été\s+utile\b|signaler\s+une\s+erreur\W*$"
    r"|¿?(?:te\s+ha\s+resultado\s+|(?:fue|es|ha\s+sido)\s+)útil\s+(?:este|esta)\s+(?:artículo|página|información)\b|reportar\s+un\s+error\W*$"
    r"|questo\s+articolo\s+(?:ti\s+)?è\s+stato\s+utile\b|segnala\s+un\s+errore\W*$"
    r"|este\s+artigo\s+(?:foi\s+)?útil\b|(?:reportar|comunicar)\s+(?:um\s+)?erro\W*$"
)
_FEEDBACK_FIRST: Final = frozenset("wirdfrgscqe¿")
# A comment section's own lines: its heading, its call to the reader, its house rules (en, de,
# fr, es): "Reader comments", "Share your thoughts in the comments below", "Comments are
# moderated", "Commenting is closed".
COMMENT_PROMPT_WORDS: Final = 20
_COMMENT_WORDS: Final = frozenset(
    "comment comments commenting kommentar kommentare commentaire commentaires comentario comentarios".split()
)
# A comment form's own lines, in seven languages: its heading, the notes under it (the
# commenter's address kept private, the fields to fill in, the browser keeping the name, a spam
# filter's note) and its button.  Each speaks to the commenter about the form; gated by their words.
_COMMENT_FORM: Final = _gated(
    ("laisser laissez deja deixe lascia schreibe schreiben kommentar",
     r"^(?:laisse[rz]\s+un\s+commentaire|deja\s+(?:una\s+respuesta|un\s+comentario)|deixe\s+(?:uma\s+resposta|um\s+comentário)"
     r"|lascia\s+(?:un\s+commento|una\s+risposta)|(?:schreibe|schreiben\s+sie)\s+einen\s+kommentar|kommentar\s+(?:schreiben|verfassen|abschicken|absenden))\W*$"),
    ("published veröffentlicht publiée publicada pubblicato publicado",
     r"^(?:your|ihre|deine|votre|tu|su|il\s+tuo|o\s+seu|seu)\s+(?:e-?mail\s+address|e-?mail-adresse|adresse\s+(?:e-?mail|de\s+messagerie)"
     r"|dirección\s+de\s+correo(?:\s+electrónico)?|indirizzo\s+e-?mail|endereço\s+de\s+e-?mail)\s+"
     r"(?:will\s+not|wird\s+nicht|ne\s+sera\s+pas|no\s+será|non\s+sarà|não\s+será)\s+(?:be\s+)?"
     r"(?:published|veröffentlicht|publiée|publicada|pubblicato|publicado)\b"),
    ("required", r"^required\s+fields\s+are\s+marked\b"),
    ("save", r"^save\s+my\s+name,?\s+e-?mail,?\s+(?:and\s+)?website\s+in\s+this\s+browser\b"),
    ("spam", r"^this\s+site\s+uses\s+[\w-]{2,20}\s+to\s+reduce\s+spam\b"),
    ("publicar pubblica envoyer",
     r"^(?:publicar\s+(?:el\s+)?comentario|publicar\s+comentário|pubblica\s+(?:il\s+)?commento|envoyer\s+(?:le\s+)?commentaire)\W*$"),
)
_COMMENT_FORM_WORDS: Final = frozenset().union(*(words for words, _rx in _COMMENT_FORM))
_COMMENT_PROMPT: Final = re.compile(
    r"^(?:reader|readers'?|user|your|latest|top)\s+comments?\W*$"
    r"|\b(?:share|leave|post|add|tell\s+us)\s+(?:us\s+)?(?:your\s+)?(?:thoughts|comments?|views|opinions?)\b"
    r"[^.!?]{0,30}\b(?:below|comments?(?:\s+section)?)\W*$"
    r"|^comments?\s+(?:are|will\s+be)\s+(?:moderated|reviewed|pre-moderated|closed|disabled|turned\s+off)\b"
    r"|^comment(?:ing|s)?\s+(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:closed|disabled)\b"
    r"|^(?:die\s+)?kommentarfunktion\s+(?:ist|wurde)\s+(?:\w+\s+)?(?:geschlossen|deaktiviert)\b"
    r"|^les\s+commentaires\s+sont\s+(?:fermés|modérés)\b|^los\s+comentarios\s+(?:están\s+cerrados|son\s+moderados)\b"
)


def is_ad_marker(norm: str) -> bool:
    """(norm: dashes folded to "-")"""
    return (
        len(norm) <= 60
        and norm[:2] in AD_STARTS
        and norm.startswith(AD_PREFIXES)
        and _AD_MARKER.fullmatch(norm) is not None
        # a leading dash frames the marker only with one after it: "- Ad" is a list's item
        and (norm[0] != "-" or norm.rstrip(" .:!…").endswith("-"))
    )


# Newsletter and mailing-list sign-up boxes, in any wording around these nouns.
_NEWSLETTER: Final = re.compile(
    r"\b(?:newsletters?|mailing\s+list|e-?mail\s+(?:list|updates|alerts)|inbox)\b.*\b(?:sign|subscribe|join|get|enter|receive|delivered)\b|"
    r"\b(?:sign\s+up|subscribe|join|enter\s+your\s+e-?mail|get|receive|delivered|sent|straight)\b.*\b(?:newsletters?|mailing\s+list|updates|inbox|briefing)\b|"
    # (the inbox in German, French, Spanish, Italian and Portuguese)
    r"\b(?:in\s+ihr(?:em)?\s+(?:e-mail-)?postfach|dans\s+votre\s+boîte\s+(?:mail|e-mail|de\s+réception)|"
    r"en\s+tu\s+(?:bandeja\s+de\s+entrada|correo)|nella\s+tua\s+(?:casella|email|e-mail)|"
    r"n[oa]\s+seu\s+(?:e-?mail|caixa\s+de\s+entrada))\b|"
    r"\b(?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our\s+)?(?:e-?mail\s+|breaking\s+news\s+|news\s+)?alerts\b|"
    r"^(?:please\s+)?enter\s+your\s+e-?mail(?:\s+address)?\W*$|"
    # German, French, Spanish, Italian, Portuguese sign-ups
    r"\b(?:newsletter|infolettre|lettre\s+d'information|bolet[ií]n|boletim|bulletin)\b.*"
    r"\b(?:abonnieren|anmelden|bestellen|inscri\w*|abonne\w*|s'abonner|recevez|suscr[ií]b\w*|"
    r"recib\w*|iscriviti|ricevi|inscreva\w*|assine|receba)\b|"
    r"\b(?:abonnieren|melden\s+sie\s+sich|inscri\w*|abonnez|s'abonner|suscr[ií]b\w*|"
    r"iscriviti|inscreva\w*|assine|recevez|recibe|ricevi|receba)\b.*\b(?:newsletter|infolettre|lettre\s+d'information|"
    r"bolet[ií]n|boletim|bulletin)\b|"
    # Dutch
    r"\bnieuwsbrie(?:f|ven)\b.*\b(?:aanmelden|inschrijven|abonneren|ontvangen|ontvang|meld|schrijf)\b|"
    r"\b(?:meld\s+(?:je|u)\s+aan|schrijf\s+(?:je|u)\s+in|abonneer|ontvang)\b.*\bnieuwsbrie(?:f|ven)\b|"
    # Swedish, Danish, Norwegian, Polish
    r"\b(?:prenumerera|anmäl\s+dig|registrera\s+dig|tilmeld\s+dig|meld\s+deg\s+på|abonner\w*|zapisz\s+się|subskrybuj)\b"
    r".*\b(?:nyhetsbrev\w*|nyhedsbrev\w*|newslettera?)\b|"
    r"\b(?:nyhetsbrev\w*|nyhedsbrev\w*|newslettera)\b.*\b(?:prenumerera|anmäl|tilmeld|meld|zapisz|subskrybuj)\b"
)


# An app store's badge, as a page's footer prints it (en, fr, de, es, it, pt)
_STORE_BADGE: Final = re.compile(
    r"^(?:download\s+on\s+the|available\s+on\s+the|get\s+it\s+on|disponible\s+sur|jetzt\s+(?:bei|im)|"
    r"laden\s+im|consíguelo\s+en|descárgalo\s+en|disponible\s+en|disponibile\s+su|scarica\s+su|"
    r"disponível\s+no|baixar\s+no)\s+(?:l'|el\s+|the\s+)?(?:app\s+store|google\s+play)\b"
)


def _newsletter(norm: str) -> bool:
    # both alternatives name a newsletter, a mail(ing list), an inbox or updates
    return (
        "mail" in norm or "newsletter" in norm or "inbox" in norm or "updates" in norm
        or "alerts" in norm or "briefing" in norm or "postfach" in norm or "boîte" in norm
        or "bandeja" in norm or "correo" in norm or "casella" in norm or "caixa" in norm
        or "bolet" in norm or "bulletin" in norm or "lettre" in norm or "nieuwsbrie" in norm
        or "nyhetsbrev" in norm or "nyhedsbrev" in norm
    ) and _NEWSLETTER.search(norm) is not None


# An article page's tools (reading time, a listen button) and a social post's credit.
_READING_AID: Final = re.compile(
    r"(?:\d+|one|two|three|four|five|ten)\s*-?\s*(?:min(?:ute)?s?|m)\.?\s+(?:read|listen|watch)\W*$|"
    r"(?:estimated\s+)?(?:reading|read|listening)\s+time\s*[:\-–]?\s*(?:about\s+|approx\.?\s+|less\s+than\s+)?"
    r"(?:\d+|one|a|an)\b[^.]{0,15}$|"
    r"(?:lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\s*:?\s*(?:ca\.\s*)?\d+\b[^.]{0,12}\.?$|"
    r"(?:listen|audio)(?:\s+(?:version|to\s+(?:this|the)\s+(?:article|story|post|episode)))?"
    r"\s*(?:[·:|-]\s*)?(?:\d+:\d\d)?$|"
    # a player's button to hear the article, in de, fr, es, it, pt, nl
    r"(?:(?:artikel\s+|beitrag\s+|text\s+)?(?:vorlesen(?:\s+lassen)?|anhören)|"
    r"(?:écouter|ecouter)\s+(?:cet\s+|l')(?:article|audio)|"
    r"escuch(?:ar|a|e)\s+(?:este\s+|esta\s+|el\s+|la\s+)?(?:artículo|articulo|nota|noticia)|"
    r"ascolta\s+(?:questo\s+|l')articolo|"
    r"(?:ouvir|ouça|ouca)\s+(?:este\s+|o\s+)?(?:artigo|texto)|"
    r"(?:beluister|luister\s+naar)\s+(?:dit|het)\s+artikel|lees\s+voor)"
    r"\s*(?:[·:|-]\s*)?(?:\d+:\d\d)?$"
)
_EMBED_CREDIT: Final = re.compile(r"an?\s+(?:post|photo|video|reel)\s+shared\s+by\b[^.]{0,60}$")
# every alternative above opens with one of these (a count opens with a digit), and so with
# one of these characters (one set test turns most lines away)
_READING_AID_LEADS: Final = (
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "one", "two", "three", "four", "five",
    "ten", "estimated", "reading", "read", "listening", "lesezeit", "temps", "tiempo", "listen",
    "audio", "a ", "artikel", "beitrag", "text", "vorlesen", "anhören", "écouter", "ecouter",
    "escuch", "ascolta", "ouvir", "ouça", "ouca", "beluister", "luister", "lees",
)
_READING_AID_FIRST: Final = frozenset(p[0] for p in _READING_AID_LEADS)


# Calls to action that open a short line: "Share this recipe", "Start a free trial".
_ACTION_LEAD: Final = _rx(
    r"^(?:please\s+)?(?:share|print|save|subscribe|follow|comment|email|e-mail|tweet|pin|bookmark|donate|sign\s+(?:up|in)|log\s*in|register|join|buy|shop|order|try|click|tap|start|create|upgrade|unlock|claim|skip\s+to|jump\s+to|open|close|toggle|load|show|hide)\b",
    r"^(?:please\s+)?(?:become\s+a\s+(?:member|subscriber|supporter|donor|patron|sustainer)|give\s+(?:now|today|monthly|once))\b",
)
# Softer verbs: articles end with "Contact a lawyer…", "Learn more about…" lines of their own.
_SOFT_ACTION_LEAD: Final = _rx(
    r"^(?:please\s+)?(?:get|download|watch|listen|view|see|explore|discover|learn|contact|call|request|visit|book|go\s+to|back\s+to|return\s+to)\b",
)


# The expressions tried at the start of a short line (up to 8 words), as alternatives of one:
# when none of them matches there (most lines), one match call says so instead of six.  Each
# is anchored at the start ("^", or match()), so search() and match() agree on it; the ad
# marker is matched whole (fullmatch) and so is followed by \Z here.
_LEADS: Final = re.compile(
    "|".join(
        f"(?:{rx.pattern})"
        for rx in (
            _DISCLAIMER_HEAD, _DISCLAIMER_LEAD, _ACTION_LEAD, _SOFT_ACTION_LEAD, _RELATED_INLINE,
            _RELATED_HEAD_LEAD,
        )
    )
    + rf"|(?:{_AD_MARKER.pattern})\Z"
)


def classify(text: str, norm: str, words: int, toks: list[str] | None = None) -> str | None:
    """Family name for one line, or None.  norm: the line's normalised form (`normalise`, or
    the view's Line.norm); toks: tokens(norm), if already at hand."""
    if words > MAX_WORDS or len(text) > MAX_CHARS:
        return None
    if toks is None:
        toks = tokens(norm)
        if (
            words > LONG_WORDS
            and _DISCLAIMER_WORDS.isdisjoint(toks)
            and (words > 90 or _LEGAL_LONG_WORDS.isdisjoint(toks) or _SITE_WORDS.isdisjoint(toks))
        ):
            # A long line: only the disclaimer words are looked up (every other family that
            # looks words up has shorter lines; the short notices' words make short notices,
            # and a long line holding one is prose), and most prose has none of them: what is
            # left is what the tests below ask of such a line.  (Its words and one set test
            # cost half the substring tests of the words' stems that were here.)
            if words <= 60 and _disclaimer_lead(norm):
                return "disclaimer"
            return _navigation(text, False)
    # (almost every line passes every test below: each is written in its cheapest form)
    # (a short line that none of the expressions anchored at its start matches needs none of
    # them tried; a longer one tries those it is long enough for)
    lead = words > 8 or _LEADS.match(norm) is not None
    if words <= 8 and lead:
        if is_ad_marker(norm):
            return "ad_marker"
        if _DISCLAIMER_HEAD.search(norm):
            return "disclaimer"
    if words <= 6 and toks and toks[0] in _LEGAL_LEADS and _LEGAL_HEAD.match(norm):
        return "disclaimer"
    if words <= 4 and toks and toks[0] in _FOOTER_PAGE_LEADS and _FOOTER_PAGE.match(norm):
        return "navigation"
    gated = not _GATED_WORDS.isdisjoint(toks)
    if (
        gated
        and (
            not _DISCLAIMER_WORDS.isdisjoint(toks)
            or (words <= LONG_WORDS and not _SHORT_NOTICE_WORDS.isdisjoint(toks))
        )
        and _search_gated(_DISCLAIMER_BODY, toks, norm)
    ) or (words <= 60 and lead and _disclaimer_lead(norm)):
        return "disclaimer"
    if (
        gated
        and words <= 30
        and ("©" in norm or "®" in norm or "™" in norm or not _COPYRIGHT_WORDS.isdisjoint(toks))
        and (_COPYRIGHT.search(norm) or ("©" in norm and _COPYRIGHT_MID.match(norm)))
    ):
        return "copyright"
    if words <= 8 and norm.startswith(_SITE_CREDIT_LEADS) and _SITE_CREDIT.match(norm):
        return "copyright"
    if (
        gated
        and 30 < words <= 90
        and not _LEGAL_LONG_WORDS.isdisjoint(toks)
        and not _SITE_WORDS.isdisjoint(toks)
        and _COPYRIGHT.search(norm, 0, _first_sentence_end(norm))
    ):
        # a site's legal paragraph: its first sentence a copyright or reproduction notice,
        # about the site or its publisher ("All content of this site is protected …")
        return "copyright"
    if (
        gated
        and words <= 30
        and not _PAYWALL_WORDS.isdisjoint(toks)
        and _search_gated(_PAYWALL, toks, norm)
    ):
        return "paywall"
    if (
        words <= APPEAL_WORDS
        and not _APPEAL_WORDS.isdisjoint(toks)
        and _search_gated(_APPEAL, toks, norm)
        and _REPORTING.isdisjoint(toks)
    ):
        return "call_to_action"
    if words <= 10 and norm[:1] in _READING_AID_FIRST and norm.startswith(_READING_AID_LEADS):
        if _READING_AID.match(norm):
            return "reading_aid"
        if _EMBED_CREDIT.match(norm):
            return "widget"
    # a glued pair, looked for once: widgets split at it, glued widget strings need it
    # (ASCII lines: the glue expressions' work done by substring tests on character classes)
    classes = _ascii_classes(text) if words <= 25 and text.isascii() else None
    camel = words <= 20 and _camel_pair(text, classes)
    if words <= 12 and (
        _widget_words(toks)
        if classes is not None and not camel and _toks_are_wordish(classes)
        else _widget(text, camel)
    ) and not (words <= 6 and _SCORE.match(norm)):
        return "widget"
    if words <= 10 and norm[:1] in _FEEDBACK_FIRST and _FEEDBACK.match(norm):
        return "widget"
    if (
        words <= COMMENT_PROMPT_WORDS
        and not _COMMENT_WORDS.isdisjoint(toks)
        and _COMMENT_PROMPT.search(norm)
        and _REPORTING.isdisjoint(toks)  # ("Comments are closed, the council said")
    ):
        return "widget"
    if (
        words <= COMMENT_PROMPT_WORDS
        and not _COMMENT_FORM_WORDS.isdisjoint(toks)
        and _search_gated(_COMMENT_FORM, toks, norm)
    ):
        return "widget"
    if words <= 15 and _newsletter(norm):
        return "widget"
    if words <= 8 and ("store" in norm or "play" in norm) and _STORE_BADGE.match(norm):
        return "widget"
    # a page's jump links ("Back to top", "« Older"): asked before the calls, whose verbs
    # some of them open on
    if words <= 6 and toks and toks[0] in _JUMP_WORDS and _JUMP.match(norm):
        return "navigation"
    if words <= 8 and lead and _ACTION_LEAD.search(norm) and not norm.endswith((".", "?", ":")) or (
        words <= 12 and "click here" in norm
    ):
        return "call_to_action"
    if (
        words <= 8
        and lead
        and _SOFT_ACTION_LEAD.search(norm)
        and not norm.endswith((".", "?", ":"))
    ):
        return "soft_call_to_action"
    if (
        gated
        and words <= 40
        and not _COOKIE_WORDS.isdisjoint(toks)
        and _search_gated(_COOKIE, toks, norm)
        # (a story's sentence reports on cookies or privacy settings: "The retailer said it
        # had changed its privacy settings"; a consent notice speaks as the site)
        and _REPORTING.isdisjoint(toks)
        and " found that " not in norm
    ):
        return "cookie_notice"
    if words <= 30 and (
        lead and _RELATED_INLINE.search(norm) or (text[:1] in "PNO" and _POST_NAV.match(text))
    ):
        return "related_link"
    if words <= 5 and not _MOST_WORDS.isdisjoint(toks) and _MOST_READ.match(norm):
        return "related_header"
    if (
        words <= 10
        and _related_head(norm, lead)
        and not norm.endswith(("...", "…"))
        and not _CLAUSE_VERB.search(norm)
    ):
        return "related_header"
    if camel and _glued(text):
        return "glued_widgets"
    if words <= 25 and text[-1:] != "." and _glue_at(text, classes) and _glued_widgets(text):
        return "glued_widgets"
    if words <= 8 and toks and toks[0] in _SECTION_WORDS and _section_menu(toks):
        return "navigation"
    if words <= TAG_LIST_WORDS and toks and toks[0] in _TAG_LEADS and _TAG_LIST.match(norm):
        return "tag_list"
    if words <= 6 and toks and toks[0] in _AUTHOR_LEADS and _AUTHOR_HEAD.match(norm):
        return "author_box"
    return _navigation(text, words <= SPACED_MENU_WORDS)


# A page's jump links: back to the top, more of the section's news (en, de, fr, es, it, pt).
_JUMP: Final = re.compile(
    # (a pager's buttons too: "« Older", "Newer »", "Next →"; an arrow before any: "↑ Back to top")
    r"[^\w\s]{0,2}\s*(?:older|newer|previous|prev|next)\W*$|"
    r"[^\w\s]{0,2}\s*(?:back\s+to\s+(?:the\s+)?top|(?:zurück\s+)?nach\s+oben|zum\s+seitenanfang|"
    r"(?:retour\s+)?en\s+haut(?:\s+de\s+(?:la\s+)?page)?|haut\s+de\s+page|"
    r"volver\s+arriba|ir\s+arriba|subir|torna\s+(?:su|in\s+alto|all'inizio)|"
    r"voltar\s+ao\s+topo|ir\s+para\s+o\s+topo|"
    r"(?:ver|leer)\s+más(?:\s+(?:noticias|artículos|de\s+\w+))?|más\s+noticias|"
    r"(?:voir|lire)\s+plus(?:\s+d'(?:articles|actualités|infos))?|plus\s+d'(?:articles|actualités|infos)|"
    r"mehr\s+(?:nachrichten|artikel|meldungen)|weitere\s+(?:nachrichten|meldungen)|"
    r"altre\s+notizie|leggi\s+(?:di\s+più|tutte\s+le\s+notizie)|"
    r"ver\s+mais(?:\s+notícias)?|mais\s+notícias|leia\s+mais)\W*$"
)
# A story's tags or topics under a label ("Tags: city council, buses", "Filed under Local
# news", "Schlagworte: Politik"): a short list, no sentence (en, de, fr, es, it, pt).
TAG_LIST_WORDS: Final = 14
_TAG_LIST: Final = re.compile(
    r"(?:(?:tags?|tagged|topics?|categor(?:y|ies)|keywords|schlagw[öo]rter?|stichw[öo]rter|themen|"
    r"mots[- ]cl[ée]s|[ée]tiquettes?|sujets|etiquetas|temas|palabras\s+clave|argomenti|"
    r"parole\s+chiave|assuntos)\s*:|filed\s+under\b:?|tagged\s+(?:with|in|as)\b:?)"
    r"\s*[^\s.!?:][^.!?]{0,120}$"
)
_TAG_LEADS: Final = frozenset(
    "tag tags tagged topic topics category categories keywords schlagworte schlagwort schlagwörter"
    " schlagwörte stichwörter themen mots étiquette étiquettes etiquette etiquettes sujets"
    " etiquetas temas palabras argomenti parole assuntos filed".split()
)
_JUMP_WORDS: Final = frozenset(
    "back zurück nach zum retour en haut volver ir subir torna voltar ver leer más voir lire"
    " plus mehr weitere altre leggi mais leia older newer previous prev next".split()
)


# A news site's sections, which its menus list without separators ("News Sport Weather").
_SECTION_WORDS: Final = frozenset(
    """home news latest local national world international politics business economy money
    markets finance tech technology science health sport sports football weather culture arts
    art entertainment lifestyle life style travel food drink books music film films movies tv
    television video videos podcasts podcast photos opinion opinions comment analysis features
    education environment climate obituaries jobs careers property motoring cars games puzzles
    crosswords puzzle events shop deals sections topics categories about contact us more
    nachrichten politik wirtschaft kultur wetter sport actualités économie météo noticias
    deportes economía cultura tiempo rubriken rubriques secciones blog""".split()
)


def _section_menu(toks: list[str]) -> bool:
    """A short line of section names only, three or more ("News Sport Weather Culture"), or
    a menu's own heading or first item alone ("Sections", "Home")."""
    words = [t for t in toks if t not in ("and", "&")]
    if len(words) == 1:
        return words[0] in (
            "home", "blog", "shop", "news", "about", "contact", "sections", "categories",
            "topics", "rubriken", "rubriques", "secciones",
        )
    if not all(t in _SECTION_WORDS for t in words):
        return False
    # ("About us", "Contact us": a site's own pages; "World News" may be a headline)
    return len(words) >= 3 or words[0] in ("about", "contact", "home")


# Menus a text dump lays out without a bar: items apart by runs of spaces, or by spaced
# dashes.  (Three separators or more, each item a bare label of a word or two without a
# figure: a headline's dashes join clauses, a table's columns carry figures.)
_SPACED_SEP: Final = re.compile(r" {3,}|\t| [-–—] ")
_BARE_ITEM: Final = re.compile(r"[^\W\d_][^\s\d]*(?: [^\W\d_][^\s\d]*)?")


def _spaced_menu(text: str) -> bool:
    items = _SPACED_SEP.split(text.strip())
    return len(items) >= 4 and all(
        i[:1].isupper() and _BARE_ITEM.fullmatch(i) is not None for i in items
    )


SPACED_MENU_WORDS: Final = 30  # a menu laid out with spaces or dashes is no longer


def _navigation(text: str, spaced: bool = True) -> str | None:
    """spaced: may the line be a menu laid out with spaces or dashes (short enough)?"""
    if _has_menu_char(text) and len(_MENU_SEP.findall(text)) >= 2:
        items = _MENU_SEP.split(text)
        if sum(len(i.split()) for i in items) / len(items) <= 6:
            return "navigation"
    if spaced and ("   " in text or " - " in text or " – " in text or " — " in text) and _spaced_menu(text):
        return "navigation"
    return None



# --- legal notices in any wording: vocabulary, not phrases --------------------------------
# A notice about the text's rights, reuse or liability speaks of the content itself ("this
# article", "ce site", "dieser Inhalt") in the words of law: reproduction, copyright,
# permission, liability, rights reserved.  A story uses those words when it is about them,
# and then its own prose holds them (resolve checks that); a notice is short and dense in them.
_LEGAL_STRONG: Final = frozenset(
    """copyright copyrighted reproduction reproduce reproduced redistribution redistribute
    redistributed rebroadcast liability liable warranty warranties
    contractual herein hereby permission prohibited forbidden reserved infringement proprietary
    trademarks informational protected relied reliance
    reproduire rediffusion interdite interdit interdits interdites réservés réservée réservées
    autorisation responsabilité contractuelles contractuel contractuels préavis propriété
    intellectuelle hébergeur protégé protégée protégés protégées
    urheberrecht urheberrechtlich urheberrechtlichen vervielfältigung nachdruck weiterverbreitung
    weiterverwendung genehmigung zustimmung untersagt verboten vorbehalten gewähr haftung
    haftungsausschluss presserechts presserecht geschützt
    reproducción reproducir prohibida prohibido reservados autorización responsabilidad propiedad
    intelectual asesoramiento protegido protegida protegidos protegidas
    riproduzione riprodurre vietata vietato riservati riservata autorizzazione responsabilità
    proprietà intellettuale sollecitazione consulenza protetto protetta protetti protette
    reprodução proibida proibido autorização responsabilidade propriedade
    responsibility property consent consentement einwilligung consentimiento consenso
    consentimento licence license lizenz licencia licenza licença erlaubnis gestattet permiso
    permesso permissão illegal illégal illégale ilegal illegale copied copying kopiert copiado
    copiada copiata beratung acceptance""".split()
)
# ... and the words such a notice is built around: the content it speaks of, its publisher,
# the conditions (without prior written permission, for information only)
_LEGAL_WEAK: Final = frozenset(
    """this these our all rights content contents site website web page article articles text
    material information published originally source sources author authors publisher editor
    editorial without prior written express notice change changes subject only general purposes
    purpose provided views opinions expressed reflect necessarily whole part partial exclusive
    informative constitute constitutes purely
    ce cet cette ces contenu contenus texte informations publié publiée auteur auteurs rédaction
    éditeur sans accord écrit préalable toute tous droits partielle totale même titre indicatif
    informatif évoluer modification exclusive exclusif constitue purement
    dieser diese dieses alle rechte inhalt inhalte seite artikel beitrag angaben informationen
    veröffentlicht quelle quellen autor redaktion verlag ohne schriftliche schriftlicher
    ausdrückliche ausdrücklicher
    este esta estos estas todos derechos contenido contenidos sitio página artículo texto
    información publicado fuente fuentes redacción sin previa escrita total parcial exclusiva
    informativo informativa constituye meramente
    questo questa questi tutti diritti contenuto contenuti sito pagina articolo testo
    informazioni pubblicato fonte autore redazione editore senza scritta parziale esclusiva
    costituisce
    direitos conteúdo conteúdos artigo informações redação sem prévia constitui""".split()
)
LEGAL_WORDS: Final = 45  # a legal notice is at most this long


def legal_notice(toks: list[str]) -> frozenset[str] | None:
    """The law's words of a short line worded as a notice about the text's rights, reuse or
    liability (None: it is no such line): one such word or more, and with the words a notice
    is built around, three or more and three in ten of the line's words at least."""
    return dense_in(toks, _LEGAL_STRONG, _LEGAL_WEAK, LEGAL_WORDS)


# --- offers and sign-in prompts in any language: vocabulary, not phrases -------------------
# The prompt a wall leaves under a story ("Schon Abonnent? Hier anmelden", "Abonnez-vous dès
# 1 € le premier mois", "Ya tienes una cuenta? Inicia sesión") is a short line built of the
# subscription's and the account's words, a price or a trial's length beside them.
OFFER_STRONG: Final = frozenset(
    """subscribe subscriber subscribers subscription subscriptions subscribed login signin
    paywall abonnieren abonniere abonnent abonnenten abonnentin abo abos abonnement digitalabo
    testabo probeabo anmelden einloggen registrieren abonnez abonner abonné abonnés abonnée
    abonnées abonnements connectez connecter identifiez inscrivez suscríbete suscribete
    suscribirse suscríbase suscriptor suscriptores suscripción suscripcion regístrate registrate
    sesión abbonati abbonato abbonata abbonamento abbonarti abbonarsi accedi registrati
    iscriviti assine assinante assinantes assinatura assinaturas cadastre""".split()
)
_OFFER_WEAK: Final = frozenset(
    """already schon bereits déjà ya già já free gratis kostenlos kostenlose kostenlosen gratuit
    gratuits gratuite gratuites gratuito gratuitos gratuiti grátis trial test testen essai
    prueba prova teste month months monat monate monats mois mes meses mese mesi mês week weeks
    woche wochen semaine semaines semana semanas settimana settimane year jahr an año anno ano
    articles artikel artículos articoli artigos article artículo articolo artigo read gelesen lu
    lus leído letto lido account konto compte cuenta conto conta unlimited unbegrenzt
    unbegrenzten illimité ilimitado illimitato access zugang zugriff accès acceso accesso
    acesso now jetzt maintenant ahora ora agora only nur seulement solo sólo apenas sign log in
    here hier ici aquí qui aqui first ersten premier primer primo primeiro digital numérique
    offer angebot offre oferta offerta member members mitglied membre miembro membro continue
    weiter reading lesen lire leer leggere ler limit you sie vous usted tienes have haben avez
    hai tem inicia dès ab desde da por per pour für for cancel kündbar jederzeit anytime
    vous""".split()
)
# ... and what it asks or offers: to sign in, to subscribe, a free read or a trial (a line for
# those who already subscribed, "Already a member? Download your timetables here", asks none)
_OFFER_ACTS: Final = frozenset(
    """subscribe login signin sign log abonnieren abonniere anmelden einloggen registrieren
    abonnez abonner connectez connecter identifiez inscrivez suscríbete suscribete suscribirse
    suscríbase sesión regístrate registrate abbonati abbonarti abbonarsi accedi registrati
    iscriviti assine cadastre free gratis kostenlos kostenlose kostenlosen gratuit gratuits
    gratuite gratuites gratuito gratuitos gratuiti grátis trial testen essai prueba prova
    teste testabo probeabo""".split()
)
_PRICE: Final = re.compile(r"[$€£]\s?\d|\d\s?(?:[$€£]|eur\b|euros?\b)|\br\$\s?\d", re.IGNORECASE)
_PRICED: Final = "\x00price"  # a price in the line: one more word of the offer's
OFFER_WORDS: Final = 20  # an offer or a sign-in prompt is this short
_OFFER_WEAK_PRICED: Final = _OFFER_WEAK | {_PRICED}


# ... and the account's acts written as two words ("sign in", "log in", "sign up")
_ACT_PAIRS: Final = frozenset(
    (("sign", "in"), ("sign", "up"), ("log", "in"), ("log", "on"), ("logged", "in"), ("signed", "in"))
)
_SIGN_IN: Final = "\x00signin"  # such a pair in the line: one more strong word of the offer's
_OFFER_STRONG_PAIRED: Final = OFFER_STRONG | {_SIGN_IN}


def _signs_in(toks: list[str]) -> bool:
    return any((a, b) in _ACT_PAIRS for a, b in zip(toks, toks[1:], strict=False))


def offer_prompt(toks: list[str], text: str) -> frozenset[str] | None:
    """The subscription's and the account's words of a short line worded as a wall's offer or
    its sign-in prompt (None: it is no such line), read as legal_notice reads notices."""
    if len(toks) > OFFER_WORDS:
        return None
    strong = OFFER_STRONG
    signs_in = _signs_in(toks)  # (an act, and a strong word where the line has none)
    if strong.isdisjoint(toks):
        if not signs_in:
            return None
        strong = _OFFER_STRONG_PAIRED
        toks = [*toks, _SIGN_IN]
    if _PRICE.search(text):
        toks = [*toks, _PRICED]
    elif not signs_in and _OFFER_ACTS.isdisjoint(toks):
        return None
    return dense_in(toks, strong, _OFFER_WEAK_PRICED, OFFER_WORDS + 2)
