"""Spreadsheet output: one row per paragraph, or one row per report.

Both start with a UTF-8 byte-order mark, without which Excel reads UTF-8 as the
local code page and shows Chinese as mojibake. Theme columns follow
:data:`unionnlp.model.THEMES`; a failed file is one row with its ``error``, and in the
paragraph table a report without paragraphs is one row with only its source. A text cell
that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a carriage
return) is written with a leading ``'``: the files are made for Excel, the text is not.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from ..model import THEMES
from ._base import Writer
from .tables import source_label, themed

__all__ = [
    "PARAGRAPH_COLUMNS",
    "REPORT_COLUMNS",
    "CsvReportsWriter",
    "CsvWriter",
    "neutralise",
    "paragraph_rows",
    "report_row",
]

_BOM = "\ufeff"

PARAGRAPH_COLUMNS: tuple[str, ...] = (
    "source",
    "article",
    "article_title",
    "section_heading",
    "paragraph",
    "text",
    "lead_in",
    "themes",
    *(f"score_{theme}" for theme in THEMES),
    "error",
    "kind",
    "date",  # the report's (added after the others: columns keep their places)
)

REPORT_COLUMNS: tuple[str, ...] = (
    "source",
    "error",
    "n_articles",
    "n_paragraphs",
    "keywords",
    "summary",
    *(f"share_{theme}" for theme in THEMES),
    "n_figures",
    "title",  # the first article's (added after the others: columns keep their places)
    "date",  # the report's
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell as text a spreadsheet shows, never runs: ``'`` before a formula start
    (numbers such as ``-1.5`` are left as they are)."""
    if cell.startswith(_FORMULA_STARTS):
        try:
            float(cell)
        except ValueError:
            return "'" + cell
    return cell


def _error(record: Mapping[str, Any]) -> str:
    error = record.get("error")
    if not error:
        return ""
    return f"{error.get('type', 'Error')}: {error.get('message', '')}"


def paragraph_rows(record: Mapping[str, Any],
                   themes: Sequence[str] = tuple(THEMES)) -> Iterator[list[str]]:
    """Rows of :data:`PARAGRAPH_COLUMNS` for one record; article and paragraph numbers
    count from 1, the paragraph number within its article. Every record has a row, so
    that a join with the per-report table loses none: a failed file's holds its error, and
    a report without paragraphs (an empty file, a scan without text) has one row with
    its source and every other cell empty."""
    source = _cell(source_label(record))
    empty = [""] * (len(PARAGRAPH_COLUMNS) - len(THEMES) + len(themes) - 4)
    if record.get("error"):
        yield [source, *empty, _error(record), "", ""]
        return
    date = _cell(record.get("date"))
    rows = 0
    for a, article in enumerate(record.get("articles") or (), start=1):
        number = 0
        for section in article.get("sections") or ():
            for paragraph in section.get("paragraphs") or ():
                number += 1
                scores = paragraph.get("scores") or {}
                yield [
                    source,
                    str(a),
                    _cell(article.get("title")),
                    _cell(section.get("heading")),
                    str(number),
                    _cell(paragraph.get("text")),
                    _cell(paragraph.get("lead_in")),
                    ";".join(paragraph.get("themes") or ()),
                    *(_cell(scores.get(theme)) for theme in themes),
                    "",
                    _cell(paragraph.get("kind")),
                    date,
                ]
                rows += 1
    if not rows:
        yield [source, *empty, "", "", date]


def report_row(record: Mapping[str, Any], themes: Sequence[str] = tuple(THEMES)) -> list[str]:
    """The row of :data:`REPORT_COLUMNS` for one record."""
    articles = record.get("articles") or ()
    paragraphs = sum(
        len(section.get("paragraphs") or ()) for a in articles for section in a.get("sections") or ()
    )
    shares = record.get("theme_shares") or {}
    failed = bool(record.get("error"))
    return [
        _cell(source_label(record)),
        _error(record),
        "" if failed else str(len(articles)),
        "" if failed else str(paragraphs),
        ";".join(_cell(k.get("term")) for k in record.get("keywords") or ()),
        " ".join(_cell(s) for s in record.get("summary") or ()),
        *(_cell(shares.get(theme)) for theme in themes),
        "" if failed else str(len(record.get("figures") or ())),
        _cell(next((a.get("title") for a in articles if a.get("title")), None)),
        _cell(record.get("date")),
    ]


def _columns(columns: Sequence[str], prefix: str, themes: Sequence[str]) -> list[str]:
    """``columns`` with the packaged taxonomy's ``prefix``-ed theme columns replaced by
    those of ``themes`` (a custom taxonomy's)."""
    packaged = [f"{prefix}{t}" for t in THEMES]
    at = columns.index(packaged[0])
    return [*columns[:at], *(f"{prefix}{t}" for t in themes), *columns[at + len(packaged):]]


class _Csv(Writer):
    """A CSV table (UTF-8 with BOM, so that Excel reads Chinese): a header, rows per record.
    The theme columns are the model's (a custom taxonomy's too), read off the first record
    that has themes; failed files before it wait for it."""

    columns: tuple[str, ...] = ()
    prefix = "score_"

    def rows(self, record: Mapping[str, Any], themes: Sequence[str]) -> Iterable[Sequence[Any]]:
        raise NotImplementedError

    def write(self, records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
        stream.write(_BOM)
        out = csv.writer(stream)
        count = 0
        for themes, record in themed(records, list(THEMES)):
            if not count:
                out.writerow(_columns(self.columns, self.prefix, themes))
            count += 1
            out.writerows([neutralise(_cell(c)) for c in row] for row in self.rows(record, themes))
        if not count:
            out.writerow(self.columns)
        return count


class CsvWriter(_Csv):
    """One row per paragraph: where each theme is, for a pivot table."""

    name = "csv"
    extensions = (".csv",)
    columns = tuple(PARAGRAPH_COLUMNS)

    def rows(self, record: Mapping[str, Any], themes: Sequence[str]) -> Iterable[Sequence[Any]]:
        return paragraph_rows(record, themes)


class CsvReportsWriter(_Csv):
    """One row per report: counts, keywords, summary and theme shares side by side."""

    name = "csv-reports"
    columns = tuple(REPORT_COLUMNS)
    prefix = "share_"

    def rows(self, record: Mapping[str, Any], themes: Sequence[str]) -> Iterable[Sequence[Any]]:
        return [report_row(record, themes)]
