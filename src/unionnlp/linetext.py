"""What a line's words say of its role: a classifier of one line's text (its characters,
pairs and triples of characters between a start and an end mark) over the line
labeller's roles, whose probabilities are features of the labeller's CRF
(:mod:`unionnlp.linerole`).

The CRF's own features describe a line's shape (length, numbering, punctuation, cue
words); this model gives it the line's vocabulary (责任编辑, 工作总结, a clause cut in
the middle), learned from the annotated twins. scikit-learn fits a TF-IDF logistic
regression; the fitted model is plain arrays, saved without pickle and applied here with
numpy to every line of a text at once.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ._regex import regex
from .errors import ModelError

__all__ = ["FORMAT", "LineText", "fit_line_text", "text_grams"]

FORMAT = "unionnlp-linetext/1"
_START, _END = "\x02", "\x03"
#: Control characters that would read as the marks are read as one other control character.
_CONTROL = {0: 4, 1: 4, 2: 4, 3: 4}
_MARK_LIKE = regex("[\x00-\x03]")
_BITS = 21  # every code point fits: an n-gram of up to three is one int64
#: Characters of lines scored at once: memory stays bounded on a long text, and the
#: temporaries (a row of weights per n-gram found) stay small enough to be reused warm
#: rather than freshly mapped (a megabyte of reports: 0.17 s in blocks of 200,000, 0.12 s
#: in blocks of 8,000). A line's probabilities do not depend on the block it is in.
_CHUNK = 8_000


def text_grams(row: str) -> list[str]:
    """The n-grams the model reads of a line (its stripped text): every run of one, two
    and three characters of the line between a start and an end mark."""
    s = _START + row.translate(_CONTROL) + _END
    return [s[i:i + n] for n in (1, 2, 3) for i in range(len(s) - n + 1)]


def _key(gram: str) -> int:
    value = 0
    for ch in gram:
        value = (value << _BITS) | ord(ch)
    return value


@dataclass(frozen=True)
class LineText:
    """A fitted line-text model: n-gram keys (sorted), their IDFs, and one row of
    weights per role (multinomial logistic regression)."""

    keys: np.ndarray  # (V,) int64, sorted
    idf: np.ndarray  # (V,)
    coef: np.ndarray  # (roles, V)
    intercept: np.ndarray  # (roles,)
    roles: tuple[str, ...]

    def proba(self, rows: Sequence[str]) -> np.ndarray:
        """Each line's probability of each role (rows: the lines' stripped text)."""
        out = np.empty((len(rows), len(self.roles)))
        start = 0
        while start < len(rows):
            stop, size = start + 1, len(rows[start])
            while stop < len(rows) and size < _CHUNK:
                size += len(rows[stop])
                stop += 1
            out[start:stop] = self._block(rows[start:stop])
            start = stop
        return out

    @cached_property
    def _parts(self) -> tuple[np.ndarray, int, int]:
        """A table of the unigrams' columns by code point (the Basic Multilingual Plane),
        and where the bigrams' and the trigrams' keys start (keys sort by length)."""
        bigrams = int(np.searchsorted(self.keys, 1 << _BITS))
        trigrams = int(np.searchsorted(self.keys, 1 << (2 * _BITS)))
        table = np.full(1 << 16, -1, dtype=np.int64)
        plane = self.keys[:bigrams] < (1 << 16)
        table[self.keys[:bigrams][plane]] = np.flatnonzero(plane)
        return table, bigrams, trigrams

    def _find(self, key: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """The columns of ``key`` among keys ``lo``..``hi - 1`` (-1: not in the model)."""
        if hi <= lo:
            return np.full(len(key), -1, dtype=np.int64)
        # Each distinct n-gram looked up once: a text repeats most of its pairs and triples,
        # and sorted needles search faster (the line-text model a fifth to a third faster).
        distinct, inverse = np.unique(key, return_inverse=True)
        at = np.minimum(np.searchsorted(self.keys[lo:hi], distinct), hi - lo - 1)
        return np.where(self.keys[lo:hi][at] == distinct, at + lo, -1)[inverse]

    def _block(self, rows: Sequence[str]) -> np.ndarray:
        n = len(rows)
        body = "\n".join(rows)
        if _MARK_LIKE.search(body):
            body = body.translate(_CONTROL)
        marked = _START + body.replace("\n", _END + _START) + _END
        codes = np.frombuffer(marked.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        which = np.repeat(np.arange(n), np.fromiter((len(r) + 2 for r in rows), np.int64, n))
        table, bigrams, trigrams = self._parts
        # An n-gram in the model has its shorter n-grams in it too (each was in as many
        # lines at least): pairs are looked up only where both characters are known, and
        # triples where both their pairs are.
        uni = np.where(codes < (1 << 16), table[np.minimum(codes, (1 << 16) - 1)], -1)
        wide = np.flatnonzero(codes >= (1 << 16))
        if len(wide):
            uni[wide] = self._find(codes[wide], 0, bigrams)
        pos = np.flatnonzero((uni[:-1] >= 0) & (uni[1:] >= 0) & (which[:-1] == which[1:]))
        bi = np.full(len(codes), -1, dtype=np.int64)
        bi[pos] = self._find((codes[pos] << _BITS) | codes[pos + 1], bigrams, trigrams)
        tri_pos = np.flatnonzero((bi[:-1] >= 0) & (bi[1:] >= 0))
        tri = self._find((codes[tri_pos] << (2 * _BITS)) | (codes[tri_pos + 1] << _BITS)
                         | codes[tri_pos + 2], trigrams, len(self.keys))
        one = np.flatnonzero(uni >= 0)
        two = pos[bi[pos] >= 0]
        three = tri_pos[tri >= 0]
        line = np.concatenate([which[one], which[two], which[three]])
        col = np.concatenate([uni[one], bi[two], tri[tri >= 0]])
        width = len(self.keys)
        cells, tf = np.unique(line * width + col, return_counts=True)
        row, col = cells // width, cells % width
        value = (np.log(tf) + 1.0) * self.idf[col]
        norm = np.sqrt(np.bincount(row, weights=value * value, minlength=n))
        value /= norm[row]
        z = np.tile(self.intercept, (n, 1))
        if len(row):
            # Cells are sorted by line: each line's run of cells is summed at once.
            starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
            z[row[starts]] += np.add.reduceat(value[:, None] * self.coef[:, col].T, starts)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def digest(self) -> str:
        """A SHA-256 of the model (its roles and weights as saved): what a labeller trained
        with it records."""
        h = hashlib.sha256("\0".join(self.roles).encode("utf-8"))
        for a in (self.keys, self.idf, self.coef, self.intercept):
            h.update(np.ascontiguousarray(a, dtype=np.float32 if a.dtype.kind == "f"
                                          else np.int64).tobytes())
        return h.hexdigest()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as arrays and JSON with a checksum (never a pickle)."""
        from .store import write_arrays

        write_arrays(path, FORMAT, {"roles": list(self.roles), "size": len(self.keys)},
                     {"keys": self.keys, "idf": self.idf.astype(np.float32),
                      "coef": self.coef.astype(np.float32),
                      "intercept": self.intercept.astype(np.float32)})

    @classmethod
    def load(cls, source: str | os.PathLike[str] | bytes, where: str | None = None) -> LineText:
        """The model of a file written by :meth:`save`, checked."""
        from .store import read_arrays

        meta, arrays = read_arrays(source, FORMAT, where)
        name = where or str(source)
        try:
            roles = tuple(str(r) for r in meta["roles"])
            model = cls(arrays["keys"].astype(np.int64), arrays["idf"].astype(np.float64),
                        arrays["coef"].astype(np.float64),
                        arrays["intercept"].astype(np.float64), roles)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{name}: incomplete line-text model ({exc})") from exc
        width = len(model.keys)
        if (model.idf.shape != (width,) or model.coef.shape != (len(roles), width)
                or model.intercept.shape != (len(roles),) or width != meta.get("size")
                or not width or (np.diff(model.keys) <= 0).any()):
            raise ModelError(f"{name}: line-text model arrays of inconsistent shapes")
        return model


