"""An article as its JSON line, made where it was cleaned (clean_run.Steps.encode).

Not in model.py: that module's types are compiled into the mypyc build (newsclean/native.py),
which an edit there makes stale; this one is only read by the run around the cleaning."""

from __future__ import annotations

from typing import Any

from .model import Article


class Encoded:
    """An article as its JSON line, made in the worker that cleaned it, with what a run
    counts of it (verdict; for --stats the kept characters, language and removed spans).

    A run writing JSON lines needs no more of an article: the worker writes the line (the
    bytes the JSONL writer would) and sends it with these few fields, instead of pickling
    the Article -- its removed spans and quotations one object each -- for the main
    process to unpickle, turn into a dict and serialize.  The main process, which reads
    every record and writes every result, is left with the I/O (clean_run.Steps.encode)."""

    __slots__ = ("verdict", "line", "kept", "language", "removed")

    def __init__(self, verdict: str, line: bytes, kept: int = 0, language: str | None = None,
                 removed: tuple[tuple[str, str, int], ...] = ()) -> None:
        self.verdict = verdict
        self.line = line  # UTF-8 JSON and its line end
        self.kept = kept  # characters of the article text
        self.language = language
        self.removed = removed  # (reason, rule, characters) per removed span

    @classmethod
    def of(cls, article: Article, line: bytes) -> Encoded:
        return cls(article.verdict, line, len(article.text), article.language,
                   tuple((r.reason, r.rule, r.end - r.start) for r in article.removed))

    def __reduce__(self) -> tuple[type[Encoded], tuple[Any, ...]]:
        # (its fields as arguments: no state dict to build and apply, as a slots class has)
        return Encoded, (self.verdict, self.line, self.kept, self.language, self.removed)
