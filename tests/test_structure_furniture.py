"""Structure: a site's own strings (its copy of the title, its credit line, an infobox's
bar rows) set aside, and a list's cut-off first item at a page's end kept as text."""

from __future__ import annotations

from unionnlp.lines import Line
from unionnlp.model import Report, Source
from unionnlp.repair import Block
from unionnlp.structure import (
    _credits_and_rules_aside,
    _site_title_copies,
    _table_cells_aside,
    parse,
)


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _line(text: str, kind: str, offset: int) -> Line:
    return Line(text=text, offset=offset, number=offset, kind=kind,  # type: ignore[arg-type]
                view=text)


def _block(kind: str, *texts: str, at: int = 0, line_kind: str | None = None) -> Block:
    lines = tuple(_line(t, line_kind or kind, at + i) for i, t in enumerate(texts))
    return Block(kind, lines)  # type: ignore[arg-type]


INFOBOX = """某某市職工總會
某某市職工總會 City Federation of Labour Unions | |
---|---|
某某市職工總會會徽
| |
會長 | 陳大文 |
秘書長 | 李小明 |
成立 | 1950年3月1日 |
總部 |
某某市中山路8號 |
口號 | 團結、服務、爭權益 |
某某市職工總會簡稱職總,是本市規模最大的工會聯合組織,成立於1950年,1990年改為現名。
職總屬下有120個屬會,會員人數20萬餘人,涵蓋製造業、運輸業、服務業等行業。
歷史
職總成立初期主要服務碼頭工人,其後逐步擴展到各行各業。
"""


def test_an_infoboxs_rule_and_bar_rows_are_no_headlines_or_titles() -> None:
    report = _parse(INFOBOX)
    assert [a.title for a in report.articles] == ["某某市職工總會"]
    article = report.articles[0]
    heads = [s.heading for s in article.sections if s.heading]
    assert all("|" not in h and "-" not in h for h in heads), heads
    assert article.subtitle is None
    assert "---|---|" in report.dropped
    assert any(d.startswith("口號 |") for d in report.dropped)
    assert "歷史" in heads  # the page's own headline stays
    assert any("120個屬會" in p.text for p in article.paragraphs)


def test_a_credit_line_read_as_a_headline_is_furniture_but_a_byline_stays() -> None:
    blocks = [
        _block("title", "滨江区医院工会开展暖冬慰问活动", at=0),
        _block("para", "近日,滨江区医院工会为一线职工送去手套、围巾和热饮。", at=10,
               line_kind="body"),
        _block("headline", "转自:城市晚报 ...", at=20),
        _block("headline", "(信息来源:区总工会)", at=30),
        _block("headline", "来源:城市晚报 作者:王小明", at=40),
    ]
    out = _credits_and_rules_aside(blocks)
    assert [b.kind for b in out] == ["title", "para", "furniture", "furniture", "headline"]
    assert out[2].lines[0].text == "转自:城市晚报 ..."


def test_a_table_rule_under_a_title_is_set_aside_and_the_title_kept() -> None:
    block = Block("title", (_line("某某市職工總會會徽", "title", 0),
                            _line("---|---|", "subtitle", 1)))
    out = _credits_and_rules_aside([block])
    assert [(b.kind, [x.text for x in b.lines]) for b in out] == [
        ("title", ["某某市職工總會會徽"]), ("furniture", ["---|---|"])]


def test_a_sites_title_line_after_the_text_is_furniture() -> None:
    blocks = [
        _block("title", "滨江区医院工会开展暖冬慰问活动", at=0),
        _block("para", "近日,滨江区医院工会为一线职工送去手套、围巾和热饮。", at=10,
               line_kind="body"),
        _block("title", "滨江区医院工会开展暖冬慰问活动 - Newsdigest", at=20),
        _block("title", "滨江区医院工会开展暖冬慰问活动_某某网", at=30),
    ]
    assert [b.kind for b in _site_title_copies(blocks)] == ["title", "para", "furniture",
                                                            "furniture"]


def test_a_mistyped_copy_of_the_title_over_it_is_furniture() -> None:
    blocks = [
        _block("title", "职工代表大会换届换举工作报告", at=0),
        _block("furniture", "xiaoyu2020", at=10),
        _block("title", "职工代表大会换届选举工作报告", at=20),
        _block("para", "根据工会章程规定,基层工会应按期换届。", at=30, line_kind="body"),
    ]
    out = _site_title_copies(blocks)
    assert [b.kind for b in out] == ["furniture", "furniture", "title", "para"]


def test_a_collections_title_over_its_first_model_text_stays() -> None:
    blocks = [
        _block("title", "2025年工会工作总结7篇", at=0),
        _block("title", "2025年工会工作总结篇1", at=10),
        _block("para", "一年来,工会紧紧围绕中心工作。", at=20, line_kind="body"),
    ]
    assert [b.kind for b in _site_title_copies(blocks)] == ["title", "title", "para"]


