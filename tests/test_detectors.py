"""Each detector family: lines it must catch, and lines (and whole articles) it must leave."""

from __future__ import annotations

import pytest

from newsclean import clean_text, restore
from newsclean.detect import banners, boilerplate, dateline, repeats
from newsclean.text_view import TextView, normalise

P1 = (
    "The city council voted on Tuesday to extend the night bus network to three outer "
    "districts, after a year-long pilot showed ridership well above forecasts."
)
P2 = (
    "Officials said the extension would cost about 4 million euros a year, paid for by a "
    "small increase in parking fees in the centre."
)
P3 = (
    "Residents of the affected districts had campaigned for the change since 2021, arguing "
    "that shift workers were left without a safe way home after midnight."
)
P4 = (
    "The new routes start running in March, and the council will review the numbers again "
    "after the first full year of service."
)
BODY = [P1, P2, P3, P4]
TITLE = "Night buses to reach outer districts from March"


def record(*lines: str, header: str = "date 2025-03-01 200") -> str:
    return "\n".join([header, *lines])


def kept_lines(text: str) -> list[str]:
    return clean_text(text).text.split("\n")


# --- banners ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Sorry!!", "error"),
        ("Error! We're sorry, but the page you were looking for doesn't exist.", "error"),
        ("404 - Page Not Found", "error"),
        ("Oops! This page doesn't exist", "error"),
        ("The page you requested could not be found.", "error"),
        ("This content is no longer available", "error"),
        ("Seite nicht gefunden", "error"),
        ("Die angeforderte Seite existiert leider nicht mehr.", "error"),
        ("Page introuvable", "error"),
        ("Désolé, cette page n'existe pas.", "error"),
        ("Página no encontrada", "error"),
        ("Lo sentimos, la página que buscas no existe.", "error"),
        ("Access denied", "blocked"),
        ("Verify you are human by completing the action below.", "blocked"),
        ("Performance & security by Cloudflare", "blocked"),
        ("Please enable JavaScript and cookies to continue", "blocked"),
        ("Zugriff verweigert", "blocked"),
        ("Accès refusé", "blocked"),
        ("Acceso denegado", "blocked"),
        # server and expiry wordings
        ("The server encountered an unexpected error and could not finish loading.", "error"),
        ("We were unable to process your request at this time.", "error"),
        ("This listing has expired.", "error"),
        ("Error establishing a database connection", "error"),
    ],
)
def test_banner_lines_are_classified(line: str, kind: str) -> None:
    assert banners.classify(normalise(line), len(line.split())) == kind


@pytest.mark.parametrize(
    "line",
    [
        TITLE,
        P1,
        "Forbidden Gardening Advice for First-Time Growers",
        "The error rate of the new test fell to 2 percent, the researchers found in a study "
        "of 4,000 patients across nine hospitals and three countries over two years.",
        "Errors in judgement are common when people are tired.",
        "The database error cost the agency weeks of work, an audit of its records in 2024 "
        "by the national office found, and led to new rules for every regional depot.",
        "JavaScript Frameworks Compared",
        "The offer on night passes expired in March.",
    ],
)
def test_banner_negatives(line: str) -> None:
    assert banners.classify(normalise(line), len(line.split())) is None


def test_banner_before_article_is_removed_and_article_kept() -> None:
    rec = record("Oops!", "The page you are looking for has been moved.", TITLE, *BODY)
    a = clean_text(rec)
    assert a.verdict == "article"
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)
    assert {r.reason for r in a.removed} >= {"error_banner", "title"}


def test_pure_error_page_gets_a_verdict() -> None:
    rec = record(
        "Page not found",
        "Sorry, the page you were looking for doesn't exist.",
        "Return to homepage",
        header="date 2025-03-01 404",
    )
    a = clean_text(rec)
    assert a.verdict == "error_page"
    assert a.text == ""
    assert a.title is None


def test_error_page_listing_other_headlines_is_not_an_article() -> None:
    rec = record(
        "Error 404",
        "We can't find that page",
        "You might also like",
        "How to plan a garden for dry summers",
        "The best budget tents of the year",
        "Ten rules for safer cycling in town",
        "Why coffee prices keep rising",
    )
    assert clean_text(rec).verdict == "error_page"


def test_error_page_listing_headlines_that_ask_is_not_an_article() -> None:
    # other stories' headlines may ask or exclaim, in headline case: still a list of them
    rec = record(
        "Error 404",
        "We can't find that page",
        "Is the Night Bus Worth the Late Fare?",
        "Can the Old Harbour Cranes Still Be Saved?",
        "The Budget Tents We Would Actually Buy Again!",
        header="date 2025-03-01 404",
    )
    assert clean_text(rec).verdict == "error_page"


def test_headline_that_asks_over_an_article_under_a_banner_is_kept() -> None:
    # a banner over the page, then an article whose headline asks: paragraphs follow it
    title = "Is the Night Bus Worth the Late Fare?"
    a = clean_text(record("Error 404", "We can't find that page", title, *BODY))
    assert (a.verdict, a.title, a.text) == ("article", title, "\n".join(BODY))


def test_menu_labels_above_an_error_banner_are_no_article() -> None:
    rec = record("Reach Our Team:", "Dog Insurance", "Book a Demo", "Rolex(212)",
                 "This page has been removed", "We couldn't find that page",
                 header="date 2025-03-01 404")
    a = clean_text(rec)
    assert a.verdict == "error_page"
    assert a.text == ""
    # a real article standing above a banner at the foot of the page is kept
    rec = record(TITLE, *BODY, "Page not found")
    a = clean_text(rec)
    assert a.verdict == "article"
    assert a.text == "\n".join(BODY)


def test_banner_over_a_technical_article_whose_paragraphs_alternate_with_code() -> None:
    body = [
        "Slow queries usually come from missing indexes. Start by reading the plan the "
        "database chose for the query, line by line.",
        "EXPLAIN ANALYZE",
        "SELECT name FROM stops",
        "WHERE route = 4;",
        "The plan shows a sequential scan over every stop. An index on the route column turns "
        "it into a lookup that reads a handful of rows.",
        "CREATE INDEX stops_route",
        "ON stops (route);",
        "Run the plan again after creating the index. The estimate and the actual time should "
        "now be close, and far lower than before.",
        "VACUUM ANALYZE stops;",
        "Keep statistics fresh on busy tables. Stale statistics lead the planner to choose "
        "scans again, even with the index in place.",
    ]
    a = clean_text(record("Oops, that link is broken.", "Faster Queries With Indexes", *body))
    assert a.verdict == "article"
    assert a.text == "\n".join(body)
    # a list of headlines with one-sentence teasers under a banner is still an error page
    teasers = [
        "How to plan a garden for dry summers",
        "Water less, mulch more, and choose plants that thrive in the heat of July.",
        "The best budget tents of the year",
        "We pitched twelve tents in the rain to find the three worth your money.",
        "Ten rules for safer cycling in town",
        "Small habits that make riding in traffic calmer for everyone on the road.",
    ]
    a = clean_text(record("Error 404", "We can't find that page", "You might also like", *teasers))
    assert a.verdict == "error_page"


def test_block_page_gets_blocked_verdict() -> None:
    rec = record(
        "Just a moment...",
        "Checking your browser before accessing the site.",
        "Verify you are human",
        "Ray ID: 7a1b2c3d4e5f",
        header="date 2025-03-01 403",
    )
    assert clean_text(rec).verdict == "blocked"


def test_script_notice_on_an_error_page_leaves_it_an_error_page() -> None:
    # a scripts notice is furniture of many pages; beside a "no longer available" banner the
    # page is an error page, and a page of the notice alone is a block page
    rec = record(
        "To use this site, please enable JavaScript in your browser.",
        "This story is no longer available.",
        header="date 2025-03-01 200",
    )
    assert clean_text(rec).verdict == "error_page"
    rec = record("Home", "Please turn JavaScript on and reload the page.", "Contact")
    a = clean_text(rec)
    assert a.verdict == "blocked"
    assert ("blocked", "script_banner") in {(r.reason, r.rule) for r in a.removed}
    # a short article under the notice is still an article
    short = [TITLE, P1, "Route 9 runs every half hour until 5am."]
    a = clean_text(record("Bitte aktivieren Sie JavaScript, um fortzufahren.", *short))
    assert a.verdict == "article"
    assert a.text == "\n".join(short[1:])
    # and in front of an article it is removed and the article kept
    a = clean_text(record("JavaScript is disabled in your browser.", TITLE, *BODY))
    assert a.verdict == "article"
    assert a.text == "\n".join(BODY)


def test_empty_records() -> None:
    assert clean_text("date 2025-03-01 200").verdict == "empty"
    assert clean_text("date 2025-03-01 200\n\n   \n").verdict == "empty"
    assert clean_text("").verdict == "empty"
    only_title = clean_text(record(TITLE, "Share this article", "Load comments"))
    assert only_title.verdict == "empty"
    assert only_title.title == TITLE


# --- repeats -----------------------------------------------------------------------------


def _repeated_lines(text: str) -> set[str]:
    v = TextView(text)
    return {v.lines[i].text for i in repeats.detect(v)}


def test_full_body_repeat_keeps_first_copy() -> None:
    rec = record(TITLE, *BODY, *BODY)
    assert kept_lines(rec) == BODY


def test_tail_and_three_copies() -> None:
    assert kept_lines(record(TITLE, *BODY, P3, P4)) == BODY
    assert kept_lines(record(TITLE, *BODY, *BODY, *BODY)) == BODY


def test_single_paragraph_repeat_anywhere() -> None:
    assert kept_lines(record(TITLE, P1, P2, P2, P3, P4)) == BODY
    assert kept_lines(record(TITLE, P1, P2, P3, P4, P2)) == BODY


def test_paragraph_copied_twice_before_a_label_that_recurs_keeps_the_label() -> None:
    # "Cons:" stands under each review; the copies of the paragraph above it are removed,
    # the label (seen before, but not with that paragraph) stays
    body = ["Pros:", P1, "Cons:", P2, "Pros:", P3, "Cons:", P4]
    rec = record(TITLE, *body[:6], P3, P3, *body[6:])
    assert kept_lines(rec) == body


def test_copies_differing_in_whitespace_and_quote_style() -> None:
    fancy = "“We will keep the buses running,” the mayor said — and meant it."
    plain = '"We  will keep the buses running,"   the mayor said - and meant it.'
    assert kept_lines(record(TITLE, P1, fancy, P2, plain, P3)) == [P1, fancy, P2, P3]
    # an ASCII line with a backtick and its copy with a no-break space fold alike
    code = "Pin the release tag, don't chase `main`, and rebuild the timetable index nightly."
    copy = code.replace(" ", "\u00a0", 2)
    assert kept_lines(record(TITLE, P1, code, P2, copy, P3)) == [P1, code, P2, P3]


def test_copy_whose_paragraph_breaks_were_lost() -> None:
    # the same text with its line breaks turned into spaces: a whitespace-only difference
    joined = [P1 + " " + P2, P3 + "  " + P4]
    assert kept_lines(record(TITLE, *BODY, *joined)) == BODY
    assert kept_lines(record(TITLE, *BODY, " ".join(BODY))) == BODY
    # headings joined to their paragraphs, and short lines joined to each other
    body = ["What changes", P1, "Who pays", P2, "Route 1: Old Town", "Route 2: Harbour", P3, P4]
    joined = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    assert kept_lines(record(TITLE, *body, *joined)) == body
    # one paragraph that merely opens with an earlier one, and goes on, is no copy
    longer = P1 + " The vote was close, and the opposition asked for a recount."
    assert kept_lines(record(TITLE, P1, P2, longer, P3)) == [P1, P2, longer, P3]


