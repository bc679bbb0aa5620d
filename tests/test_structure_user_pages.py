"""Structure on page shapes a user run met: a PDF's flattened table of contents, a pinyin
glossed lead paragraph, run-on first sentences, numbered lists, title blocks."""

from __future__ import annotations

import pytest

from unionnlp.convert import analysis_view
from unionnlp.lines import split_lines
from unionnlp.model import Report, Source
from unionnlp.structure import _contents_cover, parse


def _parse(text: str, path: str | None = "t.txt") -> Report:
    return parse(Source(text=text, path=path))


# A thesis as a document-sharing site gives it: the site's lines, the cover page flattened
# into one line, then the contents pages flattened into one line (several entries on it,
# page numbers that read like numbered headlines).
THESIS = (
    "加載中.... (立即查看全文)\n"
    "\n"
    "全文\n"
    "\n"
    "(1)某某大學勞動關係研究所碩士論文. 基層工會集體協商之研究. 指導教授:林一二 "
    "研究生:陳三四 撰 中華民國一○五年六月.\n"
    "\n"
    "(2) 目錄. 第一章 緒論 " + "." * 60 + " 1 第一節、研究動機 " + "." * 50
    + " 1 第二節、研究方法 " + "." * 52 + " 3 第三節、章節安排 " + "." * 48 + " 5. "
    "第二章 文獻回顧 " + "." * 40 + " 7. 第一節、集體協商的意義 " + "." * 44 + " 7 "
    "第二節、協商的程序 " + "." * 45 + " 12. 第三章 研究發現 " + "." * 30 + "28.\n"
)


def test_a_flattened_table_of_contents_is_furniture_and_said_in_the_warnings() -> None:
    report = _parse(THESIS)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    texts = [p.text for p in report.paragraphs]
    # No page number (5. 7. 12. 28.) heads a section, no entry is text.
    assert not any("...." in h for h in headings)
    assert not any(h.rstrip(".").strip().isdigit() for h in headings)
    assert not any("研究方法" in t for t in texts)
    assert any("第一節、研究動機" in d for d in report.dropped)
    # The cover page's line stays.
    assert any("基層工會集體協商之研究" in t for t in [*headings, *texts])
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("t.txt: ") and "table of contents" in report.warnings[0]


def test_a_few_contents_lines_amid_text_warn_of_nothing() -> None:
    text = (
        "某區總工會2023年工作總結\n"
        "一、組織建設\n"
        "全年新建基層工會42家,新發展會員3100人,其中農民工會員1200人,建會率達到95%以上。"
        "各街道工會聯合會完成換屆,選舉產生新一屆委員會,工會幹部隊伍進一步充實,"
        "會員實名制管理全面推行,會籍接轉手續更加便捷。\n"
        "附件目錄: 會員統計表 .......... 3\n"
        "二、困難職工幫扶\n"
        "春節期間走訪慰問困難職工580戶,發放慰問金46萬元,為120名患病職工申請醫療救助,"
        "幫助35名失業職工實現再就業,並為困難職工子女發放助學金18萬元。\n"
    )
    report = _parse(text)
    assert report.warnings == ()
    assert any("會員統計表" in d for d in report.dropped)
    assert [s.heading for a in report.articles for s in a.sections if s.heading] == [
        "一、組織建設", "二、困難職工幫扶"]


def test_leaders_that_run_into_a_figure_or_a_word_are_no_contents_entry() -> None:
    assert _contents_cover("大家猜謎語、拉家常......2023年以來活動不斷") == 0
    assert _contents_cover("參與率從40%升到......95%") == 0
    assert _contents_cover("第一節、研究動機 ........ 1") == len("第一節、研究動機 ........ 1")


# A 范文 page glossing characters with pinyin: its first line, the site's blurb, runs on
# past a word that ends a report's title (匯報), the gloss right after it.
GLOSSED = (
    "總結(jié)是把一年的工作向會員匯報(bào)情況的材料,寫法以敘述為主,要求事情交代清楚,"
    "材料真實(shí)可靠。那麼,總結(jié)怎麼寫才好呢?下面是小編為大家整理的工會總結(jié)範文,"
    "希望大家可以喜歡。\n"
    "街道工會年度工作總結(jié)\n"
    "本年度街道工會(huì)組織會員開展技能培訓(xùn),共舉辦培訓班12期,參加職工860人次,"
    "評選崗位能手25名,並為新入職員工開設安全生產課程,職工的技能水平明顯提高。\n"
)


