"""Split normalised text into lines and tell what each line is.

A line is furniture (page numbers, web navigation), part of a title block
(subtitle, byline), a headline, or body text; headlines carry their numbering
style so that nesting levels can be inferred per document.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, cast, get_args

from ._regex import regex
from .normalize import GLOSS_TAIL
from .resources import Entry, lexicon

__all__ = [
    "BULLETS",
    "CAPTION",
    "COMMA",
    "FIGURE",
    "HEADLINE_MAX",
    "LONG_LINE",
    "Line",
    "LineKind",
    "Style",
    "bar_cells",
    "breaks_off",
    "classify",
    "ends_sentence",
    "furniture_rule",
    "numbering",
    "opening",
    "opens_model_text",
    "runs_into",
    "split_lines",
    "style_depth",
]

logger = logging.getLogger(__name__)

#: What a line is: page furniture, part of a title block (title, subtitle, byline), a
#: headline, a table row, a photo caption, or body text.
LineKind = Literal["body", "byline", "caption", "furniture", "headline", "subtitle", "table",
                   "title"]
#: A headline's numbering: one of the styles of ``_NUMBERED``, a markdown heading of depth
#: 1-6, a format's heading level 0-9 (.docx styles, HTML h1-h6), or none (``plain``).
Style = Literal["part", "cn", "ordinal", "paren_cn", "arabic", "dec2", "dec3", "dec4",
                "paren_arabic", "circled", "plain",
                "md1", "md2", "md3", "md4", "md5", "md6",
                "hint0", "hint1", "hint2", "hint3", "hint4", "hint5", "hint6", "hint7",
                "hint8", "hint9"]
_STYLES: frozenset[str] = frozenset(get_args(Style))
#: The depth a style states itself (markdown and format hints), by style.
_DEPTH: dict[str, int] = {**{f"md{d}": d for d in range(1, 7)},
                          **{f"hint{d}": d for d in range(10)}}


def style_depth(style: Style | None) -> int | None:
    """The heading depth a style states (``md2`` → 2, ``hint0`` → 0); None for numbering
    styles, whose depth depends on the document."""
    return None if style is None else _DEPTH.get(style)


def _style(name: str) -> Style:
    if name not in _STYLES:
        raise ValueError(f"not a numbering style: {name!r}")
    return cast(Style, name)


HEADLINE_MAX = 40
#: A part's headline alone on its line runs to this many characters (a longer one, or one
#: with a gap between words where a flattened page's line broke, goes on into its text).
_LONG_CN_HEADLINE = 80
_HAN_GAP = regex(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]")
#: A line at least this long holds a page's text whose line breaks were lost, not a line
#: hard-wrapped at the page's width.
LONG_LINE = 120
#: Headlines in a row, with no text between, that make a table of contents.
_CONTENTS = 5
_LEXICON = lexicon()
_CN_NUM = _LEXICON.chars["cn_numerals"]
#: Numbering styles of headlines, tried in order (``resources/lexicon.toml``).
_NUMBERED: tuple[tuple[Style, re.Pattern[str]], ...] = tuple(
    (_style(entry.name), regex(entry.pattern)) for entry in _LEXICON.numbering)
#: Markdown headings, then the numbering styles in their order, as one pattern: the first
#: alternative that matches wins, as when they are tried one by one.
_NUMBERING = regex("|".join(
    [r"(?P<md>#{1,6})\s+", *(f"(?P<{style}>{pattern.pattern})" for style, pattern in _NUMBERED)]))

_FINAL = set(_LEXICON.chars["final"])
#: Characters that open a list item.
BULLETS = frozenset(_LEXICON.chars["bullets"])
_CLOSERS = _LEXICON.chars["closers"]
_CLAUSE_MARK = regex("[，,。；;：:]")
#: Each opening bracket or quote, to its closing mark.
_CLOSER_OF = dict(zip(_LEXICON.chars["pairs"][::2], _LEXICON.chars["pairs"][1::2], strict=True))
_BRACKET = regex("[" + re.escape(_LEXICON.chars["pairs"]) + "]")
_SENTENCE_MARK = regex("[。！？；;]")
#: A comma, full-width or ASCII.
COMMA = regex("[，,]")
#: A figure a sentence reports: a number and its counter (42家, 3000余名, 36万元, 百分之…).
FIGURE = regex(
    rf"(?:\d|[零〇一二三四五六七八九十百千万两]{{2,}})[\d,.，]*\s*"
    rf"(?:%|％|[万亿千百]?[{_LEXICON.chars['counters']}])")
_CLAUSE_COMMA = regex(r"，|,(?!\d{3}(?!\d))")  # not 25,000
_NOT_HEADLINE_END = set("，、,：:（(“‘《—-的和与及或把将对从并而")



def _alternatives(entries: tuple[Entry, ...]) -> re.Pattern[str]:
    """One pattern matching a whole line that any entry matches from its start."""
    return regex("^(?:\n" + "\n| ".join(e.pattern for e in entries) + "\n)", re.VERBOSE)


#: Page furniture known by how the line opens.
_FURNITURE = _alternatives(_LEXICON.furniture)
#: Page furniture known by a word further in, tried only on lines that have one of the
#: words or characters in ``_FURNITURE_CUE`` (what every pattern here needs).
_FURNITURE_INSIDE = _alternatives(_LEXICON.furniture_inside)
_FURNITURE_CUE = regex(_LEXICON.furniture_cue)
_SUBTITLE = regex(r"^(?:——|－－|--|—)\s*\S")
_BYLINE = regex(
    r"^(?:[□■]\s*\S|(?:本报|本刊|本网)(?:记者|通讯员|特约记者)|(?:记者|通讯员|文|作者|文/图|图/文)\s*[:：/／\s])"
)


_POSTS = (r"(?:书记|主席|局长|部长|主任|经理|董事长|理事长|会长|校长|院长|委员|常委|厅长|县长|"
          r"市长|区长|镇长|处长|科长|干事|干部)")
#: Who wrote or gave it, under a title: an office and a name (市总工会党组书记、主席　王某),
#: or offices alone where a speech prints the speaker's posts (副县长、县总工会主席), but
#: no line that appoints, addresses or lists (张三任……主席、委员; 致……; 各级工会主席、副主席).
_SIGNED = regex(
    rf"^[\u4e00-\u9fff、（）()·]{{2,30}}{_POSTS}[ \u3000]+[\u4e00-\u9fff·]{{2,4}}$"
    rf"|^(?=[\u4e00-\u9fff])(?!各|.*[任免致向请的为由])"
    rf"[\u4e00-\u9fff（）()·]{{0,20}}{_POSTS}(?:、[\u4e00-\u9fff（）()·]{{0,20}}{_POSTS})+$")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: stripped ``text``, its ``offset`` in the text, and what it is.

    ``view`` is the same line normalised (and simplified), which every decision reads.

    ``kind`` is ``furniture``, ``subtitle``, ``byline``, ``headline``, ``table`` or ``body``;
    ``style`` names a headline's numbering (``md1``..``md6``, ``part``, ``cn``, ``plain``...).
    ``opens``: the line labeller reads the line as a paragraph's first
    (:func:`unionnlp.linerole.relabel`); :func:`unionnlp.repair.repair` then opens a paragraph
    there rather than run the one right above on into it (it says where it still joins).
    """

    text: str
    offset: int
    number: int
    kind: LineKind
    style: Style | None = None
    hint: int | None = None
    view: str = ""
    indent: int = 0
    opens: bool = False

    @property
    def indented(self) -> bool:
        """Whether the line starts with white space (a paragraph's first line, often)."""
        return self.indent > 0