def test_copied_body_of_list_items_is_a_copy_whatever_follows_it() -> None:
    items = ["Routes that change:", "- Line 4", "- Line 9", "- Line 12", "- Line 31", "- Line 40",
             "Stops that move:", "- Old Town", "- Harbour", "- Riverside", "- Museum Quarter"]
    body = [P1, *items, P2, P3, P4]
    # a long site notice under the copy does not make the copy part of the body
    notice = ("Disclaimer: The views and opinions expressed in this article are those of the "
              "authors and do not necessarily reflect the official policy of this site.")
    assert kept_lines(record(TITLE, *body, *body, notice)) == body
    # nor does a long related headline no family names
    teaser = ("Seven things every commuter should know before the new night bus timetable "
              "starts running across the city in March")
    assert kept_lines(record(TITLE, *body, *body, "More from the city desk", teaser)) == body


def test_copied_tail_after_the_articles_own_repeated_block() -> None:
    # the article repeats a short block itself (kept), then the crawler copied its last lines
    plans = ["- Free plan: one site", "- Basic plan: five sites", "- Pro plan: twenty sites"]
    block = ["Pros: fast setup", "Pros: many templates", "Cons: costly add-ons",
             "Cons: slow support", "Price: from nine euros"]
    body = [P1, P2, P3, P4, *plans, *block, *block]
    assert kept_lines(record(TITLE, *body, *body[-11:])) == body


def test_embedded_posts_signed_alike_keep_their_signatures() -> None:
    # two embedded posts by one account on one day carry the same signature line, the
    # second at the very end of the article
    sig = "— Harbour City Transit Authority (@CityTransit) March 4, 2025"
    body = [P1, "Night buses start on Monday, the first route from the docks.", sig, P2, sig]
    assert kept_lines(record(TITLE, *body)) == body


# a plan printed on a template: each day's own session between the same warm-up and
# cool-down paragraphs
WARM = "Warm up for fifteen minutes with easy jogging, then four short strides on the flat."
COOL = "Cool down with ten minutes of walking and a few gentle stretches for the calves."
DAYS = [
    ("Monday", "Six hill repeats of ninety seconds, jogging back down between each one of them."),
    ("Wednesday", "Forty minutes at a steady pace you could keep talking at, on a flat and quiet route."),
    ("Friday", "Three blocks of eight minutes at threshold effort with two minutes easy in between."),
]
PLAN = [P1] + [x for day, main in DAYS for x in (day, WARM, main, COOL)] + [P4]


def test_an_articles_template_lines_are_no_repeats() -> None:
    assert kept_lines(record(TITLE, *PLAN)) == PLAN


def test_a_block_printed_three_times_with_its_own_lines_around_is_a_repeat() -> None:
    # a page's block printed in its header, sidebar and footer: each copy's neighbours are
    # the block's other lines, not the article's text
    block = ["Harbour tours leave from the old town pier every hour between nine and five",
             "Tickets for the evening cruise are sold at the kiosk next to the ferry gate"]
    got = kept_lines(record(TITLE, *block, P1, P2, *block, P3, P4, *block))
    assert [got.count(x) for x in block] == [1, 1]


def test_noise_copies_are_repeats_beside_a_template() -> None:
    # one paragraph printed three times is no template; nor is a stutter of the template's
    # lines
    assert kept_lines(record(TITLE, P1, P2, P3, P2, P4, P2)) == BODY
    stutter = PLAN[:3] + [WARM] + PLAN[3:]
    assert kept_lines(record(TITLE, *stutter)) == PLAN


def test_repeated_short_structure_inside_body_is_kept() -> None:
    body = [
        P1,
        "Model A",
        "Range: 400 km",
        "Charging: 30 minutes",
        P2,
        "Model B",
        "Range: 400 km",
        "Charging: 30 minutes",
        P3,
    ]
    assert kept_lines(record(TITLE, *body)) == body
    assert _repeated_lines("\n".join(["FAQ", P1, "FAQ"])) == set()


def test_recurring_list_items_at_the_end_are_not_a_copied_tail() -> None:
    days = [
        "Monday: lentil soup with bread.", "Extras:", "* an apple", "* a handful of walnuts",
        "Tuesday: baked fish with new potatoes.", "Extras:", "* a pear", "* two oatcakes",
        "Wednesday: vegetable curry with rice and a green salad on the side.", "Extras:",
        "* a handful of walnuts", "* a pear",
    ]
    body = [P1, P2, *days]
    assert kept_lines(record(TITLE, *body)) == body
    # the same short lines copied together, in order, are a duplicated tail
    shopping = ["Shopping list:", "* two tins of lentils", "* a bag of walnuts", "* six pears"]
    got = kept_lines(record(TITLE, P1, P2, *shopping, *shopping))
    assert got == [P1, P2, *shopping]


def test_closing_lines_copied_along_with_the_body_are_the_articles() -> None:
    closing = ["More night-time guides", "- Where to eat after midnight", "- Late trains, route by route",
               "Share this article"]
    rec = record(TITLE, *BODY, *closing, *BODY, *closing, "Leave a comment", "© 2025 City Herald")
    assert kept_lines(rec) == [*BODY, *closing]
    # furniture repeated below the article, without prose, is no copied article passage
    furniture = ["Subscribe to our newsletter", "Follow us on Facebook", "Share this article"]
    rec = record(TITLE, *BODY, *furniture, P4, *furniture)
    assert kept_lines(rec) == BODY


def test_sign_off_above_a_disclaimer_stays() -> None:
    rec = record(TITLE, *BODY, "Anna Berg",
                 "Disclaimer: The views expressed here are those of the author alone.",
                 "Share this article")
    assert kept_lines(rec) == [*BODY, "Anna Berg"]
    # above a widget bar, a short foreign line is a menu item of the page
    rec = record(TITLE, *BODY, "Weather Radar", "Share this article", "Leave a comment")
    assert kept_lines(rec) == BODY


@pytest.mark.parametrize(
    "closing",
    [
        ["Last updated: March 4, 2025"],
        ["Fare per night trip: £2.40"],
        ["See you on the late bus! Ana"],
        ["Ana Berg, transport reporter, City Herald"],
        ["(Photo: City Herald archive)"],
        ["Best wishes,", "Ana"],
    ],
)
def test_articles_closing_line_above_a_widget_bar_stays(closing: list[str]) -> None:
    rec = record(TITLE, *BODY, *closing, "Share this article", "Leave a comment")
    assert kept_lines(rec) == [*BODY, *closing]


def test_menu_labels_above_a_widget_bar_still_go() -> None:
    menu = ["Weather Radar", "Local Events", "Home & Garden"]
    rec = record(TITLE, *BODY, *menu, "Share this article", "Leave a comment")
    assert kept_lines(rec) == BODY
    # a label sharing one word in two with the article is still a label ("districts" is in
    # the body; "Shipping" is not)
    menu = ["Shipping Districts", "Local Events", "Home & Garden"]
    rec = record(TITLE, *BODY, *menu, "Share this article", "Leave a comment")
    assert kept_lines(rec) == BODY


def test_body_ending_in_a_recurring_line_then_copied_keeps_that_line() -> None:
    # each review ends "Where to see it: …"; the body's last line also stands earlier in it,
    # so it and the copy of the body that follows make one run of copies
    where = "Where to see it: Central Station"
    body = [P1, where, P2, P3, P4, where]
    assert kept_lines(record(TITLE, *body, *body)) == body
    assert kept_lines(record(TITLE, *body, *body, *body)) == body
    spaced = ["  " + x.replace(" ", "  ") for x in body]
    assert kept_lines(record(TITLE, *body, *spaced)) == body
    # above a widget bar, a line the article carries earlier too is no menu item
    assert kept_lines(record(TITLE, *body, "Share this article", "Leave a comment")) == body


def test_three_copies_of_a_body_with_its_own_closing_note() -> None:
    note = "Disclosure: the night bus pilot figures in this article come from the council itself."
    body = [*BODY, note]
    # copied along with the body twice over, the note is the article's, and kept once
    assert kept_lines(record(TITLE, *body, *body, *body)) == body
    # so is a disclosure that names the headline
    title = "How to Ride the Night Bus for the First Time"
    note = "Disclosure: This guide on how to ride the night bus for the first time was paid for."
    body = [*BODY, note]
    assert kept_lines(record(title, *body, *body, *body)) == body


def test_disclosure_that_names_the_headline_is_the_articles() -> None:
    title = "How to Ride the Night Bus for the First Time"
    note = ("Disclosure: This guide on how to ride the night bus for the first time was paid "
            "for by the transit office, but the views are ours.")
    generic = "Disclosure: We may earn a commission when you buy through links on this site."
    related = ["READ MORE: Ten summer recipes for a crowd", "READ MORE: The best budget headphones"]
    a = clean_text(record(title, *BODY, note, *related))
    assert a.title == title
    assert a.text == "\n".join([*BODY, note])
    # a site's notice names no headline, and goes
    a = clean_text(record(title, *BODY, generic, *related))
    assert a.text == "\n".join(BODY)
    # sharing a word or two with the headline is not naming it
    shared = "Disclaimer: Bus times change; check the transit office site before you ride."
    a = clean_text(record(title, *BODY, shared))
    assert a.text == "\n".join(BODY)


def test_note_on_the_items_the_headline_lists_is_the_articles() -> None:
    title = "Nine Night Bus Operators Compared for 2025"
    note = ("Disclaimer: The operators listed here were chosen by our editors; none of them "
            "paid to appear, and fares may have changed since publication.")
    a = clean_text(record(title, *BODY, note))
    assert a.title == title
    assert a.text == "\n".join([*BODY, note])
    # a site's notice about whatever it features, under a headline on something else, goes
    generic = ("Disclaimer: The products featured here are selected by our editors; we may "
               "earn a commission when you buy through our links.")
    a = clean_text(record(title, *BODY, generic))
    assert a.text == "\n".join(BODY)
    # and the headline's word alone, with no pointing at its list, is not enough
    plain = ("Disclaimer: Operators may change fares at any time; this site accepts no "
             "liability for losses arising from the use of its information.")
    a = clean_text(record(title, *BODY, plain))
    assert a.text == "\n".join(BODY)


def test_document_reference_code_above_page_furniture_stays() -> None:
    # a report's closing reference number is the article's, not a menu item over the widgets
    rec = record(TITLE, *BODY, "Ref. HB20250304-1125", "Leave a comment", "© 2025 City Herald")
    assert kept_lines(rec) == [*BODY, "Ref. HB20250304-1125"]


def test_reference_addresses_above_page_furniture_stay() -> None:
    refs = ["Sources", "https://www.example.org/transport/night-bus-pilot-report",
            "www.example.org/council/minutes-2025-02"]
    rec = record(TITLE, *BODY, *refs, "Leave a comment", "© 2025 City Herald")
    assert kept_lines(rec) == [*BODY, *refs]


def test_recurring_structural_line_inside_body_is_kept() -> None:
    # a formula restated, or a mail header quoted again: not a duplicated paragraph
    formula = "P_out = (V x I x efficiency) / 1000 + losses x k"
    body = [P1, formula, P2, P3, formula, P4]
    assert kept_lines(record(TITLE, *body)) == body
    # the same line right under its original is a stutter; a repeated sentence is a copy
    assert kept_lines(record(TITLE, P1, formula, formula, P2, P3, P4)) == [P1, formula, *BODY[1:]]
    sentence = "The council will publish the full ridership figures for each route next week."
    got = kept_lines(record(TITLE, P1, sentence, P2, P3, sentence, P4))
    assert got == [P1, sentence, P2, P3, P4]


