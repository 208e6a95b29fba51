"""'Needs attention today' beside the case list: overdue steps, reviews this week, approvals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from app.models.case.attention_model import AttentionListModel
from app.models.roles import IdRole
from app.models.ui_formats import ui_formats
from app.services.cases.attention import AttentionList, needs_attention


class _AttentionListView(QListView):
    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class AttentionPanel(QWidget):
    case_activated = Signal(int)

    SECTIONS = 3

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("attentionPanel")
        heading = QLabel(self.tr("Needs attention today"))
        heading.setObjectName("panelHeading")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(heading)
        self.titles: list[QLabel] = []
        self.notes: list[QLabel] = []
        self.models: list[AttentionListModel] = []
        self.views: list[_AttentionListView] = []
        for _ in range(self.SECTIONS):
            title = QLabel()
            title.setObjectName("sectionTitle")
            note = QLabel()
            note.setWordWrap(True)
            note.setObjectName("sectionNote")
            model = AttentionListModel(self)
            view = _AttentionListView()
            title.setBuddy(view)  # a screen reader names the list by its title
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setUniformItemSizes(True)
            view.doubleClicked.connect(self._open)
            view.open_requested.connect(self._open)
            layout.addWidget(title)
            layout.addWidget(note)
            layout.addWidget(view, 1)
            self.titles.append(title)
            self.notes.append(note)
            self.models.append(model)
            self.views.append(view)
        self.refresh()

    def refresh(self) -> None:
        if self._services is None:
            return
        lists = needs_attention(self._services, self._services.clock.today())
        for i, found in enumerate(lists[: self.SECTIONS]):
            self._show(i, found)

    def _show(self, i: int, found: AttentionList) -> None:
        if found.total > len(found.items):
            count = self.tr("%1 — first %2").replace("%2", str(len(found.items)))
        else:
            count = "%1"
        self.titles[i].setText(
            f"<b>{ui_formats().tr(found.title)}</b> ({count.replace('%1', str(found.total))})"
        )
        self.models[i].set_items(found.items)
        note = ui_formats().tr(found.note) or (
            self.tr("Nothing here today.") if not found.items else ""
        )
        self.notes[i].setText(note)
        self.notes[i].setVisible(bool(note))
        self.views[i].setVisible(bool(found.items))

    def clear(self) -> None:
        self._services = None
        for model in self.models:
            model.clear()

    def _open(self, index: QModelIndex) -> None:
        case_id = index.data(IdRole)
        if case_id is not None:
            self.case_activated.emit(int(case_id))
