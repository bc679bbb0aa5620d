"""Structure of fresh mainland pages' heads and tails: a title between an e-paper's masthead
and its audio button, a photo's caption over the lead, an author's bare name, a sidebar
teaser cut off before 更多>, closing signatures and source tags, a list's label with no
list, and an unnumbered headline over numbered ones."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


EPAPER = """南方职工报官方网站 | 南工网首页 今天是
网络评论自律承诺书  违法信息举报电话:南工网(020-66554433)
第3120期:第02版 要闻

滨江区总工会启动职工技能提升行动助推企业复工

语音播报: 语音播报

本报讯(林晓 通讯员 周宁)近日,滨江区总工会印发《职工技能提升行动实施方案》,行动从4月持续到11月。

《方案》要求,各街道总工会和区直基层工会结合实际组织培训,区总工会将定期督导,年底评选先进集体。

关注公众号,随时阅读南方职工报
"""


def test_a_title_between_an_epapers_masthead_and_its_audio_button_is_the_title() -> None:
    report = _parse(EPAPER)
    article = report.articles[0]
    assert article.title == "滨江区总工会启动职工技能提升行动助推企业复工"
    assert article.title not in report.dropped
    assert "语音播报: 语音播报" in report.dropped
    assert "第3120期:第02版 要闻" in report.dropped
    assert article.byline is not None and article.byline.startswith("本报讯")
