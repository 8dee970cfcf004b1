"""newsclean: raw, noisy news-crawl records in; clean articles out, every removal explained."""

from .apply import restore
from .batch import clean_batch, clean_table
from .model import REASONS, VERDICTS, Article, BadRecord, Quote, Reason, Record, Removed, Verdict
from .pipeline import PageError, clean_html, clean_record, clean_records, clean_text

__all__ = [
    "ARROW_SCHEMA",
    "REASONS",
    "VERDICTS",
    "Article",
    "BadRecord",
    "PageError",
    "Quote",
    "Reason",
    "Record",
    "Removed",
    "Verdict",
    "clean_batch",
    "clean_html",
    "clean_record",
    "clean_records",
    "clean_table",
    "clean_text",
    "restore",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # ARROW_SCHEMA is built at first use: it loads pyarrow (27 MB a process)
    if name == "ARROW_SCHEMA":
        from .schema import arrow_schema

        return arrow_schema()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
