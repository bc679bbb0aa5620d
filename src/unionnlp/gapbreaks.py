"""Where a page whose line breaks were lost kept a paragraph break as a gap: in a long
line, a sentence end followed by white space (……重要途径。 据了解，……) starts a new
paragraph when a small logistic model, learned from the real-shaped train twins, says so.

A gap alone is no proof (in the train twins' long lines 197 of 274 such gaps start
something): the model reads the page (how many of its sentence ends and commas a gap
follows), the line (how many of its sentence ends), and the gap's place (the mark before
it, its width, how long the text runs before and after it, what follows: a number, a
Latin word). scikit-learn fits it (training only); it ships as arrays and JSON with a
checksum (``resources/gapbreaks.npz``) and predicts with plain Python.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ._regex import regex
from .lines import LONG_LINE, numbering

if TYPE_CHECKING:
    from .twins import Twin

__all__ = ["PACKAGED_GAP_BREAKS", "GapBreaks", "data_key", "default_gap_breaks", "examples",
           "gap_breaks", "gap_features", "page_traits"]

PACKAGED_GAP_BREAKS = "resources/gapbreaks.npz"
_FORMAT = "unionnlp-gapbreaks/1"
#: The version of :func:`gap_features` and :func:`page_traits`: a model made for others is
#: refused.
_FEATURES = "gap/1"
#: A sentence end (a closing quote or bracket may follow it), then white space, then text.
GAP = regex(r"(?<=[。！？!?])([”’」』)）]?)([ \u3000\xa0]+)(?=\S)")
_ENDS = regex("[。！？!?]")
_COMMAS = regex("[，,、；;：:]")
_SPACED_COMMAS = regex("[，,、；;：:][ \u3000\xa0]")
#: The least probability at which a gap starts a paragraph, and the inverse regularisation
#: (chosen in folds of the train twins, end to end: ``python tools/train_gapbreaks.py``).
THRESHOLD = 0.6
_C = 0.3
_OPENERS = frozenset("“「『《【")
_SPACE = regex(r"\s*")


def _bucket(x: float, edges: Sequence[float]) -> str:
    return str(next((i for i, e in enumerate(edges) if x < e), len(edges)))


def page_traits(view: str) -> tuple[str, str]:
    """How the page spaces its marks: the share of its sentence ends a gap follows, and of
    its commas, colons and semicolons, as buckets."""
    ends = len(_ENDS.findall(view)) or 1
    commas = len(_COMMAS.findall(view)) or 1
    return (_bucket(len(GAP.findall(view)) / ends, (0.02, 0.1, 0.3, 0.6)),
            _bucket(len(_SPACED_COMMAS.findall(view)) / commas, (0.01, 0.05, 0.2)))


def _char_class(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "han"
    if c.isdigit():
        return "digit"
    if c.isascii() and c.isalpha():
        return "latin"
    return "open" if c in _OPENERS else "paren" if c in "(（" else "other"


def gap_features(line: str, traits: tuple[str, str]) -> list[tuple[int, list[str]]]:
    """Each gap of a line (its text stripped) after a sentence end: where the text after it
    starts, and what the model reads of it."""
    found = list(GAP.finditer(line))
    if not found:
        return []
    share = _bucket(len(found) / (len(_ENDS.findall(line)) or 1), (0.2, 0.5, 0.9))
    out = []
    for j, m in enumerate(found):
        before = m.start() - (found[j - 1].end() if j else 0)
        after = (found[j + 1].start() if j + 1 < len(found) else len(line)) - m.end()
        space = m.group(2)
        nxt = line[m.end():m.end() + 2]
        out.append((m.end(), [
            f"pg={traits[0]}", f"pc={traits[1]}", f"ls={share}",
            f"mk={line[m.start() - 1]}{m.group(1)}", f"w={min(len(space), 3)}",
            "gc=" + ("a" if space[0] == " " else "i" if space[0] == "\u3000" else "n"),
            f"bl={_bucket(before, (15, 30, 60, 120, 240))}",
            f"al={_bucket(after, (15, 30, 60, 120, 240))}",
            f"ll={_bucket(len(line), (60, 120, 300, 1000))}",
            f"nc={_char_class(nxt[0])}", f"num={numbering(line[m.end():])[0] is not None}",
            f"n1={nxt[0]}", f"n2={nxt}",
            f"first={j == 0}", f"last={j + 1 == len(found)}"]))
    return out


@dataclass(frozen=True)
class GapBreaks:
    """The fitted model: a weight for each feature it knows, the intercept, and the least
    probability at which a gap starts a paragraph."""

    weights: dict[str, float]
    intercept: float
    threshold: float = THRESHOLD

    def probability(self, features: Iterable[str]) -> float:
        """How likely a gap with these features starts a paragraph."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def cuts(self, line: str, traits: tuple[str, str]) -> list[int]:
        """Where paragraphs start at gaps in ``line`` (offsets in it)."""
        lead = len(line) - len(line.lstrip())
        return [lead + at for at, features in gap_features(line.strip(), traits)
                if self.probability(features) >= self.threshold]

    @classmethod
    def fit(cls, found: Sequence[tuple[list[str], bool]], *, c: float = _C,
            threshold: float = THRESHOLD) -> GapBreaks:
        """Fit an L2-penalised logistic regression on ``(features, starts a paragraph)``."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits

        vectorizer = DictVectorizer()
        x = vectorizer.fit_transform([dict.fromkeys(f, 1) for f, _ in found])
        with threadpool_limits(limits=1, user_api="blas"):
            model = LogisticRegression(C=c, max_iter=5000).fit(x, [y for _, y in found])
        names = vectorizer.get_feature_names_out()
        return cls({str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)},
                   float(model.intercept_[0]), threshold)

    def save(self, path: str, *, data_key: str | None = None) -> None:
        """Write the model as arrays and JSON with a checksum (never a pickle)."""
        from .store import write_weights

        write_weights(path, _FORMAT, self.weights,
                      {"intercept": self.intercept, "threshold": self.threshold,
                       "features": _FEATURES, "data": data_key})

    @classmethod
    def load(cls, source: str | bytes, where: str | None = None) -> GapBreaks:
        """A model written by :meth:`save`; :class:`~unionnlp.errors.ModelError` for
        another file."""
        from .errors import ModelError
        from .store import read_weights

        weights, meta = read_weights(source, _FORMAT, where, features=_FEATURES,
                                     what="gap model")
        try:
            return cls(weights, float(meta["intercept"]), float(meta["threshold"]))
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{where or source!s}: gap model lacks {exc}") from exc


@cache
def default_gap_breaks() -> GapBreaks:
    """The packaged model, loaded once per process."""
    from .store import packaged

    return GapBreaks.load(packaged(PACKAGED_GAP_BREAKS, "gap model"), PACKAGED_GAP_BREAKS)


def gap_breaks(view: str) -> Callable[[str], list[int]]:
    """Where paragraphs start at gaps in a long line of the page ``view`` (offsets in the
    line), by the packaged model: what :func:`unionnlp.lines.split_lines` asks."""
    traits = cache(lambda: page_traits(view))  # read once, and only for a page with a gap

    def breaks(line: str) -> list[int]:
        if GAP.search(line) is None:
            return []
        return default_gap_breaks().cuts(line, traits())

    return breaks


def examples(twins: Sequence[Twin]) -> list[tuple[list[str], bool]]:
    """What the model learns from: every gap after a sentence end in the twins' long lines
    (in their analysis view, as :func:`unionnlp.lines.split_lines` reads them), and whether
    the annotation starts anything (a paragraph, a headline, a byline…) right after it."""
    from .convert import analysis_view

    out: list[tuple[list[str], bool]] = []
    for twin in twins:
        text = twin.text
        view = analysis_view(text)[0]
        starts = {_SPACE.match(text, span.offset).end()  # type: ignore[union-attr]
                  for span in twin.spans if span.text.strip()}
        traits = page_traits(view)
        pos = 0
        for raw in view.split("\n"):
            if len(raw) >= LONG_LINE:
                lead = len(raw) - len(raw.lstrip())
                out += [(features, pos + lead + at in starts)
                        for at, features in gap_features(raw.strip(), traits)]
            pos += len(raw) + 1
    return out


def data_key() -> str:
    """What the packaged model is trained from: the feature version and the examples of
    the train twins. A test fails when the model was not refitted after either changed
    (``python tools/train_gapbreaks.py``)."""
    import hashlib

    from .twins import load_twins

    digest = hashlib.sha256(_FEATURES.encode())
    for features, starts in examples(load_twins("train")):
        digest.update(f"{' '.join(features)}\0{starts:d}\n".encode())
    return digest.hexdigest()[:16]
