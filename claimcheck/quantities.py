"""Numbers as newsrooms write them: a token grammar that reads quantities, ranges and vote splits.

Every reading keeps the words it was read from. A number that is part of a name (S&P 500,
G20, COVID-19), a date, a clock time or a year is not a value. When a word has two meanings
("pounds", "5m") the reading keeps both and only the claim's `unit:` can choose.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lexicon as lx

INF = math.inf
APPROXIMATE = "about"


class QuantityError(ValueError):
    pass


@dataclass(frozen=True)
class Quantity:
    lo: float
    hi: float
    lo_open: bool
    hi_open: bool
    dimension: str  # time | length | area | volume | mass | speed | temperature | percent | points | index |
    #                 degree | count | ordinal | ratio | money:USD …
    base: str  # unit the bounds are in: s, month, m, kg, °C, %, pp, USD, 1 …
    system: str | None  # metric | imperial | nautical | None
    qualifier: str | None  # None (exact) | about | nearly | above | at least | below | up to | range
    step: float  # half the last written digit, in base units: how far rounding may have moved it
    label: str
    words: str = ""  # the words read, as the source wrote them
    unit: str | None = None  # the unit's symbol (km, %, bp …) or currency code
    note: str | None = None  # how a word with two meanings was read
    span: tuple[int, int] = (0, 0)  # where the words stand in the text read
    figure: tuple[float, float] = (0.0, 0.0)  # the figure(s) as written, in base units, before the qualifier
    direction: int | None = None  # +1 "rose 3%", -1 "fell 3%": a change's sign when the text gives it

    @property
    def approximate(self) -> bool:
        return self.qualifier == APPROXIMATE

    # The interface every kind of value offers (see kinds.py): label, serialize, relate.
    def serialize(self) -> dict:
        return {"kind": "quantity", "low": _finite(self.lo), "high": _finite(self.hi), "low_open": self.lo_open,
                "high_open": self.hi_open, "unit": self.base, "dimension": self.dimension,
                "qualifier": self.qualifier, "figure": list(self.figure), "direction": self.direction,
                "words": self.words}

    def describe(self) -> str:
        """One canonical line: qualifier, figure(s) as written in base units, unit ('about 25 count')."""
        unit = {"count": "count", "ordinal": "ordinal", "ratio": "×"}.get(self.dimension, self.base)
        lo, hi = self.figure
        figure = _figure(lo) + (f"..{_figure(hi)}" if hi != lo else "")
        qualifier = f"{self.qualifier} " if self.qualifier not in (None, "range") else ""
        return f"{qualifier}{figure} {unit}"


@dataclass(frozen=True)
class VoteSplit:
    """A vote or a score, compared as a pair, never as a range. With `roles` the source said which count
    was for and which against; otherwise the counts are as written ("218-214", "by 67 votes to 32": the
    winner first whichever side won, "failed 204-227": for first), and two of them agree as a tally."""

    yes: int
    no: int
    label: str
    words: str = ""
    dimension: str = "split"
    roles: bool = False

    def describe(self) -> str:
        return f"split {self.yes}-{self.no}" + (" for-against" if self.roles else "")

    def serialize(self) -> dict:
        return {"kind": "split", "for": self.yes, "against": self.no, "words": self.words, "roles": self.roles}


@dataclass(frozen=True)
class Ambiguous:
    """A passage with two readings (5m: metres or million; pounds: mass or money)."""

    options: tuple[Quantity, ...]
    words: str

    @property
    def dimension(self) -> str:
        return "ambiguous"


def _figure(x: float) -> str:
    return str(int(x)) if x == int(x) and abs(x) < 1e18 else f"{x:.10g}"


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


# --- tokens ---------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:(?:[.,'’\u00a0\u202f\u2009])\d+)*)"
    r"|(?P<vf>[½¼¾⅓⅔⅛])"
    r"|(?P<sym>(?:us|au|a|c|ca|hk|s|nz|r)\$|[$€£¥₹₩₽%‰°²³％])"
    # Japanese and Chinese have no spaces: each kanji or kana is a word ("万", "人", "分"), a katakana run one
    # loanword ("ドル", "パーセント"), so that counters, scales and units after a number can be seen.
    r"|(?P<kana>[\u30a1-\u30fa\u30fc]+)"
    r"|(?P<cjk>[\u3005\u3041-\u309f\u4e00-\u9fff])"
    r"|(?P<word>(?:(?![\u3005\u3041-\u30ff\u4e00-\u9fff])[^\W\d_])+(?:['’][^\W\d_]+)?\.?)"
    r"|(?P<p>[-–—−/:()&+,;!?])", re.I)
_ABBREVIATIONS = frozenset("rs. approx. ca. c. mio. mrd. no. nos. md. mds. dr. mr. st. bn. mn. m. min. hrs. yrs. "
                           "kg. km. sq. ft. lb. lbs. oz. pct. mln. bln. ap. re.".split())
_HOUR_ARTICLES = frozenset(word for words in lx.HOUR_ARTICLES.values() for word in words)
# The words before "las": a clock preposition or qualifier ("a las", "hacia las") or a range's ("entre las 8 y
# las 10", "desde las 9").
_HOUR_LEADS = frozenset(phrase.split()[0] for table in (lx.CLOCK_PREPOSITIONS, lx.TIME_QUALIFIERS)
                        for phrase in table.get("es", ()) if phrase.split()[-1] in _HOUR_ARTICLES) \
    | frozenset(word for pair in lx.RANGE_WORDS["es"] for word in pair if word)
_HANGUL = re.compile("[\uac00-\ud7a3]")
# French and Italian elide an article or preposition into the next word: d'un, l'équivalent, dell'anno.
_ELISION = re.compile(r"(?:d|l|qu|j|n|s|c|m|t|dell|all|nell|dall|sull|un)'(?=\w)")
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


@dataclass(frozen=True)
class Token:
    kind: str  # num | vf | sym | word | p
    text: str  # lowercased; a word keeps its trailing "." only when it is a known abbreviation
    raw: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "p"
        if kind in ("kana", "cjk"):
            kind = "word"
        raw, start = m.group(), m.start()
        low = raw.lower().replace("’", "'")
        if kind == "word" and out and out[-1].kind == "num" and out[-1].end == start and _HANGUL.match(low):
            # "179명이", "25분간", "1만2천명": the counter, unit or scale is a word, the particle after it another
            cut = next((len(w) for w in lx.KOREAN_AFTER_NUMBER if low.startswith(w)), 1)
            if cut < len(low):
                out.append(Token(kind, low[:cut], raw[:cut], start, start + cut))
                low, raw, start = low[cut:], raw[cut:], start + cut
        elision = _ELISION.match(low) if kind == "word" else None
        if elision:  # "d'un quart de point", "d'environ 25 minutes": the elided article is its own word
            cut = elision.end()
            out.append(Token(kind, low[:cut], raw[:cut], start, start + cut))
            low, raw, start = low[cut:], raw[cut:], start + cut
        if kind == "word" and low == "s" and start > 0 and text[start - 1] in "'’":
            low = "'s"  # a possessive ("Chandrayaan 3's lander"), never seconds
        if kind == "word" and low.endswith(".") and low not in _ABBREVIATIONS:
            low, raw = low[:-1], raw[:-1]  # a sentence's full stop, not the word's
        out.append(Token(kind, low, raw, start, start + len(raw)))
    return out


def _attached(a: Token, b: Token) -> bool:
    return a.end == b.start


# --- digits ---------------------------------------------------------------------------------

def read_digits(raw: str, language: str | None) -> tuple[float, float] | None:
    """(value, half the last written digit) of digits as the source's language writes them; None if unclear.

    '2,5' is 2.5 in German and unclear in English; '11,11,111' is Indian grouping; '1.234,5'
    says its own decimal mark by putting it last.
    """
    text = re.sub(r"[\u00a0\u202f\u2009'’]", " ", raw).replace(" ", "\u2009")
    comma = lx.decimal_comma(language)
    decimal = None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text or "." in text:
        mark = "," if "," in text else "."
        parts = text.split(mark)
        tail = parts[-1]
        grouped = all(len(p.replace("\u2009", "")) == 3 for p in parts[1:]) and len(parts[0]) <= 3
        indian = mark == "," and len(parts) >= 3 and len(parts[-1]) == 3 and all(len(p) == 2 for p in parts[1:-1]) \
            and 1 <= len(parts[0]) <= 2
        if len(parts) > 2:
            if not (grouped or indian):
                return None  # 18.12.2024 is a date, 1,2,3 a list
            decimal = None
        elif len(tail) != 3:
            if mark == "," and comma is not True:
                return None  # "2,5" in English: a list or a foreign decimal; do not guess
            decimal = mark
        elif mark == ",":
            decimal = "," if comma else None  # 2,500: 2.5 in German, 2500 in English
        else:
            decimal = "." if comma is not True else None  # 1.000: a thousand in German, one in English
    group = {",": ".", ".": ",", None: ",."}[decimal]
    digits = text.replace("\u2009", "")
    for g in group:
        if g != decimal:
            digits = digits.replace(g, "")
    if decimal:
        digits = digits.replace(decimal, ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return value, 0.5 * 10 ** -decimals


# --- what is not a value: dates, clock times, names, years -----------------------------------

@lru_cache(maxsize=64)
def _excluded_re(language: str | None) -> re.Pattern:
    month = "(?:" + lx.alternation(lx.month_words(language)) + r")\.?"
    weekday = "(?:" + lx.alternation(lx.weekday_words(language)) + ")"
    ampm = r"(?:[ap]\.\s?m\.?|[ap]m\b)"
    return re.compile("|".join([
        rf"\b\d{{1,2}}(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+|of\s+)?{month}(?:,?\s+(?:de\s+)?\d{{4}})?",
        rf"\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        rf"\b{month}\s+(?:de\s+)?\d{{4}}\b",
        r"\b\d{4}-\d{2}-\d{2}\b", r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
        rf"\b{weekday}\s*\(\d{{1,2}}\)",
        rf"\b\d{{1,2}}(?:[:.]\d{{2}})?\s*{ampm}", r"\b\d{1,2}:\d{2}\b(?!:\d)", r"\b\d{1,2}h\d{2}\b",
        r"\b\d{1,2}(?:[.:]\d{2})?\s*uhr\b", r"\b(?:noon|midnight)\b",
        r"\b(?:[01]\d|2[0-3])[.:][0-5]\d\s*hrs?\b",  # "18.03 Hrs": a clock time as Indian papers write it
    ]), re.I)


_SENTENCE_WORDS = frozenset("""a an the only just all some about nearly at in on by with for of to and but as from after
before over under around roughly another those these its their his her our every each more fewer less up down yes no
since until than then when while if so this that there here it he she they we you i also still even almost around
approximately some total overall exactly precisely nearly perhaps maybe last next first between among during within
without into onto out off per plus minus
""".split())
_VOTE_WORDS = re.compile(r"\b(vot\w*|ballot\w*|members?|in favou?r|dissent\w*|backed|supported|opposed|"
                         r"stimme\w*|mitglied\w*|votos?|votaron|miembros|voix|membres)\b", re.I)
# Around "X to Y" a vote or a score, not a fall: "passed 300 to 128", "beat them 3 to 1".
# Words that open a range or a change ("from 80 votes to 60"): what follows is no tally.
# "2:1 gegen England", "3:0 contra el Betis": a score's opponent, right after it.
_AGAINST_AFTER = re.compile(r"\s*(?:gegen|contra|contre|against|vs\.?|v\.?|face à|contro)\b", re.I)
_RANGE_OPENERS = frozenset(word for pairs in lx.RANGE_WORDS.values() for word, _ in pairs if word)
_SCORE_WORDS = re.compile(r"\b(vot\w*|ballot\w*|members?|in favou?r|dissent\w*|backed|supported|opposed|fail\w*|tally|"
                          r"stimme\w*|mitglied\w*|votos?|votaron|miembros|voix|membres|score\w*|won|beat|"
                          r"defeated|win|victory|lost|draw|passed|approved|rejected|ruled|ruling|verdict|"
                          r"sieg\w*|gewann|gewinnt|besiegt\w*|niederlage|unentschieden|endstand|venci\w*|ganó|"
                          r"victoria|derrota|empate|victoire|battu\w*|défaite|vittoria|battut\w*|sconfitt\w*|"
                          r"pareggio|vitória|venceu)\b", re.I)


def _is_name(tokens: list[Token], i: int, text: str) -> bool:
    """A number joined to a capitalized name or code: S&P 500, G20, COVID-19, Boeing 737, Air Force One."""
    tok = tokens[i]
    if i > 0:
        prev = tokens[i - 1]
        if prev.kind == "word" and _attached(prev, tok) and prev.raw[:1].isupper():
            return True  # G20, A320, MH17
        if prev.kind == "p" and prev.text in "-–" and _attached(prev, tok) and i > 1 \
                and tokens[i - 2].kind in ("word", "num") and _attached(tokens[i - 2], prev) \
                and tokens[i - 2].kind == "word" and tokens[i - 2].text not in lx.merged("CARDINALS", None) \
                and not tokens[i - 2].text.startswith("mid"):
            return True  # COVID-19, F-16, Chandrayaan-3 (not "twenty-5", not "mid-2024")
        camel = prev.raw[:1].islower() and any(c.isupper() for c in prev.raw[1:])  # iPhone 16, macOS 14, eBay
        if prev.kind == "word" and (prev.raw[:1].isupper() or "&" in prev.raw or camel) \
                and prev.text not in _SENTENCE_WORDS \
                and prev.text.rstrip(".") not in lx.CURRENCY_BEFORE and prev.text not in lx.CURRENCY_BEFORE \
                and not _qualifier_word(prev.text):
            # at a sentence start too ("Boeing 737 crashed"): function words are excluded above
            return True  # S&P 500, Boeing 737, Article 5; not "In 2024", "About 25"
        if prev.kind == "sym" and prev.text == "&" and i > 1:
            return True
    if i > 1 and tokens[i - 1].text == "&" and tokens[i - 2].raw[:1].isupper():
        return True  # S&P 500 tokenized as S, &, P
    return False


def _qualifier_word(word: str) -> bool:
    return word in _qualifier_firsts()


@lru_cache(maxsize=1)
def _qualifier_firsts() -> frozenset[str]:
    return frozenset(words[0] for _, _, words in _phrases("QUALIFIERS", None))


# --- units ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    dimension: str
    base: str
    factor: float
    system: str | None
    symbol: str


@lru_cache(maxsize=1)
def _unit_table() -> tuple[dict[tuple[str, ...], tuple[Unit, ...]], int]:
    table: dict[tuple[str, ...], list[Unit]] = {}
    for dimension, base, factor, system, symbol, names in lx.UNIT_ROWS:
        unit = Unit(dimension, base, factor, system, symbol)
        for name in names.split(", "):
            key = tuple(t.text for t in tokenize(name))
            if unit not in table.setdefault(key, []):
                table[key].append(unit)
    longest = max(len(k) for k in table)
    return {k: tuple(v) for k, v in table.items()}, longest


def _match_unit(tokens: list[Token], j: int, attached_to: Token | None) -> tuple[tuple[Unit, ...], int] | None:
    """The unit that starts at tokens[j] (longest name first), and the index after it."""
    table, longest = _unit_table()
    if j >= len(tokens):
        return None
    first = tokens[j]
    lone_letter = first.raw in ("C", "F") and (j + 1 >= len(tokens) or tokens[j + 1].kind != "word")
    if (attached_to is not None and _attached(attached_to, first) or lone_letter) and first.kind == "word" \
            and first.text in lx.ATTACHED_UNITS:
        return table[tuple(t.text for t in tokenize(lx.ATTACHED_UNITS[first.text]))], j + 1  # 45C, 10F
    for n in range(min(2 * longest, len(tokens) - j), 0, -1):
        window = tokens[j:j + n]
        if n > 1 and any(tokens[k].start - tokens[k - 1].end > 1 for k in range(j + 1, j + n)):
            continue  # a phrase's words stand one space apart
        # "25-basis-point": hyphens between a unit's words are spaces
        words = [t for t in window if not (t.text == "-" and t is not window[0] and t is not window[-1])]
        if len(words) > longest or window[-1].text == "-":
            continue
        key = tuple(t.text.rstrip(".") if t.kind == "word" else t.text for t in words)
        units = table.get(key)
        if units:
            if key == ("°",) and j + 1 < len(tokens) and tokens[j + 1].text in ("c", "f"):
                continue
            return units, j + n
    return None


# --- numbers --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    lo: float
    hi: float
    step: float
    end: int  # index after the number
    kind: str = "cardinal"  # cardinal | ordinal | approx | ratio | share
    word: bool = False  # written in words


@lru_cache(maxsize=32)
def _first_pieces(language: str | None) -> frozenset[str]:
    """The first words of number words written in several pieces ("quatre" of "quatre-vingt-dix")."""
    return frozenset(re.split(r"[- ]", word)[0] for word in lx.merged("CARDINALS", language) if re.search(r"[- ]", word))


# Words that are "one" and an article at once: never the second piece of a hundred ("cent une fois").
_ARTICLE_NUMBERS = frozenset(("a", "an", "un", "une", "una", "uno", "ein", "eine", "um", "uma", "een"))


def _word_number(tokens: list[Token], i: int, language: str | None) -> Number | None:
    """Number words: 'two hundred and five', 'twenty-five', 'a dozen', 'two-thirds', 'a quarter'."""
    cardinals = lx.merged("CARDINALS", language)
    scales = lx.merged("SCALE_WORDS", language)
    fractions = lx.merged("FRACTIONS", language)
    dozens = {w for lang in lx.languages_for(language) for w in lx.DOZEN.get(lang, ())}
    tok = tokens[i]
    # number words of several pieces, longest first: "quatre-vingt-dix-sept", "soixante et onze"
    for k in range(8 if tok.text in _first_pieces(language) else 1, 1, -1):
        window = tokens[i:i + k]
        if len(window) == k and all(t.kind == "word" or t.text == "-" for t in window) \
                and all(b.start - a.end <= 1 for a, b in zip(window, window[1:])):
            joined = window[0].text + "".join(("" if _attached(a, b) else " ") + b.text
                                              for a, b in zip(window, window[1:]))
            if joined in cardinals and ("-" in joined or " " in joined):
                return _continue_words(tokens, i + k, cardinals[joined], language)
    if tok.text in lx.merged("HUNDRED_STARTS", language) and i + 1 < len(tokens):
        k = i + 2 if tokens[i + 1].text in lx.merged("AND_WORDS", language) else i + 1  # "cento e vinte"
        if k < len(tokens) and tokens[k].text in cardinals and tokens[k].text not in _ARTICLE_NUMBERS:
            return _continue_words(tokens, k, 100, language)  # "cent cinquante morts", "ciento veinte"
    hyphen = i + 2 < len(tokens) and tokens[i + 1].text == "-" and _attached(tok, tokens[i + 1]) \
        and _attached(tokens[i + 1], tokens[i + 2]) and tokens[i + 2].kind == "word"
    if hyphen and tok.text in cardinals:
        second = tokens[i + 2].text
        joined = tok.text + "-" + second
        if joined in cardinals:  # dix-sept
            return _continue_words(tokens, i + 3, cardinals[joined], language)
        if second in fractions or second.rstrip("s") in fractions:  # two-thirds, three-quarters
            d = fractions.get(second) or fractions[second.rstrip("s")]
            value = cardinals[tok.text] / d
            return Number(value, value, 0.0, i + 3, "share", True)
        if second in cardinals and cardinals[tok.text] >= 20 and cardinals[second] < 10:  # twenty-five
            return _continue_words(tokens, i + 3, cardinals[tok.text] + cardinals[second], language)
    if tok.text in ("a", "an", "one", "un", "una", "une", "ein", "eine", "einen", "uno") \
            and i + 1 < len(tokens) and tokens[i + 1].kind == "word":
        nxt = tokens[i + 1].text
        if nxt in dozens:
            return Number(12, 12, 0.0, i + 2, "cardinal", True)
        if nxt in fractions and nxt not in ("second",):
            d = fractions[nxt]
            # "a quarter point", "a third of", "half an hour"; "a third term" is an ordinal, not a fraction
            if _fraction_context(tokens, i + 2, language):
                return Number(1 / d, 1 / d, 0.0, i + 2, "share", True)
            return None
        if nxt in scales and tok.text in ("a", "an", "one"):
            return Number(scales[nxt], scales[nxt], 0.5 * scales[nxt], i + 2, "cardinal", True)
        if tok.text in ("a", "an") and (_match_unit(tokens, i + 1, None) is not None or
                                        nxt in _NEUTRAL_ADJECTIVES and _match_unit(tokens, i + 2, None)):
            return Number(1, 1, 0.0, i + 1, "cardinal", True)  # "a year", "an hour and a half"
    if tok.text in ("half", "halb", "medio", "media", "demi") and i + 1 < len(tokens) \
            and tokens[i + 1].text in ("a", "an", "ein", "eine", "un", "una", "une"):
        return Number(0.5, 0.5, 0.0, i + 2, "share", True)  # "half an hour", "half a percentage point"
    if tok.text in fractions and i + 2 < len(tokens) and tokens[i + 1].text == "-" \
            and _attached(tok, tokens[i + 1]) and _match_unit(tokens, i + 2, None) is not None \
            and (i == 0 or tokens[i - 1].text not in lx.merged("CARDINALS", language)):
        d = fractions[tok.text]
        return Number(1 / d, 1 / d, 0.0, i + 2, "share", True)  # "a half-point cut", "a quarter-point"
    if tok.text in ("half", "mitad", "moitié", "hälfte") and i + 1 < len(tokens) \
            and tokens[i + 1].text in lx.merged("OF_WORDS", language) \
            and (i == 0 or tokens[i - 1].text not in ("a", "an", "one")):
        return Number(0.5, 0.5, 0.0, i + 1, "share", True)  # "half of all households"
    if tok.text in cardinals:
        if tok.text in ("a", "an"):
            return None
        if tok.text in ("un", "una", "une", "ein", "eine", "einen", "einem", "uno", "um", "uma", "een") \
                and not _unit_follows(tokens, i + 1):
            return None  # an article, not "one"
        value = cardinals[tok.text]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "word" and nxt.text.rstrip("s") in fractions \
                and nxt.text not in ("second", "seconds") and value > 1:
            d = fractions[nxt.text] if nxt.text in fractions else fractions[nxt.text.rstrip("s")]
            return Number(value / d, value / d, 0.0, i + 2, "share", True)  # "three quarters"
        return _continue_words(tokens, i + 1, value, language)
    return None


def _fraction_context(tokens: list[Token], j: int, language: str | None) -> bool:
    if j < len(tokens) and tokens[j].text == "-":
        j += 1  # "a quarter-point cut"
    if j >= len(tokens):
        return False
    nxt = tokens[j].text
    return nxt in lx.merged("OF_WORDS", language) or nxt in ("point", "points", "percentage", "century",
                                                            "hour", "mile", "percent") \
        or _match_unit(tokens, j, None) is not None or nxt.startswith("point")


def _unit_follows(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and (_match_unit(tokens, j, None) is not None
                                or tokens[j].text in lx.merged("SCALE_WORDS", None))


def _continue_words(tokens: list[Token], i: int, value: float, language: str | None) -> Number:
    """Go on after a cardinal word: 'hundred', 'thousand', 'and five', 'and a half'."""
    cardinals = lx.merged("CARDINALS", language)
    scales = lx.merged("SCALE_WORDS", language)
    ands = lx.merged("AND_WORDS", language)
    total, current = 0.0, value
    step = 0.5
    while i < len(tokens) and tokens[i].kind == "word":
        word = tokens[i].text
        if word in scales:
            factor = scales[word]
            if factor == 100:
                current *= 100
            else:
                total += current * factor
                current = 0.0
            step = 0.5 * (factor if factor >= 1000 else 1)
            i += 1
        elif word in cardinals and word not in ("a", "an", "un", "une", "ein", "eine", "uno", "una") \
                and current % 100 == 0 and (current or total):
            current += cardinals[word]
            step = 0.5
            i += 1
        elif word in ands and lx.languages_for(language)[0] in lx.TENS_AND_UNITS and i + 1 < len(tokens) \
                and 0 < cardinals.get(tokens[i + 1].text, 0) < 10 and current % 100 >= 20 and current % 10 == 0:
            current += cardinals[tokens[i + 1].text]  # "treinta y cinco", "vinte e cinco"
            step = 0.5
            i += 2
        elif word in ands and i + 1 < len(tokens) and tokens[i + 1].text in cardinals \
                and tokens[i + 1].text not in ("a", "an") and (current >= 100 or total):
            i += 1  # "two hundred and five"
        else:
            break
    return Number(total + current, total + current, step, i, "cardinal", True)


def _half_after(tokens: list[Token], i: int, language: str | None) -> tuple[float, int]:
    """'and a half' after a number: 'two and a half hours', 'an hour and a half'."""
    ands = lx.merged("AND_WORDS", language)
    if i + 3 < len(tokens) and tokens[i].text == "-" and tokens[i + 2].text == "-":  # "two-and-a-half hour"
        words = [t.text for t in tokens[i:i + 6]]
        if words[1:2] == ["and"] and words[3:5] == ["a", "-"] and words[5:6] in (["half"], ["quarter"]):
            return (0.5 if words[5] == "half" else 0.25), i + 6
    if i + 2 < len(tokens) and tokens[i].text in ands and tokens[i + 1].text in ("a", "an", "one") \
            and tokens[i + 2].text in ("half", "quarter"):
        return (0.5 if tokens[i + 2].text == "half" else 0.25), i + 3
    if i + 1 < len(tokens) and tokens[i].text in ("y", "et", "und") and tokens[i + 1].text in ("medio", "media",
                                                                                               "demi", "demie",
                                                                                               "halb"):
        return 0.5, i + 2
    return 0.0, i


def read_number(tokens: list[Token], i: int, language: str | None) -> Number | None:
    """The number that starts at tokens[i]: digits, a sign, fractions, words, ordinals, orders of magnitude."""
    tok = tokens[i]
    sign = 1.0
    if tok.kind == "p" and tok.text in "-−–" and i + 1 < len(tokens) and tokens[i + 1].kind == "num" \
            and _attached(tok, tokens[i + 1]) and (i == 0 or tokens[i - 1].end < tok.start
                                                   or tokens[i - 1].kind == "p" and tokens[i - 1].text in "(/"):
        sign, i, tok = -1.0, i + 1, tokens[i + 1]
    elif tok.kind == "word" and tok.text in lx.merged("MINUS_WORDS", language) and i + 1 < len(tokens) \
            and tokens[i + 1].kind == "num" and [t.text for t in tokens[max(0, i - 2):i]] != ["plus", "or"] \
            and (i == 0 or tokens[i - 1].text not in ("al", "au", "du", "lo", "a", "at")):
        sign, i, tok = -1.0, i + 1, tokens[i + 1]
    if tok.kind == "vf":
        value = _VULGAR[tok.raw]
        return Number(value, value, 0.0, i + 1, "share")
    if tok.kind == "num":
        raw, j = tok.raw, i + 1
        if lx.decimal_comma(language):
            # "2 000 personnes": a space groups thousands where the comma is the decimal mark
            while j < len(tokens) and tokens[j].kind == "num" and len(tokens[j].raw) == 3 \
                    and tokens[j].raw.isdigit() and tokens[j].start - tokens[j - 1].end == 1 \
                    and len(raw.replace("\u2009", "").replace(" ", "").split(",")[0]) <= 3 + 4 * raw.count(" "):
                raw, j = raw + " " + tokens[j].raw, j + 1
        digits = read_digits(raw, language)
        if digits is None:
            return None
        value, step = digits
        # ordinals: 31st, 2nd, 18th, 3e, 1er
        if j < len(tokens) and tokens[j].kind == "word" and _attached(tok, tokens[j]) \
                and tokens[j].text in ("st", "nd", "rd", "th", "e", "er", "ème", "re", "º", "ª"):
            return Number(value, value, 0.0, j + 1, "ordinal")
        # "in der 87. Minute" (a German ordinal: digits, a full stop, the noun); "en el minuto 86"
        if step == 0.5 and j == i + 1 and j < len(tokens) and tokens[j].start == tok.end + 2 \
                and tokens[j].text in lx.merged("ORDINAL_NOUNS", language):
            return Number(value, value, 0.0, j, "ordinal")
        if step == 0.5 and j == i + 1 and i > 0 and tokens[i - 1].text in lx.merged("NUMBERED_BY", language):
            return Number(value, value, 0.0, j, "ordinal")
        # fractions and mixed numbers: 1/4, 4-1/4, 4 1/4, 2½ (not "2024/25", a season or a fiscal year)
        if j + 1 < len(tokens) and tokens[j].text == "/" and tokens[j + 1].kind == "num" \
                and _attached(tok, tokens[j]) and _attached(tokens[j], tokens[j + 1]) and step == 0.5 \
                and not _YEAR.fullmatch(tok.raw):
            denominator = read_digits(tokens[j + 1].raw, language)
            if denominator and denominator[0]:
                value = value / denominator[0]
                return Number(sign * value, sign * value, 0.0, j + 2, "share")
        if j + 3 < len(tokens) and tokens[j].text in "- " and tokens[j + 1].kind == "num" \
                and tokens[j + 2].text == "/" and tokens[j + 3].kind == "num" and _attached(tokens[j + 1], tokens[j + 2]) \
                and _attached(tokens[j + 2], tokens[j + 3]) and _attached(tok, tokens[j]) and step == 0.5:
            num, den = read_digits(tokens[j + 1].raw, language), read_digits(tokens[j + 3].raw, language)
            if num and den and den[0] and num[0] < den[0]:
                value += num[0] / den[0]
                return Number(sign * value, sign * value, 0.0, j + 4)
        if j + 2 < len(tokens) and tokens[j].kind == "num" and tokens[j + 1].text == "/" and step == 0.5 \
                and _attached(tokens[j], tokens[j + 1]) and tokens[j].start - tok.end == 1:
            num, den = read_digits(tokens[j].raw, language), read_digits(tokens[j + 2].raw, language)
            if num and den and den[0] and num[0] < den[0]:
                value += num[0] / den[0]
                return Number(sign * value, sign * value, 0.0, j + 3)
        if j < len(tokens) and tokens[j].kind == "vf" and _attached(tok, tokens[j]):
            value += _VULGAR[tokens[j].raw]
            return Number(sign * value, sign * value, 0.0, j + 1)
        half, j = _half_after(tokens, j, language)
        return _times(tokens, Number(sign * (value + half), sign * (value + half), 0.0 if half else step, j), language)
    if tok.kind != "word":
        return None
    approx = lx.merged("APPROXIMATE_COUNTS", language)
    # "tens of thousands", "hundreds of thousands"
    if tok.text in ("tens", "hundreds") and i + 2 < len(tokens) and tokens[i + 1].text == "of" \
            and tokens[i + 2].text in ("thousands", "millions"):
        unit = 1e3 if tokens[i + 2].text == "thousands" else 1e6
        lo = (20 if tok.text == "tens" else 200) * unit
        return Number(lo, lo * 5 - 1 if tok.text == "tens" else 1000 * unit - 1, 0.0, i + 3, "approx", True)
    if tok.text in approx:
        lo, hi = approx[tok.text]
        return Number(lo, hi, 0.0, i + 1, "approx", True)
    for phrase, (lo, hi) in lx.phrases(lx.VAGUE_FACTORS, language):
        words = phrase.split()
        if [t.text for t in tokens[i:i + len(words)]] == words and i + len(words) < len(tokens):
            scale = lx.merged("SCALE_WORDS", language).get(tokens[i + len(words)].text)
            if scale:
                return Number(lo * scale, hi * scale, 0.0, i + len(words) + 1, "approx", True)
    ordinals = lx.merged("ORDINALS", language)
    if tok.text in ordinals and i + 1 < len(tokens) and tokens[i + 1].text in ("parte", "partes", "part"):
        value = 1 / ordinals[tok.text]
        return Number(value, value, 0.0, i + 2, "share", True)  # "una cuarta parte": a quarter
    if tok.text in ordinals:
        value = ordinals[tok.text]
        return Number(value, value, 0.0, i + 1, "ordinal", True)
    multipliers = lx.merged("MULTIPLIER_VERBS", language)
    if tok.text in multipliers:
        value = multipliers[tok.text]
        if tok.text in ("twice", "thrice") and not (i + 1 < len(tokens) and tokens[i + 1].text in _COMPARATIVE):
            return Number(value, value, 0.0, i + 1, "cardinal", True)  # "scored twice": two times, a count
        return Number(value, value, 0.0, i + 1, "ratio", True)
    number = _word_number(tokens, i, language)
    if number is None:
        return None
    half, j = _half_after(tokens, number.end, language)
    if half:
        number = replace(number, lo=number.lo + half, hi=number.hi + half, end=j)
    return _times(tokens, number, language)


_COMPARATIVE = frozenset("as more larger higher bigger greater faster the over than lower smaller fewer "
                         "less".split())


def _times(tokens: list[Token], number: Number, language: str | None) -> Number:
    """'three times as many' is a ratio; 'met three times' stays a count of occasions."""
    j = number.end
    if number.kind == "cardinal" and j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].text == "fold":
        return replace(number, kind="ratio", end=j + 2)  # "two-fold", "3-fold"
    times = {w for lang in lx.languages_for(language) for w in lx.TIMES_WORDS.get(lang, ())}
    if number.kind == "cardinal" and j + 1 < len(tokens) and tokens[j].text in times \
            and tokens[j + 1].text in _COMPARATIVE:
        return replace(number, kind="ratio", end=j + 1)
    return number


# --- quantities -----------------------------------------------------------------------------

_NEUTRAL_ADJECTIVES = frozenset("earth full whole straight consecutive calendar more additional long further "
                                "extra successive".split())
_ARTICLES = frozenset("the el la los las le les der die das".split())
_PERCENTAGE_POINT = Unit("points", "pp", 1, None, "pp")
_TIME_REFERENCES = frozenset("ago earlier later previously".split())
# "the 10-year Treasury yield", "a 30-year mortgage": a measure that names a kind of thing.
_NAMED_BY_MEASURE = frozenset("yield yields note notes bond bonds mortgage mortgages treasury treasuries gilt gilts "
                              "bund bunds bill bills loan loans plan plans high low".split())
_CHANGE_VERBS = frozenset("fell rose dropped climbed jumped surged slid slipped sank tumbled gained lost shed cut "
                          "lowered raised increased decreased declined grew rallied plunged soared eased edged "
                          "advanced retreated fallen risen dipped added".split())
_COUNT_NOUNS = frozenset("people children adults voters viewers users customers households residents homes jobs "
                         "barrels doses votes subscribers passengers visitors tourists refugees migrants workers "
                         "employees followers readers copies units vehicles cars".split())
_ASIDE_AFTER_M = frozenset("tall high long deep wide away above below under from across in of off thick "
                           "down up".split())


@dataclass(frozen=True)
class _Side:
    number: Number
    scale: float
    units: tuple[Unit, ...]
    currency: str | None
    start: int  # first token index (currency or sign included)
    end: int  # index after the side
    scale_note: str | None = None


def _currency_before(tokens: list[Token], i: int) -> tuple[str | None, int]:
    if i > 0:
        prev = tokens[i - 1]
        if prev.text in lx.CURRENCY_BEFORE and (prev.kind == "sym" or prev.kind == "word"):
            return lx.CURRENCY_BEFORE[prev.text], i - 1
    return None, i


def _read_side(tokens: list[Token], i: int, language: str | None, currency: str | None) -> _Side | None:
    number = read_number(tokens, i, language)
    if number is None:
        return None
    start = i
    j = number.end
    scale, note = 1.0, None
    scales = _cjk_table("SCALE_WORDS", language)
    if number.kind in ("cardinal", "share") and j < len(tokens) and tokens[j].text in _cjk_table("DOZEN", language):
        # "two dozen", "half a dozen", "nearly two dozen": twelve of them, not two
        number, scale, j = replace(number, kind="cardinal"), 12.0, j + 1
    elif number.kind in ("cardinal", "share") and j < len(tokens):
        word = tokens[j].text.rstrip(".") if tokens[j].kind == "word" else tokens[j].text
        if tokens[j].kind == "word" and word in scales and scales[word] >= 1000:
            scale, j = scales[word], j + 1
            if j < len(tokens) and tokens[j].text in scales and scales[tokens[j].text] >= 1e5:
                scale, j = scale * scales[tokens[j].text], j + 1  # "lakh crore", "mil millones"
            # "1万2千人", "3億5000万円": a smaller unit of count follows; the whole is one number
            while j + 1 < len(tokens) and tokens[j].kind == "num" and _attached(tokens[j - 1], tokens[j]) \
                    and tokens[j + 1].text in scales and scales[tokens[j + 1].text] < scale \
                    and scales[tokens[j + 1].text] >= 1000 and (part := read_digits(tokens[j].raw, language)):
                extra = part[0] * scales[tokens[j + 1].text] / scale
                number = replace(number, lo=number.lo + extra, hi=number.hi + extra,
                                 step=part[1] * scales[tokens[j + 1].text] / scale)
                j += 2
        elif tokens[j].kind == "word" and word in lx.SCALE_ABBREVIATIONS and word not in ("m", "b", "k", "md"):
            scale, j = lx.SCALE_ABBREVIATIONS[word], j + 1
        elif tokens[j].kind == "word" and word in ("k", "b", "m") and _attached(tokens[j - 1], tokens[j]) \
                and (currency or word == "k"):
            scale, j = lx.SCALE_ABBREVIATIONS[word], j + 1
        elif tokens[j].kind == "word" and word in ("m", "b") and currency:
            scale, j = lx.SCALE_ABBREVIATIONS[word], j + 1
    if currency is None and j < len(tokens) and tokens[j].text in lx.CURRENCY_BEFORE and tokens[j].kind == "sym" \
            and tokens[j].text not in ("%",):
        currency, j = lx.CURRENCY_BEFORE[tokens[j].text], j + 1  # "5 Mio. €"
    if currency is None and j < len(tokens) and tokens[j].kind == "word":
        word = tokens[j].text
        if word == "d'" and j + 1 < len(tokens) and tokens[j + 1].text in lx.CURRENCY_AFTER:
            j, word = j + 1, tokens[j + 1].text  # "milliard d'euros"
        elif word == "de" and j + 1 < len(tokens) and tokens[j + 1].text in lx.CURRENCY_AFTER and scale != 1.0:
            j, word = j + 1, tokens[j + 1].text  # "1.500 millones de euros"
        joined = _cjk_word(tokens, j, lx.CURRENCY_AFTER)
        if joined:
            currency, j = lx.CURRENCY_AFTER[joined[0]], joined[1]  # "500亿美元", "100米ドル"
        elif word in lx.CURRENCY_AFTER:
            currency, j = lx.CURRENCY_AFTER[word], j + 1  # "615 crore rupees", "5 million dollars"
    units: tuple[Unit, ...] = ()
    if currency is None and number.kind in ("cardinal", "share", "approx"):
        k = j
        if k + 1 < len(tokens) and tokens[k].text in _NEUTRAL_ADJECTIVES and _match_unit(tokens, k + 1, None):
            k += 1  # "14 Earth days", "two full hours"; not "one lunar day"
        hyphened = k < len(tokens) and tokens[k].text == "-" and _attached(tokens[k - 1], tokens[k])
        if hyphened:
            k += 1  # "41-day journey", "a 25-minute call"
        if number.kind == "share" and k + 1 < len(tokens) and tokens[k].text in lx.merged("OF_WORDS", language):
            k2 = k + 2 if tokens[k + 1].text in ("a", "an", "the", "un", "une", "ein", "einer", "una") else k + 1
            if _match_unit(tokens, k2, None):
                k = k2  # "a quarter of an hour", "half of a percentage point"
        matched = _match_unit(tokens, k, tokens[j - 1])
        if matched:
            units, j = matched
            if units[0].dimension == "index":
                size = abs(number.hi * scale)
                if size <= 1:  # "a quarter point", "half a point": rates move in points of a percent
                    units, note = (_PERCENTAGE_POINT,), "'point' read as percentage point"
                elif size < 100:  # "5 points": a poll's percentage points or an index's points
                    units = units + (_PERCENTAGE_POINT,)
            if j < len(tokens) and tokens[j].text in _TIME_REFERENCES and units[0].dimension == "time":
                return None  # "a year earlier", "two years ago": when, not how long
            if hyphened and j < len(tokens) and tokens[j].kind == "word" and units[0].dimension == "time" \
                    and (tokens[j].raw[:1].isupper() or tokens[j].text in _NAMED_BY_MEASURE):
                return None  # "the 10-year Treasury yield", "a 30-year mortgage": a kind of thing
            half, j2 = _half_after(tokens, j, language)
            if half:  # "an hour and a half"
                number = replace(number, lo=number.lo + half, hi=number.hi + half)
                j = j2
        elif k < len(tokens) and tokens[k].text in ("m",) and scale == 1.0:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            metre = _unit_table()[0][("metre",)]
            after_m = _match_unit(tokens, k + 1, None) if nxt is not None else None
            if after_m:
                scale, (units, j), note = 1e6, after_m, "'m' read as million"  # "3m barrels", "2m tonnes"
            elif nxt is not None and nxt.kind == "word" and (nxt.text in _COUNT_NOUNS or nxt.text.endswith("s")
                                                               and nxt.text not in _ASIDE_AFTER_M):
                scale, j, note = 1e6, k + 1, "'m' read as million"  # "5m people"
            elif nxt is None or nxt.kind != "word" or nxt.text in _ASIDE_AFTER_M:
                units, j = metre, k + 1  # "a 10m wall" is not sure either way, "10m high" is
            else:
                units, j = metre + (Unit("count", "1", 1e6, None, "million"),), k + 1
        if units and any(u.dimension == "mass" for u in units) and tokens[j - 1].text in lx.CURRENCY_OR_UNIT:
            units = units + (Unit("money:GBP", "GBP", 1, None, "GBP"),)
    return _Side(number, scale, units, currency, start, j, note)


@lru_cache(maxsize=None)
def _cjk_table(name: str, language: str | None) -> dict:
    return lx.with_cjk(getattr(lx, name), language)


@lru_cache(maxsize=None)
def _phrases(name: str, language: str | None) -> tuple[tuple[str, object, tuple[str, ...]], ...]:
    """A lexicon table's (phrase, meaning, its token texts), longest first: tokenized once per language, not
    once per number ("ja-stimmen" -> ja, -, stimmen)."""
    return tuple((phrase, meaning, tuple(t.text for t in tokenize(phrase)))
                 for phrase, meaning in sorted(_cjk_table(name, language).items(), key=lambda kv: -len(kv[0])))


def _qualifier_before(tokens: list[Token], i: int, language: str | None) -> tuple[str, str, int] | None:
    """(phrase, kind, first token) of a qualifier just before tokens[i]."""
    for phrase, kind, words in _phrases("QUALIFIERS", language):
        n = len(words)
        if i - n >= 0 and tuple(t.text for t in tokens[i - n:i]) == words:
            if words[0] == "up" and i - n > 0 and tokens[i - n - 1].text in lx.merged("UP_PARTICLE_VERBS", language):
                return None  # "ticked up to 4.2%": a level reached, not a ceiling
            return phrase, kind, i - n
    return None


def _qualifier_after(tokens: list[Token], j: int, language: str | None = None) -> tuple[str, int] | None:
    counters = _cjk_table("COUNTERS", language)
    k = j
    if k < len(tokens) and tokens[k].text in counters:
        k += 1  # "100人以上": the counter stands between the number and its qualifier
    for phrase, kind, words in _phrases("QUALIFIERS_AFTER", language):
        if tuple(t.text for t in tokens[k:k + len(words)]) == words:
            return kind, k + len(words)
    if j + 1 < len(tokens) and tokens[j].text == "-" and tokens[j + 1].text == "plus":
        return "at least", j + 2  # "20-plus people"
    words = [t.text for t in tokens[j:j + 2]]
    if words == ["or", "so"]:
        return "about", j + 2
    if words == ["or", "more"] or words[:1] == ["plus"] or words[:1] == ["+"]:
        return "at least", j + (1 if words[:1] in (["plus"], ["+"]) else 2)
    if words == ["or", "less"] or words == ["or", "fewer"]:
        return "up to", j + 2
    return None


def _apply_qualifier(lo: float, hi: float, qualifier: str | None) -> tuple[float, float, bool, bool]:
    if qualifier == "about":
        return (lo * 0.9, hi * 1.1, False, False) if lo >= 0 else (lo * 1.1, hi * 0.9, False, False)
    if qualifier == "nearly":
        return (lo * 0.9 if lo >= 0 else lo * 1.1), hi, False, False
    if qualifier == "above":
        return hi, INF, True, True
    if qualifier == "at least":
        return lo, INF, False, True
    if qualifier == "below":
        return (0.0 if lo > 0 else -INF), lo, lo <= 0, True
    if qualifier == "up to":
        return (0.0 if hi > 0 else -INF), hi, hi <= 0, False
    return lo, hi, False, False


def _to_base(value: float, unit: Unit | None) -> float:
    if unit is None:
        return value
    if unit.dimension == "temperature":
        factor, offset = lx.TEMPERATURE_TO_C[unit.base]
        return value * factor + offset
    return value * unit.factor


def _build(tokens: list[Token], text: str, first: _Side, second: _Side | None, unit: Unit | None,
           currency: str | None, qualifier: tuple[str, str, int] | None, after: tuple[str, int] | None,
           start: int, end: int) -> Quantity:
    sides = [first] + ([second] if second else [])
    scale = next((s.scale for s in reversed(sides) if s.scale != 1.0), 1.0)
    lows = [s.number.lo * (s.scale if s.scale != 1.0 else scale) for s in sides]
    highs = [s.number.hi * (s.scale if s.scale != 1.0 else scale) for s in sides]
    lo, hi = min(lows), max(highs)
    step = min(s.number.step * (s.scale if s.scale != 1.0 else scale) for s in sides)
    kinds = {s.number.kind for s in sides}
    if unit is not None and unit.dimension == "temperature":
        lo, hi = _to_base(lo, unit), _to_base(hi, unit)
        step *= lx.TEMPERATURE_TO_C[unit.base][0]
        dimension, base, system, symbol = "temperature", "°C", unit.system, unit.symbol
    elif unit is not None:
        lo, hi, step = lo * unit.factor, hi * unit.factor, step * unit.factor
        dimension, base, system, symbol = unit.dimension, unit.base, unit.system, unit.symbol
    elif currency:
        dimension, base, system, symbol = "money:" + currency, currency, None, currency
    elif kinds == {"share"} and scale == 1.0:
        lo, hi, step = lo * 100, hi * 100, step * 100  # "two-thirds of members", "half of them": a share
        dimension, base, system, symbol = "percent", "%", None, "%"
    elif "ordinal" in kinds:
        dimension, base, system, symbol = "ordinal", "1", None, None
    elif "ratio" in kinds:
        dimension, base, system, symbol = "ratio", "×", None, "×"
    else:
        dimension, base, system, symbol = "count", "1", None, None
    kind = qualifier[1] if qualifier else None
    if after:
        kind = after[0]
    if second is not None or "approx" in kinds:
        kind = "range" if kind in (None, APPROXIMATE) or second is not None else kind
    bounds = _apply_qualifier(lo, hi, kind)
    words = " ".join(text[tokens[start].start:tokens[end - 1].end].split())
    note = first.scale_note or (second.scale_note if second else None)
    return Quantity(*bounds, dimension, base, system, kind, step, words, words, symbol, note,
                    (tokens[start].start, tokens[end - 1].end), (lo, hi))


def read_quantities(text: str, language: str | None = None) -> list[Quantity | VoteSplit | Ambiguous]:
    """Every quantity, vote split or ambiguous passage in a text, in order."""
    tokens = tokenize(text)
    excluded = [(m.start(), m.end()) for m in _excluded_re(language).finditer(text)]
    found: list[Quantity | VoteSplit | Ambiguous] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if any(a <= tok.start < b for a, b in excluded):
            i += 1
            continue
        read = _read_at(tokens, i, text, language)
        if read is None:
            i += 1
            continue
        reading, i = read
        if reading is not None:
            found.append(reading)
            if i + 1 < len(tokens) and tokens[i].text in ("a", "an", "per", "each", "every") \
                    and _match_unit(tokens, i + 1, None):
                i += 2  # "3m barrels a day", "$15 an hour": the rate's denominator, not another value
    return found


_YEAR = re.compile(r"(1[89]|20|21)\d\d")


def _is_year(side: _Side, tokens: list[Token]) -> bool:
    tok = tokens[side.start]
    return (side.number.kind == "cardinal" and not side.units and side.currency is None and side.scale == 1.0
            and tok.kind == "num" and _YEAR.fullmatch(tok.raw) is not None)


def _years_end(tokens: list[Token], first: _Side, language: str | None) -> int | None:
    """The index after a year or a span of years ("2024", "2024-25", "2024/25", "from 2020 to 2024",
    "between 2019 and 2021"): when things happened, never a quantity."""
    if not _is_year(first, tokens):
        return None
    j = first.end
    if j + 1 < len(tokens) and tokens[j].text in ("-", "–", "—", "/") and tokens[j + 1].kind == "num" \
            and _attached(tokens[j], tokens[j + 1]) and (len(tokens[j + 1].raw) == 2 or _YEAR.fullmatch(tokens[j + 1].raw)):
        return j + 2
    joined = _join(tokens, first, language)
    if joined and joined[1] < len(tokens) and _YEAR.fullmatch(tokens[joined[1]].raw or ""):
        return joined[1] + 1
    return j


def _read_at(tokens: list[Token], i: int, text: str, language: str | None):
    """(reading or None, next index) for a number starting at tokens[i]; None when no number starts there."""
    tok = tokens[i]
    score = i + 2 < len(tokens) and tokens[i + 1].text in ("-", "–", "to") and tokens[i + 2].kind == "num" \
        or i + 4 < len(tokens) and [t.text for t in tokens[i + 1:i + 4]] == ["-", "to", "-"]
    if tok.kind == "num" and _is_name(tokens, i, text) and not _unit_follows(tokens, i + 1) and not score \
            and not (i + 1 < len(tokens) and tokens[i + 1].text in ("%", "‰")):
        return None, i + 1  # S&P 500, Boeing 737; not "Trump 47%"
    if tok.kind == "num" and i + 1 < len(tokens) and tokens[i + 1].kind == "word" and len(tokens[i + 1].raw) > 1 \
            and tokens[i + 1].raw.isupper() and tokens[i + 1].text not in lx.CURRENCY_BEFORE \
            and tokens[i + 1].text not in lx.CURRENCY_AFTER and not _unit_follows(tokens, i + 1):
        return None, i + 2  # "the 737 MAX", "Galaxy S24 FE": a model name
    if tok.kind == "word" and tok.raw[:1].isupper() and tok.text in lx.merged("CARDINALS", language) and i > 0 \
            and tokens[i - 1].kind == "word" and tokens[i - 1].raw[:1].isupper() \
            and tokens[i - 1].text not in _SENTENCE_WORDS:
        return None, i + 1  # Air Force One, Formula One
    if tok.kind == "num" and i + 4 < len(tokens) and [t.text for t in tokens[i + 1:i + 5:2]] == [":", ":"] \
            and all(_attached(tokens[k], tokens[k + 1]) for k in range(i, i + 4)) \
            and len(tokens[i + 2].raw) == 2 and len(tokens[i + 4].raw) == 2:
        h, m, s = int(tokens[i].raw), int(tokens[i + 2].raw), int(tokens[i + 4].raw)
        if m < 60 and s < 60:  # 2:09:56, a race time
            seconds = h * 3600 + m * 60 + s
            words = text[tok.start:tokens[i + 4].end]
            return Quantity(seconds, seconds, False, False, "time", "s", None, None, 0.5, words, words, "h:m:s",
                            figure=(seconds, seconds)), i + 5
    if i > 1 and tokens[i - 1].text == ":" and tokens[i - 2].kind == "num" and _attached(tokens[i - 2], tokens[i - 1]) \
            and _attached(tokens[i - 1], tok):
        return None, i + 1  # the second half of "2:1" or "20:15", whatever the first half was
    if tok.kind == "num" and i > 1 and tokens[i - 1].text in _HOUR_ARTICLES and tokens[i - 2].text in _HOUR_LEADS:
        # "a las 20.30 horas", "hacia las 21": Spanish names the hour with "las" (las horas): a clock time
        end = i + 1
        return None, end + 1 if end < len(tokens) and tokens[end].text in ("hora", "horas", "h") else end
    date_end = _date_part_end(tokens, i, language)
    if date_end is not None:
        return None, date_end  # "11月24日", "午後9時15分", "2025年": a date, not a quantity
    currency, start = _currency_before(tokens, i)
    first = _read_side(tokens, i, language, currency)
    if first is None:
        if tok.kind == "num" and read_digits(tok.raw, language) is None and not re.fullmatch(r"[\d.]+", tok.raw):
            return Ambiguous((), tok.raw), i + 1  # "2,5" in an English text: unclear, never a guess
        return None
    first = replace(first, start=start)
    if first.number.kind == "approx" or first.number.kind == "ratio":
        return _finish(tokens, text, first, None, start, first.end, language)
    years = _years_end(tokens, first, language)
    if years is not None:
        return None, years
    tally = _worded_tally(tokens, text, first, language)
    if tally is not None:
        return tally
    # "one in five": a share
    ins = lx.merged("IN_WORDS", language)
    j = first.end
    for phrase in sorted(ins, key=len, reverse=True):
        words = phrase.split()
        if not first.units and not first.currency and [t.text for t in tokens[j:j + len(words)]] == words:
            denominator = read_number(tokens, j + len(words), language)
            if denominator and denominator.lo > first.number.lo > 0 and denominator.kind == "cardinal":
                share = 100 * first.number.lo / denominator.lo
                words_read = " ".join(text[tokens[start].start:tokens[denominator.end - 1].end].split())
                qualifier = _qualifier_before(tokens, start, language)
                kind = qualifier[1] if qualifier else None
                if qualifier:
                    words_read = " ".join(text[tokens[qualifier[2]].start:tokens[denominator.end - 1].end].split())
                q = Quantity(*_apply_qualifier(share, share, kind), "percent", "%", None, kind, 0.0, words_read,
                             words_read, "%", figure=(share, share))
                return q, denominator.end
    # a range or a vote split
    joined = _join(tokens, first, language)
    if joined is not None:
        joiner, k, opener = joined
        if k + 1 < len(tokens) and tokens[k].text in _ARTICLES:
            k += 1
        currency2, k2 = _currency_before(tokens, k + 1) if k + 1 < len(tokens) else (None, k)
        if k < len(tokens) and tokens[k].text in lx.CURRENCY_BEFORE:
            currency2, k = lx.CURRENCY_BEFORE[tokens[k].text], k + 1
        second = _read_side(tokens, k, language, currency2 or first.currency) if k < len(tokens) else None
        if second is not None and second.number.kind == first.number.kind:
            split = _vote_split(tokens, text, first, second, joiner, opener)
            if split is not None:
                return split, second.end
            if joiner == ":":
                return None, second.end  # "im Verhältnis 2:1": a ratio or a time, never a range
            if opener and opener[0] == "from":
                return _finish(tokens, text, first, None, start, first.end, language)  # a change, not a range
            moved = any(t.text in _CHANGE_VERBS for t in tokens[max(0, start - 3):start])
            falling = second.number.lo * (second.scale or 1) < first.number.lo * (first.scale or 1)
            if joiner in ("to", "bis", "a", "à") and moved or falling and not opener:
                return _finish(tokens, text, first, None, start, first.end, language)  # "fell $4.50 to $130.20"
            return _finish(tokens, text, first, second, opener[1] if opener else start, second.end, language)
    # "eleven of the 12 members"
    of_words = lx.merged("OF_WORDS", language)
    if not first.units and not first.currency and j < len(tokens) and tokens[j].text in of_words:
        k = j + 1
        if k < len(tokens) and tokens[k].text in ("the", "die", "los", "las", "les"):
            k += 1
        total = read_number(tokens, k, language) if k < len(tokens) else None
        window = text[max(0, tokens[start].start - 80):tokens[min(len(tokens) - 1, k + 3)].end + 40]
        if total and total.kind == "cardinal" and total.lo > first.number.lo and _VOTE_WORDS.search(window):
            yes, no = int(first.number.lo), int(total.lo - first.number.lo)
            words = " ".join(text[tokens[start].start:tokens[total.end - 1].end].split())
            return VoteSplit(yes, no, f"{yes}–{no}", words), total.end
    if _is_year(first, tokens):
        return None, first.end
    read, end = _finish(tokens, text, first, None, start, first.end, language)
    if isinstance(read, Quantity) and first.units:
        return _compound(tokens, text, read, end, language)
    return read, end


def _compound(tokens: list[Token], text: str, read: Quantity, end: int, language: str | None):
    """'a month and nine days', '1 hour 30 minutes', '2 hours, 9 minutes': one quantity of one dimension."""
    ands = lx.merged("AND_WORDS", language)
    while end < len(tokens):
        k = end + 1 if tokens[end].text in ands or tokens[end].text == "," else end
        if k >= len(tokens) or k == end and tokens[k].kind != "num":
            break
        side = _read_side(tokens, k, language, None)
        if side is None or not side.units or read.qualifier not in (None, "range"):
            break
        part, after = _finish(tokens, text, side, None, k, side.end, language)
        if not isinstance(part, Quantity) or part.dimension != read.dimension or part.qualifier is not None:
            break
        if part.base != read.base:
            converted = _convert(read, part.base) or _convert(part, read.base)
            if converted is None:
                break
            if converted[0].base == part.base:
                read = converted[0]
            else:
                part = converted[0]
        words = " ".join(text[read.span[0]:tokens[after - 1].end].split())
        exact = read.lo == read.hi and part.lo == part.hi
        read = replace(read, lo=read.lo + part.lo, hi=read.hi + part.hi, step=min(read.step, part.step),
                       qualifier=None if exact else "range", label=words, words=words,
                       span=(read.span[0], tokens[after - 1].end), figure=(read.lo + part.lo, read.hi + part.hi))
        end = after
    return read, end



def _join(tokens: list[Token], first: _Side, language: str | None) -> tuple[str, int, tuple[str, int] | None] | None:
    """(joining word, index after it, (opener, its index)) when a second number may follow."""
    j = first.end
    if j >= len(tokens):
        return None
    tok = tokens[j]
    start = first.start
    opener = None
    q = _qualifier_before(tokens, start, language)
    first_of_phrase = q[2] if q else start
    if first_of_phrase > 1 and tokens[first_of_phrase - 1].text in _ARTICLES:
        first_of_phrase -= 1  # "entre el 4,25% y el 4,5%"
    if first_of_phrase > 0:
        before = tokens[first_of_phrase - 1].text
        if before in ("between", "zwischen", "entre"):
            opener = ("between", first_of_phrase - 1)
        elif before in ("from", "von") or before in ("de",) and language and language.startswith(("es", "fr")):
            opener = ("from", first_of_phrase - 1)
    if tok.kind == "p" and tok.text in "-–—" and j + 2 < len(tokens) and tokens[j + 1].text == "to" \
            and tokens[j + 2].text == "-":
        return "-to-", j + 3, opener  # "11-to-1"
    if tok.kind == "p" and tok.text in "-–—" and j + 1 < len(tokens):
        return tok.text, j + 1, opener
    if tok.text == ":" and j + 1 < len(tokens) and tokens[j + 1].kind == "num" and _attached(tokens[j - 1], tok) \
            and _attached(tok, tokens[j + 1]) and len(tokens[j - 1].raw) <= 2 and len(tokens[j + 1].raw) <= 2:
        return ":", j + 1, opener  # "2:1": a score, if the words around say so (a clock time is read apart)
    words = {"to", "bis", "a", "à", "or", "o", "ou", "oder"}
    if opener and opener[0] == "between":
        words |= {"and", "und", "y", "et", "e"}
    if tok.kind == "word" and tok.text in words:
        if tok.text in ("a", "à") and not (language or "").startswith(("es", "fr", "it", "pt")):
            return None
        if tok.text == "to" and j + 1 < len(tokens) and tokens[j + 1].text in ("a", "an"):
            return None  # "cut … to a range of"
        return tok.text, j + 1, opener
    return None


def _cjk_word(tokens: list[Token], j: int, table: dict) -> tuple[str, int] | None:
    """A word of `table` written as several CJK tokens in a row ("美元" is 美 + 元): (the word, index after)."""
    for n in (3, 2):
        window = tokens[j:j + n]
        if len(window) == n and all(_attached(a, b) for a, b in zip(window, window[1:])) \
                and all(t.kind == "word" and lx.is_cjk(t.text) for t in window):
            word = "".join(t.text for t in window)
            if word in table:
                return word, j + n
    return None


def _date_part_end(tokens: list[Token], i: int, language: str | None) -> int | None:
    """The index after a date or clock reading that starts at tokens[i] ("11月24日", "9時15分", "9時半"), or
    None. 間 after the counter makes a length instead: "25日間", "2時間"."""
    counters = _cjk_table("DATE_COUNTERS", language)
    j = i
    while j + 1 < len(tokens) and tokens[j].kind == "num" and tokens[j + 1].text in counters \
            and _attached(tokens[j], tokens[j + 1]) and not _cjk_word(tokens, j + 1, lx.CURRENCY_AFTER) \
            and not (j + 2 < len(tokens) and tokens[j + 2].text == "間" and _attached(tokens[j + 1], tokens[j + 2])):
        clock = tokens[j + 1].text in lx.CJK_CLOCK["hour"]
        j += 2
        if clock and j < len(tokens) and tokens[j].text == "半":
            j += 1
        elif clock and j + 1 < len(tokens) and tokens[j].kind == "num" \
                and tokens[j + 1].text in lx.CJK_CLOCK["minute"]:
            j += 2  # the minutes of a clock time, not a length
    return j if j > i else None


def _plain_count(side: _Side | None) -> bool:
    """A whole number of things: nothing measured, no money, no scale word ("11", not "11 km" or "11 million")."""
    return side is not None and not side.units and not side.currency and side.scale == 1.0 \
        and side.number.step == 0.5 and side.number.kind == "cardinal" and side.number.lo >= 0


def _phrase_end(tokens: list[Token], j: int, language: str | None, table: str) -> int | None:
    """The index after the longest phrase of a lexicon table written at tokens[j], else None."""
    for _, _, words in _phrases(table, language):
        if tuple(t.text for t in tokens[j:j + len(words)]) == words:
            return j + len(words)
    return None


def _worded_tally(tokens: list[Token], text: str, first: _Side, language: str | None):
    """(VoteSplit, next index) for a tally in words. With roles stated ("312 votes in favour and 254 against",
    "349 Ja-Stimmen bei 300 Gegenstimmen") the pair is (for, against); without ("by 67 votes to 32", "331 voix
    contre 233") it is the two counts as written, and compares as a tally whatever side each was."""
    if not _plain_count(first) or first.start > 0 and tokens[first.start - 1].text in _RANGE_OPENERS:
        return None
    after_noun = _phrase_end(tokens, first.end, language, "VOTE_NOUNS")
    k = after_noun or first.end
    # "330 MPs voting in favour": who voted and the verb may stand between the count and its side
    voters = first.end + 1 if first.end < len(tokens) and tokens[first.end].kind == "word" else first.end
    voted = _phrase_end(tokens, first.end, language, "VOTE_VERBS") or _phrase_end(tokens, voters, language,
                                                                                     "VOTE_VERBS")
    if not after_noun and voted:
        k = voted

    def count_at(j: int | None) -> _Side | None:
        side = _read_side(tokens, j, language, None) if j is not None and j < len(tokens) else None
        return side if _plain_count(side) else None

    def made(yes: int, no: int, end: int, roles: bool):
        words = " ".join(text[tokens[first.start].start:tokens[end - 1].end].split())
        return VoteSplit(yes, no, f"{yes}–{no}", words, roles=roles), end

    a = int(first.number.lo)
    for own, other in (("VOTES_FOR", "VOTES_AGAINST"), ("VOTES_AGAINST", "VOTES_FOR")):
        role_end = _phrase_end(tokens, k, language, own)
        separated = _phrase_end(tokens, role_end, language, "TALLY_SEPARATORS") if role_end else None
        second = count_at(separated)
        if second is None:
            continue
        m = _phrase_end(tokens, second.end, language, "VOTE_NOUNS") or second.end
        end = _phrase_end(tokens, m, language, other)
        if end is not None:
            # "… and 3 abstentions" belongs to the tally, not a third value
            separated = _phrase_end(tokens, end, language, "TALLY_SEPARATORS")
            if separated is not None:  # ", with 2 abstaining", ", and 3 abstentions"
                separated = _phrase_end(tokens, separated, language, "TALLY_SEPARATORS") or separated
            abstained = count_at(separated)
            if abstained is not None:
                end = _phrase_end(tokens, abstained.end, language, "VOTE_ABSTENTIONS") or end
            b = int(second.number.lo)
            return made(*((a, b) if own == "VOTES_FOR" else (b, a)), end, True)
    second = count_at(_phrase_end(tokens, k, language, "TALLY_JOINERS"))
    if second is not None:
        noun_after = _phrase_end(tokens, second.end, language, "VOTE_NOUNS")
        if after_noun or noun_after:
            return made(a, int(second.number.lo), noun_after or second.end, False)
    return None


_LOSING_BEFORE = re.compile(r"(fail\w*|lose|loses|losing|lost|defeated|rejected|trail\w*|verlor\w*|unterlag|"
                            r"perdió|perdeu|perso|perdu|scheiterte|rechazad\w*)$")
_TALLY_AFTER = re.compile(r"(votes?|ruling|decision|defeat|loss|margin|tally|split)$")


def _losing_tally(tokens: list[Token], start: int, end: int) -> bool:
    """Is a pair whose second count is the larger a tally ("failed 204-227", "lost 1-7", "a 48-52 vote")?
    Only the words right around it say so: "voters aged 18-24 voted" is a range of ages."""
    before = [t.text for t in tokens[max(0, start - 3):start] if t.kind == "word"]
    after = tokens[end].text if end < len(tokens) else ""
    return any(_LOSING_BEFORE.match(word) for word in before) or bool(_TALLY_AFTER.match(after))


def _vote_split(tokens: list[Token], text: str, first: _Side, second: _Side, joiner: str,
                opener: tuple[str, int] | None) -> VoteSplit | None:
    """11-1, 218–214, 11-to-1, 11 votes to 1: integers with nothing measured, the second not larger."""
    if opener is not None or joiner in ("or", "oder", "ou", "o"):
        return None
    if first.units or second.units or first.currency or second.currency or first.scale != 1.0 \
            or second.scale != 1.0 or first.number.step != 0.5 or second.number.step != 0.5 \
            or first.number.kind != "cardinal":
        return None
    a, b = first.number.lo, second.number.lo
    if a < 0 or b < 0:
        return None
    window = text[max(0, tokens[first.start].start - 80):tokens[second.end - 1].end + 60]
    if b > a and not (joiner in ("-", "–", "—", "-to-", ":") and _losing_tally(tokens, first.start, second.end)):
        return None  # "10-15 people", "aged 18-24" are ranges; "failed 204-227", "lost 1-7" a tally and a score
    if joiner == ":" and not (_SCORE_WORDS.search(window) or _AGAINST_AFTER.match(text, tokens[second.end - 1].end)):
        return None  # "im Verhältnis 2:1" is a ratio
    if joiner not in ("-", "–", "—", "-to-", ":") and not _SCORE_WORDS.search(window):
        return None  # "from 11 to 1" is a fall, not a vote
    words = " ".join(text[tokens[first.start].start:tokens[second.end - 1].end].split())
    return VoteSplit(int(a), int(b), f"{int(a)}–{int(b)}", words)


def _finish(tokens: list[Token], text: str, first: _Side, second: _Side | None, start: int, end: int,
            language: str | None):
    after = _qualifier_after(tokens, end, language)
    qualifier = _qualifier_before(tokens, start, language)
    if qualifier is not None and qualifier[1] in ("above", "below") and qualifier[0] in ("over", "under", "über",
                                                                                           "unter") and second:
        qualifier = None
    phrase_start = qualifier[2] if qualifier else start
    if after:
        end = after[1]
    units = first.units or (second.units if second else ())
    currency = first.currency or (second.currency if second else None)
    if second is not None and first.units and second.units and \
            {u.dimension for u in first.units} != {u.dimension for u in second.units}:
        return _finish(tokens, text, first, None, start, first.end, language)  # "50 bp to 4%": two values
    direction = _direction(tokens, phrase_start, language)
    if direction is None:
        direction = _cjk_direction(tokens, phrase_start, end)
    options = [replace(_build(tokens, text, first, second, unit, currency, qualifier, after, phrase_start, end),
                       direction=direction) for unit in (units or (None,))]
    if len(options) == 1:
        return options[0], end
    return Ambiguous(tuple(options), options[0].words), end


def _direction(tokens: list[Token], start: int, language: str | None) -> int | None:
    """+1 / -1 when a change verb stands just before the size ("fell 2.95%", "cut rates by 25 bp");
    None for a level ("rose to 4.52%") or no verb."""
    directions = lx.merged("DIRECTIONS", language)
    k = start - 1
    if k >= 0 and tokens[k].text in ("by", "um", "en", "de", "d'", "of", "del", "dello", "della", "di", "em", "met"):
        k -= 1
        for _ in range(3):  # "cut rates by", "senkte den Leitzins um": the verb's object between
            if k >= 0 and tokens[k].kind == "word" and tokens[k].text not in directions:
                k -= 1
    if k >= 0 and tokens[k].text in directions:
        return directions[tokens[k].text]
    return None


def _cjk_direction(tokens: list[Token], start: int, end: int) -> int | None:
    """+1 / -1 for a change written in Japanese after its size ("0.25%引き上げ") or in Chinese before it
    ("上涨2%"); None for a level ("0.5%に引き上げ", "升至2%") or no change word."""
    table = _cjk_table("DIRECTIONS", None)

    def run(lo: int, hi: int) -> str:
        """The CJK characters of tokens[lo:hi] that stand together, as one string."""
        return "".join(t.text for t in tokens[max(0, lo):hi] if t.kind == "word" and lx.is_cjk(t.text))

    after = run(end, end + 4) if end < len(tokens) and _attached(tokens[end - 1], tokens[end]) else ""
    if after[:1] == "に":
        return None
    for word in sorted(table, key=len, reverse=True):
        if lx.is_cjk(word) and after.startswith(word):
            return table[word]
    before = run(start - 3, start) if start > 0 and _attached(tokens[start - 1], tokens[start]) else ""
    if before[-1:] in ("至", "到"):
        return None
    for word in sorted(table, key=len, reverse=True):
        if lx.is_cjk(word) and before.endswith(word):
            return table[word]
    return None


def parse_quantity(text: str, dimension: str | None = None, language: str | None = None) -> Quantity:
    """The one quantity that `text` states ('about 25 minutes', 'Rs 615 crore', '4.25%-4.50%')."""
    found = pick(read_quantities(text, language), dimension)
    if isinstance(found, str) or found is None:
        raise QuantityError(found or f"no number in '{text}'")
    return found


_UNIT_ALIASES = {"percent": "percent", "%": "percent", "percentage": "percent", "percentage point": "points",
                 "percentage points": "points", "pp": "points", "basis points": "points", "bp": "points",
                 "points": "points", "duration": "time", "time": "time", "money": "money", "count": "count",
                 "number": "count", "temperature": "temperature", "speed": "speed", "length": "length",
                 "distance": "length", "area": "area", "volume": "volume", "mass": "mass", "weight": "mass",
                 "ordinal": "ordinal", "ratio": "ratio", "index": "index", "index points": "index"}


def matches_unit(reading: Quantity | VoteSplit, wanted: str | None) -> bool:
    """Does a reading have the dimension or unit a claim asks for (`unit: percent`, `unit: km`, `votes`)?"""
    if wanted is None:
        return True
    want = wanted.strip().lower()
    if isinstance(reading, VoteSplit):
        return want in ("votes", "vote", "split", "score")
    if want in ("votes", "vote", "split", "score"):
        return False
    aliases = _UNIT_ALIASES
    if want in aliases:
        target = aliases[want]
        if target == "money":
            return reading.dimension.startswith("money:")
        if target == "points" and reading.dimension == "percent":
            return True  # "cut by 0.25%": news writes points as percent; the relation says which reading
        return reading.dimension == target
    if want.upper() == reading.base or "money:" + want.upper() == reading.dimension:
        return True
    unit = _unit_table()[0].get(tuple(t.text for t in tokenize(want)))
    if unit:
        return any(u.dimension == reading.dimension for u in unit)
    return False


def known_unit(wanted: str) -> bool:
    """Is `wanted` a dimension, unit or currency that `matches_unit` understands?"""
    want = wanted.strip().lower()
    return (want in _UNIT_ALIASES or want in ("votes", "vote", "split", "score")
            or want.upper() in set(lx.CURRENCY_BEFORE.values()) | set(lx.CURRENCY_AFTER.values())
            or tuple(t.text for t in tokenize(want)) in _unit_table()[0])


def pick(readings: list, wanted: str | None) -> Quantity | VoteSplit | str | None:
    """The one reading of the claim's unit; a message when several remain and nothing chooses; None when none."""
    options: list = []
    for r in readings:
        if isinstance(r, Ambiguous):
            fitting = [o for o in r.options if wanted and matches_unit(o, wanted)]
            options.append(fitting[0] if len(fitting) == 1 else r)
        else:
            options.append(r)
    if wanted:
        options = [o for o in options if not isinstance(o, Ambiguous) and matches_unit(o, wanted)]
        exact = [o for o in options if not (isinstance(o, Quantity) and o.dimension == "percent"
                                            and _UNIT_ALIASES.get(wanted.strip().lower()) == "points")]
        options = exact or options  # '%' stands for points only where no quantity in points is written
    if not options:
        return None
    if len(options) > 1 and not wanted:
        # ordinals ("third straight cut") and multipliers stand beside the quantity they qualify
        plain = [o for o in options if getattr(o, "dimension", "") not in ("ordinal",)]
        if len(plain) == 1:
            options = plain
    if len(options) == 1:
        only = options[0]
        if isinstance(only, Ambiguous):
            readings_text = " or ".join(f"{o.unit or o.dimension}" for o in only.options)
            return f"'{only.words}' may be {readings_text}; give `value:` or the claim's `unit:`"
        return only
    distinct = {(getattr(o, "lo", None), getattr(o, "hi", None), o.dimension, getattr(o, "yes", None))
                for o in options}
    if len(distinct) == 1:
        return options[0]  # the same figure twice
    listed = ", ".join(f"'{getattr(o, 'words', '') or o.label}'" for o in options[:4])
    return f"several values in the quote: {listed}; give `value:` or the claim's `unit:`"


# --- relating two readings ------------------------------------------------------------------

@dataclass(frozen=True)
class QuantityRelation:
    kind: str  # agree | reconcilable | conflict | unknown
    how: str  # "", "rounding", "conversion", "qualifier", "'%' read as percentage points", …


def _overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    (alo, ahi, alo_open, ahi_open), (blo, bhi, blo_open, bhi_open) = a, b
    tol = 1e-9 * max([1.0] + [abs(x) for x in (alo, ahi, blo, bhi) if math.isfinite(x)])
    if ahi < blo - tol or bhi < alo - tol:
        return False
    if abs(ahi - blo) <= tol and (ahi_open or blo_open) and not (math.isinf(ahi) or math.isinf(blo)):
        return False
    if abs(bhi - alo) <= tol and (bhi_open or alo_open) and not (math.isinf(bhi) or math.isinf(alo)):
        return False
    return True


def _bounds(q: Quantity, widen: float = 0.0) -> tuple[float, float, bool, bool]:
    # Widened by rounding, the bounds are open: 2 may be 2.4 rounded, not 2.5 (which is 3 or 2.5).
    return q.lo - widen, q.hi + widen, q.lo_open or bool(widen), q.hi_open or bool(widen)


def _convert(q: Quantity, base: str) -> tuple[Quantity, bool] | None:
    """q in another base of its dimension: (value, exact?)."""
    if q.base == base:
        return q, True
    spread = lx.INEXACT_BASES.get((q.dimension, q.base, base))
    if spread:
        lo, hi = q.lo * spread[0], q.hi * spread[1]
        return replace(q, lo=lo, hi=hi, base=base, step=q.step * spread[1]), False
    if q.dimension == "points" or q.dimension == "percent":
        return None
    return None


def _same(a: Quantity, b: Quantity) -> bool:
    tol = 1e-9 * max([1.0] + [abs(x) for x in (a.lo, a.hi, b.lo, b.hi) if math.isfinite(x)])
    return (a.qualifier == b.qualifier and a.lo_open == b.lo_open and a.hi_open == b.hi_open
            and (abs(a.lo - b.lo) <= tol or a.lo == b.lo) and (abs(a.hi - b.hi) <= tol or a.hi == b.hi))


def relate_quantities(a: Quantity, b: Quantity) -> QuantityRelation:
    """agree | reconcilable (how) | conflict | unknown (different dimensions or currencies)."""
    how = ""
    if a.dimension != b.dimension:
        if {a.dimension, b.dimension} == {"percent", "points"}:
            how = "'%' read as percentage points"
            a = replace(a, dimension="points", base="pp") if a.dimension == "percent" else a
            b = replace(b, dimension="points", base="pp") if b.dimension == "percent" else b
        else:
            return QuantityRelation("unknown", "")
    exact = True
    if a.base != b.base:
        converted = _convert(a, b.base)
        if converted is None:
            converted_b = _convert(b, a.base)
            if converted_b is None:
                return QuantityRelation("unknown", "")
            b, exact = converted_b
        else:
            a, exact = converted
    if a.direction is not None and b.direction is not None and a.direction != b.direction:
        return QuantityRelation("conflict", "one says up, the other down")
    if _same(a, b):
        return QuantityRelation("agree", how)
    plain = {a.qualifier, b.qualifier} <= {None, APPROXIMATE}
    if _overlap(_bounds(a), _bounds(b)):
        if plain and exact:
            return QuantityRelation("agree", how)
        reason = how or ("conversion" if not exact else "qualifier")
        return QuantityRelation("reconcilable", reason)
    # A figure written with fewer digits may be the other rounded: widen it by half its last digit.
    coarse, fine = (a, b) if a.step > b.step else (b, a)
    figures = {a.qualifier, b.qualifier} <= {None, APPROXIMATE, "range"}  # "more than 2" is a bound, not a figure
    if figures and coarse.step > fine.step and _overlap(_bounds(coarse, coarse.step), _bounds(fine)):
        return QuantityRelation("reconcilable", how or "rounding")
    if figures and a.system and b.system and a.system != b.system \
            and _overlap(_bounds(a, a.step), _bounds(b, b.step)):
        return QuantityRelation("reconcilable", how or "rounded conversion between unit systems")
    return QuantityRelation("conflict", how)


def compare_quantities(a: Quantity, b: Quantity) -> str:
    """agree | reconcilable | conflict | unknown."""
    return relate_quantities(a, b).kind


def relate_splits(a: VoteSplit, b: VoteSplit) -> str:
    """Two tallies agree on the same two counts; which was for and which against counts only when both
    sources say ("312 in favour, 254 against" against "254 in favour, 312 against" is a conflict)."""
    if a.roles and b.roles:
        return "agree" if (a.yes, a.no) == (b.yes, b.no) else "conflict"
    return "agree" if sorted((a.yes, a.no)) == sorted((b.yes, b.no)) else "conflict"