def _left_open(marks: Sequence[str]) -> list[str]:
    """The closing marks still awaited after ``marks`` (brackets and quotes, in order)."""
    awaited: list[str] = []
    for mark in marks:
        if mark in _CLOSER_OF:
            awaited.append(_CLOSER_OF[mark])
        elif awaited and mark == awaited[-1]:
            awaited.pop()
    return awaited


def runs_into(above: str, below: str) -> bool:
    """Whether ``below`` closes a bracket or quote that ``above`` leaves open (``举办「迎新春``
    / ``联欢会」，…``): one text cut over two lines."""
    awaited = _left_open(_BRACKET.findall(above))
    if not awaited:
        return False
    marks = _BRACKET.findall(below)
    return awaited[-1] in marks and not _left_open(marks[:marks.index(awaited[-1])])


#: An ASCII full stop right after a Han character ends a sentence (獎金600元整.), where after a
#: digit or a Latin letter it may number a line or end an abbreviation.
_HAN_STOP = regex(r"[\u4e00-\u9fff]\.$")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends a sentence (final punctuation, possibly inside closing quotes;
    an ASCII full stop after a Han character)."""
    t = text.rstrip().rstrip(_CLOSERS)
    return bool(t) and (t[-1] in _FINAL or t[-1] in ":：" or _HAN_STOP.search(t) is not None)


def numbering(text: str) -> tuple[Style | None, int]:
    """The numbering style that opens ``text`` and the length of its marker."""
    m = _NUMBERING.match(text)
    if m is None or m.lastgroup is None:
        return None, 0
    if m.lastgroup == "md":
        return _style(f"md{len(m.group('md'))}"), m.end()
    return _style(m.lastgroup), m.end()


def _is_headline(text: str, style: Style | None) -> bool:
    if style is not None and style.startswith("md"):
        return True
    if text[0] in BULLETS:
        return False
    if style is not None and len(text) <= 24 and text[-1] in "：:。" and not _CLAUSE_MARK.search(
            text, 0, len(text) - 1) and (text[-1] != "。" or style in ("cn", "ordinal", "paren_cn")):
        return True  # 一、主要工作成效：  （一）加强组织建设。
    if style == "cn" and len(text) <= _LONG_CN_HEADLINE \
            and (text[-1] == "。" or (len(text) > HEADLINE_MAX and not ends_sentence(text)
                                     and text[-1] not in _NOT_HEADLINE_END)) \
            and not _SENTENCE_MARK.search(text, 0, len(text) - 1) and len(COMMA.findall(text)) <= 3 \
            and (len(text) <= HEADLINE_MAX or not _HAN_GAP.search(text)):
        # 一、领导重视，组织完善，经费落实。 alone on its line: in the train twins such a line
        # heads its part (38 lines) far more often than it is text (5).
        return True
    if len(text) > HEADLINE_MAX or text[-1] in _NOT_HEADLINE_END:
        return False
    if text.rstrip(_CLOSERS)[-1:] in _FINAL:
        return False
    if len(text) > 24 and len(COMMA.findall(text)) >= 2:  # prose cut short, not a title
        return False
    # A headline names a topic; a line with two clauses of prose and a verb-heavy tail is rarer
    # than a title with a comma, so only sentence punctuation inside disqualifies it.
    return _SENTENCE_MARK.search(text) is None


#: A speech's salutation and greeting, a site's date stamp, one after another at a line's
#: start (and the white space after them).
_OPENING = regex("^\\s*(?:(?:\n" + "\n| ".join(e.pattern for e in _LEXICON.line_openers)
                + "\n)\\s*)+", re.VERBOSE)


def _exclaimed(text: str) -> bool:
    """Whether ``text`` reads as a title but for its exclamation marks (职工技能大赛开幕！,
    撸起袖子加油干！全市职工技能大赛开幕): a page's first line with a blank line under it
    is its title then, not a sentence."""
    bare = text.replace("！", "").replace("!", "")
    return bare != text and not text.startswith("!") and len(bare) >= 6 \
        and _is_headline(bare, None)


def opening(text: str) -> int:
    """Where the salutation, greeting or date stamp that opens ``text`` ends, white space
    after it included; 0 when there is none."""
    m = _OPENING.match(text)
    return m.end() if m else 0


def _is_furniture(text: str) -> bool:
    """Whether the line is page furniture (page numbers, editors, web navigation)."""
    if _FURNITURE.match(text) or (_FURNITURE_CUE.search(text) and _FURNITURE_INSIDE.match(text)):
        return True
    # A date stamp alone, or before a site's credit (2025-12-23 来源：……).
    cut = opening(text)
    return cut > 0 and (cut == len(text) or _is_furniture(text[cut:]))


def furniture_rule(text: str) -> str | None:
    """The name of the lexicon entry that makes a stripped line furniture, if one does
    (what the debug log says of a line set aside)."""
    if _FURNITURE.match(text):
        entries = _LEXICON.furniture
    elif _FURNITURE_CUE.search(text) and _FURNITURE_INSIDE.match(text):
        entries = _LEXICON.furniture_inside
    elif 0 < (cut := opening(text)) == len(text):
        entries = _LEXICON.line_openers
    elif cut and _is_furniture(text[cut:]):
        return furniture_rule(text[cut:])
    else:
        return None
    return next(e.name for e in entries if re.match(f"^(?:{e.pattern})", text, re.VERBOSE))


#: A photo caption or credit: 图为……, 图1……, ……摄, （图/……）. A line this short that says so
#: is never a headline or running text.
CAPTION = regex(r"^[（(]?图[为中]|^[（(]?图\d|摄[)）]?[。.]?$|[（(](?:图|摄影?)[/／:：]")
_CAPTION_MAX = 80


def classify(text: str, hint: int | None = None) -> tuple[LineKind, Style | None]:
    """Kind and numbering style of one stripped line; ``hint`` is a format's heading level."""
    if hint is not None:
        return "headline", _style(f"hint{min(max(hint, 0), 9)}")
    if _is_furniture(text):
        return "furniture", None
    if _SUBTITLE.match(text) and len(text) <= 60:
        return "subtitle", None
    if (_BYLINE.match(text) or _SIGNED.match(text)) and len(text) <= 40:
        return "byline", None
    style, _ = numbering(text)
    if len(text) <= _CAPTION_MAX and CAPTION.search(text):
        return "caption", None
    if _is_headline(text, style):
        return "headline", style or "plain"
    return "body", style


