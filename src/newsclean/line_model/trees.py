"""LightGBM boosters scored in numpy, from the text LightGBM saves them in (`model_to_string`).

Scoring needs no LightGBM at run time: importing it costs a worker 60-130 MB (it brings
scikit-learn, SciPy and pandas along), more than all of newsclean's own rules.  LightGBM is
needed only to fit the model (`make model`).

The decisions follow LightGBM's `Tree::NumericalDecision` and `GBDT::PredictRaw`:
- a feature value is the float64 of the input (float32 inputs widened, as LightGBM does);
- NaN counts as 0.0 unless the node's missing type is NaN; a node whose missing type is Zero
  (|x| <= 1e-35) or NaN sends missing values to its default side;
- else `x <= threshold` goes left;
- the raw score is 0.0 plus each tree's leaf value in tree order (the first tree carries the
  starting score), in float64, and the binary objective's sigmoid makes it a probability,
  with libm's exp as LightGBM's C++ uses it: the scores are LightGBM's to the last bit.
Categorical splits, linear trees and trees of more than 64 leaves are refused (the line model
has none: its trees have 15 leaves).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

ROWS_AT_ONCE = 4096  # rows scored in one block (the line model: ~50 MB of temporaries at most)

FEW_ROWS = 256  # up to this many rows, the trees' leaf values are added in one call
MAX_LEAVES = 64  # a tree's leaves are the bits of a uint64
_ZERO = np.float64(np.float32(1e-35))  # LightGBM's kZeroThreshold (a float constant)
_MISSING_ZERO, _MISSING_NAN = 1, 2


@dataclass(frozen=True, slots=True)
class Forest:
    """Every tree's splits in one set of arrays, scored without walking (QuickScorer's
    leaf bitmasks): a tree's leaves are numbered left to right, and each split holds the mask
    of the leaves under its left child.  A row's exit leaf is the leftmost leaf that no split
    it goes right at rules out: every leaf left of it is under the left child of a split on
    its path that went right, and it is under none.  So all splits of all trees are decided at
    once, each tree ORs the masks of the splits its row went right at, and the lowest leaf
    not ruled out is the exit -- a few numpy operations over (splits x rows), where a walk took
    three gathers per level of the deepest tree.

    The splits stand in `slots` slots per tree, slot by slot (slot k of tree t at k x trees +
    t), a tree with fewer splits padded with splits that rule nothing out: the OR over a
    tree's splits is then an OR of `slots` (trees x rows) blocks."""

    # (index arrays are numpy's intp: numpy converts any other to it on every use)
    feature: np.ndarray  # intp per slot
    threshold: np.ndarray  # float64 per slot: `x <= threshold` goes left
    threshold32: np.ndarray  # float32 per slot: the largest float32 <= threshold, for float32
    # inputs (a float32 x is above the one when it is above the other)
    default_left: np.ndarray  # bool per slot: where a missing value goes
    missing: np.ndarray  # uint8 per slot: 0 none, 1 zero, 2 NaN
    left_leaves: np.ndarray  # unsigned per slot: bit j, leaf j of its tree is under its left
    # child (0 in a padding slot)
    slots: int
    leaf_base: np.ndarray  # intp per tree, in LightGBM's order: where its leaves start in
    # `value`
    value: np.ndarray  # float64 per leaf, tree by tree, each tree's left to right
    sigmoid: float | None  # the binary objective's sigmoid; None: raw scores
    n_features: int

    def raw(self, X: np.ndarray) -> np.ndarray:
        """The raw score of each row of X (rows x features)."""
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[1] != self.n_features:
            raise ValueError(f"expected rows of {self.n_features} features, got {X.shape}")
        n = X.shape[0]
        if n == 0:
            return np.zeros(0)
        if n > ROWS_AT_ONCE:
            # the (splits x rows) arrays below would grow with the page: a page of 100k
            # lines in one go would take gigabytes; rows are scored independently
            return np.concatenate(
                [self.raw(X[i : i + ROWS_AT_ONCE]) for i in range(0, n, ROWS_AT_ONCE)]
            )
        nan = np.isnan(X)
        has_nan = bool(nan.any())
        if has_nan and not (self.missing == _MISSING_NAN).any():
            X = np.where(nan, 0, X)  # (missing type none: NaN is 0.0)
            has_nan = False
        take = np.take
        if has_nan or (self.missing == _MISSING_ZERO).any():
            # the float64 of the input (float32 widened: exact), as LightGBM reads it
            x = take(np.ascontiguousarray(X.T, dtype=np.float64), self.feature, axis=0)
            miss = self.missing[:, None]
            isnan = np.isnan(x)
            x = np.where(isnan & (miss != _MISSING_NAN), 0.0, x)
            default = ((miss == _MISSING_ZERO) & (np.abs(x) <= _ZERO)) | (
                (miss == _MISSING_NAN) & isnan
            )
            right = np.where(
                default, ~self.default_left[:, None], x > self.threshold[:, None]
            )
        elif X.dtype == np.float32:  # (the line model's features)
            right = take(np.ascontiguousarray(X.T), self.feature, axis=0) > self.threshold32[
                :, None
            ]
        else:
            x = take(np.ascontiguousarray(X.T, dtype=np.float64), self.feature, axis=0)
            right = x > self.threshold[:, None]
        # the leaves each tree's row is sent away from (slots x trees x rows, OR-ed over the
        # slots), then its lowest leaf left: x & -x isolates the lowest bit, a power of two
        # whose float64 exponent names it exactly
        away = (right * self.left_leaves[:, None]).reshape(self.slots, -1, n)
        left = ~np.bitwise_or.reduce(away, axis=0)
        bit = np.frexp((left & (~left + left.dtype.type(1))).astype(np.float64))[1]
        leaves = take(self.value, bit + (self.leaf_base[:, None] - 1))  # trees x rows
        # LightGBM adds the trees one by one, in its order, to 0.0: so here, into one row
        # (an accumulate over all trees writes every partial sum: twice the time on a page,
        # but one call where a few rows pay a Python step per tree)
        leaves[0] += 0.0
        if n <= FEW_ROWS:
            return np.add.accumulate(leaves, axis=0)[-1]
        total = leaves[0]
        for row in leaves[1:]:
            total += row
        return total

    def predict(self, X: np.ndarray) -> np.ndarray:
        """What `lightgbm.Booster.predict(X)` gives: probabilities for a binary objective."""
        raw = self.raw(X)
        if self.sigmoid is None:
            return raw
        s = -self.sigmoid
        exp = math.exp
        return np.array([1.0 / (1.0 + exp(s * r)) for r in raw.tolist()], dtype=np.float64)


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
    # per tree: its splits' features, thresholds, decision types and left-leaf masks
    per_tree: list[tuple[list[int], list[float], list[int], list[int]]] = []
    leaf_base: list[int] = []
    value: list[float] = []
    for block in trees:
        t = _fields(block)
        if t.get("is_linear", "0") != "0" or t.get("num_cat", "0") != "0":
            raise ValueError("linear trees and categorical splits are not supported")
        leaves = [float(v) for v in t["leaf_value"].split()]
        if len(leaves) > MAX_LEAVES:
            raise ValueError(f"trees of more than {MAX_LEAVES} leaves are not supported")
        splits = int(t["num_leaves"]) - 1
        kinds = [int(v) for v in t["decision_type"].split()] if splits else []
        if any(k & 1 for k in kinds):
            raise ValueError("categorical splits are not supported")
        feat = [int(v) for v in t["split_feature"].split()] if splits else []
        thr = [float(v) for v in t["threshold"].split()] if splits else []
        lc = [int(v) for v in t["left_child"].split()] if splits else []
        rc = [int(v) for v in t["right_child"].split()] if splits else []
        order, under_left = _left_to_right(lc, rc) if splits else ([0], [])
        per_tree.append((feat, thr, kinds, under_left))
        leaf_base.append(len(value))
        value.extend(leaves[leaf] for leaf in order)
    n_trees = len(per_tree)
    slots = max(1, max(len(f) for f, _, _, _ in per_tree))
    size = slots * n_trees
    feature = np.zeros(size, dtype=np.intp)
    threshold = np.full(size, math.inf)  # (padding: never right, and rules nothing out)
    dleft = np.ones(size, dtype=bool)
    missing = np.zeros(size, dtype=np.uint8)
    leaves_max = max(len(u) + 1 for _, _, _, u in per_tree)
    mask_type = next(d for d in (np.uint16, np.uint32, np.uint64) if leaves_max <= 8 * d().nbytes)
    left_leaves = np.zeros(size, dtype=mask_type)
    for tree, (feat, thr, kinds, under_left) in enumerate(per_tree):
        at = np.arange(len(feat)) * n_trees + tree
        feature[at] = feat
        threshold[at] = thr
        dleft[at] = [bool(k & 2) for k in kinds]
        missing[at] = [(k >> 2) & 3 for k in kinds]
        left_leaves[at] = under_left
    return Forest(
        feature=feature,
        threshold=threshold,
        threshold32=_below32(threshold),
        default_left=dleft,
        missing=missing,
        left_leaves=left_leaves,
        slots=slots,
        leaf_base=np.array(leaf_base, dtype=np.intp),
        value=np.array(value, dtype=np.float64),
        sigmoid=sigmoid,
        n_features=n_features,
    )


def _below32(threshold: np.ndarray) -> np.ndarray:
    """The largest float32 at or below each float64 threshold: for a float32 x, x > t32
    exactly when x > threshold (t32 <= threshold; and the next float32 up is above it)."""
    with np.errstate(over="ignore"):
        t32 = threshold.astype(np.float32)  # (the nearest: above the threshold, or not)
    above = t32.astype(np.float64) > threshold
    t32[above] = np.nextafter(t32[above], np.float32(-np.inf))
    return t32


def _left_to_right(left: list[int], right: list[int]) -> tuple[list[int], list[int]]:
    """A LightGBM tree's leaves left to right (it numbers splits 0.. from the root and
    leaves ~0..), and for each split the mask of the leaves under its left child, bit j for
    the j-th leaf from the left."""
    order: list[int] = []
    under_left = [0] * len(left)

    def visit(c: int) -> int:  # the mask of the leaves under child c
        if c < 0:
            order.append(~c)
            return 1 << (len(order) - 1)
        under_left[c] = visit(left[c])
        return under_left[c] | visit(right[c])

    visit(0)
    return order, under_left
