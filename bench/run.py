"""claimcheck benchmarks: anchoring accuracy and speed, `check` at scale, CLI start-up.

    python bench/run.py            # full run (~10 minutes on 2 cores)
    python bench/run.py --quick    # under a minute: smaller corpora, fewer repeats

Writes bench/results.json and prints a table. Never run by the test suite (a tiny smoke test is).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from gen_corpus import generate  # noqa: E402

from claimcheck.anchor import anchor_quote, normalize  # noqa: E402

BIN = Path(sys.executable).parent
CLAIMCHECK = str(BIN / "claimcheck")


def _load_corpus(out: Path):
    truth = json.loads((out / "truth.json").read_text())
    import yaml
    cites = {}
    for path in sorted((out / "claims").glob("*.yaml")):
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]:
            cites[claim["id"]] = claim["cites"][0]
    return truth, cites


def _overlap(span, true):
    lo, hi = max(span[0], true[0]), min(span[1], true[1])
    return max(0, hi - lo) / (true[1] - true[0])


def accuracy(out: Path) -> dict:
    """Per perturbation: recall, exact spans, false positives on absent and wrong anchors on changed quotes."""
    truth, cites = _load_corpus(out)
    texts: dict[str, tuple[str, object]] = {}
    rows: dict[str, dict] = {}
    timings = []
    for entry in truth:
        source = entry["source"]
        if source not in texts:
            text = (out / "seeds" / f"a{int(source[1:]):05d}.txt").read_text(encoding="utf-8")
            texts[source] = (text, normalize(text))
        text, norm = texts[source]
        cite = cites[entry["claim"]]
        started = time.perf_counter()
        anchor = anchor_quote(text, norm, cite["quote"], cite.get("prefix"))
        timings.append(time.perf_counter() - started)
        row = rows.setdefault(entry["kind"], {"n": 0, "recalled": 0, "exact_span": 0, "found": 0, "statuses": {}})
        row["n"] += 1
        row["statuses"][anchor.status] = row["statuses"].get(anchor.status, 0) + 1
        if anchor.found:
            row["found"] += 1
        if entry["span"] and anchor.found and anchor.start is not None:
            if _overlap((anchor.start, anchor.end), entry["span"]) >= 0.9:
                row["recalled"] += 1
            if abs(anchor.start - entry["span"][0]) <= 3 and abs(anchor.end - entry["span"][1]) <= 3:
                row["exact_span"] += 1
    for row in rows.values():
        row["recall"] = round(row["recalled"] / row["n"], 4)
        row["span_exact"] = round(row["exact_span"] / row["n"], 4)
    rows["absent"]["false_positives"] = rows["absent"]["found"]
    rows["changed"]["wrong_anchors"] = rows["changed"]["found"]
    return {"per_kind": rows, "ms_per_cite_mean": round(1000 * statistics.mean(timings), 4)}


def _difflib_find(quote: str, text: str) -> tuple[int, int]:
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    return (blocks[0].a, blocks[-1].a + blocks[-1].size) if blocks else (0, 0)


def speed(out: Path, sample: int) -> dict:
    """Per-cite anchoring time for the fuzzy cases, ours against the tools a user would reach for."""
    truth, cites = _load_corpus(out)
    picked = [e for e in truth if e["kind"] in ("edit-5", "edit-10")][:sample]
    texts = {}
    for e in picked:
        if e["source"] not in texts:
            text = (out / "seeds" / f"a{int(e['source'][1:]):05d}.txt").read_text(encoding="utf-8")
            texts[e["source"]] = (text, normalize(text))
    result = {"cites": len(picked)}

    def timed(fn):
        fn(picked[0])  # warm-up: lazy imports and first-call costs are not per-cite costs
        passes = []
        for _ in range(3):  # best of three passes, for every method alike
            started = time.perf_counter()
            for e in picked:
                fn(e)
            passes.append(1000 * (time.perf_counter() - started) / len(picked))
        return min(passes)

    result["claimcheck_ms"] = round(timed(lambda e: anchor_quote(texts[e["source"]][0], texts[e["source"]][1],
                                                                 cites[e["claim"]]["quote"])), 4)
    result["difflib_ms"] = round(timed(lambda e: _difflib_find(cites[e["claim"]]["quote"],
                                                               texts[e["source"]][0])), 4)
    try:
        from fuzzysearch import find_near_matches
        result["fuzzysearch_ms"] = round(timed(lambda e: find_near_matches(
            cites[e["claim"]]["quote"], texts[e["source"]][0],
            max_l_dist=max(1, len(cites[e["claim"]]["quote"]) // 10))), 4)
    except ImportError:
        result["fuzzysearch_ms"] = None  # pip install -e '.[bench]'
    result["speedup_vs_difflib"] = round(result["difflib_ms"] / result["claimcheck_ms"], 1)
    if result["fuzzysearch_ms"]:
        result["speedup_vs_fuzzysearch"] = round(result["fuzzysearch_ms"] / result["claimcheck_ms"], 1)
    return result


def _run_check(corpus: Path, *extra: str) -> tuple[float, int]:
    """Wall time and peak RSS (MB) of one `claimcheck check` in a fresh process."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
               "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", wrapper, CLAIMCHECK, "check", "--format", "json", *extra],
                         cwd=corpus, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]) // 1024


