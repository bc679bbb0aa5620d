"""The date a report carries (unionnlp.dates): which dated line wins."""

from __future__ import annotations

import pytest

import unionnlp
from unionnlp.dates import first_date, report_date


@pytest.mark.parametrize(
    ("dropped", "date"),
    [
        # A site's clock above the page's own publication line.
        (["欢迎访问某县总工会网站  今天是:2025年11月20日 星期四",
          "来源:某县总工会  时间:2021年06月08日  浏览次数:96"], "2021-06-08"),
        (["当前时间:2025-11-20 08:00", "发布时间 : 2020-04-09"], "2020-04-09"),
        # A forum post's stamp above the newspaper line it reposts.
        (["发表于 2022-8-3 09:15:02 | 查看全部", "《某省工人报》(2022年08月01日 第A3版)"],
         "2022-08-01"),
        # A user's registration date in a forum's sidebar.
        (["注册时间: 2016-03-02", "最后登录: 2024-01-09", "楼主 发表于: 2019-05-21"],
         "2019-05-21"),
        # A masthead's day (the saving day) above the issue line.
        (["2025年10月12日 星期日", "第07版:基层风采 2022-02-15"], "2022-02-15"),
        # Only a clock: no date.
        (["今天是:2025年11月20日 星期四"], None),
    ],
)
def test_a_publication_line_beats_a_clock_and_other_stamps(dropped: list[str],
                                                           date: str | None) -> None:
    assert report_date([None], dropped) == date


def test_a_byline_date_still_comes_first() -> None:
    assert report_date(["县总工会\n2019年3月5日"], ["发布时间:2019-03-20"]) == "2019-03-05"


@pytest.mark.parametrize(
    ("line", "date"),
    [("05.12.2014  20:39", "2014-12-05"), ("13.02.2017 12:01", "2017-02-13"),
     ("Rev. 1.2.3.2019", None), ("32.01.2019", None)],
)
def test_a_day_first_dotted_stamp_is_read(line: str, date: str | None) -> None:
    assert first_date([line]) == date


def test_a_web_page_is_dated_by_its_publication_line_not_the_site_clock() -> None:
    page = ("欢迎您访问某市总工会门户网站  今天是:2025年12月01日 星期一\n"
            "首页 > 工会动态\n"
            "市总工会开展“送清凉”慰问活动\n"
            "来源:某市总工会  时间:2022年07月19日  浏览次数:315\n"
            "7月18日,市总工会党组书记带队深入建筑工地、环卫站点,为高温下坚守岗位的"
            "一线职工送去防暑降温物资,叮嘱大家合理安排作业时间。\n"
            "此次活动共慰问职工600余人,发放慰问品价值8万余元。\n")
    assert unionnlp.analyze(page).date == "2022-07-19"


@pytest.mark.parametrize(
    ("dropped", "date"),
    [
        # A reading count that starts with 截至 after the labelled publication date.
        (["来源:市总工会  作者:宣传部  发布时间:2023-07-15 截至目前阅读:356"], "2023-07-15"),
        # A notice's deadline after its publication date.
        (["浏览次数:12 发布日期:2023-05-22 截止日期:2023-06-30"], "2023-05-22"),
        # The time zone of the publication stamp itself.
        (["发布时间:2023年05月22日(北京时间)"], "2023-05-22"),
        # A clock and a publication date on one line: only the clock's date goes.
        (["当前时间:2025-11-20 08:00  发布时间:2021-03-04"], "2021-03-04"),
    ],
)
def test_only_the_date_next_to_a_clock_or_deadline_word_is_left_out(
        dropped: list[str], date: str | None) -> None:
    assert report_date([None], dropped) == date


@pytest.mark.parametrize(
    ("dropped", "date"),
    [
        (["註冊時間: 2010-01-01", "發表於 2023-05-22 10:11"], "2023-05-22"),
        (["當前時間：2024年12月07日 星期六", "2023-05-22 10:11 發表"], "2023-05-22"),
        (["最後登錄: 2024-01-09", "發佈: 2019-05-21"], "2019-05-21"),
    ],
)
def test_traditional_clock_and_registration_words_are_known(
        dropped: list[str], date: str | None) -> None:
    assert report_date([None], dropped) == date


@pytest.mark.parametrize(
    "line",
    ("技术支持:某某网络科技有限公司 系统版本 5.4.2021", "版本 1.2.2023 下载",
     "第1.2.2023版", "软件版本V5.10.2019 更新", "IP 10.1.2010", "系统版本 05.04.2021 10:00",
     "V05.10.2019 12:00"),
)
def test_a_version_or_address_is_no_day_first_date(line: str) -> None:
    assert first_date([line]) is None


def test_a_byline_month_is_not_beaten_by_a_version_number() -> None:
    dropped = ["技术支持:某某网络科技有限公司 系统版本 5.4.2021"]
    assert report_date(["市总工会办公室(2023年7月)"], dropped) == "2023-07"


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        # A Taiwan meeting record's front matter: the Republic's year (+1911).
        (["時  間 中華民國112年3月8日(星期三)14時至16時30分", "地  點 某會議室"],
         "2023-03-08"),
        (["發文日期:民國109年12月1日"], "2020-12-01"),
        # The Republic's year in Chinese numerals, a month and a day too.
        (["會員大會於民國八十八年七月五日通過"], "1999-07-05"),
        # A bare 108年6月3日 where the page names the era elsewhere.
        (["本會成立於民國七十年", "會議日期:108年6月3日"], "2019-06-03"),
        # A signature date in Chinese numerals, with ○ or 〇 for zero.
        (["某市印刷行业协会 王某某 二○一二年六月三十日 附件:报名表"], "2012-06-30"),
        (["二〇二一年十二月"], "2021-12"),
    ],
)
def test_republic_years_and_chinese_numeral_dates_are_read(lines: list[str],
                                                           date: str) -> None:
    assert first_date(lines) == date
    assert report_date(lines, []) == date


def test_a_bare_three_digit_year_is_no_republic_year_without_the_era() -> None:
    # 106年 alone (a count, a page's own numbering) is no date unless 民國 is named.
    assert first_date(["第106年度第11月29日 编号"]) is None
    assert first_date(["共计106年11月29日"]) is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        # Official Taiwan documents write the Republic year digit by digit.
        ("發布日期:民國一○六年十一月二十九日", "2017-11-29"),
        ("中華民國一○○年元月一日起施行", "2011-01-01"),
        ("二○二四年十二月廿一日", "2024-12-21"),
        ("2024年元月5日 市总工会", "2024-01-05"),
        ("民國 106/11/29 勞動部", "2017-11-29"),
        # A count of years before a date is no Republic year (满30年11月15日).
        ("民国时期的工会 建会至今满30年11月15日召开纪念大会", None),
    ],
)
def test_republic_and_chinese_numeral_dates(line: str, date: str | None) -> None:
    assert first_date([line]) == date


def test_a_bare_republic_stamp_is_read_where_the_body_names_the_era() -> None:
    # A Taiwan ministry's notice: its stamp bare, the era named in its text only.
    text = (
        "勞動部公告修正基本工資\n"
        "\n"
        "發布日期：106年11月29日\n"
        "\n"
        "勞動部依據中華民國憲法及勞動基準法規定,公告自107年1月1日起基本工資調整為每月22,000元。\n"
        "本會呼籲各事業單位遵守規定。\n"
    )
    assert unionnlp.analyze(text).date == "2017-11-29"
    assert report_date([None], ["發布日期：106年11月29日"]) is None
    assert report_date([None], ["發布日期：106年11月29日"], ["依據中華民國憲法"]) == "2017-11-29"
