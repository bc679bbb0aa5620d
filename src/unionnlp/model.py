"""The document model: frozen dataclasses passed between stages, dicts only at export.

Report > Article (title, subtitle, byline) > Section (heading, level) > Paragraph.
Offsets are character offsets into the decoded source text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from .errors import SURROGATE, ConfigError, escape_surrogates

if TYPE_CHECKING:
    from .segment import Segmenter

__all__ = [
    "DEFAULT",
    "SCHEMA",
    "THEMES",
    "Article",
    "Figure",
    "Keyword",
    "Options",
    "Paragraph",
    "ParagraphKind",
    "Part",
    "Report",
    "Section",
    "Source",
    "writable",
]

SCHEMA = "unionnlp/1"

#: Theme ids and their Chinese names, in output order.
THEMES: dict[str, str] = {
    "org_building": "组织建设",
    "worker_aid": "帮扶救助",
    "rights_protection": "维权",
    "skills_training": "技能培训",
}


def _round(x: float) -> float:
    """Round scores and weights so output bytes do not depend on float noise."""
    return round(float(x), 4)


@dataclass(frozen=True)
class Source:
    """Text read from one input, before any structure is found.

    ``heading_hints`` maps line numbers of ``text.split("\\n")`` to a heading level
    (0 = article title) where the format itself says so (.docx styles).
    """

    text: str
    path: str | None = None
    format: str = "text"
    encoding: str | None = None
    heading_hints: Mapping[int, int] = field(default_factory=dict)
    #: Line numbers (of ``text.split("\n")``) a web page's reader found outside the page's
    #: main content: menus, footers, sidebars. They are set aside as furniture.
    boilerplate: frozenset[int] = frozenset()
    #: What the reader could not do with the input (a scanned PDF without text, say).
    warnings: tuple[str, ...] = ()


def writable(source: Source) -> Source:
    """``source`` as a report may carry it into JSON, CSV or HTML written as UTF-8, which
    cannot hold a lone surrogate (what ``surrogateescape`` makes of undecodable bytes, or
    half of a pair cut apart). Each one in the text is read as U+FFFD, one character for
    one so that every offset still counts the text as given (the paragraphs, headings and
    ``dropped`` lines still hold all of it), with a warning counting them; a name or a
    warning writes them as ``\\xff`` escapes, as batch records name a file
    (:func:`unionnlp.errors.escape_surrogates`). A valid pair (a character outside the BMP
    given as its two UTF-16 halves) is read as two U+FFFD too, to keep the offsets, and
    warned about as a pair, not as unpaired surrogates. A source without any is returned as is."""
    text, path, warnings = source.text, source.path, source.warnings
    if path is not None and SURROGATE.search(path):
        path = escape_surrogates(path)
    if any(SURROGATE.search(w) for w in warnings):
        warnings = tuple(escape_surrogates(w) for w in warnings)
    halves = len(SURROGATE.findall(text))
    if halves:
        pairs = len(_SURROGATE_PAIR.findall(text))
        lone = halves - 2 * pairs
        text = SURROGATE.sub("\ufffd", text)
        where = f"{path}: " if path else ""
        if lone:
            warnings = (*warnings, f"{where}{lone} unpaired surrogate(s) are not valid Unicode; "
                                   "read as \ufffd")
        if pairs:
            warnings = (*warnings, f"{where}{pairs} character(s) given as a UTF-16 surrogate pair "
                                   "(two code points, not one); each half read as \ufffd to keep "
                                   "the offsets: join them first (text.encode('utf-16', "
                                   "'surrogatepass').decode('utf-16'))")
    if (text, path, warnings) == (source.text, source.path, source.warnings):
        return source
    return replace(source, text=text, path=path, warnings=warnings)


#: A high surrogate then a low one: one character outside the BMP written in two halves.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


@dataclass(frozen=True)
class Keyword:
    """A term and its TF-IDF weight in the text it describes."""

    term: str
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {"term": self.term, "weight": _round(self.weight)}


@dataclass(frozen=True)
class Figure:
    """A statistic the report states: ``value`` ``unit`` of ``subject``, found at ``offset``."""

    value: float
    unit: str
    subject: str
    text: str
    approximate: bool = False
    offset: int = 0

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {
            "value": value,
            "unit": self.unit,
            "subject": self.subject,
            "text": self.text,
            "approximate": self.approximate,
            "offset": self.offset,
        }


#: What a paragraph is: prose, a table row, or a photo caption.
ParagraphKind = Literal["text", "table", "caption"]


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph, repaired where extraction broke it; ``lead_in`` is a bold-style opener.

    ``kind`` is ``text``, ``table`` (a row of a table pasted as text) or ``caption`` (a
    photo caption or credit); ``spans`` are the (offset, length) source pieces a repaired
    paragraph was joined from.
    """

    text: str
    offset: int
    lead_in: str | None = None
    themes: tuple[str, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)
    kind: ParagraphKind = "text"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "offset": self.offset,
            "lead_in": self.lead_in,
            "themes": list(self.themes),
            "scores": {k: _round(v) for k, v in self.scores.items()},
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Section:
    """Paragraphs under one headline; ``heading`` is None for an article's lead.

    ``spans`` are the (offset, length) source pieces a headline wrapped over lines was
    joined from.
    """

    heading: str | None
    level: int
    paragraphs: tuple[Paragraph, ...] = ()
    offset: int | None = None
    keywords: tuple[Keyword, ...] = ()
    summary: tuple[str, ...] = ()
    spans: tuple[tuple[int, int], ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "level": self.level,
            "offset": self.offset,
            "keywords": [k.to_dict() for k in self.keywords],
            "summary": list(self.summary),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }


