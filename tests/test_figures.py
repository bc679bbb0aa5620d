"""Tests for figure extraction: numbers, units, approximation, skips, subjects, offsets."""

from __future__ import annotations

import pytest

import unionnlp
from unionnlp.figures import (
    _FIGURE_RE,
    _TOTAL_ONLY_RE,
    _matches,
    _skip,
    chinese_integer,
    extract_figures,
)
from unionnlp.model import Figure


def _one(text: str) -> Figure:
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def _by_text(figures: list[Figure]) -> dict[str, Figure]:
    return {f.text: f for f in figures}


def test_empty_and_no_figures() -> None:
    assert extract_figures("") == []
    assert extract_figures("工会组织积极开展劳动竞赛，维护职工合法权益。") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("全区总计开展劳动竞赛32689场次。", 32689, "场次"),
        ("共签订集体合同1,200份。", 1200, "份"),
        ("工会组织覆盖单位1.76万个。", 17600, "个"),
        ("工会会员18.99万人。", 189900, "人"),
        ("参赛职工20万人。", 200000, "人"),
        ("女职工5千人。", 5000, "人"),
        ("签订集体合同１２３份。", 123, "份"),
        ("较上年提高2.5个百分点。", 2.5, "个百分点"),
        ("建会率达到95.96%。", 95.96, "%"),
        ("建会率达到95.96％。", 95.96, "%"),
        ("劳动生产率增长2倍。", 2, "倍"),
    ],
)
def test_arabic_numbers(text: str, value: float, unit: str) -> None:
    figure = _one(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.approximate is False


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("慰问困难职工三千人次。", 3000, "人次"),
        ("新建工会组织一万二千个。", 12000, "个"),
        ("发展会员两万名。", 20000, "名"),
        ("开展培训十五期。", 15, "期"),
        ("举办讲座一百二十三场。", 123, "场"),
        ("培训职工三万五人。", 35000, "人"),
        ("资助学生一千零二名。", 1002, "名"),
        ("入会率达到百分之九十五。", 95, "%"),
        ("入会率达到百分之95.5。", 95.5, "%"),
    ],
)
def test_chinese_numerals(text: str, value: float, unit: str) -> None:
    figure = _one(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("共筹集各类帮扶资金688.31万元。", 688.31, "万元"),
        ("投入资金1.5亿元。", 1.5, "亿元"),
        ("为困难职工发放医疗救助金两万元。", 2, "万元"),
        ("投入资金3千万元。", 3000, "万元"),
        ("发放慰问金6000元。", 6000, "元"),
        ("发放慰问金5千元。", 5000, "元"),
        ("发放慰问金３０万元。", 30, "万元"),
    ],
)
def test_money_keeps_report_unit(text: str, value: float, unit: str) -> None:
    figure = _one(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "figure_text", "value", "unit"),
    [
        ("解决了近3000名失业人员的就业难题。", "近3000名", 3000, "名"),
        ("5000余名职工参与学习。", "5000余名", 5000, "名"),
        ("收集建设性意见200多条。", "200多条", 200, "条"),
        ("与职工座谈达1万多人次。", "1万多人次", 10000, "人次"),
        ("职工18万余人。", "18万余人", 180000, "人"),
        ("发放慰问金5000多万元。", "5000多万元", 5000, "万元"),
        ("帮扶站点约300个。", "约300个", 300, "个"),
        ("会员入会率超过96%。", "超过96%", 96, "%"),
        ("受益群众300人左右。", "300人左右", 300, "人"),
        ("覆盖率达80%以上。", "80%以上", 80, "%"),
        ("共建职工书屋十余个。", "十余个", 10, "个"),
        ("发放不低于100元的补助。", "不低于100元", 100, "元"),
    ],
)
def test_approximations(text: str, figure_text: str, value: float, unit: str) -> None:
    figure = _one(text)
    assert figure.text == figure_text
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert figure.approximate is True


@pytest.mark.parametrize(
    "text",
    [
        "2012年又举办了表彰活动。",
        "二〇二三年全省工会工作会议召开。",
        "5月8日上午9时召开大会。",
        "会议于8:30开始。",
        "第3版刊登了第一届劳模名单。",
        "第12名选手获奖。",
        "联系电话023-68881234。",
        "热线13812345678个",
        "2012届毕业生。",
        "过去5年，近3年来，连续6年位居榜首。",
        "今年62岁的劳模雷胜英。",
        "1.加强组织建设；2、开展劳动竞赛；（一）创新工作。",
        "市、区、企业三个层面，每年开展一次体检，送一份礼品。",
        "建功十二五，打造12345工作法，世界500强企业。",
        "力排万难，千万不要放松。",
        "组织开展大调研 ……此处隐藏2632个字…… 四、推行固本强基工程",
    ],
)
def test_skips_non_statistics(text: str) -> None:
    assert extract_figures(text) == []


def test_range_gives_two_figures() -> None:
    figures = extract_figures("可以借到300元~5000元的互助款。")
    assert [(f.value, f.unit) for f in figures] == [(300, "元"), (5000, "元")]
    assert figures[0].subject == figures[1].subject == "互助款"
    ends = extract_figures("月工资提高200元至300元。")
    assert [f.subject for f in ends] == ["月工资提高", "月工资提高"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("参赛职工20万人，全区总计开展劳动竞赛32689场次。", "开展劳动竞赛"),
        ("覆盖企业3179家，建会率达到95.96%，", "建会率"),
        ("截至目前，该区总工会共筹集各类帮扶资金688.31万元，", "筹集各类帮扶资金"),
        ("目前该区共有工会组织7037家，", "工会组织"),
        ("全年累计慰问困难职工2.8万人次；", "慰问困难职工"),
        ("其中，农民工会员1.76万余人。", "农民工会员"),
        ("“工人先锋号”27个，", "工人先锋号"),
        ("“五一劳动奖状”（奖章）获得者12名，", "五一劳动奖状获得者"),
        ("协议签订总数达到680份，", "协议签订总数"),
        ("解决了近3000名失业人员的就业难题。", "失业人员"),
        ("5000余名职工参与学习。", "职工"),
        ("为职工提高了15%的工资待遇。", "工资待遇"),
        ("为全区165名困难职工免费做白内障手术。", "困难职工"),
        ("二是开展劳动竞赛1.2万场次；", "开展劳动竞赛"),
        ("会员共计3000人。", "会员"),
    ],
)
def test_subjects(text: str, subject: str) -> None:
    assert extract_figures(text)[-1].subject == subject


def test_subject_in_lists() -> None:
    text = "现共有爱心医院22家、爱心学校21所、爱心超市40家。"
    assert [f.subject for f in extract_figures(text)] == ["爱心医院", "爱心学校", "爱心超市"]
    text = "为2950名困难职工和15名“五老”人员、10名省部级劳动模范建立档案。"
    assert [f.subject for f in extract_figures(text)] == ["困难职工", "五老人员", "省部级劳动模范"]


def test_subject_is_short() -> None:
    text = "在新中国成立60周年、建党90周年和五一国际劳动节等重大庆祝活动中大力开展了形势政策教育活动26场。"
    figure = _one(text)
    assert figure.subject == "形势政策教育活动"
    long_clause = "该区总工会联合区人社局区商委区卫生局区教委等单位联动协调组织" * 2 + "300场"
    assert 0 < len(_one(long_clause).subject) <= 16


def test_offsets_and_order() -> None:
    text = "过去5年，全区开展劳动竞赛32689场次，提供就业岗位4000余个，解决了近3000名失业人员的就业难题。"
    for offset in (0, 1234):
        figures = extract_figures(text, offset)
        assert [f.text for f in figures] == ["32689场次", "4000余个", "近3000名"]
        assert [f.offset for f in figures] == sorted(f.offset for f in figures)
        for f in figures:
            assert text[f.offset - offset :].startswith(f.text)
    assert extract_figures(text)[2].offset == text.index("近3000名")


def test_to_dict_round_trip() -> None:
    figure = _one("工会组织覆盖单位1.76万个。")
    assert figure.to_dict() == {
        "value": 17600,
        "unit": "个",
        "subject": "工会组织覆盖单位",
        "text": "1.76万个",
        "approximate": False,
        "offset": 8,
    }


