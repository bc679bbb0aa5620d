"""Run every stage on one source; the only module that knows the order of the stages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from .api import Options
from .convert import is_traditional, to_simplified
from .figures import extract_figures
from .keyterms import KeywordExtractor
from .model import Article, Figure, Keyword, Paragraph, Report, Section, Source
from .normalize import fold_newlines, normalize
from .segment import Segmenter, get_segmenter
from .structure import parse
from .summarize import summarize
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


class _Stages:
    """The per-report state the stages share: one segmentation of every paragraph."""

    def __init__(self, options: Options, traditional: bool) -> None:
        self.options = options
        self.traditional = traditional
        self.segmenter: Segmenter = get_segmenter(options.segmenter)
        self.keywords = default_keywords(options.segmenter)
        self.tokens: dict[int, list[str]] = {}
        self._cut: dict[str, list[str]] = {}

    def view(self, text: str) -> str:
        """The same-length text the analysis reads: normalised, and simplified if need be."""
        text = normalize(text)
        return to_simplified(text) if self.traditional else text

    def cut(self, text: str) -> list[str]:
        # Report, article and section summaries read the same sentences: segment each once.
        words = self._cut.get(text)
        if words is None:
            words = self._cut[text] = self.segmenter.cut(self.view(text))
        return words

    def paragraph_tokens(self, paragraphs: Sequence[Paragraph]) -> list[list[str]]:
        return [self.tokens[id(p)] for p in paragraphs]

    def top(self, paragraphs: Sequence[Paragraph], k: int) -> tuple[Keyword, ...]:
        if k <= 0 or not paragraphs:
            return ()
        return tuple(self.keywords.extract(self.paragraph_tokens(paragraphs), k))

    def summary(self, paragraphs: Sequence[Paragraph], k: int) -> tuple[str, ...]:
        # Summarise what the analysis reads, then give back the original characters.
        texts = [p.text for p in paragraphs]
        views = [self.view(t) for t in texts]
        picked = summarize(views, self.cut, self.keywords.idf, k=k)
        joined, view = "\n".join(texts), "\n".join(views)
        return tuple(joined[view.index(s):view.index(s) + len(s)] for s in picked)


def _figures(paragraph: Paragraph, view: str) -> list[Figure]:
    found = [replace(f, text=paragraph.text[f.offset:f.offset + len(f.text)])
             for f in extract_figures(view)]
    spans = paragraph.spans or ((paragraph.offset, len(paragraph.text)),)
    out = []
    for figure in found:
        local, offset = figure.offset, paragraph.offset
        for start, length in spans:
            if local < length:
                offset = start + local
                break
            local -= length
        out.append(replace(figure, offset=offset))
    return out


def run(source: Source, options: Options) -> Report:
    """Structure, then keywords, themes, summaries and figures, of one source."""
    text = fold_newlines(source.text)
    view = normalize(text)
    traditional = is_traditional(view)
    report = parse(replace(source, text=text), to_simplified(view) if traditional else view)
    stages = _Stages(options, traditional)
    paragraphs = report.paragraphs
    for p in paragraphs:
        stages.tokens[id(p)] = stages.cut(p.text)
    classifier = get_classifier(options.model)
    scores = classifier.predict_proba(stages.paragraph_tokens(paragraphs))
    tagged = {
        id(p): replace(p, themes=classifier.decide(s), scores=s)
        for p, s in zip(paragraphs, scores, strict=True)
    }
    for p in paragraphs:
        stages.tokens[id(tagged[id(p)])] = stages.tokens[id(p)]

    def section(s: Section) -> Section:
        ps = tuple(tagged[id(p)] for p in s.paragraphs)
        return replace(s, paragraphs=ps, keywords=stages.top(ps, options.section_top_k),
                       summary=stages.summary(ps, options.section_summary_sentences))

    def article(a: Article) -> Article:
        sections = tuple(section(s) for s in a.sections)
        ps = a.paragraphs
        return replace(a, sections=sections, keywords=stages.top(ps, options.top_k),
                       summary=stages.summary(ps, options.article_summary_sentences))

    articles = tuple(article(a) for a in report.articles)
    total = sum(len(p.text) for p in paragraphs) or 1
    shares = {
        t: sum(len(p.text) for p in tagged.values() if t in p.themes) / total
        for t in classifier.themes
    }
    return replace(
        report,
        articles=articles,
        traditional=traditional,
        keywords=stages.top(paragraphs, options.top_k),
        summary=stages.summary(paragraphs, options.summary_sentences),
        theme_shares=shares,
        figures=tuple(f for p in paragraphs for f in _figures(p, stages.view(p.text))),
    )
