"""Helpers shared by the family tests: a line's family as the detectors name it, and a record
cleaned with its restore checked."""

from __future__ import annotations

from newsclean import clean_text, restore
from newsclean.detect.boilerplate import classify
from newsclean.model import Article
from newsclean.text_view import normalise


def family_of(line: str) -> str | None:
    """The boilerplate family `classify` names for one line on its own, or None."""
    return classify(line, normalise(line), len(line.split()))


def cleaned(record: str) -> Article:
    """The record cleaned; what was removed must put it back byte for byte."""
    art = clean_text(record)
    assert restore(art.text, art.removed) == record
    return art
