"""The Conversations tab: every conversation, the full record of the one selected, its files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.domain.attachments import AttachmentOwner
from app.domain.records import Conversation
from app.models.case.record_table_model import RecordColumn, one_line, when
from app.models.ui_formats import ui_error, ui_label
from app.services.cases.conversation_prompts import PromptsError, default_prompts
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from app.views.case.record_details import record_html
from app.views.case.tabs.attachments_panel import AttachmentsPanel
from app.views.case.tabs.case_tab import CaseTab, detail_browser
from app.views.widgets.record_list_section import RecordListSection


class ConversationsTab(CaseTab):
    def __init__(self, services: Any, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(services, case_id, parent)
        self._files: dict[int, int] = {}
        columns = (
            RecordColumn(self.tr("Date"), lambda c: when(c.held_on), sort=lambda c: c.held_on),
            RecordColumn(self.tr("Kind"), lambda c: ui_label(c.kind)),
            RecordColumn(
                self.tr("Summary"), lambda c: one_line(c.summary, 80), tooltip=lambda c: c.summary
            ),
            RecordColumn(self.tr("Attendees"), lambda c: one_line(", ".join(c.attendees), 50)),
            RecordColumn(
                self.tr("Root causes"), lambda c: ", ".join(ui_label(r) for r in c.root_causes)
            ),
            RecordColumn(
                self.tr("Files"),
                lambda c: str(self._files.get(c.id, 0) or ""),
                sort=lambda c: self._files.get(c.id, 0),
            ),
        )
        self.section = RecordListSection(
            self.tr("Conversations"), columns, self.tr("New conversation…"), stretch_column=2
        )
        self.section.set_empty_text(self.tr("No conversation recorded yet."))
        self.section.new_requested.connect(self.new_conversation)
        self.section.edit_requested.connect(self.edit_conversation)
        self.section.selection_changed.connect(self._selected)
        self.detail = detail_browser()
        self.files = AttachmentsPanel(services)
        self.files.changed.connect(self._files_changed)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(self.files)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.section)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        if self.services is None:
            return
        self._files = {
            owner_id: n
            for (kind, owner_id), n in self.services.attachments.counts_for_case(
                self.case_id
            ).items()
            if kind is AttachmentOwner.CONVERSATION
        }
        self.section.set_records(self.services.cases.records(Conversation, self.case_id))
        self.files.refresh()

    def clear(self) -> None:
        self.section.clear()
        self.detail.clear()
        self.files.clear()
        super().clear()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.section.set_enabled_actions(not read_only)
        self.files.set_read_only(read_only)

    def _selected(self, record: Conversation | None) -> None:
        self.detail.setHtml(record_html(record))
        self.files.set_owner(
            AttachmentOwner.CONVERSATION if record else None, record.id if record else None
        )

    def _files_changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def _dialog(self, existing: Conversation | None) -> ConversationDialog | None:
        try:
            default_prompts()  # the shipped set must at least be readable
        except PromptsError as exc:
            self.warn(self.tr("Conversation prompts"), ui_error(exc))
            return None
        return ConversationDialog(self.services, self.case_id, existing, self)

    def new_conversation(self) -> ConversationDialog | None:
        dialog = self._dialog(None)
        if dialog is None:
            return None
        self.run_dialog(dialog)
        dialog.accepted.connect(lambda: self.section.select_id(dialog.saved.id))
        return dialog

    def edit_conversation(self, record: Conversation) -> ConversationDialog | None:
        dialog = self._dialog(record)
        return self.run_dialog(dialog) if dialog else None
