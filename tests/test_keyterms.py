"""Keywords: distinctive terms of the text, not the vocabulary every union report shares."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import unionnlp
from unionnlp.errors import ModelError
from unionnlp.keyterms import KeywordExtractor, candidates, content_runs, is_fragment
from unionnlp.model import Report
from unionnlp.pipeline import default_keywords
from unionnlp.resources import phrase_ends, stopwords

GENERIC = {"工会", "职工", "工作", "开展", "企业", "服务", "组织", "活动"}


@pytest.fixture(scope="module")
def seed_report(seed_text: str) -> Report:
    return unionnlp.analyze(seed_text, source="seed")


def test_candidates_are_content_words_and_phrases() -> None:
    tokens = ["九龙坡区", "总工会", "推行", "工会干部", "职业化", "，", "共", "建", "3209", "个", "的"]
    got = candidates(tokens)
    assert "工会干部职业化" in got and "推行工会干部职业化" in got
    assert not any(re.search(r"\d", t) for t in got)
    assert all(len(t) >= 2 for t in got)
    assert content_runs(["的", "帮扶", "资金", "，", "慰问"]) == [["帮扶", "资金"], ["慰问"]]


def test_generic_union_words_rank_low(seed_report: Report) -> None:
    for keywords in [seed_report.keywords, *(a.keywords for a in seed_report.articles)]:
        terms = [k.term for k in keywords]
        assert len(terms) == 10
        assert not GENERIC & set(terms[:5]), terms


def test_keywords_say_what_is_distinctive(seed_report: Report) -> None:
    def terms(i: int) -> str:
        return " ".join(k.term for k in seed_report.articles[i].keywords)

    assert "渝北" in terms(0)
    assert "九龙坡" in terms(2) and "职业化" in terms(2)
    assert "北碚" in terms(3)
    assert any(len(k.term) >= 5 for a in seed_report.articles for k in a.keywords)


def test_keywords_are_clean(seed_report: Report) -> None:
    stop = stopwords()
    every = [k for a in seed_report.articles for s in a.sections for k in s.keywords]
    every += list(seed_report.keywords)
    assert every
    for k in every:
        assert len(k.term) >= 2 and k.term not in stop
        assert not re.search(r"\d", k.term)
        assert re.search(r"[\u4e00-\u9fff]", k.term)
        assert 0 < k.weight <= 1
    weights = [k.weight for k in seed_report.keywords]
    assert weights == sorted(weights, reverse=True)


def test_no_keyword_contains_another(seed_report: Report) -> None:
    terms = [k.term for k in seed_report.keywords]
    assert not [(a, b) for a in terms for b in terms if a != b and a in b]


def test_keywords_function_works_on_any_string() -> None:
    text = ("市总工会为货车司机建设“司机之家”三十个，开展货车司机入会集中行动。\n"
            "货车司机入会人数突破两万人，司机之家提供休息、淋浴和法律咨询服务。")
    got = [k.term for k in unionnlp.keywords(text, top_k=5)]
    assert 1 <= len(got) <= 5
    assert any("货车司机" in t for t in got)
    # Counts, the body named without its place and words common in any Chinese text
    # (休息, 突破, 人数) are never keywords, however few terms are left.
    assert not any(t in ("三十个", "两万人", "市总工会", "休息", "突破", "人数") for t in got)
    assert unionnlp.keywords("", top_k=5) == []


def test_unfitted_extractor_raises() -> None:
    with pytest.raises(ModelError):
        KeywordExtractor().extract([["工会"]])


def test_domain_idf_is_learned_from_the_corpus() -> None:
    extractor = default_keywords()
    assert extractor.idf("职工") < extractor.idf("渝北")
    assert extractor.idf("工会") < extractor.idf("白内障")


def _paragraph_tokens(text: str) -> list[list[str]]:
    from unionnlp.segment import cut_for_analysis

    return [cut_for_analysis(line) for line in text.splitlines() if line.strip()]


def test_term_table_counts_what_candidates_lists(seed_text: str) -> None:
    from collections import Counter

    from unionnlp.keyterms import TermTable

    docs = _paragraph_tokens(seed_text)
    table = TermTable(docs)
    for start, stop in [(0, len(docs)), (0, 1), (3, 9), (len(docs) - 2, len(docs))]:
        expected = Counter(t for doc in docs[start:stop] for t in candidates(doc))
        terms, counts = table.counts(start, stop)
        got = {table.terms[t]: c for t, c in zip(terms.tolist(), counts.tolist(), strict=True)}
        assert got == dict(expected)


def test_a_terms_weight_does_not_depend_on_earlier_texts(seed_text: str) -> None:
    # 工会干部 is one word in one text and two in another: each text weighs it by its own split.
    docs = _paragraph_tokens(seed_text)
    one_word = [["工会干部", "培训", "工会干部"]]
    fresh = KeywordExtractor().fit(docs).extract(one_word, top_k=3)
    used = KeywordExtractor().fit(docs)
    used.extract([["工会", "干部", "培训", "工会", "干部"]], top_k=3)
    assert used.extract(one_word, top_k=3) == fresh


def test_segmentation_fragments_are_not_keywords() -> None:
    # jieba cuts 对|患 as 对患 and 十堰是因|车 as 因车: neither may be a keyword or part of one.
    text = ("市总工会开展职工医疗互助，对患重大疾病的困难职工发放救助金。\n"
            "对患大病职工开展入户慰问，对患重病职工子女给予助学补助。\n"
            "十堰因车而建、因车而兴，汽车产业工人占全市职工三成。")
    terms = [k.term for k in unionnlp.keywords(text, top_k=10)]
    assert terms and not [t for t in terms if "对患" in t or "因车" in t], terms
    assert is_fragment("对患") and not is_fragment("帮扶") and not is_fragment("赋能")


def test_informal_names_are_not_keywords() -> None:
    text = ("老王在车间里带徒弟小张，手把手教他维修数控机床。\n"
            "老王说，小张肯钻研，半年就能独立排除数控机床故障。")
    terms = [k.term for k in unionnlp.keywords(text, top_k=6)]
    assert "老王" not in terms and "小张" not in terms and "数控机床" in terms


def test_counted_amounts_and_placeholders_are_not_keywords() -> None:
    text = ("XX公司工会在XX园区设立劳资纠纷调解室。\n"
            "全年处理劳资纠纷一百五十六宗，涉及金额一千二百萬港元，调解成功率百分之七十八。")
    terms = [k.term for k in unionnlp.keywords(text, top_k=8)]
    assert "劳资纠纷" in terms
    assert not [t for t in terms if t.startswith("XX") or "宗" in t or "百分之" in t or "港元" in t]


def test_general_idf_is_jiebas_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The coded table gives every word of jieba's idf.txt its value, and the median to a
    word jieba does not know; read back from the cache, it is the same."""
    import random
    from importlib.resources import files

    import numpy as np

    from unionnlp import cache
    from unionnlp.keyterms import general_idf

    text = files("jieba").joinpath("analyse/idf.txt").read_text(encoding="utf-8")
    table = {w: float(v) for w, _, v in (line.partition(" ") for line in text.splitlines()) if v}
    words = random.Random(0).sample(sorted(table), 3000)
    words += [*[w for w in table if len(w) > 4][:50], "不存在的词语甲乙", "𠀀", "工", ""]
    monkeypatch.setenv("UNIONNLP_CACHE", str(tmp_path))
    for _ in range(2):  # parsed, then from the cache
        cache.cache_dir.cache_clear()
        general_idf.cache_clear()
        general = general_idf()
        median = float(np.sort(np.array(list(table.values())))[len(table) // 2])
        expected = [table.get(w, median) for w in words]
        assert general.lookup(words).tolist() == expected
        assert general.max == max(table.values()) and general.median == median
        assert ("工会" in general) == ("工会" in table) and "不存在的词语甲乙" not in general
    assert list(tmp_path.glob("general-idf-*.npz"))
    cache.cache_dir.cache_clear()
    general_idf.cache_clear()


def test_names_captions_and_furniture_are_never_keywords() -> None:
    text = ("区总工会主席郑明远带队走访困难职工。郑明远表示，要把金秋助学办好。\n"
            "图为郑明远（右一）向困难职工子女发放助学金。责任编辑：孙丽\n"
            "区总工会今年金秋助学资助困难职工子女三百名，发放助学金九十万元。\n")
    terms = [k.term for k in unionnlp.keywords(text, top_k=10)]
    assert "金秋助学" in terms
    assert not {"郑明远", "右一", "责任编辑", "孙丽", "工会"} & set(terms)


def test_at_most_two_place_names() -> None:
    text = "\n".join(f"{place}总工会在{place}开展帮扶，{place}困难职工受益。"
                     for place in ("清溪县", "杨浦区", "花园村", "北碚区", "柳树镇"))
    places = [k.term for k in unionnlp.keywords(text, top_k=10)
              if k.term[-1] in "省市县区镇乡村"]
    assert len(places) <= 2


def test_a_reports_own_scope_is_never_a_keyword() -> None:
    """全镇 and 辖区 say where, as 全市 and 全县 do (a town union's report, as in the twins)."""
    text = ("全镇新建基层工会12家，全镇职工入会率达到92%。镇工会在辖区内开展金秋助学，"
            "资助全镇困难职工子女30名。辖区企业普遍签订工资集体协商合同，全镇职工权益得到保障。\n")
    terms = [k.term for k in unionnlp.keywords(text, top_k=10)]
    assert "金秋助学" in terms
    assert not {"全镇", "辖区"} & set(terms)


def test_the_longer_phrase_wins_when_it_holds_the_words_occurrences() -> None:
    text = ("区总工会发布年度实事清单，实事清单共十项。\n实事清单明确了帮扶、维权和培训任务。\n"
            "各街道工会对照实事清单逐项推进。\n")
    terms = [k.term for k in unionnlp.keywords(text, top_k=5)]
    assert "实事清单" in terms and "清单" not in terms


def test_a_word_the_corpus_never_saw_needs_two_occurrences() -> None:
    from unionnlp.pipeline import default_keywords

    assert "望远镜" not in default_keywords().idf_
    once = "区总工会开展帮扶困难职工活动，发放慰问金，为职工子女送上望远镜。"
    twice = once + "\n区总工会再次开展帮扶困难职工活动，望远镜深受欢迎。"
    assert "望远镜" not in [k.term for k in unionnlp.keywords(once)]
    assert "望远镜" in [k.term for k in unionnlp.keywords(twice)]


def test_a_paragraph_printed_twice_counts_once() -> None:
    once = "区总工会开展帮扶困难职工活动，发放慰问金，为职工子女送上望远镜。"
    twice = "\n".join([once, once])
    # The word recurs only because the page printed its paragraph again: still once.
    assert "望远镜" not in [k.term for k in unionnlp.keywords(twice)]
    report = "区总工会举办职工技能大赛，评选技术能手三十名。\n" + once + "\n" + once + "\n"
    assert unionnlp.keywords(report) == unionnlp.keywords(report.replace(once + "\n", "", 1))


def test_term_table_numbers_shorter_splits_first(seed_text: str) -> None:
    """Terms are numbered by the length of their shortest split: words, then pairs, then
    longer phrases (the theme features read the prefix of words and pairs alone)."""
    from unionnlp.keyterms import TermTable

    table = TermTable(_paragraph_tokens(seed_text))
    assert table.length == sorted(table.length)
    for n, (ids, _) in enumerate(table.splits, start=1):
        assert all(table.length[i] == n for i in ids.tolist())


def test_idioms_pronouns_and_slogans_are_never_keywords() -> None:
    # How a report says things (哪里, 由此, 内部) and the slogans every report carries are
    # never what it is about, however often they recur here.
    text = ("县总工会深入学习贯彻党的二十大精神，以习近平新时代中国特色社会主义思想为指导。\n"
            "县总工会由此开展金秋助学，内部挖潜，哪里有困难职工哪里就有金秋助学，由此惠及内部职工。\n"
            "全年金秋助学资助困难职工子女三百名，发放助学金九十万元；二十大精神宣讲进企业十二场。\n")
    terms = [k.term for k in unionnlp.keywords(text, top_k=10)]
    assert "金秋助学" in terms
    assert not {"由此", "内部", "哪里"} & set(terms), terms
    assert not [t for t in terms if re.search("二十大|社会主义|习近平|中国特色", t)], terms


def test_the_function_words_come_from_jiebas_dictionary_tags() -> None:
    from unionnlp.keyterms import _function_words

    words = _function_words()
    assert {"哪里", "内部", "如此", "依照"} <= words  # r, f, c, p
    assert not {"送温暖", "帮扶", "维权", "劳资纠纷", "拖欠工资", "困难职工", "一线"} & words


def test_idioms_and_set_phrases_are_keywords_only_as_evidence_of_a_theme() -> None:
    # A speech's four-character praise (勤学苦练, 你追我赶, 蔚然成风) says how, not what,
    # however often it recurs; a set phrase the theme model reads as evidence (拖欠工资)
    # names the report's subject and stays a candidate. Which set phrases are evidence is
    # learned (a retrained model may weigh 广大职工 among its top words), so it is read here.
    from unionnlp.pipeline import default_keywords

    evidence = default_keywords().evidence_
    text = ("县总工会干部勤学苦练，深入工地为农民工追讨拖欠工资。\n"
            "广大职工参与热情高涨，劳动竞赛你追我赶，勤学苦练蔚然成风。\n"
            "全年帮助412名农民工追回拖欠工资580万元，勤学苦练的干部受到广大职工好评，你追我赶。\n")
    terms = [k.term for k in unionnlp.keywords(text, top_k=10)]
    assert "拖欠工资" in evidence and "拖欠工资" in terms
    praise = {"勤学苦练", "你追我赶", "广大职工", "蔚然成风"} - evidence
    assert {"勤学苦练", "你追我赶", "蔚然成风"} <= praise
    assert not praise & set(terms), terms


def test_set_phrases_come_from_jiebas_tags_less_the_domains_words() -> None:
    from unionnlp.keyterms import _set_phrases

    assert {"勤学苦练", "落到实处", "广大职工"} <= _set_phrases()  # i, l
    words = default_keywords().set_phrases
    assert not {"困难职工", "拖欠工资", "技术创新"} & words  # domain dictionary, theme evidence


def test_threads_analysing_at_once_get_what_one_thread_gets() -> None:
    # A Dask worker runs several files at once in threads, all sharing the extractor's
    # remembered facts of words and terms, which grow as new words come.
    from concurrent.futures import ThreadPoolExecutor

    from unionnlp.twins import load_twins

    texts = [t.text for t in load_twins("train")[:48]]
    extractor = default_keywords()
    extractor.__dict__.pop("_memo_state", None)
    alone = [[(k.term, k.weight) for k in unionnlp.analyze(t).keywords] for t in texts]
    for _ in range(3):
        extractor.__dict__.pop("_memo_state", None)  # every thread adds words at once
        with ThreadPoolExecutor(4) as pool:
            together = list(pool.map(
                lambda t: [(k.term, k.weight) for k in unionnlp.analyze(t).keywords], texts))
        assert together == alone


GLOSSED = (
    "市總工會(huì)關愛農(nóng)民工\n\n"
    "座談會(huì)上,3位農(nóng)民工代表講述了欠薪追討的經歷。市總工會(huì)為農(nóng)民工"
    "開通維權熱線,幫助農(nóng)民工追回工資。\n\n"
    "今年,市總工會(huì)還組織農(nóng)民工參加技能培訓(xùn),提升就業(yè)能力。\n"
)


def test_pinyin_glosses_leave_the_words_they_split_whole() -> None:
    """A mirror glossing characters with pinyin (as the mojibake twins): 農(nóng)民工 is
    read as 农民工, never as 民工 or 位農, and the keyword comes back as written."""
    from unionnlp.normalize import blank_glosses, drop_glosses

    view = blank_glosses("3位農(nóng)民工代表,追回工資(zī)。")
    assert view == "3位農民工代表      ,追回工資    。"  # same length, clauses in place

    unglossed = drop_glosses(GLOSSED)
    assert "(" not in unglossed.text and "農民工代表" in unglossed.text
    assert all(GLOSSED[unglossed.source(i)] == c for i, c in enumerate(unglossed.text))

    report = unionnlp.analyze(GLOSSED)
    terms = [k.term for k in report.keywords]
    assert "農民工" in terms
    assert not {"民工", "位農", "農"} & set(terms)
    # Summary sentences are given as written, without the glosses (a reader's summary).
    assert report.summary and all(s in unglossed.text for s in report.summary)
    assert not any("(" in s for s in report.summary)


def test_two_windows_of_one_run_of_words_are_not_both_keywords() -> None:
    """A long name a page repeats (as a mining union's page repeats its title) gives
    overlapping phrases of the same run: one of them is kept, not every window of it."""
    from unionnlp.keyterms import _overlapped

    assert _overlapped("当地城镇居民最低", "城镇居民最低生活") == ["当地城镇居民最低生活"]
    assert _overlapped("工会", "职工") == []
    title = "冀中能源峰峰集团大社矿风井区工会春节慰问走深走实"
    text = (f"{title}\n\n{title}\n\n春节前夕，{title}，矿工会为困难职工送去米面油和慰问金，"
            "走访慰问困难职工家庭三十二户，把组织的温暖送到职工心坎上。"
            f"\n\n矿工会表示，{title}，让困难职工过一个祥和的春节。\n")
    terms = [k.term for k in unionnlp.analyze(text).keywords]
    for i, later in enumerate(terms):
        for earlier in terms[:i]:
            assert not any(text.count(w) >= text.count(later) for w in _overlapped(earlier, later)), (
                earlier, later, terms)


def test_the_prior_prefers_what_a_report_comes_back_to(seed_text: str) -> None:
    """The learned prior (fitted on blind judgments of the train twins' keywords) weighs
    each candidate by how likely judges find such a term a keyword: on the real page,
    terms it names three times or more are likelier than terms it names once, and the
    ranking moves with it."""
    from unionnlp.pipeline import default_keywords, report_scorer

    extractor = default_keywords()
    assert extractor.prior_ is not None
    scorer, count = report_scorer(seed_text, extractor)
    terms, counts, scores = scorer.candidates(0, count)
    chance = extractor.prior_.probability(scorer.features(terms, counts, scores))
    assert ((chance > 0) & (chance < 1)).all()
    assert chance[counts >= 3].mean() > chance[counts == 1].mean() + 0.1
    with_prior = [k.term for k in scorer.rank(0, count, 10)]
    scorer.prior = None
    assert [k.term for k in scorer.rank(0, count, 10)] != with_prior


def test_the_prior_reads_what_kind_of_word_ends_a_term(seed_text: str) -> None:
    """The prior reads the part of speech of a term's first and last words (jieba's
    dictionary, then the domain dictionary's): on the real page, of the terms it names
    once, those ending in a verb (表彰, 承办) are likelier junk than those ending in a noun."""
    from unionnlp.keyterms import PRIOR_FEATURES, WORD_CLASSES, word_classes
    from unionnlp.pipeline import report_scorer

    kinds = dict(zip(["困难职工", "表彰", "帮扶", "充分", "郑明远"], word_classes(
        ["困难职工", "表彰", "帮扶", "充分", "郑明远"]).tolist(), strict=True))
    assert kinds["困难职工"] == WORD_CLASSES.index("n")  # the domain dictionary's noun
    assert kinds["表彰"] == kinds["帮扶"] == WORD_CLASSES.index("v")
    assert kinds["充分"] == WORD_CLASSES.index("a")
    assert kinds["郑明远"] == len(WORD_CLASSES) + 1  # no dictionary holds a person's name

    extractor = default_keywords()
    assert extractor.prior_ is not None
    scorer, count = report_scorer(seed_text, extractor)
    terms, counts, scores = scorer.candidates(0, count)
    rows = scorer.features(terms, counts, scores)
    chance = extractor.prior_.probability(rows)
    once = counts == 1
    verb = once & (rows[:, PRIOR_FEATURES.index("last_v")] == 1)
    noun = once & (rows[:, PRIOR_FEATURES.index("last_n")] == 1)
    assert verb.sum() >= 10 and noun.sum() >= 10
    assert chance[verb].mean() < chance[noun].mean() - 0.1


def test_the_prior_reads_the_judges_record_of_a_term(seed_text: str) -> None:
    """A generic word that judges found junk in the top 10 of many train twins (职工群众) is
    held back on the real page, where it is a candidate, while terms they found keywords
    (困难职工) keep their chance; a twin's own verdicts are taken out of the record it is
    trained with."""
    import numpy as np

    from unionnlp.keyterms import JudgedTerms
    from unionnlp.pipeline import report_scorer

    extractor = default_keywords()
    assert extractor.prior_ is not None and extractor.prior_.judged is not None
    record = extractor.prior_.judged
    twins, junk, keyword = record.counts[record.index["职工群众"]].tolist()
    assert twins >= 5 and junk == twins and keyword == 0
    scorer, count = report_scorer(seed_text, extractor)
    terms, counts, scores = scorer.candidates(0, count)
    names = [scorer.table.terms[t] for t in terms.tolist()]
    empty = JudgedTerms({}, record.counts[:0], record.junk_rate, record.keyword_rate)
    with_record = extractor.prior_.probability(scorer.features(terms, counts, scores))
    without = extractor.prior_.probability(scorer.features(terms, counts, scores, judged=empty))
    generic, aid = names.index("职工群众"), names.index("困难职工")
    assert with_record[generic] < 0.1 and 2 * with_record[generic] < without[generic]
    assert with_record[aid] > 0.9
    assert "职工群众" not in [k.term for k in scorer.rank(0, count, 10)]

    less = record.without({"职工群众": (True, False)})
    assert less.counts[record.index["职工群众"]].tolist() == [twins - 1, junk - 1, 0]
    assert np.array_equal(record.counts[record.index["困难职工"]],
                          less.counts[record.index["困难职工"]])


def test_the_prior_reads_the_characters_of_terms_no_judge_saw() -> None:
    """Terms no train twin's judges saw are read by their characters: a clause cut at a verb
    or an adverb's phrase leans away from a keyword and towards junk (more than any named
    scheme or kind of worker, which leans to a keyword)."""
    prior = default_keywords().prior_
    assert prior is not None and prior.judged is not None and prior.shapes is not None
    cut = ["镇总工会组织", "广大会员积极", "切实抓好", "仔细察看"]
    named = ["职工大病互助保障", "职工互助保险", "环卫工人爱心驿站", "农民工讨薪"]
    assert not any(t in prior.judged.index for t in cut + named)
    keyword, junk = prior.shapes.logits(cut + named).T
    assert keyword[:4].max() < 0 < keyword[4:].min()
    assert junk[4:].max() < junk[:4].min() and junk[4:].max() < 0 < junk[:4].mean()


def test_training_reads_a_twins_terms_with_characters_learned_without_it() -> None:
    """The shape model a twin's terms are read with in training never saw that twin's
    verdicts: grams only its fold's terms hold are unknown to it."""
    from unionnlp.keyterms import _shape_grams, shapes_apart
    from unionnlp.pipeline import read_keyword_judgments

    path = Path(__file__).resolve().parent.parent / "benchmarks/data/keywords_train_judged.jsonl"
    by_doc: dict[str, dict[str, tuple[bool, bool]]] = {}
    for (doc, term), (score, junk) in read_keyword_judgments(path).items():
        by_doc.setdefault(doc, {})[term] = (junk, score >= 1)
    by_doc = {doc: by_doc[doc] for doc in sorted(by_doc)[:25]}
    apart = shapes_apart(by_doc)
    for doc, model in apart.items():
        learned = {g for other, m in apart.items() if m is not model
                   for t in by_doc[other] for g in _shape_grams(t)}
        own = {g for t in by_doc[doc] for g in _shape_grams(t)}
        assert set(model.grams) == learned and own - learned


@given(st.lists(st.text(min_size=0, max_size=6), max_size=30))
def test_word_codes_in_bulk_are_the_codes_of_each_word(words: list[str]) -> None:
    """The dictionaries' code tables are built and searched with codes made in bulk: the
    same as one word's code, for any text (astral characters, NUL, surrogates, lengths)."""
    import numpy as np

    from unionnlp.keyterms import _short_code, _short_codes

    assert np.array_equal(_short_codes(words),
                          np.array([_short_code(w) for w in words], dtype=np.uint64))


def test_an_extractor_without_a_document_reads_its_terms_as_a_new_reports(seed_text: str) -> None:
    """Training reads a corpus document with the IDF of the others: its terms come out as a
    refit without it has them, a term only it has unseen, and the fitted extractor is left
    as it was."""
    from unionnlp.segment import cut_for_analysis

    docs = [cut_for_analysis(line) for line in seed_text.splitlines() if len(line.strip()) > 60]
    full = KeywordExtractor().fit(docs)
    before = dict(full.idf_)
    phrases_lost = 0
    for k in range(len(docs)):
        less = full.without(docs[k])
        refit = KeywordExtractor().fit(docs[:k] + docs[k + 1:])
        own = set(candidates(docs[k]))
        assert own - refit.idf_.keys(), "a term only this paragraph has"
        for term in own:
            assert (term in less.idf_) == (term in refit.idf_), term
            if term in refit.idf_:  # one document fewer moves the IDF by ln(n / (n - 1))
                assert abs(less.idf_[term] - refit.idf_[term]) < 0.02, term
        assert refit.phrases_ <= less.phrases_ <= full.phrases_
        phrases_lost += len(full.phrases_ - less.phrases_)
    assert phrases_lost > 0
    assert full.idf_ == before


def test_a_flag_training_almost_never_sets_cannot_outweigh_the_rest() -> None:
    # One candidate in two thousand carries a rare flag, and it happens to be junk. The
    # flag is no evidence to weigh a new report's candidates by a factor of thousands.
    import numpy as np

    from unionnlp.keyterms import fit_prior

    rng = np.random.default_rng(0)
    n = 4000
    useful = rng.normal(size=n)
    good = (useful + rng.normal(scale=0.5, size=n)) > 0
    rare = np.zeros(n)
    rare[np.flatnonzero(~good)[:2]] = 1.0
    prior = fit_prior(np.column_stack([useful, rare]), good)
    with_flag, without = prior.probability(np.array([[1.0, 1.0], [1.0, 0.0]]))
    # Standardised by its own tiny spread, the flag alone took a sure keyword to 0.10.
    assert without > 0.95 and with_flag > 0.25


def test_a_keyword_list_is_not_padded_with_terms_rated_near_zero() -> None:
    """A short text has a few keywords worth saying: the rest of the ten, which the model
    rates under a hundredth of the best (junk to judges), are left out, in keywords() and
    in a report alike."""
    import unionnlp
    from unionnlp.keyterms import KEPT_SHARE

    text = ("香港工會聯合會今年協助會員追討欠薪，為僱員爭取強積金權益，並舉辦職業安全講座。"
            "工聯會屬會舉辦飲食業技能培訓班。")
    for found in (unionnlp.keywords(text), list(unionnlp.analyze(text).keywords)):
        assert 0 < len(found) < 10
        assert all(k.weight >= KEPT_SHARE * found[0].weight for k in found)
    assert {"追討欠薪", "工聯會屬會"} <= {k.term for k in unionnlp.keywords(text)[:3]}


def test_a_gloss_printed_with_a_space_before_its_bracket_is_a_gloss() -> None:
    # Converted pages print 會(huì ): the space is the converter's, the gloss is one all the same.
    from unionnlp.normalize import drop_glosses

    text = ("全國工會(huì )驛站已達18.61萬(wàn)個，服務(wù)職工群眾。\n\n"
            "民樂(lè )縣總工會(huì )為戶外勞動者送清涼。\n")
    unglossed = drop_glosses(text)
    assert unglossed.text == "全國工會驛站已達18.61萬個，服務職工群眾。\n\n民樂縣總工會為戶外勞動者送清涼。\n"
    report = unionnlp.analyze(text)
    assert report.summary and not any("(" in s for s in report.summary)


#: A county federation's year-end page as users paste it: a site's menu, date stamp and
#: pager around the text, ASCII commas and colons, lines hard-wrapped mid-word.
_DUTY_PAGE = """首页 > 工作动态 > 基层风采
沂水县总工会2023年工作总结
发布时间:2023-12-28  来源:县总工会  浏览次数:326
一年来,县总工会突出维权服务基本职责,坚持把维护机关干部职工权益作为工会工作的重
点,全年走访机关单位36家,帮助解决实际困难51件。
一、突出维权服务基本职责,维护机关干部职工权益
县总工会围绕维权服务基本职责,推行机关干部职工权益保障清单,建立困难职工
档案128份。各基层工会落实维权服务基本职责,召开职代会审议集体合同,依法维
护机关干部职工权益,全年办理法律援助案件17件。
二、实施产业工人队伍建设工程
县总工会实施产业工人队伍建设工程,举办技能竞赛9场,评选县级技术能手40名。
产业工人队伍建设工程纳入全县人才规划,建成劳模创新工作室6个,职工书屋12家。
上一篇:县总工会召开全委会议  下一篇:县总工会开展安全生产月活动
"""


def _every_keyword(report: Report) -> list[str]:
    return [k.term for k in report.keywords] + [
        k.term for a in report.articles
        for part in (a, *a.sections) for k in part.keywords]


@pytest.mark.parametrize("phrase,fragment", phrase_ends().examples)
def test_a_phrase_never_ends_in_a_word_that_modifies_what_follows(phrase: str,
                                                                  fragment: str) -> None:
    """Each example of ``resources/phrase_ends.toml``: the phrase cut before the head its
    last word modifies is no candidate, however often the text says it."""
    from unionnlp.pipeline import report_scorer

    assert any(fragment.endswith(w) for w in phrase_ends().modifiers), fragment
    text = (f"来源:区总工会  时间:2024-03-05\n区总工会今年{phrase},走访企业42家,"
            f"帮助职工解决困难\n问题63个。各街道工会同样{phrase},{phrase}被写进年度考核。\n")
    scorer, count = report_scorer(text, default_keywords())
    names = {scorer.table.terms[t] for t in scorer.candidates(0, count)[0].tolist()}
    assert fragment not in names
    assert not [t for t in names if t.endswith(fragment)], names


@pytest.mark.parametrize("label,body", phrase_ends().title_examples)
def test_a_phrase_never_ends_in_a_persons_title(label: str, body: str) -> None:
    """Each title example of ``resources/phrase_ends.toml``: a speaker's label (an
    organisation run on into the title of whoever speaks for it) is no candidate, nor any
    phrase ending in it, however often the page prints it; the organisation is."""
    from unionnlp.pipeline import report_scorer

    assert any(label.endswith(w) for w in phrase_ends().titles), label
    text = (f"首页 > 工会新闻 > 正文\n记者 刘晓 报道\n{label}刘某也提到,许多职工今年加班超过"
            f"60小时,\n希望立法机关尽快修法。\n{label} 刘某:「加班费必须按时足额发放,"
            f"这是底线。」\n{body}将继续追踪此案,并协助职工申请劳动调解。\n")
    scorer, count = report_scorer(text, default_keywords())
    names = {scorer.table.terms[t] for t in scorer.candidates(0, count)[0].tolist()}
    titles = phrase_ends().titles
    assert not [t for t in names if t not in titles and any(t.endswith(w) for w in titles)], names
    terms = [k.term for k in scorer.rank(0, count, 10)]
    assert not [t for t in terms if t.endswith(label)], terms


@pytest.mark.parametrize("sentence,phrase", phrase_ends().opener_examples)
def test_a_phrase_never_opens_with_a_verb_handing_a_thing_on(sentence: str,
                                                              phrase: str) -> None:
    """Each opener example of ``resources/phrase_ends.toml``: the verb and the recipient it
    hands a thing on to is no candidate, however often a page repeats the sentence."""
    from unionnlp.pipeline import report_scorer

    assert any(phrase.startswith(w) for w in phrase_ends().openers), phrase
    text = (f"首頁 > 勞工新聞\n記者 張明 報導\n十餘名員工上午到場陳情,最後{sentence}。\n"
            f"員工表示,資方拒絕出面,只能{sentence},之後將再次陳情。\n")
    scorer, count = report_scorer(text, default_keywords())
    names = {scorer.table.terms[t] for t in scorer.candidates(0, count)[0].tolist()}
    openers = phrase_ends().openers
    assert not [t for t in names if t not in openers and any(t.startswith(w) for w in openers)
                ], names


def test_a_phrase_does_not_grow_on_to_the_title_after_it() -> None:
    # Found by users: 桃園市產工總會秘書 (a union's name run on into its secretary's title,
    # printed before her name twice) among a page's keywords, in the page's own script.
    text = ("首頁 > 最新消息\n記者 陳曉 報導\n"
            "國定假日修法在立法院再度卡關,多個工會到場抗議,要求恢復七天國定假日,降低工時。\n"
            "桃園市產工總會秘書林小美也提到,許多曾經支持增加國定假日的立委,如今已在"
            "行政部門任職。\n"
            "桃園市產工總會秘書 林小美:「當年支持增加國定假日的委員,現在立場是否一樣,"
            "勞工都看在眼裡。」\n"
            "工會表示,將持續推動增加國定假日、降低工時,守護勞工休假權益。\n")
    terms = [k.term for k in unionnlp.analyze(text).keywords]
    assert not [t for t in terms if t.endswith("秘書")], terms


def test_a_phrase_still_running_on_at_the_most_words_is_no_keyword() -> None:
    # Found by users: 职业技能大赛重庆赛区平版印刷, five words of a contest's longer name
    # (its attachment and address print the whole name twice), among a page's keywords.
    name = "第三届全省建筑行业职业技能大赛南京赛区砌筑技能竞赛"
    text = ("当前位置:首页 > 通知公告\n"
            f"关于举办{name}的通知\n各区总工会、各有关单位:\n"
            f"为弘扬工匠精神,市总工会、市住建局决定举办{name},现将有关事项通知如下。\n"
            "一、参赛对象 全市建筑企业从事砌筑工作的一线职工,年龄不超过55周岁。\n"
            "二、奖励办法 获一等奖的选手,由竞赛组委会颁发荣誉证书,并推荐申报技术能手。\n"
            "联系人:王明 电话:025-83456789\n"
            f"附件:{name}报名表\n报名表寄送至:{name}组委会办公室。\n")
    terms = [k.term for k in unionnlp.analyze(text).keywords]
    pieces = [t for t in terms if len(t) > 4 and t in name]
    assert pieces, terms
    # A piece of the name that is a keyword goes on to the name's head, never stops short.
    assert all(t.endswith("竞赛") for t in pieces), terms


def test_keywords_keep_the_head_a_modifier_goes_with() -> None:
    # Found by users: 维权服务基本 (of 维权服务基本职责) among a section's keywords.
    report = unionnlp.analyze(_DUTY_PAGE)
    terms = _every_keyword(report)
    modifiers = phrase_ends().modifiers
    assert "维权服务基本职责" in terms
    assert not [t for t in terms if any(t.endswith(w) and t != w for w in modifiers)], terms


def test_a_phrase_always_followed_by_the_same_noun_goes_on_to_it() -> None:
    # 湖北|职业|技术 recurs only as 湖北职业技术学院 (four words: no candidate of its own).
    text = """当前位置:首页>>基层动态
湖北职业技术学院工会召开第三届教职工代表大会
来源:校工会 作者:宣传部 时间:2023-04-12 点击:1024
4月11日,湖北职业技术学院工会第三届教职工代表大会在学术报告厅召开,132名教代会代
表出席会议。会议听取了湖北职业技术学院工会工作报告和提案工作报告,审议通过了教职工
绩效工资分配办法。
一年来,校工会开展青年教师教学竞赛,组织教职工健步走、羽毛球比赛等文体活动,
为患病教职工申请医疗互助补助11.6万元。湖北职业技术学院工会被评为省级模范职工之家。
责任编辑:李明
"""
    terms = _every_keyword(unionnlp.analyze(text))
    assert "湖北职业技术学院" in terms
    assert "湖北职业技术" not in terms


def test_the_word_after_every_occurrence_of_a_run() -> None:
    from unionnlp.keyterms import TermTable

    table = TermTable([["国网", "微山县", "供电", "公司", "开展", "劳动竞赛"],
                       ["国网", "微山县", "供电", "公司", "职工", "书屋"],
                       ["微山县", "供电", "，", "国网", "微山县"]])
    index = {w: i for i, w in enumerate(table.words)}
    run = [index["国网"], index["微山县"], index["供电"]]
    assert table.next_word(run, 0, 3) == index["公司"]
    assert table.next_word(run, 0, 1) == -1  # said once: nothing to go by
    # 微山县|供电 is followed by 公司 twice and by a comma once: it also stands alone.
    assert table.next_word([index["微山县"], index["供电"]], 0, 3) == -1
    assert table.next_word([index["微山县"], index["供电"]], 0, 2) == index["公司"]


def test_a_terms_own_prior_columns_are_read_once_per_report(
        seed_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A report ranks its sections, articles and itself, many with the same candidates, and
    the same range for more than one list length: what the prior reads of a term alone (its
    IDFs, flags, word classes, judges' record, shape) is gathered once per term, and every
    range's features are those a fresh scorer of the same text reads."""
    import numpy as np

    from unionnlp import keyterms
    from unionnlp.pipeline import report_scorer

    extractor = default_keywords()
    assert extractor.prior_ is not None
    scorer, count = report_scorer(seed_text, extractor)
    assert count >= 20
    ranges = [(0, count), (0, count), (0, count // 2), (count // 2, count), (3, 9), (10, 11)]
    read: list[int] = []
    rows = keyterms._Static.rows

    def counted(static: keyterms._Static, table: keyterms.TermTable, terms: np.ndarray) -> np.ndarray:
        read.extend(terms.tolist())
        return rows(static, table, terms)

    monkeypatch.setattr(keyterms._Static, "rows", counted)
    for k, (start, stop) in enumerate(ranges):
        scorer.rank(start, stop, 10 if k == 0 else 5)
    assert read and len(read) == len(set(read))
    monkeypatch.undo()
    for start, stop in ranges:
        fresh, _ = report_scorer(seed_text, extractor)
        terms, counts, scores = scorer.candidates(start, stop)
        assert np.array_equal(scorer.features(terms, counts, scores),
                              fresh.features(terms, counts, scores))
    # A table of more terms than are kept reads them afresh for every range, alike.
    monkeypatch.setattr(keyterms, "_KEPT_COLUMNS_TERMS", 0)
    large, _ = report_scorer(seed_text, extractor)
    terms, counts, scores = scorer.candidates(3, 9)
    assert np.array_equal(large.features(terms, counts, scores),
                          scorer.features(terms, counts, scores))
    assert large._columns is None


def test_a_range_ranked_twice_in_a_row_is_weighed_once(
        seed_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article that is one section ranks the same paragraphs for its own 10 keywords
    and its section's 5: the candidates are counted and weighed by the prior once, and each
    list is the one a fresh scorer makes."""
    from unionnlp import keyterms
    from unionnlp.pipeline import report_scorer

    extractor = default_keywords()
    scorer, count = report_scorer(seed_text, extractor)
    asked: list[tuple[int, int]] = []
    candidates = keyterms.Scorer.candidates

    def counted(self: keyterms.Scorer, start: int, stop: int) -> tuple:
        asked.append((start, stop))
        return candidates(self, start, stop)

    monkeypatch.setattr(keyterms.Scorer, "candidates", counted)
    lists = [scorer.rank(0, count, 10), scorer.rank(0, count, 5), scorer.rank(2, 8, 5),
             scorer.rank(2, 8, 10)]
    assert asked == [(0, count), (2, 8)]
    monkeypatch.undo()
    for got, (start, stop, k) in zip(lists, [(0, count, 10), (0, count, 5), (2, 8, 5), (2, 8, 10)],
                                     strict=True):
        assert got == report_scorer(seed_text, extractor)[0].rank(start, stop, k)
