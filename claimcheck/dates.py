"""Dates and clock times: reading them (from values and quotes), placing them in time, comparing them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lexicon

# Dates are placed in time with a day's margin on both sides (zones, parts of the day): the calendar's
# first and last years cannot be, and are refused rather than crashing on overflow.
MIN_YEAR, MAX_YEAR = 2, 9998
WEEKDAYS = tuple(lexicon.WEEKDAYS["en"])  # the names values are written and labelled with
MONTHS = tuple(lexicon.MONTHS["en"])
PARTS = {"morning": (5, 12), "afternoon": (12, 18), "evening": (17, 23), "night": (20, 24)}
QUALIFIERS = {"about": (-30, 30), "just before": (-15, 0), "just after": (0, 15)}
# Only abbreviations with one meaning; IST, CST, BST… name several zones and are read from the source instead.
ZONE_ABBREVIATIONS = {
    "utc": "UTC", "gmt": "UTC", "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "jst": "Asia/Tokyo", "kst": "Asia/Seoul", "hkt": "Asia/Hong_Kong", "sgt": "Asia/Singapore",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    # US papers name their zones in words: "8:30 a.m. eastern", "noon Pacific time".
    "eastern": "America/New_York", "eastern time": "America/New_York", "pacific": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles", "central time": "America/Chicago", "mountain time": "America/Denver",
}
AMBIGUOUS_ZONES = {"ist": ("Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"),
                   "cst": ("America/Chicago", "Asia/Shanghai", "America/Havana"),
                   "bst": ("Europe/London", "Asia/Dhaka"), "ast": ("America/Halifax", "Asia/Riyadh")}
OFFSETS = range(-12, 15)  # whole-hour UTC offsets tried when a source's zone is unknown


@dataclass(frozen=True)
class DateValue:
    """A date as a source gives it; fields left None were not stated."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    part: str | None = None
    time: dt.time | None = None
    qualifier: str | None = None  # about | just before | just after
    zone: str | None = None  # IANA name; None = unknown
    zone_note: str | None = None  # how the zone was decided, when read from the text
    twelve_hour: bool = False  # read as "6:04" with no a.m./p.m.: it may be 06:04 or 18:04
    words: str | None = None  # the words read, when read from text
    relative: int | None = None  # days from the source's publication ("yesterday" = -1), until resolved

    @property
    def date(self) -> dt.date | None:
        if None in (self.year, self.month, self.day) or not MIN_YEAR <= self.year <= MAX_YEAR:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def resolved(self) -> bool:
        return self.date is not None

    def label(self) -> str:
        bits = []
        day = self.date
        if day is not None:
            bits.append(day.strftime("%a %d %b %Y").replace(" 0", " "))
        else:
            if self.weekday is not None:
                bits.append(WEEKDAYS[self.weekday].capitalize())
            if self.day is not None:
                bits.append(str(self.day) + (f" {MONTHS[self.month - 1][:3].capitalize()}" if self.month else ""))
            if self.relative is not None and self.day is None:
                bits.append({0: "today", -1: "yesterday", 1: "tomorrow"}.get(self.relative,
                                                                             f"{self.relative:+d} days"))
        if self.part:
            bits.append(self.part)
        if self.time is not None:
            bits.append((f"{self.qualifier} " if self.qualifier else "") + self.time.strftime("%H:%M"))
        return " ".join(bits) or "?"

    def local_interval(self) -> tuple[dt.datetime, dt.datetime] | None:
        day = self.date
        if day is None:
            return None
        start = dt.datetime.combine(day, dt.time())
        if self.time is not None:
            at = dt.datetime.combine(day, self.time)
            lo, hi = QUALIFIERS.get(self.qualifier or "", (0, 0))
            return at + dt.timedelta(minutes=lo), at + dt.timedelta(minutes=max(hi, 1))
        if self.part:
            lo, hi = PARTS[self.part]
            return start + dt.timedelta(hours=lo), start + dt.timedelta(hours=hi)
        return start, start + dt.timedelta(days=1)


