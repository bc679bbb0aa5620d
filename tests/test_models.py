"""The models that ship in the package: current with the data, never pickled, checked."""

from __future__ import annotations

import io
import os
import zipfile
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

from unionnlp.errors import ModelError
from unionnlp.keyterms import KeywordExtractor
from unionnlp.pipeline import PACKAGED_KEYWORDS, default_keywords, train_keywords
from unionnlp.store import pack_strings, read_arrays, unpack_strings, write_arrays
from unionnlp.themes import PACKAGED_MODEL, data_key, default_classifier, train_packaged


def _meta(resource: str, fmt: str) -> dict[str, object]:
    meta, _ = read_arrays(files("unionnlp").joinpath(resource).read_bytes(), fmt, resource)
    return meta


def test_packaged_models_were_trained_on_todays_data() -> None:
    """Fails after a change to the corpus, twins or word lists until
    `python tools/train_models.py` is run."""
    key = data_key()
    assert _meta(PACKAGED_MODEL, "unionnlp-themes/2")["data"] == key
    assert _meta(PACKAGED_KEYWORDS, "unionnlp-keywords/1")["data"] == key


@pytest.mark.slow
def test_retraining_reproduces_the_packaged_models() -> None:
    shipped, fresh = default_classifier(), train_packaged()
    assert fresh.thresholds_ == shipped.thresholds_
    assert fresh.word_terms_ == shipped.word_terms_ and fresh.char_grams_ == shipped.char_grams_
    assert np.allclose(fresh.coef_, shipped.coef_, rtol=0, atol=1e-9)
    keywords = train_keywords()
    assert keywords.idf_ == default_keywords().idf_
    assert keywords.phrases_ == default_keywords().phrases_


@pytest.mark.slow
def test_retraining_reproduces_the_packaged_keyword_prior() -> None:
    """The prior ships fitted on the train twins' blind judgments (tools/train_models.py)."""
    from unionnlp.pipeline import read_keyword_judgments, train_keyword_prior

    path = Path(__file__).resolve().parent.parent / "benchmarks/data/keywords_train_judged.jsonl"
    judged = read_keyword_judgments(path)
    keywords = train_keywords()
    keywords.evidence_ = default_classifier().evidence()
    fresh, shipped = train_keyword_prior(keywords, judged), default_keywords().prior_
    assert shipped is not None
    assert np.allclose(fresh.coef, shipped.coef, rtol=0, atol=1e-6)
    assert np.allclose(fresh.mean, shipped.mean, rtol=0, atol=1e-6)
    assert fresh.alpha == shipped.alpha
    assert fresh.judged is not None and shipped.judged is not None
    assert list(fresh.judged.index) == list(shipped.judged.index)
    assert np.array_equal(fresh.judged.counts, shipped.judged.counts)
    assert fresh.shapes is not None and shipped.shapes is not None
    assert list(fresh.shapes.grams) == list(shipped.shapes.grams)
    terms = list(shipped.judged.index)
    assert np.allclose(fresh.shapes.logits(terms), shipped.shapes.logits(terms), rtol=0, atol=1e-6)


