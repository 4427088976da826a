"""Rendering results as text, tables, Markdown, JSON, GitHub annotations and SARIF.

Untrusted text (from YAML files and articles) only ever reaches the terminal as rich `Text`
with control and bidirectional characters escaped, never as markup.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING

from .codes import CODES
from .english import count
from .model import Problem, Severity, Verdict

if TYPE_CHECKING:
    from rich.console import Console

    from .compare import ClaimResult
    from .project import Project

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufff9-\ufffb]")
JSON_VERSION = 1
VERDICT_STYLE = {
    Verdict.AGREED: "green", Verdict.CONFLICT: "bold red", Verdict.RECONCILABLE: "yellow",
    Verdict.VARIANT: "cyan", Verdict.UNCONFIRMED: "magenta", Verdict.SINGLE_SOURCE: "blue",
    Verdict.UNCITED: "red",
}
VERDICT_ORDER = list(Verdict)
NOT_FOUND = "✗ not found"


def safe(text: str) -> str:
    """Untrusted text made inert: control and bidi characters become visible escapes."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xff else f"\\x{ord(m.group()):02x}",
                       text)


def one_line(text: str) -> str:
    return " ".join(safe(text).split())


def safe_path(text: str) -> str:
    """A file name on one line: a newline in a name must not forge an output line."""
    return safe(text).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def dump_json(data, **kwargs) -> str:
    """JSON as UTF-8 text, with control, bidi and line-separator characters escaped (\\uXXXX): valid JSON
    that cannot reorder or hide text in a terminal or an editor."""
    text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ---------------------------------------------------------------- check


def render_check_text(problems: list[Problem], console: "Console", files: int) -> None:
    from rich.text import Text
    for p in problems:
        line = Text()
        line.append(f"{safe_path(p.file)}:{p.line}:{p.column}:", style="bold")
        line.append(" ")
        line.append(p.severity.value, style="red" if p.severity is Severity.ERROR else "yellow")
        line.append(f" {p.code} ", style="dim")
        line.append(one_line(p.message))
        console.print(line, soft_wrap=True, highlight=False)
    counts = Counter(p.severity for p in problems)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    if problems:
        console.print(Text(f"Found {count(errors, 'error')} and {count(warnings, 'warning')} in "
                           f"{count(files, 'file')}."), highlight=False)
    else:
        console.print(Text(f"All checks passed ({count(files, 'file')})."), highlight=False)


def check_output(problems: list[Problem], fmt: str, files: int, version: str, console: "Console") -> str:
    """What `check` prints in `fmt`, as one string (text drawn for `console`'s width and colours)."""
    if fmt == "text":
        import io
        from rich.console import Console
        buffer = io.StringIO()
        render_check_text(problems, Console(file=buffer, width=console.width, color_system=console.color_system,
                                            force_terminal=console.is_terminal, highlight=False, soft_wrap=False),
                          files)
        return buffer.getvalue()
    if fmt == "json":
        return check_json(problems) + "\n"
    if fmt == "github":
        out = check_github(problems)
        return out + "\n" if out else ""
    return check_sarif(problems, version) + "\n"


