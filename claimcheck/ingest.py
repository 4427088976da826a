"""`claimcheck add`: ingest an article (plain text, or HTML through trafilatura) into the seeds folder."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .errors import UsageError
from .sources import MAX_ARTICLE_BYTES, listed_entries, load_manifest
from .writing import write_atomically
from .yamlread import ID_RE, compose_yaml

if TYPE_CHECKING:
    from .cache import Cache

FETCH_TIMEOUT = 20  # seconds for any one read
FETCH_DEADLINE = 60  # seconds for the whole download


@dataclass(frozen=True)
class Ingested:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def _is_url(location: str) -> bool:
    return re.match(r"https?://", location, re.I) is not None


def fetch(location: str) -> tuple[bytes, str, str | None, str | None]:
    """The bytes, their content type, the declared charset and the URL (None for a local file).

    At most the article limit is read; a URL gets FETCH_DEADLINE seconds in all (a server that
    trickles a byte every few seconds cannot hold `add` forever); a local file must be a regular file.
    """
    charset = None
    if _is_url(location):
        import time
        import urllib.error
        import urllib.request
        request = urllib.request.Request(location, headers={"User-Agent": "claimcheck"})
        deadline = time.monotonic() + FETCH_DEADLINE
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - http(s) only
                chunks, size = [], 0
                while size <= MAX_ARTICLE_BYTES:
                    if time.monotonic() > deadline:
                        raise UsageError(f"{location}: still downloading after {FETCH_DEADLINE} s; gave up, "
                                         "nothing was written")
                    chunk = response.read1(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                data = b"".join(chunks)
                content_type = response.headers.get_content_type()
                charset = response.headers.get_content_charset()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise UsageError(f"{location}: cannot fetch ({getattr(exc, 'reason', exc)})") from None
        url: str | None = location
    else:
        from .paths import TooLarge, read_regular
        path = Path(location)
        try:
            data = read_regular(path, MAX_ARTICLE_BYTES)
        except TooLarge:
            data = b"x" * (MAX_ARTICLE_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"{location}: cannot read ({exc.strerror or exc})") from None
        content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"
        url = None
    if len(data) > MAX_ARTICLE_BYTES:
        raise UsageError(f"{location}: larger than the article limit of {MAX_ARTICLE_BYTES:,} bytes")
    if content_type == "text/plain" and data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        content_type = "text/html"
    return data, content_type, charset, url


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _decode(data: bytes, charset: str | None, html: bool, location: str) -> str:
    """Text in the charset the server or the page declares (Shift_JIS, windows-1252…), else UTF-8."""
    import codecs
    if html and charset is None:
        m = _META_CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii") if m else None
    if data.startswith(b"\xef\xbb\xbf"):
        charset = "utf-8-sig"
    name = charset or "utf-8"
    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(f"{location}: declares the unknown charset '{name}'; convert it to UTF-8 first") from None
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        shown = "UTF-8" if name.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig") else name
        raise UsageError(f"{location}: not {shown} text (byte 0x{data[exc.start]:02X} at {exc.start}); "
                         "convert it first") from None


def extract(data: bytes, content_type: str, url: str | None, location: str, charset: str | None = None) -> Ingested:
    if content_type not in ("text/html", "application/xhtml+xml"):
        return Ingested(_decode(data, charset, False, location).lstrip("\ufeff"), None, None, None, url)
    try:
        import trafilatura
    except ImportError:
        raise UsageError("reading HTML needs trafilatura: pip install 'claimcheck[ingest]'") from None
    html = _decode(data, charset, True, location)
    result = trafilatura.extract(html, output_format="json", with_metadata=True, url=url)
    if not result:
        raise UsageError(f"{location}: no article text found in this HTML page")
    meta = json.loads(result)
    text = (meta.get("text") or "").strip()
    if not text:
        raise UsageError(f"{location}: no article text found in this HTML page")
    published = meta.get("date")
    if published:
        try:
            dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    return Ingested(text + "\n", meta.get("title") or None, published, meta.get("sitename") or None, url)


_WIRES = r"AP|Associated Press|Reuters|AFP|Agence France-Presse|dpa|DPA|PTI|ANI|IANS|UNI|Xinhua|Kyodo|Jiji|Yonhap|" \
         r"Bloomberg|EFE|ANSA|Anadolu|TASS|Bernama|Antara"
_WIRE_MARKS = [
    re.compile(rf"\((?P<wire>{_WIRES})\)\s*[—–-]"),  # "WASHINGTON (AP) —", "(Reuters) -"
    re.compile(rf"(?i:with inputs from|inputs from|additional reporting by|reported by|source:)\s+(?P<wire>{_WIRES})\b"),
    re.compile(rf"^(?P<wire>{_WIRES})\s*[:|]", re.M),
]


def propose_via(text: str) -> str | None:
    """The wire a page says it relays ("(AP) —", "(Reuters) -", "with inputs from PTI"), if exactly one."""
    found = {m.group("wire") for pattern in _WIRE_MARKS for m in pattern.finditer(text[:5000])}
    found = {"AP" if w == "Associated Press" else "AFP" if w == "Agence France-Presse" else w for w in found}
    return found.pop() if len(found) == 1 else None


def _entry_lines(source_id: str, file: str, article: Ingested, sha: str, origin: str, dash: int,
                 indent: int) -> list[str]:
    def value(v):  # JSON strings are valid YAML double-quoted scalars
        return "null" if v is None else json.dumps(v, ensure_ascii=False)
    fields = [("file", file), ("outlet", article.outlet), ("title", article.title), ("url", article.url),
              ("published", article.published), ("timezone", None), ("language", None),
              ("translated_from", None), ("sha256", sha)]
    via = propose_via(article.text)
    note = (f"added by claimcheck add from {origin} on {dt.date.today().isoformat()}; outlet, title and date as "
            "the page's metadata gave them")
    if via:
        fields.append(("via", via))
        note += f"; via {via} proposed because the text names the wire: check it"
    fields.append(("note", note))
    first = " " * dash + "-" + " " * (indent - dash - 1) + f"id: {source_id}"
    return [first] + [" " * indent + f"{k}: {value(v)}" for k, v in fields]


_SUBFOLDER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*\Z")


def _last_end(node) -> int:
    """Where the last character of a node's text ends (a mapping's own end mark may lie lines later)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.index
    children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else list(node.value)
    return max([node.start_mark.index] + [_last_end(c) for c in children])


