"""Language of the cleaned article (ISO 639-1), and paragraph spans when it mixes languages.

py3langid's model (shipped in its wheel) is loaded once, lazily, per process, and scored
with a vectorised feature extraction (see _FastLangid) that gives the same answer as
py3langid.classify at a fraction of its cost.  Mixed-language articles are found cheaply:
each paragraph's first words are checked against short function-word lists and its
script; only a paragraph that looks foreign is classified on its own to confirm.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata

import numpy as np

_MAX_CHARS = 12000  # characters of an article (or paragraph) read for its language
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

_model: _FastLangid | None = None
_lock = threading.Lock()


class _FastLangid:
    """py3langid's model, scored with its byte DFA replaced by array lookups.

    py3langid walks an Aho-Corasick automaton byte by byte in Python (about a microsecond
    per byte).  Its states are the byte n-grams (n <= 6) of a trie, so the state after each
    byte is the longest suffix of the text read so far that is a trie node.  Here the trie
    nodes of each depth are enumerated once (breadth-first over the DFA, at load time) as
    sorted integer codes, and every position's state is found with one vectorised lookup
    per depth.  Same features, same counts, same naive-Bayes scores as `classify`.
    """

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        self.ptc = ident.nb_ptc
        self.pc = np.asarray(ident.nb_pc, dtype=np.float32)
        self.classes = list(ident.nb_classes)
        self.alias = list(ident._alias_pairs)
        nm = np.asarray(ident.tk_nextmove)
        rowbase = np.asarray(ident._rowbase, dtype=np.int64)
        out = np.asarray(ident.tk_output, dtype=np.int64)
        seen = np.zeros(len(out), dtype=bool)
        seen[0] = True
        code = np.zeros(len(out), dtype=np.uint64)
        frontier = np.zeros(1, dtype=np.int64)
        cols = np.arange(256, dtype=np.int64)
        self.levels: list[tuple[np.ndarray, np.ndarray]] = []
        while len(frontier):
            new_states, new_codes = [], []
            for c0 in range(0, len(frontier), 2048):
                chunk = frontier[c0 : c0 + 2048]
                nxt = nm[(rowbase[chunk][:, None] + cols[None, :]).ravel()].astype(np.int64)
                pos = np.flatnonzero(~seen[nxt])
                if not len(pos):
                    continue
                states, first = np.unique(nxt[pos], return_index=True)
                p = pos[first]
                seen[states] = True
                codes = code[chunk[p // 256]] * np.uint64(256) + (p % 256).astype(np.uint64)
                code[states] = codes
                new_states.append(states)
                new_codes.append(codes)
            if not new_states:
                break
            states = np.concatenate(new_states)
            codes = np.concatenate(new_codes)
            order = np.argsort(codes)
            self.levels.append((codes[order], out[states[order]]))
            frontier = states

    @staticmethod
    def encode(text: str) -> bytes:
        if text.isupper():
            text = text.lower()
        return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")

    def features(self, data: bytes) -> np.ndarray:
        """Feature index emitted after each byte of `data` (-1: none)."""
        b = np.frombuffer(data, dtype=np.uint8).astype(np.uint64)
        n = len(b)
        feat = np.full(n, -1, dtype=np.int64)
        code = np.zeros(n, dtype=np.uint64)
        for d, (codes, outs) in enumerate(self.levels, 1):
            if n < d:
                break
            code[d - 1 :] += b[: n - d + 1] << np.uint64(8 * (d - 1))
            q = code[d - 1 :]
            idx = np.searchsorted(codes, q)
            np.minimum(idx, len(codes) - 1, out=idx)
            hit = codes[idx] == q
            feat[d - 1 :][hit] = outs[idx[hit]]
        return feat

    def score(self, feat: np.ndarray, nbytes: int) -> tuple[str | None, float]:
        f = feat[feat >= 0]
        if not len(f):
            return None, 0.0
        ids, counts = np.unique(f, return_counts=True)
        scores = np.log1p(counts.astype(np.float32)) @ self.ptc[ids].astype(np.float32)
        scores += self.pc
        scores *= 1.0 / math.sqrt(nbytes or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for i, j in self.alias:
            scores[i] += scores[j]
            scores[j] = 0.0
        i = int(scores.argmax())
        return self.classes[i], float(scores[i])

    def classify(self, text: str) -> tuple[str | None, float]:
        data = self.encode(text)
        return self.score(self.features(data), len(data))


def _langid() -> _FastLangid:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = _FastLangid()
    return _model


def classify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of `text`, or (None, 0.0) when too short to tell."""
    letters = 0
    for c in text[: _MIN_LETTERS * 4]:
        letters += c.isalpha()
    if letters < _MIN_LETTERS:
        return None, 0.0
    return _langid().classify(text[:_MAX_CHARS])


def detect_language(text: str) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Language of the whole article, and per-paragraph (start, end, lang) spans only
    when some paragraph is in another language (empty list otherwise)."""
    lang, _conf = classify(text)
    if lang is None:
        return None, []
    pars = _paragraphs(text)
    if len(pars) < 2:
        return lang, []
    article_script = bool(_NON_LATIN.search(text, 0, 2000))
    suspects = [i for i, (a, b) in enumerate(pars)
                if _looks_foreign(text, a, b, lang, article_script)]
    if not suspects:
        return lang, []
    model = _langid()
    langs = [lang] * len(pars)
    for i in suspects:
        a, b = pars[i]
        plang, pconf = model.classify(text[a : min(b, a + _MAX_CHARS)])
        if plang is not None and plang != lang and pconf >= _CONFIRM:
            langs[i] = plang
    if all(pl == lang for pl in langs):
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
