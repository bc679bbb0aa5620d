"""Traditional and simplified Chinese: detect traditional text and map it to simplified.

:func:`to_simplified` maps character by character, so offsets into the text stay valid.
Its table is derived from snownlp's ``zh2hans`` (single characters only) by
``tools/make_traditional_chars.py`` and ships as ``resources/traditional_chars.txt``, so
reading traditional text never imports snownlp (seconds and hundreds of MB).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib.resources import files

from ._regex import regex

__all__ = ["analysis_view", "has_traditional", "is_traditional", "to_simplified"]

#: Share of Han characters that must be traditional-only for a text to count as traditional.
#: Ordinary traditional prose has 20-40 %; simplified text has none, or a quoted name.
_TRADITIONAL_SHARE = 0.1

# Where zh2hans lists a character twice and the entry that wins is the rarer form
# (馀 and 锺 are kept in simplified only for special uses), prefer the standard one.
_OVERRIDES: dict[str, str] = {"餘": "余", "鍾": "钟"}
_HAN = regex("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003ffff]+")


def is_traditional(text: str) -> bool:
    """True when ``text`` is written in traditional characters.

    That is, when at least a tenth of its Han characters exist only in
    traditional writing. Text without Han characters is not traditional.
    """
    han = len(text) - len(_HAN.sub("", text))
    found = len(_traditional_pattern().findall(text))
    return found > 0 and found >= _TRADITIONAL_SHARE * han


def has_traditional(text: str) -> bool:
    """True when ``text`` holds any traditional-only character (a traditional page, or a
    simplified one that quotes a name): where :func:`to_simplified` changes something."""
    return _traditional_pattern().search(text) is not None


def analysis_view(text: str) -> tuple[str, bool]:
    """The text as every decision reads it, of the same length: normalised, and in
    simplified characters when it is traditional (said by the second value). Analysis and
    training both read text through here."""
    from .normalize import normalize

    view = normalize(text)
    traditional = is_traditional(view)
    return (to_simplified(view) if traditional else view), traditional


def to_simplified(text: str) -> str:
    """Replace traditional-only characters by their simplified forms, one for one.

    The result has the same length as ``text``; everything else is left as it is.
    """
    return text.translate(_simplified_table())


def _single_char_table(zh2hans: Mapping[str, str]) -> dict[str, str]:
    """Traditional-only character → simplified character, from a zh2hans-style mapping.

    Keeps one-character entries that change the character, and drops characters that are
    themselves simplified output (e.g. 著, 覆, 乾, 余): converting them would damage simplified text.
    """
    mapping = {**zh2hans, **{key: value for key, value in _OVERRIDES.items() if key in zh2hans}}
    simplified = {char for value in mapping.values() for char in value}
    return {
        key: value
        for key, value in mapping.items()
        if len(key) == 1 and len(value) == 1 and key != value and key not in simplified
    }


@functools.cache
def _pairs() -> dict[str, str]:
    """Traditional-only character → simplified character, from the packaged table."""
    resource = files("unionnlp") / "resources" / "traditional_chars.txt"
    pairs = {}
    for line in resource.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split()
            pairs[key] = value
    return pairs


@functools.cache
def _simplified_table() -> dict[int, str]:
    return {ord(key): value for key, value in _pairs().items()}


@functools.cache
def _traditional_pattern() -> re.Pattern[str]:
    return regex("[" + "".join(map(re.escape, sorted(_pairs()))) + "]")
