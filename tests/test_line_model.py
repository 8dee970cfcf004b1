"""The learned line model: its features read shape, and on a whole page it finds the furniture
that no rule names, while a record of an article alone comes through untouched."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from newsclean import clean_text, restore
from newsclean.line_model.features import NAMES, line_features
from newsclean.line_model.score import load
from newsclean.resolve import resolve
from newsclean.text_view import TextView

PAGE = (Path(__file__).parent / "fixtures" / "pages" / "harbour-page.txt").read_text("utf-8")
LINES = PAGE.split("\n")
TITLE = "Harbour ferry to run through the winter for the first time"
# the article's paragraphs: the long lines between the byline and the ad slot
_START = next(k for k, ln in enumerate(LINES) if ln.startswith("The harbour ferry between"))
PARAGRAPHS = LINES[_START : LINES.index("Advertisement")]
TEASERS = [ln for ln in LINES[:_START] if len(ln.split()) >= 15]  # other stories, above it


def test_features_read_shape_not_wording() -> None:
    view = TextView(PAGE)
    X = line_features(view)
    assert X.shape == (len(view.body()), len(NAMES))
    col = {n: i for i, n in enumerate(NAMES)}
    body = view.body()
    prose = [k for k, ln in enumerate(body) if ln.text in PARAGRAPHS]
    menu = [k for k, ln in enumerate(body) if ln.words <= 2]
    # prose is dense in stop words and ends sentences; menu labels are neither
    assert X[prose, col["stop_density"]].mean() > 2 * X[menu, col["stop_density"]].mean()
    assert X[prose, col["ends_stop"]].all() and not X[menu, col["ends_stop"]].any()
    # the densest run of prose is the article, and the teasers above it are not inside it
    teasers = [k for k, ln in enumerate(body) if ln.text in TEASERS]
    assert X[prose, col["in_core"]].all() and not X[teasers, col["in_core"]].any()
    # the same record gives the same features (deterministic)
    assert np.array_equal(X, line_features(TextView(PAGE)))


def test_scores_put_paragraphs_above_menus_and_teasers() -> None:
    view = TextView(PAGE)
    body = view.body()
    found = resolve(view)
    p = load().scores(view, body, found.line_marks)
    by_text = {ln.text: x for ln, x in zip(body, p, strict=True)}
    assert min(by_text[t] for t in PARAGRAPHS) > 0.7
    for furniture in ("Podcasts", "Cookie settings", "Careers"):
        assert by_text[furniture] < 0.2, furniture
    # teasers of other stories read as prose, yet rank below every paragraph of the article
    assert max(by_text[t] for t in TEASERS) < min(by_text[t] for t in PARAGRAPHS) - 0.2


def test_whole_page_comes_out_as_its_article() -> None:
    art = clean_text(PAGE)
    assert art.verdict == "article"
    assert art.title == TITLE
    kept = art.text.split("\n")
    # menus, teasers, related headlines, comments and the footer are gone
    assert kept == PARAGRAPHS
    # what only the model removes (the teasers of other stories above the headline, which
    # read as prose) says so, with its score; every removal is restorable
    for teaser in TEASERS:
        why = next(r for r in art.removed if teaser in r.text)
        assert why.reason == "boilerplate" and why.rule.startswith("line_model 0."), why
    assert restore(art.text, art.removed) == PAGE


def test_article_alone_is_untouched() -> None:
    record = "\n".join(["date 2025-02-04 200", TITLE, *PARAGRAPHS])
    art = clean_text(record)
    assert art.text == "\n".join(PARAGRAPHS)
    assert not any(r.rule.startswith("line_model") for r in art.removed)


def test_article_with_long_lists_and_a_table_is_untouched() -> None:
    # an article's own lists, table rows and code are short lines in number, but they stand
    # among its paragraphs: no whole page, nothing for the model to remove
    items = [f"- Stop {k}: {name}" for k, name in enumerate(
        ["Old Town", "Harbour", "Island Quarter", "Museum", "Market Square", "Station",
         "Riverside", "University", "Hospital", "Stadium", "North Gate", "Depot"], 1)]
    rows = [f"{d}\t{t}\t{n}" for d, t, n in [("Monday", "06:00", "24"), ("Tuesday", "06:00", "24"),
            ("Wednesday", "06:00", "24"), ("Thursday", "06:00", "24"), ("Friday", "06:00", "26"),
            ("Saturday", "08:00", "16"), ("Sunday", "09:00", "12")]]
    body = [*PARAGRAPHS[:3], "The stops on the winter route:", *items, PARAGRAPHS[3],
            "Day\tFirst boat\tDepartures", *rows, *PARAGRAPHS[4:]]
    art = clean_text("\n".join(["date 2025-02-04 200", TITLE, *body]))
    assert art.text == "\n".join(body)


def test_class_counts_are_those_of_each_line_alone() -> None:
    """The packed running totals count each line's characters as counting the line alone
    would, also past the 16-bit lanes (a line of 70,000 characters)."""
    short = "  Über 3 Äpfel, «so» ©2024\n\nthe Cat  sat. A\tB\nlast Line!"
    for text in (short, short + "\n" + "Ab1, " * 14000):
        _check_class_counts(text)


def _check_class_counts(text: str) -> None:
    from newsclean.line_model.features import _class_counts, _classes

    view = TextView(text)
    lines = view.body()
    starts = np.array([ln.cstart for ln in lines])
    ends = np.array([ln.cend for ln in lines])
    got = _class_counts(_classes(text), starts, ends)
    for k, ln in enumerate(lines):
        t = ln.text
        first = [c for j, c in enumerate(t) if not c.isspace() and (j == 0 or t[j - 1].isspace())]
        want = [
            sum(c.isalpha() for c in t), sum(c.isupper() for c in t),
            sum("0" <= c <= "9" for c in t), sum(c.isspace() for c in t),
            sum(c.isalnum() for c in t), t.count(","), sum(c in "©®™@|#»«›‹" for c in t),
            sum(c in "\"“”«»„" for c in t), sum(c.isalpha() for c in first),
            sum(c.isupper() for c in first),
        ]
        assert [int(g[k]) for g in got] == want, ln.text[:40]
