"""Language and quotations as they come out of the pipeline."""

from __future__ import annotations

from newsclean import clean_text

STORY = (
    "Budget vote set for Monday after long talks\n"
    "The mayor, Anna Berg, spoke to reporters after the long meeting on the budget on Friday.\n"
    "“We are ready,” Berg said. “The vote is on Monday.”\n"
    "Council members from the opposition said they had not yet seen the final figures."
)


def test_interrupted_quotation_is_one_entry_with_parts() -> None:
    a = clean_text(STORY)
    assert a.language == "en"
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.speaker == "Anna Berg"
    assert q.parts is not None and len(q.parts) == 2
    assert [a.text[s:e] for s, e in q.parts] == ["We are ready,", "The vote is on Monday."]
    assert q.text == "We are ready, The vote is on Monday."
    assert q.to_dict()["parts"] == [list(p) for p in q.parts]


def test_non_articles_get_no_language_or_quotes() -> None:
    a = clean_text("date 2025-01-01 404\nPage not found\nSorry, this page does not exist.")
    assert a.verdict == "error_page"
    assert a.language is None and a.quotes == []


def test_german_article_language() -> None:
    text = (
        "Stadtrat beschließt neue Nachtbuslinien\n"
        "Der Stadtrat hat am Dienstag beschlossen, das Nachtbusnetz auf drei weitere Bezirke "
        "auszuweiten, nachdem ein einjähriger Versuch deutlich mehr Fahrgäste brachte als erwartet.\n"
        "„Wir lassen niemanden nachts allein an der Haltestelle stehen“, sagte Bürgermeisterin "
        "Anna Berg nach der Sitzung."
    )
    a = clean_text(text)
    assert a.language == "de"
    # a German office title may stay in front of the name; the person must be there
    assert a.quotes and (a.quotes[0].speaker or "").endswith("Anna Berg")
