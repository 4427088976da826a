"""`claimcheck suggest`: sentences of the sources that do not cite a claim yet, ranked by how likely they state it."""
from __future__ import annotations

from dataclasses import dataclass

from .anchor import line_of, sentences
from .model import Claim
from .project import Project

MIN_SCORE = 35.0


@dataclass(frozen=True)
class Suggestion:
    source: str
    score: float
    start: int
    end: int
    line: int
    passage: str
    signals: tuple[str, ...]  # why it ranks: wording, and the kind of value it states


def _states_a_value(claim: Claim, passage: str, project: Project, source_zone: str | None,
                    cited: list) -> tuple[str, float] | None:
    """(what the sentence states, bonus) for a value of the claim's type; more when it is near the cited ones."""
    if claim.type == "date":
        from .dates import read_date, resolve
        value, _ = read_date(passage, source_zone)
        if value is None:
            return None
        known = [v.date for v in cited if getattr(v, "date", None)]
        resolved = resolve(value, known)
        if resolved.date and any(abs((resolved.date - d).days) <= 1 for d in known):
            return "a date within a day of the cited ones", 35.0  # one day off may be another zone
        return "a date or time", 25.0
    if claim.type in ("duration", "number"):
        from .quantities import read_quantities
        kinds = {v.dimension for v in cited if hasattr(v, "dimension")} or ({"time"} if claim.type == "duration"
                                                                             else set())
        found = [q for q in read_quantities(passage) if not kinds or q.dimension in kinds]
        return (f"a {claim.type} of the cited kind", 25.0) if found else None
    if claim.type == "actor":
        from .values import read_actor
        _, _, named = read_actor(passage, project.event_of(claim))
        return (f"who: {', '.join(named)}", 25.0) if named else None
    return None


def suggest(project: Project, claim: Claim, limit: int = 5) -> list[Suggestion]:
    """The best sentences, at most `limit`, from sources that do not cite the claim yet."""
    from rapidfuzz import fuzz
    from .values import read_actor
    cited = {c.source for c in claim.cites}
    references = [claim.claim] + [c.quote for c in claim.cites]
    event = project.event_of(claim)
    # Sources already cited by another claim of the same event are known to cover it.
    covering = {c.source for other in project.claims if other.event == claim.event for c in other.cites}
    from .values import evaluate_claim
    cited_values = [cv.value for cv in evaluate_claim(project, claim)[0] if cv.value is not None]
    found: list[Suggestion] = []
    for source in project.manifest.sources:
        article = project.articles.get(source.id)
        if source.id in cited or article is None:
            continue
        for start, end in sentences(article.text):
            passage = article.text[start:end]
            if len(passage) > 2000:
                continue  # not a sentence: a page of text without punctuation
            wording = max(fuzz.token_set_ratio(passage, ref, processor=str.lower) * 0.5
                          + fuzz.partial_ratio(passage, ref, processor=str.lower) * 0.5 for ref in references)
            signals = [f"wording {wording:.0f}"]
            value = _states_a_value(claim, passage, project, source.timezone, cited_values)
            score = wording * 0.75 + (value[1] if value else 0.0)
            if value:
                signals.append(f"states {value[0]}")
            named = read_actor(passage, event)[2] if event and event.entities and claim.type != "actor" else []
            if named:
                score += 5.0 * min(2, len(named))
                signals.append(f"names {', '.join(named)}")
            if source.id in covering:
                score += 10.0
                signals.append("covers this event")
            if score >= MIN_SCORE:
                found.append(Suggestion(source.id, round(score, 1), start, end, line_of(article.text, start),
                                        passage, tuple(signals)))
    found.sort(key=lambda s: (-s.score, s.source, s.start))
    return found[:limit]
