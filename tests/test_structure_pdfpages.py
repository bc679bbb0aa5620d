"""Structure of PDF pages whose text extraction prints every line between blank lines (a
flipbook's or a document site's copy of a notice): the blank lines say nothing of where a
paragraph or a headline ends, so a short line alone is no headline by that alone."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _spaced(*lines: str) -> str:
    """Lines as such a page prints them: a blank line after each."""
    return "".join(f"{line}\n\n" for line in lines)


NOTICE = ("教职工文体活动实施方案",
          "为让教职工的业余文体生活更加丰富,推动教职工强健体魄、愉悦身心,提升生活质量,特制订本方案。",
          "一、活动项目",
          "广场舞面向女教职工,篮球面向男教职工,每周活动不少于三次。",
          "二、活动经费",
          "全期经费按每名教职工200元预算,由工会经费列支,专款专用。")


SECOND = ("第二篇:学校工会文体活动方案",
          "为在广大教职工中进一步树立健康理念,推动全民健身活动深入开展,特制定本方案。")


def test_an_issuer_and_a_date_apart_by_blank_lines_sign_the_notice() -> None:
    report = _parse(_spaced(*NOTICE, "青山园完小工会", "2013年3月27日", *SECOND))
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "青山园完小工会" not in heads and "2013年3月27日" not in heads
    first = report.articles[0]
    assert first.byline is not None
    assert "青山园完小工会" in first.byline and "2013年3月27日" in first.byline


def test_a_signature_without_a_date_under_it_is_left_as_it_is() -> None:
    report = _parse(_spaced(*NOTICE, "青山园完小工会", "联系人:王老师", *SECOND))
    assert not any(a.byline and "联系人" in a.byline for a in report.articles)
