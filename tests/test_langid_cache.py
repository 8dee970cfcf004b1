"""py3langid's model unpacked at install time (langid_cache.py): the identifier built from it
holds what py3langid's own loader gives and ranks every text as `py3langid.rank` does; a
missing, stale or damaged cache is never used."""

from __future__ import annotations

import json
from array import array
from pathlib import Path

import numpy as np
import py3langid
import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import load_model

from newsclean.enrich import langid_cache, language

TEXTS = (
    "The ferry terminal will open in May, the harbour board said on Tuesday.",
    "Der Hafen wird im Mai eröffnet, sagte die Vorsitzende des Rates am Dienstag.",
    "LE CONSEIL MUNICIPAL A VOTÉ MARDI LA PROLONGATION DES LIGNES DE BUS.",
    "Городской совет во вторник утвердил новый бюджет города.",
    "Το λιμάνι θα ανοίξει τον Μάιο, είπε η πρόεδρος του συμβουλίου.",
    "港口将于五月开放，理事会主席周二表示。",
    "12 345 678",
    "",
)


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("langid") / "model"
    langid_cache.write(where)
    return where


def test_the_unpacked_model_is_what_py3langid_loads(unpacked: Path) -> None:
    theirs = load_model(MODEL_DIR / MODEL_FILE)
    ours = langid_cache._read(unpacked)
    assert langid_cache._same(ours, theirs)
    assert isinstance(ours[3], array) and ours[3].typecode == theirs[3].typecode
    assert isinstance(ours[5], list) and ours[5][:50] == theirs[5][:50]


def test_same_differs_on_one_changed_value(unpacked: Path) -> None:
    ours = list(langid_cache._read(unpacked))
    theirs = tuple(ours)
    ours[1] = ours[1].copy()
    ours[1][0] += 1.0
    assert not langid_cache._same(tuple(ours), theirs)
    ours = list(theirs)
    ours[3] = array(theirs[3].typecode, theirs[3])
    ours[3][7] ^= 1
    assert not langid_cache._same(tuple(ours), theirs)
    ours = list(theirs)
    ours[4] = np.asarray(theirs[4])  # same values, another type
    assert not langid_cache._same(tuple(ours), theirs)


def test_ranks_as_py3langid_does(unpacked: Path) -> None:
    ident = langid_cache.load(unpacked)
    assert isinstance(ident, LanguageIdentifier)
    for text in TEXTS:
        assert ident.rank(text) == py3langid.rank(text)
    assert ident.rank(TEXTS[1])[0][0] == "de"


def test_a_stale_or_missing_cache_is_not_used(unpacked: Path, tmp_path: Path) -> None:
    assert langid_cache.load(tmp_path / "nothing-here") is None
    assert langid_cache.stale(unpacked) is None
    other = tmp_path / "other"
    other.mkdir()
    for f in unpacked.iterdir():
        (other / f.name).write_bytes(f.read_bytes())
    manifest = json.loads((other / "manifest.json").read_text())
    manifest["modelio.py"] = "0" * 64  # written by another py3langid
    (other / "manifest.json").write_text(json.dumps(manifest))
    assert langid_cache.stale(other) is not None
    assert langid_cache.load(other) is None
    manifest["modelio.py"] = langid_cache._stamp()["modelio.py"]
    (other / "manifest.json").write_text(json.dumps(manifest))
    assert langid_cache.load(other) is not None
    (other / "ptc.npy").write_bytes(b"not an array")  # damaged: py3langid's own load instead
    assert langid_cache.load(other) is None


def test_language_ranks_through_the_cache_or_py3langid(
        unpacked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "La commune a voté mardi soir la prolongation des lignes de bus jusqu’au port."
    want = py3langid.rank(text)
    monkeypatch.setenv(langid_cache.DIR_ENV, str(unpacked))
    monkeypatch.setattr(language, "_identifier", language._UNLOADED)
    assert language._rank(text) == want
    assert isinstance(language._identifier, LanguageIdentifier)
    monkeypatch.setenv(langid_cache.DIR_ENV, str(tmp_path / "none"))
    monkeypatch.setattr(language, "_identifier", language._UNLOADED)
    assert language._rank(text) == want
    assert language._identifier is None


def test_ensure_writes_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = tmp_path / "langid"
    assert langid_cache.main(["ensure", str(where)]) == 0
    assert "unpacked into" in capsys.readouterr().out
    assert langid_cache.stale(where) is None
    assert langid_cache.main(["ensure", str(where)]) == 0
    assert "already unpacked" in capsys.readouterr().out
    assert langid_cache.main(["nonsense"]) == 2
