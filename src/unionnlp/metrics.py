"""Precision, recall and F1 of multi-label predictions: what training's cross-validation
and every evaluation report, computed one way."""

from __future__ import annotations

from typing import Any

__all__ = ["score"]


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
