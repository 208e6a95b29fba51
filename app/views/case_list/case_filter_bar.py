"""The filters above the case list: search (everything or employees only), department, stage,
track, flag and open/closed.

Every change produces a new ``CaseQuery`` that the model runs in SQL. Typing in the search box
waits a moment (``SEARCH_DELAY_MS``) before querying; Enter searches at once. Search text is
kept only in the widget, never in settings.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.escalation.flags import Flag
from app.domain.records import CaseStatus, Track
from app.domain.words.search_match import SearchScope
from app.models.ui_formats import ui_label
from app.services.cases.case_list import CaseQuery
from app.views.case.stage_choices import stage_choices

SEARCH_DELAY_MS = 300
# Combo data holds plain strings: Qt turns a str-based enum into a bare str anyway.
_STATUS = [
    (QT_TRANSLATE_NOOP("CaseFilterBar", "Open cases"), CaseStatus.OPEN.value),
    (QT_TRANSLATE_NOOP("CaseFilterBar", "Closed cases"), CaseStatus.CLOSED.value),
    (QT_TRANSLATE_NOOP("CaseFilterBar", "Open and closed"), None),
]


def _index_of(box: QComboBox, value: object) -> int:
    """``findData`` does not compare Python objects reliably; compare them here."""
    for i in range(box.count()):
        if box.itemData(i) == value:
            return i
    return -1


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.setToolTip(name)
    for text, value in items:
        box.addItem(text, value)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class CaseFilterBar(QWidget):
    query_changed = Signal(object)  # CaseQuery

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search names, references, conversations and notes (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search cases"))
        self.scope = _combo(self.tr("Search in"), [(ui_label(s), s.value) for s in SearchScope])
        self.scope.setObjectName("searchScope")
        self.scope.setToolTip(
            self.tr("Search everything in a case, or only employees' names and numbers")
        )
        self.department = _combo(self.tr("Department"), [(self.tr("All departments"), None)])
        self.stage = _combo(self.tr("Stage"), [(self.tr("All stages"), None)])
        self.track = _combo(
            self.tr("Track"),
            [(self.tr("Both tracks"), None)] + [(ui_label(t), t.value) for t in Track],
        )
        self.flag = _combo(
            self.tr("Flag"), [(self.tr("Any flag"), None)] + [(ui_label(f), f.value) for f in Flag]
        )
        self.status = _combo(
            self.tr("Open or closed"), [(self.tr(text), value) for text, value in _STATUS]
        )
        if getattr(services, "escalation", None) is None:
            self.flag.setEnabled(False)
            self.flag.setToolTip(self.tr("Flags need the escalation policy"))
        self.reload_choices()

        # Two rows: the search keeps room for its hint at 1280 pixels, the filters below it.
        search_row, filter_row = QHBoxLayout(), QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.scope)
        filter_label = QLabel(self.tr("Filte&r:"))
        filter_label.setBuddy(self.department)
        filter_row.addWidget(filter_label)
        for box in (self.department, self.stage, self.track, self.flag, self.status):
            filter_row.addWidget(box)
        filter_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(search_row)
        layout.addLayout(filter_row)

        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self._emit)
        self.search.textChanged.connect(self._delay.start)
        self.search.returnPressed.connect(self._emit)
        for box in (self.department, self.stage, self.track, self.flag, self.status):
            box.currentIndexChanged.connect(self._emit)
        self.scope.currentIndexChanged.connect(self._scope_changed)

    def reload_choices(self) -> None:
        """Refill departments and stages (after an import or a policy change)."""
        self._refill(self.department, [(d, d) for d in self._services.employees.departments()])
        self._refill(self.stage, [(name, key) for key, name in stage_choices(self._services)])

    @staticmethod
    def _refill(box: QComboBox, items: list[tuple[str, object]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        while box.count() > 1:
            box.removeItem(1)
        for text, value in items:
            box.addItem(text, value)
        found = _index_of(box, current) if current is not None else 0
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)

    def query(self) -> CaseQuery:
        track, status, flag = (box.currentData() for box in (self.track, self.status, self.flag))
        q = CaseQuery(
            department=self.department.currentData(),
            stage=self.stage.currentData(),
            track=Track(track) if track else None,
            status=CaseStatus(status) if status else None,
            search=self.search.text().strip(),
            scope=SearchScope(self.scope.currentData()),
        )
        escalation = getattr(self._services, "escalation", None)
        if flag is not None and escalation is not None:
            q = replace(q, **escalation.flag_filter(Flag(flag), self._services.clock.today()))
        return q

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_flag(self, flag: Flag | None) -> None:
        index = _index_of(self.flag, flag.value) if flag is not None else 0
        self.flag.setCurrentIndex(max(index, 0))

    def _scope_changed(self) -> None:
        if self.search.text().strip():  # without a search text the scope changes nothing
            self._emit()

    def _emit(self) -> None:
        self._delay.stop()
        self.query_changed.emit(self.query())
