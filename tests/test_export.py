"""Tests for the exporters: JSON/JSONL bytes, CSV rows and BOM, atomic files, the HTML page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from unionnlp.batch import error_record, tag_files
from unionnlp.errors import ConfigError
from unionnlp.export import WRITERS, atomic_text_file, format_for_path, get_writer, write
from unionnlp.export.csv import PARAGRAPH_COLUMNS, REPORT_COLUMNS
from unionnlp.export.html import render
from unionnlp.export.json import iter_jsonl
from unionnlp.model import THEMES, Article, Figure, Keyword, Paragraph, Report, Section

REPORT = """某市总工会2023年工作报告

一、加强基层工会组织建设

全年新建基层工会组织86个，新发展会员1.2万人。在快递、外卖等新就业形态行业集中开展入会活动。

二、做好困难职工帮扶救助

开展“两节”送温暖活动，走访慰问困难职工3200户，发放慰问金480万元。
"""

ATTACK = "<script>alert('x')</script>"


def themed_record(source: str = "themed.txt", *, inject: str = "") -> dict[str, Any]:
    """A report as the full pipeline would give it, themes and all, built by hand."""
    p1 = Paragraph(
        text=f"组织建设。全年新建基层工会86个{inject}",
        offset=20,
        lead_in="组织建设",
        themes=("org_building",),
        scores={"org_building": 0.91, "worker_aid": 0.05, "rights_protection": 0.02, "skills_training": 0.01},
    )
    p2 = Paragraph(
        text="走访慰问困难职工3200户，同时开展职工技能培训。",
        offset=60,
        themes=("worker_aid", "skills_training"),
        scores={"org_building": 0.1, "worker_aid": 0.8, "rights_protection": 0.3, "skills_training": 0.6},
    )
    p3 = Paragraph(text="会议强调，要坚持稳中求进。", offset=90, scores={"org_building": 0.2})
    article = Article(
        title=f"工会工作报告{inject}",
        subtitle="——2023年",
        byline="□记者 张三",
        sections=(
            Section(heading=None, level=0, paragraphs=(p3,)),
            Section(heading=f"一、组织建设{inject}", level=1, paragraphs=(p1,), offset=10),
            Section(heading="二、帮扶与培训", level=1, paragraphs=(p2,), offset=50),
        ),
        keywords=(Keyword("基层工会", 0.5),),
        summary=("全年新建基层工会86个。",),
    )
    report = Report(
        source=source,
        articles=(article,),
        keywords=(Keyword(f"基层工会{inject}", 0.5), Keyword("困难职工", 0.4)),
        summary=(f"全年新建基层工会86个。{inject}",),
        theme_shares={"org_building": 0.4, "worker_aid": 0.35, "rights_protection": 0.0, "skills_training": 0.35},
        figures=(Figure(86, "个", "基层工会", "新建基层工会86个", offset=25),),
    )
    d = report.to_dict()
    return {"schema": d["schema"], "source": d["source"], "sha256": "ab" * 32} | {
        k: v for k, v in d.items() if k not in ("schema", "source")
    }


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    good = tmp_path_factory.mktemp("in") / "report.txt"
    good.write_text(REPORT, encoding="utf-8")
    (record,) = tag_files([good], workers=1)
    assert "error" not in record, record
    return record


@pytest.fixture
def records(analysed: dict[str, Any]) -> list[dict[str, Any]]:
    """A report from the pipeline, one with every field filled by hand, a failure."""
    return [
        json.loads(json.dumps(analysed)),
        themed_record(),
        error_record("broken.txt", "DecodeError", "broken.txt: cannot decode", sha256=None),
    ]


def n_paragraphs(record: dict[str, Any]) -> int:
    return sum(len(s["paragraphs"]) for a in record.get("articles", ()) for s in a["sections"])


def rendered(fmt: str, records: list[dict[str, Any]]) -> str:
    stream = io.StringIO()
    assert write(records, stream, fmt=fmt) == len(records)
    return stream.getvalue()


# --- registry -----------------------------------------------------------------------------------


def test_registry_and_unknown_format() -> None:
    assert sorted(WRITERS) == ["csv", "csv-reports", "html", "json", "jsonl", "xlsx"]
    with pytest.raises(ConfigError, match="csv, csv-reports, html, json, jsonl, xlsx"):
        get_writer("xls")
    with pytest.raises(ConfigError):
        write([], io.StringIO(), fmt="xml")
    assert format_for_path("out/x.CSV") == "csv"
    assert format_for_path("x.html") == "html"
    assert format_for_path("x.json") == "json"
    assert format_for_path("x.ndjson") == "jsonl"
    assert format_for_path("x.out") == "jsonl"


# --- JSON ---------------------------------------------------------------------------------------


def test_jsonl_and_json_are_deterministic_with_fixed_keys(records: list[dict[str, Any]]) -> None:
    jsonl = rendered("jsonl", records)
    assert jsonl == rendered("jsonl", records)
    lines = jsonl.splitlines()
    assert len(lines) == 3
    assert "全年新建基层工会" in jsonl  # not \\u-escaped
    # Key order is fixed whatever order the record dicts come in.
    shuffled = [dict(reversed(list(r.items()))) for r in records]
    assert rendered("jsonl", shuffled) == jsonl

    array = json.loads(rendered("json", records))
    assert array == [json.loads(line) for line in lines]
    for record in array[:2]:
        assert list(record) == [
            "schema", "source", "sha256", "format", "encoding", "traditional", "keywords",
            "summary", "theme_shares", "figures", "dropped", "articles",
        ] + (["provenance"] if "provenance" in record else [])
    assert list(array[2]) == ["schema", "source", "sha256", "error"]
    assert array[2]["error"] == {"type": "DecodeError", "message": "broken.txt: cannot decode"}
    assert json.loads(rendered("json", [])) == []


def test_iter_jsonl_skips_a_cut_last_line(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "run.jsonl"
    text = rendered("jsonl", records)
    path.write_text(text[: text.rindex("\n", 0, len(text) - 1) + 20], encoding="utf-8")
    assert [r["source"] for r in iter_jsonl(path)] == [r["source"] for r in records[:2]]


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_has_a_bom_and_one_row_per_paragraph(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    out = tmp_path / "paragraphs.csv"
    write(records, out, fmt="csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert tuple(header) == PARAGRAPH_COLUMNS
    assert [f"score_{t}" for t in THEMES] == [c for c in header if c.startswith("score_")]
    failed = [r for r in body if r[header.index("error")]]
    assert len(failed) == 1 and failed[0][0] == "broken.txt"
    assert len(body) - 1 == n_paragraphs(records[0]) + n_paragraphs(records[1])

    themed = [dict(zip(header, r, strict=True)) for r in body if r[0] == "themed.txt"]
    multi = next(r for r in themed if r["text"].startswith("走访"))
    assert multi["themes"] == "worker_aid;skills_training"
    assert multi["score_worker_aid"] == "0.8"
    assert multi["article"] == "1" and multi["article_title"] == "工会工作报告"
    assert multi["section_heading"] == "二、帮扶与培训" and multi["paragraph"] == "3"
    lead = next(r for r in themed if r["text"].startswith("组织建设"))
    assert lead["lead_in"] == "组织建设"


def test_csv_reports_one_row_per_report(records: list[dict[str, Any]]) -> None:
    text = rendered("csv-reports", records)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
    assert tuple(rows[0]) == REPORT_COLUMNS
    assert len(rows) == 3
    themed = rows[1]
    assert themed["keywords"] == "基层工会;困难职工"
    assert themed["n_articles"] == "1" and themed["n_paragraphs"] == "3" and themed["n_figures"] == "1"
    assert themed["share_org_building"] == "0.4"
    assert rows[2]["error"] == "DecodeError: broken.txt: cannot decode"
    assert rows[2]["n_paragraphs"] == ""


# --- atomic writes ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_atomic_write_leaves_only_the_file(tmp_path: Path, fmt: str, records: list[dict[str, Any]]) -> None:
    out = tmp_path / "out" / f"batch.{fmt}"
    out.parent.mkdir()
    write(records, out, fmt=fmt)
    assert [p.name for p in out.parent.iterdir()] == [out.name]


def test_failed_write_keeps_the_old_file(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "batch.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def broken() -> Iterator[dict[str, Any]]:
        yield records[0]
        raise RuntimeError("worker lost")

    with pytest.raises(RuntimeError):
        write(broken(), out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in out.parent.iterdir()] == ["batch.jsonl"]


def test_atomic_file_respects_umask(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    with atomic_text_file(out) as stream:
        stream.write("行\n")
    assert out.read_text(encoding="utf-8") == "行\n"
    assert out.stat().st_mode & 0o644 == 0o644  # not tempfile's 0o600


# --- HTML ---------------------------------------------------------------------------------------


def test_html_escapes_report_text() -> None:
    page = render([themed_record(f"evil{ATTACK}.txt", inject=ATTACK)])
    assert page.count("<script") == 1  # the page's own
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "alert('x')" not in page


def test_html_page_is_self_contained_and_complete(records: list[dict[str, Any]]) -> None:
    page = render(records)
    assert page.startswith("<!DOCTYPE html>")
    for needle in ("http://", "https://", "src=", "<link", "@import", "url("):
        assert needle not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for theme, name in THEMES.items():
        assert theme in page and name in page
    # outline anchors, all resolvable
    for anchor in ("r2", "r2-a1", "r2-a1-s2", "r2-a1-s3", "r2-p1"):
        assert f'id="{anchor}"' in page
    assert 'href="#r2-a1-s2"' in page and 'href="#r3"' in page
    # a paragraph of two themes: tint of the strongest, a stripe for the other
    assert 'class="para p-t1 h-t1 h-t3"' in page
    assert "box-shadow:inset 5px 0 0 #16a34a" in page
    assert "维权 rights_protection: 0.3000" in page  # scores in the hover title
    assert page.count("<svg") == 3  # one per analysed report, one for the batch
    assert "broken.txt: cannot decode" in page
    assert "failed files" in page
    assert render(records) == page


def test_html_empty_batch() -> None:
    page = render([])
    assert "0 个文件" in page and "no theme data" in page


def test_xlsx_workbook_sheets_cells_and_custom_themes(records: list[dict[str, Any]],
                                                      tmp_path: Path) -> None:
    import openpyxl

    custom = themed_record("custom.txt", inject="=HYPERLINK(\"http://x\")")
    for p in (p for a in custom["articles"] for s in a["sections"] for p in s["paragraphs"]):
        p["scores"] = {**p["scores"], "safety": 0.5}
        p["text"] = "=SUM(A1:A9)" + p["text"]
    custom["theme_shares"] = {**custom["theme_shares"], "safety": 0.1}
    out = tmp_path / "tags.xlsx"
    # The error comes first: the columns wait for the first record that has themes.
    assert write([records[2], custom], out, fmt="xlsx") == 2
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["reports", "paragraphs", "figures", "keywords"]
    reports, paragraphs = book["reports"], book["paragraphs"]
    header = [c.value for c in paragraphs[1]]
    assert header[-5:] == ["score_org_building", "score_worker_aid", "score_rights_protection",
                           "score_skills_training", "score_safety"]
    assert [c.value for c in reports[2]][:2] == ["broken.txt", "DecodeError: broken.txt: cannot decode"]
    cells = [row[5] for row in paragraphs.iter_rows(min_row=2)]
    assert cells and all(c.value.startswith("=SUM(A1:A9)") and c.data_type == "s" for c in cells)
    for sheet in book:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)  # data, never formulas
    with pytest.raises(ConfigError, match="binary"):
        write([custom], io.StringIO(), fmt="xlsx")
