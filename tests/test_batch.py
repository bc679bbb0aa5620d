"""Tests for the batch runner: collecting inputs, order, failures, workers, Dask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from unionnlp.batch import (
    RUNNERS,
    DaskRunner,
    JsonRecord,
    LocalRunner,
    Result,
    Runner,
    Tagger,
    collect,
    error_record,
    file_sha256,
    get_runner,
    item_key,
    record_key,
    reusable_records,
    tag_files,
)
from unionnlp.cli import main
from unionnlp.errors import ConfigError
from unionnlp.export.json import dumps

REPORT_ORG = """某市总工会2023年工作报告

一、加强基层工会组织建设

全年新建基层工会组织86个，新发展会员1.2万人。在快递、外卖等新就业形态行业集中开展入会活动，推动货车司机、网约车司机加入工会。

二、做好困难职工帮扶救助

开展“两节”送温暖活动，走访慰问困难职工3200户，发放慰问金480万元。建立困难职工档案，实行动态管理，确保帮扶精准到人。
"""

REPORT_SKILLS = """区总工会职工技能提升工作情况

一、广泛开展劳动和技能竞赛

全区举办职业技能竞赛45场，参赛职工1.8万人次，评选技术能手120名。依托职工学校开展技能培训，培训职工6000余人次。

二、依法维护职工合法权益

