"""The commands as users run them: exit codes, formats, golden output, --fix, the console script."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import app

from .conftest import CASES, ROOT, golden, snapshot


def test_check_passes_on_shipped_claims(in_repo, runner):
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert "All checks passed" in result.output


def test_compare_golden_outputs(in_repo, runner):
    for fmt, name in (("json", "compare.json"), ("markdown", "compare.md"), ("table", "compare-200.txt")):
        result = runner.invoke(app, ["compare", "--format", fmt])
        assert result.exit_code == 0, result.output
        golden(name, result.output)
    json.loads(Path(ROOT / "tests/golden/compare.json").read_text())


def test_compare_at_80_columns_switches_to_blocks(in_repo, runner, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["compare"])
    assert result.exit_code == 0
    assert all(len(line) <= 80 for line in result.output.splitlines())
    golden("compare-80.txt", result.output)


def test_show_golden_outputs(in_repo, runner, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    for args, name in ((["show", "call-date"], "show-call-date.txt"),
                       (["show", "xi-taiwan-quote"], "show-xi-taiwan-quote.txt"),
                       (["show", "call-date", "--format", "json"], "show-call-date.json")):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        golden(name, result.output)


def test_show_json_context_slices_the_article(in_repo, runner):
    data = json.loads(runner.invoke(app, ["show", "call-duration", "--format", "json"]).output)
    for cite in data["claim"]["cites"]:
        source = next(s for s in ("002_c2d6d3b91f9ec4f6.txt", "001_d445b26ed73386fd.txt")
                      if cite["source"] in ("yomiuri" if s.startswith("002") else "we2usa-report",))
        text = (ROOT / "seeds" / source).read_text(encoding="utf-8")
        start, end = cite["span"]
        assert text[start:end] == cite["context"]["match"] == cite["quote"]


def test_show_unknown_claim_exits_2_and_suggests(in_repo, runner):
    result = runner.invoke(app, ["show", "call-dat"])
    assert result.exit_code == 2
    assert "unknown claim 'call-dat'; did you mean call-date" in result.output


def test_verdict_filter_and_fail_on(in_repo, runner):
    result = runner.invoke(app, ["compare", "--format", "json", "--verdict", "variant,unconfirmed"])
    verdicts = {c["verdict"] for c in json.loads(result.output)["claims"]}
    assert verdicts == {"variant", "unconfirmed"}
    november = ["--event", "takaichi-trump-call-2025-11"]
    assert runner.invoke(app, ["compare", *november, "--fail-on", "conflict"]).exit_code == 0
    assert runner.invoke(app, ["compare", "--fail-on", "conflict"]).exit_code == 1  # Chandrayaan has conflicts
    assert runner.invoke(app, ["compare", "--fail-on", "reconcilable", "--fail-on", "variant"]).exit_code == 1
    bad = runner.invoke(app, ["compare", "--verdict", "agred"])
    assert bad.exit_code == 2 and "'agred' is not one of" in bad.output


def test_event_filter(in_repo, runner):
    result = runner.invoke(app, ["compare", "--format", "json", "--event", "takaichi-trump-call-2026-01"])
    data = json.loads(result.output)
    assert [e["id"] for e in data["events"]] == ["takaichi-trump-call-2026-01"]
    assert {c["event"] for c in data["claims"]} == {"takaichi-trump-call-2026-01"}
    assert runner.invoke(app, ["compare", "--event", "nope"]).exit_code == 2
    two = json.loads(runner.invoke(app, ["compare", "--format", "json", "--event", "chandrayaan3-moon-landing",
                                         "--event", "takaichi-trump-call-2026-01"]).output)
    assert {e["id"] for e in two["events"]} == {"chandrayaan3-moon-landing", "takaichi-trump-call-2026-01"}
    assert {s["id"] for s in two["sources"]} >= {"ndtv", "jan-call-report"} and "yomiuri" not in {
        s["id"] for s in two["sources"]}
    shown = runner.invoke(app, ["show", "landing-time", "--event", "chandrayaan3-moon-landing"])
    assert shown.exit_code == 0 and "event: chandrayaan3-moon-landing" in shown.output
    assert runner.invoke(app, ["show", "call-date", "--event", "chandrayaan3-moon-landing"]).exit_code == 2
    checked = runner.invoke(app, ["check", "--event", "chandrayaan3-moon-landing"])
    assert checked.exit_code == 0 and "(1 file)" in checked.output


def test_markdown_and_table_give_each_event_its_own_sources(in_repo, runner):
    md = runner.invoke(app, ["compare", "--format", "markdown"]).output
    chandrayaan, november = md.split("## Takaichi–Trump phone call after the Xi–Trump call")[0], md.split(
        "## Takaichi–Trump phone call after the Xi–Trump call")[1].split("## ")[0]
    assert "| ndtv |" in chandrayaan and "yomiuri" not in chandrayaan
    assert "| yomiuri |" in november and "ndtv" not in november
    assert md.count(" claims: ") == 3  # one summary line per event


def test_fail_on_conflict_exits_1(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text("""\
event: {id: summit, title: The summit}
claims:
  - id: tariffs
    claim: The minister rejects new tariffs
    type: stance
    cites:
      - {source: wire, quote: "We will not accept new tariffs", stance: asserts}
      - {source: paper, quote: "We will not accept new tariffs", stance: denies}
