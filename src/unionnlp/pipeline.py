"""Run every stage on one source; the only module that knows the order of the stages."""

from __future__ import annotations

import contextvars
import itertools
import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from ._regex import regex
from .convert import analysis_view, to_simplified
from .figures import extract_figures
from .keyterms import (
    PRIOR_ALPHA,
    JudgedTerms,
    KeywordExtractor,
    Prior,
    Scorer,
    TermShapes,
    TermTable,
    fit_prior,
    shapes_apart,
    worth_saying,
)
from .model import (
    Article,
    Figure,
    Keyword,
    Options,
    Paragraph,
    Report,
    Section,
    Source,
    writable,
)
from .normalize import Unglossed, blank_glosses, drop_glosses, fold_newlines, normalize
from .segment import Segmenter, cut_for_analysis
from .sentences import (
    TOP_TERMS,
    Placed,
    SentenceModel,
    default_sentence_model,
    features,
    oracle,
)
from .structure import blank_junk, parse
from .summarize import FEW, LINK, Graph, Sentence, sentence_vectors
from .themes import default_classifier, get_classifier

__all__ = ["PACKAGED_KEYWORDS", "corpus_twin_scorer", "default_keywords",
           "read_keyword_judgments", "report_scorer", "run", "train_keyword_prior",
           "train_keywords", "train_sentence_model", "warm"]

logger = logging.getLogger(__name__)

#: Where the packaged keyword model ships, relative to the package.
PACKAGED_KEYWORDS = "resources/keywords.npz"


@cache
def default_keywords() -> KeywordExtractor:
    """The keyword extractor with its IDF fitted on the packaged corpus, shipped in the
    package (``resources/keywords.npz``), loaded once per process."""
    from .store import packaged

    extractor = KeywordExtractor.load(packaged(PACKAGED_KEYWORDS, "keyword model"), PACKAGED_KEYWORDS)
    extractor.evidence_ = default_classifier().evidence()
    return extractor


def train_sentence_model(references: Mapping[str, str]) -> SentenceModel:
    """Fit the summary sentence model on the real-shaped train twins that have a reference
    summary (``references``: twin id to summary; never the held-out twins): each twin's
    candidate sentences, labelled by a greedy ROUGE-L oracle against its reference."""
    import numpy as np

    from .twins import load_twins

    texts: list[str] = []
    rows: list[Any] = []
    labels: list[int] = []
    for twin in load_twins("train"):
        if twin.id not in references:
            continue
        sink: list[tuple[list[str], list[str], Any]] = []
        token = _SENTENCE_SINK.set(sink)
        try:
            run(Source(text=twin.text), Options())
        finally:
            _SENTENCE_SINK.reset(token)
        read, written, numeric = sink[0]
        # The oracle compares the page as written with its reference; the model reads
        # the analysis view.
        chosen = set(oracle(written, references[twin.id]))
        texts += read
        rows.append(numeric)
        labels += [int(i in chosen) for i in range(len(written))]
    return SentenceModel.fit(texts, np.vstack(rows), labels)


def train_keywords(segmenter: str = "auto") -> KeywordExtractor:
    """Fit the packaged keyword IDF and phrases on the written corpus's documents and the
    real-shaped train twins (never the held-out ones), as the analysis reads them."""
    from .corpus import load_corpus
    from .twins import load_twins

    texts = [doc.text for doc in load_corpus().docs.values()]
    texts += [twin.text for twin in load_twins("train")]
    return KeywordExtractor().fit(cut_for_analysis(t, segmenter) for t in texts)


def _with_tabs(written: str, view: str) -> str:
    """``view`` with the tabs of ``written`` put back, where the view reads them as spaces:
    figures read a row's cells apart by them (a row's label is its figures' subject, and
    1<tab>200 is no 1 200), save a tab from a number to its unit's cell (1200<tab>户)."""
    out = [w if w == "\t" else v for w, v in zip(written, view, strict=True)]
    for m in _TAB_TO_UNIT.finditer(written):
        out[m.start():m.end()] = view[m.start():m.end()]
    return "".join(out)


