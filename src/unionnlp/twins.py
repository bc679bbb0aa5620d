"""The real-shaped corpus: paraphrased twins of public union pages, every line annotated.

A twin file (``corpus/real/<id>.ann``, format ``unionnlp-twin/1``, described in
``corpus/real/README.md``) is the page's text with a role marker in front of each span::

    #! unionnlp-twin/1 {"id": "rep01", "kind": "report", "url": "https://..."}
    ⟦title⟧某市总工会2023年工作总结
    ⟦heading 1⟧一、组织建设。⟦body org⟧全年新建工会42家……
    ⟦cont⟧（被版式切断的下半句）

Removing the markers gives the page's text exactly; the markers give each line's role,
each heading's level and each paragraph's themes.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources.abc import Traversable

from .corpus import corpus_root
from .errors import CorpusError
from .model import THEMES

__all__ = [
    "COARSE",
    "FORMAT",
    "KINDS",
    "PARAGRAPH_ROLES",
    "ROLES",
    "THEME_CODES",
    "Span",
    "Twin",
    "TwinError",
    "TwinParagraph",
    "annotated",
    "gold_line_roles",
    "hard_wrap",
    "hard_wrapped",
    "iter_twin_files",
    "load_twins",
    "parse_twin",
]

FORMAT = "unionnlp-twin/1"

#: Kinds of page, each with what makes it hard.
KINDS: dict[str, str] = {
    "report": "long work reports and summaries of federations, enterprise and industry unions",
    "government": "summaries published on government sites",
    "official_pdf": "official documents extracted from PDF: hard wraps, page numbers",
    "docshare": "document-sharing sites and viewers: text flattened, page chunks, blurbs",
    "fanwen": "范文 collections: 篇一, 小编 blurbs, breadcrumbs, timestamps",
    "news": "news items and e-paper pages: 本报讯, captions, credits, mastheads",
    "speech": "speeches: salutations, date and speaker lines",
    "traditional": "Hong Kong, Macau and Taiwan pages in traditional characters",
    "mojibake": "pages with mojibake or pinyin glosses",
}

#: Line roles. ``blank`` is implied by an empty line.
ROLES = (
    "title", "subtitle", "byline", "dateline", "heading", "leadin", "body", "cont",
    "item", "table", "caption", "furniture", "blank",
)
#: Roles that start a paragraph; they carry its themes.
PARAGRAPH_ROLES = frozenset({"body", "leadin", "item", "caption"})

#: Short theme codes of the annotation and the theme ids they stand for.
THEME_CODES: dict[str, str] = {
    "org": "org_building",
    "aid": "worker_aid",
    "rights": "rights_protection",
    "skills": "skills_training",
}
assert set(THEME_CODES.values()) == set(THEMES)

_MARK = re.compile(r"⟦([a-z]+)(?: ([^⟧]*))?⟧")


class TwinError(CorpusError):
    """A twin file breaks the ``unionnlp-twin/1`` format; the message names file and line."""


@dataclass(frozen=True)
class Span:
    """A stretch of one line with one role; ``offset`` is into the twin's text."""

    line: int
    col: int
    offset: int
    role: str
    text: str
    level: int | None = None
    themes: tuple[str, ...] | None = None


@dataclass(frozen=True)
class TwinParagraph:
    """A paragraph as the annotation has it: where it starts, its lines, its themes."""

    offset: int
    line: int
    text: str
    themes: tuple[str, ...]
    role: str


@dataclass(frozen=True)
class Twin:
    """One annotated twin: its text, metadata and spans in text order."""

    id: str
    kind: str
    url: str
    split: str
    text: str
    spans: tuple[Span, ...]
    paragraphs: tuple[TwinParagraph, ...]

    @property
    def lines(self) -> list[str]:
        """The twin's lines, as the page has them."""
        return self.text.split("\n")[:-1] if self.text.endswith("\n") else self.text.split("\n")


