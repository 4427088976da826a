"""The registry of check codes: stable ids, default severity and one-line descriptions.

The README's table and the SARIF rules are generated from this registry, so a code
documented here is the code users see.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Mark, Problem, Severity


@dataclass(frozen=True)
class Code:
    id: str
    name: str
    severity: Severity
    description: str


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {c.id: c for c in (
    Code("CC001", "yaml-syntax", _E, "The file is not valid YAML (or not UTF-8 text)."),
    Code("CC002", "duplicate-key", _E, "A mapping repeats a key; YAML would silently keep the last one."),
    Code("CC003", "forbidden-yaml", _E,
         "Anchors, aliases, merge keys, tags and multiple documents are refused: they hide what a file says."),
    Code("CC004", "unknown-key", _E, "A key the format does not know (usually a typo)."),
    Code("CC005", "wrong-type", _E, "A value has the wrong YAML type (a list where text is expected, …)."),
    Code("CC006", "missing-key", _E, "A required key is absent."),
    Code("CC007", "invalid-value", _E,
         "A value is malformed: bad id, unknown claim type or stance, control characters, unknown time zone."),
    Code("CC008", "empty-file", _E, "The file is empty or holds only comments."),
    Code("CC009", "too-large", _E, "A claims file, manifest or article exceeds the documented size limit."),
    Code("CC010", "duplicate-id", _E, "An event, claim or source id is used twice (ids are unique across files)."),
    Code("CC101", "no-cites", _E, "A claim cites no source."),
    Code("CC102", "unknown-source", _E, "A cite names a source that the manifest does not list."),
    Code("CC103", "empty-quote", _E, "A cite's quote is empty or only whitespace."),
    Code("CC104", "quote-not-found", _E, "The quote is not in its article, not even approximately."),
    Code("CC105", "quote-fuzzy", _W,
         "The quote matches its article only approximately; the message shows the article's words (fix with --fix)."),
    Code("CC106", "quote-ambiguous", _W,
         "The quote occurs more than once in its article; add `prefix` or `suffix` to pick one."),
    Code("CC107", "quote-changes-fact", _E,
         "The closest passage differs in a word that carries a fact (number, weekday, month, negation, direction word)."),
    Code("CC108", "value-contradicts-quote", _W, "The cite's value says something its quote does not (value Tuesday, quote Monday)."),
    Code("CC109", "bad-value", _E, "The cite's value cannot be read as the claim's type."),
    Code("CC110", "no-value", _W, "No value or stance can be read with certainty (none, several, or a word with two meanings): the cite is unread."),
    Code("CC111", "fuzzy-name", _W, "A name in the quote matches an entity only approximately (a misspelling)."),
    Code("CC201", "article-missing", _E, "The manifest names an article file that is missing or unreadable."),
    Code("CC202", "article-not-utf8", _E, "The article is not valid UTF-8 text."),
    Code("CC203", "article-changed", _W, "The article's sha256 differs from the manifest: it changed since curation."),
    Code("CC204", "sha256-missing", _W, "The manifest entry has no sha256, so changes to the article go unnoticed (fix with --fix)."),
    Code("CC205", "path-outside", _E, "The manifest points outside its own folder; the file is not read."),
)}


def problem(mark: Mark, code: str, message: str, *, claim: str | None = None,
            source: str | None = None, severity: Severity | None = None) -> Problem:
    """Build a problem with the code's default severity."""
    return Problem.at(mark, severity or CODES[code].severity, code, message, claim, source)
