"""Reading values: time per cite over the corpus of real phrasings, and compare's start-up against the floor.

    .venv/bin/python bench/values.py            # ~30 s

Prints a table and writes bench/values.json. The phrasings are tests/cases/values, guard,
stances and dates: every reading a cite may need (numbers, dates, stances) is timed cold (the
first call of a process pays for building the lexicon's patterns) and warm (best of 5 passes).
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES = ROOT / "tests" / "cases"
CLAIMCHECK = str(Path(sys.executable).with_name("claimcheck"))


def _sentences() -> list[tuple[str, str]]:
    out = []
    for path in sorted((CASES / "values").glob("readings-*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cells = line.split("\t")
                out.append((cells[0], cells[2]))
    for path in sorted((CASES / "stances").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cells = line.split("\t")
                out.append((cells[0], cells[2]))
    return out


def reading_cost() -> dict:
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    from claimcheck.dates import read_date
    from claimcheck.quantities import pick, read_quantities
    from claimcheck.stances import read_stance
    imported = time.perf_counter() - started
    sentences = _sentences()

    def one_pass() -> float:
        t0 = time.perf_counter()
        for language, text in sentences:
            pick(read_quantities(text, language), None)
            read_date(text, "UTC", language)
            read_stance(text, language)
        return time.perf_counter() - t0

    cold = one_pass()
    warm = min(one_pass() for _ in range(5))
    return {"sentences": len(sentences), "import_s": round(imported, 4),
            "cold_ms_per_cite": round(1000 * cold / len(sentences), 3),
            "warm_ms_per_cite": round(1000 * warm / len(sentences), 3)}


def startup(runs: int) -> dict:
    commands = {"floor": [sys.executable, "-c", "import typer, rich.table, rapidfuzz.fuzz, yaml"],
                "compare": [CLAIMCHECK, "compare", "--no-cache"]}
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):  # interleaved, so drift in machine load hits both alike
        for name, cmd in commands.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "COLUMNS": "200"})
            times[name].append(time.perf_counter() - t0)
    medians = {k: round(statistics.median(v), 4) for k, v in times.items()}
    return {"runs": runs, "median_s": medians, "compare_vs_floor": round(medians["compare"] / medians["floor"], 2)}


def main() -> None:
    results = {"date": time.strftime("%Y-%m-%d"), "cpus": os.cpu_count(), "python": sys.version.split()[0],
               "reading": reading_cost(), "startup": startup(11)}
    (HERE / "values.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    r, s = results["reading"], results["startup"]
    print(f"reading {r['sentences']} phrasings: import {r['import_s']} s, cold {r['cold_ms_per_cite']} ms/cite, "
          f"warm {r['warm_ms_per_cite']} ms/cite")
    print(f"compare --no-cache on the seeds: {s['median_s']['compare']} s vs floor {s['median_s']['floor']} s "
          f"({s['compare_vs_floor']}×, median of {s['runs']})")


if __name__ == "__main__":
    main()
