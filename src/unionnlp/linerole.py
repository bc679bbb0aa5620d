"""A learned line labeller: each non-blank line's role, from features of the line and its
neighbours, by a linear-chain CRF trained on the real-shaped twins (``corpus/real``).

Today's hand rules (:func:`unionnlp.lines.classify`) are features among others: length,
width against the page's usual line, indentation, numbering, final punctuation, cue
words, position, blank lines around. Training uses sklearn-crfsuite; the fitted weights
are saved as JSON with a checksum and decoded here with numpy (Viterbi for labels,
forward-backward marginals for how sure it is), so labelling needs neither crfsuite nor
pickle. Boosted trees over the same attributes (:mod:`unionnlp.linetrees`), which read
them together, are blended into the marginals. :func:`relabel` lets it overrule the
rules' line kinds where it is sure.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib.resources import files
from typing import TYPE_CHECKING

import numpy as np

from ._regex import regex
from .errors import ModelError
from .lines import (
    BULLETS,
    HEADLINE_MAX,
    Line,
    LineKind,
    Style,
    classify,
    ends_sentence,
    numbering,
    opens_model_text,
    style_depth,
)
from .linetext import LineText, fit_line_text
from .linetrees import LineTrees, fit_line_trees
from .normalize import normalize
from .repair import PAGE_NUMBER, RAGGED, display_width, page_width
from .resources import lexicon

if TYPE_CHECKING:
    from .twins import Twin

__all__ = [
    "LABELS",
    "Column",
    "LineLabeller",
    "LineTable",
    "default_labeller",
    "line_features",
    "line_table",
    "relabel",
    "rule_kinds",
    "train_labeller",
    "train_wrapped_labeller",
    "training_sequences",
    "tree_file",
    "wrapped_labeller",
    "wrapped_page",
]

logger = logging.getLogger(__name__)

#: The roles the labeller tells apart (coarse roles of :mod:`unionnlp.evaluate_real`,
#: with captions on their own).
LABELS = ("title", "subtitle", "byline", "heading", "start", "cont", "table", "caption",
          "furniture")
FORMAT = "unionnlp-linerole/1"

_FINAL = set(lexicon().chars["final"])
_CLOSERS = lexicon().chars["closers"]
# Each of these opens on a literal or a small set, which the regex engine looks for fast.
_DATE = regex(r"[-/.年](?<=\d{4}[-/.年])\s*\d{1,2}\s*[-/.月]")  # 2023年5月, 2023-05-
_TIME = regex(r":(?<=\d:)\d{2}")  # 14:05
_GAP = regex(r"(?:[ \u3000]{2,}|\t)(?=\S)")  # between table cells
_NUMERIC = regex("^[0-9.,%％ \t\u3000-]+$")
#: Cue words, by name (``resources/lexicon.toml``); the names are the model's attributes.
_CUES = {entry.name: regex(entry.pattern) for entry in lexicon().line_cues}


#: Features of a line that its neighbours see too, as do its cue words (a 本报讯 line
#: under an e-paper item's headline; read since the 642 train twins of 2026-12-05, with the
#: penalties of 0.1: line roles 0.8527 -> 0.8538 and headlines 0.790 -> 0.792 in the train
#: folds as the pages are, paragraphs 0.861 -> 0.861; hard-wrapped 0.8945 -> 0.8949,
#: 0.749 -> 0.749, paragraphs 0.789 -> 0.786).
_NEIGHBOUR = ("len", "wid", "last", "rule", "num", "indent", "marks", "gaps", "numeric")


def _char_class(ch: str) -> str:
    if not ch:
        return "none"
    if "\u4e00" <= ch <= "\u9fff":
        return "han"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if ch in _FINAL:
        return "final"
    if ch in "，,、":
        return "comma"
    if ch in "：:":
        return "colon"
    if ch in _CLOSERS:
        return "closer"
    if ch in BULLETS:
        return "bullet"
    return "sym"


def _rows(pattern: re.Pattern[str], *, once: bool = True) -> re.Pattern[str]:
    """``pattern`` for a text of one line per row: white space never crosses a row, and
    (``once``) a match runs on to the row's end, so that a row is found once."""
    body = pattern.pattern.replace(r"\s", r"[^\S\n]")
    return regex(f"(?:{body})[^\n]*" if once else body, pattern.flags | re.M)


_ROW_CUES = {name: _rows(p) for name, p in _CUES.items()}
_ROW_DATE, _ROW_TIME, _ROW_NUMERIC = _rows(_DATE), _rows(_TIME), _rows(_NUMERIC)
_ROW_GAP = _rows(_GAP, once=False)
_ROW_BAR = regex("[|｜][^\n]*")
_ROW_GT = regex("[>＞»](?![0-9０-９])")  # not a comparison (>5000元)
#: The character classes a line's counts read, as bits of each code point of the Basic
#: Multilingual Plane (no character beyond it is in any).
_CODE_CLASSES = {
    "digits": "0123456789",
    "latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "spaces": " \t\x0b\x0c\r\xa0\u3000\u2002\u2003\u2009\u200a",
    "marks": "。！？；",
    "commas": "，,",
}


@cache
def _class_bits() -> np.ndarray:
    bits = np.zeros(1 << 16, dtype=np.uint8)
    for j, chars in enumerate(_CODE_CLASSES.values()):
        bits[[ord(c) for c in chars]] |= 1 << j
    return bits


_LEN_EDGES = (4, 8, 14, 20, 28, 40, 60, 100, 200)
#: Buckets of the line-text model's probabilities, as the CRF reads them.
_TEXT_EDGES = (0.1, 0.3, 0.6, 0.85)
_WIDTH_EDGES = (0.3, 0.6, 0.85, 0.95, 1.05)


@cache
def _buckets(edges: tuple[float, ...]) -> tuple[np.ndarray, tuple[str, ...]]:
    """The edges of a bucketed template as an array, and its vocabulary."""
    bounds = np.asarray(edges)
    bounds.setflags(write=False)
    return bounds, tuple(str(i) for i in range(len(edges) + 1))


@dataclass(frozen=True)
class Column:
    """One feature template's values on every line: ``vocab[codes[k]]``, or nothing where
    ``codes[k]`` is -1 (the template does not apply to that line)."""

    codes: np.ndarray
    vocab: tuple[str, ...]

    @classmethod
    def of(cls, values: Sequence[str | None]) -> Column:
        index: dict[str, int] = {}
        codes = np.fromiter((-1 if v is None else index.setdefault(v, len(index))
                             for v in values), dtype=np.int64, count=len(values))
        return cls(codes, tuple(index))

    @classmethod
    def buckets(cls, values: np.ndarray, edges: tuple[float, ...]) -> Column:
        """The bucket of each value: i where edges[i-1] < value <= edges[i]."""
        bounds, vocab = _buckets(edges)
        return cls(bounds.searchsorted(values, side="left").astype(np.int64), vocab)

    @classmethod
    def flags(cls, values: np.ndarray) -> Column:
        return cls(np.asarray(values, dtype=bool).astype(np.int64), ("False", "True"))

    def value(self, k: int) -> str | None:
        code = int(self.codes[k])
        return None if code < 0 else self.vocab[code]


@dataclass(frozen=True)
class LineTable:
    """The features of a text's non-blank lines, one column per feature template, and
    the cue words found on each line. Training spells them out as crfsuite attributes
    (:meth:`features`); labelling reads the columns as they are."""

    numbers: Sequence[int]
    columns: Mapping[str, Column]
    cues: Sequence[Sequence[str]]
    #: The lines' stripped text (in the analysis view), one per number.
    rows: Sequence[str] = ()

    def __len__(self) -> int:
        return len(self.numbers)

    def cue_attributes(self) -> tuple[np.ndarray, np.ndarray, list[int], list[str]]:
        """The cue words' attributes each line has, in crfsuite's order (those of the line
        before, the line's own, the line after's): of each, its place among the line's,
        the line, its kind (0 prev:cue, 1 cue, 2 next:cue) and the cue word."""
        n = len(self.cues)
        filled = [0] * n
        place: list[int] = []
        line: list[int] = []
        kinds: list[int] = []
        words: list[str] = []
        for k, found in enumerate(self.cues):
            for kind, at in enumerate((k + 1, k, k - 1)):
                if found and 0 <= at < n:
                    for c in found:
                        place.append(filled[at])
                        line.append(at)
                        kinds.append(kind)
                        words.append(c)
                        filled[at] += 1
        return np.array(place, dtype=np.intp), np.array(line, dtype=np.intp), kinds, words

    def with_text(self, proba: np.ndarray, roles: Sequence[str]) -> LineTable:
        """The table with what the line-text model (:mod:`unionnlp.linetext`) says of each
        line: each role's probability, bucketed, and the likeliest role."""
        columns = dict(self.columns)
        for j, role in enumerate(roles):
            columns[f"text_{role}"] = Column.buckets(proba[:, j], _TEXT_EDGES)
        columns["text_best"] = Column.of([roles[j] for j in proba.argmax(axis=1).tolist()])
        return replace(self, columns=columns)

    def features(self) -> list[list[str]]:
        """Each line's attributes, as crfsuite reads them."""
        n = len(self.numbers)
        values = {name: [col.value(k) for k in range(n)] for name, col in self.columns.items()}
        out: list[list[str]] = []
        for k in range(n):
            feats = ["bias"]
            feats += [f"{name}={v[k]}" for name, v in values.items() if v[k] is not None]
            feats += [f"cue={c}" for c in self.cues[k]]
            for j, tag in ((k - 1, "prev"), (k + 1, "next")):
                if 0 <= j < n:
                    feats += [f"{tag}:{name}={values[name][j]}" for name in _NEIGHBOUR
                              if name in values and values[name][j] is not None]
                    feats += [f"{tag}:cue={c}" for c in self.cues[j]]
                else:
                    feats.append(f"{tag}:none")
            out.append(feats)
        return out


