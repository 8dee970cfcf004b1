"""A page's script kept as text: an ad or analytics snippet on a line of its own, or glued onto
the article's sentence, goes (rule page_script) and can be restored.  An article's own code --
a tutorial's lines driving the page, an example computing something -- and prose with brackets
and semicolons stay."""

from __future__ import annotations

from restorable import clean_restorable

from newsclean.detect.scripts import code_shaped, code_tail
from newsclean.model import Article

HEAD = "date 2025-06-11 200"
TITLE = "Ferry company adds a night crossing for the summer season"
BODY = [
    "The ferry company will run a night crossing between the two ports from the first week "
    "of July, its director said on Tuesday.",
    "The new boat leaves the harbour at eleven and arrives before six in the morning, with "
    "cabins for families and a quiet lounge.",
    "Tickets go on sale next Monday, and the company expects most of them to be sold to "
    "holidaymakers heading south.",
]
SNIPPETS = [
    "(adsbygoogle = window.adsbygoogle || []).push({});",
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
    "googletag.cmd.push(function() { googletag.display('slot-top-1'); });",
    "document.addEventListener('DOMContentLoaded', () => { loadWidgets(); });",
]


def _clean(lines: list[str]) -> Article:
    return clean_restorable(HEAD, TITLE, *lines)


def test_a_snippet_on_a_line_of_its_own_goes() -> None:
    for snippet in SNIPPETS:
        art = _clean([BODY[0], snippet, *BODY[1:]])
        assert art.text == "\n".join(BODY), snippet
        assert [r.rule for r in art.removed if r.text.strip() == snippet] == ["page_script"]


def test_a_snippet_glued_onto_the_last_sentence_is_cut_from_it() -> None:
    for snippet in SNIPPETS:
        for joint in ("", " "):
            art = _clean([*BODY[:2], BODY[2] + joint + snippet])
            assert art.text == "\n".join(BODY), (joint, snippet)


def test_a_tutorials_own_code_stays() -> None:
    # an article about scripting a page prints several such lines: its own
    code = [
        "const button = document.getElementById('save');",
        "button.addEventListener('click', () => { saveDraft(); });",
        "window.setTimeout(() => { saveDraft(); }, 30000);",
    ]
    lines = [
        "Autosave is easy to add to any form with a few lines of script, and readers will "
        "thank you the first time their browser crashes mid-sentence.",
        *code,
        "The last line saves the draft every thirty seconds whether or not the reader clicks.",
    ]
    art = _clean(lines)
    assert art.text == "\n".join(lines)


def test_code_that_does_not_drive_the_page_and_bracketed_prose_stay() -> None:
    lines = [
        BODY[0],
        "for (i = 0; i < n; i++) { total += fares[i]; }",
        "The fare (set in 2019; raised in 2023) is the same for cabins [shared] and seats.",
        *BODY[1:],
    ]
    art = _clean(lines)
    assert art.text == "\n".join(lines)


def test_the_shape_of_a_snippet() -> None:
    assert all(code_shaped(s) for s in SNIPPETS)
    assert not code_shaped("Read more (opens in a new window); share it with friends.")
    assert not code_shaped(BODY[0])
    assert code_tail(BODY[2] + SNIPPETS[0], 8) == len(BODY[2])
    assert code_tail(BODY[2], 8) is None
    # (a sentence too short to hang a snippet on: no cut)
    assert code_tail("It sailed." + SNIPPETS[0], 8) is None


def test_several_snippets_and_no_code_of_the_article_all_go() -> None:
    art = _clean([BODY[0], SNIPPETS[0], BODY[1], SNIPPETS[1], SNIPPETS[2], BODY[2]])
    assert art.text == "\n".join(BODY)
