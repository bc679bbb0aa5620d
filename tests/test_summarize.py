"""Extractive summaries: whole sentences, in order, never headings or fragments."""

from __future__ import annotations

import re

import pytest

import unionnlp
from unionnlp.pipeline import default_keywords
from unionnlp.segment import cut_for_analysis
from unionnlp.summarize import split_sentences, summarize


def test_split_sentences_keeps_quotes_and_attributions() -> None:
    text = "“竭力为职工办实事！”区总工会负责人介绍说，帮扶是品牌项目。第二句在这里。"
    assert split_sentences(text) == [
        "“竭力为职工办实事！”区总工会负责人介绍说，帮扶是品牌项目。", "第二句在这里。"]


def test_report_summary_is_whole_sentences_in_order(seed_text: str) -> None:
    report = unionnlp.analyze(seed_text)
    headings = {s.heading for a in report.articles for s in a.sections if s.heading}
    titles = {a.title for a in report.articles}
    positions = []
    body = "\n".join(p.text for p in report.paragraphs)
    assert len(report.summary) == 3
    for sentence in report.summary:
        assert sentence not in headings and sentence not in titles
        assert sentence.rstrip("”")[-1] in "。！？"
        assert sentence[0] not in "，、；：”"
        positions.append(body.index(sentence))
    assert positions == sorted(positions)
    for article in report.articles:
        assert 1 <= len(article.summary) <= 2
        text = "".join(p.text for p in article.paragraphs)
        assert all(s in text for s in article.summary)


def test_summary_is_not_redundant() -> None:
    paragraphs = [
        "市总工会今年为困难职工发放帮扶资金三百万元。",
        "市总工会今年为困难职工发放帮扶资金三百万元，惠及两千户家庭。",
        "各级工会组织开展技能比武四十场，参赛职工八千人次。",
        "法律援助中心为农民工追回欠薪一百二十万元。",
    ]

    picked = summarize(paragraphs, cut_for_analysis, default_keywords().idf, k=2)
    assert len(picked) == 2
    assert not (picked[0].startswith("市总工会今年") and picked[1].startswith("市总工会今年"))


def test_a_page_that_repeats_a_block_says_its_sentence_once() -> None:
    """News pages repeat their own lead block; the summary holds each sentence once, even
    where it then holds fewer than asked for."""
    repeated = ["全市新建基层工会120个，发展会员5000余人。"] * 3
    assert summarize(repeated, cut_for_analysis, default_keywords().idf, k=3) == repeated[:1]
    picked = summarize([*repeated, "全年慰问困难职工300户，发放慰问金60万元。"], cut_for_analysis,
                       default_keywords().idf, k=3)
    assert sorted(picked) == sorted(set(picked)) and len(picked) == 2


def test_short_or_empty_input() -> None:
    assert summarize([], list, lambda w: 1.0, k=3) == []
    assert summarize(["太短。"], list, lambda w: 1.0, k=3) == []


def test_sentences_without_content_words_do_not_break_the_summary() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 0/0 in the ranking once raised IndexError
        report = unionnlp.analyze("! d 3 z e+f+P P P !+R 9+#4 k+l+P P !+@.9+")
    assert all(s in report.paragraphs[0].text for s in report.summary)


def test_slogans_and_bare_quotes_are_not_summary_sentences() -> None:
    paragraphs = [
        "“农民工讨薪，最难的是留住证据。”法律援助中心主任说。",
        "区总工会法律援助中心全年办理农民工讨薪案件186件，为农民工追回工资2100万元。",
        "让我们紧密团结起来，奋力开创工会工作新局面！",
        "中心还与区法院建立诉调对接机制，全年诉前调解劳动争议纠纷94件。",
    ]
    picked = summarize(paragraphs, cut_for_analysis, default_keywords().idf, k=3)
    assert picked == [paragraphs[1], paragraphs[3]]


def test_a_one_sentence_report_is_its_own_summary() -> None:
    assert unionnlp.analyze("职工之家建成12个。").summary == ("职工之家建成12个。",)
    assert unionnlp.analyze("工会送温暖").summary == ()  # a phrase, not a statement


def test_semicolons_stay_inside_their_sentence() -> None:
    text = "一是建档困难职工1032户；二是发放金秋助学金480万元；三是举办技能大赛6场。下一句。"
    assert split_sentences(text) == [
        "一是建档困难职工1032户；二是发放金秋助学金480万元；三是举办技能大赛6场。", "下一句。"]


def test_a_sentence_too_long_to_take_whole_is_read_as_its_clauses() -> None:
    clauses = ["全年新建基层工会组织126家，新发展会员8300余名，其中农民工会员5200名",
               "投入帮扶资金1260万元，走访慰问困难职工3400户，为1800名职工子女发放助学金",
               "组织职工技能培训210期，培训职工1.2万人次，2300人取得职业资格证书",
               "办理劳动争议调解案件460件，为职工追回欠薪2100万元，提供法律援助380人次",
               "建成职工书屋45家、户外劳动者服务站点62个，全年服务新就业形态劳动者9万余人次"]
    sentence = "一年来，全区各级工会紧紧围绕党政中心工作，" + "；".join(clauses) + "。"
    assert len(sentence) > 220
    text = f"区总工会2024年工作总结\n\n{sentence}\n\n下一步，区总工会将继续做好服务职工工作。\n"
    summary = unionnlp.analyze(text).summary
    assert summary
    assert all(s in text and len(s) <= 220 for s in summary)
    assert any(s in sentence and s.endswith("；") for s in summary)
    # A sentence short enough to be taken whole keeps its semicolons.
    short = "一是建档困难职工1032户；二是发放金秋助学金480万元；三是举办技能大赛6场。"
    assert unionnlp.analyze(short).summary == (short,)


