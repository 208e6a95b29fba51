"""Restore: the backup is checked first, says what it holds, and nothing is ever overwritten."""

from __future__ import annotations

import stat
from datetime import UTC, datetime

import pytest

from app.services.services import open_vault
from app.vault.errors import BackupDamaged, VaultTooNew, WrongPassphrase
from app.vault.files.restore import inspect_backup, restore
from tests import damage
from tests.conftest import PASSPHRASE
from tests.factories import employee, open_case

NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)


@pytest.fixture
def backup(services, tmp_path):
    open_case(services, name="Zoë Ångström", number="E1001")
    path = tmp_path / "monday.casepath"
    services.backup(path, PASSPHRASE)
    return path


def test_the_summary_says_what_the_backup_holds(services, backup):
    s = inspect_backup(backup, PASSPHRASE)
    assert (s.cases, s.open_cases, s.employees) == (1, 1, 1)
    assert s.audit_events >= 3 and len(s.audit_head) == 64
    assert s.last_change.startswith("20")
    text = "\n".join(s.lines())
    assert "Cases: 1 (1 open)" in text and s.audit_head[:16] in text


def test_restore_over_a_vault_keeps_the_old_one_beside_it(services, vault_path, backup):
    services.employees.add(employee("E2002", "Łukasz Żółć"))  # a change after the backup
    services.close()
    before = vault_path.read_bytes()
    result = restore(backup, vault_path, PASSPHRASE, now=NOW)
    assert result.kept == vault_path.with_name("cases.before-restore-20260316T093000Z.casepath")
    assert result.kept.read_bytes() == before
    restored = open_vault(vault_path, PASSPHRASE)
    try:
        assert [e.employee_number for e in restored.employees.all()] == ["E1001"]
        assert restored.vault.verify().ok
    finally:
        restored.close()
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600
    # A second restore in the same second keeps both earlier vaults.
    again = restore(backup, vault_path, PASSPHRASE, now=NOW)
    assert again.kept != result.kept and again.kept.exists() and result.kept.exists()


def test_restore_to_a_new_name(backup, tmp_path):
    target = tmp_path / "restored.casepath"
    result = restore(backup, target, PASSPHRASE)
    assert result.kept is None
    restored = open_vault(target, PASSPHRASE)
    try:
        assert restored.vault.verify().ok
    finally:
        restored.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(services, vault_path, backup):
    services.close()
    damage.damage_page(backup, damage.pages(backup) - 1)
    before = vault_path.read_bytes()
    with pytest.raises(BackupDamaged) as info:
        restore(backup, vault_path, PASSPHRASE)
    assert "damaged page" in str(info.value) and "Nothing was changed" in str(info.value)
    assert vault_path.read_bytes() == before
    assert sorted(p.name for p in vault_path.parent.iterdir()) == [
        "cases.casepath",
        "monday.casepath",
    ]


def test_wrong_passphrase_and_too_new_backups_are_refused(backup, tmp_path):
    with pytest.raises(WrongPassphrase):
        restore(backup, tmp_path / "x.casepath", "not the passphrase")
    with pytest.raises(VaultTooNew):
        restore(backup, tmp_path / "x.casepath", PASSPHRASE, supported_version=1)
    assert not (tmp_path / "x.casepath").exists()


def test_a_backup_left_mid_write_by_a_crash_is_refused(backup, tmp_path):
    journal = backup.with_name(backup.name + "-journal")
    journal.write_bytes(b"\0" * 512)
    with pytest.raises(BackupDamaged) as info:
        restore(backup, tmp_path / "x.casepath", PASSPHRASE)
    assert "interrupted" in str(info.value)
    assert not (tmp_path / "x.casepath").exists()
