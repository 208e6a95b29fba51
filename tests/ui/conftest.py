"""UI test fixtures: QSettings written under tmp_path, never to the developer's profile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.views.settings_store import SettingsStore


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path):
    """Every default-constructed QSettings (BaseDialog, SettingsStore()) lands in tmp_path."""
    folder = tmp_path / "qsettings"
    folder.mkdir()
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def settings_store(tmp_path) -> SettingsStore:
    return SettingsStore.in_file(tmp_path / "settings.ini")


@pytest.fixture(autouse=True, scope="session")
def english_interface(qapp):
    """The window's catalogue as `casepath` installs it at start: English (its plural forms)
    unless a test installs another language on top
    (tests/journeys/window/test_german_journey.py)."""
    from app.views.interface_language import install

    installed = install("en", qapp)
    yield installed
    installed.remove()
