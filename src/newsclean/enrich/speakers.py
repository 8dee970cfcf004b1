"""Turn the subject of a reporting verb into a speaker name.

- a surname or titled name ("Varga", "Mr. Okafor") becomes the fullest name the article
  gives for that person ("Elena Varga", "Daniel Okafor");
- a role ("the senator") becomes the one person the article gives that title, if unique;
- a pronoun ("he", "she", "elle") becomes the most recent fitting named person, only when
  that is clear (one gender-compatible person in the recent paragraphs, or the most recent
  speaker); otherwise None -- never a guess;
- any other noun phrase ("a spokesman for the campaign", "The New York Times") is kept as
  written.

Names are looked up lazily: a surname's full forms when a speaker needs them, the
people of a paragraph (name runs scanned once) when a pronoun needs them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from . import speech_lexicon as _lex

# The lexicon's sets as this module's Final names: compiled code reads them from C
# statics, where an imported name is looked up in the module dict at each use.
ALL_VERBS: Final = _lex.ALL_VERBS
AUX: Final = _lex.AUX
DETERMINERS: Final = _lex.DETERMINERS
FEMALE_NAMES: Final = _lex.FEMALE_NAMES
FEMALE_TITLES: Final = _lex.FEMALE_TITLES
IRREGULAR_PAST: Final = _lex.IRREGULAR_PAST
MALE_NAMES: Final = _lex.MALE_NAMES
MALE_TITLES: Final = _lex.MALE_TITLES
NOT_GIVEN: Final = _lex.NOT_GIVEN
ORG_WORDS: Final = _lex.ORG_WORDS
OTHER_PRONOUNS: Final = _lex.OTHER_PRONOUNS
PRONOUN_GENDER: Final = _lex.PRONOUN_GENDER
ROLE_TITLES: Final = _lex.ROLE_TITLES
TITLES: Final = _lex.TITLES

if TYPE_CHECKING:
    from .quotes import Subject

_UP: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
_ABBR: Final = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Rev|Prof|St|Jr|Sr|Mme|Mlle|Sra|M)\."
# A name word.  Every span has one reading, so no pattern built from it backtracks
# exponentially (issue 13: `M. M. M. … Σ`, a long run of capitals before `Σ`): a one-letter
# abbreviation is only `[_UP]\.` (not also `M\.` of _ABBR), and a word's letters are taken
# possessively (`*+`, Python 3.11), never given back to start another word.
_ABBR_MULTI: Final = _ABBR.replace("|M)", ")")
_WORD: Final = rf"(?:{_ABBR_MULTI}|[{_UP}]\.|[{_UP}][\w’'\-]*+)"
_PARTICLE: Final = r"(?:de|van|von|der|den|da|di|du|del|la|le|bin|al|ibn|dos)"
_ABBR_LIST: Final = _ABBR[3:-3].split("|")
# The first name word as a capital followed by the rest of _WORD: the same matches as
# `(?=[_UP])_WORD`, but a pattern that starts with a character set lets the regex engine
# skip to the next capital in C instead of trying the pattern at every position.  (Each
# abbreviation's first letter is re-read by a look-behind; at most one can match.)
_FIRST_LETTERS: Final = dict.fromkeys(a[0] for a in _ABBR_LIST)
_ABBR_TAIL: Final = "|".join(
    rf"(?<={c})(?:{'|'.join(a[1:] for a in _ABBR_LIST if a[0] == c)})\."
    for c in _FIRST_LETTERS
)
_NAME_RUN: Final = re.compile(
    rf"[{_UP}](?:{_ABBR_TAIL}|\.|[\w’'\-]*)(?:[ \u00a0](?:{_PARTICLE} )*{_WORD})*"
)
_WORD_FULL: Final = re.compile(_WORD)
_PARTICLES: Final = frozenset(_PARTICLE[3:-1].split("|"))
# A name word taken whole: "M." is both an abbreviation and an initial, and a capitalised
# run can be cut into several words where a space is optional; tried every way before a
# failing `$`, a long such run took exponential time.  Every way matches the same text up
# to the next space, so taking the first is the same answer.
_ONE_WORD: Final = rf"(?>{_WORD})"
_RUN_BEFORE: Final = re.compile(rf"(?:{_ONE_WORD}[ \u00a0](?:{_PARTICLE} )*)++$")
# What may stand before a sentence's subject: the sentence start, maybe a short
# introductory phrase and its comma ("In recent weeks, Brandt …").  (The look-ahead fails
# most start positions of a search before the nine look-behinds are tried.)
_SUBJECT_BEFORE: Final = re.compile(
    r"(?:^|(?=[.!?])(?<!\b[A-Z])(?<!\bM[rs])(?<!\bDr)(?<!\bMrs)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\bSt)[.!?][\"”’]?\s+|\n)(?:[A-Z][^.!?\n,]{0,40},\s+)?$"
)
# ... or a longer one (`When selecting the flowers for a spring wedding, Moran says`),
# looked for only after a comma: a wider window costs every name a longer scan.
_SUBJECT_BEFORE_LONG: Final = re.compile(_SUBJECT_BEFORE.pattern.replace("{0,40}", "{41,100}"))
# The first character after a run of capitalised words.  (Written as the last word and its
# spaces after the others, the run was matched again from each of its words when nothing
# followed it: quadratic in the run.)
_AFTER_NAME: Final = re.compile(rf"(?:[{_UP}][\w’'.\-]*+[ \u00a0])++[ \u00a0]*+(\S)")
_NEXT_WORD: Final = re.compile(r"\s+([a-zäöüéèáíóú]+)")
_PAR_START: Final = re.compile(r"(?m)^(?=[ \t]*\S)")  # non-blank lines only
_TRAILING_NAME: Final = re.compile(rf"\s((?:{_ONE_WORD}[ \u00a0]?)++)$")
_TITLE_ROLE: Final = {w: role for role, words in ROLE_TITLES.items() for w in words}
_WINDOW_PARAGRAPHS: Final = 3  # how far back a pronoun may look for its antecedent
# ... and at most this many characters back: a window of long paragraphs (a whole article
# on one line) read again for every pronoun made resolution quadratic in the text.
_WINDOW_CHARS: Final = 4000


@dataclass(slots=True)
class Mention:
    pos: int
    name: str  # canonical full name
    gender: str | None

    # written out: a generated __init__ stays interpreted when compiled (quotes.Subject)
    def __init__(self, pos: int, name: str, gender: str | None) -> None:
        self.pos = pos
        self.name = name
        self.gender = gender


# Surnames looked up with str.find over the whole text before the article's words are
# indexed once: a find per surname is cheaper for the few of a news article, but an
# article of thousands of quotations by as many people was quadratic.
_FIND_SURNAMES: Final = 200
_CHUNK: Final = re.compile(r"[ \n\u00a0](\S+)")  # (the space first: a search skips to it)


def _finds(text: str, word: str) -> list[int]:
    """Offsets of `word` in `text`, left to right, not overlapping (str.find).  A list, not
    a generator: compiled, a generator's object and resumptions cost more than the list.

    Found from the occurrences of its first character (a name's capital: a few dozen in
    an article), each checked by a find bounded to the word's length (compiled, a C call;
    startswith with an offset is a generic one): a one-character find is a memchr, several
    times faster over a long text than str.find's search for the whole word."""
    out: list[int] = []
    if not word:
        return out
    c = word[0]
    n = len(word)
    i = text.find(c)
    while i >= 0:
        if text.find(word, i, i + n) == i:
            out.append(i)
            i = text.find(c, i + n)
        else:
            i = text.find(c, i + 1)
    return out


