"""Theme quality on a real report: the seed newspaper page, labelled by hand against the
corpus label guide (tests/data/seed_labels.jsonl holds each paragraph's first characters
and its labels, not the text).

    python benchmarks/eval_seed.py
"""

from __future__ import annotations

import json
from pathlib import Path

import unionnlp
from unionnlp.metrics import score
from unionnlp.model import THEMES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_9586f3886ee54ef2.txt"
LABELS = ROOT / "tests" / "data" / "seed_labels.jsonl"


def main() -> None:
    """Print per-theme precision/recall/F1 of the packaged model on the real page."""
    gold = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    report = unionnlp.analyze_file(SEED)
    paragraphs = report.paragraphs
    assert [p.text[:10] for p in paragraphs] == [g["prefix"] for g in gold], "structure changed"
    result = score([tuple(g["labels"]) for g in gold], [p.themes for p in paragraphs],
                   list(THEMES))
    print(f"real page {SEED.name}: {len(gold)} paragraphs")
    print(f"macro-F1 {result['macro_f1']:.3f}  micro-F1 {result['micro_f1']:.3f}  "
          f"exact {result['exact_match']:.3f}  none {result['none_correct']}/{result['none_support']}")
    for theme, figures in result["themes"].items():
        print(f"  {theme:18s} P {figures['precision']:.3f}  R {figures['recall']:.3f}  "
              f"F1 {figures['f1']:.3f}  support {figures['support']}")
    for p, g in zip(paragraphs, gold, strict=True):
        if tuple(g["labels"]) != p.themes:
            print(f"  differs: {g['prefix']}  gold={g['labels']}  predicted={list(p.themes)}")


if __name__ == "__main__":
    main()