def test_a_list_item_that_ends_in_a_semicolon_may_be_a_summary_sentence() -> None:
    from unionnlp.summarize import _whole

    assert _whole("推动七成地区把政府与工会的联席会议制度加以完善；")
    assert not _whole("推动七成地区把政府与工会的联席会议制度加以完善，")


def test_a_bulleted_list_is_summarised_without_its_markers() -> None:
    text = ("◆ 困难职工帮扶\n- 建档困难职工1032户，全部落实帮扶措施；\n- 发放金秋助学金480万元；\n"
            "◆ 技能提升\n- 开展职工技能培训3200人次；\n- 举办区级技能大赛6场。\n")
    summary = unionnlp.analyze(text).summary
    assert summary and all(s[0] not in "-◆●" and s[-1] in "。；" for s in summary)


def test_formulas_are_skipped_and_a_long_winded_report_still_gets_a_summary() -> None:
    report = unionnlp.analyze("按照市总工会通知要求，现将有关情况报告如下。\n\n"
                              "全年新建工会组织120家，发展会员8000名。\n")
    assert report.summary == ("全年新建工会组织120家，发展会员8000名。",)
    places = ["商圈", "园区", "社区", "企业", "工地", "医院", "学校", "车站", "港口", "物流园",
              "街道", "乡镇", "市场", "电厂", "银行", "酒店", "工厂", "网点"]
    sentence = "区总工会今年" + "，".join(f"在{p}开展服务职工活动" for p in places) + "。"
    assert len(sentence) > 220
    assert unionnlp.analyze(sentence).summary == (sentence,)


def test_captions_and_lists_of_names_are_never_summary_sentences() -> None:
    from unionnlp.summarize import _whole

    assert not _whole("图为区总工会负责人为环卫工人送上防暑降温用品。")
    assert not _whole("区总工会负责人向一线职工发放慰问品。（本报记者 孙丽 摄）")
    assert not _whole("张明远、李华清、王芳菲、赵国强、陈立新、刘志刚。")
    assert _whole("全年为环卫工人送上防暑降温用品三千余份，惠及职工八百人。")


def test_a_records_fields_and_a_titles_closing_bracket_are_never_summary_sentences() -> None:
    from unionnlp.summarize import _whole

    # A law database's record glued to the law's first article; a 【…】 title's tail.
    assert not _whole("【发布部门】某省人大常委会【发布日期】2003-05-20【实施日期】2003-07-01"
                      "【效力级别】地方性法规某省实施《工会法》办法第一条为了保障工会依法开展工作。")
    assert not _whole("】镇总工会年度工作总结回顾全年,镇总工会在镇党委领导下组建工会12家。")
    assert _whole("【特讯】镇总工会在镇党委领导下今年新组建基层工会12家,发展会员860人。")


def test_picking_in_plain_python_picks_what_arrays_pick(seed_text: str) -> None:
    """Maximal marginal relevance one value at a time chooses the sentences the array
    version chooses, for every run of a real page's sentences and several k."""
    import random

    from unionnlp.keyterms import TermTable
    from unionnlp.summarize import Graph, sentence_vectors

    paragraphs = [line for line in seed_text.splitlines() if line.strip()]
    extractor = default_keywords()
    table = TermTable([cut_for_analysis(p) for p in paragraphs])
    found, vectors = sentence_vectors(paragraphs, table, extractor.word_idf(table))
    sentences = [x for f in found for x in f]
    graph = Graph(sentences, vectors)
    assert graph._finite
    texts = [s.text for s in sentences]
    draw = random.Random(0)
    compared = 0
    for _ in range(300):
        start = draw.randrange(len(sentences))
        members = range(start, draw.randrange(start, len(sentences)) + 1)
        rows = [graph.row[i] for i in members if i in graph.row]
        k = draw.choice([1, 2, 3, 5])
        if len(members) <= k or len(rows) < k:
            continue
        diversity = draw.choice([0.0, 0.3, 0.7, 1.0])
        expected = sorted(graph._pick_arrays(rows, k, diversity))
        by_row = {r: i for i, r in graph.row.items()}
        assert graph.pick(members, k=k, diversity=diversity) == [
            texts[by_row[rows[c]]] for c in expected]
        compared += 1
    assert compared > 100


def test_sentence_graphs_use_one_blas_thread_and_restore_the_setting() -> None:
    """Inside, in the main thread (nested too), BLAS runs one thread and the setting is back
    after; other threads, alone or overlapping with the main one, leave it as it was."""
    import threading

    import pytest

    pytest.importorskip("threadpoolctl")
    from unionnlp.summarize import _ONE_BLAS_THREAD, _blas_controller

    if _blas_controller() is None:
        pytest.skip("the process was started with one BLAS thread")

    def blas_threads() -> list[int]:
        # The BLAS libraries loaded when the graphs first needed one (numpy's), live.
        return [i["num_threads"] for i in _blas_controller().info() if i["user_api"] == "blas"]

    before = blas_threads()
    with _ONE_BLAS_THREAD, _ONE_BLAS_THREAD:
        assert blas_threads() and all(n == 1 for n in blas_threads())
    assert blas_threads() == before

    entered = threading.Barrier(3)

    def work() -> None:
        with _ONE_BLAS_THREAD:
            entered.wait()
            entered.wait()

    workers = [threading.Thread(target=work) for _ in range(2)]
    with _ONE_BLAS_THREAD:
        for w in workers:
            w.start()
        entered.wait()
        entered.wait()
    for w in workers:
        w.join()
    assert blas_threads() == before
    alone = threading.Thread(target=lambda: _ONE_BLAS_THREAD.__enter__())
    alone.start()
    alone.join()
    assert blas_threads() == before


