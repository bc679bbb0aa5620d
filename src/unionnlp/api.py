"""The public functions: analyse a text, a file or a large file part by part, keywords of
any string, why a paragraph got its themes, tables of records. The stages are wired in
:mod:`unionnlp.pipeline`; these read the input and hand it over."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ._regex import regex
from .model import DEFAULT, Keyword, Options, Report, Source

__all__ = [
    "analyze",
    "analyze_file",
    "analyze_source",
    "analyze_stream",
    "explain",
    "explain_clauses",
    "keywords",
    "to_frames",
]


_SURROGATE = regex("[\ud800-\udfff]")


def analyze_source(source: Source, options: Options = DEFAULT) -> Report:
    """Analyse text already read: structure, keywords, themes, summaries and figures."""
    from .pipeline import run

    return run(source, options)


def analyze(text: str, *, source: str | None = None, options: Options = DEFAULT) -> Report:
    """Analyse a report given as a string; ``source`` is only recorded in the output.

    A lone surrogate in ``text`` (a string decoded with ``surrogateescape``, say) is
    read as U+FFFD, one for one, and the report's ``warnings`` say how many; one in
    ``source`` is written as a ``\\xff`` escape (see :func:`unionnlp.model.writable`)."""
    _check_str(text, source, "analyze")
    return analyze_source(Source(text=text, path=source), options)


def _check_str(text: object, source: str | None, caller: str) -> str:
    """``text``, refused when it is not a str, naming the source."""
    from .errors import InputError

    if not isinstance(text, str):
        hint = " (decode bytes first, or pass a path to analyze_file)" if isinstance(
            text, (bytes, bytearray)) else ""
        raise InputError(source, f"{caller} needs str, got {type(text).__name__}{hint}")
    return text


def _check_text(text: object, source: str | None, caller: str) -> None:
    """Refuse what is not analysable text, naming the source: non-str and lone surrogates
    (for callers that have no warnings to say they read them as U+FFFD)."""
    from .errors import InputError

    surrogate = _SURROGATE.search(_check_str(text, source, caller))
    if surrogate is not None:
        raise InputError(source, f"the text holds an unpaired surrogate (U+{ord(surrogate[0]):04X}) "
                                 f"at offset {surrogate.start()}: not valid Unicode text")


def analyze_file(path: str | os.PathLike[str], *, options: Options = DEFAULT) -> Report:
    """Read a .txt/.md/.docx/.doc/.html/.mht/.pdf report and analyse it."""
    from .readers import read

    # The report names the file as a batch record does: a name's undecodable bytes
    # (lone surrogates) as \xff escapes, in ``source`` and the warnings alike.
    return analyze_source(read(path), options)


def analyze_stream(path: str | os.PathLike[str], *, options: Options = DEFAULT,
                   part_bytes: int | None = None) -> Iterator[Report]:
    """Analyse a plain-text file of any size part by part (parts of about ``part_bytes``,
    default 4 MB, cut after a blank line, else after a line, never over
    :data:`~unionnlp.readers.MAX_INPUT_BYTES`: see :func:`~unionnlp.readers.split_parts`),
    yielding one report per part, its ``part`` set: memory stays that of one part however
    large the file."""
    from .readers import PART_BYTES, read_part, split_parts
    from .structure import as_part

    size = PART_BYTES if part_bytes is None else part_bytes
    parts = split_parts(path, size)
    for part in parts:
        source = read_part(path, part)
        yield as_part(analyze_source(source, options), part, goes_on=part is not parts[-1])


def keywords(text: str, top_k: int = 10, *, segmenter: str = "auto") -> list[Keyword]:
    """Up to ``top_k`` TF-IDF keywords of any string, weighed against union reports in
    general, best first.

    ``top_k`` is a maximum: terms weighed under a hundredth of the best are left out, so a
    short text may give fewer (:func:`unionnlp.keyterms.worth_saying`). The string is read
    as it is, every line of it: no structure is found, so a title, a menu or a date stamp
    counts as text. A report's ``keywords`` (:func:`analyze`) are ranked over its
    paragraphs only, with titles, headlines and set-aside lines left out, and so may
    differ for the same text; ``analyze(text).keywords`` gives those.
    """
    from .pipeline import default_keywords
    from .segment import cut_for_analysis

    _check_text(text, None, "keywords")
    pieces = [cut_for_analysis(line, segmenter) for line in text.splitlines() if line.strip()]
    found = default_keywords().extract(pieces, top_k)
    written = _in_its_characters(text, [k.term for k in found])
    return [Keyword(term, k.weight) for term, k in zip(written, found, strict=True)]


def _in_its_characters(text: str, terms: list[str]) -> list[str]:
    """``terms``, read in ``text``'s analysis view, in the characters ``text`` uses: a
    traditional text's terms come back traditional, as :func:`analyze` gives them."""
    from .convert import analysis_view
    from .normalize import fold_newlines

    source = fold_newlines(text)
    view, traditional = analysis_view(source)
    if not traditional:
        return terms
    out = []
    for term in terms:
        at = view.find(term)
        out.append(source[at:at + len(term)] if at >= 0 else term)
    return out


