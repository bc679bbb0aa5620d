"""Tests for the exporters: JSON/JSONL bytes, CSV rows and BOM, atomic files, the HTML page."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from unionnlp import analyze
from unionnlp.batch import error_record, tag_files
from unionnlp.errors import ConfigError
from unionnlp.export import WRITERS, atomic_text_file, format_for_path, get_writer, write
from unionnlp.export.csv import PARAGRAPH_COLUMNS, REPORT_COLUMNS
from unionnlp.export.html import batch_keywords, render, report_date
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
            "schema", "source", "sha256", "format", "encoding", "traditional", "date", "keywords",
            "summary", "theme_shares", "figures", "dropped", "articles", "part",
            "warnings",
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
    assert themed["title"] == next(a["title"] for a in records[1]["articles"] if a["title"])
    assert rows[2]["error"] == "DecodeError: broken.txt: cannot decode"
    assert rows[2]["n_paragraphs"] == ""


def test_every_report_has_a_row_in_the_paragraph_csv(tmp_path: Path) -> None:
    # A nightly inbox: a real report, an empty file, one of blank lines and full-width
    # spaces (a form saved before anyone typed), and one that cannot be read.
    (tmp_path / "a_report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_blank.txt").write_text("\r\n  \u3000\u3000\r\n\t\r\n", encoding="gb18030")
    (tmp_path / "d_broken.txt").write_bytes("工会工作".encode("gbk")[:-1] + b"\xff\x00\x81" * 40)
    records = list(tag_files([tmp_path], workers=1))
    assert [bool(r.get("error")) for r in records] == [False, False, False, True]
    per_report = list(csv.DictReader(io.StringIO(rendered("csv-reports", records)[1:], newline="")))
    per_paragraph = list(csv.DictReader(io.StringIO(rendered("csv", records)[1:], newline="")))
    # Joined on source, the per-paragraph table loses no report.
    assert [r["source"] for r in per_report] == list(dict.fromkeys(
        r["source"] for r in per_paragraph))
    for name in ("b_empty.txt", "c_blank.txt"):
        source = str(tmp_path / name)
        assert next(r for r in per_report if r["source"] == source)["n_paragraphs"] == "0"
        (row,) = [r for r in per_paragraph if r["source"] == source]
        assert set(row.values()) == {source, ""}  # no paragraph, no error: nothing else
    real = [r for r in per_paragraph if r["source"].endswith("a_report.txt")]
    assert len(real) == n_paragraphs(records[0]) and all(r["paragraph"] for r in real)


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


@pytest.mark.parametrize("fmt", ["html", "xlsx"])
def test_a_page_written_at_the_end_has_no_temporary_file_while_the_batch_runs(
        tmp_path: Path, fmt: str, records: list[dict[str, Any]]) -> None:
    out = tmp_path / f"batch.{fmt}"
    seen: list[list[str]] = []

    def tagging() -> Iterator[dict[str, Any]]:  # a batch killed now leaves nothing behind
        for record in records:
            seen.append([p.name for p in tmp_path.iterdir()])
            yield record

    write(tagging(), out, fmt=fmt)
    assert seen == [[]] * len(records)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_an_empty_atomic_file_is_still_written(tmp_path: Path) -> None:
    out = tmp_path / "x.txt"
    out.write_text("old", encoding="utf-8")
    with atomic_text_file(out):
        pass
    assert out.read_text(encoding="utf-8") == ""
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


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
    assert header[-7:] == ["score_org_building", "score_worker_aid", "score_rights_protection",
                           "score_skills_training", "score_safety", "kind", "date"]
    assert [c.value for c in reports[2]][:2] == ["broken.txt", "DecodeError: broken.txt: cannot decode"]
    cells = [row[5] for row in paragraphs.iter_rows(min_row=2)]
    assert cells and all(c.value.startswith("=SUM(A1:A9)") and c.data_type == "s" for c in cells)
    for sheet in book:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)  # data, never formulas
    with pytest.raises(ConfigError, match="binary"):
        write([custom], io.StringIO(), fmt="xlsx")


# --- HTML dashboard -----------------------------------------------------------------------------


class _Page(HTMLParser):
    """The overview table's rows (attributes and cell texts) and the page's templates."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []
        self.templates = 0
        self.attributes: set[str] = set()
        self._in_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.update(name for name, _ in attrs)
        if tag == "template":
            self.templates += 1
        elif tag == "table" and ("id", "reports") in attrs:
            self._in_table = True
        elif tag == "tr" and self._in_table and ("data-i" in dict(attrs)):
            self.rows.append({"attrs": dict(attrs), "cells": []})
        elif tag == "td" and self._in_table:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_table = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def search_data(page: str) -> list[dict[str, Any]]:
    found = re.search(r"var REPORTS = (.*?);\n", page)
    assert found
    data: list[dict[str, Any]] = json.loads(found.group(1))
    return data


