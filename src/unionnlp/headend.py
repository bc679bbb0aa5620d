"""Where a numbered headline that runs into its text with no mark ends (二、帮扶措施对于检查
……: a page whose line breaks were lost), learned from the real-shaped train twins.

Each place the headline could end is scored from the characters and words around it, its
length and what follows; the model chooses among those places and "no headline here" (a
conditional logit), so that its probability says both whether and where. It is asked
before the rules of :func:`unionnlp.structure.inline_heading` (a headline ended by a mark, a
gap, a known opener of text), which decide where it is unsure. scipy fits it (training
only); it ships as arrays and JSON with a checksum (``resources/headend.npz``) and predicts
with plain Python over a handful of places.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, Any

from ._regex import regex

if TYPE_CHECKING:
    from .twins import Twin

__all__ = ["PACKAGED_HEAD_ENDS", "PACKAGED_HEAD_MARKS", "HeadEnds", "candidates", "data_key",
           "default_head_ends", "default_head_marks", "examples", "features", "is_traditional",
           "words"]

PACKAGED_HEAD_ENDS = "resources/headend.npz"
PACKAGED_HEAD_MARKS = "resources/headmark.npz"
_FORMAT = "unionnlp-headend/1"
#: A headline holds 2 to 40 characters after its number, and text of at least 4 follows it.
_MIN_HEAD, _MAX_HEAD, _MIN_REST = 2, 40, 4
#: What a headline running into its text never holds (a sentence ended) or ends before
#: (a clause goes on).
_STOP = regex("[。！？!?；;：:]")
_MARKS = frozenset("。！？!?；;：:")
_NO_END_BEFORE = set("，、,。；;：:！？!?）)”’》」』】")
_NO_END_AFTER = set("，、,（(“‘《「『【—-·")
#: Features seen fewer times than this in training are dropped; the inverse regularisation
#: (chosen with the threshold in folds of the train twins, see the training tool).
_MIN_COUNT = 2
_C = 10.0
#: The version of :func:`features`: a model made for others is refused.
_FEATURES = "chars+words+mark+script/4"
#: The least probability at which a place is taken as the headline's end (see the
#: training tool: chosen in folds of the train twins).
THRESHOLD = 0.6
#: The least probability that no headline runs in at which the model of the first mark
#: keeps a numbered paragraph whole against the rules (chosen in folds of the train twins).
VETO = 0.8


def candidates(text: str, marker: int, ends: Container[int] | None = None, *,
               marks: bool = False) -> list[int]:
    """The places after ``marker`` where a headline opening ``text`` could end: before any
    sentence mark, never inside a clause's punctuation, with text left after it, and
    between two words where ``ends`` (the places words end, see :func:`words`) is given.
    (Every headline of the train twins that runs into its text ends between two words.)
    With ``marks``, the one place just after the first sentence mark instead (一、思想要统一。
    要充分认清……), where a headline or the first sentence of a numbered paragraph ends."""
    stop = _STOP.search(text, marker)
    if marks:
        return [stop.end()] if (stop is not None and marker + _MIN_HEAD < stop.end()
                                <= marker + _MAX_HEAD + 1
                                and len(text[stop.end():].strip()) >= _MIN_REST) else []
    last = min(marker + _MAX_HEAD, len(text) - _MIN_REST, stop.start() if stop else len(text))
    return [e for e in range(marker + _MIN_HEAD, last + 1)
            if text[e - 1] not in _NO_END_AFTER and not text[e - 1].isspace()
            and text[e] not in _NO_END_BEFORE and (ends is None or e in ends)]


def _bucket(n: int) -> str:
    return str(n) if n <= 8 else "9-11" if n <= 11 else "12-15" if n <= 15 \
        else "16-20" if n <= 20 else "21-28" if n <= 28 else "29+"


def words(text: str) -> tuple[dict[int, str], dict[int, str]]:
    """The words of a text's opening (as the default segmenter cuts it) by the place each
    ends and by the place each starts: a headline ends between two words. Both models read
    a numbered paragraph's opening in turn: it is cut once."""
    return _words(text[:_MAX_HEAD + 16])


