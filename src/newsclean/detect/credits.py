"""The page's credits and pager left under an article: shapes, not wordings.

Below the last paragraph pages print who wrote the piece and when ("By Ana Ruiz", "Posted
by Ana at May 2, 2025"), its tags ("Tags: rail, budget"), a pager to the next post ("← An
older post") and an author box (a name, then a sentence opening on that name).  These lines
are short and none ends a sentence the way prose does, so an article's own closing line is
not taken for them; resolve only looks at the unexplained lines that end the record.
"""

from __future__ import annotations

import re
from typing import Final

MAX_WORDS: Final = 14  # a credit or a tag line is short; an article's closing sentence is not

_NAME: Final = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
# A bare "By Ana Ruiz" stays: an article may sign off with its author's name, and a byline
# alone under it reads the same.  A dated one is the page's ("Posted by Ana at May 2, 2025"),
# and so is a bare label over a name line (author_box).
_BYLINE: Final = re.compile(rf"^(?:[A-Z][a-z]+\s+)?[Bb]y:?(?:\s+{_NAME}\s+(?:at|on)\s+[^;]*\d[^;]*)?$")
MONTH: Final = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_MONTH: Final = MONTH
# a line that is a date, with a word or two of lead-in ("at", "Published", "Updated on")
_DATE_LINE: Final = re.compile(
    rf"^(?:[A-Za-z]+\s+){{0,2}}(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})"
    r"(?:\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?(?:\s+[A-Z]{2,4})?$"
)
# ... and, over the article (dated_label), in the six languages' words, any lead-in of up to
# three words, a colon after them ("Mis à jour : 4 mars 2025", "Veröffentlicht am 3. März 2025
# um 10:15 Uhr", "Publicado el 4 de marzo de 2025"); the month is checked against _MONTHS (a
# closed class, not a phrase)
_DATE_ANY: Final = re.compile(
    r"^(?:[^\W\d_]+\.?\s*:?\s+){0,3}"
    r"(?:([^\W\d_]{3,10})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?\d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:à|um|a\s+las|alle|às|at|-)?\s*\d{1,2}[:h.]\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|Uhr|h))?)?"
    r"(?:\s+[A-Z]{2,4})?$"
)
_MONTHS: Final = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december janv janvier févr fév février mars avr
    avril mai juin juil juillet août aout septembre octobre novembre déc décembre januar
    februar märz mär april juni juli oktober okt dezember dez enero ene febrero marzo abr
    abril mayo junio julio agosto ago septiembre setiembre set octubre noviembre diciembre dic
    gennaio gen febbraio aprile maggio mag giugno giu luglio lug settembre ottobre ott
    dicembre janeiro fevereiro fev março abril maio junho julho setembro outubro dezembro
    dez""".split()
)


# a reading time in the six languages ("Lesedauer 4 Minuten", "Lectura de 3 min", "Tempo di
# lettura: 3 minuti"), as a page prints it over the article.  (Not boilerplate's reading_aid
# family, which reads fewer languages: a line that family names under the headline is the
# article's own header by the records' convention, and widening it there changed real pages.)
_READING_TIME: Final = re.compile(
    r"^(?:lesezeit|lesedauer|temps\s+de\s+lecture|tiempo\s+de\s+lectura|tempo\s+di\s+lettura"
    r"|tempo\s+de\s+leitura|lecture|lectura|leitura|lettura|reading\s+time|read)\s*(?:de\s+|:\s*)?"
    r"(?:ca\.\s*)?\d+\s*(?:min(?:\.|utes?|uten|utos|uti)?|minute)\b\.?$",
    re.IGNORECASE,
)


def dated_label(text: str) -> bool:
    """A date with its lead-in, in any of six languages ("Mis à jour : 4 mars 2025"), or a
    reading time: over the article, where a page prints when it was published and how long
    it reads.  (Under it, an article may close on its own "Last updated: May 2, 2025", so
    is_credit does not take these.)"""
    text = text.strip()
    if _READING_TIME.match(text):
        return True
    m = _DATE_ANY.match(text)
    if m is None:
        return False
    month = m.group(1) or m.group(2)
    return month is None or month.casefold() in _MONTHS


_AGO: Final = re.compile(r"^\d{1,2}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago$")
# "Tags: rail, budget, Leeds" -- a label of a word or two over a list of short items (an
# article's own "Format: lesson plans" states one thing, "Last updated: May 2, 2025" a date)
_TAG_LINE: Final = re.compile(r"^[A-Z][a-z]+(?:\s+[a-z]+)?:\s+[^,.!?\d]{1,30}(?:,\s*[^,.!?\d]{1,30})+$")
# a pager: an arrow, or "Previous"/"Next" before a title
# function words: a tag list has none, a sentence's enumeration does ("who owns x and y")
_FUNCTION: Final = re.compile(r"\b(?:and|or|the|a|an|of|to|who|is|are|for|with|in|on)\b")
PAGER: Final = re.compile(r"^(?:[←→«»‹›]|(?:Prev(?:ious)?|Next)\s+[A-Z\"“])")
_PAGER: Final = PAGER


def is_credit(text: str) -> bool:
    """A byline, a date, a tag line or a pager, as pages print them under the article."""
    text = text.strip()
    if not text or len(text.split()) > MAX_WORDS or text[-1] in ".!?":
        return False
    return bool(
        _BYLINE.match(text)
        or _DATE_LINE.match(text)
        or _AGO.match(text)
        or (_TAG_LINE.match(text) and not _FUNCTION.search(text.split(":", 1)[1]))
        or _PAGER.match(text)
    )


_LONE_NAME: Final = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){1,2}$")


def author_box(name: str, bio: str) -> bool:
    """A name on its own line, then a sentence about that person opening on the name (or
    its first word): "Ana Ruiz" / "Ana Ruiz is a rail reporter based in Leeds."; or a bare
    byline over the name: "Written by" / "Ana Ruiz"."""
    name = name.strip()
    if _LONE_NAME.match(bio.strip()) and re.fullmatch(r"(?:[A-Z][a-z]+\s+)?[Bb]y:?", name):
        return True
    if not _LONE_NAME.match(name):
        return False
    first = name.split()[0]
    rest = bio.strip()
    return rest.startswith((name + " ", first + " ", name + "’s", name + "'s")) and len(rest.split()) >= 6



# words a headline leaves in lower case ("Ideas for an Exit", "How to Fix a Leak")
_MINOR: Final = frozenset(
    "a an the of and or nor for to in on at by from with into as vs vs. is are your you how "
    "what why when".split()
)
TEASER_WORDS: Final = (3, 16)  # a teaser headline is short; two words ("SD Cards") may be a list item
MAX_TEASERS: Final = 3  # more lines in headline case in a row are a list the article ends on
# "Format: Lesson Plans", "Last Updated: June 2022": a label over a value, the article's note
# two words are a name only when both read as one ("SD Cards", "Learn More" do not)
_TWO_NAMES: Final = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?\s+[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")
_FUNCTION_WORDS: Final = frozenset("more now here us all our up out back home top next new about".split())
_LABEL: Final = re.compile(r"^\S+(?:\s\S+)?:\s")


def is_teaser(text: str) -> bool:
    """A line in headline case, as pages set the teasers, buttons and names under an article
    ("45 Garden Ideas for a Small Yard", "Book a Free Call", "Ana Ruiz"): short, no sentence
    end, every word but minor ones capitalised.  A list item (a bullet, "1."), a line with
    commas (a list of names, a place and a date) or a label over a value is the article's
    own; "By Ana Ruiz" is left to is_credit (an author may sign the piece off)."""
    text = text.strip()
    words = text.split()
    if _TWO_NAMES.match(text) and not any(w.lower() in _FUNCTION_WORDS for w in words):
        return True  # a lone name: "Ana Ruiz"
    if not TEASER_WORDS[0] <= len(words) <= TEASER_WORDS[1] or text[-1] in ".!?:;,":
        return False
    if not text[0].isalnum() or "," in text or _LABEL.match(text) or re.match(r"\d+[.)]", text):
        return False
    if words[0].lower() in ("by", "by:"):
        return False
    major = [w for w in words if w.lower() not in _MINOR]
    return len(major) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in major)
