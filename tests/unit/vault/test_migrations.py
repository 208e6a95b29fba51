"""Every upgrade path: a vault at each earlier version opens, is backed up, then upgraded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.domain.records import Officer
from app.services.services import open_vault
from app.vault import migrations
from app.vault.connection import Connection
from app.vault.errors import VaultTooNew
from app.vault.repositories.people_repository import EmployeeRepository, OfficerRepository
from app.vault.vault import Vault
from tests.conftest import PASSPHRASE
from tests.factories import employee

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "vaults"
LATEST = migrations.latest_version()


def _vault_at(path: Path, version: int) -> None:
    conn = Connection.create(path, PASSPHRASE)
    migrations.upgrade(conn, PASSPHRASE, target=version)
    with conn.transaction():
        OfficerRepository(conn).add(Officer(name="Old Officer"))
        EmployeeRepository(conn).add(employee("E0042", "Łukasz Żółć"))
        from app.vault.audit import audit_log

        audit_log.append(conn, "Old Officer", "vault.create", "vault", "", {})
        if version >= migrations.RECORDS_VERSION:
            # From that schema on, the app writes an event for every row it stores.
            from app.vault.audit import record_check

            record_check.baseline(conn, reason="written by that version")
    conn.close()


def test_migrations_are_numbered_in_rising_order_and_set_their_version():
    migs = migrations.available()
    versions = [m.version for m in migs]
    assert (
        versions == sorted(set(versions))
        and versions[0] == 1
        and 6 in versions
        and 7 in versions
        and versions[-1] == LATEST
    )
    for mig in migs:
        assert mig.statements(), mig.name


@pytest.mark.parametrize("version", [m.version for m in migrations.available()][:-1])
def test_upgrade_from_each_earlier_version(tmp_path, version):
    path = tmp_path / f"v{version}.casepath"
    _vault_at(path, version)
    svc = open_vault(path, PASSPHRASE)
    try:
        assert svc.vault.conn.user_version() == LATEST
        assert svc.vault.upgraded_from == version
        assert svc.employees.by_number("E0042").name == "Łukasz Żółć"
        assert svc.vault.verify().ok
        backup = svc.vault.upgrade_backup
    finally:
        svc.close()
    assert backup is not None and backup.exists()
    old = Connection.open(backup, PASSPHRASE)  # the backup is encrypted with the same key
    assert old.user_version() == version
    old.close()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("v*.casepath")), ids=lambda p: p.name)
def test_committed_fixture_vaults_upgrade(tmp_path, fixture):
    """Vaults written by earlier versions of Casepath (tests/fixtures/vaults/README.md)."""
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    svc = open_vault(path, (FIXTURES / "PASSPHRASE").read_text().strip())
    try:
        assert svc.vault.conn.user_version() == LATEST
        assert svc.vault.verify().ok
        assert len(svc.employees.all()) > 0
    finally:
        svc.close()


def test_a_vault_newer_than_the_program_is_refused_untouched(services, vault_path):
    services.vault.conn.execute(f"PRAGMA user_version = {LATEST + 3}")
    services.close()
    before = vault_path.read_bytes()
    with pytest.raises(VaultTooNew) as info:
        Vault.open(vault_path, PASSPHRASE)
    assert str(LATEST + 3) in str(info.value) and str(LATEST) in str(info.value)
    assert vault_path.read_bytes() == before


def test_a_failed_migration_leaves_the_old_version(tmp_path):
    path = tmp_path / "v1.casepath"
    _vault_at(path, 1)
    broken = migrations.Migration(
        2,
        "0002_broken.sql",
        "CREATE TABLE x(a);\nSELECT no_such_function();\nPRAGMA user_version = 2;",
    )
    conn = Connection.open(path, PASSPHRASE)
    with pytest.raises(Exception):  # noqa: B017 - any failure must roll back
        migrations.apply_one(conn, broken)
    assert conn.user_version() == 1
    assert conn.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'x'") == 0
    conn.close()