@lru_cache(maxsize=64)
def _words(opening: str) -> tuple[dict[int, str], dict[int, str]]:
    from .segment import get_segmenter

    ending, starting = {}, {}
    at = 0
    for word in get_segmenter().cut(opening):
        starting[at] = word
        at += len(word)
        ending[at] = word
    return ending, starting


def features(text: str, style: str, marker: int, end: int,
             cut: tuple[dict[int, str], dict[int, str]], traditional: bool = False) -> list[str]:
    """What the model reads of one place ``end`` where the headline might end (between two
    words): the characters and words on both sides (``cut``, see :func:`words`), the
    headline's length and commas, and what follows; after a sentence mark, also how long
    the rest runs, how the line ends (a list item's ；, an amount's 元.) and whether the page
    writes traditional characters (``traditional``: its conventions differ)."""
    ending, starting = cut
    left, right = text[marker:end], text[end:]
    rest = right.lstrip()
    gap = len(right) - len(rest)
    near = rest[:12]
    commas = min(left.count("，") + left.count(",") + left.count("、"), 3)
    last, first, length = left[-1:], rest[:1], _bucket(len(left))
    out = [
        f"L1:{last}", f"L2:{left[-2:]}", f"L3:{left[-3:]}", f"R1:{first}",
        f"R2:{rest[:2]}", f"R3:{rest[:3]}", f"X:{last}{first}",
        f"len:{length}", f"style:{style}", f"gap:{min(gap, 2)}", f"commas:{commas}",
        f"near_comma:{'，' in near or ',' in near}",
        f"near_stop:{'。' in near or '；' in near or ';' in near}",
        f"digit:{first.isdigit()}", f"quote_open:{left.count('“') > left.count('”')}",
        f"W-:{ending.get(end, '')}", f"W+:{starting.get(end, '')}",
    ]
    if last in _MARKS:  # made only where read: most places follow no mark
        tail = rest.rstrip()
        out += (f"rest:{_bucket(len(tail))}", f"tail:{tail[-1:]}", f"mark_len:{length}",
                f"mark_commas:{commas}", f"trad:{traditional}", f"trad_L1:{traditional}{last}")
    return out


