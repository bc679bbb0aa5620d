"""The learned line labeller: exact decoding of crfsuite's model, a safe model file, the
packaged model reproducible from the corpus, and what it changes on a real-shaped page."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable

import numpy as np
import pytest

from unionnlp import analyze
from unionnlp.errors import ModelError
from unionnlp.linerole import (
    C1,
    C2,
    LineLabeller,
    LineTable,
    _training_tables,
    default_labeller,
    line_features,
    line_table,
    train_labeller,
    train_wrapped_labeller,
    training_sequences,
    wrapped_labeller,
    wrapped_page,
)
from unionnlp.linetext import LineText, fit_line_text, text_grams
from unionnlp.model import Report


@pytest.fixture(scope="module")
def small(train: list) -> tuple[LineLabeller, object]:
    import sklearn_crfsuite

    xs, ys = training_sequences(train[:40])
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=C1, c2=C2, max_iterations=50,
                               all_possible_transitions=True)
    crf.fit(xs, ys)
    return train_labeller(train[:40], max_iterations=50, text=False, trees=False), crf


def test_numpy_viterbi_gives_crfsuites_labels(small, train: list) -> None:
    ours, crf = small
    xs, _ = training_sequences(train[40:70])
    assert [ours.decode(x) for x in xs] == [list(y) for y in crf.predict(xs)]


def test_marginals_equal_brute_force_over_all_paths(small, train: list) -> None:
    ours, _ = small
    _, feats = line_features(train[50].text)
    feats = feats[:4]
    emit = ours.scores(feats)
    k = len(ours.labels)
    total = np.zeros((len(feats), k))
    for path in itertools.product(range(k), repeat=len(feats)):
        score = sum(emit[t, y] for t, y in enumerate(path)) + sum(
            ours.transitions[a, b] for a, b in itertools.pairwise(path))
        for t, y in enumerate(path):
            total[t, y] += np.exp(score)
    expected = total / total.sum(axis=1, keepdims=True)
    assert np.allclose(ours.marginals(feats), expected, atol=1e-6)  # single-precision scan


def test_marginals_scanned_in_blocks_equal_one_scan(small, train: list, monkeypatch) -> None:
    import unionnlp.linerole as linerole

    ours, _ = small
    table = line_table("\n".join(t.text for t in train[60:66]))
    whole = ours.marginals(table)
    assert len(table) > 20
    monkeypatch.setattr(linerole, "_SCAN_BLOCK", 3)  # a long text's many blocks, in small
    assert np.allclose(ours.marginals(table), whole, atol=1e-6)


def test_scores_read_off_columns_equal_scores_of_attribute_strings(small, train: list) -> None:
    """Labelling reads the feature columns through cached row tables; training spells the
    same features out as crfsuite attributes: both give each line the same scores."""
    ours, _ = small
    tables = [line_table(t.text) for t in train[70:90]]
    by_strings = [ours.scores(t.features()) for t in tables]
    for _ in range(2):  # the second time from the cached row tables
        for table, expected in zip(tables, by_strings, strict=True):
            assert np.allclose(ours.scores(table), expected, atol=1e-9)
    assert ours.luts


def _scores_a_column_at_a_time(model: LineLabeller, table: LineTable) -> np.ndarray:
    """Each line's scores added up one attribute at a time, in the order crfsuite's
    attributes come (:meth:`LineTable.features`): templates, bias, prev:none, next:none,
    then the cue words of the line before, the line's own and the line after's."""
    n, index = len(table), model.attributes
    values = {name: [col.value(k) for k in range(n)] for name, col in table.columns.items()}
    out = np.zeros((n, len(model.labels)))
    for k in range(n):
        names = []
        for name, v in values.items():
            names.append(f"{name}={v[k]}" if v[k] is not None else "")
            if name in ("len", "wid", "last", "rule", "num", "indent", "marks", "gaps",
                        "numeric"):
                names.append(f"prev:{name}={v[k - 1]}" if k and v[k - 1] is not None else "")
                names.append(f"next:{name}={v[k + 1]}"
                             if k + 1 < n and v[k + 1] is not None else "")
        names += ["bias", "prev:none" if k == 0 else "", "next:none" if k == n - 1 else ""]
        names += [f"prev:cue={c}" for c in (table.cues[k - 1] if k else ())]
        names += [f"cue={c}" for c in table.cues[k]]
        names += [f"next:cue={c}" for c in (table.cues[k + 1] if k + 1 < n else ())]
        for name in names:
            if name in index:
                out[k] += model.state[index[name]]
    return out


@pytest.mark.parametrize("block", [2048, 3])  # a long text's many blocks, in small
def test_scores_off_the_columns_add_the_attributes_weights_in_crfsuites_order(
        train: list, block: int, monkeypatch) -> None:
    """The labeller gathers every line's weights at once; added in the same order as one at
    a time, its scores are the same to the last bit (the marginals, and so the labels and
    all that depends on them, do not move), in blocks of lines of any size."""
    import unionnlp.linerole as linerole

    monkeypatch.setattr(linerole, "_SLOT_BLOCK", block)
    model = default_labeller()
    pages = [t.text for t in train[100:120]]
    pages += ["区总工会召开全委会议\n",  # one line: both prev:none and next:none
              "农民工欠薪案件快速办结\n本报讯（通讯员 孙涛）近日，东湖区总工会协调办结一起欠薪"
              "案件。\n\n职工在车间参加技能比武。 王某 摄\n责任编辑：李明\n"]
    for page in pages:
        table = model.table(page)
        assert np.array_equal(model.scores(table), _scores_a_column_at_a_time(model, table))
    assert any(len(c) > 1 for c in table.cues) or sum(map(len, table.cues)) >= 3


def test_a_lines_counts_of_marks_digits_latin_and_spaces() -> None:
    text = "2024年工会工作要点\n一、加强组织建设，扩大覆盖面；推进CPC党建带工建。\n序号  单位\tABC 12\n"
    table = line_table(text)
    marks = [table.columns["marks"].value(k) for k in range(3)]
    commas = [table.columns["commas"].value(k) for k in range(3)]
    spaces = [table.columns["space_in"].value(k) for k in range(3)]
    digits = [table.columns["digits"].value(k) for k in range(3)]
    latin = [table.columns["latin"].value(k) for k in range(3)]
    assert marks == ["0", "2", "0"] and commas == ["0", "1", "0"]
    assert spaces == ["0", "0", "2"]  # three spaces and a tab between the cells
    assert digits == ["3", "0", "2"] and latin == ["0", "1", "2"]


def test_the_model_file_is_json_with_a_checksum(small, train: list) -> None:
    ours, _ = small
    again = LineLabeller.from_json(ours.to_json(), "m.json")
    _, feats = line_features(train[45].text)
    assert again.decode(feats) == ours.decode(feats)
    tampered = json.loads(ours.to_json())
    tampered["model"]["state"][0][0] += 1.0
    with pytest.raises(ModelError, match=r"m\.json: checksum mismatch"):
        LineLabeller.from_json(json.dumps(tampered), "m.json")
    with pytest.raises(ModelError, match="not a line model"):
        LineLabeller.from_json("{}", "m.json")


#: Retrained under numpy 2.4 and scikit-learn 1.9 (and on this round's views of Taiwan and
#: Hong Kong variant forms), the labellers differ from the packaged ones and read three of
#: the hand-made structure cases worse (a speech's speaker post became a title); the
#: packaged labellers stay until the retrained ones are mended.
@pytest.mark.slow  # the line-text model is fitted six times
def test_the_packaged_model_is_what_training_on_the_train_twins_gives(train: list) -> None:
    packaged = default_labeller()
    fresh = train_labeller(train)
    assert fresh.text is not None and packaged.text is not None
    assert fresh.text.digest() == packaged.text.digest()
    assert fresh.labels == packaged.labels
    assert set(fresh.attributes) == set(packaged.attributes)
    order = [fresh.attributes[a] for a in sorted(packaged.attributes, key=packaged.attributes.get)]
    assert np.allclose(fresh.state[order], packaged.state, atol=1e-4)
    assert np.allclose(fresh.transitions, packaged.transitions, atol=1e-4)
    assert fresh.trees is not None and packaged.trees is not None
    assert fresh.trees.digest() == packaged.trees.digest()


@pytest.mark.slow  # the line-text model is fitted six times, the CRF on twice the lines
def test_the_packaged_model_of_wrapped_pages_is_what_training_gives(train: list) -> None:
    packaged = wrapped_labeller()
    fresh = train_wrapped_labeller(train)
    # Both labellers read the one line-text model, fitted on the twins as they are.
    assert fresh.text is not None and fresh.text.digest() == default_labeller().text.digest()
    assert set(fresh.attributes) == set(packaged.attributes)
    order = [fresh.attributes[a] for a in sorted(packaged.attributes, key=packaged.attributes.get)]
    assert np.allclose(fresh.state[order], packaged.state, atol=1e-4)
    assert np.allclose(fresh.transitions, packaged.transitions, atol=1e-4)
    assert fresh.trees is not None and packaged.trees is not None
    assert fresh.trees.digest() == packaged.trees.digest()


@pytest.fixture(scope="module")
def line_rows(train: list) -> tuple[list[str], list[str], list[str]]:
    """The stripped lines of 60 train twins and their roles, and the lines of 20 more."""
    tables, ys = _training_tables(train[:80])
    rows = [r for t in tables[:60] for r in t.rows]
    return rows, [y for row in ys[:60] for y in row], [r for t in tables[60:] for r in t.rows]


def test_line_text_probabilities_are_scikit_learns(line_rows) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, roles, new = line_rows
    ours = fit_line_text(rows, roles)
    vectorizer = TfidfVectorizer(analyzer=text_grams, min_df=3, sublinear_tf=True)
    clf = LogisticRegression(C=8.0, max_iter=3000).fit(vectorizer.fit_transform(rows), roles)
    # Lines the model never saw, an empty one, marks and astral characters among them.
    new = [*new, "", "\x02责任编辑\x03", "工会😀驿站", "a"]
    expected = clf.predict_proba(vectorizer.transform(new))
    assert ours.roles == tuple(clf.classes_)
    assert np.allclose(ours.proba(new), expected, atol=1e-5)  # weights kept in single precision


def test_the_line_text_model_file_is_checked(line_rows, tmp_path) -> None:
    rows, roles, new = line_rows
    model = fit_line_text(rows, roles)
    path = tmp_path / "linetext.npz"
    model.save(path)
    again = LineText.load(path)
    assert again.digest() == model.digest()
    assert np.array_equal(again.proba(new), model.proba(new))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ModelError, match=r"linetext\.npz"):
        LineText.load(bytes(data), "linetext.npz")


def _page_rows(train: list, chars: int) -> list[str]:
    """The stripped non-blank lines of train twins, about ``chars`` characters of them."""
    rows: list[str] = []
    for twin in train:
        rows += [r.strip() for r in twin.text.split("\n") if r.strip()]
        if sum(map(len, rows)) >= chars:
            break
    return rows


def test_a_line_scores_alike_in_any_block_of_lines(train: list, monkeypatch) -> None:
    import unionnlp.linetext as linetext

    model = default_labeller().text
    assert model is not None
    rows = _page_rows(train, 20_000)
    whole = model.proba(rows)
    for chunk in (1, 500, 3_000):  # a line alone, a few blocks, blocks cut mid-page
        monkeypatch.setattr(linetext, "_CHUNK", chunk)
        assert np.array_equal(model.proba(rows), whole)


def test_scoring_a_long_texts_lines_holds_little_memory(train: list) -> None:
    """The lines of a long text are scored a block at a time: the temporaries (a row of
    weights per n-gram found) of 200,000 characters took 90 MB at once, which the cache
    could not hold either."""
    import tracemalloc

    model = default_labeller().text
    assert model is not None
    rows = _page_rows(train, 200_000)
    model.proba(rows[:5])
    tracemalloc.start()
    try:
        model.proba(rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16_000_000


def test_a_labeller_reads_only_the_line_text_model_it_was_trained_with(train: list) -> None:
    ours = train_labeller(train[:30], max_iterations=30, trees=False)
    other = train_labeller(train[30:60], max_iterations=30, trees=False)
    assert ours.text is not None and other.text is not None
    again = LineLabeller.from_json(ours.to_json(), "m.json", ours.text)
    table = again.table(train[70].text)
    assert any(name.startswith("text_") for name in table.columns)
    assert again.decode(table) == ours.decode(ours.table(train[70].text))
    with pytest.raises(ModelError, match=r"m\.json: needs its line-text model"):
        LineLabeller.from_json(ours.to_json(), "m.json")
    with pytest.raises(ModelError, match="not the one it was trained with"):
        LineLabeller.from_json(ours.to_json(), "m.json", other.text)


# A news page as a browser copy gives it (written for this test, shaped like the
# e-paper pages of the corpus): site menu, masthead, headline, the news, a photo credit,
# then the site's footer and its follow-us buttons.
NEWS_PAGE = """劳动者之声

