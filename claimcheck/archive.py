"""An archive index: every source's sentences (offsets into the article), their words, full-text search.

`claimcheck index` builds it; `suggest` and `draft --match` read it. It only proposes candidates: every
passage shown is read again from the article itself and scored by the same code as a scan, so a stale or
tampered index can make a candidate missing, never a passage wrong. Two backends share one interface:
SQLite FTS5 in the project (default, `.claimcheck-cache/index.sqlite3`, safe to delete) and PostgreSQL
(`tsvector` + GIN) for an archive several curators share, chosen by the URL's scheme.
"""
from __future__ import annotations

import json
from abc import ABC, abstractmethod
import os
import re
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import UsageError

FORMAT = "2"  # bump when the sentence splitter or the word rules change: an index of another format is rebuilt
INDEX_FILE = "index.sqlite3"
PROGRESS_EVERY = 50  # sources between two progress reports
BATCH = 200  # articles per transaction: an interrupted run keeps every finished batch, never half an article

_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def words(text: str) -> list[str]:
    """The words a sentence is found by: case and accents folded, CJK runs as overlapping pairs of characters
    (Japanese and Chinese are written without spaces). Both backends index exactly these."""
    folded = text.lower() if text.isascii() else _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold()))
    out = []
    for word in _WORD.findall(folded):
        if _CJK_RUN.search(word):
            for piece in re.split(f"({_CJK_RUN.pattern})", word):
                if not piece:
                    continue
                if _CJK_RUN.fullmatch(piece):
                    out.extend(piece[i:i + 2] for i in range(max(1, len(piece) - 1)))
                else:
                    out.append(piece)
        else:
            out.append(word)
    return out


@dataclass(frozen=True)
class Hit:
    source: str
    start: int
    end: int
    rank: float  # the engine's relevance: only orders candidates for re-scoring


@dataclass(frozen=True)
class Indexed:
    """What the index knows of one source's article."""
    source: str
    path: str
    sha256: str
    size: int
    mtime_ns: int
    sentences: int


@dataclass(frozen=True)
class IndexReport:
    location: str
    added: int
    changed: int
    removed: int
    unchanged: int
    unreadable: tuple[str, ...]  # ids whose article could not be read (reported by `check`; not indexed)
    sentences: int