def test_a_gloss_after_a_titles_end_word_cuts_no_title_off_a_sentence() -> None:
    # Lines are cut on the analysis view (simplified: 汇报 ends a title there).
    pieces = [x.text for x in split_lines(GLOSSED, view=analysis_view(GLOSSED)[0])]
    assert pieces[0].startswith("總結(jié)是") and pieces[0].endswith("希望大家可以喜歡。")
    report = _parse(GLOSSED)
    assert not any(p.text.startswith("(") for p in report.paragraphs)
    titles = [a.title for a in report.articles if a.title]
    assert not any(t.endswith("匯報") for t in titles)
    # The blurb is set aside, as on a page without glosses.
    assert not any("小編" in p.text for p in report.paragraphs)


def test_an_ordinary_first_sentence_is_no_lead_in_but_a_bold_style_phrase_is() -> None:
    text = (
        "某區職工服務中心舉辦長者聯歡會\n"
        "\n"
        "聯歡會由中心主任李美華主持。首先由區工會代表致辭,感謝義工多年來的付出,"
        "隨後會員表演了粵曲和舞蹈節目,現場氣氛熱烈。\n"
        "\n"
        "理事應準時出席理事會會議。因故不能出席的,須書面請假,並由理事長指定代理人,"
        "連續兩次缺席者視同辭職。\n"
        "\n"
        "思想引領機制。堅持每月召開一次職工思想動態分析會,及時掌握職工的訴求和意見。\n"
    )
    report = _parse(text)
    leads = {p.text[:6]: p.lead_in for p in report.paragraphs}
    assert leads["聯歡會由中心"] is None
    assert leads["理事應準時出"] is None
    assert leads["思想引領機制"] == "思想引領機制"


# A federation's chronicle page: the channel's name, the list's date before the title, a
# table header whose two characters the page spreads over the columns, then the rows.
CHRONICLE = (
    "會務紀要\n"
    "[ 2011/03/02 ] 會務紀要_85年度\n"
    "\n"
    "項" + " " * 20 + "目\n"
    "本會協助各縣市木工業工會籌組省級聯合會,並輔導其申請加入本會成為會員工會,會員人數持續成長。\n"
    "本會理監事前往勞保局陳情,要求改善勞保給付作業,縮短審核時間,並普設各地辦事處以便勞工洽公。\n"
)


def test_a_lists_date_before_the_title_is_set_aside() -> None:
    report = _parse(CHRONICLE)
    title = report.articles[0].title or ""
    assert title.endswith("會務紀要_85年度") and "2011" not in title
    assert "[ 2011/03/02 ]" in report.dropped


def test_a_header_spread_over_the_columns_is_a_table_row_no_headline() -> None:
    report = _parse(CHRONICLE)
    assert not any(s.heading and s.heading.startswith("項") for s in report.articles[0].sections)
    assert any(p.kind == "table" and p.text.startswith("項") for p in report.paragraphs)
    # A headline whose characters stand a space apart (職 工 代 表) is not spread so.
    from unionnlp.structure import _SPREAD_HEADER

    assert _SPREAD_HEADER.fullmatch("職 工 代 表") is None


@pytest.mark.parametrize("phrase", ("提升应对突发事件能力", "服务应届毕业生就业", "推进将心比心服务",
                                    "关爱退役将士", "强化被派遣劳动者维权", "完善已建工会规范化",
                                    "由点及面推进创新", "应知应会培训全覆盖", "安全须知进班组",
                                    "维护职工自由择业权"))
def test_a_bold_style_phrase_with_a_clause_words_character_inside_a_word_is_a_lead_in(
        phrase: str) -> None:
    text = (f"某县总工会2023年工作总结\n{phrase}。全年举办培训班12期,参加职工860人次,"
            "评选岗位能手25名,职工的技能水平明显提高。\n")
    paragraph = _parse(text).paragraphs[0]
    assert paragraph.lead_in == phrase


def test_a_traditional_bold_style_phrase_with_将_inside_a_word_is_a_lead_in() -> None:
    text = ("某區工會年度工作總結\n"
            "推進將心比心服務行動。開設職工服務熱線,全年接聽來電1200餘次,"
            "為職工解決實際困難300餘件。\n")
    assert _parse(text).paragraphs[0].lead_in == "推進將心比心服務行動"


@pytest.mark.parametrize("sentence", ("会员须书面请假", "工程已全面完工", "职工被评为劳动模范",
                                      "大会将于明年召开", "各单位必须按时上报"))
def test_an_ordinary_first_sentence_with_a_clause_word_is_no_lead_in(sentence: str) -> None:
    text = (f"某县总工会2023年工作总结\n{sentence}。全年举办培训班12期,参加职工860人次,"
            "评选岗位能手25名,职工的技能水平明显提高。\n")
    assert _parse(text).paragraphs[0].lead_in is None


