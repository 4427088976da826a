"""The sources manifest and the articles it names."""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import os
import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .codes import problem
from .errors import UsageError
from .model import Manifest, Mark, Problem, Severity, Source
from .paths import manifest_files, sha256_of_file
from .yamlread import Reader, compose_yaml, read_yaml_text

if TYPE_CHECKING:
    from .cache import Cache

MAX_ARTICLE_BYTES = 20 * 1024 * 1024

SOURCE_KEYS = ("id", "file", "outlet", "title", "url", "published", "timezone", "language",
               "translated_from", "sha256", "note", "via")
SOURCE_REQUIRED = ("id", "file")
_LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")
_SHA_RE = re.compile(r"[0-9a-f]{64}\Z")


@dataclass(frozen=True)
class Article:
    source: Source
    text: str  # decoded UTF-8, BOM removed, nothing else changed: spans index into this
    sha256: str


@contextmanager
def collection_paused():
    """Loading builds millions of objects and frees almost none: CPython's collector would run a full
    pass after nearly every claims file for nothing (12 % of a 10,000-article check, measured)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def valid_zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def valid_published(value: str) -> bool:
    try:
        if len(value) == 10:
            dt.date.fromisoformat(value)
        else:
            dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _inside(folder: str, relative: str, real_dirs: dict[str, str]) -> Path | None:
    """The file's path when it stays inside `folder` (a resolved path; symlinks followed), else None.

    Folders are resolved once per manifest (`real_dirs`), and each file costs one lstat to see whether it
    is itself a link: resolving every path in full took 5 system calls per source."""
    if not relative or os.path.isabs(relative) or relative.startswith(("/", "\\")) or "\\" in relative:
        return None
    head, name = os.path.split(relative)
    real_dir = real_dirs.get(head)
    if real_dir is None:
        real_dir = real_dirs[head] = os.path.realpath(os.path.join(folder, head))
    target = os.path.join(real_dir, name)
    if name in ("", ".", "..") or os.path.islink(target):
        target = os.path.realpath(target)
    if target != folder and not target.startswith(folder + os.sep):
        return None
    return Path(folder, relative)


def load_manifest(path: Path, display: str | None = None,
                  cache: "Cache | None" = None) -> tuple[Manifest, list[Problem]]:
    """Load sources.yaml, or every manifest file of a folder (ids unique across them). A missing or
    unreadable manifest is a UsageError: nothing can be checked. With a cache, what each file's text says
    is kept by content hash; what depends on the file system (where `file` leads) is looked at every time."""
    with collection_paused():
        sources: list[Source] = []
        problems: list[Problem] = []
        files = _files_of(path, display or str(path))
        for file, shown, rows in _unique_rows(files, problems, cache):
            sources += _sources_of(rows, shown, os.path.realpath(file.parent), problems)
        return Manifest(path, tuple(sources), tuple(file for file, _ in files)), problems


def listed_entries(path: Path, cache: "Cache | None" = None) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(id, file) of every entry and what the manifest's text says is wrong, without looking at the
    articles: what `add` needs to refuse a listed id or file, at a fraction of a full load's cost."""
    with collection_paused():
        problems: list[Problem] = []
        entries = [(row[0], row[1]) for _, _, rows in _unique_rows(_files_of(path, str(path)), problems, cache)
                   for row in rows]
        return entries, problems


def _files_of(path: Path, display: str) -> list[tuple[Path, str]]:
    """Each manifest file with the name it is shown by: the file itself, or every file of a set."""
    if path.is_dir():
        files = manifest_files(path)
        if not files:
            raise UsageError(f"{display}: the folder holds no manifest files (*.yaml); add one with a "
                             "'sources' list, or pass --sources FILE")
        return [(file, os.path.join(display, file.name)) for file in files]
    if not path.is_file():
        raise UsageError(f"{display}: sources manifest not found; pass --sources PATH")
    return [(path, display)]


def _unique_rows(files: list[tuple[Path, str]], problems: list[Problem], cache: "Cache | None"):
    """Each file's rows, an id listed before (in this file or an earlier one) reported and left out."""
    seen: dict[str, tuple[str, int]] = {}
    for file, shown in files:
        kept = []
        for row in _file_rows(file, shown, problems, cache):
            first = seen.get(row[0])
            if first is not None:
                where = f"line {first[1]}" if first[0] == shown else f"{first[0]}:{first[1]}"
                problems.append(problem(Mark(shown, *row[3]), "CC010", f"source id '{row[0]}' is used twice "
                                        f"(first at {where})", source=row[0]))
                continue
            seen[row[0]] = (shown, row[3][0])
            kept.append(row)
        yield file, shown, kept


