"""Package data: the domain dictionary, stop words and other word lists, read lazily."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import tomllib

__all__ = ["Entry", "Lexicon", "PhraseEnds", "lexicon", "phrase_ends", "read_text", "stopwords",
           "user_dictionary"]


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


@dataclass(frozen=True)
class PhraseEnds:
    """How a keyword phrase may end (``resources/phrase_ends.toml``)."""

    #: Words that only modify what follows: no phrase of several words ends in one.
    modifiers: frozenset[str]
    #: Phrases where such a word stands before its head, each with the fragment cut there.
    examples: tuple[tuple[str, str], ...]
    #: Persons' titles: no phrase of several words ends in one, nor grows on to one.
    titles: frozenset[str] = frozenset()
    #: Labels that end in such a title, each with the organisation it names.
    title_examples: tuple[tuple[str, str], ...] = ()
    #: Verbs that hand a thing on to whoever follows: no phrase of several words opens
    #: with one.
    openers: frozenset[str] = frozenset()
    #: Sentences that hand a thing on, each with the phrase of verb and recipient.
    opener_examples: tuple[tuple[str, str], ...] = ()


@cache
def phrase_ends() -> PhraseEnds:
    """The packaged rules of how a keyword phrase may end, read once."""
    whole = tomllib.loads(read_text("phrase_ends.toml"))
    data, titles, openers = whole["modifiers"], whole["titles"], whole["openers"]
    return PhraseEnds(frozenset(data["words"]),
                      tuple((phrase, fragment) for phrase, fragment in data["examples"]),
                      frozenset(titles["words"]),
                      tuple((label, body) for label, body in titles["examples"]),
                      frozenset(openers["words"]),
                      tuple((sentence, phrase) for sentence, phrase in openers["examples"]))


@dataclass(frozen=True)
class Entry:
    """One pattern of the lexicon: its name, the regular expression (placeholders filled
    in), and lines it must match (``examples``) and must not (``counter``)."""

    name: str
    pattern: str
    examples: tuple[str, ...]
    counter: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """The vocabulary and patterns that read lines (``resources/lexicon.toml``)."""

    #: Character sets by name: cn_numerals, bullets, closers, final, counters.
    chars: Mapping[str, str]
    #: Dates as reports write them: with or without the day (``month``), with it (``day``).
    dates: Mapping[str, Entry]
    #: Headline numbering styles in the order they are tried (``name`` is the style).
    numbering: tuple[Entry, ...]
    #: What opens a line before its text (a salutation, a greeting, a date stamp).
    line_openers: tuple[Entry, ...]
    #: Page furniture known by how the line opens.
    furniture: tuple[Entry, ...]
    #: Page furniture known by a word further in, and what such a line must hold.
    furniture_inside: tuple[Entry, ...]
    furniture_cue: str
    #: Cue words the line labeller sees as features, by cue name.
    line_cues: tuple[Entry, ...]
    #: Units of figures in the order they are tried, each with what may not follow it.
    units: tuple[tuple[str, tuple[str, ...]], ...]
    #: Lines and the texts of the figures found in them.
    figure_examples: tuple[tuple[str, tuple[str, ...]], ...]
    #: Slogans and set phrases whose Chinese digit and counter count nothing (八项规定).
    figure_slogans: tuple[str, ...] = ()
    #: Words in a closing bracket that name no person ((掌声), (待续)).
    not_names: tuple[str, ...] = ()
    #: Bracketed tags of a news item's kind or column, not of its source (【喜报】, [图片新闻]).
    column_tags: tuple[str, ...] = ()
    #: Tags that must read as such a column tag, and source tags that must not.
    column_tag_examples: tuple[str, ...] = ()
    column_tag_not: tuple[str, ...] = ()


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon, read once."""
    data = tomllib.loads(read_text("lexicon.toml"))
    chars: dict[str, str] = dict(data["chars"])
    day = data["date"]["day"]
    month = data["date"]["month"]

    def fill(pattern: str) -> str:
        return (pattern.replace("{cn}", chars["cn_numerals"]).replace("{month}", month)
                .replace("{day}", day))

    def entry(item: Mapping[str, Any], name: str | None = None) -> Entry:
        return Entry(name or item["name"], fill(item["pattern"]), tuple(item.get("examples", ())),
                     tuple(item.get("not", ())))

    dates = {key: Entry(key, data["date"][key], tuple(data["date"][f"{key}_examples"]),
                        tuple(data["date"].get(f"{key}_not", ()))) for key in ("month", "day")}
    return Lexicon(
        chars=chars,
        dates=dates,
        numbering=tuple(entry(x, x["style"]) for x in data["numbering"]),
        line_openers=tuple(entry(x) for x in data["line_openers"]),
        furniture=tuple(entry(x) for x in data["furniture"]),
        furniture_inside=tuple(entry(x) for x in data["furniture_inside"]),
        furniture_cue=data["furniture_cue"]["pattern"],
        line_cues=tuple(entry(x) for x in data["line_cues"]),
        units=tuple((u["unit"], tuple(u.get("unless", ()))) for u in data["figures"]["units"]),
        figure_examples=tuple((line, tuple(found.split()))
                              for line, found in data["figures"]["examples"]),
        figure_slogans=tuple(data["figures"]["slogans"]),
        not_names=tuple(data["not_names"]["words"]),
        column_tags=tuple(data["column_tags"]["words"]),
        column_tag_examples=tuple(data["column_tags"]["examples"]),
        column_tag_not=tuple(data["column_tags"]["not"]),
    )
