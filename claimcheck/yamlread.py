"""Strict YAML reading: composed nodes with marks, forbidden features refused.

PyYAML keeps line/column on composed nodes, but it silently accepts duplicate keys,
expands aliases (billion laughs) and constructs tagged objects. We scan the event
stream first, refuse anchors, aliases, tags, multiple documents and deep nesting
before anything is built, then walk the composed tree ourselves.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .codes import problem
from .model import Mark, Problem

MAX_YAML_BYTES = 5 * 1024 * 1024
YAML_LINE_BREAKS = re.compile("[\u2028\u2029\u0085]")
MAX_DEPTH = 32

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Composes without resolving scalar types: PyYAML's Python resolver costs ~10 µs per scalar,
    most of the compose time; `tag_of` resolves the few scalars whose type we check."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return STR_TAG
        return MAP_TAG if kind is yaml.MappingNode else SEQ_TAG

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
# YAML 1.1 implicit types of plain scalars, as PyYAML's resolver defines them: first character -> rules.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
# First character -> every rule that applies, joined once: tag_of runs for every scalar of a manifest.
_ANY_START = tuple(_IMPLICIT.get(None, []))
_RULES = {start: tuple(rules) + _ANY_START for start, rules in _IMPLICIT.items() if start is not None}
# Only anchors (&), aliases (*), tags (!), document markers and deep nesting need the event scan.
_NEEDS_SCAN = re.compile(r"[&*!]|^(?:---|\.\.\.)|^ {60,}\S|(?:[\[{][^\]}\n]*){16}", re.M)
# Characters that could drive a terminal or reorder text on screen.
BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BAD_IN_LINE = re.compile(f"[\t\n\r]|{BAD_CHARS.pattern}")
ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
# What a claims file may not hold in a quote (refused by the loader or by YAML): writers never copy it in.
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff"
                        "\ud800-\udfff]")
_TYPE_NAMES = {
    "tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a boolean", "tag:yaml.org,2002:timestamp": "a date",
    NULL_TAG: "empty (null)", STR_TAG: "text",
}


def tag_of(node: yaml.Node) -> str:
    """The node's YAML 1.1 type: plain scalars resolved as PyYAML would, quoted ones are text."""
    if not isinstance(node, yaml.ScalarNode) or node.style:
        return node.tag
    value = node.value
    for tag, regexp in _RULES.get(value[:1], _ANY_START):
        if regexp.match(value):
            return tag
    return STR_TAG


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and tag_of(node) == NULL_TAG


def node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _TYPE_NAMES.get(tag_of(node), "a scalar")


def describe_char(ch: str) -> str:
    return f"U+{ord(ch):04X}"