def test_keyword_prior_round_trip(tmp_path: Path) -> None:
    """A keyword model's prior is arrays and JSON like the rest; one made for other
    features is refused, naming the file."""
    from unionnlp.keyterms import PRIOR_FEATURES, JudgedTerms, Prior, TermShapes

    docs = [["工会", "帮扶", "困难职工"], ["工会", "技能", "竞赛"], ["法律援助", "工会"]]
    model = KeywordExtractor().fit(docs)
    size = len(PRIOR_FEATURES)
    record = JudgedTerms.from_verdicts([("职工群众", True, False), ("帮扶", False, True),
                                        ("职工群众", True, False)])
    shapes = TermShapes.fit([("困难职工", (False, True)), ("职工群众", (True, False)),
                             ("帮扶中心", (False, True)), ("群众踊跃", (True, False))], C=10.0)
    model.prior_ = Prior(np.arange(size) / 10, np.ones(size) * 2, np.linspace(-1, 1, size), 0.3, 1.0,
                         record, shapes)
    model.save(tmp_path / "k.npz")
    loaded = KeywordExtractor.load(tmp_path / "k.npz")
    assert loaded.prior_ is not None and loaded.prior_.judged is not None
    assert np.array_equal(loaded.prior_.coef, model.prior_.coef)
    assert loaded.prior_.intercept == 0.3 and loaded.prior_.alpha == 1.0
    assert np.array_equal(loaded.prior_.judged.columns(["职工群众", "帮扶", "工会"]),
                          record.columns(["职工群众", "帮扶", "工会"]))
    assert loaded.prior_.shapes is not None
    assert np.array_equal(loaded.prior_.shapes.logits(["困难群众", "帮扶", "踊跃"]),
                          shapes.logits(["困难群众", "帮扶", "踊跃"]))
    assert loaded.extract(docs) == model.extract(docs)
    meta, arrays = read_arrays(tmp_path / "k.npz", "unionnlp-keywords/1")
    meta["prior"]["features"] = ["log_count"]
    write_arrays(tmp_path / "bad.npz", "unionnlp-keywords/1", {k: v for k, v in meta.items()
                                                               if k != "format"}, arrays)
    with pytest.raises(ModelError, match=r"bad\.npz"):
        KeywordExtractor.load(tmp_path / "bad.npz")


def test_keyword_model_round_trip(tmp_path: Path) -> None:
    docs = [["工会", "帮扶", "困难职工"], ["工会", "技能", "竞赛"], ["法律援助", "工会"]]
    model = KeywordExtractor().fit(docs)
    model.save(tmp_path / "k.npz")
    loaded = KeywordExtractor.load(tmp_path / "k.npz")
    assert loaded.idf_ == model.idf_ and loaded.phrases_ == model.phrases_
    assert loaded.extract(docs) == model.extract(docs)


def test_strings_survive_packing() -> None:
    words = ["工会", "", "a b", "𠀀職工"]
    assert unpack_strings(pack_strings(words), 4) == words
    assert unpack_strings(pack_strings([])) == []
    with pytest.raises(ModelError):
        pack_strings(["a\0b"])


def test_altered_or_foreign_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    write_arrays(path, "test/1", {"n": 1}, {"w": np.arange(4.0)})
    meta, arrays = read_arrays(path, "test/1")
    assert meta["n"] == 1 and arrays["w"].tolist() == [0.0, 1.0, 2.0, 3.0]
    with pytest.raises(ModelError, match="expected a other/1 file"):
        read_arrays(path, "other/1")

    # Same archive, one weight changed: the checksum no longer matches.
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "w.npy":
                data = data[:-8] + np.float64(9.0).tobytes()
            dst.writestr(info.filename, data)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ModelError, match="checksum"):
        read_arrays(path, "test/1")

    # An object array (what a pickle inside an .npz would be) is never loaded.
    buffer = io.BytesIO()
    np.savez(buffer, __meta__=np.frombuffer(b"{}", dtype=np.uint8),
             w=np.array([{"x": 1}], dtype=object))
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ModelError, match=str(path)):
        read_arrays(path, "test/1")

    for junk in (b"", b"PK\x03\x04 truncated", b"\x80\x04\x95 pickle"):
        path.write_bytes(junk)
        with pytest.raises(ModelError, match=str(path)):
            read_arrays(path, "test/1")
    with pytest.raises(ModelError, match="not a regular file"):
        read_arrays(tmp_path, "test/1")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(ModelError, match="not a regular file"):
        read_arrays(fifo, "test/1")
    with pytest.raises(ModelError, match="No such file"):
        read_arrays(tmp_path / "missing.npz", "test/1")


def test_object_arrays_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        write_arrays(tmp_path / "m.npz", "test/1", {}, {"w": np.array(["x"])})
