"""One self-contained HTML page for a whole batch: nothing is fetched, CSS, JS and charts are inline.

Per report: an outline (articles → sections, anchored, with a contents list),
paragraphs coloured by theme (a tint and left border for the strongest theme, one
more stripe per further theme, every score in the hover title), keywords,
summary, key figures and a theme-share bar chart in SVG; for the batch, the
contents, a legend, a failure list and one more chart. Every piece of report text
goes through :func:`html.escape`, so a report that contains markup shows it as text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from ..model import THEMES
from . import Writer

__all__ = ["EXTRA_COLOURS", "THEME_COLOURS", "HtmlWriter", "batch_shares", "render"]

#: Colours of the packaged themes, in THEMES order; further theme ids take EXTRA_COLOURS.
THEME_COLOURS = ("#2563eb", "#ea580c", "#dc2626", "#16a34a")
EXTRA_COLOURS = ("#9333ea", "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d")

_STRIPE = 5  # px per extra-theme stripe
_CHART_LABEL = 170
_CHART_BAR = 240
_CHART_ROW = 24
_OPEN_FIGURES = 8  # longer figure tables start folded

_CSS = """
:root{color-scheme:light;--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:1.5rem;font:16px/1.7 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink)}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.3rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.15rem;margin:1.5rem 0 .3rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
.muted,.meta,.byline{color:var(--muted);font-size:.9rem}
.subtitle{font-weight:600;margin:.1rem 0}
.legend{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.legend button{font:inherit;border:1px solid var(--line);border-radius:4px;padding:.15rem .6rem;cursor:pointer;background:#fff}
.legend button[aria-pressed=true]{outline:2px solid var(--ink)}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.35em;vertical-align:-.1em}
.report{border-top:4px solid var(--line);margin-top:2.5rem}
.report.failed{border-top-color:#dc2626}
.error{color:#b91c1c;font-family:monospace;white-space:pre-wrap}
.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
.keywords{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:.3rem 0}
.keywords li{background:#f3f4f6;border-radius:3px;padding:0 .4rem}
.article-keywords li{font-size:.85rem}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;white-space:nowrap}
.outline ol{margin:.2rem 0;padding-left:1.4rem}
.para{margin:.5rem 0;padding:.35rem .7rem;border-left:5px solid transparent;border-radius:2px}
.lead-in{font-weight:700}
.chart text{font-size:13px;fill:var(--ink)}
.chart .value{fill:var(--muted)}
.top{font-size:.85rem}
.dropped{color:var(--muted);font-size:.85rem;margin:.5rem 0}
details.figures>summary{cursor:pointer}
details.figures>summary h3{display:inline-block;margin:.8rem 0 .3rem}
""".strip()

_JS = """
document.querySelectorAll('.legend button').forEach(function (button) {
  button.addEventListener('click', function () {
    var key = button.getAttribute('data-key');
    var on = document.body.getAttribute('data-focus') === key;
    document.body.setAttribute('data-focus', on ? '' : key);
    document.querySelectorAll('.legend button').forEach(function (other) {
      other.setAttribute('aria-pressed', String(!on && other === button));
    });
  });
});
""".strip()


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _percent(share: float) -> str:
    return f"{100 * share:.1f}%"


class _Palette:
    """Theme ids → CSS keys (``t0``, ``t1``…) and colours: packaged themes first, then others sorted."""

    def __init__(self, records: Sequence[Mapping[str, Any]]) -> None:
        others: set[str] = set()
        for record in records:
            others.update(str(t) for t in (record.get("theme_shares") or {}))
            for paragraph in _paragraphs(record):
                others.update(str(t) for t in paragraph.get("themes") or ())
                others.update(str(t) for t in paragraph.get("scores") or {})
        self.ids: list[str] = [*THEMES, *sorted(others - set(THEMES))]
        self.key = {theme: f"t{i}" for i, theme in enumerate(self.ids)}
        extra = len(self.ids) - len(THEME_COLOURS)
        colours = [*THEME_COLOURS, *(EXTRA_COLOURS[i % len(EXTRA_COLOURS)] for i in range(max(extra, 0)))]
        self.colour = dict(zip(self.ids, colours, strict=False))

    def label(self, theme: str) -> str:
        name = THEMES.get(theme)
        return f"{name} {theme}" if name else theme

    def css(self) -> str:
        rules = []
        for theme in self.ids:
            key, colour = self.key[theme], self.colour[theme]
            rules.append(f".swatch.{key},.bar.{key}{{background:{colour};fill:{colour}}}")
            rules.append(f".para.p-{key}{{border-left-color:{colour};background:{colour}1a}}")
            rules.append(f"body[data-focus={key}] .para:not(.h-{key}){{opacity:.25}}")
        return "\n".join(rules)


def _paragraphs(record: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    for article in record.get("articles") or ():
        for section in article.get("sections") or ():
            yield from section.get("paragraphs") or ()


def _text_length(record: Mapping[str, Any]) -> int:
    return sum(len(str(p.get("text") or "")) for p in _paragraphs(record))


def batch_shares(records: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Theme shares of the batch: the reports' shares weighted by their paragraph text length."""
    totals: dict[str, float] = {}
    weight = 0
    for record in records:
        shares = record.get("theme_shares") or {}
        size = _text_length(record)
        if record.get("error") or not shares or not size:
            continue
        weight += size
        for theme, share in shares.items():
            totals[str(theme)] = totals.get(str(theme), 0.0) + float(share) * size
    return {theme: total / weight for theme, total in totals.items()} if weight else {}


def _chart(shares: Mapping[str, float], palette: _Palette, caption: str) -> str:
    """A horizontal bar chart of theme shares as inline SVG."""
    if not shares:
        return '<p class="muted">没有主题数据 (no theme data)</p>'
    rows = [theme for theme in palette.ids if theme in shares]
    width = _CHART_LABEL + _CHART_BAR + 70
    height = _CHART_ROW * len(rows) + 8
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{_e(caption)}">',
        f"<title>{_e(caption)}</title>",
    ]
    for row, theme in enumerate(rows):
        share = min(max(float(shares[theme]), 0.0), 1.0)
        y = row * _CHART_ROW + 4
        bar = round(share * _CHART_BAR, 1)
        parts.append(
            f'<text x="0" y="{y + 14}">{_e(palette.label(theme))}</text>'
            f'<rect class="bar {palette.key[theme]}" data-theme="{_e(theme)}" x="{_CHART_LABEL}" '
            f'y="{y + 2}" width="{bar}" height="16" rx="2"><title>{_e(theme)}: '
            f"{_percent(share)}</title></rect>"
            f'<text class="value" x="{_CHART_LABEL + bar + 6}" y="{y + 14}">{_percent(share)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _legend(palette: _Palette) -> str:
    items = "".join(
        f'<li><button type="button" data-key="{palette.key[theme]}" data-theme="{_e(theme)}" '
        f'aria-pressed="false"><span class="swatch {palette.key[theme]}"></span>'
        f"{_e(THEMES.get(theme, ''))} <code>{_e(theme)}</code></button></li>"
        for theme in palette.ids
    )
    return (
        '<section id="legend"><h2>主题图例 Themes</h2>'
        f'<ul class="legend">{items}</ul>'
        '<p class="muted">段落底色与左边框表示最强的主题，其后的色条表示其他主题；'
        "悬停段落可见各主题得分，点击图例只突出该主题。"
        " (Tint and left border: strongest theme; further stripes: other themes; hover for scores;"
        " click a theme to highlight it.)</p></section>"
    )


def _keywords(keywords: Iterable[Mapping[str, Any]], css: str = "keywords") -> str:
    items = "".join(
        f'<li title="{_e(k.get("weight"))}">{_e(k.get("term"))}</li>' for k in keywords
    )
    return f'<ul class="{css}">{items}</ul>' if items else ""


def _summary(sentences: Iterable[Any]) -> str:
    items = "".join(f"<li>{_e(s)}</li>" for s in sentences)
    return f'<ol class="summary">{items}</ol>' if items else ""


def _figures(figures: Sequence[Mapping[str, Any]]) -> str:
    """The key figures table, folded away when long so the outline stays near the text."""
    if not figures:
        return '<h3>关键数字 key figures</h3><p class="muted">没有关键数字 (no key figures)</p>'
    rows = "".join(
        "<tr>"
        f'<td class="num">{"约" if f.get("approximate") else ""}{_e(f.get("value"))}</td>'
        f"<td>{_e(f.get('unit'))}</td><td>{_e(f.get('subject'))}</td><td>{_e(f.get('text'))}</td>"
        "</tr>"
        for f in figures
    )
    state = " open" if len(figures) <= _OPEN_FIGURES else ""
    return (
        f'<details class="figures"{state}><summary><h3>关键数字 key figures ({len(figures)})</h3></summary>'
        '<table><thead><tr><th>数值 value</th><th>单位 unit</th>'
        f"<th>对象 subject</th><th>原文 text</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def _dropped(lines: Sequence[Any]) -> str:
    """The page furniture the reader removed (page numbers, mastheads), folded away."""
    if not lines:
        return ""
    items = "".join(f"<li>{_e(line)}</li>" for line in lines)
    return (
        f'<details class="dropped"><summary>删除的版面杂项 dropped lines ({len(lines)})</summary>'
        f"<ul>{items}</ul></details>"
    )


def _paragraph(paragraph: Mapping[str, Any], anchor: str, palette: _Palette) -> str:
    scores = {str(t): float(s) for t, s in (paragraph.get("scores") or {}).items()}
    order = {theme: i for i, theme in enumerate(palette.ids)}
    themes = sorted(
        (str(t) for t in paragraph.get("themes") or ()),
        key=lambda t: (-scores.get(t, 0.0), order.get(t, len(order))),
    )
    classes = ["para"]
    style = ""
    if themes:
        classes.append(f"p-{palette.key[themes[0]]}")
        classes.extend(f"h-{palette.key[t]}" for t in themes)
        stripes = [
            f"inset {_STRIPE * i}px 0 0 {palette.colour[t]}" for i, t in enumerate(themes[1:], start=1)
        ]
        if stripes:
            padding = f"calc(.7rem + {_STRIPE * len(stripes)}px)"
            style = f' style="box-shadow:{",".join(stripes)};padding-left:{padding}"'
    ranked = sorted(scores, key=lambda t: (-scores[t], order.get(t, len(order))))
    title = "\n".join(f"{palette.label(t)}: {scores[t]:.4f}" for t in ranked)
    text = str(paragraph.get("text") or "")
    lead = paragraph.get("lead_in")
    if lead and text.startswith(str(lead)):
        body = f'<span class="lead-in">{_e(lead)}</span>{_e(text[len(str(lead)):])}'
    else:
        body = _e(text)
    return (
        f'<p id="{anchor}" class="{" ".join(classes)}" data-themes="{_e(" ".join(themes))}" '
        f'title="{_e(title)}"{style}>{body}</p>'
    )


def _report(index: int, record: Mapping[str, Any], palette: _Palette) -> str:
    rid = f"r{index}"
    source = _e(record.get("source") or "(unnamed)")
    error = record.get("error")
    if error:
        return (
            f'<article class="report failed" id="{rid}"><h2>{source}</h2>'
            f'<p class="error">{_e(error.get("type"))}: {_e(error.get("message"))}</p>'
            '<p class="top"><a href="#top">↑ 目录 contents</a></p></article>'
        )
    articles = record.get("articles") or ()
    n_paragraphs = sum(1 for _ in _paragraphs(record))
    meta = [f"{len(articles)} 篇 articles", f"{n_paragraphs} 段 paragraphs"]
    meta += [str(record[k]) for k in ("format", "encoding") if record.get(k)]
    if record.get("traditional"):
        meta.append("繁体 traditional")
    outline: list[str] = []
    body: list[str] = []
    number = 0
    for a, article in enumerate(articles, start=1):
        aid = f"{rid}-a{a}"
        title = article.get("title") or "（无标题 untitled）"
        sections_outline: list[str] = []
        body.append(f'<section class="article" id="{aid}"><h3>{_e(title)}</h3>')
        if article.get("subtitle"):
            body.append(f'<p class="subtitle">{_e(article["subtitle"])}</p>')
        if article.get("byline"):
            body.append(f'<p class="byline">{_e(article["byline"])}</p>')
        body.append(_keywords(article.get("keywords") or (), "keywords article-keywords"))
        if article.get("summary"):
            body.append(f'<details><summary>摘要 summary</summary>{_summary(article["summary"])}</details>')
        for s, section in enumerate(article.get("sections") or (), start=1):
            sid = f"{aid}-s{s}"
            body.append(f'<section class="section" id="{sid}">')
            if section.get("heading"):
                body.append(f"<h4>{_e(section['heading'])}</h4>")
                sections_outline.append(f'<li><a href="#{sid}">{_e(section["heading"])}</a></li>')
            for paragraph in section.get("paragraphs") or ():
                number += 1
                body.append(_paragraph(paragraph, f"{rid}-p{number}", palette))
            body.append("</section>")
        body.append("</section>")
        inner = f"<ol>{''.join(sections_outline)}</ol>" if sections_outline else ""
        outline.append(f'<li><a href="#{aid}">{_e(title)}</a>{inner}</li>')
    shares = {str(k): float(v) for k, v in (record.get("theme_shares") or {}).items()}
    parts = [
        f'<article class="report" id="{rid}"><h2>{source}</h2>',
        f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p>',
        '<div class="overview"><div>',
        "<h3>关键词 keywords</h3>",
        _keywords(record.get("keywords") or ()) or '<p class="muted">—</p>',
        "<h3>摘要 summary</h3>",
        _summary(record.get("summary") or ()) or '<p class="muted">—</p>',
        "</div><div><h3>主题占比 theme shares</h3>",
        _chart(shares, palette, f"{record.get('source') or ''} theme shares"),
        "</div></div>",
        f'<nav class="outline"><h3>结构 outline</h3><ol>{"".join(outline)}</ol></nav>',
        _figures(record.get("figures") or ()),
        _dropped(record.get("dropped") or ()),
        *body,
        '<p class="top"><a href="#top">↑ 目录 contents</a></p></article>',
    ]
    return "".join(parts)


def render(records: Iterable[Mapping[str, Any]], *, title: str = "unionnlp") -> str:
    """The whole page for a batch of records (report dicts and error records)."""
    items = list(records)
    palette = _Palette(items)
    failed = [(i, r) for i, r in enumerate(items, start=1) if r.get("error")]
    contents = "".join(
        f'<li class="{"failed" if r.get("error") else "ok"}"><a href="#r{i}">{_e(r.get("source"))}</a>'
        + (' <span class="error">✗</span>' if r.get("error") else "")
        + "</li>"
        for i, r in enumerate(items, start=1)
    )
    failures = ""
    if failed:
        rows = "".join(
            f'<tr><td><a href="#r{i}">{_e(r.get("source"))}</a></td><td>{_e(r["error"].get("type"))}</td>'
            f'<td class="error">{_e(r["error"].get("message"))}</td></tr>'
            for i, r in failed
        )
        failures = (
            '<section id="failures"><h2>失败的文件 failed files</h2><table><thead><tr><th>文件 file</th>'
            f"<th>错误 error</th><th>说明 message</th></tr></thead><tbody>{rows}</tbody></table></section>"
        )
    counts = f"{len(items)} 个文件 files：{len(items) - len(failed)} 成功 succeeded，{len(failed)} 失败 failed"
    page = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — {len(items)} reports</title>",
        f"<style>\n{_CSS}\n{palette.css()}\n</style></head>",
        '<body data-focus=""><header id="top">',
        f"<h1>{_e(title)}：工会工作报告分析</h1>",
        f'<p class="meta">{_e(counts)}</p></header>',
        f'<nav id="contents"><h2>目录 contents</h2><ol>{contents}</ol></nav>',
        _legend(palette),
        '<section id="batch"><h2>全部报告的主题占比 theme shares, whole batch</h2>',
        _chart(batch_shares(items), palette, "theme shares, whole batch"),
        "</section>",
        failures,
        "<main>",
        *(_report(i, r, palette) for i, r in enumerate(items, start=1)),
        "</main>",
        f"<script>\n{_JS}\n</script>",
        "</body></html>",
    ]
    return "\n".join(part for part in page if part) + "\n"


class HtmlWriter(Writer):
    """The batch as one page to read in a browser, offline."""

    name = "html"
    extensions = (".html", ".htm")

    def write(self, records: Iterable[Mapping[str, Any]], stream: TextIO) -> int:
        items = list(records)
        stream.write(render(items))
        return len(items)
