"""Verdicts: from the cites' values and stances to one verdict and a one-line reason per claim."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from itertools import combinations

from .anchor import normalize
from . import kinds
from .english import join, verb
from .dates import DateValue
from .model import Claim, Event, Verdict
from .project import Project
from .quantities import Quantity
from .values import CiteValue, evaluate_claim

STRENGTH = {"conflict": 2, "reconcilable": 1, "agree": 0}


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    event: Event | None
    verdict: Verdict
    reason: str
    values: tuple[CiteValue, ...]
    similarity: float | None = None
    diff: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = field(default=())  # per source: (op, words)


def voice_of(cv: CiteValue) -> str:
    """Cites relaying the same origin, or from the same outlet, are one voice."""
    if cv.item.cite.via:
        return _key(cv.item.cite.via)
    source = cv.item.source
    if source is not None and source.outlet:
        return _key(source.outlet)
    return "source:" + cv.source


def _key(name: str) -> str:
    words = normalize(name).text.split()
    return " ".join(w for w in words if w not in ("the",))


def _voices_note(values: list[CiteValue]) -> str:
    groups: dict[str, list[str]] = {}
    for cv in values:
        groups.setdefault(voice_of(cv), [])
        if cv.source not in groups[voice_of(cv)]:
            groups[voice_of(cv)].append(cv.source)
    merged = [(k, v) for k, v in groups.items() if len(v) > 1]
    if not merged:
        return ""
    return "; " + "; ".join(f"{' and '.join(v)} count once ({k})" for k, v in merged)


def _usable(values: list[CiteValue]) -> list[CiteValue]:
    return [cv for cv in values if cv.item.source is not None and cv.item.anchor is not None and cv.item.anchor.found]


def compare_claim(project: Project, claim: Claim) -> ClaimResult:
    values, _ = evaluate_claim(project, claim)
    event = project.event_of(claim)
    if not claim.cites:
        return ClaimResult(claim, event, Verdict.UNCITED, "no source is cited", tuple(values))
    usable = _usable(values)
    if not usable:
        return ClaimResult(claim, event, Verdict.UNCITED,
                           ("the quote was not found in its article" if len(values) == 1 else
                            f"none of the {len(values)} quotes was found in its article"), tuple(values))
    if claim.type == "quote":
        return _compare_wording(claim, event, usable, tuple(values))
    typed = [cv for cv in usable if cv.value is not None]
    stanced = [cv for cv in usable if cv.value is None and cv.stance]
    unread = _unread_note([cv for cv in usable if cv.unread])
    if typed and not any(cv.stance in ("denies",) for cv in stanced):
        verdict, reason = (_compare_evolving(typed) if claim.evolves else None) or _compare_values(typed)
        return ClaimResult(claim, event, verdict, reason + _voices_note(typed) + unread, tuple(values))
    if not stanced:
        return ClaimResult(claim, event, Verdict.UNCONFIRMED, "no cite could be read" + unread, tuple(values))
    verdict, reason = _compare_stances(stanced)
    return ClaimResult(claim, event, verdict, reason + unread, tuple(values))


def _unread_note(unread: list[CiteValue]) -> str:
    """Unread cites are named in the reason, each with why: a verdict built without them must say so."""
    if not unread:
        return ""
    shown = "; ".join(f"{cv.source} ({cv.unread})" for cv in unread[:3])
    more = f"; and {len(unread) - 3} more" if len(unread) > 3 else ""
    return f"; unread: {shown}{more}"


def _independent(values: list[CiteValue]) -> int:
    return len({voice_of(cv) for cv in values})


def _name_list(values: list[CiteValue]) -> list[str]:
    out = []
    for cv in values:
        name = cv.source + (f" via {cv.item.cite.via}" if cv.item.cite.via else "")
        if name not in out:
            out.append(name)
    return out


def _names(values: list[CiteValue]) -> str:
    return join(_name_list(values))


def _they(values: list[CiteValue], singular: str, plural: str) -> str:
    """'yomiuri declines', 'yomiuri and we2usa decline'."""
    names = _name_list(values)
    return f"{join(names)} {verb(len(names), singular, plural)}"


def _compare_stances(values: list[CiteValue]) -> tuple[Verdict, str]:
    by = {s: [cv for cv in values if cv.stance == s] for s in ("asserts", "denies", "declines", "mentions")}
    asserts, denies, declines = by["asserts"], by["denies"], by["declines"]
    if asserts and denies:
        return Verdict.CONFLICT, f"{_names(asserts[:1])} asserts it; {_names(denies[:1])} denies it"
    sayers = asserts or denies
    verb, verbs = ("assert", "asserts") if asserts else ("deny", "denies")
    if not sayers:
        who = f"; {_they(declines, 'declines', 'decline')} to say" if declines else ""
        return Verdict.UNCONFIRMED, f"no source asserts or denies it{who}"
    first_hand = [cv for cv in sayers if not cv.second_hand]
    if not first_hand and declines:
        return Verdict.UNCONFIRMED, (f"only second-hand: {_they(sayers, verbs, verb)} it; "
                                     f"{_they(declines, 'declines', 'decline')} to confirm")
    voices = _independent(sayers)
    hand = "" if first_hand else " (second-hand only)"
    if voices >= 2:
        extra = f"; {_they(declines, 'declines', 'decline')} to say" if declines else ""
        return Verdict.AGREED, f"{voices} independent sources {verb} it{hand}{extra}{_voices_note(sayers)}"
    return Verdict.SINGLE_SOURCE, f"only {_they(sayers, verbs, verb)} it{hand}{_voices_note(sayers)}"


def _relation(a: CiteValue, b: CiteValue) -> tuple[str, str]:
    rel = kinds.relate(a.value, b.value, a.source, b.source)
    return rel.kind, rel.reason


def _zone_known(cv: CiteValue) -> bool:
    return isinstance(cv.value, DateValue) and cv.value.zone is not None


def _set_aside(values: list[CiteValue]) -> tuple[list[CiteValue], str]:
    """Keep the largest group of comparable values (one currency, one dimension); name the rest."""
    groups: dict[str, list[CiteValue]] = {}
    for cv in values:
        groups.setdefault(kinds.group(cv.value), []).append(cv)
    if len(groups) == 1:
        return values, ""
    main = max(groups.values(), key=lambda g: (_independent(g), len(g)))
    aside = [cv for cv in values if cv not in main]
    units = sorted({_unit_name(cv.value) for cv in aside})
    names = ", ".join(dict.fromkeys(cv.source for cv in aside))
    return main, f"; set aside the {'/'.join(units)} cites of {names} (other units are not compared)"


def _unit_name(value) -> str:
    if isinstance(value, Quantity):
        return value.dimension.replace("money:", "")
    return kinds.kind_of(value).name


def _compare_values(values: list[CiteValue]) -> tuple[Verdict, str]:
    values, set_aside = _set_aside(values)
    worst: tuple[int, str] | None = None
    # Among equally strong pairs, name one whose zones are known: its reason says more.
    pairs = sorted(combinations(values, 2), key=lambda p: -sum(_zone_known(cv) for cv in p))
    for a, b in pairs:
        kind, reason = _relation(a, b)
        if kind == "unknown":
            continue
        if worst is None or STRENGTH[kind] > worst[0]:
            worst = (STRENGTH[kind], reason)
    if worst and worst[0] == 2:
        return Verdict.CONFLICT, worst[1] + set_aside
    if worst and worst[0] == 1:
        return Verdict.RECONCILABLE, worst[1] + set_aside
    voices = _independent(values)
    if worst is None and voices >= 2:
        # No two values could be placed against each other (a weekday without a date, say): never "agreed".
        names = " and ".join(f"{cv.label()} ({cv.source})" for cv in values[:2])
        return Verdict.UNCONFIRMED, f"cannot compare {names}: give dates that can be placed" + set_aside
    label = values[0].label()
    if voices >= 2:
        return Verdict.AGREED, f"{voices} independent sources agree: {label}" + set_aside
    return Verdict.SINGLE_SOURCE, f"only {_names(values)} gives it: {label}" + set_aside


def _published(cv: CiteValue):
    """When the source was published, as a UTC datetime for ordering; None when unknown."""
    import datetime as dt

    from .sources import published_at
    when = published_at(cv.item.source) if cv.item.source else None
    return when.astimezone(dt.timezone.utc) if when else None


def _compare_evolving(values: list[CiteValue]) -> tuple[Verdict, str] | None:
    """A tally as it comes in: growth over time is reconcilable; a drop, or two figures at once, conflict."""
    values, set_aside = _set_aside(values)
    if not all(isinstance(cv.value, Quantity) for cv in values):
        return None
    timed = [(t, cv) for cv in values if (t := _published(cv)) is not None]
    if len(timed) < len(values):
        missing = ", ".join(cv.source for cv in values if _published(cv) is None)
        verdict, reason = _compare_values(values)
        return verdict, reason + f"; cannot order {missing} in time (no `published`)" + set_aside
    timed.sort(key=lambda tc: tc[0])
    steps = []
    for (ta, a), (tb, b) in zip(timed, timed[1:]):
        kind, reason = _relation(a, b)
        if kind in ("agree", "unknown"):
            continue
        if ta == tb:
            if kind == "conflict":
                return Verdict.CONFLICT, f"{reason}, both published {ta:%d %b %H:%M} UTC" + set_aside
            continue
        # Compare the figures as written: "at least 4" then "9" grew; "9" then "at least 4" fell.
        if sum(b.value.figure) < sum(a.value.figure):
            return Verdict.CONFLICT, (f"'{b.value.label}' ({b.source}, {tb:%d %b %H:%M} UTC) is lower than the "
                                      f"earlier '{a.value.label}' ({a.source}, {ta:%d %b %H:%M} UTC)") + set_aside
        if sum(b.value.figure) > sum(a.value.figure):
            steps.append((ta, a, tb, b))
        elif kind == "conflict":
            return Verdict.CONFLICT, reason + set_aside
    if not steps:
        return None
    sequence = [f"'{timed[0][1].value.label}' ({timed[0][1].source}, {timed[0][0]:%d %b %H:%M} UTC)"]
    sequence += [f"'{b.value.label}' ({b.source}, {tb:%d %b %H:%M} UTC)" for _, _, tb, b in steps]
    return Verdict.RECONCILABLE, "the tally grew over time: rose from " + " to ".join(sequence) + set_aside


_WORD = re.compile(r"[\w']+")


def wording(text: str) -> list[str]:
    """Words of a quote once case, typography and punctuation are ignored."""
    return [w.strip("'") for w in _WORD.findall(normalize(text).text) if w.strip("'")]


def _compare_wording(claim: Claim, event: Event | None, usable: list[CiteValue],
                     values: tuple[CiteValue, ...]) -> ClaimResult:
    from rapidfuzz import fuzz
    words = [wording(cv.item.cite.quote) for cv in usable]
    base = words[0]
    diff = []
    for cv, w in zip(usable, words):
        ops = []
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=base, b=w, autojunk=False).get_opcodes():
            if tag == "equal":
                ops.append(("=", " ".join(base[i1:i2])))
            else:
                if i2 > i1:
                    ops.append(("-", " ".join(base[i1:i2])))
                if j2 > j1:
                    ops.append(("+", " ".join(w[j1:j2])))
        diff.append((cv.source, tuple(ops)))
    scores = [fuzz.ratio(" ".join(a), " ".join(b)) for a, b in combinations(words, 2)]
    similarity = round(min(scores), 1) if scores else 100.0
    voices = _independent(usable)
    if all(w == base for w in words):
        verdict = Verdict.AGREED if voices >= 2 else Verdict.SINGLE_SOURCE
        reason = (f"{voices} independent sources quote the same words" if voices >= 2
                  else f"only {_names(usable)} quotes it")
        return ClaimResult(claim, event, verdict, reason + _voices_note(usable), values, similarity, tuple(diff))
    changed = []
    for cv, w in zip(usable[1:], words[1:]):
        swaps = [f"'{' '.join(w[j1:j2]) or '∅'}' for '{' '.join(base[i1:i2]) or '∅'}'"
                 for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=base, b=w, autojunk=False).get_opcodes()
                 if tag != "equal"]
        if swaps:
            changed.append(f"{cv.source} has " + ", ".join(swaps[:2]) + (", …" if len(swaps) > 2 else ""))
    reason = f"same statement, different words (similarity {similarity:.0f}) against {usable[0].source}: " \
        + "; ".join(changed)
    return ClaimResult(claim, event, Verdict.VARIANT, reason, values, similarity, tuple(diff))


def compare_project(project: Project) -> list[ClaimResult]:
    return [compare_claim(project, claim) for claim in project.claims]
