"""Structure of fresh mainland pages' heads and tails: a title between an e-paper's masthead
and its audio button, a photo's caption over the lead, an author's bare name, a sidebar
teaser cut off before 更多>, closing signatures and source tags, a list's label with no
list, and an unnumbered headline over numbered ones."""

from __future__ import annotations

import pytest

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


EPAPER = """南方职工报官方网站 | 南工网首页 今天是
网络评论自律承诺书  违法信息举报电话:南工网(020-66554433)
第3120期:第02版 要闻

滨江区总工会启动职工技能提升行动助推企业复工

语音播报: 语音播报

本报讯(林晓 通讯员 周宁)近日,滨江区总工会印发《职工技能提升行动实施方案》,行动从4月持续到11月。

《方案》要求,各街道总工会和区直基层工会结合实际组织培训,区总工会将定期督导,年底评选先进集体。

关注公众号,随时阅读南方职工报
"""


def test_a_title_between_an_epapers_masthead_and_its_audio_button_is_the_title() -> None:
    report = _parse(EPAPER)
    article = report.articles[0]
    assert article.title == "滨江区总工会启动职工技能提升行动助推企业复工"
    assert article.title not in report.dropped
    assert "语音播报: 语音播报" in report.dropped
    assert "第3120期:第02版 要闻" in report.dropped
    assert article.byline is not None and article.byline.startswith("本报讯")


PHOTO = """河口镇三家职工书屋被评为“全省示范职工书屋”

北方晨报 2019-06-18 00:00:00

原标题:河口镇三家职工书屋被评为“全省示范职工书屋”

镇总工会主席刘明为获评单位授牌.JPG

镇总工会主席刘明为获评单位授牌

河口镇中心小学职工书屋获评省级示范职工书屋

河口镇供电所“悦读+”职工书屋获评省级示范职工书屋

北方晨报讯(记者 王宁 通讯员 赵丽)6月15日,全省示范职工书屋授牌仪式在镇文化站举行,镇总工会为三家书屋授牌。

职工书屋建成以来,各书屋开展读书分享、技能讲座等活动,带动职工读书学习。
"""


def test_a_caption_after_a_photos_file_name_is_no_part_of_the_title() -> None:
    report = _parse(PHOTO)
    article = report.articles[0]
    assert article.title == "河口镇三家职工书屋被评为“全省示范职工书屋”"
    caption = "河口镇供电所“悦读+”职工书屋获评省级示范职工书屋"
    assert [p.text for p in article.paragraphs if p.kind == "caption"] == [caption]
    texts = [p for p in article.paragraphs if p.kind == "text"]
    assert texts[0].text.startswith("6月15日"), texts[0].text
    assert article.byline is not None and "记者 王宁" in article.byline


#: A feature article's text under its author's name (the labeller reads some names as a
#: title, under a title as furniture).
FEATURE = """“比技能,赛本领,争先进,创一流。”随着响亮的口号声,“全省职工职业技能大赛决赛”的会标出现在巨大的红色屏幕上,几束追光同时亮起。
2022年9月20日,全省职工职业技能大赛决赛在省体育中心开幕。经过各市层层选拔,最终有312名职工组成16支代表队进入决赛。
作为省总工会的一项品牌工作,两年一届的全省职工职业技能大赛自2008年以来已举办七届,累计带动300余万名职工参加。
本届大赛期间,除了现场观众,还有18万名职工通过网上直播观看比赛。
"""
NAMES = ("陈可馨", "马梦瑶", "孙梦瑶", "吴佳怡", "马 丽")


@pytest.mark.parametrize("name", NAMES)
def test_an_authors_bare_name_over_the_text_is_the_byline_not_the_title(name: str) -> None:
    article = _parse(f"{name}\n{FEATURE}").articles[0]
    assert article.title is None
    assert article.byline == name
    assert article.paragraphs[0].text.startswith("“比技能")


@pytest.mark.parametrize("name", NAMES)
def test_an_authors_bare_name_under_the_title_is_the_byline(name: str) -> None:
    report = _parse(f"全省职工职业技能大赛决赛侧记\n{name}\n{FEATURE}")
    article = report.articles[0]
    assert article.title == "全省职工职业技能大赛决赛侧记"
    assert article.byline == name
    assert name not in report.dropped


