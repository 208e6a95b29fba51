"""A check-in conversation lists the plan's open micro-goals and marks them in the same form;
prompts follow the kind of conversation."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.plans.plans import MicroGoal, MicroGoalStatus
from app.domain.prompt_templates import TemplateKind
from app.domain.records import Conversation, ConversationKind
from app.services.cases.conversation_prompts import shipped_text
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from tests.factories import open_case
from tests.plan_factories import objective, plan


@pytest.fixture
def case(services):
    case = open_case(services, stage="improvement_plan")
    goals = (
        MicroGoal("Clear the backlog", date(2026, 3, 13)),
        MicroGoal("Pair with a senior analyst", date(2026, 4, 10)),
        MicroGoal("Already done", date(2026, 3, 6), status=MicroGoalStatus.DONE),
    )
    services.plans.create(plan(case, objectives=(objective(micro_goals=goals),)))
    return case


def _dialog(qtbot, services, case, kind=ConversationKind.CHECK_IN):
    dialog = ConversationDialog(services, case.id, kind=kind)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves the prompts, as for a person
    return dialog


def test_check_in_marks_micro_goals_through_the_plan_service(qtbot, services, case):
    dialog = _dialog(qtbot, services, case)
    assert dialog.micro_goals.isVisible() and not dialog.shown_messages()
    listed = [goal.title for goal, _c, _n in dialog.micro_goals.rows]
    assert listed == ["Clear the backlog", "Pair with a senior analyst"]  # open ones, by date
    dialog.micro_goals.rows[0][1].setFocus()
    assert dialog.current_prompts == "micro_goals"
    assert "Mark each micro-goal" in dialog.prompt_panel.toPlainText()
    dialog.summary.setPlainText("Backlog cleared; pairing starts next week.")
    dialog.attendees.setPlainText("Zoë Ångström\nOla Nordmann (manager)")
    dialog.mark(1, MicroGoalStatus.MISSED, "Not due yet")  # due 10 April: refused in words
    assert not dialog.can_save
    assert "cannot be missed yet" in dialog.message_for("micro_goals")
    dialog.mark(1, MicroGoalStatus.OPEN)
    dialog.mark(0, MicroGoalStatus.DONE, "Under 20 tickets")
    assert dialog.can_save, dialog.status.text()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    goals = services.plans.active(case.id).objectives[0].micro_goals
    assert [(g.status, g.note) for g in goals[:2]] == [
        (MicroGoalStatus.DONE, "Under 20 tickets"),
        (MicroGoalStatus.OPEN, ""),
    ]
    (talk,) = services.cases.records(Conversation, case.id)
    assert talk.kind is ConversationKind.CHECK_IN
    events = [e for e in services.vault.audit_events() if e.action == "plan.micro_goal"]
    assert len(events) == 1 and services.plans.active(case.id).version == 1  # not a revision


def test_prompts_follow_the_kind_and_the_vaults_templates(qtbot, services, case):
    services.templates.save(
        TemplateKind.FORMAL_CONCERN,
        shipped_text(TemplateKind.FORMAL_CONCERN).replace(
            "Which facts and figures show the gap", "Which dated facts show the gap"
        ),
    )
    dialog = _dialog(qtbot, services, case, ConversationKind.INFORMAL)
    assert not dialog.micro_goals.isVisible()  # only a check-in lists micro-goals
    early = dialog.summary.placeholderText()
    dialog.summary.setPlainText("Typed before changing the kind")
    dialog.kind.set_value(ConversationKind.FORMAL_CONCERN)
    assert dialog.summary.placeholderText() != early
    assert "Which dated facts show the gap" in dialog.prompt_panel.toPlainText()
    assert dialog.summary.toPlainText() == "Typed before changing the kind"  # nothing lost
    dialog.kind.set_value(ConversationKind.CHECK_IN)
    assert dialog.micro_goals.isVisible()
