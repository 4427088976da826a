"""`claimcheck add`: ingest an article (plain text, or HTML through trafilatura) into the seeds folder."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import UsageError
from .sources import MAX_ARTICLE_BYTES, load_manifest
from .writing import write_atomically
from .yamlread import ID_RE, Reader, compose_yaml, read_yaml_text

FETCH_TIMEOUT = 20


@dataclass(frozen=True)
class Ingested:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def _is_url(location: str) -> bool:
    return re.match(r"https?://", location, re.I) is not None


def fetch(location: str) -> tuple[bytes, str, str | None]:
    """The bytes, their content type and the URL (None for a local file), at most the article limit."""
    if _is_url(location):
        import urllib.error
        import urllib.request
        request = urllib.request.Request(location, headers={"User-Agent": "claimcheck"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310 - http(s) only
                data = response.read(MAX_ARTICLE_BYTES + 1)
                content_type = response.headers.get_content_type()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise UsageError(f"{location}: cannot fetch ({getattr(exc, 'reason', exc)})") from None
        url: str | None = location
    else:
        path = Path(location)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_ARTICLE_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"{location}: cannot read ({exc.strerror or exc})") from None
        content_type = "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"
        url = None
    if len(data) > MAX_ARTICLE_BYTES:
        raise UsageError(f"{location}: larger than the article limit of {MAX_ARTICLE_BYTES:,} bytes")
    if content_type == "text/plain" and data.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        content_type = "text/html"
    return data, content_type, url


def extract(data: bytes, content_type: str, url: str | None, location: str) -> Ingested:
    if content_type not in ("text/html", "application/xhtml+xml"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UsageError(f"{location}: not UTF-8 text (byte 0x{data[exc.start]:02X} at {exc.start}); "
                             "convert it first") from None
        return Ingested(text, None, None, None, url)
    try:
        import trafilatura
    except ImportError:
        raise UsageError("reading HTML needs trafilatura: pip install 'claimcheck[ingest]'") from None
    html = data.decode("utf-8", errors="replace")
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


def _entry_lines(source_id: str, file: str, article: Ingested, sha: str, origin: str, dash: int) -> list[str]:
    pad = " " * (dash + 2)
    def value(v):  # JSON strings are valid YAML double-quoted scalars
        return "null" if v is None else json.dumps(v, ensure_ascii=False)
    fields = [("file", file), ("outlet", article.outlet), ("title", article.title), ("url", article.url),
              ("published", article.published), ("timezone", None), ("language", None),
              ("translated_from", None), ("sha256", sha),
              ("note", f"added by claimcheck add from {origin} on {dt.date.today().isoformat()}; "
                       "outlet, title and date as the page's metadata gave them")]
    return [" " * dash + f"- id: {source_id}"] + [f"{pad}{k}: {value(v)}" for k, v in fields]


def add_article(manifest_path: Path, location: str, source_id: str, subfolder: str | None = None) -> Path:
    """Write the article beside the manifest and append its entry; returns the article's path."""
    if not ID_RE.match(source_id):
        raise UsageError(f"--id '{source_id}' is not a valid id: lowercase letters, digits, '-' and '_'")
    manifest, problems = load_manifest(manifest_path)
    if any(p.severity.value == "error" and p.code < "CC200" for p in problems):
        first = next(p for p in problems if p.code < "CC200")
        raise UsageError(f"{first.file}:{first.line}:{first.column}: fix the manifest first: {first.message}")
    if manifest.get(source_id) is not None:
        raise UsageError(f"source id '{source_id}' is already in {manifest_path}; choose another --id")
    reader = Reader(str(manifest_path))
    text = read_yaml_text(manifest_path, str(manifest_path), reader.problems) or ""
    root = compose_yaml(text, str(manifest_path), reader.problems) if text.strip() else None
    sequence = None
    if isinstance(root, yaml.MappingNode):
        sequence = next((v for k, v in root.value if k.value == "sources"), None)
    if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style:
        raise UsageError(f"{manifest_path}: 'sources' must be a block list (one '- id:' entry per line) for add "
                         "to append to it")
    dash = sequence.value[0].start_mark.column - 2 if sequence.value else 2
    relative = f"{subfolder.strip('/')}/{source_id}.txt" if subfolder else f"{source_id}.txt"
    target = manifest_path.parent / relative
    if not os.path.realpath(target).startswith(os.path.realpath(manifest_path.parent) + os.sep):
        raise UsageError(f"--dir '{subfolder}' leads outside the manifest's folder")
    if target.exists():
        raise UsageError(f"{target} already exists; choose another --id")
    data, content_type, url = fetch(location)
    article = extract(data, content_type, url, location)
    body = article.text.encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, body)
    origin = url or Path(location).name
    lines = _entry_lines(source_id, relative, article, hashlib.sha256(body).hexdigest(), origin, max(dash, 0))
    raw = manifest_path.read_bytes()
    newline = "\r\n" if b"\r\n" in raw else "\n"
    addition = ("" if raw.endswith((b"\n", b"\r")) or not raw else newline) + newline.join(lines) + newline
    try:
        write_atomically(manifest_path, raw + addition.encode("utf-8"))
    except Exception:
        target.unlink(missing_ok=True)  # the manifest was left as it was: do not leave an unlisted article
        raise
    return target