class Index(ABC):
    """One interface over both backends; subclasses give the connection and the SQL that differs."""

    placeholder = "?"
    location = ""

    def __init__(self, connection):
        self.db = connection
        self._terms: Counter = Counter()  # document-frequency changes, written once per transaction

    # -- the parts that differ ------------------------------------------------------------------------
    @abstractmethod
    def _create(self) -> None:
        ...

    @abstractmethod
    def _insert_words(self, rows: list[tuple[int, str]]) -> None:
        ...

    @abstractmethod
    def _delete_words(self, rows: list[tuple[int, str]]) -> None:
        ...

    @abstractmethod
    def _search(self, query_words: list[str], limit: int) -> list[tuple[int, float]]:
        ...

    # -- shared ---------------------------------------------------------------------------------------
    def _sql(self, statement: str) -> str:
        return statement.replace("?", self.placeholder)

    def _rows(self, statement: str, params: Iterable = ()) -> list[tuple]:
        cursor = self.db.cursor()
        cursor.execute(self._sql(statement), tuple(params))
        return cursor.fetchall()

    def _rows_in(self, statement: str, values: list) -> list[tuple]:
        """`statement` ending in "IN ({})" run for every 500 values: the placeholders one query may carry."""
        rows: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows += self._rows(statement.format(", ".join("?" * len(chunk))), chunk)
        return rows

    def _run(self, statement: str, params: Iterable = ()) -> None:
        self.db.cursor().execute(self._sql(statement), tuple(params))

    def _run_many(self, statement: str, rows: list[tuple]) -> None:
        if rows:
            self.db.cursor().executemany(self._sql(statement), rows)

    def prepare(self) -> None:
        """Create the tables; an index of another format (an older claimcheck) is dropped and rebuilt."""
        try:
            found = self._rows("SELECT value FROM meta WHERE key = 'format'")
        except Exception:  # no tables yet
            self.db.rollback()
            found = []
        if found and found[0][0] != FORMAT:
            for table in ("sentence_words", "sentences", "sources", "entries", "manifests", "terms", "meta"):
                self._run(f"DROP TABLE IF EXISTS {table}")
        self._create()
        self._run("DELETE FROM meta WHERE key = 'format'")
        self._run("INSERT INTO meta (key, value) VALUES ('format', ?)", [FORMAT])
        self.db.commit()

    def usable(self) -> bool:
        """Whether an index of this format exists here (a reader never creates one)."""
        try:
            found = self._rows("SELECT value FROM meta WHERE key = 'format'")
        except Exception:  # no tables: never indexed
            self.db.rollback()
            return False
        return bool(found) and found[0][0] == FORMAT

    _INDEXED = "SELECT id, path, sha256, size, mtime_ns, sentences FROM sources"

    def indexed(self) -> dict[str, Indexed]:
        return {row[0]: Indexed(*row) for row in self._rows(self._INDEXED)}

    def indexed_for(self, ids: list[str]) -> dict[str, Indexed]:
        return {row[0]: Indexed(*row) for row in self._rows_in(self._INDEXED + " WHERE id IN ({})", ids)}

    def unreadable(self) -> set[str]:
        """Sources whose article could not be read when they were indexed."""
        return {row[0] for row in self._rows("SELECT id FROM sources WHERE sentences < 0")}

    def mark_unreadable(self, sid: str, path: str, entry: dict) -> None:
        self.remove([sid])
        self._run("INSERT INTO sources (id, path, sha256, size, mtime_ns, sentences) VALUES (?, ?, '', -1, -1, -1)",
                  [sid, path])
        self.set_entry(sid, entry)

    def set_entry(self, sid: str, entry: dict) -> None:
        self._run("DELETE FROM entries WHERE id = ?", [sid])
        self._run("INSERT INTO entries (id, entry) VALUES (?, ?)", [sid, json.dumps(entry, ensure_ascii=False)])

    def manifests(self) -> dict[str, str]:
        return dict(self._rows("SELECT path, sha256 FROM manifests"))

    def set_manifests(self, hashes: dict[str, str]) -> None:
        self._run("DELETE FROM manifests")
        self._run_many("INSERT INTO manifests (path, sha256) VALUES (?, ?)", list(hashes.items()))

    def source_rows(self, ids: Iterable[str]) -> dict[str, dict]:
        """The manifest entries stored for these ids (what `suggest` needs without parsing the manifest)."""
        rows = self._rows_in("SELECT id, entry FROM entries WHERE id IN ({})", list(dict.fromkeys(ids)))
        return {sid: json.loads(entry) for sid, entry in rows}

    def replace(self, sid: str, path: str, sha256: str, size: int, mtime_ns: int, entry: dict,
                sentences: list[tuple[int, int, list[str]]], new: bool = False) -> None:
        """Put one article's sentences in place of what was indexed for it (inside the caller's transaction);
        `new`: nothing was indexed for it, so there is nothing to remove."""
        if not new:
            self.remove([sid])
        self._run("INSERT INTO sources (id, path, sha256, size, mtime_ns, sentences) VALUES (?, ?, ?, ?, ?, ?)",
                  [sid, path, sha256, size, mtime_ns, len(sentences)])
        self.set_entry(sid, entry)
        first = self._next_id(len(sentences))
        rows = [(first + i, sid, start, end, " ".join(ws)) for i, (start, end, ws) in enumerate(sentences)]
        self._run_many("INSERT INTO sentences (id, source, start_offset, end_offset, words) VALUES (?, ?, ?, ?, ?)",
                       rows)
        self._insert_words([(row[0], row[4]) for row in rows])
        self._terms.update(w for _, _, ws in sentences for w in set(ws))

    def remove(self, ids: list[str]) -> None:
        for sid in ids:
            old = self._rows("SELECT id, words FROM sentences WHERE source = ?", [sid])
            if old:
                self._delete_words(old)
                self._terms.subtract(w for _, text in old for w in set(text.split()))
                self._run("DELETE FROM sentences WHERE source = ?", [sid])
            self._run("DELETE FROM sources WHERE id = ?", [sid])
            self._run("DELETE FROM entries WHERE id = ?", [sid])

    def _next_id(self, count: int) -> int:
        # Only one run writes at a time (`exclusive`), so the next free id cannot be taken meanwhile.
        return int(self._rows("SELECT COALESCE(MAX(id), 0) FROM sentences")[0][0]) + 1

    def _flush_terms(self) -> None:
        changes = [(t, n) for t, n in self._terms.items() if n]
        self._terms = Counter()
        if not changes:
            return
        self._run_many("INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE "
                       "SET df = terms.df + excluded.df", changes)
        if any(n < 0 for _, n in changes):
            self._run("DELETE FROM terms WHERE df <= 0")

    def frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        return dict(self._rows_in("SELECT term, df FROM terms WHERE term IN ({})", list(dict.fromkeys(terms))))

    def sentence_count(self) -> int:
        return int(self._rows("SELECT COALESCE(SUM(sentences), 0) FROM sources WHERE sentences > 0")[0][0])

    def search(self, query_words: list[str], limit: int) -> list[Hit]:
        """Sentences holding any of `query_words`, best first by the engine's ranking."""
        if not query_words:
            return []
        ranked = self._search(query_words, limit)
        if not ranked:
            return []
        where = {row[0]: row[1:] for row in self._rows_in(
            "SELECT id, source, start_offset, end_offset FROM sentences WHERE id IN ({})", [i for i, _ in ranked])}
        return [Hit(*where[i], rank) for i, rank in ranked if i in where]

    @abstractmethod
    def exclusive(self):
        """Held by an indexing run for its whole length: two runs never interleave their writes."""

    def commit(self) -> None:
        self._flush_terms()
        self.db.commit()

    def rollback(self) -> None:
        self._terms = Counter()
        self.db.rollback()

    def close(self) -> None:
        self.db.close()


