"""Closing a case in the advance-stage dialog asks for optional satisfaction scores."""

from __future__ import annotations

from app.domain.plans.satisfaction import Satisfaction
from app.domain.records import Role
from app.vault.repositories import satisfaction_repository
from app.views.case.dialogs.advance_stage_dialog import AdvanceStageDialog
from tests.factories import open_case
from tests.unit.escalation.test_escalation_service import decision


def test_close_with_scores_from_the_dialog(qtbot, services):
    case = open_case(services, stage="outcome")
    services.cases.add(decision(case, role=Role.HR_LEAD))
    dialog = AdvanceStageDialog(services, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.satisfaction
    close_at = dialog.target.findData("closed:improved")
    assert close_at >= 0
    other = next(i for i in range(dialog.target.count()) if i != close_at)
    dialog.target.setCurrentIndex(other)
    assert not fields.isVisible()  # an ordinary move asks nothing
    dialog.target.setCurrentIndex(close_at)
    assert fields.isVisible()
    assert fields.scores() == Satisfaction()  # "Not asked" by default
    fields.employee_combo.setCurrentIndex(fields.employee_combo.findData(4))
    fields.manager_combo.setCurrentIndex(fields.manager_combo.findData(2))
    qtbot.keyClicks(dialog.reason, "Targets met for three months.")
    assert dialog.advance_button.isEnabled()
    dialog.accept()
    assert services.cases.get(case.id).status.value == "closed"
    assert satisfaction_repository.get(services.vault.conn, case.id) == Satisfaction(4, 2)
