"""Structure: title blocks, headlines and their levels, repaired paragraphs, interleaved articles."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionnlp.errors import UnionNLPError
from unionnlp.lines import classify, split_lines
from unionnlp.model import Report, Source
from unionnlp.normalize import normalize
from unionnlp.structure import _DATELINE, inline_heading, lead_in, parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _find(report: Report, needle: str) -> tuple[int, str]:
    """(article index, paragraph text) of the one paragraph containing ``needle``."""
    hits = [(i, p.text) for i, a in enumerate(report.articles) for p in a.paragraphs
            if needle in p.text]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Report:
    return _parse(seed_text)


def test_seed_has_four_articles_with_title_blocks(seed: Report) -> None:
    got = [(a.title, a.subtitle, a.byline) for a in seed.articles]
    assert len(got) == 4
    titles = [t for t, _, _ in got]
    assert titles[0].startswith("迎难而上") and "渝北" in titles[0]
    assert titles[1].startswith("建立健全服务职工体系")
    assert "学习力" in titles[2] and "创新力" in titles[2]
    assert "幸福北碚" in titles[3]
    for _, subtitle, byline in got:
        assert subtitle is not None and subtitle.startswith("——") and "工会" in subtitle
        assert byline is not None and byline.startswith("□")


def test_seed_sections_are_the_headlines(seed: Report) -> None:
    headings = [[s.heading for s in a.sections if s.heading] for a in seed.articles]
    assert [len(h) for h in headings] == [3, 3, 4, 3]
    assert headings[0][0].startswith("创先争优")
    assert all(h.startswith("建立") and h.endswith("化") for h in headings[1])
    assert headings[3][0].startswith("“四个狠抓”")
    # Each article opens with its lead, before the first headline.
    assert all(a.sections[0].heading is None for a in seed.articles)


def test_seed_broken_paragraphs_are_whole(seed: Report) -> None:
    for left, right in [("马克思主义中", "国化最新理论"), ("推动化解了一", "批维权积案"),
                        ("逐步形", "成工会工作"), ("在重庆市北", "碚区总工会的大力推动下"),
                        ("新", "增工会组织1421家"), ("联合区司", "法区"),
                        ("为节点、", "现代化信息管理技术")]:
        _, text = _find(seed, left + right)
        assert text.rstrip("”")[-1] in "。！？", text[-20:]
    for p in seed.paragraphs:
        assert p.text[0] not in "，、。", p.text[:20]


def test_seed_interleaved_articles_get_their_own_paragraphs(seed: Report) -> None:
    # The 九龙坡 and 北碚 articles print their first paragraphs before their title blocks.
    assert _find(seed, "随着市场经济体制")[0] == 2
    assert _find(seed, "近年来，重庆市九龙坡区总工会")[0] == 2
    assert _find(seed, "逐步形成工会工作")[0] == 2
    assert _find(seed, "九龙坡区总工会的探索得到了")[0] == 2
    assert _find(seed, "过去几年，北碚区总工会")[0] == 3
    assert _find(seed, "奇山秀水汇一城")[0] == 3
    assert _find(seed, "碚区总工会的大力推动下")[0] == 3
    assert "“四个狠抓”：3年任务两年结" in [s.heading for s in seed.articles[3].sections]
    assert _find(seed, "女工特殊关心制度")[0] == 1


def test_seed_lead_ins(seed: Report) -> None:
    leads = [p.lead_in for p in seed.articles[1].paragraphs if p.lead_in]
    assert "思想研判机制" in leads and "女工特殊关心制度" in leads
    assert len(leads) == 15
    assert all(p.lead_in is None for p in seed.articles[0].paragraphs)


def test_seed_nothing_lost(seed_text: str, seed: Report) -> None:
    assert _accounted(seed) == _chars(normalize(seed_text))


NUMBERED = """上海市某区总工会2022年工作总结

（2023年1月6日）

一、强化组织建设，扩大工会覆盖

（一）推进新就业形态劳动者入会

全年新建基层工会86家，发展会员5200余名，其中快递员、外卖配送员2300人。

（二）规范基层工会换届

1. 完成换届选举

142家基层工会按期换届。

二、深化帮扶救助

各级工会筹集帮扶资金830万元，慰问困难职工4100人次。
"""


def test_numbered_heading_levels() -> None:
    report = _parse(NUMBERED)
    (article,) = report.articles
    assert article.title == "上海市某区总工会2022年工作总结"
    assert article.byline == "（2023年1月6日）"
    levels = [(s.heading, s.level) for s in article.sections]
    assert levels == [
        ("一、强化组织建设，扩大工会覆盖", 1),
        ("（一）推进新就业形态劳动者入会", 2),
        ("（二）规范基层工会换届", 2),
        ("1. 完成换届选举", 3),
        ("二、深化帮扶救助", 1),
    ]
    assert [len(s.paragraphs) for s in article.sections] == [0, 1, 0, 1, 1]


def test_markdown_and_part_headings() -> None:
    text = "# 年度报告\n\n## 第一部分 组织建设\n\n新建工会120家。\n\n### 职工之家\n\n创建模范职工之家8个。\n"
    article = _parse(text).articles[0]
    assert article.title == "# 年度报告"
    assert [(s.heading, s.level) for s in article.sections if s.heading] == [
        ("## 第一部分 组织建设", 2), ("### 职工之家", 3)]


def test_heading_hints_from_a_format() -> None:
    text = "职工之家建设情况\n\n概述\n\n今年新建职工之家十个。"
    report = parse(Source(text=text, heading_hints={0: 0, 2: 1}))
    (article,) = report.articles
    assert article.title == "职工之家建设情况"
    assert [(s.heading, s.level) for s in article.sections] == [("概述", 1)]


WEB = """首页 > 新闻中心 > 基层动态

某市总工会启动“春送岗位”专项行动

发布时间：2021-03-02 09:30  来源：某市总工会  浏览次数：1532

【字体：大 中 小】

某市总工会启动“春送岗位”专项行动

本报讯 3月1日，某市总工会联合人社部门举办专场招聘会，提供岗位3200个。

分享到：微信 微博

打印本页 关闭窗口

