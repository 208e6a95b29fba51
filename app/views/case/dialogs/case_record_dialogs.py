"""Forms for an indicator, an observation and a decision on a case.

Each is a `RecordDialog`: the record's `validate()` report shows under the fields as the
officer types, and Save stays disabled while anything is wrong.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from app.domain.records import Decision, Indicator, IndicatorCategory, Observation, Role
from app.domain.validation import ValidationReport
from app.views.widgets.enum_combo import EnumCombo
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate


def _text(placeholder: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def _line(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return edit


def parse_number(text: str, field: str, label: str, problems: ValidationReport) -> float | None:
    """'' → None; '12', '12.5' or '12,5' → a number; anything else → a problem on the field."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if not t:
        return None
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        problems.error(
            field,
            QCoreApplication.translate(
                "IndicatorDialog", "%1 must be a number, e.g. 40 or 12.5."
            ).replace("%1", label),
        )
        return None


class _CaseRecordDialog(RecordDialog):
    # (new record, correction) window titles, translated in the subclass's context
    titles = ("", "")

    def __init__(
        self, services: Any, case_id: int, existing: Any = None, parent: QWidget | None = None
    ) -> None:
        title = QCoreApplication.translate(type(self).__name__, self.titles[existing is not None])
        super().__init__(title, services.clock.today(), parent)
        self.services = services
        self.case_id = case_id
        self.existing = existing
        self.body.addLayout(self.form)
        from app.views.case.dialogs.history_dialog import add_history_button

        self.history_button = add_history_button(self, services, case_id, existing)

    def save_record(self, record: Any) -> Any:
        if self.existing is not None:
            return self.services.cases.update(record)
        return self.services.cases.add(record)

    def _keep_identity(self, record: Any) -> Any:
        if self.existing is None:
            return record
        return replace(record, id=self.existing.id, uid=self.existing.uid)


class IndicatorDialog(_CaseRecordDialog):
    """A measurable trigger: what was expected, what happened, where the figure came from."""

    titles = (
        QT_TRANSLATE_NOOP("IndicatorDialog", "Record an indicator"),
        QT_TRANSLATE_NOOP("IndicatorDialog", "Correct an indicator"),
    )

    def __init__(
        self,
        services: Any,
        case_id: int,
        existing: Indicator | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, case_id, existing, parent)
        self.category = EnumCombo(IndicatorCategory)
        self.metric_edit = _line(self.tr("What is measured, e.g. 'Tickets closed per week'"))
        self.observed_on = date_edit(existing.observed_on if existing else self.today)
        self.expected = _line(self.tr("Target, e.g. 40"))
        self.actual = _line(self.tr("Measured, e.g. 28"))
        self.unit = _line(self.tr("e.g. tickets/week, %, complaints"))
        self.source = _line(self.tr("Where the figure comes from, e.g. 'Service desk report'"))
        self.note = _text(self.tr("What was observed (required when there are no figures)"))
        self.add_field("category", self.tr("Category:"), self.category)
        self.add_field("metric", self.tr("Metric:"), self.metric_edit)
        self.add_field("observed_on", self.tr("Observed on:"), self.observed_on)
        self.add_field("expected", self.tr("Expected:"), self.expected)
        self.add_field("actual", self.tr("Actual:"), self.actual)
        self.add_field("unit", self.tr("Unit:"), self.unit)
        self.add_field("source", self.tr("Source:"), self.source)
        self.add_field("note", self.tr("Note:"), self.note)
        if existing is not None:
            self.category.set_value(existing.category)
            self.metric_edit.setText(existing.metric)
            self.expected.setText("" if existing.expected is None else f"{existing.expected:g}")
            self.actual.setText("" if existing.actual is None else f"{existing.actual:g}")
            self.unit.setText(existing.unit)
            self.source.setText(existing.source)
            self.note.setPlainText(existing.note)
        self.resize(560, 480)
        self.finish()

    def make_record(self, problems: ValidationReport) -> Indicator:
        record = Indicator(
            case_id=self.case_id,
            category=self.category.value(),
            metric=self.metric_edit.text().strip(),
            observed_on=from_qdate(self.observed_on.date()),
            expected=parse_number(self.expected.text(), "expected", self.tr("Expected"), problems),
            actual=parse_number(self.actual.text(), "actual", self.tr("Actual"), problems),
            unit=self.unit.text().strip(),
            source=self.source.text().strip(),
            note=self.note.toPlainText().strip(),
        )
        bad_expected, bad_actual = problems.for_field("expected"), problems.for_field("actual")
        # 'abc' typed as one value is one problem, not also "give both values or neither".
        if bad_expected and not bad_actual:
            record = replace(record, expected=record.actual)
        elif bad_actual and not bad_expected:
            record = replace(record, actual=record.expected)
        return self._keep_identity(record)

    def validate_record(self, record: Indicator) -> ValidationReport:
        report = record.validate(self.today)
        if record.category.high_stakes:
            report.warning(
                "category",
                self.tr("Safety and compliance indicators may call for the high-stakes track."),
            )
        return report


