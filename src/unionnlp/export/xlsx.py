"""An Excel workbook (openpyxl, streamed in write-only mode): one sheet of reports, one of
paragraphs with every theme's score as a column (custom taxonomies included), one of
figures and one of keywords, each with a frozen header row and filters.

Every cell is data: text is written as text even when it starts with ``=`` (a report
can quote a formula; Excel must never run it), characters XML cannot hold are dropped,
and text longer than a cell holds is cut with ``…``. The same records give the same bytes:
the workbook's dates and its zip entries' are fixed (``SOURCE_DATE_EPOCH``, else 2000-01-01).
"""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from ._base import Writer
from .tables import TABLES, columns, rows, themed

__all__ = ["XlsxWriter"]

_MAX_CELL = 32767  # characters an Excel cell holds


class XlsxWriter(Writer):
    """The records as an .xlsx workbook: reports, paragraphs, figures, keywords."""

    name = "xlsx"
    extensions = (".xlsx",)
    binary: ClassVar[bool] = True

    def write(self, records: Iterable[Mapping[str, Any]], stream: Any) -> int:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheets = {name: book.create_sheet(name)
                  for name in TABLES}
        for sheet in sheets.values():
            sheet.freeze_panes = "A2"  # before any row: write-only sheets write views first
        count = 0
        counts = dict.fromkeys(sheets, 0)
        themes: list[str] | None = None
        for themes, record in themed(records, []):
            if not count:
                self._headers(sheets, themes)
            count += 1
            for sheet, row in rows(record, themes):
                self._append(sheets[sheet], row)
                counts[sheet] += 1
        if themes is None:
            themes = []
            self._headers(sheets, themes)
        for name, sheet in sheets.items():
            width = len(columns(name, themes))
            sheet.auto_filter.ref = f"A1:{_column_letter(width)}{counts[name] + 1}"
        when = _fixed_time()
        book.properties.created = book.properties.modified = when
        buffer = io.BytesIO()
        book.save(buffer)
        _with_dates(buffer, stream, when)
        return count

    def _headers(self, sheets: Mapping[str, Any], themes: Sequence[str]) -> None:
        for name, sheet in sheets.items():
            self._append(sheet, columns(name, themes))

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


def _fixed_time() -> datetime.datetime:
    """The date stamped into every workbook: ``SOURCE_DATE_EPOCH`` when set (not before
    1980, the first a zip can hold), else 2000-01-01, so that two runs give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    seconds = int(epoch) if epoch.isdigit() else 946684800
    return datetime.datetime.fromtimestamp(
        max(seconds, 315532800), datetime.timezone.utc).replace(tzinfo=None)


def _with_dates(saved: io.BytesIO, stream: Any, when: datetime.datetime) -> None:
    """Copy the zip in ``saved`` to ``stream`` with every entry, and the workbook's
    modification date, set to ``when`` (openpyxl sets both to now when it saves)."""
    saved.seek(0)
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(saved) as old, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            copy = zipfile.ZipInfo(entry.filename, stamp)
            copy.compress_type = entry.compress_type
            copy.external_attr = entry.external_attr
            data = old.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*",
                              rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), data)
            new.writestr(copy, data)


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(max(1, number)))

