"""The gap model: where a page whose line breaks were lost kept a paragraph break as a gap
after a sentence end, learned from the train twins, shipped as arrays and JSON, current
with its data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

import unionnlp
from unionnlp.errors import ModelError
from unionnlp.gapbreaks import (
    PACKAGED_GAP_BREAKS,
    GapBreaks,
    data_key,
    default_gap_breaks,
    examples,
    gap_breaks,
    gap_features,
)
from unionnlp.lines import LONG_LINE, split_lines
from unionnlp.store import read_arrays, write_arrays
from unionnlp.twins import load_twins

#: A county federation's news flattened to one line, its three paragraphs apart by a space
#: after a full stop (written here).
FLAT = ("今年以来，县总工会把农民工工资清欠作为维权工作的重点，联合人社部门开展了三轮专项检查，"
        "督促32家企业补发工资486万元。这是全县化解欠薪问题的又一条有效途径。 据了解，三年来全县"
        "各级工会帮扶中心共受理职工来信来访1800余件，办结率达到97%，职工满意度逐年提高。 下一步，"
        "县总工会将继续完善劳动法律监督机制，推动更多企业建立工资集体协商制度，让职工的钱袋子更有保障。")


def test_the_packaged_model_was_trained_on_todays_data() -> None:
    """Fails after a change to the train twins or the features until
    `python tools/train_gapbreaks.py` is run."""
    meta, _ = read_arrays(files("unionnlp").joinpath(PACKAGED_GAP_BREAKS).read_bytes(),
                          "unionnlp-gapbreaks/1", PACKAGED_GAP_BREAKS)
    assert meta["data"] == data_key()


def test_a_flattened_twin_gives_its_lost_breaks_as_examples() -> None:
    # news68: a news page whose paragraphs run on in one line, apart by a space.
    twin = next(t for t in load_twins("train") if t.id == "news68")
    found = examples([twin])
    assert found and any(starts and "n2=据了" in features for features, starts in found)


def test_a_flattened_line_is_cut_into_its_paragraphs() -> None:
    assert len(FLAT) >= LONG_LINE
    report = unionnlp.analyze("县总工会维权工作纪实\n\n" + FLAT + "\n")
    assert [p.text[:4] for p in report.paragraphs] == ["今年以来", "据了解，", "下一步，"]
    assert "".join(p.text for p in report.paragraphs) == FLAT.replace(" ", "")


def test_only_long_lines_are_cut_and_the_text_is_kept() -> None:
    short = "全年新建工会12家。 新发展会员860人。"
    assert len(short) < LONG_LINE and gap_features(short, ("0", "0"))
    lines = split_lines(short + "\n" + FLAT, breaks=gap_breaks(short + "\n" + FLAT))
    assert lines[0].text == short
    assert len(lines) == 4
    assert all(FLAT[x.offset - len(short) - 1:].startswith(x.text) for x in lines[1:])


def test_no_gap_no_cut_and_a_number_after_a_gap_reads_as_such() -> None:
    assert gap_features(FLAT.replace(" ", ""), ("0", "0")) == []
    (at, features), = gap_features("工作回顾如下。 1.建会入会", ("0", "0"))
    assert at == len("工作回顾如下。 ") and "num=True" in features


def test_a_model_file_is_checked(tmp_path: Path) -> None:
    model = default_gap_breaks()
    path = tmp_path / "gaps.npz"
    model.save(str(path), data_key="x")
    again = GapBreaks.load(str(path))
    assert again.weights == model.weights and again.threshold == model.threshold
    write_arrays(path, "unionnlp-gapbreaks/1", {"n": 0, "intercept": 0.0, "threshold": 0.5,
                                               "features": "gap/0", "data": None}, {})
    with pytest.raises(ModelError, match="other features"):
        GapBreaks.load(str(path))


def test_a_workers_warm_up_loads_the_structures_small_models() -> None:
    """A pool worker warms up once (unionnlp.pipeline.warm): its first file with a flattened
    line or a numbered paragraph must not load these models then."""
    from unionnlp.headend import default_head_ends, default_head_marks
    from unionnlp.model import DEFAULT
    from unionnlp.pipeline import warm

    loaders = (default_gap_breaks, default_head_ends, default_head_marks)
    for load in loaders:
        load.cache_clear()
    warm(DEFAULT)
    assert [load.cache_info().currsize for load in loaders] == [1, 1, 1]
