"""A loaded project: claims files, the manifest, the articles, and every cite anchored."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .anchor import Anchor, Normalized, anchor_quote, normalize
from .errors import UsageError
from .loader import display_path, find_claims_files, load_claims
from .model import Claim, ClaimsFile, Cite, Event, Manifest, Problem, Source
from .sources import Article, load_manifest, read_article


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


def resolve_claims_paths(paths: list[Path]) -> list[Path]:
    """Every claims file named or found under the given paths; a missing path is a usage error."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        found.extend(p for p in find_claims_files(path) if p not in found)
    return found


def load_project(claims_paths: list[Path], sources_path: Path, event_ids: tuple[str, ...] = ()) -> Project:
    files, problems = load_claims(resolve_claims_paths(claims_paths))
    if event_ids:
        known = {f.event.id for f in files if f.event}
        unknown = [e for e in event_ids if e not in known]
        if unknown:
            raise UsageError(f"unknown event '{unknown[0]}'; known events: {', '.join(sorted(known)) or 'none'}")
        files = [f for f in files if f.event and f.event.id in event_ids]
        shown = {f.display for f in files}
        problems = [p for p in problems if p.file in shown]
    manifest, manifest_problems = load_manifest(sources_path, display_path(sources_path))
    problems.extend(manifest_problems)
    articles: dict[str, Article] = {}
    normalized: dict[str, Normalized] = {}
    for source in manifest.sources:
        article, article_problems = read_article(source)
        problems.extend(article_problems)
        if article is not None:
            articles[source.id] = article
    cites: dict[str, tuple[AnchoredCite, ...]] = {}
    for claims_file in files:
        for claim in claims_file.claims:
            anchored = []
            for index, cite in enumerate(claim.cites):
                source = manifest.get(cite.source)
                article = articles.get(cite.source)
                anchor = None
                if article is not None:
                    if cite.source not in normalized:
                        normalized[cite.source] = normalize(article.text)
                    anchor = anchor_quote(article.text, normalized[cite.source], cite.quote,
                                          cite.prefix, cite.suffix)
                anchored.append(AnchoredCite(claim, index, cite, source, article, anchor))
            cites.setdefault(claim.id, tuple(anchored))
    return Project(tuple(files), manifest, articles, cites, tuple(problems))

