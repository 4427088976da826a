"""Units as data: every conversion factor cross-checked against pint, and relations that hold for any value."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import lexicon
from claimcheck.quantities import read_quantities, relate_quantities

pint = pytest.importorskip("pint", reason="pint is the test-only reference for conversion factors")
REGISTRY = pint.UnitRegistry()

# our unit symbol -> pint's expression for it, and for the base of its dimension
PINT = {
    "s": "second", "min": "minute", "h": "hour", "days": "day", "weeks": "week", "fortnights": "fortnight",
    "months": "month", "quarters": "3 * month", "years": "year", "decades": "10 * year", "centuries": "century",
    "mm": "millimeter", "cm": "centimeter", "m": "meter", "km": "kilometer", "in": "inch", "ft": "foot",
    "yd": "yard", "mi": "mile", "nmi": "nautical_mile", "km²": "km**2", "m²": "m**2", "ha": "hectare",
    "acres": "43560 * foot**2",  # the international acre; pint's acre is the retired US survey acre
    "sq mi": "mile**2", "sq ft": "foot**2", "l": "liter", "ml": "milliliter", "m³": "m**3",
    "gal": "gallon", "bbl": "oil_barrel", "g": "gram", "kg": "kilogram", "t": "metric_ton", "lb": "pound",
    "oz": "ounce", "km/h": "km/hour", "m/s": "m/s", "mph": "mile/hour", "kn": "knot",
}
BASES = {"s": "second", "month": "month", "m": "meter", "m2": "m**2", "m3": "m**3", "kg": "kilogram", "m/s": "m/s"}
ROWS = [row for row in lexicon.UNIT_ROWS if row[4] in PINT]


def test_every_measurable_unit_is_cross_checked():
    measurable = [row for row in lexicon.UNIT_ROWS if row[0] not in ("temperature", "percent", "points", "index",
                                                                      "degree")]
    assert {row[4] for row in measurable} <= set(PINT)


@pytest.mark.parametrize("row", ROWS, ids=[r[4] for r in ROWS])
def test_factor_matches_pint(row):
    dimension, base, factor, system, symbol, names = row
    expected = REGISTRY(PINT[symbol]).to(BASES[base]).magnitude
    assert factor == pytest.approx(expected, rel=1e-9), symbol


@pytest.mark.parametrize("value, unit", [(104, "degF"), (-40, "degF"), (0, "kelvin"), (300, "kelvin"),
                                         (37.5, "degC")])
def test_temperature_offsets_match_pint(value, unit):
    ours = {"degF": "°F", "kelvin": "K", "degC": "°C"}[unit]
    factor, offset = lexicon.TEMPERATURE_TO_C[ours]
    assert value * factor + offset == pytest.approx(REGISTRY.Quantity(value, unit).to("degC").magnitude)


def test_basis_points_are_hundredths_of_a_point():
    points = {row[4]: row[2] for row in lexicon.UNIT_ROWS if row[0] == "points"}
    assert points == {"pp": 1, "bp": 0.01}


_FORMS = st.sampled_from(["{} minutes", "{} hours", "about {} km", "{} miles", "more than {} days", "{}%",
                          "nearly {} kg", "{} years", "{} months", "up to {} mph", "{} km/h", "{} °C", "{}F",
                          "{} to {} percent", "between {} and {} km", "{} basis points", "at least {} people",
                          "${} million", "Rs {} crore"])
_NUMBERS = st.one_of(st.integers(0, 5000).map(str),
                     st.decimals("0.1", "999.9", places=1).map(str),
                     st.integers(1, 999).map(lambda n: f"{n},{n % 1000:03d}"))


def _reading(form: str, a: str, b: str):
    text = form.format(a, b) if form.count("{}") == 2 else form.format(a)
    found = read_quantities(text, "en")
    return found[0] if found and hasattr(found[0], "lo") else None


@settings(max_examples=200, deadline=None)
@given(_FORMS, _NUMBERS, _NUMBERS, _FORMS, _NUMBERS)
def test_relations_are_symmetric_and_a_value_agrees_with_itself(form_a, a1, a2, form_b, b1):
    qa, qb = _reading(form_a, a1, a2), _reading(form_b, b1, b1)
    if qa is None or qb is None:
        return
    assert relate_quantities(qa, qa).kind == "agree"
    assert relate_quantities(qa, qb).kind == relate_quantities(qb, qa).kind


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 500), st.sampled_from([("hours", "minutes", 60), ("km", "m", 1000), ("years", "months", 12),
                                             ("weeks", "days", 7), ("percentage points", "basis points", 100)]))
def test_conversion_round_trips(n, units):
    big, small, factor = units
    a, b = read_quantities(f"{n} {big}", "en")[0], read_quantities(f"{n * factor} {small}", "en")[0]
    assert relate_quantities(a, b).kind == "agree"
    assert a.lo == pytest.approx(b.lo) and a.hi == pytest.approx(b.hi)


def test_unit_names_are_a_clean_comma_separated_list():
    for row in lexicon.UNIT_ROWS:
        names = row[5].split(", ")
        assert all(n and n == n.strip() and "  " not in n and "," not in n for n in names), row[4]
