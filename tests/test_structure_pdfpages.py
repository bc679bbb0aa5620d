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


def test_an_enumeration_broken_at_its_ordinals_goes_on_with_its_sentence() -> None:
    page = _spaced(*NOTICE[:3],
                   "评奖办法:各工会小组为单位参评,三个项目各自评出",
                   "一、",
                   "二、三等奖,合计奖项九个。",
                   "决赛采用淘汰赛制,按总分高低最终决出",
                   "一、",
                   "二、三名,获奖者由工会颁发证书。",
                   "二、活动经费",
                   "全期经费按每名教职工200元预算,由工会经费列支,专款专用。")
    report = _parse(page)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert heads == ["一、活动项目", "二、活动经费"]
    texts = [p.text for p in report.paragraphs]
    assert "评奖办法:各工会小组为单位参评,三个项目各自评出一、二、三等奖,合计奖项九个。" in texts
    assert "决赛采用淘汰赛制,按总分高低最终决出一、二、三名,获奖者由工会颁发证书。" in texts
    assert "一、" not in texts


def test_headlines_under_a_clause_broken_off_keep_their_sections() -> None:
    page = _spaced(*NOTICE[:2],
                   "现将有关事项通知如下,请各分工会认真组织落实",
                   "一、总则",
                   "二、组织",
                   "各分工会按要求组织落实,确保活动取得实效。")
    heads = [s.heading for a in _parse(page).articles for s in a.sections if s.heading]
    assert heads == ["一、总则", "二、组织"]


def test_a_numbered_item_cut_in_a_bracket_runs_on_into_the_line_below() -> None:
    page = _spaced(*NOTICE[:2],
                   "比赛规则:",
                   "1、绑腿协力跑项目,每各工会出8名选手参加(其",
                   "中男、女选手各4人)每2人编为一组,共分4组进行接力赛跑。名次依据用时多少排定。",
                   "2、趣味保龄球,各工会选派4名选手参加(男、女职工各占2人),比赛满分为10分。")
    report = _parse(page)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert not any(h.startswith("1、绑腿") for h in heads)
    assert any(p.text.startswith("1、绑腿协力跑项目,每各工会出8名选手参加(其中男、女选手各4人)")
               for p in report.paragraphs)
