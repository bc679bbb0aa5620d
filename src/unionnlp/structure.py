"""Find a report's structure: articles with their title blocks, sections by headline,
repaired paragraphs with their lead-in phrases.

When newspaper layout prints an article's first paragraphs before its title
block (the block then interrupts a broken paragraph), the paragraphs before it
are split between the two articles where lexical cohesion changes most.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .lines import Line, numbering, split_lines
from .model import Article, Paragraph, Report, Section, Source
from .normalize import normalize
from .repair import Block, repair

__all__ = ["lead_in", "parse"]

_RUN_LIMIT = 80
_HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_LEAD_STOP = re.compile(r"^(?:这|那|我们|他们|她|他|它|其|此)|[了的吗呢啊吧]$")
_FIRST_SENTENCE = re.compile(r"^([^。！？!?：:，,；;]{2,20})[。：:]")


def lead_in(text: str) -> str | None:
    """The bold-style phrase that opens a paragraph (``思想研判机制。坚持……``), if any."""
    style, marker = numbering(text)
    body = text[marker:] if style and not style.startswith("md") else text
    m = _FIRST_SENTENCE.match(body)
    if not m:
        return None
    phrase = m.group(1).strip()
    limit = 20 if marker else 14
    if len(phrase) > limit or len(body) - m.end() < 8 or _LEAD_STOP.search(phrase):
        return None
    return phrase


@dataclass
class _Draft:
    """An article being assembled: its title block and its headline/paragraph blocks."""

    title: Block | None
    items: list[Block] = field(default_factory=list)
    prefix: int = 0


def _bigrams(text: str) -> Counter[str]:
    return Counter(_HAN_PAIR.findall(text))


def _gram(texts: Sequence[str]) -> Any:
    """Dot products of the texts' IDF-weighted character-bigram vectors."""
    import numpy as np

    vecs = [_bigrams(t) for t in texts]
    df: Counter[str] = Counter()
    for v in vecs:
        df.update(v.keys())
    idf = {k: math.log(len(vecs) / d) + 1.0 for k, d in df.items()}
    weighted = [{k: c * idf[k] for k, c in v.items()} for v in vecs]
    n = len(weighted)
    gram = np.zeros((n, n))
    for i, a in enumerate(weighted):
        for j in range(i, n):
            b = weighted[j]
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            gram[i, j] = gram[j, i] = sum(w * large.get(k, 0.0) for k, w in small.items())
    return gram


def _similarities(gram: Any, members: list[int], items: Sequence[int]) -> Any:
    """Cosine of each item with the sum of ``members``, leaving the item itself out."""
    import numpy as np

    idx = np.array(items, dtype=int)
    side = np.array(members, dtype=int)
    total = gram[np.ix_(side, side)].sum()
    to_side = gram[np.ix_(idx, side)].sum(axis=1) if len(idx) else np.zeros(0)
    inside = np.isin(idx, side)
    self_dot = gram[idx, idx]
    dot = to_side - np.where(inside, self_dot, 0.0)
    rest = total - np.where(inside, 2 * to_side - self_dot, 0.0)
    norm = np.sqrt(self_dot * np.maximum(rest, 0.0))
    return np.divide(dot, norm, out=np.zeros_like(dot), where=norm > 0)


def _split_point(run: Sequence[Block], anchor_a: str, anchor_b: str, min_a: int) -> int:
    """Index in ``run`` where article B's pre-title paragraphs begin.

    First the split that makes both sides most cohesive (each block against its
    side's other blocks and anchor); then refined, block by block, by which side
    each block resembles more, until the split no longer moves.
    """
    n = len(run)
    gram = _gram([_block_text(b) for b in run] + [anchor_a, anchor_b])
    a, b = n, n + 1
    everything = list(range(n))

    def sides(k: int) -> tuple[list[int], list[int]]:
        return [*range(k), a], [*range(k, n), b]

    best, best_score = n, -math.inf
    for k in range(min_a, n + 1):
        side_a, side_b = sides(k)
        score = float(_similarities(gram, side_a, range(k)).sum()
                      + _similarities(gram, side_b, range(k, n)).sum())
        if score > best_score + 1e-9:
            best, best_score = k, score
    for _ in range(8):
        side_a, side_b = sides(best)
        prefer_a = (_similarities(gram, side_a, everything)
                    - _similarities(gram, side_b, everything))
        total, prefix = float(prefer_a.sum()), 0.0
        moved, moved_score = best, -math.inf
        for k in range(n + 1):
            if k >= min_a and 2 * prefix - total > moved_score + 1e-12:
                moved, moved_score = k, 2 * prefix - total
            if k < n:
                prefix += float(prefer_a[k])
        if moved == best:
            break
        best = moved
    return best


