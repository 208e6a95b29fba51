"""The plan editor's outline: objectives with their micro-goals, then resources, as one tree.

The tree replaces a grid of cells: the officer picks a line (an objective, one of its
micro-goals or a resource) and edits it in the form beside the tree. The model holds the plan's
frozen domain records and swaps a record for its edited copy, so the dialog always has valid
records to validate. Two fixed group lines ("Objectives", "Resources") head the tree.

Index layout (``internalId`` names the parent, so no Python object hides in an index):
0 = a group line under the root, 1 = an objective under the Objectives group,
2 = a resource under the Resources group, 3 + i = a micro-goal of objective i.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.plans.plans import MicroGoal, MicroGoalStatus, Objective, PlanResource
from app.models.case.record_table_model import when
from app.models.roles import RecordRole
from app.models.ui_formats import ui_formats, ui_label

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
GROUP, OBJECTIVE, RESOURCE, GOAL = "group", "objective", "resource", "goal"
OBJECTIVES_GROUP, RESOURCES_GROUP = 0, 1
PROBLEM_MARK = "⚠ "


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanOutlineModel", text)


@dataclass(frozen=True)
class OutlineRef:
    """Which line of the outline: a group, objective ``i``, goal ``j`` of objective ``i`` or
    resource ``i``. ``path`` is how the plan's validation report names the same thing."""

    kind: str
    i: int
    j: int = -1

    @property
    def path(self) -> str:
        if self.kind == OBJECTIVE:
            return f"objectives[{self.i}]"
        if self.kind == GOAL:
            return f"objectives[{self.i}].micro_goals[{self.j}]"
        if self.kind == RESOURCE:
            return f"resources[{self.i}]"
        return "objectives" if self.i == OBJECTIVES_GROUP else "resources"


