"""`casepath --demo`: a fresh demo vault in a private temporary folder, removed afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from app.main import run_app
from app.services.demo import DEMO_PASSPHRASE
from app.views.settings_store import SettingsStore
from app.views.unlock.unlock_window import UnlockWindow


def test_demo_start_shows_the_unlock_window_with_the_hint_and_cleans_up(qtbot):
    seen: dict = {}

    def look_and_leave() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, UnlockWindow) and w.isVisible()
        ]
        seen["windows"] = len(windows)
        if windows:
            window = windows[0]
            seen["path"] = window.vault_path
            seen["exists"] = window.vault_path.exists()
            seen["hint"] = " ".join(label.text() for label in window.findChildren(QLabel))
            seen["title"] = window.windowTitle()
            window.close()  # closing the unlock window quits the app
        else:
            QApplication.quit()

    QTimer.singleShot(0, look_and_leave)
    assert run_app(demo=True, vault_path=None) == 0
    assert seen["windows"] == 1
    assert seen["exists"] and seen["path"].name == "demo.casepath"
    assert DEMO_PASSPHRASE in seen["hint"]
    assert seen["title"] == "Locked"
    assert not Path(seen["path"]).parent.exists()  # the temporary folder is gone
    assert SettingsStore().last_vault_path is None  # a demo is never the "last vault"
