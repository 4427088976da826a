"""Writes that are safe under concurrency and faults: --fix and add lock, re-read, validate, write through links."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import claimcheck.check as checking
from claimcheck.cli import app

from .conftest import snapshot

FUZZY = """\
event: {id: summit, title: The summit}
claims:
  - id: summit-day
    claim: When
    type: text
    cites:
      - source: wire
        quote: "The sumit took place on Tuesday in Genva"
"""


def test_fix_refuses_when_the_file_changed_after_it_was_checked(project_dir, runner, monkeypatch):
    path = project_dir / "claims" / "ok.yaml"
    path.write_text(FUZZY, encoding="utf-8")
    edited = FUZZY.replace("claim: When", "claim: When the summit was held")
    real_plan = checking.plan_fixes

    def plan_then_edit(*args, **kwargs):
        plan = real_plan(*args, **kwargs)
        path.write_text(edited, encoding="utf-8")  # an editor saves, or another --fix wins the race
        return plan

    monkeypatch.setattr(checking, "plan_fixes", plan_then_edit)
    result = runner.invoke(app, ["check", "--fix"])
    assert result.exit_code == 2
    assert "changed since it was checked" in result.output and "nothing was written" in result.output
    assert path.read_text(encoding="utf-8") == edited


def test_two_fix_runs_at_once_never_corrupt_the_file(project_dir):
    path = project_dir / "claims" / "ok.yaml"
    quotes = ["The sumit took place on Tuesday in Genva", "The two ministers spoke for abot 40 minutes before lunh",
              "Talks resumd on Wednesday mornin"]
    path.write_text("event: {id: summit, title: The summit}\nclaims:\n" + "".join(
        f"  - id: c{i}\n    claim: C\n    type: text\n    cites:\n      - source: wire\n        quote: \"{q}\"\n"
        for i, q in enumerate(quotes)), encoding="utf-8")
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(project_dir / ".cache-a")}
    command = [sys.executable, "-m", "claimcheck", "check", "--fix", "--no-cache"]
    runs = [subprocess.Popen(command, cwd=project_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(4)]
    results = [(r.wait(timeout=120), r.stderr.read()) for r in runs]
    assert all(code in (0, 2) for code, _ in results), results
    assert all("Traceback" not in err for _, err in results)
    final = subprocess.run([sys.executable, "-m", "claimcheck", "check", "--no-cache"], cwd=project_dir, env=env,
                           capture_output=True, text=True, timeout=120)
    assert final.returncode == 0 and "All checks passed" in final.stdout, final.stdout + final.stderr
    text = path.read_text(encoding="utf-8")
    assert text.count("Geneva") == 1 and text.count("- id:") == 3


def test_fix_writes_through_a_symlink(project_dir, runner):
    real = project_dir / "real.yaml"
    real.write_text(FUZZY, encoding="utf-8")
    link = project_dir / "claims" / "ok.yaml"
    link.unlink()
    link.symlink_to(real)
    assert runner.invoke(app, ["check", "--fix"]).exit_code == 0
    assert link.is_symlink() and "Geneva" in real.read_text(encoding="utf-8")


def test_fix_never_copies_characters_a_claims_file_may_not_hold(project_dir, runner):
    article = project_dir / "seeds" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("took place", "took\u202eplace"), encoding="utf-8")
    manifest = project_dir / "seeds" / "sources.yaml"
    manifest.write_text("\n".join(line for line in manifest.read_text(encoding="utf-8").splitlines()
                                  if "sha256" not in line) + "\n", encoding="utf-8")
    path = project_dir / "claims" / "ok.yaml"
    path.write_text(FUZZY, encoding="utf-8")
    before = path.read_bytes()
    result = runner.invoke(app, ["check", "--fix"])
    assert "left the quote of 'wire' as written" in result.output and "U+202E" in result.output
    assert path.read_bytes() == before


def test_diff_shows_what_fix_would_change_and_writes_nothing(project_dir, runner):
    path = project_dir / "claims" / "ok.yaml"
    path.write_text(FUZZY, encoding="utf-8")
    before = snapshot(project_dir)
    result = runner.invoke(app, ["check", "--fix", "--diff"])
    assert result.exit_code == 1
    assert '-        quote: "The sumit took place on Tuesday in Genva"' in result.output
    assert '+        quote: "The summit took place on Tuesday in Geneva"' in result.output
    assert result.output.startswith("--- a/claims/ok.yaml\n+++ b/claims/ok.yaml\n")
    assert {k: v for k, v in snapshot(project_dir).items() if "cache" not in k} == \
        {k: v for k, v in before.items() if "cache" not in k}
    assert runner.invoke(app, ["check", "--diff"]).exit_code == 2


def test_diff_on_the_shipped_claims_prints_nothing(in_repo, runner):
    result = runner.invoke(app, ["check", "--fix", "--diff"])
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize("target", ["/dev/stdout", "/dev/null", "fifo"])
def test_outputs_never_replace_devices_or_special_files(project_dir, runner, target):
    if target == "fifo":
        target = str(project_dir / "fifo")
        os.mkfifo(target)
    result = runner.invoke(app, ["export", "--format", "csv", "--output", target])
    assert result.exit_code == 2 and "not a regular file" in result.output
    if not target.startswith("/dev/"):
        import stat
        assert stat.S_ISFIFO(os.stat(target).st_mode)  # still the FIFO, never replaced by a regular file


def test_export_writes_through_a_symlinked_output(project_dir, runner):
    real = project_dir / "out.csv"
    real.write_text("old\n", encoding="utf-8")
    (project_dir / "link.csv").symlink_to(real)
    assert runner.invoke(app, ["export", "--format", "csv", "--output", "link.csv"]).exit_code == 0
    assert (project_dir / "link.csv").is_symlink() and real.read_text(encoding="utf-8").startswith("event,claim")


@pytest.mark.parametrize("entry", ["  - {id: wire, file: article.txt}\n",
                                   "  - id: wire\n    file: article.txt   # the wire copy\n",
                                   "  - id: wire\n    file: article.txt\n    sha256: null\n"])
def test_fix_fills_a_missing_sha256_in_the_entry_s_own_layout(project_dir, runner, entry):
    import hashlib
    manifest = project_dir / "seeds" / "sources.yaml"
    manifest.write_text("# sources\nsources:\n" + entry + "  - {id: paper, file: article.txt, sha256: "
                        + hashlib.sha256((project_dir / "seeds" / "article.txt").read_bytes()).hexdigest() + "}\n",
                        encoding="utf-8")
    (project_dir / "claims" / "ok.yaml").write_text(FUZZY.replace("The sumit took place on Tuesday in Genva",
                                                                  "The summit took place on Tuesday in Geneva"),
                                                    encoding="utf-8")
    before = runner.invoke(app, ["check", "--no-cache"])
    assert "CC204" in before.output
    diff = runner.invoke(app, ["check", "--fix", "--diff", "--no-cache"])
    assert diff.exit_code == 1 and "sha256: " in diff.output
    result = runner.invoke(app, ["check", "--fix", "--no-cache"])
    assert "filled" not in result.output and "fixed 1 sha256" in result.output, result.output
    digest = hashlib.sha256((project_dir / "seeds" / "article.txt").read_bytes()).hexdigest()
    text = manifest.read_text(encoding="utf-8")
    assert text.startswith("# sources\nsources:\n") and digest in text
    after = runner.invoke(app, ["check", "--no-cache"])
    assert "CC204" not in after.output and after.exit_code == 0, after.output
