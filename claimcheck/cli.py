"""The command line: parse options, call plain functions, hand their data to the renderer."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from . import __version__
from .errors import ClaimcheckError, ExitCode, UsageError

class _App(typer.Typer):
    """The console script: a bug is reported in one line with its own exit code, never 1 ("problems found")."""

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except KeyboardInterrupt:
            sys.stderr.write("claimcheck: interrupted\n")
            sys.exit(130)
        except Exception as exc:
            from .render import one_line
            sys.stderr.write(f"claimcheck: internal error: {type(exc).__name__}: {one_line(str(exc))}; "
                             "please report it with the command you ran\n")
            sys.exit(int(ExitCode.INTERNAL))


app = _App(
    name="claimcheck", add_completion=True, no_args_is_help=True, rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Compare what several news articles say about one event, claim by claim.",
)

ClaimsOpt = Annotated[Optional[Path], typer.Option("--claims", help="Claims file or directory (default: claims/).")]
SourcesOpt = Annotated[Optional[Path], typer.Option("--sources", help="Sources manifest (default: seeds/sources.yaml).")]
EventOpt = Annotated[Optional[List[str]], typer.Option("--event", help="Only this event id (repeatable).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write .claimcheck-cache/.")]

CHECK_FORMATS = ("text", "json", "github", "sarif")
COMPARE_FORMATS = ("table", "json", "markdown")
SHOW_FORMATS = ("text", "json")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """Compare what several news articles say about one event, claim by claim.

    Example: claimcheck compare --format markdown
    """


def _console(stderr: bool = False):
    from rich.console import Console
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fail(exc: ClaimcheckError) -> None:
    from .render import one_line
    sys.stderr.write(f"claimcheck: error: {one_line(str(exc))}\n")
    raise typer.Exit(int(exc.exit_code))


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise UsageError(f"{option} '{value}' is not one of: {', '.join(allowed)}")
    return value


def _verdicts(values: list[str] | None, option: str) -> set[str]:
    from .model import Verdict
    allowed = tuple(v.value for v in Verdict)
    out = set()
    for value in values or ():
        for name in (v.strip() for v in value.split(",")):
            if name:
                out.add(_choice(name, allowed, option))
    return out


def _cache(no_cache: bool):
    from .cache import Cache, default_folder
    return Cache(None if no_cache else default_folder())


def _progress():
    """A progress callback drawing on stderr once a run has taken a second, only on a terminal."""
    if not sys.stderr.isatty():
        return None
    import time
    started = time.monotonic()
    state: dict = {}

    def report(what: str, done: int, total: int) -> None:
        if "bar" not in state:
            if time.monotonic() - started < 1.0:
                return
            from rich.progress import Progress
            state["bar"] = Progress(console=_console(stderr=True), transient=True)
            state["bar"].start()
        bar = state["bar"]
        if state.get("what") != what:
            state["what"], state["task"] = what, bar.add_task(what, total=total)
        bar.update(state["task"], completed=done, total=total)
        if done >= total and what in ("anchoring quotes", "indexing articles"):
            bar.stop()

    return report


def _output_environment() -> list[str]:
    """Every variable that may change how output is drawn: part of the key of a replayed run."""
    names = ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "COLUMNS", "LINES", "CLICOLOR", "CLICOLOR_FORCE",
             "TTY_COMPATIBLE", "TTY_INTERACTIVE", "LANG", "LC_ALL", "LC_CTYPE", "PYTHONIOENCODING")
    return [f"{name}={os.environ.get(name)}" for name in names]


def _articles_read(project) -> list[tuple[Path, str | None]]:
    """Each article's path with the hash of the content this run read (re-hashed only when it was not read)."""
    from .paths import sha256_of_file
    read = project.articles
    return [(s.path, read[s.id].sha256 if s.id in read else sha256_of_file(s.path))
            for s in project.manifest.sources if s.path is not None]


def _project(claims: Path | None, sources: Path | None, events: list[str] | None, no_cache: bool = False):
    """The loaded project; any file that fails to load stops the command (exit 2) and is named."""
    from .project import load_project, refuse_load_failures
    project = load_project([claims or Path("claims")], sources or Path("seeds/sources.yaml"), tuple(events or ()),
                           cache=_cache(no_cache), progress=_progress())
    refuse_load_failures(project.problems)
    return project


