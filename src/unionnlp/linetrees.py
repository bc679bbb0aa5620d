"""Boosted decision trees over the line labeller's attributes, read with numpy.

The CRF of :mod:`unionnlp.linerole` adds up one weight per attribute of a line; a tree
reads attributes together (a short numbered line *and* a full line after it, a first
character *and* no final mark), which a sum of weights cannot. The labeller blends the
trees' probabilities with the CRF's marginals. scikit-learn fits the trees (training
only); the fitted trees are plain arrays, saved without pickle and walked here for every
line of a text at once.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .errors import ModelError

__all__ = ["FORMAT", "LineTrees", "fit_line_trees"]

FORMAT = "unionnlp-linetrees/1"
#: Lines walked down the trees at once: memory stays bounded on a long text, and a block's
#: nodes (lines x trees) stay in the processor's cache (the 2,045 distinct lines of a
#: megabyte of reports: 0.084 s in blocks of 1,024, 0.036 s in blocks of 128). A line's
#: probabilities do not depend on the block it is in.
_BLOCK = 128
#: From this many lines on, lines with the same attributes are walked once (a long text
#: repeats many: 2,045 distinct of 5,428 lines in a megabyte of reports).
_DISTINCT = 256


@dataclass(frozen=True, eq=False)
class LineTrees:
    """Fitted trees: every tree's nodes in one set of arrays. A split node sends a line to
    ``right`` when it has attribute ``feature``, else to ``left``; a leaf (feature -1)
    points to itself and holds the value it adds to its role's raw score."""

    attributes: tuple[str, ...]
    roles: tuple[str, ...]
    baseline: np.ndarray  # (roles,)
    feature: np.ndarray  # (nodes,) int32
    left: np.ndarray  # (nodes,) int32
    right: np.ndarray  # (nodes,) int32
    value: np.ndarray  # (nodes,) float64
    roots: np.ndarray  # (trees,) int32
    role_of: np.ndarray  # (trees,) int32
    depth: int

    @cached_property
    def index(self) -> dict[str, int]:
        """Each attribute's column."""
        return {a: i for i, a in enumerate(self.attributes)}

    @cached_property
    def _members(self) -> list[np.ndarray]:
        """Each role's trees, whose leaves its raw score sums."""
        return [np.flatnonzero(self.role_of == k) for k in range(len(self.roles))]

    @cached_property
    def _walk(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each node's attribute (at a leaf, the last column, never set: a line stays at
        its leaf), its children side by side (node ``i``'s are at ``2i``, attribute absent,
        and ``2i + 1``, present) and the trees' roots."""
        feature = np.where(self.feature < 0, len(self.attributes), self.feature).astype(np.intp)
        children = np.stack([self.left, self.right], axis=1).astype(np.intp).ravel()
        return feature, children, self.roots.astype(np.intp)

    def proba(self, present: np.ndarray) -> np.ndarray:
        """Each line's probability of each role; ``present`` is (lines, attributes + 1),
        whether each line has each attribute (the last column, where unknown attributes
        are marked, is never read)."""
        n = len(present)
        if n >= _DISTINCT:
            packed = np.packbits(present, axis=1)
            rows = np.ascontiguousarray(packed).view(np.dtype((np.void, packed.shape[1])))
            _, first, inverse = np.unique(rows.ravel(), return_index=True, return_inverse=True)
            if len(first) < n:
                return self._walk_down(present[first])[inverse.ravel()]
        return self._walk_down(present)

    def _walk_down(self, present: np.ndarray) -> np.ndarray:
        n = len(present)
        out = np.empty((n, len(self.roles)))
        feature, children, roots = self._walk
        width = len(self.attributes) + 1
        for start in range(0, n, _BLOCK):
            stop = min(start + _BLOCK, n)
            block = np.ascontiguousarray(present[start:stop], dtype=np.intp).ravel()
            rows = (np.arange(stop - start) * width)[:, None]
            node = np.broadcast_to(roots, (stop - start, len(roots)))
            for _ in range(self.depth):
                node = children[2 * node + block[rows + feature[node]]]
            leaves = self.value[node]
            # Summed along each row, a line's score is the same in a block of any size (a
            # matrix product's BLAS kernel adds in an order that depends on the block's).
            raw = np.empty((stop - start, len(self.roles)))
            for k, trees in enumerate(self._members):
                raw[:, k] = leaves[:, trees].sum(axis=1)
            raw += self.baseline
            raw -= raw.max(axis=1, keepdims=True)
            e = np.exp(raw)
            out[start:stop] = e / e.sum(axis=1, keepdims=True)
        return out

    def digest(self) -> str:
        """A SHA-256 of the trees as saved: what a labeller trained with them records."""
        h = hashlib.sha256("\0".join((*self.roles, "", *self.attributes)).encode("utf-8"))
        for a in self._arrays().values():
            h.update(np.ascontiguousarray(a).tobytes())
        return h.hexdigest()

    def _arrays(self) -> dict[str, np.ndarray]:
        return {"baseline": self.baseline.astype(np.float64),
                "feature": self.feature.astype(np.int32), "left": self.left.astype(np.int32),
                "right": self.right.astype(np.int32), "value": self.value.astype(np.float64),
                "roots": self.roots.astype(np.int32), "role_of": self.role_of.astype(np.int32)}

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the trees as arrays and JSON with a checksum (never a pickle)."""
        from .store import pack_strings, write_arrays

        write_arrays(path, FORMAT, {"roles": list(self.roles), "depth": self.depth,
                                    "attributes": len(self.attributes)},
                     {**self._arrays(), "names": pack_strings(self.attributes)})

    @classmethod
    def load(cls, source: str | os.PathLike[str] | bytes, where: str | None = None
             ) -> LineTrees:
        """The trees of a file written by :meth:`save`, checked."""
        from .store import read_arrays, unpack_strings

        meta, arrays = read_arrays(source, FORMAT, where)
        name = where or str(source)
        try:
            names = tuple(unpack_strings(arrays["names"], int(meta["attributes"])))
            trees = cls(names, tuple(str(r) for r in meta["roles"]),
                        arrays["baseline"].astype(np.float64),
                        arrays["feature"].astype(np.int32), arrays["left"].astype(np.int32),
                        arrays["right"].astype(np.int32), arrays["value"].astype(np.float64),
                        arrays["roots"].astype(np.int32), arrays["role_of"].astype(np.int32),
                        int(meta["depth"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{name}: incomplete line-tree model ({exc})") from exc
        trees._check(name)
        return trees

    def _check(self, name: str) -> None:
        nodes = len(self.feature)
        if (self.baseline.shape != (len(self.roles),)
                or not (self.left.shape == self.right.shape == self.value.shape == (nodes,))
                or self.roots.shape != self.role_of.shape
                or ((self.feature < -1) | (self.feature >= len(self.attributes))).any()
                or ((self.left < 0) | (self.left >= nodes)).any()
                or ((self.right < 0) | (self.right >= nodes)).any()
                or ((self.roots < 0) | (self.roots >= nodes)).any()
                or ((self.role_of < 0) | (self.role_of >= len(self.roles))).any()):
            raise ModelError(f"{name}: line-tree model arrays of inconsistent shapes")


def fit_line_trees(features: Sequence[Sequence[Sequence[str]]],
                   labels: Sequence[Sequence[str]], *, min_count: int = 25,
                   iterations: int = 100, learning_rate: float = 0.1, depth: int = 4,
                   seed: int = 0) -> LineTrees:
    """Fit boosted trees (scikit-learn, for training only) on the lines' attributes
    (crfsuite's strings, per text and line) and their roles; attributes of fewer than
    ``min_count`` lines are left out. The defaults were chosen on the train twins' folds:
    trees of depth 4 did as well as deeper ones and cost a fraction to walk."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    lines = [set(line) - {"bias"} for doc in features for line in doc]
    roles = [role for doc in labels for role in doc]
    if len(lines) != len(roles) or len(set(roles)) < 3:
        raise ModelError("the line trees need one role per line, of three roles at least")
    counts = Counter(a for line in lines for a in line)
    names = tuple(sorted(a for a, c in counts.items() if c >= min_count))
    index = {a: i for i, a in enumerate(names)}
    x = np.zeros((len(lines), len(names)), dtype=np.float32)
    for k, line in enumerate(lines):
        x[k, [index[a] for a in line if a in index]] = 1.0
    model = HistGradientBoostingClassifier(
        max_iter=iterations, learning_rate=learning_rate, max_depth=depth,
        max_leaf_nodes=None, early_stopping=False, random_state=seed).fit(x, roles)
    feature: list[np.ndarray] = []
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    value: list[np.ndarray] = []
    roots: list[int] = []
    role_of: list[int] = []
    depth = 0
    offset = 0
    for round_ in model._predictors:
        for k, tree in enumerate(round_):
            nodes = tree.nodes
            leaf = nodes["is_leaf"].astype(bool)
            split = ~leaf
            threshold = nodes["num_threshold"][split]
            # Attributes are 0 or 1: a split anywhere in [0, 1) sends 0 left and 1 right.
            if (threshold < 0).any() or (threshold >= 1).any() or nodes["is_categorical"].any():
                raise ModelError("a line tree split an attribute other than present/absent")
            own = np.arange(len(nodes), dtype=np.int64) + offset
            feature.append(np.where(leaf, -1, nodes["feature_idx"]).astype(np.int32))
            left.append(np.where(leaf, own, nodes["left"].astype(np.int64) + offset))
            right.append(np.where(leaf, own, nodes["right"].astype(np.int64) + offset))
            value.append(np.where(leaf, nodes["value"], 0.0))
            roots.append(offset)
            role_of.append(k)
            depth = max(depth, int(nodes["depth"].max()))
            offset += len(nodes)
    return LineTrees(names, tuple(str(c) for c in model.classes_),
                     np.asarray(model._baseline_prediction, dtype=np.float64).ravel(),
                     np.concatenate(feature), np.concatenate(left).astype(np.int32),
                     np.concatenate(right).astype(np.int32), np.concatenate(value),
                     np.asarray(roots, dtype=np.int32), np.asarray(role_of, dtype=np.int32),
                     depth)
