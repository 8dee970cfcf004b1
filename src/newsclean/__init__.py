"""newsclean: raw, noisy news-crawl records in; clean articles out, every removal explained."""

from . import native as _native

# Before any module of the package is imported: the compiled build of the per-record modules
# comes first on the package's path when it is there and fresh (native.py).
NATIVE = _native.activate(__path__)

from .apply import restore  # noqa: E402  (these after activate)
from .batch import clean_batch, clean_table  # noqa: E402
from .model import REASONS, VERDICTS, Article, BadRecord, Quote, Reason, Record, Removed, Verdict  # noqa: E402
from .pipeline import PageError, clean_html, clean_record, clean_records, clean_text  # noqa: E402

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
