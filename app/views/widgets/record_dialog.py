"""The base of every record form: validates as the officer types, shows problems inline.

Subclasses add their fields with `add_field`, build the record in `make_record` and store it in
`save_record`. The record's own `validate()` report decides what appears under each field.
Calm by design: a field's message appears once the officer has edited it, or after Save was
pressed, so a form never opens covered in red. Until then the line above the buttons says
quietly what is still needed; Save stays enabled, and pressing it with problems left shows
every message beside its field, says in red what is missing and puts the cursor in the first
field to fix. Nothing typed is ever cleared: a refused save keeps the dialog open with its
text and says why.
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
from app.models.theme import colour_css
from app.models.ui_formats import date_edit_format, ui_error, ui_said
from app.services.errors import VaultError
from app.views.widgets.base_dialog import BaseDialog

CALM_STYLE = ""  # the palette's own text colour: a hint, not an alarm
INVALID_FIELD = "invalid"  # dynamic property the style sheet can pick up


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
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

    @property
    def can_save(self) -> bool:
        """The form as it stands would be accepted (Save itself is always enabled)."""
        return self._report.ok

    @property
    def submitted(self) -> bool:
        """Save was pressed at least once, so every problem is shown."""
        return self._show_all

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

    def shown_messages(self) -> dict[str, str]:
        """Every problem shown beside a field right now (empty on a calm, untouched form)."""
        return {name: self.message_for(name) for name in self._rows if self.message_for(name)}

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
            row.message.setText(" ".join(ui_said(p.message) for p in (errors or problems)))
            row.message.setStyleSheet(colour_css("error" if errors else "warning"))
            row.message.setVisible(visible)
            row.widget.setProperty(INVALID_FIELD, bool(errors) and visible)
            row.widget.setToolTip(row.message.text() if visible else "")
        errors = report.errors
        if errors:
            needed = [f"{self._label(p)}: {ui_said(p.message)}" for p in errors]
            shown = " ".join(needed[:3]) + (
                self.tr(" … and {n} more.").format(n=len(needed) - 3) if len(needed) > 3 else ""
            )
            if self._show_all:
                head = (
                    self.tr("Not saved yet: fix this problem. ")
                    if len(errors) == 1
                    else self.tr("Not saved yet: fix {n} problems. ").format(n=len(errors))
                )
                self.status.setText(head + shown)
                self.status.setStyleSheet(colour_css("error"))
            else:
                # Words for what the officer already touched; only names for the rest.
                items = []
                for p in errors:
                    row = self._row_for(p)
                    said = row is None or row.name in self._touched
                    items.append(
                        f"{self._label(p)}: {ui_said(p.message)}" if said else self._label(p)
                    )
                self.status.setText(
                    self.tr("Still needed before saving: ") + "; ".join(dict.fromkeys(items))
                )
                self.status.setStyleSheet(CALM_STYLE)
        elif report.warnings or loose:
            self.status.setText(
                self.tr("Check: ") + " ".join(ui_said(p.message) for p in report.warnings or loose)
            )
            self.status.setStyleSheet(
                colour_css("warning") if self._touched or self._show_all else ""
            )
        else:
            self.status.setText(self.tr("Ready to save."))
            self.status.setStyleSheet(CALM_STYLE)
        self.save_button.setToolTip("" if report.ok else self.status.text())

    def _label(self, problem: Problem) -> str:
        row = self._row_for(problem)
        return row.label if row else (problem.field or self.tr("Record"))

    # -- saving --------------------------------------------------------------------------
    def accept(self) -> None:
        self._show_all = True
        record, report = self.current()
        self._show(report)
        if record is None or not report.ok:
            self._focus_first_problem(report)
            return
        try:
            self.saved = self.save_record(record)
        except InvalidRecord as exc:
            self._show(exc.report)
            self._show_save_error(self.tr("Not saved. ") + ui_error(exc))
            return
        except (VaultError, ValueError) as exc:
            self._show_save_error(self.tr("Not saved: {why}").format(why=ui_error(exc)))
            return
        super().accept()

    def _focus_first_problem(self, report: ValidationReport) -> None:
        """Put the cursor where the officer must act first (in form order)."""
        wrong = {self._row_for(p).name for p in report.errors if self._row_for(p) is not None}
        for name, row in self._rows.items():
            if name in wrong and row.widget.isEnabled():
                row.widget.setFocus()
                return

    def _show_save_error(self, text: str) -> None:
        self.save_error.setText(text)
        self.save_error.show()
