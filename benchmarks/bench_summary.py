"""Summary quality and speed: unionnlp against snownlp, jionlp and the first sentences.

Quality: every held-out (split ``test``) corpus report with a reference summary; each
method's summary is scored against the reference (its sentences joined) with
character-level ROUGE-1/2/L F1, computed here in a few lines: characters are those
for which ``str.isalnum()`` holds (Chinese characters, letters, digits), so
punctuation, symbols and whitespace are ignored; ROUGE-L is the LCS of the two
character strings. Speed: the real newspaper page of ``../shared/seeds``, warm.

    python benchmarks/bench_summary.py [--json PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from unionnlp.sentences import lcs  # noqa: E402  # the one LCS, which training uses too

SEED = ROOT.parent / "shared" / "seeds" / "000_9586f3886ee54ef2.txt"
METHODS = ("unionnlp", "snownlp", "jionlp", "first-3")
METRICS = ("rouge1", "rouge2", "rougeL")


# --- character ROUGE -------------------------------------------------------------------------

def _chars(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _f1(overlap: int, produced: int, wanted: int) -> float:
    p, r = overlap / produced if produced else 0.0, overlap / wanted if wanted else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _ngrams(s: str, n: int) -> Counter[str]:
    return Counter(s[i:i + n] for i in range(len(s) - n + 1))


def rouge(candidate: str, reference: str) -> dict[str, float]:
    """Character ROUGE-1, ROUGE-2 and ROUGE-L F1 of ``candidate`` against ``reference``."""
    c, r = _chars(candidate), _chars(reference)
    out = {}
    for n in (1, 2):
        cn, rn = _ngrams(c, n), _ngrams(r, n)
        out[f"rouge{n}"] = _f1(sum((cn & rn).values()), sum(cn.values()), sum(rn.values()))
    out["rougeL"] = _f1(lcs(c, r), len(c), len(r))
    return out


# --- the methods -----------------------------------------------------------------------------

def _baselines() -> tuple[Callable[[str], list[str]], Callable[..., str]]:
    from snownlp import SnowNLP

    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        from jionlp.algorithm.summary import extract_summary  # == jionlp.summary.extract_summary
    return (lambda text: list(SnowNLP(text).summary(3))), extract_summary


def summaries(text: str) -> dict[str, str]:
    """Every method's summary of one report, as one string."""
    import unionnlp
    from unionnlp.summarize import split_sentences

    snow, jio = _baselines()
    report = unionnlp.analyze(text)
    ours = "".join(report.summary)
    lead = [s for p in report.paragraphs for s in split_sentences(p.text)][:3]
    return {
        "unionnlp": ours,
        "snownlp": "".join(snow(text)),
        # summary_length is a soft character budget: as long as ours.
        "jionlp": jio(text, summary_length=len(ours)),
        "first-3": "".join(lead),
    }


def quality() -> dict[str, Any]:
    from unionnlp.corpus import load_corpus

    docs = [d for d in load_corpus().split("test").docs.values() if d.reference_summary]
    scores: dict[str, list[dict[str, float]]] = {m: [] for m in METHODS}
    lengths: dict[str, list[int]] = {m: [] for m in METHODS}
    for doc in sorted(docs, key=lambda d: d.id):
        reference = "".join(doc.reference_summary)
        for method, summary in summaries(doc.text).items():
            scores[method].append(rouge(summary, reference))
            lengths[method].append(len(_chars(summary)))
    means = {m: {k: statistics.fmean(s[k] for s in scores[m]) for k in METRICS} for m in METHODS}
    wins = {
        b: {k: [sum(o[k] > x[k] for o, x in zip(scores["unionnlp"], scores[b], strict=True)),
                sum(o[k] == x[k] for o, x in zip(scores["unionnlp"], scores[b], strict=True)),
                sum(o[k] < x[k] for o, x in zip(scores["unionnlp"], scores[b], strict=True))]
            for k in METRICS}
        for b in METHODS[1:]
    }
    return {
        "documents": [d.id for d in sorted(docs, key=lambda d: d.id)],
        "mean": means,
        "mean_chars": {m: statistics.fmean(v) for m, v in lengths.items()},
        "reference_chars": statistics.fmean(
            len(_chars("".join(d.reference_summary))) for d in docs),
        "wins_ties_losses": wins,
        "per_document": scores,
    }


