"""LightGBM boosters scored in numpy, from the text LightGBM saves them in (`model_to_string`).

Scoring needs no LightGBM at run time: importing it costs a worker 60-130 MB (it brings
scikit-learn, SciPy and pandas along), more than all of newsclean's own rules.  LightGBM is
needed only to fit the model (`make model`).

The walk follows LightGBM's `Tree::NumericalDecision` and `GBDT::PredictRaw`:
- a feature value is the float64 of the input (float32 inputs widened, as LightGBM does);
- NaN counts as 0.0 unless the node's missing type is NaN; a node whose missing type is Zero
  (|x| <= 1e-35) or NaN sends missing values to its default side;
- else `x <= threshold` goes left;
- the raw score is 0.0 plus each tree's leaf value in tree order (the first tree carries the
  starting score), in float64, and the binary objective's sigmoid makes it a probability,
  with libm's exp as LightGBM's C++ uses it: the scores are LightGBM's to the last bit.
Categorical splits and linear trees are refused (the line model has neither).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

_ZERO = np.float64(np.float32(1e-35))  # LightGBM's kZeroThreshold (a float constant)
_MISSING_ZERO, _MISSING_NAN = 1, 2


@dataclass(frozen=True, slots=True)
class Forest:
    """Every tree's nodes in one set of arrays, laid out so that a split's right child is the
    node after its left child (one gather a step instead of two).  A leaf is a node too, one
    that leads to itself whatever the value (threshold +inf: never right), so that all rows
    of a tree walk the same number of steps, the tree's depth."""

    # (index arrays are numpy's intp: numpy converts any other to it on every use)
    feature: np.ndarray  # intp per node (0 for a leaf)
    threshold: np.ndarray  # float64 per node: `x <= threshold` goes left
    left: np.ndarray  # intp per node: the left child (the right one is left + 1)
    default_left: np.ndarray  # bool per node: where a missing value goes
    missing: np.ndarray  # uint8 per node: 0 none, 1 zero, 2 NaN
    value: np.ndarray  # float64 per node: a leaf's value (0 for a split)
    roots: np.ndarray  # intp per tree, the deepest trees first (see `walking`)
    walking: tuple[int, ...]  # at step k, the first walking[k] roots' trees are still deep
    # enough to walk (a shallow tree's rows are at their leaves already: a third less work)
    place: np.ndarray  # intp per tree in LightGBM's order: its row in `roots`
    sigmoid: float | None  # the binary objective's sigmoid; None: raw scores
    n_features: int

    def raw(self, X: np.ndarray) -> np.ndarray:
        """The raw score of each row of X (rows x features)."""
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[1] != self.n_features:
            raise ValueError(f"expected rows of {self.n_features} features, got {X.shape}")
        n = X.shape[0]
        flat = X.astype(np.float64).T.ravel()  # feature by feature (float32 -> float64: exact)
        nan = np.isnan(flat)
        if nan.any() and not (self.missing == _MISSING_NAN).any():
            flat[nan] = 0.0  # (missing type none: NaN is 0.0)
            nan[:] = False
        special = bool(nan.any() or (self.missing == _MISSING_ZERO).any())
        rows = np.arange(n, dtype=np.intp)
        column = self.feature * n  # where each node's feature starts in `flat`
        walk = np.repeat(self.roots[:, None], n, axis=1)  # trees x rows
        # (np.take, not a[node]: the same gather, in half the time of fancy indexing)
        take = np.take
        for m in self.walking:
            node = walk[:m]
            x = take(flat, take(column, node) + rows)
            if special:
                miss = take(self.missing, node)
                isnan = np.isnan(x)
                x = np.where(isnan & (miss != _MISSING_NAN), 0.0, x)
                default = ((miss == _MISSING_ZERO) & (np.abs(x) <= _ZERO)) | (
                    (miss == _MISSING_NAN) & isnan
                )
                right = np.where(
                    default, ~take(self.default_left, node), x > take(self.threshold, node)
                )
            else:
                right = x > take(self.threshold, node)
            np.add(take(self.left, node), right, out=node)  # (node: the walk's first m rows)
        leaves = np.take(self.value, walk)
        out = np.zeros(n)
        for k in self.place:  # tree by tree, in LightGBM's order, as it adds them
            out += leaves[k]
        return out

    def predict(self, X: np.ndarray) -> np.ndarray:
        """What `lightgbm.Booster.predict(X)` gives: probabilities for a binary objective."""
        raw = self.raw(X)
        if self.sigmoid is None:
            return raw
        s = self.sigmoid
        return np.fromiter((1.0 / (1.0 + math.exp(-s * r)) for r in raw.tolist()),
                           dtype=np.float64, count=len(raw))


