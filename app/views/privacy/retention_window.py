"""Records → Cases due for deletion: closed cases whose retention period has ended.

Each row names the rule that makes it due (outcome, period, closing date); cases under legal
hold are counted apart, as kept. Erasing one goes through the same confirmation as the case
view's Erase case….
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.retention import months_words
from app.domain.words.labels import plural
from app.models.audit.retention_table_model import RetentionTableModel
from app.models.ui_formats import ui_label
from app.views.privacy.erase_dialog import EraseDialog
from app.views.widgets.base_dialog import BaseDialog


class RetentionWindow(BaseDialog):
    erased = Signal()  # a case went: the case list re-reads

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionWindow")
        self.setWindowTitle(self.tr("Cases due for deletion"))
        self.services = services
        self.rules_label = QLabel(objectName="retentionRules")
        self.rules_label.setWordWrap(True)
        self.model = RetentionTableModel(self)
        self.table = QTableView(objectName="retentionTable")
        self.table.setAccessibleName(self.tr("Cases due for deletion"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.held_label = QLabel(objectName="retentionHeld")
        self.held_label.setWordWrap(True)
        self.erase_button = QPushButton(self.tr("Erase selected case…"), objectName="eraseDue")
        self.erase_button.clicked.connect(lambda: self.erase_selected())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.erase_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.held_label)
        layout.addLayout(row)
        self.resize(900, 480)
        self.refresh()

    def refresh(self) -> None:
        if self.services is None:
            return
        rules = self.services.retention.rules()
        if rules.months:
            kept = "; ".join(f"{ui_label(o)}: {months_words(m)}" for o, m in rules.months.items())
            self.rules_label.setText(
                self.tr("The policy keeps closed cases after closing for — %1.").replace("%1", kept)
            )
        else:
            self.rules_label.setText(self.tr("The policy sets no retention periods."))
        due, held = self.services.retention.due()
        names = {}
        for e in due:
            if e.case.employee_id not in names:
                names[e.case.employee_id] = self.services.employees.get(e.case.employee_id).name
        self.model.set_rows([(e, names[e.case.employee_id]) for e in due])
        self.table.resizeColumnsToContents()
        if due:
            self.table.selectRow(0)
        self.erase_button.setEnabled(bool(due))
        self.held_label.setText(
            self.tr("Kept under legal hold although due: %1.").replace(
                "%1", plural(len(held), "case")
            )
            if held
            else (self.tr("No case is due for deletion today.") if not due else "")
        )

    def erase_selected(self) -> EraseDialog | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.services is None:
            return None
        entry = self.model.entry(rows[0].row())
        dialog = EraseDialog(self.services, self, case_id=entry.case.case_id)

        def finished(result: int) -> None:
            if result:
                self.refresh()
                self.erased.emit()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def clear(self) -> None:
        """The vault is locking: nothing of it stays on screen."""
        self.services = None
        self.model.set_rows([])
        self.rules_label.clear()
        self.held_label.clear()


def retention_action(main_window: Any) -> QAction:
    """Records → Cases due for deletion… (one window per main window)."""
    action = QAction(
        QCoreApplication.translate("RetentionWindow", "Cases &due for deletion…"), main_window
    )
    action.setObjectName("retentionAction")
    action.triggered.connect(lambda: show_retention(main_window))
    return action


def show_retention(main_window: Any) -> RetentionWindow:
    window = main_window.findChild(RetentionWindow)
    if window is None:
        window = RetentionWindow(main_window.services, main_window)
        window.erased.connect(main_window.drop_erased_cases)
        window.erased.connect(main_window.refresh)
    else:
        window.refresh()
    window.show()
    window.raise_()
    return window
