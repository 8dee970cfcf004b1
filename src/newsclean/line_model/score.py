"""The fitted line model: load once per process, score a record's lines.

`model.json.gz` holds two LightGBM boosters fitted by `make model` (train/fit.py) on lines of
real pages: the first judges a line by its shape and its neighbours' (features.NAMES), the
second re-judges it with the first's scores of the lines around it (features.CONTEXT_NAMES).
A score is the probability that the line is article body.  Deterministic: a fixed model.

The boosters are scored by trees.py in numpy, to the bit what LightGBM gives: LightGBM is
needed to fit them (`make model`), not to clean.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..text_view import Line, TextView
from .features import CONTEXT_NAMES, NAMES, context_features, line_features
from .trees import Forest, parse

DEFAULT_MODEL = Path(__file__).resolve().parent / "model.json.gz"


@dataclass(slots=True)
class LineModel:
    first: Forest
    second: Forest
    name: str

    def scores(
        self,
        view: TextView,
        lines: list[Line],
        marks: Mapping[int, tuple[str, str]] | None = None,
        title: int | None = None,
    ) -> np.ndarray:
        """P(article body) for each of `lines` (the record's non-blank body lines, in order),
        given what the rules made of the record (resolve's marks and headline line)."""
        if not lines:
            return np.zeros(0)
        X = line_features(view, lines, marks, title)
        p = self.first.predict(X)
        words = np.fromiter((ln.words for ln in lines), dtype=np.float32, count=len(lines))
        ctx = context_features(p, X, words)
        return self.second.predict(ctx)


_LOCK = threading.Lock()
_MODELS: dict[Path, LineModel] = {}


def load(path: Path = DEFAULT_MODEL) -> LineModel:
    """The model at `path`, loaded once per process."""
    model = _MODELS.get(path)
    if model is None:
        with _LOCK:
            model = _MODELS.get(path)
            if model is None:
                bundle = json.loads(gzip.decompress(path.read_bytes()))
                if tuple(bundle["features"]) != NAMES or tuple(
                    bundle["context_features"]
                ) != CONTEXT_NAMES:
                    raise ValueError(f"{path}: fitted on other features than this version's")
                model = LineModel(parse(bundle["first"]), parse(bundle["second"]), bundle["name"])
                _MODELS[path] = model
    return model
