"""File → Handover: the key, handing cases over, importing a bundle or an acknowledgement.

`install_handover_actions(window, file_menu, services)` adds ``handoverKeyAction``,
``handoverExportAction`` (Ctrl+Shift+H; the open case is filled in), ``handoverImportAction``
and ``handoverAckAction``. Importing asks for the file, writes the acknowledgement beside it,
and says in the status bar what happened; a refusal is shown as it is worded (nothing imported).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from app.domain.words.wording import plural
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.handover.handover_dialogs import HandoverExportDialog, HandoverKeyDialog


class HandoverActions(QObject):
    def __init__(self, window: QMainWindow, services: Callable[[], Any]) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.last_message = ""

    def _action(self, text: str, slot: Any, name: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _say(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 15_000)

    def _refused(self, exc: Exception) -> None:
        self.last_message = ui_error(exc)
        QMessageBox.warning(self.window, self.tr("Casepath"), ui_error(exc))

    def _refresh(self) -> None:
        refresh = getattr(self.window, "refresh_everything", None)
        if refresh is not None:
            refresh()

    def show_key(self) -> HandoverKeyDialog | None:
        services = self.services()
        if services is None:
            return None
        try:
            key = services.handover.key()
        except VaultError as exc:
            self._refused(exc)
            return None
        dialog = HandoverKeyDialog(key, self.window)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def export(self) -> HandoverExportDialog | None:
        services = self.services()
        if services is None:
            return None
        current = self.window.tabs.currentWidget() if hasattr(self.window, "tabs") else None
        case_id = getattr(current, "case_id", None)
        reference = services.cases.get(case_id).reference if case_id else ""
        dialog = HandoverExportDialog(services, reference, self.window)

        def finished(result: int) -> None:
            info = dialog.result_info
            if result and info is not None:
                self._say(
                    self.tr("Wrote the handover bundle %1 (%2), digest %3.")
                    .replace("%1", info.path.name)
                    .replace("%2", plural(len(info.references), "case"))
                    .replace("%3", info.digest[:16])
                )
                self._refresh()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def import_bundle(self) -> None:
        services = self.services()
        if services is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a handover bundle"), "", self.tr("Handover bundle (*)")
        )
        if not path:
            return
        ack = Path(path).with_name(Path(path).name + ".ack")
        try:
            result = services.handover.import_bundle(Path(path), ack)
        except VaultError as exc:
            self._refused(exc)
            return
        self._say(
            self.tr(
                "Imported %1 from %2 (digest %4: check it with the sender). Send the "
                "acknowledgement %3 back to the sender."
            )
            .replace("%1", ", ".join(result.references))
            .replace("%2", result.sender_officer)
            .replace("%3", ack.name)
            .replace("%4", result.digest[:16])
        )
        self._refresh()

    def import_ack(self) -> None:
        services = self.services()
        if services is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import an acknowledgement"), "", self.tr("Acknowledgement (*)")
        )
        if not path:
            return
        try:
            refs = services.handover.import_ack(Path(path))
        except VaultError as exc:
            self._refused(exc)
            return
        self._say(
            self.tr("Handed over: %1 are read-only in this vault now.").replace(
                "%1", ", ".join(refs)
            )
        )
        self._refresh()


def install_handover_actions(
    window: QMainWindow, file_menu: QMenu, services: Callable[[], Any]
) -> HandoverActions:
    holder = HandoverActions(window, services)
    menu = file_menu.addMenu(QCoreApplication.translate("HandoverActions", "&Handover"))
    menu.setObjectName("handoverMenu")
    holder.key_action = holder._action(
        QCoreApplication.translate("HandoverActions", "This vault's handover &key…"),
        holder.show_key,
        "handoverKeyAction",
    )
    holder.export_action = holder._action(
        QCoreApplication.translate("HandoverActions", "&Hand cases over…"),
        holder.export,
        "handoverExportAction",
        "Ctrl+Shift+H",
    )
    holder.import_action = holder._action(
        QCoreApplication.translate("HandoverActions", "&Import a handover bundle…"),
        holder.import_bundle,
        "handoverImportAction",
    )
    holder.ack_action = holder._action(
        QCoreApplication.translate("HandoverActions", "Import an &acknowledgement…"),
        holder.import_ack,
        "handoverAckAction",
    )
    for action in (holder.key_action, holder.export_action, None, holder.import_action,
                   holder.ack_action):  # fmt: skip
        menu.addSeparator() if action is None else menu.addAction(action)
    return holder
