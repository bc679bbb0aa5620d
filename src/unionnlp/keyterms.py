"""Keywords by TF-IDF: what is distinctive about a text against union reports in general.

The IDF is fitted with scikit-learn on the packaged corpus, so that words every
union report uses (工会, 职工, 开展) rank low, and blended with jieba's
general-Chinese IDF, which knows words the corpus never saw. Candidates are
content words and recurring phrases of adjacent words (工会干部职业化).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from .model import Keyword
from .resources import stopwords

__all__ = ["KeywordExtractor", "candidates", "content_runs", "general_idf"]

_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_QUANTITY = re.compile(
    r"^[多余近约几数上零〇一二两三四五六七八九十百千万亿]*"
    r"(?:万元|亿元|元|人次|名|个|家|项|场次|场|期|份|条|户|所|件|起|篇|册|人|次|年|月|天)?$"
)
_SHARPNESS = 2.0
_IN_TEXT_PHRASE = 2
#: The tail of a rate glued to its verb when jieba cuts 建会|率达|到95%.
_RATE_FRAGMENT = re.compile(r"^[率度]([达为超居均由提升])$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_COUNTERS = frozenset("元名个家人次场项件户所条份期篇册起万亿千百")
_MAX_PHRASE = 3


@lru_cache(maxsize=1 << 18)
def _is_content(token: str) -> bool:
    stop = stopwords()
    if _ACRONYM.match(token):
        return True  # APP, AI, ETC
    return (
        len(token) >= 2
        and token not in stop
        and _HAN.search(token) is not None
        and _DIGIT.search(token) is None
        and _QUANTITY.match(token) is None
        and _RATE_FRAGMENT.match(token) is None
    )


@lru_cache(maxsize=1 << 18)
def _token_kind(token: str) -> int:
    """Bit 1: a content word; bit 2: ends in a digit; bit 4: starts with a counter."""
    return (_is_content(token) | (token[-1:].isdigit() << 1)
            | ((token[:1] in _COUNTERS) << 2))


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
        self._idf_cache: dict[str, float] = {}
        return self

    def _check(self) -> None:
        if not hasattr(self, "idf_"):
            from .errors import ModelError

            raise ModelError("KeywordExtractor is not fitted; call fit() first")

    def idf(self, term: str, parts: Sequence[str] = ()) -> float:
        """The blended IDF of a term (a phrase's general IDF is that of its rarest part)."""
        cached = self._idf_cache.get(term) if hasattr(self, "_idf_cache") else None
        if cached is not None:
            return cached
        self._check()
        domain = self.idf_.get(term, self.max_idf_) / self.max_idf_
        general = general_idf()
        pieces = parts or (term,)
        g = max(general.get(p, self.general_default_) for p in pieces)
        value = float(domain ** self.blend * (g / self.general_max_) ** (1 - self.blend))
        self._idf_cache[term] = value
        return value

    @staticmethod
    def count(tokens: Sequence[str], parts: dict[str, tuple[str, ...]]) -> Counter[str]:
        """Candidate terms of one segmented piece with their counts; counts of pieces add up
        (a section's are the sum of its paragraphs'). ``parts`` collects each term's words."""
        counts: Counter[str] = Counter()
        for run in content_runs(tokens):
            for n in range(1, _MAX_PHRASE + 1):
                for i in range(len(run) - n + 1):
                    words = tuple(run[i:i + n])
                    term = "".join(words)
                    counts[term] += 1
                    known = parts.get(term)
                    if known is None or len(words) < len(known):
                        parts[term] = words
        return counts

    def rank(
        self, counts: Counter[str], parts: dict[str, tuple[str, ...]], top_k: int = 10
    ) -> list[Keyword]:
        """The ``top_k`` keywords of a text given its candidate counts, best first.

        A phrase is a candidate when it recurs in the corpus or in the text; of
        two terms where one contains the other, only the better-scored one is kept.
        """
        self._check()
        phrases = self.phrases_
        idf = self.idf
        # Squaring the IDF keeps a frequent everyday word from outranking a rarer distinctive one.
        scores = {
            t: (1.0 + math.log(c)) * idf(t, parts[t]) ** _SHARPNESS
            for t, c in counts.items()
            if len(parts[t]) == 1 or c >= _IN_TEXT_PHRASE or t in phrases
        }
        chosen: list[str] = []
        for term in heapq.nsmallest(top_k * 8, scores, key=lambda t: (-scores[t], t)):
            if len(chosen) >= top_k:
                break
            if not any(term in other or other in term for other in chosen):
                chosen.append(term)
        norm = math.sqrt(sum(v * v for v in scores.values())) or 1.0
        return [Keyword(t, scores[t] / norm) for t in chosen]

    def extract(self, token_docs: Iterable[Sequence[str]], top_k: int = 10) -> list[Keyword]:
        """The ``top_k`` keywords of a text given as segmented pieces (paragraphs), best first."""
        counts: Counter[str] = Counter()
        parts: dict[str, tuple[str, ...]] = {}
        for tokens in token_docs:
            counts.update(self.count(tokens, parts))
        return self.rank(counts, parts, top_k)
