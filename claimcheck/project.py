"""A loaded project: claims files, the manifest, the articles, and every cite anchored."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .anchor import Anchor, anchor_quote, normalize
from .cache import Cache, digest
from .errors import UsageError
from .loader import combine_loaded, load_claims_file
from .paths import display_path, resolve_claims_paths
from .model import Claim, ClaimsFile, Cite, Event, Manifest, Problem, Source
from .sources import Article, collection_paused, load_manifest, read_article


@dataclass(frozen=True)
class AnchoredCite:
    claim: Claim
    index: int
    cite: Cite
    source: Source | None
    article: Article | None
    anchor: Anchor | None  # None when the source or its article is unusable


@dataclass(frozen=True)
class Project:
    files: tuple[ClaimsFile, ...]
    manifest: Manifest
    articles: dict[str, Article]
    cites: dict[str, tuple[AnchoredCite, ...]]  # claim id -> its anchored cites
    problems: tuple[Problem, ...]  # loading problems: YAML, manifest, articles

    @property
    def claims(self) -> list[Claim]:
        return [claim for f in self.files for claim in f.claims]

    @property
    def events(self) -> list[Event]:
        return [f.event for f in self.files if f.event is not None]

    def event_of(self, claim: Claim) -> Event | None:
        for event in self.events:
            if event.id == claim.event:
                return event
        return None


Progress = Callable[[str, int, int], None]  # (what, done, total)

# Problems that mean a file, or a part of one, could not be loaded: a result built without it
# would silently skip it. `compare`, `show`, `export`, `report` and `suggest` refuse to run on them.
LOAD_CODES = frozenset({"CC001", "CC002", "CC003", "CC004", "CC005", "CC006", "CC007", "CC008", "CC009", "CC010",
                        "CC201", "CC202", "CC205"})


def refuse_load_failures(problems) -> None:
    """Stop (LoadError, exit 2) naming the first problem that means an input failed to load."""
    from .errors import LoadError
    failures = sorted(p for p in problems if p.code in LOAD_CODES and p.severity.value == "error")
    if failures:
        first = failures[0]
        more = f"; {len(failures) - 1} more {'problem' if len(failures) == 2 else 'problems'}" \
            if len(failures) > 1 else ""
        raise LoadError(f"{first.file}:{first.line}:{first.column}: {first.code} {first.message}{more}; "
                        "nothing is shown while an input fails to load (run `claimcheck check`)")


def load_sources(sources_path: Path, only: list[str] | None = None, cache: Cache | None = None) -> "Project":
    """The manifest and its articles (all, or `only` these ids), without claims: what `draft` reads.
    Any of them that fails to load stops the command."""
    manifest, problems = load_manifest(sources_path, display_path(sources_path), cache)
    articles: dict[str, Article] = {}
    for source in manifest.sources:
        if only and source.id not in only:
            continue
        article, found = read_article(source)
        problems.extend(found)
        if article is not None:
            articles[source.id] = article
    refuse_load_failures(problems)
    return Project((), manifest, articles, {}, tuple(problems))

PARALLEL_BYTES = 2 * 1024 * 1024  # claims YAML beyond this is parsed in worker processes
PARALLEL_CITES = 2000  # uncached cites beyond this are anchored in worker processes
BATCH_ARTICLES = 100


def _workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # fork shares the loaded modules with the workers; elsewhere fall back to the platform default.
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def _anchor_batch(jobs: list[tuple[str, list[tuple[str, str | None, str | None]]]]) -> list[list[Anchor]]:
    """Anchor every quote of each article; each article is normalized once and then released."""
    out = []
    for text, quotes in jobs:
        norm = normalize(text)
        out.append([anchor_quote(text, norm, quote, prefix, suffix) for quote, prefix, suffix in quotes])
    return out


def _anchor_key(article: Article, cite: Cite) -> str:
    return digest("anchor", article.sha256, cite.quote, cite.prefix or "", cite.suffix or "")


def _anchor_to_json(anchor: Anchor) -> dict:
    return {"status": anchor.status, "method": anchor.method, "score": anchor.score, "start": anchor.start,
            "end": anchor.end, "occurrences": anchor.occurrences, "differences": anchor.differences}


def _anchor_from_json(data) -> Anchor | None:
    """None for an entry of another shape: it is recomputed rather than trusted or crashed on."""
    try:
        return Anchor(**{**data, "differences": tuple(tuple(d) for d in data["differences"])})
    except (TypeError, KeyError, ValueError):
        return None


def load_project(claims_paths: list[Path], sources_path: Path, event_ids: tuple[str, ...] = (),
                 cache: Cache | None = None, progress: Progress | None = None) -> Project:
    with collection_paused():
        return _load_project(claims_paths, sources_path, event_ids, cache, progress)


def _load_project(claims_paths: list[Path], sources_path: Path, event_ids: tuple[str, ...],
                  cache: Cache | None, progress: Progress | None) -> Project:
    cache = cache or Cache(None)
    paths = resolve_claims_paths(claims_paths)
    size = sum(p.stat().st_size for p in paths if p.is_file())
    pool = _pool(_workers()) if _workers() > 1 and (size > PARALLEL_BYTES or len(paths) > 8) else None
    try:
        if progress:
            progress("loading claims", 0, len(paths))
        loading = [pool.submit(load_claims_file, p, display_path(p)) for p in paths] if pool else None
        # The manifest and articles are read here while the workers parse the claims files.
        manifest, manifest_problems = load_manifest(sources_path, display_path(sources_path), cache)
        articles: dict[str, Article] = {}
        article_problems: list[Problem] = []
        for source in manifest.sources:
            article, found = read_article(source)
            article_problems.extend(found)
            if article is not None:
                articles[source.id] = article
        loaded = [f.result() for f in loading] if loading else [load_claims_file(p, display_path(p)) for p in paths]
        files, problems = combine_loaded(loaded)
        files, problems = _select_events(files, problems, event_ids)
        problems += manifest_problems + article_problems
        anchors = _anchor_all(files, articles, cache, pool, progress)
    finally:
        if pool:
            pool.shutdown()
    return _assembled(files, problems, manifest, articles, anchors)


def load_cited(claims_paths: list[Path], manifest_for: Callable[[set[str]], Manifest],
               event_ids: tuple[str, ...] = (), cache: Cache | None = None) -> Project:
    """The claims, and only the articles their cites name, with a manifest of just those sources
    (`manifest_for(ids)`, e.g. from an archive index): what `suggest` needs without reading an archive."""
    with collection_paused():
        paths = resolve_claims_paths(claims_paths)
        files, problems = combine_loaded([load_claims_file(p, display_path(p)) for p in paths])
        files, problems = _select_events(files, problems, event_ids)
        manifest = manifest_for({c.source for f in files for claim in f.claims for c in claim.cites})
        articles: dict[str, Article] = {}
        for source in manifest.sources:
            article, found = read_article(source)
            problems.extend(found)
            if article is not None:
                articles[source.id] = article
        anchors = _anchor_all(files, articles, cache or Cache(None), None, None)
    return _assembled(files, problems, manifest, articles, anchors)


def _assembled(files: list[ClaimsFile], problems: list[Problem], manifest: Manifest, articles: dict[str, Article],
               anchors: dict[tuple[str, int], Anchor]) -> Project:
    cites: dict[str, tuple[AnchoredCite, ...]] = {}
    for claims_file in files:
        for claim in claims_file.claims:
            cites.setdefault(claim.id, tuple(
                AnchoredCite(claim, index, _with_source_via(cite, manifest.get(cite.source)),
                             manifest.get(cite.source), articles.get(cite.source), anchors.get((claim.id, index)))
                for index, cite in enumerate(claim.cites)))
    return Project(tuple(files), manifest, articles, cites, tuple(problems))


def _with_source_via(cite: Cite, source: Source | None) -> Cite:
    """A wire copy relays every sentence: the manifest's `via` holds unless the cite gives its own."""
    if cite.via_given or source is None or not source.via:
        return cite
    from dataclasses import replace
    return replace(cite, via=source.via)