def test_results_with_figures_come_before_slogans() -> None:
    # The slogan shares the most words with the rest and would be the most central; the
    # figures say what the report reports.
    paragraphs = [
        "全县各级工会深入学习贯彻党的二十大精神，以习近平新时代中国特色社会主义思想为指导，扎实推进工会组织建设和职工帮扶工作。",
        "县总工会推进工会组织建设，全年新建基层工会42家，发展会员3000余名。",
        "县总工会开展职工帮扶工作，春节前走访慰问困难职工120户，发放慰问金36万元。",
        "各级工会要继续推进工会组织建设和职工帮扶工作，进一步增强工会工作的吸引力。",
    ]
    picked = summarize(paragraphs, cut_for_analysis, default_keywords().idf, k=2)
    assert picked == [paragraphs[1], paragraphs[2]]


def test_sentences_a_site_cut_are_never_summary_sentences() -> None:
    """A document-sharing site hides part of a report behind a teaser, and a page copied
    as source keeps its markup (as in two train twins): such a sentence is missing text."""
    text = (
        "镇总工会2017年工作总结\n\n"
        "今年镇总工会新增单独建会企业12家，新增联合工会3家，新发展会员1160人，建会率达到96%。"
        "同时对全镇工会基层组织和工会会员 ……此处隐藏1695个字…… 开展集中走访，慰问困难职工86户，"
        "发放慰问金12.6万元。\n\n"
        "全年开展职工技能竞赛5场，参赛职工800余人次，评出技术能手20名。"
        "工会组织职工参加法律知识讲座，&ldquo;送法进企业&rdquo;活动覆盖企业42家。\n\n"
        "<span style=\"background: rgb(255, 255, 255);\">七、明年打算</span>镇总工会将继续做好建会入会工作。\n"
    )
    summary = unionnlp.analyze(text).summary
    assert summary
    for sentence in summary:
        assert "隐藏" not in sentence and "&" not in sentence and ">" not in sentence, summary


def test_a_site_speaking_of_itself_is_never_a_summary_sentence() -> None:
    """Document-sharing and 范文 sites put their terms and an editor's blurb in the text
    (as five train twins show); a report's own mention of a fee stays."""
    from unionnlp.summarize import _whole

    assert not _whole("如您付费，意味着您自己接受本站规则且自行承担风险，本站不退款。")
    assert not _whole("下面是小编精心整理的工会工作总结范文，供大家参考借鉴。")
    assert not _whole("此资料由网络收集而来，如有侵权请告知上传者立即删除。")
    assert _whole("到法院调解的，标的金额在十万元以下，申请人不必付费。")
    assert _whole("全年为职工提供免费法律咨询，代理维权案件36件，挽回经济损失80万元。")


def test_a_question_mark_a_wrong_encoding_left_in_a_gloss_ends_no_sentence() -> None:
    # A page whose glossed characters (報(bào)) were partly lost to a wrong encoding: the ?
    # stands for a character and its bracket, and the sentence runs on past it.
    text = ("中國日?qǐng)?bào)網(wǎng)環(huán)球在線消息:12日,全國總工會(huì)召開座談會(huì),"
            "邀請(qǐng)3位農(nóng)民工代表回“娘家”做客。他們問:工資拖欠怎麼辦?工會(huì)答覆了。")
    assert split_sentences(text) == [
        "中國日?qǐng)?bào)網(wǎng)環(huán)球在線消息:12日,全國總工會(huì)召開座談會(huì),"
        "邀請(qǐng)3位農(nóng)民工代表回“娘家”做客。",
        "他們問:工資拖欠怎麼辦?",
        "工會(huì)答覆了。",
    ]


def test_random_anti_copying_characters_end_a_sentence_and_are_left_out() -> None:
    # A forum page sprinkles random characters between the lines to spoil copying; the
    # characters hold ! and ?, which must not make sentences of their own.
    text = ("行业工会与协会签下首份集体合同,800余名职工受益。 r$ ?& K- u7 W2 l9 o% M3 D! "
            "k * h/ Q8 d% b: c x( \\签约现场,双方首席代表在合同上签字。{Zq7@?3V8{ 全市推广“AI+”"
            "服务和“PM2.5”监测!")
    sentences = split_sentences(text)
    assert sentences == [
        "行业工会与协会签下首份集体合同,800余名职工受益。",
        "签约现场,双方首席代表在合同上签字。",
        "全市推广“AI+”服务和“PM2.5”监测!",
    ]
    assert all(s in text for s in sentences)  # the summary gives them as written
    # ASCII terms in ASCII quotes are text, not noise.
    assert split_sentences('全市推广"AI+"服务和"5G+"工会,治理"PM2.5"!') == [
        '全市推广"AI+"服务和"5G+"工会,治理"PM2.5"!']


