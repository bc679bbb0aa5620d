"""Text that the line rules cut too short, read back into its sentences after the line
labeller:

- an enumeration of ordinals inside a sentence (``获一、二、三等奖``, ``第一、二名``) that
  cutting a run-on line at its numbers split into a headline ``1.获``, a paragraph ``一、``
  and a headline ``二、三等奖…``: a number opens a part only where a line or a sentence
  starts, never after a word;
- a list's number alone on its line with its separator opening the next line (``1`` over
  ``、本公司遵循……``, as text extraction breaks a PDF's lines): the number opens the item;
- a bracketed year under a title wrapped over lines of its own (``( 2017`` / ``年度`` /
  ``)``): the title's dateline, not three lines set aside;
- an article's number alone on its line with its title on the next (``第二条`` over
  ``分配原则``) before the article's first item: one headline;
- a sentence hard-wrapped into lines so short that none looks like text (``本协议由`` /
  ``某某有限公司`` / ``(以下简称公司)与`` / …… / ``……制定。``): its lines, set aside or
  read as headlines one by one, make one paragraph.

Each rule reads the lines' ``view`` (normalised, simplified), their kinds and where they
stand; only the first joins pieces of a line, the others change a line's kind or its
``opens`` flag, never its text.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ._regex import regex
from .lines import Line, classify, ends_sentence, furniture_rule, numbering
from .repair import Block
from .resources import lexicon

__all__ = ["article_titles_joined", "dates_wrapped_under_titles", "numbers_before_marks",
           "ordinals_rejoined", "wrapped_sentences"]

_CN = lexicon().chars["cn_numerals"]
#: Ordinals listed inside a sentence: two or more numerals apart by 、, the last one run on
#: into a word (一、二、三等奖, 第一、二名), after a word, never at a line's or a sentence's start.
_ORDINALS = regex(rf"(?<=[^\s。！？!?；;：:{_CN}])[{_CN}]{{1,3}}(?:、[{_CN}]{{1,3}})+(?=[^\s、{_CN}])")


def _joined(a: Line, b: Line, text: str, view: str) -> Line:
    """Pieces ``a`` and ``b`` of one line (``b`` after ``a``) as one piece."""
    end = b.offset + len(b.text)
    seen = view[a.offset:end]
    kind, style = classify(seen)
    if kind not in ("headline", "body"):
        kind, style = "body", numbering(seen)[0]
    return replace(a, text=text[a.offset:end], view=seen, kind=kind, style=style)


def ordinals_rejoined(lines: Sequence[Line], text: str, view: str) -> list[Line]:
    """``lines`` with the pieces of a line cut inside a listing of ordinals (see the
    module's docstring) joined again; ``text`` and ``view`` are the whole text and its
    view, which the lines' offsets point into."""
    out: list[Line] = []
    # Each line's listings, found once (a flattened page is one line of thousands of pieces).
    found: dict[int, tuple[list[int], list[int]]] = {}
    for x in lines:
        last = out[-1] if out else None
        if last is not None and last.number == x.number and last.offset < x.offset:
            if x.number not in found:
                start = view.rfind("\n", 0, last.offset) + 1
                end = view.find("\n", x.offset)
                spans = [m.span() for m in _ORDINALS.finditer(view, start, end if end >= 0 else len(view))]
                found[x.number] = ([a for a, _ in spans], [b for _, b in spans])
            starts, ends = found[x.number]
            k = bisect_right(starts, x.offset) - 1
            if k >= 0 and starts[k] >= last.offset and x.offset < ends[k]:
                out[-1] = _joined(last, x, text, view)
                continue
        out.append(x)
    return out


#: A list's number alone on its line (1, 12, 三) …
_BARE_NUMBER = regex(rf"^(?:\d{{1,2}}|[{_CN}]{{1,3}})$")
#: … and the separator after it opening the line under it (、本公司…, .坚持…).
_MARK_FIRST = regex(r"^[、.．](?!\d)\s*\S")


def numbers_before_marks(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each list number alone on its line whose separator opens the line
    under it (see the module's docstring; a blank line between at most, as a .docx file
    made of a PDF's lines has) opening that item's paragraph, the line under it going on
    from it: a page's number is never followed by 、."""
    out = list(lines)
    for k in range(len(lines) - 1):
        x, below = lines[k], lines[k + 1]
        if x.kind in ("title", "table") or below.number > x.number + 2 \
                or not _BARE_NUMBER.match(x.view.strip()) or not _MARK_FIRST.match(below.view.strip()):
            continue
        out[k] = replace(x, kind="body", style=None, opens=True)
        out[k + 1] = replace(out[k + 1], kind="body", style=None, opens=False)
    return out


#: An article's number alone (第二条, 第 3 條, 第一章).
_ARTICLE = regex(rf"^第\s*[\d{_CN}]{{1,4}}\s*[条條章节節]$")


def _numbered(view: str) -> bool:
    """Whether ``view`` opens with a list's or an article's number (or is one alone)."""
    v = view.strip()
    return numbering(v)[0] is not None or bool(_BARE_NUMBER.match(v) or _ARTICLE.match(v))


#: The most characters of a line read as a fragment of a hard-wrapped sentence.
FRAGMENT_MAX = 16
#: A line of dashes alone (``——``): a sentence's dash the wrapping left on its own line.
_DASHES = regex(r"^[—\-－─]{1,4}$")
#: Where a line cannot end: a comma, an enumeration comma, a conjunction that the next
#: line's words complete (与, 及, 或, 并: no word a headline ends in ends in them, as 目的
#: ends in 的 and 应对 in 对).
_OPEN_END = regex(r"[，,、与及或并]$")
#: How a line cannot start: a comma, a closing bracket, a clause's mark, or an alias in
#: brackets naming what the line above ends with (（以下简称公司）).
_GOES_ON = regex(r"^(?:[、，,；;：:)）」』》]|[（(](?:以下|下称|简称))")


def _fragment(x: Line) -> bool:
    """Whether ``x`` may be a piece of a wrapped sentence that is not its last: short, no
    sentence ended, and not set aside by a rule of what furniture is (a page number, a
    link's words): only a line the labeller or the contents rule set aside comes back."""
    v = x.view.strip()
    return (x.kind in ("body", "headline", "furniture") and 0 < len(v) <= FRAGMENT_MAX
            and x.hint is None and not ends_sentence(v)
            and (x.kind != "furniture" or furniture_rule(v) is None))


def _ends_run(x: Line) -> bool:
    v = x.view.strip()
    return x.kind in ("body", "headline", "furniture") and x.hint is None and ends_sentence(v) \
        and v.rstrip()[-1:] not in ":：" and (x.kind != "furniture" or furniture_rule(v) is None)


def _open_between(a: Line, b: Line) -> bool:
    """Whether the break between lines ``a`` and ``b`` falls inside a sentence."""
    return bool(_OPEN_END.search(a.view.strip()) or _GOES_ON.match(b.view.strip())
                or _DASHES.match(a.view.strip()) or _DASHES.match(b.view.strip()))


def wrapped_sentences(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each sentence hard-wrapped into short fragments (see the module's
    docstring) made one paragraph: a run of lines one right under the other, each but the
    last at most ``FRAGMENT_MAX`` characters and ending no sentence, the last ending one,
    where the text breaks at least once inside a clause (a line ending in a comma or
    与, the next opening with 、 or an alias in brackets, a dash alone between). A run
    starts after a blank line, a line that ends a sentence or is longer, and holds a
    numbered line only as its first (a bare number, 1 or 第二条, not a numbered
    headline); a dash alone never starts or ends it. The run opens a paragraph unless the
    line above it is text that ends no sentence: then it goes on from that."""
    out = list(lines)
    for b, last in enumerate(lines):
        if not _ends_run(last):
            continue
        a = b
        while a > 0:
            x, nxt = lines[a - 1], lines[a]
            if x.number != nxt.number - 1 or not (_fragment(x) or _DASHES.match(x.view.strip())):
                break
            if _numbered(nxt.view):
                break  # a numbered line only opens a run
            a -= 1
        while a < b and _DASHES.match(lines[a].view.strip()):
            a += 1
        if numbering(lines[a].view.strip())[0] is not None:
            continue  # a numbered headline over its text, or an item that needs no help
        if a == b or any(x.kind == "furniture" and furniture_rule(x.view.strip()) is not None
                         and not _DASHES.match(x.view.strip()) for x in lines[a:b]):
            continue
        if not any(_open_between(lines[k], lines[k + 1]) for k in range(a, b)):
            continue
        above = lines[a - 1] if a else None
        goes_on = above is not None and above.number == lines[a].number - 1 \
            and above.kind == "body" and not ends_sentence(above.view)
        out[a] = replace(out[a], kind="body", style=None, opens=not goes_on)
        for k in range(a + 1, b + 1):
            out[k] = replace(out[k], kind="body", style=None, opens=False)
    return out


def article_titles_joined(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with an article's number alone on its line (第二条) and its title on the
    line right under it (分配原则: at most ``FRAGMENT_MAX`` characters, no mark at all, not
    set aside by a furniture rule) as one headline, when a list's item follows the title
    (a number alone, or a numbered line): a PDF's text puts the two cells of the article's
    heading on lines of their own, and the title is no paragraph over the items nor
    furniture."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        head = blocks[i]
        if i + 2 < len(blocks) and head.kind == "headline" and len(head.lines) == 1 \
                and len(blocks[i + 1].lines) == 1 and _ARTICLE.match(head.lines[0].view.strip()):
            title, after = blocks[i + 1].lines[0], blocks[i + 2].lines[0]
            v = title.view.strip()
            if title.number == head.lines[0].number + 1 and blocks[i + 1].kind != "title" \
                    and 0 < len(v) <= FRAGMENT_MAX and not any(unicodedata.category(c)[0] == "P" for c in v) \
                    and furniture_rule(v) is None and _numbered(after.view):
                out.append(Block("headline", (head.lines[0], title)))
                i += 2
                continue
        out.append(head)
        i += 1
    return out


#: A year in figures (2017, 2017年).
_YEAR = regex(r"(?:19|20)\d\d")
_OPENERS = "(（"
_CLOSERS_OF = ")）"
#: The most lines a bracketed date under a title is wrapped over.
_DATE_LINES = 4


def dates_wrapped_under_titles(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with a bracketed year under a title line, wrapped over up to
    ``_DATE_LINES`` short lines (``( 2017`` / ``年度`` / ``)``, as a PDF's text takes the
    cells of a title's second row out), made byline lines of the title block (a dateline,
    as ``(2012年3月修订)`` on one line is): the lines right under the title, the first
    opening a bracket, the last closing it, a year in figures among them."""
    out = list(lines)
    for k, x in enumerate(lines):
        if x.kind != "title":
            continue
        group: list[int] = []
        for j in range(k + 1, min(k + 1 + _DATE_LINES, len(lines))):
            if lines[j].number != lines[j - 1].number + 1 or len(lines[j].view.strip()) > FRAGMENT_MAX:
                break
            group.append(j)
            if lines[j].view.strip()[-1:] in _CLOSERS_OF:
                break
        views = "".join(lines[j].view.strip() for j in group)
        if len(group) < 2 or views[:1] not in _OPENERS or views[-1:] not in _CLOSERS_OF \
                or _YEAR.search(views) is None or any(c in views[1:-1] for c in _OPENERS + _CLOSERS_OF):
            continue
        for j in group:
            out[j] = replace(lines[j], kind="byline", style=None, opens=False)
    return out
