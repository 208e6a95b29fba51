"""The plan editor's tables and the agenda model, with and without qtmodeltester."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush

from app.domain.plans import Direction, MicroGoal, MicroGoalStatus
from app.models.agenda_model import AgendaColumn, AgendaTableModel
from app.models.plan_models import (
    MicroGoalTableModel,
    ObjectiveTableModel,
    ResourceTableModel,
    problems_by_row,
)
from app.models.roles import IdRole, SortRole
from app.models.theme import problem_background
from app.services.review_service import AgendaEntry
from tests.plan_factories import objective, plan

EDIT = Qt.ItemDataRole.EditRole


def test_objective_model_passes_the_model_tester(qtmodeltester):
    model = ObjectiveTableModel()
    model.set_records([objective(), objective("Fewer reopened tickets")])
    qtmodeltester.check(model, force_py=True)
    model.append(objective("Third"))
    model.remove(0)
    qtmodeltester.check(model, force_py=True)


def test_micro_goal_and_resource_models_pass_the_model_tester(qtmodeltester):
    goals = MicroGoalTableModel()
    goals.set_records(objective().micro_goals)
    qtmodeltester.check(goals, force_py=True)
    resources = ResourceTableModel()
    resources.set_records(plan(1).resources)
    qtmodeltester.check(resources, force_py=True)


def test_cells_edit_typed_values():
    model = ObjectiveTableModel()
    model.set_records([objective()])
    changes = []
    model.on_change = lambda: changes.append(1)
    col = {c.field: i for i, c in enumerate(model.columns)}
    assert model.setData(model.index(0, col["target"]), "42,5", EDIT)
    assert model.setData(model.index(0, col["stretch_target"]), "", EDIT)
    assert model.setData(model.index(0, col["due_on"]), QDate(2026, 5, 1), EDIT)
    assert model.setData(model.index(0, col["direction"]), "lower_is_better", EDIT)
    assert not model.setData(model.index(0, col["baseline"]), "lots", EDIT)
    record = model.records()[0]
    assert record.target == 42.5 and record.stretch_target is None
    assert record.due_on == date(2026, 5, 1)
    assert record.direction is Direction.LOWER_IS_BETTER
    assert record.baseline == 28.0  # the unparsable edit was refused, the value kept
    assert len(changes) == 4
    assert model.index(0, col["direction"]).data() == "Lower is better"
    assert model.index(0, col["due_on"]).data(SortRole) == "2026-05-01"


def test_problems_colour_their_cells():
    model = ObjectiveTableModel()
    model.set_records([objective(), objective()])
    report = plan(
        1, objectives=(objective(), objective(target=20.0, stretch_target=None))
    ).validate(date(2026, 3, 16))
    problems = problems_by_row(report, "objectives")
    assert (1, "target") in problems
    model.set_problems(problems)
    col = [c.field for c in model.columns].index("target")
    assert model.index(1, col).data(Qt.ItemDataRole.BackgroundRole) == QBrush(problem_background())
    assert "above the baseline" in model.index(1, col).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, col).data(Qt.ItemDataRole.BackgroundRole) is None


def test_read_only_model_refuses_edits():
    model = MicroGoalTableModel()
    model.set_records([MicroGoal("Step", date(2026, 4, 1))])
    model.read_only = True
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, 2), "done", EDIT)
    assert model.records()[0].status is MicroGoalStatus.OPEN


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
