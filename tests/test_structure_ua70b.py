"""Structure on page shapes a user run on fresh real pages met (traditional-character
news with repeated photo credits, ordinary first sentences read as lead-ins)."""

from __future__ import annotations

import pytest

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str, path: str | None = "t.txt") -> Report:
    return parse(Source(text=text, path=path))


# A Hong Kong news page: the site's furniture, the title, a time stamp, then paragraphs
# with a photo's credit (a social-media handle alone on its line) printed by each photo.
CREDITED = (
    "Skip to Content Facebook Feature Image\n"
    "\n"
    "職工會聯合發表勞動節聲明 促請改善工時保障\n"
    "\n"
    "2025年04月20日 10:15 最後更新:11:02\n"
    "\n"
    "今年勞動節前夕,全港多個職工團體聯合發表聲明,向政府提出8項建議,促請當局正視工時過長問題。\n"
    "\n"
    "職工盟IG\n"
    "\n"
    "職工盟IG\n"
    "\n"
    "聲明建議訂立標準工時,加強對超時工作的補償,並檢討法定假期安排,保障基層勞工的休息權利。\n"
    "\n"
    "團體代表表示,近年不少行業人手緊張,前線員工長時間工作,身心健康受到影響,政府應盡快回應訴求。\n"
    "\n"
    "職工盟IG\n"
    "\n"
    "有工會負責人指出,部分僱主以彈性安排為名延長工時,希望社會關注並支持立法保障。\n"
)


def test_a_photo_credit_repeated_between_paragraphs_heads_no_section() -> None:
    report = _parse(CREDITED)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "職工盟IG" not in headings
    assert report.dropped.count("職工盟IG") == 3
    # The four paragraphs are still text, in one article under its title.
    assert len(report.articles) == 1
    assert report.articles[0].title == "職工會聯合發表勞動節聲明 促請改善工時保障"
    assert len(report.paragraphs) == 4


def test_a_section_headline_printed_once_is_still_a_headline() -> None:
    text = CREDITED.replace("職工盟IG\n\n職工盟IG\n", "訂立標準工時\n").replace(
        "\n職工盟IG\n", "\n加強執法巡查\n")
    headings = [s.heading for a in _parse(text).articles for s in a.sections if s.heading]
    assert headings == ["訂立標準工時", "加強執法巡查"]


@pytest.mark.parametrize("sentence", ("下星期三是國際勞動婦女節", "本周日是全民健身日",
                                      "该厂是全市首批模范职工之家"))
def test_a_first_sentence_that_says_what_something_is_is_no_lead_in(sentence: str) -> None:
    text = (f"某县总工会工作动态\n{sentence}。全县各级工会组织开展系列活动,"
            "慰问一线职工500余人次,发放慰问金12万元。\n")
    assert _parse(text).paragraphs[0].lead_in is None


@pytest.mark.parametrize("phrase", ("一是抓好技能培训", "二是擦亮服务品牌"))
def test_an_ordinals_是_still_opens_a_lead_in(phrase: str) -> None:
    text = (f"某县总工会2023年工作总结\n{phrase}。全年举办培训班12期,参加职工860人次,"
            "评选岗位能手25名,职工的技能水平明显提高。\n")
    assert _parse(text).paragraphs[0].lead_in == phrase


# An encyclopaedia-style page whose site appends a random token to each line (anti-scrape).
SCRAMBLED = (
    "职工时报简介\n"
    "《职工时报》是某省总工会主办的综合性报纸,1950年3月在省城创刊,是一张以职工生活为重点的"
    "省级大报。1968年停刊,1979年复刊。日发行量为35万份(1990)。 R4.7Kb2!9Tm1.6q\n"
    "《职工时报》的读者对象是全省广大职工和工会干部,先后担任社长的有张某、李某等人,"
    "报社设有新闻部、评论部和通联部。 c7=2HD5.9Xn4;1z\n"
    "八十年代的《职工时报》,所担负的主要任务是: P,~3NB8-41K7!2x\n"
    "(1)宣传党的路线、方针、政策,为职工参政议政提供舆论阵地。 w6!3hG2?7Dk5;8M\n"
    "(2)宣传改革中涌现的新事物、新经验,对职工进行有理想、有纪律的教育。 Y84pq2+6LE3;5H\n"
    "(3)反映职工群众的意见和要求,维护职工的民主权利和合法权益,发挥舆论监督作用。 m3;8Fj5!2kB7+4u\n"
)


