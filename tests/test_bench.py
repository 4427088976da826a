"""The benchmark generator and harness work on a tiny corpus (the benchmarks themselves are not run here)."""
from __future__ import annotations

import json
import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import gen_corpus  # noqa: E402
import run  # noqa: E402


def test_generator_is_deterministic_and_records_true_spans(tmp_path):
    first = gen_corpus.generate(tmp_path / "a", 6, 10, seed=1)
    gen_corpus.generate(tmp_path / "b", 6, 10, seed=1)
    assert first == {"articles": 6, "cites": 60}
    for name in ("truth.json", "seeds/sources.yaml", "claims/part000.yaml", "seeds/a00003.txt"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    truth = json.loads((tmp_path / "a" / "truth.json").read_text())
    assert {t["kind"] for t in truth} == {"exact", "typography", "edit-2", "edit-5", "edit-10", "edit-15",
                                           "changed", "repeated", "absent"}
    for t in truth:
        if t["kind"] == "exact":
            text = (tmp_path / "a" / "seeds" / f"a{int(t['source'][1:]):05d}.txt").read_text(encoding="utf-8")
            cites = run._load_corpus(tmp_path / "a")[1]
            assert text[t["span"][0]:t["span"][1]] == cites[t["claim"]]["quote"]


def test_harness_scores_accuracy_and_speed(tmp_path):
    gen_corpus.generate(tmp_path, 12, 10, seed=2)
    accuracy = run.accuracy(tmp_path)
    kinds = accuracy["per_kind"]
    assert kinds["exact"]["recall"] == 1.0 and kinds["typography"]["recall"] == 1.0
    assert kinds["absent"]["false_positives"] == 0 and kinds["changed"]["wrong_anchors"] == 0
    speed = run.speed(tmp_path, 10)
    assert speed["cites"] > 0 and speed["claimcheck_ms"] > 0 and speed["difflib_ms"] > 0
    results = {"accuracy": accuracy, "speed": speed, "scale": {}, "startup": {
        "runs": 1, "median_s": {"floor": 1, "help": 1, "compare": 1}, "help_vs_floor": 1, "compare_vs_floor": 1}}
    assert "## Anchoring accuracy" in run.table(results)
