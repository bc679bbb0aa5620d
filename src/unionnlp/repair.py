"""Repair what extraction broke: hard-wrapped lines and paragraphs split mid-sentence.

Works on classified lines and returns blocks: title blocks (title, ——subtitle,
byline), headlines, paragraphs and furniture. A paragraph whose first part does
not end a sentence is joined to the next body line, across page furniture and
across a title block that newspaper layout dropped into it (the title block
then follows the joined paragraph). Hard-wrapped lines are unwrapped, by line
width or by first-line indentation, and running page headers set aside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ._regex import regex
from .lines import (
    BULLETS,
    COMMA,
    FIGURE,
    Line,
    breaks_off,
    ends_sentence,
    numbering,
    opens_model_text,
    runs_into,
)
from .resources import lexicon
from .segment import SegmenterLike

__all__ = [
    "DATE_LINE",
    "PAGE_NUMBER",
    "RAGGED",
    "Block",
    "BlockKind",
    "display_width",
    "figure_cut",
    "page_width",
    "repair",
    "word_cut",
]

_RUNNING = 3
#: A listing's item cut short with ASCII dots after a word (……但唔可以幫工友生活?」因為...):
#: the item ends there; the line under it is the next item.
_CUT_SHORT = regex(r"[^\x00-\x7f]\.{3,}[ \u3000]*$")


#: Marks that open and close a quotation, a title or a bracket.
_OPEN_CLOSE = ("「」", "『』", "“”", "《》", "（）", "()")


def _cut_short(parts: Sequence[Line], wrap: int | None) -> bool:
    """Whether the last line of a paragraph so far ends in an item's cut (see
    ``_CUT_SHORT``): its paragraph ends there. On the train twins, 4 text lines end so with
    a line under them: 3 are followed by a paragraph's first line (annotated body), 1 by
    furniture; a line ending in …… may go on with its sentence (勞動者…… / 每一名勞模、
    工匠……, annotated cont) and is left. No cut while a quotation or bracket opened in the
    paragraph is open (「……想請假... / 根本沒有可能」), nor where the line fills a
    hard-wrapped page's width ``wrap`` (the page broke it, not the writer)."""
    last = parts[-1]
    if _CUT_SHORT.search(last.view) is None:
        return False
    said = "".join(x.view for x in parts)
    if any(said.count(pair[0]) > said.count(pair[1]) for pair in _OPEN_CLOSE):
        return False
    return wrap is None or display_width(last.view) + last.indent < wrap - RAGGED


#: How a news item opens: such a line starts a paragraph, indented or not.
_NEWS_OPENER = regex(r"^(?:本报讯|本报\S{0,6}电|新华社|据\S{0,8}报道|[（(]?记者\s)")
DATE_LINE = regex(rf"^[（(]?\s*{lexicon().dates['month'].pattern}\s*[）)]?$")
_NAME_LINE = regex(r"^[\u4e00-\u9fff·]{2,4}$")
#: An article's number alone on its line (第二条：), as rules printed from a PDF set it: the
#: article's text on the next line is the same paragraph (as in every such line of the
#: train twins).
_ARTICLE_LABEL = regex(r"^第[一二三四五六七八九十百零〇两\d]{1,5}条\s*[:：]?$")
#: How a paragraph may end without final punctuation: a photo credit in brackets
#: ((圖片提供/臺北市停車管理工程處企業工會), (記者林某攝)) or after a sentence (……其乐融融。
#: 范志刚 摄), or a leaked HTML paragraph tag.
_CLOSING = regex(r"(?:[（(][^（）()]{0,40}(?:提供|摄|攝)[^（）()]{0,30}[)）]|(?:</?|/)[pP]>"
                 r"|[。！？!?\s][^。！？!?，,；;:：\s]{1,12}(?:\s[^。！？!?，,；;:：\s]{1,12})?\s?(?:摄|攝|供图|供圖))\s*$")