class DateError(ValueError):
    pass


# Every language's clock words at once: a time is read the same whatever the source's language says.
_TIME_QUALIFIERS = {word: kind for words in lexicon.TIME_QUALIFIERS.values() for word, kind in words.items()}
_TIME_RE = re.compile(
    rf"(?:\b(?P<qual>{lexicon.alternation(_TIME_QUALIFIERS)})\b)?\s*"
    rf"(?:(?P<prep>{lexicon.alternation(w for words in lexicon.CLOCK_PREPOSITIONS.values() for w in words)})\s+)?"
    r"\b(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<m>\d{2}))?(?!\d)\s*"
    r"(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?|hrs\b|hours\b|h\b|uhr\b|horas\b)?", re.I)


def _qualifier(word: str | None) -> str | None:
    return _TIME_QUALIFIERS.get(" ".join(word.lower().split())) if word else None


def parse_time(text: str, *, require_marker: bool = False) -> tuple[dt.time, str | None] | None:
    """'17:00', 'about 08:00', '10 p.m.', '6.04 pm', '18.03 Hrs' -> (time, qualifier)."""
    found = _find_times(text, require_marker)
    return (found[0][0], found[0][1]) if found else None


def _find_times(text: str, require_marker: bool) -> list[tuple[dt.time, str | None, bool, int, int]]:
    """Every clock time: (time, qualifier, written without a.m./p.m. on a 12-hour dial, start, end)."""
    out = []
    for m in _TIME_RE.finditer(text):
        hour, minute = int(m["h"]), int(m["m"] or 0)
        ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
        if m["m"] is None and ampm not in ("am", "pm", "uhr"):
            continue  # "2 hours" is a duration, "at 6" a number
        if ampm in ("hrs", "hours", "h", "horas") and m["m"] is None:
            continue
        # "a las 20.30" and "vers 20h30" are clock times as Spanish and French write them
        said = m["sep"] == ":" or (m["prep"] or "").lower() in lexicon.CLOCK_ONLY_PREPOSITIONS \
            or m["sep"] == "h" and m["m"] is not None and (hour > 12 or m["prep"] or m["qual"])
        if require_marker and not ampm and not said:
            continue  # "6.04" alone is a number; a clock time in prose says pm, hrs or uses a colon
        after = text[m.end():m.end() + 12].lower()
        if not ampm and re.match(r"\s*(?:hours?|hrs?|minutes?|mins?|stunden|minuten|horas|minutos|heures)\b", after):
            continue  # "2:30 hours" is a duration
        if ampm in ("am", "pm"):
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm == "pm" else 0)
        if hour > 23 or minute > 59:
            continue
        out.append((dt.time(hour, minute), _qualifier(m["qual"]), not ampm and 1 <= hour <= 12,
                    m.start("h"), m.end()))
    return sorted(out + _find_cjk_times(text), key=lambda found: found[3])


@lru_cache(maxsize=1)
def _cjk_clock_re() -> re.Pattern:
    words = lexicon.CJK_CLOCK
    qualifiers = "|".join(f"(?P<{kind.replace(' ', '_')}>{lexicon.alternation(words[kind])})"
                          for kind in ("about", "just after", "just before"))
    return re.compile(rf"(?:(?P<am>{lexicon.alternation(words['am'])})|(?P<pm>{lexicon.alternation(words['pm'])}))?"
                      rf"\s?(?P<h>\d{{1,2}})(?:{lexicon.alternation(words['hour'])})(?!間|钟|鐘|간)"
                      rf"(?:\s?(?P<m>\d{{1,2}})(?:{lexicon.alternation(words['minute'])})(?!間|钟|鐘|간)|(?P<half>半|반))?"
                      rf"(?:{qualifiers})?")



