"""The shared shell pieces: clipboard guard, remembered dialog geometry, background work."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.views.settings_store import SettingsStore
from app.views.widgets.background import BackgroundOp, run_in_background
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.clipboard_guard import ClipboardGuard


def test_clipboard_cleared_after_timeout_when_still_ours(qtbot):
    guard = ClipboardGuard(clear_after_ms=50)
    guard.copy("C-2026-0001 Zoë Ångström")
    assert QGuiApplication.clipboard().text() == "C-2026-0001 Zoë Ångström"
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)
    assert not guard.holds_ours


def test_clipboard_left_alone_when_user_copied_something_else(qtbot):
    guard = ClipboardGuard(clear_after_ms=60_000)
    guard.copy("confidential note")
    QGuiApplication.clipboard().setText("shopping list")
    assert guard.clear() is False
    assert QGuiApplication.clipboard().text() == "shopping list"


def test_clipboard_cleared_on_demand(qtbot):
    guard = ClipboardGuard(clear_after_ms=60_000)
    guard.copy("confidential note")
    assert guard.clear() is True
    assert QGuiApplication.clipboard().text() == ""


def test_clipboard_guard_found_through_parents(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.clipboard_guard = ClipboardGuard(window)
    child = QWidget(window)
    grandchild = QWidget(child)
    assert ClipboardGuard.of(grandchild) is window.clipboard_guard
    loner = QWidget()
    qtbot.addWidget(loner)
    assert ClipboardGuard.of(loner).parent() is loner


class _SplitDialog(BaseDialog):
    def __init__(self, settings: SettingsStore) -> None:
        super().__init__(None, settings)
        layout = QVBoxLayout(self)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("main_split")
        self.splitter.addWidget(QWidget())
        self.splitter.addWidget(QWidget())
        layout.addWidget(self.splitter)


def test_base_dialog_remembers_geometry_and_splitter(qtbot, settings_store):
    first = _SplitDialog(settings_store)
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 420)
    first.splitter.setSizes([100, 500])
    saved_sizes = first.splitter.sizes()
    first.reject()
    assert settings_store.geometry("_SplitDialog") is not None

    second = _SplitDialog(settings_store)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (640, 420)
    assert second.splitter.sizes() == saved_sizes


def test_settings_store_keeps_path_and_bounds_minutes(settings_store, tmp_path):
    assert settings_store.last_vault_path is None
    assert settings_store.auto_lock_minutes == 5
    settings_store.last_vault_path = tmp_path / "a.casepath"
    settings_store.auto_lock_minutes = 12
    assert settings_store.last_vault_path == tmp_path / "a.casepath"
    assert settings_store.auto_lock_minutes == 12
    with pytest.raises(ValueError, match="between"):
        settings_store.auto_lock_minutes = 0


def test_settings_store_keeps_the_calendar_alarm_or_none(settings_store, tmp_path):
    assert settings_store.calendar_alarm_minutes is None  # no alarm until the officer sets one
    settings_store.calendar_alarm_minutes = 30
    settings_store.sync()
    assert SettingsStore.in_file(tmp_path / "settings.ini").calendar_alarm_minutes == 30
    settings_store.calendar_alarm_minutes = 0
    assert settings_store.calendar_alarm_minutes == 0
    with pytest.raises(ValueError, match="between 0 and 10080"):
        settings_store.calendar_alarm_minutes = 10081
    settings_store.calendar_alarm_minutes = None
    assert settings_store.calendar_alarm_minutes is None


class _BusyWidget(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.busy: list[str | None] = []

    def show_busy(self, text: str) -> None:
        self.busy.append(text)

    def hide_busy(self) -> None:
        self.busy.append(None)


def test_background_success_arrives_on_gui_thread(qtbot):
    widget = _BusyWidget()
    qtbot.addWidget(widget)
    results: list[object] = []
    op = BackgroundOp(widget, lambda: 6 * 7, results.append, None, "Counting…")
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert results == [42]
    assert widget.busy == ["Counting…", None]


def test_background_failure_arrives_as_the_exception(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("the file is not readable")

    op = run_in_background(widget, boom, None, errors.append)
    qtbot.waitUntil(lambda: op.done if not errors else True, timeout=5000)
    assert len(errors) == 1
    assert isinstance(errors[0], ValueError)
    assert str(errors[0]) == "the file is not readable"


def test_watching_guard_catches_a_copy_from_any_casepath_widget(qtbot):
    from PySide6.QtWidgets import QLineEdit

    guard = ClipboardGuard(clear_after_ms=50, watch=True, copied_by_us=lambda: True)
    field = QLineEdit("Zoë Ångström missed the 3 March deadline")
    qtbot.addWidget(field)
    field.selectAll()
    field.copy()  # a plain Ctrl+C in some view, not ClipboardGuard.copy()
    assert guard.holds_ours
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)


def test_watching_guard_ignores_another_programs_copy(qtbot):
    guard = ClipboardGuard(clear_after_ms=60_000, watch=True, copied_by_us=lambda: False)
    QGuiApplication.clipboard().setText("copied in the mail program")
    assert not guard.holds_ours
    assert guard.clear() is False
    assert QGuiApplication.clipboard().text() == "copied in the mail program"


def test_background_bool_results_keep_python_alive(qtbot):
    """A bare bool through a PySide6 6.12 signal loses a reference each time: box it."""
    import sys

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(True)
    for _ in range(20):
        results: list[object] = []
        op = BackgroundOp(widget, lambda: True, results.append)
        with qtbot.waitSignal(op.finished, timeout=5000):
            op.start()
        assert results == [True]
    assert sys.getrefcount(True) >= before - 5  # unboxed, it would have dropped by 20
