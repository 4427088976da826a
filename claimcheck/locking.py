"""Advisory locks for the files claimcheck rewrites (`check --fix`, `add`), so concurrent runs never lose a write.

The lock is taken on the file itself. A writer replaces the file by renaming a new one over it,
so a waiting process may end up holding a lock on the old, replaced file: after locking, we check
that the path still names the file we locked, and start over when it does not.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import UsageError

LOCK_TIMEOUT = 30.0


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive advisory lock on the file at `path` (which must exist) for the block."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: the re-read under the write still catches changes
        yield
        return
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise UsageError(f"{path}: another claimcheck has been writing it for {timeout:.0f} s; "
                                         "nothing was written, try again") from None
                    time.sleep(0.02)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                yield
                return
        finally:
            os.close(fd)  # closing releases the lock
