"""benchmarks/cv_structure.py: scoring chosen folds, figures per fold and pooled as JSON."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from unionnlp.twins import load_twins

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cv():
    _load("cv_cache")
    return _load("cv_structure")


def test_chosen_folds_scored_with_their_models_as_json(cv, monkeypatch, capsys):
    import unionnlp.gapbreaks as gapbreaks
    import unionnlp.headend as headend
    import unionnlp.linerole as linerole
    from unionnlp.themes import default_classifier

    twins = sorted(load_twins("train"), key=lambda t: len(t.text))[:10]
    packaged = cv.FoldModels(linerole.default_labeller(), linerole.wrapped_labeller(),
                             headend.default_head_ends(), headend.default_head_marks(),
                             gapbreaks.default_gap_breaks(), default_classifier())
    asked = []

    def fold_models(train, written, *, name, c1, c2, use_cache):
        asked.append((name, sorted(t.id for t in train), use_cache))
        return packaged, "hit"

    real = (linerole.default_labeller, linerole.wrapped_labeller, linerole.relabel,
            headend.default_head_ends, headend.default_head_marks,
            gapbreaks.default_gap_breaks)
    monkeypatch.setattr(cv, "load_twins", lambda split: twins)
    monkeypatch.setattr(cv, "fold_models", fold_models)
    assert cv.main(["--labeller-only", "--folds", "2,0", "--json", "--no-cache"]) == 0
    result = json.loads(capsys.readouterr().out)
    fold = cv._folds([t.id for t in twins])
    # Only the folds asked for, each fitted (here: given) on the other folds' twins.
    assert [name for name, _, _ in asked] == ["fold0", "fold2"]
    for name, train, use_cache in asked:
        k = int(name.removeprefix("fold"))
        assert train == sorted(t.id for t in twins if fold[t.id] != k) and not use_cache
    row = result["rows"]["with the labeller"]
    assert result["folds"] == [0, 2] and sorted(row["folds"]) == ["0", "2"]
    scored = [t for t in twins if fold[t.id] in (0, 2)]
    assert row["pooled"]["lines"] == sum(f["lines"] for f in row["folds"].values()) > 0
    assert row["pooled"]["lines"] == sum(
        1 for t in scored for line in t.text.split("\n") if line.strip())
    for part in ("headlines", "paragraphs"):
        for count in ("tp", "fp", "fn"):
            assert row["pooled"][part][count] == sum(f[part][count]
                                                     for f in row["folds"].values())
    assert 0 < row["pooled"]["line_accuracy"] <= 1
    # The packaged models are back in place afterwards.
    assert (linerole.default_labeller, linerole.wrapped_labeller, linerole.relabel,
            headend.default_head_ends, headend.default_head_marks,
            gapbreaks.default_gap_breaks) == real


def test_folds_out_of_range_are_refused(cv, capsys):
    with pytest.raises(SystemExit):
        cv.main(["--folds", "5"])
    assert "folds are numbers 0-4" in capsys.readouterr().err