# --- boilerplate families --------------------------------------------------------------


@pytest.mark.parametrize(
    "line,family",
    [
        ("Legal Disclaimer:", "disclaimer"),
        ("Next PostWinter Cycling: Ten Tips From Our Readers", "related_link"),
        ("Previous Article: Why bus fares rise every spring", "related_link"),
        ("Next Posture Exercises for Desk Workers", None),  # a headline, not a link
        ("Condividi su Facebook", "widget"),
        ("Compartilhe no WhatsApp", "widget"),
        ("Abonnieren Sie unseren Newsletter", "widget"),
        ("Inscrivez-vous à notre newsletter", "widget"),
        ("Suscríbete a nuestro boletín", "widget"),
        ("Der Newsletter erscheint wöchentlich", None),  # about a newsletter, no sign-up
        ("TikTok Studios (Berlin)", None),  # a camel-cased network name is one word, a topic
        ("Text and images © 2019–2025 Harbour Press", "copyright"),
        ("Site layout / logo © 2024 Harbour Press Ltd", "copyright"),
        ("The © 2025 sign is a legal notice in many countries and more", None),
        ("Follow us on InstagramThis newsletter is paid for by readers", "glued_widgets"),
        ("Recipes from our kitchen archivePrint this story", "glued_widgets"),
        ("Leave a ReplyGIFT SHOPPrint this page", "glued_widgets"),
        # a sentence with a camel-cased brand cuts into a call and the rest: no widget
        ("Try BusBuddy today for 30 days at no cost and find out how it can plan your trips!", None),
        (
            "Harbour Wire supplies this material “as provided” without warranty of any sort.",
            "disclaimer",
        ),
        ("The views expressed in this article do not necessarily reflect those of the site.", "disclaimer"),
        ("© 2025 Example Media Ltd. All rights reserved.", "copyright"),
        ("Copyright 2024 Daily Example", "copyright"),
        ("Alle Rechte vorbehalten.", "copyright"),
        ("CommentsNo comment", "widget"),
        ("Share this article", "widget"),
        ("Load Disqus Comments", "widget"),
        ("Share this story with friends", "widget"),
        ("Follow us on social media", "widget"),
        ("We use cookies to ensure that we give you the best experience on our website", "cookie_notice"),
        ("Please enable JavaScript in your browser to view this page.", "cookie_notice"),
        ("Subscribe to continue reading", "paywall"),
        ("This content is for subscribers", "paywall"),
        ("Related Articles", "related_header"),
        ("You may also like", "related_header"),
        ("Lesen Sie auch", "related_header"),
        ("Read more: Why night buses matter", "related_link"),
        ("Home | World | Business | Sport | Culture", "navigation"),
        # notices in other wordings than the ones above
        ("Nothing on this page constitutes tax advice; speak to an accountant first.", "disclaimer"),
        ("Our guides should not be relied upon as legal advice.", "disclaimer"),
        ("This calculator is not a substitute for professional financial advice.", "disclaimer"),
        ("Figures are shown for illustrative purposes only.", "disclaimer"),
        ("Opinions in guest columns are the writer's own.", "disclaimer"),
        ("Past performance is not a guarantee of future returns.", "disclaimer"),
        ("This website does not endorse any of the clinics listed.", "disclaimer"),
        ("No part of this website may be copied without the publisher's consent.", "copyright"),
        # a site's sections run together, a menu's heading, a search box
        ("News Sport Weather Culture", "navigation"),
        ("Politik Wirtschaft Kultur Sport", "navigation"),
        ("Sections", "navigation"),
        ("About us", "navigation"),
        ("Blog", "navigation"),
        ("Search this site", "widget"),
        # notices that a page needs scripts, in four languages (a block page only when
        # nothing else is there: see the verdict tests)
        ("Please turn JavaScript on and reload the page.", "cookie_notice"),
        ("JavaScript is required to view this site.", "cookie_notice"),
        ("Bitte aktivieren Sie JavaScript, um fortzufahren.", "cookie_notice"),
        ("Veuillez activer JavaScript dans votre navigateur.", "cookie_notice"),
        ("Habilita JavaScript para continuar.", "cookie_notice"),
        # an ad slot with where the text resumes, framed or not
        ("Advertisement - Continue reading below", "ad_marker"),
        ("— Advertisement —", "ad_marker"),
        ("The story continues after this advertisement", "ad_marker"),
        # sign-ups, paywalls and embeds in other wordings
        ("Get the morning briefing newsletter in your inbox", "widget"),
        ("Sign up for breaking news alerts", "widget"),
        ("Enter your email address", "widget"),
        ("Recevez notre newsletter", "widget"),
        ("Support quality journalism: subscribe from £2 a month", "paywall"),
        ("Watch on YouTube", "widget"),
        ("A video shared by Night Bus Fans (@nightbusfans)", "widget"),
        # an article page's reading time and listen button
        ("7 min read", "reading_aid"),
        ("Reading time: about 9 minutes", "reading_aid"),
        ("Lesezeit: 4 Min.", "reading_aid"),
        ("Listen · 4:51", "reading_aid"),
        ("Artikel vorlesen lassen", "reading_aid"),
        ("Écouter l'article", "reading_aid"),
        ("Escucha esta noticia", "reading_aid"),
        ("Ascolta questo articolo 3:12", "reading_aid"),
    ],
)
def test_family_lines(line: str, family: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) == family


@pytest.mark.parametrize(
    "line",
    [
        TITLE,
        P1,
        "Top Kitchen Resolutions for 2026",
        "Comments from residents were mostly positive.",
        "Popular back-end frameworks for beginners include:",
        "Social Media Consultants in Wales",  # a topic, not a share bar
        "Community Rating Report for Seattle",
        "- 0x3FA2",  # a handle in a list of names: its "x" is no share button
        # prose near those notices
        "The mayor said the delay should not be taken as a sign of trouble at the depot.",
        "The drivers' union does not endorse either candidate for the transport board.",
        "Arts and Culture",  # two sections: a headline or a section's own title
        "World News",
        "Best Website Themes for Local Bakeries",
        "The ad was pulled after complaints from riders.",
        "Residents can sign up for flood alerts on the council website.",
        "The grant will support local journalism in rural districts.",
        "A post shared by the mayor drew criticism from residents.",
        "Reading time has fallen among teenagers, the survey found.",
        "Artikel über die Brücke",  # a heading that opens on an article's name
        "Lees voor het slapengaan een boek.",  # a sentence, not the player's button
        "Escucha la noticia que cambió la ciudad",
        "5 minutes from the station",
        "Audio Engineering for Beginners",
        # a brand whose humps are widget words is no run of widget strings
        "Then paste the timetable link you copied from RouteFeedWatch",
        # hashtags are camel-cased by custom
        "Thanks to the crew at #NightBusFans and #CityHerald for the photos #ad",
    ],
)
def test_family_negatives(line: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) is None


def test_seed_like_trailer_is_removed() -> None:
    rec = record(
        TITLE,
        *BODY,
        "Legal Disclaimer:",
        "The publisher supplies this material “as provided” without warranty of any sort.",
        "CommentsNo comment",
    )
    a = clean_text(rec)
    assert a.text == "\n".join(BODY)
    assert {r.reason for r in a.removed if "Disclaimer" in r.text} == {"boilerplate"}


def test_menu_above_title_and_related_links_below() -> None:
    rec = record(
        "Home | News | Sport | Weather",
        "Subscribe",
        TITLE,
        *BODY,
        "Related stories",
        "Tram line 4 closes for repairs in May",
        "City budget: what changes for drivers",
        "© 2025 City Herald",
    )
    a = clean_text(rec)
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)


def test_closing_links_and_notes_about_the_article_itself_are_kept() -> None:
    own = [
        "See also:",
        "- Night bus ridership in the outer districts",
        "- How the council will pay for the night bus extension",
        "Disclosure: the ridership forecasts quoted here are the council's own.",
    ]
    a = clean_text(record(TITLE, *BODY, *own))
    assert a.text == "\n".join([*BODY, *own])
    # the same shape, about other stories, is the page's related-links block
    other = [
        "See also:",
        "- Ten summer recipes for a crowd, tested by our food desk",
        "- The best budget headphones of the year, ranked",
    ]
    a = clean_text(record(TITLE, *BODY, *other))
    assert a.text == "\n".join(BODY)


def test_in_body_lists_tables_and_headings_are_untouched() -> None:
    body = [
        P1,
        "What changes",
        "Route | Start | Frequency",
        "N1 | 23:30 | 20 min",
        "N2 | 23:45 | 30 min",
        P2,
        "Share of riders by district:",
        "- North: 40%",
        "- East: 35%",
        P3,
        "Comments from residents",
        P4,
    ]
    a = clean_text(record(TITLE, *body))
    assert a.text == "\n".join(body)
    assert a.title == TITLE


def test_clean_article_without_header_comes_through_untouched() -> None:
    text = "\n".join([TITLE, *BODY])
    a = clean_text(text)
    assert a.verdict == "article"
    assert a.text == "\n".join(BODY)
    assert a.fetched is None and a.http_status is None


# --- datelines and syndication tags ----------------------------------------------------


@pytest.mark.parametrize(
    "first,publisher,rest",
    [
        ("(MENAFN) The port has never closed.", "MENAFN", "The port has never closed."),
        ("(Reuters) - Shares rose on Monday.", "Reuters", "Shares rose on Monday."),
        ("WASHINGTON (AP) — The Senate voted.", "AP", "The Senate voted."),
        ("LONDON, May 3 (Reuters) - Oil fell.", "Reuters", "Oil fell."),
        ("BERLIN (dpa) - Die Bahn streikt.", "dpa", "Die Bahn streikt."),
        ("(CNN)The Senate voted.", "CNN", "The Senate voted."),
        ("MADRID (EFE).- El Senado votó.", "EFE", "El Senado votó."),
        ("MOSCOW, March 1 (TASS). The Duma voted.", "TASS", "The Duma voted."),
        ("OTTAWA — (The Canadian Press) The House voted.", "The Canadian Press", "The House voted."),
        ("NAIROBI, Kenya (AP) — Parliament voted.", "AP", "Parliament voted."),
        ("(MENAFN- Harbour Wire Service) Ports reopened.", "MENAFN", "Ports reopened."),
        # agencies no list names, with other separators and months in capitals
        ("(XNA) _ The port reopened.", "XNA", "The port reopened."),
        ("PARIS, MAR 3 (Agence Riv) — Talks resumed.", "Agence Riv", "Talks resumed."),
        ("KIGALI, 4 mars (Kora-Info) -- Le port a rouvert.", "Kora-Info", "Le port a rouvert."),
        ("Harbour, Oct. 1 (HCT) The port reopened.", "HCT", "The port reopened."),
        ("VALLETTA (Melita) The port reopened.", "Melita", "The port reopened."),
    ],
)
def test_syndication_tag_becomes_publisher(first: str, publisher: str, rest: str) -> None:
    a = clean_text(record(TITLE, first + " " + P1, P2, P3))
    assert a.publisher == publisher
    assert a.text.split("\n")[0] == rest + " " + P1
    assert any(r.reason == "dateline" for r in a.removed)


@pytest.mark.parametrize(
    "first",
    [
        "ML (Machine Learning) at Westbrook Poly is a student club.",
        "(if a file in this folder ends with .csv, it is a table)",
        "The agency (which declined to comment) said nothing more.",
        "Occupational Safety Association (OSAA). Members met in May.",
        "Machine Learning (ML)Is a field of study.",
        "- Augmented reality (AR) – overlays on the real world",
        "(Photo) The mayor opens the new ferry terminal.",
        "Tesla (TSLA) shares rose on Monday.",
    ],
)
def test_text_that_is_not_a_tag(first: str) -> None:
    assert not dateline.has_tag(first)


