"""Text the line rules cut too short, read back into its sentences
(:mod:`unionnlp.shortlines`)."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _paragraph_of(report: Report, needle: str) -> str:
    hits = [p.text for p in report.paragraphs if needle in p.text]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


# A wage agreement as text extraction takes it out of a PDF: the year under the title and
# the table cells of its opening sentence one a line, each list number alone over its item, whose 、 opens the
# next line, a dash alone between the two halves of each principle (ASCII punctuation).
AGREEMENT = """企业工资专项集体合同
( 2023
年度
)
本合同由
某市恒达机械制造有限公司
(以下简称企业)与
某市恒达机械制造有限公司工会
(以下简称工会)经平等协商订立。
第一条
为建立正常的工资增长机制,维护职工和企业双方的合法权益,依据《劳动合同法》和本省有关规定,经双方代表协商一致,订立本合同。
第二条
工资分配原则
1
、企业坚持按劳分配、多劳多得的原则,工资分配向生产一线和关键岗位倾斜,合理拉开不同岗位之间的收入差距。
2
、职工工资的增长与企业经济效益的增长相适应,在企业效益提高的前提下,职工工资水平逐年有所提高。
3
、坚持民主
——
职代会审议;
坚持透明
——
分配办法向全体职工公开;
"""


def test_a_sentence_wrapped_into_short_lines_is_one_paragraph() -> None:
    report = _parse(AGREEMENT)
    opening = _paragraph_of(report, "经平等协商订立")
    assert opening.startswith("本合同由"), opening
    assert "有限公司(以下简称企业)与某市恒达机械制造有限公司工会(以下简称工会)" in opening
    for line in ("本合同由", "(以下简称企业)与"):
        assert line not in report.dropped
    assert "某市恒达机械制造有限公司工会" not in _headings(report)


def test_a_year_in_brackets_wrapped_under_the_title_is_its_dateline() -> None:
    report = _parse(AGREEMENT)
    assert not {"( 2023", "年度", ")"} & set(report.dropped), report.dropped
    byline = report.articles[0].byline or ""
    assert "".join(byline.split()) == "(2023年度)", byline


def test_a_list_number_alone_joins_the_item_its_mark_opens() -> None:
    report = _parse(AGREEMENT)
    for number, needle in (("1", "按劳分配、多劳多得"), ("2", "经济效益的增长相适应")):
        item = _paragraph_of(report, needle)
        assert item.startswith(number + "、"), item
    assert not any(p.text.startswith("、") for p in report.paragraphs)
    assert not {"1", "2", "3"} & set(report.dropped)


def test_a_dash_alone_joins_the_halves_of_a_wrapped_clause() -> None:
    report = _parse(AGREEMENT)
    assert _paragraph_of(report, "职代会审议").startswith("3、坚持民主")
    assert "坚持透明" not in _headings(report)
    assert _paragraph_of(report, "分配办法向全体职工公开").startswith("坚持透明")
    assert "、坚持民主" not in report.dropped


def test_short_headlines_over_their_text_stay_headlines() -> None:
    # Not a wrapped sentence: headlines of a report over text that is no piece of them.
    report = _parse("""某区总工会2023年工作总结

一、组织建设
全年新建基层工会42家,新发展会员3100余名。
强化服务阵地
新建职工之家12个,户外劳动者服务站8个。
""")
    assert "一、组织建设" in _headings(report)
    assert "强化服务阵地" in _headings(report)


# A skills contest's plan on a page whose line breaks were lost: its rules and their
# numbered items run on in one line, an item listing the prizes it is about in ordinals.
CONTEST = ("[接上页] 2.参赛选手须在规定时间内独立完成理论考试和实操考核两个项目,成绩按比例计入总分。 "
           "六、表彰奖励 大赛组委会对成绩突出的选手和单位给予表彰: (一)个人奖励 "
           "1.获一、二、三等奖(一等奖2名、二等奖4名、三等奖6名)的选手,由大赛组委会颁发奖金和证书,"
           "并按规定推荐申报市级技术能手称号,符合条件的可晋升相应职业技能等级。 "
           "2.理论考试和实操考核均合格的选手,由市人社部门核发相应等级的职业技能等级证书。 "
           "(二)单位奖励 1.对组织参赛人数多、成绩好的单位,授予优秀组织单位称号。\n")


def test_ordinals_listed_inside_a_sentence_open_no_headline() -> None:
    report = _parse(CONTEST)
    heads = _headings(report)
    assert not any(h.startswith(("1.获", "二、三等奖")) for h in heads), heads
    item = _paragraph_of(report, "的选手,由大赛组委会颁发奖金")
    assert item.startswith("1.获一、二、三等奖(一等奖2名"), item
    assert "(一)个人奖励" in heads
    assert not any(p.text.strip() == "一、" for p in report.paragraphs)


def test_an_articles_title_under_its_number_heads_the_article() -> None:
    report = _parse(AGREEMENT)
    assert "工资分配原则" not in report.dropped
    assert any(h.startswith("第二条") and h.endswith("工资分配原则") for h in _headings(report))


def test_an_articles_number_over_its_text_keeps_its_text() -> None:
    # 第一条 over a short line of its own, no list after it: the line is no title of it.
    report = _parse("""某公司工会经费管理办法
第一条
本办法适用于公司工会
第二条
工会经费按月足额拨缴,专款专用。
""")
    assert "第一条" in _headings(report)
    assert not any(h.startswith("第一条本办法") for h in _headings(report))


def test_a_list_number_joins_its_item_across_a_blank_line() -> None:
    # The same agreement saved as a .docx of one paragraph a line: a blank line between lines.
    report = _parse(AGREEMENT.replace("\n", "\n\n"))
    item = _paragraph_of(report, "按劳分配、多劳多得")
    assert item.startswith("1、"), item
    assert not any(p.text.startswith("、") and "按劳分配" in p.text for p in report.paragraphs)
