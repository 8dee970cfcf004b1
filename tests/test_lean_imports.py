"""What a worker loads: cleaning records (and the CLI module, which a spawned worker imports
again) loads no library that only training, Parquet or the corpus pass needs -- each is tens
of MB in every process.  They load when asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).parent / "fixtures" / "pages" / "harbour-page.txt"
HEAVY = ("lightgbm", "sklearn", "scipy", "pandas", "pyarrow", "datasketch")


def _loaded(code: str) -> list[str]:
    probe = f"{code}\nimport sys; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    run = subprocess.run([sys.executable, "-c", probe, str(PAGE)], capture_output=True,
                         text=True, check=True)
    return run.stdout.split()


def test_cleaning_loads_none_of_the_heavy_libraries() -> None:
    # the line model runs on this page (tests/test_line_model.py), stop lists included
    code = ("import sys, newsclean, newsclean.cli, newsclean.clean_run\n"
            "a = newsclean.clean_text(open(sys.argv[1]).read())\n"
            "assert any(r.rule.startswith('line_model') for r in a.removed)")
    assert _loaded(code) == []


def test_they_load_when_asked_for() -> None:
    assert _loaded("import newsclean; newsclean.ARROW_SCHEMA") == ["pyarrow"]
    assert "datasketch" in _loaded("from newsclean.corpus import DedupIndex; DedupIndex()")


def test_signing_loads_neither_datasketch_nor_scipy() -> None:
    # MinHash signatures are computed in numpy (dedup.minhash_values): a process that only
    # signs does not pay for datasketch and SciPy
    code = ("from newsclean.corpus import Signer\n"
            "s = Signer().sign('The harbour board met on Monday to approve the new ferry terminal "
            "that the city had planned for a decade, after a long debate about its cost.')\n"
            "assert s.size > 0")
    assert _loaded(code) == []


def test_clustering_a_run_loads_neither_datasketch_nor_scipy() -> None:
    # a run's clusters come from LSH band keys computed in numpy (dedup.band_keys, with the
    # bands datasketch would choose); only the in-memory DedupIndex uses datasketch's index
    code = ("from newsclean.corpus.dedup import DedupParams, Member, Signer\n"
            "text = ('The harbour board met on Monday to approve the new ferry terminal that the '\n"
            "        'city had planned for a decade, after a long debate about its cost.')\n"
            "s = Signer()\n"
            "pairs = [(Member(i, str(i), None, len(text)), s.sign(text)) for i in range(3)]\n"
            "from newsclean.corpus.grouped import GroupedDedup\n"
            "g = GroupedDedup(DedupParams())\n"
            "[g.add(m, sig) for m, sig in pairs]\n"
            "t = g.table()\n"
            "assert t.assignment(2, '2').cluster_size == 3\n"
            "g.close()")
    assert _loaded(code) == []