def test_real_newspaper_page(seed_text: str) -> None:
    text = seed_text
    figures = extract_figures(text, offset=7)
    assert len(figures) > 50
    for f in figures:
        assert text[f.offset - 7 :].startswith(f.text)
        assert f.subject, f
        assert len(f.subject) <= 16
    assert [f.offset for f in figures] == sorted(f.offset for f in figures)

    found = _by_text(figures)
    assert found["32689场次"].value == 32689
    assert found["32689场次"].unit == "场次"
    assert found["32689场次"].subject == "开展劳动竞赛"
    assert (found["688.31万元"].value, found["688.31万元"].unit) == (688.31, "万元")
    assert "帮扶资金" in found["688.31万元"].subject
    assert (found["95.96%"].value, found["95.96%"].subject) == (95.96, "建会率")
    near = found["近3000名"]
    assert (near.value, near.unit, near.approximate) == (3000, "名", True)
    assert near.subject == "失业人员"
    assert (found["1.76万个"].value, found["1.76万个"].unit) == (17600, "个")
    assert found["1.76万个"].subject == "工会组织覆盖单位"
    assert found["18.99万人"].value == 189900

    texts = [f.text for f in figures]
    assert all("年" not in t and "岁" not in t and "周" not in t for t in texts)
    assert not any(f.value in (2002, 2009, 2011, 2012) for f in figures)


def test_spaces_left_by_extraction_around_a_number() -> None:
    figures = extract_figures("慰问困难职工 320 户，调处劳动争议 18 件，发放帮扶资金 86.5万元。")
    assert [(f.value, f.unit, f.subject) for f in figures] == [
        (320, "户", "慰问困难职工"), (18, "件", "调处劳动争议"), (86.5, "万元", "发放帮扶资金")]



@pytest.mark.parametrize(
    "text",
    [
        "超过300人近500名约600个逾20家，将近1,200份、不少于1.76万元和不下3千万元。",
        "附近3个站点签约5家，赶超2倍；比去年增长了百分之五十以上，约百分之9.5。",
        "第3版共12页，热线023-68881234，8:30开会，2012届、党的二十届三中全会。",
        "一万二千个、三万五人、十余个、１２３份、0５个、300元~5000元、3 户、12345678901人。",
        "会员82 万，人口48万、近3亿；80 多万名、60 多家，1.5万余，一万年，千万不要。",
        "慰问1 200名、发放3\u2009000\u2009000元、户均12\u00a0500元、1\u202f200份，2024 200名，1 2000人。",
    ],
)
def test_number_scan_matches_a_full_scan(text: str) -> None:
    """Trying the regex only where a number starts finds what trying it everywhere does."""
    _same_as_a_full_scan(text)


def test_number_scan_matches_a_full_scan_on_the_real_page(seed_text: str) -> None:
    _same_as_a_full_scan(seed_text)


def _same_as_a_full_scan(text: str) -> None:
    full = [
        (m.start(), m.end(), m.groups())
        for m in _FIGURE_RE.finditer(text)
        if not _skip(text, m, m.groups())
    ]
    assert _matches(text) == full


@pytest.mark.parametrize(("text", "subject"), [
    ("今年区总工会联合人社部门走进产业园区开展春风行动专场招聘会12场。", "产业园区开展春风行动专场招聘会"),
    ("市总工会为全市困难职工家庭高校毕业生提供就业见习岗位300个。", "家庭高校毕业生提供就业见习岗位"),
])
def test_long_subjects_are_cut_between_words(text: str, subject: str) -> None:
    # Sixteen characters from the end would start inside 走进 and 职工.
    (figure,) = extract_figures(text)
    assert figure.subject == subject


@pytest.mark.parametrize(("text", "subject"), [
    ("今年以来受理劳动争议案件57件。", "受理劳动争议案件"),
    ("职工代表提案38件全部办结。", "职工代表提案"),
    ("帮助某建筑工地32名农民工追回被拖欠工资。", "农民工"),
    ("为217名困难职工子女发放助学金。", "困难职工子女"),
    ("市工会APP注册会员已达到28.6万人。", "市工会APP注册会员"),
    ("我们组织开展劳动和技能竞赛1.3万场次。", "组织开展劳动和技能竞赛"),
    ("全区32个基层工会按期完成换届选举。", "基层工会"),
])
def test_subjects_stop_at_the_predicate(text: str, subject: str) -> None:
    (figure,) = extract_figures(text)
    assert figure.subject == subject


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("开设职工培训课程60门。", 60, "门"),
    ("设置厂务公开栏16块。", 16, "块"),
    ("开讲劳模思政课12堂。", 12, "堂"),
])
def test_more_counters(text: str, value: float, unit: str) -> None:
    (figure,) = extract_figures(text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize("sep", ["\t", " | ", "｜"])
def test_a_table_rows_figures_measure_its_first_cell(sep: str) -> None:
    row = sep.join(["新建基层工会（家）", "200", "236", "118%"])
    assert [(f.text, f.subject) for f in extract_figures(row)] == [("118%", "新建基层工会")]
    row = "| 金秋助学 | 85户 | 42.5万元 |"
    assert [f.subject for f in extract_figures(row)] == ["金秋助学", "金秋助学"]
    # One bar is no table: a site's section name before the text is not a subject.
    (figure,) = extract_figures("工会动态 | 全市今年新建工会组织52家")
    assert figure.subject != "工会动态"


@pytest.mark.parametrize(("text", "value", "unit", "written"), [
    ("职工满意度达到百分之九十五点六。", 95.6, "%", "百分之九十五点六"),
    ("发放慰问金三点五万元。", 3.5, "万元", "三点五万元"),
    ("全年培训一点五万人次。", 15000, "人次", "一点五万人次"),
    ("覆盖率提高二十三点零五个百分点。", 23.05, "个百分点", "二十三点零五个百分点"),
])
def test_chinese_numerals_with_decimals(text: str, value: float, unit: str, written: str) -> None:
    (figure,) = extract_figures(text)
    assert (figure.value, figure.unit, figure.text) == (pytest.approx(value), unit, written)


@pytest.mark.parametrize("text", ["会议提出三点要求。", "晚上九点半召开会议。"])
def test_a_point_that_is_no_decimal(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("三", 3), ("两", 2), ("十", 10), ("十二", 12), ("二十三", 23), ("两百", 200),
    ("", None), ("九十五点六", None), ("工会", None)])
def test_chinese_integer_reads_whole_numbers_only(text: str, value: int | None) -> None:
    assert chinese_integer(text) == value


def test_a_word_that_leads_into_a_figure_is_not_its_subject() -> None:
    """给, 占, 共 before a figure (from a news twin and a report's table text) say how it is
    given, never what it measures: the phrase after it is the subject, or none is found."""
    found = {f.text: f.subject for f in extract_figures(
        "县总工会拿出16万元，给750名环卫工人捐赠了棉衣。全市女职工共3562人，占33.5%。")}
    assert found["750名"] == "环卫工人捐赠了棉衣"
    assert found["3562人"] == "全市女职工"
    assert found["33.5%"] == ""


def test_a_subject_runs_on_across_pinyin_glosses() -> None:
    """A mirror that glosses characters with pinyin (from a mojibake twin): 農(nóng)民工 is
    one word, which the figure measures, given as written, glosses left out."""
    import unionnlp

    text = ("工會動態\n\n省總工會面向200名農(nóng)民工舉辦技能培訓(xùn)班,"
            "座談結(jié)束後,3位農(nóng)民工代表走訪了企業(yè)。\n")
    found = _by_text(list(unionnlp.analyze(text).figures))
    assert found["200名"].subject == "農民工"
    assert found["3位"].subject.startswith("農民工代表")
    for figure in found.values():
        assert text[figure.offset:figure.offset + len(figure.text)] == figure.text


def test_a_traditional_pages_figures_keep_its_characters() -> None:
    """Unit and subject are given in the characters the page uses, as its text is (from a
    Taiwan union's twin): 萬元 and 個, not 万元 and 个."""
    import unionnlp

    text = ("鳳陽縣舉辦就業招聘會,園區內108家規模以上企業拿出2800多個工作崗位,"
            "縣總工會另撥付專項資金40餘萬元。\n")
    found = _by_text(list(unionnlp.analyze(text).figures))
    assert found["2800多個"].unit == "個" and found["2800多個"].value == 2800
    assert found["40餘萬元"].unit == "萬元" and found["40餘萬元"].value == 40
    assert all(f.unit in f.text for f in found.values())


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("与县内42家商超、药店和景区签订优惠协议", "42家", "商超"),  # 超 ends a noun here
    ("对全县14个乡镇（街道）工会逐一开展“体检”", "14个", "乡镇工会"),  # 逐一 opens the verb
    ("推动2家网络货运平台和1家同城配送企业与劳动者代表协商", "1家", "同城配送企业"),
    ("明确一线岗位工资年增幅不低于4.5%等条款", "不低于4.5%", "明确一线岗位工资年增幅"),
])
def test_what_follows_a_figure_is_its_subject_up_to_the_verb_or_list(
        text: str, figure: str, subject: str) -> None:
    """From a new user's reading of the sample report (figures 商, 乡镇工会逐一, …与劳动者代表,
    等条款): an adverb or 与 after the counted noun ends it, and 等 after a figure closes a
    list, so the subject is before it."""
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_a_traditional_subject_read_without_its_quotes_keeps_its_characters() -> None:
    """A subject is read without its quote marks and bracketed asides; on a traditional
    page it still comes back in the page's own characters (it came back simplified)."""
    import unionnlp

    text = ("全區評選出勞動模範15名，“五一勞動獎狀”（獎章）獲得者12名；"
            "深入生產一線開展“獻技服務”活動353場次。\n")
    found = _by_text(list(unionnlp.analyze(text).figures))
    assert found["12名"].subject.endswith("五一勞動獎狀獲得者")
    assert found["353場次"].subject.endswith("開展獻技服務活動")


