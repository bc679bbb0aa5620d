"""Tests for unionnlp.readers: encodings, formats, heading hints and every error path."""

from __future__ import annotations

import codecs
import importlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from unionnlp.api import analyze_file
from unionnlp.errors import (
    CorruptFileError,
    DecodeError,
    InputError,
    UnsupportedFormatError,
)
from unionnlp.readers import SUPPORTED_EXTENSIONS, decode_bytes, read

# The package exports the function ``read`` under the module's name; this is the module.
read_module = importlib.import_module("unionnlp.readers")

SIMPLIFIED = (
    "过去一年，市总工会在市委和上级工会的坚强领导下，团结动员全市广大职工群众，围绕中心、服务大局，"
    "扎实推进各项工作。全年新建基层工会组织三百二十六个，新发展会员一万二千余人，农民工入会率进一步提高。"
    "深入开展“送温暖”活动，走访慰问困难职工两千三百余户，发放慰问金和物资折合人民币四百八十万元。"
    "组织职业技能竞赛四十场，培训职工一万五千人次，涌现出一批技术能手和劳动模范。"
    "积极推进集体协商，签订工资专项集体合同八百余份，依法维护职工合法权益。"
)
TRADITIONAL = (
    "過去一年，香港職工會聯合會團結廣大勞工，積極爭取改善勞動權益。本會全年舉辦職業技能培訓課程一百二十個，"
    "參加學員超過八千人次；設立失業援助基金，向有需要的會員發放緊急援助。我們繼續推動最低工資檢討、"
    "標準工時立法及強積金對沖取消等議題，並就職業安全健康向政府提交多份意見書。"
    "各屬會亦積極開展會員聯誼及義工服務，凝聚會員力量，共同為建設更公義的勞工政策而努力。"
    "本年度亦協助會員處理勞資糾紛三百餘宗，為工友追回欠薪逾千萬元。"
)


def test_samples_are_about_200_characters() -> None:
    assert 180 <= len(SIMPLIFIED) <= 240
    assert 180 <= len(TRADITIONAL) <= 240


def test_supported_extensions() -> None:
    assert {".txt", ".text", ".md", ".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".xhtml",
            ".mht", ".mhtml", ".rtf", ".pdf"} == SUPPORTED_EXTENSIONS


# --- plain text and encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "reported"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "utf-16", "utf-16"),  # Python writes a BOM
        (SIMPLIFIED, "utf-32", "utf-32"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (TRADITIONAL, "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "utf-8", "utf-8"),
        # A Hong Kong union's notice in Cantonese (written for this test): 嘅 啲 冇 are
        # Big5-HKSCS characters that Big5 and cp950 lack.
        ("工聯會今日表示，會繼續爭取外賣員嘅權益，啲工友好辛苦，冇保障。", "big5hkscs", "big5hkscs"),
    ],
)
def test_read_text_in_each_encoding(tmp_path: Path, text: str, codec: str, reported: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(codec))
    source = read(path)
    assert source.text == text
    assert source.encoding == reported
    assert source.format == "text"
    assert source.path == str(path)
    assert source.heading_hints == {}


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_utf16_both_byte_orders(bom: bytes) -> None:
    codec = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    assert decode_bytes(bom + SIMPLIFIED.encode(codec)) == (SIMPLIFIED, "utf-16")


@pytest.mark.parametrize(
    "text", ["2023年工作报告 (draft)\n" + SIMPLIFIED, "Rapport annuel: café, élève.\n"]
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, codec)


@pytest.mark.parametrize(("text", "codec"), [(SIMPLIFIED, "gb18030"), (TRADITIONAL, "big5")])
def test_short_windows_decode_correctly(text: str, codec: str) -> None:
    # Every 24-character window, to show the gb18030/big5 choice does not need a long text.
    for start in range(0, len(text) - 24, 6):
        window = text[start : start + 24]
        assert decode_bytes(window.encode(codec)) == (window, codec), window


def test_gb18030_with_mixed_ascii() -> None:
    text = "Annual report 2023 / 年度报告\nMembers: 12000 名会员。\n" * 3
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


def test_newlines_normalised_and_nothing_else(tmp_path: Path) -> None:
    raw = "　　标题\r\n\r\n第一段，\t有制表符。\r第二段  两个空格。\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("gb18030"))
    assert read(path).text == "　　标题\n\n第一段，\t有制表符。\n第二段  两个空格。\n"


def test_markdown_and_text_extensions(tmp_path: Path) -> None:
    md = tmp_path / "REPORT.MD"
    md.write_text("# 工作报告\n\n正文。\n", encoding="utf-8")
    other = tmp_path / "report.text"
    other.write_text("正文。", encoding="utf-8")
    assert read(md).format == "markdown"
    assert read(md).text == "工作报告\n\n正文。\n"
    assert read(md).heading_hints == {0: 0}
    assert read(other).format == "text"


