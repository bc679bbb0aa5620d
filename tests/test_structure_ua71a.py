"""Structure and warnings on page shapes a user run on fresh mainland pages met (round
ua71a): sibling headlines of one shape set aside by position, a text cut short after a
short clause, a 文库 page's title block, a byline joined over two lines."""

from __future__ import annotations

import pytest

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str, path: str | None = "t.txt") -> Report:
    return parse(Source(text=text, path=path))


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


# A district union's news page: the site's menu, the title, a stamp line, a lead paragraph,
# then three short headlines of one shape (two places joined by a plus, a space, a verb
# phrase), each over its paragraph.
SIBLINGS = (
    "首页\n"
    ">工作动态>基层风采\n"
    "\n"
    "聚力赋能|打造覆盖城乡的职工服务阵地\n"
    "\n"
    "发布时间:2025-11-12 09:30:15 阅读次数:\n"
    "\n"
    "今年以来,市总工会坚持以职工需求为导向,按照“分层建设、联动服务”的思路,推动职工服务阵地向园区、街道和村镇延伸,"
    "累计建成各类服务站点86个。\n"
    "\n"
    "园区+街道 联动服务职工\n"
    "\n"
    "围绕职工上下班的活动轨迹,在产业园区和周边街道同步布点,引导规模以上企业建设职工书屋、健身角,街道站点开放到晚上九点,"
    "方便职工下班后就近活动。各站点由所在企业和街道工会共同管理,工会经费按比例补助,"
    "职工代表参与日常运营和意见收集,做到有场地、有设施、有人员、有活动、有制度。截至目前,园区站点共开展文体活动320余场,"
    "服务职工4.6万人次,职工满意率达到96%以上,多个站点被评为市级示范点。\n"
    "\n"
    "市区+集镇 延伸服务网点\n"
    "\n"
    "针对农村务工人员居住分散、活动场所不足的情况,市总工会把服务站点建到村镇和景区,配备图书、棋牌和理疗设备,"
    "组织文艺小分队定期巡回演出。在旅游旺季,景区站点为一线服务人员提供休息、饮水、充电和应急药品等服务,"
    "并联合医院开展健康义诊,把工会的关心送到职工身边。全年新建村镇站点24个,覆盖全市所有乡镇,"
    "带动农民工入会1800余人。\n"
    "\n"
    "楼宇+商圈 拓展服务网点\n"
    "\n"
    "依托工会服务平台、\n"
)


def test_headlines_shaped_like_a_sibling_that_heads_a_section_are_never_set_aside() -> None:
    report = _parse(SIBLINGS)
    assert _headings(report) == ["园区+街道 联动服务职工", "市区+集镇 延伸服务网点",
                                 "楼宇+商圈 拓展服务网点"]
    assert not any("+" in line for line in report.dropped)
    # Each paragraph sits under its own headline.
    sections = [s for a in report.articles for s in a.sections if s.heading]
    assert [len(s.paragraphs) for s in sections] == [1, 1, 1]
    assert sections[1].paragraphs[0].text.startswith("针对农村务工人员")


# A news page's last paragraphs: prose that ends its sentence, then a short clause the page
# stops on.
_PROSE = (
    "职工书屋改造提升工程\n"
    "\n"
    "今年以来,县总工会投入专项资金120万元,对全县38家职工书屋进行改造提升,新增图书1.5万册,"
    "配备电子阅读设备60台,职工借阅量比去年增长三成。\n"
    "\n"
    "各基层工会结合实际开展读书分享、主题征文等活动,吸引职工走进书屋、爱上阅读,形成了良好的读书氛围。\n"
    "\n"
)


@pytest.mark.parametrize("tail", ("方便职工就近借阅、", "方便职工就近借阅,", "方便职工就近借阅，",
                                  "为职工提供休息场所;"))
def test_a_short_last_clause_after_prose_warns_the_text_stops_mid_sentence(tail: str) -> None:
    report = _parse(_PROSE + tail + "\n")
    assert any("stops mid-sentence" in w and tail[-4:] in w for w in report.warnings)


def test_a_last_item_closed_by_a_semicolon_after_items_alike_is_no_cut() -> None:
    text = (_PROSE + "主要做法:\n\n一是完善管理制度,明确专人负责;\n\n二是丰富图书种类,定期更新书目;\n\n"
            "三是延长开放时间,方便倒班职工;\n")
    assert not any("stops mid-sentence" in w for w in _parse(text).warnings)


@pytest.mark.parametrize("tail", ("县总工会领导为获奖职工颁发证书", "谢谢大家"))
def test_a_short_line_without_punctuation_after_prose_still_says_nothing(tail: str) -> None:
    assert not any("stops mid-sentence" in w for w in _parse(_PROSE + tail + "\n").warnings)


# A document-share page: the site's category, the collection's title, then the first model
# text flattened into long lines, opening with the collection's title again and the model
# text's number run on after the title's words.
SHARED = (
    "工会劳动保护工作总结\n"
    "企业工会劳动保护监督检查工作总结4篇\n"
    "\n"
    "企业工会劳动保护监督检查工作总结4篇企业工会劳动保护监督检查工作总结第1篇一、基本情况今年以来,"
    "公司工会认真贯彻安全生产方针,把劳动保护监督检查作为维护职工安全健康权益的重要内容,全年组织专项检查12次。\n"
    "1、健全监督网络公司工会在各车间设立劳动保护监督检查员,形成了厂、车间、班组三级监督网络。\n"
    "2、开展隐患排查工会联合安全部门对生产现场进行拉网式排查,共发现并督促整改隐患46处。\n"
    "通过以上工作,职工的安全意识明显增强,全年未发生重大安全事故。\n"
)


def test_a_share_pages_category_and_repeated_title_are_set_aside() -> None:
    report = _parse(SHARED)
    titles = [a.title for a in report.articles]
    assert titles[0] == "企业工会劳动保护监督检查工作总结4篇"
    # The model text's number opens an article of its own, with its title.
    assert titles[1:] == ["企业工会劳动保护监督检查工作总结第1篇"]
    assert "工会劳动保护工作总结" in report.dropped
    assert "企业工会劳动保护监督检查工作总结4篇" in report.dropped
    # The text no longer opens with the title or the number: its first words are its own.
    first = report.articles[1].paragraphs[0].text
    assert "工作总结" not in first and "第1篇" not in first
    # Nothing is lost: every character of the page is somewhere in the output.
    kept = "".join(a.title or "" for a in report.articles) + "".join(report.dropped) \
        + "".join(s.heading or "" for a in report.articles for s in a.sections) \
        + "".join(p.text for p in report.paragraphs)
    assert sorted("".join(kept.split())) == sorted("".join(SHARED.split()))


def test_a_title_over_two_lines_with_no_copy_in_the_text_keeps_both_lines() -> None:
    text = SHARED.replace("企业工会劳动保护监督检查工作总结4篇企业工会劳动保护监督检查工作总结第1篇", "")
    report = _parse(text)
    assert "工会劳动保护工作总结" not in report.dropped
