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

The models each fold fits depend only on its twins and the fitting code, not on the rules
after the labeller, so they are cached (``benchmarks/cv_cache.py``: in the user cache
directory, ``~/.cache/unionnlp/cv_structure/`` or ``$UNIONNLP_CACHE/cv_structure/``, as
checked arrays and JSON, never a pickle, one folder per fold named by a key of the fold's
twins, the fitting code, the package versions and the CRF's settings). A run whose folds are
cached costs the scoring alone (about 15 s a fold on a loaded machine, reading a fold's
models well under a second, its key a few seconds: some two minutes for the five folds,
against some 75 CPU-minutes of fitting); a change to ``lines.py``, ``linerole.py``, a model's
features or a twin's annotation refits, a change to a rule of ``structure.py`` or
``repair.py`` that no feature reads does not. ``--no-cache`` fits every fold afresh (and
stores it). While a fold is fitted the packaged models it stands in for refuse to load (a
fit that read one would not be out of sample). Folders of old keys stay until removed
(``rm -r ~/.cache/unionnlp/cv_structure``); a fold takes about 15 MB (its linetext model
once per labeller).

    python benchmarks/cv_structure.py --labeller-only --folds 0,2 --json

``--folds`` scores some folds only (their own counts; the pooled figures are of those
folds), ``--json`` prints the per-fold and pooled figures as JSON instead of the table.
``--src DIR`` scores another source tree's rules (``--src /tmp/wt-X/src``: its ``unionnlp``
is imported instead of this checkout's, and its twins read) with the fold models cached
for it: they are the same as this checkout's as long as the two trees differ only in rules
that no feature reads.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _source_tree(argv: list[str]) -> Path:
    """The source tree ``--src`` names in ``argv``, else this checkout's ``src``."""
    for k, arg in enumerate(argv):
        if arg == "--src" and k + 1 < len(argv):
            return Path(argv[k + 1]).resolve()
        if arg.startswith("--src="):
            return Path(arg.split("=", 1)[1]).resolve()
    return ROOT / "src"


sys.path.insert(0, str(_source_tree(sys.argv[1:])))

from cv_cache import FoldModels, fold_models  # noqa: E402

import unionnlp  # noqa: E402
import unionnlp.gapbreaks as gapbreaks  # noqa: E402
import unionnlp.headend as headend  # noqa: E402
import unionnlp.linerole as linerole  # noqa: E402
import unionnlp.pipeline as pipeline  # noqa: E402
from unionnlp import analyze  # noqa: E402
from unionnlp.corpus import load_corpus  # noqa: E402
from unionnlp.evaluate_real import DocScore, _themes, score_twin  # noqa: E402
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


def models(twins: list[Twin], fold: dict[str, int], folds: list[int], *, c1: float,
           c2: float, use_cache: bool = True) -> dict[int, FoldModels]:
    """Each fold's models (``cv_cache.fit_fold``: labellers, head-end, first-mark and gap
    models, theme model, fitted on the other folds' twins, the themes on the written corpus
    too), from the cache when it holds them."""
    written = load_corpus().paragraphs
    out = {}
    for k in folds:
        began = time.monotonic()
        train = [t for t in twins if fold[t.id] != k]
        out[k], how = fold_models(train, written, name=f"fold{k}", c1=c1, c2=c2,
                                  use_cache=use_cache)
        print(f"fold {k}: models {how} in {time.monotonic() - began:.0f} s", file=sys.stderr)
    return out


def cross_validate(*, labeller: bool, learned: dict[int, FoldModels],
                   wrapped: tuple[bool, ...] = (False,)) -> dict[int, dict[bool, DocScore]]:
    """Each fold's counts (the folds of ``learned``), with the fold's own labellers or with
    the rules alone, and the fold's other models, for each reading in ``wrapped``: the
    fold's twins as they are (False) and hard-wrapped (True)."""
    twins = load_twins("train")
    fold = _folds([t.id for t in twins])
    real_relabel, real_default = linerole.relabel, linerole.default_labeller
    real_wrapped = linerole.wrapped_labeller
    real_classifier = pipeline.get_classifier
    real_ends, real_marks = headend.default_head_ends, headend.default_head_marks
    real_gaps = gapbreaks.default_gap_breaks
    out: dict[int, dict[bool, DocScore]] = {}
    try:
        if not labeller:
            linerole.relabel = lambda lines, *args, **kwargs: list(lines)
        for k, m in learned.items():
            began = time.monotonic()
            if labeller:
                linerole.default_labeller = lambda model=m.labeller: model
                linerole.wrapped_labeller = lambda model=m.wrapped: model
            pipeline.get_classifier = lambda path=None, model=m.themes: model
            headend.default_head_ends = lambda ends=m.ends: ends
            headend.default_head_marks = lambda marks=m.marks: marks
            gapbreaks.default_gap_breaks = lambda gaps=m.gaps: gaps
            scored = [t for t in twins if fold[t.id] == k]
            out[k] = {w: DocScore() for w in wrapped}
            for w, total in out[k].items():
                for twin in hard_wrapped(scored) if w else scored:
                    total.add(score_twin(twin, analyze(twin.text, source=twin.id)))
            print(f"fold {k}: scored in {time.monotonic() - began:.0f} s", file=sys.stderr)
    finally:
        linerole.relabel, linerole.default_labeller = real_relabel, real_default
        linerole.wrapped_labeller = real_wrapped
        pipeline.get_classifier = real_classifier
        headend.default_head_ends, headend.default_head_marks = real_ends, real_marks
        gapbreaks.default_gap_breaks = real_gaps
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def figures(s: DocScore) -> dict[str, Any]:
    """The figures of summed counts: line accuracy, headline and paragraph F1, themes end to
    end (macro F1), with the counts they come from."""
    return {"lines": s.lines, "line_accuracy": round(s.lines_right / s.lines, 4) if s.lines
            else 0.0,
            "headlines": {"tp": s.head_tp, "fp": s.head_fp, "fn": s.head_fn,
                          "f1": round(_f1(s.head_tp, s.head_fp, s.head_fn), 4)},
            "paragraphs": {"tp": s.para_tp, "fp": s.para_fp, "fn": s.para_fn,
                           "f1": round(_f1(s.para_tp, s.para_fp, s.para_fn), 4)},
            "themes_macro_f1": _themes(s.theme_truth, s.theme_e2e)["macro_f1"]}


def _fold_list(text: str) -> list[int]:
    try:
        folds = sorted({int(k) for k in text.split(",") if k.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"folds are numbers 0-{FOLDS - 1}: {text!r}") from None
    if not folds or folds[0] < 0 or folds[-1] >= FOLDS:
        raise argparse.ArgumentTypeError(f"folds are numbers 0-{FOLDS - 1}: {text!r}")
    return folds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--previous-bars", action="store_true")
    parser.add_argument("--c1", type=float, default=linerole.C1)
    parser.add_argument("--c2", type=float, default=linerole.C2)
    parser.add_argument("--labeller-only", action="store_true")
    parser.add_argument("--wrapped", action="store_true",
                        help="score the fold's twins hard-wrapped too")
    parser.add_argument("--folds", type=_fold_list, default=list(range(FOLDS)),
                        help="the folds to score, e.g. 0,2 (all by default)")
    parser.add_argument("--json", action="store_true",
                        help="print the per-fold and pooled figures as JSON")
    parser.add_argument("--no-cache", action="store_true",
                        help="fit every fold's models, whatever the cache holds")
    parser.add_argument("--src", type=Path, default=None,
                        help="the source tree whose unionnlp is scored (its src folder)")
    args = parser.parse_args(argv)
    here = Path(unionnlp.__file__).resolve().parent.parent
    if args.src is not None and here != args.src.resolve():
        parser.error(f"--src {args.src} must be given on the command line (this process "
                     f"imported unionnlp from {here})")
    if args.previous_bars:
        for name, value in PREVIOUS_BARS.items():
            setattr(linerole, name, value)
    twins = load_twins("train")
    if not args.json:
        print(f"{FOLDS}-fold cross-validation on the train twins ({len(twins)}), "
              f"CRF c1={args.c1} c2={args.c2}, folds {','.join(map(str, args.folds))}, "
              f"unionnlp from {here}")
    fold = _folds([t.id for t in twins])
    learned = models(twins, fold, args.folds, c1=args.c1, c2=args.c2,
                     use_cache=not args.no_cache)
    readings = (False, True) if args.wrapped else (False,)
    result: dict[str, Any] = {"folds": args.folds, "c1": args.c1, "c2": args.c2,
                              "source": str(here), "rows": {}}
    if not args.json:
        print(f"{'':<34} {'line acc':>8} {'head F1':>8} {'para F1':>8} {'themes':>8}")
    for flag in (False, True):
        if args.labeller_only and not flag:
            continue
        per_fold = cross_validate(labeller=flag, learned=learned, wrapped=readings)
        for wrapped in readings:
            name = ("with the labeller" if flag else "line rules alone") + (
                ", hard-wrapped" if wrapped else "")
            pooled = DocScore()
            for scores in per_fold.values():
                pooled.add(scores[wrapped])
            result["rows"][name] = {
                "pooled": figures(pooled),
                "folds": {str(k): figures(scores[wrapped]) for k, scores in per_fold.items()}}
            if not args.json:
                f = figures(pooled)
                print(f"{name:<34} {f['line_accuracy']:>8.4f} "
                      f"{f['headlines']['f1']:>8.4f} {f['paragraphs']['f1']:>8.4f} "
                      f"{f['themes_macro_f1']:>8.4f}")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
