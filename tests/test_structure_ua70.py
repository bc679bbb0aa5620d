"""Structure on news and web page shapes a user run on fresh mainland pages met: a
reporter's credit closed by a colon after 本报讯, a research group's signature line, a
byline joined from two lines, a column tag over a title, crossheads of two lines, and
furniture kept as text (a cut-off blurb, the title printed again, a photo's caption)."""

from __future__ import annotations

import pytest

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


@pytest.mark.parametrize("credit", ["记者陈小雨报道:", "通讯员 李华报道：", "王某记者孙某某报道:"])
def test_a_reporter_credit_closed_by_a_colon_is_the_bylines(credit: str) -> None:
    page = (f"本报讯 {credit}职工有所盼,工会有所为。近日,市总工会在全市开展"
            "“冬送温暖”走访慰问活动,为一线职工送去米面油等慰问品。\n"
            "慰问组先后来到环卫站点、物流园区和建设工地,与职工们亲切交谈,"
            "详细了解他们的工作和生活情况。\n")
    (article,) = _parse(page).articles
    assert article.byline is not None and article.byline.startswith("本报讯")
    assert credit.strip(":：").strip() in article.byline
    first = article.paragraphs[0]
    assert first.text.startswith("职工有所盼") and first.lead_in != credit.rstrip(":：")
    assert page[first.offset:].startswith("职工有所盼")


REPORT_BODY = ("我市推行工资集体协商工作始于2010年前后,十多年来,各级工会持续加大推进力度,"
               "协议覆盖面逐年扩大,协商质量不断提高,职工的维权意识明显增强。\n"
               "为推动协商工作深入开展,市里成立了工资集体协商工作领导小组,由市总工会主席"
               "担任组长,人社、工商联、企业联合会等部门为成员单位,形成了齐抓共管的工作格局。\n")


@pytest.mark.parametrize("group", ["某某市总工会课题组", "省总工会研究室调研组", "（某县总工会编写组）"])
def test_a_research_group_line_signs_the_report(group: str) -> None:
    (article,) = _parse(f"{group}\n{REPORT_BODY}").articles
    assert article.title is None and article.byline == group
    (titled,) = _parse(f"关于我市工资集体协商工作的调研报告\n{group}\n{REPORT_BODY}").articles
    assert titled.title == "关于我市工资集体协商工作的调研报告" and titled.byline == group


def test_a_title_ending_in_a_research_group_stays_the_title() -> None:
    title = "某某区工会工作迎来市总工会调研组"
    (article,) = _parse(f"{title}\n{REPORT_BODY}").articles
    assert article.title == title


NEWS_TEXT = ("近日,某市总工会在市体育中心举办职工技能大赛启动仪式,来自各参赛单位的职工代表"
             "300余人参加仪式。\n"
             "今年,全市计划开展重点工程劳动竞赛12项、职工技能竞赛9项,预计吸纳职工2万余名参与,"
             "以竞赛促进职工技能提升,助力全市重点项目建设。")


@pytest.mark.parametrize(("dateline", "credit"),
                         [("本报讯", "(王某)"), ("某某网讯", "（记者 李某某 通讯员 张某）")])
def test_a_bare_dateline_and_the_closing_reporters_make_one_byline_line(dateline: str,
                                                                         credit: str) -> None:
    page = f"某市启动职工技能大赛\n\n{dateline} {NEWS_TEXT} {credit}\n"
    (article,) = _parse(page).articles
    assert article.byline == f"{dateline} {credit}"
    assert not article.paragraphs[-1].text.rstrip().endswith(credit)


def test_a_signature_under_a_byline_still_goes_on_a_line_of_its_own() -> None:
    page = ("某市启动职工技能大赛\n本报记者 王某\n" + NEWS_TEXT + "\n某市总工会办公室\n2023年5月4日\n")
    (article,) = _parse(page).articles
    assert article.byline is not None and "\n" in article.byline


@pytest.mark.parametrize("tag", ["【奋进新征程 建功新时代】", "【喜迎二十大·工会在行动】"])
def test_a_series_slogan_opening_a_title_is_set_aside(tag: str) -> None:
    title = "某市总工会推动职工服务阵地提质增效"
    report = _parse(f"{tag}{title}\n\n本报讯(记者 某某) {NEWS_TEXT}\n")
    (article,) = report.articles
    assert article.title == title and tag in report.dropped


@pytest.mark.parametrize("title", ["【延安】六百余名货车司机找到了“娘家”", "【推荐】工会年终总结四篇"])
def test_a_place_or_site_tag_stays_in_the_title(title: str) -> None:
    (article,) = _parse(f"{title}\n\n{NEWS_TEXT}\n").articles
    assert article.title == title