@pytest.mark.parametrize(
    "first,place",
    [
        ("DENVER -- The city council voted.", "DENVER"),
        ("BERLIN, Mar. 4 — Talks resumed.", "BERLIN, Mar. 4"),
        ("SAN JOSE, Calif. — The council voted.", "SAN JOSE, Calif."),
        ("NAIROBI, 4 MARCH - Parliament voted.", "NAIROBI, 4 MARCH"),
    ],
)
def test_place_dateline_without_agency_stays_in_the_text(first: str, place: str) -> None:
    # a dateline without a bracketed agency is the article's own first words
    a = clean_text(record(TITLE, first + " " + P1, P2, P3))
    assert a.text.split("\n")[0] == first + " " + P1
    assert a.publisher is None
    assert a.to_dict()["dateline"] == place
    assert not any(r.reason == "dateline" for r in a.removed)


def test_tag_reports_its_place_as_dateline() -> None:
    a = clean_text(record(TITLE, "WASHINGTON (AP) — The Senate voted. " + P1, P2))
    assert (a.publisher, a.to_dict()["dateline"]) == ("AP", "WASHINGTON")
    assert "dateline" not in clean_text(record(TITLE, *BODY)).to_dict()


# --- restore on everything above --------------------------------------------------------


@pytest.mark.parametrize(
    "rec",
    [
        record("Oops!", TITLE, *BODY, *BODY, "CommentsNo comment"),
        record(TITLE, *BODY) + "\n\n  \n",
        " date 2024-01-02 403\r\n" + "\r\n".join([TITLE, *BODY]),
        record("Access denied", "Ray ID: 1234"),
        "",
    ],
)
def test_restore_is_exact(rec: str) -> None:
    a = clean_text(rec)
    assert restore(a.text, a.removed) == rec


def test_ad_markers_are_removed_even_inside_the_body() -> None:
    body = [P1, "ADVERTISEMENT", P2, "Story continues below advertisement", P3, "Anzeige", P4]
    a = clean_text(record(TITLE, *body))
    assert a.text == "\n".join(BODY)
    assert not boilerplate.is_ad_marker(normalise("Advertising revenue fell 4% last year."))


@pytest.mark.parametrize(
    "label",
    ["Gesponsert", "Sponsorisé", "Pubblicità", "Publicidade", "Advertentie", "Reklama",
     "Annons", "Mainos", "— Реклама —", "Promoted", "Partner content", "Advertisement Advertisement"],
)
def test_ad_slot_labels_of_other_languages_go_inside_the_body(label: str) -> None:
    a = clean_text(record(TITLE, P1, label, P2, P3, P4))
    assert a.text == "\n".join(BODY)
    assert [r.rule for r in a.removed if r.reason == "boilerplate"] == ["ad_marker"]


@pytest.mark.parametrize(
    "line",
    ["Promoted to captain after ten seasons", "Partner content grew by a third last year.",
     "Reclame Aqui", "Annonce du maire"],
)
def test_lines_that_open_on_an_ad_label_are_no_ad_slot(line: str) -> None:
    assert not boilerplate.is_ad_marker(normalise(line))


def test_copy_cut_short_and_entity_variants_are_repeats() -> None:
    cut = P2[: len(P2) - 25]
    assert kept_lines(record(TITLE, *BODY, P1, cut)) == BODY
    # alone, a line that starts like an earlier one is the article's own
    assert kept_lines(record(TITLE, P1, P2, P3, cut)) == [P1, P2, P3, cut]
    amp = "Fish & chips: the council’s favourite lunch, and the city’s oldest takeaway trade."
    escaped = amp.replace("&", "&amp;")
    assert kept_lines(record(TITLE, P1, amp, P2, escaped, P3)) == [P1, amp, P2, P3]


@pytest.mark.parametrize(
    "line,family",
    [
        ("Free trial", "paywall"),
        ("Members-only content", "paywall"),
        ("Enter your e-mail address below to join our mailing list", "widget"),
        ("Sign up for our weekly newsletter", "widget"),
        # a subscriber prompt leads to the login; a subscriber's link to their purchases
        # closing a report's promotion is the page's own
        ("Already a subscriber? Log in", "paywall"),
        ("Already a member?", "paywall"),
        ("Already subscribed? Continue reading", "paywall"),
        ("Already have an account? Sign in here.", "paywall"),
        ("Already a subscriber? Download your timetables here →", None),
        # registering or a subscription as the way to read on; an introductory offer
        ("Register for free to read this and other stories from the council.", "paywall"),
        ("Continue reading with a digital subscription.", "paywall"),
        ("Only $1 for your first month. Cancel anytime.", "paywall"),
        # ... and the same words in a story's own sentences
        ("The plan costs $15 a month and users can cancel anytime, the company said.", None),
        ("Voters must register to vote by Friday, the electoral office said.", None),
        ("She will continue reading with her pupils every week until the summer.", None),
    ],
)
def test_paywall_and_newsletter_boxes(line: str, family: str) -> None:
    assert boilerplate.classify(line, normalise(line), len(line.split())) == family


def test_newsletter_word_in_prose_is_not_a_widget() -> None:
    line = (
        "The newsletter, founded in 1998 by two retired teachers, now reaches forty thousand "
        "readers across the region every week and has never carried advertising."
    )
    assert boilerplate.classify(line, normalise(line), len(line.split())) is None


def test_block_page_with_a_permission_sentence_is_not_an_article() -> None:
    rec = record(
        "Access Denied",
        "You don't have permission to access this page on this server.",
        "Reference #18.4f2a3b17.1717581234.9c1e2d",
        header="date 2025-06-05 403",
    )
    assert clean_text(rec).verdict == "blocked"


def test_disclosure_and_dek_under_the_headline_are_the_articles_own() -> None:
    disclosure = "This post contains affiliate links: we may earn a commission if you buy."
    dek = "Learn how the council will pay for the longer night bus routes"
    rec = "\n".join(["date 2025-03-04 200", "Menu", TITLE, disclosure, dek, "Contact us", *BODY])
    art = clean_text(rec)
    assert art.title == TITLE
    assert art.text.split("\n")[:2] == [disclosure, dek]
    assert "Contact us" not in art.text  # a menu item under the headline is still furniture
    assert restore(art.text, art.removed) == rec


def test_disclosure_above_the_headline_is_page_furniture() -> None:
    disclosure = "This post contains affiliate links: we may earn a commission if you buy."
    rec = "\n".join(["date 2025-03-04 200", disclosure, TITLE, *BODY])
    art = clean_text(rec)
    assert art.title == TITLE
    assert art.text == "\n".join(BODY)


def test_headline_that_opens_with_a_verb_is_still_the_title() -> None:
    headline = "Learn how night buses reach outer districts"
    art = clean_text("\n".join(["date 2025-03-04 200", headline, *BODY]))
    assert art.title == headline
    assert art.text == "\n".join(BODY)
    # a call to action that does not announce the article is no headline
    art = clean_text("\n".join(["date 2025-03-04 200", "Learn more about our app", *BODY]))
    assert art.title is None
    assert art.text == "\n".join(BODY)


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("12 Comments", "widget"),
        ("Share 48 Tweet 3 Email", "widget"),
        ("30 Top Social Media Consultants in 2026", None),  # a year is a headline's, not a counter
        ("Best Social Media Apps of 2024", None),
        # a login form's fields are page furniture; a headline about passwords is not
        ("Password", "widget"),
        ("Remember me", "widget"),
        ("Forgot your password?", "widget"),
        ("Why You Should Never Reuse a Password", None),
        ("Remember the Flood of 1927", None),
        # a search box's prompt; a heading that shares a word with one is not
        ("Type in your search and press enter", "widget"),
        ("Enter keywords", "widget"),
        ("Press", None),
        ("What are the results?", None),
        ("Hit the Road: Ferry Trips for a Weekend", None),
    ],
)
def test_widget_counters_but_not_years(line: str, family: str | None) -> None:
    ln = TextView(line).lines[0]
    assert boilerplate.classify(ln.text, ln.norm, ln.words) == family


def test_short_headline_above_a_dek_is_the_title() -> None:
    headline = "History of the Night Bus"
    dek = "Ever wonder how the city's night buses first started running?"
    lead = (
        "The city's first night bus ran in 1952, when shift workers at the docks asked the "
        "council for a safe way home after the late shift ended at midnight."
    )
    art = clean_text("\n".join(["date 2025-03-04 200", headline, dek, lead, P2, P3, P4]))
    assert art.title == headline
    assert art.text == "\n".join([dek, lead, P2, P3, P4])
    # a menu item above the headline does not take the title, even when it shares a word
    rec = "\n".join(["date 2025-03-04 200", "Home", "Night Life", "Plan a Visit", TITLE, *BODY])
    art = clean_text(rec)
    assert art.title == TITLE
    assert art.text == "\n".join(BODY)


def test_opening_headline_over_a_section_heading_is_the_title() -> None:
    headline = "An overdue win for people working odd hours"
    points = [
        "- Three outer districts get night buses from March, after a pilot that ran for a year.",
        "- Parking fees in the centre rise slightly to pay for the extra routes and drivers.",
    ]
    rec = "\n".join(["date 2025-03-04 200", headline, "At a glance", *points, *BODY])
    art = clean_text(rec)
    assert art.title == headline
    assert art.text == "\n".join(["At a glance", *points, *BODY])


def test_when_nothing_announces_the_lead_the_opening_line_is_weighed_against_the_last() -> None:
    # a studio's showcase page: its name, filter labels, a slogan; no line names the prose
    labels = ["All", "Hotels", "Restaurants", "Retail", "Public Spaces", "Offices"]
    prose = [
        "We partner with owners and architects to shape rooms that people want to return to, "
        "from the first sketch to the last fitting on opening day.",
        "Each project starts with a week on site, listening to the staff who will work there "
        "and the guests who will pass through every day of the year.",
        "Call our team to talk about your next opening and what it needs from the start.",
    ]
    page = ["Harbour & Lane Interiors", *labels, "Spaces That Work.", *prose]
    art = clean_text(record(*page))
    assert art.title == "Harbour & Lane Interiors"  # the slogan is a statement, no headline
    assert art.text == "\n".join(page[1:])
    # a menu line above a headline whose words the body keeps coming back to: the headline
    heading = "Night Buses Return"
    body = [
        "Night buses return to the outer districts in March, the transport office said.",
        "The buses will run every half hour between midnight and five in the morning.",
        "Drivers for the night buses are being hired now, and the routes are on the website.",
    ]
    art = clean_text(record("Sign In", heading, *body))
    assert art.title == heading
    assert art.text == "\n".join(body)


def test_long_exclaimed_headline_is_the_title_not_the_first_paragraph() -> None:
    title = ("Night Bus Guide: The 5 Routes Every Rider Should Learn + Ways to Get Home Safely "
             "for Under $3!")
    opener = ("I have ridden the night buses for over five years now, and trust me on this, "
              "they have become my favourite way to get home after a late shift!")
    art = clean_text(record(title, "Reading Time: 8 minutes", opener, *BODY))
    assert art.title == title
    assert art.text == "\n".join(["Reading Time: 8 minutes", opener, *BODY])
    # an exclamation in prose, written in sentence case, is the first paragraph
    art = clean_text(record(TITLE, opener, *BODY))
    assert art.title == TITLE
    assert art.text == "\n".join([opener, *BODY])