""", encoding="utf-8")
    result = runner.invoke(app, ["compare", "--fail-on", "conflict", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["claims"][0]["verdict"] == "conflict"


def test_check_formats(project_dir, runner):
    shutil.copy(CASES / "check" / "fuzzy.yaml", project_dir / "claims" / "ok.yaml")
    text = runner.invoke(app, ["check"])
    assert text.exit_code == 0
    assert "claims/ok.yaml:9:16: warning CC105 claim 'summit-day'" in text.output
    assert runner.invoke(app, ["check", "--strict"]).exit_code == 1
    github = runner.invoke(app, ["check", "--format", "github"]).output
    assert github.startswith("::warning file=claims/ok.yaml,line=9,col=16,title=CC105::")
    sarif = json.loads(runner.invoke(app, ["check", "--format", "sarif"]).output)
    run = sarif["runs"][0]
    assert sarif["version"] == "2.1.0"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"CC101", "CC105"}
    result = run["results"][0]
    assert result["partialFingerprints"]["claimcheck/v1"] == "summit-day/wire/CC105"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 9, "startColumn": 16}


def test_github_format_is_automatic_in_actions(project_dir, runner, monkeypatch):
    shutil.copy(CASES / "check" / "fuzzy.yaml", project_dir / "claims" / "ok.yaml")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert runner.invoke(app, ["check"]).output.startswith("::warning ")


def test_check_exit_2_for_missing_path_and_manifest(project_dir, runner):
    before = snapshot(project_dir)
    missing = runner.invoke(app, ["check", "claims/nope.yaml"])
    assert missing.exit_code == 2 and "claims/nope.yaml: no such file or directory" in missing.output
    manifest = runner.invoke(app, ["check", "--sources", "nope.yaml"])
    assert manifest.exit_code == 2 and "sources manifest not found" in manifest.output
    assert runner.invoke(app, ["check", "--format", "xml"]).exit_code == 2
    assert snapshot(project_dir) == before


@pytest.mark.parametrize("entry, code, fragment", [
    ("{id: x, file: missing.txt, sha256: " + "ab" * 32 + "}", "CC201", "article 'missing.txt' of source 'x' is missing"),
    ("{id: x, file: latin1.txt}", "CC202", "is not UTF-8"),
    ("{id: x, file: changed.txt, sha256: " + "ab" * 32 + "}", "CC203", "changed since curation"),
    ("{id: x, file: article.txt}", "CC204", "has no sha256; add sha256: "),
    ("{id: x, file: ../outside.txt}", "CC205", "outside the manifest's folder"),
    ("{id: x, file: /etc/passwd}", "CC205", "outside the manifest's folder"),
    ("{id: x, file: article.txt, timezone: Mars/Base}", "CC007", "not an IANA time zone"),
    ("{id: wire, file: article.txt}\n  - {id: wire, file: article.txt}", "CC010", "source id 'wire' is used twice"),
])
def test_manifest_problems(project_dir, runner, entry, code, fragment):
    (project_dir / "outside.txt").write_text("secret", encoding="utf-8")
    (project_dir / "seeds" / "sources.yaml").write_text(f"sources:\n  - {entry}\n", encoding="utf-8")
    (project_dir / "claims" / "ok.yaml").unlink()
    result = runner.invoke(app, ["check", "--format", "json"])
    problems = json.loads(result.output)["problems"]
    match = [p for p in problems if p["code"] == code]
    assert match and fragment in match[0]["message"], problems
    assert match[0]["file"] == "seeds/sources.yaml" and match[0]["line"] == entry.count("\n") + 2
    assert result.exit_code == (0 if code in ("CC203", "CC204") else 1)


def test_symlink_leading_out_is_refused(project_dir, runner):
    (project_dir / "secret.txt").write_text("secret", encoding="utf-8")
    os.symlink(project_dir / "secret.txt", project_dir / "seeds" / "link.txt")
    (project_dir / "seeds" / "sources.yaml").write_text("sources:\n  - {id: x, file: link.txt}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "json"])
    assert "CC205" in {p["code"] for p in json.loads(result.output)["problems"]}


def test_fix_rewrites_quotes_in_place_keeping_layout(project_dir, runner):
    before = """\
# a comment that must survive
event: {id: summit, title: The summit}
claims:
  - id: summit-day
    claim: When   # trailing comment
    type: text
    cites:
      - source: wire
        quote: "The sumit took place on Tuesday in Genva"
      - source: paper
        quote: 'the TWO ministers spoke for about 40 minutes'
