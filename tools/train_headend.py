"""Train the packaged head-end models (src/unionnlp/resources/headend.npz and headmark.npz):
where a numbered headline that runs into its text with no mark ends, and whether one ends
at the first sentence mark, learned from the line annotations of the real-shaped train
twins (never the held-out ones), as arrays and JSON.

    python tools/train_headend.py [--folds]

``--folds`` first prints, in five folds by twin, how many headlines each threshold ends
at the right place, at a wrong one, and how many it cuts where none runs in; and how many
numbered paragraphs the model of the first mark keeps whole at each threshold, and how
many headlines it denies.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from unionnlp.headend import (  # noqa: E402
    PACKAGED_HEAD_ENDS,
    PACKAGED_HEAD_MARKS,
    THRESHOLD,
    VETO,
    HeadEnds,
    data_key,
    examples,
)
from unionnlp.twins import load_twins  # noqa: E402


def folds(marks: bool = False) -> None:
    """A model's choices in five folds by twin, at several thresholds."""
    from cv_structure import FOLDS, _folds

    twins = load_twins("train")
    fold = _folds([t.id for t in twins])
    found = {t.id: examples([t], marks=marks) for t in twins}
    best: list[tuple[float, int, int]] = []  # (the likeliest place's probability, it, the answer)
    nones: list[tuple[float, int]] = []  # (the probability of no headline, the answer)
    for k in range(FOLDS):
        model = HeadEnds.fit([e for t in twins if fold[t.id] != k for e in found[t.id]],
                             marks=marks)
        for t in twins:
            if fold[t.id] == k:
                for text, style, marker, end, traditional in found[t.id]:
                    places = model.places(text, style, marker, traditional)
                    p, e = max(((p, e) for e, p in places), default=(0.0, 0))
                    best.append((p, e, end))
                    if places:
                        nones.append((1.0 - sum(q for _, q in places), end))
    heads = sum(1 for _, _, end in best if end)
    if marks:
        print(f"{len(nones)} numbered openings with a first sentence mark, "
              f"{sum(1 for _, end in nones if end)} of them headlines ending there")
        for threshold in (0.6, 0.7, 0.8, 0.9):
            kept = sum(1 for none, end in nones if not end and none >= threshold)
            denied = sum(1 for none, end in nones if end and none >= threshold)
            print(f"  threshold {threshold}: {kept} numbered paragraphs kept whole, "
                  f"{denied} headlines denied")
        return
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
        folds(marks=True)
    twins = load_twins("train")
    for marks, path, threshold in ((False, PACKAGED_HEAD_ENDS, THRESHOLD),
                                   (True, PACKAGED_HEAD_MARKS, VETO)):
        start = time.perf_counter()
        found = examples(twins, marks=marks)
        model = HeadEnds.fit(found, threshold=threshold, marks=marks)
        model.save(str(ROOT / "src" / "unionnlp" / path), data_key=data_key(marks=marks))
        print(f"{path}: {len(found)} numbered openings, {len(model.weights)} features "
              f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