def test_call_inside_the_authors_address_block_under_the_headline_stays() -> None:
    block = ["Ana Berg", "Institute of Transport Studies", "Phone: +46 8 555 0101",
             "Email: a.berg@example.edu", "Abstract"]
    art = clean_text(record(TITLE, *block, *BODY))
    assert art.title == TITLE
    assert art.text == "\n".join([*block, *BODY])
    # the same call alone above the headline is the page's
    art = clean_text(record("Email: a.berg@example.edu", TITLE, *BODY))
    assert art.text == "\n".join(BODY)


def test_menu_line_of_common_words_does_not_announce_the_lead() -> None:
    lead = (
        "Here is what you need to know about the night bus routes, which the council voted on "
        "Tuesday to extend to three outer districts."
    )
    rec = "\n".join(["date 2025-03-04 200", "Here's how you know", TITLE, lead, P2, P3, P4])
    art = clean_text(rec)
    assert art.title == TITLE
    assert art.text == "\n".join([lead, P2, P3, P4])


MENU = ["Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Football",
        "Tennis", "Culture", "Books", "Film", "Travel", "Opinion", "Weather"]


def test_long_run_of_bare_labels_inside_the_body_is_a_menu() -> None:
    rec = "\n".join(["date 2025-03-04 200", TITLE, P1, P2, *MENU, P3, P4])
    art = clean_text(rec)
    assert art.text == "\n".join(BODY)
    menu_spans = [r for r in art.removed if "Politics" in r.text]
    assert [r.rule for r in menu_spans] == ["navigation"]
    assert all(m in menu_spans[0].text for m in MENU)
    assert restore(art.text, art.removed) == rec


def test_long_label_list_announced_by_a_sentence_stays() -> None:
    intro = "The night buses will also stop at these places along the way:"
    stops = ["Old Town", "Harbour", "Riverside", "Central Station", "Market Hall", "University",
             "Zoo", "Stadium", "Airport Road", "Hospital", "Canal Street", "Museum Quarter",
             "City Park", "Ferry Terminal", "North Gate", "Bus Depot"]
    body = [P1, intro, *stops, P2, P3, P4]
    art = clean_text(record(TITLE, *body))
    assert art.text == "\n".join(body)


def test_short_label_lists_and_tables_inside_the_body_stay() -> None:
    ingredients = ["flour", "butter", "sugar", "two eggs", "milk", "salt"]
    table = [f"Route {n}" for n in range(1, 17)]  # figures: a table's rows, not a menu
    markers = [f"- {m}" for m in MENU]  # list markers: the article's own list
    for block in (ingredients, table, markers):
        rec = "\n".join(["date 2025-03-04 200", TITLE, P1, P2, *block, P3, P4])
        art = clean_text(rec)
        assert art.text == "\n".join([P1, P2, *block, P3, P4])


def test_studio_name_over_its_tagline_is_the_title_not_a_case_study_dek() -> None:
    # a studio's page: its name, a tagline, then case studies (a heading over a sentence-case
    # summary each); nothing announces the lead, and a summary sentence is no headline
    lines = [
        "Tamsin+Ode",
        "Design that earns its place on the shelf.",
        "Harbour Lights",
        "Bringing families back to a seaside aquarium with a season of evening openings.",
        "The Quiet Room",
        "A calmer identity for the aquarium's community library, which wanted fewer signs on "
        "its walls and more room for families and readers.",
        "Second Pressing",
        "Relaunching a cider made from the orchard's oldest trees for the farm shop and beyond.",
    ]
    art = clean_text("\n".join(["date 2025-03-04 200", *lines]))
    assert art.title == "Tamsin+Ode"
    assert art.text == "\n".join(lines[1:])
    # behind a login form the same page keeps its title
    form = ["Email", "Password", "Remember me"]
    art = clean_text("\n".join(["date 2025-03-04 200", *form, *lines]))
    assert art.title == "Tamsin+Ode"
    assert art.text == "\n".join(lines[1:])


def test_reading_time_under_the_headline_is_the_articles_header() -> None:
    # a page's own reading time sits under its headline and stays; above the headline it is
    # page furniture, as is a listen button
    a = clean_text(record(TITLE, "6 min read", *BODY))
    assert a.title == TITLE
    assert a.text == "\n".join(["6 min read", *BODY])
    a = clean_text(record("Reading time: 6 minutes", TITLE, *BODY))
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)


def test_ad_slot_with_its_continue_line_is_removed_mid_body() -> None:
    a = clean_text(record(TITLE, P1, P2, "Advertisement - Continue reading below", P3, P4))
    assert a.text == "\n".join(BODY)
    assert [r.rule for r in a.removed if r.reason == "boilerplate"] == ["ad_marker"]
    # a list's item is no slot marker
    items = ["Post types on the board:", "- Sponsored", "- Ad", "- Notice"]
    assert kept_lines(record(TITLE, P1, P2, *items, P3, P4)) == [P1, P2, *items, P3, P4]


def test_headline_alone_is_an_empty_page_with_its_title() -> None:
    # the page's opening line and nothing else of its own: no article, but its title
    for rec in (
        record("Klatch Street Coffee"),
        record("Is the Night Bus Worth It?", "Share this"),
        record("Should the Night Bus Run Every Ten Minutes? What Riders Told the Council", "Partager l'article"),
    ):
        a = clean_text(rec)
        assert a.verdict == "empty"
        assert a.title == rec.split("\n")[1]
        assert a.text == ""
    # a menu bar alone is no headline, and a lone label under a menu bar says nothing
    a = clean_text(record("Home | News | Sport | Weather | Contact"))
    assert a.verdict == "empty" and a.title is None
    # under an error banner, the missing page's headline makes no article
    a = clean_text(record("Page not found", "Is the Night Bus Worth It?", header="date 2025-03-01 404"))
    assert a.verdict == "error_page"
    assert a.text == ""


def test_headline_printed_twice_is_given_once() -> None:
    a = clean_text(record(TITLE, TITLE, *BODY))
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)
    assert [r.rule for r in a.removed if r.reason == "repeated"] == ["repeated_title"]
    # the page's title with the site's name over the plain heading: the heading is the title
    a = clean_text(record(TITLE + " | City Herald", TITLE, *BODY))
    assert a.title == TITLE
    assert a.text == "\n".join(BODY)
    # a headline and a different, longer second line both stay what they are
    a = clean_text(record(TITLE, TITLE + " and what it means for shift workers", *BODY))
    assert a.title == TITLE


# --- furniture glued onto the article's lines ---------------------------------------------


@pytest.mark.parametrize(
    "last,glue",
    [
        (P4, "Share this story"),
        (P4[:-1] + ', the mayor said."', "Write A Comment"),
        (P4, "* Terms of Service"),
        (P4, "Liked the guide? Pin it to your board!"),
        (P4, "Are State Tax Refunds Taxable?"),
        (P4, "© 2025 Harbour Daily Media"),  # a copyright notice glued after the stop
        # a sentence ending on a name, a figure or an elided word
        (P4[:-1] + " on Thursday.", "Download our app"),
        (P4[:-1] + " since the 1960s.", "Back to top"),
        (P4[:-1] + " près de l'eau.", "Plus d'actualités"),
        # a notice that ends on a stop itself (the family took the line whole for it)
        (P4, "Copyright 2025 Harbour Daily Media. All rights reserved."),
        # a longer pitch that speaks to the reader
        (P4, "Sign up for our free morning briefing and get the day's top local stories in your inbox"),
        (P4, "Abonnez-vous à notre lettre et recevez chaque matin les informations de votre ville."),
        # ... after a sentence that ends on a name or a figure
        (P4[:-1] + " on Thursday.", "Download our free guide to riding the night buses safely after midnight"),
        (P4[:-1] + " since the 1960s.", "Click here to get the new timetables sent to your inbox every week"),
        # a count, a teaser's number, a read time, a date or a pager run into the last stop
        (P4, "79 shares"),
        (P4, "10 Best Night Bus Routes in 2026"),
        (P4, "4 min read"),
        (P4, "2025-03-07"),
        (P4, "← Older post"),
    ],
)
def test_furniture_glued_to_the_last_sentence_is_cut_where_it_begins(last: str, glue: str) -> None:
    a = clean_text(record(TITLE, P1, P2, P3, last + glue))
    assert a.text.split("\n")[-1] == last
    cut = [r for r in a.removed if r.rule == "glued_tail"]
    assert [r.text for r in cut] == [glue]
    assert restore(a.text, a.removed) == record(TITLE, P1, P2, P3, last + glue)


@pytest.mark.parametrize("glue", ["Share", "ShareTweetPinEmail"])
def test_a_widget_glued_after_a_short_closing_sentence_is_cut(glue: str) -> None:
    last = "The night buses start in May."
    a = clean_text(record(TITLE, P1, P2, P3, last + glue))
    assert a.text.split("\n")[-1] == last
    assert [r.text for r in a.removed if r.rule == "glued_tail"] == [glue]


@pytest.mark.parametrize(
    "last", ["Have a question about the routes?Post a comment", "Sign up for alerts today.Share"]
)
def test_a_short_call_with_a_widget_glued_on_goes_whole(last: str) -> None:
    # a question or a call to the reader is the widget's own line, not the article's close
    assert kept_lines(record(TITLE, P1, P2, P3, last)) == [P1, P2, P3]


@pytest.mark.parametrize(
    ("last", "glue"),
    [
        # the article's own short last line, a list item or a label, with widgets run into it
        ("- Later buses on Saturday nights", "Comments (4)"),
        ("Fares: 2.40 euros (children 1.20)", "TweetShare"),
        ("Timetables at the depot and online", "Print this page"),
    ],
)
def test_widgets_glued_onto_a_short_last_line_go_and_the_line_stays(last: str, glue: str) -> None:
    rec = record(TITLE, *BODY, last + glue)
    a = clean_text(rec)
    assert a.text.split("\n") == [*BODY, last]
    assert [r.text for r in a.removed if r.rule == "glued_tail"] == [glue]
    assert restore(a.text, a.removed) == rec


@pytest.mark.parametrize(
    "line",
    [
        # a menu's label of capitalised words, a pitch to the reader: the page's, like the
        # widgets glued onto them
        "Community Guidelines PolicyFacebookInstagram",
        "This newsroom is paid for by members like youDonate",
    ],
)
def test_page_lines_with_widgets_glued_on_go_whole(line: str) -> None:
    assert kept_lines(record(TITLE, *BODY, line)) == BODY


@pytest.mark.parametrize(
    "last",
    [
        P4[:-1] + " at $49.20 a month.",  # a decimal
        P4[:-1] + " in the U.S.Army's old depot.",  # initials
        "Configure it with builder.Services.AddHttpClient before the first request is sent.",
        P4 + "The council meets again on Thursday to vote on the final timetable for the routes.",
        P4 + "Then it rained.",  # two statements run together: the article's own words
        P4[:-1] + ", as the report showed.2",  # a footnote's number
        P4[:-1] + ", as the report showed.[12]",
        P4[:-1] + ", as the report showed.2 These are the routes:",  # ... over a list
        P4 + "2026 will be the first full year of the service.",  # a statement run on
        # a sentence about a copyright that starts on the sign after a stop: a statement
        P4 + "© signs on the old posters were painted over by the new owners of the depot.",
        # an abbreviation's stop touching a name
        P4[:-1] + ", according to a letter signed by Gen.Hartley",
        # a statement glued after a sentence that ends on a name: two paragraphs run together
        P4[:-1] + " in Toronto.The council will vote on the plan in May.",
    ],
)
def test_article_lines_with_stops_touching_capitals_stay(last: str) -> None:
    assert kept_lines(record(TITLE, P1, P2, P3, last)) == [P1, P2, P3, last]