def test_a_list_items_number_in_brackets_is_left_out_of_its_summary_sentence() -> None:
    text = ("某区总工会今年帮扶工作情况\n\n"
            "（1）全年走访慰问困难职工326户，发放慰问金48万元，覆盖全区12个街道。\n\n"
            "(2)为64名困难职工子女发放金秋助学金，每人补助3000元至5000元不等。\n\n"
            "（三）.在区职工服务中心设立法律援助窗口，全年代理欠薪案件41件。\n")
    summary = unionnlp.analyze(text).summary
    assert len(summary) == 3
    assert [s[:2] for s in summary] == ["全年", "为6", "在区"]
    assert all(s in text for s in summary)


def test_a_word_linking_back_to_a_sentence_left_out_is_left_out(train: list) -> None:
    """与此同时，/據了解， open a sentence by pointing at the one before it: a summary gives
    the sentence from the word after it (traditional pages included)."""
    from unionnlp.convert import to_simplified
    from unionnlp.summarize import LINK

    twins = [t for t in train if t.id in ("gov30", "gov128", "gov195", "fan37", "fan71")]
    assert len(twins) == 5
    trimmed = 0
    for twin in twins:
        report = unionnlp.analyze(twin.text)
        sentences = [*report.summary, *(s for a in report.articles for s in a.summary),
                     *(s for a in report.articles for x in a.sections for s in x.summary)]
        assert sentences
        flat = "".join(twin.text.split())  # a repaired paragraph's sentence spans lines
        for sentence in sentences:
            assert LINK.match(to_simplified(sentence)) is None
            words = "".join(sentence.split())
            at = flat.find(words)
            trimmed += at > 0 and flat[at - 1] in "，,"
    assert trimmed >= 3


def test_three_short_sentences_take_a_fourth_and_an_exact_count_is_kept() -> None:
    text = ("某镇工会2025年工作简报\n\n"
            "今年新建工会12家。全年发展会员860名。春节走访困难职工48户。"
            "金秋助学资助困难职工子女15名，发放助学金4.5万元。"
            "职工书屋新增图书2000册。法律援助站代理欠薪案件9件，追回工资37万元。\n\n"
            "镇工会组织电工、焊工技能比武两场，参赛职工130人次。\n")
    summary = unionnlp.analyze(text).summary
    exact = unionnlp.analyze(text, options=unionnlp.Options(summary_sentences=3)).summary
    assert len(exact) == 3 and sum(map(len, exact)) < 140
    assert len(summary) == 4 and set(exact) < set(summary)


def test_a_post_without_sentence_ends_still_has_a_summary() -> None:
    """A social-media post runs its statements line by line with no 。 (a Taiwan union's
    page, train twin trad110): its summary takes its statements as they end, never a
    question or an exclamation, where it had none at all."""
    import unionnlp

    text = ("企業工會正式誕生\n\n"
            "這幾年工會一直幫護理師會員討回加班費,大夥兒決定號召更多同仁共同籌組企業工會\n\n"
            "有意籌組工會嗎?歡迎來找我們諮詢喔\n\n"
            "聯盟由15間醫療工會結合而成,會員總數將近一萬人,成員涵蓋醫師、護理師、照服員\n\n"
            "快來入會吧!\n")
    summary = unionnlp.analyze(text).summary
    assert summary and all(s in text for s in summary)
    assert not any(s.endswith(("?", "!", "嗎", "吧")) for s in summary)


def test_an_ascii_full_stop_ends_a_chinese_sentence() -> None:
    """范文 and PDF pages end Chinese sentences with an ASCII full stop, with or without a
    space after it; a number, a date, an address, a file name, an ellipsis, a list label,
    五.一 and a slogan's parts inside quotation marks keep theirs."""
    text = ("今年以来，我校工会开展了“送温暖”慰问活动.随后又组织全体教职工参加健步走比赛，参赛人数达120人."
            "活动中，工会干部走访了32户困难职工家庭. 下一步，我们将继续努力")
    assert split_sentences(text) == [
        "今年以来，我校工会开展了“送温暖”慰问活动.", "随后又组织全体教职工参加健步走比赛，参赛人数达120人.",
        "活动中，工会干部走访了32户困难职工家庭.", "下一步，我们将继续努力"]
    for whole in ("工资同比增长2.1%，于2025.04.24发布，详见www.acftu.org和附件工作总结.pdf。",
                  "一.九届工会委员会工作回顾", "庆祝“五.一”国际劳动节，会员人数增长...再创新高。",
                  "遵循“安全第一.预防为主,综合治理”这一指导思想。"):
        assert split_sentences(whole) == [whole]


def test_a_summary_reads_sentences_that_end_in_an_ascii_full_stop_apart() -> None:
    text = ("某中学工会2024年度工作总结\n\n"
            "一年来，我校工会在校党支部的领导下开展了多项工作.为丰富教职工的业余生活，工会组织了"
            "教职工健步走、羽毛球赛等文体活动，参加人数达186人次.工会还建立了职工书屋，藏书总数"
            "12000册，已经对外借阅.书屋藏书门类多样，有哲学、社会科学类以及综合性图书等.\n\n"
            "在“职工书屋”的管理上，我校把各项措施落实到位，坚持每周开放五天. 今后，我校工会将拿出"
            "更加实在有力的举措，把职工书屋建成凝聚人心的文化品牌.\n")
    report = unionnlp.analyze(text)
    assert report.summary
    for sentence in report.summary:
        assert sentence in text
        # Each is one sentence: no full stop between two Chinese characters inside it.
        assert re.search(r"[\u4e00-\u9fff]\.[\u4e00-\u9fff]", sentence) is None


