"""The labels Word draws in front of automatically numbered paragraphs (一、 （二） 1.2 第三条 ●),
which a .docx does not store in the paragraph's text: python-docx reads ``组织建设`` where the
page shows ``一、组织建设``. Headline numbering is what the structure reads levels from, so
the reader puts the labels back, counting as Word counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._regex import regex

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

__all__ = ["ListLabels", "number_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PLACEHOLDER = regex(r"%([1-9])")
_MARKS = frozenset("、，,．.）)】」:：")


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return None if child is None else child.get(_W + "val")


def _int(value: str | None, default: int) -> int:
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
    ``upperRoman``, ``decimalEnclosedCircle``...); an unknown format reads as decimal."""
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
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "none":
        return ""
    return str(n)


class _Level:
    __slots__ = ("fmt", "legal", "start", "style", "suffix", "text")

    def __init__(self, element: Any) -> None:
        self.start = _int(_val(element, "start"), 1)
        self.fmt = _val(element, "numFmt") or "decimal"
        self.text = _val(element, "lvlText") or ""
        self.suffix = _val(element, "suff") or "tab"
        self.style = _val(element, "pStyle")
        self.legal = element.find(_W + "isLgl") is not None  # every number in arabic digits


class ListLabels:
    """Counts a document's numbered paragraphs in reading order and gives each its label."""

    def __init__(self, document: DocxDocument) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._restarted: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError, ValueError):
            return
        for abstract in root.iter(_W + "abstractNum"):
            key = abstract.get(_W + "abstractNumId")
            self._abstract[key] = {_int(lvl.get(_W + "ilvl"), 0): _Level(lvl)
                                   for lvl in abstract.iter(_W + "lvl")}
        for num in root.iter(_W + "num"):
            starts = {_int(o.get(_W + "ilvl"), 0): _int(_val(o, "startOverride"), 1)
                      for o in num.iter(_W + "lvlOverride") if _val(o, "startOverride") is not None}
            self._nums[num.get(_W + "numId")] = (_val(num, "abstractNumId") or "", starts)

    def _numbering(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """The paragraph's list and level: its own, or its style's (a heading style linked to
        a multilevel list), the level then being the one that names the style."""
        ppr = paragraph._p.pPr
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        if numpr is not None:
            return _val(numpr, "numId") or "0", _int(_val(numpr, "ilvl"), 0)
        style = paragraph.style
        for _ in range(10):  # a style's base chain, bounded against a cycle
            if style is None:
                return None
            spr = style.element.pPr
            numpr = spr.find(_W + "numPr") if spr is not None else None
            if numpr is not None:
                num_id = _val(numpr, "numId") or "0"
                level = _val(numpr, "ilvl")
                if level is None:
                    abstract = self._abstract.get(self._nums.get(num_id, ("", {}))[0], {})
                    level = next((str(k) for k, v in abstract.items() if v.style == style.style_id),
                                 "0")
                return num_id, _int(level, 0)
            style = style.base_style
        return None

    def label(self, paragraph: Paragraph) -> str:
        """What Word draws before ``paragraph``, or ``""``; counts it, so call it once per
        paragraph in reading order."""
        found = self._numbering(paragraph)
        if found is None or found[0] not in self._nums:
            return ""
        num_id, level = found
        key, starts = self._nums[num_id]
        levels = self._abstract.get(key)
        if not levels or level not in levels:
            return ""
        counters = self._counters.setdefault(key, [None] * _LEVELS)
        if num_id not in self._restarted:
            self._restarted.add(num_id)
            for k, start in starts.items():
                if 0 <= k < _LEVELS:
                    counters[k] = start - 1
        for k in range(min(level, _LEVELS)):
            if counters[k] is None:
                counters[k] = levels[k].start if k in levels else 1
        current = counters[level]
        counters[level] = levels[level].start if current is None else current + 1
        for k in range(level + 1, _LEVELS):
            counters[k] = None
        spec = levels[level]
        if spec.fmt == "bullet":
            text = "".join("●" if 0xE000 <= ord(c) <= 0xF8FF else c for c in spec.text)
        else:
            def fill(m: Any) -> str:
                k = int(m.group(1)) - 1
                value = counters[k]
                fmt = levels[k].fmt if k in levels else "decimal"
                return number_text(1 if value is None else value,
                                   "decimal" if spec.legal else fmt)
            text = _PLACEHOLDER.sub(fill, spec.text)
        if not text.strip():
            return ""
        # Word sets a tab or a space after the label; after a mark (一、 1. （一）) the text
        # reads on without one, as such numbering is typed by hand.
        return text if spec.suffix == "nothing" or text[-1] in _MARKS else text + " "
