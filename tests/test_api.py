"""The public surface: exports, import cost, determinism, jieba left alone, end-to-end output."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import unionnlp
from unionnlp.convert import to_simplified
from unionnlp.model import SCHEMA, THEMES


def _isort_key(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_exported_members() -> None:
    assert unionnlp.__all__ == sorted(unionnlp.__all__, key=_isort_key)
    assert len(set(unionnlp.__all__)) == len(unionnlp.__all__)
    for name in unionnlp.__all__:
        assert getattr(unionnlp, name) is not None
    with pytest.raises(AttributeError):
        _ = unionnlp.no_such_name  # type: ignore[attr-defined]


@pytest.mark.slow
def test_import_does_no_work() -> None:
    code = ("import sys, unionnlp; heavy = {'jieba', 'sklearn', 'snownlp', 'numpy', 'dask', "
            "'docx', 'pdfminer', 'charset_normalizer'} & set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_the_jieba_backend_loads_no_other_segmenter(seed_text: str, tmp_path: Path) -> None:
    # Each backend's dictionary costs tens of MB: asking for one must not load both. The
    # last paragraph has a figure whose long subject is cut between words.
    path = tmp_path / "report.txt"
    path.write_text(seed_text + "\n\n市总工会为全市困难职工家庭高校毕业生提供就业见习岗位300个。\n",
                    encoding="utf-8")
    code = ("import sys, unionnlp; unionnlp.analyze_file(sys.argv[1], options=unionnlp.Options("
            "segmenter='jieba')); print('rjieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_jieba_global_tokenizer_is_untouched(seed_text: str) -> None:
    import jieba

    unionnlp.analyze(seed_text[:500])
    assert "工会干部职业化" not in jieba.dt.FREQ
    assert not jieba.dt.initialized or jieba.dt.FREQ.get("金秋助学") is None


def test_output_contract(seed_text: str) -> None:
    d = unionnlp.analyze(seed_text, source="seed.txt").to_dict()
    assert d["schema"] == SCHEMA and d["source"] == "seed.txt"
    for key in ("articles", "keywords", "summary", "theme_shares", "figures", "dropped"):
        assert key in d
    article = d["articles"][0]
    assert {"title", "subtitle", "byline", "sections", "keywords", "summary"} <= set(article)
    paragraph = article["sections"][0]["paragraphs"][0]
    assert {"text", "offset", "lead_in", "themes", "scores"} <= set(paragraph)
    assert set(paragraph["scores"]) == set(THEMES)
    figures = {f["text"]: f for f in d["figures"]}
    assert figures["32689场次"]["value"] == 32689 and figures["32689场次"]["unit"] == "场次"
    assert figures["近3000名"]["approximate"] is True
    assert seed_text[figures["95.96%"]["offset"]:].startswith("95.96%")
    json.dumps(d, ensure_ascii=False)


def test_same_input_same_bytes(seed_text: str) -> None:
    first = json.dumps(unionnlp.analyze(seed_text).to_dict(), ensure_ascii=False)
    second = json.dumps(unionnlp.analyze(seed_text).to_dict(), ensure_ascii=False)
    assert first == second


def test_traditional_input_is_analysed_as_simplified() -> None:
    from unionnlp.convert import to_simplified

    traditional = ("區總工會積極開展金秋助學活動，資助困難職工子女三百二十名，發放助學金九十六萬元。"
                   "同時為建檔困難職工送去慰問金，走訪慰問困難職工家庭一千二百戶。")
    report = unionnlp.analyze(traditional)
    assert report.traditional is True
    (p,) = report.paragraphs
    assert p.text == traditional
    assert "worker_aid" in p.themes
    simplified = unionnlp.analyze(to_simplified(traditional))
    assert simplified.paragraphs[0].themes == p.themes


def test_analyze_file_and_errors(tmp_path: Path, seed_path: Path) -> None:
    report = unionnlp.analyze_file(seed_path)
    assert len(report.articles) == 4 and report.source == str(seed_path)
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    with pytest.raises(unionnlp.UnionNLPError, match=r"x\.bin"):
        unionnlp.analyze_file(bad)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert unionnlp.analyze_file(empty).articles == ()


def test_warnings_name_a_file_as_the_command_does(tmp_path: Path, seed_text: str) -> None:
    import os

    from unionnlp.batch import record_name, tag_files
    from unionnlp.readers import split_parts

    # Names saved by a Windows tool in GBK on a UTF-8 system: their bytes are not UTF-8.
    folder = os.fsencode(tmp_path)
    empty = os.fsdecode(folder + b"/\xb9\xa4\xbb\xe1\xb1\xa8\xb8\xe6.txt")  # 工会报告 in GBK
    Path(empty).write_bytes(b"\r\n\r\n")
    damaged = os.fsdecode(folder + b"/\xc4\xea\xb6\xc8.txt")  # 年度
    Path(damaged).write_bytes(seed_text.encode("gb18030")[:3000] + b"\xff" + b"\n")
    for path in (empty, damaged):
        (record,) = tag_files([path], workers=1)
        warnings = unionnlp.analyze_file(path).warnings
        assert warnings and list(warnings) == record["warnings"]
        assert all(w.startswith(record["source"] + ": ") and "\\x" in w for w in warnings)
        "\n".join(warnings).encode("utf-8")  # writable, as a record must be
    flat = os.fsdecode(folder + b"/\xc8\xab\xc4\xea.txt")  # 全年, one line of text
    Path(flat).write_bytes(seed_text[:3000].replace("\n", "").encode("utf-8"))
    size = len(Path(flat).read_bytes()) // 2 + 1
    assert len(split_parts(flat, size)) == 2
    parts = list(unionnlp.analyze_stream(flat, part_bytes=size))
    named = [w for r in parts for w in r.warnings if "mid-sentence" not in w]
    shown = record_name(flat)
    assert "\\xc4\\xea.txt" in shown
    assert len(named) == 2 and all(w.startswith(f"{shown}: part ") for w in named)
    # The text (3,000 characters of the page) stops mid-sentence: the last part says so,
    # not the first, whose end part 1 goes on with.
    assert [[w.startswith(f"{shown}: the text stops mid-sentence") for w in r.warnings]
            for r in parts] == [[False], [False, True]]


def test_unknown_option_names_the_valid_ones() -> None:
    with pytest.raises(unionnlp.ConfigError, match="jieba"):
        unionnlp.analyze("工会", options=unionnlp.Options(segmenter="nope"))
    with pytest.raises(unionnlp.ConfigError):
        unionnlp.Options(top_k=-1)


def test_docx_headings_become_structure(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("某区总工会2024年工作总结", level=0)
    document.add_paragraph("今年以来，区总工会围绕中心、服务大局，各项工作取得新进展。")
    document.add_heading("组织建设", level=1)
    document.add_paragraph("全年新建基层工会组织52家，新发展会员6300名，建会率达到93.5%。")
    document.add_heading("困难帮扶", level=1)
    document.add_paragraph("筹集帮扶资金420万元，走访慰问困难职工2100人次，资助困难职工子女180名。")
    path = tmp_path / "总结.docx"
    document.save(str(path))
    report = unionnlp.analyze_file(path)
    (article,) = report.articles
    assert article.title == "某区总工会2024年工作总结"
    assert [(s.heading, s.level) for s in article.sections] == [
        (None, 0), ("组织建设", 1), ("困难帮扶", 1)]
    assert "org_building" in article.sections[1].paragraphs[0].themes
    assert "worker_aid" in article.sections[2].paragraphs[0].themes
    assert report.format == "docx"


def test_traditional_keywords_and_subjects_come_back_traditional() -> None:
    text = ("區總工會積極開展金秋助學活動，資助困難職工子女三百二十名，發放助學金九十六萬元。"
            "區總工會還為困難職工家庭送去慰問金，走訪慰問困難職工家庭一千二百戶。")
    report = unionnlp.analyze(text)
    assert report.keywords and all(k.term in text for k in report.keywords)
    assert all(f.subject in text for f in report.figures)
    # The functions on a string say their terms in the text's characters too.
    found = unionnlp.keywords(text)
    assert found and all(k.term in text for k in found)
    assert [k.weight for k in found] == [k.weight for k in unionnlp.keywords(to_simplified(text))]
    aid = unionnlp.explain("工聯會為困難會員申請慰問金，並提供緊急援助。", "worker_aid")
    assert aid and all(term in "工聯會為困難會員申請慰問金，並提供緊急援助。" for term, _ in aid)


@pytest.mark.parametrize("bad", [None, 12, "工会".encode()])
def test_analyze_refuses_what_is_not_text(bad: object) -> None:
    with pytest.raises(unionnlp.InputError, match="needs str"):
        unionnlp.analyze(bad, source="report.txt")  # type: ignore[arg-type]


def test_to_frames_gives_tidy_tables(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    good = tmp_path / "a.txt"
    good.write_text("街道工会工作简报\n\n街道工会走访慰问困难职工56户，发放慰问金11.2万元。\n",
                    encoding="utf-8")
    records = list(unionnlp.tag_files([good, tmp_path / "missing.txt"], workers=1))
    frames = unionnlp.to_frames(records)
    assert list(frames) == ["reports", "paragraphs", "figures", "keywords"]
    reports, paragraphs, figures = frames["reports"], frames["paragraphs"], frames["figures"]
    assert reports["source"].tolist() == [str(good), str(tmp_path / "missing.txt")]
    assert reports["error"].isna().tolist() == [True, False]
    assert paragraphs.loc[0, "themes"] == "worker_aid"
    assert {f"score_{t}" for t in unionnlp.THEMES} <= set(paragraphs.columns)
    assert sorted(figures["text"]) == ["11.2万元", "56户"]
    # Reports from analyze() work as well as batch records.
    assert len(unionnlp.to_frames([unionnlp.analyze(good.read_text(encoding="utf-8"))])["paragraphs"]) == 1


def test_an_unknown_segmenter_is_refused_when_options_are_built() -> None:
    with pytest.raises(unionnlp.ConfigError, match="auto, jieba, rjieba"):
        unionnlp.Options(segmenter="nope")


@pytest.mark.slow
def test_the_readmes_python_example_runs_as_written(tmp_path: Path) -> None:
    """The README's Python block, run on the sample report (its file names swapped for
    files that exist): a user who copies it gets no error."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    sample = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    names = {"2023年工作报告.docx": str(sample), "year_of_reports.txt": str(sample),
             "reports/": str(reports)}
    for name, path in names.items():
        assert f'"{name}"' in block
        block = block.replace(f'"{name}"', repr(path))
    if importlib.util.find_spec("pandas") is None:
        block = block.replace("frames = unionnlp.to_frames(records)", "frames = None")
    script = tmp_path / "example.py"
    script.write_text(block, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr


def test_a_path_holding_a_colon_and_space_warns_on_its_last_part_only(tmp_path: Path) -> None:
    # Hard-wrapped lines without a blank line: each part ends on a line the next goes on
    # with; only the file's end stopping mid-sentence is worth a warning, whatever the
    # folder's name holds.
    line = "今年以来,市总工会坚持把服务职工作为工作生命线,推动困难职工帮扶、技能提升和"
    folder = tmp_path / "dir: x"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("市总工会2024年工作总结\n\n" + "\n".join([line] * 60) + "\n", encoding="utf-8")
    parts = list(unionnlp.analyze_stream(path, part_bytes=2000))
    assert len(parts) > 1
    said = [any("the text stops mid-sentence" in w for w in r.warnings) for r in parts]
    assert said == [False] * (len(parts) - 1) + [True]


def test_the_readmes_figure_repr_is_what_the_api_prints() -> None:
    # The README shows a figure as Python prints it: its value is a float there (the JSON
    # record writes a whole value as an integer).
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split("print(report.figures[0])", 1)[1].split("# ", 1)[1].split(", ...)")[0]
    figure = unionnlp.analyze("全区总计开展劳动竞赛32689场次。").figures[0]
    assert repr(figure).startswith(shown + ",")
    assert figure.to_dict()["value"] == 32689 and isinstance(figure.to_dict()["value"], int)
