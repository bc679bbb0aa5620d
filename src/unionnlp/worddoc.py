"""Paragraphs of a Word 97-2003 binary document (.doc, and WPS Office's .wps saved in it).

The text is read from the document's piece table ([MS-DOC] 2.4.1): pieces of cp1252 or
UTF-16 text in the ``WordDocument`` stream. Paragraph marks, table cells and rows, and the
built-in heading styles and outline levels of the paragraph properties give the same
blocks and heading hints as a .docx; fields keep their result and lose their code.
The compound file itself is opened by olefile.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import struct
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from unionnlp.errors import CorruptFileError

from .docxlists import ListCounter, ListLevel

__all__ = ["NUMBER_FORMATS", "OLE_MAGIC", "DocBlock", "doc_blocks"]

#: The first bytes of an OLE compound file (a .doc, .xls, .ppt or an encrypted .docx).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_WORD_IDENT = 0xA5EC
_WORD_95 = 105  # the last nFib of Word 6 and 95, whose files keep their text otherwise
_F_ENCRYPTED = 0x0100
_F_TABLE_1 = 0x0200
# Pairs of FibRgFcLcb97 by index: the style sheet, character and paragraph property
# pages, piece table, lists and their uses (list format overrides).
_STSHF, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _CLX, _PLF_LST, _PLF_LFO = 1, 12, 13, 33, 73, 74
_FKP_SIZE = 512
# Paragraph sprms: in a table, row end (table terminating paragraph), outline level;
# Word 2000's nested-table cell and row ends.
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_OUTLINE = 0x2416, 0x2417, 0x2640
_SPRM_INNER_TTP = 0x244C
# Properties too large for their page: the rest is in the Data stream, at this offset.
_SPRM_HUGE_PAPX = 0x6646
_SPRM_CHANGE_TABS = 0xC615
# A paragraph's list (1-based index of its use, 0 none, 0xF801 and above none) and level.
_SPRM_ILFO, _SPRM_ILVL = 0x460B, 0x260A
_NO_LIST = 0xF801
_NO_STYLE = 0x0FFF
# Character sprms of text Word does not show: deleted with changes tracked, hidden.
_SPRM_DELETED, _SPRM_HIDDEN = 0x0800, 0x083C
# A toggle's operand: on, or the opposite of its style's (off in the built-in styles).
_TOGGLE_ON = (0x01, 0x81)
# Style identifiers of the built-in styles: heading 1-9, and Title.
_STI_HEADINGS = range(1, 10)
_STI_TITLE = 62

_PARAGRAPH_END, _CELL_END = "\r", "\x07"
_MARKS = re.compile("[\r\x07]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
# Characters that stand for something not text (pictures, drawn objects, note and
# comment references) or that Word draws otherwise: line and page breaks, hyphens.
_DRAWN = {"\x0b": "\n", "\x0c": "\r", "\x0e": "\r", "\x1e": "-"}


@dataclass(frozen=True, slots=True)
class DocBlock:
    """A paragraph of the main text, or a table row (``cells``, joined by tabs in ``text``);
    soft line breaks are ``"\\n"`` in the text."""

    text: str
    cells: tuple[str, ...] = ()
    level: int | None = None


@dataclass(frozen=True, slots=True)
class _Piece:
    cp: int
    end: int
    offset: int
    compressed: bool


@dataclass(frozen=True, slots=True)
class _Mark:
    """What the paragraph properties say of the paragraph a mark ends: in a table, the end
    of a row, its heading level, and its list use and level (``label``: as Word draws it)."""

    in_table: bool = False
    row_end: bool = False
    level: int | None = None
    ilfo: int | None = None
    ilvl: int | None = None
    named: str | None = None


@dataclass(frozen=True, slots=True)
class _Style:
    """A paragraph style: its heading level, base style, list use and level."""

    level: int | None = None
    base: int = _NO_STYLE
    ilfo: int | None = None
    ilvl: int | None = None


#: Word's list number formats (nfc) by code, as WordprocessingML names them.
NUMBER_FORMATS = {
    0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
    14: "decimalFullWidth", 18: "decimalEnclosedCircle", 19: "decimalFullWidth2",
    22: "decimalZero", 23: "bullet", 28: "decimalEnclosedCircleChinese",
    10: "ideographDigital", 11: "japaneseCounting", 17: "japaneseDigitalTenThousand",
    30: "ideographTraditional", 31: "ideographZodiac", 33: "taiwaneseCounting",
    34: "ideographLegalTraditional", 35: "taiwaneseCountingThousand", 36: "taiwaneseDigital",
    37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand",
    255: "none",
}
_FOLLOW = {0: "tab", 1: "space", 2: "nothing"}

logger = logging.getLogger(__name__)


def doc_blocks(data: bytes, path: str) -> list[DocBlock]:
    """The blocks of a .doc's main text; :class:`CorruptFileError` naming ``path`` when the
    file is no Word binary document, is password-protected or is damaged."""
    import olefile

    if not data.startswith(OLE_MAGIC):
        raise CorruptFileError(path, "neither a Word 97-2003 document nor a .docx, web page "
                                     "or web archive")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as exc:
        raise CorruptFileError(path, f"not a readable Word 97-2003 document ({exc})") from exc
    try:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise CorruptFileError(path, "the document is password-protected (encrypted); "
                                         "save a copy without a password")
        if not ole.exists("WordDocument"):
            raise CorruptFileError(path, "an Office compound file without Word text "
                                         "(a spreadsheet or presentation?)")
        word = ole.openstream("WordDocument").read()
        flags = _flags(word, path)
        if flags & _F_ENCRYPTED:
            raise CorruptFileError(path, "the document is password-protected (encrypted); "
                                         "save a copy without a password")
        table_name = "1Table" if flags & _F_TABLE_1 else "0Table"
        if not ole.exists(table_name):
            raise CorruptFileError(path, f"the document's {table_name} stream is missing")
        table = ole.openstream(table_name).read()
        extra = ole.openstream("Data").read() if ole.exists("Data") else b""
        return _Reader(word, table, path, extra).blocks()
    except (OSError, ValueError, IndexError, struct.error, RecursionError) as exc:
        raise CorruptFileError(path, f"not a readable Word 97-2003 document ({exc})") from exc
    finally:
        ole.close()


def _flags(word: bytes, path: str) -> int:
    if len(word) < 32:
        raise CorruptFileError(path, "the Word document stream is truncated")
    ident, version, _, _, _, flags = struct.unpack_from("<6H", word, 0)
    if ident != _WORD_IDENT or version <= _WORD_95:
        raise CorruptFileError(path, "no Word 97-2003 document (Word 6/95 files are not read; "
                                     "save it as .docx)")
    return int(flags)


class _Reader:
    """The piece table, style sheet and paragraph property pages of one document."""

    def __init__(self, word: bytes, table: bytes, path: str, data: bytes = b"") -> None:
        self.word, self.table, self.path, self.data = word, table, path, data
        self.pairs, self.text_length = self._fib()

    def _fib(self) -> tuple[list[tuple[int, int]], int]:
        word = self.word
        at = 32
        (csw,) = struct.unpack_from("<H", word, at)
        at += 2 + 2 * csw
        (cslw,) = struct.unpack_from("<H", word, at)
        lw = struct.unpack_from(f"<{cslw}i", word, at + 2)
        at += 2 + 4 * cslw
        (pair_count,) = struct.unpack_from("<H", word, at)
        if pair_count <= _CLX or cslw <= 3:
            raise CorruptFileError(self.path, "the document's file information block is short")
        flat = struct.unpack_from(f"<{2 * pair_count}I", word, at + 2)
        return list(zip(flat[::2], flat[1::2], strict=True)), max(0, lw[3])

    def _table_bytes(self, index: int) -> bytes:
        offset, size = self.pairs[index]
        if not size:
            return b""
        if offset + size > len(self.table):
            raise CorruptFileError(self.path, "the document's tables point past their stream")
        return self.table[offset:offset + size]

    def pieces(self) -> list[_Piece]:
        clx = self._table_bytes(_CLX)
        at = 0
        while at < len(clx) and clx[at] == 0x01:  # Prc: property changes of complex files
            (size,) = struct.unpack_from("<H", clx, at + 1)
            at += 3 + size
        if at >= len(clx) or clx[at] != 0x02:
            raise CorruptFileError(self.path, "the document has no piece table")
        (size,) = struct.unpack_from("<I", clx, at + 1)
        plc = clx[at + 5:at + 5 + size]
        count = (len(plc) - 4) // 12
        if count <= 0:
            return []
        cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
        if cps[0] != 0 or any(b < a for a, b in itertools.pairwise(cps)):
            raise CorruptFileError(self.path, "the document's piece table is out of order")
        pieces = []
        for i in range(count):
            (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * i + 2)
            compressed = bool(fc & 0x40000000)
            offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
            if cps[i + 1] > cps[i]:
                pieces.append(_Piece(cps[i], cps[i + 1], offset, compressed))
        # The pieces of a real file never share bytes; shared, they would multiply the text.
        spans = sorted((p.offset, p.offset + (p.end - p.cp) * (1 if p.compressed else 2))
                       for p in pieces)
        if any(b[0] < a[1] for a, b in itertools.pairwise(spans)):
            raise CorruptFileError(self.path, "the document's text pieces overlap")
        return pieces

    def text(self, pieces: list[_Piece]) -> tuple[str, list[tuple[int, int, int]]]:
        """The main text, and where each piece of it starts: (character index, stream
        offset, bytes per character)."""
        parts: list[str] = []
        starts: list[tuple[int, int, int]] = []
        length = 0
        for piece in pieces:
            end = min(piece.end, self.text_length)
            if end <= piece.cp:
                continue
            count = end - piece.cp
            width = 1 if piece.compressed else 2
            raw = self.word[piece.offset:piece.offset + width * count]
            if len(raw) < width * count:
                raise CorruptFileError(self.path, "the document's text runs past its stream")
            parts.append(raw.decode("cp1252", "replace") if piece.compressed
                         else _code_units(raw))
            starts.append((length, piece.offset, width))
            length += count
        return "".join(parts), starts

    def styles(self) -> dict[int, _Style]:
        """The paragraph styles by index: built-in headings (1-9, Title 0), outline levels,
        base styles, lists."""
        sheet = self._table_bytes(_STSHF)
        if len(sheet) < 6:
            return {}
        header, count, base_size = struct.unpack_from("<HHH", sheet, 0)
        at = 2 + header
        styles: dict[int, _Style] = {}
        for index in range(count):
            if at + 2 > len(sheet):
                break
            (size,) = struct.unpack_from("<H", sheet, at)
            std = sheet[at + 2:at + 2 + size]
            at += 2 + size
            if len(std) < 10:
                continue
            sti_word, kind_word = struct.unpack_from("<HH", std, 0)
            sti, kind, base = sti_word & 0x0FFF, kind_word & 0x000F, kind_word >> 4
            level = sti if sti in _STI_HEADINGS else 0 if sti == _STI_TITLE else None
            sprms: dict[int, int] = {}
            name_at = max(base_size, 10)
            if kind == 1 and name_at + 2 <= len(std):  # a paragraph style: its UPX follows
                (chars,) = struct.unpack_from("<H", std, name_at)
                upx = name_at + 2 + 2 * chars + 2
                if upx + 2 <= len(std):
                    (upx_size,) = struct.unpack_from("<H", std, upx)
                    sprms = _sprms(std[upx + 4:upx + 2 + upx_size])  # past the istd
            outline = sprms.get(_SPRM_OUTLINE)
            if level is None and outline is not None and outline < 9:
                level = outline + 1
            styles[index] = _Style(level, base, sprms.get(_SPRM_ILFO), sprms.get(_SPRM_ILVL))
        return styles

    def lists(self) -> ListCounter:
        """The document's lists and their uses, to count numbered paragraphs with; damaged
        list tables give no labels rather than no text."""
        counter = ListCounter()
        try:
            self._read_lists(counter)
        except (struct.error, IndexError, ValueError):
            logger.debug("%s: unreadable list tables; paragraphs read without numbers", self.path)
            return ListCounter()
        return counter

    def _read_lists(self, counter: ListCounter) -> None:
        table = self.table
        offset, size = self.pairs[_PLF_LST] if len(self.pairs) > _PLF_LST else (0, 0)
        if size < 2:
            return
        (count,) = struct.unpack_from("<h", table, offset)
        at = offset + size  # the lists' levels follow their table
        for index in range(max(0, count)):
            lstf = offset + 2 + 28 * index
            lsid, = struct.unpack_from("<i", table, lstf)
            styles = struct.unpack_from("<9H", table, lstf + 8)
            simple = table[lstf + 26] & 0x01
            levels: dict[int, ListLevel] = {}
            for level in range(1 if simple else 9):
                parsed, at = _list_level(table, at)
                style = styles[level]
                parsed.style = None if style == _NO_STYLE else str(style)
                levels[level] = parsed
            counter.add_list(str(lsid), levels)
        offset, size = self.pairs[_PLF_LFO] if len(self.pairs) > _PLF_LFO else (0, 0)
        if size < 4:
            return
        (count,) = struct.unpack_from("<i", table, offset)
        uses = [struct.unpack_from("<i8xB", table, offset + 4 + 16 * i)
                for i in range(max(0, count))]
        at = offset + 4 + 16 * len(uses)
        for number, (lsid, overrides) in enumerate(uses, 1):
            at += 4  # the use's cp
            starts: dict[int, int] = {}
            formats: dict[int, ListLevel] = {}
            for _ in range(overrides):
                start, flags = struct.unpack_from("<iI", table, at)
                at += 8
                level = flags & 0x0F
                if flags & 0x20:  # a whole level of its own follows
                    formats[level], at = _list_level(table, at)
                if flags & 0x10:
                    starts[level] = start
            counter.add_use(str(number), str(lsid), starts, formats)

    def _property_pages(self, index: int, what: str) -> Iterator[tuple[bytes, int, tuple[int, ...]]]:
        """The property pages (FKPs) that the page index at FIB pair ``index`` lists, each
        once: the page, its count of runs and the runs' stream positions (one more)."""
        plc = self._table_bytes(index)
        count = (len(plc) - 4) // 8
        if count <= 0:
            return
        for page in _pages(plc, count):
            fkp = self.word[page * _FKP_SIZE:(page + 1) * _FKP_SIZE]
            if len(fkp) < _FKP_SIZE:
                raise CorruptFileError(self.path, f"a {what} property page is cut off")
            runs = fkp[_FKP_SIZE - 1]
            yield fkp, runs, struct.unpack_from(f"<{runs + 1}I", fkp, 0)

    def marks(self) -> tuple[list[int], list[_Mark]]:
        """Paragraph properties by the stream position where their paragraphs end: the
        runs' end positions (sorted) and what each run's properties say."""
        styles = self.styles()
        ends: list[int] = []
        marks: list[_Mark] = []
        for fkp, runs, fcs in self._property_pages(_PLCF_BTE_PAPX, "paragraph"):
            for run in range(runs):
                ends.append(fcs[run + 1])
                marks.append(self._mark(fkp, 4 * (runs + 1) + 13 * run, styles))
        order = sorted(range(len(ends)), key=ends.__getitem__)
        return [ends[i] for i in order], [marks[i] for i in order]

    def _mark(self, fkp: bytes, entry: int, styles: dict[int, _Style]) -> _Mark:
        at = 2 * fkp[entry]
        if not at:
            return _Mark()
        size = fkp[at]
        if size:
            at, length = at + 1, 2 * size - 1
        else:
            at, length = at + 2, 2 * fkp[at + 1]
        papx = fkp[at:at + length]
        if len(papx) < 2:
            return _Mark()
        (istd,) = struct.unpack_from("<H", papx, 0)
        sprms = _sprms(papx[2:])
        huge = sprms.get(_SPRM_HUGE_PAPX)
        if huge is not None and huge + 2 <= len(self.data):
            (size,) = struct.unpack_from("<H", self.data, huge)
            sprms.update(_sprms(self.data[huge + 2:huge + 2 + size]))
        outline = sprms.get(_SPRM_OUTLINE)
        level = outline + 1 if outline is not None and outline < 9 else None
        ilfo, ilvl, named = sprms.get(_SPRM_ILFO), sprms.get(_SPRM_ILVL), None
        style = istd
        for _ in range(10):  # a style's base chain, bounded against a cycle
            found = styles.get(style)
            if found is None:
                break
            if level is None:
                level = found.level
            if found.ilfo is not None:
                named = named or str(style)
                ilfo = found.ilfo if ilfo is None else ilfo
                ilvl = found.ilvl if ilvl is None else ilvl
            style = found.base
        return _Mark(in_table=bool(sprms.get(_SPRM_IN_TABLE)),
                     row_end=bool(sprms.get(_SPRM_TTP) or sprms.get(_SPRM_INNER_TTP)),
                     level=level, ilfo=ilfo, ilvl=ilvl, named=named)

    def unshown(self) -> list[tuple[int, int]]:
        """Stream ranges of text deleted with changes tracked or hidden, in stream order."""
        ranges: list[tuple[int, int]] = []
        for fkp, runs, fcs in self._property_pages(_PLCF_BTE_CHPX, "character"):
            for run in range(runs):
                at = 2 * fkp[4 * (runs + 1) + run]
                if not at:
                    continue
                sprms = _sprms(fkp[at + 1:at + 1 + fkp[at]])
                if (sprms.get(_SPRM_DELETED) in _TOGGLE_ON
                        or sprms.get(_SPRM_HIDDEN) in _TOGGLE_ON):
                    ranges.append((fcs[run], fcs[run + 1]))
        return ranges

    def _shown(self, text: str, starts: list[tuple[int, int, int]]) -> bytearray:
        """1 for each character of ``text`` Word shows, 0 for the others (see
        :meth:`unshown`); paragraph and cell marks are always kept."""
        shown = bytearray(b"\1") * len(text)
        unshown = self.unshown()
        if not unshown:
            return shown
        ranges = _merged(unshown)
        lows = [low for low, _ in ranges]
        ends = [*(first for first, _, _ in starts[1:]), len(text)]
        for (first, offset, width), end in zip(starts, ends, strict=True):
            top = offset + width * (end - first)
            # Ranges are disjoint, so each one met here hides a character of this piece.
            i = max(0, bisect_right(lows, offset) - 1)
            while i < len(ranges) and ranges[i][0] < top:
                low, high = ranges[i]
                i += 1
                if high <= offset:
                    continue
                a = first + (max(low, offset) - offset) // width
                b = first + -(-(min(high, top) - offset) // width)
                shown[a:b] = bytes(b - a)
        for mark in _MARKS.finditer(text):
            shown[mark.start()] = 1
        return shown

    def blocks(self) -> list[DocBlock]:
        text, starts = self.text(self.pieces())
        firsts = [first for first, _, _ in starts]
        ends, marks = self.marks()
        shown = self._shown(text, starts)
        lists = self.lists()

        def mark_at(index: int) -> _Mark:
            if not ends:
                return _Mark()
            first, offset, width = starts[bisect_right(firsts, index) - 1]
            run = bisect_right(ends, offset + width * (index - first))
            return marks[run] if run < len(marks) else _Mark()

        def label(mark: _Mark) -> str:
            """What Word draws before the paragraph (counted: once per paragraph, in order)."""
            use = str(mark.ilfo)
            if not mark.ilfo or mark.ilfo >= _NO_LIST or not lists.known(use):
                return ""
            level = lists.styled_level(use, mark.named) if mark.ilvl is None else mark.ilvl
            return lists.count(use, level)

        blocks: list[DocBlock] = []
        cells: list[str] = []
        cell: list[str] = []  # the paragraphs of the cell being read
        paragraph: list[str] = []
        fields: list[bool] = []  # per open field: past its separator (showing its result)
        for index, char in enumerate(text):
            if not shown[index]:
                continue
            if char == _FIELD_BEGIN:
                fields.append(False)
            elif char == _FIELD_SEPARATOR:
                if fields:
                    fields[-1] = True
            elif char == _FIELD_END:
                if fields:
                    fields.pop()
            elif char == _CELL_END:
                mark = mark_at(index)
                # Without paragraph properties, a cell mark right after one ends the row.
                if mark.row_end if ends else not paragraph and not cell:
                    if any(c.strip() for c in cells):
                        blocks.append(DocBlock("\t".join(cells), tuple(cells)))
                    cells = []
                else:
                    cell.append(label(mark) + "".join(paragraph))
                    cells.append("\n".join(cell))
                    cell = []
                paragraph = []
            elif not all(fields):
                continue
            elif (char := _DRAWN.get(char, char)) == _PARAGRAPH_END:
                mark = mark_at(index)
                number, line = label(mark), "".join(paragraph)  # an empty item is counted
                if mark.in_table:
                    cell.append(number + line)
                elif line.strip():
                    blocks.append(DocBlock(number + line, level=mark.level))
                paragraph = []
            elif char >= " " or char in "\n\t":
                paragraph.append(char)
        if cell or (paragraph and cells):
            cells.append("\n".join([*cell, "".join(paragraph)]))
            paragraph = []
        if any(c.strip() for c in cells):
            blocks.append(DocBlock("\t".join(cells), tuple(cells)))
        if "".join(paragraph).strip():
            blocks.append(DocBlock("".join(paragraph)))
        return [DocBlock(_paired(b.text), tuple(map(_paired, b.cells)), b.level) for b in blocks]


def _pages(plc: bytes, count: int) -> list[int]:
    """The property pages a page index lists, each once (a damaged index may repeat one)."""
    pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))
    return sorted({page & 0x3FFFFF for page in pages})


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        elif high > low:
            merged.append((low, high))
    return merged