def _indent_width(indent: str) -> int:
    """Display width of leading white space: the ideographic space counts two."""
    return sum(2 if ch == "\u3000" else 4 if ch == "\t" else 1 for ch in indent)


def split_lines(
    text: str, hints: Mapping[int, int] | None = None, view: str | None = None,
    boilerplate: frozenset[int] = frozenset(), *,
    breaks: Callable[[str], Sequence[int]] | None = None,
) -> list[Line]:
    """Every non-blank line of ``text`` with its offset and kind.

    ``view`` is a same-length rendering of ``text`` (the simplified form of a
    traditional text) on which lines are classified; ``Line.text`` stays original.
    Lines numbered in ``boilerplate`` (a web page's text outside its main content) are
    furniture. ``breaks`` gives where paragraphs start inside a line of ``LONG_LINE``
    characters or more (:func:`unionnlp.gapbreaks.gap_breaks`).
    """
    hints = hints or {}
    view = text if view is None else view
    # A format that marks its headings (.docx styles, HTML h1-h6) is believed: a short
    # unmarked line there is a list item or a table row, not a headline.
    marked = bool(hints)
    debug = logger.isEnabledFor(logging.DEBUG)
    lines: list[Line] = []
    pos = 0
    leading = True  # no line but furniture yet
    raws = text.split("\n")
    for number, raw in enumerate(raws):
        if not raw or raw.isspace():
            pos += len(raw) + 1
            continue
        lead = len(raw) - len(raw.lstrip())
        hint = hints.get(number)
        for piece_start, piece_end in _pieces(view[pos:pos + len(raw)], leading=leading,
                                              breaks=breaks):
            piece = raw[piece_start:piece_end]
            stripped = piece.strip()
            if not stripped:
                continue
            start = pos + piece_start + (len(piece) - len(piece.lstrip()))
            seen = view[start:start + len(stripped)]
            kind, style = ("furniture", None) if number in boilerplate else classify(seen, hint)
            if kind == "headline" and hint is None and (
                    "\t" in raw or (marked and style == "plain")):
                kind = "body"
            elif kind == "body" and leading and piece_end == len(raw) and style is None \
                    and (number + 1 == len(raws) or not raws[number + 1].strip()) \
                    and _exclaimed(seen):
                kind, style = "headline", "plain"
            indent = _indent_width(raw[:lead]) if piece_start == 0 and lead else 0
            lines.append(Line(stripped, start, number, kind, style, hint, seen, indent=indent))
            leading &= kind == "furniture"
            if debug and kind == "furniture":
                logger.debug("line %d: furniture by the rule %r: %.30s", number + 1,
                             furniture_rule(seen), stripped)
        pos += len(raw) + 1
    return _contents(_tables(_page_chunks(lines)))