def _insertion(text: str, display: str) -> tuple[int, int, int]:
    """(offset, dash column, key column) for a new entry: after the last entry, in the manifest's own layout."""
    problems: list = []
    root = compose_yaml(text, display, problems) if text.strip() else None
    sequence = None
    if isinstance(root, yaml.MappingNode):
        sequence = next((v for k, v in root.value if k.value == "sources"), None)
    if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style or not sequence.value:
        raise UsageError(f"{display}: 'sources' must be a block list (one '- id:' entry per line) for add "
                         "to append to it")
    first = sequence.value[0]
    line_start = text.rfind("\n", 0, first.start_mark.index) + 1
    dash = text.rfind("-", line_start, first.start_mark.index) - line_start
    end = _last_end(sequence.value[-1])
    newline_at = text.find("\n", end)
    offset = len(text) if newline_at < 0 else newline_at + 1  # after the line (and comment) the entry ends on
    return offset, max(dash, 0), first.start_mark.column


def add_article(manifest_path: Path, location: str, source_id: str, subfolder: str | None = None,
                cache: "Cache | None" = None) -> Path:
    """Write the article beside the manifest and append its entry; returns the article's path.

    The manifest is locked, read again and checked under the lock, so concurrent adds never lose an
    entry. The article is written first: an interrupted add leaves it unlisted, and the same add run
    again takes it over (same bytes) instead of refusing; the new manifest must load with the new
    entry before it replaces the old one.
    """
    from .locking import locked
    from .paths import read_regular
    from .writing import real_target
    from .yamlread import MAX_YAML_BYTES
    if not ID_RE.match(source_id):
        raise UsageError(f"--id '{source_id}' is not a valid id: lowercase letters, digits, '-' and '_'")
    if subfolder is not None and (".." in subfolder.split("/") or subfolder.startswith("/")):
        raise UsageError(f"--dir '{subfolder}' leads outside the manifest's folder")
    if subfolder is not None and not _SUBFOLDER.match(subfolder.strip("/")):
        raise UsageError(f"--dir '{subfolder}' is not a plain folder name: letters, digits, '.', '-', '_' and '/'")
    _refuse_if_listed(manifest_path, source_id, cache=cache)
    relative = f"{subfolder.strip('/')}/{source_id}.txt" if subfolder else f"{source_id}.txt"
    folder = manifest_path if manifest_path.is_dir() else manifest_path.parent
    target = folder / relative
    if not os.path.realpath(target).startswith(os.path.realpath(folder) + os.sep):
        raise UsageError(f"--dir '{subfolder}' leads outside the manifest's folder")
    data, content_type, charset, url = fetch(location)
    article = extract(data, content_type, url, location, charset)
    body = article.text.encode("utf-8")
    # A set is locked as a whole (its folder): two adds must not both pick the same new file or id.
    with locked(real_target(manifest_path) if manifest_path.is_file() else Path(os.path.realpath(folder))):
        _refuse_if_listed(manifest_path, source_id, relative, cache)
        entry_file = _file_to_append(manifest_path)
        if entry_file.exists():
            raw = read_regular(real_target(entry_file), MAX_YAML_BYTES)
            text = raw.decode("utf-8-sig")
            offset, dash, indent = _insertion(text, str(entry_file))
        else:  # a new file of the set
            raw, text = b"", "# A file of the manifest set in this folder, started by claimcheck add.\nsources:\n"
            offset, dash, indent = len(text), 2, 4
        wrote_article = False
        if target.exists() or target.is_symlink():
            if not target.is_file() or target.is_symlink() or target.read_bytes() != body:
                raise UsageError(f"{target} already exists and is not listed in the manifest; delete it or choose "
                                 "another --id")
            # the same article, left by an add that stopped before its manifest write: take it over
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, body)
            wrote_article = True
        origin = url or Path(location).name
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = _entry_lines(source_id, relative, article, hashlib.sha256(body).hexdigest(), origin, dash, indent)
        head = text[:offset] if text[:offset].endswith("\n") or not text[:offset] else text[:offset] + newline
        new_text = head + newline.join(lines) + newline + text[offset:]
        bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""

        def lists_the_new_source(tmp: Path) -> None:
            manifest, problems = load_manifest(tmp, str(entry_file))
            errors = [p for p in problems if p.severity.value == "error" and p.code < "CC200"]
            if errors or manifest.get(source_id) is None:
                what = f"{errors[0].code} {errors[0].message}" if errors else "the new entry is missing"
                raise UsageError(f"{entry_file}: the manifest would not load after the append ({what}); "
                                 "nothing was written")

        encoded = bom + new_text.encode("utf-8")
        if len(encoded) > MAX_YAML_BYTES:
            raise UsageError(f"{entry_file}: the manifest would pass its size limit of {MAX_YAML_BYTES:,} bytes; "
                             "make --sources a folder of manifest files (move this file into it) and add again")
        try:
            write_atomically(entry_file, encoded, validate=lists_the_new_source)
        except BaseException:
            if wrote_article:
                target.unlink(missing_ok=True)  # the manifest was left as it was: take the article back too
            raise
    return target


