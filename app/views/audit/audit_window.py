"""View → Audit trail: every event of the vault, filtered by date range, officer, case and
action, each told in words, with a formula-safe CSV export of what is shown.

A top-level window owned by the main window; like every window showing case data it forgets
its rows on lock. The filtering, paging, count and export are `app.services.audit.audit_listing`'s
(in SQL, a page at a time); the export is itself an audited event.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.words.audit_wording import action_label, thing_words
from app.models.audit.audit_event_model import AuditEventModel
from app.models.roles import RecordRole
from app.models.theme import colour_css
from app.models.ui_formats import date_edit_format, ui_error, ui_formats
from app.services.audit.audit_listing import (
    AuditFilter,
    AuditListing,
    actions_in_trail,
    export_audit_csv,
    officers_in_trail,
)
from app.services.errors import VaultError


class AuditWindow(QWidget):
    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.language = ui_formats().language  # rows, details and moments in the window's words
        self.setObjectName("auditWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Audit trail — Casepath"))

        self.model = AuditEventModel(self)
        self.newest_first = True
        self.view = QTableView(objectName="auditTable")
        self.view.setAccessibleName(self.tr("Audit events"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # The order is the query's (by number, which is also by time): a click on No. or When
        # turns it; the other columns are words made per page and do not sort.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._order_changed)
        self.view.selectionModel().selectionChanged.connect(self._selected)

        today = QDate.currentDate()
        self.from_check = QCheckBox(self.tr("From"), objectName="auditFromCheck")
        self.from_date = QDateEdit(today.addDays(-30), objectName="auditFromDate")
        self.to_check = QCheckBox(self.tr("To"), objectName="auditToCheck")
        self.to_date = QDateEdit(today, objectName="auditToDate")
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
            edit.setEnabled(False)  # a date counts only once its box is ticked
            check.toggled.connect(edit.setEnabled)
        self.officer_combo = QComboBox(objectName="auditOfficerCombo")
        self.action_combo = QComboBox(objectName="auditActionCombo")
        self.case_edit = QLineEdit(objectName="auditCaseEdit")
        self.case_edit.setAccessibleName(self.tr("Case reference"))
        self.case_edit.setPlaceholderText(self.tr("Any case (type its reference)"))
        self.case_edit.returnPressed.connect(self.refresh)
        self.show_button = QPushButton(self.tr("Show"), objectName="auditShowButton")
        self.show_button.clicked.connect(lambda: self.refresh())
        self.clear_button = QPushButton(self.tr("Clear filters"), objectName="auditClearButton")
        self.clear_button.clicked.connect(lambda: self.clear_filters())
        self.export_button = QPushButton(self.tr("Export CSV…"), objectName="auditExportButton")
        self.export_button.clicked.connect(lambda: self.export_csv())

        filters = QGridLayout()
        filters.addWidget(self.from_check, 0, 0)
        filters.addWidget(self.from_date, 0, 1)
        filters.addWidget(self.to_check, 0, 2)
        filters.addWidget(self.to_date, 0, 3)
        filters.addWidget(QLabel(self.tr("Officer")), 0, 4)
        filters.addWidget(self.officer_combo, 0, 5)
        filters.addWidget(QLabel(self.tr("Case")), 1, 0)
        filters.addWidget(self.case_edit, 1, 1, 1, 3)
        filters.addWidget(QLabel(self.tr("Action")), 1, 4)
        filters.addWidget(self.action_combo, 1, 5)
        filters.setColumnStretch(5, 1)  # the lists widen, the dates keep their size
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.detail = QTextBrowser(objectName="auditDetail")
        self.detail.setAccessibleName(self.tr("The chosen event"))
        self.detail.setOpenLinks(False)
        self.summary = QLabel(objectName="auditSummary")
        self.message = QLabel(objectName="auditMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(colour_css("error"))
        note = QLabel(
            self.tr(
                "Each event names who did what to which record, and when; it never holds what "
                "was written. The hashes tie each event to the record and to the event before."
            )
        )
        note.setWordWrap(True)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        self.resize(1040, 640)
        self._fill_choices()
        self.refresh()

    # -- filters -------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        if self.services is None:
            return
        vault = self.services.vault
        self.officer_combo.clear()
        self.officer_combo.addItem(self.tr("Any officer"), None)
        for name in officers_in_trail(vault):
            self.officer_combo.addItem(name, name)
        self.action_combo.clear()
        self.action_combo.addItem(self.tr("Any action"), None)
        actions = actions_in_trail(vault)
        for family in sorted({a.partition(".")[0] for a in actions}):
            self.action_combo.addItem(action_label(family, self.language), family)
            for action in (a for a in actions if a.partition(".")[0] == family and "." in a):
                self.action_combo.addItem("    " + action_label(action, self.language), action)

    def current_filter(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit):
            return edit.date().toPython() if check.isChecked() else None

        reference = self.case_edit.text().strip() or None
        return AuditFilter(
            case_reference=reference,
            officer=self.officer_combo.currentData(),
            action=self.action_combo.currentData(),
            date_from=day(self.from_check, self.from_date),
            date_to=day(self.to_check, self.to_date),
        )

    def clear_filters(self) -> None:
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.officer_combo.setCurrentIndex(0)
        self.action_combo.setCurrentIndex(0)
        self.case_edit.clear()
        self.refresh()

    def _order_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.view.horizontalHeader()
        newest_first = order == Qt.SortOrder.DescendingOrder
        if column not in (0, 1):  # put the arrow back where the order is
            header.blockSignals(True)
            header.setSortIndicator(0, self._order())
            header.blockSignals(False)
            return
        if newest_first != self.newest_first:
            self.newest_first = newest_first
            self.refresh()

    def _order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self.newest_first else Qt.SortOrder.AscendingOrder

    def refresh(self) -> int:
        """Show the first page of the events the filters choose (more as the view scrolls),
        and how many there are; a wrong filter is said, and nothing changes."""
        if self.services is None:
            return 0
        try:
            listing = AuditListing(
                self.services.vault, self.current_filter(), self.newest_first, self.language
            )
        except LookupError as exc:
            self.message.setText(ui_error(exc))
            return self.model.rowCount()
        self.message.clear()
        count = listing.count()
        self.model.set_listing(listing)
        self.summary.setText(
            self.tr("%n events", "", count) if count else self.tr("No event matches these filters.")
        )
        self.detail.clear()
        if count:
            self.view.selectRow(0)
        return count

    # -- detail --------------------------------------------------------------------------
    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        self.detail.setPlainText(self.detail_text(rows[0].data(RecordRole)))

    def detail_text(self, row: dict[str, object]) -> str:
        """The selected event in words, then the facts the chain holds about it."""
        lines = [
            str(row["detail"]),
            "",
            self.tr("Event {0}, {1}").format(row["seq"], row["when"]),
            self.tr("Officer: {0}").format(row["officer"]),
            self.tr("What: {0}").format(action_label(str(row["action"]), self.language)),
            self.tr("Record: {0}").format(
                thing_words(str(row["entity_type"]), str(row["entity_id"]), self.language)
            ),
        ]
        if row["case"]:
            lines.append(self.tr("Case: {0}").format(row["case"]))
        if row["record_hash"]:
            lines.append(self.tr("Record hash when written: {0}").format(row["record_hash"]))
        lines.append(self.tr("Event hash: {0}").format(row["hash"]))
        return "\n".join(lines)

    # -- export --------------------------------------------------------------------------
    def export_csv(self, path: Path | None = None) -> int:
        """Write the filtered events to a CSV file (0600); returns how many were written."""
        if self.services is None:
            return 0
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the audit trail"), "audit.csv", self.tr("CSV files (*.csv)")
            )
            if not name:
                return 0
            path = Path(name)
        try:
            count = export_audit_csv(self.services.vault, path, self.current_filter())
        except (LookupError, OSError, VaultError) as exc:
            self.message.setText(ui_error(exc))
            return 0
        self.message.clear()
        self.summary.setText(
            self.tr("{0} written to {1}.").format(self.tr("%n events", "", count), path.name)
        )
        return count

    def clear(self) -> None:
        self.model.clear()
        self.detail.clear()
        self.summary.clear()
        self.services = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()  # nothing of the trail stays in memory once the window is gone
        super().closeEvent(event)


def audit_action(main_window: Any) -> QAction:
    """View → Audit trail (Ctrl+Shift+A): one window per main window."""
    action = QAction(QCoreApplication.translate("AuditWindow", "A&udit trail"), main_window)
    action.setObjectName("auditTrailAction")
    action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: show_audit(main_window))
    return action


def show_audit(main_window: Any) -> AuditWindow | None:
    if main_window.services is None:
        return None
    window = main_window.findChild(AuditWindow)
    if window is None or window.services is None:
        window = AuditWindow(main_window.services, main_window)
    else:
        window.refresh()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
