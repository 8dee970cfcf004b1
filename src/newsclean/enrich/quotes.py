"""Direct and mixed quotations with their speakers, found in the cleaned article text.

The unit of work is the paragraph (one line of the cleaned text). In each paragraph the
quotation marks are paired into *pieces* (the text between an opening and its closing
mark); a piece never crosses a paragraph end, so an unbalanced mark can cost at most the
rest of its own paragraph. Pieces are then grouped into *quotations*: the pieces of one
utterance (`"A," she said. "B."`, a list of quoted fragments in one sentence, a quote
that runs on into the next paragraph under the news convention of re-opening the mark).
A new group starts wherever a new attribution clause appears. Each group's attribution
clause (reporting verb + subject: `"…," Varga said`, `said Varga`, `Varga said: "…"`,
`according to Varga`, `Varga says the plan is "dead"`) gives the speaker; the subject is
then resolved (surname -> fullest name, pronoun -> recent named person) in speakers.py.

Scare quotes: a group of at most three quoted words with no attribution clause in its
sentence, or one introduced as a name ("titled", "dubbed", "the word", ...), is not speech
and is dropped. Everything is linear in the text: one scan for marks per paragraph and a
bounded token window around each quote.  A window is tokenised only when its raw text
holds a word that can head a clause (_Ctx.may_attribute, a necessary condition, so the
answers are those of tokenising every window); four in five windows hold none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import filterfalse
from typing import Final

from ..model import Quote
from . import speakers
from . import speech_lexicon as _lex

# The lexicon's sets as this module's Final names: compiled code reads them from C
# statics, where an imported name is looked up in the module dict at each use.
ACCORDING: Final = _lex.ACCORDING
ALL_VERBS: Final = _lex.ALL_VERBS
AUX: Final = _lex.AUX
DE_POST_ONLY: Final = _lex.DE_POST_ONLY
DETERMINERS: Final = _lex.DETERMINERS
EN_NOUN_LIKE_VERBS: Final = _lex.EN_NOUN_LIKE_VERBS
EN_POST_VERBS: Final = _lex.EN_POST_VERBS
FEMALE_NAMES: Final = _lex.FEMALE_NAMES
IRREGULAR_PAST: Final = _lex.IRREGULAR_PAST
MALE_NAMES: Final = _lex.MALE_NAMES
NOT_GIVEN: Final = _lex.NOT_GIVEN
ORG_WORDS: Final = _lex.ORG_WORDS
OTHER_PRONOUNS: Final = _lex.OTHER_PRONOUNS
POSTPOSITION: Final = _lex.POSTPOSITION
PRONOUN_GENDER: Final = _lex.PRONOUN_GENDER
SPEECH_NOUNS: Final = _lex.SPEECH_NOUNS
SUBORDINATORS: Final = _lex.SUBORDINATORS
TITLES: Final = _lex.TITLES
VERBS_BY_LANG: Final = _lex.VERBS_BY_LANG

# Opening mark -> the marks that may close it.
CLOSERS: Final = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "»": "«",
    '"': '"',
    "‘": "’",
    "‚": "‘’",
    "”": "”",
}
_NON_SPACE: Final = re.compile(r"\S")
_LABEL: Final = re.compile(r"([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,2}): ")
_OPENER_CHARS: Final = "“”„\"«»‘‚"  # "’" never opens: skip apostrophes at C speed
_SPACE_BEFORE_OPEN: Final = set(" \t\u00a0([{—–-/:;,…")
# A single-quoted piece is accepted only when its closing mark is clearly not an
# apostrophe: not between letters, not a plural possessive ("players’ union").
_POSSESSIVE: Final = re.compile(r"s’\s+[a-z]")
_MAX_PIECE: Final = 4000  # characters; a longer "quote" in one paragraph is a stray mark

_ROUGH_BOUNDARY: Final = re.compile(r"[.!?][”\"’)]?\s+(?=[A-Z“\"‘(])")
_ABBR_BEFORE: Final = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Lt|Col|Rev|Jr|Sr|Del))$")
_TOKEN: Final = re.compile(
    r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w’'\-]*\w)?|\d+(?:[.,:/]\d+)*\w*|[^\w\s]"
)
_FR_INVERTED: Final = re.compile(r"^(\w+?)(?:-t)?-(il|elle|ils|elles|on)$")
_ABBREV: Final = TITLES | {
    "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "u.s", "d.c", "u.k", "e.g", "i.e",
}
_STOP_NP: Final = {
    "that", "who", "which", "when", "while", "and", "but", "or", "because", "as", "if",
    "after", "before", "during", "since", "where", "whether", "dass", "que", "qui", "wie",
}
_GIVEN_NAMES: Final = MALE_NAMES | FEMALE_NAMES
_BE: Final = {"is", "was", "are", "were", "been", "be", "being", "wird", "wurde", "est", "fue"}
# Capitalised at a sentence start, yet never part of a name.
_FUNC_CAP: Final = {
    "when", "if", "but", "and", "in", "on", "at", "as", "after", "before", "while",
    "because", "since", "though", "although", "then", "so", "yet", "for", "with", "by",
    "from", "to", "of", "this", "that", "these", "those", "last", "next", "meanwhile",
    "however", "still", "also", "even", "now", "here", "there", "asked", "during", "under",
}
_PREPOSITIONS: Final = {
    "of", "for", "in", "at", "on", "from", "with", "to", "by", "about", "during", "after",
    "before", "nach", "vor", "mit", "bei", "von", "zu", "auf", "im", "am", "an", "für", "über",
    "après", "avant", "devant", "pour", "dans", "sur", "avec", "de", "du", "des", "en", "tras",
    "ante", "con", "para", "por", "del", "al", "durante", "während", "pendant", "lors",
}
_CALENDAR: Final = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday",
}
_TITLE_CUES: Final = {
    "titled", "entitled", "dubbed", "nicknamed", "headlined", "labeled", "labelled",
    "named", "hashtag", "slogan", "motto", "phrase", "term", "word", "words", "so-called",
    "book", "film", "movie", "show", "song", "album", "series", "program", "programme",
    "headline", "column", "essay", "article", "op-ed", "called",
}
# Verbs that also introduce names and labels: they attribute only with a named subject.
_WEAK_VERBS: Final = {"called", "calling", "described", "describing", "dubbed", "labeled"}
_TERMINAL: Final = ".!?…"
# Token windows around a quote (characters): an attribution clause is short.
_POST_WINDOW: Final = 150
_PRE_WINDOW: Final = 360


class Tok:
    """A word or punctuation mark of an attribution window, with its text offsets."""

    __slots__ = ("text", "start", "end", "low", "cap")

    def __init__(self, text: str, start: int, end: int, low: str, cap: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = low  # text.lower()
        self.cap = cap  # text[0].isupper() (tokens are never empty)


# A Tok without a call of its __init__ (a Python frame per token), where the class allows it;
# compiled by mypyc (native.py) it does not, and the constructor is as cheap there.
_BARE_NEW: Callable[[type[Tok]], Tok] | None = object.__new__
try:
    object.__new__(Tok)
except TypeError:
    _BARE_NEW = None


@dataclass(slots=True)
class Subject:
    """The subject of a reporting verb, as written (offsets into the article text)."""

    kind: str  # "name" | "np" | "pronoun" | "implicit"
    text: str
    start: int
    end: int
    # `of Ohio`, `of the Heron Society` written right after a person's name: part of how the
    # text identifies the speaker, kept apart so that the name alone is resolved
    qualifier: str = ""

    # Written out, not generated: compiled (native.py), a dataclass's generated __init__
    # stays interpreted, ~10x a native constructor's cost (see text_view.Line).
    def __init__(self, kind: str, text: str, start: int, end: int, qualifier: str = "") -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.qualifier = qualifier


@dataclass(slots=True)
class Clause:
    subject: Subject
    verb_start: int  # text offset of the reporting verb: identifies the clause
    owner: bool = False  # the subject owns a speech noun (`Dunne’s claim that “…”`)

    def __init__(self, subject: Subject, verb_start: int, owner: bool = False) -> None:
        self.subject = subject
        self.verb_start = verb_start
        self.owner = owner


@dataclass(slots=True)
class Piece:
    start: int  # first character inside the marks
    end: int  # the closing mark's offset (or paragraph end when unclosed); text[end - 1]
    # is the piece's last character that is not a space
    open_at: int  # the opening mark's offset
    closed: bool
    close_at: int = -1  # the closing mark's offset (-1 when unclosed)
    label: Subject | None = None  # transcript speaker label ("WALLACE: …") opening the piece
    pre: Clause | None = None
    post: Clause | None = None

    def __init__(
        self, start: int, end: int, open_at: int, closed: bool, close_at: int = -1,
        label: Subject | None = None, pre: Clause | None = None, post: Clause | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.open_at = open_at
        self.closed = closed
        self.close_at = close_at
        self.label = label
        self.pre = pre
        self.post = post


@dataclass(slots=True)
class Quotation:
    """One utterance: its pieces (each a Quote with exact offsets) and its speaker."""

    parts: list[Quote]
    speaker: str | None
    subject: Subject | None = None
    pieces: list[Piece] = field(default_factory=list)

    def __init__(
        self, parts: list[Quote], speaker: str | None, subject: Subject | None = None,
        pieces: list[Piece] | None = None,
    ) -> None:
        self.parts = parts
        self.speaker = speaker
        self.subject = subject
        self.pieces = [] if pieces is None else pieces


def find_quotes(text: str, language: str | None = None) -> list[Quote]:
    """Every quoted piece of `text` with its speaker (None when unclear)."""
    return [q for qt in find_quotations(text, language) for q in qt.parts]


def find_quotations(text: str, language: str | None = None) -> list[Quotation]:
    """Quotations of `text`, each the pieces of one utterance with one speaker."""
    openers = _OpenerFinder(text)
    at = openers.next(0, len(text))
    if at < 0:
        return []
    verbs = VERBS_BY_LANG.get(language or "", ALL_VERBS)
    low_marks = "„" in openers.marks or "»" in openers.marks  # German quotation marks
    groups: list[Quotation] = []
    ctxs: dict[bool, _Ctx] = {}  # clause readers of this article, by `german`
    prev_open = False  # the previous paragraph ended inside an unclosed quotation
    running: list[Quotation] = []  # the quotation running on since its last paragraph
    last_end = -1
    # Only paragraphs holding a possible opening mark are looked at, found from the marks.
    while at >= 0:
        p0, p1 = _paragraph_at(text, at)
        if last_end < 0 or not (text[last_end:p0].isspace()):
            prev_open = False
        last_end = p1
        nxt = _NON_SPACE.search(text, p1)
        next_opens = nxt is not None and _opens_with_mark(text, nxt.start())
        pieces = _pieces(text, p0, p1, next_opens, openers)
        at = openers.next(p1, len(text))
        if not pieces:
            prev_open = False
            continue
        _transcript_labels(text, pieces)
        german = language == "de" or (low_marks and any(text[p.open_at] in "„»" for p in pieces))
        ctx = ctxs.get(german)
        if ctx is None:
            ctx = ctxs[german] = _Ctx(text, verbs, german)
        _attach_clauses(text, p0, p1, pieces, ctx)
        par_groups = _group(pieces, text)
        if not prev_open:
            running = []
        if prev_open and groups and pieces[0].open_at == p0 and not _own_clause(par_groups[0]):
            # News convention: a quote running over paragraphs re-opens the mark; the
            # continuation is its own quotation with the speaker carried over.
            carried = Quotation(parts=[], speaker=None, pieces=par_groups[0])
            carried.subject = _group_subject(groups[-1].pieces) or groups[-1].subject
            groups.append(carried)
            running.append(carried)
            par_groups = par_groups[1:]
        elif prev_open and running and pieces[0].open_at == p0 and pieces[0].post is not None:
            # ... and its clause may come only in the last paragraph (`“A.¶“B,” Price
            # said.`): the paragraphs before, with no clause of their own, are hers too.
            for g in running:
                if g.subject is None and not _own_clause(g.pieces) and \
                        not _is_scare(text, g.pieces):
                    g.subject = pieces[0].post.subject
        elif pieces[0].open_at == p0 and not _own_clause(par_groups[0]):
            # `Lindqvist continued:` / `The Times reports:` closing the previous paragraph.
            prev_par = _paragraph_before(text, p0)
            if prev_par is not None:
                clause = _colon_intro(text, prev_par, ctx)
                if clause is not None:
                    pieces[0].pre = clause
        for pg in par_groups:
            groups.append(Quotation(parts=[], speaker=None, pieces=pg))
        prev_open = not pieces[-1].closed
        if prev_open and not (running and groups[-1] is running[-1]):
            running = [groups[-1]]
    out: list[Quotation] = []
    for g in groups:
        g.subject = g.subject or _group_subject(g.pieces)
        if g.subject is None and _is_scare(text, g.pieces):
            continue
        if len(g.pieces) > 1:
            g.pieces = [p for p in g.pieces if not _is_title(text, [p])] or g.pieces
        if _is_title(text, g.pieces):
            continue
        out.append(g)
    if not out:
        return []
    # People named inside quotations are not antecedents of "he said" after them.
    quoted = [(p.start, p.end) for g in groups for p in g.pieces]
    resolver = speakers.SpeakerResolver(text, quoted)
    prev: Quotation | None = None
    for g in out:
        if g.subject is None:
            # Kept for its length, with no clause of its own: the sentence's named subject
            # (`Okafor has gone after Lund as a “…”`), or the speaker the paragraph before
            # ends with (a quotation standing alone in its paragraph).
            ctx = ctxs.get(False) or _Ctx(text, verbs, False)
            g.subject = _fallback_subject(text, g, prev, ctx)
        prev = g
        g.speaker = resolver.resolve(g.subject, g.pieces[0].open_at) if g.subject else None
        g.parts = [Quote(text[p.start : p.end], p.start, p.end, g.speaker) for p in g.pieces]
    return out


def _fallback_subject(
    text: str, g: Quotation, prev: Quotation | None, ctx: _Ctx
) -> Subject | None:
    first = g.pieces[0]
    p0, p1 = _paragraph_at(text, first.open_at)
    # (+1: the boundary's look-ahead must see the mark itself)
    cut = _last_boundary(text, max(p0, first.open_at - _PRE_WINDOW), first.open_at + 1)
    if cut < first.open_at and _has_word(text, cut, first.open_at):
        return _named_subject(text, cut, first.open_at, ctx)
    if cut > p0:
        # The quotation opens a sentence: the sentence before it in the paragraph may name
        # its speaker (`Lindgren says to begin with a rug. “Then add …”`).
        end = cut - 1
        while end > p0 and text[end].isspace():
            end -= 1  # the previous sentence's final mark: a boundary before it opens it
        lo = _last_boundary(text, max(p0, end - _PRE_WINDOW), end)
        if prev is not None and prev.subject is not None and lo < cut and \
                prev.pieces[-1].end >= lo and prev.subject.kind in ("name", "pronoun"):
            return prev.subject
        if ctx.may_attribute(lo, cut, post=False):
            toks = _tokens(text, lo, cut)
            clause = ctx.pre_clause(toks) if toks else None
            if clause is not None and clause.subject.kind in ("name", "pronoun"):
                return clause.subject
        # ... or is about a named person who acts in it (`Krebs disagreed with the
        # claims. “There is no …”`)
        if _has_word(text, lo, cut):
            return _named_subject(text, lo, cut, ctx)
        return None
    last = g.pieces[-1]
    if last.closed and _has_word(text, last.close_at + 1, p1):
        return None  # not a paragraph that is a quotation and nothing else
    before = _paragraph_before(text, p0)
    if before is None:
        return None
    if prev is None or not (before[0] <= prev.pieces[-1].open_at < before[1]):
        # `Lee said the deal was bad. / “It is a betrayal.”`: the paragraph before
        # quotes no one but ends with someone's reported speech
        return _reported_subject(text, before, ctx)
    if prev.subject is None:
        return None
    return prev.subject if prev.subject.kind in ("name", "pronoun") else None


def _reported_subject(text: str, par: tuple[int, int], ctx: _Ctx) -> Subject | None:
    """The named or pronoun subject of a reporting verb in the last sentence of `par`."""
    p0, p1 = par
    lo = max(p0, p1 - _PRE_WINDOW)
    if text[p1 - 1] == ":" or not ctx.may_attribute(lo, p1, post=False):
        # (a colon introduction is _colon_intro's: what it does not read is no one's)
        return None
    toks = _tokens(text, lo, p1)
    sentence = toks[_sentence_start(toks[:-1], 0) :]
    if not sentence or any(t.text in "“”\"" for t in sentence):
        return None
    clause = ctx.pre_clause(sentence)
    if clause is None or clause.owner:
        return None
    subj = clause.subject
    if subj.kind == "pronoun" and subj.text.lower() in ("he", "she"):
        return subj
    if subj.kind == "name" and (" " in subj.text or ctx.mid_sentence(subj.text)):
        return subj  # (a lone capitalised word must be a name: not `What …`, `Plan …`)
    return None


def _named_subject(
    text: str, cut: int, hi: int, ctx: _Ctx, any_verb: bool = False
) -> Subject | None:
    """The named subject opening the sentence at `cut` (before `hi`), with its verb:
    `Okafor has gone after Lund as a “…”`, `Krebs disagreed.`  With `any_verb` (the
    sentence introduces the quotation with its colon) any plain lower-case word after the
    subject is its verb (`Lee took to Twitter:`, `She went further:`)."""
    if not text[cut].isupper():
        return None  # no capitalised word opens the sentence
    # The subject and its verb open the sentence: its first 160 characters suffice.
    toks = _tokens(text, cut, min(hi, cut + 160))
    if not toks:
        return None
    k = 0
    if toks[0].low in _FUNC_CAP or toks[0].low in _PREPOSITIONS or \
            toks[0].low in SUBORDINATORS or toks[0].low.endswith("ing"):
        # `In recent weeks, Brandt has …`: the subject follows the opening adverbial
        k = next((c + 1 for c in range(1, min(len(toks), 14)) if toks[c].text == ","), 0)
        if k == 0 or k >= len(toks):
            return None
    if toks[k].low in AUX or toks[k].low in _BE:
        return None  # a question (`Have you …`)
    if toks[k].low in DETERMINERS:
        # a noun phrase, not a name -- unless a name is set off after it (`The party
        # chairman, Ana Ruiz, has …`) or qualifies it (`The Ruiz campaign has`)
        subj, e = _set_off_name(toks, k, ctx)
        if subj is None and toks[k].low == "the":
            subj, e = _named_group(toks, k, ctx)
        if subj is None and toks[k].low == "the":
            # `The Labour nominee Ana Ruiz has …`: roles before a full name
            subj, e = ctx.np_forward(toks, k)
            if subj is None or subj.kind != "np" or e - k < 4 or not toks[e - 1].cap or \
                    not toks[e - 2].cap or toks[e - 1].low in ORG_WORDS or \
                    toks[e - 2].text.endswith(("’s", "'s")) or any(
                        t.low in _PREPOSITIONS or t.low in _WH_WORDS or t.low in _STOP_NP
                        for t in toks[k + 1 : e]):
                subj, e = None, k
    else:
        subj, e = ctx.np_forward(toks, k)
        subj, e = _role_and_name(toks, k, subj, e, ctx)
        if subj is not None:
            q = _of_qualifier(toks, e, subj)  # `Ann Lee of Ohio has …`
            if q > e:
                subj, e = _qualified(text, subj, toks, e, q), q
        if (subj is None and toks[k].cap and toks[k].text.endswith(("’s", "'s"))) or (
            subj is not None and subj.kind == "name" and e < len(toks)
            and toks[e].text.endswith(("’s", "'s"))
        ):
            subj, e = _set_off_name(toks, k, ctx)  # `Lee’s running mate, Tom Baker, has`
    if subj is None or not (subj.kind == "name" or (
        any_verb and subj.kind == "pronoun" and subj.text.lower() in PRONOUN_GENDER
    ) or (subj.kind == "np" and toks[k].low == "the")):
        return None
    if subj.kind == "name" and " " not in subj.text and not ctx.mid_sentence(subj.text):
        return None  # a capitalised word opening its sentence (`Testers were …`)
    if toks[k].low in _WH_WORDS:
        return None  # `What I didn’t expect was …`: a question word, no name
    if _SECOND_CLAUSE.search(text, subj.end, hi) is not None:
        return None  # `Fishkin made a pyramid, and we dubbed it “…”`: that clause's own
    # `Otto Brandt (D-Vt.), the minority whip, in particular, has …`
    e = _skip_paren(toks, e)
    for _ in range(2):
        if e < len(toks) and toks[e].text == ",":
            c = next((c for c in range(e + 1, min(len(toks), e + 14))
                      if toks[c].text == ","), -1)
            if c < 0:
                return None
            e = c + 1
    aux = False
    while e < len(toks) and (toks[e].low in AUX or toks[e].low.endswith("ly") or
                             toks[e].low.endswith(_NEGATED)) and not toks[e].cap:
        # (`didn’t mince words`: a negated auxiliary is one token)
        aux = aux or toks[e].low in AUX or toks[e].low.endswith(_NEGATED)
        e += 1
    if e < len(toks) and (_verb_like(toks, e, ctx) or (
        # `Denning struck a softer tone, …`: an irregular past tense, after a full name only
        # (`Math gave her …` opens with a word, not a person)
        toks[e].low in IRREGULAR_PAST and " " in subj.text
    ) or (
        (aux or any_verb) and toks[e].text.isalpha() and not toks[e].cap  # `has gone after`
        and toks[e].low not in DETERMINERS and toks[e].low not in _STOP_NP
        and (aux or toks[e].low not in _PREPOSITIONS)
    )):
        return subj
    if any_verb and aux and e == len(toks) - 1:
        return subj  # `Lee couldn’t resist:`
    return None


def _role_and_name(
    toks: list[Tok], k: int, subj: Subject | None, e: int, ctx: _Ctx
) -> tuple[Subject | None, int]:
    """A sentence-opening subject read by np_forward, kept as a name when roles stand
    before the name: `Republican presidential nominee Ann Lee`, `Former Secretary of State
    Ann Lee` (the resolver takes the trailing name of such a phrase)."""
    if subj is None:
        return None, e
    n = len(toks)
    if subj.kind == "name" and e + 2 < n and toks[e].low == "of" and toks[e + 1].cap and \
            all(w.lower().strip(".") in TITLES for w in subj.text.split()):
        r = _name_run_forward(toks, e + 1)  # `Secretary of State Walter Brennock`
        if r - (e + 1) >= 3 and toks[e + 1].low in TITLES:
            return Subject("name", ctx.text[subj.start : toks[r - 1].end], subj.start,
                           toks[r - 1].end), r
        return subj, e
    if subj.kind == "np" and toks[e - 1].cap and e - k >= 3 and \
            toks[e - 2].cap and not toks[e - 2].text.endswith(("’s", "'s")) and \
            any(not t.cap and t.text.isalpha() and _role_word(t) for t in toks[k:e]) and \
            not any(t.text.endswith(("’s", "'s")) for t in toks[k:e]):
        # role words and a name of two words or more (`nominee Ann Lee`)
        return Subject("name", subj.text, subj.start, subj.end), e
    return subj, e


def _named_group(toks: list[Tok], k: int, ctx: _Ctx) -> tuple[Subject | None, int]:
    """`The Ruiz campaign has …`, `The Lund administration wants …`: `the`, a name
    and an organisation noun open the sentence; the phrase speaks, as written."""
    np, e = ctx.np_forward(toks, k, before_verb=True)
    if np is None or np.kind != "np" or e - k < 3:
        return None, k
    words = toks[k + 1 : e]
    if words[0].cap and words[0].low not in _FUNC_CAP and not words[-1].cap and \
            words[-1].low in ORG_WORDS and all(not t.cap for t in words[1:]):
        return np, e
    return None, k


def _set_off_name(toks: list[Tok], k: int, ctx: _Ctx) -> tuple[Subject | None, int]:
    """`The party chairman, Ana Ruiz, has …`: the name of two words or more set off
    by commas after a noun phrase that opens the sentence, and the index after its
    closing comma."""
    n = len(toks)
    e = k  # the noun phrase: words up to the comma (`Lee’s campaign manager,`)
    while e < n and e - k < 8 and toks[e].text != "," and (
        toks[e].text.isalpha() or toks[e].text.endswith(("’s", "'s"))
    ) and not ctx.is_verb(toks[e]) and toks[e].low not in _STOP_NP and \
            toks[e].low not in AUX and toks[e].low not in _PREPOSITIONS:
        e += 1
    if e == k or e + 3 >= n or toks[e].text != ",":
        return None, k
    name, f = ctx.np_forward(toks, e + 1)
    if name is None or name.kind != "name" or " " not in name.text or f >= len(toks) or \
            toks[f].text != ",":
        return None, k
    return name, f + 1


# A second clause with a subject of its own between a sentence's subject and the quotation.
_SECOND_CLAUSE: Final = re.compile(r",\s+(?:and|but|so|while|yet)\s+(?:he|she|they|we|i|you)\b")
_MODALS: Final = {"may", "might", "can", "could", "should", "must", "shall", "would", "will"}
_WH_WORDS: Final = {"what", "who", "whom", "whose", "which", "why", "how", "where", "whatever"}
# A negated auxiliary, one token: `didn’t`, `wasn't`, `couldn’t`.
_NEGATED: Final = ("n’t", "n't")


def _verb_like(toks: list[Tok], e: int, ctx: _Ctx) -> bool:
    """toks[e], after a name, is its verb (`Brandt has gone after …`, `FactDesk rated …`),
    not a noun the name qualifies (`American negotiators are …`)."""
    t = toks[e]
    if not t.text.isalpha() or t.cap or t.low in _STOP_NP:
        return False
    if t.low in AUX or ctx.is_verb(t) or t.low.endswith("ed"):
        return True
    nxt = toks[e + 1] if e + 1 < len(toks) else None
    return t.low.endswith("s") and not (
        nxt is not None and (
            # (`wants a “…”`: the article is no auxiliary, whatever French `a` is)
            (nxt.low in AUX and nxt.low not in DETERMINERS) or nxt.low in _BE
            or ctx.is_verb(nxt)
        )
    )


# -- marks ---------------------------------------------------------------------------


class _OpenerFinder:
    """The next possible opening mark in a text: str.find on each mark the text holds
    (a few C scans) instead of a character-class regex scan.

    Each mark's next occurrence is remembered, so that the text is scanned once per mark
    kind however often it is asked (a kind found only far ahead was searched for again from
    every mark before it: quadratic in a long paragraph of other marks)."""

    __slots__ = ("text", "marks", "ahead", "tags")

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks = [c for c in _OPENER_CHARS if c in text]
        self.tags = "<" in text  # no tag anywhere: no mark inside one (_TagTracker)
        self.ahead = [(0, -2)] * len(self.marks)  # per mark: (searched from, found at)

    def next(self, pos: int, end: int) -> int:
        """Offset of the first mark in text[pos:end], -1 if none."""
        best = -1
        text = self.text  # (str methods called on it directly: compiled, C calls)
        ahead = self.ahead
        for k, c in enumerate(self.marks):
            start, j = ahead[k]
            if j == -2 or pos < start or 0 <= j < pos:
                j = text.find(c, pos)  # to the end of the text: the answer holds until passed
                ahead[k] = (pos, j)
            if 0 <= j < end and (best < 0 or j < best):
                best = j
        return best


def _paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding `pos`, without surrounding whitespace."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if b < 0:
        b = len(text)
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _paragraph_before(text: str, p0: int) -> tuple[int, int] | None:
    """The non-blank line before the one starting at `p0`."""
    e = p0
    while e > 0 and text[e - 1].isspace():
        e -= 1
    if e == 0 or "\n" not in text[e:p0]:
        return None
    return _paragraph_at(text, e - 1)


def _opens_with_mark(text: str, p0: int) -> bool:
    return text[p0] in "“„«»\"‘‚”"


def _is_opening(text: str, i: int, ch: str, p0: int, p1: int) -> bool:
    prev = text[i - 1] if i > p0 else " "
    nxt = text[i + 1] if i + 1 < p1 else " "
    if ch in "“„«":
        return nxt not in "\n" and not (ch == "“" and prev.isalnum() and nxt in " ,.")
    if ch == '"':
        return (prev in _SPACE_BEFORE_OPEN or prev in "‘“") and not nxt.isspace() and prev != "="
    if ch in "»”":
        return prev in _SPACE_BEFORE_OPEN and not nxt.isspace()
    if ch in "‘‚":
        return (prev in _SPACE_BEFORE_OPEN or prev in "“\"") and nxt.isalnum()
    return False


class _TagTracker:
    """Whether an offset of a paragraph lies inside an HTML-like tag (`<a title="…">`).

    Asked at growing offsets, it scans each stretch of the paragraph once (an rfind back to
    the paragraph start per mark was quadratic in a long paragraph)."""

    __slots__ = ("text", "lt", "gt", "upto")

    def __init__(self, text: str, p0: int) -> None:
        self.text = text
        self.lt = self.gt = -1  # the last "<" and ">" before `upto`
        self.upto = p0

    def inside(self, i: int) -> bool:
        if i > self.upto:
            lt = self.text.rfind("<", self.upto, i)
            if lt >= 0:
                self.lt = lt
            gt = self.text.rfind(">", self.upto, i)
            if gt >= 0:
                self.gt = gt
            self.upto = i
        return self.lt >= 0 and self.gt < self.lt


class _CloseFinder:
    """The closing mark of an opening mark, in one paragraph.

    Whether a mark can close depends only on the text around it, not on where its opening
    mark stands, so the answer found from one start holds for every later start up to the
    mark that decided it: asked at growing offsets (the opening marks, left to right), each
    mark kind's closers are scanned once per paragraph.  (Searching afresh from every
    opening mark was quadratic in a paragraph of stray marks or apostrophes.)"""

    __slots__ = ("text", "p1", "memo")

    def __init__(self, text: str, p1: int) -> None:
        self.text = text
        self.p1 = p1
        self.memo: dict[str, tuple[int, int, int]] = {}  # ch -> (from, decided at, answer)

    def find(self, i: int, ch: str) -> int:
        """Offset of the mark closing the one at `i`, -1 if none in the paragraph."""
        j = i + 2  # a mark right after the opening one closes nothing
        got = self.memo.get(ch)
        if got is not None and got[0] <= j <= got[1]:
            return got[2]
        decided, answer = self._scan(j, ch)
        self.memo[ch] = (j, decided, answer)
        return answer

    def _scan(self, j: int, ch: str) -> tuple[int, int]:
        """(offset of the mark that decided, answer) for a search from j."""
        text, p1 = self.text, self.p1
        closers = CLOSERS[ch]
        while True:
            # The next closing mark (other marks are passed over): str.find per closer.
            k = -1
            end = p1
            for c in closers:
                x = text.find(c, j, end)
                if x >= 0:
                    k = end = x
            if k < 0:
                return p1, -1
            if ch in "‘‚":
                after = text[k + 1] if k + 1 < p1 else " "
                before = text[k - 1]
                if (before.isalpha() and after.isalpha()) or after.isalnum():
                    j = k + 1
                    continue
                if _POSSESSIVE.match(text, k - 1):
                    j = k + 1
                    continue
            elif ch == '"' and text[k - 1].isspace() and k + 1 < p1 and not text[k + 1].isspace():
                # `"A "B` -- the second mark opens: the first was never closed.
                return k, -1
            return k, k


class _Closer:
    """The closing mark of each opening mark of one paragraph.

    Beyond the mark kind's own closers (_CloseFinder): curly quotes nested inside a curly
    quotation (`“… what he calls “hell” than …”`) are counted, so the outer one closes at
    its own ” — they face their way, so one pass over the paragraph pairs them; and a
    straight mark the paragraph never closes may be closed by a curly one (`"… take
    "more hours” before …`), or the reverse, found from a memo of the next such mark
    (asked at growing offsets, each paragraph is read once)."""

    __slots__ = ("text", "p0", "p1", "primary", "pairs", "mixed")

    def __init__(self, text: str, p0: int, p1: int) -> None:
        self.text = text
        self.p0 = p0
        self.p1 = p1
        self.primary = _CloseFinder(text, p1)
        self.pairs: dict[int, int] | None = None  # “ offset -> its ”, nesting counted
        self.mixed: dict[str, tuple[int, int]] = {}  # closer -> (searched from, found at)

    def find(self, i: int, ch: str) -> int:
        text = self.text
        k = self.primary.find(i, ch)
        if k >= 0 and ch == "“" and text.find("“", i + 1, k) >= 0:
            if self.pairs is None:
                self.pairs = _curly_pairs(text, self.p0, self.p1)
            nested = self.pairs.get(i, -1)
            if nested > k:
                return nested  # a “ … ” pair stood between: the outer mark closes later
        if k < 0 and ch in _MIXED_CLOSERS:
            k = self._next(i + 2, _MIXED_CLOSERS[ch])
            if k >= 0 and _OPENER_AFTER.match(text, k + 1):
                return -1
        return k

    def _next(self, j: int, c: str) -> int:
        """text.find(c, j, p1), remembered: a later search from before the mark found
        gives the same mark."""
        got = self.mixed.get(c)
        if got is not None and got[0] <= j and (got[1] < 0 or j <= got[1]):
            return got[1]
        at = self.text.find(c, j, self.p1)
        self.mixed[c] = (j, at)
        return at


def _curly_pairs(text: str, p0: int, p1: int) -> dict[int, int]:
    """Each “ of text[p0:p1] that a ” closes, counting nesting (an unmatched ” is passed
    over; a “ never closed is absent)."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for m in _CURLY.finditer(text, p0, p1):
        if m.group() == "“":
            stack.append(m.start())
        elif stack:
            out[stack.pop()] = m.start()
    return out


