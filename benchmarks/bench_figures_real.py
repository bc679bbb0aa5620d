"""Key figures on real-shaped pages: what `unionnlp.analyze` reports as figures against the
statistics annotators listed for the twins, having read each page and seen no output
(``benchmarks/data/figures_real.jsonl``; their brief is ``FIGURES.md``).

A figure is *found* when it stands on an annotated figure's line and covers its text; it is
*right* when its value, unit and approximation are the annotated ones too. Its subject is
scored by the characters it shares with the annotated subject (F1 over characters, as
ROUGE-1 counts them). Choices are made on ``--split train``; the README reports ``--split
test``.

    python benchmarks/bench_figures_real.py [--split train|test] [--errors]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
GOLD = ROOT / "benchmarks" / "data" / "figures_real.jsonl"


def gold() -> dict[str, list[dict[str, object]]]:
    """The annotated figures of each twin, in text order."""
    out = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["doc"]] = record["figures"]
    return out


def char_f1(a: str, b: str) -> float:
    """F1 of the characters two strings share (each character counted as often as it occurs)."""
    if not a or not b:
        return float(a == b)
    common = sum((Counter(a) & Counter(b)).values())
    return 0.0 if not common else 2 * common / (len(a) + len(b))


@dataclass
class Tally:
    """Counts of one kind of page (or all), summed over twins."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0
    subject: float = 0.0
    subject_half: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "predicted", "found", "right", "subject", "subject_half"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    def row(self, name: str, docs: int) -> str:
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        right = self.right / self.found if self.found else 0.0
        subj = self.subject / self.found if self.found else 0.0
        half = self.subject_half / self.found if self.found else 0.0
        return (f"{name:<14} {docs:>4} {self.gold:>5} {self.predicted:>5} {p:>6.3f} {r:>6.3f} "
                f"{f:>6.3f} {right:>7.3f} {subj:>8.3f} {half:>8.3f}")


def score_twin(text: str, annotated: list[dict[str, object]]) -> Tally:
    """Match the figures analysis reports for ``text`` with the annotated ones."""
    import unionnlp

    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    spans: list[tuple[int, int, dict[str, object]]] = []
    seen: Counter[tuple[int, str]] = Counter()
    for g in annotated:
        n, piece = int(g["line"]), str(g["text"])  # type: ignore[call-overload]
        at, k = -1, seen[(n, piece)]
        for _ in range(k + 1):
            at = lines[n - 1].find(piece, at + 1)
        seen[(n, piece)] += 1
        if at < 0:
            at = lines[n - 1].find(piece)
        spans.append((starts[n - 1] + at, starts[n - 1] + at + len(piece), g))
    out = Tally(gold=len(spans))
    figures = unionnlp.analyze(text).figures
    out.predicted = len(figures)
    taken: set[int] = set()
    for f in figures:
        hit = next((i for i, (a, b, _) in enumerate(spans) if i not in taken
                    and f.offset < b and a < f.offset + len(f.text)), None)
        if hit is None:
            line = text.count("\n", 0, f.offset) + 1
            out.errors.append(f"  extra   line {line}: {f.text} ({f.subject})")
            continue
        taken.add(hit)
        g = spans[hit][2]
        out.found += 1
        same = (f.unit == g["unit"] and f.approximate == g["approximate"]
                and math.isclose(f.value, float(g["value"]), rel_tol=1e-9))  # type: ignore[arg-type]
        out.right += same
        s = char_f1(f.subject, str(g["subject"]))
        out.subject += s
        out.subject_half += s >= 0.5
        if not same:
            out.errors.append(f"  value   {f.text}: {f.value:g} {f.unit} approx={f.approximate} "
                              f"/ gold {g['value']} {g['unit']} approx={g['approximate']}")
        if s < 0.5:
            out.errors.append(f"  subject {f.text}: {f.subject!r} / gold {g['subject']!r}")
    for i, (_, _, g) in enumerate(spans):
        if i not in taken:
            out.errors.append(f"  missed  line {g['line']}: {g['text']} ({g['subject']})")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "test"), default="test")
    parser.add_argument("--errors", action="store_true", help="list each twin's misses")
    args = parser.parse_args()
    from unionnlp.twins import load_twins

    annotated = gold()
    twins = [t for t in load_twins(args.split) if t.id in annotated]
    per: dict[str, Tally] = defaultdict(Tally)
    docs: Counter[str] = Counter()
    total = Tally()
    for twin in twins:
        tally = score_twin(twin.text, annotated[twin.id])
        if args.errors and tally.errors:
            print(twin.id)
            print("\n".join(tally.errors))
        per[twin.kind].add(tally)
        docs[twin.kind] += 1
        total.add(tally)
    print(f"{len(twins)} {args.split} twins with annotated figures: found = on the line and "
          "covering the text; right = value, unit and approximation as annotated (of found); "
          "subject = character F1 with the annotated subject (of found), and its share >= 0.5")
    print(f"{'kind':<14} {'docs':>4} {'gold':>5} {'ours':>5} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'right':>7} {'subject':>8} {'subj>=.5':>8}")
    for kind in sorted(per):
        print(per[kind].row(kind, docs[kind]))
    print(total.row("all", len(twins)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