def test_a_count_in_wan_stands_without_a_unit_and_spaces_inside_a_number() -> None:
    """A speech read from a PDF (train twin sp21) writes 80 多万名 and 82 万 with the
    spaces extraction left, and counts members in 万 with no counter after it."""
    from unionnlp.twins import load_twins

    twin = next(t for t in load_twins("train") if t.id == "sp21")
    found = _by_text(extract_figures(twin.text))
    many = found["80 多万名"]
    assert (many.value, many.unit, many.approximate, many.subject) == (800000, "名", True, "工会会员")
    members = found["82 万"]
    assert (members.value, members.unit, members.subject) == (820000, "", "会员人数")
    # Only a count in 万 or 亿 written in digits stands without a unit.
    assert extract_figures("力排万难，一万年太久，千万不要放松，3千。") == []
    assert [(f.value, f.unit) for f in extract_figures("援建1.2亿美元，资助600万港元。")] == [
        (120000000, "美元"), (6000000, "港元")]


def test_a_section_headline_states_figures_too() -> None:
    """A Taiwan union's history (train twin trad17) heads a chapter 第五章…4名幹部被開除:
    the report's figures hold it, once, in text order."""
    import unionnlp
    from unionnlp.twins import load_twins

    twin = next(t for t in load_twins("train") if t.id == "trad17")
    report = unionnlp.analyze(twin.text)
    line = next(s for a in report.articles for s in a.sections
                if s.heading and "幹部被開除" in s.heading)
    assert line.offset is not None
    found = [f for f in report.figures if line.offset <= f.offset < line.offset + len(line.heading)]
    assert [(f.text, f.value, f.unit) for f in found] == [("4名", 4, "名")]
    offsets = [f.offset for f in report.figures]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


def test_a_headline_wrapped_over_two_lines_states_its_figures_where_they_stand() -> None:
    """A hard-wrapped page's numbered headline runs on to the next line: its figures are
    read over the line break, their offsets where the page has them."""
    import unionnlp

    text = ("某区总工会2023年工作总结\n今年以来，区总工会在区委和上级工会的坚强领导\n"
            "下，团结带领全区广大职工群众，围绕中心、服务\n大局，各项工作取得了新的成效，现将有关情况总\n"
            "结如下：\n二、全年新建基层工会组织126家，发展新会员32\n00名，超额完成了年度目标任务。"
            "在此基础上\n工会积极参与企业重大决策，全年召开职代会2次，\n审议通过各类议案12件。\n")
    report = unionnlp.analyze(text)
    section = next(s for a in report.articles for s in a.sections if s.heading)
    assert section.heading == "二、全年新建基层工会组织126家，发展新会员3200名，超额完成了年度目标任务。"
    found = {f.text: f for f in report.figures}
    assert (found["126家"].value, found["126家"].offset) == (126, text.index("126家"))
    members = next(f for f in report.figures if f.value == 3200)
    assert members.offset == text.index("32\n00名")


def test_a_noun_after_a_figure_is_cut_between_words() -> None:
    """What follows a figure is cut at a conjunction or a modal only where one stands
    apart: 参与 and 技能 end in 与 and 能 and stay whole; 可 opens 驿站可提供's predicate."""
    found = {f.text: f.subject for f in extract_figures(
        "全年吸引2000多万人次参与，全省2400多个驿站可提供休息服务，新增3名技能人才，慰问职工与家属120户。")}
    assert found == {"2000多万人次": "参与", "2400多个": "驿站", "3名": "技能人才",
                     "120户": "慰问职工与家属"}


def test_a_session_a_since_year_and_a_spaced_article_number_are_no_figures() -> None:
    """十三届全委会议 says which session, 自2012起 since when, 第 十 條 which article;
    a count of sessions or of cases is still one."""
    assert extract_figures("县总工会召开十三届三次全委会议和十四届全委会议，第 十 條：會員大會每年召開。") == []
    assert [f.text for f in extract_figures("2012 起，市总工会每年开展送温暖活动。")] == []
    found = extract_figures("自2012起，全市共调解劳动争议案件120起，受理案件2012起。连续举办三届技能大赛，共12届。")
    assert [(f.text, f.value) for f in found] == [
        ("120起", 120), ("2012起", 2012), ("三届", 3), ("12届", 12)]


def test_an_amount_after_a_currency_sign_and_a_share_in_tenths() -> None:
    """Hong Kong and Taiwan pages write money after a sign (HK$500萬, $37.5) and
    mainland ones shares in tenths (近八成); the sign is the unit as written and a
    currency named before the amount is no part of its subject."""
    text = "追回欠薪HK$500万，时薪$37.5，慰问金$20,000，补助新台币5,000元，近八成职工参加培训。"
    found = [(f.text, f.value, f.unit, f.subject, f.approximate) for f in extract_figures(text)]
    assert found == [("HK$500万", 5_000_000, "HK$", "追回欠薪", False),
                     ("$37.5", 37.5, "$", "时薪", False),
                     ("$20,000", 20000, "$", "慰问金", False),
                     ("5,000元", 5000, "元", "补助", False),
                     ("近八成", 8, "成", "职工", True)]
    assert all(text[f.offset:f.offset + len(f.text)] == f.text for f in extract_figures(text))
    assert extract_figures("一成不变，2022成立职工服务中心，电话$13800138000") == []


def test_a_range_gives_both_ends_with_the_unit_written_once() -> None:
    """Committee sizes and subsidy standards are ranges written with the unit once
    (设委员3-5名, 3-5万元, 500至1000元不等): each end is a figure with that unit; a date,
    a phone number or 第1-3名 stays none."""
    found = [(f.text, f.value, f.unit, f.subject) for f in extract_figures(
        "原则上设委员3-5名，发放3-5万元补贴，每人300至2000元不等，希望加薪5.1至7.5%。")]
    assert found == [("3", 3, "名", "原则上设委员"), ("5名", 5, "名", "原则上设委员"),
                     ("3", 3, "万元", "补贴"), ("5万元", 5, "万元", "补贴"),
                     ("300", 300, "元", "每人"), ("2000元", 2000, "元", "每人"),
                     ("5.1", 5.1, "%", "希望加薪"), ("7.5%", 7.5, "%", "希望加薪")]
    assert extract_figures("第1-3名，电话0571-88888888，2023-05-08，第11、12批，第1、2、3名") == []


def test_bounds_shares_and_lead_in_words() -> None:
    """不超过 is a bound below a figure, not 超过 (more than); 数十 no exact ten; 人均 is
    what is measured; a clause of lead-in words alone (累计达) goes on from the clause
    before it, which names what is counted."""
    found = {f.text: (f.subject, f.approximate) for f in extract_figures(
        "每户补助不超过2000元，困难职工人均500元，全年帮扶困难职工，累计达500户，数十名职工参加。")}
    assert found == {"不超过2000元": ("每户补助", True), "500元": ("困难职工人均", False),
                     "500户": ("帮扶困难职工", False)}



def test_a_count_in_wan_with_thousands_after_it_is_one_figure() -> None:
    """Hong Kong and Taiwan pages write 43万6千人 and 1亿2千万元: one figure each, money in
    its own scale."""
    found = [(f.text, f.value, f.unit, f.approximate) for f in extract_figures(
        "会员总数已经超过43万6千人，出动志工将近1万6千人次，投入1亿2千万元，会员82万，600人参加。")]
    assert found == [("超过43万6千人", 436000, "人", True), ("将近1万6千人次", 16000, "人次", True),
                     ("1亿2千万元", 12000, "万元", False), ("82万", 820000, "", False),
                     ("600人", 600, "人", False)]


