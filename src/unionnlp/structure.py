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


def _cosine(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[k] * idf.get(k, 1.0) ** 2 for k, w in a.items() if k in b)
    if not dot:
        return 0.0
    na = math.sqrt(sum((w * idf.get(k, 1.0)) ** 2 for k, w in a.items()))
    nb = math.sqrt(sum((w * idf.get(k, 1.0)) ** 2 for k, w in b.items()))
    return dot / (na * nb)


def _split_point(run: Sequence[Block], anchor_a: str, anchor_b: str, min_a: int) -> int:
    """Index in ``run`` where article B's pre-title paragraphs begin.

    First the split that makes both sides most cohesive (each block against its
    side's other blocks and anchor); then refined, block by block, by which side
    each block resembles more, until the split no longer moves.
    """
    vecs = [_bigrams(_block_text(b)) for b in run]
    va, vb = _bigrams(anchor_a), _bigrams(anchor_b)
    df: Counter[str] = Counter()
    for v in [*vecs, va, vb]:
        df.update(v.keys())
    n_docs = len(vecs) + 2
    idf = {k: math.log(n_docs / d) + 1.0 for k, d in df.items()}
    best, best_score = len(run), -math.inf
    for k in range(min_a, len(run) + 1):
        side_a = sum(vecs[:k], va.copy())
        side_b = sum(vecs[k:], vb.copy())
        score = sum(_cosine(v, side_a - v, idf) for v in vecs[:k])
        score += sum(_cosine(v, side_b - v, idf) for v in vecs[k:])
        if score > best_score + 1e-9:
            best, best_score = k, score
    for _ in range(8):
        side_a = sum(vecs[:best], va.copy())
        side_b = sum(vecs[best:], vb.copy())
        prefer_a = [
            _cosine(v, side_a - v if i < best else side_a, idf)
            - _cosine(v, side_b - v if i >= best else side_b, idf)
            for i, v in enumerate(vecs)
        ]
        total, prefix = sum(prefer_a), 0.0
        moved, moved_score = best, -math.inf
        for k in range(len(run) + 1):
            if k >= min_a and 2 * prefix - total > moved_score + 1e-12:
                moved, moved_score = k, 2 * prefix - total
            if k < len(run):
                prefix += prefer_a[k]
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
            paras.append(Paragraph(text=text, offset=block.offset, lead_in=lead_in(text)))
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