def test_accepts_str_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("工会", encoding="utf-8")
    assert read(str(path)).path == str(path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n"])
def test_empty_or_blank_text_file_is_not_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    source = read(path)
    assert source.text.strip() == ""
    assert source.text == content.decode("ascii").replace("\r\n", "\n")
    assert source.encoding == "utf-8"


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_empty_binary_formats_give_empty_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    source = read(path)
    assert source.text == ""
    assert source.format == suffix.lstrip(".")


# --- errors -------------------------------------------------------------------------------------


def test_binary_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8)
    with pytest.raises(UnsupportedFormatError) as info:
        read(path)
    assert str(path) in str(info.value)
    assert info.value.path == str(path)


def test_binary_made_of_control_bytes(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 0x7F, 65]) * 30)
    with pytest.raises(UnsupportedFormatError, match="control bytes") as info:
        read(path)
    assert str(path) in str(info.value)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Rapport annuel: café, élève, naïve.\n".encode("latin-1"))
    with pytest.raises(DecodeError) as info:
        read(path)
    assert str(path) in str(info.value)


def test_invalid_utf16_after_bom(tmp_path: Path) -> None:
    path = tmp_path / "broken16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8A\x00")  # unpaired surrogate
    with pytest.raises(DecodeError, match="utf-16") as info:
        read(path)
    assert str(path) in str(info.value)


def test_decode_bytes_without_path_has_plain_message() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes("café".encode("latin-1") + b" \xff\xfe")
    assert info.value.path is None
    assert not str(info.value).startswith(":")


