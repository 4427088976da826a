"""The corpus of real phrasings (tests/cases/values): every reading and every pair, one case per line."""
from __future__ import annotations

import pytest

from claimcheck import kinds
from claimcheck.quantities import Quantity, VoteSplit, pick, read_quantities

from .conftest import CASES

VALUES = CASES / "values"


def _rows(pattern: str, columns: int) -> list[tuple[str, ...]]:
    rows = []
    for path in sorted(VALUES.glob(pattern)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = tuple(line.split("\t"))
            assert len(cells) == columns, f"{path.name}:{number}: {len(cells)} columns, expected {columns}"
            rows.append((f"{path.stem}:{number}", *cells))
    return rows


def describe(text: str, language: str, unit: str) -> str:
    found = pick(read_quantities(text, None if language == "-" else language), None if unit == "-" else unit)
    if found is None:
        return "none"
    if isinstance(found, str):
        return "unread"
    return found.describe()


READINGS = _rows("readings-*.tsv", 5)
PAIRS = _rows("pairs-*.tsv", 6)


def test_the_corpus_is_as_large_as_promised():
    assert len(READINGS) >= 300 and len(PAIRS) >= 100
    assert all(row[-1].strip() for row in READINGS + PAIRS), "every case names its source"


@pytest.mark.parametrize("where, language, unit, text, expected, source", READINGS, ids=[r[0] for r in READINGS])
def test_reading(where, language, unit, text, expected, source):
    assert describe(text, language, unit) == expected, f"{where}: {text!r} ({source})"


def _value(words: str, language: str, unit: str):
    found = pick(read_quantities(words, None if language == "-" else language), None if unit == "-" else unit)
    assert isinstance(found, (Quantity, VoteSplit)), f"{words!r} was not read: {found}"
    return found


@pytest.mark.parametrize("where, language, unit, a, b, expected, source", PAIRS, ids=[r[0] for r in PAIRS])
def test_pair(where, language, unit, a, b, expected, source):
    va, vb = _value(a, language, unit), _value(b, language, unit)
    relation = kinds.relate(va, vb, "a", "b")
    assert relation.kind == expected, f"{where}: {a!r} vs {b!r}: {relation.reason} ({source})"
    # Relations are symmetric, and a value always agrees with itself.
    assert kinds.relate(vb, va, "b", "a").kind == expected
    assert kinds.relate(va, va, "a", "a").kind == "agree"


def test_no_reading_of_the_wrong_dimension_or_sign():
    """The measure that matters most: a reading may be missing, never of another kind or sign."""
    wrong = []
    for where, language, unit, text, expected, source in READINGS:
        got = describe(text, language, unit)
        if expected in ("unread", "none") or got in ("unread", "none"):
            continue
        if got.split()[-1] != expected.split()[-1] or got.lstrip("abovenarlyu ")[:1] == "-" \
                and expected.lstrip("abovenarlyu ")[:1] != "-":
            wrong.append(f"{where}: {text!r} read {got!r}, expected {expected!r}")
    assert not wrong, "\n".join(wrong)
