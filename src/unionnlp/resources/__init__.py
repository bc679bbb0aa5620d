"""Package data: the domain dictionary, stop words and other word lists, read lazily."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["read_text", "stopwords", "user_dictionary"]


def read_text(name: str) -> str:
    """The text of a resource file shipped in this package."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def _entries(name: str) -> list[str]:
    lines = (line.strip() for line in read_text(name).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@cache
def user_dictionary() -> tuple[tuple[str, int, str], ...]:
    """Domain words kept whole by the segmenter: (word, frequency, tag)."""
    out = []
    for entry in _entries("userdict.txt"):
        word, freq, tag = entry.split()
        out.append((word, int(freq), tag))
    return tuple(out)


@cache
def stopwords() -> frozenset[str]:
    """Function words and generic report vocabulary that are never keywords alone."""
    return frozenset(w for entry in _entries("stopwords.txt") for w in entry.split())
