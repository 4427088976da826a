"""Atomic writes: a temp file beside the target, then a rename, so nothing is half-written.

A symbolic link is written through (its target is replaced, the link stays a link); a device, FIFO
or other special file is never replaced by a regular one: writing to it is refused.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from .errors import UsageError, WriteError


def real_target(path: Path) -> Path:
    """The file a write to `path` must replace: through symlinks; refused when it is not a regular file."""
    absolute = os.path.abspath(path)
    if absolute.startswith(("/dev/", "/proc/")) or path.is_symlink() and os.readlink(path).startswith("/proc/"):
        raise UsageError(f"{path}: a device or special file, not a regular file; claimcheck only replaces regular "
                         "files (omit --output to write to stdout)")
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc}); nothing was written") from None
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a device or special file"
        raise UsageError(f"{path}: {what}, not a regular file; claimcheck only replaces regular files "
                         "(omit --output to write to stdout)")
    return target


def write_atomically(path: Path, data: bytes, validate: Callable[[Path], None] | None = None) -> None:
    """Replace `path` with `data`; on any failure the original stays byte-identical.

    `validate` is called with the written temp file before it replaces the original; raising
    there leaves everything as it was.
    """
    target = real_target(path)
    tmp_name = None
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        if validate is not None:
            validate(Path(tmp_name))
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc}); the file was left unchanged") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