def _find_cjk_times(text: str) -> list[tuple[dt.time, str | None, bool, int, int]]:
    """"午後9時15分ごろ" is about 21:15; "21時" 21:00; "9時" alone may be a.m. or p.m. (twelve_hour)."""
    out = []
    for m in _cjk_clock_re().finditer(text):
        hour, minute = int(m["h"]), 30 if m["half"] else int(m["m"] or 0)
        if m["pm"] and 1 <= hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            continue
        qualifier = next((kind.replace("_", " ") for kind in ("about", "just_after", "just_before") if m[kind]), None)
        out.append((dt.time(hour, minute), qualifier, not (m["am"] or m["pm"]) and 1 <= hour <= 12,
                    m.start(), m.end()))
    return out


def _find_time(text: str, require_marker: bool) -> tuple[dt.time, str | None, bool] | None:
    found = _find_times(text, require_marker)
    return found[0][:3] if found else None


def parse_date_value(raw: object, zone: str | None = None, language: str | None = None) -> DateValue:
    """A cite's `value` for a date claim: an ISO date, a weekday, a mapping, or the article's own words."""
    if isinstance(raw, str):
        text = raw.strip()
        if text.lower() in WEEKDAYS:
            raw = {"weekday": text}
        elif re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?", text):
            raw = {"date": text}
        else:
            value, warnings = read_date(text, zone, language)
            if value is None:
                raise DateError(f"'{text}' is not a date: write an ISO date (2025-11-25), a weekday, a mapping "
                                "with date/part/time/zone, or the article's words ('Friday night', "
                                "'December 19, 2024', '2 PM ET', 'yesterday')")
            if warnings:
                raise DateError(warnings[0])
            return value
    if not isinstance(raw, dict):
        raise DateError("a date value is an ISO date (2025-11-25), a weekday, or a mapping with date/weekday")
    value = DateValue()
    if "date" in raw:
        text = raw["date"].strip()
        head, _, rest = text.replace("T", " ").partition(" ")
        try:
            day = dt.date.fromisoformat(head)
        except ValueError:
            raise DateError(f"'{text}' is not an ISO date like 2025-11-25") from None
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise DateError(f"'{text}' is outside the years {MIN_YEAR}–{MAX_YEAR} that can be placed in time")
        value = replace(value, year=day.year, month=day.month, day=day.day)
        if rest:
            raw = {**raw, "time": rest}
    elif "weekday" not in raw:
        raise DateError("a date mapping needs 'date' or 'weekday'")
    if "weekday" in raw:
        name = raw["weekday"].strip().lower()
        if name not in WEEKDAYS:
            raise DateError(f"'{raw['weekday']}' is not a weekday")
        value = replace(value, weekday=WEEKDAYS.index(name))
        if value.date is not None and value.date.weekday() != value.weekday:
            raise DateError(f"{value.date} is a {value.date.strftime('%A')}, not a {name.capitalize()}")
    if "part" in raw:
        part = raw["part"].strip().lower()
        if part not in PARTS:
            raise DateError(f"part '{raw['part']}' is not one of {', '.join(PARTS)}")
        value = replace(value, part=part)
    if "time" in raw:
        parsed = parse_time(raw["time"])
        if parsed is None:
            raise DateError(f"time '{raw['time']}' is not a clock time like 17:00 or 'about 08:00'")
        value = replace(value, time=parsed[0], qualifier=parsed[1])
    if "zone" in raw:
        from .sources import valid_zone
        if not valid_zone(raw["zone"]):
            raise DateError(f"zone '{raw['zone']}' is not an IANA time zone")
        value = replace(value, zone=raw["zone"])
    return value