def test_a_figure_with_zhi_duo_after_it_measures_what_stands_before() -> None:
    """Hong Kong pages stress a count with 之多 after it (個案達120宗之多): 之多 says how
    many, it names nothing; the subject is what stands before the figure."""
    found = [(f.text, f.subject) for f in extract_figures(
        "全年維權個案達120宗之多，此类个案占5成之多。")]
    assert found == [("120宗", "維權個案"), ("5成", "此类个案")]


def test_an_amount_in_yi_and_wan_is_one_figure() -> None:
    """A legal-aid report writes the money it recovered as 1亿5000万元 or, in the forms money
    is written in, 1亿5仟万元: one amount of 1.5亿, never 1亿 and a second amount with no
    subject; two amounts a mark apart stay two."""
    found = [(f.text, f.value, f.unit) for f in extract_figures(
        "全年办结欠薪案件312件，涉及金额超过1亿5仟万元；另追回工资1亿5000万元，"
        "奖补资金3仟元、5佰万元；筹资2亿、5000万元。")]
    assert found == [("312件", 312, "件"), ("超过1亿5仟万元", 15000, "万元"),
                     ("1亿5000万元", 15000, "万元"), ("3仟元", 3000, "元"),
                     ("5佰万元", 500, "万元"), ("2亿", 200000000, ""), ("5000万元", 5000, "万元")]


def test_a_minus_sign_before_a_number_makes_its_figure_negative() -> None:
    """A statistics bureau's line states falls as negative growth (同比增长-2.1%), with a
    hyphen, a full-width minus or the mathematical one: the figure's value is negative and
    its text starts at the sign."""
    found = [(f.text, f.value, f.unit) for f in extract_figures(
        "据市统计局数据，2024年全市规上企业职工工资总额同比增长-2.1%，职工流失率下降为-3.5个百分点;"
        "利润总额同比增长－12.5%，营业收入增长−3.2%（增幅：-0.8%），净利润为-300万元。")]
    assert found == [("-2.1%", -2.1, "%"), ("-3.5个百分点", -3.5, "个百分点"),
                     ("－12.5%", -12.5, "%"), ("−3.2%", -3.2, "%"), ("-0.8%", -0.8, "%"),
                     ("-300万元", -300, "万元")]


def test_a_hyphen_in_a_range_a_date_or_a_code_is_no_minus() -> None:
    found = [(f.text, f.value) for f in extract_figures(
        "每组3-5名队员，2025-04-24起发放慰问金300元-5000元不等，另资助5万-8万元，"
        "增长5%-8%。京ICP备12004590号-1号 工会要闻-3名职工获表彰")]
    assert found == [("3", 3), ("5名", 5), ("300元", 300), ("5000元", 5000), ("5万", 5),
                     ("8万元", 8), ("5%", 5), ("8%", 8), ("3名", 3)]


def test_a_negative_figure_keeps_its_sign_and_place_in_the_source() -> None:
    import unionnlp

    page = ("首页 > 工会要闻\n\n2024年职工队伍稳定情况通报\n\n发布时间：2025-01-08 浏览次数：312\n\n"
            "全市规上企业职工流失率同比下降为－3.5个百分点，\n一线职工收入同比增长6.2%。\n")
    figures = unionnlp.analyze(page).figures
    assert [(f.text, f.value) for f in figures] == [("－3.5个百分点", -3.5), ("6.2%", 6.2)]
    assert all(page[f.offset:f.offset + len(f.text)] == f.text for f in figures)


@pytest.mark.parametrize("space", [" ", "\u2009", "\u00a0", "\u202f"])
def test_thousands_apart_by_a_space_are_one_number(space: str) -> None:
    """Typeset pages group thousands with a (thin, no-break) space: 1 200名 is 1200; a year
    before a count (2024 200名) and a group of four digits (1 2000) are not joined."""
    text = (f"全年共走访慰问困难职工1{space}200名，发放慰问金3{space}000{space}000元，"
            f"户均12{space}500元；2024 200名新会员入会，另有1 2000人次参加。")
    found = [(f.text, f.value, f.unit) for f in extract_figures(text)]
    assert found == [(f"1{space}200名", 1200, "名"), (f"3{space}000{space}000元", 3000000, "元"),
                     (f"12{space}500元", 12500, "元"), ("200名", 200, "名"),
                     ("2000人次", 2000, "人次")]


def test_cells_apart_by_tabs_are_no_thousands_and_measure_the_rows_label() -> None:
    import unionnlp

    page = ("某市总工会2024年帮扶工作统计\n\n项目\t户数\t金额\n慰问困难职工\t1\t200元\n"
            "新建工会驿站\t12\t500家\n\n全年共慰问困难职工1 200名。\n")
    found = [(f.text, f.value, f.subject) for f in unionnlp.analyze(page).figures]
    assert found == [("200元", 200, "慰问困难职工"), ("500家", 500, "新建工会驿站"),
                     ("1 200名", 1200, "慰问困难职工")]


def test_figures_read_from_traditional_text_as_from_simplified() -> None:
    """extract_figures called on a traditional paragraph reads it as the analysis does, in
    simplified characters (萬元 is a unit, 達到 a verb of reaching), and gives each figure
    back in the paragraph's own characters, at its place."""
    text = ("本會去年舉辦職工技能培訓班32期，參加培訓的會員逾1,200人次，"
            "工會與企業簽訂「集體合同」的企業達到120家，爲困難會員發放慰問金共計36萬元。")
    found = [(f.text, f.value, f.unit, f.subject) for f in extract_figures(text, 7)]
    assert found == [("32期", 32, "期", "舉辦職工技能培訓班"),
                     ("逾1,200人次", 1200, "人次", "參加培訓的會員"),
                     ("120家", 120, "家", "工會與企業簽訂集體合同的企業"),
                     ("36萬元", 36, "萬元", "爲困難會員發放慰問金")]
    assert all(text[f.offset - 7:f.offset - 7 + len(f.text)] == f.text
               for f in extract_figures(text, 7))


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("工會接到停管處來函，通知自隔年起不再代扣工會會費;3名常務理事覺得工會將被逼入絕境，於是臨時決定",
     "3名", "常務理事"),
    ("在“安康杯”竞赛中，全县5000余名一线职工也踊跃参与隐患排查", "5000余名", "一线职工"),
    ("座谈会上，12名劳模代表认为应当加大技能人才培养力度", "12名", "劳模代表"),
    ("全市286家企业将被纳入工资集体协商重点名单", "286家", "企业"),
])
def test_the_noun_after_a_figure_ends_where_its_clause_verb_or_adverb_starts(
        text: str, figure: str, subject: str) -> None:
    """A noun counted after a figure ends at the verb of the clause it opens (覺得, 认为)
    or at an adverb, a passive or a disposal marker before it (也, 将, 被, 把), on traditional
    pages as on simplified ones."""
    assert _by_text(extract_figures(text))[figure].subject == subject



def test_a_currency_written_after_the_amount_is_not_what_it_measures() -> None:
    # A provincial paper's report (written for this test): 592.43万元人民币.
    text = "累计帮助8877名来晋困难职工子女实现上学梦,共发放助学资金592.43万元人民币。"
    (_, money) = extract_figures(text)
    assert money.text == "592.43万元" and "助学资金" in money.subject


def test_a_minus_sign_after_a_list_mark_or_a_space_is_a_minus() -> None:
    # A federation's economic table and its text (written for this test).
    values = {x: [f.value for f in extract_figures(x)] for x in (
        "会员企业营业收入同比分别增长-2.1%、-3.5%和-0.8%。", "利润总额同比 -2.1%。",
        "营业收入增长 −3.2%。", "增长率\t-2.1%")}
    assert values == {"会员企业营业收入同比分别增长-2.1%、-3.5%和-0.8%。": [-2.1, -3.5, -0.8],
                      "利润总额同比 -2.1%。": [-2.1], "营业收入增长 −3.2%。": [-3.2],
                      "增长率\t-2.1%": [-2.1]}
    # A dash between two amounts stays a range's.
    assert [f.value for f in extract_figures("补助标准为300元 -500元。")] == [300, 500]


def test_a_noun_after_a_figure_is_not_cut_at_a_character_a_verb_may_be() -> None:
    subjects = {x: extract_figures(x)[0].subject for x in (
        "全市30名一把手参加了培训。", "共有5名老将参加比赛。", "向灾区捐赠300条棉被。")}
    assert subjects == {"全市30名一把手参加了培训。": "一把手", "共有5名老将参加比赛。": "老将",
                        "向灾区捐赠300条棉被。": "棉被"}


