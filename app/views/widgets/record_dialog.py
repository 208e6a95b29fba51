"""The base of every record form: validates as the officer types, shows problems inline.

Subclasses add their fields with `add_field`, build the record in `make_record` and store it in
`save_record`. The record's own `validate()` report decides what appears under each field and
whether Save is enabled. A field's message appears once the officer has edited it (or tried to
save), so an empty form does not open covered in red, while the line above the buttons always
says what is still needed. Nothing typed is ever cleared: a refused save keeps the dialog open
with its text and says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.validation import InvalidRecord, Problem, ValidationReport
from app.domain.wording import plural
from app.models.theme import colour_css
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog

INVALID_FIELD = "invalid"  # dynamic property the style sheet can pick up


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def lines(text: str) -> tuple[str, ...]:
    """One item per non-empty line (attendees, agreed actions)."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def plain_text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


def change_signal(widget: QWidget) -> Any:
    """The signal a widget emits when the officer changes its value."""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    return getattr(widget, "changed", None)


class FieldRow:
    """A field's widget and the label under it that shows its problems."""

    def __init__(self, name: str, label: str, widget: QWidget, message: QLabel) -> None:
        self.name = name
        self.label = label
        self.widget = widget
        self.message = message


class RecordDialog(BaseDialog):
    """A form for one record. Subclasses: add fields, then implement the two hooks."""

    def __init__(self, title: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.today = today
        self.saved: Any = None
        self._rows: dict[str, FieldRow] = {}
        self._aliases: dict[str, str] = {}
        self._reveals: dict[str, set[str]] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._report = ValidationReport()

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("formStatus")
        self.save_error = QLabel()
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(colour_css("error"))
        self.save_error.setObjectName("saveError")
        self.save_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        outer = QVBoxLayout(self)
        outer.addLayout(self.body, 1)
        outer.addWidget(self.status)
        outer.addWidget(self.save_error)
        outer.addWidget(self.buttons)

    @property
    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    # -- building the form ---------------------------------------------------------------
    def add_field(
        self,
        name: str,
        label: str,
        widget: QWidget,
        layout: QFormLayout | None = None,
        also: Iterable[str] = (),
        revealed_by: Iterable[str] = (),
    ) -> QWidget:
        """Add a labelled field; problems reported for ``name`` (or ``also``) show under it
        once it was edited, or once a field in ``revealed_by`` was (e.g. ticking 'Other'
        makes the cause notes required)."""
        message = QLabel()
        message.setWordWrap(True)
        message.setObjectName(f"{name}Message")
        message.hide()
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(message)
        (layout or self.form).addRow(label, holder)
        self._rows[name] = FieldRow(name, label.rstrip(":"), widget, message)
        for alias in also:
            self._aliases[alias] = name
        for other in revealed_by:
            self._reveals.setdefault(other, set()).add(name)
        signal = change_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, n=name: self._changed(n))
        return widget

    def watch(self, name: str, widget: QWidget) -> None:
        """Revalidate when a widget that is part of field ``name`` changes (e.g. checkboxes)."""
        signal = change_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, n=name: self._changed(n))

    def field(self, name: str) -> QWidget:
        return self._rows[name].widget

    def message_for(self, name: str) -> str:
        """The problem shown under a field ('' when none is shown)."""
        row = self._rows[name]
        return "" if row.message.isHidden() else row.message.text()

    def finish(self) -> None:
        """Call at the end of a subclass's ``__init__``: first validation, Save state."""
        self.revalidate()

    # -- the two hooks -------------------------------------------------------------------
    def make_record(self, problems: ValidationReport) -> Any:
        """Build the record from the widgets; add parsing problems (e.g. 'not a number')."""
        raise NotImplementedError

    def save_record(self, record: Any) -> Any:
        """Store through a service and return the stored record."""
        raise NotImplementedError

    def validate_record(self, record: Any) -> ValidationReport:
        return record.validate(self.today)

    # -- validation ----------------------------------------------------------------------
    @property
    def report(self) -> ValidationReport:
        return self._report

    def _changed(self, name: str) -> None:
        self._touched.add(name)
        self._touched.update(self._reveals.get(name, ()))
        self.save_error.hide()
        self.revalidate()

    def current(self) -> tuple[Any, ValidationReport]:
        report = ValidationReport()
        record = self.make_record(report)
        if record is not None:
            report.extend(self.validate_record(record))
        return record, report

    def revalidate(self) -> ValidationReport:
        _record, report = self.current()
        self._show(report)
        return report

    def _row_for(self, problem: Problem) -> FieldRow | None:
        name = self._aliases.get(problem.field, problem.field)
        return self._rows.get(name)

    def _show(self, report: ValidationReport) -> None:
        self._report = report
        per_row: dict[str, list[Problem]] = {}
        loose: list[Problem] = []
        for p in report:
            row = self._row_for(p)
            if row is None:
                loose.append(p)
            else:
                per_row.setdefault(row.name, []).append(p)
        for name, row in self._rows.items():
            problems = per_row.get(name, [])
            visible = bool(problems) and (self._show_all or name in self._touched)
            errors = [p for p in problems if p.severity.value == "error"]
            row.message.setText(" ".join(p.message for p in (errors or problems)))
            row.message.setStyleSheet(colour_css("error" if errors else "warning"))
            row.message.setVisible(visible)
            row.widget.setProperty(INVALID_FIELD, bool(errors) and visible)
            row.widget.setToolTip(row.message.text() if visible else "")
        errors = report.errors
        if errors:
            needed = [f"{self._label(p)}: {p.message}" for p in errors]
            shown = " ".join(needed[:3]) + (
                f" … and {len(needed) - 3} more." if len(needed) > 3 else ""
            )
            self.status.setText(f"To save, fix {plural(len(errors), 'problem')}. {shown}")
            self.status.setStyleSheet(colour_css("error"))
        elif report.warnings or loose:
            self.status.setText("Check: " + " ".join(p.message for p in report.warnings))
            self.status.setStyleSheet(colour_css("warning"))
        else:
            self.status.setText("Ready to save.")
            self.status.setStyleSheet("")
        self.save_button.setEnabled(report.ok)
        self.save_button.setToolTip("" if report.ok else self.status.text())

    def _label(self, problem: Problem) -> str:
        row = self._row_for(problem)
        return row.label if row else (problem.field or "Record")

    # -- saving --------------------------------------------------------------------------
    def accept(self) -> None:
        self._show_all = True
        record, report = self.current()
        self._show(report)
        if record is None or not report.ok:
            return  # Save is disabled too; Enter in a line edit lands here
        try:
            self.saved = self.save_record(record)
        except InvalidRecord as exc:
            self._show(exc.report)
            self._show_save_error("Not saved. " + str(exc))
            return
        except (VaultError, ValueError) as exc:
            self._show_save_error(f"Not saved: {exc}")
            return
        super().accept()

    def _show_save_error(self, text: str) -> None:
        self.save_error.setText(text)
        self.save_error.show()