def _hits(pattern: re.Pattern[str], joined: str, starts: np.ndarray) -> np.ndarray:
    """How many matches of ``pattern`` each row of ``joined`` holds."""
    at = np.fromiter((m.start() for m in pattern.finditer(joined)), dtype=np.int64)
    rows = np.searchsorted(starts, at, side="right") - 1
    return np.bincount(rows, minlength=len(starts))


#: Numbering styles the labeller does not read (as none): an outline's decimal numbering
#: (1.1, 1.2.1) is too rare in the train twins (a dozen lines) to learn from, and read as
#: its own style it moved the labeller's other verdicts in the folds; the rules keep such a
#: headline (``_NUMBERED_FURNITURE``).
_UNREAD_STYLES = frozenset({"dec2", "dec3", "dec4"})


def _labeller_numbering(row: str) -> tuple[Style | None, int]:
    style, marker = numbering(row)
    return (None, 0) if style in _UNREAD_STYLES else (style, marker)


def line_table(text: str, view: str | None = None,
               rules: Mapping[int, str] | None = None) -> LineTable:
    """The features of the non-blank lines of ``text`` (1-based line numbers); ``view`` is
    its same-length analysis view (normalised, simplified), by default normalised here;
    ``rules`` the kinds :func:`unionnlp.lines.classify` gave lines already, by number."""
    # Training reads traditional twins as written: reading them simplified, as analysis
    # does, scored lower in cross-validation on the train twins (line accuracy 0.721 ->
    # 0.710, paragraph F1 0.798 -> 0.786).
    view = normalize(text) if view is None else view
    raw = text.split("\n")
    seen = view.split("\n")
    if raw and raw[-1] == "":
        raw.pop()
        seen.pop()
    stripped = [v.strip() for v in seen]
    numbers = [i for i, v in enumerate(stripped, 1) if v]
    rows = [stripped[i - 1] for i in numbers]
    n = len(rows)
    if not n:
        return LineTable([], {}, [], [])
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=n)
    starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
    joined = "\n".join(rows)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    classes = _class_bits()[np.minimum(codes, 0xFFFF)]
    counts = {name: np.add.reduceat((classes >> j) & 1, starts, dtype=np.int32)
              for j, name in enumerate(_CODE_CLASSES)}
    # The page's usual full line: hard-wrapped text fills it, short lines end paragraphs.
    width = int(np.sort(lengths)[int(0.8 * (n - 1))])
    cols: dict[str, Column] = {"len": Column.buckets(lengths, _LEN_EDGES)}
    if width:
        cols["wid"] = Column.buckets(lengths / width, _WIDTH_EDGES)
    indent: list[str | None] = []
    for i in numbers:
        line = raw[i - 1]
        lead = line[: len(line) - len(line.lstrip())]
        indent.append("none" if not lead else "ideo" if "\u3000" in lead else
                      "tab" if "\t" in lead else "ascii")
    cols["indent"] = Column.of(indent)
    styles = [_labeller_numbering(r) for r in rows]
    cols["num"] = Column.of([str(style) for style, _ in styles])
    known = rules or {}
    cols["rule"] = Column.of([known.get(i) or classify(r)[0]
                              for i, r in zip(numbers, rows, strict=True)])
    tails = [r.rstrip(_CLOSERS) for r in rows]
    cols["last"] = Column.of([_char_class(t[-1:]) for t in tails])
    cols["first"] = Column.of([_char_class(r[:1]) for r in rows])
    cols["close"] = Column.flags(np.fromiter((r[-1:] in _CLOSERS for r in rows), bool, n))
    cols["marks"] = Column.buckets(counts["marks"], (0, 1, 3))
    cols["commas"] = Column.buckets(counts["commas"], (0, 1, 3))
    cols["digits"] = Column.buckets(counts["digits"] / np.maximum(1, lengths), (0, 0.1, 0.3))
    cols["latin"] = Column.buckets(counts["latin"] / np.maximum(1, lengths), (0, 0.2, 0.5))
    cols["space_in"] = Column.buckets(counts["spaces"], (0, 2, 6))
    cols["bar"] = Column.flags(_hits(_ROW_BAR, joined, starts))
    cols["gaps"] = Column.buckets(_hits(_ROW_GAP, joined, starts), (0, 1, 3))
    cols["numeric"] = Column.flags(_hits(_ROW_NUMERIC, joined, starts))
    cols["gt"] = Column.of([str(int(x)) for x in _hits(_ROW_GT, joined, starts)])
    cols["tab"] = Column.flags(np.fromiter(("\t" in raw[i - 1] for i in numbers), bool, n))
    cols["date"] = Column.flags(_hits(_ROW_DATE, joined, starts))
    cols["time"] = Column.flags(_hits(_ROW_TIME, joined, starts))
    cols["p1"] = Column.of([r[:1] for r in rows])
    cols["p2"] = Column.of([r[:2] for r in rows])
    cols["s1"] = Column.of([t[-1:] for t in tails])
    cols["after_num"] = Column.of([_char_class(r[m:m + 1]) if m and st else None
                                   for r, (st, m) in zip(rows, styles, strict=True)])
    cols["num_len"] = Column.of([str(int(np.searchsorted((8, 16, 24, 40), len(r) - m)))
                                 if m and st else None
                                 for r, (st, m) in zip(rows, styles, strict=True)])
    if SIBLINGS or SHAPES:
        ends = np.fromiter((t[-1:] in _FINAL for t in tails), bool, n)
        if SIBLINGS:
            cols.update(_sibling_columns(styles, tails, ends, lengths, width))
        if SHAPES:
            cols["alone"] = _alone_column(ends, lengths, width)
    blank = [not v for v in stripped]
    cols["blank_before"] = Column.flags(np.fromiter(
        (i == 1 or blank[i - 2] for i in numbers), bool, n))
    cols["blank_after"] = Column.flags(np.fromiter(
        (i == len(stripped) or blank[i] for i in numbers), bool, n))
    cols["pos"] = Column.buckets(np.arange(n), (0, 1, 2, 4))
    cols["from_end"] = Column.buckets(np.arange(n)[::-1], (0, 1, 3))
    cues: list[list[str]] = [[] for _ in range(n)]
    at = starts.tolist()
    for name, pattern in _ROW_CUES.items():
        for match in pattern.finditer(joined):
            on = cues[bisect.bisect_right(at, match.start()) - 1]
            if on[-1:] != [name]:  # each cue word once on a line
                on.append(name)
    return LineTable(numbers, cols, cues, rows)


#: Whether the line table holds each numbered line's siblings (the page's other lines
#: numbered in the same style), and how many lines of the page stand alone like a
#: headline. Both are on in the packaged models; a cross-validation turns one off to
#: measure what it brings (the README's round of 2026-12-05 tells the figures).
SIBLINGS = True
SHAPES = True


def _how_many(count: int) -> str:
    """A count as the labeller reads it: one, a few, or many."""
    return "1" if count == 1 else "2" if count <= 3 else "4"


def _alone_column(ends: np.ndarray, lengths: np.ndarray, width: int) -> Column:
    """For a short line that ends no sentence (``ends``: the lines that end one) and is
    followed by a full line or a sentence's end: how many such lines the page holds (a
    page's headlines come in a set; one alone is more often a title)."""
    w = max(width, 1)
    longish = (lengths >= 0.85 * w) | ends
    alone = (lengths <= 0.6 * w) & ~ends & np.append(longish[1:], False)
    value = _how_many(int(alone.sum()))
    return Column.of([value if a else None for a in alone.tolist()])


def _numbered_lists(numbered: Iterable[tuple[int, Style, int | None]]) -> list[list[int]]:
    """The lists that numbered lines form, given as (key, style, number) in text order: the
    lines of one style whose numbers count on (3. after 2. after 1.). A line whose marker
    counts nothing is a list of its own."""
    lists: list[list[int]] = []
    last: dict[Style, tuple[int | None, list[int]]] = {}  # per style: last number, list
    for key, style, number in numbered:
        run = last.get(style)
        if run is None or number is None or run[0] is None or number != run[0] + 1:
            lists.append([])
            run = (None, lists[-1])
        run[1].append(key)
        last[style] = (number, run[1])
    return lists


def _sibling_columns(styles: Sequence[tuple[Style | None, int]], tails: Sequence[str],
                     ends: np.ndarray, lengths: np.ndarray, width: int) -> dict[str, Column]:
    """What a numbered line's siblings (its list, :func:`_numbered_lists`) say of it: a
    page's headlines are numbered alike, short, and apart, with text between them; a
    list's items follow one another. Per line: the list's size, whether the nearest
    sibling is the next or previous line, the line's place in the list, and the list's
    usual length and ending."""
    n = len(tails)
    runs = _numbered_lists((k, style, _ordinal(tails[k][:marker]))
                           for k, (style, marker) in enumerate(styles)
                           if style is not None and marker)
    values: dict[str, list[str | None]] = {
        name: [None] * n for name in ("sib_n", "sib_adj", "sib_at", "sib_len", "sib_stop")}
    length, end = lengths.tolist(), ends.tolist()
    for members in runs:
        count = len(members)
        size = _how_many(count)
        typical = statistics.median(length[k] for k in members) / max(width, 1)
        span = "short" if typical <= 0.6 else "line" if typical <= 1.05 else "long"
        stops = sum(end[k] for k in members)
        stop = "none" if not stops else "all" if stops == count else "some"
        for j, k in enumerate(members):
            near = min((abs(k - members[i]) for i in (j - 1, j + 1) if 0 <= i < count),
                       default=0)
            values["sib_n"][k] = size
            values["sib_adj"][k] = "1" if near == 1 else "0" if near else None
            values["sib_at"][k] = ("only" if count == 1 else "first" if j == 0 else
                                   "last" if j == count - 1 else "mid")
            values["sib_len"][k] = span
            values["sib_stop"][k] = stop
    return {name: Column.of(v) for name, v in values.items()}


