"""Train the packaged head-end model (src/unionnlp/resources/headend.npz): where a
numbered headline that runs into its text with no mark ends, learned from the line
annotations of the real-shaped train twins (never the held-out ones), as arrays and JSON.

    python tools/train_headend.py [--folds]

``--folds`` first prints, in five folds by twin, how many headlines each threshold ends
at the right place, at a wrong one, and how many it cuts where none runs in.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unionnlp.headend import PACKAGED_HEAD_ENDS, HeadEnds, data_key, examples  # noqa: E402
from unionnlp.twins import load_twins  # noqa: E402


def folds() -> None:
    """The model's choices in five folds by twin, at several thresholds."""
    from cv_structure import FOLDS, _folds

    twins = load_twins("train")
    fold = _folds([t.id for t in twins])
    found = {t.id: examples([t]) for t in twins}
    best: list[tuple[float, int, int]] = []  # (the likeliest place's probability, it, the answer)
    for k in range(FOLDS):
        model = HeadEnds.fit([e for t in twins if fold[t.id] != k for e in found[t.id]])
        for t in twins:
            if fold[t.id] == k:
                for text, style, marker, end in found[t.id]:
                    p, e = max(((p, e) for e, p in model.places(text, style, marker)),
                               default=(0.0, 0))
                    best.append((p, e, end))
    heads = sum(1 for _, _, end in best if end)
    print(f"{len(best)} numbered openings, {heads} of them headlines running into text")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        right = sum(1 for p, e, end in best if end and p >= threshold and e == end)
        wrong = sum(1 for p, e, end in best if end and p >= threshold and e != end)
        cut = sum(1 for p, _, end in best if not end and p >= threshold)
        print(f"  threshold {threshold}: {right} ended right, {wrong} at a wrong place, "
              f"{cut} cut where none runs in")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", action="store_true", help="print the folds' figures first")
    args = parser.parse_args(argv)
    if args.folds:
        folds()
    start = time.perf_counter()
    found = examples(load_twins("train"))
    model = HeadEnds.fit(found)
    model.save(str(ROOT / "src" / "unionnlp" / PACKAGED_HEAD_ENDS), data_key=data_key())
    print(f"{len(found)} numbered openings: {len(model.weights)} features "
          f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
