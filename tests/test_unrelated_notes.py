"""A labelled note ending the record ("Label: a sentence or two") that shares no content word
with the article above it is a page's standing notice, whatever its wording or language: it
goes, restorably, as `unrelated_note`.  A closing note of the article's own (an update, a
correction, background naming the story's subject), a short credit, and a note under an
article too short to know its vocabulary stay."""

from __future__ import annotations

import pytest
from familylines import cleaned

from newsclean import clean_text

HEAD = "date 2025-09-14 200"
TITLE = "Orchard growers turn to night picking as heat lingers"
BODY = [
    "Apple growers along the river valley have started picking at night, using floodlights and "
    "head torches, after a September heatwave left fruit bruising in the afternoon sun.",
    "Crews begin at ten in the evening and finish before dawn, when the apples are cool and firm "
    "enough to be stacked in crates without marking the skins.",
    "The growers' cooperative said about a third of its members had switched to night shifts "
    "this week, and that most expected to keep them until the weather breaks.",
    "Pickers are paid a higher hourly rate for the late work, and the cooperative has hired a "
    "minibus to take them home from the orchards at the end of each shift.",
]


def _record(*tail: str, body: list[str] = BODY) -> str:
    return "\n".join([HEAD, TITLE, *body, *tail]) + "\n"


# notices a site might put under any article, in wordings no family rule lists
@pytest.mark.parametrize(
    "note",
    [
        "Leserhinweis: Beiträge dieser Rubrik geben ausschließlich die Auffassung der jeweiligen "
        "Verfasser wieder und binden weder Herausgeber noch Verlag.",
        "Précision : les contenus de cette rubrique relèvent de la seule appréciation de leurs "
        "signataires et n'engagent pas la publication.",
        "House rules: every contribution submitted to this desk may be edited for length, "
        "clarity and style before it appears in print or online.",
        "Aviso: las piezas firmadas reflejan exclusivamente el criterio de sus firmantes y no "
        "comprometen al diario.",
    ],
)
def test_a_labelled_note_about_nothing_in_the_story_goes(note: str) -> None:
    record = _record(note)
    out = cleaned(record)
    assert out.verdict == "article"
    assert out.text.split("\n") == BODY
    gone = [r for r in out.removed if r.text.strip() == note]
    assert gone and gone[0].rule == "unrelated_note"


def test_two_unrelated_notes_at_the_end_both_go() -> None:
    notes = (
        "Hausordnung: Eingesandte Zuschriften können gekürzt werden, ein Anspruch auf "
        "Veröffentlichung besteht nicht.",
        "Standing note: contributions submitted to this desk may be edited for length, "
        "clarity and style before they appear.",
    )
    out = clean_text(_record(*notes))
    assert out.text.split("\n") == BODY


@pytest.mark.parametrize(
    "note",
    [
        # the article's own update, correction and background speak of its story
        "Update: the cooperative said on Thursday evening that night picking would continue "
        "into October on the lower orchards.",
        "Correction: the crews begin their shifts at ten in the evening, not at nine as this "
        "report first said.",
        "Background: the cooperative was founded by eleven orchard families and now sells its "
        "apples to three supermarket chains.",
        # too short to be judged by its words
        "Photo: Dana Whitlock for the Valley Courier",
    ],
)
def test_the_articles_own_closing_note_stays(note: str) -> None:
    out = clean_text(_record(note))
    assert out.text.split("\n") == [*BODY, note]


def test_a_note_under_a_very_short_article_stays() -> None:
    short = ["Apple growers along the river valley have started picking at night this week."]
    note = (
        "House rules: every contribution submitted to this desk may be edited for length, "
        "clarity and style before it appears in print or online."
    )
    out = clean_text(_record(note, body=short))
    assert note in out.text.split("\n")


def test_an_unlabelled_last_paragraph_stays_even_off_topic() -> None:
    # (an article may end on a paragraph of other matters; only a labelled note is judged)
    last = (
        "Meanwhile the regional football league confirmed that its final round will be "
        "played a week later than planned because of stadium repairs."
    )
    out = clean_text(_record(last))
    assert out.text.split("\n") == [*BODY, last]


def test_a_labelled_note_inside_the_body_stays() -> None:
    # (only the record's last kept lines are looked at)
    note = (
        "Standing note: contributions submitted to this desk may be edited for length, "
        "clarity and style before they appear."
    )
    body = [*BODY[:2], note, *BODY[2:]]
    out = clean_text(_record(body=body))
    assert out.text.split("\n") == body
