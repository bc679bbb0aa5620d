"""Word's XML formats, which report systems export and name .doc: Word 2003 XML
(``<w:wordDocument>``), read here paragraph by paragraph as Word shows it, and Word 2007's
single-file XML (flat OPC, ``<pkg:package>``), turned back into the .docx it flattens.
"""

from __future__ import annotations

import base64
import binascii
import io
import zipfile
from typing import Any

from unionnlp.errors import CorruptFileError

from .docxlists import ListCounter, ListLevel, int_or, style_heading_level
from .worddoc import NUMBER_FORMATS, DocBlock

__all__ = ["flat_opc_docx", "wordml_blocks"]

_W = "{http://schemas.microsoft.com/office/word/2003/wordml}"
_AUX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_AML = "{http://schemas.microsoft.com/aml/2001/core}"
_PKG = "{http://schemas.microsoft.com/office/2006/xmlPackage}"
#: What holds no text Word shows in the body: properties (a section's holds its headers and
#: footers), notes, and text boxes (read after their paragraph).
_NOT_BODY = frozenset({_W + "pPr", _W + "rPr", _W + "sectPr", _W + "footnote", _W + "endnote",
                       _W + "tblPr", _W + "tblGrid", _W + "trPr", _W + "tcPr"})
_NOT_SHOWN = frozenset({"Word.Comment", "Word.Deletion"})
_OFF = frozenset({"0", "false", "off"})
_LEVELS = 9