_OCCASION_LINE = regex(rf"^[（(]?\s*{lexicon().dates['day'].pattern}在.{{2,40}}[)）]?$")
_SPEAKER_LINE = regex(
    r"^.{0,24}(?:主席|书记|主任|会长|部长|总经理|董事长|秘书长|委员|同志)\s*[\u4e00-\u9fff·×]{2,5}$"
)


#: What a block of the repaired document is.
BlockKind = Literal["furniture", "headline", "para", "title"]


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of the repaired document.

    ``kind`` is ``title`` (``lines`` holds the title block's lines), ``headline``,
    ``para`` (``lines`` are the parts a repaired paragraph was joined from) or
    ``furniture``.
    """

    kind: BlockKind
    lines: tuple[Line, ...]

    def _joined(self, part: Callable[[Line], str]) -> str:
        out = part(self.lines[0])
        for prev, line in zip(self.lines, self.lines[1:], strict=False):
            # A space only between two Latin words; digits split by a wrap join up (23|0万元).
            latin = (prev.text[-1:].isascii() and prev.text[-1:].isalpha()
                     and line.text[:1].isascii() and line.text[:1].isalpha())
            out += (" " if latin else "") + part(line)
        return out

    @property
    def text(self) -> str:
        """A paragraph's repaired text (parts joined, a space only between Latin words)."""
        if len(self.lines) == 1:
            return self.lines[0].text
        return self._joined(lambda line: line.text)

    @property
    def view(self) -> str:
        """The paragraph's text as the analysis reads it (normalised, simplified)."""
        if len(self.lines) == 1:
            return self.lines[0].view
        return self._joined(lambda line: line.view)

    @property
    def offset(self) -> int:
        return self.lines[0].offset


_WIDE = regex(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+")


def display_width(text: str) -> int:
    """Display width: East Asian wide and full-width characters count two (found in runs,
    which Chinese text is mostly made of)."""
    return len(text) + sum(map(len, _WIDE.findall(text)))


#: A line filled a hard-wrapped page's width when it is this many display columns short of
#: the page's long lines at most: the ragged edge of the train twins' own wrapped lines (12
#: columns, which :func:`unionnlp.twins.hard_wrap` copies) and a word's width more.
RAGGED = 14
#: The page's long lines: this share of its lines of 8 characters or more are no longer.
_LONG_SHARE = 0.9


def page_width(view: str) -> int | None:
    """How wide a page's long lines are (display columns, indent included): the width a
    hard-wrapped page breaks its lines at; None for a page of fewer than five lines of text."""
    widths = sorted(display_width(row.rstrip()) for row in view.split("\n")
                    if len(row.strip()) >= 8)
    if len(widths) < 5:
        return None
    return widths[min(len(widths) - 1, int(_LONG_SHARE * len(widths)))]


def _wrap_width(lines: Sequence[Line]) -> int | None:
    """The display width at which a hard-wrapped text breaks its lines, if it is one: most
    lines end near one width and hardly any goes past it (headlines of equal length do not
    make a wrap width, since the paragraphs around them are longer)."""
    widths = [display_width(x.view) + x.indent for x in lines
              if x.kind != "furniture" and len(x.view) >= 8]
    if len(widths) < 5:
        return None
    counts = Counter(widths)
    best, _ = max(counts.items(), key=lambda kv: (sum(counts[w] for w in range(kv[0] - 2,
                                                                              kv[0] + 1)), kv[0]))
    near = sum(counts[w] for w in range(best - 2, best + 1))
    beyond = sum(c for w, c in counts.items() if w > best + 2)
    if near >= max(3, len(widths) * 3 // 10) and beyond <= len(widths) // 10:
        return best
    return None


_UNBREAKABLE = regex(r"[0-9A-Za-z.%,]+|[，。、；：！？）》”’,;:!?)]")


def _unwrap(lines: list[Line]) -> list[Line]:
    """Treat lines that fill a hard-wrapped text's width as body text, whatever they look like,
    save a title the line labeller is sure of that breaks off no clause (a title as wide as
    the page's lines is no less a title)."""
    width = _wrap_width(lines)
    if width is None:
        return lines
    out: list[Line] = []
    wrapped_before = False
    for i, line in enumerate(lines):
        used = display_width(line.view) + line.indent
        if i + 1 < len(lines) and line.style in (None, "plain"):
            # The next line's first word (a number, a Latin word) did not fit on this one,
            # or it opens with punctuation no line may start with.
            follows = _UNBREAKABLE.match(lines[i + 1].view)
            used += display_width(follows.group()) if follows else 0
        full = used >= width - 2 and not ends_sentence(line.view)
        if line.hint is None and (full or wrapped_before) and (
                line.kind == "headline" or (line.kind == "title" and breaks_off(line.view))):
            line = replace(line, kind="body")
        out.append(line)
        wrapped_before = full and line.kind == "body"
    return out


def _title_block_at(lines: Sequence[Line], i: int) -> int:
    """Length of the title block starting at ``i`` (0 when there is none).

    A title block is one or two plain headlines followed by a ——subtitle and/or a
    byline, or such a subtitle/byline alone; a format's title hint is one too, and so
    are lines the line labeller is sure are a title.
    """
    n = len(lines)
    j = i
    if j < n and lines[j].kind == "title":
        # The line labeller's title: one to three lines, whatever follows them; a 范文
        # page's 篇N line opens a model text of its own, under the page's title.
        while j < n and j - i < 3 and lines[j].kind == "title" and not (
                j > i and opens_model_text(lines[j].view)):
            j += 1
        if (j == i + 1 and j + 1 < n and lines[j].kind == "headline"
                and lines[j].style == "plain" and lines[j].number == lines[i].number + 1
                and lines[j + 1].kind == "body"):
            j += 1  # the rest of a title broken over two lines, right under it
        k = j
        while k < n and k - j < 3 and lines[k].kind in ("subtitle", "byline"):
            k += 1
        return k - i + _front_matter(lines, k)
    if j < n and lines[j].hint == 0:
        j += 1
    else:
        while j < n and j - i < 2 and lines[j].kind == "headline" and lines[j].style == "plain":
            j += 1
    k = j
    while k < n and k - j < 3 and lines[k].kind in ("subtitle", "byline"):
        k += 1
    if k > j or (j > i and lines[i].hint == 0):
        return k - i + _front_matter(lines, k)
    if j == i + 1 and k < n and _NEWS_OPENER.match(lines[k].view):
        return 1  # a news item's headline: 本报讯…
    return 0


def _front_matter(lines: Sequence[Line], k: int) -> int:
    """How many date, speaker and bare-name lines follow a title block (speeches and
    reports print 刘振华 / （2024年1月18日） under the title), and the bylines among and
    right after them (……讲话 / （2024年3月15日） / 副县长、县总工会主席)."""
    j = k
    while j < len(lines) and j - k < 3:
        view = lines[j].view
        dated = j + 1 < len(lines) and DATE_LINE.match(lines[j + 1].view) is not None
        if DATE_LINE.match(view) or _SPEAKER_LINE.match(view) or (
                _NAME_LINE.match(view) and dated) or _OCCASION_LINE.match(view) or (
                j > k and lines[j].kind == "byline"):
            j += 1
        else:
            break
    return j - k


def _opening_block(lines: Sequence[Line]) -> int:
    """Length of the document's opening title block: a title without subtitle or byline
    counts here, with the date and speaker lines of reports and speeches."""
    n = _title_block_at(lines, 0)
    if n:
        return n
    if not lines or lines[0].kind != "headline" or lines[0].style not in ("plain", "hint0", "md1"):
        return 0
    if lines[0].hint is None and lines[0].view.rstrip()[-1:] in ":：":
        # A label and its colon (會員福利:, 入會辦法:) names the list under it, not the page.
        return 0
    j = 1
    if (len(lines) > 2 and lines[1].kind == "headline" and lines[1].style == "plain"
            and lines[1].number == lines[0].number + 1 and lines[2].kind == "body"):
        j = 2  # a title broken over two lines, right under each other
    while j < len(lines) and j < 4 and lines[j].kind in ("subtitle", "byline"):
        j += 1
    return j + _front_matter(lines, j)


def _title_block(lines: Sequence[Line]) -> Block:
    """A title block whose date, speaker and name lines are marked as byline lines."""
    marked = [lines[0]]
    for line in lines[1:]:
        front = DATE_LINE.match(line.view) or _SPEAKER_LINE.match(line.view) \
            or _NAME_LINE.match(line.view) or _OCCASION_LINE.match(line.view)
        after_title = any(x.kind in ("subtitle", "byline") for x in marked)
        if line.kind == "headline" and (front or after_title):
            line = replace(line, kind="byline")
        marked.append(line)
    return Block("title", tuple(marked))


def _continuation(lines: Sequence[Line], i: int) -> tuple[int, bool] | None:
    """Index of the body line that continues the broken paragraph ending at ``i - 1``,
    skipping furniture and at most one title block, and whether a title block was skipped."""
    j, skipped = i, False
    while j < len(lines):
        line = lines[j]
        if line.kind == "furniture":
            j += 1
            continue
        if not skipped:
            n = _title_block_at(lines, j)
            if n:
                j, skipped = j + n, True
                continue
        if line.kind == "body" and numbering(line.view)[0] is None and not _starts_item(line.view):
            return j, skipped
        return None
    return None


def _cut_by_furniture(lines: list[Line]) -> list[Line]:
    """A short line with commas, then page furniture, then unnumbered text, is a sentence
    the page broke, not a headline."""
    out = list(lines)
    for i, line in enumerate(out):
        if line.kind != "headline" or line.style != "plain" or not COMMA.search(line.view):
            continue
        j = i + 1
        while j < len(out) and out[j].kind == "furniture":
            j += 1
        if j > i + 1 and j < len(out) and out[j].kind == "body" and numbering(out[j].view)[0] is None:
            out[i] = replace(line, kind="body")
    return out


def _running_headers(lines: list[Line]) -> list[Line]:
    """A short unnumbered line printed again and again next to page furniture (a page
    header, the report's name on every page of a PDF) is furniture too; its first print
    stays when it opens the document, as the title."""
    near: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for i, x in enumerate(lines):
        if x.kind in ("headline", "body", "title") and len(x.view) <= 40 \
                and x.style in (None, "plain"):
            seen[x.view] += 1
            around = lines[max(0, i - 2):i + 3]
            near[x.view] += any(y.kind == "furniture" for y in around)
    opening = next((i for i, x in enumerate(lines) if x.kind != "furniture"), None)
    title = lines[opening].view if opening is not None else None
    # The document's title printed again next to a page number is a page header too.
    running = {t for t, n in seen.items()
               if (n >= _RUNNING and near[t] * 2 >= n) or (n == 2 and near[t] == 2)
               or (n == 2 and near[t] >= 1 and t == title)}
    return [replace(x, kind="furniture") if x.view in running and i != opening else x
            for i, x in enumerate(lines)]


def _indent_continues(lines: Sequence[Line]) -> bool:
    """Whether paragraphs are marked by indenting their first line (so an unindented line
    right under a paragraph's line continues it, whatever that line ends with)."""
    text = [x for x in lines if x.kind in ("body", "headline")]
    indented = sum(x.indented for x in text)
    return len(text) >= 4 and 0.15 * len(text) <= indented <= 0.85 * len(text)


def _indent_unwrap(lines: list[Line]) -> list[Line]:
    """In indented text, a headline-looking line glued (no blank line) to an unindented line
    under it, or glued under a paragraph's line without its own indent, is paragraph text;
    not when the line under it opens a numbered item (no paragraph's second line does), nor a
    numbered one under a line that ends a sentence, which is a headline set flush left
    (一、宗旨： under an indented paragraph; the 7 lines of the train twins it took so, on two
    pages, are all headings)."""
    out = list(lines)
    for i, line in enumerate(out):
        if line.kind != "headline" or line.hint is not None:
            continue
        below = out[i + 1] if i + 1 < len(out) else None
        above = out[i - 1] if i else None
        starts = (line.indented and below is not None and below.number == line.number + 1
                  and not below.indented and below.kind in ("body", "headline")
                  and numbering(below.view)[0] is None)
        continues = (not line.indented and above is not None and above.number == line.number - 1
                     and above.kind == "body"
                     and not (numbering(line.view)[0] is not None and ends_sentence(above.view)))
        if starts or continues:
            out[i] = replace(line, kind="body")
    return out


_BROKEN_AFTER_ONE = regex(r"^[\u4e00-\u9fff][，、。；：！？]")


def word_cut(before: str, after: str, segmenter: SegmenterLike) -> bool:
    """Whether a line ending in ``before`` broke a word that the line ``after`` it
    finishes (服务站 / 点26个, 落 / 幕，)."""
    from .segment import resolve

    if _BROKEN_AFTER_ONE.match(after) is not None:
        return True
    end = before.rstrip()[-2:]
    if end[-1:] == "." and end[:1].isalpha() and after[:1].isdigit():
        # A full stop after a letter (a Latin sentence's, or a Han one's written in ASCII),
        # then a date or a figure: no decimal point runs on (members. / 1987/10/31 …),
        # whatever the segmenter makes of ".1987".
        return False
    tail, head = before[-4:], after[:4]
    at = 0
    for word in resolve(segmenter).cut(tail + head):
        if at < len(tail) < at + len(word):
            return True
        at += len(word)
    return False


def _cut_in_a_word(lines: list[Line], segmenter: SegmenterLike) -> list[Line]:
    """A plain "headline" whose last word runs on into the line right under it (服务站 / 点26个,
    落 / 幕，) is the first line of a paragraph broken at the page's width; not over a
    numbered line (一、為勉勵……: its number is no word's end)."""
    out = list(lines)
    for i in range(len(out) - 1):
        line, nxt = out[i], out[i + 1]
        if not (line.kind == "headline" and line.style == "plain" and nxt.kind == "body"
                and nxt.number == line.number + 1 and numbering(nxt.view)[0] is None):
            continue
        if word_cut(line.view, nxt.view, segmenter):
            out[i] = replace(line, kind="body")
    return out


def figure_cut(before: str, after: str) -> bool:
    """Whether a line ending in ``before`` broke a clause off before its figure, which the
    line ``after`` opens with in digits (全县基层工会总数达到 / 613家，……; dates and list
    numbers are no figures): the break ends no sentence, on a Han character or a digit."""
    last, head = before.rstrip()[-1:], after.lstrip()
    return bool(last) and ("\u4e00" <= last <= "\u9fff" or last.isdigit()) \
        and head[:1].isdigit() and FIGURE.match(head) is not None


#: A page number alone on its line (- 3 -, 第2页, —1—).
PAGE_NUMBER = regex(r"[-—–_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?[-—–_\s]*")

_ATTACHMENT = regex(r"^附件")
_LISTED_ATTACHMENT = regex(r"^\d{1,2}\s*[.．、]\s*\S.{0,60}$")


def _attachment_lists(lines: list[Line]) -> list[Line]:
    """The numbered lines right under 附件：1.… name the other attachments: furniture too."""
    out = list(lines)
    for i in range(1, len(out)):
        before, line = out[i - 1], out[i]
        listing = before.kind == "furniture" and (
            _ATTACHMENT.match(before.view) or _LISTED_ATTACHMENT.match(before.view))
        if listing and line.number == before.number + 1 \
                and _LISTED_ATTACHMENT.match(line.view) and not ends_sentence(line.view):
            out[i] = replace(line, kind="furniture")
    return out


def _starts_item(view: str) -> bool:
    """Whether a line opens a list item (● ◆ - …): it starts a paragraph of its own."""
    return view[:1] in BULLETS or view[:2] in ("- ", "– ")


#: The shortest line whose copy on the next line is read as printed again, not run on.
_REPEAT_MIN = 10


def _repeats(above: str, below: str) -> bool:
    """Whether ``below`` is ``above`` printed again, at least ``_REPEAT_MIN`` characters: a
    line of text printed twice (``……最多申請2次)`` over the same line) does not run on into
    its copy. (Of the train twins' lines that repeat the line above with text, the two that
    the text would run on into are furniture; the others, each after a closed paragraph, a
    caption or credit, are paragraphs of their own, which the rules read already.)"""
    above, below = above.strip(), below.strip()
    return len(above) >= _REPEAT_MIN and above == below


def repair(lines: Sequence[Line], segmenter: SegmenterLike = "auto") -> list[Block]:
    """Group classified lines into blocks, joining paragraphs that extraction broke;
    ``segmenter`` (or its backend name) tells where a line broke inside a word."""
    # Formats that mark headings (.docx, HTML) also mark paragraphs: nothing to rejoin.
    marked = any(x.hint is not None for x in lines)
    work = list(lines) if marked else _cut_in_a_word(
        _cut_by_furniture(_unwrap(_running_headers(_attachment_lists(list(lines))))), segmenter)
    by_indent = not marked and _indent_continues(work)
    wrap = None if marked else _wrap_width(work)
    if by_indent:
        work = _indent_unwrap(work)
    blocks: list[Block] = []
    i = 0
    while i < len(work) and work[i].kind == "furniture":
        blocks.append(Block("furniture", (work[i],)))
        i += 1
    n0 = _opening_block(work[i:])
    if n0:
        blocks.append(_title_block(work[i:i + n0]))
    i += n0
    while i < len(work):
        line = work[i]
        n = _title_block_at(work, i)
        if n:
            blocks.append(_title_block(work[i:i + n]))
            i += n
            continue
        if line.kind != "body":
            kind: BlockKind = "furniture" if line.kind == "furniture" else "headline"
            if line.kind in ("subtitle", "byline", "table", "caption"):
                kind = "para"
            blocks.append(Block(kind, (line,)))
            i += 1
            continue
        parts = [line]
        held: list[Block] = []
        i += 1
        while not marked:
            if _CLOSING.search(parts[-1].view):
                break
            if (ends_sentence(parts[-1].view) or _cut_short(parts, wrap)) \
                    and not _ARTICLE_LABEL.match(parts[-1].view):
                nxt = work[i] if i < len(work) else None
                if not (by_indent and nxt is not None and nxt.kind == "body"
                        and nxt.number == parts[-1].number + 1
                        and not _NEWS_OPENER.match(nxt.view)
                        and not nxt.indented and numbering(nxt.view)[0] is None):
                    break
            found = _continuation(work, i)
            if found is None:
                break
            j, skipped = found
            if work[j].opens and not word_cut(parts[-1].view, work[j].view, segmenter) \
                    and not runs_into(parts[-1].view, work[j].view) \
                    and not figure_cut(parts[-1].view, work[j].view) \
                    and (skipped or (by_indent and work[j].indented)
                         or (not by_indent and all(
                             x.kind == "furniture" and PAGE_NUMBER.fullmatch(x.view) is None
                             for x in work[i:j]))):
                # The labeller reads a paragraph's first line under this one, no word, quote
                # or figure runs on into it, and the page says so too: another article's
                # title stands between, or the page indents its paragraphs' first lines and
                # this one, or it does not and nothing but furniture stands between. (Past a
                # page number it reads a new start where the page cut a sentence. Where a
                # page sets a title into an article's text, the line under the title goes on
                # with the sentence, or a word is cut in two, as on the seed page.)
                break
            if not skipped and _repeats(parts[-1].view, work[j].view):
                # The last line printed again where the text would run on: set aside.
                held.extend(Block("furniture", (x,)) for x in work[i:j + 1]
                            if x.kind == "furniture" or x is work[j])
                i = j + 1
                continue
            between = work[i:j]
            for x in between:
                if x.kind == "furniture":
                    held.append(Block("furniture", (x,)))
            titles = [x for x in between if x.kind != "furniture"]
            if skipped and titles:
                held.append(Block("title", tuple(titles)))
            parts.append(work[j])
            i = j + 1
        blocks.append(Block("para", tuple(parts)))
        blocks.extend(held)
    return blocks
