"""Structure read back from PDFs typeset from the real-shaped twins.

The twins are text; their annotation says where each title, headline and paragraph is.
Each twin is typeset here as a report would be (a centred title, paragraphs with a
first-line indent, wrapped at the measure, page numbers in the footer), at three line
spacings and with headlines either set larger than the body or at the body's size,
and the PDF is read back twice: by unionnlp's reader (which reads where the lines sit)
and by plain text extraction (pdfminer's ``extract_text``) fed to ``analyze``. Headline
and paragraph-start F1 are counted on the text with white space removed, so the two
readers' different line breaks do not matter.

    python benchmarks/bench_pdf.py [--split train|test] [--kinds official_pdf,report]

The layout constants of ``unionnlp.pdflayout`` were chosen on ``--split train``; the
README reports ``--split test``.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp import analyze, read  # noqa: E402
from unionnlp.api import analyze_source  # noqa: E402
from unionnlp.model import Report  # noqa: E402
from unionnlp.twins import PARAGRAPH_ROLES, Twin, load_twins  # noqa: E402

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 80.0, 80.0, 90.0, 80.0
BODY = 16.0
SPACINGS = (20.0, 28.0, 36.0)
NAMES = {"layout": "unionnlp", "extract_text": "extract_text + analyze",
         "text": "(the text, no PDF)"}


@dataclass
class Block:
    kind: str  # title, head, para, other
    text: str
    level: int = 0


def blocks(twin: Twin) -> list[Block]:
    """The twin's annotated blocks in order: a ``cont`` span runs on in the block before it."""
    out: list[Block] = []
    for span in twin.spans:
        text = " ".join(span.text.split())
        if not text:
            continue
        if span.role == "cont" and out:
            out[-1].text += text
        elif span.role in ("title", "subtitle"):
            out.append(Block("title", text))
        elif span.role == "heading":
            out.append(Block("head", text, span.level or 1))
        elif span.role in PARAGRAPH_ROLES:
            out.append(Block("para", text))
        else:
            out.append(Block("other", text))
    return out


def _wrap(text: str, font: str, size: float, width: float, indent: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current, room = [], "", width - indent
    for ch in text:
        if current and stringWidth(current + ch, font, size) > room:
            lines.append(current)
            current, room = "", width
        current += ch
    if current:
        lines.append(current)
    return lines


def typeset(path: Path, doc: list[Block], *, spacing: float, sized: bool) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    pdf = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    width = PAGE_W - LEFT - RIGHT
    y = PAGE_H - TOP
    page = 1

    def new_page() -> None:
        nonlocal y, page
        pdf.setFont(font, 10.5)
        pdf.drawCentredString(PAGE_W / 2, BOTTOM / 2, f"- {page} -")
        pdf.showPage()
        page += 1
        y = PAGE_H - TOP

    for block in doc:
        if block.kind == "title":
            size, indent, centred = 22.0, 0.0, True
        elif block.kind == "head" and sized:
            size, indent, centred = max(BODY, 19.0 - block.level), 2 * BODY, False
        else:
            size, indent, centred = BODY, 2 * BODY, False
        for number, line in enumerate(_wrap(block.text, font, size, width, indent)):
            if y < BOTTOM:
                new_page()
            pdf.setFont(font, size)
            if centred:
                pdf.drawCentredString(PAGE_W / 2, y, line)
            else:
                pdf.drawString(LEFT + (indent if number == 0 else 0.0), y, line)
            y -= spacing * size / BODY
    pdf.setFont(font, 10.5)
    pdf.drawCentredString(PAGE_W / 2, BOTTOM / 2, f"- {page} -")
    pdf.save()


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text without white space, and for each original offset its index in that text."""
    kept, index, count = [], [], 0
    for ch in text:
        index.append(count)
        if not ch.isspace():
            kept.append(ch)
            count += 1
    index.append(count)
    return "".join(kept), index


def score(doc: list[Block], report: Report, text: str) -> tuple[int, int, int, int, int, int]:
    """Headline and paragraph-start (tp, fp, fn), matched on the squeezed text."""
    gold_text = "".join("".join(b.text.split()) for b in doc)
    starts, pos = [], 0
    for b in doc:
        starts.append(pos)
        pos += len("".join(b.text.split()))
    squeezed, index = _squeeze(text)
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, gold_text, squeezed, autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            mapping[a + k] = b + k
    gold_heads = {mapping[s] for s, b in zip(starts, doc, strict=True)
                  if b.kind == "head" and s in mapping}
    gold_paras = {mapping[s] for s, b in zip(starts, doc, strict=True)
                  if b.kind == "para" and s in mapping}
    heads = {index[s.offset] for a in report.articles for s in a.sections
             if s.heading and s.offset is not None and s.level > 0}
    paras = {index[p.spans[0][0] if p.spans else p.offset] for p in report.paragraphs}
    return (len(heads & gold_heads), len(heads - gold_heads), len(gold_heads - heads),
            len(paras & gold_paras), len(paras - gold_paras), len(gold_paras - paras))


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "test"), default="test")
    parser.add_argument("--kinds", default="official_pdf,report,government,speech,fanwen,docshare")
    args = parser.parse_args()
    from pdfminer.high_level import extract_text

    twins = load_twins(args.split, kinds=tuple(args.kinds.split(",")))
    print(f"{len(twins)} {args.split} twins ({args.kinds}), typeset and read back")
    print(f"{'headlines':<10} {'spacing':>7}  {'reader':<24} {'head F1':>8} {'para F1':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for sized in (True, False):
            for spacing in SPACINGS:
                totals = {"layout": [0] * 6, "extract_text": [0] * 6, "text": [0] * 6}
                for twin in twins:
                    doc = blocks(twin)
                    path = Path(tmp) / f"{twin.id}.pdf"
                    typeset(path, doc, spacing=spacing, sized=sized)
                    source = read(path)
                    counts = score(doc, analyze_source(source), source.text)
                    plain = extract_text(str(path))
                    counts_plain = score(doc, analyze(plain, source=twin.id), plain)
                    typed = "\n\n".join(b.text for b in doc)
                    counts_text = score(doc, analyze(typed, source=twin.id), typed)
                    for name, c in (("layout", counts), ("extract_text", counts_plain),
                                    ("text", counts_text)):
                        totals[name] = [x + y for x, y in zip(totals[name], c, strict=True)]
                for name, (htp, hfp, hfn, ptp, pfp, pfn) in totals.items():
                    print(f"{'larger' if sized else 'body size':<10} {spacing:>5.0f}pt  "
                          f"{NAMES[name]:<24} "
                          f"{_f1(htp, hfp, hfn):>8.3f} {_f1(ptp, pfp, pfn):>8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
