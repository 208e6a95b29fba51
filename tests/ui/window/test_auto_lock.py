"""Auto-lock with a fake clock: inactivity, Ctrl+L and suspend clear everything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.views.auto_lock import AutoLock
from app.views.case.dialogs.new_case_dialog import NewCaseDialog
from app.views.session_controller import SessionController
from tests.factories import open_case


class FakeTime:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def vault_with_cases(vault_path, passphrase, clock):
    svc = create_vault(vault_path, passphrase, Officer(name="Hana Officer"), clock=clock)
    open_case(svc, name="Zoë Ångström", number="E1")
    open_case(svc, name="Łukasz Żółć", number="E2")
    svc.close()
    return vault_path


@pytest.fixture
def session(qtbot, settings_store, fake_time, clock, vault_with_cases, passphrase):
    quits: list[bool] = []
    controller = SessionController(
        settings_store,
        lambda p, pw: open_vault(p, pw, clock),
        lambda p, pw, name: create_vault(p, pw, Officer(name=name), clock),
        now=fake_time,
        quit_app=lambda: quits.append(True),
        watch_system=False,
    )
    controller.quits = quits
    qtbot.addWidget(controller.unlock_window)
    controller.start(vault_with_cases)
    controller.unlock_window.passphrase.setText(passphrase)
    with qtbot.waitSignal(controller.unlocked, timeout=10_000):
        controller.unlock_window.unlock()
    # The main window is the controller's: a lock destroys it, shutdown() the last one.
    yield controller
    controller.shutdown()


def _visible_windows() -> set:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def test_inactivity_locks_after_the_configured_minutes(qtbot, session, fake_time):
    assert session.auto_lock.minutes == 5
    fake_time.t += 299
    assert not session.auto_lock.check()
    # Any key press counts as activity and restarts the wait.
    qtbot.keyClick(session.main_window.case_list.table, Qt.Key.Key_Down)
    fake_time.t += 200
    assert not session.auto_lock.check()
    with qtbot.waitSignal(session.locked) as got:
        fake_time.t += 101
        assert session.auto_lock.check()
    assert got.args == ["inactivity"]
    assert session.is_locked


def test_lock_clears_every_model_window_and_the_clipboard(qtbot, session):
    window = session.main_window
    model = window.case_list.model
    services = session.services
    assert model.rowCount() == 2
    assert "Zoë Ångström" in {model.data(model.index(r, 1)) for r in range(2)}
    attention_models = list(window.attention.models)
    session.clipboard_guard.copy("C-2026-0001 Zoë Ångström")
    dialog = NewCaseDialog(services, window)
    dialog.open()  # a window-modal dialog is up when the lock comes
    qtbot.waitExposed(dialog)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert session.is_locked and session.main_window is None
    assert model.rowCount() == 0 and not model.has_services
    assert all(m.rowCount() == 0 for m in attention_models)
    assert not services.vault.is_open
    assert QGuiApplication.clipboard().text() == ""
    assert not dialog.isVisible() and not window.isVisible()
    assert _visible_windows() == {session.unlock_window}
    assert session.unlock_window.passphrase.text() == ""
    assert "Zoë" not in session.unlock_window.windowTitle()
    assert not session.auto_lock.armed


def test_clipboard_text_copied_elsewhere_survives_the_lock(qtbot, session):
    session.clipboard_guard.copy("C-2026-0001")
    session.clipboard_guard.copied_by_us = lambda: False  # the user copies in another program
    QGuiApplication.clipboard().setText("the user's own text")
    session.lock("request")
    assert QGuiApplication.clipboard().text() == "the user's own text"


def test_suspend_locks(qtbot, session):
    with qtbot.waitSignal(session.locked) as got:
        QGuiApplication.instance().applicationStateChanged.emit(
            Qt.ApplicationState.ApplicationSuspended
        )
    assert got.args == ["suspend"]


def test_system_sleep_signal_locks(qtbot, fake_time):
    lock = AutoLock(5, now=fake_time, watch_system=True)
    requests: list[str] = []
    lock.lock_requested.connect(requests.append)
    lock.system_watch.prepare_for_sleep(True)
    assert requests == []  # not armed: nothing to lock
    lock.arm()
    lock.system_watch.prepare_for_sleep(False)  # waking up is no reason
    lock.system_watch.screen_saver_changed(True)
    assert requests == ["screen locked"]
    lock.shutdown()


def test_unlock_again_after_lock_shows_fresh_data(qtbot, session, passphrase):
    session.lock("request")
    session.unlock_window.passphrase.setText(passphrase)
    with qtbot.waitSignal(session.unlocked, timeout=10_000):
        session.unlock_window.unlock()
    assert session.main_window.case_list.model.rowCount() == 2
    assert session.auto_lock.armed


def test_preferences_change_the_inactivity_limit(qtbot, session, fake_time, settings_store):
    session.main_window.auto_lock_changed.emit(2)
    fake_time.t += 121
    assert session.auto_lock.check()


def test_quit_cleans_up_like_a_lock(qtbot, session):
    services = session.services
    session.clipboard_guard.copy("C-2026-0002")
    session.quit()
    assert session.quits == [True]
    assert not services.vault.is_open
    assert QGuiApplication.clipboard().text() == ""