def test_a_pages_date_stamp_is_left_out_of_its_summary_sentence(train: list) -> None:
    """A Hong Kong union's news items open with the date they were posted,
    (2025.04.24)--本會於……: the summary gives the sentence without it."""
    stamp = re.compile(r"^[(（]?\s*20\d\d[-.]\d{1,2}[-.]\d{1,2}\s*[)）]?\s*[-—－]")
    twins = [t for t in train if t.id in ("trad25", "trad167")]
    assert len(twins) == 2
    for twin in twins:
        report = unionnlp.analyze(twin.text)
        sentences = [*report.summary, *(s for a in report.articles for s in a.summary),
                     *(s for a in report.articles for x in a.sections for s in x.summary)]
        assert sentences
        for sentence in sentences:
            assert stamp.match(sentence) is None, sentence
            assert sentence in twin.text
    text = ("工會新聞\n\n本會聯同積金局舉辦外展活動\n\n"
            "（2025-03-25）—— 3月24日，本會與積金局一同走訪石門的食肆，向近30名餐飲業工友講解強積金的最新發展。\n\n"
            "2025年3月27日，本會舉辦職業安全講座，吸引逾80名工友參加。\n")
    summary = unionnlp.analyze(text).summary
    # A date that a sentence opens with and goes on from is part of it.
    assert summary == ("3月24日，本會與積金局一同走訪石門的食肆，向近30名餐飲業工友講解強積金的最新發展。",
                       "2025年3月27日，本會舉辦職業安全講座，吸引逾80名工友參加。")


def test_a_date_range_or_a_name_with_a_dot_is_no_stamp_and_no_sentence_end() -> None:
    # From a blind review: a range's first date is no page stamp, and a text that ends its
    # sentences with 。 writes a dot inside a transliterated name.
    text = ("2024年1月1日—12月31日，全市各级工会开展“送温暖”活动，累计慰问困难职工3200户，"
            "发放慰问金480万元。\n\n"
            "2024.1.1-2024.12.31期间，县总工会共为职工办理互助保障2万余份。\n\n"
            "3月12日，自治区总工会副主席买买提.艾力一行到我县调研基层工会建设工作。"
            "调研组对我县工会工作给予充分肯定。\n")
    sentences = [s for p in text.split("\n\n") for s in split_sentences(p)]
    assert "2024年1月1日—12月31日，全市各级工会开展“送温暖”活动，累计慰问困难职工3200户，发放慰问金480万元。" \
        in sentences
    summary = unionnlp.analyze(text).summary
    assert summary and not any(s.startswith(("12月31日", "2024.12.31")) for s in summary)
    assert not any(s.endswith("买买提.") for s in sentences)


def test_a_name_with_a_dot_is_no_sentence_end_where_dots_end_sentences() -> None:
    # From a blind review's kind of page (written for this test): a county site's news item
    # that ends its sentences with ASCII full stops and writes a name's parts apart by one.
    page = ("首页 > 工会动态\n\n自治区总工会慰问一线职工\n\n"
            "3月12日,自治区总工会副主席买买提.艾力带队到我县慰问一线职工.慰问组为120名环卫"
            "工人送去慰问品.随后,阿依古丽.吐尔逊一行到县职工服务中心调研.\n")
    body = page.split("\n\n")[2]
    assert split_sentences(body) == [
        "3月12日,自治区总工会副主席买买提.艾力带队到我县慰问一线职工.",
        "慰问组为120名环卫工人送去慰问品.", "随后,阿依古丽.吐尔逊一行到县职工服务中心调研."]
    report = unionnlp.analyze(page)
    assert not any(s.endswith(("买买提.", "阿依古丽.")) for s in report.summary)
    assert [(f.text, f.subject) for f in report.figures] == [("120名", "环卫工人")]


def test_no_summary_sentence_opens_with_a_photo_credit() -> None:
    """A flattened news page leaves a photo's caption and credit inside its paragraph, with
    no space after the sentence before it (……表示感谢。慰问现场。王晓丽 摄 工会希望……):
    the sentence after the credit is given without the credit."""
    text = ("市总工会中秋慰问环卫工人\n\n"
            "9月12日,市总工会负责人带队看望坚守一线的环卫工人,送上月饼和慰问金,对他们的辛勤付出表示感谢。"
            "慰问现场。王晓丽 摄 工会希望广大环卫工人继续发扬吃苦耐劳的精神,为城市环境整洁贡献力量。"
            "据统计,本次活动共慰问环卫工人520名,发放慰问品1040份。\n")
    report = unionnlp.analyze(text)
    sentences = [*report.summary, *(s for a in report.articles for s in a.summary),
                 *(s for a in report.articles for x in a.sections for s in x.summary)]
    assert any(s.startswith("工会希望广大环卫工人") for s in sentences)
    credit = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[摄攝]")
    assert not any(credit.match(s) for s in sentences), sentences
    # 拍摄 is no credit: a sentence that opens with a verb phrase ending in it stays whole.
    other = ("市总工会开展职工微电影评选\n\n"
             "今年5月,市总工会发动全市职工参与评选活动。组织拍摄 微电影120部,讲述身边的劳模故事。"
             "评选结果将于下月公布,获奖作品将在工人文化宫展映。\n")
    assert any(s.startswith("组织拍摄") for s in unionnlp.analyze(other).summary)


