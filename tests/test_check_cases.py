"""Every check code, driven by the snippets in tests/cases/check: `# expect: EXIT CODE LINE:COL fragment`."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from claimcheck.cli import app
from claimcheck.codes import CODES

from .conftest import CASES, snapshot

_EXPECT = re.compile(r"# expect: (?P<exit>\d) (?P<code>CC\d{3}) (?P<line>\d+):(?P<col>\d+) (?P<fragment>.+)")
CASE_FILES = sorted((CASES / "check").glob("*.yaml"))


def expectation(path: Path):
    match = _EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no '# expect:' line"
    return match


@pytest.mark.parametrize("case", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_check_case(case, project_dir, runner):
    expect = expectation(case)
    target = project_dir / "claims" / case.name
    shutil.copy(case, target)
    (project_dir / "claims" / "ok.yaml").unlink()
    before = snapshot(project_dir)
    result = runner.invoke(app, ["check", f"claims/{case.name}", "--format", "json"])
    assert result.exit_code == int(expect["exit"]), result.output
    problems = json.loads(result.output)["problems"]
    located = [(p["code"], p["line"], p["column"]) for p in problems]
    wanted = (expect["code"], int(expect["line"]), int(expect["col"]))
    assert wanted in located, f"{wanted} not in {located}"
    message = next(p["message"] for p in problems if (p["code"], p["line"], p["column"]) == wanted)
    assert expect["fragment"] in message
    assert all(p["file"] == f"claims/{case.name}" for p in problems if p["code"] < "CC200")
    assert snapshot(project_dir) == before, "check must not write anything"


def test_every_claims_code_has_a_case():
    covered = {expectation(p)["code"] for p in CASE_FILES}
    claims_codes = {c for c in CODES if c < "CC200" and c != "CC009"}
    assert claims_codes <= covered, f"codes without a case: {sorted(claims_codes - covered)}"
