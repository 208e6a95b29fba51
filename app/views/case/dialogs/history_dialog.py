"""History…: every version of a case's records side by side, who wrote each and when, and what
changed from one to the next in words. Earlier versions are never overwritten (the vault keeps
them, docs/AUDIT.md); this only reads them.

Opened from the case view (History…, Ctrl+H) on the records that changed, or from a
record's context menu on that record.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.words.wording import plural
from app.models.case.history_model import VersionsTableModel
from app.services.audit.history_service import history_key
from app.views.widgets.base_dialog import BaseDialog


class HistoryDialog(BaseDialog):
    def __init__(
        self,
        services: Any,
        case_id: int,
        parent: QWidget | None = None,
        record: tuple[str, int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.services = services
        self.case_id = case_id
        self.wanted = record
        self.histories: list[Any] = []
        case = services.cases.get(case_id)
        self.setWindowTitle(self.tr("History — %1").replace("%1", case.reference))

        self.record = QComboBox()
        self.record.setObjectName("historyRecord")
        self.record.setAccessibleName(self.tr("Record"))
        self.record.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.every = QCheckBox(self.tr("Show &every record, also those never changed"))
        self.every.setObjectName("historyEveryRecord")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = VersionsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyVersions")
        self.table.setAccessibleName(self.tr("Versions of the record"))
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.changes = QTextBrowser()
        self.changes.setObjectName("historyChanges")
        self.changes.setAccessibleName(self.tr("What changed"))
        self.changes.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("historySplit")
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Record:"))
        label.setBuddy(self.record)
        top.addWidget(label)
        top.addWidget(self.record, 1)
        top.addWidget(self.every)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.record.currentIndexChanged.connect(lambda _i: self._show_current())
        self.every.toggled.connect(lambda _on: self.reload())
        self.resize(980, 640)
        self.reload()

    # -- filling -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the records: those with earlier versions (or all), and the one asked for."""
        every = self.every.isChecked()
        found = self.services.history.case_records(self.case_id, changed_only=not every)
        if self.wanted and all((h.table, h.row_id) != self.wanted for h in found):
            found.insert(0, self.services.history.record(*self.wanted))
        if not found:  # nothing changed yet: show the case itself
            found = [self.services.history.record("cases", self.case_id)]
        self.histories = found
        keep = self.current_key() or self.wanted
        self.record.blockSignals(True)
        self.record.clear()
        for h in found:
            count = plural(len(h.states), "version")
            gone = self.tr(", removed") if h.removed is not None else ""
            self.record.addItem(f"{h.title} — {count}{gone}", f"{h.table}:{h.row_id}")
        index = max(self.record.findData(f"{keep[0]}:{keep[1]}"), 0) if keep else 0
        self.record.setCurrentIndex(index)
        self.record.blockSignals(False)
        self._show_current()

    def current_key(self) -> tuple[str, int] | None:
        data = self.record.currentData()
        if not data:
            return None
        table, _, row_id = str(data).partition(":")
        return (table, int(row_id))

    def current_history(self) -> Any:
        index = self.record.currentIndex()
        return self.histories[index] if 0 <= index < len(self.histories) else None

    def _show_current(self) -> None:
        h = self.current_history()
        self.model.set_history(h)
        if h is None:
            self.summary.clear()
            self.changes.clear()
            return
        self.table.resizeRowsToContents()
        text = (
            self.tr("%1: %2.").replace("%1", h.kind).replace("%2", plural(len(h.states), "version"))
        )
        if h.removed is not None:
            removed = self.tr("Removed by %1 on %2.").replace("%1", h.removed.officer)
            text += " " + removed.replace("%2", _when(h.removed.at))
        self.summary.setText(text)
        self.changes.setHtml(self._changes_html(h))

    def _changes_html(self, h: Any) -> str:
        parts = []
        for i, state in reversed(list(enumerate(h.states))):
            head = self.tr("Version %1").replace("%1", str(state.number))
            if state.current:
                head += self.tr(" (current)")
            elif state.before_handover and state.imported:
                head += self.tr(" (before the import, from %1)").replace(
                    "%1", state.before_handover
                )
            elif state.before_handover:
                head += self.tr(" (before the handover, from %1)").replace(
                    "%1", state.before_handover
                )
            who = self.tr("%1 by %2 on %3").replace("%1", state.what)
            who = who.replace("%2", state.officer or self.tr("unknown")).replace("%3", state.when)
            changes = h.changes(i)
            if i == 0:
                items = [self.tr("First version.")]
            elif changes:
                items = [c.sentence() for c in changes]
            else:
                items = [self.tr("No field shown here changed.")]
            lis = "".join(f"<li>{html.escape(t)}</li>" for t in items)
            parts.append(f"<p><b>{html.escape(head)}</b> — {html.escape(who)}</p><ul>{lis}</ul>")
        return "".join(parts)

    def clear(self) -> None:
        """The vault is locking: nothing of the case stays on screen."""
        self.model.clear()
        self.changes.clear()
        self.record.clear()
        self.histories = []


def add_history_button(dialog: QDialog, services: Any, case_id: int, record: Any) -> Any:
    """A History… button on a record's own dialog (when it corrects a stored record): the
    versions open over the dialog, which stays as it is."""
    key = history_key(record) if record is not None else None
    if key is None:
        return None
    button = QPushButton(QCoreApplication.translate("HistoryDialog", "&History…"))
    button.setObjectName("recordDialogHistory")
    button.setToolTip(
        QCoreApplication.translate("HistoryDialog", "Every earlier version of this record")
    )
    dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)

    def show() -> None:
        history = HistoryDialog(services, case_id, dialog, key)
        history.finished.connect(lambda _r: history.deleteLater())
        history.open()
        dialog.history_dialog = history

    button.clicked.connect(lambda: show())
    return button


def _when(at: str) -> str:
    from app.domain.words.history_wording import value_words

    return value_words("", "at", at)
