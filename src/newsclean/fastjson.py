"""JSON through orjson where it gives json's answer, through the standard library elsewhere.

`loads` parses with orjson (several times faster) and keeps its answer when it is json's:
strict RFC 8259 JSON without a number that orjson reads as a float.  orjson turns an integer
beyond 64 bits into a float where json keeps it exact, so a document with any float in it is
read again by `json.loads` (crawl records rarely hold one; looking for them in the parsed
values costs far less than scanning the text).  Anything orjson refuses -- NaN, Infinity, an
escaped lone surrogate, a byte-order mark, a syntax error -- goes to `json.loads` too, so
values, and the errors bad input is set aside with, are json's.

`dumps` gives one compact line of UTF-8 JSON (no spaces after separators; characters
beyond ASCII written as themselves), from orjson; an object orjson cannot write (a string
with a lone surrogate, a non-string key, a type it does not know) is written by
`json.dumps(ensure_ascii=False)` with the same separators, raising as it would.
"""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; a broken install still works
    orjson = None  # type: ignore[assignment]

_SEPARATORS = (",", ":")


def loads(data: str | bytes, encoded: bytes | None = None) -> Any:
    """json.loads(data), faster; see the module doc.  encoded: the same document as UTF-8
    bytes, when the caller has them (orjson reads bytes faster than a str it must encode)."""
    return parse(data, encoded)[0]


def parse(data: str | bytes, encoded: bytes | None = None) -> tuple[Any, bool]:
    """(loads(data), whether orjson read it).  orjson refuses an escaped lone surrogate
    (`"\\ud800"`), so when it read the document every string in it is valid Unicode: a
    reader need not search its strings for one (json.loads lets them through)."""
    if orjson is not None:
        try:
            obj = orjson.loads(encoded if encoded is not None else data)
        except orjson.JSONDecodeError:
            pass  # json.loads decides: it reads more, and its error is the one reported
        else:
            if not _has_float(obj):
                return obj, True
    return json.loads(data), False


def _has_float(obj: Any) -> bool:
    """Whether a parsed value holds a float anywhere (iteratively: no recursion limit)."""
    if isinstance(obj, float):
        return True
    if not isinstance(obj, dict | list):
        return False
    stack = [obj]
    while stack:
        x = stack.pop()
        for v in x.values() if isinstance(x, dict) else x:
            if isinstance(v, float):
                return True
            if isinstance(v, dict | list):
                stack.append(v)
    return False


def dumps(obj: Any) -> bytes:
    """obj as compact UTF-8 JSON bytes, without a line end; see the module doc."""
    if orjson is not None:
        try:
            return orjson.dumps(obj)
        except TypeError:  # (orjson.JSONEncodeError is a TypeError)
            pass
    return json.dumps(obj, ensure_ascii=False, separators=_SEPARATORS).encode("utf-8")
