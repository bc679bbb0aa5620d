"""The head-end model: where a numbered headline that runs into its text with no mark
ends, learned from the train twins, shipped as arrays and JSON, current with its data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from unionnlp.errors import ModelError
from unionnlp.headend import (
    PACKAGED_HEAD_ENDS,
    PACKAGED_HEAD_MARKS,
    HeadEnds,
    candidates,
    data_key,
    default_head_ends,
    default_head_marks,
    examples,
    features,
    words,
)
from unionnlp.lines import numbering
from unionnlp.store import read_arrays, write_arrays
from unionnlp.structure import inline_heading, parse
from unionnlp.twins import load_twins


@pytest.mark.parametrize(("path", "marks"), [(PACKAGED_HEAD_ENDS, False),
                                             (PACKAGED_HEAD_MARKS, True)])
def test_the_packaged_models_were_trained_on_todays_data(path: str, marks: bool) -> None:
    """Fails after a change to the train twins, the word lists or the features until
    `python tools/train_headend.py` is run."""
    meta, _ = read_arrays(files("unionnlp").joinpath(path).read_bytes(),
                          "unionnlp-headend/1", path)
    assert meta["data"] == data_key(marks=marks)
    assert meta["marks"] is marks


def test_a_flattened_twin_gives_its_run_in_headlines_as_examples() -> None:
    # pdf177: a 帮扶 plan copied from a document site as three long lines.
    twin = next(t for t in load_twins("train") if t.id == "pdf177")
    found = {text[:end]: end for text, _, _, end, _ in examples([twin])}
    assert found.get("二、帮扶措施") == len("二、帮扶措施")
    assert found.get("三、达到的目的") == len("三、达到的目的")


def test_candidates_stop_at_a_sentence_mark_and_never_split_punctuation() -> None:
    text = "二、帮扶措施对于检查中发现的困难，工会及时汇报。随后拿出办法。"
    places = candidates(text, 2)
    assert places[0] == 4 and max(places) < text.index("。")
    assert text.index("，") not in places and text.index("，") + 1 not in places
    assert candidates(text, 2, marks=True) == [text.index("。") + 1]
    assert candidates("一、思想要统一。要干。", 2, marks=True) == []  # too little text after


@pytest.mark.parametrize("text", [
    "二、帮扶措施对于检查中发现的困难，工会及时汇报。随后拿出办法。",
    "（三）加强职工之家建设 全年新建职工书屋12家,投入资金36.5万元。",
    "3.抓好培训。全年培训职工800人次。",
])
def test_the_places_between_words_are_the_places_the_words_allow(text: str) -> None:
    """What places() reads: the places of a text, kept where a word ends, are the places
    candidates() gives with the words' ends; after a mark the words change nothing."""
    _, marker = numbering(text)
    ends = words(text)[0]
    assert candidates(text, marker, ends) == [e for e in candidates(text, marker) if e in ends]
    assert candidates(text, marker, ends, marks=True) == candidates(text, marker, marks=True)


def test_a_place_is_read_by_the_characters_and_words_around_it_and_after_a_mark_by_more() -> None:
    """The features of two places, spelled out: the model weighs exactly these (a place
    after a sentence mark also by the rest's length and ending, its script)."""
    text = "二、抓好培训。 全年培训职工800人次,考核合格率达到98%；"
    cut = words(text)
    mid = text.index("培训")
    assert features(text, "cn", 2, mid, cut) == [
        "L1:好", "L2:抓好", "L3:抓好", "R1:培", "R2:培训", "R3:培训。", "X:好培", "len:2",
        "style:cn", "gap:0", "commas:0", "near_comma:False", "near_stop:True", "digit:False",
        "quote_open:False", f"W-:{cut[0].get(mid, '')}", f"W+:{cut[1].get(mid, '')}"]
    after = text.index("。") + 1
    assert features(text, "cn", 2, after, cut, traditional=True) == [
        "L1:。", "L2:训。", "L3:培训。", "R1:全", "R2:全年", "R3:全年培", "X:。全", "len:5",
        "style:cn", "gap:1", "commas:0", "near_comma:True", "near_stop:False", "digit:False",
        "quote_open:False", f"W-:{cut[0].get(after, '')}", f"W+:{cut[1].get(after, '')}",
        "rest:21-28", "tail:；", "mark_len:5", "mark_commas:0", "trad:True", "trad_L1:True。"]


@pytest.mark.parametrize(("line", "head"), [
    ("三、帮扶措施对于走访中发现的职工生活困难，工会及时向党委汇报并拿出帮扶办法。", "三、帮扶措施"),
    ("二、工作目标把集团公司下达的全年生产任务完成好，推动企业管理再上台阶。", "二、工作目标"),
    ("（二）依申请公开方面对依申请公开的政府信息从严规范，按时答复。", "（二）依申请公开方面"),
    ("1、扎实推动工会组建上半年，镇总工会按要求开展工作。", "1、扎实推动工会组建"),
])
def test_a_numbered_headline_running_into_its_text_with_no_mark_ends_where_the_model_says(
        line: str, head: str) -> None:
    assert line[:inline_heading(line)] == head