def test_a_menus_word_that_could_be_a_name_stays_furniture() -> None:
    report = _parse(f"范文\n菜单\n全省职工职业技能大赛决赛侧记\n{FEATURE}")
    article = report.articles[0]
    assert article.byline is None
    assert "范文" in report.dropped


TEASER = ("江南市总工会简介 江南市总工会是全市各级工会的领导机关,是党联系职工群众的桥梁和纽带。"
          "一、市总工会主要职责江南市总工会负责指导全市各级工会开展工作。市总... 更多>\n"
          "9月12日,由市总工会主办的“匠心筑梦”职工演讲比赛在市文化馆举行。来自全市各行业的40名选手参加比赛。\n"
          "比赛自8月启动以来,各级工会广泛发动职工参与,最终评出一等奖2名、二等奖4名、三等奖6名。\n"
          "©CopyRight 江南市总工会 All Rights Reserved.\n")


def test_a_sidebar_teaser_cut_before_its_more_link_is_furniture_with_its_headline() -> None:
    report = _parse(TEASER)
    article = report.articles[0]
    assert [s.heading for s in article.sections if s.heading] == []
    assert [p.text[:5] for p in article.paragraphs] == ["9月12日", "比赛自8月"]
    assert any(d.endswith("更多>") for d in report.dropped)


def test_a_paragraph_that_ends_its_sentence_before_a_read_more_link_stays() -> None:
    text = TEASER.replace("市总... 更多>", "。 …… 阅读全文")
    article = _parse(text).articles[0]
    assert any("阅读全文" in p.text or "阅读全文" in (s.heading or "")
               for s in article.sections for p in s.paragraphs)


SIGNED = """江北县集体合同签订率达95%
中工网讯 记者日前获悉,江北县企业集体合同、工资专项集体合同等签订到位,全县共签订独立合同61份、区域性合同9份,覆盖企业410家,覆盖职工1.3万人。
为确保按期完成目标任务,江北县成立了由县人社局、县总工会、县工商联组成的工作小组,形成了党委领导、政府主导、工会力推、企业和职工参与的工作格局。(江北县总工会 王海燕 刘建国)
编辑:陈晨
"""


def test_a_closing_bracket_of_a_unit_and_names_signs_the_item() -> None:
    article = _parse(SIGNED).articles[0]
    assert article.paragraphs[-1].text.endswith("的工作格局。")
    assert article.byline is not None
    assert article.byline.splitlines()[-1] == "(江北县总工会 王海燕 刘建国)"


def test_a_closing_bracket_of_a_unit_and_other_words_stays_in_the_text() -> None:
    text = SIGNED.replace("(江北县总工会 王海燕 刘建国)", "(江北县总工会 办公室)")
    article = _parse(text).articles[0]
    assert article.paragraphs[-1].text.endswith("(江北县总工会 办公室)")


def test_a_news_sources_tag_opening_the_first_paragraph_goes_to_the_byline() -> None:
    text = ("[江城新闻]在春节来临之际,江城市东湖区总工会开展“情暖职工”活动,筹措资金十五万元,慰问困难职工。\n"
            "区总工会提高帮扶标准,对全区在档的98名困难职工每人发放慰问金800元。\n")
    article = _parse(text).articles[0]
    assert article.byline == "[江城新闻]"
    assert article.paragraphs[0].text.startswith("在春节来临之际")


AWARDS = """5月28日,我区召开“建功新时代”劳动竞赛表彰大会。
区委常委、区总工会主席陈立国出席会议并讲话,区人大常委会副主任张明,副区长李红出席会议。
这次竞赛中,12个单位获区级“五一劳动奖状”、30人获“五一劳动奖章”。
附“东湖区五一劳动奖状”名单:
附:“东湖区五一劳动奖章”
图文:晓雨
编辑:方舟
"""


def test_labels_of_lists_missing_from_the_page_are_set_aside_alike() -> None:
    report = _parse(AWARDS)
    texts = [p.text for p in report.articles[0].paragraphs]
    assert texts[-1].endswith("获“五一劳动奖章”。")
    assert "附“东湖区五一劳动奖状”名单:" in report.dropped
    assert "附:“东湖区五一劳动奖章”" in report.dropped


def test_a_lists_label_with_its_list_under_it_stays() -> None:
    text = AWARDS.replace("附:“东湖区五一劳动奖章”\n",
                          "区供电公司、区第一中学、区人民医院、区公交公司、区自来水公司等12个单位。\n")
    report = _parse(text)
    texts = [p.text for p in report.articles[0].paragraphs]
    assert "附“东湖区五一劳动奖状”名单:" in texts
    assert any(t.startswith("区供电公司") for t in texts)


