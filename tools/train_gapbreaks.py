"""Train the packaged gap model (src/unionnlp/resources/gapbreaks.npz): whether a gap after
a sentence end in a long line starts a paragraph (a page whose line breaks were lost),
learned from the line annotations of the real-shaped train twins (never the held-out
ones), as arrays and JSON.

    python tools/train_gapbreaks.py [--folds]

``--folds`` first prints, in five folds by twin, how many gaps that start something each
threshold cuts, and how many that start nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unionnlp.gapbreaks import PACKAGED_GAP_BREAKS, GapBreaks, data_key, examples  # noqa: E402
from unionnlp.twins import load_twins  # noqa: E402


def folds() -> None:
    """The model's cuts in five folds by twin, at several thresholds."""
    from cv_structure import FOLDS, _folds

    twins = load_twins("train")
    fold = _folds([t.id for t in twins])
    found = {t.id: examples([t]) for t in twins}
    scored: list[tuple[float, bool]] = []
    for k in range(FOLDS):
        model = GapBreaks.fit([e for t in twins if fold[t.id] != k for e in found[t.id]])
        scored += [(model.probability(f), y) for t in twins if fold[t.id] == k
                   for f, y in found[t.id]]
    starts = sum(y for _, y in scored)
    print(f"{len(scored)} gaps after a sentence end in long lines, {starts} of them start "
          "something")
    for threshold in (0.5, 0.6, 0.7, 0.8):
        right = sum(1 for p, y in scored if y and p >= threshold)
        wrong = sum(1 for p, y in scored if not y and p >= threshold)
        print(f"  threshold {threshold}: {right} cut right, {wrong} cut where nothing starts")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", action="store_true", help="print the folds' figures first")
    args = parser.parse_args(argv)
    if args.folds:
        folds()
    start = time.perf_counter()
    found = examples(load_twins("train"))
    model = GapBreaks.fit(found)
    model.save(str(ROOT / "src" / "unionnlp" / PACKAGED_GAP_BREAKS), data_key=data_key())
    print(f"{PACKAGED_GAP_BREAKS}: {len(found)} gaps, {len(model.weights)} features "
          f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
