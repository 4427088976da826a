"""Anchoring quotes in articles: exact, then normalized, then fuzzy, with spans in original characters."""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass

FUZZY_THRESHOLD = 80.0  # absent quotes score ≤ ~62, real ones with ≤15 % edits ≥ ~85 (NOTES.md)
MIN_FUZZY_CHARS = 12  # below this one edit is already a different word
MAX_OCCURRENCES = 1000
MAX_FUZZY_TEXT = 25_000_000  # above the article limit: a 10 MB article is searched in ~0.2 s
MAX_FUZZY_QUOTE = 5_000  # longer quotes are matched exactly or after normalization only

_QUOTE_MAP = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\u0060\u00b4"}
_QUOTE_MAP.update({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})
_DASH_MAP = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_CHAR_MAP = {**_QUOTE_MAP, **_DASH_MAP}


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, per character, the offset of the original character it came from.

    Every normalized character comes from exactly one original character, so that character's
    end is its start + 1 and only starts are kept (4 bytes per character).
    """

    text: str
    starts: array

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.starts[end - 1] + 1


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return "".join(_CHAR_MAP.get(c, c) for c in folded if c not in _ZERO_WIDTH)


# Whitespace other than a lone space, and characters that plain lowercasing would not handle.
_SPECIAL = re.compile(r"\s{2,}|[^\S ]|[^\x00-\x7f]|`")


def normalize(text: str) -> Normalized:
    """NFKC, straight quotes, one dash, one space per whitespace run, casefold, no zero-width characters."""
    out: list[str] = []
    starts = array("i")
    memo: dict[str, str] = {}
    pending_space = -1  # where the current whitespace run began; it becomes one space before the next char

    def emit(piece: str, first: int) -> None:
        # `piece` has one output character per input character from `first`, except a single
        # expanded character (NFKC of a ligature), whose characters all point back to it.
        nonlocal pending_space
        after_space = not out or out[-1].endswith(" ")
        if pending_space >= 0 and not after_space and not piece.startswith(" "):
            out.append(" ")
            starts.append(pending_space)
            after_space = True
        pending_space = -1
        if after_space and piece.startswith(" "):  # a lone space next to a run already emitted
            piece, first = piece[1:], first + 1
            if not piece:
                return
        out.append(piece)
        starts.extend([first] * len(piece) if expanded else range(first, first + len(piece)))

    pos = 0
    expanded = False
    for match in _SPECIAL.finditer(text):
        if match.start() > pos:
            emit(text[pos:match.start()].lower(), pos)  # plain ASCII and lone spaces: lowercase is enough
        ch = match.group()
        if ch[0].isspace():
            if pending_space < 0:
                pending_space = match.start()
        else:
            folded = memo.get(ch)
            if folded is None:
                folded = memo[ch] = "" if ch in _ZERO_WIDTH else (_CHAR_MAP.get(ch) or _fold(ch))
            i = match.start()
            for part in re.split(r"(\s+)", folded):  # NFKC can make spaces ("¸" is a space and a mark)
                if not part:
                    continue
                if part[0].isspace():
                    if pending_space < 0:
                        pending_space = i
                else:
                    expanded = len(part) > 1
                    emit(part, i)
                    expanded = False
        pos = match.end()
    if pos < len(text):
        emit(text[pos:].lower(), pos)
    normalized = "".join(out)
    if normalized.endswith(" "):  # a lone trailing space
        normalized = normalized[:-1]
        del starts[-1]
    return Normalized(normalized, starts)


_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_NUMBER_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                 "eighty ninety hundred thousand million billion trillion lakh crore half dozen first "
                 "second third fourth fifth").split()
_NEGATIONS = "not no never nor none without cannot n't".split()
_FACT_WORDS = frozenset(_WEEKDAYS + _MONTHS + _NUMBER_WORDS + _NEGATIONS)
_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|n't|[^\W\d_]+")


_CANONICAL = {abbr: full for full in "january february march april may june july august september october "
              "november december".split() for abbr in (full[:3], full[:4] if full == "september" else full[:3])}
_CANONICAL.update({w: str(i) for i, w in enumerate(_NUMBER_WORDS[:20])})
_CANONICAL.update({w: "not" for w in _NEGATIONS})  # one polarity: "no" for "not" keeps the meaning
_NEGATION_SET = frozenset(_NEGATIONS)


def _is_fact(token: str) -> bool:
    return token[0].isdigit() or token in _FACT_WORDS


def fact_differences(quote: str, passage: str) -> list[tuple[str, str]]:
    """(quote says, passage says) for each fact the quote changes, aligned word by word.

    A fact word replaced by a different one ("monday"/"tuesday", "25"/"2") or a negation
    dropped or added is a change; a misspelled fact word ("tuesdy", "noot") is a typo.
    """
    said, found = _TOKEN_RE.findall(quote), _TOKEN_RE.findall(passage)
    facts = [Counter(_CANONICAL.get(t, t) for t in words if _is_fact(t)) for words in (said, found)]
    if facts[0] == facts[1]:
        return []  # the same facts (a typo may sit elsewhere): no alignment needed
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein
    changes = []
    for tag, q1, q2, p1, p2 in Levenshtein.opcodes(said, found):
        if tag == "equal":
            continue
        qs, ps = said[q1:q2], found[p1:p2]
        pairs = list(zip(qs, ps)) + [(q, "") for q in qs[len(ps):]] + [("", p) for p in ps[len(qs):]]
        for q, p in pairs:
            q_fact, p_fact = bool(q) and _is_fact(q), bool(p) and _is_fact(p)
            if not q_fact and not p_fact:
                continue
            if q_fact and p_fact:
                if _CANONICAL.get(q, q) != _CANONICAL.get(p, p):
                    changes.append((q, p))
            elif q_fact:  # the quote states a fact where the passage has none, unless it is a typo
                if q[0].isdigit() or q in _NEGATION_SET or fuzz.ratio(q, p) < 80:  # "one" for "on" is
                    changes.append((q, p))
            elif not q:  # the passage's fact is missing from the quote: only a lost negation matters,
                # and the word alignment may have paired its misspelling with a neighbour
                near = said[max(0, q1 - 1):q2 + 1]
                if p in _NEGATION_SET and not any(fuzz.ratio(w, p) >= 60 for w in near):
                    changes.append(("", p))
            elif fuzz.ratio(q, p) < 50:
                changes.append((q, p))  # not a misspelling of the passage's fact word
    return changes


@dataclass(frozen=True)
class Anchor:
    status: str  # found | ambiguous | fuzzy | changed | absent | empty
    method: str | None = None  # exact | normalized | fuzzy
    score: float = 0.0
    start: int | None = None
    end: int | None = None
    occurrences: int = 0
    differences: tuple[tuple[str, str], ...] = ()  # (quote says, article says) fact tokens

    @property
    def found(self) -> bool:
        return self.status in ("found", "ambiguous", "fuzzy")

    @property
    def span(self) -> tuple[int, int] | None:
        return None if self.start is None else (self.start, self.end)


def _occurrences(haystack: str, needle: str) -> list[int]:
    positions = []
    at = haystack.find(needle)
    while at >= 0 and len(positions) < MAX_OCCURRENCES:
        positions.append(at)
        at = haystack.find(needle, at + 1)
    return positions


def _context_matches(norm: Normalized, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    text = norm.text
    if prefix:
        p = normalize(prefix).text
        if not text[:start].rstrip().endswith(p):
            return False
    if suffix:
        s = normalize(suffix).text
        if not text[end:].lstrip().startswith(s):
            return False
    return True


def anchor_quote(article_text: str, norm: Normalized, quote: str, prefix: str | None = None,
                 suffix: str | None = None) -> Anchor:
    """Find `quote` in the article; `norm` is `normalize(article_text)`, computed once per article."""
    needle = normalize(quote).text
    if not needle:
        return Anchor("empty")
    positions = _occurrences(norm.text, needle)
    if positions:
        chosen = [p for p in positions if _context_matches(norm, p, p + len(needle), prefix, suffix)]
        if not chosen:
            return Anchor("absent", occurrences=len(positions))
        start, end = norm.span(chosen[0], chosen[0] + len(needle))
        method = "exact" if article_text[start:end] == quote else "normalized"
        status = "found" if len(chosen) == 1 else "ambiguous"
        return Anchor(status, method, 100.0, start, end, len(chosen))
    return _fuzzy(norm, needle)


def _fuzzy(norm: Normalized, needle: str) -> Anchor:
    text = norm.text
    if len(needle) < MIN_FUZZY_CHARS or len(needle) > len(text) or len(needle) > MAX_FUZZY_QUOTE \
            or len(text) > MAX_FUZZY_TEXT:
        return Anchor("absent")
    from rapidfuzz import fuzz
    alignment = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_THRESHOLD - 15)
    if alignment is None:
        return Anchor("absent")
    s, e, distance = _refine(needle, text, alignment.dest_start, alignment.dest_end)
    score = round(100.0 * (1 - distance / max(len(needle), e - s, 1)), 1)
    start, end = norm.span(s, e)
    if score < FUZZY_THRESHOLD:
        return Anchor("absent", score=score, start=start, end=end)
    differences = fact_differences(needle, text[s:e])
    if differences:
        return Anchor("changed", "fuzzy", score, start, end, 1, tuple(differences))
    return Anchor("fuzzy", "fuzzy", score, start, end, 1)


def _is_edge(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def _refine(needle: str, text: str, s0: int, e0: int) -> tuple[int, int, int]:
    """Move both ends of the window to where the edit distance to the quote is smallest."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein
    limit = max(5, len(needle) // 5)  # an end can be off by as many edits as the threshold allows
    n = len(text)

    def best(windows: list[tuple[int, int]], current: tuple) -> tuple:
        # One C call scores a whole sweep. Quotes are cut at word edges, so an end inside a word
        # costs like a few edits; ties go to the window nearest the first guess.
        scored = process.extract(needle, [text[s:e] for s, e in windows], scorer=Levenshtein.distance,
                                 limit=None, score_cutoff=current[0])
        for _, distance, i in scored:  # sorted by distance: none after this can beat `current`
            if distance > current[0]:
                break
            s, e = windows[i]
            inside = (not _is_edge(text, s)) + (not _is_edge(text, e))
            current = min(current, (distance + 3 * inside, distance, abs(s - s0) + abs(e - e0), s, e))
        return current

    def sweep(found: tuple, move_start: bool) -> tuple:
        # The whole reach every time: distance along one end is not unimodal ("on Tues…" only
        # pays off once "day" lines up), so stopping at a local minimum would cut quotes short.
        s, e = found[3], found[4]
        if move_start:
            return best([(x, e) for x in range(max(0, s - limit), min(e, s + limit + 1))], found)
        return best([(s, x) for x in range(max(s + 1, e - limit), min(n, e + limit) + 1)], found)

    e0 = max(e0, s0 + 1)
    distance = Levenshtein.distance(needle, text[s0:e0])
    found = (distance + 3 * ((not _is_edge(text, s0)) + (not _is_edge(text, e0))), distance, 0, s0, e0)
    for _ in range(2):  # a second round only when the first moved an end
        before = found[3:]
        found = sweep(sweep(found, True), False)
        if found[3:] == before:
            break
    return found[3], found[4], found[1]


# A sentence ends at . ! ? … plus closing quotes and space, but not after "U.S." or "Oct.".
_ABBREVIATIONS = "".join(rf"(?<!\b{a}\.)" for a in ("Mr", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
                                                      "Aug", "Sep", "Oct", "Nov", "Dec", "No", "vs", "Gen"))
_SENTENCE_END = re.compile(rf"(?<=[.!?…])(?<![A-Z]\.[A-Z]\.){_ABBREVIATIONS}[\"'”’)\]]*\s+|\n+")


def context(text: str, start: int, end: int, limit: int = 300) -> tuple[str, str, str]:
    """The quoted passage with the sentence before and after it (each side capped at `limit` chars)."""
    bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
    before_starts = [b for b in bounds if b <= start]
    lo = before_starts[-2] if len(before_starts) >= 2 else 0
    after_ends = [m.start() for m in _SENTENCE_END.finditer(text, end)]
    hi = after_ends[1] if len(after_ends) >= 2 else len(text)
    before, after = text[lo:start], text[end:hi]
    if len(before) > limit:
        before = "…" + before[-limit:]
    if len(after) > limit:
        after = after[:limit] + "…"
    return before, text[start:end], after


def sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, by the same boundaries `context` uses; blank ones skipped."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
