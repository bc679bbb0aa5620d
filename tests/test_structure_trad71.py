"""Structure of traditional-character union pages (Taiwan, Hong Kong, Macau): labels over
lists at a page's top."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


# A Taiwan union's benefits page as its text starts: no page title, a label and its colon
# over a bulleted list, ASCII colons and commas, then a second label and its list.
BENEFITS = (
    "會員福利:\n"
    "- 五一勞動節禮品:每年4月份發送,僅限入會滿半年的會員領取.\n"
    "- 勞工教育課程:市政府開辦的勞工大學課程,會員可優先報名,學費由本會補助一半.\n"
    "- 會員急難救助:只適用於入會已滿一年的會員,須檢附相關證明文件向本會提出申請.\n"
    "\n"
    "勞保福利:\n"
    "- 生育給付:被保險人分娩或早產者,按平均月投保薪資一次發給生育給付六十日.\n"
    "- 傷病給付:被保險人遭遇普通傷害或罹患普通疾病,住院診療期間不能工作者可申請.\n"
)


def test_a_label_and_its_colon_opening_a_page_heads_its_list_not_the_page() -> None:
    report = _parse(BENEFITS)
    assert all(a.title != "會員福利:" for a in report.articles)
    assert _headings(report)[:1] == ["會員福利:"]
    assert "勞保福利:" in _headings(report)
