"""Lists as union sites of Hong Kong, Macau and Taiwan set them, read after the line
labeller, which takes their lines one by one:

- an item's number alone on its line, its text on the line right under it (``1`` over
  ``各縣市總工會成立浮濫……``), in a run of such numbers: the number opens the item's
  paragraph, it is no page number;
- a rule of a notice that is one short sentence under its number (``六、審核期間若轉出或退保,
  即喪失申請資格。``), with the next rule or nothing under it: an item of the list, not a
  headline over an empty section;
- a chronology's entries, each a date and what happened on it on one line
  (``1987/10/31 電信實習員佐權益促進會宣告成立,……``), which the line rules cut into a
  date set aside and text that runs on from the entry above: each date opens its entry.

Each rule reads the lines' ``view`` (normalised, simplified), their kinds and where they
stand, and changes the kind or the ``opens`` flag of a line, never its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ._regex import regex
from .lines import COMMA, HEADLINE_MAX, Line, numbering
from .resources import lexicon

__all__ = ["dated_entries", "numbers_over_items", "sentences_numbered_as_items"]

#: The quotes and brackets that may close a sentence after its mark.
_CLOSERS = lexicon().chars["closers"]
#: What ends a sentence, or parts a label from its text, before a line's end.
_INSIDE = regex("[。！？!?；;：:]")

#: An item's number alone: one or two digits, a mark after them maybe (1 / 2. / 3、).
_BARE_NUMBER = regex(r"^(\d{1,2})[.、．]?$")


def _number_over_text(lines: Sequence[Line], k: int) -> int | None:
    """The value of ``lines[k]`` when it is a number alone with a blank line (or nothing)
    above it and a text line right under it, no blank line between."""
    x = lines[k]
    m = _BARE_NUMBER.match(x.view.strip())
    if m is None or x.kind not in ("furniture", "body") or k + 1 >= len(lines):
        return None
    below = lines[k + 1]
    if below.kind != "body" or below.number != x.number + 1 or _BARE_NUMBER.match(below.view.strip()):
        return None
    if k and lines[k - 1].number >= x.number - 1:
        # A number right under a line of text, or after text on its own line, is a figure
        # cut off from it, a page's number or the next item's number wrapped onto the line.
        return None
    return int(m.group(1))


def numbers_over_items(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each item's number alone over its text (see the module's docstring)
    opening the item's paragraph, and its text line going on from it. A number counts only
    with the one before or after it in the run (1 with 2, 2 with 1 or 3): a lone number over
    a paragraph is a page's or a counter's."""
    found = {k: v for k in range(len(lines)) if (v := _number_over_text(lines, k)) is not None}
    values = set(found.values())
    out = list(lines)
    for k, v in found.items():
        if v - 1 not in values and v + 1 not in values:
            continue
        out[k] = replace(lines[k], kind="body", style=None, opens=True)
        out[k + 1] = replace(lines[k + 1], opens=False)
    return out


def _one_sentence(view: str) -> bool:
    """Whether ``view`` (after its number) is one short sentence of clauses: a comma in it,
    a full stop at its end and no other sentence's end or label's colon before it."""
    text = view.strip().rstrip(_CLOSERS)
    return (len(view.strip()) <= HEADLINE_MAX and text.endswith("。")
            and COMMA.search(text) is not None and _INSIDE.search(text, 0, len(text) - 1) is None)


def sentences_numbered_as_items(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with each headline numbered 一、 that is one short sentence (see the module's
    docstring) made a paragraph of its own, when the next line that is not furniture is
    numbered 一、 too or there is none: no text stands under it for it to head."""
    out = list(lines)
    for k, x in enumerate(lines):
        if x.kind != "headline" or x.style != "cn":
            continue
        style, marker = numbering(x.view)
        if style != "cn" or not _one_sentence(x.view[marker:]):
            continue
        after = next((y for y in lines[k + 1:] if y.kind != "furniture"), None)
        if after is not None and numbering(after.view)[0] != "cn":
            continue
        out[k] = replace(x, kind="body", style=None, opens=True)
    return out


#: A day's date in figures, alone (a piece of its line): 1987/10/31, 1992/07/13/, 2021-07-08.
_DAY = regex(r"^(?:19|20)\d\d\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,2}[/.]?$")
#: The fewest entries that make a chronology (a site's date stamp before its text is one).
_ENTRIES = 3


def dated_entries(lines: Sequence[Line]) -> list[Line]:
    """``lines`` with a chronology's dates (see the module's docstring) opening their
    entries: a date set aside that is the first piece of its line, the rest of the line
    text, in a run of at least ``_ENTRIES`` such lines. A date before furniture (a news
    list's, a page's stamp before its view count) is left as it is."""
    found = [k for k in range(len(lines) - 1)
             if lines[k].kind == "furniture" and _DAY.match(lines[k].view.strip())
             and lines[k + 1].number == lines[k].number and lines[k + 1].kind == "body"
             and (k == 0 or lines[k - 1].number != lines[k].number)]
    out = list(lines)
    if len(found) < _ENTRIES:
        return out
    for k in found:
        out[k] = replace(lines[k], kind="body", style=None, opens=True)
        out[k + 1] = replace(lines[k + 1], opens=False)
    return out
