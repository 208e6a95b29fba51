"""The left half of the plan editor: the outline tree and the buttons that change it.

Add objective (Alt+O), Add micro-goal (Alt+M), Add resource (Alt+R), Move up/down (Alt+U/D,
or Alt+Up/Alt+Down on the tree) and Remove (Alt+V, or Delete on the tree). The view only asks;
the plan dialog does the change, so validation and the form beside the tree stay in step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models.plans.plan_outline_model import PlanOutlineModel


class PlanOutlineView(QWidget):
    remove_requested = Signal()
    move_requested = Signal(int)  # -1 up, +1 down

    def __init__(self, model: PlanOutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeView()
        self.tree.setObjectName("planOutline")
        self.tree.setAccessibleName(self.tr("Objectives, micro-goals and resources"))
        self.tree.setModel(model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.installEventFilter(self)
        self.add_objective_button = self._button(self.tr("Add &objective"), "addObjective")
        self.add_goal_button = self._button(self.tr("Add &micro-goal"), "addMicroGoal")
        self.add_resource_button = self._button(self.tr("Add &resource"), "addResource")
        self.up_button = self._button(self.tr("Move &up"), "moveLineUp")
        self.down_button = self._button(self.tr("Move &down"), "moveLineDown")
        self.remove_button = self._button(self.tr("Remo&ve"), "removeLine")
        self.up_button.setToolTip(self.tr("Move the chosen line up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move the chosen line down (Alt+Down)"))
        self.remove_button.setToolTip(self.tr("Remove the chosen line (Delete)"))
        adds, moves = QHBoxLayout(), QHBoxLayout()
        for b in (self.add_objective_button, self.add_goal_button, self.add_resource_button):
            adds.addWidget(b)
        for b in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(b)
        adds.addStretch(1)
        moves.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tree, 1)
        box.addLayout(adds)
        box.addLayout(moves)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.add_objective_button,
            self.add_goal_button,
            self.add_resource_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        )

    @staticmethod
    def _button(text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in a field saves the plan, not "Add …"
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete, Alt+Up and Alt+Down on the tree (the keypad flag some systems add is
        ignored)."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
                self.remove_requested.emit()
                return True
            if mods == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)
