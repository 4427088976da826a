"""`claimcheck draft`: propose a claims file from a pile of articles, for a curator to review.

Each sentence of each source is read for typed facts (quantities, dates and times, quoted speech)
with the same readers `compare` uses. Facts of one kind from different sources are grouped by what
they are about — the content words around the value, never the value itself — so that sources
that disagree land in one claim. Every group stated by two or more sources becomes a claim whose
cites quote the shortest clause holding the fact, exactly as the article writes it. The draft is
then compared like any claims file and ranked: disagreements first, then agreements by voices.

When it is unsure that two sentences speak of the same thing, the draft keeps them apart: a false
merge manufactures a conflict, which is worse than a missed claim.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import lexicon
from .anchor import normalize, sentences
from .check import yaml_string
from .model import Source
from .project import Project
from .yamlread import UNWRITABLE

# Words that say nothing about what a value is about: the lexicon's function words, and the words of values
# themselves (numbers, ordinals, units of time), which every fact has.
_STOPWORDS = frozenset().union(
    *(lexicon.FUNCTION_WORDS[lang] for lang in ("en", "de", "es", "fr")),
    *(lexicon.CARDINALS[lang] for lang in ("en", "de", "es", "fr")),
    *(lexicon.ORDINALS[lang] for lang in ("en", "de", "es", "fr")),
    "year years day days week weeks time times per cent percent last next".split())
_WORD = re.compile(r"[^\W\d_]{3,}")
_QUOTED = re.compile(r"[“\"«„]([^”\"»“]{25,400})[”\"»“]")
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|which|who|after|before|as|when)\s|,\s")
MIN_SHARED = 2  # content words two facts must share to be taken as the same fact
MIN_OVERLAP = 0.34  # shared words over the smaller set
MAX_QUOTE = 220


@dataclass
class Fact:
    source: Source
    kind: str  # number | duration | date | quote | stance (the same statement)
    dimension: str  # what the value measures (money, percent, time, count…) or "date" / "quote"
    start: int  # the cite's passage in the article text
    end: int
    words: frozenset[str]  # what the value is about
    label: str  # the value as the article writes it
    speech: str = ""  # for quotes: the words inside the marks
    measure: str = ""  # the reading's own dimension (percent, points, money:INR…)
    speaker: str = ""  # for quotes: the name the line attributes them to
    attribution: tuple[int, int] = (0, 0)  # the quote with its attribution, in the article text


@dataclass
class Group:
    facts: list[Fact] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=dict)

    def add(self, fact: Fact) -> None:
        self.facts.append(fact)
        for word in fact.words:
            self.words[word] = self.words.get(word, 0) + 1

    @property
    def sources(self) -> set[str]:
        return {f.source.id for f in self.facts}


_SUFFIXES = ("ing", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    """A light stem so that 'landed', 'landing' and 'lands' meet: suffixes off while 4 letters remain."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _content_words(text: str, exclude: str = "") -> frozenset[str]:
    skip = set(_WORD.findall(exclude.lower()))
    return frozenset(_stem(w) for w in _WORD.findall(normalize(text).text) if w not in _STOPWORDS and w not in skip)


_HEADER = re.compile(r"^\s*[A-Z][A-Za-z ]{1,20}:\s")  # "URL: …", "Published: …", "Source: …"


def _is_prose(sentence: str) -> bool:
    return len(sentence) <= 600 and "://" not in sentence and not _HEADER.match(sentence) \
        and "\n" not in sentence.strip()


def _clause(text: str, start: int, end: int, value_start: int, value_end: int) -> tuple[int, int]:
    """The shortest clause of the sentence [start, end) that holds the value [value_start, value_end)."""
    lo, hi = start, end
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.end() <= value_start:
            lo = m.end()
        elif m.start() >= value_end and hi == end:
            hi = m.start()
    clause = text[lo:hi]
    if len(clause.split()) < 5:  # too short to say what the value is about: the whole sentence
        lo, hi = start, end
    while hi > lo and text[hi - 1] in " ,;:.":
        hi -= 1
    while lo < hi and text[lo] in " ,;:":
        lo += 1
    return lo, hi


def _dimension(value) -> str:
    dimension = getattr(value, "dimension", "count")
    if dimension.startswith("money:"):
        return "money"
    return "points" if dimension in ("percent", "points") else dimension


