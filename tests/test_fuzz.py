"""Fuzzing with hypothesis: whatever the input, unionnlp answers with a result or one of its
own errors, never a dependency's traceback. CI runs a small budget per test; a long run is
``HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py`` (see the README)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unionnlp
from unionnlp.errors import InputError, ModelError
from unionnlp.export.json import iter_jsonl
from unionnlp.readers import SUPPORTED_EXTENSIONS, read
from unionnlp.store import read_arrays, write_arrays
from unionnlp.themes import load_classifier

_TMP = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

# Text with what real pages hold: Chinese, numerals, punctuation of both widths, layout.
_PIECES = st.sampled_from(["工会", "职工", "帮扶", "一、", "（二）", "1.", "95.96%", "12,000人",
                           "三千五百万元", "，", "。", "：", ",", ":", "\n", "\n\n", "\u3000",
                           "——", ">", "本报讯", "第2版", "報(bào)", "\ud800", "\x00", "\t"])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map("".join)


@given(_TEXT)
def test_analyze_gives_a_report_writable_as_utf8(text: str) -> None:
    report = unionnlp.analyze(text)  # a lone surrogate reads as U+FFFD, with a warning
    assert json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
    assert any("\ud800" <= c <= "\udfff" for c in text) == any(
        "unpaired surrogate" in w for w in report.warnings)


@_TMP
@given(st.sampled_from(sorted(SUPPORTED_EXTENSIONS)),
       st.one_of(st.binary(max_size=400), _TEXT.map(lambda t: t.encode("utf-8", "replace")),
                 st.just(b"PK\x03\x04"), st.just(b"%PDF-1.4\n")))
def test_readers_give_text_or_an_input_error(tmp_path: Path, extension: str, data: bytes) -> None:
    path = tmp_path / f"f{extension}"
    path.write_bytes(data)
    try:
        source = read(path)
    except InputError as exc:
        assert str(path) in str(exc)
        return
    assert isinstance(source.text, str)


@_TMP
@given(st.data())
def test_model_files_load_checked_or_fail_with_a_model_error(tmp_path: Path,
                                                            data: st.DataObject) -> None:
    path = tmp_path / "m.npz"
    write_arrays(path, "test/1", {"n": 3}, {"w": np.arange(3.0), "v": np.ones(2, np.int32)})
    blob = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(blob) - 1))
        blob[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(blob)))
    path.write_bytes(bytes(blob[:cut]))
    try:
        meta, arrays = read_arrays(path, "test/1")
    except ModelError as exc:
        assert str(path) in str(exc)
        return
    assert meta["n"] == 3 and arrays["w"].tolist() == [0.0, 1.0, 2.0]
    with pytest.raises(ModelError):
        load_classifier(path)  # a checked file of another format is still refused


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture],
          max_examples=min(20, settings().max_examples * 2), deadline=None)
@given(st.lists(st.one_of(
    st.fixed_dictionaries({"text": _TEXT, "labels": st.lists(st.sampled_from("abc"), max_size=2)}),
    st.dictionaries(st.sampled_from(["text", "labels", "doc", "themes"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=5),
                              st.lists(st.integers(), max_size=2)), max_size=3),
), max_size=25))
def test_training_succeeds_or_fails_with_a_model_error(tmp_path: Path,
                                                       lines: list[dict[str, object]]) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    try:
        summary = unionnlp.train_from_jsonl(labels, tmp_path / "m.npz")
    except ModelError as exc:
        assert str(labels) in str(exc)
        return
    assert load_classifier(tmp_path / "m.npz").themes == summary["themes"]


@_TMP
@given(st.binary(max_size=600))
def test_journals_of_any_bytes_are_read_without_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "journal.jsonl"
    path.write_bytes(b'{"source": "a"}\n' + data)
    records = list(iter_jsonl(path))
    assert records[0] == {"source": "a"} and all(isinstance(r, dict) for r in records)

