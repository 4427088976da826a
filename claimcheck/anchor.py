"""Anchoring quotes in articles: exact, then normalized, then fuzzy, with spans in original characters."""
from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon

FUZZY_THRESHOLD = 80.0  # absent quotes score ≤ ~62, real ones with ≤15 % edits ≥ ~85 (NOTES.md)
MIN_FUZZY_CHARS = 12  # below this one edit is already a different word
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
    # A character composed from several (decomposed text: "e" + U+0301) ends where its last one does.
    cluster_ends: dict = field(default_factory=dict)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.cluster_ends.get(end - 1, self.starts[end - 1] + 1)

    def whole(self, start: int, end: int) -> bool:
        """Do [start, end) begin and end between original characters? One character may fold into several
        ("¼" -> "1⁄4", "ß" -> "ss"): "1" found inside "¼" is not in the article. A space is no part of a
        quote (normalizing strips it), so "¨" (-> space + U+0308) still starts where its mark does."""
        starts, text, n = self.starts, self.text, len(self.text)
        return (start == 0 or start >= n or starts[start] != starts[start - 1] or text[start - 1] == " ") and \
            (end <= 0 or end >= n or starts[end] != starts[end - 1] or text[end] == " ")


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).casefold()
    return "".join(_CHAR_MAP.get(c, c) for c in folded if c not in _ZERO_WIDTH)


# A base character with its combining marks, and conjoining Hangul jamo: decomposed text (NFD, as macOS
# writes it) composes to one character, so it matches the same text in NFC.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
_CLUSTER = rf"[^\s{_MARKS}][{_MARKS}]+|[\u1100-\u115f][\u1160-\u11a7][\u11a8-\u11ff]?"
# Whitespace other than a lone space, and characters that plain lowercasing would not handle.
_SPECIAL = re.compile(rf"{_CLUSTER}|\s{{2,}}|[^\S ]|[^\x00-\x7f]|`")


_HAS_MARKS = re.compile(rf"[{_MARKS}\u1160-\u11ff]")


@lru_cache(maxsize=4096)
def _one_to_one(ch: str) -> str | None:
    """What `ch` becomes when that is exactly one character (so offsets stay put), else None."""
    if ch.isspace():
        return " "
    if ch in _ZERO_WIDTH:
        return None
    folded = _fold(ch)
    return folded if len(folded) == 1 and folded.lower() == folded and not folded.isspace() else None


@lru_cache(maxsize=256)
def _special_for(odd: frozenset) -> re.Pattern:
    if not odd:
        return re.compile(r" {2,}")
    return re.compile(" {2,}|[" + "".join(re.escape(c) for c in sorted(odd)) + "]")


def normalize(text: str) -> Normalized:
    """NFKC, straight quotes, one dash, one space per whitespace run, casefold, no zero-width characters."""
    if _HAS_MARKS.search(text):
        return _normalize(text, _SPECIAL)  # decomposed text: clusters are composed first
    # Most characters become exactly one character (a curly quote, a dash, a letter in another case, a
    # line break): they are mapped in bulk by str.translate, which keeps every offset where it was, and
    # only whitespace runs and the few characters that expand or vanish (…, ﬁ, a soft hyphen) take the loop.
    table: dict[int, str] = {}
    odd = set()
    for ch in set(text):
        if ch < "\x80" and not ch.isspace() and ch != "`":
            continue
        one = _one_to_one(ch)
        if one is None:
            odd.add(ch)
        elif one != ch:
            table[ord(ch)] = one
    for ch, one in table.items():  # a few str.replace calls: str.translate with a dict is 20x slower
        text = text.replace(chr(ch), one)
    return _normalize(text, _special_for(frozenset(odd)))


@lru_cache(maxsize=2)
def _counting(bits: int) -> array:
    return array("i", range(1 << bits))


