"""Calm forms: every record form opens without a problem shown or red text, and says what is
wrong (beside each field and above Save) once Save is pressed, keeping what was typed."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.escalation.escalation_records import ExceptionKind
from app.models.theme import colour_css
from app.views.case.dialogs.case_record_dialogs import (
    DecisionDialog,
    IndicatorDialog,
    ObservationDialog,
)
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from app.views.case.dialogs.exception_dialog import ExceptionDialog
from app.views.employees.employee_dialog import EmployeeDialog
from app.views.plans.plan_dialog import PlanDialog
from app.views.plans.progress_dialog import ProgressDialog
from app.views.reviews.review_dialog import ReviewDialog
from app.views.reviews.review_outcome_dialog import ReviewOutcomeDialog
from tests.factories import open_case
from tests.plan_factories import plan, review

FORMS = {
    "indicator": lambda s, c: IndicatorDialog(s, c.id),
    "observation": lambda s, c: ObservationDialog(s, c.id),
    "decision": lambda s, c: DecisionDialog(s, c.id),
    "conversation": lambda s, c: ConversationDialog(s, c.id),
    "exception": lambda s, c: ExceptionDialog(s, c.id),
    "employee": lambda s, c: EmployeeDialog(s),
    "plan": lambda s, c: PlanDialog(s, c.id),
    "progress": lambda s, c: ProgressDialog(s, c.id, s.plans.create(plan(c))),
    "review": lambda s, c: ReviewDialog(s, c.id),
    "review outcome": lambda s, c: ReviewOutcomeDialog(
        s, s.reviews.schedule(review(c, on=date(2026, 3, 16)))
    ),
}


@pytest.mark.parametrize("name", list(FORMS))
def test_form_opens_calm_and_explains_on_save(qtbot, services, name):
    case = open_case(services, stage="improvement_plan")
    if name == "review outcome":
        services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    dialog = FORMS[name](services, case)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.shown_messages(), name  # nothing said before anything is typed
    assert colour_css("error") not in dialog.status.styleSheet(), dialog.status.text()
    assert not dialog.can_save  # every one of these forms needs something typed first
    assert dialog.save_button.isEnabled()  # … and Save says what, rather than being grey
    dialog.accept()
    assert dialog.result() == 0 and dialog.submitted
    assert dialog.shown_messages(), name
    assert colour_css("error") in dialog.status.styleSheet()
    assert "Not saved yet" in dialog.status.text()
    assert dialog.focusWidget() is not None  # the cursor went to a field to fix


def test_a_bad_edit_is_said_beside_its_field_and_nothing_typed_is_lost(qtbot, services):
    case = open_case(services)
    dialog = IndicatorDialog(services, case.id)
    qtbot.addWidget(dialog)
    dialog.expected.setText("forty")
    assert "number" in dialog.message_for("expected") or "number" in dialog.status.text()
    assert dialog.message_for("metric") == ""  # untouched fields stay quiet
    dialog.accept()
    assert dialog.expected.text() == "forty"


def test_decide_exception_opens_calm(qtbot, services):
    from app.views.case.dialogs.exception_dialog import DecideExceptionDialog

    case = open_case(services)
    exc = services.escalation.request_exception(
        case.id,
        ExceptionKind.PAUSE,
        "Leave of absence",
        "Hana Officer",
        starts_on=date(2026, 3, 16),
        ends_on=date(2026, 3, 27),
    )
    dialog = DecideExceptionDialog(services, exc)
    qtbot.addWidget(dialog)
    assert not dialog.shown_messages()
    assert colour_css("error") not in dialog.status.styleSheet()
