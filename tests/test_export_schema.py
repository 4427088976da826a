"""export (json, csv, claimreview, sqlite) and schema (validated with the reference implementation)."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3

import jsonschema
import pytest
import yaml

from claimcheck.cli import app

from .conftest import ROOT, snapshot


def test_json_export_is_the_compare_schema(in_repo, runner):
    exported = runner.invoke(app, ["export", "--format", "json"])
    compared = runner.invoke(app, ["compare", "--format", "json"])
    assert exported.exit_code == 0 and json.loads(exported.output) == json.loads(compared.output)


def test_csv_has_one_row_per_cite(in_repo, runner):
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--format", "csv"]).output)))
    data = json.loads(runner.invoke(app, ["compare", "--format", "json"]).output)
    assert len(rows) == sum(len(c["cites"]) for c in data["claims"])
    first = next(r for r in rows if r["claim"] == "call-duration" and r["source"] == "yomiuri")
    assert (first["verdict"], first["outlet"], first["found"]) == ("agreed", "The Yomiuri Shimbun", "True")
    text = (ROOT / "seeds" / "002_c2d6d3b91f9ec4f6.txt").read_text(encoding="utf-8")
    assert text[int(first["span_start"]):int(first["span_end"])] == first["quote"]


def test_csv_neutralises_spreadsheet_formulas(project_dir, runner):
    (project_dir / "claims" / "ok.yaml").write_text("""\
event: {id: summit, title: The summit}
claims:
  - id: c
    claim: C
    type: text
    cites:
      - {source: wire, quote: "=HYPERLINK(\\"http://evil\\", \\"x\\")"}
""", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--format", "csv"]).output)))
    assert rows[0]["quote"].startswith("'=HYPERLINK") and rows[0]["found"] == "False"


def test_claimreview_has_one_review_per_claim(in_repo, runner):
    reviews = json.loads(runner.invoke(app, ["export", "--format", "claimreview", "--event",
                                             "chandrayaan3-moon-landing"]).output)
    assert len(reviews) == 14 and all(r["@type"] == "ClaimReview" for r in reviews)
    landing = next(r for r in reviews if r["identifier"] == "landing-day")
    assert landing["reviewRating"]["alternateName"] == "conflict"
    assert len(landing["itemReviewed"]["appearance"]) == 10
    assert any(a.get("publisher", {}).get("name") == "NDTV" for a in landing["itemReviewed"]["appearance"])


def test_sqlite_export_opens_with_the_expected_tables(in_repo, runner, tmp_path):
    target = tmp_path / "claims.db"
    assert runner.invoke(app, ["export", "--format", "sqlite", "--output", str(target)]).exit_code == 0
    db = sqlite3.connect(target)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"events", "sources", "claims", "cites"}
    assert db.execute("SELECT verdict FROM claims WHERE id = 'call-date'").fetchone() == ("reconcilable",)
    assert db.execute("SELECT count(*) FROM cites WHERE claim = 'landing-time'").fetchone() == (9,)
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]  # no temp file left


def test_export_errors_exit_with_one_line_and_write_nothing(in_repo, runner, tmp_path):
    before = snapshot(tmp_path)
    missing = runner.invoke(app, ["export", "--format", "sqlite"])
    assert missing.exit_code == 2 and "--format sqlite needs --output FILE" in missing.output
    nowhere = runner.invoke(app, ["export", "--format", "csv", "--output", str(tmp_path / "no" / "x.csv")])
    assert nowhere.exit_code == 1 and "cannot write" in nowhere.output and "Traceback" not in nowhere.output
    bad = runner.invoke(app, ["export", "--format", "xls"])
    assert bad.exit_code == 2 and "'xls' is not one of" in bad.output
    assert snapshot(tmp_path) == before


def test_export_replaces_an_existing_file_atomically(in_repo, runner, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = runner.invoke(app, ["export", "--output", str(target)])
    assert result.exit_code == 1 and target.read_text(encoding="utf-8") == "old"
    monkeypatch.undo()
    assert runner.invoke(app, ["export", "--output", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


def _load(path):
    # BaseLoader keeps scalars as strings, as YAML 1.2 editors read unquoted dates.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _schema(runner, kind):
    result = runner.invoke(app, ["schema", kind])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "claims").glob("*.yaml")))
def test_shipped_claims_files_validate(runner, name):
    _schema(runner, "claims").validate(_load(ROOT / "claims" / name))


def test_shipped_manifest_validates(runner):
    _schema(runner, "manifest").validate(_load(ROOT / "seeds" / "sources.yaml"))


def test_schema_rejects_a_typo_and_a_missing_cite(runner):
    validator = _schema(runner, "claims")
    doc = _load(ROOT / "claims" / "takaichi-trump-call-2026-01.yaml")
    doc["claims"][0]["cites"][0]["qoute"] = doc["claims"][0]["cites"][0].pop("quote")
    errors = [e.message for e in validator.iter_errors(doc)]
    assert any("'qoute'" in m for m in errors) and any("'quote' is a required property" in m for m in errors)
    doc = _load(ROOT / "claims" / "takaichi-trump-call-2026-01.yaml")
    doc["claims"][0]["cites"] = []
    assert not validator.is_valid(doc)


def test_schema_kind_is_checked(runner):
    result = runner.invoke(app, ["schema", "articles"])
    assert result.exit_code == 2 and "is not one of: claims, manifest" in result.output


def test_pre_commit_hook_runs_check():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "claimcheck" and hooks[0]["entry"] == "claimcheck check"
    assert hooks[0]["pass_filenames"] is False  # check reads the whole project: ids are unique across files


def test_shell_completion_script_is_offered():
    import subprocess
    import sys
    from pathlib import Path
    exe = str(Path(sys.executable).parent / "claimcheck")
    out = subprocess.run([exe, "--show-completion", "bash"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "SHELL": "/bin/bash"})
    assert out.returncode == 0 and "_claimcheck_completion" in out.stdout
