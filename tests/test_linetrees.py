"""The boosted trees blended into the line labeller's marginals: scikit-learn's
probabilities walked with numpy, a safe model file, and the attributes read off a
page's feature columns as training spells them out."""

from __future__ import annotations

import numpy as np
import pytest

from unionnlp.errors import ModelError
from unionnlp.linerole import (
    LineLabeller,
    _training_tables,
    default_labeller,
    line_table,
    train_labeller,
)
from unionnlp.linetrees import LineTrees, fit_line_trees


@pytest.fixture(scope="module")
def attributes(train: list) -> tuple[list, list, list]:
    """The crfsuite attributes and roles of 80 train twins' lines, and of 20 more."""
    tables, ys = _training_tables(train[:100])
    feats = [t.features() for t in tables]
    return feats[:80], ys[:80], feats[80:]


def _matrix(trees: LineTrees, feats: list) -> np.ndarray:
    lines = [line for doc in feats for line in doc]
    x = np.zeros((len(lines), len(trees.attributes)), dtype=np.float32)
    for k, line in enumerate(lines):
        x[k, [trees.index[a] for a in line if a in trees.index]] = 1.0
    return x


def test_numpy_trees_give_scikit_learns_probabilities(attributes) -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    feats, ys, new = attributes
    ours = fit_line_trees(feats, ys, min_count=5, iterations=20, depth=3)
    clf = HistGradientBoostingClassifier(max_iter=20, learning_rate=0.1, max_depth=3,
                                         max_leaf_nodes=None, early_stopping=False,
                                         random_state=0)
    clf.fit(_matrix(ours, feats), [y for doc in ys for y in doc])
    x = _matrix(ours, new)
    present = np.hstack([x.astype(bool), np.ones((len(x), 1), dtype=bool)])  # last: unread
    assert ours.roles == tuple(clf.classes_)
    assert ours.depth <= 3 and len(ours.roots) == 20 * len(ours.roles)
    assert np.allclose(ours.proba(present), clf.predict_proba(x), atol=1e-12)


def test_trees_walked_in_blocks_equal_one_walk(attributes, monkeypatch) -> None:
    import unionnlp.linetrees as linetrees

    feats, ys, new = attributes
    trees = fit_line_trees(feats, ys, iterations=5)
    x = _matrix(trees, new).astype(bool)
    present = np.hstack([x, np.zeros((len(x), 1), dtype=bool)])
    whole = trees.proba(present)
    assert len(present) > 10
    monkeypatch.setattr(linetrees, "_BLOCK", 3)  # a long text's many blocks, in small
    assert np.array_equal(trees.proba(present), whole)
    # A long text's repeated lines are walked once each.
    monkeypatch.setattr(linetrees, "_DISTINCT", 2)
    twice = np.vstack([present, present[::-1]])
    assert np.array_equal(trees.proba(twice), np.vstack([whole, whole[::-1]]))


def test_walking_a_long_texts_lines_down_the_trees_holds_little_memory(train: list) -> None:
    """A long text's lines are walked down the packaged trees a small block at a time: the
    nodes of 1,024 lines by 900 trees took 41 MB at once for 2,845 lines of train twins,
    more than the processor's cache holds."""
    import tracemalloc

    from unionnlp.convert import analysis_view

    labeller = default_labeller()
    assert labeller.trees is not None
    text = "\n".join(t.text for t in train[:300])
    present = labeller._present(labeller.table(text, analysis_view(text)[0]))
    assert len(present) > 2_000
    labeller.trees.proba(present[:5])
    tracemalloc.start()
    try:
        labeller.trees.proba(present)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12_000_000


def test_the_trees_file_is_checked(attributes, tmp_path) -> None:
    feats, ys, new = attributes
    trees = fit_line_trees(feats, ys, iterations=5)
    path = tmp_path / "linetrees.npz"
    trees.save(path)
    again = LineTrees.load(path)
    assert again.digest() == trees.digest() and again.attributes == trees.attributes
    present = np.hstack([_matrix(trees, new).astype(bool), np.zeros((1, 1), bool).repeat(
        sum(map(len, new)), axis=0)])
    assert np.array_equal(again.proba(present), trees.proba(present))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ModelError, match=r"linetrees\.npz"):
        LineTrees.load(bytes(data), "linetrees.npz")
    with pytest.raises(ModelError, match="expected a unionnlp-linetrees/1 file"):
        from unionnlp.store import write_arrays

        write_arrays(tmp_path / "other.npz", "unionnlp-other/1", {}, {"a": np.zeros(2)})
        LineTrees.load(tmp_path / "other.npz")


@pytest.mark.parametrize("block", [2048, 5])  # a long text's many blocks, in small
def test_tree_attributes_read_off_columns_equal_those_of_attribute_strings(
        train: list, block: int, monkeypatch) -> None:
    """Labelling reads the trees' attributes off the feature columns; training spells them
    out as crfsuite attributes: both mark the same attributes on every line."""
    import unionnlp.linerole as linerole

    monkeypatch.setattr(linerole, "_SLOT_BLOCK", block)
    model = default_labeller()
    assert model.trees is not None
    for twin in train[100:140]:
        table = model.table(twin.text)
        by_columns, by_strings = model._present(table), model._present(table.features())
        by_columns[:, -1] = by_strings[:, -1] = False  # where unknown attributes are marked
        assert np.array_equal(by_columns, by_strings), twin.id
    assert by_columns.any(axis=1).all() and model.tree_luts


def test_the_blend_moves_the_crfs_marginals_toward_the_trees(train: list) -> None:
    model = default_labeller()
    table = model.table(train[150].text)
    blended, crf = model.marginals(table), model._crf_marginals(table)
    assert model.trees is not None
    trees = model.trees.proba(model._present(table))[
        :, [model.trees.roles.index(r) for r in model.labels]]
    assert np.allclose(blended.sum(axis=1), 1.0)
    # Each line's blend lies between the two models wherever they agree on the best role.
    agree = crf.argmax(axis=1) == trees.argmax(axis=1)
    assert agree.any() and (blended.argmax(axis=1)[agree] == crf.argmax(axis=1)[agree]).all()


def test_a_labeller_reads_only_the_trees_it_was_trained_with(train: list) -> None:
    ours = train_labeller(train[:30], max_iterations=30, text=False)
    other = train_labeller(train[30:60], max_iterations=30, text=False)
    assert ours.trees is not None and other.trees is not None
    again = LineLabeller.from_json(ours.to_json(), "m.json", trees=lambda: ours.trees)
    table = line_table(train[70].text)
    assert np.array_equal(again.marginals(table), ours.marginals(table))
    with pytest.raises(ModelError, match=r"m\.json: needs its line trees"):
        LineLabeller.from_json(ours.to_json(), "m.json")
    with pytest.raises(ModelError, match="not the ones it was trained with"):
        LineLabeller.from_json(ours.to_json(), "m.json", trees=lambda: other.trees)
