"""Paragraph themes: a multi-label scikit-learn classifier trained on labelled paragraphs.

The packaged taxonomy (组织建设, 帮扶救助, 维权, 技能培训) ships fitted, as arrays and JSON
with a checksum (``resources/themes.npz``, written by ``tools/train_models.py``), and is
predicted with numpy: scikit-learn is imported only to train. Users train their own
taxonomy with :func:`train_from_jsonl` (``unionnlp train``), saved the same way.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._regex import regex
from .errors import ModelError
from .keyterms import candidates
from .model import THEMES

if TYPE_CHECKING:
    from .keyterms import TermTable

__all__ = [
    "PACKAGED_MODEL",
    "ThemeClassifier",
    "data_key",
    "default_classifier",
    "get_classifier",
    "load_classifier",
    "read_labels",
    "segment_all",
    "train_from_jsonl",
    "train_packaged",
]

log = logging.getLogger(__name__)
_HAN_RUN = regex(r"[\u4e00-\u9fff]+")
_FORMAT = "unionnlp-themes/2"
#: Characters of text whose features are computed at once (see predict_table).
_CHUNK = 200_000
#: The feature extraction a saved model was fitted with; bumped when _words or _chars change.
_FEATURES = "words-max2+han-1-3gram/3"
#: What the context model reads of a paragraph for each theme, as log-odds: its own words'
#: probability, the paragraphs just before and after it, and the rest of its document's mean
#: (0 where there is none).
CONTEXT = ("own", "previous", "next", "document")
_CONTEXT_PENALTY = 1.0


def _words(tokens: Sequence[str]) -> list[str]:
    return candidates(tokens, max_phrase=2)


def _chars(tokens: Sequence[str]) -> list[str]:
    out: list[str] = []
    for run in _HAN_RUN.findall("".join(tokens)):
        pairs = list(map(str.__add__, run, run[1:]))
        out += run
        out += pairs
        out += map(str.__add__, pairs, run[2:])
    return out


def _char_index(grams: Sequence[str]) -> tuple[Any, Any]:
    """The character n-gram vocabulary (the n-gram of each column) as sorted integer codes
    and their columns (see :func:`_han_ngrams`)."""
    import numpy as np

    # Every n-gram's code at once: its characters' code points, 16 bits apart.
    lengths = np.fromiter(map(len, grams), np.int64, len(grams))
    points = np.frombuffer("".join(grams).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.cumsum(lengths) - lengths
    codes = np.zeros(len(grams), dtype=np.int64)
    for k in range(int(lengths.max(initial=0))):
        longer = lengths > k
        codes[longer] = codes[longer] << 16 | points[starts[longer] + k]
    cols = np.arange(len(grams), dtype=np.int64)
    order = np.argsort(codes)
    return codes[order], cols[order]


def _han_ngrams(table: TermTable, codes: Any, cols: Any, start: int = 0,
                stop: int | None = None) -> tuple[Any, Any]:
    """Rows (counted from ``start``) and columns of each character, 2- and 3-gram of the Han
    runs of pieces ``start``..``stop - 1`` (as :func:`_chars` finds them); a column is -1
    when the n-gram is not in the vocabulary."""
    import numpy as np

    bounds = table.bounds[start:(table.n_docs if stop is None else stop) + 1]
    texts = ["".join(table.flat[a:b]) for a, b in itertools.pairwise(bounds)]
    # One separator per piece, so that no n-gram crosses two.
    big = np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts])
    han = (big >= 0x4E00) & (big <= 0x9FFF)
    two = han[:-1] & han[1:]
    p1 = np.flatnonzero(han)
    p2 = np.flatnonzero(two)
    p3 = np.flatnonzero(two[:-1] & han[2:])
    pos = np.concatenate([p1, p2, p3])
    code = np.concatenate([big[p1], big[p2] << 16 | big[p2 + 1],
                           big[p3] << 32 | big[p3 + 1] << 16 | big[p3 + 2]])
    if not len(codes):
        return pos, np.full(len(pos), -1)
    distinct, inverse = np.unique(code, return_inverse=True)
    at = np.minimum(np.searchsorted(codes, distinct), len(codes) - 1)
    column = np.where(codes[at] == distinct, cols[at], -1)[inverse]
    return np.searchsorted(starts, pos, side="right") - 1, column


class ThemeClassifier:
    """Multi-label theme classifier over segmented paragraphs (scikit-learn conventions).

    ``themes`` maps theme ids to display names; ``C`` is the logistic regression's
    inverse regularisation; per-theme thresholds are tuned by cross-validation in
    :meth:`fit` between ``min_threshold`` and ``max_threshold``; fitted with document ids,
    it also learns to read a paragraph in its document (:meth:`in_context`). scikit-learn
    fits; the fitted model is plain arrays, predicted with numpy and saved without pickle.
    """

    def __init__(
        self,
        *,
        themes: Mapping[str, str] = THEMES,
        C: float = 4.0,
        min_threshold: float = 0.25,
        max_threshold: float = 0.6,
        segmenter: str = "auto",
    ) -> None:
        self.themes = dict(themes)
        self.C = C
        self.min_threshold = min_threshold
        self.max_threshold = max_threshold
        self.segmenter = segmenter

    def _pipeline(self) -> Any:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.pipeline import FeatureUnion, Pipeline

        features = FeatureUnion([
            ("words", TfidfVectorizer(analyzer=_words, sublinear_tf=True, min_df=2)),
            ("chars", TfidfVectorizer(analyzer=_chars, sublinear_tf=True, min_df=2)),
        ])
        clf = OneVsRestClassifier(LogisticRegression(
            C=self.C, class_weight="balanced", solver="liblinear", dual=True, max_iter=5000,
            random_state=0))
        return Pipeline([("features", features), ("clf", clf)])

    def _matrix(self, labels: Sequence[Sequence[str]]) -> Any:
        import numpy as np

        ids = list(self.themes)
        unknown = {x for row in labels for x in row} - set(ids)
        if unknown:
            raise ModelError(f"labels not in the taxonomy: {sorted(unknown)}")
        return np.array([[t in row for t in ids] for row in labels], dtype=int)

    def fit(
        self,
        token_docs: Sequence[Sequence[str]],
        labels: Sequence[Sequence[str]],
        groups: Sequence[str] | None = None,
    ) -> ThemeClassifier:
        """Fit on segmented paragraphs and their label lists; ``groups`` (document ids)
        keep a document's paragraphs in one fold while thresholds are tuned."""
        import numpy as np
        from sklearn.model_selection import GroupKFold, KFold

        y = self._matrix(labels)
        docs = [list(t) for t in token_docs]
        if len(docs) < 10 or (y.sum(axis=0) < 2).any() or (y.sum(axis=0) > len(y) - 2).any():
            raise ModelError("every theme needs at least 2 paragraphs with it and 2 without "
                             "(10 in all)")
        folds = min(5, len(set(groups))) if groups is not None else 5
        if folds < 2:
            raise ModelError("the labelled paragraphs need at least 2 distinct documents")
        splitter = GroupKFold(folds) if groups is not None else KFold(folds, shuffle=True,
                                                                       random_state=0)
        oof = np.zeros(y.shape)
        for train, test in splitter.split(docs, y, groups):
            part = self._pipeline().fit([docs[i] for i in train], y[train])
            oof[test] = part.predict_proba([docs[i] for i in test])
        grid = [float(g) for g in
                np.round(np.arange(self.min_threshold, self.max_threshold + 1e-9, 0.025), 3)]
        self.thresholds_: dict[str, float] = {}
        for j, t in enumerate(self.themes):
            ranked = [(_f1(y[:, j], oof[:, j] >= g), -abs(g - 0.5), g) for g in grid]
            self.thresholds_[t] = max(ranked)[2]
        decided = oof >= np.array([self.thresholds_[t] for t in self.themes])
        self.context_coef_: Any = None
        if groups is not None:
            decided = self._fit_context(oof, y, list(groups), splitter)
        # What cross-validation says of the tuned model (thresholds tuned on the same folds,
        # so slightly optimistic): per-theme precision, recall and F1.
        from .metrics import score

        ids = list(self.themes)
        truth = [tuple(t for j, t in enumerate(ids) if y[i, j]) for i in range(len(docs))]
        found = [tuple(t for j, t in enumerate(ids) if decided[i, j]) for i in range(len(docs))]
        self.cv_: dict[str, Any] = score(truth, found, ids)
        self._adopt(self._pipeline().fit(docs, y))
        self.data_key_: str | None = None
        return self

    def _fit_context(self, oof: Any, y: Any, groups: list[str], splitter: Any) -> Any:
        """Learn, per theme, how much the paragraph's neighbours and the rest of its document
        move its own log-odds (:data:`CONTEXT`; a paragraph that mentions aid among aid
        paragraphs is more likely about aid than its words alone say), from the
        out-of-fold probabilities, with the threshold tuned on nested folds. Returns the
        cross-validated decisions."""
        import numpy as np

        x = np.zeros((*oof.shape, len(CONTEXT)))
        for rows in _documents(groups):
            x[rows] = _context(oof[rows])
        inner = np.zeros(oof.shape)
        for train, test in splitter.split(x, y, groups):
            for j in range(len(self.themes)):
                coef, intercept = _logistic(x[train, j], y[train, j])
                inner[test, j] = _expit(x[test, j] @ coef + intercept)
        grid = [float(g) for g in np.round(np.arange(0.05, 0.95 + 1e-9, 0.025), 3)]
        self.context_coef_ = np.zeros((len(self.themes), len(CONTEXT)))
        self.context_intercept_ = np.zeros(len(self.themes))
        self.context_thresholds_: dict[str, float] = {}
        for j, t in enumerate(self.themes):
            self.context_coef_[j], self.context_intercept_[j] = _logistic(x[:, j], y[:, j])
            self.context_thresholds_[t] = max(
                (_f1(y[:, j], inner[:, j] >= g), -abs(g - 0.5), g) for g in grid)[2]
        return inner >= np.array([self.context_thresholds_[t] for t in self.themes])

    def in_context(self, scores: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
        """Each theme's probability for the paragraphs of one document (in order), given
        what its neighbours and the rest of the document say: the probabilities themes are
        decided on (:meth:`decide` with ``in_context=True``). A model without a context
        part gives the scores back."""
        import numpy as np

        coef = self.context_coef_
        if coef is None or not len(scores):
            return [dict(s) for s in scores]
        ids = list(self.themes)
        probs = np.array([[s[t] for t in ids] for s in scores], dtype=np.float64)
        z = np.einsum("ntk,tk->nt", _context(probs), coef) + self.context_intercept_
        return [dict(zip(ids, row, strict=True)) for row in _expit(z).tolist()]

    def _adopt(self, pipeline: Any) -> None:
        """Keep a fitted pipeline's vocabularies, IDFs and weights as plain arrays."""
        import numpy as np

        words, chars = (v for _, v in pipeline.named_steps["features"].transformer_list)
        estimators = pipeline.named_steps["clf"].estimators_
        self.word_terms_ = sorted(words.vocabulary_, key=words.vocabulary_.__getitem__)
        self.char_grams_ = sorted(chars.vocabulary_, key=chars.vocabulary_.__getitem__)
        self.word_idf_ = np.asarray(words.idf_, dtype=np.float64)
        self.char_idf_ = np.asarray(chars.idf_, dtype=np.float64)
        self.coef_ = np.vstack([e.coef_[0] for e in estimators]).astype(np.float64)
        self.intercept_ = np.array([e.intercept_[0] for e in estimators], dtype=np.float64)

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise ModelError("ThemeClassifier is not fitted; call fit() first")

    def predict_proba(self, token_docs: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """Each paragraph's probability of each theme."""
        from .keyterms import TermTable

        return self.predict_table(TermTable(token_docs, max_phrase=2))

    def predict_table(self, table: TermTable) -> list[dict[str, float]]:
        """:meth:`predict_proba` of the pieces of a term table (one per paragraph)."""
        import numpy as np

        self._check()
        out: list[dict[str, float]] = []
        # A few hundred thousand characters at a time: the features of a whole large text
        # at once took about 45 MB per MB of text; each paragraph is scored on its own.
        column = self.word_columns(table, pairs_only=True)
        start = 0
        while start < table.n_docs:
            stop = start + 1
            while stop < table.n_docs and table.bounds[stop + 1] - table.bounds[start] < _CHUNK:
                stop += 1
            rows, cols, values = self.features(table, start, stop, column)
            z = np.zeros((stop - start, len(self.themes)))
            if len(rows):
                # Cells are sorted by row: each paragraph's run of cells is summed at once.
                starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
                z[rows[starts]] = np.add.reduceat(values[:, None] * self.coef_[:, cols].T,
                                                  starts)
            proba = 1.0 / (1.0 + np.exp(-(z + self.intercept_)))
            themes = list(self.themes)
            out += [dict(zip(themes, row, strict=True)) for row in proba.tolist()]
            start = stop
        return out

    def _indexes(self) -> tuple[dict[str, int], Any, Any]:
        index = self.__dict__.get("_index")
        if index is None:
            words = {t: i for i, t in enumerate(self.word_terms_)}
            chars = _char_index(self.char_grams_)
            index = self.__dict__["_index"] = (words, *chars)
        return index

    def word_columns(self, table: TermTable, *, pairs_only: bool = False) -> Any:
        """Each term of ``table``'s column among the model's word features (-1: none);
        with ``pairs_only``, of the terms that are a word or two only (the features hold no
        longer phrase): a table numbers those first, so the array is a prefix."""
        import numpy as np

        words = self._indexes()[0]
        count = (sum(len(ids) for ids, _ in table.splits[:2]) if pairs_only
                 else len(table.terms))
        return np.fromiter(map(words.get, table.terms[:count], itertools.repeat(-1)), np.int64,
                           count)

    def features(self, table: TermTable, start: int = 0, stop: int | None = None,
                 column: Any = None) -> tuple[Any, Any, Any]:
        """The model's TF-IDF features of a table's pieces ``start``..``stop - 1`` as (row,
        column, value) arrays sorted by row (counted from ``start``) and column: sublinear
        term frequency times IDF, each of the two blocks (words, then character n-grams)
        L2-normalised per row, as scikit-learn's vectorizers compute them in :meth:`fit`."""
        import numpy as np

        self._check()
        stop = table.n_docs if stop is None else stop
        _, codes, char_cols = self._indexes()
        n = stop - start
        if column is None:
            column = self.word_columns(table, pairs_only=True)
        word_rows, word_cols = [], []
        for terms, docs in table.occurrences[:2]:
            a, b = np.searchsorted(docs, [start, stop])
            word_rows.append(docs[a:b] - start)
            word_cols.append(column[terms[a:b]])
        char_rows, char_cols_found = _han_ngrams(table, codes, char_cols, start, stop)
        n_words = len(self.word_idf_)
        rows = np.concatenate([*word_rows, char_rows])
        cols = np.concatenate([*word_cols, char_cols_found + n_words])
        # Both blocks counted at once: a character n-gram's column follows every word's, so
        # the cells come out sorted by row, then column (words first), as two counts and a
        # sort by row and column would give them; out-of-vocabulary ones are dropped.
        keep = np.concatenate([np.concatenate(word_cols) >= 0, char_cols_found >= 0])
        width = n_words + len(self.char_idf_)
        cells, tf = np.unique(rows[keep] * width + cols[keep], return_counts=True)
        rows, cols = cells // width, cells % width
        values = (np.log(tf) + 1.0) * self._idf()[cols]
        # Each block L2-normalised per row: its squares summed in the order of its cells.
        block = rows * 2 + (cols >= n_words)
        norms = np.sqrt(np.bincount(block, weights=values * values, minlength=2 * n))
        return rows, cols, values / norms[block]

    def _idf(self) -> Any:
        """The word IDFs followed by the character n-gram IDFs, one array per model."""
        import numpy as np

        cached = self.__dict__.get("_both_idf")
        if cached is None or cached[0] is not self.word_idf_ or cached[1] is not self.char_idf_:
            cached = (self.word_idf_, self.char_idf_,
                      np.concatenate([self.word_idf_, self.char_idf_]))
            self.__dict__["_both_idf"] = cached
        return cached[2]

    def evidence(self, quantile: float = 0.9) -> frozenset[str]:
        """The words weighed most for some theme: those whose largest weight is above
        ``quantile`` of all words' (the keywords keep such set phrases, e.g. 拖欠工资)."""
        terms = self.word_terms_
        best = self.coef_[:, :len(terms)].max(axis=0)
        bar = _quantile(best, quantile)
        return frozenset(t for t, w in zip(terms, best, strict=True) if w >= bar)

    def decide(self, scores: Mapping[str, float], *, in_context: bool = False
               ) -> tuple[str, ...]:
        """The themes whose probability passes their threshold, in taxonomy order
        (``in_context``: the thresholds of probabilities from :meth:`in_context`)."""
        bars = self.thresholds_
        if in_context and self.context_coef_ is not None:
            bars = self.context_thresholds_
        return tuple(t for t in self.themes if scores.get(t, 0.0) >= bars[t])

    def decide_document(self, scores: Sequence[Mapping[str, float]]) -> list[tuple[str, ...]]:
        """The themes of each paragraph of one document (in order), read in context."""
        return [self.decide(s, in_context=True) for s in self.in_context(scores)]

    def decide_documents(self, scores: Sequence[Mapping[str, float]],
                         groups: Sequence[str]) -> list[tuple[str, ...]]:
        """:meth:`decide_document` of paragraphs of several documents (``groups``: each
        paragraph's document id; a document's paragraphs in order)."""
        found: list[tuple[str, ...]] = [()] * len(scores)
        for rows in _documents(groups):
            for i, themes in zip(rows, self.decide_document([scores[i] for i in rows]),
                                 strict=True):
                found[i] = themes
        return found

    def explain(self, tokens: Sequence[str], theme: str, top: int = 5) -> list[tuple[str, float]]:
        """The terms that pushed a paragraph towards ``theme``, with their contributions
        (a term that is both a word and a character n-gram feature is listed once)."""
        from .keyterms import TermTable

        self._check()
        if theme not in self.themes:
            from .errors import unknown_name

            raise unknown_name("theme", theme, self.themes)
        _, cols, values = self.features(TermTable([list(tokens)], max_phrase=2))
        coef = self.coef_[list(self.themes).index(theme)]
        n_words = len(self.word_terms_)
        totals: dict[str, float] = {}
        for c, v in zip(cols.tolist(), values.tolist(), strict=True):
            name = self.word_terms_[c] if c < n_words else self.char_grams_[c - n_words]
            totals[name] = totals.get(name, 0.0) + v * float(coef[c])
        pairs = sorted(((k, v) for k, v in totals.items() if v > 0), key=lambda p: (-p[1], p[0]))
        return pairs[:top]

    def save(self, path: str | os.PathLike[str], *, data_key: str | None = None) -> None:
        """Write the fitted model as arrays and JSON with a checksum (never a pickle);
        ``data_key`` records what it was trained on (see :func:`data_key`)."""
        from . import __version__
        from .store import pack_strings, write_arrays

        self._check()
        meta = {"features": _FEATURES, "themes": [[k, v] for k, v in self.themes.items()], "thresholds": self.thresholds_,
                "C": self.C, "min_threshold": self.min_threshold,
                "max_threshold": self.max_threshold, "unionnlp": __version__,
                "n_words": len(self.word_terms_), "n_chars": len(self.char_grams_),
                "data": data_key, "context": None}
        arrays = {
            "word_terms": pack_strings(self.word_terms_), "word_idf": self.word_idf_,
            "char_grams": pack_strings(self.char_grams_), "char_idf": self.char_idf_,
            "coef": self.coef_, "intercept": self.intercept_}
        if self.context_coef_ is not None:
            meta["context"] = {"features": list(CONTEXT), "thresholds": self.context_thresholds_}
            arrays.update(context_coef=self.context_coef_,
                          context_intercept=self.context_intercept_)
        write_arrays(path, _FORMAT, meta, arrays)

    @classmethod
    def from_arrays(cls, meta: Mapping[str, Any], arrays: Mapping[str, Any],
                    where: str) -> ThemeClassifier:
        """The model of a file's metadata and arrays (see :meth:`save`), checked."""
        from .store import unpack_strings

        if meta.get("features") != _FEATURES:
            raise ModelError(f"{where}: built with features {meta.get('features')!r}, this "
                             f"unionnlp uses {_FEATURES!r}; retrain it with `unionnlp train`")
        try:
            themes = {str(k): str(v) for k, v in meta["themes"]}
            model = cls(themes=themes, C=float(meta["C"]),
                        min_threshold=float(meta["min_threshold"]),
                        max_threshold=float(meta["max_threshold"]))
            model.thresholds_ = {t: float(meta["thresholds"][t]) for t in themes}
            model.word_terms_ = unpack_strings(arrays["word_terms"], int(meta["n_words"]))
            model.char_grams_ = unpack_strings(arrays["char_grams"], int(meta["n_chars"]))
            model.word_idf_ = arrays["word_idf"].astype(float)
            model.char_idf_ = arrays["char_idf"].astype(float)
            model.coef_ = arrays["coef"].astype(float)
            model.intercept_ = arrays["intercept"].astype(float)
            model.data_key_ = meta.get("data")
            model.context_coef_ = None
            context = meta.get("context")
            if context is not None:
                if list(context["features"]) != list(CONTEXT):
                    raise ValueError(f"context features {context['features']!r}")
                model.context_thresholds_ = {t: float(context["thresholds"][t]) for t in themes}
                model.context_coef_ = arrays["context_coef"].astype(float)
                model.context_intercept_ = arrays["context_intercept"].astype(float)
                if (model.context_coef_.shape != (len(themes), len(CONTEXT))
                        or model.context_intercept_.shape != (len(themes),)):
                    raise ValueError("context arrays of inconsistent shapes")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{where}: incomplete theme model ({exc})") from exc
        shapes = (model.word_idf_.shape, model.char_idf_.shape, model.coef_.shape,
                  model.intercept_.shape)
        width = len(model.word_terms_) + len(model.char_grams_)
        if shapes != ((len(model.word_terms_),), (len(model.char_grams_),),
                      (len(themes), width), (len(themes),)):
            raise ModelError(f"{where}: theme model arrays of inconsistent shapes {shapes}")
        return model


def _documents(groups: Sequence[str]) -> list[list[int]]:
    """The rows of each document, in the order its paragraphs are listed."""
    rows: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        rows.setdefault(g, []).append(i)
    return list(rows.values())


def _context(probs: Any) -> Any:
    """The :data:`CONTEXT` log-odds of each paragraph of one document and each theme
    (rows: paragraphs in order; columns: themes)."""
    import numpy as np

    p = np.clip(probs, 1e-4, 1 - 1e-4)
    own = np.log(p / (1 - p))
    out = np.zeros((*p.shape, len(CONTEXT)))
    out[:, :, 0] = own
    out[1:, :, 1] = own[:-1]
    out[:-1, :, 2] = own[1:]
    n = len(p)
    if n > 1:
        rest = np.clip((p.sum(axis=0) - p) / (n - 1), 1e-4, 1 - 1e-4)
        out[:, :, 3] = np.log(rest / (1 - rest))
    return out


def _expit(z: Any) -> Any:
    import numpy as np

    return 1.0 / (1.0 + np.exp(-z))


def _logistic(x: Any, y: Any, iterations: int = 50) -> tuple[Any, float]:
    """Weights and intercept of a logistic regression of ``y`` on the :data:`CONTEXT`
    columns ``x`` whose first column (the paragraph's own log-odds) keeps the weight 1: the
    context moves the paragraph's own verdict, and a model that is more sure than the
    folds it was tuned on stays so. The other weights have an L2 penalty of
    :data:`_CONTEXT_PENALTY`; solved by Newton's method."""
    import numpy as np

    own, rest = x[:, 0], np.c_[x[:, 1:], np.ones(len(x))]
    w = np.zeros(rest.shape[1])
    if y.min() == y.max():  # a fold without the theme (or only with it): its own verdict
        return np.r_[1.0, w[:-1]], 0.0
    penalty = np.r_[np.full(rest.shape[1] - 1, _CONTEXT_PENALTY), 1e-6]
    for _ in range(iterations):
        p = _expit(own + rest @ w)
        step = np.linalg.solve((rest * (p * (1 - p))[:, None]).T @ rest + np.diag(penalty),
                               rest.T @ (p - y) + penalty * w)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return np.r_[1.0, w[:-1]], float(w[-1])


def _f1(truth: Any, pred: Any) -> float:
    tp = float((truth & pred).sum())
    return 0.0 if tp == 0 else 2 * tp / float(truth.sum() + pred.sum())


def load_classifier(path: str | os.PathLike[str]) -> ThemeClassifier:
    """Load a model saved by :meth:`ThemeClassifier.save` (checked, never unpickled)."""
    from .store import read_arrays

    meta, arrays = read_arrays(path, _FORMAT)
    return ThemeClassifier.from_arrays(meta, arrays, str(path))


def segment_all(texts: Sequence[str], segmenter: str = "auto") -> list[list[str]]:
    """Segment texts for the classifier exactly as analysis does
    (:func:`unionnlp.segment.cut_for_analysis`), so training and tagging read alike."""
    from .segment import cut_for_analysis

    return [cut_for_analysis(t, segmenter) for t in texts]


def data_key() -> str:
    """What the packaged model is trained from: the written corpus, the train twins'
    paragraphs, the word lists that shape segmentation and features, the feature version.
    The packaged model records it; a test fails when the model was not retrained after a
    change (``python tools/train_models.py``)."""
    from .corpus import load_corpus
    from .resources import read_text
    from .twins import load_twins

    corpus = load_corpus()
    digest = hashlib.sha256(_FEATURES.encode())
    for name in ("stopwords.txt", "userdict.txt"):
        digest.update(read_text(name).encode())
    for doc in corpus.docs.values():
        digest.update(doc.id.encode() + b"\0" + doc.text.encode())
    for p in corpus.paragraphs:
        digest.update(f"{p.doc}\0{p.text}\0{','.join(p.labels)}\n".encode())
    for twin in load_twins("train"):
        for tp in twin.paragraphs:
            digest.update(f"{twin.id}\0{tp.text}\0{','.join(tp.themes)}\n".encode())
    return digest.hexdigest()[:16]


def train_packaged(split: str | None = None, segmenter: str = "auto") -> ThemeClassifier:
    """Fit the packaged taxonomy on the written corpus (all of it, or one split) and the
    paragraphs of the real-shaped twins' train split (never the held-out twins)."""
    from .corpus import load_corpus
    from .twins import load_twins

    corpus = load_corpus()
    if split is not None:
        corpus = corpus.split(split)
    texts = [p.text for p in corpus.paragraphs]
    labels = [p.labels for p in corpus.paragraphs]
    groups = [p.doc for p in corpus.paragraphs]
    for twin in load_twins("train"):
        for tp in twin.paragraphs:
            texts.append(tp.text)
            labels.append(tp.themes)
            groups.append(f"real/{twin.id}")
    return ThemeClassifier(segmenter=segmenter).fit(segment_all(texts, segmenter), labels,
                                                    groups=groups)


#: Where the packaged model ships, relative to the package.
PACKAGED_MODEL = "resources/themes.npz"


@cache
def default_classifier() -> ThemeClassifier:
    """The packaged taxonomy's model, shipped fitted in the package (see ``train_packaged``)."""
    from .store import packaged, read_arrays

    meta, arrays = read_arrays(packaged(PACKAGED_MODEL, "theme model"), _FORMAT, PACKAGED_MODEL)
    return ThemeClassifier.from_arrays(meta, arrays, PACKAGED_MODEL)


@cache
def get_classifier(path: str | None = None) -> ThemeClassifier:
    """The model at ``path`` (loaded once per process), or the packaged one."""
    return default_classifier() if path is None else load_classifier(path)


def read_labels(labels_path: str | os.PathLike[str]
                ) -> tuple[list[str], list[list[str]], list[str], dict[str, str]]:
    """The paragraphs, label lists, document ids and theme names of a labels JSONL
    (``{"text", "labels", "doc"}`` lines, an optional ``{"themes": {...}}`` line)."""
    from .corpus import read_jsonl

    texts: list[str] = []
    labels: list[list[str]] = []
    groups: list[str] = []
    names: dict[str, str] = {}
    try:
        text = Path(labels_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{labels_path}: cannot read labels: {exc}") from exc
    shape = 'need {"text": "...", "labels": ["theme", ...]}'
    for number, record in read_jsonl(text, str(labels_path), ModelError):
        if "themes" in record and "text" not in record:
            if not isinstance(record["themes"], dict):
                raise ModelError(f'{labels_path}:{number}: need {{"themes": {{"id": "name"}}}}')
            names.update({str(k): str(v) for k, v in record["themes"].items()})
            continue
        found = record.get("labels")
        if (not isinstance(record.get("text"), str) or not isinstance(found, list)
                or not all(isinstance(x, str) and x for x in found)):
            raise ModelError(f"{labels_path}:{number}: {shape}")
        texts.append(record["text"])
        labels.append(list(found))
        groups.append(str(record.get("doc", number)))
    return texts, labels, groups, names


def train_from_jsonl(
    labels_path: str | os.PathLike[str], out_path: str | os.PathLike[str]
) -> dict[str, Any]:
    """Train a taxonomy from a JSONL of ``{"text", "labels"}`` lines (``"doc"`` optional,
    to keep a document's paragraphs together while tuning) and save it to ``out_path``.

    An optional first line ``{"themes": {"id": "name", ...}}`` names the themes.
    """
    texts, labels, groups, names = read_labels(labels_path)
    ids = sorted({x for row in labels for x in row} | set(names))
    themes = {t: names.get(t, t) for t in ids}
    try:
        model = ThemeClassifier(themes=themes).fit(segment_all(texts), labels, groups=groups)
    except ModelError as exc:
        raise ModelError(f"{labels_path}: {exc}") from exc
    except ValueError as exc:  # scikit-learn: e.g. no paragraph has a usable word
        raise ModelError(f"{labels_path}: cannot train on these paragraphs ({exc})") from exc
    try:
        model.save(out_path)
    except OSError as exc:
        raise ModelError(f"{out_path}: cannot write the model ({exc.strerror or exc})") from exc
    return {
        "model": str(out_path),
        "paragraphs": len(texts),
        "themes": themes,
        "counts": {t: sum(t in row for row in labels) for t in ids},
        "thresholds": model.thresholds_,
        "cross_validation": model.cv_,
    }


def _quantile(values: Any, q: float) -> float:
    """``numpy.quantile(values, q)`` (its default, linear method) to the last bit, without
    the masked-array module numpy imports for it on first use (a fresh process's 30 ms)."""
    import numpy as np

    position = (len(values) - 1) * q
    low = int(np.floor(position))
    high = min(low + 1, len(values) - 1)
    part = np.partition(values, (low, high))
    a, b, t = part[low], part[high], position - low
    return float(b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t)
