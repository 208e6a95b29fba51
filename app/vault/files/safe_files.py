"""Creating files all-or-nothing and private: a 0600 temp file beside the target, then a rename.

Every file Casepath writes (backup, restore, export, pack, summary, calendar) is first written
under a name no one would take for the real thing (``.report.pdf.4711-k3j9.casepath-tmp``), made
durable with fsync, and only then given its final name in one atomic step. A crash therefore
leaves nothing under the target's name; the temp file it leaves names the process that made it,
so the next start can tell a dead process's leftovers from a running one's and remove them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import time
from pathlib import Path

TEMP_SUFFIX = ".casepath-tmp"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_TEMP = re.compile(r"^\..+\.(\d+)-[0-9a-z]+\.casepath-tmp(-journal|-wal|-shm)?$")
_LEGACY = re.compile(r"^\..+\.partial$")  # what exports wrote before temp names carried a pid
LEGACY_AGE_SECONDS = 600


def temp_path_for(target: Path) -> Path:
    """A fresh hidden name beside ``target`` that carries this process's id."""
    target = Path(target)
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(3)}{TEMP_SUFFIX}")


def create_private(path: Path) -> int:
    """Create ``path`` (which must not exist) readable by this account only; returns the fd."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    with contextlib.suppress(OSError):
        os.fchmod(fd, FILE_MODE)  # explicit, whatever the umask
    return fd


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new 0600 file and fsync it."""
    fd = create_private(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        remove_quietly(path)
        raise


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to fsync)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def move_into_place(tmp: Path, target: Path, overwrite: bool = False) -> None:
    """Give ``tmp`` the name ``target`` atomically; without ``overwrite`` never replace a file.

    A hard link fails atomically when the name is taken, so two writers cannot both win; file
    systems without hard links (FAT, some network shares) fall back to a checked rename.
    """
    tmp, target = Path(tmp), Path(target)
    if overwrite:
        os.replace(tmp, target)
    else:
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            if target.exists():
                raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
            os.replace(tmp, target)
        else:
            os.unlink(tmp)
    fsync_dir(target.parent)


def remove_quietly(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and parents) as 0700; an existing folder is left as the user set it."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder, FOLDER_MODE)
    return folder


def is_casepath_temp(name: str) -> bool:
    return bool(_TEMP.match(name) or _LEGACY.match(name))


def sweep_stale_temp_files(folder: Path, now: float | None = None) -> list[Path]:
    """Remove Casepath temp files in ``folder`` whose process is gone; returns what was removed.

    Only names made by `temp_path_for` (and the older ``.name.partial`` exports, once they are
    ten minutes old) are touched, only when owned by this account.
    """
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        legacy = _LEGACY.match(entry.name)
        if not (match or legacy):
            continue
        try:
            st = entry.lstat()
        except OSError:
            continue
        if not entry.is_file() or entry.is_symlink():
            continue
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            continue
        if match and _alive(int(match.group(1))):
            continue
        if legacy and now - st.st_mtime < LEGACY_AGE_SECONDS:
            continue
        with contextlib.suppress(OSError):
            entry.unlink()
            removed.append(entry)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
