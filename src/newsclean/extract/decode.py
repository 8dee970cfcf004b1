"""Bytes of a web page -> text: size cap, binary sniffing, charset choice.

Charset order: the HTTP header, then a `<meta charset>` / `http-equiv` declaration in the first
bytes, then a byte-order mark, then clean UTF-8, then detection (uchardet via resiliparse).  A
declared charset that does not decode the bytes while UTF-8 does is overruled (servers often
label UTF-8 pages as latin-1).  Never raises on odd bytes: undecodable sequences are replaced.
"""

from __future__ import annotations

import codecs
import re

from resiliparse.parse.encoding import detect_encoding

# Pages are capped before parsing: real articles are far below this, and parsing plus
# extraction cost grows with the page (a 30 MB page would take tens of seconds and GBs).
# The cut keeps the head of the page, where the article text of a real page sits.
MAX_HTML_BYTES = 4 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_BINARY_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# resiliparse's main-content pass is quadratic in nesting depth (0.9 s at depth 5000, minutes
# at 50000); real pages nest well below 100 elements.  A CSS chain of child combinators finds
# an element this deep in one C-level query (~0.25 ms a page, ~2 ms on a 50000-deep page).
# The chain ends in :first-child, which is exact (an element that deep has a parent whose
# first element child is as deep) and ~30% cheaper: lexbor matches right to left, and most
# elements are then rejected before their ancestors are walked.
MAX_NESTING = 400
_DEEP_SELECTOR = " > ".join(["*"] * MAX_NESTING) + ":first-child"
# lexbor parses a selector on every query (~0.09 ms for the 400-step chain): a 64-step chain
# (~0.02 ms) first, which real pages hardly ever match, decides most pages alone.
_DEEPISH_SELECTOR = " > ".join(["*"] * 64) + ":first-child"


def too_deep(tree) -> bool:
    """Whether a resiliparse HTMLTree nests elements more than MAX_NESTING deep."""
    doc = tree.document
    if doc.query_selector(_DEEPISH_SELECTOR) is None:
        return False
    return doc.query_selector(_DEEP_SELECTOR) is not None


class NotHtml(ValueError):
    """The bytes are not a text page (binary data labelled as HTML, or nothing at all)."""


def binary_kind(data: bytes) -> str | None:
    """What binary thing these bytes are, or None if they look like text."""
    head = data[:1024]
    for magic, kind in _BINARY_MAGIC:
        if head.startswith(magic):
            return kind
    if any(head.startswith(b) for b, _ in _BOMS[1:]):
        return None  # UTF-16 text holds NUL bytes by design
    sample = data[:4096]
    if not sample:
        return None
    ctrl = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or ctrl > len(sample) * 0.05:
        return "binary data"
    return None


def _valid_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a `<meta>` tag declares in the first 4 KiB, if it names a known codec."""
    m = _META_CHARSET.search(data[:4096])
    return _valid_codec(m.group(1).decode("ascii", "ignore")) if m else None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def choose_charset(data: bytes, http_charset: str | None = None) -> str:
    """The codec to decode these bytes with (see the module docstring for the order)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    utf8_ok = _decodes(data, "utf-8")
    for declared in (_valid_codec(http_charset), declared_charset(data)):
        if declared is None:
            continue
        if declared in ("ascii", "utf-8"):
            if utf8_ok:
                return "utf-8"
            break  # a false UTF-8 label: let detection decide below
        if _decodes(data, declared):
            # a UTF-8 page mislabelled as a single-byte charset decodes both ways
            return "utf-8" if utf8_ok and not data.isascii() else declared
    if utf8_ok:
        return "utf-8"
    detected = _valid_codec(detect_encoding(data, html5_compatible=True))
    if detected and detected != "utf-8" and _decodes(data, detected):
        return detected
    return detected or "cp1252"  # mostly-UTF-8 pages with a few bad bytes stay UTF-8


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str, bool]:
    """(text, charset used, truncated?) for a page's bytes; raises NotHtml on binary data."""
    kind = binary_kind(data)
    if kind is not None:
        raise NotHtml(f"binary body ({kind}), not HTML")
    truncated = len(data) > MAX_HTML_BYTES
    if truncated:
        # cut after an ASCII byte so no multi-byte character is split (keeps UTF-8 checks exact)
        data = data[:MAX_HTML_BYTES]
        cut = max(data.rfind(b">"), data.rfind(b"\n"))
        if cut > MAX_HTML_BYTES // 2:
            data = data[: cut + 1]
    try:  # the common case in one pass: valid UTF-8 (which any label then agrees with)
        if data.startswith(_BOMS[1][0]) or data.startswith(_BOMS[2][0]):
            raise UnicodeDecodeError("utf-8", b"", 0, 1, "UTF-16 byte-order mark")
        text = data.decode("utf-8")
        charset = "utf-8"
        if data.isascii():
            charset = _valid_codec(http_charset) or declared_charset(data) or "utf-8"
        # strict UTF-8: a NUL character is a NUL byte, and memchr over the bytes is ~20x
        # cheaper than searching a wide str
        has_nul = b"\x00" in data
    except UnicodeDecodeError:
        charset = choose_charset(data, http_charset)
        text = data.decode(charset, errors="replace")
        has_nul = "\x00" in text
    if text.startswith("\ufeff"):
        text = text[1:]
    # NUL and lone surrogates cannot go through the parser or be written back as UTF-8.
    if has_nul:
        text = text.replace("\x00", "")
    if not text or text.isspace():  # as `not text.strip()`, without copying the page
        raise NotHtml("empty body")
    return text, charset, truncated