@lru_cache(maxsize=32)
def _patterns(language: str | None) -> dict[str, re.Pattern]:
    month = "(?P<mon>" + lexicon.alternation(lexicon.month_words(language)) + r")\.?"
    weekday = "(?:" + lexicon.alternation(lexicon.weekday_words(language)) + ")"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?"
    parts = lexicon.alternation(lexicon.merged("DAY_PARTS", language))
    relative = lexicon.alternation(lexicon.merged("RELATIVE_DAYS", language))
    holidays = lexicon.alternation(w.replace("'", "’") for w in _holidays(language)) + "|" + \
        lexicon.alternation(_holidays(language))
    return {
        "iso": re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        # Japanese and Chinese: 2025年11月24日, 11月24日, 24日 (not 24日間, a length), 24号
        "cjk": re.compile(r"(?:(?P<year>\d{4})[年년]\s?)?(?P<month>\d{1,2})[月월]\s?(?P<day>\d{1,2})[日号일](?!間|간)"),
        "cjk_day": re.compile(r"(?<![\d月월])(?<![月월]\s)(?P<day>\d{1,2})[日号일](?!間|元|간)"),
        "month_day": re.compile(rf"\b{month}\s+{day}\b(?:,?\s+(?P<year>\d{{4}})\b)?", re.I),
        "day_month": re.compile(rf"\b{day}\.?\s+(?:de\s+|of\s+)?{month}(?:,?\s+(?:de\s+)?(?P<year>\d{{4}})\b)?",
                                re.I),
        "numeric": re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<year>\d{4}))?\b(?![.,]\d)"),
        "paren_day": re.compile(rf"\b{weekday}\s*\((?P<day>\d{{1,2}})\)", re.I),
        "the_day": re.compile(r"\bthe\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b", re.I),
        # German writes the part of the day into the weekday: Mittwochabend, Dienstagmorgen
        # (a kanji or kana next to Japanese words is an edge: "24日（月曜日）の夜", "昨日午後")
        "weekday": re.compile(lexicon.at_word_edges(rf"({weekday})({parts})?"), re.I),
        "part": re.compile(lexicon.at_word_edges(rf"({parts})"), re.I),
        "relative": re.compile(lexicon.at_word_edges(rf"({relative})"), re.I),
        "holiday": re.compile(lexicon.at_word_edges(rf"({holidays})"), re.I),
    }


_ZONE = re.compile(r"\b(utc|gmt|et|est|edt|pt|pst|pdt|jst|kst|hkt|sgt|cet|cest|aest|aedt|ist|cst|bst|ast)\b"
                   r"|(?<=[ap]\.m\. )(?:eastern|pacific)(?: time)?\b|(?<=[ap]m )(?:eastern|pacific)(?: time)?\b"
                   r"|\b(?:eastern|pacific|central|mountain) time\b|\blocal time\b|\bocal time\b", re.I)


def _date_fields(text: str, pats: dict[str, re.Pattern], language: str | None,
                 warnings: list[str]) -> tuple[dict, tuple[int, int]] | None:
    """The first date written in `text`: its fields and where it stands."""
    if m := pats["iso"].search(text):
        return dict(year=int(m["year"]), month=int(m["month"]), day=int(m["day"])), m.span()
    if (m := pats["cjk"].search(text)) and 1 <= int(m["month"]) <= 12 and 1 <= int(m["day"]) <= 31:
        fields = dict(month=int(m["month"]), day=int(m["day"]))
        if m["year"]:
            fields["year"] = int(m["year"])
        return fields, m.span()
    found = [m for m in (pats["month_day"].search(text), pats["day_month"].search(text)) if m]
    if found:
        m = min(found, key=lambda x: x.start())
        month = _month_of(m, language)
        if month:
            fields = dict(month=month, day=int(m["day"]))
            if m["year"]:
                fields["year"] = int(m["year"])
            return fields, m.span()
    if m := pats["numeric"].search(text):
        a, b = int(m["a"]), int(m["b"])
        order = _numeric_order(language)
        if a <= 12 < b:
            day, month = b, a  # only month/day makes sense
        elif b <= 12 < a or a == b or order == "dm":
            day, month = a, b
        elif order == "md":
            day, month = b, a
        else:
            if m["year"] or "/" in m.group():
                warnings.append(f"'{m.group()}' may be {a} {MONTHS[b - 1].capitalize()} or {b} "
                                f"{MONTHS[a - 1].capitalize()}: English writes both orders; give the date as a value")
            return None
        if 1 <= month <= 12 and 1 <= day <= 31 and (m["year"] or "/" in m.group()):
            fields = dict(month=month, day=day)
            if m["year"]:
                fields["year"] = int(m["year"])
            return fields, m.span()
    if m := (pats["paren_day"].search(text) or pats["the_day"].search(text) or pats["cjk_day"].search(text)):
        return dict(day=int(m["day"])), m.span("day")
    if (m := pats["holiday"].search(text)) and (day := _holiday(m, language)):
        return dict(month=day[0], day=day[1]), m.span()
    return None


