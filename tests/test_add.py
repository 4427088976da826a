"""add: ingest a local file or a page served on 127.0.0.1; the manifest keeps its comments; atomic; refusals."""
from __future__ import annotations

import hashlib
import http.server
import json
import os
import threading

import pytest
import yaml

from claimcheck.cli import app

from .conftest import snapshot

PAGE = b"""<!doctype html><html><head><title>Lander touches down</title>
<meta name="date" content="2023-08-23"></head><body><nav>Home | World | Science</nav>
<article><h1>Lander touches down</h1>
<p>India became the first country to land near the south pole of the Moon on Wednesday, officials said.</p>
<p>The lander touched down at 6:04 pm local time, and scientists in Bengaluru cheered.</p></article>
<footer>All rights reserved</footer></body></html>"""
MANIFEST = "# curated sources\nsources:\n  # the first article\n  - id: first\n    file: first.txt\n"


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "first.txt").write_text("First article.\n", encoding="utf-8")
    (tmp_path / "seeds" / "sources.yaml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "claims").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _entry(root, source_id):
    manifest = yaml.safe_load((root / "seeds" / "sources.yaml").read_text(encoding="utf-8"))
    return next(s for s in manifest["sources"] if s["id"] == source_id)


def test_add_local_html_keeps_comments_and_records_sha(newsroom, runner):
    result = runner.invoke(app, ["add", "page.html", "--id", "lander"])
    assert result.exit_code == 0, result.output
    manifest = (newsroom / "seeds" / "sources.yaml").read_text(encoding="utf-8")
    assert manifest.startswith(MANIFEST)  # comments and layout before the new entry are untouched
    entry = _entry(newsroom, "lander")
    text = (newsroom / "seeds" / "lander.txt").read_bytes()
    assert entry["sha256"] == hashlib.sha256(text).hexdigest() and entry["file"] == "lander.txt"
    assert entry["title"] == "Lander touches down" and entry["published"] == "2023-08-23"
    assert b"south pole of the Moon" in text and b"All rights reserved" not in text and b"Home |" not in text
    check = runner.invoke(app, ["check", "--format", "json"])
    assert check.exit_code == 0 and json.loads(check.output)["problems"] == [
        {"file": "seeds/sources.yaml", "line": 4, "column": 5, "severity": "warning", "code": "CC204",
         "message": json.loads(check.output)["problems"][0]["message"]}]  # only the hand-written entry lacks sha256


def test_add_plain_text_into_a_subfolder(newsroom, runner):
    (newsroom / "note.txt").write_text("A plain article.\nSecond line.\n", encoding="utf-8")
    assert runner.invoke(app, ["add", "note.txt", "--id", "note", "--dir", "event-x"]).exit_code == 0
    assert (newsroom / "seeds" / "event-x" / "note.txt").read_text(encoding="utf-8") == "A plain article.\nSecond line.\n"
    assert _entry(newsroom, "note")["file"] == "event-x/note.txt"


def test_add_from_a_server_on_localhost(newsroom, runner):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        result = runner.invoke(app, ["add", url, "--id", "served"])
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    assert _entry(newsroom, "served")["url"] == url
    assert "6:04 pm local time" in (newsroom / "seeds" / "served.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["add", "page.html", "--id", "first"], "source id 'first' is already in"),
    (["add", "page.html", "--id", "Bad Id"], "is not a valid id"),
    (["add", "missing.html", "--id", "x"], "missing.html: cannot read"),
    (["add", "page.html", "--id", "x", "--dir", "../out"], "leads outside the manifest's folder"),
    (["add", "http://127.0.0.1:9/nothing", "--id", "x"], "cannot fetch"),
])
def test_add_refusals_exit_2_and_write_nothing(newsroom, runner, args, message):
    before = snapshot(newsroom)
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert snapshot(newsroom) == before


def test_add_refuses_non_utf8_text_and_flow_manifests(newsroom, runner):
    (newsroom / "latin.txt").write_bytes("Caf\xe9".encode("latin-1"))
    bad = runner.invoke(app, ["add", "latin.txt", "--id", "latin"])
    assert bad.exit_code == 2 and "not UTF-8" in bad.output
    (newsroom / "seeds" / "sources.yaml").write_text("sources: [{id: first, file: first.txt}]\n", encoding="utf-8")
    flow = runner.invoke(app, ["add", "page.html", "--id", "lander"])
    assert flow.exit_code == 2 and "must be a block list" in flow.output
    assert not (newsroom / "seeds" / "lander.txt").exists()


def test_failed_manifest_write_removes_the_article(newsroom, runner, monkeypatch):
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    result = runner.invoke(app, ["add", "page.html", "--id", "lander"])
    assert result.exit_code == 1 and "cannot write" in result.output
    assert (newsroom / "seeds" / "sources.yaml").read_text(encoding="utf-8") == MANIFEST
    assert not (newsroom / "seeds" / "lander.txt").exists()


def test_twelve_adds_at_once_keep_every_entry(newsroom):
    import subprocess
    import sys
    for i in range(12):
        (newsroom / f"a{i}.txt").write_text(f"Article number {i}.\n", encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-m", "claimcheck", "add", f"a{i}.txt", "--id", f"a{i}"],
                             cwd=newsroom, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(12)]
    codes = [r.wait(timeout=120) for r in runs]
    assert codes == [0] * 12, [r.stderr.read() for r in runs]
    manifest = yaml.safe_load((newsroom / "seeds" / "sources.yaml").read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in manifest["sources"]) == sorted(["first"] + [f"a{i}" for i in range(12)])