def rule_kinds(lines: Sequence[Line]) -> dict[int, str]:
    """What the line rules (:func:`unionnlp.lines.split_lines`) said of each whole line, by
    1-based line number: the labeller's ``rule`` feature, in training as in analysis."""
    pieces = Counter(x.number for x in lines)
    return {x.number + 1: x.kind for x in lines if pieces[x.number] == 1 and x.hint is None
            and x.kind != "table" and "\t" not in x.text}


def line_features(text: str, view: str | None = None) -> tuple[list[int], list[list[str]]]:
    """(line numbers, crfsuite attributes) of the non-blank lines of ``text``."""
    # Training reads each line's rule verdict alone (classify()); analysis gives the line
    # rules' verdicts in context (a table of contents is furniture there, which the
    # labeller never overrules). Training on the verdicts in context scored lower in
    # cross-validation on the train twins (line accuracy 0.740 -> 0.725).
    table = line_table(text, view)
    return list(table.numbers), table.features()


#: How many (template, vocabulary) row tables a labeller keeps: the recurring ones are few
#: (buckets, flags); the vocabularies of first characters are as many as texts.
_LUT_CACHE = 4096
#: The trees' share of the blended marginals (log-linear, the CRF's share the rest), and
#: the floor under either model's probability. Chosen on the train twins' folds (line
#: roles of the models alone: CRF 0.851, trees 0.859, blended at 0.35-0.65 0.860-0.866).
TREE_SHARE = 0.5
_FLOOR = 1e-6
#: Lines per block of the labeller's slots (:meth:`LineLabeller._slots`).
_SLOT_BLOCK = 2048
#: Lines per block of the forward-backward scan.
_SCAN_BLOCK = 4096


def _cached(cache: dict[tuple[str, tuple[str, ...]], np.ndarray],
            key: tuple[str, tuple[str, ...]], make: Callable[[], np.ndarray]) -> np.ndarray:
    """``cache[key]``, made the first time; the first ``_LUT_CACHE`` are kept."""
    found = cache.get(key)
    if found is None:
        found = make()
        if len(cache) < _LUT_CACHE:
            cache[key] = found
    return found


def _scan(mats: np.ndarray, *, prefix: bool) -> np.ndarray:
    """Running products of a stack of square matrices: ``M_0 @ … @ M_t`` (prefix) or
    ``M_t @ … @ M_last`` (suffix) for every t, each scaled to a maximum of 1."""
    out: np.ndarray = mats / mats.max(axis=(1, 2), keepdims=True)
    step = 1
    while step < len(out):
        if prefix:
            out[step:] = out[:-step] @ out[step:]
        else:
            out[:-step] = out[:-step] @ out[step:]
        out /= out.max(axis=(1, 2), keepdims=True)
        step *= 2
    return out


@cache
def _layout(names: tuple[str, ...]) -> tuple[np.ndarray, list[int], int]:
    """Where a table of the templates ``names`` puts its attributes among the labeller's
    slots (:meth:`LineLabeller._slots`): each template's own slot, the templates that
    neighbours see (the two slots after their own hold the line before's value and the
    line after's), and the first slot of the cues."""
    near = [j for j, name in enumerate(names) if name in _NEIGHBOUR]
    own = np.array([j + 2 * sum(1 for i in near if i < j) for j in range(len(names))])
    return own, near, len(names) + 2 * len(near) + 3


