"""HTML main-text extraction: page bytes -> Record (title line + main text, page metadata)."""

from .decode import MAX_HTML_BYTES, NotHtml, decode_html
from .html_text import ExtractError, Extraction, extract_page, html_record

__all__ = [
    "MAX_HTML_BYTES",
    "ExtractError",
    "Extraction",
    "NotHtml",
    "decode_html",
    "extract_page",
    "html_record",
]