def breaks_off(view: str) -> bool:
    """Whether a line breaks off a clause, as the lines of a hard-wrapped page do: ten
    characters or more with a comma among them, no numbering, and it ends on a character
    (a Han character, a digit, a Latin letter), not on a mark."""
    last = view.rstrip(_CLOSERS)[-1:]
    return len(view) >= 10 and _CLAUSE_COMMA.search(view) is not None \
        and numbering(view)[0] is None \
        and ("\u4e00" <= last <= "\u9fff" or last.isdigit() or (last.isascii() and last.isalpha()))


def _contents(lines: list[Line]) -> list[Line]:
    """A run of headlines with no text between them (a table of contents, a list of
    links) heads no section: it is furniture, all but a last one that text follows (the
    first real headline, right under the contents), and a first one that opens the
    document (its title, above the contents): the line labeller tells that one."""
    out = list(lines)
    run: list[int] = []
    texts = Counter(x.view for x in lines)
    opening = next((i for i, x in enumerate(lines) if x.kind != "furniture"), None)
    for i, x in enumerate([*lines, None]):
        if x is not None and x.kind == "headline" and not breaks_off(x.view):
            run.append(i)
        elif x is None or x.kind != "furniture":
            if len(run) >= _CONTENTS:
                # A contents' headlines are printed again further on; a list's lines are not.
                once = all(texts[lines[j].view] == 1 for j in run)
                if once and _listed_items(lines, run):
                    for j in run:
                        out[j] = replace(out[j], kind="body", style=None)
                elif once and _listed_sentences(lines, run):
                    # 本會任務 / 一、……相關事項。 / 二、……: its sentences are items of text;
                    # a line that ends none (the list's own headline) stays a headline.
                    for j in run:
                        if _ends_item(lines[j].view):
                            out[j] = replace(out[j], kind="body", style=None)
                else:
                    for j in run[:-1] if x is not None else run:
                        if j == opening:
                            continue
                        out[j] = replace(out[j], kind="furniture")
                        if logger.isEnabledFor(logging.DEBUG):
                            logger.debug("line %d: furniture by the rule 'table of contents': "
                                         "%.30s", out[j].number + 1, out[j].text)
            run = []
    return out


