"""Language of the cleaned article (ISO 639-1), and paragraph spans when it mixes languages.

py3langid's model (shipped in its wheel) is used through its public `rank` only (pyproject
pins the minor version), loaded once, lazily, per process: from the copy `make install`
unpacks (langid_cache.py, milliseconds), else by py3langid itself (~0.4 s).  Most articles
never reach it: when the function words of the sampled text are overwhelmingly English,
German, French or Spanish (quick_language), that is the answer; on records-dev it answers 98% of the articles and
always agrees with the model (bench/bench_quotes.py).  Mixed-language articles are found cheaply:
each paragraph's first words are checked against short function-word lists and its
script; only a paragraph that looks foreign is classified on its own to confirm.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import Any, Final, cast

import py3langid

# Characters read for the language: the lede and a slice of the middle of an article (more
# changes no answer on English news and costs time); the start of a suspicious paragraph.
_HEAD_CHARS: Final = 400
_MID_CHARS: Final = 200
_PAR_CHARS: Final = 600
_MIN_LETTERS: Final = 20  # fewer letters than this: too short to tell
_MIN_PAR_CHARS: Final = 60  # a paragraph shorter than this keeps the article's language
_CONFIRM: Final = 0.8  # py3langid confidence needed to call a paragraph foreign

# Function words that are rare outside their language (not "de", "la", "die", which occur
# in English text as parts of names).
_FUNCTION_WORDS: Final = {
    "en": "the and of to is was that with for are have has this from by were be which not "
    "they said it its would their will been",
    "de": "und ist nicht mit sich auf für eine dem wird wurde sind bei nach dass auch noch "
    "oder aber einen",
    "fr": "les est des une pour dans qui pas sur avec sont été aux leur ont mais cette "
    "comme ses",
    "es": "los las del una por con para como más pero fue está sus son muy también hay "
    "desde",
    "it": "della sono anche gli alla nel questo hanno stato delle degli perché molto",
    "pt": "não dos mais foi são pelo uma com também muito pela seu sua",
    "nl": "het een niet voor ook maar wordt naar bij zijn werd heeft deze",
}
_FUNCTION_SETS: Final = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}

# Fast path: a sample whose function words are overwhelmingly those of one of these
# languages gets that answer without the model (which then agrees; bench/bench_quotes.py
# checks it).  Neighbours that share some of their function words count as competitors.
_QUICK_WORDS: Final = {
    "en": "the and of to a in is was that for on with as at by he she it his her they their "
    "from be have has had are were been which who said but not an this will would or its",
    "de": "der die das und ist nicht mit sich auf für eine ein dem den des wird wurde sind bei "
    "nach dass auch noch oder aber einen im zu von es",
    "fr": "le la les et est des une un pour dans qui pas sur avec sont été aux leur ont mais "
    "cette comme ses du au que il elle ne",
    "es": "el la los las y del una un por con para como más pero fue está sus son muy también "
    "hay desde que se lo al en",
    # competitors: languages that share some of those words
    "it": "il di che della sono anche gli alla nel questo hanno stato delle degli perché molto "
    "non una per con",
    "pt": "não dos mais foi são pelo uma com também muito pela seu sua os um em",
    "nl": "het een niet voor ook maar wordt naar bij zijn werd heeft deze en",
    "ca": "els amb per és però més aquest aquesta dels pels seva seu molt han això",
    "gl": "unha non das máis pola polo coa ao aos tamén moi",
    "lb": "ass net mat fir vun och déi eng hunn gëtt",
    "da": "og ikke af til er det som har med var på",
    "sv": "och inte att det som har med var för på är",
}
_QUICK_LANGS: Final = ("en", "de", "fr", "es")
# A word of several lists ("la", "que", "il") tells nothing: only the others count.
_WORD_LANGS: Final[dict[str, str]] = {}
_SHARED: Final[set[str]] = set()
for _lang, _words in _QUICK_WORDS.items():
    for _w in set(_words.split()):
        if _w in _WORD_LANGS:
            _SHARED.add(_w)
        _WORD_LANGS[_w] = _lang
for _w in _SHARED:
    del _WORD_LANGS[_w]
_QUICK_MIN_WORDS: Final = 40  # fewer words in the sample: leave it to the model
_QUICK_MIN_SHARE: Final = 0.15  # the language's function words among all words of the sample
_QUICK_MIN_HITS: Final = 12  # ... and at least this many of them
_QUICK_MARGIN: Final = 6  # ... and this many times the hits of any other language
# Letters outside ASCII (diacritics, other scripts): a Latin-script paragraph in German,
# French, Spanish, Italian or Portuguese almost always has some.
_NOT_ASCII_LETTER: Final = re.compile(
    "[À-ÖØ-öø-ɏͰ-ӿ\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff"
    "\uac00-\ud7af]"
)
# Scripts that are never written with the Latin alphabet's languages.
_NON_LATIN: Final = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f"
    "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)

def _utf8_lead(cp: int) -> int:
    """The first byte of the UTF-8 form of code point `cp` (it grows with `cp`)."""
    return chr(cp).encode("utf-8", "surrogatepass")[0]


# Every byte but newline that is not the first UTF-8 byte of some character of
# _NOT_ASCII_LETTER's ranges: deleted, what is left of a text (_lead_bytes) holds a byte
# for each of its letters that the pattern matches (and for a few neighbours), line by line.
# Most English news has characters outside ASCII (curly quotes, dashes, no-break spaces)
# and no accented letter, or none two to a line; one encode and one translate (C loops)
# tell it, where numpy's calls over the text (their Python-level dispatch, cold between
# records) cost several times more, and the regex (~15 ns a character) more still; the
# regex reads only the few lines that keep two such bytes.
_NOT_LEAD_BYTES: Final = bytes(sorted(
    set(range(256)).difference(b"\n", *(
        range(_utf8_lead(ord(_a)), _utf8_lead(ord(_b)) + 1)
        for _a, _b in re.findall(r"(.)-(.)", _NOT_ASCII_LETTER.pattern[1:-1])
    ))
))


def _lead_bytes(text: str) -> bytes:
    """The newlines of `text` and a byte for each character that may match
    _NOT_ASCII_LETTER (every one that does, and a few others with the same first UTF-8
    byte), in order: a line without two such bytes has fewer than two hits."""
    return text.encode("utf-8", "surrogatepass").translate(None, _NOT_LEAD_BYTES)


_UNLOADED: Final = object()
_identifier: Any = _UNLOADED  # the unpacked model's identifier, None without one


def _rank(text: str) -> list[tuple[str, float]]:
    """py3langid's `rank` of the text, from the model unpacked at install time when there is
    one (langid_cache.py: the same identifier, loaded in ms instead of ~0.4 s a process)."""
    global _identifier
    if _identifier is _UNLOADED:
        from .langid_cache import load

        _identifier = load()
    if _identifier is None:
        return cast("list[tuple[str, float]]", py3langid.rank(text))
    return cast("list[tuple[str, float]]", _identifier.rank(text))


# The model's answers are kept for texts it has read: a paragraph or a short article that
# recurs in a corpus (copies of a page, a site's standing notice) is classified once per
# process.  (A call costs ~0.4 ms; the look-up of its text, a sample or a paragraph start
# of at most ~600 characters, next to nothing.)
@lru_cache(maxsize=1024)
def _model_classify(text: str) -> tuple[str | None, float]:
    """(language, confidence in [0, 1]) from py3langid's public `rank`.

    py3langid's module-level `classify`/`rank` give raw naive-Bayes log scores; the
    confidence is their softmax at temperature sqrt(bytes), as py3langid's own
    `norm_probs` computes it (the model reads the NFC UTF-8 bytes, lower-cased when the
    text is all capitals).  The model is loaded on first use, once per process (_rank)."""
    ranked = _rank(text)
    if not ranked or ranked[0][1] == ranked[-1][1]:
        return None, 0.0  # no feature of the model in the text: every score the same
    if text.isupper():
        text = text.lower()
    temp = math.sqrt(len(unicodedata.normalize("NFC", text).encode("utf8", "surrogatepass"))
                     or 1)
    top = ranked[0][1]
    total = math.fsum(math.exp((score - top) / temp) for _lang, score in ranked)
    return ranked[0][0], 1.0 / total


# ASCII bytes that are not letters: deleted, an ASCII head's letters are what is left.
_NOT_LETTER_BYTES: Final = bytes(c for c in range(128) if not chr(c).isalpha())


def _sample(text: str) -> str | None:
    """What the language is read from: the lede and a slice of the middle; None when
    the start of the text has too few letters to tell."""
    head = text[: _MIN_LETTERS * 4]
    if head.isascii():
        letters = len(head.encode("ascii").translate(None, _NOT_LETTER_BYTES))
    else:
        letters = sum(map(str.isalpha, head))
    if letters < _MIN_LETTERS:
        return None
    if len(text) > _HEAD_CHARS + _MID_CHARS:
        mid = len(text) // 2
        text = text[:_HEAD_CHARS] + "\n" + text[mid : mid + _MID_CHARS]
    return text


def classify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of `text`, or (None, 0.0) when too short to tell."""
    sample = _sample(text)
    if sample is None:
        return None, 0.0
    return _model_classify(sample)


