"""Paragraphs of a PDF from where its text sits on the page.

A PDF holds positioned lines, not paragraphs. Plain text extraction guesses paragraphs
from the gaps between lines, so a report set at generous line spacing comes out with a
blank line after every line, and one set tight comes out as one block. Here a paragraph
break is read the way a reader sees one: a first-line indent, a gap wider than the
document's usual line pitch, a short last line, a change of font size or weight. Running
headers, footers and page numbers are kept as lines of their own, after the paragraph
they interrupt. Headlines are left to the text's own rules: font sizes given to them as
heading hints lowered headline F1 on the train twins typeset by ``benchmarks/bench_pdf.py``
(a hint makes a page's other short lines body text).
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ._regex import regex

__all__ = ["PdfLayout", "layout_blocks"]

#: What ends a sentence (and so may end a paragraph) at the end of a line.
_SENTENCE_END = "。！？!?；;：:”」』"
#: Punctuation that closes what came before it and so never opens a paragraph.
_CLOSING = "。，、；：？！）》」』”’…,.;:?!)"
#: Font names of bold or black faces (Heiti is the usual bold face of Chinese documents).
_BOLD_FONT = regex(r"bold|black|heavy|semibold|demi|hei|黑|fzdhtjw|simhei", re.I)
#: A page number line: - 3 -, 第3页, 3/12, 第 3 页 共 12 页, or a bare number.
_PAGE_NUMBER = regex(r"^[-—–\s]*(?:第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,4})[-—–\s]*$")
_DIGITS = regex(r"\d+")
_HAN = regex(r"[\u3400-\u9fff]")
#: The share of a page's height at its top and bottom where running headers and footers sit.
_MARGIN_BAND = 0.1
#: A line pitch this many times the document's usual one is a gap between paragraphs.
_GAP = 1.4
#: An indent of this many character widths (from the text's left edge) starts a paragraph.
_INDENT = 1.2
#: A line ending this many character widths before the right edge is a paragraph's last.
_SHORT = 1.5
#: Text this much larger than the body's is a title or headline.
_LARGER = 1.12


@dataclass(frozen=True)
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    size: float
    bold: bool
    height: float


@dataclass(frozen=True)
class PdfLayout:
    """What a PDF's pages give: its paragraphs (one line of text each), its number of
    pages and of characters of text (none: a scan without a text layer)."""

    paragraphs: list[str]
    pages: int
    characters: int


def _lines(data: bytes) -> tuple[list[_Line], int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

    found: list[_Line] = []
    pages = 0
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams())):
        pages += 1
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                text = line.get_text().rstrip("\n")
                if not text.strip():
                    continue
                chars = [c for c in line if isinstance(c, LTChar) and not c.get_text().isspace()]
                if not chars:
                    continue
                size = statistics.median(round(c.size, 1) for c in chars)
                fonts = Counter(c.fontname for c in chars)
                bold = bool(_BOLD_FONT.search(fonts.most_common(1)[0][0]))
                found.append(_Line(number, text, chars[0].x0, chars[-1].x1, page.height - line.y1,
                                   size, bold, page.height))
    return _reading_order(found), pages


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Lines top to bottom on each page, unless the page sets text in columns (lines side by
    side at one height), where pdfminer's own order of text boxes follows the columns."""
    out: list[_Line] = []
    start = 0
    while start < len(lines):
        stop = start
        while stop < len(lines) and lines[stop].page == lines[start].page:
            stop += 1
        page = lines[start:stop]
        rows = sorted(page, key=lambda x: (x.top, x.x0))
        beside = sum(1 for a, b in itertools.pairwise(rows)
                     if abs(a.top - b.top) < 0.5 * min(a.size, b.size) and b.x0 > a.x1)
        out.extend(page if beside >= 3 else rows)
        start = stop
    return out


