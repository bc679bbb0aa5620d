"""The date a report carries: the first full date of its bylines, then of the lines set
aside (mastheads, web-page headers), else the first year and month, as ISO text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ._regex import regex

__all__ = ["first_date", "report_date"]

_FULL_DATE = regex(
    r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"|(?<!\d)((?:19|20)\d\d)([-/.])(\d{1,2})\5(\d{1,2})(?!\d)"
)
_MONTH = regex(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月")


def first_date(lines: Iterable[str]) -> str | None:
    """The first full date in ``lines`` (``2024年1月15日``, ``2024-01-15`` → ``2024-01-15``),
    else the first year and month (``2024-01``), else None; impossible months and days
    are passed over."""
    text = unicodedata.normalize("NFKC", "\n".join(lines))
    for found in _FULL_DATE.finditer(text):
        year, month, day = found.group(1, 2, 3) if found.group(1) else found.group(4, 6, 7)
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            return f"{year}-{int(month):02d}-{int(day):02d}"
    for found in _MONTH.finditer(text):
        if 1 <= int(found.group(2)) <= 12:
            return f"{found.group(1)}-{int(found.group(2)):02d}"
    return None


def report_date(bylines: Iterable[str | None], dropped: Iterable[str]) -> str | None:
    """The date a report carries: :func:`first_date` of its articles' bylines, then of the
    lines it set aside."""
    return first_date([*(b or "" for b in bylines), *dropped])
