"""A readers' comment thread under an article goes, known by its entries' layout (a name line
over a date-and-time stamp, again and again); an article's own stamped paragraphs stay."""

from __future__ import annotations

from newsclean import clean_text
from newsclean.detect import comments
from newsclean.text_view import TextView

HEAD = "date 2025-05-14 200"
HEADLINE = "The ferry that runs on cooking oil"
BODY = [
    "The island's only ferry crossed the strait on Tuesday on fuel made from the cooking oil "
    "of the harbour's chip shops, the first crossing of its kind in the region.",
    "The operator collects the oil in drums every Friday and a small plant by the slipway "
    "filters it into a fuel that the old diesel engines take without any changes.",
    "Engineers said the engines ran a little quieter and the exhaust smelled faintly of "
    "frying, which passengers on the morning crossing noticed and mostly enjoyed.",
    "The council will decide in the autumn whether the second ferry, due next spring, is "
    "built to run on the same fuel from the start or converted after its first year.",
    "Fishermen at the harbour asked whether their boats could buy the fuel too, and the "
    "operator said it would sell any oil left over once the ferry's tanks were full.",
    "The chip shops, for their part, no longer pay a contractor to take the oil away, and one "
    "owner said the saving had paid for a new fryer within the year.",
]
# comments by invented readers, in the layout a page dump gives them (and commenters write
# prose: their lines read as the article's do)
THREAD = [
    "3 responses to “The ferry that runs on cooking oil”",
    "1. Harriet Penrose",
    "May 14, 2025 at 9:46 pm",
    "I took the morning crossing last week and wondered why the deck smelled of chips, and "
    "now I know the reason and rather like the idea of it.",
    "2. Tomasz Wolny says:",
    "May 14, 2025 at 10:02 pm",
    "Does anyone know whether the plant can handle the oil from the hotel kitchens as well, "
    "because they throw away a great deal of it every single week?",
    "3. gull_watcher",
    "May 15, 2025 at 7:15 am",
    "Good to see the island trying something that the mainland has only talked about for "
    "years, and I hope the council keeps at it when the new ferry comes.",
]
FOOTER = ["Privacy policy", "© 2025 The Island Courier"]


def _text(lines: list[str]) -> str:
    return clean_text("\n".join([HEAD, HEADLINE, *lines])).text


def test_comment_thread_under_the_article_goes() -> None:
    assert _text([*BODY, *THREAD, *FOOTER]) == "\n".join(BODY)


def test_thread_in_a_dump_with_indents_and_blank_lines() -> None:
    # inscriptis pads nested entries and separates them with blank lines
    padded = ["      " + ln for ln in THREAD]
    text = "\n\n".join([HEAD, HEADLINE, *BODY, *padded, *FOOTER])
    kept = [ln for ln in clean_text(text).text.split("\n") if ln.strip()]
    assert kept == BODY


def test_thread_start_is_the_first_entry() -> None:
    lines = [HEADLINE, *BODY, *THREAD]
    body = TextView("\n".join(lines)).body()
    k = comments.thread_start(body)
    # (from its heading, the count of responses over the first entry)
    assert k is not None and body[k].text.startswith("3 responses")
    assert body[k + 1].text == "1. Harriet Penrose"


def test_two_stamped_entries_are_no_thread() -> None:
    # an article's own "updated" notes: two stamps are not enough
    body = TextView("\n".join([HEADLINE, *BODY, *THREAD[:8]])).body()
    assert comments.thread_start(body) is None


def test_live_blog_stamps_from_the_top_stay() -> None:
    # a live blog: entries stamped from its first line, no article above them
    entries = []
    for k, para in enumerate(BODY):
        entries += [f"Reporter {k + 1}", f"May 14, 2025 at {9 + k}:00 am", para]
    out = _text(entries)
    for para in BODY:
        assert para in out


WITNESSES = [
    "From the slipway the crossing looked like any other, and the harbour master said nobody "
    "watching would have guessed what was in the tanks.",
    "A cyclist in the queue for the car deck said she only noticed the smell once the ramp "
    "went up, and by then she was hungry.",
    "On the upper deck a retired engineer timed the crossing with his watch and declared it "
    "two minutes faster than the ferry usually manages in a head wind.",
]
# the article's own account, going on at length under its stamped witnesses
ACCOUNT = [
    "The idea came from a mechanic at the boatyard who had run his van on filtered oil for a "
    "decade and offered to help the operator try the same with a much larger engine, provided "
    "somebody else paid for the pumps and the filters.",
    "Tests in the winter were cautious: the ferry ran half its crossings on a blend of diesel "
    "and oil, and a laboratory on the mainland checked the engine's lubricant every fortnight "
    "for signs of wear that never appeared.",
    "Supply is the harder problem, according to the operator, because the island's chip shops "
    "produce only enough waste oil in a busy summer week to cover about four days of the "
    "timetable, and far less in the quiet months.",
    "Hotels on the north shore have agreed to hand over their oil as well, and a school "
    "canteen has joined them, though its kitchen mostly bakes and fries little, so its "
    "contribution is measured in buckets rather than drums.",
    "Environmental groups welcomed the trial but warned that burning any oil still releases "
    "carbon, and said the council should keep planning for an electric vessel once a cable "
    "to the mainland can carry enough power to charge one.",
    "Passengers have not been asked to pay more, and the operator expects the fuel to cost "
    "about a third less than diesel once the filtering plant runs every day, savings it "
    "says will go towards replacing the worn passenger benches.",
    "The harbour's fishermen are watching closely, since several of their boats have engines "
    "of the same age and make, and two skippers have already asked to buy a drum each for a "
    "trial of their own in the spring.",
    "A final decision on the second ferry is due in October, when councillors will see a full "
    "report on the trial's costs, its emissions and the engine readings gathered since the "
    "first crossing on cooking oil earlier this year.",
]


def test_article_going_on_past_stamped_entries_stays() -> None:
    entries = []
    for k, para in enumerate(WITNESSES):
        entries += [f"Witness {k + 1}", f"May 14, 2025, {9 + k}:30", para]
    body = TextView("\n".join([HEADLINE, *BODY, *entries, *ACCOUNT])).body()
    assert comments.thread_start(body) is None
    out = _text([*BODY, *entries, *ACCOUNT])
    assert all(para in out for para in ACCOUNT)
    # the same entries with no account under them are a thread
    body = TextView("\n".join([HEADLINE, *BODY, *entries])).body()
    assert comments.thread_start(body) is not None


def test_a_date_without_a_clock_time_is_no_stamp() -> None:
    entries = []
    for k in range(3):
        entries += [f"Reader {k + 1}", f"May {14 + k}, 2025", BODY[k]]
    body = TextView("\n".join([*BODY, *entries])).body()
    assert comments.thread_start(body) is None


def test_thread_stamped_by_age() -> None:
    # comment widgets that say how long ago each entry was posted
    texts = [THREAD[3], THREAD[6], THREAD[9]]
    entries = []
    for k, who in enumerate(("Harriet Penrose", "Tomasz Wolny", "gull_watcher")):
        entries += [who, f"{k + 2} days ago", texts[k]]
    body = TextView("\n".join([HEADLINE, *BODY, *entries])).body()
    k = comments.thread_start(body)
    assert k is not None and body[k].text == "Harriet Penrose"
    # "ago" under a name once, in the article's own lines, is no thread
    once = [*BODY[:3], "Ana Ruiz", "2 days ago", *BODY[3:]]
    assert comments.thread_start(TextView("\n".join(once)).body()) is None
