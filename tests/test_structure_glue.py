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
