"""Keywords by TF-IDF: what is distinctive about a text against union reports in general.

The IDF is fitted on the packaged corpus and ships with the package
(``resources/keywords.npz``, written by ``tools/train_models.py``), so that words every
union report uses (工会, 职工, 开展) rank low, and blended with jieba's
general-Chinese IDF, which knows words the corpus never saw. Candidates are
content words and recurring phrases of adjacent words (工会干部职业化). A learned prior,
shipped with the IDF, weighs each candidate's TF-IDF score by how likely judges found such
a term a keyword (how often the text names it, its IDFs, its length, where its score
stands, the parts of speech of its first and last words, and what judges said of the
same term in other reports): fitted on the train twins' blind keyword judgments, applied
with numpy.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from ._regex import regex
from .model import Keyword
from .resources import lexicon, phrase_ends, stopwords

__all__ = ["KEPT_SHARE", "PRIOR_ALPHA", "PRIOR_FEATURES", "SHAPE_C", "WORD_CLASSES", "GeneralIDF",
           "JudgedTerms", "KeywordExtractor", "Prior", "Scorer", "TermShapes", "TermTable",
           "candidates", "content_runs", "fit_prior", "general_idf", "has_slogan",
           "is_fragment", "person_name", "shapes_apart", "worth_saying"]

log = logging.getLogger(__name__)
_T = TypeVar("_T")
_HAN = regex(r"[\u4e00-\u9fff]")
_DIGIT = regex(r"[0-9０-９]")
_QUANTITY = regex(
    r"^(?:第|百分之)?[多余近约几数上零〇一二两三四五六七八九十百千万亿]*"
    r"(?:万元|亿元|元|人次|名|个|家|项|场次|场|期|批|轮|届|支|成|宗|份|港元|美元|条|户|所|件|起|篇|册|人|次|年|月|天)?$"
)
#: The commonest surnames (about 150): a rare two- or three-character word opening with one,
#: which the dictionary knows as nothing else, is read as a person's name (郑明远, 王某).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤庞萧牛施洪鲁葛殷俞齐倪颜柳温岳祁申焦童耿乔关包庄伍樊戚左涂欧柯"
    "詹车蓝翟柴梅滕季裴舒苗凌宁管")
#: A place: a name ending in a level of administration (清溪县, 杨浦区, 花园村).
_PLACE = regex(r"^[\u4e00-\u9fff]{1,4}[省市县区镇乡村]$")
#: Places a report's keywords may name, at most: where it is says little of what it says.
_MAX_PLACES = 2
#: A phrase replaces a word it contains when it holds more than this share of the word's
#: occurrences (实事清单 over 清单).
_PHRASE_SHARE = 0.5
#: A keyword weighed under this share of the text's best is left out: on the train twins'
#: judged top-10 terms (``benchmarks/bench_keywords.py cut --split train``), those under 1%
#: scored 0.076 of 2 on average and 48% were junk.
KEPT_SHARE = 0.01
_FORMAT = "unionnlp-keywords/1"
_IN_TEXT_PHRASE = 2
#: The most words a phrase cut before its head grows to as the nouns that always follow it
#: are taken on (国网|微山县|供电 + 公司).
_MAX_HEADED = 5
#: The tail of a rate glued to its verb when jieba cuts 建会|率达|到95% (占|比达).
_RATE_FRAGMENT = regex(r"^[率度比]([达为超居均由提升])$")
_ACRONYM = regex(r"^[A-Z]{2,6}$")
#: 老王, 小张: how a story calls a person, never a keyword.
_INFORMAL_NAME = regex(
    r"^[老小][王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许沈曾彭吕苏卢蒋"
    r"蔡贾丁魏薛叶潘杜戴夏钟汪田任姜范方姚谭廖邹熊陆郝孔崔毛邱秦史顾侯邵孟段雷钱汤尹黎乔贺赖龚]$")
_COUNTERS = frozenset(lexicon().chars["counters"])
_MAX_PHRASE = 3
#: Distinct terms whose facts a keyword extractor remembers before starting afresh.
_MEMO_MAX = 500_000
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
    """The two-character words of the domain dictionary (jieba's are in :func:`general_idf`)."""
    from .resources import user_dictionary

    return frozenset(w for w, _, _ in user_dictionary() if len(w) == 2)


@lru_cache(maxsize=1 << 16)
def _is_name(word: str, common: bool) -> bool:
    """Whether a word is a person's name: two or three Han characters opening with a common
    surname that jieba's dictionary does not know as anything but a name, and that union
    reports do not share (``common``: in three or more documents of the domain corpus,
    as 金秋 is; 高技能 and 张家港 are in the dictionary as other words)."""
    if common or not 2 <= len(word) <= 3 or word[0] not in _SURNAMES:
        return False
    if not all(_HAN.match(c) for c in word):
        return False
    return word not in _surname_words() and word not in _user_words()


#: A word jieba's dictionary counts this often (even tagged ``nr``, as it tags 金秋, 贺信,
#: 张贴, 高峰 and 许可) is a common word, not a person's name; of the 120 names in the train
#: twins' bylines the most frequent one there is 韩志远 (30).
_COMMON_FREQUENCY = 50
#: A word rarer than this in jieba's general IDF table (万人 6.4, 高峰 6.8) is a common
#: word; the train twins' byline names listed there are all above 10.6 (王磊).
_COMMON_IDF = 10.0


def person_name(word: str) -> bool:
    """Whether ``word`` alone reads as a person's name (a line of a byline, a signature):
    two or three Han characters opening with a common surname, no other word of jieba's
    dictionary or the domain's (:func:`_is_name`), and no common word either: the corpus
    check :func:`_is_name` relies on is jieba's own here (a word its dictionary counts
    :data:`_COMMON_FREQUENCY` times or more, or one its IDF table rates below
    :data:`_COMMON_IDF`, unless the dictionary tags it a full name, ``nrfg``, as 李强). A real name that is also a word (高峰, 林立) fails: callers need
    the layout to speak as well."""
    if not _is_name(word, False) or word in _common_surname_words():
        return False
    return word in _full_names() or general_idf().get(word, math.inf) >= _COMMON_IDF


_NAMES_FORMAT = "unionnlp-jieba-surname-words/1"


@cache
def _surname_words() -> frozenset[str]:
    """The two- and three-character words of jieba's dictionary that open with a common
    surname and are tagged as something other than a person's name."""
    return _dictionary_words(
        "surname-words", _NAMES_FORMAT, "".join(sorted(_SURNAMES)),
        lambda word, tag, _: 2 <= len(word) <= 3 and word[0] in _SURNAMES
        and not tag.startswith("nr"))


_COMMON_NAMES_FORMAT = "unionnlp-jieba-common-surname-words/1"


@cache
def _common_surname_words() -> frozenset[str]:
    """The two- and three-character words of jieba's dictionary that open with a common
    surname and that it counts :data:`_COMMON_FREQUENCY` times or more, whatever their tag
    but a full name's (``nrfg``)."""
    return _dictionary_words(
        "common-surname-words", _COMMON_NAMES_FORMAT,
        f"{''.join(sorted(_SURNAMES))}{_COMMON_FREQUENCY}-nrfg",
        lambda word, tag, freq: 2 <= len(word) <= 3 and word[0] in _SURNAMES
        and freq >= _COMMON_FREQUENCY and tag != "nrfg")


_FULL_NAMES_FORMAT = "unionnlp-jieba-full-names/1"


@cache
def _full_names() -> frozenset[str]:
    """The two- and three-character words of jieba's dictionary tagged as a person's full
    name (``nrfg``: 李强), which the frequency and IDF tests of :func:`person_name` spare."""
    return _dictionary_words(
        "full-names", _FULL_NAMES_FORMAT, "".join(sorted(_SURNAMES)),
        lambda word, tag, _: 2 <= len(word) <= 3 and word[0] in _SURNAMES and tag == "nrfg")


def _dictionary_words(kind: str, fmt: str, salt: str,
                      keep: Callable[[str, str, int], bool]) -> frozenset[str]:
    """The words of jieba's dictionary whose word, tag and count ``keep`` accepts, read once
    from jieba's dict.txt and then from the user's cache as a checked array."""
    from .store import pack_strings, unpack_strings

    def load(meta: Mapping[str, Any], arrays: Mapping[str, Any]) -> frozenset[str]:
        return frozenset(unpack_strings(arrays["words"], int(meta["n"])))

    def build(text: str) -> tuple[frozenset[str], dict[str, Any], dict[str, Any]]:
        words = [parts[0] for parts in map(str.split, text.splitlines())
                 if len(parts) == 3 and parts[1].isdigit()
                 and keep(parts[0], parts[2], int(parts[1]))]
        return frozenset(words), {"n": len(words)}, {"words": pack_strings(words)}

    return _from_jieba("dict.txt", kind, "dictionary words", fmt, salt, load, build)


#: jieba's part-of-speech tags of words that say how, not what: pronouns, adverbs,
#: conjunctions, prepositions, particles, interjections, onomatopoeia, locatives, measure
#: words and full names of persons (nrfg). Idioms (i), descriptive words (z), numerals (m)
#: and distinguishing words (b) stay candidates: the dictionary tags 拖欠工资, 劳资纠纷,
#: 一线 and 一站式 so.
_FUNCTION_TAGS = frozenset({"r", "d", "c", "p", "u", "y", "e", "o", "f", "mq", "q", "zg", "ng",
                            "nrfg"})
_FUNCTION_FORMAT = "unionnlp-jieba-function-words/1"


@cache
def _function_words() -> frozenset[str]:
    """The words of jieba's dictionary tagged with one of :data:`_FUNCTION_TAGS`, less the
    domain dictionary's words."""
    return _dictionary_words("function-words", _FUNCTION_FORMAT, "".join(sorted(_FUNCTION_TAGS)),
                             lambda word, tag, _: tag in _FUNCTION_TAGS) - _user_words()


#: jieba's tags of idioms (i) and set phrases (l): 勤学苦练, 切实有效, 广大职工, 落到实处.
#: None of the 33 such words judged on the train twins (outside the domain dictionary) was
#: a keyword: all scored 0.
_SET_PHRASE_TAGS = frozenset({"i", "l"})
_SET_PHRASE_FORMAT = "unionnlp-jieba-set-phrases/1"
@cache
def _set_phrases() -> frozenset[str]:
    """Idioms and set phrases of jieba's dictionary, less the domain dictionary's words."""
    words = _dictionary_words("set-phrases", _SET_PHRASE_FORMAT,
                              "".join(sorted(_SET_PHRASE_TAGS)),
                              lambda word, tag, _: tag in _SET_PHRASE_TAGS)
    return words - _user_words()


@lru_cache(maxsize=1 << 16)
def _is_place(term: str) -> bool:
    return _PLACE.match(term) is not None


@cache
def _user_words() -> frozenset[str]:
    from .resources import user_dictionary

    return frozenset(w for w, _, _ in user_dictionary())


@cache
def _not_keywords() -> frozenset[str]:
    """Words that are never keywords though they are content words: page furniture,
    captions' positions, report boilerplate (``resources/not_keywords.txt``)."""
    return frozenset(w.lstrip("*") for w in _not_keyword_entries())


def _not_keyword_entries() -> list[str]:
    from .resources import read_text

    lines = (line.strip() for line in read_text("not_keywords.txt").splitlines())
    return [w for line in lines if line and not line.startswith("#") for w in line.split()]


def has_slogan(text: str) -> bool:
    """Whether a text carries a political slogan (the ``*`` words of ``not_keywords.txt``)."""
    return _slogans().search(text) is not None


@cache
def _slogans() -> re.Pattern[str]:
    """The ``*`` words of ``not_keywords.txt`` (political slogans): no term holding one is a
    keyword (特色社会主义思想, 学习贯彻二十大)."""
    words = sorted((w[1:] for w in _not_keyword_entries() if w.startswith("*")), key=len,
                   reverse=True)
    return regex("|".join(map(re.escape, words)) or "(?!)")


def _fragments(words: Sequence[str]) -> Any:
    """:func:`is_fragment` of each word, with one dictionary lookup for all of them."""
    import numpy as np

    out = np.zeros(len(words), dtype=bool)
    suspects = [i for i, w in enumerate(words)
                if len(w) == 2 and (w[0] in _FUNCTION_CHARS or w[1] in _FUNCTION_CHARS)
                and w not in _known_words()]
    if suspects:
        unknown = general_idf().lookup([words[i] for i in suspects], -1.0) < 0
        out[np.array(suspects)[unknown]] = True
    return out


def is_fragment(word: str) -> bool:
    """Whether a word is a segmentation fragment that must not be a keyword or part of one."""
    return (len(word) == 2 and (word[0] in _FUNCTION_CHARS or word[1] in _FUNCTION_CHARS)
            and word not in _known_words() and word not in general_idf())


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
        dense = np.zeros(len(flat), dtype=np.int32)
        dense[np.fromiter(first.values(), np.int64, len(first))] = np.arange(len(first))
        #: Each position's word id (int32: the arrays of a large text are its biggest part).
        self.token: Any = dense[seen]
        del dense, seen
        kind = np.fromiter(map(_token_kind, self.words), np.int8, len(self.words))[self.token]
        after_number = np.zeros(len(flat), dtype=bool)
        after_number[1:] = (kind[:-1] & 2) > 0
        # jieba glues a counter to the next character after a number (3000|元至|5000).
        self.content: Any = ((kind & 1) > 0) & ~(after_number & ((kind & 4) > 0))

        index: dict[str, int] = {}  # every term's id, in the order the terms were found
        lengths: list[Any] = []  # per phrase length n: n for each term first found then
        first_at: list[Any] = []  # and where each of those starts
        #: Per phrase length n: each occurrence's term, and its piece (ascending).
        self.occurrences: list[tuple[Any, Any]] = []
        words = self.words
        ends = np.asarray(bounds)
        gram, valid = self.token, self.content
        for n in range(1, max_phrase + 1):
            if n > 1:
                valid = valid[:-1] & self.content[n - 1:]
            pos = np.flatnonzero(valid)
            code = (gram[pos].astype(np.int64) * len(words) + self.token[pos + n - 1]
                    if n > 1 else gram[pos])
            uniq, where, inverse = np.unique(code, return_index=True, return_inverse=True)
            del code
            gram = np.zeros(len(valid), dtype=np.int32)
            gram[pos] = inverse
            starts = pos[where]
            before = len(index)
            if n == 1:  # distinct words: each a new term
                index.update(zip([words[i] for i in uniq.tolist()], range(len(uniq)), strict=True))
                ids = np.arange(len(uniq), dtype=np.int32)
            else:
                # A string found before keeps its id (a word, or a phrase of fewer words);
                # one found twice now (two splits of the same length) starts at the first.
                setdefault = index.setdefault
                ids = np.array([setdefault("".join(flat[p:p + n]), len(index))
                                for p in starts.tolist()], dtype=np.int32)
            found = np.full(len(index) - before, len(flat), dtype=np.int64)
            fresh = ids >= before
            np.minimum.at(found, ids[fresh] - before, starts[fresh])
            lengths.append(np.full(len(found), n, dtype=np.int64))
            first_at.append(found)
            self.occurrences.append(
                (ids[inverse], (np.searchsorted(ends, pos, side="right") - 1).astype(np.int32)))
        #: Every term (a word, or a phrase of adjacent content words joined), by id.
        self.terms: list[str] = list(index)
        length = np.concatenate(lengths)
        #: Each term's number of words in its shortest split.
        self.length: list[int] = length.tolist()
        at = np.concatenate(first_at)
        #: Per phrase length n: the terms whose shortest split has n words, and where it starts.
        self.splits: list[tuple[Any, Any]] = [
            (np.flatnonzero(length == n), at[length == n]) for n in range(1, max_phrase + 1)]
        self._edges = [np.searchsorted(d, np.arange(self.n_docs + 1)) for _, d in self.occurrences]

    def split_of(self, term: int) -> list[int]:
        """The words (indices into :attr:`words`) of a term's shortest split."""
        n = self.length[term]
        ids, first = self.splits[n - 1]
        at = int(first[ids.searchsorted(term)])
        return [int(w) for w in self.token[at:at + n]]

    def next_word(self, words: Sequence[int], start: int, stop: int) -> int:
        """The content word (an index into :attr:`words`) that follows every occurrence of
        the run of ``words`` in pieces ``start``..``stop - 1``, where the run occurs twice or
        more; else -1."""
        import numpy as np

        n = len(words)
        lo, hi = self.bounds[start], self.bounds[stop]
        # Where the first word is (one pass over the pieces), then where the rest follow it:
        # every piece ends in an empty token, so a run never reaches past ``hi``.
        pos = np.flatnonzero(self.token[lo:hi - n] == words[0]) + lo
        for j in range(1, n):
            pos = pos[self.token[pos + j] == words[j]]
        pos = pos + n  # the position after each occurrence
        if len(pos) < 2 or not self.content[pos].all():
            return -1
        after = self.token[pos]
        return int(after[0]) if (after == after[0]).all() else -1

    @cached_property
    def repeated(self) -> Any:
        """Per piece, whether it holds the same words as an earlier piece: a paragraph a
        page prints twice (a caption under each photo, a mobile and a desktop copy)."""
        import numpy as np

        seen: set[tuple[str, ...]] = set()
        out = np.zeros(self.n_docs, dtype=bool)
        for k in range(self.n_docs):
            words = tuple(self.flat[self.bounds[k]:self.bounds[k + 1] - 1])
            out[k] = bool(words) and words in seen
            seen.add(words)
        return out

    def counts(self, start: int, stop: int) -> tuple[Any, Any]:
        """The terms occurring in pieces ``start``..``stop - 1`` and their counts; a piece
        that repeats an earlier one is not counted again."""
        import numpy as np

        again = self.repeated[start:stop].any()
        found = np.concatenate([
            terms[edges[start]:edges[stop]][~self.repeated[pieces[edges[start]:edges[stop]]]]
            if again else terms[edges[start]:edges[stop]]
            for (terms, pieces), edges in zip(self.occurrences, self._edges, strict=True)
        ])
        if len(found) * 4 > len(self.terms):
            counts = np.bincount(found, minlength=len(self.terms))
            present = np.flatnonzero(counts)
            return present, counts[present]
        return np.unique(found, return_counts=True)


#: The classes of words the keyword prior reads at either end of a term, from jieba's
#: part-of-speech tags: nouns (not persons' names), verbs, verbal nouns (帮扶, 维权),
#: adjectives, adverbs, persons' names; then any other tag, then a word no dictionary holds.
WORD_CLASSES = ("n", "v", "vn", "a", "d", "nr")
_OTHER_CLASS = len(WORD_CLASSES)
#: The classes of a word that heads a phrase: a noun (职工权益, 有限公司) or a verbal noun.
_HEAD_CLASSES = (WORD_CLASSES.index("n"), WORD_CLASSES.index("vn"))
_UNKNOWN_CLASS = _OTHER_CLASS + 1
#: What the learned prior reads of a candidate: how often the text names it, what it is
#: (domain and general IDF, known to jieba, unseen by the domain corpus, words, characters,
#: a place) and where its TF-IDF score stands among the candidates.
PRIOR_FEATURES = ("log_count", "once", "twice", "domain_idf", "general_idf", "not_general",
                  "unseen", "words", "chars", "place", "relative_score", "log_rank",
                  *(f"{end}_{c}" for end in ("first", "last") for c in (*WORD_CLASSES, "unknown")),
                  "judged_log_count", "judged_junk", "judged_keyword", "shape_keyword",
                  "shape_junk")
#: The general IDF of a term jieba's table does not hold (most phrases).
_UNKNOWN_GENERAL = 12.0
#: The power of the prior's probability that weighs a score: chosen in five folds by twin
#: on the 520 judged train twins, each read as a new report (mean score / junk share 0.879 /
#: 14.7%, 0.881 / 14.4%, 0.882 / 14.2%, 0.883 / 14.1% at 2, 3, 4, 5: 4 takes most of it).
PRIOR_ALPHA = 4.0
#: The least spread a prior's feature is standardised by: a flag set on fewer than one
#: candidate in a hundred in training (std 0.1) is read as if it were that common, so
#: the penalty holds its weight to what such a rare flag can support.
PRIOR_MIN_SCALE = 0.1


@dataclass(frozen=True, eq=False)
class JudgedTerms:
    """What judges said of terms in the train twins' top 10s: per term (simplified), in how
    many twins it was judged, how often junk and how often a keyword. A generic word or a
    slogan that one report surfaces, others surface too: the prior reads its record."""

    index: Mapping[str, int]
    #: One row per term: twins judged, junk, keyword (score 1 or 2).
    counts: Any
    #: The share of junk and of keywords among all judgments, which a term with few
    #: judgments is drawn towards (by :data:`weight` judgments' worth).
    junk_rate: float
    keyword_rate: float
    weight: float = 2.0

    @classmethod
    def from_verdicts(cls, verdicts: Iterable[tuple[str, bool, bool]]) -> JudgedTerms:
        """From (term, junk, keyword) verdicts, one per term and twin."""
        import numpy as np

        index: dict[str, int] = {}
        rows: list[list[int]] = []
        for term, junk, keyword in verdicts:
            row = index.setdefault(term, len(rows))
            if row == len(rows):
                rows.append([0, 0, 0])
            rows[row][0] += 1
            rows[row][1] += junk
            rows[row][2] += keyword
        counts = np.array(rows, dtype=np.int64).reshape(-1, 3)
        total = max(1, int(counts[:, 0].sum()))
        return cls(index, counts, float(counts[:, 1].sum()) / total,
                   float(counts[:, 2].sum()) / total)

    def without(self, verdicts: Mapping[str, tuple[bool, bool]]) -> JudgedTerms:
        """This record less one twin's verdicts (term -> junk, keyword): what training reads
        of that twin's terms, as the record of a new report holds nothing of it."""
        counts = self.counts.copy()
        for term, (junk, keyword) in verdicts.items():
            row = self.index.get(term)
            if row is not None:
                counts[row] -= (1, junk, keyword)
        return JudgedTerms(self.index, counts, self.junk_rate, self.keyword_rate, self.weight)

    def columns(self, terms: Sequence[str]) -> Any:
        """The judges' record's three :data:`PRIOR_FEATURES` (``judged_*``) for each term."""
        import numpy as np

        return self.columns_at(np.fromiter((self.index.get(t, -1) for t in terms), np.int64,
                                           len(terms)))

    def columns_at(self, rows: Any) -> Any:
        """:meth:`columns` of terms given by their rows in :attr:`index` (-1: not judged)."""
        import numpy as np

        found = np.zeros((len(rows), 3))
        known = rows >= 0
        found[known] = self.counts[rows[known]]
        n, w = found[:, 0], self.weight
        return np.column_stack([np.log1p(n), (found[:, 1] + w * self.junk_rate) / (n + w),
                                (found[:, 2] + w * self.keyword_rate) / (n + w)])


def _shape_grams(term: str) -> list[str]:
    """What :class:`TermShapes` reads of a term: its character 1- to 3-grams, the 2- and
    3-grams marked as its start (``^``) or end (``$``), and its length (up to 8)."""
    marked = f"^{term}$"
    grams = list(term)
    for n in (2, 3):
        grams += [marked[i:i + n] for i in range(len(marked) - n + 1)]
    grams.append(f"#{min(len(term), 8)}")
    return grams


def _shape_vector(term: str) -> dict[str, float]:
    """A term's :func:`_shape_grams` counted and scaled to unit length: the row that
    :class:`TermShapes` is fitted and read on."""
    counts = Counter(_shape_grams(term))
    norm = math.sqrt(sum(c * c for c in counts.values()))
    return {gram: c / norm for gram, c in counts.items()}


#: The inverse L2 penalty of :class:`TermShapes`, chosen in five folds by twin on the 172
#: judged train twins (``benchmarks/cv_keyword_prior.py --shape-c``: mean score 0.883, 0.888,
#: 0.891, 0.891 at 3, 10, 30, 100; on 200, 0.893, 0.890, 0.887 at 10, 30, 100).
SHAPE_C = 30.0


@dataclass(frozen=True, eq=False)
class TermShapes:
    """Logistic regressions of a term's characters (:func:`_shape_grams`) on whether judges
    found it a keyword and whether junk: what the judges' record says of the terms it
    never held (a fragment such as 积金, a federation's name cut from its place, a verb
    phrase such as 实地察看), learned from the terms it holds."""

    grams: Mapping[str, int]
    #: One column per verdict (keyword, junk), one row per gram.
    weights: Any
    intercept: Any

    @classmethod
    def fit(cls, verdicts: Iterable[tuple[str, tuple[bool, bool]]], *,
            C: float = SHAPE_C) -> TermShapes:
        """From (term, (junk, keyword)) verdicts, one per term and twin, in the order
        :meth:`JudgedTerms.without` takes them (scikit-learn, needed for training only)."""
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits

        pairs = [(_shape_vector(term), verdict) for term, verdict in verdicts]
        grams = {g: i for i, g in enumerate(sorted({g for vector, _ in pairs for g in vector}))}
        rows, cols, values = [], [], []
        for row, (vector, _) in enumerate(pairs):
            for gram, value in sorted(vector.items()):
                rows.append(row)
                cols.append(grams[gram])
                values.append(value)
        x = csr_matrix((values, (rows, cols)), shape=(len(pairs), len(grams)))
        y = np.array([(keyword, junk) for _, (junk, keyword) in pairs], dtype=bool).reshape(-1, 2)
        # One BLAS thread: faster on this small problem, and the solver stops at the same
        # point however many cores the machine has.
        with threadpool_limits(1):
            models = [LogisticRegression(C=C, max_iter=5000).fit(x, y[:, k]) for k in range(2)]
        return cls(grams, np.column_stack([m.coef_[0] for m in models]).astype(np.float64),
                   np.array([m.intercept_[0] for m in models], dtype=np.float64))

    def logits(self, terms: Sequence[str]) -> Any:
        """Each term's log-odds of being found a keyword (column 0) and junk (column 1)."""
        import numpy as np

        get, keyword, junk = self.grams.get, *self._weights
        out = np.empty((len(terms), 2))
        for k, term in enumerate(terms):
            found = [(value, i) for gram, value in _shape_vector(term).items()
                     if (i := get(gram)) is not None]
            out[k] = (sum(v * keyword[i] for v, i in found), sum(v * junk[i] for v, i in found))
        return out + self.intercept

    @cached_property
    def _weights(self) -> tuple[list[float], list[float]]:
        return self.weights[:, 0].tolist(), self.weights[:, 1].tolist()


def shapes_apart(by_doc: Mapping[str, Mapping[str, tuple[bool, bool]]], *, folds: int = 5,
                 C: float = SHAPE_C) -> dict[str, TermShapes]:
    """For each judged twin (doc -> term -> (junk, keyword)), a :class:`TermShapes` fitted
    on the twins of the other folds (twins dealt to folds in order of their ids): what training
    reads of a twin's terms, as a new report's terms were never judged."""
    docs = sorted(by_doc)
    fitted = [TermShapes.fit(((t, k) for i, d in enumerate(docs) if i % folds != f
                              for t, k in sorted(by_doc[d].items())), C=C)
              for f in range(min(folds, len(docs)))]
    return {d: fitted[i % folds] for i, d in enumerate(docs)}


@dataclass(frozen=True, eq=False)
class Prior:
    """A logistic regression of a candidate's :data:`PRIOR_FEATURES` on whether judges
    found such terms keywords (score 1 or 2 in ``benchmarks/KEYWORDS.md``), fitted on the
    train twins' judgments; a candidate's score is weighed by its probability ** alpha."""

    mean: Any
    scale: Any
    coef: Any
    intercept: float
    alpha: float = PRIOR_ALPHA
    #: The judges' record of terms that the ``judged_*`` features read (None: every term
    #: reads as unjudged).
    judged: JudgedTerms | None = None
    #: The model of terms' characters that the ``shape_*`` features read (None: they read 0).
    shapes: TermShapes | None = None

    def probability(self, features: Any) -> Any:
        """Each row's probability of being found a keyword (rows of :data:`PRIOR_FEATURES`)."""
        import numpy as np

        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


class _Static:
    """What the prior reads of a term apart from any text (its IDFs, flags and length, and
    the classes of its first and last words), gathered for a ranking's candidates only:
    jieba's general IDF of a whole term is looked up the first time a term is a candidate,
    not for every phrase of every table."""

    def __init__(self, memo: _Vocabulary, at: Any, domain: Any, unseen: Any, place: Any,
                 ends: Any) -> None:
        self.memo, self.at, self.domain, self.unseen, self.place = memo, at, domain, unseen, place
        #: The class of each term's first word (row 0) and last word (row 1).
        self.ends = ends

    def classes(self, terms: Any) -> Any:
        """One column per class and end, but the other tags': the ``first_*`` and
        ``last_*`` :data:`PRIOR_FEATURES`."""
        import numpy as np

        kinds = [k for k in range(_UNKNOWN_CLASS + 1) if k != _OTHER_CLASS]
        return np.hstack([self.ends[end, terms][:, None] == np.array(kinds)[None, :]
                          for end in (0, 1)])

    def shapes(self, table: TermTable, terms: Any, shapes: TermShapes) -> Any:
        """The prior's :meth:`TermShapes.logits` of each term, reckoned once per process."""
        import numpy as np

        rows = self.at[terms]
        with self.memo.lock:
            found = np.column_stack([self.memo.term_shape_keyword[rows],
                                     self.memo.term_shape_junk[rows]])
            missing = np.flatnonzero(np.isnan(found[:, 0]))
            if len(missing):
                found[missing] = shapes.logits([table.terms[int(t)]
                                                for t in terms[missing].tolist()])
                self.memo.term_shape_keyword[rows[missing]] = found[missing, 0]
                self.memo.term_shape_junk[rows[missing]] = found[missing, 1]
        return found

    def judged_rows(self, terms: Any) -> Any:
        """Each term's row in the prior's record of judged terms (-1: none)."""
        with self.memo.lock:
            return self.memo.term_judged[self.at[terms]]

    def rows(self, table: TermTable, terms: Any) -> Any:
        import numpy as np

        memo, rows = self.memo, self.at[terms]
        with memo.lock:
            whole = memo.term_general[rows]
            missing = np.flatnonzero(np.isnan(whole))
            if len(missing):
                names = [table.terms[int(t)] for t in terms[missing].tolist()]
                whole[missing] = general_idf().lookup(names, -1.0)
                memo.term_general[rows[missing]] = whole[missing]
            chars = memo.term_chars[rows]
        lengths = np.fromiter((table.length[t] for t in terms.tolist()), np.float64, len(terms))
        return np.column_stack([self.domain[terms], np.where(whole > 0, whole, _UNKNOWN_GENERAL),
                                whole <= 0, self.unseen[terms], lengths, chars, self.place[terms]])


def _read_prior(meta: Mapping[str, Any], arrays: Mapping[str, Any]) -> Prior:
    """The prior a keyword model file holds; a ValueError where it does not fit this code."""
    import numpy as np

    if list(meta["features"]) != list(PRIOR_FEATURES):
        raise ValueError(f"prior features {meta['features']} are not {list(PRIOR_FEATURES)}")
    parts = [np.asarray(arrays[f"prior_{k}"], dtype=np.float64) for k in ("mean", "scale", "coef")]
    if any(a.shape != (len(PRIOR_FEATURES),) for a in parts) or not (parts[1] > 0).all():
        raise ValueError("prior arrays of the wrong shape or scale")
    judged = None
    if "judged" in meta:
        from .store import unpack_strings

        record = meta["judged"]
        terms = unpack_strings(arrays["prior_judged_terms"], int(record["terms"]))
        counts = np.asarray(arrays["prior_judged_counts"], dtype=np.int64)
        if counts.shape != (len(terms), 3) or (counts < 0).any():
            raise ValueError("judged terms' counts of the wrong shape")
        judged = JudgedTerms({t: i for i, t in enumerate(terms)}, counts,
                             float(record["junk_rate"]), float(record["keyword_rate"]),
                             float(record["weight"]))
    shapes = None
    if "shapes" in meta:
        from .store import unpack_strings

        grams = unpack_strings(arrays["prior_shape_grams"], int(meta["shapes"]["grams"]))
        weights = np.asarray(arrays["prior_shape_weights"], dtype=np.float64)
        intercept = np.asarray(meta["shapes"]["intercept"], dtype=np.float64)
        if (weights.shape != (len(grams), 2) or intercept.shape != (2,)
                or not np.isfinite(weights).all()):
            raise ValueError("term shapes' weights of the wrong shape")
        shapes = TermShapes({g: i for i, g in enumerate(grams)}, weights, intercept)
    return Prior(parts[0], parts[1], parts[2], float(meta["intercept"]), float(meta["alpha"]),
                 judged, shapes)


def fit_prior(features: Any, good: Any, *, alpha: float = PRIOR_ALPHA, C: float = 1.0,
              judged: JudgedTerms | None = None, shapes: TermShapes | None = None) -> Prior:
    """Fit the prior (scikit-learn, needed for training only): a logistic regression of
    judged candidates' :data:`PRIOR_FEATURES` (rows) on whether they were found keywords."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(features, dtype=np.float64)
    mean, scale = x.mean(axis=0), np.maximum(x.std(axis=0), PRIOR_MIN_SCALE)
    model = LogisticRegression(C=C, max_iter=5000).fit((x - mean) / scale, np.asarray(good))
    return Prior(mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]), alpha,
                 judged, shapes)


#: Up to this many terms in a table, each term's own columns of the prior's features are
#: kept once read (:meth:`Scorer._term_columns`): a quarter of a kilobyte a term, about 5 MB
#: for the 19,000 terms of a megabyte of reports. A larger table reads them afresh for
#: every range, so that the memory of a very large text does not grow by them.
_KEPT_COLUMNS_TERMS = 1 << 16


class Scorer:
    """Ranks the terms of any run of a table's pieces (a section, an article, the whole text)."""

    def __init__(self, table: TermTable, weight: Any, always: Any, never: Any,
                 unseen: Any = None, place: Any = None, static: Any = None,
                 prior: Prior | None = None, heads: Any = None) -> None:
        import numpy as np

        self.table = table
        self.weight = weight
        self.always = always
        self.never = never
        none = np.zeros(len(table.terms), dtype=bool)
        self.unseen = none if unseen is None else unseen
        self.place = none if place is None else place
        #: Per word of the table, whether it can head a phrase (a noun or verbal noun, not
        #: a fragment or a name): a phrase always followed by such a word was cut before it
        #: (None: no word can).
        self.heads = np.zeros(len(table.words), dtype=bool) if heads is None else heads
        #: What a term is apart from any text (the middle of :data:`PRIOR_FEATURES`), and
        #: the learned prior that reads it, when the model has one.
        self.static = static
        self.prior = prior if static is not None else None
        #: The prior they were read for, which terms' :meth:`_fresh_columns` are known yet,
        #: and those columns.
        self._columns: tuple[Prior | None, Any, Any, Any] | None = None
        #: The range ranked last, the prior it was weighed with and its weighed candidates.
        self._last: tuple[int, int, Prior | None, tuple[Any, Any, Any]] | None = None

    def candidates(self, start: int, stop: int) -> tuple[Any, Any, Any]:
        """The candidate terms of pieces ``start``..``stop - 1`` (ids into the table's
        terms), their counts and their TF-IDF scores."""
        import numpy as np

        terms, counts = self.table.counts(start, stop)
        keep = ((self.always[terms] | (counts >= _IN_TEXT_PHRASE)) & ~self.never[terms]
                & (~self.unseen[terms] | (counts >= 2)))
        terms, counts = terms[keep], counts[keep]
        return terms, counts, (1.0 + np.log(counts)) * self.weight[terms]

    def features(self, terms: Any, counts: Any, scores: Any, judged: JudgedTerms | None = None,
                 shapes: TermShapes | None = None) -> Any:
        """Each candidate's :data:`PRIOR_FEATURES` (one row per candidate); the judges'
        record and the model of terms' characters are ``judged`` and ``shapes``, else the
        prior's."""
        import numpy as np

        if judged is None and shapes is None and len(self.table.terms) <= _KEPT_COLUMNS_TERMS:
            what, rest = self._term_columns(terms)
        else:
            what, rest = self._fresh_columns(terms, judged, shapes)
        order = np.argsort(-scores, kind="stable")
        rank = np.empty(len(scores))
        rank[order] = np.arange(len(scores))
        top = float(scores.max()) if len(scores) else 1.0
        return np.column_stack([
            np.log(counts), counts == 1, counts == 2, what,
            scores / (top or 1.0), np.log(rank + 1.0), rest])

    def _fresh_columns(self, terms: Any, judged: JudgedTerms | None = None,
                       shapes: TermShapes | None = None) -> tuple[Any, Any]:
        """The columns of :meth:`features` that depend on the terms alone, not on the
        pieces ranked: the static rows, then the word classes, judges' record and shape."""
        import numpy as np

        prior = self.prior
        if judged is not None:
            record = judged.columns([self.table.terms[t] for t in terms.tolist()])
        elif prior is not None and prior.judged is not None:
            record = prior.judged.columns_at(self.static.judged_rows(terms))
        else:
            record = np.zeros((len(terms), 3))
        if shapes is not None:
            shape = shapes.logits([self.table.terms[t] for t in terms.tolist()])
        elif prior is not None and prior.shapes is not None:
            shape = self.static.shapes(self.table, terms, prior.shapes)
        else:
            shape = np.zeros((len(terms), 2))
        return (self.static.rows(self.table, terms),
                np.hstack([self.static.classes(terms), record, shape]))

    def _term_columns(self, terms: Any) -> tuple[Any, Any]:
        """:meth:`_fresh_columns`, each term's gathered once per table: a report's sections,
        articles and the report itself rank many of the same candidates (each row depends
        on its own term only, so a row read back is the row made afresh)."""
        import numpy as np

        if self._columns is None or self._columns[0] is not self.prior:
            what, rest = self._fresh_columns(terms)
            size = len(self.table.terms)
            self._columns = (self.prior, np.zeros(size, dtype=bool),
                             np.empty((size, what.shape[1])), np.empty((size, rest.shape[1])))
            missing = terms
        else:
            missing = terms[~self._columns[1][terms]]
            if len(missing):
                what, rest = self._fresh_columns(missing)
        _, have, what_of, rest_of = self._columns
        if len(missing):
            what_of[missing], rest_of[missing] = what, rest
            have[missing] = True
        return what_of[terms], rest_of[terms]

    def _weighed(self, start: int, stop: int) -> tuple[Any, Any, Any]:
        """:meth:`candidates`, their scores weighed by the prior: the same for any length of
        list, so that a range ranked twice in a row (an article that is one section lists
        10 keywords and its section 5) is weighed once. Only the last range is kept: a
        long text's many sections hold no arrays."""
        last = self._last
        if last is not None and last[:2] == (start, stop) and last[2] is self.prior:
            return last[3]
        terms, counts, scores = self.candidates(start, stop)
        if len(terms) and self.prior is not None:
            # What a term is and how the text uses it say how likely a judge is to find
            # it a keyword at all: the score is weighed by that probability.
            scores = scores * self.prior.probability(self.features(terms, counts, scores)) \
                ** self.prior.alpha
        self._last = (start, stop, self.prior, (terms, counts, scores))
        return terms, counts, scores

    def rank(self, start: int, stop: int, top_k: int = 10) -> list[Keyword]:
        """The ``top_k`` keywords of pieces ``start``..``stop - 1``, best first.

        A phrase is a candidate when it recurs in the corpus or in these pieces; of two
        terms where one contains the other, only the better-scored one is kept.
        """
        import numpy as np

        if top_k <= 0:
            return []
        terms, counts, scores = self._weighed(start, stop)
        if not len(terms):
            return []
        pool = np.arange(len(scores))
        m = top_k * 8
        if len(scores) > m:
            pool = np.flatnonzero(scores >= np.partition(scores, len(scores) - m)[len(scores) - m])
        names = self.table.terms
        value = scores.tolist()
        ids = terms.tolist()
        tally = counts.tolist()
        ranked = sorted(pool.tolist(), key=lambda i: (-value[i], names[ids[i]]))[:m]
        chosen: list[tuple[str, float, int]] = []  # term, score, count
        text: list[str] = []  # the pieces' text, made when first needed
        places = 0
        where: dict[str, int] = {}  # each candidate's index by its term, made when first needed
        for slot in ranked:
            if len(chosen) >= top_k:
                break
            found = self._with_head(slot, ids, tally, where, start, stop)
            if found is None:
                continue
            term, count, place = found
            inside = [k for k, (other, _, _) in enumerate(chosen) if other in term]
            if inside:
                # A longer phrase takes the place of a word it contains when it accounts for
                # most of the word's occurrences (实事清单 over 清单).
                k = inside[0]
                if len(inside) == 1 and count > _PHRASE_SHARE * chosen[k][2] \
                        and not any(term in o for o, _, _ in chosen) \
                        and not self._a_piece_of(term, count, chosen[:k] + chosen[k + 1:],
                                                 text, start, stop):
                    chosen[k] = (term, chosen[k][1], count)
                continue
            if any(term in other for other, _, _ in chosen):
                continue
            if self._a_piece_of(term, count, chosen, text, start, stop):
                continue
            if place:
                if places >= _MAX_PLACES:
                    continue
                places += 1
            # A phrase that took the place of one cut before its head keeps that one's score.
            chosen.append((term, value[slot], count))
        norm = math.sqrt(float(np.dot(scores, scores))) or 1.0
        return [Keyword(t, v / norm) for t, v, _ in chosen]

    def _with_head(self, i: int, ids: list[int], tally: list[int], where: dict[str, int],
                   start: int, stop: int) -> tuple[str, int, bool] | None:
        """The term to take for candidate ``i``, its count and whether it is a place: the
        candidate itself, or where it is a phrase cut before its head (every one of its two
        or more occurrences in pieces ``start``..``stop - 1`` runs on into the same noun:
        湖北职业技术 of 湖北职业技术学院), the phrase that goes on to that noun, as long as
        such nouns follow (to :data:`_MAX_HEADED` words); None where the phrase that goes on
        is never a keyword or holds a slogan."""
        table = self.table
        term, count, place = table.terms[ids[i]], tally[i], bool(self.place[ids[i]])
        if table.length[ids[i]] < 2:
            return term, count, place
        words = table.split_of(ids[i])
        while True:
            after = table.next_word(words, start, stop)
            if after < 0 or not self.heads[after]:
                break
            if len(words) >= _MAX_HEADED:
                # Still running on at the most words: a piece of a longer name
                # (职业技能大赛重庆赛区平版印刷 of …平版印刷技能竞赛组委会), no keyword.
                return None
            words.append(after)
            term += table.words[after]
            if not where:
                where.update((table.terms[t], k) for k, t in enumerate(ids))
            k = where.get(term)
            if k is not None:  # a candidate of its own: its count and flags
                count, place = tally[k], bool(self.place[ids[k]])
            elif term in _not_keywords() or has_slogan(term):
                return None
        return term, count, place

    def _a_piece_of(self, term: str, count: int, chosen: Sequence[tuple[str, float, int]],
                    text: list[str], start: int, stop: int) -> bool:
        """Whether ``term`` only occurs overlapping a term already chosen: two windows of
        one longer run of words (当地城镇居民最低 beside 城镇居民最低生活), where the run is
        what the text says and the second window adds nothing."""
        for other, _, _ in chosen:
            if term[:2] not in other and other[:2] not in term:
                continue  # no overlap is possible: most pairs end here
            for whole in _overlapped(other, term):
                if not text:
                    table = self.table
                    text.append("\n".join("".join(table.flat[table.bounds[k]:table.bounds[k + 1]])
                                          for k in range(start, stop)))
                if text[0].count(whole) >= count:
                    return True
        return False


def worth_saying(ranked: Sequence[Keyword]) -> list[Keyword]:
    """``ranked`` (best first) without the terms weighed under :data:`KEPT_SHARE` of the
    best: a list is not padded to its length with terms the model itself rates near zero."""
    if not ranked:
        return []
    bar = KEPT_SHARE * ranked[0].weight
    return [k for k in ranked if k.weight >= bar]


def _overlapped(a: str, b: str) -> list[str]:
    """The strings in which ``a`` and ``b`` overlap by two characters or more, neither
    holding the other (城镇居民最低 + 最低生活 -> 城镇居民最低生活)."""
    out = []
    for k in range(min(len(a), len(b)) - 1, 1, -1):
        if a.endswith(b[:k]):
            out.append(a + b[k:])
        if b.endswith(a[:k]):
            out.append(b + a[k:])
    return out


#: A single word whose general IDF is below this is never a keyword: in the top 10 of the
#: judged train twins, such words were junk two times in three (``python
#: benchmarks/bench_keywords.py bands --split train``, measured without the rule).
_COMMON_IDF = 8.0

_GENERAL_FORMAT = "unionnlp-general-idf/2"


def _short_code(word: str) -> int:
    """A word of one to four Basic Multilingual Plane characters, none of them NUL, as one
    64-bit integer (its characters' 16-bit codes in a row); 0 for any other word. Words of
    different lengths never share a code, as no character is 0."""
    if not 0 < len(word) <= 4:
        return 0
    code = 0
    for ch in word:
        point = ord(ch)
        if point > 0xFFFF or point == 0:
            return 0
        code = code << 16 | point
    return code


def _short_codes(words: Sequence[str]) -> Any:
    """:func:`_short_code` of every word, as a uint64 array: the words of each length are
    read as one run of code points, not character by character."""
    import numpy as np

    out = np.zeros(len(words), dtype=np.uint64)
    lengths = np.fromiter(map(len, words), np.int64, len(words))
    for n in range(1, 5):
        at = np.flatnonzero(lengths == n)
        if not len(at):
            continue
        joined = "".join([words[i] for i in at.tolist()]).encode("utf-32-le", "surrogatepass")
        points = np.frombuffer(joined, dtype=np.uint32).reshape(len(at), n).astype(np.uint64)
        code = np.zeros(len(at), dtype=np.uint64)
        for k in range(n):
            code = (code << np.uint64(16)) | points[:, k]
        fits = ((points > 0) & (points <= 0xFFFF)).all(axis=1)
        out[at[fits]] = code[fits]
    return out


class _CodeTable:
    """A value per word: a sorted integer code per short word (:func:`_short_code`) with its
    value, and a small table of the rest. Loads in milliseconds from the user's cache,
    where a dict of a dictionary's words would take a fifth of a second to build."""

    def __init__(self, codes: Any, values: Any, extra: dict[str, float]) -> None:
        self.codes, self.values, self.extra = codes, values, extra

    @staticmethod
    def parts_from_arrays(meta: Mapping[str, Any], arrays: Mapping[str, Any]
                          ) -> tuple[Any, Any, dict[str, float]]:
        """The codes, values and the rest's table that :meth:`arrays` wrote (checked)."""
        from .store import unpack_strings

        words = unpack_strings(arrays["extra_words"], int(meta["extra"]))
        extra = dict(zip(words, arrays["extra_values"].tolist(), strict=True))
        if len(arrays["codes"]) != len(arrays["values"]):
            raise ValueError("codes and values differ in length")
        return arrays["codes"], arrays["values"], extra

    def arrays(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """This table as the meta and arrays of a cache file."""
        import numpy as np

        from .store import pack_strings

        return {"extra": len(self.extra)}, {
            "codes": self.codes, "values": self.values,
            "extra_words": pack_strings(list(self.extra)),
            "extra_values": np.fromiter(self.extra.values(), np.float64, len(self.extra))}

    @staticmethod
    def _coded(table: Mapping[str, float]) -> tuple[Any, Any, dict[str, float]]:
        import numpy as np

        words = list(table)
        values = np.fromiter(table.values(), np.float64, len(words))
        codes = _short_codes(words)
        short = codes != 0
        order = np.lexsort((values[short], codes[short]))
        extra = {words[i]: float(values[i]) for i in np.flatnonzero(~short).tolist()}
        return codes[short][order], values[short][order], extra

    def lookup(self, words: Sequence[str], default: float) -> Any:
        """Each word's value (``default`` where the table has none)."""
        import numpy as np

        out = np.full(len(words), default)
        if not len(words) or not len(self.codes):
            return out
        codes = _short_codes(words)
        at = np.minimum(np.searchsorted(self.codes, codes), len(self.codes) - 1)
        hit = (self.codes[at] == codes) & (codes != 0)
        out[hit] = self.values[at[hit]]
        for i in np.flatnonzero(~hit):
            value = self.extra.get(words[int(i)])
            if value is not None:
                out[i] = value
        return out

    def get(self, word: str, default: float) -> float:
        """One word's value: a scalar binary search, for callers that ask word by word."""
        import numpy as np

        code = _short_code(word)
        if not code:
            return self.extra.get(word, default)
        at = int(self.codes.searchsorted(np.uint64(code)))
        if at < len(self.codes) and int(self.codes[at]) == code:
            return float(self.values[at])
        return default


class GeneralIDF(_CodeTable):
    """jieba's general-Chinese IDF (``jieba/analyse/idf.txt``) as a :class:`_CodeTable`."""

    def __init__(self, codes: Any, values: Any, extra: dict[str, float], top: float,
                 median: float) -> None:
        super().__init__(codes, values, extra)
        #: The largest value, and the median one (the value of a word jieba does not know).
        self.max, self.median = top, median

    @classmethod
    def from_table(cls, table: Mapping[str, float]) -> GeneralIDF:
        import numpy as np

        values = np.fromiter(table.values(), np.float64, len(table))
        return cls(*cls._coded(table), float(values.max()),
                   float(np.sort(values)[len(values) // 2]))

    def lookup(self, words: Sequence[str], default: float | None = None) -> Any:
        """Each word's value (``default``, by default the median, where jieba has none)."""
        return super().lookup(words, self.median if default is None else default)

    def get(self, word: str, default: float | None = None) -> float:
        """One word's value (``default``, by default the median, where jieba has none)."""
        return super().get(word, self.median if default is None else default)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (
            word in self.extra or bool(self.lookup([word], -1.0)[0] != -1.0))


@cache
def general_idf() -> GeneralIDF:
    """jieba's general IDF table, found without importing jieba, parsed once and then read
    from the user's cache as checked arrays."""

    def load(meta: Mapping[str, Any], arrays: Mapping[str, Any]) -> GeneralIDF:
        return GeneralIDF(*_CodeTable.parts_from_arrays(meta, arrays), float(meta["max"]),
                          float(meta["median"]))

    def build(text: str) -> tuple[GeneralIDF, dict[str, Any], dict[str, Any]]:
        table: dict[str, float] = {}
        for line in text.splitlines():
            word, _, value = line.partition(" ")
            if value and "\0" not in word:
                table[word] = float(value)
        general = GeneralIDF.from_table(table)
        meta, arrays = general.arrays()
        return general, {**meta, "max": general.max, "median": general.median}, arrays

    return _from_jieba("analyse/idf.txt", "general-idf", "general IDF", _GENERAL_FORMAT, "",
                       load, build)


_CLASS_FORMAT = "unionnlp-word-classes/1"


@lru_cache(maxsize=256)
def _tag_class(tag: str) -> int:
    """The index in :data:`WORD_CLASSES` of a jieba tag (:data:`_OTHER_CLASS` for the rest)."""
    if tag.startswith("nr"):
        return WORD_CLASSES.index("nr")
    if tag == "vn":
        return WORD_CLASSES.index("vn")
    if tag[:1] in ("n", "v", "a", "d"):
        return WORD_CLASSES.index(tag[:1])
    return _OTHER_CLASS


@cache
def _word_classes() -> _CodeTable:
    """Each word's class (:func:`_tag_class`) by jieba's dictionary, read once from its
    dict.txt and then from the user's cache as checked arrays."""

    def load(meta: Mapping[str, Any], arrays: Mapping[str, Any]) -> _CodeTable:
        return _CodeTable(*_CodeTable.parts_from_arrays(meta, arrays))

    def build(text: str) -> tuple[_CodeTable, dict[str, Any], dict[str, Any]]:
        table = {parts[0]: float(_tag_class(parts[2])) for parts in map(str.split, text.splitlines())
                 if len(parts) == 3 and "\0" not in parts[0]}
        classes = _CodeTable(*_CodeTable._coded(table))
        return (classes, *classes.arrays())

    return _from_jieba("dict.txt", "word-classes", "word classes", _CLASS_FORMAT, "", load, build)


def word_classes(words: Sequence[str]) -> Any:
    """Each word's class (an index into :data:`WORD_CLASSES`, :data:`_OTHER_CLASS` or
    :data:`_UNKNOWN_CLASS`) by the domain dictionary, then jieba's."""
    import numpy as np

    out = _word_classes().lookup(words, float(_UNKNOWN_CLASS)).astype(np.int8)
    user = _user_classes()
    for i, word in enumerate(words):
        if word in user:
            out[i] = user[word]
    return out


@cache
def _user_classes() -> dict[str, int]:
    from .resources import user_dictionary

    return {w: _tag_class(tag) for w, _, tag in user_dictionary()}


def _from_jieba(name: str, kind: str, what: str, fmt: str, salt: str,
                load: Callable[[Mapping[str, Any], Mapping[str, Any]], _T],
                build: Callable[[str], tuple[_T, dict[str, Any], dict[str, Any]]]) -> _T:
    """What is derived from one of jieba's data files (found without importing jieba):
    read from the user's cache as checked arrays, or built from the file and cached. The
    cache file's name holds the data file's path, size and time (and ``salt``); a cache
    that cannot be read is rebuilt with a warning naming ``what`` it holds."""
    import importlib.util

    from .cache import cache_dir
    from .errors import ModelError
    from .store import read_arrays, write_arrays

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"jieba is not installed: its {name} is needed")
    source = Path(next(iter(spec.submodule_search_locations))) / name
    try:
        info = source.stat()
    except OSError as exc:
        raise ModelError(f"cannot read jieba's {name}: {exc}") from exc
    tag = f"{source.resolve()}\0{info.st_size}\0{info.st_mtime_ns}\0{salt}"
    path = cache_dir() / f"{kind}-{hashlib.sha256(tag.encode()).hexdigest()[:16]}.npz"
    if path.exists():
        try:
            return load(*read_arrays(path, fmt))
        except (ModelError, KeyError, ValueError) as exc:
            log.warning("rebuilding the cached %s: %s", what, exc)
    value, meta, arrays = build(source.read_text(encoding="utf-8"))
    try:
        write_arrays(path, fmt, meta, arrays)
    except (OSError, ModelError) as exc:
        log.warning("cannot cache the %s at %s: %s", what, path, exc)
    return value


class _Vocabulary:
    """One extractor's facts of every word and term seen in this process, as numpy arrays
    indexed by a row per distinct string (grown by doubling): a report's words and terms
    are looked up once each in a dict, and their facts gathered by fancy indexing."""

    _WORD = (("word_general", "f8"), ("word_domain", "f8"), ("word_fragment", "?"),
             ("word_name", "?"), ("word_surname", "?"), ("word_short_rare", "?"),
             ("word_class", "i1"), ("word_modifier", "?"), ("word_title", "?"),
             ("word_opener", "?"))
    _TERM = (("term_unseen", "?"), ("term_domain", "f8"), ("term_never", "?"),
             ("term_phrase", "?"), ("term_place", "?"), ("term_general", "f8"),
             ("term_chars", "f8"), ("term_judged", "i8"), ("term_shape_keyword", "f8"),
             ("term_shape_junk", "f8"))

    def __init__(self, key: tuple[int, int, int]) -> None:
        import numpy as np

        self.key = key
        # Threads share it (a Dask worker runs several files at once): adding words and
        # terms, and growing the arrays, is one step at a time.
        self.lock = threading.Lock()
        self.words: dict[str, int] = {}
        self.terms: dict[str, int] = {}
        for name, dtype in (*self._WORD, *self._TERM):
            setattr(self, name, np.zeros(64, dtype=dtype))
        self.word_general: Any
        self.word_domain: Any
        self.word_fragment: Any
        self.word_name: Any
        self.word_surname: Any
        self.word_short_rare: Any
        self.word_class: Any
        self.word_modifier: Any
        self.word_title: Any
        self.word_opener: Any
        self.term_unseen: Any
        self.term_domain: Any
        self.term_never: Any
        self.term_phrase: Any
        self.term_place: Any
        self.term_general: Any
        self.term_chars: Any
        self.term_judged: Any
        self.term_shape_keyword: Any
        self.term_shape_junk: Any

    @property
    def size(self) -> int:
        return len(self.words) + len(self.terms)

    def _grow(self, fields: tuple[tuple[str, str], ...], need: int) -> None:
        import numpy as np

        have = len(getattr(self, fields[0][0]))
        if need <= have:
            return
        size = max(need, 2 * have)
        for name, dtype in fields:
            grown = np.zeros(size, dtype=dtype)
            grown[:have] = getattr(self, name)
            setattr(self, name, grown)

    def _rows(self, index: dict[str, int], fields: tuple[tuple[str, str], ...],
              items: Sequence[str], fill: Callable[[list[str], int, int], None]) -> Any:
        """The rows of ``items`` (distinct) in ``index``; those not seen before get rows
        at the end, whose facts ``fill(new, start, stop)`` writes, all under the lock."""
        import numpy as np

        with self.lock:
            rows = np.fromiter(map(index.get, items, itertools.repeat(-1)), np.int64, len(items))
            new = [items[i] for i in np.flatnonzero(rows < 0).tolist()]
            if new:
                base = len(index)
                self._grow(fields, base + len(new))
                fill(new, base, base + len(new))
                for k, item in enumerate(new, start=base):
                    index[item] = k
                rows = np.fromiter(map(index.__getitem__, items), np.int64, len(items))
            return rows

    def word_rows(self, model: KeywordExtractor, words: Sequence[str]) -> Any:
        """The rows of ``words`` (distinct), adding the facts of those not seen before."""
        last = self.__dict__.get("_last_words")
        if last is not None and last[0] is words:  # scorer, then word_idf, of one table
            return last[1]

        def fill(new: list[str], base: int, stop: int) -> None:
            common = math.log((1 + model.n_docs_) / 4) + 1.0  # IDF of a word in 3 documents
            rare = math.log((1 + model.n_docs_) / 2) + 1.0 - 1e-9
            domain = [model.idf_.get(w, model.max_idf_) for w in new]
            self.word_general[base:stop] = general_idf().lookup(new, model.general_default_)
            self.word_domain[base:stop] = domain
            self.word_fragment[base:stop] = _fragments(new)
            self.word_name[base:stop] = [_is_name(w, d <= common)
                                         for w, d in zip(new, domain, strict=True)]
            self.word_surname[base:stop] = [len(w) == 1 and w in _SURNAMES for w in new]
            self.word_short_rare[base:stop] = [1 <= len(w) <= 2 and d >= rare
                                               for w, d in zip(new, domain, strict=True)]
            self.word_class[base:stop] = word_classes(new)
            ends = phrase_ends()
            self.word_modifier[base:stop] = [w in ends.modifiers for w in new]
            self.word_title[base:stop] = [w in ends.titles for w in new]
            self.word_opener[base:stop] = [w in ends.openers for w in new]

        rows = self._rows(self.words, self._WORD, words, fill)
        self.__dict__["_last_words"] = (words, rows)
        return rows

    def term_rows(self, model: KeywordExtractor, terms: Sequence[str]) -> Any:
        """The rows of ``terms`` (distinct), adding the facts of those not seen before."""

        def fill(new: list[str], base: int, stop: int) -> None:
            never, phrases, idf = _not_keywords(), model.phrases_, model.idf_
            function, slogan, set_phrase = _function_words(), _slogans().search, model.set_phrases
            self.term_unseen[base:stop] = [t not in idf for t in new]
            self.term_domain[base:stop] = [idf.get(t, model.max_idf_) for t in new]
            self.term_never[base:stop] = [
                t in never or t in function or t in set_phrase or slogan(t) is not None
                for t in new]
            self.term_phrase[base:stop] = [t in phrases for t in new]
            self.term_place[base:stop] = [_is_place(t) for t in new]
            self.term_general[base:stop] = math.nan  # looked up when first a candidate
            self.term_chars[base:stop] = [len(t) for t in new]
            record = model.prior_.judged if model.prior_ is not None else None
            index = record.index if record is not None else {}
            self.term_judged[base:stop] = [index.get(t, -1) for t in new]
            self.term_shape_keyword[base:stop] = math.nan  # reckoned when first a candidate
            self.term_shape_junk[base:stop] = math.nan

        return self._rows(self.terms, self._TERM, terms, fill)

class KeywordExtractor:
    """TF-IDF keyword extractor with a domain IDF (scikit-learn estimator conventions).

    ``blend`` is the weight of the domain IDF against jieba's general IDF in a
    geometric mean; ``min_phrase_df`` the number of corpus documents a phrase
    must recur in to be a term even when it occurs once in the text.
    """

    #: Words a theme model takes as evidence of a theme (拖欠工资, 技术创新): idioms and set
    #: phrases among them stay candidates. :func:`unionnlp.pipeline.default_keywords` sets
    #: the packaged theme model's before the first text is read.
    evidence_: frozenset[str] = frozenset()
    #: The learned prior (:class:`Prior`), None for an extractor without one.
    prior_: Prior | None = None

    @cached_property
    def set_phrases(self) -> frozenset[str]:
        """The idioms and set phrases that are never keywords (:func:`_set_phrases` less
        :attr:`evidence_`)."""
        return _set_phrases() - self.evidence_

    def __init__(self, *, blend: float = 0.6, min_phrase_df: int = 2) -> None:
        self.blend = blend
        self.min_phrase_df = min_phrase_df

    def fit(self, token_docs: Iterable[Sequence[str]]) -> KeywordExtractor:
        """Learn the domain IDF and the recurring phrases from segmented documents
        (the IDF is scikit-learn's smoothed ``ln((1 + n) / (1 + df)) + 1``)."""
        import numpy as np

        token_docs = list(token_docs)
        df: Counter[str] = Counter()
        for tokens in token_docs:
            df.update(set(candidates(tokens)))
        terms = sorted(df)
        counts = np.array([df[t] for t in terms], dtype=np.float64) + 1.0
        idf = np.log((len(token_docs) + 1) / counts) + 1.0
        self.n_docs_ = len(token_docs)
        self.idf_ = {term: float(v) for term, v in zip(terms, idf, strict=True)}
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
        self._general_bounds()
        return self

    def without(self, tokens: Sequence[str]) -> KeywordExtractor:
        """A copy fitted as if the corpus had lacked one of its documents (``tokens``,
        segmented as for :meth:`fit`): training reads a corpus document's terms as a new
        report's are read, where a term only it has is unseen and a phrase only it repeats
        is no phrase."""
        import copy

        self._check()
        own = set(candidates(tokens))
        scale = self.n_docs_ + 1  # kept: one document less moves other terms' IDF by 1e-3
        idf = dict(self.idf_)
        left: dict[str, int] = {}  # the other documents holding each of its terms
        for term in own & idf.keys():
            df = round(scale / math.exp(idf[term] - 1.0)) - 1
            left[term] = df - 1
            if df <= 1:
                del idf[term]
            else:
                idf[term] = math.log(scale / df) + 1.0
        out = copy.copy(self)
        out.__dict__.pop("_memo_state", None)
        out.idf_ = idf
        # A phrase's corpus count is bounded by its term's (the same string, also when one
        # word): the bound decides whether it still recurs.
        out.phrases_ = frozenset(p for p in self.phrases_
                                 if left.get(p, self.min_phrase_df) >= self.min_phrase_df)
        return out

    def _general_bounds(self) -> None:
        general = general_idf()
        self.general_max_ = general.max
        self.general_default_ = general.median

    def save(self, path: str | os.PathLike[str], *, data_key: str | None = None) -> None:
        """Write the fitted IDF and phrases as arrays and JSON with a checksum."""
        import numpy as np

        from .store import pack_strings, write_arrays

        self._check()
        terms = sorted(self.idf_)
        phrases = sorted(self.phrases_)
        meta: dict[str, Any] = {"blend": self.blend, "min_phrase_df": self.min_phrase_df,
                                "n_docs": self.n_docs_, "n_terms": len(terms),
                                "n_phrases": len(phrases), "data": data_key}
        arrays = {"terms": pack_strings(terms),
                  "idf": np.array([self.idf_[t] for t in terms], dtype=np.float64),
                  "phrases": pack_strings(phrases)}
        if self.prior_ is not None:
            prior = self.prior_
            meta["prior"] = {"features": list(PRIOR_FEATURES), "intercept": prior.intercept,
                             "alpha": prior.alpha}
            arrays.update({"prior_mean": np.asarray(prior.mean, dtype=np.float64),
                           "prior_scale": np.asarray(prior.scale, dtype=np.float64),
                           "prior_coef": np.asarray(prior.coef, dtype=np.float64)})
            if prior.judged is not None:
                judged = prior.judged
                meta["prior"]["judged"] = {"terms": len(judged.index), "weight": judged.weight,
                                           "junk_rate": judged.junk_rate,
                                           "keyword_rate": judged.keyword_rate}
                arrays.update({"prior_judged_terms": pack_strings(list(judged.index)),
                               "prior_judged_counts": np.asarray(judged.counts, dtype=np.int64)})
            if prior.shapes is not None:
                shapes = prior.shapes
                meta["prior"]["shapes"] = {"grams": len(shapes.grams),
                                           "intercept": [float(b) for b in shapes.intercept]}
                arrays.update({"prior_shape_grams": pack_strings(list(shapes.grams)),
                               "prior_shape_weights": np.asarray(shapes.weights,
                                                                 dtype=np.float64)})
        write_arrays(path, _FORMAT, meta, arrays)

    @classmethod
    def load(cls, source: str | os.PathLike[str] | bytes, where: str | None = None
             ) -> KeywordExtractor:
        """An extractor saved by :meth:`save` (checked, never unpickled)."""
        from .errors import ModelError
        from .store import read_arrays, unpack_strings

        name = where or str(source)
        meta, arrays = read_arrays(source, _FORMAT, name)
        try:
            model = cls(blend=float(meta["blend"]), min_phrase_df=int(meta["min_phrase_df"]))
            terms = unpack_strings(arrays["terms"], int(meta["n_terms"]))
            idf = arrays["idf"].astype(float).tolist()
            if len(idf) != len(terms):
                raise ValueError(f"{len(terms)} terms but {len(idf)} IDF values")
            model.idf_ = dict(zip(terms, idf, strict=True))
            model.phrases_ = frozenset(unpack_strings(arrays["phrases"], int(meta["n_phrases"])))
            model.n_docs_ = int(meta["n_docs"])
            if "prior" in meta:
                model.prior_ = _read_prior(meta["prior"], arrays)
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{name}: incomplete keyword model ({exc})") from exc
        model.max_idf_ = math.log((1 + model.n_docs_) / 1) + 1.0
        model._general_bounds()
        return model

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
        self._check()
        memo = self._memo()
        rows = memo.word_rows(self, table.words)
        return self._blend(memo.word_domain[rows], memo.word_general[rows])

    def scorer(self, table: TermTable) -> Scorer:
        """What ranking needs of every term of ``table``, computed once for all its ranges.

        What depends on a word or term alone (its IDFs and flags) is remembered across
        calls in arrays indexed by a per-process vocabulary, so a batch of small reports
        pays for each distinct term once and gathers the rest with numpy."""
        import numpy as np

        self._check()
        memo = self._memo()
        rows = memo.word_rows(self, table.words)
        token_general = memo.word_general[rows]
        named = memo.word_name[rows] | self._given_names(table, memo, rows)
        fragment_of = memo.word_fragment[rows]
        modifier = memo.word_modifier[rows]
        title = memo.word_title[rows]
        opener = memo.word_opener[rows]
        at = memo.term_rows(self, table.terms)
        unseen = memo.term_unseen[at]
        domain = memo.term_domain[at]
        g = np.zeros(len(table.terms))
        broken = np.zeros(len(table.terms), dtype=bool)
        ends = np.zeros((2, len(table.terms)), dtype=np.int32)  # each term's first, last word
        for n, (ids, first) in enumerate(table.splits, start=1):
            parts = [table.token[first + j] for j in range(n)]
            ends[0, ids], ends[1, ids] = parts[0], parts[-1]
            # A phrase's general IDF is that of its rarest word.
            g[ids] = np.max([token_general[w] for w in parts], axis=0)
            broken[ids] = np.any([fragment_of[w] | named[w] for w in parts], axis=0)
            if n > 1:
                # A phrase that ends in a word modifying what follows has lost its head
                # (维权服务基本 of 维权服务基本职责: resources/phrase_ends.toml).
                broken[ids] |= modifier[parts[-1]]
                # One that ends in a person's title names who spoke, not what about
                # (桃园市产业总工会秘书 of a speaker's label: resources/phrase_ends.toml).
                broken[ids] |= title[parts[-1]]
                # One that opens with a verb handing a thing on is that verb and its
                # recipient (交由文大校方).
                broken[ids] |= opener[parts[0]]
        # A term the domain corpus never saw backs off to the general IDF alone (its domain
        # IDF would be the maximum: every typo and name would win) and must recur.
        idf = np.where(unseen, g / self.general_max_, self._blend(domain, g))
        single = np.asarray(table.length) == 1
        # A single word common in Chinese at large (休息, 突破, 协调, 考核) says how a text
        # is written, not what it is about.
        broken |= memo.term_never[at] | (single & (g < _COMMON_IDF))
        always = single | memo.term_phrase[at]
        place = memo.term_place[at]
        classes = memo.word_class[rows]
        return Scorer(table, idf, always, broken, unseen, place,
                      _Static(memo, at, domain, unseen, place, classes[ends]), self.prior_,
                      np.isin(classes, _HEAD_CLASSES) & ~(fragment_of | named | modifier | title))

    def _memo(self) -> _Vocabulary:
        """The remembered facts of words and of terms, for this fit (emptied when the
        model is refitted, and when they grow past a bound)."""
        key = (id(self.idf_), id(self.phrases_), id(self.prior_))
        memo = self.__dict__.get("_memo_state")
        if memo is None or memo.key != key or memo.size > _MEMO_MAX:
            memo = _Vocabulary(key)
            self.__dict__["_memo_state"] = memo
        assert isinstance(memo, _Vocabulary)
        return memo

    def _given_names(self, table: TermTable, memo: _Vocabulary, rows: Any) -> Any:
        """Words that are the given name of a person the segmenter split after the surname
        (郑|明远): one or two characters the domain corpus has at most once, found mostly
        right after a one-character surname."""
        import numpy as np

        surnames = memo.word_surname[rows]
        after = np.zeros(len(table.token), dtype=bool)
        after[1:] = surnames[table.token[:-1]]
        total = np.bincount(table.token, minlength=len(table.words))
        behind = np.bincount(table.token[after], minlength=len(table.words))
        return memo.word_short_rare[rows] & (behind > 0) & (2 * behind >= total)

    def extract(self, token_docs: Iterable[Sequence[str]], top_k: int = 10) -> list[Keyword]:
        """The ``top_k`` keywords of a text given as segmented pieces (paragraphs), best first
        (fewer where the rest weigh next to nothing: :func:`worth_saying`)."""
        table = TermTable(list(token_docs))
        return worth_saying(self.scorer(table).rank(0, table.n_docs, top_k))