_CONTENTS_LEAD = regex(r"^\s*(?:目\s*[录錄]|contents)", re.IGNORECASE)


def _listed_items(lines: Sequence[Line], run: Sequence[int]) -> bool:
    """Whether a run of short lines, none printed again elsewhere, is the items of a list
    the text announces (入會辦法: / 1. … / 2. …), not a table of contents: a line of text
    ending in a colon (not 目录：) leads it in, it opens with a numbered line and holds more
    numbered lines than others (notes and bullets under an item are its own)."""
    lead = lines[run[0] - 1] if run[0] else None
    if lead is None or lead.kind != "body" or lead.view.rstrip()[-1:] not in (":", "：") \
            or _CONTENTS_LEAD.match(lead.view):
        return False
    numbered = [lines[j].style not in (None, "plain") for j in run]
    return numbered[0] and 2 * sum(numbered) > len(run)


#: How an item of a list of sentences ends (a sentence's end, not the dots that lead a
#: contents line to its page number); no line of a table of contents does.
_ITEM_END = frozenset(_FINAL - {"…"})


def _ends_item(view: str) -> bool:
    return view.rstrip().rstrip(_CLOSERS)[-1:] in _ITEM_END


def _listed_sentences(lines: Sequence[Line], run: Sequence[int]) -> bool:
    """Whether a run of short lines, none printed again elsewhere, is a list of sentences
    (a union's tasks, one per line, each ending in a full stop), not a table of contents:
    most of its lines end a sentence, as a contents' headlines never do."""
    return 2 * sum(_ends_item(lines[j].view) for j in run) > len(run)


#: The number a document-sharing site puts before each page chunk of a document (1、 2、 …).
_CHUNK_MARK = regex(r"^(\d{1,2})、\s*")
#: How long the line before a chunk must be: a page's text runs on, a shorter line is a
#: numbered list's item (train cross-validation: 60 against 40, 80 and 120).
_CHUNK_BEFORE = 60