def _identity(size: int) -> array:
    """0, 1, 2, … at least `size` long; kept between calls, since building it costs as much as normalizing."""
    return _counting(max(12, (size - 1).bit_length()))


def _normalize(text: str, special: re.Pattern) -> Normalized:
    out: list[str] = []
    starts = array("i")
    identity = _identity(len(text) + 1)  # a slice is one memcpy per piece instead of one int per character
    cluster_ends: dict[int, int] = {}
    memo: dict[str, str] = {}
    pending_space = -1  # where the current whitespace run began; it becomes one space before the next char

    def emit(piece: str, first: int) -> None:
        # `piece` has one output character per input character from `first`, except a single
        # expanded character (NFKC of a ligature), whose characters all point back to it.
        nonlocal pending_space
        after_space = not out or out[-1].endswith(" ")
        if pending_space >= 0 and not after_space:
            # A run's one space points to where the run began, even when a character that vanishes
            # (a soft hyphen) splits the run in two.
            out.append(" ")
            starts.append(pending_space)
            after_space = True
        pending_space = -1
        if after_space and piece.startswith(" "):  # a lone space next to a run already emitted
            piece, first = piece[1:], first + 1
            if not piece:
                return
        out.append(piece)
        starts.extend(array("i", [first]) * len(piece) if expanded else identity[first:first + len(piece)])

    pos = 0
    expanded = False
    for match in special.finditer(text):
        if match.start() > pos:
            emit(text[pos:match.start()].lower(), pos)  # plain ASCII and lone spaces: lowercase is enough
        ch = match.group()
        if len(ch) > 1 and not ch[0].isspace():  # a cluster: compose it, every output char points to its start
            folded = _fold(unicodedata.normalize("NFC", ch))
            expanded = True
            emit(folded, match.start())
            expanded = False
            cluster_ends[len(starts) - 1] = match.end()
            pos = match.end()
            continue
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
    return Normalized(normalized, starts, cluster_ends)


# The fact guard reads every language of the lexicon: a source's language is a manifest fact that the
# anchor cache does not key on, and a fact word rarely means something else in another language.
_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*(?:st|nd|rd|th|er|e|º)?(?![^\W\d_])|\d+|n't|[^\W\d_]+")
_CONTRACTION = re.compile(r"(?<=[^\W\d_])n't\b")
_NEGATION_FORMS = {"cannot": ("can", "not"), "can't": ("can", "n't"), "won't": ("will", "n't"),
                   "shan't": ("shall", "n't"), "ain't": ("is", "n't")}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1)
def _fact_lexicon() -> dict:
    """Every language's fact words, each mapped to what it means (its canon)."""
    canon: dict[str, str] = {}
    months: set[str] = set()
    for lang in lexicon.LANGUAGES:
        for word, n in {**lexicon.CARDINALS.get(lang, {}), **lexicon.SCALE_WORDS.get(lang, {})}.items():
            if word not in ("a", "an", "un", "une", "una", "uno", "ein", "eine", "einen", "einem", "een", "um",
                            "uma", "cent", "cents", "mil"):
                canon.setdefault(word, f"#{n:g}")
        for word, n in lexicon.ORDINALS.get(lang, {}).items():
            canon.setdefault(word, f"#{n:g}")
        for word, n in lexicon.weekday_words(lang).items():
            canon.setdefault(word, f"@weekday{n}")
        for word, n in lexicon.month_words(lang).items():
            canon.setdefault(word, f"@month{n}")
            months.add(word)
        for word in lexicon.NEGATIONS.get(lang, ()):
            canon[word] = "!not"  # one polarity: "no" for "not" keeps the meaning
    for word in ("n't", "not"):
        canon[word] = "!not"
    antonyms: dict[str, set[str]] = {}
    for lang in lexicon.LANGUAGES:
        for a, b in lexicon.ANTONYMS.get(lang, ()):
            if " " not in a and " " not in b:
                antonyms.setdefault(a, set()).add(b)
                antonyms.setdefault(b, set()).add(a)
    cjk = {w: c for w, c in canon.items() if _CJK.search(w)}
    return {"canon": canon, "months": months, "antonyms": antonyms, "cjk": cjk}