def test_an_anti_scrape_token_is_blanked_and_its_line_kept_as_text() -> None:
    report = _parse(SCRAMBLED)
    kept = "".join(p.text for p in report.paragraphs)
    assert "所担负的主要任务是:" in kept
    # A line after a sentence's end and its token opens a paragraph of its own.
    assert any(p.text.startswith("八十年代的《职工时报》") for p in report.paragraphs)
    assert not any("任务是" in d for d in report.dropped)
    from unionnlp.structure import blank_junk

    view = blank_junk(SCRAMBLED)
    assert len(view) == len(SCRAMBLED)
    for token in ("R4.7Kb2!9Tm1.6q", "P,~3NB8-41K7!2x", "w6!3hG2?7Dk5;8M", "Y84pq2+6LE3;5H"):
        assert token not in view
    assert "日发行量为35万份(1990)。" in view


@pytest.mark.parametrize("line", ("发布时间: 2023-05-29", "电话: 029-63912478", "网址: www.example.com.cn",
                                  "(转载请注明出处) MediaOutReach", "执行标准: GB/T2260-2007"))
def test_a_date_number_or_address_after_a_line_is_no_anti_scrape_token(line: str) -> None:
    from unionnlp.structure import blank_junk

    assert blank_junk(line) == line



# A regional union's news page: the site's name and slogan, the title, its subtitle, then
# the stamp line with the source, the authors and the time, set aside as furniture.
STAMPED = (
    "某工网\n"
    "某省职工的网上家园\n"
    "凝心聚力谱写工会工作新篇章\n"
    "——某县总工会2023年度工作纪实\n"
    "来源:某工网    作者:周明远 谢小芳    发表时间:2023-12-28 17:40:12\n"
    "\n"
    "  2023年,某县总工会围绕中心、服务大局,团结动员全县职工群众建功立业,各项工作取得新成效。\n"
    "\n"
    "  全年新建基层工会28家,发展会员1500余名,走访慰问困难职工320户,发放慰问金48万元。\n"
)


def test_the_author_field_of_a_stamp_line_set_aside_is_the_byline() -> None:
    report = _parse(STAMPED)
    article = report.articles[0]
    assert article.title == "凝心聚力谱写工会工作新篇章"
    assert article.byline == "周明远 谢小芳"
    # The stamp line itself stays set aside, whole.
    assert any(d.startswith("来源:某工网") for d in report.dropped)


@pytest.mark.parametrize("author", ("网友上传", "佚名", "某某网", "本站原创"))
def test_an_author_field_that_names_no_person_gives_no_byline(author: str) -> None:
    report = _parse(STAMPED.replace("周明远 谢小芳", author))
    assert report.articles[0].byline is None


@pytest.mark.parametrize("office", ("組織處", "宣傳部", "辦公室"))
def test_an_office_alone_under_the_title_is_the_byline_not_a_headline(office: str) -> None:
    text = ("2024年亞太區工會青年論壇紀實\n"
            "\n"
            f"{office}\n"
            "\n"
            "  本會一直以來積極參與國際工會事務,今年派出三名青年幹部赴吉隆坡出席論壇,"
            "與各國工會代表就青年就業與職場安全議題交流。\n"
            "\n"
            "  論壇為期三天,共有來自十八個國家及地區的一百二十名代表參加,會上通過了青年工作宣言。\n")
    article = _parse(text).articles[0]
    assert article.byline == office
    assert [s.heading for s in article.sections if s.heading] == []


def test_a_listing_item_cut_short_with_dots_closes_its_paragraph() -> None:
    # A federation's news listing: each item is one long line, cut short with dots.
    text = ("最新公布失業率升至5.8%,失業人數逼近20萬人,工會促請政府推出第二輪保就業計劃,"
            "並設立臨時失業援助金。有受訪的飲食業工友表示,自己已經開工不足三個月,"
            "每月收入減少一半,家庭開支全靠積蓄支撐,希望政府加強培訓及提升津貼。 "
            "工會權益委員會主任表示 :「點解可以幫僱主出糧,但唔可以幫失業工友生活?」因為...\n"
            "工會權益委員會(下稱:權委)就勞工處最新提交立法會的文件發表回應,認為當局對外判工人的"
            "保障仍然不足,合約期滿即被解僱的情況屢見不鮮,要求當局盡快檢討相關條例,"
            "並在標書中加入保障工人的條款。權委又指,政府應帶頭做好僱主責任,方可解決這問題。 ...\n")
    paragraphs = _parse(text).paragraphs
    assert len(paragraphs) == 2
    assert paragraphs[0].text.endswith("因為...")
    assert paragraphs[1].text.startswith("工會權益委員會(下稱:權委)")