上一篇：市总工会召开全委会议
"""


def test_web_furniture_and_repeated_title() -> None:
    report = _parse(WEB)
    (article,) = report.articles
    assert article.title == "某市总工会启动“春送岗位”专项行动"
    assert [p.text[:4] for p in article.paragraphs] == ["3月1日"]
    assert article.byline == "本报讯"
    dropped = "\n".join(report.dropped)
    for line in ("首页 >", "发布时间", "【字体", "分享到", "打印本页", "上一篇", "春送岗位"):
        assert line in dropped
    assert _accounted(report) == _chars(WEB)


@pytest.mark.parametrize(("lead", "dateline"), [
    ("【記者林曉雯/台中報導】", "【記者林曉雯/台中報導】"),
    ("【特訊】", "【特訊】"),
    ("浙江工人日报讯 周海、陆平报道 ", "浙江工人日报讯 周海、陆平报道"),
    ("中工网讯（记者 钱立 通讯员 许晴）", "中工网讯（记者 钱立 通讯员 许晴）"),
    ("【香港商報網訊】記者何嘉報道:", "【香港商報網訊】記者何嘉報道:"),
    ("鲁网11月5日讯  ", "鲁网11月5日讯"),
    ("红安网消息 ", "红安网消息"),
    ("〔記者李雅雯／新北報導〕", "〔記者李雅雯／新北報導〕"),
    ("（中央社記者蘇木春台中15日電）", "（中央社記者蘇木春台中15日電）"),
    ("(記者張世昌/台中報導)", "(記者張世昌/台中報導)"),
    ("人民网北京10月24日电 (记者 林晓舟) ", "人民网北京10月24日电 (记者 林晓舟)"),
    ("中新網寧波9月2日電(見習記者 蔣雨 通訊員 錢一)", "中新網寧波9月2日電(見習記者 蔣雨 通訊員 錢一)"),
    ("中評社北京7月10日電/", "中評社北京7月10日電/"),
    # A place between the paper and the date, before 讯 as before 电.
    ("本报宁波5月18日讯 (记者 周明 通讯员 陈立) ", "本报宁波5月18日讯 (记者 周明 通讯员 陈立)"),
    ("东南网宁德3月9日讯 ", "东南网宁德3月9日讯"),
    # The outlet's channel before 讯/消息, an outlet ending in 在线 or 信息港, its web
    # address, a date in Chinese numerals or with the hour; 据新华社电; (某某日报报道).
    ("内蒙古晨报全媒体平台消息(记者 张冠华 通讯员 李琛)",
     "内蒙古晨报全媒体平台消息(记者 张冠华 通讯员 李琛)"),
    ("某某晨报全媒体消息 ", "某某晨报全媒体消息"),
    ("锡林郭勒日报客户端讯 ", "锡林郭勒日报客户端讯"),
    ("中国网·滨海高新讯 ", "中国网·滨海高新讯"),
    ("商洛日報 - 商洛之窗訊 (記者 田海波)", "商洛日報 - 商洛之窗訊 (記者 田海波)"),
    ("浙江在线8月15日讯(浙江在线记者 韩立舟)", "浙江在线8月15日讯(浙江在线记者 韩立舟)"),
    ("昆明信息港訊(昆明日報 首席記者梁哲)", "昆明信息港訊(昆明日報 首席記者梁哲)"),
    ("中国小康网(chinaxiaokang.com)讯 ", "中国小康网(chinaxiaokang.com)讯"),
    ("中新社澳門四月三十日電(記者 梁志堅)", "中新社澳門四月三十日電(記者 梁志堅)"),
    ("华龙网12月25日14时15分讯  ", "华龙网12月25日14时15分讯"),
    ("据新华社电 ", "据新华社电"),
    ("(星島日報報道)", "(星島日報報道)"),
    # Its reporters as words apart, up to 报道.
    ("中国小康网(chinaxiaokang.com)讯 聂文君 通讯员 张晓雯 杭州报道 ",
     "中国小康网(chinaxiaokang.com)讯 聂文君 通讯员 张晓雯 杭州报道"),
    ("本报讯 见习记者林书航 通讯员韩雨溪报道 ", "本报讯 见习记者林书航 通讯员韩雨溪报道"),
])
def test_a_news_items_dateline_of_any_paper_joins_the_byline(lead: str, dateline: str) -> None:
    text = ("某市總工會表彰優秀勞工\n\n"
            f"{lead}某市總工會昨天舉行優秀勞工表揚大會,共表揚42名勞工,每人獲頒獎金1萬元。\n\n"
            "大會之後,工會還為勞工家屬辦了一場聯誼活動。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.byline == dateline
    assert article.paragraphs[0].text.startswith("某市總工會昨天")
    assert _accounted(report) == _chars(text)


def test_a_dateline_after_the_photo_caption_joins_the_byline() -> None:
    text = ("某市總工會表彰優秀勞工\n\n"
            "某市總工會頒獎肯定優秀勞工。(某市政府提供)\n\n"
            "【記者林曉雯/台中報導】某市總工會昨天舉行優秀勞工表揚大會,共表揚42名勞工。\n\n"
            "鲁网11月5日讯  大會之後,工會還為勞工家屬辦了一場聯誼活動。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.byline == "【記者林曉雯/台中報導】"
    assert [p.text[:6] for p in article.paragraphs][1:] == ["某市總工會昨", "鲁网11月5"]
    # The caption is a paragraph of its own, and says what it is.
    assert [p.kind for p in article.paragraphs] == ["caption", "text", "text"]
    assert _accounted(report) == _chars(text)


def test_a_line_of_marks_alone_is_never_a_title_or_a_headline() -> None:
    text = ("|\n\n某市总工会为环卫工人送清凉\n\n2023-07-15 来源：某市总工会\n\n* * *\n\n"
            "7月以来,某市总工会走访慰问环卫工人1200人次,送去防暑用品3000份。\n\n【】\n\n"
            "全市32个户外劳动者服务站点备足了饮用水和常用药品。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "某市总工会为环卫工人送清凉"
    assert [s.heading for s in article.sections] == [None]
    assert [p.text[:3] for p in article.paragraphs] == ["7月以", "全市3"]
    assert {"|", "* * *", "【】"} <= {line.strip() for line in report.dropped}
    assert _accounted(report) == _chars(text)
    # Marks between the lines of a page with nothing else on it: still never a title.
    bare = text.replace("2023-07-15 来源：某市总工会\n\n", "")
    report = _parse(bare)
    names = {a.title for a in report.articles} | {s.heading for a in report.articles
                                                   for s in a.sections}
    assert not names & {"|", "* * *", "【】"}
    assert {"|", "* * *", "【】"} <= {line.strip() for line in report.dropped}
    assert _accounted(report) == _chars(bare)


def test_each_model_text_of_a_fanwen_page_is_an_article_of_its_own() -> None:
    # A 范文 site prints several model texts under the page's title, each opened by 篇N;
    # their text is alike, and each keeps its own, in the order printed.
    text = ("工会工作总结范文(精选3篇)\n\n工会工作总结 篇1\n\n"
            "今年以来，我校工会在党支部的领导下，围绕学校中心工作，扎实开展各项工作。\n\n"
            "一、加强组织建设\n\n全年发展新会员12名，会员总数达到86名。\n\n"
            "二、做好帮扶工作\n\n春节期间走访慰问困难教职工8户，发放慰问金1.6万元。\n\n"
            "工会工作总结 篇2\n\n一年来，公司工会紧扣生产经营中心，团结带领职工建功立业。\n\n"
            "一、开展劳动竞赛\n\n全年组织技能比武6场，参赛职工420人次。\n")
    report = _parse(text)
    articles = {a.title: a for a in report.articles}
    assert "工会工作总结 篇1" in articles and "工会工作总结 篇2" in articles
    assert [s.heading for s in articles["工会工作总结 篇1"].sections] == [
        None, "一、加强组织建设", "二、做好帮扶工作"]
    assert [p.text[:4] for p in articles["工会工作总结 篇2"].paragraphs] == ["一年来，", "全年组织"]
    assert _accounted(report) == _chars(text)
    # Further down a long page, written as a headline would be: still a model text's title.
    more = text + ("\n二、关心职工生活\n\n夏季为一线职工送清凉，发放防暑降温用品2000份。\n\n"
                   "送温暖工作的总结篇三\n\n今年春节前，区总工会走访慰问困难职工家庭。\n")
    titles = [a.title for a in _parse(more).articles]
    assert titles[-1] == "送温暖工作的总结篇三"


def test_a_title_repeated_at_the_head_of_the_first_paragraph_is_set_aside() -> None:
    # A document-sharing page: the title, then the text with its line breaks lost, which
    # opens with the title again.
    text = ("XX区总工会2020年工作总结\n\n"
            "XX区总工会2020年工作总结在区委、区政府的坚强领导下,区总工会全年新建基层工会46家。"
            "一是抓好疫情防控;二是抓好困难职工帮扶。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "XX区总工会2020年工作总结"
    assert article.paragraphs[0].text.startswith("在区委")
    assert "XX区总工会2020年工作总结" in report.dropped
    assert _accounted(report) == _chars(text)
    # A paragraph that merely opens with words of a short title keeps them.
    short = "工会工作\n\n工会工作在区委的领导下全面推进,全年新建基层工会46家。\n"
    assert _parse(short).articles[0].paragraphs[0].text.startswith("工会工作在区委")


def test_a_title_running_into_the_text_on_the_first_line_is_cut_off() -> None:
    # A PDF whose line breaks were lost: the title runs into the report's first sentence.
    text = ("2024年度某医院工会工作总结回首这一年，院工会在院党委领导下新建职工小家6个，"
            "走访慰问困难职工42人次。\n"
            "今年院工会组织技能竞赛3场，参赛职工260人。\n"
            "工会工作计划安排部署到位，全年各项任务按时完成，职工满意度达到96%。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "2024年度某医院工会工作总结"
    assert article.paragraphs[0].text.startswith("回首这一年")
    # Further down, a sentence that opens with such words stays whole.
    assert any(p.text.startswith("工会工作计划安排部署到位") for p in article.paragraphs)
    assert _accounted(report) == _chars(text)


def test_a_paper_name_is_no_dateline_in_a_sentence_that_opens_with_it() -> None:
    text = "某台招聘会\n\n电视台讯号不好时,工会派人到山区职工家中调试,共走访36户。\n"
    (article,) = _parse(text).articles
    assert article.paragraphs[0].text.startswith("电视台讯号")
    assert not article.byline


@pytest.mark.parametrize("sentence", [
    "据新华网消息,今年全国新建工会组织1.2万个,新发展会员260万人。",
    "社区工会收到消息后,第一时间组织志愿者上门为困难职工送去米面油。",
    "县工会网上办事大厅上线以来,累计为职工办理业务3600余件。",
])
def test_a_sentence_naming_a_paper_or_a_message_is_no_dateline(sentence: str) -> None:
    (article,) = _parse(f"某县工会工作动态\n\n{sentence}\n").articles
    assert article.paragraphs[0].text == sentence
    assert not article.byline


def test_page_numbers_dropped_and_paragraph_joined_across_them() -> None:
    first = "今年以来，区总工会聚焦困难群体，多方筹集帮扶资金120万元，在春节前集中走访慰问困难"
    text = f"{first}\n\n- 2 -\n\n第3版\n\n职工家庭360户。\n"
    report = _parse(text)
    assert [p.text for p in report.paragraphs] == [first + "职工家庭360户。"]
    assert set(report.dropped) == {"- 2 -", "第3版"}


def test_hard_wrapped_lines_are_unwrapped() -> None:
    paragraphs = [
        "区总工会今年以来深入推进产业工人队伍建设改革，在全区十二个重点园区开展岗位练兵和技能比武活动，"
        "累计参与职工一万二千余人次，评选出首席技师二十名。",
        "同时，区总工会依托职工服务中心建立法律援助工作站，为农民工追回欠薪三百余万元，调解劳动争议案件"
        "八十余起，有效维护了职工合法权益。",
        "在困难帮扶方面，各级工会为建档困难职工发放帮扶资金四百六十万元，开展金秋助学活动资助困难职工子女"
        "二百一十名，并为八百名环卫工人送去夏季防暑用品。",
    ]
    wrapped = "\n".join(
        "\n".join(p[i:i + 24] for i in range(0, len(p), 24)) for p in paragraphs)
    report = _parse(wrapped)
    assert [p.text for p in report.paragraphs] == paragraphs


def test_numbered_items_are_not_glued_together() -> None:
    text = "1、深化厂务公开制度建设并推动职代会规范运行覆盖全部国有企业和大部分规模以上非公企业\n2、开展劳动竞赛。"
    assert len(_parse(text).paragraphs) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("思想研判机制。坚持每季度收集职工思想动态。", "思想研判机制"),
    ("（一）突出政治引领。坚持每月开展一次专题学习。", "突出政治引领"),
    ("据悉，该区现有工会组织三千个。", None),
    ("这是好事。我们要继续做下去，做得更好。", None),
    ("同志们：", None),
])
def test_lead_in(text: str, expected: str | None) -> None:
    assert lead_in(text) == expected


def test_empty_text_gives_empty_report() -> None:
    for text in ("", "   \n\n \u3000\n"):
        report = _parse(text)
        assert report.articles == () and report.dropped == ()


def _chars(text: str) -> Counter[str]:
    return Counter(c for c in normalize(text) if not c.isspace())


def _accounted(report: Report) -> Counter[str]:
    parts: list[str] = list(report.dropped)
    for a in report.articles:
        parts += [x for x in (a.title, a.subtitle, a.byline) if x]
        for s in a.sections:
            parts += [s.heading] if s.heading else []
            parts += [p.text for p in s.paragraphs]
    return _chars("".join(parts))


_PIECES = st.sampled_from([
    "", "\n", "\n\n", "一、", "（二）", "1.", "# ", "——", "□", "本报记者 ", "- 3 -", "第2版",
    "。", "，", "：", "“", "”", "首页 > 新闻 > 动态", "发布时间：2020", "工会", "职工",
    "开展帮扶", "建会率达到95%", "技能比武", "法律援助", "\u3000", "１２３", "<script>",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40))
def test_every_character_is_accounted_for(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        report = _parse(text)
    except UnionNLPError:
        return
    assert _accounted(report) == _chars(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_string_gives_a_report(text: str) -> None:
    report = _parse(text)
    assert isinstance(report, Report)
    assert all(re.sub(r"\s", "", p.text) for p in report.paragraphs)


def test_corpus_paragraphs_come_out_whole() -> None:
    """Every labelled paragraph of the corpus, in every form, is one paragraph of the parse."""
    from unionnlp.corpus import load_corpus

    corpus = load_corpus()
    missing = []
    for doc in corpus.docs.values():
        report = _parse(doc.text)
        found = {p.text for p in report.paragraphs}
        # A news item's dateline (本报讯（记者 …）) goes to the byline.
        # A numbered headline opening a paragraph heads a section; the rest is the paragraph.
        missing += [p.text[:20] for p in corpus.paragraphs
                    if p.doc == doc.id
                    and _DATELINE.sub("", p.text)[inline_heading(p.text):] not in found]
        if doc.form in ("feature", "annual_report", "speech", "enterprise_summary", "news", "web"):
            assert len(report.articles) == 1, doc.id
            assert report.articles[0].title, doc.id
    assert not missing


def test_indented_paragraphs_mark_where_paragraphs_start() -> None:
    first = ["\u3000\u3000区总工会今年新建基层工会组织四十二家，", "新发展会员三千一百人。",
             "同时推进会员实名制管理，录入会员信息两万余条。"]
    second = ["\u3000\u3000各级工会筹集帮扶资金二百六十万元，走访慰问困难职工一千二百户。",
              "金秋助学活动资助困难职工子女一百三十名。"]
    third = ["\u3000\u3000区总工会举办职工技能大赛十二场，参赛职工四千余人次。",
             "评选出区级技术能手三十名。"]
    text = "\n".join(first + second + third)
    paragraphs = [p.text for p in _parse(text).paragraphs]
    assert paragraphs == ["".join(x).strip() for x in (first, second, third)]


def test_running_page_headers_are_furniture() -> None:
    pages = []
    for n in range(1, 4):
        pages.append(f"某市总工会2023年工作报告\n\n- {n} -\n\n"
                     f"第{n}部分的内容在这里：全市各级工会今年开展了大量工作，成效明显，职工满意度高。")
    report = _parse("\n\n".join(pages))
    assert report.articles[0].title == "某市总工会2023年工作报告"
    assert report.dropped.count("某市总工会2023年工作报告") == 2
    assert len(report.paragraphs) == 3


def test_numbered_heading_may_end_with_a_colon() -> None:
    article = _parse("一、主要工作成效：\n\n全年新建工会组织二十家。").articles[0]
    assert [s.heading for s in article.sections] == ["一、主要工作成效："]


def test_closing_signature_is_not_a_section() -> None:
    text = ("某县总工会2022年工作总结\n\n一、组织建设\n\n全年新建工会组织十二家。\n\n"
            "二、帮扶救助\n\n慰问困难职工三百户。\n\n某县总工会\n\n2023年1月10日\n")
    article = _parse(text).articles[0]
    assert [s.heading for s in article.sections] == ["一、组织建设", "二、帮扶救助"]
    assert article.byline == "某县总工会\n2023年1月10日"


@pytest.mark.parametrize("cut", ["市总工会常务副主席、党组书记王", "鄭國雄發言時指出,工人俱樂"])
def test_a_page_cut_off_after_a_short_line_ends_in_a_paragraph(cut: str) -> None:
    # A web page's text that stops mid-sentence: the short last line is its last words,
    # not a headline over nothing.
    text = ("市政府与市总工会召开联席会议\n\n发布时间:2020-11-28\n\n"
            " 11月27日,市政府与市总工会举行年度联席会议,会议先听取了上年度议定事项的落实情况汇报。\n\n"
            "1.jpg\n\n"
            " 会议由副市长周立新主持。市总工会主席孙德民通报了全市工会今年的主要工作。\n\n"
            f" {cut}")
    article = _parse(text).articles[-1]
    assert [s.heading for s in article.sections] == [None]
    assert article.sections[-1].paragraphs[-1].text == cut


@pytest.mark.parametrize("close", ["(圖片提供/臺北市停車管理工程處企業工會)", "(記者林志豪攝)", "/P>"])
def test_a_photo_credit_or_a_leaked_paragraph_tag_ends_a_paragraph(close: str) -> None:
    # A paragraph that ends in a photo credit or an HTML tag has no final punctuation,
    # yet the next one is a paragraph of its own.
    opening = "停車管理處企業工會成立以來,多次為收費員爭取加班費,去年更集結百餘名會員到市府陳情。"
    first = ("為了讓市長聽見基層收費員的心聲,工會常務理事與九名會員在市府前廣場當眾下跪陳情,"
             f"現場圍觀的市民紛紛拿出手機拍照{close}")
    second = "沒想到,這一跪讓處長大為震怒,工會隨即發表聲明回應,強調會員只是依法表達訴求。"
    report = _parse("停車管理處企業工會爭取加班費\n\n" + "\n\n".join([opening, first, second]) + "\n")
    assert [p.text for p in report.paragraphs] == [opening, first, second]


def test_a_numbered_headline_cut_off_at_the_end_stays_a_headline() -> None:
    text = ("某校工会2023年工作总结\n\n一、加强组织建设\n\n全年发展会员一百二十名,新建工会小组六个。\n\n"
            "二、推进教师队伍建设\n\n组织青年教师开展教学比武,二十人获奖。\n\n"
            "三、大力推行“师表工程”")
    article = _parse(text).articles[0]
    assert article.sections[-1].heading == "三、大力推行“师表工程”"


def test_speech_front_matter_joins_the_byline() -> None:
    text = ("坚定信心 奋发有为\n——在全市工会工作会议上的讲话\n刘振华\n（2024年1月18日）\n\n"
            "同志们：\n\n这次会议的主要任务是总结去年工作，部署今年任务。\n")
    (article,) = _parse(text).articles
    assert article.title == "坚定信心 奋发有为"
    assert article.subtitle == "——在全市工会工作会议上的讲话"
    assert article.byline == "刘振华\n（2024年1月18日）"
    assert [s.heading for s in article.sections] == [None]


def test_official_document_furniture_and_web_leftovers() -> None:
    text = ("××市总工会文件\n×工发〔2024〕5号\n关于表彰先进集体的决定\n\n"
            "各区县总工会：全市各级工会去年工作成效明显，现决定予以表彰。\n\n"
            "【打印此页】【关闭窗口】\n相关文章：\n● 区总工会召开全委会议\n\n"
            "××市总工会\n2024年1月20日\n（此件主动公开）\n××市总工会办公室 2024年1月22日印发\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "关于表彰先进集体的决定"
    assert [s.heading for s in article.sections] == [None]
    assert article.byline == "××市总工会\n2024年1月20日"
    for line in ("××市总工会文件", "×工发〔2024〕5号", "【打印此页】【关闭窗口】", "相关文章：",
                 "（此件主动公开）"):
        assert line in report.dropped
    assert _accounted(report) == _chars(text)


def test_line_and_paragraph_separators_break_lines() -> None:
    text = "标题行\u2028\u2028第一段内容在这里，工会开展了工作。\u2029第二段也在这里，职工得到帮扶。"
    assert len(_parse(text).paragraphs) == 2


def test_digits_split_by_a_wrap_join_without_a_space() -> None:
    first = "今年以来，区总工会深入开展根治欠薪专项行动，督促用人单位为农民工补缴社保费用23"
    report = _parse(first + "\n0万元，维护了职工合法权益。")
    assert [p.text for p in report.paragraphs] == [first + "0万元，维护了职工合法权益。"]


def test_a_sites_greeting_above_the_title_is_no_signature_and_no_article() -> None:
    # A union site's page (written for this test): its greeting names the union as a
    # report's closing signature does, but stands above the text.
    text = ("欢迎访问某某市总工会\n首页 > 基层频道 > 工作动态\n\n"
            "区总工会多元化解劳动争议 织密职工权益\"保护网\"\n\n"
            "发布时间:2025-04-11 来源:市工会传媒中心\n\n"
            "  近年来,区总工会把劳动争议调解作为维护职工权益的重要抓手,联合人社、法院、司法等"
            "部门建立\"一站式\"调解平台,全年受理劳动争议案件126件,调解成功率达到91%。\n\n"
            "  区总工会还在8个镇街设立职工法律服务站,组织律师每周坐班,为职工提供法律咨询和"
            "代写文书服务,累计帮助职工追回欠薪430余万元。\n")
    report = _parse(text)
    assert [a.title for a in report.articles] == ['区总工会多元化解劳动争议 织密职工权益"保护网"']
    assert "欢迎访问某某市总工会" in report.dropped


def test_a_paragraph_without_a_full_stop_does_not_run_on_into_the_next() -> None:
    # A web page's paragraph ends on its figures with no full stop; the line labeller reads
    # the line under it as a paragraph's first, and no word runs on across the break.
    first = ("为帮助困难职工子女顺利入学，市总工会今年继续开展金秋助学活动，"
             "共资助困难职工子女320名，发放助学金96万元")
    second = "活动中，各级工会深入困难职工家庭走访，详细了解学生的学习和生活情况。"
    text = f"市总工会开展金秋助学活动\n2024-08-20 来源：市总工会\n{first}\n{second}\n"
    assert [p.text for p in _parse(text).paragraphs] == [first, second]


def test_official_numbered_headings_may_end_with_a_full_stop() -> None:
    text = "一、组织建设\n\n（一）扩大组织覆盖。\n\n全年新建工会组织二十家，发展会员一千二百人。\n\n1、开展劳动竞赛。\n"
    article = _parse(text).articles[0]
    assert [s.heading for s in article.sections] == ["一、组织建设", "（一）扩大组织覆盖。"]
    assert [p.text for p in article.paragraphs][-1] == "1、开展劳动竞赛。"


def test_marked_formats_are_believed_about_headings() -> None:
    text = "年度工作总结\n\n组织建设\n\n春节慰问困难职工150户\n\n新建工会组织二十家。\n\n第一季度\t120\t80.5"
    report = parse(Source(text=text, heading_hints={0: 0, 2: 1}))
    (article,) = report.articles
    assert [s.heading for s in article.sections] == ["组织建设"]
    assert [p.text for p in article.paragraphs] == [
        "春节慰问困难职工150户", "新建工会组织二十家。", "第一季度\t120\t80.5"]


def test_numbered_headlines_set_flush_left_under_indented_paragraphs_head_sections() -> None:
    heads = ["一、宗  旨:", "二、對  象:", "三、申請手續:", "四、經  費:"]
    texts = ["為照顧會員生活,增進會員福利,本會特訂定這項辦法。",
             "凡入會滿一年並按時繳納會費的會員,皆可依本辦法提出申請。",
             "填寫申請表一份,附上相關證明文件,送交本會辦理。",
             "所需款項由本會年度預算中的福利費項下支出。"]
    page = "會員福利辦法\n\n" + "".join(f"{h}\n  {t}\n" for h, t in zip(heads, texts, strict=True))
    (article,) = _parse(page).articles
    assert [s.heading for s in article.sections] == heads
    assert [p.text for p in article.paragraphs] == texts


def test_an_indented_headline_over_unindented_numbered_items_heads_them() -> None:
    intro = ["\u3000\u3000公司历来重视职工文体活动，把它作为企业文化建设的重要内容，",
             "每年都安排专项经费。现将今年的文体活动情况总结如下："]
    items = ["1、领导高度重视。公司领导大力支持群众性文体活动，重大活动亲自参加。",
             "2、组织机构健全。公司组建了羽毛球、乒乓球、登山等八个文体协会。"]
    head = "一、领导重视，组织完善，经费落实。"
    text = "\n".join([*intro, f"\u3000\u3000{head}", *items,
                     "\u3000\u3000全年共举办各类文体活动二十余场，参与职工一千二百人次。"])
    report = _parse(text)
    assert [s.heading for a in report.articles for s in a.sections if s.heading] == [
        head, "1、领导高度重视。", "2、组织机构健全。"]


def test_indented_hard_wrapped_pdf_text() -> None:
    text = ("\u3000\u3000全年新建基层工会组织356个，新发展会员2.3万人，推动快递、\n"
            "外卖、网约车等重点行业集中入会，头部企业建会率达到96.5%，基\n"
            "层组织覆盖面持续扩大。\n"
            "\u3000\u3000各级工会筹集帮扶资金1286万元，走访慰问困难职工3.2万人\n"
            "次，为860名困难职工子女发放助学金。\n")
    paragraphs = [p.text for p in _parse(text).paragraphs]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("全年新建") and paragraphs[0].endswith("持续扩大。")
    assert paragraphs[1].endswith("发放助学金。")


def test_headlines_of_equal_length_are_not_a_wrap_width() -> None:
    heads = ["一、强化思想政治引领工作", "二、持续扩大工会组织覆盖", "三、深入开展职工帮扶救助",
             "四、依法维护职工合法权益", "五、广泛开展技能竞赛活动", "六、加强工会自身建设工作"]
    body = "全县各级工会围绕这项任务扎实推进各项工作，取得了新的成效，职工群众的满意度进一步提高。"
    text = "某县总工会2022年工作总结\n" + "\n".join(f"{h}\n{body[:-1]}{i}。" for i, h in enumerate(heads))
    (article,) = _parse(text).articles
    assert article.title == "某县总工会2022年工作总结"
    assert [s.heading for s in article.sections] == heads


def test_a_two_page_header_is_furniture_and_the_title_stays() -> None:
    text = ("某市总工会2023年工作报告\n\n今年以来，全市各级工会围绕中心工作，组织开展各类职工技能竞赛，"
            "培育市级技\n\n- 1 -\n\n某市总工会2023年工作报告\n\n术能手150名，职工队伍素质稳步提高。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "某市总工会2023年工作报告"
    (paragraph,) = report.paragraphs
    assert "培育市级技术能手150名" in paragraph.text
    assert "某市总工会2023年工作报告" in report.dropped


def test_a_report_on_one_line_is_split_at_its_numbered_parts() -> None:
    parts = ["一、坚持政治引领。全年开展职工思想政治教育活动一百二十场，覆盖职工三万人，职工群众的政治认同进一步增强。",
             "二、扩大组织覆盖。全年新发展货车司机会员三千二百名，新建基层工会组织八十六家，建会率达到百分之九十三。",
             "三、依法维护职工权益。法律援助中心受理职工来访一千二百四十件次，调解劳动争议三百八十起，追回欠薪两千六百万元。",
             "四、提升职工技能素质。举办职工技能大赛四十五场，参赛职工一万八千人次，评选技术能手一百二十名。"]
    extra = "各级工会把这项工作作为服务职工的重要抓手，层层压实责任，确保取得实效。"
    parts = [p + extra for p in parts]
    text = "某市总工会2023年工作报告 " + "".join(parts)
    report = _parse(text)
    assert report.articles[0].title == "某市总工会2023年工作报告"
    # Each numbered part's opening phrase heads its section; the rest is its paragraph.
    sections = report.articles[0].sections
    assert [s.heading for s in sections] == [p[:p.index("。") + 1] for p in parts]
    assert [s.level for s in sections] == [1, 1, 1, 1]
    assert [[q.text for q in s.paragraphs] for s in sections] == [
        [p[p.index("。") + 1:]] for p in parts]
    assert _accounted(report) == _chars(text)


def test_a_numbered_headline_opening_a_paragraph_heads_a_section() -> None:
    text = ("某区总工会2023年工作总结\n\n一、组织建设\n\n（一）建会入会。全年新建基层工会42家，"
            "发展会员3000名。\n\n（二）职工之家。新建职工之家15个。\n\n二、帮扶救助\n\n"
            "走访困难职工120户。\n\n1.思想研判机制。坚持每季度分析职工思想动态。\n")
    report = _parse(text)
    sections = report.articles[0].sections
    assert [(s.heading, s.level) for s in sections] == [
        ("一、组织建设", 1), ("（一）建会入会。", 2), ("（二）职工之家。", 2), ("二、帮扶救助", 1),
        ("1.思想研判机制。", 3)]
    assert sections[1].paragraphs[0].text == "全年新建基层工会42家，发展会员3000名。"
    assert text[sections[1].offset:].startswith("（一）建会入会。")
    assert text[sections[1].paragraphs[0].offset:].startswith("全年新建")
    assert [p.text for p in sections[3].paragraphs] == ["走访困难职工120户。"]
    assert _accounted(report) == _chars(text)


def test_a_news_opener_starts_a_paragraph_in_indented_text() -> None:
    text = ("\u3000\u3000区总工会今年在城区建成爱心驿站二十个，为户外劳动者提供休息场所。\n"
            "驿站配备饮水机、微波炉和急救药箱。\n"
            "\u3000\u3000区总工会负责人表示，将继续扩大驿站覆盖面。\n"
            "本报讯（记者 周军）日前，区总工会举办职工技能大赛，八百名职工参赛。\n")
    paragraphs = [p.text for p in _parse(text).paragraphs]
    assert len(paragraphs) == 3 and paragraphs[-1].startswith("本报讯")


def test_tables_pasted_as_text_are_rows_not_menus_or_headlines() -> None:
    text = ("区总工会举办职工技能比武，各项目情况如下：\n\n"
            "项目名称            参赛人数    获奖人数    奖励金额（元）\n"
            "数控车工技能比武      126          18          32000\n"
            "电工技能比武          98           12          24000\n\n"
            "岗位类别\t人数\t增幅\n生产一线\t1260\t6.2%\n\n"
            "调查显示，一线职工收入增幅高于管理岗位。\n")
    report = _parse(text)
    (article,) = report.articles
    paragraphs = [p.text for p in article.paragraphs]
    assert report.dropped == ()
    assert [s.heading for s in article.sections] == [None]
    assert len(paragraphs) == 7
    assert paragraphs[1].startswith("项目名称") and paragraphs[-1].startswith("调查显示")
    assert [p.kind for p in article.paragraphs] == ["text", *["table"] * 5, "text"]
    assert report.to_dict()["articles"][0]["sections"][0]["paragraphs"][1]["kind"] == "table"


def test_an_article_number_alone_on_its_line_opens_the_articles_paragraph() -> None:
    text = ("第一章 总则\n\n第二条：\n\n公司工会在公司党委领导下，依照《工会法》独立自主地开展工作。\n\n"
            "第三条：\n\n公司工会代表和维护职工的合法权益。\n\n主要做了以下工作：\n\n"
            "一是完善职工代表大会制度。\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert texts[:2] == ["第二条：公司工会在公司党委领导下，依照《工会法》独立自主地开展工作。",
                         "第三条：公司工会代表和维护职工的合法权益。"]
    # Any other line ending on a colon still ends its paragraph.
    assert "主要做了以下工作：" in texts


def test_a_sentence_cut_by_a_page_number_is_not_a_headline() -> None:
    text = ("区总工会今年组织职工疗休养八百人次。\n\n下一步，区总工会将扩大疗休养覆盖面，争取\n\n- 3 -\n\n"
            "每年安排不少于2000名职工参加疗休养，确保服务质量。\n")
    report = _parse(text)
    assert [s.heading for s in report.articles[0].sections] == [None]
    assert report.paragraphs[-1].text.startswith("下一步") and "争取每年" in report.paragraphs[-1].text


def test_a_title_on_two_lines() -> None:
    text = "关于全市新就业形态劳动者\n权益保障工作情况的调研报告\n\n为深入了解新就业形态劳动者权益保障情况，市总工会开展了专题调研。\n"
    (article,) = _parse(text).articles
    assert article.title == "关于全市新就业形态劳动者权益保障工作情况的调研报告"
    assert [s.heading for s in article.sections] == [None]


def test_a_news_item_headline_starts_an_article() -> None:
    # Two items of an e-paper page, each a few paragraphs long. (A one-paragraph item
    # at the foot of a page is read, as on most web pages, as a related-news link.)
    text = ("技能大赛搭台 工匠人才出彩\n——市总工会举办职工技能大赛\n□本报记者 王磊\n\n"
            "本报讯 日前，由市总工会主办的全市职工职业技能大赛落下帷幕，大赛设电工、焊工、数控车工等十二个工种。\n\n"
            "全市八百名职工参加了本届技能大赛，决出各工种冠军二十名。\n\n"
            "市总工会有关负责人表示，将推荐获奖选手参加省级比赛，并按规定申报技术等级。\n\n"
            "农民工欠薪案件快速办结\n本报讯（通讯员 孙涛）近日，东湖区总工会协调办结一起欠薪案件，为三十名农民工追回工资。\n\n"
            "据了解，该区总工会今年已受理欠薪投诉十五件，涉及金额一百二十万元。\n")
    report = _parse(text)
    assert [a.title for a in report.articles] == ["技能大赛搭台 工匠人才出彩", "农民工欠薪案件快速办结"]
    assert [len(a.paragraphs) for a in report.articles] == [3, 2]
    assert report.dropped == ()


def test_notes_and_footnotes_are_set_aside() -> None:
    text = ("二、主要做法\n\n全年走访慰问困难职工一千二百户次，发放慰问金九十万元。\n\n"
            "注：①户次含重复慰问的对象。\n[1]见《关于加强困难职工帮扶工作的意见》。\n")
    report = _parse(text)
    assert len(report.paragraphs) == 1
    assert report.dropped[-2:] == ("注：①户次含重复慰问的对象。", "[1]见《关于加强困难职工帮扶工作的意见》。")


def test_a_wrapped_line_cut_short_by_a_number_is_not_a_headline() -> None:
    # The wrap left 会员 short of the width because 12800 could not be split; no indents.
    text = ("一、扩大工会覆盖面\n"
            "全年新建基层工会组织73家，发展会员\n"
            "12800余名，在快递物流园区集中的片区建\n"
            "立区域性联合工会5个，覆盖小微企业近400\n"
            "家，新就业形态劳动者入会人数明显增长。\n"
            "二、做实困难职工帮扶\n"
            "全年走访慰问困难职工3100余户，发放慰问\n"
            "资金520万元，为因病致困职工办理医疗救\n"
            "助和临时救助共计640人次，帮助困难职工\n"
            "子女申领助学金。\n")
    report = parse(Source(text=text))
    sections = report.articles[0].sections
    assert [s.heading for s in sections] == ["一、扩大工会覆盖面", "二、做实困难职工帮扶"]
    assert sections[0].paragraphs[0].text.startswith("全年新建基层工会组织73家，发展会员12800余名")


def test_news_dateline_and_closing_reporter_join_the_byline() -> None:
    text = ("某区总工会为外卖骑手建成暖心驿站\n\n"
            "本报讯（记者 周敏 通讯员 陈强）近日，某区总工会在商圈建成暖心驿站6个，"
            "为外卖骑手提供饮水、充电和休息服务。\n\n"
            "驿站由区总工会与商圈物业共同管理，每天开放14个小时。\n\n"
            "（本报记者 周敏）\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.byline == "本报讯（记者 周敏 通讯员 陈强）\n（本报记者 周敏）"
    first = article.paragraphs[0]
    assert first.text.startswith("近日，某区总工会") and first.lead_in is None
    assert text[first.offset:first.offset + 5] == "近日，某区"
    assert [s.heading for s in article.sections] == [None]
    assert _accounted(report) == _chars(text)


def test_a_speechs_salutation_and_thanks_are_set_aside() -> None:
    text = ("在全区工会工作会议上的讲话\n\n同志们：\n\n"
            "过去一年，全区各级工会围绕中心、服务大局，各项工作取得新进展。\n\n"
            "新的一年，我们要把服务职工的各项工作抓实抓细。\n\n谢谢大家！\n")
    report = _parse(text)
    assert "同志们：" in report.dropped and "谢谢大家！" in report.dropped
    assert [p.text[:4] for p in report.paragraphs] == ["过去一年", "新的一年"]


def test_a_line_broken_inside_a_word_is_not_a_headline() -> None:
    text = ("区总工会建成暖心驿站\n\n"
            "今年以来，东城区总工会在商圈、物流园区新建户外劳动者服务站\n"
            "点26个，为快递员、外卖员提供歇脚、饮水和充电服务。\n")
    (article,) = _parse(text).articles
    assert article.title == "区总工会建成暖心驿站"
    assert [s.heading for s in article.sections] == [None]
    assert article.paragraphs[0].text.startswith("今年以来，") and "服务站点26个" in \
        article.paragraphs[0].text


def test_report_formalities_are_set_aside() -> None:
    text = ("关于2023年职工帮扶工作的报告\n\n市总工会：\n\n"
            "全年建档困难职工1032户，发放帮扶资金920万元。\n\n特此报告。\n\n"
            "撰稿：机关工会办公室　审核：王海\n\n相关链接：全国总工会 | 省人力资源和社会保障厅\n")
    report = _parse(text)
    assert [p.text[:4] for p in report.paragraphs] == ["全年建档"]
    for line in ("市总工会：", "特此报告。", "撰稿：机关工会办公室　审核：王海"):
        assert line in report.dropped


def test_a_sign_off_before_the_attachments_is_the_byline() -> None:
    text = ("关于2023年度职工帮扶工作的报告\n\n市总工会：\n\n"
            "全年建档困难职工426户，发放帮扶资金221万元。\n\n特此报告。\n\n"
            "附件：1.帮扶资金使用情况表\n2.解困脱困职工名单（略）\n\n"
            "××县总工会\n2024年1月15日\n\n附件1\n\n帮扶资金使用情况表\n\n"
            "项目\t户数\t金额（万元）\n生活救助\t426\t142.3\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.byline == "××县总工会\n2024年1月15日"
    # The attachment's table is a section of its own, never part of the sign-off; its title
    # heads it or, read as furniture after 附件1, is set aside.
    *body, attachment = article.sections
    assert [s.heading for s in body] == [None]
    assert [p.text for p in attachment.paragraphs] == ["项目\t户数\t金额（万元）", "生活救助\t426\t142.3"]
    assert attachment.heading == "帮扶资金使用情况表" or "帮扶资金使用情况表" in report.dropped
    assert {"附件：1.帮扶资金使用情况表", "2.解困脱困职工名单（略）", "附件1"} <= set(report.dropped)
    assert _accounted(report) == _chars(text)


def test_parse_reads_a_traditional_page_as_analysis_does() -> None:
    from unionnlp import analyze
    from unionnlp.convert import is_traditional
    from unionnlp.twins import load_twins

    twins = [t for t in load_twins("train") if t.kind == "traditional"
             and is_traditional(normalize(t.text))]
    assert twins
    for twin in twins[:8]:
        alone, whole = parse(Source(twin.text)), analyze(twin.text)
        assert [a.title for a in alone.articles] == [a.title for a in whole.articles]
        assert [(p.offset, p.text) for p in alone.paragraphs] == \
            [(p.offset, p.text) for p in whole.paragraphs]


def test_a_table_of_contents_heads_no_sections() -> None:
    toc = ["第一部分 某县总工会概况", "（一）主要职责", "（二）部门决算单位构成",
           "第二部分 2024年度部门决算表", "（一）收入支出决算总表", "（二）收入决算表",
           "第三部分 2024年度部门决算情况说明"]
    body = ("（一）收入支出决算总体情况说明\n\n"
            "2024年度收入、支出总计均为357.21万元，与上年相比各减少17.84万元，"
            "主要是会议费和培训费压减。\n")
    report = _parse("某县总工会2024年度部门决算\n\n" + "\n\n".join(toc) + "\n\n" + body)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert headings == ["（一）收入支出决算总体情况说明"]
    assert all(line in report.dropped for line in toc)
    # Three headlines in a row are an outline, not a table of contents.
    outline = _parse("一、总体要求\n\n（一）指导思想\n\n1. 坚持党的领导\n\n全面贯彻工会十八大精神。")
    assert [s.heading for a in outline.articles for s in a.sections if s.heading] == [
        "一、总体要求", "（一）指导思想", "1. 坚持党的领导"]


def test_the_items_of_a_list_a_line_announces_are_text_not_contents() -> None:
    # A union's membership page: short numbered items without full stops under a line
    # ending in a colon. They are what the page says, not a table of contents to drop.
    items = ["  1. 本人到工會填寫入會申請書(不得委託他人代辦)", "  2. 兩吋半身照片兩張",
             "  3. 身分證影本一份", "  4. 切結書一份", "  5. 任職公司的在職證明(需正本)",
             "  6. 眷屬隨同加保者請攜帶戶口名簿"]
    text = "入會須知\n首頁>加入工會>入會須知\n\n入會辦法:\n\n" + "\n".join(items) + \
        "\n\n費用:\n\n  1. 入會費500元\n  2. 每月會費150元\n"
    report = _parse(text)
    kept = [p.text for p in report.paragraphs]
    assert [item.strip() for item in items] == kept[:6]
    # The labels over the items head them (tests/test_labelheads.py).
    assert [s.heading for a in report.articles for s in a.sections] == ["入會辦法:", "費用:"]
    # The breadcrumb is furniture; so, to the labeller, is the short line over it (24 of
    # the 25 such lines of the train twins are furniture), here the page's title, which
    # the breadcrumb repeats.
    assert report.dropped[-1] == "首頁>加入工會>入會須知"
    assert set(report.dropped) <= {"入會須知", "首頁>加入工會>入會須知"}


def test_a_list_with_notes_and_bullets_under_its_items_is_text_not_contents() -> None:
    # The same page's fees: numbered items, a note in brackets under one, and bullets
    # under another, all without full stops. The list is what the page says.
    fees = ["  1. 首次入會費合計500元", "  2. 常年會費每月150元", "  3. 勞健保費依投保薪資計算後繳納",
            "  4. 繳費方式:季繳、半年繳、年繳三種", "    (新入會者應繳清當季費用)", "  5. 繳費管道:",
            "    ‧ 郵政劃撥單", "    ‧ ATM轉帳", "  6. 團體保險:半年繳或年繳", "  7. 意外險:每年繳交"]
    report = _parse("入會須知\n\n費用:\n\n" + "\n".join(fees) + "\n")
    kept = "".join(s.heading or "" for a in report.articles for s in a.sections) + \
        "".join(p.text for p in report.paragraphs)
    assert all(line.strip().split(":")[-1] in kept for line in fees)
    assert report.dropped == ()
    # Under a line announcing contents, the same run is a table of contents.
    contents = ["一、總則", "二、會員", "三、組織", "四、經費", "五、附則"]
    toc = _parse("工會章程\n\n目錄:\n" + "\n".join(contents) + "\n\n一、總則\n\n本會依工會法組織之。\n")
    assert all(line in toc.dropped for line in contents[:4])


def test_a_list_of_sentences_one_per_line_is_text_not_contents() -> None:
    # A federation's page of its tasks: a headline, then one numbered sentence per line,
    # each ending in a full stop. No table of contents ends its lines so: they are items
    # of text, under a headline that stays one.
    tasks = ["一、協助各會員工會推動會務與業務。", "二、辦理勞工教育、職業訓練及福利事項。",
             "三、研究勞動法令並向政府提出建言。", "四、舉辦勞工安全衛生的宣導與訓練。",
             "五、調處會員工會的勞資爭議。", "六、其他依法令應辦理的事項。"]
    text = "工會簡介\n\n本會任務\n" + "\n".join(tasks) + "\n\n會址\n台北市某路1號\n"
    kinds = {x.view: x.kind for x in split_lines(text)}
    assert kinds["本會任務"] == "headline"
    assert [kinds[t] for t in tasks] == ["body"] * len(tasks)
    assert not set(tasks) & set(_parse(text).dropped)
    # Headlines without full stops in a row, as a contents lists them, are dropped still.
    contents = [t.rstrip("。") for t in tasks]
    toc = split_lines("本會章程\n" + "\n".join(contents) + "\n\n第一章 總則\n本會依工會法組織之。\n")
    assert [x.kind for x in toc if x.view in contents[:5]] == ["furniture"] * 5


def test_a_headline_of_a_flattened_report_ends_at_the_gap_its_line_break_left() -> None:
    # A PDF pasted as one line: each headline's line break became a space.
    line = "一、强化领导，深化认识，厘清思路，健全措施 做好帮扶解困工作，是工会践行职责的重要内容。"
    assert line[:inline_heading(line)] == "一、强化领导，深化认识，厘清思路，健全措施 "
    text = ("关于工会帮扶工作的总结 今年以来，我们扎实开展帮扶工作，现总结如下。" + line +
            "二、健全组织体系，稳固工作阵地 遵循先组建后完善的思路，全年新建工会42家，发展会员3000名。"
            "三、用心解决职工的实际困难。全年走访慰问困难职工300户，发放慰问金36万元。")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert headings == ["一、强化领导，深化认识，厘清思路，健全措施", "二、健全组织体系，稳固工作阵地",
                        "三、用心解决职工的实际困难。"]
    # A gap beside a figure or a Latin word is a flattened page's spacing, not a line break.
    assert inline_heading("1、全年新建工会 42 家，发展会员三千名，建会率达到百分之九十五。") == 0
    assert inline_heading("2、下载 PDF 版的文件后，请用阅读器打开查看全部内容。") == 0
    # A gap after a clause mark is a wrap inside a sentence.
    assert inline_heading("一、希望工会遵照上级要求，早日熟悉业务，积极主动、 奋发进取，依法依规地开展工作。") == 0


def test_the_title_above_a_run_of_short_lines_is_not_taken_for_contents() -> None:
    # An association's rules: the title, then the dates of each revision, one per line,
    # then the articles. The run of short lines is no table of contents to drop whole:
    # its first line is the document's title.
    text = ("工會會員代表大會組織規則\n85.01.12第一屆理監事第五次聯席會議通過\n"
            "85.04.13第一屆理監事第六次聯席會議修正\n101.3.23.第六屆理監事第八次聯席會議修正\n"
            "101.10.19.第六屆臨時會員代表大會第一次會議修正\n104.8.21.第七屆會員代表大會第二次會議修正\n"
            "第 一 條:本規則係根據工會法、本會章程以及其他相關法令的規定而訂定。\n"
            "第 二 條:各區依實際會員人數的比例選出代表,組成會員代表大會。\n")
    report = _parse(text)
    assert report.articles[0].title == "工會會員代表大會組織規則"
    assert "工會會員代表大會組織規則" not in report.dropped


def test_a_flattened_report_is_cut_before_its_numbered_parts() -> None:
    text = ("某市总工会劳模创新工作室建设方案为发挥劳模示范带动作用，市总工会制定本方案。"
            "一、工作目标到2025年底建成市级劳模创新工作室30个。二、组织架构1. 领导小组由总工会"
            "主席任组长，相关部室负责人为成员。2. 专家团队由各行业技术专家组成，为工作室提供指导。"
            "三、保障措施（一）经费保障市总工会每年安排专项资金100万元。")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert "二、组织架构" in headings and "三、保障措施" in headings
    assert all(not h.startswith("二、组织架构1") for h in headings)


def test_a_regulation_flattened_to_one_line_keeps_its_articles_as_paragraphs() -> None:
    text = ("某市工会劳动法律监督条例\n"
            "第一条为维护劳动者的合法权益，推动构建和谐劳动关系，制定本条例。"
            "第二条凡在本市行政区域内开展的工会劳动法律监督，均适用本条例。"
            "第三条本条例所称工会劳动法律监督，是指工会对用人单位遵守劳动法律法规的情况"
            "开展的群众性监督。第四条市、区两级总工会负责组织、指导和协调本行政区域的监督工作。\n")
    paragraphs = [p.text for p in _parse(text).paragraphs]
    assert [p[:3] for p in paragraphs] == ["第一条", "第二条", "第三条", "第四条"]
    assert not any(s.heading for a in _parse(text).articles for s in a.sections)
    # An article cited inside a sentence is no new paragraph.
    cited = ("第五条工会发现用人单位违反劳动法律法规的，依照本条例第二条、第三条的规定提出意见，"
             "用人单位应当在十五日内研究处理并书面答复工会，逾期不答复的由工会报请有关部门处理，"
             "有关部门应当及时处理并反馈。")
    assert len(_parse("条例\n" + cited + "\n").paragraphs) == 1


def test_a_numbered_part_after_a_full_stop_inside_a_wrapped_line_starts_there() -> None:
    # A hard-wrapped PDF: the next part's number follows a full stop on the same line.
    text = ("一、组织建设\n1、攻克工会组建的重点和难点。全年新建工会42家，发展会员3000名，打下了\n"
            "牢固的组织根底。2、推进联合职工之家建设走向深入。依照全总关于职工之家建设的\n"
            "要求，全年新建联合职工之家12个。\n")
    sections = _parse(text).articles[0].sections
    assert [s.heading for s in sections if s.heading][-1] == "2、推进联合职工之家建设走向深入。"
    assert sections[-1].paragraphs[0].text.startswith("依照全总关于")
    # Items after a semicolon are a list within the sentence.
    listed = "二、经费保障\n全年安排经费：1、帮扶资金36万元；2、培训经费12万元；3、其他8万元。\n"
    assert [s.heading for s in _parse(listed).articles[0].sections if s.heading] == ["二、经费保障"]


def test_a_numbered_part_announced_by_ru_xia_starts_after_the_colon() -> None:
    # ……方案如下：一、…… on one line, in a wrapped page and in a page flattened to one line.
    wrapped = ("关于开展送温暖活动的方案\n为做好两节期间的送温暖工作，现拟定实施方案如下：一、活动时间\n"
               "活动从元旦开始，到1月底结束，市总工会抽调机关干部走访慰问困难职工。\n")
    flat = ("关于开展送温暖活动的方案为做好两节期间的送温暖工作，经研究，现拟定实施方案如下："
            "一、活动时间。活动从元旦开始，到1月底结束，市总工会抽调机关干部走访困难职工。"
            "二、活动内容。走访慰问困难职工家庭320户，发放慰问金和慰问品合计96万元。\n")
    for text in (wrapped, flat):
        headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
        assert headings[0].startswith("一、活动时间"), text
    # A colon that announces nothing keeps its list in the sentence.
    listed = "二、经费保障\n全年安排经费：1、帮扶资金36万元。2、培训经费12万元。\n"
    assert "全年安排经费：1、帮扶资金36万元。" in [p.text for p in _parse(listed).paragraphs]


def test_a_template_numbered_with_x_has_its_headlines() -> None:
    # An anonymised copy: the numbers became X, as the names did.
    text = ("X镇总工会2023年工作总结\n一、主要工作\nX.组织建设。抓好工会组建和基层工会规范化建设，"
            "全年新建工会X家。\nX.慰问与帮扶。会同民政部门开展两节走访慰问，合计慰问X户。\n")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert headings == ["一、主要工作", "X.组织建设。", "X.慰问与帮扶。"]


def test_a_longer_numbered_headline_opens_its_paragraph() -> None:
    line = ("（四）擦亮工会“帮扶”品牌，为职工和农民工解难事、办实事、做好事。"
            "春节前后走访慰问困难职工和农民工1200户，发放慰问金86万元。")
    assert line[:inline_heading(line)] == "（四）擦亮工会“帮扶”品牌，为职工和农民工解难事、办实事、做好事。"
    article = _parse("一、帮扶工作\n\n" + line).articles[0]
    assert [s.heading for s in article.sections][-1].startswith("（四）擦亮工会")
    assert article.paragraphs[-1].text.startswith("春节前后走访慰问")
    # A sentence of results with three commas is a paragraph, not a headline.
    statement = "1、新建工会42家，发展会员3000名，其中农民工1800名，女职工900名。其余情况另行报告。"
    assert inline_heading(statement) == 0


def test_a_numbered_headline_running_into_its_text_ends_where_the_text_opens() -> None:
    # A page flattened to one line: the headline's line break was lost, and its text opens
    # with a time or a purpose.
    line = "（一）扎实推动工会组建上半年，镇总工会按两个普遍的要求加强建会工作，新建工会42家。"
    assert line[:inline_heading(line)] == "（一）扎实推动工会组建"
    assert "一、领导重视为了做好工作，我们成立了领导小组。"[:inline_heading(
        "一、领导重视为了做好工作，我们成立了领导小组。")] == "一、领导重视"
    # Text that opens so right after the number has no headline. (A 1、 item's headline is
    # left to the head-end model: see test_headend.py.)
    for text in ("（一）今年以来，全区新建工会42家，发展会员3000名。",
                 "一、推动工会组建，上半年新建工会42家，发展会员3000名。"):
        assert inline_heading(text) == 0, text


def test_a_numbered_headline_ends_where_its_first_item_begins() -> None:
    line = "1、强化组织领导，加强自身建设一是强化组织领导、充实调整班子，给工会工作的开展以坚强保证。"
    assert line[:inline_heading(line)] == "1、强化组织领导，加强自身建设"


def test_page_chunk_numbers_of_a_document_site_are_furniture() -> None:
    text = ("1、某集团公司工会2021年工作报告2020年极不寻常。在集团党委和上级工会的坚强领导下，"
            "集团工会带领所属各级工会组织团结动员广大职工，科技股份公司工会正\n"
            "2、式迈入成立筹备阶段。面对疫情给职代会如期召开带来的挑战，集团创新会议形式，"
            "以一个主会场连线八个分会场的视频方式召开了职代会，审议通过集体合同草案，并\n"
            "3、签订了工资专项集体合同。\n")
    report = _parse(text)
    assert report.dropped.count("1、") == 1 and "2、" in report.dropped and "3、" in report.dropped
    joined = "".join(p.text for p in report.paragraphs)
    assert "正式迈入成立筹备阶段" in joined and "并签订了工资专项集体合同" in joined
    # A numbered list whose items end their sentences keeps its numbers.
    listing = _parse("1、新建基层工会十二家，发展会员三千余名，覆盖全县所有乡镇和重点园区。\n"
                     "2、开展金秋助学活动，资助困难职工子女一百二十名完成大学学业。\n")
    assert not listing.dropped


def test_a_speech_starts_its_first_paragraph_after_the_salutation_on_its_line() -> None:
    # Text copied from a speech page: the salutation and greeting run on into the text.
    text = ("在全市工会工作会议上的讲话\n\n各位代表、同志们：大家上午好！今天我们召开全市工会工作会议，"
            "总结去年工作，部署今年任务。\n\n同志们，新的一年任务艰巨、使命光荣，让我们携手奋进。\n")
    report = _parse(text)
    first, last = report.paragraphs[0], report.paragraphs[-1]
    assert first.text.startswith("今天我们召开全市工会工作会议")
    assert first.offset == text.index("今天")
    assert report.dropped == ("各位代表、同志们：大家上午好！",)
    # Mid-speech, 同志们， is part of what is said.
    assert last.text.startswith("同志们，新的一年")


def test_a_salutation_after_a_speechs_title_on_the_same_line_is_set_aside() -> None:
    # A speech page flattened: title, salutation, greeting and text on one line.
    text = ("某集团第一届工会委员会工作报告尊敬的各位领导、各位代表：下午好！受工会委员会委托，"
            "我向大会报告工会工作，请予审议。\n\n过去一年，集团工会新建基层工会12家，发展会员860名。\n")
    report = _parse(text)
    assert report.articles[0].title == "某集团第一届工会委员会工作报告"
    assert report.paragraphs[0].text.startswith("受工会委员会委托")
    assert report.paragraphs[0].offset == text.index("受工会")
    assert "尊敬的各位领导、各位代表：下午好！" in report.dropped
    # Text before the salutation that is itself said, not a title, keeps the line whole.
    said = ("我代表市总工会向各位代表、同志们：表示衷心感谢。过去一年，全市工会新建基层组织120家。\n")
    assert _parse("讲话\n\n" + said).paragraphs[0].text == said.strip()


def test_a_date_stamp_before_a_news_items_text_is_set_aside() -> None:
    text = ("市总工会走访慰问一线职工\n\ndate 2025-12-23 市总工会昨日走访慰问环卫工人等一线职工，"
            "送去慰问品和慰问金共计12万元。\n\n2025-12-23 来源：市总工会\n")
    report = _parse(text)
    assert report.paragraphs[0].text.startswith("市总工会昨日走访慰问")
    assert "date 2025-12-23" in report.dropped
    assert "2025-12-23 来源：市总工会" in report.dropped


def test_a_numbered_sentence_alone_on_its_line_heads_its_part() -> None:
    # 一、… ending in a full stop, alone on its line: a headline, commas and all; a line
    # with a second sentence, or an arabic-numbered item, is text.
    text = ("一、领导重视，组织完善，经费落实。\n学校成立工会工作领导小组，校长任组长，全年安排经费12万元。\n"
            "二、丰富活动，凝聚人心。\n全年组织教职工文体活动8次，参与教职工600人次。\n"
            "1、对教职工关心得还不够。\n")
    report = _parse(text)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert headings == ["一、领导重视，组织完善，经费落实。", "二、丰富活动，凝聚人心。"]
    assert classify("一、领导重视，组织完善，经费落实。") == ("headline", "cn")
    assert classify("三、完成上级交办的其他任务。全年无一例差错。")[0] == "body"
    assert classify("1、对教职工关心得还不够。")[0] == "body"


def test_a_document_sites_notes_on_its_documents_are_furniture() -> None:
    # A document-sharing page: its numbered notes on downloads read like a numbered list.
    notes = ["1、部分资料下载需要金币，请确保您的账户上有足够的金币", "2、已购买过的文档，再次下载不重复扣费",
             "3. 本文档由用户上传，版权归属用户，本站负责整理代发布。"]
    text = ("乡镇工会上半年工作总结\n\n今年上半年，镇工会新建基层工会12家，发展会员860名，"
            "走访慰问困难职工45户。\n\n" + "\n".join(notes) + "\n")
    report = _parse(text)
    assert all(note in report.dropped for note in notes)
    assert not [s.heading for a in report.articles for s in a.sections if s.heading]
    assert report.paragraphs[0].text.startswith("今年上半年")


@pytest.mark.parametrize("table", [
    "| 项目 | 户数 | 金额 |\n|---|---|---|\n| 帮扶困难职工 | 320户 | 96万元 |\n| 金秋助学 | 85户 | 42.5万元 |\n",
    "项目 | 户数 | 金额\n帮扶困难职工 | 320户 | 96万元\n金秋助学 | 85户 | 42.5万元\n",
    "项目｜户数｜金额\n帮扶困难职工｜320户｜96万元\n金秋助学｜85户｜42.5万元\n",
])
def test_a_table_drawn_with_bars_is_rows_not_headlines(table: str) -> None:
    text = ("今年以来，市总工会扎实开展帮扶救助工作，具体情况如下表。\n"
            f"{table}\n全年帮扶工作取得明显成效，困难职工生活得到保障。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title is None
    assert [s.heading for s in article.sections] == [None]
    rows = [p.text for p in article.paragraphs if "万元" in p.text]
    assert len(rows) == 2 and all(p.count("|") + p.count("｜") >= 2 for p in rows)
    assert {p.kind for p in article.paragraphs if "万元" in p.text} == {"table"}
    assert article.paragraphs[0].kind == article.paragraphs[-1].kind == "text"
    assert _accounted(report) == _chars(text)


def test_bars_in_menus_do_not_make_a_table() -> None:
    # Two menus one above the other: their lines hold different numbers of cells.
    text = ("政策法规 | 服务指南 | 网上入会\n| 工会概况 | 机构设置 |\n\n"
            "某市总工会召开全委会\n\n会议审议通过了市总工会年度工作报告，选举产生了新一届领导班子成员。\n")
    report = _parse(text)
    assert {"政策法规 | 服务指南 | 网上入会", "| 工会概况 | 机构设置 |"} <= set(report.dropped)
    assert not any("|" in p.text for a in report.articles for p in a.paragraphs)


@pytest.mark.parametrize("line", [
    "2024年03月08日 09:15 | 作者:林晓 | 来源:市总工会",
    "政务公开 | 办事服务 | 互动交流",
    "| 首页 | 工会动态 |",
])
def test_a_lone_line_of_bar_cells_is_furniture_to_the_rules(line: str) -> None:
    # No other line goes with it as a table's row: a menu, a footer or a source line.
    text = f"某区总工会开展送清凉活动\n{line}\n区总工会为一线职工送去防暑降温物资300余份。\n"
    kinds = {x.view: x.kind for x in split_lines(normalize(text))}
    assert kinds[line.strip()] == "furniture"
    assert kinds["区总工会为一线职工送去防暑降温物资300余份。"] == "body"


def test_di_yi_numbered_headlines_head_sections_under_the_title() -> None:
    text = ("某区总工会2023年工作总结\n"
            "第一，加强组织建设\n全年新建工会组织52家，发展会员3100人。\n"
            "第二、扎实开展帮扶\n走访慰问困难职工260户，发放慰问金78万元。\n"
            "第三.抓好技能培训\n全年培训职工5000人次。\n")
    report = _parse(text)
    (article,) = report.articles
    heads = [s.heading for s in article.sections if s.heading]
    assert heads == ["第一，加强组织建设", "第二、扎实开展帮扶", "第三.抓好技能培训"]
    assert {s.level for s in article.sections if s.heading} == {1}
    assert _accounted(report) == _chars(text)
    # Run on into their sentences, they are a speech's points: paragraphs, not sections.
    text = ("在全市工会工作会议上的讲话\n\n同志们：\n今年的工作任务很重，我讲三点意见。\n"
            "第一，要提高认识，把工会工作摆上重要位置。\n第二，要加强领导，确保各项任务落到实处。\n"
            "第三，要改进作风，多为职工办实事。\n")
    (article,) = _parse(text).articles
    assert [s.heading for s in article.sections] == [None]
    assert [p.text[:3] for p in article.paragraphs] == ["今年的", "第一，", "第二，", "第三，"]


@pytest.mark.parametrize("title", ["职工技能大赛今天开幕！", "撸起袖子加油干！全市职工技能大赛今天开幕"])
def test_a_title_with_an_exclamation_mark_is_the_title(title: str) -> None:
    text = (f"{title}\n\n今天上午，全市职工技能大赛在市体育中心开幕，来自120家企业的1500名职工参赛。\n\n"
            "比赛设焊工、电工等12个工种。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == title
    assert [p.text[:4] for p in article.paragraphs] == ["今天上午", "比赛设焊"]
    # Inside a page, such a line is text as before: only a page's first line is its title.
    report = _parse("今天上午，全市职工技能大赛在市体育中心开幕。\n\n" + text)
    assert report.articles[0].title is None


def test_a_news_items_title_under_a_breadcrumb_stays_its_title() -> None:
    # Titles that open with a union's name are what many pages' furniture opens with too:
    # the page's first headline needs more than an even chance to be set aside.
    text = ("首页 > 工会动态\n\n某市总工会召开全委会\n\n"
            "会议审议通过了市总工会年度工作报告，选举产生了新一届领导班子成员。\n\n"
            "会议部署了今年的重点任务，要求各级工会把职工群众的急难愁盼落到实处。\n")
    report = _parse(text)
    assert [a.title for a in report.articles] == ["某市总工会召开全委会"]
    assert report.dropped == ("首页 > 工会动态",)
    assert _accounted(report) == _chars(text)


#: A work report as a PDF's text extraction gives it: every line cut at the page's width,
#: no blank lines, two numbered headlines running over two lines.
WRAPPED_HEADINGS = """某区总工会2023年工作总结
今年以来，区总工会在区委和上级工会的坚强领导
下，团结带领全区广大职工群众，围绕中心、服务
大局，各项工作取得了新的成效，现将有关情况总
结如下：
二、从源头上参与，尽力维护职工合法权益，与行
政一道做好公司的发展与稳定工作。在尊重、维护
公司发展整体利益的前提下，工会积极参与企业重
大决策，全年召开职代会2次，审议通过议案12件。
三、深化对劳动竞赛重要意义的认识，让职工队伍
充分发挥主力军作用
各基层工会普遍开展岗位练兵和技术比武活动，全
区共有420家企业参与其中，覆盖职工5.6万人。
"""


def test_a_numbered_headline_wrapped_over_two_lines_is_one_headline() -> None:
    report = _parse(WRAPPED_HEADINGS)
    sections = [s for a in report.articles for s in a.sections if s.heading]
    assert [s.heading for s in sections] == [
        "二、从源头上参与，尽力维护职工合法权益，与行政一道做好公司的发展与稳定工作。",
        "三、深化对劳动竞赛重要意义的认识，让职工队伍充分发挥主力军作用"]
    # Its paragraph starts where the headline ends, on the headline's second line.
    assert sections[0].paragraphs[0].text.startswith("在尊重、维护公司发展整体利益")
    assert sections[1].paragraphs[0].text.startswith("各基层工会普遍开展")
    # The headline's pieces are where the text has them; nothing is lost.
    for s in sections:
        assert "".join(WRAPPED_HEADINGS[a:a + n] for a, n in s.spans) == s.heading
        assert s.offset == s.spans[0][0]
    assert _accounted(report) == _chars(WRAPPED_HEADINGS)


def test_a_short_numbered_headline_over_text_on_a_wrapped_page_stays_as_it_is() -> None:
    # The headline does not reach the page's width: the line under it is its text.
    text = WRAPPED_HEADINGS.replace("三、深化对劳动竞赛重要意义的认识，让职工队伍\n充分发挥主力军作用\n",
                                    "三、劳动竞赛\n")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert headings[-1] == "三、劳动竞赛"
    # Nor does a page whose lines are whole paragraphs join a headline with its text.
    whole = ("某区总工会2023年工作总结\n"
             "二、从源头上参与，尽力维护职工合法权益，与行政一道做好公司的发展与稳定工作\n"
             "在尊重、维护公司发展整体利益的前提下，工会积极参与企业重大决策。\n") * 3
    report = _parse(whole)
    assert all(s.spans == () or len(s.spans) == 1 for a in report.articles for s in a.sections)


@pytest.mark.parametrize("line", [
    "在区委坚强领导和市总工会悉心指导下，区总工会坚持围绕中心，服务大局",  # prose cut short
    "一、活动时间，地点与安排：",
    "（二）组织建设；会员发展：",
])
def test_ascii_commas_and_semicolons_read_as_the_full_width_ones(line: str) -> None:
    """A page that types ASCII marks between Chinese characters reads as one that types
    them full-width: prose cut short is no headline either way."""
    ascii_line = line.replace("，", ",").replace("；", ";")
    assert classify(ascii_line) == classify(line)
    assert classify(ascii_line)[0] == "body"


def test_lines_of_a_hard_wrapped_paragraph_are_no_table_of_contents() -> None:
    """Short lines one under the other that each break off a clause (a comma inside, no
    mark at the end) are a paragraph cut at a narrow column's width, not a contents list,
    whatever the rules say of each line alone."""
    from unionnlp.lines import breaks_off, split_lines

    rows = ["今年元旦春节期间,市总工会", "组织机关干部深入基层,走访", "慰问全市困难职工家庭和劳模",
            "代表共计320户,为他们送去", "慰问金和米面油等生活物资", "合计金额达到96万元,让困难",
            "职工过上一个温暖祥和的节日。"]
    lines = split_lines("市总工会开展送温暖活动\n" + "\n".join(rows) + "\n")
    assert [breaks_off(x.view) for x in lines[1:]] == [True, True, False, True, False, True, False]
    assert [x.kind for x in lines if x.kind == "furniture"] == []
    # A contents list of headlines is still one.
    contents = "目录\n一、组织建设\n二、帮扶救助\n三、维权工作\n四、技能培训\n五、自身建设\n一、组织建设\n全年新建工会42家。\n"
    assert [x.kind for x in split_lines(contents)][1:5] == ["furniture"] * 4
    # Commas that group a number's digits break off no clause.
    assert not breaks_off("- 致送慰問金 25,000 元")


def test_a_numbered_item_cut_inside_a_word_on_a_wrapped_page_is_text() -> None:
    # 2、有的企 / 业劳动保护……: the item's line ends inside 企业, where no headline ends.
    text = WRAPPED_HEADINGS.replace("大决策，全年召开职代会2次，审议通过议案12件。\n",
                                    "大决策，全年召开职代会2次。2、有的企\n业劳动保护措施不到位，安全事故时有发生。\n")
    report = _parse(text)
    assert "2、有的企业劳动保护措施不到位，安全事故时有发生。" in [p.text for p in report.paragraphs]
    assert not any(s.heading and s.heading.startswith("2、")
                   for a in report.articles for s in a.sections)


# A year's report copied out of a PDF (written for this test): hard-wrapped at about 26
# characters, ragged, one row short of the width ending on a comma of a list.
WRAPPED_REPORT = """区总工会2015年工作总结

