"""The case view: open a case, record a conversation through the form, advance a stage."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.attachments import AttachmentOwner
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.records import Conversation, Indicator, RootCause
from app.models.case.record_table_model import RecordColumn, RecordTableModel
from app.models.case.timeline_model import TimelineFilterProxy, TimelineModel
from app.models.people.employee_table_model import EmployeeTableModel
from app.models.roles import KindRole, RecordRole
from app.services.cases.timeline import case_timeline
from app.views.case.case_workspace import CaseWorkspace
from app.views.case.dialogs.advance_stage_dialog import AdvanceStageDialog
from app.views.case.dialogs.case_record_dialogs import IndicatorDialog
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from app.views.case.dialogs.exception_dialog import ExceptionDialog
from app.views.case.tabs.attachments_panel import AttachmentsPanel
from tests.factories import conversation, employee, indicator, observation, open_case


@pytest.fixture
def case(services, clock):
    case = open_case(services, stage="early_conversation")
    services.cases.add(observation(case, clock.today() - timedelta(days=3)))
    return case


@pytest.fixture
def workspace(qtbot, services, case):
    ws = CaseWorkspace(services, case.id)
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    return ws


def _conversations(ws: CaseWorkspace):
    return ws.tab("Conversations")


def type_lines(qtbot, widget, *texts: str) -> None:
    """Type like a person: text, Return, text. QTest types ASCII only (no newline, no 'ë'),
    so other text arrives as an input method would deliver it."""
    for i, text in enumerate(texts):
        if i:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if text.isascii():
            qtbot.keyClicks(widget, text)
        else:
            widget.insertPlainText(text)


def test_opening_a_case_shows_header_and_tabs(workspace, case):
    header = workspace.header
    assert "Zoë Ångström" in header.title.text()
    assert case.reference in header.title.text()
    assert "Early conversation" in header.stage.text()
    assert header.track.text() == "Standard"
    assert header.owner.text() == "Hana Officer"
    assert header.deadline.text()  # a next deadline under the policy
    titles = [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())]
    assert titles[:4] == [
        "Timeline",
        "Conversations",
        "Indicators and observations",
        "Decisions and exceptions",
    ]  # later issues add more after
    timeline = workspace.tab("Timeline")
    kinds = [timeline.model.index(r, 0).data(KindRole) for r in range(timeline.model.rowCount())]
    assert kinds == ["opened", "observation"]


def test_add_conversation_through_the_form(qtbot, workspace, services, case):
    changed = []
    workspace.changed.connect(changed.append)
    dialog: ConversationDialog = _conversations(workspace).new_conversation()
    assert isinstance(dialog, ConversationDialog)
    assert not dialog.can_save  # empty: summary and attendees missing
    # Calm on open: the missing fields are named quietly, no message and no red yet.
    assert "Summary is required" not in dialog.status.text()
    assert "Summary" in dialog.status.text() and "color" not in dialog.status.styleSheet()
    assert dialog.message_for("summary") == ""  # not shown before the officer types

    qtbot.keyClicks(dialog.summary, "Talked through the late hand-overs.")
    type_lines(qtbot, dialog.attendees, "Zoë Ångström", "Ola Nordmann (manager)")
    qtbot.keyClicks(dialog.constraints, "Covering two roles since January.")
    dialog.root_causes.boxes[RootCause.WORKLOAD].setChecked(True)
    qtbot.keyClicks(dialog.agreed_actions, "Weekly check-in on Thursdays")
    assert dialog.can_save, dialog.status.text()
    dialog.summary.setFocus()
    assert dialog.current_prompts == "summary"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    (stored,) = services.cases.records(Conversation, case.id)
    assert stored.summary == "Talked through the late hand-overs."
    assert stored.attendees == ("Zoë Ångström", "Ola Nordmann (manager)")
    assert stored.root_causes == (RootCause.WORKLOAD,)
    assert stored.agreed_actions == ("Weekly check-in on Thursdays",)
    tab = _conversations(workspace)
    assert tab.section.model.rowCount() == 1
    assert tab.section.selected() == stored
    assert "late hand-overs" in tab.detail.toPlainText()
    assert changed == [case.id]
    kinds = [
        workspace.tab("Timeline").model.index(r, 0).data(KindRole)
        for r in range(workspace.tab("Timeline").model.rowCount())
    ]
    assert "conversation" in kinds


def test_inline_errors_as_the_officer_types(qtbot, workspace):
    dialog = _conversations(workspace).new_conversation()
    qtbot.keyClicks(dialog.attendees, "x")
    dialog.attendees.clear()
    assert dialog.message_for("attendees") == "Name at least one attendee."
    qtbot.keyClicks(dialog.summary, "Summary")
    qtbot.keyClicks(dialog.attendees, "Ola")
    assert dialog.message_for("attendees") == ""
    dialog.root_causes.boxes[RootCause.OTHER].setChecked(True)
    assert dialog.message_for("root_cause_notes") == "Describe the 'other' root cause."
    assert not dialog.can_save
    qtbot.keyClicks(dialog.root_cause_notes, "Team move")
    assert dialog.message_for("root_cause_notes") == ""
    assert dialog.can_save
    # A future date is refused inline and Save stays off; typed text is untouched.
    dialog.held_on.setDate(dialog.held_on.date().addDays(3))
    assert "cannot be in the future" in dialog.message_for("held_on")
    assert not dialog.can_save
    assert dialog.summary.toPlainText() == "Summary"
    dialog.reject()


def test_a_refused_save_keeps_the_typed_text(qtbot, workspace, services, case, monkeypatch):
    dialog = _conversations(workspace).new_conversation()
    qtbot.keyClicks(dialog.summary, "Kept text")
    qtbot.keyClicks(dialog.attendees, "Ola")

    def refuse(record):
        from app.services.errors import IntegrityError

        raise IntegrityError(f"Case {case.reference} is closed; reopen it to add records.")

    monkeypatch.setattr(services.cases, "add", refuse)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert not dialog.save_error.isHidden()
    assert "is closed" in dialog.save_error.text()
    assert dialog.summary.toPlainText() == "Kept text"
    assert dialog.attendees.toPlainText() == "Ola"
    dialog.reject()


def test_indicator_form_parses_numbers_inline(qtbot, workspace, services, case):
    dialog: IndicatorDialog = workspace.tab("Indicators and observations").new_record(
        IndicatorDialog
    )
    qtbot.keyClicks(dialog.metric_edit, "Tickets closed")
    qtbot.keyClicks(dialog.expected, "forty")
    assert dialog.message_for("expected") == "Expected must be a number, e.g. 40 or 12.5."
    dialog.expected.setText("40")
    qtbot.keyClicks(dialog.actual, "28,5")
    qtbot.keyClicks(dialog.source, "Service desk report")
    assert dialog.can_save, dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (stored,) = services.cases.records(Indicator, case.id)
    assert (stored.expected, stored.actual) == (40.0, 28.5)


def _ready_for_coaching(services, case, clock):
    services.cases.add(conversation(case, clock.today() - timedelta(days=2)))
    services.cases.add(indicator(case, clock.today() - timedelta(days=2)))


def test_advance_stage_refused_shows_what_is_missing(qtbot, workspace, services, case):
    dialog: AdvanceStageDialog = workspace.advance_stage()
    assert dialog.target_key == "coaching"
    dialog.role.set_value(__import__("app.domain.records", fromlist=["Role"]).Role.MANAGER)
    report = dialog.report.toPlainText()
    assert "cannot move to Coaching yet" in report
    assert "indicator" in report.lower()
    assert "review by the HR officer" in report
    qtbot.keyClicks(dialog.reason, "Gap persists.")
    assert not dialog.advance_button.isEnabled()
    dialog.accept()  # Enter would land here: still refused, nothing moves
    assert services.cases.get(case.id).stage == "early_conversation"
    dialog.reject()


def test_advance_stage_allowed_after_sign_off(qtbot, workspace, services, case, clock):
    from app.domain.records import Role

    _ready_for_coaching(services, case, clock)
    workspace.refresh()
    dialog: AdvanceStageDialog = workspace.advance_stage()
    dialog.role.set_value(Role.MANAGER)
    dialog.actor.setText("Ola Nordmann")
    assert not dialog.check.allowed
    assert dialog.approver_role.value() is Role.HR_OFFICER  # suggested from what is missing
    qtbot.keyClicks(dialog.approver, "Hana Officer")
    qtbot.mouseClick(dialog.record_approval_button, Qt.MouseButton.LeftButton)
    assert dialog.check.allowed, dialog.check.missing
    assert "HR officer Hana Officer reviewed" in dialog.report.toPlainText()
    assert not dialog.advance_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dialog.reason, "Root causes agreed; coaching plan next.")
    assert dialog.advance_button.isEnabled()
    with qtbot.waitSignal(workspace.changed):
        qtbot.mouseClick(dialog.advance_button, Qt.MouseButton.LeftButton)
    assert services.cases.get(case.id).stage == "coaching"
    assert "Coaching" in workspace.header.stage.text()
    kinds = [
        workspace.tab("Timeline").model.index(r, 0).data(KindRole)
        for r in range(workspace.tab("Timeline").model.rowCount())
    ]
    assert "stage_change" in kinds


def test_request_exception_waits_for_approval(qtbot, workspace, services, case):
    dialog: ExceptionDialog = workspace.request_exception()
    dialog.kind.set_value(ExceptionKind.EXTEND)
    dialog.extra_days.setValue(3)
    assert not dialog.can_save
    qtbot.keyClicks(dialog.reason, "Evidence from the client audit arrives late.")
    assert dialog.can_save, dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    (exc,) = services.escalation.exceptions(case.id)
    assert exc.extra_business_days == 3 and exc.status.value == "requested"
    assert "Awaiting approval" in workspace.header.flag_texts()
    tab = workspace.tab("Decisions and exceptions")
    assert tab.exceptions.model.rowCount() == 1


def test_exception_approver_must_hold_the_right(qtbot, workspace, services, case):
    from app.domain.records import Role

    dialog: ExceptionDialog = workspace.request_exception()
    dialog.kind.set_value(ExceptionKind.EXTEND)
    dialog.extra_days.setValue(3)
    qtbot.keyClicks(dialog.reason, "Late evidence.")
    qtbot.keyClicks(dialog.approver, "Priya Shah")
    assert dialog.message_for("approver_role") == ""  # not touched yet
    assert not dialog.can_save  # a named approver needs a role
    dialog.approver_role.set_value(Role.SUPERVISOR)
    assert dialog.can_save
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the policy refused: a supervisor may not extend
    assert "Not saved" in dialog.save_error.text()
    assert dialog.reason.toPlainText() == "Late evidence."
    dialog.approver_role.set_value(Role.HR_LEAD)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert services.escalation.exceptions(case.id)[0].approved


def test_attachments_from_the_conversation_tab(
    qtbot, workspace, services, case, clock, tmp_path, monkeypatch
):
    stored = services.cases.add(conversation(case, clock.today()))
    services.attachments.temp = type(services.attachments.temp)(base=tmp_path)
    workspace.refresh()
    tab = _conversations(workspace)
    tab.section.select_id(stored.id)
    assert tab.files.owner == (AttachmentOwner.CONVERSATION, stored.id)
    evidence = tmp_path / "notes.pdf"
    evidence.write_bytes(b"%PDF-1.4 notes")
    too_big = tmp_path / "video.mp4"
    too_big.write_bytes(b"x" * 2048)
    services.attachments.max_bytes = 1024
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(
        AttachmentsPanel,
        "ask_open_files",
        staticmethod(lambda parent: [str(evidence), str(too_big)]),
    )
    opened = []
    monkeypatch.setattr(
        AttachmentsPanel,
        "open_url",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    qtbot.mouseClick(tab.files.add_button, Qt.MouseButton.LeftButton)
    assert tab.files.model.rowCount() == 1
    assert "at most 1.0 KB" in warnings[0]
    assert tab.section.model.index(0, 5).data() == "1"  # the Files column counts it
    tab.files.view.selectRow(0)
    qtbot.mouseClick(tab.files.open_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0].endswith(".pdf")
    viewing_copy = opened[0]
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(
        AttachmentsPanel, "ask_save_file", staticmethod(lambda parent, name: str(target))
    )
    qtbot.mouseClick(tab.files.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == b"%PDF-1.4 notes"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.files.remove_button, Qt.MouseButton.LeftButton)
    assert services.attachments.for_case(case.id) == []
    # Closing the view removes the decrypted copy it opened.
    from pathlib import Path

    assert not Path(viewing_copy).exists()  # removal also tidied the case's copies


def test_closing_the_view_removes_viewing_copies(qtbot, workspace, services, case, clock, tmp_path):
    stored = services.cases.add(conversation(case, clock.today()))
    services.attachments.temp = type(services.attachments.temp)(base=tmp_path)
    att = services.attachments.add_bytes(
        AttachmentOwner.CONVERSATION, stored.id, "a.pdf", b"%PDF-1.4"
    )
    copy = services.attachments.open_for_viewing(att.id)
    with qtbot.waitSignal(workspace.closed):
        workspace.close_case()
    assert not copy.exists()


def test_clear_on_lock_blanks_everything(qtbot, workspace, services, case, clock):
    services.cases.add(conversation(case, clock.today()))
    workspace.refresh()
    dialog = _conversations(workspace).new_conversation()
    advance = workspace.advance_stage()
    workspace.clear()
    assert not dialog.isVisible() and not advance.isVisible()
    assert workspace.header.title.text() == ""
    assert workspace.services is None
    assert "Zoë" not in workspace.windowTitle()
    for title in (
        "Timeline",
        "Conversations",
        "Indicators and observations",
        "Decisions and exceptions",
    ):
        tab = workspace.tab(title)
        models = [m for m in (getattr(tab, "model", None),) if m is not None]
        for attr in ("section", "indicators", "observations", "decisions", "exceptions"):
            if hasattr(tab, attr):
                models.append(getattr(tab, attr).model)
        assert all(m.rowCount() == 0 for m in models), title
    assert workspace.tab("Conversations").detail.toPlainText() == ""
    assert not workspace.tabs.isVisible()
    assert workspace.locked_label.isVisible()


def test_closed_case_is_read_only(qtbot, services, case, clock):
    from dataclasses import replace

    from app.domain.records import CaseStatus

    closed = replace(services.cases.get(case.id), status=CaseStatus.CLOSED, closed_on=clock.today())
    with services.vault.write() as w:
        services.vault.cases.update(closed)
        w.audit("case.close", "case", case.id, {})
    ws = CaseWorkspace(services, case.id)
    qtbot.addWidget(ws)
    assert not ws.advance_button.isEnabled()
    assert not _conversations(ws).section.new_button.isEnabled()
    assert "Closed" in ws.header.deadline.text()


# -- the item models, checked without a view ------------------------------------------------
def test_timeline_model_passes_qtmodeltester(qtmodeltester, services, case, clock):
    services.cases.add(conversation(case, clock.today()))
    services.cases.add(indicator(case, clock.today() - timedelta(days=1)))
    model = TimelineModel()
    model.set_events(case_timeline(services, case.id))
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, 0).data(KindRole) for r in range(model.rowCount())] == [
        "opened",
        "observation",
        "indicator",
        "conversation",
    ]
    proxy = TimelineFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_kind("indicator")
    qtmodeltester.check(proxy, force_py=True)
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(RecordRole).record.metric == "Tickets closed"


def test_record_table_model_passes_qtmodeltester(qtmodeltester, services, case, clock):
    records = [
        services.cases.add(conversation(case, clock.today() - timedelta(days=d))) for d in (3, 1, 2)
    ]
    model = RecordTableModel(
        (
            RecordColumn("Date", lambda c: c.held_on.isoformat(), sort=lambda c: c.held_on),
            RecordColumn("Summary", lambda c: c.summary),
        )
    )
    model.set_records(records)
    qtmodeltester.check(model, force_py=True)
    assert model.row_of_id(records[1].id) == 1
    model.clear()
    assert model.rowCount() == 0


def test_employee_table_model_passes_qtmodeltester(qtmodeltester, services):
    people = [
        services.employees.add(employee(f"E{i}", name))
        for i, name in enumerate(["Zoë Ångström", "Łukasz Żółć", "李小龙"])
    ]
    model = EmployeeTableModel()
    model.set_records(people)
    qtmodeltester.check(model, force_py=True)
    from dataclasses import replace

    model.replace_employee(replace(people[0], department="Finance"))
    assert model.index(0, 3).data() == "Finance"
    model.replace_employee(services.employees.add(employee("E9", "Иван Петров")))
    assert model.rowCount() == 4


def test_a_refusal_message_goes_when_the_move_changes(qtbot, workspace):
    dialog: AdvanceStageDialog = workspace.advance_stage()
    dialog._say("The policy refused this move.")
    assert not dialog.message.isHidden()
    dialog.target.setCurrentIndex((dialog.target.currentIndex() + 1) % dialog.target.count())
    assert dialog.message.isHidden()
    dialog.reject()