class SQLiteIndex(Index):
    def __init__(self, path: Path, create: bool):
        import sqlite3
        if not create and not path.is_file():
            raise FileNotFoundError(path)
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        super().__init__(sqlite3.connect(path, timeout=30, isolation_level="DEFERRED"))
        self.db.execute("PRAGMA journal_mode = WAL")  # readers never wait for an indexing run
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.location = str(path)

    def exclusive(self):
        from .locking import locked
        return locked(Path(self.location), timeout=600)

    def _create(self) -> None:
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS manifests (path TEXT PRIMARY KEY, sha256 TEXT);
            CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, path TEXT, sha256 TEXT, size INTEGER,
                                                mtime_ns INTEGER, sentences INTEGER);
            CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, entry TEXT);
            CREATE TABLE IF NOT EXISTS sentences (id INTEGER PRIMARY KEY, source TEXT, start_offset INTEGER,
                                                  end_offset INTEGER, words TEXT);
            CREATE INDEX IF NOT EXISTS sentences_by_source ON sentences (source);
            CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER) WITHOUT ROWID;
            CREATE VIRTUAL TABLE IF NOT EXISTS sentence_words USING fts5 (
                words, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
        """)

    def _insert_words(self, rows: list[tuple[int, str]]) -> None:
        self._run_many("INSERT INTO sentence_words (rowid, words) VALUES (?, ?)", rows)

    def _delete_words(self, rows: list[tuple[int, str]]) -> None:
        # An external-content FTS5 table forgets a row when given the words it indexed for it.
        self._run_many("INSERT INTO sentence_words (sentence_words, rowid, words) VALUES ('delete', ?, ?)", rows)

    def _search(self, query_words: list[str], limit: int) -> list[tuple[int, float]]:
        query = " OR ".join(f'"{w}"' for w in query_words)
        return self._rows("SELECT rowid, bm25(sentence_words) FROM sentence_words WHERE sentence_words MATCH ? "
                          "ORDER BY bm25(sentence_words) LIMIT ?", [query, limit])


LOCK_KEY = 0x636C6D636B  # "clmck": the advisory lock an indexing run holds on a shared database


class PostgresIndex(Index):
    placeholder = "%s"

    def __init__(self, url: str, create: bool):
        try:
            import psycopg
        except ImportError:
            raise UsageError("a postgresql:// index needs psycopg: pip install 'claimcheck[postgres]'") from None
        try:
            connection = psycopg.connect(url, connect_timeout=10)
        except psycopg.Error as exc:
            raise UsageError(f"cannot connect to the index database: {str(exc).strip().splitlines()[0]}") from None
        super().__init__(connection)
        self.location = _without_password(url)

    def _create(self) -> None:
        for statement in (
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
            "CREATE TABLE IF NOT EXISTS manifests (path TEXT PRIMARY KEY, sha256 TEXT)",
            "CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, path TEXT, sha256 TEXT, size BIGINT, "
            "mtime_ns BIGINT, sentences INTEGER)",
            "CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, entry TEXT)",
            "CREATE TABLE IF NOT EXISTS sentences (id BIGINT PRIMARY KEY, source TEXT, start_offset INTEGER, "
            "end_offset INTEGER, words TEXT, "
            "document tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED)",
            "CREATE INDEX IF NOT EXISTS sentences_by_source ON sentences (source)",
            "CREATE INDEX IF NOT EXISTS sentences_by_word ON sentences USING GIN (document)",
            "CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df BIGINT)",
        ):
            self._run(statement)

    @contextmanager
    def exclusive(self):
        self._run("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        self.db.commit()
        try:
            yield
        finally:
            self.rollback()
            self._run("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
            self.db.commit()

    def _insert_words(self, rows: list[tuple[int, str]]) -> None:
        pass  # the tsvector is a generated column of `sentences`

    def _delete_words(self, rows: list[tuple[int, str]]) -> None:
        pass  # deleting the sentence deletes its tsvector

    def _search(self, query_words: list[str], limit: int) -> list[tuple[int, float]]:
        # Words are letters and digits only (see `words`), so they are safe as tsquery lexemes.
        query = " | ".join(query_words)
        return self._rows("SELECT id, ts_rank(document, q) AS r FROM sentences, to_tsquery('simple', %s) q "
                          "WHERE document @@ q ORDER BY r DESC, id LIMIT %s", [query, limit])


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def default_location() -> Path:
    from .cache import default_folder
    return default_folder() / INDEX_FILE


def open_index(database: str | None, create: bool = False) -> Index | None:
    """The index at `database` (a postgresql:// URL, or a path to an SQLite file), or the project's own;
    None when reading and there is none yet."""
    database = database or os.environ.get("CLAIMCHECK_DATABASE") or None
    if database and database.startswith(("postgresql://", "postgres://")):
        index: Index = PostgresIndex(database, create)
    elif database and "://" in database and not database.startswith("sqlite://"):
        raise UsageError(f"--database '{_without_password(database)}': use a postgresql:// URL or a file path")
    else:
        path = Path(database[len("sqlite://"):] if database and database.startswith("sqlite://") else
                    database) if database else default_location()
        try:
            index = SQLiteIndex(path, create)
        except FileNotFoundError:
            return None
        except Exception as exc:
            raise UsageError(f"{path}: cannot open the index ({exc}); delete it and run `claimcheck index`") \
                from None
    if create:
        index.prepare()
    elif not index.usable():
        index.close()
        return None
    return index


Progress = Callable[[str, int, int], None]


def build_index(manifest, index: Index, progress: Progress | None = None) -> IndexReport:
    """Index every source's article that is new or changed (by content hash); drop sources no longer listed.

    Each batch of articles is one transaction: an interrupted run keeps what it finished, and the next
    run continues from there."""
    with index.exclusive():
        return _build(manifest, index, progress)


def _build(manifest, index: Index, progress: Progress | None) -> IndexReport:
    from .anchor import sentences
    from .paths import sha256_of_file
    from .sources import read_article
    known = index.indexed()
    stored = dict(index._rows("SELECT id, entry FROM entries"))
    listed = {s.id for s in manifest.sources}
    gone = [sid for sid in known if sid not in listed]
    index.remove(gone)
    index.commit()
    added = changed = unchanged = done = 0
    unreadable: list[str] = []
    total = len(manifest.sources)
    pending = 0
    for source in manifest.sources:
        done += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress("indexing articles", done, total)
        before = known.get(source.id)
        if source.path is None:  # refused by the manifest (outside its folder): never read
            unreadable.append(source.id)
            if before:
                index.remove([source.id])
            continue
        path = str(source.path)
        try:
            stat = os.stat(source.path)
        except OSError:
            stat = None
        if stat and before and before.path == path and before.size == stat.st_size \
                and before.mtime_ns == stat.st_mtime_ns and sha256_of_file(source.path) == before.sha256:
            unchanged += 1
            _refresh_entry(index, source, stored)
            continue
        article = read_article(source)[0] if stat else None
        if article is None:
            unreadable.append(source.id)  # recorded, so that suggest stops on it as a scan would
            index.mark_unreadable(source.id, path, source_entry(source))
            continue
        if before and before.sha256 == article.sha256 and before.path == path:
            unchanged += 1  # touched, not changed: only the recorded stat moves
            index._run("UPDATE sources SET size = ?, mtime_ns = ? WHERE id = ?",
                       [stat.st_size, stat.st_mtime_ns, source.id])
            _refresh_entry(index, source, stored)
            continue
        rows = [(start, end, words(article.text[start:end])) for start, end in sentences(article.text)]
        index.replace(source.id, path, article.sha256, stat.st_size, stat.st_mtime_ns, source_entry(source), rows,
                      new=before is None)
        if before and before.sentences >= 0:
            changed += 1
        else:
            added += 1
        pending += 1
        if pending >= BATCH:
            index.commit()
            pending = 0
    index.set_manifests(manifest_hashes(manifest.path))
    index.commit()
    if progress:
        progress("indexing articles", total, total)
    return IndexReport(index.location, added, changed, len(gone), unchanged, tuple(unreadable),
                       index.sentence_count())


def manifest_hashes(sources_path: Path) -> dict[str, str]:
    """Each manifest file's resolved path and sha256: an index answers for the manifest it was built from."""
    from .paths import manifest_files, sha256_of_file
    return {os.path.realpath(p): sha256_of_file(p) or "" for p in manifest_files(sources_path)}


def changed_since_indexing(index: Index) -> set[str]:
    """Sources whose article's size or modification time moved since it was indexed. Re-hashing a whole
    archive on every query would cost more than the query; a candidate's text is always checked by hash."""
    changed = set()
    for sid, row in index.indexed().items():
        try:
            stat = os.stat(row.path)
        except OSError:
            changed.add(sid)
            continue
        if stat.st_size != row.size or stat.st_mtime_ns != row.mtime_ns:
            changed.add(sid)
    return changed


def _refresh_entry(index: Index, source, stored: dict[str, str]) -> None:
    """An unchanged article whose manifest entry changed (a new outlet, a zone) keeps its sentences."""
    entry = source_entry(source)
    if stored.get(source.id) != json.dumps(entry, ensure_ascii=False):
        index.set_entry(source.id, entry)


SOURCE_FIELDS = ("id", "file", "outlet", "title", "url", "published", "timezone", "language", "translated_from",
                 "sha256", "note", "via")


def source_entry(source) -> dict:
    entry = {key: getattr(source, key) for key in SOURCE_FIELDS if getattr(source, key) is not None}
    entry["path"] = str(source.path) if source.path is not None else None
    entry["mark"] = [source.mark.file, source.mark.line, source.mark.column]
    return entry


def source_from_entry(entry: dict):
    from .model import Mark, Source
    fields = {key: entry.get(key) for key in SOURCE_FIELDS}
    mark = entry.get("mark") or ["", 1, 1]
    return Source(**fields, path=Path(entry["path"]) if entry.get("path") else None,
                  mark=Mark(mark[0], mark[1], mark[2]))


def sources_matching(index: Index, query: str, limit: int) -> list[tuple[str, int]]:
    """The sources whose articles hold the most sentences matching `query`'s words (rarest words first),
    best first, at most `limit`: how `draft --match` picks one event's coverage out of an archive."""
    from collections import defaultdict
    asked = list(dict.fromkeys(words(query)))
    counts = index.frequencies(asked)
    present = sorted((counts[w], w) for w in asked if counts.get(w))
    if not present:
        return []
    hits = index.search([w for _, w in present[:24]], 50 * limit)
    score: dict[str, int] = defaultdict(int)
    for hit in hits:
        score[hit.source] += 1
    return sorted(score.items(), key=lambda item: (-item[1], item[0]))[:limit]
