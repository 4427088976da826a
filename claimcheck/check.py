"""`claimcheck check`: every problem in a project, and `--fix` for quotes the article words differently."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .codes import problem
from .yamlread import UNWRITABLE
from .english import count
from .model import Problem, Severity
from .project import AnchoredCite, Project


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def anchor_problems(item: AnchoredCite) -> list[Problem]:
    """What is wrong with one cite's source and quote."""
    cite, claim = item.cite, item.claim
    where = dict(claim=claim.id, source=cite.source)
    if item.source is None:
        return [problem(cite.mark, "CC102", f"claim '{claim.id}' cites unknown source '{cite.source}'; "
                        "add it to the sources manifest or fix the id", **where)]
    if not cite.quote.strip():
        return [problem(cite.quote_mark, "CC103", f"claim '{claim.id}': the quote from '{cite.source}' is empty; "
                        "paste the article's exact words", **where)]
    anchor, article = item.anchor, item.article
    if anchor is None or article is None:
        return []  # the article itself is missing or unreadable: reported once, at the manifest
    file = item.source.file
    if anchor.status == "absent":
        if anchor.occurrences:
            why = (f"it occurs {count(anchor.occurrences, 'time')} in '{file}', but never with the given prefix/suffix; "
                   "fix prefix/suffix")
        elif anchor.start is not None:
            why = (f"not in '{file}'; the closest passage ({anchor.score:.0f}% similar) is "
                   f"'{_excerpt(article.text[anchor.start:anchor.end])}'")
        else:
            why = f"not in '{file}'; copy the exact words from the article"
        return [problem(cite.quote_mark, "CC104", f"claim '{claim.id}': quote from '{cite.source}' {why}", **where)]
    if anchor.status == "changed":
        diffs = ", ".join(f"'{said}'" + (f" where the article says '{found}'" if found else " (not in the article)")
                          if said else f"the article adds '{found}'" for said, found in anchor.differences)
        return [problem(cite.quote_mark, "CC107", f"claim '{claim.id}': quote from '{cite.source}' changes a fact: "
                        f"{diffs}; the article says '{_excerpt(article.text[anchor.start:anchor.end])}'", **where)]
    if anchor.status == "fuzzy":
        return [problem(cite.quote_mark, "CC105", f"claim '{claim.id}': quote from '{cite.source}' matches only "
                        f"approximately ({anchor.score:.1f}); the article says "
                        f"'{_excerpt(article.text[anchor.start:anchor.end], 200)}' (check --fix copies it)", **where)]
    if anchor.status == "ambiguous":
        return [problem(cite.quote_mark, "CC106", f"claim '{claim.id}': quote from '{cite.source}' occurs "
                        f"{anchor.occurrences} times in '{file}'; add prefix or suffix to pick one", **where)]
    return []


def check_project(project: Project) -> list[Problem]:
    """All problems: loading, claims without cites, sources, quotes and values; sorted by location."""
    from .values import value_problems
    problems = list(project.problems)
    for claims_file in project.files:
        for claim in claims_file.claims:
            if not claim.cites:
                problems.append(problem(claim.cites_mark, "CC101", f"claim '{claim.id}' cites no source",
                                        claim=claim.id))
            for item in project.cites.get(claim.id, ()):
                problems.extend(anchor_problems(item))
            problems.extend(value_problems(project, claim))
    return sorted(set(problems))


def fails(problems: list[Problem], strict: bool) -> bool:
    return any(p.severity is Severity.ERROR or strict for p in problems)


@dataclass(frozen=True)
class Fix:
    file: Path
    start: int  # character offsets of the quote scalar in the decoded file
    end: int
    replacement: str
    claim: str
    source: str
    planned_from: str | None = None  # sha256 of the text the offsets point into
    manifest: bool = False  # an edit of the sources manifest (a missing sha256 filled in)



