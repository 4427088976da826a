"""Verdicts: from the cites' values and stances to one verdict and a one-line reason per claim."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from itertools import combinations

from .anchor import normalize
from .dates import DateValue, compare_dates
from .model import Claim, Event, Verdict
from .project import Project
from .quantities import Quantity, compare_quantities
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
                           f"none of the {len(values)} quote(s) was found in its article", tuple(values))
    if claim.type == "quote":
        return _compare_wording(claim, event, usable, tuple(values))
    typed = [cv for cv in usable if cv.value is not None]
    stanced = [cv for cv in usable if cv.value is None and cv.stance]
    if typed and not any(cv.stance in ("denies",) for cv in stanced):
        verdict, reason = _compare_values(typed)
        return ClaimResult(claim, event, verdict, reason + _voices_note(typed), tuple(values))
    verdict, reason = _compare_stances(stanced or usable)
    return ClaimResult(claim, event, verdict, reason, tuple(values))


def _independent(values: list[CiteValue]) -> int:
    return len({voice_of(cv) for cv in values})


def _names(values: list[CiteValue]) -> str:
    out = []
    for cv in values:
        name = cv.source + (f" via {cv.item.cite.via}" if cv.item.cite.via else "")
        if name not in out:
            out.append(name)
    return ", ".join(out)


def _compare_stances(values: list[CiteValue]) -> tuple[Verdict, str]:
    by = {s: [cv for cv in values if cv.stance == s] for s in ("asserts", "denies", "declines", "mentions")}
    asserts, denies, declines = by["asserts"], by["denies"], by["declines"]
    if asserts and denies:
        return Verdict.CONFLICT, f"{_names(asserts[:1])} asserts it; {_names(denies[:1])} denies it"
    sayers = asserts or denies
    verb = "assert" if asserts else "deny"
    if not sayers:
        who = f"; {_names(declines)} decline(s) to say" if declines else ""
        return Verdict.UNCONFIRMED, f"no source asserts or denies it{who}"
    first_hand = [cv for cv in sayers if not cv.second_hand]
    if not first_hand and declines:
        return Verdict.UNCONFIRMED, (f"only second-hand: {_names(sayers)} {verb}(s) it; "
                                     f"{_names(declines)} decline(s) to confirm")
    voices = _independent(sayers)
    hand = "" if first_hand else " (second-hand only)"
    if voices >= 2:
        extra = f"; {_names(declines)} decline(s) to say" if declines else ""
        return Verdict.AGREED, f"{voices} independent sources {verb} it{hand}{extra}{_voices_note(sayers)}"
    return Verdict.SINGLE_SOURCE, f"only {_names(sayers)} {verb}(s) it{hand}{_voices_note(sayers)}"


def _relation(a: CiteValue, b: CiteValue) -> tuple[str, str]:
    va, vb = a.value, b.value
    if isinstance(va, DateValue) and isinstance(vb, DateValue):
        rel = compare_dates(va, vb, a.source, b.source)
        return rel.kind, rel.reason
    if isinstance(va, Quantity) and isinstance(vb, Quantity):
        kind = compare_quantities(va, vb)
        word = {"agree": "agrees with", "reconcilable": "overlaps", "conflict": "does not overlap"}[kind]
        return kind, f"'{va.label}' ({a.source}) {word} '{vb.label}' ({b.source})"
    if isinstance(va, str) and isinstance(vb, str):
        if va == vb:
            return "agree", f"both name {va}"
        return "conflict", f"{a.source} names {va}; {b.source} names {vb}"
    return "unknown", ""


def _zone_known(cv: CiteValue) -> bool:
    return isinstance(cv.value, DateValue) and cv.value.zone is not None


def _compare_values(values: list[CiteValue]) -> tuple[Verdict, str]:
    set_aside = ""
    if isinstance(values[0].value, Quantity):
        groups: dict[str, list[CiteValue]] = {}
        for cv in values:
            groups.setdefault(cv.value.dimension, []).append(cv)
        if len(groups) > 1:
            main = max(groups.values(), key=lambda g: (_independent(g), len(g)))
            aside = [cv for cv in values if cv not in main]
            units = sorted({cv.value.dimension.replace("money:", "") for cv in aside})
            names = ", ".join(dict.fromkeys(cv.source for cv in aside))
            set_aside = f"; set aside the {'/'.join(units)} cites of {names} (other units are not compared)"
            values = main
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
    label = values[0].label()
    if voices >= 2:
        return Verdict.AGREED, f"{voices} independent sources agree: {label}" + set_aside
    return Verdict.SINGLE_SOURCE, f"only {_names(values)} gives it: {label}" + set_aside


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