@dataclass(frozen=True)
class HeadEnds:
    """The fitted model: a weight for each feature it knows, and the intercept; ``marks``
    for the model of the place after the first sentence mark (see :func:`candidates`),
    whose ``threshold`` is then the least probability of no headline that it acts on."""

    weights: dict[str, float]
    intercept: float
    threshold: float = THRESHOLD
    marks: bool = False

    def places(self, text: str, style: str, marker: int,
               traditional: bool = False) -> list[tuple[int, float]]:
        """Each place where the headline opening ``text`` could end, with the probability
        that it ends there (what is left is the probability that no headline runs in);
        ``traditional``: the text is written in traditional characters (see :func:`features`)."""
        found = candidates(text, marker, marks=self.marks)
        if not found:  # nothing to read: no need to segment
            return []
        cut = words(text)
        # The places between two words (after a mark: the one place, whatever the words).
        ends = found if self.marks else [e for e in found if e in cut[0]]
        if not ends:
            return []
        weight = self.weights.get
        raw = [self.intercept + sum(map(weight, features(text, style, marker, e, cut, traditional),
                                        repeat(0.0)))
               for e in ends]
        top = max(0.0, *raw)
        odds = [math.exp(z - top) for z in raw]
        total = math.exp(-top) + sum(odds)
        return [(e, o / total) for e, o in zip(ends, odds, strict=True)]

    def end(self, text: str, style: str, marker: int) -> int:
        """Where the headline opening ``text`` (its number ``marker`` characters long, in
        ``style``) ends, white space after it included; 0 when no place is likely enough."""
        best, p = max(self.places(text, style, marker), key=lambda place: place[1],
                      default=(0, 0.0))  # the first of equals
        if p < self.threshold:
            return 0
        while best < len(text) and text[best].isspace():
            best += 1
        return best

    def whole(self, text: str, style: str, marker: int, traditional: bool = False) -> bool:
        """Whether no headline runs into ``text`` at its first sentence mark, at least as
        likely as the threshold (a model of ``marks``): a numbered paragraph kept whole."""
        places = self.places(text, style, marker, traditional)
        return bool(places) and 1.0 - sum(p for _, p in places) >= self.threshold

    @classmethod
    def fit(cls, found: Iterable[tuple[str, str, int, int, bool]], *, c: float = _C,
            threshold: float = THRESHOLD, marks: bool = False) -> HeadEnds:
        """Fit on ``(text, style, marker, end, traditional)`` examples (see :func:`examples`),
        ``end`` 0 for a text that opens
        with no headline running into it: a choice among a text's places and none (whose
        score is 0), by maximum likelihood with an L2 penalty of 1 / (2c)."""
        import numpy as np
        from scipy import optimize, sparse

        rows: list[list[str]] = []
        group: list[int] = []
        answer: list[int] = []  # the row of each text's end, -1 for none
        for g, (text, style, marker, end, traditional) in enumerate(found):
            cut = words(text)
            answer.append(-1)
            for e in candidates(text, marker, cut[0], marks=marks):
                if e == end:
                    answer[-1] = len(rows)
                rows.append(features(text, style, marker, e, cut, traditional))
                group.append(g)
        counts = Counter(f for row in rows for f in row)
        vocab = sorted(f for f, n in counts.items() if n >= _MIN_COUNT)
        index = {f: i for i, f in enumerate(vocab)}
        cols = [index[f] for row in rows for f in row if f in index]
        ptr = np.cumsum([0] + [sum(f in index for f in row) for row in rows])
        x = sparse.csr_matrix((np.ones(len(cols)), cols, ptr), shape=(len(rows), len(vocab)))
        groups = np.asarray(group, dtype=np.int64)
        n_groups = len(answer)
        picked = np.asarray([a for a in answer if a >= 0], dtype=np.int64)

        def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
            w, b = params[:-1], params[-1]
            z = x @ w + b
            top = np.maximum(0.0, np.maximum.reduceat(z, _starts(groups)) if len(z) else 0.0)
            shift = np.zeros(n_groups)
            shift[np.unique(groups)] = top
            odds = np.exp(z - shift[groups])
            total = np.exp(-shift) + np.bincount(groups, weights=odds, minlength=n_groups)
            value = float(np.sum(np.log(total) + shift) - z[picked].sum() + w @ w / (2 * c))
            grad_z = odds / total[groups]
            grad_z[picked] -= 1.0
            return value, np.concatenate([x.T @ grad_z + w / c, [grad_z.sum()]])

        fitted = optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B",
                                   options={"maxiter": 2000})
        weights = fitted.x
        return cls(dict(zip(vocab, map(float, weights[:-1]), strict=True)), float(weights[-1]),
                   threshold, marks)

    def save(self, path: str, *, data_key: str | None = None) -> None:
        """Write the model as arrays and JSON with a checksum (never a pickle)."""
        from .store import write_weights

        write_weights(path, _FORMAT, self.weights,
                      {"intercept": self.intercept, "threshold": self.threshold,
                       "marks": self.marks, "features": _FEATURES, "data": data_key})

    @classmethod
    def load(cls, source: str | bytes, where: str | None = None) -> HeadEnds:
        """A model written by :meth:`save`; :class:`~unionnlp.errors.ModelError` for
        another file."""
        from .errors import ModelError
        from .store import read_weights

        weights, meta = read_weights(source, _FORMAT, where, features=_FEATURES,
                                     what="head-end model")
        try:
            return cls(weights, float(meta["intercept"]), float(meta["threshold"]),
                       bool(meta["marks"]))
        except (KeyError, ValueError) as exc:
            raise ModelError(f"{where or source!s}: head-end model lacks {exc}") from exc


