"""The cache of cv_structure's fold models (benchmarks/cv_cache.py): what its key depends on,
that stored models predict as fitted ones do, and that a damaged file is refused."""

from __future__ import annotations

import importlib.util
import logging
import shutil
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import unionnlp
from unionnlp.corpus import load_corpus
from unionnlp.errors import ModelError
from unionnlp.twins import load_twins

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _cv_cache():
    spec = importlib.util.spec_from_file_location("cv_cache", BENCHMARKS / "cv_cache.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cv_cache"] = module
    spec.loader.exec_module(module)
    return module


cv_cache = _cv_cache()

#: Small train twins with gaps in long lines and numbered headlines running into their text,
#: so that each of a fold's models has something to learn, and short ones to make it quick.
GAPS = ("doc31", "doc42", "doc56", "doc58", "gov124", "gov216")


@pytest.fixture(scope="module")
def fold_twins():
    twins = load_twins("train")
    chosen = [t for t in twins if t.id in GAPS]
    chosen += sorted((t for t in twins if t.id not in GAPS), key=lambda t: len(t.text))[:14]
    return chosen


@pytest.fixture(scope="module")
def written():
    paragraphs = load_corpus().paragraphs
    docs = sorted({p.doc for p in paragraphs})[:8]
    return [p for p in paragraphs if p.doc in docs]


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """A copy of the imported unionnlp's source to edit."""
    copy = tmp_path_factory.mktemp("src") / "unionnlp"
    shutil.copytree(Path(unionnlp.__file__).resolve().parent, copy,
                    ignore=shutil.ignore_patterns("__pycache__"))
    return copy


FUTURE = "from __future__ import annotations\n"


def _key(package, twins, written):
    return cv_cache.fold_key(twins, written, c1=0.1, c2=0.1,
                             package=package)


def _edited(path: Path, old: str, new: str):
    """Context: ``path`` with ``old`` replaced by ``new`` (once), restored afterwards."""
    class Edit:
        def __enter__(self):
            self.text = path.read_text(encoding="utf-8")
            assert self.text.count(old) >= 1, old
            path.write_text(self.text.replace(old, new, 1), encoding="utf-8")

        def __exit__(self, *exc):
            path.write_text(self.text, encoding="utf-8")

    return Edit()


def test_key_follows_annotations_and_fitting_code_not_rules(package, fold_twins, written):
    twins = fold_twins[:4]
    base = _key(package, twins, written)
    assert _key(package, list(reversed(twins)), written) == base  # the order does not count
    assert _key(package, twins, written) == base

    # A twin's annotation: one span's role changed, the text as it was.
    twin = twins[0]
    span = twin.spans[0]
    other = "furniture" if span.role != "furniture" else "start"
    relabelled = replace(twin, spans=(replace(span, role=other), *twin.spans[1:]))
    assert _key(package, [relabelled, *twins[1:]], written) != base
    # ... or one twin more, or a written paragraph's themes.
    assert _key(package, [*twins, fold_twins[5]], written) != base
    first = written[0]
    assert _key(package, twins, [replace(first, labels=("worker_aid",) if first.labels != (
        "worker_aid",) else ()), *written[1:]]) != base

    # The modules that compute features or fit: any change counts, a comment too.
    for name in ("lines.py", "linerole.py", "themes.py"):
        with _edited(package / name, "\n\n", "\n\n# edited\n"):
            assert _key(package, twins, written) != base, name
    # A resource the features read counts; a packaged model the folds replace does not.
    with _edited(package / "resources" / "userdict.txt", "\n", "\n职工之家 10 n\n"):
        assert _key(package, twins, written) != base
    # Nor do the models only the rules read, refitted whenever the structure changes.
    for name in ("linerole.json", "keywords.npz", "sentences.npz"):
        model = package / "resources" / name
        saved = model.read_bytes()
        model.write_bytes(saved + b" ")
        try:
            assert _key(package, twins, written) == base, name
        finally:
            model.write_bytes(saved)

    # The rules after the models: a new rule or a changed one in structure.py, a comment in
    # repair.py, keep the key...
    structure = package / "structure.py"
    with _edited(structure, "\n\n\ndef ", "\n\n\ndef _new_rule(line: str) -> bool:\n"
                                          "    return line.endswith('：')\n\n\ndef "):
        assert _key(package, twins, written) == base
    with _edited(package / "repair.py", "\n\n\ndef ", "\n\n\n# a note on the repairs\ndef "):
        assert _key(package, twins, written) == base
    # A new module that only the structure imports does not count; one the features
    # import does.
    helper = package / "newhelper.py"
    helper.write_text('"""A helper."""\n\nMARK = "：:"\n', encoding="utf-8")
    try:
        with _edited(structure, FUTURE, FUTURE + "from .newhelper import MARK\n"):
            assert _key(package, twins, written) == base
            helper.write_text('"""A helper."""\n\nMARK = "："\n', encoding="utf-8")
            assert _key(package, twins, written) == base
        with _edited(package / "lines.py", FUTURE, FUTURE + "from .newhelper import MARK\n"):
            assert _key(package, twins, written) != base
    finally:
        helper.unlink()
    # The report's date, which model.py imports for its output only, no fit reads.
    dates = (package / "dates.py").read_text(encoding="utf-8")
    at = dates.index("def report_date(")
    body = dates.index('"""', dates.index('"""', at) + 3) + 3
    with _edited(package / "dates.py", dates[at:body], dates[at:body] + "\n    _ = 0"):
        assert _key(package, twins, written) == base
    # ... unless the change is in what the features import from them (linerole reads
    # repair.page_width).
    source = (package / "repair.py").read_text(encoding="utf-8")
    at = source.index("def page_width(")
    body = source.index('"""', source.index('"""', at) + 3) + 3
    with _edited(package / "repair.py", source[at:body], source[at:body] + "\n    _ = 0"):
        assert _key(package, twins, written) != base


