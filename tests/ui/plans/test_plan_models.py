"""The plan outline's lines, the number helpers and the agenda model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.domain.plans.plans import MicroGoal, MicroGoalStatus
from app.models.case.agenda_model import AgendaColumn, AgendaTableModel
from app.models.plans.plan_models import number_text, parse_number
from app.models.plans.plan_outline_model import (
    GOAL,
    OBJECTIVE,
    PROBLEM_MARK,
    OutlineRef,
    PlanOutlineModel,
)
from app.models.roles import IdRole
from app.models.ui_formats import ui_formats
from app.services.plans.review_service import AgendaEntry
from tests.plan_factories import objective, plan


def test_numbers_read_with_a_comma_or_a_point():
    assert parse_number("42,5") == 42.5 and parse_number(" 1 000.5 ") == 1000.5
    assert parse_number("") is None and number_text(None) == ""
    assert number_text(40.0) == "40"
    with pytest.raises(ValueError):
        parse_number("lots")


def test_outline_lines_say_what_they_hold_and_mark_problems():
    model = PlanOutlineModel()
    done = MicroGoal("Step one", date(2026, 4, 1), status=MicroGoalStatus.DONE)
    model.set_plan([objective(micro_goals=(done,))], plan(1).resources)
    changes = []
    model.on_change = lambda: changes.append(1)
    goal = model.index_of(OutlineRef(GOAL, 0, 0))
    assert goal.data() == "Step one (done)"
    assert goal.siblingAtColumn(1).data() == ui_formats().date(date(2026, 4, 1))  # not ISO
    obj = model.index_of(OutlineRef(OBJECTIVE, 0))
    assert "28 → 40" in obj.data(Qt.ItemDataRole.ToolTipRole)
    assert model.ref(goal.parent()) == OutlineRef(OBJECTIVE, 0)
    model.put(OutlineRef(OBJECTIVE, 0), replace(model.objectives()[0], title="Renamed"))
    assert obj.data() == "Renamed" and model.objectives()[0].micro_goals == (done,)
    assert changes == [1]
    model.set_problems({"objectives[0]": "Give the target the plan aims for."})
    assert obj.data().startswith(PROBLEM_MARK)
    assert obj.data(Qt.ItemDataRole.ToolTipRole) == "Give the target the plan aims for."
    model.set_problems({})
    assert obj.data() == "Renamed"


def _entries():
    return [
        AgendaEntry(
            date(2026, 3, 12),
            "review",
            1,
            "C-2026-0001",
            "Formal review",
            "10:00 Europe/London",
            overdue=True,
            review_id=5,
        ),
        AgendaEntry(
            date(2026, 3, 20),
            "micro_goal",
            2,
            "C-2026-0002",
            "Clear the backlog (Close more tickets)",
        ),
    ]


def test_agenda_model_marks_overdue(qtmodeltester):
    model = AgendaTableModel()
    model.set_entries(_entries())
    qtmodeltester.check(model, force_py=True)
    status = model.index(0, AgendaColumn.STATUS)
    assert status.data() == "Overdue: outcome not recorded"
    assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, AgendaColumn.STATUS).data() == "Upcoming"
    assert model.index(1, AgendaColumn.STATUS).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(1, AgendaColumn.WHAT).data() == (
        "Micro-goal: Clear the backlog (Close more tickets)"
    )
    assert model.index(1, 0).data(IdRole) == 2
    assert model.overdue_count == 1
    model.clear()
    assert model.rowCount() == 0
