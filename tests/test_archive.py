"""The archive index: one suite for both backends (SQLite and a real PostgreSQL), through the functions and
the command line. What it must guarantee: the same suggestions as a scan, only changed articles indexed
again, an interrupted run leaves a usable index, and a stale index never hides or invents a passage."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimcheck import archive
from claimcheck.archive import build_index, open_index, words
from claimcheck.cli import app
from claimcheck.project import load_project
from claimcheck.sources import load_manifest
from claimcheck.suggest import suggest, suggest_indexed

from .conftest import ROOT


def _err(result) -> str:
    """What the command wrote to stderr: apart where click keeps it apart (8.2+), else inside `output`."""
    try:
        return result.stderr or result.output
    except ValueError:  # click before 8.2 mixes the two streams
        return result.output


def _out(result) -> str:
    """stdout alone: claimcheck's own stderr lines all start with 'claimcheck: '."""
    try:
        result.stderr
        return result.stdout
    except ValueError:
        return "".join(line for line in result.output.splitlines(keepends=True) if not line.startswith("claimcheck: "))


@pytest.fixture
def seeds(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped seeds and claims, to change articles and the manifest freely."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _index(database: str, sources: str = "seeds/sources.yaml"):
    manifest, problems = load_manifest(Path(sources))
    store = open_index(database, create=True)
    try:
        return build_index(manifest, store)
    finally:
        store.close()


def _top(suggestions) -> list[tuple]:
    return [(s.source, s.start, s.end, s.score, s.also) for s in suggestions]


def test_words_fold_case_and_accents_and_pair_cjk_characters():
    assert words("Société Générale’s CEO, São Paulo") == ["societe", "generale", "s", "ceo", "sao", "paulo"]
    assert words("高市首相は25日") == ["高市", "市首", "首相", "相は", "25", "日"]
    assert words("ZÜRICH") == words("zurich")


def test_index_suggestions_equal_the_scan_for_every_shipped_claim(seeds, database):
    report = _index(database)
    assert (report.added, report.changed, report.removed, report.unreadable) == (17, 0, 0, ())
    project = load_project([Path("claims")], Path("seeds/sources.yaml"))
    store = open_index(database)
    try:
        for claim in project.claims:
            found = suggest_indexed(project, claim, store, project.manifest.get, set(), limit=5)
            assert _top(found.suggestions) == _top(suggest(project, claim, 5)), claim.id
            assert not found.rescanned
    finally:
        store.close()


def test_only_new_and_changed_articles_are_indexed_again(seeds, database):
    _index(database)
    again = _index(database)
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 17)
    article = seeds / "seeds" / "001_d445b26ed73386fd.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nThe zeppelin landed in Zürich at dawn.\n",
                       encoding="utf-8")
    changed = _index(database)
    assert (changed.added, changed.changed, changed.unchanged) == (0, 1, 16)
    store = open_index(database)
    try:
        hits = store.search(["zeppelin"], 10)
        assert [(h.source, article.read_text(encoding="utf-8")[h.start:h.end]) for h in hits] == \
            [("we2usa-report", "The zeppelin landed in Zürich at dawn.")]
        assert store.search(words("ZURICH"), 10)  # case and accents folded on both sides
        assert not store.search(words("tromso"), 10)
    finally:
        store.close()


def test_a_source_dropped_from_the_manifest_leaves_the_index(seeds, database):
    _index(database)
    manifest = seeds / "seeds" / "sources.yaml"
    text = manifest.read_text(encoding="utf-8")
    start = text.index("  - id: vnexpress")
    end = text.find("  - id:", start + 1)
    manifest.write_text(text[:start] + (text[end:] if end > 0 else ""), encoding="utf-8")
    report = _index(database)
    assert report.removed == 1
    store = open_index(database)
    try:
        assert "vnexpress" not in store.indexed()
        assert all(h.source != "vnexpress" for h in store.search(words("Vietnam Takaichi Trump"), 300))
    finally:
        store.close()


