"""suggest: candidates from uncited sources, ranked, exact passages ready to paste."""
from __future__ import annotations

import json
import shutil

from claimcheck.cli import app

from .conftest import ROOT


def _without(tmp_path, claim_id: str, source: str):
    """A copy of the shipped project in which one claim no longer cites one source."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    path = tmp_path / "claims" / "takaichi-trump-call-2025-11.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {claim_id}")
    cite = next(i for i in range(start, len(lines)) if lines[i].strip() == f"- source: {source}")
    end = next(i for i in range(cite + 1, len(lines)) if lines[i].strip().startswith("- source:")
               or lines[i].startswith("  - id:") or not lines[i].strip())
    path.write_text("\n".join(lines[:cite] + lines[end:]), encoding="utf-8")
    return tmp_path


def test_suggest_finds_the_fnn_relays_monday_night_sentence(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(_without(tmp_path, "call-date", "fnn-relay"))
    assert runner.invoke(app, ["check"]).exit_code == 0
    data = json.loads(runner.invoke(app, ["suggest", "call-date", "--format", "json", "--limit", "3"]).output)
    fnn = [s for s in data["suggestions"] if s["source"] == "fnn-relay"]
    assert fnn and "took place on Monday (24) night" in fnn[0]["quote"]
    text = (tmp_path / "seeds" / "000_9039bed66e9909e4.txt").read_text(encoding="utf-8")
    assert text[fnn[0]["span"][0]:fnn[0]["span"][1]] == fnn[0]["quote"]  # exact, ready to paste
    assert all(s["source"] not in ("we2usa-report", "yomiuri", "vnexpress") for s in data["suggestions"])


def test_suggest_ranks_the_duration_sentence_first(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(_without(tmp_path, "call-duration", "yomiuri"))
    data = json.loads(runner.invoke(app, ["suggest", "call-duration", "--format", "json"]).output)
    top = data["suggestions"][0]
    assert top["source"] == "yomiuri" and "lasted approximately 25 minutes" in top["quote"]
    assert "states a value compatible with the cited ones" in top["signals"]


def test_suggest_text_output_and_errors(in_repo, runner):
    result = runner.invoke(app, ["suggest", "urged-restraint", "--limit", "2"])
    assert result.exit_code == 0 and "quote: " in result.output
    unknown = runner.invoke(app, ["suggest", "call-dat"])
    assert unknown.exit_code == 2 and "did you mean call-date" in unknown.output
    assert runner.invoke(app, ["suggest", "call-date", "--limit", "0"]).exit_code == 2
