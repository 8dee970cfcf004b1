"""The headline under the page's title line or under a list item of the page's menus."""

from __future__ import annotations

from newsclean import clean_text

HEAD = "date 2025-05-14 200"
HEADLINE = "Why the harbour ferries are running late this spring"
BODY = [
    "Harbour ferries have run late on most mornings since April, and the operator says "
    "the cause is a shortage of trained deckhands rather than the ageing boats.",
    "Commuters on the northern route report waits of twenty minutes or more, and several "
    "said they now leave home half an hour earlier than they did last year.",
    "The operator plans to hire forty deckhands before the summer timetable starts, and "
    "it will add a second boat on the busiest crossing during the morning peak.",
    "A spokesperson said the late ferries should be fewer by June, once the new crews "
    "finish their training on the harbour's three routes.",
]
MENU = ["Home", "News", "Travel", "Weather", "Contact"]


def _record(*top: str, body: list[str] = BODY) -> str:
    return "\n".join([HEAD, *top, *body])


def test_page_title_wrapping_the_headline_gives_way_to_the_headline() -> None:
    for wrapped in (
        f"{HEADLINE} | Harbour Gazette",
        f"City Desk: {HEADLINE}",
        f"{HEADLINE} - The Daily Tide",
        f"May 14 2025 {HEADLINE}",
    ):
        art = clean_text(_record(*MENU, wrapped, HEADLINE))
        assert art.title == HEADLINE, wrapped
        assert art.text == "\n".join(BODY), wrapped


def test_a_heading_that_starts_the_headline_is_not_taken_for_it() -> None:
    # "Ferry timetables" sits inside the headline, but joined by plain words: it is a
    # section heading of the article's own, not the headline stripped of a site's name
    headline = "Ferry timetables for the summer season"
    heading = "Ferry timetables"
    body = [
        "The summer ferry timetables start on the first of June, with boats every fifteen "
        "minutes on the northern route and every half hour on the southern one.",
        *BODY[1:],
    ]
    art = clean_text(_record(headline, heading, body=body))
    assert art.title == headline
    assert art.text == "\n".join([heading, *body])


def test_a_menu_list_item_over_the_headline_is_not_the_title() -> None:
    for item in ("* Ferries", "+ Harbour Ferries", "3. Ferry Services"):
        art = clean_text(_record(*MENU, "* Buses", item, HEADLINE))
        assert art.title == HEADLINE, item
        assert art.text == "\n".join(BODY), item


def test_a_headline_with_a_dek_under_it_keeps_the_title() -> None:
    # a plain headline over a headline-shaped dek: the headline stays the title, the dek text
    dek = "Late ferries and the shortage of trained deckhands behind them"
    art = clean_text(_record(*MENU, HEADLINE, dek))
    assert art.title == HEADLINE
    assert art.text == "\n".join([dek, *BODY])


def test_the_layouts_own_pick_is_kept_for_the_line_model() -> None:
    from newsclean.resolve import resolve
    from newsclean.text_view import TextView

    wrapped = f"City Desk: {HEADLINE}"
    view = TextView(_record(*MENU, wrapped, HEADLINE), body_start=1)
    res = resolve(view)
    assert res.title is not None and res.title.text == HEADLINE
    assert res.layout_pick is not None
    pick, moved = res.layout_pick
    assert view.lines[pick].text == wrapped
    assert pick in moved and res.title.index not in moved
    # nothing moved: no layout pick to report
    plain = resolve(TextView(_record(HEADLINE), body_start=1))
    assert plain.layout_pick is None
