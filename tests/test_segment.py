"""Segmenters: the domain dictionary is used, backends agree, jieba's globals stay untouched."""

from __future__ import annotations

import pickle

import pytest

from unionnlp.corpus import load_corpus
from unionnlp.errors import ConfigError
from unionnlp.segment import get_segmenter

pytest.importorskip("rjieba")


def test_domain_words_are_kept_whole() -> None:
    words = get_segmenter("jieba").cut("区总工会推进工资集体协商，开展金秋助学和技能比武，建会率提升")
    for term in ("工资集体协商", "金秋助学", "技能比武", "建会率"):
        assert term in words


def test_rjieba_gives_jiebas_tokens_on_the_whole_corpus(seed_text: str) -> None:
    jieba, rjieba = get_segmenter("jieba"), get_segmenter("rjieba")
    texts = [doc.text for doc in load_corpus().docs.values()] + [seed_text]
    mismatched = [t[:30] for t in texts if jieba.cut(t) != rjieba.cut(t)]
    assert not mismatched


def test_segmenters_pickle_to_the_shared_instance() -> None:
    seg = get_segmenter("jieba")
    assert pickle.loads(pickle.dumps(seg)) is seg


def test_unknown_backend_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="jieba, rjieba"):
        get_segmenter("thulac")
