"""Five-fold cross-validation of the theme model on the real-shaped *train* twins: trained
on the written corpus and four folds of train twins, scored on the fifth, once by the
paragraph's own probabilities, once in context (the model's neighbours-and-document part,
as analysis reads a report), and once by combining the paragraph's probabilities with its
sentences' (the maximum, or the mean of paragraph and best sentence). The held-out twins
are never read.

    python benchmarks/cv_themes.py [--share 0.5]

``--share`` trains each fold on that share of its train twins (drawn with a fixed seed),
with the written corpus, for a learning curve.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.corpus import load_corpus  # noqa: E402
from unionnlp.metrics import score  # noqa: E402
from unionnlp.model import THEMES  # noqa: E402
from unionnlp.themes import ThemeClassifier, segment_all  # noqa: E402
from unionnlp.twins import load_twins  # noqa: E402

FOLDS = 5
#: Sentence ends, and the 一是/二是 clauses of a list inside a paragraph.
_SENTENCES = re.compile(r"(?<=[。！？；;!?])|(?=[一二三四五六七八九十]是)")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCES.split(text) if len(s.strip()) >= 6] or [text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--share", type=float, default=1.0,
                        help="the share of each fold's train twins to train on")
    share = parser.parse_args(argv).share
    twins = load_twins("train")
    order = sorted(t.id for t in twins)
    random.Random(0).shuffle(order)
    fold = {doc: k % FOLDS for k, doc in enumerate(order)}
    written = load_corpus().paragraphs
    truth: list[tuple[str, ...]] = []
    decided: dict[str, list[tuple[str, ...]]] = {"paragraph": [], "in context": [], "max": [],
                                                 "mean": []}
    for k in range(FOLDS):
        train = [t for t in twins if fold[t.id] != k]
        if share < 1.0:
            random.Random(1).shuffle(train)
            train = train[:int(len(train) * share)]
        texts = [p.text for p in written] + [p.text for t in train for p in t.paragraphs]
        labels = [p.labels for p in written] + [p.themes for t in train for p in t.paragraphs]
        groups = [p.doc for p in written] + [t.id for t in train for _ in t.paragraphs]
        model = ThemeClassifier().fit(segment_all(texts), labels, groups=groups)
        tested = [p for t in twins if fold[t.id] == k for p in t.paragraphs]
        whole = model.predict_proba(segment_all([p.text for p in tested]))
        decided["in context"] += model.decide_documents(
            whole, [t.id for t in twins if fold[t.id] == k for _ in t.paragraphs])
        for p, probs in zip(tested, whole, strict=True):
            parts = model.predict_proba(segment_all(sentences(p.text)))
            best = {t: max(s[t] for s in parts) for t in model.themes}
            truth.append(p.themes)
            decided["paragraph"].append(model.decide(probs))
            decided["max"].append(model.decide({t: max(probs[t], best[t]) for t in best}))
            decided["mean"].append(model.decide({t: (probs[t] + best[t]) / 2 for t in best}))
    print(f"{FOLDS}-fold cross-validation on the train twins: theme macro-F1 "
          f"({len(truth)} paragraphs; trained on {share:.0%} of each fold's train twins)")
    for name, found in decided.items():
        result = score(truth, found, list(THEMES))
        per = "  ".join(f"{t} {v['f1']:.3f}" for t, v in result["themes"].items())
        print(f"{name:<11} {result['macro_f1']:.3f}   {per}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
