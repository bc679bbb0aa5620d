"""Short lines heading what follows them on Hong Kong, Macau and Taiwan union pages:
labels with a colon, an article's number alone, a short question over its answer."""

from __future__ import annotations

import pytest

from unionnlp.convert import analysis_view
from unionnlp.labelheads import labels_as_headlines
from unionnlp.lines import Line
from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


def _paragraph_of(report: Report, needle: str) -> str:
    hits = [p.text for p in report.paragraphs if needle in p.text]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


# A Taiwan occupational union's "how to join" page: breadcrumb, title, three labels over
# numbered items (ASCII colons and brackets, as the site types them).
JOIN = """首頁 > 加入工會 > 申請入會 > 入會須知

入會須知

申請手續:

  1. 本人親自到工會填寫入會申請書(不可由別人代填)
  2. 兩吋半身照片二張(證件照)
  3. 身分證正反面影本一份
  4. 最近兩家公司的工作證明(須正本)

繳費方式:

  1. 第一次入會須繳入會費500元
  2. 每個月的常年會費為150元
  3. 勞健保費依投保薪資計算後繳交

退會手續:

  1. 請到本會填寫退會申請單,並把會費及勞、健保費一次繳清。
  2. 逾期未繳保費達兩個月者,本會將逕行退保,不另行通知。

回上頁 | 列印本頁
"""


def test_labels_over_numbered_items_head_sections() -> None:
    report = _parse(JOIN)
    heads = _headings(report)
    for label in ("申請手續:", "繳費方式:", "退會手續:"):
        assert label in heads
    # The items stay paragraphs of their own, under their label.
    assert "申請手續" not in _paragraph_of(report, "本人親自到工會")


# A Hong Kong staff union's minutes: the reports of the officers, each under its label
# (a space before the colon, as the page has it), a page-number-like item mark between.
MINUTES = """政府物流服務僱員工會
第八屆理事會2008年度第3次會議 會議記要

上次會議紀錄已獲全體出席理事確認通過。

主席報告 :

1

工聯會呼籲各屬會於本月中旬派員出席勞工界聯席會議,就最低工資立法的時間表表達意見。

會務報告 :

截至2008年3月31日, 本會在冊會員共1352人 (較上月增加11人), 其中新入會者多為外判清潔工人。

財政報告 :

2月份財務報告經理事會一致通過。
"""


def test_an_officers_report_label_heads_its_report() -> None:
    report = _parse(MINUTES)
    heads = _headings(report)
    for label in ("主席報告 :", "會務報告 :", "財政報告 :"):
        assert label in heads
    assert _paragraph_of(report, "2月份財務報告").startswith("2月份")


# A Taiwan enterprise union's election rules: each article's number alone on its line,
# the article's text under it.
RULES = """勞資會議勞方代表選舉辦法
某某股份有限公司企業工會

第一條
本會辦理勞資會議勞方代表的選舉事務,除法令另有規定外,悉依本辦法辦理。
第二條
勞方代表的名額,依勞資會議實施辦法第三條之規定,由本會選出代表七人、候補二人。
第三條
選舉得於會員代表大會召開時一併舉行,主管機關得派員到場指導。
第四條
選票由本會統一印製,加蓋本會圖記並經監事會召集人簽章後始為有效。
第五條
凡本會會員、年滿十五歲的本公司員工,均有選舉權及被選舉權。
非會員的員工,事先通知本會後亦得參選。
"""


def test_an_articles_number_alone_heads_the_article() -> None:
    report = _parse(RULES)
    heads = _headings(report)
    for number in ("第二條", "第三條", "第四條", "第五條"):
        assert number in heads
    # The number is no paragraph of its own, nor glued to the article's text.
    assert all(not p.text.startswith("第") for p in report.paragraphs)


# A union's Q&A page: short questions standing apart over their answers.
FAQ = """跳到主要內容

常見問題Q&A

Q:什麼是產業工會?

A:產業工會是由同一產業內的勞工組成的工會,不論受僱於哪一家公司,只要從事同一產業的工作,都可以加入,一起爭取更好的勞動條件。

Q:加入工會要付哪些費用?

A:入會時繳交入會費,之後每個月繳交常年會費;會費的金額由會員大會決定,並且公開讓會員查閱。

為什麼要加入工會?

在職場上,勞工一個人面對雇主時往往不敢據理力爭;加入工會以後,就能用集體的力量跟資方協商。
"""


def test_a_short_question_over_its_answer_heads_it() -> None:
    report = _parse(FAQ)
    heads = _headings(report)
    for question in ("Q:什麼是產業工會?", "Q:加入工會要付哪些費用?", "為什麼要加入工會?"):
        assert question in heads
    assert _paragraph_of(report, "產業工會是由同一產業").startswith("A:")


