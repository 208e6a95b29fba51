"""Unlocking: right and wrong passphrase, damaged, newer and foreign files, creating a vault."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.vault.errors import WrongPassphrase
from app.views.unlock.unlock_window import UnlockWindow, describe_failure

STRONG = "quiet lantern orbit maple"


@pytest.fixture
def locked_vault(vault_path, passphrase, clock):
    """A vault on disk, closed, with one employee in it."""
    svc = create_vault(vault_path, passphrase, Officer(name="Hana Officer"), clock=clock)
    svc.close()
    return vault_path


@pytest.fixture
def window(qtbot, settings_store, clock):
    opened: list = []

    def opener(path, passphrase):
        svc = open_vault(path, passphrase, clock)
        opened.append(svc)
        return svc

    def creator(path, passphrase, officer):
        svc = create_vault(path, passphrase, Officer(name=officer), clock)
        opened.append(svc)
        return svc

    w = UnlockWindow(settings_store, opener, creator)
    qtbot.addWidget(w)
    w.show()
    yield w
    for svc in opened:
        if svc.vault.is_open:
            svc.close()


def _unlock(qtbot, window, text):
    window.passphrase.clear()
    qtbot.keyClicks(window.passphrase, text)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)


def test_right_passphrase_unlocks_in_background_and_remembers_the_path(
    qtbot, window, locked_vault, passphrase, settings_store
):
    window.set_vault_path(locked_vault)
    qtbot.keyClicks(window.passphrase, passphrase)
    with qtbot.waitSignal(window.unlocked, timeout=10_000) as got:
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
        assert window.busy and window.busy_bar.isVisible()  # the work is not on the GUI thread
    services = got.args[0]
    assert services.vault.is_open and services.officer.name == "Hana Officer"
    assert settings_store.last_vault_path == locked_vault
    assert window.passphrase.text() == ""  # nothing lingers in the widget
    assert not window.busy_bar.isVisible()


def test_wrong_passphrase_shows_the_plain_message_and_allows_another_try(
    qtbot, window, locked_vault, passphrase
):
    window.set_vault_path(locked_vault)
    unlocked: list = []
    window.unlocked.connect(unlocked.append)
    _unlock(qtbot, window, "not the passphrase")
    assert window.message.text() == str(WrongPassphrase())
    assert not window.problem_box.isVisible()
    assert unlocked == []
    assert window.passphrase.isEnabled() and window.unlock_button.isEnabled()
    with qtbot.waitSignal(window.unlocked, timeout=10_000):
        _unlock(qtbot, window, passphrase)
    assert window.message.text() == ""


def test_damaged_vault_gets_its_own_message(qtbot, window, vault_path, passphrase, clock):
    svc = create_vault(vault_path, passphrase, Officer(name="Hana Officer"), clock=clock)
    page = int(svc.vault.conn.scalar("SELECT rootpage FROM sqlite_master WHERE name='officers'"))
    svc.close()
    data = bytearray(vault_path.read_bytes())
    for i in range((page - 1) * 4096 + 100, (page - 1) * 4096 + 140):
        data[i] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    window.set_vault_path(vault_path)
    _unlock(qtbot, window, passphrase)
    assert window.problem_box.isVisible()
    assert window.problem_title.text() == "This vault is damaged"
    assert "backup" in window.problem_text.text()
    assert "Traceback" not in window.problem_text.text()
    assert window.message.text() == ""


def test_newer_vault_gets_its_own_message(qtbot, window, vault_path, passphrase, clock):
    svc = create_vault(vault_path, passphrase, Officer(name="Hana Officer"), clock=clock)
    svc.vault.conn.execute("PRAGMA user_version = 999")
    svc.close()
    window.set_vault_path(vault_path)
    _unlock(qtbot, window, passphrase)
    assert window.problem_title.text() == "This vault needs a newer Casepath"
    assert "999" in window.problem_text.text()


def test_a_file_that_is_not_a_vault(qtbot, window, tmp_path):
    other = tmp_path / "notes.casepath"
    other.write_text("shopping list\n")
    window.set_vault_path(other)
    _unlock(qtbot, window, "whatever passphrase")
    assert window.problem_title.text() == "This is not a Casepath vault"


def test_unexpected_errors_never_show_a_traceback():
    title, text = describe_failure(RuntimeError("secret detail\nTraceback"))
    assert title == "Something went wrong" and "RuntimeError" in text
    assert "secret detail" not in text


def test_no_vault_yet_means_no_unlock_button(window):
    assert window.vault_path is None
    assert not window.unlock_button.isEnabled()
    assert "create" in window.path_label.text().lower()


def test_create_asks_twice_shows_strength_and_creates(qtbot, window, tmp_path):
    window.show_create_page()
    page = window.create_page
    target = tmp_path / "new.casepath"
    page.path_edit.setText(str(target))
    page.name_edit.setText("Hana Officer")
    qtbot.keyClicks(page.passphrase, "abc")
    assert page.meter.value() == 0 and page.meter_label.text() == "Very weak"
    assert not page.create_button.isEnabled()
    assert "at least 10 characters" in page.errors.text()
    page.passphrase.clear()
    qtbot.keyClicks(page.passphrase, STRONG)
    assert page.meter.value() >= 3
    qtbot.keyClicks(page.repeat, STRONG[:-1])
    assert "differ" in page.errors.text() and not page.create_button.isEnabled()
    qtbot.keyClicks(page.repeat, STRONG[-1])
    assert page.create_button.isEnabled() and page.errors.text() == ""
    with qtbot.waitSignal(window.unlocked, timeout=10_000) as got:
        qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert got.args[0].officer.name == "Hana Officer"
    assert target.exists()


def test_create_refuses_an_existing_file(qtbot, window, locked_vault):
    window.show_create_page()
    page = window.create_page
    page.path_edit.setText(str(locked_vault))
    qtbot.keyClicks(page.passphrase, STRONG)
    qtbot.keyClicks(page.repeat, STRONG)
    assert "never overwrites" in page.errors.text()
    assert not page.create_button.isEnabled()


def test_caps_lock_warning_from_typing(qtbot, window):
    assert not window.caps_warning.isVisible()
    qtbot.keyClick(
        window.passphrase,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.NoModifier,
    )
    assert not window.caps_warning.isVisible()
    # An upper-case letter typed without Shift means Caps Lock is on.
    qtbot.keyClicks(window.passphrase, "Q")
    assert window.caps_warning.isVisible()
    qtbot.keyClicks(window.passphrase, "q")
    assert not window.caps_warning.isVisible()


def test_title_never_names_anyone(window):
    assert window.windowTitle() == "Locked"
