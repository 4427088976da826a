"""Value parsers and the pairwise relations between values."""
from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.dates import DateValue, compare_dates, parse_date_value, parse_time, read_date, resolve
from claimcheck.quantities import QuantityError, compare_quantities, parse_quantity, read_quantities


@pytest.mark.parametrize("text, expected", [
    ("17:00", (dt.time(17, 0), None)),
    ("about 08:00", (dt.time(8, 0), "about")),
    ("just before 08:00", (dt.time(8, 0), "just before")),
    ("10 p.m.", (dt.time(22, 0), None)),
    ("6.04 pm", (dt.time(18, 4), None)),
    ("18.03 Hrs", (dt.time(18, 3), None)),
    ("11:30 a.m. ET", (dt.time(11, 30), None)),
    ("shortly after 9:15 p.m.", (dt.time(21, 15), "just after")),
    ("at around 10:40", (dt.time(10, 40), "about")),
    ("kurz vor 20 Uhr", (dt.time(20, 0), "just before")),
    ("gegen 14.30 Uhr", (dt.time(14, 30), "about")),
    ("hacia las 20:00 horas", (dt.time(20, 0), "about")),
    ("vers 20h30", (dt.time(20, 30), "about")),
    ("dans l'univers 20:30", (dt.time(20, 30), None)),  # "vers" inside a word is no qualifier
])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("quote, fields", [
    ("took place on Monday (24) night", dict(weekday=0, day=24, part="night")),
    ("on Tuesday (November 25th) at his invitation", dict(weekday=1, month=11, day=25)),
    ("On 25/11, US President", dict(month=11, day=25)),
    ("in Tokyo on Oct. 28", dict(month=10, day=28)),
    ("on 23 August 2023 at 6.04 pm IST", dict(year=2023, month=8, day=23, time=dt.time(18, 4))),
    ("On the 21st of this month", dict(day=21)),
])
def test_read_date_from_quote(quote, fields):
    value, _ = read_date(quote, "Asia/Tokyo")
    for key, expected in fields.items():
        assert getattr(value, key) == expected, key


def test_unambiguous_zone_abbreviation_sets_zone_and_ambiguous_one_warns():
    value, warnings = read_date("at 11:30 a.m. ET", None)
    assert value.zone == "America/New_York" and not warnings
    value, warnings = read_date("at 6.04 pm IST", None)
    assert value.zone is None and "names several zones" in warnings[0]
    value, warnings = read_date("at 6.04 pm IST", "Asia/Kolkata")
    assert value.zone == "Asia/Kolkata" and not warnings


def test_parse_date_value_forms_and_errors():
    assert parse_date_value("2025-11-25").date == dt.date(2025, 11, 25)
    assert parse_date_value("Tuesday").weekday == 1
    v = parse_date_value({"date": "2025-11-24", "part": "night", "zone": "America/Sao_Paulo"})
    assert (v.part, v.zone) == ("night", "America/Sao_Paulo")
    assert parse_date_value({"date": "2025-11-24", "time": "about 08:00"}).qualifier == "about"
    for bad in ("next week", {"date": "2025-11-24", "part": "noon"}, {"weekday": "Tuesday", "date": "2025-11-24"},
                {"date": "2025-11-24", "zone": "Mars/Base"}):
        with pytest.raises(ValueError):
            parse_date_value(bad)


def test_resolve_weekday_and_day_of_month_against_other_dates():
    refs = [dt.date(2025, 11, 24)]
    assert resolve(DateValue(weekday=1), refs).date == dt.date(2025, 11, 25)
    assert resolve(DateValue(day=21), refs).date == dt.date(2025, 11, 21)
    assert resolve(DateValue(month=10, day=28), refs).date == dt.date(2025, 10, 28)
    assert not resolve(DateValue(weekday=1), []).resolved


def d(date, zone, **kw):
    y, m, day = map(int, date.split("-"))
    return DateValue(year=y, month=m, day=day, zone=zone, **kw)


def test_same_day_in_different_zones_agrees():
    assert compare_dates(d("2025-10-28", "Asia/Tokyo"), d("2025-10-28", "Asia/Ho_Chi_Minh"), "a", "b").kind == "agree"