def fit_line_text(rows: Sequence[str], roles: Sequence[str], *, C: float = 8.0,
                  min_df: int = 3) -> LineText:
    """Fit the model on lines' stripped text and their roles (scikit-learn, for training
    only); the n-grams of fewer than ``min_df`` lines are left out."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(roles)) < 2:
        raise ModelError("the line-text model needs lines of at least two roles")
    from threadpoolctl import threadpool_limits

    vectorizer = TfidfVectorizer(analyzer=text_grams, min_df=min_df, sublinear_tf=True)
    x = vectorizer.fit_transform(rows)
    # One BLAS thread: the solver's sums then add up in one order whatever the machine, and
    # a model trained again is the packaged one to the last bit.
    with threadpool_limits(limits=1):
        clf = LogisticRegression(C=C, max_iter=3000).fit(x, list(roles))
    grams = sorted(vectorizer.vocabulary_, key=_key)
    order = np.array([vectorizer.vocabulary_[g] for g in grams])
    coef = clf.coef_ if len(clf.classes_) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]]) / 2
    intercept = (clf.intercept_ if len(clf.classes_) > 2
                 else np.array([-clf.intercept_[0], clf.intercept_[0]]) / 2)
    # Weights as the file keeps them (single precision): a fresh model is the saved one.
    return LineText(np.array([_key(g) for g in grams], dtype=np.int64),
                    _single(np.asarray(vectorizer.idf_)[order]),
                    _single(np.asarray(coef)[:, order]), _single(np.asarray(intercept)),
                    tuple(str(c) for c in clf.classes_))


def _single(a: np.ndarray) -> np.ndarray:
    return np.asarray(a, dtype=np.float32).astype(np.float64)
