"""Keywords by TF-IDF: what is distinctive about a text against union reports in general.

The IDF is fitted with scikit-learn on the packaged corpus, so that words every
union report uses (工会, 职工, 开展) rank low, and blended with jieba's
general-Chinese IDF, which knows words the corpus never saw. Candidates are
content words and recurring phrases of adjacent words (工会干部职业化).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

from .model import Keyword
from .resources import stopwords

__all__ = ["KeywordExtractor", "Scorer", "TermTable", "candidates", "content_runs", "general_idf",
           "is_fragment"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_QUANTITY = re.compile(
    r"^(?:第|百分之)?[多余近约几数上零〇一二两三四五六七八九十百千万亿]*"
    r"(?:万元|亿元|元|人次|名|个|家|项|场次|场|期|批|轮|届|支|成|宗|份|港元|美元|条|户|所|件|起|篇|册|人|次|年|月|天)?$"
)
_SHARPNESS = 2.0
_IN_TEXT_PHRASE = 2
#: The tail of a rate glued to its verb when jieba cuts 建会|率达|到95% (占|比达).
_RATE_FRAGMENT = re.compile(r"^[率度比]([达为超居均由提升])$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
#: 老王, 小张: how a story calls a person, never a keyword.
_INFORMAL_NAME = re.compile(
    r"^[老小][王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋"
    r"蔡贾丁魏薛叶潘杜戴夏钟汪田任姜范方姚谭廖邹熊陆郝孔崔毛邱秦史顾侯邵孟段雷钱汤尹黎乔贺赖龚]$")
_COUNTERS = frozenset("元名个家人次场项件户所条份期篇册起万亿千百")
_MAX_PHRASE = 3
#: At either end of a two-character word that no dictionary knows, one of these marks a
#: fragment cut across a word boundary (在|疗养 read as 在疗, 因|车祸 as 因车).
_FUNCTION_CHARS = frozenset("的了是在和与及而或把被对从向为以因于个应尽不也都就又还很再才将让使给着过等上")


@lru_cache(maxsize=1 << 18)
def _is_content(token: str) -> bool:
    stop = stopwords()
    if _ACRONYM.match(token):
        return len(set(token)) > 1  # APP, AI, ETC; not a placeholder such as XX
    return (
        len(token) >= 2
        and token not in stop
        and _HAN.search(token) is not None
        and _DIGIT.search(token) is None
        and _QUANTITY.match(token) is None
        and _RATE_FRAGMENT.match(token) is None
        and _INFORMAL_NAME.match(token) is None
    )


@lru_cache(maxsize=1 << 18)
def _token_kind(token: str) -> int:
    """Bit 1: a content word; bit 2: ends in a digit; bit 4: starts with a counter."""
    return (_is_content(token) | (token[-1:].isdigit() << 1)
            | ((token[:1] in _COUNTERS) << 2))


@cache
def _known_words() -> frozenset[str]:
    from .resources import user_dictionary

    return frozenset(general_idf()) | {w for w, _, _ in user_dictionary()}


def is_fragment(word: str) -> bool:
    """Whether a word is a segmentation fragment that must not be a keyword or part of one."""
    return (len(word) == 2 and (word[0] in _FUNCTION_CHARS or word[1] in _FUNCTION_CHARS)
            and word not in _known_words())


def content_runs(tokens: Sequence[str]) -> list[list[str]]:
    """Maximal runs of adjacent content words; stop words, numbers, punctuation split runs."""
    runs: list[list[str]] = []
    run: list[str] = []
    after_number = False
    for token in tokens:
        kind = _token_kind(token)
        # jieba glues a counter to the next character after a number (3000|元至|5000).
        if kind & 1 and not (after_number and kind & 4):
            run.append(token)
        elif run:
            runs.append(run)
            run = []
        after_number = bool(kind & 2)
    if run:
        runs.append(run)
    return runs


def candidates(tokens: Sequence[str], *, max_phrase: int = _MAX_PHRASE) -> list[str]:
    """Content words and every phrase of 2..``max_phrase`` adjacent content words."""
    out: list[str] = []
    for run in content_runs(tokens):
        out += run
        joined = run
        for n in range(2, max_phrase + 1):
            joined = list(map(str.__add__, joined, run[n - 1:]))
            out += joined
    return out


class TermTable:
    """The candidate terms of a text's segmented pieces (paragraphs), found with numpy in one
    pass: every content word and phrase of up to ``max_phrase`` adjacent content words, with
    the piece each occurrence is in, so that any run of pieces (a section) is counted by slicing.
    """

    def __init__(self, docs: Sequence[Sequence[str]], max_phrase: int = _MAX_PHRASE) -> None:
        import numpy as np

        flat: list[str] = []
        bounds = [0]
        for doc in docs:
            flat += doc
            flat.append("")  # an empty token ends every run: no term crosses two pieces
            bounds.append(len(flat))
        first: dict[str, int] = {}
        seen = np.fromiter(map(first.setdefault, flat, range(len(flat))), np.int64, len(flat))
        self.n_docs = len(docs)
        self.flat = flat
        self.bounds = bounds
        #: The distinct words, and each position's word as an index into them.
        self.words: list[str] = list(first)
        dense = np.zeros(len(flat), dtype=np.int64)
        dense[np.fromiter(first.values(), np.int64, len(first))] = np.arange(len(first))
        self.token: Any = dense[seen]
        kind = np.fromiter(map(_token_kind, self.words), np.int8, len(self.words))[self.token]
        after_number = np.zeros(len(flat), dtype=bool)
        after_number[1:] = (kind[:-1] & 2) > 0
        # jieba glues a counter to the next character after a number (3000|元至|5000).
        self.content: Any = ((kind & 1) > 0) & ~(after_number & ((kind & 4) > 0))

        self.terms: list[str] = []
        self.length: list[int] = []
        index: dict[str, int] = {}
        first_at: list[int] = []
        #: Per phrase length n: each occurrence's term, and its piece (ascending).
        self.occurrences: list[tuple[Any, Any]] = []
        words = self.words
        gram, valid = self.token, self.content
        for n in range(1, max_phrase + 1):
            if n > 1:
                valid = valid[:-1] & self.content[n - 1:]
            pos = np.flatnonzero(valid)
            code = gram[pos] * len(words) + self.token[pos + n - 1] if n > 1 else gram[pos]
            uniq, where, inverse = np.unique(code, return_index=True, return_inverse=True)
            gram = np.zeros(len(valid), dtype=np.int64)
            gram[pos] = inverse
            ids = np.empty(len(uniq), dtype=np.int64)
            starts = pos[where].tolist()
            names = ([words[i] for i in uniq.tolist()] if n == 1
                     else ["".join(flat[p:p + n]) for p in starts])
            for k, (term, p) in enumerate(zip(names, starts, strict=True)):
                t = index.get(term)
                if t is None:
                    t = index[term] = len(self.terms)
                    self.terms.append(term)
                    self.length.append(n)
                    first_at.append(p)
                elif self.length[t] == n and p < first_at[t]:
                    first_at[t] = p  # one term, two splits of the same length: the first
                ids[k] = t
            self.occurrences.append(
                (ids[inverse], np.searchsorted(bounds, pos, side="right") - 1))
        lengths = np.array(self.length, dtype=np.int64)
        at = np.array(first_at, dtype=np.int64)
        #: Per phrase length n: the terms whose shortest split has n words, and where it starts.
        self.splits: list[tuple[Any, Any]] = [
            (np.flatnonzero(lengths == n), at[lengths == n]) for n in range(1, max_phrase + 1)]
        self._edges = [np.searchsorted(d, np.arange(self.n_docs + 1)) for _, d in self.occurrences]

    def counts(self, start: int, stop: int) -> tuple[Any, Any]:
        """The terms occurring in pieces ``start``..``stop - 1`` and their counts."""
        import numpy as np

        found = np.concatenate([
            terms[edges[start]:edges[stop]]
            for (terms, _), edges in zip(self.occurrences, self._edges, strict=True)
        ])
        if len(found) * 4 > len(self.terms):
            counts = np.bincount(found, minlength=len(self.terms))
            present = np.flatnonzero(counts)
            return present, counts[present]
        return np.unique(found, return_counts=True)


class Scorer:
    """Ranks the terms of any run of a table's pieces (a section, an article, the whole text)."""

    def __init__(self, table: TermTable, weight: Any, always: Any, never: Any) -> None:
        self.table = table
        self.weight = weight
        self.always = always
        self.never = never

    def rank(self, start: int, stop: int, top_k: int = 10) -> list[Keyword]:
        """The ``top_k`` keywords of pieces ``start``..``stop - 1``, best first.

        A phrase is a candidate when it recurs in the corpus or in these pieces; of two
        terms where one contains the other, only the better-scored one is kept.
        """
        import numpy as np

        if top_k <= 0:
            return []
        terms, counts = self.table.counts(start, stop)
        keep = (self.always[terms] | (counts >= _IN_TEXT_PHRASE)) & ~self.never[terms]
        terms, counts = terms[keep], counts[keep]
        if not len(terms):
            return []
        scores = (1.0 + np.log(counts)) * self.weight[terms]
        pool = np.arange(len(scores))
        m = top_k * 8
        if len(scores) > m:
            pool = np.flatnonzero(scores >= np.partition(scores, len(scores) - m)[len(scores) - m])
        names = self.table.terms
        value = scores.tolist()
        ranked = sorted(pool.tolist(), key=lambda i: (-value[i], names[terms[i]]))[:m]
        chosen: list[tuple[str, float]] = []
        for i in ranked:
            if len(chosen) >= top_k:
                break
            term = names[terms[i]]
            if not any(term in other or other in term for other, _ in chosen):
                chosen.append((term, value[i]))
        norm = math.sqrt(float(np.dot(scores, scores))) or 1.0
        return [Keyword(t, v / norm) for t, v in chosen]


