"""Read one input file into a :class:`~unionnlp.model.Source`: the first stage of the pipeline.

Plain text and Markdown are decoded (BOM, UTF-8, then GB18030 / Big5 / UTF-16 chosen by
charset-normalizer and checked for plausibility), HTML is reduced to its visible text,
.docx and .pdf go through python-docx and pdfminer.six, imported only when needed.
Newlines become ``"\\n"``; nothing else in the text is changed here.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import io
import logging
import mmap
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from unionnlp.errors import (
    ConfigError,
    CorruptFileError,
    DecodeError,
    InputError,
    UnsupportedFormatError,
    printable,
)
from unionnlp.model import Part, Source

from ._regex import regex
from .docxlists import WML, ListLabels, number_text, outline_level, style_heading_level

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["MAX_EXPANDED_BYTES", "MAX_INPUT_BYTES", "PART_BYTES", "SUPPORTED_EXTENSIONS",
           "decode_bytes", "decode_text", "file_name", "read", "read_part", "read_upto",
           "split_parts"]

#: The largest file :func:`read` accepts by default (``max_bytes``; the CLI's ``--max-size``).
#: Analysis takes about 15-25 MB of memory per MB of text: the limit bounds a worker's memory.
MAX_INPUT_BYTES = 32 * 1024 * 1024
#: The size of a part when a large text file is tagged part by part (:func:`split_parts`).
PART_BYTES = 4 * 1024 * 1024
#: The most a .docx may expand to when unzipped (zip bombs are refused before parsing).
MAX_EXPANDED_BYTES = 256 * 1024 * 1024

logger = logging.getLogger(__name__)

_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    # Saved pages of sites served by server-side includes (most government sites) or XHTML.
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".mht": "mht",
    ".mhtml": "mht",
    ".rtf": "rtf",
    ".pdf": "pdf",
}

#: File extensions :func:`read` accepts (lower case, with the dot).
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_FORMATS)

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Candidates for text that is neither BOM-marked nor UTF-8. cp950 (Windows Big5) is
# only a fallback for bytes that strict Big5 rejects, and Big5-HKSCS (Hong Kong's Big5,
# with Cantonese characters such as 嘅 啲 冇) for bytes both reject. BOM-less UTF-16/32 is tried only
# when there are NUL bytes, which any line break or ASCII character gives it: otherwise
# any even-length byte string, plain ASCII included, would read as UTF-16 ideographs.
_NARROW_CANDIDATES = ("gb18030", "big5", "cp950", "big5hkscs")
_WIDE_CANDIDATES = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")

#: Below this plausibility (see :func:`_plausibility`) a clean decoding is still rejected.
_MIN_PLAUSIBILITY = 0.6
#: Added to the plausibility of charset-normalizer's first choice, to settle near-ties.
_DETECTOR_BONUS = 0.05
#: Share of control bytes above which a file without NUL bytes is taken for binary.
_MAX_CONTROL_SHARE = 0.3

# Control bytes that do not occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in (*range(0x20), 0x7F) if b not in b"\t\n\x0b\x0c\r\x1b")

# Punctuation and symbols at home in Chinese text: CJK symbols, full-width forms,
# general punctuation, ①-style numbers, arrows, maths, shapes, stars.
_CHINESE_SYMBOLS: tuple[tuple[int, int], ...] = (
    (0x00B7, 0x00B7),
    (0x00D7, 0x00D7),
    (0x00F7, 0x00F7),
    (0x2010, 0x205E),
    (0x2100, 0x22FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x26FF),
    (0x3000, 0x303F),
    (0xFE30, 0xFE4F),
    (0xFF01, 0xFF65),
)


def read(path: str | os.PathLike[str], *, max_bytes: int = MAX_INPUT_BYTES) -> Source:
    """Read a .txt/.md/.html/.shtml/.mht/.docx/.doc/.wps/.rtf/.pdf file into a :class:`Source`.

    A Word file is read by what it holds, whatever its extension says: a .doc that is a
    .docx, a web page or a web archive, a .docx that is a .doc. Only regular files of at
    most ``max_bytes`` bytes are read (a FIFO or device would never end). Raises an
    :class:`~unionnlp.errors.InputError` subclass naming the path on failure; a file
    without text reads as empty text with a warning saying so.
    """
    name = file_name(path)
    source = _valid_unicode(_read(name, max_bytes), name)
    if not source.text.strip() and not source.warnings:
        return replace(source, warnings=(f"{name}: the file holds no text",))
    return source


def file_name(path: object) -> str:
    """``path`` (a str, bytes or os.PathLike) as the str every reader names the file by;
    an :class:`~unionnlp.errors.InputError` for what names no file: another type, or a
    name holding a NUL character (which the operating system would refuse with a
    ValueError)."""
    try:
        name = os.fsdecode(os.fspath(path))  # type: ignore[call-overload]
    except TypeError as exc:
        raise InputError(None, f"a file is named by a str or os.PathLike, not "
                               f"{type(path).__name__}") from exc
    if "\x00" in name:
        raise InputError(name, "a file name cannot hold a NUL character")
    return name


_LONE_SURROGATE = regex("[\ud800-\udfff]")


def _valid_unicode(source: Source, name: str) -> Source:
    """``source`` with surrogate pairs joined and each lone surrogate (an RTF ``\\u-10240?``)
    read as U+FFFD, with a warning counting them: no stage can encode one."""
    if _LONE_SURROGATE.search(source.text) is None:
        return source
    text = source.text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    lone = text.count("\ufffd") - source.text.count("\ufffd")
    if not lone:
        return replace(source, text=text)
    return replace(source, text=text, warnings=(
        *source.warnings, f"{name}: {lone} unpaired surrogate(s) are not valid Unicode; read as \ufffd"))


def _read(name: str, max_bytes: int) -> Source:
    extension = os.path.splitext(name)[1].lower()
    fmt = _FORMATS.get(extension, "")
    if not fmt and not os.path.isdir(name):  # a folder is named as one when read
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        shown = extension or "no extension"
        raise UnsupportedFormatError(
            name, f"unsupported file type ({shown}); supported: {supported}"
        )
    data = _read_bytes(name, max_bytes)
    if fmt in ("doc", "docx"):
        fmt = _word_format(data, name, extension)

    if fmt in ("text", "markdown"):
        return _text_source(data, name, fmt)
    if fmt == "mht":
        data, fmt = _web_archive_page(data, name), "html"
    if fmt == "flatopc":
        from .wordxml import flat_opc_docx

        data, fmt = flat_opc_docx(data, name), "docx"
    if fmt == "html":
        html, encoding, warnings = _decode_html(data, name)
        paragraphs, levels = _html_paragraphs(_normalise_newlines(html))
        source = _join_blocks(paragraphs, levels, path=name, fmt=fmt, encoding=encoding)
        # Blocks are lines 0, 2, 4, … of the joined text.
        outside = _outside_main_content(html, paragraphs, name)
        return replace(source, boilerplate=frozenset(2 * i for i in outside),
                       warnings=(*source.warnings, *warnings))
    if not data.strip():
        return Source("", path=name, format=fmt)
    if fmt == "docx":
        paragraphs, levels = _docx_paragraphs(data, name)
        return _join_blocks(paragraphs, levels, path=name, fmt=fmt, encoding=None)
    if fmt in ("doc", "wordml"):
        paragraphs, levels = _doc_paragraphs(data, name, fmt)
        return _join_blocks(paragraphs, levels, path=name, fmt=fmt, encoding=None)
    if fmt == "rtf":
        return _join_blocks(_rtf_paragraphs(data, name), {}, path=name, fmt=fmt, encoding=None)
    return _pdf_source(data, name)


def decode_bytes(data: bytes, path: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file; return the text and the encoding's canonical name.

    ``path`` only names the file in errors: :class:`UnsupportedFormatError` or :class:`DecodeError`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"invalid {encoding} after its byte-order mark") from exc

    if b"\x00" in data:
        found = _best_decoding(data, _WIDE_CANDIDATES, use_detector=False)
        if found is not None:
            return found
        # A few NUL bytes in a text (a stray one from a bad copy) leave it a text, read
        # on below; :func:`decode_text` reads them as U+FFFD. Many make it a binary file.
        if data.count(b"\x00") > _damage_allowed(len(data)):
            raise UnsupportedFormatError(path, "binary content (NUL bytes), not a text file")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if data and controls / len(data) > _MAX_CONTROL_SHARE:
        raise UnsupportedFormatError(path, "binary content (control bytes), not a text file")

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    found = _best_decoding(data, _NARROW_CANDIDATES, use_detector=True)
    if found is None:
        if b"\x00" in data:
            # A few NUL bytes are a text's stray ones only where the rest reads as text.
            raise UnsupportedFormatError(path, "binary content (NUL bytes), not a text file")
        raise DecodeError(path, "cannot decode as UTF-8, GB18030 or Big5")
    return found


# --- files ------------------------------------------------------------------------------------


@contextlib.contextmanager
def _reading(path: str) -> Iterator[None]:
    """Map the operating system's errors while reading ``path`` to an InputError naming it."""
    try:
        yield
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a directory, not a file (`unionnlp tag` and `tag_files` "
                               "walk folders)") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read file: {exc.strerror or exc}") from exc


