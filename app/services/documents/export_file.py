"""Writing a file the officer chose, all or nothing.

Exports (JSON, calendars, packs, summaries) hold case content in plaintext by the officer's
choice; a failed write (missing folder, full disk, a crash) must not leave a half-written copy
under the target's name, and must say what to do instead of surfacing an ``OSError`` traceback.
The temp file is 0600 and named by `app.vault.files.safe_files` so the next start can sweep it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from app.vault.errors import CannotWriteFile
from app.vault.files import safe_files


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
    """Write ``data`` (0600, fsynced) next to ``target`` under a hidden temp name; `publish`
    moves it into place."""
    target = check_target(target)
    tmp = safe_files.temp_path_for(target)
    try:
        safe_files.write_private(tmp, data)
    except OSError as exc:
        discard(tmp)
        raise CannotWriteFile(target, _why(exc)) from None
    return tmp


def write_partial_stream(target: Path, chunks: Iterable[bytes]) -> Path:
    """`write_partial` for data made a piece at a time (a million-event audit CSV): only one
    piece is ever in memory."""
    target = check_target(target)
    tmp = safe_files.temp_path_for(target)
    try:
        with os.fdopen(safe_files.create_private(tmp), "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        discard(tmp)
        raise CannotWriteFile(target, _why(exc)) from None
    except BaseException:
        discard(tmp)
        raise
    return tmp


def publish(tmp: Path, target: Path) -> None:
    try:
        safe_files.move_into_place(tmp, target, overwrite=True)
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