"""
    path = project_dir / "claims" / "ok.yaml"
    path.write_text(before, encoding="utf-8")
    result = runner.invoke(app, ["check", "--fix"])
    assert result.exit_code == 0, result.output
    # By default only the approximate match is rewritten; the one that differs in case stays as written.
    fixed = before.replace('"The sumit took place on Tuesday in Genva"', '"The summit took place on Tuesday in Geneva"')
    assert path.read_text(encoding="utf-8") == fixed
    assert "All checks passed" in result.output and "fixed 1 quote\n" in result.output
    again = runner.invoke(app, ["check", "--fix"])
    assert path.read_text(encoding="utf-8") == fixed and again.exit_code == 0
    everything = runner.invoke(app, ["check", "--fix-all"])
    assert everything.exit_code == 0
    assert path.read_text(encoding="utf-8") == fixed.replace(
        "'the TWO ministers spoke for about 40 minutes'", '"The two ministers spoke for about 40 minutes"')


def test_fix_leaves_the_file_untouched_when_it_cannot_write(project_dir, runner):
    if os.geteuid() == 0:
        pytest.skip("root ignores directory permissions")
    shutil.copy(CASES / "check" / "fuzzy.yaml", project_dir / "claims" / "ok.yaml")
    original = (project_dir / "claims" / "ok.yaml").read_bytes()
    os.chmod(project_dir / "claims", 0o555)
    try:
        result = runner.invoke(app, ["check", "--fix"])
    finally:
        os.chmod(project_dir / "claims", 0o755)
    assert result.exit_code == 1 and "cannot write" in result.output
    assert (project_dir / "claims" / "ok.yaml").read_bytes() == original


def test_untrusted_text_is_printed_as_plain_text(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text("""\
event: {id: summit, title: "[red]boom[/red]"}
claims:
  - id: summit-day
    claim: "[link=https://evil.example]click[/link]"
    type: text
    cites:
      - {source: wire, quote: "[bold]not in the article[/bold] \\e]8;;x\\e\\\\"}
""", encoding="utf-8")
    result = runner.invoke(app, ["check"])
    assert "\x1b" not in result.output
    assert "[bold]" in result.output or "U+001B" in result.output


def test_console_script_and_shim_run_as_subprocesses():
    exe = Path(sys.executable).parent / "claimcheck"
    out = subprocess.run([str(exe), "compare", "--format", "json"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["version"] == 1
    piped = subprocess.run([sys.executable, "cli.py", "compare"], cwd=ROOT, capture_output=True, text=True,
                           timeout=60)
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout
    bad = subprocess.run([str(exe), "check", "nowhere"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "nowhere" in bad.stderr


def test_every_command_has_help_with_an_example(runner):
    import typer.main
    commands = sorted(typer.main.get_command(app).commands)
    assert {"check", "compare", "show", "export", "schema"} <= set(commands)
    for command in commands:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example: claimcheck " + command in result.output, command
    assert runner.invoke(app, ["--version"]).output.startswith("claimcheck ")


def test_failed_write_leaves_original_byte_identical(project_dir, runner, monkeypatch):
    shutil.copy(CASES / "check" / "fuzzy.yaml", project_dir / "claims" / "ok.yaml")
    original = (project_dir / "claims" / "ok.yaml").read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = runner.invoke(app, ["check", "--fix"])
    assert result.exit_code == 1 and "cannot write (Permission denied); the file was left unchanged" in result.output
    assert (project_dir / "claims" / "ok.yaml").read_bytes() == original
    assert sorted(p.name for p in (project_dir / "claims").iterdir()) == ["ok.yaml"]  # no temp file left


def test_readme_documents_every_code():
    from claimcheck.codes import CODES
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "claimcheck compare" in readme
    for code in CODES:
        assert f"| {code} |" in readme, code


def test_oversized_claims_file_is_refused_without_parsing(project_dir, runner):
    from claimcheck.yamlread import MAX_YAML_BYTES
    path = project_dir / "claims" / "ok.yaml"
    path.write_text("# " + "x" * MAX_YAML_BYTES + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "json"])
    problems = json.loads(result.output)["problems"]
    assert result.exit_code == 1
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [("CC009", 1, 1)]
    assert "the limit is 5,242,880 bytes" in problems[0]["message"]


def test_github_annotations_escape_workflow_command_characters(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text("""\
event: {id: summit, title: The summit}
claims:
  - id: c
    claim: C
    type: text
    cites:
      - {source: wire, quote: "The summit took place", "100% sure::error file=x::injected\\r\\nnext": 1}
""", encoding="utf-8")
    out = runner.invoke(app, ["check", "--format", "github"]).output
    line = next(x for x in out.splitlines() if x.startswith("::error "))
    assert "100%25 sure" in line and "\r" not in line
    assert out.count("\n::") == out.count("\n::error ") + out.count("\n::warning ")  # no line was injected


def test_progress_is_drawn_on_a_terminal_after_a_second_and_never_when_piped(monkeypatch):
    import io
    import time as time_module

    from claimcheck import cli

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert cli._progress() is None  # piped: silent

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    clock = iter([0.0, 0.5, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7])
    monkeypatch.setattr(time_module, "monotonic", lambda: next(clock, 3.0))
    report = cli._progress()
    report("anchoring quotes", 1, 10)  # at 0.5 s: nothing yet
    assert terminal.getvalue() == ""
    report("anchoring quotes", 5, 10)  # past a second: the bar appears on stderr
    report("anchoring quotes", 10, 10)
    assert "anchoring quotes" in terminal.getvalue()
