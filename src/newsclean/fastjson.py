"""JSON through orjson where it gives json's answer, through the standard library elsewhere.

`loads` parses with orjson (several times faster) a document orjson reads exactly as
`json.loads` does: strict RFC 8259 JSON with no run of 19 or more digits (orjson turns an
integer beyond 64 bits into a float; json keeps it exact).  Anything orjson refuses -- NaN,
Infinity, an escaped lone surrogate, a byte-order mark, a syntax error -- goes to
`json.loads`, so values, and the errors bad input is set aside with, are json's.

`dumps` gives one compact line of UTF-8 JSON (no spaces after separators; characters
beyond ASCII written as themselves), from orjson; an object orjson cannot write (a string
with a lone surrogate, a non-string key, a type it does not know) is written by
`json.dumps(ensure_ascii=False)` with the same separators, raising as it would.
"""

from __future__ import annotations

import json
import re
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; a broken install still works
    orjson = None  # type: ignore[assignment]

_LONG_DIGITS = re.compile(r"[0-9]{19}")
_LONG_DIGITS_B = re.compile(rb"[0-9]{19}")
_SEPARATORS = (",", ":")


def loads(data: str | bytes) -> Any:
    """json.loads(data), faster; see the module doc."""
    if orjson is not None:
        long = (_LONG_DIGITS_B if isinstance(data, bytes) else _LONG_DIGITS).search(data)  # type: ignore[arg-type]
        if long is None:
            try:
                return orjson.loads(data)
            except orjson.JSONDecodeError:
                pass  # json.loads decides: it reads more, and its error is the one reported
    return json.loads(data)


def dumps(obj: Any) -> bytes:
    """obj as compact UTF-8 JSON bytes, without a line end; see the module doc."""
    if orjson is not None:
        try:
            return orjson.dumps(obj)
        except TypeError:  # (orjson.JSONEncodeError is a TypeError)
            pass
    return json.dumps(obj, ensure_ascii=False, separators=_SEPARATORS).encode("utf-8")
