"""Process-wide protections applied first thing by both entry points (CLI and desktop app).

- ``umask 077``: every file and folder the process creates (SQLite journals, Qt's files, ours)
  is private to this account even where a code path forgets an explicit mode.
- Core dumps off: a crash must not write process memory, plaintext case content included, to
  disk. On Linux ``RLIMIT_CORE = 0`` stops the kernel's file dumps and ``PR_SET_DUMPABLE = 0``
  also stops core-pattern pipes (systemd-coredump, apport) and ptrace by other processes of the
  same account. macOS: ``RLIMIT_CORE = 0`` is the equivalent (it is also the default there).
  Windows has no rlimit; Windows Error Reporting dumps are disabled per machine by policy
  (``LocalDumps`` / ``DontShowUI``), which an installer, not the program, must set.
- Leftovers of a crash: decrypted viewing copies whose process is gone are removed.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


@dataclass(frozen=True)
class Hardening:
    umask_set: bool
    core_limit_zero: bool
    not_dumpable: bool


def _libc() -> ctypes.CDLL | None:
    with contextlib.suppress(OSError, TypeError):
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return None


def disable_core_dumps() -> tuple[bool, bool]:
    """(RLIMIT_CORE is 0, the process is not dumpable); each False where not possible."""
    limit_zero = False
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        limit_zero = resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    except (ImportError, ValueError, OSError):
        pass
    not_dumpable = False
    if sys.platform.startswith("linux"):
        libc = _libc()
        if libc is not None:
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
            not_dumpable = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0
    return limit_zero, not_dumpable


def harden_process() -> Hardening:
    """Apply everything above; safe to call more than once."""
    umask_set = False
    if os.name == "posix":
        os.umask(0o077)
        umask_set = True
    limit_zero, not_dumpable = disable_core_dumps()
    with contextlib.suppress(Exception):
        from app.services.documents.private_temp_dir import _base_dir, sweep_stale

        sweep_stale(_base_dir())
    return Hardening(umask_set, limit_zero, not_dumpable)


def sweep_beside(*paths: object) -> list[Path]:
    """Remove stale Casepath temp files in the folders of the given files or folders."""
    from app.vault.files.safe_files import sweep_stale_temp_files

    removed: list[Path] = []
    seen: set[Path] = set()
    for item in paths:
        if not item:
            continue
        path = Path(str(item))
        folder = path if path.is_dir() else path.parent
        with contextlib.suppress(OSError):
            folder = folder.resolve()
        if folder in seen:
            continue
        seen.add(folder)
        removed += sweep_stale_temp_files(folder)
    return removed
