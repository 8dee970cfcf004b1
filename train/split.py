"""The frozen split of the development pages, fixed before any model or rule was written.

WCXB-dev pages are split by site (the URL's host, without "www."), by a hash of it, so that a
site's pages never fall on both sides: TRAIN pages are the only ones the line model is fitted
on and the only whole pages looked at while writing features and rules; HELDOUT pages give the
model's own held-out figure.  The AEB pages are never trained on: their dumps, their HTML and
the blind record pool built from them (bench/bench_blind.py) measure generalisation only.
records-dev (built from WCXB-dev article texts with synthetic noise) stays the dev check; the
model never sees its gold.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

HELDOUT_SHARE = 5  # one site in five


def site_of(url: str | None) -> str:
    host = (urlsplit(url or "").hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def is_heldout(url: str | None, page_id: str) -> bool:
    """True for the WCXB-dev pages held back from training (by site; by id if no URL)."""
    key = site_of(url) or page_id
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % HELDOUT_SHARE == 0


def fold_of(doc_id: str) -> str:
    """Half "a" or "b" of the train part, by page id (a doc id starts with its page id, or
    with "wcxb-<page>" for a built record): for choosing how the model is used, on pages the
    fold's model did not see."""
    page = doc_id.split("/")[0].removeprefix("wcxb-").split("-")[0]
    return "a" if int(hashlib.sha256(page.encode()).hexdigest()[:8], 16) % 2 == 0 else "b"
