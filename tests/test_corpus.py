"""The labelled corpus: well-formed, above its floors, split by document."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from unionnlp.corpus import Corpus, load_corpus
from unionnlp.errors import CorpusError
from unionnlp.model import THEMES

FORMS = {"feature", "annual_report", "speech", "enterprise_summary", "news", "damaged", "web"}


def _han(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus()


def test_reports_floor_and_forms(corpus: Corpus) -> None:
    docs = list(corpus.docs.values())
    assert len(docs) >= 60
    assert sum(_han(d.text) for d in docs) >= 100_000
    assert {d.form for d in docs} == FORMS
    for d in docs:
        assert _han(d.text) <= 3000, d.id
        assert _han(d.text) >= (400 if d.form == "news" else 800), d.id
    assert len({d.level for d in docs}) >= 5


def test_label_floors(corpus: Corpus) -> None:
    paragraphs = corpus.paragraphs
    assert len(paragraphs) >= 1200
    counts = Counter(t for p in paragraphs for t in p.labels)
    assert set(counts) == set(THEMES)
    assert min(counts.values()) >= 200, counts
    assert sum(not p.labels for p in paragraphs) >= 250


def test_pointers_resolve_and_are_unique(corpus: Corpus) -> None:
    seen = set()
    for p in corpus.paragraphs:
        doc = corpus.docs[p.doc].text
        assert doc[p.offset:p.offset + len(p.text)] == p.text
        assert p.text not in seen
        seen.add(p.text)


def test_held_out_split_is_by_document(corpus: Corpus) -> None:
    test, train = corpus.split("test"), corpus.split("train")
    assert len(test.docs) >= 10 and len(train.docs) >= 40
    assert not set(test.docs) & set(train.docs)
    assert len(test.paragraphs) + len(train.paragraphs) == len(corpus.paragraphs)
    assert {d.form for d in test.docs.values()} >= {"feature", "annual_report", "speech"}
    for d in test.docs.values():
        assert 2 <= len(d.reference_summary) <= 4, d.id


def _write(root: Path, labels: list[dict[str, object]]) -> Path:
    for sub in ("docs", "meta", "labels"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "docs" / "x01.txt").write_text("标题\n\n区总工会新建基层工会十二家。\n", encoding="utf-8")
    meta = {"id": "x01", "form": "news", "level": "district", "region": "某地", "year": 2020,
            "split": "train", "title": "标题", "reference_summary": []}
    (root / "meta" / "x.jsonl").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    lines = "\n".join(json.dumps(x, ensure_ascii=False) for x in labels)
    (root / "labels" / "x.jsonl").write_text(lines, encoding="utf-8")
    return root


def test_a_small_valid_corpus_loads(tmp_path: Path) -> None:
    root = _write(tmp_path, [{"doc": "x01", "text": "区总工会新建基层工会十二家。",
                              "labels": ["org_building"]}])
    corpus = load_corpus(root)
    (p,) = corpus.paragraphs
    assert p.labels == ("org_building",) and p.offset == 4


@pytest.mark.parametrize(("record", "problem"), [
    ({"doc": "x01", "text": "区总工会新建基层工会十二家。", "labels": ["culture"]}, "labels"),
    ({"doc": "x01", "text": "这句话不在报告里。", "labels": []}, "not found"),
    ({"doc": "x99", "text": "区总工会新建基层工会十二家。", "labels": []}, "unknown document"),
])
def test_malformed_corpus_is_refused(tmp_path: Path, record: dict[str, object],
                                     problem: str) -> None:
    with pytest.raises(CorpusError, match=problem):
        load_corpus(_write(tmp_path, [record]))


def test_duplicate_paragraphs_are_refused(tmp_path: Path) -> None:
    record = {"doc": "x01", "text": "区总工会新建基层工会十二家。", "labels": []}
    with pytest.raises(CorpusError, match="duplicate"):
        load_corpus(_write(tmp_path, [record, record]))