def _parse(data: bytes, path: str, what: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptFileError(path, f"not a readable {what} ({exc})") from exc


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(_W + "val")


def wordml_blocks(data: bytes, path: str) -> list[DocBlock]:
    """The blocks of a Word 2003 XML document: paragraphs with the numbers Word draws for
    its lists, table rows, text boxes after their paragraph, heading levels from styles
    and outline levels; not headers, footers, notes, comments, deleted or hidden text."""
    root = _parse(data, path, "Word XML document")
    if root.tag != _W + "wordDocument":
        raise CorruptFileError(path, "an XML file that is no Word document")
    styles = _Styles(root)
    lists = _lists(root)
    blocks: list[DocBlock] = []

    def paragraph(p: Any) -> None:
        boxes: list[str] = []
        text = _text(p, boxes)
        label = styles.label(p, lists)
        if text.strip():
            blocks.append(DocBlock(label + text, level=styles.level(p)))
        blocks.extend(DocBlock(box) for box in boxes if box.strip())

    def walk(element: Any) -> None:
        for child in element:
            if child.tag == _W + "p":
                paragraph(child)
            elif child.tag == _W + "tbl":
                for row in _rows(child):
                    cells = tuple("\n".join(_text(p, []) for p in cell.iter(_W + "p"))
                                  for cell in row.iterchildren(_W + "tc"))
                    if any(c.strip() for c in cells):
                        blocks.append(DocBlock("\t".join(cells), cells))
            elif isinstance(child.tag, str) and child.tag not in _NOT_BODY:
                walk(child)  # sections (wx:sect, wx:sub-section), insertions

    body = root.find(_W + "body")
    if body is not None:
        walk(body)
    return blocks


def _rows(table: Any) -> list[Any]:
    """A table's own rows, through wrappers, not those of tables in its cells."""
    rows = []
    for child in table:
        if child.tag == _W + "tr":
            rows.append(child)
        elif isinstance(child.tag, str) and child.tag not in _NOT_BODY:
            rows.extend(_rows(child))
    return rows


def _hidden(run: Any) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and (vanish.get(_W + "val") or "on") not in _OFF


def _text(element: Any, boxes: list[str]) -> str:
    """A paragraph's shown text (tabs, breaks, symbols); text boxes' paragraphs go to
    ``boxes``."""
    out: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_BODY:
                continue
            if tag == _AML + "annotation" and child.get(_W + "type") in _NOT_SHOWN:
                continue
            if tag == _W + "txbxContent":
                boxes.extend(_text(p, boxes) for p in child.iter(_W + "p"))
            elif tag == _W + "r" and _hidden(child):
                continue
            elif tag == _W + "t":
                out.append("".join(child.itertext()))  # an entity stays as written
            elif tag == _W + "tab":
                out.append("\t")
            elif tag == _W + "br":
                out.append("" if child.get(_W + "type") in ("page", "column") else "\n")
            elif tag == _W + "noBreakHyphen":
                out.append("-")
            elif tag == _W + "sym":
                code = _number_hex(child.get(_W + "char"))
                if code is not None and not 0xE000 <= code <= 0xF8FF and code >= 0x20:
                    out.append(chr(code))
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _number_hex(value: str | None) -> int | None:
    try:
        code = int(value or "", 16)
    except ValueError:
        return None
    return code if code <= 0x10FFFF else None


def _lists(root: Any) -> ListCounter:
    """The document's list definitions (``w:listDef``) and their uses (``w:list``)."""
    counter = ListCounter()
    lists = root.find(_W + "lists")
    if lists is None:
        return counter
    for definition in lists.iterchildren(_W + "listDef"):
        levels: dict[int, ListLevel] = {}
        for level in definition.iterchildren(_W + "lvl"):
            ilvl = int_or(level.get(_W + "ilvl"), -1)
            if not 0 <= ilvl < _LEVELS:
                continue
            restart = _val(level, _W + "lvlRestart")
            levels[ilvl] = ListLevel(
                start=max(0, int_or(_val(level, _W + "start"), 1)),
                fmt=NUMBER_FORMATS.get(int_or(_val(level, _W + "nfc"), 0), "decimal"),
                text=_val(level, _W + "lvlText") or "",
                suffix=_val(level, _W + "suff") or "tab", style=_val(level, _W + "pStyle"),
                legal=level.find(_W + "isLgl") is not None,
                restart=None if restart is None else int_or(restart, 0))
        counter.add_list(definition.get(_W + "listDefId") or "", levels)
    for use in lists.iterchildren(_W + "list"):
        starts = {}
        for override in use.iterchildren(_W + "lvlOverride"):
            start = _val(override, _W + "startOverride")
            if start is not None:
                starts[int_or(override.get(_W + "ilvl"), -1)] = int_or(start, 1)
        counter.add_use(use.get(_W + "ilfo") or "", _val(use, _W + "ilst") or "", starts)
    return counter


class _Styles:
    """Paragraph styles: heading levels (built-in names, outline levels), lists, bases."""

    def __init__(self, root: Any) -> None:
        self._styles: dict[str, Any] = {}
        self._levels: dict[str, int] = {}
        for style in root.iter(_W + "style"):
            key = style.get(_W + "styleId") or ""
            self._styles[key] = style
            level = style_heading_level(_val(style, _W + "name"))
            outline = int_or(_val(style, f"{_W}pPr/{_W}outlineLvl"), -1)
            if level is None and 0 <= outline < 9:
                level = outline + 1
            if level is not None:
                self._levels[key] = level

    def _chain(self, paragraph: Any) -> list[tuple[str, Any]]:
        """The paragraph's style and its bases, bounded against a cycle."""
        chain: list[tuple[str, Any]] = []
        key = _val(paragraph, f"{_W}pPr/{_W}pStyle")
        while key is not None and key in self._styles and len(chain) < 10:
            chain.append((key, self._styles[key]))
            key = _val(self._styles[key], _W + "basedOn")
        return chain

    def level(self, paragraph: Any) -> int | None:
        outline = int_or(_val(paragraph, f"{_W}pPr/{_W}outlineLvl"), -1)
        if 0 <= outline < 9:
            return outline + 1
        return next((self._levels[k] for k, _ in self._chain(paragraph) if k in self._levels),
                    None)

    def label(self, paragraph: Any, lists: ListCounter) -> str:
        """What Word draws before the paragraph (counted: call once per paragraph in order);
        the number Word wrote beside it (``wx:t``) where the document defines no list."""
        own = paragraph.find(f"{_W}pPr/{_W}listPr")
        use, ilvl = _val(own, _W + "ilfo"), _val(own, _W + "ilvl")
        named = None
        for key, style in self._chain(paragraph):
            if use is not None and ilvl is not None:
                break
            listed = style.find(f"{_W}pPr/{_W}listPr")
            if listed is not None:
                named = named or key
                use = use if use is not None else _val(listed, _W + "ilfo")
                ilvl = ilvl if ilvl is not None else _val(listed, _W + "ilvl")
        if use is not None and use != "0" and lists.known(use):
            level = lists.styled_level(use, named) if ilvl is None else int_or(ilvl, 0)
            return lists.count(use, level)
        hint = own.find(_AUX + "t") if own is not None else None
        return "" if hint is None else hint.get(_AUX + "val") or ""


def flat_opc_docx(data: bytes, path: str) -> bytes:
    """The .docx that a flat OPC file (Word 2007's single-file XML) flattens: each
    ``pkg:part`` back as a member of the zip, with the content types it declares."""
    from lxml import etree

    root = _parse(data, path, "Word XML document")
    if root.tag != _PKG + "package":
        raise CorruptFileError(path, "an XML file that is no Word document")
    types = ['<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxml'
             'formats.org/package/2006/content-types">']
    buffer = io.BytesIO()
    names: set[str] = set()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in root.iterchildren(_PKG + "part"):
            name = (part.get(_PKG + "name") or "").lstrip("/")
            if not name or ".." in name.split("/"):
                continue
            xml = part.find(_PKG + "xmlData")
            binary = part.find(_PKG + "binaryData")
            if xml is not None and len(xml):
                content = etree.tostring(xml[0], xml_declaration=True, encoding="UTF-8")
            elif binary is not None:
                try:
                    content = base64.b64decode(binary.text or "")
                except (binascii.Error, ValueError):
                    continue
            else:
                continue
            archive.writestr(name, content)
            names.add(name)
            kind = part.get(_PKG + "contentType") or "application/octet-stream"
            types.append(f'<Override PartName="/{_escape(name)}" ContentType="{_escape(kind)}"/>')
        if "_rels/.rels" not in names:  # Word itself writes it, other exporters may not
            archive.writestr("_rels/.rels", _PACKAGE_RELATIONS)
        types.append('<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                     'package.relationships+xml"/></Types>')
        archive.writestr("[Content_Types].xml", "".join(types))
    return buffer.getvalue()


_PACKAGE_RELATIONS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
    'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
