"""The run summary `clean --stats PATH` writes: what was read, kept, removed and why.

`RunStats.add(item, result)` counts one delivered record; `to_dict()` is mergeable JSON
(`merge(d)`), so a sharded run keeps each shard's stats in its done marker and a resumed run
adds them up to the same totals an uninterrupted run has.  The document written
(`document()`) follows STATS_SCHEMA (JSON Schema, draft 2020-12).

Sizes are bounded whatever the corpus: rule and source counters keep at most MAX_KEYS keys
(the rest are summed under "(other)"); a learned-boilerplate rule ("<source> x<count>")
counts under "learned".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .encoded import Encoded
from .model import Article, BadRecord, Record

MAX_KEYS = 5000
OTHER = "(other)"
_LINE_SUFFIX = re.compile(r":\d+$")


class RunStats:
    def __init__(self) -> None:
        self.records = 0
        self.written = 0
        self.set_aside = 0
        self.dropped = 0
        self.verdicts: Counter[str] = Counter()
        self.set_aside_reasons: Counter[str] = Counter()
        self.removed_spans: Counter[str] = Counter()  # by reason
        self.removed_chars: Counter[str] = Counter()  # by reason
        self.rules: Counter[str] = Counter()  # "reason/rule"
        self.languages: Counter[str] = Counter()
        self.sources: dict[str, Counter[str]] = {}
        self.chars_read = 0
        self.chars_kept = 0
        self.records_by_cluster_size: Counter[str] = Counter()
        self.clusters_by_size: Counter[str] = Counter()

    # ---------------------------------------------------------------- counting

    def add(self, item: Record | BadRecord | Any, result: Article | BadRecord | Encoded,
            written: bool = True) -> None:
        """One record and what became of it (written False: a dropped duplicate)."""
        self.records += 1
        source = _source_of(item, result)
        per = self.sources.get(source)
        if per is None:
            if len(self.sources) >= MAX_KEYS:
                source = OTHER
            per = self.sources.setdefault(source, Counter())
        per["records"] += 1
        if isinstance(result, BadRecord):
            self.set_aside += 1
            per["set_aside"] += 1
            _bump(self.set_aside_reasons, _error_kind(result))
            return
        if isinstance(item, Record):
            self.chars_read += len(item.text)
        self.verdicts[result.verdict] += 1
        per[result.verdict] += 1
        if written:
            self.written += 1
        else:
            self.dropped += 1
            per["dropped"] += 1
        if isinstance(result, Encoded):  # (a worker's line: no cluster fields, see clean_run)
            self.chars_kept += result.kept
            self._removed(result.removed)
            if result.language:
                _bump(self.languages, result.language)
            return
        self.chars_kept += len(result.text)
        self._removed((r.reason, r.rule, r.end - r.start) for r in result.removed)
        if result.language:
            _bump(self.languages, result.language)
        size = result.extra.get("cluster_size")
        if isinstance(size, int):
            self.records_by_cluster_size[str(size)] += 1
            if result.extra.get("canonical"):
                self.clusters_by_size[str(size)] += 1

    def _removed(self, spans: Iterable[tuple[str, str, int]]) -> None:
        for reason, rule, chars in spans:
            self.removed_spans[reason] += 1
            self.removed_chars[reason] += chars
            _bump(self.rules, f"{reason}/{'learned' if reason == 'learned_boilerplate' else rule}")

    # ---------------------------------------------------------------- JSON

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "written": self.written,
            "set_aside": self.set_aside,
            "dropped_duplicates": self.dropped,
            "verdicts": _sorted(self.verdicts),
            "set_aside_reasons": _sorted(self.set_aside_reasons),
            "removed": {
                "spans_by_reason": _sorted(self.removed_spans),
                "chars_by_reason": _sorted(self.removed_chars),
                "chars": sum(self.removed_chars.values()),
                "spans_by_rule": _sorted(self.rules),
            },
            "chars": {"read": self.chars_read, "kept": self.chars_kept},
            "languages": _sorted(self.languages),
            "sources": {k: _sorted(v) for k, v in sorted(self.sources.items())},
            "clusters": {
                "records_by_cluster_size": _by_size(self.records_by_cluster_size),
                "clusters_by_size": _by_size(self.clusters_by_size),
            },
        }

    def merge(self, d: dict[str, Any]) -> None:
        """Add the counts of another RunStats.to_dict()."""
        self.records += d["records"]
        self.written += d["written"]
        self.set_aside += d["set_aside"]
        self.dropped += d["dropped_duplicates"]
        self.verdicts.update(d["verdicts"])
        self.set_aside_reasons.update(d["set_aside_reasons"])
        self.removed_spans.update(d["removed"]["spans_by_reason"])
        self.removed_chars.update(d["removed"]["chars_by_reason"])
        for k, n in d["removed"]["spans_by_rule"].items():
            _bump(self.rules, k, n)
        for k, n in d["languages"].items():
            _bump(self.languages, k, n)
        for src, counts in d["sources"].items():
            if src not in self.sources and len(self.sources) >= MAX_KEYS:
                src = OTHER
            self.sources.setdefault(src, Counter()).update(counts)
        self.chars_read += d["chars"]["read"]
        self.chars_kept += d["chars"]["kept"]
        self.records_by_cluster_size.update(d["clusters"]["records_by_cluster_size"])
        self.clusters_by_size.update(d["clusters"]["clusters_by_size"])

    def document(self, seconds: float, cleaned: int, cleaned_chars: int,
                 extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """The --stats document: the counts, and the throughput of this invocation
        (`cleaned` records, `cleaned_chars` characters of them, in `seconds`; a resumed run
        counts only what it cleaned itself)."""
        doc: dict[str, Any] = {"format": "newsclean-stats", "version": 1}
        doc.update(self.to_dict())
        doc["throughput"] = {
            "seconds": round(seconds, 3),
            "records_cleaned": cleaned,
            "records_per_second": round(cleaned / seconds, 2) if seconds > 0 else None,
            "mb_per_second": round(cleaned_chars / 1e6 / seconds, 3) if seconds > 0 else None,
        }
        doc.update(extra or {})
        return doc


def _bump(counter: Counter[str], key: str, n: int = 1) -> None:
    if key not in counter and len(counter) >= MAX_KEYS:
        key = OTHER
    counter[key] += n


def _sorted(c: Counter[str] | dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in sorted(c.items()) if v}


def _by_size(c: Counter[str]) -> dict[str, int]:
    return {k: c[k] for k in sorted(c, key=int) if c[k]}


def _error_kind(bad: BadRecord) -> str:
    """A set-aside error without its particulars (the file, the line, the byte): its kind,
    e.g. "malformed JSON", "skipped: redirect 301"."""
    from .clean_run import SKIPPED_PREFIX

    error = bad.error
    if error.startswith(SKIPPED_PREFIX):
        rest = error[len(SKIPPED_PREFIX):]
        return "skipped: " + rest.split(" (")[0].split(" to ")[0].split(":")[0].strip()
    if bad.source and error.startswith(bad.source + ": "):
        error = error[len(bad.source) + 2:]
    return error.split(":")[0].split(" (")[0].strip()[:80] or "other"


def _source_of(item: Any, result: Article | BadRecord | Encoded) -> str:
    if isinstance(item, Record) and not isinstance(result, BadRecord):
        from .corpus.learned_boilerplate import source_key

        return source_key(item)  # (of the record alone)
    return _LINE_SUFFIX.sub("", getattr(item, "source", "") or "") or "(unknown)"


STATS_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "newsclean clean --stats",
    "type": "object",
    "required": ["format", "version", "records", "written", "set_aside", "dropped_duplicates",
                 "verdicts", "set_aside_reasons", "removed", "chars", "languages", "sources",
                 "clusters", "throughput"],
    "properties": {
        "format": {"const": "newsclean-stats"},
        "version": {"const": 1},
        "records": {"type": "integer", "minimum": 0},
        "written": {"type": "integer", "minimum": 0},
        "set_aside": {"type": "integer", "minimum": 0},
        "dropped_duplicates": {"type": "integer", "minimum": 0},
        "verdicts": {
            "type": "object",
            "propertyNames": {"enum": ["article", "error_page", "blocked", "empty"]},
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
        "set_aside_reasons": {"$ref": "#/$defs/counts"},
        "removed": {
            "type": "object",
            "required": ["spans_by_reason", "chars_by_reason", "chars", "spans_by_rule"],
            "properties": {
                "spans_by_reason": {"$ref": "#/$defs/counts"},
                "chars_by_reason": {"$ref": "#/$defs/counts"},
                "chars": {"type": "integer", "minimum": 0},
                "spans_by_rule": {"$ref": "#/$defs/counts"},
            },
            "additionalProperties": False,
        },
        "chars": {
            "type": "object",
            "required": ["read", "kept"],
            "properties": {"read": {"type": "integer", "minimum": 0},
                           "kept": {"type": "integer", "minimum": 0}},
            "additionalProperties": False,
        },
        "languages": {"$ref": "#/$defs/counts"},
        "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/counts"}},
        "clusters": {
            "type": "object",
            "required": ["records_by_cluster_size", "clusters_by_size"],
            "properties": {
                "records_by_cluster_size": {"$ref": "#/$defs/sizes"},
                "clusters_by_size": {"$ref": "#/$defs/sizes"},
            },
            "additionalProperties": False,
        },
        "throughput": {
            "type": "object",
            "required": ["seconds", "records_cleaned", "records_per_second", "mb_per_second"],
            "properties": {
                "seconds": {"type": "number", "minimum": 0},
                "records_cleaned": {"type": "integer", "minimum": 0},
                "records_per_second": {"type": ["number", "null"], "minimum": 0},
                "mb_per_second": {"type": ["number", "null"], "minimum": 0},
            },
            "additionalProperties": False,
        },
        "corpus": {
            "type": "object",
            "properties": {"clusters": {"type": "integer"}, "duplicates": {"type": "integer"},
                           "learned_lines": {"type": "integer"},
                           "learned_sources": {"type": "integer"}},
        },
        "engine": {"enum": ["local", "ray"]},
        "shards": {"type": ["integer", "null"], "minimum": 0},
    },
    "$defs": {
        "counts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}},
        "sizes": {
            "type": "object",
            "propertyNames": {"pattern": "^[1-9][0-9]*$"},
            "additionalProperties": {"type": "integer", "minimum": 1},
        },
    },
    "additionalProperties": False,
}
