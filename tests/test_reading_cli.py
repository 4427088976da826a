"""Reading values and stances through the commands: unread is visible, `unit:` picks, tallies evolve."""
from __future__ import annotations

import json
from pathlib import Path

from claimcheck.cli import app

ARTICLES = {
    "fed": ("The Federal Reserve cut its benchmark rate by 25 basis points to a range of 4.25%-4.50%. "
            "The S&P 500 fell 2.95% after the decision. The Kremlin declined to comment. "
            "The White House denied that the talks had failed. Officials would not say whether talks continued.\n"),
    "wire": ("The Fed cut rates by a quarter percentage point, to between 4.25% and 4.5%. "
             "The S&P 500 dropped 3.6% on the day. The vote was 11-1.\n"),
}


def project(tmp: Path, claims: str, published: dict[str, str] | None = None) -> Path:
    (tmp / "seeds").mkdir(parents=True)
    lines = ["sources:"]
    for i, (sid, text) in enumerate(ARTICLES.items()):
        (tmp / "seeds" / f"{sid}.txt").write_text(text, encoding="utf-8")
        when = (published or {}).get(sid)
        lines.append(f"  - {{id: {sid}, file: {sid}.txt, outlet: Outlet {i}, timezone: UTC, language: en"
                     + (f", published: '{when}'" if when else "") + "}")
    (tmp / "seeds" / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp / "claims").mkdir()
    (tmp / "claims" / "fed.yaml").write_text("event: {id: fed, title: Fed}\nclaims:\n" + claims, encoding="utf-8")
    return tmp


def run(runner, root: Path, *args: str):
    return runner.invoke(app, [*args, "--claims", str(root / "claims"), "--sources", str(root / "seeds/sources.yaml")],
                         env={"COLUMNS": "200", "NO_COLOR": "1"})


CUT = """\
  - id: cut
    claim: How much the Fed cut
    type: number
    cites:
      - {source: fed, quote: "cut its benchmark rate by 25 basis points to a range of 4.25%-4.50%"}
      - {source: wire, quote: "The Fed cut rates by a quarter percentage point, to between 4.25% and 4.5%"}
"""


def test_several_values_are_unread_shown_named_and_warned(tmp_path, runner):
    root = project(tmp_path, CUT)
    result = run(runner, root, "compare", "--format", "json")
    claim = json.loads(result.output)["claims"][0]
    assert [c["value"] for c in claim["cites"]] == [None, None]
    assert all("several values" in c["unread"] for c in claim["cites"])
    assert "unread: fed (several values" in claim["reason"] and "; wire (several values" in claim["reason"]
    assert claim["verdict"] != "agreed"
    table = run(runner, root, "compare")
    assert "? unread" in table.output
    check = runner.invoke(app, ["check", str(root / "claims"), "--sources", str(root / "seeds/sources.yaml")])
    assert check.exit_code == 0 and "CC110" in check.output and "25 basis points" in check.output


def test_unit_picks_the_quantity_and_points_agree_with_basis_points(tmp_path, runner):
    root = project(tmp_path, CUT.replace("    type: number\n", "    type: number\n    unit: percentage points\n"))
    claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
    assert claim["verdict"] == "agreed", claim["reason"]
    readings = [c["reading"] for c in claim["cites"]]
    assert [r["figure"] for r in readings] == [[0.25, 0.25], [0.25, 0.25]] and readings[0]["unit"] == "pp"
    rng = json.loads(run(runner, root, "compare", "--format", "json").output)
    assert rng["version"] == 1


def test_range_claim_agrees_across_notations(tmp_path, runner):
    root = project(tmp_path, CUT.replace("    type: number\n", "    type: number\n    unit: percent\n"))
    claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
    assert claim["verdict"] == "agreed", claim["reason"]


def test_a_name_is_never_the_value_and_rounding_is_reconcilable(tmp_path, runner):
    root = project(tmp_path, """\
  - id: sp-fall
    claim: How far the S&P 500 fell
    type: number
    cites:
      - {source: fed, quote: "The S&P 500 fell 2.95% after the decision"}
      - {source: wire, quote: "The S&P 500 dropped 3.6% on the day"}
""")
    claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
    assert claim["verdict"] == "conflict", claim["reason"]  # 2.95 is not 3.6 rounded; 500 is a name
    assert "500" not in claim["reason"].replace("S&P 500", "")


