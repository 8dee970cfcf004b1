"""Clean a record made of lines and check that its removals restore it byte for byte."""

from __future__ import annotations

from newsclean import clean_text, restore
from newsclean.model import Article


def clean_restorable(*lines: str) -> Article:
    """The article of the record `lines` joined by newlines, after checking that its text and
    removals give the record back exactly."""
    record = "\n".join(lines)
    art = clean_text(record)
    assert restore(art.text, art.removed) == record
    return art