def check_json(problems: list[Problem]) -> str:
    """One problem per line: readable, greppable, and encoded by json's C encoder (indent= is not)."""
    rows = [dump_json({"file": p.file, "line": p.line, "column": p.column, "severity": p.severity.value,
                       "code": p.code, "message": p.message}) for p in problems]
    body = ",\n    ".join(rows)
    return f'{{"version": {JSON_VERSION}, "problems": [' + (f"\n    {body}\n  " if rows else "") + "]}"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def check_github(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        kind = "error" if p.severity is Severity.ERROR else "warning"
        lines.append(f"::{kind} file={_gh_escape(safe(p.file), True)},line={p.line},col={p.column},"
                     f"title={_gh_escape(p.code, True)}::{_gh_escape(one_line(p.message))}")
    return "\n".join(lines)


def _uri(path: str) -> str:
    """A relative URI reference for SARIF: separators as '/', everything else percent-encoded."""
    from urllib.parse import quote
    return quote(path.replace("\\", "/"), safe="/")


def check_sarif(problems: list[Problem], version: str) -> str:
    rules = [{"id": c.id, "name": c.name, "shortDescription": {"text": c.description},
              "defaultConfiguration": {"level": "error" if c.severity is Severity.ERROR else "warning"}}
             for c in CODES.values()]
    index = {c.id: i for i, c in enumerate(CODES.values())}
    results = []
    for p in problems:
        key = f"{p.claim or ''}/{p.source or ''}/{p.code}" if (p.claim or p.source) else f"{p.file}/{p.code}/{p.message}"
        results.append({
            "ruleId": p.code, "ruleIndex": index[p.code],
            "level": "error" if p.severity is Severity.ERROR else "warning",
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(p.file)},
                                                "region": {"startLine": p.line, "startColumn": p.column}}}],
            "partialFingerprints": {"claimcheck/v1": key},
        })
    return dump_json({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "claimcheck", "version": version,
                                      "informationUri": "https://example.invalid/claimcheck", "rules": rules}},
                  "results": results}]}, indent=2)


# ---------------------------------------------------------------- compare


def cell(result: "ClaimResult", source_id: str) -> str:
    """What one source says for one claim: value or stance; blank when silent."""
    bits = []
    for cv in result.values:
        if cv.source != source_id:
            continue
        anchor = cv.item.anchor
        if anchor is None or not anchor.found:
            bits.append(NOT_FOUND)
            continue
        text = cv.label() if result.claim.type != "quote" else _opening(cv.item.cite.quote)
        if cv.value is not None and cv.stance and cv.stance != "asserts":
            text += f" ({cv.stance})"
        if cv.item.cite.via:
            text += f" [via {cv.item.cite.via}]"
        bits.append(text)
    return "; ".join(dict.fromkeys(bits))


def _opening(quote: str, words: int = 6) -> str:
    head = quote.strip().strip("\"'“”‘’«»").split()
    return "“" + " ".join(head[:words]) + ("…”" if len(head) > words else "”")


def summary_line(results: list["ClaimResult"]) -> str:
    counts = Counter(r.verdict for r in results)
    parts = [f"{counts[v]} {v.value}" for v in VERDICT_ORDER if counts[v]]
    return f"{count(len(results), 'claim')}: " + ", ".join(parts)


def grouped_by_event(project: "Project", results: list["ClaimResult"]):
    """(event, its results, its sources in manifest order) per event."""
    for event in project.events:
        rows = [r for r in results if r.claim.event == event.id]
        cited = {cv.source for r in rows for cv in r.values}
        sources = [s for s in project.manifest.sources if s.id in cited]
        yield event, rows, sources


def render_compare_table(project: "Project", results: list["ClaimResult"], console: "Console") -> None:
    from rich.table import Table
    from rich.text import Text
    for event, rows, sources in grouped_by_event(project, results):
        if not rows:
            continue
        console.print(Text(safe(event.title), style="bold"), Text(f"  ({event.id})", style="dim"), highlight=False)
        if _table_width(rows, sources) > console.width:
            _render_blocks(rows, sources, console)
        else:
            table = Table(show_lines=True, expand=False)
            table.add_column("claim", overflow="fold", min_width=10)
            for source in sources:
                table.add_column(safe(source.id), overflow="fold", min_width=8)
            table.add_column("verdict", overflow="fold", min_width=8)
            table.add_column("reason", overflow="fold", ratio=2, min_width=16)
            for r in rows:
                table.add_row(Text(safe(r.claim.id)), *[Text(safe(cell(r, s.id))) for s in sources],
                              Text(r.verdict.value, style=VERDICT_STYLE[r.verdict]), Text(one_line(r.reason)))
            console.print(table)
        console.print(Text(summary_line(rows)), highlight=False)
        console.print()
    console.print(Text("Cells: a source's value or stance; blank = silent; "
                       f"{NOT_FOUND} = quote not in the article; [via X] = relayed from X.", style="dim"),
                  highlight=False)


