"""A write the policy's rights refuse is refused in the window as on the CLI: the record dialog
says which role is needed and nothing is saved (the same guard in the services)."""

from __future__ import annotations

from app.resource_paths import resource_path
from app.views.case.dialogs.case_record_dialogs import DecisionDialog
from tests.factories import open_case

RIGHTS = '\n[rights]\ndecision = ["hr_lead"]\n'


def test_the_decision_dialog_names_the_role_the_policy_needs(qtbot, services, tmp_path):
    policy = tmp_path / "policy.toml"
    policy.write_text(resource_path("policy", "default.toml").read_text("utf-8") + RIGHTS)
    services.escalation.import_policy(policy)
    case = open_case(services)
    dialog = DecisionDialog(services, case.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.decided_by, "Ola Nordmann")
    qtbot.keyClicks(dialog.summary, "Move to a written plan.")
    dialog.accept()
    assert not dialog.save_error.isHidden()
    assert "need the HR lead role; Hana Officer is HR officer" in dialog.save_error.text()
    assert services.cases.decisions(case.id) == []
    assert dialog.result() == 0  # still open: what was typed is kept
    assert dialog.summary.toPlainText() == "Move to a written plan."
