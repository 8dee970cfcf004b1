"""Markdown dumps: link targets, image embeds, headings, emphasis and escapes are cut from the
kept lines (reason markup), and plain text that happens to hold brackets or stars is left."""

from __future__ import annotations

from newsclean import clean_text, restore
from newsclean.detect import markdown
from newsclean.text_view import TextView

P1 = (
    "The harbour ferry will keep running through the winter for the first time, the "
    "[port authority](https://example.org/port \"Port\") said on Monday in a _statement_."
)
P2 = (
    "Until now the [service](/ferry) has stopped every year at the end of October, leaving "
    "**two thousand** residents to rely on a single bridge."
)
P3 = "![The new boat](https://example.org/img/boat.jpg)"
P4 = "1\\. Tickets cost the same as in summer, see [![map](/m.png)](/map) for the piers."
PAGE = "\n".join(["## **Harbour ferry to run all winter**", P1, P3, P2, P4])


def test_markdown_syntax_is_cut_and_restorable() -> None:
    a = clean_text(PAGE)
    assert a.title == "Harbour ferry to run all winter"
    assert a.text.split("\n") == [
        "The harbour ferry will keep running through the winter for the first time, the "
        "port authority said on Monday in a statement.",
        "Until now the service has stopped every year at the end of October, leaving "
        "two thousand residents to rely on a single bridge.",
        "1. Tickets cost the same as in summer, see for the piers.",
    ]
    rules = {r.rule for r in a.removed if r.reason == "markup"}
    assert rules == {"markdown_link", "markdown_image", "markdown_emphasis", "markdown_escape"}
    assert restore(a.text, a.removed) == PAGE


def test_plain_text_with_brackets_and_stars_is_not_markdown() -> None:
    body = [
        "The snake_case names in the config file [1] were kept, said the maintainer.",
        "*Terms apply. Prices include VAT and a #1 rated delivery service (see below).",
        "The vote passed 12 to 3 [Reuters] after a debate that lasted until midnight.",
    ]
    text = "\n".join(["Config names kept", *body])
    assert not markdown.is_markdown(text)
    assert clean_text(text).text == "\n".join(body)


def test_one_link_in_plain_text_is_left() -> None:
    # a single markdown-looking link is not enough to call the record markdown
    body = "Read the [full report](https://example.org/r) on the council's site, it said."
    assert not markdown.is_markdown("Report out\n" + body)


def test_snake_case_and_inner_underscores_stay_in_a_markdown_record() -> None:
    line = "set max_retries to 3 in [the file](/f) _now_"
    spans = markdown.detect(TextView(line).lines)
    assert [line[s.start : s.end] for s in spans] == ["[", "](/f)", "_", "_"]
