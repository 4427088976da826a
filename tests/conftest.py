from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


# Variables of the caller's terminal and network that change what a command prints. Tests set the ones
# they need; every other run starts from none of them, so the suite passes in any terminal.
_AMBIENT = ("FORCE_COLOR", "NO_COLOR", "TERM", "COLORTERM", "COLUMNS", "LINES", "CLICOLOR", "CLICOLOR_FORCE",
            "PY_COLORS", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS", "JUPYTER_LINES", "GITHUB_ACTIONS",
            "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy",
            "no_proxy", "CLAIMCHECK_CACHE_DIR", "CLAIMCHECK_DATABASE")


@pytest.fixture(autouse=True)
def hermetic_environment(monkeypatch):
    for name in _AMBIENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Keep the cache and its signing key out of the projects under test and out of $HOME."""
    root = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "home"))
    return root / "cache"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def in_repo(monkeypatch):
    """Run from the repository root, where the default paths point at the shipped seeds."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return ROOT


@pytest.fixture
def project_dir(tmp_path, monkeypatch) -> Path:
    """A scratch project: the small test article and manifest under seeds/, claims/ empty."""
    shutil.copytree(CASES / "project", tmp_path / "seeds")
    (tmp_path / "claims").mkdir()
    shutil.move(str(tmp_path / "seeds" / "ok.yaml"), str(tmp_path / "claims" / "ok.yaml"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def snapshot(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; `UPDATE_GOLDEN=1 pytest` rewrites the expected files."""
    path = Path(__file__).resolve().parent / "golden" / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run UPDATE_GOLDEN=1 pytest"
    assert actual == path.read_text(encoding="utf-8")


# In CI, Hypothesis draws the same examples every run: a red build must be reproducible.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for this test session (tests/pgserver.py). Where none can be started the
    backend tests skip and say why, unless CLAIMCHECK_REQUIRE_POSTGRES is set (as .ci/run sets it)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'claimcheck[postgres]')")
    from . import pgserver
    try:
        server = pgserver.start_server()
    except pgserver.NoServer as exc:
        if os.environ.get("CLAIMCHECK_REQUIRE_POSTGRES"):
            pytest.fail(f"no PostgreSQL server could be started: {exc}")
        pytest.skip(f"no PostgreSQL server could be started: {exc}")
    yield server
    server.stop()


_DATABASES = iter(range(1, 1_000_000))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path) -> str:
    """Each index backend in turn, empty: an SQLite file, or a new database on the session's server."""
    if request.param == "sqlite":
        return str(tmp_path / "index.sqlite3")
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"test_{next(_DATABASES)}")
