"""Which sentences a reader's summary would take: a logistic model learned from the reference
summaries that annotators wrote for the real-shaped train twins.

Each candidate sentence is described by its place in the report (paragraph, section,
article), its centrality in the sentence graph, what it states (figures, slogans, the
report's keywords, words of its title or heading) and its characters and character pairs
(TF-IDF). The model is fitted on sentences labelled by a greedy ROUGE-L oracle against the
references and ships as arrays and JSON with a checksum (``resources/sentences.npz``); it
predicts with numpy alone.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "FEATURES", "PACKAGED_SENTENCES", "TOP_TERMS", "Placed", "SentenceModel", "data_key",
    "default_sentence_model", "features", "lcs", "oracle", "references", "rouge_l",
    "train_references",
]

#: Where the packaged model ships, relative to the package.
PACKAGED_SENTENCES = "resources/sentences.npz"
_FORMAT = "unionnlp-sentences/1"

#: The numeric features, in the order of :func:`features`' columns.
FEATURES = (
    "log_textrank", "log_rank", "mass", "log_chars", "figures", "has_figure", "slogan",
    "keywords", "lead_in", "themed", "log_paragraph_chars", "first_in_paragraph",
    "place_in_paragraph", "paragraph_share", "sentence_share", "first_sentence",
    "first_paragraph", "among_first_three", "title_words", "heading_words", "first_article",
    "section", "first_in_section", "has_heading", "log_sentences",
)
#: How many of the report's keywords the ``keywords`` feature looks for.
TOP_TERMS = 10
#: How much the character features weigh beside the standardised numeric ones, and the
#: inverse regularisation of the fit (chosen in 5-fold CV on the train references).
_GRAM_WEIGHT = 2.0
_C = 0.3
_MIN_DF = 5
_CHUNK = 2048


@dataclass(frozen=True)
class Placed:
    """A candidate sentence and where it stands: its text (as the analysis reads it), its
    place in its paragraph, the paragraph's index in the report and what the structure
    says about that paragraph."""

    text: str
    position: int
    paragraph: int
    mass: float
    article: int
    section: int
    in_section: int
    title: str
    heading: str
    lead_in: bool
    themed: bool
    paragraph_chars: int


def _alnum(text: str) -> str:
    return "".join(filter(str.isalnum, text))


def _pairs(letters: str) -> Counter[str]:
    """The pairs of adjacent characters of a string (of :func:`_alnum`)."""
    return Counter(map(operator.add, letters, letters[1:]))


def _share(pairs: Counter[str], other: Counter[str]) -> float:
    """The share of a sentence's character pairs that another text holds too."""
    if not other or not pairs:
        return 0.0
    # Read over the other text's pairs: a title's or a headline's, fewer than a sentence's.
    common = sum(min(n, pairs[g]) for g, n in other.items() if g in pairs)
    return common / max(1, sum(pairs.values()))


def features(placed: Sequence[Placed], textrank: Any, rank: Any,
             keywords: Sequence[str], paragraphs: int) -> np.ndarray:
    """The numeric features (:data:`FEATURES`) of each candidate, one row each.

    ``textrank`` is each sentence's centrality in the graph (1 for the most central, 0
    outside it), ``rank`` the same weighed by content and figures, ``keywords`` the report's
    :data:`TOP_TERMS` best terms."""
    import numpy as np

    from .keyterms import has_slogan
    from .summarize import FIGURE

    n = len(placed)
    out = np.zeros((n, len(FEATURES)))
    lines: dict[str, Counter[str]] = {}  # titles' and headings' pairs, counted once each
    for p in placed:
        for line in (p.title, p.heading):
            if line not in lines:
                lines[line] = _pairs(_alnum(line))
    for i, (p, tr, rk) in enumerate(zip(placed, textrank, rank, strict=True)):
        letters = _alnum(p.text)
        pairs = _pairs(letters)
        figures = len(FIGURE.findall(p.text))
        out[i] = (
            math.log(tr + 1e-3), math.log(rk + 1e-6), p.mass, math.log(max(1, len(letters))),
            min(figures, 4), figures > 0, has_slogan(p.text),
            min(sum(1 for k in keywords if k in p.text), 5), p.lead_in, p.themed,
            math.log(p.paragraph_chars + 1), p.position == 0, min(p.position, 5),
            p.paragraph / max(1, paragraphs), i / max(1, n), i == 0, p.paragraph == 0, i < 3,
            _share(pairs, lines[p.title]), _share(pairs, lines[p.heading]), p.article == 0, min(p.section, 5),
            p.in_section == 0, bool(p.heading), math.log(max(1, n)),
        )
    return out


def _fold(text: str) -> str:
    """A sentence as its characters are read: runs of white space as one space, lower case."""
    return " ".join(text.split()).lower()