def test_volunteers_are_counted_in_either_script() -> None:
    # 名义 (in name) after a number is no count; 名義工 (volunteers) is one.
    for text in ("本會組織20名義工探訪長者。", "本会组织20名义工探访长者。"):
        assert [f.text for f in extract_figures(text)] == ["20名"], text
    assert extract_figures("以20名义发起倡议。") == []


def test_a_table_whose_units_stand_in_a_column_of_their_own_gives_its_figures() -> None:
    text = ("某县总工会2024年帮扶工作统计\n\n项目\t数量\t单位\n慰问困难职工\t1200\t户\n"
            "发放慰问金\t56.5\t万元\n新建工会驿站\t12\t家\n\n全年共慰问困难职工1 200名。\n")
    figures = [(f.value, f.unit, f.subject) for f in unionnlp.analyze(text).figures]
    assert figures == [(1200, "户", "慰问困难职工"), (56.5, "万元", "发放慰问金"),
                       (12, "家", "新建工会驿站"), (1200, "名", "慰问困难职工")]


def test_a_dash_after_a_channels_name_is_a_separator_not_a_minus() -> None:
    # A union site's headline strip (written for this test): the channel's name is joined
    # to each headline by a hyphen, ASCII or full-width; a sign stands after a word of change.
    text = ("首页-50%以上职工参加技能培训\n工会动态-1000万元专项资金惠及一线职工\n"
            "要闻－300万元帮扶资金发放到位\n首页-50人获评优秀工会工作者\n"
            "全市职工收入同比增长-2.1%，利润总额-300万元。")
    found = [(f.text, f.value, f.subject) for f in extract_figures(text)]
    assert [(t, v) for t, v, _ in found] == [
        ("50%以上", 50), ("1000万元", 1000), ("300万元", 300), ("50人", 50), ("-2.1%", -2.1),
        ("-300万元", -300)]
    # No subject keeps the separator, nor the channel's name before it.
    assert not any(s.endswith(("-", "－", "首页", "动态", "要闻")) for _, _, s in found), found


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # From a user run's kinds of sentence (written for this test).
    ("自今年6月启动申报以来,全县已有86名学生申报并通过审核.", "86名", "学生"),
    ("市总工会推荐的9个基层工会荣获全国模范职工之家称号,", "9个", "基层工会"),
    ("春节前夕,慰问组为260名环卫工人送去米面油等慰问品.", "260名", "环卫工人"),
    ("截至今年5月,全省已建站点近1.2万个,", "近1.2万个", "站点"),
    ("各企业共设岗位320个,", "320个", "岗位"),
    ("目前在岗职工2.8万人,建会率达到96%.", "2.8万人", "在岗职工"),
    ("目前在岗职工2.8万人,建会率达到96%.", "96%", "建会率"),
])
def test_a_subject_stops_before_the_next_verb_and_drops_a_leading_one(
        text: str, figure: str, subject: str) -> None:
    """The noun counted after a figure ends where its clause's verb starts (申报, 荣获,
    送去); a one-character verb or preposition that opens the clause before (建, 设) is not
    part of what is counted, a character of the noun (在岗职工, 建会率) is."""
    assert _by_text(extract_figures(text))[figure].subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # Shaped as the hard-wrapped PDF plans and news items of the train twins (written for
    # this test): a transitive verb after the figure, the figure's noun before it.
    ("春节前摸底审核困难职工25户,生活补助金2.4万元打卡发放.", "2.4万元", "生活补助金"),
    ("一等奖拟按奖金500元设置,", "500元", "一等奖拟按奖金"),
    # ... but not a verb whose doer the figure counts, nor after 为 (for whom).
    ("全年吸引1500多人次参与,", "1500多人次", "参与"),
    ("配合人社部门为1300多人提供技能培训,", "1300多人", "提供技能培训"),
    # After an adverb that only a verb follows, a bare verb keeps what stands before it.
    ("职工书屋建设资金累计投入56.2万元,", "56.2万元", "职工书屋建设资金累计投入"),
    ("全市此前已建成工会驿站86家,目前已建成42家,", "42家", "目前已建成"),
    ("其中女职工35人,", "35人", "女职工"),
])
def test_a_verb_after_a_figure_and_a_bare_verb_before_it(
        text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("带领26名有创业意向的返乡农民工参加培训.", "26名", "返乡农民工"),
    ("调解了30余件比较复杂的劳动争议,", "30余件", "劳动争议"),
    ("为12名生活困难的环卫工人送去慰问金,", "12名", "环卫工人"),
    # A noun before 的 stays what is counted.
    ("解决了近3000名失业人员的就业难题.", "近3000名", "失业人员"),
])
def test_what_describes_the_noun_after_a_figure_is_not_its_subject(
        text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # A time word opens the predicate as 今年 does, and one that ends the clause goes.
    ("本年度职工互助保障活动筹得资金共计86.5万元,", "86.5万元", "职工互助保障活动筹得资金"),
    ("市第一中学工会一年里发出慰问金128人次,", "128人次", "发出慰问金"),
    ("各单位上缴的会费眼下已达120万元,", "120万元", "各单位上缴的会费"),
    ("每队男、女选手各5人,", "5人", "女选手"),
    ("其中女职工占46人,", "46人", "女职工"),
    # A one-character verb with 了 goes; a longer one says what is counted.
    ("送法进企业做了15场次,", "15场次", "送法进企业"),
    ("区域性集体合同签了23份,", "23份", "区域性集体合同"),
    ("年度目标完成了60%.", "60%", "年度目标完成"),
])
def test_words_of_time_share_and_aspect_around_a_subject_go(
        text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_a_rate_stated_as_a_standard_measures_it_for_whom_it_is_stated() -> None:
    # Shaped as a county federation's 送温暖 report (written for this test).
    text = ("春节前夕,县总工会按照每户1500元的标准,慰问了全县320户困难职工家庭;"
            "对考上大学的职工子女,按每人2000元至3000元不等的标准发放助学金.")
    found = [(f.text, f.subject) for f in extract_figures(text)]
    assert found == [("1500元", "每户标准"), ("320户", "困难职工家庭"), ("2000元", "每人标准"),
                     ("3000元", "每人标准")]
    # On a traditional page the subject comes back in its characters.
    traditional = "本會按照每戶1500元的標準,慰問了320戶困難職工家庭."
    assert extract_figures(traditional)[0].subject == "每戶標準"


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # Shaped as a district federation's year-end news item (written for this test).
    ("区总工会2024年工作回顾\n其中已建成42家,", "42家", "建成"),
    ("另外共发放慰问金的企业,同时已建成12家,", "12家", "建成"),
    # A time word before the adverb sets the period apart, and stays (the train twins'
    # annotators give 全年服务).
    ("全市此前已建成工会驿站86家,目前已建成42家,", "42家", "目前已建成"),
])
def test_markers_alone_before_an_adverb_and_a_bare_verb_are_no_subject(
        text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # Wage-arrears items as county sites write them (written for this test).
    ("经劳动监察和工会联合督促,企业偿还3200万元,", "3200万元", "企业偿还"),
    ("经调解,用人单位返还120万元.", "120万元", "用人单位返还"),
    ("截至6月底,欠薪企业已退还120万元,", "120万元", "欠薪企业已退还"),
])
def test_a_verb_that_ends_in_huan_keeps_it(text: str, figure: str, subject: str) -> None:
    """还 opens a predicate (还有, 还为); in 偿还, 返还, 退还 it ends the verb, which stays."""
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_a_minus_joined_to_a_comparison_stays_a_minus_a_channels_dash_does_not() -> None:
    # A federation's economic bulletin and a site's headline strip (written for this test).
    text = ("职工工资增幅比上年-5%\n部分企业效益较上年同期-3.2%。\n财政拨款-200万元\n"
            "全港失業率按年-0.3個百分點。\n首页 > 工会动态-1000万元专项资金惠及一线职工\n"
            "劳模风采-50%以上职工参加技能培训\n")
    found = [(f.text, f.value, f.subject) for f in extract_figures(text)]
    assert [(t, v) for t, v, _ in found] == [
        ("-5%", -5), ("-3.2%", -3.2), ("-200万元", -200), ("-0.3個百分點", -0.3),
        ("1000万元", 1000), ("50%以上", 50)]
    assert [s for _, _, s in found[:4]] == ["职工工资增幅比上年", "部分企业效益较上年同期",
                                            "财政拨款", "全港失業率按年"]


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # Half-year reports write ranges and compounds with a hyphen (written for this test).
    ("2024年1-6月新增会员3200人,", "3200人", "1-6月新增会员"),
    ("各企业开办3-6岁职工子女托管班20个,", "20个", "各企业开办3-6岁职工子女托管班"),
    ("2023-2024年度参保职工12万人,", "12万人", "2023-2024年度参保职工"),
    ("2024年度参保职工12万人,", "12万人", "2024年度参保职工"),
    ("评定A-B类企业共计210家,", "210家", "评定A-B类企业"),
    # A subject cut to its last 16 characters inside a range opens with no dash.
    ("2024-2025学年资助困难学生300名,", "300名", "2025学年资助困难学生"),
])
def test_a_hyphen_between_digits_or_letters_stays_inside_the_subject(
        text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("今年每镇建成3个标准化职工之家,", "3个", "标准化职工之家"),
    ("每年举办2期标准化培训班,", "2期", "标准化培训班"),
    ("职工体检按每季度2次的标准安排,", "2次", "职工体检按每季度"),
])
def test_the_standard_rule_takes_only_a_rate_before_a_standard(
        text: str, figure: str, subject: str) -> None:
    """标准化 is no standard, and a count (2次的标准) is no rate stated as one."""
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_after_a_standard_the_next_figures_clause_starts() -> None:
    # A 送温暖 item with no comma after the standard (written for this test).
    found = [(f.text, f.subject) for f in extract_figures(
        "春节前夕,其中按每户2000元的标准慰问困难职工1500户.")]
    assert found == [("2000元", "每户标准"), ("1500户", "慰问困难职工")]


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("调研组走访了12家有色金属企业的一线职工,", "12家", "有色金属企业"),
    ("调研了5家有限责任公司的工会组织,", "5家", "有限责任公司"),
    # 有 a word of its own, or a two-character adjective: what describes the noun.
    ("带领26名有创业意向的返乡农民工参加培训.", "26名", "返乡农民工"),
    ("车队规定每月要开展12次有益的活动,", "12次", "活动"),
])
def test_a_noun_that_starts_with_you_is_no_modifier(text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


@pytest.mark.parametrize(("text", "figure", "subject"), [
    ("截至年底,会员现有3200人,", "3200人", "会员"),
    ("全区工会驿站建有86个,", "86个", "全区工会驿站"),
    ("全市服务站点设有120个,", "120个", "全市服务站点"),
    ("全市企业入会率达到了95%,", "95%", "全市企业入会率"),
    ("新发展会员达到了3200人,", "3200人", "新发展会员"),
    ("被帮扶职工1200人,", "1200人", "被帮扶职工"),
])
def test_a_subject_keeps_its_nouns_and_loses_its_verbs_of_having_and_reaching(
        text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_money_in_qian_and_amounts_in_two_parts_are_read_whole() -> None:
    # 送温暖 and wage-arrears items as sites and extracted PDFs write them (written for this test).
    found = [(f.text, f.value, f.unit) for f in extract_figures(
        "对困难职工按每户补助3仟-5仟元,共计发放1万5000元慰问金,追回工资1亿 5000万元,"
        "全年服务职工43万6000人次,另拨三仟元.")]
    assert found == [("3仟", 3000, "元"), ("5仟元", 5000, "元"), ("1万5000元", 15000, "元"),
                     ("1亿 5000万元", 15000, "万元"), ("43万6000人次", 436000, "人次"),
                     ("三仟元", 3000, "元")]
    # A count in 万 and a small one after it are two figures (1万 5元 is no 10005元).
    assert [f.text for f in extract_figures("会员1万5元")] != ["1万5元"]


def test_a_count_in_one_chinese_digit_is_a_figure() -> None:
    # As a union's activity plan and a county report put them (written for this test):
    # ASCII commas, a list of events and the posts of a congress.
    found = [(f.text, f.value, f.unit) for f in extract_figures(
        "比赛项目:趣味保龄球、绑腿协力跑、拔河三项,合计奖项九个。"
        "我镇有两名同志光荣当选市级劳模,提出完善劳动法律制度等合共八项建议。")]
    assert found == [("三项", 3, "项"), ("九个", 9, "个"), ("两名", 2, "名"), ("八项", 8, "项")]
    # 一 counts after its noun, at the end of the clause; traditional text too.
    found = [(f.text, f.value) for f in extract_figures(
        "职代会设主任一名、副主任一名、秘书一名。親自辦理入會的會員另送精美禮品一份")]
    assert found == [("一名", 1), ("一名", 1), ("一名", 1), ("一份", 1)]


@pytest.mark.parametrize("text", [
    "以邓小平理论和三个代表重要思想为指导,增强“四个意识”,做好“两节”送温暖,两节期间走访。",
    "推行“搞好两评议”“做到四个亮”,实施\"五个一\"工程。",
    "从组织、服务、经费四个方面提出建议,总部、分部、基层三个层面一起联开。",
    "区总工会召开三届二次全委会作出部署,五次全委会审议通过。",
    "一、二、三名各奖励现金;至于前三名,最低门槛则是每年引介。",
    "受助的是两类学生:一类是考上大学的学生;拟定了两类样本——《区域性女职工专项集体合同》。",
    "为建设和谐团队出了一份力,每位选手各上场一次,大家编为一组,做到不漏一人。",
    "一项重要举措,莱州一家机械公司,四处打零工,三位一体,五家渠市。",
])
def test_a_chinese_digit_in_a_name_a_slogan_a_rank_or_an_outline_is_no_figure(text: str) -> None:
    assert extract_figures(text) == []


def test_a_frequency_and_a_plenary_session_are_no_figures() -> None:
    # Rules of a safety supervisors' scheme and a speech's opening (written for this test).
    assert extract_figures(
        "4、群监员每年由群监会调剂1次,上岗前由群监会组织培训。"
        "6、群监会每年度评比表彰群监员1次,评比按照优中选优的原则开展。") == []
    assert extract_figures(
        "把党的十七届四中、五中全会以及二十届历次全会精神落到实处。") == []
    # A count of times that goes on to what is done is still one.
    assert [f.text for f in extract_figures("全年共开展宣讲12次,每月开展2次专题活动。")] == [
        "12次", "2次"]


def test_seats_votes_and_pairs_are_counters() -> None:
    # A Taiwanese federation's election and a union's group wedding, as news pages write
    # them (written for this test); traditional characters too.
    found = [(f.text, f.value, f.unit) for f in extract_figures(
        "大會選出38席理事及13席監事,蔡振邦以222票對113票勝選。"
        "当天,12对新人参加集体婚礼,当场有四对男女嘉宾牵手成功。")]
    assert found == [("38席", 38, "席"), ("13席", 13, "席"), ("222票", 222, "票"),
                     ("113票", 113, "票"), ("12对", 12, "对"), ("四对", 4, "对")]
    assert extract_figures("走访慰问方案篇1对于今年的工作,议案取得三分之二票数赞成。") == []


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # A total in a clause of its own names what the clause before it counts.
    ("60名困难职工的子女拿到“金秋助学”资助款,合计23000元。", "23000元", "困难职工的子女拿到金秋助学资助款"),
    ("还有来自各个商户的职工代表,总共15人。", "15人", "来自各个商户的职工代表"),
    # 有 that opens a word stays.
    ("另外,有关部门和企业,共计12家。", "12家", "有关部门和企业"),
    ("三間餐廳拖欠強積金供款,涉及71萬元。", "71萬元", "餐廳拖欠強積金供款"),
    # 合共 (in all) and verbs of rising to are no part of what is measured.
    ("被拖欠的工資合共約五千萬元,到目前仍有二百人未收到。", "約五千萬元", "被拖欠的工資"),
    ("一月辦行業專場配對會合共19場 超過350人獲聘", "19場", "一月辦行業專場配對會"),
    ("辖区内工会覆盖的单位增至2860个,", "2860个", "辖区内工会覆盖的单位"),
    ("所属帮扶机构增加到757个,", "757个", "所属帮扶机构"),
    ("合共欠款高達23萬元。", "23萬元", "欠款"),
    # Verbs of holding at a level and a condition are no part of it either.
    ("全市基层工会的组建率一直稳定在85%以上。", "85%以上", "全市基层工会的组建率"),
    ("公司新会员入会率始终保持在100%。", "100%", "公司新会员入会率"),
    ("工联会反映最低工资若订于40元,", "40元", "工联会反映最低工资"),
])
def test_a_total_apart_and_verbs_of_rising_to(text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_the_second_of_two_figures_joined_by_and_measures_what_the_first_does() -> None:
    # A county report's sentence (written for this test).
    found = [(f.text, f.subject) for f in extract_figures(
        "全县建會率和會員率分別達到84.7%和79.3%,困难职工的月补助从2000元上调到3000元。")]
    assert found == [("84.7%", "全县建會率和會員率"), ("79.3%", "全县建會率和會員率"),
                     ("2000元", "困难职工的月补助"), ("3000元", "困难职工的月补助")]


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # A verb or a word of worth before the figure, the counted noun after 的 (sentences
    # as speeches and news pages put them, written for this test).
    ("30年来读了2000多册书,记下近80万字的读书笔记,练出一手绝活。", "近80万字", "读书笔记"),
    ("对10户困境儿童入户走访,送去价值0.2万元的学习用品,", "0.2万元", "学习用品"),
    ("每人还能领到50元的工会会费补助。", "50元", "工会会费补助"),
    # The noun after the figure ends where an adverb opens the predicate.
    ("我这笔1.5万元的工伤补偿款还不晓得要等到哪一天。", "1.5万元", "工伤补偿款"),
    ("每个月3万多元的养护费用让赖家喘不过气。", "3万多元", "养护费用"),
    ("是渔工19000元的底薪常遭中介任意克扣。", "19000元", "底薪"),
    ("在香港只有大约1%的劳工属于有行动力的会员。", "大约1%", "劳工"),
    # 常务, 日常 are no adverb.
    ("停管工会5名常务理事还到场陈情,", "5名", "常务理事"),
])
def test_after_a_verb_the_noun_after_de_is_counted(text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_ming_before_dan_shen_wei_qin_is_a_counter_not_a_list() -> None:
    # 名单 is a list, but 34名单身青年职工 counts single young workers (a traditional news
    # page's sentence, written for this test).
    found = [(f.text, f.subject) for f in extract_figures(
        "工人文化宮舉辦聯誼交友活動,吸引34名單身青年職工參加;帮扶5名单亲母亲,3名单位负责人参加。")]
    assert found == [("34名", "單身青年職工"), ("5名", "单亲母亲"), ("3名", "单位负责人")]
    assert extract_figures("拟表彰先进个人名单公示,全年名单管理。") == []


def test_a_multiple_of_a_years_figure_measures_what_the_figure_before_does() -> None:
    # A speech's sentence as a PDF gives it, spaces around the numbers (written for this test).
    found = [(f.text, f.subject) for f in extract_figures(
        "眼下全市基层工会组织达到 4739个,为 1999 年的 1.8 倍;会员人数 82 万,相当于 1999 年的1.9 倍。")]
    assert found == [("4739个", "全市基层工会组织"), ("1.8 倍", "全市基层工会组织"),
                     ("82 万", "会员人数"), ("1.9 倍", "会员人数")]


def test_a_year_opening_a_clause_is_no_comparison() -> None:
    # A county's year-end news page (written for this test): 2023年 and 去年 say when.
    found = [(f.text, f.subject) for f in extract_figures(
        "新建工会20家，2023年12名职工获得五一劳动奖章。今年参赛职工500人,去年的获奖职工30人。")]
    assert found[1] == ("12名", "职工")
    assert found[3][1] != "参赛职工"
    # A multiple or a share after 的 or a verb of comparing still compares.
    found = [(f.text, f.subject) for f in extract_figures(
        "全市会员达到12万人,为2020年的1.5倍;建会率95%,去年的108%。")]
    assert found == [("12万人", "全市会员"), ("1.5倍", "全市会员"), ("95%", "建会率"),
                     ("108%", "建会率")]


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # A noun before the figure and 的 is what it measures (lines as news pages give them,
    # written for this test).
    ("建会率达95%的目标顺利实现。", "95%", "建会率"),
    ("会员500名的企业工会,", "500名", "会员"),
    ("月工资3000元以上的职工有200人。", "3000元以上", "月工资"),
    ("月工资3000元以上的职工有200人。", "200人", "职工"),
    # A verb before it counts the noun after 的, without the 有 that opens the predicate.
    ("每人能领到300元的补助有多少人?", "300元", "补助"),
    ("工会为职工发放1000元的慰问品,", "1000元", "慰问品"),
])
def test_a_noun_before_a_figure_and_de_is_its_subject(text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_only_a_conjunction_or_a_verb_of_rising_to_carries_the_subject_over() -> None:
    # A visit report's sentences (written for this test).
    found = _by_text(extract_figures("慰问困难职工300户计60万元。"))
    assert found["60万元"].subject != "慰问困难职工"
    found = _by_text(extract_figures("发放慰问金50万元惠及3000人。"))
    assert found["3000人"].subject != found["50万元"].subject
    # 从/由 and a rate's 每月 are no part of what rises, in simplified and traditional text.
    for text, subject in (("生活补助标准由每月500元提高到800元。", "生活补助标准"),
                          ("最低工資時薪由37.5元上調至40元。", "最低工資時薪"),
                          ("全市工会会员从12万人增加到15万人。", "全市工会会员")):
        assert [f.subject for f in extract_figures(text)] == [subject, subject]
    # 理由, 自由 are words, not the preposition.
    assert _one("写明申请理由300字,").subject == "写明申请理由"


@pytest.mark.parametrize(("text", "figure", "subject"), [
    # 常用, 常备, 常青 and 追还 open no predicate inside the noun (written for this test).
    ("为职工发放10种家庭常用药品,", "10种", "家庭常用药品"),
    ("配发300份职工常备药箱,", "300份", "职工常备药箱"),
    ("组建20支职工常青志愿服务队,", "20支", "职工常青志愿服务队"),
    ("帮助12名职工追还欠薪,", "12名", "职工"),
    # 常 and 还 as adverbs still cut.
    ("停管工会5名常务理事还到场陈情,", "5名", "常务理事"),
    ("是渔工19000元的底薪常遭中介任意克扣。", "19000元", "底薪"),
])
def test_chang_and_huan_inside_a_noun(text: str, figure: str, subject: str) -> None:
    assert _by_text(extract_figures(text))[figure].subject == subject


def test_dui_before_a_number_is_no_pair() -> None:
    assert extract_figures("开展1对1帮扶,机关队以3对1战胜后勤队,实行三对一帮扶,推行2对２结对。") == []
    assert [f.text for f in extract_figures("12对新人参加集体婚礼,四对嘉宾牵手。")] == ["12对", "四对"]


def test_a_long_run_of_total_words_is_read_in_linear_time() -> None:
    # 共计 read as 共 and 计 too made the total-only test try every split of the run: 2**n
    # ways for a run of n, before the character that ends it fails the match.
    assert _TOTAL_ONLY_RE.fullmatch("共计" * 60 + "中") is None
    assert _TOTAL_ONLY_RE.fullmatch("另" + "共计" * 60 + "约") is not None
    hostile = "全年走访。" + "共计" * 40 + "中1200户。"
    assert [(f.text, f.subject) for f in extract_figures(hostile)] == [("1200户", "")]
    total = "困难职工资助款," + "共计" * 3 + "23000元。"
    assert [(f.text, f.subject) for f in extract_figures(total)] == [("23000元", "困难职工资助款")]


@pytest.mark.parametrize("text", [
    "确保困难职工应纳尽纳、不漏一户。",
    "做到不落一家,五湖四海一家亲。",
])
def test_one_in_an_idiom_is_no_count(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "found"), [
    # Counts in Chinese digits count as those in Arabic digits do (written for this test).
    ("目前三家企业正在筹建工会。", [("三家", "企业")]),
    ("此前两名职工申请仲裁,之前三名职工辞职。", [("两名", "职工申请仲裁"), ("三名", "职工辞职")]),
    ("全年召开三次职代会。", [("三次", "职代会")]),
    ("获评省级劳模三人:张三、李四、王五。", [("三人", "获评省级劳模")]),
    ("他说:“我们厂今年评了两名劳模”。", [("两名", "劳模")]),
    ("設秘書長一名(兼)。", [("一名", "秘書長")]),
    ("本會二人獲獎。", [("二人", "獲獎")]),
])
def test_chinese_digits_count_as_arabic_ones_do(text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.text, f.subject) for f in extract_figures(text)] == found


