"""Exports of compared claims: JSON (the compare schema), CSV, schema.org ClaimReview, SQLite."""
from __future__ import annotations

import csv
import io
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UsageError, WriteError
from .writing import write_atomically

if TYPE_CHECKING:
    from .compare import ClaimResult
    from .project import Project

FORMATS = ("json", "csv", "claimreview", "sqlite")
CSV_COLUMNS = ("event", "claim", "verdict", "source", "outlet", "quote", "found", "span_start", "span_end",
               "value", "stance", "via", "reading_kind", "reading_low", "reading_high", "reading_unit",
               "reading_dimension", "reading_qualifier", "reading_words", "unread")


def _reading_columns(reading: dict | None) -> dict:
    """The typed reading beside its label, so users can audit and chart it."""
    r = reading or {}
    low = r.get("low", r.get("for", r.get("date")))
    high = r.get("high", r.get("against", r.get("date")))
    return {"reading_kind": r.get("kind"), "reading_low": low, "reading_high": high,
            "reading_unit": r.get("unit", r.get("zone")), "reading_dimension": r.get("dimension"),
            "reading_qualifier": r.get("qualifier"), "reading_words": r.get("words")}


def _rows(project: "Project", results: list["ClaimResult"]):
    """One row per cite, in claim order."""
    from .render import claim_json
    for result in results:
        data = claim_json(result)
        for cite in data["cites"]:
            source = project.manifest.get(cite["source"])
            span = cite["span"] or [None, None]
            yield {"event": data["event"], "claim": data["id"], "verdict": data["verdict"],
                   "source": cite["source"], "outlet": source.outlet if source else None, "quote": cite["quote"],
                   "found": cite["found"], "span_start": span[0], "span_end": span[1],
                   "value": cite["value"] if cite["value"] is not None or not cite["unread"] else "? unread",
                   "stance": cite["stance"], "via": cite["via"], **_reading_columns(cite["reading"]),
                   "unread": cite["unread"]}


def _neutral(value):
    """A cell a spreadsheet would run as a formula (=, +, -, @, also after a tab, CR or spaces) is quoted as text."""
    if isinstance(value, str) and (value[:1] in ("=", "+", "-", "@", "\t", "\r") or
                                   value[:1].isspace() and value.lstrip()[:1] in ("=", "+", "-", "@")):
        return "'" + value
    return value


def to_csv(project: "Project", results: list["ClaimResult"]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in _rows(project, results):
        # A cell starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
        writer.writerow({k: _neutral(v) for k, v in row.items()})
    return out.getvalue()


def to_claimreview(project: "Project", results: list["ClaimResult"]) -> str:
    """One schema.org ClaimReview per claim; the verdict is the rating's alternateName."""
    reviews = []
    for result in results:
        appearances = []
        for cv in result.values:
            source = cv.item.source
            work = {"@type": "CreativeWork", "text": cv.item.cite.quote}
            if source is not None:
                if source.url:
                    work["url"] = source.url
                if source.title:
                    work["headline"] = source.title
                if source.outlet:
                    work["publisher"] = {"@type": "Organization", "name": source.outlet}
                if source.published:
                    work["datePublished"] = source.published
            appearances.append(work)
        reviews.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "identifier": result.claim.id, "claimReviewed": result.claim.claim,
            "reviewRating": {"@type": "Rating", "alternateName": result.verdict.value,
                             "ratingExplanation": result.reason},
            "itemReviewed": {"@type": "Claim", "appearance": appearances},
            "author": {"@type": "Organization", "name": "claimcheck"},
        })
    from .render import dump_json
    return dump_json(reviews, indent=2)


def write_sqlite(project: "Project", results: list["ClaimResult"], target: Path) -> None:
    """A database with tables events, sources, claims and cites, built beside the target and renamed."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriteError(f"{target}: cannot write ({exc.strerror or exc}); nothing was written") from None
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.executescript("""
                CREATE TABLE events (id TEXT PRIMARY KEY, title TEXT, timezone TEXT);
                CREATE TABLE sources (id TEXT PRIMARY KEY, file TEXT, outlet TEXT, title TEXT, url TEXT,
                                      published TEXT, timezone TEXT, language TEXT, sha256 TEXT);
                CREATE TABLE claims (id TEXT PRIMARY KEY, event TEXT REFERENCES events(id), claim TEXT,
                                     type TEXT, verdict TEXT, reason TEXT);
                CREATE TABLE cites (claim TEXT REFERENCES claims(id), source TEXT REFERENCES sources(id),
                                    quote TEXT, found INTEGER, span_start INTEGER, span_end INTEGER,
                                    value TEXT, stance TEXT, via TEXT, reading_kind TEXT, reading_low,
                                    reading_high, reading_unit TEXT, reading_dimension TEXT,
                                    reading_qualifier TEXT, reading_words TEXT, unread TEXT);
            """)
            shown_events = {r.claim.event for r in results}
            db.executemany("INSERT INTO events VALUES (?, ?, ?)",
                           [(e.id, e.title, e.timezone) for e in project.events if e.id in shown_events])
            db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [(s.id, s.file, s.outlet, s.title, s.url, s.published, s.timezone, s.language, s.sha256)
                            for s in project.manifest.sources])
            db.executemany("INSERT OR IGNORE INTO claims VALUES (?, ?, ?, ?, ?, ?)",
                           [(r.claim.id, r.claim.event, r.claim.claim, r.claim.type, r.verdict.value, r.reason)
                            for r in results])
            db.executemany(f"INSERT INTO cites VALUES ({', '.join('?' * (6 + len(CSV_COLUMNS[9:])))})",
                           [(row["claim"], row["source"], row["quote"], int(row["found"]), row["span_start"],
                             row["span_end"], *(row[c] for c in CSV_COLUMNS[9:]))
                            for row in _rows(project, results)])
        db.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        raise WriteError(f"{target}: cannot write ({exc}); nothing was written") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def export(project: "Project", results: list["ClaimResult"], fmt: str, output: Path | None) -> str | None:
    """Write the export to `output` atomically, or return it as text for stdout."""
    if fmt == "sqlite":
        if output is None:
            raise UsageError("--format sqlite needs --output FILE")
        write_sqlite(project, results, output)
        return None
    from .render import compare_json
    text = {"json": lambda: compare_json(project, results), "csv": lambda: to_csv(project, results),
            "claimreview": lambda: to_claimreview(project, results)}[fmt]()
    if output is None:
        return text
    write_atomically(output, (text if text.endswith("\n") else text + "\n").encode("utf-8"))
    return None