@dataclass(frozen=True)
class Article:
    """One article of a report or newspaper page, with its title block."""

    title: str | None
    subtitle: str | None = None
    byline: str | None = None
    sections: tuple[Section, ...] = ()
    offset: int | None = None
    keywords: tuple[Keyword, ...] = ()
    summary: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All paragraphs of the article, in order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "offset": self.offset,
            "keywords": [k.to_dict() for k in self.keywords],
            "summary": list(self.summary),
            "sections": [s.to_dict() for s in self.sections],
        }


@dataclass(frozen=True)
class Part:
    """Which part of a large text file a report covers: the file was tagged part by part,
    cut after a blank line, and ``start``..``stop`` are the part's byte offsets in it
    (a report's character offsets count from the part's start)."""

    index: int
    start: int
    stop: int

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start_byte": self.start, "stop_byte": self.stop}


@dataclass(frozen=True)
class Report:
    """Everything unionnlp knows about one input; ``dropped`` keeps furniture lines removed."""

    source: str | None
    articles: tuple[Article, ...] = ()
    dropped: tuple[str, ...] = ()
    format: str = "text"
    encoding: str | None = None
    traditional: bool = False
    keywords: tuple[Keyword, ...] = ()
    summary: tuple[str, ...] = ()
    theme_shares: Mapping[str, float] = field(default_factory=dict)
    figures: tuple[Figure, ...] = ()
    #: Set when the report covers one part of a file tagged part by part.
    part: Part | None = None
    #: What the reader could not do with the input (a scanned PDF without text, say).
    warnings: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All paragraphs of the report, in article order."""
        return tuple(p for a in self.articles for p in a.paragraphs)

    @property
    def date(self) -> str | None:
        """The date the report carries, as ISO text (``2024-01-15``, or ``2024-01`` where
        only a month is given): the first in its bylines, then in the page's publication
        line set aside, then in the other lines set aside (never a site's clock); None
        where there is none (:func:`unionnlp.dates.report_date`)."""
        from .dates import report_date

        return report_date((a.byline for a in self.articles), self.dropped,
                           (p.text for p in self.paragraphs))

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "traditional": self.traditional,
            "date": self.date,
            "keywords": [k.to_dict() for k in self.keywords],
            "summary": list(self.summary),
            "theme_shares": {k: _round(v) for k, v in self.theme_shares.items()},
            "figures": [f.to_dict() for f in self.figures],
            "dropped": list(self.dropped),
            "articles": [a.to_dict() for a in self.articles],
            "part": None if self.part is None else self.part.to_dict(),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Options:
    """Everything that changes what :func:`analyze` produces, in one place.

    ``model`` is the path of a theme model trained with ``unionnlp train`` (None: the
    packaged taxonomy); ``segmenter`` a backend name (``auto``, ``jieba``, ``rjieba``).
    """

    segmenter: str = "auto"
    model: str | None = None
    top_k: int = 10
    section_top_k: int = 5
    #: Sentences in the report's summary; None: three, or four when three hold fewer than
    #: 140 characters (three short sentences say too little).
    summary_sentences: int | None = None
    article_summary_sentences: int = 2
    section_summary_sentences: int = 1

    def __post_init__(self) -> None:
        for name in ("top_k", "section_top_k", "summary_sentences", "article_summary_sentences",
                     "section_summary_sentences"):
            if (getattr(self, name) or 0) < 0:
                raise ConfigError(f"{name} must be >= 0, got {getattr(self, name)}")
        # Checked here, once, rather than failing on every file of a batch.
        from .errors import unknown_name
        from .segment import BACKENDS

        if self.segmenter != "auto" and self.segmenter not in BACKENDS:
            raise unknown_name("segmenter backend", self.segmenter, [*BACKENDS, "auto"])

    @property
    def tokenizer(self) -> Segmenter:
        """The segmenter object :attr:`segmenter` names, shared by the process (loads its
        dictionary on first use)."""
        from .segment import get_segmenter

        return get_segmenter(self.segmenter)


DEFAULT = Options()