def _page_chunks(lines: list[Line]) -> list[Line]:
    """Lines opened by 1、 2、 3、 … in sequence, each after a long line its text runs on from
    (…集团工会正 / 3、式迈入…), are a document-sharing site's page chunks: the number is
    furniture and the rest of the line continues the text before it."""
    marked = [(i, int(m.group(1)), m.end()) for i, x in enumerate(lines)
              if (m := _CHUNK_MARK.match(x.view))]
    chunks = []
    expected = 1
    for i, number, _ in marked:
        if number != expected:
            continue
        if number > 1:
            before = lines[i - 1] if i else None
            if before is None or len(before.view) < _CHUNK_BEFORE or ends_sentence(before.view):
                continue
        chunks.append(i)
        expected += 1
    if len(chunks) < 2:
        return lines
    ends = {i: end for i, _, end in marked}
    first, chunked = chunks[0], set(chunks)
    out: list[Line] = []
    debug = logger.isEnabledFor(logging.DEBUG)
    for i, x in enumerate(lines):
        end = ends[i] if i in chunked else 0
        if end and debug:
            logger.debug("line %d: furniture by the rule 'page chunk number': %.30s",
                         x.number + 1, x.text)
        if not end or end >= len(x.text):
            out.append(replace(x, kind="furniture", style=None) if end else x)
            continue
        out.append(Line(x.text[:end].rstrip(), x.offset, x.number, "furniture", None, x.hint,
                        x.view[:end].rstrip(), x.indent))
        rest, seen = x.text[end:], x.view[end:]
        kind, style = classify(seen, x.hint)
        out.append(Line(rest, x.offset + end, x.number, kind if i == first else "body",
                        style if i == first else None, x.hint, seen, 0))
    return out


_COLUMN_GAP = regex(r"\S(?:[ \u3000]{2,}|\t)\S")


def bar_cells(view: str) -> int:
    """How many cells a line of a table drawn with bars holds: ``| 项目 | 数量 |`` 2,
    ``项目 | 数量 | 金额`` 3; 0 for a line that is no such row (under three cells without
    bars at its ends)."""
    line = view.strip()
    inner = line.strip("|｜ ")
    cells = inner.count("|") + inner.count("｜") + 1
    framed = line[:1] in "|｜" and line[-1:] in "|｜"
    return cells if cells >= 3 or (framed and cells == 2) else 0


def _barred(lines: list[Line]) -> list[bool]:
    """Lines of a table drawn with bars (Markdown's, or a pasted one): two or more lines
    right under each other with as many cells each (a ruler row ``|---|---|`` goes with
    them). A menu of links has bars too, but its lines seldom agree on their cells."""
    cells = [0 if x.kind == "furniture" or x.hint is not None else bar_cells(x.view)
             for x in lines]
    out = [False] * len(lines)
    for i in range(1, len(lines)):
        if cells[i] and cells[i] == cells[i - 1] and lines[i].number == lines[i - 1].number + 1:
            out[i - 1] = out[i] = True
    return out


def _tables(lines: list[Line]) -> list[Line]:
    """Rows of a table pasted as text (cells apart by tabs, or columns aligned with runs of
    spaces, on two or more lines in a row, or drawn with bars) are table rows: not
    headlines, not navigation, never glued to prose. A line of cells apart by bars that no
    such line goes with is a menu or a site's footer: furniture (19 of the 21 such lines of
    the 673 train twins; the other 2 rows of a table whose rows differ in cells)."""
    columns = [x.hint is None and ("\t" in x.text or (
        ("\t" in x.view or "  " in x.view or "\u3000" in x.view)  # what a gap needs
        and len(_COLUMN_GAP.findall(x.view)) >= 2)) for x in lines]
    barred = _barred(lines) if any("|" in x.view or "｜" in x.view for x in lines) else []
    out = list(lines)
    for i, line in enumerate(lines):
        run = (i > 0 and columns[i - 1]) or (i + 1 < len(lines) and columns[i + 1])
        if (columns[i] and (run or "\t" in line.text)) or (barred and barred[i]):
            out[i] = replace(line, kind="table", style=None)
        elif barred and line.kind in ("headline", "body") and line.hint is None \
                and bar_cells(line.view) and "。" not in line.view:
            out[i] = replace(line, kind="furniture", style=None)
    return out


