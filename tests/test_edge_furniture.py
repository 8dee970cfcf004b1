"""The line model at any record's ends: a run of a site's labels that the rules leave under
the article (or over its headline) goes, while an article's own closing list stays."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsclean import clean_text, restore
from newsclean.line_model.furniture import EDGE_END_WORDS, _opens_list, _short_end
from newsclean.text_view import TextView

PAGE = (Path(__file__).parent / "fixtures" / "pages" / "harbour-page.txt").read_text("utf-8")
LINES = PAGE.split("\n")
TITLE = "Harbour ferry to run through the winter for the first time"
_START = next(k for k, ln in enumerate(LINES) if ln.startswith("The harbour ferry between"))
PARAGRAPHS = LINES[_START : LINES.index("Advertisement")]
# a port authority's footer: its first labels share the article's topic words, so the rules'
# walk back from the plain labels stops under them
FOOTER = ["Ferry times", "Winter timetable", "Ferry passes", "Island routes", "Harbour cams", "Parking and transit",
          "Accessibility", "Privacy notice", "Site index", "Staff portal", "Phone directory"]


def _record(body: list[str]) -> str:
    return "\n".join(["date 2025-02-04 200", TITLE, *body])


@pytest.mark.parametrize("footer", [FOOTER, [x for x in FOOTER if x != "Ferry passes"]])
def test_labels_left_under_the_article_go_with_the_models_reason(footer: list[str]) -> None:
    # three labels left, or two over furniture the rules removed (its first items)
    record = _record([*PARAGRAPHS, *footer])
    art = clean_text(record)
    assert art.verdict == "article" and art.title == TITLE
    assert art.text == "\n".join(PARAGRAPHS)
    by_model = [r for r in art.removed if r.rule.startswith("line_model 0.")]
    assert by_model and all(r.reason == "boilerplate" for r in by_model)
    assert "Ferry times" in "".join(r.text for r in by_model)
    assert restore(art.text, art.removed) == record


def test_an_announced_closing_list_stays() -> None:
    # short lines under a line ending in a colon are the list it announces
    body = [*PARAGRAPHS, "Winter departures from the old town pier:",
            "Weekdays 06:00", "Saturdays 08:00", "Sundays 09:00", "Holidays 09:00"]
    art = clean_text(_record(body))
    assert art.text == "\n".join(body)


def test_a_bullet_list_going_on_stays() -> None:
    body = [*PARAGRAPHS, "- Passes are sold at both piers and on the boat",
            "- Pier cafes", "- Bike racks", "- Step-free boarding"]
    art = clean_text(_record(body))
    assert art.text == "\n".join(body)


def test_opens_list_reads_the_shape_of_the_line_above() -> None:
    assert _opens_list("The new stops are:", "Market Square")
    assert _opens_list("https://example.org/report-2024", "https://example.org/data")
    assert _opens_list("- Monthly passes", "- Day tickets")
    assert not _opens_list("The council will decide in April.", "Site index")
    assert not _opens_list("- Monthly passes", "* Site index")


def test_the_model_is_asked_once_for_the_same_lines_and_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # page_furniture asks and finds no page, then edge_furniture asks about the same lines
    # with the same marks: the scores are reused; other marks or another record ask again
    from newsclean.line_model import furniture, score
    from newsclean.resolve import resolve
    from newsclean.text_view import TextView

    asked: list[int] = []
    real = score.LineModel.scores

    def counted(self, view, lines, marks=None, title=None):  # type: ignore[no-untyped-def]
        asked.append(len(lines))
        return real(self, view, lines, marks, title)

    monkeypatch.setattr(score.LineModel, "scores", counted)
    view = TextView(_record([*PARAGRAPHS, *FOOTER]), body_start=1)
    marks = resolve(view).line_marks
    body = view.body()
    first = furniture._scores(view, body, marks, None)
    again = furniture._scores(view, body, dict(marks), None)
    assert len(asked) == 1 and np.array_equal(first, again)
    again[:] = -1.0  # (a caller's copy: the kept scores are not changed through it)
    assert np.array_equal(furniture._scores(view, body, marks, None), first)
    fewer = {i: m for i, m in marks.items() if i != min(marks)}
    other = furniture._scores(view, body, fewer, None)
    assert len(asked) == 2 and len(other) == len(body)
    furniture._scores(view, body[1:], fewer, None)
    twin = TextView(view.text, body_start=1)
    furniture._scores(twin, twin.body(), fewer, None)
    assert len(asked) == 4


def _short_end_by_list(body: list, marks: dict, title: int | None) -> bool:
    """The definition: among the kept lines, the last two or the first two are both short."""
    kept = [k for k, ln in enumerate(body) if ln.index not in marks and ln.index != title]
    return any(len(end) == 2 and all(body[k].words <= EDGE_END_WORDS for k in end)
               for end in (kept[-2:], kept[:2]))


def test_short_ends_are_found_from_each_end_as_the_list_of_kept_lines_says() -> None:
    lines = ["Home", "Local news", "Council votes to keep the ferry running all winter long",
             "The vote on Tuesday was close, and the harbour board welcomed the result.",
             "Share", "Print", "More from the harbour desk"]
    view = TextView("\n".join(lines))
    body = view.body()
    cases = [({}, None), ({0: ("boilerplate", "menu")}, None), ({0: ("b", "x"), 1: ("b", "x")}, None),
             ({5: ("b", "x")}, None), ({4: ("b", "x"), 5: ("b", "x")}, None),
             ({k: ("b", "x") for k in (0, 1, 4, 5)}, None), ({}, 1), ({}, 5),
             ({k: ("b", "x") for k in range(7) if k != 6}, None), ({k: ("b", "x") for k in range(7)}, None)]
    got = [_short_end(body, marks, title) for marks, title in cases]
    assert got == [_short_end_by_list(body, marks, title) for marks, title in cases]
    assert True in got and False in got  # (the cases hold both answers)
    # two menu labels at the top alone make a short end; marked away, the headline is first
    assert _short_end(body, {4: ("b", "x"), 6: ("b", "x")}, None)
    assert not _short_end(body, {0: ("b", "x"), 4: ("b", "x"), 6: ("b", "x")}, None)
