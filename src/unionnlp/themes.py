"""Paragraph themes: a multi-label scikit-learn classifier trained on labelled paragraphs.

The packaged taxonomy (组织建设, 帮扶救助, 维权, 技能培训) is trained from the
packaged corpus at first use and cached in the user's cache directory; a cache
written by another scikit-learn or unionnlp version is retrained, never trusted.
Users train their own taxonomy with :func:`train_from_jsonl` (``unionnlp train``).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import pickle
import re
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ModelError
from .keyterms import candidates
from .model import THEMES

if TYPE_CHECKING:
    from .keyterms import TermTable

__all__ = [
    "ThemeClassifier",
    "default_classifier",
    "load_classifier",
    "train_from_jsonl",
]

log = logging.getLogger(__name__)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_FORMAT = "unionnlp-themes/1"


def _words(tokens: Sequence[str]) -> list[str]:
    return candidates(tokens, max_phrase=2)


def _chars(tokens: Sequence[str]) -> list[str]:
    out: list[str] = []
    for run in _HAN_RUN.findall("".join(tokens)):
        pairs = list(map(str.__add__, run, run[1:]))
        out += pairs
        out += map(str.__add__, pairs, run[2:])
    return out


def _char_index(vocabulary: Mapping[str, int]) -> tuple[Any, Any]:
    """The character n-gram vocabulary as sorted integer codes (see :func:`_han_ngrams`)."""
    import numpy as np

    codes = np.array([_code(f) for f in vocabulary], dtype=np.int64)
    cols = np.fromiter(vocabulary.values(), np.int64, len(vocabulary))
    order = np.argsort(codes)
    return codes[order], cols[order]


def _code(gram: str) -> int:
    code = 0
    for ch in gram:
        code = code << 16 | ord(ch)
    return code


def _han_ngrams(table: TermTable, codes: Any, cols: Any) -> tuple[Any, Any]:
    """Rows and columns of each character 2- and 3-gram of the pieces' Han runs (as
    :func:`_chars` finds them); a column is -1 when the n-gram is not in the vocabulary."""
    import numpy as np

    texts = ["".join(table.flat[a:b]) for a, b in itertools.pairwise(table.bounds)]
    # One separator per piece, so that no n-gram crosses two.
    big = np.frombuffer("\0".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.cumsum([0] + [len(t) + 1 for t in texts])
    han = (big >= 0x4E00) & (big <= 0x9FFF)
    two = han[:-1] & han[1:]
    p2 = np.flatnonzero(two)
    p3 = np.flatnonzero(two[:-1] & han[2:])
    pos = np.concatenate([p2, p3])
    code = np.concatenate([big[p2] << 16 | big[p2 + 1],
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
    :meth:`fit` between ``min_threshold`` and ``max_threshold``.
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
        if len(docs) < 10 or (y.sum(axis=0) < 2).any():
            raise ModelError("every theme needs at least 2 labelled paragraphs (10 in all)")
        folds = min(5, len(set(groups))) if groups is not None else 5
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
        self.pipeline_ = self._pipeline().fit(docs, y)
        return self

    def _check(self) -> None:
        if not hasattr(self, "pipeline_"):
            raise ModelError("ThemeClassifier is not fitted; call fit() first")

    def predict_proba(self, token_docs: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """Each paragraph's probability of each theme."""
        from .keyterms import TermTable

        return self.predict_table(TermTable(token_docs, max_phrase=2))

    def predict_table(self, table: TermTable) -> list[dict[str, float]]:
        """:meth:`predict_proba` of the pieces of a term table (one per paragraph)."""
        self._check()
        if not table.n_docs:
            return []
        proba = self.pipeline_.named_steps["clf"].predict_proba(self.features(table))
        return [{t: float(row[j]) for j, t in enumerate(self.themes)} for row in proba]

    def features(self, table: TermTable) -> Any:
        """The fitted pipeline's feature matrix of a table's pieces, computed with numpy:
        the same matrix as the pipeline's own vectorizers give, several times faster."""
        import numpy as np
        from scipy.sparse import csr_matrix, hstack
        from sklearn.preprocessing import normalize

        self._check()
        words, chars = (v for _, v in self.pipeline_.named_steps["features"].transformer_list)
        index = self.__dict__.get("_index")
        if index is None:
            index = self.__dict__["_index"] = _char_index(chars.vocabulary_)
        n = table.n_docs
        column = np.array([words.vocabulary_.get(t, -1) for t in table.terms], dtype=np.int64)
        cols = np.concatenate([column[t] for t, _ in table.occurrences[:2]])
        rows = np.concatenate([d for _, d in table.occurrences[:2]])
        blocks = [(rows, cols, words), (*_han_ngrams(table, *index), chars)]
        out = []
        for r, c, vectorizer in blocks:
            keep = c >= 0
            x = csr_matrix((np.ones(int(keep.sum())), (r[keep], c[keep])),
                           shape=(n, len(vectorizer.vocabulary_)))
            x.sum_duplicates()
            if vectorizer.sublinear_tf:
                np.log(x.data, x.data)
                x.data += 1.0
            if vectorizer.use_idf:
                x.data *= vectorizer.idf_[x.indices]
            out.append(normalize(x, norm=vectorizer.norm, copy=False) if vectorizer.norm else x)
        return hstack(out).tocsr()

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_index"}

    def decide(self, scores: Mapping[str, float]) -> tuple[str, ...]:
        """The themes whose probability passes their threshold, in taxonomy order."""
        return tuple(t for t in self.themes if scores.get(t, 0.0) >= self.thresholds_[t])

    def explain(self, tokens: Sequence[str], theme: str, top: int = 5) -> list[tuple[str, float]]:
        """The terms that pushed a paragraph towards ``theme``, with their contributions."""
        self._check()
        if theme not in self.themes:
            from .errors import unknown_name

            raise unknown_name("theme", theme, self.themes)
        features = self.pipeline_.named_steps["features"]
        estimator = self.pipeline_.named_steps["clf"].estimators_[list(self.themes).index(theme)]
        row = features.transform([list(tokens)]).tocsr()
        names = features.get_feature_names_out()
        coef = estimator.coef_[0]
        pairs = [(str(names[i]).split("__", 1)[1], float(v * coef[i]))
                 for i, v in zip(row.indices, row.data, strict=True)]
        pairs = [p for p in pairs if p[1] > 0]
        pairs.sort(key=lambda p: (-p[1], p[0]))
        return pairs[:top]

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the fitted model with the versions it was fitted with."""
        self._check()
        _atomic_pickle(Path(path), {"format": _FORMAT, "versions": _versions(), "model": self})


def _f1(truth: Any, pred: Any) -> float:
    tp = float((truth & pred).sum())
    return 0.0 if tp == 0 else 2 * tp / float(truth.sum() + pred.sum())


def _versions() -> dict[str, str]:
    import sklearn

    from . import __version__

    return {"sklearn": sklearn.__version__, "unionnlp": __version__}


def _atomic_pickle(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def load_classifier(path: str | os.PathLike[str]) -> ThemeClassifier:
    """Load a model saved by :meth:`ThemeClassifier.save` with this scikit-learn version."""
    try:
        with open(path, "rb") as f:
            payload = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
        raise ModelError(f"{path}: cannot load theme model: {exc}") from exc
    if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
        raise ModelError(f"{path}: not a unionnlp theme model")
    if payload.get("versions") != _versions():
        raise ModelError(f"{path}: fitted with {payload.get('versions')}, running {_versions()}; "
                         "retrain it with `unionnlp train`")
    model = payload["model"]
    if not isinstance(model, ThemeClassifier):
        raise ModelError(f"{path}: not a unionnlp theme model")
    return model


def segment_all(texts: Sequence[str], segmenter: str = "auto") -> list[list[str]]:
    """Segment texts (traditional characters read as simplified) for the classifier."""
    from .convert import is_traditional, to_simplified
    from .segment import get_segmenter

    seg = get_segmenter(segmenter)
    return [seg.cut(to_simplified(t) if is_traditional(t) else t) for t in texts]


def _corpus_key() -> str:
    """What the cached model depends on: the corpus, the versions, and the code and word
    lists that turn text into features."""
    from . import keyterms, segment
    from .corpus import load_corpus
    from .resources import read_text
    from .twins import load_twins

    corpus = load_corpus()
    digest = hashlib.sha256()
    for module in (keyterms, segment, sys.modules[__name__]):
        digest.update(Path(str(module.__file__)).read_bytes())
    for name in ("stopwords.txt", "userdict.txt"):
        digest.update(read_text(name).encode())
    for doc in corpus.docs.values():
        digest.update(doc.id.encode() + b"\0" + doc.text.encode())
    for p in corpus.paragraphs:
        digest.update(f"{p.doc}\0{p.text}\0{','.join(p.labels)}\n".encode())
    for twin in load_twins("train"):
        for tp in twin.paragraphs:
            digest.update(f"{twin.id}\0{tp.text}\0{','.join(tp.themes)}\n".encode())
    digest.update(json.dumps(_versions(), sort_keys=True).encode())
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


@cache
def default_classifier(segmenter: str = "auto") -> ThemeClassifier:
    """The packaged taxonomy's model: from the cache when it was fitted by these versions
    on this corpus, otherwise fitted now (a few seconds, segmenting with ``segmenter``;
    every backend gives the same tokens) and cached."""
    from .cache import cache_dir

    path = cache_dir() / f"themes-{_corpus_key()}.pkl"
    if path.exists():
        try:
            return load_classifier(path)
        except ModelError as exc:
            log.info("retraining the theme model: %s", exc)
    model = train_packaged(segmenter=segmenter)
    try:
        model.save(path)
    except OSError as exc:
        log.warning("cannot cache the theme model at %s: %s", path, exc)
    return model


@cache
def get_classifier(path: str | None = None, segmenter: str = "auto") -> ThemeClassifier:
    """The model at ``path`` (loaded once per process), or the packaged one (trained, if it
    must be, with ``segmenter``)."""
    return default_classifier(segmenter) if path is None else load_classifier(path)


def train_from_jsonl(
    labels_path: str | os.PathLike[str], out_path: str | os.PathLike[str]
) -> dict[str, Any]:
    """Train a taxonomy from a JSONL of ``{"text", "labels"}`` lines (``"doc"`` optional,
    to keep a document's paragraphs together while tuning) and save it to ``out_path``.

    An optional first line ``{"themes": {"id": "name", ...}}`` names the themes.
    """
    from .corpus import read_jsonl

    texts: list[str] = []
    labels: list[list[str]] = []
    groups: list[str] = []
    names: dict[str, str] = {}
    try:
        text = Path(labels_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"{labels_path}: cannot read labels: {exc}") from exc
    for number, record in read_jsonl(text, str(labels_path), ModelError):
        if "themes" in record and "text" not in record:
            names.update({str(k): str(v) for k, v in record["themes"].items()})
            continue
        if not isinstance(record.get("labels"), list):
            raise ModelError(f"{labels_path}:{number}: need {{\"text\", \"labels\": [...]}}")
        texts.append(str(record.get("text", "")))
        labels.append([str(x) for x in record["labels"]])
        groups.append(str(record.get("doc", number)))
    ids = sorted({x for row in labels for x in row} | set(names))
    themes = {t: names.get(t, t) for t in ids}
    model = ThemeClassifier(themes=themes).fit(segment_all(texts), labels, groups=groups)
    model.save(out_path)
    return {
        "model": str(out_path),
        "paragraphs": len(texts),
        "themes": themes,
        "counts": {t: sum(t in row for row in labels) for t in ids},
        "thresholds": model.thresholds_,
    }
