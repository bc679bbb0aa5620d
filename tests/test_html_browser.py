"""The HTML page as a browser renders it: headless Chromium loads it offline and a probe
script reads the outline links and the computed theme colours back out of the DOM.

Also leaves a screenshot at tests/artifacts/report.png for a person to look at.
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
    out = folder / "report.html"
    write(records, out, fmt="html")
    return out


def test_page_renders_outline_and_theme_colours(page: Path, tmp_path: Path) -> None:
    probe_page = tmp_path / "probe.html"
    source = page.read_text(encoding="utf-8")
    probe_page.write_text(source.replace("</body>", PROBE + "</body>"), encoding="utf-8")

    dom = chromium(tmp_path, "--dump-dom", probe_page.as_uri()).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    probe = json.loads(html.unescape(found.group(1)))

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


def test_screenshot_for_a_person(page: Path, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
