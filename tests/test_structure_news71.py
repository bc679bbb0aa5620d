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


# A speech published on a union's site: the path, the title, the speaker, the salutation,
# two numbered parts, then the site's sidebar (its columns' names, a linked story).
SPEECH = ("首页 > 工会动态 > 领导讲话\n"
          "\n"
          "在全市工会送温暖工作会议上的讲话\n"
          "\n"
          "市总工会主席 王建国\n"
          "\n"
          "同志们:\n"
          "\n"
          "今天我们召开全市工会送温暖工作会议,主要任务是总结去年工作,部署今年任务。\n"
          "\n"
          "一、充分肯定去年送温暖工作取得的成绩\n"
          "\n"
          "去年,全市各级工会共筹集资金2800万元,走访慰问困难职工1.2万户。\n"
          "\n"
          "二、认真做好今年送温暖各项工作\n"
          "\n"
          "各级工会要把送温暖活动同解决职工实际困难结合起来,确保困难职工温暖过冬。\n"
          "\n"
          "图片报道\n"
          "\n"
          "活动图片\n"
          "\n"
          "温暖20年的前行足迹\n")


def test_a_gallerys_label_read_as_a_headline_is_set_aside(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    # Where the labeller leaves the line rules' reading (a short line with no mark, a
    # headline), the gallery's labels still head no section.
    import unionnlp.linerole as linerole

    monkeypatch.setattr(linerole, "relabel", lambda lines, *args, **kwargs: list(lines))
    report = _parse(SPEECH)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "图片报道" not in headings and "活动图片" not in headings
    assert "活动图片" in report.dropped and "图片报道" in report.dropped
    assert headings[:2] == ["一、充分肯定去年送温暖工作取得的成绩", "二、认真做好今年送温暖各项工作"]


@pytest.mark.parametrize("label", ("活动图片", "图片报道", "圖集", "【视频新闻】", "精彩照片"))
def test_a_gallery_or_video_label_is_furniture(label: str) -> None:
    from unionnlp.structure import _galleries_aside

    assert _galleries_aside([ABOVE, _line(label, "headline", 2)])[1].kind == "furniture"


@pytest.mark.parametrize("heading", ("图片档案管理", "照片征集活动圆满结束", "一、活动图片"))
def test_a_headline_that_only_mentions_photos_stays_a_headline(heading: str) -> None:
    from unionnlp.structure import _galleries_aside

    assert _galleries_aside([ABOVE, _line(heading, "headline", 2)])[1].kind == "headline"


SPELT = ("1、0、0……作品完成的那一刻,现场掌声雷动。在高新区这场焊工技能比赛的赛场上,一块钢板上焊出了"
         "数字“100”,三位劳模工匠的徒弟接力施焊,祝贺全国总工会建会100周年。")


def test_a_figure_spelt_out_digit_by_digit_opens_no_numbered_headline(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Where the learned models are unsure, the rules decide: 1、 before 0、0 is no number.
    import unionnlp.structure as structure

    monkeypatch.setattr(structure, "_learned_end", lambda *args: 0)
    monkeypatch.setattr(structure, "_learned_whole", lambda *args: False)
    assert structure.inline_heading(SPELT) == 0
    # A list's number before a year or a figure with a unit still opens a headline.
    head = "1、2023年工作回顾。全年新建基层工会42家,新发展会员3100余名,职工入会率稳步提高。"
    assert structure.inline_heading(head) == len("1、2023年工作回顾。")
    head = "2、5大行动全面推进。全市各级工会围绕中心工作开展劳动竞赛,参赛职工超过2万人次。"
    assert structure.inline_heading(head) == len("2、5大行动全面推进。")


# A writing site's copy of a speech: its path, the title, the stamp, the outline of the
# speech it prints before the text (closed by dots alone), then the speech, cut short
# for those who do not pay (its first part's headline not printed).
OUTLINED = ("您的位置:文秘网>>工会/职工/动员大会/>>正文\n"
            "\n"
            "区领导出席全区职工创业创新动员会议并讲话\n"
            "\n"
            "发表时间:2014/3/29 22:19:12\n"
            "目录/提纲:……\n"
            "第一、要认清形势、把握大局\n"
            "一是“改革”\n"
            "二是“创新”\n"
            "第二、要突出重点、创先争优\n"
            "一是要把构建现代产业体系作为主攻方向\n"
            "……\n"
            "同志们:\n"
            "刚才,大会表彰了职工创业创新活动中涌现的先进集体和个人,几位同志作了很好的发言。\n"
            "……(省略448字,正式会员可完整阅读)\n"
            "这些年来,全区广大职工满怀热情、勇于创新,在经济社会发展中发挥了主力军作用。\n"
            "第二、要突出重点、创先争优\n"
            "各级工会要把开展群众性经济技术创新活动作为重要载体,组织职工开展技术攻关。\n")


def test_the_outline_a_site_prints_before_a_speech_is_set_aside(monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    import unionnlp.linerole as linerole

    monkeypatch.setattr(linerole, "relabel", lambda lines, *args, **kwargs: list(lines))
    report = _parse(OUTLINED)
    headings = [s.heading for a in report.articles for s in a.sections]
    # The outline's entries head no section; the speech's own headline does.
    for entry in ("第一、要认清形势、把握大局", "一是“改革”", "一是要把构建现代产业体系作为主攻方向"):
        assert entry not in headings
        assert entry in report.dropped
    assert headings.count("第二、要突出重点、创先争优") == 1
    assert any(p.text.startswith("这些年来") for p in report.paragraphs)


@pytest.mark.parametrize("entries", (
    (),  # a label with nothing before the dots
    ("第一、要认清形势、把握大局", "全区各级工会要坚持以职工为中心,把职工群众的所思所盼所急所难作为工会一切工作的出发点和落脚点"),
))
def test_no_outline_without_short_entries_closed_by_dots(entries: tuple[str, ...]) -> None:
    from unionnlp.structure import _outlines_aside

    texts = ("目录/提纲:……", *entries, "……", "第一、要认清形势、把握大局")
    lines = [_line(t, "headline", n) for n, t in enumerate(texts)]
    assert [x.kind for x in _outlines_aside(lines)] == ["headline"] * len(texts)
