"""JSON Schema (draft 2020-12) for claims files and the sources manifest, generated from the loader's keys."""
from __future__ import annotations

from .loader import (CITE_KEYS, CITE_REQUIRED, CLAIM_KEYS, CLAIM_REQUIRED, DATE_VALUE_KEYS, EVENT_KEYS,
                     EVENT_REQUIRED, TOP_KEYS, TOP_REQUIRED)
from .model import CLAIM_TYPES, STANCES
from .sources import SOURCE_KEYS, SOURCE_REQUIRED
from .dates import PARTS, WEEKDAYS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = "^[a-z0-9][a-z0-9_-]*$"
# Control characters and bidirectional overrides are refused in every string (CC007).
PRINTABLE = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$"

_TEXT = {"type": "string", "pattern": PRINTABLE}
_ID = {"type": "string", "pattern": ID_PATTERN}
_NULLABLE_TEXT = {"type": ["string", "null"], "pattern": PRINTABLE}


def _object(keys: tuple[str, ...], required: tuple[str, ...], properties: dict, description: str) -> dict:
    missing = [k for k in keys if k not in properties]
    if missing:  # a key added to the loader needs its schema too
        raise RuntimeError(f"schema has no property for {missing}")
    return {"type": "object", "description": description, "additionalProperties": False,
            "required": list(required), "properties": {k: properties[k] for k in keys}}


def claims_schema() -> dict:
    date_value = _object(DATE_VALUE_KEYS, (), {
        "date": {"type": "string", "format": "date"},
        "weekday": {"enum": [w.capitalize() for w in WEEKDAYS] + list(WEEKDAYS)},
        "part": {"enum": list(PARTS)},
        "time": {"type": "string", "description": "17:00, 'about 08:00', 'just before 08:00', 'just after 08:00'"},
        "zone": {"type": "string", "description": "IANA time zone, e.g. Asia/Kolkata"},
    }, "A date with an optional part of day, clock time and zone.")
    cite = _object(CITE_KEYS, CITE_REQUIRED, {
        "source": {**_ID, "description": "A source id from the manifest."},
        "quote": {**_TEXT, "minLength": 1, "description": "The article's exact words."},
        "value": {"anyOf": [{"type": ["string", "number"]}, date_value],
                  "description": "Typed by the claim's type; read from the quote when absent."},
        "stance": {"enum": list(STANCES), "description": "asserts, denies, declines (refuses to confirm or deny) "
                   "or mentions; read from the quote when absent."},
        "via": {**_NULLABLE_TEXT, "description": "Who the outlet relays here; shared origins count once. Overrides "
                "the source's `via`; null marks first-hand reporting."},
        "prefix": {**_NULLABLE_TEXT, "description": "Words just before the quote, to pick one of repeated passages."},
        "suffix": {**_NULLABLE_TEXT, "description": "Words just after the quote, to pick one of repeated passages."},
        "note": {**_NULLABLE_TEXT, "description": "Free text for the next curator."},
    }, "One source's words for a claim.")
    claim = _object(CLAIM_KEYS, CLAIM_REQUIRED, {
        "id": {**_ID, "description": "Unique across all claims files."},
        "claim": {**_TEXT, "description": "The fact, in one line."},
        "type": {"enum": list(CLAIM_TYPES), "description": "What each cite's value is: a date, a duration, a "
                 "number, an actor (entity id), a stance, a quote (wording compared) or text (stance only)."},
        "cites": {"type": "array", "items": cite, "minItems": 1, "description": "One entry per source that "
                  "states it (at least one)."},
        "note": {**_NULLABLE_TEXT, "description": "Free text: how the claim was curated."},
        "unit": {"type": ["string", "null"], "description": "The dimension, unit or currency a number claim is "
                 "about (percent, percentage points, km, USD, votes): picks the value in a quote."},
        "evolves": {"type": "boolean", "description": "A tally that grows as reports come in (a toll): cites are "
                    "ordered by `published` and growth is reconcilable."},
    }, "A fact to compare across sources.")
    event = _object(EVENT_KEYS, EVENT_REQUIRED, {
        "id": {**_ID, "description": "Unique across all claims files."},
        "title": {**_TEXT, "description": "What happened, in one line."},
        "timezone": {"type": ["string", "null"], "description": "IANA zone in which this event's dates are "
                     "displayed (not read: each source has its own)."},
        "note": {**_NULLABLE_TEXT, "description": "Free text."},
    }, "The event the claims are about.")
    return {
        "$schema": DIALECT, "$id": "https://claimcheck.invalid/schema/claims.json",
        "title": "claimcheck claims file", **_object(TOP_KEYS, TOP_REQUIRED, {
            "event": {**event, "description": "The event the claims are about (id, title, timezone, note)."},
            "entities": {"type": ["object", "null"], "propertyNames": {"pattern": ID_PATTERN},
                         "additionalProperties": {"type": "array", "items": _TEXT},
                         "description": "Entity id -> the names the articles use, misspellings included."},
            "claims": {"type": "array", "items": claim, "description": "The claims, each with its cites."},
        }, "One event's curated claims."),
    }


def manifest_schema() -> dict:
    nullable = {k: _NULLABLE_TEXT for k in SOURCE_KEYS}
    source = _object(SOURCE_KEYS, SOURCE_REQUIRED, {
        **nullable, "id": {**_ID, "description": "Unique; what cites name in `source:`."},
        "file": {**_TEXT, "description": "Relative to the manifest; must stay inside its folder."},
        "outlet": {**_NULLABLE_TEXT, "description": "As the article shows it; sources of one outlet are one voice."},
        "title": {**_NULLABLE_TEXT, "description": "The headline."},
        "url": {**_NULLABLE_TEXT, "description": "Where it was published; unknown stays null."},
        "language": {**_NULLABLE_TEXT, "description": "ISO 639 code (en, de, es, fr, ja…): decides the decimal "
                     "mark and the words read."},
        "translated_from": {**_NULLABLE_TEXT, "description": "The language the text was translated from."},
        "note": {**_NULLABLE_TEXT, "description": "Free text; a guess is marked as a guess."},
        "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$", "description": "Of the file's bytes: "
                   "`check` warns when the article changed (`check --fix` fills it in)."},
        "timezone": {"type": ["string", "null"], "description": "IANA zone of the article's dates; null = unknown"},
        "published": {"type": ["string", "null"], "description": "ISO 8601 date or datetime; quoted or not "
                      "(published: 2024-03-28 is read as written)"},
        "via": {**_NULLABLE_TEXT, "description": "The wire every sentence relays (a wire copy); a cite's own "
                "`via` overrides it, `via: null` on a cite marks first-hand reporting."},
    }, "One article.")
    return {"$schema": DIALECT, "$id": "https://claimcheck.invalid/schema/sources.json",
            "title": "claimcheck sources manifest",
            **_object(("sources",), ("sources",), {"sources": {"type": "array", "items": source,
                                                             "description": "One entry per article."}},
                      "The articles claims may cite.")}
