"""Batch throughput: files/s and MB/s with 1 and 2 workers, the scaling ratio, peak RSS per worker.

Generates 200+ synthetic reports by recombining the packaged corpus documents
(corpus/docs/*.txt; the real newspaper page in ../shared/seeds when the corpus has
fewer than a handful), tags them with the local runner and prints a table. Not a test.

    python benchmarks/bench_batch.py                 # 240 reports, 1 and 2 workers
    python benchmarks/bench_batch.py --reports 400 --workers 1 2 4
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionnlp.api import Options
from unionnlp.batch import LocalRunner, Result, Tagger

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "docs"
SEEDS = ROOT.parent / "shared" / "seeds"
MIN_DOCS = 5


@dataclass(frozen=True)
class MeasuredTagger(Tagger):
    """A tagger that also reports which process ran it and that process's peak RSS."""

    def __call__(self, path: str, location: str | None = None) -> Result:
        import os

        record = super().__call__(path, location)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        record["_worker"] = {"pid": os.getpid(), "peak_rss_mb": _to_mb(peak)}
        return record


def _to_mb(maxrss: int) -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    return maxrss / (1 << 20) if sys.platform == "darwin" else maxrss / 1024


def source_documents() -> tuple[list[str], str]:
    docs = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    origin = f"{len(docs)} corpus documents"
    if len(docs) < MIN_DOCS:
        docs = sorted(SEEDS.glob("*.txt"))
        origin = f"{len(docs)} seed page(s) (corpus has fewer than {MIN_DOCS} documents)"
    texts = [d.read_text(encoding="utf-8") for d in docs]
    if not texts:
        raise SystemExit("no corpus documents and no seed page to build reports from")
    return texts, origin


def blocks(text: str) -> list[str]:
    return [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]


def generate(count: int, folder: Path, texts: list[str], seed: int = 20240501) -> list[str]:
    """Reports made of one document's opening (title block) and paragraphs drawn from others."""
    parts = [blocks(t) for t in texts]
    pool = [b for p in parts for b in p[3:]] or [b for p in parts for b in p]
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        opening = parts[rng.randrange(len(parts))][:3]
        body = rng.sample(pool, k=min(len(pool), rng.randint(6, 24)))
        path = folder / f"report_{i:04d}.txt"
        path.write_text("\n\n".join([*opening, *body]) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def run(paths: list[str], workers: int, options: Options) -> dict[str, Any]:
    tagger = MeasuredTagger(options)
    digest = hashlib.sha256()
    peaks: dict[int, float] = {}
    failed = 0
    start = time.perf_counter()
    first = None
    for record in LocalRunner(workers=workers).run(tagger, paths):
        if first is None:
            first = time.perf_counter() - start
        worker = record.pop("_worker")
        peaks[worker["pid"]] = max(peaks.get(worker["pid"], 0.0), worker["peak_rss_mb"])
        failed += "error" in record
        digest.update(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    wall = time.perf_counter() - start
    size = sum(Path(p).stat().st_size for p in paths) / 1e6
    steady = (len(paths) - 1) / (wall - first) if first is not None and wall > first else float("nan")
    return {
        "workers": workers,
        "files": len(paths),
        "failed": failed,
        "mb": size,
        "wall": wall,
        "first": first or 0.0,
        "files_s": len(paths) / wall,
        "mb_s": size / wall,
        "steady_files_s": steady,
        "peak_rss_mb": max(peaks.values()),
        "processes": len(peaks),
        "digest": digest.hexdigest()[:12],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=240, help="how many reports to generate (default 240)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    parser.add_argument("--segmenter", default="auto", help="segmenter backend (default auto)")
    args = parser.parse_args()

    texts, origin = source_documents()
    options = Options(segmenter=args.segmenter)
    with tempfile.TemporaryDirectory(prefix="unionnlp-bench-") as folder:
        paths = generate(args.reports, Path(folder), texts)
        print(f"{len(paths)} reports recombined from {origin}, segmenter {args.segmenter}\n")
        rows = [run(paths, w, options) for w in args.workers]

    header = (
        f"{'workers':>7} {'files':>6} {'MB':>6} {'wall s':>7} {'1st s':>6} {'files/s':>8} "
        f"{'MB/s':>6} {'steady f/s':>10} {'scaling':>7} {'peak RSS/worker MB':>19} {'output':>12}"
    )
    print(header)
    print("-" * len(header))
    base = rows[0]["files_s"]
    for r in rows:
        print(
            f"{r['workers']:>7} {r['files']:>6} {r['mb']:>6.2f} {r['wall']:>7.2f} {r['first']:>6.2f} "
            f"{r['files_s']:>8.1f} {r['mb_s']:>6.3f} {r['steady_files_s']:>10.1f} "
            f"{r['files_s'] / base:>7.2f} {r['peak_rss_mb']:>19.0f} {r['digest']:>12}"
        )
    failed = sum(r["failed"] for r in rows)
    same = len({r["digest"] for r in rows}) == 1
    print(f"\nfailed files: {failed}; identical output across worker counts: {'yes' if same else 'NO'}")
    print("wall and files/s include starting the workers (each loads the dictionary and models once);")
    print("'steady f/s' excludes the time to the first record; scaling is files/s relative to the first row.")


if __name__ == "__main__":
    main()
