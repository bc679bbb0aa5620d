"""Records as tidy tables: one row per report, per paragraph, per figure and per keyword,
with a column for every theme's share or score (the model's themes, custom ones too).
What the Excel workbook and :func:`unionnlp.to_frames` are made of."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

__all__ = ["TABLES", "columns", "rows", "source_label", "tables", "themed", "themes_of"]

#: The tables, in the order a workbook shows them.
TABLES = ("reports", "paragraphs", "figures", "keywords")


def themes_of(record: Mapping[str, Any]) -> list[str]:
    """The theme ids of a successful record, in the model's order (the packaged
    taxonomy's order for the packaged themes)."""
    from ..model import THEMES

    found = list(record.get("theme_shares") or {})
    return list(THEMES) if set(found) == set(THEMES) else found


def themed(records: Iterable[Mapping[str, Any]], default: Sequence[str]
           ) -> Iterator[tuple[list[str], Mapping[str, Any]]]:
    """The records in order, each with the batch's theme ids: those of the first record
    that has themes (failed files before it wait for it), or ``default`` when none has."""
    waiting: list[Mapping[str, Any]] = []
    themes: list[str] | None = None
    for record in records:
        if themes is None:
            if record.get("error"):
                waiting.append(record)
                continue
            themes = themes_of(record)
            for held in waiting:
                yield themes, held
        yield themes, record
    if themes is None:
        for held in waiting:
            yield list(default), held


def columns(table: str, themes: Sequence[str]) -> list[str]:
    """The column names of ``table``."""
    return {
        "reports": ["source", "error", "title", "articles", "paragraphs", "keywords",
                    "summary", *(f"share_{t}" for t in themes), "figures", "date"],
        "paragraphs": ["source", "article", "article_title", "section_heading", "paragraph",
                       "text", "lead_in", "themes", *(f"score_{t}" for t in themes), "kind", "date"],
        "figures": ["source", "value", "unit", "subject", "text", "approximate", "offset"],
        "keywords": ["source", "rank", "term", "weight"],
    }[table]


def _paragraphs(record: Mapping[str, Any]) -> Iterator[tuple[int, Mapping[str, Any],
                                                             Mapping[str, Any], Mapping[str, Any]]]:
    for a, article in enumerate(record.get("articles") or (), start=1):
        for section in article.get("sections") or ():
            for paragraph in section.get("paragraphs") or ():
                yield a, article, section, paragraph


def source_label(record: Mapping[str, Any]) -> Any:
    """How a record's input is named in a table: its source, and the part of a file tagged
    in parts (``year.txt (part 3)``)."""
    source = record.get("source")
    part = record.get("part")
    if isinstance(part, Mapping) and source is not None:
        return f"{source} (part {part.get('index')})"
    return source


def rows(record: Mapping[str, Any], themes: Sequence[str]) -> Iterator[tuple[str, list[Any]]]:
    """(table, row) pairs of one record; a failed file is one ``reports`` row with its error."""
    source = source_label(record)
    error = record.get("error")
    if error:
        yield "reports", [source, f"{error.get('type')}: {error.get('message')}",
                          *([None] * (len(columns("reports", themes)) - 2))]
        return
    articles = record.get("articles") or ()
    paragraphs = list(_paragraphs(record))
    shares = record.get("theme_shares") or {}
    date = record.get("date")
    yield "reports", [
        source, None, articles[0].get("title") if articles else None, len(articles),
        len(paragraphs), "、".join(k["term"] for k in record.get("keywords") or ()),
        "".join(record.get("summary") or ()), *(shares.get(t) for t in themes),
        len(record.get("figures") or ()), date]
    seen: dict[int, int] = {}
    for a, article, section, p in paragraphs:
        seen[a] = seen.get(a, 0) + 1
        scores = p.get("scores") or {}
        yield "paragraphs", [
            source, a, article.get("title"), section.get("heading"), seen[a], p.get("text"),
            p.get("lead_in"), ",".join(p.get("themes") or ()), *(scores.get(t) for t in themes),
            p.get("kind"), date]
    for f in record.get("figures") or ():
        yield "figures", [source, f.get("value"), f.get("unit"), f.get("subject"),
                          f.get("text"), f.get("approximate"), f.get("offset")]
    for rank, k in enumerate(record.get("keywords") or (), start=1):
        yield "keywords", [source, rank, k.get("term"), k.get("weight")]


def tables(records: Iterable[Mapping[str, Any]]) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Every table of ``records`` as (columns, rows), held in memory."""
    out: dict[str, tuple[list[str], list[list[Any]]]] = {}
    for themes, record in themed(records, []):
        if not out:
            out = {name: (columns(name, themes), []) for name in TABLES}
        for name, row in rows(record, themes):
            out[name][1].append(row)
    return out or {name: (columns(name, []), []) for name in TABLES}
