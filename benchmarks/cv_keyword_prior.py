"""Five-fold cross-validation, by twin, of the keyword prior on the judged *train* twins:
the prior is refitted on four folds' judgments (the judges' record of terms it reads made of
those folds, and of the other twins only for each twin it learns from) and the report's top
10 of each twin of the fifth scored with those judgments (mean score, junk share, how many
were judged), every twin read with the domain IDF of the other documents, as a new report
is. This is where the prior's features and power are chosen; the held-out twins are never
read here.

    python benchmarks/cv_keyword_prior.py [--alpha A ...] [--shape-c C ...] [--todo PATH]
                                          [--features base|classes|record|keyword-shape|all ...]

``base`` is the prior's first twelve features (before words' classes were read),
``classes`` those and the classes of a term's first and last words (before the judges'
record was read), ``record`` those and the judges' record (before terms' characters were
read), ``keyword-shape`` those and the model of terms' characters' keyword column (before
its junk column was read), ``all`` every one of :data:`unionnlp.keyterms.PRIOR_FEATURES`.
``--shape-c`` sets the inverse penalty of the model of terms' characters
(:class:`unionnlp.keyterms.TermShapes`). Terms no judgment covers are counted apart: judge
them (``benchmarks/KEYWORDS.md``; ``--todo PATH`` writes them, per twin, in the pool's
format) before comparing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import unionnlp.keyterms as keyterms  # noqa: E402
from unionnlp import pipeline  # noqa: E402
from unionnlp.convert import to_simplified  # noqa: E402
from unionnlp.keyterms import (  # noqa: E402
    PRIOR_FEATURES,
    SHAPE_C,
    JudgedTerms,
    TermShapes,
    fit_prior,
    shapes_apart,
)
from unionnlp.twins import load_twins  # noqa: E402

FOLDS = 5
JUDGED = ROOT / "benchmarks" / "data" / "keywords_train_judged.jsonl"
FEATURES = {"base": list(PRIOR_FEATURES[:12]), "classes": list(PRIOR_FEATURES[:26]),
            "record": list(PRIOR_FEATURES[:29]), "keyword-shape": list(PRIOR_FEATURES[:30]),
            "all": list(PRIOR_FEATURES)}


def _judged() -> dict[str, dict[str, tuple[int, bool]]]:
    """Twin -> term (simplified, as the scorer has it) -> (score, junk)."""
    out: dict[str, dict[str, tuple[int, bool]]] = {}
    for (doc, term), verdict in pipeline.read_keyword_judgments(JUDGED).items():
        out.setdefault(doc, {})[to_simplified(term)] = verdict
    return out


def _rows(x: Any, record: JudgedTerms, shapes: TermShapes, terms: list[str],
          columns: list[int]) -> Any:
    """A twin's feature rows with what the judges' record ``record`` and the model of
    terms' characters ``shapes`` give of its terms."""
    import numpy as np

    return np.hstack([x[:, :-5], record.columns(terms), shapes.logits(terms)])[:, columns]


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--alpha", type=float, nargs="+", default=[keyterms.PRIOR_ALPHA])
    parser.add_argument("--features", choices=sorted(FEATURES), nargs="+",
                        default=["base", "classes", "record", "keyword-shape", "all"])
    parser.add_argument("--shape-c", type=float, nargs="+", default=[SHAPE_C])
    parser.add_argument("--todo", type=Path, help="write the terms no judgment covers here")
    args = parser.parse_args(argv)
    todo: dict[str, set[str]] = {}
    judged = _judged()
    extractor = pipeline.default_keywords()
    shipped, extractor.prior_ = extractor.prior_, None  # every fold fits its own
    data: dict[str, tuple[Any, int, Any, Any]] = {}
    names: dict[str, list[str]] = {}
    try:
        for twin in load_twins("train"):
            if twin.id in judged:
                scorer, count = pipeline.corpus_twin_scorer(twin.text, extractor)
                terms, counts, scores = scorer.candidates(0, count)
                data[twin.id] = (scorer, count, terms, scorer.features(terms, counts, scores))
                names[twin.id] = [scorer.table.terms[t] for t in terms.tolist()]
    finally:
        extractor.prior_ = shipped
    order = sorted(data)
    random.Random(0).shuffle(order)
    fold = {doc: k % FOLDS for k, doc in enumerate(order)}
    print(f"{FOLDS}-fold cross-validation by twin on the {len(data)} judged train twins")
    verdicts = {doc: {term: (is_junk, points >= 1) for term, (points, is_junk) in judged[doc].items()}
                for doc in data}
    print(f"{'features':<10} {'alpha':>5} {'shape C':>7} {'mean score':>10} {'junk share':>10} "
          f"{'judged':>9}")
    for name, alpha, shape_c in itertools.product(args.features, args.alpha, args.shape_c):
        if shape_c != args.shape_c[0] and name not in ("all", "keyword-shape"):
            continue  # only the last two features read the model of terms' characters
        columns = [PRIOR_FEATURES.index(f) for f in FEATURES[name]]
        total = score = junk = seen = 0
        for k in range(FOLDS):
            learning = {doc: verdicts[doc] for doc in data if fold[doc] != k}
            record = JudgedTerms.from_verdicts(
                (term, is_junk, keyword) for doc in sorted(learning)
                for term, (is_junk, keyword) in sorted(learning[doc].items()))
            shapes = TermShapes.fit(((term, verdict) for doc in sorted(learning)
                                     for term, verdict in sorted(learning[doc].items())), C=shape_c)
            apart = shapes_apart(learning, C=shape_c)
            rows, good = [], []
            for doc, (scorer, _, terms, x) in data.items():
                if fold[doc] != k:
                    own = record.without(verdicts[doc])
                    learn = _rows(x, own, apart[doc], names[doc], columns)
                    for row, term in zip(learn, terms.tolist(), strict=True):
                        verdict = judged[doc].get(scorer.table.terms[term])
                        if verdict is not None:
                            rows.append(row)
                            good.append(verdict[0] >= 1)
            prior = fit_prior(np.array(rows), np.array(good), alpha=alpha)
            for doc, (scorer, count, _, x) in data.items():
                if fold[doc] != k:
                    continue
                own = _rows(x, record, shapes, names[doc], columns)
                scorer.prior = prior
                scorer.features = lambda *_, own=own: own  # the fold's columns
                for kw in scorer.rank(0, count, 10):
                    total += 1
                    verdict = judged[doc].get(kw.term)
                    if verdict is None:
                        todo.setdefault(doc, set()).add(kw.term)
                    else:
                        seen += 1
                        score += verdict[0]
                        junk += verdict[1]
        print(f"{name:<10} {alpha:>5g} {shape_c:>7g} {score / max(1, seen):>10.3f} "
              f"{junk / max(1, seen):>10.1%} {seen:>4}/{total:<4}")
    if args.todo:
        args.todo.write_text("".join(
            json.dumps({"doc": doc, "terms": sorted(terms)}, ensure_ascii=False) + "\n"
            for doc, terms in sorted(todo.items())), encoding="utf-8")
        print(f"{sum(map(len, todo.values()))} terms no judgment covers -> {args.todo}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