class ObservationDialog(_CaseRecordDialog):
    """A qualitative note from a named peer or stakeholder."""

    titles = (
        QT_TRANSLATE_NOOP("ObservationDialog", "Record an observation"),
        QT_TRANSLATE_NOOP("ObservationDialog", "Correct an observation"),
    )

    def __init__(
        self,
        services: Any,
        case_id: int,
        existing: Observation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, case_id, existing, parent)
        self.observed_on = date_edit(existing.observed_on if existing else self.today)
        self.author = _line(self.tr("Who observed it"))
        self.author_role = _line(self.tr("e.g. peer, customer, team lead"))
        self.text = _text(
            self.tr("What was observed: context, causes, constraints — facts, not judgements"), 140
        )
        self.add_field("observed_on", self.tr("Observed on:"), self.observed_on)
        self.add_field("author", self.tr("Author:"), self.author)
        self.add_field("author_role", self.tr("Author's role:"), self.author_role)
        self.add_field("text", self.tr("Observation:"), self.text)
        if existing is not None:
            self.author.setText(existing.author)
            self.author_role.setText(existing.author_role)
            self.text.setPlainText(existing.text)
        self.resize(560, 420)
        self.finish()

    def make_record(self, problems: ValidationReport) -> Observation:
        return self._keep_identity(
            Observation(
                case_id=self.case_id,
                observed_on=from_qdate(self.observed_on.date()),
                author=self.author.text().strip(),
                author_role=self.author_role.text().strip(),
                text=self.text.toPlainText().strip(),
            )
        )


class DecisionDialog(_CaseRecordDialog):
    """A decision taken on the case, who took it in which role, and why."""

    titles = (
        QT_TRANSLATE_NOOP("DecisionDialog", "Record a decision"),
        QT_TRANSLATE_NOOP("DecisionDialog", "Correct a decision"),
    )

    def __init__(
        self,
        services: Any,
        case_id: int,
        existing: Decision | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, case_id, existing, parent)
        self.decided_on = date_edit(existing.decided_on if existing else self.today)
        self.decided_by = _line(self.tr("Name of who decided"))
        self.role = EnumCombo(Role)
        self.summary = _text(self.tr("The decision in one or two sentences"), 60)
        self.rationale = _text(self.tr("Why: the evidence and the alternatives considered"), 100)
        self.add_field("decided_on", self.tr("Decided on:"), self.decided_on)
        self.add_field("decided_by", self.tr("Decided by:"), self.decided_by)
        self.add_field("role", self.tr("Role:"), self.role)
        self.add_field("summary", self.tr("Decision:"), self.summary)
        self.add_field("rationale", self.tr("Rationale:"), self.rationale)
        if existing is not None:
            self.decided_by.setText(existing.decided_by)
            self.role.set_value(existing.role)
            self.summary.setPlainText(existing.summary)
            self.rationale.setPlainText(existing.rationale)
        else:
            self.role.set_value(Role.MANAGER)
        self.resize(560, 440)
        self.finish()

    def make_record(self, problems: ValidationReport) -> Decision:
        return self._keep_identity(
            Decision(
                case_id=self.case_id,
                decided_on=from_qdate(self.decided_on.date()),
                decided_by=self.decided_by.text().strip(),
                role=self.role.value(),
                summary=self.summary.toPlainText().strip(),
                rationale=self.rationale.toPlainText().strip(),
            )
        )
