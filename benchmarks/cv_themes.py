"""Five-fold cross-validation of the theme model on the real-shaped *train* twins: trained
on the written corpus and four folds of train twins, scored on the fifth, once by the
paragraph's own probabilities, once in context (the model's neighbours-and-document part,
as analysis reads a report), and once by combining the paragraph's probabilities with its
sentences' (the maximum, or the mean of paragraph and best sentence). The held-out twins
are never read.

    python benchmarks/cv_themes.py [--share 0.5] [--by-kind] [--errors rows.jsonl]
                                   [--traditional-copy] [--seed 0]

``--share`` trains each fold on that share of its train twins (drawn with a fixed seed),
with the written corpus, for a learning curve. ``--by-kind`` also prints each kind of
page's precision, recall and F1 per theme, in context; ``--errors`` writes every
paragraph's out-of-fold row (twin, kind, text, annotated themes, themes found in context,
probabilities own and in context) as JSON lines, for reading the misses and false alarms.
``--traditional-copy`` tries a model (not the packaged one) that reads each paragraph written
in traditional characters twice: its words and character n-grams as every paragraph's, and
again as features of traditional paragraphs only, so that Hong Kong and Taiwan usage gets
weights of its own beside the shared ones; it predicts through scikit-learn. ``--seed``
shuffles the twins into other folds (0, the default, is the folds every figure quotes), to
tell a gain from the swing of one split.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.convert import analysis_view  # noqa: E402
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


#: The token that opens a traditional paragraph's tokens under ``--traditional-copy``.
_TRADITIONAL = "\u0001traditional"


def _copied(analyzer: Any) -> Any:
    """``analyzer``'s features, and those of a traditional paragraph once more, prefixed."""
    def features(tokens: list[str]) -> list[str]:
        if tokens and tokens[0] == _TRADITIONAL:
            found = analyzer(tokens[1:])
            return found + ["\u0001" + f for f in found]
        return list(analyzer(tokens))
    return features


class TraditionalCopy(ThemeClassifier):
    """The theme model with a traditional-only copy of its features (``--traditional-copy``)."""

    def _pipeline(self) -> Any:
        pipeline = super()._pipeline()
        for _, vectorizer in pipeline.named_steps["features"].transformer_list:
            vectorizer.analyzer = _copied(vectorizer.analyzer)
        return pipeline

    def _adopt(self, pipeline: Any) -> None:
        self.pipeline_ = pipeline
        super()._adopt(pipeline)

    def predict_proba(self, token_docs: Any) -> list[dict[str, float]]:
        rows = self.pipeline_.predict_proba(list(token_docs)).tolist()
        return [dict(zip(self.themes, row, strict=True)) for row in rows]


def marked(texts: list[str]) -> list[list[str]]:
    """:func:`segment_all`, a traditional paragraph's tokens opened by :data:`_TRADITIONAL`."""
    return [[_TRADITIONAL, *tokens] if analysis_view(text)[1] else tokens
            for text, tokens in zip(texts, segment_all(texts), strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--share", type=float, default=1.0,
                        help="the share of each fold's train twins to train on")
    parser.add_argument("--by-kind", action="store_true",
                        help="print precision, recall and F1 per kind of page, in context")
    parser.add_argument("--errors", type=Path, default=None,
                        help="write each paragraph's out-of-fold row here (JSON lines)")
    parser.add_argument("--traditional-copy", action="store_true",
                        help="read traditional paragraphs' features twice, once as their own")
    parser.add_argument("--seed", type=int, default=0,
                        help="the seed that shuffles the twins into folds")
    args = parser.parse_args(argv)
    build, segmented = ((TraditionalCopy, marked) if args.traditional_copy
                        else (ThemeClassifier, segment_all))
    share = args.share
    twins = load_twins("train")
    order = sorted(t.id for t in twins)
    random.Random(args.seed).shuffle(order)
    fold = {doc: k % FOLDS for k, doc in enumerate(order)}
    written = load_corpus().paragraphs
    truth: list[tuple[str, ...]] = []
    rows: list[dict[str, Any]] = []
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
        model = build().fit(segmented(texts), labels, groups=groups)
        tested = [p for t in twins if fold[t.id] == k for p in t.paragraphs]
        whole = model.predict_proba(segmented([p.text for p in tested]))
        ids = [t for t in twins if fold[t.id] == k for _ in t.paragraphs]
        decided["in context"] += model.decide_documents(whole, [t.id for t in ids])
        read = [s for t in twins if fold[t.id] == k
                for s in model.in_context([whole[i] for i, x in enumerate(ids) if x is t])]
        rows += [{"fold": k, "twin": t.id, "kind": t.kind, "text": p.text,
                  "themes": list(p.themes), "found": list(model.decide(c, in_context=True)),
                  "own": {x: round(v, 4) for x, v in o.items()},
                  "in_context": {x: round(v, 4) for x, v in c.items()}}
                 for t, p, o, c in zip(ids, tested, whole, read, strict=True)]
        for p, probs in zip(tested, whole, strict=True):
            parts = model.predict_proba(segmented(sentences(p.text)))
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
    if args.by_kind:
        print("in context, by kind (precision / recall / F1, annotated paragraphs):")
        for kind in sorted({str(r["kind"]) for r in rows}):
            mine = [r for r in rows if r["kind"] == kind]
            result = score([tuple(r["themes"]) for r in mine],
                           [tuple(r["found"]) for r in mine], list(THEMES))
            per = "  ".join(f"{t} {v['precision']:.2f}/{v['recall']:.2f}/{v['f1']:.2f} "
                            f"({v['support']})" for t, v in result["themes"].items())
            print(f"{kind:<13} {len(mine):>5} {result['macro_f1']:.3f}   {per}")
    if args.errors is not None:
        with args.errors.open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