def test_more_precise_value_agrees_with_the_day_containing_it():
    assert compare_dates(d("2025-11-24", "Asia/Tokyo"), d("2025-11-24", "Asia/Tokyo", part="evening"),
                         "a", "b").kind == "agree"
    assert compare_dates(d("2025-11-24", "Asia/Tokyo", time=dt.time(21, 0)),
                         d("2025-11-24", "Asia/Tokyo", part="night"), "a", "b").kind == "agree"
    assert compare_dates(d("2025-11-24", "Asia/Tokyo", time=dt.time(9, 0)),
                         d("2025-11-24", "Asia/Tokyo", part="night"), "a", "b").kind == "conflict"


def test_monday_night_in_the_americas_reconciles_with_tuesday_in_tokyo():
    rel = compare_dates(d("2025-11-24", "America/New_York", part="night"), d("2025-11-25", "Asia/Tokyo"), "us", "jp")
    assert rel.kind == "reconcilable" and "overlaps" in rel.reason


def test_adjacent_days_in_one_zone_conflict():
    assert compare_dates(d("2025-11-24", "Asia/Tokyo"), d("2025-11-25", "Asia/Tokyo"), "a", "b").kind == "conflict"


def test_two_days_apart_always_conflict():
    rel = compare_dates(d("2025-11-23", "Pacific/Kiritimati"), d("2025-11-25", "Pacific/Pago_Pago"), "a", "b")
    assert rel.kind == "conflict" and "2 days apart" in rel.reason


def test_unknown_zone_names_the_offsets_that_reconcile():
    rel = compare_dates(d("2025-11-24", None, part="night"), d("2025-11-25", "Asia/Tokyo"), "fnn", "yomiuri")
    assert rel.kind == "reconcilable"
    assert "if fnn reports in UTC−12…UTC+8" in rel.reason


def test_zone_boundary_one_minute_matters():
    # 23:59 on the 24th in New York (EST, UTC−5) is 13:59 on the 25th in Tokyo; 00:00 on the 25th there is not.
    late = d("2025-11-24", "America/New_York", time=dt.time(23, 59))
    assert compare_dates(late, d("2025-11-25", "Asia/Tokyo", part="afternoon"), "a", "b").kind == "reconcilable"
    assert compare_dates(late, d("2025-11-25", "Asia/Tokyo", part="morning"), "a", "b").kind == "conflict"


def test_daylight_saving_is_resolved_on_the_values_own_date():
    # In January New York is UTC−5: 11:30 ET is 22:00 IST; in July (UTC−4) it is 21:00 IST.
    jan = compare_dates(d("2024-01-15", "America/New_York", time=dt.time(11, 30)),
                        d("2024-01-15", "Asia/Kolkata", time=dt.time(22, 0)), "a", "b")
    jul = compare_dates(d("2024-07-15", "America/New_York", time=dt.time(11, 30)),
                        d("2024-07-15", "Asia/Kolkata", time=dt.time(22, 0)), "a", "b")
    assert jan.kind == "reconcilable" and jul.kind == "conflict"


@pytest.mark.parametrize("text, lo, hi, dimension", [
    ("approximately 25 minutes", 1350, 1650, "time"),
    ("an hour and a half", 5400, 5400, "time"),
    ("two-and-a-half hour", 9000, 9000, "time"),
    ("a month and nine days", 37 * 86400, 40 * 86400, "time"),
    ("Rs 615 crore", 6.15e9, 6.15e9, "money:INR"),
    ("$75 million", 7.5e7, 7.5e7, "money:USD"),
    ("around $74 million", 7.4e7 * 0.9, 7.4e7 * 1.1, "money:USD"),
    ("40 to 50 years", 40 * 12, 50 * 12, "time"),  # years and months are counted in months, exactly
    ("40–50 years", 40 * 12, 50 * 12, "time"),
    ("175 prisoners", 175, 175, "count"),
    ("up to 10 km", 0, 10000, "length"),
])
def test_parse_quantity(text, lo, hi, dimension):
    q = parse_quantity(text)
    assert q.lo == pytest.approx(lo) and q.hi == pytest.approx(hi) and q.dimension == dimension


def test_duration_claims_skip_counts_before_the_duration():
    assert parse_quantity("the two spoke for approximately 25 minutes", "time").label == "approximately 25 minutes"


