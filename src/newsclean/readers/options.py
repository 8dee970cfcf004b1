"""Reader options and the checks every reader applies to a record's bytes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A record above this many bytes is set aside as too large.  The per-record pipeline costs about
# 1 s and 12 MB of memory per MB of text on one core, so 8 MiB bounds one record to seconds and
# ~100 MB; real news articles are far below 1 MB.  A 50 MB record is set aside at the default.
DEFAULT_MAX_RECORD_BYTES = 8 * 1024 * 1024

# How much of an oversized record's bytes the set-aside file keeps (enough to see what it was).
TOO_LARGE_RAW_KEEP = 64 * 1024

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    text_field: str = "text"
    id_field: str = "id"
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    html_field: str | None = None  # JSONL/Parquet field holding page HTML (-> extraction)
    fast: bool = False  # HTML extraction with resiliparse instead of trafilatura
    defer_html: bool = False  # yield pages unextracted (readers.page.Page): clean extracts them


def check_bytes(raw: bytes) -> tuple[str | None, str | None]:
    """Decode a record's bytes as UTF-8: (text, None) or (None, what is wrong with them)."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, f"binary content: NUL byte at byte offset {nul} (line {_line_at(raw, nul)})"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, (
            f"invalid UTF-8 at byte offset {e.start} (line {_line_at(raw, e.start)}): {e.reason}"
        )


def check_text(text: str, unicode: bool = False) -> str | None:
    """What is wrong with a decoded text that cannot be cleaned or written back, if anything.
    unicode: the text is known to hold no lone surrogate (decoded from UTF-8, or read by
    orjson: see fastjson.parse), so it is not searched for one."""
    nul = text.find("\x00")
    if nul >= 0:
        return f"text contains a NUL character at offset {nul}"
    if unicode:
        return None
    m = _SURROGATE.search(text)
    if m:
        return f"text contains an unpaired surrogate at offset {m.start()} (not valid Unicode)"
    return None


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


TOO_LARGE_MARK = "record too large"


def too_large_error(size: int | None, limit: int) -> str:
    what = f"{size} bytes" if size is not None else f"more than {limit} bytes"
    return f"{TOO_LARGE_MARK}: {what}, above --max-record-bytes {limit}"
