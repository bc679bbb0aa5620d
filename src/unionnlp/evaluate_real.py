"""Figures on the real-shaped twins (``corpus/real``): how well the whole pipeline finds
what the annotation says, per kind of page.

- line roles: each non-blank line's coarse role (title, subtitle, byline, heading,
  paragraph start, continuation, table, furniture) as the output implies it, against
  the annotation; a line's role is its heading if it holds one, else its paragraph
  start if it holds one, else its first span's role;
- headlines: section headings found at the annotated headings' positions (P/R/F1);
- paragraph boundaries: paragraphs starting where the annotation starts one (P/R/F1);
- themes, twice: the classifier on the annotated paragraphs (the model alone), and the
  themes of the output paragraph holding each annotated paragraph's start (end to end).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .metrics import score
from .model import THEMES, Report
from .twins import PARAGRAPH_ROLES, Twin, gold_line_roles, hard_wrapped, load_twins

__all__ = ["DocScore", "agreement", "evaluate_real", "predicted_line_roles", "score_twin"]



def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


class _Lines:
    """Line numbers of offsets in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.starts.append(i + 1)

    def of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset)


def predicted_line_roles(twin: Twin, report: Report) -> list[str]:
    """The coarse role of every line as ``report`` (the output for the twin's text) implies
    it; lines the output does not place are furniture (it set them aside)."""
    lines = twin.lines
    at = _Lines(twin.text)
    roles = ["furniture" if line.strip() else "blank" for line in lines]
    rank = {"heading": 3, "start": 2, "table": 2, "cont": 1}

    def put(line: int, role: str) -> None:
        if 1 <= line <= len(roles) and roles[line - 1] != "blank":
            current = roles[line - 1]
            if rank.get(role, 0) >= rank.get(current, 0):
                roles[line - 1] = role

    placed: set[int] = set()
    for article in report.articles:
        for section in article.sections:
            for p in section.paragraphs:
                spans = p.spans or ((p.offset, len(p.text)),)
                first = at.of(_skip_space(twin.text, spans[0][0]))
                for start, length in spans:
                    for n in range(at.of(start), at.of(max(start, start + length - 1)) + 1):
                        put(n, "table" if p.kind == "table" else "start" if n == first else "cont")
                        placed.add(n)
            if section.heading and section.offset is not None:
                n = at.of(_skip_space(twin.text, section.offset))
                put(n, "heading")
                placed.add(n)
                # A headline wrapped over lines: the lines its text runs on to continue it.
                rest = "".join(section.heading.split())
                rest = rest[len("".join(lines[n - 1].split())):]
                while rest and n < len(lines):
                    n += 1
                    piece = "".join(lines[n - 1].split())
                    if not piece:
                        continue
                    if not rest.startswith(piece):
                        break
                    put(n, "cont")
                    placed.add(n)
                    rest = rest[len(piece):]
    # Title blocks: the lines whose text makes up an article's title, subtitle or byline,
    # nearest the article's start first; each part of the text is claimed once, so that a
    # copy of the title the output set aside (a running header, a page title printed
    # twice) stays furniture.
    # A line of which the output set a part aside (an e-paper's (主题) mark, a bar) is
    # claimed by what remains of it, when the whole line is not.
    aside = [x for x in ("".join(d.split()) for d in report.dropped) if x]
    squeezed = ["".join(x.split()) for x in lines]
    trimmed: dict[int, str] = {}  # each line without the parts set aside, when first needed
    for article in report.articles:
        home = at.of(article.offset or 0)
        nearest = sorted(range(1, len(lines) + 1), key=lambda n: (abs(n - home), -n))
        for role, value in (("title", article.title), ("subtitle", article.subtitle),
                            ("byline", article.byline)):
            if not value:
                continue
            left = "".join(value.split())
            for n in nearest:
                piece = squeezed[n - 1]
                if n not in placed and piece not in left:
                    if n not in trimmed:
                        trimmed[n] = _without_parts(piece, aside)
                    piece = trimmed[n]
                if n not in placed and len(piece) >= 2 and piece in left:
                    roles[n - 1] = role
                    placed.add(n)
                    left = left.replace(piece, "", 1)
    return roles


def _without_parts(piece: str, parts: Sequence[str]) -> str:
    """``piece`` without each of ``parts`` that it holds and is longer than."""
    for part in parts:
        if len(part) < len(piece) and part in piece:
            piece = piece.replace(part, "", 1)
    return piece


