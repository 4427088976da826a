"""How well `claimcheck draft` proposes what a curator wrote, on the shipped events curated by hand.

    .venv/bin/python bench/draft.py            # a few seconds

For each curated claim cited by two or more sources: is there a drafted claim, among the first 2N
proposals (N curated claims of the event), citing at least two of the same sources at overlapping
passages (found)? And for curated disagreements (conflict, reconcilable), does that drafted claim
get the same verdict (surfaced)? Prints both and the time; writes bench/draft.json.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from claimcheck.compare import compare_project  # noqa: E402
from claimcheck.draft import draft  # noqa: E402
from claimcheck.project import load_project  # noqa: E402


def _spans(result) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for cv in result.values:
        anchor = cv.item.anchor
        if anchor is not None and anchor.found:
            out.setdefault(cv.source, []).append((anchor.start, anchor.end))
    return out


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def measure(claims_file: Path, manifest: Path) -> dict:
    curated_project = load_project([claims_file], manifest)
    curated = [r for r in compare_project(curated_project) if len(_spans(r)) >= 2]
    event = curated_project.events[0]
    sources = sorted({c.source for claim in curated_project.claims for c in claim.cites})
    started = time.perf_counter()
    text = draft(curated_project, "drafted", event.title, sources, None)
    seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drafted.yaml"
        path.write_text(text, encoding="utf-8")
        drafted_project = load_project([path], manifest)
        drafted = compare_project(drafted_project)
        problems = [p for p in drafted_project.problems if p.severity.value == "error"]
    first = drafted[: 2 * len(curated_project.claims)]
    found = surfaced = disagreements = 0
    misses = []
    for result in curated:
        spans = _spans(result)
        match = next((d for d in first if sum(_overlap(spans.get(s, []), v) for s, v in _spans(d).items()) >= 2), None)
        found += match is not None
        if result.verdict.value in ("conflict", "reconcilable"):
            disagreements += 1
            surfaced += match is not None and match.verdict == result.verdict
        if match is None:
            misses.append(result.claim.id)
    return {"event": event.id, "curated_multi_source": len(curated), "found": found,
            "disagreements": disagreements, "surfaced": surfaced, "drafted": len(drafted),
            "seconds": round(seconds, 2), "load_errors": len(problems), "missed": misses}


def time_26_articles() -> float:
    """Seconds to draft one event of 26 synthetic news articles of 4 KB (bench/gen_corpus.py)."""
    from gen_corpus import generate
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        generate(root, 26, 5, seed=11)
        project = load_project([root / "claims"], root / "seeds" / "sources.yaml")
        started = time.perf_counter()
        draft(project, "synthetic", None, None, None)
        return round(time.perf_counter() - started, 2)


def main() -> None:
    sys.path.insert(0, str(HERE))
    manifest = ROOT / "seeds" / "sources.yaml"
    rows = [measure(path, manifest) for path in sorted((ROOT / "claims").glob("*.yaml"))]
    seconds = time_26_articles()
    print(f"drafting 26 synthetic 4 KB articles: {seconds} s")
    total_found = sum(r["found"] for r in rows)
    total = sum(r["curated_multi_source"] for r in rows)
    total_surfaced = sum(r["surfaced"] for r in rows)
    total_dis = sum(r["disagreements"] for r in rows)
    for r in rows:
        print(f"{r['event']}: found {r['found']}/{r['curated_multi_source']}, surfaced {r['surfaced']}/"
              f"{r['disagreements']}, {r['drafted']} drafted in {r['seconds']} s; missed {', '.join(r['missed'])}")
    print(f"all: found {total_found}/{total} ({100 * total_found / max(1, total):.0f} %), surfaced "
          f"{total_surfaced}/{total_dis} ({100 * total_surfaced / max(1, total_dis):.0f} %)")
    (HERE / "draft.json").write_text(json.dumps({"date": time.strftime("%Y-%m-%d"), "events": rows,
                                                 "seconds_26_articles": seconds}, indent=2)
                                     + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