# Straight and curly double marks mixed by a careless editor; see _Closer.
_MIXED_CLOSERS: Final = {'"': "”", "“": '"'}
_OPENER_AFTER: Final = re.compile(r"\w")  # a mark glued to the next word opens, not closes
_CURLY: Final = re.compile("[“”]")


def _pieces(
    text: str, p0: int, p1: int, next_opens: bool, openers: _OpenerFinder
) -> list[Piece]:
    out: list[Piece] = []
    pos = p0
    tags = _TagTracker(text, p0) if openers.tags else None
    closes = _Closer(text, p0, p1)
    while pos < p1:
        i = openers.next(pos, p1)
        if i < 0:
            break
        ch = text[i]
        if not _is_opening(text, i, ch, p0, p1) or (tags is not None and tags.inside(i)):
            pos = i + 1
            continue
        k = closes.find(i, ch)
        if k < 0:
            if ch in "‘‚":
                pos = i + 1
                continue
            # Unclosed: a quote continuing into the next paragraph, or a full quote that
            # lost its closing mark; a stray mark in mid-sentence opens nothing.
            before = text[p0:i].rstrip()
            if next_opens or not before or before[-1] in ":,—–":
                if _has_word(text, i + 1, p1):
                    out.append(Piece(i + 1, p1, i, closed=False))
            break
        if k - i > _MAX_PIECE:
            pos = i + 1
            continue
        if _has_word(text, i + 1, k):
            a, b = i + 1, k
            while text[a].isspace():
                a += 1  # « guillemets » carry (no-break) spaces inside
            while text[b - 1].isspace():
                b -= 1
            out.append(Piece(a, b, i, closed=True, close_at=k))
        pos = k + 1
    return out


