"""File → Back up now / Restore from backup… / Backup folder…, driven as an officer would, with
results checked in the backup folder and the restored vault; backups on lock."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from app.domain.records import Officer
from app.services.auto_backup import dated_backups
from app.services.services import create_vault, open_vault
from app.vault.files.restore import inspect_backup
from app.views.backup import backup_on_close, install_backup_actions
from app.views.backup.restore_dialog import RestoreDialog
from app.views.session_controller import SessionController
from tests import damage
from tests.conftest import PASSPHRASE
from tests.factories import employee


class ShellWindow(QMainWindow):
    """Stands in for the main window: a File menu, a status bar and ``lock_requested``."""

    lock_requested = Signal(str)


@pytest.fixture
def shell(qtbot, services, settings_store, tmp_path):
    window = ShellWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    holder = {"services": services}
    actions = install_backup_actions(window, menu, lambda: holder["services"], settings_store)
    settings_store.backup_folder = tmp_path / "backups"
    window.show()
    return window, {a.objectName(): a for a in actions}, holder


def test_every_action_has_an_object_name(shell):
    window, actions, _ = shell
    assert set(actions) == {"action_back_up_now", "action_restore_backup", "action_backup_folder"}
    assert all(a in window.findChildren(QAction) for a in actions.values())


def test_back_up_now_writes_a_verified_backup_and_shows_when(
    qtbot, shell, services, vault_path, tmp_path
):
    window, actions, _ = shell
    label = window.statusBar().findChild(object, "last_backup_label")
    assert label.text().startswith("No verified backup yet")
    services.employees.add(employee())
    actions["action_back_up_now"].trigger()
    qtbot.waitUntil(lambda: label.text().startswith("Last verified backup:"), timeout=10_000)
    backups = dated_backups(tmp_path / "backups", vault_path)
    assert len(backups) == 1
    assert inspect_backup(next(iter(backups.values())), PASSPHRASE).employees == 1


def test_restore_dialog_checks_first_then_restores_keeping_the_old_vault(
    qtbot, shell, services, vault_path, tmp_path
):
    window, actions, holder = shell
    services.employees.add(employee("E1001", "Zoë Ångström"))
    backup = tmp_path / "monday.casepath"
    services.backup(backup, PASSPHRASE)
    services.employees.add(employee("E2002", "After The Backup"))
    target = tmp_path / "elsewhere.casepath"
    target.write_bytes(vault_path.read_bytes())

    actions["action_restore_backup"].trigger()
    dialog = window.findChild(RestoreDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.restore_button.isEnabled()  # not before the check
    dialog.backup_path.setText(str(backup))
    dialog.target_path.setText(str(target))
    qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "passphrase does not open" in dialog.details.text(), timeout=10_000)
    assert not dialog.restore_button.isEnabled()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "Cases: 0" in dialog.details.text(), timeout=10_000)
    assert "employees: 1" in dialog.details.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.restore_button.click()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("elsewhere.before-restore-")]
    assert len(kept) == 1
    restored = open_vault(target, PASSPHRASE)
    try:
        assert [e.employee_number for e in restored.employees.all()] == ["E1001"]
    finally:
        restored.close()
    assert "Restored elsewhere.casepath" in window.statusBar().currentMessage()


def test_restoring_the_open_vault_asks_to_lock(qtbot, shell, services, vault_path, tmp_path):
    window, actions, _ = shell
    backup = tmp_path / "b.casepath"
    services.backup(backup, PASSPHRASE)
    actions["action_restore_backup"].trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog.target_path.text() == str(vault_path)  # the open vault by default
    dialog.backup_path.setText(str(backup))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.check_button.click()
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(window.lock_requested, timeout=10_000) as lock:
        dialog.restore_button.click()
    assert lock.args == ["restore"]
    assert services.skip_auto_backup  # the lock must not back up the replaced file


def test_a_damaged_vault_shows_the_read_only_banner(qtbot, settings_store, tmp_path):
    path = tmp_path / "d.casepath"
    svc = create_vault(path, PASSPHRASE, Officer(name="Hana Officer"))
    for i in range(40):
        svc.employees.add(employee(f"E{i:04d}", f"Person {i}"))
    svc.close()
    damage.damage_page(path, damage.pages(path) - 1)
    svc = open_vault(path, PASSPHRASE)
    try:
        window = ShellWindow()
        qtbot.addWidget(window)
        install_backup_actions(
            window, window.menuBar().addMenu("File"), lambda: svc, settings_store
        )
        window.show()
        banner = window.statusBar().findChild(object, "damage_banner")
        assert banner.isVisible() and "read-only" in banner.text()
        settings_store.backup_folder = tmp_path / "b"
        assert backup_on_close(svc, settings_store) is None  # never backs up damage
    finally:
        svc.close()


def test_locking_makes_todays_automatic_backup_once(
    qtbot, settings_store, vault_path, services, clock, tmp_path
):
    services.close()
    settings_store.backup_folder = tmp_path / "auto"
    controller = SessionController(
        settings_store,
        lambda p, pw: open_vault(p, pw, clock),
        lambda p, pw, name: create_vault(p, pw, Officer(name=name), clock),
        quit_app=lambda: None,
        watch_system=False,
    )
    qtbot.addWidget(controller.unlock_window)
    for _ in range(2):
        controller.start(vault_path)
        controller.unlock_window.passphrase.setText(PASSPHRASE)
        with qtbot.waitSignal(controller.unlocked, timeout=10_000):
            controller.unlock_window.unlock_button.click()
        controller.lock("request")
    backups = dated_backups(tmp_path / "auto", vault_path)
    assert list(backups) == [date(2026, 3, 16)]  # the fixed clock's day, once
    controller.shutdown()


def test_the_backup_folder_is_chosen_in_preferences(qtbot, settings_store, tmp_path):
    from app.views.preferences.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(settings_store)
    qtbot.addWidget(dialog)
    dialog.backup_folder.clear()
    qtbot.keyClicks(dialog.backup_folder, str(tmp_path / "nightly"))
    dialog.accept()
    assert settings_store.backup_folder == tmp_path / "nightly"
    again = PreferencesDialog(settings_store)
    qtbot.addWidget(again)
    assert again.backup_folder.text() == str(tmp_path / "nightly")
    again.backup_folder.clear()
    again.accept()
    assert settings_store.backup_folder is None
