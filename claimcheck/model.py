"""The typed model every module after the loader works with."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Verdict(str, Enum):
    AGREED = "agreed"
    CONFLICT = "conflict"
    RECONCILABLE = "reconcilable"
    VARIANT = "variant"
    UNCONFIRMED = "unconfirmed"
    SINGLE_SOURCE = "single-source"
    UNCITED = "uncited"


CLAIM_TYPES = ("date", "duration", "number", "actor", "stance", "quote", "text")
STANCES = ("asserts", "denies", "declines", "mentions")


@dataclass(frozen=True, order=True)
class Mark:
    """A 1-based position in a file, plus the character offsets of the node it marks."""

    file: str
    line: int
    column: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    code: str
    message: str = field(compare=False)
    claim: str | None = field(default=None, compare=False)
    source: str | None = field(default=None, compare=False)

    @classmethod
    def at(cls, mark: Mark, severity: Severity, code: str, message: str,
           claim: str | None = None, source: str | None = None) -> "Problem":
        return cls(mark.file, mark.line, mark.column, severity, code, message, claim, source)


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    path: Path | None  # None when the manifest entry was refused (outside its folder)
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    timezone: str | None = None
    language: str | None = None
    translated_from: str | None = None
    sha256: str | None = None
    note: str | None = None
    via: str | None = None  # the wire or outlet every sentence of this article relays (a wire copy)
    mark: Mark = Mark("", 1, 1)


@dataclass(frozen=True)
class Manifest:
    path: Path  # the manifest file, or the folder of a manifest set
    sources: tuple[Source, ...]
    files: tuple[Path, ...] = ()  # the files it was read from (one, or each file of a set)

    @cached_property
    def by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    def get(self, source_id: str) -> Source | None:
        return self.by_id.get(source_id)


@dataclass(frozen=True)
class Cite:
    source: str
    quote: str
    mark: Mark
    quote_mark: Mark
    value: Any = None  # plain data as written: str, or a dict of str (date mappings)
    value_mark: Mark | None = None
    stance: str | None = None
    via: str | None = None  # the source's `via` applies unless the cite says otherwise (`via: null` = first-hand)
    via_given: bool = False
    prefix: str | None = None
    suffix: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    claim: str
    type: str
    cites: tuple[Cite, ...]
    event: str
    mark: Mark
    cites_mark: Mark
    note: str | None = None
    unit: str | None = None  # the dimension or unit a number claim is about: percent, km, USD, votes
    evolves: bool = False  # a tally that grows as reports come in: cites are ordered by `published`


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    timezone: str | None
    entities: dict[str, tuple[str, ...]]
    file: str
    mark: Mark
    note: str | None = None


@dataclass(frozen=True)
class ClaimsFile:
    path: Path
    display: str
    event: Event | None
    claims: tuple[Claim, ...]
    sha256: str | None = None  # of the text the marks point into: a writer refuses when the file changed since