# --- speed -----------------------------------------------------------------------------------

def _median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up: dictionaries, models, caches
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def speed(repeat: int) -> dict[str, Any]:
    import unionnlp
    from unionnlp.pipeline import default_keywords
    from unionnlp.segment import get_segmenter
    from unionnlp.summarize import summarize

    text = SEED.read_text(encoding="utf-8")
    snow, jio = _baselines()
    out: dict[str, Any] = {"page": SEED.name, "page_chars": len(text)}
    for seg in ("rjieba", "jieba"):
        options = unionnlp.Options(segmenter=seg)
        paragraphs: Sequence[str] = [p.text for p in unionnlp.analyze(text, options=options)
                                     .paragraphs]
        cut, idf = get_segmenter(seg).cut, default_keywords().idf
        out[f"unionnlp summarize [{seg}]"] = _median_time(
            lambda: summarize(paragraphs, cut, idf, k=3), repeat * 5)  # noqa: B023
        out[f"segmentation alone [{seg}]"] = _median_time(
            lambda: [cut(p) for p in paragraphs], repeat * 5)  # noqa: B023
        out[f"unionnlp analyze [{seg}]"] = _median_time(
            lambda: unionnlp.analyze(text, options=options), repeat)  # noqa: B023
    length = len("".join(unionnlp.analyze(text).summary))
    out["snownlp summary(3)"] = _median_time(lambda: snow(text), repeat)
    out["jionlp extract_summary"] = _median_time(lambda: jio(text, summary_length=length), repeat)
    return out


# --- output ----------------------------------------------------------------------------------

def _print(q: dict[str, Any], s: dict[str, Any]) -> None:
    n = len(q["documents"])
    print(f"## Summary quality: {n} held-out reports, character ROUGE F1 (mean)\n")
    print(f"Reference summaries average {q['reference_chars']:.0f} characters.\n")
    print("| method | ROUGE-1 | ROUGE-2 | ROUGE-L | mean chars |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for m in METHODS:
        r = q["mean"][m]
        print(f"| {m} | {r['rouge1']:.4f} | {r['rouge2']:.4f} | {r['rougeL']:.4f} "
              f"| {q['mean_chars'][m]:.0f} |")
    print(f"\n## unionnlp against each baseline, per report (wins–ties–losses of {n})\n")
    print("| baseline | ROUGE-1 | ROUGE-2 | ROUGE-L |")
    print("| --- | :---: | :---: | :---: |")
    for b, w in q["wins_ties_losses"].items():
        print(f"| {b} | " + " | ".join("–".join(map(str, w[k])) for k in METRICS) + " |")
    ours = s["unionnlp summarize [rjieba]"]
    print(f"\n## Summary speed: {s['page']} ({s['page_chars']} characters), warm, median\n")
    print("| what | ms | time / unionnlp summarize [rjieba] |")
    print("| --- | ---: | ---: |")
    for name, t in s.items():
        if isinstance(t, float):
            print(f"| {name} | {t * 1000:.1f} | {t / ours:.1f}× |")
    print()
    for seg in ("rjieba", "jieba"):
        ratio = s["snownlp summary(3)"] / s[f"unionnlp summarize [{seg}]"]
        print(f"- snownlp summary(3) / unionnlp summarize [{seg}]: {ratio:.0f}× "
              f"(target ≥ 100×: {'met' if ratio >= 100 else 'MISSED'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per method")
    args = parser.parse_args(argv)
    q, s = quality(), speed(args.repeat)
    _print(q, s)
    if args.json:
        Path(args.json).write_text(json.dumps({"quality": q, "speed_seconds": s}, indent=2,
                                              ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
