"""The hostile and broken input corpus, run through the real console script.

Each directory under tests/cases/bad is laid over a small base project (tests/cases/project)
and holds an `expect` file: the command's arguments, its exit code, the check code expected
in its JSON output (`-` when the output is not JSON) and a message fragment. A few inputs are
too large to keep in the repository and are generated here instead.
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import CASES, snapshot

BAD = CASES / "bad"
EXE = str(Path(sys.executable).parent / "claimcheck")


@dataclass(frozen=True)
class Case:
    name: str
    args: list[str]
    exit: int
    code: str
    message: str
    files: dict  # extra files written into the project (generated inputs)


def _read_case(path: Path) -> Case:
    fields = dict(line.split(": ", 1) for line in path.joinpath("expect").read_text(encoding="utf-8").splitlines())
    # `problems` (beside `expect`) pins every problem the case reports: file:line:column code
    return Case(path.name, shlex.split(fields["args"]), int(fields["exit"]), fields["code"], fields["message"], {})


def _deep(n: int) -> str:
    return "event: {id: a, title: T}\nclaims: " + "[" * n + "]" * n + "\n"


GENERATED = [
    Case("generated-2mb-line", ["check", "--format", "json"], 1, "CC104", "not in 'article.txt'",
         {"claims/case.yaml": "event: {id: a, title: T}\nclaims:\n  - id: c\n    claim: C\n    type: text\n"
                              "    cites:\n      - {source: wire, quote: \"" + "word " * 400_000 + "\"}\n"}),
    Case("generated-nesting-5000", ["check", "--format", "json"], 1, "CC003", "nesting deeper than 32 levels",
         {"claims/case.yaml": _deep(5000)}),
    Case("generated-nesting-mappings", ["check", "--format", "json"], 1, "CC003", "nesting deeper than 32 levels",
         {"claims/case.yaml": "event: " + "{a: " * 200 + "x" + "}" * 200 + "\n"}),
    Case("generated-huge-article", ["check", "--format", "json"], 1, "CC009", "the limit is 20,971,520",
         {"seeds/sources.yaml": "sources:\n  - {id: x, file: big.txt}\n", "seeds/big.txt": "a" * (21 * 1024 * 1024)}),
]
CASES_ALL = sorted([_read_case(p) for p in BAD.iterdir() if p.is_dir()], key=lambda c: c.name) + GENERATED


def _prepare(case: Case, root: Path) -> Path:
    shutil.copytree(CASES / "project", root / "seeds")
    (root / "seeds" / "ok.yaml").unlink()
    (root / "claims").mkdir()
    if (BAD / case.name).is_dir():
        shutil.copytree(BAD / case.name, root, symlinks=True, dirs_exist_ok=True)
        (root / "expect").unlink()
    for rel, content in case.files.items():
        (root / rel).write_text(content, encoding="utf-8")
    return root


def _run(case: Case, root: Path):
    before = snapshot(root)
    proc = subprocess.run([EXE, *case.args], cwd=root, capture_output=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "LC_ALL": "C.UTF-8",
                               "CLAIMCHECK_CACHE_DIR": str(root.parent / f"{root.name}-cache"),
                               "XDG_CACHE_HOME": str(root.parent / f"{root.name}-home")})
    return proc, before, snapshot(root)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Run every case once, two or more at a time: each is a separate process."""
    roots = {c.name: _prepare(c, tmp_path_factory.mktemp(c.name)) for c in CASES_ALL}
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {c.name: pool.submit(_run, c, roots[c.name]) for c in CASES_ALL}
        return {name: f.result() for name, f in futures.items()}


def test_corpus_is_large_enough():
    assert len(CASES_ALL) >= 60


@pytest.mark.parametrize("case", CASES_ALL, ids=[c.name for c in CASES_ALL])
def test_bad_input(case, results):
    proc, before, after = results[case.name]
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert "Traceback" not in out + err
    assert "\x1b" not in out + err, "escape sequences must never reach the terminal"
    assert proc.returncode == case.exit, out + err
    assert after == before, "a failed or checking run must not write anything"
    if case.code == "-":
        assert case.message in out + err
        return
    problems = json.loads(out)["problems"]
    matching = [p for p in problems if p["code"] == case.code]
    assert matching, f"{case.code} not in {[p['code'] for p in problems]}"
    assert any(case.message in p["message"] for p in matching), [p["message"] for p in matching]
    assert all(p["line"] >= 1 and p["column"] >= 1 for p in problems)
    # The complete list, as yamllint's tests pin it: a problem that appears or vanishes is a change.
    listed = "".join(f"{p['file']}:{p['line']}:{p['column']} {p['code']}\n" for p in problems)
    expected = BAD / case.name / "problems"
    if (BAD / case.name).is_dir():
        if os.environ.get("UPDATE_GOLDEN") == "1":
            expected.write_text(listed, encoding="utf-8")
        assert listed == expected.read_text(encoding="utf-8"), listed
    if proc.returncode == 1:
        assert err == ""  # problems go to stdout; stderr is for failures to run