def _transcript_labels(text: str, pieces: list[Piece]) -> None:
    """`"PENCE: Well, look, …"`: a capitalised speaker label opening a quoted transcript line."""
    for p in pieces:
        # (the label's first two characters are capitals or its marks: most quotations
        # fail here, without the regex)
        if p.end - p.start < 4 or not 65 <= ord(text[p.start]) <= 90 or \
                not (65 <= ord(text[p.start + 1]) <= 90 or text[p.start + 1] in "'.-"):
            continue
        m = _LABEL.match(text, p.start, p.end)
        if m is not None:
            p.label = Subject("name", m.group(1), m.start(1), m.end(1))


def _has_word(text: str, a: int, b: int) -> bool:
    if a < b and text[a].isalnum():
        return True  # most quotes start with a word: no slice
    for c in text[a : min(b, a + 200)]:
        if c.isalnum():
            return True
    return False


# -- attribution clauses ---------------------------------------------------------------


def _tokens(text: str, a: int, b: int) -> list[Tok]:
    """Tokens of text[a:b] (_TOKEN's matches).

    No token holds whitespace, so a chunk of letters is one token and only the other
    chunks need the regex (which costs ~100 ns a character).  Only whitespace and "_" lie
    between tokens and no token starts with either: the tokens of a chunk without "_"
    cover it, so in a window whose chunks are joined by single spaces (most) offsets are
    counted; otherwise a word's first occurrence from the previous token's end (str.find)
    is the word itself."""
    win = text[a:b]
    chunks = win.split()
    if not chunks:
        return []
    words: list[str] = []
    for chunk in chunks:
        if chunk.isalnum():  # (_TOKEN takes a chunk of letters and digits whole)
            words.append(chunk)
        else:
            _chunk_words(chunk, words)
    if not words:
        return []  # only "_" between the spaces
    # One lower() for the window: no token holds a space, and a space ends a word for
    # the context-dependent lower-casing (final sigma) as a string end does.
    lows = " ".join(words).lower().split(" ")
    out = []
    body = win.strip()
    if "_" not in body and body == " ".join(chunks):  # (str == compares lengths first)
        # offsets counted: a chunk's tokens follow each other, chunks are one space apart
        pos = a + win.index(chunks[0])
        k = 0
        new = _BARE_NEW
        for chunk in chunks:
            end = pos + len(chunk)
            while pos < end:
                w = words[k]
                if new is None:
                    out.append(Tok(w, pos, pos + len(w), lows[k], _cap(w)))
                    pos += len(w)
                else:
                    t = new(Tok)  # the attributes set here, without a Python-level __init__
                    t.text = w
                    t.start = pos
                    pos += len(w)
                    t.end = pos
                    t.low = lows[k]
                    t.cap = _cap(w)
                    out.append(t)
                k += 1
            pos += 1
        return out
    pos = 0
    for w, low in zip(words, lows, strict=True):
        s = win.find(w, pos)
        pos = s + len(w)
        out.append(Tok(w, a + s, a + pos, low, _cap(w)))
    return out


def _cap(w: str) -> bool:
    """w[0].isupper(), without a method call for an ASCII first letter (compiled, a call
    costs more than the rest of a token's making)."""
    c = ord(w[0])
    if c < 128:
        return 65 <= c <= 90
    return w[0].isupper()


