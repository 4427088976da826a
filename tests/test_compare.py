"""Verdict rules on the shipped seeds and on small hand-made projects."""
from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.compare import compare_project, wording
from claimcheck.model import Verdict
from claimcheck.project import load_project

from .conftest import ROOT


@pytest.fixture(scope="module")
def seed_results():
    project = load_project([ROOT / "claims"], ROOT / "seeds" / "sources.yaml")
    return {r.claim.id: r for r in compare_project(project)}


@pytest.mark.parametrize("claim_id, verdict", [
    ("call-date", Verdict.RECONCILABLE),
    ("call-initiator", Verdict.AGREED),
    ("call-duration", Verdict.AGREED),
    ("urged-restraint", Verdict.UNCONFIRMED),
    ("xi-taiwan-quote", Verdict.VARIANT),
    ("close-friends", Verdict.VARIANT),
    ("trump-in-japan-date", Verdict.AGREED),
    ("later-call-duration", Verdict.SINGLE_SOURCE),
    # Chandrayaan-3: the values and rules, not the curator, decide these.
    ("landing-time", Verdict.RECONCILABLE),  # 18:04 vs "around 18:03" vs "just after 8:30 a.m. eastern"
    ("landing-day", Verdict.CONFLICT),  # the New Indian Express lead also says "Tuesday"
    ("launch-date", Verdict.AGREED),
    ("mission-cost", Verdict.CONFLICT),  # Rs 600 crore vs Rs 615 crore; dollar figures set aside
    ("journey-length", Verdict.CONFLICT),  # 41 days vs 40 days
    ("mission-life", Verdict.AGREED),  # about two weeks = 14 Earth days
    ("india-is-on-the-moon-speaker", Verdict.AGREED),
    ("modi-not-indias-alone-quote", Verdict.VARIANT),
])
def test_seed_verdicts(seed_results, claim_id, verdict):
    assert seed_results[claim_id].verdict is verdict, seed_results[claim_id].reason


def test_seed_reasons_say_how(seed_results):
    assert "UTC−12…UTC+8" in seed_results["call-date"].reason
    assert "second-hand" in seed_results["urged-restraint"].reason
    assert "'important' for 'essential'" in seed_results["xi-taiwan-quote"].reason


def test_chandrayaan_reasons_name_the_pair_and_what_was_set_aside(seed_results):
    assert "newindianexpress" in seed_results["landing-day"].reason
    assert "set aside the USD cites of hindustantimes, jagranjosh" in seed_results["mission-cost"].reason
    assert "UTC−04:00" in seed_results["landing-time"].reason


def test_relayed_sources_count_once_per_origin(seed_results):
    sayers = {cv.source: cv.item.cite.via for cv in seed_results["first-at-south-pole"].values}
    assert sayers["reuters-yahoo"] == "Reuters" and sayers["armradio"] == "BBC"


def test_later_call_is_not_counted_for_the_november_call(seed_results):
    assert all(cv.source != "jan-call-report" for cv in seed_results["call-duration"].values)


def write_project(tmp: Path, claims: str, outlets=("Alpha", "Beta", "Gamma")) -> Path:
    (tmp / "seeds").mkdir()
    article = ("Officials said the minister met the envoy on Tuesday. The talks lasted 90 minutes.\n"
               "Another report said the talks lasted more than two hours. The minister did not meet the envoy.\n"
               "Reports said the talks cost $5 million, or Rs 40 crore.\n")
    entries = []
    for i, outlet in enumerate(outlets):
        (tmp / "seeds" / f"{i}.txt").write_text(article, encoding="utf-8")
        entries.append(f"  - {{id: s{i}, file: {i}.txt, outlet: {outlet}, timezone: UTC}}")
    (tmp / "seeds" / "sources.yaml").write_text("sources:\n" + "\n".join(entries) + "\n", encoding="utf-8")
    (tmp / "claims.yaml").write_text("event: {id: e, title: E}\nclaims:\n" + claims, encoding="utf-8")
    return tmp


def verdict_of(tmp: Path, claims: str, **kw):
    root = write_project(tmp, claims, **kw)
    project = load_project([root / "claims.yaml"], root / "seeds" / "sources.yaml")
    return compare_project(project)[0]