def outside_templates(page: str) -> str:
    """The page as it renders before any report is opened."""
    return re.sub(r"<template>.*?</template>", "", page, flags=re.DOTALL)


def test_html_dashboard_has_one_row_per_record(records: list[dict[str, Any]]) -> None:
    page = render(records)
    rows = parse(page).rows
    assert [r["attrs"]["data-i"] for r in rows] == ["1", "2", "3"]
    assert [r["attrs"].get("class") for r in rows] == [None, None, "failed"]
    assert [r["attrs"]["data-source"] for r in rows] == [r["source"] for r in records]

    themed = rows[1]
    assert themed["attrs"]["data-title"] == "工会工作报告"  # the first article's title
    assert themed["attrs"]["data-figures"] == "1"
    shares = {k: themed["attrs"][f"data-t{i}"] for i, k in enumerate(THEMES)}
    assert shares == {"org_building": "0.4000", "worker_aid": "0.3500",
                      "rights_protection": "0.0000", "skills_training": "0.3500"}
    assert themed["cells"][:4] == ["2", "工会工作报告", "", "themed.txt"]
    assert themed["cells"][4:8] == ["40%", "35%", "0%", "35%"]
    assert themed["cells"][8] == "基层工会困难职工"  # top keywords, as filter buttons
    assert 'href="#r2"' in page and 'title="组织建设 org_building: 40.0%"' in page

    failed = rows[2]
    assert failed["attrs"]["data-title"] == "broken.txt"  # no article: the file name
    assert "data-figures" not in failed["attrs"] and "data-t0" not in failed["attrs"]
    assert failed["cells"][-1] == "✗ DecodeError: broken.txt: cannot decode"
    assert 'value="failed"' in page

    keywords = dict(batch_keywords(records))
    having = {term: sum(term in {k["term"] for k in r.get("keywords") or ()} for r in records)
              for term in ("基层工会", "困难职工")}
    assert having["困难职工"] >= 1 and keywords == {**keywords, **having}
    count = having["困难职工"]
    assert f'data-kw="困难职工" aria-pressed="false" title="{count} 份报告 reports"' in page


def test_html_dashboard_for_one_report_and_none() -> None:
    rows = parse(render([themed_record()])).rows
    assert len(rows) == 1 and rows[0]["attrs"]["data-title"] == "工会工作报告"
    assert parse(render([])).rows == []


def test_html_dashboard_escapes_hostile_titles_and_keywords() -> None:
    quote = '" onmouseover="alert(1)'
    record = themed_record(f"evil{ATTACK}{quote}.txt", inject=ATTACK + quote)
    page = render([record])
    assert page.count("<script") == 1 and page.count("</script>") == 1
    assert "alert('x')" not in page
    parsed = parse(page)
    assert "onmouseover" not in parsed.attributes
    (row,) = parsed.rows
    assert row["attrs"]["data-title"] == f"工会工作报告{ATTACK}{quote}"  # the text, intact
    assert row["attrs"]["data-source"] == f"evil{ATTACK}{quote}.txt"
    assert row["cells"][1] == f"工会工作报告{ATTACK}{quote}"
    assert f"基层工会{ATTACK}{quote}" in row["cells"][8]
    assert f'data-kw="基层工会{html.escape(ATTACK + quote)}"' in page


def test_html_reports_wait_in_templates(records: list[dict[str, Any]]) -> None:
    page = render(records)
    assert parse(page).templates == 2  # the analysed reports; the failure shows at once
    assert '<article class="report lazy" id="r1"' in page
    assert '<article class="report failed" id="r3"><h2>broken.txt</h2>' in page
    shown = outside_templates(page)
    assert 'class="para' not in shown and 'class="outline"' not in shown and "<svg" in shown
    for anchor in ("dashboard", "r1", "r2", "r3"):
        assert f'id="{anchor}"' in shown
    assert "r2-a1-s2" not in shown and 'id="r2-a1-s2"' in page
    assert re.search(r'id="r2" style="min-height:\d+px"', shown)


def test_html_search_data_is_embedded_and_escaped(records: list[dict[str, Any]]) -> None:
    data = search_data(render(records))
    assert len(data) == 3
    assert data[1]["k"] == ["基层工会", "困难职工"]
    text = data[1]["s"]
    for needle in ("工会工作报告", "themed.txt", "走访慰问困难职工3200户", "二、帮扶与培训", "□记者 张三"):
        assert needle in text
    assert text.split("\n").count("基层工会") == 1  # report and article keyword, listed once
    assert "全年新建基层工会86个。" not in text  # summaries repeat paragraphs: left out
    assert data[2] == {"s": "broken.txt\ndecodeerror\nbroken.txt: cannot decode", "k": []}

    breakout = "</script><script>alert(1)</script><!--"
    page = render([themed_record("Ｅvil.txt", inject=breakout)])
    assert page.count("<script") == 1 and page.count("</script>") == 1 and "<!--" not in page
    blob = re.search(r"var REPORTS = (.*?);\n", page)
    assert blob and not set("<>&'") & set(blob.group(1))
    (entry,) = search_data(page)
    assert breakout in entry["s"] and "evil.txt" in entry["s"]  # lower-cased, NFKC-folded