@pytest.mark.parametrize("text", [
    # Ranks, plenary sessions, outlines and slogans in quote marks stay no counts.
    "进入前三名,五次全委会审议通过,十三届三次职代会闭幕。",
    "分为两类:一类是考上大学的学生。",
    "落实“四个意识”,做到“四个亮”。",
])
def test_ranks_sessions_outlines_and_quoted_slogans_stay_no_counts(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "found"), [
    # An adverb of how the many act, or a preposition of manner, after the noun a count
    # names ends that noun (sentences written for this test, shaped as news reports are).
    ("本次比赛决出各组奖项,王一、李二等4名选手分别荣获电工组一等奖。", [("4名", "选手")]),
    ("会上,全区12个街道工会按抽签顺序依次汇报了本年度工作。", [("12个", "街道工会")]),
    # 就 (then) and a verb of breaking through before the figure are no part of its subject.
    ("上线一年,平台实名注册会员就突破了8万人。", [("8万人", "平台实名注册会员")]),
    ("全市入会职工就突破30万人,", [("30万人", "全市入会职工")]),
])
def test_adverbs_and_verbs_next_to_a_count_leave_its_subject(
        text: str, found: list[tuple[str, str]]) -> None:
    assert [(f.text, f.subject) for f in extract_figures(text)] == found


