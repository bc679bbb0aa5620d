"""The labels Word draws in front of automatically numbered paragraphs (一、 （二） 1.2 第三条 ●),
which a .docx does not store in the paragraph's text: python-docx reads ``组织建设`` where the
page shows ``一、组织建设``. Headline numbering is what the structure reads levels from, so
the reader puts the labels back, counting as Word counts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ._regex import regex

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

__all__ = ["WML", "ListCounter", "ListLabels", "ListLevel", "int_or", "number_text",
           "outline_level", "style_heading_level"]

#: The WordprocessingML namespace, as lxml writes it before a tag's name.
WML = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W = WML
_LEVELS = 9
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PLACEHOLDER = regex(r"%([1-9])")
_TITLE_STYLE = regex(r"(?:title|标题)", re.IGNORECASE)
_HEADING_STYLE = regex(r"(?:heading|标题)\s*([1-9])", re.IGNORECASE)
_MARKS = frozenset("、，,．.）)】」:：")
#: The largest number written in a format other than decimal (Word's own limit).
_LARGEST = 32767


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return None if child is None else child.get(_W + "val")


def int_or(value: str | None, default: int) -> int:
    """An XML attribute's integer, or ``default`` when it is missing or no integer."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _counting(n: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五, as Chinese counting numbering shows them."""
    if not 0 < n < 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = digits[hundreds] + hundred if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + ten
    elif hundreds and ones:
        out += "零" if digits is _DIGITS else digits[0]
    return out + (digits[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


def number_text(n: int, fmt: str) -> str:
    """``n`` written in Word's number format ``fmt`` (``decimal``, ``chineseCounting``,
    ``upperRoman``, ``decimalEnclosedCircle``...); an unknown format, and a number past what
    a format can write (a hostile file's ``start``), reads as decimal."""
    if not 0 <= n <= _LARGEST:
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "ideographLegalTraditional"):
        return _counting(n)
    if fmt == "chineseLegalSimplified":
        return _counting(n, _LEGAL, "拾", "佰")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _EARTHLY[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "none":
        return ""
    return str(n)


def style_heading_level(style: str | None) -> int | None:
    """The heading level a Word style's name says (``Heading 2``, ``标题 2``; 0 for a
    title style), or None."""
    if not style:
        return None
    style = style.strip()
    heading = _HEADING_STYLE.fullmatch(style)
    if heading:
        return int(heading.group(1))
    return 0 if _TITLE_STYLE.fullmatch(style) else None


def outline_level(paragraph: Any, style: Any) -> int | None:
    """The heading level a paragraph's outline level gives (0 → 1 … 8 → 9; 9 is body text),
    its own or its style's: how a template's own heading styles (一级标题, 二级标题) and
    WPS mark headings that are not Word's built-in ones. ``paragraph`` is a ``w:p``
    element, ``style`` its python-docx style."""
    ppr = paragraph.pPr
    found = _val(ppr, "outlineLvl")
    for _ in range(10):  # a style's base chain, bounded against a cycle
        if found is not None or style is None:
            break
        found = _val(style.element.pPr, "outlineLvl")
        style = style.base_style
    level = int_or(found, -1)
    return level + 1 if 0 <= level < 9 else None


class ListLevel:
    """One level of a list: how its numbers start, are written and restart."""

    __slots__ = ("fmt", "legal", "restart", "start", "style", "suffix", "text")

    def __init__(self, *, start: int = 1, fmt: str = "decimal", text: str = "",
                 suffix: str = "tab", style: str | None = None, legal: bool = False,
                 restart: int | None = None) -> None:
        self.start, self.fmt, self.text, self.suffix = start, fmt, text, suffix
        self.style = style  # the paragraph style that is this level, if one is
        self.legal = legal  # every number in arabic digits
        # After which level (1-based) this one starts again; 0 never; None after any above.
        self.restart = restart

    @classmethod
    def from_xml(cls, element: Any) -> ListLevel:
        restart = _val(element, "lvlRestart")
        return cls(start=max(0, int_or(_val(element, "start"), 1)),
                   fmt=_val(element, "numFmt") or "decimal", text=_val(element, "lvlText") or "",
                   suffix=_val(element, "suff") or "tab", style=_val(element, "pStyle"),
                   legal=element.find(_W + "isLgl") is not None,
                   restart=None if restart is None else int_or(restart, 0))


def _levels(parent: Any) -> dict[int, ListLevel]:
    levels = {}
    for element in parent.iterchildren(_W + "lvl"):
        ilvl = int_or(element.get(_W + "ilvl"), -1)
        if 0 <= ilvl < _LEVELS:
            levels[ilvl] = ListLevel.from_xml(element)
    return levels


class _Num:
    """One use of a list (a ``w:num``, a .doc's list format override): the list it counts
    with, and the starts and levels it overrides there."""

    __slots__ = ("abstract", "levels", "starts")

    def __init__(self, abstract: str, starts: dict[int, int] | None = None,
                 levels: dict[int, ListLevel] | None = None) -> None:
        self.abstract = abstract
        self.starts = starts or {}
        self.levels = levels or {}

    @classmethod
    def from_xml(cls, element: Any) -> _Num:
        entry = cls(_val(element, "abstractNumId") or "")
        for override in element.iterchildren(_W + "lvlOverride"):
            ilvl = int_or(override.get(_W + "ilvl"), -1)
            if not 0 <= ilvl < _LEVELS:
                continue
            start = _val(override, "startOverride")
            if start is not None:
                entry.starts[ilvl] = max(0, int_or(start, 1))
            entry.levels.update({k: v for k, v in _levels(override).items() if k == ilvl})
        return entry


class ListCounter:
    """Counts numbered paragraphs in reading order, as Word does, and writes their labels:
    lists (by key) of levels, and their uses (by id), each with its overrides."""

    def __init__(self) -> None:
        self._abstract: dict[str, dict[int, ListLevel]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._starts: dict[str, dict[int, int]] = {}
        self._begun: set[str] = set()

    def add_list(self, key: str, levels: dict[int, ListLevel]) -> None:
        self._abstract[key] = {k: v for k, v in levels.items() if 0 <= k < _LEVELS}

    def add_use(self, num_id: str, key: str, starts: dict[int, int] | None = None,
                levels: dict[int, ListLevel] | None = None) -> None:
        """``num_id`` counts with list ``key``, starting again at ``starts`` by level."""
        self._nums[num_id] = _Num(key, {k: max(0, v) for k, v in (starts or {}).items()
                                        if 0 <= k < _LEVELS},
                                  {k: v for k, v in (levels or {}).items() if 0 <= k < _LEVELS})

    def known(self, num_id: str) -> bool:
        return num_id in self._nums

    def styled_level(self, num_id: str, style: str | None) -> int:
        """The level of ``num_id``'s list that names paragraph style ``style``, else 0."""
        levels = self._abstract.get(self._nums[num_id].abstract, {})
        return next((k for k, v in levels.items() if style and v.style == style), 0)

    def count(self, num_id: str, level: int) -> str:
        """The label of the next paragraph of ``num_id`` at ``level`` (0-based), counted."""
        num = self._nums[num_id]
        key = num.abstract
        levels = {**self._abstract.get(key, {}), **num.levels}
        if level not in levels:
            return ""
        counters = self._counters.setdefault(key, [None] * _LEVELS)
        starts = self._starts.setdefault(key, {})
        if num_id not in self._begun:
            self._begun.add(num_id)
            for k, start in num.starts.items():  # the list starts again, at these numbers
                counters[k] = None
                starts[k] = start

        def start_of(k: int) -> int:
            return starts.get(k, levels[k].start if k in levels else 1)

        for k in range(level):
            if counters[k] is None:
                counters[k] = start_of(k)
        current = counters[level]
        counters[level] = start_of(level) if current is None else current + 1
        for k in range(level + 1, _LEVELS):
            restart = levels[k].restart if k in levels else None
            if restart is None or (restart > 0 and level < restart):
                counters[k] = None
        spec = levels[level]
        if spec.fmt == "bullet":
            text = "".join("●" if 0xE000 <= ord(c) <= 0xF8FF else c for c in spec.text)
        else:
            def fill(m: Any) -> str:
                k = int(m.group(1)) - 1
                value = counters[k]
                fmt = levels[k].fmt if k in levels else "decimal"
                return number_text(start_of(k) if value is None else value,
                                   "decimal" if spec.legal else fmt)
            text = _PLACEHOLDER.sub(fill, spec.text)
        if not text.strip():
            return ""
        # Word sets a tab or a space after the label; after a mark (一、 1. （一）) the text
        # reads on without one, as such numbering is typed by hand.
        return text if spec.suffix == "nothing" or text[-1] in _MARKS else text + " "


class ListLabels(ListCounter):
    """Counts a .docx's numbered paragraphs in reading order and gives each its label."""

    def __init__(self, document: DocxDocument) -> None:
        super().__init__()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError, ValueError):
            return
        links: dict[str, str] = {}  # a numbering style's id -> the list that defines it
        linked: dict[str, str] = {}  # a list that only points to a numbering style -> its id
        for abstract in root.iterchildren(_W + "abstractNum"):
            key = abstract.get(_W + "abstractNumId") or ""
            self.add_list(key, _levels(abstract))
            if _val(abstract, "styleLink") is not None:
                links[_val(abstract, "styleLink") or ""] = key
            if _val(abstract, "numStyleLink") is not None:
                linked[key] = _val(abstract, "numStyleLink") or ""
        for num in root.iterchildren(_W + "num"):
            entry = _Num.from_xml(num)
            # A list defined through a numbering style counts with that style's list.
            entry.abstract = links.get(linked.get(entry.abstract, ""), entry.abstract)
            self._nums[num.get(_W + "numId") or ""] = entry

    def _numbering(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """The paragraph's list and level, each its own or else its style's (a heading style
        linked to a multilevel list, the level then being the one that names the style)."""
        ppr = paragraph._p.pPr
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        num_id, ilvl = _val(numpr, "numId"), _val(numpr, "ilvl")
        style, named = paragraph.style, None
        for _ in range(10):  # a style's base chain, bounded against a cycle
            if style is None or (num_id is not None and ilvl is not None):
                break
            spr = style.element.pPr
            numpr = spr.find(_W + "numPr") if spr is not None else None
            if numpr is not None:
                named = named or style.style_id
                num_id = num_id if num_id is not None else _val(numpr, "numId")
                ilvl = ilvl if ilvl is not None else _val(numpr, "ilvl")
            style = style.base_style
        if num_id is None or num_id == "0" or not self.known(num_id):
            return None
        if ilvl is None:
            return num_id, self.styled_level(num_id, named)
        return num_id, int_or(ilvl, 0)

    def label(self, paragraph: Paragraph) -> str:
        """What Word draws before ``paragraph``, or ``""``; counts it, so call it once per
        paragraph in reading order. A paragraph deleted with its mark in a tracked change
        is neither shown nor counted."""
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.find(f"{_W}rPr/{_W}del") is not None:
            return ""
        found = self._numbering(paragraph)
        return "" if found is None else self.count(*found)
