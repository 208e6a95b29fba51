"""Save PNGs of Casepath's main screens, on a fresh demo vault, without a display.

    python tools/screenshot.py [FOLDER]      (default: screenshots/, which git ignores)
    python tools/screenshot.py --language de /tmp/de   (the window in German)

Builds the demo vault (invented people) in a temporary folder, runs the real session
controller offscreen, and grabs: the unlock window (plain, wrong passphrase, create page),
the main window with the case list, the new-case dialog, a case workspace (each tab), the
employees window, and the unlock window again after Ctrl+L. QSettings go to the temporary
folder too, so the developer's own settings are untouched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget  # noqa: E402

from app.domain.escalation.flags import Flag  # noqa: E402
from app.main import _create, _open, build_demo_vault  # noqa: E402
from app.views.interface_language import install as install_language  # noqa: E402
from app.views.session_controller import SessionController  # noqa: E402
from app.views.settings_store import SettingsStore  # noqa: E402

SIZE = (1400, 860)


def _quiet_offscreen(mode: QtMsgType, context: object, message: str) -> None:
    """Drop the offscreen plugin's 'does not support …' notices; print everything else."""
    if "This plugin does not support" not in message:
        print(message, file=sys.stderr)


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not reach the expected state in time")
        app.processEvents()
        time.sleep(0.01)


def save(app: QApplication, widget: QWidget, folder: Path, name: str) -> None:
    for _ in range(5):
        app.processEvents()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="screenshots", type=Path)
    parser.add_argument("--language", default="", help="interface language: en or de")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)

    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="casepath-shots-") as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        vault, passphrase = build_demo_vault(Path(tmp))
        settings = SettingsStore.in_file(Path(tmp) / "settings.ini")
        settings.interface_language = args.language
        install_language(settings.interface_language, app)  # as casepath does at start
        controller = SessionController(
            settings, _open, _create, passphrase, quit_app=lambda: None, watch_system=False
        )
        controller.start(vault)
        unlock = controller.unlock_window
        unlock.resize(560, 440)
        save(app, unlock, args.folder, "01_unlock")

        unlock.passphrase.setText("not the passphrase")
        unlock.unlock()
        wait_until(app, lambda: not unlock.busy and bool(unlock.message.text()))
        save(app, unlock, args.folder, "02_unlock_wrong_passphrase")

        unlock.show_create_page()
        unlock.create_page.path_edit.setText(str(Path(tmp) / "new.casepath"))
        unlock.create_page.passphrase.setText("lamp river")
        unlock.create_page.repeat.setText("lamp rive")
        save(app, unlock, args.folder, "03_create_vault")
        unlock.show_open_page()

        unlock.passphrase.setText(passphrase)
        unlock.unlock()
        wait_until(app, lambda: not controller.is_locked)
        window = controller.main_window
        window.resize(*SIZE)
        save(app, window, args.folder, "04_main_window")

        window.case_list.filter_bar.set_flag(Flag.OVERDUE)
        save(app, window, args.folder, "05_main_window_overdue")
        window.case_list.filter_bar.set_flag(None)
        window.case_list.filter_bar.search.setText("lock-out")
        window.case_list.filter_bar.search.returnPressed.emit()
        save(app, window, args.folder, "06_main_window_search")
        window.case_list.filter_bar.search.clear()
        window.case_list.filter_bar.search.returnPressed.emit()

        from app.views.case.dialogs.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(controller.services, window, settings)
        dialog.show()
        save(app, dialog, args.folder, "07_new_case")
        dialog.reject()

        model = window.case_list.model
        rows = [model.row_at(r) for r in range(model.rowCount())]
        busiest = next((r for r in rows if r.stage == "formal_review"), rows[0])
        try:
            workspace = window.open_case(busiest.id)
        except ImportError as exc:
            print(f"  (no case workspace yet: {exc})")
            workspace = None
        if workspace is not None:
            save(app, window, args.folder, "08_case_workspace")
            tabs = workspace.findChild(QTabWidget)
            if tabs is not None:
                for i in range(1, tabs.count()):
                    tabs.setCurrentIndex(i)
                    name = tabs.tabText(i).lower().replace(" ", "_").replace("&", "")
                    save(app, window, args.folder, f"09_workspace_{i}_{name}")

            track = workspace.change_track()
            track.resize(560, 380)
            save(app, track, args.folder, "12_change_track")
            track.reject()
        from app.views.help_menu import AboutDialog, ShortcutsDialog, UserGuideDialog

        for name, made in (
            ("13_about", AboutDialog(window)),
            ("14_shortcuts", ShortcutsDialog(window)),
            ("15_user_guide", UserGuideDialog(window)),
        ):
            made.show()
            save(app, made, args.folder, name)
            made.reject()

        try:
            window.show_employees()
        except ImportError as exc:
            print(f"  (no employees window yet: {exc})")
        else:
            employees = window.employees_window
            employees.resize(1100, 700)
            save(app, employees, args.folder, "10_employees")

        controller.lock("request")
        save(app, unlock, args.folder, "11_locked_again")
        controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
