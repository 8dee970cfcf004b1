"""HTML extraction: an appendix under a lone rule line at the end of the body, a headline copy
under breadcrumbs at its top, and the credits printed over the first paragraph
(extract.html_text.cut_ruled_appendix, cut_head_crumbs, drop_head_credits)."""

from __future__ import annotations

from newsclean.extract import extract_page
from newsclean.extract.html_text import cut_head_crumbs, cut_ruled_appendix, drop_head_credits

PARAS = [
    "The harbour authority said on Monday that dredging of the eastern channel would begin in "
    "March, two years later than first planned, because the tender had to be run again.",
    "Fishing crews have complained for months that silt has left the channel too shallow for "
    "loaded boats at low tide, forcing them to wait offshore for hours before landing.",
    "The authority's chief engineer said the work would take about eleven weeks and that the "
    "channel would stay open to small craft throughout, with a pilot boat on hand.",
    "Harbour users will be invited to a public meeting next month to hear how the spoil will be "
    "moved and where the barges will be moored while the work goes on.",
    "A spokesman for the fishermen's association welcomed the date but said members would want "
    "written assurances that landing fees would not rise to pay for the delay.",
    "The council, which part-funds the authority, is expected to approve its share of the cost "
    "at its budget meeting at the end of the month.",
]
APPENDIX = [
    "Got a story to share?",
    "Tell our newsroom what is happening where you live, by email or on the form below.",
    "Every message is read by an editor on the day it arrives.",
]


def test_appendix_under_a_lone_rule_at_the_end_is_cut():
    for rule in ("* * *", "----------", "~~~", "\u2013 \u2013 \u2013 \u2013"):
        assert cut_ruled_appendix([*PARAS, rule, *APPENDIX]) == PARAS


def test_rules_that_are_part_of_the_article_stay():
    # a rule drawn between the article's own sections: several of them
    sections = [*PARAS[:2], "* * *", *PARAS[2:4], "* * *", *PARAS[4:], *APPENDIX]
    assert cut_ruled_appendix(sections) == sections
    # a line or two under the rule: the article's sign-off, not an appendix
    signoff = [*PARAS, "___", "Staff writers in the harbour office contributed to this report."]
    assert cut_ruled_appendix(signoff) == signoff
    two = [*signoff, "This story has been updated to correct the date of the meeting."]
    assert cut_ruled_appendix(two) == two
    # a long part after the rule is more of the story
    story = [*PARAS[:3], "* * *", *PARAS[3:]]
    assert cut_ruled_appendix(story) == story
    # a rule under a line that ends no sentence: a code listing's or a table's own line
    code = [*PARAS, "$ git log --oneline", "----------", *APPENDIX]
    assert cut_ruled_appendix(code) == code
    # two marks are no rule, and a line with words in it is no rule
    for line in ("--", "- - Top stories -"):
        body = [*PARAS, line, *APPENDIX]
        assert cut_ruled_appendix(body) == body
    assert cut_ruled_appendix([]) == []


def test_date_lines_over_the_first_paragraph_are_dropped():
    assert drop_head_credits(["May 2, 2025", *PARAS]) == PARAS
    assert drop_head_credits(["Jane Doe", "- Sep 26, 2022", *PARAS]) == ["Jane Doe", *PARAS]
    assert drop_head_credits(["Updated on 09/10/2025", "3 days ago", *PARAS]) == PARAS
    # a label over the date, a clock time or a reading time after it; a short dek between
    dek = "Dredging starts two years late, the authority says."
    head = ["Published on: 3 Dec 2025", dek, "Jun 8, 2023 \u2022 11 min read", "20 Dec 2025, 11:59"]
    assert drop_head_credits([*head, *PARAS]) == [dek, *PARAS]


def test_head_lines_that_are_not_credits_stay():
    # a bare byline stays, as it does under the body
    body = ["By Jane Doe", *PARAS]
    assert drop_head_credits(body) == body
    # a headline opening on a date says more than the date
    body = ["December 7, 1941: A Date That Lives On", *PARAS]
    assert drop_head_credits(body) == body
    # a label over a list of short items is as often the article's own data there
    body = ["Location: Leeds, Bradford, York", *PARAS]
    assert drop_head_credits(body) == body
    # a dated sentence says more than its date
    body = ["May 2, 2025 was the wettest day of the spring in the harbour.", *PARAS]
    assert drop_head_credits(body) == body
    # a date line below the first paragraph is not the page's head (it may head a timeline's
    # entry), nor below a long standfirst
    body = [PARAS[0], "May 2, 2025", *PARAS[1:]]
    assert drop_head_credits(body) == body
    dek = "Dredging of the eastern channel will start in March, two years later than the plan."
    body = [dek, "May 2, 2025", *PARAS]
    assert drop_head_credits(body) == body
    assert drop_head_credits([]) == []


TITLE = "Channel dredging to start in March"


def test_headline_copy_under_breadcrumbs_is_cut_with_them():
    crumbs = ["- News", "- Harbour", f"- {TITLE}"]
    assert cut_head_crumbs([*crumbs, *PARAS], TITLE) == PARAS
    assert cut_head_crumbs(["Back to all posts", TITLE.upper(), *PARAS], TITLE) == PARAS


def test_head_without_a_headline_copy_under_labels_stays():
    # a standfirst over the copy: more than labels
    dek = "The authority says the tender had to be run again."
    body = [dek, TITLE, *PARAS]
    assert cut_head_crumbs(body, TITLE) == body
    # labels over the first paragraph, no headline copy among them
    body = ["- News", "- Harbour", *PARAS]
    assert cut_head_crumbs(body, TITLE) == body
    # a copy of the headline further down is the article's own line
    body = [*["- a"] * 6, TITLE, *PARAS]
    assert cut_head_crumbs(body, TITLE) == body
    # the copy standing first is drop_title_lines' business; no title, nothing to match
    body = [TITLE, *PARAS]
    assert cut_head_crumbs(body, TITLE) == body
    assert cut_head_crumbs(["- News", TITLE, *PARAS], None) == ["- News", TITLE, *PARAS]


def test_extract_page_cuts_the_appendix_and_head_credits(monkeypatch):
    from newsclean.extract import html_text

    html = "<html><head><title>Dredging to start in March</title></head><body></body></html>"
    recall = ["May 2, 2025", *PARAS, "* * *", *APPENDIX]
    # every extractor keeps the same lines, so only the two new cuts can change them
    monkeypatch.setattr(html_text, "trafilatura_body", lambda _t, _u, precision=False: list(recall))
    monkeypatch.setattr(html_text, "resiliparse_body", lambda _html: list(recall))
    monkeypatch.setattr(html_text, "readability_body", lambda _tree: list(recall))
    assert extract_page(html).body == PARAS
