"""Short lines that head what follows them, as notices, rules and Q&A pages of Hong Kong,
Macau and Taiwan unions set them: read after the line labeller, which takes them for
one-line paragraphs.

- a label and its colon alone on a line over the items it names (``入會辦法:`` over
  ``1. 親自到工會填寫入會申請書``, ``會務報告 :`` over the report, ``- 傷病給付:``);
- an article's number alone on its line, with its text on the lines under it
  (``第三條`` over ``按勞資會議實施辦法之第五條……``; ``第二条：`` with a colon opens the
  article's paragraph instead, as rules printed from a PDF set it);
- a short question standing apart over its answer (``為什麼要加入企業工會?``,
  ``Q:工會能替我做哪些事?`` over ``A:……``).

Each decision reads the line's ``view`` (normalised, simplified) and its neighbours only.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from ._regex import regex
from .lines import Line, numbering

__all__ = ["label_or_question", "labels_as_headlines"]

#: A label and its colon: two to eight characters, no punctuation or space inside (a space
#: parts a speaker's title from the name: 福昌工会理事长 赖淑芬:), after a bullet maybe.
_LABEL = regex(r"^(?:[-‧•·]\s*)?([^\s,，。；;、:：!?！？()（）「」“”]{2,8})\s*[:：]$")
#: What makes a label a clause that runs on into the items (本会负有下列任务:,
#: 本方案的目的是:) rather than a name for them.
_CLAUSE = regex(r"如下|下列|以下|的|[是为][:：]?$")
_ARTICLE = regex(r"^第[一二三四五六七八九十百零〇两廿卅\d]{1,5}[条條]")
#: A question of one clause (after Q: or 问:), ending its line.
_QUESTION = regex(r"^(?:(?:Q|问|問)\s*[:：]\s*)?([^\s,，。；;!！?？:：]{4,20})[?？]$")
_QUOTES = "「『“\"‘"
_BULLETS = "-‧•·"
#: The longest line under a label that is no text the label heads, but a name.
_SHORT_TEXT = 12


def _is_label(view: str) -> bool:
    m = _LABEL.match(view)
    return m is not None and not _ARTICLE.match(m.group(1)) and not _CLAUSE.search(m.group(1))


def label_or_question(view: str) -> bool:
    """Whether ``view`` reads as a label and its colon or a short question (what this
    module makes a headline of, an article's number aside)."""
    return _is_label(view) or _QUESTION.match(view) is not None


def _heads_items(after: Line) -> bool:
    """Whether ``after``, the text line under a label, is what a label heads: an item of a
    list (numbered or bulleted) or a line of text, not a short name (卡车车头: over
    XX市总工会) nor a line that ends in a colon itself (the next label)."""
    view = after.view.rstrip()
    if view[-1:] in ":：":
        return False
    return (numbering(view)[0] is not None or view[:1] in _BULLETS
            or len(view) > _SHORT_TEXT)


def labels_as_headlines(lines: Sequence[Line], pieces: Collection[int] = ()) -> list[Line]:
    """``lines`` with the body lines that head what follows (see the module's docstring)
    made headlines. A line the next text line does not follow (the page's end, a
    headline, another label) stays as it is; so do lines in ``pieces`` (source lines cut
    into several)."""
    out = list(lines)
    text_kinds = ("body", "headline")
    for k, x in enumerate(lines):
        if x.kind != "body" or x.number in pieces:
            continue
        after = next((y for y in lines[k + 1:] if y.kind != "furniture"), None)
        if after is None or after.kind != "body" or after.view[:1] in _QUOTES:
            continue
        before = lines[k - 1] if k else None
        if before is not None and before.kind == "furniture" and before.number == x.number - 1:
            # Right under a page's furniture, no blank line between: one more of a site's
            # controls (文字大小:[ ] / 背景色:).
            continue
        apart = before is None or before.number < x.number - 1 or before.kind not in text_kinds
        view = x.view
        if _is_label(view) and _heads_items(after):
            pass
        elif _ARTICLE.fullmatch(view):  # an article's number alone, without a colon
            pass
        elif apart and _QUESTION.match(view) and not _QUESTION.match(after.view):
            pass
        else:
            continue
        out[k] = replace(x, kind="headline", style="plain", opens=False)
    return out