@pytest.mark.parametrize("end", [" in the city.", " in Toronto."])
def test_a_quotation_run_onto_the_last_sentence_is_no_glued_pitch(end: str) -> None:
    # a quotation speaks to "you" as a pitch does, but it is the article's
    last = P4[:-1] + end + '"You can ride home at any hour now," a driver said.'
    assert kept_lines(record(TITLE, P1, P2, P3, last)) == [P1, P2, P3, last]


def test_a_sentence_with_a_long_call_glued_on_keeps_its_sentence() -> None:
    # a line of one sentence and a call run together is no row of widget strings: the line
    # stays and loses only the call
    last = "A reading of poems about the night routes is planned for next Thursday."
    call = "Click here to get the timetables sent to your inbox"
    rec = record(TITLE, P1, P2, P3, last + call)
    a = clean_text(rec)
    assert a.text.split("\n") == [P1, P2, P3, last]
    assert [r.text for r in a.removed if r.rule == "glued_tail"] == [call]
    assert restore(a.text, a.removed) == rec


def test_a_glued_tail_the_record_prints_again_as_a_line_is_cut_after_initials() -> None:
    # after initials a capital is usually the text's own ("U.S.Army"), but a tail that the
    # page also prints as a line of its own is its label, glued
    last = P4[:-1] + " across the U.S."
    lines = [TITLE, P1, P2, P3, last + "Harbour Tours and Tickets", "Harbour Tours and Tickets",
             "Timetables"]
    a = clean_text(record(*lines))
    assert last in a.text.split("\n")
    assert [r.text for r in a.removed if r.rule == "glued_tail"] == ["Harbour Tours and Tickets"]
    assert restore(a.text, a.removed) == record(*lines)
    # the same line without the label printed again: the initials' capital stays
    kept = P4[:-1] + " across the U.S.Harbour Tours and Tickets"
    assert kept in clean_text(record(TITLE, P1, P2, P3, kept)).text.split("\n")


def test_furniture_glued_before_the_first_sentence_is_cut() -> None:
    a = clean_text(record(TITLE, "Share this article" + P1, P2, P3))
    assert kept_lines(record(TITLE, "Share this article" + P1, P2, P3)) == [P1, P2, P3]
    assert [r.text for r in a.removed if r.rule == "glued_head"] == ["Share this article"]


@pytest.mark.parametrize(
    "glue",
    [
        "Lesezeit: 4 Min.", "Comments (12)", "Follow us", "Kommentare (3)",
        # one section word before a sentence's opening word
        "Politics", "Startseite",
        # a dated byline; a longer pitch to the reader that ends on a stop
        "Published March 3, 2025",
        "Get the morning's headlines delivered to your phone every day with our free app.",
        # a label in capitals, a time, run into the sentence's opening word
        "BREAKING", "ANZEIGE", "Updated 10:15 a.m.",
    ],
)
def test_furniture_glued_before_the_first_sentence_at_any_touch_is_cut(glue: str) -> None:
    # the furniture ends on a stop, a bracket or a short word, not on three lower-case letters
    rec = record(TITLE, glue + P1, P2, P3)
    a = clean_text(rec)
    assert kept_lines(rec) == [P1, P2, P3], glue
    assert [r.text for r in a.removed if r.rule == "glued_head"] == [glue]
    assert restore(a.text, a.removed) == rec


@pytest.mark.parametrize(
    "glue,first",
    [
        # a sentence opening on a one-letter word, or on a title's abbreviation before a name
        ("Breaking news", "A new night bus network will reach three outer districts from March, the council said."),
        ("Opinion", "I have ridden the night bus home from the hospital every week for eleven years."),
        ("Exclusive", "St. Anne's Hospital will run a shuttle to the new night bus stops from March."),
        ("Local news", "Dr. Okafor, who chairs the transport committee, said the routes would start in March."),
    ],
)
def test_a_label_glued_before_a_sentence_opening_on_a_short_word_is_cut(glue: str, first: str) -> None:
    rec = record(TITLE, glue + first, P2, P3)
    a = clean_text(rec)
    assert kept_lines(rec) == [first, P2, P3]
    assert [r.text for r in a.removed if r.rule == "glued_head"] == [glue]
    assert restore(a.text, a.removed) == rec


@pytest.mark.parametrize(
    "first",
    [
        # an acronym's letters, a statement opening with a notice's words: no glued head
        "Please note that USF offers the night buses as a trial, and the council may end it in May.",
        "Share prices of the bus operator rose after the council voted to extend the night routes.",
        "PowerPoint slides from the meeting show that the council voted to extend the night bus network.",
        "McDonald's said on Tuesday that it would open three new restaurants near the stations.",
        "YouTube videos of the pilot routes were watched more than a million times last year, it said.",
        # a one-letter word or an abbreviation after a hump, not after a word: still a name
        "WW I veterans rode the first night bus free of charge, the council said on Tuesday.",
        "PhD. students at the university asked the council for a stop near the campus library.",
        # a sentence to the reader running on through a camel-cased name is no pitch glued on
        "Are you posting videos of your commute to YouTube? The council wants to see them all.",
        "If you ride the night bus, TikTok clips of the new routes will look familiar to you.",
        # a sentence opening on a quotation, an aside or a handle is no label glued on
        '"The buses were full every night," the driver said as the council voted to extend them.',
        "(The council's vote was unanimous.) The night buses will run until the end of 2026.",
        "@cityhall <The council voted on Tuesday to extend the night bus network to three districts.",
    ],
)
def test_camel_cased_first_words_are_no_glued_head(first: str) -> None:
    assert kept_lines(record(TITLE, first, P2, P3)) == [first, P2, P3]


# a one-sentence lead shorter than a paragraph
SHORT_LEAD = "The council approved the night buses on Tuesday."


@pytest.mark.parametrize("first", [P1, SHORT_LEAD])
@pytest.mark.parametrize(
    "row",
    [
        "Share", "Share this articleFacebookTwitterEmail", "ShareTweetPinEmail", "Print this pageShare",
        "FacebookTwitterLinkedIn",  # a label of two humps
        "ShareEmailBookmark",  # a last label no family needs to name, before the sentence's "The"
    ],
)
def test_a_row_of_widget_labels_glued_before_the_first_sentence_goes_whole(row: str, first: str) -> None:
    # a widget's label (or a row of them) a family names, glued before a paragraph or before
    # a lead of one short sentence
    rec = record(TITLE, row + first, P2, P3)
    a = clean_text(rec)
    assert kept_lines(rec) == [first, P2, P3]
    assert [r.text for r in a.removed if r.rule == "glued_head"] == [row]


@pytest.mark.parametrize(
    "glue,first",
    [
        ("Partager", "À Lyon, le conseil municipal a approuvé mardi soir le prolongement des lignes de bus de nuit."),
        ("Teilen", "Über dreihundert Menschen kamen am Dienstag zur Sitzung des Stadtrats über die Nachtbusse."),
        ("Share", "Éric Martin, the mayor, said on Tuesday that the night buses would run until three in the morning."),
    ],
)
def test_a_widget_glued_before_a_sentence_opening_on_an_accented_capital_is_cut(glue: str, first: str) -> None:
    rec = record(TITLE, glue + first, P2, P3)
    assert kept_lines(rec) == [first, P2, P3]
    assert [r.text for r in clean_text(rec).removed if r.rule == "glued_head"] == [glue]


@pytest.mark.parametrize(
    "glue,heading",
    [
        ("Publié le 03.03.2025", "Ce qui change pour les habitants"),
        ("Mis à jour : 4 mars 2025", "Ce qui change pour les habitants"),
        ("Veröffentlicht am 3. März 2025", "Was sich für Anwohner ändert"),
        ("Lesedauer 4 Minuten", "Was sich für Anwohner ändert"),
        ("Lectura de 3 min", "Qué cambia para los vecinos"),
        ("5 min read", "What changes for night workers"),
    ],
)
def test_a_date_or_reading_time_glued_before_a_short_heading_is_cut(glue: str, heading: str) -> None:
    # the article opens on a heading, too short to be a sentence: the label before it is
    # cut where a family names it (a date in any of six languages, a reading time)
    rec = record(TITLE, glue + heading, P1, P2, P3)
    assert kept_lines(rec) == [heading, P1, P2, P3]
    assert [r.text for r in clean_text(rec).removed if r.rule == "glued_head"] == [glue]


@pytest.mark.parametrize(
    "heading",
    [
        "Top 10 Tips2025Edition",  # figures and words run together: no dated label
        "Lecture du rapportQuoi de neuf",  # a word no family names before the capital
    ],
)
def test_a_short_heading_without_a_named_label_before_its_glue_stays(heading: str) -> None:
    assert kept_lines(record(TITLE, heading, P1, P2, P3)) == [heading, P1, P2, P3]


@pytest.mark.parametrize(
    "row,first",
    [
        # a first line the glued-widget family took whole gets its sentence back
        ("Share this storyFollow us", "“We listened, and we changed the schedule,” the chair of the board said."),
        ("Print this articleEmail", "“We listened, and we changed the schedule,” the chair of the board said."),
        # ... and one with no full stop, which the family had taken whole
        ("Share this storyFollow us", "The council approved the night bus plan on Tuesday after a long debate!"),
    ],
)
def test_a_widget_row_glued_before_a_quotation_or_a_line_taken_whole_is_cut(row: str, first: str) -> None:
    rec = record(TITLE, row + first, P2, P3)
    assert kept_lines(rec) == [first, P2, P3]
    assert [r.text for r in clean_text(rec).removed if r.rule == "glued_head"] == [row]


def test_a_glued_widget_line_over_the_headline_stays_the_pages() -> None:
    # the row of glued labels stands above the headline: no first line of the article's
    row = "en-usYour Privacy ChoicesThemeLightDarkHigh contrast"
    rec = record(row, TITLE, P1, P2, P3)
    assert kept_lines(rec) == [P1, P2, P3]


@pytest.mark.parametrize(
    "glue", ["© 2025 Harbour Press Ltd", "Copyright 2024 Harbour Media Group", "Home / News / Local"]
)
def test_a_notice_or_breadcrumb_glued_before_the_first_line_leaves_the_line(glue: str) -> None:
    # the copyright or navigation family takes such a line whole; the article's first
    # paragraph comes back, only what a family names is cut
    rec = record(TITLE, glue + P1, P2, P3)
    a = clean_text(rec)
    assert kept_lines(rec) == [P1, P2, P3]
    assert [r.text for r in a.removed if r.rule == "glued_head"] == [glue]
    assert restore(a.text, a.removed) == rec


def test_a_notice_glued_onto_a_notice_over_the_article_goes_whole() -> None:
    # what is left after the cut is a notice too: the whole line is the page's
    rec = record(TITLE, "© 2025 Harbour Press LtdAll rights reserved.", P1, P2, P3)
    assert kept_lines(rec) == [P1, P2, P3]


@pytest.mark.parametrize("row", ["Share on FacebookShare on X", "ADVERTISEMENT"])
def test_a_named_label_glued_before_any_capitalised_opening_word_is_cut(row: str) -> None:
    # a label ending in a one-letter name ("X"), or one in capitals, that a family names:
    # cut before a sentence whatever word opens it
    first = "If you ride the night bus after midnight, the council wants to hear how the new routes work."
    rec = record(TITLE, row + first, P2, P3)
    assert kept_lines(rec) == [first, P2, P3]
    assert [r.text for r in clean_text(rec).removed if r.rule == "glued_head"] == [row]