HALF_YEAR = """镇总工会半年工作总结
半年来,我镇各级工会在镇党委和上级工会的领导下,围绕中心、服务大局,较好地完成了各项工作任务。
20xx年上半年工作回顾
一、认真贯彻落实市总工会全委会精神
市总工会全委会召开后,镇总工会及时向镇党委汇报,研究部署全镇工会工作,推动各项任务落实。
二、积极服务全镇经济发展大局
镇总工会组织开展劳动竞赛和合理化建议活动,共收到职工建议120条,采纳35条。
下半年工作打算
下半年,镇总工会将继续加强基层组织建设,扎实做好困难职工帮扶工作。
"""


def test_an_unnumbered_headline_over_numbered_ones_is_their_parent() -> None:
    article = _parse(HALF_YEAR).articles[0]
    levels = {s.heading: s.level for s in article.sections if s.heading}
    assert levels["20xx年上半年工作回顾"] == 1
    assert levels["一、认真贯彻落实市总工会全委会精神"] == 2
    assert levels["二、积极服务全镇经济发展大局"] == 2
    assert levels["下半年工作打算"] == 1


def test_a_regulations_closing_part_opening_with_fu_is_no_lists_label() -> None:
    text = ("第一条 为做好困难职工帮扶工作,制定本办法。\n"
            "第二条 本办法适用于全市各级工会。\n"
            "附则:本办法由市总工会负责解释\n")
    paragraphs = [p.text for p in _parse(text).articles[0].paragraphs]
    assert any(t.startswith("附则") for t in paragraphs), paragraphs


#: Common words that open with a surname; jieba's dictionary tags them all ``nr``.
WORDS_LIKE_NAMES = ("张贴", "贺信", "高峰", "金秋", "万人", "许可", "毛巾", "宋体")


@pytest.mark.parametrize("word", WORDS_LIKE_NAMES)
def test_a_common_word_is_no_persons_name(word: str) -> None:
    from unionnlp.keyterms import person_name

    assert not person_name(word)


@pytest.mark.parametrize("name", ("陈可馨", "王磊", "韩志远", "周楠", "马丽", "李强", "王芳"))
def test_a_real_name_is_a_persons_name(name: str) -> None:
    from unionnlp.keyterms import person_name

    assert person_name(name)


def test_a_common_word_over_the_text_is_no_byline() -> None:
    article = _parse("张贴\n各单位要将宣传海报张贴在醒目位置,确保职工知晓政策,"
                     "切实提高宣传的覆盖面和影响力。\n").articles[0]
    assert "张贴" not in (article.byline or "")


def test_a_letters_title_is_no_byline() -> None:
    report = _parse("贺信\n全市广大职工朋友们:值此“五一”国际劳动节来临之际,市总工会向全市广大"
                    "职工致以节日的问候!\n市总工会\n2023年4月28日\n")
    article = report.articles[0]
    assert "贺信" not in (article.byline or "")
    assert article.byline == "市总工会\n2023年4月28日"


def test_a_closing_bracket_of_common_words_is_no_signature() -> None:
    text = ("某县总工会开展送温暖活动\n1月10日,某县总工会走访慰问困难职工30户,送去慰问金和"
            "慰问品,把党和政府的关怀送到职工心坎上。(某县总工会 张贴 高峰)\n")
    article = _parse(text).articles[0]
    assert "张贴" not in (article.byline or "")


@pytest.mark.parametrize("name", ["杨斌", "洪涛", "高飞", "黄鹏", "丁磊", "杨俊"])
def test_a_common_two_character_name_is_a_byline_and_a_signature(name: str) -> None:
    # jieba's dictionary tags these as names (nr) like a few words (白班): they are
    # ordinary people's names all the same.
    text = (f"市总工会开展送温暖活动\n{name}\n\n春节前夕,市总工会领导分头走访慰问困难职工,"
            "送去慰问金和慰问品。\n")
    assert _parse(text).articles[0].byline == name
    text = ("县总工会开展送清凉活动\n7月10日,县总工会为一线职工送去绿豆汤和防暑药品,"
            f"惠及职工500人。（县总工会 {name} 李静）\n")
    article = _parse(text).articles[0]
    assert name in (article.byline or "")
    assert not article.paragraphs[-1].text.endswith("）")


