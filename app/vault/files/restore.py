"""Restoring a vault from a backup: check the backup first, say what it holds, keep what was there.

The backup is opened read-only and must pass the same checks as a fresh backup (page HMACs,
structure, audit chain). It is then copied — verified, through a temp file beside the target —
and swapped in with one rename. A vault already at the target is first kept beside it under
a timestamped name (a hard link, so at every instant some complete file holds the old vault),
together with its rollback journal if a crash left one. Nothing is ever deleted.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlcipher3 import dbapi2

from app.vault.audit import audit_log
from app.vault.connection import APPLICATION_ID, Connection, _check_file_shape
from app.vault.errors import (
    BackupDamaged,
    CannotWriteFile,
    DamagedVault,
    NotAVault,
    VaultMissing,
    VaultTooNew,
)
from app.vault.files import safe_files
from app.vault.files.backup import inspect_file, verified_copy


@dataclass(frozen=True)
class BackupSummary:
    """What a verified backup holds, for the officer to confirm before restoring."""

    path: Path
    schema_version: int
    cases: int
    open_cases: int
    employees: int
    last_change: str  # UTC time of the newest audit event, "" when there is none
    audit_events: int
    audit_head: str
    audit_head_seq: int = 0

    def lines(self) -> list[str]:
        return [
            f"Backup {self.path.name}: checked, every page and the audit chain are intact.",
            f"  Cases: {self.cases} ({self.open_cases} open); employees: {self.employees}.",
            f"  Last change: {self.last_change or 'none recorded'} (UTC).",
            f"  Audit chain: {self.audit_events} events; head at event {self.audit_head_seq}, "
            f"hash {self.audit_head}.",
            f"  Vault format version {self.schema_version}.",
        ]


@dataclass(frozen=True)
class RestoreResult:
    summary: BackupSummary
    target: Path
    kept: Path | None  # where the vault that was at the target now is


def inspect_backup(path: Path, passphrase: str) -> BackupSummary:
    """Open ``path`` read-only and prove it is a whole Casepath vault; never writes to it."""
    path = Path(path)
    if not path.exists():
        raise VaultMissing(path)
    if path.is_dir():
        raise NotAVault(path, "it is a folder")
    _check_file_shape(path)
    if Path(f"{path}-journal").exists():
        raise BackupDamaged(
            path,
            "a rollback journal lies beside it, so writing it was interrupted (a crash or "
            "kill) and it was never finished",
        )
    try:
        raw, report = inspect_file(path, passphrase)
    except DamagedVault as exc:
        raise BackupDamaged(path, exc.detail) from None
    try:
        if not report.ok:
            raise BackupDamaged(path, report.summary())
        if raw.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise NotAVault(path, "it is an encrypted database made by another program")
        conn = Connection(path, raw)
        chain = audit_log.verify_chain(conn)
        if not chain.ok:
            raise BackupDamaged(path, str(chain))
        return BackupSummary(
            path=path,
            schema_version=int(raw.execute("PRAGMA user_version").fetchone()[0]),
            cases=_count(raw, "SELECT count(*) FROM cases"),
            open_cases=_count(raw, "SELECT count(*) FROM cases WHERE status = 'open'"),
            employees=_count(raw, "SELECT count(*) FROM employees"),
            last_change=str(raw.execute("SELECT max(at) FROM audit_events").fetchone()[0] or ""),
            audit_events=chain.events,
            audit_head=chain.head_hash,
            audit_head_seq=int(raw.execute("SELECT max(seq) FROM audit_events").fetchone()[0] or 0),
        )
    except dbapi2.DatabaseError as exc:
        raise BackupDamaged(path, str(exc)) from None
    finally:
        raw.close()


def _count(raw: dbapi2.Connection, sql: str) -> int:
    try:
        return int(raw.execute(sql).fetchone()[0])
    except dbapi2.OperationalError:  # an old format without that table
        return 0


def kept_name(target: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    candidate = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    n = 2
    while candidate.exists():
        candidate = target.with_name(f"{target.stem}.before-restore-{stamp}-{n}{target.suffix}")
        n += 1
    return candidate


def restore(
    backup: Path,
    target: Path,
    passphrase: str,
    supported_version: int | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Put a verified copy of ``backup`` at ``target``; an existing vault there is kept beside."""
    backup, target = Path(backup), Path(target)
    summary = inspect_backup(backup, passphrase)
    if supported_version is not None and summary.schema_version > supported_version:
        raise VaultTooNew(summary.schema_version, supported_version)
    if target.is_dir():
        raise CannotWriteFile(target, "it is a folder; choose the vault file to restore to")
    if not target.parent.is_dir():
        raise CannotWriteFile(target, f"the folder {target.parent} does not exist")
    with contextlib.suppress(OSError):
        if target.exists() and os.path.samefile(backup, target):
            raise CannotWriteFile(target, "it is the backup itself")
    staging = safe_files.temp_path_for(target)
    raw, _report = inspect_file(backup, passphrase)
    try:
        verified_copy(raw, _NoLock(), staging, passphrase, check_source=False)
    finally:
        raw.close()
    kept: Path | None = None
    try:
        if target.exists():
            kept = kept_name(target, now)
            if _links_work(target):
                os.link(target, kept)
            else:
                _copy(target, kept)
            journal = Path(f"{target}-journal")
            if journal.exists():  # a crash's rollback journal belongs to the old vault
                os.replace(journal, Path(f"{kept}-journal"))
        os.replace(staging, target)
        safe_files.fsync_dir(target.parent)
    except OSError as exc:
        safe_files.remove_quietly(staging)
        raise CannotWriteFile(target, (exc.strerror or type(exc).__name__).lower()) from None
    return RestoreResult(summary, target, kept)


class _NoLock(contextlib.AbstractContextManager):
    """The backup's connection is private to this call: nothing to serialise against."""

    def __exit__(self, *exc: object) -> None:
        return None


def _links_work(path: Path) -> bool:
    probe = safe_files.temp_path_for(path)
    try:
        os.link(path, probe)
    except OSError:
        return False
    os.unlink(probe)
    return True


def _copy(source: Path, dest: Path) -> None:
    fd = safe_files.create_private(dest)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