def _grams(text: str) -> Counter[str]:
    """A sentence's characters and pairs of adjacent characters (spaces folded)."""
    s = _fold(text)
    return Counter([*s, *map(operator.add, s, s[1:])])


#: A pair of characters as one integer: (first + 1) · _PAIR + second, above every character.
_PAIR = 0x110000


def _code(gram: str) -> int:
    """A character's code point, or a pair's code (see :data:`_PAIR`)."""
    return ord(gram) if len(gram) == 1 else (ord(gram[0]) + 1) * _PAIR + ord(gram[1])


class SentenceModel:
    """The fitted model: standardisation and weights of the numeric features, the character
    vocabulary with its IDF and weights, and the intercept."""

    def __init__(self, mean: Any, scale: Any, coef: Any, grams: Sequence[str], idf: Any,
                 gram_coef: Any, intercept: float, *, data: str | None = None) -> None:
        import numpy as np

        self.mean, self.scale = np.asarray(mean, float), np.asarray(scale, float)
        self.coef = np.asarray(coef, float)
        self.grams = list(grams)
        self.idf, self.gram_coef = np.asarray(idf, float), np.asarray(gram_coef, float)
        self.intercept = float(intercept)
        self.data = data
        codes = np.array([_code(g) for g in self.grams], dtype=np.int64)
        self._columns = np.argsort(codes, kind="stable")
        self._codes = codes[self._columns]
        if not (len(self.mean) == len(self.scale) == len(self.coef) == len(FEATURES)
                and len(self.idf) == len(self.gram_coef) == len(self.grams)):
            from .errors import ModelError

            raise ModelError("sentence model arrays do not match its features")

    def _gram_rows(self, texts: Sequence[str]) -> tuple[Any, Any, Any]:
        """The texts' l2-normalised TF-IDF rows over the vocabulary (rows, columns, values),
        found with arrays: each character and pair of characters as one integer code."""
        import numpy as np

        folded = [_fold(t) for t in texts]
        lengths = np.fromiter(map(len, folded), np.int64, len(folded))
        chars = np.frombuffer("".join(folded).encode("utf-32-le"), dtype=np.uint32)
        chars = chars.astype(np.int64)
        owner = np.repeat(np.arange(len(folded)), lengths)
        within = owner[:-1] == owner[1:]  # pairs never span two texts
        codes = np.concatenate([chars, ((chars[:-1] + 1) * _PAIR + chars[1:])[within]])
        owner = np.concatenate([owner, owner[:-1][within]])
        width = len(self.grams)
        if width and len(codes):
            at = np.minimum(np.searchsorted(self._codes, codes), width - 1)
            hit = self._codes[at] == codes
            cells, counts = np.unique(owner[hit] * width + self._columns[at[hit]],
                                      return_counts=True)
        else:
            cells, counts = np.zeros(0, np.int64), np.zeros(0, np.int64)
        row, col = cells // max(1, width), cells % max(1, width)
        values = (1.0 + np.log(counts)) * self.idf[col]
        norm = np.sqrt(np.bincount(row, weights=values ** 2, minlength=len(texts)))
        return row, col, values / np.where(norm > 0, norm, 1.0)[row]

    def scores(self, texts: Sequence[str], numeric: Any) -> Any:
        """The probability that each sentence belongs in a reader's summary."""
        import numpy as np

        z = ((np.asarray(numeric, float) - self.mean) / self.scale) @ self.coef + self.intercept
        # A few thousand sentences at a time: a large text's grams, held all at once as
        # Python lists, would take many times the text's size.
        for start in range(0, len(texts), _CHUNK):
            part = texts[start:start + _CHUNK]
            row, col, values = self._gram_rows(part)
            z[start:start + len(part)] += np.bincount(
                row, weights=values * self.gram_coef[col] * _GRAM_WEIGHT, minlength=len(part))
        return 1.0 / (1.0 + np.exp(-z))

    @classmethod
    def fit(cls, texts: Sequence[str], numeric: Any, labels: Sequence[int]) -> SentenceModel:
        """Fit on candidate sentences (all documents' together) and their oracle labels."""
        import numpy as np
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression

        x = np.asarray(numeric, float)
        mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
        counts = [_grams(t) for t in texts]
        df: Counter[str] = Counter(g for c in counts for g in c)
        grams = sorted(g for g, n in df.items() if n >= _MIN_DF)
        idf = np.array([math.log((1 + len(texts)) / (1 + df[g])) + 1.0 for g in grams])
        model = cls(mean, scale, np.zeros(len(FEATURES)), grams, idf, np.zeros(len(grams)), 0.0)
        row, col, values = model._gram_rows(texts)
        table = sparse.csr_matrix((values * _GRAM_WEIGHT, (row, col)),
                                  shape=(len(texts), len(grams)))
        design = sparse.hstack([sparse.csr_matrix((x - mean) / scale), table]).tocsr()
        from threadpoolctl import threadpool_limits

        # On one BLAS thread, whatever the process has: sums in another order (another
        # thread count) would stop the solver elsewhere, and the model would differ.
        with threadpool_limits(limits=1, user_api="blas"):
            fitted = LogisticRegression(C=_C, max_iter=5000).fit(design, np.asarray(labels))
        weights = fitted.coef_[0]
        return cls(mean, scale, weights[:len(FEATURES)], grams, idf, weights[len(FEATURES):],
                   float(fitted.intercept_[0]))

    def save(self, path: str, *, data_key: str | None = None) -> None:
        """Write the model as arrays and JSON with a checksum (never a pickle)."""
        import numpy as np

        from .store import pack_strings, write_arrays

        write_arrays(path, _FORMAT, {
            "features": list(FEATURES), "gram_weight": _GRAM_WEIGHT, "C": _C,
            "n_grams": len(self.grams), "intercept": self.intercept, "data": data_key,
        }, {"mean": self.mean, "scale": self.scale, "coef": self.coef,
            "grams": pack_strings(self.grams), "idf": self.idf,
            "gram_coef": np.asarray(self.gram_coef, float)})

    @classmethod
    def load(cls, source: str | bytes, where: str | None = None) -> SentenceModel:
        """A model written by :meth:`save`; :class:`~unionnlp.errors.ModelError` for another
        file or one made for other features."""
        from .errors import ModelError
        from .store import read_arrays, unpack_strings

        meta, arrays = read_arrays(source, _FORMAT, where)
        name = where or str(source)
        if meta.get("features") != list(FEATURES) or meta.get("gram_weight") != _GRAM_WEIGHT:
            raise ModelError(f"{name}: sentence model made for other features")
        try:
            return cls(arrays["mean"], arrays["scale"], arrays["coef"],
                       unpack_strings(arrays["grams"], meta["n_grams"]), arrays["idf"],
                       arrays["gram_coef"], meta["intercept"], data=meta.get("data"))
        except KeyError as exc:
            raise ModelError(f"{name}: sentence model lacks {exc}") from exc


