"""Paragraph themes: the packaged classifier, its held-out quality, explanations, user models."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import unionnlp
from unionnlp.errors import ModelError
from unionnlp.evaluate import evaluate
from unionnlp.model import THEMES, Report
from unionnlp.themes import default_classifier, load_classifier, train_from_jsonl


@pytest.fixture(scope="module")
def seed_report(seed_text: str) -> Report:
    return unionnlp.analyze(seed_text)


def _themes_of(report: Report, needle: str) -> tuple[str, ...]:
    (hit,) = [p for p in report.paragraphs if needle in p.text]
    return hit.themes


def test_seed_paragraph_themes(seed_report: Report) -> None:
    assert "worker_aid" in _themes_of(seed_report, "春秋助学机制")
    assert "worker_aid" in _themes_of(seed_report, "大病救助机制")
    assert "org_building" in _themes_of(seed_report, "建会率达到95.96%")
    assert "rights_protection" in _themes_of(seed_report, "职工法律援助中心”正式挂牌")
    assert "skills_training" in _themes_of(seed_report, "创建学习型组织，争做知识型职工")
    assert _themes_of(seed_report, "奇山秀水汇一城") == ()


def test_scores_and_shares(seed_report: Report) -> None:
    for p in seed_report.paragraphs:
        assert set(p.scores) == set(THEMES)
        assert all(0.0 <= v <= 1.0 for v in p.scores.values())
        assert set(p.themes) <= set(THEMES)
    shares = seed_report.theme_shares
    assert set(shares) == set(THEMES)
    assert all(0 < v < 1 for v in shares.values())


def test_held_out_quality() -> None:
    result = evaluate()
    assert result["test_documents"] >= 10
    assert result["macro_f1"] >= 0.8, result
    for theme, figures in result["themes"].items():
        assert figures["f1"] >= 0.7, (theme, figures)


def test_explanations_name_the_terms() -> None:
    text = "区总工会开展金秋助学活动，资助困难职工子女三百名，发放助学金九十万元。"
    terms = [t for t, _ in unionnlp.explain(text, "worker_aid")]
    assert terms and any("助学" in t or "困难" in t for t in terms)
    with pytest.raises(unionnlp.ConfigError):
        unionnlp.explain(text, "no_such_theme")


def test_user_taxonomy_round_trip(tmp_path: Path) -> None:
    safety = ["开展安全生产月活动，排查事故隐患{}处。", "组织职工参加安全知识竞赛{}场。",
              "为一线职工配发劳动防护用品{}套。", "开展职业病防治宣传{}次。"]
    culture = ["举办职工文艺汇演{}场。", "组织职工篮球赛{}场。", "开展职工摄影展{}次。",
               "举办读书分享会{}场。"]
    lines = [json.dumps({"themes": {"safety": "安全", "culture": "文体"}}, ensure_ascii=False)]
    for i in range(8):
        for s in safety:
            lines.append(json.dumps({"text": s.format(i + 2), "labels": ["safety"],
                                     "doc": f"d{i}"}, ensure_ascii=False))
        for c in culture:
            lines.append(json.dumps({"text": c.format(i + 3), "labels": ["culture"],
                                     "doc": f"d{i}"}, ensure_ascii=False))
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "model.npz"
    summary = train_from_jsonl(labels, out)
    assert summary["themes"] == {"culture": "文体", "safety": "安全"}
    report = unionnlp.analyze("今年开展安全生产月活动，排查事故隐患四十处。",
                              options=unionnlp.Options(model=str(out)))
    (p,) = report.paragraphs
    assert set(p.scores) == {"culture", "safety"} and p.themes == ("safety",)
    # Training reports its cross-validated quality per theme.
    cv = summary["cross_validation"]
    assert set(cv["themes"]) == {"culture", "safety"}
    assert all(0.0 <= cv["themes"][t][k] <= 1.0 for t in cv["themes"] for k in ("precision", "recall"))
    # The user's own held-out labels score the model; the packaged corpus cannot.
    held = tmp_path / "held.jsonl"
    held.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"text": "组织职工参加消防安全演练。", "labels": ["safety"]},
        {"text": "举办职工合唱比赛。", "labels": ["culture"]},
    ]), encoding="utf-8")
    result = evaluate(model_path=out, labels_path=held)
    assert result["test_paragraphs"] == 2 and set(result["themes"]) == {"culture", "safety"}
    with pytest.raises(ModelError, match="--labels"):
        evaluate(model_path=out)
    held.write_text(json.dumps({"text": "x", "labels": ["rights"]}), encoding="utf-8")
    with pytest.raises(ModelError, match="does not know"):
        evaluate(model_path=out, labels_path=held)


def test_saved_models_load_without_pickle_and_refuse_other_files(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    default_classifier().save(path)
    loaded = load_classifier(path)
    assert loaded.themes == THEMES and list(loaded.themes) == list(THEMES)
    docs = [["困难职工", "帮扶"], ["工资", "集体协商"]]
    assert loaded.predict_proba(docs) == default_classifier().predict_proba(docs)
    scores = loaded.predict_proba(docs)
    assert loaded.in_context(scores) == default_classifier().in_context(scores)
    assert loaded.context_thresholds_ == default_classifier().context_thresholds_
    path.write_bytes(pickle.dumps({"format": "unionnlp-themes/1"}))
    with pytest.raises(ModelError, match=str(path)):
        load_classifier(path)
    path.write_bytes(b"not a model")
    with pytest.raises(ModelError, match=str(path)):
        load_classifier(path)


def test_quality_on_the_real_page(seed_report: Report) -> None:
    """The real newspaper page, labelled by hand against the guide (prefixes, not text)."""
    from unionnlp.metrics import score

    data = Path(__file__).parent / "data" / "seed_labels.jsonl"
    gold = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
    paragraphs = seed_report.paragraphs
    assert [p.text[:10] for p in paragraphs] == [g["prefix"] for g in gold]
    result = score([tuple(g["labels"]) for g in gold], [p.themes for p in paragraphs],
                   list(THEMES))
    assert result["macro_f1"] >= 0.7, result
    assert result["exact_match"] >= 0.7, result


def test_training_is_deterministic() -> None:
    """Workers that each train the model on a cold cache must agree to the byte."""
    from unionnlp.corpus import load_corpus
    from unionnlp.themes import ThemeClassifier, segment_all

    paragraphs = load_corpus().paragraphs[:400]
    tokens = segment_all([p.text for p in paragraphs])
    labels = [p.labels for p in paragraphs]
    groups = [p.doc for p in paragraphs]
    first = ThemeClassifier().fit(tokens, labels, groups=groups)
    second = ThemeClassifier().fit(tokens, labels, groups=groups)
    assert first.thresholds_ == second.thresholds_
    assert first.predict_proba(tokens[:50]) == second.predict_proba(tokens[:50])
    assert first.context_thresholds_ == second.context_thresholds_
    assert (first.context_coef_ == second.context_coef_).all()


def test_numpy_inference_equals_scikit_learns(seed_text: str) -> None:
    """The saved arrays predict what the fitted scikit-learn pipeline predicts."""
    import numpy as np

    from unionnlp.corpus import load_corpus
    from unionnlp.themes import ThemeClassifier, segment_all

    paragraphs = load_corpus().paragraphs[:400]
    docs = segment_all([p.text for p in paragraphs])
    model = ThemeClassifier().fit(docs, [p.labels for p in paragraphs],
                                  groups=[p.doc for p in paragraphs])
    y = model._matrix([p.labels for p in paragraphs])
    pipeline = model._pipeline().fit(docs, y)
    probe = segment_all([p.text for p in load_corpus().paragraphs[400:700]]
                        + seed_text.splitlines())
    expected = pipeline.predict_proba(probe)
    got = np.array([[row[t] for t in THEMES] for row in model.predict_proba(probe)])
    assert np.allclose(got, expected, rtol=0, atol=1e-12)


def test_evidence_words_are_the_top_decile_numpy_quantile_gives() -> None:
    """The evidence bar is numpy's 0.9 quantile of each word's largest weight, computed
    without numpy.quantile."""
    import numpy as np

    model = default_classifier()
    best = model.coef_[:, :len(model.word_terms_)].max(axis=0)
    for q in (0.5, 0.9, 0.97):
        bar = np.quantile(best, q)
        expected = {t for t, w in zip(model.word_terms_, best, strict=True) if w >= bar}
        assert model.evidence(q) == expected
    assert "拖欠工资" in model.evidence()


def test_explain_clauses_finds_the_clause_that_carries_each_theme() -> None:
    import unionnlp
    from unionnlp.errors import ConfigError
    from unionnlp.twins import load_twins

    multi = [p for t in load_twins("train") for p in t.paragraphs if len(p.themes) >= 2]
    assert len(multi) >= 5
    apart = 0
    for paragraph in multi:
        first, second = paragraph.themes[:2]
        a = unionnlp.explain_clauses(paragraph.text, first)
        b = unionnlp.explain_clauses(paragraph.text, second)
        # Every character of the paragraph is in one clause, whichever theme is asked.
        assert sorted(c for c, _ in a) == sorted(c for c, _ in b)
        assert sum(len("".join(c.split())) for c, _ in a) == len("".join(paragraph.text.split()))
        assert [s for _, s in a] == sorted((s for _, s in a), reverse=True)
        apart += len(a) > 1 and a[0][0] != b[0][0]
    assert apart > 0  # paragraphs whose themes sit in different clauses
    with pytest.raises(ConfigError, match="theme"):
        unionnlp.explain_clauses("帮扶困难职工。", "no_such_theme")


def test_features_of_a_table_with_phrases_of_three_are_a_pairs_tables(seed_text: str) -> None:
    """The theme features of the analysis's table (phrases up to three words) are, bit for
    bit, those of a table of words and pairs only."""
    import numpy as np

    from unionnlp.keyterms import TermTable
    from unionnlp.segment import cut_for_analysis

    docs = [cut_for_analysis(line) for line in seed_text.splitlines() if line.strip()]
    model = default_classifier()
    wide, pairs = TermTable(docs), TermTable(docs, max_phrase=2)
    for got, expected in zip(model.features(wide), model.features(pairs), strict=True):
        assert np.array_equal(got, expected)
    assert model.predict_table(wide) == model.predict_table(pairs)


def test_a_paragraph_is_read_among_its_neighbours() -> None:
    """A paragraph's document moves its probabilities: up among paragraphs of a theme, down
    among paragraphs of another (real-shaped paragraphs of train twins)."""
    from unionnlp.themes import segment_all
    from unionnlp.twins import load_twins

    def of(theme: str, n: int) -> list[str]:
        return [p.text for t in load_twins("train") for p in t.paragraphs
                if p.themes == (theme,) and 60 <= len(p.text) <= 300][:n]

    model = default_classifier()
    aid, skills = of("worker_aid", 3), of("skills_training", 2)
    target = aid[0]

    def probability(paragraphs: list[str], theme: str) -> float:
        scores = model.in_context(model.predict_proba(segment_all(paragraphs)))
        return scores[paragraphs.index(target)][theme]

    alone = [target]
    among_aid = [aid[1], target, aid[2]]
    among_skills = [skills[0], target, skills[1]]
    assert (probability(among_aid, "worker_aid") > probability(alone, "worker_aid")
            > probability(among_skills, "worker_aid"))
    assert (probability(among_skills, "skills_training") > probability(alone, "skills_training")
            > probability(among_aid, "skills_training"))


def test_context_moves_a_paragraphs_own_log_odds_and_needs_documents() -> None:
    """The context model keeps the paragraph's own log-odds at weight 1 and learns what its
    neighbours add; a model fitted without document ids has no context part."""
    import numpy as np

    from unionnlp.corpus import load_corpus
    from unionnlp.themes import CONTEXT, ThemeClassifier, _logistic, segment_all

    rng = np.random.default_rng(0)
    x = rng.normal(size=(2000, len(CONTEXT)))
    y = (rng.random(2000) < 1 / (1 + np.exp(-(x[:, 0] + 1.5 * x[:, 1])))).astype(float)
    coef, _ = _logistic(x, y)
    assert coef[0] == 1.0 and coef[1] > 1.0 and abs(coef[2]) < 0.2 and abs(coef[3]) < 0.2
    coef, intercept = _logistic(x, np.zeros(2000))
    assert coef.tolist() == [1.0, 0.0, 0.0, 0.0] and intercept == 0.0

    paragraphs = load_corpus().paragraphs[:200]
    model = ThemeClassifier().fit(segment_all([p.text for p in paragraphs]),
                                  [p.labels for p in paragraphs])
    scores = model.predict_proba(segment_all([p.text for p in paragraphs[:5]]))
    assert model.context_coef_ is None and model.in_context(scores) == scores
    assert [model.decide(s, in_context=True) for s in scores] == [model.decide(s) for s in scores]