@dataclass
class DocScore:
    """Counts of one twin, summed over twins by :func:`evaluate_real`."""

    lines: int = 0
    lines_right: int = 0
    head_tp: int = 0
    head_fp: int = 0
    head_fn: int = 0
    level_right: int = 0
    para_tp: int = 0
    para_fp: int = 0
    para_fn: int = 0
    theme_truth: list[tuple[str, ...]] = field(default_factory=list)
    theme_model: list[tuple[str, ...]] = field(default_factory=list)
    theme_e2e: list[tuple[str, ...]] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: DocScore) -> None:
        for name in ("lines", "lines_right", "head_tp", "head_fp", "head_fn", "level_right",
                     "para_tp", "para_fp", "para_fn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.theme_truth += other.theme_truth
        self.theme_model += other.theme_model
        self.theme_e2e += other.theme_e2e
        self.confusion.update(other.confusion)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "support": tp + fn}


def score_twin(twin: Twin, report: Report,
               model_themes: Sequence[tuple[str, ...]] | None = None) -> DocScore:
    """Compare the output for one twin's text with its annotation.

    ``model_themes`` are the classifier's themes for the twin's annotated paragraphs, in
    order (None: not scored).
    """
    text = twin.text
    out = DocScore()
    gold = gold_line_roles(twin)
    pred = predicted_line_roles(twin, report)
    for g, guess in zip(gold, pred, strict=True):
        if g != "blank":
            out.lines += 1
            out.lines_right += g == guess
            out.confusion[(g, guess)] += 1

    # Headlines, matched by their first non-blank character.
    gold_heads = {_skip_space(text, s.offset): s.level for s in twin.spans if s.role == "heading"}
    pred_heads = {_skip_space(text, s.offset): s.level for a in report.articles
                  for s in a.sections if s.heading and s.offset is not None and s.level > 0}
    hits = gold_heads.keys() & pred_heads.keys()
    out.head_tp, out.head_fp, out.head_fn = (len(hits), len(pred_heads) - len(hits),
                                            len(gold_heads) - len(hits))
    out.level_right = sum(gold_heads[h] == pred_heads[h] for h in hits)

    # Paragraph starts; a paragraph opened on a line by a heading or a dateline may also be
    # said to start where its line does (the output keeps such a line whole).
    at = _Lines(text)
    line_first: dict[int, list[str]] = defaultdict(list)
    accept: list[set[int]] = []
    for s in twin.spans:
        if s.role in PARAGRAPH_ROLES:
            allowed = {_skip_space(text, s.offset)}
            if all(r in ("heading", "dateline") for r in line_first[s.line]):
                allowed.add(_skip_space(text, at.starts[s.line - 1]))
            accept.append(allowed)
        if s.text.strip():
            line_first[s.line].append(s.role)
    paragraphs = report.paragraphs
    starts = [_skip_space(text, (p.spans[0][0] if p.spans else p.offset)) for p in paragraphs]
    free = Counter(starts)
    for allowed in accept:
        hit = next((a for a in sorted(allowed) if free[a] > 0), None)
        if hit is not None:
            free[hit] -= 1
            out.para_tp += 1
    out.para_fp = len(starts) - out.para_tp
    out.para_fn = len(accept) - out.para_tp

    # Themes end to end: the output paragraph that holds the annotated start.
    covers: list[tuple[int, int, tuple[str, ...]]] = []
    for para in paragraphs:
        for start, length in para.spans or ((para.offset, len(para.text)),):
            covers.append((start, start + length, para.themes))
    covers.sort()
    keys = [c[0] for c in covers]
    for i, tp in enumerate(twin.paragraphs):
        out.theme_truth.append(tp.themes)
        j = bisect.bisect_right(keys, tp.offset) - 1
        found: tuple[str, ...] = ()
        if j >= 0 and covers[j][0] <= tp.offset < covers[j][1]:
            found = covers[j][2]
        out.theme_e2e.append(found)
        if model_themes is not None:
            out.theme_model.append(model_themes[i])
    return out


def _themes(truth: list[tuple[str, ...]], predicted: list[tuple[str, ...]]) -> dict[str, Any]:
    """:func:`score`, with the macro average over the themes that occur (in the annotation
    or the output): a kind of page without, say, skills training is not scored 0 on it."""
    result = score(truth, predicted, list(THEMES))
    present = [t for t in THEMES
               if any(t in a for a in truth) or any(t in b for b in predicted)]
    result["macro_f1"] = round(
        sum(result["themes"][t]["f1"] for t in present) / len(present), 4) if present else 1.0
    result["themes_scored"] = present
    return result


def _summary(s: DocScore, docs: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "documents": docs,
        "lines": s.lines,
        "line_role_accuracy": round(s.lines_right / s.lines, 4) if s.lines else 0.0,
        "headlines": _prf(s.head_tp, s.head_fp, s.head_fn),
        "headline_level_accuracy": round(s.level_right / s.head_tp, 4) if s.head_tp else 0.0,
        "paragraph_boundaries": _prf(s.para_tp, s.para_fp, s.para_fn),
        "paragraphs": len(s.theme_truth),
        "themes_end_to_end": _themes(s.theme_truth, s.theme_e2e),
    }
    if s.theme_model:
        result["themes_model"] = _themes(s.theme_truth, s.theme_model)
    return result