@pytest.mark.parametrize(
    "last,glue",
    [
        (P4, "(c) 2025 Harbour Press Ltd"),  # the copyright sign in letters, after a stop
        ("Tickets for the night buses are sold at every stop along the new routes", "© Harbour Press 2025"),
        ("Tickets for the night buses are sold at every stop along the new routes", "(c) 2025 Harbour Press"),
    ],
)
def test_a_copyright_notice_glued_onto_the_last_line_is_cut(last: str, glue: str) -> None:
    rec = record(TITLE, P1, P2, P3, last + glue)
    a = clean_text(rec)
    assert kept_lines(rec) == [P1, P2, P3, last]
    assert [r.text for r in a.removed if r.rule == "glued_tail"] == [glue]


def test_a_lettered_clause_run_onto_a_sentence_is_no_copyright_notice() -> None:
    # a statute's clauses run together: "(c)" opens the next clause, a statement of its own
    last = P4 + "(c) The council may extend the pilot by one year."
    assert kept_lines(record(TITLE, P1, P2, P3, last)) == [P1, P2, P3, last]


def test_a_stray_mojibake_capital_after_the_last_stop_is_no_glued_tail() -> None:
    # "Â" is what a UTF-8 no-break space reads as in Latin-1: the text's own bytes, no widget
    last = P4 + "\u00c2"
    assert kept_lines(record(TITLE, P1, P2, P3, last)) == [P1, P2, P3, last]


@pytest.mark.parametrize(
    "first",
    [
        "PowerPoint slides of the new routes were shown.",  # a name's humps, not a label
        "YouTube clips of the new routes were shared widely.",  # a brand's humps
    ],
)
def test_a_short_first_line_without_a_named_label_and_a_sentence_stays(first: str) -> None:
    assert kept_lines(record(TITLE, first, P2, P3)) == [first, P2, P3]


@pytest.mark.parametrize(
    "first",
    [
        # a name's humps after the row's label are the sentence's
        "PowerPoint slides from the meeting show that the council voted to extend the night bus network.",
        "OpenAI said on Monday that it would open an office near the new night bus depot.",
        "McDonald's said on Tuesday that it would open three new restaurants near the stations.",
    ],
)
def test_a_glued_label_before_a_camel_cased_name_goes_alone(first: str) -> None:
    rec = record(TITLE, "Share this article" + first, P2, P3)
    assert kept_lines(rec) == [first, P2, P3]


# --- a paragraph repeated with small edits ----------------------------------------------

LONG = (
    "Residents of the affected districts had campaigned for the change since 2021. They "
    "argued that shift workers were left without a safe way home after midnight. The council "
    "finally agreed after a petition gathered eleven thousand signatures."
)


@pytest.mark.parametrize(
    "copy",
    [
        LONG.replace(" They argued that shift workers were left without a safe way home after midnight.", ""),
        LONG.replace("campaigned", "pushed"),
        # a name respelt, a figure given as a common word: a copy-edit's slips
        LONG.replace("Residents", "Resident"),
        LONG.replace("since 2021", "since then"),
        # in a long paragraph, one common word given as a name
        LONG.replace("shift workers", "Brookfield workers"),
    ],
)
def test_paragraph_repeated_with_small_edits_is_a_repeat(copy: str) -> None:
    a = clean_text(record(TITLE, P1, LONG, P2, P3, copy, P4))
    assert a.text.split("\n") == [P1, LONG, P2, P3, P4]
    assert [r.rule for r in a.removed if r.reason == "repeated"] == ["edited_copy"]


def test_templated_paragraphs_that_differ_in_names_stay() -> None:
    # an article's own parallel paragraphs: the same sentence about two products
    a1 = ("IVORY supports the WireGuard protocol, a newer protocol that uses modern cryptography "
          "and aims to be simpler and faster than the older ones.")
    a2 = a1.replace("IVORY", "Mullet")
    assert kept_lines(record(TITLE, P1, a1, P2, a2, P3)) == [P1, a1, P2, a2, P3]


def test_short_parallel_paragraphs_where_a_name_stands_for_a_common_word_stay() -> None:
    # (too short to tell a copy-edit from two entries told alike)
    b1 = "The new timetable starts on Monday, and buses will run every ten minutes at peak."
    b2 = b1.replace("buses", "Arriva")
    assert kept_lines(record(TITLE, P1, b1, P2, b2, P3)) == [P1, b1, P2, b2, P3]


def test_parallel_paragraphs_that_differ_in_a_figure_stay() -> None:
    # two products' spec lines, and two years' results told the same way
    s1 = ("The basic model has an eight-core processor, a 14-inch screen and 8GB of memory, and "
          "its battery lasts about ten hours in our video test.")
    s2 = s1.replace("8GB", "16GB")
    y1 = ("Ridership on the night network rose by 12 percent in 2023, with the largest gains on "
          "the routes that serve the hospital and the university.")
    y2 = y1.replace("2023", "2024")
    assert kept_lines(record(TITLE, P1, s1, P2, s2, P3)) == [P1, s1, P2, s2, P3]
    assert kept_lines(record(TITLE, P1, y1, P2, y2, P3)) == [P1, y1, P2, y2, P3]


# --- an article about errors is no error page ---------------------------------------------

HTTP_ARTICLE = [
    "404 Not Found",
    "When a client asks for a resource that does not exist, the server answers with status 404 "
    "Not Found, and a well-behaved crawler drops the address from its queue instead of retrying.",
    "500 Internal Server Error",
    "A 500 response means the server failed while handling a valid request; unlike a 404, it is "
    "worth retrying later, with a growing delay between attempts.",
]


def test_status_lines_the_article_discusses_are_its_headings() -> None:
    a = clean_text(record("How servers answer a missing page", *HTTP_ARTICLE, header="date 2025-03-01 404"))
    assert a.verdict == "article"
    assert a.text.split("\n") == HTTP_ARTICLE


def test_headline_worded_like_a_block_banner_is_the_title() -> None:
    lead = ("Many news sites put a bot-protection service in front of their pages, and a crawler "
            "that sends too many requests soon sees a page saying that access was denied.")
    a = clean_text(record("Why websites say Access Denied", lead, P2, P3))
    assert (a.verdict, a.title) == ("article", "Why websites say Access Denied")
    assert a.text.split("\n") == [lead, P2, P3]


def test_banner_over_an_unrelated_article_still_goes() -> None:
    # the same status line over an article about buses is the page's banner
    a = clean_text(record("404 Not Found", TITLE, *BODY, header="date 2025-03-01 404"))
    assert (a.verdict, a.title, a.text) == ("article", TITLE, "\n".join(BODY))
    assert a.removed[1].reason == "error_banner"


# --- legal notices in German, French, Spanish and Italian ------------------------------------

BODY_DE = [
    "Die Stadtwerke erhöhen die Wasserpreise zum ersten Januar um knapp zwölf Prozent, weil "
    "neue Filter und der Austausch alter Leitungen bezahlt werden müssen.",
    "Für Haushalte mit geringem Einkommen soll es einen ermäßigten Tarif geben, über den der "
    "Stadtrat im Februar abstimmt.",
]
BODY_FR = [
    "La régie des eaux augmentera ses tarifs de près de douze pour cent au premier janvier, afin "
    "de financer de nouveaux filtres et le remplacement des vieilles canalisations.",
    "Un tarif réduit pour les ménages modestes sera soumis au vote du conseil municipal en février.",
]


@pytest.mark.parametrize(
    "body,note",
    [
        (BODY_DE, "Namentlich gekennzeichnete Beiträge spiegeln nicht unbedingt die Meinung der Redaktion wider."),
        (BODY_DE, "Der Inhalt stellt keine Anlageberatung dar."),
        (BODY_DE, "Nachdruck und Weiterverbreitung nur mit schriftlicher Zustimmung des Verlags."),
        (BODY_DE, "Bei den mit einem Stern markierten Verweisen handelt es sich um Affiliate-Links."),
        (BODY_FR, "Les propos tenus dans cette tribune n'engagent que leurs auteurs."),
        (BODY_FR, "Reproduction totale ou partielle interdite."),
        (BODY_FR, "Ce contenu ne constitue en aucun cas un conseil financier."),
        (BODY_FR, "Cet article contient des liens d'affiliation."),
        (BODY_FR, "Queda prohibida la reproducción total o parcial de este contenido."),
        (BODY_FR, "Riproduzione riservata."),
    ],
)
def test_legal_notices_in_other_languages_go(body: list[str], note: str) -> None:
    a = clean_text(record("Wasserpreise steigen", *body, note))
    assert a.text == "\n".join(body), note


@pytest.mark.parametrize(
    "last",
    [
        # the same words in the article's own sentences
        "Die Umfrage gibt die Meinung der Anwohner wieder, nicht die der Verwaltung, betonte die Sprecherin.",
        "La pêche pendant la reproduction des saumons est interdite du premier mars au trente avril.",
        "Les élus ont rappelé que leurs opinions divergeaient sur le calendrier des travaux.",
    ],
)
def test_articles_own_sentences_with_those_words_stay(last: str) -> None:
    body = [*BODY_DE, last]
    assert kept_lines(record("Wasserpreise steigen", *body)) == body


# --- a page-state banner under the headline, in wordings no pattern lists ---------------------


@pytest.mark.parametrize(
    "banner",
    [
        # wordings the banner patterns do not list: only their words say what they are
        "The post you clicked was deleted by its author.",
        "This page is gone.",
        "Our site had trouble loading this story.",
    ],
)
def test_page_state_line_under_the_headline_goes(banner: str) -> None:
    a = clean_text(record(TITLE, banner, *BODY))
    assert (a.verdict, a.title) == ("article", TITLE)
    assert a.text == "\n".join(BODY)
    assert [(r.reason, r.rule) for r in a.removed if r.text.strip() == banner] == [
        ("error_banner", "page_state")
    ]
    assert restore(a.text, a.removed) == record(TITLE, banner, *BODY)


def test_page_state_line_in_german_under_the_headline_goes() -> None:
    title = "Wasserpreise steigen zum Jahreswechsel"
    banner = "Diese Seite wurde leider entfernt."
    a = clean_text(record(title, banner, *BODY_DE))
    assert (a.verdict, a.text) == ("article", "\n".join(BODY_DE))
    assert [r.reason for r in a.removed if r.text.strip() == banner] == ["error_banner"]


@pytest.mark.parametrize(
    "dek",
    [
        # a dek that takes up the article's words, though worded like a state
        "Night buses that were removed in 2021 will reach the outer districts again.",
        # an apology that is the article's own subject
        "Sorry, residents: the extension will cost more in parking fees.",
        # a short line of state words with nothing said of a page
        "Gone, but not forgotten.",
        # an address in an author block: its house number is no status code
        "503 Commerce Street",
        "Suite 404, Harbour Building",
    ],
)
def test_dek_under_the_headline_is_kept(dek: str) -> None:
    a = clean_text(record(TITLE, dek, *BODY))
    assert a.verdict == "article"
    assert dek in a.text.split("\n")
    assert not any(r.rule == "page_state" for r in a.removed)


def test_long_line_of_state_words_under_the_headline_is_kept() -> None:
    # more than a banner's length: a lead paragraph that speaks of a missing page
    lead = ("The council's old timetable page was removed last year, and riders who followed "
            "the link found an error instead of the night routes they needed to plan shifts.")
    a = clean_text(record(TITLE, lead, *BODY))
    assert lead in a.text


# --- a banner of the page's machinery under the headline, in wordings no pattern lists ---------