def scale(sizes: list[int], workdir: Path) -> dict:
    rows = {}
    for n in sizes:
        corpus = workdir / f"n{n}"
        if not corpus.exists():
            generate(corpus, n, 5, seed=11)
        shutil.rmtree(corpus / ".claimcheck-cache", ignore_errors=True)
        cold, cold_mb = _run_check(corpus)
        warm, warm_mb = _run_check(corpus)
        nocache, _ = _run_check(corpus, "--no-cache")
        rows[n] = {"articles": n, "cites": 5 * n, "cold_s": round(cold, 2), "cold_peak_mb": cold_mb,
                   "warm_s": round(warm, 2), "warm_peak_mb": warm_mb, "no_cache_s": round(nocache, 2)}
    ordered = sorted(rows)
    for small, big in zip(ordered, ordered[1:]):
        rows[big]["growth_vs_previous"] = round(rows[big]["cold_s"] / rows[small]["cold_s"], 2)
    return rows


def startup(runs: int) -> dict:
    commands = {
        "floor": [sys.executable, "-c", "import typer, rich.table, rapidfuzz.fuzz, yaml"],
        "help": [CLAIMCHECK, "--help"],
        "compare": [CLAIMCHECK, "compare"],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):  # interleaved, so drift in machine load hits all three alike
        for name, cmd in commands.items():
            started = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "COLUMNS": "200"})
            times[name].append(time.perf_counter() - started)
    medians = {k: round(statistics.median(v), 4) for k, v in times.items()}
    return {"runs": runs, "median_s": medians,
            "help_vs_floor": round(medians["help"] / medians["floor"], 2),
            "compare_vs_floor": round(medians["compare"] / medians["floor"], 2)}


def table(results: dict) -> str:
    lines = ["## Anchoring accuracy", "", "| kind | n | recall | span exact | statuses |", "|---|---|---|---|---|"]
    for kind, row in results["accuracy"]["per_kind"].items():
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(row["statuses"].items()))
        lines.append(f"| {kind} | {row['n']} | {row['recall']:.2%} | {row['span_exact']:.2%} | {statuses} |")
    acc = results["accuracy"]["per_kind"]
    lines += ["", f"False positives on absent quotes: {acc['absent']['false_positives']}; "
              f"wrong anchors on changed-key-word quotes: {acc['changed']['wrong_anchors']}.", ""]
    sp = results["speed"]
    lines += ["## Anchoring speed (fuzzy cites, ms per cite)", "",
              f"claimcheck {sp['claimcheck_ms']} · difflib {sp['difflib_ms']} ({sp['speedup_vs_difflib']}× slower) · "
              f"fuzzysearch {sp['fuzzysearch_ms']}"
              + (f" ({sp['speedup_vs_fuzzysearch']}× slower)" if sp.get("speedup_vs_fuzzysearch") else ""), ""]
    lines += ["## check at scale (5 cites per article)", "",
              "| articles | cites | cold s | cold peak MB | warm s (cache) | no-cache s | growth |",
              "|---|---|---|---|---|---|---|"]
    for row in results["scale"].values():
        lines.append(f"| {row['articles']} | {row['cites']} | {row['cold_s']} | {row['cold_peak_mb']} | "
                     f"{row['warm_s']} | {row['no_cache_s']} | {row.get('growth_vs_previous', '')} |")
    st = results["startup"]
    lines += ["", f"## Start-up (median of {st['runs']}, interleaved)", "",
              f"floor {st['median_s']['floor']} s · --help {st['median_s']['help']} s ({st['help_vs_floor']}×) · "
              f"compare {st['median_s']['compare']} s ({st['compare_vs_floor']}×)"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small corpora and few repeats (under a minute)")
    parser.add_argument("--workdir", type=Path, default=None, help="where corpora are generated (kept)")
    parser.add_argument("--output", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    accuracy_corpus = workdir / "accuracy"
    if not accuracy_corpus.exists():
        generate(accuracy_corpus, 100 if args.quick else 1000, 10, seed=3)
    results = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "date": time.strftime("%Y-%m-%d"),
        "quick": args.quick,
        "accuracy": accuracy(accuracy_corpus),
        "speed": speed(accuracy_corpus, 200 if args.quick else 1000),
        "scale": scale([100, 1000] if args.quick else [100, 1000, 10000], workdir),
        "startup": startup(5 if args.quick else 11),
    }
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
