"""Verified backups: a copy appears under its final name only after it has been proven good.

The copy is written by ``VACUUM INTO`` (SQLCipher encrypts it with the vault's own passphrase
under a fresh salt: never plaintext, and no passphrase has to be kept by the app for automatic
backups) into a 0600 temp file in the target folder, fsynced, reopened and checked:
``cipher_integrity_check``, ``integrity_check`` and a digest of every table compared with the
source's, taken under the same lock. With the passphrase at hand (the CLI) the reopening is a new
connection keyed with it; without (the app's automatic backups) it is an ``ATTACH`` that reuses
the open vault's key. Only then is the copy linked into place. A source that fails its own
integrity check is refused: copying damage would make a damaged "good" backup.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from urllib.parse import quote

import sqlcipher3
from sqlcipher3 import dbapi2

from app.vault.audit import integrity
from app.vault.errors import (
    BackupFailed,
    CannotWriteFile,
    DiskFull,
    SourceDamaged,
    VaultExists,
)
from app.vault.files import safe_files


def _raw_connect(path: Path, mode: str) -> dbapi2.Connection:
    uri = f"file:{quote(str(Path(path).resolve()))}?mode={mode}"
    raw = sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    raw.execute("PRAGMA cipher_log_level = NONE")
    return raw


def _key(raw: dbapi2.Connection, passphrase: str) -> None:
    from app.vault.connection import _key as key

    key(raw, passphrase)


def check_copy(path: Path, passphrase: str, expected: dict[str, str] | None) -> dict[str, str]:
    """Open ``path`` read-only with ``passphrase`` and prove it whole; returns its digests.

    Raises `BackupFailed` naming what failed (HMAC, structure, or which tables differ).
    """
    raw = _raw_connect(path, "ro")
    try:
        _key(raw, passphrase)
        try:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            raise BackupFailed(f"the copy does not open with the passphrase ({exc})") from None
        report = integrity.check(raw)
        if not report.ok:
            raise BackupFailed(f"the copy failed its integrity check: {report.summary()}")
        digests = integrity.table_digests(raw)
    finally:
        raw.close()
    if expected is not None:
        diff = integrity.differing(expected, digests)
        if diff:
            raise BackupFailed("the copy differs from the vault in: " + ", ".join(diff))
    return digests


def _check_attached(
    source: dbapi2.Connection, path: Path, expected: dict[str, str]
) -> dict[str, str]:
    """The same checks as `check_copy`, through ``ATTACH`` with the source's key."""
    source.execute("ATTACH DATABASE ? AS casepath_copy", (str(path),))
    try:
        try:
            report = integrity.check(source, schema="casepath_copy")
            if not report.ok:
                raise BackupFailed(f"the copy failed its integrity check: {report.summary()}")
            digests = integrity.table_digests(source, "casepath_copy")
        except dbapi2.DatabaseError as exc:
            raise BackupFailed(f"the copy cannot be read back ({exc})") from None
    finally:
        source.execute("DETACH DATABASE casepath_copy")
    diff = integrity.differing(expected, digests)
    if diff:
        raise BackupFailed("the copy differs from the vault in: " + ", ".join(diff))
    return digests


def verified_copy(
    source: dbapi2.Connection,
    lock: object,
    target: Path,
    passphrase: str | None = None,
    overwrite: bool = False,
    check_source: bool = True,
) -> dict[str, str]:
    """Copy the keyed ``source`` to ``target`` all-or-nothing; returns the copy's digests.

    ``lock`` (the source connection's lock) is held while copying and digesting, so the digest
    describes exactly the state copied. ``passphrase``, when given, must be the source's.
    The answer also holds, under `HEAD_KEY`, the audit chain head the copy holds (``SEQ:HASH``):
    the caller records it in the vault's trail and shows it, so a backup anchors the history.
    """
    target = Path(target)
    if target.is_dir():
        raise CannotWriteFile(target, "it is a folder; choose a file name")
    if not target.parent.is_dir():
        raise CannotWriteFile(target, f"the folder {target.parent} does not exist")
    if target.exists() and not overwrite:
        raise VaultExists(target)
    tmp = safe_files.temp_path_for(target)
    try:
        with lock:  # type: ignore[attr-defined]
            if check_source:
                report = integrity.check(source)
                if not report.ok:
                    raise SourceDamaged(report.summary())
            expected = integrity.table_digests(source)
            head = copied_head(source)
            # 0600 before SQLite writes to it (VACUUM INTO accepts an empty file).
            os.close(safe_files.create_private(tmp))
            source.execute("VACUUM INTO ?", (str(tmp),))
            safe_files.fsync_file(tmp)
            if passphrase is None:
                digests = _check_attached(source, tmp, expected)
        if passphrase is not None:
            digests = check_copy(tmp, passphrase, expected)
        try:
            safe_files.move_into_place(tmp, target, overwrite=overwrite)
        except FileExistsError:
            raise VaultExists(target) from None
    except OSError as exc:
        safe_files.remove_quietly(tmp)
        if exc.errno == errno.ENOSPC:
            raise DiskFull() from None
        raise CannotWriteFile(target, (exc.strerror or type(exc).__name__).lower()) from None
    except dbapi2.DatabaseError as exc:
        safe_files.remove_quietly(tmp)
        text = str(exc).lower()
        if "full" in text:
            raise DiskFull() from None
        raise BackupFailed(str(exc)) from None
    except BaseException:
        safe_files.remove_quietly(tmp)
        raise
    return {**digests, HEAD_KEY: head}


HEAD_KEY = "audit chain head"  # in `verified_copy`'s answer beside the table digests


def copied_head(raw: dbapi2.Connection) -> str:
    """``"SEQ:HASH"`` of the newest audit event (``"0:"`` for none): what a backup holds."""
    row = raw.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    return f"{row[0]}:{row[1]}" if row else "0:"


def inspect_file(
    path: Path, passphrase: str
) -> tuple[dbapi2.Connection, integrity.IntegrityReport]:
    """Open any vault file read-only with ``passphrase`` and check it (for restore/verify)."""
    raw = _raw_connect(path, "ro")
    try:
        _key(raw, passphrase)
        try:
            raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError as exc:
            from app.vault.connection import explain_unreadable

            raise explain_unreadable(raw, Path(path), exc) from None
        return raw, integrity.check(raw)
    except BaseException:
        with contextlib.suppress(Exception):
            raw.close()
        raise
