"""Tests for the command line, called through ``main([...])``: exit codes, output, --resume."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points, version
from pathlib import Path

import pytest

from unionnlp.cli import main

REPORT_A = """某市总工会2023年工作报告

一、加强基层工会组织建设

全年新建基层工会组织86个，新发展会员1.2万人，推动快递员、外卖骑手加入工会。
"""

REPORT_B = """区总工会职工技能提升工作情况

一、广泛开展劳动和技能竞赛

全区举办职业技能竞赛45场，参赛职工1.8万人次，评选技术能手120名。
"""

REPORT_C = "街道工会工作简报\n\n街道工会走访慰问困难职工56户，发放慰问金11.2万元。\n"

UNDECODABLE = "工会工作报告".encode("gbk") + b"\xff\xfe\x80\xff"


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in (("a.txt", REPORT_A), ("b.md", REPORT_B), ("c.txt", REPORT_C)):
        paths[name] = tmp_path / "in" / name
        paths[name].parent.mkdir(exist_ok=True)
        paths[name].write_text(text, encoding="utf-8")
    paths["bad.txt"] = tmp_path / "in" / "bad.txt"
    paths["bad.txt"].write_bytes(UNDECODABLE)
    return paths


def jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"unionnlp {version('unionnlp')}"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "tag" in out and "train" in out and "evaluate" in out
    assert main(["tag", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--resume" in out and "exit status" in out and "examples:" in out


def test_console_script_is_registered() -> None:
    scripts = {e.name: e.value for e in entry_points(group="console_scripts")}
    assert scripts["unionnlp"] == "unionnlp.cli:main"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["tag"],
        ["tag", "{a}", "--format", "xml"],
        ["tag", "{missing}"],
        ["tag", "{a}", "{missing}"],
        ["tag", "{a}", "--resume"],
        ["tag", "{a}", "--resume", "-o", "{tmp}/out.csv"],
        ["tag", "{a}", "--resume", "-o", "{tmp}/out.jsonl", "--format", "json"],
        ["tag", "{a}", "--workers", "0"],
        ["tag", "{a}", "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"],
        ["tag", "{a}", "--model", "{tmp}/no-such-model.npz"],
        ["tag", "{a}", "-o", "{tmp}/no/such/dir/out.jsonl"],
        ["tag", "{a}", "-q", "-v"],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], reports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = {"a": str(reports["a.txt"]), "missing": str(tmp_path / "missing.txt"), "tmp": str(tmp_path)}
    assert main([a.format(**values) for a in args]) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.slow
def test_all_succeed_to_stdout(reports: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", str(reports["a.txt"]), str(reports["b.md"])]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["source"] for r in records] == [str(reports["a.txt"]), str(reports["b.md"])]
    assert captured.err == "tagged 2 files: 2 succeeded, 0 failed\n"


def test_dash_as_output_is_stdout(reports: dict[str, Path], tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["tag", str(reports["a.txt"]), "-o", "-", "--workers", "1", "-q"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["source"] == str(reports["a.txt"])
    assert list(here.iterdir()) == []  # no file named "-", no lock beside it


@pytest.mark.slow
def test_some_fail(reports: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(reports[n]) for n in ("a.txt", "bad.txt", "c.txt")]
    assert main(["tag", *paths, "--workers", "2"]) == 1
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["source"] for r in records] == paths
    assert records[1]["error"]["type"] == "DecodeError"
    err = captured.err.splitlines()
    assert err[-1] == "tagged 3 files: 2 succeeded, 1 failed"
    assert any(line.startswith("unionnlp: error: ") and "bad.txt" in line for line in err)
    assert "Traceback" not in captured.err


@pytest.mark.slow
def test_quiet_prints_only_errors_on_stderr(reports: dict[str, Path],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # A file that failed is an error, said under -q too; no progress, no summary line.
    assert main(["tag", "-q", str(reports["a.txt"]), str(reports["bad.txt"])]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("unionnlp: error: ") and "bad.txt" in err[0]
    assert main(["tag", "-q", str(reports["a.txt"])]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_directory_input_and_formats(reports: dict[str, Path], tmp_path: Path) -> None:
    folder = reports["a.txt"].parent
    assert main(["tag", str(folder), "-o", str(tmp_path / "out.csv"), "-q"]) == 1  # bad.txt fails
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["tag", str(reports["a.txt"]), "-o", str(tmp_path / "page.html"), "-q"]) == 0
    assert (tmp_path / "page.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["tag", str(reports["a.txt"]), "-o", str(tmp_path / "x.out"), "--format", "json", "-q"]) == 0
    assert len(json.loads((tmp_path / "x.out").read_text(encoding="utf-8"))) == 1
    assert main(["tag", str(folder), "-o", str(tmp_path / "all.jsonl"), "-q"]) == 1
    sources = [r["source"] for r in jsonl(tmp_path / "all.jsonl")]
    assert [Path(str(s)).name for s in sources] == ["a.txt", "b.md", "bad.txt", "c.txt"]


@pytest.mark.slow
def test_resume_skips_done_files_and_keeps_input_order(
    reports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c, bad = (str(reports[n]) for n in ("a.txt", "b.md", "c.txt", "bad.txt"))
    out = tmp_path / "run.jsonl"
    assert main(["tag", a, bad, b, "-o", str(out)]) == 1
    first = jsonl(out)
    capsys.readouterr()

    # An interrupted run: a done, bad failed, b cut off halfway through its line.
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1] + lines[2][: len(lines[2]) // 2], encoding="utf-8")

    assert main(["tag", a, bad, b, c, "-o", str(out), "--resume", "--workers", "2"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "tagged 3 files: 2 succeeded, 1 failed, 1 already done"
    records = jsonl(out)
    assert [r["source"] for r in records] == [a, bad, b, c]
    assert records[0] == first[0]
    assert records[2] == first[2]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    # A changed file is tagged again; unchanged successes are not.
    reports["a.txt"].write_text(REPORT_C.replace("56", "57"), encoding="utf-8")
    assert main(["tag", a, bad, b, c, "-o", str(out), "--resume"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "tagged 2 files: 1 succeeded, 1 failed, 2 already done"
    records = jsonl(out)
    assert [r["source"] for r in records] == [a, bad, b, c]
    assert records[0]["sha256"] != first[0]["sha256"]

    # Only the good files: nothing left to do.
    assert main(["tag", a, b, c, "-o", str(out), "--resume"]) == 0
    assert capsys.readouterr().err == "tagged 0 files: 0 succeeded, 0 failed, 3 already done\n"
    assert [r["source"] for r in jsonl(out)] == [a, b, c]


@pytest.mark.slow
def test_interrupted_run_leaves_no_half_file_and_resumes(
    reports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import unionnlp.batch as batch

    a, b, c = (str(reports[n]) for n in ("a.txt", "b.md", "c.txt"))
    out = tmp_path / "run.jsonl"
    real = batch.tag_files

    def interrupted(paths: list[str], **kwargs: object) -> object:
        for i, record in enumerate(real(paths, **kwargs)):  # type: ignore[arg-type]
            if i == 2:
                raise KeyboardInterrupt
            yield record

    monkeypatch.setattr(batch, "tag_files", interrupted)
    assert main(["tag", a, b, c, "-o", str(out), "-q"]) == 130
    assert not out.exists()
    monkeypatch.setattr(batch, "tag_files", real)
    assert main(["tag", a, b, c, "-o", str(out), "--resume"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "tagged 1 file: 1 succeeded, 0 failed, 2 already done")
    assert [r["source"] for r in jsonl(out)] == [a, b, c]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_resume_without_an_earlier_file(reports: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "new.jsonl"
    assert main(["tag", str(reports["a.txt"]), "-o", str(out), "--resume", "-q"]) == 0
    assert [r["source"] for r in jsonl(out)] == [str(reports["a.txt"])]


def test_library_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "no-labels.jsonl"
    assert main(["train", str(labels), "-o", str(tmp_path / "m.pkl")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("unionnlp: error: ") and "no-labels.jsonl" in err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.slow
def test_jieba_chatter_stays_off_stderr(reports: dict[str, Path]) -> None:
    """In the parent and in worker processes, unless -v."""
    command = [sys.executable, "-m", "unionnlp.cli", "tag", "--segmenter", "jieba", "--workers", "2"]
    paths = [str(reports["a.txt"]), str(reports["b.md"])]
    quiet = subprocess.run([*command, *paths], capture_output=True, text=True, timeout=300)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == "tagged 2 files: 2 succeeded, 0 failed\n"
    loud = subprocess.run([*command, "-v", *paths], capture_output=True, text=True, timeout=300)
    assert loud.returncode == 0, loud.stderr
    assert "Prefix dict" in loud.stderr or "Loading model" in loud.stderr


def test_train_and_evaluate_print_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import unionnlp.evaluate
    import unionnlp.themes

    calls: list[tuple[object, ...]] = []

    def fake_train(labels: str, out: str) -> dict[str, object]:
        calls.append(("train", labels, out))
        return {"model": out, "themes": {"维权": 3}}

    def fake_evaluate(model_path: str | None = None,
                      labels_path: str | None = None) -> dict[str, object]:
        calls.append(("evaluate", model_path) + ((labels_path,) if labels_path else ()))
        return {"macro_f1": 0.5}

    monkeypatch.setattr(unionnlp.themes, "train_from_jsonl", fake_train)
    monkeypatch.setattr(unionnlp.evaluate, "evaluate", fake_evaluate)
    labels, model = str(tmp_path / "l.jsonl"), str(tmp_path / "m.npz")

    assert main(["train", labels, "-o", model]) == 0
    assert json.loads(capsys.readouterr().out) == {"model": model, "themes": {"维权": 3}}
    assert main(["evaluate", "--model", model]) == 0
    assert json.loads(capsys.readouterr().out) == {"macro_f1": 0.5}
    assert main(["evaluate"]) == 0
    assert calls == [("train", labels, model), ("evaluate", model), ("evaluate", None)]
    assert main(["train", labels]) == 2  # -o is required


def test_show_prints_a_readable_outline(capsys: pytest.CaptureFixture[str]) -> None:
    sample = Path(__file__).resolve().parents[1] / "examples" / "sample_report.txt"
    assert main(["show", str(sample)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(f"{sample}  (text, utf-8; 1 article(s)")
    assert "# 清溪县总工会2025年工作总结" in out
    assert "  一、扩大组织覆盖，工会基础更加坚实\n    （一）建会入会持续扩面\n      ¶ 全年新建" in out
    assert "[帮扶救助]" in out and "figures: 42家" in out and "set aside: - 2 -" in out
    # Shares overlap (a paragraph may carry several themes), so the line must not read as
    # parts of one whole: a user summed them to 182% and thought them broken.
    themes_line = next(line for line in out.splitlines() if line.startswith("themes "))
    assert "may carry several" in themes_line
    assert main(["show", str(sample.with_name("missing.txt"))]) == 1


def test_show_marks_table_rows_and_captions(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "table.txt"
    path.write_text("区总工会今年帮扶困难职工，情况如下：\n\n项目\t户数\t金额\n"
                    "帮扶困难职工\t320户\t96万元\n\n图为工会干部走访困难职工家庭。（王某 摄）\n\n"
                    "全年帮扶工作取得明显成效。\n", encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  ▤ 帮扶困难职工 | 320户 | 96万元  [" in out
    assert "  ▣ 图为工会干部走访困难职工家庭。" in out
    assert "  ¶ 全年帮扶工作取得明显成效。  [" in out


def test_unknown_output_extension_is_a_usage_error(reports: dict[str, Path], tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tags.xls"
    assert main(["tag", str(reports["a.txt"]), "-o", str(out)]) == 2
    assert "unknown output extension" in capsys.readouterr().err and not out.exists()
    assert main(["tag", str(reports["a.txt"]), "-o", str(out), "--format", "jsonl", "-q"]) == 0


def test_standard_input_is_one_report(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(REPORT_C.encode("gb18030")), encoding="gb18030")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["tag", "-", "--top-k", "2"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["source"] == "-" and record["encoding"] == "gb18030"
    assert len(record["keywords"]) == 2 and record["articles"][0]["title"] == "街道工会工作简报"
    assert main(["tag", "-", "x.txt"]) == 2


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


@pytest.mark.parametrize("option", [["--resume", "-o", "out.jsonl"], ["--stream"],
                                    ["--scheduler", "tcp://127.0.0.1:1"]])
def test_standard_input_refuses_what_cannot_apply_to_it(
        option: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    _stdin(monkeypatch, REPORT_C.encode())
    assert main(["tag", "-", *option]) == 2
    out, err = capsys.readouterr()
    assert out == "" and f"error: {option[0]} does not go with - (standard input)" in err


def test_standard_input_runs_within_the_time_budget(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    import contextlib

    from unionnlp import batch

    budgets: list[tuple[float | None, str]] = []
    budget = batch.within_budget

    @contextlib.contextmanager
    def noted(seconds: float | None, path: str) -> Iterator[None]:
        budgets.append((seconds, path))
        with budget(seconds, path):
            yield

    monkeypatch.setattr(batch, "within_budget", noted)
    _stdin(monkeypatch, REPORT_C.encode())
    assert main(["tag", "-", "--timeout", "7"]) == 0
    assert budgets == [(7.0, "-")]
    assert json.loads(capsys.readouterr().out)["source"] == "-"


def test_empty_standard_input_is_said_to_hold_no_text(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    _stdin(monkeypatch, b" \n")
    assert main(["tag", "-"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["warnings"] == ["-: standard input holds no text"]
    assert err == "unionnlp: warning: -: standard input holds no text\n"


def test_show_reads_standard_input_as_tag_does(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """``cat report.txt | unionnlp show -`` prints the outline (it said "unsupported file
    type (no extension)"), in any encoding a .txt file may have."""
    import io

    stdin = io.TextIOWrapper(io.BytesIO(REPORT_C.encode("gb18030")), encoding="gb18030")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["show", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("-  (text, gb18030;") and "# 街道工会工作简报" in out


def test_a_part_size_over_the_size_limit_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text((REPORT_A + "\n") * 3000, encoding="utf-8")  # about 0.5 MB
    out = tmp_path / "out.jsonl"
    args = ["tag", str(big), "--stream", "-o", str(out), "-q", "--workers", "1"]
    assert main([*args, "--max-size", "0.2", "--part-size", "0.3"]) == 2
    assert "--part-size 0.3 MB is larger than --max-size 0.2 MB" in capsys.readouterr().err
    assert not out.exists()
    # Without --part-size, parts fit the size limit, whatever it is.
    assert main([*args, "--max-size", "0.2"]) == 0
    assert len(jsonl(out)) > 2 and not any(r.get("error") for r in jsonl(out))


def test_a_pattern_never_finds_the_output_of_an_earlier_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("hh").mkdir()
    Path("hh/a.txt").write_text(REPORT_A, encoding="utf-8")
    args = ["tag", "hh/*", "-o", "hh/out.html", "-q", "--workers", "1"]
    assert main(args) == 2  # as for a folder: a later run would read the page as a report
    assert "matches the input pattern hh/*" in capsys.readouterr().err
    assert not Path("hh/out.html").exists()
    for _ in range(2):
        assert main([*args, "--force"]) == 0
        assert capsys.readouterr().err == ""
        assert Path("hh/out.html").read_text(encoding="utf-8").count('data-source="hh/') == 1
    assert main(["tag", "hh", "-o", "hh/out.html", "-q", "--workers", "1", "--force"]) == 0
    assert main(["tag", "hh/out.html", "-o", "hh/out.html", "-q"]) == 2
    assert "the output is one of the inputs" in capsys.readouterr().err


def test_records_carry_provenance_and_resume_keeps_settings(
        reports: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["tag", str(reports["a.txt"]), "-o", str(out), "-q"]) == 0
    (record,) = jsonl(out)
    made = record["provenance"]
    assert set(made) == {"unionnlp", "model", "options"} and made["model"].startswith("packaged:")
    # The same run with another keyword count: --resume refuses to mix the two.
    args = ["tag", str(reports["a.txt"]), str(reports["c.txt"]), "-o", str(out), "-q", "--resume"]
    assert main([*args, "--top-k", "3"]) == 2
    assert "made with other settings" in capsys.readouterr().err
    assert main(args) == 0
    assert [r["provenance"] for r in jsonl(out)] == [made, made]
    assert main([*args, "--top-k", "3", "--force"]) == 0


def test_progress_lines_when_stderr_is_no_terminal(reports: dict[str, Path],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from unionnlp import cli

    monkeypatch.setattr(cli, "_PROGRESS_EVERY", 0.0)
    paths = [str(reports[n]) for n in ("a.txt", "b.md", "c.txt")]
    assert main(["tag", *paths, "--workers", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    # News, not a warning: a cron job's mail that greps for warnings stays empty.
    assert "unionnlp: info: progress: 3 of 3 files tagged, 0 failed" in err
    assert not [line for line in err if "warning" in line]


def test_progress_lines_are_info_records_that_quiet_leaves_out(
        reports: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from unionnlp import cli

    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("progress:"):
                seen.append(record)

    keep = Keep()
    logging.getLogger().addHandler(keep)
    monkeypatch.setattr(cli, "_PROGRESS_EVERY", 0.0)
    try:
        paths = [str(reports[n]) for n in ("a.txt", "c.txt")]
        assert main(["tag", *paths, "--workers", "1"]) == 0
        assert [r.levelno for r in seen] == [logging.INFO, logging.INFO]
        seen.clear()
        capsys.readouterr()
        assert main(["tag", *paths, "--workers", "1", "-q"]) == 0
        assert seen == [] and capsys.readouterr().err == ""
        # -v shows them too, among the other INFO lines.
        assert main(["tag", *paths, "--workers", "1", "-v"]) == 0
        assert len(seen) == 2
    finally:
        logging.getLogger().removeHandler(keep)


def test_the_worker_server_starts_before_the_inputs_are_collected(
        reports: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its warm-up then overlaps the command's own start; one file or one worker never starts it."""
    import unionnlp.batch as batch
    from unionnlp import cli

    events: list[str] = []
    monkeypatch.setattr(cli, "start_pool_server", lambda: events.append("server"))
    real_collect, real_tag = batch.collect, batch.tag_files

    def collect(paths: list[str]) -> batch.Collection:
        events.append("collect")
        return real_collect(paths)

    def tag_files(paths: list[str], **kwargs: object) -> object:  # in this process: no pool
        return real_tag(paths, **{**kwargs, "workers": 1})  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "collect", collect)
    monkeypatch.setattr(batch, "tag_files", tag_files)
    folder = str(reports["a.txt"].parent)
    a, b = str(reports["a.txt"]), str(reports["b.md"])
    pattern = str(reports["a.txt"].parent / "*.txt")
    for args, started in (([folder, "--workers", "2"], True), ([a, b, "--workers", "2"], True),
                          ([pattern, "--workers", "2"], True), ([a, "--workers", "2"], False),
                          ([folder, "--workers", "1"], False)):
        events.clear()
        main(["tag", *args, "-q", "-o", str(tmp_path / "out.jsonl")])
        assert events == (["server", "collect"] if started else ["collect"]), args


def test_the_format_choices_are_the_writers() -> None:
    from unionnlp import cli
    from unionnlp.export import WRITERS

    assert cli._FORMATS == tuple(WRITERS)


@pytest.mark.slow
def test_a_resumed_run_writes_the_bytes_of_a_fresh_one(reports: dict[str, Path], tmp_path: Path) -> None:
    """Whether the journal is already in input order (it becomes OUT) or not (reordered)."""
    paths = [str(reports[n]) for n in ("a.txt", "b.md", "c.txt")]
    out = tmp_path / "out.jsonl"
    assert main(["tag", *paths, "-o", str(out), "-q", "--workers", "2"]) == 0
    fresh = out.read_bytes()
    lines = fresh.splitlines(keepends=True)
    for kept in ([1], [0], [0, 2], []):  # reused between new records, before them, around them
        out.write_bytes(b"".join(lines[i] for i in kept))
        assert main(["tag", *paths, "-o", str(out), "-q", "--resume"]) == 0
        assert out.read_bytes() == fresh, kept
        assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


@pytest.mark.slow
def test_the_worker_server_starts_before_the_heavy_imports(reports: dict[str, Path]) -> None:
    """What the command imports before it starts the forkserver delays the workers' warm-up."""
    code = ("import sys\nfrom unionnlp import cli\n"
            "def start():\n"
            "    print(sorted(m for m in sys.modules if m.startswith(('unionnlp', 'numpy'))))\n"
            "    raise SystemExit(0)\n"
            "cli.start_pool_server = start\n"
            f"cli.main(['tag', {str(reports['a.txt'].parent)!r}, '--workers', '2'])\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.replace("'", '"')) == ["unionnlp", "unionnlp._env", "unionnlp.cli",
                                                        "unionnlp.errors"]


def test_timeout_with_a_scheduler_is_a_warning(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # A name matching nothing stops the run before any cluster is reached.
    args = ["tag", str(tmp_path / "none.txt"), "--scheduler", "tcp://127.0.0.1:1"]
    assert main([*args, "--timeout", "5"]) == 2
    assert ("unionnlp: warning: --timeout does not apply on a Dask cluster"
            in capsys.readouterr().err)
    assert main(args) == 2
    assert "--timeout" not in capsys.readouterr().err
