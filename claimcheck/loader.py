"""Loading claims files into the typed model, every problem located."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml

from .quantities import known_unit
from .model import CLAIM_TYPES, STANCES, Cite, Claim, ClaimsFile, Event, Mark, Problem
from .sources import valid_zone
from .yamlread import Reader, compose_yaml, is_null, read_yaml_text

# The claims-file format: allowed and required keys per mapping. The JSON Schema (`claimcheck
# schema`) is generated from these, so the loader and the schema cannot drift apart.
TOP_KEYS = ("event", "entities", "claims")
TOP_REQUIRED = ("event", "claims")
EVENT_KEYS = ("id", "title", "timezone", "note")
EVENT_REQUIRED = ("id", "title")
CLAIM_KEYS = ("id", "claim", "type", "cites", "note", "unit", "evolves")
CLAIM_REQUIRED = ("id", "claim", "type")
CITE_KEYS = ("source", "quote", "value", "stance", "via", "prefix", "suffix", "note")
CITE_REQUIRED = ("source", "quote")
DATE_VALUE_KEYS = ("date", "weekday", "part", "time", "zone")


def load_claims_file(path: Path, display: str | None = None) -> tuple[ClaimsFile, list[Problem]]:
    display = display or str(path)
    reader = Reader(display)
    text = read_yaml_text(path, display, reader.problems)
    root = None if text is None else compose_yaml(
        text, display, reader.problems, "the claims file is empty; it needs 'event' and 'claims'")
    event, claims = None, []
    if root is not None:
        top = reader.mapping(root, "the claims file", TOP_KEYS, TOP_REQUIRED)
        if top:
            if "event" in top:
                event = _read_event(reader, top["event"][1], top.get("entities", (None, None))[1])
            event_id = event.id if event else "?"
            claim_nodes = reader.sequence(top["claims"][1], "'claims'") if "claims" in top else None
            for node in claim_nodes or ():
                claim = _read_claim(reader, node, event_id)
                if claim is not None:
                    claims.append(claim)
    digest = None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return ClaimsFile(path, display, event, tuple(claims), digest), reader.problems


def _read_event(reader: Reader, node: yaml.Node, entities_node: yaml.Node | None) -> Event | None:
    items = reader.mapping(node, "'event'", EVENT_KEYS, EVENT_REQUIRED)
    if not items or "id" not in items or "title" not in items:
        return None
    event_id = reader.ident(items["id"][1], "event id")
    title = reader.text(items["title"][1], "event title", multiline=False)
    zone = reader.text(items["timezone"][1], "event timezone", nullable=True) if "timezone" in items else None
    if zone is not None and not valid_zone(zone):
        reader.report(items["timezone"][1], "CC007", f"event timezone '{zone}' is not an IANA time zone "
                      "(e.g. Asia/Tokyo)")
        zone = None
    note = reader.text(items["note"][1], "note", nullable=True) if "note" in items else None
    entities = _read_entities(reader, entities_node) if entities_node is not None else {}
    if event_id is None or title is None:
        return None
    return Event(event_id, title, zone, entities, reader.display, reader.mark(node), note)


def _read_entities(reader: Reader, node: yaml.Node) -> dict[str, tuple[str, ...]]:
    if is_null(node):
        return {}
    entities: dict[str, tuple[str, ...]] = {}
    for key, (key_node, value_node) in (reader.mapping(node, "'entities'", None) or {}).items():
        if reader.ident(key_node, "entity id") is None:
            continue
        names_nodes = reader.sequence(value_node, f"names of entity '{key}'")
        names = [reader.text(n, f"a name of entity '{key}'", multiline=False) for n in names_nodes or ()]
        entities[key] = tuple(n for n in names if n and n.strip())
    return entities


def _read_claim(reader: Reader, node: yaml.Node, event_id: str) -> Claim | None:
    items = reader.mapping(node, "a claim", CLAIM_KEYS, CLAIM_REQUIRED)
    if not items or not set(CLAIM_REQUIRED) <= items.keys():
        return None
    claim_id = reader.ident(items["id"][1], "claim id")
    text = reader.text(items["claim"][1], "claim text")
    ctype = reader.text(items["type"][1], "claim type", multiline=False)
    if ctype is not None and ctype not in CLAIM_TYPES:
        reader.report(items["type"][1], "CC007", f"claim type '{ctype}' is unknown; use one of "
                      f"{', '.join(CLAIM_TYPES)}", claim=claim_id)
        ctype = None
    note = reader.text(items["note"][1], "note", nullable=True) if "note" in items else None
    unit = None
    if "unit" in items:
        unit = reader.text(items["unit"][1], "unit", nullable=True, multiline=False)
        if unit is not None and not known_unit(unit):
            reader.report(items["unit"][1], "CC007", f"unit '{unit}' is unknown; use a dimension (percent, "
                          "percentage points, time, length, money, count, votes, temperature, speed, …), a unit "
                          "(km, °C, bp) or a currency code (USD)", claim=claim_id)
            unit = None
    evolves = reader.flag(items["evolves"][1], "evolves") if "evolves" in items else False
    cites: list[Cite] = []
    cites_mark = reader.mark(items["id"][0])
    if "cites" in items:
        cites_node = items["cites"][1]
        cites_mark = reader.mark(items["cites"][0])
        if not is_null(cites_node):
            for cite_node in reader.sequence(cites_node, "'cites'") or ():
                cite = _read_cite(reader, cite_node, claim_id)
                if cite is not None:
                    cites.append(cite)
    if claim_id is None or text is None or ctype is None:
        return None
    return Claim(claim_id, text, ctype, tuple(cites), event_id, reader.mark(node), cites_mark, note, unit,
                 bool(evolves))


def _read_cite(reader: Reader, node: yaml.Node, claim_id: str | None) -> Cite | None:
    items = reader.mapping(node, "a cite", CITE_KEYS, CITE_REQUIRED)
    if not items or not set(CITE_REQUIRED) <= items.keys():
        return None
    source = reader.ident(items["source"][1], "source")
    quote_node = items["quote"][1]
    quote = reader.text(quote_node, "quote")
    if quote is None and is_null(quote_node):
        quote = ""  # an empty `quote:` is CC103, reported with the quote checks
    opt = {k: reader.text(items[k][1], k, nullable=True) for k in ("via", "prefix", "suffix", "note") if k in items}
    stance = None
    if "stance" in items:
        stance = reader.text(items["stance"][1], "stance", nullable=True)
        if stance is not None and stance not in STANCES:
            reader.report(items["stance"][1], "CC007", f"stance '{stance}' is unknown; use one of "
                          f"{', '.join(STANCES)}", claim=claim_id, source=source)
            stance = None
    value, value_mark = None, None
    if "value" in items:
        value_node = items["value"][1]
        value_mark = reader.mark(value_node)
        value = _read_value(reader, value_node)
    if source is None or quote is None:
        return None
    return Cite(source=source, quote=quote, mark=reader.mark(node), quote_mark=reader.mark(quote_node),
                value=value, value_mark=value_mark, stance=stance, via_given="via" in items, **opt)


def _read_value(reader: Reader, node: yaml.Node) -> Any:
    """A value as plain data: the scalar's text as written, or a mapping of date fields."""
    if isinstance(node, yaml.ScalarNode):
        if is_null(node):
            return None
        return reader.printable(node, node.value, "value", multiline=False)
    items = reader.mapping(node, "a date value", DATE_VALUE_KEYS)
    if items is None:
        return None
    out: dict[str, str] = {}
    for key, (_, value_node) in items.items():
        if not isinstance(value_node, yaml.ScalarNode) or is_null(value_node):
            reader.report(value_node, "CC005", f"'{key}' in a value must be a single value, not {type(value_node).__name__}")
            return None
        text = reader.printable(value_node, value_node.value, key, multiline=False)
        if text is None:
            return None
        out[key] = text
    return out


def combine_loaded(loaded: list[tuple[ClaimsFile, list[Problem]]]) -> tuple[list[ClaimsFile], list[Problem]]:
    """The files and their problems, plus the ids used twice across them."""
    files = [claims_file for claims_file, _ in loaded]
    return files, [p for _, found in loaded for p in found] + duplicate_ids(files)


def duplicate_ids(files: list[ClaimsFile]) -> list[Problem]:
    from .codes import problem
    problems = []
    seen_claims: dict[str, Mark] = {}
    seen_events: dict[str, Mark] = {}
    for claims_file in files:
        event = claims_file.event
        if event is not None:
            if event.id in seen_events:
                first = seen_events[event.id]
                problems.append(problem(event.mark, "CC010", f"event id '{event.id}' is used twice "
                                        f"(first at {first.file}:{first.line})"))
            else:
                seen_events[event.id] = event.mark
        for claim in claims_file.claims:
            if claim.id in seen_claims:
                first = seen_claims[claim.id]
                problems.append(problem(claim.mark, "CC010", f"claim id '{claim.id}' is used twice "
                                        f"(first at {first.file}:{first.line})", claim=claim.id))
            else:
                seen_claims[claim.id] = claim.mark
    return problems