SET_FILE_BYTES = 4 * 1024 * 1024  # a set's file takes new entries up to here; the limit per file is 5 MiB


def _file_to_append(manifest_path: Path) -> Path:
    """The manifest file a new entry goes into: the file itself, or a set's last file while it has room
    (then a new one, numbered after it)."""
    if not manifest_path.is_dir():
        return manifest_path
    from .paths import manifest_files
    files = manifest_files(manifest_path)
    if files and files[-1].stat().st_size < SET_FILE_BYTES:
        return files[-1]
    if not files:
        return manifest_path / "sources-00001.yaml"
    # The new file must sort after the last one, so that the next add finds it last: its number + 1
    # ("sources-00009" -> "sources-00010"), or the last name with a suffix ("_2" sorts after ".yaml").
    last = files[-1]
    digits = re.search(r"(\d+)\Z", last.stem)
    candidates = [last.stem[:digits.start()] + str(int(digits.group(1)) + 1).zfill(len(digits.group(1)))] \
        if digits else []
    candidates += [f"{last.stem}_{n}" for n in range(2, 10_000)]
    for stem in candidates:
        name = stem + last.suffix
        if name > last.name and not (manifest_path / name).exists():
            return manifest_path / name
    raise UsageError(f"{manifest_path}: no free name for a new manifest file after {last.name}")


def _refuse_if_listed(manifest_path: Path, source_id: str, relative: str | None = None,
                      cache: "Cache | None" = None) -> None:
    entries, problems = listed_entries(manifest_path, cache)
    if any(p.severity.value == "error" and p.code < "CC200" for p in problems):
        first = next(p for p in problems if p.code < "CC200")
        raise UsageError(f"{first.file}:{first.line}:{first.column}: fix the manifest first: {first.message}")
    if any(sid == source_id for sid, _ in entries):
        raise UsageError(f"source id '{source_id}' is already in {manifest_path}; choose another --id")
    if relative is not None and any(file == relative for _, file in entries):
        raise UsageError(f"{relative} is already listed in {manifest_path}; choose another --id")
