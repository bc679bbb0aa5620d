"""Where the line labeller should overrule the line rules: five-fold cross-validation on the
*train* twins, recording for every whole line where the labeller's likeliest role differs
from the rules' kind its probability and whether an overrule would set the line right
(the labeller agrees with the annotation and the rules do not) or wrong (the reverse).
Printed per (the rules' kind, the labeller's role) and bar, numbered lines of text read as
headlines (``long`` ones, past a headline's length, apart) and numbered headlines read as
paragraph starts apart from the others, and so the page's first headline read as furniture
(``first``), titles below a page's first three lines (``mid``) and lines the rules set aside
read as headlines; ``linerole._SURE``, ``linerole.CONFIDENT``, ``linerole._NUMBERED_HEADING``,
``linerole._NUMBERED_LONG``, ``linerole._NUMBERED_START``, ``linerole._FURNITURE_HEADING`` and
``linerole._FIRST_HEADLINE_FURNITURE`` are read off this table, never off the held-out twins. With
``--wrapped``, the same on the twins hard-wrapped (``unionnlp.twins.hard_wrapped``), on the
pages the labeller of hard-wrapped pages reads (``linerole.wrapped_page``), each fold's
labellers trained as ``tools/train_linerole.py`` trains them: ``linerole._SURE_WRAPPED`` is
read off that table.

    python benchmarks/cv_overrule.py [--wrapped]
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from cv_structure import FOLDS, _folds  # noqa: E402

import unionnlp.linerole as linerole  # noqa: E402
from unionnlp import analyze  # noqa: E402
from unionnlp.lines import HEADLINE_MAX, numbering  # noqa: E402
from unionnlp.normalize import normalize  # noqa: E402
from unionnlp.twins import gold_line_roles, hard_wrapped, load_twins  # noqa: E402

#: The annotated roles each of the rules' kinds stands for (a headline the annotation
#: calls a title is set right by the labeller's title: it opens an article).
RIGHT = {"headline": {"heading"}, "body": {"start", "cont"}, "furniture": {"furniture"},
         "subtitle": {"subtitle"}, "byline": {"byline"}, "table": {"table"}, "title": {"title"}}
BARS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
KIND = {"title": "title", "heading": "headline", "caption": "caption", **linerole._KINDS}


def disagreements(wrapped: bool = False) -> list[dict[str, Any]]:
    """Every whole line of the train twins where labeller and rules disagree, held out by
    fold, with the labeller's probability and who is right; ``wrapped``: of the twins
    hard-wrapped, on the pages the labeller of hard-wrapped pages reads."""
    twins = load_twins("train")
    fold = _folds([t.id for t in twins])
    records: list[dict[str, Any]] = []
    gold: list[str] = []
    captions: set[int] = set()
    real_relabel, real_default = linerole.relabel, linerole.default_labeller
    real_wrapped = linerole.wrapped_labeller

    def spy(lines: Any, text: str, view: str | None = None, **kwargs: Any) -> Any:
        page = linerole.wrapped_page(normalize(text) if view is None else view)
        if page != wrapped:
            return real_relabel(lines, text, view, **kwargs)
        model = linerole.wrapped_labeller() if page else linerole.default_labeller()
        pieces = Counter(x.number for x in lines)
        table = model.table(text, view, linerole.rule_kinds(lines))
        by_number = {x.number: x for x in lines}
        first = next((x for x in lines if x.kind != "furniture"), None)
        for rank, (i, row) in enumerate(zip(table.numbers, model.marginals(table), strict=True)):
            x = by_number.get(i - 1)
            top = int(row.argmax())
            role = model.labels[top]
            overruled = linerole._OVERRULED_WRAPPED if page else linerole._OVERRULED
            if x is None or pieces[x.number] > 1 or (
                    x.kind not in overruled and (x.kind, role) != ("furniture", "heading")):
                continue
            if KIND.get(role) == x.kind:
                continue
            truth = "caption" if i in captions and gold[i - 1] == "start" else \
                linerole._target(gold[i - 1])
            numbered = ((x.kind, role) in (("body", "heading"), ("headline", "start"))
                        and numbering(x.view)[0] is not None)
            opening = x is first and x.kind == "headline" and role == "furniture"
            long = numbered and x.kind == "body" and len(x.view) > HEADLINE_MAX
            kind = x.kind + (" numbered long" if long else " numbered" if numbered
                             else " first" if opening
                             else " mid" if role == "title" and rank >= 3 else "")
            # The page's first headline opens its title block: the rules make it the title.
            kept = RIGHT.get(x.kind, set()) | ({"title"} if opening else set())
            records.append({"pair": (kind, role),
                            "p": float(row[top]),
                            "right": truth == role and truth not in kept,
                            "wrong": truth != role and truth in kept})
        return real_relabel(lines, text, view, **kwargs)

    try:
        linerole.relabel = spy
        for k in range(FOLDS):
            train = [t for t in twins if fold[t.id] != k]
            model = linerole.train_labeller(train)
            linerole.default_labeller = lambda model=model: model
            if wrapped:
                model = linerole.train_wrapped_labeller(train)
                linerole.wrapped_labeller = lambda model=model: model
            scored = [t for t in twins if fold[t.id] == k]
            for twin in hard_wrapped(scored) if wrapped else scored:
                gold[:] = gold_line_roles(twin)
                captions.clear()
                captions.update(s.line for s in twin.spans if s.role == "caption")
                analyze(twin.text, source=twin.id)
    finally:
        linerole.relabel, linerole.default_labeller = real_relabel, real_default
        linerole.wrapped_labeller = real_wrapped
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wrapped", action="store_true",
                        help="the twins hard-wrapped, on the pages read as hard-wrapped")
    args = parser.parse_args(argv)
    bars = linerole._SURE_WRAPPED if args.wrapped else linerole._SURE
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in disagreements(args.wrapped):
        pairs[r["pair"]].append(r)
    print("lines set right / wrong by an overrule at each bar (train twins, held out by fold)")
    print(f"{'rules -> labeller':<24}{'lines':>6}{'bar now':>8}  "
          + "  ".join(f"{b:>7}" for b in BARS))
    for pair, rows in sorted(pairs.items(), key=lambda kv: -len(kv[1])):
        now = (linerole._NUMBERED_LONG if pair[0] == "body numbered long"
               else linerole._NUMBERED_HEADING if pair[0] == "body numbered"
               else linerole._NUMBERED_START if pair[0] == "headline numbered" and not args.wrapped
               else linerole._FIRST_HEADLINE_FURNITURE if pair[0].endswith(" first")
               else linerole._FURNITURE_HEADING if pair == ("furniture", "heading")
               else math.inf if pair[1] in linerole._NEVER
               else bars.get((pair[0].split()[0], pair[1]), linerole.CONFIDENT))
        cells = []
        for b in BARS:
            sure = [r for r in rows if r["p"] >= b]
            cells.append(f"{sum(r['right'] for r in sure):>3}/{sum(r['wrong'] for r in sure):<3}")
        print(f"{' -> '.join(pair):<24}{len(rows):>6}{now:>8}  " + "  ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