def test_an_interrupted_add_can_be_run_again(newsroom, runner, monkeypatch):
    (newsroom / "note.txt").write_text("A plain article.\n", encoding="utf-8")
    import claimcheck.ingest as ingest
    real = ingest.write_atomically

    def crash_on_manifest(path, data, validate=None):
        if path.name == "sources.yaml":
            raise KeyboardInterrupt  # killed between the two writes
        return real(path, data, validate)

    monkeypatch.setattr(ingest, "write_atomically", crash_on_manifest)
    runner.invoke(app, ["add", "note.txt", "--id", "note"])
    monkeypatch.setattr(ingest, "write_atomically", real)
    # The article was taken back (or, had the process died outright, is taken over now).
    (newsroom / "seeds" / "note.txt").write_text("A plain article.\n", encoding="utf-8")
    again = runner.invoke(app, ["add", "note.txt", "--id", "note"])
    assert again.exit_code == 0, again.output
    assert _entry(newsroom, "note")["file"] == "note.txt"
    (newsroom / "seeds" / "other.txt").write_text("Something else.\n", encoding="utf-8")
    clash = runner.invoke(app, ["add", "note.txt", "--id", "other"])
    assert clash.exit_code == 2 and "already exists and is not listed" in clash.output


@pytest.mark.parametrize("manifest", [
    "sources:\n-   id: first\n    file: first.txt\n",
    "sources:\n  - id: first\n    file: first.txt  # the first\n...\n",
    "# head\nsources:\n    -   id: first\n        file: first.txt\n\n# tail comment\n",
    "sources:\r\n  - id: first\r\n    file: first.txt\r\n",
])
def test_add_keeps_the_manifest_loadable_whatever_its_layout(newsroom, runner, manifest):
    (newsroom / "seeds" / "sources.yaml").write_bytes(manifest.encode("utf-8"))
    (newsroom / "note.txt").write_text("A plain article.\n", encoding="utf-8")
    result = runner.invoke(app, ["add", "note.txt", "--id", "note"])
    assert result.exit_code == 0, result.output
    written = (newsroom / "seeds" / "sources.yaml").read_bytes().decode("utf-8")
    assert written.startswith(manifest.split("...")[0].rstrip("\n").split("# tail")[0].rstrip())
    assert _entry(newsroom, "note")["file"] == "note.txt" and _entry(newsroom, "first")["file"] == "first.txt"


def test_add_writes_through_a_symlinked_manifest(newsroom, runner):
    real = newsroom / "real-sources.yaml"
    real.write_text(MANIFEST, encoding="utf-8")
    link = newsroom / "seeds" / "sources.yaml"
    link.unlink()
    link.symlink_to(real)
    (newsroom / "note.txt").write_text("A plain article.\n", encoding="utf-8")
    assert runner.invoke(app, ["add", "note.txt", "--id", "note"]).exit_code == 0
    assert link.is_symlink() and "id: note" in real.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["shift_jis", "windows-1252"])
def test_add_reads_the_charset_a_page_declares(newsroom, runner, encoding):
    text = "日本の首相は火曜日に電話会談を行った。" if encoding == "shift_jis" else "Café déjà vu, señor — “quoted”."
    page = (f'<html><head><meta charset="{encoding}"><title>T</title></head><body><article><p>{text} '
            f'{text} {text}</p><p>{text}</p></article></body></html>').encode(encoding)
    (newsroom / "page2.html").write_bytes(page)
    result = runner.invoke(app, ["add", "page2.html", "--id", "charset"])
    assert result.exit_code == 0, result.output
    assert text in (newsroom / "seeds" / "charset.txt").read_text(encoding="utf-8")


def test_add_refuses_a_fifo_and_odd_folder_names(newsroom, runner):
    os.mkfifo(newsroom / "pipe.txt")
    result = runner.invoke(app, ["add", "pipe.txt", "--id", "pipe"])
    assert result.exit_code == 2 and "not a regular file" in result.output
    odd = runner.invoke(app, ["add", "page.html", "--id", "lander", "--dir", "a b\nc"])
    assert odd.exit_code == 2 and "not a plain folder name" in odd.output


def test_add_gives_up_on_a_server_that_trickles(newsroom, runner, monkeypatch):
    import socket
    import time

    import claimcheck.ingest as ingest
    monkeypatch.setattr(ingest, "FETCH_DEADLINE", 1)
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]

    def trickle():
        conn, _ = server.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        try:
            for _ in range(40):  # a byte every 0.2 s: each read is quick, the whole never ends in time
                conn.sendall(b"x")
                time.sleep(0.2)
        except OSError:
            pass
        conn.close()

    thread = threading.Thread(target=trickle, daemon=True)
    thread.start()
    started = time.monotonic()
    result = runner.invoke(app, ["add", f"http://127.0.0.1:{port}/slow", "--id", "slow"])
    assert result.exit_code == 2 and "gave up" in result.output
    assert time.monotonic() - started < 5
    assert not (newsroom / "seeds" / "slow.txt").exists()
    server.close()


@pytest.mark.parametrize("text, via", [
    ("WASHINGTON (AP) — The Federal Reserve cut its key rate.\n", "AP"),
    ("LONDON (Reuters) - Oil prices rose on Monday.\n", "Reuters"),
    ("Chandrayaan-3 landed on the moon. (With inputs from PTI)\n", "PTI"),
    ("Our own reporter in Delhi writes about the landing.\n", None),
])
def test_add_proposes_via_when_the_page_names_its_wire(newsroom, runner, text, via):
    (newsroom / "wire.txt").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["add", "wire.txt", "--id", "wire"]).exit_code == 0
    assert _entry(newsroom, "wire").get("via") == via
