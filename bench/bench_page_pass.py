"""The line model's whole-page pass, A/B between two source trees: CPU per scored page.

The pages are those `clean` asks the line model about (line_model/furniture.py), found by
cleaning whole-page text dumps: the AEB dumps (html-text, inscriptis; only timed, never read)
and, with `--wcxb-train`, the wcxb-train part's renderings (inscriptis, html-text, html2text
markdown; needs the `train` extra).  Each pass is a fresh process with one tree's package: it
cleans every dump and times (the models and the stop lists' index loaded first: a cost per
process, not per page), inside that run, each call of `LineModel.scores` (features, both
boosters) and of `line_features` in it, in CPU seconds -- the calls as `clean` makes them
(with whatever the rules had already cached on the lines).  Passes of the two trees
alternate; the medians of per-pair ratios are the answer.  Each pass also prints a digest of
every feature matrix and score vector it made, so a change meant to leave them identical is
shown to (`same features/scores: yes`).

    .venv/bin/python -m bench.bench_page_pass /tmp/base/src src [--runs 5] [--wcxb-train]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_records import machine_info
from bench.report import publish

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

_PASS = """
import hashlib, json, sys, time
sys.path.insert(0, {src!r})
import numpy as np
from newsclean import clean_text
from newsclean.line_model import score
texts = json.load(open({texts!r}, encoding="utf-8"))
score.load()
from newsclean.line_model.stopwords import stoplist_for
stoplist_for(["the"])
# (the stop lists' vote index is built at the first record not in English: once a process)
stoplist_for("der die und das ist nicht mit den von zu".split() * 3)
clock = time.process_time
feat_t = [0.0]
digest = hashlib.sha256()
features = score.line_features
def timed_features(*a, **k):
    t = clock()
    X = features(*a, **k)
    feat_t[0] += clock() - t
    digest.update(np.ascontiguousarray(X).tobytes())
    return X
score.line_features = timed_features
scores = score.LineModel.scores
calls = [0, 0.0]
def timed_scores(self, *a, **k):
    t = clock()
    p = scores(self, *a, **k)
    calls[1] += clock() - t
    calls[0] += 1
    digest.update(np.ascontiguousarray(p).tobytes())
    return p
score.LineModel.scores = timed_scores
t = clock()
for text in texts:
    clean_text(text)
total = clock() - t
from newsclean import native
print(json.dumps({{"pages": calls[0], "scores_s": calls[1], "features_s": feat_t[0],
                  "clean_s": total, "records": len(texts), "digest": digest.hexdigest()[:16],
                  "native": native._active is not None}}))
"""


def _texts(wcxb_train: bool) -> list[str]:
    out: list[str] = []
    for dump in ("html-text", "inscriptis"):
        f = EVAL / "aeb" / "dumps" / f"{dump}.json"
        if f.exists():
            d = json.loads(f.read_text(encoding="utf-8"))["output"]
            out.extend(d[k]["articleBody"] or "" for k in sorted(d))
    if wcxb_train:
        from train.mine import part_of
        from train.pages import wcxb_pages
        from train.renderings import RENDERINGS

        for page in wcxb_pages():
            if part_of(page) == "wcxb-train":
                out.extend(RENDERINGS[r](page.html).replace("\r\n", "\n")
                           for r in ("inscriptis", "html-text", "html2text"))
    return out


def one_pass(src: Path, texts: Path, env: dict[str, str]) -> dict:
    code = _PASS.format(src=str(src.resolve()), texts=str(texts))
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={**os.environ, **env})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path, help="src directory of the old tree")
    ap.add_argument("after", type=Path, help="src directory of the new tree")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--wcxb-train", action="store_true", help="also wcxb-train's renderings")
    ap.add_argument("--before-env", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--after-env", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--md", type=Path)
    args = ap.parse_args(argv)
    envs = [dict(p.split("=", 1) for p in e) for e in (args.before_env, args.after_env)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(_texts(args.wcxb_train)), encoding="utf-8")
        pairs: list[tuple[dict, dict]] = []
        for _ in range(args.runs):
            a = one_pass(args.before, path, envs[0])
            b = one_pass(args.after, path, envs[1])
            pairs.append((a, b))
            print(f"before {1000 * a['scores_s'] / max(a['pages'], 1):.2f} ms/page "
                  f"({a['pages']} pages), after {1000 * b['scores_s'] / max(b['pages'], 1):.2f} "
                  f"({b['pages']}); clean {a['clean_s']:.2f} s -> {b['clean_s']:.2f} s",
                  flush=True)

    def med(side: int, key: str, per_page: bool = True) -> float:
        return statistics.median(
            p[side][key] / (max(p[side]["pages"], 1) if per_page else 1) for p in pairs
        )

    def ratio(key: str) -> float:
        return statistics.median(b[key] / a[key] for a, b in pairs)

    m = machine_info()
    a0, b0 = pairs[0]
    same = {a["digest"] for a, _ in pairs} == {b["digest"] for _, b in pairs}
    rows = [
        f"`python -m bench.bench_page_pass {args.before} {args.after} --runs {args.runs}"
        + (" --wcxb-train" if args.wcxb_train else "")
        + "".join(f" --before-env {e}" for e in args.before_env)
        + "".join(f" --after-env {e}" for e in args.after_env)
        + f"`: {m['date']}, {m['cpu']} (load {m['load_avg_1m']:.1f}), commit {m['git_commit']}; "
        f"{a0['records']} dumps, pages scored: before {a0['pages']}, after {b0['pages']}; "
        f"compiled build: before {a0['native']}, after {b0['native']}; "
        f"same features/scores: {'yes' if same else 'NO'}.",
        "",
        "| CPU | before | after | after/before (median of pairs) | speed-up |",
        "|---|---:|---:|---:|---:|",
    ]
    for key, name in (("scores_s", "page pass (ms/page)"), ("features_s", "features (ms/page)")):
        r = ratio(key)
        rows.append(f"| {name} | {1000 * med(0, key):.2f} | {1000 * med(1, key):.2f} "
                    f"| {r:.3f} | {1 / r:.2f}x |")
    r = ratio("clean_s")
    rows.append(f"| whole clean of the dumps (s) | {med(0, 'clean_s', False):.2f} "
                f"| {med(1, 'clean_s', False):.2f} | {r:.3f} | {1 / r:.2f}x |")
    publish("\n".join(rows), args.md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
