"""Run every stage on one source; the only module that knows the order of the stages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from .api import Options
from .convert import is_traditional, to_simplified
from .figures import extract_figures
from .keyterms import KeywordExtractor
from .model import Article, Figure, Keyword, Paragraph, Report, Section, Source
from .normalize import fold_newlines, normalize
from .segment import get_segmenter
from .structure import parse
from .summarize import Graph, Sentence, select, sentences
from .themes import get_classifier

__all__ = ["cut_for_analysis", "default_keywords", "run"]


def cut_for_analysis(text: str, segmenter: str = "auto") -> list[str]:
    """Words of ``text`` as the analysis sees them (traditional characters read as simplified)."""
    view = normalize(text)
    if is_traditional(view):
        view = to_simplified(view)
    return get_segmenter(segmenter).cut(view)


@cache
def default_keywords(segmenter: str = "auto") -> KeywordExtractor:
    """The keyword extractor with its IDF fitted on the packaged corpus (once per process)."""
    from .corpus import load_corpus

    seg = get_segmenter(segmenter)
    docs = [seg.cut(doc.text) for doc in load_corpus().docs.values()]
    return KeywordExtractor().fit(docs)


@dataclass(frozen=True)
class _Read:
    """What the stages read of one paragraph, computed once per report."""

    view: str
    tokens: list[str]
    terms: Counter[str]
    sentences: list[Sentence]


def _sum(counts: Sequence[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    return total


def _figures(paragraph: Paragraph, view: str) -> list[Figure]:
    """The paragraph's figures, with offsets into the source and text as written there."""
    spans = paragraph.spans or ((paragraph.offset, len(paragraph.text)),)
    out = []
    for figure in extract_figures(view):
        local, offset = figure.offset, paragraph.offset
        for start, length in spans:
            if local < length:
                offset = start + local
                break
            local -= length
        text = paragraph.text[figure.offset:figure.offset + len(figure.text)]
        subject = _as_written(figure.subject, view, paragraph.text)
        out.append(replace(figure, text=text, subject=subject, offset=offset))
    return out


def _as_written(term: str, view: str, original: str) -> str:
    """``term``, found in the analysis view, in the characters the source used (a term
    from a traditional report comes back traditional)."""
    at = view.find(term) if term else -1
    return original[at:at + len(term)] if at >= 0 else term


def run(source: Source, options: Options) -> Report:
    """Structure, then keywords, themes, summaries and figures, of one source."""
    text = fold_newlines(source.text)
    view = normalize(text)
    traditional = is_traditional(view)
    if traditional:
        view = to_simplified(view)
    report = parse(replace(source, text=text), view)
    segmenter = get_segmenter(options.segmenter)
    extractor = default_keywords(options.segmenter)
    paragraphs = report.paragraphs
    parts: dict[str, tuple[str, ...]] = {}
    read: dict[int, _Read] = {}
    for p in paragraphs:
        v = "".join(view[start:start + length] for start, length in p.spans)
        if len(v) != len(p.text):  # parts of Latin words were joined with a space
            v = normalize(p.text)
            v = to_simplified(v) if traditional else v
        tokens = segmenter.cut(v)
        read[id(p)] = _Read(v, tokens, extractor.count(tokens, parts),
                            sentences(v, tokens, extractor.idf))

    classifier = get_classifier(options.model)
    scores = classifier.predict_proba([read[id(p)].tokens for p in paragraphs])
    tagged = {id(p): replace(p, themes=classifier.decide(s), scores=s)
              for p, s in zip(paragraphs, scores, strict=True)}

    def keywords(counts: Counter[str], k: int) -> tuple[Keyword, ...]:
        found = extractor.rank(counts, parts, k) if k > 0 and counts else []
        if traditional:
            found = [replace(kw, term=_as_written(kw.term, view, text)) for kw in found]
        return tuple(found)

    def summary(ps: Sequence[Paragraph], picked: Sequence[str]) -> tuple[str, ...]:
        # Sentences are chosen on the analysis view; the output gives them as written.
        originals = "\n".join(p.text for p in ps)
        views = "\n".join(read[id(p)].view for p in ps)
        return tuple(originals[views.index(s):views.index(s) + len(s)] for s in picked)

    articles: list[Article] = []
    article_terms: list[Counter[str]] = []
    for a in report.articles:
        sections: list[Section] = []
        section_terms: list[Counter[str]] = []
        # One sentence graph per article: its sections are summarised from it too.
        graph = Graph([x for p in a.paragraphs for x in read[id(p)].sentences])
        first = 0
        for s in a.sections:
            terms = _sum([read[id(p)].terms for p in s.paragraphs])
            section_terms.append(terms)
            count = sum(len(read[id(p)].sentences) for p in s.paragraphs)
            members = range(first, first + count)
            first += count
            sections.append(replace(
                s,
                paragraphs=tuple(tagged[id(p)] for p in s.paragraphs),
                keywords=keywords(terms, options.section_top_k),
                summary=summary(s.paragraphs, graph.pick(
                    members, k=options.section_summary_sentences)),
            ))
        terms = _sum(section_terms)
        article_terms.append(terms)
        articles.append(replace(
            a,
            sections=tuple(sections),
            keywords=keywords(terms, options.top_k),
            summary=summary(a.paragraphs, graph.pick(
                range(len(graph.candidates)), k=options.article_summary_sentences)),
        ))

    total = sum(len(p.text) for p in paragraphs) or 1
    shares = {t: sum(len(p.text) for p in tagged.values() if t in p.themes) / total
              for t in classifier.themes}
    return replace(
        report,
        articles=tuple(articles),
        traditional=traditional,
        keywords=keywords(_sum(article_terms), options.top_k),
        summary=summary(paragraphs, select(
            [x for p in paragraphs for x in read[id(p)].sentences], k=options.summary_sentences)),
        theme_shares=shares,
        figures=tuple(f for p in paragraphs for f in _figures(p, read[id(p)].view)),
    )
