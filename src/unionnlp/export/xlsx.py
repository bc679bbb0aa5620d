"""An Excel workbook (openpyxl, streamed in write-only mode): one sheet of reports, one of
paragraphs with every theme's score as a column (custom taxonomies included), one of
figures and one of keywords, each with a frozen header row and filters.

Every cell is data: text is written as text even when it starts with ``=`` (a report
can quote a formula; Excel must never run it), characters XML cannot hold are dropped,
and text longer than a cell holds is cut with ``…``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from . import Writer

__all__ = ["XlsxWriter"]

_MAX_CELL = 32767  # characters an Excel cell holds


def _themes(record: Mapping[str, Any]) -> list[str]:
    """The theme ids of a successful record, in the model's order."""
    return list(record.get("theme_shares") or {})


def _paragraphs(record: Mapping[str, Any]) -> Iterable[tuple[int, Mapping[str, Any],
                                                             Mapping[str, Any], Mapping[str, Any]]]:
    for a, article in enumerate(record.get("articles") or (), start=1):
        for section in article.get("sections") or ():
            for paragraph in section.get("paragraphs") or ():
                yield a, article, section, paragraph


class XlsxWriter(Writer):
    """The records as an .xlsx workbook: reports, paragraphs, figures, keywords."""

    name = "xlsx"
    extensions = (".xlsx",)
    binary: ClassVar[bool] = True

    def write(self, records: Iterable[Mapping[str, Any]], stream: Any) -> int:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheets = {name: book.create_sheet(name)
                  for name in ("reports", "paragraphs", "figures", "keywords")}
        for sheet in sheets.values():
            sheet.freeze_panes = "A2"  # before any row: write-only sheets write views first
        pending: list[Mapping[str, Any]] = []
        themes: list[str] | None = None
        count = 0
        rows = dict.fromkeys(sheets, 0)

        def emit(record: Mapping[str, Any], themes: list[str]) -> None:
            for sheet, row in self._rows(record, themes):
                self._append(sheets[sheet], row)
                rows[sheet] += 1

        for record in records:
            count += 1
            if themes is None:
                if record.get("error"):
                    pending.append(record)
                    continue
                themes = _themes(record)
                self._headers(sheets, themes)
                for held in pending:
                    emit(held, themes)
                pending = []
            emit(record, themes)
        if themes is None:
            themes = []
            self._headers(sheets, themes)
            for held in pending:
                emit(held, themes)
        for name, sheet in sheets.items():
            width = len(self._columns(name, themes))
            sheet.auto_filter.ref = f"A1:{_column_letter(width)}{rows[name] + 1}"
        book.save(stream)
        return count

    @staticmethod
    def _columns(sheet: str, themes: Sequence[str]) -> list[str]:
        return {
            "reports": ["source", "error", "title", "articles", "paragraphs", "keywords",
                        "summary", *(f"share_{t}" for t in themes), "figures"],
            "paragraphs": ["source", "article", "article_title", "section_heading", "paragraph",
                           "text", "lead_in", "themes", *(f"score_{t}" for t in themes)],
            "figures": ["source", "value", "unit", "subject", "text", "approximate", "offset"],
            "keywords": ["source", "rank", "term", "weight"],
        }[sheet]

    def _headers(self, sheets: Mapping[str, Any], themes: Sequence[str]) -> None:
        for name, sheet in sheets.items():
            self._append(sheet, self._columns(name, themes))

    @staticmethod
    def _rows(record: Mapping[str, Any], themes: Sequence[str]
              ) -> Iterable[tuple[str, list[Any]]]:
        source = record.get("source")
        error = record.get("error")
        if error:
            yield "reports", [source, f"{error.get('type')}: {error.get('message')}"]
            return
        articles = record.get("articles") or ()
        paragraphs = list(_paragraphs(record))
        shares = record.get("theme_shares") or {}
        yield "reports", [
            source, None, articles[0].get("title") if articles else None, len(articles),
            len(paragraphs), "、".join(k["term"] for k in record.get("keywords") or ()),
            "".join(record.get("summary") or ()), *(shares.get(t) for t in themes),
            len(record.get("figures") or ())]
        seen: dict[int, int] = {}
        for a, article, section, p in paragraphs:
            seen[a] = seen.get(a, 0) + 1
            scores = p.get("scores") or {}
            yield "paragraphs", [
                source, a, article.get("title"), section.get("heading"), seen[a], p.get("text"),
                p.get("lead_in"), ",".join(p.get("themes") or ()),
                *(scores.get(t) for t in themes)]
        for f in record.get("figures") or ():
            yield "figures", [source, f.get("value"), f.get("unit"), f.get("subject"),
                              f.get("text"), f.get("approximate"), f.get("offset")]
        for rank, k in enumerate(record.get("keywords") or (), start=1):
            yield "keywords", [source, rank, k.get("term"), k.get("weight")]

    @staticmethod
    def _append(sheet: Any, values: Sequence[Any]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet)
            if isinstance(value, str):
                text = ILLEGAL_CHARACTERS_RE.sub("", value)
                if len(text) > _MAX_CELL:
                    text = text[: _MAX_CELL - 1] + "…"
                cell.value = text
                cell.data_type = "s"  # text, even when it starts with '=': never a formula
            else:
                cell.value = value
            cells.append(cell)
        sheet.append(cells)


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(max(1, number)))