def test_an_interrupted_run_keeps_finished_batches_and_the_next_run_completes(seeds, database, monkeypatch):
    monkeypatch.setattr(archive, "BATCH", 2)
    manifest, _ = load_manifest(Path("seeds/sources.yaml"))
    store = open_index(database, create=True)
    calls = []

    def interrupt(what, done, total):
        calls.append(done)
        raise KeyboardInterrupt

    monkeypatch.setattr(archive, "PROGRESS_EVERY", 5)
    with pytest.raises(KeyboardInterrupt):
        build_index(manifest, store, interrupt)
    store.close()
    store = open_index(database)
    try:
        kept = store.indexed()
        assert 0 < len(kept) < 17
        # Every article kept is complete: its sentences are all there.
        for sid, row in kept.items():
            assert len([1 for _ in store._rows("SELECT id FROM sentences WHERE source = ?", [sid])]) == row.sentences
    finally:
        store.close()
    report = _index(database)
    assert report.added == 17 - len(kept) and report.unchanged == len(kept)
    fresh = _index(str(seeds / "fresh.sqlite3"))
    assert report.sentences == fresh.sentences


def test_suggest_uses_the_index_and_says_when_it_is_stale(seeds, database, runner):
    assert runner.invoke(app, ["index", "--database", database]).exit_code == 0
    args = ["suggest", "call-duration", "--format", "json", "--database", database]
    indexed = runner.invoke(app, args)
    scanned = runner.invoke(app, ["suggest", "call-duration", "--format", "json", "--scan"])
    assert indexed.exit_code == scanned.exit_code == 0
    assert json.loads(_out(indexed)) == json.loads(_out(scanned))
    assert "hint" not in _err(indexed)
    # An article edited after indexing is read in full, and the curator is told.
    other = seeds / "seeds" / "003_9ecd6304ede0a06b.txt"  # jan-call-report, not cited by call-duration
    other.write_text("The call lasted roughly 25 minutes, officials said.\n" + other.read_text(encoding="utf-8"),
                     encoding="utf-8")
    stale = runner.invoke(app, args)
    assert stale.exit_code == 0
    assert "1 article changed since it was indexed and was read in full" in _err(stale)
    assert json.loads(_out(stale)) == json.loads(_out(runner.invoke(app, args[:-2] + ["--scan"])))
    assert json.loads(_out(stale))["suggestions"][0]["quote"] == "The call lasted roughly 25 minutes, officials said."
    # A manifest changed since indexing: the index is not used at all.
    manifest = seeds / "seeds" / "sources.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    outdated = runner.invoke(app, args)
    assert outdated.exit_code == 0
    assert "built from another version of the manifest: scanned every article" in _err(outdated)


def test_identical_sentences_in_several_articles_are_one_suggestion(seeds, database, runner):
    text = (seeds / "seeds" / "002_c2d6d3b91f9ec4f6.txt").read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "25 minutes" in line)
    for name in ("copy-a", "copy-b"):
        (seeds / "seeds" / f"{name}.txt").write_text(f"Wire copy.\n{sentence}\n", encoding="utf-8")
    with open(seeds / "seeds" / "sources.yaml", "a", encoding="utf-8") as manifest:
        for name in ("copy-a", "copy-b"):
            manifest.write(f"  - id: {name}\n    file: {name}.txt\n")
    runner.invoke(app, ["index", "--database", database])
    for extra in (["--database", database], ["--scan"]):
        result = runner.invoke(app, ["suggest", "call-duration", "--format", "json", "--limit", "20"] + extra)
        found = json.loads(_out(result))["suggestions"]
        copies = [s for s in found if s["source"] in ("copy-a", "copy-b")]
        assert len(copies) == 1 and copies[0]["also"] == ["copy-b"], extra
        assert copies[0]["quote"] in sentence and "25 minutes" in copies[0]["quote"]


def test_index_warns_about_unreadable_articles_and_suggest_stops_on_them(seeds, database, runner):
    (seeds / "seeds" / "002_c2d6d3b91f9ec4f6.txt").unlink()
    result = runner.invoke(app, ["index", "--database", database])
    assert result.exit_code == 0
    assert "warning: 1 article could not be read and is not searchable (yomiuri)" in _err(result)
    stopped = runner.invoke(app, ["suggest", "call-duration", "--database", database])
    assert stopped.exit_code == 2
    assert "CC201 article '002_c2d6d3b91f9ec4f6.txt' of source 'yomiuri' is missing" in _err(stopped)