def _words(text: str) -> list[str]:
    """Tokens with negations split off: "didn't" -> did n't, "cannot" -> can not."""
    out: list[str] = []
    for token in _TOKEN_RE.findall(_CONTRACTION.sub(" n't", text)):
        out.extend(_NEGATION_FORMS.get(token, (token,)))
    return out


def _number_canon(token: str) -> str | None:
    m = re.fullmatch(r"(\d+(?:[.,:]\d+)*)(st|nd|rd|th|er|e|º)?", token)
    if not m:
        return None
    digits = m.group(1)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        digits = digits.replace(",", "")
    try:
        return f"#{float(digits):g}" if ":" not in digits else "#" + digits
    except ValueError:
        return "#" + digits


def _canons(words: list[str]) -> list[str | None]:
    """What each token says as a fact (a number by value, a weekday, a month, a negation), or None."""
    lex = _fact_lexicon()
    out: list[str | None] = []
    for i, word in enumerate(words):
        number = _number_canon(word) if word[:1].isdigit() else None
        if number:
            out.append(number)
            continue
        canon = lex["canon"].get(word)
        if canon and canon.startswith("@month") and word in lexicon.AMBIGUOUS_MONTHS:
            near = words[max(0, i - 2):i] + words[i + 1:i + 3]
            if not any(w[:1].isdigit() for w in near):
                canon = None  # "may" the verb, "march" the walk: a month only beside a day or a year
        out.append(canon)
    return out


def fact_differences(quote: str, passage: str) -> list[tuple[str, str]]:
    """(quote says, passage says) for each fact the quote changes, aligned word by word.

    A fact word replaced by a different one ("monday"/"tuesday", "25"/"2", "rose"/"fell") or a
    negation dropped, added or swapped for another word ("not"/"now") is a change; a misspelled
    fact word ("tuesdy", "noot") is a typo; "twenty" for "20" and "2nd" for "second" are the same fact.
    """
    said, found = _words(quote), _words(passage)
    said_c, found_c = _canons(said), _canons(found)
    lex = _fact_lexicon()
    changes = _cjk_differences(quote, passage, lex)
    antonyms = lex["antonyms"]
    flips = {w for w in said if w in antonyms} | {w for w in found if w in antonyms}
    if Counter(c for c in said_c if c) == Counter(c for c in found_c if c) and not flips:
        return changes  # the same facts (a typo may sit elsewhere): no alignment needed
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein
    for tag, q1, q2, p1, p2 in Levenshtein.opcodes(said, found):
        if tag == "equal":
            continue
        qs, ps = list(zip(said[q1:q2], said_c[q1:q2])), list(zip(found[p1:p2], found_c[p1:p2]))
        pairs = list(zip(qs, ps)) + [(q, ("", None)) for q in qs[len(ps):]] + [(("", None), p) for p in ps[len(qs):]]
        for (q, qc), (p, pc) in pairs:
            if q in antonyms and p in antonyms[q]:
                changes.append((q, p))  # rose/fell, confirmed/denied
                continue
            if qc is None and pc is None:
                continue
            if qc and pc:
                if qc != pc and not _misspelled(q, p):
                    changes.append((q, p))
            elif qc:  # the quote states a fact where the passage has none, unless it is a typo of it
                if qc == "!not" or q[0].isdigit() or not p or fuzz.ratio(q, p) < 80:
                    changes.append((q, p))
            elif pc == "!not":  # a negation of the article lost or replaced ("now" for "not", "ever")
                near = said[max(0, q1 - 1):q2 + 1] if not q else [q]
                if not any(_misspelled(w, p) for w in near):
                    changes.append((q, p))
            elif q and fuzz.ratio(q, p) < 50:
                changes.append((q, p))  # not a misspelling of the passage's fact word
            elif not q and p[0].isdigit():
                changes.append(("", p))  # a number of the article dropped from the quote
    return changes