def test_a_numbered_sentence_shaped_like_its_siblings_heads_a_section_too() -> None:
    # A 范文 page: each numbered item is one line, its headline sentence and its text.
    text = ("优秀实用范文分享\n"
            "机关工会2023年度工作总结\n"
            "2023年度,区统计局工会在上级工会和局党组的领导下,团结全体会员,圆满完成了各项任务。\n"
            "一、明确年度工会工作目标\n"
            "年初,局领导对全年工会工作提出了明确要求,局工会据此制定了年度工作计划。\n"
            "二、扎实开展各项工会工作\n"
            "1、组织会员学习党的历史,进一步坚定会员的理想信念。六月初,局党组组织全体会员"
            "到市档案馆参观党史展览,听取党校老师讲授党的光辉历程,大家深受教育。\n"
            "2、开展业务学习与案例点评,提高统计人员的工作水平。局工会先后组织会员开展业务学习,"
            "并请业务骨干讲解典型统计案例,会员的业务能力明显提高。\n"
            "3、组织业务培训和考试,不断提高统计人员的操作技能。今年以来局工会参与组织了"
            "全体会员业务培训和市局组织的业务考试,全局会员全部通过考试。\n")
    article = _parse(text).articles[0]
    headings = [s.heading for s in article.sections if s.heading]
    assert "2、开展业务学习与案例点评,提高统计人员的工作水平。" in headings
    second = next(s for s in article.sections if s.heading and s.heading.startswith("2、"))
    assert second.paragraphs[0].text.startswith("局工会先后组织会员开展业务学习")


def test_a_numbered_paragraph_unlike_its_siblings_stays_a_paragraph() -> None:
    text = ("优秀实用范文分享\n"
            "机关工会2023年度工作总结\n"
            "一、扎实开展各项工会工作\n"
            "1、组织会员学习党的历史,进一步坚定会员的理想信念。六月初,局党组组织全体会员"
            "到市档案馆参观党史展览,听取党校老师讲授党的光辉历程,大家深受教育。\n"
            "2、今年局工会共组织会员参加业务学习十二次,参加人数达到三百余人次,会员业务能力"
            "明显提高,多名会员在全市业务竞赛中获奖。随后又组织了案例点评。\n"
            "3、组织业务培训和考试,不断提高统计人员的操作技能。今年以来局工会参与组织了"
            "全体会员业务培训和市局组织的业务考试,全局会员全部通过考试。\n")
    headings = [s.heading for s in _parse(text).articles[0].sections if s.heading]
    assert not any(h.startswith("2、") for h in headings)


@pytest.mark.parametrize("line", ("(每月20日,關注“職工之友小編”微信朋友圈參與話題討論)",
                                  "扫码关注“某市工会”公众号,了解更多职工福利"))
def test_a_call_to_follow_the_site_read_as_a_headline_is_furniture(line: str) -> None:
    # The labeller read such a line (a magazine's readers' column) as a headline.
    from dataclasses import replace

    from unionnlp.convert import analysis_view
    from unionnlp.lines import split_lines
    from unionnlp.structure import _calls_to_act_aside

    text = f"本期話題:我最難忘的一次職工技能比賽\n{line}\n@浙江讀者 李明華 去年公司舉辦了焊工技能比賽。\n"
    lines = split_lines(text, None, analysis_view(text)[0])
    read = [replace(x, kind="headline") if x.text == line else x for x in lines]
    kinds = {x.text: x.kind for x in _calls_to_act_aside(read)}
    assert kinds[line] == "furniture"
    assert kinds["本期話題:我最難忘的一次職工技能比賽"] == read[0].kind