class PlanOutlineModel(QAbstractItemModel):
    """Objectives → micro-goals, and resources, of the plan being edited."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._objectives: list[Objective] = []
        self._resources: list[PlanResource] = []
        self._problems: dict[str, str] = {}
        self.on_change: Callable[[], None] | None = None

    # -- content -------------------------------------------------------------------------
    def set_plan(self, objectives: Sequence[Objective], resources: Sequence[PlanResource]) -> None:
        self.beginResetModel()
        self._objectives = list(objectives)
        self._resources = list(resources)
        self._problems = {}
        self.endResetModel()

    def objectives(self) -> tuple[Objective, ...]:
        return tuple(self._objectives)

    def resources(self) -> tuple[PlanResource, ...]:
        return tuple(self._resources)

    def record(self, ref: OutlineRef | None) -> Any:
        if ref is None:
            return None
        if ref.kind == OBJECTIVE and 0 <= ref.i < len(self._objectives):
            return self._objectives[ref.i]
        if ref.kind == GOAL and 0 <= ref.i < len(self._objectives):
            goals = self._objectives[ref.i].micro_goals
            return goals[ref.j] if 0 <= ref.j < len(goals) else None
        if ref.kind == RESOURCE and 0 <= ref.i < len(self._resources):
            return self._resources[ref.i]
        return None

    # -- refs and indexes ----------------------------------------------------------------
    def ref(self, index: _Index) -> OutlineRef | None:
        if not index.isValid():
            return None
        parent_id = int(index.internalId())
        if parent_id == 0:
            return OutlineRef(GROUP, index.row())
        if parent_id == 1:
            return OutlineRef(OBJECTIVE, index.row())
        if parent_id == 2:
            return OutlineRef(RESOURCE, index.row())
        return OutlineRef(GOAL, parent_id - 3, index.row())

    def index_of(self, ref: OutlineRef) -> QModelIndex:
        if ref.kind == GROUP:
            return self.createIndex(ref.i, 0, 0)
        if ref.kind == OBJECTIVE:
            return self.createIndex(ref.i, 0, 1)
        if ref.kind == RESOURCE:
            return self.createIndex(ref.i, 0, 2)
        return self.createIndex(ref.j, 0, 3 + ref.i)

    # -- edits ---------------------------------------------------------------------------
    def add_objective(self, objective: Objective) -> OutlineRef:
        row = len(self._objectives)
        self.beginInsertRows(self.index_of(OutlineRef(GROUP, OBJECTIVES_GROUP)), row, row)
        self._objectives.append(objective)
        self.endInsertRows()
        self._group_changed(OBJECTIVES_GROUP)
        return OutlineRef(OBJECTIVE, row)

    def add_goal(self, objective_row: int, goal: MicroGoal) -> OutlineRef:
        obj = self._objectives[objective_row]
        row = len(obj.micro_goals)
        self.beginInsertRows(self.index_of(OutlineRef(OBJECTIVE, objective_row)), row, row)
        self._objectives[objective_row] = replace(obj, micro_goals=(*obj.micro_goals, goal))
        self.endInsertRows()
        self._changed(OutlineRef(OBJECTIVE, objective_row))
        return OutlineRef(GOAL, objective_row, row)

    def add_resource(self, resource: PlanResource) -> OutlineRef:
        row = len(self._resources)
        self.beginInsertRows(self.index_of(OutlineRef(GROUP, RESOURCES_GROUP)), row, row)
        self._resources.append(resource)
        self.endInsertRows()
        self._group_changed(RESOURCES_GROUP)
        return OutlineRef(RESOURCE, row)

    def put(self, ref: OutlineRef, record: Any) -> None:
        """Swap the record on line ``ref`` for an edited copy (an objective keeps its goals)."""
        if ref.kind == OBJECTIVE:
            old = self._objectives[ref.i]
            self._objectives[ref.i] = replace(record, micro_goals=old.micro_goals)
        elif ref.kind == GOAL:
            obj = self._objectives[ref.i]
            goals = list(obj.micro_goals)
            goals[ref.j] = record
            self._objectives[ref.i] = replace(obj, micro_goals=tuple(goals))
        elif ref.kind == RESOURCE:
            self._resources[ref.i] = record
        else:
            return
        self._changed(ref)

    def remove(self, ref: OutlineRef) -> OutlineRef | None:
        """Remove a line; returns the line that takes its place in the selection."""
        if self.record(ref) is None:
            return None
        parent = self.parent(self.index_of(ref))
        row = ref.j if ref.kind == GOAL else ref.i
        self.beginRemoveRows(parent, row, row)
        if ref.kind == OBJECTIVE:
            del self._objectives[ref.i]
        elif ref.kind == RESOURCE:
            del self._resources[ref.i]
        else:
            obj = self._objectives[ref.i]
            goals = obj.micro_goals[: ref.j] + obj.micro_goals[ref.j + 1 :]
            self._objectives[ref.i] = replace(obj, micro_goals=goals)
        self.endRemoveRows()
        self._problems = {}
        if ref.kind == GOAL:
            self._changed(OutlineRef(OBJECTIVE, ref.i))
            left = len(self._objectives[ref.i].micro_goals)
            return (
                OutlineRef(GOAL, ref.i, min(ref.j, left - 1))
                if left
                else OutlineRef(OBJECTIVE, ref.i)
            )
        group = OBJECTIVES_GROUP if ref.kind == OBJECTIVE else RESOURCES_GROUP
        self._group_changed(group)
        left = len(self._objectives if ref.kind == OBJECTIVE else self._resources)
        return OutlineRef(ref.kind, min(ref.i, left - 1)) if left else OutlineRef(GROUP, group)

    def move(self, ref: OutlineRef, delta: int) -> OutlineRef:
        """Move a line up (-1) or down (+1) among its siblings; returns where it went."""
        if ref.kind == GOAL:
            items: list[Any] = list(self._objectives[ref.i].micro_goals)
            row = ref.j
        elif ref.kind == OBJECTIVE:
            items, row = self._objectives, ref.i
        elif ref.kind == RESOURCE:
            items, row = self._resources, ref.i
        else:
            return ref
        target = row + delta
        if not 0 <= target < len(items):
            return ref
        parent = self.parent(self.index_of(ref))
        # Qt's destination row counts before the move: moving down lands one further.
        dest = target + 1 if delta > 0 else target
        self.beginMoveRows(parent, row, row, parent, dest)
        items[row], items[target] = items[target], items[row]
        if ref.kind == GOAL:
            obj = self._objectives[ref.i]
            self._objectives[ref.i] = replace(obj, micro_goals=tuple(items))
        self.endMoveRows()
        self._problems = {}
        moved = (
            OutlineRef(ref.kind, ref.i, target)
            if ref.kind == GOAL
            else OutlineRef(ref.kind, target)
        )
        self._changed(moved)
        return moved

    def set_problems(self, problems: dict[str, str]) -> None:
        """Messages per line path (``objectives[0].micro_goals[1]``); lines repaint."""
        if problems == self._problems:
            return
        touched = set(problems) | set(self._problems)
        self._problems = dict(problems)
        for path in touched:
            ref = self._ref_for_path(path)
            if ref is not None:
                ix = self.index_of(ref)
                self.dataChanged.emit(ix, ix, [_DISPLAY, _TOOLTIP, _ACCESSIBLE])

    def _ref_for_path(self, path: str) -> OutlineRef | None:
        for ref in self.all_refs():
            if ref.path == path:
                return ref
        return None

    def all_refs(self) -> list[OutlineRef]:
        refs = [OutlineRef(GROUP, OBJECTIVES_GROUP)]
        for i, obj in enumerate(self._objectives):
            refs.append(OutlineRef(OBJECTIVE, i))
            refs += [OutlineRef(GOAL, i, j) for j in range(len(obj.micro_goals))]
        refs.append(OutlineRef(GROUP, RESOURCES_GROUP))
        refs += [OutlineRef(RESOURCE, i) for i in range(len(self._resources))]
        return refs

    def _changed(self, ref: OutlineRef) -> None:
        ix = self.index_of(ref)
        self.dataChanged.emit(ix, ix.siblingAtColumn(1), [_DISPLAY, _TOOLTIP, _ACCESSIBLE])
        if self.on_change is not None:
            self.on_change()

    def _group_changed(self, group: int) -> None:
        self._changed(OutlineRef(GROUP, group))

    # -- Qt model API --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column not in (0, 1) or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        ref = self.ref(parent)
        if ref is None:
            return self.createIndex(row, column, 0)
        if ref.kind == GROUP:
            return self.createIndex(row, column, 1 if ref.i == OBJECTIVES_GROUP else 2)
        return self.createIndex(row, column, 3 + ref.i)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_id = int(index.internalId())
        if parent_id == 0:
            return QModelIndex()
        if parent_id in (1, 2):
            return self.createIndex(parent_id - 1, 0, 0)
        return self.createIndex(parent_id - 3, 0, 1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        ref = self.ref(parent)
        if ref is None:
            return 2
        if ref.kind == GROUP:
            return len(self._objectives) if ref.i == OBJECTIVES_GROUP else len(self._resources)
        if ref.kind == OBJECTIVE and 0 <= ref.i < len(self._objectives):
            return len(self._objectives[ref.i].micro_goals)
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and int(role) == _DISPLAY:
            return (
                QCoreApplication.translate("PlanOutlineModel", "Objective, micro-goal or resource"),
                QCoreApplication.translate("PlanOutlineModel", "By"),
            )[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ref = self.ref(index)
        if ref is None:
            return None
        role = int(role)
        record = self.record(ref)
        if ref.kind != GROUP and record is None:
            return None
        problem = self._problems.get(ref.path)
        if role == RecordRole:
            return record
        if index.column() == 1:
            if role in (_DISPLAY, _ACCESSIBLE):
                return self._date_text(ref, record)
            return None
        if role == _DISPLAY:
            return (PROBLEM_MARK if problem else "") + self._text(ref, record)
        if role == _ACCESSIBLE:
            return self._text(ref, record) + (f". {problem}" if problem else "")
        if role == _TOOLTIP:
            return problem or self._tooltip(ref, record)
        return None

    # -- words ---------------------------------------------------------------------------
    def _text(self, ref: OutlineRef, record: Any) -> str:
        if ref.kind == GROUP:
            return (
                QCoreApplication.translate("PlanOutlineModel", "Objectives")
                if ref.i == OBJECTIVES_GROUP
                else QCoreApplication.translate("PlanOutlineModel", "Resources")
            )
        if ref.kind == OBJECTIVE:
            return record.title or QCoreApplication.translate(
                "PlanOutlineModel", "New objective (no title yet)"
            )
        if ref.kind == GOAL:
            title = record.title or QCoreApplication.translate(
                "PlanOutlineModel", "New micro-goal (no title yet)"
            )
            if record.status is MicroGoalStatus.OPEN:
                return title
            return f"{title} ({ui_label(record.status).lower()})"
        what = (
            record.description
            or record.provider
            or QCoreApplication.translate("PlanOutlineModel", "no description yet")
        )
        return f"{ui_label(record.kind)}: {what}"

    @staticmethod
    def _date_text(ref: OutlineRef, record: Any) -> str:
        if ref.kind in (OBJECTIVE, GOAL):
            return when(record.due_on)
        if ref.kind == RESOURCE:
            return when(record.by_date)
        return ""

    @staticmethod
    def _tooltip(ref: OutlineRef, record: Any) -> str | None:
        if ref.kind == OBJECTIVE:
            return record.summary_in(ui_formats().name)
        if ref.kind == RESOURCE:
            return record.provider or None
        if ref.kind == GOAL:
            return record.note or None
        return None
