"""Five-fold cross-validation of the summary sentence model on the real-shaped *train* twins
that have a reference summary: fitted on four folds' references, scored (character
ROUGE-L of the report summary, as ``bench_summary_real.py``) on the fifth, beside the
unlearned centrality (TextRank weighed by content and figures) on the same twins. The
held-out twins are never read.

    python benchmarks/cv_sentences.py [--seeds 0 1] [--folds 5]

``--folds`` sets how many folds (how much each fit learns from: 2 folds learn from half the
twins, 10 from nine tenths). The greedy oracle's score, the labels' own sentences joined, is
the ceiling of what picking whole candidates can reach.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from bench_summary import rouge  # noqa: E402
from bench_summary_real import references  # noqa: E402

import unionnlp  # noqa: E402
from unionnlp import pipeline  # noqa: E402
from unionnlp.sentences import SentenceModel, oracle  # noqa: E402
from unionnlp.summarize import Graph  # noqa: E402
from unionnlp.twins import load_twins  # noqa: E402

FOLDS = 5


class _Unlearned:
    """Scores that are the graph's own centrality: the summary without the model."""

    def scores(self, texts: Any, numeric: Any) -> Any:
        from unionnlp.sentences import FEATURES

        return np.exp(np.asarray(numeric)[:, FEATURES.index("log_rank")])


def _summaries(twins: list[Any], model: Any, unlearned: bool = False) -> list[str]:
    pipeline.default_sentence_model = lambda: model  # type: ignore[assignment]
    if unlearned:
        rescore = Graph.rescore
        Graph.rescore = lambda self, scores: None  # type: ignore[method-assign]
    try:
        return ["".join(unionnlp.analyze(t.text).summary) for t in twins]
    finally:
        if unlearned:
            Graph.rescore = rescore  # type: ignore[method-assign]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--folds", type=int, default=FOLDS)
    args = parser.parse_args()
    refs = references()
    twins = [t for t in load_twins("train") if t.id in refs]
    data = {}
    ceiling: list[float] = []
    for twin in twins:  # the features do not depend on the model: gathered once
        sink: list[Any] = []
        token = pipeline._SENTENCE_SINK.set(sink)
        try:
            unionnlp.analyze(twin.text)
        finally:
            pipeline._SENTENCE_SINK.reset(token)
        read, written, numeric = sink[0]
        chosen = oracle(written, refs[twin.id])
        ceiling.append(rouge("".join(written[i] for i in chosen), refs[twin.id])["rougeL"])
        data[twin.id] = (read, numeric, [int(i in chosen) for i in range(len(read))])
    base = _summaries(twins, _Unlearned(), unlearned=True)
    base_score = statistics.fmean(rouge(s, refs[t.id])["rougeL"] for s, t in zip(base, twins, strict=True))
    print(f"{len(twins)} train twins with a reference; centrality alone: ROUGE-L {base_score:.4f}; "
          f"greedy oracle (the labels) {statistics.fmean(ceiling):.4f}")
    for seed in args.seeds:
        order = sorted(t.id for t in twins)
        random.Random(seed).shuffle(order)
        fold = {doc: k % args.folds for k, doc in enumerate(order)}
        scores = []
        for f in range(args.folds):
            fit = [data[t.id] for t in twins if fold[t.id] != f]
            model = SentenceModel.fit([x for r, _, _ in fit for x in r],
                                      np.vstack([n for _, n, _ in fit]),
                                      [y for _, _, ys in fit for y in ys])
            held = [t for t in twins if fold[t.id] == f]
            scores += [rouge(s, refs[t.id])["rougeL"]
                       for s, t in zip(_summaries(held, model), held, strict=True)]
        print(f"seed {seed}: learned ROUGE-L {statistics.fmean(scores):.4f} "
              f"({statistics.fmean(scores) / base_score:.3f}x centrality)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
