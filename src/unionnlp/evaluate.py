"""Held-out figures of the theme classifier: trained on the corpus's train split only,
scored on its test split (documents training never saw)."""

from __future__ import annotations

import os
from typing import Any

from .corpus import load_corpus
from .model import THEMES
from .themes import ThemeClassifier, load_classifier, read_labels, segment_all, train_packaged

__all__ = ["evaluate", "score"]


def score(
    truth: list[tuple[str, ...]], predicted: list[tuple[str, ...]], themes: list[str]
) -> dict[str, Any]:
    """Per-theme precision, recall and F1, their macro average and micro F1."""
    per: dict[str, dict[str, float]] = {}
    all_tp = all_fp = all_fn = 0
    for t in themes:
        tp = sum(t in a and t in b for a, b in zip(truth, predicted, strict=True))
        fp = sum(t not in a and t in b for a, b in zip(truth, predicted, strict=True))
        fn = sum(t in a and t not in b for a, b in zip(truth, predicted, strict=True))
        all_tp, all_fp, all_fn = all_tp + tp, all_fp + fp, all_fn + fn
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[t] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                  "support": tp + fn}
    micro = 2 * all_tp / (2 * all_tp + all_fp + all_fn) if all_tp else 0.0
    none_right = sum(not a and not b for a, b in zip(truth, predicted, strict=True))
    return {
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(per), 4),
        "micro_f1": round(micro, 4),
        "exact_match": round(sum(a == b for a, b in zip(truth, predicted, strict=True))
                             / max(1, len(truth)), 4),
        "none_correct": none_right,
        "none_support": sum(not a for a in truth),
        "themes": per,
    }


def evaluate(model_path: str | os.PathLike[str] | None = None,
             labels_path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Score a model on the corpus's held-out split (default: the packaged taxonomy
    trained on the train split alone), or on the user's own labelled paragraphs
    (``labels_path``, the JSONL that ``unionnlp train`` reads)."""
    from .errors import ModelError

    model: ThemeClassifier = (
        train_packaged("train") if model_path is None else load_classifier(model_path)
    )
    if labels_path is not None:
        texts, labels, _, _ = read_labels(labels_path)
        unknown = sorted({t for row in labels for t in row} - set(model.themes))
        if unknown:
            raise ModelError(f"{labels_path}: labels the model does not know: {unknown}")
        if not texts:
            raise ModelError(f"{labels_path}: no labelled paragraphs to score")
        scores = model.predict_proba(segment_all(texts, model.segmenter))
        result = score([tuple(x) for x in labels], [model.decide(s) for s in scores],
                       list(model.themes))
        result.update({"test_paragraphs": len(texts), "labels": str(labels_path),
                       "thresholds": {t: round(v, 3) for t, v in model.thresholds_.items()}})
        return result
    if set(model.themes) != set(THEMES):
        raise ModelError(f"{model_path}: its themes ({', '.join(model.themes)}) are not the "
                         "packaged corpus's; score it on your own held-out labels with --labels")
    corpus = load_corpus()
    test = corpus.split("test").paragraphs
    scores = model.predict_proba(segment_all([p.text for p in test], model.segmenter))
    predicted = [model.decide(s) for s in scores]
    result = score([p.labels for p in test], predicted, list(model.themes))
    result.update({
        "train_paragraphs": len(corpus.split("train").paragraphs),
        "test_paragraphs": len(test),
        "test_documents": len(corpus.split("test").docs),
        "thresholds": {t: round(v, 3) for t, v in model.thresholds_.items()},
    })
    return result
