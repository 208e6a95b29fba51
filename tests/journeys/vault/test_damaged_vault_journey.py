"""Issue 18: the window unlocks with the cheap checks only and checks every page in the
background. A damaged vault still ends read-only with the banner, a refused save keeps its
dialog open with the message, and a lock while the check runs is safe."""

from __future__ import annotations

import threading

from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.vault import page_check
from app.views.case.dialogs.new_case_dialog import NewCaseDialog
from tests import damage
from tests.factories import employee
from tests.journeys.walk import click, dialog, trigger


def _vault_with_people(path, passphrase, clock) -> None:
    svc = create_vault(path, passphrase, Officer(name="Hana Officer"), clock)
    for i in range(40):
        svc.employees.add(employee(f"E{i:04d}", f"Person {i}"))
    svc.close()


def _unlock(qtbot, session, path, passphrase):
    session.start(path)
    session.unlock_window.passphrase.setText(passphrase)
    with qtbot.waitSignal(session.unlocked, timeout=15_000):
        click(qtbot, session.unlock_window.unlock_button)
    qtbot.waitExposed(session.main_window)
    return session.main_window


def test_a_damaged_vault_turns_read_only_with_the_banner_after_unlock(
    qtbot, app_session, vault_path, passphrase, clock
):
    _vault_with_people(vault_path, passphrase, clock)
    damage.damage_page(vault_path, damage.pages(vault_path) - 1)
    window = _unlock(qtbot, app_session, vault_path, passphrase)
    banner = window.statusBar().findChild(object, "damage_banner")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=15_000)  # the background check
    assert "read-only" in banner.text() and "damaged page" in banner.text()
    services = app_session.services
    assert services.vault.read_only
    # A save refused by the damage keeps the dialog open, with the message in words.
    trigger(window, "newCaseAction")
    new_case = dialog(qtbot, window, NewCaseDialog)
    new_case.employee.setCurrentIndex(0)
    click(qtbot, new_case.buttons.button(new_case.buttons.StandardButton.Ok))
    assert new_case.isVisible() and "read-only" in new_case.errors.text()
    new_case.reject()
    assert services.cases.all() == []  # nothing was written
    app_session.lock("request")
    reopened = open_vault(vault_path, passphrase, clock)  # the full check at open: same answer
    try:
        assert reopened.vault.read_only
    finally:
        reopened.close()


def test_a_clean_vault_stays_writable_after_its_background_check(
    qtbot, app_session, vault_path, passphrase, clock
):
    _vault_with_people(vault_path, passphrase, clock)
    window = _unlock(qtbot, app_session, vault_path, passphrase)
    watch = app_session.page_check_watch
    watch.worker.join(15)
    qtbot.waitUntil(lambda: watch.done, timeout=5_000)
    assert not app_session.services.vault.read_only
    assert not window.statusBar().findChild(object, "damage_banner").isVisible()


def test_locking_while_the_background_check_runs_is_safe(
    qtbot, app_session, vault_path, passphrase, clock, monkeypatch
):
    entered, release = threading.Event(), threading.Event()
    real = page_check.damage_of

    def slow(raw):
        entered.set()
        release.wait(15)
        return real(raw)

    monkeypatch.setattr(page_check, "damage_of", slow)
    _vault_with_people(vault_path, passphrase, clock)
    damage.damage_page(vault_path, damage.pages(vault_path) - 1)  # it would find damage
    _unlock(qtbot, app_session, vault_path, passphrase)
    watch = app_session.page_check_watch
    services = app_session.services
    assert entered.wait(15)
    app_session.lock("request")  # deletes the main window while the check reads the file
    qtbot.wait(50)  # the window's deferred delete runs
    release.set()
    watch.worker.join(15)
    assert not watch.worker.is_alive()
    qtbot.wait(50)  # any queued result would be delivered now
    assert app_session.is_locked and app_session.main_window is None
    assert services.vault.page_check.cancelled and services.vault.page_check._raw is None
    assert not services.vault.read_only  # the late result was dropped, not applied
    # Unlocking again starts a fresh check, which finds the damage.
    monkeypatch.setattr(page_check, "damage_of", real)
    window = _unlock(qtbot, app_session, vault_path, passphrase)
    banner = window.statusBar().findChild(object, "damage_banner")
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=15_000)