def test_unknown_unit_is_refused_with_its_location(tmp_path, runner):
    root = project(tmp_path, CUT.replace("    type: number\n", "    type: number\n    unit: furlongs\n"))
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = runner.invoke(app, ["check", str(root / "claims"), "--sources", str(root / "seeds/sources.yaml")])
    assert result.exit_code == 1
    assert "fed.yaml:6:11: error CC007 unit 'furlongs' is unknown" in result.output
    assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".claimcheck" not in str(p)}


def test_vote_split_is_a_pair(tmp_path, runner):
    root = project(tmp_path, """\
  - id: vote
    claim: How the committee voted
    type: number
    unit: votes
    cites:
      - {source: wire, quote: "The vote was 11-1"}
      - {source: fed, quote: "cut its benchmark rate", value: "12-0"}
""")
    claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
    assert claim["verdict"] == "conflict" and "11–1" in claim["reason"] and "12–0" in claim["reason"]
    assert claim["cites"][0]["reading"] == {"kind": "split", "for": 11, "against": 1, "words": "11-1",
                                            "roles": False}


STANCES = """\
  - id: comment
    claim: Whether the talks failed
    type: stance
    cites:
      - {source: fed, quote: "The Kremlin declined to comment"}
      - {source: fed, quote: "The White House denied that the talks had failed"}
      - {source: fed, quote: "Officials would not say whether talks continued"}
"""


def test_stances_are_read_never_assumed(tmp_path, runner):
    root = project(tmp_path, STANCES)
    claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
    assert [c["stance"] for c in claim["cites"]] == ["declines", "denies", "declines"]
    unclear = project(tmp_path / "b", """\
  - id: unclear
    claim: Whether the talks continued
    type: stance
    cites:
      - {source: wire, quote: "The Fed cut rates by a quarter percentage point"}
      - {source: fed, quote: "The White House denied that the talks had failed", stance: asserts}
""".replace("The Fed cut rates by a quarter percentage point", "The vote was 11-1"))
    check = runner.invoke(app, ["check", str(unclear / "claims"), "--sources", str(unclear / "seeds/sources.yaml")])
    assert "CC108" in check.output and "stance says asserts but the quote denies it" in check.output


def test_evolving_tally_grows_and_a_drop_conflicts(tmp_path, runner):
    ARTICLES_BACKUP = dict(ARTICLES)
    try:
        ARTICLES.clear()
        ARTICLES.update({"early": "At least 4 people were killed, officials said.\n",
                         "late": "The death toll rose to 9, officials said.\n"})
        claims = """\
  - id: toll
    claim: How many people died
    type: number
    evolves: true
    cites:
      - {source: early, quote: "At least 4 people were killed"}
      - {source: late, quote: "The death toll rose to 9"}
"""
        root = project(tmp_path, claims, {"early": "2024-04-03T08:10:00+00:00", "late": "2024-04-03T14:00:00+00:00"})
        claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
        assert claim["verdict"] == "reconcilable" and "grew over time" in claim["reason"], claim["reason"]
        ARTICLES.update({"early": "The death toll rose to 9, officials said.\n",
                         "late": "At least 4 people were killed, officials said.\n"})
        root = project(tmp_path / "b", claims.replace("At least 4 people were killed", "X").replace(
            "The death toll rose to 9", "At least 4 people were killed").replace("X", "The death toll rose to 9"),
            {"early": "2024-04-03T08:10:00+00:00", "late": "2024-04-03T14:00:00+00:00"})
        claim = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"][0]
        assert claim["verdict"] == "conflict" and "lower than the earlier" in claim["reason"], claim["reason"]
    finally:
        ARTICLES.clear()
        ARTICLES.update(ARTICLES_BACKUP)


