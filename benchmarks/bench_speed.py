"""Throughput and memory of unionnlp.analyze on ~1 MB of union reports, beside the tools it
competes with; import time; peak RSS; and whether structure parsing stays linear.

MB means 10^6 bytes of UTF-8. The text is the corpus reports (sorted by id, joined by a
blank line, repeated whole until the size is reached). One CPU core (affinity and
BLAS/OpenMP threads), warm (dictionaries and models loaded on a small report first).
A run shorter than 5 s is repeated and the median kept.

    python benchmarks/bench_speed.py [--json PATH] [--repeat N] [--slice-kb N] [--profile]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

MB = 1_000_000
TARGETS = {"jieba": 0.3, "rjieba": 1.0}  # analyze MB/s
IMPORT_TARGET, RSS_TARGET = 0.5, 400.0  # seconds, MB


def union_text(size: int) -> str:
    """Corpus reports, whole, repeated until the text has ``size`` UTF-8 bytes or more."""
    from unionnlp.corpus import load_corpus

    docs = [d.text.strip() for _, d in sorted(load_corpus().docs.items())]
    parts: list[str] = []
    total = 0
    while total < size:
        doc = docs[len(parts) % len(docs)]
        parts.append(doc)
        total += len(doc.encode("utf-8")) + 2
    return "\n\n".join(parts)


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / MB


def _seconds(fn: Callable[[], object], repeat: int) -> float:
    start = time.perf_counter()
    fn()
    runs = [time.perf_counter() - start]
    while runs[0] < 5 and len(runs) < repeat:
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _analyzer(segmenter: str) -> Callable[[str], object]:
    import unionnlp

    options = unionnlp.Options(segmenter=segmenter)
    return lambda text: unionnlp.analyze(text, options=options)


def throughput(text: str, small: str, repeat: int) -> dict[str, dict[str, float]]:
    """MB/s of every contender; ``small`` is the slice for tools too slow for ``text``."""
    import jieba
    import jieba.posseg
    import rjieba
    from jieba.analyse.tfidf import TFIDF
    from snownlp import SnowNLP

    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        from jionlp.algorithm.keyphrase import extract_keyphrase

    tokenizer = jieba.Tokenizer()
    tfidf = TFIDF()
    tfidf.tokenizer, tfidf.postokenizer = tokenizer, jieba.posseg.POSTokenizer(tokenizer)
    warm = small[:2000]
    contenders: list[tuple[str, Callable[[str], object], str]] = [
        *((f"unionnlp.analyze [{seg}]", _analyzer(seg), text) for seg in TARGETS),
        ("jieba.lcut (private Tokenizer)", tokenizer.lcut, text),
        ("jieba.analyse.extract_tags topK=20", lambda t: tfidf.extract_tags(t, topK=20), text),
        ("rjieba.cut (hmm=True)", lambda t: rjieba.cut(t, True), text),
        ("snownlp keywords(10)", lambda t: SnowNLP(t).keywords(10), small),
        ("snownlp summary(3)", lambda t: SnowNLP(t).summary(3), small),
        ("jionlp extract_keyphrase top_k=10", lambda t: extract_keyphrase(t, top_k=10), text),
    ]
    out = {}
    for name, fn, data in contenders:
        fn(warm)
        seconds = _seconds(partial(fn, data), repeat)
        out[name] = {"mb": _mb(data), "seconds": seconds, "mb_per_s": _mb(data) / seconds}
        print(f"  {name}: {out[name]['mb_per_s']:.3f} MB/s", file=sys.stderr, flush=True)
    return out


def _python(code: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          check=True)
    return done.stdout.strip().splitlines()[-1]


def import_seconds(runs: int = 5) -> float:
    code = "import time; t = time.perf_counter(); import unionnlp; print(time.perf_counter() - t)"
    return statistics.median(float(_python(code)) for _ in range(runs))


def peak_rss_mb(segmenter: str) -> float:
    """Peak RSS of a fresh process that builds the 1 MB text and analyses it once."""
    code = (
        "import resource, sys; sys.path.insert(0, sys.argv[1]); import bench_speed, unionnlp; "
        "t = bench_speed.union_text(bench_speed.MB); "
        "unionnlp.analyze(t, options=unionnlp.Options(segmenter=sys.argv[2])); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    return int(_python(code, str(Path(__file__).resolve().parent), segmenter)) / 1024


def linearity(repeat: int) -> dict[str, dict[str, float]]:
    from unionnlp.model import Source
    from unionnlp.structure import parse

    parse(Source(text=union_text(10_000)))
    out = {}
    for size in (1, 20):
        text = union_text(size * MB)
        seconds = _seconds(partial(parse, Source(text=text)), repeat)
        out[f"{size} MB"] = {"mb": _mb(text), "seconds": seconds,
                             "s_per_mb": seconds / _mb(text)}
    return out


def profile(text: str, segmenter: str, top: int = 15) -> None:
    import cProfile
    import pstats

    import unionnlp

    options = unionnlp.Options(segmenter=segmenter)
    unionnlp.analyze(text[:2000], options=options)
    profiler = cProfile.Profile()
    profiler.runcall(unionnlp.analyze, text, options=options)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print(f"\n## cProfile of analyze [{segmenter}] on the 1 MB text\n\n```")
    stats.sort_stats("tottime").print_stats(top)  # hotspots by own time
    stats.sort_stats("cumulative").print_stats("unionnlp", top)  # our stages, inclusive
    print("```")


def _report(speed: dict[str, dict[str, float]], imp: float, rss: dict[str, float],
            lin: dict[str, dict[str, float]], small_kb: int) -> None:
    ours = {seg: speed[f"unionnlp.analyze [{seg}]"]["mb_per_s"] for seg in TARGETS}
    print(f"## Throughput, one core, warm (MB = 10^6 UTF-8 bytes; snownlp on a {small_kb} KB "
          "slice: its summary is quadratic)\n")
    print("The last two columns are unionnlp's speed over the tool's (> 1: unionnlp faster).\n")
    print("| what | input MB | s | MB/s | target | analyze[jieba] / it | analyze[rjieba] / it |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: |")
    for name, r in speed.items():
        seg = name[name.find("[") + 1:-1] if name.startswith("unionnlp") else ""
        target = (f"≥ {TARGETS[seg]} {'met' if r['mb_per_s'] >= TARGETS[seg] else 'MISSED'}"
                  if seg else "")
        print(f"| {name} | {r['mb']:.3f} | {r['seconds']:.3f} | {r['mb_per_s']:.3f} | {target} "
              f"| {ours['jieba'] / r['mb_per_s']:.2f}× | {ours['rjieba'] / r['mb_per_s']:.2f}× |")
    print("\n## Start-up and memory (fresh processes)\n")
    print("| what | value | target |")
    print("| --- | ---: | --- |")
    print(f"| import unionnlp (median of 5) | {imp * 1000:.1f} ms | < {IMPORT_TARGET * 1000:.0f} "
          f"ms {'met' if imp < IMPORT_TARGET else 'MISSED'} |")
    for seg, mb in rss.items():
        print(f"| peak RSS, analyze 1 MB [{seg}] | {mb:.0f} MiB | < {RSS_TARGET:.0f} MB "
              f"{'met' if mb < RSS_TARGET else 'MISSED'} |")
    print("\n## Structure only: unionnlp.parse(Source(text=...))\n")
    print("| size | input MB | s | s per MB |")
    print("| --- | ---: | ---: | ---: |")
    for size, r in lin.items():
        print(f"| {size} | {r['mb']:.2f} | {r['seconds']:.3f} | {r['s_per_mb']:.3f} |")
    small, big = lin["1 MB"]["s_per_mb"], lin["20 MB"]["s_per_mb"]
    print(f"\nTime per MB at 20 MB / at 1 MB: {big / small:.2f} (1.00 = linear)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--slice-kb", type=int, default=100,
                        help="input size for snownlp, whose summary is quadratic")
    parser.add_argument("--profile", action="store_true", help="also cProfile analyze")
    args = parser.parse_args(argv)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # before numpy loads (all heavy imports are lazy)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # children inherit it
    # Fresh processes first: a child's ru_maxrss counts the parent's pages at fork/exec time.
    imp = import_seconds()
    rss = {seg: peak_rss_mb(seg) for seg in TARGETS}
    text = union_text(MB)
    speed = throughput(text, union_text(args.slice_kb * 1000), args.repeat)
    lin = linearity(args.repeat)
    _report(speed, imp, rss, lin, args.slice_kb)
    if args.profile:
        for seg in TARGETS:
            profile(text, seg)
    if args.json:
        figures = {"throughput": speed, "import_seconds": imp, "peak_rss_mb": rss,
                   "parse_linearity": lin, "slice_kb": args.slice_kb}
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