def test_asserts_against_denies_is_a_conflict(tmp_path):
    r = verdict_of(tmp_path, """\
  - id: met
    claim: The minister met the envoy
    type: stance
    cites:
      - {source: s0, quote: "the minister met the envoy", stance: asserts}
      - {source: s1, quote: "The minister did not meet the envoy", stance: denies}
""")
    assert r.verdict is Verdict.CONFLICT and "denies" in r.reason


def test_shared_via_counts_once(tmp_path):
    r = verdict_of(tmp_path, """\
  - id: length
    claim: How long
    type: duration
    cites:
      - {source: s0, quote: "The talks lasted 90 minutes.", via: AP}
      - {source: s1, quote: "The talks lasted 90 minutes.", via: AP}
""")
    assert r.verdict is Verdict.SINGLE_SOURCE and "count once" in r.reason


def test_same_outlet_counts_once(tmp_path):
    r = verdict_of(tmp_path, """\
  - id: length
    claim: How long
    type: duration
    cites:
      - {source: s0, quote: "The talks lasted 90 minutes."}
      - {source: s1, quote: "The talks lasted 90 minutes."}
""", outlets=("Same", "Same"))
    assert r.verdict is Verdict.SINGLE_SOURCE


def test_qualifier_overlap_is_reconcilable_and_three_voices_take_the_strongest(tmp_path):
    r = verdict_of(tmp_path, """\
  - id: length
    claim: How long
    type: duration
    cites:
      - {source: s0, quote: "The talks lasted 90 minutes."}
      - {source: s1, quote: "The talks lasted 90 minutes."}
      - {source: s2, quote: "the talks lasted more than two hours"}
""")
    assert r.verdict is Verdict.CONFLICT and "s2" in r.reason


def test_money_in_other_currencies_is_set_aside(tmp_path):
    r = verdict_of(tmp_path, """\
  - id: cost
    claim: What the talks cost
    type: number
    cites:
      - {source: s0, quote: "the talks cost $5 million", value: "$5 million"}
      - {source: s1, quote: "the talks cost $5 million", value: "5 million dollars"}
      - {source: s2, quote: "Rs 40 crore"}
""")
    assert r.verdict is Verdict.AGREED and "set aside the INR cites of s2" in r.reason


def test_quote_claims_ignore_case_and_punctuation():
    assert wording("“Taiwan’s return,” he said.") == wording("taiwan's RETURN he said")


def test_a_wire_copy_relays_every_sentence_unless_a_cite_says_otherwise(tmp_path):
    root = write_project(tmp_path, """\
  - id: length
    claim: How long
    type: duration
    cites:
      - {source: s0, quote: "The talks lasted 90 minutes."}
      - {source: s1, quote: "The talks lasted 90 minutes."}
      - {source: s2, quote: "The talks lasted 90 minutes.", via: null}
""")
    manifest = root / "seeds" / "sources.yaml"
    text = manifest.read_text(encoding="utf-8").replace("outlet: Alpha,", "outlet: Alpha, via: AP,").replace(
        "outlet: Beta,", "outlet: Beta, via: AP, published: 2024-03-28,").replace(
        "outlet: Gamma,", "outlet: Gamma, via: AP, published: 2024-03-28T10:00:00Z,")
    manifest.write_text(text, encoding="utf-8")
    project = load_project([root / "claims.yaml"], manifest)
    assert not [p for p in project.problems if p.severity.value == "error"], project.problems
    r = compare_project(project)[0]
    assert [cv.item.cite.via for cv in r.values] == ["AP", "AP", None]
    assert r.verdict is Verdict.AGREED and "count once (ap)" in r.reason
    assert project.manifest.get("s1").published == "2024-03-28"


@pytest.mark.parametrize("n, expected", [(1, "1 source"), (2, "2 sources"), (1000, "1,000 sources"),
                                         (1_000_000, "1,000,000 sources")])
def test_counts_in_sentences_group_thousands(n, expected):
    from claimcheck.english import count
    assert count(n, "source") == expected
