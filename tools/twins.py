"""Check the real-shaped twins of corpus/real/ (see corpus/real/README.md).

    python tools/twins.py check [FILE.ann ...]        validate annotation files (all by default)
    python tools/twins.py compare FILE.ann VERBATIM   layout fidelity and copied text against the
                                                      verbatim page (kept outside the repository)
    python tools/twins.py jsonl FILE.ann              the twin as JSON Lines, one record per span
    python tools/twins.py plain FILE.ann              the twin's text alone, without annotation
    python tools/twins.py stats                       counts by kind, role and theme
    python tools/twins.py split                       write corpus/real/splits.json (held-out twins)
    python tools/twins.py sources                     write corpus/real/SOURCES.md from the headers
    python tools/twins.py agreement                   first pass against corpus/real/second_pass/
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from unionnlp.twins import (  # noqa: E402
    TwinError,
    iter_twin_files,
    parse_twin,
)


def _check(paths: list[Path]) -> int:
    bad = 0
    for path in paths:
        try:
            twin = parse_twin(path.read_text(encoding="utf-8"), source=str(path))
        except TwinError as exc:
            bad += 1
            print(f"FAIL {exc}")
            continue
        roles = Counter(s.role for s in twin.spans)
        print(f"ok   {path.name}: {twin.kind}, {len(twin.lines)} lines, "
              f"{len(twin.paragraphs)} paragraphs, "
              + ", ".join(f"{k} {v}" for k, v in sorted(roles.items())))
    return 1 if bad else 0


def _shingles(text: str, n: int) -> set[str]:
    han = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
    return {han[i:i + n] for i in range(len(han) - n + 1)}


def _compare(ann: Path, verbatim: Path) -> int:
    twin = parse_twin(ann.read_text(encoding="utf-8"), source=str(ann))
    original = verbatim.read_text(encoding="utf-8").split("\n")
    if original and original[-1] == "":
        original.pop()
    problems = 0
    if len(original) != len(twin.lines):
        print(f"line count differs: verbatim {len(original)}, twin {len(twin.lines)}")
        problems += 1
    for i, (a, b) in enumerate(zip(original, twin.lines, strict=False), 1):
        if (not a.strip()) != (not b.strip()):
            print(f"line {i}: blank in one, not the other")
            problems += 1
        ind_a = a[: len(a) - len(a.lstrip())]
        ind_b = b[: len(b) - len(b.lstrip())]
        if ind_a != ind_b:
            print(f"line {i}: indentation differs ({ind_a!r} vs {ind_b!r})")
            problems += 1
    # Copied text: character 10-grams of prose shared with the verbatim page.
    prose = "".join(s.text for s in twin.spans if s.role not in {"furniture", "table"})
    source = "\n".join(original)
    shared = _shingles(prose, 10) & _shingles(source, 10)
    total = max(1, len(_shingles(prose, 10)))
    print(f"shared 10-grams in prose: {len(shared)} of {total} ({len(shared) / total:.1%})")
    for g in sorted(shared)[:20]:
        print(f"  copied? {g}")
    if len(shared) / total > 0.05:
        problems += 1
    print("OK" if not problems else f"{problems} problem(s)")
    return 1 if problems else 0


def _stats() -> int:
    """Counts by kind as a Markdown table (corpus/real/README.md shows it)."""
    from unionnlp.twins import load_twins

    rows: dict[str, Counter[str]] = {}
    for twin in load_twins(None):
        c = rows.setdefault(twin.kind, Counter())
        c["twins"] += 1
        c["held out"] += twin.split == "test"
        c["lines"] += sum(1 for line in twin.lines if line.strip())
        c["paragraphs"] += len(twin.paragraphs)
        c["headings"] += sum(s.role == "heading" for s in twin.spans)
        for p in twin.paragraphs:
            c.update(p.themes or ("none",))
    cols = ["twins", "held out", "lines", "headings", "paragraphs", "org_building", "worker_aid",
            "rights_protection", "skills_training", "none"]
    total: Counter[str] = Counter()
    print("| kind | " + " | ".join(cols) + " |")
    print("| --- |" + " ---: |" * len(cols))
    for kind in sorted(rows):
        total.update(rows[kind])
        print(f"| {kind} | " + " | ".join(str(rows[kind][c]) for c in cols) + " |")
    print("| **all** | " + " | ".join(f"**{total[c]}**" for c in cols) + " |")
    return 0


REAL = ROOT / "corpus" / "real"
#: The share of twins held out, drawn by a hash of each twin's id.
HELD_OUT = 0.27


def _split() -> int:
    by_kind: dict[str, list[str]] = {}
    for path in iter_twin_files():
        twin = parse_twin(path.read_text(encoding="utf-8"), source=str(path))
        by_kind.setdefault(twin.kind, []).append(twin.id)
    # Each twin is held out by its own hash alone, so adding twins never moves another
    # twin between the splits (nothing tuned on train can later turn out held out).
    test = [i for ids in by_kind.values() for i in ids
            if int(hashlib.sha256(f"unionnlp-twin:{i}".encode()).hexdigest(), 16) / 16**64 < HELD_OUT]
    train = sorted(i for ids in by_kind.values() for i in ids if i not in test)
    (REAL / "splits.json").write_text(
        json.dumps({"test": sorted(test), "train": train}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")
    print(f"held out {len(test)} of {len(test) + len(train)} twins")
    return 0


def _sources() -> int:
    rows = []
    for path in iter_twin_files():
        twin = parse_twin(path.read_text(encoding="utf-8"), source=str(path))
        rows.append(f"| `{twin.id}` | {twin.kind} | <{twin.url}> |")
    text = ("# Sources of the real-shaped twins\n\n"
            "Each twin in this folder paraphrases the public page at this address "
            "(see README.md for what was kept and what was rewritten). "
            "Written by `python tools/twins.py sources`.\n\n"
            "| twin | kind | address |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n")
    (REAL / "SOURCES.md").write_text(text, encoding="utf-8")
    print(f"{len(rows)} sources")
    return 0


def _agreement() -> int:
    from unionnlp.evaluate_real import agreement

    pairs = []
    for path in sorted((REAL / "second_pass").glob("*.ann")):
        second = parse_twin(path.read_text(encoding="utf-8"), source=str(path))
        first_path = REAL / path.name
        first = parse_twin(first_path.read_text(encoding="utf-8"), source=str(first_path))
        pairs.append((first, second))
    print(json.dumps(agreement(pairs), ensure_ascii=False, indent=1))
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "check":
        paths = [Path(a) for a in args] or list(iter_twin_files())
        return _check(paths)
    if cmd == "compare" and len(args) == 2:
        return _compare(Path(args[0]), Path(args[1]))
    if cmd == "jsonl" and len(args) == 1:
        twin = parse_twin(Path(args[0]).read_text(encoding="utf-8"), source=args[0])
        for s in twin.spans:
            rec = {"line": s.line, "col": s.col, "role": s.role, "text": s.text}
            if s.level is not None:
                rec["level"] = s.level
            if s.themes is not None:
                rec["themes"] = list(s.themes)
            print(json.dumps(rec, ensure_ascii=False))
        return 0
    if cmd == "plain" and len(args) == 1:
        twin = parse_twin(Path(args[0]).read_text(encoding="utf-8"), source=args[0])
        sys.stdout.write(twin.text)
        return 0
    if cmd == "stats":
        return _stats()
    if cmd == "split":
        return _split()
    if cmd == "sources":
        return _sources()
    if cmd == "agreement":
        return _agreement()
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