def _chunk_words(chunk: str, words: list[str]) -> None:
    r"""_TOKEN's matches in `chunk` (no whitespace, not all letters and digits), added to
    `words`.  Most such chunks are a word with marks before or after it (`“We`, `said,`,
    `Dunne’s.”`): a mark (neither a letter, a digit nor "_") is a token of its own
    ([^\w\s]), and the letters and digits between are one (every branch of _TOKEN that
    starts on one runs to the last before the marks: none of them can continue into a
    mark that no letter or digit follows; dotted initials need a dot inside), as is a word
    starting with a letter that holds apostrophes or hyphens (`Dunne’s`, `well-known`)
    -- not a number (`90’s` is three).  Other chunks go to the regex, one call each."""
    n = len(chunk)
    i = 0
    while i < n and not chunk[i].isalnum() and chunk[i] != "_":
        i += 1
    j = n
    while j > i and not chunk[j - 1].isalnum() and chunk[j - 1] != "_":
        j -= 1
    body = chunk[i:j]
    if i < j and not body.isalnum():
        if body[0].isdigit():
            words += _TOKEN.findall(chunk)
            return
        for c in body:
            if not (c.isalnum() or c in "’'-"):
                words += _TOKEN.findall(chunk)
                return
    for k in range(i):
        words.append(chunk[k])
    if i < j:
        words.append(body)
    for k in range(j, n):
        words.append(chunk[k])


def _attach_clauses(text: str, p0: int, p1: int, pieces: list[Piece], ctx: _Ctx) -> None:
    for idx, pc in enumerate(pieces):
        gap_end = pieces[idx + 1].open_at if idx + 1 < len(pieces) else p1
        after = pc.close_at + 1 if pc.closed else p1
        end = min(gap_end, after + _POST_WINDOW)
        # A quotation ending with a comma and followed by a name has its clause there,
        # whatever its verb (`“…,” Dan shares.`): that window is always read.
        due = pc.closed and text[pc.end - 1] == "," and \
            text[after : after + 2].lstrip()[:1].isupper()
        if after >= end or not (due or ctx.may_attribute(after, end, post=True)):
            # Nothing in the whole window (a superset of the sentence cut out below: the
            # cut falls after a period, never inside a word).
            pc.post = None
            continue
        window_end = end
        for m in _ROUGH_BOUNDARY.finditer(text, after, end):
            # An attribution clause ends with its sentence: tokenise no further.
            if text[m.start()] != "." or not _ABBR_BEFORE.search(
                text, max(after, m.start() - 4), m.start()
            ):
                end = m.start() + 1
                break
        if end < window_end and not (due or ctx.may_attribute(after, end, post=True)):
            pc.post = None  # no reporting word, dash or inverted verb: no clause
            continue
        gap = _tokens(text, after, end)
        last = text[pc.end - 1]
        comma_after = bool(gap) and gap[0].text == ","
        terminal = bool(last) and last in _TERMINAL and not comma_after
        loose = last in ",?!" or comma_after
        clause, rest = ctx.post_clause(gap, loose)
        if clause is None and not terminal:
            # `“…” in healthy people, says Mellor.`: the clause closes the quote's sentence.
            for c in range(1, len(gap) - 1):
                if gap[c].text == "," and not (idx + 1 < len(pieces) and c + 1 >= len(gap)):
                    clause, rest = ctx.post_clause(gap[c:])
                    if clause is not None and clause.subject.kind != "np" and (
                        rest is not None and (c + rest >= len(gap) or
                                              gap[c + rest].text in ".!?," or
                                              # `…, Marsden said in the announcement.`
                                              gap[c + rest].low in _PREPOSITIONS or
                                              gap[c + rest].low in _CALENDAR)
                    ):
                        rest += c
                        break
                    clause, rest = None, None
        if clause is not None:
            leads_next = idx + 1 < len(pieces) and rest is not None and _leads_next(gap, rest)
            if terminal and leads_next:
                clause = None  # `“…done.” She adds, “…”`: introduces the next piece
            elif terminal and clause.subject.kind != "pronoun" and not _ends_soon(gap, rest):
                clause = None  # a new sentence that merely starts with a name and a verb
        pc.post = clause
    for idx, pc in enumerate(pieces):
        gap_start = (pieces[idx - 1].close_at + 1) if idx > 0 else p0
        lo = max(gap_start, pc.open_at - _PRE_WINDOW)
        prev = pieces[idx - 1] if idx > 0 else None
        no_carry = prev is None or (prev.pre is None and prev.post is None)
        if no_carry and lo >= pc.open_at:
            pc.pre = None  # the quote opens its paragraph or follows the previous one
            continue
        # tokenise the last sentence only (abbreviations are re-checked on tokens)
        cut = _last_boundary(text, lo, pc.open_at)
        if no_carry and not ctx.may_attribute(cut, pc.open_at, post=False) and \
                not text.endswith(": ", cut, pc.open_at):  # `Name: “…”`: read
            # No clause of its own and none to carry over from the previous piece.
            pc.pre = None
            continue
        toks = _tokens(text, cut, pc.open_at)
        first_sentence = idx > 0 and pieces[idx - 1].post is None and (
            cut > gap_start or _terminal_piece(text, pieces[idx - 1], toks)
        )
        s = _sentence_start(toks, 0 if first_sentence or idx == 0 else -1)
        pc.pre = ctx.pre_clause(toks[s:])
        prev_post = pieces[idx - 1].post if idx > 0 else None
        if pc.pre is not None and prev_post is not None and \
                pc.pre.verb_start == prev_post.verb_start:
            # `“…,” Dunne said, adding later, “…”`: a second reporting verb after the
            # shared clause is a new attribution by the same speaker.
            for t in toks[s:]:
                if t.start > prev_post.verb_start and ctx.is_verb(t):
                    pc.pre = Clause(prev_post.subject, t.start)
                    break
        if pc.pre is None and idx > 0 and s == 0 and not first_sentence and lo <= gap_start:
            # Same sentence as the previous piece: its clauses carry over (fragment lists).
            # (Not beyond the window: `“A,” as Jim explains … [a page] … “B”`.)
            prev = pieces[idx - 1]
            pc.pre = prev.pre if prev.post is None else prev.post
            if pc.pre is not None:
                # `… that Machado was “A” and “B” and encouraged Americans to “C”`: a
                # second, coordinated reporting verb is a new utterance of that speaker.
                for k in range(1, len(toks)):
                    if toks[k - 1].low in ("and", "but", "then") and ctx.is_verb(toks[k]) \
                            and toks[k].start > pc.pre.verb_start:
                        pc.pre = Clause(pc.pre.subject, toks[k].start)
                        break


def _last_boundary(text: str, lo: int, hi: int) -> int:
    """End of the last _ROUGH_BOUNDARY match in text[lo:hi] that is not an abbreviation's
    period, else lo.  The matches are those of finditer, found from the right: each
    starts at a [.!?] and holds no other, so none hides another."""
    # The last of each mark before the one tried: only the mark passed over is searched
    # for again (the others' last occurrences stay where they were).  (text.rfind is
    # called directly, not through a local name: compiled, that is a C call.)
    dot = text.rfind(".", lo, hi)
    bang = text.rfind("!", lo, hi)
    ask = text.rfind("?", lo, hi)
    while True:
        q = max(max(dot, bang), ask)  # (two arguments: compiled, no call)
        if q < 0:
            return lo
        m = _ROUGH_BOUNDARY.match(text, q, hi)
        if m is not None and (
            text[q] != "." or not _ABBR_BEFORE.search(text, max(lo, q - 4), q)
        ):
            return m.end()
        if q == dot:
            dot = text.rfind(".", lo, q)
        elif q == bang:
            bang = text.rfind("!", lo, q)
        else:
            ask = text.rfind("?", lo, q)


def _colon_intro(text: str, par: tuple[int, int], ctx: _Ctx) -> Clause | None:
    p0, p1 = par
    if text[p1 - 1] != ":":
        return None
    toks = _tokens(text, max(p0, p1 - _PRE_WINDOW), p1 - 1)
    sentence = toks[_sentence_start(toks, 0) :]
    clause = ctx.pre_clause(sentence)
    if clause is None and sentence:
        # `Abernathy made the following comment:` -- the sentence's named subject.
        subj = ctx._sentence_subject(sentence)
        if subj is not None and subj.kind == "name" and (
            " " in subj.text or ctx.mid_sentence(subj.text)
        ):
            # (a lone capitalised word must also occur mid-sentence: a name, not
            # "Partial transcript as follows:")
            clause = Clause(subj, sentence[0].start)
    return clause


def _mid_sentence(text: str, word: str) -> bool:
    """re.search(rf"[a-z,] {re.escape(word)}\\b", text), without compiling a pattern per
    word (compiling costs more than the rest of an article's quotations)."""
    needle = " " + word
    end_word = _is_word_char(word[-1])
    i = text.find(needle, 1)
    while i >= 0:
        e = i + len(needle)
        if text[i - 1] in _LOWER_OR_COMMA and (
            end_word != (e < len(text) and _is_word_char(text[e]))
        ):
            return True
        i = text.find(needle, i + 1)
    return False


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # the regex \w (Unicode)


_LOWER_OR_COMMA: Final = frozenset("abcdefghijklmnopqrstuvwxyz,")


_TRIGGER_CACHE: Final[dict[
    tuple[int, bool],
    tuple[set[str], frozenset[str], frozenset[bytes], frozenset[str]],
]] = {}
# A French verb with its subject pronoun (`dit-il`, `a-t-on`), as _FR_INVERTED reads it.
_INVERTED_END: Final = re.compile(r"-(?:il|elle|ils|elles|on)(?!\w)", re.IGNORECASE)
_FIRST_TOKEN_CHAR: Final = re.compile(r"[^\s_]")  # only whitespace and "_" lie between tokens
_LETTER_RUN: Final = re.compile(r"[^\W\d_]+")
# Non-ASCII characters of English news that are neither letters nor digits.
_PUNCT_NOT_ASCII: Final = "’“”—–‘…\u00a0"
# Bytes of ASCII text: letters lower-cased, every other byte a space.
_ASCII_LETTERS: Final = bytes(
    c | 0x20 if chr(c).isalpha() and c < 128 else 0x20 for c in range(256)
)


def _triggers(
    verbs: set[str], german: bool
) -> tuple[frozenset[str], frozenset[bytes], frozenset[str]]:
    """Every lower-cased word that can head an attribution clause (_Ctx.may_attribute),
    those that are ASCII as bytes, and every word a branch of pre_clause's loop over the
    sentence can take (the others are passed over at once)."""
    key = (id(verbs), german)
    got = _TRIGGER_CACHE.get(key)
    if got is None or got[0] is not verbs:
        words = verbs | ACCORDING | POSTPOSITION | (DE_POST_ONLY if german else set())
        if verbs is not VERBS_BY_LANG["de"]:
            # pre_clause reads them (`Dunne’s claim that “…”`, `Dunne claims that …`)
            words = words | SPEECH_NOUNS | EN_NOUN_LIKE_VERBS | EN_POST_VERBS
        ascii_words = frozenset(w.encode("ascii") for w in words if w.isascii())
        heads = frozenset(verbs | ACCORDING | SPEECH_NOUNS | POSTPOSITION | DE_POST_ONLY
                          | EN_NOUN_LIKE_VERBS)
        got = (verbs, frozenset(words), ascii_words, heads)
        _TRIGGER_CACHE[key] = got
    return got[1], got[2], got[3]


def _terminal_piece(text: str, pc: Piece, toks: list[Tok]) -> bool:
    last = text[pc.end - 1]
    return bool(last) and last in _TERMINAL and not (toks and toks[0].text == ",")


def _leads_next(gap: list[Tok], rest: int) -> bool:
    tail = gap[rest:]
    return len(tail) <= 8 and not any(t.text in ".!?" for t in tail)


def _ends_soon(gap: list[Tok], rest: int | None) -> bool:
    """After a quotation that ends its sentence, `Name verb …` attributes it when the
    clause ends soon, or when what follows the verb is an adverbial (`Dunne said at a
    rally in Ohio on Tuesday evening, where …`) or a short object and a comma (`told the
    crowd, which …`) rather than a statement of its own (`Quillon said the remarks
    were false`)."""
    if rest is None:
        return True
    tail = gap[rest:]
    if tail and tail[0].low in _TIME_CONJ:
        return True  # `Dunne tweeted before Election Day`, `… asked before apologizing`
    if tail and tail[0].low in _STOP_NP:
        return False
    if tail and (tail[0].low in _PREPOSITIONS or tail[0].low in _CALENDAR or
                 tail[0].text in ",."):
        return True
    if len(tail) > 1 and gap[rest - 1].low in ("told", "tells", "telling") and any(
        t.text in ",." for t in tail[1:4]
    ):
        return True
    for k, t in enumerate(tail[:16]):
        if t.text in ".!?;":
            return True
        if k >= 15:
            return False
    return len(tail) <= 16


# Words that open a time adverbial after a reporting verb (a preposition or a conjunction).
_TIME_CONJ: Final = {"before", "after", "while", "when", "as", "since", "until"}


def _sentence_start(toks: list[Tok], floor: int) -> int:
    """Index of the first token of the last sentence in `toks`."""
    if len(toks) >= 2 and toks[-1].text in ".!?" and toks[-2].low not in _ABBREV and \
            len(toks[-2].text) > 1:
        return len(toks)
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k - 1]
        if t.text in "!?" or (t.text == "." and k >= 2 and toks[k - 2].low not in _ABBREV
                              and len(toks[k - 2].text) > 1):
            nxt = toks[k]
            if nxt.cap or nxt.text[:1].isdigit() or nxt.text in "“\"«„‘":
                return k
    return 0 if floor <= 0 else floor