职工日报 2025年12月18日 星期四

寒潮来袭 环卫工人领到“暖心包”

《职工日报》(2025年12月18日 03版)

本报讯(记者 温可欣)入冬以来,某市总工会为全市2300名环卫工人送去防寒手套、护膝和暖贴,并在32个户外劳动者服务站点备足热水和常用药品。

市总工会还联合人社部门开展冬季欠薪专项检查,已帮助41名农民工追回工资56万元。

本报记者 温可欣 摄

关于我们 | 版权声明 | 联系方式 | 举报电话:010-12345678
Copyright © 2010-2025 by www.example-labour.cn. all rights reserved
扫码关注

职工日报微信


职工日报微博


客户端
"""


def test_a_news_pages_buttons_and_footer_are_not_headlines() -> None:
    report = analyze(NEWS_PAGE)
    headings = _headings(report)
    assert not {"扫码关注", "职工日报微信", "职工日报微博", "客户端"} & set(headings)
    assert {"扫码关注", "客户端"} <= set(report.dropped)
    texts = [p.text for p in report.paragraphs]
    assert any(t.startswith("市总工会还联合人社部门") for t in texts)
    assert "rights_protection" in next(p for p in report.paragraphs if "追回工资" in p.text).themes


def test_labels_cover_every_line() -> None:
    roles = default_labeller().label(NEWS_PAGE)
    lines = NEWS_PAGE.split("\n")[:-1]
    assert len(roles) == len(lines)
    assert all((r == "blank") == (not line.strip()) for r, line in zip(roles, lines, strict=True))
    assert roles[lines.index("扫码关注")] == "furniture"


def test_a_photo_caption_is_a_paragraph_of_its_own_not_a_headline() -> None:
    text = ("户外劳动者驿站迎来入夏第一批客人\n\n"
            "本报讯(记者 温可欣)7月以来,某区总工会在全区新建户外劳动者服务站点18个,"
            "配齐饮水机、微波炉和防暑药品。\n\n"
            "图为区总工会干部在驿站为环卫工人送上绿豆汤 林立新 摄\n\n"
            "区总工会还联合人社部门开展夏季欠薪专项检查,已帮助23名农民工追回工资31万元。\n")
    report = analyze(text)
    (article,) = report.articles
    assert [s.heading for s in article.sections] == [None]
    texts = [p.text for p in report.paragraphs]
    assert texts[1] == "图为区总工会干部在驿站为环卫工人送上绿豆汤 林立新 摄"
    assert texts[2].startswith("区总工会还联合")
    assert "worker_aid" in report.paragraphs[1].themes


# A 范文 page as such sites print it (written for this test): breadcrumb, page title,
# time and source, the 小编 blurb, then two essays, each with a title of its own.
FANWEN_PAGE = """当前位置：范文网 > 工作总结 > 工会工作总结

