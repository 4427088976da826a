"""One error hierarchy, caught once in the CLI."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # the run worked and found errors (or a --fail-on verdict)
    USAGE = 2  # the run could not happen: bad option, missing path, unreadable manifest, a file that fails to load
    INTERNAL = 3  # claimcheck itself failed (a bug): one line on stderr, please report it


class ClaimcheckError(Exception):
    exit_code = ExitCode.USAGE


class UsageError(ClaimcheckError):
    """Something named on the command line cannot be used."""


class LoadError(ClaimcheckError):
    """An input file failed to load: no result is shown rather than one that silently skips it."""


class WriteError(ClaimcheckError):
    """A file could not be written; the original was left untouched."""

    exit_code = ExitCode.FAILED
