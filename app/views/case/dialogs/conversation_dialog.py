"""Recording a conversation, with the structured dialogue prompts beside the form.

The prompts depend on the kind of conversation (early conversation, check-in, formal concern,
outcome: `TemplateKind`), come from the vault's templates (Preferences → Templates) and follow
the cursor: the panel on the right shows the questions for the section being written. Choosing
another kind changes the section titles, hints and questions at once; nothing typed is lost.
A new check-in also lists the plan's open micro-goals, each marked done or missed right there
and stored through the plan service when the conversation is saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from app.domain.plans.plans import MicroGoalStatus
from app.domain.records import Conversation, ConversationKind, RootCause
from app.domain.validation import ValidationReport
from app.models.ui_formats import ui_error
from app.services.cases.conversation_prompts import (
    ConversationPrompts,
    PromptsError,
    default_prompts,
)
from app.views.case.dialogs.micro_goal_checklist import MicroGoalChecklist
from app.views.widgets.enum_combo import EnumCombo
from app.views.widgets.prompt_html import section_html
from app.views.widgets.record_dialog import RecordDialog, date_edit, from_qdate, lines

# Form fields and the prompt section each one is written under.
_SECTION_OF_FIELD = {
    "summary": "summary",
    "attendees": "attendees",
    "constraints": "constraints",
    "expectations": "expectations",
    "root_causes": "root_causes",
    "root_cause_notes": "root_causes",
    "agreed_actions": "agreed_actions",
    "micro_goals": "micro_goals",
}


def _text_edit(height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)  # room to write, without one box taking the whole form
    return edit


class RootCauseChecks(QWidget):
    """One checkbox per root cause; the prompts give each a label and a question."""

    def __init__(self, prompts: ConversationPrompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[RootCause, QCheckBox] = {}
        for i, p in enumerate(prompts.root_causes):
            box = QCheckBox()
            box.setObjectName(f"rootCause_{p.cause.value}")
            grid.addWidget(box, i // 2, i % 2)
            self.boxes[p.cause] = box
        self.set_prompts(prompts)

    def set_prompts(self, prompts: ConversationPrompts) -> None:
        for p in prompts.root_causes:
            self.boxes[p.cause].setText(p.label)
            self.boxes[p.cause].setToolTip(p.question)

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
        existing: Conversation | None = None,
        parent: QWidget | None = None,
        kind: ConversationKind | None = None,
    ) -> None:
        super().__init__("", services.clock.today(), parent)
        self.setWindowTitle(
            self.tr("Correct conversation") if existing else self.tr("Record a conversation")
        )
        self.services = services
        self.case_id = case_id
        self.existing = existing
        self._widget_field: dict[QObject, str] = {}
        self.prompts_problem = ""
        start_kind = existing.kind if existing else (kind or ConversationKind.INFORMAL)
        self.prompts = self._prompts_for(start_kind)

        self.held_on = date_edit(existing.held_on if existing else self.today)
        self.kind = EnumCombo(ConversationKind)
        self.kind.set_value(start_kind)
        self.summary = _text_edit(90)
        self.attendees = _text_edit(60)
        self.constraints = _text_edit()
        self.expectations = _text_edit()
        self.root_causes = RootCauseChecks(self.prompts)
        self.root_cause_notes = _text_edit(50)
        self.root_cause_notes.setPlaceholderText(
            self.tr("Notes on the causes ticked above (required for 'Other').")
        )
        self.agreed_actions = _text_edit()
        self.micro_goals = MicroGoalChecklist(
            services.plans.active(case_id) if existing is None else None
        )

        self.add_field("held_on", self.tr("Date:"), self.held_on)
        self.add_field("kind", self.tr("Kind:"), self.kind)
        self.add_field("summary", self.tr("Summary:"), self.summary)
        self.add_field("micro_goals", self.tr("Micro-goals:"), self.micro_goals)
        self.add_field("attendees", self.tr("Attendees:"), self.attendees)
        self.add_field("constraints", self.tr("Constraints:"), self.constraints)
        self.add_field("expectations", self.tr("Expectations:"), self.expectations)
        self.add_field("root_causes", self.tr("Root causes:"), self.root_causes)
        for box in self.root_causes.boxes.values():
            self.watch("root_causes", box)
            self._track(box, "root_causes")
        self.add_field(
            "root_cause_notes",
            self.tr("Cause notes:"),
            self.root_cause_notes,
            revealed_by=("root_causes",),
        )
        self.add_field("agreed_actions", self.tr("Agreed actions:"), self.agreed_actions)
        for name in ("summary", "attendees", "constraints", "expectations"):
            self._track(self.field(name), name)
        self._track(self.root_cause_notes, "root_cause_notes")
        self._track(self.agreed_actions, "agreed_actions")
        for _goal, choice, note in self.micro_goals.rows:
            self._track(choice, "micro_goals")
            self._track(note, "micro_goals")

        self.prompt_panel = QTextBrowser()
        self.prompt_panel.setObjectName("promptPanel")
        self.prompt_panel.setMinimumWidth(260)
        self.prompt_panel.setAccessibleName(self.tr("Prompts for this part of the conversation"))
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
        self.resize(1040, 740)

        if existing is not None:
            self._fill(existing)
        from app.views.case.dialogs.history_dialog import add_history_button

        self.history_button = add_history_button(self, services, case_id, existing)
        self.current_prompts = "summary"
        self._apply_prompts()
        self.kind.currentIndexChanged.connect(lambda *_: self._kind_changed())
        self.finish()

    # -- prompts -------------------------------------------------------------------------
    def _prompts_for(self, kind: ConversationKind) -> ConversationPrompts:
        templates = getattr(self.services, "templates", None)
        try:
            if templates is not None:
                self.prompts_problem = ""
                return templates.prompts_for(kind)
        except PromptsError as exc:
            self.prompts_problem = ui_error(exc)
        return default_prompts()

    def _kind_changed(self) -> None:
        self.prompts = self._prompts_for(self.kind.value())
        self._apply_prompts()

    def _apply_prompts(self) -> None:
        """Hints, root-cause questions and the panel follow the kind of conversation; the
        field names stay put, so the form reads the same whatever the kind."""
        p = self.prompts
        for name in ("summary", "attendees", "constraints", "expectations", "agreed_actions"):
            self.field(name).setPlaceholderText(p.section(name).help)
            label = self.form.labelForField(self._holder(name))
            if isinstance(label, QLabel):
                label.setToolTip(p.section(name).title)
        self.root_causes.set_prompts(p)
        check_in = self.kind.value() is ConversationKind.CHECK_IN and self.existing is None
        for w in (self.micro_goals, self.form.labelForField(self._holder("micro_goals"))):
            if w is not None:
                w.setVisible(check_in)
        self.show_prompts(self.current_prompts if self.current_prompts in p.sections else "summary")

    def _holder(self, name: str) -> QWidget:
        return self.field(name).parentWidget()

    def _track(self, widget: QWidget, field: str) -> None:
        self._widget_field[widget] = field
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self._widget_field:
            self.show_prompts(_SECTION_OF_FIELD[self._widget_field[watched]])
        return super().eventFilter(watched, event)

    def show_prompts(self, key: str) -> None:
        text = section_html(self.prompts, key)
        if self.prompts_problem:
            text = f"<p><b>{self.prompts_problem}</b></p>" + text
        self.prompt_panel.setHtml(text)
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

    def validate_record(self, record: Conversation) -> ValidationReport:
        report = record.validate(self.today)
        if self.marks_apply(record):
            self.micro_goals.validate(self.today, report)
        return report

    def marks_apply(self, record: Conversation) -> bool:
        return self.existing is None and record.kind is ConversationKind.CHECK_IN

    def save_record(self, record: Conversation) -> Conversation:
        if self.existing is not None:
            return self.services.cases.update(record)
        marks = self.micro_goals.marks() if self.marks_apply(record) else []
        if marks:
            # First, in one transaction: marking again after a failed save changes nothing.
            self.services.plans.mark_micro_goals(
                self.case_id, [(m.goal.uid, m.status, m.note) for m in marks]
            )
        return self.services.cases.add(record)

    def mark(self, row: int, status: MicroGoalStatus, note: str = "") -> None:
        """Mark one listed micro-goal (what a person does with its choice and note)."""
        self.micro_goals.set_mark(row, status, note)
