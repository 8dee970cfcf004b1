"""The line model's boosters scored in numpy (line_model/trees.py) give LightGBM's own scores,
to the bit, and the cleaning does not import LightGBM.

The comparisons with LightGBM itself run where it is installed (`make test` installs it with
the dev extra); the hand-made trees below check the walk where it is not.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from newsclean import clean_text
from newsclean.line_model import score
from newsclean.line_model.features import context_features, line_features
from newsclean.line_model.trees import parse
from newsclean.resolve import resolve
from newsclean.text_view import TextView

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "pages" / "harbour-page.txt").read_text("utf-8")
BUNDLE = json.loads(gzip.decompress(score.DEFAULT_MODEL.read_bytes()))

# One tree, LightGBM's text format: node 0 splits feature 1 at 0.5 (missing type none, NaN is
# 0.0); node 1 splits feature 0 at 2.0 with missing type NaN, default right (decision_type 8);
# node 2 splits feature 1 at 3.0 with missing type zero, default left (decision_type 6).
TREE = """tree
version=v4
num_class=1
num_tree_per_iteration=1
label_index=0
max_feature_idx=1
objective=regression
feature_names=a b
feature_infos=none none

Tree=0
num_leaves=4
num_cat=0
split_feature=1 0 1
split_gain=1 1 1
threshold=0.5 2.0 3.0
decision_type=0 8 6
left_child=1 -1 -3
right_child=2 -2 -4
leaf_value=10 20 30 40
leaf_weight=1 1 1 1
leaf_count=1 1 1 1
internal_value=0 0 0
internal_weight=0 0 0
internal_count=4 2 2
is_linear=0
shrinkage=1


Tree=1
num_leaves=1
num_cat=0
split_feature=
split_gain=
threshold=
decision_type=
left_child=
right_child=
leaf_value=0.25
leaf_weight=
leaf_count=
internal_value=
internal_weight=
internal_count=
is_linear=0
shrinkage=1


