"""Numbers, durations and money as intervals with units and qualifiers."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf

# unit word -> (dimension, system, factor to the dimension's base unit, (lo, hi) multipliers for inexact units)
_UNITS: dict[str, tuple[str, str | None, float, tuple[float, float]]] = {}


def _unit(names: str, dimension: str, system: str | None, factor: float, spread=(1.0, 1.0)) -> None:
    for name in names.split():
        _UNITS[name] = (dimension, system, factor, spread)


_unit("s sec secs second seconds", "time", None, 1)
_unit("min mins minute minutes", "time", None, 60)
_unit("h hr hrs hour hours", "time", None, 3600)
_unit("day days", "time", None, 86400)
_unit("week weeks", "time", None, 604800)
_unit("month months", "time", None, 86400, (28, 31))  # a month is not a fixed number of days
_unit("year years", "time", None, 86400, (365, 366))
_unit("mm millimetre millimetres millimeter millimeters", "length", "metric", 0.001)
_unit("cm centimetre centimetres centimeter centimeters", "length", "metric", 0.01)
_unit("m metre metres meter meters", "length", "metric", 1)
_unit("km kms kilometre kilometres kilometer kilometers", "length", "metric", 1000)
_unit("in inch inches", "length", "imperial", 0.0254)
_unit("ft foot feet", "length", "imperial", 0.3048)
_unit("yd yard yards", "length", "imperial", 0.9144)
_unit("mi mile miles", "length", "imperial", 1609.344)
_unit("g gram grams", "mass", "metric", 0.001)
_unit("kg kilogram kilograms kilo kilos", "mass", "metric", 1)
_unit("t tonne tonnes", "mass", "metric", 1000)
_unit("lb lbs", "mass", "imperial", 0.45359237)
_unit("% percent per-cent", "percent", None, 1)

_CURRENCIES = {"rs": "INR", "rs.": "INR", "inr": "INR", "₹": "INR", "rupee": "INR", "rupees": "INR",
               "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
               "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP",
               "¥": "JPY", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "cny": "CNY", "rmb": "CNY"}
_DISPLAY = {"rs": "Rs", "rs.": "Rs.", "inr": "INR", "usd": "USD", "us$": "US$", "eur": "EUR", "gbp": "GBP",
            "jpy": "JPY", "cny": "CNY", "rmb": "RMB"}
# Words that may stand between a number and its unit without changing the unit's length.
_NEUTRAL_ADJECTIVES = frozenset("earth full whole straight consecutive calendar more additional long".split())
_SCALES = {"thousand": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "cr": 1e7,
           "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_WORDS.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_WORDS.update({"a": 1, "an": 1, "half": 0.5, "dozen": 12})
# qualifier -> kind; longest phrases first so "just under" wins over "under"
_QUALIFIERS = [
    ("more than", "above"), ("greater than", "above"), ("over", "above"), ("above", "above"),
    ("exceeding", "above"), ("at least", "at least"), ("no less than", "at least"), ("less than", "below"),
    ("fewer than", "below"), ("under", "below"), ("below", "below"), ("up to", "up to"),
    ("at most", "up to"), ("as many as", "up to"), ("just under", "nearly"), ("nearly", "nearly"),
    ("almost", "nearly"), ("close to", "nearly"), ("about", "about"), ("approximately", "about"),
    ("approx.", "about"), ("approx", "about"), ("around", "about"), ("roughly", "about"), ("some", "about"),
    ("an estimated", "about"), ("estimated", "about"),
]
_QUALIFIERS.sort(key=lambda q: -len(q[0]))
APPROXIMATE = "about"


class QuantityError(ValueError):
    pass


@dataclass(frozen=True)
class Quantity:
    lo: float
    hi: float
    lo_open: bool
    hi_open: bool
    dimension: str  # time | length | mass | percent | money:INR | count
    system: str | None
    qualifier: str | None  # exact when None; about | nearly | above | at least | below | up to | range
    widen: float  # half the last written digit, in base units (for comparing across unit systems)
    label: str

    @property
    def approximate(self) -> bool:
        return self.qualifier == APPROXIMATE


_TOKEN = re.compile(r"\d+(?:\.\d+)?|[a-z]+\.?|[₹$€£¥%]|us\$")


def _tokens(text: str) -> list[str]:
    text = text.lower().replace("per cent", "percent")
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    # A number joined to a word by a hyphen is part of a name (Chandrayaan-3, Luna-25, COVID-19).
    text = re.sub(r"\b[^\W\d_]+[-–]\d+\b", " ", text)
    text = re.sub(r"(?<=\d)\s*[-–—]\s*(?=\d)", " to ", text)
    text = re.sub(r"[-–—]", " ", text)
    # A word's trailing period is sentence punctuation, except in the abbreviations we know.
    return [t if not t.endswith(".") or t in _CURRENCIES or t in ("approx.",) else t[:-1]
            for t in _TOKEN.findall(text)]


def _number(tokens: list[str], i: int) -> tuple[float, int, float] | None:
    """A number at tokens[i]: (value, next index, half its last written digit)."""
    tok = tokens[i]
    if tok[0].isdigit():
        decimals = len(tok.split(".")[1]) if "." in tok else 0
        value, i, step = float(tok), i + 1, 0.5 * 10 ** -decimals
    elif tok == "half" and tokens[i + 1:i + 2] in (["a"], ["an"]):
        return 0.5, i + 2, 0.25  # "half an hour"
    elif tok in _WORDS:
        value, start, step = 0.0, i, 0.5
        while i < len(tokens) and tokens[i] in _WORDS and not (i > start and tokens[i] in ("a", "an", "half")):
            value += _WORDS[tokens[i]]
            i += 1
        if tokens[i - 1] in ("a", "an") and not (i < len(tokens) and (tokens[i] in _UNITS or tokens[i] in _SCALES)):
            return None  # the article "a", not the number one
    else:
        return None
    if tokens[i:i + 3] == ["and", "a", "half"]:  # "two and a half hours"
        value, i = value + 0.5, i + 3
    return value, i, step


def _scale(tokens: list[str], i: int, currency: str | None) -> tuple[float, int]:
    # A bare "m" after a number is metres unless money is being talked about.
    if i < len(tokens) and tokens[i] in _SCALES and (currency or tokens[i] != "m"):
        return _SCALES[tokens[i]], i + 1
    return 1.0, i


def _qualifier_before(tokens: list[str], i: int) -> tuple[str, str] | None:
    """(phrase, kind) of the qualifier written just before tokens[i] ("more than 2", "some 1,200")."""
    before = " ".join(tokens[max(0, i - 3):i])
    for phrase, kind in _QUALIFIERS:
        if re.search(rf"(?<![a-z]){re.escape(phrase)}$", before):
            return phrase, kind
    return None


def _read_one(tokens: list[str], i: int) -> tuple[Quantity, int] | None:
    """The quantity whose number starts at tokens[i], and the index after it."""
    if _number(tokens, i) is None:
        return None
    start = i
    if i > 0 and tokens[i - 1] in _CURRENCIES:
        start = i - 1
    currency = next((_CURRENCIES[t] for t in tokens[max(0, i - 1):i + 4] if t in _CURRENCIES), None)
    written = _qualifier_before(tokens, start)
    qualifier = written[1] if written else None
    parts: list[tuple[float, float, str, str | None, float]] = []  # lo, hi, dimension, system, widen
    ranged = False
    while i < len(tokens) and (number := _number(tokens, i)) is not None:
        low, i, step = number
        scale, i = _scale(tokens, i, currency)
        high = low
        if tokens[i:i + 1] == ["to"] and i + 1 < len(tokens) and (upper := _number(tokens, i + 1)):
            high, i, _ = upper
            upper_scale, i = _scale(tokens, i, currency)
            scale = upper_scale if upper_scale != 1.0 else scale
            ranged = True
        if tokens[i:i + 1] and tokens[i] in _CURRENCIES:
            i += 1  # "615 crore rupees"
        if i + 1 < len(tokens) and tokens[i] in _NEUTRAL_ADJECTIVES and tokens[i + 1] in _UNITS:
            i += 1  # "14 Earth days", "two full hours"; not "one lunar day", which is not a day
        unit = _UNITS.get(tokens[i]) if i < len(tokens) and not currency else None
        if unit is not None:
            i += 1
        dimension, system, factor, spread = unit or (
            "money:" + currency if currency else "count", None, 1.0, (1.0, 1.0))
        lo, hi = low * scale * factor * spread[0], high * scale * factor * spread[1]
        if unit and tokens[i:i + 3] == ["and", "a", "half"]:  # "an hour and a half"
            lo, hi, i = lo + 0.5 * factor * spread[0], hi + 0.5 * factor * spread[1], i + 3
        if parts and dimension != parts[0][2]:
            break
        parts.append((lo, hi, dimension, system, step * scale * factor))
        if unit is None or ranged:
            break
        if tokens[i:i + 1] == ["and"] and i + 1 < len(tokens) and _number(tokens, i + 1):
            i += 1  # "a month and nine days"; "1 hour 30 minutes" needs no "and"
    lo, hi = sum(p[0] for p in parts), sum(p[1] for p in parts)
    if ranged or (lo != hi and qualifier is None):
        qualifier = "range"  # a written range, or a unit of inexact length such as a month
    label = re.sub(r"([$€£¥₹]) ", r"\1", " ".join(_DISPLAY.get(t, t) for t in tokens[start:i]))
    if written and qualifier != "range":
        label = f"{written[0]} {label}"
    return Quantity(*_apply_qualifier(lo, hi, qualifier), parts[0][2], parts[0][3], qualifier,
                    parts[-1][4], label), i


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity in a text, in order."""
    tokens = _tokens(text)
    found = []
    i = 0
    while i < len(tokens):
        read = _read_one(tokens, i)
        if read is None:
            i += 1
            continue
        quantity, i = read
        found.append(quantity)
    return found


