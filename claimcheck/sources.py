"""The sources manifest and the articles it names."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .codes import problem
from .errors import UsageError
from .model import Manifest, Mark, Problem, Source
from .paths import manifest_files, sha256_of_file
from .yamlread import Reader, compose_yaml, read_yaml_text

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


def load_manifest(path: Path, display: str | None = None) -> tuple[Manifest, list[Problem]]:
    """Load sources.yaml, or every manifest file of a folder (ids unique across them). A missing or
    unreadable manifest is a UsageError: nothing can be checked."""
    display = display or str(path)
    if path.is_dir():
        files = manifest_files(path)
        if not files:
            raise UsageError(f"{display}: the folder holds no manifest files (*.yaml); add one with a "
                             "'sources' list, or pass --sources FILE")
    elif not path.is_file():
        raise UsageError(f"{display}: sources manifest not found; pass --sources PATH")
    else:
        files = [path]
    sources: list[Source] = []
    problems: list[Problem] = []
    seen: dict[str, Mark] = {}
    for file in files:
        shown = display if file == path else os.path.join(display, file.name)
        for source in _load_manifest_file(file, shown, problems):
            first = seen.get(source.id)
            if first is not None:
                where = f"line {first.line}" if first.file == source.mark.file else f"{first.file}:{first.line}"
                problems.append(problem(source.mark, "CC010", f"source id '{source.id}' is used twice (first at "
                                        f"{where})", source=source.id))
                continue
            seen[source.id] = source.mark
            sources.append(source)
    return Manifest(path, tuple(sources), tuple(files)), problems


def _load_manifest_file(path: Path, display: str, problems: list[Problem]) -> list[Source]:
    reader = Reader(display)
    text = read_yaml_text(path, display, reader.problems)
    sources: list[Source] = []
    if text is None:
        if reader.problems and reader.problems[0].code == "CC201":
            raise UsageError(f"{display}: {reader.problems[0].message}")
        problems.extend(reader.problems)
        return sources
    root = compose_yaml(text, display, reader.problems, "the manifest is empty; it needs a 'sources' list")
    if root is not None:
        top = reader.mapping(root, "the manifest", ("sources",), ("sources",))
        entries = reader.sequence(top["sources"][1], "'sources'") if top and "sources" in top else None
        folder, real_dirs = os.path.realpath(path.parent), {}
        for node in entries or ():
            source = _read_source(reader, node, folder, real_dirs)
            if source is not None:
                sources.append(source)
    problems.extend(reader.problems)
    return sources


def _read_source(reader: Reader, node, folder: str, real_dirs: dict[str, str]) -> Source | None:
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
    checks = {
        "timezone": (valid_zone, "is not an IANA time zone (e.g. Asia/Tokyo)"),
        "published": (valid_published, "is not an ISO 8601 date or datetime (e.g. 2025-11-24 or 2025-11-24T15:40)"),
        "sha256": (lambda v: bool(_SHA_RE.match(v)), "is not 64 lowercase hex digits"),
        "language": (lambda v: bool(_LANG_RE.match(v)), "is not a language code (e.g. en, pt)"),
        "translated_from": (lambda v: bool(_LANG_RE.match(v)), "is not a language code (e.g. en, pt)"),
    }
    invalid = set()
    for key, (ok, why) in checks.items():
        value = fields.get(key)
        if value is not None and not ok(value):
            reader.report(items[key][1], "CC007", f"{key} '{value}' {why}", source=sid)
            fields[key] = None
            invalid.add(key)
    mark = reader.mark(node)
    target = _inside(folder, file, real_dirs)
    if target is None:
        reader.report(items["file"][1], "CC205", f"file '{file}' of source '{sid}' is outside the manifest's "
                      "folder; keep articles beside sources.yaml", source=sid)
    elif fields.get("sha256") is None and "sha256" not in invalid:
        reader.report(mark, "CC204", f"source '{sid}' has no sha256; add "
                      f"sha256: {sha256_of_file(target, MAX_ARTICLE_BYTES) or '<hash of the file>'}", source=sid)
    return Source(id=sid, file=file, path=target, mark=mark, **fields)


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