_TAB_TO_UNIT = regex(r"(?<=[0-9０-９])\t+(?=[^\t\n0-9０-９])")


def _figures(paragraph: Paragraph, view: str, segmenter: Segmenter,
             glossed: str | None = None) -> list[Figure]:
    """The paragraph's figures, with offsets into the source and text as written there;
    ``glossed`` is its view before pinyin glosses were blanked, when it has any: they are
    read without the glosses, so that a subject runs on across them."""
    unglossed = None
    if glossed is not None:
        unglossed = drop_glosses(glossed)
        view = unglossed.text
    elif "\t" in paragraph.text and len(view) == len(paragraph.text):
        view = _with_tabs(paragraph.text, view)
    spans = paragraph.spans or ((paragraph.offset, len(paragraph.text)),)
    out = []
    for figure in extract_figures(view, segmenter=segmenter):
        start, stop = figure.offset, figure.offset + len(figure.text)
        if unglossed is not None:
            start, stop = unglossed.source(start), unglossed.source(stop - 1) + 1
        local, offset = start, paragraph.offset
        for begin, length in spans:
            if local < length:
                offset = begin + local
                break
            local -= length
        subject = _as_written(figure.subject, view, paragraph.text, unglossed)
        written = paragraph.text[start:stop]
        out.append(Figure(value=figure.value, unit=_unit_as_written(figure, written),
                          subject=subject, text=written, approximate=figure.approximate,
                          offset=offset))
    return out


def _heading_figures(articles: Sequence[Article], text: str, view: str,
                     segmenter: Segmenter) -> list[Figure]:
    """The figures a section headline states (第五章…4名幹部被開除), read where it stands.
    Titles are left out: a 范文 page's title counts its pieces (工作总结精选14篇), and on
    the train twins headlines alone found more statistics than they added wrong ones."""
    out: list[Figure] = []
    for article in articles:
        for section in article.sections:
            head, at = section.heading, section.offset
            if not head or at is None:
                continue
            spans = section.spans or ((at, len(head)),)
            if "".join(text[s:s + n] for s, n in spans) != head:
                continue
            seen = "".join(view[s:s + n] for s, n in spans)
            blanked = blank_glosses(seen)
            line = Paragraph(text=head, offset=at, spans=spans)
            out += _figures(line, blanked, segmenter, seen if blanked != seen else None)
    return out


#: The report's summary unless a number of sentences is asked for: three, and a fourth when
#: three hold fewer characters than this (chosen in folds of the train references).
_SUMMARY_SENTENCES, _SUMMARY_MIN_CHARS = FEW, 140


def _link(sentence: str) -> int:
    """How long the word is that links ``sentence`` to the one before it (see
    :data:`~unionnlp.summarize.LINK`), 0 without one."""
    m = LINK.match(sentence)
    return m.end() if m else 0


def _unit_as_written(figure: Figure, written: str) -> str:
    """The figure's unit in the characters its text uses (萬元, 個 on a traditional page),
    found at the same place in the analysis view's text of the figure."""
    at = figure.text.rfind(figure.unit) if figure.unit else -1
    if at < 0 or len(written) != len(figure.text):
        return figure.unit
    return written[at:at + len(figure.unit)]


def _as_written(term: str, view: str, original: str, unglossed: Unglossed | None = None) -> str:
    """``term``, found in the analysis view, in the characters the source used (a term
    from a traditional report comes back traditional); ``unglossed``: the view is that,
    the source's text without its pinyin glosses."""
    at = view.find(term) if term else -1
    if at >= 0:
        places: Sequence[int] = range(at, at + len(term))
    elif view == original or not term:
        return term
    else:  # a subject read without its quote marks or brackets: its characters in order
        found = _in_order(term, view)
        if found is None:
            return term
        places = found
    if unglossed is not None:
        return "".join(original[unglossed.source(i)] for i in places)
    return "".join(original[i] for i in places)


