"""One self-contained HTML page for a whole batch: nothing is fetched, CSS, JS and charts are inline.

The page opens on an overview table, one row per report (title, date, source, theme
shares, top keywords, figures, or the error), sortable by column and filtered by theme,
keyword or a search over the reports' text; then the batch's most shared keywords and
theme chart. Each report's full view sits in a ``<template>`` and is built only when
its row is opened or it scrolls near the viewport, so a batch of thousands stays quick;
the search runs over a compact text per report embedded as JSON, with every ``<`` escaped.

Per report: an outline (articles → sections, anchored, with a contents list),
paragraphs coloured by theme (a tint and left border for the strongest theme, one
more stripe per further theme, every score in the hover title), keywords,
summary, key figures and a theme-share bar chart in SVG; for the batch, a legend and
one more chart. Every piece of report text goes through :func:`html.escape`, so a
report that contains markup shows it as text.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from ..dates import report_date as _report_date
from ..model import THEMES
from ._base import Writer
from .tables import source_label

__all__ = [
    "EXTRA_COLOURS",
    "THEME_COLOURS",
    "HtmlWriter",
    "batch_keywords",
    "batch_shares",
    "render",
    "report_date",
]

#: Colours of the packaged themes, in THEMES order; further theme ids take EXTRA_COLOURS.
THEME_COLOURS = ("#2563eb", "#ea580c", "#dc2626", "#16a34a")
EXTRA_COLOURS = ("#9333ea", "#0891b2", "#ca8a04", "#db2777", "#4b5563", "#65a30d")

_STRIPE = 5  # px per extra-theme stripe
_CHART_LABEL = 170
_CHART_BAR = 240
_CHART_ROW = 24
_OPEN_FIGURES = 8  # longer figure tables start folded
_ROW_KEYWORDS = 5
_BATCH_KEYWORDS = 30
_LINE_CHARS = 60  # for a lazy report's placeholder height
_LINE_PX = 27

_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

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
.kind-table{font-family:ui-monospace,monospace;white-space:pre-wrap}
.kind-caption{font-style:italic;font-size:.9em}
.chart text{font-size:13px;fill:var(--ink)}
.chart .value{fill:var(--muted)}
.top{font-size:.85rem}
.dropped{color:var(--muted);font-size:.85rem;margin:.5rem 0}
details.figures>summary{cursor:pointer}
details.figures>summary h3{display:inline-block;margin:.8rem 0 .3rem}
[hidden]{display:none!important}
#dashboard{margin-inline:calc(50% - min(50vw - 1.5rem - 8px, 760px))}
.controls{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.6rem 0}
.controls input,.controls select,.controls button{font:inherit;font-size:.9rem;border:1px solid #d1d5db;border-radius:4px;padding:.2rem .5rem;background:#fff}
.controls input{flex:1 1 18rem}
.controls button{cursor:pointer}
.table-wrap{max-height:75vh;overflow:auto;border:1px solid var(--line)}
#reports{margin:0;width:100%;font-size:.85rem;line-height:1.45}
#reports th{position:sticky;top:0;z-index:1;background:#f9fafb;white-space:nowrap;border-top:0}
#reports th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
#reports th[aria-sort=ascending] button::after{content:" ▲"}
#reports th[aria-sort=descending] button::after{content:" ▼"}
#reports tbody tr:hover{background:#f9fafb}
#reports td.title{min-width:9rem;max-width:17rem;font-weight:600}
#reports td.date{white-space:nowrap}
#reports td.src{max-width:15rem;overflow-wrap:anywhere;color:var(--muted);font-size:.75rem}
#reports td.share{white-space:nowrap;font-variant-numeric:tabular-nums;color:var(--muted)}
#reports td.kws{min-width:15rem}
.meter{display:inline-block;width:2.6rem;height:.55rem;background:#f3f4f6;border-radius:2px;overflow:hidden;vertical-align:middle;margin-right:.3rem}
.meter .bar{display:block;height:100%}
.kw{font:inherit;font-size:.8rem;line-height:1.3;color:inherit;background:#f3f4f6;border:1px solid transparent;border-radius:3px;padding:0 .3rem;margin:0 .15rem .15rem 0;cursor:pointer}
.kw:hover,.kw[aria-pressed=true]{border-color:var(--ink)}
.kw .count{color:var(--muted);margin-left:.25rem}
.cloud{display:flex;flex-wrap:wrap;list-style:none;padding:0;margin:.3rem 0}
.cloud .kw{font-size:.9rem}
.report.lazy>h2{color:var(--muted)}
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

(function () {
  var open = function (article) {
    if (!article || !article.classList.contains('lazy')) return;
    var template = article.querySelector(':scope > template');
    article.classList.remove('lazy');
    article.style.minHeight = '';
    if (observer) observer.unobserve(article);
    if (template) template.replaceWith(document.importNode(template.content, true));
  };
  var openFor = function (id) {
    var match = /^r(\\d+)(?:-|$)/.exec(id || '');
    if (match) open(document.getElementById('r' + match[1]));
  };
  var openAll = function () {
    document.querySelectorAll('article.report.lazy').forEach(open);
  };
  var reveal = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    openFor(id);
    var target = id && document.getElementById(id);
    if (target) target.scrollIntoView();
  };
  var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) { if (entry.isIntersecting) open(entry.target); });
  }, {rootMargin: '800px 0px'}) : null;
  document.querySelectorAll('article.report.lazy').forEach(function (article) {
    if (observer) observer.observe(article); else open(article);
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link) openFor(link.getAttribute('href').slice(1));
  });
  window.addEventListener('hashchange', reveal);
  window.addEventListener('beforeprint', openAll);
  var all = document.getElementById('show-all');
  if (all) all.addEventListener('click', openAll);
  if (location.hash) reveal();
})();

(function () {
  var table = document.getElementById('reports');
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.from(body.rows);
  var search = document.getElementById('search');
  var theme = document.getElementById('theme-filter');
  var chip = document.getElementById('keyword-filter');
  var shown = document.getElementById('shown');
  var collator = new Intl.Collator('zh-Hans-CN', {numeric: true});
  var state = {terms: [], theme: '', keyword: ''};
  var fold = function (text) {
    return text.normalize('NFKC').toLowerCase().split(/\\s+/).filter(Boolean);
  };
  var visible = function (row) {
    var report = REPORTS[Number(row.getAttribute('data-i')) - 1] || {s: '', k: []};
    if (state.theme === 'failed' && !row.classList.contains('failed')) return false;
    if (state.theme && state.theme !== 'failed' &&
        !(parseFloat(row.getAttribute('data-' + state.theme)) > 0)) return false;
    if (state.keyword && report.k.indexOf(state.keyword) < 0) return false;
    return state.terms.every(function (term) { return report.s.indexOf(term) >= 0; });
  };
  var apply = function () {
    var count = 0;
    rows.forEach(function (row) {
      row.hidden = !visible(row);
      if (!row.hidden) count += 1;
    });
    shown.textContent = count + ' / ' + rows.length;
  };
  var sortBy = function (header) {
    var key = header.getAttribute('data-sort');
    var numeric = header.getAttribute('data-type') === 'num';
    var current = header.getAttribute('aria-sort');
    var up = current ? current === 'descending' : !numeric || key === 'i';
    var attribute = 'data-' + key;
    var order = function (row) { return Number(row.getAttribute('data-i')); };
    rows.sort(function (a, b) {
      var x = a.getAttribute(attribute) || '';
      var y = b.getAttribute(attribute) || '';
      if (!x || !y) return (!x - !y) || order(a) - order(b);
      var c = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
      return (up ? c : -c) || order(a) - order(b);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll('th[data-sort]').forEach(function (th) {
      if (th === header) th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  };
  var setKeyword = function (keyword) {
    state.keyword = state.keyword === keyword ? '' : keyword;
    chip.hidden = !state.keyword;
    chip.querySelector('b').textContent = state.keyword;
    document.querySelectorAll('.cloud .kw').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-kw') === state.keyword));
    });
    apply();
  };
  table.tHead.addEventListener('click', function (event) {
    var header = event.target.closest('th[data-sort]');
    if (header) sortBy(header);
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.kw[data-kw]');
    if (!button) return;
    setKeyword(button.getAttribute('data-kw'));
    if (!table.contains(button)) document.getElementById('dashboard').scrollIntoView();
  });
  chip.querySelector('button').addEventListener('click', function () { setKeyword(''); });
  search.addEventListener('input', function () { state.terms = fold(search.value); apply(); });
  theme.addEventListener('change', function () { state.theme = theme.value; apply(); });
  state.terms = fold(search.value);
  state.theme = theme.value;
  apply();
})();
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


def batch_keywords(
    records: Iterable[Mapping[str, Any]], limit: int = _BATCH_KEYWORDS
) -> list[tuple[str, int]]:
    """The report keywords that the most reports share, with how many reports have each.

    Ties go to the larger summed weight, then to the term, so the list is stable.
    """
    counts: dict[str, int] = {}
    weights: dict[str, float] = {}
    for record in records:
        if record.get("error"):
            continue
        seen: set[str] = set()
        for keyword in record.get("keywords") or ():
            term = str(keyword.get("term"))
            if term in seen:
                continue
            seen.add(term)
            counts[term] = counts.get(term, 0) + 1
            weights[term] = weights.get(term, 0.0) + float(keyword.get("weight") or 0.0)
    ranked = sorted(counts, key=lambda t: (-counts[t], -weights[t], t))
    return [(term, counts[term]) for term in ranked[:limit]]


def report_date(record: Mapping[str, Any]) -> str:
    """The report's ``date``, found again (:func:`unionnlp.dates.report_date`) for records
    written before the key existed; else ``""``."""
    if "date" in record:
        return str(record.get("date") or "")
    bylines = (str(a.get("byline") or "") for a in record.get("articles") or ())
    return _report_date(bylines, (str(line) for line in record.get("dropped") or ())) or ""


def _title(record: Mapping[str, Any]) -> str:
    """The first article's title, else the file name."""
    articles = record.get("articles") or ()
    if articles and articles[0].get("title"):
        return str(articles[0]["title"])
    return re.split(r"[\\/]", str(source_label(record) or ""))[-1] or "(unnamed)"


