"""A cache of anchor results and of whole `check` runs: SQLite in `.claimcheck-cache/`, safe to delete.

The folder lives in the project, so a pull request could commit one that claims every quote
was found. Entries are therefore signed with a key kept outside the project (in the user's
cache directory); an entry whose signature does not match is ignored. The cache is only an
optimisation: any error while opening, reading or writing it turns it off for the run.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import functools
import sqlite3
from pathlib import Path

from . import __version__
from .paths import sha256_of_file

CACHE_DIR_NAME = ".claimcheck-cache"
FORMAT = "4"  # bump when anchoring, checking or an entry's layout changes


def default_folder() -> Path:
    override = os.environ.get("CLAIMCHECK_CACHE_DIR")
    return Path(override) if override else Path.cwd() / CACHE_DIR_NAME


def _secret() -> bytes:
    home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"
    path = home / "signing-key"
    try:
        return bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError):
        home.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return bytes.fromhex(key)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of claimcheck's own code: an upgrade or a local edit must never replay an older answer."""
    h = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in (FORMAT, __version__, code_fingerprint(), *parts):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class Cache:
    """Signed key → JSON entries. `Cache(None)` is a disabled cache that stores nothing."""

    def __init__(self, folder: Path | None):
        self._db: sqlite3.Connection | None = None
        if folder is None:
            return
        try:
            self._key = _secret()
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by claimcheck; safe to delete\n*\n", encoding="utf-8")
            self._db = sqlite3.connect(folder / "cache.sqlite3", timeout=5)
            self._db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT, mac TEXT)")
        except (OSError, sqlite3.Error):
            self._db = None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def _mac(self, key: str, value: str) -> str:
        return hmac.new(self._key, f"{key}\0{value}".encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, object]:
        if self._db is None or not keys:
            return {}
        found: dict[str, object] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = self._db.execute(f"SELECT key, value, mac FROM entries WHERE key IN ({','.join('?' * len(chunk))})",
                                        chunk).fetchall()
                for key, value, mac in rows:
                    # A row of another shape (NULL, bytes, a number) is a miss, never a crash.
                    if isinstance(key, str) and isinstance(value, str) and isinstance(mac, str) \
                            and hmac.compare_digest(mac, self._mac(key, value)):
                        found[key] = json.loads(value)
        except (sqlite3.Error, ValueError, TypeError):
            return {}
        return found

    def get(self, key: str) -> object | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: dict[str, object]) -> None:
        if self._db is None or not items:
            return
        try:
            rows = []
            for key, value in items.items():
                text = json.dumps(value, ensure_ascii=False)
                rows.append((key, text, self._mac(key, text)))
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            self._db = None

    def put(self, key: str, value: object) -> None:
        self.put_many({key: value})

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def run_key(kind: str, claims_files: list[Path], sources_path: Path, *options: str) -> str:
    """What a whole run depends on besides the articles (which its entry lists and re-verifies)."""
    from .paths import manifest_files
    return digest(kind, *(f"{p}\0{sha256_of_file(p)}" for p in claims_files),
                  *(f"{p}\0{sha256_of_file(p)}" for p in [sources_path, *manifest_files(sources_path)]), *options)


def get_run(cache: Cache, key: str) -> dict | None:
    """A previous run's payload, if every article it read still has the recorded content.

    Articles are hashed again on every run: a copy that keeps size and modification time
    (`cp -p`, rsync, tar) must not hide a changed fact. Hashing 10,000 articles costs ~0.3 s.
    """
    entry = cache.get(key)
    try:  # an entry of another shape (another version, a damaged file) is a miss, never a crash
        for path, sha in entry["articles"]:
            if not isinstance(path, str) or sha256_of_file(Path(path)) != sha:
                return None
        payload = entry["payload"]
    except (TypeError, KeyError, ValueError):
        return None
    return payload if isinstance(payload, dict) else None


def put_run(cache: Cache, key: str, articles: list[tuple[Path, str | None]], payload: dict) -> None:
    """Record a run with the hash of each article as this run read it (None: it could not be read).

    Hashing the files again here would record an edit made during the run as if the run had seen it."""
    cache.put(key, {"articles": [[str(p), sha] for p, sha in articles], "payload": payload})
