"""Writing a file the officer chose, all or nothing.

Exports (JSON, calendars) hold case content in plaintext by the officer's choice; a failed write
(missing folder, full disk) must not leave a half-written copy behind, and must say what to do
instead of surfacing an ``OSError`` traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from app.vault.errors import CannotWriteFile


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space and try again"
    return (exc.strerror or type(exc).__name__).lower()


def check_target(target: Path) -> Path:
    """Refuse early (before any work) when the chosen file cannot be written."""
    target = Path(target)
    if target.is_dir():
        raise CannotWriteFile(target, "it is a folder; choose a file name")
    if not target.parent.is_dir():
        raise CannotWriteFile(target, f"the folder {target.parent} does not exist")
    return target


def write_partial(target: Path, data: bytes) -> Path:
    """Write ``data`` next to ``target`` under a hidden name; `publish` moves it into place."""
    target = check_target(target)
    tmp = target.with_name(f".{target.name}.partial")
    try:
        # 0600 from the first byte: an export holds case content (COMMON rule: files are 0600).
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # an existing partial file keeps its old mode otherwise
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        discard(tmp)
        raise CannotWriteFile(target, _why(exc)) from None
    return tmp


def publish(tmp: Path, target: Path) -> None:
    try:
        os.replace(tmp, target)
    except OSError as exc:
        discard(tmp)
        raise CannotWriteFile(Path(target), _why(exc)) from None


def discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        Path(tmp).unlink()


@contextlib.contextmanager
def new_file(target: Path, data: bytes) -> Iterator[None]:
    """``target`` holds ``data`` after the block succeeds, and nothing new if it fails.

    Enter it before ``vault.write()`` so the audit event commits first::

        with new_file(out, data), vault.write() as w:
            w.audit(...)
    """
    tmp = write_partial(target, data)
    try:
        yield
        publish(tmp, target)
    finally:
        discard(tmp)
