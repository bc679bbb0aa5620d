"""The date a report carries, as ISO text: the first full date of its bylines; else of
the page's own publication line among the lines set aside (``发布时间:``, ``来源:…``,
a newspaper's ``《…报》(2023年05月22日 第A2版)``); else of the other lines set aside
(a forum post's stamp, a masthead), never a site's clock (``今天是:``) nor a user's
registration; else the first year and month."""

from __future__ import annotations

import re
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
#: Chinese numerals as dates write them: digit by digit in a year (二○一○, 二〇二三),
#: counted in a month, a day or a Republic year (三十一, 七十八, 一百零六, 壹百).
_CN_DIGITS = {
    **dict.fromkeys("〇○零", 0), "一": 1, "壹": 1, "二": 2, "貳": 2, "贰": 2, "兩": 2, "两": 2,
    "三": 3, "參": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陸": 6, "陆": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_CN_NUMBER = "[〇○零一壹二貳贰兩两三參叁四肆五伍六陸陆七柒八捌九玖十拾百佰廿卅]"
#: A year written digit by digit in Chinese numerals: 二○一○年 → 2010年.
_CN_YEAR = regex(r"([〇○零一二三四五六七八九]{4})(?=\s*年)")
#: The Republic of China's era (民國106年 = 2017): its year, in either script.
_ROC_YEAR = regex(r"(?:中華民國|中华民国|民國|民国)\s*(\d{1,3}|" + _CN_NUMBER + r"{1,5})\s*年")
#: A month and a day in Chinese numerals after a year in digits: 2010年五月三十一日.
_CN_MONTH_DAY = regex(
    r"(?<=\d年)(\s*)(" + _CN_NUMBER + r"{1,3}|元)\s*月(?:\s*(" + _CN_NUMBER + r"{1,3})\s*([日号號]))?"
)
#: A bare Republic date on a page that names the era elsewhere: 106年11月29日, at a
#: field's or a clause's head (發布日期：106年…, 於106年…), never a count (满30年11月…).
_BARE_ROC_DATE = regex(r"(?<![^\s:：，,、；;。（(【\[〔於于在自至起迄])(\d{2,3})(\s*年\s*\d{1,2}\s*月)")
#: The same written with slashes or dashes: 106/11/29, 106-11-29.
_BARE_ROC_NUMERIC = regex(r"(?<![^\s:：，,、；;。（(【\[〔於于在自至起迄])(\d{2,3})([/-]\d{1,2}[/-]\d{1,2})(?![\d/-])")
_ROC_ERA = regex(r"民國|民国")
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


def _cn_number(text: str) -> int | None:
    """A number written in Chinese numerals (五, 十一, 三十一, 七十八, 一百零六, 壹百),
    or None where it is no such number."""
    text = text.replace("拾", "十").replace("佰", "百").replace("廿", "二十").replace("卅", "三十")
    total = 0
    if "百" in text:
        head, _, text = text.partition("百")
        if len(head) > 1 or (head and head not in _CN_DIGITS):
            return None
        total += 100 * (_CN_DIGITS[head] if head else 1)
        text = text.lstrip("〇○零")
    if "十" in text:
        head, _, text = text.partition("十")
        if len(head) > 1 or (head and head not in _CN_DIGITS):
            return None
        total += 10 * (_CN_DIGITS[head] if head else 1)
    if len(text) > 1 or (text and text not in _CN_DIGITS):
        return None
    return total + (_CN_DIGITS[text] if text else 0)


def _roc_year(found: re.Match[str]) -> str:
    year = found.group(1)
    if year.isdigit():
        value: int | None = int(year)
    elif 2 <= len(year) <= 3 and all(c in "〇○零一二三四五六七八九" for c in year):
        # digit by digit, as official documents write it: 一○六 → 106
        value = int("".join(str(_CN_DIGITS[c]) for c in year))
    else:
        value = _cn_number(year)
    if value is None or not 1 <= value <= 200:
        return found.group(0)
    return f"{value + 1911}年"


def _cn_month_day(found: re.Match[str]) -> str:
    month = 1 if found.group(2) == "元" else _cn_number(found.group(2))
    if month is None or not 1 <= month <= 12:
        return found.group(0)
    if found.group(3) is None:
        return f"{found.group(1)}{month}月"
    day = _cn_number(found.group(3))
    if day is None or not 1 <= day <= 31:
        return f"{found.group(1)}{month}月"
    return f"{found.group(1)}{month}月{day}{found.group(4)}"


def _bare_roc(found: re.Match[str]) -> str:
    year = int(found.group(1))
    return f"{year + 1911}{found.group(2)}" if 1 <= year <= 200 else found.group(0)


def _western(text: str, era: bool = False) -> str:
    """``text`` with its dates in Western years and Arabic digits: a year written in
    Chinese numerals (二○一○年 → 2010年), a Republic year (中華民國106年, 民國七十八年,
    民國一○六年 → 2017年, 1989年, 2017年; a bare 106年11月29日 or 106/11/29 too where
    the text, or the page (``era``), names the era elsewhere) and a month and day in
    Chinese numerals after such a year (五月三十一日, 元月, 廿一日 → 5月31日, 1月, 21日)."""
    text = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group(1)), text)
    if era or _ROC_ERA.search(text):
        text = _ROC_YEAR.sub(_roc_year, text)
        text = _BARE_ROC_DATE.sub(_bare_roc, text)
        text = _BARE_ROC_NUMERIC.sub(_bare_roc, text)
    return _CN_MONTH_DAY.sub(_cn_month_day, text)


def _full_dates(text: str) -> Iterable[str]:
    """The full dates of ``text``, already in Western years (:func:`_western`)."""
    for found in _FULL_DATE.finditer(text):
        if found.group(1):
            year, month, day = found.group(1, 2, 3)
        elif found.group(4):
            year, month, day = found.group(4, 6, 7)
        else:
            day, month, year = found.group(8, 9, 10)
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            yield f"{year}-{int(month):02d}-{int(day):02d}"


def first_date(lines: Iterable[str], era: bool = False) -> str | None:
    """The first full date in ``lines`` (``2024年1月15日``, ``2024-01-15``, a European
    ``15.01.2024`` → ``2024-01-15``), else the first year and month (``2024-01``), else
    None; impossible months and days are passed over. ``era``: the page names the
    Republic era elsewhere, so a bare 106年11月29日 is one of its dates."""
    text = _western(unicodedata.normalize("NFKC", "\n".join(lines)), era)
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


def report_date(bylines: Iterable[str | None], dropped: Iterable[str],
                body: Iterable[str] = ()) -> str | None:
    """The date a report carries: the first full date of its articles' bylines, else of
    the page's publication lines set aside, else of the other lines set aside (never a
    site's clock); else the first year and month of them all (:func:`first_date`). A
    bare Republic date (發布日期：106年11月29日) is read as one where any of these lines
    or the ``body`` text names the era (民國)."""
    signed = [b or "" for b in bylines]
    published, others = _dated_aside(dropped)
    tiers = (signed, published, others)
    era = any(_ROC_ERA.search(line) for tier in tiers for line in tier) or any(
        _ROC_ERA.search(text) for text in body)
    for tier in tiers:
        for date in _full_dates(_western(unicodedata.normalize("NFKC", "\n".join(tier)), era)):
            return date
    return first_date([line for tier in tiers for line in tier], era=era)