def read_facts(project: Project, source: Source) -> list[Fact]:
    """Every typed fact of one article, with the clause that states it."""
    from .dates import read_date
    from .quantities import Quantity, VoteSplit, read_quantities
    article = project.articles.get(source.id)
    if article is None:
        return []
    text = article.text
    facts: list[Fact] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if not _is_prose(sentence):
            continue  # a header line, a link, a list: not a statement
        for reading in read_quantities(sentence, source.language):
            if not isinstance(reading, (Quantity, VoteSplit)) or reading.dimension in ("ordinal",):
                continue
            if reading.dimension == "count" and not any(ch.isdigit() for ch in reading.words) \
                    and reading.hi < 10:
                continue  # "the two leaders", "one of the most": incidental words, not a figure reported
            span = getattr(reading, "span", (0, 0))
            vs, ve = start + span[0], start + span[1]
            if ve <= vs:
                found = sentence.find(reading.words)
                if found < 0:
                    continue
                vs, ve = start + found, start + found + len(reading.words)
            lo, hi = _clause(text, start, end, vs, ve)
            kind = "duration" if reading.dimension == "time" else "number"
            words = _content_words(text[max(start, vs - 80):min(end, ve + 80)], reading.words)
            facts.append(Fact(source, kind, _dimension(reading), lo, hi, words, reading.words,
                              measure=reading.dimension))
        value, _ = read_date(sentence, source.timezone, source.language)
        if value is not None and (value.time is not None or value.day is not None or value.weekday is not None):
            lo, hi = _clause(text, start, end, start, end)
            facts.append(Fact(source, "date", "date", lo, hi, _content_words(sentence), value.label()))
        facts.extend(_act_facts(text, start, end, source))
        words = _content_words(sentence)
        if 5 <= len(words) and len(sentence.split()) <= 45:
            lo, hi = _clause(text, start, end, start, end)
            facts.append(Fact(source, "stance", "statement", lo, hi, words, sentence[:60]))
    # Quoted speech runs across sentences: read it from each line, not from each sentence.
    offset = 0
    for line in text.split("\n"):
        if "://" not in line and not _HEADER.match(line):
            for m in _QUOTED.finditer(line):
                speech = m.group(1).strip().rstrip(",")
                if len(speech.split()) >= 5:
                    if len(speech) > MAX_QUOTE:  # the speech's first sentences, still the article's exact words
                        cut = max(speech.rfind(". ", 0, MAX_QUOTE), speech.rfind("; ", 0, MAX_QUOTE))
                        speech = speech[:cut + 1] if cut > 40 else speech[:MAX_QUOTE].rsplit(" ", 1)[0]
                    at = offset + m.start(1)
                    speaker, span = _speaker(line, m.start(), m.end())
                    facts.append(Fact(source, "quote", "quote", at, at + len(speech), _content_words(speech),
                                      speech[:40], speech, speaker=speaker,
                                      attribution=(offset + span[0], offset + span[1]) if speaker else (0, 0)))
        offset += len(line) + 1
    return facts


# Who acted: a run of capitalized words ("Donald Trump", "the U.S. side", "Tokyo", "White House").
_WHO = r"(?:the\s+)?(?P<who>(?:[A-Z][\w’'.-]*)(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3})(?:\s+side)?"


def _act_patterns(language: str | None) -> list[tuple[re.Pattern, dict]]:
    verbs = lexicon.merged("ACT_BY_VERBS", language)
    nouns = lexicon.merged("ACT_NOUNS", language)
    pronouns = lexicon.alternation(p for lang in lexicon.languages_for(language)
                                   for p in lexicon.POSSESSIVE_PRONOUNS.get(lang, ()))
    noun = lexicon.alternation(nouns)
    return [
        (re.compile(rf"\b(?P<act>{lexicon.alternation(verbs)})\s+by\s+{_WHO}"), verbs),
        (re.compile(rf"\bat\s+the\s+(?P<act>{noun})\s+of\s+{_WHO}"), nouns),
        (re.compile(rf"\bat\s+{_WHO}[’']s\s+(?P<act>{noun})\b"), nouns),
        (re.compile(rf"\bat\s+(?P<pronoun>{pronouns})\s+(?P<act>{noun})\b"), nouns),
    ]


