"""Print the corpus counts that corpus/README.md states: reports, characters, labelled
paragraphs by theme, by form and by level.

    python tools/corpus_counts.py
"""

from __future__ import annotations

import re
from collections import Counter

from unionnlp.corpus import load_corpus
from unionnlp.model import THEMES


def main() -> None:
    """Count the packaged corpus and print one line per figure."""
    corpus = load_corpus()
    docs = list(corpus.docs.values())
    han = sum(len(re.findall(r"[\u4e00-\u9fff]", d.text)) for d in docs)
    splits = Counter(d.split for d in docs)
    print(f"reports {len(docs)} (train {splits['train']}, test {splits['test']})")
    print(f"characters {sum(len(d.text) for d in docs)}, Chinese {han}")
    paragraphs = corpus.paragraphs
    print(f"labelled paragraphs {len(paragraphs)} (test {len(corpus.split('test').paragraphs)})")
    labels = Counter(t for p in paragraphs for t in p.labels)
    for theme in THEMES:
        print(f"  {theme} {labels[theme]}")
    print(f"  none {sum(not p.labels for p in paragraphs)}, "
          f"two or more {sum(len(p.labels) > 1 for p in paragraphs)}")
    by_form = Counter(corpus.docs[p.doc].form for p in paragraphs)
    for form, n in Counter(d.form for d in docs).most_common():
        print(f"form {form}: {n} reports, {by_form[form]} paragraphs")
    print("levels", dict(Counter(d.level for d in docs).most_common()))


if __name__ == "__main__":
    main()