def print_indented(console: "Console", text, indent: int) -> None:
    """Wrap styled text at word boundaries to the console width, each line indented, no trailing spaces."""
    from rich.text import Text
    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, highlight=False, soft_wrap=True)


def _table_width(rows: list["ClaimResult"], sources) -> int:
    """The narrowest width at which the matrix stays readable; below it, one block per claim."""
    claim = max(len(r.claim.id) for r in rows)
    return claim + len("single-source") + 14 * len(sources) + 30 + 3 * (len(sources) + 3) + 1


def _render_blocks(rows: list["ClaimResult"], sources, console: "Console") -> None:
    from rich.text import Text
    for r in rows:
        head = Text()
        head.append(safe(r.claim.id), style="bold")
        head.append("  ")
        head.append(r.verdict.value, style=VERDICT_STYLE[r.verdict])
        console.print(head, highlight=False)
        print_indented(console, Text(one_line(r.reason)), 2)
        for s in sources:
            value = cell(r, s.id)
            if value:
                print_indented(console, Text(f"{safe(s.id)}: {safe(value)}"), 4)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#@~|])")  # [ ] kill links and images; @ mentions


def _md(text: str) -> str:
    """Untrusted text inert in Markdown: no links, images, mentions, emphasis, code or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text)).replace("<", "&lt;").replace(">", "&gt;")


def compare_markdown(project: "Project", results: list["ClaimResult"]) -> str:
    out = []
    for event, rows, sources in grouped_by_event(project, results):
        if not rows:
            continue
        out.append(f"## {_md(event.title)} (`{event.id}`)\n")
        out.append("| claim | " + " | ".join(_md(s.id) for s in sources) + " | verdict | reason |")
        out.append("|---|" + "---|" * len(sources) + "---|---|")
        for r in rows:
            out.append(f"| {_md(r.claim.id)} | " + " | ".join(_md(cell(r, s.id)) for s in sources)
                       + f" | **{r.verdict.value}** | {_md(r.reason)} |")
        out.append(f"\n{summary_line(rows)}\n")
    return "\n".join(out)


def claim_json(result: "ClaimResult", with_context: bool = False) -> dict:
    from .anchor import context, line_of
    cites = []
    for cv in result.values:
        anchor, article = cv.item.anchor, cv.item.article
        found = bool(anchor and anchor.found)
        entry = {"source": cv.source, "quote": cv.item.cite.quote, "found": found,
                 "span": list(anchor.span) if found else None,
                 "line": line_of(article.text, anchor.start) if found and article else None,
                 "score": anchor.score if anchor else None, "method": anchor.method if found else None,
                 "value": cv.json_value(), "stance": cv.stance, "via": cv.item.cite.via,
                 "reading": cv.reading(), "unread": cv.unread}
        if with_context:
            entry["context"] = (dict(zip(("before", "match", "after"), context(article.text, anchor.start, anchor.end)))
                                if found and article else None)
        cites.append(entry)
    out = {"id": result.claim.id, "event": result.claim.event, "claim": result.claim.claim,
           "type": result.claim.type, "verdict": result.verdict.value, "reason": result.reason, "cites": cites}
    if result.claim.type == "quote":
        out["similarity"] = result.similarity
        out["diff"] = [{"source": s, "ops": [list(op) for op in ops]} for s, ops in result.diff]
    return out


def compare_json(project: "Project", results: list["ClaimResult"]) -> str:
    shown = {r.claim.event for r in results}
    cited = {cv.source for r in results for cv in r.values}
    return dump_json({
        "version": JSON_VERSION,
        "events": [{"id": e.id, "title": e.title, "timezone": e.timezone} for e in project.events if e.id in shown],
        "sources": [{"id": s.id, "outlet": s.outlet, "file": s.file} for s in project.manifest.sources
                    if s.id in cited],
        "claims": [claim_json(r) for r in results],
    }, indent=2)


# ---------------------------------------------------------------- show


def render_show(result: "ClaimResult", project: "Project", console: "Console") -> None:
    from rich.text import Text

    from .anchor import context
    c = result.claim
    event = result.event
    head = Text()
    head.append(safe(c.id), style="bold")
    head.append(f"  ({c.type}) {one_line(c.claim)}")
    console.print(head, highlight=False)
    if event:
        console.print(Text(f"event: {safe(event.id)} — {one_line(event.title)}", style="dim"), highlight=False)
    verdict = Text("verdict: ")
    verdict.append(result.verdict.value, style=VERDICT_STYLE[result.verdict])
    verdict.append(f" — {one_line(result.reason)}")
    console.print(verdict, highlight=False)
    for cv in result.values:
        item = cv.item
        console.print()
        title = Text()
        title.append(safe(cv.source), style="bold")
        if item.source and item.source.outlet:
            title.append(f" ({one_line(item.source.outlet)})")
        if item.cite.via:
            title.append(f" via {one_line(item.cite.via)}")
        console.print(title, highlight=False)
        anchor = item.anchor
        if anchor is None or not anchor.found or item.article is None:
            console.print(Text(f"  {NOT_FOUND}: “{one_line(item.cite.quote)}”", style="red"), highlight=False)
            continue
        before, match, after = context(item.article.text, anchor.start, anchor.end)
        passage = Text()
        passage.append(one_line(before) + (" " if before[-1:].isspace() else ""))
        passage.append(one_line(match), style="bold reverse")
        passage.append((" " if after[:1].isspace() else "") + one_line(after))
        print_indented(console, passage, 2)
        meta = f"  {anchor.method} {anchor.score:.1f}, chars {anchor.start}–{anchor.end}"
        if cv.value is not None:
            meta += f"; value: {cv.label()}" + (" (read from the quote)" if cv.origin == "quote" else "")
        if cv.stance:
            meta += f"; stance: {cv.stance}" + (" (second-hand)" if cv.second_hand else "")
        print_indented(console, Text(safe(meta.strip()), style="dim"), 2)
    if c.type == "quote" and result.diff:
        console.print()
        console.print(Text(f"wording (similarity {result.similarity:.0f}):", style="bold"), highlight=False)
        for source, ops in result.diff:
            line = Text(f"  {safe(source)}: ")
            for op, words in ops:
                opening, closing, style = {"=": ("", "", ""), "-": ("[-", "-]", "red"), "+": ("{+", "+}", "green")}[op]
                line.append(f"{opening}{safe(words)}{closing} ", style=style)
            console.print(line, highlight=False)


def show_json(result: "ClaimResult") -> str:
    return dump_json({"version": JSON_VERSION, "claim": claim_json(result, with_context=True)},
                     indent=2)



def render_suggestions(claim_id: str, suggestions, console: "Console") -> None:
    from rich.text import Text
    if not suggestions:
        console.print(Text(f"No sentence of an uncited source looks like it states '{safe(claim_id)}'."),
                      highlight=False)
        return
    for s in suggestions:
        head = Text()
        head.append(f"{s.score:5.1f}  ", style="bold")
        head.append(f"{safe(s.source)}:{s.line}", style="cyan")
        head.append(f"  chars {s.start}–{s.end}; {', '.join(s.signals)}", style="dim")
        console.print(head, highlight=False)
        print_indented(console, Text(f"quote: {json.dumps(one_line(s.passage), ensure_ascii=False)}"), 7)
        if s.also:
            print_indented(console, Text(f"the same sentence is also in: {', '.join(safe(a) for a in s.also)}",
                                         style="dim"), 7)


def suggestions_json(claim_id: str, suggestions) -> str:
    return dump_json({"version": JSON_VERSION, "claim": claim_id, "suggestions": [
        {"source": s.source, "score": s.score, "span": [s.start, s.end], "line": s.line, "quote": s.passage,
         "signals": list(s.signals), "also": list(s.also)} for s in suggestions]}, indent=2)