def test_a_names_dot_is_known_by_its_context_not_by_its_characters() -> None:
    # A Xinjiang county site's news item (written for this test): ASCII full stops end its
    # sentences, names' parts are apart by a dot, and common characters (福, 利, 合, 力,
    # 克, 拉) stand on both sides of real sentence ends.
    body = ("自治区总工会副主席艾合买提.玉素甫带队慰问一线职工.随后,格桑.卓玛一行到县职工服务"
            "中心调研.会议强调,要健全职工福利.阿克苏地区总工会作了交流发言.要凝聚各方合力."
            "克拉玛依市总工会介绍了经验.劳模吐逊江.肉孜、热合曼.阿不都当选.活动效果明显."
            "李明表示,将继续做好服务.")
    assert split_sentences(body) == [
        "自治区总工会副主席艾合买提.玉素甫带队慰问一线职工.",
        "随后,格桑.卓玛一行到县职工服务中心调研.", "会议强调,要健全职工福利.",
        "阿克苏地区总工会作了交流发言.", "要凝聚各方合力.", "克拉玛依市总工会介绍了经验.",
        "劳模吐逊江.肉孜、热合曼.阿不都当选.", "活动效果明显.", "李明表示,将继续做好服务."]
    # The same in traditional characters.
    traditional = "區總工會副主席買買提.艾力帶隊慰問職工.隨後,阿依古麗.吐爾遜一行到中心調研."
    assert split_sentences(traditional) == ["區總工會副主席買買提.艾力帶隊慰問職工.",
                                            "隨後,阿依古麗.吐爾遜一行到中心調研."]


def test_a_county_reports_setting_is_never_a_summary_sentence() -> None:
    """A county's report to visiting leaders opens with the county's geography and history
    (written for this test in the shape of such pages: a menu line, ASCII punctuation, a
    hard wrap): background, not what its union did, and never a summary sentence."""
    page = ("首页 > 工作交流 > 基层动态\n\n"
            "关于全县工会工作情况的汇报\n\n"
            "尊敬的各位领导:\n\n"
            "清河县位于平原省中部偏北,东与临江市交界,幅员面积1826平方公里,辖14个乡镇,总人口62万。"
            "清河县历史悠久、人文厚重,素有“鱼米之乡”之称,是全省闻名的农业大县。\n\n"
            "近年来,县总工会紧紧围绕县委中心工作,全县已建基层工会组织2466个,覆盖职工8.6万人,"
            "建会率达到96%。\n"
            "今年以来,县总工会投入帮扶资金320万元,走访慰问困难职工1150户,为680名农民工追回欠薪"
            "1260万元。\n"
            "县总工会开展职业技能竞赛12场,培训职工4300人次,新培育县级劳模工匠36名。\n\n"
            "下一步,我们将继续深化产业工人队伍建设改革,推动全县工会工作再上新台阶。\n")
    report = unionnlp.analyze(page)
    sentences = [*report.summary, *(s for a in report.articles for s in a.summary)]
    assert not any(s.startswith(("清河县位于", "清河县历史悠久")) for s in sentences), sentences
    assert any("2466个" in s for s in report.summary), report.summary
    # One cue of a place alone is union work: a service point's place stays a candidate.
    other = ("县总工会建成户外劳动者服务站\n\n"
             "县总工会在城区建成户外劳动者服务站15个,每个站点配备饮水机、微波炉和急救药箱。"
             "新建的职工驿站位于县城东部的工业园区内,全天向环卫工人和快递员开放。\n")
    assert any(s.startswith("新建的职工驿站位于")
               for s in unionnlp.analyze(other).summary)
    # Two cues beside the union's own work are that work, not background.
    from unionnlp.summarize import _is_setting

    assert _is_setting("清河县历史悠久、人文厚重,素有“鱼米之乡”之称。")
    assert not any(_is_setting(s) for s in (
        "依托区位优势和交通便利条件,县总工会在高速服务区建成司机之家10个,惠及货车司机2万人次。",
        "我县历史悠久、人文厚重,县总工会深入挖掘红色资源,打造职工思政教育基地5个。"))



#: A half-year report as a document site shows it: its notices, the title twice, an opening
#: statement of aims in one sentence of over 220 characters with no ；, and the preview cut
#: off in the middle of the last section.
_LONG_OPENING_PAGE = """市总工会上半年工作总结
- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑、内容补充等附加服务。
- 2、如文档侵犯您的权益,请联系客服反馈,我们会尽快为您处理(人工客服工作时间:9:00-18:30)。
市总工会上半年工作总结
上半年,全市各级工会在市委、市政府和省总工会的坚强领导下,坚持以职工为中心的工作导向,\
认真贯彻全省工会工作会议精神,紧紧围绕建设沿江先进制造业基地和现代物流枢纽城市的目标,\
以服务发展大局为先、夯实基层基础为重、健全维权机制为要、深化工会改革为本,\
持续推动工会工作理念创新、制度创新和载体创新,不断扩大工会组织的覆盖面和影响力,\
切实增强基层工会的活力和凝聚力,团结动员全市广大职工在推进高质量发展、\
建设幸福宜居城市的生动实践中充分发挥主力军作用,各项工作取得了新的进展。
一、抓好全省工会工作会议精神的贯彻落实
全省工会工作会议结束后,市总工会及时向市委作了专题汇报,市委研究解决了工会办公用房等三个问题。\
4月中旬,市委召开全市群团工作会议,对工会工作作出部署,将职工服务阵地建设列入年度目标考核。
二、主动融入全市经济社会发展大局
围绕先进制造业基地建设,市总工会组织开展“建功新时代”主题劳动竞赛,引导职工立足岗位建功立
"""