工会工作总结（通用2篇）

时间：2024-12-20 10:12:31 来源：网友投稿

岁末年初，回顾一年的工会工作，有收获也有不足。下面是小编整理的工会工作总结，供大家参考。

工会工作总结 篇1

今年以来，公司工会在党委的领导下，坚持服务职工、维护权益，各项工作取得了新进展。

一、加强组织建设。全年新发展会员126名，新建班组职工小家8个，会员入会率达到98%。

二、做好困难帮扶。春节前走访慰问困难职工43户，发放慰问金8.6万元。

工会工作总结 篇2

2024年，学校工会围绕学校中心工作，认真履行职责，较好完成了全年任务。

一、开展教职工技能竞赛。组织青年教师教学基本功比赛，86名教师参赛。

二、维护教职工权益。召开教代会两次，审议通过绩效工资分配方案。
"""


def test_each_essay_of_a_fanwen_page_is_an_article_and_the_blurb_is_set_aside() -> None:
    report = analyze(FANWEN_PAGE)
    # Each essay opens an article, or (the guide's reading when its items have headlines of
    # their own) a level-1 section; either way every headline is found, in order.
    outline = [x for a in report.articles for x in (a.title, *(s.heading for s in a.sections)) if x]
    assert [x for x in outline if "篇" in x and "通用" not in x] == ["工会工作总结 篇1",
                                                                   "工会工作总结 篇2"]
    assert [x for x in outline if x[0] in "一二"] == [
        "一、加强组织建设。", "二、做好困难帮扶。", "一、开展教职工技能竞赛。", "二、维护教职工权益。"]
    assert report.articles[-1].sections[-1].paragraphs[-1].text.startswith("召开教代会")
    assert any("小编" in d for d in report.dropped)
    assert not any("小编" in p.text for p in report.paragraphs)


# A union's rules posted on a blog, as a Hong Kong or Taiwan union's site prints them
# (written for this test): numbered articles, one wrapped mid-sentence, and the blog's
# comment box under them.
BLOG_RULES = """某某工會會員子女助學金辦法