2015年,区总工会在区委、区政府的坚强领导下,接受
市总工会的具体业务指导,把“三严三实”专题教育当作
契机,在组织职工、引导职工、凝聚职工、
服务职工以及维护职工权益等方面充分发挥工会
的作用,为全区经济社会发展作出了积极的贡献。

一、大力弘扬劳模精神,带领职工建功立业
全年组织开展劳动竞赛32场,参赛职工达到一万二千余
人次,评选表彰区级劳动模范和先进工作者46名,推荐
上报市级劳动模范9名,在全区营造了崇尚劳动、尊重
劳模的良好氛围。
二、扎实开展困难帮扶,切实做好送温暖工作
元旦春节期间,区总工会走访慰问困难职工家庭236户,
发放慰问金和慰问品折合人民币41.3万元,并为患
大病的职工送去医疗救助金12.6万元。
"""


def test_a_short_line_under_a_clause_cut_at_a_wrapped_pages_width_heads_no_section() -> None:
    (article,) = _parse(WRAPPED_REPORT).articles
    assert [s.heading for s in article.sections] == [
        None, "一、大力弘扬劳模精神,带领职工建功立业", "二、扎实开展困难帮扶,切实做好送温暖工作"]
    (opening,) = article.sections[0].paragraphs
    assert opening.text.endswith("凝聚职工、服务职工以及维护职工权益等方面充分发挥工会的作用,"
                                 "为全区经济社会发展作出了积极的贡献。")


def test_a_captions_last_row_on_a_wrapped_page_ends_the_caption_it_finishes() -> None:
    # A newspaper item copied out of a PDF (written for this test), its photo's caption
    # wrapped over two rows, the second one ending on the credit.
    text = ("工地上的露天电影院\n\n"
            "  夏夜,在城东一处在建的安置房项目工地上,区总工会\n"
            "组织的“送电影进工地”活动如期开场,二百多名建筑工\n"
            "人坐在板凳上观看了一部新上映的国产影片。\n"
            "  7月20日晚,工地上的建设者们吹着晚风看电影,其乐\n"
            "融融。李新民 摄\n"
            "  区总工会有关负责人介绍,今年夏天共安排放映场次\n"
            "48场,覆盖全区31个重点工地,同时为工人们送去绿\n"
            "豆汤、防暑药品和毛巾等慰问品。\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert texts[1] == "7月20日晚,工地上的建设者们吹着晚风看电影,其乐融融。李新民 摄"
    assert texts[2].startswith("区总工会有关负责人介绍")


def test_a_quote_left_open_at_a_lines_end_goes_on_where_the_next_line_closes_it() -> None:
    # A town union's congress speech (written for this test): the extraction broke a
    # paragraph inside a quotation, with a blank line, and the line after it reads like the
    # first of a new paragraph.
    text = ("在某镇第二次职工代表大会上的讲话\n\n各位代表、同志们：\n\n"
            "某镇总工会第二次职工代表大会今天在镇党委和县总工会的关心指导下开幕了。大会召开之时，"
            "全镇干部群众正在按照镇党委、镇政府提出的“\n\n"
            "争当全县‘产业强镇’排头兵”这一目标加油干，力争让全镇经济社会发展再上新台阶。"
            "到会的有镇党委、镇政府和县总工会的领导，也有镇直部门和各村、各企业的负责同志。"
            "在此，我代表镇总工会对各位领导和来宾表示热烈欢迎！\n\n"
            "过去五年，镇总工会新建基层工会二十八家，发展会员三千六百人，帮扶困难职工四百一十户。\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert len(texts) == 2
    assert "提出的“争当全县‘产业强镇’排头兵”这一目标" in texts[0]
    assert texts[1].startswith("过去五年")


def test_a_paragraph_the_labeller_opens_past_a_pages_furniture_starts_there() -> None:
    # A district union's news page (written for this test): a list of names that ends with
    # no full stop, the site's share bar, and the story's next paragraph.
    text = ("区总工会开展“义剪进工地”志愿服务\n\n"
            "今天参加志愿服务的有：区总工会副主席李卫东，职工服务中心主任何晓燕，"
            "志愿者王芳、赵磊、孙丽、周强、吴敏、郑华、冯雪、陈刚\n\n"
            "【字号 打印 留言 论坛 网摘 手机点评 纠错\n\n"
            "当天上午，志愿者们带着理发工具来到城南安置房项目工地，为一线建筑工人免费理发120余人次，"
            "并送上毛巾、香皂等生活用品。\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert len(texts) == 2
    assert texts[0].endswith("冯雪、陈刚") and texts[1].startswith("当天上午")


def test_a_paragraph_the_labeller_opens_under_another_articles_title_starts_there() -> None:
    # A district union's news page (written for this test): teasers of other stories, the
    # last one kept as text, then the story's title, its source line and its paragraphs.
    # Across a title, only a word, quote or figure cut by the page runs a paragraph on.
    text = ("首页 > 工会动态 > 基层风采\n\n"
            "●区总工会召开职工代表座谈会听取意见建议\n\n"
            "●区总工会联合区司法局为新就业形态劳动者送法\n\n"
            "区总工会为新就业形态劳动者送法上门\n"
            "来源：区总工会  2025-06-13\n\n"
            "6月12日上午，区总工会联合区司法局在职工服务中心举办法律知识讲座，邀请执业律师为"
            "80余名快递员、外卖骑手讲解劳动合同、工伤认定等法律知识，现场发放宣传资料300余份。\n\n"
            "讲座结束后，律师们还为职工提供一对一咨询，解答工资拖欠、社会保险等问题20余个。\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert "●区总工会联合区司法局为新就业形态劳动者送法" in texts
    assert any(t.startswith("6月12日上午") for t in texts)


def test_on_a_page_that_indents_its_paragraphs_an_indented_first_line_starts_one() -> None:
    # A union's news page (written for this test) that indents each paragraph's first line:
    # its summary ends with no full stop, and the story's first paragraph starts under it.
    text = ("区总工会举办职工法律知识讲座\n\n"
            "　　摘要：6月12日，区总工会联合区司法局为80余名新就业形态劳动者讲解劳动合同等法律知识\n\n"
            "　　6月12日上午，区总工会联合区司法局在职工服务中心举办法律知识讲座，\n"
            "邀请执业律师为80余名新就业形态劳动者讲解劳动合同、工伤认定等\n"
            "方面的法律知识，现场发放宣传资料300余份。\n\n"
            "　　讲座结束后，律师们还在现场为职工提供一对一咨询，解答职工关于\n"
            "工资拖欠、社会保险等方面的问题20余个。\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert len(texts) == 3
    assert texts[0].endswith("劳动合同等法律知识")
    assert texts[1].startswith("6月12日上午") and texts[1].endswith("300余份。")


def test_an_ascii_full_stop_after_a_han_character_ends_a_paragraph() -> None:
    # A Taiwan union's rules, hard-wrapped and written with ASCII marks (written for this
    # test): a row that ends on "." after a Han character ends its paragraph.
    from unionnlp.lines import ends_sentence

    text = ("某市汽車駕駛員職業工會會員子女獎學金辦法\n\n"
            "本會為鼓勵會員子女努力向學,每學年辦理獎學金申請一次,申請資格與金\n額如下.\n"
            "凡入會滿一年並按時繳納會費的會員,其子女就讀公私立學校且學業成績平\n"
            "均八十分以上者,均可提出申請,經理監事會審查通過後,於會員大會當天\n頒發.\n"
            "大專組每名頒給獎學金貳仟元整,高中(職)組每名頒給獎學金壹仟伍佰元\n"
            "整,國中組每名頒給獎學金壹仟元整.\n")
    texts = [p.text for p in _parse(text).paragraphs]
    assert [t[-3:] for t in texts] == ["如下.", "頒發.", "元整."]
    # After a digit or a Latin letter it numbers a line or ends an abbreviation.
    assert ends_sentence("獎金600元整.") and ends_sentence("告知.」")
    assert not ends_sentence("3.") and not ends_sentence("見 e.g.")


def test_a_figure_a_line_break_cut_from_its_clause_stays_in_its_paragraph() -> None:
    # The sample report (written for the README): the labeller reads 613家，…, cut from
    # 总数达到 at the page's width, as a paragraph's first line.
    from pathlib import Path

    from unionnlp.repair import figure_cut

    sample = Path(__file__).resolve().parents[1] / "examples" / "sample_report.txt"
    texts = [p.text for p in _parse(sample.read_text(encoding="utf-8")).paragraphs]
    assert any("全县基层工会总数达到613家，会员总数突破9.8万人。" in t for t in texts)
    assert figure_cut("全县基层工会总数达到", "613家，会员总数突破9.8万人。")
    assert figure_cut("馆流动图书200", "0册，宣传类和期刊杂志类")
    # A date or a list number opens a paragraph; so does any line after a sentence's end.
    assert not figure_cut("全县基层工会总数达到", "2025年，县总工会……")
    assert not figure_cut("全县基层工会总数达到", "1、建会入会")
    assert not figure_cut("会员总数突破9.8万人。", "613家企业签订了集体合同。")


def test_a_line_runs_into_the_next_where_that_closes_a_bracket_it_leaves_open() -> None:
    from unionnlp.lines import runs_into

    assert runs_into("全镇正在按照镇党委提出的“", "争当全县‘产业强镇’排头兵”这一目标加油干")
    assert runs_into("区总工会今天举办「迎新春职工联欢会", "暨年度先进集体表彰大会」，来自基层工会")
    assert runs_into("(官方范本) 依照《福建省企业", "女职工劳动保护条例》、《集体合同规定》")
    # Brackets closed on their own line, or a next line that opens its own first, do not.
    assert not runs_into("开展“安康杯”竞赛活动", "全年共有86家企业参赛。")
    assert not runs_into("他说：“", "一是抓好“两个普遍”，二是……")
    assert not runs_into("全年开展培训12期", "（共培训职工860人次）")


def test_a_numbered_item_that_fills_its_row_on_a_wrapped_page_runs_on_as_text() -> None:
    # The item's line ends between two words (保障 / 综合), at the page's width and with its
    # sentence unfinished: the next line goes on with it, though no word is cut there.
    text = WRAPPED_HEADINGS.replace(
        "结如下：\n", "结如下：\n1、各单位填写市总工会的《职工医疗互助保障\n综合参保单》一式两份，加盖公章后报送。\n")
    report = _parse(text)
    assert "1、各单位填写市总工会的《职工医疗互助保障综合参保单》一式两份，加盖公章后报送。" in [
        p.text for p in report.paragraphs]
    assert not any(s.heading and s.heading.startswith("1、")
                   for a in report.articles for s in a.sections)
    assert _accounted(report) == _chars(text)


#: A 情况说明 as a PDF's text gives it: lines cut at the page's width, ASCII marks, each
#: numbered part's headline running into its text on the same row.
WRAPPED_LEADS = """某公司工会工作情况说明

