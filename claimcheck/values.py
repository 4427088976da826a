"""Reading each cite's typed value or stance, from its `value` or from its quote."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from functools import lru_cache

from . import dates, kinds
from . import lexicon as lx
from .anchor import normalize
from .codes import problem
from .dates import DateError, DateValue
from .kinds import Entity
from .model import Claim, Event, Problem
from .project import AnchoredCite, Project
from .quantities import Ambiguous, Quantity, VoteSplit, pick, read_quantities
from .stances import read_stance

UNREAD = "? unread"


@lru_cache(maxsize=32)
def _hearsay(language: str | None) -> re.Pattern:
    words = lx.alternation(w for lang in lx.languages_for(language) for w in lx.HEARSAY.get(lang, ()))
    return re.compile(lx.at_word_edges(words), re.I)


@dataclass(frozen=True)
class CiteValue:
    item: AnchoredCite
    value: Any  # a value of a registered kind (kinds.py): DateValue | Quantity | VoteSplit | Entity | None
    stance: str | None
    origin: str | None  # "value", "quote" or None
    second_hand: bool
    unread: str | None = None  # why neither a value nor a stance could be read with certainty

    @property
    def source(self) -> str:
        return self.item.cite.source

    def label(self) -> str:
        if self.value is not None:
            return kinds.label(self.value)
        if self.stance:
            return self.stance
        return UNREAD if self.unread else ""

    def reading(self) -> dict | None:
        """The typed reading, for users to audit and chart (JSON, CSV, SQLite)."""
        return kinds.serialize(self.value) if self.value is not None else None

    def json_value(self) -> str | None:
        v = self.value
        if isinstance(v, DateValue):
            if v.date is None:
                return v.label()
            text = v.date.isoformat()
            if v.time is not None:
                text += "T" + v.time.strftime("%H:%M")
                text = (v.qualifier + " " if v.qualifier else "") + text
            elif v.part:
                text += " " + v.part
            return text
        if v is None:
            return None
        return kinds.label(v)


def is_second_hand(item: AnchoredCite) -> bool:
    language = item.source.language if item.source else None
    return bool(item.cite.via) or bool(_hearsay(language).search(item.cite.quote))


def _aliases(event: Event | None) -> tuple[tuple[str, str, re.Pattern], ...]:
    return _alias_table(tuple(sorted(event.entities.items())) if event else ())


@lru_cache(maxsize=32)
def _alias_table(entities: tuple) -> tuple[tuple[str, str, re.Pattern], ...]:
    """(normalized alias, entity id, its pattern), longest first: built once per event, not per sentence."""
    pairs = []
    for entity, names in entities:
        pairs.append((normalize(entity).text, entity))
        pairs.extend((normalize(name).text, entity) for name in names)
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((alias, entity, re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")) for alias, entity in pairs if alias)


def read_actor(text: str, event: Event | None) -> tuple[str | None, str | None, list[str]]:
    """(entity id, misspelled name or None, ids named) from free text through the entities' aliases."""
    norm = normalize(text).text
    aliases = _aliases(event)
    found: list[str] = []
    for alias, entity, pattern in aliases:
        if entity not in found and pattern.search(norm):
            found.append(entity)
    if len(found) == 1:
        return found[0], None, found
    if found:
        return None, None, found
    from rapidfuzz import fuzz
    words = re.findall(r"[^\W\d_]{5,}", norm)
    best = None
    for alias, entity, _ in aliases:
        if " " in alias or len(alias) < 5:
            continue
        for word in words:
            score = fuzz.ratio(word, alias)
            if score >= 80 and (best is None or score > best[0]):
                best = (score, entity, word)
    if best:
        return best[1], best[2], [best[1]]
    return None, None, []


def _published_date(item: AnchoredCite):
    """The source's publication date in its own zone (DESIGN: relative words count from it)."""
    from .sources import published_at
    when = published_at(item.source) if item.source else None
    return when.date() if when else None


