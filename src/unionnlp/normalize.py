"""Length-preserving character normalisation, so offsets into the source stay valid.

Each step is a pure ``str -> str`` function; :func:`normalize` composes them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ._regex import regex

__all__ = ["GLOSS_TAIL", "Unglossed", "blank_glosses", "drop_glosses", "fold_fullwidth", "fold_newlines", "fold_spaces", "normalize"]

_FULLWIDTH = {cp: cp - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for cp in range(r[0], r[1] + 1)}
_FULLWIDTH.update({0xFF05: ord("%"), 0xFF0E: ord(".")})
_SPACES = {cp: ord(" ") for cp in (0x3000, 0x00A0, 0x2002, 0x2003, 0x2009, 0x200B, 0xFEFF, 0x09)}


_LINE_BREAKS = {cp: ord("\n") for cp in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)}
# Big5 text decodes to the small and vertical forms of punctuation (︰ ﹕ ﹐ ﹑ ﹔ ﹖ ﹗):
# the view reads them as the full-width marks the rules know.
_PUNCT_FORMS = {0xFE30: ord("："), 0xFE55: ord("："), 0xFE50: ord("，"), 0xFE51: ord("、"),
                0xFE54: ord("；"), 0xFE56: ord("？"), 0xFE57: ord("！")}


def fold_newlines(text: str) -> str:
    """Turn CRLF, CR and the Unicode line and paragraph separators into LF (the only step
    that may shorten the text)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(chr(cp) in text for cp in _LINE_BREAKS):
        text = text.translate(_LINE_BREAKS)
    return text


def fold_fullwidth(text: str) -> str:
    """Map full-width digits, Latin letters, ``％`` and ``．`` to ASCII; Chinese punctuation stays."""
    return text.translate(_FULLWIDTH)


def fold_spaces(text: str) -> str:
    """Map the ideographic space, NBSP, tabs and zero-width spaces to a plain space."""
    return text.translate(_SPACES)


_ALL = {**_LINE_BREAKS, **_FULLWIDTH, **_SPACES, **_PUNCT_FORMS}
# Few characters of a report need folding: replacing runs of them beats translating every one.
_TO_FOLD = regex("[" + "".join(re.escape(chr(cp)) for cp in sorted(_ALL)) + "]+")


def _fold(match: re.Match[str]) -> str:
    return match.group().translate(_ALL)


def normalize(text: str) -> str:
    """All normalisation steps (one pass), small and vertical punctuation forms read as
    full-width; offsets after :func:`fold_newlines` are preserved."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _TO_FOLD.sub(_fold, text)


#: The end of a pinyin gloss: a syllable with its tone mark and the closing bracket (bào)),
#: which converters often print after a space (huì ).
GLOSS_TAIL = "[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5} ?[)）]"
#: A pinyin gloss after a character, as some pages print them: 報(bào), 会（huì）, 會(huì ).
_GLOSS = regex(f"(?<=[\u4e00-\u9fff])[(（]{GLOSS_TAIL}")


def blank_glosses(text: str) -> str:
    """Pinyin glosses (``報(bào)``) out of the words they split: each run of Han characters
    they interrupt is closed up and followed by as many spaces as the glosses took. The
    words are read whole for keywords and themes, while the text keeps its length, and
    every clause and sentence its place (a run never crosses punctuation)."""
    if "(" not in text and "（" not in text:
        return text
    glosses = [m.span() for m in _GLOSS.finditer(text)]
    out: list[str] = []
    last = 0  # text[:last] is written
    i = 0
    while i < len(glosses):
        start = glosses[i][0]
        while start > last and "\u4e00" <= text[start - 1] <= "\u9fff":
            start -= 1
        kept = [text[start:glosses[i][0]]]
        end = _han_end(text, glosses[i][1])
        while i + 1 < len(glosses) and glosses[i + 1][0] == end:  # the run goes on
            kept.append(text[glosses[i][1]:end])
            i += 1
            end = _han_end(text, glosses[i][1])
        kept.append(text[glosses[i][1]:end])
        run = "".join(kept)
        out += (text[last:start], run, " " * (end - start - len(run)))
        last = end
        i += 1
    out.append(text[last:])
    return "".join(out)


_HAN_RUN = regex("[\u4e00-\u9fff]+")


def _han_end(text: str, i: int) -> int:
    """Where the run of Han characters from ``i`` ends."""
    m = _HAN_RUN.match(text, i)
    return i if m is None else m.end()


@dataclass(frozen=True)
class Unglossed:
    """A text without its pinyin glosses (:func:`drop_glosses`), and the way back to the
    text's own positions."""

    text: str
    #: Where a gloss was left out (a position of :attr:`text`), in order ...
    cuts: tuple[int, ...]
    #: ... and how many characters all glosses up to that one took.
    removed: tuple[int, ...]

    def source(self, i: int) -> int:
        """Where :attr:`text`'s ``i``-th character stands in the glossed text."""
        k = bisect.bisect_right(self.cuts, i)
        return i + (self.removed[k - 1] if k else 0)


def drop_glosses(text: str) -> Unglossed:
    """``text`` without its pinyin glosses: a phrase such as ``農(nóng)民工`` read as the one
    word it is, with the way back to ``text``'s positions."""
    kept: list[str] = []
    cuts: list[int] = []
    removed: list[int] = []
    last = size = gone = 0
    for m in _GLOSS.finditer(text):
        kept.append(text[last:m.start()])
        size += m.start() - last
        gone += m.end() - m.start()
        cuts.append(size)
        removed.append(gone)
        last = m.end()
    kept.append(text[last:])
    return Unglossed("".join(kept), tuple(cuts), tuple(removed))
