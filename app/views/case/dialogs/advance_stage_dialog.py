"""Moving a case to another stage (or closing it) under its policy, with nothing hidden.

The dialog asks the escalation service what the move needs (`check_move` / `check_close`) every
time the target, the acting person or their role changes, and shows what is satisfied, what is
missing and who must approve. "Advance" is enabled only when the policy allows the move and a
reason is written. A sign-off given outside Casepath (a signed form, an e-mail) can be recorded
here with "Record approval", after which the check runs again.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.escalation.workflow import MoveCheck, close_target
from app.domain.records import Outcome, Role
from app.models.theme import colour_css
from app.models.ui_formats import ui_error, ui_formats, ui_label, ui_stage_name
from app.services.errors import VaultError
from app.views.calibration.satisfaction_fields import SatisfactionFields
from app.views.widgets.base_dialog import BaseDialog
from app.views.widgets.enum_combo import EnumCombo

OK_MARK = "✔"
MISSING_MARK = "✘"


def check_html(check: MoveCheck, stage_name: Any) -> str:
    """The requirements of a move as a short, escaped HTML report. What is still missing is a
    checklist of the case, not a typing mistake: marked ✗, in the palette's own colours."""
    target = html.escape(stage_name(check.to_stage))
    if check.allowed:
        head = QCoreApplication.translate("AdvanceStageDialog", "The move to %1 is allowed.")
    else:
        head = QCoreApplication.translate("AdvanceStageDialog", "The case cannot move to %1 yet.")
    parts = [f"<p><b>{head.replace('%1', target)}</b></p>"]
    if check.satisfied:
        parts.append(
            "<p>"
            + html.escape(QCoreApplication.translate("AdvanceStageDialog", "Already satisfied:"))
            + "</p><ul>"
            + "".join(f"<li>{OK_MARK} {html.escape(s)}</li>" for s in check.satisfied)
            + "</ul>"
        )
    if check.missing:
        parts.append(
            "<p>"
            + html.escape(QCoreApplication.translate("AdvanceStageDialog", "Still missing:"))
            + "</p><ul>"
            + "".join(f"<li>{MISSING_MARK} {html.escape(m)}</li>" for m in check.missing)
            + "</ul>"
        )
    approvers = ", ".join(ui_label(r) for r in check.required_approvals)
    reviewers = ", ".join(ui_label(r) for r in check.required_reviews)
    if approvers and reviewers:
        need = QCoreApplication.translate(
            "AdvanceStageDialog", "This move must be approved by the %1 and reviewed by the %2."
        )
    elif approvers:
        need = QCoreApplication.translate(
            "AdvanceStageDialog", "This move must be approved by the %1."
        )
    elif reviewers:
        need = QCoreApplication.translate(
            "AdvanceStageDialog", "This move must be reviewed by the %2."
        )
    else:
        need = QCoreApplication.translate(
            "AdvanceStageDialog", "No approval is needed for this move."
        )
    need = need.replace("%1", approvers).replace("%2", reviewers)
    parts.append(f"<p>{html.escape(need)}</p>")
    if check.recorded_approvals:
        parts.append(
            "<p>"
            + html.escape(QCoreApplication.translate("AdvanceStageDialog", "Recorded sign-offs:"))
            + "</p><ul>"
            + "".join(f"<li>{html.escape(a.describe())}</li>" for a in check.recorded_approvals)
            + "</ul>"
        )
    if check.skipped:
        skips = QCoreApplication.translate("AdvanceStageDialog", "Skips: %1")
        parts.append(f"<p>{html.escape(skips.replace('%1', ', '.join(check.skipped)))}</p>")
    return "".join(parts)