def test_a_change_from_one_figure_to_another_measures_what_the_first_does() -> None:
    # A verb of rising to the next figure after the first is no noun the first counts,
    # and both ends measure the clause's own subject (ASCII commas, as such pages have).
    text = "最低工资月薪从 2 万 6,400 元调高到 2 万 7,470 元、时薪从 176 元调涨到 183 元,明年施行。"
    assert [(f.value, f.subject) for f in extract_figures(text)] == [
        (26400, "最低工资月薪"), (27470, "最低工资月薪"), (176, "时薪"), (183, "时薪")]


@pytest.mark.parametrize("text", [
    # A numeral inside a name is no figure.
    "本会与市红十字会共同向受灾职工捐赠物资。",
    "協會聯同澳門紅十字會探訪長者。",
])
def test_a_numeral_inside_a_name_is_no_figure(text: str) -> None:
    assert extract_figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    # A Chinese numeral the segmenter glues to the character before it (达七, 近九,
    # 共五, 这三, 镇六) is a real count: only a word that goes on past the figure's
    # measure word (红十字会) holds a numeral that counts nothing.
    ("福利基金会本年度援助金額達七萬八千五百澳門元,用於慰問困難職工。", "七萬八千五百澳門元"),
    ("福利基金会本年度援助金额达七万八千五百元。", "七万八千五百元"),
    ("工会会员已超过4000人,入会率将近九成。", "将近九成"),
    ("区工会组织贴心人服务队共五人，开车奔赴矿区。", "五人"),
    ("本公司孟繁荣、丁学义这三名困难职工领到助学金。", "三名"),
    ("全县张村乡、大桥镇、清湖镇六所乡镇学校参加活动。", "六所"),
])
def test_a_numeral_glued_to_the_character_before_is_still_a_figure(
        text: str, figure: str) -> None:
    assert figure in {f.text for f in extract_figures(text)}


