"""Seeded generator of news-like articles of any size, for growth and property tests.

Every sentence is drawn from templates of wire-copy shapes (a quote with its attribution
before or after it, a pronoun speaker, `according to`, a titled name, a dateline-like
opening), with words drawn at random, so a long article has few repeated sentences and is
not cut down by the repeat detector: the cleaner does its full work at every size.
"""

from __future__ import annotations

import random

FIRST = [
    "Anna", "Marek", "Sofia", "Tomás", "Ingrid", "Kwame", "Leila", "Pieter", "Hana",
    "Joseph", "Mei", "Olusegun", "Claire", "Dmitri", "Aoife", "Rafael", "Yuki", "Nadia",
]
LAST = [
    "Berg", "Kowalski", "Okafor", "Lindqvist", "Haddad", "Moreau", "Van der Merwe",
    "Müller", "Ørsted", "Nakamura", "O'Brien", "García", "Fitzgerald", "Nowak", "Silva",
    "Papadopoulos", "Chen", "Abara",
]
TITLES = ["Mayor", "Sen.", "Dr.", "Gov.", "Prof.", "Chief Inspector", "Mr.", "Ms."]
ROLES = [
    "the harbour master", "a spokeswoman for the council", "the union's regional secretary",
    "the ministry's chief economist", "a local shopkeeper", "the hospital's director",
]
ORGS = [
    "the Harbour Authority", "the Ministry of Transport", "Reuters", "the city council",
    "the National Weather Service", "Northfield University", "the port workers' union",
]
PLACES = [
    "Aberdeen", "Gdańsk", "Lagos", "Porto", "Tromsø", "Valparaíso", "Halifax", "Durban",
    "Kraków", "Hobart", "Split", "Cork",
]
NOUNS = [
    "ferry terminal", "budget", "flood barrier", "rail link", "school plan", "wind farm",
    "fishing quota", "housing project", "bridge repair", "water tariff", "night bus route",
    "museum extension", "tax rebate", "hospital wing", "cycle lane", "grain shipment",
]
VERBS = [
    "approved", "delayed", "rejected", "reviewed", "funded", "questioned", "welcomed",
    "postponed", "defended", "criticised", "expanded", "scaled back",
]
SAY = ["said", "told reporters", "added", "said on Tuesday", "wrote in a statement", "warned"]
CLAIMS = [
    "we will not walk away from this", "the numbers simply do not add up",
    "nobody here wanted a fight over money", "the work has to start before winter",
    "it is the best offer we have had in years", "people deserve straight answers",
    "this was never about one town", "we owe it to the families who live here",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


class ArticleGen:
    def __init__(self, seed: int = 0) -> None:
        self.r = random.Random(seed)

    def name(self) -> str:
        r = self.r
        full = f"{r.choice(FIRST)} {r.choice(LAST)}"
        return f"{r.choice(TITLES)} {full}" if r.random() < 0.2 else full

    def sentence(self) -> str:
        r = self.r
        c = r.choice
        noun, verb, place = c(NOUNS), c(VERBS), c(PLACES)
        n = r.randrange(2, 900)
        k = r.randrange(8)
        if k == 0:
            return f"“{c(CLAIMS).capitalize()},” {self.name()} {c(SAY)}."
        if k == 1:
            return f"{self.name()} {c(SAY)}: “{c(CLAIMS).capitalize()}.”"
        if k == 2:
            return f"“{c(CLAIMS).capitalize()},” {c(['he', 'she', 'they'])} {c(SAY)}."
        if k == 3:
            return f"According to {c(ORGS)}, the {noun} in {place} was {verb} after {n} complaints."
        if k == 4:
            return (f"{c(ROLES).capitalize()} said the {noun} would cost {n} million "
                    f"and could be {verb} by {c(MONTHS)}.")
        if k == 5:
            return (f"{c(['He', 'She'])} {c(SAY)} that the {noun} had been {verb} "
                    f"twice since {r.randrange(1990, 2025)}.")
        if k == 6:
            return (f"In {place}, {n} residents signed a petition after {c(ORGS)} "
                    f"{verb} the {noun}.")
        return (f"The {noun} was {verb} by {c(ORGS)} on a vote of {n} to {r.randrange(1, 99)}, "
                f"{self.name()} {c(SAY)}.")

    def paragraph(self, sentences: int | None = None) -> str:
        k = sentences if sentences is not None else self.r.randrange(2, 6)
        return " ".join(self.sentence() for _ in range(k))

    def title(self) -> str:
        r = self.r
        return f"{r.choice(PLACES)} {r.choice(VERBS).title()} {r.choice(NOUNS).title()} Plan"

    def article(self, size: int, one_paragraph: bool = False) -> str:
        """A headline and body of about `size` characters (one line when one_paragraph)."""
        out = [self.title(), "\n"]
        n = len(out[0]) + 1
        while n < size:
            piece = self.sentence() + " " if one_paragraph else self.paragraph() + "\n"
            out.append(piece)
            n += len(piece)
        return "".join(out).rstrip(" ") + ("\n" if one_paragraph else "")


def article(size: int, seed: int = 0, one_paragraph: bool = False) -> str:
    return ArticleGen(seed).article(size, one_paragraph)
