"""Plain English for reasons and summaries: counts agree with their nouns, lists end with "and"."""
from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 claim', '2 claims', '1 quote', '3 errors', '12,000 sources' (an archive's counts are read at a glance)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def verb(n: int, singular: str, plural: str) -> str:
    """The verb that agrees with n subjects: 'declines' for one source, 'decline' for two."""
    return singular if n == 1 else plural