def _word_starts(text: str) -> dict[str, list[int]]:
    """Each prefix of a whitespace-delimited chunk that ends the chunk or stands before a
    character that is neither alphanumeric nor "-" (`Dunne` and `Dunne’s` of `Dunne’s,`),
    with the chunk's offsets, in text order: the occurrences of a surname that forms()
    reads (after " ", "\\n" or a no-break space; at the end of a word)."""
    out: dict[str, list[int]] = {}
    for m in _CHUNK.finditer(text):
        chunk = m.group(1)
        s = m.start(1)
        for j, c in enumerate(chunk):
            if j and not (c.isalnum() or c == "-"):
                out.setdefault(chunk[:j], []).append(s)
        out.setdefault(chunk, []).append(s)
    return out


def _pos_of(m: Mention) -> int:
    return m.pos


def _clean_token(tok: str) -> str:
    for suf in ("’s", "'s", "’", "'"):
        if tok.endswith(suf):
            return tok[: -len(suf)]
    return tok


@lru_cache(maxsize=1 << 15)
def _split_run(run: str) -> tuple[tuple[str, ...], str | None, bool]:
    """(person tokens after any title, gender from the title, is organisation)."""
    raw = [t for t in run.replace(".", ". ").split() if t != "."]
    toks = [_clean_token(t) for t in raw]
    gender = None
    cut = 0
    for i, t in enumerate(toks):
        low = t.rstrip(".").lower()
        if i < len(toks) - 1 and raw[i].endswith(("’s", "'s")):
            cut = i + 1  # "WKTV’s Dante Ferro": the person follows the possessive
            gender = None
        elif low in TITLES and i < len(toks) - 1:
            cut = i + 1
            if low in MALE_TITLES:
                gender = "m"
            elif low in FEMALE_TITLES:
                gender = "f"
    rest = toks[cut:]
    while rest and rest[0].rstrip(".").lower() in NOT_GIVEN:
        rest = rest[1:]
    # "Harbour Council President Anton Brecht": only what follows the title decides.
    org = any(t.rstrip(".").lower() in ORG_WORDS for t in (rest or toks))
    return tuple(rest), gender, org


def _given_gender(tok: str) -> str | None:
    low = tok.lower()
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return None


