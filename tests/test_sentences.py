"""The summary sentence model: learned from the train twins' reference summaries, shipped
as arrays and JSON, current with its data, and what picks every summary."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

import unionnlp
from unionnlp.errors import ModelError
from unionnlp.sentences import (
    FEATURES,
    PACKAGED_SENTENCES,
    SentenceModel,
    data_key,
    default_sentence_model,
    oracle,
    rouge_l,
    train_references,
)
from unionnlp.store import read_arrays, write_arrays
from unionnlp.summarize import split_sentences

REFERENCES = Path(__file__).resolve().parent.parent / "benchmarks/data/summaries_real.jsonl"


def _train_references() -> Mapping[str, str]:
    return train_references(REFERENCES.read_text(encoding="utf-8").splitlines())


def test_the_packaged_model_was_trained_on_todays_data() -> None:
    """Fails after a change to the models' data or the train references until
    `python tools/train_sentences.py` is run."""
    meta, _ = read_arrays(files("unionnlp").joinpath(PACKAGED_SENTENCES).read_bytes(),
                          "unionnlp-sentences/1", PACKAGED_SENTENCES)
    assert meta["data"] == data_key(_train_references())


def test_rouge_l_counts_letters_digits_and_chinese_characters_only() -> None:
    assert rouge_l("新建工会42家。", "新建工会42家") == 1.0
    # LCS 新建工会家: 5 of 7 characters on each side.
    assert rouge_l("新建工会42家", "新建基层工会家") == pytest.approx(5 / 7)
    assert rouge_l("新建工会42家", "新建基层工会42家") == pytest.approx(2 * (7 / 7) * (7 / 9) / (1 + 7 / 9))
    assert rouge_l("，。", "新建") == 0.0


def test_the_oracle_finds_the_sentences_a_reference_retells(seed_text: str) -> None:
    report = unionnlp.analyze(seed_text)
    sentences = [s for p in report.paragraphs[:6] for s in split_sentences(p.text)]
    assert len(sentences) >= 6
    reference = sentences[1] + sentences[4]
    assert set(oracle(sentences, reference, k=2)) == {1, 4}
    assert len(oracle(sentences, reference)) == 3  # k sentences, the best third added
    assert oracle([], reference) == []


def test_the_model_round_trips_and_refuses_another_files_features(tmp_path: Path) -> None:
    model = default_sentence_model()
    path = tmp_path / "sentences.npz"
    model.save(str(path), data_key="test")
    again = SentenceModel.load(str(path))
    texts = ["全年新建基层工会42家，发展会员3000余名。", "各级工会要进一步增强工作的吸引力。"]
    numeric = np.tile(model.mean, (2, 1))
    assert np.array_equal(again.scores(texts, numeric), model.scores(texts, numeric))

    meta, arrays = read_arrays(str(path), "unionnlp-sentences/1")
    meta = {k: v for k, v in meta.items() if k != "format"}
    meta["features"] = list(FEATURES[:-1])
    other = tmp_path / "other.npz"
    write_arrays(other, "unionnlp-sentences/1", meta, arrays)
    with pytest.raises(ModelError, match=r"other\.npz.*other features"):
        SentenceModel.load(str(other))


def test_the_array_reading_counts_what_the_vocabulary_was_built_from() -> None:
    # The model counts characters and pairs with integer codes; the vocabulary was built
    # from their strings (_grams). Both must read a sentence alike, spaces and case folded.
    import numpy as np

    from unionnlp.sentences import _grams

    model = default_sentence_model()
    texts = ["全年新建工会42家，  发展会员3000名。", "Ａ公司  ABC 工会\t金秋助学", ""]
    row, col, values = model._gram_rows(texts)
    for r, text in enumerate(texts):
        counts = {g: n for g, n in _grams(text).items() if g in set(model.grams)}
        found = {model.grams[c] for c in col[row == r].tolist()}
        assert found == set(counts)
        if counts:
            expect = np.array([(1 + np.log(counts[model.grams[c]]))
                               * model.idf[c] for c in col[row == r].tolist()])
            assert np.allclose(values[row == r], expect / np.linalg.norm(expect))


def test_a_text_with_figures_is_summarised_by_its_results_not_its_slogans() -> None:
    text = (
        "县总工会2023年工作总结\n\n"
        "全县各级工会深入学习贯彻党的二十大精神，以习近平新时代中国特色社会主义思想为指导，"
        "扎实推进工会组织建设和职工帮扶工作。\n\n"
        "县总工会推进工会组织建设，全年新建基层工会42家，发展会员3000余名。\n\n"
        "县总工会开展职工帮扶工作，春节前走访慰问困难职工120户，发放慰问金36万元。\n\n"
        "各级工会要继续推进工会组织建设和职工帮扶工作，进一步增强工会工作的吸引力。\n"
    )
    summary = unionnlp.analyze(text, options=unionnlp.Options(summary_sentences=2)).summary
    assert summary == ("县总工会推进工会组织建设，全年新建基层工会42家，发展会员3000余名。",
                       "县总工会开展职工帮扶工作，春节前走访慰问困难职工120户，发放慰问金36万元。")


def test_every_summary_is_picked_by_the_models_probabilities(seed_text: str) -> None:
    """The report's summary opens with the sentence the model rates highest, and takes the
    rest among those it rates highest too (which of them is diversity's choice: one that
    repeats a sentence already picked is passed over)."""
    from unionnlp import pipeline

    seen: list[tuple[list[str], np.ndarray]] = []
    real = pipeline.default_sentence_model

    class Recording:
        def scores(self, texts: list[str], numeric: np.ndarray) -> np.ndarray:
            out = real().scores(texts, numeric)
            seen.append((texts, out))
            return out

    pipeline.default_sentence_model = Recording  # type: ignore[assignment]
    try:
        report = unionnlp.analyze(seed_text)
    finally:
        pipeline.default_sentence_model = real
    (texts, probabilities), = seen
    assert len(texts) == len(probabilities) > 20
    assert 0 < probabilities.min() and probabilities.max() < 1
    order = np.argsort(-probabilities)
    assert len(report.summary) == 3 and texts[order[0]] in report.summary
    assert set(report.summary) <= {texts[i] for i in order[:10]}


@pytest.mark.slow
def test_retraining_reproduces_the_packaged_model() -> None:
    from unionnlp.pipeline import train_sentence_model

    fresh, shipped = train_sentence_model(_train_references()), default_sentence_model()
    assert fresh.grams == shipped.grams
    assert np.allclose(fresh.coef, shipped.coef, rtol=0, atol=1e-6)
    assert np.allclose(fresh.gram_coef, shipped.gram_coef, rtol=0, atol=1e-6)
    assert fresh.intercept == pytest.approx(shipped.intercept, abs=1e-6)
