"""Structure on page shapes a user run on fresh real pages met (a Taiwan union's rules
pasted as one line with articles numbered in figures; a blank form's numbered clauses)."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


# A Taiwan enterprise union's rules as its site prints them: a breadcrumb, then the page's
# text in one line, the amendment history, then each article 第 N 條: run on after the last
# one's full stop (ASCII colons and commas).
RULES = ("首頁\n辦法與表單\n某某科技股份有限公司企業工會理監事會議事規則\n"
         "某某科技股份有限公司企業工會理監事會議事規則 98.05.12第一屆第二次理事會議通過。"
         "103.09.30第三屆第五次理事會議修正通過(第3條) "
         "第 1 條:本規則依工會法及本會章程之規定訂定之。"
         "第 2 條:理事會每三個月至少召開一次,由理事長召集並擔任主席,理事長因故不能出席時由常務理事代理。"
         "第 3 條:理事會應有全體理事過半數之出席始得開會,以出席理事過半數之同意方得決議。"
         "第 4 條:監事會開會時,得列席理事會議陳述意見,但無表決權。"
         "第 5 條:本規則經理事會議通過後施行,修正時亦同。\n")


def test_articles_numbered_in_figures_in_one_line_are_paragraphs_apart() -> None:
    report = _parse(RULES)
    texts = [p.text for p in report.paragraphs]
    for n in range(1, 6):
        starts = [t for t in texts if t.startswith(f"第 {n} 條:")]
        assert len(starts) == 1, (n, texts)
    assert all(len(t) < 120 for t in texts if t.startswith("第 ")), texts


def test_an_article_cited_inside_a_sentence_starts_no_paragraph() -> None:
    text = RULES.replace("第 4 條:監事會開會時,", "依本會章程 第 12 條 規定,監事會開會時,")
    report = _parse(text)
    assert any(p.text.startswith("第 3 條:") and "第 12 條 規定" in p.text
               for p in report.paragraphs), [p.text for p in report.paragraphs]


# A model wage contract as a 范文 page prints it: clauses numbered 一、 to 四、 with a
# blank line between, the third a field the page left empty, the fourth with
# its own numbered points (ASCII commas and colons).
CONTRACT = """工资集体协议书(范本)

  甲方(企业方): 乙方(职工方):

  一、根据按劳分配、同工同酬的原则,结合本企业生产经营的特点和职工队伍的实际情况,双方对企业内部的工资分配制度、岗位工资标准和工资分配形式进行协商,确定实行以岗位工资为主的分配形式,具体办法由企业另行制定并经职代会通过后执行。

  二、根据本市人民政府今年发布的企业工资指导线和本企业上年度职工平均工资水平,并考虑企业生产经营状况和物价变动等因素,双方协商确定本年度职工平均工资的增长幅度,并将协商结果报当地劳动保障行政部门审查备案后执行。

  三、职工奖金、津贴和补贴的发放办法:

  四、甲方依法安排乙方在法定标准工作时间以外延长工作时间的,应当事先征得工会和职工本人同意,并分别按照下列办法支付乙方加班工资:

  1、加班工资的计发基数:

  2、加班工资的计发标准:
"""


def test_a_clause_with_its_blank_left_empty_is_an_item_among_items() -> None:
    report = _parse(CONTRACT)
    heads = [s.heading or "" for a in report.articles for s in a.sections]
    assert not any(h.startswith("三、") for h in heads), heads
    assert any(p.text.startswith("三、职工奖金") for p in report.paragraphs)
    # The fourth clause's points are no longer filed under the third clause as a heading.
    section = next(s for a in report.articles for s in a.sections
                   if any(p.text.startswith("四、") for p in s.paragraphs))
    assert not (section.heading or "").startswith("三、")


def test_a_numbered_headline_over_its_text_stays_a_headline() -> None:
    report = _parse("""某县总工会2023年工作总结

一、组织建设
全年新建基层工会42家,新发展会员3100余名,基层组织覆盖面进一步扩大。

二、服务职工
开展送温暖活动,走访慰问困难职工560户,发放慰问金86万元。

三、维权工作
推进工资集体协商,签订集体合同210份,覆盖职工1.8万人。
""")
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert heads == ["一、组织建设", "二、服务职工", "三、维权工作"], heads