#: The most characters (quote marks, a bracketed aside) between two of a subject's own.
_SKIPPED = 12


def _in_order(term: str, view: str) -> list[int] | None:
    """Where ``term``'s characters stand in ``view``, in order, each at most
    :data:`_SKIPPED` characters after the one before; the first such places."""
    start = view.find(term[0])
    while start >= 0:
        places = [start]
        for char in term[1:]:
            found = view.find(char, places[-1] + 1, places[-1] + 2 + _SKIPPED)
            if found < 0:
                break
            places.append(found)
        else:
            return places
        start = view.find(term[0], start + 1)
    return None


def _inline_headings(report: Report, text: str, view: str) -> dict[int, str]:
    """The analysis view of the headline each paragraph shares its line with, by the
    paragraph's index in the report (only paragraphs that open such a section)."""
    out: dict[int, str] = {}
    index = 0
    for article in report.articles:
        for section in article.sections:
            if section.paragraphs and section.heading and section.offset is not None:
                spans = section.spans or ((section.offset, len(section.heading)),)
                end = spans[-1][0] + spans[-1][1]
                gap = text[end:section.paragraphs[0].offset]
                if not gap.strip() and "\n" not in gap:
                    out[index] = "".join(view[s:s + n] for s, n in spans)
            index += len(section.paragraphs)
    return out