@pytest.mark.parametrize("menu", ("關於我們", "联系我们", "网站首页"))
def test_a_site_menu_item_is_never_the_title(menu: str) -> None:
    # A federation's news search list: the site's menu, then items of a date and a headline,
    # each with its teaser.
    text = (f"{menu}\n"
            "勞工權益\n"
            "會員優惠\n"
            "搜尋\n"
            "2019-06-18 工會向政府提交財政預算案建議——保障就業 改善民生\n"
            "\n"
            "  工會代表與財政司司長會面,就來年預算案提出多項建議,包括設立失業援助金及加強職業培訓。\n"
            "\n"
            "2019-06-10 工會捐款支援內地水災災民\n"
            "\n"
            "  工會理事長代表向慈善機構遞交捐款支票,支援受水災影響的災民重建家園。\n")
    report = _parse(text)
    assert all(a.title != menu for a in report.articles)
    assert menu in report.dropped


@pytest.mark.parametrize("label", ("摘要", "内容提要", "编者按"))
def test_a_label_that_introduces_a_text_is_no_lead_in(label: str) -> None:
    text = (f"某县总工会2023年度工作纪实\n{label}:2023年,某县总工会围绕中心、服务大局,"
            "团结动员全县职工建功立业,各项工作取得新成效。\n")
    assert _parse(text).paragraphs[0].lead_in is None


# A work report whose numbered headlines speak of WeChat and of following the union.
ONLINE = (
    "市总工会2023年工作总结\n"
    "\n"
    "一、创新入会方式,推行微信扫码入会\n"
    "\n"
    "全市各级工会依托微信公众号开通网上入会通道,职工扫码即可申请入会,全年通过网上入会发展会员1.2万名。\n"
    "\n"
    "二、打造网上服务阵地,欢迎职工关注工会抖音号\n"
    "\n"
    "市总工会开设抖音、视频号等新媒体账号,发布作品300余条,累计播放量超过500万次,扩大了工会影响力。\n"
    "\n"
    "三、加强自身建设\n"
    "\n"
    "全市各级工会干部深入开展作风建设,工作效能不断提升,职工满意度持续提高。\n"
)


def test_a_numbered_headline_that_mentions_wechat_still_heads_its_section() -> None:
    report = _parse(ONLINE)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert headings[:2] == ["一、创新入会方式,推行微信扫码入会",
                            "二、打造网上服务阵地,欢迎职工关注工会抖音号"]
    assert not any("扫码入会" in d for d in report.dropped)


# A report's template: the same sub-heading under two numbered sections.
TEMPLATE = (
    "市总工会2023年工作总结\n"
    "\n"
    "一、服务职工群众\n"
    "\n"
    "全市各级工会组织开展劳动和技能竞赛活动356场次,参与职工达到12万人次,推动了重点项目建设。\n"
    "\n"
    "工作成效\n"
    "\n"
    "全年发放困难职工帮扶资金688.31万元,慰问困难职工3000余名,开展金秋助学活动。\n"
    "\n"
    "二、推进产改工作\n"
    "\n"
    "工作成效\n"
    "\n"
    "全市新增高技能人才2000名,建设劳模创新工作室30家,职工技能水平不断提高,成效明显。\n"
    "\n"
    "三、加强自身建设\n"
    "\n"
    "全市各级工会干部深入开展作风建设,工作效能不断提升,职工满意度持续提高。\n"
)


def test_a_sub_heading_repeated_under_several_sections_stays_a_headline() -> None:
    report = _parse(TEMPLATE)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert headings.count("工作成效") == 2
    assert "工作成效" not in report.dropped


@pytest.mark.parametrize("phrase", ("坚持实事求是", "实事求是抓落实", "是非面前敢亮剑",
                                    "帮扶是重点"))
def test_a_fixed_word_with_是_or_a_short_slogan_is_still_a_lead_in(phrase: str) -> None:
    text = (f"某县总工会2023年工作总结\n{phrase}。全市各级工会组织深入基层调查研究,"
            "摸清职工群众的所思所盼所急,形成调研报告20篇。\n")
    assert _parse(text).paragraphs[0].lead_in == phrase