#: The numbers that open a part of a report: 一、 （一） 第一部分 1、 1. （1）.
_ANY_MARKER = regex(
    rf"(?:[{_CN_NUM}]{{1,3}}、|[（(][{_CN_NUM}]{{1,3}}[）)]|第[{_CN_NUM}]{{1,3}}部分"
    r"|\d{1,2}[、．.](?!\d)|[XＸ][、．.](?=[\u4e00-\u9fff])|[（(]\d{1,2}[）)])")
#: The line that opens one of several model texts on a 范文 page (……工作总结 篇2, 【篇一】,
#: 第1篇, 第一篇：……, 篇一：……), with no sentence in it.
_MODEL_TEXT = regex(
    rf"[【\[]?(?:第\s*[\d{_CN_NUM}]{{1,3}}\s*篇|篇[\d{_CN_NUM}]{{1,3}})"
    r"(?:[：:\s][^。！？；]{0,40})?[】\]]?"
    rf"|[^。！？；，,]{{2,40}}?\s*[【\[]?篇\s*[\d{_CN_NUM}]{{1,3}}[】\]]?")


def opens_model_text(view: str) -> bool:
    """Whether a line names one of several model texts on a 范文 page: the title of an
    article of its own, wherever it stands."""
    return _MODEL_TEXT.fullmatch(view) is not None


#: What announces the numbered parts that follow it (……实施方案如下：一、……).
_ANNOUNCED = "(?<=如下[：:])"
#: Where a report pasted as one long line starts a numbered part: after a sentence end,
#: a space or an announcement, before a number.
_INLINE_PART = regex(rf"(?:(?<=[。！？；\s])|{_ANNOUNCED})\s*(?={_ANY_MARKER.pattern})")
#: Where a regulation pasted as one long line starts an article (……制定本条例。第二条凡在……):
#: an article is a paragraph of its own, never a headline.
_INLINE_ARTICLE = regex(rf"(?<=[。！？；])[ \u3000]*(?=第[{_CN_NUM}]{{1,4}}条)")
#: Where a numbered part starts inside a hard-wrapped line (……根底。2、推进联合职工之家……):
#: only after a full stop or an announcement, since 1、……；2、…… in a line is a list
#: within a sentence.
_AFTER_FULL_STOP = regex(rf"(?:(?<=[。！？])|{_ANNOUNCED})\s*(?={_ANY_MARKER.pattern})")
#: An announcement with a word or two between 如下 and its colon (……现就有关事项作如下通知：
#: 一、……, 特拟定如下计划：一、……): the numbered part starts where it ends.
_ANNOUNCEMENT = regex(rf"如下[^：:。！？!?；;，,、\s]{{1,6}}[：:]\s*(?={_ANY_MARKER.pattern})")
#: The longest numbered headline a number right after it can end (二、组织架构1. 领导小组).
_SHORT_HEAD = 24


#: Where a salutation can begin after a speech's title on the same line
#: (……工作报告各位代表、同志们：受……委托): see :func:`_after_title`.
_SALUTATION_CUE = regex("(?=尊敬的|亲爱的|親愛的|各位|全体|全體|同志[们們]|朋友[们們])")
#: What a title before a salutation never holds or ends with (a sentence, a clause, 向……).
_NOT_TITLE = regex("[。！？!?；;，,、：:]|[向对對给給为為和与與及]$")
_TITLE_MAX = 80


def _after_title(line: str) -> int:
    """Where a salutation that follows a title on the same line begins, when text follows
    it (a speech whose line breaks were lost); 0 when there is none."""
    for m in _SALUTATION_CUE.finditer(line, 1, _TITLE_MAX + 1):
        at = m.start()
        title = line[:at].rstrip()
        if title and not _NOT_TITLE.search(title) and 0 < opening(line[at:]) < len(line) - at:
            return at
    return 0


#: The word a report's title ends with (……工会工作总结, ……活动方案, ……发言稿篇一).
_TITLE_END = regex("(?:总结|报告|汇报|方案|计划|打算|安排|意见|纪实|讲话稿?|发言稿?|致辞|规划|要点)"
                   r"(?:范文)?(?:篇[一二三四五六七八九十\d]{1,3})?")