def evaluate_real(
    split: str | None = "test",
    kinds: Iterable[str] | None = None,
    *,
    limit: int | None = None,
    segmenter: str = "auto",
    model: str | None = None,
    wrapped: bool = False,
) -> dict[str, Any]:
    """Score the pipeline on the real-shaped twins of ``split`` (None: all), per kind and
    overall; ``limit`` keeps the first N twins of each kind (a quick check); ``wrapped``
    scores them hard-wrapped as a PDF's text extraction breaks lines
    (:func:`unionnlp.twins.hard_wrapped`)."""
    from .api import analyze
    from .model import Options
    from .segment import cut_for_analysis
    from .themes import get_classifier

    twins = load_twins(split, tuple(kinds) if kinds is not None else None)
    if limit is not None:
        seen: Counter[str] = Counter()
        kept = []
        for t in twins:
            seen[t.kind] += 1
            if seen[t.kind] <= limit:
                kept.append(t)
        twins = kept
    if wrapped:
        twins = hard_wrapped(twins)
    options = Options(segmenter=segmenter, model=model)
    classifier = get_classifier(model)
    per_kind: dict[str, DocScore] = defaultdict(DocScore)
    docs: Counter[str] = Counter()
    total = DocScore()
    confusion: Counter[tuple[str, str]] = Counter()
    for twin in twins:
        report = analyze(twin.text, source=twin.id, options=options)
        tokens = [cut_for_analysis(p.text, segmenter) for p in twin.paragraphs]
        decided = classifier.decide_document(classifier.predict_proba(tokens))
        doc = score_twin(twin, report, decided)
        per_kind[twin.kind].add(doc)
        docs[twin.kind] += 1
        total.add(doc)
        confusion.update(doc.confusion)
    return {
        "split": split or "all",
        "wrapped": wrapped,
        "overall": _summary(total, len(twins)),
        "kinds": {k: _summary(per_kind[k], docs[k]) for k in sorted(per_kind)},
        "line_confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items()) if g != p},
    }


def _kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' labels."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return round((observed - expected) / (1 - expected), 4) if expected < 1 else 1.0


def agreement(pairs: Iterable[tuple[Twin, Twin]]) -> dict[str, Any]:
    """Agreement of two annotations of the same twins (first pass, second pass): line roles
    (accuracy and kappa), headlines and paragraph starts (F1 of one against the other), and
    themes on the paragraphs both start at the same place (per theme agreement and kappa)."""
    roles: list[tuple[str, str]] = []
    heads = [0, 0, 0]
    paras = [0, 0, 0]
    theme_pairs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    docs = 0
    for first, second in pairs:
        if first.text != second.text:
            raise ValueError(f"{first.id}: the two passes annotate different texts")
        docs += 1
        roles += [(a, b) for a, b in zip(gold_line_roles(first), gold_line_roles(second),
                                         strict=True) if a != "blank"]
        for counts, role_set in ((heads, {"heading"}), (paras, PARAGRAPH_ROLES)):
            a = {_skip_space(first.text, s.offset) for s in first.spans if s.role in role_set}
            b = {_skip_space(second.text, s.offset) for s in second.spans if s.role in role_set}
            counts[0] += len(a & b)
            counts[1] += len(b - a)
            counts[2] += len(a - b)
        second_themes = {p.offset: p.themes for p in second.paragraphs}
        theme_pairs += [(p.themes, second_themes[p.offset]) for p in first.paragraphs
                        if p.offset in second_themes]
    per_theme = {}
    for t in THEMES:
        labels = [(str(t in a), str(t in b)) for a, b in theme_pairs]
        per_theme[t] = {"agreement": round(sum(x == y for x, y in labels) / max(1, len(labels)), 4),
                        "kappa": _kappa(labels)}
    return {
        "documents": docs,
        "lines": len(roles),
        "line_role_agreement": round(sum(a == b for a, b in roles) / max(1, len(roles)), 4),
        "line_role_kappa": _kappa(roles),
        "headlines_f1": _prf(*heads)["f1"],
        "paragraph_starts_f1": _prf(*paras)["f1"],
        "paragraphs_compared": len(theme_pairs),
        "exact_theme_sets": round(sum(a == b for a, b in theme_pairs) / max(1, len(theme_pairs)), 4),
        "themes": per_theme,
        "line_disagreements": {f"{a}/{b}": n for (a, b), n in sorted(Counter(
            (a, b) for a, b in roles if a != b).items())},
    }
