"""Copies of a body that stand before it, were cut short with an ellipsis or were wrapped
anew: the page's whole text in one line above its paragraphs (a summary field, a JSON-LD
body), a teaser of the lead cut off with "..." right above it, a second copy whose last line
was cut off with an ellipsis, and a second copy wrapped at a fixed width.  The article comes back once, in its paragraphs; an article whose own lines end
with an ellipsis or restate another line's start stays whole."""

from __future__ import annotations

import textwrap

import pytest

from newsclean import clean_text, restore

HEAD = "date 2025-04-11 200"
TITLE = "Ferry operator adds a night crossing for the summer season"
BODY = [
    "The island ferry operator will run a late crossing every Friday and Saturday from June "
    "to September, its managing director announced at the harbour on Wednesday morning.",
    "The extra sailing leaves the mainland pier at half past eleven and reaches the island "
    "shortly after midnight, which the company said would suit concert and theatre goers.",
    "Tickets for the night crossing will cost the same as those for daytime sailings, and "
    "holders of a resident's card will travel free of charge as they do during the day.",
    "Islanders had asked for a later boat for years, said the chair of the community council, "
    "who added that the last crossing at nine had kept many young people from staying on.",
]


def _clean(lines: list[str]) -> tuple[str, list[str]]:
    record = "\n".join([HEAD, TITLE, *lines])
    art = clean_text(record)
    assert art.verdict == "article"
    assert restore(art.text, art.removed) == record
    return art.text, [r.rule for r in art.removed if r.reason == "repeated"]


def test_the_whole_body_in_one_line_above_its_paragraphs_goes() -> None:
    text, rules = _clean([" ".join(BODY), *BODY])
    assert text == "\n".join(BODY)  # the paragraphs stay: the one-line copy goes
    assert rules == ["repeated_paragraph"]


def test_the_one_line_copy_goes_with_a_heading_between() -> None:
    text, rules = _clean([" ".join(BODY), TITLE, *BODY])
    assert text == "\n".join(BODY)
    assert "repeated_paragraph" in rules


def test_a_teaser_cut_short_right_above_the_lead_goes() -> None:
    teaser = BODY[0][:110].rsplit(" ", 1)[0] + "..."
    text, rules = _clean([teaser, *BODY])
    assert text == "\n".join(BODY)
    assert rules == ["repeated_paragraph"]


def test_a_copy_whose_last_line_was_cut_with_an_ellipsis_goes_whole() -> None:
    cut = BODY[2][:100].rsplit(" ", 1)[0] + "\u2026"
    text, rules = _clean([*BODY, *BODY[:2], cut])
    assert text == "\n".join(BODY)
    assert set(rules) == {"repeated_block"}


def test_a_paragraph_is_not_taken_for_a_copy_of_its_split_repeat() -> None:
    # a body printed twice, the copy split into its sentences: each paragraph is the join of
    # lines of the copy, but far above them: the copy goes, not the original
    pairs = [f"{a} {b}" for a, b in zip(BODY[::2], BODY[1::2], strict=True)]
    for copy in ([*BODY], [pairs[0], *BODY[2:]]):
        text, _ = _clean([*pairs, *copy])
        assert text == "\n".join(pairs)


def test_a_line_ending_in_an_ellipsis_that_is_not_a_teaser_stays() -> None:
    # a sentence trailing off, then a paragraph that starts otherwise; and a lead restated
    # further down with more words (no ellipsis: the article's own)
    own = [
        "The captain paused on the gangway and looked back at the harbour lights, and then...",
        "Nobody on the quay that evening could say afterwards what the captain had seen.",
        *BODY,
        BODY[0][:90].rsplit(" ", 1)[0] + "...",
        "That was the announcement; what follows is how the islanders received it at the "
        "meeting, where opinions differed more than the company had expected.",
    ]
    text, rules = _clean(own)
    assert own[0] in text and own[1] in text
    assert rules == []  # (the cut lead far below the lead is not right above it: it stays)


def test_an_elided_paragraph_and_its_joined_copy() -> None:
    # "[...]" marks an elision inside a paragraph; its copy further down runs on past it
    par = BODY[0] + " [...]"
    record = [par, *BODY[1:], par + " " + BODY[1]]
    text, _ = _clean(record)
    assert text.startswith(par + "\n")


def _wrapped(lines: list[str], width: int) -> list[str]:
    return [piece for line in lines for piece in textwrap.wrap(line, width)]


@pytest.mark.parametrize("width", [38, 72])
def test_a_copy_wrapped_at_a_fixed_width_goes(width: int) -> None:
    text, rules = _clean([*BODY, *_wrapped(BODY, width)])
    assert text == "\n".join(BODY)
    assert "rewrapped_copy" in rules


def test_a_copy_run_together_and_wrapped_anew_goes() -> None:
    text, rules = _clean([*BODY, *textwrap.wrap(" ".join(BODY), 64)])
    assert text == "\n".join(BODY)
    assert "rewrapped_copy" in rules


def test_a_table_printed_again_in_another_layout_stays() -> None:
    # a comparison table flattened into rows, then its cells again one under another (as a
    # page's narrow layout prints it): labels and cells, not wrapped prose
    rows = [
        "Day crossing Night crossing",
        "Leaves at Every hour from six in the morning. Half past eleven on Friday and Saturday.",
        "Fare The standard single fare of the day. The same single fare as by day. Resident card",
        "Travels free of charge on every crossing of the year.",
    ]
    cells = [
        "The same single fare as by day.",
        "Resident card",
        "Travels free",
    ]
    lines = [*BODY, *rows, *cells]
    text, _ = _clean(lines)
    assert text == "\n".join(lines)


def test_a_pull_quote_from_the_body_stays() -> None:
    # one sentence of a paragraph printed again as a line of its own (a pull quote) is no
    # rewrapped copy: a copy runs on over two lines or more
    quote = "The extra sailing leaves the mainland pier at half past eleven and reaches the island"
    lines = [BODY[0], BODY[1], quote, *BODY[2:]]
    text, rules = _clean(lines)
    assert quote in text
    assert "rewrapped_copy" not in rules
