"""Hand-computed checks of the shared bench metrics (bench/metrics.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_records import kinds_of, uncovered_lines  # noqa: E402
from bench.metrics import (  # noqa: E402
    aggregate_text,
    articles_lost,
    clean_unchanged_rate,
    exact_match_rate,
    field_match,
    group_by_kind,
    score_text,
    shingles,
    text_metrics,
    tokenize,
    verdict_metrics,
)
from bench.peers import lines_to_html, record_body  # noqa: E402


def test_tokenize_keeps_case_and_splits_on_non_word() -> None:
    assert tokenize("Rutte’s NATO, 2025-05-11!") == ["Rutte", "s", "NATO", "2025", "05", "11"]
    assert tokenize(None) == []


def test_shingles_are_a_multiset_of_4grams() -> None:
    got = shingles("a b c d a b c d".split())
    assert got[("a", "b", "c", "d")] == 2
    assert sum(got.values()) == 5


def test_short_text_gives_one_shorter_shingle() -> None:
    # As the article-extraction-benchmark: 1..3 tokens -> a single shingle of all of them.
    assert shingles(["Hello", "world"]) == {("Hello", "world"): 1}
    assert shingles([]) == {}


def test_missing_paragraph_costs_recall_only() -> None:
    s = score_text("The mayor said on Monday", "The mayor said on Monday night")
    # gold shingles: 3, pred: 2, all pred in gold -> tp 2, fp 0, fn 1, normalised by 3
    assert (s.tp, s.fp, s.fn) == pytest.approx((2 / 3, 0.0, 1 / 3))
    assert s.precision == 1.0
    assert s.recall == pytest.approx(2 / 3)
    assert not s.exact


def test_body_kept_twice_costs_precision() -> None:
    s = score_text("a b c d a b c d", "a b c d")
    # pred: abcd x2, bcda, cdab, dabc; gold: abcd -> tp 1, fp 4, fn 0
    assert s.precision == pytest.approx(0.2)
    assert s.recall == 1.0


def test_case_matters_and_short_texts() -> None:
    assert score_text("Hello world", "Hello world").exact
    s = score_text("hello world", "Hello world")
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_empty_documents_are_left_out_of_the_means() -> None:
    both_empty = score_text("", "")
    assert (both_empty.precision, both_empty.recall, both_empty.exact) == (None, None, True)
    kept_error_page = score_text("Page not found here", "")
    assert (kept_error_page.precision, kept_error_page.recall) == (0.0, None)
    dropped_article = score_text(None, "Page text of an article")
    assert (dropped_article.precision, dropped_article.recall) == (None, 0.0)


def test_aggregate_is_f1_of_macro_means() -> None:
    m = text_metrics(
        [
            ("a b c d", "a b c d e"),  # P 1, R 0.5
            ("a b c d a b c d", "a b c d"),  # P 0.2, R 1
            ("", ""),  # left out of both means, but exact
            ("x y", ""),  # P 0, no recall
        ]
    )
    assert m.precision == pytest.approx(0.4)
    assert m.recall == pytest.approx(0.75)
    assert m.f1 == pytest.approx(2 * 0.4 * 0.75 / 1.15)
    assert m.accuracy == pytest.approx(0.25)
    assert m.n == 4


def test_aggregate_of_nothing_is_none() -> None:
    m = aggregate_text([])
    assert (m.precision, m.recall, m.f1, m.accuracy) == (None, None, None, None)


def test_f1_when_system_outputs_nothing_or_gold_is_empty() -> None:
    nothing = text_metrics([("", "Some article text here"), (None, "More article text")])
    assert (nothing.precision, nothing.recall, nothing.f1) == (None, 0.0, 0.0)
    only_error_pages = text_metrics([("Page not found", ""), ("", "")])
    assert (only_error_pages.precision, only_error_pages.f1) == (0.0, None)


def test_per_document_f1_for_ranking() -> None:
    assert score_text("", "").f1 == 1.0
    assert score_text("x y", "").f1 == 0.0
    assert score_text("a b c d", "a b c d e").f1 == pytest.approx(2 * 0.5 / 1.5)


def test_verdict_confusion_matrix() -> None:
    v = verdict_metrics(
        [("article", "article"), ("empty", "article"), ("blocked", "blocked"), ("dropped", "empty")]
    )
    assert v.accuracy == 0.5
    assert v.confusion == {
        "article": {"article": 1, "empty": 1},
        "blocked": {"blocked": 1},
        "empty": {"dropped": 1},
    }


def test_articles_lost_counts_dropped_or_emptied_articles() -> None:
    triples = [
        ("article", "article", "Body text."),
        ("article", "empty", ""),  # dropped
        ("article", "article", "  \n"),  # kept but empty
        ("error_page", "error_page", ""),  # not an article: not counted
    ]
    assert articles_lost(triples) == (2, 3)


def test_title_match_normalises_whitespace_and_null_only_equals_null() -> None:
    assert field_match("NATO  Comments\non Membership ", "NATO Comments on Membership")
    assert field_match(None, None)
    assert not field_match("", None)
    assert not field_match("Reuters", None)
    assert exact_match_rate([("AP", "AP"), (None, "AP"), (None, None), ("ap", "AP")]) == 0.5


def test_clean_unchanged_is_byte_exact() -> None:
    pairs = [("One.\nTwo.", "One.\nTwo."), ("One.\nTwo. ", "One.\nTwo."), (None, "One.")]
    assert clean_unchanged_rate(pairs) == pytest.approx(1 / 3)
    assert clean_unchanged_rate([]) is None


def test_group_by_kind_counts_a_record_for_each_kind() -> None:
    groups = group_by_kind([["navigation", "widgets"], [], ["widgets", "widgets"]])
    assert groups == {"navigation": [0], "widgets": [0, 2]}


def test_record_body_drops_only_a_crawl_header() -> None:
    assert record_body(" date 2025-05-11 403\nTitle\nBody.") == "Title\nBody."
    assert record_body("date 2025-01-19 200\nTitle") == "Title"
    assert record_body("Title without header\nBody.") == "Title without header\nBody."


def test_lines_to_html_gives_one_escaped_paragraph_per_line() -> None:
    page = lines_to_html(["Tom & Jerry <live>", "", "  Second line  "])
    assert "<p>Tom &amp; Jerry &lt;live&gt;</p>" in page
    assert "<p>Second line</p>" in page
    assert page.count("<p>") == 2


def test_uncovered_lines_checks_reason_and_ignores_spaces() -> None:
    class R:
        def __init__(self, start: int, end: int, reason: str) -> None:
            self.start, self.end, self.reason = start, end, reason

    record = "hdr\nSorry!!\nTitle\nBody. "
    # "Sorry!!" is chars 4..11; the trailing space of line 4 need not be covered.
    assert uncovered_lines(record, [R(4, 11, "error_banner")], 2, 2, "error_banner") == []
    assert uncovered_lines(record, [R(4, 11, "boilerplate")], 2, 2, "error_banner") == [2]
    assert uncovered_lines(record, [R(18, 23, "repeated")], 4, 4, "repeated") == []


def test_kinds_of_marks_clean_articles() -> None:
    assert kinds_of({"verdict": "article", "defects": []}) == ["(clean)"]
    assert kinds_of({"verdict": "empty", "defects": ["empty"]}) == ["empty"]
