"""`claimcheck suggest`: sentences of the sources that do not cite a claim yet, ranked by how likely they state it.

Two ways to find candidates, one way to score them: a scan reads every sentence of every article; with an
archive index (`claimcheck index`) a full-text query on the claim's rarest words picks a few hundred
sentences first. Either way each candidate is read from its article and scored by `_Scorer`, so both
give the same ranking whenever the query finds the sentences the scan ranks first.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .anchor import line_of, normalize, sentences
from .model import Claim, Source
from .project import Project

MIN_SCORE = 35.0
CANDIDATES = 300  # sentences the index proposes for scoring
QUERY_WORDS = 64  # the rarest words of the claim and its quotes that make the query
# The engine ranks every sentence holding a query word: words are taken rarest first while the sentences
# they are in add up to this (at 100,000 articles, 64 words cost 0.5 s, the rarest within budget 0.02 s).
POSTINGS = 50_000
MIN_WORDS = 3
COMPATIBLE = 35.0  # the bonus of a value that agrees with a cited one: above wording alone


@dataclass(frozen=True)
class Suggestion:
    source: str
    score: float
    start: int
    end: int
    line: int
    passage: str
    signals: tuple[str, ...]  # why it ranks: wording, and the kind of value it states
    also: tuple[str, ...] = ()  # other sources with the same sentence (a wire copy, a syndicated story)


def _value_words(values: list) -> list[str]:
    """How a cited date may be written elsewhere: its weekday, month and day (figures are in the quotes)."""
    out: list[str] = []
    for value in values:
        day = getattr(value, "date", None)
        if day is not None:
            out += [day.strftime("%A").lower(), day.strftime("%B").lower(), day.strftime("%b").lower(), str(day.day)]
    return out


def _relates(found, cited: list) -> bool:
    from .kinds import group, relate
    for value in cited:
        try:
            if group(value) == group(found) and relate(found, value, "a", "b").kind in ("agree", "reconcilable"):
                return True
        except (KeyError, TypeError, ValueError):
            continue
    return False


def _states_a_value(claim: Claim, passage: str, project: Project, source: Source,
                    cited: list) -> tuple[str, float] | None:
    """(what the sentence states, bonus): most for a value that agrees with the cited ones ("roughly 25
    minutes" for "about 25 minutes"), less for another value of the same kind."""
    if claim.type == "date":
        from .dates import read_date, resolve
        value, _ = read_date(passage, source.timezone)
        if value is None:
            return None
        from .sources import published_at
        known = [v.date for v in cited if getattr(v, "date", None)]
        when = published_at(source)
        # A bare "Wednesday" is placed only by the article's own date, and a clock time alone not at all:
        # the nearest Wednesday to the cited dates would always look close.
        placed = value.day is not None or (when is not None and (value.weekday is not None
                                                                   or value.relative is not None))
        resolved = resolve(value, known, when.date() if when else None)
        if placed and resolved.date and any(abs((resolved.date - d).days) <= 1 for d in known):
            return "a date within a day of the cited ones", COMPATIBLE  # one day off may be another zone
        return "a date or time", 20.0
    if claim.type in ("duration", "number"):
        from .quantities import Quantity, read_quantities
        kinds = {v.dimension for v in cited if hasattr(v, "dimension")} or ({"time"} if claim.type == "duration"
                                                                             else set())
        found = [q for q in read_quantities(passage, source.language)
                 if isinstance(q, Quantity) and (not kinds or q.dimension in kinds)]
        if not found:
            return None
        if any(_relates(q, cited) for q in found):
            return "a value compatible with the cited ones", COMPATIBLE
        return f"a {claim.type} of the cited kind", 20.0
    if claim.type == "actor":
        from .values import read_actor
        _, _, named = read_actor(passage, project.event_of(claim))
        return (f"who: {', '.join(named)}", 25.0) if named else None
    return None


class _Scorer:
    """Scores one passage for one claim; built once per claim (its references, cited values, names)."""

    def __init__(self, project: Project, claim: Claim):
        from .values import evaluate_claim
        self.project, self.claim = project, claim
        self.references = [claim.claim] + [c.quote for c in claim.cites]
        self.event = project.event_of(claim)
        # Sources already cited by another claim of the same event are known to cover it.
        self.covering = {c.source for other in project.claims if other.event == claim.event for c in other.cites}
        self.cited_values = [cv.value for cv in evaluate_claim(project, claim)[0] if cv.value is not None]
        self.words = self._reference_words()

    def _reference_words(self) -> set[str]:
        """The content words of the claim, its quotes and the words of its cited values (weekday, month,
        figures): a passage sharing none of them is about something else."""
        from .archive import words
        from .lexicon import content_words
        out = content_words(words(self.claim.claim))
        for cite in self.claim.cites:
            source = self.project.manifest.get(cite.source)
            out |= content_words(words(cite.quote), source.language if source else None)
        return out | set(_value_words(self.cited_values))

    def _shares_words(self, passage: str, source: Source) -> bool:
        from .archive import words
        from .lexicon import content_words
        return not content_words(words(passage), source.language).isdisjoint(self.words)

    def score(self, source: Source, text: str, start: int, end: int) -> Suggestion | None:
        from rapidfuzz import fuzz
        from .values import read_actor
        passage = text[start:end]
        if len(passage) > 2000:
            return None  # not a sentence: a page of text without punctuation
        wording = max(fuzz.token_set_ratio(passage, ref, processor=str.lower) * 0.5
                      + fuzz.partial_ratio(passage, ref, processor=str.lower) * 0.5 for ref in self.references)
        signals = [f"wording {wording:.0f}"]
        value = _states_a_value(self.claim, passage, self.project, source, self.cited_values)
        score = wording * 0.75 + (value[1] if value else 0.0)
        if value:
            signals.append(f"states {value[0]}")
        named = read_actor(passage, self.event)[2] if self.event and self.event.entities \
            and self.claim.type != "actor" else []
        if named:
            score += 5.0 * min(2, len(named))
            signals.append(f"names {', '.join(named)}")
        if source.id in self.covering:
            score += 10.0
            signals.append("covers this event")
        if score < MIN_SCORE:
            return None
        if not named and not (value and value[1] >= COMPATIBLE) and not self._shares_words(passage, source):
            return None  # a date or a figure alone, in a sentence about something else
        return Suggestion(source.id, round(score, 1), start, end, line_of(text, start), passage, tuple(signals))


def _ranked(found: list[Suggestion], limit: int) -> list[Suggestion]:
    """Best first; the same sentence in several articles is one suggestion naming the others."""
    found.sort(key=lambda s: (-s.score, s.source, s.start))
    groups: dict[str, int] = {}
    out: list[Suggestion] = []
    for suggestion in found:
        key = normalize(suggestion.passage).text
        if key in groups:
            first = out[groups[key]]
            out[groups[key]] = replace(first, also=first.also + (suggestion.source,))
            continue
        if len(out) < limit:
            groups[key] = len(out)
            out.append(suggestion)
    return out


def suggest(project: Project, claim: Claim, limit: int = 5) -> list[Suggestion]:
    """The best sentences, at most `limit`, from sources that do not cite the claim yet: every sentence
    of every article is scored."""
    scorer = _Scorer(project, claim)
    cited = {c.source for c in claim.cites}
    found: list[Suggestion] = []
    for source in project.manifest.sources:
        article = project.articles.get(source.id)
        if source.id in cited or article is None:
            continue
        for start, end in sentences(article.text):
            hit = scorer.score(source, article.text, start, end)
            if hit:
                found.append(hit)
    return _ranked(found, limit)


@dataclass(frozen=True)
class IndexedSearch:
    suggestions: list[Suggestion]
    query: tuple[str, ...]  # the words the index was asked for
    candidates: int  # sentences it proposed
    rescanned: tuple[str, ...]  # sources changed since indexing: read in full instead


def query_words(texts: list[str], frequencies: Callable[[list[str]], dict[str, int]]) -> list[str]:
    """The rarest words of `texts` that the archive holds, what sets these sentences apart: rarest first,
    while the sentences they are in stay within POSTINGS (at least MIN_WORDS words)."""
    from .archive import words
    candidates = list(dict.fromkeys(w for text in texts for w in words(text)))
    counts = frequencies(candidates)
    chosen, postings = [], 0
    for n, word in sorted((counts[w], w) for w in candidates if counts.get(w)):
        if len(chosen) >= QUERY_WORDS or (postings + n > POSTINGS and len(chosen) >= MIN_WORDS):
            break
        chosen.append(word)
        postings += n
    return chosen


def suggest_indexed(project: Project, claim: Claim, index, source_for: Callable[[str], Source | None],
                    changed: set[str], limit: int = 5) -> IndexedSearch:
    """Like `suggest`, but only the sentences the index proposes are scored, plus every sentence of the
    sources in `changed` (their articles changed since they were indexed)."""
    from .sources import read_article
    scorer = _Scorer(project, claim)
    cited = {c.source for c in claim.cites}
    names = [n for names in scorer.event.entities.values() for n in names] if scorer.event and \
        scorer.event.entities else []
    query = query_words(sorted(scorer.words) + names, index.frequencies)
    hits = index.search(query, CANDIDATES)
    by_source: dict[str, list[tuple[int, int]]] = {}
    for hit in hits:
        if hit.source not in cited:
            by_source.setdefault(hit.source, []).append((hit.start, hit.end))
    indexed_sha = {sid: row.sha256 for sid, row in index.indexed_for(list(by_source)).items()}
    rescanned = set(changed) - cited
    found: list[Suggestion] = []
    for sid in sorted(set(by_source) | rescanned):
        source = source_for(sid)
        if source is None:
            continue
        article = project.articles.get(sid) or read_article(source)[0]
        if article is None:
            continue
        spans = by_source.get(sid, [])
        if sid in rescanned or article.sha256 != indexed_sha.get(sid):
            rescanned.add(sid)  # the index's offsets are of another text: read this article in full
            spans = sentences(article.text)
        for start, end in spans:
            hit = scorer.score(source, article.text, start, end)
            if hit:
                found.append(hit)
    return IndexedSearch(_ranked(found, limit), tuple(query), len(hits), tuple(sorted(rescanned)))


@dataclass(frozen=True)
class SuggestRun:
    claim: str
    suggestions: list[Suggestion]
    method: str  # "scan" or "index"
    notes: tuple[str, ...]  # hints for the curator: no index, a stale index, articles read in full


SCAN_HINT_SOURCES = 200  # from this many sources a missing index is worth a hint


def run_suggest(claims_path, sources_path, claim_id: str, events: tuple[str, ...], limit: int,
                database: str | None, scan: bool, cache, unknown_claim: Callable[[str, list[str]], str]) -> SuggestRun:
    """Suggest with the archive index when there is a current one, else by scanning every article."""
    from pathlib import Path
    from .archive import changed_since_indexing, manifest_hashes, open_index, source_from_entry
    from .model import Manifest
    from .project import load_cited, load_project, refuse_load_failures
    notes: list[str] = []
    index = None if scan else open_index(database)
    try:
        if index is not None and index.manifests() != manifest_hashes(sources_path):
            notes.append("the archive index was built from another version of the manifest: scanned every "
                         "article instead; run `claimcheck index` to bring it up to date")
            index.close()
            index = None
        if index is None:
            project = load_project([claims_path], sources_path, events, cache=cache)
            refuse_load_failures(project.problems)
            claim = _find(project, claim_id, unknown_claim)
            if not scan and not notes and len(project.manifest.sources) >= SCAN_HINT_SOURCES:
                notes.append(f"no archive index: scanned all {len(project.manifest.sources):,} articles; "
                             "`claimcheck index` makes this fast")
            return SuggestRun(claim_id, suggest(project, claim, limit), "scan", tuple(notes))
        rows: dict[str, Source] = {}

        def manifest_for(ids: set[str]) -> Manifest:
            rows.update({sid: source_from_entry(e) for sid, e in index.source_rows(ids).items()})
            return Manifest(Path(sources_path), tuple(rows[i] for i in sorted(ids) if i in rows))

        def source_for(sid: str) -> Source | None:
            if sid not in rows:
                rows.update({k: source_from_entry(e) for k, e in index.source_rows([sid]).items()})
            return rows.get(sid)

        project = load_cited([claims_path], manifest_for, events, cache=cache)
        refuse_load_failures(project.problems)
        claim = _find(project, claim_id, unknown_claim)
        changed = changed_since_indexing(index)
        _refuse_unreadable(index, changed, source_for)
        found = suggest_indexed(project, claim, index, source_for, changed, limit)
        if found.rescanned:
            many = len(found.rescanned) > 1
            notes.append(f"{len(found.rescanned):,} {'articles' if many else 'article'} changed since "
                         f"{'they were' if many else 'it was'} indexed and {'were' if many else 'was'} read in full; "
                         "run `claimcheck index` to bring the index up to date")
        return SuggestRun(claim_id, found.suggestions, "index", tuple(notes))
    finally:
        if index is not None:
            index.close()


def _refuse_unreadable(index, changed: set[str], source_for) -> None:
    """An article that could not be read when indexed, and still cannot, stops suggest as it stops a scan."""
    from .project import refuse_load_failures
    from .sources import read_article
    for sid in sorted(index.unreadable() & changed):
        source = source_for(sid)
        if source is not None:
            refuse_load_failures(read_article(source)[1])


def _find(project: Project, claim_id: str, unknown_claim) -> Claim:
    from .errors import UsageError
    claim = next((c for c in project.claims if c.id == claim_id), None)
    if claim is None:
        raise UsageError(unknown_claim(claim_id, [c.id for c in project.claims]))
    return claim
