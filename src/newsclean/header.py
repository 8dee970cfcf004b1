"""The crawl header line: ` date YYYY-MM-DD STATUS` (leading spaces allowed, may be absent)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_HEADER: Final = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+(\d{3})[ \t\r]*")


@dataclass(slots=True, frozen=True)
class Header:
    fetched: str
    http_status: int
    end: int  # offset just past the header line's content


def parse_header(text: str) -> Header | None:
    """Parse the first line if it is a crawl header; None otherwise."""
    nl = text.find("\n")
    first = text if nl < 0 else text[:nl]
    m = _HEADER.fullmatch(first)
    if not m:
        return None
    return Header(m.group(1), int(m.group(2)), len(first))
