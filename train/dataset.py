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


def documents(
    path: Path, records: bool = True, draws: int = 1
) -> Iterator[tuple[str, str, list[str]]]:
    """(doc id, text, one label per text line): every rendering as it is, and records built
    from the record renderings (with page furniture, in a window, and clean); `draws` noisy
    records of each mode per rendering, each with its own seed."""
    for row in rows(path):
        yield f"{row['page']}/{row['rendering']}", row["text"], row["labels"]
        if not records or row["rendering"] not in RECORD_RENDERINGS:
            continue
        plans = [("record", True, d) for d in range(draws)] + [("window", True, d) for d in range(draws)]
        if row["rendering"] == RECORD_RENDERINGS[0]:
            plans.append(("record", False, 0))
        for mode, noisy, d in plans:
            # (draw 0 keeps the seed records had before draws were counted)
            extra = f"/{d}" if d else ""
            rng = random.Random(f"train/{row['page']}/{row['rendering']}/{mode}/{noisy}{extra}")
            rec = build_record(row, rng, defects=noisy, furniture=noisy, mode=mode)
            if rec is not None:
                yield f"{row['page']}/{rec.id}/{noisy}{extra}", rec.text, rec.line_labels


@dataclass(slots=True)
class Doc:
    id: str
    X: np.ndarray  # first-stage features of every non-blank body line, in order
    y: np.ndarray  # 1 article (body or headline), 0 furniture, -1 neither (crawl header)
    words: np.ndarray
    record: bool = False  # a built record (else a whole-page rendering)


def is_record(doc_id: str) -> bool:
    """Doc ids of built records carry the record's own id after the page's."""
    return doc_id.count("/") >= 2


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
        X = line_features(view, body, found.line_marks, title)
        out.append(Doc(doc, X, y, words, is_record(doc)))
    return out


def stack(docs: list[Doc], cols: list[np.ndarray] | None = None, record_weight: float = 1.0):
    """X (or the given per-doc matrices), y and weights of the labelled lines of docs: every
    document weighs about the same, long pages a little more; a built record `record_weight`
    times as much as a page of its length."""
    xs, ys, ws = [], [], []
    for k, d in enumerate(docs):
        m = d.y >= 0
        xs.append((cols[k] if cols is not None else d.X)[m])
        ys.append(d.y[m].astype(np.float32))
        w = (record_weight if d.record else 1.0) / np.sqrt(max(int(m.sum()), 1))
        ws.append(np.full(int(m.sum()), w, dtype=np.float32))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