def _select_events(files: list[ClaimsFile], problems: list[Problem], event_ids: tuple[str, ...]):
    if not event_ids:
        return files, problems
    known = {f.event.id for f in files if f.event}
    unknown = [e for e in event_ids if e not in known]
    if unknown:
        raise UsageError(f"unknown event '{unknown[0]}'; known events: {', '.join(sorted(known)) or 'none'}")
    files = [f for f in files if f.event and f.event.id in event_ids]
    shown = {f.display for f in files}
    return files, [p for p in problems if p.file in shown]


def _anchor_all(files: list[ClaimsFile], articles: dict[str, Article], cache: Cache, pool,
                progress: Progress | None) -> dict[tuple[str, int], Anchor]:
    """Every cite's anchor: from the cache when its article and quote are unchanged, else computed."""
    wanted: dict[str, list[tuple[tuple[str, int], Cite]]] = {}
    for claims_file in files:
        for claim in claims_file.claims:
            for index, cite in enumerate(claim.cites):
                if cite.source in articles:
                    wanted.setdefault(cite.source, []).append(((claim.id, index), cite))
    keys = {where: _anchor_key(articles[sid], cite) for sid, items in wanted.items() for where, cite in items}
    cached = cache.get_many(sorted(set(keys.values())))
    anchors = {}
    for where, key in keys.items():
        if key in cached:
            anchor = _anchor_from_json(cached[key])
            if anchor is not None:
                anchors[where] = anchor
    todo = [(sid, [(w, c) for w, c in items if w not in anchors]) for sid, items in wanted.items()]
    todo = [(sid, items) for sid, items in todo if items]
    jobs = [(articles[sid].text, [(c.quote, c.prefix, c.suffix) for _, c in items]) for sid, items in todo]
    batches = [jobs[i:i + BATCH_ARTICLES] for i in range(0, len(jobs), BATCH_ARTICLES)]
    total = sum(len(items) for _, items in todo)
    use_pool = pool is not None and total > PARALLEL_CITES
    if total > PARALLEL_CITES and pool is None and _workers() > 1:
        pool = _pool(_workers())
        use_pool, own_pool = True, pool
    else:
        own_pool = None
    try:
        results = pool.map(_anchor_batch, batches) if use_pool else map(_anchor_batch, batches)
        done, fresh = 0, {}
        flat = iter([entry for batch in results for entry in batch])
        for (sid, items), found in zip(todo, flat):
            for (where, _), anchor in zip(items, found):
                anchors[where] = anchor
                fresh[keys[where]] = _anchor_to_json(anchor)
            done += len(items)
            if progress:
                progress("anchoring quotes", done, total)
    finally:
        if own_pool:
            own_pool.shutdown()
    cache.put_many(fresh)
    return anchors
