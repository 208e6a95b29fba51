"""History and reopening over the real main window after unlocking: an officer edits a
conversation, opens its History from the record's context menu and from the case's History…,
sees both versions side by side with what changed; a closed case shows no edit action, is
reopened with a reason and an HR lead's approval, and can be changed again."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from app.domain.records import CaseStatus, Outcome, Role
from app.models.case.history_model import ChangedRole
from app.models.roles import RecordRole
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from app.views.case.dialogs.history_dialog import HistoryDialog
from app.views.case.dialogs.reopen_dialog import ReopenCaseDialog
from tests.factories import conversation, open_case
from tests.journeys.walk import click, show_tab_of, trigger, type_text
from tests.journeys.walk import dialog as walk_dialog
from tests.plan_factories import plan as make_plan


def _open_workspace(qtbot, window, case_id):
    window.open_case(case_id)
    ws = window.tabs.currentWidget()
    qtbot.waitExposed(ws)
    return ws


def test_edit_a_conversation_then_see_both_versions_in_history(qtbot, unlocked):
    window = unlocked.main_window
    services = window.services
    case = open_case(services, stage="coaching")  # the stage lists plans
    services.cases.add(conversation(case, services.clock.today() - timedelta(days=1)))
    ws = _open_workspace(qtbot, window, case.id)

    tab = ws.tab("Conversations")
    ws.tabs.setCurrentWidget(tab)
    tab.section.view.selectRow(0)
    click(qtbot, tab.section.edit_button)
    d = walk_dialog(qtbot, ws, ConversationDialog)
    d.summary.selectAll()
    type_text(qtbot, d.summary, "Talked it through again; the deadline moved to Friday.")
    click(qtbot, d.save_button)
    assert not d.isVisible(), d.status.text()
    (conv,) = services.cases.conversations(case.id)
    assert conv.summary == "Talked it through again; the deadline moved to Friday."

    # The record's own context menu: History… of that conversation.
    tab.section.view.selectRow(0)
    trigger(tab.section, "recordHistoryAction")
    history = walk_dialog(qtbot, ws, HistoryDialog)
    assert history.current_key() == ("conversations", conv.id)
    model = history.model
    assert model.columnCount() == 2
    header = model.headerData(0, Qt.Orientation.Horizontal)
    assert header.startswith("Version 1\nRecorded by Hana Officer")
    assert "Version 2 (current)" in model.headerData(1, Qt.Orientation.Horizontal)
    row = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())].index(
        "Summary"
    )
    assert model.index(row, 0).data() == "Talked through the missed deadlines."
    assert model.index(row, 1).data().startswith("Talked it through again")
    assert model.index(row, 1).data(ChangedRole) is True
    assert model.index(row, 0).data(ChangedRole) is False
    text = history.changes.toPlainText()
    assert "Summary: changed from “Talked through the missed deadlines.”" in text
    assert "summary" not in text.replace("Summary", "")  # words, not column names
    click(qtbot, history.close_button)
    assert not history.isVisible()

    # The case's History… (toolbar button) lists the changed records; the timeline's menu too.
    click(qtbot, ws.history_button)
    history = walk_dialog(qtbot, ws, HistoryDialog)
    assert ("conversations", conv.id) in [(h.table, h.row_id) for h in history.histories]
    history.every.setChecked(True)
    assert ("cases", case.id) in [(h.table, h.row_id) for h in history.histories]
    history.reject()
    timeline = ws.tab("Timeline")
    ws.tabs.setCurrentWidget(timeline)
    show_tab_of(timeline.view)
    rows = [
        i for i in range(timeline.proxy.rowCount())
        if getattr(timeline.proxy.index(i, 0).data(RecordRole), "kind", "") == "conversation"
    ]  # fmt: skip
    timeline.view.selectRow(rows[0])
    trigger(timeline, "timelineHistoryAction")
    history = walk_dialog(qtbot, ws, HistoryDialog)
    assert history.current_key() == ("conversations", conv.id)
    history.reject()
    trigger(ws, "caseHistoryAction")
    history = walk_dialog(qtbot, ws, HistoryDialog)
    assert history.current_history().table == "conversations"
    history.reject()

    # The record's own dialog has History… too; the versions open over it.
    ws.tabs.setCurrentWidget(tab)
    tab.section.view.selectRow(0)
    click(qtbot, tab.section.edit_button)
    d = walk_dialog(qtbot, ws, ConversationDialog)
    click(qtbot, d.history_button)
    history = walk_dialog(qtbot, d, HistoryDialog)
    assert history.current_key() == ("conversations", conv.id)
    assert history.model.columnCount() == 2
    history.reject()
    d.reject()

    # And the plan tab, for the plan's versions.
    plan = services.plans.create(make_plan(case))
    services.plans.save(replace(plan, manager="Kari Nordmann"))
    plan_tab = ws.tab("Plan")
    ws.tabs.setCurrentWidget(plan_tab)
    plan_tab.refresh()
    click(qtbot, plan_tab.history_button)
    history = walk_dialog(qtbot, ws, HistoryDialog)
    assert history.current_key() == ("coaching_plans", plan.id)
    assert "Manager: changed from “Ola Nordmann” to “Kari Nordmann”" in (
        history.changes.toPlainText()
    )
    history.reject()


def test_a_closed_case_is_read_only_until_it_is_reopened(qtbot, unlocked):
    window = unlocked.main_window
    services = window.services
    case = open_case(services)
    services.cases.add(conversation(case, services.clock.today() - timedelta(days=1)))
    with services.vault.write() as w:  # closed the way the services close: an audited update
        services.vault.cases.update(
            replace(
                case,
                status=CaseStatus.CLOSED,
                closed_on=services.clock.today(),
                outcome=Outcome.IMPROVED,
            )
        )
        w.audit("case.update", "case", case.id, {})
    ws = _open_workspace(qtbot, window, case.id)
    tab = ws.tab("Conversations")
    ws.tabs.setCurrentWidget(tab)
    assert not tab.section.new_button.isEnabled()
    assert not ws.advance_button.isEnabled() and not ws.track_button.isEnabled()
    assert ws.reopen_button.isVisible()

    trigger(ws, "reopenCaseAction")
    d = walk_dialog(qtbot, ws, ReopenCaseDialog)
    d.role.set_value(Role.HR_OFFICER)
    click(qtbot, d.ok_button)  # nothing filled in: refused, and it says why
    assert d.isVisible() and "a reason for reopening" in d.problems.text()
    assert "the approval of the HR lead" in d.problems.text()
    type_text(qtbot, d.reason, "The employee appealed; new evidence to record.")
    type_text(qtbot, d.approver, "Hana Officer")  # the same person cannot approve
    click(qtbot, d.ok_button)
    assert d.isVisible() and "someone other than Hana Officer" in d.problems.text()
    d.approver.clear()
    type_text(qtbot, d.approver, "Bea Lead")
    click(qtbot, d.ok_button)
    assert not d.isVisible(), d.problems.text()

    reopened = services.cases.get(case.id)
    assert reopened.status is CaseStatus.OPEN and reopened.outcome is None
    assert services.vault.audit_events()[-1].action in ("decision.add", "record.write")
    assert any(e.action == "case.reopen" for e in services.vault.audit_events("case", case.id))
    qtbot.waitUntil(lambda: tab.section.new_button.isEnabled())
    assert not ws.reopen_action.isVisible()
    qtbot.waitUntil(lambda: not ws.reopen_button.isVisible())
    decisions = services.cases.decisions(case.id)
    assert decisions[-1].summary.startswith("Case reopened")
    assert "Approved by Bea Lead (HR lead)" in decisions[-1].rationale
    history = services.history.record("cases", case.id)
    assert [s.values["status"] for s in history.states] == ["open", "closed", "open"]
