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

from .keyterms import content_runs

__all__ = ["Sentence", "split_sentences", "summarize"]

_SENTENCE = re.compile(r"[^。！？!?；;]*(?:[。！？!?]+[”’」』）)]*|$)")
_MIN_CHARS = 12
_MAX_CHARS = 220
_GRAPH_LIMIT = 150
_REDUNDANT = 0.7
_ATTRIBUTION = re.compile(r"^[^，。！？“”]{0,16}(?:说|表示|介绍|告诉|指出|强调|坦言|感慨|笑着说|回忆)")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph: its text, the paragraph's index and its place in it."""

    text: str
    paragraph: int
    position: int


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


def summarize(
    paragraphs: Sequence[str],
    tokens: Callable[[str], Sequence[str]],
    idf: Callable[[str], float],
    *,
    k: int = 3,
    diversity: float = 0.3,
) -> list[str]:
    """The ``k`` best sentences of ``paragraphs`` in text order.

    ``tokens`` segments a sentence; ``idf`` weighs a content word. ``diversity`` is
    the MMR trade-off: 0 ranks by centrality alone, 1 by novelty alone.
    """
    sentences = [
        Sentence(s, i, j)
        for i, p in enumerate(paragraphs)
        for j, s in enumerate(split_sentences(p))
        if _whole(s)
    ]
    if k <= 0 or not sentences:
        return []
    if len(sentences) <= k:
        return [s.text for s in sentences]
    vectors = [_vector(tokens(s.text), idf) for s in sentences]
    if len(sentences) > _GRAPH_LIMIT:
        # The graph is quadratic: keep the sentences closest to the text's centroid.
        centroid: dict[str, float] = {}
        for v in vectors:
            for w, x in v.items():
                centroid[w] = centroid.get(w, 0.0) + x
        near = sorted(range(len(sentences)), key=lambda i: (-_dot(vectors[i], centroid), i))
        keep = sorted(near[:_GRAPH_LIMIT])
        sentences = [sentences[i] for i in keep]
        vectors = [vectors[i] for i in keep]
    sim = _similarities(vectors)
    prior = [1.0 + (0.5 if s.position == 0 else 0.0) for s in sentences]
    rank = _textrank(sim, prior)
    chosen: list[int] = []
    while len(chosen) < k:
        fresh = [i for i in range(len(sentences)) if i not in chosen
                 and max((sim[i][j] for j in chosen), default=0.0) < _REDUNDANT]
        pool = fresh or [i for i in range(len(sentences)) if i not in chosen]
        best = max(
            pool,
            key=lambda i: (
                (1 - diversity) * rank[i] - diversity * max((sim[i][j] for j in chosen),
                                                            default=0.0),
                -i,
            ),
        )
        chosen.append(best)
    return [sentences[i].text for i in sorted(chosen)]


def _vector(words: Sequence[str], idf: Callable[[str], float]) -> dict[str, float]:
    counts = Counter(w for run in content_runs(words) for w in run)
    vec = {w: (1.0 + math.log(c)) * idf(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def _similarities(vectors: Sequence[dict[str, float]]) -> list[list[float]]:
    """Cosine similarities of unit vectors, zero on the diagonal, through an inverted index:
    only pairs that share a word are touched, each once."""
    n = len(vectors)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, v in enumerate(vectors):
        for w, x in v.items():
            postings.setdefault(w, []).append((i, x))
    sim = [[0.0] * n for _ in range(n)]
    for plist in postings.values():
        for a, (i, x) in enumerate(plist):
            row = sim[i]
            for j, y in plist[a + 1:]:
                row[j] += x * y
    for i in range(n):
        for j in range(i + 1, n):
            sim[j][i] = sim[i][j]
    return sim


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _textrank(sim: list[list[float]], prior: list[float], damping: float = 0.85) -> list[float]:
    """PageRank over the similarity graph with a personalised jump towards ``prior``."""
    n = len(sim)
    total_prior = sum(prior)
    jump = [p / total_prior for p in prior]
    out_weight = [sum(row) or 1.0 for row in sim]
    incoming = [[(j, row[i] / out_weight[j]) for j, row in enumerate(sim) if row[i]]
                for i in range(n)]
    rank = jump[:]
    for _ in range(40):
        new = [
            (1 - damping) * jump[i] + damping * sum(w * rank[j] for j, w in incoming[i])
            for i in range(n)
        ]
        delta = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if delta < 1e-6:
            break
    top = max(rank) or 1.0
    return [r / top for r in rank]