@pytest.mark.parametrize("name", ["report.xlsx", "report", "report.odt"])
def test_unknown_extension_lists_supported(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("工会", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError) as info:
        read(path)
    message = str(info.value)
    assert str(path) in message
    for extension in SUPPORTED_EXTENSIONS:
        assert extension in message


def test_a_file_without_text_reads_empty_with_a_warning(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.md", " \n\n\u3000\n".encode())):
        path = tmp_path / name
        path.write_bytes(data)
        assert read(path).warnings == (f"{path}: the file holds no text",)
        assert analyze_file(path).warnings == (f"{path}: the file holds no text",)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="no such file") as info:
        read(path)
    assert type(info.value) is InputError
    assert str(path) in str(info.value)
    assert isinstance(info.value.__cause__, FileNotFoundError)


@pytest.mark.parametrize("name", ["folder.txt", "reports"])
def test_directory(tmp_path: Path, name: str) -> None:
    # Without an extension too: it was an "unsupported file type (no extension)".
    path = tmp_path / name
    path.mkdir()
    with pytest.raises(InputError, match=r"directory, not a file.*walk folders") as info:
        read(path)
    assert str(path) in str(info.value)


def test_permission_denied_is_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("工会", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(read_module, "open", refuse, raising=False)
    with pytest.raises(InputError, match="permission denied") as info:
        read(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value.__cause__, PermissionError)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("工会", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission") as info:
            read(path)
        assert str(path) in str(info.value)
    finally:
        path.chmod(0o600)


# --- .docx -------------------------------------------------------------------------------------


def _make_docx(path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_heading("市总工会2023年工作报告", level=0)
    document.add_paragraph("各位代表：")
    document.add_heading("一、加强组织建设", level=1)
    paragraph = document.add_paragraph("全年新建基层工会")
    paragraph.add_run().add_break()  # soft line break between CJK characters
    paragraph.add_run("三百二十六个，members")
    paragraph.add_run().add_break()
    paragraph.add_run("joined。")
    document.add_paragraph("")  # spacing paragraph, dropped
    document.add_heading("（一）扩大覆盖面", level=2)
    document.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("二、维护职工权益", style="标题 1")
    table = document.add_table(rows=2, cols=3)
    for i, row in enumerate([["项目", "数量", "单位"], ["会员", "12000", ""]]):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "合并单元格"
    merged.cell(0, 2).text = "右"
    document.add_paragraph("最后一段。")
    document.save(str(path))


def test_docx_text_order_tables_and_headings(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _make_docx(path)
    source = read(path)
    assert source.format == "docx"
    assert source.encoding is None
    assert source.path == str(path)
    assert source.text.split("\n\n") == [
        "市总工会2023年工作报告",
        "各位代表：",
        "一、加强组织建设",
        "全年新建基层工会三百二十六个，members joined。",
        "（一）扩大覆盖面",
        "二、维护职工权益",
        "项目\t数量\t单位",
        "会员\t12000\t",
        "合并单元格\t右",
        "最后一段。",
    ]
    lines = source.text.split("\n")
    assert source.heading_hints == {0: 0, 4: 1, 8: 2, 10: 1}
    assert {lines[n] for n in source.heading_hints} == {
        "市总工会2023年工作报告",
        "一、加强组织建设",
        "（一）扩大覆盖面",
        "二、维护职工权益",
    }


def test_a_docx_tables_rows_are_table_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _make_docx(path)
    paragraphs = analyze_file(path).paragraphs
    assert [p.kind for p in paragraphs] == ["text", "table", "table", "table", "text"]
    assert paragraphs[1].text == "项目\t数量\t单位"


def test_truncated_docx(tmp_path: Path) -> None:
    whole = tmp_path / "whole.docx"
    _make_docx(whole)
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(path) in str(info.value)
    assert info.value.__cause__ is not None


def test_text_file_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("这不是Word文档。", encoding="utf-8")
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(path) in str(info.value)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "工会")
    path = tmp_path / "archive.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(path) in str(info.value)


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("members", "said"), [
    # A spreadsheet of the year's figures, renamed .docx by hand.
    ({"[Content_Types].xml": '<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      "xl/workbook.xml": "<workbook/>"}, "an Excel workbook (.xlsx)"),
    # WPS or LibreOffice saved it as .odt, and the name says .docx.
    ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"},
     "an OpenDocument text (.odt)"),
    ({"[Content_Types].xml": "<Types/>", "年报.txt": "工会", "附件1.txt": "x", "附件2.txt": "y"},
     "a zip archive of 4 file(s) ([Content_Types].xml, 年报.txt, 附件1.txt, …)"),
])
def test_a_zip_named_docx_is_named_for_what_it_holds(
        tmp_path: Path, members: dict[str, str], said: str) -> None:
    path = tmp_path / "2023年工作报告.docx"
    path.write_bytes(_zip(members))
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(info.value).startswith(f"{path}: not a .docx file: {said}, with no Word document in it")
    assert "lxml" not in str(info.value) and "object has no attribute" not in str(info.value)


def test_docx_with_broken_xml(tmp_path: Path) -> None:
    good = tmp_path / "good.docx"
    _make_docx(good)
    buffer = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    path = tmp_path / "badxml.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(path) in str(info.value)


# --- .pdf --------------------------------------------------------------------------------------


def _make_pdf(path: Path, pages: list[list[str]], *, encrypt: str | None = None) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    drawing = canvas.Canvas(str(path), encrypt=encrypt)
    for lines in pages:
        drawing.setFont("STSong-Light", 14)
        for number, line in enumerate(lines):
            drawing.drawString(72, 760 - 30 * number, line)
        drawing.showPage()
    drawing.save()


def test_chinese_pdf_read_back(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    pages = [
        ["市总工会2023年工作报告", "全年新建基层工会组织三百二十六个。"],
        ["培训职工一万五千人次。"],
    ]
    _make_pdf(path, pages)
    source = read(path)
    assert source.format == "pdf"
    assert source.encoding is None
    assert source.path == str(path)
    lines = [line for line in source.text.split("\n") if line.strip()]
    assert lines == [line for page in pages for line in page]
    assert "\f" not in source.text
    assert "\r" not in source.text


def test_garbage_pdf(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n%%EOF\n")
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(path) in str(info.value)
    assert info.value.__cause__ is not None


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "word.pdf"
    path.write_bytes(SIMPLIFIED.encode("utf-8"))
    with pytest.raises(CorruptFileError) as info:
        read(path)
    assert str(path) in str(info.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    _make_pdf(path, [["保密文件"]], encrypt="secret")
    with pytest.raises(CorruptFileError, match="encrypted") as info:
        read(path)
    assert str(path) in str(info.value)


# --- HTML --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>网页标题</title>
<style>p {{ color: red }}</style>
<script>var x = "<p>脚本文字</p>";</script></head>
<body><nav><a href="/">首页</a> | <a href="/news">工会动态</a></nav>
<h1>市总工会2023年工作报告</h1>
<p>各位代表：现在我代表市总工会
   向大会报告工作，请予审议。</p>
<h2>一、加强组织建设</h2>
<p>全年新建基层工会 <b>326</b>   个 &amp; 发展会员<br>12000&nbsp;人。</p>
<noscript>请启用脚本</noscript><template><p>模板文字</p></template><!-- 注释 -->
<div><h3>（一）扩大覆盖面</h3><ul><li>第一项</li><li>第二项</li></ul></div>
<table><tr><th>项目</th><th>数量</th></tr><tr><td>会员</td><td>12000</td></tr></table>
<footer>Copyright &copy; 2024
union</footer></body></html>
"""

PAGE_PARAGRAPHS = [
    "首页 | 工会动态",
    "市总工会2023年工作报告",
    "各位代表：现在我代表市总工会向大会报告工作，请予审议。",
    "一、加强组织建设",
    "全年新建基层工会 326 个 & 发展会员",
    "12000\xa0人。",
    "（一）扩大覆盖面",
    "第一项",
    "第二项",
    "项目\t数量",
    "会员\t12000",
    "Copyright © 2024 union",
]


@pytest.mark.parametrize(
    ("charset", "codec", "reported"),
    [
        ("utf-8", "utf-8", "utf-8"),
        ("gbk", "gbk", "gb18030"),
        ("GB2312", "gb18030", "gb18030"),
    ],
)
def test_html_visible_text(tmp_path: Path, charset: str, codec: str, reported: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(codec))
    source = read(path)
    assert source.format == "html"
    assert source.encoding == reported
    assert source.text.split("\n\n") == PAGE_PARAGRAPHS
    for dropped in ("网页标题", "脚本文字", "color", "请启用脚本", "模板文字", "注释"):
        assert dropped not in source.text
    lines = source.text.split("\n")
    assert source.heading_hints == {2: 0, 6: 1, 12: 2}
    assert [lines[n] for n in sorted(source.heading_hints)] == [
        "市总工会2023年工作报告",
        "一、加强组织建设",
        "（一）扩大覆盖面",
    ]


@pytest.mark.parametrize("name", ["page.htm", "t20251107_4521.shtml"])
def test_html_http_equiv_big5(tmp_path: Path, name: str) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">'
        f"</head><body><p>{TRADITIONAL}</p></body></html>"
    )
    path = tmp_path / name
    path.write_bytes(html.encode("big5"))
    source = read(path)
    assert source.format == "html"
    assert source.encoding == "big5"
    assert source.text == TRADITIONAL


def test_html_without_charset_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f"<p>{TRADITIONAL}</p>".encode("big5"))
    assert read(path).encoding == "big5"
    assert read(path).text == TRADITIONAL


@pytest.mark.parametrize(
    ("declared", "codec", "detected"),
    [
        ("utf-8", "gb18030", "gb18030"),  # declaration contradicted by bytes that are not UTF-8
        ("gb2312", "utf-8", "utf-8"),  # GB label on valid UTF-8: mislabelled
        ("no-such-charset", "gb18030", "gb18030"),
    ],
)
def test_html_wrong_charset_declaration(
    tmp_path: Path, declared: str, codec: str, detected: str
) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f'<meta charset="{declared}"><p>{SIMPLIFIED}</p>'.encode(codec))
    source = read(path)
    assert source.encoding == detected
    assert source.text == SIMPLIFIED


def test_html_bom_wins_over_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(codecs.BOM_UTF8 + f'<meta charset="gbk"><p>{SIMPLIFIED}</p>'.encode())
    source = read(path)
    assert source.encoding == "utf-8-sig"
    assert source.text == SIMPLIFIED


def test_html_unclosed_head_and_binary(tmp_path: Path) -> None:
    page = tmp_path / "open.html"
    page.write_text("<html><head><title>标题</title><p>正文第一段</p><p>第二段", encoding="utf-8")
    assert read(page).text == "正文第一段\n\n第二段"
    binary = tmp_path / "binary.html"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(UnsupportedFormatError) as info:
        read(binary)
    assert str(binary) in str(info.value)


def test_markdown_headings_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "summary.md"
    path.write_text("# 某区总工会2023年工作总结\n\n## 一、帮扶工作\n\n"
                    "全年发放帮扶资金920万元，救助困难职工3100户。\n\n"
                    "| 项目 | 户数 |\n| --- | ---: |\n| 生活救助 | 3100 |\n\n"
                    "## 二、技能培训\n\n举办技能竞赛12场。\n\n某区总工会\n\n2024年1月10日\n",
                    encoding="utf-8")
    report = analyze_file(path)
    (article,) = report.articles
    assert article.title == "某区总工会2023年工作总结"
    assert [s.heading for s in article.sections] == ["一、帮扶工作", "二、技能培训"]
    assert [p.text for p in article.sections[0].paragraphs][1:] == ["项目\t户数", "生活救助\t3100"]
    assert [p.text for p in article.sections[1].paragraphs] == ["举办技能竞赛12场。"]
    assert article.byline == "某区总工会\n2024年1月10日"


#: The WordprocessingML namespace, declared on each XML fragment the .docx tests add.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _level(ilvl: int, fmt: str, text: str, suffix: str = "nothing", extra: str = "") -> str:
    """One level of a Word list (``w:lvl``), starting at 1."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/>{extra}<w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/></w:lvl>')


def _numbered_docx(path: Path) -> None:
    """A union's report whose headlines Word numbers itself (a multilevel list: 一、 （一）
    1.), with a rules part numbered 第N条 that restarts at 第五条, and a bulleted list."""
    import docx
    from docx.oxml import parse_xml


    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        + _level(0, "chineseCounting", "%1、") + _level(1, "chineseCounting", "（%2）")
        + _level(2, "decimal", "%3.", "tab") + "</w:abstractNum>"))
    numbering.insert(1, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="91">' + _level(0, "chineseCounting", "第%1条", "space")
        + "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'))

    def numbered(text: str, num_id: int, ilvl: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))

    document.add_paragraph("区总工会2024年工作总结")
    numbered("加强组织建设", 90, 0)
    numbered("扩大工会覆盖", 90, 1)
    numbered("全年新建基层工会42家，发展会员3000余名。", 90, 2)
    numbered("新就业形态劳动者入会1200人。", 90, 2)
    numbered("规范工会换届", 90, 1)
    numbered("做好帮扶救助", 90, 0)
    numbered("走访慰问困难职工326户。", 90, 1)
    numbered("工会会员享有选举权和被选举权。", 91, 0)
    numbered("会员按月交纳会费。", 91, 0)
    document.add_paragraph("春节送温暖", style="List Bullet")
    document.save(str(path))


def test_a_docx_keeps_the_numbers_word_draws_before_its_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "numbered.docx"
    _numbered_docx(path)
    assert read(path).text.split("\n\n") == [
        "区总工会2024年工作总结",
        "一、加强组织建设",
        "（一）扩大工会覆盖",
        "1.全年新建基层工会42家，发展会员3000余名。",
        "2.新就业形态劳动者入会1200人。",
        "（二）规范工会换届",
        "二、做好帮扶救助",
        "（一）走访慰问困难职工326户。",
        "第五条 工会会员享有选举权和被选举权。",
        "第六条 会员按月交纳会费。",
        "● 春节送温暖",
    ]
    headings = [(s.heading, s.level) for a in analyze_file(path).articles for s in a.sections
                if s.heading]
    assert ("一、加强组织建设", 1) in headings and ("（一）扩大工会覆盖", 2) in headings


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
    (20, "chineseCountingThousand", "二十"), (105, "chineseCounting", "一百零五"),
    (110, "chineseCounting", "一百一十"), (3, "ideographTraditional", "丙"),
    (4, "decimalEnclosedCircle", "④"), (14, "upperRoman", "XIV"), (28, "lowerLetter", "bb"),
    (7, "decimalFullWidth", "７"), (2024, "ideographDigital", "二〇二四"), (9, "decimal", "9"),
    (5, "someFutureFormat", "5"), (10**9, "lowerLetter", "1000000000"),
    (5000, "upperRoman", "5000"),
])
def test_word_number_formats(n: int, fmt: str, shown: str) -> None:
    from unionnlp.docxlists import number_text

    assert number_text(n, fmt) == shown


def test_an_html_ordered_list_keeps_the_numbers_a_browser_draws(tmp_path: Path) -> None:
    # A union's page (written for this test) whose measures are an <ol>: the page's text
    # holds no numbers, the browser draws 1. 2. …; a menu's <ul> stays as it is.
    html = ("<html><head><meta charset='utf-8'></head><body>"
            "<ul><li>首页</li><li>工会动态</li></ul>"
            "<h1>区总工会2024年工作要点</h1>"
            "<ol><li>建会入会。全年新建基层工会42家，发展会员3000余名。</li>"
            "<li><p>帮扶救助。</p><p>走访慰问困难职工326户。</p></li>"
            "<li value='5'>技能培训。举办职业技能竞赛12场。</li></ol>"
            "<ol type='a' start='3'><li>丙项</li></ol></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert read(path).text.split("\n\n") == [
        "首页", "工会动态", "区总工会2024年工作要点",
        "1.建会入会。全年新建基层工会42家，发展会员3000余名。",
        "2.帮扶救助。", "走访慰问困难职工326户。",
        "5.技能培训。举办职业技能竞赛12场。", "c.丙项",
    ]


def test_a_docx_reads_text_in_revisions_and_content_controls(tmp_path: Path) -> None:
    # A report passed round with changes tracked (written for this test): the figure typed
    # in as a revision is text, the deleted one is not; a content control and a smart tag
    # hold text too, in a paragraph and in a table's cell; a ruby's base is text, its
    # pinyin gloss is not.
    import docx
    from docx.oxml import parse_xml

    stamp = 'w:author="区总工会" w:date="2024-12-01T00:00:00Z"'
    document = docx.Document()
    paragraph = document.add_paragraph("全年新建基层工会")
    for xml in (f'<w:ins {W} w:id="1" {stamp}><w:r><w:t>42家，</w:t></w:r></w:ins>',
                f'<w:del {W} w:id="2" {stamp}><w:r><w:delText>40家，</w:delText></w:r></w:del>',
                f'<w:r {W}><w:t>发展会员</w:t></w:r>',
                f'<w:sdt {W}><w:sdtContent><w:r><w:t>3000余</w:t></w:r></w:sdtContent></w:sdt>',
                f'<w:r {W}><w:ruby><w:rt><w:r><w:t>míng</w:t></w:r></w:rt>'
                '<w:rubyBase><w:r><w:t>名</w:t></w:r></w:rubyBase></w:ruby></w:r>',
                f'<w:smartTag {W} w:uri="u" w:element="e"><w:r><w:t>。</w:t></w:r></w:smartTag>'):
        paragraph._p.append(parse_xml(xml))
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.text = "帮扶"
    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:ins {W} w:id="3" {stamp}><w:r><w:t>326户</w:t></w:r></w:ins>'))
    path = tmp_path / "revised.docx"
    document.save(str(path))
    assert read(path).text.split("\n\n") == ["全年新建基层工会42家，发展会员3000余名。", "帮扶326户\t"]


def test_a_docx_reads_content_controls_and_text_boxes_in_reading_order(tmp_path: Path) -> None:
    # A union newsletter in Word (written for this test): its cover block is a content
    # control (read) and so is its table of contents (left out); a sidebar story sits in a
    # text box anchored to the first paragraph (stored twice, as Word does, with a fallback
    # copy that must not be read again).
    import docx
    from docx.oxml import parse_xml

    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    box = '<w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent>'
    document = docx.Document()
    body = document.element.body
    body.insert(0, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>区总工会工作简报</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>2024年第3期</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    body.insert(1, parse_xml(  # Word's table of contents, built from the headings
        f'<w:sdt {W}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        '</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>一、组织建设	3</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    paragraph = document.add_paragraph("5月以来，区总工会走访慰问困难职工326户。")
    paragraph._p.append(parse_xml(
        f'<w:r {W} {mc}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        + box.format("短讯：新建基层工会42家。") + '</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        + box.format("短讯：新建基层工会42家。") + '</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    document.add_paragraph("区总工会还举办了职业技能竞赛。")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "图表"
    cell.paragraphs[0]._p.append(parse_xml(
        f'<w:r {W} {mc}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        + box.format("会员3000余名") + '</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        + box.format("会员3000余名") + '</w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    path = tmp_path / "newsletter.docx"
    document.save(str(path))
    assert read(path).text.split("\n\n") == [
        "区总工会工作简报", "2024年第3期", "5月以来，区总工会走访慰问困难职工326户。",
        "短讯：新建基层工会42家。", "区总工会还举办了职业技能竞赛。", "图表会员3000余名"]


def test_a_docx_headline_style_of_its_own_gives_its_outline_level(tmp_path: Path) -> None:
    # A federation's Word template (written for this test) with heading styles of its own,
    # 一级标题 and 二级标题, which mark their level by an outline level, not by their name;
    # one paragraph sets its outline level itself.
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    for name, outline in (("一级标题", 0), ("二级标题", 1)):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="{outline}"/>'))
    document.add_paragraph("一、组织建设", style="一级标题")
    document.add_paragraph("（一）建会入会", style="二级标题")
    document.add_paragraph("全年新建基层工会42家。")
    own = document.add_paragraph("二、帮扶救助")
    own._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {W} w:val="0"/>'))
    document.add_paragraph("走访慰问困难职工326户。")
    path = tmp_path / "template.docx"
    document.save(str(path))
    source = read(path)
    lines = source.text.split("\n")
    assert {lines[n]: level for n, level in source.heading_hints.items()} == {
        "一、组织建设": 1, "（一）建会入会": 2, "二、帮扶救助": 1}


def test_a_docx_counts_its_lists_as_word_does(tmp_path: Path) -> None:
    # A union's rules in Word (written for this test): 第N章 over 第N条, the articles
    # counting on across chapters (lvlRestart 0); a deleted article (tracked) takes no
    # number; an article inside a table's cell counts with the others; a level out of
    # range and a negative start do not stop the file from being read.
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="80">'
        + _level(0, "chineseCounting", "第%1章", "space")
        + _level(1, "chineseCounting", "第%2条", "space", '<w:lvlRestart w:val="0"/>') +
        '<w:lvl w:ilvl="12"><w:start w:val="-3"/><w:numFmt w:val="ideographDigital"/>'
        '<w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="80"><w:abstractNumId w:val="80"/></w:num>'))

    def numbered(text: str, ilvl: int, *, deleted: bool = False) -> None:
        paragraph = document.add_paragraph("" if deleted else text)
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="80"/></w:numPr>'))
        if deleted:
            stamp = 'w:id="9" w:author="a" w:date="2024-01-01T00:00:00Z"'
            ppr.append(parse_xml(f'<w:rPr {W}><w:del {stamp}/></w:rPr>'))
            paragraph._p.append(parse_xml(
                f'<w:del {W} {stamp}><w:r><w:delText>{text}</w:delText></w:r></w:del>'))

    numbered("总则", 0)
    numbered("本会定名为某市总工会。", 1)
    numbered("本条已删去。", 1, deleted=True)
    numbered("本会接受市委领导。", 1)
    numbered("会员", 0)
    numbered("凡在本市工作的职工均可申请入会。", 1)
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell._tc.remove(cell.paragraphs[0]._p)
    cell._tc.append(parse_xml(
        f'<w:p {W}><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="80"/></w:numPr></w:pPr>'
        '<w:r><w:t>会员按月交纳会费。</w:t></w:r></w:p>'))
    numbered("经审查合格者发给会员证。", 1)
    numbered("这一段落的级别超出范围。", 12)
    path = tmp_path / "rules.docx"
    document.save(str(path))
    assert read(path).text.split("\n\n") == [
        "第一章 总则", "第一条 本会定名为某市总工会。", "第二条 本会接受市委领导。",
        "第二章 会员", "第三条 凡在本市工作的职工均可申请入会。", "第四条 会员按月交纳会费。",
        "第五条 经审查合格者发给会员证。", "这一段落的级别超出范围。"]


def test_a_docx_leaves_out_hidden_text(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph("全年新建基层工会42家。")
    paragraph._p.append(parse_xml(
        f'<w:r {W}><w:rPr><w:vanish/></w:rPr><w:t>（内部批注：数据待核实）</w:t></w:r>'))
    paragraph._p.append(parse_xml(  # hidden switched off is shown
        f'<w:r {W}><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>发展会员3000名。</w:t></w:r>'))
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    assert read(path).text == "全年新建基层工会42家。发展会员3000名。"


def test_an_html_ruby_keeps_its_characters_not_their_pinyin(tmp_path: Path) -> None:
    # <rt> is drawn small above its characters, <rp> only by browsers without ruby; either
    # may be left unclosed.
    page = ("<p>全市新建<ruby>职<rp>(</rp><rt>zhí</rt><rp>)</rp></ruby><ruby>工<rt>gōng"
            "</ruby>书屋<ruby>36<rp>(<rt>sānshíliù<rp>)</ruby>家。</p><p>下一段</p>"
            # an annotation container; an <rt> a block or a cell closes, </ruby> or not
            "<p><ruby>漢字<rtc>hàn zì</rtc></ruby>课程</p><p>工会<ruby>漢<rt>han</p>"
            "<table><tr><td><ruby>會<rt>hui</td><td>36家</td></tr></table>")
    path = tmp_path / "ruby.html"
    path.write_text(page, encoding="utf-8")
    assert read(path).text == "全市新建职工书屋36家。\n\n下一段\n\n漢字课程\n\n工会漢\n\n會\t36家"


def test_an_html_list_label_goes_to_its_own_item_only() -> None:
    from unionnlp.readers import _html_paragraphs

    assert _html_paragraphs("<ol><li></ol><p>正文</p>")[0] == ["正文"]
    assert _html_paragraphs("<ol><li>一<ul><li>二</ol><li>三")[0] == ["1.一", "二", "三"]
    assert _html_paragraphs("<ol start='26' type='a'><li>甲<li>乙</ol>")[0] == ["z.甲", "aa.乙"]
    assert _html_paragraphs("<ol><li value='3x'>丙</ol>")[0] == ["3.丙"]


def test_a_docx_list_through_a_numbering_style_and_a_style_level(tmp_path: Path) -> None:
    # Lists as Word's "define new list style" writes them (written for this test): the
    # list the paragraphs name only points to a numbering style, whose list holds the
    # levels; a heading style gives the level, the paragraph the list.
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="71"><w:styleLink w:val="UnionList"/>'
        + _level(0, "chineseCounting", "%1、") + _level(1, "chineseCounting", "（%2）")
        + "</w:abstractNum>"))
    numbering.insert(1, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="70"><w:numStyleLink w:val="UnionList"/>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    second = document.styles.add_style("二级", WD_STYLE_TYPE.PARAGRAPH)
    second.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {W}><w:ilvl w:val="1"/><w:numId w:val="70"/></w:numPr>'))
    for text, style in (("组织建设", None), ("建会入会", "二级"), ("会员发展", "二级")):
        paragraph = document.add_paragraph(text, style=style)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:numId w:val="70"/></w:numPr>'))
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert read(path).text.split("\n\n") == ["一、组织建设", "（一）建会入会", "（二）会员发展"]


def test_a_utf8_report_cut_off_mid_character_is_read_with_a_warning(tmp_path: Path) -> None:
    # A report saved by a tool that cut it at a byte limit, inside its last character.
    text = "区总工会2024年工作总结\n\n全年新建基层工会42家，发展会员3000余名。\n\n春节期间走访慰问困难职工326户"
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode()[:-2])
    source = read(path)
    assert source.encoding == "utf-8"
    assert source.text == text[:-1] + "\ufffd"
    (warning,) = source.warnings
    assert str(path) in warning and "1 byte sequence(s) are not valid utf-8" in warning
    assert analyze_file(path).to_dict()["warnings"] == [warning]


@pytest.mark.parametrize(("codec", "reported"), [("gbk", "gb18030"), ("big5", "big5")])
def test_a_legacy_encoded_report_cut_off_mid_character_is_read(
        tmp_path: Path, codec: str, reported: str) -> None:
    text = (TRADITIONAL if codec == "big5" else SIMPLIFIED) * 3
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode(codec)[:-1])
    source = read(path)
    assert source.encoding == reported
    assert source.text == text[:-1] + "\ufffd"
    assert "1 byte sequence(s) are not valid" in source.warnings[0]


#: A news page of a union's site as saved from a browser: menus, a date line, ASCII
#: commas among the Chinese.
UNION_PAGE = ("<html><head><meta charset=\"utf-8\"><title>县总工会</title></head><body>"
              "<div class=\"nav\">首页 | 工会动态 | 维权服务</div>"
              "<h1>县总工会开展“两节”送温暖活动</h1><p>发布时间: 2024-01-05</p>"
              "<p>走访慰问困难职工300户,发放慰问金45.6万元。</p>"
              "<p>全年新建基层工会组织56家,发展会员3200人,覆盖职工1.2万人。</p>"
              "</body></html>")


@pytest.mark.parametrize("declared", [True, False])
def test_a_web_page_with_a_stray_byte_is_read_as_a_text_file_is(
        tmp_path: Path, declared: bool) -> None:
    page = UNION_PAGE if declared else UNION_PAGE.replace('<meta charset="utf-8">', "")
    data = page.encode()
    cut = data.index("走访".encode())
    path = tmp_path / "news.html"
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])  # a CMS cut a character in two
    source = read(path)
    assert source.encoding == "utf-8"
    assert "\ufffd走访慰问困难职工300户" in source.text and "覆盖职工1.2万人" in source.text
    assert source.warnings == (f"{path}: 1 byte sequence(s) are not valid utf-8 (a file cut "
                               "off mid-character, or a stray byte); read as \ufffd",)
    assert analyze_file(path).warnings == source.warnings


@pytest.mark.parametrize("codec", ["utf-8", "gb18030"])
def test_a_stray_nul_byte_in_a_text_is_read_as_a_replacement_character(
        tmp_path: Path, codec: str) -> None:
    text = "区总工会2024年工作总结\r\n\r\n全年新建基层工会42家,发展会员3000余名。\r\n" * 4
    data = text.encode(codec)
    cut = data.index("发展".encode(codec))
    path = tmp_path / "nul.txt"
    path.write_bytes(data[:cut] + b"\x00" + data[cut:])
    source = read(path)
    expected = text.replace("\r\n", "\n")
    at = expected.index("发展")
    assert source.text == expected[:at] + "\ufffd" + expected[at:]  # one for one
    assert source.warnings == (f"{path}: 1 NUL character(s) are not text; read as \ufffd",)
    report = analyze_file(path)
    assert json.dumps(report.to_dict(), ensure_ascii=False).count("\ufffd") >= 1
    # Many NUL bytes are a binary file still, named.
    path.write_bytes(data.replace("，".encode(codec), b"\x00").replace(b",", b"\x00\x00"))
    with pytest.raises(UnsupportedFormatError, match="NUL bytes"):
        read(path)
    # A short binary file with as few NUL bytes, whose rest is no text, is binary still.
    path.write_bytes(b"\x00\x01\x02\x03PK\x00\x00" + bytes(range(256)))
    with pytest.raises(UnsupportedFormatError, match="NUL bytes"):
        read(path)
    # and a page's NUL is read alike.
    page = tmp_path / "nul.html"
    page.write_bytes(UNION_PAGE.encode().replace("走访".encode(), b"\x00\xe8\xb5\xb0\xe8\xae\xbf"))
    assert "\ufffd走访" in read(page).text and "NUL" in read(page).warnings[0]


@pytest.mark.parametrize(("bom", "codec", "named"), [
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig")])
def test_a_damaged_text_with_a_byte_order_mark_is_read_in_its_encoding(
        tmp_path: Path, bom: bytes, codec: str, named: str) -> None:
    # Notepad's "Unicode" text, cut off by a byte limit inside its last character.
    text = "区总工会2024年工作总结\r\n\r\n全年新建基层工会42家,发展会员3000余名。\r\n" * 3 + "走访326户"
    path = tmp_path / "cut.txt"
    path.write_bytes(bom + text.encode(codec)[:-1])
    source = read(path)
    assert source.encoding == named and source.text == text.replace("\r\n", "\n")[:-1] + "\ufffd"
    assert source.warnings == (f"{path}: 1 byte sequence(s) are not valid {named} (a file cut off "
                               "mid-character, or a stray byte); read as \ufffd",)


def test_text_mostly_not_utf8_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("café crème brûlée".encode("latin-1") * 3)
    with pytest.raises(DecodeError) as info:
        read(path)
    assert str(path) in str(info.value)


def test_a_short_text_with_a_few_bad_bytes_is_still_refused(tmp_path: Path) -> None:
    # Four undecodable bytes after six characters are no file cut off mid-character.
    path = tmp_path / "broken.txt"
    path.write_bytes("工会工作报告".encode("gbk") + b"\xff\xfe\x80\xff")
    with pytest.raises(DecodeError):
        read(path)


def test_a_gb18030_text_behind_a_utf8_byte_order_mark_is_read_as_gb18030(tmp_path: Path) -> None:
    # A tool that assumed UTF-8 put a BOM before a GB18030 report: the mark is wrong, the
    # bytes after it are the text.
    text = ("某市总工会2023年工作总结\n\n一、加强组织建设\n"
            "全年新建基层工会86家,发展会员5200余名,其中快递员、外卖配送员2300人。\n"
            "二、做好帮扶救助\n走访慰问困难职工300户,发放慰问金45.6万元。\n")
    path = tmp_path / "bom_gbk.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("gb18030"))
    source = read(path)
    assert source.encoding == "gb18030" and source.text == text
    assert len(source.warnings) == 1 and "byte-order mark" in source.warnings[0]
    assert str(path) in source.warnings[0]
