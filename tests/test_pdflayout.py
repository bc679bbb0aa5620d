"""The PDF reader reads paragraphs from where lines sit: typeset real-shaped twins at
different line spacings and read them back."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from unionnlp import analyze, read
from unionnlp.api import analyze_file
from unionnlp.twins import load_twins

pytest.importorskip("reportlab")

FONT = "STSong-Light"
PAGE_W, PAGE_H = 595.0, 842.0
LEFT, WIDTH, TOP, BOTTOM = 80.0, 435.0, 90.0, 80.0


def _wrap(text: str, size: float, indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current, room = [], "", WIDTH - indent
    for ch in text:
        if current and stringWidth(current + ch, FONT, size) > room:
            lines.append(current)
            current, room = "", WIDTH
        current += ch
    return [*lines, current] if current else lines


def typeset(path: Path, title: str, paragraphs: list[str], *, leading: float,
            size: float = 16.0) -> None:
    """A report as a word processor sets it: centred title, first-line indents, page numbers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    page, y = 1, PAGE_H - TOP
    pdf.setFont(FONT, 22)
    pdf.drawCentredString(PAGE_W / 2, y, title)
    y -= 2 * leading
    for text in paragraphs:
        for number, line in enumerate(_wrap(text, size, 2 * size)):
            if y < BOTTOM:
                pdf.setFont(FONT, 10.5)
                pdf.drawCentredString(PAGE_W / 2, BOTTOM / 2, f"- {page} -")
                pdf.showPage()
                page, y = page + 1, PAGE_H - TOP
            pdf.setFont(FONT, size)
            pdf.drawString(LEFT + (2 * size if number == 0 else 0), y, line)
            y -= leading
    pdf.setFont(FONT, 10.5)
    pdf.drawCentredString(PAGE_W / 2, BOTTOM / 2, f"- {page} -")
    pdf.save()


def _twin_paragraphs(twin_id: str) -> tuple[str, list[str]]:
    twin = next(t for t in load_twins("train") if t.id == twin_id)
    title = next(s.text.strip() for s in twin.spans if s.role == "title")
    return title, [" ".join(p.text.split()) for p in twin.paragraphs]


def _squeezed(text: str) -> list[str]:
    return ["".join(block.split()) for block in text.split("\n\n") if block.strip()]


@pytest.mark.parametrize("leading", [18.0, 28.0, 40.0])
def test_paragraphs_survive_any_line_spacing(tmp_path: Path, leading: float) -> None:
    # Plain extraction puts a blank line after every line at wide spacing and runs
    # paragraphs together at tight spacing; the layout says where each one ends.
    title, paragraphs = _twin_paragraphs("rep03")
    path = tmp_path / "report.pdf"
    typeset(path, title, paragraphs, leading=leading)
    source = read(path)
    blocks = _squeezed(source.text)
    assert blocks[0] == "".join(title.split())
    for paragraph in paragraphs:
        assert "".join(paragraph.split()) in blocks
    assert source.warnings == ()


def test_figures_read_from_a_pdf_match_the_text(tmp_path: Path) -> None:
    # A figure wrapped across two lines (4 | 2家) is one figure again.
    title, paragraphs = _twin_paragraphs("rep03")
    path = tmp_path / "report.pdf"
    typeset(path, title, paragraphs, leading=28.0)
    from_pdf = [(f.value, f.unit) for f in analyze_file(path).figures]
    from_text = [(f.value, f.unit) for f in analyze("\n\n".join([title, *paragraphs])).figures]
    assert from_text and from_pdf == from_text


def test_a_number_wrapped_across_two_lines_is_one_number_again(tmp_path: Path) -> None:
    # Chinese layout wraps inside a run of digits too (WPS and Word's "allow Latin text to
    # wrap in the middle of a word"): 1 | 36个 is 136个, not 1 36个, as in text files.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    lead = "会议指出，全年新建基层工会"
    for pad in range(40):
        text = lead + "职" * pad + "136个，新发展会员12500人。"
        lines = _wrap(text, 16.0, 32.0)
        if any(a[-1].isdigit() and b[0].isdigit() for a, b in itertools.pairwise(lines)):
            break
    else:
        pytest.fail("no wrap inside a number")
    path = tmp_path / "wrapped.pdf"
    typeset(path, "市总工会召开年度工作会议", [text], leading=28.0)
    assert "".join(text.split()) in read(path).text.split("\n\n")
    assert {(f.value, f.unit) for f in analyze_file(path).figures} == {(136, "个"), (12500, "人")}


def test_a_paragraph_runs_on_over_a_page_break(tmp_path: Path) -> None:
    long = "全年新建基层工会42家，发展会员3000余名，走访慰问困难职工120户。" * 12
    path = tmp_path / "long.pdf"
    typeset(path, "某区总工会2023年工作总结", ["开展职工技能培训。", long, "维护职工合法权益。"],
            leading=40.0)
    blocks = _squeezed(read(path).text)
    assert "".join(long.split()) in blocks  # one paragraph, not two
    assert blocks.index("-1-") == blocks.index("".join(long.split())) + 1  # its page number after it
    assert "- 1 -" in analyze_file(path).dropped


def test_a_scan_without_text_says_so(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    for _ in range(2):
        pdf.rect(60, 60, 470, 700, fill=1)  # what a scanned page holds: no text
        pdf.showPage()
    pdf.save()
    source = read(path)
    assert source.text == ""
    (warning,) = source.warnings
    assert str(path) in warning and "no text layer" in warning and "OCR" in warning
    report = analyze_file(path)
    assert report.to_dict()["warnings"] == [warning]
    assert not report.paragraphs


def test_glyphs_a_font_maps_to_no_character_read_as_replacement_with_a_warning(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # pdfminer writes (cid:N) for each glyph of a font without a character map, as some
    # government PDFs embed their Chinese fonts; the text around them is still read.
    import unionnlp.pdflayout as pdflayout

    lines = ["区总工会2024年工作总结", "全年新建基层工会(cid:1234)(cid:88)家，发展会员3000余名。"]
    monkeypatch.setattr(pdflayout, "layout_blocks",
                        lambda data: pdflayout.PdfLayout(lines, pages=1, characters=60))
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    source = read(path)
    assert "(cid:" not in source.text
    assert "全年新建基层工会\ufffd\ufffd家" in source.text
    (warning,) = source.warnings
    assert str(path) in warning and "2 of the PDF's characters" in warning
    assert "The rest of the text is read" in warning