_MID_WORDS: Final = 256


class _Ctx:
    __slots__ = ("text", "verbs", "german", "triggers", "ascii_triggers", "heads", "_mid")

    def __init__(self, text: str, verbs: set[str], german: bool) -> None:
        self.text = text
        self.verbs = verbs
        self.german = german
        self.triggers, self.ascii_triggers, self.heads = _triggers(verbs, german)
        self._mid: dict[str, bool] = {}

    def mid_sentence(self, word: str) -> bool:
        """_mid_sentence, once per word: it reads the whole text.  At most _MID_WORDS
        words per article are looked up (a later one counts as not found): an article of
        thousands of quotations, each with its own one-word subject, was quadratic."""
        got = self._mid.get(word)
        if got is None:
            got = len(self._mid) < _MID_WORDS and _mid_sentence(self.text, word)
            self._mid[word] = got
        return got

    def may_attribute(self, a: int, b: int, post: bool) -> bool:
        """Cheap necessary condition for a clause in text[a:b], checked on the raw text
        (no tokens): without a reporting word (verb, `according`, `zufolge`), an inverted
        French verb or (after a quote) a leading dash, post_clause / pre_clause find
        nothing.

        A token that is a reporting word is a whole run of letters between characters
        that are neither letters nor digits, so it is a whitespace-separated chunk of the
        lower-cased window, or one of the letter runs of a chunk with punctuation."""
        text = self.text
        if a > 0 and text[a - 1].isalnum() and text[a].isalnum():
            return True  # the window starts mid-word: its first token is a fragment
        win = text[a:b]
        letters = win
        ascii = win.isascii()
        if not ascii:
            # Typographic punctuation is no letter: blanked, most windows become ASCII.
            for c in _PUNCT_NOT_ASCII:
                letters = letters.replace(c, " ")
            ascii = letters.isascii()
        if ascii:
            # ASCII: the letter runs are the chunks of the window with every other
            # character blanked (one translate, one split), lower-cased on the way.
            if post:  # (before a quote a blank window has no letter run: False below)
                first = win.lstrip()[:1]
                if not first:
                    return False
                if first in "―—–-_":
                    if first != "_":
                        return True
                    m = _FIRST_TOKEN_CHAR.search(text, a, b)
                    if m is not None and m.group() in "―—–-":
                        return True
            if not self.ascii_triggers.isdisjoint(
                letters.encode("ascii").translate(_ASCII_LETTERS).split()
            ):
                return True
            return "-" in win and _INVERTED_END.search(text, a, b) is not None
        low = win.lower()
        if len(low) != b - a:
            return True  # lower-casing changed lengths (rare letters): no shortcut
        chunks = low.split()
        if not chunks:
            return False
        if post and chunks[0][0] in "―—–-_":
            if chunks[0][0] != "_":
                return True
            m = _FIRST_TOKEN_CHAR.search(text, a, b)
            if m is not None and m.group() in "―—–-":
                return True
        triggers = self.triggers
        if not triggers.isdisjoint(chunks):
            return True
        # Chunks with punctuation, digits or hyphens: their letter runs, in one regex call.
        rest = " ".join(filterfalse(str.isalpha, chunks))
        if rest and not triggers.isdisjoint(_LETTER_RUN.findall(rest)):
            return True
        return "-" in low and _INVERTED_END.search(text, a, b) is not None

    def is_verb(self, t: Tok) -> bool:
        low = t.low
        if low in self.verbs and not t.cap:
            return True
        return self.german and low in DE_POST_ONLY

    def inverted(self, t: Tok) -> Subject | None:
        """French `dit-il`, `a-t-elle`: the verb carries its pronoun."""
        if "-" not in t.text:
            return None
        m = _FR_INVERTED.match(t.low)
        if m and (m.group(1) in self.verbs or m.group(1) in {"a", "ont", "avait"}):
            return Subject("pronoun", m.group(2), t.start + m.start(2), t.start + m.end(2))
        return None

    # post: `, Varga said` / `, said Varga` / `, a déclaré Vallier` / `, so Brandt`
    def post_verb(self, gap: list[Tok], j: int, named: bool, loose: bool) -> bool:
        """gap[j] reports speech after its subject: a reporting verb; an inflection that
        is mostly a noun elsewhere (`Dunne tweets.`); with `loose` (the quotation ended
        with a comma, so a clause is due) any plain lower-case word that ends the clause
        (`“…,” Dan shares.`, `“…,” she laughs over the phone`).  Only the reporting
        verbs follow a noun-phrase subject (`“Promote” button to every post`)."""
        t = gap[j]
        if self.is_verb(t):
            return True
        if t.cap or self.german:
            return False
        if t.low in EN_POST_VERBS and self.verbs is not VERBS_BY_LANG["de"]:
            return True  # `the letter reads.`
        if not named:
            return False
        if t.low in EN_NOUN_LIKE_VERBS:
            return True
        if not loose or not t.text.isalpha() or t.low in _STOP_NP or t.low in AUX or \
                t.low in _PREPOSITIONS or t.low in DETERMINERS or t.low in _BE:
            return False
        nxt = gap[j + 1] if j + 1 < len(gap) else None
        return nxt is None or nxt.text in ".,;!?" or nxt.low in _PREPOSITIONS or (
            nxt.low.endswith("ly") and len(nxt.low) > 4
        ) or (nxt.low == "back" and not self.is_verb(t))  # `Lee shot back.`

    def post_clause(
        self, gap: list[Tok], loose: bool = False
    ) -> tuple[Clause | None, int | None]:
        k = 0
        n = len(gap)
        if n >= 2 and gap[0].text in "―—–-" and gap[1].cap:
            # `“…” ― Tilda Farrant`: a signature line names the speaker without a verb
            # (`— Republican nominee Ann Lee`: roles before the name).
            e = _name_run_forward(gap, 1)
            if e < n and not gap[e].cap and (e == n or gap[e].text not in ".,;("):
                np, f = self.np_forward(gap, 1)
                if np is not None and np.kind == "np" and f >= 4 and gap[f - 1].cap and \
                        gap[f - 2].cap and (f == n or gap[f].text in ".,;("):
                    return Clause(np, gap[0].start), f
            if e > 1 and (e == n or gap[e].text in ".,;("):
                sig = Subject("name", self.text[gap[1].start : gap[e - 1].end], gap[1].start,
                              gap[e - 1].end)
                return Clause(sig, gap[0].start), e
        while k < n and k < 2 and gap[k].text in ",—–-":
            k += 1
        if k >= n:
            return None, None
        if k + 2 < n and gap[k].low == "as" and not gap[k].cap and \
                gap[k + 1].low not in ("far", "well", "much", "long", "soon", "a", "an"):
            # `“…,” as Lee put it.`, `as the mayor said on Monday`: the clause after `as`
            # (a subject and a reporting verb) attributes the quotation
            subj, e = self.np_forward(gap, k + 1, before_verb=True)
            while subj is not None and e < n and gap[e].low in AUX:
                e += 1
            if subj is not None and subj.kind != "pronoun" and e < n and self.is_verb(gap[e]):
                return Clause(subj, gap[e].start), e + 1
            return None, None
        if k + 3 < n and gap[k + 1].low == "how" and gap[k].low in ("is", "was"):
            # `“…” is how Lee described it`, `was how Lee put it`: the verb after `how`
            # has the speaker for its subject.
            subj, e = self.np_forward(gap, k + 2, before_verb=True)
            if subj is not None and e < n and gap[e].text.isalpha() and not gap[e].cap \
                    and gap[e].low not in _STOP_NP and (subj.kind != "np" or self.is_verb(gap[e])):
                return Clause(subj, gap[e].start), e + 1
            return None, None
        t = gap[k]
        inv = self.inverted(t)
        if inv is not None:
            j = k + 1
            if j < n and self.is_verb(gap[j]):
                j += 1
            return Clause(inv, t.start), j
        v = k
        if t.low in AUX and k + 1 < n and self.is_verb(gap[k + 1]):
            v = k + 1
        if self.is_verb(gap[v]) or gap[v].low in ACCORDING or (
            # `“…,” read a statement from the campaign.`
            gap[v].low in EN_POST_VERBS and not gap[v].cap and not self.german
            and v + 1 < n and gap[v + 1].low in DETERMINERS
        ) or (
            gap[v].low in EN_NOUN_LIKE_VERBS and not gap[v].cap and not self.german
            and v + 1 < n and gap[v + 1].cap  # `“…,” say the authors` / `says Mellor`
            or (v + 1 < n and gap[v].low in EN_NOUN_LIKE_VERBS and gap[v + 1].low == "the")
        ):
            j = v + 1
            if gap[v].low == "according" and j < n and gap[j].low == "to":
                j += 1
            subj, end = self.np_forward(gap, j)
            if subj is not None and subj.kind == "name":
                # `said Secretary of State Walter Brennock`, `said Rep. Ann Lee of Ohio`
                subj, end = _role_and_name(gap, j, subj, end, self)
                if subj is not None:
                    q = _of_qualifier(gap, end, subj)
                    if q > end:
                        subj, end = _qualified(self.text, subj, gap, end, q), q
            if subj is None:
                # `said planetary geologist Rosaly Lopes`: a role in lower case before the name
                # (`said wear-tester Eileen Cody`, `wrote 43-year-old Martin Taylor`)
                e = j
                while e < n and e - j < 4 and _role_word(gap[e]) and \
                        gap[e].low not in _STOP_NP and gap[e].low not in _PREPOSITIONS and \
                        gap[e].low not in DETERMINERS:
                    e += 1
                if j < e < n and gap[e].cap:
                    subj, end = self.np_forward(gap, e)
                    if subj is not None and subj.kind != "name":
                        subj = None
            if subj is not None:
                return Clause(subj, gap[v].start), end
            if gap[v].low not in ACCORDING and gap[v].low in VERBS_BY_LANG["es"]:
                imp = Subject("implicit", "", gap[v].start, gap[v].start)
                return Clause(imp, gap[v].start), v + 1
            return None, None
        subj, j = self.np_forward(gap, k, before_verb=True)
        if subj is None:
            return self._role_name(gap, k)
        if k == 0 and subj.kind == "np" and j == 1 and (
            gap[0].low in _MODALS or gap[0].low in _PREPOSITIONS or not gap[0].text.isalpha()
            or (gap[0].low.endswith("ly") and gap[0].low not in _LY_NOUNS)
        ):
            # `“vegan” typically refers to`, `“production” may refer to`: a modal, an
            # adverb or a preposition right after a quoted term continues the sentence
            # that mentions the term; it is no speaker (`officers announced` is one).
            return None, None
        if j < n and not self.is_verb(gap[j]) and gap[j].text not in ",(":
            # `Dunne lawyer Owen Drummond said`, `panel Chairman Rep. Jared Colfax said`
            e = j
            while e < n and e - k < 12 and not self.is_verb(gap[e]) and (
                gap[e].text.isalpha() or (gap[e].text == "." and gap[e - 1].cap)
                or "-" in gap[e].text
                or "’" in gap[e].text or "'" in gap[e].text
                # characters glued inside a word, as mis-decoded text has them
                # (`FranÃ\x83Â§ois`): still that word
                or (gap[e].start == gap[e - 1].end and gap[e].text not in _NOT_GLUED)
            ) and gap[e].low not in _STOP_NP and gap[e].low not in _PREPOSITIONS:
                e += 1
            if e > j and gap[e - 1].cap or (e > j and gap[e - 1].text == "."):
                subj = self._np(gap, k, e)
                j = e
        j = _skip_paren(gap, j)
        if subj.kind == "name" and j + 2 < n and gap[j].low == "and" and not gap[j + 1].cap:
            # `Okafor and his team wrote`, `Olsen and colleagues said`: the named person
            # leads the group that speaks.
            e = j + 1
            while e < n and e - j <= 3 and gap[e].text.isalpha() and not gap[e].cap and \
                    not self.is_verb(gap[e]) and gap[e].low not in _STOP_NP:
                e += 1
            if e < n and e > j + 1 and self.is_verb(gap[e]):
                return Clause(subj, gap[e].start), e + 1
        if subj.kind == "name" and j < n and gap[j].low in ("of", "from", "at"):
            # `Mr. Pell of the Heron Society said`: a short affiliation before the verb.
            e = j + 1
            while e < n and e - j < 7 and gap[e].text.isalpha() and not self.is_verb(gap[e]):
                e += 1
            if e < n and self.is_verb(gap[e]):
                if _of_qualifier(gap, j, subj) == e:
                    subj = _qualified(self.text, subj, gap, j, e)
                j = e
        # A noun phrase that ends with a full name (`Republican nominee Ann Lee`) is named.
        named = subj.kind != "np" or (subj.end == gap[j - 1].end and j >= 2 and
                                      gap[j - 1].cap and gap[j - 2].cap)
        a = j
        j = _skip_appositive(gap, j, self)
        if j == a and loose and named and subj.kind == "name" and j < n and gap[j].text == ",":
            # `“…,” Rep. Ann Lee, R-Ohio, shot back.`: one appositive, then a plain verb
            # that ends the clause
            c = next((c for c in range(j + 1, min(n, j + 12)) if gap[c].text in ",;:!?“”\""),
                     -1)
            if c > j + 1 and gap[c].text == "," and c + 1 < n and \
                    self.post_verb(gap, c + 1, True, loose):
                j = c + 1
        while j < n and (gap[j].low in AUX or _adverb_before_verb(gap, j, self)) and j + 1 < n:
            j += 1  # `Brooke tearfully asked`
        if j < n and (gap[j].low in POSTPOSITION or self.post_verb(gap, j, named, loose)):
            if gap[j].low.endswith("ing") or (gap[j].low in _WEAK_VERBS and _common_np(subj)):
                return None, None
            return Clause(subj, gap[j].start), j + 1
        return self._role_name(gap, k)

    def _role_name(self, gap: list[Tok], k: int) -> tuple[Clause | None, int | None]:
        """`“…” lead author and ESA planetary geologist Ilse Vandermeer said`,
        `“…” chairman, CEO and president Hollis Grange said`: role words (lower-case words,
        acronyms, `and`, commas) and then a name of two or more words, right after a role
        noun and right before a reporting verb.  The name is the subject."""
        n = len(gap)
        e = k
        while e < n and e - k < 14:
            t = gap[e]
            if t.cap:
                r = _name_run_forward(gap, e)
                if r == e:
                    return None, None
                if r - e >= 2 and e > k and not gap[e - 1].cap and \
                        _role_word(gap[e - 1]) and r < n and self.is_verb(gap[r]) and \
                        not gap[r].low.endswith("ing"):
                    subj = Subject("name", self.text[t.start : gap[r - 1].end], t.start,
                                   gap[r - 1].end)
                    return Clause(subj, gap[r].start), r + 1
                e = r
                continue
            if not (t.text == "," or t.low == "and" or _role_word(t)) or t.low in _STOP_NP \
                    and t.low != "and" or t.low in _PREPOSITIONS or t.low in DETERMINERS or \
                    t.low in AUX or t.low in _BE or self.is_verb(t) or \
                    t.low in PRONOUN_GENDER or t.low in OTHER_PRONOUNS:
                return None, None
            e += 1
        return None, None

    # pre: the last reporting verb of the sentence before the quote, and its subject
    def pre_clause(self, toks: list[Tok]) -> Clause | None:
        """The sentence's first reporting verb with a named or pronoun subject (the main
        clause of `Okafor said the run of floods demands "more planning"`), else the
        first with a noun-phrase subject; a clause inside a leading subordinate clause
        (`While he conceded …, Ham noted "…"`) only when the main clause has none."""
        fallback = None
        n = len(toks)
        # `Dunne boasted, “…”`, `Vogt sagte: „…“`, `The Times reports: “…”`: a verb right
        # before the mark wins.
        for v in (n - 1, n - 2):
            if v >= 0 and (v == n - 1 or toks[n - 1].text in ",:") and (
                self.is_verb(toks[v]) or (toks[v].low in EN_NOUN_LIKE_VERBS and not toks[v].cap
                                          and self.verbs is not VERBS_BY_LANG["de"])
            ):
                if toks[v].low.endswith("ing"):
                    subj = self._sentence_subject(toks)
                else:
                    subj = self.np_backward(toks, v - 1)
                if subj is not None and subj.kind != "np":
                    return Clause(subj, toks[v].start)
                break
        if n >= 3 and toks[-1].text in ":,":
            intro = self._introduction(toks)
            if intro is not None:
                return intro
        sub_end = 0
        if n and toks[0].low in SUBORDINATORS:
            sub_end = next((i for i in range(1, n) if toks[i].text == ","), 0)
        deferred = None
        weak: Clause | None = None
        heads = self.heads
        for v, t in enumerate(toks):
            low = t.low
            if "-" in t.text:
                inv = self.inverted(t)
                if inv is not None:
                    return Clause(inv, t.start)
            elif low not in heads:
                continue  # no branch below can take it
            subj = None
            if low in ACCORDING and (not t.cap or v == 0):
                j = v + 1
                if low == "according" and j < len(toks) and toks[j].low == "to":
                    j += 1
                subj, _ = self.np_forward(toks, j)
            elif low == "words" and 0 < v < n - 2 and toks[v - 1].low == "the" and \
                    toks[v + 1].low == "of":
                subj, _ = self.np_forward(toks, v + 2)  # `In the words of Ana Ruiz:`
                if subj is not None and subj.kind != "name":
                    subj = None
            elif low == "words" and v > 1 and v + 1 < n and toks[v + 1].text == ",":
                subj = self._possessor(toks, v - 1)  # `In Lee’s words, “…”`
                b = next((i for i in range(v) if toks[i].start == subj.start), 0) \
                    if subj is not None else 0
                if subj is not None and b > 0 and toks[b - 1].low == "in" and v >= sub_end:
                    return Clause(subj, t.start, owner=True)
                subj = None
            elif low in SPEECH_NOUNS and v > 0 and not t.cap and (
                v + 1 == n or toks[v + 1].low in ("that", ":")
            ):
                # only a speech noun that introduces the quotation (`Dunne’s claim that
                # “…”`), not one in passing (`defended Dunne’s remarks, arguing …`)
                subj = self._possessor(toks, v - 1)
                if subj is not None and v >= sub_end:
                    return Clause(subj, t.start, owner=True)
            elif low in POSTPOSITION or (self.is_verb(t) and low not in DE_POST_ONLY) or (
                v == 0 and t.cap and low in self.verbs
            ) or (
                # `Dunne claims Quillon is “…”`: a noun-like form right after a name or
                # a pronoun is the verb
                low in EN_NOUN_LIKE_VERBS and v > 0 and not t.cap and not self.german and (
                    (toks[v - 1].cap and not toks[v - 1].text.endswith(("’s", "'s"))
                     and toks[v - 1].low not in NOT_GIVEN)  # not `Republican claims`
                    or toks[v - 1].low in PRONOUN_GENDER
                ) and (v + 1 == len(toks) or toks[v + 1].low not in _NOUN_NEXT)
            ):
                if v > 0 and toks[v - 1].low == "to":
                    continue  # an infinitive has no subject of its own here
                if v > 0 and (toks[v - 1].low in ("his", "her", "their", "its") or (
                    toks[v - 1].text.endswith(("’s", "'s"))
                    and _contracted_pronoun(toks[v - 1].low) is None
                    and toks[v - 1].low not in ("it’s", "it's", "that’s", "that's", "what’s",
                                                "what's", "here’s", "here's", "there’s",
                                                "there's", "who’s", "who's")
                )):
                    # `Dunne’s remarks`, `his claims`: a noun after a possessive; its owner
                    # speaks only if no clause of the sentence names anyone else
                    if weak is None:
                        owner = self._possessor(toks, v - 1)
                        weak = Clause(owner, t.start) if owner is not None else None
                    continue
                if v > 0 and toks[v - 1].low in _BE and not low.endswith("ing"):
                    continue  # passive: "was written by …" names no speaker before it
                if low.endswith("ing") and v > 0 and toks[v - 1].text == ",":
                    # `Quillon chimed in on Twitter, saying …`: the sentence's subject.
                    subj = self._sentence_subject(toks[:v], np_ok=True)
                    if subj is not None:
                        return Clause(subj, t.start)
                    continue
                conj = next((c for c in range(v - 1, max(v - 5, 0), -1)
                             if toks[c].low in ("and", "but", "then")), 0)
                if conj > 0 and all(toks[c].text.isalpha() and not toks[c].cap
                                    for c in range(conj + 1, v)):
                    # `Dunne tweeted … and encouraged Americans to “…”`, `… and at one
                    # point called her “…”`: a coordinated verb shares the sentence's
                    # subject.
                    subj = self._sentence_subject(toks[:conj])
                    if subj is not None:
                        if v < sub_end:
                            deferred = deferred or Clause(subj, t.start)
                            continue
                        if subj.kind != "np":
                            return Clause(subj, t.start)
                subj = self.np_backward(toks, v - 1)
                if subj is not None and subj.kind == "np" and all(
                    w.lower() in _TIME_WORDS for w in subj.text.split()
                ):
                    subj = None  # `issued a statement Friday night saying`: a time, no one
                if subj is None:
                    subj, e = self.np_forward(toks, v + 1)
                    if subj is not None and (
                        subj.kind != "name" or subj.text.lower() in _CALENDAR
                        or (e < n and toks[e].text not in ",.;:(—–-")
                    ):
                        # `said Dunne, …` inverts; `urged Americans to …` names its object
                        subj = None
                if subj is None and low.endswith("ing") and v > 1:
                    # `Dunne sent tweets early Friday saying …`: the participle's subject
                    # is the sentence's.
                    subj = self._sentence_subject(toks[:v], np_ok=True)
                elif subj is not None and low.endswith("ing") and v > 1 and _common_np(subj):
                    # `the Board issued a statement calling …`: the sentence's named
                    # subject, not the object before the participle
                    named = self._sentence_subject(toks[:v])
                    if named is not None and (named.kind == "pronoun" or " " in named.text
                                              or self.mid_sentence(named.text)):
                        subj = named
                if subj is not None and low in _WEAK_VERBS and _common_np(subj):
                    subj = None
            if subj is None:
                continue
            if v < sub_end:
                if deferred is None:
                    deferred = Clause(subj, t.start)
                continue
            if subj.kind != "np":
                return Clause(subj, t.start)
            if fallback is None:
                fallback = Clause(subj, t.start)
        return fallback or deferred or weak or self._name_colon(toks) or \
            self._colon_subject(toks)

    def _colon_subject(self, toks: list[Tok]) -> Clause | None:
        """`Lee took to Twitter: “…”`, `She went further: “…”`, `Lee didn’t mince words:
        “…”`: a sentence that introduces the quotation with its colon, and opens with a
        named subject (or he/she) and its verb, whatever the verb: read as a colon that
        closes the paragraph before is (_colon_intro)."""
        n = len(toks)
        if n < 3 or toks[-1].text != ":":
            return None
        for v in (n - 2, n - 3):
            # `Lee’s verdict: “…”`, `His final word: “…”`: a possessive and a noun are
            # the whole sentence.
            if v > 0 and toks[v].text.isalpha() and not toks[v].cap and \
                    toks[v].low not in _STOP_NP and toks[v].low not in _PREPOSITIONS and \
                    all(t.text.isalpha() and not t.cap for t in toks[v:n - 1]):
                owner = self._possessor(toks, v - 1)
                if owner is not None and owner.start == toks[0].start:
                    return Clause(owner, toks[v].start, owner=True)
        subj = _named_subject(self.text, toks[0].start, toks[-1].start, self, any_verb=True)
        return Clause(subj, toks[-1].start) if subj is not None else None

    def _introduction(self, toks: list[Tok]) -> Clause | None:
        """Idioms that introduce a quotation after their colon or comma without a reporting
        verb of the lexicon: `Dunne had this to say:`, `Quillon fired back:`, `Dunne’s
        response was swift:`."""
        n = len(toks)
        last = toks[n - 2]
        if last.low in ("say", "add") and n >= 4 and toks[n - 3].low == "to":
            # `had this to say:` (an infinitive elsewhere has no subject of its own)
            subj = self._sentence_subject(toks[: n - 3])
            if subj is not None:
                return Clause(subj, last.start)
        if last.low == "back" and n >= 4 and not toks[n - 3].cap and (
            toks[n - 3].low.endswith("ed") or toks[n - 3].low in ("shot", "hit", "wrote")
        ):
            # `Quillon fired back:`, `the campaign shot back,`
            subj = self.np_backward(toks, n - 4)
            if subj is not None:
                return Clause(subj, toks[n - 3].start)
        for v in range(max(0, n - 6), n - 1):
            # `Dunne’s response was swift:`: a possessive speech noun opens the clause
            if toks[v].low in SPEECH_NOUNS and v > 0 and v + 1 < n and \
                    toks[v + 1].low in ("was", "is", "came", "comes"):
                owner = self._possessor(toks, v - 1)
                if owner is not None:
                    return Clause(owner, toks[v].start)
        return None

    def _name_colon(self, toks: list[Tok]) -> Clause | None:
        """`including tester John Marwood: “…”`, a headline's `Dunne: “…”`: a name and a
        colon introduce its words (when no reporting verb does: `responded on Twitter:`
        names a place, not the speaker)."""
        n = len(toks)
        if n < 2 or toks[-1].text != ":" or not (toks[-2].cap or toks[-2].text == ")"):
            return None
        subj = self._core_backward(toks, n - 2)  # (`Rep. Ann Lee (R-Fla.):`, its party set off)
        if subj is None or subj.kind != "name":
            return None
        b = next(i for i in range(n) if toks[i].start == subj.start)
        if b > 0 and toks[b - 1].low in _PREPOSITIONS:
            return None
        if (" " in subj.text or self.mid_sentence(subj.text)) and not any(
            w.lower().strip(".") in ORG_WORDS for w in subj.text.split()
        ):
            return Clause(subj, toks[-1].start)
        return None

    def _possessor(self, toks: list[Tok], k: int) -> Subject | None:
        """`Edward Dunne’s claim`, `his remarks`: who the speech noun after toks[k]
        belongs to (a name with a possessive, or a possessive pronoun)."""
        while k >= 0 and toks[k].low in ("own", "latest", "first", "recent", "earlier", "new",
                                           "repeated", "public", "written", "later"):
            k -= 1
        if k < 0:
            return None
        t = toks[k]
        if t.low in ("his", "her"):
            pron = "he" if t.low == "his" else "she"
            return Subject("pronoun", pron, t.start, t.end)
        if t.cap and t.text.endswith(("’s", "'s")):
            b = _name_run_backward(toks, k)
            if b <= k and toks[b].low not in DETERMINERS:
                return Subject("name", self.text[toks[b].start : t.end], toks[b].start, t.end)
        return None

    def _sentence_subject(self, toks: list[Tok], np_ok: bool = False) -> Subject | None:
        """`Dunne was defensive …, saying, “…”`: the name or pronoun opening the sentence,
        after a leading adverbial (`On May 9, 2019, Abernathy …`); with `np_ok` also a
        noun phrase followed by its verb (`The Green candidate also took aim …`)."""
        if len(toks) > 1 and toks[0].low in ("but", "and", "yet", "so", "still") and toks[0].cap:
            toks = toks[1:]  # `But the Democratic nominee struck …`
        if toks and toks[0].low in DETERMINERS:
            if not np_ok:
                return None
            subj, e = self.np_forward(toks, 0, before_verb=True)
            if subj is not None and e > 2 and e < len(toks) and (
                toks[e].low in DETERMINERS or toks[e].low in ("him", "her", "them")
            ):
                # `the Democratic nominee struck a softer tone`: the last word is the verb
                e -= 1
                subj = self._np(toks, 0, e)
            if subj is not None and e + 1 < len(toks) and toks[e].text == ",":
                # `The party chairman, Reince Priebus, issued …`: the name set off after
                # the noun phrase
                name, f = self.np_forward(toks, e + 1)
                if name is not None and name.kind == "name" and f + 1 < len(toks) and \
                        toks[f].text == "," and toks[f + 1].text.isalpha() and \
                        not toks[f + 1].cap and toks[f + 1].low not in _STOP_NP:
                    return name
            while e < len(toks) and toks[e].low in AUX:
                e += 1
            if subj is not None and e < len(toks) and toks[e].text.isalpha() and \
                    not toks[e].cap and toks[e].low not in _STOP_NP:
                return subj
            return None
        opener = len(toks) > 1 and toks[0].low.endswith("ing") and not toks[1].cap and \
            toks[1].text.isalpha() and (toks[1].low in DETERMINERS or toks[1].low in _PREPOSITIONS
                                        or not (self.is_verb(toks[1]) or toks[1].low in AUX))
        # (`Following a meeting, the Council …`: a participial phrase opens the sentence)
        subj = None if opener else self.np_forward(toks, 0)[0]
        if subj is None and toks and (toks[0].low in _PREPOSITIONS or toks[0].low in _FUNC_CAP
                                      or toks[0].low in SUBORDINATORS or opener):
            for c in range(1, min(len(toks) - 1, 14)):
                if toks[c].text == ",":
                    subj, _ = self.np_forward(toks, c + 1)
                    if subj is not None and subj.kind in ("name", "pronoun"):
                        break
        if subj is not None and subj.kind == "name" and " " not in subj.text and \
                not self.mid_sentence(subj.text):
            return None  # `Such missions …`, `Once the …`: capitalised only where it opens
        return subj if subj is not None and subj.kind in ("name", "pronoun") else None

    def np_forward(
        self, toks: list[Tok], k: int, before_verb: bool = False
    ) -> tuple[Subject | None, int]:
        n = len(toks)
        if k >= n:
            return None, k
        t = toks[k]
        low = t.low
        base = _contracted_pronoun(low)
        if base is not None:
            # `He’s claiming …`: the pronoun, its auxiliary cut off
            return Subject("pronoun", t.text[: len(base)], t.start, t.start + len(base)), k + 1
        if low in PRONOUN_GENDER or low in OTHER_PRONOUNS:
            if t.cap and k + 1 < n and toks[k + 1].cap and low not in ("i", "er", "il", "he", "she"):
                pass  # "This Week", "The ..." handled below
            else:
                return Subject("pronoun", t.text, t.start, t.end), k + 1
        j = k
        if low in DETERMINERS:
            j += 1
        if j < n and (toks[j].cap or toks[j].low in TITLES) and toks[j].text not in "“\"«„":
            e = _name_run_forward(toks, j)
            if e > j:
                # `the Quillon campaign`: a name run followed by a noun is a noun phrase.
                tail = e
                while tail < n and not toks[tail].cap and toks[tail].text.isalpha() and \
                        toks[tail].low not in _STOP_NP and not self.is_verb(toks[tail]) and \
                        toks[tail].low not in AUX and toks[tail].low not in _PREPOSITIONS and \
                        not (toks[tail].low.endswith("ed") and toks[tail].low not in TITLES) \
                        and not (tail == e and _adverb_before_verb(toks, tail, self)) \
                        and tail - e < 3:
                    tail += 1  # (`Dunne interrupted Quillon`: a past tense is no noun)
                if tail > e and tail < n and toks[tail].cap:
                    # `WKTV host Chris Dalloway`
                    return self._np(toks, k, _name_run_forward(toks, tail)), \
                        _name_run_forward(toks, tail)
                if tail > e and (j > k or (before_verb and tail < n and (
                    self.is_verb(toks[tail]) or toks[tail].low in AUX
                ))):
                    # `the Quillon campaign`, `Quillon campaign aides said`; not `Dan Okoro
                    # recalls.`, where the last word is the verb
                    return self._np(toks, k, tail), tail
                kind = "name" if j == k or toks[k].low in ("the",) else "np"
                first = k if toks[k].low in DETERMINERS and kind == "np" else j
                return Subject(kind, self.text[toks[first].start : toks[e - 1].end],
                               toks[first].start, toks[e - 1].end), e
        if j > k or before_verb:
            # Common noun phrase: up to the verb / punctuation.
            e = j
            while e < n and (e - k < 9 or (toks[e].cap and e - k < 14)):  # a name ends it
                w = toks[e]
                if not (w.text.isalpha() or "’" in w.text or "'" in w.text or "-" in w.text):
                    break
                if w.low in _STOP_NP or (before_verb and (self.is_verb(w) or w.low in AUX)):
                    break
                if before_verb and (w.low in EN_NOUN_LIKE_VERBS or w.low in EN_POST_VERBS) \
                        and e > j and (
                    e + 1 == n or toks[e + 1].text in ".,;!?" or (
                        w.low in EN_POST_VERBS and toks[e + 1].low in _PREPOSITIONS)
                ):
                    break  # `an officer shouts.`, `the letter reads in part`: the verb
                if not before_verb and self.is_verb(w):
                    break
                e += 1
            if e > j and (j > k or e - k <= 3 or toks[e - 1].cap or
                          toks[k].text.endswith(("’s", "'s"))):
                return self._np(toks, k, e), e
        return None, k

    def _np(self, toks: list[Tok], a: int, b: int) -> Subject:
        return Subject("np", self.text[toks[a].start : toks[b - 1].end], toks[a].start,
                       toks[b - 1].end)

    def np_backward(self, toks: list[Tok], k: int) -> Subject | None:
        k = _skip_adverbials_back(toks, k)
        if k < 0:
            return None
        if toks[k].text == ")":
            while k >= 0 and toks[k].text != "(":
                k -= 1
            k -= 1
            if k < 0:
                return None
        if toks[k].text == ",":
            return self._appositive_subject(toks, k)
        return self._core_backward(toks, k)

    def _appositive_subject(self, toks: list[Tok], k: int) -> Subject | None:
        """The subject of a verb after the comma toks[k], across up to three comma-set
        segments: the earliest name (`Varga, the league chief, said`); else the name set
        off after a noun phrase (`Dunne’s running mate, Ohio Gov. Carl Denning, said`);
        else the earliest noun phrase (`The Republican nominee, speaking in Ohio,
        accused`).  A segment that opens with a preposition, a conjunction or a
        participle (`Asked about the poll,`, `In Ohio,`) is an adverbial, no subject;
        one that opens with a relative pronoun is about the phrase before it."""
        segs: list[tuple[int, int]] = []  # (start, end) token ranges, nearest first
        end = k
        for _ in range(4):
            j = end - 1
            while j >= 0 and k - j < 40 and (toks[j].text not in ",.;:!?“”\"" or (
                toks[j].text == "." and j > 0 and toks[j - 1].cap and (
                    len(toks[j - 1].text) == 1 or toks[j - 1].low in _ABBREV)  # `J.`, `Gov.`
            )):
                j -= 1
            segs.append((j + 1, end))
            if j < 0 or toks[j].text != ",":
                break
            end = j
        names: list[Subject] = []
        nps: list[Subject] = []
        for a, b in segs:
            if a >= b:
                continue
            first = toks[a].low
            if first in _PREPOSITIONS or first in SUBORDINATORS or \
                    first.endswith("ing") or first in ("asked", "pressed", "reached"):
                continue
            if first in _WH_WORDS and a > 0:
                continue  # `The senator, who spoke in Ohio, said`: a relative clause
            subj = self._core_backward(toks, b - 1)
            if subj is None or subj.start < toks[a].start:
                continue
            (names if subj.kind == "name" else nps).append(subj)
        if names:
            # the earliest name is the subject; a nearer one is its appositive
            return names[-1] if len(segs) > 1 else names[0]
        if len(segs) > 1:
            return nps[-1] if nps else None
        return None

    def _core_backward(self, toks: list[Tok], k: int) -> Subject | None:
        if k >= 0 and toks[k].text == ")":
            while k >= 0 and toks[k].text != "(":
                k -= 1
            k -= 1
        if k < 0:
            return None
        t = toks[k]
        low = t.low
        if low in ("who", "which", "der", "die", "qui", "quien"):
            # `Okafor, who said …`: the relative pronoun stands for the noun before it.
            j = k - 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            return self._core_backward(toks, j) if j >= 0 and toks[j].cap else None
        if low in PRONOUN_GENDER or low in OTHER_PRONOUNS:
            return Subject("pronoun", t.text, t.start, t.end)
        base = _contracted_pronoun(low)
        if base is not None:
            return Subject("pronoun", t.text[: len(base)], t.start, t.start + len(base))
        if low in _PREPOSITIONS:
            return None
        if t.cap or (t.text == "." and k > 0 and toks[k - 1].cap):
            b = _name_run_backward(toks, k)
            if all(toks[i].low in _CALENDAR or toks[i].text == "." for i in range(b, k + 1)):
                return None
            if b <= k:
                first = toks[b]
                if first.low in DETERMINERS and b < k:
                    b += 1
                    first = toks[b]
                of = b - 1
                if of >= 0 and toks[of].low == "the" and of > 0:
                    of -= 1
                if 0 < of and toks[of].low in ("of", "from") and toks[of - 1].cap:
                    # `Rep. Alan Whitlock of Oregon`, `Mr. Pell of the Heron Society`,
                    # `Ann Lee of New York`: the person before a place or an organisation,
                    # which qualifies the name.  (`Secretary of State Walter Brennock` keeps
                    # its name after "of".)
                    before = self._core_backward(toks, of - 1)
                    if before is not None and before.kind == "name":
                        q = _of_qualifier(toks, of, before) if toks[of].low == "of" else of
                        if q == k + 1:
                            return _qualified(self.text, before, toks, of, q)
                        if b == k or toks[k].low in ORG_WORDS:
                            return before
                return Subject("name", self.text[first.start : t.end], first.start, t.end)
            return None
        if not t.text.isalpha() or low in _STOP_NP or low in DETERMINERS:
            return None
        # Common noun phrase, back to its determiner or to a name that qualifies it.
        j = k
        while j - 1 >= 0 and k - j < 6:
            w = toks[j - 1]
            if w.low in DETERMINERS or w.text.endswith(("’s", "'s")):
                j -= 1
                if w.low in DETERMINERS:
                    break
                continue
            if w.cap:
                j = _name_run_backward(toks, j - 1)
                break
            if not w.text.isalpha() or w.low in _STOP_NP or self.is_verb(w) or w.low in AUX:
                break
            j -= 1
        if j == k and not low.endswith("s"):
            return None  # a bare singular noun is not a subject (", state media said" is)
        return self._np(toks, j, k + 1)


