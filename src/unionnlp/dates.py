"""The date a report carries, as ISO text: the first full date of its bylines; else of
the page's own publication line among the lines set aside (``发布时间:``, ``来源:…``,
a newspaper's ``《…报》(2023年05月22日 第A2版)``); else of the other lines set aside
(a forum post's stamp, a masthead), never a site's clock (``今天是:``) nor a user's
registration; else the first year and month."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from ._regex import regex

__all__ = ["first_date", "report_date"]

_FULL_DATE = regex(
    r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"|(?<!\d)((?:19|20)\d\d)([-/.])(\d{1,2})\5(\d{1,2})(?!\d)"
    # A European stamp, day first, two digits each and a time after: 07.11.2014 20:39;
    # never a version or an address (版本 5.4.2021, V5.10.2019, IP 10.1.2010, 第1.2.2023版)
    r"|(?<![A-Za-z\d.第])(?<!版本 )(?<!版本)(?<!IP )(\d\d)\.(\d\d)\.((?:19|20)\d\d)"
    r"(?=\s+\d{1,2}:\d\d)"
)
_MONTH = regex(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月")
#: A site's clock: the day the page was saved, not the day it was published.
_CLOCK = regex(
    r"今天是|今日是|[现現]在是|[当當]前[时時][间間]|[当當]前日期|[现現]在[时時][间間]|北京[时時][间間]"
)
#: A date about something else than the page: a forum user's, a form's, data's.
_OTHER_EVENT = regex(r"[注註][册冊]|登[录錄]|登[陆陸]|截至|截止|填[报報]|填表|出生")
#: A clock or other-event word and the date right after it (its own field of the line).
_NOT_OURS = regex(
    r"(?:" + _CLOCK.pattern + "|" + _OTHER_EVENT.pattern + r")"
    r"[^\d\n]{0,12}[\d年月日号\-/.:: ]*"
)
#: The page's own publication line: a labelled time or source, a newspaper's issue.
_PUBLISHED = regex(
    r"(?:时间|日期|時間|發佈|发布)\s*:|来源\s*:|來源\s*:"
    r"|《[^》]{1,20}》\s*\(|第\s*[A-Z]?\d{1,3}\s*版"
)


def _full_dates(text: str) -> Iterable[str]:
    for found in _FULL_DATE.finditer(text):
        if found.group(1):
            year, month, day = found.group(1, 2, 3)
        elif found.group(4):
            year, month, day = found.group(4, 6, 7)
        else:
            day, month, year = found.group(8, 9, 10)
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            yield f"{year}-{int(month):02d}-{int(day):02d}"


def first_date(lines: Iterable[str]) -> str | None:
    """The first full date in ``lines`` (``2024年1月15日``, ``2024-01-15``, a European
    ``15.01.2024`` → ``2024-01-15``), else the first year and month (``2024-01``), else
    None; impossible months and days are passed over."""
    text = unicodedata.normalize("NFKC", "\n".join(lines))
    for date in _full_dates(text):
        return date
    for found in _MONTH.finditer(text):
        if 1 <= int(found.group(2)) <= 12:
            return f"{found.group(1)}-{int(found.group(2)):02d}"
    return None


def _dated_aside(dropped: Iterable[str]) -> tuple[list[str], list[str]]:
    """The lines set aside that may date the page: its publication lines, then the rest;
    a site's clock and a registration or deadline date are left out, each with only its
    own field (``发布时间:2023-07-15 截至目前阅读:356`` keeps 2023-07-15); any other
    line that has such a word is left out whole."""
    published: list[str] = []
    others: list[str] = []
    for line in dropped:
        view = unicodedata.normalize("NFKC", line)
        if not (_CLOCK.search(view) or _OTHER_EVENT.search(view)):
            (published if _PUBLISHED.search(view) else others).append(view)
            continue
        kept = _NOT_OURS.sub(" ", view)
        if _PUBLISHED.search(kept):
            published.append(kept)
    return published, others


def report_date(bylines: Iterable[str | None], dropped: Iterable[str]) -> str | None:
    """The date a report carries: the first full date of its articles' bylines, else of
    the page's publication lines set aside, else of the other lines set aside (never a
    site's clock); else the first year and month of them all (:func:`first_date`)."""
    signed = [b or "" for b in bylines]
    published, others = _dated_aside(dropped)
    tiers = (signed, published, others)
    for tier in tiers:
        for date in _full_dates(unicodedata.normalize("NFKC", "\n".join(tier))):
            return date
    return first_date([line for tier in tiers for line in tier])
