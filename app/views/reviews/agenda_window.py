"""The agenda: upcoming reviews and due micro-goals across all open cases, overdue marked.

A top-level window owned by the main window; it closes (and forgets its rows) on lock like
every window that shows case data. Activating a row asks the main window to open that case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.case.agenda_model import AgendaColumn, AgendaTableModel
from app.models.roles import IdRole, SortRole
from app.models.theme import colour_css
from app.views.reviews.ics_export import export_calendar


class AgendaWindow(QWidget):
    case_activated = Signal(int)

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Agenda — Casepath"))
        self.model = AgendaTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Reviews and check-ins"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(AgendaColumn.DATE, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)

        self.days = QSpinBox()
        self.days.setAccessibleName(self.tr("How many days ahead"))
        self.days.setRange(1, 365)
        self.days.setValue(28)
        self.days.setSuffix(self.tr(" days ahead"))
        self.days.valueChanged.connect(lambda *_: self.refresh())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export reviews to calendar…"))
        self.export_button.clicked.connect(lambda: self.export_calendar())
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.days)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.resize(860, 520)
        self.refresh()

    def refresh(self) -> None:
        if self.services is None:
            return
        today = self.services.clock.today()
        self.model.set_entries(self.services.reviews.agenda_entries(today, self.days.value()))
        overdue = self.model.overdue_count
        total = self.model.rowCount()
        self.summary.setText(
            self.tr("%n items, %1 overdue.", "", total).replace("%1", str(overdue))
            if total
            else self.tr("Nothing due in this period.")
        )
        self.summary.setStyleSheet(colour_css("error") if overdue else "")

    def _activated(self, index: QModelIndex) -> None:
        case_id = index.data(IdRole)
        if case_id is not None:
            self.case_activated.emit(int(case_id))

    def export_calendar(self, path: Path | None = None, include_names: bool | None = None) -> int:
        """Every upcoming review to an .ics file, with the alarm set in Preferences."""
        return export_calendar(self, self.services, path, include_names)

    def clear(self) -> None:
        self.model.clear()
        self.summary.clear()
        self.services = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear()  # nothing of the cases stays in memory once the window is gone
        super().closeEvent(event)


def show_agenda(main_window: Any) -> AgendaWindow:
    """Show the main window's agenda (one per main window), connected to open cases."""
    window = main_window.findChild(AgendaWindow)
    if window is None or window.services is None:
        window = AgendaWindow(main_window.services, main_window)
        window.case_activated.connect(main_window.open_case)
    else:
        window.refresh()
    window.show()
    window.raise_()
    window.activateWindow()
    return window
