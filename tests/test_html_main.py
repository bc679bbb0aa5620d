"""Web pages: the reader keeps the page's main content and sets its menus, breadcrumbs and
footers aside. The pages are real-shaped twins' lines in the markup a CMS gives them."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from unionnlp import read
from unionnlp.api import analyze_file
from unionnlp.twins import PARAGRAPH_ROLES, Twin, load_twins

#: Train twins of web pages with a menu or breadcrumb above the article and a footer below.
PAGES = ("gov16", "news42", "news47", "news48", "gov20")


def _page(twin: Twin) -> tuple[str, list[str], list[str]]:
    """The twin as a CMS page: furniture before the title in a header of links, the title
    an <h1> (and the page's <title>), headings <h2>, paragraphs <p>,
    furniture after the last paragraph a footer. Returns the page, the furniture lines
    put in the header and footer, and the paragraphs."""
    lines: list[tuple[str, str]] = []  # (role of the line's first span, text)
    for number, text in enumerate(twin.lines, 1):
        spans = [s for s in twin.spans if s.line == number]
        if text.strip() and spans:
            lines.append((spans[0].role, " ".join(text.split())))
    title = next(i for i, (role, _) in enumerate(lines) if role == "title")
    last = max(i for i, (role, _) in enumerate(lines) if role in PARAGRAPH_ROLES)
    article = {text for _, text in lines[title:last + 1]}
    # A header line that repeats the title is the same text as the <h1>: no reader can
    # tell which is which (the line rules set the repeat aside).
    head = [text for role, text in lines[:title] if role == "furniture" and text not in article]
    foot = [text for role, text in lines[last + 1:] if role == "furniture"]
    body = []
    for role, text in lines[title:last + 1]:
        tag = {"title": "h1", "heading": "h2"}.get(role, "p")
        body.append(f"<{tag}>{html.escape(text)}</{tag}>")
    paragraphs = [text for role, text in lines[title:last + 1] if role in PARAGRAPH_ROLES]
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        f"{html.escape(lines[title][1])}</title></head><body>"
        "<div id='header'><ul class='nav'>"
        + "".join(f"<li><a href='/c/{k}.html'>{html.escape(t)}</a></li>" for k, t in enumerate(head))
        + "</ul></div><div id='main'><div class='article'>" + "".join(body)
        + "</div></div><div id='footer'>"
        + "".join(f"<p>{html.escape(t)}</p>" for t in foot)
        + "</div></body></html>"
    )
    return page, head + foot, paragraphs


@pytest.fixture(scope="module")
def twins() -> dict[str, Twin]:
    return {t.id: t for t in load_twins("train") if t.id in PAGES}


@pytest.mark.parametrize("twin_id", PAGES)
def test_menus_and_footers_are_set_aside_and_the_article_kept(
        tmp_path: Path, twins: dict[str, Twin], twin_id: str) -> None:
    page, furniture, paragraphs = _page(twins[twin_id])
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = read(path)
    lines = source.text.split("\n")
    outside = {lines[n] for n in source.boilerplate}
    assert furniture and set(furniture) <= outside
    assert not outside & set(paragraphs)
    report = analyze_file(path)
    dropped = set(report.dropped)
    assert all(line in dropped for line in furniture)
    assert not dropped & set(paragraphs)


def test_the_pages_headline_is_its_title_not_furniture(tmp_path: Path) -> None:
    # Main-content extraction gives the headline as metadata, apart from the main text;
    # the page's <title> names the site's column, as many do.
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>工会新闻_某某市总工会网站"
        "</title></head><body><div class='nav'><ul><li><a href='/'>首页</a></li><li>"
        "<a href='/news'>工会要闻</a></li><li><a href='/org'>组织建设</a></li></ul></div>"
        "<div class='crumb'>当前位置：首页 &gt; 工会要闻 &gt; 正文</div><div class='article'>"
        "<h1>区总工会举办职工技能大赛</h1><div class='info'>发布时间：2024-05-08 来源：区总工会"
        "</div><p>5月8日，区总工会举办职工职业技能大赛，来自全区42家企业的300余名职工参赛。</p>"
        "<p>今年的大赛首次把新就业形态劳动者纳入参赛范围，快递员、网约配送员等群体的选手占到"
        "参赛总人数的三成，区总工会为他们安排了专场培训和赛前集训。</p>"
        "<p>大赛设电工、焊工、数控车工等8个项目，获奖选手将按规定晋升职业技能等级。</p>"
        "<p><img src='a.jpg'><br>图为焊工项目比赛现场（记者 李明 摄）</p></div>"
        "<div class='share'>分享到：微信 微博</div><div class='footer'><p>版权所有：某某区总工会"
        "</p></div></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    report = analyze_file(path)
    assert "区总工会举办职工技能大赛" not in report.dropped
    assert report.articles[0].title == "区总工会举办职工技能大赛"
    assert "分享到：微信 微博" in report.dropped


def test_a_page_without_main_content_is_read_whole(tmp_path: Path) -> None:
    # Extraction that finds (almost) nothing is not believed: nothing is set aside.
    path = tmp_path / "links.html"
    path.write_text("<html><body><a href='/a'>市总工会</a><br><a href='/b'>职工服务</a>"
                    "</body></html>", encoding="utf-8")
    assert read(path).boilerplate == frozenset()