def test_a_bare_name_far_under_the_title_is_no_byline() -> None:
    text = (f"全省职工职业技能大赛决赛侧记\n第一部分 赛场内外\n陈可馨\n{FEATURE}")
    article = _parse(text).articles[0]
    assert article.byline != "陈可馨"


STORY = "10月18日,县总工会举行2023年职工技能大赛颁奖仪式,为获奖的30名选手颁发证书和奖金,县领导出席并讲话。\n"


@pytest.mark.parametrize("head", ("职工风采\nbanner_top.jpg\n", "职工风采\nIMG_2031.JPG\n",
                                  "职工风采\n\nlogo.png\n\n"))
def test_a_storys_title_under_a_channels_image_is_no_caption(head: str) -> None:
    report = _parse(f"{head}某县总工会举行职工技能大赛颁奖仪式\n{STORY}")
    article = report.articles[0]
    assert article.title == "某县总工会举行职工技能大赛颁奖仪式"
    assert [p.kind for p in article.paragraphs] == ["text"]


@pytest.mark.parametrize("tag", ("【喜报】", "【捷报】", "【快报】", "【通报】", "【简报】", "【海报】",
                                 "【周报】", "【工会快报】", "【工会新闻】", "[图片新闻]", "【职工在线】"))
def test_a_column_tag_opening_the_news_is_no_source(tag: str) -> None:
    report = _parse(f"某区工会开展送清凉活动\n{tag}我区工会获评全省工会工作先进单位,"
                    "这是区总工会连续三年获此殊荣,是全区各级工会共同努力的结果。\n")
    article = report.articles[0]
    assert tag not in (article.byline or "")
    assert article.paragraphs[0].text.startswith(tag) or tag in report.dropped


@pytest.mark.parametrize("tag", ("【中工网】", "【工人日报】", "[江南晚报]", "【连网】"))
def test_a_news_sources_tag_opening_the_news_joins_the_byline(tag: str) -> None:
    report = _parse(f"某区工会开展送清凉活动\n{tag}我区工会获评全省工会工作先进单位,"
                    "这是区总工会连续三年获此殊荣,是全区各级工会共同努力的结果。\n")
    assert report.articles[0].byline == tag


# A government site's story in parts, each opening with a topic tag in brackets; the
# first tag ends in 网 as a news site's name does (中工网), but the tags name the parts.
TAGGED_PARTS = (
    "首页 > 工作动态\n"
    "市总工会多措并举服务新就业形态劳动者\n"
    "发布时间:2024-06-12  来源:市总工会\n"
    "{first}今年以来,市总工会在全市建成户外劳动者服务站点120个,为快递员、外卖骑手等"
    "提供休息、饮水、充电等服务.\n"
    "【拓宽服务面】市总工会联合人社部门开展送岗位、送培训活动,惠及新就业形态劳动者"
    "3万余人次.\n"
    "【提升获得感】市总工会还为2.1万名骑手办理了专属互助保障.\n"
)


@pytest.mark.parametrize("first", ("【织密服务网】", "【筑牢保障网】", "[温暖服务网]"))
def test_a_series_of_topic_tags_is_no_news_source(first: str) -> None:
    article = _parse(TAGGED_PARTS.format(first=first)).articles[0]
    assert first not in (article.byline or "")
    assert article.paragraphs[0].text.startswith(first)


def test_a_news_sources_tag_alone_still_joins_the_byline() -> None:
    text = TAGGED_PARTS.format(first="【中工网】").replace("【拓宽服务面】", "").replace(
        "【提升获得感】", "")
    assert _parse(text).articles[0].byline == "【中工网】"


@pytest.mark.parametrize("later", ["【相关链接】", "【延伸阅读】", "【编者按】", "【记者手记】", "【拓宽服务面】"])
def test_one_later_tag_leaves_a_news_sources_tag_in_the_byline(later: str) -> None:
    # One tag further down (a link, a reading, one topic) makes no series of tags.
    text = ("市总工会开展送温暖活动\n\n"
            "【中工网】(记者 王平)春节前夕,市总工会领导分头走访慰问困难职工。"
            "慰问活动共发放慰问金120万元。\n\n"
            f"{later}2023年,市总工会共筹集帮扶资金800万元。\n\n"
            "活动受到广大职工好评。\n")
    article = _parse(text).articles[0]
    assert (article.byline or "").startswith("【中工网】")
    assert article.paragraphs[0].text.startswith("春节前夕")