def _code_units(raw: bytes) -> str:
    """UTF-16 text one character per code unit, as character positions count it: a
    character past U+FFFF stays two surrogates until :func:`_paired` joins them."""
    text = raw.decode("utf-16-le", "surrogatepass")
    if len(text) == len(raw) // 2:
        return text
    return "".join(map(chr, struct.unpack(f"<{len(raw) // 2}H", raw)))


def _paired(text: str) -> str:
    """Surrogate pairs joined into their characters; a lone surrogate becomes U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _list_level(table: bytes, at: int) -> tuple[ListLevel, int]:
    """The list level (LVL) at ``at`` of the table stream, and where the next one starts.
    Its number text marks the places of level k's number with character k (0-8)."""
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    follow, chpx_size, papx_size, restart_limit = struct.unpack_from("<B8xBBB", table, at + 15)
    at += 28 + papx_size + chpx_size
    (chars,) = struct.unpack_from("<H", table, at)
    raw = table[at + 2:at + 2 + 2 * chars]
    if len(raw) < 2 * chars:
        raise ValueError("a list level's text runs past the table stream")
    text = "".join(f"%{ord(c) + 1}" if ord(c) < 9 else c for c in raw.decode("utf-16-le"))
    return ListLevel(start=max(0, start), fmt=NUMBER_FORMATS.get(nfc, "decimal"), text=text,
                     suffix=_FOLLOW.get(follow, "tab"), legal=bool(flags & 0x04),
                     restart=restart_limit if flags & 0x08 else None), at + 2 + 2 * chars


# Operand sizes by a sprm's spra (its top three bits); 6 means a size byte comes first.
_OPERAND_SIZES = (1, 1, 2, 4, 2, 2, -1, 3)


def _sprms(grpprl: bytes) -> dict[int, int]:
    """The one-, two- and four-byte operands of a property list, by sprm (others skipped)."""
    found: dict[int, int] = {}
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        size = _OPERAND_SIZES[sprm >> 13]
        if size < 0:
            if at >= len(grpprl):
                break
            if sprm == 0xD608:  # sprmTDefTable: a two-byte size, one more than it says
                size = struct.unpack_from("<H", grpprl, at)[0] + 1
            else:
                size = grpprl[at] + 1
        elif size in (1, 2, 4) and at + size <= len(grpprl):
            found[sprm] = int.from_bytes(grpprl[at:at + size], "little")
        if sprm == _SPRM_CHANGE_TABS and size == 256 and at + 2 <= len(grpprl):
            # A size byte of 255 means: count the tab stops deleted and added instead.
            deleted = grpprl[at + 1]
            added_at = at + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < len(grpprl) else 0
            size = 3 + 4 * deleted + 3 * added
        at += size
    return found