@pytest.mark.parametrize("dots", (". " * 10000, "." * 20000, "…" * 20000))
def test_a_long_run_of_dots_costs_linear_time(dots: str) -> None:
    import time

    start = time.perf_counter()
    assert _contents_cover(f"请填写姓名:{dots}") == 0
    entry = f"第一章 总则{dots}1"
    assert _contents_cover(entry) == len(entry)
    assert time.perf_counter() - start < 2.0


def test_leaders_and_page_numbers_are_read_as_before() -> None:
    line = "第一章 总则 ........ 1 第二章 组织建设 . . . . . 12 第三章 附则…………15"
    assert _contents_cover(line) == len(line)
    assert _contents_cover("参与率从40%升到......95%") == 0
    assert _contents_cover("共有...3个") == 0


FIGURE_ROWS = ("新建工会…………………………120\n发展会员…………………………8000\n帮扶资金(万元)………………500\n"
               "培训职工…………………………3000\n走访企业…………………………260\n")


def test_figure_rows_with_dot_leaders_are_no_table_of_contents() -> None:
    report = _parse(f"某市总工会2023年工作报告\n各项指标完成情况如下:\n{FIGURE_ROWS}"
                    "全年各项工作指标均超额完成,为推动全市经济社会发展作出了积极贡献。\n")
    assert report.warnings == ()
    # The labeller sets some rows aside; the contents rule sets none aside: their numbers
    # (120, 8000, 500, 3000, 260) do not rise, no entry names a part of the document.
    texts = "\n".join(p.text for p in report.paragraphs)
    assert "走访企业…………………………260" in texts


def test_entries_whose_page_numbers_rise_are_a_table_of_contents() -> None:
    report = _parse("某市总工会2023年工作报告\n工会概况…………………………1\n组织建设…………………………3\n"
                    "帮扶救助…………………………8\n职工文化…………………………12\n"
                    "全年各项工作指标均超额完成,为推动全市经济社会发展作出了积极贡献。\n")
    texts = "\n".join(p.text for p in report.paragraphs)
    assert "……" not in texts
    assert any(d.startswith("帮扶救助") for d in report.dropped)


# A news page as a site gives it, cut off by the page's preview: furniture above, the
# story's title and date, two paragraphs, the second stopping mid-sentence.
CUT_SHORT = (
    "首页 > 工会新闻 > 正文\n"
    "\n"
    "市总工会为一线职工送清凉\n"
    "\n"
    "发布时间: 2024-07-18 09:30  来源: 市总工会\n"
    "\n"
    "7月17日,市总工会党组书记、常务副主席带队走进建筑工地、环卫站点,为高温下坚守岗位的"
    "一线职工送去防暑降温物品,并详细询问他们的工作和生活情况.\n"
    "\n"
    "据了解,今年以来全市各级工会已投入送清凉资金230余万元,慰问户外劳动者4.6万人次,下一步"
    "还将结合“职工驿站”建设,推动各类服务阵地延长开放时间,让户外劳动者\n"
)


@pytest.mark.parametrize("end", ["", "\n\n| |\n", ",\n"])
def test_a_text_stopping_mid_sentence_is_said_in_the_warnings(end: str) -> None:
    report = _parse(CUT_SHORT.rstrip("\n") + end)
    assert report.paragraphs[-1].text.startswith("据了解")
    cut = [w for w in report.warnings if "mid-sentence" in w]
    assert len(cut) == 1 and cut[0].startswith("t.txt: ") and "让户外劳动者" in cut[0]


@pytest.mark.parametrize("end", ["。\n", "!\n", "……\n", "。”\n", "。（记者 王晓燕）\n"])
def test_a_text_ending_its_sentence_warns_of_nothing(end: str) -> None:
    assert _parse(CUT_SHORT.rstrip("\n") + end).warnings == ()


def test_a_short_closing_line_or_a_list_without_full_stops_warns_of_nothing() -> None:
    # A speech's closing words written without punctuation; a list whose items carry none.
    speech = CUT_SHORT.replace("让户外劳动者\n", "让户外劳动者更舒心。\n\n谢谢大家\n")
    assert _parse(speech).warnings == ()
    items = ("2024年工会重点工作\n\n1、深化产业工人队伍建设改革,推进职工技能提升\n\n"
             "2、做实做细困难职工帮扶,健全常态化送温暖机制\n\n"
             "3、推动新就业形态劳动者入会,扩大工会组织覆盖面\n")
    assert _parse(items).warnings == ()