@app.command()
def check(
    paths: Annotated[Optional[List[Path]], typer.Argument(help="Claims files or directories (default: claims/).")] = None,
    sources: SourcesOpt = None,
    format: Annotated[Optional[str], typer.Option("--format", help="text | json | github | sarif "
                                                  "(github when GITHUB_ACTIONS=true).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Rewrite quotes that matched only approximately to the "
                                      "article's exact words (whitespace runs as single spaces).")] = False,
    fix_all: Annotated[bool, typer.Option("--fix-all", help="Like --fix, and also normalize quotes that differ "
                                          "from the article only in typography or spacing.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="With --fix or --fix-all: print a unified diff of what "
                                       "would change, write nothing, exit 1 if anything would.")] = False,
    event: EventOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Lint claims files: every claim cites a source, every quote is in its article.

    Exit 0 when clean (warnings allowed unless --strict), 1 on errors, 2 when it could not run.

    Example: claimcheck check claims/ --format github
    """
    try:
        fmt = _choice(format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"),
                      CHECK_FORMATS, "--format")
        # Only what the cache lookup needs is imported before it: an unchanged project is answered at the
        # cost of starting Python and hashing its inputs, without loading the checking pipeline.
        from .cache import get_run, put_run, run_key
        from .paths import resolve_claims_paths
        claim_paths = list(paths or [Path("claims")])
        manifest_path = sources or Path("seeds/sources.yaml")
        events = tuple(event or ())
        cache = _cache(no_cache)
        fixing = fix or fix_all
        if diff and not fixing:
            raise UsageError("--diff shows what --fix or --fix-all would change; add one of them")
        console = _console()
        key = None
        if cache.enabled and not fixing and manifest_path.exists():
            key = run_key("check", resolve_claims_paths(claim_paths), manifest_path, fmt, str(strict), *events,
                          str(console.width), str(console.color_system), str(console.is_terminal),
                          *_output_environment())
            hit = get_run(cache, key)
            if hit and isinstance(hit.get("output"), str) and isinstance(hit.get("exit"), int):
                sys.stdout.write(hit["output"])
                raise typer.Exit(hit["exit"])
        from . import check as checking
        from . import render
        from .project import load_project
        project = load_project(claim_paths, manifest_path, events, cache=cache, progress=_progress())
        if fixing:
            plan = checking.plan_fixes(project, everything=fix_all)
            for note in plan.skipped:
                sys.stderr.write(f"claimcheck: {render.one_line(note)}\n")
            if diff:
                sys.stdout.write(render.safe(checking.diff_fixes(plan)))
                raise typer.Exit(int(ExitCode.FAILED if plan.fixes else ExitCode.OK))
            if checking.apply_fixes(plan):
                from .english import count, join
                done = [count(sum(not f.manifest for f in plan.fixes), "quote"),
                        count(sum(f.manifest for f in plan.fixes), "sha256", "sha256 values")]
                sys.stderr.write(f"claimcheck: fixed {join([d for d in done if not d.startswith('0 ')])}\n")
                project = load_project(claim_paths, manifest_path, events, cache=cache)
        problems = checking.check_project(project)
        output = render.check_output(problems, fmt, len(project.files), __version__, console)
        exit_code = int(ExitCode.FAILED if checking.fails(problems, strict) else ExitCode.OK)
        sys.stdout.write(output)
        if key:
            put_run(cache, key, _articles_read(project), {"output": output, "exit": exit_code})
    except ClaimcheckError as exc:
        _fail(exc)
    raise typer.Exit(exit_code)


@app.command()
def compare(
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    format: Annotated[str, typer.Option("--format", help="table | json | markdown.")] = "table",
    verdict: Annotated[Optional[List[str]], typer.Option("--verdict", help="Only claims with these verdicts "
                                                         "(repeat or comma-separate).")] = None,
    fail_on: Annotated[Optional[List[str]], typer.Option("--fail-on", help="Exit 1 when any claim has one of "
                                                         "these verdicts, e.g. conflict.")] = None,
    event: EventOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show claims × sources: each source's value or stance, and each claim's verdict and reason.

    Example: claimcheck compare --verdict conflict,reconcilable --fail-on conflict
    """
    try:
        fmt = _choice(format, COMPARE_FORMATS, "--format")
        shown, failing = _verdicts(verdict, "--verdict"), _verdicts(fail_on, "--fail-on")
        from .cache import get_run, put_run, run_key
        from .paths import resolve_claims_paths
        console = _console()
        claims_path, manifest_path = claims or Path("claims"), sources or Path("seeds/sources.yaml")
        cache = _cache(no_cache)
        key = None
        if cache.enabled and manifest_path.exists():
            # The output depends on the inputs, the options and the terminal it is drawn for.
            key = run_key("compare", resolve_claims_paths([claims_path]), manifest_path, fmt, *sorted(shown),
                          *sorted(failing), *(event or ()), str(console.width), str(console.color_system),
                          str(console.is_terminal), *_output_environment())
            hit = get_run(cache, key)
            if hit and isinstance(hit.get("output"), str) and isinstance(hit.get("exit"), int):
                sys.stdout.write(hit["output"])
                raise typer.Exit(hit["exit"])
        from . import render
        from .compare import compare_project
        project = _project(claims, sources, event, no_cache)
        results = compare_project(project)
        selected = [r for r in results if not shown or r.verdict.value in shown]
        import io
        buffer = io.StringIO()
        if fmt == "json":
            buffer.write(render.compare_json(project, selected) + "\n")
        elif fmt == "markdown":
            buffer.write(render.compare_markdown(project, selected) + "\n")
        else:
            from rich.console import Console
            render.render_compare_table(project, selected, Console(
                file=buffer, width=console.width, color_system=console.color_system,
                force_terminal=console.is_terminal, highlight=False, soft_wrap=False))
        exit_code = int(ExitCode.FAILED) if any(r.verdict.value in failing for r in results) else 0
        sys.stdout.write(buffer.getvalue())
        if key:
            put_run(cache, key, _articles_read(project), {"output": buffer.getvalue(), "exit": exit_code})
    except ClaimcheckError as exc:
        _fail(exc)
    raise typer.Exit(exit_code)


@app.command()
def show(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="The claim to show.")],
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    format: Annotated[str, typer.Option("--format", help="text | json.")] = "text",
    event: EventOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show one claim: each cite's quote in its article context, its value, and the verdict.

    Example: claimcheck show call-date
    """
    try:
        fmt = _choice(format, SHOW_FORMATS, "--format")
        from . import render
        from .compare import compare_claim
        project = _project(claims, sources, event, no_cache)
        claim = next((c for c in project.claims if c.id == claim_id), None)
        if claim is None:
            raise UsageError(_unknown_claim(claim_id, [c.id for c in project.claims]))
        result = compare_claim(project, claim)
        if fmt == "json":
            typer.echo(render.show_json(result))
        else:
            render.render_show(result, project, _console())
    except ClaimcheckError as exc:
        _fail(exc)


def _unknown_claim(claim_id: str, known: list[str]) -> str:
    from rapidfuzz import process
    close = [m[0] for m in process.extract(claim_id, known, limit=3, score_cutoff=50)]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"unknown claim '{claim_id}'{hint}"


EXPORT_FORMATS = ("json", "csv", "claimreview", "sqlite")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", help="json | csv | claimreview | sqlite.")] = "json",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead "
                                                   "of stdout; required for sqlite.")] = None,
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    event: EventOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Export compared claims: JSON (the compare schema), CSV (one row per cite), schema.org
    ClaimReview JSON-LD, or a SQLite database (tables events, sources, claims, cites).

    Example: claimcheck export --format sqlite --output claims.db
    """
    try:
        fmt = _choice(format, EXPORT_FORMATS, "--format")
        from .compare import compare_project
        from .export import export as export_claims
        project = _project(claims, sources, event, no_cache)
        text = export_claims(project, compare_project(project), fmt, output)
        if text is not None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    except ClaimcheckError as exc:
        _fail(exc)