# A news feature without a title of its own, its parts headed by crossheads printed in two
# lines (traditional characters, as a Hong Kong reprint gives a mainland story).
FEATURE = (
    "開通不到兩年,某某省某某縣的網上“智慧工會”上,實名入會職工就超過了8萬人。"
    "職工籃球賽“搬上網”,短短一週點擊量超過300萬次。\n"
    "某某縣網上“智慧工會”,是運用大數據、雲計算等新技術,建成的一種新型服務型工會平臺。"
    "它把入會、活動、維權和服務都搬到了手機上。\n"
    "“智慧工會”開闢新路徑\n"
    "激發新業態勞動者入會熱情\n"
    "“在手機上點幾下就入會了。”某某物流公司貨車司機王師傅打開手機,向記者展示了他下載的縣總工會App。\n"
    "“以前,在新業態企業,工會工作有不少空白。貨車司機、快遞員入會比例不高。”某某縣總工會負責人說。\n"
    "有了“智慧工會”以後,某某縣總工會積極推動新業態企業建會,組織快遞員、網約車司機等群體集中入會。\n"
    "雲端服務升級\n"
    "工會打開服務新空間\n"
    "今年國慶期間,為方便職工就近休假,某某縣總工會在平臺上推出了一批職工療休養線路,報名十分踴躍。\n"
    "平臺還開設了法律諮詢、心理疏導等欄目,職工足不出戶就能得到幫助。\n"
)


def _in_page_order(report: Report) -> bool:
    offsets = [p.offset for p in report.paragraphs]
    titles_first = all(a.offset is None or not a.paragraphs or a.offset <= a.paragraphs[0].offset
                       for a in report.articles)
    return offsets == sorted(offsets) and titles_first


@pytest.mark.parametrize("page", [
    FEATURE,
    # Text above a page's only title (a lead, a caption) stays above it.
    "▲市總工會幹部在研習營上分組討論。\n"
    "提升工會組織效能 某市工會幹部研習營反響熱烈\n"
    "【記者王某/某市報導】某市總工會日前舉辦工會幹部研習營,邀請學者講授集體協商和會務管理,"
    "近百名基層工會幹部參加。\n"
    "學員們表示,研習營內容實用,回到單位後將把所學用於會員服務和勞資協商。\n",
])
def test_no_text_moves_above_a_title_below_it(page: str) -> None:
    assert _in_page_order(_parse(page))


def test_the_title_printed_again_under_the_date_stamp_is_set_aside() -> None:
    title = "“服务一群人 温暖一座城”——某县总工会举行户外劳动者驿站揭牌仪式"
    again = "“服务一群人   温暖一座城 ”——某县总工会举行户外劳动者驿站揭牌仪式"
    page = (f"{title}\n2023-07-02 10:15:06 字号:\n\n{again}\n\n"
            f"某某新闻网7月2日讯(通讯员 王某)为关心关爱户外劳动者,{NEWS_TEXT}\n")
    report = _parse(page)
    (article,) = report.articles
    assert article.title == title
    assert again in report.dropped
    assert not any("温暖一座城" in p.text for p in article.paragraphs)


@pytest.mark.parametrize("scene", ["启动仪式现场", "比赛现场一角", "全体参赛选手合影"])
def test_a_photo_scene_between_paragraphs_is_a_caption_not_a_heading(scene: str) -> None:
    first, rest = NEWS_TEXT.split("\n")
    page = (f"本网讯(记者 某某)4月25日,{first}\n{scene}\n"
            f"启动仪式采取主会场现场活动加分会场连线的形式举行,各分会场同步组织职工收看。\n{rest}\n")
    (article,) = _parse(page).articles
    assert not any(s.heading for s in article.sections)
    (caption,) = [p for p in article.paragraphs if p.text == scene]
    assert caption.kind == "caption"


def test_a_paragraph_that_is_the_title_again_is_recognised() -> None:
    from unionnlp.lines import Line
    from unionnlp.repair import Block
    from unionnlp.structure import _title_again

    again = "“服务一群人   温暖一座城 ”——某县总工会举行户外劳动者驿站揭牌仪式"
    title = "“服务一群人温暖一座城”——某县总工会举行户外劳动者驿站揭牌仪式"
    para = Block("para", (Line(text=again, offset=40, number=3, kind="body", view=again),))
    assert _title_again(para, title)
    longer = again + "当天上午举行。"
    assert not _title_again(Block("para", (Line(text=longer, offset=40, number=3, kind="body",
                                                   view=longer),)), title)
    assert not _title_again(para, None)
