"""Structure on page shapes a user run on fresh real pages met (a Taiwan union's rules
pasted as one line with articles numbered in figures; a blank form's numbered clauses)."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


# A Taiwan enterprise union's rules as its site prints them: a breadcrumb, then the page's
# text in one line, the amendment history, then each article 第 N 條: run on after the last
# one's full stop (ASCII colons and commas).
RULES = ("首頁\n辦法與表單\n某某科技股份有限公司企業工會理監事會議事規則\n"
         "某某科技股份有限公司企業工會理監事會議事規則 98.05.12第一屆第二次理事會議通過。"
         "103.09.30第三屆第五次理事會議修正通過(第3條) "
         "第 1 條:本規則依工會法及本會章程之規定訂定之。"
         "第 2 條:理事會每三個月至少召開一次,由理事長召集並擔任主席,理事長因故不能出席時由常務理事代理。"
         "第 3 條:理事會應有全體理事過半數之出席始得開會,以出席理事過半數之同意方得決議。"
         "第 4 條:監事會開會時,得列席理事會議陳述意見,但無表決權。"
         "第 5 條:本規則經理事會議通過後施行,修正時亦同。\n")


def test_articles_numbered_in_figures_in_one_line_are_paragraphs_apart() -> None:
    report = _parse(RULES)
    texts = [p.text for p in report.paragraphs]
    for n in range(1, 6):
        starts = [t for t in texts if t.startswith(f"第 {n} 條:")]
        assert len(starts) == 1, (n, texts)
    assert all(len(t) < 120 for t in texts if t.startswith("第 ")), texts


def test_an_article_cited_inside_a_sentence_starts_no_paragraph() -> None:
    text = RULES.replace("第 4 條:監事會開會時,", "依本會章程 第 12 條 規定,監事會開會時,")
    report = _parse(text)
    assert any(p.text.startswith("第 3 條:") and "第 12 條 規定" in p.text
               for p in report.paragraphs), [p.text for p in report.paragraphs]
