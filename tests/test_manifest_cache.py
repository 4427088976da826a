"""What a manifest file's text says is cached by content; what depends on the file system is looked at
on every load. A cached load must equal a fresh one, and nothing stale may come back."""
from __future__ import annotations

import dataclasses
import os

import pytest

from claimcheck import sources as sources_module
from claimcheck.cache import Cache
from claimcheck.model import Source
from claimcheck.sources import SOURCE_KEYS, load_manifest

SHA = "a" * 64
MANIFEST = f"""sources:
  - id: good
    file: good.txt
    outlet: Wire
    published: 2025-11-24
    timezone: Asia/Tokyo
    language: en
    sha256: '{SHA}'
  - id: no-hash
    file: good.txt
  - id: bad-zone
    file: good.txt
    timezone: Mars/Olympus
    sha256: nothex
  - id: typo
    file: good.txt
    outlett: Wire
  - id: outside
    file: ../elsewhere.txt
  - id: good
    file: good.txt
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "good.txt").write_text("An article.\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(MANIFEST, encoding="utf-8")
    return tmp_path


def _load(project, cache):
    manifest, problems = load_manifest(project / "sources.yaml", "sources.yaml", cache)
    return manifest.sources, sorted(problems), [(p.code, p.message, p.source) for p in sorted(problems)]


def test_the_positional_fields_of_a_source_follow_the_manifest_keys():
    """_sources_of builds Source positionally from SOURCE_KEYS: the two orders must stay the same."""
    names = [f.name for f in dataclasses.fields(Source)]
    assert names == ["id", "file", "path", *SOURCE_KEYS[2:], "mark"]


def test_a_cached_load_equals_a_fresh_one_problems_and_all(project, tmp_path):
    fresh = _load(project, None)
    cache = Cache(tmp_path / "cache")
    first = _load(project, cache)
    second = _load(project, cache)
    assert first == fresh and second == fresh
    codes = [code for code, _, _ in fresh[2]]
    assert {"CC004", "CC007", "CC010", "CC204", "CC205"} <= set(codes)


def test_the_second_load_does_not_parse_the_yaml_again(project, tmp_path, monkeypatch):
    cache = Cache(tmp_path / "cache")
    _load(project, cache)
    monkeypatch.setattr(sources_module, "_parse_rows", lambda *a: pytest.fail("parsed again"))
    assert [s.id for s in _load(project, cache)[0]] == ["good", "no-hash", "bad-zone", "typo", "outside"]


def test_an_edited_manifest_is_parsed_again(project, tmp_path):
    cache = Cache(tmp_path / "cache")
    _load(project, cache)
    path = project / "sources.yaml"
    path.write_text(MANIFEST.replace("outlet: Wire", "outlet: Paper"), encoding="utf-8")
    assert _load(project, cache)[0][0].outlet == "Paper"


def test_where_a_file_leads_is_looked_at_on_every_load(project, tmp_path):
    """The text is unchanged, but good.txt became a link out of the folder: CC205, not the cached answer."""
    cache = Cache(tmp_path / "cache")
    sources, _, _ = _load(project, cache)
    assert sources[0].path is not None
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("Elsewhere.\n", encoding="utf-8")
    (project / "good.txt").unlink()
    os.symlink(outside, project / "good.txt")
    sources, _, messages = _load(project, cache)
    assert sources[0].path is None
    assert ("CC205", "file 'good.txt' of source 'good' is outside the manifest's folder; keep articles beside "
            "sources.yaml", "good") in messages


def test_a_missing_sha256_is_computed_from_the_article_as_it_is_now(project, tmp_path):
    cache = Cache(tmp_path / "cache")
    _load(project, cache)
    (project / "good.txt").write_text("Another text.\n", encoding="utf-8")
    import hashlib
    digest = hashlib.sha256(b"Another text.\n").hexdigest()
    messages = _load(project, cache)[2]
    assert any(code == "CC204" and digest in message for code, message, _ in messages)


def test_an_entry_naming_a_zone_this_machine_does_not_know_is_parsed_again(project, tmp_path):
    """The zone database can change under a cache: a cached row with an unknown zone is not trusted."""
    cache = Cache(tmp_path / "cache")
    _load(project, cache)
    key = sources_module._rows_key("sources.yaml")
    entry = cache.get(key)
    entry["rows"][0][2][SOURCE_KEYS.index("timezone") - 2] = "Mars/Olympus"
    cache.put(key, entry)
    assert _load(project, cache)[0][0].timezone == "Asia/Tokyo"


@pytest.mark.parametrize("damage", [
    lambda entry: entry.update(rows="not rows"),
    lambda entry: entry.update(problems=[[1]]),
    lambda entry: entry["rows"][0].pop(),
    lambda entry: entry["rows"][0].__setitem__(2, ["too", "short"]),
    lambda entry: entry.pop("text"),
])
def test_an_entry_of_another_shape_is_a_miss_not_a_crash(project, tmp_path, damage):
    cache = Cache(tmp_path / "cache")
    fresh = _load(project, None)
    _load(project, cache)
    key = sources_module._rows_key("sources.yaml")
    entry = cache.get(key)
    damage(entry)
    cache.put(key, entry)
    assert _load(project, cache) == fresh


def test_a_manifest_set_caches_each_file_under_its_own_name(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text("A.\n", encoding="utf-8")
    for part in (1, 2):
        (folder / f"part-{part}.yaml").write_text(f"sources:\n  - id: s{part}\n    file: a.txt\n    sha256: "
                                                  f"'{SHA}'\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    load_manifest(folder, "archive", cache)
    (folder / "part-2.yaml").write_text(f"sources:\n  - id: s3\n    file: a.txt\n    sha256: '{SHA}'\n",
                                        encoding="utf-8")
    manifest, problems = load_manifest(folder, "archive", cache)
    assert [s.id for s in manifest.sources] == ["s1", "s3"] and problems == []
    assert [s.mark.file for s in manifest.sources] == [os.path.join("archive", "part-1.yaml"),
                                                       os.path.join("archive", "part-2.yaml")]


@pytest.mark.parametrize("cached", [False, True])
def test_listed_entries_say_what_a_full_load_says_of_ids_files_and_the_text(project, tmp_path, cached):
    """`add` refuses by listed_entries, which skips the articles: it must see the same entries and text
    problems (CC010 for the repeated id included) as a full load."""
    from claimcheck.sources import listed_entries
    cache = Cache(tmp_path / "cache") if cached else None
    if cache:
        listed_entries(project / "sources.yaml", cache)
    manifest, problems = load_manifest(project / "sources.yaml", cache=cache)
    entries, text_problems = listed_entries(project / "sources.yaml", cache)
    assert entries == [(s.id, s.file) for s in manifest.sources]
    assert sorted(text_problems) == sorted(p for p in problems if p.code < "CC200")
    assert "CC010" in {p.code for p in text_problems}
