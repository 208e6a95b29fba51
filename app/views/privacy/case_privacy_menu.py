"""The case view's Records menu: place or lift a legal hold, erase the case.

A button with a menu in the workspace's action bar, and a line saying when a hold is in force.
Erasing closes the case view (the case is gone) and tells the main window to re-read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

from app.views.privacy.erase_dialog import EraseDialog
from app.views.privacy.hold_dialog import HoldDialog


class CasePrivacyMenu(QPushButton):
    def __init__(self, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("&Records"))
        self.setObjectName("caseRecordsMenu")
        self.workspace = workspace
        self.hold_label = QLabel(objectName="caseHoldLabel")
        self.hold_label.setWordWrap(True)
        self.hold_label.hide()
        menu = QMenu(self)
        self.place_hold_action = self._add(menu, self.tr("Place &legal hold…"), "placeHoldAction")
        self.place_hold_action.triggered.connect(lambda: self.place_hold())
        self.lift_hold_action = self._add(menu, self.tr("&Lift legal hold…"), "liftHoldAction")
        self.lift_hold_action.triggered.connect(lambda: self.lift_hold())
        menu.addSeparator()
        self.erase_action = self._add(menu, self.tr("&Erase case…"), "eraseCaseAction")
        self.erase_action.triggered.connect(lambda: self.erase_case())
        self.setMenu(menu)

    def _add(self, menu: QMenu, text: str, name: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        menu.addAction(action)
        return action

    def refresh_state(self) -> None:
        services = self.workspace.services
        if services is None:
            return
        hold = services.holds.active(self.workspace.case_id)
        self.place_hold_action.setEnabled(hold is None)
        self.lift_hold_action.setEnabled(hold is not None)
        self.erase_action.setEnabled(hold is None)
        self.erase_action.setToolTip(
            self.tr("Lift the legal hold first.") if hold is not None else ""
        )
        self.hold_label.setVisible(hold is not None)
        self.hold_label.setText(
            self.tr("Kept: this case is under %1.").replace("%1", hold.describe()) if hold else ""
        )

    def place_hold(self) -> HoldDialog | None:
        return self._hold(lifting=False)

    def lift_hold(self) -> HoldDialog | None:
        return self._hold(lifting=True)

    def _hold(self, lifting: bool) -> HoldDialog | None:
        if self.workspace.services is None:
            return None
        dialog = HoldDialog(self.workspace.services, self.workspace.case_id, lifting, self.window())
        return self.workspace._open(dialog)

    def erase_case(self) -> EraseDialog | None:
        ws = self.workspace
        if ws.services is None:
            return None
        dialog = EraseDialog(ws.services, self.window(), case_id=ws.case_id)
        ws._dialogs.append(dialog)

        def finished(result: int) -> None:
            if dialog in ws._dialogs:
                ws._dialogs.remove(dialog)
            dialog.deleteLater()
            if result:
                ws.changed.emit(ws.case_id)
                ws.close_case()  # the case is gone: its view goes too

        dialog.finished.connect(finished)
        dialog.open()
        return dialog