@lru_cache(maxsize=32)
def _holidays(language: str | None) -> dict[str, tuple[int, int] | None]:
    return lexicon.with_cjk(lexicon.FIXED_HOLIDAYS, language)


def _holiday(m: re.Match, language: str | None) -> tuple[int, int] | None:
    """(month, day) of the day a holiday match names ("New Year’s Day" with either apostrophe)."""
    return _holidays(language).get(m.group(1).lower().replace("’", "'"))


def _several_days(text: str, pats: dict[str, re.Pattern], language: str | None) -> str | None:
    """The days a moment's words name when they name more than one ("from Monday to Wednesday", "first
    reported on Tuesday, the call took place on Monday", "Nov. 5 into Nov. 6"): which one the claim is
    about is the curator's to say, never the first one by default."""
    weekdays = lexicon.weekday_words(language)
    named = {}
    for m in pats["weekday"].finditer(text):
        named.setdefault(("weekday", weekdays[m.group(1).lower()]), m.group(1))
    for kind in ("month_day", "day_month"):
        for m in pats[kind].finditer(text):
            month = _month_of(m, language)
            if month:
                named.setdefault(("date", month, int(m["day"])), m.group().strip())
    for kind in ("iso", "cjk"):
        for m in pats[kind].finditer(text):
            named.setdefault(("date", int(m["month"]), int(m["day"])), m.group())
    for m in pats["holiday"].finditer(text):
        if day := _holiday(m, language):
            named.setdefault(("date", *day), m.group())
    if sum(key[0] == "weekday" for key in named) > 1 or sum(key[0] == "date" for key in named) > 1:
        return ", ".join(dict.fromkeys(named.values()))
    return None


def _month_of(m: re.Match, language: str | None) -> int | None:
    """The month a month-and-day match names; None for a lower-case "may 5" in a language that
    capitalizes its months (the verb, most likely)."""
    word = m["mon"].lower().rstrip(".")
    if word in lexicon.AMBIGUOUS_MONTHS and m["mon"][:1].islower() and not m["year"] \
            and lexicon.languages_for(language)[0] in lexicon.CAPITALIZED_MONTHS:
        return None
    return lexicon.month_words(language).get(word)


def _numeric_order(language: str | None) -> str | None:
    """How a source writes 3/4: "md" (en-US), "dm" (every other language and English region), None when
    the language is English with no region: both orders are common, and a guess could flip a date."""
    if not language:
        return None
    tag = language.lower().replace("_", "-").split("-")
    if tag[0] != "en":
        return "dm"
    if len(tag) == 1:
        return None
    return "md" if tag[1] in lexicon.MONTH_FIRST_REGIONS else "dm"


def read_date(text: str, source_zone: str | None, language: str | None = None) -> tuple[DateValue | None, list[str]]:
    """Read a date from a quote: the first moment it gives, each clock time with the zone and date written
    next to it. Returns the value (None if nothing datelike) and warnings."""
    pats = _patterns(language)
    warnings: list[str] = []
    times = _find_times(text, True)
    first_end = times[1][3] if len(times) > 1 else len(text)
    # The first moment's words: up to the second clock time, which belongs to another zone or day.
    scope = text[:first_end]
    if len(times) > 1:
        opening = scope.rfind("(")
        if opening > times[0][4]:
            scope = scope[:opening]  # "2 PM ET (12:30 AM IST on December 19)": the bracket is the other moment
    value, zone_warnings, _ = _moment(scope, times[:1], source_zone, language, pats)
    warnings += zone_warnings
    if value is None:
        return None, warnings
    if len(times) > 1:
        shift = times[1][3]
        other, _, zones = _moment(text[shift:], [(t, q, tw, s - shift, e - shift) for t, q, tw, s, e in times[1:2]],
                                  None, language, pats)
        if other is not None:
            value, clash = _second_zone(value, other, zones)
            if clash:
                warnings.append(clash)
    if value.date and value.weekday is not None and value.date.weekday() != value.weekday:
        warnings.append(f"the quote says {WEEKDAYS[value.weekday].capitalize()} but {value.date:%d %b %Y} is a "
                        f"{value.date:%A}")
    return replace(value, words=" ".join(text.split())), warnings


