"""Extractive summaries: the most central, non-redundant whole sentences, in text order.

Sentences are TF-IDF vectors over content words (the keyword stage's blended IDF);
centrality is TextRank over their cosine similarities, nudged towards the opening
sentences of paragraphs, and maximal marginal relevance keeps the picks distinct.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .keyterms import content_runs

__all__ = ["Graph", "Sentence", "select", "sentences", "split_sentences", "summarize"]

_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?]+[”’」』）)]*|$)")
_MIN_CHARS = 12
_MAX_CHARS = 220
_GRAPH_LIMIT = 150
_REDUNDANT = 0.7
_CONTENT = 0.25
_ATTRIBUTION = re.compile(r"^[^，。！？“”]{0,16}(?:说|表示|介绍|告诉|指出|强调|坦言|感慨|笑着说|回忆)")


@dataclass(frozen=True)
class Sentence:
    """A candidate summary sentence: its text, its place in its paragraph, its TF-IDF vector."""

    text: str
    position: int
    vector: dict[str, float]
    mass: float = 1.0


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at 。！？; closing quotes stay with their sentence, and
    an attribution after a quotation (“……！”他说，……) stays with the quotation."""
    out: list[str] = []
    for piece in _SENTENCE.findall(text):
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1][-1:] in "”」』" and _ATTRIBUTION.match(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _whole(sentence: str) -> bool:
    """A summary sentence must be a complete statement of reasonable length."""
    return (
        _MIN_CHARS <= len(sentence) <= _MAX_CHARS
        and sentence.rstrip("”’」』）)")[-1:] in "。！？!?"
        and sentence[0] not in "，、；：,;:”’」』）)"
    )


def sentences(paragraph: str, words: Sequence[str], idf: Callable[[str], float]) -> list[Sentence]:
    """The whole sentences of a paragraph that may enter a summary, with their vectors;
    ``words`` is the paragraph's segmentation, shared out among its sentences."""
    out: list[Sentence] = []
    pieces = split_sentences(paragraph)
    starts, pos = [], 0
    for piece in pieces:
        pos = paragraph.index(piece, pos)
        starts.append(pos)
        pos += len(piece)
    groups: list[list[str]] = [[] for _ in pieces]
    which, offset = 0, 0
    for word in words:
        while which + 1 < len(starts) and offset >= starts[which + 1]:
            which += 1
        if groups:
            groups[which].append(word)
        offset += len(word)
    for j, (piece, group) in enumerate(zip(pieces, groups, strict=True)):
        if _whole(piece):
            vector, mass = _vector(group, idf)
            out.append(Sentence(piece, j, vector, mass))
    return out


def summarize(
    paragraphs: Sequence[str],
    tokens: Callable[[str], Sequence[str]],
    idf: Callable[[str], float],
    *,
    k: int = 3,
    diversity: float = 0.3,
) -> list[str]:
    """The ``k`` best sentences of ``paragraphs`` in text order.

    ``tokens`` segments a paragraph; ``idf`` weighs a content word. ``diversity`` is
    the MMR trade-off: 0 ranks by centrality alone, 1 by novelty alone.
    """
    found = [x for p in paragraphs for x in sentences(p, tokens(p), idf)] if k > 0 else []
    return select(found, k=k, diversity=diversity)


class Graph:
    """The similarity graph of a text's candidate sentences and their centrality, built once
    so that the text and any run of its sentences (a section) can be summarised from it."""

    def __init__(self, candidates: Sequence[Sentence]) -> None:
        import numpy as np

        self.candidates = list(candidates)
        n = len(self.candidates)
        keep = list(range(n))
        if n > _GRAPH_LIMIT:
            # The graph is quadratic: keep the sentences closest to the text's centroid.
            centroid: dict[str, float] = {}
            for c in self.candidates:
                for w, x in c.vector.items():
                    centroid[w] = centroid.get(w, 0.0) + x
            near = sorted(keep, key=lambda i: (-_dot(self.candidates[i].vector, centroid), i))
            keep = sorted(near[:_GRAPH_LIMIT])
        self.row = {i: r for r, i in enumerate(keep)}
        pool = [self.candidates[i] for i in keep]
        self.sim = _similarities([c.vector for c in pool]) if pool else np.zeros((0, 0))
        prior = np.array([1.5 if c.position == 0 else 1.0 for c in pool])
        rank = _textrank(self.sim, prior) if pool else np.zeros(0)
        # A slogan of everyday words is central to everything and says nothing: centrality
        # is weighed by how much distinctive content a sentence carries.
        content = np.array([c.mass for c in pool]) ** _CONTENT
        self.rank = rank * content / (content.max() if len(content) else 1.0)

    def pick(self, members: Sequence[int], *, k: int = 3, diversity: float = 0.3) -> list[str]:
        """The ``k`` most central, mutually distinct candidates among ``members`` (indices
        into the candidates, in text order), returned in text order."""
        import numpy as np

        if k <= 0 or not members:
            return []
        if len(members) <= k:
            return [self.candidates[i].text for i in members]
        rows = [self.row[i] for i in members if i in self.row]
        if len(rows) < min(k, len(members)):  # the section fell outside the pruned graph
            return Graph([self.candidates[i] for i in members]).pick(
                range(len(members)), k=k, diversity=diversity)
        idx = np.array(rows)
        sim = self.sim[np.ix_(idx, idx)]
        rank = self.rank[idx]
        chosen: list[int] = []
        closest = np.zeros(len(rows))
        available = np.ones(len(rows), dtype=bool)
        order = np.arange(len(rows))
        while len(chosen) < k and available.any():
            fresh = available & (closest < _REDUNDANT)
            pool = fresh if fresh.any() else available
            value = np.where(pool, (1 - diversity) * rank - diversity * closest, -np.inf)
            best = int(order[value == value.max()][0])
            chosen.append(best)
            available[best] = False
            closest = np.maximum(closest, sim[best])
        by_row = {r: i for i, r in self.row.items()}
        return [self.candidates[by_row[rows[c]]].text for c in sorted(chosen)]


def select(candidates: Sequence[Sentence], *, k: int = 3, diversity: float = 0.3) -> list[str]:
    """The ``k`` most central, mutually distinct of ``candidates`` (given in text order)."""
    if k <= 0 or not candidates:
        return []
    return Graph(candidates).pick(range(len(candidates)), k=k, diversity=diversity)


def _vector(words: Sequence[str], idf: Callable[[str], float]) -> tuple[dict[str, float], float]:
    """A sentence's unit TF-IDF vector and its mass (the norm before scaling): how much
    distinctive content it carries."""
    counts = Counter(w for run in content_runs(words) for w in run)
    vec = {w: (1.0 + math.log(c)) * idf(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {w: v / (norm or 1.0) for w, v in vec.items()}, norm


def _similarities(vectors: Sequence[dict[str, float]]) -> Any:
    """Cosine similarities of unit vectors (a dense matrix), zero on the diagonal."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, v in enumerate(vectors):
        for w, x in v.items():
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
            vals.append(x)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(vectors), max(1, len(vocab))))
    sim = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sim, 0.0)
    return sim


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _textrank(sim: Any, prior: Any, damping: float = 0.85) -> Any:
    """PageRank over the similarity graph with a personalised jump towards ``prior``,
    scaled so that the most central sentence scores 1."""
    import numpy as np

    jump = prior / prior.sum()
    out_weight = sim.sum(axis=1)
    out_weight[out_weight == 0] = 1.0
    transition = (sim / out_weight[:, None]).T
    rank = jump.copy()
    for _ in range(40):
        new = (1 - damping) * jump + damping * (transition @ rank)
        delta = float(np.abs(new - rank).sum())
        rank = new
        if delta < 1e-6:
            break
    return rank / (rank.max() or 1.0)
