"""Hostile input, faults and concurrent runs: each finding of the safety review, reproduced.

Every case here once ran code, lost a record, hung, or escaped the error contract with a
traceback from a dependency. What is asserted is the behaviour, never a duration.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import unionnlp
from unionnlp import readers
from unionnlp.batch import Tagger, collect, tag_files
from unionnlp.cli import main
from unionnlp.errors import ConfigError, CorruptFileError, InputError, ModelError, TimeBudgetError
from unionnlp.export.csv import neutralise
from unionnlp.readers import read

REPORT = "街道工会工作简报\n\n街道工会走访慰问困难职工56户，发放慰问金11.2万元。\n"


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _docx(paragraph: str = "工会帮扶困难职工。") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, change: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, change.get(info.filename, src.read(info)))
        for name in sorted(set(change) - set(src.namelist())):
            dst.writestr(name, change[name], compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- readers --------------------------------------------------------------------------------


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read(fifo)  # opening it would wait for a writer forever
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="not a regular file"):
        read(zero)  # a device never ends
    records = list(tag_files([fifo, zero], workers=1))
    assert [r["error"]["type"] for r in records] == ["InputError", "InputError"]


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(REPORT * 100, encoding="utf-8")
    with pytest.raises(InputError, match="over the limit"):
        read(path, max_bytes=1000)
    (record,) = tag_files([path], workers=1, max_bytes=1000)
    assert record["error"]["type"] == "InputError" and str(path) in record["error"]["message"]


def test_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                 ) -> None:
    path = tmp_path / "bomb.docx"
    # A member of zeros that deflates ~1000:1.
    path.write_bytes(_rezip(_docx(), {"word/media/zeros.bin": b"\0" * 5_000_000}))
    monkeypatch.setattr(readers, "MAX_EXPANDED_BYTES", 4_000_000)
    with pytest.raises(CorruptFileError, match="zip bomb"):
        read(path)


def test_docx_with_a_damaged_styles_part_is_a_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "styles.docx"
    path.write_bytes(_rezip(_docx(), {"word/styles.xml": b"<w:styles xmlns:w='urn:x'/>"}))
    try:
        source = read(path)
    except CorruptFileError as exc:
        assert str(path) in str(exc)
    else:
        assert "工会帮扶困难职工" in source.text


def test_docx_text_after_an_entity_reference_is_kept(tmp_path: Path) -> None:
    data = _docx("工会XYZ帮扶困难职工。")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    head, _, body = xml.partition("?>")
    xml = head + '?><!DOCTYPE w:document [<!ENTITY co "有限公司">]>' + body
    path = tmp_path / "entity.docx"
    path.write_bytes(_rezip(data, {"word/document.xml": xml.replace("XYZ", "&co;").encode()}))
    assert read(path).text == "工会有限公司帮扶困难职工。"
    # An undeclared entity makes the XML ill-formed: a corrupt file, named.
    path.write_bytes(_rezip(data, {"word/document.xml": xml.replace("XYZ", "&nope;").encode()}))
    with pytest.raises(CorruptFileError, match=str(path)):
        read(path)


@pytest.mark.parametrize("charset", ["hex", "rot13", "undefined", "zlib", "base64"])
def test_html_declaring_a_codec_that_is_no_charset(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f'<meta charset="{charset}"><p>工会帮扶困难职工。</p>'.encode())
    source = read(path)
    assert source.text == "工会帮扶困难职工。" and source.encoding == "utf-8"


def test_keywords_refuse_lone_surrogates_with_an_input_error() -> None:
    with pytest.raises(InputError, match="surrogate"):
        unionnlp.keywords("工会\ud800帮扶")


#: A county federation's page as a browser copy gives it: furniture, ASCII punctuation
#: among the Chinese, a hard wrap.
PAGE = ("首页 > 工会动态 > 正文\n"
        "某县总工会2023年工作报告\n"
        "发布时间: 2024-01-05  来源: 县总工会\n\n"
        "一、加强基层工会组织建设\n"
        "全年新建基层工会组织56家,发展会员3200人,覆盖职工1.2万人。在快递、外卖等新就业\n"
        "形态行业集中开展入会活动。\n\n"
        "二、做好困难职工帮扶救助\n"
        "走访慰问困难职工300户,发放慰问金45.6万元。建立困难职工档案,实行动态管理。\n")


def _placed(report: unionnlp.Report, text: str) -> None:
    """Each paragraph and headline is where its offsets say in ``text``."""
    for article in report.articles:
        for section in article.sections:
            for a, n in section.spans:
                assert text[a:a + n] in section.heading
            for paragraph in section.paragraphs:
                pieces = paragraph.spans or ((paragraph.offset, len(paragraph.text)),)
                for a, n in pieces:
                    assert text[a:a + n] in paragraph.text


def test_analyze_reads_lone_surrogates_as_replacement_characters_one_for_one() -> None:
    # What open(..., errors="surrogateescape") gives for stray bytes, and a pair's half.
    text = PAGE.replace("56家", "56\udcff\udcfe家").replace("300户", "300\ud83d户")
    report = unionnlp.analyze(text, source="c:/inbox/\udcc4\udce3.txt")
    record = json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # no surrogate
    assert report.source == "c:/inbox/\\xc4\\xe3.txt"
    assert report.warnings == ("c:/inbox/\\xc4\\xe3.txt: 3 unpaired surrogate(s) are not "
                               "valid Unicode; read as \ufffd",)
    replaced = PAGE.replace("56家", "56\ufffd\ufffd家").replace("300户", "300\ufffd户")
    assert len(replaced) == len(text)  # one for one: offsets count the text as given
    _placed(report, replaced)
    kept = "".join([*report.dropped, *(p.text for p in report.paragraphs),
                    *(x for a in report.articles for x in (a.title, a.subtitle, a.byline) if x),
                    *(s.heading for a in report.articles for s in a.sections if s.heading)])
    assert kept.count("\ufffd") == 3 and "56\ufffd\ufffd家" in kept
    assert record.decode("utf-8")  # and the same report without the surrogates otherwise
    assert unionnlp.analyze(replaced).to_dict()["articles"] == report.to_dict()["articles"]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_damaged_file_with_an_undecodable_name_writes_valid_utf8_everywhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    data = PAGE.encode(encoding)
    cut = data.index("一、".encode(encoding))
    data = data[:cut] + b"\xff" + data[cut:]  # a stray byte no candidate reads
    folder = tmp_path / "inbox"
    folder.mkdir()
    name = os.fsencode(folder) + b"/\xb9\xa4\xbb\xe1.txt"  # 工会.txt in GBK, not UTF-8
    with open(name, "wb") as handle:
        handle.write(data)
    shown = str(folder) + "/\\xb9\\xa4\\xbb\\xe1.txt"
    report = unionnlp.analyze_file(os.fsdecode(name))
    assert report.source == shown and report.warnings[0].startswith(f"{shown}: 1 byte")
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
    assert unionnlp.to_frames([report])["reports"]["source"].tolist() == [shown]
    for out in ("tags.jsonl", "tags.csv", "tags.html"):
        assert main(["tag", str(folder), "-o", str(tmp_path / out), "--workers", "1", "-q"]) == 0
        written = (tmp_path / out).read_bytes().decode("utf-8")  # strict: no surrogate
        if out.endswith(".jsonl"):
            assert json.loads(written)["source"] == shown
        assert "\\xb9\\xa4\\xbb\\xe1.txt" in written.replace("\\\\", "\\") and "覆盖职工" in written
    assert main(["show", os.fsdecode(name)]) == 0
    out, err = capsys.readouterr()
    out.encode("utf-8")
    assert "Traceback" not in err


def test_lone_surrogates_from_a_reader_become_replacement_characters(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lone = tmp_path / "x.rtf"
    lone.write_bytes(b"{\\rtf1 \\u-10240? \\u24037?\\u20250?}")
    source = read(lone)
    assert source.text == "\ufffd 工会"
    assert source.warnings == (f"{lone}: 1 unpaired surrogate(s) are not valid Unicode; "
                               "read as \ufffd",)
    paired = tmp_path / "y.rtf"  # RTF writes a character past U+FFFF as two surrogates
    paired.write_bytes(b"{\\rtf1 \\u-10179?\\u-8704? \\u24037?\\u20250?}")
    assert read(paired).text == "\U0001f600 工会" and not read(paired).warnings
    assert main(["show", str(lone)]) == 0
    out, err = capsys.readouterr()
    assert "unpaired surrogate" in out and "Traceback" not in err


def test_what_names_no_file_is_an_input_error(tmp_path: Path) -> None:
    for bad in (None, 123):
        with pytest.raises(InputError, match=f"not {type(bad).__name__}"):
            unionnlp.analyze_file(bad)  # type: ignore[arg-type]
        with pytest.raises(InputError, match=f"not {type(bad).__name__}"):
            list(unionnlp.analyze_stream(bad))  # type: ignore[arg-type]
    nul = str(tmp_path / "年报\x00.txt")  # the operating system's ValueError, before
    with pytest.raises(InputError, match=r"年报\\x00\.txt: a file name cannot hold a NUL"):
        unionnlp.analyze_file(nul)
    with pytest.raises(InputError, match="NUL"):
        list(unionnlp.analyze_stream(nul))
    path = tmp_path / "年报.txt"
    path.write_text(REPORT, encoding="utf-8")
    # A bytes name is a name (on POSIX, the way to give one that is not UTF-8).
    assert unionnlp.analyze_file(os.fsencode(path)).source == str(path)  # type: ignore[arg-type]


def test_tag_files_given_one_path_tags_that_path_not_its_characters(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkdir("in")
    Path("in/a.txt").write_text(REPORT, encoding="utf-8")
    walked: list[object] = []
    real_collect = collect

    def watched(paths: list[object]) -> object:
        walked.extend(paths)
        assert "/" not in paths, "the whole filesystem walked"
        return real_collect(paths)  # type: ignore[arg-type]

    monkeypatch.setattr("unionnlp.batch.collect", watched)
    # "in/a.txt" as characters was "i", "n", "/" (the whole filesystem walked), …
    records = list(tag_files("in/a.txt", workers=1))
    assert [r["source"] for r in records] == ["in/a.txt"] and "error" not in records[0]
    assert [r["source"] for r in tag_files(Path("in"), workers=1)] == ["in/a.txt"]
    assert walked == ["in"]
    # A NUL in a name, or what is no path at all: the library's errors, naming them.
    (record,) = tag_files(["in/a\x00.txt"], workers=1)
    assert record["error"] == {"type": "InputError",
                               "message": "in/a\\x00.txt: a file name cannot hold a NUL character"}
    with pytest.raises(ConfigError, match="not NoneType"):
        tag_files(["in/a.txt", None], workers=1)  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="iterable of paths, not int"):
        tag_files(5, workers=1)  # type: ignore[arg-type]


def test_show_reports_a_failure_outside_the_error_tree_as_a_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(source: object, options: object) -> None:
        raise RuntimeError("a bug in a stage")

    monkeypatch.setattr("unionnlp.api.analyze_source", broken)
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    assert main(["show", str(tmp_path / "a.txt")]) == 1
    assert capsys.readouterr().err == (f"unionnlp: error: {tmp_path / 'a.txt'}: "
                                       "RuntimeError: a bug in a stage\n")


# --- structure and figures ------------------------------------------------------------------


def test_a_comparison_is_no_breadcrumb() -> None:
    text = ("区总工会开展职工收入调查。\n\n调查显示，月收入>5000元的占比62%，>8000元的占比15%。"
            "\n\n首页 > 工会动态 > 正文\n")
    report = unionnlp.analyze(text)
    assert any(">5000元" in p.text for p in report.paragraphs)
    assert "首页 > 工会动态 > 正文" in report.dropped


@pytest.mark.parametrize("text", ["1," * 40_000, "一" * 60_000, "十二万三千" * 10_000,
                                  ",".join(str(100_000 + i) for i in range(20_000))])
def test_number_runs_are_analysed(text: str) -> None:
    """These took 16-40 s each while the figure scan was quadratic; the benchmark
    (benchmarks/bench_hostile.py) measures their time, this checks what they give."""
    report = unionnlp.analyze(text)
    assert "".join(p.text for p in report.paragraphs) + "".join(report.dropped) != ""
    assert all(f.text in text for f in report.figures)


def test_a_line_of_many_titles_and_salutations_is_analysed() -> None:
    # Each salutation after a title-like run could start a piece of its own; only the
    # line's first is looked for, so such a line never nests (it once raised RecursionError).
    text = "今天我们在这里召开大会讲话同志们：" * 3000 + "\n"
    report = unionnlp.analyze(text)
    kept = "".join(p.text for p in report.paragraphs) + "".join(report.dropped)
    assert kept.count("同志们") == 3000


# --- batches ----------------------------------------------------------------------------------


def test_glob_through_a_symlink_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "r" / "a").mkdir(parents=True)
    (tmp_path / "r" / "x.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "r" / "a" / "y.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "r" / "a" / "loop").symlink_to(tmp_path / "r", target_is_directory=True)
    found = collect([str(tmp_path / "r" / "**" / "*.txt"), tmp_path / "r"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in found.files) == [
        "r/a/y.txt", "r/x.txt"]


def test_an_empty_folder_is_no_usage_error_and_warnings_name_their_file(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    # A nightly job's inbox may be empty tonight; a name that matches nothing is a typo.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "in" / "blank.txt").write_text("\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(tmp_path / "in"), str(tmp_path / "empty"), "-o", str(out),
                 "--workers", "1"]) == 0
    assert len(_jsonl(out)) == 2
    err = capsys.readouterr().err
    assert "empty: no report files in this folder" in err
    assert "blank.txt: the file holds no text" in err  # a warning names its file
    assert main(["tag", str(tmp_path / "in"), str(tmp_path / "typo"), "-o", str(out),
                 "--workers", "1"]) == 2


def test_unreadable_folders_and_unsupported_files_are_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "r" / "locked").mkdir(parents=True)
    (tmp_path / "r" / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "r" / "sheet.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "r" / "memo.ppt").write_bytes(b"x")
    real = os.scandir

    def scandir(path: str | os.PathLike[str] = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = collect([tmp_path / "r"])
    assert [p.name for p in found.files] == ["a.txt"]
    assert sorted(p.name for p in found.skipped) == ["memo.ppt", "sheet.xls"]
    assert [f for f, _ in found.unreadable] == [str(tmp_path / "r" / "locked")]
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(tmp_path / "r"), "-o", str(out), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "locked: cannot list this folder" in err
    assert "skipped 2 files" in err and ".xls 1" in err and ".ppt 1" in err
    assert len(_jsonl(out)) == 1


def test_tag_files_walks_folders(tmp_path: Path) -> None:
    (tmp_path / "r" / "sub").mkdir(parents=True)
    (tmp_path / "r" / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "r" / "sub" / "b.md").write_text(REPORT, encoding="utf-8")
    records = list(tag_files([tmp_path / "r"], workers=1))
    assert [Path(str(r["source"])).name for r in records] == ["a.txt", "b.md"]
    assert not any(r.get("error") for r in records)


def test_non_utf8_file_names_do_not_abort_a_batch(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name in (b"\xff\xfe.txt", b"good.txt"):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(REPORT.encode("utf-8"))
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(tmp_path / "in"), "-o", str(out), "-q", "--workers", "1"]) == 0
    sources = [str(r["source"]) for r in _jsonl(out)]
    assert sources == [str(tmp_path / "in" / "good.txt"), str(tmp_path / "in" / "\\xff\\xfe.txt")]


def test_reader_warnings_about_a_non_utf8_name_cost_no_record(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = {b"e\xff.txt": b"", b"s\xfe.txt": REPORT.encode() + b"\xff" + REPORT.encode(),
            b"ok.txt": REPORT.encode()}
    for name, content in data.items():
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(content)
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(folder), "-o", str(out), "--workers", "1"]) == 0
    warnings = {Path(str(r["source"])).name: r["warnings"] for r in _jsonl(out)}
    assert warnings["e\\xff.txt"] == [f"{folder}/e\\xff.txt: the file holds no text"]
    (damaged,) = warnings["s\\xfe.txt"]
    assert damaged.startswith(f"{folder}/s\\xfe.txt: 1 byte sequence(s) are not valid utf-8")
    assert warnings["ok.txt"] == []
    err = capsys.readouterr().err
    assert f"warning: {folder}/e\\xff.txt: the file holds no text" in err and "udc" not in err


def test_a_non_utf8_name_is_written_alike_in_records_and_messages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = os.path.join(os.fsencode(tmp_path), b"bad\xff.txt")
    with open(bad, "wb") as handle:
        handle.write("工会工作报告".encode("gbk") + b"\xff\xfe\x80\xff")
    out = tmp_path / "out.jsonl"
    assert main(["tag", os.fsdecode(bad), "-o", str(out)]) == 1
    (record,) = _jsonl(out)
    source = f"{tmp_path}/bad\\xff.txt"
    assert record["source"] == source
    assert str(record["error"]["message"]).startswith(f"{source}: ")  # type: ignore[index]
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "error:" in x]
    assert line.startswith(f"unionnlp: error: {source}: ") and line.count("bad") == 1


def test_names_that_print_alike_keep_their_own_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\\xff.txt").write_text(REPORT, encoding="utf-8")  # a backslash, x, f, f
    with open(os.path.join(os.fsencode(folder), b"a\xff.txt"), "wb") as handle:
        handle.write(("工会帮扶困难职工。\n" + REPORT).encode("utf-8"))
    hashes = sorted(hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir())
    out = tmp_path / "out.jsonl"
    for resume in ([], ["--resume"]):
        assert main(["tag", str(folder), "-o", str(out), "-q", "--workers", "1", *resume]) == 0
        records = _jsonl(out)
        assert [r["source"] for r in records] == [f"{folder}/a\\xff.txt"] * 2
        assert sorted(str(r["sha256"]) for r in records) == hashes


def test_resume_survives_a_journal_cut_inside_a_character(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(src), "-o", str(out), "-q", "--workers", "1"]) == 0
    whole = out.read_bytes()
    first, second = whole.split(b"\n")[:2]
    inside = next(i for i, b in enumerate(second) if i > 50 and b >= 0xE0) + 1
    journal = tmp_path / ".out.jsonl.partial"
    cut = first + b"\n" + second[:inside]  # what a full disk leaves: half a character
    journal.write_bytes(cut)
    out.unlink()
    assert main(["tag", str(src), "-o", str(out), "-q", "--workers", "1", "--resume"]) == 0
    assert out.read_bytes() == whole


def test_a_second_run_on_the_same_output_is_refused(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from unionnlp.cli import _exclusive

    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with _exclusive(str(out)):
        assert main(["tag", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 2
    assert "in use by another unionnlp run" in capsys.readouterr().err
    assert not out.exists()
    assert main(["tag", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0
    assert not (tmp_path / ".out.jsonl.lock").exists()


def test_a_run_writing_through_a_link_finds_the_output_in_use(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from unionnlp.cli import _exclusive

    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "link.jsonl"
    link.symlink_to(out)
    with _exclusive(str(out)):
        assert main(["tag", str(tmp_path / "a.txt"), "-o", str(link), "-q"]) == 2
    assert "in use by another unionnlp run" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "" and link.is_symlink()


def test_the_output_is_never_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "in" / "page.html"
    page.parent.mkdir()
    page.write_text("<p>工会帮扶困难职工。</p>", encoding="utf-8")
    before = page.read_bytes()
    assert main(["tag", str(page), "-o", str(page), "-q"]) == 2
    assert "one of the inputs" in capsys.readouterr().err and page.read_bytes() == before
    inside = tmp_path / "in" / "tags.html"
    assert main(["tag", str(tmp_path / "in"), "-o", str(inside), "-q"]) == 2
    assert "--force" in capsys.readouterr().err and not inside.exists()
    assert main(["tag", str(tmp_path / "in"), "-o", str(inside), "-q", "--force"]) == 0


# The alarm may interrupt a garbage-collector callback (hypothesis installs one), where
# Python reports the exception as unraisable and goes on; the budget still holds.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_file_past_the_time_budget_gets_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(REPORT * 3000, encoding="utf-8")
    record = Tagger(time_budget=0.01)(str(path))
    assert record["error"]["type"] == TimeBudgetError.__name__
    assert str(path) in record["error"]["message"]
    assert Tagger(time_budget=None)(str(tmp_path / "long.txt")).get("error") is None


def test_csv_cells_are_never_formulas(tmp_path: Path) -> None:
    assert neutralise("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert [neutralise(c) for c in ("+1+1", "-2+3", "@SUM(A1)", "\tx")] == [
        "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx"]
    assert [neutralise(c) for c in ("-1.5", "工会", "")] == ["-1.5", "工会", ""]
    path = tmp_path / "=cmd.txt"
    path.write_text("=1+1 工会帮扶困难职工56户。\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["tag", str(path), "-o", str(out), "-q"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "'=1+1" in text and "\n=1+1" not in text and ",=1+1" not in text


def test_control_characters_in_file_names_are_escaped(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "evil\x1b]0;owned\x07.txt"
    assert main(["tag", str(name)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b]0;owned\\x07.txt" in err


# --- models and training ----------------------------------------------------------------------


@pytest.mark.parametrize("lines", [
    [],
    [{"text": "工会", "labels": "org"}],
    [{"text": None, "labels": ["a"]}],
    [{"themes": ["a"]}],
    [{"text": f"工会帮扶{i}", "labels": ["a"], "doc": "d"} for i in range(20)],
    [{"text": "！！！", "labels": ["a"] if i % 2 else ["b"], "doc": str(i)} for i in range(20)],
])
def test_training_on_degenerate_labels_is_a_model_error(tmp_path: Path,
                                                        lines: list[dict[str, object]]) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines),
                      encoding="utf-8")
    with pytest.raises(ModelError, match=str(labels)):
        unionnlp.train_from_jsonl(labels, tmp_path / "m.npz")


def test_threads_writing_one_cache_file_at_once_both_succeed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    import numpy as np

    from unionnlp import store

    both_written = threading.Barrier(2, timeout=60)
    replace = os.replace

    def replace_when_both_wrote(src: str, dst: str) -> None:
        both_written.wait()  # each thread's temporary file is complete before either moves
        replace(src, dst)

    monkeypatch.setattr(store.os, "replace", replace_when_both_wrote)
    target = tmp_path / "cache.npz"
    errors: list[BaseException] = []

    def write(value: int) -> None:
        try:
            store.write_arrays(target, "test", {}, {"a": np.array([value])})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.read_arrays(target, "test")[1]["a"].tolist() in ([0], [1])
    assert [p.name for p in tmp_path.iterdir()] == ["cache.npz"]


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         caplog: pytest.LogCaptureFixture) -> None:
    from unionnlp import cache
    from unionnlp.keyterms import general_idf

    monkeypatch.setenv("UNIONNLP_CACHE", str(tmp_path))
    cache.cache_dir.cache_clear()
    general_idf.cache_clear()
    try:
        first = general_idf()
        (cached,) = tmp_path.glob("general-idf-*.npz")
        data = bytearray(cached.read_bytes())
        data[len(data) // 2] ^= 0xFF  # one flipped bit in the arrays
        cached.write_bytes(bytes(data))
        general_idf.cache_clear()
        again = general_idf()
        assert again.max == first.max and (again.codes == first.codes).all()
        assert "rebuilding the cached general IDF" in caplog.text
    finally:
        cache.cache_dir.cache_clear()
        general_idf.cache_clear()


# --- processes --------------------------------------------------------------------------------


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_the_run(tmp_path: Path, sig: signal.Signals) -> None:
    for i in range(40):
        (tmp_path / f"{i:02d}.txt").write_text(REPORT * 200, encoding="utf-8")
    marker = f"UNIONNLP_TEST_RUN={os.getpid()}-{sig.value}"
    env = {**os.environ, marker.split("=")[0]: marker.split("=")[1]}
    run = subprocess.Popen([sys.executable, "-m", "unionnlp", "tag", str(tmp_path), "-q",
                            "--workers", "2", "-o", str(tmp_path / "out.jsonl")],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(_processes_with(marker)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)  # the run, its forkserver and workers have started
    assert len(_processes_with(marker)) >= 3
    run.send_signal(sig)
    status = run.wait(timeout=60)
    assert status == (-signal.SIGKILL if sig == signal.SIGKILL else 143)
    deadline = time.monotonic() + 30
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_with(marker) == []


def test_a_valid_surrogate_pair_is_not_warned_about_as_unpaired() -> None:
    # A character outside the BMP given as its two UTF-16 halves (from a JSON \ud83d\udc4d
    # decoded by hand): one for one still, but the warning says what they are.
    text = PAGE.replace("300户", "300户\ud83d\udc4d").replace("56家", "56\udcff家")
    report = unionnlp.analyze(text)
    unpaired = [w for w in report.warnings if "unpaired" in w]
    assert len(unpaired) == 1 and unpaired[0].startswith("1 unpaired surrogate(s)")
    assert any("1 character(s) given as a UTF-16 surrogate pair" in w for w in report.warnings)
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")
    _placed(report, text.replace("\ud83d\udc4d", "\ufffd\ufffd").replace("\udcff", "\ufffd"))