推行集体协商，签订工资专项集体合同210份。工会劳动法律监督委员会受理职工投诉36件，帮助农民工追回欠薪260万元。
"""

REPORT_SHORT = "工会工作简报\n\n街道工会组织职工参加安全生产知识培训，发放宣传资料2000份。\n"

# GBK text cut by bytes that no supported encoding reads.
UNDECODABLE = "工会工作报告".encode("gbk") + b"\xff\xfe\x80\xff"
BINARY = b"\x00\x01\x02\x03PK\x00\x00" + bytes(range(256))


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def batch(tmp_path: Path, seed_path: Path) -> list[str]:
    """Good reports, the real newspaper page among them, with a binary and an undecodable file between."""
    files = [
        _write(tmp_path / "01_org.txt", REPORT_ORG),
        _write(tmp_path / "02_binary.txt", BINARY),
        _write(tmp_path / "03_skills.md", REPORT_SKILLS),
        _write(tmp_path / "04_broken.txt", UNDECODABLE),
        _write(tmp_path / "05_short.txt", REPORT_SHORT),
    ]
    paths = [str(f) for f in files]
    paths.insert(2, str(seed_path))
    return paths


def _lines(records: list[Result]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


# --- collect ------------------------------------------------------------------------------------


def test_collect_walks_directories_sorted_and_keeps_explicit_files(tmp_path: Path) -> None:
    _write(tmp_path / "d" / "b.txt", REPORT_SHORT)
    _write(tmp_path / "d" / "a.md", REPORT_SHORT)
    _write(tmp_path / "d" / "sub" / "c.HTML", "<p>工会</p>")
    _write(tmp_path / "d" / "notes.csv", "x")
    _write(tmp_path / "d" / ".hidden.txt", REPORT_SHORT)
    _write(tmp_path / "d" / ".git" / "x.txt", REPORT_SHORT)
    explicit = _write(tmp_path / "odd.csv", "x")

    files, missing = collect([tmp_path / "d", str(explicit), tmp_path / "d" / "a.md"])

    assert missing == []
    names = [f.relative_to(tmp_path).as_posix() for f in files]
    assert names == ["d/a.md", "d/b.txt", "d/sub/c.HTML", "odd.csv"]


def test_collect_globs_and_missing(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "1.txt", REPORT_SHORT)
    _write(tmp_path / "x" / "y" / "2.docx", b"")
    _write(tmp_path / "x" / "y" / "3.csv", "x")
    (tmp_path / "empty").mkdir()

    files, missing = collect(
        [str(tmp_path / "x" / "**" / "*"), str(tmp_path / "nope.txt"), str(tmp_path / "*.pdf"), tmp_path / "empty"]
    )

    assert [f.name for f in files] == ["1.txt", "2.docx"]
    assert missing == [str(tmp_path / "nope.txt"), str(tmp_path / "*.pdf"), str(tmp_path / "empty")]


# --- records ------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_order_and_failures(batch: list[str], workers: int) -> None:
    records = list(tag_files(batch, workers=workers))

    assert [r["source"] for r in records] == batch
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["02_binary.txt"]["error"]["type"] == "UnsupportedFormatError"
    assert by_name["04_broken.txt"]["error"]["type"] == "DecodeError"
    assert "04_broken.txt" in by_name["04_broken.txt"]["error"]["message"]
    good = [r for r in records if "error" not in r]
    assert len(good) == len(batch) - 2
    for record in records:
        assert list(record)[:3] == ["schema", "source", "sha256"]
        assert record["schema"] == "unionnlp/1"
        assert record["sha256"] == file_sha256(record["source"])
    org = by_name["01_org.txt"]
    assert org["articles"], org
    paragraphs = [p["text"] for a in org["articles"] for s in a["sections"] for p in s["paragraphs"]]
    assert any("送温暖" in p for p in paragraphs)


@pytest.mark.slow
def test_one_and_two_workers_give_the_same_bytes(batch: list[str]) -> None:
    one = _lines(list(tag_files(batch, workers=1)))
    two = _lines(list(tag_files(batch, workers=2)))
    assert one == two


@pytest.mark.slow
def test_small_window_keeps_order(batch: list[str]) -> None:
    runner = LocalRunner(workers=2, max_in_flight=1)
    records = list(tag_files(batch * 2, runner=runner))
    assert [r["source"] for r in records] == batch * 2


def test_records_as_json_are_the_lines_of_the_records(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    paths = [str(_write(tmp_path / "a.txt", REPORT_ORG)), str(_write(tmp_path / "b.txt", BINARY))]
    plain = list(tag_files(paths, workers=1))
    caplog.clear()

    encoded = list(tag_files(paths, workers=1, as_json=True))

    assert all(isinstance(r, JsonRecord) for r in encoded)
    assert [r.text for r in encoded] == [dumps(r) for r in plain]
    assert [r.key for r in encoded] == [record_key(r) for r in plain] == paths
    assert [r.record() for r in encoded] == plain
    assert encoded[0].failure is None
    assert encoded[1].failure is not None and encoded[1].failure.startswith(paths[1] + ": ")
    # The failure is logged from the encoded record, as from a plain one.
    assert [r.getMessage() for r in caplog.records] == [encoded[1].failure]


@pytest.mark.slow
def test_workers_encode_what_one_process_writes(batch: list[str]) -> None:
    one = [dumps(r) for r in tag_files(batch, workers=1)]
    two = list(tag_files(batch, workers=2, as_json=True))
    assert [r.text for r in two] == one
    assert [r.failure is not None for r in two] == ["error" in json.loads(x) for x in one]


@dataclass(frozen=True)
class _CrashingTagger(Tagger):
    """Kills its worker process on files named ``crash``: a segfault or the OOM killer."""

    def __call__(self, path: str, location: str | None = None) -> Result:
        if "crash" in Path(path).name:
            os._exit(70)
        return super().__call__(path, location)

    def warm(self) -> None:
        pass


@pytest.mark.slow
@pytest.mark.parametrize(("count", "crashing"), [(8, {1, 4}), (40, {5, 22})],
                         ids=["a file a task", "tasks of several files"])
def test_a_dying_worker_costs_only_its_file(tmp_path: Path, count: int,
                                            crashing: set[int]) -> None:
    paths = [
        str(_write(tmp_path / f"{i:02d}{'_crash' if i in crashing else ''}.txt", REPORT_SHORT))
        for i in range(count)
    ]
    records = list(LocalRunner(workers=2).run(_CrashingTagger(), paths))

    assert [r["source"] for r in records] == paths
    assert [i for i, r in enumerate(records) if "error" in r] == sorted(crashing)
    for i in crashing:
        assert records[i]["error"]["type"] == "WorkerCrashed"
        assert records[i]["sha256"] == file_sha256(paths[i])
    encoded = list(LocalRunner(workers=2).run(_CrashingTagger(as_json=True), paths))
    assert [r.record() for r in encoded] == records
    assert [i for i, r in enumerate(encoded) if r.failure] == sorted(crashing)


def test_worker_path_differs_from_recorded_path(tmp_path: Path) -> None:
    real = _write(tmp_path / "r.txt", REPORT_SHORT)
    record = Tagger()("reports/r.txt", str(real))
    assert record["source"] == "reports/r.txt"
    assert record["sha256"] == file_sha256(real)
    missing = Tagger()("reports/gone.txt", str(tmp_path / "gone.txt"))
    assert missing["error"]["type"] == "InputError"
    assert missing["error"]["message"].startswith("reports/gone.txt: ")
    assert missing["sha256"] is None


def test_a_workers_view_of_a_file_is_named_as_given_in_warnings_and_errors(
        tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "")
    record = Tagger()("reports/empty.txt", str(empty))
    assert record["warnings"] == ["reports/empty.txt: the file holds no text"]
    broken = _write(tmp_path / "broken.txt", UNDECODABLE)
    failed = Tagger()("reports/b\udcff.txt", str(broken))  # a name that is not UTF-8
    assert failed["source"] == "reports/b\\xff.txt"
    assert failed["error"]["message"].startswith("reports/b\\xff.txt: ")
    assert dumps(failed).encode("utf-8")


def test_records_are_keyed_by_the_name_as_given_not_as_printed(tmp_path: Path) -> None:
    names = [os.path.join(os.fsencode(tmp_path), b"a\xff.txt"), str(tmp_path / "a\\xff.txt")]
    with open(names[0], "wb") as handle:
        handle.write(REPORT_SHORT.encode("utf-8"))
    _write(Path(names[1]), REPORT_ORG)
    paths = [os.fsdecode(names[0]), names[1]]
    encoded = list(tag_files(paths, workers=1, as_json=True))
    assert [r.key for r in encoded] == [item_key(p) for p in paths] == paths
    assert len({record_key(r.record()) for r in encoded}) == 1  # both print as a\xff.txt
    reused = reusable_records(paths, [r.record() for r in encoded])
    assert {k: v["sha256"] for k, v in reused.items()} == {
        p: file_sha256(p) for p in paths}


def test_reusable_records_need_the_same_bytes_and_success(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", REPORT_SHORT)
    b = _write(tmp_path / "b.txt", REPORT_SHORT)
    earlier = list(tag_files([a, b], workers=1))
    earlier.append({"schema": "unionnlp/1", "source": "elsewhere.txt", "sha256": "0"})
    b.write_text(REPORT_ORG, encoding="utf-8")

    reused = reusable_records([str(a), str(b)], earlier)

    assert list(reused) == [str(a)]


# --- runners and settings -----------------------------------------------------------------------


def test_parts_larger_than_the_size_limit_are_refused_up_front(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", REPORT_ORG)
    with pytest.raises(ConfigError, match="part_bytes"):
        tag_files([path], stream=True, max_bytes=1000, part_bytes=2000)


def test_only_a_files_last_part_warns_that_the_text_stops_mid_sentence(tmp_path: Path) -> None:
    # Hard-wrapped lines without a blank line: each part ends on a line that the next part
    # goes on with, and the file itself stops mid-sentence.
    line = "今年以来,市总工会坚持把服务职工作为工作生命线,推动困难职工帮扶、技能提升和"
    text = "市总工会2024年工作总结\n\n" + "\n".join([line] * 60) + "\n"
    path = _write(tmp_path / "a.txt", text)
    records = list(tag_files([path], workers=1, stream=True, max_bytes=4000, part_bytes=2000))
    assert len(records) > 1
    said = [any("the text stops mid-sentence" in w for w in r["warnings"]) for r in records]
    assert said == [False] * (len(records) - 1) + [True]


def test_runner_registry_and_settings() -> None:
    assert sorted(RUNNERS) == ["dask", "local"]
    with pytest.raises(ConfigError, match="dask, local"):
        get_runner("spark")
    with pytest.raises(ConfigError):
        tag_files(["x.txt"], runner="spark")
    with pytest.raises(ConfigError):
        tag_files(["x.txt"], workers=0)
    with pytest.raises(ConfigError, match="scheduler"):
        tag_files(["x.txt"], runner="dask")
    with pytest.raises(ConfigError):
        tag_files(["x.txt"], runner="local", scheduler="tcp://127.0.0.1:8786")
    assert isinstance(get_runner("dask", scheduler="tcp://127.0.0.1:8786"), DaskRunner)


class _FakeRunner(Runner):
    """Runs nothing: one canned record per path, to test what tag_files adds around a runner."""

    name = "fake"

    def run(self, tagger: Tagger, paths: Sequence[str]) -> Iterator[Result]:
        for path in paths:
            if path.endswith("bad"):
                yield error_record(path, "DecodeError", f"{path}: cannot decode")
            else:
                yield {"schema": "unionnlp/1", "source": path, "sha256": None}

    @classmethod
    def configure(cls, *, workers: int | None, scheduler: object) -> Runner:
        return cls()


def test_a_runner_object_with_progress_and_failure_logs(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    records = list(tag_files(["a", "b.bad", "c"], runner=_FakeRunner(), progress=True))
    assert [r["source"] for r in records] == ["a", "b.bad", "c"]
    bar = capsys.readouterr().err
    assert "tagging" in bar and "3/3" in bar
    assert [r.getMessage() for r in caplog.records] == ["b.bad: cannot decode"]
    # Asked for encoded records, a runner that gives plain ones still yields them encoded.
    encoded = list(tag_files(["a", "b.bad"], runner=_FakeRunner(), as_json=True))
    assert [r.text for r in encoded] == [dumps(r) for r in records[:2]]
    assert [r.failure for r in encoded] == [None, "b.bad: cannot decode"]
    with pytest.raises(ConfigError):
        tag_files(["a"], runner=_FakeRunner(), workers=2)


def test_missing_dask_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    records = DaskRunner("tcp://127.0.0.1:8786").run(Tagger(), ["x.txt"])
    with pytest.raises(ConfigError, match=r"unionnlp\[distributed\]"):
        next(records)


def _models_loaded() -> bool:
    from unionnlp.themes import default_classifier

    return default_classifier.cache_info().currsize == 1


@pytest.mark.slow
def test_dask_cluster_gives_the_local_records(batch: list[str]) -> None:
    distributed = pytest.importorskip("distributed")
    local = _lines(list(tag_files(batch, workers=1)))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert list(DaskRunner(client).run(Tagger(), [])) == []
        # The runner's plugin warmed the worker before any file was sent.
        assert all(client.run(_models_loaded).values())
        by_client = _lines(list(tag_files(batch, runner=DaskRunner(client))))
        by_address = _lines(list(tag_files(batch, scheduler=cluster.scheduler_address)))
    assert by_client == local
    assert by_address == local


@pytest.mark.slow
def test_dask_records_are_the_bytes_of_a_local_run(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    from unionnlp.themes import default_classifier

    monkeypatch.chdir(tmp_path)
    _write(Path("e/a_empty.txt"), "")
    _write(Path("e/b_ok.txt"), REPORT_ORG)
    with open(b"e/c_bad\xff.txt", "wb") as handle:  # fails, and its name is not UTF-8
        handle.write(UNDECODABLE)
    default_classifier().save("model.npz")
    args = ["tag", "e", "--model", "model.npz", "-q"]
    assert main([*args, "--workers", "1", "-o", "local.jsonl"]) == 1
    (tmp_path / "elsewhere").mkdir()
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        client.run(os.chdir, str(tmp_path / "elsewhere"))  # where relative paths mean nothing
        assert main([*args, "--scheduler", cluster.scheduler_address, "-o", "dask.jsonl"]) == 1
        assert main([*args, "--scheduler", cluster.scheduler_address]) == 1  # to stdout
    local = Path("local.jsonl").read_bytes()
    assert Path("dask.jsonl").read_bytes() == local
    records = [json.loads(line) for line in local.splitlines()]
    assert [r.get("error", {}).get("type") for r in records] == [None, None, "DecodeError"]
    assert records[0]["warnings"] == ["e/a_empty.txt: the file holds no text"]
    assert records[2]["error"]["message"].startswith("e/c_bad\\xff.txt: ")


def _lose_unionnlp() -> None:
    """On a worker: forget unionnlp and refuse to import it again, as on a machine where
    it was never installed (the worker process itself, not a stand-in)."""
    class NotInstalled:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name.partition(".")[0] == "unionnlp":
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    for name in [m for m in sys.modules if m.partition(".")[0] == "unionnlp"]:
        del sys.modules[name]
    sys.meta_path.insert(0, NotInstalled())


def _install_version(version: str) -> None:
    """On a worker: unionnlp says it is another version, and has no ``unionnlp._dask``,
    as an install older than that module would."""
    import unionnlp

    class Older:
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name == "unionnlp._dask":
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    sys.modules.pop("unionnlp._dask", None)
    sys.meta_path.insert(0, Older())
    unionnlp.__version__ = version


def test_the_version_probe_runs_on_a_worker_with_an_older_unionnlp(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An older unionnlp has no ``unionnlp._dask.installed_version``: the probe must reach
    such a worker by value and read its version there, not fail to unpickle (which the
    runner would report as a worker without unionnlp)."""
    pytest.importorskip("distributed")
    import types

    from distributed.protocol import pickle as dask_pickle

    from unionnlp._dask import installed_version

    sent = dask_pickle.dumps(installed_version)
    older = types.ModuleType("unionnlp")  # a plain module: no unionnlp._dask under it
    older.__version__ = "0.0.9"  # type: ignore[attr-defined]
    for name in [m for m in sys.modules if m.startswith("unionnlp.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "unionnlp", older)
    assert dask_pickle.loads(sent)() == "0.0.9"
    del older.__version__  # type: ignore[attr-defined]
    assert isinstance(dask_pickle.loads(sent)(), str)  # the distribution's, or "of unknown version"
    monkeypatch.delitem(sys.modules, "unionnlp")
    monkeypatch.setattr(sys, "path", [])  # and a worker without unionnlp cannot import it
    with pytest.raises(ModuleNotFoundError, match="unionnlp"):
        dask_pickle.loads(sent)()


class _FakeClient:
    """What ``client.run(installed_version, on_error="return")`` answers, worker by worker."""

    def __init__(self, answers: dict[str, object]) -> None:
        self.answers = answers

    def run(self, function: object, *, on_error: str) -> dict[str, object]:
        assert on_error == "return"
        return self.answers


def test_a_worker_with_another_unionnlp_is_named_with_both_versions() -> None:
    import unionnlp
    from unionnlp.batch import _check_workers

    ours = unionnlp.__version__
    _check_workers(_FakeClient({"tcp://10.0.0.1:4001": ours}))  # the same: no complaint
    with pytest.raises(ConfigError) as caught:
        _check_workers(_FakeClient({"tcp://10.0.0.1:4001": ours, "tcp://10.0.0.2:4001": "0.0.9"}))
    message = str(caught.value)
    assert "another version of unionnlp" in message and "cannot import" not in message
    assert f"tcp://10.0.0.2:4001: unionnlp 0.0.9 where this process has {ours}" in message
    assert "10.0.0.1" not in message
    missing = ModuleNotFoundError("No module named 'unionnlp'")
    with pytest.raises(ConfigError, match=r"cannot import unionnlp \(tcp://10.0.0.3:4001: No module"):
        _check_workers(_FakeClient({"tcp://10.0.0.3:4001": missing, "tcp://10.0.0.2:4001": "0.0.9"}))


@pytest.mark.slow
def test_a_cluster_that_cannot_run_unionnlp_is_refused_before_any_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    distributed = pytest.importorskip("distributed")
    import unionnlp
    from unionnlp._dask import installed_version

    monkeypatch.chdir(tmp_path)
    inbox = Path("inbox")
    for name, text in (("a.txt", REPORT_ORG), ("b.txt", REPORT_SKILLS), ("c.txt", REPORT_SHORT)):
        _write(inbox / name, text)
    asked: list[object] = []
    real_run = distributed.Client.run

    def counted(self: object, function: object, *args: object, **kwargs: object) -> object:
        asked.append(function)
        return real_run(self, function, *args, **kwargs)

    monkeypatch.setattr(distributed.Client, "run", counted)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        address = cluster.scheduler_address
        args = ["tag", "inbox", "--scheduler", address, "-o", "tags.jsonl"]
        # A healthy cluster: asked once for the run, not once per file.
        assert main(args) == 0
        assert asked.count(installed_version) == 1
        Path("tags.jsonl").unlink()

        client.run(_lose_unionnlp)
        assert main(args) == 2
        err = capsys.readouterr().err
        assert "unionnlp: error: the Dask workers cannot import unionnlp (" in err
        assert "No module named 'unionnlp" in err and unionnlp.__version__ in err
        assert sorted(os.listdir()) == ["inbox"]  # no output, journal or lock left
        with pytest.raises(ConfigError, match="cannot import unionnlp"):
            tag_files(["inbox"], runner=DaskRunner(client))  # before the first record is asked for

        client.restart()
        client.run(_install_version, "0.0.1", workers=[next(iter(client.scheduler_info()["workers"]))])
        assert main([*args, "--format", "csv"]) == 2
        err = capsys.readouterr().err
        assert ("the Dask workers run another version of unionnlp than this process's "
                f"{unionnlp.__version__} (") in err
        assert (f": unionnlp 0.0.1 where this process has {unionnlp.__version__}); "
                "install the same version on every worker") in err
        assert sorted(os.listdir()) == ["inbox"]


@pytest.mark.slow
def test_the_warm_up_plugin_has_the_same_name_in_every_process() -> None:
    pytest.importorskip("distributed")
    code = ("from unionnlp._dask import WarmWorker; from unionnlp.model import Options; "
            "print(WarmWorker(Options(top_k=3)).name)")
    names = {subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                            text=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
             for seed in ("1", "2")}
    assert len(names) == 1


@pytest.mark.slow
def test_one_worker_loads_what_it_needs_before_the_first_files_budget(tmp_path: Path) -> None:
    # A fresh process: what the first file's analysis imports inside its time budget, where
    # the budget's alarm can cut an import short and leave a module half made.
    code = """if True:
        import contextlib, sys
        from unionnlp import batch
        budget, imported = batch.within_budget, []
        @contextlib.contextmanager
        def watched(seconds, path):
            before = set(sys.modules)
            with budget(seconds, path):
                yield
            imported.extend(sorted(set(sys.modules) - before))
        batch.within_budget = watched
        (record,) = batch.tag_files([sys.argv[1]], workers=1)
        assert "error" not in record, record
        print(" ".join(imported))
    """
    path = _write(tmp_path / "a.txt", REPORT_ORG)
    run = subprocess.run([sys.executable, "-c", code, str(path)], check=True,
                         capture_output=True, text=True)
    loaded = {name.split(".")[0] for name in run.stdout.split()}
    assert not loaded & {"numpy", "jieba", "rjieba", "scipy", "unionnlp"}, run.stdout


def test_small_files_go_to_the_workers_a_few_at_a_time(tmp_path: Path) -> None:
    from unionnlp.batch import PartOf, _tasks
    from unionnlp.model import Part

    small = [str(_write(tmp_path / f"{i:02d}.txt", REPORT_SHORT)) for i in range(40)]
    big = str(_write(tmp_path / "big.txt", REPORT_ORG * 100))
    part = PartOf(big, Part(index=0, start=0, stop=1 << 20))
    missing = str(tmp_path / "gone.txt")

    tasks = list(_tasks([*small[:9], big, *small[9:], part, missing], workers=2))

    assert [x for t in tasks for x in t] == [*small[:9], big, *small[9:], part, missing]
    assert max(map(len, tasks)) == 4
    assert [big] in tasks and [part] in tasks
    # A short batch still gives every worker several tasks.
    assert list(_tasks(small[:8], workers=2)) == [[p] for p in small[:8]]
    assert len(list(_tasks(small[:16], workers=2))) == 8




@dataclass(frozen=True)
class _GatedTagger(Tagger):
    """Holds a file named ``slow`` until ``wait_for`` other files are done (each leaves a
    ``.done`` mark), or ``patience`` seconds pass; its record says how many it saw."""

    wait_for: int = 0
    patience: float = 30.0

    def __call__(self, path: str, location: str | None = None) -> Result:  # type: ignore[override]
        import time

        record = super().__call__(path, location)
        if "slow" not in Path(path).name:
            Path(path + ".done").touch()
            return record
        folder = Path(path).parent
        deadline = time.monotonic() + self.patience
        while (seen := len(list(folder.glob("*.done")))) < self.wait_for:
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        return record | {"others_done": seen}


def _slow_batch(tmp_path: Path, others: int = 15) -> list[str]:
    return [str(_write(tmp_path / "00_slow.txt", REPORT_SHORT)),
            *(str(_write(tmp_path / f"{i:02d}.txt", REPORT_SHORT)) for i in range(1, others + 1))]


@pytest.mark.slow
def test_a_slow_file_does_not_idle_the_other_workers(tmp_path: Path) -> None:
    paths = _slow_batch(tmp_path)
    # Tasks of two files here: 01 runs after the slow one, in its task.
    records = list(LocalRunner(workers=2, max_in_flight=2).run(_GatedTagger(wait_for=14), paths))
    assert [r["source"] for r in records] == paths  # still in input order
    assert records[0]["others_done"] == 14


@pytest.mark.slow
def test_records_held_behind_a_slow_file_are_bounded(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from unionnlp import batch as batch_module

    monkeypatch.setattr(batch_module, "_MAX_HELD", 4)
    paths = _slow_batch(tmp_path)
    tagger = _GatedTagger(wait_for=15, patience=2.0)
    records = list(LocalRunner(workers=2, max_in_flight=2).run(tagger, paths))
    assert [r["source"] for r in records] == paths
    # Submitting stopped once 4 records waited (plus the tasks then running).
    assert 4 <= records[0]["others_done"] < 15


@pytest.mark.slow
def test_records_as_done_come_before_a_slow_one(tmp_path: Path) -> None:
    paths = _slow_batch(tmp_path)
    pairs = list(LocalRunner(workers=2, max_in_flight=2).run_as_done(
        _GatedTagger(wait_for=14), paths))
    assert sorted(i for i, _ in pairs) == list(range(len(paths)))
    assert [r["source"] for i, r in pairs] == [paths[i] for i, _ in pairs]
    assert [i for i, _ in pairs[-2:]] == [0, 1]  # the slow file's task, finished last


@dataclass(frozen=True)
class _InterruptingTagger(Tagger):
    """On a file named ``slow``: wait until the journal beside ``out.jsonl`` holds 14
    records (or 30 s pass), then Ctrl-C the batch whose pid ``pid`` holds, and hang."""

    def __call__(self, path: str, location: str | None = None) -> Result:  # type: ignore[override]
        import signal
        import time

        if "slow" not in Path(path).name:
            return super().__call__(path, location)
        folder = Path(path).parent.parent
        journal = folder / ".out.jsonl.partial"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if journal.exists() and journal.read_bytes().count(b"\n") >= 14:
                break
            time.sleep(0.02)
        os.kill(int((folder / "pid").read_text()), signal.SIGINT)
        time.sleep(60)
        return super().__call__(path, location)


@pytest.mark.slow
def test_an_interrupted_run_keeps_records_finished_behind_a_slow_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from unionnlp import batch as batch_module

    paths = [os.path.relpath(p, tmp_path) for p in _slow_batch(tmp_path / "in")]
    (tmp_path / "pid").write_text(str(os.getpid()))
    monkeypatch.chdir(tmp_path)
    assert main(["tag", "in", "-o", "clean.jsonl", "--workers", "2", "-q"]) == 0
    with monkeypatch.context() as patched:
        patched.setattr(batch_module, "Tagger", _InterruptingTagger)
        assert main(["tag", "in", "-o", "out.jsonl", "--workers", "2", "-q"]) == 130
    journal = [json.loads(line) for line in Path(".out.jsonl.partial").read_text().splitlines()]
    # Every file but the slow one's task (it and 01) was done, and kept.
    assert sorted(r["source"] for r in journal) == paths[2:]
    assert main(["tag", "in", "-o", "out.jsonl", "--workers", "2", "-q", "--resume"]) == 0
    assert Path("out.jsonl").read_bytes() == Path("clean.jsonl").read_bytes()


@dataclass(frozen=True)
class _CtrlCTagger(Tagger):
    """Sends its own worker process SIGINT, as Ctrl-C reaches every process of the group."""

    def __call__(self, path: str, location: str | None = None) -> Result:  # type: ignore[override]
        import signal

        os.kill(os.getpid(), signal.SIGINT)
        return super().__call__(path, location)


@pytest.mark.slow
def test_pool_workers_leave_ctrl_c_to_the_batch(tmp_path: Path) -> None:
    paths = [str(_write(tmp_path / f"{i}.txt", REPORT_SHORT)) for i in range(4)]
    records = list(LocalRunner(workers=2).run(_CtrlCTagger(), paths))
    assert [r["source"] for r in records] == paths
    assert not any("error" in r for r in records)


def test_provenance_tells_packaged_theme_models_fitted_apart_on_the_same_data(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A packaged theme model refitted with another context stage keeps its data key; the
    records it made must not be reused for the one before (review 71b)."""
    import numpy as np

    from unionnlp import batch, store, themes

    meta, arrays = store.read_arrays(store.packaged(themes.PACKAGED_MODEL, "theme model"),
                                     themes._FORMAT)
    before = batch.provenance.__wrapped__(batch.DEFAULT)["model"]
    # The same data key, other context weights, as a refit of the context stage gives.
    other = dict(arrays, context_coef=np.asarray(arrays["context_coef"]) * 0.5)
    path = tmp_path / "themes.npz"
    store.write_arrays(path, themes._FORMAT, meta, other)
    real = store.packaged
    monkeypatch.setattr(store, "packaged", lambda p, what: path.read_bytes()
                        if p == themes.PACKAGED_MODEL else real(p, what))
    after = batch.provenance.__wrapped__(batch.DEFAULT)["model"]
    assert before.split(":")[1] == after.split(":")[1]  # one data key
    assert before != after
