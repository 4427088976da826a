"""Atomic writes: a temp file beside the target, then a rename, so nothing is half-written."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import WriteError


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data`; on any failure the original stays byte-identical."""
    tmp_name = None
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc}); the file was left unchanged") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