@pytest.mark.parametrize(("text", "subject"), [
    # 按 inside a counted noun is no preposition that ends it.
    ("全市配备5台智能按压式饮水机,方便户外劳动者。", "智能按压式饮水机"),
    ("今年建成3个职工按需服务站。", "职工按需服务站"),
    # 按 before what it goes by (按月, 按抽签) opens the predicate still.
    ("法律服务站组织9位律师按月轮值,为职工解答法律问题。", "律师"),
])
def test_a_noun_holding_the_character_an_does_not_end_there(text: str, subject: str) -> None:
    assert [f.subject for f in extract_figures(text)] == [subject]


def test_a_bracket_that_closes_after_the_counted_noun_ends_it() -> None:
    # The figure stands in an aside: the noun after it runs to the closing bracket, and the
    # verb before it (推荐) is no subject.
    text = "在技术骨干、中层干部中推荐（推荐1名中层干部，须另行推荐1名一线班组长）；"
    assert [f.subject for f in extract_figures(text)] == ["中层干部", "一线班组长"]


def test_a_noun_after_a_conjunction_belongs_to_the_next_figure() -> None:
    # 和 after the figure opens the next item of the list: this figure counts the noun
    # before it.
    text = "各乡镇还配备兼职工会副主席16名和工会专职干事19人。"
    first, second = extract_figures(text)
    assert "兼职工会副主席" in first.subject and "和" not in first.subject
    assert second.subject == "工会专职干事"


@pytest.mark.parametrize("text", [
    "两部门将遴选不少于8家企业作为试点企业,探索职工监督员制度。",
    "兩部門將遴選不少於8家企業作為試點企業,探索職工監督員制度。",
])
def test_the_noun_after_a_figure_is_cut_between_words(text: str) -> None:
    # 为 inside 作为 is no verb of its own: the noun ends before the word, not inside it.
    figure = _one(text)
    assert figure.subject in ("企业", "企業")


def test_a_share_after_he_zhan_measures_the_group_before_it() -> None:
    # 合占 (together make up) is a verb of reaching as 占 is: its 合 is no part of the group.
    text = "受访者以在编人员居多,合同制及其他合占37.5%。"
    assert extract_figures(text)[-1].subject == "合同制及其他"


@pytest.mark.parametrize("text", [
    "会上,恒达机械等四家单位围绕班组建设作经验交流。",
    "今年共有6家企业针对夜班职工需求开设职工食堂。",
])
def test_a_preposition_after_the_counted_noun_opens_the_predicate(text: str) -> None:
    assert _one(text).subject in ("单位", "企业")


@pytest.mark.parametrize(("text", "subject"), [
    ("受访的工会干部中,以企业职工和社区工作者居多(共占61.2%),其余为机关干部。",
     "企业职工和社区工作者"),
    ("新入会会员以青年职工为主（约占六成）。", "青年职工"),
])
def test_a_share_in_brackets_measures_the_group_named_before_them(
        text: str, subject: str) -> None:
    assert extract_figures(text)[0].subject == subject


@pytest.mark.parametrize("text", [
    "职工之家建设工作汇报材料(精选6篇),欢迎大家参考借鉴。",
    "社区工会换届工作总结5篇\n社区工会换届工作总结5篇社区工会换届工作总结第1篇一、基本情况",
    "企業工會年度工作計劃【合集4篇】",
])
def test_a_count_of_a_collection_pages_own_pieces_is_no_figure(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "篇"] == []


def test_pieces_written_or_published_are_still_counted() -> None:
    text = "全年撰写调研报告6篇,在市级报刊发表普法文章21篇。"
    assert [f.text for f in extract_figures(text)] == ["6篇", "21篇"]


def test_a_subject_before_a_share_does_not_end_in_de() -> None:
    text = "近5年来,因违规操作引发的伤害占工伤事故的七成左右。"
    subject = _one(text).subject
    assert not subject.endswith("的") and "工伤事故" in subject


@pytest.mark.parametrize("text", [
    "市总工会推荐张明、李华参加评选,是希望他们二人继承老一辈劳模的奋斗精神。",
    "工會推薦陳志強、黃美玲參選,希望他們二人秉承前輩的精神。",
])
def test_a_count_after_a_pronoun_names_the_people_again(text: str) -> None:
    assert extract_figures(text) == []


# Review 71b: a counted noun that only starts with a conjunction's character, 篇 counts in
# running text, 以上 before 居多, 针对性 inside a noun.
@pytest.mark.parametrize(("text", "subject"), [
    ("今年共组织120名与会人员参加培训,培训合格率达到98%。", "与会人员"),
    ("全市建成100家和谐企业,覆盖职工3万人。", "和谐企业"),
    ("新增100家和谐劳动关系企业,惠及职工2万余人。", "和谐劳动关系企业"),
])
def test_a_noun_that_starts_like_a_conjunction_is_what_the_figure_counts(text: str, subject: str) -> None:
    assert extract_figures(text)[0].subject.startswith(subject)


def test_a_conjunction_after_a_figure_still_opens_the_next_item() -> None:
    figures = _by_text(extract_figures("配备兼职工会副主席22名和专职人员22人。"))
    assert figures["22名"].subject == "配备兼职工会副主席"


@pytest.mark.parametrize(("text", "count"), [
    ("全区工会调研报告3篇获省级表彰。", "3篇"),
    ("今年全区工会共有调研报告15篇被评为优秀。", "15篇"),
    ("本次征文活动共收到稿件(共120篇),评出一等奖5名。", "120篇"),
    ("各级工会报送工作总结(120篇)均已审核。", "120篇"),
])
def test_pieces_counted_in_running_text_are_figures(text: str, count: str) -> None:
    assert count in [f.text for f in extract_figures(text)]


def test_a_group_above_an_age_that_is_the_larger_part_keeps_its_words() -> None:
    subject = _one("受访会员中,中年以上职工居多(共占40%)。").subject
    assert subject.startswith("中年以上职工")
    assert _one("受访会员中,大专以上学历者居多(合计占62.5%)。").subject.startswith("大专以上学历者")


def test_a_noun_of_targeted_measures_is_no_predicate() -> None:
    assert _one("出台5项更具针对性的帮扶措施。").subject != "更具"
