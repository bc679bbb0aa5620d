"""Summary quality on real-shaped pages: unionnlp against snownlp, jionlp and the first
sentences, scored with character ROUGE (as ``bench_summary.py``) against reference summaries
that annotators wrote for the twins, having read each page and seen no system's output
(``benchmarks/data/summaries_real.jsonl``; their brief is ``SUMMARIES.md``).

Every method gets the page as it is (furniture, captions, wraps included): that is what a
user has. Choices are made on ``--split train``; the README reports ``--split test``.

    python benchmarks/bench_summary_real.py [--split train|test] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_summary import METHODS, METRICS, _chars, rouge, summaries

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
REFERENCES = ROOT / "benchmarks" / "data" / "summaries_real.jsonl"


def references() -> dict[str, str]:
    from unionnlp.sentences import references as read

    return dict(read(REFERENCES.read_text(encoding="utf-8").splitlines()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "test"), default="test")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from unionnlp.twins import load_twins

    refs = references()
    twins = [t for t in load_twins(args.split) if t.id in refs]
    scores: dict[str, list[dict[str, float]]] = {m: [] for m in METHODS}
    lengths: dict[str, list[int]] = {m: [] for m in METHODS}
    for twin in twins:
        for method, summary in summaries(twin.text).items():
            scores[method].append(rouge(summary, refs[twin.id]))
            lengths[method].append(len(_chars(summary)))
    means = {m: {k: statistics.fmean(s[k] for s in scores[m]) for k in METRICS} for m in METHODS}
    print(f"{len(twins)} {args.split} twins with a reference summary "
          f"(mean {statistics.fmean(len(_chars(refs[t.id])) for t in twins):.0f} characters)")
    print(f"{'method':<10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8} {'chars':>6}")
    for m in METHODS:
        print(f"{m:<10} {means[m]['rouge1']:>8.4f} {means[m]['rouge2']:>8.4f} "
              f"{means[m]['rougeL']:>8.4f} {statistics.fmean(lengths[m]):>6.0f}")
    best = max(means[m]["rougeL"] for m in METHODS[1:])
    print(f"unionnlp ROUGE-L / best peer: {means['unionnlp']['rougeL'] / best:.3f}x "
          "(target >= 1.25x)")
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, "documents": [t.id for t in twins],
                                         "mean": means}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