class AdvanceStageDialog(BaseDialog):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.case = services.cases.get(case_id)
        self.policy = services.escalation.policy_for(self.case)
        self.check: MoveCheck | None = None
        self.result_change: Any = None
        self.setWindowTitle(self.tr("Advance stage — %1").replace("%1", self.case.reference))

        self.current = QLabel(
            self.tr("Now at %1 since %2.")
            .replace("%1", f"<b>{html.escape(self.stage_name(self.case.stage))}</b>")
            .replace("%2", ui_formats().date(self.case.stage_entered_on or self.case.opened_on))
        )
        self.target = QComboBox()
        self.target.setObjectName("targetStage")
        self._fill_targets()
        self.actor = QLineEdit(services.officer.name)
        self.role = EnumCombo(Role)
        self.role.set_value(services.officer.role)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("Why the case moves now (required): the evidence and what was agreed.")
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.report = QTextBrowser()
        self.report.setObjectName("requirements")
        self.report.setAccessibleName(self.tr("What the move needs"))
        self.report.setMinimumHeight(180)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(colour_css("error"))
        self.message.hide()

        form = QFormLayout()
        form.addRow(self.tr("Move to:"), self.target)
        form.addRow(self.tr("Moved by:"), self.actor)
        form.addRow(self.tr("In the role of:"), self.role)
        form.addRow(self.tr("Reason:"), self.reason)
        self.satisfaction = SatisfactionFields()  # shown only when the move closes the case
        form.addRow(self.satisfaction)

        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("Name of who signed off"))
        self.approver_role = EnumCombo(Role)
        self._approver_role_chosen = False
        self.approver_role.activated.connect(self._approver_role_touched)
        self.approval_note = QLineEdit()
        self.approval_note.setPlaceholderText(self.tr("Optional: where the sign-off is documented"))
        self.record_approval_button = QPushButton(self.tr("Record approval"))
        self.record_approval_button.clicked.connect(self.record_approval)
        approval_box = QGroupBox(self.tr("Record a sign-off given for this move"))
        approval_form = QFormLayout(approval_box)
        approval_form.addRow(self.tr("Approver:"), self.approver)
        approval_form.addRow(self.tr("Role:"), self.approver_role)
        approval_form.addRow(self.tr("Note:"), self.approval_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_approval_button)
        approval_form.addRow(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.advance_button = self.buttons.addButton(
            self.tr("Advance"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.advance_button.setObjectName("advanceButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>What the policy requires</b>")))
        layout.addWidget(self.report, 1)
        layout.addWidget(approval_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 720)

        self.target.currentIndexChanged.connect(self._inputs_changed)
        self.role.currentIndexChanged.connect(self._inputs_changed)
        self.actor.textChanged.connect(self._inputs_changed)
        self.reason.textChanged.connect(self._update_button)
        self.approver.textChanged.connect(self._update_approval_button)
        self.recheck()

    # -- helpers -------------------------------------------------------------------------
    def stage_name(self, key: str) -> str:
        if key.startswith("closed:"):
            option = self.policy.outcome(Outcome(key.split(":", 1)[1]))
            return self.tr("closed (%1)").replace("%1", ui_label(option) if option else key)
        return ui_stage_name(self.policy, key)

    def _fill_targets(self) -> None:
        keys = self.policy.stage_keys
        here = keys.index(self.case.stage) if self.case.stage in keys else -1
        for i, key in enumerate(keys):
            if key == self.case.stage:
                continue
            label = self.tr("%1 (forward)") if i > here else self.tr("%1 (back)")
            self.target.addItem(label.replace("%1", ui_stage_name(self.policy, key)), key)
        for option in self.policy.outcomes:
            label = self.tr("Close the case: %1").replace("%1", ui_label(option))
            self.target.addItem(label, close_target(option.outcome))
        nxt = self.policy.next_stage(self.case.stage) if here >= 0 else None
        if nxt is not None:
            self.target.setCurrentIndex(self.target.findData(nxt))

    @property
    def target_key(self) -> str:
        return self.target.currentData() or ""

    def _outcome(self) -> Outcome | None:
        key = self.target_key
        return Outcome(key.split(":", 1)[1]) if key.startswith("closed:") else None

    # -- checking ------------------------------------------------------------------------
    def _inputs_changed(self) -> None:
        """A refusal message speaks of the move as it was; a different move starts clean."""
        self.message.hide()
        self.recheck()

    def recheck(self) -> None:
        if not self.target_key:
            return
        self.satisfaction.setVisible(self._outcome() is not None)
        role: Role = self.role.value()
        actor = self.actor.text().strip() or self.services.officer.name
        escalation = self.services.escalation
        outcome = self._outcome()
        if outcome is None:
            self.check = escalation.check_move(self.case_id, self.target_key, role, actor)
        else:
            self.check = escalation.check_close(self.case_id, outcome, role, actor)
        self.report.setHtml(check_html(self.check, self.stage_name))
        self._suggest_approver_role()
        self._update_button()
        self._update_approval_button()

    def _update_button(self) -> None:
        allowed = bool(self.check and self.check.allowed)
        has_reason = bool(self.reason.toPlainText().strip())
        has_actor = bool(self.actor.text().strip())
        self.advance_button.setEnabled(allowed and has_reason and has_actor)
        if not allowed:
            tip = self.tr("The policy does not allow this move yet; see what is missing.")
        elif not has_actor:
            tip = self.tr("Give the name of who moves the case.")
        elif not has_reason:
            tip = self.tr("Write the reason for the move.")
        else:
            tip = ""
        self.advance_button.setToolTip(tip)

    def _approver_role_touched(self) -> None:
        self._approver_role_chosen = True

    def _suggest_approver_role(self) -> None:
        """Offer the first role whose sign-off is still missing, unless the officer chose."""
        if self._approver_role_chosen or self.check is None:
            return
        if self.check.missing_signoffs:
            self.approver_role.set_value(self.check.missing_signoffs[0][0])

    def _update_approval_button(self) -> None:
        self.record_approval_button.setEnabled(bool(self.approver.text().strip()))

    # -- acting --------------------------------------------------------------------------
    def record_approval(self) -> None:
        try:
            self.services.escalation.approve(
                self.case_id,
                self.target_key,
                self.approver.text().strip(),
                self.approver_role.value(),
                self.approval_note.text().strip(),
            )
        except VaultError as exc:
            self._say(ui_error(exc))
            return
        self.message.hide()
        self.approver.clear()
        self.approval_note.clear()
        self.recheck()

    def accept(self) -> None:
        if not self.advance_button.isEnabled():
            return
        escalation = self.services.escalation
        role: Role = self.role.value()
        actor = self.actor.text().strip()
        reason = self.reason.toPlainText().strip()
        try:
            outcome = self._outcome()
            if outcome is None:
                self.result_change = escalation.advance(
                    self.case_id, self.target_key, actor, role, reason
                )
            else:
                self.result_change = escalation.close(
                    self.case_id, outcome, actor, role, reason, self.satisfaction.scores()
                )
        except VaultError as exc:
            self._say(ui_error(exc))
            self.recheck()
            return
        super().accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