# Words after a noun-like verb form that show it is the noun (`claims as`, `calls for`).
_NOUN_NEXT: Final = {"as", "of", "about", "by", "and", "or", "for", "from", ",", ".", "were", "are"}


def _common_np(subj: Subject) -> bool:
    """A noun phrase that names no one (`the idea`, `a study`), unlike `the Quillon
    campaign` or `the Water Authority`: such a subject of `called`, `described` gives a
    label, not speech."""
    return subj.kind == "np" and not any(w[:1].isupper() for w in subj.text.split()[1:]) and \
        not any(w.lower() in ORG_WORDS for w in subj.text.split())


def _contracted_pronoun(low: str) -> str | None:
    """"he" of `he’s`, `she'd`, `they’ll` (a pronoun with its auxiliary in one token)."""
    if "’" not in low and "'" not in low:
        return None
    base, _sep, tail = low.replace("'", "’").partition("’")
    if tail in ("s", "d", "ll", "ve", "re") and (base in PRONOUN_GENDER or
                                                 base in OTHER_PRONOUNS):
        return base
    return None


# Words that open a time adverbial between a subject and its verb (`who in 2010 said`,
# `Dunne on Friday told`), and what such an adverbial ends with.
_TIME_PREPS: Final = {"in", "on", "at", "last", "this", "earlier", "early", "late", "later"}
_TIME_WORDS: Final = _CALENDAR | {
    "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "day",
    "tonight", "interview", "statement", "speech", "rally", "debate", "tweet", "post",
}


