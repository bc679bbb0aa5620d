"""Train the packaged theme model, the keyword IDF and the keyword prior (learned from the
train twins' blind keyword judgments) and write them into the package
(src/unionnlp/resources/themes.npz and keywords.npz), as arrays and JSON with a checksum.

    python tools/train_models.py

Run after changing the written corpus, the twins' train split, the word lists or the
theme features; ``tests/test_models.py`` fails until the shipped files match the data.
Then run ``tools/train_sentences.py``: the summary sentence model reads these models.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.pipeline import (  # noqa: E402
    PACKAGED_KEYWORDS,
    read_keyword_judgments,
    train_keyword_prior,
    train_keywords,
)
from unionnlp.themes import PACKAGED_MODEL, data_key, train_packaged  # noqa: E402

#: Keyword terms of train twins judged blind (benchmarks/KEYWORDS.md): the prior learns from them.
JUDGED = ROOT / "benchmarks" / "data" / "keywords_train_judged.jsonl"


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    package = ROOT / "src" / "unionnlp"
    key = data_key()
    start = time.perf_counter()
    themes = train_packaged()
    themes.save(package / PACKAGED_MODEL, data_key=key)
    keywords = train_keywords()
    keywords.evidence_ = themes.evidence()
    keywords.prior_ = train_keyword_prior(keywords, read_keyword_judgments(JUDGED))
    keywords.save(package / PACKAGED_KEYWORDS, data_key=key)
    print(f"data {key}: themes {len(themes.word_terms_)} words + {len(themes.char_grams_)} "
          f"n-grams, thresholds {themes.thresholds_}; keywords {len(keywords.idf_)} terms, "
          f"{len(keywords.phrases_)} phrases ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