@pytest.mark.parametrize("a, b, relation", [
    ("about 25 minutes", "25 minutes", "agree"),
    ("1.5 h", "90 minutes", "agree"),
    ("an hour and a half", "90 minutes", "agree"),
    ("more than two hours", "2.5 hours", "reconcilable"),
    ("nearly 90 minutes", "85 minutes", "reconcilable"),
    ("1.5 hours", "more than two hours", "conflict"),
    ("22 miles", "34.8 km", "reconcilable"),
    ("7.4 km", "7.5 km", "conflict"),
    ("two hours", "more than two hours", "conflict"),
    ("at least 3", "3", "reconcilable"),
])
def test_compare_quantities(a, b, relation):
    assert compare_quantities(parse_quantity(a), parse_quantity(b)) == relation


@pytest.mark.parametrize("text, dimension, label", [
    ("the total cost of Chandrayaan-3 is Rs. 615 crore", None, "Rs. 615 crore"),
    ("Russia's Luna-25 took roughly $200 million", None, "roughly $200 million"),
    ("a mission life of just one lunar day, which translates to 14 Earth days", "time", "14 Earth days"),
    ("for a 41-day voyage", "time", "41-day"),
    ("took 41 days to reach its destination", "time", "41 days"),
])
def test_names_and_adjectives_around_numbers(text, dimension, label):
    assert parse_quantity(text, dimension).label == label


def test_a_lunar_day_is_not_a_day():
    assert [q.dimension for q in read_quantities("one lunar day")] == ["count"]
    with pytest.raises(QuantityError):
        parse_quantity("one lunar day", "time")  # no duration: unread, never "one day"


def test_time_only_quote_takes_the_day_of_the_other_sources():
    value, _ = read_date("touched down at 6:04 pm", "Asia/Kolkata")
    resolved = resolve(value, [dt.date(2023, 8, 23)])
    assert resolved.date == dt.date(2023, 8, 23) and resolved.time == dt.time(18, 4)


@pytest.mark.parametrize("quote, zone", [
    ("touched down just after 8:30 a.m. eastern", "America/New_York"),
    ("at 10 pm Pacific time", "America/Los_Angeles"),
    ("at 6:04 ocal time", "Asia/Kolkata"),  # the source's own zone
])
def test_zones_named_in_words(quote, zone):
    value, _ = read_date(quote, "Asia/Kolkata")
    assert value.zone == zone


def test_eastern_time_reconciles_with_ist():
    # 23 Aug 2023: New York is UTC−4, so just after 08:30 there is 18:00–18:15 in India.
    ny = parse_date_value({"date": "2023-08-23", "time": "just after 08:30", "zone": "America/New_York"})
    india = DateValue(year=2023, month=8, day=23, time=dt.time(18, 4), zone="Asia/Kolkata")
    assert compare_dates(ny, india, "ny", "in").kind == "reconcilable"
    late = DateValue(year=2023, month=8, day=23, time=dt.time(18, 20), zone="Asia/Kolkata")
    assert compare_dates(ny, late, "ny", "in").kind == "conflict"


@pytest.mark.parametrize("words, language, expected", [
    ("On 3/4/2024", "en", None),  # 3 April in London, 4 March in New York: never a guess
    ("the 9/11 attacks", "en", None),
    ("On 3/4/2024", "en-US", (2024, 3, 4)),
    ("On 3/4/2024", "en-GB", (2024, 4, 3)),
    ("am 3.4.2024", "de", (2024, 4, 3)),
    ("On 4/13/2024", "en", (2024, 4, 13)),  # only one order makes sense
    ("On 13/4/2024", "en", (2024, 4, 13)),
    ("on 5/5/2024", "en", (2024, 5, 5)),
])
def test_numeric_dates_are_read_only_in_an_order_the_source_is_known_to_use(words, language, expected):
    value, warnings = read_date(words, "UTC", language)
    got = (value.year, value.month, value.day) if value and value.month else None
    assert got == expected, (words, language, value, warnings)
    if expected is None:
        assert any("both orders" in w for w in warnings)


@pytest.mark.parametrize("words", [
    "The call, first reported on Tuesday, took place on Monday night.",
    "The talks ran from Monday to Wednesday.",
    "On the night of Nov. 5 into Nov. 6",
    "Die Gespräche dauerten von Montag bis Mittwoch.",
])
def test_a_quote_that_names_several_days_is_unread_not_read_as_its_first(words):
    value, warnings = read_date(words, "UTC", "de" if words.startswith("Die") else "en")
    assert value is None and any("several days" in w for w in warnings), (value, warnings)