def _misspelled(typed: str, word: str) -> bool:
    """A typo of `word` that is no other word: a doubled or an extra letter ("noot", "tuesdy")."""
    if typed == word or not typed or not word or typed[0].isdigit() or word[0].isdigit():
        return False
    from rapidfuzz.distance import Levenshtein
    distance = Levenshtein.distance(typed, word)
    if distance == 1 and len(typed) == len(word) + 1:
        return True  # an extra letter: "noot", "nott"
    return distance <= 1 + len(word) // 6 and len(word) >= 6 and typed not in _fact_lexicon()["canon"]


def _cjk_differences(quote: str, passage: str, lex: dict) -> list[tuple[str, str]]:
    """Scripts without spaces: compare the fact words each text contains (曜日, negations)."""
    if not (_CJK.search(quote) or _CJK.search(passage)):
        return []
    changes = []
    for kind in ("@weekday", "!not"):
        pattern = re.compile(lexicon.alternation(w for w, c in lex["cjk"].items() if c.startswith(kind)))
        said = Counter(lex["cjk"][m.group()] for m in pattern.finditer(quote))
        found = Counter(lex["cjk"][m.group()] for m in pattern.finditer(passage))
        if said != found:
            q = next((m.group() for m in pattern.finditer(quote) if said[lex["cjk"][m.group()]] >
                      found[lex["cjk"][m.group()]]), "")
            p = next((m.group() for m in pattern.finditer(passage) if found[lex["cjk"][m.group()]] >
                      said[lex["cjk"][m.group()]]), "")
            changes.append((q, p))
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


def _context_matches(text: str, start: int, end: int, prefix: str, suffix: str) -> bool:
    """Does normalized `prefix` end just before [start, end) and `suffix` begin just after it?

    No slicing of the article: a quote found thousands of times costs thousands of short compares.
    """
    if prefix:
        while start > 0 and text[start - 1] == " ":
            start -= 1
        if start < len(prefix) or not text.startswith(prefix, start - len(prefix)):
            return False
    if suffix:
        while end < len(text) and text[end] == " ":
            end += 1
        if not text.startswith(suffix, end):
            return False
    return True


def anchor_quote(article_text: str, norm: Normalized, quote: str, prefix: str | None = None,
                 suffix: str | None = None) -> Anchor:
    """Find `quote` in the article; `norm` is `normalize(article_text)`, computed once per article."""
    needle = normalize(quote).text
    if not needle:
        return Anchor("empty")
    # Every occurrence is visited (str.find, no list): the one a prefix picks may be the 20,000th.
    before, after = normalize(prefix).text if prefix else "", normalize(suffix).text if suffix else ""
    text = norm.text
    total = chosen = 0
    first = -1
    at = text.find(needle)
    while at >= 0:
        if not norm.whole(at, at + len(needle)):
            at = text.find(needle, at + 1)
            continue
        total += 1
        if _context_matches(text, at, at + len(needle), before, after):
            chosen += 1
            if first < 0:
                first = at
        at = text.find(needle, at + 1)
    if total:
        if not chosen:
            return Anchor("absent", occurrences=total)
        start, end = norm.span(first, first + len(needle))
        method = "exact" if article_text[start:end] == quote else "normalized"
        return Anchor("found" if chosen == 1 else "ambiguous", method, 100.0, start, end, chosen)
    return _fuzzy(article_text, norm, needle)


