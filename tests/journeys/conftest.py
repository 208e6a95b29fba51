"""Journey fixtures: the real app session (unlock window → main window) on a fresh vault.

`app_session` starts the SessionController the way `casepath` does, with a fixed date, a fake
inactivity clock and QSettings under tmp_path; the vault does not exist until a journey creates
it (or `unlocked` creates one and unlocks it through the unlock window).
"""

from __future__ import annotations

import pytest

from app.domain.records import Officer
from app.services.services import create_vault, open_vault
from app.views.interface_language import install as install_language
from app.views.session_controller import SessionController
from app.views.settings_store import SettingsStore
from tests.ui.conftest import english_interface, isolated_qsettings  # noqa: F401 - the same autouse fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The every-action check reads what the other journeys walked in this process, so it runs
    after all of them, whatever order the journey folders are collected in."""
    last = [item for item in items if item.path.name == "test_zz_every_action_walked.py"]
    items[:] = [item for item in items if item not in last] + last


class FakeTime:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def interface_language() -> str | None:
    """The Preferences' interface language a journey starts in (None: the tests' English);
    a module overrides this fixture to walk the window in another language."""
    return None


@pytest.fixture
def app_session(qtbot, tmp_path, clock, fake_time, interface_language):
    settings = SettingsStore.in_file(tmp_path / "settings.ini")
    language = None
    if interface_language is not None:  # as `casepath` does at start, before any window
        settings.interface_language = interface_language
        language = install_language(settings.interface_language)
    opened: list = []

    def opener(path, passphrase):
        svc = open_vault(path, passphrase, clock, defer_page_check=True)  # as app.main does
        opened.append(svc)
        return svc

    def creator(path, passphrase, officer):
        svc = create_vault(path, passphrase, Officer(name=officer), clock)
        opened.append(svc)
        return svc

    quits: list[bool] = []
    controller = SessionController(
        settings, opener, creator, now=fake_time, quit_app=lambda: quits.append(True),
        watch_system=False,
    )  # fmt: skip
    controller.quits = quits
    qtbot.addWidget(controller.unlock_window)
    yield controller
    controller.shutdown()
    for svc in opened:
        if svc.vault.is_open:
            svc.close()
    if language is not None:
        language.remove()


@pytest.fixture
def unlocked(qtbot, app_session, vault_path, passphrase, clock):
    """A vault that exists, unlocked through the unlock window: the main window is up."""
    create_vault(vault_path, passphrase, Officer(name="Hana Officer"), clock).close()
    app_session.start(vault_path)
    app_session.unlock_window.passphrase.setText(passphrase)
    with qtbot.waitSignal(app_session.unlocked, timeout=10_000):
        app_session.unlock_window.unlock()
    qtbot.waitExposed(app_session.main_window)
    return app_session