def _act_facts(text: str, start: int, end: int, source: Source) -> list[Fact]:
    """Who did it: "initiated by the U.S. side", "at the request of Tokyo", "at his invitation" (a pronoun
    names no one: the cite is drafted without a value)."""
    sentence = text[start:end]
    facts = []
    for pattern, acts in _act_patterns(source.language):
        for m in pattern.finditer(sentence):
            who = (m.groupdict().get("who") or "").strip()
            if who.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", who):
                who = who.rstrip(".")  # the sentence's full stop, not an initial's ("U.S.")
            if who and who.split()[0] in _TITLES and len(who.split()) == 1:
                continue
            lo, hi = _clause(text, start, end, start + m.start(), start + m.end())
            words = _content_words(sentence, who)
            facts.append(Fact(source, "actor", acts[m.group("act").lower()], lo, hi, words,
                              who or m.group("pronoun"), speaker=who))
    return facts


def _actor_id(name: str) -> str:
    """An entity id for a name: "U.S." is "us", "Donald Trump" is "trump" (the last name, as for speakers)."""
    parts = [p for p in re.split(r"[\s.]+", name) if p]
    if parts and all(len(p) == 1 for p in parts):
        return "".join(parts).lower()
    return _entity_id(name)


_ACT_QUESTIONS = {"initiative": "Who initiated it", "host": "Who hosted it", "mediation": "Who mediated it",
                  "order": "Who ordered it"}


def _actor_yaml(group: Group, taken: set[str], project: Project, entities: dict[str, set[str]]) -> str | None:
    """Who did it, as each source says. Values only when every source that names someone names the same
    one: "the U.S." and "Washington" may be one actor, and a guess would manufacture a conflict."""
    best: dict[str, Fact] = {}
    for fact in group.facts:
        best.setdefault(fact.source.id, fact)
    if len(best) < 2:
        return None
    named = {sid: _actor_id(f.speaker) for sid, f in best.items() if f.speaker}
    agree = len(set(named.values())) == 1
    act = group.facts[0].dimension
    top = sorted(group.words, key=lambda w: (-group.words[w], w))[:3]
    claim_id = _ident(f"{act} by " + " ".join(top), taken)
    notes = ["drafted: who each source says acted; check that every cite speaks of the same act"]
    unnamed = sorted({f.label for f in best.values() if not f.speaker})
    if unnamed:
        notes.append(f"'{', '.join(unnamed)}' names no one: say who with `value:`")
    if named and not agree:
        names = ", ".join(sorted({best[sid].speaker for sid in named}))
        notes.append(f"the sources name {names}: give the cites that mean one actor the same `value:`")
    statement = f"{_ACT_QUESTIONS.get(act, 'Who did it')} ({', '.join(top)})" if top else _ACT_QUESTIONS.get(act, "Who did it")
    lines = [f"  - id: {claim_id}", f"    claim: {yaml_string(statement)}", "    type: actor",
             f"    note: {yaml_string('; '.join(notes))}", "    cites:"]
    cites = 0
    for sid, fact in best.items():
        article = project.articles[sid].text
        quote = article[fact.start:fact.end]
        if not _citable(quote, article):
            continue
        lines += [f"      - source: {sid}", f"        quote: {yaml_string(quote)}"]
        if sid in named and agree:
            entities.setdefault(named[sid], set()).add(fact.speaker)
            lines.append(f"        value: {named[sid]}")
        cites += 1
    return "\n".join(lines) + "\n" if cites >= 2 else None


