"""CPU time of unionnlp side by side with jieba, in one run: many small reports, one large
text, the command line on the real page, a fresh process's first result, two workers
against one, and peak memory on a large text.

Every figure is CPU seconds (user + system, the process and its children), so that other
load on the machine moves it little; the worker scaling is wall-clock, as that is what
more workers buy. The small reports are distinct real-shaped twins (``--repeated``: the
packaged corpus reports repeated, as in earlier rounds); the large texts are the corpus
reports repeated (see bench_speed.union_text).

    python benchmarks/bench_cpu.py [--json PATH] [--small N] [--repeated] [--large-mb MB]
                                   [--rss-mb MB] [--only PART ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_speed import union_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_9586f3886ee54ef2.txt"
#: The issue's targets (ratios are unionnlp against jieba.analyse.extract_tags, CPU).
#: What can be measured alone with --only.
PARTS = ("small", "large", "cli", "first", "workers", "memory")
TARGETS = {"small_ratio": 1.5, "large_ratio": 2.5, "cli_cpu": 0.8, "first_cpu": 0.6,
           "workers_scaling": 1.7, "rss_mb": 800.0}
#: The environment of every child process: that of an installed package, whose modules pip
#: compiled to bytecode at install time. Where PYTHONDONTWRITEBYTECODE is set (some
#: sandboxes set it), a source checkout would compile every module in every fresh process.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def small_reports(count: int, repeated: bool = False) -> list[str]:
    """``count`` small reports, each a different real-shaped twin of 1.5 KB or more (by
    id), so that no cache kept across calls meets the same text twice; ``repeated``: the
    workload of rounds before 2026-12-07, reports of about 2.5 KB cut from the packaged
    corpus repeated (400 of them hold 155 distinct texts)."""
    if not repeated:
        from unionnlp.twins import load_twins

        texts = [t.text for t in load_twins() if len(t.text.encode("utf-8")) >= 1500]
        if len(texts) < count:
            raise SystemExit(f"only {len(texts)} twins of 1.5 KB or more, {count} asked")
        return texts[:count]
    reports, current = [], ""
    for paragraph in union_text(count * 2600).split("\n\n"):
        current += paragraph + "\n\n"
        if len(current.encode("utf-8")) >= 2500:
            reports.append(current)
            current = ""
    return reports[:count]


def side_by_side(texts: list[str]) -> dict[str, float]:
    """CPU seconds of analyze and of extract_tags over ``texts``, both warm."""
    import jieba
    import jieba.analyse

    import unionnlp

    jieba.setLogLevel(60)
    unionnlp.analyze(texts[0][:2000])
    jieba.analyse.extract_tags(texts[0][:2000])
    start = _cpu()
    for text in texts:
        unionnlp.analyze(text)
    ours = _cpu() - start
    start = _cpu()
    for text in texts:
        jieba.analyse.extract_tags(text, topK=10)
    theirs = _cpu() - start
    return {"analyze_s": ours, "extract_tags_s": theirs, "ratio": theirs / ours}


def _child_cpu(command: list[str], **kwargs: object) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=CHILD_ENV, **kwargs)  # type: ignore[call-overload]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cli_cpu(runs: int = 3) -> dict[str, float]:
    """CPU of `unionnlp tag` and of `python -m jieba` on the real page (best of ``runs``)."""
    ours = min(_child_cpu([sys.executable, "-m", "unionnlp", "tag", str(SEED)])
               for _ in range(runs))
    theirs = min(_child_cpu([sys.executable, "-m", "jieba", str(SEED)]) for _ in range(runs))
    return {"unionnlp_tag_s": ours, "python_m_jieba_s": theirs}


def _first_result(**env: str) -> float:
    code = ("import resource, unionnlp\n"
            "def cpu():\n    r = resource.getrusage(resource.RUSAGE_SELF)\n"
            "    return r.ru_utime + r.ru_stime\n"
            f"text = open({str(SEED)!r}, encoding='utf-8').read()\n"
            "start = cpu(); unionnlp.analyze(text); print(cpu() - start)\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, env={**CHILD_ENV, "OPENBLAS_NUM_THREADS": "1", **env})
    return float(out.stdout.split()[-1])


def first_result_cpu(runs: int = 3) -> float:
    """CPU from after `import unionnlp` to the first report, in a fresh process."""
    return min(_first_result() for _ in range(runs))


def first_result_cold_cpu(runs: int = 3) -> float:
    """The same in the first process of a Python build on a machine: no compiled pattern
    cached yet, so each is compiled, checked and saved (the other caches as they are)."""
    import shutil

    from unionnlp.cache import cache_dir

    found = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            for path in cache_dir().iterdir():
                if path.is_file() and not path.name.startswith("regex-"):
                    shutil.copy2(path, folder)
            found.append(_first_result(UNIONNLP_CACHE=folder))
    return min(found)


def workers_scaling(texts: list[str], rounds: int = 5) -> dict[str, float]:
    """Wall-clock seconds of `unionnlp tag --workers 1` and `--workers 2` on the files, run
    alternately ``rounds`` times: each count's fastest run (the one other work on the
    machine disturbed least), and the median of the rounds' ratios."""
    runs: dict[int, list[float]] = {1: [], 2: []}
    same = True
    with tempfile.TemporaryDirectory(prefix="unionnlp-bench-") as folder:
        for i, text in enumerate(texts):
            Path(folder, f"{i:04d}.txt").write_text(text, encoding="utf-8")
        for _ in range(rounds):
            for workers in (1, 2):
                target = Path(folder) / f"out{workers}.jsonl"
                target.unlink(missing_ok=True)
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "unionnlp", "tag", folder, "-q",
                                "--workers", str(workers), "-o", str(target)], check=True,
                               env=CHILD_ENV)
                runs[workers].append(time.perf_counter() - start)
            same &= (Path(folder, "out1.jsonl").read_bytes()
                     == Path(folder, "out2.jsonl").read_bytes())
        parent = min(_parent_cpu(folder) for _ in range(3))
    ratios = sorted(a / b for a, b in zip(runs[1], runs[2], strict=True))
    return {"workers_1_s": min(runs[1]), "workers_2_s": min(runs[2]),
            "scaling": min(runs[1]) / min(runs[2]), "median_round_scaling": ratios[len(ratios) // 2],
            "rounds": float(rounds), "identical_output": float(same), "parent_cpu_s": parent}


#: `unionnlp tag` with its arguments, then this process's own CPU (not its workers').
_OWN_CPU = ("import resource, runpy, sys\n"
            "sys.argv = ['unionnlp', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('unionnlp', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "own = resource.getrusage(resource.RUSAGE_SELF)\n"
            "print(own.ru_utime + own.ru_stime)\n")


def _parent_cpu(folder: str) -> float:
    """CPU of the process that runs `unionnlp tag --workers 2` on the folder, without its
    workers': what it spends collecting, receiving and writing the records."""
    target = Path(folder) / "parent.jsonl"
    target.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-c", _OWN_CPU, "tag", folder, "-q", "--workers", "2",
                          "-o", str(target)], check=True, capture_output=True, text=True,
                         env=CHILD_ENV)
    return float(out.stdout.split()[-1])


