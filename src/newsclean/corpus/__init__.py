"""Corpus-level steps: what needs more than one record.

- learned_boilerplate: lines a source repeats across its documents (count, save, apply).
- dedup: signatures of cleaned articles (MinHash, LSH band and anchor keys), the same-story
  check, and an incremental in-memory index.
- grouped: the clusters of a run as map-reduce stages (keys grouped, pairs verified per
  group, components): what `clean --dedup` runs without a store, on any engine.
- store: the SQLite file that keeps signatures, clusters and learned boilerplate across runs.
- run: the driver that runs these passes after per-record cleaning.
"""

from .dedup import DedupIndex, DedupParams, Signature, Signer, same_story
from .grouped import GroupedDedup, cluster_articles
from .learned_boilerplate import (
    BoilerplateLearner,
    BoilerplateModel,
    LearnParams,
    apply_learned,
    source_key,
)
from .run import CorpusOptions, CorpusSummary, corpus_stream, run_corpus_clean
from .store import Store, StoreError

__all__ = [
    "BoilerplateLearner",
    "BoilerplateModel",
    "CorpusOptions",
    "CorpusSummary",
    "DedupIndex",
    "DedupParams",
    "GroupedDedup",
    "LearnParams",
    "Signature",
    "Signer",
    "Store",
    "StoreError",
    "apply_learned",
    "cluster_articles",
    "corpus_stream",
    "run_corpus_clean",
    "same_story",
    "source_key",
]
