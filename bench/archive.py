"""Benchmark the archive: `index`, `suggest` with the index, a 1,000,000-source manifest set.

An archive is the shipped seeds plus N synthetic articles (bench/gen_corpus.py sentences, ~2 KB each, with
words drawn from a 50,000-word vocabulary so that word frequencies look like news, not like 300 words
repeated), listed in a folder of manifest files of 5,000 entries each. `suggest` is timed as a user runs
it: a fresh process, including start-up, with the index built (warm: the second and later runs).

    .venv/bin/python bench/archive.py --sizes 10000 100000 --workdir /tmp/archive-bench
    .venv/bin/python bench/archive.py --database postgresql://… --sizes 10000
    .venv/bin/python bench/archive.py --manifest-only 1000000

Results are printed and written to bench/archive.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from gen_corpus import article  # noqa: E402

PER_FILE = 5000
CLAIMS = ("call-duration", "landing-time", "mission-cost", "xi-taiwan-quote")


def _vocabulary(rng: random.Random, size: int = 50_000) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "zen", "bar", "qui", "dor", "fal", "gho", "pel",
                 "wu", "yan", "ex", "om", "tra"]
    return sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
                   for _ in range(size * 2)})[:size]


def build_archive(out: Path, articles: int, seed: int = 11) -> Path:
    """The archive folder: articles/ and manifest/ (a set of files); returns the manifest folder."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    # Zipf-like: a few words are everywhere, most are rare.
    weights = [1 / (i + 1) for i in range(len(vocabulary))]
    if out.exists():
        shutil.rmtree(out)
    manifest = out / "manifest"
    (manifest / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", manifest / "seeds", ignore=shutil.ignore_patterns("sources.yaml"))
    seed_entries = (ROOT / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    seed_entries = seed_entries.replace("    file: ", "    file: seeds/")
    (manifest / "sources-00000.yaml").write_text(seed_entries, encoding="utf-8")
    lines: list[str] = []
    part = 1
    for i in range(articles):
        sentences = article(rng, 2000)
        extra = rng.choices(vocabulary, weights=weights, k=len(sentences) * 2)
        text = "\n".join(f"{s[:-1]} near {a} and {b}{s[-1]}" for s, a, b in zip(sentences, extra[::2], extra[1::2]))
        name = f"a{i:07d}.txt"
        (manifest / "articles" / name).write_text(text + "\n", encoding="utf-8")
        lines.append(f"  - id: s{i:07d}\n    file: articles/{name}\n    outlet: Synthetic {i % 97}\n")
        if len(lines) == PER_FILE or i == articles - 1:
            (manifest / f"sources-{part:05d}.yaml").write_text("sources:\n" + "".join(lines), encoding="utf-8")
            lines, part = [], part + 1
    shutil.copytree(ROOT / "claims", out / "claims")
    return manifest


def _run(args: list[str], cwd: Path, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, result


def _claimcheck() -> str:
    return str(Path(sys.executable).parent / "claimcheck")


def bench_size(workdir: Path, articles: int, database: str | None, runs: int, reuse: bool = False) -> dict:
    out = workdir / f"archive-{articles}"
    started = time.perf_counter()
    if not (reuse and (out / "manifest").is_dir()):
        build_archive(out, articles)
    shutil.rmtree(out / ".cache", ignore_errors=True)  # index and cache from scratch
    generated = time.perf_counter() - started
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(out / ".cache"), "XDG_CACHE_HOME": str(out / ".home"),
           "COLUMNS": "120"}
    base = [_claimcheck()]
    db = ["--database", database] if database else []
    if database and database.startswith("postgres"):
        import psycopg
        with psycopg.connect(database, autocommit=True) as connection:
            for table in ("sentences", "sources", "manifests", "terms", "meta"):
                connection.execute(f"DROP TABLE IF EXISTS {table}")
    index_s, result = _run(base + ["index", "--sources", "manifest"] + db, out, env)
    assert result.returncode == 0, result.stderr
    reindex_s, again = _run(base + ["index", "--sources", "manifest"] + db, out, env)
    row = {"articles": articles, "generate_s": round(generated, 1), "index_s": round(index_s, 2),
           "reindex_unchanged_s": round(reindex_s, 2), "index_report": result.stderr.strip().splitlines()[-1],
           "suggest": {}}
    if not database:
        row["index_mb"] = round((out / ".cache" / "index.sqlite3").stat().st_size / 2**20, 1)
    for claim in CLAIMS:
        command = base + ["suggest", claim, "--sources", "manifest", "--format", "json"] + db
        _run(command, out, env)  # the first run fills the anchor cache of the cited quotes
        times = []
        for _ in range(runs):
            seconds, found = _run(command, out, env)
            assert found.returncode == 0, found.stderr
            times.append(seconds)
        top = json.loads(found.stdout)["suggestions"][:1]
        row["suggest"][claim] = {"median_s": round(statistics.median(times), 3), "max_s": round(max(times), 3),
                                 "top": [(s["source"], s["span"]) for s in top], "hints": found.stderr.strip()}
    floor_times = [_run([sys.executable, "-c", "import typer, rich.table, rapidfuzz.fuzz, yaml"], out, env)[0]
                   for _ in range(runs)]
    row["import_floor_s"] = round(statistics.median(floor_times), 3)
    return row


def bench_manifest(workdir: Path, sources: int) -> dict:
    """Load a manifest set of `sources` entries (no articles are read), in a fresh process: time and peak RSS."""
    folder = workdir / f"manifest-{sources}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    entry = ("  - id: s{0:07d}\n    file: articles/a{0:07d}.txt\n    outlet: Outlet {1}\n"
             "    published: '2025-11-{2:02d}'\n    timezone: Asia/Tokyo\n    language: en\n"
             "    sha256: '{3}'\n")
    started = time.perf_counter()
    for part in range(0, sources, PER_FILE):
        body = "".join(entry.format(i, i % 500, 1 + i % 28, hashlib.sha256(b"%d" % i).hexdigest())
                       for i in range(part, min(sources, part + PER_FILE)))
        (folder / f"sources-{part // PER_FILE:05d}.yaml").write_text("sources:\n" + body, encoding="utf-8")
    generated = time.perf_counter() - started
    sizes = [p.stat().st_size for p in folder.glob("*.yaml")]
    cache_dir = workdir / f"manifest-{sources}-cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    # Each load in a fresh process: without the cache, filling it, then from it (what every later command sees).
    code = ("import resource, sys, time; from pathlib import Path; from claimcheck.sources import load_manifest; "
            "from claimcheck.cache import Cache; c = Cache(Path(sys.argv[2])) if sys.argv[2] else None; "
            "t = time.perf_counter(); m, p = load_manifest(Path(sys.argv[1]), cache=c); s = time.perf_counter() - t; "
            "print(len(m.sources), len(p), round(s, 2), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)")
    out: dict = {"files": len(sizes), "largest_file_mb": round(max(sizes) / 2**20, 2),
                 "total_mb": round(sum(sizes) / 2**20, 1), "generate_s": round(generated, 1)}
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(cache_dir), "XDG_CACHE_HOME": str(workdir / ".home")}
    for name, cache in (("uncached", ""), ("filling_cache", str(cache_dir)), ("cached", str(cache_dir))):
        result = subprocess.run([sys.executable, "-c", code, str(folder), cache], capture_output=True, text=True,
                                env=env)
        assert result.returncode == 0, result.stderr
        count, problems, seconds, peak_mb = result.stdout.split()
        out.update(sources=int(count), problems=int(problems))
        out[name] = {"load_s": float(seconds), "peak_rss_mb": int(peak_mb)}
    # `add` reads every file's entries (twice: before fetching, and under the lock) but no article.
    article = workdir / "added.txt"
    article.write_text("A new article for the archive.\n", encoding="utf-8")
    seconds, result = _run([_claimcheck(), "add", str(article), "--id", "bench-added", "--sources", str(folder)],
                           workdir, env)
    assert result.returncode == 0, result.stderr
    out["add_s"] = round(seconds, 2)
    out["cache_mb"] = round(sum(p.stat().st_size for p in cache_dir.rglob("*") if p.is_file()) / 2**20, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/claimcheck-archive-bench"))
    parser.add_argument("--database", help="a postgresql:// URL (default: the project's SQLite index)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="keep archives generated by an earlier run")
    parser.add_argument("--manifest-only", type=int, help="only load a manifest set of this many sources")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
                     "date": time.strftime("%Y-%m-%d"), "backend": "postgresql" if args.database else "sqlite"}
    if args.manifest_only:
        results["manifest"] = bench_manifest(args.workdir, args.manifest_only)
    else:
        results["sizes"] = [bench_size(args.workdir, n, args.database, args.runs, args.reuse) for n in args.sizes]
    print(json.dumps(results, indent=2))
    target = ROOT / "bench" / "archive.json"
    previous = json.loads(target.read_text()) if target.exists() else {}
    key = f"manifest-{args.manifest_only}" if args.manifest_only else \
        f"suggest-{results['backend']}-{'-'.join(map(str, args.sizes))}"
    previous[key] = results
    target.write_text(json.dumps(previous, indent=2) + "\n")


if __name__ == "__main__":
    main()