NEWS_WITH_SITE_TITLE = (
    '滨江区医院工会“暖冬行动”为一线职工送关怀\n某某财经·2025-12-18 09:12\n\n'
    '(来源:城市晚报) 滨江区医院工会有关负责人说,希望借这次慰问把关心送到一线,给职工带去实用的冬季 物品,也让大家感到单'
    '位对辛苦付出的认可与尊重,进一步增强职工的归属感和职 业自豪感。 本报讯 (记者 王小明) 近日,气温骤降,为关心坚守一'
    '线岗位的广大职工, 滨江区医院工会开展“暖冬行动”慰问活动,为职工送去冬日 温暖。 活动中,工会人员把采购好的手套、围巾'
    '、热饮等逐一送到职工手中,既覆盖急诊、儿科等任务重的岗位, 也包括导诊、安保、后勤保障等维持医院运转的岗位。寒风里, 一'
    '杯热饮让职工们倍感温暖。 转自:城市晚报 ...'
    '\n\n滨江区医院工会“暖冬行动”为一线职工送关怀 - Reportify\n'
)


def test_a_sites_title_line_under_the_text_makes_no_empty_article() -> None:
    report = _parse(NEWS_WITH_SITE_TITLE)
    assert [a.title for a in report.articles] == ["滨江区医院工会“暖冬行动”为一线职工送关怀"]
    assert "滨江区医院工会“暖冬行动”为一线职工送关怀 - Reportify" in report.dropped


CUT_OFF_ITEM = """工会主席述职报告
首页 > 述职报告

本人担任学校工会主席以来,在学校党支部的领导下,认真履行工会职责,现将一年来的工作报告如下。

一、推进校务公开,协助学校开展民主评议

1、学校在教学楼一楼设立校务公开栏,定期公布学校重大事项,接受教职工监督。

2、工会代表参加了学校重大招标和采购工作,做到程序公开透明。

3、工会配合学校开展民主评议干部工作,收回有效测评表60份。

二、维护教职工合法权益,反映教职工呼声

1、工会就学校课后服务补贴方案中涉及教职工利益的问题及时向学校反映
"""


def test_a_lists_cut_off_first_item_at_the_end_is_text_under_its_headline() -> None:
    report = _parse(CUT_OFF_ITEM)
    (article,) = report.articles
    last = article.sections[-1]
    assert last.heading is not None and last.heading.startswith("二、")
    assert [p.text for p in last.paragraphs] == [
        "1、工会就学校课后服务补贴方案中涉及教职工利益的问题及时向学校反映"]


def test_a_cut_off_numbered_headline_that_numbers_like_the_headlines_stays_one() -> None:
    text = CUT_OFF_ITEM.replace("1、学校", "甲、学校").replace("2、工会", "乙、工会") \
        .replace("3、工会", "丙、工会") + "\n三、加强自身建设\n"
    report = _parse(text)
    heads = [s.heading for s in report.articles[0].sections if s.heading]
    assert heads[-1] == "三、加强自身建设"


# A district union's report with its figures in tables drawn with bars: the sections'
# headlines stand a blank line apart from the tables above and below them.
_TABLES_UNDER_HEADLINES = """某县总工会2023年困难职工帮扶工作情况报告

一、帮扶对象基本情况

| 类别 | 人数 | 金额(万元) |
| 在档困难职工 | 136 | 41.5 |
| 大病救助 | 52 | 26 |

{head}

| 项目 | 户数 | 金额(万元) |
| 元旦春节送温暖 | 912 | 182.4 |

三、存在的问题
部分基层工会帮扶台账不够规范,精准识别有待加强。
"""


def test_a_numbered_headline_between_two_tables_heads_its_table() -> None:
    report = _parse(_TABLES_UNDER_HEADLINES.format(head="二、送温暖活动开展情况"))
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "二、送温暖活动开展情况" in heads
    assert "二、送温暖活动开展情况" not in report.dropped


def test_a_headline_a_blank_line_apart_from_table_rows_is_no_cell() -> None:
    blocks = [
        _block("table", "| 类别 | 人数 |", "| 在档困难职工 | 136 |", at=2),
        _block("headline", "送温暖活动开展情况", at=5),
        _block("table", "| 项目 | 户数 |", "| 元旦春节送温暖 | 912 |", at=7),
    ]
    out = _table_cells_aside(blocks)
    assert [b.kind for b in out] == ["table", "headline", "table"]
    # right between the rows (no blank line), a title without bars is a logo's caption
    tight = [_block("table", "---|---|", at=2), _block("title", "某某市職工總會會徽", at=3),
             _block("table", "| |", at=4)]
    assert [b.kind for b in _table_cells_aside(tight)] == ["table", "furniture", "table"]