def peak_rss_mb(megabytes: float) -> dict[str, float]:
    """Peak RSS of a fresh process that analyses a text of ``megabytes`` MB, and of one that
    only loads everything on a small report (the baseline)."""
    code = ("import resource, sys, unionnlp\n"
            "sys.path.insert(0, {bench!r})\n"
            "from bench_speed import union_text\n"
            "text = union_text(int({mb} * 1e6)) if {mb} else '工会帮扶困难职工56户。'\n"
            "unionnlp.analyze(text)\n"
            # VmHWM: ru_maxrss keeps the forking parent's size across exec on Linux.
            "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
            "print(int(hwm[0].split()[1]) / 1024 if hwm else "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n")
    bench = str(Path(__file__).resolve().parent)
    result = {}
    for name, mb in (("baseline_mb", 0), ("peak_mb", megabytes)):
        out = subprocess.run([sys.executable, "-c", code.format(bench=bench, mb=mb)],
                             check=True, capture_output=True, text=True,
                             env={**CHILD_ENV, "OPENBLAS_NUM_THREADS": "1"})  # as the CLI
        result[name] = float(out.stdout.split()[-1])
    result["mb_per_input_mb"] = (result["peak_mb"] - result["baseline_mb"]) / megabytes
    # The streaming path on the same text as a file: parts of 4 MB, each report dropped
    # once written, as `tag --stream` does.
    stream = ("import os, sys, tempfile, unionnlp\n"
              "sys.path.insert(0, {bench!r})\n"
              "from bench_speed import union_text\n"
              "fd, path = tempfile.mkstemp(suffix='.txt')\n"
              "os.write(fd, union_text(int({mb} * 1e6)).encode()); os.close(fd)\n"
              "parts = sum(1 for r in unionnlp.analyze_stream(path) if r.to_dict())\n"
              "os.unlink(path)\n"
              "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
              "print(parts, int(hwm[0].split()[1]) / 1024 if hwm else 0)\n")
    out = subprocess.run([sys.executable, "-c", stream.format(bench=bench, mb=megabytes)],
                         check=True, capture_output=True, text=True,
                         env={**CHILD_ENV, "OPENBLAS_NUM_THREADS": "1"})
    parts, peak = out.stdout.split()[-2:]
    result["stream_parts"] = float(parts)
    result["stream_peak_mb"] = float(peak)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--small", type=int, default=400, help="small reports (default 400)")
    parser.add_argument("--repeated", action="store_true",
                        help="small reports cut from the packaged corpus repeated (the workload "
                        "of earlier rounds) instead of distinct real-shaped twins")
    parser.add_argument("--large-mb", type=float, default=1.0, help="large text, MB (default 1)")
    parser.add_argument("--rss-mb", type=float, default=20.0, help="text for peak RSS (default 20)")
    parser.add_argument("--only", nargs="+", choices=PARTS, metavar="PART",
                        help=f"measure only these parts ({', '.join(PARTS)}); default all")
    args = parser.parse_args(argv)

    wanted = set(args.only or PARTS)
    small = small_reports(args.small, args.repeated) if wanted & {"small", "workers"} else []
    figures: dict[str, Any] = {}
    rows: list[tuple[str, str, float | None]] = []
    if "small" in wanted:
        s = figures["small"] = {"reports": len(small), **side_by_side(small)}
        size = sum(len(t.encode("utf-8")) for t in small) / max(len(small), 1) / 1000
        rows.append((f"{s['reports']} reports of ~{size:.1f} KB: analyze {s['analyze_s']:.2f} s, "
                     f"extract_tags {s['extract_tags_s']:.2f} s", f"{s['ratio']:.2f}x",
                     TARGETS["small_ratio"]))
    if "large" in wanted:
        big = figures["large"] = {"mb": args.large_mb,
                                  **side_by_side([union_text(int(args.large_mb * 1e6))])}
        rows.append((f"{big['mb']:g} MB text: analyze {big['analyze_s']:.2f} s, extract_tags "
                     f"{big['extract_tags_s']:.2f} s", f"{big['ratio']:.2f}x",
                     TARGETS["large_ratio"]))
    if "cli" in wanted:
        cli = figures["cli"] = cli_cpu()
        rows.append((f"unionnlp tag on the seed page (python -m jieba: "
                     f"{cli['python_m_jieba_s']:.2f} s)", f"{cli['unionnlp_tag_s']:.2f} s",
                     TARGETS["cli_cpu"]))
    if "first" in wanted:
        figures["first_result_cpu_s"] = first_result_cpu()
        rows.append(("first result after import, fresh process",
                     f"{figures['first_result_cpu_s']:.2f} s", TARGETS["first_cpu"]))
        figures["first_result_cold_cpu_s"] = first_result_cold_cpu()
        rows.append(("  the same in a machine's first process (no compiled patterns cached)",
                     f"{figures['first_result_cold_cpu_s']:.2f} s", None))
    if "workers" in wanted:
        w = figures["workers"] = workers_scaling(small)
        rows.append((f"--workers 2 against 1 (best of {w['rounds']:.0f}: {w['workers_1_s']:.1f} s / "
                     f"{w['workers_2_s']:.1f} s wall; median round {w['median_round_scaling']:.2f}x; "
                     f"same bytes: {bool(w['identical_output'])})",
                     f"{w['scaling']:.2f}x", TARGETS["workers_scaling"]))
        rows.append(("  CPU of the batch's own process (its workers' not counted)",
                     f"{w['parent_cpu_s']:.2f} s", None))
    if "memory" in wanted:
        m = figures["memory"] = {"input_mb": args.rss_mb, **peak_rss_mb(args.rss_mb)}
        rows += [
            (f"peak RSS on {m['input_mb']:g} MB ({m['mb_per_input_mb']:.0f} MB per MB above "
             f"{m['baseline_mb']:.0f} MB)", f"{m['peak_mb']:.0f} MB", TARGETS["rss_mb"]),
            (f"peak RSS on {m['input_mb']:g} MB read part by part (analyze_stream, "
             f"{m['stream_parts']:.0f} parts)", f"{m['stream_peak_mb']:.0f} MB",
             TARGETS["rss_mb"]),
        ]
    print(f"CPU seconds, {os.cpu_count()} CPUs; target in the last column")
    for what, value, target in rows:
        aim = "" if target is None else f"(target {target:g})"
        print(f"  {what:<78} {value:>9}   {aim}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
