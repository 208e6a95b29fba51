"""Verified backups: nothing under the final name until the copy is proven to hold the vault."""

from __future__ import annotations

import shutil
import stat

import pytest

from app.services.services import open_vault
from app.vault.audit import integrity
from app.vault.connection import Connection
from app.vault.errors import BackupFailed, SourceDamaged, VaultExists
from app.vault.files import backup as backup_module
from app.vault.files import safe_files
from app.vault.files.backup import check_copy
from tests import damage
from tests.conftest import PASSPHRASE
from tests.factories import UNICODE_NAMES, employee


def _fill(services, n: int = 40) -> None:
    for i in range(n):
        services.employees.add(employee(f"E{i:04d}", f"{UNICODE_NAMES[i % 6]} {i}"))


def _leftovers(folder, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_backup_is_private_verified_and_equal_to_the_vault(services, vault_path, tmp_path):
    _fill(services)
    out = tmp_path / "backups" / "b.casepath"
    out.parent.mkdir()
    source_digests = integrity.table_digests(services.vault.conn.raw)
    services.backup(out, PASSPHRASE)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert _leftovers(out.parent, {"b.casepath"}) == []
    copy = Connection.open(out, PASSPHRASE)
    try:
        assert integrity.table_digests(copy.raw) == source_digests
        assert integrity.check(copy.raw).ok
    finally:
        copy.close()


def test_backup_never_replaces_an_existing_file(services, tmp_path):
    out = tmp_path / "b.casepath"
    out.write_bytes(b"keep me")
    with pytest.raises(VaultExists):
        services.backup(out, PASSPHRASE)
    assert out.read_bytes() == b"keep me"
    assert _leftovers(tmp_path, {"b.casepath", "cases.casepath"}) == []


def test_a_copy_that_fails_its_check_leaves_nothing_under_the_name(services, tmp_path, monkeypatch):
    _fill(services, 5)

    def broken_check(path, passphrase, expected):
        damage.damage_page(path, 2)  # as if the disk corrupted the copy on its way
        return check_copy(path, passphrase, expected)

    monkeypatch.setattr(backup_module, "check_copy", broken_check)
    out = tmp_path / "b.casepath"
    with pytest.raises(BackupFailed) as info:
        services.backup(out, PASSPHRASE)
    assert "integrity check" in str(info.value) or "does not open" in str(info.value)
    assert not out.exists()
    assert _leftovers(tmp_path, {"cases.casepath"}) == []


def test_a_copy_whose_content_differs_is_refused(services, tmp_path, monkeypatch):
    _fill(services, 5)
    monkeypatch.setattr(
        backup_module,
        "check_copy",
        lambda p, pw, expected: check_copy(p, pw, {**expected, "employees": "x"}),
    )
    out = tmp_path / "b.casepath"
    with pytest.raises(BackupFailed) as info:
        services.backup(out, PASSPHRASE)
    assert "differs from the vault in: employees" in str(info.value)
    assert not out.exists()


def test_a_damaged_vault_is_not_backed_up_and_the_message_says_what_verify_found(
    services, vault_path, tmp_path
):
    _fill(services)
    services.close()
    page = damage.pages(vault_path) - 2
    damage.damage_page(vault_path, page)
    conn = Connection.open(vault_path, PASSPHRASE)  # the raw file still opens
    out = tmp_path / "b.casepath"
    try:
        with pytest.raises(SourceDamaged) as info:
            conn.backup_to(out, PASSPHRASE)
    finally:
        conn.close()
    text = str(info.value)
    assert f": {page}" in text and "restore" in text
    assert not out.exists()
    assert _leftovers(tmp_path, {"cases.casepath"}) == []


def test_the_backup_opens_as_a_vault_with_its_cases(services, tmp_path):
    _fill(services, 3)
    out = tmp_path / "b.casepath"
    services.backup(out, PASSPHRASE)
    shutil.copy(out, tmp_path / "c.casepath")
    copy = open_vault(tmp_path / "c.casepath", PASSPHRASE)
    try:
        assert len(copy.employees.all()) == 3
    finally:
        copy.close()


def test_the_app_backs_up_without_holding_the_passphrase(services, tmp_path):
    _fill(services, 3)
    out = tmp_path / "b.casepath"
    services.backup(out)  # checked through the open key
    copy = open_vault(out, PASSPHRASE)
    try:
        assert len(copy.employees.all()) == 3 and copy.vault.verify().ok
    finally:
        copy.close()


def test_a_copy_damaged_on_its_way_is_caught_without_the_passphrase(
    services, tmp_path, monkeypatch
):
    _fill(services, 3)
    real = safe_files.fsync_file

    def corrupt_then_sync(path):
        damage.damage_page(path, 2)
        real(path)

    monkeypatch.setattr(backup_module.safe_files, "fsync_file", corrupt_then_sync)
    out = tmp_path / "b.casepath"
    with pytest.raises(BackupFailed) as info:
        services.backup(out)
    assert "page: 2" in str(info.value) or "cannot be read back" in str(info.value)
    assert not out.exists() and _leftovers(tmp_path, {"cases.casepath"}) == []
