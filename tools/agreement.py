"""Inter-annotator agreement for the labelled corpus (corpus/labels/*.jsonl).

Run from the repository root:

    python3 tools/agreement.py sample --n 240 --seed 7 -o corpus/second_pass_sample.jsonl
    python3 tools/agreement.py score corpus/second_pass.jsonl [--json]

``sample`` draws a stratified random sample of paragraphs (proportional across
batches, largest-remainder allocation, deterministic with the seed) and writes
``{"doc", "text"}`` lines only, so the second annotator labels blind. A batch is
left out while it is incomplete: no ``labels/<b>.jsonl``, or ``meta/<b>.jsonl``
missing or shorter than ``MIN_META_LINES`` lines.

``score`` joins the second-pass labels with the first pass by (doc, text) and
prints exact-match agreement, per-theme agreement and Cohen's kappa (each theme
as a yes/no decision), macro kappa, "none" agreement and the disagreements.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
THEMES = ("org_building", "worker_aid", "rights_protection", "skills_training")
MIN_META_LINES = 13

Key = tuple[str, str]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def complete_batches() -> list[str]:
    batches = []
    for labels in sorted((CORPUS / "labels").glob("*.jsonl")):
        meta = CORPUS / "meta" / labels.name
        if meta.exists() and len(read_jsonl(meta)) >= MIN_META_LINES:
            batches.append(labels.stem)
    return batches


def first_pass() -> dict[str, dict[Key, frozenset[str]]]:
    return {
        b: {(r["doc"], r["text"]): frozenset(r["labels"]) for r in read_jsonl(CORPUS / "labels" / f"{b}.jsonl")}
        for b in complete_batches()
    }


def allocate(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Proportional allocation of n over strata, largest remainder first."""
    total = sum(sizes.values())
    if n > total:
        raise SystemExit(f"asked for {n} paragraphs, only {total} available")
    quota = {b: n * s / total for b, s in sizes.items()}
    alloc = {b: int(q) for b, q in quota.items()}
    for b in sorted(quota, key=lambda b: (alloc[b] - quota[b], b))[: n - sum(alloc.values())]:
        alloc[b] += 1
    return alloc


def cmd_sample(n: int, seed: int, out: Path) -> int:
    batches = first_pass()
    alloc = allocate({b: len(p) for b, p in batches.items()}, n)
    rng = random.Random(seed)
    rows: list[Key] = []
    for b in sorted(batches):
        rows += sorted(rng.sample(sorted(batches[b]), alloc[b]))
    with out.open("w", encoding="utf-8") as f:
        for doc, text in rows:
            f.write(json.dumps({"doc": doc, "text": text}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} paragraphs to {out} ({', '.join(f'{b}: {k}' for b, k in alloc.items())})", file=sys.stderr)
    return 0


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def cmd_score(path: Path, as_json: bool) -> int:
    first = {k: v for p in first_pass().values() for k, v in p.items()}
    second = {(r["doc"], r["text"]): frozenset(r["labels"]) for r in read_jsonl(path)}
    missing = [k for k in second if k not in first]
    keys = sorted(k for k in second if k in first)
    if not keys:
        raise SystemExit("no paragraph of the second pass matches the first pass")
    n = len(keys)
    themes = {}
    for t in (*THEMES, "none"):
        has = (lambda s: not s) if t == "none" else (lambda s, t=t: t in s)
        a = [has(first[k]) for k in keys]
        b = [has(second[k]) for k in keys]
        themes[t] = {
            "first_yes": sum(a),
            "second_yes": sum(b),
            "agreement": sum(x == y for x, y in zip(a, b, strict=True)) / n,
            "kappa": kappa(a, b),
        }
    disagreements = [
        {"doc": k[0], "first": sorted(first[k]), "second": sorted(second[k]), "text": k[1][:40]}
        for k in keys
        if first[k] != second[k]
    ]
    result = {
        "compared": n,
        "unmatched": len(missing),
        "exact_match": sum(first[k] == second[k] for k in keys) / n,
        "themes": themes,
        "macro_kappa": sum(themes[t]["kappa"] for t in THEMES) / len(THEMES),
        "disagreements": disagreements,
    }
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"paragraphs compared: {n}" + (f" ({len(missing)} second-pass lines unmatched)" if missing else ""))
    print(f"exact-match agreement: {result['exact_match']:.3f}")
    print(f"{'theme':<18} {'first':>5} {'second':>6} {'agree':>6} {'kappa':>6}")
    for t, s in themes.items():
        print(f"{t:<18} {s['first_yes']:>5} {s['second_yes']:>6} {s['agreement']:>6.3f} {s['kappa']:>6.3f}")
    print(f"macro kappa (4 themes): {result['macro_kappa']:.3f}")
    print(f"disagreements: {len(disagreements)}")
    for d in disagreements:
        print(f"  {d['doc']}\tfirst={','.join(d['first']) or '-'}\tsecond={','.join(d['second']) or '-'}\t{d['text']}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample", help="draw a blind stratified sample")
    s.add_argument("--n", type=int, default=240)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("-o", "--output", type=Path, required=True)
    c = sub.add_parser("score", help="compare second-pass labels with the first pass")
    c.add_argument("path", type=Path)
    c.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.cmd == "sample":
        return cmd_sample(args.n, args.seed, args.output)
    return cmd_score(args.path, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