# A hard-wrapped news item: one paragraph broken at one width, a quotation in it whose
# speaker trails off with ASCII dots at a line's end.
WRAPPED_QUOTE = (
    "職工盟促請政府檢討颱風工作指引\n"
    "\n"
    "職工盟昨日舉行記者招待會，指出多個行業的員工在颱風期間仍須返工，有物流工友表示：「八\n"
    "號風球都要出車送貨，公司話客戶等緊，唔返就當曠工，我哋真係好擔心，老闆仲話...\n"
    "路上隨時有危險」，職工盟促請政府盡快修訂颱風及暴雨警告下的工作守則，並立法\n"
    "規定僱主不得因員工未能上班而扣減工資或作出任何懲罰，以保障打工仔的安全。\n"
    "\n"
    "職工盟表示，會繼續收集工友個案，並約見勞工處商討跟進，爭取在下一個風季前落實。\n"
)


def test_a_line_cut_short_with_dots_inside_an_open_quotation_runs_on() -> None:
    paragraphs = _parse(WRAPPED_QUOTE).paragraphs
    assert len(paragraphs) == 2
    assert "老闆仲話...路上隨時有危險」" in paragraphs[0].text



def _wrap(paragraph: str, width: int = 40) -> str:
    return "\n".join(paragraph[k:k + width] for k in range(0, len(paragraph), width))


def test_a_line_cut_short_with_dots_at_a_hard_wrapped_pages_width_runs_on() -> None:
    # A page wrapped at 40 characters; its second line happens to end in a speaker's dots.
    first = ("工會代表昨日與勞工處官員會面，反映多個行業工友在極端天氣下被迫返工的情況，"
             "不少工友擔心在惡劣天氣下出車送餐會發生意外，有一名外賣員工再指出平台只會不斷催單...")
    assert len(first) == 80
    rest = ("完全沒有考慮路面安全，工會要求當局盡快制訂指引，列明僱主在紅色及黑色暴雨警告"
            "生效期間的責任，並設立投訴機制，讓受影響的工友可以及時求助，避免因擔心失去收入"
            "而冒險工作，同時建議政府研究為平台工人提供意外保險，保障他們的基本權益。")
    text = ("工會促請當局保障極端天氣下工友安全\n\n" + _wrap(first + rest) + "\n\n"
            "工會表示，稍後會再約見相關部門，並會向立法會議員反映工友的意見，爭取盡快改善。\n")
    paragraphs = _parse(text).paragraphs
    assert len(paragraphs) == 2
    assert "催單...完全沒有考慮" in paragraphs[0].text


@pytest.mark.parametrize("heading", ("民生实事马上办", "坚持以职工为中心", "服务发展大局"))
def test_a_heading_that_ends_in_办_局_or_中心_under_the_title_is_no_office(heading: str) -> None:
    text = ("某区总工会2023年工作总结\n"
            "\n"
            f"{heading}\n"
            "\n"
            "今年以来,区总工会聚焦职工急难愁盼,开展我为职工办实事活动,"
            "全年解决职工反映的实际问题200余件,职工满意度明显提升。\n"
            "\n"
            "全区各级工会组织开展劳动和技能竞赛活动56场次,参与职工达到1.2万人次。\n")
    article = _parse(text).articles[0]
    assert article.byline != heading



def test_a_heading_that_goes_to_the_scene_is_no_photo_caption() -> None:
    text = ("某区总工会2023年工作总结\n"
            "\n"
            "一、服务职工群众\n"
            "\n"
            "全区各级工会组织开展劳动和技能竞赛活动56场次,参与职工达到1.2万人次,推动了重点项目建设。\n"
            "\n"
            "深入一线现场\n"
            "\n"
            "区总工会班子成员带队走访建筑工地和物流园区,为一线职工送去防暑降温物资,"
            "听取职工对工会工作的意见建议30余条。\n"
            "\n"
            "二、推进产改工作\n"
            "\n"
            "全区新增高技能人才200名,建设劳模创新工作室3家,职工技能水平不断提高。\n")
    report = _parse(text)
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "深入一线现场" in headings
    assert not any(p.kind == "caption" and "现场" in p.text for p in report.paragraphs)


@pytest.mark.parametrize("line", ("详见链接: bit.ly/3aB4cD", "公众号账号: Wx_Zgh2023!",
                                  "论文全文见 doi:10.1016/j.Ab.2020.01", "投稿邮箱: Zgh2b@Mx8.cn"))
def test_a_short_link_or_account_is_no_anti_scrape_token(line: str) -> None:
    from unionnlp.structure import blank_junk

    assert blank_junk(line) == line