def parse_quantity(text: str, dimension: str | None = None) -> Quantity:
    """The first quantity in `text` ('about 25 minutes', 'Rs 615 crore', 'an hour and a half'),
    or the first of the given dimension ('time' for durations)."""
    found = read_quantities(text)
    if dimension:
        found = [q for q in found if q.dimension == dimension] or found
    if not found:
        raise QuantityError(f"no number in '{text}'")
    return found[0]


def _apply_qualifier(lo: float, hi: float, qualifier: str | None) -> tuple[float, float, bool, bool]:
    if qualifier == "about":
        return lo * 0.9, hi * 1.1, False, False
    if qualifier == "nearly":
        return lo * 0.9, hi, False, False
    if qualifier == "above":
        return hi, INF, True, True
    if qualifier == "at least":
        return lo, INF, False, True
    if qualifier == "below":
        return 0.0, lo, False, True
    if qualifier == "up to":
        return 0.0, hi, False, False
    return lo, hi, False, False


def _overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    (alo, ahi, alo_open, ahi_open), (blo, bhi, blo_open, bhi_open) = a, b
    tol = 1e-9 * max([1.0] + [abs(x) for x in (alo, ahi, blo, bhi) if math.isfinite(x)])
    if ahi < blo - tol or bhi < alo - tol:
        return False
    if abs(ahi - blo) <= tol and (ahi_open or blo_open):
        return False
    if abs(bhi - alo) <= tol and (bhi_open or alo_open):
        return False
    return True


def _bounds(q: Quantity, widen: bool = False) -> tuple[float, float, bool, bool]:
    w = q.widen if widen else 0.0
    return q.lo - w, q.hi + w, q.lo_open and not w, q.hi_open and not w


def compare_quantities(a: Quantity, b: Quantity) -> str:
    """agree | reconcilable | conflict; the caller keeps different dimensions (currencies) apart."""
    if _overlap(_bounds(a), _bounds(b)):
        plain = {a.qualifier, b.qualifier} <= {None, APPROXIMATE}
        return "agree" if plain else "reconcilable"
    if a.system and b.system and a.system != b.system and _overlap(_bounds(a, True), _bounds(b, True)):
        return "reconcilable"
    return "conflict"

