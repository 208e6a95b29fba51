"""The one place where decrypted attachment content may touch the disk, and how it leaves.

Opening an attachment in the system viewer needs a real file. It goes into a directory only
this user can enter (0700), as a file only this user can read (0600), under a neutral name
(``attachment-12.pdf``: a file name can hold an employee's name, and viewers remember recent
files). Files are removed when their case closes, when the vault locks and at exit; a directory
left behind by a crash is swept the next time Casepath starts (POSIX only).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

PREFIX = "casepath-view-"
_SAFE_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


def _base_dir() -> Path:
    """$XDG_RUNTIME_DIR (per-user, usually RAM-backed) when it is safe, else the temp dir."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.name == "posix":
        path = Path(runtime)
        with contextlib.suppress(OSError):
            st = path.stat()
            if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077:
                return path
    return Path(tempfile.gettempdir())


def safe_suffix(filename: str) -> str:
    """The file's extension if it is plain letters and digits (so viewers recognise it)."""
    suffix = Path(filename).suffix
    return suffix.lower() if _SAFE_SUFFIX.match(suffix) else ""


class PrivateTempDir:
    """A lazily created private directory for files opened for viewing."""

    def __init__(self, base: Path | None = None) -> None:
        self._base = base
        self._path: Path | None = None
        self._by_group: dict[object, set[Path]] = {}

    @property
    def path(self) -> Path:
        if self._path is None or not self._path.is_dir():
            base = self._base or _base_dir()
            sweep_stale(base)
            # mkdtemp creates the directory with mode 0700.
            self._path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
            atexit.register(self.cleanup)
        return self._path

    @property
    def exists(self) -> bool:
        return self._path is not None and self._path.is_dir()

    def write(self, name: str, data: bytes, group: object = None) -> Path:
        """Write ``data`` as a new 0600 file (replacing an earlier copy of the same name)."""
        if "/" in name or "\\" in name or name in ("", ".", ".."):
            raise ValueError(f"not a plain file name: {name!r}")
        target = self.path / name
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(target, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except BaseException:
            with contextlib.suppress(OSError):
                target.unlink()
            raise
        self._by_group.setdefault(group, set()).add(target)
        return target

    def files(self, group: object = None) -> set[Path]:
        return {p for p in self._by_group.get(group, set()) if p.exists()}

    def remove_group(self, group: object) -> None:
        """Remove the files written for one group (e.g. one case when it closes)."""
        for path in self._by_group.pop(group, set()):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def cleanup(self) -> None:
        """Remove every file and the directory; safe to call any number of times."""
        for group in list(self._by_group):
            self.remove_group(group)
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)
            self._path = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.cleanup)


def sweep_stale(base: Path) -> list[Path]:
    """Remove viewing directories whose Casepath process is gone (a crash or a kill)."""
    removed: list[Path] = []
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return removed
    with contextlib.suppress(OSError):
        for entry in base.iterdir():
            if not entry.name.startswith(PREFIX) or entry.is_symlink() or not entry.is_dir():
                continue
            pid_text = entry.name[len(PREFIX) :].split("-", 1)[0]
            if not pid_text.isdigit():
                continue
            try:
                if entry.stat().st_uid != os.getuid():
                    continue
            except OSError:
                continue
            if not _alive(int(pid_text)):
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
