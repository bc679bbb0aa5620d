"""Word 97-2003 .doc files, and files that Word opens under a name that is not theirs.

The .doc files are built here as [MS-DOC] lays them out: a compound file holding a
WordDocument stream (file information block, text pieces, a paragraph property page) and
a 1Table stream (style sheet, piece table, property page index).
"""

from __future__ import annotations

import base64
import io
import quopri
import random
import struct
from pathlib import Path

import pytest

from unionnlp import analyze_file
from unionnlp.errors import CorruptFileError, InputError
from unionnlp.readers import read

_END_OF_CHAIN, _FREE, _FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
_SECTOR = 512


def _compound(streams: dict[str, bytes]) -> bytes:
    """A compound file (version 3) holding ``streams`` in the root storage, each padded to
    at least 4096 bytes so that none goes to the mini stream."""
    sectors: list[bytes] = []
    fat: list[int] = []
    entries = [("Root Entry", 5, _END_OF_CHAIN, 0)]
    for name, data in streams.items():
        padded = data.ljust(max(4096, -(-len(data) // _SECTOR) * _SECTOR), b"\0")
        start = len(sectors)
        count = len(padded) // _SECTOR
        sectors += [padded[i * _SECTOR:(i + 1) * _SECTOR] for i in range(count)]
        fat += [start + i + 1 for i in range(count - 1)] + [_END_OF_CHAIN]
        entries.append((name, 2, start, len(padded)))
    directory = b""
    for index, (name, kind, start, size) in enumerate(entries):
        encoded = (name + "\0").encode("utf-16-le")
        child = 1 if index == 0 else _FREE
        right = index + 1 if 0 < index < len(entries) - 1 else _FREE
        directory += struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1,
                                 _FREE, right, child, b"", 0, 0, 0, start, size)
    directory = directory.ljust(-(-len(directory) // _SECTOR) * _SECTOR, b"\0")
    first_directory = len(sectors)
    count = len(directory) // _SECTOR
    sectors += [directory[i * _SECTOR:(i + 1) * _SECTOR] for i in range(count)]
    fat += [first_directory + i + 1 for i in range(count - 1)] + [_END_OF_CHAIN]
    fat_sector = len(sectors)
    fat.append(_FAT_SECTOR)
    sectors.append(struct.pack(f"<{128}I", *fat, *[_FREE] * (128 - len(fat))))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", bytes.fromhex("d0cf11e0a1b11ae1"), b"",
                         0x3E, 3, 0xFFFE, 9, 6, b"", 0, 1, first_directory, 0, 4096,
                         _END_OF_CHAIN, 0, _END_OF_CHAIN, 0)
    header += struct.pack("<109I", fat_sector, *[_FREE] * 108)
    return header + b"".join(sectors)


def _papx(istd: int, sprms: dict[int, int]) -> bytes:
    body = struct.pack("<H", istd)
    for sprm, value in sprms.items():
        body += struct.pack("<H", sprm) + (bytes([value]) if sprm >> 13 < 2 else
                                           struct.pack("<H", value))
    return body + b"\0" * (len(body) % 2)


Style = tuple[int, dict[int, int]]
#: A list: its id and levels, each (start, number format code, text, what follows).
List = tuple[int, list[tuple[int, int, str, int]]]


def _style_sheet(styles: dict[int, Style]) -> bytes:
    """Paragraph styles by index: each its built-in style identifier (1-9 heading levels,
    62 Title, 0x0FFE a style of the user's own) and the sprms it gives its paragraphs."""
    count = max(styles, default=0) + 1
    sheet = struct.pack("<HHH14s", 18, count, 10, b"")
    for istd in range(count):
        sti, sprms = styles.get(istd, (0 if istd == 0 else 0x0FFE, {}))
        std = struct.pack("<HHHHH", sti, 1 | 0x0FFF << 4, 2, 0, 0)
        name = f"样式{istd}"
        std += struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0"
        upx = _papx(istd, sprms)
        std += struct.pack("<H", len(upx)) + upx + struct.pack("<H", 0)
        sheet += struct.pack("<H", len(std)) + std
    return sheet


def _list_tables(lists: list[List], uses: list[tuple[int, dict[int, int]]]) -> tuple[bytes,
                                                                                     bytes]:
    """The list table (LSTFs, then their levels) and the list format overrides (``uses``:
    a list's id and the starts it overrides by level)."""
    lst = struct.pack("<h", len(lists))
    levels = b""
    for lsid, spec in lists:
        lst += struct.pack("<ii9HBB", lsid, 0, *[0x0FFF] * 9, len(spec) == 1, 0)
        if len(spec) > 1:  # a list of more than one level has all nine
            spec = spec + [(1, 0, "", 0)] * (9 - len(spec))
        for start, nfc, text, follow in spec:
            xst = "".join(chr(int(c[1]) - 1) if c.startswith("%") else c
                          for c in _split_placeholders(text))
            levels += struct.pack("<iBB9sBiiBBBB", start, nfc, 0, b"", follow, 0, 0, 0, 0, 0, 0)
            levels += struct.pack("<H", len(xst)) + xst.encode("utf-16-le")
    lfo = struct.pack("<i", len(uses))
    data = b""
    for lsid, starts in uses:
        lfo += struct.pack("<iiiBBBB", lsid, 0, 0, len(starts), 0, 0, 0)
        data += struct.pack("<I", 0)
        for level, start in starts.items():
            data += struct.pack("<iI", start, level | 0x10)
    return lst + levels, lfo + data


def _split_placeholders(text: str) -> list[str]:
    import re

    return re.findall(r"%[1-9]|.", text)


def word97(paragraphs: list[tuple[list[tuple[str, bool]], int, dict[int, int]]], *,
           styles: dict[int, Style] | None = None, encrypted: bool = False,
           unshown: tuple[str, ...] = (), lists: list[List] = (),
           uses: list[tuple[int, dict[int, int]]] = (), huge: bool = False,
           version: int = 0xC1, shared_piece: bool = False) -> bytes:
    """A .doc of ``paragraphs``: each is its pieces of text (text, stored as cp1252) ending
    in its mark, the index of its style and its paragraph sprms; ``styles`` by index (see
    :func:`_style_sheet`); pieces whose text is in ``unshown`` are marked deleted (when
    they start with ``-``) or hidden; ``lists`` and their ``uses`` number paragraphs.
    ``huge`` keeps the paragraph sprms in the Data stream (as Word does with properties
    too large for their page); ``shared_piece`` adds a piece that repeats the first one's
    bytes (a damaged or hostile piece table)."""
    text_at = 1024
    word = bytearray(text_at)
    pieces: list[tuple[int, int, bool]] = []  # (first character, stream offset, compressed)
    runs: list[tuple[int, bytes]] = []  # (stream offset after the mark, properties)
    characters: list[tuple[int, int, bytes]] = []  # (stream range, character sprms)
    cp = 0
    for parts, istd, sprms in paragraphs:
        for text, compressed in parts:
            raw = text.encode("cp1252" if compressed else "utf-16-le")
            pieces.append((cp, len(word), compressed))
            if text in unshown:
                sprm = 0x0800 if text.startswith("-") else 0x083C
                characters.append((len(word), len(word) + len(raw),
                                   struct.pack("<HB", sprm, 1)))
            word += raw
            cp += len(raw) // (1 if compressed else 2)  # UTF-16 code units
        runs.append((len(word), _papx(istd, sprms)))
    if huge:
        data = b""
        for index, (end, papx) in enumerate(runs):
            runs[index] = (end, papx[:2] + struct.pack("<HI", 0x6646, len(data)))
            data += struct.pack("<H", len(papx) - 2) + papx[2:]
    if shared_piece:
        pieces.append((cp, pieces[0][1], pieces[0][2]))
        cp += cp
    ccp = cp
    word += b"\0" * (-len(word) % _SECTOR)
    page = len(word) // _SECTOR
    fkp = bytearray(_SECTOR)
    fcs = [text_at] + [end for end, _ in runs]
    struct.pack_into(f"<{len(fcs)}I", fkp, 0, *fcs)
    top = _SECTOR - 1
    for run, (_, papx) in enumerate(runs):
        top -= len(papx) + 2
        top -= top % 2
        fkp[top:top + 2 + len(papx)] = bytes([0, len(papx) // 2]) + papx
        fkp[4 * len(fcs) + 13 * run] = top // 2
    fkp[_SECTOR - 1] = len(runs)
    word += fkp
    chpx_page = len(word) // _SECTOR
    chp = bytearray(_SECTOR)
    bounds = sorted({text_at, fcs[-1], *(x for a, b, _ in characters for x in (a, b))})
    struct.pack_into(f"<{len(bounds)}I", chp, 0, *bounds)
    top = _SECTOR - 1
    for run, start in enumerate(bounds[:-1]):
        grpprl = next((g for a, _, g in characters if a == start), b"")
        if grpprl:
            top -= 1 + len(grpprl)
            top -= top % 2
            chp[top:top + 1 + len(grpprl)] = bytes([len(grpprl)]) + grpprl
            chp[4 * len(bounds) + run] = top // 2
    chp[_SECTOR - 1] = len(bounds) - 1
    word += chp

    table = bytearray()
    pairs: dict[int, tuple[int, int]] = {}
    sheet = _style_sheet(styles or {})
    pairs[1] = (len(table), len(sheet))
    table += sheet
    for index, at in ((12, chpx_page), (13, page)):
        bte = struct.pack("<III", text_at, fcs[-1], at)
        pairs[index] = (len(table), len(bte))
        table += bte
    cps = [p[0] for p in pieces] + [ccp]
    plc = struct.pack(f"<{len(cps)}I", *cps)
    for _, offset, compressed in pieces:
        plc += struct.pack("<HIH", 0, offset * 2 | 0x40000000 if compressed else offset, 0)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    pairs[33] = (len(table), len(clx))
    table += clx
    if lists:
        lst, lfo = _list_tables(list(lists), list(uses))
        pairs[73] = (len(table), 2 + 28 * len(lists))  # the levels follow, uncounted
        table += lst
        pairs[74] = (len(table), len(lfo))
        table += lfo

    fib = struct.pack("<HHHHHH", 0xA5EC, version, 0, 0x0804, 0, 0x0200 | (0x0100 * encrypted))
    fib = fib.ljust(32, b"\0")
    fib += struct.pack("<H", 14) + b"\0" * 28
    fib += struct.pack("<H", 22) + struct.pack("<22i", 0, 0, 0, ccp, *[0] * 18)
    flat = [value for i in range(93) for value in pairs.get(i, (0, 0))]
    fib += struct.pack("<H", 93) + struct.pack("<186I", *flat)
    word[:len(fib)] = fib
    streams = {"WordDocument": bytes(word), "1Table": bytes(table)}
    return _compound({**streams, "Data": data} if huge else streams)


IN_TABLE, ROW_END, OUTLINE = 0x2416, 0x2417, 0x2640


def _report_doc() -> bytes:
    cell = {IN_TABLE: 1}
    row = {IN_TABLE: 1, ROW_END: 1}
    return word97([
        ([("关于2025年度工会工作的报告\r", False)], 2, {}),
        ([("一、组织建设\r", False)], 1, {}),
        ([("全年新建基层工会", False), ("36", True), ("个,新发展会员", False),
          ("1,250", True), ("人。\r", False)], 0, {}),
        ([("职工之家建设覆盖", False), ("\x13 PAGE \x14", True), ("全市各区", False),
          ("\x15", True), ("\x0b", True), ("街道。\r", False)], 0, {}),
        ([("(二)帮扶救助\r", False)], 0, {OUTLINE: 1}),
        ([("项目\x07", False)], 0, cell), ([("金额(万元)\x07", False)], 0, cell),
        ([("\x07", True)], 0, row),
        ([("困难职工帮扶\x07", False)], 0, cell), ([("\x07", True)], 0, cell),
        ([("\x07", True)], 0, row),
        ([("送温暖慰问\x07", False)], 0, cell), ([("120\x07", True)], 0, cell),
        ([("\x07", True)], 0, row),
        ([("全年走访慰问困难职工", False), ("\x01", True), ("886户。\r", False)], 0, {}),
        ([("发放助学金", False), ("-52", True), ("58", True), ("万元", False),
          ("(内部核对)", False), ("。\r", False)], 0, {}),
    ], styles={1: (1, {}), 2: (62, {})}, unshown=("-52", "(内部核对)"))


def test_a_word_97_document_reads_its_paragraphs_table_rows_and_headings(
        tmp_path: Path) -> None:
    path = tmp_path / "2025年度工作报告.doc"
    path.write_bytes(_report_doc())
    source = read(path)
    assert source.format == "doc"
    assert source.text.split("\n\n") == [
        "关于2025年度工会工作的报告",
        "一、组织建设",
        "全年新建基层工会36个,新发展会员1,250人。",
        "职工之家建设覆盖全市各区街道。",  # a field's result, not its code; a soft break
        "(二)帮扶救助",
        "项目\t金额(万元)",
        "困难职工帮扶\t",  # an empty cell keeps its place in the row
        "送温暖慰问\t120",
        "全年走访慰问困难职工886户。",  # a picture's anchor is no text
        "发放助学金58万元。",  # deleted with changes tracked, and hidden text, left out
    ]
    assert dict(source.heading_hints) == {0: 0, 2: 1, 8: 2}


def test_a_word_97_report_is_analysed_like_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "report.doc"
    path.write_bytes(_report_doc())
    report = analyze_file(path)
    article = report.articles[0]
    assert article.title == "关于2025年度工会工作的报告"
    assert [s.heading for s in article.sections if s.heading] == ["一、组织建设",
                                                                      "(二)帮扶救助"]
    assert {f.value for f in report.figures} >= {36, 1250, 886}


ILFO, ILVL = 0x460B, 0x260A


def _numbered_doc() -> bytes:
    # 一级标题: a style of the template's own, at outline level 1, numbered by list 1's
    # first level; the list's second level written （一）; list 2 counts 1. 2. from 3.
    outline = (0x0FFE, {OUTLINE: 0, ILFO: 1, ILVL: 0})
    headed = [
        ([("组织建设\r", False)], 3, {}),
        ([("新建基层工会36个。\r", False)], 0, {ILFO: 1, ILVL: 1}),
        ([("发展会员1250人。\r", False)], 0, {ILFO: 1, ILVL: 1}),
        ([("帮扶救助\r", False)], 3, {}),
        ([("走访困难职工886户。\r", False)], 0, {ILFO: 1, ILVL: 1}),
        ([("发放助学金58万元。\r", False)], 0, {ILFO: 2, ILVL: 0}),
        ([("\r", False)], 0, {ILFO: 2, ILVL: 0}),  # an empty item is counted too
        ([("慰问一线职工。\r", False)], 0, {ILFO: 2, ILVL: 0}),
        ([("没有编号的段落。\r", False)], 3, {ILFO: 0}),
    ]
    return word97(
        headed, styles={3: outline},
        lists=[(7, [(1, 37, "%1、", 2), (1, 37, "（%2）", 2)]), (9, [(1, 0, "%1.", 0)])],
        uses=[(7, {}), (9, {0: 3})])


def test_a_doc_keeps_the_numbers_word_draws_and_its_own_heading_styles(tmp_path: Path) -> None:
    path = tmp_path / "numbered.doc"
    path.write_bytes(_numbered_doc())
    source = read(path)
    assert source.text.split("\n\n") == [
        "一、组织建设", "（一）新建基层工会36个。", "（二）发展会员1250人。",
        "二、帮扶救助", "（一）走访困难职工886户。",
        "3.发放助学金58万元。", "5.慰问一线职工。",
        "没有编号的段落。",
    ]
    assert dict(source.heading_hints) == {0: 1, 6: 1, 14: 1}  # lines 2 apart


def test_characters_past_the_basic_plane_and_large_properties_keep_the_marks_in_place(
        tmp_path: Path) -> None:
    # 𠀀 is two UTF-16 code units: two character positions in the file, one in Python.
    # Word keeps properties too large for their page (a wide table's) in the Data stream.
    cell = {IN_TABLE: 1}
    row = {IN_TABLE: 1, ROW_END: 1}
    paragraphs = [
        ([("获奖职工:王𠀀明", False), ("(内部)", False), ("同志\r", False)], 0, {}),
        ([("姓名\x07", False)], 0, cell), ([("人数\x07", False)], 0, cell),
        ([("\x07", True)], 0, row),
        ([("一车间\x07", False)], 0, cell), ([("12\x07", True)], 0, cell),
        ([("\x07", True)], 0, row),
        ([("合计12人。\r", False)], 0, {}),
    ]
    expected = ["获奖职工:王𠀀明同志", "姓名\t人数", "一车间\t12", "合计12人。"]
    for huge in (False, True):
        path = tmp_path / f"huge{huge}.doc"
        path.write_bytes(word97(paragraphs, unshown=("(内部)",), huge=huge))
        assert read(path).text.split("\n\n") == expected


def test_a_doc_of_word_95_or_with_pieces_sharing_bytes_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.doc"
    old.write_bytes(word97([([("工会\r", False)], 0, {})], version=104))
    with pytest.raises(CorruptFileError, match="Word 6/95"):
        read(old)
    # Pieces of a real file never share bytes; sharing them would multiply the text.
    shared = tmp_path / "shared.doc"
    shared.write_bytes(word97([([("全年新建基层工会36个。\r", False)], 0, {})],
                              shared_piece=True))
    with pytest.raises(CorruptFileError, match="overlap"):
        read(shared)


def test_a_password_protected_or_damaged_doc_says_so(tmp_path: Path) -> None:
    locked = tmp_path / "locked.doc"
    locked.write_bytes(word97([([("密件\r", False)], 0, {})], encrypted=True))
    with pytest.raises(CorruptFileError, match="password-protected") as info:
        read(locked)
    assert str(locked) in str(info.value)
    cut = tmp_path / "cut.doc"
    cut.write_bytes(_report_doc()[:3000])
    with pytest.raises(CorruptFileError, match=r"cut\.doc"):
        read(cut)
    sheet = tmp_path / "works.wps"
    sheet.write_bytes(_compound({"MatOST": b"\0" * 100}))
    with pytest.raises(CorruptFileError, match="without Word text"):
        read(sheet)
    text = tmp_path / "notes.doc"
    text.write_bytes(b"\x00\x01binary garbage")
    with pytest.raises(CorruptFileError, match="neither a Word 97-2003 document"):
        read(text)


def test_a_doc_that_is_a_docx_a_web_page_or_a_web_archive_is_read_as_what_it_is(
        tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("一、维权服务", level=1)
    document.add_paragraph("全年受理职工法律咨询312件。")
    buffer = io.BytesIO()
    document.save(buffer)
    renamed = tmp_path / "a.doc"
    renamed.write_bytes(buffer.getvalue())
    assert read(renamed).text == "一、维权服务\n\n全年受理职工法律咨询312件。"
    assert read(renamed).heading_hints == {0: 1}

    page = ("<html xmlns:w='urn:schemas-microsoft-com:office:word'><head>"
            "<meta charset='gb2312'></head><body><h1>技能培训</h1>"
            "<p>举办职业技能竞赛12场。</p></body></html>").encode("gb2312")
    web = tmp_path / "b.doc"
    web.write_bytes(page)
    assert read(web).format == "html"
    assert "举办职业技能竞赛12场。" in read(web).text

    body = quopri.encodestring("<html><body><p>新建职工书屋8家。</p></body></html>"
                               .encode("gb2312"))
    archive = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; "
               b"boundary=\"----=_NextPart_01\"\r\n\r\n------=_NextPart_01\r\n"
               b"Content-Type: text/html; charset=\"gb2312\"\r\n"
               b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + body +
               b"\r\n------=_NextPart_01--\r\n")
    for name in ("c.doc", "c.mht"):
        (tmp_path / name).write_bytes(archive)
        assert read(tmp_path / name).text == "新建职工书屋8家。"

    legacy = tmp_path / "d.docx"
    legacy.write_bytes(_report_doc())
    assert read(legacy).format == "doc"
    assert read(legacy).text.startswith("关于2025年度工会工作的报告")


def test_a_doc_exported_as_word_xml_utf16_html_or_text_is_read(tmp_path: Path) -> None:
    # Word 2003 XML: what report systems' "export to Word" writes, named .doc.
    xml = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"
    xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">
<w:styles><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="一级标题"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>
<w:body><wx:sect>
<w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>2025年工会工作总结</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="a5"/><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/>
<wx:t wx:val="一、"/></w:listPr></w:pPr><w:r><w:t>维权服务</w:t></w:r></w:p>
<w:p><w:r><w:t>受理职工法律咨询</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>(草稿)</w:t></w:r>
<w:r><w:t>312件。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:r><w:t>件数</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</wx:sect></w:body></w:wordDocument>"""
    path = tmp_path / "export.doc"
    path.write_text(xml, encoding="utf-8")
    source = read(path)
    assert source.format == "wordml"
    assert source.text.split("\n\n") == ["2025年工会工作总结", "一、维权服务",
                                          "受理职工法律咨询312件。", "项目\t件数"]
    assert dict(source.heading_hints) == {0: 1, 2: 2}

    page = "<html><body><p>举办职业技能竞赛12场。</p></body></html>"
    utf16 = tmp_path / "page.doc"
    utf16.write_bytes(page.encode("utf-16"))
    assert read(utf16).text == "举办职业技能竞赛12场。"

    text = tmp_path / "plain.doc"
    text.write_bytes("全年新建基层工会36个。\n".encode("gb18030"))
    assert read(text).text == "全年新建基层工会36个。\n"
    assert read(text).format == "text"


_WORDML_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"
    xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"
    xmlns:aml="http://schemas.microsoft.com/aml/2001/core"
    xmlns:v="urn:schemas-microsoft-com:vml">"""


def test_word_xml_shows_what_word_shows_and_counts_its_lists(tmp_path: Path) -> None:
    # An exporter's template repeats one item in a loop: the number Word wrote beside it
    # (wx:t) is the same each time, and Word counts the list again when it opens the file.
    item = ("<w:p><w:pPr><w:listPr><w:ilvl w:val='0'/><w:ilfo w:val='1'/><wx:t wx:val='一、'/>"
            "</w:listPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>")
    hdr = ("<w:sectPr><w:hdr w:type='odd'><w:p><w:r><w:t>某市总工会文件</w:t></w:r></w:p>"
           "</w:hdr><w:ftr w:type='odd'><w:p><w:r><w:t>第1页</w:t></w:r></w:p></w:ftr>"
           "</w:sectPr>")
    xml = _WORDML_HEAD + f"""
<w:lists><w:listDef w:listDefId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/>
<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:listDef>
<w:list w:ilfo="1"><w:ilst w:val="0"/></w:list></w:lists>
<w:body><wx:sect>
{item.format("维权服务")}
<w:p><w:pPr>{hdr}</w:pPr><w:r><w:t>受理法律咨询</w:t></w:r><w:r><w:footnote><w:p><w:r>
<w:t>数据来源：统计局</w:t></w:r></w:p></w:footnote></w:r><w:r><w:t>312件</w:t></w:r>
<aml:annotation w:type="Word.Comment"><aml:content><w:p><w:r><w:t>请核实</w:t></w:r></w:p>
</aml:content></aml:annotation><w:r><w:rPr><w:vanish w:val="off"/></w:rPr><w:t>,结案率</w:t>
</w:r><w:r><w:sym w:font="Symbol" w:char="0025"/></w:r><w:r><w:t>98</w:t>
<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>图:法律援助站</w:t></w:r></w:p>
</w:txbxContent></v:textbox></v:shape></w:pict><w:t>。</w:t></w:r></w:p>
{item.format("")}
{item.format("帮扶救助")}
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t>
</w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>36</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
{item.format("技能培训")}
</wx:sect>{hdr}</w:body></w:wordDocument>"""
    path = tmp_path / "export.doc"
    path.write_text(xml, encoding="utf-8")
    assert read(path).text.split("\n\n") == [
        "一、维权服务",
        "受理法律咨询312件,结案率%98。",  # no header, footer, note or comment in the text
        "图:法律援助站",  # a text box after its paragraph
        "三、帮扶救助",  # an empty item is counted, not shown
        "外内\t36",  # a table in a cell is read in its cell, once
        "四、技能培训",
    ]


def test_word_2007_xml_named_doc_is_read_as_the_docx_it_flattens(tmp_path: Path) -> None:
    flat = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxml'
            'formats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>全年新建基层工会36个。</w:t></w:r></w:p></w:body>"
            "</w:document></pkg:xmlData></pkg:part></pkg:package>")
    path = tmp_path / "flat.doc"
    path.write_text(flat, encoding="utf-8")
    assert read(path).text == "全年新建基层工会36个。"


def test_a_web_archive_gives_its_main_page_in_its_declared_charset(tmp_path: Path) -> None:
    def part(cid: str, charset: str, body: bytes) -> bytes:
        return (b"------=_NextPart_01\r\nContent-ID: " + cid.encode() +
                b"\r\nContent-Type: text/html; charset=\"" + charset.encode() +
                b"\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
                base64.encodebytes(body) + b"\r\n")

    header = "<html><body><p>第 1 页</p></body></html>".encode("gb2312")
    page = "<html><body><p>全年新建工会36家。</p></body></html>".encode("utf-16")
    archive = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; "
               b"boundary=\"----=_NextPart_01\"; start=\"<main>\"\r\n\r\n" +
               part("<header>", "gb2312", header) + part("<main>", "utf-16", page) +
               b"------=_NextPart_01--\r\n")
    path = tmp_path / "page.mht"
    path.write_bytes(archive)
    assert read(path).text == "全年新建工会36家。"
    nested = b"".join(b'Content-Type: multipart/related; boundary="b%d"\r\n\r\n--b%d\r\n'
                      % (i, i) for i in range(40))
    deep = tmp_path / "deep.mht"
    deep.write_bytes(b"MIME-Version: 1.0\r\n" + nested)
    with pytest.raises(CorruptFileError, match="nested parts"):
        read(deep)


_RTF = rb"""{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}
{\*\generator WPS Office;}\pard\qc\b\fs32 \'b9\'a4\'bb\'e1\'b9\'a4\'d7\'f7\'d7\'dc\'bd\'e1\par
\pard\b0\fs24 \'c8\'ab\'c4\'ea\'d0\'c2\'bd\'a8\'bb\'f9\'b2\'e3\'b9\'a4\'bb\'e136\'b8\'f6\'a1\'a3\u21457?\u23637?\'bb\'e1\'d4\'b1
1,250\'c8\'cb\'a1\'a3\par
\trowd\cellx2000\cellx4000 \'cf\'ee\'c4\'bf\cell \'bc\'fe\'ca\'fd\cell\row
\trowd\cellx2000\cellx4000 \'cb\'cd\'ce\'c2\'c5\'af\cell 120\cell\row
\pard \'b5\'da{\field{\*\fldinst PAGE}{\fldrslt 3}}\'d2\'b3\par
}"""


@pytest.mark.parametrize("name", ["summary.rtf", "summary.doc"])
def test_an_rtf_document_reads_in_the_code_page_it_names(tmp_path: Path, name: str) -> None:
    # WPS and Word write Chinese RTF as GBK bytes escaped \'xx, or as \uN? escapes.
    path = tmp_path / name
    path.write_bytes(_RTF)
    source = read(path)
    assert source.format == "rtf"
    assert source.text.split("\n\n") == [
        "工会工作总结", "全年新建基层工会36个。发展会员1,250人。",
        "项目\t件数", "送温暖\t120", "第3页"]
    damaged = tmp_path / f"cut-{name}"
    damaged.write_bytes(_RTF[:200] + b"{{{{")
    assert read(damaged).text.startswith("工会工作总结")


_DOCS = [_report_doc(), _numbered_doc(),
         word97([([("王𠀀明", False), ("\x07", True)], 0, {IN_TABLE: 1}),
                 ([("\x07", True)], 0, {IN_TABLE: 1, ROW_END: 1})], huge=True)]
#: Where the bytes say something: most of the file is padding.
_SAID = [[i for i, byte in enumerate(doc) if byte not in (0, 0xFF)] for doc in _DOCS]


def test_a_damaged_doc_reads_or_fails_with_an_input_error(tmp_path: Path) -> None:
    # Seeded random damage rather than hypothesis: its search favours small bytes and
    # early positions, and missed damage that a uniform draw finds in a few hundred files.
    path = tmp_path / "damaged.doc"
    draw = random.Random(20261207)
    read_whole = 0
    for _ in range(2000):
        which = draw.randrange(len(_DOCS))
        blob = bytearray(_DOCS[which])
        for _ in range(draw.randint(1, 8)):
            blob[draw.choice(_SAID[which])] = draw.randrange(256)
        if draw.random() < 0.3:
            del blob[draw.randrange(len(blob)):]
        path.write_bytes(blob)
        try:
            source = read(path)
        except InputError as exc:
            assert str(path) in str(exc)
            continue
        read_whole += isinstance(source.text, str)
    assert read_whole  # damage in the text itself still reads
