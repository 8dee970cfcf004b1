"""Page furniture glued onto the article's first or last line, with no space between.

A crawler that drops the markup between blocks joins them: "…said on Friday.\\"Share this
story", "…a place you love.En", "Share this articleThe city council voted …".  The article's
own text does not do this: its sentences end with a stop, a space, then the next capital.  The
cut is where a capital touches the end of a sentence (or of a word, for a head) and the
stretch cut off is short and reads as no sentence of its own (or a family names it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import Final

from ..model import Span
from ..text_view import Line

# Capitals: ASCII and Latin-1's, but "Â" and "Ã", which open no word and are what a UTF-8
# no-break space or accent read as Latin-1 starts with ("foundation.Â"); lower case: ASCII and
# Latin-1's.  (Character-class bodies, shared by the expressions below.)
_CAP: Final = "A-ZÀÁÄ-ÖØ-Þ"
_LOW: Final = "a-zß-öø-ÿ"
# a stop (maybe a closing quote or bracket) touching a capital, a copyright sign or an opening
# Spanish question or exclamation mark, or a list or menu mark before one: where a glued tail
# may start; the word before the stop says whether it ends a sentence
# (or the copyright sign written "(c)", before a year or a name: "(c) the applicant" is a
# list's entry)
_TAIL_AT: Final = re.compile(
    rf"[.!?][\"”’')\]]?(?=(?:[*•·»›|]\s?)?(?:[{_CAP}“‘©¿¡]|\([cC]\) ?[0-9{_CAP}]))"
)
MIN_BEFORE: Final = 8  # a glued tail hangs on a sentence of at least this many words
# a word of three or more lower-case letters touching a capitalised word: a glued head's end
_HEAD_AT: Final = re.compile(rf"[{_CAP}](?<=[{_LOW}]{{3}}.)(?=[{_LOW}])")
_CLOSERS: Final = "\"”’')]"

MAX_WORDS: Final = 8  # a glued widget string, a menu's label: never longer than this
MAX_CHARS: Final = 80
MIN_REST: Final = 10  # the article's line left after a head is cut
# A longer glued stretch -- a newsletter pitch, a call to follow, a tip line -- is furniture
# when it speaks to the reader ("you", "our", "vous", "unser" ...): a story's own sentences
# rarely do, and never glued onto the next with no space
MAX_PITCH: Final = 20
MAX_PITCH_CHARS: Final = 160
_READER: Final = frozenset(
    """you your yours our us vous votre vos notre nos euch euer eure unser unsere unseren
    unserem unserer ihnen usted ustedes nuestro nuestra nuestros nuestras vostro vostra
    nostro nostra nostri nostre você vocês nosso nossa nossos nossas""".split()
)


def _addresses_reader(text: str) -> bool:
    return not _READER.isdisjoint(re.findall(r"\w+", text.casefold()))


def _pitch(lead: str, rest: str) -> bool:
    """A glued head that speaks to the reader and ends where a sentence does: on a stop, or
    before a word sentences open on -- not a camel-cased name cut in two ("…on YouTube" is
    no "…on You" + "Tube")."""
    ended = lead.rstrip(_CLOSERS)[-1:] in ".!?…"
    return (ended or rest.split(" ", 1)[0].casefold() in _OPENERS) and _addresses_reader(lead)


def stop_touches(text: str) -> bool:
    """Does a stop touch a capital near the line's end (where a tail may be glued on)?  A
    line ending on a full stop is asked this first: most are prose with none."""
    return _TAIL_AT.search(text, max(0, len(text) - MAX_PITCH_CHARS - 2)) is not None


def tail(
    ln: Line,
    named: Callable[[str], str | None],
    lines: Callable[[], Container[str]] | None = None,
    unstopped: bool = True,
    last: bool = True,
) -> Span | None:
    """The glued furniture at the end of the article's last line, if any.  `lines`: the
    record's lines (stripped), asked only for a tail after initials or a code -- which is
    glued when the record also holds it as a line of its own (the page's label printed again).
    unstopped: also look for a tail glued onto a line that ends on no stop (not for a line a
    family took whole: a slogan over a widget is the page's as much as the widget).
    last: the line is the article's last kept line (where a count or a pager is glued on;
    higher up a figure after a stop is as often a footnote's mark)."""
    text = ln.text
    if len(text) < 30:
        return None
    window = max(0, len(text) - MAX_PITCH_CHARS - 2)
    # (a line ending in lower case with no stop near its end has no tail glued after a stop)
    stops = True
    if text[-1:].islower():
        end = text[-MAX_PITCH_CHARS:]
        stops = "." in end or "!" in end or "?" in end
    for m in _TAIL_AT.finditer(text, window) if stops else ():
        # a sentence's last word: letters in lower case after a space ("builder.Services",
        # "U.S.Army", "e.g.The" and "file.Close" are names, initials and abbreviations)
        word = text[text.rfind(" ", 0, m.start()) + 1 : m.start()]
        cut = m.end()
        rest = text[cut:]
        # ("l'eau", "well-known": a word in lower case all the same; "Thursday", "Toronto": a
        # name of four letters or more ends a sentence as a word does -- shorter ones are
        # abbreviations, "Gen.", "Mrs." -- and so does a figure, "2025", "1960s")
        bare = word.replace("'", "").replace("\u2019", "").replace("-", "")
        if len(bare) < 2 or not bare.isalnum() or not (
            bare.isalpha() and (bare.islower() or len(bare) >= 4 and bare[0].isupper() and bare[1:].islower())
            or bare[0].isdigit() and bare.rstrip("abcdefghijklmnopqrstuvwxyz").isdigit()  # "1960s"
        ):
            if lines is not None and len(rest.split()) <= MAX_WORDS and rest.strip() in lines():
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
            # a sentence ending on a name ("…lives in Toronto.Share this story"): the cut
            # holds when a family names what follows it
            if (
                len(rest.split()) <= MAX_WORDS
                and (len(text[:cut].split()) >= MIN_BEFORE or _short_closing(text[:cut]))
                and _strong(named(rest))
            ):
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
            continue
        size = len(rest.split())
        if not any(c.isalpha() for c in rest):
            continue
        if _QUOTING.search(rest) is not None and not _strong(named(rest)):
            continue  # a quotation run on ('…in the city."You can ride all night," she said.')
        if len(text[:cut].split()) < MIN_BEFORE and not (
            size <= MAX_WORDS and _short_closing(text[:cut]) and _strong(named(rest))
        ):
            continue
        if size > MAX_WORDS and not (size <= MAX_PITCH and _addresses_reader(rest)):
            continue
        if rest.rstrip(_CLOSERS).endswith(".") and not named(rest) and not _addresses_reader(rest):
            # a statement of its own (two paragraphs run together); a call or a question
            # ("Enjoy the post? Pin it!", a related headline) is furniture's
            continue
        return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    # a widget's count, a teaser's number, a read time, a date or an arrow run into a
    # sentence's end ("…across the state.79 shares", "…this time.10 Best Tools in 2026",
    # "…next event.1 minute", "…to you.← Previous"): prose puts a space after its stop, and
    # a figure touching a stop is a decimal's only after a figure
    for m in _ODD_TAIL_AT.finditer(text, window) if last and text[-1:] != ":" else ():
        cut = m.end()
        rest = text[cut:].rstrip()
        if (
            len(rest.split()) <= MAX_WORDS
            and len(rest) <= MAX_CHARS
            and len(text[:cut].split()) >= MIN_BEFORE
            and (_DATE_ONLY.fullmatch(rest) or _WORDED.search(rest))
            and not rest.rstrip(_CLOSERS).endswith(".")  # a statement of its own
        ):
            return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    # a line that ends on no stop (a caption, a list item, a table row) with furniture run
    # into its last word ("…in New York CityAdvertisement", "…| 38Share on X"): cut where a
    # capital touches a word or a figure.  A brand's humps ("DataFeedWatch", "MarketWatch")
    # look the same, so what follows must be a notice no brand ends in (an ad slot, a
    # copyright, a tag line), or widgets after a word in lower case or a figure; and what
    # stands before must be the article's, not a widget string itself.
    for m in _WORD_GLUE.finditer(text, window) if unstopped else ():
        cut = m.start()
        rest = text[cut:]
        if len(rest.split()) > MAX_WORDS or len(text[:cut].split()) < MIN_BEFORE:
            continue
        family = named(rest)
        if family is None:
            continue
        word = text[text.rfind(" ", 0, cut) + 1 : cut]
        if family in _NOTICES or (
            _strong(family) and (word.islower() or word.isdigit()) and len(rest.split()) >= 2
        ):
            if named(text[:cut]) is None:
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    return None


# A sentence's stop, a space, then a capital or a figure: where furniture run onto the
# article's last line with one space may start ("…by the end of the month. Share this article")
_SPACED_TAIL_AT: Final = re.compile(rf"[.!?][\"”’')\]]?(?= [{_CAP}0-9©])")
# what is cut where a space stands between: the families no story's own words are taken for
# (a call, a paywall's offer, a notice or a credit may be the article's own sentence, a
# menu's label its word: "See how it works. Get a free trial.", "Disclaimer: This blog …")
_SPACED_TAIL: Final = frozenset(
    ("widget", "ad_marker", "related_header", "tag_list", "copyright", "glued_widgets")
)
_SPACED_HEAD: Final = frozenset(("widget", "ad_marker", "reading_aid"))
# a menu's items run onto the first line ("Home News Local The council …"): two items at least
# (one menu word may be the first of a name: "News Corp said …")
_SPACED_MENU: Final = "navigation"
# a label does not end on these: what ends on them runs on into the sentence ("Thanks to the …")
_RUNS_ON: Final = frozenset(
    "a an the to of for in on at by with from and or but as our your my his her their its this that".split()
)


def spaced_tail(ln: Line, named: Callable[[str], str | None]) -> Span | None:
    """Furniture run onto the article's last line after a space ("…end of the month. Share
    this article", "…said on Friday. Advertisement"): prose puts a space there too, so only
    a short stretch a strong family names (a widget's label, an ad slot, a notice), after a
    sentence of MIN_BEFORE words that ends on a word in lower case or a figure, is cut; the
    line keeps its stop."""
    text = ln.text
    if len(text) < 30:
        return None
    for m in _SPACED_TAIL_AT.finditer(text, max(0, len(text) - MAX_CHARS - 2)):
        cut = m.end()
        rest = text[cut + 1 :]
        if len(rest.split()) > MAX_WORDS or _QUOTING.search(rest) is not None:
            continue
        if _TAIL_AT.search(rest) is not None or _WORD_GLUE.search(rest) is not None:
            continue  # (pieces glued with no space: where the furniture starts is theirs to say)
        before = text[:cut]
        word = before.rstrip(_CLOSERS)[:-1].rsplit(" ", 1)[-1]
        if len(before.split()) < MIN_BEFORE or not (word.isalpha() and word.islower() or word.isdigit()):
            continue
        family = named(rest)
        # (a stretch ending on a stop is a statement of its own, but for a rights notice)
        if family in _SPACED_TAIL and (family == "copyright" or rest.rstrip(_CLOSERS)[-1:] not in ".!?"):
            return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
    return None


def spaced_head(ln: Line, named: Callable[[str], str | None]) -> Span | None:
    """A widget's label, an ad slot, a reading aid or a menu's items run onto the article's
    first line before a space ("Advertisement The council voted …", "Share this article The
    council …", "Listen to this article The council …"): cut after
    the first MAX_WORDS words at most, where a strong family names all that stands before and
    what follows reads as prose (MIN_REST words, most of them in lower case: not a heading
    in title case, whose first word may be a widget's)."""
    text = ln.text
    words = text.split(" ", MAX_WORDS + 1)
    at = 0
    for n in range(1, min(MAX_WORDS, len(words) - 1) + 1):
        at += len(words[n - 1]) + (1 if n > 1 else 0)
        after, last = words[n], words[n - 1]
        if not after[:1].isupper() and after[:1] not in _QUOTE_OPENERS:
            continue
        if not last[-1:].isalnum() or last.casefold() in _RUNS_ON:
            continue  # (a label's colon or a sentence's stop: the line's own words follow)
        rest = text[at + 1 :].split(None, MIN_REST * 2)[: MIN_REST * 2]
        # (prose: its first sentence MIN_REST words long, most of them in lower case)
        ended = next((i for i, w in enumerate(rest) if w.rstrip(_CLOSERS)[-1:] in ".!?"), len(rest))
        if (
            ended < MIN_REST - 1
            or not rest[1][:1].islower()  # (a name's words run on: "… Tiny House Movement")
            or 2 * sum(w[:1].islower() for w in rest[1:]) < len(rest) - 1
        ):
            continue
        family = named(text[:at])
        if family in _SPACED_HEAD or (family == _SPACED_MENU and n >= 2):
            return Span(ln.cstart, ln.cstart + at + 1, "boilerplate", "glued_head")
    return None


# a capital touching what ends a word, a figure, a bracket or a stop ("nightsComments (4)",
# "3)Share", "website.Print")
_WIDGET_TOUCH: Final = re.compile(rf"[{_CAP}](?<=[{_LOW}0-9)\].!?].)")


def widget_tail(
    ln: Line, named: Callable[[str], str | None], head_named: Callable[[str], str | None]
) -> Span | None:
    """Where the widgets begin on a line a family took whole for the widget strings glued at
    its end ("Extra buses on Friday nightsComments (4)"), standing right under the article:
    at the first touch of a capital after which a family names all that is left, when what
    stands before is no family's (`head_named`) -- the article's own short last line, a list
    item or a label, gets its words back."""
    text = ln.text
    # (only the line's last MAX_CHARS can be widgets: the touches before are not looked at;
    # a pitch to the reader may be longer)
    for m in _WIDGET_TOUCH.finditer(text, max(0, len(text) - MAX_PITCH_CHARS)):
        cut = m.start()
        rest = text[cut:]
        # (past the last MAX_CHARS only a pitch is looked for: no family is asked there)
        if len(text) - cut > MAX_CHARS or len(rest.split()) > MAX_WORDS or not _strong(named(rest)):
            if _pitch_after_sentence(text[:cut], rest):
                return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
            continue
        head = text[:cut]
        # (a head that speaks to the reader or asks is a pitch, one of capitalised words a
        # menu's label: the page's, like the widgets)
        if (
            head_named(head) is None
            and head.rstrip(_CLOSERS)[-1:] not in "?!"
            and not _addresses_reader(head)
            and not _label_cased(head)
        ):
            return Span(ln.cstart + cut, ln.cend, "boilerplate", "glued_tail")
        return None
    return None


def _pitch_after_sentence(head: str, rest: str) -> bool:
    """A call to the reader ("Click here to get …", "Download our …") run onto a sentence
    of the article's own (MIN_BEFORE words or more, ending on a full stop, not itself
    speaking to the reader): the line is the sentence, the call the widget's."""
    return (
        len(head.split()) >= MIN_BEFORE
        and head.rstrip(_CLOSERS).endswith(".")
        and not _addresses_reader(head)
        and len(rest.split()) <= MAX_PITCH
        and _QUOTING.search(rest) is None
        and _addresses_reader(rest)
    )


def _label_cased(text: str) -> bool:
    """Every word capitalised, two words or more ("Social Media Policy")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


# a stop after a word in lower case, touching a figure or an arrow, a pointer or a bullet
_ODD_TAIL_AT: Final = re.compile(r"[.!?](?<=[a-z]{3}.)[\"”’')\]]?(?=\d|[←→«»›‹•·▶►] ?\w)")
_DATE_ONLY: Final = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}")
_WORDED: Final = re.compile(r"[^\W\d_]{2,}")  # a word of letters, not a footnote's number
# a lower-case letter or a figure touching a capitalised word (found from the capital: a
# search that starts on a character class skips ahead to the capitals)
# (or a copyright sign, "©" or "(c)" before a year or a name, touching a word)
_WORD_GLUE: Final = re.compile(r"[A-Z©(](?:(?<=[a-z0-9][A-Z])(?=[a-z])|(?<=\w©)|(?<=\w\()(?=[cC]\) ?[0-9A-Z]))")
# furniture no brand's last hump reads as
_NOTICES: Final = frozenset(("ad_marker", "copyright", "credits", "disclaimer", "paywall"))
# families too weak to cut on: a lone section word or a verb ("…SkyNews", "…GoShare") may be
# a brand's last hump
_WEAK: Final = frozenset(("navigation", "call_to_action", "soft_call_to_action"))


def _strong(family: str | None) -> bool:
    return family is not None and family not in _WEAK


def head(ln: Line, named: Callable[[str], str | None]) -> Span | None:
    """The glued furniture at the start of the article's first line, if any."""
    text = ln.text
    for m in _HEAD_AT.finditer(text, 0, MAX_PITCH_CHARS):
        cut = m.start()
        lead = text[:cut]
        n = len(lead.split())
        if n > MAX_PITCH or not _rest_holds(text, cut, lead, named):
            break
        if n > MAX_WORDS and not _pitch(lead, text[cut:]):
            continue
        if n < 2 and not named(lead) and not _opens_sentence(lead, text[cut:]):
            continue  # "PowerPoint presentations …", "McDonald's said …": one camel-cased word
        if _hump_of_named(text, cut, named):
            continue
        return Span(ln.cstart, ln.cstart + _through_widgets(text, cut, named), "boilerplate", "glued_head")
    # a widget string ending on a short word, a bracket, a figure or a stop ("Follow usA …",
    # "Comments (4)Being …", "Lesezeit: 3 Min.Was …"), or before a one-letter word ("SubscribeI
    # speak …"): cut there only when a family names what stands before
    for m in _HEAD_TOUCH.finditer(text, 0, MAX_PITCH_CHARS):
        cut = m.start()
        lead = text[:cut]
        n = len(lead.split())
        if n > MAX_PITCH or not _rest_holds(text, cut, lead, named):
            break
        if n <= MAX_WORDS and _strong(named(lead)) or _pitch(lead, text[cut:]):
            return Span(ln.cstart, ln.cstart + _through_widgets(text, cut, named), "boilerplate", "glued_head")
        if n <= MAX_WORDS and (lead[-1].isalnum() or lead[-1] in ".:)]") and _opens(text, cut):
            # a label, a time or a credit run into a sentence's opening word ("Updated 10:15
            # a.m.The …", "Lesezeit 3 Min.Der …"), ending as labels do (not on a quotation
            # mark or a bracket that opens the sentence itself)
            return Span(ln.cstart, ln.cstart + cut, "boilerplate", "glued_head")
    # a label in capitals run into the sentence's opening word ("BREAKINGThe …", "LIVEThe …",
    # "ANZEIGEDer …"): no word of the language runs capitals into a capitalised word
    for m in _CAPS_TOUCH.finditer(text, 0, MAX_CHARS):
        cut = m.start()
        if len(text[:cut].split()) > MAX_WORDS or len(text[cut:].split()) < MIN_REST:
            break
        if _opens(text, cut) or _strong(named(text[:cut])):
            return Span(ln.cstart, ln.cstart + cut, "boilerplate", "glued_head")
    return None


MIN_SHORT_REST: Final = 5  # ... or this many, a sentence, after a label a family names
MIN_HEADING: Final = 2  # ... or a heading of this many words, after a label a family names


def _short_closing(before: str) -> bool:
    """A short statement that may close an article ("The route opens in May."): five words
    or more, ending on a full stop, not speaking to the reader (a call -- "Have a project in
    mind?", "Sign up today." -- is the widget's own)."""
    return (
        len(before.split()) >= MIN_SHORT_REST
        and before.rstrip(_CLOSERS).endswith(".")
        and not _addresses_reader(before)
    )


def _hump_of_named(text: str, cut: int, named: Callable[[str], str | None]) -> bool:
    """Is the capital at `cut` a hump inside a camel-cased name that ends the furniture
    ("Facebook Twitter WhatsApp The council …"): a capitalised word follows the whole word
    after a space, as a sentence's opening does, and the family names the stretch through
    the whole word too.  (A sentence's own opening word glued on -- "Share this storyThe
    council …" -- has its sentence's lower-case words after it.)"""
    end = text.find(" ", cut)
    return end > cut and text[end + 1 : end + 2].isupper() and _strong(named(text[:end]))


def _rest_holds(text: str, cut: int, lead: str, named: Callable[[str], str | None]) -> bool:
    """Is what a head cut at `cut` leaves the article's line: MIN_REST words, or a short
    first sentence ("The council approved the plan on Tuesday.") under a widget's label."""
    rest = text[cut:].split(None, MIN_REST)  # (enough words to tell; not the whole line's)
    if len(rest) >= MIN_REST:
        return True
    if len(rest) < MIN_HEADING or len(lead.split()) > MAX_WORDS:
        return False
    if len(rest) >= MIN_SHORT_REST and rest[-1].rstrip(_CLOSERS)[-1:] in ".!?":
        return _strong(named(lead))
    # a heading opening the article under a date, a reading time or a share row run into it
    # ("Publié le 03.03.2025Ce qui change", "5 min readWhat changes for residents"): a label
    # a family names, ending on a figure, a stop or a bracket, or of two words or more (one
    # word run into a capitalised one may be a name's first hump: "LinkNaija"), touching a
    # capitalised word
    return (
        text[cut : cut + 1].isupper()
        and text[cut + 1 : cut + 2].islower()
        and (lead[-1].isdigit() or lead[-1] in ".)" or len(lead.split()) > 1)
        and _strong(named(lead))
    )


WIDGET_PIECE: Final = 3  # a widget's label run on after the first: at most this many words
# between labels: a lower-case letter or a figure touching a capital, or an opening quotation
# mark before one ("LinkedInCopy link", "3 minA team", "Email“We …")
# (or a label's last word of one capital, "Share on X", touching a capitalised word)
_LABEL_TOUCH: Final = re.compile(
    rf"[{_CAP}\"“‘«„¿¡](?:(?<=[{_LOW}0-9].)(?:(?<=[{_CAP}])|(?=[{_CAP}]))|(?<=\s[A-Z][{_CAP}])(?=[{_LOW}]))"
)
_NEXT_PIECE: Final = re.compile(rf"[{_CAP}][^\s{_CAP}]*")  # a capital and what follows it up to a space or capital


def _through_widgets(text: str, cut: int, named: Callable[[str], str | None]) -> int:
    """Where the glued head that ends at `cut` really ends: a row of widgets glues its labels
    to one another before the sentence ("Share this articleFacebookTwitterEmailThe …"), so
    the cut moves on past each further piece a family names (a widget's label) when what
    touches it is another such label or a sentence's opening word -- not past a name's first
    hump ("McDonald's", "OpenAI").  A label of two humps ("LinkedIn") is read whole; the
    row's last label may be one no family names when a sentence's opening word touches it
    ("TeilenDruckenMerkenDer Stadtrat …")."""
    while cut < MAX_PITCH_CHARS:  # (a row of widgets is no longer than a glued pitch)
        end = _label_end(text, cut, named)
        if end is None:
            # an unnamed last label: one hump, a sentence's opening word after it
            m = _LABEL_TOUCH.search(text, cut + 1, cut + MAX_CHARS)
            if m is None or " " in text[cut : m.start()] or not _opens(text, m.start()):
                return cut
            end = m.start()
            return end if _rest_holds(text, end, text[cut:end], named) else cut
        piece = text[cut:end]
        if (
            len(piece.split()) > WIDGET_PIECE
            or any(c in piece for c in ".,;:!?")
            or not _rest_holds(text, end, piece, named)
        ):
            return cut
        nxt = _NEXT_PIECE.match(text, end)
        touch = _LABEL_TOUCH.search(text, end + 1, end + MAX_CHARS)
        if not (
            _opens(text, end)
            # (after a label a strong family names, in a row already cut, any capitalised word)
            or _strong(named(piece)) and text[end : end + 1].isupper() and text[end + 1 : end + 2].islower()
            or nxt is not None and len(nxt.group()) == 1 and text[end + 1 : end + 2] == " "  # "A", "I"
            or _label_end(text, end, named) is not None
            # (an unnamed last label, then the sentence)
            or touch is not None and " " not in text[end : touch.start()] and _opens(text, touch.start())
        ):
            return cut
        cut = end
    return cut


def _label_end(text: str, at: int, named: Callable[[str], str | None]) -> int | None:
    """The end of the widget label a family names that starts at `at`: up to the next touch of
    a capital, or the one after ("Linked" + "In"); None if there is none."""
    m = _LABEL_TOUCH.search(text, at + 1, at + MAX_CHARS)
    if m is None:
        return None
    if named(text[at : m.start()]) is not None:
        return m.start()
    m2 = _LABEL_TOUCH.search(text, m.start() + 1, at + MAX_CHARS)
    if m2 is not None and " " not in text[at : m2.start()] and named(text[at : m2.start()]) is not None:
        return m2.start()
    return None


# a run of two capitals or more touching a capitalised word
_CAPS_TOUCH: Final = re.compile(rf"[{_CAP}](?<=[A-Z]{{2}}.)(?=[{_LOW}])")


_QUOTING: Final = re.compile(r'["“”„«»]')  # a quotation's marks: prose's, a widget rarely has them
_QUOTE_OPENERS: Final = frozenset("\"“‘«„¿¡")


def _opens(text: str, cut: int) -> bool:
    """Does a sentence open at `cut`, on one of the words sentences open on, then a space?"""
    lead = text[:cut]
    if not any(c.isalnum() for c in lead):
        return False
    if text[cut : cut + 1] in _QUOTE_OPENERS and text[cut + 1 : cut + 2].isupper():
        return True  # a quotation opening the sentence ("Email“We listened,” the chair said")
    first = text[cut : cut + 12].split(" ", 1)
    return len(first) == 2 and (first[0].casefold() in _OPENERS or _opening_shape(first[0], first[1]))


# "A" or "I" before a word in lower case; a title's abbreviation before a name ("St. Anne's",
# "Dr. Okafor", "Gov. Reyes"): a sentence's opening, and no brand's second hump ends on a
# one-letter word or on a stop
_ABBREV: Final = re.compile(rf"[{_CAP}][{_LOW}]{{1,3}}\.")


def _opening_shape(word: str, after: str) -> bool:
    if word in ("A", "I"):
        return after[:1].islower()
    return _ABBREV.fullmatch(word) is not None and after[:1].isupper()


# Words sentences open on, closed classes (articles, determiners, pronouns, a few
# prepositions), en/fr/de/es/it/pt: no brand's second hump is one ("PowerPoint", "YouTube";
# English two-letter words are left out, humps such as "LinkedIn" or "SignUp" end on them)
_OPENERS: Final = frozenset(
    """the this that these those after when while for with from our their its his her
    le la les un une des ce cette ces il elle ils elles au aux dans depuis selon après lors
    der die das ein eine einer im am nach seit bei mit laut es er sie wir
    el los las una unos unas tras según desde durante
    lo gli uno dopo secondo nel nella
    os um uma após segundo""".split()
)


def _opens_sentence(lead: str, rest: str) -> bool:
    """One word glued onto the first sentence ("PoliticsThe council …", "AccueilLa ville …"):
    the word is a word (a capital, then lower case), and what follows opens as sentences do."""
    if len(lead) < 3 or not lead.isalpha() or not lead[1:].islower():
        return False
    first = rest.split(" ", 2)
    return first[0].strip(",;:").casefold() in _OPENERS or (
        len(first) > 1 and _opening_shape(first[0], first[1])
    )


# any character but a space or a capital touching a capital (or an opening quote or Spanish
# mark): not inside an acronym ("USF", "PERKS")
_HEAD_TOUCH: Final = re.compile(rf"[{_CAP}\"“‘¿¡](?<=[^\s{_CAP}].)")
