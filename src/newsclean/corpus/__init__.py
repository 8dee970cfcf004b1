"""Corpus-level steps: what needs more than one record.

- learned_boilerplate: lines a source repeats across its documents (count, save, apply).
- dedup: exact and near-duplicate clusters of cleaned articles (datasketch MinHash + LSH).
- store: the SQLite file that keeps signatures, clusters and learned boilerplate across runs.
- run: the driver that runs these passes after per-record cleaning.
"""

from .dedup import DedupIndex, DedupParams, Signature, Signer, cluster_articles, same_story
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
