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
        "stance": {"enum": list(STANCES)},
        "via": {**_NULLABLE_TEXT, "description": "Who the outlet relays; shared origins count once."},
        "prefix": _NULLABLE_TEXT, "suffix": _NULLABLE_TEXT, "note": _NULLABLE_TEXT,
    }, "One source's words for a claim.")
    claim = _object(CLAIM_KEYS, CLAIM_REQUIRED, {
        "id": {**_ID, "description": "Unique across all claims files."},
        "claim": _TEXT, "type": {"enum": list(CLAIM_TYPES)},
        "cites": {"type": "array", "items": cite, "minItems": 1},
        "note": _NULLABLE_TEXT,
        "unit": {"type": ["string", "null"], "description": "The dimension, unit or currency a number claim is "
                 "about (percent, percentage points, km, USD, votes): picks the value in a quote."},
        "evolves": {"type": "boolean", "description": "A tally that grows as reports come in (a toll): cites are "
                    "ordered by `published` and growth is reconcilable."},
    }, "A fact to compare across sources.")
    event = _object(EVENT_KEYS, EVENT_REQUIRED, {
        "id": _ID, "title": _TEXT, "timezone": {"type": ["string", "null"]}, "note": _NULLABLE_TEXT,
    }, "The event the claims are about.")
    return {
        "$schema": DIALECT, "$id": "https://claimcheck.invalid/schema/claims.json",
        "title": "claimcheck claims file", **_object(TOP_KEYS, TOP_REQUIRED, {
            "event": event,
            "entities": {"type": ["object", "null"], "propertyNames": {"pattern": ID_PATTERN},
                         "additionalProperties": {"type": "array", "items": _TEXT},
                         "description": "Entity id -> the names the articles use, misspellings included."},
            "claims": {"type": "array", "items": claim},
        }, "One event's curated claims."),
    }


def manifest_schema() -> dict:
    nullable = {k: _NULLABLE_TEXT for k in SOURCE_KEYS}
    source = _object(SOURCE_KEYS, SOURCE_REQUIRED, {
        **nullable, "id": _ID,
        "file": {**_TEXT, "description": "Relative to the manifest; must stay inside its folder."},
        "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
        "timezone": {"type": ["string", "null"], "description": "IANA zone of the article's dates; null = unknown"},
        "published": {"type": ["string", "null"], "description": "ISO 8601 date or datetime; quoted or not "
                      "(published: 2024-03-28 is read as written)"},
        "via": {**_NULLABLE_TEXT, "description": "The wire every sentence relays (a wire copy); a cite's own "
                "`via` overrides it, `via: null` on a cite marks first-hand reporting."},
    }, "One article.")
    return {"$schema": DIALECT, "$id": "https://claimcheck.invalid/schema/sources.json",
            "title": "claimcheck sources manifest",
            **_object(("sources",), ("sources",), {"sources": {"type": "array", "items": source}},
                      "The articles claims may cite.")}
