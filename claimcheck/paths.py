"""Finding claims files and naming paths in messages (kept light: used before anything is parsed)."""
from __future__ import annotations

import hashlib
import os
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
        found.extend(p for p in find_claims_files(path) if p not in found)
    return found


def display_path(path: Path) -> str:
    """How a path is shown in messages: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def sha256_of_file(path: Path, limit: int | None = None) -> str | None:
    """The file's sha256, or None when it cannot be read or is larger than `limit` bytes."""
    try:
        if limit is not None and path.stat().st_size > limit:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