def yaml_string(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, escapes included.
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class FixPlan:
    fixes: tuple[Fix, ...]
    skipped: tuple[str, ...]  # why a quote was left as written


def plan_fixes(project: Project, everything: bool = False) -> FixPlan:
    """Quotes that matched only approximately (and, with `everything`, after normalization too): the
    article's exact words, with whitespace runs as single spaces, to replace them."""
    fixes, skipped = [], []
    files = {f.display: f for f in project.files}
    for items in project.cites.values():
        for item in items:
            anchor = item.anchor
            if anchor is None or item.article is None or anchor.status not in ("found", "fuzzy"):
                continue
            if anchor.method == "exact" or anchor.method == "normalized" and not everything:
                continue
            exact = " ".join(item.article.text[anchor.start:anchor.end].split())
            mark = item.cite.quote_mark
            bad = UNWRITABLE.search(exact)
            if bad:
                skipped.append(f"{mark.file}:{mark.line}:{mark.column}: left the quote of '{item.cite.source}' "
                               f"as written: the article's words hold U+{ord(bad.group()):04X}, which a claims "
                               "file may not contain")
                continue
            if exact == item.cite.quote:
                continue
            claims_file = files[mark.file]
            fixes.append(Fix(claims_file.path, mark.start, mark.end, yaml_string(exact), item.claim.id,
                             item.cite.source, claims_file.sha256))
    return FixPlan(tuple(fixes) + tuple(_sha256_fixes(project)), tuple(skipped))


def _sha256_fixes(project: Project) -> list[Fix]:
    """CC204 fixed: each manifest entry without `sha256` gets its article's, in the entry's own layout."""
    missing = {s.id: s for s in project.manifest.sources if not s.sha256 and s.path is not None}
    if not missing:
        return []
    return [fix for path in project.manifest.files or (project.manifest.path,)
            for fix in _sha256_fixes_in(path, missing)]


def _sha256_fixes_in(path: Path, missing: dict) -> list[Fix]:
    """The CC204 fixes of one manifest file (a set's ids are unique, so an id names one entry)."""
    import yaml

    from .ingest import _last_end
    from .paths import read_regular, sha256_of_file
    from .sources import MAX_ARTICLE_BYTES
    from .yamlread import MAX_YAML_BYTES, compose_yaml
    try:
        text = read_regular(path, MAX_YAML_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []
    root = compose_yaml(text, str(path), [])
    sequence = next((v for k, v in root.value if k.value == "sources"), None) \
        if isinstance(root, yaml.MappingNode) else None
    if not isinstance(sequence, yaml.SequenceNode):
        return []
    planned = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    fixes = []
    for item in sequence.value:
        if not isinstance(item, yaml.MappingNode):
            continue
        keys = {k.value: v for k, v in item.value if isinstance(k, yaml.ScalarNode)}
        source = missing.get(getattr(keys.get("id"), "value", None))
        if source is None or "sha256" in keys and keys["sha256"].value not in ("", "null", "~"):
            continue
        digest = sha256_of_file(source.path, MAX_ARTICLE_BYTES)
        if digest is None:
            continue
        if "sha256" in keys:  # `sha256: null` or empty: the value is replaced
            node = keys["sha256"]
            fixes.append(Fix(path, node.start_mark.index, node.end_mark.index, digest, "", source.id, planned, True))
        elif item.flow_style:
            close = item.end_mark.index - 1
            fixes.append(Fix(path, close, close, f", sha256: {digest}", "", source.id, planned, True))
        else:
            end = _last_end(item)
            newline = text.find("\n", end)
            at = len(text) if newline < 0 else newline + 1
            line_break = "\r\n" if "\r\n" in text else "\n"
            lead = "" if newline >= 0 else line_break
            fixes.append(Fix(path, at, at, f"{lead}{' ' * item.start_mark.column}sha256: {digest}{line_break}", "",
                             source.id, planned, True))
    return fixes



def _patched(text: str, fixes: list[Fix]) -> str:
    for fix in sorted(fixes, key=lambda f: f.start, reverse=True):
        old = text[fix.start:fix.end]
        # Block scalars (| or >) own their trailing line break; keep the layout after them.
        tail = old[len(old.rstrip("\r\n")):] if old[:1] in "|>" else ""
        text = text[:fix.start] + fix.replacement + tail + text[fix.end:]
    return text


def _by_file(fixes) -> dict[Path, list[Fix]]:
    by_file: dict[Path, list[Fix]] = {}
    for fix in fixes:
        by_file.setdefault(fix.file, []).append(fix)
    return by_file


def diff_fixes(plan: FixPlan) -> str:
    """A unified diff of what --fix would write, file by file (nothing is written)."""
    import difflib

    from .paths import display_path
    out = []
    for path, file_fixes in _by_file(plan.fixes).items():
        text = path.read_bytes().decode("utf-8-sig")
        new = _patched(text, file_fixes)
        name = display_path(path)
        out.extend(difflib.unified_diff(text.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{name}", f"b/{name}"))
    return "".join(line if line.endswith("\n") else line + "\n" for line in out)


def apply_fixes(plan: FixPlan) -> int:
    """Rewrite each quote scalar in place, leaving every other byte of the file as it was.

    Each file is locked, read again and compared with the text the fixes were planned from: if it
    changed meanwhile (another --fix, an editor), nothing is written. The new text must load
    without an error the old one did not have, or nothing is written either.
    """
    from .errors import UsageError
    from .loader import load_claims_file
    from .locking import locked
    from .paths import read_regular
    from .writing import real_target, write_atomically
    from .yamlread import MAX_YAML_BYTES
    for path, file_fixes in _by_file(plan.fixes).items():
        target = real_target(path)
        with locked(target):
            data = read_regular(target, MAX_YAML_BYTES)
            bom = data.startswith(b"\xef\xbb\xbf")
            text = data.decode("utf-8-sig")
            if hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != file_fixes[0].planned_from:
                raise UsageError(f"{path}: changed since it was checked (another --fix or an editor); nothing "
                                 "was written: run check --fix again")
            def load(at: Path) -> list[Problem]:
                if file_fixes[0].manifest:
                    from .sources import load_manifest
                    return load_manifest(at, str(path))[1]
                return load_claims_file(at, str(path))[1]

            before = _load_errors(load(target))

            def still_loads(tmp: Path) -> None:
                after = _load_errors(load(tmp))
                if len(after) > len(before):
                    raise UsageError(f"{path}: the fixed file would not load ({after[0].code} {after[0].message}); "
                                     "nothing was written")

            write_atomically(path, (b"\xef\xbb\xbf" if bom else b"") + _patched(text, file_fixes).encode("utf-8"),
                             validate=still_loads)
    return len(plan.fixes)


def _load_errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR and p.code < "CC100"]