# One parsed entry: id, file, the values of SOURCE_KEYS[2:] (None where absent or refused), the entry's
# position and the `file` value's position (line, column, start, end), and whether a sha256 was refused.
Row = tuple[str, str, list, list, list, bool]


def _file_rows(path: Path, display: str, problems: list[Problem], cache: "Cache | None") -> list[Row]:
    found: list[Problem] = []
    text = read_yaml_text(path, display, found)
    if text is None:
        if found and found[0].code == "CC201":
            raise UsageError(f"{display}: {found[0].message}")
        problems.extend(found)
        return []
    parsed = _cached_rows(text, display, cache) if cache is not None and cache.enabled else None
    if parsed is None:
        rows, found = _parse_rows(text, display)
        if cache is not None and cache.enabled:
            # One entry per manifest file, replaced when its text changes: a set that grows by `add` does not
            # leave an entry behind for every version of its last file.
            cache.put(_rows_key(display), {"text": _text_hash(text), "rows": rows, "problems": [
                [p.line, p.column, p.severity.value, p.code, p.message, p.claim, p.source] for p in found]})
    else:
        rows, found = parsed
    problems.extend(found)
    return rows


def _rows_key(display: str) -> str:
    from .cache import digest
    return digest("manifest-rows", display)


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _cached_rows(text: str, display: str, cache: "Cache") -> tuple[list[Row], list[Problem]] | None:
    """A file's rows and problems as an earlier run parsed the same text; None when not cached, of another
    shape, or naming a time zone this machine no longer knows (its zone database changed)."""
    entry = cache.get(_rows_key(display))
    try:
        if entry["text"] != _text_hash(text):
            return None
        rows = [(sid, file, values, at, file_at, refused) for sid, file, values, at, file_at, refused in entry["rows"]]
        found = [Problem(display, line, column, Severity(severity), code, message, claim, source)
                 for line, column, severity, code, message, claim, source in entry["problems"]]
        if not all(isinstance(values, list) and len(values) == len(SOURCE_KEYS) - 2 for _, _, values, *_ in rows):
            return None
    except (TypeError, KeyError, ValueError):
        return None
    zones = {values[_ZONE] for _, _, values, *_ in rows} - {None}
    return (rows, found) if all(valid_zone(zone) for zone in zones) else None


_ZONE = SOURCE_KEYS.index("timezone") - 2
_SHA = SOURCE_KEYS.index("sha256") - 2
# Values that repeat across thousands of entries share one string.
_SHARED = tuple(SOURCE_KEYS.index(key) - 2 for key in ("outlet", "published", "timezone", "language",
                                                          "translated_from", "via"))


def _parse_rows(text: str, display: str) -> tuple[list[Row], list[Problem]]:
    """What a manifest file's text says, without looking at the file system."""
    reader = Reader(display)
    rows: list[Row] = []
    root = compose_yaml(text, display, reader.problems, "the manifest is empty; it needs a 'sources' list")
    if root is not None:
        top = reader.mapping(root, "the manifest", ("sources",), ("sources",))
        entries = reader.sequence(top["sources"][1], "'sources'") if top and "sources" in top else None
        for node in entries or ():
            row = _parse_source(reader, node)
            if row is not None:
                rows.append(row)
    return rows, reader.problems


_FIELD_CHECKS = {
    "timezone": (valid_zone, "is not an IANA time zone (e.g. Asia/Tokyo)"),
    "published": (valid_published, "is not an ISO 8601 date or datetime (e.g. 2025-11-24 or 2025-11-24T15:40)"),
    "sha256": (lambda v: bool(_SHA_RE.match(v)), "is not 64 lowercase hex digits"),
    "language": (lambda v: bool(_LANG_RE.match(v)), "is not a language code (e.g. en, pt)"),
    "translated_from": (lambda v: bool(_LANG_RE.match(v)), "is not a language code (e.g. en, pt)"),
}