def _moment(text: str, times: list, source_zone: str | None, language: str | None,
            pats: dict[str, re.Pattern]) -> tuple[DateValue | None, list[str], tuple[str, ...]]:
    """One moment's value, warnings, and the zones its abbreviation may name."""
    warnings: list[str] = []
    fields: dict = {}
    several = _several_days(text, pats, language)
    if several:
        warnings.append(f"the quote names several days ({several}); give the value the claim is about")
        return None, warnings, ()
    date = _date_fields(text, pats, language, warnings)
    if date:
        fields.update(date[0])
    if m := pats["weekday"].search(text):
        fields["weekday"] = lexicon.weekday_words(language)[m.group(1).lower()]
        if m.group(2):
            fields["part"] = lexicon.merged("DAY_PARTS", language)[m.group(2).lower()]
    if m := pats["part"].search(text):
        fields["part"] = lexicon.merged("DAY_PARTS", language)[m.group(1).lower()]
    if "year" not in fields and "day" not in fields and (m := pats["relative"].search(text)):
        fields["relative"] = lexicon.merged("RELATIVE_DAYS", language)[m.group(1).lower()]
    if times:
        t = times[0]
        fields.update(time=t[0], qualifier=t[1], twelve_hour=t[2])
    if not fields:
        return None, warnings, ()
    zone, zone_note, zones = source_zone, None, ()
    where = text[times[0][3]:times[0][4] + 20] if times else text
    if m := _ZONE.search(where):
        word = m.group(0).lower()
        if word in ZONE_ABBREVIATIONS:
            zone, zone_note = ZONE_ABBREVIATIONS[word], f"'{m.group(0)}' read as {ZONE_ABBREVIATIONS[word]}"
            zones = (zone,)
        elif word in AMBIGUOUS_ZONES:
            zones = AMBIGUOUS_ZONES[word]
            if source_zone not in AMBIGUOUS_ZONES[word]:
                warnings.append(f"'{m.group(0)}' names several zones ({', '.join(AMBIGUOUS_ZONES[word])}); "
                                "add zone: to the value")
            zone_note = f"'{m.group(0)}' read in the source's zone"
        else:
            zone_note = "'local time' read in the source's zone"
    return DateValue(zone=zone, zone_note=zone_note, **fields), warnings, zones


def _second_zone(a: DateValue, b: DateValue, zones: tuple[str, ...]) -> tuple[DateValue, str | None]:
    """One moment given in two zones ("2 PM ET (12:30 AM IST on December 19)"): check the two against each
    other, and take the first moment's day from the second when only the second gives it."""
    if a.time is None or b.time is None or not a.zone or not zones or a.zone in zones:
        return a, None
    from zoneinfo import ZoneInfo
    slack = dt.timedelta(minutes=30 if "about" in (a.qualifier, b.qualifier) else 1)
    b_date = b.date
    if b_date is None and b.month and b.day:
        try:  # no year written: any year gives the day's offset; only month and day are kept
            b_date = dt.date(a.year or 2001, b.month, b.day)
        except ValueError:
            b_date = None
    anchor = a.date or b_date or dt.date(2001, 1, 15)
    a_days = [a.date] if a.date else [anchor + dt.timedelta(days=k) for k in (-1, 0, 1)]
    b_days = [b_date] if b_date else [anchor + dt.timedelta(days=k) for k in (-1, 0, 1)]
    matches = []
    for zone in zones:
        for a_day in a_days:
            start = dt.datetime.combine(a_day, a.time, ZoneInfo(a.zone))
            for b_day in b_days:
                other = dt.datetime.combine(b_day, b.time, ZoneInfo(zone))
                if abs(other - start) <= slack:
                    matches.append(a_day)
    if not matches:
        where = f" on {b_date:%d %b}" if b_date else ""
        return a, (f"the quote gives one moment in two zones that disagree: {a.time:%H:%M} in {a.zone} is not "
                   f"{b.time:%H:%M}{where} in {' or '.join(zones)}")
    if a.date is None and a.day is None and b_date is not None and len(set(matches)) == 1:
        day = matches[0]
        a = replace(a, year=day.year if b.year else a.year, month=day.month, day=day.day)
    return a, None