@cache
def general_idf() -> dict[str, float]:
    """jieba's general-Chinese IDF table, read from jieba's package data (not jieba.analyse)."""
    from importlib.resources import files

    table: dict[str, float] = {}
    text = files("jieba").joinpath("analyse/idf.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    return table


def _identity(doc: list[str]) -> list[str]:
    return doc


class KeywordExtractor:
    """TF-IDF keyword extractor with a domain IDF (scikit-learn estimator conventions).

    ``blend`` is the weight of the domain IDF against jieba's general IDF in a
    geometric mean; ``min_phrase_df`` the number of corpus documents a phrase
    must recur in to be a term even when it occurs once in the text.
    """

    def __init__(self, *, blend: float = 0.6, min_phrase_df: int = 2) -> None:
        self.blend = blend
        self.min_phrase_df = min_phrase_df

    def fit(self, token_docs: Iterable[Sequence[str]]) -> KeywordExtractor:
        """Learn the domain IDF and the recurring phrases from segmented documents."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        token_docs = list(token_docs)
        docs = [candidates(tokens) for tokens in token_docs]
        vectorizer = TfidfVectorizer(analyzer=_identity, smooth_idf=True)
        vectorizer.fit(docs)
        vocab: dict[str, int] = vectorizer.vocabulary_
        idf = vectorizer.idf_
        self.n_docs_ = len(docs)
        self.idf_ = {term: float(idf[i]) for term, i in vocab.items()}
        self.max_idf_ = math.log((1 + self.n_docs_) / 1) + 1.0
        phrase_df: Counter[str] = Counter()
        for tokens in token_docs:
            phrase_df.update({
                "".join(run[i:i + n])
                for run in content_runs(tokens)
                for n in range(2, _MAX_PHRASE + 1)
                for i in range(len(run) - n + 1)
            })
        self.phrases_ = frozenset(t for t, d in phrase_df.items() if d >= self.min_phrase_df)
        general = general_idf()
        self.general_max_ = max(general.values())
        self.general_default_ = sorted(general.values())[len(general) // 2]
        return self

    def _check(self) -> None:
        if not hasattr(self, "idf_"):
            from .errors import ModelError

            raise ModelError("KeywordExtractor is not fitted; call fit() first")

    def idf(self, term: str, parts: Sequence[str] = ()) -> float:
        """The blended IDF of a term (a phrase's general IDF is that of its rarest part)."""
        self._check()
        general = general_idf()
        g = max(general.get(p, self.general_default_) for p in (parts or (term,)))
        return float(self._blend(self.idf_.get(term, self.max_idf_), g))

    def _blend(self, domain: Any, general: Any) -> Any:
        """The geometric blend of domain and general IDFs (floats or arrays of them)."""
        return (domain / self.max_idf_) ** self.blend * (general / self.general_max_) ** (
            1 - self.blend)

    def word_idf(self, table: TermTable) -> Any:
        """:meth:`idf` of each distinct word of ``table`` (``table.words``), as an array."""
        import numpy as np

        self._check()
        general = general_idf()
        return np.array([self._blend(self.idf_.get(w, self.max_idf_),
                                     general.get(w, self.general_default_))
                         for w in table.words], dtype=float)

    def scorer(self, table: TermTable) -> Scorer:
        """What ranking needs of every term of ``table``, computed once for all its ranges."""
        import numpy as np

        self._check()
        general = general_idf()
        default = self.general_default_
        token_general = np.array([general.get(w, default) for w in table.words], dtype=float)
        fragment = np.fromiter(map(is_fragment, table.words), bool, len(table.words))
        domain = np.array([self.idf_.get(t, self.max_idf_) for t in table.terms], dtype=float)
        g = np.zeros(len(table.terms))
        broken = np.zeros(len(table.terms), dtype=bool)
        for n, (ids, first) in enumerate(table.splits, start=1):
            words = [table.token[first + j] for j in range(n)]
            # A phrase's general IDF is that of its rarest word.
            g[ids] = np.max([token_general[w] for w in words], axis=0)
            broken[ids] = np.any([fragment[w] for w in words], axis=0)
        idf = self._blend(domain, g)
        phrases = self.phrases_
        always = np.array([n == 1 or t in phrases for t, n in zip(table.terms, table.length,
                                                                   strict=True)], dtype=bool)
        # Squaring the IDF keeps a frequent everyday word from outranking a rarer distinctive one.
        return Scorer(table, idf ** _SHARPNESS, always, broken)

    def extract(self, token_docs: Iterable[Sequence[str]], top_k: int = 10) -> list[Keyword]:
        """The ``top_k`` keywords of a text given as segmented pieces (paragraphs), best first."""
        table = TermTable(list(token_docs))
        return self.scorer(table).rank(0, table.n_docs, top_k)
