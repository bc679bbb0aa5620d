"""Keywords judged as users judge them: the pooled top-10 terms of unionnlp and its peers
(jieba TF-IDF and TextRank, jionlp, snownlp) on real-shaped twins, judged blind, term by
term, by the rubric of benchmarks/KEYWORDS.md; then each system's mean score and junk share.

    python benchmarks/bench_keywords.py pool --split train|test [--limit N]   # terms to judge
    python benchmarks/bench_keywords.py score --split train|test              # the figures
    python benchmarks/bench_keywords.py bands --split train        # ours, by general IDF
    python benchmarks/bench_keywords.py cut --split train          # ours, by share of the best

``pool`` writes benchmarks/data/keywords_<split>_todo.jsonl: per twin, the terms no
judgment covers yet, in an order that hides which system found them. Judges add lines
``{"doc", "term", "score", "junk"}`` to benchmarks/data/keywords_<split>_judged.jsonl.
``score`` recomputes every system's top 10 and reads the judgments (a term not judged yet
is reported as uncovered). Development uses the train split; the test split is judged and
scored only after a change is decided.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.twins import Twin, load_twins  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
TOP = 10


def _plain(twin: Twin) -> str:
    return twin.text


def systems() -> dict[str, Callable[[str], list[str]]]:
    """Each system's top-10 terms of a text."""
    import jieba
    import jieba.analyse
    from snownlp import SnowNLP

    import unionnlp

    jieba.setLogLevel(60)
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

    def ours(text: str) -> list[str]:
        return [k.term for k in unionnlp.analyze(text).keywords[:TOP]]

    def tfidf(text: str) -> list[str]:
        return list(jieba.analyse.extract_tags(text, topK=TOP))

    def textrank(text: str) -> list[str]:
        return list(jieba.analyse.textrank(text, topK=TOP))

    def jio(text: str) -> list[str]:
        with contextlib.redirect_stdout(io.StringIO()):
            found = jionlp.keyphrase.extract_keyphrase(text, top_k=TOP)
        return [str(x) for x in found][:TOP]

    def snow(text: str) -> list[str]:
        return [str(x) for x in SnowNLP(text).keywords(TOP)][:TOP]

    return {"unionnlp": ours, "jieba-tfidf": tfidf, "jieba-textrank": textrank,
            "jionlp": jio, "snownlp": snow}


def _twins(split: str, limit: int | None) -> list[Twin]:
    """The split's twins in an order mixed by a hash of their ids (so that the first N
    hold every kind), the first ``limit`` of them."""
    twins = sorted(load_twins(split), key=lambda t: hashlib.sha256(t.id.encode()).hexdigest())
    return twins[:limit] if limit else twins


def _judged(split: str) -> dict[tuple[str, str], dict[str, object]]:
    path = DATA / f"keywords_{split}_judged.jsonl"
    out: dict[tuple[str, str], dict[str, object]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out[(record["doc"], record["term"])] = record
    return out


def pool(split: str, limit: int | None) -> int:
    judged = _judged(split)
    found = systems()
    todo = []
    for twin in _twins(split, limit):
        text = _plain(twin)
        terms = {t for run in found.values() for t in run(text)}
        new = sorted((t for t in terms if (twin.id, t) not in judged),
                     key=lambda t: hashlib.sha256(f"{twin.id}\0{t}".encode()).hexdigest())
        if new:
            todo.append({"doc": twin.id, "kind": twin.kind, "terms": new})
    DATA.mkdir(exist_ok=True)
    path = DATA / f"keywords_{split}_todo.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in todo),
                    encoding="utf-8")
    print(f"{sum(len(x['terms']) for x in todo)} terms of {len(todo)} twins to judge -> {path}")
    return 0


