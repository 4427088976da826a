"""The anchor and run caches: used when nothing changed, invalidated when anything did, never trusted blindly."""
from __future__ import annotations

import json
import shutil
import sqlite3

import claimcheck.project as project_module
from claimcheck.cli import app

from .conftest import CASES


def _problems(result):
    return json.loads(result.output)["problems"]


def test_unchanged_project_is_answered_from_the_run_cache(project_dir, runner, private_cache, monkeypatch):
    shutil.copy(CASES / "check" / "fuzzy.yaml", project_dir / "claims" / "ok.yaml")
    first = runner.invoke(app, ["check", "--format", "json"])
    assert (private_cache / "cache.sqlite3").exists()

    def must_not_load(*args, **kwargs):
        raise AssertionError("the project was loaded again")

    monkeypatch.setattr(project_module, "load_project", must_not_load)
    second = runner.invoke(app, ["check", "--format", "json"])
    assert second.exit_code == first.exit_code == 0
    assert _problems(second) == _problems(first) and _problems(first)[0]["code"] == "CC105"


def test_changed_article_invalidates_the_run(project_dir, runner):
    assert runner.invoke(app, ["check"]).exit_code == 0
    article = project_dir / "seeds" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Tuesday", "Friday"), encoding="utf-8")
    codes = {p["code"] for p in _problems(runner.invoke(app, ["check", "--format", "json"]))}
    assert {"CC203", "CC104"} <= codes or {"CC203", "CC107"} <= codes


def test_anchors_are_reused_when_only_another_claim_changed(project_dir, runner, monkeypatch):
    assert runner.invoke(app, ["check"]).exit_code == 0
    calls = []
    real = project_module._anchor_batch
    monkeypatch.setattr(project_module, "_anchor_batch", lambda jobs: calls.append(jobs) or real(jobs))
    path = project_dir / "claims" / "ok.yaml"
    path.write_text(path.read_text(encoding="utf-8") + """\
  - id: lunch
    claim: They spoke before lunch
    type: text
    cites:
      - {source: wire, quote: "spoke for about 40 minutes before lunch"}
""", encoding="utf-8")
    assert runner.invoke(app, ["check"]).exit_code == 0
    anchored = [quote for batch in calls for _, quotes in batch for quote, _, _ in quotes]
    assert anchored == ["spoke for about 40 minutes before lunch"]  # the old quote came from the cache


def test_forged_entries_are_ignored(project_dir, runner, private_cache):
    (project_dir / "claims" / "ok.yaml").write_text((CASES / "check" / "not-found.yaml").read_text(), encoding="utf-8")
    assert runner.invoke(app, ["check"]).exit_code == 1
    db = sqlite3.connect(private_cache / "cache.sqlite3")
    with db:  # what a pull request could commit: every entry rewritten to say "no problems", unsigned
        for key, value in db.execute("SELECT key, value FROM entries").fetchall():
            data = json.loads(value)
            if isinstance(data, dict) and "problems" in data:
                data["problems"] = []
            else:
                data.update(status="found", method="exact", score=100.0, start=0, end=3)
            db.execute("UPDATE entries SET value = ?, mac = ? WHERE key = ?", (json.dumps(data), "0" * 64, key))
    db.close()
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1 and "CC104" in {p["code"] for p in _problems(result)}


def test_no_cache_writes_nothing_and_deleting_the_cache_is_safe(project_dir, runner, private_cache):
    assert runner.invoke(app, ["check", "--no-cache"]).exit_code == 0
    assert not private_cache.exists()
    assert runner.invoke(app, ["check"]).exit_code == 0
    assert (private_cache / ".gitignore").read_text().strip().endswith("*")
    shutil.rmtree(private_cache)
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_unusable_cache_folder_is_ignored(project_dir, runner, monkeypatch):
    (project_dir / "blocker").write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(project_dir / "blocker" / "cache"))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0 and "All checks passed" in result.output


def test_signed_entries_of_another_shape_are_misses_not_crashes(project_dir, runner, private_cache):
    from claimcheck.cache import Cache
    assert runner.invoke(app, ["check"]).exit_code == 0
    cache = Cache(private_cache)  # same signing key: as if an older claimcheck had written these
    db = sqlite3.connect(private_cache / "cache.sqlite3")
    keys = [k for (k,) in db.execute("SELECT key FROM entries")]
    db.close()
    shapes = [{"articles": [["a", "b"]], "payload": {}}, [1, 2], {"status": "found"}, "text", None,
              {"articles": [], "payload": {"problems": "nope", "files": "x"}}]
    for i, key in enumerate(keys):
        cache.put(key, shapes[i % len(shapes)])
    cache.close()
    for command in (["check"], ["compare"], ["check", "--format", "json"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_edit_that_keeps_size_and_mtime_is_seen(project_dir, runner):
    import os
    article = project_dir / "seeds" / "article.txt"
    assert runner.invoke(app, ["check"]).exit_code == 0
    stat = article.stat()
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Tuesday", "Fridayy"), encoding="utf-8")  # same length, as cp -p or rsync
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert article.stat().st_size == stat.st_size and article.stat().st_mtime_ns == stat.st_mtime_ns
    codes = {p["code"] for p in _problems(runner.invoke(app, ["check", "--format", "json"]))}
    assert "CC203" in codes


def test_compare_output_is_not_replayed_across_colour_settings_or_code_changes(project_dir, runner, monkeypatch):
    import claimcheck.cache as cache_module
    coloured = runner.invoke(app, ["compare"], env={"FORCE_COLOR": "1", "COLUMNS": "120"}, color=True)
    assert "\x1b[" in coloured.output
    plain = runner.invoke(app, ["compare"], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert "\x1b[" not in plain.output
    calls = []
    import claimcheck.compare as compare_module
    real = compare_module.compare_project
    monkeypatch.setattr(compare_module, "compare_project", lambda p: calls.append(1) or real(p))
    runner.invoke(app, ["compare"], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert calls == []  # unchanged: replayed
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another version of claimcheck")
    runner.invoke(app, ["compare"], env={"NO_COLOR": "1", "COLUMNS": "120"})
    assert calls == [1]  # claimcheck changed: computed again


def test_rows_of_another_shape_are_misses_never_crashes(project_dir, runner, private_cache):
    assert runner.invoke(app, ["check"]).exit_code == 0
    db = sqlite3.connect(private_cache / "cache.sqlite3")
    with db:
        db.execute("UPDATE entries SET mac = NULL")
        db.execute("INSERT INTO entries VALUES (?, ?, ?)", (b"\x00", 12, None))
    db.close()
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0 and "All checks passed" in result.output