def explain(
    text: str, theme: str, *, top: int = 5, model: str | None = None, segmenter: str = "auto"
) -> list[tuple[str, float]]:
    """The terms of a paragraph that pushed it towards ``theme``, strongest first: its own
    words' evidence (in a report, its neighbours move its ``scores`` too)."""
    from .segment import cut_for_analysis
    from .themes import get_classifier

    _check_text(text, None, "explain")
    found = get_classifier(model).explain(cut_for_analysis(text, segmenter), theme, top)
    written = _in_its_characters(text, [term for term, _ in found])
    return [(term, weight) for term, (_, weight) in zip(written, found, strict=True)]


#: Where a paragraph's clauses part: after a sentence or clause end, before 一是 / 二是.
_CLAUSE = regex(r"(?<=[。！？；;!?])|(?=[一二三四五六七八九十]是)")


def explain_clauses(
    text: str, theme: str, *, model: str | None = None, segmenter: str = "auto"
) -> list[tuple[str, float]]:
    """Each clause of a paragraph (a sentence, a 一是/二是 item) with the probability of
    ``theme`` for that clause alone, highest first: which part of a paragraph carries the
    theme (a paragraph is scored whole, so a clause can outweigh or be drowned by the
    rest)."""
    from .segment import cut_for_analysis
    from .themes import get_classifier

    _check_text(text, None, "explain_clauses")
    classifier = get_classifier(model)
    if theme not in classifier.themes:
        from .errors import unknown_name

        raise unknown_name("theme", theme, classifier.themes)
    clauses = [c.strip() for c in _CLAUSE.split(text) if c.strip()]
    scores = classifier.predict_proba([cut_for_analysis(c, segmenter) for c in clauses])
    ranked = [(c, float(s[theme])) for c, s in zip(clauses, scores, strict=True)]
    return sorted(ranked, key=lambda pair: -pair[1])


def to_frames(records: Iterable[Report | Mapping[str, Any]]) -> dict[str, Any]:
    """pandas DataFrames of reports or batch records, one per table: ``reports``,
    ``paragraphs`` (a score column per theme), ``figures`` and ``keywords``, tidy (one row
    per item, the source in every row). Needs pandas (``pip install "unionnlp[pandas]"``)."""
    from .errors import ConfigError
    from .export.tables import tables

    try:
        import pandas as pd
    except ImportError as exc:
        raise ConfigError('to_frames needs pandas: pip install "unionnlp[pandas]"') from exc
    dicts = [r.to_dict() if isinstance(r, Report) else r for r in records]
    return {name: pd.DataFrame(rows, columns=cols) for name, (cols, rows) in tables(dicts).items()}
