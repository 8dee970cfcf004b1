"""The line model's training documents (train/dataset.py): whole-page renderings, records built
from them with their labels carried through, extra draws of noisy records, and the weight a
record gets against a page."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np

from train.dataset import documents, featurise, is_record, stack
from train.labels import label_lines

MENU = ["Home", "World", "Business", "Sport", "Weather", "Sign in"]
TITLE = "Village bakery reopens after the spring flood"
PARAGRAPHS = [
    "The bakery on the square opened its doors again on Monday, four months after the river "
    "rose through the ground floor and ruined the ovens.",
    "Its owner said the village had raised most of the money for new ovens at a fair in the "
    "church hall, and that the first loaves sold out before nine.",
    "A new wall along the riverbank is due to be finished before the winter, the council said "
    "in a letter to residents on Friday.",
]
FOOTER = ["About us", "Contact", "Careers", "Advertise", "Privacy policy", "Terms of use"]


def _write_renderings(path: Path) -> None:
    text = "\n".join([*MENU, TITLE, *PARAGRAPHS, *FOOTER])
    gold = "\n".join(PARAGRAPHS)
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for rendering in ("inscriptis", "html-text", "html2text"):
            row = {"set": "wcxb", "page": "p1", "url": "https://example.org/bakery",
                   "rendering": rendering, "title": TITLE, "gold": gold, "text": text,
                   "labels": label_lines(text.split("\n"), gold, TITLE)}
            f.write(json.dumps(row) + "\n")


def test_records_carry_their_lines_labels(tmp_path: Path) -> None:
    path = tmp_path / "renderings.jsonl.gz"
    _write_renderings(path)
    docs = list(documents(path))
    pages = [d for d in docs if not is_record(d[0])]
    records = [d for d in docs if is_record(d[0])]
    assert len(pages) == 3  # every rendering as it is
    # two record renderings: a record and a window each, and one clean record
    assert len(records) == 5
    for _, text, labels in records:
        lines = text.split("\n")
        assert len(labels) == len(lines)
        seen: set[str] = set()
        for line, label in zip(lines, labels, strict=True):
            if line in PARAGRAPHS and line not in seen:  # (a printed-again copy is no body)
                assert label == "body"
                seen.add(line)
            if line in MENU or line in FOOTER:
                assert label == "other"
    assert all(not is_record(d[0]) for d in documents(path, records=False))


def test_more_draws_add_other_noisy_records_and_keep_the_first(tmp_path: Path) -> None:
    path = tmp_path / "renderings.jsonl.gz"
    _write_renderings(path)
    one = {d[0]: d[1] for d in documents(path)}
    three = {d[0]: d[1] for d in documents(path, draws=3)}
    # the first draw is the records of a single draw, seed for seed
    assert all(three[k] == text for k, text in one.items())
    extra = [k for k in three if k not in one]
    assert len(extra) == 2 * 2 * 2  # two more of each noisy mode, for both record renderings
    assert len({three[k] for k in extra} | set(one.values())) > len(one)  # not all copies


def test_record_weight_scales_records_only(tmp_path: Path) -> None:
    path = tmp_path / "renderings.jsonl.gz"
    _write_renderings(path)
    docs = featurise(documents(path))
    assert any(d.record for d in docs) and any(not d.record for d in docs)
    _, y, w1 = stack(docs)
    _, _, w3 = stack(docs, record_weight=3.0)
    rec = np.concatenate([np.full(int((d.y >= 0).sum()), d.record) for d in docs])
    assert len(rec) == len(y)
    assert np.allclose(w3[rec], 3 * w1[rec]) and np.array_equal(w3[~rec], w1[~rec])
