"""A result means what it says: no command skips a file that fails to load, and a bug never exits 1."""
from __future__ import annotations

import json
import os
import sys

import pytest

from claimcheck.cli import app

from .conftest import snapshot

BROKEN = "event: {id: broken, title: B}\nclaims:\n  - id: x\n    claim: X\n    type: number\n    cites: [\n"


@pytest.mark.parametrize("args", [["compare"], ["compare", "--fail-on", "conflict"], ["show", "summit-day"],
                                  ["export", "--format", "csv"], ["suggest", "summit-day"],
                                  ["report", "--html", "out.html"]])
def test_every_command_refuses_a_claims_file_that_fails_to_load(project_dir, runner, args):
    (project_dir / "claims" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    before = snapshot(project_dir)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "claims/broken.yaml:" in result.output and "CC001" in result.output
    assert "nothing is shown while an input fails to load" in result.output
    assert not (project_dir / "out.html").exists()
    assert {k: v for k, v in snapshot(project_dir).items() if ".claimcheck-cache" not in k} == \
        {k: v for k, v in before.items() if ".claimcheck-cache" not in k}


def test_a_missing_article_stops_compare_too(project_dir, runner):
    manifest = project_dir / "seeds" / "sources.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "  - {id: gone, file: gone.txt}\n", encoding="utf-8")
    result = runner.invoke(app, ["compare"])
    assert result.exit_code == 2 and "CC201" in result.output and "gone.txt" in result.output


def test_check_still_reports_load_failures_as_problems(project_dir, runner):
    (project_dir / "claims" / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1 and "claims/broken.yaml:7:1: error CC001" in result.output


def test_an_unreadable_claims_folder_is_an_error_not_zero_files(project_dir, runner, monkeypatch):
    real_walk = os.walk

    def walk(top, onerror=None, **kw):  # as root, chmod cannot make a folder unreadable: fail like one
        if onerror:
            onerror(PermissionError(13, "Permission denied", str(top)))
        return real_walk(top, onerror=onerror, **kw)

    monkeypatch.setattr(os, "walk", walk)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2
    assert "cannot read this folder (Permission denied)" in result.output
    assert "All checks passed" not in result.output


def test_a_bug_exits_3_with_one_line_never_1(project_dir, monkeypatch, capsys):
    import claimcheck.compare as compare

    def explode(project):
        raise RuntimeError("boom")

    monkeypatch.setattr(compare, "compare_project", explode)
    monkeypatch.setattr(sys, "argv", ["claimcheck", "compare", "--no-cache"])
    with pytest.raises(SystemExit) as exit_info:
        app(prog_name="claimcheck")
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: RuntimeError: boom" in err and "Traceback" not in err


def test_python_dash_m_runs_the_cli(project_dir):
    import subprocess
    out = subprocess.run([sys.executable, "-m", "claimcheck", "check"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "All checks passed" in out.stdout


EDGES = """\
event: {id: e, title: E}
claims:
  - id: edge
    claim: When
    type: date
    cites:
      - {source: wire, quote: "The summit took place on Tuesday in Geneva", value: "9999-12-31"}
      - {source: paper, quote: "Talks resumed on Wednesday morning", value: "0001-01-01"}
  - id: relative
    claim: When
    type: date
    cites:
      - {source: wire, quote: "The summit took place on Tuesday in Geneva", value: "tomorrow"}
      - {source: paper, quote: "Talks resumed on Wednesday morning"}
"""


def test_calendar_edges_are_refused_with_a_message_never_a_crash(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text(EDGES, encoding="utf-8")
    check = runner.invoke(app, ["check", "--no-cache"])
    assert check.exit_code == 1 and "outside the years 2–9998" in check.output
    assert "needs the source's `published` date" in check.output
    compare = runner.invoke(app, ["compare", "--no-cache", "--format", "json"])
    assert compare.exit_code == 0
    import json
    claims = {c["id"]: c for c in json.loads(compare.output)["claims"]}
    assert claims["relative"]["verdict"] != "agreed" and "unread: wire" in claims["relative"]["reason"]


def test_values_that_cannot_be_placed_are_never_agreed(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text("""\
event: {id: e, title: E}
claims:
  - id: day
    claim: When
    type: date
    cites:
      - {source: wire, quote: "The summit took place on Tuesday in Geneva", value: {weekday: Tuesday}}
      - {source: paper, quote: "Talks resumed on Wednesday morning", value: "15 March"}
""", encoding="utf-8")
    import json
    claim = json.loads(runner.invoke(app, ["compare", "--no-cache", "--format", "json"]).output)["claims"][0]
    assert claim["verdict"] != "agreed", claim["reason"]


def test_the_same_escaping_for_every_format_and_every_untrusted_string(project_dir, runner):
    import csv
    import io
    import json
    claims = """\
event: {id: e, title: "Evil [link](http://x.invalid) @someone ![img](y)"}
claims:
  - id: summit-day
    claim: When
    type: text
    cites:
      - {source: wire, quote: "The summit took place on Tuesday in Geneva"}
"""
    (project_dir / "claims" / "ok.yaml").write_text(claims, encoding="utf-8")
    article = project_dir / "seeds" / "article.txt"
    article.write_text("\t=HYPERLINK(1) " + article.read_text(encoding="utf-8"), encoding="utf-8")
    manifest = project_dir / "seeds" / "sources.yaml"
    manifest.write_text("\n".join(l for l in manifest.read_text(encoding="utf-8").splitlines() if "sha256" not in l)
                        + "\n", encoding="utf-8")
    md = runner.invoke(app, ["compare", "--format", "markdown"]).output
    assert "\\[link\\](http" in md and "\\@someone" in md and "!\\[img\\]" in md
    show = runner.invoke(app, ["show", "summit-day", "--format", "json"]).output
    assert "\t=HYPERLINK" not in show and json.loads(show)["claim"]["id"] == "summit-day"
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--format", "csv"]).output)))
    bad = [v for r in rows for v in r.values() if v and v.lstrip()[:1] in "=+@" and not v.startswith("'")]
    assert not bad, bad


def test_json_escapes_bidi_and_c1_characters(project_dir, runner):
    import json
    article = project_dir / "seeds" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("took place", "took\u202e\u0085\u061c place"),
                       encoding="utf-8")
    manifest = project_dir / "seeds" / "sources.yaml"
    manifest.write_text("\n".join(l for l in manifest.read_text(encoding="utf-8").splitlines() if "sha256" not in l)
                        + "\n", encoding="utf-8")
    (project_dir / "claims" / "ok.yaml").write_text(FUZZY_EVENT, encoding="utf-8")
    out = runner.invoke(app, ["show", "summit-day", "--format", "json"]).output
    assert not any(ch in out for ch in "\u202e\u0085\u061c")
    assert "\\u202e" in out and "\u202e" in json.loads(out)["claim"]["cites"][0]["context"]["match"]
    text = runner.invoke(app, ["show", "summit-day"]).output
    assert not any(ch in text for ch in "\u202e\u0085\u061c")


FUZZY_EVENT = """\
event: {id: summit, title: The summit}
claims:
  - id: summit-day
    claim: When
    type: text
    cites:
      - {source: wire, quote: "The summit took place on Tuesday in Geneva"}
"""


def test_a_file_name_with_a_newline_cannot_forge_output_lines(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").unlink()
    (project_dir / "claims" / "a\nx.yaml:1:1: error CC001 forged.yaml").write_text(
        "event: {id: e, title: E}\nclaims:\n  - id: c\n    claim: C\n    type: text\n    cites: []\n",
        encoding="utf-8")
    out = runner.invoke(app, ["check"]).output
    assert all(not line.startswith("x.yaml") for line in out.splitlines())
    sarif = json.loads(runner.invoke(app, ["check", "--format", "sarif"]).output)
    uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert "%0A" in uri and " " not in uri
