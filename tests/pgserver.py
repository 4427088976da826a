"""A throwaway PostgreSQL server for the backend tests: Debian's package, a fresh cluster in a temporary
folder, reachable only on a Unix socket there. `.ci/run` installs the package; the tests start the server.

    python tests/pgserver.py   # start one by hand, print its URL, stop on Enter
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


class NoServer(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def _binaries() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    if not versions:
        raise NoServer("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    return Path(versions[-1]).parent


class Server:
    def __init__(self):
        self.bin = _binaries()
        self.root = Path(tempfile.mkdtemp(prefix="claimcheck-pg-"))
        self.data, self.socket = self.root / "data", self.root / "socket"
        self.socket.mkdir()
        self.user = None
        if os.geteuid() == 0:  # initdb refuses root: run the server as the package's own user
            import pwd
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise NoServer("running as root and there is no 'postgres' user to run the server as") from None
            self.user = "postgres"
            shutil.chown(self.root, "postgres")
            shutil.chown(self.socket, "postgres")
        self.started = False

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(a) for a in args]
        if self.user:
            command = ["runuser", "-u", self.user, "--"] + command
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if check and result.returncode:
            raise NoServer(f"{Path(args[0]).name} failed: {(result.stderr or result.stdout).strip()[-300:]}")
        return result

    def start(self) -> str:
        self._run(self.bin / "initdb", "-D", self.data, "-U", "claimcheck", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8" if Path("/usr/lib/locale/C.utf8").exists() else "--no-locale")
        options = f"-k {self.socket} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", options, "-l", self.root / "log", "-w", "-t", "60",
                  "start")
        self.started = True
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql://claimcheck@/{database}?host={self.socket}"

    def create_database(self, name: str) -> str:
        import psycopg
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> Server:
    server = Server()
    try:
        server.start()
    except (NoServer, OSError, subprocess.SubprocessError) as exc:
        server.stop()
        raise NoServer(str(exc)) from None
    deadline = time.monotonic() + 30
    import psycopg
    while True:
        try:
            psycopg.connect(server.url("postgres")).close()
            return server
        except psycopg.Error:
            if time.monotonic() > deadline:
                server.stop()
                raise NoServer("the server started but does not accept connections") from None
            time.sleep(0.2)


if __name__ == "__main__":
    running = start_server()
    print(running.url("postgres"))
    try:
        input("running; press Enter to stop ")
    finally:
        running.stop()
