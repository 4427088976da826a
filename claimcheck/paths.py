"""Finding claims files and naming paths in messages (kept light: used before anything is parsed)."""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .errors import UsageError

YAML_SUFFIXES = (".yaml", ".yml")


def find_claims_files(path: Path) -> list[Path]:
    """A file as given, or every YAML file under a directory (hidden folders skipped), sorted.

    A folder that cannot be listed is an error, never an empty result: "all checks passed"
    must not mean "nothing was read".
    """
    if not path.is_dir():
        return [path]

    def refuse(exc: OSError) -> None:
        raise UsageError(f"{exc.filename or path}: cannot read this folder ({exc.strerror or exc})")

    found = []
    for folder, subfolders, files in os.walk(path, onerror=refuse):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(Path(folder) / f for f in files if Path(f).suffix in YAML_SUFFIXES and not f.startswith("."))
    return sorted(found)


def resolve_claims_paths(paths: list[Path]) -> list[Path]:
    """Every claims file named or found under the given paths; a missing path or an unreadable folder is a
    usage error (an empty folder is not: the manifest is still checked)."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or directory")
        if not path.is_dir() and not is_regular_or_missing(path):
            raise UsageError(f"{path}: {_kind(path.stat().st_mode)}, not a claims file or folder")
        found.extend(p for p in find_claims_files(path) if p not in found)
    return found


def display_path(path: Path) -> str:
    """How a path is shown in messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class NotRegularFile(OSError):
    """A FIFO, device, socket or folder where a file was expected: never read (it may never end)."""


class TooLarge(OSError):
    """More bytes than the documented limit."""


def _kind(mode: int) -> str:
    return ("a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    The file is opened without blocking and checked on the open descriptor, so a FIFO or a device
    (/dev/zero) is refused before a single read, and a file swapped meanwhile cannot slip through.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(0, f"{_kind(mode)}, not a regular file", str(path))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(0, f"larger than the limit of {limit:,} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_regular_or_missing(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def sha256_of_file(path: Path, limit: int = 64 * 1024 * 1024) -> str | None:
    """The file's sha256, or None when it cannot be read, is not a regular file or is larger than `limit`."""
    try:
        return hashlib.sha256(read_regular(path, limit)).hexdigest()
    except OSError:
        return None


MANIFEST_SUFFIXES = (".yaml", ".yml")


def manifest_files(path: Path) -> list[Path]:
    """The files of a manifest: `path` itself, or each *.yaml / *.yml directly inside the folder `path`,
    in name order (hidden files skipped). A set of files lets an archive outgrow one file's size limit."""
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.iterdir() if p.suffix in MANIFEST_SUFFIXES and not p.name.startswith("."))
