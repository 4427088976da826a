"""Small multilingual events run end to end through the command line: every verdict and reading."""
from __future__ import annotations

import json
import os

import pytest

from claimcheck.cli import app

from .conftest import CASES

EVENTS = sorted(p for p in (CASES / "events").iterdir() if p.is_dir())


@pytest.mark.parametrize("event", EVENTS, ids=[p.name for p in EVENTS])
def test_event_verdicts_and_readings(event, runner):
    result = runner.invoke(app, ["compare", "--format", "json", "--no-cache", "--claims", str(event / "claims"),
                                 "--sources", str(event / "seeds" / "sources.yaml")])
    assert result.exit_code == 0, result.output
    got = {claim["id"]: {"verdict": claim["verdict"],
                         "cites": {cite["source"]: cite["value"] or cite["stance"] or f"unread: {cite['unread']}"
                                   for cite in claim["cites"]}}
           for claim in json.loads(result.stdout)["claims"]}
    expected = event / "expected.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(expected.read_text(encoding="utf-8"))
