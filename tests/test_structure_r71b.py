"""Structure on page shapes a blind review of round 71's merges met (review 71b): a chapter
cited inside a sentence, a news title printed over two lines, 一、二、三等奖 in running
text, a report that ends on an inline list closed by a semicolon."""

from __future__ import annotations

import pytest

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


def _paragraphs(report: Report) -> list[str]:
    return [p.text for a in report.articles for s in a.sections for p in s.paragraphs]


# A notice whose rule cites a chapter and an article of the measures it prints, mid-sentence,
# with a site's menu above and hard-wrapped prose below.
@pytest.mark.parametrize("sentence", [
    "各单位违反规定的,依照本办法第五章罚则第二十一条处理。",
    "根据第二章总则第五条,各级工会应当建立困难职工档案并及时更新。",
    "會員違反章程,按照第三章紀律第十條處理,情節嚴重的報上級工會。",
    "上述情形按第二节 会员第8条执行,具体由基层工会负责解释。",
    "对于不按时足额缴纳会费的单位,详见第三章 附则第二十条。",
])
def test_a_chapter_cited_inside_a_sentence_is_no_headline(sentence: str) -> None:
    text = ("首页 > 通知公告\n\n关于印发某市工会管理办法的通知\n\n各基层工会:\n\n"
            "现将《某市工会管理办法》印发给你们,请结合实际认真贯彻执行。\n\n"
            f"{sentence}\n\n市总工会办公室\n2024年3月1日\n")
    report = _parse(text)
    assert not any("第" in h and ("章" in h or "节" in h) for h in _headings(report))
    assert any(p == sentence for p in _paragraphs(report)), _paragraphs(report)


def test_a_chapter_after_the_regulations_title_in_the_same_line_still_heads_its_articles() -> None:
    text = ("某市总工会困难职工帮扶管理办法第一章 总则第一条 为规范困难职工帮扶工作,制定本办法。"
            "第二条 本办法适用于全市各级工会。第二章 帮扶对象第三条 本办法所称困难职工,"
            "是指家庭人均收入低于当地最低生活保障标准的职工。\n")
    assert {"第一章 总则", "第二章 帮扶对象"} <= {h.strip() for h in _headings(_parse(text))}


# A news page: the title printed over two lines (the second line a slogan that the lead's
# first sentence repeats as its subject), then the lead and a short closing paragraph.
NEWS = ("市总工会开展劳模进校园活动\n"
        "弘扬劳模精神传承工匠品质\n\n"
        "弘扬劳模精神传承工匠品质,是新时代工会工作的重要任务。3月5日,市总工会组织10名劳模走进"
        "校园,与学生面对面交流成长经历。\n"
        "活动现场气氛热烈。\n")


def test_a_news_title_over_two_lines_whose_second_line_opens_the_lead_stays_whole() -> None:
    report = _parse(NEWS)
    assert "市总工会开展劳模进校园活动" in report.articles[0].title
    first = _paragraphs(report)[0]
    assert first.startswith("弘扬劳模精神传承工匠品质,是新时代")


def test_a_share_pages_title_with_its_count_is_still_read_as_one() -> None:
    text = ("范文大全 > 工作总结\n"
            "社区工会换届工作总结5篇\n\n"
            "社区工会换届工作总结5篇社区工会换届工作总结第1篇一、基本情况本届工会委员会自2019年换届以来,"
            "在街道党工委和上级工会的领导下,认真履行职责。\n")
    report = _parse(text)
    assert all(not p.startswith("社区工会换届工作总结5篇") for p in _paragraphs(report))


@pytest.mark.parametrize(("head", "rest"), [
    ("第三部分奖项设置", "一、二、三等奖各若干名,获奖选手由市总工会颁发证书。"),
    ("第三節表彰獎勵", "一、二、三等獎獲得者由市總工會頒發證書和獎金。"),
])
def test_first_second_third_prizes_in_running_text_make_no_headline(head: str, rest: str) -> None:
    text = ("职工技能大赛实施方案\n\n第一部分指导思想以赛促学,以赛促练,提升职工技能水平。\n"
            f"{head}{rest}\n第四部分其他事项各单位要高度重视,认真组织职工报名参赛。\n")
    report = _parse(text)
    assert all(not h.startswith("一、二") for h in _headings(report)), _headings(report)
    assert any(rest in p for p in _paragraphs(report)), _paragraphs(report)


@pytest.mark.parametrize("tail", [
    "1.继续深化产业工人队伍建设改革;2.加强基层工会规范化建设;3.提升服务职工水平;",
    "一是深化产业工人队伍建设改革,二是加强基层工会规范化建设,三是提升服务职工水平;",
])
def test_a_report_ending_on_an_inline_list_closed_by_a_semicolon_is_complete(tail: str) -> None:
    text = ("某区总工会2023年工作总结\n\n今年以来,区总工会坚持以职工为中心,各项工作取得新成效。"
            "全年服务职工10万人次。\n\n三、下一步打算\n\n" + tail + "\n")
    warnings = _parse(text).warnings
    assert not any("mid-sentence" in w for w in warnings), warnings


@pytest.mark.parametrize("tail", [
    "下一步,区总工会将继续深化产业工人队伍建设改革;",
    "每逢年节,工会都会给职工发放节日福利,职工们很欢迎;职工过生日时,工会都会送上生日礼金;"
    "还组织全体职工参加健康体检;",
])
def test_prose_closed_by_a_semicolon_after_prose_still_warns(tail: str) -> None:
    text = ("某区总工会2023年工作总结\n\n今年以来,区总工会坚持以职工为中心,各项工作取得新成效。"
            f"全年服务职工10万人次。\n\n{tail}\n")
    assert any("mid-sentence" in w for w in _parse(text).warnings)
