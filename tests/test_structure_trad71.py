"""Structure of traditional-character union pages (Taiwan, Hong Kong, Macau): section names
set flush left among indented items, labels over lists at a page's top."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


# A Taiwan union's welfare page copied from the browser: the page's name, then each
# benefit's name flush left over its items, the items numbered (the second section's
# indented by the site), in ASCII punctuation (`` : `` and a full stop ``.``), no blank
# line anywhere.
WELFARE = (
    "會員福利\n"
    "\n"
    "會員敬老金\n"
    "1.發給會員本人的敬老金 : 每人壹仟貳佰元整.\n"
    "2.申領條件 : 身為本會會員,遵守本會組織章程、切實盡到會員應盡義務,年齡已滿六十五歲而且連續入會達十年以上.\n"
    "3.申領方式 : 工會依照會員資料自行造冊發給,會員不必另外提出申請.\n"
    "4.發給時間 : 於每年年底召開的會員大會上當場支付.\n"
    "子女獎學金\n"
    "     1.提出申請的會員入會不足一年(自申請截止日起往回計算)者,不能提出申請.\n"
    "     2.沒有遵守會章或決議案,以及會費尚未繳清者,不能提出申請.\n"
    "     3.在補習學校或補習班上課而沒有學籍者,不能提出申請.\n"
    "會員本人死亡慰問金\n"
    "1.會員身故慰問金 : 發給家屬伍仟元整.\n"
    "2.申領條件 : 身為本會會員,由其配偶或子女代為提出申請,並檢附死亡證明書.\n"
    "3.申領時間 : 事故發生之日起三個月內向本會提出.\n"
)


def test_a_section_name_flush_left_under_an_item_that_ends_its_sentence_heads_a_section() -> None:
    report = _parse(WELFARE)
    # The page indents some items: a line set flush left right under a paragraph's line
    # may continue it, but not where that line ends its sentence and this one ends none.
    assert "子女獎學金" in _headings(report)
    assert "4.發給時間 : 於每年年底召開的會員大會上當場支付." in [p.text for p in report.paragraphs]
    assert not any(p.text.endswith("子女獎學金") for p in report.paragraphs)


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