def _fields(block: str) -> dict[str, str]:
    out = {}
    for line in block.splitlines():
        key, sep, val = line.partition("=")
        if sep:
            out[key.strip()] = val.strip()
    return out


def parse(model: str) -> Forest:
    """The Forest of a LightGBM model string (one class, numerical splits)."""
    head, sep, rest = model.partition("\nTree=")
    if not sep:
        raise ValueError("not a LightGBM model string (no trees)")
    h = _fields(head)
    if h.get("num_class", "1") != "1" or h.get("num_tree_per_iteration", "1") != "1":
        raise ValueError("only single-output boosters are supported")
    objective = h.get("objective", "").split()
    sigmoid: float | None = None
    if objective and objective[0] == "binary":
        sigmoid = next(float(o.split(":")[1]) for o in objective if o.startswith("sigmoid:"))
    elif objective and objective[0] not in ("regression", "regression_l2", "regression_l1"):
        raise ValueError(f"objective {objective[0]!r} is not supported")
    n_features = int(h["max_feature_idx"]) + 1
    trees = rest.split("end of trees", 1)[0].split("\nTree=")
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    dleft: list[bool] = []
    missing: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depths: list[int] = []
    for block in trees:
        t = _fields(block)
        if t.get("is_linear", "0") != "0" or t.get("num_cat", "0") != "0":
            raise ValueError("linear trees and categorical splits are not supported")
        leaves = [float(v) for v in t["leaf_value"].split()]
        splits = int(t["num_leaves"]) - 1
        kinds = [int(v) for v in t["decision_type"].split()] if splits else []
        if any(k & 1 for k in kinds):
            raise ValueError("categorical splits are not supported")
        feat = [int(v) for v in t["split_feature"].split()] if splits else []
        thr = [float(v) for v in t["threshold"].split()] if splits else []
        lc = [int(v) for v in t["left_child"].split()] if splits else []
        rc = [int(v) for v in t["right_child"].split()] if splits else []
        # LightGBM numbers splits 0.. and leaves ~0..; here a node is ("s", k) or ("l", k),
        # numbered root first, then each split's two children side by side
        order: list[tuple[str, int]] = [("s", 0) if splits else ("l", 0)]
        k = 0
        while k < len(order):
            kind, i = order[k]
            if kind == "s":
                order += [("l", ~c) if c < 0 else ("s", c) for c in (lc[i], rc[i])]
            k += 1
        base = len(feature)
        at = {nd: base + j for j, nd in enumerate(order)}
        for kind, i in order:
            me = at[(kind, i)]
            if kind == "s":
                feature.append(feat[i])
                threshold.append(thr[i])
                left.append(at[("l", ~lc[i]) if lc[i] < 0 else ("s", lc[i])])
                dleft.append(bool(kinds[i] & 2))
                missing.append((kinds[i] >> 2) & 3)
                value.append(0.0)
            else:
                feature.append(0)
                threshold.append(math.inf)
                left.append(me)
                dleft.append(True)
                missing.append(0)
                value.append(leaves[i])
        roots.append(base)
        depths.append(_depth(lc, rc) if splits else 0)
    deepest = sorted(range(len(roots)), key=lambda t: -depths[t])
    place = [0] * len(roots)
    for k, tree in enumerate(deepest):
        place[tree] = k
    walking = tuple(sum(1 for d in depths if d > k) for k in range(max(depths, default=0)))
    return Forest(
        feature=np.array(feature, dtype=np.intp),
        threshold=np.array(threshold, dtype=np.float64),
        left=np.array(left, dtype=np.intp),
        default_left=np.array(dleft, dtype=bool),
        missing=np.array(missing, dtype=np.uint8),
        value=np.array(value, dtype=np.float64),
        roots=np.array([roots[t] for t in deepest], dtype=np.intp),
        walking=walking,
        place=np.array(place, dtype=np.intp),
        sigmoid=sigmoid,
        n_features=n_features,
    )


def _depth(left: list[int], right: list[int]) -> int:
    """Splits on the longest path from the root (node 0) to a leaf."""
    best, stack = 0, [(0, 1)]
    while stack:
        node, d = stack.pop()
        best = max(best, d)
        for child in (left[node], right[node]):
            if child >= 0:
                stack.append((child, d + 1))
    return best