def resolve(value: DateValue, refs: list[dt.date], published: dt.date | None = None) -> DateValue:
    """Fill in what a source left out. Relative words and bare weekdays count from the source's own
    publication date (a weekday is the latest such day on or before it); a missing year or month is
    the one nearest to it; without a publication date, the dates the other sources give stand in."""
    try:
        return _resolve(value, refs, published)
    except (OverflowError, ValueError):
        return value  # at the calendar's ends: left unresolved rather than guessed


def _resolve(value: DateValue, refs: list[dt.date], published: dt.date | None) -> DateValue:
    if value.resolved:
        return value
    if value.relative is not None:
        if published is None:
            return value
        day = published + dt.timedelta(days=value.relative)
        return replace(value, year=day.year, month=day.month, day=day.day)
    ref = published
    if ref is None and refs:
        ref = max(set(refs), key=lambda d: (refs.count(d), -refs.index(d)))
    if ref is None:
        return value
    candidates: list[dt.date] = []
    if value.month is not None and value.day is not None:
        for year in ([value.year] if value.year else (ref.year - 1, ref.year, ref.year + 1)):
            try:
                candidates.append(dt.date(year, value.month, value.day))
            except ValueError:
                pass
    elif value.day is not None:
        for shift in (-1, 0, 1):
            y, m = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
            try:
                candidates.append(dt.date(y, m + 1, value.day))
            except ValueError:
                pass
    elif value.weekday is not None:
        if published is not None:
            back = (published.weekday() - value.weekday) % 7
            candidates = [published - dt.timedelta(days=back)]
        else:
            candidates = [ref + dt.timedelta(days=k) for k in range(-3, 4)
                          if (ref + dt.timedelta(days=k)).weekday() == value.weekday]
    elif value.time is not None or value.part is not None:
        # "at 6:04 pm" with no day: the day the other sources give, else the day it was published
        candidates = [max(set(refs), key=lambda d: (refs.count(d), -refs.index(d)))] if refs else [ref]
    if not candidates:
        return value
    best = min(candidates, key=lambda d: abs((d - ref).days))
    return replace(value, year=best.year, month=best.month, day=best.day)


def utc_options(value: DateValue) -> list[tuple[int | None, dt.datetime, dt.datetime]]:
    """The value's interval in UTC, once per possible offset: one option when its zone is known."""
    interval = value.local_interval()
    if interval is None:
        return []
    start, end = interval
    if value.zone:
        from zoneinfo import ZoneInfo
        zone = ZoneInfo(value.zone)
        to_utc = [t.replace(tzinfo=zone).astimezone(dt.timezone.utc).replace(tzinfo=None) for t in (start, end)]
        return [(None, to_utc[0], to_utc[1])]
    return [(h, start - dt.timedelta(hours=h), end - dt.timedelta(hours=h)) for h in OFFSETS]


def offset_name(hours: int) -> str:
    return "UTC" + ("+" if hours >= 0 else "−") + str(abs(hours)) if hours else "UTC+0"


def zone_label(value: DateValue) -> str:
    if not value.zone:
        return "zone unknown"
    from zoneinfo import ZoneInfo
    interval = value.local_interval()
    at = interval[0] if interval else dt.datetime(2000, 1, 1)
    offset = at.replace(tzinfo=ZoneInfo(value.zone)).utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"{value.zone}, UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@dataclass(frozen=True)
