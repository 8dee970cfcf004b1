"""Fit the line model on the train part and report it on the held-out part.

    .venv/bin/python -m train.fit [--data out/train] [--out src/newsclean/line_model/model.json.gz]
    .venv/bin/python -m train.fit --fold a --out out/train/model-fold-a.json.gz

Two stages (auto-context): the first judges each line by its own shape and its neighbours';
the second re-judges it with the first stage's scores of the lines around it (a short line
between two paragraphs the first stage is sure of; a long one among menus).  The second stage
learns from out-of-fold first-stage scores (the train pages cut in two by site, each half
scored by a first stage fitted on the other), so that it sees scores as they are on pages the
first stage never saw.  The first stage that ships is then fitted on all train pages.

`--fold a|b` fits on one half of the train sites and reports on the other: the held-out
figure used to choose how the model is applied, without touching the held-out part.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

import numpy as np

from newsclean.line_model.features import CONTEXT_NAMES, NAMES, context_features
from train.dataset import Doc, documents, featurise, stack
from train.split import fold_of

PARAMS = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 200,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "seed": 7,
    "deterministic": True,
    "force_row_wise": True,
    "num_threads": 2,
    "verbose": -1,
}
ROUNDS = 120
ROUNDS_2 = 80
DRAWS = 1
RECORD_WEIGHT = 1.0


def _fit(X, y, w, names, rounds):
    import lightgbm as lgb

    return lgb.train(PARAMS, lgb.Dataset(X, y, weight=w, feature_name=list(names)), rounds)


def _sub(doc_id: str) -> int:
    """A second split of the train sites, for the out-of-fold first-stage scores."""
    import hashlib

    page = doc_id.split("/")[0]
    return int(hashlib.sha256(f"sub/{page}".encode()).hexdigest()[:8], 16) % 2


def fit(docs: list[Doc], record_weight: float = 1.0):
    """(first stage, second stage) boosters fitted on docs."""
    oof: list[np.ndarray | None] = [None] * len(docs)
    for half in (0, 1):
        train = [d for d in docs if _sub(d.id) != half]
        booster = _fit(*stack(train, record_weight=record_weight), NAMES, ROUNDS)
        for k, d in enumerate(docs):
            if _sub(d.id) == half:
                oof[k] = booster.predict(d.X)
    ctx = [context_features(p, d.X, d.words) for p, d in zip(oof, docs, strict=True)]
    second = _fit(*stack(docs, ctx, record_weight), CONTEXT_NAMES, ROUNDS_2)
    first = _fit(*stack(docs, record_weight=record_weight), NAMES, ROUNDS)
    return first, second


def transitions(docs: list[Doc]) -> tuple[float, float]:
    """P(body -> body) and P(furniture -> furniture) between consecutive labelled lines."""
    counts = np.ones((2, 2))  # (add-one)
    for d in docs:
        seq = d.y[d.y >= 0]
        for a, b in zip(seq, seq[1:], strict=False):
            counts[int(a), int(b)] += 1
    return counts[1, 1] / counts[1].sum(), counts[0, 0] / counts[0].sum()


def main() -> int:
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("out/train"))
    ap.add_argument("--out", type=Path, default=Path("src/newsclean/line_model/model.json.gz"))
    ap.add_argument("--fold", choices=("a", "b"), help="fit on this half of the train sites")
    ap.add_argument("--draws", type=int, default=DRAWS, help="noisy records per mode and rendering")
    ap.add_argument("--no-records", action="store_true",
                    help="fit on the whole-page renderings alone (no built records)")
    ap.add_argument("--record-weight", type=float, default=RECORD_WEIGHT,
                    help="a built record's weight against a page's of its length")
    args = ap.parse_args()
    t = time.time()
    train_docs = featurise(documents(args.data / "renderings-wcxb-train.jsonl.gz", draws=args.draws))
    if args.fold:
        held = [d for d in train_docs if fold_of(d.id) != args.fold]
        train_docs = [d for d in train_docs if fold_of(d.id) == args.fold]
        held_name = f"train fold {'b' if args.fold == 'a' else 'a'}"
    else:
        held = featurise(documents(args.data / "renderings-wcxb-heldout.jsonl.gz"))
        held_name = "wcxb-heldout"
    if args.no_records:  # (the held-out documents keep theirs: what is measured stays)
        train_docs = [d for d in train_docs if not d.record]
    print(f"documents: train {len(train_docs)}, {held_name} {len(held)} ({time.time() - t:.0f} s)",
          file=sys.stderr)
    first, second = fit(train_docs, args.record_weight)
    p1 = [first.predict(d.X) for d in held]
    p2 = [second.predict(context_features(p, d.X, d.words)) for p, d in zip(p1, held, strict=True)]
    _, yh, _ = stack(held)
    m = [d.y >= 0 for d in held]
    s1 = np.concatenate([p[k] for p, k in zip(p1, m, strict=True)])
    s2 = np.concatenate([p[k] for p, k in zip(p2, m, strict=True)])
    auc1, auc2 = roc_auc_score(yh, s1), roc_auc_score(yh, s2)
    acc1, acc2 = ((s1 >= 0.5) == (yh > 0)).mean(), ((s2 >= 0.5) == (yh > 0)).mean()
    print(f"{held_name} lines ({len(yh)}): first stage AUC {auc1:.4f} acc {acc1:.4f}; "
          f"second stage AUC {auc2:.4f} acc {acc2:.4f}", file=sys.stderr)
    for kind, of in (("pages", False), ("records", True)):
        ks = [k for k, d in enumerate(held) if d.record == of]
        if not ks:
            continue
        yk = np.concatenate([held[k].y[m[k]] for k in ks])
        sk = np.concatenate([p2[k][m[k]] for k in ks])
        print(f"  {kind} ({len(ks)} docs, {len(yk)} lines): AUC {roc_auc_score(yk, sk):.4f} "
              f"acc {((sk >= 0.5) == (yk > 0)).mean():.4f}", file=sys.stderr)
    stay_body, stay_other = transitions(train_docs)
    _, y, w = stack(train_docs)
    bundle = {
        "name": args.out.name.split(".")[0],
        "features": list(NAMES),
        "context_features": list(CONTEXT_NAMES),
        "prior": float(np.average(y, weights=w)),
        "stay_body": stay_body,
        "stay_other": stay_other,
        "heldout": {"set": held_name, "lines": int(len(yh)), "auc_first": round(auc1, 4),
                    "auc": round(auc2, 4), "accuracy": round(float(acc2), 4)},
        "first": first.model_to_string(),
        "second": second.model_to_string(),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:  # (mtime 0: the same bytes every fit)
        f.write(json.dumps(bundle).encode("utf-8"))
    print(f"model: {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
