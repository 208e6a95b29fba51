"""Recording an exception to the escalation path, and deciding one that waits.

"Request exception…" records an extension, a pause of the clock, a skipped stage or another
deviation, always with a reason. Naming an approver (whose role holds the right under the
policy) records it as approved at once; leaving the approver empty records a request, and the
case is then flagged "awaiting approval" until someone decides it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.domain.escalation.escalation_records import (
    CaseException,
    ExceptionKind,
    ExceptionStatus,
)
from app.domain.records import Role
from app.domain.validation import ValidationReport
from app.models.theme import colour_css
from app.models.ui_formats import ui_label, ui_stage_name
from app.views.widgets.enum_combo import EnumCombo
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate

_KIND_HELP = {
    ExceptionKind.EXTEND: QT_TRANSLATE_NOOP(
        "ExceptionDialog", "Adds business days to the current stage's deadline."
    ),
    ExceptionKind.PAUSE: QT_TRANSLATE_NOOP(
        "ExceptionDialog", "Stops the clock between two dates (e.g. a leave of absence)."
    ),
    ExceptionKind.SKIP: QT_TRANSLATE_NOOP(
        "ExceptionDialog", "Allows the case to skip a later stage."
    ),
    ExceptionKind.DEVIATION: QT_TRANSLATE_NOOP(
        "ExceptionDialog", "Any other agreed departure from the path."
    ),
}


def _kind_help(kind: ExceptionKind) -> str:
    return QCoreApplication.translate("ExceptionDialog", _KIND_HELP[kind])


def _roles(none_label: str) -> EnumCombo:
    return EnumCombo(Role, none_label=none_label)


class ExceptionDialog(RecordDialog):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ExceptionDialog", "Request exception"),
            services.clock.today(),
            parent,
        )
        self.services = services
        self.case_id = case_id
        self.case = services.cases.get(case_id)
        self.policy = services.escalation.policy_for(self.case)

        self.kind = EnumCombo(ExceptionKind)
        for i, k in enumerate(ExceptionKind):
            self.kind.setItemData(i, _kind_help(k), Qt.ItemDataRole.ToolTipRole)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Why the path should change for this case (required)")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(80)
        self.reason.setMaximumHeight(140)
        self.requested_by = QLineEdit(services.officer.name)
        self.extra_days = QSpinBox()
        self.extra_days.setRange(0, 365)
        self.extra_days.setSuffix(self.tr(" business days"))
        self.starts_on = date_edit(self.today)
        self.ends_on = date_edit(self.today)
        self.skip_stage = QComboBox()
        keys = self.policy.stage_keys
        here = keys.index(self.case.stage) if self.case.stage in keys else -1
        for key in keys[here + 1 : -1]:
            self.skip_stage.addItem(ui_stage_name(self.policy, key), key)
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(
            self.tr("Leave empty to record a request awaiting approval")
        )
        self.approver_role = _roles(self.tr("— choose the approver's role —"))

        self.add_field("kind", self.tr("Kind:"), self.kind)
        self.add_field("reason", self.tr("Reason:"), self.reason)
        self.add_field("requested_by", self.tr("Requested by:"), self.requested_by)
        self.add_field("extra_business_days", self.tr("Extension:"), self.extra_days)
        self.add_field("starts_on", self.tr("Pause from:"), self.starts_on)
        self.add_field("ends_on", self.tr("Pause until:"), self.ends_on)
        self.add_field("skip_stage", self.tr("Stage to skip:"), self.skip_stage)
        self.add_field("approver", self.tr("Approved by:"), self.approver)
        self.add_field("approver_role", self.tr("Approver's role:"), self.approver_role)
        self.approvers_hint = QLabel()
        self.approvers_hint.setWordWrap(True)
        self.approvers_hint.setStyleSheet(colour_css("muted"))
        self.form.addRow("", self.approvers_hint)
        self.body.addLayout(self.form)
        self.body.addStretch(1)
        self.kind.currentIndexChanged.connect(self._show_kind_fields)
        self._show_kind_fields()
        self.resize(560, 520)
        self.finish()

    def _show_kind_fields(self) -> None:
        kind: ExceptionKind = self.kind.value()
        self.kind.setToolTip(_kind_help(kind))
        shown = {
            "extra_business_days": kind is ExceptionKind.EXTEND,
            "starts_on": kind is ExceptionKind.PAUSE,
            "ends_on": kind is ExceptionKind.PAUSE,
            "skip_stage": kind is ExceptionKind.SKIP,
        }
        for name, visible in shown.items():
            self.form.setRowVisible(self.field(name).parentWidget(), visible)
        roles = self.policy.exception_approvers.get(kind, ())
        if roles:
            hint = self.tr("Under this policy, an exception of the kind “%1” is approved by: %2.")
        else:
            hint = self.tr(
                "This policy names nobody who may approve an exception of the kind “%1”."
            )
        self.approvers_hint.setText(
            hint.replace("%1", ui_label(kind)).replace("%2", ", ".join(ui_label(r) for r in roles))
        )

    def make_record(self, problems: ValidationReport) -> CaseException:
        kind: ExceptionKind = self.kind.value()
        approver = self.approver.text().strip()
        role = self.approver_role.value()
        if approver and role is None:
            problems.error("approver_role", "Choose the approver's role.")
        if kind is ExceptionKind.SKIP and self.skip_stage.count() == 0:
            problems.error("skip_stage", "No later stage can be skipped from here.")
        if (
            kind is ExceptionKind.EXTEND
            and self.extra_days.value() > self.policy.max_extension_business_days
        ):
            problems.error(
                "extra_business_days",
                f"An extension may add at most "
                f"{self.policy.max_extension_business_days} business days under "
                "this policy.",
            )
        return CaseException(
            case_id=self.case_id,
            kind=kind,
            reason=self.reason.toPlainText().strip(),
            requested_by=self.requested_by.text().strip(),
            requested_on=self.today,
            stage=self.case.stage,
            approver=approver,
            approver_role=role if approver else None,
            status=ExceptionStatus.APPROVED if approver else ExceptionStatus.REQUESTED,
            starts_on=from_qdate(self.starts_on.date()) if kind is ExceptionKind.PAUSE else None,
            ends_on=from_qdate(self.ends_on.date()) if kind is ExceptionKind.PAUSE else None,
            extra_business_days=self.extra_days.value() if kind is ExceptionKind.EXTEND else 0,
            skip_stage=(self.skip_stage.currentData() or "") if kind is ExceptionKind.SKIP else "",
        )

    def save_record(self, record: CaseException) -> CaseException:
        return self.services.escalation.request_exception(
            self.case_id,
            record.kind,
            record.reason,
            record.requested_by,
            approver=record.approver,
            approver_role=record.approver_role,
            starts_on=record.starts_on,
            ends_on=record.ends_on,
            extra_business_days=record.extra_business_days,
            skip_stage=record.skip_stage,
        )


class DecideExceptionDialog(RecordDialog):
    """Approve or decline an exception that waits for a decision."""

    def __init__(
        self, services: Any, exception: CaseException, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("DecideExceptionDialog", "Decide exception"),
            services.clock.today(),
            parent,
        )
        self.services = services
        self.exception = exception
        self.summary = QPlainTextEdit(exception.describe())
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(90)
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("Name of who decides"))
        self.approver_role = _roles(self.tr("— choose the role —"))

        self.decision = QComboBox()
        self.decision.addItem(self.tr("Approve"), True)
        self.decision.addItem(self.tr("Decline"), False)
        self.form.addRow(self.tr("Exception:"), self.summary)
        self.add_field("approver", self.tr("Decided by:"), self.approver)
        self.add_field("approver_role", self.tr("Role:"), self.approver_role)
        self.add_field("decision", self.tr("Decision:"), self.decision)
        self.body.addLayout(self.form)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("Record decision")
        )
        self.resize(520, 320)
        self.finish()

    def make_record(self, problems: ValidationReport) -> CaseException:
        role = self.approver_role.value()
        if role is None:
            problems.error("approver_role", "Choose the role of who decides.")
        return replace(
            self.exception,
            approver=self.approver.text().strip(),
            approver_role=role,
            status=ExceptionStatus.APPROVED
            if self.decision.currentData()
            else ExceptionStatus.DECLINED,
            decided_on=self.today,
        )

    def save_record(self, record: CaseException) -> CaseException:
        return self.services.escalation.decide_exception(
            self.exception.id,
            record.approver,
            record.approver_role,
            approve=bool(self.decision.currentData()),
        )