@pytest.mark.parametrize(
    ("byline", "dropped", "date"),
    [
        ("市总工会主席 王某\n2026年1月10日", [], "2026-01-10"),
        ("（２０１９年１２月１８日）", [], "2019-12-18"),
        (None, ["首页 > 新闻", "发布时间：2022-07-12 09:36 来源：区总工会"], "2022-07-12"),
        (None, ["2015年4月28日 星期二", "第3版"], "2015-04-28"),
        ("（2016年12月）", [], "2016-12"),
        ("（2016年12月）", ["2017/3/5"], "2017-03-05"),  # a full date beats a month
        ("2024年13月40日", ["电话 12024-01-150"], ""),
        ("□本报记者 张三", [], ""),
    ],
)
def test_report_date(byline: str | None, dropped: list[str], date: str) -> None:
    record = {"articles": [{"title": "x", "byline": byline}], "dropped": dropped}
    assert report_date(record) == date
    assert parse(render([record])).rows[0]["attrs"]["data-date"] == date


def test_a_news_page_dated_only_in_its_header_carries_the_date_in_every_format() -> None:
    # A web page's date line is furniture (set aside), yet the date is what an analyst files
    # the report by: the record names it, and CSV rows and the HTML row carry it.
    page = ("首页 > 工会新闻 > 正文\n2016年11月28日11:03  来源:工人日报\n\n"
            "市总工会为百名困难职工送去冬衣\n\n"
            "本报讯(记者 王某)入冬以来,市总工会走访慰问困难职工120户,送去棉衣和慰问金共计18万元。\n")
    record = analyze(page, source="news.txt").to_dict()
    assert record["date"] == "2016-11-28"
    assert any("2016年11月28日" in line for line in record["dropped"])
    for fmt in ("csv", "csv-reports"):
        rows = list(csv.DictReader(io.StringIO(rendered(fmt, [record]).lstrip("\ufeff"))))
        assert rows and all(row["date"] == "2016-11-28" for row in rows)
    assert parse(render([record])).rows[0]["attrs"]["data-date"] == "2016-11-28"
    assert analyze("工会召开职工代表大会,审议通过集体合同草案。\n").to_dict()["date"] is None


def test_batch_keywords_count_reports() -> None:
    def record(*terms: str) -> dict[str, Any]:
        return {"keywords": [{"term": t, "weight": 0.1} for t in terms]}

    records = [record("甲", "乙", "甲"), record("乙", "丙"), record("乙"), {"error": {"type": "E"}}]
    assert batch_keywords(records) == [("乙", 3), ("丙", 1), ("甲", 1)]  # a tie: by term
    records[0]["keywords"][0]["weight"] = 0.9
    assert batch_keywords(records) == [("乙", 3), ("甲", 1), ("丙", 1)]  # by weight first
    assert batch_keywords(records, limit=1) == [("乙", 3)]


def test_csv_keeps_a_custom_taxonomys_scores(records: list[dict[str, Any]]) -> None:
    import csv as csv_module

    custom = themed_record("custom.txt")
    for p in (p for a in custom["articles"] for s in a["sections"] for p in s["paragraphs"]):
        p["scores"] = {"safety": 0.7, "culture": 0.1}
    custom["theme_shares"] = {"safety": 0.6, "culture": 0.0}
    rows = list(csv_module.reader(io.StringIO(rendered("csv", [records[2], custom]).lstrip("\ufeff"))))
    assert rows[0][-5:] == ["score_safety", "score_culture", "error", "kind", "date"]
    assert rows[1][0] == "broken.txt" and rows[1][-3].startswith("DecodeError")
    assert all(len(row) == len(rows[0]) for row in rows)
    assert all(row[-5:-3] == ["0.7", "0.1"] for row in rows[2:])
    reports = list(csv_module.reader(io.StringIO(rendered("csv-reports", [custom]).lstrip("\ufeff"))))
    assert reports[0][-5:] == ["share_safety", "share_culture", "n_figures", "title", "date"]


def test_xlsx_is_the_same_bytes_every_run(records: list[dict[str, Any]], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write(records, first, fmt="xlsx")
    write(records, second, fmt="xlsx")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as book:
        assert {i.date_time for i in book.infolist()} == {(2000, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    write(records, first, fmt="xlsx")
    with zipfile.ZipFile(first) as book:
        assert {i.date_time for i in book.infolist()} == {(2023, 11, 14, 22, 13, 20)}