def _fuzzy(article_text: str, norm: Normalized, needle: str) -> Anchor:
    text = norm.text
    if len(needle) < MIN_FUZZY_CHARS or len(needle) > len(text) or len(needle) > MAX_FUZZY_QUOTE \
            or len(text) > MAX_FUZZY_TEXT:
        return Anchor("absent")
    from rapidfuzz import fuzz
    # Below FUZZY_THRESHOLD, down to 15 points under it, the window is still refined: an absent quote's
    # message then shows the closest passage, which is usually the sentence the curator meant.
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
    # Past this distance even a second round could not reach the threshold: one round is enough to say absent.
    hopeless = (1 - (FUZZY_THRESHOLD - 10) / 100) * len(needle)
    for _ in range(2):  # a second round only when the first moved an end
        before = found[3:]
        found = sweep(sweep(found, True), False)
        if found[3:] == before or found[1] > hopeless:
            break
    return found[3], found[4], found[1]


# A sentence ends at . ! ? … (and 。！？) plus closing quotes and space, or at a line break; but not after an
# abbreviation a reader reads through: titles, months, "Rs.", "No.", initials, "U.S.", or "p.m." before its zone.
_CANDIDATE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|[。！？][」』）\)]*\s*|\n+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*(\S+)")


def _reads_through(text: str, end: int, after: int) -> bool:
    """Is the period at text[end-1] an abbreviation's, so that the sentence goes on?"""
    m = _WORD_BEFORE.search(text, max(0, end - 24), end)
    if not m:
        return False
    word = m.group(1)
    nxt = _NEXT_WORD.match(text, after)
    following = nxt.group(1).rstrip(".,;:") if nxt else ""
    if following[:1].islower() or following[:1].isdigit():
        return True  # "Rs. 615 crore", "the U.S. economy", "Prof. … said": a sentence starts with a capital
    lower = word.lower()
    if lower in ("a.m", "p.m", "am", "pm"):
        return following.lower() in lexicon.TIME_ZONE_WORDS  # "2 p.m. ET" goes on; "2 p.m. Markets fell" ends
    if len(word) == 1 and word.isupper():
        return following.lower() not in lexicon.SENTENCE_OPENERS  # an initial: "J. Powell", not "on X. The"
    if "." in word:
        return True  # "U.S.", "U.K.", "e.g."
    return lower in lexicon.ABBREVIATIONS


@lru_cache(maxsize=8)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of every sentence boundary, once per article: context and sentences run per cite."""
    starts, ends = [], []
    for m in _CANDIDATE_END.finditer(text):
        if m.group()[0] not in "\n。！？" and _reads_through(text, m.start() + 1, m.end()):
            continue
        # the sentence keeps its closing quotes and brackets; the boundary is the whitespace after them
        starts.append(m.start() if m.group()[0] == "\n" else m.start() + len(m.group().rstrip()))
        ends.append(m.end())
    return starts, ends


@lru_cache(maxsize=8)
def _line_breaks(text: str) -> list[int]:
    return [m.start() for m in re.finditer("\n", text)]


def context(text: str, start: int, end: int, limit: int = 300) -> tuple[str, str, str]:
    """The quoted passage with the sentence before and after it (each side capped at `limit` chars)."""
    from bisect import bisect_left, bisect_right
    starts, ends = _sentence_ends(text)
    k = bisect_right(ends, start)  # boundaries ending at or before the quote
    lo = ends[k - 2] if k >= 2 else 0
    j = bisect_left(starts, end)  # boundaries beginning at or after its end
    hi = starts[j + 1] if j + 1 < len(starts) else len(text)
    before, after = text[lo:start], text[end:hi]
    if len(before) > limit:
        before = "…" + before[-limit:]
    if len(after) > limit:
        after = after[:limit] + "…"
    return before, text[start:end], after


def sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, by the same boundaries `context` uses; blank ones skipped."""
    spans, start = [], 0
    for match_start, match_end in zip(*_sentence_ends(text)):
        if text[start:match_start].strip():
            spans.append((start, match_start))
        start = match_end
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def line_of(text: str, offset: int) -> int:
    from bisect import bisect_left
    return bisect_left(_line_breaks(text), offset) + 1