@dataclass(frozen=True)
class LineLabeller:
    """CRF weights: one row of label scores per attribute, and label-to-label transitions."""

    attributes: Mapping[str, int]
    state: np.ndarray  # (attributes, labels)
    transitions: np.ndarray  # (labels, labels): from, to
    labels: tuple[str, ...] = LABELS
    #: The line-text model whose probabilities are features (None: a model without them).
    text: LineText | None = None
    #: Boosted trees over the same attributes, blended into the marginals (None: the CRF's
    #: marginals alone).
    trees: LineTrees | None = None
    #: Rows of each feature template's attributes by value, filled as they are read.
    lookups: dict[str, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)
    #: Row tables of (template, vocabulary), filled as they are read (:meth:`_lut`).
    luts: dict[tuple[str, tuple[str, ...]], np.ndarray] = field(
        default_factory=dict, compare=False, repr=False)
    #: The trees' columns of (template, vocabulary), filled as they are read.
    tree_luts: dict[tuple[str, tuple[str, ...]], np.ndarray] = field(
        default_factory=dict, compare=False, repr=False)

    def table(self, text: str, view: str | None = None,
              rules: Mapping[int, str] | None = None) -> LineTable:
        """:func:`line_table` of ``text``, with the line-text model's features when the
        model has one."""
        table = line_table(text, view, rules)
        if self.text is None or not len(table):
            return table
        return table.with_text(self.text.proba(table.rows), self.text.roles)

    def scores(self, feats: LineTable | Sequence[Sequence[str]]) -> np.ndarray:
        """Each line's score of each label: the sum of its known attributes' weights."""
        if isinstance(feats, LineTable):
            return self._table_scores(feats)
        index = self.attributes
        rows = [[index[f] for f in fs if f in index] for fs in feats]
        sizes = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        flat = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(sizes.sum()))
        out = np.zeros((len(rows), len(self.labels)))
        filled = sizes > 0
        if flat.size:
            starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])[filled]
            out[filled] = np.add.reduceat(self.state[flat], starts, axis=0)
        return out

    def _lookup(self, prefix: str) -> dict[str, int]:
        """Rows of the attributes ``prefix=value``, by value."""
        if not self.lookups:
            # One pass files every prefix's values (a prefix never holds "=", a value may).
            for name, i in self.attributes.items():
                head, sep, value = name.partition("=")
                if sep:
                    self.lookups.setdefault(head, {})[value] = i
            self.lookups.setdefault("", {})
        return self.lookups.get(prefix, {})

    @cached_property
    def _padded(self) -> np.ndarray:
        """The state weights with a last row of zeros, which unknown attributes read."""
        return np.vstack([self.state, np.zeros((1, self.state.shape[1]))])

    def _lut(self, prefix: str, vocab: tuple[str, ...]) -> np.ndarray:
        """Rows of ``prefix=value`` for each value of ``vocab``, then the zero row (code -1
        reads it too); the first ``_LUT_CACHE`` are kept, among them the few vocabularies
        of buckets and flags that every text repeats."""
        found = self.luts.get((prefix, vocab))
        if found is not None:
            return found
        lookup, zero = self._lookup(prefix), len(self.state)
        return _cached(self.luts, (prefix, vocab), lambda: np.array(
            [lookup.get(v, zero) for v in vocab] + [zero], dtype=np.intp))

    def _table_scores(self, table: LineTable) -> np.ndarray:
        """:meth:`scores` read straight off the feature columns (no attribute strings): the
        rows of every line's attributes (:meth:`_slots`) gathered at once and added up."""
        n = len(table)
        if not n:
            return np.zeros((0, len(self.labels)))
        zero = len(self.state)
        index = self.attributes
        bias, prev_none, next_none = (index.get(a, zero) for a in ("bias", "prev:none", "next:none"))
        padded = self._padded
        out = np.empty((n, len(self.labels)))
        for lines, slots in self._slots(table, self._lut, lambda a: index.get(a, zero), zero,
                                        (bias, prev_none, next_none)):
            # Added a slot at a time in the slots' order (a sum over the first axis adds
            # its rows one after another), as the weights were added one at a time before.
            out[lines] = padded[slots].sum(axis=0)
        return out

    def _slots(self, table: LineTable, lut: Callable[[str, tuple[str, ...]], np.ndarray],
               row_of: Callable[[str], int], unread: int, fixed: tuple[int, int, int]
               ) -> Iterator[tuple[slice, np.ndarray]]:
        """Blocks of lines and their (slots, lines) matrix: which of a model's rows each
        line reads in each slot, ``unread`` where it reads none. ``lut`` gives the rows of
        a template's values (then the row of code -1), ``row_of`` the row of an
        attribute, ``fixed`` the rows of bias, prev:none and next:none.

        The slots come in the order the attributes are added: each template's own value,
        then (a neighbour's template) the line before's and the line after's; bias,
        prev:none, next:none; the cues of the line before, the line's own, the line
        after's. Blocks of ``_SLOT_BLOCK`` lines keep a long text's matrices small."""
        n = len(table)
        names = tuple(table.columns)
        own, near, first_cue = _layout(names)
        vocabs = [column.vocab for column in table.columns.values()]
        # One row table of every template (own values, then the neighbours' before and after).
        tables = [lut(name, vocab) for name, vocab in zip(names, vocabs, strict=True)]
        tables += [lut(f"prev:{names[j]}", vocabs[j]) for j in near]
        tables += [lut(f"next:{names[j]}", vocabs[j]) for j in near]
        # int32 throughout: the slots are a long text's labeller's largest arrays.
        offsets = np.array([0, *itertools.accumulate(len(t) for t in tables[:-1])],
                           dtype=np.int32)[:, None]
        own_at, prev_at, next_at = (offsets[:len(names)], offsets[len(names):][:len(near)],
                                    offsets[len(names) + len(near):])
        rows = np.concatenate(tables, dtype=np.int32)
        columns = list(table.columns.values())
        sizes = np.array([len(v) for v in vocabs], dtype=np.int32)[:, None]
        # The cue words' attributes, by line.
        place, line, kinds, words = table.cue_attributes()
        cue_row = {(kind, c): row_of(f"{tag}cue={c}") for c in set(words)
                   for kind, tag in enumerate(("prev:", "", "next:"))}
        order = np.argsort(line, kind="stable")
        place, line = place[order], line[order]
        cue_rows = np.array([cue_row[kinds[i], words[i]] for i in order.tolist()], dtype=np.int32)
        height = first_cue + int(place.max(initial=-1)) + 1
        bias, prev_none, next_none = fixed
        for start in range(0, n, _SLOT_BLOCK):
            stop = min(start + _SLOT_BLOCK, n)
            # The block's codes and its neighbours' (a line without a value: the vocabulary's
            # size, the row tables' last).
            first, last = max(start - 1, 0), min(stop + 1, n)
            codes = np.stack([column.codes[first:last] for column in columns]).astype(np.int32)
            codes = np.where(codes < 0, sizes, codes)
            out = np.full((height, stop - start), unread, dtype=np.int32)
            out[own] = rows[codes[:, start - first:stop - first] + own_at]
            if near:
                lo, hi = max(start, 1), min(stop, n - 1)  # lines with one before, one after
                out[own[near] + 1, lo - start:] = rows[
                    codes[near, lo - 1 - first:stop - 1 - first] + prev_at]
                out[own[near] + 2, :hi - start] = rows[
                    codes[near, start + 1 - first:hi + 1 - first] + next_at]
            out[first_cue - 3] = bias
            if start == 0:
                out[first_cue - 2, 0] = prev_none
            if stop == n:
                out[first_cue - 1, n - 1 - start] = next_none
            a, b = np.searchsorted(line, (start, stop))
            out[first_cue + place[a:b], line[a:b] - start] = cue_rows[a:b]
            yield slice(start, stop), out

    def _tree_lut(self, prefix: str, vocab: tuple[str, ...]) -> np.ndarray:
        """The trees' columns of ``prefix=value`` for each value of ``vocab``, then the
        unread last column (code -1 reads it too)."""
        found = self.tree_luts.get((prefix, vocab))
        if found is not None:
            return found
        assert self.trees is not None
        index, unread = self.trees.index, len(self.trees.attributes)
        return _cached(self.tree_luts, (prefix, vocab), lambda: np.array(
            [index.get(f"{prefix}={v}", unread) for v in vocab] + [unread], dtype=np.intp))

    def _present(self, feats: LineTable | Sequence[Sequence[str]]) -> np.ndarray:
        """Whether each line has each of the trees' attributes (the attributes crfsuite
        reads, :meth:`LineTable.features`), read off the feature columns of a table."""
        assert self.trees is not None
        index, unread = self.trees.index, len(self.trees.attributes)
        n = len(feats)
        out = np.zeros((n, unread + 1), dtype=bool)
        if not isinstance(feats, LineTable):
            for k, attributes in enumerate(feats):
                out[k, [index.get(a, unread) for a in attributes]] = True
            return out
        for lines, slots in self._slots(  # the trees read no bias
                feats, self._tree_lut, lambda a: index.get(a, unread), unread,
                (unread, index.get("prev:none", unread), index.get("next:none", unread))):
            out[np.arange(lines.start, lines.stop), slots] = True
        return out

    def decode(self, feats: LineTable | Sequence[Sequence[str]]) -> list[str]:
        """The CRF's best label sequence (Viterbi), without the trees."""
        if not feats:
            return []
        emit = self.scores(feats)
        best = emit[0].copy()
        back = np.zeros((len(feats), len(self.labels)), dtype=np.int64)
        for t in range(1, len(feats)):
            total = best[:, None] + self.transitions
            back[t] = total.argmax(axis=0)
            best = total.max(axis=0) + emit[t]
        path = [int(best.argmax())]
        for t in range(len(feats) - 1, 0, -1):
            path.append(int(back[t, path[-1]]))
        return [self.labels[i] for i in reversed(path)]

    def marginals(self, feats: LineTable | Sequence[Sequence[str]]) -> np.ndarray:
        """Each line's probability of each label (forward-backward).

        The forward and backward messages are prefix and suffix products of the per-line
        matrices ``exp(transitions) * exp(emission)``, computed by a doubling scan over
        a block of lines at once (each product rescaled; marginals do not depend on scale).
        """
        n = len(feats)
        if not n:
            return np.zeros((0, len(self.labels)))
        crf = self._crf_marginals(feats)
        if self.trees is None:
            return crf
        trees = np.zeros_like(crf)
        found = [j for j, role in enumerate(self.labels) if role in self.trees.roles]
        trees[:, found] = self.trees.proba(self._present(feats))[
            :, [self.trees.roles.index(self.labels[j]) for j in found]]
        blend = (TREE_SHARE * np.log(trees + _FLOOR)
                 + (1 - TREE_SHARE) * np.log(crf + _FLOOR))
        e = np.exp(blend - blend.max(axis=1, keepdims=True))
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def _crf_marginals(self, feats: LineTable | Sequence[Sequence[str]]) -> np.ndarray:
        """The CRF's marginals alone."""
        n = len(feats)
        emit = self.scores(feats)
        e = np.exp(emit - emit.max(axis=1, keepdims=True))
        if n == 1:
            return np.asarray(e / e.sum(axis=1, keepdims=True))
        trans = np.exp(self.transitions)[None, :, :]
        # A_t, t = 1..n-1, made and scanned a block of lines at a time (memory stays
        # bounded on a long text); single precision halves the scan's time and moves
        # marginals by about 1e-7.
        blocks = range(0, n - 1, _SCAN_BLOCK)

        def steps(b: int) -> np.ndarray:
            return np.asarray(trans * e[b + 1:b + 1 + _SCAN_BLOCK, None, :], dtype=np.float32)

        alpha = np.empty_like(e)
        alpha[0] = e[0]
        for b in blocks:
            stop = min(b + _SCAN_BLOCK, n - 1)
            start = alpha[b] / alpha[b].max()
            alpha[b + 1:stop + 1] = start @ _scan(steps(b), prefix=True).astype(np.float64)
        beta = np.empty_like(e)
        beta[n - 1] = 1.0
        for b in reversed(blocks):
            stop = min(b + _SCAN_BLOCK, n - 1)
            after = beta[stop] / beta[stop].max()
            beta[b:stop] = _scan(steps(b), prefix=False).astype(np.float64) @ after
        joint = alpha * beta
        return np.asarray(joint / joint.sum(axis=1, keepdims=True))

    def label(self, text: str, view: str | None = None) -> list[str]:
        """Every line's role (``blank`` for blank lines)."""
        table = self.table(text, view)
        numbers, feats = table.numbers, table
        n_lines = len(text.split("\n")) - (1 if text.endswith("\n") else 0)
        roles = ["blank"] * n_lines
        for i, role in zip(numbers, self.decode(feats), strict=True):
            roles[i - 1] = role
        return roles

    def to_json(self) -> str:
        body = {
            "format": FORMAT,
            "labels": list(self.labels),
            "attributes": sorted(self.attributes, key=self.attributes.__getitem__),
            "state": [[round(float(x), 6) for x in row] for row in self.state],
            "transitions": [[round(float(x), 6) for x in row] for row in self.transitions],
        }
        if self.text is not None:
            body["text_sha256"] = self.text.digest()
        if self.trees is not None:
            body["trees_sha256"] = self.trees.digest()
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return json.dumps({"sha256": digest, "model": body}, ensure_ascii=False,
                          sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str, where: str = "<line model>",
                  text: LineText | None = None,
                  trees: Callable[[], LineTrees] | None = None) -> LineLabeller:
        """The labeller of :meth:`to_json`'s output, with ``text``, the line-text model it
        was trained with, and the trees ``trees`` loads where the file records some (each
        checked against the digest the file records)."""
        try:
            outer = json.loads(data)
            body = outer["model"]
            canonical = json.dumps(body, ensure_ascii=False, sort_keys=True,
                                   separators=(",", ":"))
            if hashlib.sha256(canonical.encode("utf-8")).hexdigest() != outer["sha256"]:
                raise ModelError(f"{where}: checksum mismatch (a damaged or edited model)")
            if body["format"] != FORMAT:
                raise ModelError(f"{where}: format {body['format']!r}, expected {FORMAT}")
            labels = tuple(body["labels"])
            state = np.asarray(body["state"], dtype=np.float64)
            transitions = np.asarray(body["transitions"], dtype=np.float64)
            attributes = {a: i for i, a in enumerate(body["attributes"])}
            wanted = body.get("text_sha256")
            wanted_trees = body.get("trees_sha256")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{where}: not a line model: {exc}") from exc
        if wanted is None:
            text = None
        elif text is None or text.digest() != wanted:
            raise ModelError(f"{where}: " + ("needs its line-text model" if text is None else
                             "the line-text model given is not the one it was trained with"))
        if state.shape != (len(attributes), len(labels)) or transitions.shape != (
                len(labels), len(labels)):
            raise ModelError(f"{where}: weight shapes do not fit the labels")
        found = None
        if wanted_trees is not None:
            if trees is None:
                raise ModelError(f"{where}: needs its line trees")
            found = trees()
            if found.digest() != wanted_trees:
                raise ModelError(f"{where}: the line trees given are not the ones it was "
                                 "trained with")
        return cls(attributes, state, transitions, labels, text, found)


def _target(role: str) -> str:
    return {"dateline": "byline", "body": "start", "leadin": "start", "item": "start"}.get(
        role, role)


def _training_tables(twins: Iterable[Twin]) -> tuple[list[LineTable], list[list[str]]]:
    """Every twin's line table and the roles of its non-blank lines."""
    from .twins import gold_line_roles

    tables, ys = [], []
    for twin in twins:
        table = line_table(twin.text)
        gold = gold_line_roles(twin)
        captions = {s.line for s in twin.spans if s.role == "caption"}
        labels = ["caption" if i in captions and gold[i - 1] == "start" else gold[i - 1]
                  for i in table.numbers]
        tables.append(table)
        ys.append([_target(y) for y in labels])
    return tables, ys


