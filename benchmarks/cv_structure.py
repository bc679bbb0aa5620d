"""Five-fold cross-validation of the structure on the real-shaped *train* twins: the line
labeller and the theme model are trained on four folds (the themes on the written corpus
too) and the whole pipeline scored on the fifth (line roles, headline F1,
paragraph-boundary F1, theme macro-F1 of the paragraphs the pipeline finds), beside the
line rules alone. This is where the labeller's settings are chosen; the held-out twins are
never read here.

    python benchmarks/cv_structure.py [--previous-bars] [--c1 C1] [--c2 C2] [--labeller-only]
                                      [--wrapped]

``--previous-bars`` scores the labeller with the bars it had to overrule the rules until
this round (0.9, numbered lines too; 0.8 for furniture and captions; 0.95 for a paragraph
start; no higher bar for a title in the middle of a page; no long numbered line and no line
set aside made a headline), the figures the README compares with. ``--c1``/``--c2`` set the
CRF's L1 and L2 penalties (the packaged model's by default); ``--labeller-only`` skips the
line rules' row. Each fold trains the labeller of hard-wrapped pages too (on the fold's twins
and their hard-wrapped copies, as ``tools/train_linerole.py`` does); ``--wrapped`` scores the
fold's twins hard-wrapped (as ``unionnlp evaluate --real --wrapped`` does the held-out ones)
as well as they are, with the same fitted models. The models the structure learns besides
the labeller (where a numbered headline ends, :mod:`unionnlp.headend`, and where a gap in a
long line starts a paragraph, :mod:`unionnlp.gapbreaks`) are fitted on each fold's training
twins too, so that no packaged model, fitted on every train twin, reads a twin it learned
from.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import unionnlp.gapbreaks as gapbreaks  # noqa: E402
import unionnlp.headend as headend  # noqa: E402
import unionnlp.linerole as linerole  # noqa: E402
import unionnlp.pipeline as pipeline  # noqa: E402
from unionnlp import analyze  # noqa: E402
from unionnlp.corpus import load_corpus  # noqa: E402
from unionnlp.evaluate_real import DocScore, _themes, score_twin  # noqa: E402
from unionnlp.themes import ThemeClassifier, segment_all  # noqa: E402
from unionnlp.twins import Twin, hard_wrapped, load_twins  # noqa: E402

FOLDS = 5
#: The labeller's bars to overrule the rules before they were chosen per pair.
PREVIOUS_BARS = {"CONFIDENT": 0.9, "_NUMBERED_HEADING": 0.9, "_NUMBERED_LONG": math.inf,
                 "_FURNITURE_HEADING": math.inf,
                 "_SURE": {("body", "caption"): 0.8, ("headline", "caption"): 0.8,
                           ("headline", "furniture"): 0.8, ("headline", "start"): 0.95}}


def _folds(ids: list[str]) -> dict[str, int]:
    order = sorted(ids)
    random.Random(0).shuffle(order)
    return {doc: k % FOLDS for k, doc in enumerate(order)}


def theme_models(twins: list[Twin], fold: dict[str, int]) -> list[ThemeClassifier]:
    """Each fold's theme model: the written corpus and the other folds' twins."""
    written = load_corpus().paragraphs
    models = []
    for k in range(FOLDS):
        train = [t for t in twins if fold[t.id] != k]
        texts = [p.text for p in written] + [p.text for t in train for p in t.paragraphs]
        labels = [p.labels for p in written] + [p.themes for t in train for p in t.paragraphs]
        groups = [p.doc for p in written] + [t.id for t in train for _ in t.paragraphs]
        models.append(ThemeClassifier().fit(segment_all(texts), labels, groups=groups))
    return models


def structure_models(twins: list[Twin], fold: dict[str, int]
                     ) -> list[tuple[headend.HeadEnds, headend.HeadEnds, gapbreaks.GapBreaks]]:
    """Each fold's head-end, first-mark and gap models, fitted on the other folds' twins (as
    ``tools/train_headend.py`` and ``tools/train_gapbreaks.py`` fit the packaged ones)."""
    models = []
    for k in range(FOLDS):
        train = [t for t in twins if fold[t.id] != k]
        models.append((headend.HeadEnds.fit(headend.examples(train)),
                       headend.HeadEnds.fit(headend.examples(train, marks=True), marks=True,
                                            threshold=headend.VETO),
                       gapbreaks.GapBreaks.fit(gapbreaks.examples(train))))
    return models


def cross_validate(*, labeller: bool, themes: list[ThemeClassifier],
                   learned: list[tuple[headend.HeadEnds, headend.HeadEnds, gapbreaks.GapBreaks]],
                   c1: float = linerole.C1, c2: float = linerole.C2,
                   wrapped: tuple[bool, ...] = (False,)) -> dict[bool, DocScore]:
    """Summed counts over the folds, with the fold's own labellers or with the rules alone,
    the fold's theme model and its other learned models (:func:`structure_models`), for each
    reading in ``wrapped``: the fold's twins as they are (False) and hard-wrapped (True).
    Each fold's labellers are fitted once for both."""
    twins = load_twins("train")
    fold = _folds([t.id for t in twins])
    real_relabel, real_default = linerole.relabel, linerole.default_labeller
    real_wrapped = linerole.wrapped_labeller
    real_classifier = pipeline.get_classifier
    real_ends, real_marks = headend.default_head_ends, headend.default_head_marks
    real_gaps = gapbreaks.default_gap_breaks
    totals = {w: DocScore() for w in wrapped}
    try:
        if not labeller:
            linerole.relabel = lambda lines, *args, **kwargs: list(lines)
        for k in range(FOLDS):
            train = [t for t in twins if fold[t.id] != k]
            if labeller:
                model = linerole.train_labeller(train, c1=c1, c2=c2)
                wrapped_model = linerole.train_wrapped_labeller(train, c1=c1, c2=c2)
                linerole.default_labeller = lambda model=model: model
                linerole.wrapped_labeller = lambda model=wrapped_model: model
            pipeline.get_classifier = lambda path=None, k=k: themes[k]
            ends, marks, gaps = learned[k]
            headend.default_head_ends = lambda ends=ends: ends
            headend.default_head_marks = lambda marks=marks: marks
            gapbreaks.default_gap_breaks = lambda gaps=gaps: gaps
            scored = [t for t in twins if fold[t.id] == k]
            for w, total in totals.items():
                for twin in hard_wrapped(scored) if w else scored:
                    total.add(score_twin(twin, analyze(twin.text, source=twin.id)))
    finally:
        linerole.relabel, linerole.default_labeller = real_relabel, real_default
        linerole.wrapped_labeller = real_wrapped
        pipeline.get_classifier = real_classifier
        headend.default_head_ends, headend.default_head_marks = real_ends, real_marks
        gapbreaks.default_gap_breaks = real_gaps
    return totals


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--previous-bars", action="store_true")
    parser.add_argument("--c1", type=float, default=linerole.C1)
    parser.add_argument("--c2", type=float, default=linerole.C2)
    parser.add_argument("--labeller-only", action="store_true")
    parser.add_argument("--wrapped", action="store_true",
                        help="score the fold's twins hard-wrapped too")
    args = parser.parse_args(argv)
    if args.previous_bars:
        for name, value in PREVIOUS_BARS.items():
            setattr(linerole, name, value)
    twins = load_twins("train")
    print(f"{FOLDS}-fold cross-validation on the train twins ({len(twins)}), "
          f"CRF c1={args.c1} c2={args.c2}")
    fold = _folds([t.id for t in twins])
    themes, learned = theme_models(twins, fold), structure_models(twins, fold)
    print(f"{'':<34} {'line acc':>8} {'head F1':>8} {'para F1':>8} {'themes':>8}")
    readings = (False, True) if args.wrapped else (False,)
    for flag in (False, True):
        if args.labeller_only and not flag:
            continue
        totals = cross_validate(labeller=flag, themes=themes, learned=learned, c1=args.c1,
                                c2=args.c2, wrapped=readings)
        for wrapped, s in totals.items():
            name = ("with the labeller" if flag else "line rules alone") + (
                ", hard-wrapped" if wrapped else "")
            print(f"{name:<34} {s.lines_right / s.lines:>8.4f} "
                  f"{_f1(s.head_tp, s.head_fp, s.head_fn):>8.4f} "
                  f"{_f1(s.para_tp, s.para_fp, s.para_fn):>8.4f} "
                  f"{_themes(s.theme_truth, s.theme_e2e)['macro_f1']:>8.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