def _visible(report: Report) -> str:
    return "\n".join([a.title or "" for a in report.articles]
                     + [s.heading or "" for a in report.articles for s in a.sections]
                     + [p.text for p in report.paragraphs])


def test_a_sections_only_text_ending_in_more_stays() -> None:
    report = _parse("一、职工服务\n今年,我们着力打造“15分钟服务圈”,建成职工驿站36个,让职工享受到更多…更多\n"
                    "二、帮扶救助\n全年发放帮扶资金120万元,救助困难职工860人次。\n")
    assert not report.dropped
    first = report.articles[0].sections[0]
    assert first.heading == "一、职工服务" and first.paragraphs[0].text.startswith("今年")


def test_a_line_ending_in_more_that_runs_on_into_the_next_stays() -> None:
    head = "全年开展送温暖、金秋助学、医疗互助、法律援助……更多"
    report = _parse(f"某县总工会2023年工作总结\n{head}\n困难职工得到了实实在在的帮助,"
                    "职工群众的获得感、幸福感、安全感不断增强,工会组织的凝聚力明显提高。\n")
    assert head not in report.dropped
    assert head in _visible(report)


_CAPTION_TWICE = ("市总工会开展“劳模工匠进校园”活动\n\n"
                  "本报讯(记者 王敏)4月18日,市总工会组织8名全国和省级劳模工匠走进市第三职业中学,"
                  "与600余名师生面对面交流。\n\n"
                  "{line}\n{line}\n\n"
                  "活动中,劳模工匠们讲述了自己扎根一线、钻研技术的成长经历,并现场展示了焊接、"
                  "数控加工等绝活。\n\n"
                  "市总工会有关负责人表示,今年将组织劳模工匠进校园活动20场以上。\n")


@pytest.mark.parametrize("line", ["职工书屋揭牌仪式现场", "全毁补助5,000元、半毁补助2,000元"])
def test_a_line_printed_twice_one_under_the_other_heads_no_section(line: str) -> None:
    # A news page prints a photo's caption as the image's text and again under it; a
    # converted table prints a cell's note twice. Neither copy is a headline.
    text = _CAPTION_TWICE.format(line=line)
    report = _parse(text)
    assert all(s.heading != line for a in report.articles for s in a.sections)
    # Each copy is kept, as text, a caption (a scene's name: 揭牌仪式现场, as the corpus
    # annotates both copies of a caption) or set aside; neither heads a section.
    texts = [p.text for p in report.paragraphs]
    assert texts.count(line) + report.dropped.count(line) == 2
    assert [p.text[:3] for p in report.paragraphs][-2:] == ["活动中", "市总工"]


_TWO_LINE_HEADS = ("本地工會發展回顧 從碼頭罷工到最低工資立法\n\n"
                   "記者 陳嘉欣\n\n"
                   "回顧本地工會的發展,不少老工友都會提到上世紀的幾場罷工。當年工人生活艱苦,"
                   "工時長、工資低,工會成為工人爭取權益的主要渠道。\n\n"
                   "碼頭工人曾經團結一致\n"
                   "四十天罷工換來加薪\n"
                   "二〇一三年,碼頭工人因工資多年未有調整而發起罷工,持續四十天,最終換來百分之九點八"
                   "的加薪。工會幹事梁志明表示,那次行動令更多工人明白團結的重要。\n\n"
                   "最低工資立法之後\n"
                   "工時保障仍待爭取\n"
                   "最低工資於二〇一一年實施後,基層工人的收入有所改善,但標準工時至今仍未立法。"
                   "梁志明認為,工會下一步要繼續爭取合理工時,讓工人有時間休息和陪伴家人。\n")


def test_a_headline_printed_over_two_lines_heads_one_section() -> None:
    # A Hong Kong union paper's story: each 小标题 printed over two short lines, its text
    # right under it. The second line goes on from the first; no section is left empty.
    report = _parse(_TWO_LINE_HEADS)
    (article,) = report.articles
    heads = [s for s in article.sections if s.heading]
    assert [s.heading for s in heads] == ["碼頭工人曾經團結一致四十天罷工換來加薪",
                                          "最低工資立法之後工時保障仍待爭取"]
    assert all(s.paragraphs for s in heads)
    assert heads[0].offset == _TWO_LINE_HEADS.index("碼頭工人")


