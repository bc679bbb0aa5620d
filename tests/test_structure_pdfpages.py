"""Structure of PDF pages whose text extraction prints every line between blank lines (a
flipbook's or a document site's copy of a notice): the blank lines say nothing of where a
paragraph or a headline ends, so a short line alone is no headline by that alone."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _spaced(*lines: str) -> str:
    """Lines as such a page prints them: a blank line after each."""
    return "".join(f"{line}\n\n" for line in lines)


NOTICE = ("教职工文体活动实施方案",
          "为让教职工的业余文体生活更加丰富,推动教职工强健体魄、愉悦身心,提升生活质量,特制订本方案。",
          "一、活动项目",
          "广场舞面向女教职工,篮球面向男教职工,每周活动不少于三次。",
          "二、活动经费",
          "全期经费按每名教职工200元预算,由工会经费列支,专款专用。")


SECOND = ("第二篇:学校工会文体活动方案",
          "为在广大教职工中进一步树立健康理念,推动全民健身活动深入开展,特制定本方案。")


def test_an_issuer_and_a_date_apart_by_blank_lines_sign_the_notice() -> None:
    report = _parse(_spaced(*NOTICE, "青山园完小工会", "2013年3月27日", *SECOND))
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "青山园完小工会" not in heads and "2013年3月27日" not in heads
    first = report.articles[0]
    assert first.byline is not None
    assert "青山园完小工会" in first.byline and "2013年3月27日" in first.byline


def test_a_signature_without_a_date_under_it_is_left_as_it_is() -> None:
    report = _parse(_spaced(*NOTICE, "青山园完小工会", "联系人:王老师", *SECOND))
    assert not any(a.byline and "联系人" in a.byline for a in report.articles)


def test_an_enumeration_broken_at_its_ordinals_goes_on_with_its_sentence() -> None:
    page = _spaced(*NOTICE[:3],
                   "评奖办法:各工会小组为单位参评,三个项目各自评出",
                   "一、",
                   "二、三等奖,合计奖项九个。",
                   "决赛采用淘汰赛制,按总分高低最终决出",
                   "一、",
                   "二、三名,获奖者由工会颁发证书。",
                   "二、活动经费",
                   "全期经费按每名教职工200元预算,由工会经费列支,专款专用。")
    report = _parse(page)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert heads == ["一、活动项目", "二、活动经费"]
    texts = [p.text for p in report.paragraphs]
    assert "评奖办法:各工会小组为单位参评,三个项目各自评出一、二、三等奖,合计奖项九个。" in texts
    assert "决赛采用淘汰赛制,按总分高低最终决出一、二、三名,获奖者由工会颁发证书。" in texts
    assert "一、" not in texts


def test_headlines_under_a_clause_broken_off_keep_their_sections() -> None:
    page = _spaced(*NOTICE[:2],
                   "现将有关事项通知如下,请各分工会认真组织落实",
                   "一、总则",
                   "二、组织",
                   "各分工会按要求组织落实,确保活动取得实效。")
    heads = [s.heading for a in _parse(page).articles for s in a.sections if s.heading]
    assert heads == ["一、总则", "二、组织"]


def test_a_numbered_item_cut_in_a_bracket_runs_on_into_the_line_below() -> None:
    page = _spaced(*NOTICE[:2],
                   "比赛规则:",
                   "1、绑腿协力跑项目,每各工会出8名选手参加(其",
                   "中男、女选手各4人)每2人编为一组,共分4组进行接力赛跑。名次依据用时多少排定。",
                   "2、趣味保龄球,各工会选派4名选手参加(男、女职工各占2人),比赛满分为10分。")
    report = _parse(page)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert not any(h.startswith("1、绑腿") for h in heads)
    assert any(p.text.startswith("1、绑腿协力跑项目,每各工会出8名选手参加(其中男、女选手各4人)")
               for p in report.paragraphs)


SITE_NOTICE = (
    "企业帮扶救助工作管理规定.docx\n\n"
    "  1. 1、本文档共5页,可阅读全部内容。\n"
    "  2. 2、原创力文档(book118)网站文档一经付费(服务费),不意味着购买了该文档的版权,仅供个人/单位"
    "学习、研究之用,不得用于商业用途,未经授权,严禁复制、发行、汇编、翻译或者网络传播等,侵权必究。\n"
    "  3. 3、本站所有内容均由合作方或网友上传,本站不对文档的完整性、权威性及其观点立场正确性做任何保证"
    "或承诺!文档内容仅供研究参考,付费前请自行鉴别。如您付费,意味着您自己接受本站规则且自行承担风险,"
    "本站不退款、不进行额外附加服务;查看《如何避免下载的几个坑》。如果您已付费下载过本站文档,您可以点击"
    " 这里二次下载\n"
    "  4. 4、如文档侵犯商业秘密、侵犯著作权、侵犯人身权等,请点击“版权申诉”(推荐),也可以打举报电话:"
    "400-050-0827(电话支持时间:9:00-18:30)。\n"
    "查看更多\n")


def test_a_numbered_line_amid_a_sites_numbered_notice_is_set_aside_with_it() -> None:
    report = _parse(SITE_NOTICE + "\n".join(NOTICE) + "\n")
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert heads == ["一、活动项目", "二、活动经费"]
    texts = "".join(p.text for p in report.paragraphs)
    assert "本站所有内容" not in texts
    assert any("本站所有内容均由合作方或网友上传" in d for d in report.dropped)


def test_a_numbered_list_of_text_between_furniture_lines_is_not_set_aside() -> None:
    page = ("\n".join(NOTICE[:2]) + "\n三、具体要求\n"
            "1、每人全期参加广场舞活动不少于40次,缺一次扣5元。\n"
            "2、篮球则每人全期不少于20次,缺一次扣10元,由组长负责考勤登记。\n"
            "3、活动结束后由工会统一组织考核,考核结果在全校范围内公布。\n")
    texts = [p.text for p in _parse(page).paragraphs]
    assert any(t.startswith("2、篮球则每人全期不少于20次") for t in texts)


def test_a_numbered_headline_with_a_comma_keeps_its_section_over_its_text() -> None:
    page = _spaced(*NOTICE[:2],
                   "四、夯实基层基础,提升工会组织力",
                   "以党建带工建为抓手,全区新建基层工会1.3万家,新发展会员56.7万人。")
    report = _parse(page)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert heads == ["四、夯实基层基础,提升工会组织力"]
    assert any(p.text.startswith("以党建带工建为抓手") for p in report.paragraphs)
