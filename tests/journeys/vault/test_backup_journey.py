"""Journey: File → Backup folder…, Back up now, then File → Restore from backup… in the real
window: the backup is verified before the status bar says so, a wrong passphrase is refused
before anything is written, and a restore keeps the vault it replaces beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QLabel

from app.services.auto_backup import dated_backups
from app.services.services import open_vault
from app.vault.files.restore import inspect_backup
from app.views.backup.restore_dialog import RestoreDialog
from tests.factories import employee
from tests.journeys.walk import click, dialog, trigger, type_text


def test_back_up_now_and_restore_from_the_file_menu(
    qtbot, unlocked, tmp_path, passphrase, monkeypatch, vault_path
):
    window, services = unlocked.main_window, unlocked.services
    services.employees.add(employee("E1001", "Zoë Ångström"))
    folder = tmp_path / "backups"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    trigger(window, "action_backup_folder")
    label = window.statusBar().findChild(QLabel, "last_backup_label")
    assert label.text().startswith("No verified backup yet")
    trigger(window, "action_back_up_now")
    qtbot.waitUntil(lambda: label.text().startswith("Last verified backup:"), timeout=15_000)
    (backup,) = dated_backups(folder, vault_path).values()
    assert backup.stat().st_mode & 0o777 == 0o600
    held = inspect_backup(backup, passphrase)
    assert held.employees == 1
    # The status bar and the trail name the chain head the backup holds.
    assert f"audit chain to event {held.audit_head_seq}, {held.audit_head[:16]}" in (
        window.statusBar().currentMessage()
    )
    last = services.vault.audit_events()[-1]
    assert last.action == "vault.backup" and last.seq == held.audit_head_seq + 1

    services.employees.add(employee("E2002", "After The Backup"))
    target = tmp_path / "copy.casepath"
    target.write_bytes(vault_path.read_bytes())
    trigger(window, "action_restore_backup")
    restore = dialog(qtbot, window, RestoreDialog)
    assert not restore.restore_button.isEnabled()  # never before the backup is checked
    restore.backup_path.setText(str(backup))
    restore.target_path.setText(str(target))
    type_text(qtbot, restore.passphrase, "not the passphrase")
    click(qtbot, restore.check_button)
    qtbot.waitUntil(lambda: "passphrase does not open" in restore.details.text(), timeout=15_000)
    assert not restore.restore_button.isEnabled()
    restore.passphrase.clear()
    type_text(qtbot, restore.passphrase, passphrase)
    click(qtbot, restore.check_button)
    qtbot.waitUntil(restore.restore_button.isEnabled, timeout=15_000)
    assert "employees: 1" in restore.details.text()
    assert f"head at event {held.audit_head_seq}, hash {held.audit_head}" in (
        restore.details.text()
    )  # restore shows the head the backup holds
    with qtbot.waitSignal(restore.accepted, timeout=15_000):
        click(qtbot, restore.restore_button)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("copy.before-restore-")]
    assert len(kept) == 1
    restored = open_vault(target, passphrase)
    try:
        assert [e.employee_number for e in restored.employees.all()] == ["E1001"]
    finally:
        restored.close()
