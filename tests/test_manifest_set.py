"""A manifest may be a folder of manifest files: ids unique across them, add appends to the right one,
the run cache sees every file, and --fix fills sha256 in the file that holds the entry."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimcheck import ingest
from claimcheck.cli import app

from .conftest import CASES

ARTICLE_SHA = "fc633752790d718a7f7aa6ab689ff02b5ae7997736d6ba24b35715d844891980"


def _entry(source_id: str, sha: bool = True) -> str:
    return f"  - id: {source_id}\n    file: article.txt\n" + (f"    sha256: {ARTICLE_SHA}\n" if sha else "")


@pytest.fixture
def archive(tmp_path, monkeypatch) -> Path:
    """seeds/ is a folder of two manifest files; the claims cite a source from each."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(CASES / "project" / "article.txt", seeds / "article.txt")
    (seeds / "part-1.yaml").write_text("sources:\n" + _entry("wire"), encoding="utf-8")
    (seeds / "part-2.yaml").write_text("sources:\n" + _entry("paper"), encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "summit.yaml").write_text(
        "event:\n  id: summit\n  title: The summit\nclaims:\n  - id: summit-day\n    claim: When the summit took "
        "place\n    type: date\n    cites:\n"
        + "".join(f"      - source: {s}\n        quote: The summit took place on Tuesday in Geneva\n"
                  for s in ("wire", "paper")), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_folder_of_manifest_files_is_one_manifest(archive, runner):
    result = runner.invoke(app, ["check", "--sources", "seeds", "--format", "json"])
    assert result.exit_code == 0, result.output
    compared = runner.invoke(app, ["compare", "--sources", "seeds", "--format", "json"])
    assert compared.exit_code == 0, compared.output
    assert [s["id"] for s in json.loads(compared.output)["sources"]] == ["wire", "paper"]
    assert json.loads(compared.output)["claims"][0]["verdict"] == "agreed"


def test_an_id_in_two_files_of_a_set_is_a_duplicate_naming_the_first_file(archive, runner):
    (archive / "seeds" / "part-2.yaml").write_text("sources:\n" + _entry("paper") + _entry("wire"), encoding="utf-8")
    result = runner.invoke(app, ["check", "--sources", "seeds"])
    assert result.exit_code == 1
    assert "seeds/part-2.yaml:5:5: error CC010 source id 'wire' is used twice (first at seeds/part-1.yaml:2)" \
        in result.output


def test_a_folder_without_manifest_files_is_refused(archive, runner):
    empty = archive / "empty"
    empty.mkdir()
    (empty / ".hidden.yaml").write_text("sources: []\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", "--sources", "empty"])
    assert result.exit_code == 2
    assert "empty: the folder holds no manifest files (*.yaml)" in result.output


def test_the_cached_run_sees_a_change_in_any_file_of_the_set(archive, runner):
    first = runner.invoke(app, ["check", "--sources", "seeds", "--format", "json"])
    assert first.exit_code == 0
    (archive / "seeds" / "part-2.yaml").write_text("sources:\n  - id: paper\n    file: missing.txt\n",
                                                   encoding="utf-8")
    second = runner.invoke(app, ["check", "--sources", "seeds", "--format", "json"])
    assert second.exit_code == 1
    assert "CC201" in second.output


def test_add_appends_to_the_last_file_of_a_set(archive, runner):
    (archive / "story.txt").write_text("A new story about the summit.\n", encoding="utf-8")
    result = runner.invoke(app, ["add", "story.txt", "--id", "story", "--sources", "seeds"])
    assert result.exit_code == 0, result.output
    assert "id: story" in (archive / "seeds" / "part-2.yaml").read_text(encoding="utf-8")
    assert "story" not in (archive / "seeds" / "part-1.yaml").read_text(encoding="utf-8")
    assert (archive / "seeds" / "story.txt").is_file()


def test_add_starts_a_new_file_when_the_last_one_is_full(archive, runner, monkeypatch):
    monkeypatch.setattr(ingest, "SET_FILE_BYTES", 10)
    (archive / "story.txt").write_text("A new story about the summit.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (archive / "seeds").glob("*.yaml")}
    result = runner.invoke(app, ["add", "story.txt", "--id", "story", "--sources", "seeds"])
    assert result.exit_code == 0, result.output
    assert (archive / "seeds" / "part-3.yaml").read_text(encoding="utf-8").count("id: story") == 1
    assert {p.name: p.read_bytes() for p in (archive / "seeds").glob("part-[12].yaml")} == before
    compared = runner.invoke(app, ["check", "--sources", "seeds", "--format", "json"])
    assert "CC010" not in compared.output


def test_add_refuses_an_id_listed_in_another_file_of_the_set(archive, runner):
    (archive / "story.txt").write_text("A new story.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (archive / "seeds").iterdir()}
    result = runner.invoke(app, ["add", "story.txt", "--id", "wire", "--sources", "seeds"])
    assert result.exit_code == 2
    assert "source id 'wire' is already in seeds" in result.output
    assert {p.name: p.read_bytes() for p in (archive / "seeds").iterdir()} == before


def test_fix_fills_sha256_in_the_file_that_holds_the_entry(archive, runner):
    (archive / "seeds" / "part-2.yaml").write_text("sources:\n" + _entry("paper", sha=False), encoding="utf-8")
    result = runner.invoke(app, ["check", "--sources", "seeds", "--fix"])
    assert result.exit_code == 0, result.output
    assert f"sha256: {ARTICLE_SHA}" in (archive / "seeds" / "part-2.yaml").read_text(encoding="utf-8")
    assert (archive / "seeds" / "part-1.yaml").read_text(encoding="utf-8") == "sources:\n" + _entry("wire")


def test_next_set_file_sorts_after_the_last(tmp_path):
    for name in ("sources-00009.yaml", "zz.yaml"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / name).write_text("sources:\n", encoding="utf-8")
    assert ingest._file_to_append(tmp_path / "sources-00009.yaml").name == "sources-00009.yaml"  # room left
    full = tmp_path / "full"
    full.mkdir()
    (full / "sources-00009.yaml").write_text("x" * ingest.SET_FILE_BYTES, encoding="utf-8")
    assert ingest._file_to_append(full).name == "sources-00010.yaml"
    (full / "sources-00010.yaml").write_text("x" * ingest.SET_FILE_BYTES, encoding="utf-8")
    (full / "zz.yaml").write_text("x" * ingest.SET_FILE_BYTES, encoding="utf-8")
    assert ingest._file_to_append(full).name == "zz_2.yaml"