@pytest.mark.parametrize(
    ("title", "banner", "body"),
    [
        # what failed (loading, the video, the connection) and that it failed
        (TITLE, ["We couldn't load this article."], BODY),
        (TITLE, ["This video cannot be played."], BODY),
        (TITLE, ["Please check your connection and try again."], BODY),
        # a banner and the line under it that goes on about failing, or gives its reference
        (TITLE, ["Loading failed.", "Tap to retry."], BODY),
        (TITLE, ["The live blog could not be loaded.", "Ref: 9c2e-71ab"], BODY),
        # an interjection of a mishap, and what it befell
        (TITLE, ["Yikes! The slideshow stalled."], BODY),
        # the article's language, negated machinery
        ("Wasserpreise steigen zum Jahreswechsel", ["Dieser Artikel konnte nicht geladen werden."], BODY_DE),
        ("Les tarifs de l'eau augmentent", ["Impossible de charger cet article."], BODY_FR),
    ],
)
def test_machinery_banner_under_the_headline_goes(title: str, banner: list[str], body: list[str]) -> None:
    rec = record(title, *banner, *body)
    a = clean_text(rec)
    assert (a.verdict, a.title, a.text) == ("article", title, "\n".join(body))
    # (adjacent lines of one banner are one removed span)
    for line in banner:
        assert [(r.reason, r.rule) for r in a.removed if line in r.text] == [
            ("error_banner", "page_state")
        ]
    assert restore(a.text, a.removed) == rec


@pytest.mark.parametrize(
    "dek",
    [
        # machinery without a failure: the article's own video
        "Video: the council's vote on the new routes",
        # a dek that says something is unavailable, in the article's own words
        "The night network is not available to the outer districts until March.",
        # failing words under the headline that the article takes up
        "Why the first night bus pilot failed to reach the outer districts",
    ],
)
def test_dek_with_machinery_words_is_kept(dek: str) -> None:
    a = clean_text(record(TITLE, dek, *BODY))
    assert a.verdict == "article"
    assert dek in a.text.split("\n")
    assert not any(r.reason == "error_banner" for r in a.removed)


def test_heading_under_a_banner_is_kept() -> None:
    # a one-word heading of failing under the banner opens the article: only a call to
    # retry goes on with a banner
    banner = "The page could not be loaded."
    a = clean_text(record(TITLE, banner, "Problems", *BODY))
    assert a.text == "\n".join(["Problems", *BODY])
    assert [r.reason for r in a.removed if banner in r.text] == ["error_banner"]


def test_banner_using_words_the_article_uses_still_goes() -> None:
    # "content" and "available" are in the body too, but they are a banner's words: no dek
    banner = "Error 410: the content you asked for is not available any more"
    body = [*BODY, "The council said more content on the new routes will be available online."]
    a = clean_text(record(TITLE, banner, *body))
    assert a.text == "\n".join(body)
    assert [r.reason for r in a.removed if r.text.strip() == banner] == ["error_banner"]


# --- a widget's error message is no error page ------------------------------------------------

SITE_MENU = ["Home", "World", "Business", "Sport", "Culture", "Newsletters", "Subscribe"]


def test_form_error_in_the_page_header_over_a_long_article_keeps_the_article() -> None:
    # a newsletter form's failed-to-send message in the header, menus and a related-links
    # block between it and the article: the article was shown, the banner is furniture
    rec = record(
        *SITE_MENU[:3],
        "Oops! Something went wrong while submitting the form.",
        "Related stories",
        "Harbour works resume after the storms",
        "Ferry timetable changes for the winter",
        *SITE_MENU[3:],
        TITLE,
        *BODY,
    )
    a = clean_text(rec)
    assert a.verdict == "article"
    for p in BODY:
        assert p in a.text
    banner = [r for r in a.removed if r.text.startswith("Oops!")]
    assert [r.reason for r in banner] == ["error_banner"]


def test_error_banner_over_a_list_of_other_stories_is_still_an_error_page() -> None:
    # under the banner, headlines each with a one-line teaser: no paragraphs in a row
    rec = record(
        "Page not found",
        "Sorry, we could not find the page you asked for.",
        "Related stories",
        "Harbour works resume after the storms",
        "Work on the harbour wall resumed on Monday after a week of storms kept crews away.",
        "Ferry timetable changes for the winter",
        "The ferry company will run fewer crossings from November, citing lower demand.",
        "New cycle lanes open in the centre",
        "Three new cycle lanes opened on Tuesday along the busiest streets of the centre.",
    )
    assert clean_text(rec).verdict == "error_page"


def test_markdown_logo_whose_alt_text_reads_like_a_banner_is_not_one() -> None:
    # html2text writes a linked logo with its alt text; "Go to homepage" there is a picture's
    # description, and the logo repeated in the footer must not end the article
    logo = "[![Harbour Times logo - Go to homepage](/static/logo.svg)](/)"
    body = [f"{p} See [the council's notes](/notes/{k})." for k, p in enumerate(BODY)]
    rec = record(logo, "[World](/world)", "[Sport](/sport)", TITLE, *body, logo,
                 "[Privacy](/privacy)", "[Contact](/contact)")
    a = clean_text(rec)
    assert a.verdict == "article"
    assert not any(r.reason == "error_banner" for r in a.removed)
    assert "The city council voted" in a.text or BODY[0][:30] in a.text


def test_banner_worded_line_in_the_footer_does_not_decide_the_verdict() -> None:
    # a form's failure message in the header, and in the footer a logo's label that reads
    # like a 404 page's link: only the header's banner bears on the verdict, and the article
    # follows it -- the footer under the last paragraph is not what the article is judged by
    footer = ["Harbour Times Logo - Go to homepage", "Privacy", "Terms of use", "Accessibility",
              "Sitemap", "Our journalists"]
    rec = record("Something went wrong. Please try again", *SITE_MENU, TITLE, *BODY, *footer)
    a = clean_text(rec)
    assert a.verdict == "article"
    assert a.text == "\n".join(BODY)
    # the same footer under a real error page leaves it an error page
    rec = record(*SITE_MENU, "Page not found", "Sorry, we could not find that page.", *footer)
    assert clean_text(rec).verdict == "error_page"


def test_list_entries_that_recur_in_their_lists_are_kept() -> None:
    # a training plan: each week's list repeats its warm-up step (long enough to count as a
    # paragraph), among other entries
    warm = ("- Warm up: ten to twenty minutes of easy jogging, then five minutes of drills "
            "and four short strides")
    week = [["- Monday: rest day", warm, "- Tuesday: intervals, six times three minutes"],
            ["- Monday: rest day", warm, "- Tuesday: intervals, eight times three minutes"],
            ["- Monday: easy run, forty minutes", warm, "- Tuesday: hills, eight times one minute"]]
    body = [P1, "Week 1", *week[0], "Week 2", *week[1], "Week 3", *week[2], P2]
    assert kept_lines(record(TITLE, *body)) == body
    # a table whose header row is repeated over each of its parts
    head = "| Week | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday |"
    table = [head, "| 1 | rest | 5 km | rest | 6 km | rest | 10 km | rest |",
             head, "| 2 | rest | 6 km | rest | 7 km | rest | 12 km | rest |"]
    assert kept_lines(record(TITLE, P1, *table, P2)) == [P1, *table, P2]


def test_a_list_entry_stuttered_or_dropped_out_of_order_is_a_repeat() -> None:
    items = ["- Flat rate pricing: one price for the whole home, agreed before the work starts",
             "- Hourly rates: flexible, based on how long the cleaning takes on the day itself",
             "- Package deals: a set of visits over a season, at a lower price for each visit"]
    stutter = [items[0], items[1], items[1], items[2]]
    assert kept_lines(record(TITLE, P1, *stutter, P2)) == [P1, *items, P2]
    steps = ["1. Decide where to pick up the car: at an office in town or at the airport desk",
             "2. Know what you pay for: the daily price is rarely what the counter will charge",
             "3. Bring every document the company asks for, with the card in the driver's name"]
    dropped = [steps[0], steps[1], steps[2], steps[1]]
    assert kept_lines(record(TITLE, P1, *dropped, P2)) == [P1, *steps, P2]


_LONG_PROSE = (
    "The transport authority said the night buses would run every twenty minutes on the "
    "three new routes, with extra services on Friday and Saturday nights, and that drivers "
    "had been hired from the regional pool after a recruitment drive that ran through the "
    "autumn and brought in more applicants than the council had expected."
)


@pytest.mark.parametrize(
    ("line", "family"),
    [
        # a long notice: its disclaimer words are looked up
        (
            "The information in this newsletter is provided for general information purposes "
            "only and does not constitute financial advice; the publisher does not accept any "
            "responsibility for decisions readers make on the strength of it, and readers "
            "should consult an adviser of their own before they act on anything said here.",
            "disclaimer",
        ),
        ("Disclaimer: " + _LONG_PROSE, "disclaimer"),  # a labelled notice, whatever follows
        # long prose holding a disclaimer word's stem inside other words is prose
        (
            _LONG_PROSE + " Misinformation about the providers of the service spread online.",
            None,
        ),
        (_LONG_PROSE, None),
        # a long line of menu items joined by separators
        (" | ".join(["News", "Local politics", "Sport", "Weather today", "Culture"] * 9),
         "navigation"),
    ],
)
def test_long_lines_are_read_for_disclaimers_and_menus_only(line: str, family: str | None) -> None:
    ln = TextView(line).lines[0]
    assert ln.words > boilerplate.LONG_WORDS
    assert boilerplate.classify(ln.text, ln.norm, ln.words) == family
    # the words given or not, one answer (a long line's words are not made unless asked)
    assert boilerplate.classify(ln.text, ln.norm, ln.words, ln.toks) == family


MOVING_INTRO = [
    "Moving house is easier with a plan. The checklist below sets out what to do and when, "
    "from the first quotes to the day the keys change hands.",
]
MOVING_STEPS = [
    "- Get three quotes from removal firms – compare prices, insurance and dates",
    "- Book the removal firm early; summer weekends fill up months ahead",
    "- Sort each room into keep, sell and give away piles before you pack",
    "- Order boxes, tape and bubble wrap (about ten boxes for each room)",
    "- Tell your bank, your employer and the tax office your new address",
    "- Arrange for the post to be sent on to the new address for three months",
    "- Book time off work for the day of the move and the day after",
    "- Pack a bag of essentials for the first night: kettle, towels, chargers",
    "- Read the gas and electricity meters on the day and take photos of them",
    "- Defrost the freezer the day before and keep the door open to dry it",
    "- Label every box with the room it goes to and a short list of contents",
    "- Hand back all keys to the landlord or agent and ask for a receipt",
]


def test_a_long_checklist_under_a_resources_line_is_the_article() -> None:
    title = "The complete moving house checklist"
    own = ["Related resources:", "Eight weeks before", *MOVING_STEPS[:6], "The last week",
           *MOVING_STEPS[6:]]
    a = clean_text(record(title, *MOVING_INTRO, *own))
    kept = a.text.split("\n")
    assert all(step in kept for step in MOVING_STEPS)


def test_headlines_or_a_short_list_under_a_resources_line_are_still_furniture() -> None:
    title = "The complete moving house checklist"
    # a long list of other pages' headlines (title case) is the page's links
    headlines = [
        f"- {w} Tips For Your Next Home Move And How To Save Money" for w in (
            "Ten", "Twelve", "Seven", "Five", "Nine", "Eight", "Six", "Four", "Three",
            "Eleven", "Fifteen", "Twenty",
        )
    ]
    a = clean_text(record(title, *MOVING_INTRO, "Related resources:", *headlines))
    assert a.text == "\n".join(MOVING_INTRO)
    # a few entries under an article that outweighs them stay the page's furniture
    a = clean_text(record(title, *BODY, "Related resources:", *MOVING_STEPS[:4]))
    assert a.text == "\n".join(BODY)
