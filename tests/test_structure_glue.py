"""Headlines glued inside a line of flattened text: a document-sharing page or a PDF whose
line breaks were lost, where a numbered headline sits between the end of one sentence (or
the page's title) and its own first sentence."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


def _under(report: Report, heading: str) -> list[str]:
    return [p.text for a in report.articles for s in a.sections if s.heading == heading
            for p in s.paragraphs]


#: A regulation on a document-sharing page: the viewer's furniture, then the title, the
#: chapters and their articles run together in one line (ASCII commas, as such pages have).
REGULATION = """下载本文档
版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领
文档简介
某市总工会困难职工帮扶管理办法第一章 总 则第一条 为规范困难职工帮扶工作,根据有关规定,结合本市实际,制定本办法。第二条 本办法适用于全市各级工会组织。第二章 帮扶对象第三条 本办法所称困难职工,是指家庭人均收入低于当地最低生活保障标准的在职职工。第四条 因病致困的职工,经基层工会核实后,可以列入帮扶对象。第三章 帮扶措施的落实第五条 各级工会应当建立困难职工档案,实行动态管理,每年核实一次。
"""


def test_chapters_run_into_a_regulations_line_head_their_articles() -> None:
    report = _parse(REGULATION)
    headings = _headings(report)
    for chapter in ("第一章 总 则", "第二章 帮扶对象", "第三章 帮扶措施的落实"):
        assert chapter in headings
    assert [p[:3] for p in _under(report, "第二章 帮扶对象")] == ["第三条", "第四条"]
    assert _under(report, "第三章 帮扶措施的落实")[0].startswith("第五条 各级工会")
    # Every character is kept: the title before the first chapter is not lost.
    kept = "".join(headings) + "".join(p.text for a in report.articles for s in a.sections
                                       for p in s.paragraphs) + "".join(
        a.title or "" for a in report.articles)
    assert "困难职工帮扶管理办法" in kept


#: A PDF of a regulation whose lines were run together, a chapter after a full stop, in
#: traditional characters.
TRADITIONAL = """職工技能競賽管理辦法
第一條 依據公司職工技能競賽管理辦法(試行),制定本辦法。第二章 機構設置及職責第二條 公司設立職工技能競賽組織委員會,對全公司的職工技能競賽實行統籌。第三條 組委會之下設辦公室,在組委會領導下開展工作。
"""


def test_a_chapter_after_a_full_stop_in_traditional_characters_heads_its_articles() -> None:
    report = _parse(TRADITIONAL)
    assert "第二章 機構設置及職責" in _headings(report)
    assert _under(report, "第二章 機構設置及職責")[0].startswith("第二條 公司設立")


#: A chapter and an article cited inside a sentence: no headline.
CITED = """某区总工会关于做好困难职工帮扶工作的通知
各基层工会:依照《帮扶管理办法》第二章帮扶对象第三条的规定,各基层工会要在本月底前完成困难职工的摸底,按照第三章第五条建立档案,并将名单报区总工会。
"""


def test_a_chapter_cited_in_a_sentence_is_no_headline() -> None:
    report = _parse(CITED)
    assert not any(h.startswith("第") for h in _headings(report))
    assert any("第二章帮扶对象第三条的规定" in p.text for a in report.articles
               for s in a.sections for p in s.paragraphs)


#: A report copied out of a PDF with its line breaks lost: a part's headline runs straight
#: into the first numbered headline under it, with no mark between.
INTO_FIRST = """2022年度国企工会上半年工作回顾与下半年工作打算
1、
进入2022年,xxx公司在xxx党委和工会的有力领导下,紧扣年度目标任务,各项工作稳步推进。
一、把思想政治引领摆在突出位置,增强工会组织的政治性1.抓好工会组织建设。2022年,xxx公司的各级工会组织紧扣党总支的中心工作,主动适应新的形势,全年新建基层工会3个,新发展会员126名。2.持续加强理论武装。各级工会在全公司组织职工群众开展理论学习,从抓学习、守廉洁、优服务入手,大力抓作风建设。
二、围绕生产经营,广泛开展劳动竞赛
上半年,公司工会组织开展安全生产、技术革新等劳动竞赛4项,参赛职工达1200人次。
"""


def test_a_headline_running_into_its_first_sub_headline_ends_there() -> None:
    report = _parse(INTO_FIRST)
    headings = _headings(report)
    assert "一、把思想政治引领摆在突出位置,增强工会组织的政治性" in headings
    assert "1.抓好工会组织建设。" in headings
    assert _under(report, "1.抓好工会组织建设。")[0].startswith("2022年,xxx公司")


#: A hard-wrapped page whose line holds a headline and, right after it, the first
#: sub-headline, alone.
WRAPPED_PAIR = """市中心医院工会年度目标责任状完成情况总结
在院党委和上级工会组织领导下,依靠全院职工的共同努力,医院工会紧扣中心工作,较好地完成了全年目标任务。
一、以“五型班组”建家为抓手,擦亮中心医院品牌（一）完善制度、打牢根基
依据市卫生局工会下发的通知精神,医院工会修订了职工之家建设制度,各科室工会小组对照标准逐项落实。
（二）活动求新、人心凝聚
各级工会干部对创建活动高度重视,在创建中注重创新,全院职工参与热情高涨。
"""


def test_a_line_of_a_headline_and_its_first_sub_headline_is_two_headlines() -> None:
    headings = _headings(_parse(WRAPPED_PAIR))
    assert "一、以“五型班组”建家为抓手,擦亮中心医院品牌" in headings
    assert "（一）完善制度、打牢根基" in headings
