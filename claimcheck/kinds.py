"""Every kind of value behind one interface — label, serialize, relate — registered in one place.

A claim's type says which reader turns a cite into a value (values.py); once read, a value is
handled only through this registry, so a new kind (a vote split, a temperature) is one entry here
and not a new branch in every module that compares, renders or exports.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from .dates import DateValue, compare_dates
from .quantities import Quantity, VoteSplit, relate_quantities, relate_splits


@dataclass(frozen=True)
class Entity:
    """An actor: an entity id from the claims file's `entities`."""

    id: str

    @property
    def label(self) -> str:
        return self.id


@dataclass(frozen=True)
class Relation:
    kind: str  # agree | reconcilable | conflict | unknown (not comparable: other currency, other dimension)
    reason: str


@dataclass(frozen=True)
class ValueKind:
    name: str
    type: type
    label: Callable[[Any], str]
    serialize: Callable[[Any], dict]
    relate: Callable[[Any, Any, str, str], Relation]
    group: Callable[[Any], str]  # values of different groups are not compared (USD vs EUR)


def _relate_dates(a: DateValue, b: DateValue, name_a: str, name_b: str) -> Relation:
    rel = compare_dates(a, b, name_a, name_b)
    return Relation(rel.kind, rel.reason)


def _relate_quantities(a: Quantity, b: Quantity, name_a: str, name_b: str) -> Relation:
    rel = relate_quantities(a, b)
    word = {"agree": "agrees with", "reconcilable": "overlaps", "conflict": "does not overlap",
            "unknown": "cannot be compared with"}[rel.kind]
    if rel.kind == "conflict" and a.direction is not None and b.direction is not None and a.direction != b.direction:
        word = f"({'up' if a.direction > 0 else 'down'}) goes the other way from"
        rel = replace(rel, how=f"{'up' if b.direction > 0 else 'down'}")
    how = f" ({rel.how})" if rel.how else ""
    return Relation(rel.kind, f"'{a.label}' ({name_a}) {word} '{b.label}' ({name_b}){how}")


def _relate_splits(a: VoteSplit, b: VoteSplit, name_a: str, name_b: str) -> Relation:
    kind = relate_splits(a, b)
    verb = "matches" if kind == "agree" else "differs from"
    if a.roles and b.roles:
        how = " (for–against)"
    elif kind == "agree" and (a.yes, a.no) != (b.yes, b.no):
        how = " (the same two counts, written the other way round)"
    else:
        how = ""
    return Relation(kind, f"{a.label} ({name_a}) {verb} {b.label} ({name_b}){how}")


def _relate_entities(a: Entity, b: Entity, name_a: str, name_b: str) -> Relation:
    if a.id == b.id:
        return Relation("agree", f"both name {a.id}")
    return Relation("conflict", f"{name_a} names {a.id}; {name_b} names {b.id}")


def _serialize_date(v: DateValue) -> dict:
    return {"kind": "date", "date": v.date.isoformat() if v.date else None,
            "weekday": v.weekday, "part": v.part, "time": v.time.strftime("%H:%M") if v.time else None,
            "qualifier": v.qualifier, "zone": v.zone, "words": v.words}


def _quantity_group(q: Quantity) -> str:
    return "points" if q.dimension in ("percent", "points") else q.dimension


KINDS: tuple[ValueKind, ...] = (
    ValueKind("date", DateValue, lambda v: v.label(), _serialize_date, _relate_dates, lambda v: "date"),
    ValueKind("quantity", Quantity, lambda v: v.label, lambda v: v.serialize(), _relate_quantities, _quantity_group),
    ValueKind("split", VoteSplit, lambda v: v.label, lambda v: v.serialize(), _relate_splits, lambda v: "split"),
    ValueKind("actor", Entity, lambda v: v.id, lambda v: {"kind": "actor", "entity": v.id}, _relate_entities,
              lambda v: "actor"),
)


def kind_of(value: Any) -> ValueKind:
    for kind in KINDS:
        if isinstance(value, kind.type):
            return kind
    raise TypeError(f"no value kind for {type(value).__name__}")


def label(value: Any) -> str:
    return kind_of(value).label(value)


def serialize(value: Any) -> dict:
    return kind_of(value).serialize(value)


def group(value: Any) -> str:
    kind = kind_of(value)
    return f"{kind.name}:{kind.group(value)}"


def relate(a: Any, b: Any, name_a: str, name_b: str) -> Relation:
    """How two values relate; `unknown` when they are of different kinds or groups."""
    kind_a, kind_b = kind_of(a), kind_of(b)
    if kind_a is not kind_b:
        return Relation("unknown", "")
    return kind_a.relate(a, b, name_a, name_b)