def read_keyword_judgments(path: str | os.PathLike[str]) -> dict[tuple[str, str], tuple[int, bool]]:
    """Blind keyword judgments (``benchmarks/KEYWORDS.md``): (twin id, term as the twin
    writes it) -> (score 0-2, junk)."""
    out: dict[tuple[str, str], tuple[int, bool]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out[(record["doc"], record["term"])] = (int(record["score"]), bool(record["junk"]))
    return out


def train_keyword_prior(extractor: KeywordExtractor,
                        judged: Mapping[tuple[str, str], tuple[int, bool]], *,
                        alpha: float = PRIOR_ALPHA) -> Prior:
    """Fit ``extractor``'s keyword prior on judged candidates of the real-shaped train twins
    (:func:`read_keyword_judgments` of ``benchmarks/data/keywords_train_judged.jsonl``; a
    keyword is a term scored 1 or 2). Each twin's terms are read with the domain IDF of the
    other documents, the judges' record of the other twins only and a model of terms'
    characters fitted without its fold, as a new report's are."""
    import numpy as np

    from .twins import load_twins

    by_doc: dict[str, dict[str, tuple[bool, bool]]] = {}  # term -> (junk, keyword)
    for (doc, term), (score, junk) in judged.items():
        by_doc.setdefault(doc, {})[to_simplified(term)] = (junk, score >= 1)
    record = JudgedTerms.from_verdicts(
        (term, junk, keyword) for doc in sorted(by_doc)
        for term, (junk, keyword) in sorted(by_doc[doc].items()))
    apart = shapes_apart(by_doc)
    rows: list[Any] = []
    good: list[bool] = []
    for twin in load_twins("train"):
        verdicts = by_doc.get(twin.id)
        if not verdicts:
            continue
        scorer, count = corpus_twin_scorer(twin.text, extractor)
        terms, counts, scores = scorer.candidates(0, count)
        features = scorer.features(terms, counts, scores, judged=record.without(verdicts),
                                   shapes=apart[twin.id])
        for row, term in zip(features, terms.tolist(), strict=True):
            verdict = verdicts.get(scorer.table.terms[term])
            if verdict is not None:
                rows.append(row)
                good.append(verdict[1])
    shapes = TermShapes.fit((t, v) for doc in sorted(by_doc) for t, v in sorted(by_doc[doc].items()))
    return fit_prior(np.array(rows), np.array(good), alpha=alpha, judged=record, shapes=shapes)


def corpus_twin_scorer(text: str, extractor: KeywordExtractor) -> tuple[Scorer, int]:
    """:func:`report_scorer` of a text ``extractor``'s IDF was fitted on (a train twin),
    read with the IDF of the other documents, as a new report is read: what training the
    keyword prior and its cross-validation see."""
    return report_scorer(text, extractor.without(cut_for_analysis(text)))


def _paragraph_views(report: Report, view: str, traditional: bool
                     ) -> tuple[list[str], dict[int, str]]:
    """Each paragraph's analysis view, pinyin glosses blanked, and the views of those that
    had glosses, unblanked, by index."""
    views: list[str] = []
    glossed: dict[int, str] = {}
    for i, p in enumerate(report.paragraphs):
        v = "".join(view[start:start + length] for start, length in p.spans)
        if len(v) != len(p.text):  # parts of Latin words were joined with a space
            v = normalize(p.text)
            v = to_simplified(v) if traditional else v
        blanked = blank_glosses(v)
        if blanked != v:
            glossed[i] = v
        views.append(blanked)
    return views, glossed


def report_scorer(text: str, extractor: KeywordExtractor, options: Options | None = None
                  ) -> tuple[Scorer, int]:
    """The keyword scorer ``extractor`` makes of a text's paragraphs as analysis reads them,
    and how many paragraphs it has (the report's range): what training the keyword prior
    sees."""
    from .model import DEFAULT

    options = options or DEFAULT
    text = fold_newlines(text)
    view, traditional = analysis_view(text)
    view = blank_junk(view)
    report = parse(Source(text), view, options.tokenizer)
    views, _ = _paragraph_views(report, view, traditional)
    table = TermTable([options.tokenizer.cut(v) for v in views])
    return extractor.scorer(table), table.n_docs


def run(source: Source, options: Options) -> Report:
    """Structure, then keywords, themes, summaries and figures, of one source."""
    source = writable(source)
    text = fold_newlines(source.text)
    view, traditional = analysis_view(text)
    view = blank_junk(view)  # anti-scrape tokens: kept in the text, not read
    segmenter = options.tokenizer  # resolved once, passed to every stage that cuts words
    report = parse(replace(source, text=text), view, segmenter)
    extractor = default_keywords()
    paragraphs = report.paragraphs
    # glossed: the views of paragraphs with pinyin glosses, unblanked
    views, glossed = _paragraph_views(report, view, traditional)
    # One table of the whole report's words: every section, article and the report are
    # ranges of its paragraphs.
    pieces = [segmenter.cut(v) for v in views]
    table = TermTable(pieces)

    classifier = get_classifier(options.model)
    # A paragraph whose numbered headline opened its line is classified with that headline:
    # the line, as written, says what the paragraph is about.
    headed = _inline_headings(report, text, view)
    scores = classifier.predict_table(table)
    if headed:
        order = sorted(headed)
        # Themes read words and pairs of words only: no phrases of three are gathered.
        again = classifier.predict_table(TermTable(
            [segmenter.cut(headed[i]) + pieces[i] for i in order], max_phrase=2))
        for i, fresh in zip(order, again, strict=True):
            scores[i] = fresh
    del pieces  # the table holds the words; a large text's peak memory comes later
    # A paragraph is read among its neighbours and the rest of the report.
    scores = classifier.in_context(scores)
    tagged = [Paragraph(text=p.text, offset=p.offset, lead_in=p.lead_in,
                        themes=classifier.decide(score, in_context=True), scores=score,
                        spans=p.spans, kind=p.kind)
              for p, score in zip(paragraphs, scores, strict=True)]
    scorer = extractor.scorer(table)
    found, vectors = sentence_vectors(views, table, extractor.word_idf(table))
    first = [0, *itertools.accumulate(len(f) for f in found)]  # each paragraph's first row

    ranked: dict[tuple[int, int, int], tuple[Keyword, ...]] = {}
    raw: dict[tuple[int, int, int], list[Keyword]] = {}
    unglossed: list[Unglossed] = []  # the view without pinyin glosses, made once if needed

    def _written_term(term: str) -> str:
        at = view.find(term)
        if at >= 0 or not glossed:
            return text[at:at + len(term)] if at >= 0 else term
        if not unglossed:
            unglossed.append(drop_glosses(view))
        return _as_written(term, unglossed[0].text, text, unglossed[0])

    def ranked_terms(start: int, stop: int, k: int) -> list[Keyword]:
        # The same range and k is ranked once (a report that is one article asks twice,
        # and its summary's sentence model once more).
        if (start, stop, k) not in raw:
            raw[start, stop, k] = scorer.rank(start, stop, k)
        return raw[start, stop, k]

    def keywords(start: int, stop: int, k: int) -> tuple[Keyword, ...]:
        if (start, stop, k) in ranked:
            return ranked[start, stop, k]
        found = worth_saying(ranked_terms(start, stop, k))
        if traditional:
            found = [replace(kw, term=_written_term(kw.term)) for kw in found]
        ranked[start, stop, k] = tuple(found)
        return ranked[start, stop, k]

    def summary(start: int, stop: int, picked: Sequence[str]) -> tuple[str, ...]:
        # Sentences are chosen on the analysis view; the output gives them as written,
        # without pinyin glosses (as figures and keywords are given), and without a word
        # that links them to a sentence left out (此外，).
        originals = "\n".join(p.text for p in paragraphs[start:stop])
        joined = "\n".join(views[start:stop])
        at = [joined.index(s) for s in picked]
        written = (originals[i + _link(s):i + len(s)] for i, s in zip(at, picked, strict=True))
        return tuple(drop_glosses(s).text for s in written) if glossed else tuple(written)

    # The report's sentence graph, and a learned model's score for every sentence, which
    # picks the summaries of the report, its articles and its sections.
    candidates = [x for f in found for x in f]
    report_graph = Graph(candidates, vectors)
    likely = _sentence_scores(report, tagged, views, found, report_graph,
                              [kw.term for kw in ranked_terms(0, len(paragraphs), TOP_TERMS)],
                              traditional)

    articles: list[Article] = []
    start = 0
    for a in report.articles:
        sections: list[Section] = []
        stop = start + len(a.paragraphs)
        # One sentence graph per article: its sections are summarised from it too.
        rows = slice(first[start], first[stop])
        graph = (report_graph if start == 0 and stop == len(paragraphs)
                 else Graph(candidates[rows], vectors[rows], likely[rows]))
        s_start = start
        for s in a.sections:
            s_stop = s_start + len(s.paragraphs)
            members = range(first[s_start] - first[start], first[s_stop] - first[start])
            sections.append(replace(
                s,
                paragraphs=tuple(tagged[s_start:s_stop]),
                keywords=keywords(s_start, s_stop, options.section_top_k),
                summary=summary(s_start, s_stop, graph.pick(
                    members, k=options.section_summary_sentences)),
            ))
            s_start = s_stop
        articles.append(replace(
            a,
            sections=tuple(sections),
            keywords=keywords(start, stop, options.top_k),
            summary=summary(start, stop, graph.pick(
                range(len(graph.candidates)), k=options.article_summary_sentences)),
        ))
        start = stop

    total = sum(len(p.text) for p in paragraphs) or 1
    shares = {t: sum(len(p.text) for p in tagged if t in p.themes) / total
              for t in classifier.themes}
    summary_k, min_chars = ((_SUMMARY_SENTENCES, _SUMMARY_MIN_CHARS)
                            if options.summary_sentences is None
                            else (options.summary_sentences, 0))
    return replace(
        report,
        articles=tuple(articles),
        traditional=traditional,
        keywords=keywords(0, len(paragraphs), options.top_k),
        # The report's graph is its one article's when that article is all of it.
        summary=summary(0, len(paragraphs), report_graph.pick(
            range(len(candidates)), k=summary_k, min_chars=min_chars)),
        theme_shares=shares,
        figures=_all_figures(
            [f for i, (p, v) in enumerate(zip(paragraphs, views, strict=True))
             for f in _figures(p, v, segmenter, glossed.get(i))],
            _heading_figures(report.articles, text, view, segmenter)),
    )


#: Where :func:`train_sentence_model` collects each report's candidate sentences (as the
#: analysis reads them and as written) and their features; None outside training.
_SENTENCE_SINK: contextvars.ContextVar[list[tuple[list[str], list[str], Any]] | None] = (
    contextvars.ContextVar("unionnlp_sentence_sink", default=None))


def _sentence_scores(report: Report, tagged: Sequence[Paragraph], views: Sequence[str],
                     found: Sequence[Sequence[Sentence]], graph: Graph, terms: Sequence[str],
                     traditional: bool) -> list[float]:
    """The packaged sentence model's probability for each candidate (all paragraphs' in
    order), with which ``graph`` (the report's) now picks. While :func:`train_sentence_model`
    collects the features, the graph's own centrality instead."""
    import numpy as np

    def as_view(line: str | None) -> str:
        return (to_simplified(normalize(line)) if traditional else normalize(line)) if line else ""

    context = []  # each paragraph's article, section, place in it, title and heading
    for ai, a in enumerate(report.articles):
        title = as_view(a.title)
        for si, sec in enumerate(a.sections):
            heading = as_view(sec.heading)
            context += [(ai, si, pi, title, heading) for pi in range(len(sec.paragraphs))]
    placed = [
        Placed(x.text, x.position, d, x.mass, *context[d], bool(tagged[d].lead_in),
               bool(tagged[d].themes), len(views[d]))
        for d, f in enumerate(found) for x in f]
    textrank = np.zeros(len(placed))
    rank = np.zeros(len(placed))
    for i, r in graph.row.items():
        textrank[i], rank[i] = graph.textrank[r], graph.centrality[r]
    numeric = features(placed, textrank, rank, terms, len(views))
    sink = _SENTENCE_SINK.get()
    if sink is not None:
        written = []
        for d, f in enumerate(found):
            for x in f:
                at = views[d].index(x.text)
                written.append(tagged[d].text[at:at + len(x.text)])
        sink.append(([p.text for p in placed], written, numeric))
        return [float(x) for x in rank]  # training reads the features: no model is needed yet
    scores = [float(x) for x in default_sentence_model().scores([p.text for p in placed], numeric)]
    graph.rescore(scores)
    return scores


def _all_figures(body: list[Figure], heads: list[Figure]) -> tuple[Figure, ...]:
    """The paragraphs' and the headlines' figures in text order; a headline a paragraph
    opens with (一、建会42家。……) gives its figures once."""
    taken = {f.offset for f in body}
    return tuple(sorted(body + [f for f in heads if f.offset not in taken],
                        key=lambda f: f.offset))


# A short report that takes every stage through its lazy loading (dictionary, model).
_WARM_TEXT = (
    "某市总工会工作报告\n\n一、加强组织建设\n\n"
    "全市新建基层工会120个，发展会员5000余人。开展职工技能培训，帮扶困难职工，维护职工合法权益。\n"
    # Numbered paragraphs that open with their headline, and a line whose paragraph breaks
    # were lost, kept as gaps: the head-end, first-mark and gap models load too.
    "二、帮扶措施对于走访中发现的困难，工会及时拿出办法。\n三、抓好培训。全年培训职工800人次。\n"
    + "全年开展职工技能培训，帮扶困难职工，维护职工合法权益，推动企业建立工资集体协商制度。" * 3
    + "各级工会积极参与。 下一步将继续努力。\n"
)


def warm(options: Options) -> None:
    """Load the segmenter and models ``options`` need now (a worker's warm-up), so that its
    first file costs what its hundredth does. Never raises: the files will report whatever
    went wrong, one error record each."""
    try:
        run(Source(_WARM_TEXT), options)
    except Exception:
        logger.debug("warm-up analysis failed", exc_info=True)