def _search_text(record: Mapping[str, Any], title: str, date: str) -> str:
    """What the search box matches: the report's text, NFKC-folded and lower-cased like the
    query, each distinct piece once (summaries repeat paragraphs and are left out)."""
    pieces = [title, date, str(source_label(record) or "")]
    pieces += [str(k.get("term")) for k in record.get("keywords") or ()]
    error = record.get("error")
    if error:
        pieces += [str(error.get("type")), str(error.get("message"))]
    for article in record.get("articles") or ():
        pieces += [str(article.get(k) or "") for k in ("title", "subtitle", "byline")]
        pieces += [str(k.get("term")) for k in article.get("keywords") or ()]
        for section in article.get("sections") or ():
            pieces.append(str(section.get("heading") or ""))
            pieces += [str(p.get("text") or "") for p in section.get("paragraphs") or ()]
    pieces += [str(line) for line in record.get("dropped") or ()]
    folded = (" ".join(unicodedata.normalize("NFKC", p).lower().split()) for p in pieces)
    return "\n".join(dict.fromkeys(p for p in folded if p))


def _script_json(value: Any) -> str:
    """JSON to paste into a ``<script>``: no ``<``, ``>``, ``&`` or ``'`` left raw, so report
    text can neither close the script nor read as markup."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&'\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group()], text)


def _share_cell(theme: str, share: float, palette: _Palette) -> str:
    label = f"{palette.label(theme)}: {_percent(share)}"
    return (
        f'<td class="share" title="{_e(label)}"><span class="meter"><span class="bar '
        f'{palette.key[theme]}" style="width:{100 * share:.1f}%"></span></span>'
        f"{100 * share:.0f}%</td>"
    )


def _row(index: int, record: Mapping[str, Any], palette: _Palette) -> str:
    """One overview-table row, linked to the report's section; its sort keys ride as
    ``data-*`` attributes so sorting never reads the report itself."""
    title, date = _title(record), report_date(record)
    source = str(source_label(record) or "")
    keys: dict[str, Any] = {"i": index, "title": title, "date": date, "source": source}
    cells = [
        f'<td class="num">{index}</td>',
        f'<td class="title"><a href="#r{index}">{_e(title)}</a></td>',
        f'<td class="date">{_e(date)}</td>',
        f'<td class="src">{_e(source)}</td>',
    ]
    error = record.get("error")
    if error:
        cells.append(
            f'<td class="error" colspan="{len(palette.ids) + 2}">✗ {_e(error.get("type"))}: '
            f"{_e(error.get('message'))}</td>"
        )
    else:
        shares = {str(k): float(v) for k, v in (record.get("theme_shares") or {}).items()}
        for theme in palette.ids:
            share = min(max(shares.get(theme, 0.0), 0.0), 1.0)
            keys[palette.key[theme]] = f"{share:.4f}"
            cells.append(_share_cell(theme, share, palette))
        terms = [str(k.get("term")) for k in (record.get("keywords") or ())[:_ROW_KEYWORDS]]
        buttons = "".join(
            f'<button type="button" class="kw" data-kw="{_e(t)}">{_e(t)}</button>' for t in terms
        )
        keys["figures"] = len(record.get("figures") or ())
        cells += [f'<td class="kws">{buttons}</td>', f'<td class="num">{keys["figures"]}</td>']
    data = "".join(f' data-{key}="{_e(value)}"' for key, value in keys.items())
    state = ' class="failed"' if error else ""
    return f"<tr{state}{data}>{''.join(cells)}</tr>"


def _dashboard(items: Sequence[Mapping[str, Any]], palette: _Palette) -> str:
    """The overview table with its search box, theme filter and keyword-filter chip."""
    options = "".join(
        f'<option value="{palette.key[theme]}">{_e(palette.label(theme))}</option>'
        for theme in palette.ids
    )
    headers = [
        '<th data-sort="i" data-type="num"><button type="button">#</button></th>',
        '<th data-sort="title"><button type="button">标题 title</button></th>',
        '<th data-sort="date"><button type="button">日期 date</button></th>',
        '<th data-sort="source"><button type="button">来源 source</button></th>',
        *(
            f'<th data-sort="{palette.key[t]}" data-type="num" title="{_e(palette.label(t))}">'
            f'<button type="button"><span class="swatch {palette.key[t]}"></span>'
            f"{_e(THEMES.get(t, t))}</button></th>"
            for t in palette.ids
        ),
        f"<th>关键词 top {_ROW_KEYWORDS} keywords</th>",
        '<th data-sort="figures" data-type="num"><button type="button">数字 figures</button></th>',
    ]
    rows = "\n".join(_row(i, r, palette) for i, r in enumerate(items, start=1))
    return (
        '<section id="dashboard"><h2>报告总览 reports overview</h2><div class="controls">'
        '<input type="search" id="search" autocomplete="off" aria-label="search the reports" '
        'placeholder="搜索标题、关键词、正文 search titles, keywords, text">'
        '<select id="theme-filter" aria-label="filter by theme">'
        f'<option value="">全部主题 all themes</option>{options}'
        '<option value="failed">失败的文件 failed files</option></select>'
        '<span id="keyword-filter" hidden>关键词 keyword: <b></b> '
        '<button type="button" aria-label="clear the keyword filter">×</button></span>'
        f'<span class="muted">显示 shown <span id="shown">{len(items)} / {len(items)}</span></span>'
        '<button type="button" id="show-all" title="build every report now, e.g. to find with '
        'Ctrl+F">展开全部报告 render all reports</button></div>'
        f'<div class="table-wrap"><table id="reports"><thead><tr>{"".join(headers)}</tr></thead>'
        f"<tbody>\n{rows}\n</tbody></table></div>"
        '<p class="muted">点击列标题排序，点击标题打开报告，点击关键词筛选。'
        " (Click a column header to sort, a title to open the report, a keyword to filter.)</p>"
        "</section>"
    )


def _batch(items: Sequence[Mapping[str, Any]], palette: _Palette) -> str:
    """The batch at a glance: its most shared keywords beside its theme chart."""
    keywords = "".join(
        f'<li><button type="button" class="kw" data-kw="{_e(term)}" aria-pressed="false" '
        f'title="{count} 份报告 reports">{_e(term)}<span class="count">{count}</span></button></li>'
        for term, count in batch_keywords(items)
    )
    cloud = f'<ul class="cloud">{keywords}</ul>' if keywords else '<p class="muted">—</p>'
    return (
        '<section id="batch"><div class="overview"><div>'
        "<h2>高频关键词 keywords in the most reports</h2>"
        f'{cloud}<p class="muted">数字为含该关键词的报告数，点击筛选上表。'
        " (Number of reports with the keyword; click to filter the table.)</p></div>"
        "<div><h2>全部报告的主题覆盖 share of the text carrying each theme, whole batch</h2>"
        f"{_chart(batch_shares(items), palette, 'theme shares, whole batch')}</div></div>"
        "</section>"
    )


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
    if paragraph.get("kind") in ("table", "caption"):
        classes.append(f"kind-{paragraph['kind']}")
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


_BACK = '<p class="top"><a href="#dashboard">↑ 总览 overview</a></p>'


def _placeholder_height(record: Mapping[str, Any]) -> int:
    """A rough height in px of a report still in its template, so the scroll bar is about right."""
    lines = _text_length(record) // _LINE_CHARS + sum(2 for _ in _paragraphs(record))
    return 400 + _LINE_PX * lines


def _report(index: int, record: Mapping[str, Any], palette: _Palette) -> str:
    """A report's section: its heading in the page, the rest in a ``<template>`` that the
    page's script builds when needed; a failed file's few lines are shown at once."""
    rid = f"r{index}"
    source = _e(source_label(record) or "(unnamed)")
    error = record.get("error")
    if error:
        return (
            f'<article class="report failed" id="{rid}"><h2>{source}</h2>'
            f'<p class="error">{_e(error.get("type"))}: {_e(error.get("message"))}</p>'
            f"{_BACK}</article>"
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
    head = (
        f'<article class="report lazy" id="{rid}" style="min-height:{_placeholder_height(record)}px">'
        f"<h2>{source}</h2>"
    )
    parts = [
        f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p>',
        '<div class="overview"><div>',
        "<h3>关键词 keywords</h3>",
        _keywords(record.get("keywords") or ()) or '<p class="muted">—</p>',
        "<h3>摘要 summary</h3>",
        _summary(record.get("summary") or ()) or '<p class="muted">—</p>',
        "</div><div><h3>主题覆盖 share of the text carrying each theme</h3>"
        '<p class="muted">一段可有多个主题 a paragraph may carry several themes</p>',
        _chart(shares, palette, f"{record.get('source') or ''} theme shares"),
        "</div></div>",
        f'<nav class="outline"><h3>结构 outline</h3><ol>{"".join(outline)}</ol></nav>',
        _figures(record.get("figures") or ()),
        _dropped(record.get("dropped") or ()),
        *body,
        _BACK,
    ]
    return f"{head}<template>{''.join(parts)}</template></article>"


def render(records: Iterable[Mapping[str, Any]], *, title: str = "unionnlp") -> str:
    """The whole page for a batch of records (report dicts and error records)."""
    items = list(records)
    palette = _Palette(items)
    failed = sum(1 for r in items if r.get("error"))
    counts = f"{len(items)} 个文件 files：{len(items) - failed} 成功 succeeded，{failed} 失败 failed"
    search = [
        {"s": _search_text(r, _title(r), report_date(r)),
         "k": [str(k.get("term")) for k in r.get("keywords") or ()]}
        for r in items
    ]
    page = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — {len(items)} reports</title>",
        f"<style>\n{_CSS}\n{palette.css()}\n</style></head>",
        '<body data-focus=""><header id="top">',
        f"<h1>{_e(title)}：工会工作报告分析</h1>",
        f'<p class="meta">{_e(counts)}</p></header>',
        _dashboard(items, palette),
        _batch(items, palette),
        _legend(palette),
        "<main>",
        '<noscript><p class="muted">报告正文需要 JavaScript。 (Turn on JavaScript to read the'
        " reports.)</p></noscript>",
        *(_report(i, r, palette) for i, r in enumerate(items, start=1)),
        "</main>",
        f"<script>\nvar REPORTS = {_script_json(search)};\n{_JS}\n</script>",
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