def evaluate_claim(project: Project, claim: Claim) -> tuple[list[CiteValue], list[Problem]]:
    """Every cite's value or stance, plus the problems met while reading them."""
    event = project.event_of(claim)
    problems: list[Problem] = []
    out: list[CiteValue] = []
    items = project.cites.get(claim.id, ())
    readers = {"date": _date_value, "duration": _quantity_value, "number": _quantity_value,
               "actor": _actor_value}
    for item in items:
        value, origin, stance, unread = None, None, item.cite.stance, None
        language = item.source.language if item.source else None
        reported = len(problems)
        if claim.type in readers:
            value, origin, unread = readers[claim.type](item, event, problems)
        invalid = any(p.code == "CC109" for p in problems[reported:])  # already reported as a bad value
        if stance is not None:
            said, _ = read_stance(item.cite.quote, language)
            if said is not None and said != stance and {said, stance} != {"asserts", "mentions"}:
                problems.append(problem(item.cite.mark, "CC108", f"claim '{claim.id}': stance says {stance} but "
                                        f"the quote {_stance_verb(said)}", **_where(item)))
        if value is None and stance is None and claim.type != "quote":
            if claim.type in ("text", "stance"):
                stance, unread = read_stance(item.cite.quote, language)
                if stance is not None:
                    origin = "quote"
            if stance is None:
                why = unread or f"no {claim.type} can be read from the quote"
                unread = why
                if not invalid:
                        problems.append(problem(item.cite.quote_mark, "CC110", f"claim '{claim.id}': {why} "
                                            f"(source '{item.cite.source}'); add value: or stance:",
                                            claim=claim.id, source=item.cite.source))
        out.append(CiteValue(item, value, stance, origin, is_second_hand(item), unread if value is None
                             and stance is None else None))
    if claim.type == "date":
        out = _resolve_dates(out, claim, problems)
    return out, problems


def _stance_verb(stance: str) -> str:
    return {"asserts": "asserts it", "denies": "denies it", "declines": "declines to say",
            "mentions": "mentions it"}[stance]


def _where(item: AnchoredCite) -> dict:
    return dict(claim=item.claim.id, source=item.cite.source)


def _date_value(item: AnchoredCite, event: Event | None, problems: list[Problem]):
    cite = item.cite
    zone = item.source.timezone if item.source else None
    language = item.source.language if item.source else None
    read, warnings = dates.read_date(cite.quote, zone, language)
    for warning in warnings:
        problems.append(problem(cite.quote_mark, "CC108", f"claim '{item.claim.id}': {warning}", **_where(item)))
    if cite.value is None:
        return read, ("quote" if read else None), None
    try:
        value = dates.parse_date_value(cite.value, zone, language)
    except DateError as exc:
        problems.append(problem(cite.value_mark, "CC109", f"claim '{item.claim.id}': {exc}", **_where(item)))
        return None, None, str(exc)
    if value.zone is None:
        value = replace(value, zone=zone)
    if read is not None:
        said = _date_disagreement(value, read)
        if said:
            problems.append(problem(cite.value_mark, "CC108", f"claim '{item.claim.id}': value says {said[0]} but the "
                                    f"quote says {said[1]}", **_where(item)))
    return value, "value", None


def _date_disagreement(value: DateValue, read: DateValue) -> tuple[str, str] | None:
    value_weekday = value.date.weekday() if value.date else value.weekday
    if read.weekday is not None and value_weekday is not None and read.weekday != value_weekday:
        return dates.WEEKDAYS[value_weekday].capitalize(), dates.WEEKDAYS[read.weekday].capitalize()
    for field in ("day", "month", "part"):
        a, b = getattr(value, field), getattr(read, field)
        if a is not None and b is not None and a != b:
            return f"{field} {a}", f"{field} {b}"
    if value.time is not None and read.time is not None and value.time != read.time:
        same_dial = read.twelve_hour and value.time.hour % 12 == read.time.hour % 12 \
            and value.time.minute == read.time.minute
        if not same_dial:
            return value.time.strftime("%H:%M"), read.time.strftime("%H:%M")
    return None


def _resolve_dates(values: list[CiteValue], claim: Claim, problems: list[Problem]) -> list[CiteValue]:
    """Place every date on the calendar: first those that name a day (a date, a weekday, "yesterday"), each
    from its own publication date; then a bare clock time or part of the day on the day the others give
    ("at 4:10 p.m." in a follow-up two days later is the day of the event, not of the follow-up)."""
    def names_a_day(value) -> bool:
        return isinstance(value, DateValue) and (value.day is not None or value.weekday is not None
                                                 or value.relative is not None)
    def dates_of(placed) -> list:
        return [v.value.date for v in placed if isinstance(v.value, DateValue) and v.value.resolved]

    first = {k: v for k, v in enumerate(values) if names_a_day(v.value)}
    placed = dict(zip(first, _resolved_dates(list(first.values()), dates_of(values), claim, problems)))
    rest = {k: v for k, v in enumerate(values) if k not in first}
    placed.update(zip(rest, _resolved_dates(list(rest.values()), dates_of(placed.values()), claim, problems)))
    return [placed[k] for k in range(len(values))]


