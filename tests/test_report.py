"""report --html: self-contained, escaped, and checked in a real headless Chromium."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from claimcheck.cli import app
from claimcheck.report import text_fragment

from .conftest import snapshot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium(tmp_path, *args):
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (.ci/run installs Debian's chromium package when it can)")
    out = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from typer.testing import CliRunner
    from .conftest import ROOT
    import os
    folder = tmp_path_factory.mktemp("report")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, ["report", "--html", str(folder / "report.html"), "--no-cache"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return folder / "report.html"


def test_report_is_self_contained(seeds_report):
    html = seeds_report.read_text(encoding="utf-8")
    assert "<style>" in html and "<script>" in html
    external = re.findall(r'(?:src|href)="(?!#)([^"]+)"', html)
    assert all(url.startswith(("http://", "https://")) and "#:~:text=" in url for url in external)
    assert not re.search(r"<(?:link|img|script)[^>]+(?:src|href)=", html)  # nothing is fetched


def test_quotes_link_to_their_passage_with_a_text_fragment(seeds_report):
    html = seeds_report.read_text(encoding="utf-8")
    assert 'href="https://www.cnbctv18.com/science/chandrayaan-3' in html and "#:~:text=" in html
    link = text_fragment("https://example.org/a#top", "The Rs 615 crore moon mission was launched on July 14 onboard")
    assert link == "https://example.org/a#:~:text=The%20Rs%20615%20crore,on%20July%2014%20onboard"
    assert text_fragment("https://example.org/a", "one, two - three") == \
        "https://example.org/a#:~:text=one%2C%20two%20-%20three"


def test_dom_holds_every_claim_after_the_browser_runs_it(seeds_report, tmp_path, in_repo, runner):
    dom = _chromium(tmp_path, "--dump-dom", seeds_report.as_uri())
    claims = json.loads(runner.invoke(app, ["compare", "--format", "json", "--no-cache"]).output)["claims"]
    for claim in claims:
        assert f'id="claim-{claim["id"]}"' in dom
        assert f'data-verdict="{claim["verdict"]}"' in dom
    assert dom.count('class="filters"') == 1 and "single-source" in dom


@pytest.mark.parametrize("width, height", [(1280, 1800), (390, 1400)])
def test_screenshot_at_desktop_and_phone_width(seeds_report, tmp_path, width, height):
    shot = tmp_path / f"report-{width}.png"
    _chromium(tmp_path, f"--window-size={width},{height}", f"--screenshot={shot}", seeds_report.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == width and len(data) > 20_000  # a page was drawn, not a blank


def test_untrusted_text_is_escaped(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text("""\
event: {id: summit, title: "<script>alert(1)</script>"}
claims:
  - id: c
    claim: "<img src=x onerror=alert(2)>"
    type: text
    cites:
      - {source: wire, quote: "The summit took place on Tuesday in Geneva"}
""", encoding="utf-8")
    assert runner.invoke(app, ["report", "--html", "out.html"]).exit_code == 0
    html = (project_dir / "out.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html


def test_report_write_failure_leaves_nothing(project_dir, runner):
    before = snapshot(project_dir)
    result = runner.invoke(app, ["report", "--html", "missing-folder/out.html"])
    assert result.exit_code == 1 and "cannot write" in result.output and "Traceback" not in result.output
    assert snapshot(project_dir) == before


@pytest.fixture(scope="module")
def wide_report(tmp_path_factory):
    """26 sources of one event, as a newsroom's coverage of a central-bank decision gives them."""
    import os

    from typer.testing import CliRunner
    root = tmp_path_factory.mktemp("wide")
    (root / "seeds").mkdir()
    (root / "claims").mkdir()
    outlets = ["Reuters", "AP", "CNBC", "Bloomberg", "The New York Times", "The Guardian", "BBC", "Handelsblatt",
               "El País", "Le Monde", "Nikkei", "The Hindu", "Der Spiegel", "Expansión", "Les Échos", "Fox Business",
               "MarketWatch", "Financial Times", "tagesschau.de", "El Financiero", "NHK", "Yonhap", "ABC", "CBC",
               "Politico", "Axios"]
    entries, cites = ["sources:"], []
    for i, outlet in enumerate(outlets):
        sid = f"outlet-{i:02d}"
        (root / "seeds" / f"{sid}.txt").write_text(
            f"{outlet}: The Federal Reserve cut its benchmark rate by a quarter percentage point on Wednesday.\n",
            encoding="utf-8")
        entries.append(f"  - {{id: {sid}, file: {sid}.txt, outlet: \"{outlet}\", language: en}}")
        cites.append(f"      - {{source: {sid}, quote: \"cut its benchmark rate by a quarter percentage point\"}}")
    (root / "seeds" / "sources.yaml").write_text("\n".join(entries) + "\n", encoding="utf-8")
    (root / "claims" / "fed.yaml").write_text(
        "event: {id: fed, title: The Fed's December cut}\nclaims:\n  - id: cut\n    claim: How much\n"
        "    type: number\n    unit: points\n    cites:\n" + "\n".join(cites) + "\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, ["report", "--html", "report.html", "--no-cache"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    return root / "report.html"


@pytest.mark.parametrize("width", [1280, 390])
def test_many_sources_switch_to_blocks_like_the_terminal(wide_report, seeds_report, tmp_path, width):
    def layouts(dom):
        return dict(re.findall(r'<section class="event" id="event-([^"]+)" data-layout="(\w+)"', dom))

    wide = layouts(_chromium(tmp_path, f"--window-size={width},1000", "--dump-dom", wide_report.as_uri()))
    assert wide == {"fed": "blocks"}
    seeds = layouts(_chromium(tmp_path, f"--window-size={width},1000", "--dump-dom", seeds_report.as_uri()))
    if width == 1280:
        assert seeds["takaichi-trump-call-2025-11"] == "matrix"
    else:
        # on a phone, every matrix that does not fit becomes blocks
        assert seeds["takaichi-trump-call-2025-11"] == seeds["chandrayaan3-moon-landing"] == "blocks"
    shot = tmp_path / f"wide-{width}.png"
    _chromium(tmp_path, f"--window-size={width},1000", f"--screenshot={shot}", wide_report.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