@cache
def default_sentence_model() -> SentenceModel:
    """The packaged sentence model, loaded once per process."""
    from .store import packaged

    return SentenceModel.load(packaged(PACKAGED_SENTENCES, "sentence model"), PACKAGED_SENTENCES)


def rouge_l(candidate: str, reference: str) -> float:
    """Character ROUGE-L F1 over letters, digits and Chinese characters (the benchmark's)."""
    a, b = _alnum(candidate), _alnum(reference)
    common = lcs(a, b)
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def lcs(a: str, b: str) -> int:
    """The length of the longest common subsequence of two strings."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def oracle(texts: Sequence[str], reference: str, k: int = 3) -> list[int]:
    """The sentences (indices, at most ``k``) that a greedy search finds to give the best
    ROUGE-L against ``reference`` when joined in text order: the training labels."""
    chosen: list[int] = []
    for _ in range(k):
        best, top = -1, -1.0  # the best next sentence, even where it lowers the score
        for i in range(len(texts)):
            if i in chosen:
                continue
            value = rouge_l("".join(texts[j] for j in sorted([*chosen, i])), reference)
            if value > top:
                best, top = i, value
        if best < 0:
            break
        chosen.append(best)
    return sorted(chosen)


def data_key(references: Mapping[str, str]) -> str:
    """What the packaged model is trained from: the models' data (see
    :func:`unionnlp.themes.data_key`, as its features read them) and the train references.
    A test fails when the model was not retrained after either changed."""
    import hashlib

    from .themes import data_key as models_key

    digest = hashlib.sha256()
    for doc in sorted(references):
        digest.update(f"{doc}\0{references[doc]}\n".encode())
    return f"{models_key()}+{digest.hexdigest()[:16]}"


def references(lines: Sequence[str]) -> Mapping[str, str]:
    """Reference summaries of the JSON Lines ``{"doc": ..., "summary": ...}``."""
    import json

    out = {}
    for line in lines:
        if line.strip():
            record = json.loads(line)
            out[record["doc"]] = record["summary"]
    return out


def train_references(lines: Sequence[str]) -> Mapping[str, str]:
    """The reference summaries (see :func:`references`) of the real-shaped train twins only:
    what the packaged model learns from."""
    from .twins import load_twins

    train = {t.id for t in load_twins("train")}
    return {doc: s for doc, s in references(lines).items() if doc in train}