#: What, right after such a word, says the word goes on (报告会, 计划生育, 讲话精神) or the
#: sentence does (总结如下, 报告中, 方案的).
_TITLE_GOES_ON = regex("[会书稿表中上下的之和与及、如提指时后前里期并等了是为已将要由被给把向于同作做生纲精"
                       "内材汇大制情部工范报篇，,。：:；;！!？?”」）)》]")
#: How a sentence, not a title, opens (按照年度工作计划安排……).
_SENTENCE_OPENER = regex("[在按根依为对把经通结围今我从自随据于向由要与第]")
#: What a title running into its text never holds: a quotation or a book title of its own.
_QUOTING = regex("[《》“”\"「」【】]")
#: A pinyin gloss right after a word (匯報(bào)工作): it belongs to the word before it, which
#: goes on after it; the title's end word is never followed by one.
_GLOSS_NEXT = regex(f"[(（]{GLOSS_TAIL}")


def _title_runs_in(line: str) -> int:
    """Where the text begins after a report's title that opens the document and runs into
    it with no mark (……医院工会工作总结收获的时节已经走远，……: a page whose line breaks
    were lost); 0 when the line does not open so."""
    for m in _TITLE_END.finditer(line, 0, _TITLE_MAX + 1):
        at = m.end()
        title, rest = line[:at], line[at:].lstrip()
        if (at < 6 or _NOT_TITLE.search(title) or _SENTENCE_OPENER.match(title)
                or _QUOTING.search(title) or len(rest) < 20 or _TITLE_GOES_ON.match(rest)
                or _GLOSS_NEXT.match(rest)
                or not any(c in rest[:60] for c in "，,。；;")):
            continue
        return len(line) - len(rest)
    return 0


def _pieces(line: str, *, titled: bool = True, leading: bool = False,
            breaks: Callable[[str], Sequence[int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of the parts of one line: itself, or its salutation and the title
    before it, and its numbered parts (in a hard-wrapped line only after a full stop), and
    in a long line the paragraphs that ``breaks`` starts at gaps in it (see
    :mod:`unionnlp.gapbreaks`), so that a report
    without line breaks still has headings and paragraphs. Only the line's first
    salutation is looked for after a title (``titled``): a hostile line of many never nests
    deeper than that. A title running into the text with no mark is looked for only in the
    document's first line that is not furniture (``leading``)."""
    cut = opening(line)
    if 0 < cut < len(line) and not _is_furniture(line[cut:].strip()):
        # A salutation or a date stamp before the text is a piece of its own.
        return [(0, cut), *((cut + a, cut + b)
                            for a, b in _pieces(line[cut:], titled=False, breaks=breaks))]
    if titled and cut == 0 and (at := _after_title(line) or (leading and _title_runs_in(line))):
        return [(0, at), *((at + a, at + b)
                           for a, b in _pieces(line[at:], titled=False, breaks=breaks))]
    announced = [m.end() for m in _ANNOUNCEMENT.finditer(line) if m.end() < len(line)]
    if len(line) < LONG_LINE:
        # A hard-wrapped line: a numbered part starts in it only after a full stop.
        cuts = sorted({*(m.start() for m in _AFTER_FULL_STOP.finditer(line) if m.start() > 0),
                       *announced})
        return list(itertools.pairwise([0, *cuts, len(line)]))
    cuts = sorted({*(m.start() for m in _INLINE_PART.finditer(line) if m.start() > 0),
                   *announced})
    articles = [m.start() for m in _INLINE_ARTICLE.finditer(line) if m.start() > 0]
    # A number right after a short numbered headline starts a part too: the headline ends
    # where the next number begins.
    bounds = sorted({0, *cuts})
    regular = set(bounds)
    extra = []
    for m in _ANY_MARKER.finditer(line):
        at = m.start()
        if at in regular:
            continue
        piece = line[bounds[bisect.bisect_left(bounds, at) - 1]:at].strip()
        if _ANY_MARKER.match(piece) and len(piece) <= _SHORT_HEAD and not _CLAUSE_MARK.search(piece):
            extra.append(at)
    gaps = breaks(line) if breaks is not None else ()
    cuts = sorted({*cuts, *extra, *articles, *gaps})
    bounds = [0, *cuts, len(line)]
    return list(itertools.pairwise(bounds))