一、基本情况
工会是职工自愿结合的群众组织,代表和维护职工的合法权益,团
结职工为企业发展出力。

二、组织建设情况
(一)工会委员会的建设:抓好工会工作,首先要把委员会建设好,内
容包括委员的选举、分工以及各项制度的健全等。

近两年来,公司工会依照工会法和章程的规定,按期完成了委员会
的换届选举,明确了委员分工,并建立健全了各项工作制度。

3、参保单位填写市总工会的《职工医疗互助保障
综合参保单》一式两份,加盖公章后报送市总工会。
"""


@pytest.mark.parametrize(("first", "heading"), [
    ("(一)工会委员会的建设:", "(一)工会委员会的建设:"),  # the headline ends inside its row
    ("3、参保单位", None),  # an item, cut between two words
])
def test_a_numbered_line_the_labeller_calls_a_headline_runs_on_into_its_wrapped_text(
        first: str, heading: str | None) -> None:
    """Read as a headline alone (as the labeller may), a numbered line that fills a
    hard-wrapped row with its sentence unfinished still runs on into the next line: one
    paragraph, whose numbered headline, if any, ends where the rules end it inside the row."""
    from dataclasses import replace

    from unionnlp.convert import analysis_view
    from unionnlp.repair import page_width, repair
    from unionnlp.structure import _opening_headings, _run_on_headlines

    view = analysis_view(WRAPPED_LEADS)[0]
    width = page_width(view)
    assert width is not None
    lines = [replace(x, kind="headline") if x.view.startswith(first) else x
             for x in split_lines(WRAPPED_LEADS, view=view)]
    blocks = _run_on_headlines(repair(lines), view, width)
    block = next(b for b in blocks if b.lines[0].view.startswith(first))
    assert block.kind == "para" and len(block.lines) == 2
    cut = _opening_headings([block]).get(id(block), 0)
    assert (block.view[:cut] or None) == heading


def test_a_numbered_headline_running_into_a_hard_wrapped_paragraph_heads_a_section() -> None:
    # The headline's line holds only five characters of the text after it: the paragraph,
    # joined over its lines, tells it apart.
    text = WRAPPED_HEADINGS.replace(
        "三、深化对劳动竞赛重要意义的认识，让职工队伍\n充分发挥主力军作用\n",
        "三、坚持党的领导，把桥梁纽带作用发挥出来。我们时常掌\n握职工群众的思想动向，把意见建议及时转达给党组织，\n")
    sections = [s for a in _parse(text).articles for s in a.sections if s.heading]
    assert sections[-1].heading == "三、坚持党的领导，把桥梁纽带作用发挥出来。"
    assert sections[-1].paragraphs[0].text.startswith("我们时常掌握职工群众的思想动向")


@pytest.mark.parametrize(("line", "kind"), [
    # A part's headline of 41 to 80 characters with no sentence inside: every such line of
    # the train twins heads its part.
    ("一、深化经济技术创新活动，持续激发广大职工的创造活力，助推集团公司在全面协调可持续的轨道上发展、建功立业",
     "headline"),
    ("一、精心组织实施了本校“规范管理年”活动、政风行风民主评议以及矛盾纠纷排查化解等工作。", "headline"),
    # A sentence inside, a line that goes on, or more than 80 characters: text.
    ("一、领导重视。全年召开会议三次，研究部署工会工作，各项任务圆满完成，得到上级的充分肯定和表扬。", "body"),
    ("一、深化经济技术创新活动，持续激发广大职工的创造活力，助推集团公司在全面协调可持续的轨道上发展，", "body"),
    ("一、" + "持续激发广大职工的创造活力" * 7, "body"),
])
def test_a_long_part_headline_is_a_headline(line: str, kind: str) -> None:
    assert classify(line)[0] == kind


def test_a_numbered_part_starts_after_an_announcement_with_words_before_its_colon() -> None:
    # A notice whose line breaks were lost: 作如下通知： announces the parts as 如下： does.
    text = ("关于开展金秋助学活动的通知\n各基层工会：为帮助困难职工子女顺利入学，市总工会决定开展"
            "金秋助学活动，现就有关事项作如下通知：一、资助对象。凡参加今年高考并被录取的困难职工子女。"
            "二、资助标准。每人一次性发放助学金3000元。\n")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert headings == ["一、资助对象。", "二、资助标准。"]
    # A colon after other words announces nothing: 如下 must open the announcement.
    assert [s.heading for a in _parse(text.replace("作如下通知", "通知如今")).articles
            for s in a.sections if s.heading] == ["二、资助标准。"]


def test_an_outlines_decimal_numbering_heads_nested_sections() -> None:
    # A web article on grassroots unions (written for this test) numbered as an outline,
    # 一、 over 1.1 over 1.2.1; a list of bullets stands between two of its headlines.
    text = ("基层工会维权工作的几点思考\n\n"
            "一、维权工作面临的难题\n\n"
            "1.1 难题从何而来\n\n"
            "据某省总工会2023年的抽样调查,六成以上的基层工会在调处劳动争议时感到办法不多,"
            "原因主要有以下几条:\n\n"
            "  • 企业配合度不高:部分企业对工会介入争议设置障碍\n"
            "  • 工会干部能力不足:缺少法律知识和协商技巧\n\n"
            "1.2 构建“预防-预警-处置”一体化机制\n\n"
            "1.2.1 建立劳动关系风险预警\n\n"
            "某机械厂工会按月排查劳动关系风险点,去年提前化解苗头性问题27件。\n")
    report = _parse(text)
    sections = {s.heading: s.level for a in report.articles for s in a.sections if s.heading}
    assert sections["1.1 难题从何而来"] == sections["1.2 构建“预防-预警-处置”一体化机制"]
    assert sections["1.2.1 建立劳动关系风险预警"] > sections["1.1 难题从何而来"] \
        > sections["一、维权工作面临的难题"]
    assert not any("1.2" in x for x in report.dropped)


def test_a_news_sites_time_stamp_with_its_update_note_is_furniture() -> None:
    """A news site's date and time, with when it was updated, is set aside, not made the
    title in place of the headline above it."""
    text = ("勞動部表揚團協單位 盼強化勞資關係\n\n2019/11/15 17:33(11/15 18:06 更新)\n\n"
            "（中央社記者蘇木春台中15日電）勞動部今天表揚績優團體協約單位，盼強化勞資關係。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "勞動部表揚團協單位 盼強化勞資關係"
    assert report.dropped == ("2019/11/15 17:33(11/15 18:06 更新)",)
    assert article.byline == "（中央社記者蘇木春台中15日電）"
    assert _accounted(report) == _chars(text)


def test_big5s_small_and_vertical_punctuation_reads_as_full_width() -> None:
    """Big5 decodes its colon and comma to ︰ and ﹐: a lead-in ends at ︰ as at ：."""
    text = "工會是什麼\n\n職業缺乏保障︰僱主可隨時解僱員工﹐工友應加入工會。\n"
    (paragraph,) = _parse(text).articles[0].paragraphs
    assert paragraph.lead_in == "職業缺乏保障"



def test_a_dashed_line_that_ends_a_sentence_is_text_not_a_subtitle() -> None:
    # A Hong Kong union's news list (written for this test): each item opens with the date
    # it was posted and a dash; the items are news, not subtitles of untitled articles.
    text = ("工會新聞\n\n本會義工隊探訪長者\n\n"
            "2025.03.26 —— 本會義工隊走訪深水埗的劏房戶，向長者派發120份防疫物資包。\n\n"
            "2025.03.20 —— 本會舉辦職業安全講座，吸引逾80名工友參加。\n")
    report = _parse(text)
    assert [a.title for a in report.articles] == ["本會義工隊探訪長者"]
    assert [a.subtitle for a in report.articles] == [None]
    texts = [p.text for p in report.paragraphs]
    assert len(texts) == 2 and texts[0].endswith("120份防疫物資包。") and texts[1].endswith("逾80名工友參加。")
    # A subtitle proper stays one, even one that asks.
    titled = _parse("职工之家暖人心\n——记市总工会职工服务中心\n\n今年以来，中心接待职工咨询1200余人次。\n")
    assert titled.articles[0].subtitle == "——记市总工会职工服务中心"
    asking = _parse("快递小哥有了“娘家”\n——谁来为新就业形态劳动者撑腰？\n\n"
                    "今年以来，市总工会推动建立快递行业工会联合会，吸纳会员1200余名。\n")
    assert asking.articles[0].subtitle == "——谁来为新就业形态劳动者撑腰？"


def _empty_articles(report: Report) -> list[str | None]:
    return [a.title for a in report.articles if not a.paragraphs]


def test_a_kicker_over_the_title_is_its_subtitle_not_an_article() -> None:
    # A newspaper's web page: a kicker ending on a dash over the story's title, the date
    # and source line between (the train twins mark the kicker `subtitle`).
    text = ("首页 > 资讯 > 地方新闻\n\n"
            "全省2136个职工创新工作室竞相开展技术攻关——\n\n"
            "一线工人的“金点子”变成了“金果子”\n\n"
            "2024-05-20 09:12:06 来源：某省工人日报\n\n"
            "  一名职工钻研技术八年，攻克了一道行业难题，捧回了国家发明专利金奖；\n\n"
            "  一位劳模从“一人创新”起步，建起创新工作室，带动“全员创新”，帮企业省下设备费用2亿多元。\n\n"
            "  截至目前，全省已建成职工创新工作室2136个，累计取得革新成果1.2万项。\n\n"
            "责任编辑：王磊\n")
    report = _parse(text)
    assert _empty_articles(report) == []
    (article,) = report.articles
    assert article.title == "一线工人的“金点子”变成了“金果子”"
    assert article.subtitle == "全省2136个职工创新工作室竞相开展技术攻关——"
    assert len(article.paragraphs) == 3
    assert _accounted(report) == _chars(text)


def test_a_pages_own_title_over_the_documents_title_opens_no_article_of_its_own() -> None:
    # A document-sharing page: its own title, its date line, then the report's title and
    # the report. The twins mark both titles `title`: one title block, not an article with
    # no text.
    text = ("厂工会的工作报告\n\n"
            "2020-03-03 19:52:16 来源：范文大全 收藏 下载本文\n\n"
            "贯彻依靠方针 强化维护职能\n\n"
            "各位代表、同志们：\n\n"
            "根据《工会法》和工会章程的规定，经厂党委批准，发动机厂工会召开第十次会员代表大会。\n\n"
            "一、九届工会委员会工作回顾\n\n"
            "五年来，厂工会围绕企业改革发展稳定开展工作，把维护职工合法权益摆在突出位置。\n")
    report = _parse(text)
    assert _empty_articles(report) == []
    (article,) = report.articles
    assert article.title == "厂工会的工作报告 贯彻依靠方针 强化维护职能"
    assert [s.heading for s in article.sections] == [None, "一、九届工会委员会工作回顾"]
    assert _accounted(report) == _chars(text)


def test_a_sites_name_over_the_title_is_set_aside_and_its_sign_off_closes_the_article() -> None:
    # A sub-district union's page: its name over the story's title, and under the text its
    # name and the author's again, as a sign-off (the twins: furniture, then bylines).
    text = ("堡子里街道总工会\n"
            "东门大街服务业组建工会联合会\n"
            "7月31日上午9点半，东门大街服务业工会联合会在北关街社区会议室召开成立大会，"
            "街道总工会主席到会指导。\n"
            "东门大街上开着70多家门店，每家规模都不大，达不到单独成立工会的条件，"
            "街道总工会便牵头组建了行业工会联合会。\n"
            "堡子里街道总工会\n"
            "赵丹丹\n")
    report = _parse(text)
    assert _empty_articles(report) == []
    (article,) = report.articles
    assert article.title == "东门大街服务业组建工会联合会"
    assert article.byline == "堡子里街道总工会\n赵丹丹"
    assert report.dropped == ("堡子里街道总工会",)
    assert _accounted(report) == _chars(text)


def test_a_byline_apart_from_its_title_opens_no_article() -> None:
    # The title, share buttons, then the dateline and the reporter on lines of their own.
    text = ("网易首页 > 网易号 > 正文 申请入驻\n\n"
            "寒冬传递关爱 工会“送温暖”行动不断深入\n\n"
            "0\n分享至\n\n"
            "新华社北京1月17日电\n\n"
            "新华社记者方晴\n\n"
            "“这阵子值班任务重吗？”“天冷了千万做好防寒保暖”……前几天，北京市总工会的慰问组"
            "来到城市副中心综合交通枢纽，看望正在值守的一线职工。\n\n"
            "进入冬季后，各地各级工会扎实推进职工“送温暖”行动，把关怀送进基层一线。\n")
    report = _parse(text)
    assert _empty_articles(report) == []
    (article,) = report.articles
    assert article.title == "寒冬传递关爱 工会“送温暖”行动不断深入"
    assert article.byline is not None and "新华社记者方晴" in article.byline
    assert len(article.paragraphs) == 2
    assert _accounted(report) == _chars(text)


def test_a_reporters_credit_under_the_text_closes_the_article() -> None:
    # A credit on its own line under the last paragraph (the twins mark it `byline`).
    text = ("富阳区总工会启动面向一线职工的疗休养\n\n"
            "发布时间：2021-05-12\n\n"
            "　　为把上级文件要求落到实处，区总工会近日启动2021年一线职工免费疗休养工作。\n\n"
            "　　这一轮疗休养名额主要照顾奋战在防疫一线的职工、有毒有害工种和脏苦累险岗位上的人员。\n\n"
            "　　5月10日，由防疫前线职工和企业一线员工组成的首发团共50人，从区文化中心出发。\n\n"
            "　　下一阶段，区总工会还将分18批组织疗休养，参加职工共计820人。\n\n"
            "（何佩琳）\n\n"
            "浏览次数：874\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.byline == "（何佩琳）"
    assert len(article.paragraphs) == 4
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("date", ["104.8.21.", "中華民國104年8月21日",
                                  "104.8.21.第七屆會員代表大會第二次會議修正"])
def test_a_date_line_over_a_regulations_articles_opens_no_article(date: str) -> None:
    # A Taiwan union's rules: the Minguo date of the last amendment between the title and
    # the articles (第一條 …).
    text = ("首頁 > 法規資料 > 工會法規\n\n"
            "某某市產業總工會會員代表大會組織規則\n\n"
            "發布日期：2016-03-02　瀏覽次數：1208\n\n"
            f"{date}\n\n"
            "第一條　本規則依據工會法及本會章程之規定訂定之。\n\n"
            "第二條　會員代表大會由各分會依會員人數比例選出之代表組成。\n\n"
            "第三條　會員代表大會由理事會召集，並應函請主管機關派員列席指導。\n\n"
            "第四條　會員代表大會須有代表過半數出席始得開會，決議以出席代表過半數同意行之。\n\n"
            "第五條　本規則經會員代表大會通過後施行，修正時亦同。\n\n"
            "回上一頁　｜　列印\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "某某市產業總工會會員代表大會組織規則"
    # In the byline (as the twins mark such lines) or set aside, never an article's head.
    assert article.byline == date or date in report.dropped
    assert len(article.paragraphs) == 5
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize(("ending", "byline", "dropped"), [
    ("（记者 李溪）", "（记者 李溪）", None),
    ("（通讯员 王某 记者 张某）", "（通讯员 王某 记者 张某）", None),
    (" (記者 韓靜)", "(記者 韓靜)", None),
    ("(责任编辑：张三)", None, "(责任编辑：张三)"),
    ("（记者 李溪）【责任编辑：吴建林】", "（记者 李溪）", "【责任编辑：吴建林】"),
])
def test_a_closing_credit_at_the_last_paragraphs_end_leaves_its_text(
        ending: str, byline: str | None, dropped: str | None) -> None:
    # The reporters' credit goes to the byline (the twins mark it so on a line of its
    # own), the editor's is set aside (furniture).
    text = ("贵州开展农民工工资支付专项检查\n\n"
            "2024-01-15 10:21  来源：贵州日报\n\n"
            "　　贵州省总工会近日联合人社、住建等部门，对全省在建工程项目开展农民工工资支付情况专项检查。\n\n"
            "　　检查组逐项查验用工单位有没有和农民工签劳动合同、有没有执行最低工资规定、"
            f"有没有拖欠农民工工资。{ending}\n\n"
            "更多精彩资讯>>>\n\n猜你喜欢\n")
    report = _parse(text)
    (article,) = report.articles
    last = article.paragraphs[-1]
    assert last.text.endswith("有没有拖欠农民工工资。")
    assert text[last.offset:last.offset + len(last.text)] == last.text
    assert article.byline == byline
    assert dropped is None or dropped in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_photo_credit_or_a_credit_amid_the_text_stays_in_its_paragraph() -> None:
    text = ("某市總工會表彰優秀勞工\n\n"
            "某市總工會昨天舉行優秀勞工表揚大會，共表揚42名勞工。（記者林曉雯攝）\n\n"
            "大會之後，工會還為勞工家屬辦了一場聯誼活動，（記者 韓靜）到場採訪。\n")
    report = _parse(text)
    (article,) = report.articles
    assert [p.text for p in article.paragraphs] == [
        "某市總工會昨天舉行優秀勞工表揚大會，共表揚42名勞工。（記者林曉雯攝）",
        "大會之後，工會還為勞工家屬辦了一場聯誼活動，（記者 韓靜）到場採訪。"]
    assert not article.byline


def test_a_kicker_stands_apart_from_its_title_a_title_wrapped_at_its_dash_does_not() -> None:
    from dataclasses import replace

    from unionnlp.repair import Block
    from unionnlp.structure import _title_parts

    def parts(text: str) -> tuple[str | None, str | None]:
        lines = tuple(replace(x, kind="title") for x in split_lines(text))
        return _title_parts(Block("title", lines))[:2]

    kicker, title = "百年工运薪火相传 匠心逐梦再启征程——", "泰安高新区焊工技能大赛献礼全总成立百年"
    assert parts(f"{kicker}\n\n{title}\n") == (title, kicker)
    assert parts(f"{kicker}\n{title}\n") == (kicker + title, None)


def test_a_title_in_two_that_opens_with_a_phrase_is_not_set_aside_as_a_name() -> None:
    # 在……工會委員會 / 成立會上的致辭: a title in two, not an issuer's name over the title.
    text = ("在宏勝裝飾有限公司工會委員會\n\n成立會上的致辭\n\n（2010年9月3日）\n\n各位來賓、各位同事：\n\n"
            "今天，宏勝裝飾有限公司工會委員會正式成立了，這是公司發展歷程中的一件大事。\n\n"
            "工會成立以後，要把維護職工合法權益作為基本職責，幫助職工解決生產生活中的實際困難。\n")
    report = _parse(text)
    (article,) = report.articles
    assert "在宏勝裝飾有限公司工會委員會" not in report.dropped
    assert "在宏勝裝飾有限公司工會委員會" in f"{article.title}\n{article.byline}"
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("date", ["104.8.21.", "中華民國104年8月21日"])
def test_a_date_line_amid_a_regulations_articles_opens_no_article(date: str) -> None:
    text = ("某某市產業總工會章程\n\n"
            "第一條　本會定名為某某市產業總工會。\n\n"
            "第二條　本會以保障勞工權益，增進勞工知能，發展生產事業，改善勞工生活為宗旨。\n\n"
            f"{date}\n\n"
            "第三條　本會會址設於某某市。\n\n"
            "第四條　本會之任務如下：辦理會員福利事項；協助會員解決勞資爭議。\n\n"
            "第五條　本章程經會員代表大會通過，報請主管機關備查後施行，修正時亦同。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "某某市產業總工會章程"
    assert [p.text[:3] for p in article.paragraphs] == ["第一條", "第二條", "第三條", "第四條", "第五條"]
    assert article.byline == date or date in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_dash_line_cut_off_at_the_pages_end_is_no_subtitle_of_the_item_above() -> None:
    # A page of news items, each under a ——line; the page's stored opening ends on one.
    text = ("——迭部县委、县政府致信感谢兰州办事处\n\n"
            "日前，中共迭部县委和迭部县人民政府给中互会兰州办事处寄来一封感谢信。\n\n"
            "1月26日，迭部县遭遇5.5级地震，中互会迅速启动应急响应，部署兰州办事处开展救助。\n\n"
            "——陕西省总工会领导赴陕西省办事处调研指导\n\n"
            "3月12日，陕西省总工会党组书记来到中互会陕西省办事处，围绕职工互助保障工作开展调研。\n\n"
            "调研组一行察看了办事处的数智化平台，还看望了那里的工作人员。\n\n"
            "——黑龙江省总工\n")
    report = _parse(text)
    subtitles = [a.subtitle for a in report.articles if a.paragraphs]
    assert "——陕西省总工会领导赴陕西省办事处调研指导" in subtitles
    assert _accounted(report) == _chars(text)


def test_a_menus_item_over_the_title_is_set_aside_not_put_in_the_title() -> None:
    # A union's web page: its menu, one word a line, then the story's title.
    text = ("首页\n工会动态\n维权服务\n会员福利\n搜索\n"
            "区总工会举办新春职工联欢会 表彰先进集体\n\n"
            "区总工会今天在职工文化宫举办新春职工联欢会，来自基层工会和职工服务站点的代表共八百余人参加。\n\n"
            "大会表彰了一批成绩突出的基层工会和工会工作者，为困难职工发放慰问金一百二十万元。\n")
    report = _parse(text)
    assert _empty_articles(report) == []
    (article,) = report.articles
    assert article.title == "区总工会举办新春职工联欢会 表彰先进集体"
    assert "工会动态" in report.dropped
    assert _accounted(report) == _chars(text)


def _spans_hold_their_text(report: Report, text: str) -> None:
    """Every paragraph's spans point at the page's characters that make up its text."""
    for p in report.paragraphs:
        assert "".join(text[start:start + length] for start, length in p.spans) == p.text


def test_a_caption_printed_twice_on_one_line_keeps_one_copy() -> None:
    # A news page whose caption and photo credit were pasted twice into one line.
    caption = "近日,市总工会深入基层指导职工创新工作室建设。图为考核验收现场。市总工会供图"
    text = ("首页 > 工会新闻\n\n"
            "市总工会指导基层职工创新工作室建设\n\n"
            "来源:工人日报\n2024-05-12 09:30\n\n"
            "近日,市总工会用一个月时间走访全市42家劳模和职工创新工作室,对工作制度、"
            "创新成果和带徒传技情况逐一考核验收。\n\n"
            f"{caption}{caption}\n\n"
            "下一步,市总工会将加大指导力度,推动创新工作室提档升级。\n")
    report = parse(Source(text=text, path="t.txt"))
    assert [p.text for p in report.paragraphs].count(caption) == 1
    assert caption in report.dropped
    assert not any(caption + caption[:4] in p.text for p in report.paragraphs)
    _spans_hold_their_text(report, text)
    assert _accounted(report) == _chars(text)


def test_a_caption_printed_again_on_the_next_line_is_a_paragraph_of_its_own() -> None:
    # The same caption on two lines: neither runs on into the other, nor into the text
    # under them (a credit without brackets, ……供图, ends a paragraph).
    caption = "近日,市总工会深入基层指导职工创新工作室建设。图为考核验收现场。市总工会供图"
    text = ("市总工会指导基层职工创新工作室建设\n\n"
            "近日,市总工会用一个月时间走访全市42家劳模和职工创新工作室,对工作制度、"
            "创新成果和带徒传技情况逐一考核验收。\n\n"
            f"{caption}\n\n{caption}\n\n"
            "下一步,市总工会将加大指导力度,推动创新工作室提档升级。\n")
    report = _parse(text)
    texts = [p.text for p in report.paragraphs]
    assert texts.count(caption) == 2
    assert texts[-1].startswith("下一步")
    _spans_hold_their_text(report, text)


def test_a_line_printed_again_where_the_text_runs_on_is_set_aside() -> None:
    # A union's benefits page: a rule's note printed twice under the rule.
    note = "(同一原因于6个月内住院2次以上者,原则上最多申请2次)"
    text = ("会员福利申请办法\n\n"
            "会员本人住院达4天以上\n"
            "慰问金1200元【因生产住院者不适用】\n"
            f"{note}\n{note}\n"
            "会员本人生日\n"
            "生日礼券500元,于生日当月发放。\n")
    report = _parse(text)
    holding = [p.text for p in report.paragraphs if note in p.text]
    assert len(holding) == 1 and holding[0].count(note) == 1
    assert note in report.dropped
    _spans_hold_their_text(report, text)
    assert _accounted(report) == _chars(text)


def test_a_bar_before_a_headline_is_set_aside_and_the_numbering_read() -> None:
    # A union's web page that marks each section's headline with a bar.
    text = ("当前位置:首页 > 工会动态\n"
            "市总工会2024年工作总结\n"
            "发布时间:2025-01-10 来源:市总工会办公室\n"
            "▌一、组织建设\n"
            "全年新建基层工会86家,发展会员5200余名,其中快递员、外卖配送员等新就业形态劳动者2300人。\n"
            "▍(一)新就业形态劳动者入会\n"
            "推动快递、外卖、网约车等行业建会,新发展会员2300人。\n"
            "█ 二、帮扶救助\n"
            "帮扶困难职工1420户,发放帮扶资金830万元,资助困难职工子女312名。\n")
    report = _parse(text)
    (article,) = report.articles
    heads = [(s.heading, s.level) for s in article.sections if s.heading]
    assert heads == [("一、组织建设", 1), ("(一)新就业形态劳动者入会", 2), ("二、帮扶救助", 1)]
    for s in article.sections:
        if s.heading:
            assert text[s.offset:s.offset + len(s.heading)] == s.heading
    assert [x for x in report.dropped if x in "▌▍█"] == ["▌", "▍", "█"]
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("marks", [("(引题)", "(主题)", "(副题)"), ("【引题】", "【主题】", "【副题】")])
def test_an_e_papers_title_marks_name_kicker_title_and_subtitle(marks: tuple[str, ...]) -> None:
    kicker, title, sub = marks
    text = ("第03版:要闻\n"
            f"{kicker}聚焦新就业形态劳动者\n"
            f"{title}快递小哥有了自己的“娘家”\n"
            f"{sub}市总工会推动快递行业建会全覆盖\n"
            "本报记者 李华\n"
            "本报讯 近日,市总工会联合市邮政管理局召开快递行业建会推进会,"
            "全市86家快递企业全部建立工会,发展会员1.2万人。\n"
            "会上,市总工会为首批20个快递行业职工驿站授牌,驿站为快递员提供饮水、休息、充电等服务。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "快递小哥有了自己的“娘家”"
    assert article.subtitle == "聚焦新就业形态劳动者\n市总工会推动快递行业建会全覆盖"
    assert all(m in report.dropped for m in marks)
    assert _accounted(report) == _chars(text)


def test_a_title_mark_after_the_text_ends_the_title() -> None:
    # A news site prints the paper's original title block with its marks after the text.
    text = ("【奋进新征程 建功新时代】\n"
            "原标题:全国工会扩大组织覆盖,把职工群众吸引过来、组织起来、稳固下来——(引题)\n"
            "让工会组织建起来强起来(主题)\n"
            "中工网讯(工人日报-中工网记者王明)“2023年至2025年,平均每年新发展会员1000万人以上。”"
            "记者从全总获悉,各级工会持续推进建会入会。\n"
            "职工在哪里,工会组织就建到哪里。近年来,工会组织覆盖面不断扩大。\n")
    report = _parse(text)
    titled = [a for a in report.articles if a.title and "让工会组织建起来强起来" in a.title]
    assert len(titled) == 1
    article = titled[0]
    assert article.title is not None and article.title.endswith("让工会组织建起来强起来")
    assert article.subtitle is not None and article.subtitle.endswith("稳固下来——")
    assert "(引题)" in report.dropped and "(主题)" in report.dropped
    assert [a.title for a in report.articles if a.paragraphs] == [article.title]
    assert _accounted(report) == _chars(text)



def test_a_columns_name_in_brackets_over_the_title_is_set_aside() -> None:
    # A news site prints the series a story belongs to over the paper's title block.
    text = ("【团结奋斗开新局 喜迎工会十八大】\n"
            "原标题:全国工会持续扩大组织覆盖,把职工群众吸引过来、组织起来、稳固下来——(引题)\n"
            "让工会组织建起来强起来(主题)\n"
            "中工网讯(工人日报-中工网记者王明)“2023年至2025年,平均每年新发展新就业形态劳动者会员"
            "1000万人以上。”记者从全总获悉,各级工会持续推进建会入会。\n"
            "职工在哪里,工会组织就建到哪里。近年来,我国职工队伍结构发生深刻变化,工会组织覆盖面不断扩大。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "让工会组织建起来强起来"
    assert "【团结奋斗开新局 喜迎工会十八大】" in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_headline_in_two_lines_led_by_a_year_keeps_its_first_line() -> None:
    # A meeting report whose sections are headed by a year and a phrase over a motto.
    text = ("市总工会召开2024年工作总结及2025年工作谋划务虚会\n"
            "12月27日,市总工会召开务虚会,总结2024年工作,谋划2025年发展。机关各部门、产业工会负责人参加会议。\n"
            "2024:四维度诠释工会担当\n"
            "2024年,市总工会坚决贯彻上级部署要求,在服务大局、服务职工、服务基层、改革创新四个方面展现工会担当。\n"
            "服务职工方面,全面履行维权服务基本职责,多措并举推进解决职工群众急难愁盼问题。\n"
            "2025 工作谋划\n"
            "突出特色,统筹全局\n"
            "全市工会谋划明年工作时,要立足党政所需、职工所急、工会所能,紧扣深化改革主题推进各项工作。\n"
            "把握时间节点,将2025年工作纳入全市深化改革大局中谋划。\n"
            "2025 重点工作\n"
            "多举措开创工会新局面\n"
            "2025年,要落实全总工作部署和市委工作要求,谋划好改革创新,加大创新案例培育力度。\n")
    report = _parse(text)
    (article,) = report.articles
    heads = [s for s in article.sections if s.heading]
    assert [s.heading for s in heads] == [
        "2024:四维度诠释工会担当", "2025 工作谋划突出特色,统筹全局", "2025 重点工作多举措开创工会新局面"]
    for s in heads:
        assert "".join(text[a:a + n] for a, n in s.spans) == s.heading
    assert [len(s.paragraphs) for s in heads] == [2, 2, 1]
    assert report.dropped == ()
    assert _accounted(report) == _chars(text)


def test_a_channels_name_over_the_title_is_set_aside() -> None:
    text = ("首页 > 新闻中心\n"
            "工会动态\n"
            "区总工会举办新春职工联欢会 表彰先进集体\n"
            "发布时间:2025-01-20 来源:区总工会\n"
            "区总工会今天在职工文化宫举办新春职工联欢会,来自基层工会和职工服务站点的代表共八百余人参加。\n"
            "大会表彰了一批成绩突出的基层工会和工会工作者,为困难职工发放慰问金一百二十万元。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "区总工会举办新春职工联欢会 表彰先进集体"
    assert "工会动态" in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_sentence_that_names_a_theme_in_brackets_keeps_its_place() -> None:
    text = ("区总工会开展主题党日活动\n\n"
            "本次活动分为(主题)宣讲和现场参观两个环节,全区120名工会干部参加,大家表示收获很大。\n\n"
            "活动结束后,区总工会还组织开展了座谈交流。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "区总工会开展主题党日活动"
    assert any("(主题)宣讲" in p.text for p in report.paragraphs)
    assert "(主题)" not in report.dropped


def test_a_photo_caption_inside_a_flattened_paragraph_is_a_paragraph_of_its_own() -> None:
    """A news page flattened to one line keeps its photo's caption and credit between two
    sentences, apart by spaces: the caption leaves the text as a caption of its own."""
    text = ("區總工會:情繫職工 暖在中秋\n"
            "區工會主席陳志明率隊向堅守一線的環衛工人送上月餅等慰問品,對他們的辛勤付出表示感謝。"
            " 慰問現場。林嘉欣 攝 主辦方希望環衛工人繼續發揚不怕苦、不怕累的精神,為美化家園而努力。"
            " 據了解,本次活動共向320名環衛工人發放了640份慰問品。\n")
    report = _parse(text)
    (article,) = report.articles
    kinds = [(p.kind, p.text[:6]) for p in article.paragraphs]
    assert ("caption", "慰問現場。林") in kinds
    (caption,) = [p for p in article.paragraphs if p.kind == "caption"]
    assert caption.text == "慰問現場。林嘉欣 攝"
    assert not any("攝" in p.text for p in article.paragraphs if p.kind == "text")
    assert any(p.text.startswith("主辦方希望") for p in article.paragraphs)
    for p in article.paragraphs:  # the offsets still point at the text
        assert text[p.offset:p.offset + len(p.text)] == p.text
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("line", [
    # A caption line of its own, a sentence then the credit: the labeller's to read.
    "市總工會舉辦職工技能競賽。 林嘉欣 攝",
    # 拍攝 is no credit.
    "工會組織職工參加活動。 現場拍攝 短片86部,記錄身邊的好人好事。",
])
def test_no_caption_is_cut_from_a_line_that_holds_none_inside(line: str) -> None:
    text = f"某區工會開展活動\n\n{line}\n\n活動共吸引職工320名參加,收到作品86件。\n"
    report = _parse(text)
    assert not any(p.kind == "caption" and p.text != line for p in report.paragraphs)
    assert _accounted(report) == _chars(text)


def test_a_pages_size_note_after_its_title_is_furniture() -> None:
    """A document site prints the title with the page's length after it, then its date,
    then the title again: the note is set aside, and the title is the title once."""
    text = ("镇总工会工作情况汇报 (本页约1800+字)\n"
            "2023-05-16 08:12:40 9\n\n \n\n"
            "镇总工会工作情况汇报\n\n"
            "根据会议安排,现将我镇工会有关工作汇报如下。\n\n"
            "一、基本情况。全镇共有基层工会126个,覆盖职工1.2万余人,建会率98%。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "镇总工会工作情况汇报"
    assert "(本页约1800+字)" in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_headlines_own_word_count_is_no_page_size_note() -> None:
    # A writing template's heading counts its words: the count is the heading's.
    text = ("工作总结的写法\n\n第一段:导语(150字)\n\n"
            "导语写一年工作的总体情况,点明成绩和不足,语言要简练。\n")
    report = _parse(text)
    assert not any("字)" in d for d in report.dropped)
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize(("end", "names"), [
    # Names alone in brackets after the last sentence, apart by a space, a lost character
    # after them: a paragraph of their own once the line is cut at the gap.
    ("积极订阅本报。 (周明 李华)?", "(周明 李华)?"),
    # ... or right after it, in the paragraph.
    ("积极订阅本报。(陈涛)", "(陈涛)"),
])
def test_a_signature_of_names_alone_closing_a_news_item_joins_the_byline(end: str, names: str) -> None:
    text = ("本报讯 最近,市总工会召开报刊发行工作会议,各县工会及产业工会代表40人参加了会议。\n"
            "与会同志普遍反映,这是一张颇受基层职工欢迎的报纸。大家纷纷表示,要组织力量,"
            f"集中时间到基层检查督促,发动职工{end}\n")
    report = _parse(text)
    (article,) = report.articles
    # The bare dateline and the names make one line, as a page prints 本报讯 (记者 …).
    assert article.byline == f"本报讯 {names}"
    assert article.paragraphs[-1].text.endswith("积极订阅本报。")
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("end", ["(据新华社)", "(完)", "(市总工会)"])
def test_a_source_or_an_end_mark_in_brackets_is_no_signature_of_names(end: str) -> None:
    # Longer than a name, or one character: a source, a unit, the end of the text.
    text = ("市总工会开展送温暖活动\n\n"
            f"春节前,市总工会走访慰问困难职工320户,发放慰问金96万元。{end}\n")
    (article,) = _parse(text).articles
    assert article.byline is None
    assert article.paragraphs[-1].text.endswith(end)


@pytest.mark.parametrize("text", [
    "纪录短片《石桥村三代人:接力奋斗 书写振兴篇章》讲述全国劳模张志强等人的先进事迹,展现劳动者的使命担当。",
    "“这里就是我们的‘家’。”外卖骑手王师傅指着驿站里的沙发说,工会驿站让他们有了歇脚的地方。",
])
def test_no_lead_in_ends_inside_a_title_or_a_quotation(text: str) -> None:
    assert lead_in(text) is None
    (article,) = _parse(f"某县工会开展活动\n\n{text}\n").articles
    assert article.paragraphs[0].lead_in is None


def test_a_lead_in_that_closes_its_title_is_still_a_lead_in() -> None:
    assert lead_in("《职工之家》建设。全年新建职工之家32个,改造提升职工书屋15个。") == "《职工之家》建设"


def test_a_numbered_label_and_its_value_on_one_line_are_a_headline_and_its_text() -> None:
    """A notice's items name a label and give its value on the same line, the value cut
    short by the page (1、竞赛活动时间:2023年12月下旬至): the label heads its section, and
    the value is its text, not lost inside the headline."""
    text = ("关于开展职工知识竞赛活动的通知\n\n各分工会:\n"
            "为丰富职工文化生活,校工会决定开展职工知识竞赛活动,现将有关事项通知如下。\n"
            "1、竞赛活动时间:2023年12月下旬至\n"
            "2、竞赛内容:工会历史、职工权益维护、困难帮扶等方面的基本知识。\n"
            "3、竞赛奖项设置\n本次活动设幸运奖200个,通过抽奖的方式产生。\n")
    report = _parse(text)
    (article,) = report.articles
    heads = {s.heading: [p.text for p in s.paragraphs] for s in article.sections}
    assert heads["1、竞赛活动时间:"] == ["2023年12月下旬至"]
    assert heads["3、竞赛奖项设置"] == ["本次活动设幸运奖200个,通过抽奖的方式产生。"]
    assert _accounted(report) == _chars(text)


def test_a_parts_headline_with_a_colon_stays_whole() -> None:
    # A part's headline names its topic whole, colon and all.
    text = ("某产业工会三十年纪事\n\n第二章、在发展中壮大组织\n\n"
            "十年间,工会会员由800人增加到3200人,基层分会由6个增加到21个。\n\n"
            "第三章、在困境里争取福利:面对形势的退让\n\n"
            "去年以来,工会与资方多次协商,为会员争取到年终奖金和带薪假期。\n")
    (article,) = _parse(text).articles
    assert "第三章、在困境里争取福利:面对形势的退让" in [s.heading for s in article.sections]


@pytest.mark.parametrize("headline", [
    "一、坚持党建引领：把牢工会工作正确政治方向",
    "（一）思想引领:深入学习宣传贯彻党的二十大精神",
    "四、加強組織建設：全面提升會員服務質素",
])
def test_a_numbered_theme_and_its_elaboration_after_a_colon_stay_one_headline(headline: str) -> None:
    # A work report's headline names a theme, then says what it means after the colon (a verb
    # phrase, no figure, no stop): it is one headline, not a label and its value.
    text = ("某市总工会2023年工作报告\n\n"
            f"{headline}\n"
            "全年组织各类学习宣讲活动320场次,覆盖职工12万人次,"
            "基层工会普遍建立了学习制度。\n"
            "二、聚焦主责主业：全力维护职工合法权益\n"
            "全市签订工资专项集体合同1560份,覆盖职工28万人。\n")
    report = _parse(text)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert headline in heads
    assert "二、聚焦主责主业：全力维护职工合法权益" in heads
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("headline", [
    "二、强化服务保障：让职工群众更有获得感、幸福感、安全感",
    "（三）深化产改:推动技能、学历、职称三提升",
])
def test_a_themes_aims_listed_with_dunhao_over_text_stay_one_headline(headline: str) -> None:
    # The part after the colon lists the theme's aims with 、 and a paragraph of text
    # follows: it elaborates the headline, it is no field's value.
    text = ("某区总工会2024年工作要点\n\n"
            "一、坚持党建引领：把牢工会工作正确政治方向\n\n"
            "深入学习贯彻党的二十大精神,引导广大职工听党话、跟党走。\n\n"
            f"{headline}\n\n"
            "全年筹集送温暖资金860万元,走访慰问困难职工3200户,"
            "新建户外劳动者服务站15个。\n")
    report = _parse(text)
    heads = {s.heading: [p.text for p in s.paragraphs] for a in report.articles for s in a.sections}
    assert headline in heads
    assert heads[headline][0].startswith("全年筹集送温暖资金")
    assert _accounted(report) == _chars(text)


def test_a_themes_aims_the_labeller_reads_as_text_stay_one_headline() -> None:
    # A work plan's three themes, each over one paragraph; the labeller reads the one whose
    # elaboration lists aims with 、 as text, which would be cut at its colon.
    text = ("某县总工会2024年工作安排\n\n"
            "一、突出思想引领：筑牢职工队伍团结奋斗的思想基础\n\n"
            "组织开展劳模工匠宣讲活动,引导广大职工坚定信心、建功立业。\n\n"
            "二、做实普惠服务：让职工生活更有温度、更有质感、更有保障\n\n"
            "全年发放职工普惠卡3万张,开展送清凉活动惠及职工1.5万人次。\n\n"
            "三、深化基层建设：推动工会组织提质增效\n\n"
            "推动小三级工会规范化建设,提升基层工会组织力。\n")
    report = _parse(text)
    heads = {s.heading: [p.text for p in s.paragraphs] for a in report.articles for s in a.sections}
    headline = "二、做实普惠服务：让职工生活更有温度、更有质感、更有保障"
    assert headline in heads
    assert heads[headline][0].startswith("全年发放职工普惠卡")
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("line", [
    "1、报名时间:即日起至5月10日",
    "二、活动地点:市工人文化宫三楼多功能厅",
    "3、参加对象：全市各级工会女职工委员会主任",
])
def test_a_numbered_fields_value_is_still_the_text_under_its_label(line: str) -> None:
    # A field's label (时间/地点/对象) or a value holding a figure: the label heads.
    text = ("关于举办女职工健康知识讲座的通知\n\n各基层工会:\n"
            "为提高女职工自我保健意识,市总工会决定举办健康知识讲座,现将有关事项通知如下。\n"
            f"{line}\n"
            "请各单位按时组织人员参加,并于讲座前三天报送名单。\n")
    report = _parse(text)
    label, _, value = line.replace("：", ":").partition(":")
    heads = {s.heading: [p.text for p in s.paragraphs] for a in report.articles for s in a.sections}
    (heading,) = [h for h in heads if h and h.startswith(label)]
    assert heading == line[:len(label) + 1]
    assert heads[heading][0] == value
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize(("opening", "closing"), [("【", "】"), ("[", "]")])
def test_a_notices_field_in_square_brackets_is_no_e_paper_title_mark(opening: str,
                                                                     closing: str) -> None:
    # 【主题】 among 【地点】 fields names the event's theme; an e-paper marks its title block
    # with a mark on the line next to it too.
    field = f"{opening}主题{closing}"
    text = ("关于举办职工文艺汇演的通知\n"
            "为庆祝\"五一\"国际劳动节,丰富职工精神文化生活,决定举办职工文艺汇演。现将有关事项通知如下:\n"
            f"{field}致敬劳动者 奋进新征程\n"
            f"{opening}地点{closing}市工人文化宫大剧院\n"
            "请各单位于4月20日前将节目报送市总工会宣传部。\n"
            "市总工会\n2024年4月10日\n")
    report = _parse(text)
    assert field not in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_bar_before_an_opening_title_mark_is_set_aside_once() -> None:
    text = ("▌（引题）践行新发展理念 建功新时代\n"
            "劳模工匠进校园 薪火相传育新人(主题)\n"
            "本报记者 刘芳\n"
            "近日,市总工会组织10名全国劳模走进本市中小学,为学生们讲述奋斗故事,传承劳模精神。\n")
    report = _parse(text)
    assert report.dropped.count("▌") == 1
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("note", ["（掌声）", "(鼓掌)", "（待续）", "（待續）", "（全文完）", "(附件略)"])
def test_a_stage_direction_or_a_serials_note_in_brackets_is_no_signature(note: str) -> None:
    text = ("在市总工会全委会议上的讲话\n"
            "市总工会主席 张某某\n"
            "今天召开的市总工会全委会议,主要任务是总结2023年工会工作,部署2024年工作任务。\n"
            f"让我们更加紧密地团结起来,为谱写新篇章而努力奋斗!{note}\n")
    report = _parse(text)
    (article,) = report.articles
    assert note not in (article.byline or "")
    assert article.paragraphs[-1].text.endswith(note)
    assert _accounted(report) == _chars(text)


def test_a_template_headlines_approximate_word_count_is_its_own() -> None:
    # 约300字 says how long the part should be; only 本页/本文/全文 speaks of the page.
    text = ("年度工作总结范文模板\n第一部分：工作概述（约300字）\n"
            "简要介绍本年度工会工作的总体情况,包括主要任务和完成情况等内容。\n")
    report = _parse(text)
    heads = [s.heading for a in report.articles for s in a.sections]
    assert "第一部分：工作概述（约300字）" in heads
    assert not any("字" in d for d in report.dropped)
    assert _accounted(report) == _chars(text)


def test_a_reporters_credit_alone_on_its_line_is_the_byline_not_furniture() -> None:
    # A Taiwanese news page: the dateline alone over the story, the TV station's credit
    # in brackets under it, then the site's links (the twins mark both credits `byline`).
    text = ("首頁 > 社會 > 勞動\n\n"
            "【記者陳志明/高雄報導】\n"
            "高雄市產業總工會昨(3)日在勞工公園舉辦勞動節園遊會,上千名勞工和家屬到場同歡,"
            "市長到場致詞時表示,市府將持續推動勞動權益保障。\n"
            "總工會理事長指出,今年園遊會特別設置職業安全宣導攤位,提醒勞工注意工作安全。\n\n"
            "(民視新聞/林怡君、張家豪 高雄報導)\n\n"
            "更多新聞: 高雄勞工局公布今年職災統計\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.byline is not None
    assert "【記者陳志明/高雄報導】" in article.byline
    assert "(民視新聞/林怡君、張家豪 高雄報導)" in article.byline
    assert not any("報導" in d for d in report.dropped)
    assert [p.text[:5] for p in article.paragraphs] == ["高雄市產業", "總工會理事"]
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("credit", ["新唐人亞太電視 綜合報導", "(中天新聞/王大同 台中報導)"])
def test_a_credit_closing_the_text_joins_the_byline(credit: str) -> None:
    text = ("勞團赴勞動部抗議 要求調高基本工資\n\n"
            "全國產業總工會今日上午號召數百名勞工到勞動部前抗議,要求政府正視物價上漲,"
            "大幅調高明年基本工資,並落實同工同酬。\n"
            "勞動部官員出面接下陳情書,允諾將在審議委員會上轉達勞團訴求。\n"
            f"{credit}\n"
            "相關新聞\n-\n")
    report = _parse(text)
    assert any(credit in (a.byline or "") for a in report.articles)
    assert credit not in report.dropped


@pytest.mark.parametrize("word", ["其他報導", "即時報道"])
def test_a_menus_word_that_ends_on_report_stays_furniture(word: str) -> None:
    text = ("工聯會舉辦職業博覽會\n\n"
            "工聯會今日在九龍灣舉辦職業博覽會,提供逾二千個職位空缺,吸引大批求職者到場。\n\n"
            f"{word}\n\n"
            "工聯會促請政府加強就業支援\n")
    report = _parse(text)
    assert not any(word in (a.byline or "") for a in report.articles)


@pytest.mark.parametrize("path", ["首页/工会动态/基层报道", "专题/劳模事迹报道", "综合报道",
                                  "当前位置：首页/新闻/媒体报道"])
def test_a_sites_path_that_ends_on_report_is_no_credit(path: str) -> None:
    # A mainland union's news page: the path to the page over the title, the date stamp;
    # the path ends on 报道 but names no reporter (no name by the slash, no 记者).
    text = (f"{path}\n\n"
            "区总工会举办职工劳动技能大赛\n\n"
            "2024-05-16 来源：区总工会\n\n"
            "5月15日,区总工会在区职业技术学校举办职工劳动技能大赛,来自全区23家企业的"
            "186名职工参加了电工、焊工等6个工种的比赛。\n\n"
            "大赛决出各工种一等奖6名,获奖选手将推荐参加全市职工技能竞赛。\n")
    report = _parse(text)
    assert not any(path in (a.byline or "") for a in report.articles)
    assert _accounted(report) == _chars(text)


def test_a_date_beside_the_reporters_credit_is_the_byline() -> None:
    # A Taiwanese news site: the title, the reporter's credit, the story's date alone.
    text = ("中鋼工會發表聲明 澄清兩工會各自獨立\n"
            "台灣新聞網記者許雅雯/高雄報導\n"
            "2020.10.08\n\n"
            "對於中鋼運通公司企業工會前往市議會陳情,中鋼公司企業工會發出澄清稿,"
            "說明兩個工會是各自獨立的法人組織,請各界不要混為一談。\n"
            "返回上一頁\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.title == "中鋼工會發表聲明 澄清兩工會各自獨立"
    assert article.byline == "台灣新聞網記者許雅雯/高雄報導\n2020.10.08"
    assert "2020.10.08" not in report.dropped


def test_a_charters_amendment_dates_over_the_last_one_are_the_byline() -> None:
    # A union's rules as its site prints them: the adoption and each amendment on a line,
    # the labeller reads only the last as a byline.
    text = ("工會會員代表大會組織規則\n\n \n\n"
            "85.01.12第一屆理監事第五次聯席會議通過\n"
            "85.04.13第一屆理監事第六次聯席會議修正\n"
            "101.3.23.第六屆理監事第八次聯席會議修正\n"
            "104.8.21.第七屆會員代表大會第二次會議修正\n\n"
            "第 一 條:本規則係根據工會法及本會章程的規定而訂定。\n"
            "第 二 條:各區依會員人數的比例選出代表,組成會員代表大會。\n"
            "第 三 條:理事會負責召開代表大會,並應請主管機關派員到場指導。\n")
    report = _parse(text)
    bylines = "\n".join(a.byline or "" for a in report.articles)
    for date in ("85.01.12", "85.04.13", "101.3.23.", "104.8.21."):
        assert date in bylines
    assert not any("會議" in d for d in report.dropped)


@pytest.mark.parametrize("stamp", ["2020-10-08 14:35", "2020.10.08 來源:中央社"])
def test_a_sites_date_stamp_by_the_byline_stays_aside(stamp: str) -> None:
    text = ("中鋼工會發表聲明 澄清兩工會各自獨立\n"
            "台灣新聞網記者許雅雯/高雄報導\n"
            f"{stamp}\n\n"
            "對於中鋼運通公司企業工會前往市議會陳情,中鋼公司企業工會發出澄清稿,"
            "說明兩個工會是各自獨立的法人組織,請各界不要混為一談。\n")
    report = _parse(text)
    assert not any(stamp in (a.byline or "") for a in report.articles)


@pytest.mark.parametrize("signed_on", ["二〇一六年四月二十九日", "2016年4月29日"])
def test_an_issuer_and_a_date_set_far_right_under_a_notice_are_its_byline(signed_on: str) -> None:
    # A notice copied out of a PDF: the signature far to the right, then the attached rules.
    text = ("关于做好2016年度工会重点工作考核的通知\n"
            "各县(区)总工会,功能区工会工委:\n"
            "关于县(区)和功能区工会年度重点工作的考核办法,连同配套的考核指标体系,均已经过"
            "市总工会主席会议讨论同意,现发给你们,望切实抓好落实。\n"
            "                                                      舟山市总工会办公室\n"
            f"                                                        {signed_on}\n"
            "舟山市县(区)、功能区工会年度\n"
            "重点工作考核办法\n"
            "第一章 一般规定\n"
            "第一条 为推动全市各级工会重点工作落实,制定本办法。\n")
    report = _parse(text)
    assert report.articles[0].byline == f"舟山市总工会办公室\n{signed_on}"
    assert "舟山市总工会办公室" not in report.dropped and signed_on not in report.dropped
    assert _accounted(report) == _chars(text)


_PRINTED_TWICE = ("Skip to Content Facebook Feature Image\n\n"
                  "{title}\n\n"
                  "社會事\n\n"
                  "廣告\n\n"
                  "{title}\n\n"
                  "2021年08月30日 16:42 最後更新:16:42\n\n"
                  "香港失業率儘管回落到5%,部分行業的失業率卻仍在8%至12%之間徘徊,與此同時市面上"
                  "又有行業請不到人。工聯會職業訓練及促進就業委員會促請政府加強配對,協助失業人士"
                  "盡快重投職場。\n\n"
                  "工聯會表示,今次招聘會共有三十多間機構參與,涵蓋零售、飲食、物流及保安等行業,"
                  "並設有即場面試。\n")


def test_a_title_printed_twice_above_the_story_is_its_title() -> None:
    # A Hong Kong news site: the title in the page's head, then again over the story.
    title = "工聯會周四舉行招聘會 逾2000個職缺待聘"
    text = _PRINTED_TWICE.format(title=title)
    report = _parse(text)
    assert report.articles[0].title == title
    assert report.dropped.count(title) == 1  # the second copy stays aside
    assert _accounted(report) == _chars(text)


@pytest.mark.parametrize("item", ["• 雷暴警告生效 請市民留意", "Subscribe to our newsletter"])
def test_a_menus_item_or_foreign_words_printed_twice_are_no_title(item: str) -> None:
    report = _parse(_PRINTED_TWICE.format(title=item))
    assert all(item not in (a.title or "") for a in report.articles)


def test_a_deck_between_two_title_lines_is_the_subtitle() -> None:
    # A union's press release: its title, a deck, the title again shorter, then the text.
    deck = "老將回鍋挑大樑 經驗無縫接軌"
    text = ("老將回鍋挑大樑 投身工運30年的陳國華接任產總理事長(20240520新聞稿)\n"
            f"{deck}\n"
            "投身工運30年的陳國華接任產總理事長\n"
            "面對缺工、低薪等嚴峻挑戰,盼以社會對話凝聚勞資共識\n"
            "台灣產業總工會因理事長請辭,於今(20)日舉行臨時理事會補選理事長,"
            "由資深秘書長陳國華高票當選。\n"
            "陳國華表示,缺工、低薪是勞工往後要面對的挑戰,工會必須提早準備。\n")
    report = _parse(text)
    (article,) = report.articles
    assert article.subtitle is not None and deck in article.subtitle
    assert deck not in report.dropped
    assert _accounted(report) == _chars(text)


def test_a_copy_of_the_title_between_title_lines_stays_aside() -> None:
    from dataclasses import replace

    from unionnlp.structure import _decks_between_titles

    text = ("机械厂工会年度工作报告\n机械厂工会年度工作报告\n凝心聚力 奋勇争先\n"
            "竭诚为广大职工服务\n受厂工会第五届委员会委托,现在我向大会报告过去一年的工作。\n")
    ruled = split_lines(text)
    kinds = ["title", "furniture", "title", "furniture", "body"]
    lines = [replace(x, kind=k) for x, k in zip(ruled, kinds, strict=True)]  # type: ignore[arg-type]
    ruled = [replace(x, kind="headline") for x in ruled]
    got = [x.kind for x in _decks_between_titles(ruled, lines)]
    # The copy of the title line above stays aside; the line under a title with text below
    # is no deck.
    assert got == kinds
    lines[1] = replace(lines[1], view="凝心聚力 再创佳绩", text="凝心聚力 再创佳绩")
    assert _decks_between_titles(ruled, lines)[1].kind == "subtitle"


_SITE_NAME_TWICE = ("湖州市总工会门户网站欢迎您\n"
                    "湖州市总工会门户网站欢迎您\n"
                    "{between}"
                    "{title}"
                    "近日,全市工会系统产业工人队伍建设改革推进会在南太湖新区召开,会议总结了"
                    "改革以来的成效,部署下一阶段工作。\n\n"
                    "会议要求,各级工会要坚持问题导向,推动改革举措落地见效,让职工群众有更多获得感。\n")


@pytest.mark.parametrize(("between", "title"), [
    ("首页 | 工会新闻 | 通知公告\n", "全市工会系统推进产业工人队伍建设改革\n\n"),
    ("", "全市工会系统推进产业工人队伍建设改革\n\n"),
    ("首页 > 工会新闻 > 正文\n", ""),
])
def test_a_sites_name_printed_twice_over_a_menu_or_a_title_is_no_title(
        between: str, title: str) -> None:
    # A city union's portal: its greeting twice in the page's head, a menu, the story.
    text = _SITE_NAME_TWICE.format(between=between, title=title)
    report = _parse(text)
    assert all("欢迎您" not in (a.title or "") for a in report.articles)
    assert report.dropped.count("湖州市总工会门户网站欢迎您") == 2
    assert _accounted(report) == _chars(text)


def test_a_news_lists_dates_under_the_byline_stay_the_lists() -> None:
    # A news page: the story, its reporters' credit, then the site's list of other items,
    # each a date and a headline on one line.
    items = ["区总工会举办职工篮球赛", "全市职工技能大赛开幕", "市总工会召开全委会议"]
    text = ("市总工会开展\"送清凉\"活动\n\n"
            "7月15日,市总工会党组书记带队深入建筑工地,为一线职工送去防暑降温物品,"
            "叮嘱企业落实高温津贴政策。此次活动共走访企业32家,慰问职工1.2万人次。\n\n"
            "通讯员 张华 记者 李明\n"
            + "".join(f"2024.07.{10 - 2 * k:02d} {item}\n" for k, item in enumerate(items)))
    report = _parse(text)
    bylines = "\n".join(a.byline or "" for a in report.articles)
    assert "2024.07" not in bylines
    assert _accounted(report) == _chars(text)


def test_only_a_few_dates_along_from_a_byline_are_its() -> None:
    # A union's charter with a long record of amendments over the last one: the byline
    # takes the few dates nearest it, never the whole run (a run of any length is read in
    # one pass along the lines).
    dates = [f"{85 + k}.0{1 + k % 9}.1{k % 10}第一屆理監事第{k + 5}次聯席會議修正"
             for k in range(12)]
    dates.append("104.8.21.第七屆會員代表大會第二次會議修正")
    text = ("工會會員代表大會組織規則\n\n \n\n"
            + "\n".join(dates)
            + "\n\n第 一 條:本規則係根據工會法及本會章程的規定而訂定。\n"
            "第 二 條:各區依會員人數的比例選出代表,組成會員代表大會。\n"
            "第 三 條:理事會負責召開代表大會,並應請主管機關派員到場指導。\n")
    report = _parse(text)
    bylines = "\n".join(a.byline or "" for a in report.articles)
    assert dates[-1] in bylines
    assert dates[0] not in bylines
    assert _accounted(report) == _chars(text)


def test_a_latin_sentences_full_stop_then_a_date_is_no_word_cut() -> None:
    from unionnlp.repair import word_cut

    # A bilingual chronology's entry ends on an English sentence; the next opens with a date.
    assert not word_cut("It then counted 9 branches and 3,120 members.", "1988/11/02 基層員工",
                        "auto")
    # A figure's decimal point before the break still runs on.
    assert word_cut("全年會員人數增長了12.", "5%,達到3,120人。", "auto")


_FULL_PARAGRAPH = ("春节前夕,市总工会领导分头走访慰问困难职工和劳动模范,送去慰问金和慰问品,"
                   "把党和政府的关怀送到职工心坎上。")


@pytest.mark.parametrize("ending", [
    "不忘初心、牢记使命,奋力谱写新时代工会工作新篇章",
    "让我们更加紧密地团结在以习近平同志为核心的党中央周围",
    "获奖名单:王平、李娜、张伟、丁磊、高峰、金星",
    "勞動創造幸福,實幹成就夢想,奮鬥書寫華章",
    "市總工會領導為獲獎職工代表頒發證書和獎金",
])
def test_a_complete_text_ending_without_a_full_stop_is_not_cut_short(ending: str) -> None:
    text = f"市总工会开展送温暖活动\n\n{_FULL_PARAGRAPH}\n\n{ending}\n"
    report = parse(Source(text=text, path="t.txt"))
    assert not any("mid-sentence" in w for w in report.warnings), report.warnings


@pytest.mark.parametrize("ending", [
    "社会各界对工会送温暖活动的关注程度很",
    "今年以来,市总工会坚持把服务职工作为工作生命线,推动困难职工帮扶、技能提升和",
])
def test_a_text_cut_mid_sentence_says_so(ending: str) -> None:
    text = f"市总工会开展送温暖活动\n\n{_FULL_PARAGRAPH}\n\n{ending}\n"
    report = parse(Source(text=text, path="t.txt"))
    assert any("mid-sentence" in w for w in report.warnings), report.warnings
