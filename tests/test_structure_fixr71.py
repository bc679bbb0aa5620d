"""Structure rules of round 71 narrowed after a blind review (review 71a): a weather word
in a sentence, a title that ends in 网, an address a hard wrap put at a line's head,
keyword section headings, parentheticals that read like jump marks, a thousands
separator after a list's number, a chronicle's dated entries, a path's home word
repeated."""

from __future__ import annotations

import time

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str, path: str | None = "t.txt") -> Report:
    return parse(Source(text=text, path=path))


def _texts(report: Report) -> list[str]:
    return [p.text for p in report.paragraphs]


def test_a_sentence_on_the_weather_is_text_not_a_widget() -> None:
    # A city union's heat-wave notice: a forecast and what units must do, one sentence.
    text = (
        "首页 > 工会动态\n"
        "\n"
        "市总工会全力做好高温天气职工防护工作\n"
        "\n"
        "7月以来,我市持续高温。\n"
        "天气预报显示未来一周最高气温达39℃,各单位要合理调整作业时间,严禁高温时段露天作业。\n"
        "市总工会已向一线职工发放防暑降温物资价值200万元。\n"
    )
    report = _parse(text)
    assert not any("39℃" in line for line in report.dropped)
    assert any("最高气温达39℃,各单位要合理调整作业时间" in t for t in _texts(report))


def test_a_weather_widget_with_its_temperatures_is_still_furniture() -> None:
    text = (
        "天气 晴 18~25℃\n"
        "\n"
        "市总工会开展送清凉活动\n"
        "\n"
        "7月15日,市总工会党组书记带队深入建筑工地,为一线职工送去防暑降温物资。\n"
    )
    report = _parse(text)
    assert "天气 晴 18~25℃" in report.dropped


def test_a_title_that_ends_in_net_over_its_deck_and_story_is_the_title() -> None:
    # A feature story: its title a metaphor (a net of services), a dashed deck, the news.
    text = (
        "织密职工服务网\n"
        "\n"
        "——市总工会推进职工服务阵地建设纪实\n"
        "\n"
        "本报讯(记者 王芳)近年来,市总工会把服务阵地建设作为服务职工的重要抓手,"
        "建成职工服务站点300个,覆盖全市80%以上的职工。\n"
    )
    report = _parse(text)
    assert report.articles[0].title == "织密职工服务网"
    assert "织密职工服务网" not in report.dropped


def test_a_sites_name_over_the_pages_title_is_still_a_masthead() -> None:
    text = (
        "安全管理网\n"
        "\n"
        "特聘煤矿安全群众监督员管理办法\n"
        "\n"
        "第一条 为加强煤矿安全群众监督工作,保障职工生命安全,制定本办法。\n"
    )
    report = _parse(text)
    assert "安全管理网" in report.dropped
    assert report.articles[0].title != "安全管理网"


def test_an_address_a_hard_wrap_put_at_a_lines_head_stays_in_its_sentence() -> None:
    # A notice copied from a PDF, hard-wrapped at a fixed width: the site's address falls
    # at a line's head in the middle of a sentence.
    text = (
        "关于开展职工普惠服务的通知\n"
        "\n"
        "各基层工会:\n"
        "为进一步做好职工普惠服务工作,现将有关事项通知如下。职工可登录市总工会网站\n"
        "www.szgh.org.cn查询相关政策,也可拨打服务热线12351咨询。各单位要广泛宣传,确保\n"
        "每一名职工都知晓。\n"
    )
    report = _parse(text)
    assert not any("szgh" in line for line in report.dropped)
    assert any("网站www.szgh.org.cn查询相关政策" in t for t in _texts(report))


def test_image_addresses_glued_to_a_sentence_leave_the_sentence_as_text() -> None:
    # An e-paper's story continued from page one, copied as text: the photos' addresses
    # glued to the next paragraph, the site's address before another.
    text = (
        "市总工会召开全委会\n"
        "\n"
        "\u3000\u3000（上接第1版）\u3000会议强调，各级工会要坚持以职工为中心，全力做好维权服务工作。\n"
        "http://www.example.cn/pic/1.jpghttp://www.example.cn/pic/2.jpg全市工会系统共有会员120万人。\n"
        "\u3000\u3000www.acftu.org 中华全国总工会网站提供更多信息。\n"
        "全年共举办技能竞赛50场，参赛职工2万人次。\n"
    )
    report = _parse(text)
    assert "全市工会系统共有会员120万人。" in _texts(report)
    assert "中华全国总工会网站提供更多信息。" in _texts(report)
    assert not any("120万人" in line or "提供更多信息" in line for line in report.dropped)
    assert all("http" not in t and "www." not in t for t in _texts(report))


