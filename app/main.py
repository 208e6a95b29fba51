"""Composition root of the desktop app: QApplication, unlock, services, main window.

``casepath`` with no subcommand lands here. ``casepath --demo`` first builds a fresh demo
vault (invented people) in a private temporary folder and shows its passphrase as a hint.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from app.domain.clock import SystemClock
from app.domain.records import Officer
from app.hardening import harden_process, sweep_beside
from app.safe_traceback import install_safe_excepthook
from app.services.services import Services, create_vault, open_vault

log = logging.getLogger(__name__)


def _open(path: Path, passphrase: str) -> Services:
    sweep_beside(path)  # temp files a crash left beside the vault (backups, exports)
    return open_vault(path, passphrase, SystemClock(), defer_page_check=True)


def _create(path: Path, passphrase: str, officer_name: str) -> Services:
    return create_vault(path, passphrase, Officer(name=officer_name), SystemClock())


def build_demo_vault(folder: Path) -> tuple[Path, str]:
    """Build the demo vault in ``folder``; returns (path, passphrase)."""
    from app.services.demo import DEMO_PASSPHRASE, build_demo

    path = folder / "demo.casepath"
    build_demo(path, DEMO_PASSPHRASE).close()
    return path, DEMO_PASSPHRASE


def _tell_user(exc: BaseException) -> None:
    """An unexpected error in the GUI: say so plainly, without the (possibly confidential) text."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    QMessageBox.critical(
        None,
        "Casepath",
        QCoreApplication.translate(
            "Main",
            "Something went wrong (%1). Everything saved before this moment is "
            "safe in the vault. If it happens again, lock the vault (Ctrl+L), reopen it, and "
            "report the error type shown here.",
        ).replace("%1", type(exc).__name__),
    )


def _quit_on_signals(app) -> None:  # noqa: ANN001 - QApplication
    """SIGTERM (logout, shutdown) and SIGINT quit through Qt, so the vault closes and decrypted
    attachment copies are removed instead of the process dying mid-air."""
    import signal

    from PySide6.QtCore import QTimer

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: app.quit())
    # Python runs signal handlers only between bytecodes; a idle timer gives it the chance.
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


DESKTOP_ID = "org.casepath.Casepath"  # the desktop entry's name, the Wayland app id
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon():  # noqa: ANN201 - QIcon, imported only when the GUI starts
    """The window icon from the committed PNGs (no SVG plug-in needed)."""
    from PySide6.QtGui import QIcon

    from app.resource_paths import resource_path

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"casepath-{size}.png")))
    return icon


def run_app(demo: bool = False, vault_path: str | None = None) -> int:
    harden_process()  # umask 077 and no core dumps before Qt or the vault touch anything
    from PySide6.QtWidgets import QApplication

    from app import __version__
    from app.views.session_controller import SessionController
    from app.views.settings_store import APPLICATION, ORGANISATION, SettingsStore

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Casepath")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the session controller decides when to quit

    demo_folder: Path | None = None
    demo_passphrase: str | None = None
    start_path = Path(vault_path) if vault_path else None
    # A demo vault must not become the "last vault" of a real installation.
    settings = SettingsStore(remember_vault_path=not demo)
    # Before the first widget: windows take their texts when they are built.
    from app.views.interface_language import install as install_language

    install_language(settings.interface_language, app)
    if demo:
        demo_folder = Path(tempfile.mkdtemp(prefix="casepath-demo-"))

        start_path, demo_passphrase = build_demo_vault(demo_folder)
    from app.views.appearance import apply_theme

    apply_theme(settings.theme, app)  # before the first window: its style sheets read it

    install_safe_excepthook(_tell_user)
    controller = SessionController(settings, _open, _create, demo_passphrase)
    app.aboutToQuit.connect(controller.shutdown)
    _quit_on_signals(app)
    controller.start(start_path)
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