@dataclass
class Reader:
    """Collects problems while walking one file's composed nodes."""

    display: str
    problems: list[Problem] = field(default_factory=list)

    def mark(self, node: yaml.Node) -> Mark:
        return Mark(self.display, node.start_mark.line + 1, node.start_mark.column + 1,
                    node.start_mark.index, node.end_mark.index)

    def report(self, node_or_mark: Any, code: str, message: str, **kw: Any) -> None:
        mark = node_or_mark if isinstance(node_or_mark, Mark) else self.mark(node_or_mark)
        self.problems.append(problem(mark, code, message, **kw))

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...] | None,
                required: tuple[str, ...] = ()) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """Return key -> (key node, value node); report duplicates, unknown and missing keys.

        `allowed=None` accepts any key (mappings whose keys are ids, such as `entities`).
        """
        if not isinstance(node, yaml.MappingNode):
            self.report(node, "CC005", f"{what} must be a mapping, not {node_kind(node)}")
            return None
        items: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == "<<" and not key_node.style:
                self.report(key_node, "CC003", "merge keys (<<) are not allowed; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or tag_of(key_node) != STR_TAG:
                self.report(key_node, "CC005", f"keys in {what} must be text, not {node_kind(key_node)}")
                continue
            key = key_node.value
            if key in items:
                first = items[key][0].start_mark
                self.report(key_node, "CC002",
                            f"duplicate key '{key}' in {what} (first at line {first.line + 1}); remove one")
                continue
            if allowed is not None and key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; allowed: {', '.join(allowed)}"
                self.report(key_node, "CC004", f"unknown key '{key}' in {what}{hint}")
                continue
            items[key] = (key_node, value_node)
        missing = [k for k in required if k not in items]
        for key in missing:
            self.report(node, "CC006", f"{what} needs the key '{key}'")
        return items

    def text(self, node: yaml.Node, what: str, *, nullable: bool = False,
             multiline: bool = True, dates: bool = False) -> str | None:
        """A text scalar; numbers, dates and booleans must be quoted to count as text (with `dates`, an
        unquoted ISO date or datetime is taken as written: `published: 2024-03-28`)."""
        tag = tag_of(node)
        if tag == NULL_TAG and isinstance(node, yaml.ScalarNode):
            if not nullable:
                self.report(node, "CC005", f"{what} must be text, not empty (null)")
            return None
        if dates and isinstance(node, yaml.ScalarNode) and tag == TIMESTAMP_TAG:
            return self.printable(node, node.value, what, multiline=False)
        if not isinstance(node, yaml.ScalarNode) or tag != STR_TAG:
            self.report(node, "CC005", f"{what} must be text, not {node_kind(node)}"
                        + ("; put it in quotes" if isinstance(node, yaml.ScalarNode) else ""))
            return None
        return self.printable(node, node.value, what, multiline=multiline)

    def printable(self, node: yaml.Node, value: str, what: str, *, multiline: bool = True) -> str | None:
        bad = (BAD_CHARS if multiline else _BAD_IN_LINE).search(value)
        if bad:
            self.report(node, "CC007", f"{what} contains the control character {describe_char(bad.group())}; "
                        "remove it (control and bidirectional-override characters are refused)")
            return None
        return value

    def flag(self, node: yaml.Node, what: str) -> bool | None:
        """A YAML boolean: true or false (yes/no/on/off are YAML 1.1 traps and are refused)."""
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value in ("true", "false", "True",
                                                                                        "False"):
            return node.value.lower() == "true"
        self.report(node, "CC005", f"{what} must be true or false")
        return None

    def ident(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what, multiline=False)
        if value is not None and not ID_RE.match(value):
            self.report(node, "CC007", f"{what} '{value}' is not a valid id: use lowercase letters, digits, "
                        "'-' and '_', starting with a letter or digit")
            return None
        return value

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if not isinstance(node, yaml.SequenceNode):
            self.report(node, "CC005", f"{what} must be a list, not {node_kind(node)}")
            return None
        return list(node.value)


def read_yaml_text(path: Path, display: str, problems: list[Problem]) -> str | None:
    """Read a YAML file as text; BOM and CRLF are fine, other encodings are not."""
    from .paths import TooLarge, read_regular
    try:
        data = read_regular(path, MAX_YAML_BYTES)
    except TooLarge:
        size = path.stat().st_size
        problems.append(problem(Mark(display, 1, 1), "CC009",
                                f"file is {size:,} bytes; the limit is {MAX_YAML_BYTES:,} bytes"))
        return None
    except OSError as exc:
        problems.append(problem(Mark(display, 1, 1), "CC201", f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(problem(Mark(display, line, column), "CC001",
                                f"not UTF-8 text (byte 0x{data[exc.start]:02X}); save the file as UTF-8"))
        return None
    # YAML ends a line (and so a comment) at U+2028, U+2029 and U+0085, which every viewer shows as text:
    # a "comment" could hide data such as `stance: denies`. They are refused wherever they stand.
    odd = YAML_LINE_BREAKS.search(text)
    if odd:
        before = re.split(r"\r\n|\r|\n", text[:odd.start()])
        problems.append(problem(Mark(display, len(before), len(before[-1]) + 1), "CC007",
                                f"{describe_char(odd.group())} is a line break for YAML but not for editors; "
                                "remove it (it could turn a comment into data)"))
        return None
    return text


def _mark_of(display: str, mark: Any) -> Mark:
    return Mark(display, mark.line + 1, mark.column + 1, mark.index, mark.index)


def _scan_events(text: str, display: str, problems: list[Problem]) -> bool:
    """Refuse forbidden features from the event stream, before any node is built."""
    depth = documents = 0
    ok = True
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents == 2:
                problems.append(problem(_mark_of(display, event.start_mark), "CC003",
                                        "more than one YAML document; keep one document per file"))
                return False
        elif isinstance(event, yaml.AliasEvent):
            problems.append(problem(_mark_of(display, event.start_mark), "CC003",
                                    f"alias '*{event.anchor}' is not allowed; write the value out"))
            return False
        elif isinstance(event, yaml.NodeEvent):
            if event.anchor is not None:
                problems.append(problem(_mark_of(display, event.start_mark), "CC003",
                                        f"anchor '&{event.anchor}' is not allowed; write the value out"))
                ok = False
            tag = getattr(event, "tag", None)
            if tag is not None:
                problems.append(problem(_mark_of(display, event.start_mark), "CC003",
                                        f"tag '{tag}' is not allowed; remove it"))
                ok = False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(problem(_mark_of(display, event.start_mark), "CC003",
                                            f"nesting deeper than {MAX_DEPTH} levels is not allowed"))
                    return False
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return ok


def compose_yaml(text: str, display: str, problems: list[Problem],
                 empty_message: str = "the file is empty") -> yaml.Node | None:
    """Compose one document; None (with problems) when it is broken, forbidden or empty."""
    try:
        if _NEEDS_SCAN.search(text) and not _scan_events(text, display, problems):
            return None
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(display, mark.line + 1, mark.column + 1) if mark else Mark(display, 1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        if "nesting depth" in what:
            # libyaml (PyYAML >= 6.0.4) stops deep flow nesting in its scanner, ahead of our event scan.
            problems.append(problem(where, "CC003", f"nesting deeper than {MAX_DEPTH} levels is not allowed"))
            return None
        problems.append(problem(where, "CC001", f"YAML syntax error: {what}"))
        return None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        problems.append(problem(Mark(display, 1, 1), "CC001", f"YAML error: {exc}"))
        return None
    if node is None:
        problems.append(problem(Mark(display, 1, 1), "CC008", empty_message))
    return node