def test_keyword_section_headings_of_a_year_review_head_their_sections() -> None:
    # A year-end review (年终盘点): each section under 关键词:一个词.
    text = (
        "2023年全市工会工作盘点\n"
        "\n"
        "一年来,全市各级工会围绕中心、服务大局,各项工作取得新成效。\n"
        "关键词:改革\n"
        "全市工会系统深入推进产业工人队伍建设改革,新建产业工人之家50家。\n"
        "关键词:维权\n"
        "全年共办理劳动争议案件1200件,为职工挽回经济损失3000万元。\n"
    )
    report = _parse(text)
    assert "关键词:改革" not in report.dropped
    headings = [s.heading for a in report.articles for s in a.sections]
    assert "关键词:改革" in headings and "关键词:维权" in headings


def test_a_keywords_list_amid_the_text_is_still_furniture() -> None:
    text = (
        "外卖送餐员权益保障调查\n"
        "\n"
        "近年来,外卖送餐员队伍不断壮大,其劳动权益保障问题日益受到关注。\n"
        "關鍵詞:外賣送餐員;勞動權益保障;工會\n"
        "调查显示,七成以上送餐员希望加入工会组织。\n"
    )
    report = _parse(text)
    assert "關鍵詞:外賣送餐員;勞動權益保障;工會" in report.dropped


def test_a_parenthetical_from_a_higher_level_is_no_jump_mark() -> None:
    # A Taiwan union's letter: ASCII punctuation, a parenthetical naming its source.
    text = (
        "關於轉發上級工會通知的函\n"
        "\n"
        "各基層工會:\n"
        "(接上級工會通知)各單位要在3月底前完成會員實名制錄入工作,確保數據準確。\n"
        "本會將適時組織檢查。\n"
    )
    report = _parse(text)
    assert "(接上級工會通知)" not in report.dropped
    assert any(t.startswith("(接上級工會通知)各單位") for t in _texts(report))


def test_a_thousands_separator_after_a_lists_number_is_no_spelt_figure() -> None:
    text = (
        "某某公司工会2023年工作总结\n"
        "\n"
        "1、0、0……当第100件创新作品完成的那一刻,车间里响起了热烈的掌声。\n"
        "\n"
        "2、12,000名职工参加了技能培训。全年培训覆盖全体一线职工,合格率达98%。\n"
    )
    report = _parse(text)
    headings = [s.heading or "" for a in report.articles for s in a.sections]
    assert any(h.startswith("2、12,000名职工") for h in headings)
    assert not any(h.startswith("1、0、0") for h in headings)


def test_a_chronicles_dated_entries_stay_headings() -> None:
    # A union's chronicle (大事记): each entry a month and what happened.
    text = (
        "工会大事记\n"
        "\n"
        "全市工会系统2023年工作回顾如下。\n"
        "\n"
        "2023年3月 召开市总工会第十五届委员会第三次全体会议\n"
        "\n"
        "会议审议通过了市总工会2022年工作报告,部署了2023年重点任务。\n"
        "\n"
        "2023年5月 举办全市职工技能大赛决赛\n"
        "\n"
        "来自120家企业的800名选手参加了比赛。\n"
    )
    report = _parse(text)
    kinds = [p.kind for p in report.paragraphs]
    assert "caption" not in kinds
    heads = [s.heading for a in report.articles for s in a.sections] + [
        a.title for a in report.articles]
    assert "2023年5月 举办全市职工技能大赛决赛" in heads


def test_a_path_home_word_repeated_takes_linear_time() -> None:
    # A broken page: its path's 首页 and separator printed over and over.
    text = "首页\n>\n" * 1500 + "正文\n"
    start = time.perf_counter()
    report = _parse(text)
    assert time.perf_counter() - start < 8.0
    assert "首页" in report.dropped
