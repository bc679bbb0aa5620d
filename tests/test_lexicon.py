"""Every entry of the lexicon (``resources/lexicon.toml``) against its own examples: lines it
must match and lines it must not, alone and as the line classifier uses it."""

from __future__ import annotations

import re

import pytest

from unionnlp.lines import BULLETS, classify, numbering, opening
from unionnlp.repair import DATE_LINE
from unionnlp.resources import Entry, lexicon

LEXICON = lexicon()


def _alone(entry: Entry) -> re.Pattern[str]:
    return re.compile(f"^(?:{entry.pattern})", re.VERBOSE)


def _ids(entries: tuple[Entry, ...]) -> list[str]:
    return [e.name for e in entries]


def test_every_pattern_entry_has_examples() -> None:
    entries = [*LEXICON.numbering, *LEXICON.furniture, *LEXICON.furniture_inside,
               *LEXICON.line_openers, *LEXICON.dates.values()]
    assert all(e.examples for e in entries), [e.name for e in entries if not e.examples]
    names = [e.name for e in entries]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("entry", LEXICON.numbering, ids=_ids(LEXICON.numbering))
def test_numbering_styles(entry: Entry) -> None:
    for line in entry.examples:
        assert numbering(line)[0] == entry.name, line
    for line in entry.counter:
        assert numbering(line)[0] != entry.name, line


@pytest.mark.parametrize("entry", LEXICON.furniture + LEXICON.furniture_inside,
                         ids=_ids(LEXICON.furniture + LEXICON.furniture_inside))
def test_furniture(entry: Entry) -> None:
    pattern = _alone(entry)
    for line in entry.examples:
        assert pattern.match(line), line
        assert classify(line)[0] == "furniture", line
    for line in entry.counter:
        assert not pattern.match(line), line
        assert classify(line)[0] != "furniture", line


@pytest.mark.parametrize("entry", LEXICON.line_openers, ids=_ids(LEXICON.line_openers))
def test_line_openers(entry: Entry) -> None:
    # Alone on its line an opener is furniture; before text it is cut off the text.
    pattern = re.compile(f"^(?:{entry.pattern})", re.VERBOSE)
    for line in entry.examples:
        assert pattern.match(line) and opening(line) == len(line), line
        assert classify(line)[0] == "furniture", line
        if line[-1] not in "，,":  # a comma ends a salutation only at the end of its line
            assert opening(line + " 今天，我们在这里隆重集会。") == len(line) + 1, line
    for line in entry.counter:
        assert opening(line) == 0, line


def test_what_furniture_found_further_in_needs_is_the_cue() -> None:
    cue = re.compile(LEXICON.furniture_cue)
    for entry in LEXICON.furniture_inside:
        for line in entry.examples:
            assert cue.search(line), (entry.name, line)


@pytest.mark.parametrize("key", ["month", "day"])
def test_dates(key: str) -> None:
    entry = LEXICON.dates[key]
    for line in entry.examples:
        assert re.fullmatch(entry.pattern, line), line
    for line in entry.counter:
        assert not re.fullmatch(entry.pattern, line), line
    # The date line of a report's close, in brackets or not.
    assert all(DATE_LINE.match(f"（{d}）") for d in LEXICON.dates["month"].examples)


def test_character_sets() -> None:
    chars = LEXICON.chars
    for name, value in chars.items():
        assert len(set(value)) == len(value), f"{name} repeats a character"
    assert set(chars["bullets"]) == BULLETS
    for bullet in chars["bullets"]:
        assert classify(f"{bullet}走访慰问困难职工120户，发放慰问金36万元。")[0] == "body"


@pytest.mark.parametrize("entry", LEXICON.line_cues, ids=_ids(LEXICON.line_cues))
def test_line_cues(entry: Entry) -> None:
    assert entry.examples
    for line in entry.examples:
        assert re.search(entry.pattern, line), line
    for line in entry.counter:
        assert not re.search(entry.pattern, line), line


def test_every_cue_the_model_weighs_is_in_the_lexicon() -> None:
    from unionnlp.linerole import default_labeller

    learned = {a.split("=", 1)[1] for a in default_labeller().attributes
               if a.startswith("cue=")}
    assert learned and learned <= {e.name for e in LEXICON.line_cues}


@pytest.mark.parametrize(("line", "found"), LEXICON.figure_examples,
                         ids=[line for line, _ in LEXICON.figure_examples])
def test_figure_units(line: str, found: tuple[str, ...]) -> None:
    from unionnlp.figures import extract_figures

    assert tuple(f.text for f in extract_figures(line)) == found


def test_every_unit_is_tried_once() -> None:
    units = [unit for unit, _ in LEXICON.units]
    assert len(units) == len(set(units))
    # A unit is tried before any shorter unit it starts with (人次 before 人): the first
    # alternative that matches wins.
    for i, unit in enumerate(units):
        assert not any(unit.startswith(shorter) for shorter in units[:i]), unit


def test_the_log_names_the_furniture_rule(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from unionnlp.lines import furniture_rule, split_lines
    from unionnlp.twins import load_twins

    names = {e.name for e in LEXICON.furniture + LEXICON.furniture_inside}
    for entry in LEXICON.furniture + LEXICON.furniture_inside:
        assert all(furniture_rule(line) in names for line in entry.examples)
    with caplog.at_level(logging.DEBUG, logger="unionnlp.lines"):
        lines = split_lines("\n".join(t.text for t in load_twins("train")[:20]))
    said = [r.getMessage() for r in caplog.records if r.name == "unionnlp.lines"]
    assert len(said) == sum(x.kind == "furniture" for x in lines) > 0
    assert all(re.match(r"line \d+: furniture by the rule '[^']+': ", m) for m in said)


def test_a_photo_caption_or_credit_line_is_a_caption_never_a_headline() -> None:
    for line in ("图为区总工会干部在驿站为环卫工人送上绿豆汤 林立新 摄",
                 "（图/本报记者 孙丽）", "图1 职工技能大赛焊工比赛现场", "焊工组比赛现场 周立 摄。"):
        assert classify(line)[0] == "caption", line
    # A paragraph that merely ends with a credit, or is long, stays running text.
    long_line = "全市八百名职工参加了本届技能大赛，决出各工种冠军二十名，" * 3 + "记者 周立 摄"
    assert classify(long_line)[0] == "body"
    assert classify("图书室向职工开放")[0] != "caption"


def test_a_line_of_a_speakers_posts_alone_is_a_byline() -> None:
    # A speech prints its speaker's posts under the title, often without the name.
    for line in ("副县长、县总工会主席", "区委常委、副区长", "董事长、党委书记",
                 "市总工会党组书记、主席　王某"):
        assert classify(line)[0] == "byline", line
    # One post alone, or a post a headline names as its topic, is no signature.
    for line in ("工会主席", "推选工会委员", "(二)依规定配置委员会委员", "一、组织建设",
                 "张三同志任县总工会党组书记、主席", "各级工会主席、副主席", "致全县工会主席、委员"):
        assert classify(line)[0] != "byline", line


def test_column_tags_are_no_news_sources() -> None:
    from unionnlp.structure import _SOURCE_BRACKET

    for tag in LEXICON.column_tag_examples:
        assert _SOURCE_BRACKET.match(tag) is None, tag
    for tag in LEXICON.column_tag_not:
        assert _SOURCE_BRACKET.match(tag) is not None, tag