def test_japanese_sentences_are_found_by_their_characters(tmp_path, database):
    (tmp_path / "ja.txt").write_text("高市首相は25日、トランプ大統領と電話で会談した。天気は晴れ。\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("sources:\n  - id: ja\n    file: ja.txt\n    language: ja\n",
                                           encoding="utf-8")
    _index(database, str(tmp_path / "sources.yaml"))
    store = open_index(database)
    try:
        hits = store.search(words("トランプ大統領"), 10)
        assert [(h.source, h.start, h.end) for h in hits][:1] == [("ja", 0, 25)]
    finally:
        store.close()


def test_bad_database_urls_fail_in_one_line_and_write_nothing(seeds, runner):
    before = sorted(p.name for p in seeds.iterdir())
    unknown = runner.invoke(app, ["index", "--database", "mysql://u:secret@host/db"])
    assert unknown.exit_code == 2
    assert _err(unknown) == ("claimcheck: error: --database 'mysql://u:***@host/db': use a postgresql:// URL "
                              "or a file path\n")
    refused = runner.invoke(app, ["index", "--database", f"postgresql://u:secret@/db?host={seeds}/nowhere"])
    assert refused.exit_code == 2
    assert _err(refused).startswith("claimcheck: error: cannot connect to the index database:")
    assert "secret" not in _err(refused) and len(_err(refused).splitlines()) == 1
    assert sorted(p.name for p in seeds.iterdir()) == before


def test_index_refuses_a_manifest_that_fails_to_load(seeds, runner, tmp_path):
    (seeds / "seeds" / "sources.yaml").write_text("sources:\n  - id: [\n", encoding="utf-8")
    result = runner.invoke(app, ["index", "--database", str(tmp_path / "i.sqlite3")])
    assert result.exit_code == 2
    assert "seeds/sources.yaml:" in _err(result) and "CC001" in _err(result)
    assert not (tmp_path / "i.sqlite3").exists()


def test_draft_match_picks_one_events_coverage_from_the_archive(seeds, database, runner):
    assert runner.invoke(app, ["index", "--database", database]).exit_code == 0
    result = runner.invoke(app, ["draft", "--event", "call", "--match", "Takaichi Trump telephone call",
                                 "--database", database, "-o", "claims/call.yaml"])
    assert result.exit_code == 0, _err(result)
    picked = _err(result).splitlines()[0].split(": ", 2)[2].split(", ")
    assert set(picked) == {"fnn-relay", "we2usa-report", "yomiuri", "jan-call-report", "vnexpress"}
    drafted = (seeds / "claims" / "call.yaml").read_text(encoding="utf-8")
    assert "reuters-yahoo" not in drafted and "source: yomiuri" in drafted
    assert runner.invoke(app, ["check", "claims/call.yaml"]).exit_code == 0


def test_draft_match_refusals(seeds, runner, tmp_path):
    missing = runner.invoke(app, ["draft", "--event", "x", "--match", "moon", "--database",
                                  str(tmp_path / "none.sqlite3")])
    assert missing.exit_code == 2
    assert _err(missing) == ("claimcheck: error: --match searches the archive index, and there is none yet; run "
                              "`claimcheck index` first\n")
    assert not (tmp_path / "none.sqlite3").exists()
    database = str(tmp_path / "i.sqlite3")
    runner.invoke(app, ["index", "--database", database])
    both = runner.invoke(app, ["draft", "--event", "x", "--match", "moon", "--source", "ndtv", "--database", database])
    assert both.exit_code == 2 and "leave out --source" in _err(both)
    nothing = runner.invoke(app, ["draft", "--event", "x", "--match", "zeppelin", "--database", database])
    assert nothing.exit_code == 2
    assert "--match 'zeppelin' finds no source in the archive index" in _err(nothing)