def _skip_adverbials_back(toks: list[Tok], k: int) -> int:
    """Index of the last token before the adverbs and time adverbials that end at `k`
    (`has also`, `forcefully`, `in 2010`, `on Friday`): what stands before them is the
    subject.  An -ly word counts only after a name, a pronoun or a comma (`family`,
    `rally` are nouns after a determiner)."""
    while k >= 0:
        t = toks[k]
        low = t.low
        if low in AUX and not t.cap:
            k -= 1
            continue
        if low.endswith("ly") and len(low) > 4 and not t.cap and k > 0 and (
            toks[k - 1].cap or toks[k - 1].text == "," or toks[k - 1].low in PRONOUN_GENDER
        ):
            k -= 1
            continue
        if (low in _TIME_WORDS or t.text[:1].isdigit()) and not (t.cap and low not in _CALENDAR):
            for p in range(k - 1, max(k - 5, 0), -1):
                if toks[p].low in _TIME_PREPS and not toks[p].cap:
                    prev = toks[p - 1]
                    if prev.cap or prev.text in ",)" or prev.low in PRONOUN_GENDER or \
                            prev.low in ("who", "which"):
                        k = p - 1
                        break
                    return k
                if not (toks[p].text.isalnum() or toks[p].text in ",'’") or \
                        toks[p].low in _STOP_NP:
                    return k
            else:
                return k
            continue
        return k
    return k