@pytest.mark.parametrize("words, weekday, day", [
    ("On Monday, Dec. 18, 2023, the Fed met", 0, 18),  # a weekday and its date are one day
    ("2 PM ET (12:30 AM IST on December 19)", None, 18),  # one moment in two zones: 18 December in New York
])
def test_one_day_written_two_ways_is_still_read(words, weekday, day):
    value, warnings = read_date(words, "America/New_York", "en")
    assert value is not None and value.weekday == weekday and value.day == day, (value, warnings)


@pytest.mark.parametrize("words, language, expected", [
    ("11月24日夜", "ja", (None, 11, 24, None, "night", None, None)),
    ("24日（月曜日）の夜", "ja", (None, None, 24, 0, "night", None, None)),
    ("2025年11月24日午後9時15分ごろ", "ja", (2025, 11, 24, None, None, dt.time(21, 15), "about")),
    ("昨日午後9時すぎ", "ja", (None, None, None, None, None, dt.time(21, 0), "just after")),
    ("24号下午3点半左右", "zh", (None, None, 24, None, None, dt.time(15, 30), "about")),
    ("中方11月24日晚上宣布", "zh", (None, 11, 24, None, "night", None, None)),
    ("3日間の日程", "ja", None),  # a length of days, no date
])
def test_japanese_and_chinese_dates(words, language, expected):
    value, _ = read_date(words, "Asia/Tokyo", language)
    got = value and (value.year, value.month, value.day, value.weekday, value.part, value.time, value.qualifier)
    assert got == expected, (words, value)


@pytest.mark.parametrize("words, language, month_day", [
    ("struck at 4:10 p.m. on New Year's Day", "en", (1, 1)),
    ("on New Year’s Eve", "en", (12, 31)),
    ("am Neujahrstag", "de", (1, 1)),
    ("元日の午後4時10分ごろ", "ja", (1, 1)),
    ("the day before Christmas", "en", None),  # "Christmas" alone may be the season
])
def test_days_the_calendar_names(words, language, month_day):
    value, _ = read_date(words, "UTC", language)
    got = (value.month, value.day) if value and value.month else None
    assert got == month_day, (words, value)


def test_korean_dates_and_clock_times():
    value, _ = read_date("12월 29일 오전 9시 3분", "Asia/Seoul", "ko")
    assert (value.month, value.day, value.time) == (12, 29, dt.time(9, 3))
    value, _ = read_date("오후 10시 23분께", "Asia/Seoul", "ko")
    assert value.time == dt.time(22, 23)


@pytest.mark.parametrize("quote, language, second_hand", [
    ("Trump urged restraint, according to people familiar with the call", "en", True),
    ("Trump soll Takaichi zur Zurückhaltung aufgefordert haben", "de", True),
    ("Trump aurait demandé à Takaichi de faire preuve de retenue", "fr", True),
    ("secondo fonti diplomatiche, Trump ha chiesto moderazione", "it", True),
    ("関係者によると、トランプ氏は自制を求めた", "ja", True),
    ("据知情人士透露，特朗普要求克制", "zh", True),
    ("소식통에 따르면 트럼프는 자제를 요청했다", "ko", True),
    ("Trump urged restraint", "en", False),
    ("数据显示，经济增长了5%", "zh", False),  # 据 inside 数据 (data) is no "according to"
])
def test_second_hand_wording_in_every_language(quote, language, second_hand):
    from claimcheck.values import _hearsay
    assert bool(_hearsay(language).search(quote)) == second_hand


@pytest.mark.parametrize("words, language, time", [
    ("tocó tierra a las 20.30 hora local del miércoles", "es", dt.time(20, 30)),
    ("mercredi vers 20h30, heure locale", "fr", dt.time(20, 30)),
    ("le film dure 2h30", "fr", None),  # a length, not a clock time
    ("rose at 6.04 percent", "en", None),
])
def test_clock_times_as_spanish_and_french_write_them(words, language, time):
    value, _ = read_date(words, "America/New_York", language)
    assert (value.time if value else None) == time, (words, value)
