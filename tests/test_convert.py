"""Tests for unionnlp.convert: traditional-text detection and length-preserving conversion."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionnlp.convert import (
    _pairs,
    _simplified_table,
    _single_char_table,
    is_traditional,
    to_simplified,
)

TRADITIONAL = (
    "香港職工會聯合會本年度舉辦職業培訓課程一百二十個，參加學員超過八千人次。"
    "我們繼續爭取標準工時立法，並協助會員處理勞資糾紛，為工友追回欠薪。"
    "各屬會積極開展義工服務，凝聚會員力量，推動職業安全。"
)
SIMPLIFIED = (
    "香港职工会联合会本年度举办职业培训课程一百二十个，参加学员超过八千人次。"
    "我们继续争取标准工时立法，并协助会员处理劳资纠纷，为工友追回欠薪。"
    "各属会积极开展义工服务，凝聚会员力量，推动职业安全。"
)
MAINLAND_REPORT = (
    "过去一年，市总工会在市委和上级工会的坚强领导下，团结动员全市广大职工群众，围绕中心、服务大局，"
    "扎实推进各项工作。全年新建基层工会组织三百二十六个，新发展会员一万二千余人，农民工入会率进一步提高。"
    "深入开展“送温暖”活动，走访慰问困难职工两千三百余户，发放慰问金和物资折合人民币四百八十万元。"
    "组织职业技能竞赛四十场，培训职工一万五千人次，涌现出一批技术能手和劳动模范。"
)


def test_is_traditional_on_a_traditional_report() -> None:
    assert 90 <= len(TRADITIONAL) <= 110
    assert is_traditional(TRADITIONAL)


@pytest.mark.parametrize(
    "text", [SIMPLIFIED, MAINLAND_REPORT, "", "Annual report 2023", "２０２３年"]
)
def test_is_traditional_false(text: str) -> None:
    assert not is_traditional(text)


def test_simplified_report_quoting_a_traditional_name_is_not_traditional() -> None:
    text = MAINLAND_REPORT + "我们与「香港職工會聯合會」开展了交流活动，学习其职业培训经验。"
    assert not is_traditional(text)


def test_characters_shared_by_both_scripts_do_not_count() -> None:
    # 余, 著, 乾 and 覆 are simplified characters too; 会 is simplified only.
    assert not is_traditional("其余著作乾坤覆盖工会")
    assert is_traditional("其餘工會")


def test_is_traditional_does_not_import_snownlp() -> None:
    code = (
        "import sys; from unionnlp.convert import is_traditional; "
        "assert is_traditional('工會會員'); print('snownlp' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_to_simplified_converts_a_traditional_report() -> None:
    assert to_simplified(TRADITIONAL) == SIMPLIFIED


def test_variant_forms_of_taiwan_and_hong_kong_read_as_simplified() -> None:
    """僱主, 佔, 祕書 are the standard forms there; snownlp's table lacks them."""
    assert to_simplified("僱主佔用祕書讚賞") == "雇主占用秘书赞赏"


def test_to_simplified_leaves_simplified_text_alone() -> None:
    assert to_simplified(MAINLAND_REPORT) == MAINLAND_REPORT
    assert to_simplified(SIMPLIFIED) == SIMPLIFIED


def test_to_simplified_keeps_characters_valid_in_both_scripts() -> None:
    assert to_simplified("顯著成績，其餘業餘，覆蓋乾坤") == "显著成绩，其余业余，覆盖乾坤"


def test_to_simplified_preserves_offsets() -> None:
    text = "2023年 Annual 報告：\n會員 12,000 人（增長 5%）。𠀀\t職工"
    converted = to_simplified(text)
    assert len(converted) == len(text)
    assert converted == "2023年 Annual 报告：\n会员 12,000 人（增长 5%）。𠀀\t职工"
    for index, (before, after) in enumerate(zip(text, converted, strict=True)):
        if before != after:
            assert _pairs()[before] == after, (index, before)


@given(st.text(alphabet=st.sampled_from("工會员員職职後后 ，。a1\n𠀀") | st.characters()))
def test_to_simplified_is_length_preserving(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


def test_packaged_table_is_snownlps_single_characters() -> None:
    """The shipped pairs are what tools/make_traditional_chars.py derives from snownlp,
    with the variant forms it adds."""
    import importlib.util

    from snownlp.normal import zh

    tool = Path(__file__).resolve().parent.parent / "tools" / "make_traditional_chars.py"
    spec = importlib.util.spec_from_file_location("make_traditional_chars", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert _pairs() == {**_single_char_table(zh.zh2hans), **module.VARIANTS}
    assert len(_pairs()) > 2000
    assert all(len(value) == 1 for value in _simplified_table().values())


@pytest.mark.slow
def test_reading_traditional_text_does_not_import_snownlp() -> None:
    code = ("import sys, unionnlp; r = unionnlp.analyze('本會會員大會通過議案，爭取勞工權益。'); "
            "print(r.traditional, 'snownlp' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_table_loaded_once() -> None:
    assert _simplified_table() is _simplified_table()
    assert _pairs() is _pairs()
