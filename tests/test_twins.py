"""The real-shaped corpus (corpus/real): its format, its floors, and the figures on it."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from unionnlp import analyze
from unionnlp.cli import main
from unionnlp.evaluate_real import (
    agreement,
    evaluate_real,
    predicted_line_roles,
    score_twin,
)
from unionnlp.model import Article, Paragraph, Report, Section
from unionnlp.twins import (
    KINDS,
    TwinError,
    annotated,
    gold_line_roles,
    hard_wrap,
    hard_wrapped,
    load_twins,
    parse_twin,
)

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"

# A hard-wrapped news page: furniture, a wrapped headline, a dateline opening the news,
# a paragraph broken by a page number, a caption and a table row.
PAGE = """#! unionnlp-twin/1 {"id": "t1", "kind": "news", "url": "https://example.org/1"}
⟦furniture⟧首页 > 工会动态
⟦title⟧区总工会为户外劳动者
⟦title⟧送上清凉
⟦byline⟧记者 周某 通讯员 林某

⟦dateline⟧本报讯（记者 周某）⟦body aid⟧7月以来，区总工会走访户外劳动者驿站32个，发放防暑
⟦cont⟧用品5000余份。
⟦furniture⟧- 2 -
⟦heading 1⟧一、为新就业形态劳动者建会入会
⟦cont⟧开辟“绿色通道”
⟦leadin org⟧建会入会。⟦cont⟧全区新建快递行业工会8家,吸纳会员1200人。
⟦item rights⟧● 调解劳动争议案件46件，追回欠薪83万元。
⟦table⟧驿站	32	个
⟦caption aid⟧图为工会干部为环卫工人送上绿豆汤。 林某 摄
"""


@pytest.fixture(scope="module")
def page() -> object:
    return parse_twin(PAGE, "t1.ann")


def test_markers_removed_give_the_text_exactly(page) -> None:
    stripped = "".join(line for line in PAGE.split("\n", 1)[1])
    for mark in ("⟦furniture⟧", "⟦title⟧", "⟦byline⟧", "⟦dateline⟧", "⟦body aid⟧", "⟦cont⟧",
                 "⟦heading 1⟧", "⟦leadin org⟧", "⟦item rights⟧", "⟦table⟧", "⟦caption aid⟧"):
        stripped = stripped.replace(mark, "")
    assert page.text == stripped
    for s in page.spans:
        assert page.text[s.offset:s.offset + len(s.text)] == s.text


def test_paragraphs_join_their_continuations_and_carry_themes(page) -> None:
    by_start = {p.text[:4]: p for p in page.paragraphs}
    news = by_start["7月以来"]
    assert news.text.endswith("用品5000余份。") and news.themes == ("worker_aid",)
    assert by_start["建会入会"].text.endswith("吸纳会员1200人。")
    assert by_start["建会入会"].themes == ("org_building",)
    assert by_start["● 调解"].themes == ("rights_protection",)
    # The headline's second line continues the headline, not the paragraph before it.
    assert "绿色通道" not in news.text
    assert [p.role for p in page.paragraphs] == ["body", "leadin", "item", "caption"]


def test_line_roles_prefer_headings_then_paragraph_starts(page) -> None:
    roles = gold_line_roles(page)
    assert roles[:5] == ["furniture", "title", "title", "byline", "blank"]
    assert roles[5] == "start"  # a dateline opening the news: the line starts a paragraph
    assert roles[6:9] == ["cont", "furniture", "heading"]


@pytest.mark.parametrize("bad, problem", [
    ("⟦body⟧没有主题的段落。", "needs its themes"),
    ("⟦body org,pay⟧主题代码错了。", "unknown theme code"),
    ("⟦heading⟧一、没有级别", "needs a level"),
    ("⟦para -⟧未知的角色。", "unknown role"),
    ("没有标记的一行。", "must start with a role marker"),
    ("⟦cont⟧前面没有段落。", "nothing before it"),
])
def test_format_errors_name_the_file_and_line(bad: str, problem: str) -> None:
    header = '#! unionnlp-twin/1 {"id": "x", "kind": "report", "url": "u"}\n⟦body -⟧第一段。\n'
    if bad.startswith("⟦cont⟧"):
        header = header.replace("⟦body -⟧第一段。\n", "")
    with pytest.raises(TwinError, match=problem) as info:
        parse_twin(header + bad + "\n", "x.ann")
    assert "x.ann:" in str(info.value)


def test_a_header_is_required() -> None:
    with pytest.raises(TwinError, match="first line"):
        parse_twin("⟦body -⟧正文。\n", "y.ann")
    with pytest.raises(TwinError, match="unknown kind"):
        parse_twin('#! unionnlp-twin/1 {"id": "y", "kind": "blog", "url": "u"}\n⟦body -⟧正文。\n')


def _oracle(twin) -> Report:
    """The output a perfect analysis would give for a twin: its annotation as a Report."""
    titles = [s for s in twin.spans if s.role == "title"]
    sections: list[Section] = [Section(heading=None, level=0, paragraphs=())]
    open_spans: list[list[tuple[int, int]]] = []
    owners: list[int] = []
    themes: list[tuple[str, ...]] = []
    last = ""
    for s in twin.spans:
        lead = len(s.text) - len(s.text.lstrip())
        piece = (s.offset + lead, len(s.text.strip()))
        if s.role == "heading":
            sections.append(Section(heading=s.text.strip(), level=s.level or 1, offset=piece[0]))
            last = "heading"
        elif s.role in ("body", "leadin", "item", "caption"):
            open_spans.append([piece])
            owners.append(len(sections) - 1)
            themes.append(s.themes or ())
            last = "paragraph"
        elif s.role == "cont" and last == "paragraph":
            open_spans[-1].append(piece)
        elif s.role == "cont" and last == "heading":
            head = sections[-1]
            sections[-1] = Section(heading=f"{head.heading}{s.text.strip()}", level=head.level,
                                   offset=head.offset)
    paragraphs: dict[int, list[Paragraph]] = {}
    for spans, owner, th in zip(open_spans, owners, themes, strict=True):
        text = "".join(twin.text[a:a + n] for a, n in spans)
        paragraphs.setdefault(owner, []).append(
            Paragraph(text=text, offset=spans[0][0], themes=th, spans=tuple(spans)))
    built = tuple(Section(heading=s.heading, level=s.level, offset=s.offset,
                          paragraphs=tuple(paragraphs.get(i, ()))) for i, s in enumerate(sections))
    title = "".join(s.text.strip() for s in titles) or None
    return Report(source=twin.id, articles=(Article(title=title, sections=built,
                                                    offset=titles[0].offset if titles else 0),))


def test_the_scorer_gives_a_perfect_analysis_full_marks(page) -> None:
    result = score_twin(page, _oracle(page))
    assert (result.head_tp, result.head_fp, result.head_fn) == (1, 0, 0)
    assert (result.para_tp, result.para_fp, result.para_fn) == (4, 0, 0)
    assert result.theme_e2e == result.theme_truth
    wrong = {(g, p) for (g, p), n in result.confusion.items() if g != p}
    assert wrong <= {("table", "furniture"), ("byline", "furniture")}


def test_the_scorer_counts_what_an_analysis_misses(page) -> None:
    flat = Report(source="t1", articles=(Article(title=None, sections=(Section(
        heading=None, level=0, paragraphs=(Paragraph(text=page.text, offset=0,
                                                     spans=((0, len(page.text)),)),)),)),))
    result = score_twin(page, flat)
    assert result.head_tp == 0 and result.head_fn == 1
    assert result.para_tp == 0 and result.para_fp == 1 and result.para_fn == 4
    roles = predicted_line_roles(page, flat)
    assert roles[0] == "start" and set(roles[1:]) <= {"cont", "blank"}


def test_a_repeated_title_the_output_set_aside_is_scored_as_furniture() -> None:
    # A PDF's running header repeats the title on every page; the output keeps one title
    # and drops the copies, which the annotation calls furniture.
    twin = parse_twin(
        '#! unionnlp-twin/1 {"id": "t2", "kind": "official_pdf", "url": "u"}\n'
        "⟦title⟧工会活动方案\n\n⟦body -⟧为丰富职工业余生活,特举办本次活动。\n\n"
        "⟦furniture⟧工会活动方案\n\n⟦body -⟧比赛项目为拔河和趣味保龄球两项。\n\n"
        "⟦furniture⟧工会活动方案\n", "t2.ann")
    report = analyze(twin.text)
    assert report.articles[0].title == "工会活动方案"
    assert report.dropped == ("工会活动方案", "工会活动方案")
    assert predicted_line_roles(twin, report) == gold_line_roles(twin)


def test_a_title_line_of_which_the_output_set_a_part_aside_is_scored_as_the_title() -> None:
    # A news site prints its date stamp before the title on one line; the output sets the
    # stamp aside and keeps the title (and an e-paper's (主题) mark likewise).
    twin = parse_twin(
        '#! unionnlp-twin/1 {"id": "t4", "kind": "news", "url": "u"}\n'
        "⟦furniture⟧ date 2025-11-30 ⟦title⟧志工团出手 帮三户受灾家庭修缮房屋\n"
        "⟦byline⟧记者林某/新营报导\n"
        "⟦body aid⟧区总工会志工团连日为三户受灾家庭修缮房屋,所需材料由工会募集。\n", "t4.ann")
    body = twin.text.index("区总工会")
    report = Report(source="t4", dropped=("date 2025-11-30",), articles=(Article(
        title="志工团出手 帮三户受灾家庭修缮房屋", byline="记者林某/新营报导", offset=0,
        sections=(Section(heading=None, level=0, paragraphs=(Paragraph(
            text=twin.text[body:].strip(), offset=body,
            spans=((body, len(twin.text[body:].strip())),)),)),)),))
    assert predicted_line_roles(twin, report) == gold_line_roles(twin)


def test_rows_of_a_table_the_output_keeps_are_scored_as_table_rows() -> None:
    twin = parse_twin(
        '#! unionnlp-twin/1 {"id": "t3", "kind": "government", "url": "u"}\n'
        "⟦body -⟧区总工会今年帮扶困难职工，情况如下：\n\n"
        "⟦table⟧项目\t户数\t金额\n⟦table⟧帮扶困难职工\t320户\t96万元\n"
        "⟦table⟧金秋助学\t85户\t42.5万元\n\n"
        "⟦body -⟧全年帮扶工作取得明显成效。\n", "t3.ann")
    report = analyze(twin.text)
    assert [p.kind for p in report.paragraphs] == ["text", "table", "table", "table", "text"]
    assert predicted_line_roles(twin, report) == gold_line_roles(twin)


def test_agreement_of_identical_passes_is_perfect(page) -> None:
    same = agreement([(page, page)])
    assert same["line_role_agreement"] == 1.0 and same["paragraph_starts_f1"] == 1.0
    other = parse_twin(PAGE.replace("⟦item rights⟧", "⟦cont⟧").replace("⟦body aid⟧", "⟦body -⟧"))
    differ = agreement([(page, other)])
    assert differ["paragraph_starts_f1"] < 1.0
    assert differ["themes"]["worker_aid"]["agreement"] < 1.0


# The corpus itself.

@pytest.fixture(scope="module")
def twins() -> list:
    return load_twins(None)


def test_the_corpus_meets_its_floors(twins) -> None:
    kinds = Counter(t.kind for t in twins)
    assert len(twins) >= 200, f"only {len(twins)} twins"
    assert set(kinds) == set(KINDS)
    assert min(kinds.values()) >= 15, kinds
    held_out = [t for t in twins if t.split == "test"]
    assert len(held_out) >= 50
    assert {t.kind for t in held_out} == set(KINDS)


def test_every_twin_has_its_source_listed(twins) -> None:
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    for t in twins:
        assert f"`{t.id}`" in sources and t.url in sources, t.id
    assert len({t.url for t in twins}) == len(twins), "two twins of one page"


def test_splits_name_every_twin_once(twins) -> None:
    splits = json.loads((REAL / "splits.json").read_text(encoding="utf-8"))
    assert not set(splits["test"]) & set(splits["train"])
    assert set(splits["test"]) | set(splits["train"]) == {t.id for t in twins}


def test_the_second_pass_is_large_enough_and_agrees(twins) -> None:
    by_id = {t.id: t for t in twins}
    pairs = []
    for path in sorted((REAL / "second_pass").glob("*.ann")):
        second = parse_twin(path.read_text(encoding="utf-8"), str(path))
        pairs.append((by_id[path.stem], second))
    result = agreement(pairs)
    assert result["lines"] >= 300 and result["paragraphs_compared"] >= 200
    assert result["line_role_agreement"] > 0.7


# Hard-wrapped twins: the same annotation, with the lines a PDF's text extraction gives.

def test_a_twin_written_back_reads_as_it_was(twins) -> None:
    for twin in twins:
        again = parse_twin(annotated(twin), twin.id, twin.split)
        assert (again.text, again.spans, again.paragraphs) == (twin.text, twin.spans, twin.paragraphs)


def test_hard_wrapping_breaks_long_lines_and_keeps_the_annotation(page) -> None:
    wide = parse_twin(PAGE.replace("发放防暑", "发放防暑降温用品和常用药品，为环卫工人、快递员和外卖送餐员送去清凉，发放防暑"),
                      "t1.ann")
    wrapped = hard_wrap(wide, width=12, ragged=4, blank_lines=False, seed=1)
    assert "".join(wrapped.text.split()) == "".join(wide.text.split())
    assert "" not in wrapped.lines  # no blank line left
    assert max(len(line) for line in wrapped.lines) <= 16  # 12 characters and closing marks
    # The broken paragraph is one paragraph still, with its themes; its pieces are cont.
    assert [(p.text, p.themes) for p in wrapped.paragraphs] == [
        (p.text, p.themes) for p in wide.paragraphs]
    roles = gold_line_roles(wrapped)
    assert roles.count("cont") > gold_line_roles(wide).count("cont") + 3
    first = next(i for i, line in enumerate(wrapped.lines) if line.startswith("本报讯"))
    assert roles[first] == "start" and roles[first + 1] == "cont"
    # A broken title or furniture line keeps its role on every piece.
    assert all(r == "furniture" for line, r in zip(wrapped.lines, roles, strict=True)
               if line.startswith("- 2"))
    for line in wrapped.lines:
        assert not line.startswith(("，", "。", "、")), line


def test_hard_wrapped_twins_wrap_alike_every_time(twins) -> None:
    some = twins[:12]
    once, again = hard_wrapped(some), hard_wrapped(some)
    assert [t.text for t in once] == [t.text for t in again]
    assert any(len(a.lines) > len(b.lines) for a, b in zip(once, some, strict=True))
    assert {len(t.lines) for t in hard_wrapped(some, salt="other")} != {len(t.lines) for t in once}


# The figures on it, on a small subset (the README's command runs them in full).

def test_evaluate_real_scores_one_twin_of_each_kind() -> None:
    result = evaluate_real("test", limit=1)
    assert set(result["kinds"]) == set(KINDS)
    overall = result["overall"]
    assert overall["documents"] == len(KINDS)
    assert 0.0 < overall["line_role_accuracy"] <= 1.0
    assert 0.0 < overall["paragraph_boundaries"]["f1"] <= 1.0
    assert overall["paragraphs"] == overall["paragraph_boundaries"]["support"]


def test_evaluate_real_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--real", "--kind", "news", "--kind", "speech", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    rows = [line.split()[0] for line in out.splitlines()[2:]]
    assert rows == ["news", "speech", "all"]
    assert main(["evaluate", "--real", "--kind", "blog"]) == 2
    assert main(["evaluate", "--real", "--wrapped", "--kind", "report", "--limit", "1"]) == 0
    assert "hard-wrapped" in capsys.readouterr().out.splitlines()[0]
    assert main(["evaluate", "--wrapped"]) == 2


def test_structure_loses_nothing_on_any_twin(twins) -> None:
    """Every character of every real-shaped page comes out somewhere: in a title block, a
    headline, a paragraph or the dropped lines."""
    from unionnlp.model import Source
    from unionnlp.normalize import normalize
    from unionnlp.structure import parse

    def chars(text: str) -> Counter[str]:
        return Counter(c for c in normalize(text) if not c.isspace())

    lost = {}
    for t in twins:
        report = parse(Source(text=t.text, path=t.id))
        parts = list(report.dropped)
        for a in report.articles:
            parts += [x for x in (a.title, a.subtitle, a.byline) if x]
            for s in a.sections:
                parts += [s.heading] if s.heading else []
                parts += [p.text for p in s.paragraphs]
        missing = chars(t.text) - chars("".join(parts))
        if missing:
            lost[t.id] = "".join(sorted(missing.elements()))[:20]
    assert not lost