def training_sequences(twins: Iterable[Twin]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """(features, labels) of every twin's non-blank lines, without the line-text model's."""
    tables, ys = _training_tables(twins)
    return [t.features() for t in tables], ys


#: Folds of the line-text model's probabilities for the CRF's training lines: each twin's
#: come from a model that never saw it, as a new text's come from one that never saw it.
_TEXT_FOLDS = 5


def _text_features(twins: Sequence[Twin], tables: list[LineTable], ys: list[list[str]],
                   fitted: int) -> tuple[LineText, list[LineTable]]:
    """The line-text model of the first ``fitted`` twins, and every twin's table with
    held-out probabilities: a twin's come from a fold's model that never saw a twin of its
    id (a hard-wrapped copy is read by the model that never saw the twin it was made from)."""
    ids = sorted({t.id for t in twins})
    fold = {doc: k % _TEXT_FOLDS for k, doc in enumerate(ids)}
    own = range(fitted)
    model = fit_line_text([r for i in own for r in tables[i].rows], [y for i in own for y in ys[i]])
    out = list(tables)
    for f in range(_TEXT_FOLDS):
        inside = [i for i in own if fold[twins[i].id] != f]
        held = [i for i in range(len(twins)) if fold[twins[i].id] == f]
        if not held:
            continue
        part = fit_line_text([r for i in inside for r in tables[i].rows],
                             [y for i in inside for y in ys[i]])
        where = [part.roles.index(r) if r in part.roles else -1 for r in model.roles]
        for i in held:
            found = part.proba(tables[i].rows)
            proba = np.where(np.array(where) >= 0, found[:, where], 0.0)
            out[i] = tables[i].with_text(proba, model.roles)
    return model, out


#: The CRF's L1 and L2 penalties, chosen by cross-validation on the train twins
#: (``benchmarks/cv_structure.py --c1 --c2``). 0.05 each until the 642 train twins of
#: 2026-12-05, when 0.1 each scored alike as the pages are (line roles 0.8525 -> 0.8527,
#: headlines 0.792 -> 0.790, paragraphs 0.861 -> 0.861) and higher hard-wrapped (0.8934 ->
#: 0.8945, 0.749 -> 0.749, 0.785 -> 0.789); at 0.05 a line's last character alone (结, that
#: ends many a document site's list of 总结 titles) made a headline furniture.
C1 = 0.1
C2 = 0.1


def train_labeller(twins: Iterable[Twin], *, c1: float = C1, c2: float = C2,
                   max_iterations: int = 200, text: bool = True, trees: bool = True,
                   extra: Iterable[Twin] = ()) -> LineLabeller:
    """Fit the CRF on annotated twins (sklearn-crfsuite, needed for training only), with
    the line-text model's features unless ``text`` is false, and the trees blended into
    its marginals unless ``trees`` is false. The CRF and the trees learn from the
    ``extra`` twins too (hard-wrapped copies, :func:`unionnlp.twins.hard_wrapped`), the
    line-text model from ``twins`` alone, so that every labeller shares it."""
    try:
        import sklearn_crfsuite
    except ImportError as exc:  # pragma: no cover - an extra of training only
        raise ModelError("training the line labeller needs sklearn-crfsuite "
                         "(pip install 'unionnlp[train]')") from exc
    twins = list(twins)
    fitted = len(twins)
    twins += extra
    tables, ys = _training_tables(twins)
    text_model = None
    if text:
        text_model, tables = _text_features(twins, tables, ys, fitted)
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=max_iterations,
                               all_possible_transitions=True)
    attributes_of = [t.features() for t in tables]
    crf.fit(attributes_of, ys)
    line_trees = fit_line_trees(attributes_of, ys) if trees else None
    labels = LABELS
    index = {label: j for j, label in enumerate(labels)}
    attrs = sorted({a for (a, _), w in crf.state_features_.items() if w})
    attributes = {a: i for i, a in enumerate(attrs)}
    state = np.zeros((len(attrs), len(labels)))
    for (a, label), w in crf.state_features_.items():
        if a in attributes and label in index:
            state[attributes[a], index[label]] = w
    transitions = np.zeros((len(labels), len(labels)))
    for (a, b), w in crf.transition_features_.items():
        if a in index and b in index:
            transitions[index[a], index[b]] = w
    return LineLabeller(attributes, state, transitions, labels, text_model, line_trees)


#: The seed of the hard-wrapped copies the labeller of hard-wrapped pages learns from
#: (``unionnlp evaluate --real --wrapped`` wraps the held-out twins with another).
WRAP_SALT = "train"


def train_wrapped_labeller(twins: Sequence[Twin], *, c1: float = C1,
                           c2: float = C2) -> LineLabeller:
    """The labeller of hard-wrapped pages: the CRF fitted on the twins and their
    hard-wrapped copies (those that differ), with the twins' line-text model."""
    from .twins import hard_wrapped

    copies = [w for w, t in zip(hard_wrapped(twins, WRAP_SALT), twins, strict=True)
              if w.text != t.text]
    return train_labeller(twins, c1=c1, c2=c2, extra=copies)


@cache
def _packaged_line_text() -> LineText:
    try:
        data = (files("unionnlp") / "resources").joinpath("linetext.npz").read_bytes()
    except OSError as exc:
        raise ModelError(f"the packaged line model is missing: {exc}") from exc
    return LineText.load(data, "resources/linetext.npz")


