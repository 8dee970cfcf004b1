"""Feature matrices for the line model: lines of renderings and built records, with labels."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsclean.header import parse_header
from newsclean.line_model.features import line_features
from newsclean.resolve import resolve
from newsclean.text_view import TextView
from train.records import build_record

RECORD_RENDERINGS = ("inscriptis", "html-text")


def rows(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def documents(path: Path, records: bool = True) -> Iterator[tuple[str, str, list[str]]]:
    """(doc id, text, one label per text line): every rendering as it is, and records built
    from the record renderings (with page furniture, in a window, and clean)."""
    for row in rows(path):
        yield f"{row['page']}/{row['rendering']}", row["text"], row["labels"]
        if not records or row["rendering"] not in RECORD_RENDERINGS:
            continue
        plans = [("record", True), ("window", True)]
        if row["rendering"] == RECORD_RENDERINGS[0]:
            plans.append(("record", False))
        for mode, noisy in plans:
            rng = random.Random(f"train/{row['page']}/{row['rendering']}/{mode}/{noisy}")
            rec = build_record(row, rng, defects=noisy, furniture=noisy, mode=mode)
            if rec is not None:
                yield f"{row['page']}/{rec.id}/{noisy}", rec.text, rec.line_labels


@dataclass(slots=True)
class Doc:
    id: str
    X: np.ndarray  # first-stage features of every non-blank body line, in order
    y: np.ndarray  # 1 article (body or headline), 0 furniture, -1 neither (crawl header)
    words: np.ndarray


def featurise(docs: Iterable[tuple[str, str, list[str]]]) -> list[Doc]:
    out = []
    for doc, text, labels in docs:
        view = TextView(text, body_start=1 if parse_header(text) else 0)
        body = view.body()
        if not body:
            continue
        y = np.array(
            [{"body": 1, "title": 1, "other": 0}.get(labels[ln.index], -1) for ln in body],
            dtype=np.int8,
        )
        if not (y == 1).any():
            continue
        words = np.array([ln.words for ln in body], dtype=np.float32)
        found = resolve(view)
        title = found.title.index if found.title is not None else None
        out.append(Doc(doc, line_features(view, body, found.line_marks, title), y, words))
    return out


def stack(docs: list[Doc], cols: list[np.ndarray] | None = None):
    """X (or the given per-doc matrices), y and weights of the labelled lines of docs: every
    document weighs about the same, long pages a little more."""
    xs, ys, ws = [], [], []
    for k, d in enumerate(docs):
        m = d.y >= 0
        xs.append((cols[k] if cols is not None else d.X)[m])
        ys.append(d.y[m].astype(np.float32))
        ws.append(np.full(int(m.sum()), 1.0 / np.sqrt(max(int(m.sum()), 1)), dtype=np.float32))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
