"""Structure of news and speech pages: lines of a news story that head no section (a photo's
caption that opens with its date)."""

from __future__ import annotations

import pytest

from unionnlp.lines import Line
from unionnlp.model import Report, Source
from unionnlp.structure import _dated_captions, parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _line(text: str, kind: str, number: int) -> Line:
    return Line(text=text, offset=number * 100, number=number, kind=kind,  # type: ignore[arg-type]
                view=text)


# A traditional-character news page: the site's path, the title, the stamp, a dateline,
# then the story with its photos' captions, each opening with the day the photo was taken.
STORY = ("首頁 > 新聞中心 > 工會動態\n"
         "\n"
         "維權小組千里追薪 12名農民工拿回血汗錢\n"
         "\n"
         "2024-01-16 09:30 來源:四川工人日報\n"
         "\n"
         "本報訊(記者 李明) 春節臨近,巴中市總工會維權小組帶著農民工的委託,再一次踏上了追討欠薪的路程。\n"
         "\n"
         "1月14日上午,趕赴平陰縣途中的維權小組被大雪堵在路上\n"
         "\n"
         "1月14日早上8點多,維權小組從濟南出發直奔平陰。雪越下越大,高速公路封閉,大家只好改走國道。\n"
         "\n"
         "1月14日下午,農民工張大勇夫婦向記者講述被拖欠工錢的經過\n"
         "\n"
         "冷風裡,混凝土班組長張大勇對記者說,他們在工地幹了整整兩年,工錢一直沒有結清,家裡老人看病都要借錢。\n"
         "\n"
         "經過兩天協商,施工方當場支付了拖欠的工資共計38.6萬元,12名農民工拿到了血汗錢。\n")


def test_a_caption_that_opens_with_its_date_heads_no_section() -> None:
    report = _parse(STORY)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert not any(h.startswith("1月14日") for h in headings)
    captions = [p.text for p in report.paragraphs if p.kind == "caption"]
    assert "1月14日上午,趕赴平陰縣途中的維權小組被大雪堵在路上" in captions
    # The story is one article, its text all kept.
    assert len(report.articles) == 1
    assert any(p.text.startswith("經過兩天協商") for p in report.paragraphs)


ABOVE = _line("全市各级工会为户外劳动者送去防暑降温物资,覆盖职工1.2万人次。", "body", 1)


@pytest.mark.parametrize("caption", (
    "1月14日上午,趕赴平陰縣途中的維權小組被堵在路上",
    "7月15日 市总工会工作人员在工会驿站为外卖骑手发放清凉包",
    "2023年5月 劳模工匠在车间为青年职工讲解焊接要领",
    "12月6日下午(星期三),叉车工在赛场上比拼技能",
))
def test_a_headline_amid_the_text_opening_with_a_date_is_a_caption(caption: str) -> None:
    out = _dated_captions([ABOVE, _line(caption, "headline", 2)])
    assert out[1].kind == "caption"


@pytest.mark.parametrize("line", (
    "7月24日: 天氣酷熱 搜集工友意見",  # a diary's day heads its part
    "2013年3月27日",  # a date alone: the closing signature's rules read it
    "2024年12月6日 星期五",
    "1月14日。",
    "一、1月14日上午,维权小组赶赴平阴县",  # numbered: a list's headline
))
def test_a_date_alone_a_labelled_day_or_a_numbered_line_stays_as_it_is(line: str) -> None:
    out = _dated_captions([ABOVE, _line(line, "headline", 2)])
    assert out[1].kind == "headline"


def test_a_dated_line_above_the_text_is_left_to_the_title_rules() -> None:
    # Above the first line of text (a title block's line) the rule does not read it.
    line = _line("1月14日上午,趕赴平陰縣途中的維權小組被堵在路上", "headline", 0)
    assert _dated_captions([line, ABOVE])[0].kind == "headline"