def _block_text(block: Block | None) -> str:
    if block is None:
        return ""
    return block.text if block.kind == "para" else "\n".join(x.text for x in block.lines)


def _reassign(drafts: list[_Draft]) -> None:
    """Move the pre-title paragraphs of interleaved articles to the article they belong to."""
    for a, b in itertools.pairwise(drafts):
        if b.title is None or not b.title.interrupts:
            continue
        own = a.items[a.prefix:]
        start = max(0, len(own) - _RUN_LIMIT)
        run = own[start:]
        if len(run) < 1:
            continue
        anchor_a = _block_text(a.title) + "\n" + "\n".join(x.text for x in a.items[:a.prefix])
        anchor_b = _block_text(b.title) + "\n" + "\n".join(x.text for x in b.items[:_RUN_LIMIT])
        min_a = 1 if (a.title is not None and start == 0) else 0
        k = _split_point(run, anchor_a, anchor_b, min_a)
        moved = run[k:]
        if moved:
            del a.items[a.prefix + start + k:]
            b.items[:0] = moved
            b.prefix = len(moved)


def _levels(blocks: Sequence[Block]) -> dict[str, int]:
    """Nesting level of each numbering style, by order of first appearance in the document."""
    levels: dict[str, int] = {}
    for block in blocks:
        style = block.lines[0].style if block.kind == "headline" else None
        if style is None or style == "plain" or style.startswith(("md", "hint")):
            continue
        levels.setdefault(style, len(levels) + 1)
    return levels


def _level(line: Line, levels: dict[str, int]) -> int:
    style = line.style or "plain"
    if style.startswith(("md", "hint")):
        return max(1, int(style[-1]))
    return levels.get(style, 1)


def _title_parts(block: Block) -> tuple[str | None, str | None, str | None]:
    titles = [x.text for x in block.lines if x.kind in ("headline", "body")]
    subs = [x.text for x in block.lines if x.kind == "subtitle"]
    bylines = [x.text for x in block.lines if x.kind not in ("headline", "body", "subtitle")]
    if titles and block.lines[0].hint is None and len(titles) > 1 and not subs:
        bylines = titles[1:] + bylines
        titles = titles[:1]
    return (
        "".join(titles) or None,
        "\n".join(subs) or None,
        "\n".join(bylines) or None,
    )


def _article(draft: _Draft, levels: dict[str, int]) -> Article:
    title, subtitle, byline = _title_parts(draft.title) if draft.title else (None, None, None)
    sections: list[Section] = []
    heading: Line | None = None
    paras: list[Paragraph] = []

    def close() -> None:
        if heading is None and not paras:
            return
        sections.append(Section(
            heading=heading.text if heading else None,
            level=_level(heading, levels) if heading else 0,
            paragraphs=tuple(paras),
            offset=heading.offset if heading else None,
        ))

    for block in draft.items:
        if block.kind == "headline":
            close()
            heading, paras = block.lines[0], []
        else:
            text = block.text
            spans = tuple((x.offset, len(x.text)) for x in block.lines)
            paras.append(Paragraph(text=text, offset=block.offset, lead_in=lead_in(text),
                                   spans=spans))
    close()
    offset = draft.title.offset if draft.title else (draft.items[0].offset if draft.items else None)
    return Article(title=title, subtitle=subtitle, byline=byline, sections=tuple(sections),
                   offset=offset)


def parse(source: Source, view: str | None = None) -> Report:
    """Structure of one source text: articles, sections and repaired paragraphs.

    ``view`` is a same-length simplified rendering used for classification only.
    Every character of the text ends up in a title, subtitle, byline, heading,
    paragraph or ``Report.dropped``.
    """
    text = normalize(source.text)
    view = text if view is None else normalize(view)
    blocks = repair(split_lines(text, source.heading_hints, view))
    dropped: list[str] = []
    drafts: list[_Draft] = []
    for block in blocks:
        if block.kind == "furniture":
            dropped.append(block.lines[0].text)
        elif block.kind == "title":
            drafts.append(_Draft(block))
        else:
            if not drafts:
                drafts.append(_Draft(None))
            current = drafts[-1]
            title = _title_parts(current.title)[0] if current.title else None
            if block.kind == "headline" and title and block.lines[0].text == title:
                dropped.append(block.lines[0].text)
                continue
            current.items.append(block)
    _reassign(drafts)
    levels = _levels(blocks)
    return Report(
        source=source.path,
        articles=tuple(_article(d, levels) for d in drafts),
        dropped=tuple(dropped),
        format=source.format,
        encoding=source.encoding,
    )
