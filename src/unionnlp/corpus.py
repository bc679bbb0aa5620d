"""The labelled corpus of union reports that ships with unionnlp (see corpus/README.md).

Reports are ``docs/<id>.txt``; ``meta/*.jsonl`` describes them; ``labels/*.jsonl``
labels their body paragraphs by theme, pointing into the report by exact text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from .errors import CorpusError, UnionNLPError
from .model import THEMES

__all__ = [
    "Corpus",
    "CorpusDoc",
    "LabelledParagraph",
    "corpus_root",
    "load_corpus",
    "read_jsonl",
]


@dataclass(frozen=True)
class CorpusDoc:
    """One report of the corpus and its metadata."""

    id: str
    text: str
    form: str
    level: str
    region: str
    year: int
    split: str
    title: str
    reference_summary: tuple[str, ...]


@dataclass(frozen=True)
class LabelledParagraph:
    """A body paragraph, where it stands in its report, and its theme labels."""

    doc: str
    text: str
    labels: tuple[str, ...]
    offset: int


@dataclass(frozen=True)
class Corpus:
    """Reports by id and their labelled paragraphs, in a stable order."""

    docs: Mapping[str, CorpusDoc]
    paragraphs: tuple[LabelledParagraph, ...]

    def split(self, name: str) -> Corpus:
        """The documents of one split (``train`` or ``test``) and their paragraphs."""
        docs = {k: d for k, d in self.docs.items() if d.split == name}
        return Corpus(docs, tuple(p for p in self.paragraphs if p.doc in docs))


def corpus_root() -> Traversable:
    """The packaged corpus; in a source checkout, the repository's ``corpus/``."""
    packaged = files("unionnlp").joinpath("corpus")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "corpus"
    if checkout.is_dir():
        return checkout
    raise CorpusError("the unionnlp corpus is missing from this installation")


def read_jsonl(text: str, where: str, error: type[UnionNLPError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON Lines text; ``error`` names
    ``where`` and the line when one is not a JSON object."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}:{number}: not JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise error(f"{where}:{number}: not a JSON object")
        yield number, record


def _jsonl(folder: Traversable) -> Iterator[tuple[str, int, dict[str, Any]]]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            text = entry.read_text(encoding="utf-8")
            for number, record in read_jsonl(text, entry.name, CorpusError):
                yield entry.name, number, record


def load_corpus(root: Traversable | Path | None = None) -> Corpus:
    """Load and check a corpus (the packaged one by default).

    Raises CorpusError for an unknown label, a paragraph that is not in its
    report, a duplicate paragraph, or metadata without a report.
    """
    return _load(root) if root is not None else _packaged()


@cache
def _packaged() -> Corpus:
    return _load(corpus_root())


def _load(root: Traversable | Path) -> Corpus:
    root = Path(root) if isinstance(root, str) else root
    texts = {
        e.name[:-4]: e.read_text(encoding="utf-8")
        for e in sorted(root.joinpath("docs").iterdir(), key=lambda e: e.name)
        if e.name.endswith(".txt")
    }
    docs: dict[str, CorpusDoc] = {}
    for name, number, m in _jsonl(root.joinpath("meta")):
        doc_id = str(m.get("id"))
        if doc_id not in texts:
            raise CorpusError(f"meta/{name}:{number}: no report docs/{doc_id}.txt")
        summary = m.get("reference_summary") or []
        if not isinstance(summary, list):
            raise CorpusError(f"meta/{name}:{number}: reference_summary must be a list")
        split = str(m.get("split"))
        if split not in ("train", "test"):
            raise CorpusError(f"meta/{name}:{number}: split must be train or test")
        docs[doc_id] = CorpusDoc(
            id=doc_id, text=texts[doc_id], form=str(m.get("form")), level=str(m.get("level")),
            region=str(m.get("region")), year=int(str(m.get("year"))), split=split,
            title=str(m.get("title")), reference_summary=tuple(str(s) for s in summary),
        )
    paragraphs: list[LabelledParagraph] = []
    seen: set[str] = set()
    for name, number, r in _jsonl(root.joinpath("labels")):
        where = f"labels/{name}:{number}"
        doc_id, text, labels = str(r.get("doc")), str(r.get("text", "")), r.get("labels")
        if doc_id not in docs:
            raise CorpusError(f"{where}: unknown document {doc_id!r}")
        if not isinstance(labels, list) or any(x not in THEMES for x in labels):
            raise CorpusError(f"{where}: labels must be a list of {sorted(THEMES)}, got {labels!r}")
        offset = docs[doc_id].text.find(text) if text.strip() else -1
        if offset < 0:
            raise CorpusError(f"{where}: paragraph not found in docs/{doc_id}.txt")
        if text in seen:
            raise CorpusError(f"{where}: duplicate paragraph")
        seen.add(text)
        ordered = tuple(t for t in THEMES if t in labels)
        paragraphs.append(LabelledParagraph(doc_id, text, ordered, offset))
    paragraphs.sort(key=lambda p: (p.doc, p.offset))
    return Corpus(docs, tuple(paragraphs))
