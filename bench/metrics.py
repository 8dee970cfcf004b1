"""The project's evaluation metrics, shared by every bench (records, HTML, syndication).

Text metric: shingle precision / recall / F1 exactly as the article-extraction-benchmark
(scrapinghub/article-extraction-benchmark, evaluate.py) computes it:
- tokens are `\\w+` runs, case kept;
- shingles are token 4-grams counted as a multiset; a text with 1..3 tokens yields ONE
  shorter shingle made of all its tokens (the benchmark's `range(max(1, len - n + 1))`),
  an empty text yields none;
- per document tp/fp/fn (min of counts, excess of prediction, excess of gold), normalised to
  sum 1 so long documents do not weigh more;
- precision is the mean over documents with tp+fp > 0, recall over documents with tp+fn > 0,
  F1 = 2PR/(P+R) of those means (not a mean of per-document F1s).
Accuracy: the token sequences are identical (two empty texts are identical).

All functions take plain values or lists of them, so any bench can feed them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

TOKEN_RE = re.compile(r"\w+")
SHINGLE_N = 4
VERDICTS = ("article", "error_page", "blocked", "empty")


def tokenize(text: str | None) -> list[str]:
    return TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-gram shingles; fewer than n tokens give one shorter shingle."""
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


@dataclass(frozen=True, slots=True)
class TextScore:
    """One document's normalised tp/fp/fn and whether its token sequence is exact."""

    tp: float
    fp: float
    fn: float
    exact: bool

    @property
    def precision(self) -> float | None:
        return _precision(self.tp, self.fp, self.fn) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        return _recall(self.tp, self.fp, self.fn) if self.tp + self.fn > 0 else None

    @property
    def f1(self) -> float:
        """Per-document F1, for ranking errors; both texts empty counts as perfect."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return 1.0
        p = 0.0 if p is None else p
        r = 0.0 if r is None else r
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _precision(tp: float, fp: float, fn: float) -> float:
    # Same special cases as the benchmark's precision_score.
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score_text(pred: str | None, gold: str | None, n: int = SHINGLE_N) -> TextScore:
    pred_tokens, gold_tokens = tokenize(pred), tokenize(gold)
    ps, gs = shingles(pred_tokens, n), shingles(gold_tokens, n)
    tp = float(sum((ps & gs).values()))
    fp = float(sum((ps - gs).values()))
    fn = float(sum((gs - ps).values()))
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return TextScore(tp, fp, fn, pred_tokens == gold_tokens)


@dataclass(frozen=True, slots=True)
class TextMetrics:
    precision: float | None
    recall: float | None
    f1: float | None
    accuracy: float | None
    n: int

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": self.accuracy,
            "n": self.n,
        }


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def aggregate_text(scores: Sequence[TextScore]) -> TextMetrics:
    p = _mean([s.precision for s in scores if s.precision is not None])
    r = _mean([s.recall for s in scores if s.recall is not None])
    if r is None:  # no gold text anywhere (e.g. only error pages): F1 undefined
        f1 = None
    elif p is None:  # the system output nothing at all, so recall is 0
        f1 = 0.0
    else:
        f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    acc = _mean([1.0 if s.exact else 0.0 for s in scores])
    return TextMetrics(p, r, f1, acc, len(scores))


def text_metrics(pairs: Iterable[tuple[str | None, str | None]]) -> TextMetrics:
    """Shingle P/R/F1 and accuracy over (pred_text, gold_text) pairs."""
    return aggregate_text([score_text(p, g) for p, g in pairs])


@dataclass(frozen=True, slots=True)
class VerdictMetrics:
    accuracy: float | None
    confusion: dict[str, dict[str, int]]  # gold verdict -> predicted verdict -> count
    n: int


def verdict_metrics(pairs: Iterable[tuple[str, str]]) -> VerdictMetrics:
    """Accuracy and confusion matrix over (pred_verdict, gold_verdict) pairs.

    Predicted labels outside VERDICTS (e.g. a peer's "dropped") are kept as their own column.
    """
    confusion: dict[str, dict[str, int]] = {}
    right = total = 0
    for pred, gold in pairs:
        row = confusion.setdefault(gold, {})
        row[pred] = row.get(pred, 0) + 1
        right += pred == gold
        total += 1
    return VerdictMetrics(right / total if total else None, confusion, total)


def is_lost(gold_verdict: str, pred_verdict: str, pred_text: str | None) -> bool:
    """An article the system dropped or emptied (no \\w token left counts as empty)."""
    return gold_verdict == "article" and (pred_verdict != "article" or not tokenize(pred_text))


def articles_lost(triples: Iterable[tuple[str, str, str | None]]) -> tuple[int, int]:
    """(lost, gold articles) over (gold_verdict, pred_verdict, pred_text) triples."""
    lost = articles = 0
    for gold_verdict, pred_verdict, pred_text in triples:
        if gold_verdict == "article":
            articles += 1
            lost += is_lost(gold_verdict, pred_verdict, pred_text)
    return lost, articles


def normalise_ws(value: str | None) -> str | None:
    return None if value is None else " ".join(value.split())


def field_match(pred: str | None, gold: str | None) -> bool:
    """Exact match after whitespace normalisation; null only equals null."""
    return normalise_ws(pred) == normalise_ws(gold)


def exact_match_rate(pairs: Iterable[tuple[str | None, str | None]]) -> float | None:
    hits = [field_match(p, g) for p, g in pairs]
    return sum(hits) / len(hits) if hits else None


def is_clean_record(gold_verdict: str, defects: Sequence[str]) -> bool:
    return gold_verdict == "article" and not defects


def clean_unchanged_rate(pairs: Iterable[tuple[str | None, str]]) -> float | None:
    """Share of clean records returned byte-identical: (pred_text, gold_text) of clean records."""
    hits = [(p or "") == g for p, g in pairs]
    return sum(hits) / len(hits) if hits else None


def group_by_kind(kinds_per_record: Sequence[Iterable[str]]) -> dict[str, list[int]]:
    """Indices of the records carrying each kind; a record counts for every kind it has."""
    groups: dict[str, list[int]] = {}
    for i, kinds in enumerate(kinds_per_record):
        for kind in dict.fromkeys(kinds):  # a kind listed twice counts once
            groups.setdefault(kind, []).append(i)
    return dict(sorted(groups.items()))
