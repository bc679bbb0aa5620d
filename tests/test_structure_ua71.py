"""Structure on page shapes user runs ua71a/ua71b met on fresh real pages (a Taiwan
meeting record's front matter, continuation markers, glued image addresses, a
keywords line)."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str, path: str | None = "t.txt") -> Report:
    return parse(Source(text=text, path=path))


# A committee's public hearing record: aligned front matter, its labels spaced out.
HEARING = (
    "某縣議會社會福利委員會舉行「職業安全衛生法」修法座談會會議紀錄\n"
    "\n"
    "時  間 中華民國111年5月18日(星期三)9時30分至12時10分\n"
    "\n"
    "地  點 本會第二會議室\n"
    "\n"
    "主  席 王委員大明\n"
    "\n"
    "主席:今天我們邀請各位專家學者、勞工團體與主管機關代表出席,討論職場安全衛生制度如何"
    "改善,首先感謝大家撥冗參加,讓我們一起為勞工朋友的安全把關。\n"
    "\n"
    "近年來職業災害件數雖然下降,但重大職災仍時有所聞,許多基層勞工在高溫、高處的環境中"
    "作業,防護措施卻常常不足,主管機關應該拿出具體的改善方案。\n"
)


def test_a_meeting_records_time_field_stays_with_its_front_matter() -> None:
    report = _parse(HEARING)
    byline = report.articles[0].byline or ""
    assert "中華民國111年5月18日" in byline
    assert "本會第二會議室" in byline
    assert not any("111年" in line for line in report.dropped)
    assert report.date == "2022-05-18"


def test_a_sites_unspaced_time_stamp_is_still_set_aside() -> None:
    text = HEARING.replace("時  間 中華民國111年5月18日(星期三)9時30分至12時10分",
                           "時間:2022-05-18 10:23:45 來源:本站")
    report = _parse(text)
    assert "時間:2022-05-18 10:23:45 來源:本站" in report.dropped


def test_jump_marks_at_a_lines_head_are_furniture() -> None:
    # An e-paper's story jumps pages: its (下转二版) alone on a line, its (上接一版) and a
    # document's [接上页] opening the text that goes on.
    text = (
        "市总工会举办职工技能比武\n"
        "\n"
        "本报讯 日前,市总工会联合市人社局举办全市职工技能比武,来自全市30家企业的120名选手参赛。\n"
        "\n"
        "(下转二版)\n"
        "\n"
        "(上接一版)据了解,本次比武设电工、焊工两个工种,决赛将于下月举行。\n"
        "\n"
        "[接上页] 3.参赛选手须在规定时间内完成理论考试和实操项目,迟到15分钟取消资格。\n"
    )
    report = _parse(text)
    assert "(上接一版)" in report.dropped
    assert "[接上页]" in report.dropped
    texts = [p.text for p in report.paragraphs]
    assert any(t.startswith("据了解,本次比武") for t in texts)
    assert any(t.startswith("3.参赛选手须") for t in texts)
    assert all("上接" not in t and "接上页" not in t for t in texts)
    assert all(a.title != "[接上页]" for a in report.articles)



def test_glued_image_addresses_opening_a_paragraph_are_furniture() -> None:
    # A news site's page: the photos' addresses glued into one run before the dateline.
    text = (
        "我市第九届职工职业技能大赛开幕\n"
        "\n"
        "http://img.example-news.cn/2/31/8_550231.jpghttp://img.example-news.cn/2/31/8_550232.jpg"
        " 某某网讯 9月8日上午,全市第九届职工职业技能大赛开幕式在市技师学院举行,"
        "来自全市32家单位的260名选手参加比赛。\n"
        "\n"
        "本届大赛设焊工、电工、钳工等6个工种,获得各工种前三名的选手将被授予市技术能手称号。\n"
    )
    report = _parse(text)
    assert any(line.startswith("http://img.example-news.cn") for line in report.dropped)
    first = report.paragraphs[0]
    assert "http" not in first.text
    assert first.lead_in not in ("http", "https")
    assert "9月8日上午,全市第九届职工职业技能大赛开幕式" in first.text


def test_a_pages_own_address_before_its_text_is_furniture() -> None:
    text = ("某某公司企業工會會員大會議事規則\n\n"
            "https://www.example-union.org.tw/page_1234.html 第一條 本規則依本會章程訂定之,"
            "會員大會之召開悉依本規則辦理。\n")
    report = _parse(text)
    assert "https://www.example-union.org.tw/page_1234.html" in report.dropped
    assert all("https" not in p.text for p in report.paragraphs)


def test_a_keywords_line_is_furniture() -> None:
    text = (
        "新就業形態勞動者權益保障調查與思考\n"
        "\n"
        "關鍵詞:網約配送員;勞動權益保障;工會\n"
        "\n"
        "近年來,平臺經濟迅速發展,網約配送員、網約車司機等新就業形態勞動者數量大幅增長,"
        "他們的勞動權益保障問題日益受到社會關注。\n"
    )
    report = _parse(text)
    assert "關鍵詞:網約配送員;勞動權益保障;工會" in report.dropped
    assert all("關鍵詞" not in p.text for p in report.paragraphs)


def test_a_papers_masthead_and_a_weather_widget_make_no_title() -> None:
    # A Hong Kong paper's web page: its name, the weather link, the headline printed twice.
    text = (
        "香港某某商報\n"
        "-- 天氣\n"
        "勞工團體促請政府檢討最低工資水平\n"
        "\n"
        "勞工團體促請政府檢討最低工資水平\n"
        "\n"
        "責任編輯:王某 2023-05-02 10:15:20 來源:某某報網\n"
        "\n"
        "    多個勞工團體今日到政府總部請願,促請當局盡快檢討最低工資水平,"
        "並把檢討周期由兩年縮短為一年,以保障基層勞工的生活。\n"
        "\n"
        "團體代表表示,近年物價持續上升,基層勞工收入追不上通脹,希望政府正視他們的訴求。\n"
    )
    report = _parse(text)
    article = report.articles[0]
    assert article.title == "勞工團體促請政府檢討最低工資水平"
    assert article.subtitle is None
    assert "香港某某商報" in report.dropped
    assert "-- 天氣" in report.dropped


def test_a_label_over_the_lede_is_no_byline() -> None:
    text = (
        "[get-weather-slider]\n"
        "\n"
        "不滿勞動部工時政策 工會團體赴部陳情\n"
        "\n"
        "大綱\n"
        "\n"
        "10日多個工會團體在勞動部前召開記者會,要求政府提出具體縮短工時方案,並增加國定假日。\n"
        "\n"
        "工會代表指出,台灣勞工全年工時仍居高不下,政府卻遲遲沒有提出改善的時間表。\n"
    )
    report = _parse(text)
    assert report.articles[0].byline != "大綱"
    assert "大綱" in report.dropped


def test_a_sentence_closed_by_a_reporters_credit_is_text_not_a_caption() -> None:
    text = (
        "全市第八届职工职业技能竞赛开幕\n"
        "\n"
        "某某网讯 9月12日上午,全市第八届职工职业技能竞赛开幕式在市技师学院举行。"
        "本次竞赛共设8个工种,来自全市40家企业的320名选手参赛。\n"
        "\n"
        "市总工会主席李某某宣布竞赛开幕。(记者 张某某)\n"
    )
    report = _parse(text)
    last = report.paragraphs[-1]
    assert last.kind != "caption"
    assert "宣布竞赛开幕" in last.text
    assert "张某某" in (report.articles[0].byline or "")


def test_a_sites_path_laid_out_one_step_a_line_is_furniture() -> None:
    # A union's site copied as text: its path's icons became counts between the steps.
    text = (
        "首頁\n1\n規章與表格\n2\n內部規章\n3\n③ 理監事會議事規則4\n"
        "\n"
        "某某股份有限公司企業工會理監事會議事規則\n"
        "\n"
        "第一條 本規則依本會章程第二十條之規定訂定之。\n"
        "\n"
        "第二條 理事會每三個月至少召開一次,必要時得召開臨時會議。\n"
    )
    report = _parse(text)
    assert report.articles[0].title == "某某股份有限公司企業工會理監事會議事規則"
    for step in ("規章與表格", "內部規章", "③ 理監事會議事規則4"):
        assert step in report.dropped
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "③ 理監事會議事規則4" not in headings
