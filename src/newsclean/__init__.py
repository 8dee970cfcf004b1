"""newsclean: raw, noisy news-crawl records in; clean articles out, every removal explained."""

from .apply import restore
from .model import Article, BadRecord, Quote, Record, Removed
from .pipeline import clean_record, clean_records, clean_text

__all__ = [
    "Article",
    "BadRecord",
    "Quote",
    "Record",
    "Removed",
    "clean_record",
    "clean_records",
    "clean_text",
    "restore",
]
__version__ = "0.1.0"