def test_a_summary_keeps_its_promise_when_a_long_opening_is_all_else_there_is() -> None:
    # Found by users: two sentences, as the opening statement runs past the usual length
    # and the last paragraph ends in no sentence: the opening fills the third place.
    report = unionnlp.analyze(_LONG_OPENING_PAGE)
    assert len(report.summary) == 3
    assert report.summary[0].startswith("上半年,全市各级工会")
    body = "\n".join(p.text for p in report.paragraphs)
    assert all(s in body for s in report.summary)


#: A news item on a visit to delivery riders: what was done, then a leader's praise of
#: labour in the words of the slogan, then what the unions will do.
_PRAISE_PAGE = """首页 > 工会动态
2023-05-04 10:21 来源:市总工会
为做好新就业形态劳动者服务工作,五一前夕,市总工会慰问组来到顺丰速运城南网点、\
饿了么东湖站点和货拉拉司机服务中心,看望慰问快递员、外卖送餐员和网约货车司机,\
为他们送上清凉包、工会定制水杯和雨衣等慰问品。

慰问组与快递员、外卖送餐员面对面交流,详细了解他们的工作时间、收入状况和社会保险缴纳情况。\
市总工会副主席陈华表示,劳动最光荣、劳动最崇高,特别是在汛期和高温天气里,快递员、外卖送餐员、\
网约货车司机作为新就业形态劳动者,在保障市民生活物资供应和城市运转中发挥着重要作用。各级工会将把新就业形态劳动者入会和服务工作抓紧抓实,\
让他们在城市里有“家”的温暖。

分享到:
"""


def test_a_leaders_praise_in_the_words_of_a_slogan_is_not_a_summary_sentence() -> None:
    # Found by users: 某某表示,劳动最光荣、劳动最伟大…… chosen as a news item's second
    # sentence. A person's words that carry a slogan (劳动最光荣 is one, as 中国梦 is) are
    # praise, not news: what was done and what will be done fill the summary.
    from unionnlp.keyterms import has_slogan

    report = unionnlp.analyze(_PRAISE_PAGE)
    assert len(report.summary) == 3
    assert not [s for s in report.summary if "劳动最光荣" in s], report.summary
    assert has_slogan("劳动最光荣、劳动最伟大")
    # Reported speech without a slogan may still be picked: only the pair is left out.
    from unionnlp.summarize import _said_slogan

    assert _said_slogan("陈华表示,劳动最光荣、劳动最崇高,他们是城市运转的重要力量。")
    assert not _said_slogan("陈华表示,下一步将为新就业形态劳动者建设爱心驿站20个。")
    assert not _said_slogan("劳动最光荣的风气在全市企业中日益浓厚,职工参赛热情高涨。")


def test_a_sentence_that_is_half_of_one_is_never_a_summary_sentence() -> None:
    """A sentence that opens as the second half of one (并对……: its subject stood in the one
    before) and a purpose clause whose main clause a stray full stop cut off (为进一步……,
    让……。) say nothing whole (sentences written for this test, with ASCII commas as such
    news pages have them)."""
    text = (
        "县总工会召开工会户外劳动者服务站点建设推进会\n\n"
        "为进一步完善服务体系,让更多快递员、环卫工人等户外劳动者感受到工会组织的温暖。"
        "近期,县总工会加快对城东社区、西湖公园等18个户外劳动者服务站点的指导,班子成员多次到场督导。\n\n"
        "王一对各站点的建设情况作了点评,要求站点立足实际,补齐短板,提升服务实效。"
        "并对县总工会在推进户外劳动者服务站点全覆盖中取得的成绩进行了总结。\n\n"
        "会议要求各乡镇工会年内完成站点提档升级,确保每个站点配齐饮水、休息和应急药品。\n"
    )
    summary = unionnlp.analyze(text).summary
    assert len(summary) == 3, summary
    for sentence in summary:
        assert not sentence.startswith(("并", "为进一步完善")), summary

def test_a_lead_repeated_as_the_first_sentence_is_summarised_once() -> None:
    """A page gives its lead under a label (摘要:) and again as its body's first sentence:
    the summary says it once, without the label, even where few sentences are whole."""
    lead = ("2023年,县总工会围绕县委、县政府的决策部署,突出开展思想政治引领、"
            "产业工人队伍建设改革和维权服务质量提升等重点工作。")
    text = (
        "县总工会2023年工作纪实\n\n"
        f"摘要:{lead}\n\n"
        f"{lead}\n\n"
        "今年以来,县总工会先后获评多项荣誉称号,背后是工会在服务职工方面的不断探索。\n"
    )
    summary = unionnlp.analyze(text).summary
    assert all(not s.startswith("摘要") for s in summary), summary
    assert sum(s == lead for s in summary) == 1, summary
    assert len(summary) == 2, summary