class SpeakerResolver:
    """Names of one article, and the resolution of quotation subjects against them.

    Nothing is indexed up front: the full forms of a surname are found when a speaker
    needs them (str.find on the surname, then a look at the words just before each
    occurrence), and the people named near a pronoun only when a pronoun needs them.
    (An index of where full names can end, one regex pass at ~25 ns a character, costs as
    much as ~100 such look-ups and did not pay on records-dev.)
    """

    def __init__(self, text: str, quoted: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self._quoted = sorted(quoted or [])
        self._quoted_starts = [a for a, _b in self._quoted]
        self.gender: dict[str, str] = {}  # canonical name -> "m" | "f"
        self.speakers: list[Mention] = []  # resolved named speakers, in text order
        self._speaker_pos: list[int] = []  # their positions, for bisection
        self.orgs: list[Mention] = []  # organisations that spoke, in text order
        self._subject_memo: dict[int, bool] = {}  # name offset -> _subject_like
        self._forms: dict[str, Counter[str]] = {}  # surname -> full forms
        # word -> offsets where it stands after a space and before a non-word character,
        # made once an article has asked for many surnames (see _FIND_SURNAMES)
        self._occurrences: dict[str, list[int]] | None = None
        self._canon: dict[tuple[str, ...], str | None] = {}
        self._par_starts: list[int] | None = None
        self._par_people: dict[int, list[tuple[int, str]]] = {}  # paragraph -> (pos, name)
        # paragraph -> its name runs, their ends and the people of those asked for so far,
        # and the runs' starts
        self._par_runs: dict[
            int, tuple[list[re.Match[str]], list[int], list[str | None], list[int]]
        ] = {}
        self._titled: dict[str, set[str]] | None = None

    # -- names ---------------------------------------------------------------------------
    def forms(self, surname: str) -> Counter[str]:
        """Full forms ("Elena Varga") of the names in the article that end with `surname`."""
        got = self._forms.get(surname)
        if got is not None:
            return got
        got = Counter()
        text = self.text
        n = len(surname)
        # A full form has a name word and a space (or a space and a newline, see
        # _run_before) before the surname: only such occurrences are looked at.
        if len(self._forms) >= _FIND_SURNAMES and self._occurrences is None:
            self._occurrences = _word_starts(text)
        if self._occurrences is not None:
            where: Iterable[int] = self._occurrences.get(surname, ())
        else:
            where = _finds(text, surname)
        for i in where:
            end = i + n
            if i > 0 and text[i - 1] in " \n\u00a0" and (
                end >= len(text) or not (text[end].isalnum() or text[end] in "-")
            ):
                m = _run_before(text, i)
                if m is not None and not self._in_quote(i):
                    rest, g, org = _split_run(text[m.start() : end])
                    # More than four name words is a headline in title case, not a name.
                    if not org and 2 <= len(rest) <= 4 and rest[-1] == surname and \
                            len(rest[0].rstrip(".")) > 1:
                        form = " ".join(rest)
                        got[form] += 1
                        gg = g or _given_gender(rest[0])
                        if gg is not None:
                            self.gender.setdefault(form, gg)
        self._forms[surname] = got
        return got

    def canonical(self, toks: tuple[str, ...] | list[str]) -> str | None:
        """Fullest form of the name whose last token is the surname."""
        if not toks:
            return None
        key = tuple(toks)
        if key in self._canon:
            return self._canon[key]
        forms = self.forms(toks[-1]) if len(toks[-1]) > 1 else Counter()
        fitting = [f for f in forms if _contains_in_order(f.split(), toks)]
        if fitting:
            # Longest, then most frequent, then first seen (Counter keeps insertion order).
            # The most frequent form names the person ("Bobby Reyes" over a once-mentioned
            # "Tim Reyes", "Marta Quillon" over "Rival Marta Quillon"); the fullest
            # spelling of it wins ("Edward R. Dunne" over "Edward Dunne").
            top = max(fitting, key=lambda f: forms[f])
            first = top.split()[0]
            out: str | None = max((f for f in fitting if f.split()[0] == first),
                                  key=lambda f: (f.count(" "), forms[f]))
        else:
            out = " ".join(toks) if len(toks) >= 2 else None
        if out is not None and out not in self.gender and len(toks) >= 2:
            gg = _given_gender(out.split()[0])
            if gg is not None:
                self.gender[out] = gg
        self._canon[key] = out
        return out

    def _mentions(self, lo: int, hi: int) -> list[Mention]:
        """People (possibly) named in text[lo:hi], with their canonical names.

        Every run of two or more capitalised words that is not an organisation counts, and
        a lone surname that acts (is followed by a reporting verb): for an antecedent, a
        place taken for a person only makes the answer "unclear", never wrong.
        """
        return self._people(_NAME_RUN.finditer(self.text, lo, hi))

    def _people(self, runs: Iterable[re.Match[str]]) -> list[Mention]:
        """_mentions() of the given _NAME_RUN matches."""
        out = []
        for m in runs:
            canon = self._person(m)
            if canon is not None:
                out.append(Mention(m.start(), canon, self.gender.get(canon)))
        return out

    def _person(self, m: re.Match[str]) -> str | None:
        """The person a name run names, if it may be one.  Asked again for the same run,
        the answer is the same and changes nothing (canonical() is cached, gender is only
        ever set once per name)."""
        text = self.text
        if self._in_quote(m.start()) or text.endswith(("the ", "The "), 0, m.start()):
            return None  # named inside a quotation, or a modifier ("the Quillon campaign")
        rest, g, org = _split_run(m.group())
        if org or not rest:
            return None
        canon = self.canonical(rest)
        if canon is None:
            if g is not None and len(rest) == 1 and m.group().startswith(_HONORIFICS):
                # `Mr. Lund chalks up …`: an honorific names a person of that gender
                self.gender.setdefault(rest[0], g)
                return rest[0]
            if not _acts(text, m.end()) or _after_preposition(text, m.start()):
                return None  # (`The House of Lanterns was …`: the phrase acts, not the word)
            if m.group() == rest[0] and rest[0].endswith("s") and \
                    not _mid_sentence(text, rest[0]):
                return None  # `Delegates questioned …`: a plural noun opening its sentence
            return rest[-1]  # "McKeown said …": a person, full name unknown
        if g is not None:
            self.gender.setdefault(canon, g)
        return canon

    def _window_mentions(
        self, starts: list[int], first: int, i: int, pos: int, lo: int = 0
    ) -> list[Mention]:
        """_mentions(starts[first], pos), with whole paragraphs scanned once per article;
        only names from `lo` on.

        Names never run across a line break, so a window is the union of its paragraphs'
        mentions; gender is read at use, as a fresh scan would."""
        if i < 0:
            return self._mentions(starts[first] if starts else 0, pos)
        out: list[Mention] = []
        for j in range(first, i):
            got = self._par_people.get(j)
            if got is None:
                # A paragraph a pronoun was in has its runs scanned already.
                ms = (self._mentions_before(starts, j, starts[j + 1]) if j in self._par_runs
                      else self._mentions(starts[j], starts[j + 1]))
                got = self._par_people[j] = [(m.pos, m.name) for m in ms]
                self._par_runs.pop(j, None)
            if starts[j] < lo:
                got = got[bisect.bisect_left(got, lo, key=_first) :]
            out.extend(Mention(p, n, self.gender.get(n)) for p, n in got)
        out.extend(self._mentions_before(starts, i, pos, lo))
        return out

    def _mentions_before(
        self, starts: list[int], i: int, pos: int, lo: int = 0
    ) -> list[Mention]:
        """_mentions(starts[i], pos), from one scan of paragraph i; only names from `lo` on.

        A long paragraph (a whole article without line breaks) holds many pronouns, and
        rescanning it from its start for each was quadratic.  A run of the whole
        paragraph that ends by `pos` is what the shorter scan finds too (cutting the text
        only makes the pattern fail sooner, and it has no end assertions), and its person
        is kept from the first time it was asked for; the one run crossing `pos` is
        scanned again up to `pos`."""
        got = self._par_runs.get(i)
        if got is None:
            end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
            runs = list(_NAME_RUN.finditer(self.text, starts[i], end))
            got = self._par_runs[i] = (
                runs, [m.end() for m in runs], [], [m.start() for m in runs]
            )
        runs, ends, people, run_starts = got
        k = bisect.bisect_right(ends, pos)
        for m in runs[len(people) : k]:
            people.append(self._person(m))
        k0 = bisect.bisect_left(run_starts, lo, 0, k) if lo > starts[i] else 0
        out = [Mention(m.start(), n, self.gender.get(n))
               for m, n in zip(runs[k0:k], people[k0:k], strict=True) if n is not None]
        if k < len(runs) and runs[k].start() < pos:
            out += [m for m in self._people(_NAME_RUN.finditer(self.text, runs[k].start(), pos))
                    if m.pos >= lo]
        return out

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self._quoted[i][1]

    def _role_holders(self, role: str) -> set[str]:
        """People the article gives a title for `role` ("Sen. Tom Kellan" for senator)."""
        if self._titled is None:
            self._titled = {}
            for m in _NAME_RUN.finditer(self.text):
                run = m.group()
                if " " not in run:
                    continue
                rest, _g, org = _split_run(run)
                if org or len(rest) < 1 or len(rest) == run.count(" ") + 1:
                    continue
                canon = self.canonical(rest)
                if canon is None:
                    continue
                for t in run.replace(".", " ").split():
                    r = _TITLE_ROLE.get(t.lower())
                    if r is not None:
                        self._titled.setdefault(r, set()).add(canon)
        return self._titled.get(role, set())

    # -- resolution --------------------------------------------------------------------
    def resolve(self, subj: Subject, pos: int) -> str | None:
        if subj.kind in ("pronoun", "implicit"):
            if subj.text.lower() == "it":
                return self._org_antecedent(pos) or self._sentence_org(min(pos, subj.start))
            gender = PRONOUN_GENDER.get(subj.text.lower())
            if subj.kind == "pronoun" and gender is None:
                return None
            # The antecedent stands before the pronoun (`he called Quillon “…”` does not
            # refer to Quillon), and before the quotation when the pronoun follows it.
            return self._antecedent(gender, min(pos, subj.start) if subj.text else pos)
        out = self._resolve_named(subj, pos)
        if out is not None and subj.qualifier and not self._names_person(subj.qualifier):
            # `said Ann Lee of Ohio`: the place or organisation identifies the speaker as
            # the text does -- unless it names a person (`said Lee of Baker`: about him)
            out = f"{out} {subj.qualifier}"
        if out is not None and any(w.lower().strip(".,’'") in ORG_WORDS for w in out.split()):
            self.orgs.append(Mention(pos, out, None))
        return out

    def _names_person(self, qualifier: str) -> bool:
        """`of Baker` after a name is about a person when the article gives a full name
        ending in that word with a given name or a known gender (`Tom Baker`); `of the
        …` names an organisation."""
        words = qualifier.split()
        if len(words) < 2 or words[1] == "the":
            return False
        forms = self.forms(words[-1])
        return any(f in self.gender or _given_gender(f.split()[0]) is not None for f in forms)

    def _org_antecedent(self, pos: int) -> str | None:
        """`…,” it added.`: the one organisation that spoke in the recent paragraphs."""
        if self._par_starts is None:
            self._par_starts = _paragraph_starts(self.text)
        starts = self._par_starts
        i = bisect.bisect_right(starts, pos) - 1
        lo = starts[max(0, i - _WINDOW_PARAGRAPHS + 1)] if starts else 0
        # organisations are resolved in text order: the window's are a slice
        orgs = self.orgs[bisect.bisect_left(self.orgs, lo, key=_pos_of) :
                         bisect.bisect_left(self.orgs, pos, key=_pos_of)]
        names = {m.name for m in orgs}
        return names.pop() if len(names) == 1 else None

    def _sentence_org(self, pos: int) -> str | None:
        """`The Water Authority on Friday condemned … what it called “…”`: the
        organisation that opens the pronoun's own sentence."""
        text = self.text
        floor = max(0, pos - 400)  # (a bounded look back: linear in the text)
        lo = max(max(text.rfind(". ", floor, pos), text.rfind("\n", floor, pos)), floor - 1) + 1
        while lo < pos and text[lo].isspace():
            lo += 1
        if text.startswith(("The ", "the "), lo):
            lo += 4
        m = _NAME_RUN.match(text, lo, pos)
        if m is None or " " not in m.group():
            return None
        _rest, _g, org = _split_run(m.group())
        return m.group() if org else None

    def _resolve_named(self, subj: Subject, pos: int) -> str | None:
        text = subj.text.strip()
        words = text.split()
        if subj.kind == "np" and words and words[-1][:1].isupper():
            # `Dunne lawyer Owen Drummond`, `the club’s chairman Tom Hale`: a role noun
            # before a trailing name.
            m = _TRAILING_NAME.search(text)
            if m is not None and m.start() > 0 and any(w.islower() for w in words):
                return self._name(m.group(1), pos)
        if words and words[0].lower() in DETERMINERS and not words[0][:1].isupper():
            if subj.kind == "np" and len(words) == 2 and words[1].lower() in ROLE_TITLES:
                names = self._role_holders(words[1].lower())
                if len(names) == 1:
                    return self._remember(next(iter(names)), pos)
            if subj.kind == "np":
                return text
            text = " ".join(words[1:])
        if subj.kind == "np" and not all(w[:1].isupper() for w in text.split()):
            return text
        return self._name(text, pos)

    def _name(self, text: str, pos: int) -> str:
        rest, g, org = _split_run(text)
        if org or not rest:
            return text
        if not all(t[:1].isupper() for t in rest):
            return text
        canon = self.canonical(rest)
        if canon is None:
            if len(rest) == 1 and len(rest[0]) > 1 and (
                g is not None or _mid_sentence(self.text, rest[0])
            ):
                # `“…,” Okafor said.` with no fuller form in the article: still a person
                # who spoke, named as the article's mentions of him are (`He called …`);
                # a word capitalised only where it opens sentences (`Such missions …`)
                # is none
                if g is not None:
                    self.gender.setdefault(rest[0], g)
                self._remember(rest[0], pos)
            return text
        return self._remember(canon, pos)

    def _remember(self, name: str, pos: int) -> str:
        # speakers are resolved in text order: this appends (insort keeps them sorted anyway)
        k = bisect.bisect_right(self._speaker_pos, pos)
        self._speaker_pos.insert(k, pos)
        self.speakers.insert(k, Mention(pos, name, self.gender.get(name)))
        return name

    def _speakers_in(self, lo: int, hi: int) -> list[Mention]:
        """The resolved speakers at positions lo <= pos < hi, in text order."""
        sp = self._speaker_pos
        return self.speakers[bisect.bisect_left(sp, lo) : bisect.bisect_left(sp, hi)]

    def _antecedent(self, gender: str | None, pos: int) -> str | None:
        # Window: from the start of the paragraph a few paragraphs back, up to the pronoun.
        if self._par_starts is None:
            self._par_starts = _paragraph_starts(self.text)
        starts = self._par_starts
        i = bisect.bisect_right(starts, pos) - 1
        first = max(0, i - _WINDOW_PARAGRAPHS + 1)
        lo = starts[first] if starts else 0  # no line starts with a visible character
        if pos - lo > _WINDOW_CHARS:
            lo = pos - _WINDOW_CHARS
            while first < i and starts[first + 1] <= lo:
                first += 1
        recent = self._speakers_in(lo, pos)
        cands = self._window_mentions(starts, first, i, pos, lo)
        cands += recent
        fit = [m for m in cands if gender is None or self.gender.get(m.name) in (None, gender)]
        if not fit:
            return None
        # One fitting person named earlier in the quotation's own sentence (`When Dunne
        # spoke, he said “…”`) is the antecedent, whoever the paragraphs before named.
        sent = max(self.text.rfind(". ", lo, pos), self.text.rfind("\n", lo, pos)) + 1
        own = {m.name for m in fit if m.pos >= sent}
        if len(own) == 1 and (gender is None or any(
            self.gender.get(m.name) == gender for m in fit if m.pos >= sent
        ) or len({m.name for m in fit}) == 1):
            return self._remember(own.pop(), pos)
        names = {m.name for m in fit}
        if len(names) == 1:
            # One person fits: take it when something besides "not excluded" supports it.
            m = fit[-1]
            if (gender is not None and self.gender.get(m.name) == gender) or any(
                sp.name == m.name for sp in recent
            ) or any(self._subject_like(c.pos) or self._reports(c.pos) for c in fit):
                return self._remember(m.name, pos)
            return None
        # Several people fit: the only one whose gender is known to fit, or the most
        # recent speaker if no one else was named after it.
        known = {m.name for m in fit if gender is not None and self.gender.get(m.name) == gender}
        if len(known) == 1 and all(self.gender.get(n) is not None for n in names - known):
            return self._remember(known.pop(), pos)

        spoke = [m for m in recent if m.name in names]
        if spoke:
            last = max(spoke, key=lambda m: m.pos)
            later = {m.name for m in fit if m.pos > last.pos}
            if later <= {last.name}:
                return self._remember(last.name, pos)
            # ... or named after it only as objects, none of them a sentence subject or a
            # reporter (`Lee says she is making “a demand” of Ruiz. / “…?” she asks.`),
            # when the speaker is known to have the pronoun's gender.
            if gender is not None and self.gender.get(last.name) == gender and not any(
                self._subject_like(m.pos) or self._reports(m.pos)
                for m in fit if m.pos > last.pos and m.name != last.name
            ):
                return self._remember(last.name, pos)
        # The most recent fitting person opened its sentence (was its subject): news prose
        # continues with that subject (`Moss also noted … / “…,” he said.`).
        last_m = max(fit, key=lambda m: m.pos)
        if self._subject_like(last_m.pos):
            return self._remember(last_m.name, pos)
        # ... or the last sentence subject that reports speech, when everyone named after
        # it is named inside the clause it reports (`Baker said Grant’s debate would
        # boost Lund’s numbers. / “…,” he said.`): they are talked about, it talks.
        # (`…, says Idris Vance, author of …`: an inverted clause reports her speech too)
        reporters = [m for m in fit if not any(m is r for r in recent) and (
            (self._subject_like(m.pos) and self._reports(m.pos)) or _inverted_report(self.text, m.pos)
        )]
        if reporters:
            last_r = max(reporters, key=_pos_of)
            end = _sentence_end(self.text, last_r.pos, pos)
            if (" " in last_r.name or self.gender.get(last_r.name) is not None) and \
                    all(m.pos < end for m in fit if m.pos > last_r.pos) and \
                    not self._named_between(end, pos):
                return self._remember(last_r.name, pos)
        # ... or the last sentence subject, when all named after it are no one's given
        # names with an unknown gender (`ICICI Securities`, `Richmond High School`).
        subj_mentions = [m for m in fit if self._subject_like(m.pos)]
        if subj_mentions:
            last_s = max(subj_mentions, key=lambda m: m.pos)
            after_s = [m for m in fit if m.pos > last_s.pos and m.name != last_s.name]
            if all(self.gender.get(m.name) is None and _given_gender(m.name.split()[0]) is None
                   and " " in m.name for m in after_s):
                return self._remember(last_s.name, pos)
        chained = self._chain_start(gender, lo, pos, fit)
        if chained is not None:
            return self._remember(chained, pos)
        return None

    def _chain_start(
        self, gender: str | None, lo: int, pos: int, fit: list[Mention]
    ) -> str | None:
        """`Mary Vale lives on a farm. She talked of … . But she went quiet … . She
        wrote down a number for Ann Fry. “…,” she said.`: sentences that open with the
        pronoun lead back to the one that opens with a person of its gender (or a full
        name of unknown gender: `Jordan Vale posted …`), whoever they name as objects on
        the way."""
        if gender is None:
            return None
        text = self.text
        he = "He" if gender == "m" else "She"
        ends = [m.end() for m in _SENT_BREAK.finditer(text, lo, pos)]
        starts = [lo, *ends]
        links = 0
        for a in reversed(starts):
            while a < pos and text[a].isspace():
                a += 1
            if a >= pos:
                continue
            word = text[a : a + 12].split(None, 2)
            if word and word[0] in ("But", "And") and len(word) > 1:
                word = word[1:]
            if word and word[0].capitalize() == he:
                links += 1
                continue
            if links == 0:
                return None
            first = min((m for m in fit if a <= m.pos < pos), key=_pos_of, default=None)
            if first is None or _sentence_end(text, a, pos) <= first.pos or (
                self.gender.get(first.name) != gender and " " not in first.name
            ):
                return None  # (a full name of unknown gender may be the chain's head)
            # it opens the sentence (maybe after a phrase and its comma) and acts
            lead = text[a : first.pos]
            after = _AFTER_NAME.match(text, first.pos)
            if (lead and not lead.endswith(", ")) or after is None or \
                    not after.group(1).islower():
                return None
            return first.name
        return None

    def _named_between(self, lo: int, hi: int) -> bool:
        """A capitalised word that may name someone (not a function word, not quoted)
        stands in text[lo:hi]: `DiMugno’s study time …` names a person whom no rule
        took for one."""
        for m in _NAME_RUN.finditer(self.text, lo, hi):
            word = _clean_token(m.group().split()[0]).rstrip(".").lower()
            if word not in NOT_GIVEN and not self._in_quote(m.start()):
                return True
        return False

    def _subject_like(self, pos: int) -> bool:
        got = self._subject_memo.get(pos)
        if got is None:
            got = self._subject_memo[pos] = self._subject_like_at(pos)
        return got

    def _subject_like_at(self, pos: int) -> bool:
        """The name at `pos` opens its sentence (maybe after a short introductory phrase)."""
        text = self.text
        if not _opens_sentence(text, pos) and not _opens_sentence(text, _role_start(text, pos)):
            return False
        after = _AFTER_NAME.match(self.text, pos)  # and a verb follows it: "Moss also noted"
        if after is not None and after.group(1).islower():
            return True
        # or an appositive (`Marco Bellini, the firm’s head of operations, said`),
        # or a parenthesis and a verb (`Andres Solano (b. 1961, Lisbon) is …`)
        run = _NAME_RUN.match(self.text, pos)
        if run is None:
            return False
        if self.text.startswith(",", run.end()):
            return True
        if self.text.startswith(" (", run.end()):
            close = self.text.find(")", run.end(), run.end() + 100)
            if close > 0 and self.text.startswith(",", close + 1):
                return True  # `Rep. Ann Lee (R-Ohio), the ranking member, …`
            word = _NEXT_WORD.match(self.text, close + 1) if close > 0 else None
            return word is not None and word.start(1) == close + 2
        return False

    def _reports(self, pos: int) -> bool:
        """A reporting verb follows the name at `pos` (`…, Madry said.`): the person spoke,
        even where the sentence quotes no one."""
        after = _AFTER_NAME.match(self.text, pos)
        if after is not None and after.group(1).islower():
            word = _NEXT_WORD.match(self.text, after.start(1) - 1)
            return word is not None and word.group(1) in ALL_VERBS
        run = _NAME_RUN.match(self.text, pos)
        if run is None or not self.text.startswith(",", run.end()):
            return False
        # `Ann Lee, the firm’s lawyer, said`, `Lee, who represents Baker, said`: the verb
        # after a phrase set off by commas (which may hold commas itself)
        m = _SET_OFF_VERB.match(self.text, run.end())
        return m is not None and (m.group(1) in ALL_VERBS or (
            m.group(1) in AUX and m.group(2) is not None and m.group(2) in ALL_VERBS
        ))


# A phrase set off by commas after a name, and the word(s) after it: at most 150
# characters, no sentence end nor quotation mark inside, its last comma the one before the
# verb (the phrase may name a place with a comma: `of California, Davis,`).
_SET_OFF_VERB: Final = re.compile(
    r",[ \u00a0]+[^.!?;\n“”\"]{1,150}?,[ \u00a0]+([a-z]+)(?:[ \u00a0]+([a-z]+))?"
)


# What may follow a lone surname that acts: `, however,` and an auxiliary or adverb.
# (`Okafor, speaking at a rally in Leeds, urged …`: the phrase may name places)
_ACTS: Final = re.compile(
    r"(?:,[ \u00a0]+([a-z][^,.;\n“”\"]{0,60}),)?[ \u00a0]+([a-z]+)(?:[ \u00a0]+([a-z]+))?"
)


def _acts(text: str, end: int) -> bool:
    """The name ending at `end` is the subject of a verb (`McKeown said`, `Moss also
    noted`, `Marlow, however, is betting`, `Quillon was blunt`, `Okafor, speaking in
    Ohio, urged`): a reporting verb or a form of be or have next (after a short phrase set
    off by commas), or an auxiliary or adverb and then a verb form."""
    m = _ACTS.match(text, end)
    if m is None:
        return False
    phrase, first, second = m.group(1, 2, 3)
    if phrase is not None:
        words = phrase.split()
        if len(words) == 2 and words[0] in _SUBJECT_PRONOUNS and words[1] in ALL_VERBS:
            return False  # `Reaching the cave at Maridor, he said, is …`: not its verb
    if first in ALL_VERBS or first in _BE_HAVE:
        return True  # `Quillon was blunt`, `Dunne, for his part, has been …`
    return (first in AUX or first.endswith("ly")) and second is not None and (
        second in ALL_VERBS or second.endswith(("ing", "ed"))
    )


_HONORIFICS: Final = ("Mr. ", "Mrs. ", "Ms. ", "Mr ", "Mrs ", "Ms ")  # not `Miss Universe`
_BE_HAVE: Final = {"is", "was", "has", "had", "will", "would"}
_SUBJECT_PRONOUNS: Final = {"he", "she", "they", "we", "i", "you", "it"}


_OBJECT_PREPOSITIONS: Final = frozenset(
    {"of", "for", "to", "with", "by", "from", "about", "against", "at", "on", "in", "into"}
)


def _after_preposition(text: str, pos: int) -> bool:
    """The word before `pos` is a preposition: what stands at `pos` is its object."""
    before = text[max(0, pos - 10) : pos].rsplit(None, 1)
    return bool(before) and text[pos - 1 : pos].isspace() and before[-1] in _OBJECT_PREPOSITIONS


def _inverted_report(text: str, pos: int) -> bool:
    """A reporting verb after a comma stands right before the name at `pos`, and the
    name ends its clause (`…, says Idris Vance, author of …`): the person reports what the
    sentence says.  (`Lee, the firm’s chief, said Tyvak would …` names the subject of
    what she said.)"""
    before = text[max(0, pos - 14) : pos]
    if not before.endswith(" "):
        return False
    words = before.split()
    if len(words) < 2 or words[-1] not in ALL_VERBS or not words[-2].endswith(","):
        return False
    run = _NAME_RUN.match(text, pos)
    return run is not None and text[run.end() : run.end() + 1] in (",", ".", ";", "")


def _opens_sentence(text: str, pos: int) -> bool:
    """Only a sentence start, maybe a short introductory phrase, stands before `pos`."""
    return _SUBJECT_BEFORE.search(text, max(0, pos - 60), pos) is not None or (
        text.endswith((", ", ",\u00a0"), 0, pos)
        and _SUBJECT_BEFORE_LONG.search(text, max(0, pos - 130), pos) is not None
    )


# A role word before a name: `Veteran goalkeeper`, `Senior union negotiator`.
_ROLE_WORD: Final = re.compile(r"[A-Za-z][a-z]+|[A-Z]+")
_NOT_ROLE: Final = (
    ALL_VERBS | AUX | DETERMINERS | _OBJECT_PREPOSITIONS | OTHER_PRONOUNS
    | set(PRONOUN_GENDER) | {"and", "or", "but", "when", "while", "as", "if", "who", "which",
                             "whom", "after", "before", "since", "so", "than", "then", "there"}
)


_ROLE_REACH: Final = 40  # characters: a role word is never longer


def _role_start(text: str, pos: int) -> int:
    """Where the role words right before the name at `pos` begin (`Veteran goalkeeper Idris
    Kamara`, `The chief union negotiator Ann Lee`: up to four lower-case nouns, maybe after
    one capitalised modifier that is no given name; none a verb form, pronoun or function
    word -- `Tom Becker met Paul Warner` is no role), or `pos` when there are none."""
    start = pos
    lower = False
    for _ in range(4):
        if start < 2 or text[start - 1] not in " \u00a0":
            break
        # (the word's start looked for within _ROLE_REACH characters: an unbounded rfind for
        # a separator the text lacks went back to its start at every name)
        lo = max(0, start - 1 - _ROLE_REACH)
        a = max(max(text.rfind(" ", lo, start - 1), text.rfind("\n", lo, start - 1)),
                text.rfind("\u00a0", lo, start - 1)) + 1
        if a == 0 and lo > 0:
            break  # longer than any role word
        word = text[a : start - 1]
        if word in ("The", "the"):
            start = a
            break
        low = word.lower()
        if _ROLE_WORD.fullmatch(word) is None or low in _NOT_ROLE or \
                low in IRREGULAR_PAST or word.endswith(("ed", "ly")) or \
                (word.endswith("s") and not word.endswith("ss")):
            break
        if not word.islower():
            # one capitalised modifier opens the role (`Veteran`, `Senior`)
            if lower and _given_gender(word) is None:
                start = a
            break
        lower = True
        start = a
    return start if lower else pos


def _run_before(text: str, i: int) -> re.Match[str] | None:
    """_RUN_BEFORE.search(text, i - 80, i), the same match found with less work.

    Its match ends with a space after a capitalised word or a particle, so the word before
    that space says at once when there is none ("said Dunne", "(Dunne", a sentence start):
    most occurrences of a name."""
    lo = max(0, i - 80)
    if i == 0:
        return None
    before = text[i - 1]
    if before == "\n":
        return _RUN_BEFORE.search(text, lo, i)  # `$` also matches before a final newline
    if before not in " \u00a0":
        return None
    # the last word of text[lo : i - 1] (its rsplit(None, 1)[-1], without the slice and
    # the generic call)
    e = i - 1
    while e > lo and text[e - 1].isspace():
        e -= 1
    s = e
    while s > lo and not text[s - 1].isspace():
        s -= 1
    word = text[s:e]
    if word not in _PARTICLES and not _has_upper(word):
        return None
    # Every space-separated chunk inside a match is a whole name word or particle, but
    # the first may start mid-chunk ("McDonald"): the first chunk back that is neither
    # bounds where a match can start, and the regex need not try further back.
    b = i - 1
    while b > lo:
        a = max(max(text.rfind(" ", lo, b), text.rfind("\u00a0", lo, b)), lo - 1) + 1
        chunk = text[a:b]
        if chunk not in _PARTICLES and _WORD_FULL.fullmatch(chunk) is None:
            lo = a
            break
        b = a - 1
    return _RUN_BEFORE.search(text, lo, i)


def _has_upper(word: str) -> bool:
    """any(map(str.isupper, word)), ASCII letters read by code point (compiled, a method
    call per character cost more than the rest of _run_before's quick answer)."""
    for ch in word:
        o = ord(ch)
        if o < 128:
            if 65 <= o <= 90:
                return True
        elif ch.isupper():
            return True
    return False


def _mid_sentence(text: str, word: str) -> bool:
    """`word` stands after a lower-case letter or a comma and a space somewhere: a name,
    not only a sentence's first word.  After a quotation's comma (`,” Ortega said`) only
    when it does not look plural (`,” Officials said`)."""
    needle = " " + word
    plural = word.endswith("s")
    i = text.find(needle, 2)
    while i >= 0:
        e = i + len(needle)
        c = text[i - 1]
        if (c.islower() or c == "," or (c in "”\"" and text[i - 2] == "," and not plural)) \
                and (e >= len(text) or not text[e].isalnum()):
            return True
        i = text.find(needle, i + 1)
    return False


def _sentence_end(text: str, lo: int, hi: int) -> int:
    """Offset after the sentence that holds `lo` (its period or the line end), at most
    `hi`."""
    m = _SENT_END.search(text, lo, hi)
    return m.start() + 1 if m is not None else hi


# A sentence's end: its mark, maybe a closing quotation mark, and a space or line end.
_SENT_END: Final = re.compile(r"[.!?][”\"’)]*(?:\s|$)")
# Where a sentence ends (and a paragraph: a line break).
_SENT_BREAK: Final = re.compile(r"[.!?][”\"’)]*\s+|\n")


def _first(pair: tuple[int, str]) -> int:
    return pair[0]


def _paragraph_starts(text: str) -> list[int]:
    """Where _PAR_START matches (starts of non-blank lines), without a regex scan."""
    out = []
    pos = 0
    for line in text.split("\n"):
        rest = line.lstrip(" \t")
        if rest and not rest[0].isspace():
            out.append(pos)
        pos += len(line) + 1
    return out


def _contains_in_order(full: Sequence[str], part: Sequence[str]) -> bool:
    it = iter(full)
    return all(any(p == f or (len(p) <= 2 and f.startswith(p.rstrip("."))) for f in it)
               for p in part)