def test_numbered_paragraphs_keep_their_text_whole() -> None:
    for line in ("1、全年新建工会42家，发展会员3000名，建会率达到百分之九十五。",
                 "（一）今年以来，全区新建工会42家，发展会员3000名。",
                 "一、领导重视，组织完善，经费落实。全年召开专题会议四次。"):
        style, marker = numbering(line)
        assert style is not None
        assert default_head_ends().end(line, style, marker) == 0, line


def test_a_flattened_page_gets_its_run_in_headlines() -> None:
    from unionnlp.readers import Source

    # A plan copied from a document site with its line breaks lost: each part's headline
    # runs into its text, which goes on for several sentences.
    text = ("社区工会困难职工帮扶计划做好困难职工帮扶，是工会协助党政化解职工生活难题的一项要紧工作，"
            "社区工会特拟定如下计划。一、指导思想坚持以人民为中心，把困难职工的冷暖放在心上。"
            "工会每年十月集中对困难职工开展一次摸底调查，弄清困难职工情况有何变动，再录入困难职工档案。"
            "二、帮扶措施对于走访中发现的职工生活困难，工会及时向党支部汇报，并拿出帮扶办法。"
            "全年发放帮扶资金36万元，帮职工把实际困难解决掉，困难职工的生活得到了明显改善。")
    report = parse(Source(text))
    headings = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert headings == ["一、指导思想", "二、帮扶措施"]
    assert [p.text[:6] for p in report.paragraphs][-2:] == ["坚持以人民为", "对于走访中发"]


def test_a_model_file_is_checked(tmp_path: Path) -> None:
    model = HeadEnds({"L1:施": 1.5, "W+:对于": 2.0}, -3.0, 0.4)
    path = tmp_path / "headend.npz"
    model.save(str(path), data_key="test")
    assert HeadEnds.load(path.read_bytes(), "headend.npz") == model
    marks = HeadEnds({"tail:；": -2.0}, 1.0, 0.7, marks=True)
    marks.save(str(tmp_path / "headmark.npz"), data_key="test")
    assert HeadEnds.load((tmp_path / "headmark.npz").read_bytes(), "headmark.npz") == marks
    meta, arrays = read_arrays(path.read_bytes(), "unionnlp-headend/1", "x")
    meta = {k: v for k, v in meta.items() if k != "format"}
    write_arrays(path, "unionnlp-headend/1", {**meta, "features": "other/0"}, arrays)
    with pytest.raises(ModelError, match="other features"):
        HeadEnds.load(path.read_bytes(), "headend.npz")
    write_arrays(path, "unionnlp-sentences/1", meta, arrays)
    with pytest.raises(ModelError):
        HeadEnds.load(path.read_bytes(), "headend.npz")


def test_a_headline_line_that_holds_its_text_gives_up_the_text() -> None:
    from unionnlp.readers import Source

    # The rules read a numbered line of one sentence as a headline; the model ends the
    # headline inside it. A short headline alone keeps its words (回顾2025年的工作).
    text = ("某市总工会2025年工作总结\n\n一、回顾2025年的工作\n\n"
            "二、资助的标准凡条件相符的困难职工子女，一次性发给助学金3000元。\n\n"
            "全年共资助困难职工子女420名，发放助学金126万元。\n")
    report = parse(Source(text))
    sections = [s for a in report.articles for s in a.sections if s.heading]
    assert [s.heading for s in sections] == ["一、回顾2025年的工作", "二、资助的标准"]
    assert sections[1].paragraphs[0].text == "凡条件相符的困难职工子女，一次性发给助学金3000元。"
    assert sections[1].offset == text.index("二、")


def test_a_numbered_paragraph_whose_first_sentence_is_its_content_stays_whole() -> None:
    # A statement, an entry of a list of documents and a benefit of a Taiwan union's rules
    # (in traditional characters, whose pages write such lists so): the rules would end a
    # headline at their first mark; the model of the first mark keeps them whole, and still
    # ends the headlines that name a topic or a task there.
    from unionnlp.convert import to_simplified

    for line, traditional in (
            ("2、企业氛围好，同事之间互相照应、彼此帮衬，团队才有凝聚力。去年一位职工遭遇车祸住院，"
             "大家纷纷捐款。", False),
            ("3、交付在学子女的学生证复印件一份。须盖有本学期注册章。", False),
            ("1.發給會員本人的敬老金：一千二百元，每年年底發放。", True)):
        view = to_simplified(line)
        style, marker = numbering(view)
        assert default_head_marks().whole(view, style, marker, traditional), line
        assert inline_heading(view, line) == 0, line
    for line, head in (("一、思想要统一。要充分认清推开女职工专项集体合同这项工作的重要性和必要性。",
                        "一、思想要统一。"),
                       ("（二）加强组织建设。全年新建基层工会42家，发展会员3000余名。",
                        "（二）加强组织建设。"),
                       ("3、深化职工维权：全年受理职工来信来访56件，办结率100%。", "3、深化职工维权：")):
        assert line[:inline_heading(line)] == head
