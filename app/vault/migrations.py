"""Numbered SQL migrations: ``migrations/NNNN_name.sql``, each applied in one transaction.

Every file ends by setting ``PRAGMA user_version`` to its own number, so a vault is always at
exactly one version. Before upgrading an existing vault, an encrypted copy is written beside
it; a vault newer than this program is refused and left untouched.

From schema 6 the audit chain commits to the records (`record_check`): after the migrations,
a vault that has never been baselined gets one baseline event per record, and rows that were
intact before a later migration changed their columns are re-baselined, so an upgrade neither
breaks `verify` nor launders a row that was already tampered with. From schema 12 the triggers
that keep earlier versions of records are (re)written from the tables' columns after that.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from sqlcipher3 import dbapi2

from app.vault.audit import record_check, record_versions
from app.vault.connection import Connection
from app.vault.errors import DamagedVault, VaultTooNew

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """Split into statements without executescript (which would COMMIT mid-migration)."""
        out: list[str] = []
        buf = ""
        for line in self.sql.splitlines(keepends=True):
            if not buf and (not line.strip() or line.lstrip().startswith("--")):
                continue
            buf += line
            if dbapi2.complete_statement(buf):
                out.append(buf.strip())
                buf = ""
        if buf.strip():
            raise ValueError(f"migration {self.name} ends with an incomplete statement")
        return out


def available() -> list[Migration]:
    found = []
    folder = resources.files("app.vault") / "migrations"
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda mig: mig.version)
    # Numbers rise strictly; a gap is allowed while branches land out of order. A vault's
    # user_version is the last number applied, so a lower number arriving later is never
    # applied to it: close every gap before a release (test_migrations checks it).
    for before, mig in zip([None, *found], found, strict=False):
        if before is not None and mig.version == before.version:
            raise RuntimeError(f"two migrations are numbered {mig.version}: {mig.name}")
        if f"PRAGMA user_version = {mig.version};" not in mig.sql:
            raise RuntimeError(f"{mig.name} must end by setting PRAGMA user_version")
    return found


def latest_version() -> int:
    migs = available()
    return migs[-1].version if migs else 0


def apply_one(conn: Connection, mig: Migration) -> None:
    with conn.transaction():
        for stmt in mig.statements():
            conn.execute(stmt)
        got = conn.user_version()
        if got != mig.version:
            raise RuntimeError(f"{mig.name} left user_version at {got}")


def backup_path(vault: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return vault.with_name(f"{vault.stem}.v{version}-before-upgrade-{stamp}{vault.suffix}")


def upgrade(conn: Connection, passphrase: str, target: int | None = None) -> Path | None:
    """Bring the vault up to ``target`` (default: latest); returns the backup's path if one
    was taken. A vault at version 0 (just created) is built from scratch without a backup."""
    migs = available()
    latest = migs[-1].version if migs else 0
    target = latest if target is None else target
    current = conn.user_version()
    if current > latest:
        raise VaultTooNew(current, latest)
    if current >= target:
        # Only a baseline interrupted by a crash is left to do; a damaged page here is for
        # `verify` to report, not a reason to refuse opening.
        with contextlib.suppress(DamagedVault):
            _settle_records(conn, None)
            _install_versioning(conn)
        return None
    backup = None
    if current > 0:
        backup = backup_path(conn.path, current)
        conn.backup_to(backup, passphrase)
    intact = None
    if current >= RECORDS_VERSION and record_check.has_baseline(conn):
        intact = record_check.intact_rows(conn)
    for mig in migs:
        if current < mig.version <= target:
            try:
                apply_one(conn, mig)
            except dbapi2.DatabaseError as exc:
                raise DamagedVault(
                    conn.path, f"upgrade to version {mig.version} failed: {exc}"
                ) from None
    _settle_records(conn, intact)
    _install_versioning(conn, began=0 < current < record_versions.VERSIONS_VERSION <= target)
    return backup


def _install_versioning(conn: Connection, began: bool = False) -> None:
    """The triggers that keep earlier versions, written from the tables' current columns.
    ``began``: this upgrade applied the migration that started keeping versions, so the chain
    records from which event on they were kept (never later: ``meta`` is not protected)."""
    try:
        record_versions.install(conn)
        if began:
            record_versions.mark_beginning(conn, record_check.UPGRADE_ACTOR)
    except dbapi2.DatabaseError as exc:
        raise DamagedVault(conn.path, f"the record history cannot be set up: {exc}") from None


RECORDS_VERSION = 7  # the schema from which audit events carry record hashes


def _settle_records(conn: Connection, intact_before: set[tuple[str, str]] | None) -> None:
    """Baseline a vault once, or re-baseline rows a migration changed (see the docstring)."""
    if conn.user_version() < RECORDS_VERSION:
        return
    if not record_check.has_baseline(conn):
        with conn.transaction():
            record_check.baseline(conn, reason="first baseline")
            record_check.mark_baseline(conn)
    elif intact_before:
        changed = intact_before - record_check.intact_rows(conn)
        if changed:
            with conn.transaction():
                record_check.baseline(
                    conn, changed, reason=f"schema {conn.user_version()} changed the columns"
                )
