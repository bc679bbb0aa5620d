"""Held-out figures of the theme classifier: trained on the corpus's train split only,
scored on its test split (documents training never saw)."""

from __future__ import annotations

import os
from typing import Any

from .corpus import load_corpus
from .metrics import score
from .model import THEMES
from .themes import ThemeClassifier, load_classifier, read_labels, segment_all, train_packaged

__all__ = ["evaluate"]


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
        texts, labels, groups, _ = read_labels(labels_path)
        unknown = sorted({t for row in labels for t in row} - set(model.themes))
        if unknown:
            raise ModelError(f"{labels_path}: labels the model does not know: {unknown}")
        if not texts:
            raise ModelError(f"{labels_path}: no labelled paragraphs to score")
        scores = model.predict_proba(segment_all(texts, model.segmenter))
        result = score([tuple(x) for x in labels], model.decide_documents(scores, groups),
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
    predicted = model.decide_documents(scores, [p.doc for p in test])
    result = score([p.labels for p in test], predicted, list(model.themes))
    result.update({
        "train_paragraphs": len(corpus.split("train").paragraphs),
        "test_paragraphs": len(test),
        "test_documents": len(corpus.split("test").docs),
        "thresholds": {t: round(v, 3) for t, v in model.thresholds_.items()},
    })
    return result
