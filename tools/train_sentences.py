"""Train the packaged summary sentence model (src/unionnlp/resources/sentences.npz) on the
reference summaries of the real-shaped train twins (benchmarks/data/summaries_real.jsonl,
written blind by annotators; see benchmarks/SUMMARIES.md), as arrays and JSON.

    python tools/train_sentences.py

Run after tools/train_models.py (the sentences' features read the keyword and theme
models) and after adding train references.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.pipeline import train_sentence_model  # noqa: E402
from unionnlp.sentences import PACKAGED_SENTENCES, data_key, train_references  # noqa: E402

REFERENCES = ROOT / "benchmarks" / "data" / "summaries_real.jsonl"


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    start = time.perf_counter()
    refs = train_references(REFERENCES.read_text(encoding="utf-8").splitlines())
    model = train_sentence_model(refs)
    model.save(str(ROOT / "src" / "unionnlp" / PACKAGED_SENTENCES), data_key=data_key(refs))
    print(f"{len(refs)} train references: {len(model.grams)} character features "
          f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