def _name_run_forward(toks: list[Tok], k: int) -> int:
    n = len(toks)
    e = k
    while e < n:
        t = toks[e]
        if t.cap and t.low not in _FUNC_CAP and t.text not in "“\"«„‘" and (
                t.text.isalpha() or "-" in t.text or
                                                   "’" in t.text or "'" in t.text or
                                                   "." in t.text):
            if t.text.endswith(("’s", "'s")):
                break
            e += 1
            if e < n and toks[e].text == "." and (
                len(t.text) == 1 or t.low in _ABBREV or _short_title(toks, e, t)
            ):
                e += 1
            continue
        if t.low in ("de", "van", "von", "der", "da", "di", "du", "del", "la", "le", "bin",
                     "al", "ibn", "dos") and e + 1 < n and toks[e + 1].cap and e > k:
            e += 1
            continue
        break
    return e


def _of_qualifier(toks: list[Tok], e: int, subj: Subject) -> int:
    """`Rep. Ann Lee of Ohio`, `Tom Hale of the Heron Society`: the index after a place or
    organisation named with `of` at toks[e], right after the named subject, else e.  Not a
    role's own complement (`Secretary of State Walter Brennock`: the subject is titles only),
    not a person (`of Tom …`: a given name), not the start of a longer name."""
    n = len(toks)
    if e + 1 >= n or toks[e].low != "of" or toks[e].cap or subj.kind != "name" or \
            all(w.lower().strip(".") in TITLES for w in subj.text.split()):
        return e
    j = e + 2 if toks[e + 1].low == "the" and not toks[e + 1].cap else e + 1
    r = _name_run_forward(toks, j) if j < n else j
    if r == j or toks[j].low in _GIVEN_NAMES:
        return e
    if r + 1 < n and toks[r].low == "of" and toks[r - 1].low in ORG_WORDS and toks[r + 1].cap:
        r = max(r, _name_run_forward(toks, r + 1))  # `the University of Michigan`
    if r - j > 5 or (r < n and (toks[r].cap or toks[r].text in "“\"«„’'")):
        return e
    return r


def _qualified(text: str, subj: Subject, toks: list[Tok], e: int, q: int) -> Subject:
    """`subj` with the qualifier toks[e:q] (_of_qualifier) kept apart."""
    return Subject(subj.kind, subj.text, subj.start, subj.end,
                   text[toks[e].start : toks[q - 1].end])


def _short_title(toks: list[Tok], dot: int, t: Tok) -> bool:
    """`Del. Tessa Marwick`: a short capitalised abbreviation before a name."""
    if len(t.text) > 3 or dot + 1 >= len(toks):
        return False
    nxt = toks[dot + 1]
    return nxt.cap and nxt.low not in PRONOUN_GENDER and nxt.low not in OTHER_PRONOUNS and \
        nxt.low not in DETERMINERS


def _name_run_backward(toks: list[Tok], k: int) -> int:
    b = k + 1
    while b - 1 >= 0:
        t = toks[b - 1]
        if t.text == "." and b - 2 >= 0 and toks[b - 2].cap and (
            len(toks[b - 2].text) == 1 or toks[b - 2].low in _ABBREV
            or _short_title(toks, b - 1, toks[b - 2])
        ) and b <= k:
            b -= 1
            continue
        if t.cap and t.low not in _FUNC_CAP and (
                t.text.isalpha() or "-" in t.text or "." in t.text or "'" in t.text
                or "’" in t.text):
            if t.text.endswith(("’s", "'s")) and b - 1 < k:
                break
            b -= 1
            continue
        break
    return b


# Punctuation that ends a word even when glued to it.
_NOT_GLUED: Final = frozenset(",.;:!?()[]{}“”\"‘’«»—–/")
# Nouns ending in -ly (`the Quillon family said`): no adverb.
_LY_NOUNS: Final = {
    "family", "rally", "assembly", "ally", "supply", "monopoly", "anomaly", "homily", "lily",
    "bully", "belly", "jelly", "tally", "folly", "daily", "weekly", "monthly", "quarterly",
}


def _adverb_before_verb(toks: list[Tok], i: int, ctx: _Ctx) -> bool:
    """toks[i] is an adverb in -ly right before a reporting verb (`Brooke tearfully
    asked`), not a noun after a name."""
    low = toks[i].low
    return low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS and \
        i + 1 < len(toks) and ctx.is_verb(toks[i + 1])


def _role_word(t: Tok) -> bool:
    """A lower-case word of a role before a name (`planetary`, `wear-tester`, and the
    `43`, `-`, `year-old` of `43-year-old`)."""
    return not t.cap and (t.text.isalpha() or t.text.isdigit() or t.text == "-" or (
        "-" in t.text and t.text.replace("-", "").isalpha()
    ))


def _skip_paren(toks: list[Tok], j: int) -> int:
    n = len(toks)
    if j < n and toks[j].text == "(":
        e = j
        while e < n and toks[e].text != ")" and e - j < 12:
            e += 1
        if e < n and toks[e].text == ")":
            return e + 1
    return j


def _skip_appositive(toks: list[Tok], j: int, ctx: _Ctx) -> int:
    """`Varga, the league chief, said`: skip up to three `, … ,` when a verb follows."""
    n = len(toks)
    e = j
    for _ in range(3):
        if e >= n or toks[e].text != ",":
            return j
        e += 1
        while e < n and toks[e].text not in ",;:!?“”\"" and e - j < 45:
            e += 1
        if e < n and toks[e].text == ",":
            f = e + 1
            while f < n and toks[f].low in AUX:
                f += 1
            if f < n and ctx.is_verb(toks[f]):
                return f
    return j


# -- grouping --------------------------------------------------------------------------


def _group(pieces: list[Piece], text: str) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    # the current group's clauses, kept as it grows (asking each piece of it again for
    # every new piece was quadratic in a paragraph of many short quotes)
    pre_verbs: set[int] = set()
    post_verbs: set[int] = set()
    has_speaker = False
    for idx, pc in enumerate(pieces):
        new = idx == 0
        if not new:
            prev = pieces[idx - 1]
            if pc.pre is None and prev.closed and (
                _narration_between(text, prev, pc)
                # (or more narration than a clause window: `“A,” as Jim explains … [a
                # page] … “B”` is no longer his)
                or pc.open_at - prev.close_at > _PRE_WINDOW
            ):
                # `… as a “steady hand,” comparing him to Okafor. Dunne avoids … calling
                # for “appropriate assistance.”`: the narrator's own words between the two
                # quotations end the first utterance.
                new = True
            else:
                new_pre = pc.pre is not None and (
                    prev.post is None or pc.pre.verb_start != prev.post.verb_start
                ) and pc.pre.verb_start not in pre_verbs
                new_post = pc.post is not None and has_speaker and pc.pre is None and \
                    pc.post.verb_start not in post_verbs
                new = new_pre or (new_post and prev.post is not None)
        if new:
            groups.append([pc])
            pre_verbs.clear()
            post_verbs.clear()
            has_speaker = False
        else:
            groups[-1].append(pc)
        if pc.pre is not None:
            pre_verbs.add(pc.pre.verb_start)
            has_speaker = True
        if pc.post is not None:
            post_verbs.add(pc.post.verb_start)
            has_speaker = True
    return groups


def _narration_between(text: str, a: Piece, b: Piece) -> bool:
    """`a` has no clause after it, and the text between `a` and `b` holds the narrator's
    words and a sentence end (`… reduced to “A” because he cannot defend his record.
    “B”`).  (After `a`'s own clause, `“A,” she said Friday at a rally. “B.”`, the
    utterance goes on: splitting there cost more on the held-out half than it gained.)"""
    if a.post is not None:
        return False
    lo, hi = a.close_at + 1, b.open_at
    m = _ROUGH_BOUNDARY.search(text, lo, hi + 1)
    while m is not None and text[m.start()] == "." and _ABBR_BEFORE.search(
        text, max(lo, m.start() - 4), m.start()
    ):
        m = _ROUGH_BOUNDARY.search(text, m.end(), hi + 1)
    return m is not None and _has_word(text, lo, m.start())


def _own_clause(group: list[Piece]) -> bool:
    return any(p.pre or p.post or p.label for p in group)


def _group_subject(group: list[Piece]) -> Subject | None:
    first = group[0]
    label = first.label
    if label is not None:
        return label
    if first.pre is not None and first.pre.owner and first.post is not None:
        # `Dunne’s claim that the county will pay is “a fantasy,” Quillon said.`: the clause
        # after the quotation is the sentence's own; the owner's words are reported in it.
        return first.post.subject
    for c in (first.pre, first.post):
        if c is not None:
            return c.subject
    for p in group[1:]:
        for c in (p.post, p.pre):
            if c is not None:
                return c.subject
    return None


# Nouns of works before a quoted title (`the show “Nashville”`): whoever the sentence
# names, the quotation is a title, not speech.
_WORK_CUES: Final = {
    "titled", "entitled", "headlined", "book", "film", "movie", "show", "song", "album",
    "series", "program", "programme", "headline", "column", "essay", "article", "op-ed",
    "hashtag", "documentary", "play", "musical", "novel", "memoir", "podcast", "episode",
    "exhibition", "sitcom", "single", "track", "report", "study", "paper", "magazine",
}
_TITLE_SMALL: Final = {"a", "an", "the", "of", "on", "in", "and", "or", "to", "for", "at", "by", "&"}
_TITLE_BEFORE: Final = {"on", "in", "of", "at", "from", "to", "the", "his", "her", "their", "its", "our"}


def _is_title(text: str, group: list[Piece]) -> bool:
    """A quoted name of a work or programme: after a noun of works, or a short phrase in
    title case after a possessive or a preposition (`told WKTV’s “Sunrise Desk”`,
    `appeared on “Meet the Press”`)."""
    if len(group) != 1:
        return False
    p = group[0]
    # (seven words say "more than six": a long quotation is not split whole; only the
    # last word before the mark is read)
    words = text[p.start : p.end].rstrip(",.").split(None, 6)
    if not words or len(words) > 6:
        return False
    before = text[max(0, p.open_at - 30) : p.open_at].rsplit(None, 1)
    if not before:
        return False
    prev = before[-1]
    if prev.lower().strip(",:") in _WORK_CUES:
        return True
    if len(words) > 5 or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL
                                 for w in words):
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    return prev.endswith(("’s", "'s")) or prev in _TITLE_BEFORE or (
        len(prev) == 4 and prev.isdigit()  # `his 1994 “Contract with America”`
    )


def _is_scare(text: str, group: list[Piece]) -> bool:
    words = 0
    for p in group:
        words += len(text[p.start : p.end].split(None, 3))  # (four words are enough)
    if words <= 3:
        return True
    before = text[max(0, group[0].open_at - 30) : group[0].open_at].rsplit(None, 1)
    return bool(before) and before[-1].lower().strip(",:") in _TITLE_CUES