def _lines(*rows: tuple[str, str]) -> list[Line]:
    """Lines one under the other (blank lines where a row's text is empty), of the given
    kinds, as the labeller leaves them."""
    out: list[Line] = []
    for number, (kind, text) in enumerate(rows):
        if text:
            out.append(Line(text=text, offset=0, number=number, kind=kind,  # type: ignore[arg-type]
                            view=analysis_view(text)[0]))
    return out


@pytest.mark.parametrize("rows", [
    # A clause that runs on into its items, not a name for them.
    [("body", "本會負有下列任務:"), ("body", "", ), ("body", "一、締結、修改或廢止團體協約。")],
    # A speaker's title and name over the words quoted.
    [("body", "福昌工會理事長 賴淑芬:"), ("body", "「終止契約前雙方到底有沒有協商,還得再查清楚。」")],
    [("body", "失業員工:"), ("body", "「拒絕失業,我們是福昌員工。」")],
    # A label over a short name (a banner's wording), or over the next label.
    [("body", "卡車車頭:"), ("body", "某市總工會"), ("body", "清涼送慰問車")],
    [("body", "裁判員:"), ("body", "記分員:"), ("body", "工作人員:")],
    # A site's controls right under its furniture.
    [("furniture", "發布時間:2021-09-14 信息來源:本會 文字大小:[ ]"), ("body", "背景色:"),
     ("body", "本會今年把金秋助學當成為會員辦實事的一項要緊措施,逐戶摸清底數。")],
    # An article's number with its colon opens the article's paragraph.
    [("body", "第二條:"), ("body", "本會以維護會員權益、提高會員福利為宗旨。")],
    # A question of two clauses, or one run on from the line above, is text.
    [("body", ""), ("body", "資方拖欠工資,我該找誰幫忙?"), ("body", "可以先向勞工局申請勞資爭議調解。")],
    [("body", "這些年工會一直替會員討回加班費,可是管理層總是問:"),
     ("body", "工會到底有什麼用?"), ("body", "我們的答案是:會員越多,力量越大。")],
    # A label at the page's end heads nothing.
    [("body", "本會宗旨與任務"), ("body", "附件:")],
])
def test_lines_that_head_nothing_stay_text(rows: list[tuple[str, str]]) -> None:
    lines = _lines(*rows)
    assert [x.kind for x in labels_as_headlines(lines)] == [x.kind for x in lines]


def test_a_line_cut_into_pieces_is_left_to_the_rules() -> None:
    lines = _lines(("body", "申請資格:"), ("body", "1. 入會滿一年以上的會員本人或其子女。"))
    assert labels_as_headlines(lines, {lines[0].number})[0].kind == "body"
    assert labels_as_headlines(lines)[0].kind == "headline"


def test_labels_and_questions_under_a_numbered_headline_nest_below_it() -> None:
    # A mainland work report: a numbered headline, then labels and a question that head
    # parts of its section; a numbered headline after them is their sibling again.
    text = ("某区总工会2023年度工作总结\n\n"
            "一、重点工作开展情况\n\n"
            "主要措施：\n"
            "一是推进新就业形态劳动者入会,全年新发展快递员、外卖送餐员会员1860名。\n\n"
            "工作成效：\n"
            "职工之家覆盖率达到95%,区总工会被评为市级先进集体。\n\n"
            "二、存在的问题\n\n"
            "怎样让服务更贴近职工？\n"
            "我们认为,要把服务阵地建到园区和楼宇,让职工就近享受普惠服务。\n")
    report = _parse(text)
    levels = {s.heading: s.level for a in report.articles for s in a.sections if s.heading}
    assert levels["主要措施："] == levels["一、重点工作开展情况"] + 1
    assert levels["工作成效："] == levels["一、重点工作开展情况"] + 1
    assert levels["怎样让服务更贴近职工？"] == levels["二、存在的问题"] + 1
    assert levels["二、存在的问题"] == levels["一、重点工作开展情况"]


def test_a_label_with_no_numbered_headline_above_keeps_its_level() -> None:
    # The same parts on a page that numbers no headline: the labels head the page's parts.
    text = ("某区总工会2023年度工作总结\n\n"
            "主要措施：\n"
            "一是推进新就业形态劳动者入会,全年新发展快递员、外卖送餐员会员1860名。\n\n"
            "工作成效：\n"
            "职工之家覆盖率达到95%,区总工会被评为市级先进集体。\n")
    report = _parse(text)
    levels = {s.heading: s.level for a in report.articles for s in a.sections if s.heading}
    assert levels["主要措施："] == 1
    assert levels["工作成效："] == 1