end of trees
"""


def test_hand_made_tree_is_walked_as_lightgbm_does() -> None:
    forest = parse(TREE)
    nan = np.nan
    X = np.array([
        [1.0, 0.0],  # b <= 0.5, a <= 2: leaf 0
        [5.0, 0.5],  # b <= 0.5 (equal goes left), a > 2: leaf 1
        [nan, 0.0],  # a missing at a NaN-type node: its default side (right): leaf 1
        [1.0, nan],  # b missing at a none-type node: 0.0, left; a <= 2: leaf 0
        [0.0, 2.0],  # b > 0.5, b <= 3: leaf 2
        [0.0, 3.5],  # b > 3: leaf 3
    ])
    assert forest.predict(X).tolist() == [10.25, 20.25, 20.25, 10.25, 30.25, 40.25]
    # a zero at the zero-type node takes its default side (left) -- but only there: at the
    # root, zero is just a value (0.0 <= 0.5: left)
    zero_at_node2 = parse(TREE.replace("threshold=0.5 2.0 3.0", "threshold=-1 2.0 -3.0"))
    assert zero_at_node2.predict(np.array([[0.0, 0.0]])).tolist() == [30.25]
    assert zero_at_node2.predict(np.array([[0.0, 0.5]])).tolist() == [40.25]
    with pytest.raises(ValueError):
        forest.predict(np.zeros((2, 3)))  # other features than the trees were fitted on


def test_unsupported_trees_are_refused() -> None:
    with pytest.raises(ValueError, match="categorical"):
        parse(TREE.replace("decision_type=0 8 6", "decision_type=1 8 6"))
    with pytest.raises(ValueError, match="objective"):
        parse(TREE.replace("objective=regression", "objective=multiclass num_class:3"))
    with pytest.raises(ValueError):
        parse("not a model")


def _feature_matrices() -> list[np.ndarray]:
    """First-stage features of real records: the whole page, parts of it, the fixtures."""
    texts = [PAGE, "\n".join(PAGE.split("\n")[::2]), "\n".join(PAGE.split("\n")[5:40])]
    texts += [p.read_text("utf-8") for p in sorted((FIXTURES / "records").glob("*.txt"))]
    out = []
    for text in texts:
        view = TextView(text)
        if view.body():
            out.append(line_features(view, view.body(), resolve(view).line_marks))
    return out


def test_shipped_model_scores_equal_lightgbm() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    model = score.load()
    first = lightgbm.Booster(model_str=BUNDLE["first"])
    second = lightgbm.Booster(model_str=BUNDLE["second"])
    mats = _feature_matrices()
    assert sum(len(X) for X in mats) > 100
    for X in mats:
        p = first.predict(X, num_threads=1)
        assert np.array_equal(model.first.predict(X), p)
        words = np.exp(X[:, 0]).astype(np.float32)
        ctx = context_features(p, X, words)
        assert np.array_equal(model.second.predict(ctx), second.predict(ctx, num_threads=1))
        holes = X.copy()
        holes[::3, ::2] = np.nan  # NaN inputs: missing type none, read as 0.0
        assert np.array_equal(model.first.predict(holes), first.predict(holes, num_threads=1))


def test_missing_value_kinds_equal_lightgbm() -> None:
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(3)
    X = rng.normal(size=(600, 4))
    y = (X[:, 0] + np.where(np.isnan(X[:, 1]), 1.0, X[:, 1]) > 0.3).astype(float)
    X[rng.random(X.shape) < 0.15] = np.nan  # NaNs where fitted: splits of missing type NaN
    X[rng.random(X.shape) < 0.1] = 0.0
    params = {"num_leaves": 7, "min_data_in_leaf": 5, "verbose": -1, "seed": 1,
              "deterministic": True, "num_threads": 1}
    for extra in ({"objective": "binary"}, {"objective": "binary", "zero_as_missing": True},
                  {"objective": "regression"}):
        booster = lightgbm.train({**params, **extra}, lightgbm.Dataset(X, y), 25)
        text = booster.model_to_string()
        kinds = {int(k) >> 2 & 3 for line in text.splitlines()
                 if line.startswith("decision_type=") for k in line[14:].split()}
        assert kinds - {0}, "the booster should have splits with a missing type"
        test = rng.normal(size=(300, 4))
        test[rng.random(test.shape) < 0.2] = np.nan
        test[rng.random(test.shape) < 0.2] = 0.0
        assert np.array_equal(parse(text).predict(test), booster.predict(test, num_threads=1))


def test_cleaning_is_the_same_as_with_lightgbm(monkeypatch: pytest.MonkeyPatch) -> None:
    lightgbm = pytest.importorskip("lightgbm")
    texts = [PAGE] + [p.read_text("utf-8") for p in sorted((FIXTURES / "records").glob("*.txt"))]
    ours = [clean_text(t) for t in texts]

    class Booster:  # LightGBM's scoring, in the shape LineModel calls
        def __init__(self, text: str) -> None:
            self.b = lightgbm.Booster(model_str=text)

        def predict(self, X: np.ndarray) -> np.ndarray:
            return self.b.predict(X, num_threads=1)

    theirs = score.LineModel(Booster(BUNDLE["first"]), Booster(BUNDLE["second"]), "lightgbm")  # type: ignore[arg-type]
    monkeypatch.setattr("newsclean.line_model.furniture.load", lambda: theirs)
    again = [clean_text(t) for t in texts]
    assert any(r.rule.startswith("line_model") for r in ours[0].removed)  # the model ran
    assert ours == again


def test_float32_inputs_at_the_thresholds_equal_lightgbm() -> None:
    """float32 inputs are compared with float32 thresholds (the largest at or below each):
    values at a threshold and a float32 step either side go where LightGBM sends them."""
    lightgbm = pytest.importorskip("lightgbm")
    rng = np.random.default_rng(5)
    for key in ("first", "second"):
        forest = parse(BUNDLE[key])
        booster = lightgbm.Booster(model_str=BUNDLE[key])
        finite = np.isfinite(forest.threshold)
        thr, feat = forest.threshold[finite], forest.feature[finite]
        X = rng.normal(size=(400, forest.n_features)).astype(np.float32)
        rows = np.repeat(np.arange(400), 20)
        pick = rng.integers(len(thr), size=len(rows))
        at = thr[pick].astype(np.float32)
        step = rng.integers(-1, 2, size=len(rows))
        at = np.where(step > 0, np.nextafter(at, np.float32(np.inf)), at)
        at = np.where(step < 0, np.nextafter(at, np.float32(-np.inf)), at)
        X[rows, feat[pick]] = at
        assert np.array_equal(forest.predict(X), booster.predict(X, num_threads=1))


def test_a_long_page_is_scored_in_blocks_with_the_same_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the (splits x rows) temporaries grow with the page: rows go in blocks, and a row's
    # score does not depend on the block it is in
    from newsclean.line_model import trees

    forest = parse(BUNDLE["first"])
    X = np.concatenate(_feature_matrices())
    assert len(X) > 40
    whole = forest.raw(X)
    monkeypatch.setattr(trees, "ROWS_AT_ONCE", 7)
    blocks = forest.raw(X)
    assert len(blocks) == len(X)
    assert np.array_equal(whole, blocks)


def test_few_rows_add_the_trees_in_one_call_with_the_same_scores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a record of a few dozen lines adds its trees' leaf values in one accumulate, a page
    # tree by tree: both add them in LightGBM's order, so the scores are the same bits (a
    # sum in another order, pairwise or from the last tree, differs in the last bits)
    from newsclean.line_model import trees

    forest = parse(BUNDLE["first"])
    X = np.concatenate(_feature_matrices())
    assert len(X) > 40
    monkeypatch.setattr(trees, "FEW_ROWS", 0)
    one_by_one = forest.raw(X)
    monkeypatch.setattr(trees, "FEW_ROWS", len(X))
    at_once = forest.raw(X)
    assert np.array_equal(one_by_one, at_once)