@pytest.fixture(scope="module")
def fitted(fold_twins, written, tmp_path_factory):
    """One tiny fold fitted through the cache (a miss), with what fit_fold returned."""
    root = tmp_path_factory.mktemp("cv")
    made = []
    real = cv_cache.fit_fold

    def fit(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    cv_cache.fit_fold = fit
    try:
        models, how = cv_cache.fold_models(fold_twins, written, name="fold0", c1=0.1, c2=0.1, root=root)
    finally:
        cv_cache.fit_fold = real
    assert how == "fitted" and len(made) == 1
    return root, made[0], models


def _predictions(models, twins):
    from unionnlp.gapbreaks import page_traits
    from unionnlp.themes import segment_all

    out = []
    for twin in twins:
        for labeller in (models.labeller, models.wrapped):
            table = labeller.table(twin.text)
            out.append(labeller.label(twin.text))
            out.append(labeller.marginals(table).round(12).tolist())
        traits = page_traits(twin.text)
        out.append([models.gaps.cuts(line, traits) for line in twin.text.split("\n")])
    out.append([sorted(models.ends.weights.items()), models.ends.intercept,
                sorted(models.marks.weights.items()), models.marks.intercept])
    probs = models.themes.predict_proba(segment_all([p.text for t in twins
                                                     for p in t.paragraphs]))
    out.append([sorted(p.items()) for p in probs])
    return out


@pytest.mark.slow  # fits a fold
def test_a_cached_fold_predicts_as_fitted(fitted, fold_twins, written):
    root, made, stored = fitted
    again, how = cv_cache.fold_models(fold_twins, written, name="fold0", c1=0.1, c2=0.1,
                                      root=root)
    assert how == "hit"
    twins = fold_twins[:3]
    # A hit gives what the miss gave (both read what was stored) ...
    assert _predictions(again, twins) == _predictions(stored, twins)
    # ... and that predicts as the models fitted in memory do (the labeller's weights are
    # stored to six decimals: its line roles are the same, its marginals all but).
    for twin in twins:
        assert stored.labeller.label(twin.text) == made.labeller.label(twin.text)
        assert stored.wrapped.label(twin.text) == made.wrapped.label(twin.text)
        np.testing.assert_allclose(stored.labeller.marginals(stored.labeller.table(twin.text)),
                                   made.labeller.marginals(made.labeller.table(twin.text)),
                                   atol=1e-4)
    assert stored.gaps == made.gaps and stored.ends == made.ends and stored.marks == made.marks
    from unionnlp.themes import segment_all

    tokens = segment_all([p.text for t in twins for p in t.paragraphs])
    assert stored.themes.predict_proba(tokens) == made.themes.predict_proba(tokens)


@pytest.mark.slow  # fits a fold
@pytest.mark.parametrize("name", ["themes.npz", "linerole.json", "manifest.json"])
def test_a_damaged_cache_file_is_refused_and_refitted(fitted, fold_twins, written, name,
                                                      caplog):
    root, made, _ = fitted
    key = cv_cache.fold_key(fold_twins, written, c1=0.1, c2=0.1)
    folder = root / f"fold0-{key[:32]}"
    assert sorted(root.iterdir()) == [folder]
    path = folder / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match=r"checksum|not a complete fold cache"):
        cv_cache.load(folder, key)

    calls = []
    real = cv_cache.fit_fold

    def fit(*args, **kwargs):
        calls.append(args)
        return made  # what fitting these twins gives (fitted once for the module)

    cv_cache.fit_fold = fit
    try:
        with caplog.at_level(logging.WARNING, logger="cv_cache"):
            _, how = cv_cache.fold_models(fold_twins, written, name="fold0", c1=0.1, c2=0.1,
                                          root=root)
    finally:
        cv_cache.fit_fold = real
    assert how == "fitted" and len(calls) == 1
    assert "refusing the cached fold models" in caplog.text
    # What was stored again loads.
    assert cv_cache.fold_models(fold_twins, written, name="fold0", c1=0.1, c2=0.1,
                                root=root)[1] == "hit"


@pytest.mark.slow  # fits a fold
def test_no_cache_fits_even_when_cached(fitted, fold_twins, written):
    root, made, _ = fitted
    real = cv_cache.fit_fold
    cv_cache.fit_fold = lambda *args, **kwargs: made
    try:
        _, how = cv_cache.fold_models(fold_twins, written, name="fold0", c1=0.1, c2=0.1,
                                      root=root, use_cache=False)
    finally:
        cv_cache.fit_fold = real
    assert how == "fitted"


def test_a_fold_fit_refuses_the_packaged_models(fold_twins, written, monkeypatch):
    """While a fold is fitted the packaged models it stands in for do not load: a fit that
    read one would not be out of sample, and the key ignores them."""
    import unionnlp.linerole as linerole

    def sneaky(twins, **kwargs):
        linerole.default_labeller()

    monkeypatch.setattr(linerole, "train_labeller", sneaky)
    with pytest.raises(ModelError, match="packaged line labeller"):
        cv_cache.fit_fold(fold_twins, written, c1=0.1, c2=0.1)
    assert linerole.default_labeller().labels  # and it loads again afterwards
    # Nor the models only the rules read, which the key leaves out.
    import unionnlp.pipeline as pipeline

    def reads_keywords(twins, **kwargs):
        pipeline.default_keywords()

    monkeypatch.setattr(linerole, "train_labeller", reads_keywords)
    with pytest.raises(ModelError, match="packaged keyword model"):
        cv_cache.fit_fold(fold_twins, written, c1=0.1, c2=0.1)