def _page_furniture(lines: list[_Line], pages: int) -> set[int]:
    """Indexes of running headers, footers and page numbers: lines in a page's top or
    bottom band that are page numbers, or whose text (digits aside) recurs on other pages."""
    band = [i for i, x in enumerate(lines)
            if x.top < x.height * _MARGIN_BAND or x.top > x.height * (1 - _MARGIN_BAND)]
    shapes: Counter[str] = Counter()
    for i in band:
        shapes[_DIGITS.sub("#", lines[i].text.strip())] += 1
    out: set[int] = set()
    for i in band:
        text = lines[i].text.strip()
        if _PAGE_NUMBER.match(text) or (pages > 1 and shapes[_DIGITS.sub("#", text)] > 1):
            out.add(i)
    return out


def layout_blocks(data: bytes) -> PdfLayout:
    """The paragraphs of a PDF's bytes (pdfminer reads it; its errors pass to the caller)."""
    lines, pages = _lines(data)
    characters = sum(len(x.text.strip()) for x in lines)
    if not lines:
        return PdfLayout([], pages, 0)
    furniture = _page_furniture(lines, pages)
    body = [x for i, x in enumerate(lines) if i not in furniture] or lines
    weights = Counter[float]()
    for x in body:
        weights[x.size] += len(x.text)
    size = weights.most_common(1)[0][0]
    width = size  # a Chinese character is as wide as the font is tall
    plain = [x for x in body if abs(x.size - size) < 0.5] or body
    left = sorted(x.x0 for x in plain)[len(plain) // 20]
    right = sorted(x.x1 for x in plain)[len(plain) * 9 // 10]
    steps = [round(b.top - a.top) for a, b in itertools.pairwise(plain)
             if a.page == b.page and 0 < b.top - a.top < 3 * size]
    pitch = Counter(steps).most_common(1)[0][0] if steps else 1.5 * size  # the usual step

    def indented(x: _Line) -> bool:
        return x.x0 >= left + _INDENT * width

    def short(x: _Line) -> bool:
        return x.x1 < right - _SHORT * width

    def ends(x: _Line) -> bool:
        return x.text.rstrip()[-1:] in _SENTENCE_END

    indents = any(indented(x) for x in plain)

    def breaks(a: _Line, b: _Line) -> bool:
        if b.text.lstrip()[:1] in _CLOSING:  # a line never opens with these: a wrap
            return False
        if abs(a.size - b.size) > 0.4 or a.bold != b.bold:
            return True
        if a.size >= size * _LARGER and a.page == b.page:  # a title or headline set large
            return b.top - a.top > _GAP * pitch * a.size / size or ends(a)
        if a.page != b.page:
            # Without first-line indents, only a sentence's end can say a paragraph ended.
            return short(a) or indented(b) or (not indents and ends(a))
        step = b.top - a.top
        if step > _GAP * pitch or step < -0.5 * size:
            return True
        if short(a):
            # In a document that indents first lines, an unindented line after a short one
            # that ends no sentence continues it (the short line held narrow Latin text).
            return not (indents and not indented(b) and not ends(a))
        return indented(b) and not indented(a)

    paragraphs: list[list[_Line]] = []
    pending: list[int] = []  # page furniture waiting for the paragraph it interrupts to end
    previous: _Line | None = None
    for i, x in enumerate(lines):
        if i in furniture:
            pending.append(i)
            continue
        if previous is None or breaks(previous, x):
            paragraphs.extend([lines[j]] for j in pending)
            pending.clear()
            paragraphs.append([x])
        else:
            paragraphs[-1].append(x)
        previous = x
    paragraphs.extend([lines[j]] for j in pending)

    return PdfLayout([_join(p) for p in paragraphs], pages, characters)


def _join(lines: list[_Line]) -> str:
    """One paragraph's lines as one line: Chinese wraps join with nothing between, a wrap
    between two Latin letters or digits with a space, but not one inside a number of
    Chinese text (Chinese layout wraps inside runs of digits: 1 | 36个 is 136个)."""
    out = lines[0].text.rstrip()
    for x in lines[1:]:
        piece = x.text.strip()
        if (out and piece and out[-1].isascii() and out[-1].isalnum() and piece[0].isascii()
                and piece[0].isalnum()
                and not (out[-1].isdigit() and piece[0].isdigit() and _HAN.search(out))):
            out += " "
        out += piece
    return re.sub(r"[\n\r\f\v]", " ", out)