def test_a_closing_issuer_over_its_date_stays_the_byline() -> None:
    # Two short lines at the foot of a notice, the issuer over the date: a signature,
    # not a headline printed over two lines.
    text = ("关于开展2024年金秋助学活动的通知\n\n"
            "各基层工会:\n\n"
            "为帮助困难职工子女顺利入学,经研究,决定开展2024年金秋助学活动。"
            "请各基层工会于8月20日前将申报材料报送县总工会权益保障部。\n\n"
            "某某县总工会\n"
            "2024年8月1日\n")
    report = _parse(text)
    assert all(not s.heading for a in report.articles for s in a.sections)
    assert "某某县总工会" in (report.articles[0].byline or "")


def test_a_part_heading_over_its_first_sub_heading_stays_two_headings() -> None:
    # A work report copied from Word: no blank lines, a part's heading right over its first
    # sub-heading, a later sub-heading on its own line. Two headings, not one.
    text = ("某某县总工会2023年工作总结\n"
            "2023年,县总工会在县委和上级工会的正确领导下,团结带领全县职工群众,各项工作取得新成效。\n"
            "工作回顾\n"
            "组织建设成效显著\n"
            "全年新建基层工会86家,发展会员5200余名,其中快递员、外卖配送员2300人。\n"
            "帮扶救助精准有力\n"
            "全年走访慰问困难职工320户,发放慰问金48万元。\n"
            "下一步工作打算\n"
            "深化产业工人队伍建设改革\n"
            "持续开展劳动和技能竞赛,全年组织各类竞赛30场次。\n")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert "工作回顾组织建设成效显著" not in headings
    assert "下一步工作打算深化产业工人队伍建设改革" not in headings
    assert "组织建设成效显著" in headings


def test_a_numbered_heading_printed_twice_keeps_its_section() -> None:
    # pdftotext draws a fake-bold heading twice: the section keeps one headline.
    text = ("市总工会召开全委会\n\n发布时间:2024-03-05\n\n"
            "会议总结了2023年工作,部署了2024年任务。\n\n"
            "一、组织建设\n一、组织建设\n全年新建基层工会86家,发展会员5200余名。\n\n"
            "二、帮扶救助\n全年走访慰问困难职工320户,发放慰问金48万元。\n")
    (article,) = _parse(text).articles
    headings = [s.heading for s in article.sections if s.heading]
    assert headings == ["一、组织建设", "二、帮扶救助"]
    assert all("一、组织建设" not in p.text for s in article.sections for p in s.paragraphs)


def test_a_title_printed_twice_is_no_paragraph() -> None:
    text = ("市总工会召开全委会\n市总工会召开全委会\n\n"
            "会议总结了2023年工作,部署了2024年任务。\n\n"
            "会议强调,要始终坚持党对工会工作的全面领导。\n")
    (article,) = _parse(text).articles
    assert article.title is not None and "市总工会召开全委会" in article.title
    first = article.sections[0].paragraphs[0].text
    assert first.startswith("会议总结")


@pytest.mark.parametrize("first", [
    "这是社区三月五日电话回访时了解到的情况,困难职工的生活有了明显改善。",
    "国网公司十二月五日电力抢修队伍全部到位,工会为一线职工送去防寒物资。",
    "报社记者3月5日电话采访了市总工会有关负责人。",
    "我们从电视台消息“春暖”中得知,服务行动近日启动。",
])
def test_a_first_sentence_with_dian_or_xiaoxi_is_no_dateline(first: str) -> None:
    text = f"市总工会开展春暖行动\n\n{first}\n\n活动受到广大职工好评。\n"
    article = _parse(text).articles[0]
    assert article.byline is None
    assert article.paragraphs[0].text == first


@pytest.mark.parametrize(("first", "byline"), [
    ("中新社澳門四月三十日電 澳門工會聯合總會今日舉行勞動節酒會。", "中新社澳門四月三十日電"),
    ("中评社北京7月10日电/大公报记者报道,全国总工会今日召开会议。", "中评社北京7月10日电/"),
    ("经济日报讯 近日,全国总工会发布新就业形态劳动者权益保障报告。", "经济日报讯"),
])
def test_an_outlets_dateline_still_goes_to_the_byline(first: str, byline: str) -> None:
    text = f"全国总工会召开会议\n\n{first}\n\n会议强调,要维护职工合法权益。\n"
    assert _parse(text).articles[0].byline == byline
