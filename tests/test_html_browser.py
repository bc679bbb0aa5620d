"""The HTML page as a browser renders it: headless Chromium loads it offline and a probe
script reads the outline links and the computed theme colours back out of the DOM.

A second probe drives the overview dashboard: sorting, the theme filter, the search box,
the keyword filter and opening a report from its row.

Also leaves screenshots at tests/artifacts/report.png and dashboard.png for a person to look at.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from unionnlp.batch import tag_files
from unionnlp.export import write
from unionnlp.model import THEMES, Article, Paragraph, Report, Section

CHROMIUM = Path("/usr/bin/chromium")
SEED_NAME = "000_9586f3886ee54ef2.txt"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium is not installed at /usr/bin/chromium (Debian: apt-get install chromium)",
)

HOSTILE = """工会工作报告<img src=x onerror="document.title='pwned'">

一、维权<script>document.title='pwned'</script>

工会依法维护职工合法权益，<script>document.title='pwned'</script>受理职工投诉36件，帮助农民工追回欠薪260万元。
"""

GOOD = """某市总工会2023年工作报告

一、加强基层工会组织建设

全年新建基层工会组织86个，新发展会员1.2万人，推动快递员、外卖骑手加入工会。

二、做好困难职工帮扶救助

开展送温暖活动，走访慰问困难职工3200户，发放慰问金480万元。
"""

# Reads what the browser made of the page into a <pre id="probe"> that --dump-dom prints.
PROBE = """<script>
(function () {
  document.getElementById('show-all').click();  // the reports wait in templates until opened
  var style = function (el) { return getComputedStyle(el); };
  var links = Array.from(document.querySelectorAll('a[href^="#"]'));
  var swatch = {};
  document.querySelectorAll('.legend button').forEach(function (b) {
    swatch[b.getAttribute('data-theme')] = style(b.querySelector('.swatch')).backgroundColor;
  });
  var out = {
    title: document.title,
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    links: links.length,
    broken: links.filter(function (a) {
      return !document.getElementById(a.getAttribute('href').slice(1));
    }).map(function (a) { return a.getAttribute('href'); }),
    outlines: Array.from(document.querySelectorAll('nav.outline')).map(function (n) {
      return n.querySelectorAll('a').length;
    }),
    swatch: swatch,
    paragraphs: Array.from(document.querySelectorAll('p.para')).map(function (p) {
      var s = style(p);
      return {themes: p.getAttribute('data-themes'), border: s.borderLeftColor,
              background: s.backgroundColor, shadow: s.boxShadow, title: p.title};
    }),
    bars: Array.from(document.querySelectorAll('rect.bar')).map(function (r) {
      return {theme: r.getAttribute('data-theme'), fill: style(r).fill};
    }),
    markupAsText: document.body.textContent.indexOf("<script>document.title='pwned'<\\/script>") >= 0
  };
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""

# Drives the dashboard as a person would (sort, filter, search, open a report) and reads back
# what the table showed after each step.
DASHBOARD_PROBE = """<script>
(function () {
  var rows = function () { return Array.from(document.querySelectorAll('#reports tbody tr')); };
  var shown = function () {
    return rows().filter(function (r) { return !r.hidden; }).map(function (r) {
      return r.getAttribute('data-i');
    });
  };
  var column = function (key) {
    return rows().map(function (r) { return r.getAttribute('data-' + key); });
  };
  var sort = function (key) {
    document.querySelector('#reports th[data-sort="' + key + '"] button').click();
    return {order: column('i'), values: column(key),
            aria: document.querySelector('#reports th[data-sort="' + key + '"]').getAttribute('aria-sort')};
  };
  var search = document.getElementById('search');
  var type = function (text) {
    search.value = text;
    search.dispatchEvent(new Event('input'));
    return shown();
  };
  var theme = document.getElementById('theme-filter');
  var pick = function (value) {
    theme.value = value;
    theme.dispatchEvent(new Event('change'));
    return {rows: shown(), counter: document.getElementById('shown').textContent};
  };
  var out = {
    title: document.title,
    images: document.images.length,
    rows: rows().map(function (r) {
      var shares = {};
      Array.from(theme.options).forEach(function (o) {
        if (/^t\\d+$/.test(o.value)) shares[o.value] = r.getAttribute('data-' + o.value);
      });
      return {i: r.getAttribute('data-i'), source: r.getAttribute('data-source'),
              failed: r.classList.contains('failed'), shares: shares,
              title: r.querySelector('td.title').textContent,
              error: (r.querySelector('td.error') || {}).textContent || null};
    }),
    templates: document.querySelectorAll('article.report.lazy > template').length,
    paragraphs: document.querySelectorAll('p.para').length,
    counter: document.getElementById('shown').textContent
  };
  out.figuresDown = sort('figures');
  out.figuresUp = sort('figures');
  out.titleUp = sort('title');
  out.restored = sort('i');
  out.themes = {};
  Array.from(theme.options).forEach(function (o) { out.themes[o.value] = pick(o.value); });
  pick('');
  out.search = {
    paragraph: type('走访慰问困难职工3200户'),
    markup: type("<script>document.title='PWNED'"),
    both: type('工会  3200户'),
    none: type('工会 没有这个词zz'),
    cleared: type('')
  };
  var chip = document.querySelector('.cloud .kw');
  out.keyword = {term: chip.getAttribute('data-kw'),
                 count: Number(chip.querySelector('.count').textContent)};
  chip.click();
  out.keyword.rows = shown();
  out.keyword.pressed = chip.getAttribute('aria-pressed');
  out.keyword.filter = document.getElementById('keyword-filter').textContent;
  out.keyword.reports = REPORTS.map(function (r, i) {
    return r.k.indexOf(out.keyword.term) >= 0 ? String(i + 1) : null;
  }).filter(Boolean);
  document.querySelector('#keyword-filter button').click();
  out.keyword.cleared = shown().length;

  var row = rows().filter(function (r) { return /good\\.txt$/.test(r.getAttribute('data-source')); })[0];
  var id = 'r' + row.getAttribute('data-i');
  var article = document.getElementById(id);
  out.before = {lazy: article.classList.contains('lazy'), paragraphs: article.querySelectorAll('p.para').length};
  row.querySelector('td.title a').click();
  out.opened = {id: id, hash: location.hash, lazy: article.classList.contains('lazy'),
                templates: article.querySelectorAll('template').length,
                paragraphs: article.querySelectorAll('p.para').length,
                outline: article.querySelectorAll('nav.outline a').length,
                text: article.textContent.indexOf('3200户') >= 0,
                top: Math.round(article.getBoundingClientRect().top)};
  out.templatesAfter = document.querySelectorAll('article.report.lazy > template').length;

  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def themed() -> dict[str, Any]:
    """A report with one, two and three themes on its paragraphs, whatever the model says."""
    scores = {t: 0.1 for t in THEMES}
    ids = list(THEMES)
    paragraphs = tuple(
        Paragraph(text=f"第{n}段：工会工作。", offset=10 * n, themes=tuple(ids[:n]),
                  scores=scores | {t: 0.9 - 0.1 * i for i, t in enumerate(ids[:n])})
        for n in (1, 2, 3)
    )
    report = Report(
        source="themed.txt",
        articles=(Article(title="主题示例", sections=(Section(heading="一、示例", level=1, paragraphs=paragraphs),)),),
        theme_shares={t: 0.25 for t in THEMES},
    )
    return report.to_dict()


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def rgb(colour: str) -> tuple[int, int, int]:
    r, g, b = (int(x) for x in re.findall(r"\d+(?:\.\d+)?", colour)[:3])
    return r, g, b


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    paths = [folder / "good.txt", seed_path, folder / "hostile.txt", folder / "binary.txt"]
    records = [themed(), *tag_files(paths, workers=2)]  # coloured paragraphs within the screenshot
    # Whatever the structure makes of markup lines, the dashboard is shown a title that
    # carries markup: it must print it as text.
    records[3]["articles"][0]["title"] = HOSTILE.splitlines()[0]
    out = folder / "report.html"
    write(records, out, fmt="html")
    return out


def run_probe(page: Path, tmp_path: Path, script: str) -> dict[str, Any]:
    """Load the page with ``script`` at the end of its body; what the script left in
    ``<pre id="probe">``, as JSON."""
    probe_page = tmp_path / "probe.html"
    source = page.read_text(encoding="utf-8")
    probe_page.write_text(source.replace("</body>", script + "</body>"), encoding="utf-8")

    dom = chromium(tmp_path, "--dump-dom", probe_page.as_uri()).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return result


def test_page_renders_outline_and_theme_colours(page: Path, tmp_path: Path) -> None:
    probe = run_probe(page, tmp_path, PROBE)

    # Report text stayed text: nothing it contained ran or loaded.
    assert probe["title"] != "pwned"
    assert probe["scripts"] == 2 and probe["images"] == 0
    assert probe["markupAsText"]

    # The outline: every internal link lands; the seed page shows its articles and sections.
    assert probe["links"] > 20 and probe["broken"] == []
    assert len(probe["outlines"]) == 4  # the failed file has none
    assert probe["outlines"][2] >= 6

    # One colour per theme, and paragraphs and bars wear their theme's colour.
    swatch = {theme: rgb(colour) for theme, colour in probe["swatch"].items()}
    assert set(THEMES) <= set(swatch)
    assert len(set(swatch.values())) == len(swatch)
    tagged = [p for p in probe["paragraphs"] if p["themes"]]
    assert len(tagged) >= 3
    for paragraph in tagged:
        themes = paragraph["themes"].split()
        assert rgb(paragraph["border"]) == swatch[themes[0]]
        assert rgb(paragraph["background"]) == swatch[themes[0]]  # as a light tint
        stripes = [rgb(c) for c in re.findall(r"rgba?\([^)]*\)", paragraph["shadow"])]
        assert stripes == [swatch[t] for t in themes[1:]]
        assert all(theme in paragraph["title"] for theme in themes)
    assert any(len(p["themes"].split()) == 3 for p in tagged)
    for bar in probe["bars"]:
        assert rgb(bar["fill"]) == swatch[bar["theme"]]


def test_dashboard_sorts_filters_searches_and_opens_reports(page: Path, tmp_path: Path) -> None:
    probe = run_probe(page, tmp_path, DASHBOARD_PROBE)
    rows = probe["rows"]
    by_i = {row["i"]: row for row in rows}
    assert probe["title"] != "pwned" and probe["images"] == 0

    # One row per file, the failed one with its error; no report built yet.
    assert [r["source"].rsplit("/", 1)[-1] for r in rows] == [
        "themed.txt", "good.txt", SEED_NAME, "hostile.txt", "binary.txt"]
    assert [r["failed"] for r in rows] == [False, False, False, False, True]
    assert rows[4]["error"].startswith("✗ ") and "binary" in rows[4]["error"]
    assert rows[0]["title"] == "主题示例"
    assert rows[3]["title"] == HOSTILE.splitlines()[0]  # its markup shown as text, never run
    assert probe["counter"] == "5 / 5"
    assert probe["templates"] == 4 and probe["paragraphs"] == 0

    # Sorting: numbers largest first, then smallest; the failure (no figures) stays last.
    down, up = probe["figuresDown"], probe["figuresUp"]
    assert down["aria"] == "descending" and up["aria"] == "ascending"
    figures = [int(v) for v in down["values"][:4]]
    assert figures == sorted(figures, reverse=True) and down["values"][4] is None
    assert [int(v) for v in up["values"][:4]] == sorted(figures) and up["order"][4] == "5"
    assert down["order"] != ["1", "2", "3", "4", "5"]
    assert probe["titleUp"]["aria"] == "ascending"
    assert probe["titleUp"]["order"] != down["order"]
    assert probe["restored"]["order"] == ["1", "2", "3", "4", "5"]

    # The theme filter keeps rows with some share of the theme; "failed" keeps the failures.
    themes = probe["themes"]
    assert set(themes) == {"", "failed"} | {f"t{i}" for i in range(len(THEMES))}
    assert themes[""]["rows"] == ["1", "2", "3", "4", "5"]
    assert themes["failed"] == {"rows": ["5"], "counter": "1 / 5"}
    for key, result in themes.items():
        if key.startswith("t"):
            expected = [r["i"] for r in rows if float(r["shares"][key] or 0) > 0]
            assert result["rows"] == expected and "5" not in expected
            assert result["counter"] == f"{len(expected)} / 5"

    # Search runs over paragraph text as well as titles, with every term required.
    good = next(r["i"] for r in rows if r["source"].endswith("good.txt"))
    hostile = next(r["i"] for r in rows if r["source"].endswith("hostile.txt"))
    search = probe["search"]
    assert search["paragraph"] == [good]
    assert search["markup"] == [hostile]
    assert search["both"] == [good]
    assert search["none"] == [] and len(search["cleared"]) == 5

    # A batch keyword filters the table to the reports that have it.
    keyword = probe["keyword"]
    assert keyword["rows"] == keyword["reports"] and len(keyword["rows"]) == keyword["count"] >= 1
    assert keyword["pressed"] == "true" and keyword["term"] in keyword["filter"]
    assert keyword["cleared"] == 5

    # A row's link builds its report and lands on it; the others stay in their templates.
    assert probe["before"] == {"lazy": True, "paragraphs": 0}
    opened = probe["opened"]
    assert opened["hash"] == f"#{opened['id']}" and by_i[good]["source"].endswith("good.txt")
    assert not opened["lazy"] and opened["templates"] == 0
    assert opened["paragraphs"] >= 2 and opened["outline"] >= 2 and opened["text"]
    assert abs(opened["top"]) <= 2
    assert probe["templatesAfter"] == 3


def screenshot(tmp_path: Path, name: str, url: str, size: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / name
    shot.unlink(missing_ok=True)
    chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size}", url)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    return shot


def test_screenshot_for_a_person(page: Path, tmp_path: Path) -> None:
    # Tall enough for the first report below the dashboard: headless screenshots of a
    # scrolled page (e.g. opened at #r1) come out blank.
    screenshot(tmp_path, "report.png", page.as_uri(), "1280,2600")


def test_dashboard_screenshot_for_a_person(page: Path, tmp_path: Path) -> None:
    screenshot(tmp_path, "dashboard.png", page.as_uri(), "1280,1000")