def _packaged(name: str) -> LineLabeller:
    folder = files("unionnlp") / "resources"
    try:
        data = folder.joinpath(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ModelError(f"the packaged line model is missing: {exc}") from exc
    trees_name = tree_file(name)

    def trees() -> LineTrees:
        try:
            blob = folder.joinpath(trees_name).read_bytes()
        except OSError as exc:
            raise ModelError(f"the packaged line trees are missing: {exc}") from exc
        return LineTrees.load(blob, f"resources/{trees_name}")

    return LineLabeller.from_json(data, f"resources/{name}", _packaged_line_text(), trees)


def tree_file(name: str) -> str:
    """The file of the trees that go with the packaged labeller ``name``."""
    return name.replace("linerole", "linetrees").replace(".json", ".npz")


@cache
def default_labeller() -> LineLabeller:
    """The packaged line model, trained on the real-shaped twins' train split."""
    return _packaged("linerole.json")


@cache
def wrapped_labeller() -> LineLabeller:
    """The packaged line model for hard-wrapped pages (:func:`wrapped_page`): trained on the
    train twins and their hard-wrapped copies, with the line-text model of the first."""
    return _packaged("linerole_wrapped.json")


#: A hard-wrapped page: this many lines at least, and this share of its lines, break off a
#: clause (unnumbered, with a comma in them, they end on a character, not a mark) right
#: above the next line. On the train twins it takes 8 of the 520 pages as they are (7 of them
#: hard-wrapped) and 461 of their 519 hard-wrapped copies (``hard_wrapped(twins, "cv")``).
_WRAPPED_LINES, _WRAPPED_SHARE = 3, 0.25
#: ... or this share of its lines fill the page's width (:func:`unionnlp.repair.page_width`)
#: and end on a character right above the next line, comma or not (a page of short
#: sentences and numbered items breaks few clauses at its width). With it, 509 of the 519
#: copies read as hard-wrapped, and 10 of the 520 pages as they are: 8 of them continue a
#: quarter of their lines or more, 2 (traditional-character news lists) hardly any.
_FULL_SHARE = 0.15


def wrapped_page(view: str) -> bool:
    """Whether a text (its analysis view) reads as hard-wrapped, as a PDF's text extraction
    gives it, so that the labeller of such pages reads it."""
    rows = view.split("\n")
    kept = [(i, r.strip()) for i, r in enumerate(rows) if r.strip()]
    runs_on = [(i, r) for (i, r), (j, _) in itertools.pairwise(kept)
               if j == i + 1 and len(r) >= 10 and numbering(r)[0] is None
               and _char_class(r.rstrip(_CLOSERS)[-1:]) in ("han", "digit", "latin")]
    # lines.breaks_off, but a digit group's comma (25,000) counts here: read without it, one
    # hard-wrapped copy of the train twins fewer takes this labeller (460 of 519), and the
    # folds' paragraphs read 0.740 -> 0.739.
    broken = sum(1 for _, r in runs_on if "，" in r or "," in r)
    if broken >= _WRAPPED_LINES and broken >= _WRAPPED_SHARE * len(kept):
        return True
    width = page_width(view)
    if width is None:
        return False
    full = sum(1 for i, _ in runs_on if display_width(rows[i].rstrip()) >= width - RAGGED)
    return full >= _WRAPPED_LINES and full >= _FULL_SHARE * len(kept)


#: The line kind each of the labeller's other roles stands for.
_KINDS: dict[str, LineKind] = {"furniture": "furniture", "subtitle": "subtitle",
                               "byline": "byline", "start": "body", "cont": "body"}


#: How sure the labeller must be of a line's role to overrule the rules: chosen per (the
#: rules' kind, the labeller's role) by cross-validation on the train twins, counting where
#: an overrule at each probability would set a line right or wrong against the annotation.
#: A title below a page's first three lines, which opens a new article, needed 0.97 until
#: the line trees came; with them, its titles there set 93 lines right and 4 wrong at 0.7,
#: 115 and 6 at 0.5 (``benchmarks/cv_overrule.py``, row ``headline mid -> title``), and in
#: the end-to-end folds headline F1 reads 0.7852 at 0.97, 0.7938 at 0.6 and 0.7953 at 0.5
#: (hard-wrapped 0.7438, 0.7523, 0.7545), the real newspaper page keeping its four
#: articles at every bar. On the 1,118 train twins of 2026-12-06 the bar for every pair not
#: listed below came down from 0.5 to 0.35: in the end-to-end folds (fold labellers trained
#: once) headline F1 reads 0.8160 at 0.5, 0.8172 at 0.45, 0.8214 at 0.4, 0.8223 at 0.35 and
#: 0.8225 at 0.3 (hard-wrapped 0.7709, 0.7758, 0.7802, 0.7831, 0.7841), line roles and
#: paragraphs 0.8692 / 0.8770 at 0.5 and 0.8699 / 0.8776 at 0.35: the labeller sets aside
#: lines the rules took for headlines (a photo's note, a reporter's name and post, a date).
CONFIDENT = 0.35
#: ... except for these. Body text made furniture needs 0.75: in the end-to-end folds of the
#: 1,118 train twins (fold labellers trained once) line roles and paragraphs read 0.8735 /
#: 0.8835 at 0.9 (the bar until 2026-12-06), 0.8763 / 0.8867 at 0.8, 0.8767 / 0.8874 at 0.75,
#: 0.8773 / 0.8880 at 0.7 and 0.8779 / 0.8896 at 0.5 (what it sets right: a document-sharing
#: site's blurbs, a page's `标签:` and `相关附件:` lines, a newspaper's page header); below 0.75
#: it takes a flattened text that opens with its title again (0.71) and, at 0.5, a pasted
#: table's cells; no line is made a table row (the twins' tables are few and unlike each other:
#: of the lines it read as rows at any bar none was one, 0 right and 8 wrong at 0.5; a
#: paragraph's ``kind`` is ``table`` only where the rules find cells); unnumbered body text
#: is never made a headline (at every bar more lines went wrong than right; a numbered line
#: needs ``_NUMBERED_HEADING``); a headline made a paragraph start
#: needs 0.6 (38 lines set right and 8 wrong, against 16 and 1 at 0.95, the bar until
#: 2026-12-05, set when a section headline of a written report went at 0.8; at 0.6 the
#: written reports' headlines stay as they are); a caption, which the rules have no notion
#: of, 0.8 (10 right and 1 wrong; 4 wrong at 0.6), and 0.8 for a headline (below, it set no
#: line right and one wrong); a headline made a ——subtitle 0.8 (below, as many lines went
#: wrong as right, or more).
_SURE = {("body", "furniture"): 0.75, ("body", "heading"): math.inf, ("body", "caption"): 0.8,
         ("headline", "caption"): 0.8, ("headline", "start"): 0.6, ("headline", "subtitle"): 0.8}
#: The roles the labeller reads but never gives a line: a table row (see above).
_NEVER = frozenset({"table"})
#: Lines the labeller's title never goes to: a bullet's item (a teaser of another story,
#: furniture or an item in all but 7 of the twins' 416 such lines) and a summary's label.
_NO_TITLE = regex(r"^[●◆■▲•◎]|^(?:摘要|导读|内容提要|核心提示|编者按)[:：]")
#: The bars on hard-wrapped pages (:func:`wrapped_page`), where the labeller of such pages
#: reads the lines, chosen the same way on the train twins hard-wrapped
#: (``benchmarks/cv_overrule.py --wrapped``): a headline made a paragraph start needs 0.5
#: there (802 lines set right and 40 wrong, against 503 and 9 at 0.95), as the first line of
#: a paragraph broken at the page's width reads like a short headline to the rules; a line
#: the rules set aside that it reads as a paragraph's needs 0.5 (427 set right and 8 wrong
#: when the rules still read runs of a paragraph's short lines as a table of contents; 13
#: and 1 since they do not); body text made furniture 0.6 (444 right and 45 wrong at 0.7,
#: against 411 and 37 at 0.9; in the end-to-end folds of 2026-12-06 the hard-wrapped copies'
#: line roles and paragraphs read 0.9025 / 0.7974 at 0.7, 0.9033 / 0.7988 at 0.6 and
#: 0.9036 / 0.8001 at 0.5; the bar stays above 0.5 with the bar of pages as they are).
_SURE_WRAPPED = {**_SURE, ("headline", "start"): 0.5, ("furniture", "start"): 0.5,
                 ("furniture", "cont"): 0.5, ("body", "furniture"): 0.6}
#: How sure the labeller must be that a line opens a paragraph for the rules not to join it
#: to the paragraph right above (:func:`unionnlp.repair.repair`): chosen on the five folds of
#: the train twins. At 0.5, 0.7, 0.8 and 0.9, line roles on pages as they are 0.8735,
#: 0.8732, 0.8729, 0.8722 (0.8694 without), on their hard-wrapped copies 0.9025, 0.9026,
#: 0.9023, 0.9020 (0.9019); headlines 0.8222 on pages as they are at every bar.
_OPENS = 0.5
#: A line the rules cut into pieces keeps the rules' kinds, save a piece of text or a
#: headline on a line the rules set partly aside and the labeller reads whole as furniture at
#: this bar (a date, then `发布: 点击数:`, or `通知书` after it). In the end-to-end folds of the
#: train twins line roles and paragraphs read 0.8771 / 0.8876 without, 0.8778 / 0.8882 at 0.9
#: and 0.95, 0.8776 / 0.8880 at 0.99 (pieces of text). Headlines' pieces too: line roles /
#: headlines 0.8813 / 0.8246 -> 0.8820 / 0.8270, on hard-wrapped copies 0.9070 / 0.7937 ->
#: 0.9073 / 0.7954 (0.7960 and 0.7963 at 0.8 and 0.7, with paragraphs 0.8065 -> 0.8062, 0.8061).
_PIECE_FURNITURE = 0.9
#: How sure the labeller must be that a line the rules set aside is a title to make it one:
#: a title standing among a page's header lines, which the rules read as furniture with
#: them. In the end-to-end folds of the train twins line roles read 0.8780 without, 0.8791
#: at 0.5, 0.8788 at 0.6, 0.8786 at 0.7, 0.8783 at 0.8 and 0.9 (16 lines set right and 5
#: wrong at 0.5); headlines and paragraphs do not move.
_FURNITURE_TITLE = 0.5
#: How sure the labeller must be that a line the rules read as a table row is furniture to
#: set it aside: a page's button bar or menu, its items spaced out like a table's cells
#: (``[保存]     [全文浏览]     [打印]``). A table with a cell that is a number holds figures,
#: and stays (:func:`_tables_of_figures`). In the end-to-end folds of the train twins line
#: roles / paragraphs read 0.8797 / 0.8890 without, 0.8799 / 0.8892 at 0.8, 0.95 and 0.99;
#: on their hard-wrapped copies 0.9059 / 0.8033 without, 0.9067 / 0.8052 at 0.8 and 0.95,
#: 0.9066 / 0.8050 at 0.99. (Without the guard for figures, at 0.95, 31 lines were set right
#: and 7 wrong, a handbook's table of its revisions and their dates.)
_TABLE_FURNITURE = 0.95
#: How sure the labeller must be that the line under a headline that ends no sentence
#: continues it, where it does not read the headline as a heading, to make that headline a
#: paragraph's first line (``工联会今日举办「龙腾飞跃庆新春联欢会`` / ``暨发展及巩固会员颁奖礼」，…``).
#: In the end-to-end folds of the train twins line roles / headlines / paragraphs read
#: 0.8794 / 0.8240 / 0.8885 without, 0.8796 / 0.8246 / 0.8888 at 0.6, 0.7 and 0.8, 0.8794 /
#: 0.8240 / 0.8885 at 0.9; on their hard-wrapped copies 0.9057 / 0.7906 / 0.8028 without,
#: 0.9058 / 0.7945 / 0.8022 at 0.6, 0.9059 / 0.7944 / 0.8026 at 0.7, 0.9059 / 0.7937 /
#: 0.8029 at 0.8, 0.9059 / 0.7930 / 0.8032 at 0.9.
_RUNS_ON = 0.8
#: The rules' kinds the labeller may overrule: cross-validation on the train twins shows it
#: right far more often than the rules on these (furniture and headlines among body lines,
#: furniture among headlines); the rules' tables, title-block lines and furniture stand,
#: save a line set aside that it is sure is a headline (``_FURNITURE_HEADING``) or a title
#: (``_FURNITURE_TITLE``), and a table row it is sure is furniture (``_TABLE_FURNITURE``).
_OVERRULED = frozenset({"body", "headline"})
#: On hard-wrapped pages the labeller may also take back a line the rules set aside, where it
#: reads a paragraph's line there (a paragraph broken at the page's width is a run of short
#: lines with no mark at their end, which the rules may read as a table of contents), at the
#: bars of ``_SURE_WRAPPED``. A headline only at ``_FURNITURE_HEADING``, as on every page
#: (``benchmarks/cv_overrule.py --wrapped``: 5 lines set right and 1 wrong at 0.9; 7 and 3
#: at 0.5).
_OVERRULED_WRAPPED = _OVERRULED | {"furniture"}
_FROM_FURNITURE = frozenset({"start", "cont"})
#: The marks that end a sentence or a clause as a full stop does.
_STOPS = "。！？；;!?"
_INNER_STOP = regex(f"[{_STOPS}]")


def _inner_stop(view: str) -> bool:
    """Whether a line ends a sentence before its end: a run of marks at its end
    (``第二章 机构与人员??``, where an extraction lost two characters) is its end."""
    return _INNER_STOP.search(view.rstrip(_STOPS + " ")) is not None


#: What no title of the train twins does: end on a clause mark (a lead into a list, a
#: sentence cut by a wrap) or hold two commas.
_CLAUSE_END = frozenset("，,、：:；;。")


def _reads_on(view: str) -> bool:
    """Whether a line reads as running text, not as a title."""
    return view.rstrip(_CLOSERS)[-1:] in _CLAUSE_END or view.count("，") + view.count(",") > 1


#: A lead-in and its sentence (第一部分：全市……。): no headline of the train twins holds a
#: colon before a full stop at its end.
_LEAD_THEN_TEXT = regex("[：:].")
#: How sure the labeller must be to make a numbered line the rules read as text a headline.
_NUMBERED_HEADING = 0.7
#: ... and to make it one when it is longer than a headline (``HEADLINE_MAX``), a numbered
#: heading that is a whole sentence standing alone ((一)在……，持续提升工会工作的整体水平。).
#: In the end-to-end folds of the train twins (fold labellers trained once, a script not
#: kept), headline F1 0.7979 → 0.8004 at 0.9 (0.8006 at 0.8), paragraphs 0.8651 → 0.8648.
_NUMBERED_LONG = 0.9
#: How sure the labeller must be to make a line the rules set aside a headline (本會任務,
#: 第二章資金來源……, a numbered headline the rules took for a table of contents):
#: ``benchmarks/cv_overrule.py`` (row ``furniture -> heading``) counts 10 lines set right
#: and 1 wrong at 0.9 (11 and 3 at 0.8); in the end-to-end folds headline F1 0.8004 →
#: 0.8044 (hard-wrapped 0.7571 → 0.7604), the same at 0.8 and 0.7.
_FURNITURE_HEADING = 0.9
#: How sure the labeller must be to make a numbered headline ((一)扩大组织覆盖。) a paragraph's
#: first line. Read off ``benchmarks/cv_overrule.py`` (row ``headline numbered -> start``, 834
#: train twins): 10 lines set right and 4 wrong at 0.6, the bar of other headlines; 10 and 2
#: at 0.7; 8 and 2 at 0.8. Not on hard-wrapped pages, where the bar of other headlines, 0.5,
#: does best (``--wrapped``: 102 and 28 at 0.5, 93 and 24 at 0.6, 81 and 20 at 0.7).
_NUMBERED_START = 0.7
#: How sure the labeller must be to call a numbered headline (一、 （二） 3.) furniture: a
#: table of contents is the rules' to find, and a numbered line is seldom anything else.
_NUMBERED_FURNITURE = 0.95
#: How sure the labeller must be to set aside the first line of a page the rules read as a
#: headline (the lines above it, if any, furniture to the rules): the rules make it the page's
#: title, which it is more often than a headline elsewhere. Read off ``benchmarks/cv_overrule.py``
#: (row ``headline first -> furniture``): at 0.5, 0.6, 0.7 it sets 79/11, 79/7, 77/6 lines
#: right/wrong on the train twins, and 80/17, 77/11, 75/9 on their hard-wrapped copies; 0.6
#: and 0.7 are one line apart, and 0.7 is what the end-to-end folds measured.
_FIRST_HEADLINE_FURNITURE = 0.7
#: How sure the labeller must be to set aside a line that reads as a paragraph (see
#: :func:`_reads_as_paragraph`) between two lines it reads as text: a news item's paragraph
#: about a film (专题短片《…三代人:接续奋斗 写就…》展现……。), whose colon and space inside
#: the title look like a menu's, was set aside at 0.75. Read off the train twins with the
#: packaged labeller (no fold labellers: training five under the load of the time did
#: not fit): no such line is set aside at any bar, and the one paragraph-like line set
#: aside at 0.75 to 0.9 that is not between text lines is furniture (a 范文 site's blurb).
_FURNITURE_AMID_TEXT = 0.9
#: A sentence's end at a line's end, a closing quote after it allowed.
_SENTENCE_END = regex(r"[。！？!?][”’」』]?$")


def _reads_as_paragraph(view: str) -> bool:
    """Whether a line reads as a paragraph of text: 40 characters or more, a comma inside,
    a sentence's end at its end."""
    view = view.strip()
    return len(view) >= 40 and ("，" in view or "," in view) \
        and _SENTENCE_END.search(view) is not None


#: How often a line is printed for it to be a running header (a title over every page).
_RUNNING_REPEATS = 3


def _before_page_number(line: Line | None) -> bool:
    return line is not None and PAGE_NUMBER.fullmatch(line.view) is not None


#: A speech's salutation (同志们：): the line after it opens the speech's first paragraph.
_SALUTATION = regex(next(e.pattern for e in lexicon().furniture
                              if e.name == "salutation of a speech"))


def _opens_or_runs_on(before: Line | None, prior: Line | None) -> bool:
    """Whether the text line after ``before`` is text whatever the labeller says: it opens
    a speech after its salutation, or runs on across a page number from a line ``prior``
    that stops mid-sentence."""
    if before is None:
        return False
    if _SALUTATION.fullmatch(before.view):
        return True
    return (_before_page_number(before) and prior is not None and prior.kind == "body"
            and prior.view.rstrip(_CLOSERS)[-1:] not in _FINAL)


def _caption_blocks(lines: Sequence[Line], best: dict[int, tuple[str, float]],
                    repeats: Counter[str]) -> set[int]:
    """The numbers of lines in runs of two or more adjacent lines (no blank line between)
    that the labeller all reads as captions, none printed twice (``repeats`` counts each
    line's prints)."""
    numbers = sorted({x.number for x in lines})
    view = {x.number: x.view for x in lines}
    found: set[int] = set()
    run: list[int] = []
    for n in [*numbers, -2]:
        if run and (n != run[-1] + 1 or best.get(n, ("", 0.0))[0] != "caption"):
            if len(run) > 1 and all(repeats[view[k]] == 1 for k in run):
                found.update(run)
            run = []
        if best.get(n, ("", 0.0))[0] == "caption":
            run.append(n)
    return found


def _amid_text(before: Line | None, after: Line | None,
               best: Mapping[int, tuple[str, float]]) -> bool:
    """Whether the lines around a line are both text the labeller reads as text (a
    paragraph's first line or its continuation, or a caption)."""
    return all(x is not None and x.kind == "body"
               and best.get(x.number, ("", 0.0))[0] in ("start", "cont", "caption")
               for x in (before, after))


def _apart(line: Line, before: Line | None, after: Line) -> bool:
    """Whether blank lines stand above and below ``line``."""
    return after.number > line.number + 1 and (before is None or before.number < line.number - 1)


def _names_a_topic(view: str) -> bool:
    """Whether a line reads as a short topic line: unnumbered, at most half a headline's
    longest, with no colon, no sentence end and no clause running on."""
    return (len(view) <= HEADLINE_MAX // 2 and numbering(view)[0] is None
            and not _LEAD_THEN_TEXT.search(view) and not _INNER_STOP.search(view)
            and view.rstrip(_CLOSERS)[-1:] not in _FINAL and not _reads_on(view))


def _numbered(line: Line | None) -> bool:
    return line is not None and line.kind == "headline" and line.style not in (None, "plain")


def relabel(lines: Sequence[Line], text: str, view: str | None = None, *,
            labeller: LineLabeller | None = None,
            keep: Callable[[Line], bool] | None = None,
            wrapped: bool | None = None) -> list[Line]:
    """``lines`` (from :func:`unionnlp.lines.split_lines`) with the kinds the labeller gives
    their source lines where it is sure; a line cut into several pieces, a line a
    format marked, and a line ``keep`` says the rules decide keep the rules' kinds. A body
    line it reads as a paragraph's first (at :data:`_OPENS`) is marked ``opens``.
    ``wrapped``: :func:`wrapped_page` of the page, when the caller has it already."""
    page = normalize(text) if view is None else view
    if wrapped is None:
        wrapped = wrapped_page(page)
    model = labeller or (wrapped_labeller() if wrapped else default_labeller())
    bars = _SURE_WRAPPED if wrapped else _SURE
    overruled = _OVERRULED_WRAPPED if wrapped else _OVERRULED
    pieces = Counter(x.number for x in lines)
    table = model.table(text, page, rule_kinds(lines))
    numbers, probs = table.numbers, model.marginals(table)
    best: dict[int, tuple[str, float]] = {}
    lean: dict[int, float] = {}
    heading, start = model.labels.index("heading"), model.labels.index("start")
    for i, row in zip(numbers, probs, strict=True):
        top = int(row.argmax())
        best[i - 1] = (model.labels[top], float(row[top]))
        lean[i - 1] = float(row[heading] - row[start])
    out: list[Line] = []
    repeats = Counter(x.view for x in lines)
    debug = logger.isEnabledFor(logging.DEBUG)
    seen: set[str] = set()
    following = dict(itertools.pairwise(sorted({x.number for x in lines})))
    preceding = {b: a for a, b in following.items()}
    by_number = {x.number: x for x in lines}
    # A line printed again right under a page number heads every page: a running header.
    running = {x.view for x in lines if repeats[x.view] > 1
               and _before_page_number(by_number.get(preceding.get(x.number, -1)))}
    in_block = _caption_blocks(lines, best, repeats)
    furniture_pieces = {x.number for x in lines if x.kind == "furniture"}
    of_figures = _tables_of_figures(lines)
    first = next((x for x in lines if x.kind != "furniture"), None)
    first_headline = first if first is not None and first.kind == "headline" else None
    for x in lines:
        role, p = best.get(x.number, ("", 0.0))
        need = bars.get((x.kind, role), CONFIDENT)
        if role == "heading" and x.kind == "body" and numbering(x.view)[0] is not None:
            need = _NUMBERED_HEADING
        elif (role == "start" and x.kind == "headline" and not wrapped
              and numbering(x.view)[0] is not None):
            need = max(need, _NUMBERED_START)
        if role == "furniture" and _numbered(x):
            need = max(need, _NUMBERED_FURNITURE)
        elif role == "furniture" and x is first_headline:
            need = max(need, _FIRST_HEADLINE_FURNITURE)
        elif role == "furniture" and x.kind == "body" and _reads_as_paragraph(x.view) \
                and _amid_text(by_number.get(preceding.get(x.number, -1)),
                               by_number.get(following.get(x.number, -1)), best):
            need = max(need, _FURNITURE_AMID_TEXT)
        if p < need or role in _NEVER or (role == "title" and _NO_TITLE.match(x.view)):
            role = ""
        if role in ("title", "heading", "caption") and (
                (role != "caption" and x.view in seen)
                or _before_page_number(by_number.get(following.get(x.number, -1)))):
            # A line printed again (a running header) is no new title, and a page number
            # never follows a headline or a caption: the text before it runs on after it.
            # The rules read both.
            role = ""
        after = by_number.get(following.get(x.number, -1))
        before = by_number.get(preceding.get(x.number, -1))
        if role == "furniture" and x.kind == "body" and _opens_or_runs_on(
                before, by_number.get(preceding.get(before.number, -1)) if before else None):
            role = ""
        if role == "caption" and x.kind == "body" and x.number in in_block:
            # Captions stand apart: lines of text that run on into each other, all read as
            # captions, are a paragraph (no train twin holds such a block, save a gallery
            # that prints each caption twice).
            role = ""
        if role == "furniture" and _numbered(x) and after is not None \
                and best.get(after.number, ("", 0.0))[0] == "start":
            # A table of contents lists headlines one after another; a numbered headline
            # over a paragraph heads it.
            role = ""
        if role in ("start", "cont") and x.kind == "headline" and after is not None \
                and _apart(x, before, after) and best.get(after.number, ("", 0.0))[0] == "start" \
                and _names_a_topic(x.view):
            # A paragraph does not stop mid-sentence: a short unnumbered headline standing
            # between blank lines, that the labeller reads as text while it reads the next
            # line as a new paragraph, is a headline after all.
            role = ""
        outline = role == "furniture" and _numbered(x) and (_numbered(before) or _numbered(after))
        if x.kind == "headline" and role in ("furniture", "start", "cont") and x.view not in seen \
                and ((after is not None and after.kind == "subtitle") or outline
                     or (role == "furniture" and (repeats[x.view] >= _RUNNING_REPEATS
                                                  or x.view in running))):
            # As the rules read them: a headline right above a ——subtitle opens a title
            # block; one printed again on every page or under a page number (a running
            # title) is a title where it first stands (the repeats are furniture);
            # numbered headlines next to each other are an outline (a table of contents,
            # five or more in a row, is the rules' furniture already).
            role = ""
        seen.add(x.view)
        lifted = x.kind == "furniture" and ((role == "heading" and p >= _FURNITURE_HEADING)
                                            or (role == "title" and p >= _FURNITURE_TITLE))
        if x.kind == "furniture" and role not in _FROM_FURNITURE and not lifted:
            role = ""
        cut = pieces[x.number] > 1 and not (
            role == "furniture" and x.kind in ("body", "headline") and p >= _PIECE_FURNITURE
            and x.number in furniture_pieces)
        set_aside = x.kind == "table" and role == "furniture" and p >= _TABLE_FURNITURE \
            and x.number not in of_figures
        if (not role or (x.kind not in overruled and not lifted and not set_aside) or cut
                or x.hint is not None or style_depth(x.style) is not None
                or (keep is not None and keep(x))):
            out.append(x)
        elif role == "title":
            # The labeller's title opens a title block (a new article on a page of several).
            out.append(x if _inner_stop(x.view) or len(x.view) > 2 * HEADLINE_MAX
                       or _reads_on(x.view) else replace(x, kind="title", style=None))
        elif role == "heading":
            # A line that goes on into its paragraph (一、组织建设。全年新建……) keeps its
            # heading as the paragraph's lead-in.
            # So does an unnumbered line that ends a sentence: a headline names a topic
            # (the end of a paragraph cut over lines reads like a short headline), and a
            # numbered one that holds a lead-in and its sentence.
            style = numbering(x.view)[0]
            if x.kind == "body" and (
                    (len(x.view) > HEADLINE_MAX and not (style and p >= _NUMBERED_LONG))
                    or _inner_stop(x.view)
                    or (x.view.rstrip(_CLOSERS)[-1:] in _FINAL
                        and (style is None or _LEAD_THEN_TEXT.search(x.view)))):
                out.append(x)
            elif x.kind != "headline":
                out.append(replace(x, kind="headline", style=style or "plain"))
            else:
                out.append(x)
        elif role == "caption":
            # A caption is a paragraph of its own: never glued to the text around it.
            out.append(replace(x, kind="caption", style=None))
        else:
            kind = _KINDS[role]
            out.append(x if kind == x.kind else
                       replace(x, kind=kind, style=x.style if kind == "body" else None))
        if debug and out[-1].kind != x.kind:
            logger.debug("line %d: %s by the labeller (%s, p=%.2f), the rules said %s: %.30s",
                         x.number + 1, out[-1].kind, role, p, x.kind, x.text)
    out = _titles_going_on(lines, out, pieces)
    out = [replace(x, kind="title", style=None)
           if x.kind in _OVERRULED and pieces[x.number] == 1 and x.hint is None
           and opens_model_text(x.view) else x for x in out]
    # Where the labeller reads a paragraph's first line, the rules do not run the paragraph
    # above on into it (a paragraph of a web page that ends without a full stop).
    starts = {i for i, (role, p) in best.items() if role == "start" and p >= _OPENS}
    out = [replace(x, opens=True) if x.kind == "body" and pieces[x.number] == 1
           and x.number in starts else x for x in out]
    out = _headlines_running_on(out, best, lambda x: pieces[x.number] == 1 and x.hint is None
                                and style_depth(x.style) is None
                                and not (keep is not None and keep(x)))
    movable = [k for k, x in enumerate(out) if pieces[x.number] == 1 and x.hint is None
               and style_depth(x.style) is None and not (keep is not None and keep(x))]
    return _siblings_alike(out, movable, lean)


def _titles_going_on(lines: Sequence[Line], out: list[Line], pieces: Counter[int]) -> list[Line]:
    """A title printed over two lines goes on where its second line opens with 及, 暨 or
    以及 (…2024年工作总结 / 及2025年工作谋划务虚会): that line is the title's, whatever the
    labeller read (the twins' three such lines are all the title's)."""
    kept = list(out)
    for k in range(1, len(kept)):
        x, before = kept[k], kept[k - 1]
        if (before.kind == "title" and lines[k].kind in _OVERRULED and x.kind != "title"
                and x.number == before.number + 1 and pieces[x.number] == 1 and x.hint is None
                and _TITLE_GOES_ON.match(x.view) and len(x.view) <= HEADLINE_MAX
                and not _inner_stop(x.view) and x.view.rstrip(_CLOSERS)[-1:] not in _FINAL):
            kept[k] = replace(x, kind="title", style=None)
    return kept


#: How the second line of a title printed over two opens.
_TITLE_GOES_ON = regex(r"^(?:及(?!时)|暨|以及)\S")


def _tables_of_figures(lines: Sequence[Line]) -> set[int]:
    """The numbers of the lines in runs of table rows, one under the other, where a row has
    a cell that is a number: a table of figures, its head row too, never a menu."""
    out: set[int] = set()
    run: list[Line] = []
    for x in [*lines, None]:
        if x is not None and x.kind == "table" and (not run or x.number == run[-1].number + 1):
            run.append(x)
            continue
        if any(_NUMERIC.match(word) for row in run for word in row.view.split()):
            out.update(row.number for row in run)
        run = [x] if x is not None and x.kind == "table" else []
    return out


def _headlines_running_on(lines: list[Line], best: Mapping[int, tuple[str, float]],
                          movable: Callable[[Line], bool]) -> list[Line]:
    """``lines`` with a headline that ends no sentence made a paragraph's first line where
    the labeller reads the line right under it as its continuation (at :data:`_RUNS_ON`)
    and does not read the headline itself as a heading: a headline's text does not run on
    into the next line, a paragraph's does (a page's width cut it). Only ``movable`` lines
    change."""
    out = list(lines)
    for k, (x, below) in enumerate(itertools.pairwise(lines)):
        role, p = best.get(below.number, ("", 0.0))
        if x.kind == "headline" and below.kind == "body" and below.number == x.number + 1 \
                and role == "cont" and p >= _RUNS_ON and best.get(x.number, ("",))[0] != "heading" \
                and not ends_sentence(x.view) and movable(x):
            out[k] = replace(x, kind="body", style=None)
    return out


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


_LAST_DIGITS = regex(r"[0-9]+(?=[^0-9]*$)")


def _ordinal(marker: str) -> int | None:
    """The number a list marker counts (十二、 → 12, ③ → 3, 14. → 14, 1.2.3 → 3), None if
    none."""
    from .figures import chinese_integer

    digits = _LAST_DIGITS.search(marker)
    if digits:
        return int(digits.group())
    circled = next((c for c in marker if c in _CIRCLED), None)
    if circled is not None:
        return _CIRCLED.index(circled) + 1
    return chinese_integer("".join(c for c in marker if c in "一二两三四五六七八九十百零〇"))


def _siblings_alike(lines: list[Line], movable: Sequence[int],
                    lean: Mapping[int, float]) -> list[Line]:
    """``lines`` with the numbered lines of one list (3. after 2. after 1. in one style),
    split between headlines and paragraphs, all made headlines where the list as a whole
    leans to headlines: siblings share a role. ``lean`` is each source line's probability
    of a heading less that of a paragraph start; only ``movable`` lines change. (Making
    the list's headlines paragraphs where it leans the other way lost headline F1 in
    cross-validation on the train twins.)"""
    numbered: list[tuple[int, Style, int | None]] = []
    for k in movable:
        x = lines[k]
        style, width = numbering(x.view)
        value = _ordinal(x.view[:width]) if style is not None else None
        if style is not None and value is not None and x.kind in ("headline", "body"):
            numbered.append((k, style, value))
    style_of = {k: style for k, style, _ in numbered}
    out = list(lines)
    for members in _numbered_lists(numbered):
        style = style_of[members[0]]
        if len({lines[k].kind for k in members}) < 2 \
                or sum(lean.get(lines[k].number, 0.0) for k in members) <= 0:
            continue
        for k in members:
            x = lines[k]
            if x.kind == "body" and len(x.view) <= HEADLINE_MAX \
                    and not _inner_stop(x.view):
                out[k] = replace(x, kind="headline", style=style)
    return out

