"""`claimcheck check`: every problem in a project, and `--fix` for quotes the article words differently."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .codes import problem
from .model import Problem, Severity
from .project import AnchoredCite, Project
from .writing import write_atomically


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
            why = (f"it occurs {anchor.occurrences} time(s) in '{file}', but never with the given prefix/suffix; "
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


def _yaml_string(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, escapes included.
    return json.dumps(text, ensure_ascii=False)


def plan_fixes(project: Project) -> list[Fix]:
    """Quotes found only after normalization or fuzzily: replace them with the article's exact words."""
    fixes = []
    paths = {f.display: f.path for f in project.files}
    for items in project.cites.values():
        for item in items:
            anchor = item.anchor
            if anchor is None or item.article is None or anchor.status not in ("found", "fuzzy"):
                continue
            if anchor.method == "exact":
                continue
            exact = item.article.text[anchor.start:anchor.end]
            mark = item.cite.quote_mark
            fixes.append(Fix(paths[mark.file], mark.start, mark.end, _yaml_string(exact),
                             item.claim.id, item.cite.source))
    return fixes


def apply_fixes(fixes: list[Fix]) -> int:
    """Rewrite each quote scalar in place, leaving every other byte of the file as it was."""
    by_file: dict[Path, list[Fix]] = {}
    for fix in fixes:
        by_file.setdefault(fix.file, []).append(fix)
    for path, file_fixes in by_file.items():
        data = path.read_bytes()
        bom = data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8-sig")
        for fix in sorted(file_fixes, key=lambda f: f.start, reverse=True):
            old = text[fix.start:fix.end]
            # Block scalars (| or >) own their trailing line break; keep the layout after them.
            tail = old[len(old.rstrip("\r\n")):] if old[:1] in "|>" else ""
            text = text[:fix.start] + fix.replacement + tail + text[fix.end:]
        write_atomically(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return len(fixes)



def problems_to_json(problems: list[Problem]) -> list[dict]:
    return [{"file": p.file, "line": p.line, "column": p.column, "severity": p.severity.value, "code": p.code,
             "message": p.message, "claim": p.claim, "source": p.source} for p in problems]


def problems_from_json(rows: list[dict]) -> list[Problem]:
    return [Problem(p["file"], p["line"], p["column"], Severity(p["severity"]), p["code"], p["message"],
                    p["claim"], p["source"]) for p in rows]