def quick_language(sample: str) -> str | None:
    """en / de / fr / es when the sample's function words leave no doubt, else None.

    About 100 words are counted against short lists; the answer is given only with many
    words, a high share of one language's function words and a wide margin over every
    other language's (neighbours included), where the model gives the same answer."""
    words = sample.lower().split()  # "it." and "said," are not counted: no matter
    if len(words) < _QUICK_MIN_WORDS:
        return None
    # counts by language in order of first appearance (compiled, a loop with the dict's own
    # get is cheaper than map() calling a bound method per word)
    hits: dict[str, int] = {}
    for w in words:
        lg = _WORD_LANGS.get(w)
        if lg is not None:
            hits[lg] = hits.get(lg, 0) + 1
    if not hits:
        return None
    best = max(hits, key=hits.__getitem__)
    own = hits[best]
    if best not in _QUICK_LANGS or own < _QUICK_MIN_HITS or own < _QUICK_MIN_SHARE * len(words):
        return None
    if any(_QUICK_MARGIN * n > own for lg, n in hits.items() if lg != best):
        return None
    return best


def detect_language(text: str) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Language of the whole article, and per-paragraph (start, end, lang) spans only
    when some paragraph is in another language (empty list otherwise)."""
    sample = _sample(text)
    if sample is None:
        return None, []
    lang = quick_language(sample)
    if lang is None:
        lang = _model_classify(sample)[0]
    if lang is None:
        return None, []
    suspects, pars = _suspects(text, lang)
    if not suspects:
        return lang, []
    langs = [lang] * len(pars)
    for i in suspects:
        a, b = pars[i]
        plang, pconf = _model_classify(text[a : min(b, a + _PAR_CHARS)])
        if plang is not None and plang != lang and pconf >= _CONFIRM:
            langs[i] = plang
    if all(pl == lang for pl in langs):
        return lang, []
    return lang, [(a, b, pl) for (a, b), pl in zip(pars, langs, strict=True)]


def _suspects(text: str, lang: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Paragraphs that may be in another language than `lang` (cheap, no model)."""
    own_words = _FUNCTION_SETS.get(lang)
    others = [lg for lg in _FUNCTION_SETS if lg != lang]
    if own_words is not None:
        # A Latin-script article.
        if text.isascii():
            return [], []  # no accents, no other script: no German, French, Russian, ...
        # (the same answers as below when no letter hits, or none two to a line in English,
        # found cheaply)
        leads = _lead_bytes(text)
        found = len(leads) - leads.count(b"\n")
        if found == 0:
            return [], []
        if lang != "en":
            if _NOT_ASCII_LETTER.search(text) is None:
                return [], []  # no accents, no other script: no German, French, Russian, ...
            nonlatin = _NON_LATIN.search(text) is not None
            # Accents are everywhere: compare only with languages whose function words
            # occur in the article at all.
            words = set(text.lower().split())
            others = [lg for lg in others if len(words & _FUNCTION_SETS[lg]) >= 3]
            if not others and not nonlatin:
                return [], []
            pars = _paragraphs(text)
            cands = [i for i, (a, b) in enumerate(pars) if b - a >= _MIN_PAR_CHARS]
        else:
            # English: only a paragraph with at least two letters outside ASCII (few).  A
            # line's lead bytes bound its letters, so the pattern counts them only in the
            # lines with two (a regex call on a few lines: numpy's calls over the whole
            # text cost more, their dispatch cold between records).
            per_line = leads.split(b"\n")
            if found < 2 or max(map(len, per_line)) < 2:
                return [], []
            wanted = set()  # numbers of the lines that are candidate paragraphs
            pos = 0
            for k, kept in enumerate(per_line):
                end = text.find("\n", pos)
                if end < 0:
                    end = len(text)
                if len(kept) >= 2:
                    line = text[pos:end]
                    n = len(line.strip())
                    if n >= _MIN_PAR_CHARS:
                        a = pos + len(line) - len(line.lstrip())
                        if len(_NOT_ASCII_LETTER.findall(text, a, a + n)) >= 2:
                            wanted.add(k)
                pos = end + 1
            if not wanted:
                return [], []
            line_of: list[int] = []
            pars = _paragraphs(text, line_of)
            cands = [i for i, k in enumerate(line_of) if k in wanted]
        head_script = False
    else:
        pars = _paragraphs(text)
        cands = [i for i, (a, b) in enumerate(pars) if b - a >= _MIN_PAR_CHARS]
        head_script = _NON_LATIN.search(text, 0, 300) is not None
        own_words = frozenset()
    suspects = []
    for i in cands:
        a, b = pars[i]
        if (_NON_LATIN.search(text, a, b) is not None) != head_script:
            suspects.append(i)
            continue
        if head_script or not others:
            continue  # nothing cheap to compare
        pw = set(text[a:b].lower().split())
        own = len(pw & own_words)
        for lg in others:
            n = len(pw & _FUNCTION_SETS[lg])
            if n >= 3 and n >= 2 * own + 1:
                suspects.append(i)
                break
    return suspects, pars


def _paragraphs(text: str, line_of: list[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line without its surrounding whitespace; `line_of`,
    when given, gets each one's line number."""
    out = []
    pos = 0
    for k, line in enumerate(text.split("\n")):
        a = pos
        b = pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if stripped:
            a += len(line) - len(line.lstrip())
            out.append((a, a + len(stripped)))
            if line_of is not None:
                line_of.append(k)
    return out