def _topic_words(project: Project, sources: list[Source]) -> set[str]:
    if len(sources) < 6:
        return set()  # with a handful of sources, shared words are as often the fact as the event
    counts: dict[str, int] = {}
    for source in sources:
        for word in _content_words(project.articles[source.id].text):
            counts[word] = counts.get(word, 0) + 1
    return {w for w, n in counts.items() if n >= max(3, (3 * len(sources) + 3) // 4)}


# A name: capitalized words, initials allowed ("S. Somanath", "PM Narendra Modi", "Sanae Takaichi").
_NAME = re.compile(r"(?:[A-Z]\.\s?|[A-Z]\s)*[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.\s?|[A-Z]\s)*[A-Z][a-z’'-]+){0,3}")
_SAYS = re.compile(r"\b(?:said|says|told|added|announced|announces|declared|stated|wrote|tweeted|posted)\b")
_TITLES = frozenset("President Prime Minister PM Mr Mrs Ms Dr Chief Chairman Secretary General Premier "
                    "Chancellor King Queen Sen Rep Gov Governor Mayor Director Spokesman Spokeswoman".split())


_SAY = r"(?:said|says|told|added|announced|announces|declared|stated|wrote|tweeted|posted)"
_TITLE_WORDS = r"(?:(?:[A-Z]{2,}|[a-z]+|PM|President|Prime Minister|Minister|Chief|Chairman)\s+){0,3}"
_AFTER = re.compile(rf"[\s,.:;”\"’']*(?:{_SAY}\s+{_TITLE_WORDS}(?P<a>{_NAME.pattern})|{_TITLE_WORDS}"
                    rf"(?P<b>{_NAME.pattern})\s+{_SAY})")
_BEFORE = re.compile(rf"(?P<n>{_NAME.pattern})\s+{_SAY}[\s,:]*[“\"«]?$")


def _speaker(line: str, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The name a line gives as the quote's speaker, right beside it ("…,” said S. Somanath";
    "…,” PM Narendra Modi said"; "Modi said: “…”"); none when the line does not say it plainly."""
    m = _AFTER.match(line, end)
    if m:
        name = m.group("a") or m.group("b")
        if name.split()[-1] not in _TITLES:
            return name, (start, m.end())
    m = _BEFORE.search(line, max(0, start - 80), start + 1)
    if m and m.group("n").split()[-1] not in _TITLES:
        return m.group("n"), (m.start(), end)
    return "", (0, 0)


def _entity_id(name: str) -> str:
    last = [w for w in re.split(r"[\s.]+", name) if w and w not in _TITLES][-1:]
    return re.sub(r"[^a-z0-9]+", "-", normalize(last[0] if last else name).text).strip("-") or "someone"


def _similar(fact: Fact, group: Group) -> float:
    if fact.kind != group.facts[0].kind or fact.dimension != group.facts[0].dimension:
        return 0.0
    if fact.source.id in group.sources:
        return 0.0
    if fact.kind == "actor":  # the same act ("initiated", "at the invitation of"): one question per event
        return 0.5
    if fact.kind == "quote":
        from rapidfuzz import fuzz
        best = max(fuzz.token_set_ratio(fact.speech, f.speech) for f in group.facts)
        return best / 100 if best >= 75 else 0.0
    if fact.kind == "stance":  # the same statement: most of its content words, in other words
        first = group.facts[0].words
        shared = len(fact.words & first)
        overlap = shared / max(1, min(len(fact.words), len(first)))
        return overlap if shared >= 3 and overlap >= 0.5 else 0.0
    shared = [w for w in fact.words if w in group.words]
    if len(shared) < MIN_SHARED:
        return 0.0
    overlap = len(shared) / max(1, min(len(fact.words), len(group.words)))
    return overlap if overlap >= MIN_OVERLAP else 0.0


def group_facts(facts: list[Fact]) -> list[Group]:
    """Greedy grouping by what the facts are about; a fact joins the most similar group, else starts one."""
    groups: list[Group] = []
    for fact in facts:
        scored = [(_similar(fact, g), i) for i, g in enumerate(groups)]
        best = max(scored, default=(0.0, -1))
        if best[0] > 0:
            groups[best[1]].add(fact)
        else:
            group = Group()
            group.add(fact)
            groups.append(group)
    # A second look for facts left alone: a group that grew after them may now share enough words
    # ("took 40 days to reach" came before the group of "took 41 days to reach" and "41-day voyage to reach").
    for group in [g for g in groups if len(g.facts) == 1]:
        fact = group.facts[0]
        scored = [(_similar(fact, g), i) for i, g in enumerate(groups) if g is not group and len(g.facts) > 1]
        best = max(scored, default=(0.0, -1))
        if best[0] > 0:
            groups[best[1]].add(fact)
            group.facts.clear()
    return [g for g in groups if g.facts]


SHINGLE = 10  # words
NEAR_COPY_SHINGLES = 30  # shared 10-word runs: about 40 consecutive words, 250 characters or more


def _shingles(text: str) -> set[int]:
    words = normalize(text).text.split()
    return {hash(tuple(words[i:i + SHINGLE])) for i in range(max(0, len(words) - SHINGLE + 1))}


def _near_copies(project: Project, sources: list[Source]) -> dict[str, str]:
    """source id -> the earlier source it copies (a long shared passage): near-copies count as one voice.

    Word shingles, not a character alignment: linear in the articles' length (difflib took 100 s on
    26 articles that share sentences)."""
    copies: dict[str, str] = {}
    shingles = {s.id: _shingles(project.articles[s.id].text) for s in sources if s.id in project.articles}
    ids = list(shingles)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if b not in copies and len(shingles[a] & shingles[b]) >= NEAR_COPY_SHINGLES:
                copies[b] = a
    return copies


def _ident(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", normalize(text).text).strip("-")[:40].strip("-") or "claim"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def _unit(group: Group) -> str | None:
    """The claim's `unit:`, so that each cite's quote is read for the grouped quantity."""
    from .quantities import known_unit
    measures = {f.measure for f in group.facts}
    if measures == {"percent"}:
        return "percent"
    if measures <= {"percent", "points"}:
        return "percentage points"
    dimension = group.facts[0].dimension
    unit = {"split": "votes"}.get(dimension, dimension)
    return unit if known_unit(unit) else None


def _citable(quote: str, article: str, longest: int = MAX_QUOTE) -> bool:
    """A quote a draft may write: short, in its article exactly once (else a curator would need prefix and
    suffix), and free of characters a claims file may not hold."""
    return bool(quote.strip()) and len(quote) <= longest and not UNWRITABLE.search(quote) \
        and article.count(quote) == 1


def _speaker_yaml(group: Group, taken: set[str], project: Project, entities: dict[str, set[str]]) -> str | None:
    """Who said it: an actor claim when two or more sources attribute the same quoted words."""
    best: dict[str, Fact] = {}
    for fact in group.facts:
        if fact.speaker and fact.source.id not in best:
            best[fact.source.id] = fact
    if len(best) < 2:
        return None
    claim_id = _ident("speaker " + " ".join(sorted(group.words, key=lambda w: (-group.words[w], w))[:3]), taken)
    opening = " ".join(group.facts[0].speech.split()[:8])
    lines = [f"  - id: {claim_id}", f"    claim: {yaml_string(f'Who said “{opening}…”')}", "    type: actor",
             f"    note: {yaml_string('drafted: the speaker each source names beside the quoted words; check the names')}",
             "    cites:"]
    cites = 0
    for sid, fact in best.items():
        article = project.articles[sid].text
        quote = " ".join(article[fact.attribution[0]:fact.attribution[1]].split())
        if not _citable(quote, article, MAX_QUOTE + 80):  # the quoted words with who said them
            continue
        entity = _entity_id(fact.speaker)
        entities.setdefault(entity, set()).add(fact.speaker)
        lines += [f"      - source: {sid}", f"        quote: {yaml_string(quote)}", f"        value: {entity}"]
        cites += 1
    return "\n".join(lines) + "\n" if cites >= 2 else None


def _claim_yaml(group: Group, claim_id: str, project: Project, copies: dict[str, str]) -> str | None:
    from .ingest import propose_via
    best: dict[str, Fact] = {}
    for fact in group.facts:
        best.setdefault(fact.source.id, fact)
    kind, dimension = group.facts[0].kind, group.facts[0].dimension
    top = sorted(group.words, key=lambda w: (-group.words[w], w))[:4]
    shared = [w for w in top if group.words[w] > 1] or top[:2]
    if kind == "quote":
        statement = f"Words quoted by {len(best)} sources: “{group.facts[0].speech[:60]}…”"
    elif kind == "date":
        statement = f"When it happened ({', '.join(shared)})"
    elif kind == "stance":
        opening = " ".join(project.articles[group.facts[0].source.id].text[group.facts[0].start:
                                                                          group.facts[0].end].split()[:12])
        statement = f"Whether: {opening}…"
    else:
        statement = f"The {dimension} figure given for: {', '.join(shared)}"
    lines = [f"  - id: {claim_id}", f"    claim: {json.dumps(statement, ensure_ascii=False)}", f"    type: {kind}"]
    unit = _unit(group) if kind == "number" else None
    if unit:
        lines.append(f"    unit: {unit}")
    what = {"quote": "quotation", "stance": "statement with the same words"}.get(kind, dimension)
    note = (f"drafted: {len(best)} sources give a {what} near the words {', '.join(shared)}; check that every cite "
            "speaks of the same thing and delete the ones that do not")
    lines.append(f"    note: {json.dumps(note, ensure_ascii=False)}")
    lines.append("    cites:")
    cites = 0
    for sid, fact in best.items():
        article = project.articles[sid].text
        quote = article[fact.start:fact.end]
        if not _citable(quote, article):
            continue
        lines.append(f"      - source: {sid}")
        lines.append(f"        quote: {yaml_string(quote)}")
        via = fact.source.via or propose_via(article)
        if via is None and sid in copies:
            origin = project.manifest.get(copies[sid])
            via = (origin.outlet or origin.id) if origin else None
        if via and not fact.source.via:
            lines.append(f"        via: {json.dumps(via, ensure_ascii=False)}")
        cites += 1
    return "\n".join(lines) + "\n" if cites >= 2 else None


def draft(project: Project, event_id: str, title: str | None, source_ids: list[str] | None,
          limit: int | None) -> str:
    """The text of a claims file for `event_id`, ranked for review."""
    import tempfile

    from .compare import compare_project
    from .errors import UsageError
    from .loader import load_claims_file
    from .model import Verdict
    from .model import Manifest
    from .project import load_cited
    wanted = source_ids or [s.id for s in project.manifest.sources]
    unknown = [s for s in wanted if project.manifest.get(s) is None]
    if unknown:
        raise UsageError(f"unknown source '{unknown[0]}'; see the manifest for the ids")
    sources = [project.manifest.get(s) for s in wanted if s in project.articles]
    facts = [f for s in sources for f in read_facts(project, s)]
    # Words that half the sources use name the event itself ("moon", "chandrayaan"), not what a value is
    # about: they would merge every date of the event into one claim.
    topic = _topic_words(project, sources)
    for fact in facts:
        fact.words = frozenset(w for w in fact.words if w not in topic)
    groups = [g for g in group_facts(facts) if len(g.sources) >= 2]
    copies = _near_copies(project, sources)
    taken: set[str] = set()
    blocks = []
    entities: dict[str, set[str]] = {}
    for group in groups:
        fact = group.facts[0]
        if fact.kind == "actor":
            block = _actor_yaml(group, taken, project, entities)
            if block:
                blocks.append(block)
            continue
        seed = f"{fact.dimension if fact.kind != 'quote' else 'quote'} {' '.join(sorted(group.words, key=lambda w: (-group.words[w], w))[:3])}"
        block = _claim_yaml(group, _ident(seed, taken), project, copies)
        if block:
            blocks.append(block)
    for group in groups:
        if group.facts[0].kind == "quote":
            block = _speaker_yaml(group, taken, project, entities)
            if block:
                blocks.append(block)
    title = title or f"Drafted from {len(sources)} source{'' if len(sources) == 1 else 's'}"
    head = ("# Drafted by claimcheck draft: every claim is a proposal. Review each one: delete cites that speak\n"
            "# of something else, merge claims about one fact, add `value:` where a quote is unread.\n"
            f"event:\n  id: {event_id}\n  title: {json.dumps(title, ensure_ascii=False)}\n")
    if entities:
        head += "entities:\n" + "".join(f"  {eid}: [{', '.join(yaml_string(n) for n in sorted(names))}]\n"
                                        for eid, names in sorted(entities.items()))
    head += "claims:\n"
    if not blocks:
        return head.replace("claims:\n", "claims: []\n")
    # Rank with the machinery every claims file goes through: disagreements first, then voices.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.yaml"
        path.write_text(head + "".join(blocks), encoding="utf-8")
        # Only the drafted sources' articles are read again: a draft from an archive must not read it all.
        drafted = load_cited([path], lambda ids: Manifest(project.manifest.path, tuple(
            project.manifest.get(i) for i in sorted(ids) if project.manifest.get(i))))
        results = compare_project(drafted)
        keep = {f.id for f in load_claims_file(path)[0].claims}
    order = {Verdict.CONFLICT: 0, Verdict.RECONCILABLE: 1, Verdict.VARIANT: 2, Verdict.AGREED: 3,
             Verdict.UNCONFIRMED: 4, Verdict.SINGLE_SOURCE: 5, Verdict.UNCITED: 6}
    by_id = {r.claim.id: r for r in results}
    from .compare import voice_of
    ranked = sorted((b for b in blocks if b.split("\n", 1)[0][len("  - id: "):] in keep),
                    key=lambda b: _rank(by_id.get(b.split("\n", 1)[0][len("  - id: "):]), order, voice_of))
    if limit is not None:
        ranked = ranked[:limit]
    return head + "".join(ranked)


def _rank(result, order, voice_of):
    if result is None:
        return (9, 0)
    usable = [cv for cv in result.values if cv.value is not None or cv.stance]
    voices = len({voice_of(cv) for cv in usable})
    return (order[result.verdict], -voices)
