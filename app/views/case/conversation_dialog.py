"""Recording a conversation, with the structured dialogue prompts beside the form.

The prompts (from ``resources/prompts/conversation.toml``) follow the cursor: the panel on the
right shows the questions for the section being written. Root causes are ticked, each with its
question as a tooltip.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from app.domain.records import Conversation, ConversationKind, RootCause
from app.domain.validation import ValidationReport
from app.services.conversation_prompts import ConversationPrompts, PromptSection
from app.views.widgets.enum_combo import EnumCombo
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate, lines


def _text_edit(placeholder: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class RootCauseChecks(QWidget):
    """One checkbox per root cause; the prompts give each a label and a question."""

    def __init__(self, prompts: ConversationPrompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[RootCause, QCheckBox] = {}
        for i, p in enumerate(prompts.root_causes):
            box = QCheckBox(p.label)
            box.setToolTip(p.question)
            box.setObjectName(f"rootCause_{p.cause.value}")
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[p.cause] = box

    def selected(self) -> tuple[RootCause, ...]:
        return tuple(c for c, box in self.boxes.items() if box.isChecked())

    def set_selected(self, causes: tuple[RootCause, ...]) -> None:
        for cause, box in self.boxes.items():
            box.setChecked(cause in causes)


class ConversationDialog(RecordDialog):
    """New conversation (``existing`` None) or a correction of a stored one."""

    def __init__(
        self,
        services: Any,
        case_id: int,
        prompts: ConversationPrompts,
        existing: Conversation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Correct conversation" if existing else "Record a conversation"
        super().__init__(title, services.clock.today(), parent)
        self.services = services
        self.case_id = case_id
        self.prompts = prompts
        self.existing = existing
        self._section_of: dict[QObject, PromptSection] = {}

        self.held_on = date_edit(existing.held_on if existing else self.today)
        self.kind = EnumCombo(ConversationKind)
        self.summary = _text_edit(prompts.section("summary").help, 90)
        self.attendees = _text_edit(prompts.section("attendees").help, 60)
        self.constraints = _text_edit(prompts.section("constraints").help)
        self.expectations = _text_edit(prompts.section("expectations").help)
        self.root_causes = RootCauseChecks(prompts)
        self.root_cause_notes = _text_edit(
            "Notes on the causes ticked above (required for 'Other').", 50
        )
        self.agreed_actions = _text_edit(prompts.section("agreed_actions").help)

        self.add_field("held_on", "Date:", self.held_on)
        self.add_field("kind", "Kind:", self.kind)
        self.add_field("summary", "Summary:", self.summary)
        self.add_field("attendees", prompts.section("attendees").title + ":", self.attendees)
        self.add_field("constraints", prompts.section("constraints").title + ":", self.constraints)
        self.add_field(
            "expectations", prompts.section("expectations").title + ":", self.expectations
        )
        self.add_field("root_causes", prompts.section("root_causes").title + ":", self.root_causes)
        for box in self.root_causes.boxes.values():
            self.watch("root_causes", box)
            self._track(box, "root_causes")
        self.add_field(
            "root_cause_notes", "Cause notes:", self.root_cause_notes, revealed_by=("root_causes",)
        )
        self.add_field(
            "agreed_actions", prompts.section("agreed_actions").title + ":", self.agreed_actions
        )
        for widget, key in (
            (self.summary, "summary"),
            (self.attendees, "attendees"),
            (self.constraints, "constraints"),
            (self.expectations, "expectations"),
            (self.root_cause_notes, "root_causes"),
            (self.agreed_actions, "agreed_actions"),
        ):
            self._track(widget, key)

        self.prompt_panel = QTextBrowser()
        self.prompt_panel.setObjectName("promptPanel")
        self.prompt_panel.setAccessibleName(self.tr("Prompts for this conversation"))
        self.prompt_panel.setMinimumWidth(240)
        form_holder = QWidget()
        form_holder.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take focus, not the frame
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_holder)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("conversationSplitter")
        splitter.addWidget(scroll)
        splitter.addWidget(self.prompt_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        row = QHBoxLayout()
        row.addWidget(splitter)
        self.body.addLayout(row)
        self.resize(980, 720)

        if existing is not None:
            self._fill(existing)
        self.show_prompts("summary")
        self.finish()

    # -- prompts -------------------------------------------------------------------------
    def _track(self, widget: QWidget, key: str) -> None:
        self._section_of[widget] = self.prompts.section(key)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._section_of:
            self.show_prompts(self._section_of[watched].key)
        return super().eventFilter(watched, event)

    def show_prompts(self, key: str) -> None:
        section = self.prompts.section(key)
        parts = [f"<h3>{html.escape(section.title)}</h3>", f"<p>{html.escape(section.help)}</p>"]
        if key == "root_causes":
            items = [
                f"<li><b>{html.escape(p.label)}</b>: {html.escape(p.question)}</li>"
                for p in self.prompts.root_causes
                if p.question
            ]
        else:
            items = [f"<li>{html.escape(q)}</li>" for q in section.questions]
        if items:
            parts.append("<p><i>Questions to ask</i></p><ul>" + "".join(items) + "</ul>")
        self.prompt_panel.setHtml("".join(parts))
        self.current_prompts = key

    # -- record --------------------------------------------------------------------------
    def _fill(self, c: Conversation) -> None:
        self.kind.set_value(c.kind)
        self.summary.setPlainText(c.summary)
        self.attendees.setPlainText("\n".join(c.attendees))
        self.constraints.setPlainText(c.constraints)
        self.expectations.setPlainText(c.expectations)
        self.root_causes.set_selected(c.root_causes)
        self.root_cause_notes.setPlainText(c.root_cause_notes)
        self.agreed_actions.setPlainText("\n".join(c.agreed_actions))

    def make_record(self, problems: ValidationReport) -> Conversation:
        held: date = from_qdate(self.held_on.date())
        values = dict(
            case_id=self.case_id,
            held_on=held,
            kind=self.kind.value(),
            summary=self.summary.toPlainText().strip(),
            attendees=lines(self.attendees.toPlainText()),
            constraints=self.constraints.toPlainText().strip(),
            expectations=self.expectations.toPlainText().strip(),
            root_causes=self.root_causes.selected(),
            root_cause_notes=self.root_cause_notes.toPlainText().strip(),
            agreed_actions=lines(self.agreed_actions.toPlainText()),
        )
        if self.existing is not None:
            return replace(self.existing, **values)
        return Conversation(**values)

    def save_record(self, record: Conversation) -> Conversation:
        if self.existing is not None:
            return self.services.cases.update(record)
        return self.services.cases.add(record)