一.為鼓勵會員子女勤奮向學,本會每學年設立助學金,名額二十名。
二.申請人須為入會滿一年之會員,其子女就讀高中或大專院校。
三.申請人應於每年九月底前,檢附成績單及會員證影本,向本會提出申請。
四.學業成績平均七十五分以上,操行成績甲等以上者,方得申請。
五.符合標準之人數超過名額時,依學業成績高低擇優核發;成績相同
者,以操行成績較佳者優先。
六.本辦法經理事會通過後施行,修正時亦同。
沒有留言:
張貼留言
"""


def test_a_blogs_comment_box_under_the_text_is_set_aside() -> None:
    report = analyze(BLOG_RULES)
    assert {"沒有留言:", "張貼留言"} <= set(report.dropped)
    assert report.paragraphs[-1].text.endswith("修正時亦同。")
    assert not any("留言" in p.text for p in report.paragraphs)


def test_the_rest_of_a_date_line_the_labeller_reads_as_furniture_is_set_aside() -> None:
    # A county site's news page (written for this test): the rules cut the date off its
    # line and would keep the rest of it, the page's counters, as a paragraph.
    report = analyze("某县总工会开展夏季送清凉慰问活动\n\n"
                     "2025-07-30 发布: 点击数:\n\n"
                     "7月28日,县总工会班子成员分成三组,深入城区环卫所、建筑工地和物流园区,"
                     "为坚守一线的高温作业职工送去矿泉水、藿香正气水和清凉油等防暑物品。\n\n"
                     "此次活动共走访基层单位12家,慰问一线职工460余人,发放慰问物资折合金额5.2万元。\n")
    assert "发布: 点击数:" in report.dropped
    assert report.paragraphs[0].text.startswith("7月28日")


def test_the_rest_of_a_date_line_is_no_headline_where_the_labeller_reads_it_furniture() -> None:
    # A document site's page (written for this test): under the title, the date the page
    # was posted and the site's category for it.
    report = analyze("某社区工会2022年上半年活动总结\n2022-06-10 活动总结\n\n"
                     "今年上半年，社区工会围绕辖区职工的实际需求，组织开展了技能培训、困难帮扶和文体活动共18场，"
                     "参与职工1200余人次。\n\n"
                     "一是举办家政服务和电工技能培训班4期，培训职工260人。二是走访慰问困难职工家庭35户，"
                     "发放慰问金5.2万元。\n")
    (article,) = report.articles
    assert [s.heading for s in article.sections] == [None]
    assert "活动总结" in report.dropped


def test_marks_an_extraction_left_at_a_lines_end_do_not_keep_it_from_heading() -> None:
    # An association's rules copied out of a PDF (written for this test): every line ends
    # on two question marks where the extraction lost characters it could not read.
    report = analyze("某市职工技术协会章程??\n\n第一章 总 则??\n\n"
                     "第一条 本会是由全市企业职工自愿组成的技术协作组织,在市总工会指导下开展工作。??\n"
                     "第二条 本会的宗旨是组织职工开展技术革新、技术协作和发明创造活动。??\n\n"
                     "第二章 会员与组织??\n\n"
                     "第三条 凡承认本章程、愿意参加协会活动的企业职工,均可申请入会。??\n"
                     "第四条 本会设理事会,理事会每届任期五年,可连选连任。??\n")
    (article,) = report.articles
    assert article.title == "某市职工技术协会章程??"
    assert [s.heading for s in article.sections] == ["第一章 总 则??", "第二章 会员与组织??"]


def test_a_headline_whose_text_the_labeller_reads_running_on_is_a_paragraphs_first_line(
) -> None:
    # A union's news page copied out of a PDF (written for this test): the paragraph's first
    # row falls short of the rest, as a headline would, and its words run on into the next.
    text = ("首页\n工会动态\n维权服务\n会员福利\n搜索\n迎新春送祝福 表彰优秀工会工作者\n\n"
            "区总工会今天举办「迎新春职工联欢会\n"
            "暨年度先进集体表彰大会」，来自基层工会、职工服务站点\n"
            "和社区工会的代表共八百余人参加，共同迎接新春；大会还\n"
            "表彰了一批成绩突出的基层工会和工会工作者（名单附后），\n"
            "对他们一年来的辛勤付出表示肯定。\n"
            "出席大会的有区委副书记赵明、区总工会主席钱立新等，钱\n"
            "立新在讲话中回顾了全年工作：新建基层工会三十六家，发展\n"
            "会员四千二百人，为困难职工发放慰问金一百二十万元。\n")
    report = analyze(text)
    (article,) = [a for a in report.articles if a.title == "迎新春送祝福 表彰优秀工会工作者"]
    assert [s.heading for s in article.sections] == [None]
    assert article.paragraphs[0].text.startswith("区总工会今天举办「迎新春职工联欢会暨年度先进集体表彰大会」")


def test_a_menu_spaced_out_like_a_tables_cells_is_set_aside() -> None:
    # A newspaper site's article page (written for this test): its menu rows space their
    # items out as a table spaces its cells.
    text = ("首页    要闻     本地新闻     财经\n社会     国内     国际     体育     文娱\n"
            "某市总工会为新就业形态劳动者送上职工医疗互助保障\n\n"
            "　　本报讯 近日，某市总工会在全市启动新就业形态劳动者医疗互助保障专项行动，为外卖骑手、"
            "快递员、网约车司机等群体免费办理职工医疗互助保障，每人每年保费由市总工会全额承担。\n"
            "　　截至目前，全市已有3200余名新就业形态劳动者参保，累计发放互助保障金46万元。\n")
    report = analyze(text)
    assert [p.kind for p in report.paragraphs] == ["text", "text"]
    assert {"首页    要闻     本地新闻     财经", "社会     国内     国际     体育     文娱"} <= set(
        report.dropped)
    assert report.articles[0].title == "某市总工会为新就业形态劳动者送上职工医疗互助保障"


def test_the_log_names_each_line_the_labeller_took_from_the_rules(train: list, caplog) -> None:
    import logging

    with caplog.at_level(logging.DEBUG, logger="unionnlp.linerole"):
        for twin in train[:20]:
            analyze(twin.text)
    said = [r.getMessage() for r in caplog.records if r.name == "unionnlp.linerole"]
    assert said and all(re.match(r"line \d+: \w+ by the labeller \(\w+, p=[01]\.\d\d\), "
                                 r"the rules said \w+: ", m) for m in said)


def test_a_speech_opens_after_its_salutation_and_text_runs_on_across_a_page_number(
        monkeypatch) -> None:
    _with(monkeypatch, lambda line: "furniture")
    speech = ("在全县工会工作推进会上的讲话\n\n县总工会主席 马建军\n\n（2021年3月9日）\n\n同志们：\n\n"
              "区总工会把帮扶站设到了乡镇和园区，困难职工不出镇就能申请救助。去年全区各级工会共帮扶困难\n\n"
              "- 3 -\n\n职工2300余人次，发放救助资金270万元。\n")
    texts = [p.text for p in analyze(speech).paragraphs]
    assert texts == ["区总工会把帮扶站设到了乡镇和园区，困难职工不出镇就能申请救助。"
                     "去年全区各级工会共帮扶困难职工2300余人次，发放救助资金270万元。"]


WRAPPED_SPEECH = """在区总工会第三次代表大会上的工作报告
各位代表：
受区总工会第二届委员会委托，现在我
向大会报告工作，请予审议，并请各位列席同
志提出意见。
过去五年，在区委的坚强领导和市总
工会的有力指导下，全区各级工会紧紧围绕中心
工作，团结动员广大职工建功立业，全
区新建工会一百二十家，新发展会员八千余人，
发放帮扶资金五百余万元。
"""


def test_a_line_that_breaks_off_a_clause_at_a_wrapped_pages_width_heads_no_section(
        monkeypatch) -> None:
    import unionnlp.linerole as linerole

    def say(line: str) -> str:
        if line == WRAPPED_SPEECH.split("\n")[0]:
            return "title"
        return "heading" if line.startswith(("受区", "过去五年")) else "cont"

    monkeypatch.setattr(linerole, "wrapped_labeller", lambda: _Scripted(say))
    report = analyze(WRAPPED_SPEECH)
    assert _headings(report) == []
    assert [p.text[:6] for p in report.paragraphs][-2:] == ["受区总工会第", "过去五年，在"]


@pytest.mark.parametrize("sure", [0.85, 1.0])
def test_a_line_set_aside_on_a_wrapped_page_is_a_headline_only_where_the_labeller_is_sure(
        monkeypatch, sure: float) -> None:
    import unionnlp.linerole as linerole

    credit = "责任编辑：王某某"
    page = WRAPPED_SPEECH.replace("志提出意见。\n", f"志提出意见。\n{credit}\n")
    monkeypatch.setattr(linerole, "wrapped_labeller", lambda: _Scripted(
        lambda line: "heading" if line == credit else "cont", sure))
    report = analyze(page)
    assert (credit in report.dropped) == (sure < linerole._FURNITURE_HEADING)
    assert (credit in _headings(report)) == (sure >= linerole._FURNITURE_HEADING)


class _Scripted:
    """A labeller that gives each line's text the role ``say`` gives it, with probability
    ``sure`` (the rest spread over the other roles)."""

    labels = default_labeller().labels

    def __init__(self, say: Callable[[str], str], sure: float = 1.0) -> None:
        self.say = say
        self.sure = sure
        self.lines: list[str] = []

    def table(self, text: str, view: str | None = None, rules: object = None) -> LineTable:
        self.lines = text.split("\n")
        return line_table(text, view, rules)

    def marginals(self, table: LineTable) -> np.ndarray:
        out = np.full((len(table), len(self.labels)), (1 - self.sure) / (len(self.labels) - 1))
        for row, n in enumerate(table.numbers):
            out[row, self.labels.index(self.say(self.lines[n - 1].strip()))] = self.sure
        return out


def _headings(report: Report) -> list[str]:
    return [s.heading for a in report.articles for s in a.sections if s.heading]


def _with(monkeypatch, say: Callable[[str], str]) -> None:
    import unionnlp.linerole as linerole

    monkeypatch.setattr(linerole, "default_labeller", lambda: _Scripted(say))


def test_lines_of_text_running_on_into_each_other_are_no_captions(monkeypatch) -> None:
    _with(monkeypatch, lambda line: "caption")
    text = ("区总工会今年在城区建成爱心驿站二十个，\n为户外劳动者提供休息场所，驿站配备饮水机、\n"
            "微波炉和急救药箱。\n\n职工在驿站休息\n\n"
            "园区工会为新就业形态劳动者开通入会通道。\n")
    texts = [p.text for p in analyze(text).paragraphs]
    assert texts[0] == ("区总工会今年在城区建成爱心驿站二十个，为户外劳动者提供休息场所，"
                        "驿站配备饮水机、微波炉和急救药箱。")
    # A caption standing between blank lines stays a paragraph of its own.
    assert texts[1:] == ["职工在驿站休息", "园区工会为新就业形态劳动者开通入会通道。"]


def test_a_sentence_cut_by_a_page_number_is_no_caption(monkeypatch) -> None:
    _with(monkeypatch, lambda line: "caption" if line.startswith("下一步") else "start")
    text = ("区总工会今年组织职工疗休养八百人次。\n\n下一步，区总工会将扩大疗休养覆盖面，争取\n\n- 3 -\n\n"
            "每年安排不少于2000名职工参加疗休养。\n")
    assert analyze(text).paragraphs[-1].text == (
        "下一步，区总工会将扩大疗休养覆盖面，争取每年安排不少于2000名职工参加疗休养。")


def test_numbered_siblings_share_the_role_their_list_leans_to(monkeypatch) -> None:
    # The labeller reads the first two items of the list as headings, the third as text.
    _with(monkeypatch, lambda line: "start" if line.startswith(("3.", "同", "开", "组"))
          else "heading")
    text = ("二、维护职工合法权益\n1.提高职工收入。\n同企业平等协商，推动工资正常增长。\n"
            "2.完善劳动保障。\n开展劳动法律宣传，帮助职工化解劳动纠纷。\n"
            "3.支持职工成长。\n组织职工技能培训，拓宽职工发展通道。\n")
    assert _headings(analyze(text)) == [
        "二、维护职工合法权益", "1.提高职工收入。", "2.完善劳动保障。", "3.支持职工成长。"]
    # A list that leans to text keeps its lines as the labeller reads them.
    _with(monkeypatch, lambda line: "heading" if line.startswith(("二", "1.")) else "start")
    assert _headings(analyze(text)) == ["二、维护职工合法权益", "1.提高职工收入。"]


def test_a_title_block_read_as_subtitles_alone_keeps_its_title(monkeypatch) -> None:
    _with(monkeypatch, lambda line: "subtitle" if "总工会" in line and "。" not in line
          else "start")
    text = ("某区总工会：稳岗位 暖人心 护权益\n\n——全力服务复工复产一线职工\n\n"
            "区总工会把服务企业复工复产作为当前的首要任务，推出一系列务实举措。\n")
    article = analyze(text).articles[0]
    assert article.title == "某区总工会：稳岗位 暖人心 护权益"
    assert article.subtitle == "——全力服务复工复产一线职工"


def test_a_title_among_a_pages_furniture_is_the_labellers_to_take_back(monkeypatch) -> None:
    # A news site's page (written for this test): the rules set the title aside with the
    # header lines around it; a labeller that reads it as a title makes it one.
    import unionnlp.linerole as linerole

    monkeypatch.setattr(linerole, "default_labeller", lambda: _Scripted(
        lambda line: "title" if line.endswith("入会") else
        "start" if line.startswith(("本报讯", "一是", "二是")) else "furniture", sure=0.75))
    text = ("工会新闻工会新闻工会新闻工会新闻工会新闻工会新闻\n"
            "某某新闻网>>工会新闻>>各地工会及产业工会\n\n"
            "建台账 送服务 强宣传\n\n"
            "湖北宜昌市总三项举措推动快递员入会\n\n"
            "2016年03月22日10:41  来源:工人日报\n"
            " 【字号 打印 留言 论坛 网摘 手机点评 纠错\n\n"
            "  本报讯 今年以来,宜昌市总工会把推动快递员入会作为建会入会的重点,"
            "全市已有1860名快递员加入工会。\n\n"
            "  一是建立台账。市总工会会同邮政管理部门对全市快递网点逐一摸底,建立快递员信息台账。\n\n"
            "  二是送去服务。各级工会为入会快递员送上夏送清凉、冬送温暖等服务,"
            "并免费提供意外伤害保险。\n")
    report = analyze(text)
    assert [a.title for a in report.articles] == ["湖北宜昌市总三项举措推动快递员入会"]
    assert report.paragraphs[0].text.startswith("今年以来")


def test_a_numbered_headline_over_a_paragraph_is_no_furniture(monkeypatch) -> None:
    _with(monkeypatch, lambda line: "furniture" if line.startswith("（") else "start")
    text = ("（一）收入支出决算总体情况说明\n\n2024年度收入、支出总计均为357.21万元，与上年相比各减少"
            "17.84万元。\n\n（二）收入决算情况说明\n\n（三）支出决算情况说明\n")
    report = analyze(text)
    # Without the paragraph under it, the first would be furniture; the others are an outline.
    assert _headings(report) == [
        "（一）收入支出决算总体情况说明", "（二）收入决算情况说明", "（三）支出决算情况说明"]


def test_a_headline_between_blank_lines_over_a_new_paragraph_stays_a_headline(
        monkeypatch) -> None:
    _with(monkeypatch, lambda line: "start")
    text = ("电镀工序的职业危害一直是维权的重点，市总工会督促企业为职工体检。\n\n"
            "组织覆盖，小微企业也有了工会\n\n"
            "市总工会以村居、楼宇为单元组建联合工会，全年新建基层工会216家。\n")
    report = analyze(text)
    assert _headings(report) == [
        "组织覆盖，小微企业也有了工会"]
    assert report.paragraphs[-1].text.startswith("市总工会以村居")


# A report as a PDF's text extraction gives it: lines broken at the page's width, ragged,
# no blank line between paragraphs; the second paragraph's first line is short and breaks
# off a clause, as headlines do not.
WRAPPED_REPORT = """某区总工会2024年工作总结
今年以来，区总工会围绕职工群众最关心的就业、收入和
安全问题，组织开展“职工服务月”活动，走访企业一百二十
余家，帮助解决实际困难四十多件。
在困难帮扶方面，各级工会为建档困难职工发放
帮扶资金四百六十万元，开展金秋助学活动资助困难职工
子女二百一十名，并为八百名环卫工人送去夏季防暑用品，
让职工真切感受到工会组织的温暖。
同时，区总工会依托职工服务中心建立法律援助工作站，
全年为农民工追回欠薪三百余万元，调解劳动争议
案件八十余起，有效维护了职工合法权益。
"""


def test_a_hard_wrapped_page_is_told_from_one_of_whole_paragraphs() -> None:
    assert wrapped_page(WRAPPED_REPORT)
    whole = re.sub(r"(?<=[^。\n])\n", "", WRAPPED_REPORT.split("\n", 1)[1])
    assert len(whole.splitlines()) == 3
    assert not wrapped_page("某区总工会2024年工作总结\n" + whole)
    # Headlines over their paragraphs, each paragraph on a line of its own, are not broken lines.
    outline = "\n".join(f"{n}、加强组织建设，扩大工会覆盖面\n全年新建工会四十二家，发展会员五千人。"
                        for n in "一二三四")
    assert not wrapped_page(outline)


# A notice as a PDF's text extraction gives it, in short sentences and numbered items: its
# lines fill the page's width and break off words, but hardly one breaks off a clause with a
# comma in it, as the first sign of a hard-wrapped page wants.
WRAPPED_NOTICE = """关于做好困难职工档案管理工作的通知
各基层工会：
根据省总工会困难职工档案管理办法的要求和市
总工会年度工作安排，现就做好今年困难职工档
案管理工作通知如下。
一、建档对象为家庭人均收入低于当地低保标准
的职工及因患大病或遭受意外伤害致使家庭生活
陷入困难的职工家庭。
二、各基层工会要在三月底前完成入户核查工作
并将核查结果连同职工本人签字的申请表一并报
送市总工会权益保障部。
三、市总工会将对建档情况开展专项督查并将督
查结果纳入年度工作考核。
"""


def test_a_hard_wrapped_page_of_short_sentences_is_told_by_its_full_lines() -> None:
    assert wrapped_page(WRAPPED_NOTICE)
    whole = re.sub(r"(?<=[^。：\n])\n", "", WRAPPED_NOTICE)
    assert not wrapped_page(whole)
    report = analyze(WRAPPED_NOTICE)
    assert [a.title for a in report.articles] == ["关于做好困难职工档案管理工作的通知"]
    texts = [p.text for p in report.paragraphs]
    assert [t[:4] for t in texts][-2:] == ["二、各基", "三、市总"]
    assert texts[-2].endswith("一并报送市总工会权益保障部。")


@pytest.mark.xfail(strict=True, reason="a known error of the head-end model: it reads 一、建档对象 "
                   "(为家庭……) as a headline running into its text")
def test_a_numbered_sentence_whose_subject_is_a_noun_stays_whole() -> None:
    texts = [p.text for p in analyze(WRAPPED_NOTICE).paragraphs]
    assert [t[:4] for t in texts] == ["根据省总", "一、建档", "二、各基", "三、市总"]


def test_a_title_as_wide_as_a_hard_wrapped_pages_lines_stays_its_title() -> None:
    title = "关于做好2024年度困难职工档案管理工作的通知"
    report = analyze(WRAPPED_NOTICE.replace("关于做好困难职工档案管理工作的通知", title))
    assert [a.title for a in report.articles] == [title]
    assert report.paragraphs[0].text.startswith("根据省总工会")


def test_a_hard_wrapped_page_keeps_its_paragraphs_whole() -> None:
    report = analyze(WRAPPED_REPORT)
    (article,) = report.articles
    assert article.title == "某区总工会2024年工作总结"
    assert [s.heading for s in article.sections] == [None]
    assert [p.text[:6] for p in article.paragraphs] == ["今年以来，区", "在困难帮扶方", "同时，区总工"]
    assert article.paragraphs[1].text.endswith("让职工真切感受到工会组织的温暖。")


# A hard-wrapped page whose second part runs over short lines with no mark at their end (and
# ASCII commas, as such pages have): the line rules read the run as a table of contents.
WRAPPED_RUN = """某市总工会2023年工作总结
今年以来,市总工会围绕全市中心工作,团结动员广大
职工建功立业,各项工作取得新进展。
（一）扎实推进产业工人队伍建设改革。
市总工会把产业工人队伍建设改革作为
重要抓手,依托劳模创新工作室和职工创新
工作室,大力开展技术攻关、岗位练兵
和技能比武等活动,全年组织各类竞赛
一百二十余场,参与职工三万余人次,培养
首席技师和技术能手二百余名,为全市
高质量发展提供了有力的人才支撑。
（二）用心用情做好困难职工帮扶工作。
各级工会坚持精准帮扶,全年走访慰问
困难职工一千二百户,发放帮扶资金
四百六十万元,资助困难职工子女二百一十名。
"""


def test_a_hard_wrapped_paragraph_is_no_table_of_contents() -> None:
    report = analyze(WRAPPED_RUN)
    assert report.dropped == ()
    (article,) = report.articles
    assert [s.heading for s in article.sections] == [
        None, "（一）扎实推进产业工人队伍建设改革。", "（二）用心用情做好困难职工帮扶工作。"]
    assert [len(s.paragraphs) for s in article.sections] == [1, 1, 1]
    assert article.sections[1].paragraphs[0].text.endswith("提供了有力的人才支撑。")


def test_a_line_reads_its_neighbours_cue_words() -> None:
    # An e-paper item's headline is known by the 本报讯 line under it; what comes before a
    # photo credit, by the credit.
    text = ("农民工欠薪案件快速办结\n本报讯（通讯员 孙涛）近日，东湖区总工会协调办结一起欠薪案件。\n\n"
            "职工在车间参加技能比武。 王某 摄\n")
    feats = line_table(text).features()
    assert "next:cue=本报讯" in feats[0] and "cue=本报讯" not in feats[0]
    assert "cue=本报讯" in feats[1] and "next:cue=摄" in feats[1]
    assert "prev:cue=本报讯" in feats[2] and "cue=摄" in feats[2]
    assert not any(f.startswith("prev:cue=") for f in feats[0] + feats[1])


def test_a_numbered_line_reads_its_siblings() -> None:
    # Headlines of one style stand apart with text between them; a list's items follow
    # one another; a list that counts from 1 again is a new list.
    text = ("二、主要做法\n（一）强化组织建设。\n全年新建基层工会42家，新发展会员3000余名。\n"
            "（二）深化帮扶救助。\n春节前走访困难职工120户，发放慰问金36万元。\n活动要求：\n"
            "1.各单位于5月10日前报名；\n2.参赛人员须为在职职工；\n3.比赛用品由组委会统一提供。\n"
            "附：\n1.报名表\n")
    table = line_table(text)

    def sib(k: int) -> tuple[str | None, ...]:
        return tuple(table.columns[name].value(k) for name in ("sib_n", "sib_adj", "sib_at"))

    rows = list(table.rows)
    heads = [rows.index("（一）强化组织建设。"), rows.index("（二）深化帮扶救助。")]
    items = [k for k, r in enumerate(rows) if r[:2] in ("1.", "2.", "3.")]
    assert [sib(k) for k in heads] == [("2", "0", "first"), ("2", "0", "last")]
    assert [sib(k) for k in items] == [("2", "1", "first"), ("2", "1", "mid"),
                                       ("2", "1", "last"), ("1", None, "only")]
    assert sib(0) == ("1", None, "only")
    assert sib(rows.index("活动要求：")) == (None, None, None)
    assert "sib_adj=1" in table.features()[items[0]]


def test_a_line_standing_alone_like_a_headline_reads_how_many_the_page_holds() -> None:
    # Headlines come in a set; a page's one short line over its text is more often a title.
    body = "春节前夕，区总工会组织慰问组深入基层，走访慰问困难职工一百二十户，发放慰问金三十六万元。"
    page = "".join(f"{head}\n{body}\n" for head in ("组织建设", "帮扶救助", "依法维权", "技能提升"))
    table = line_table(page)
    alone = [table.columns["alone"].value(k) for k in range(len(table))]
    assert alone == ["4", None] * 4
    single = line_table(f"区总工会送温暖\n{body}\n{body}\n")
    assert [single.columns["alone"].value(k) for k in range(3)] == ["1", None, None]


def test_a_speakers_post_under_the_date_of_a_speech_is_no_headline() -> None:
    # The rules read the post (a short line, no mark at its end) as a headline; the
    # labeller reads it as a byline, less than half sure among its nine roles, which is
    # sure enough to overrule the rules (``CONFIDENT``). Under the date, it joins the title
    # block: the speech stays one article.
    text = ("在全县工会工作会议上的讲话\n（2024年3月15日）\n副县长、县总工会主席\n同志们：\n"
            "今天召开全县工会工作会议，主要任务是总结去年工作，部署今年任务。\n"
            "过去一年，全县各级工会围绕中心、服务大局，新建基层工会42家，发展会员3000余名。\n")
    report = analyze(text)
    assert [s.heading for a in report.articles for s in a.sections if s.heading] == []
    assert report.articles[0].title == "在全县工会工作会议上的讲话"
    assert "副县长、县总工会主席" in (report.articles[0].byline or "")


def test_a_model_texts_title_in_the_middle_of_the_page_opens_an_article() -> None:
    page = ("某市总工会 > 范文中心 > 工作总结\n\n工会开展送温暖活动的总结1\n\n"
            "今年元旦春节期间，市总工会按照上级工会的部署，集中开展送温暖活动，共走访慰问困难职工326户，"
            "发放慰问金48.6万元。\n\n"
            "活动中，各级工会领导带队深入企业和职工家中，了解困难职工的生活状况，帮助解决实际困难。\n\n"
            "工会开展送温暖活动的总结2\n\n"
            "为了让困难职工过一个欢乐祥和的节日，区总工会今年筹集资金32万元，慰问困难职工和劳动模范215人。\n\n"
            "区总工会还组织志愿者为环卫工人送去棉衣、手套等御寒物品，受到职工群众的欢迎。\n")
    report = analyze(page)
    assert [a.title for a in report.articles] == ["工会开展送温暖活动的总结1", "工会开展送温暖活动的总结2"]
    assert _headings(report) == []
    assert report.articles[1].paragraphs[0].text.startswith("为了让困难职工")


def test_a_numbered_headline_that_is_a_whole_sentence_heads_its_section() -> None:
    first = "(一)在“三个代表”重要思想指导下，借学习、宣传、贯彻《工会法》的时机，持续提升工会工作的整体水平。"
    second = "(二)始终坚持平等协商制度、集体合同制度和职代会制度，把维护广大员工的合法权益落到实处。"
    page = (f"某省电信工会2005年工作总结\n\n  {first}\n\n"
            "  1、召开一届二次委员扩大会议，回顾上一年全省工会工作，对本年度工会任务作出安排。"
            "会议期间，省工会与各市电信工会签订了年度工作目标责任书。\n\n"
            "  2、组织全省各级工会干部学习《工会法》，举办培训班三期，参训干部210人次。\n\n"
            f"  {second}\n\n"
            "  1、全省电信系统签订集体合同的单位达到98%，覆盖员工1.2万人。\n\n"
            "  2、各市电信公司职代会召开率达到100%，提案落实率92%。\n")
    heads = _headings(analyze(page))
    assert first in heads and second in heads
    assert heads.index(first) < heads.index(second)
    assert all(len(h) > 40 for h in (first, second))


def test_a_title_printed_over_two_lines_goes_on_where_its_second_opens_with_ji() -> None:
    # A city union's news page (written for this test): the title is broken before 及.
    text = ("市总工会召开2024年工作总结\n及2025年工作谋划务虚会\n"
            "12月27日,市总工会召开务虚会,总结 2024 年工作,谋划 2025 年发展。机关各部门、产业工会及"
            "直属企事业单位负责人汇报今年工作完成情况与明年打算。党组成员点评分管工作并部署重点任务。"
            "市委常委,市总工会党组书记、主席王某出席并讲话。\n")
    report = analyze(text)
    assert report.articles[0].title == "市总工会召开2024年工作总结及2025年工作谋划务虚会"
    assert "及2025年工作谋划务虚会" not in report.dropped
    # A line that opens with 及 and says a sentence is no title's.
    text = text.replace("及2025年工作谋划务虚会", "及时总结经验，谋划明年工作。")
    assert analyze(text).articles[0].title == "市总工会召开2024年工作总结"


class _Leaning:
    """The packaged labeller, but reading the line that opens with ``opening`` as furniture
    with probability ``p`` (as it read a news item's paragraph about a film, whose title
    holds a colon and a space, at 0.75)."""

    def __init__(self, opening: str, p: float) -> None:
        import unionnlp.linerole as linerole

        self.inner = linerole.default_labeller()
        self.labels = self.inner.labels
        self.opening, self.p = opening, p
        self.text = ""

    def table(self, text: str, *args: object, **kwargs: object) -> object:
        self.text = text
        return self.inner.table(text, *args, **kwargs)

    def marginals(self, table: object) -> np.ndarray:
        out = np.array(self.inner.marginals(table), copy=True)
        lines = self.text.split("\n")
        for row, number in enumerate(table.numbers):
            if lines[number - 1].startswith(self.opening):
                out[row] = 0.0
                out[row, self.labels.index("furniture")] = self.p
                out[row, self.labels.index("start")] = 1 - self.p
        return out


_FILM_PAGE = (
    "东楚网讯(通讯员 周明)5月6日,阳新县“富川工匠杯”职工技能竞赛在县职教中心启动,同步举办庆“五一”文艺演出。\n"
    "活动现场。通讯员供图\n"
    "活动现场,多家企业获评2024年度劳动竞赛先进单位,与会领导为2025年参赛单位授旗。\n"
    "纪录短片《石桥村三代人:接力奋斗 书写振兴篇章》讲述全国劳模张志强、省劳模刘春生等先进事迹,"
    "展现劳动者的使命担当。现场观众表示:“劳模精神代代相传。”\n"
    "文艺演出环节,开场舞《劳动最光荣》热情洋溢,情景剧《安全在我心》普及安全知识。\n")


@pytest.mark.parametrize(("p", "kept"), [(0.75, True), (0.85, True), (0.95, False)])
def test_a_paragraph_between_text_lines_is_set_aside_only_where_the_labeller_is_sure(
        monkeypatch: pytest.MonkeyPatch, p: float, kept: bool) -> None:
    import unionnlp.linerole as linerole
    from unionnlp.model import Source
    from unionnlp.structure import parse

    leaning = _Leaning("纪录短片", p)
    monkeypatch.setattr(linerole, "default_labeller", lambda: leaning)
    report = parse(Source(_FILM_PAGE))
    found = any(x.text.startswith("纪录短片") for x in report.paragraphs)
    assert found is kept
    assert any(d.startswith("纪录短片") for d in report.dropped) is not kept


def test_a_sites_blurb_above_the_text_is_still_set_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    # A 范文 site's blurb, before the text: no text line above it, the labeller's bar.
    import unionnlp.linerole as linerole
    from unionnlp.model import Source
    from unionnlp.structure import parse

    text = ("工会工作总结范文\n"
            "总结是对过去一段时间工作的回顾和分析,能帮我们找出规律,以下是小编整理的工会工作总结,供大家参考。\n"
            "今年以来,区总工会围绕中心、服务大局,新建基层工会42家,发展会员3000余名。\n"
            "区总工会还开展送温暖活动,走访慰问困难职工120户,发放慰问金36万元。\n")
    leaning = _Leaning("总结是对", 0.8)
    monkeypatch.setattr(linerole, "default_labeller", lambda: leaning)
    report = parse(Source(text))
    assert any(d.startswith("总结是对") for d in report.dropped)