@app.command()
def schema(
    kind: Annotated[str, typer.Argument(help="claims | manifest")] = "claims",
) -> None:
    """Print the JSON Schema (draft 2020-12) of claims files or of the sources manifest.

    Editors that speak the YAML language server pick it up from a first-line comment:
    # yaml-language-server: $schema=claims.schema.json

    Example: claimcheck schema claims > claims.schema.json
    """
    try:
        _choice(kind, ("claims", "manifest"), "the schema kind")
        import json

        from .schema import claims_schema, manifest_schema
        typer.echo(json.dumps(claims_schema() if kind == "claims" else manifest_schema(), indent=2,
                              ensure_ascii=False))
    except ClaimcheckError as exc:
        _fail(exc)


DatabaseOpt = Annotated[Optional[str], typer.Option(
    "--database", help="The archive index: a postgresql:// URL or an SQLite file (default: CLAIMCHECK_DATABASE, "
    "else .claimcheck-cache/index.sqlite3).")]


@app.command()
def suggest(
    claim_id: Annotated[str, typer.Argument(metavar="CLAIM_ID", help="The claim to find more sources for.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many candidates to show.")] = 5,
    format: Annotated[str, typer.Option("--format", help="text | json.")] = "text",
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    event: EventOpt = None,
    database: DatabaseOpt = None,
    scan: Annotated[bool, typer.Option("--scan", help="Read every article even when an index exists.")] = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Rank the sentences of sources that do not cite a claim yet by how likely they state it
    (wording like the claim and its quotes, a value agreeing with the cited ones, its event's names),
    each ready to paste as a quote. With an archive index (claimcheck index) only the sentences holding
    the claim's rarest words are scored; without one, every sentence of every article.

    Example: claimcheck suggest call-date --limit 3
    """
    try:
        fmt = _choice(format, SHOW_FORMATS, "--format")
        from . import render
        from .suggest import run_suggest
        run = run_suggest(claims or Path("claims"), sources or Path("seeds/sources.yaml"), claim_id,
                          tuple(event or ()), limit, database, scan, _cache(no_cache), _unknown_claim)
        for note in run.notes:
            sys.stderr.write(f"claimcheck: hint: {note}\n")
        if fmt == "json":
            typer.echo(render.suggestions_json(claim_id, run.suggestions))
        else:
            render.render_suggestions(claim_id, run.suggestions, _console())
    except ClaimcheckError as exc:
        _fail(exc)


@app.command()
def index(
    sources: SourcesOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Build or update the archive index that suggest and draft --match search: every article's
    sentences and words. Only new or changed articles (by content hash) are indexed again; sources
    no longer listed are dropped. Safe to interrupt: a run keeps what it finished, and the next one
    continues. The SQLite index is safe to delete; a postgresql:// database is shared by curators.

    Example: claimcheck index --sources archive/
    """
    try:
        import time

        from .archive import build_index, open_index
        from .project import refuse_load_failures
        from .sources import load_manifest
        from .paths import display_path
        started = time.monotonic()
        path = sources or Path("seeds/sources.yaml")
        manifest, problems = load_manifest(path, display_path(path), _cache(False))
        refuse_load_failures(problems)
        store = open_index(database, create=True)
        try:
            report = build_index(manifest, store, _progress())
        finally:
            store.close()
        from .english import count
        from .render import one_line
        sys.stderr.write(f"claimcheck: indexed {count(len(manifest.sources), 'source')} in "
                         f"{time.monotonic() - started:.1f} s: {report.added:,} new, {report.changed:,} changed, "
                         f"{report.removed:,} removed, {report.unchanged:,} unchanged; "
                         f"{count(report.sentences, 'sentence')} in {one_line(report.location)}\n")
        if report.unreadable:
            shown = ", ".join(report.unreadable[:5]) + (", …" if len(report.unreadable) > 5 else "")
            sys.stderr.write(f"claimcheck: warning: {count(len(report.unreadable), 'article')} could not be read "
                             f"and {'is' if len(report.unreadable) == 1 else 'are'} not searchable ({shown}); "
                             "run `claimcheck check` to see why\n")
    except ClaimcheckError as exc:
        _fail(exc)


@app.command()
def report(
    html: Annotated[Path, typer.Option("--html", help="Write a self-contained HTML report to this file.")],
    claims: ClaimsOpt = None,
    sources: SourcesOpt = None,
    event: EventOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write one self-contained HTML page: the claims x sources matrix coloured by verdict, the
    summary, a verdict filter, and every quote in its article context (linked to the article's
    URL with a text fragment where one is known). Works offline; readable on a phone.

    Example: claimcheck report --html report.html
    """
    try:
        from .compare import compare_project
        from .report import build_report
        from .writing import write_atomically
        project = _project(claims, sources, event, no_cache)
        write_atomically(html, build_report(project, compare_project(project)).encode("utf-8"))
        sys.stderr.write(f"claimcheck: wrote {html}\n")
    except ClaimcheckError as exc:
        _fail(exc)


@app.command()
def draft(
    event_id: Annotated[str, typer.Option("--event", help="The id of the drafted event.")],
    title: Annotated[Optional[str], typer.Option("--title", help="The event's title.")] = None,
    source: Annotated[Optional[List[str]], typer.Option("--source", help="Only these sources (repeatable; "
                                                        "default: every source of the manifest).")] = None,
    sources: SourcesOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the draft here (atomically) "
                                                   "instead of stdout.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --output if it exists.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most this many claims.")] = None,
    match: Annotated[Optional[str], typer.Option("--match", help="Draft from the sources of the archive index "
                                                 "(claimcheck index) whose articles best match these words.")] = None,
    max_sources: Annotated[int, typer.Option("--max-sources", min=2, help="With --match: at most this many "
                                             "sources.")] = 30,
    database: DatabaseOpt = None,
) -> None:
    """Draft a claims file from the articles: the same typed fact or quoted sentence stated by two or
    more sources becomes a claim, with each source's exact words. Ranked for review: disagreements
    first, then agreements by independent voices. Every claim is a proposal for a person to check.

    Example: claimcheck draft --event fed-2024-12 --title "The Fed's December cut" -o claims/fed.yaml
    """
    try:
        from .draft import draft as draft_claims
        from .yamlread import ID_RE
        if not ID_RE.match(event_id):
            raise UsageError(f"--event '{event_id}' is not a valid id: lowercase letters, digits, '-' and '_'")
        if output is not None and output.exists() and not force:
            raise UsageError(f"{output} exists; pass --force to replace it")
        from .project import load_sources
        manifest_path = sources or Path("seeds/sources.yaml")
        if match is not None:
            if source:
                raise UsageError("--match picks the sources itself; leave out --source")
            source = _matching_sources(manifest_path, match, max_sources, database)
        project = load_sources(manifest_path, source, _cache(False))
        text = draft_claims(project, event_id, title, source, limit)
        if output is None:
            sys.stdout.write(text)
        else:
            from .writing import write_atomically
            write_atomically(output, text.encode("utf-8"))
            sys.stderr.write(f"claimcheck: wrote {output}\n")
    except ClaimcheckError as exc:
        _fail(exc)


def _matching_sources(manifest_path: Path, query: str, most: int, database: str | None) -> list[str]:
    from .archive import manifest_hashes, open_index, sources_matching
    store = open_index(database)
    if store is None:
        raise UsageError("--match searches the archive index, and there is none yet; run `claimcheck index` first")
    try:
        if store.manifests() != manifest_hashes(manifest_path):
            sys.stderr.write("claimcheck: hint: the archive index was built from another version of the manifest; "
                             "run `claimcheck index` so that --match sees every source\n")
        found = sources_matching(store, query, most)
    finally:
        store.close()
    if len(found) < 2:
        raise UsageError(f"--match '{query}' finds {'one source' if found else 'no source'} in the archive index; "
                         "a draft compares two or more: try other words")
    sys.stderr.write(f"claimcheck: drafting from {len(found)} sources matching '{query}': "
                     f"{', '.join(sid for sid, _ in found)}\n")
    return [sid for sid, _ in found]


@app.command()
def add(
    location: Annotated[str, typer.Argument(metavar="FILE_OR_URL", help="A text or HTML file, or an http(s) URL.")],
    id: Annotated[str, typer.Option("--id", help="The new source's id (lowercase, digits, - and _).")],
    sources: SourcesOpt = None,
    dir: Annotated[Optional[str], typer.Option("--dir", help="Subfolder of the manifest's folder to write "
                                               "the article into.")] = None,
) -> None:
    """Ingest an article: plain text as it is, HTML through trafilatura (pip install
    'claimcheck[ingest]') with its title, date and site name where the page gives them. Writes the
    text beside the manifest and appends a manifest entry with its sha256, keeping the manifest's
    comments; refuses an id or file that exists. Both writes are atomic.

    Example: claimcheck add https://example.org/story.html --id example-story
    """
    try:
        from .ingest import add_article
        target = add_article(sources or Path("seeds/sources.yaml"), location, id, dir, _cache(False))
        sys.stderr.write(f"claimcheck: added source '{id}' ({target})\n")
    except ClaimcheckError as exc:
        _fail(exc)