class Relation:
    kind: str  # agree | reconcilable | conflict | unknown
    reason: str


def _span(hours: list[int]) -> str:
    lo, hi = min(hours), max(hours)
    return offset_name(lo) if lo == hi else f"{offset_name(lo)}…{offset_name(hi)}"


def _where(value: DateValue, name: str) -> str:
    return f"{value.label()} ({name}, {zone_label(value)})"


def compare_dates(a: DateValue, b: DateValue, name_a: str, name_b: str) -> Relation:
    """Agree on the same day (and part); reconcilable when intervals overlap across zones; else conflict."""
    if not a.resolved or not b.resolved:
        if a.weekday is None or b.weekday is None:
            return Relation("unknown", f"cannot place {a.label()} ({name_a}) against {b.label()} ({name_b})")
        if a.weekday == b.weekday:
            return Relation("agree", f"both say {WEEKDAYS[a.weekday].capitalize()}")
        if (a.weekday - b.weekday) % 7 in (1, 6) and (a.zone is None or b.zone is None or a.zone != b.zone):
            return Relation("reconcilable", f"{a.label()} ({name_a}) and {b.label()} ({name_b}) are adjacent days "
                            "and may be one moment seen from two zones")
        return Relation("conflict", f"{a.label()} ({name_a}) vs {b.label()} ({name_b})")
    gap = abs((a.date - b.date).days)
    if gap >= 2:
        return Relation("conflict", f"{a.label()} ({name_a}) and {b.label()} ({name_b}) are {gap} days apart")
    pairs = [(oa, sa, ea, ob, sb, eb) for oa, sa, ea in utc_options(a) for ob, sb, eb in utc_options(b)]
    overlapping = [p for p in pairs if p[1] < p[5] and p[4] < p[2]]
    fine_a, fine_b = a.part or a.time, b.part or b.time
    if gap == 0:
        if not fine_a or not fine_b:
            return Relation("agree", f"both give {a.date:%a %d %b %Y}".replace(" 0", " "))
        same_surface = (a.part, a.time, a.qualifier) == (b.part, b.time, b.qualifier)
        if same_surface and (a.zone == b.zone or a.time is None):
            return Relation("agree", f"both say {a.label()}")
        if (a.time is None) != (b.time is None):  # a clock time against a part of the day
            point, part = (a, b) if a.time is not None else (b, a)
            # pairs hold (offset, start, end) of a then of b: is the time's interval inside the part's?
            inside = ((p[1] >= p[4] and p[2] <= p[5]) if point is a else (p[4] >= p[1] and p[5] <= p[2])
                      for p in pairs)
            if any(inside):
                return Relation("agree", f"{point.label()} falls within {part.label()}")
    if not overlapping:
        return Relation("conflict", f"{_where(a, name_a)} and {_where(b, name_b)} do not overlap in any zone"
                        if a.zone is None or b.zone is None else
                        f"{_where(a, name_a)} does not overlap {_where(b, name_b)}")
    if a.zone and b.zone:
        return Relation("reconcilable", f"{_where(a, name_a)} overlaps {_where(b, name_b)}")
    if a.zone is None and b.zone is None:
        diffs = sorted({p[0] - p[3] for p in overlapping})
        return Relation("reconcilable", f"{a.label()} ({name_a}) and {b.label()} ({name_b}) overlap if {name_a}'s "
                        f"zone is {diffs[0]:+d}…{diffs[-1]:+d} hours from {name_b}'s (both zones unknown)")
    unknown, known, hours = ((name_a, a, [p[0] for p in overlapping]) if a.zone is None
                             else (name_b, b, [p[3] for p in overlapping]))
    other_name, other = (name_b, b) if a.zone is None else (name_a, a)
    return Relation("reconcilable", f"{known.label()} ({unknown}) overlaps {_where(other, other_name)} "
                    f"if {unknown} reports in {_span(sorted(set(hours)))}")