@pytest.mark.parametrize(("sentence", "whole"), [
    ("并对县总工会在推进站点全覆盖中取得的成绩进行了总结。", False),
    ("为进一步完善服务体系,让更多户外劳动者感受到工会组织的温暖。", False),
    ("为了更好服务职工,让职工感受到工会组织的温暖,从而增强职工的获得感。", False),
    # Counter-examples: whole statements of the same shapes.
    ("为进一步完善服务体系,县总工会在全县建成户外劳动者服务站点18个。", True),
    ("并非每个站点都配齐了设备,县总工会将逐一督促整改。", True),
    ("同时,县总工会为120名环卫工人送去了防暑降温物品。", True),
    ("同时对下一步的帮扶工作作出了具体部署。", True),  # the references keep such ones
    # A report's main clause drops its subject and may open with 推动, 全面, 努力 …
    ("为切实维护职工合法权益,推动建立劳动关系协商协调机制。", True),
    ("为进一步加强新就业形态劳动者权益保障,全面推进货车司机、快递员、外卖配送员入会。", True),
    ("为确保各项任务落到实处,努力构建和谐劳动关系。", True),
    ("为了更好服务职工,推动工会工作提质增效,切实增强职工的获得感。", True),
    # A word of its own opening with 并 (并购, 并网, 并轨) is no second half of a sentence.
    ("并购重组过程中,市总工会依法维护职工合法权益,确保职工安置方案经职代会审议通过。", True),
    ("并网发电以来,电站工会组织职工开展技能比武20余场。", True),
    ("并轨改革中,县总工会为500名职工争取到养老保险补缴资金。", True),
])
def test_half_statements_are_not_whole(sentence: str, whole: bool) -> None:
    from unionnlp.summarize import _whole

    assert _whole(sentence) is whole


def test_contact_lines_and_form_blanks_are_never_summary_sentences() -> None:
    """A notice's contact details and deadline, a model contract's blanks (user pages)."""
    from unionnlp.summarize import _whole

    assert not _whole("市印刷协会 联系电话: 63812345,63812346(传真) 联 系 人:王某某13800000000。")
    assert not _whole("报名截至日期:2012年5月20日 报名表寄送至:某区某街18号组委会办公室收。")
    assert not _whole("协商确定本年度工资总额为万元,比上年增(减) 万元,同比增(减) %,人均应达到 元。")
    # A real figure, a word that opens with 元 (元宵) and a union's liaison role stay.
    assert _whole("协商确定本年度工资总额为1200万元,比上年增长8%,职工人均工资达到6.5万元。")
    assert _whole("市总工会举办主题为元宵佳节送温暖的活动,慰问留守职工200余人。")
    assert _whole("工会干部要当好企业和职工之间的联络人,及时反映职工诉求。")
    assert _whole("前不久,工会工作室接到一通求助电话:二十多名工人的工资被拖欠了三个月。")


def test_a_sentence_opening_a_quotation_it_never_closes_is_no_summary_sentence() -> None:
    from unionnlp.summarize import _whole

    assert not _whole("“每一个车间的职工小家,都是工会服务一线职工的‘前哨站’。")
    assert _whole("集团工会把“职工小家”建到一线车间,今年新建小家32个,覆盖职工5000余人。")


def test_a_speakers_label_and_a_label_printed_twice_are_left_out_of_the_sentence() -> None:
    text = (
        "某委员会劳动法修法座谈会会议纪录\n\n"
        "主席:今天的座谈会主要讨论工时制度修法,首先感谢各位专家学者与工会代表出席本次会议。\n\n"
        "代表人数:代表人数: 根据劳动法和集体合同规定的有关要求,经双方平等协商一致,签订本协议。\n"
    )
    summary = unionnlp.analyze(text).summary
    assert summary
    assert not any(s.startswith("主席:") for s in summary), summary
    assert any(s.startswith("今天的座谈会主要讨论工时制度修法") for s in summary), summary
    assert not any("代表人数:" in s for s in summary), summary


def test_statements_that_name_a_call_or_an_application_time_are_whole() -> None:
    """A story telling of a call, and of when the applications opened (review 71a #7):
    no contact label opens them."""
    from unionnlp.summarize import _whole

    assert _whole("工会工作室接到一通求助电话:二十多名工人的工资被拖欠了三个月。")
    assert _whole("报名时间从3月1日开始,全市共有5000名职工报名参赛,创历年新高。")
    # A label opening the sentence, after a list's number, is still a contact line.
    assert not _whole("1.报名时间:即日起至8月31日,请各单位按时报送参赛名单。")
    assert not _whole("联系电话:0571-87654321,电子邮箱:ghxcb@163.com,欢迎广大职工来电咨询。")


def test_a_quotation_spanning_two_sentences_gives_neither_half_to_the_summary() -> None:
    """“…。…。”刘芳说。: the first half opens a quotation, the second closes it; neither
    stands alone in a summary (review 71a #4)."""
    from unionnlp.summarize import _whole

    assert not _whole("我们一定用心服务好他们,让每一名职工都感受到组织的温暖。”市总工会主席刘芳在会上说。")
    assert not _whole("現在終於拿回工錢了,真的多得工會幫忙。」工友陳先生說。")
    # A quotation opened and closed in the same sentence, or a title quoted, stays.
    assert _whole("“十四五”期间,全市工会累计帮扶困难职工3.2万人次,发放帮扶资金1.5亿元。")
    assert _whole("市总工会主席刘芳说:“我们一定用心服务好他们。”会上还表彰了100名优秀职工。")


def test_a_committees_statement_keeps_its_subject() -> None:
    """委员会指出:…… is a sentence's subject and verb, not a speaker's label (review 71a #8);
    委員王某某: in a hearing record is one."""
    text = (
        "市总工会召开经费审查委员会会议\n\n"
        "委员会指出:今年要把技能竞赛覆盖到全部规上企业,让更多青年职工在比赛中成长成才。\n\n"
        "委員王大明:本年度經費審查發現部分基層工會支出憑證不全,請財務部門限期補正。\n"
    )
    summary = unionnlp.analyze(text).summary
    assert any(s.startswith("委员会指出:今年要把技能竞赛") for s in summary), summary
    assert not any(s.startswith("今年要把技能竞赛") for s in summary), summary
    assert not any(s.startswith("委員王大明") for s in summary), summary