def _parse_source(reader: Reader, node) -> Row | None:
    items = reader.mapping(node, "a source", SOURCE_KEYS, SOURCE_REQUIRED)
    if items is None or "id" not in items or "file" not in items:
        return None
    sid = reader.ident(items["id"][1], "source id")
    file = reader.text(items["file"][1], "file", multiline=False)
    if sid is None or file is None:
        return None
    fields: dict[str, str | None] = {}
    for key in SOURCE_KEYS[2:]:
        if key in items:
            fields[key] = reader.text(items[key][1], key, nullable=True, dates=key == "published")
    refused = False
    for key, (ok, why) in _FIELD_CHECKS.items():
        value = fields.get(key)
        if value is not None and not ok(value):
            reader.report(items[key][1], "CC007", f"{key} '{value}' {why}", source=sid)
            fields[key] = None
            refused = refused or key == "sha256"
    at, file_at = reader.mark(node), reader.mark(items["file"][1])
    return (sid, file, [fields.get(key) for key in SOURCE_KEYS[2:]], [at.line, at.column, at.start, at.end],
            [file_at.line, file_at.column, file_at.start, file_at.end], refused)


def _sources_of(rows: list[Row], display: str, folder: str, problems: list[Problem]) -> list[Source]:
    """Sources from parsed rows, with where each `file` leads looked at now (it may have become a link)."""
    real_dirs: dict[str, str] = {}
    sources = []
    for sid, file, values, at, file_at, refused in rows:
        for index in _SHARED:
            if values[index] is not None:
                values[index] = sys.intern(values[index])
        mark = Mark(display, *at)
        target = _inside(folder, file, real_dirs)
        if target is None:
            problems.append(problem(Mark(display, *file_at), "CC205", f"file '{file}' of source '{sid}' is outside "
                                    "the manifest's folder; keep articles beside sources.yaml", source=sid))
        elif values[_SHA] is None and not refused:
            problems.append(problem(mark, "CC204", f"source '{sid}' has no sha256; add sha256: "
                                    f"{sha256_of_file(target, MAX_ARTICLE_BYTES) or '<hash of the file>'}",
                                    source=sid))
        sources.append(Source(sid, file, target, *values, mark))
    return sources


def read_article(source: Source) -> tuple[Article | None, list[Problem]]:
    """Read one article; problems are located at the source's manifest entry."""
    if source.path is None:
        return None, []  # already reported as CC205; the target is never read
    mark = source.mark
    from .paths import TooLarge, read_regular
    try:
        data = read_regular(source.path, MAX_ARTICLE_BYTES)
    except TooLarge:
        size = source.path.stat().st_size
        return None, [problem(mark, "CC009", f"article '{source.file}' is {size:,} bytes; the limit is "
                              f"{MAX_ARTICLE_BYTES:,}", source=source.id)]
    except OSError as exc:
        what = "is missing" if isinstance(exc, FileNotFoundError) else f"cannot be read ({exc.strerror or exc})"
        return None, [problem(mark, "CC201", f"article '{source.file}' of source '{source.id}' {what}",
                              source=source.id)]
    problems: list[Problem] = []
    digest = hashlib.sha256(data).hexdigest()
    if source.sha256 and source.sha256 != digest:
        problems.append(problem(mark, "CC203", f"article '{source.file}' changed since curation (sha256 is "
                                f"{digest[:12]}…, manifest says {source.sha256[:12]}…); re-check its quotes, "
                                "then update sha256", source=source.id))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(problem(mark, "CC202", f"article '{source.file}' is not UTF-8 (byte 0x{data[exc.start]:02X} "
                                f"at offset {exc.start}); convert it to UTF-8", source=source.id))
        return None, problems
    if text.startswith("\ufeff"):
        text = text[1:]
    return Article(source, text, digest), problems


def published_at(source: Source):
    """When the source was published, in its own zone (DESIGN: a `published` without an offset is read in the
    source's `timezone`, UTC when that is unknown); None when unknown or at the calendar's ends."""
    import datetime as dt
    from zoneinfo import ZoneInfo
    if not source.published:
        return None
    try:
        when = dt.datetime.fromisoformat(source.published)
        zone = ZoneInfo(source.timezone) if source.timezone else dt.timezone.utc
        when = when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)
        when.astimezone(dt.timezone.utc)  # placeable in time, or OverflowError
    except (ValueError, KeyError, OverflowError):
        return None
    return when if 2 <= when.year <= 9998 else None
