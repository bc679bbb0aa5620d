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