def score(split: str, limit: int | None) -> int:
    judged = _judged(split)
    found = systems()
    rows = {name: {"terms": 0, "judged": 0, "score": 0.0, "junk": 0} for name in found}
    twins = _twins(split, limit)
    twins = [t for t in twins if any(doc == t.id for doc, _ in judged)]
    for twin in twins:
        text = _plain(twin)
        for name, run in found.items():
            row = rows[name]
            for term in run(text):
                row["terms"] += 1
                verdict = judged.get((twin.id, term))
                if verdict is None:
                    continue
                row["judged"] += 1
                row["score"] += float(verdict["score"])  # type: ignore[arg-type]
                row["junk"] += bool(verdict["junk"])
    print(f"{len(twins)} {split} twins with judgments; top-{TOP} terms scored 0 (junk or "
          "wrong), 1 (relevant but generic) or 2 (says what is distinctive)")
    print(f"{'system':<16} {'mean score':>10} {'junk share':>10} {'judged':>8}")
    base = rows["jieba-tfidf"]["score"] / max(1, rows["jieba-tfidf"]["judged"])
    for name, row in rows.items():
        judged_n = max(1, int(row["judged"]))
        mean = row["score"] / judged_n
        print(f"{name:<16} {mean:>10.3f} {row['junk'] / judged_n:>10.1%} "
              f"{row['judged']:>5}/{row['terms']:<5}  ({mean / base if base else 0:.2f}x tfidf)")
    return 0


#: Bands of jieba's general IDF (-1: a term its dictionary does not hold).
BANDS = ((-1.0, 0.0), (0.0, 8.0), (8.0, 9.0), (9.0, 10.0), (10.0, 11.0), (11.0, 99.0))


def bands(split: str, limit: int | None) -> int:
    """Our judged top-10 terms by the general IDF of the term: what share is junk and what
    they score (where a rule on general IDF would cut)."""
    import unionnlp
    from unionnlp.convert import to_simplified
    from unionnlp.keyterms import general_idf

    judged = _judged(split)
    general = general_idf()
    found: list[tuple[float, dict[str, object]]] = []
    for twin in _twins(split, limit):
        if not any(doc == twin.id for doc, _ in judged):
            continue
        for kw in unionnlp.analyze(_plain(twin)).keywords[:TOP]:
            verdict = judged.get((twin.id, kw.term))
            if verdict is not None:
                idf = float(general.lookup([to_simplified(kw.term)], -1.0)[0])
                found.append((idf, verdict))
    print(f"unionnlp's judged top-{TOP} terms ({split}) by jieba's general IDF")
    print(f"{'general IDF':<14} {'terms':>6} {'junk share':>10} {'mean score':>10}")
    for lo, hi in BANDS:
        inside = [v for g, v in found if lo <= g < hi]
        if inside:
            junk = sum(bool(v["junk"]) for v in inside) / len(inside)
            mean = sum(float(v["score"]) for v in inside) / len(inside)  # type: ignore[arg-type]
            name = "not in it" if lo < 0 else f"[{lo:g}, {hi:g})"
            print(f"{name:<14} {len(inside):>6} {junk:>10.1%} {mean:>10.2f}")
    return 0


#: Shares of the best keyword's weight, the bands ``cut`` reports.
SHARES = (0.0, 0.001, 0.003, 0.01, 0.02, 0.05, 0.1)


def cut(split: str, limit: int | None) -> int:
    """Our judged top-10 terms before the cut of ``keyterms.KEPT_SHARE``, by their weight's
    share of the best: what the terms under each share score (where the cut was set)."""
    import unionnlp
    import unionnlp.pipeline as pipeline

    judged = _judged(split)
    found: list[tuple[float, dict[str, object]]] = []
    real = pipeline.worth_saying
    pipeline.worth_saying = list  # the list as ranked, uncut
    try:
        for twin in _twins(split, limit):
            if not any(doc == twin.id for doc, _ in judged):
                continue
            ranked = unionnlp.analyze(_plain(twin)).keywords[:TOP]
            for kw in ranked:
                verdict = judged.get((twin.id, kw.term))
                if verdict is not None:
                    found.append((kw.weight / ranked[0].weight, verdict))
    finally:
        pipeline.worth_saying = real
    print(f"unionnlp's judged top-{TOP} terms ({split}) under a share of the best's weight")
    print(f"{'under':<8} {'terms':>6} {'junk share':>10} {'mean score':>10}")
    for share in SHARES[1:]:
        inside = [v for w, v in found if w < share]
        if inside:
            junk = sum(bool(v["junk"]) for v in inside) / len(inside)
            mean = sum(float(v["score"]) for v in inside) / len(inside)  # type: ignore[arg-type]
            print(f"{share:<8g} {len(inside):>6} {junk:>10.1%} {mean:>10.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("pool", "score", "bands", "cut"))
    parser.add_argument("--split", choices=("train", "test"), default="train")
    parser.add_argument("--limit", type=int, help="only the first N twins (in hash order)")
    args = parser.parse_args(argv)
    command = {"pool": pool, "score": score, "bands": bands, "cut": cut}[args.command]
    return command(args.split, args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
