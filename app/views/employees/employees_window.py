"""Everyone in the vault: find, add and correct employees, and import them from CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.records import Employee
from app.models.people.employee_table_model import EmployeeFilterProxy, EmployeeTableModel
from app.models.roles import RecordRole
from app.models.ui_formats import ui_error
from app.services.errors import VaultError
from app.views.employees.csv_import_dialog import CsvImportDialog
from app.views.employees.employee_dialog import EmployeeDialog
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.record_list_section import RecordTableView, compact_rows


class EmployeesWindow(BaseDialog):
    """A separate, non-modal window; `clear()` empties and closes it when the vault locks."""

    changed = Signal()  # an employee was saved or imported: lists showing names re-read

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Employees — Casepath"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setModal(False)
        self.services = services
        self._dialogs: list[QWidget] = []
        self.model = EmployeeTableModel(self)
        self.proxy = EmployeeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Find employees"))
        self.search.setPlaceholderText(
            self.tr("Find by name, number, department, manager … (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count = QLabel()
        self.status = QLabel()
        self.status.setObjectName("employeesStatus")
        self.view = RecordTableView()
        self.view.setAccessibleName(self.tr("Employees"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(RecordTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(RecordTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(RecordTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        compact_rows(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda i: self.edit_employee(i.data(RecordRole)))
        self.view.activated_row.connect(lambda i: self.edit_employee(i.data(RecordRole)))
        self.new_button = QPushButton(self.tr("New employee…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.sar_button = QPushButton(self.tr("Subject access export…"))
        self.sar_button.setObjectName("subjectAccessButton")
        self.sar_button.setToolTip(
            self.tr("Everything held about the selected employee, for them to read")
        )
        self.sar_button.clicked.connect(self.subject_access)
        self.erase_button = QPushButton(self.tr("Erase employee…"), objectName="eraseEmployee")
        self.erase_button.setToolTip(self.tr("Remove this person and every case about them"))
        self.erase_button.clicked.connect(lambda: self.erase_employee(self.selected()))
        self.new_button.clicked.connect(self.new_employee)
        self.edit_button.clicked.connect(lambda: self.edit_employee(self.selected()))
        self.import_button.clicked.connect(self.import_csv)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.import_button,
            self.sar_button,
            self.erase_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        self.resize(1000, 640)
        self.refresh()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.services is None:
            return
        self.model.set_records(self.services.employees.all())
        self.view.resizeColumnsToContents()
        self._update()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update()

    def _update(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("%n employees", "", total)
            if shown == total
            else self.tr("%1 of %n employees", "", total).replace("%1", str(shown))
        )
        self.edit_button.setEnabled(self.selected() is not None)
        self.sar_button.setEnabled(self.selected() is not None)
        self.erase_button.setEnabled(self.selected() is not None)

    def selected(self) -> Employee | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def select_employee(self, employee_id: int | None) -> None:
        row = self.model.row_of_id(employee_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.selectRow(index.row())

    # -- acting ----------------------------------------------------------------------------
    def _open(self, dialog: Any, on_accept: Any) -> Any:
        self._dialogs.append(dialog)

        def finished(result: int) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            if result and self.services is not None:
                on_accept(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def new_employee(self) -> EmployeeDialog:
        return self._open(EmployeeDialog(self.services, None, self), self._saved)

    def edit_employee(self, employee: Employee | None) -> EmployeeDialog | None:
        if employee is None:
            return None
        return self._open(EmployeeDialog(self.services, employee, self), self._saved)

    def _saved(self, dialog: EmployeeDialog) -> None:
        self.model.replace_employee(dialog.saved)
        self.select_employee(dialog.saved.id)
        self._update()
        self.changed.emit()

    def erase_employee(self, employee: Employee | None) -> Any:
        """The erasure confirmation for this person (app/views/privacy/erase_dialog.py)."""
        if employee is None or self.services is None:
            return None
        from app.views.privacy.erase_dialog import EraseDialog

        dialog = EraseDialog(self.services, self, employee_id=employee.id)
        return self._open(dialog, lambda _d: self._erased())

    def _erased(self) -> None:
        self.refresh()
        self.changed.emit()

    def import_csv(self) -> CsvImportDialog:
        return self._open(CsvImportDialog(self.services, self), self._imported)

    def _imported(self, dialog: CsvImportDialog) -> None:
        self.refresh()
        self.status.setText(str(dialog.import_result))
        self.changed.emit()

    def subject_access(self) -> None:
        """Write the subject access export of the selected employee into a new folder
        (named for the employee number and today) inside the folder the officer picks."""
        employee = self.selected()
        if employee is None or self.services is None:
            return
        parent = QFileDialog.getExistingDirectory(
            self, self.tr("Where to put the subject access export")
        )
        if not parent:
            return
        today = self.services.clock.today().isoformat()
        folder = Path(parent) / f"subject-access-{employee.employee_number}-{today}"
        try:
            result = self.services.subject_access.export(employee.id, folder)
        except VaultError as exc:
            self.status.setText(ui_error(exc))
            QMessageBox.warning(self, "Casepath", ui_error(exc))
            return
        self.status.setText(
            self.tr("Wrote %1: %2 and %3 (%4). Read the attached files before release.")
            .replace("%1", str(result.folder))
            .replace("%2", result.pdf.name)
            .replace("%3", result.json.name)
            .replace("%4", self.tr("%n attached files", "", result.files))
        )

    def clear(self) -> None:
        """The vault is locking: close dialogs, forget every person, close the window."""
        for dialog in list(self._dialogs):
            dialog.reject()
        self._dialogs = []
        self.services = None
        self.model.clear()
        self.search.clear()
        self.status.clear()
        self.close()
