"""The first window: open the last vault, open another, or create a new one.

Opening and creating run in the background (key derivation alone takes ~120 ms; migrations
and a backup may take longer) while a busy bar shows. Every failure becomes a plain message:
a wrong passphrase lets the user try again at once; a damaged, newer or foreign file gets its
own explanation. Nothing about the vault's contents is shown here, and the title never names
anyone.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.theme import problem_background, tone
from app.models.ui_formats import ui_error
from app.safe_traceback import safe_format
from app.services.errors import (
    DamagedVault,
    NotAVault,
    VaultError,
    VaultExists,
    VaultMissing,
    VaultTooNew,
    WrongPassphrase,
)
from app.views.settings_store import SettingsStore
from app.views.unlock.create_vault_page import VAULT_SUFFIX, CreateVaultPage
from app.views.unlock.passphrase_field import PassphraseField
from app.views.widgets.background import BackgroundOp

log = logging.getLogger(__name__)

Opener = Callable[[Path, str], Any]  # (path, passphrase) -> Services
Creator = Callable[[Path, str, str], Any]  # (path, passphrase, officer name) -> Services

_PROBLEM_TITLES: list[tuple[type[BaseException], str]] = [
    (DamagedVault, QT_TRANSLATE_NOOP("UnlockWindow", "This vault is damaged")),
    (VaultTooNew, QT_TRANSLATE_NOOP("UnlockWindow", "This vault needs a newer Casepath")),
    (NotAVault, QT_TRANSLATE_NOOP("UnlockWindow", "This is not a Casepath vault")),
    (VaultMissing, QT_TRANSLATE_NOOP("UnlockWindow", "The vault cannot be found")),
    (VaultExists, QT_TRANSLATE_NOOP("UnlockWindow", "That file already exists")),
    (VaultError, QT_TRANSLATE_NOOP("UnlockWindow", "The vault could not be opened")),
]


def unlock_style() -> str:
    """Style sheet of the unlock window, in the colours of the theme in use."""
    error, info = tone("error"), tone("info")
    return (
        "QLabel#title { font-size: 20px; font-weight: 600; }\n"
        f"QLabel#fieldError, QLabel#capsWarning {{ color: {error.name()}; }}\n"
        f"QLabel#problemTitle {{ font-weight: 600; color: {error.name()}; }}\n"
        f"QWidget#problemBox {{ background: {problem_background().name()};"
        f" border: 1px solid {error.name()}; border-radius: 4px; }}\n"
        f"QLabel#demoHint {{ border: 1px solid {info.name()}; border-radius: 4px;"
        " padding: 6px; }\n"
    )


def describe_failure(exc: BaseException) -> tuple[str, str]:
    """(title, message) for a failed open or create; never a traceback."""
    if isinstance(exc, VaultError):
        for kind, title in _PROBLEM_TITLES:
            if isinstance(exc, kind):
                return QCoreApplication.translate("UnlockWindow", title), ui_error(exc)
    if isinstance(exc, PermissionError):
        return (
            QCoreApplication.translate("UnlockWindow", "The vault cannot be read"),
            QCoreApplication.translate(
                "UnlockWindow",
                "Casepath has no permission to read or write that file. Check its permissions.",
            ),
        )
    return (
        QCoreApplication.translate("UnlockWindow", "Something went wrong"),
        QCoreApplication.translate(
            "UnlockWindow", "Casepath could not open the vault (%1). Nothing was changed."
        ).replace("%1", type(exc).__name__),
    )


_PALETTE_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)


class UnlockWindow(QWidget):
    """Emits ``unlocked(services)`` with the open vault's services."""

    unlocked = Signal(object)
    quit_requested = Signal()

    def __init__(
        self,
        settings: SettingsStore,
        opener: Opener,
        creator: Creator,
        demo_passphrase: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Locked"))  # Qt appends " — Casepath"
        self.setObjectName("UnlockWindow")
        self.setStyleSheet(unlock_style())
        self._settings = settings
        self._opener = opener
        self._creator = creator
        self._op: BackgroundOp | None = None
        self._busy = False
        self.vault_path: Path | None = settings.last_vault_path

        title = QLabel("Casepath")
        title.setObjectName("title")
        self.subtitle = QLabel(
            self.tr("Your cases are locked. Enter the passphrase to open the vault.")
        )
        self.subtitle.setWordWrap(True)

        self.stack = QStackedWidget()
        self.open_page = self._build_open_page(demo_passphrase)
        self.create_page = CreateVaultPage()
        self.create_page.create_requested.connect(self._create)
        self.create_page.back_requested.connect(self.show_open_page)
        self.stack.addWidget(self.open_page)
        self.stack.addWidget(self.create_page)

        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedHeight(6)
        self.busy_label = QLabel()
        self.busy_bar.setVisible(False)
        self.busy_label.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(8)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        self.resize(520, 400)
        geometry = settings.geometry("UnlockWindow")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._show_path()

    # -- the open page ------------------------------------------------------------------------
    def _build_open_page(self, demo_passphrase: str | None) -> QWidget:
        page = QWidget()
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        other = QPushButton(self.tr("Open another vault…"))
        other.setObjectName("openOtherVaultButton")
        other.clicked.connect(lambda: self._choose_vault())
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(other)

        self.passphrase = PassphraseField(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.caps_warning = QLabel(self.tr("Caps Lock is on."))
        self.caps_warning.setObjectName("capsWarning")
        self.caps_warning.setVisible(False)
        self.passphrase.caps_lock_changed.connect(
            lambda: self.caps_warning.setVisible(bool(self.passphrase.caps_lock))
        )
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)

        self.problem_box = QWidget()
        self.problem_box.setObjectName("problemBox")
        self.problem_box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.problem_title = QLabel()
        self.problem_title.setObjectName("problemTitle")
        self.problem_text = QLabel()
        self.problem_text.setWordWrap(True)
        box = QVBoxLayout(self.problem_box)
        box.addWidget(self.problem_title)
        box.addWidget(self.problem_text)
        self.problem_box.setVisible(False)

        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(lambda: self.unlock())
        create = QPushButton(self.tr("Create a new vault…"))
        create.setObjectName("createVaultButton")
        create.clicked.connect(lambda: self.show_create_page())
        buttons = QHBoxLayout()
        buttons.addWidget(create)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(path_row)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.caps_warning)
        layout.addWidget(self.message)
        layout.addWidget(self.problem_box)
        if demo_passphrase:
            hint = QLabel(
                self.tr("This is a demo vault with invented people. Its passphrase is %1.").replace(
                    "%1", f"<b>{html.escape(demo_passphrase)}</b>"
                )
            )
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            use = QPushButton(self.tr("Use the demo passphrase"))
            use.clicked.connect(lambda: self.passphrase.setText(demo_passphrase))
            layout.addWidget(hint)
            layout.addWidget(use, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _show_path(self) -> None:
        if self.vault_path is None:
            self.path_label.setText(self.tr("No vault chosen yet. Open one or create a new vault."))
        else:
            self.path_label.setText(
                f"<b>{self.vault_path.name}</b><br><small>{self.vault_path.parent}</small>"
            )
        self.unlock_button.setEnabled(self.vault_path is not None and not self._busy)

    def set_vault_path(self, path: Path | None) -> None:
        self.vault_path = Path(path) if path else None
        self._clear_messages()
        self._show_path()

    def show_open_page(self) -> None:
        self.stack.setCurrentWidget(self.open_page)
        self.subtitle.setText(
            self.tr("Your cases are locked. Enter the passphrase to open the vault.")
        )
        self.passphrase.setFocus()

    def show_create_page(self) -> None:
        self.create_page.reset()
        self.stack.setCurrentWidget(self.create_page)
        self.subtitle.setText(
            self.tr("Create a new encrypted vault. Only this passphrase opens it.")
        )
        self.create_page.focus_first()

    def show_locked(self, path: Path | None = None) -> None:
        """Return to the start after a lock: passphrase empty, no message, path kept."""
        if path is not None:
            self.vault_path = Path(path)
        self.passphrase.wipe()
        self.create_page.reset()
        self._clear_messages()
        self._show_path()
        self.show_open_page()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- opening ------------------------------------------------------------------------------
    def unlock(self) -> None:
        if self._busy or self.vault_path is None:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.message.setText(self.tr("Enter the vault's passphrase."))
            return
        self._clear_messages()
        path, opener = self.vault_path, self._opener
        self._run(lambda: opener(path, passphrase), self.tr("Unlocking the vault…"))

    def _create(self, path: Path, passphrase: str, officer: str) -> None:
        if self._busy:
            return
        creator = self._creator
        self._run(lambda: creator(path, passphrase, officer), self.tr("Creating the vault…"))

    def _run(self, fn: Callable[[], Any], text: str) -> None:
        self._op = BackgroundOp(self, fn, self._succeeded, self._failed, text)
        self._op.start()

    def _succeeded(self, services: Any) -> None:
        path = Path(services.vault.path)
        self._settings.last_vault_path = path
        self.vault_path = path
        self.passphrase.wipe()
        self.create_page.reset()
        self._show_path()
        self.show_open_page()
        self.unlocked.emit(services)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, VaultError):
            log.error("opening a vault failed unexpectedly:\n%s", safe_format(exc))
        creating = self.stack.currentWidget() is self.create_page
        if isinstance(exc, WrongPassphrase):
            self.message.setText(ui_error(exc))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        title, text = describe_failure(exc)
        if creating:
            self.create_page.show_error(f"{title}. {text}")
            return
        self.problem_title.setText(title)
        self.problem_text.setText(text)
        self.problem_box.setVisible(True)

    def _clear_messages(self) -> None:
        self.message.clear()
        self.problem_box.setVisible(False)
        self.problem_title.clear()
        self.problem_text.clear()

    # -- BusyHost -------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def show_busy(self, text: str) -> None:
        self._set_busy(True, text)

    def hide_busy(self) -> None:
        self._set_busy(False, "")

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.create_page.set_busy(busy)
        self._show_path()
        if not busy and self.stack.currentWidget() is self.open_page:
            self.passphrase.setFocus()

    # -- choosing files ----------------------------------------------------------------------
    def _choose_vault(self) -> None:
        start = str(self.vault_path.parent) if self.vault_path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a vault"),
            start,
            self.tr("Casepath vaults (%1);;All files (*)").replace("%1", f"*{VAULT_SUFFIX}"),
        )
        if path:
            self.set_vault_path(Path(path))
            self.show_open_page()

    # -- window --------------------------------------------------------------------------------
    def hide_for_session(self) -> None:
        """Hide after a successful unlock (not a quit)."""
        self._settings.set_geometry("UnlockWindow", self.saveGeometry())
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        """A theme chosen in Preferences: the window's colours follow (it outlives a lock)."""
        if event.type() in _PALETTE_EVENTS:
            style = unlock_style()
            if style != self.styleSheet():
                self.setStyleSheet(style)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_geometry("UnlockWindow", self.saveGeometry())
        super().closeEvent(event)
        self.quit_requested.emit()
