"""Screenshots for the AppStream metainfo: the unlock window and the case list of a demo vault.

Needs a real X server; from the checkout: ``PYTHONPATH=. QT_QPA_PLATFORM=xcb xvfb-run -a
-s "-screen 0 1400x900x24" python packaging/take_screenshots.py``. The vault holds invented
people only and lives in a temporary folder that is removed afterwards, with the settings.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="casepath-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch)
    try:
        return _shoot(scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _shoot(scratch: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.main import _create, _open, app_icon, build_demo_vault
    from app.views.session_controller import SessionController
    from app.views.settings_store import SettingsStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Casepath")
    app.setWindowIcon(app_icon())
    path, passphrase = build_demo_vault(scratch)
    settings = SettingsStore.in_file(scratch / "settings.ini")
    controller = SessionController(settings, _open, _create, None, watch_system=False)

    def settle(ms: int = 600) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    controller.start(path)
    settle()
    OUT.mkdir(exist_ok=True)
    controller.unlock_window.grab().save(str(OUT / "unlock.png"))

    controller.unlock_window.passphrase.setText(passphrase)
    controller.unlock_window.unlock()
    for _ in range(100):
        if controller.main_window is not None:
            break
        settle(100)
    if controller.main_window is None:
        print("the demo vault did not open", file=sys.stderr)
        return 1
    controller.main_window.resize(1280, 780)
    settle(1000)
    controller.main_window.grab().save(str(OUT / "case-list.png"))
    controller.shutdown()
    QCoreApplication.processEvents()
    print(f"wrote {OUT / 'unlock.png'} and {OUT / 'case-list.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