def _resolved_dates(values: list[CiteValue], known: list, claim: Claim, problems: list[Problem]) -> list[CiteValue]:
    out: list[CiteValue] = []
    for v in values:
        if isinstance(v.value, DateValue) and not v.value.resolved:
            resolved = dates.resolve(v.value, known, _published_date(v.item))
            if resolved.date and resolved.weekday is not None and resolved.date.weekday() != resolved.weekday:
                problems.append(problem(v.item.cite.quote_mark, "CC108", f"claim '{claim.id}': the quote says "
                                        f"{dates.WEEKDAYS[resolved.weekday].capitalize()} but "
                                        f"{resolved.date:%d %b %Y} is a {resolved.date:%A}", **_where(v.item)))
            v = replace(v, value=resolved)
            if resolved.relative is not None and not resolved.resolved:
                # "yesterday" with no publication date: nothing to count from
                why = f"'{resolved.label()}' needs the source's `published` date to be placed"
                problems.append(problem(v.item.cite.quote_mark, "CC110", f"claim '{claim.id}': {why} (source "
                                        f"'{v.source}'); add published: to the manifest or value:", **_where(v.item)))
                v = replace(v, value=None, unread=why)
        out.append(v)
    return out


def _wanted_unit(claim: Claim) -> str | None:
    return claim.unit or ("time" if claim.type == "duration" else None)


def _flat(readings: list) -> list:
    return [o for r in readings for o in (r.options if isinstance(r, Ambiguous) else (r,))]


def _quantity_value(item: AnchoredCite, event: Event | None, problems: list[Problem]):
    cite = item.cite
    language = item.source.language if item.source else None
    wanted = _wanted_unit(item.claim)
    readings = read_quantities(cite.quote, language)
    read = pick(readings, wanted)
    if cite.value is None:
        if isinstance(read, str):
            return None, None, read
        return read, ("quote" if read is not None else None), None
    if isinstance(cite.value, dict):
        problems.append(problem(cite.value_mark, "CC109", f"claim '{item.claim.id}': a {item.claim.type} value is "
                                "written as text, e.g. 'about 25 min'", **_where(item)))
        return None, None, "the value is not a number"
    value = pick(read_quantities(cite.value, language), wanted)
    if not isinstance(value, (Quantity, VoteSplit)):
        why = value if isinstance(value, str) else f"no number in '{cite.value}'"
        if wanted and value is None and read_quantities(cite.value, language):
            why = f"'{cite.value}' is not a quantity of the claim's unit '{wanted}'"
        problems.append(problem(cite.value_mark, "CC109", f"claim '{item.claim.id}': {why}", **_where(item)))
        return None, None, why
    same_kind = [r for r in _flat(readings) if isinstance(r, type(value)) and kinds.group(r) == kinds.group(value)]
    relations = [kinds.relate(value, r, "value", "quote").kind for r in same_kind]
    if same_kind and all(kind == "conflict" for kind in relations):
        said = ", ".join(f"'{r.label}'" for r in same_kind[:3])
        problems.append(problem(cite.value_mark, "CC108", f"claim '{item.claim.id}': value says '{value.label}' "
                                f"but the quote says {said}", **_where(item)))
    return value, "value", None


def _actor_value(item: AnchoredCite, event: Event | None, problems: list[Problem]):
    cite = item.cite
    entity, misspelled, named = read_actor(cite.quote, event)
    if misspelled:
        problems.append(problem(cite.quote_mark, "CC111", f"claim '{item.claim.id}': '{misspelled}' read as entity "
                                f"'{entity}'; add the spelling to its names if it is right", **_where(item)))
    if cite.value is None:
        if entity is None and len(named) > 1:
            return None, None, f"the quote names {', '.join(named)}: several actors"
        return (Entity(entity), "quote", None) if entity else (None, None, None)
    if isinstance(cite.value, dict):
        problems.append(problem(cite.value_mark, "CC109", f"claim '{item.claim.id}': an actor value is an entity id",
                                **_where(item)))
        return None, None, "the value is not an entity id"
    value, _, _ = read_actor(cite.value, event)
    if value is None:
        known = ", ".join(sorted(event.entities)) if event and event.entities else "none"
        problems.append(problem(cite.value_mark, "CC109", f"claim '{item.claim.id}': '{cite.value}' is not an entity "
                                f"id or name; known entities: {known}", **_where(item)))
        return None, None, "the value is not a known entity"
    if len(named) == 1 and named[0] != value:
        problems.append(problem(cite.value_mark, "CC108", f"claim '{item.claim.id}': value says '{value}' but the "
                                f"quote names only '{named[0]}'", **_where(item)))
    return Entity(value), "value", None


def value_problems(project: Project, claim: Claim) -> list[Problem]:
    return evaluate_claim(project, claim)[1]