def _starts(groups: Any) -> Any:
    """Where each run of equal group numbers starts."""
    import numpy as np

    return np.flatnonzero(np.concatenate([[True], groups[1:] != groups[:-1]]))


@cache
def default_head_ends() -> HeadEnds:
    """The packaged model, loaded once per process."""
    from .store import packaged

    return HeadEnds.load(packaged(PACKAGED_HEAD_ENDS, "head-end model"), PACKAGED_HEAD_ENDS)


@cache
def default_head_marks() -> HeadEnds:
    """The packaged model of the first mark, loaded once per process."""
    from .store import packaged

    return HeadEnds.load(packaged(PACKAGED_HEAD_MARKS, "head-mark model"), PACKAGED_HEAD_MARKS)


def data_key(*, marks: bool = False) -> str:
    """What a packaged model is trained from: the feature version, the word lists that
    shape segmentation and the train twins' numbered openings. A test fails when the model
    was not refitted after either changed (``python tools/train_headend.py``)."""
    import hashlib

    from .resources import read_text
    from .twins import load_twins

    digest = hashlib.sha256(f"{_FEATURES}{' marks' if marks else ''}".encode())
    digest.update(read_text("userdict.txt").encode())
    for text, style, marker, end, traditional in examples(load_twins("train"), marks=marks):
        digest.update(f"{text}\0{style}\0{marker}\0{end}\0{traditional:d}\n".encode())
    return digest.hexdigest()[:16]


def is_traditional(original: str) -> bool:
    """Whether the opening the models read is written in traditional characters
    (:func:`unionnlp.convert.is_traditional`: a stray one on a simplified page is not)."""
    from .convert import is_traditional as written_in_traditional

    return written_in_traditional(original[:_MAX_HEAD + 16])


def examples(twins: Sequence[Twin], *,
             marks: bool = False) -> list[tuple[str, str, int, int, bool]]:
    """What the model learns from, in the twins' analysis view: every annotated headline
    that runs into text on its line (its end, or 0 where it ends at a mark) and every
    paragraph or list item that opens with a number (0: no headline in it), each from its
    start to its line's end, and whether the page writes it in traditional characters. With
    ``marks``, the headlines that end at the first sentence mark and those paragraphs and
    items."""
    from .convert import analysis_view
    from .lines import numbering

    out: list[tuple[str, str, int, int, bool]] = []
    for twin in twins:
        view = analysis_view(twin.text)[0]
        spans = twin.spans
        for i, span in enumerate(spans):
            if span.role not in ("heading", "body", "item"):
                continue
            line_end = view.find("\n", span.offset)
            text = view[span.offset:len(view) if line_end < 0 else line_end].rstrip()
            lead = len(text) - len(text.lstrip())
            text = text[lead:]
            trad = is_traditional(twin.text[span.offset + lead:span.offset + lead + len(text)])
            style, marker = numbering(text)
            if style is None or style.startswith("md"):
                continue
            if span.role != "heading":
                out.append((text, style, marker, 0, trad))
                continue
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            head = span.text.strip()
            if nxt is None or nxt.line != span.line:
                continue
            if marks:
                if len(head) in candidates(text, marker, marks=True):
                    out.append((text, style, marker, len(head), trad))
            elif head[-1:] in _NO_END_BEFORE or _STOP.search(head):
                out.append((text, style, marker, 0, trad))  # it ends at a mark, not before
            elif len(head) in candidates(text, marker, words(text)[0]):
                out.append((text, style, marker, len(head), trad))
    return out