def _attrs(role: str, attrs: str | None, where: str) -> tuple[int | None, tuple[str, ...] | None]:
    if role == "heading":
        if attrs is None or not attrs.strip().isdigit() or not 1 <= int(attrs) <= 4:
            raise TwinError(f"{where}: heading needs a level 1-4, as ⟦heading 2⟧")
        return int(attrs), None
    if role in PARAGRAPH_ROLES:
        if attrs is None:
            raise TwinError(f"{where}: ⟦{role}⟧ needs its themes (org,aid,rights,skills) or -")
        codes = [c.strip() for c in attrs.split(",") if c.strip()]
        if codes == ["-"]:
            return None, ()
        unknown = [c for c in codes if c not in THEME_CODES]
        if unknown or not codes:
            raise TwinError(f"{where}: unknown theme code(s) {unknown or attrs!r}; "
                            f"use {', '.join(THEME_CODES)} or -")
        ids = {THEME_CODES[c] for c in codes}
        return None, tuple(t for t in THEMES if t in ids)
    if attrs is not None:
        raise TwinError(f"{where}: ⟦{role}⟧ takes no attributes, got {attrs!r}")
    return None, None


def parse_twin(annotated: str, source: str = "<twin>", split: str = "train") -> Twin:
    """Parse one ``.ann`` text into the twin's plain text and its annotation."""
    rows = annotated.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    if not rows or not rows[0].startswith(f"#! {FORMAT} "):
        raise TwinError(f"{source}:1: the first line must be '#! {FORMAT} {{json}}'")
    try:
        meta = json.loads(rows[0][len(FORMAT) + 4:])
    except json.JSONDecodeError as exc:
        raise TwinError(f"{source}:1: header is not JSON: {exc}") from exc
    if not isinstance(meta, dict):
        raise TwinError(f"{source}:1: header must be a JSON object")
    for key in ("id", "kind", "url"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise TwinError(f"{source}:1: header needs a non-empty {key!r}")
    if meta["kind"] not in KINDS:
        raise TwinError(f"{source}:1: unknown kind {meta['kind']!r}; use one of {sorted(KINDS)}")
    spans: list[Span] = []
    texts: list[str] = []
    offset = 0
    for number, row in enumerate(rows[1:], 1):
        where = f"{source}:{number + 1}"
        if not row.strip() and "⟦" not in row:
            spans.append(Span(number, 0, offset, "blank", row))
            texts.append(row)
            offset += len(row) + 1
            continue
        marks = list(_MARK.finditer(row))
        if not marks or marks[0].start() != 0:
            raise TwinError(f"{where}: a non-blank line must start with a role marker ⟦role⟧")
        line_text: list[str] = []
        col = 0
        for i, m in enumerate(marks):
            role = m.group(1)
            if role not in ROLES:
                raise TwinError(f"{where}: unknown role {role!r}; use one of {', '.join(ROLES)}")
            end = marks[i + 1].start() if i + 1 < len(marks) else len(row)
            text = row[m.end():end]
            if "⟦" in text or "⟧" in text:
                raise TwinError(f"{where}: a stray marker bracket in {text!r}")
            if not text.strip() and role != "blank":
                raise TwinError(f"{where}: ⟦{role}⟧ marks no text")
            level, themes = _attrs(role, m.group(2), where)
            spans.append(Span(number, col, offset + col, role, text, level, themes))
            line_text.append(text)
            col += len(text)
        joined = "".join(line_text)
        texts.append(joined)
        offset += len(joined) + 1
    text = "\n".join(texts) + "\n"
    paragraphs = _paragraphs(spans, text, source)
    if not paragraphs:
        raise TwinError(f"{source}: no paragraph (body, leadin, item or caption)")
    split = str(meta.get("split", split))
    return Twin(str(meta["id"]), str(meta["kind"]), str(meta["url"]), split, text,
                tuple(spans), tuple(paragraphs))


def _paragraphs(spans: list[Span], text: str, source: str) -> list[TwinParagraph]:
    """Paragraphs: a start span and the ``cont`` spans after it, in any later line.

    A ``cont`` after a heading continues the heading (a headline wrapped over two lines).
    """
    starts: list[Span] = []
    parts: dict[int, list[str]] = {}
    opener: Span | None = None
    for s in spans:
        if s.role in PARAGRAPH_ROLES:
            starts.append(s)
            parts[s.offset] = [s.text.strip()]
            opener = s
        elif s.role == "heading":
            opener = s
        elif s.role == "cont":
            if opener is None:
                raise TwinError(f"{source}:{s.line + 1}: ⟦cont⟧ with nothing before it to continue")
            if opener.role != "heading":
                parts[opener.offset].append(s.text.strip())
    out = []
    for s in starts:
        lead = len(s.text) - len(s.text.lstrip())
        out.append(TwinParagraph(s.offset + lead, s.line, "".join(parts[s.offset]),
                                 s.themes or (), s.role))
    return out


def iter_twin_files(root: Traversable | None = None) -> Iterator[Traversable]:
    """The ``.ann`` files of the real-shaped corpus, by name."""
    folder = (root or corpus_root()).joinpath("real")
    if not folder.is_dir():
        raise CorpusError("the real-shaped corpus (corpus/real) is missing from this installation")
    yield from sorted((e for e in folder.iterdir() if e.name.endswith(".ann")),
                      key=lambda e: e.name)


@cache
def _splits(root: Traversable) -> dict[str, str]:
    path = root.joinpath("real", "splits.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {doc: split for split, docs in data.items() for doc in docs}


def load_twins(split: str | None = None, kinds: tuple[str, ...] | None = None,
               root: Traversable | None = None) -> list[Twin]:
    """Every twin of the real-shaped corpus (``split``: ``train`` or ``test``), by id."""
    base = root or corpus_root()
    splits = _splits(base)
    twins = []
    for entry in iter_twin_files(base):
        doc_id = entry.name[:-4]
        twin = parse_twin(entry.read_text(encoding="utf-8"), f"real/{entry.name}",
                          splits.get(doc_id, "train"))
        if twin.id != doc_id:
            raise TwinError(f"real/{entry.name}:1: id {twin.id!r} is not the file name")
        if (split is None or twin.split == split) and (kinds is None or twin.kind in kinds):
            twins.append(twin)
    return twins


#: The coarse line roles both the annotation and the output can express.
COARSE = ("title", "subtitle", "byline", "heading", "start", "cont", "table", "furniture")
_TO_COARSE = {"dateline": "byline", **{r: "start" for r in PARAGRAPH_ROLES}}


def _coarse(role: str) -> str:
    return _TO_COARSE.get(role, role)


def gold_line_roles(twin: Twin) -> list[str]:
    """The annotated coarse role of every line (``blank`` for blank lines): its heading if
    it holds one, else its paragraph start, else its first span that is not furniture."""
    by_line: dict[int, list[str]] = defaultdict(list)
    for s in twin.spans:
        if s.text.strip():
            by_line[s.line].append(_coarse(s.role))
    roles = []
    for n in range(1, len(twin.lines) + 1):
        found = by_line.get(n)
        if not found:
            roles.append("blank")
        elif "heading" in found:
            roles.append("heading")
        elif "start" in found:
            roles.append("start")
        else:
            # A page-chunk number or a stray site string before the text (⟦furniture⟧2、
            # ⟦cont⟧…) does not make the line furniture: the line is what its text is.
            roles.append(next((r for r in found if r != "furniture"), found[0]))
    return roles


_CODE_OF = {theme: code for code, theme in THEME_CODES.items()}


def _marker(span: Span) -> str:
    if span.role == "heading":
        return f"⟦heading {span.level}⟧"
    if span.role in PARAGRAPH_ROLES:
        return f"⟦{span.role} {','.join(_CODE_OF[t] for t in span.themes or ()) or '-'}⟧"
    return f"⟦{span.role}⟧"


def annotated(twin: Twin) -> str:
    """The twin as its ``.ann`` file has it: header, then each line with its role markers."""
    header = {"id": twin.id, "kind": twin.kind, "url": twin.url}
    rows = [f"#! {FORMAT} {json.dumps(header, ensure_ascii=False)}"]
    by_line: dict[int, list[Span]] = defaultdict(list)
    for span in twin.spans:
        by_line[span.line].append(span)
    for number in range(1, len(twin.lines) + 1):
        spans = by_line.get(number, [])
        rows.append("".join(s.text if s.role == "blank" else _marker(s) + s.text for s in spans))
    return "\n".join(rows) + "\n"


#: Characters no line may open with (Chinese typesetting carries them back to the line before).
_NO_LINE_START = frozenset("，。、；：？！,.;:?!）)》」』”’】")
#: Roles whose text a broken line continues as ``cont``; the others repeat their own role.
_CONTINUED = frozenset({"body", "leadin", "item", "caption", "cont", "heading"})


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _cuts(text: str, start: int, room: int, rng: random.Random, ragged: int) -> list[int]:
    """Where a line of ``text`` breaks: each piece fills ``room`` columns less up to
    ``ragged`` (as text extracted from a PDF does), never opening with closing punctuation."""
    cols = [_columns(c) for c in text]
    cuts = [0]
    pos = start
    while sum(cols[pos:]) > room + 2:
        limit = room - rng.randint(0, ragged)
        end, used = pos, 0
        while end < len(text) and used + cols[end] <= limit:
            used += cols[end]
            end += 1
        while end < len(text) and text[end] in _NO_LINE_START:
            end += 1
        if end >= len(text) or end == pos:
            break
        while end - 1 > pos and text[end - 1].isspace():
            end -= 1  # a line does not end in white space: it opens the next one
        cuts.append(end)
        pos = end
    return [*cuts, len(text)]


def hard_wrap(twin: Twin, *, width: int, ragged: int = 12, blank_lines: bool = True,
              seed: int = 0) -> Twin:
    """The twin as a PDF's text extraction would give it: every line longer than ``width``
    Chinese characters broken at that width (less up to ``ragged`` columns a line), the
    pieces after the first annotated ``cont`` (a title or furniture line repeats its role);
    ``blank_lines`` false drops the blank lines, as many PDFs have none between paragraphs."""
    rng = random.Random(seed)
    room = 2 * width
    rows = annotated(twin).split("\n")[:-1]
    out = [rows[0]]
    for row in rows[1:]:
        if "⟦" not in row:
            if blank_lines:
                out.append(row)
            continue
        marks = list(_MARK.finditer(row))
        chars: list[str] = []
        opens: list[str | None] = []
        roles: list[str] = []
        for i, m in enumerate(marks):
            end = marks[i + 1].start() if i + 1 < len(marks) else len(row)
            for j, ch in enumerate(row[m.end():end]):
                chars.append(ch)
                opens.append(m.group(0) if j == 0 else None)
                roles.append(m.group(1))
        text = "".join(chars)
        lead = len(text) - len(text.lstrip())
        cuts = _cuts(text, lead, room, rng, ragged)
        for a, b in itertools.pairwise(cuts):
            pieces: list[list[str]] = []
            for k in range(a, b):
                mark = opens[k] or (None if k > a else
                                    "⟦cont⟧" if roles[k] in _CONTINUED else f"⟦{roles[k]}⟧")
                if mark is not None:
                    pieces.append([mark, ""])
                pieces[-1][1] += chars[k]
            out.append(_without_bare_marks(pieces))
    seen = parse_twin("\n".join(out) + "\n", twin.id, twin.split)
    return replace(seen, split=twin.split)


def _without_bare_marks(pieces: list[list[str]]) -> str:
    """A line's spans, with white space that a break left alone under a marker given to
    the span after it (or, at the line's end, the span before)."""
    kept: list[list[str]] = []
    carry = ""
    for mark, text in pieces:
        text = carry + text
        carry = ""
        if not text.strip():
            carry = text
            continue
        kept.append([mark, text])
    if carry and kept:
        kept[-1][1] += carry
    return "".join(mark + text for mark, text in kept)


def hard_wrapped(twins: Iterable[Twin], salt: str = "wrap") -> list[Twin]:
    """Each twin hard-wrapped (:func:`hard_wrap`) at a width of 22 to 36 characters, half of
    them without blank lines, both drawn from a hash of ``salt`` and the twin's id, so that
    the same twins always wrap alike."""
    out = []
    for twin in twins:
        rng = random.Random(zlib.crc32(f"{salt}:{twin.id}".encode()))
        width = rng.randint(22, 36)
        blank_lines = rng.random() < 0.5
        out.append(hard_wrap(twin, width=width, blank_lines=blank_lines,
                             seed=rng.randint(0, 2**31)))
    return out
