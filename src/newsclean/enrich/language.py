"""Language of the cleaned article (ISO 639-1), and paragraph spans when it mixes languages.

py3langid (model shipped in its wheel) is loaded once, lazily, per process.  Its feature
walk is pure Python and costs about a microsecond per byte, so it reads a bounded sample
of the article (the start, where the lede is, plus a slice of the middle), never all of it.
Mixed-language articles are found cheaply: each paragraph's first words are checked
against short function-word lists and its script; only a paragraph that looks foreign is
sent to py3langid to confirm.
"""

from __future__ import annotations

import re
import threading
from typing import Any

_SAMPLE = 480  # characters of the article given to py3langid (two slices)
_PAR_SAMPLE = 360  # characters of a suspicious paragraph given to py3langid
_MIN_LETTERS = 20  # fewer letters than this: too short to tell
_MIN_PAR_WORDS = 8  # a paragraph shorter than this keeps the article's language
_PROFILE_WORDS = 24  # words of each paragraph looked up in the function-word lists
_CONFIRM = 0.8  # py3langid confidence needed to call a paragraph foreign

_FUNCTION_WORDS = {
    "en": "the and of to is was that with for are have has this from by were be which not "
    "they said it its would their will been",
    "de": "der die das und ist nicht mit sich auf für ein eine dem den von zu auch wird wurde "
    "sind bei nach dass im des aus hat",
    "fr": "le la les et est des une un du pour dans que qui pas sur au avec ce sont été aux "
    "plus il elle leur ont",
    "es": "el la los las y es del que en una por con para se su al lo como más pero fue está "
    "sus son ha",
    "it": "il di che la per una non sono della con del anche gli alla nel è più questo "
    "hanno stato",
    "pt": "o os as de que do da em um uma para com não por dos se mais foi são ao pelo",
    "nl": "de het een en van is dat op te niet met voor zijn ook maar als wordt er naar bij",
}
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words.split():
        _WORD_LANGS[_w] = (*_WORD_LANGS.get(_w, ()), _lang)
_WORDS = re.compile(r"[^\W\d_]+")
# Scripts that are never written with the Latin alphabet's languages.
_NON_LATIN = re.compile(
    "[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f"
    "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)

_identifier: Any = None
_lock = threading.Lock()


def _langid() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def _sample(text: str, size: int) -> str:
    if len(text) <= size:
        return text
    half = size // 2
    mid = len(text) // 2
    return text[:half] + " " + text[mid : mid + half]


def classify(text: str, size: int = _SAMPLE) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of `text`, or (None, 0.0) when too short to tell."""
    sample = _sample(text, size)
    letters = sum(1 for c in sample if c.isalpha())
    if letters < _MIN_LETTERS:
        return None, 0.0
    lang, conf = _langid().classify(sample)
    return lang, float(conf)


def detect_language(text: str) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Language of the whole article, and per-paragraph (start, end, lang) spans only
    when some paragraph is in another language (empty list otherwise)."""
    lang, _conf = classify(text)
    if lang is None:
        return None, []
    pars = _paragraphs(text)
    if len(pars) < 2:
        return lang, []
    langs = [lang] * len(pars)
    mixed = False
    article_script = bool(_NON_LATIN.search(_sample(text, _SAMPLE)))
    for i, (a, b) in enumerate(pars):
        if _looks_foreign(text, a, b, lang, article_script):
            plang, pconf = classify(text[a:b], _PAR_SAMPLE)
            if plang is not None and plang != lang and pconf >= _CONFIRM:
                langs[i] = plang
                mixed = True
    if not mixed:
        return lang, []
    return lang, [(a, b, pl) for (a, b), pl in zip(pars, langs, strict=True)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        a = pos
        b = pos + len(line)
        pos = b + 1
        stripped = line.strip()
        if stripped:
            a += len(line) - len(line.lstrip())
            out.append((a, a + len(stripped)))
    return out


def _looks_foreign(text: str, a: int, b: int, lang: str, article_script: bool) -> bool:
    """Cheap trigger: the paragraph's function words or script disagree with `lang`."""
    head = text[a : min(b, a + 12 * _PROFILE_WORDS)]
    words = _WORDS.findall(head.lower())[:_PROFILE_WORDS]
    if len(words) < _MIN_PAR_WORDS:
        return False
    if bool(_NON_LATIN.search(head)) != article_script:
        return True
    hits: dict[str, int] = {}
    for w in words:
        for lg in _WORD_LANGS.get(w, ()):
            hits[lg] = hits.get(lg, 0) + 1
    if not hits:
        return False
    best = max(hits, key=hits.__getitem__)
    own = hits.get(lang, 0)
    return best != lang and hits[best] >= 3 and hits[best] >= 2 * own + 1
