"""The Calibration window: figures by group, time in stage with p90, drift, pilot, exports.

Thin: the figures come from `app.services.calibration.calibration`, already protected for small
groups.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.documents.pdf.calibration_report import render_calibration_pdf
from app.documents.redaction.redaction_verifier import RedactionRefused, require_clean
from app.models.ui_formats import date_edit_format, ui_error
from app.services.calibration.calibration import (
    CalibrationError,
    CalibrationPolicy,
    Request,
    calibration_report,
    export_calibration,
    stage_names,
)
from app.services.errors import VaultError


class CalibrationWindow(QDialog):
    def __init__(self, services: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("calibrationWindow")
        self.setWindowTitle(self.tr("Calibration"))
        self.services = services
        self.figures: dict = {}
        today = services.clock.today()
        self.start_edit = QDateEdit(QDate(today.year - 1, today.month, today.day))
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_edit_format())
        self.by_combo = QComboBox()
        self.by_combo.addItem(self.tr("Department"), "department")
        self.by_combo.addItem(self.tr("Manager"), "manager")
        self.pilot_edit = QLineEdit()
        self.pilot_edit.setObjectName("pilotDepartment")
        self.pilot_edit.setPlaceholderText(self.tr("department (optional)"))
        self.since_edit = QDateEdit(QDate(today.year, 1, 1))
        self.since_edit.setDisplayFormat(date_edit_format())
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start_edit)
        form.addRow(self.tr("To"), self.end_edit)
        form.addRow(self.tr("Group by"), self.by_combo)
        form.addRow(self.tr("Pilot"), self.pilot_edit)
        form.addRow(self.tr("Pilot since"), self.since_edit)
        self.show_button = QPushButton(self.tr("Show figures"))
        self.show_button.setObjectName("showFigures")
        self.show_button.clicked.connect(lambda: self.recompute())
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.json_button = QPushButton(self.tr("Export JSON…"))
        self.json_button.clicked.connect(lambda: self.export("json"))
        self.rate_view = QChartView()
        self.stage_view = QChartView()
        self.rate_view.setAccessibleName(self.tr("Outcome rates chart"))
        self.stage_view.setAccessibleName(self.tr("Time in stage chart"))
        for view in (self.rate_view, self.stage_view):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        self.drift_list = QListWidget()
        self.drift_list.setObjectName("driftList")
        self.drift_list.setAccessibleName(self.tr("Where practice drifts"))
        buttons = QHBoxLayout()
        for b in (self.show_button, self.pdf_button, self.json_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        charts = QHBoxLayout()
        charts.addWidget(self.rate_view)
        charts.addWidget(self.stage_view)
        layout.addLayout(charts)
        layout.addWidget(self.drift_list)
        self.resize(900, 640)
        self.recompute()

    def request(self) -> Request:
        pilot = self.pilot_edit.text().strip() or None
        return Request(
            self.start_edit.date().toPython(),
            self.end_edit.date().toPython(),
            self.by_combo.currentData(),
            pilot,
            self.since_edit.date().toPython() if pilot else None,
        )

    def recompute(self) -> None:
        try:
            self.figures = calibration_report(
                self.services.vault.conn,
                self.request(),
                CalibrationPolicy.default(),
                stage_names(self.services),
            )
        except CalibrationError as exc:
            QMessageBox.warning(self, self.tr("Calibration"), ui_error(exc))
            return
        esc = [
            g
            for g in self.figures["escalation"]["groups"]
            if isinstance(g["per_100_employees"], int | float)
        ]
        self.rate_view.setChart(
            _bars(
                self.tr("Formal escalations per 100 employees"),
                [g["group"] for g in esc],
                [g["per_100_employees"] for g in esc],
            )
        )
        overall = self.figures["time_in_stage"]["overall"]
        stages = [s for s, v in overall.items() if isinstance(v["p90_days"], int | float)]
        self.stage_view.setChart(
            _bars(
                self.tr("Time in stage, 90th percentile (days)"),
                [self.figures["labels"].get(s, s) for s in stages],
                [overall[s]["p90_days"] for s in stages],
            )
        )
        self.drift_list.clear()
        versus = self.tr("%1: %2 vs %3")
        for d in self.figures["drift"]:
            lines = "; ".join(
                versus.replace("%1", str(x["measure"]))
                .replace("%2", str(x["group_value"]))
                .replace("%3", str(x["organisation_value"]))
                for x in d["differences"]
            )

            self.drift_list.addItem(f"{d['group']}: {lines}. {d['confidence_note']}")
        if not self.figures["drift"]:
            self.drift_list.addItem(self.tr("No group differs by more than the policy factor."))

    def export(self, kind: str, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"calibration.{kind}")
        if not path:
            return False
        if kind == "pdf":
            data = render_calibration_pdf(
                self.figures, self.services.vault_settings.document_language()
            )
        else:
            data = (json.dumps(self.figures, ensure_ascii=False, indent=2) + "\n").encode()
        try:
            require_clean(data, kind, self.services.documents.identifier_index())
            # 0600, all or nothing, never over an existing file, and audited.
            export_calibration(self.services.vault, Path(path), data, kind)
        except (RedactionRefused, OSError, VaultError) as exc:
            QMessageBox.warning(self, self.tr("Calibration"), ui_error(exc))
            return False
        return True


def _bars(title: str, labels: list[str], values: list[float]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    bars = QBarSet(title)
    for v in values:
        bars.append(float(v))
    series = QBarSeries()
    series.append(bars)
    chart.addSeries(series)
    x = QBarCategoryAxis()
    x.append(labels)
    y = QValueAxis()
    y.setRange(0, max([1.0, *values]) * 1.1)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)
    return chart


def calibration_action(main_window: Any) -> QAction:
    """The View → Calibration action (one window per main window)."""
    action = QAction(QCoreApplication.translate("CalibrationWindow", "Ca&libration"), main_window)
    action.setObjectName("calibrationAction")
    action.triggered.connect(lambda: show_calibration(main_window))
    return action


def show_calibration(main_window: Any) -> CalibrationWindow:
    window = main_window.findChild(CalibrationWindow)
    if window is None:
        window = CalibrationWindow(main_window.services, main_window)
    window.show()
    window.raise_()
    return window