def _read_bytes(path: str, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    with _reading(path):
        # Checked before opening: opening a FIFO waits for a writer, a device never ends.
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a FIFO, socket or device); not read")
        if info.st_size > max_bytes:
            raise InputError(path, f"file of {info.st_size:,} bytes is over the limit of "
                                   f"{max_bytes:,} (raise it with --max-size, or tag a text "
                                   "file in parts with --stream)")
        with open(path, "rb") as handle:
            data = read_upto(handle, max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(path, f"file grew past the limit of {max_bytes:,} bytes while read")
        return data


def read_upto(handle: Any, limit: int) -> bytes:
    """At most ``limit`` bytes of a binary stream, in 1 MB reads (``read(limit)`` would set
    the whole limit aside at once)."""
    chunks: list[bytes] = []
    total = 0
    while total < limit and (chunk := handle.read(min(1 << 20, limit - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


# --- large text files, part by part ------------------------------------------------------------


def split_parts(path: str | os.PathLike[str], part_bytes: int = PART_BYTES, *,
                max_bytes: int = MAX_INPUT_BYTES) -> list[Part]:
    """Cut a large plain-text file into parts of about ``part_bytes`` bytes and never more
    than ``max_bytes``, so that a text of any size is analysed with the memory one part
    takes. Only the cut points are found here (the file is mapped, not read into memory);
    :func:`read_part` reads a part.

    A part ends after the first blank line in the ``part_bytes`` after its first
    ``part_bytes`` (within ``max_bytes``). Failing that, it ends after a line: the first
    line break past ``part_bytes`` within ``max_bytes``, else the last one before. A line
    longer than all that is cut inside, at the last character boundary within
    ``part_bytes`` (never inside a UTF-8, GB18030, GBK or Big5 character), and both parts say
    so in a warning (:func:`read_part`). A newline byte is never inside a character in
    those encodings, so every part decodes alone; UTF-16 and UTF-32 text cannot be cut
    this way and is refused.
    """
    name = file_name(path)
    if _FORMATS.get(os.path.splitext(name)[1].lower()) not in ("text", "markdown"):
        raise UnsupportedFormatError(name, "only plain text (.txt, .md) can be read in parts")
    if part_bytes < 1:
        raise ConfigError(f"part_bytes must be >= 1, got {part_bytes}")
    if part_bytes > max_bytes:
        raise ConfigError(f"part_bytes ({part_bytes:,}) must not exceed max_bytes "
                          f"({max_bytes:,}): every part would be over the size limit")
    with _reading(name):
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (a FIFO, socket or device); not read")
        if info.st_size == 0:
            return [Part(0, 0, 0)]
        with open(name, "rb") as handle, \
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            size = len(data)
            head = data[:1 << 16]
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
                raise UnsupportedFormatError(
                    name, "UTF-16 or UTF-32 text cannot be read in parts; convert it to UTF-8")
            utf8 = _reads_as_utf8(head)
            parts: list[Part] = []
            start = 0
            while size - start > part_bytes:
                stop = _part_end(data, start, part_bytes, max_bytes, utf8=utf8)
                parts.append(Part(len(parts), start, stop))
                start = stop
            if start < size or not parts:
                parts.append(Part(len(parts), start, size))
            return parts


def _reads_as_utf8(head: bytes) -> bool:
    """Whether a file whose first bytes are ``head`` is UTF-8, a stray byte or a character
    cut off at the end notwithstanding: at most one undecodable byte in a thousand."""
    text = head.decode("utf-8", errors="replace")
    return text.count("\ufffd") <= len(head) // 1000 + 1


def _part_end(data: mmap.mmap | bytes, start: int, part_bytes: int, max_bytes: int, *,
              utf8: bool) -> int:
    """Where the part of ``data`` (bytes, or a mapped file) that starts at ``start`` ends
    (see :func:`split_parts`): after ``start``, at most ``max_bytes`` past it. ``utf8``:
    whether the file is UTF-8 (else GB18030, GBK or Big5), decided once for the file."""
    target = start + part_bytes
    limit = min(start + max_bytes, len(data))
    window = min(target + part_bytes, limit)
    ends = [at + len(mark) for mark in (b"\n\n", b"\n\r\n")
            if (at := data.find(mark, target, window)) >= 0]
    if ends:
        return min(ends)
    if (at := data.find(b"\n", target, limit)) >= 0:
        return at + 1
    if (at := data.rfind(b"\n", start, target)) >= 0:
        return at + 1
    return _character_boundary(data, start, target, utf8=utf8)


def _character_boundary(data: mmap.mmap | bytes, start: int, target: int, *, utf8: bool) -> int:
    """The offset of the last character boundary after ``start`` (on one) and at most
    ``target``. In UTF-8, before the continuation bytes of a character ``target`` cuts
    (a stray byte elsewhere changes nothing); in GB18030, whose characters begin where
    those of GBK and Big5 do (their two-byte characters are GB18030's; its four-byte ones
    have a digit as second byte, which never follows a Big5 lead byte), where a decoder
    from ``start`` finds it. A part smaller than one character still holds that one."""
    if utf8:
        at = target
        while at > start and at > target - 3 and 0x80 <= data[at] <= 0xBF:
            at -= 1
        if at > start:
            return at
        at = target
        while at < len(data) and at < start + 4 and 0x80 <= data[at] <= 0xBF:
            at += 1
        return at
    chunk = data[start:target]
    decoder = codecs.getincrementaldecoder("gb18030")(errors="replace")
    decoder.decode(chunk, final=False)
    pending = len(decoder.getstate()[0])  # the bytes of a character cut off at the end
    return start + len(chunk) - (pending if pending < len(chunk) else 0)


def read_part(path: str | os.PathLike[str], part: Part, *,
              max_bytes: int = MAX_INPUT_BYTES) -> Source:
    """One part of a text file cut by :func:`split_parts`, decoded on its own; a part cut
    inside a line (one longer than the size limit) says so in a warning, as does the part
    that goes on with it."""
    name = file_name(path)
    fmt = _FORMATS.get(os.path.splitext(name)[1].lower())
    if fmt not in ("text", "markdown"):
        raise UnsupportedFormatError(name, "only plain text (.txt, .md) can be read in parts")
    length = part.stop - part.start
    if length > max_bytes:
        raise InputError(name, f"part {part.index} of {length:,} bytes is over the limit of "
                               f"{max_bytes:,} (raise it with --max-size)")
    with _reading(name):
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "not a regular file (a FIFO, socket or device); not read")
        before = 1 if part.start > 0 else 0  # the byte before: did the part start a line?
        with open(name, "rb") as handle:
            handle.seek(part.start - before)
            data = read_upto(handle, length + before)
    if len(data) != length + before:
        raise InputError(name, f"the file changed since it was cut into parts (part {part.index})")
    cut: list[str] = []
    if before and data[:1] != b"\n":
        cut.append(f"{name}: part {part.index} starts inside a line, at byte {part.start:,}, "
                   f"where part {part.index - 1} was cut: no line ended within the size limit")
    data = data[before:]
    if part.stop < info.st_size and not data.endswith(b"\n"):
        cut.append(f"{name}: part {part.index} is cut inside a line, at byte {part.stop:,}: "
                   f"no line ended within the size limit; part {part.index + 1} goes on with it")
    source = _text_source(data, name, fmt)
    return replace(source, warnings=(*source.warnings, *cut)) if cut else source


def _text_source(data: bytes, name: str, fmt: str) -> Source:
    """The Source of a plain-text or Markdown file's bytes (Markdown headings as hints)."""
    text, encoding, warnings = decode_text(data, name)
    text = _normalise_newlines(text)
    if fmt == "markdown":
        text, hints = _markdown(text)
        return Source(text, path=name, format=fmt, encoding=encoding, heading_hints=hints,
                      warnings=warnings)
    return Source(text, path=name, format=fmt, encoding=encoding, warnings=warnings)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_MD_HEADING = regex(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_TABLE_RULE = regex(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_TABLE_ROW = regex(r"^\s*\|(.*)\|\s*$")


def _markdown(text: str) -> tuple[str, dict[int, int]]:
    """Markdown as plain text with heading hints, line for line: ``#`` markers become hints
    (``#`` the title, ``##`` level 1, ...), table rows become tab-separated rows and
    table rules blank lines."""
    lines = text.split("\n")
    hints: dict[int, int] = {}
    for number, line in enumerate(lines):
        if heading := _MD_HEADING.match(line):
            hints[number] = len(heading.group(1)) - 1
            lines[number] = heading.group(2)
        elif _MD_TABLE_RULE.match(line) and "-" in line:
            lines[number] = ""
        elif row := _MD_TABLE_ROW.match(line):
            lines[number] = "\t".join(cell.strip() for cell in row.group(1).split("|"))
    return "\n".join(lines), hints


def _join_blocks(
    paragraphs: list[str], levels: dict[int, int], *, path: str, fmt: str, encoding: str | None
) -> Source:
    # Blocks hold no newline, so block i is line 2 * i of text.split("\n").
    hints = {2 * index: level for index, level in levels.items()}
    return Source(
        "\n\n".join(paragraphs), path=path, format=fmt, encoding=encoding, heading_hints=hints
    )


# --- encoding detection ------------------------------------------------------------------------


def _canonical(encoding: str) -> str:
    return codecs.lookup(encoding).name


#: A text with at most this share of undecodable bytes (and at least a few allowed, but
#: never more than one in ``_DAMAGED_MAX_SHARE`` characters of a short text) is read with
#: them replaced, and a warning: a file cut off mid-character, a stray byte.
_DAMAGED_SHARE = 0.001
_DAMAGED_MIN = 4
_DAMAGED_MAX_SHARE = 0.02
#: The encodings such a text is tried in, in this order when they fail alike.
_DAMAGED_CANDIDATES = ("utf-8", "gb18030", "big5", "big5hkscs")


def _damage_allowed(length: int) -> float:
    """How many undecodable bytes (or NUL bytes) a text of ``length`` may hold and still
    be read, each as U+FFFD (see :data:`_DAMAGED_SHARE`)."""
    return min(max(_DAMAGED_MIN, _DAMAGED_SHARE * length), _DAMAGED_MAX_SHARE * length)


def decode_text(data: bytes, path: str | None = None) -> tuple[str, str, tuple[str, ...]]:
    """:func:`decode_bytes`, and for a UTF-8, GB18030 or Big5 text with a few undecodable
    bytes (cut off mid-character, a stray byte), the text with each replaced by U+FFFD and
    a warning saying how many: the rest of the file is worth reading. A NUL character
    (from a few NUL bytes in a text) is read as U+FFFD too, one for one, with a warning.
    Bytes a byte-order mark's encoding cannot read even so (a GB18030 text behind a UTF-8
    BOM) are read after the mark as a text without one, with a warning."""
    where = f"{path}: " if path else ""
    try:
        text, encoding = decode_bytes(data, path)
        warnings: tuple[str, ...] = ()
    except DecodeError:
        # A byte-order mark names the encoding (a UTF-16 file cut off mid-character).
        bom, marked = next(((bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)),
                           (b"", None))
        best = _least_damaged(data, (marked,) if marked else _DAMAGED_CANDIDATES, clean=False)
        note: tuple[str, ...] = ()
        if best is None and bom:
            # A byte-order mark the text does not follow (a GB18030 text saved with a UTF-8
            # BOM by a tool that assumed UTF-8): the bytes after it read as an unmarked text.
            best = _least_damaged(data[len(bom):], _DAMAGED_CANDIDATES, clean=True)
            note = (f"{where}the byte-order mark says {_canonical(str(marked))} but the text "
                    f"after it is not; read as {_canonical(best[1])}",) if best else ()
        if best is None:
            raise
        bad, encoding, text = best
        encoding = _canonical(encoding)
        warnings = note
        if bad:
            warnings = (*note, f"{where}{bad} byte sequence(s) are not valid {encoding} (a file "
                               "cut off mid-character, or a stray byte); read as \ufffd")
    text, warnings = _without_nul(text, where, warnings)
    return text, encoding, warnings


def _least_damaged(data: bytes, candidates: Sequence[str], *, clean: bool
                   ) -> tuple[int, str, str] | None:
    """The candidate that reads ``data`` with the fewest bytes it cannot decode, within
    :func:`_damage_allowed` and plausibly: (their count, the encoding, the text with each as
    U+FFFD); ``clean`` lets it read every byte. Genuine U+FFFD in the file are told from
    replaced bytes by decoding with ``errors="ignore"``."""
    best: tuple[int, str, str] | None = None
    for candidate in candidates:
        text = data.decode(candidate, errors="replace")
        bad = text.count("\ufffd") - data.decode(candidate, errors="ignore").count("\ufffd")
        if (clean or bad > 0) and bad <= _damage_allowed(len(text)) \
                and _plausibility(text) >= _MIN_PLAUSIBILITY and (best is None or bad < best[0]):
            best = (bad, candidate, text)
    return best


def _without_nul(text: str, where: str, warnings: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """``text`` with each NUL character read as U+FFFD (no stage, nor a browser or a
    spreadsheet, takes a NUL for text), and a warning counting them."""
    nul = text.count("\x00")
    if not nul:
        return text, warnings
    return text.replace("\x00", "\ufffd"), (
        *warnings, f"{where}{nul} NUL character(s) are not text; read as \ufffd")


def _best_decoding(
    data: bytes, candidates: tuple[str, ...], *, use_detector: bool
) -> tuple[str, str] | None:
    """Decode with every candidate that reads ``data`` strictly and keep the most plausible text."""
    decoded: dict[str, str] = {}
    for encoding in candidates:
        if (encoding == "cp950" and "big5" in decoded) or (
                encoding == "big5hkscs" and ("big5" in decoded or "cp950" in decoded)):
            continue
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not decoded:
        return None
    favourite = _detector_choice(data, tuple(decoded)) if use_detector else None
    scores = {
        encoding: _plausibility(text) + (_DETECTOR_BONUS if encoding == favourite else 0.0)
        for encoding, text in decoded.items()
    }
    best = max(scores, key=scores.__getitem__)
    logger.debug("encoding scores %s, detector chose %s", scores, favourite)
    if scores[best] < _MIN_PLAUSIBILITY:
        return None
    return decoded[best], _canonical(best)


def _detector_choice(data: bytes, candidates: tuple[str, ...]) -> str | None:
    """charset-normalizer's first choice among ``candidates``, if it has one."""
    import charset_normalizer

    match = charset_normalizer.from_bytes(data, cp_isolation=list(candidates)).best()
    if match is None:
        return None
    chosen = _canonical(match.encoding)
    return next((c for c in candidates if _canonical(c) == chosen), None)


def _plausibility(text: str) -> float:
    """Mean weight, in [0, 1], of the characters that are neither whitespace nor printable ASCII.

    Common Chinese characters and punctuation weigh 1, Latin letters 0.75, rarer ideographs
    0.5, other scripts 0.25, control, private-use and unassigned characters 0. ASCII is left
    out because every byte-oriented candidate decodes it alike; text with nothing else scores 1.
    """
    total = 0
    weight = 0.0
    for char, count in Counter(text).items():
        if char.isspace() or "!" <= char <= "~":
            continue
        total += count
        weight += count * _char_weight(char)
    return weight / total if total else 1.0


@functools.lru_cache(maxsize=65536)
def _char_weight(char: str) -> float:
    code = ord(char)
    if _is_ideograph(code):
        return 1.0 if _is_common_hanzi(char) else 0.5
    if any(low <= code <= high for low, high in _CHINESE_SYMBOLS):
        return 1.0
    if char == "\ufffd" or unicodedata.category(char) in ("Cc", "Co", "Cs", "Cn"):
        return 0.0
    if code < 0x0250:
        return 0.75  # Latin letters, pinyin with tone marks
    if unicodedata.category(char) == "Cf":
        return 0.5
    return 0.25


def _is_ideograph(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def _is_common_hanzi(char: str) -> bool:
    """Level 1 of GB 2312 (3755 common simplified) or of Big5 (5401 common traditional)."""
    try:
        gb = char.encode("gb2312")
    except UnicodeEncodeError:
        pass
    else:
        if 0xB0 <= gb[0] <= 0xD7:
            return True
    try:
        big5 = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(big5) == 2 and 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E


# --- HTML ------------------------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)

# What a declared charset is decoded with, tried in order; other names go to codecs.lookup.
_DECLARED_CODECS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "big5": ("big5", "cp950", "big5hkscs"),
    "cp950": ("cp950", "big5hkscs"),
    "big5hkscs": ("big5hkscs",),
}


def _decode_html(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Decode HTML: BOM first, then a ``<meta>`` charset that reads the bytes, else detection
    (a page with a few undecodable bytes read as a text file is: :func:`decode_text`);
    return the text, the encoding and the warnings."""
    match = _META_CHARSET.search(data[:16384])
    if match is None or any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_text(data, path)
    declared = match.group(1).decode("ascii").lower()
    for encoding in _declared_codecs(declared):
        try:
            text = data.decode(encoding)
        except (UnicodeError, LookupError):  # undecodable, or a codec such as 'undefined'
            continue
        if encoding != "utf-8" and not data.isascii() and _is_utf8(data):
            # A page labelled e.g. gb2312 whose bytes are valid UTF-8 is mislabelled UTF-8.
            break
        clean, warnings = _without_nul(text, f"{path}: ", ())
        return clean, _canonical(encoding), warnings
    logger.debug("%s: declared charset %r does not fit, detecting", path, declared)
    return decode_text(data, path)


def _declared_codecs(declared: str) -> tuple[str, ...]:
    try:
        info = codecs.lookup(declared)
    except LookupError:
        return _DECLARED_CODECS.get(declared, ())
    name = info.name
    if not getattr(info, "_is_text_encoding", True):
        return ()  # hex, rot13, zlib: bytes-to-bytes or str-to-str codecs, not charsets
    if name.startswith(("utf-16", "utf-32")):
        return ()  # a <meta> readable as ASCII is not UTF-16/32 without a BOM; detect instead
    return _DECLARED_CODECS.get(name, (name,))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main menu nav ol p pre section summary table tbody tfoot thead tr ul".split()
)
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title",
                           "rt", "rp", "rtc"})
#: A ruby's annotation (pinyin over its characters) and the brackets of browsers without
#: ruby: their end tags may be left out, closed by the next one, the ruby's end or the end
#: of the block or cell around it.
_RUBY_NOTES = frozenset({"rt", "rp", "rtc"})
_HEAD_CONTENT = frozenset(
    {"base", "link", "meta", "noscript", "script", "style", "template", "title"}
)
_CELL_TAGS = frozenset({"td", "th"})
_HEADING_LEVELS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
_LIST_TAGS = frozenset({"ol", "ul", "menu", "dir"})
#: An ordered list's ``type`` as a number format (:func:`unionnlp.docxlists.number_text`);
#: letters (``a``, ``A``) count on as browsers count them.
_LIST_TYPES = {"1": "decimal", "i": "lowerRoman", "I": "upperRoman"}
_LEADING_INT = regex(r"\s*[+-]?\d{1,9}")


def _start(attrs: list[tuple[str, str | None]], name: str = "start", default: int = 1) -> int:
    """A list's ``start`` or an item's ``value``, read as a browser does (its leading
    integer: ``3x`` is 3)."""
    found = _LEADING_INT.match(dict(attrs).get(name) or "")
    return int(found.group()) if found else default


def _list_number(n: int, kind: str) -> str:
    """An ordered list item's number as a browser draws it (letters count on a, …, z, aa,
    ab, …)."""
    if kind in ("a", "A") and 0 < n <= 32767:
        letters = ""
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    return number_text(n, _LIST_TYPES.get(kind, "decimal"))


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
# CSS Text 3: a line break between two wide (CJK) characters disappears instead of
# becoming a space, so hand-wrapped Chinese does not gain spaces.
_CJK_LINE_BREAK = regex(rf"(?<=[{_WIDE}])[ \t\f]*\n[ \t\n\f]*(?=[{_WIDE}])")
_HTML_SPACE = regex(r"[ \t\n\r\f]+")


def _collapse_space(text: str) -> str:
    return _HTML_SPACE.sub(" ", _CJK_LINE_BREAK.sub("", text)).strip(" \t\n\r\f")


class _VisibleText(HTMLParser):
    """Collect an HTML page's visible text as paragraphs, one per block, cells split by a tab."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.levels: dict[int, int] = {}
        self._cells: list[list[str]] = [[]]
        self._skipping: list[str] = []
        self._headings: list[int] = []
        # Per open list: its tag and, for an <ol>, the next item's number and its type.
        self._lists: list[tuple[str, list[Any] | None]] = []
        self._label = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping == ["head"] and tag not in _HEAD_CONTENT:
            self._skipping.clear()  # <head> closed implicitly by body content
        if tag in _RUBY_NOTES or tag in _BLOCK_TAGS or tag in _CELL_TAGS:
            self._close_ruby_notes()
        if self._skipping or tag in _SKIPPED_TAGS:
            if tag in _SKIPPED_TAGS:
                self._skipping.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _LIST_TAGS:
            self._lists.append((tag, [_start(attrs), dict(attrs).get("type") or "1"]
                                if tag == "ol" else None))
        elif tag == "li" and self._lists and self._lists[-1][1] is not None:
            # A browser draws an ordered list's numbers; the text holds none.
            state = self._lists[-1][1]
            number = _start(attrs, "value", state[0])
            state[0] = number + 1
            self._label = _list_number(number, state[1]) + "."
        if tag in _HEADING_LEVELS:
            self._headings.append(_HEADING_LEVELS[tag])
        if tag in _CELL_TAGS:
            self._cells.append([])

    def _close_ruby_notes(self) -> None:
        while self._skipping and self._skipping[-1] in _RUBY_NOTES:
            self._skipping.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag == "ruby" or (tag not in _RUBY_NOTES and (tag in _BLOCK_TAGS
                                                         or tag in _CELL_TAGS)):
            self._close_ruby_notes()
        if tag in self._skipping:
            del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag) :]
            return
        if self._skipping:
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "li":
            self._label = ""
        elif tag in _LIST_TAGS:
            self._label = ""
            opened = [name for name, _ in self._lists]
            if tag in opened:  # the list it closes, and any left open inside it
                del self._lists[len(opened) - 1 - opened[::-1].index(tag):]
        if tag in _HEADING_LEVELS and self._headings:
            self._headings.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._cells[-1].append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        cells = (_collapse_space("".join(cell)) for cell in self._cells)
        text = "\t".join(cell for cell in cells if cell)
        self._cells = [[]]
        if text:
            text, self._label = self._label + text, ""
            if self._headings:
                self.levels[len(self.paragraphs)] = self._headings[-1]
            self.paragraphs.append(text)


#: Characters that differ between our blocks and trafilatura's text of the same content.
_LAYOUT_CHARS = regex(r"[\s|]+")
#: trafilatura's metadata header before the main text, and the page title in it.
_METADATA = regex(r"\A---\n.*?\n---\n", re.DOTALL)
_METADATA_TITLE = regex(r"^title: (.+)$", re.MULTILINE)
#: The least share of a page's characters the main content must hold to be believed.
_MAIN_SHARE = 0.2
#: How much of the longer of a block and a main-content line the shorter must be.
_SAME_LINE = 0.6


def _outside_main_content(html: str, paragraphs: list[str], path: str) -> set[int]:
    """Indexes of the blocks outside the page's main content, as trafilatura finds it
    (menus, breadcrumbs, footers, sidebars); none where it finds too little to trust."""
    try:
        import trafilatura

        main = trafilatura.extract(html, favor_recall=True, include_tables=True,
                                   include_comments=False, deduplicate=False,
                                   output_format="txt", with_metadata=True)
    except Exception as exc:  # a hint: any failure means no hint, never a lost file
        logger.debug("%s: main-content extraction failed (%s); reading the whole page",
                     path, exc)
        return set()
    if not main:
        return set()
    # The page's headline is metadata to trafilatura, not main text: it is put back.
    header = _METADATA.match(main)
    if header:
        main = main[header.end():]
        title = _METADATA_TITLE.search(header.group(0))
        if title:
            main = title.group(1).strip().strip('"') + "\n" + main
    squeezed = [_LAYOUT_CHARS.sub("", p) for p in paragraphs]
    inside = [_in_main(p, main) for p in squeezed]
    kept = sum(len(p) for p, ok in zip(squeezed, inside, strict=True) if ok)
    if kept < _MAIN_SHARE * sum(len(p) for p in squeezed):
        return set()
    return {i for i, ok in enumerate(inside) if not ok}


def _in_main(block: str, main: str) -> bool:
    """Whether a block (white space removed) is one of the main content's lines, or most of
    one, or holds one as most of itself: a menu link that names the site is not inside the
    title that starts with the same name."""
    if not block:
        return False
    for line in main.split("\n"):
        line = _LAYOUT_CHARS.sub("", line)
        if line and (block in line or line in block) and \
                min(len(line), len(block)) >= _SAME_LINE * max(len(line), len(block)):
            return True
    return False


def _html_paragraphs(html: str) -> tuple[list[str], dict[int, int]]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.paragraphs, parser.levels


# --- .docx ------------------------------------------------------------------------------------

_SOFT_BREAK = regex(rf"(?<=[{_WIDE}])\n+(?=[{_WIDE}])")


_W = WML
#: The copy of a drawing (and the text boxes in it) that Word stores for older readers.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Where a paragraph's text is not its text: deleted or moved-away revisions, a text box's
#: own paragraphs, the fallback copy of a drawing, and a ruby's gloss (its pinyin).
_NOT_TEXT = frozenset({_W + "del", _W + "moveFrom", _W + "txbxContent", _FALLBACK, _W + "rt"})
#: A run formatted as hidden text, which Word does not show.
_HIDDEN = f"{_W}rPr/{_W}vanish"
_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def _docx_text(paragraph: Any) -> str:
    """A paragraph's text as Word shows it: python-docx reads only the runs right under the
    paragraph and its links, and so loses text that a tracked insertion, a content control,
    a smart tag or a field holds (a figure typed in a revision: ``新建工会42家`` read as
    ``新建工会``), and reads hidden text."""
    out: list[str] = []
    for element in paragraph.iter(_W + "t", _W + "br", *_CHARS):
        ancestor = element.getparent()
        while ancestor is not None and ancestor is not paragraph and ancestor.tag not in _NOT_TEXT \
                and not (ancestor.tag == _W + "r" and _hidden_run(ancestor)):
            ancestor = ancestor.getparent()
        if ancestor is not paragraph:
            continue
        if element.tag == _W + "t":
            out.append(element.text or "")
        elif element.tag == _W + "br":
            out.append("" if element.get(_W + "type") in ("page", "column") else "\n")
        else:
            out.append(_CHARS[element.tag])
    return "".join(out)


def _hidden_run(run: Any) -> bool:
    vanish = run.find(_HIDDEN)
    return vanish is not None and (vanish.get(_W + "val") or "on") not in ("0", "false", "off")


def _one_line(text: str) -> str:
    """Join a docx paragraph's soft line breaks: dropped between CJK characters, else a space."""
    return _SOFT_BREAK.sub("", _normalise_newlines(text)).replace("\n", " ")


def _docx_paragraphs(data: bytes, path: str) -> tuple[list[str], dict[int, int]]:
    """Body paragraphs and table rows of a .docx, in order, with heading levels from styles."""
    import docx
    from docx.opc.exceptions import OpcError
    from lxml import etree

    _check_expansion(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
        return _docx_blocks(document)
    except (
        # A damaged part (styles, numbering) surfaces as python-docx's attribute or type
        # errors deep in its object model.
        AttributeError,
        TypeError,
        OpcError,
        etree.LxmlError,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        KeyError,
        ValueError,
        IndexError,
    ) as exc:
        raise CorruptFileError(path, f"not a readable .docx file ({exc})") from exc


def _check_expansion(data: bytes, path: str) -> None:
    """Refuse a zip whose members expand past :data:`MAX_EXPANDED_BYTES` (a zip bomb).
    zipfile never inflates a member past the size its header declares, so the headers
    bound what parsing can allocate."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded <= MAX_EXPANDED_BYTES:
                _check_word_archive(archive, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise CorruptFileError(path, f"not a readable .docx file ({exc})") from exc
    if expanded > MAX_EXPANDED_BYTES:
        raise CorruptFileError(path, f"the .docx expands to {expanded:,} bytes, over the limit "
                                     f"of {MAX_EXPANDED_BYTES:,} (a zip bomb?)")


#: The content types of a Word document's main part name one of these.
_WORD_CONTENT = (b"wordprocessingml", b"ms-word")
#: What a zip named .docx holds instead, told by its content types or ``mimetype``.
_OTHER_ARCHIVES = ((b"spreadsheetml", "an Excel workbook (.xlsx)"),
                   (b"presentationml", "a PowerPoint file (.pptx)"),
                   (b"opendocument.text", "an OpenDocument text (.odt)"),
                   (b"opendocument", "an OpenDocument file"))


def _check_word_archive(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse, saying what it is, a zip named .docx that holds no Word document (an
    .xlsx, an .odt, any other zip): python-docx would fail on it with an error about its
    own object model. A Word package whose content types cannot be read is left to it."""
    names = {name.lower(): name for name in archive.namelist()}
    told = b""
    for member in ("[content_types].xml", "mimetype"):
        if member in names:
            try:
                with archive.open(names[member]) as handle:
                    told += handle.read(1 << 20)
            except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, RuntimeError):
                return
    if any(mark in told for mark in _WORD_CONTENT):
        return
    kind = next((what for mark, what in _OTHER_ARCHIVES if mark in told), None)
    if kind is not None:
        raise CorruptFileError(path, f"not a .docx file: {kind}, with no Word document in it; "
                                     "open it in the program that made it and save it as .docx")
    listed = sorted(names.values())
    shown = ", ".join(printable(n) for n in listed[:3]) + (", …" if len(listed) > 3 else "")
    kind = f"a zip archive of {len(listed)} file(s) ({shown})" if listed else "an empty zip archive"
    raise CorruptFileError(path, f"not a .docx file: {kind}, with no Word document in it")


def _fold_entities(document: DocxDocument) -> None:
    """Put entity references back into the text around them. python-docx parses without
    resolving entities (rightly: external ones could read files) and then reads only the
    text before one, losing what follows it. An entity declared in the part's internal DTD
    becomes its text; any other stays as written (``&name;``)."""
    from lxml import etree

    root = document.element
    dtd = root.getroottree().docinfo.internalDTD
    known = {e.name: e.content for e in dtd.iterentities() if e.content is not None} if dtd else {}
    for entity in list(root.iter(etree.Entity)):
        parent = entity.getparent()
        if parent is None:
            continue
        name = entity.text[1:-1] if entity.text else ""
        text = known.get(name, entity.text or "") + (entity.tail or "")
        previous = entity.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + text
        else:
            previous.tail = (previous.tail or "") + text
        parent.remove(entity)


def _own_box(box: Any, paragraph: Any) -> bool:
    """Whether a text box is the paragraph's own: not inside another of its text boxes,
    nor the fallback copy Word stores beside the drawing."""
    ancestor = box.getparent()
    while ancestor is not None and ancestor is not paragraph:
        if ancestor.tag in (_W + "txbxContent", _FALLBACK):
            return False
        ancestor = ancestor.getparent()
    return True


def _table_of_contents(sdt: Any) -> bool:
    """Whether a block content control is the table of contents Word builds from the
    headings (its entries repeat them, with page numbers): left out, as python-docx
    always left it."""
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and "contents" in (gallery.get(_W + "val") or "").lower()


def _docx_body(document: DocxDocument) -> Iterator[Any]:
    """The body's paragraphs and tables in reading order, with those that python-docx's
    iteration skips: inside a block content control (a cover page, a table of contents,
    a form's fields) and in a paragraph's text boxes, which follow that paragraph."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    container = document._body

    def walk(parent: Any, depth: int = 0) -> Iterator[Any]:
        for child in parent.iterchildren():
            if child.tag == _W + "p":
                yield Paragraph(child, container)
                for box in child.iter(_W + "txbxContent"):
                    if depth < 3 and _own_box(box, child):
                        yield from walk(box, depth + 1)
            elif child.tag == _W + "tbl":
                yield Table(child, container)
            elif child.tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None and not _table_of_contents(child):
                    yield from walk(content, depth)
            elif child.tag == _W + "customXml":
                yield from walk(child, depth)

    yield from walk(document.element.body)


def _docx_blocks(document: DocxDocument) -> tuple[list[str], dict[int, int]]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _fold_entities(document)
    labels = ListLabels(document)
    paragraphs: list[str] = []
    levels: dict[int, int] = {}
    for block in _docx_body(document):
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
                        continue
                    seen.add(id(cell._tc))
                    cells.append(_one_line("\n".join(
                        labels.label(Paragraph(p, block)) + _docx_text(p)
                        for p in cell._tc.iter(_W + "p")
                        if not any(a.tag == _FALLBACK for a in p.iterancestors()))).strip())
                line = "\t".join(cells)
                if line.strip():
                    paragraphs.append(line)
            continue
        label = labels.label(block)  # an empty numbered paragraph takes its number too
        text = _one_line(_docx_text(block._p))
        if not text.strip():
            continue
        text = label + text
        style = block.style
        level = style_heading_level(style.name if style is not None else None)
        if level is None:
            level = outline_level(block._p, style)
        if level is not None:
            levels[len(paragraphs)] = level
        paragraphs.append(text)
    return paragraphs, levels


# --- .doc, and files saved by Word under another name ----------------------------------------


_RTF_MAGIC = b"{\\rtf"
_ZIP_MAGIC = b"PK\x03\x04"
_WEB_PAGE = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b", re.I)
_CHARSET_NAME = regex(r"[A-Za-z0-9_.:-]{1,40}")
_WORD_XML = re.compile(rb"<(?:[\w.-]+:)?(wordDocument|package)\b[^>]*?schemas\.microsoft\.com/"
                       rb"office/(?:word/2003/wordml|2006/xmlPackage)")
_BOUNDARY = re.compile(rb"boundary\s*=", re.I)
#: Browsers write one multipart level (the page and its resources), Word two.
_MAX_ARCHIVE_PARTS = 32
_WEB_ARCHIVE = re.compile(rb"^mime-version:|^content-type:\s*multipart/related", re.I | re.M)


def _word_format(data: bytes, path: str, extension: str) -> str:
    """What a file named as a Word document holds: web sites and export systems serve web
    pages, web archives, Word 2003 XML, .docx files and plain text as .doc, and Word opens
    them all."""
    from .worddoc import OLE_MAGIC

    if data.startswith(OLE_MAGIC):
        return "doc"
    if data.startswith(_ZIP_MAGIC):
        return "docx"
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", "replace").encode("utf-8")
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(_RTF_MAGIC):
        return "rtf"
    if _WEB_ARCHIVE.search(head[:1024]):
        return "mht"
    if word_xml := _WORD_XML.search(head):
        return "wordml" if word_xml.group(1) == b"wordDocument" else "flatopc"
    if _WEB_PAGE.search(head):
        return "html"
    if extension != ".docx" and _looks_like_text(data):
        return "text"
    return "doc" if extension != ".docx" else "docx"


def _looks_like_text(data: bytes) -> bool:
    """A file of text, not a damaged binary one: no NUL bytes unless a byte-order mark says
    UTF-16 or UTF-32, and it decodes as a text file does."""
    if b"\x00" in data[:65536] and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        return False
    try:
        decode_text(data)
    except InputError:
        return False
    return True


def _web_archive_page(data: bytes, path: str) -> bytes:
    """The HTML page of a web archive (.mht: a MIME message holding the page and its
    images), as bytes :func:`_decode_html` reads: the part ``start`` names, else the first
    page."""
    import email
    import email.policy

    if len(_BOUNDARY.findall(data)) > _MAX_ARCHIVE_PARTS:
        raise CorruptFileError(path, f"a web archive of more than {_MAX_ARCHIVE_PARTS} nested "
                                     "parts, which no browser writes")
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        start = (message.get_param("start") or "") if message.is_multipart() else ""
        pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
        pages.sort(key=lambda part: str(part.get("Content-ID", "")) != start)
        for part in pages:
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return _declared_page(payload, part.get_content_charset())
    except (ValueError, LookupError, UnicodeError, RecursionError) as exc:
        raise CorruptFileError(path, f"not a readable web archive ({exc})") from exc
    raise CorruptFileError(path, "a web archive without a web page in it")


def _declared_page(payload: bytes, charset: str | None) -> bytes:
    """An archived page's bytes with the charset its part declares made the page's own."""
    if not charset or not _CHARSET_NAME.fullmatch(charset):
        return payload
    if charset.lower().startswith(("utf-16", "utf-32", "unicode")):
        codec = "utf-16" if charset.lower() == "unicode" else charset
        try:
            text = payload.decode(codec)
        except (UnicodeError, LookupError):
            return payload
        return ('<meta charset="utf-8">' + text.lstrip("\ufeff")).encode("utf-8")
    if any(payload.startswith(bom) for bom, _ in _BOMS) or _META_CHARSET.search(payload[:16384]):
        return payload
    return f'<meta charset="{charset}">'.encode("ascii") + payload


def _rtf_paragraphs(data: bytes, path: str) -> list[str]:
    """An RTF document's paragraphs and table rows (cells split by a tab), through
    striprtf, which decodes in the code page the document names (``\\ansicpg936``)."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_RTF_MAGIC):
        raise CorruptFileError(path, "not an RTF document (no {\\rtf at its start)")
    try:
        text: str = rtf_to_text(data.decode("latin-1"), errors="replace")  # type: ignore[no-untyped-call]
    except (ValueError, LookupError, IndexError, RecursionError) as exc:
        raise CorruptFileError(path, f"not a readable RTF document ({exc})") from exc
    paragraphs = []
    for line in _normalise_newlines(text).split("\n"):
        if line.endswith("|"):  # a table row: striprtf ends each cell with a bar
            line = "\t".join(cell.strip() for cell in line[:-1].split("|"))
        if line.strip():
            paragraphs.append(line)
    return paragraphs


def _doc_paragraphs(data: bytes, path: str, fmt: str) -> tuple[list[str], dict[int, int]]:
    """Paragraphs and table rows of a Word 97-2003 or Word 2003 XML document, with
    heading levels."""
    from .worddoc import doc_blocks
    from .wordxml import wordml_blocks

    paragraphs: list[str] = []
    levels: dict[int, int] = {}
    for block in (doc_blocks if fmt == "doc" else wordml_blocks)(data, path):
        if block.cells:
            text = "\t".join(_one_line(cell).strip() for cell in block.cells)
        else:
            text = _one_line(block.text)
        if not text.strip():
            continue
        if block.level is not None:
            levels[len(paragraphs)] = block.level
        paragraphs.append(text)
    return paragraphs, levels


# --- .pdf -------------------------------------------------------------------------------------


#: A PDF with fewer characters of text than this per page is taken for a scan.
_SCANNED_CHARS_PER_PAGE = 5
#: How pdfminer writes a glyph whose font maps it to no character.
_UNMAPPED_GLYPH = regex(r"\(cid:\d+\)")
#: Past this share of such glyphs the text is not worth reading without OCR.
_UNMAPPED_SHARE = 0.2


def _pdf_source(data: bytes, path: str) -> Source:
    """A PDF's paragraphs and headings from where its lines sit (see :mod:`.pdflayout`);
    a PDF without a text layer reads as empty text with a warning saying so."""
    from .pdflayout import layout_blocks

    with _pdf_errors(path):
        layout = layout_blocks(data)
    text = "\n\n".join(layout.paragraphs)
    if layout.characters < _SCANNED_CHARS_PER_PAGE * max(layout.pages, 1):
        warning = (f"{path}: the PDF's {layout.pages} page(s) hold no text layer "
                   f"({layout.characters} characters): a scan? Run OCR on it first "
                   "(for example ocrmypdf), then tag the result")
        return Source(text, path=path, format="pdf", warnings=(warning,))
    unmapped = len(_UNMAPPED_GLYPH.findall(text))
    if not unmapped:
        return Source(text, path=path, format="pdf")
    # A font with no map from its glyphs to characters: pdfminer writes (cid:1234) for each.
    text = _UNMAPPED_GLYPH.sub("\ufffd", text)
    share = unmapped / max(1, len(text) - text.count("\n"))
    warning = (f"{path}: {unmapped} of the PDF's characters ({share:.0%}) are in a font that "
               "does not say which characters its glyphs are; they read as \ufffd. "
               + ("Run OCR on it (for example ocrmypdf --force-ocr), then tag the result"
                  if share >= _UNMAPPED_SHARE else "The rest of the text is read"))
    return Source(text, path=path, format="pdf", warnings=(warning,))


@contextlib.contextmanager
def _pdf_errors(path: str) -> Iterator[None]:
    """pdfminer's failures on a damaged or locked file as :class:`CorruptFileError`."""
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psexceptions import PSException

    try:
        yield
    except PDFEncryptionError as exc:
        raise CorruptFileError(path, "encrypted PDF; cannot be read without its password") from exc
    # pdfminer lets built-in errors through on damaged files; PSException covers its own.
    except (
        PSException,
        zlib.error,
        EOFError,
        KeyError,
        ValueError,
        TypeError,
        IndexError,
        AttributeError,
        AssertionError,
        RecursionError,
    ) as exc:
        raise CorruptFileError(
            path, f"not a readable PDF file ({type(exc).__name__}: {exc})"
        ) from exc