def test_dates_as_the_article_wrote_them(tmp_path, runner):
    ARTICLES_BACKUP = dict(ARTICLES)
    try:
        ARTICLES.clear()
        ARTICLES.update({
            "ny": "The Fed announced its decision on Wednesday, December 18 at 2 PM ET (12:30 AM IST on December 19).\n"
                  "Powell spoke on Monday, 25 November 2025 about the outlook. Powell talked for 2 hours.\n",
            "mumbai": "The decision came early on Thursday, India time. Markets fell yesterday.\n"})
        root = project(tmp_path, """\
  - id: decision
    claim: When the Fed announced its decision
    type: date
    cites:
      - {source: ny, quote: "on Wednesday, December 18 at 2 PM ET (12:30 AM IST on December 19)"}
      - {source: mumbai, quote: "The decision came early on Thursday, India time", value: "Thursday"}
  - id: speech
    claim: When Powell spoke
    type: date
    cites:
      - {source: ny, quote: "Powell spoke on Monday, 25 November 2025"}
  - id: talk
    claim: When Powell talked
    type: date
    cites:
      - {source: ny, quote: "Powell talked for 2 hours"}
""", {"ny": "2024-12-18", "mumbai": "2024-12-19"})
        sources = (root / "seeds/sources.yaml").read_text().replace("id: mumbai, file: mumbai.txt, outlet: Outlet 1, "
                                                                    "timezone: UTC", "id: mumbai, file: mumbai.txt, "
                                                                    "outlet: Outlet 1, timezone: Asia/Kolkata")
        (root / "seeds/sources.yaml").write_text(sources)
        data = json.loads(run(runner, root, "compare", "--format", "json").output)["claims"]
        decision = data[0]
        assert decision["cites"][0]["reading"]["date"] == "2024-12-18"
        assert decision["cites"][0]["reading"]["time"] == "14:00"
        assert decision["cites"][1]["reading"]["date"] == "2024-12-19"  # the Thursday on or before publication
        assert decision["verdict"] == "reconcilable", decision["reason"]
        assert data[2]["cites"][0]["value"] is None  # a duration is no clock time
        check = runner.invoke(app, ["check", str(root / "claims"), "--sources", str(root / "seeds/sources.yaml")])
        assert "the quote says Monday but 25 Nov 2025 is a Tuesday" in check.output
    finally:
        ARTICLES.clear()
        ARTICLES.update(ARTICLES_BACKUP)


def test_exports_show_unread_cites_as_unread(tmp_path, runner):
    import csv
    import io
    root = project(tmp_path, CUT)
    out = runner.invoke(app, ["export", "--format", "csv", "--claims", str(root / "claims"), "--sources",
                              str(root / "seeds/sources.yaml")]).output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["value"] for r in rows} == {"? unread"} and all("several values" in r["unread"] for r in rows)


def test_tallies_with_sides_named_compare_side_by_side(tmp_path, runner):
    """Both sources name which count was for: swapped sides are a conflict; a tally without sides
    compares as the same two counts."""
    root = project(tmp_path, """\
  - id: named
    claim: How parliament voted
    type: number
    unit: votes
    cites:
      - {source: fed, quote: "The Federal Reserve cut its benchmark rate", value: "312 votes in favour and 254 against"}
      - {source: wire, quote: "The Fed cut rates", value: "254 votes in favour, 312 against"}
  - id: tally
    claim: How parliament voted, as a tally
    type: number
    unit: votes
    cites:
      - {source: fed, quote: "The Federal Reserve cut its benchmark rate", value: "312 votes in favour and 254 against"}
      - {source: wire, quote: "The Fed cut rates", value: "by 312 votes to 254"}
""")
    claims = {c["id"]: c for c in json.loads(run(runner, root, "compare", "--format", "json").output)["claims"]}
    assert claims["named"]["verdict"] == "conflict", claims["named"]["reason"]
    assert "for–against" in claims["named"]["reason"]
    assert claims["tally"]["verdict"] == "agreed", claims["tally"]["reason"]
    assert claims["named"]["cites"][0]["reading"]["roles"] is True
    assert claims["tally"]["cites"][1]["reading"] == {"kind": "split", "for": 312, "against": 254,
                                                      "words": "312 votes to 254", "roles": False}
