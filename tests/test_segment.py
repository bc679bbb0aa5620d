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


def test_rjieba_class_is_the_packages() -> None:
    """The tokenizer class loaded from rjieba's extension alone is the one ``import rjieba``
    then gives (the module is registered, not loaded twice)."""
    from unionnlp.segment import _rjieba_class

    cls = _rjieba_class()
    import rjieba

    assert rjieba.Jieba is cls
    assert cls().cut("工会帮扶困难职工", True)


def test_rjieba_extension_loads_without_its_package() -> None:
    """In a fresh process the segmenter loads rjieba's extension alone (the package's own
    default tokenizer is never built), and a later ``import rjieba`` reuses that module."""
    import subprocess
    import sys

    code = ("import sys\nfrom unionnlp.segment import get_segmenter\n"
            "words = get_segmenter('rjieba').cut('工会帮扶困难职工')\n"
            "assert 'rjieba' not in sys.modules, 'package imported'\n"
            "import rjieba\nassert rjieba.Jieba is sys.modules['rjieba.rjieba'].Jieba\n"
            "print(' '.join(words))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "困难职工" in out.stdout


def test_one_shared_segmenter_however_it_is_named() -> None:
    """The default, ``auto`` and the backend's own name (what unpickling asks for) give one
    instance: each instance builds its own dictionary, so two names meant two builds (the
    head-end model asked for ``get_segmenter()``, the pipeline for ``get_segmenter("auto")``)."""
    default = get_segmenter()
    assert get_segmenter("auto") is default
    assert get_segmenter(default.name) is default
    assert pickle.loads(pickle.dumps(default)) is default


def test_threads_that_ask_at_once_share_one_segmenter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads that ask for a backend's segmenter at the same moment get the one instance
    the first built: each stray instance would load a dictionary of its own."""
    import threading
    import time

    from unionnlp import segment

    built: list[object] = []

    class Slow:
        name = "slow-test"

        def __init__(self) -> None:
            time.sleep(0.05)  # a construction slow enough for the threads to meet in it
            built.append(self)

    monkeypatch.setitem(segment.BACKENDS, "slow-test", Slow)  # type: ignore[arg-type]
    barrier = threading.Barrier(4)
    got: list[object] = []

    def ask() -> None:
        barrier.wait()
        got.append(get_segmenter("slow-test"))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(built) == 1
        assert all(s is built[0] for s in got) and get_segmenter("slow-test") is built[0]
    finally:
        getattr(segment, "_SHARED", {}).pop("slow-test", None)
