"""The main journey: an officer's first case, from a new vault to a closed case.

Everything goes through the real windows: the unlock window's Create page, the main window's
toolbar and menus, the case view's buttons and every dialog they open, typed into the way a
person types. After each step the result is read back through the services. This file also
runs under `xvfb-run` with the xcb platform in CI (.ci/run), to catch what offscreen hides.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.records import (
    CaseStatus,
    Conversation,
    ConversationKind,
    Decision,
    Indicator,
    IndicatorCategory,
    Observation,
    Role,
    RootCause,
    Track,
)
from app.models.plans.plan_outline_model import GOAL, OutlineRef
from app.vault.repositories import satisfaction_repository
from app.views.calibration.status_update_dialog import StatusUpdateDialog
from app.views.case.case_workspace import CaseWorkspace
from app.views.case.dialogs.advance_stage_dialog import AdvanceStageDialog
from app.views.case.dialogs.case_record_dialogs import (
    DecisionDialog,
    IndicatorDialog,
    ObservationDialog,
)
from app.views.case.dialogs.conversation_dialog import ConversationDialog
from app.views.case.dialogs.exception_dialog import DecideExceptionDialog, ExceptionDialog
from app.views.case.dialogs.new_case_dialog import NewCaseDialog
from app.views.case.dialogs.track_change_dialog import TrackChangeDialog
from app.views.employees.employee_dialog import EmployeeDialog
from app.views.plans.plan_dialog import PlanDialog
from app.views.reviews.review_dialog import ReviewDialog
from app.views.reviews.review_outcome_dialog import ReviewOutcomeDialog
from tests.journeys.walk import (
    click,
    click_line,
    dialog,
    seen,
    trigger,
    type_text,
)

PASS = "quiet lantern orbit maple"
MANAGER, OFFICER, LEAD = "Ola Nordmann", "Hana Officer", "Lee Lead"


# -- steps ---------------------------------------------------------------------------------
def create_vault_and_unlock(qtbot, session, path):
    session.start(None)
    unlock = session.unlock_window
    qtbot.waitExposed(unlock)
    seen(unlock)
    click(qtbot, unlock.findChild(type(unlock.unlock_button), "createVaultButton"))
    page = unlock.create_page
    assert not page.errors.text()  # calm: nothing is red before anything is typed
    type_text(qtbot, page.path_edit, str(path))
    page.name_edit.clear()
    type_text(qtbot, page.name_edit, OFFICER)
    type_text(qtbot, page.passphrase, PASS)
    type_text(qtbot, page.repeat, PASS[:-1])
    # The two passphrases differ: said in words, Create stays off, nothing is created.
    assert not page.create_button.isEnabled() and page.errors.text()
    assert not path.exists()
    type_text(qtbot, page.repeat, PASS[-1])
    with qtbot.waitSignal(session.unlocked, timeout=15_000):
        click(qtbot, page.create_button)
    window = session.main_window
    qtbot.waitExposed(window)
    return window


def new_case_with_new_employee(qtbot, window):
    trigger(window, "newCaseAction")
    new_case = dialog(qtbot, window, NewCaseDialog)
    assert "no employees yet" in new_case.errors.text()
    click(qtbot, new_case.new_employee_button)
    emp = dialog(qtbot, new_case, EmployeeDialog)
    type_text(qtbot, emp.employee_number, "E2041")
    type_text(qtbot, emp.name, "Zoë Ångström")
    type_text(qtbot, emp.job_title, "Service desk analyst")
    type_text(qtbot, emp.department.lineEdit(), "Service desk")
    type_text(qtbot, emp.manager, MANAGER)
    type_text(qtbot, emp.start_date, "2031-02-30")  # impossible: said inline, not saved
    assert emp.message_for("start_date")
    assert not emp.can_save
    emp.start_date.clear()
    type_text(qtbot, emp.start_date, "2021-04-01")
    click(qtbot, emp.save_button)
    assert not emp.isVisible()
    assert new_case.employee_id() is not None  # the new employee is chosen for the case
    assert new_case.employee.currentText().startswith("Zoë Ångström — E2041")
    click(qtbot, new_case.buttons.button(new_case.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace))
    return window.tabs.currentWidget()


def add_indicator(qtbot, ws, category, metric, expected, actual, note=""):
    ws.tabs.setCurrentWidget(ws.tab("Indicators and observations"))
    click(qtbot, ws.tab("Indicators and observations").indicators.new_button)
    d = dialog(qtbot, ws, IndicatorDialog)
    d.category.set_value(category)
    type_text(qtbot, d.metric_edit, metric)
    type_text(qtbot, d.expected, "forty")  # a bad value first: said inline, Save stays off
    assert "must be a number" in d.message_for("expected")
    assert not d.can_save
    d.expected.clear()
    type_text(qtbot, d.expected, expected)
    type_text(qtbot, d.actual, actual)
    type_text(qtbot, d.source, "Service desk report")
    if note:
        type_text(qtbot, d.note, note)
    click(qtbot, d.save_button)
    assert not d.isVisible(), d.status.text()


def add_conversation(qtbot, ws, kind, summary, attendees, causes=(), actions=""):
    ws.tabs.setCurrentWidget(ws.tab("Conversations"))
    click(qtbot, ws.tab("Conversations").section.new_button)
    d = dialog(qtbot, ws, ConversationDialog)
    d.kind.set_value(kind)
    d.held_on.setDate(d.held_on.date().addDays(3))  # impossible: a conversation in the future
    type_text(qtbot, d.summary, summary)
    future = ("cannot be in the future", "darf nicht in der Zukunft liegen")  # the German walk too
    assert any(words in d.message_for("held_on") for words in future), d.message_for("held_on")
    assert not d.can_save
    d.held_on.setDate(d.held_on.date().addDays(-3))
    type_text(qtbot, d.attendees, attendees)
    for cause in causes:
        d.root_causes.boxes[cause].setChecked(True)
    if actions:
        type_text(qtbot, d.agreed_actions, actions)
    click(qtbot, d.save_button)
    assert not d.isVisible(), d.status.text()


def add_decision(qtbot, ws, summary, rationale):
    ws.tabs.setCurrentWidget(ws.tab("Decisions and exceptions"))
    click(qtbot, ws.tab("Decisions and exceptions").decisions.new_button)
    d = dialog(qtbot, ws, DecisionDialog)
    type_text(qtbot, d.decided_by, OFFICER)
    d.role.set_value(Role.HR_OFFICER)
    type_text(qtbot, d.rationale, "x")
    assert not d.can_save  # the decision itself is required
    d.rationale.clear()
    type_text(qtbot, d.summary, summary)
    type_text(qtbot, d.rationale, rationale)
    click(qtbot, d.save_button)
    assert not d.isVisible(), d.status.text()


def advance(qtbot, ws, services, target, actor, role, signoffs, reason, scores=None):
    click(qtbot, ws.advance_button)
    d = dialog(qtbot, ws, AdvanceStageDialog)
    d.target.setCurrentIndex(d.target.findData(target))
    d.actor.clear()
    type_text(qtbot, d.actor, actor)
    d.role.set_value(role)
    for name, signoff_role in signoffs:
        d.approver.clear()
        type_text(qtbot, d.approver, name)
        d.approver_role.set_value(signoff_role)
        click(qtbot, d.record_approval_button)
    type_text(qtbot, d.reason, reason)
    if scores is not None:  # closing: the optional satisfaction scores
        assert d.satisfaction.isVisible()
        for combo, score in zip(
            (d.satisfaction.employee_combo, d.satisfaction.manager_combo), scores, strict=True
        ):
            combo.setCurrentIndex(combo.findData(score))
    assert d.advance_button.isEnabled(), d.report.toPlainText()
    click(qtbot, d.advance_button)
    qtbot.waitUntil(lambda: not d.isVisible())
    case = services.cases.get(ws.case_id)
    assert case.stage == target or target.startswith("closed"), d.report.toPlainText()


def build_plan(qtbot, ws, services):
    ws.tabs.setCurrentWidget(ws.tab("Plan"))
    click(qtbot, ws.tab("Plan").create_button)
    d = dialog(qtbot, ws, PlanDialog)
    d.ends_on.setDate(QDate(2026, 6, 12))
    type_text(qtbot, d.sponsor, "Ingrid Lindqvist")
    assert not d.shown_messages()  # calm: nothing red before anything is typed
    click(qtbot, d.add_objective_button)  # the cursor lands in the new objective's title
    form = d.objective_form
    type_text(qtbot, form.title, "Close more tickets")
    type_text(qtbot, form.measure, "Tickets closed per week")
    type_text(qtbot, form.baseline, "28")
    type_text(qtbot, form.target, "40")
    type_text(qtbot, form.stretch, "45")
    click(qtbot, d.add_goal_button)  # under the objective chosen in the outline
    type_text(qtbot, d.goal_form.title, "Clear the old backlog")
    click(qtbot, d.add_goal_button)
    type_text(qtbot, d.goal_form.title, "Pair with a senior analyst")
    click(qtbot, d.add_resource_button)
    type_text(qtbot, d.resource_form.provider, MANAGER)
    type_text(qtbot, d.resource_form.description, "Weekly coaching")
    click_line(qtbot, d.tree, d.outline.index_of(OutlineRef(GOAL, 0, 1)))
    assert d.goal_form.title.text() == "Pair with a senior analyst"
    assert d.can_save, d.status.text()
    click(qtbot, d.save_button)
    assert not d.isVisible(), d.status.text()
    plan = services.plans.active(ws.case_id)
    assert plan.executive_sponsor == "Ingrid Lindqvist"
    assert [g.title for g in plan.objectives[0].micro_goals] == [
        "Clear the old backlog",
        "Pair with a senior analyst",
    ]
    assert plan.objectives[0].stretch_target == 45.0
    assert plan.resources[0].description == "Weekly coaching"
    return plan


# -- the journey ---------------------------------------------------------------------------
def test_main_journey(qtbot, app_session, tmp_path, clock, fake_time):
    path = tmp_path / "my cases.casepath"
    window = create_vault_and_unlock(qtbot, app_session, path)
    services = app_session.services
    assert window.case_list.empty_label.isVisible()

    ws = new_case_with_new_employee(qtbot, window)
    case = services.cases.get(ws.case_id)
    assert services.employees.get(case.employee_id).name == "Zoë Ångström"
    assert case.track is Track.STANDARD and case.stage == "early_conversation"

    # Evidence: a compliance indicator is enough for a recommendation.
    add_indicator(
        qtbot, ws, IndicatorCategory.COMPLIANCE, "Access reviews done", "4", "1",
        "Three quarterly access reviews were skipped.",
    )  # fmt: skip
    add_indicator(qtbot, ws, IndicatorCategory.MISSED_TARGET, "Tickets closed", "40", "28")
    assert len(services.cases.records(Indicator, case.id)) == 2
    rec = ws.recommendation.plain_text()
    assert "Formal concern" in rec and "Compliance risk" in rec and "high-stakes" in rec

    ws.tabs.setCurrentWidget(ws.tab("Indicators and observations"))
    click(qtbot, ws.tab("Indicators and observations").observations.new_button)
    obs = dialog(qtbot, ws, ObservationDialog)
    type_text(qtbot, obs.author, "Priya Shah")
    type_text(qtbot, obs.author_role, "team lead")
    type_text(qtbot, obs.text, "Hand-overs are often late on Mondays.")
    click(qtbot, obs.save_button)
    assert len(services.cases.records(Observation, case.id)) == 1

    add_conversation(
        qtbot, ws, ConversationKind.INFORMAL, "Talked through the late hand-overs.",
        f"Zoë Ångström\n{MANAGER} (manager)", (RootCause.WORKLOAD,), "Weekly check-in",
    )  # fmt: skip
    (talk,) = services.cases.records(Conversation, case.id)
    assert talk.root_causes == (RootCause.WORKLOAD,)
    add_decision(qtbot, ws, "Start coaching", "Workload named as the root cause.")

    # The track: compliance puts the case on the high-stakes track, with a reason and approval.
    click(qtbot, ws.track_button)
    tc = dialog(qtbot, ws, TrackChangeDialog)
    assert not tc.problems.text()  # nothing red before typing
    click(qtbot, tc.ok_button)  # no reason yet: refused, said in words
    assert "a reason for the change" in tc.problems.text()
    type_text(qtbot, tc.reason, "Compliance indicator: skipped access reviews")
    type_text(qtbot, tc.approver, LEAD)
    click(qtbot, tc.ok_button)
    assert not tc.isVisible()
    assert services.cases.get(case.id).track is Track.HIGH_STAKES
    assert "High-stakes" in ws.header.track.text()

    # Exceptions: request an extension, then decide it.
    click(qtbot, ws.exception_button)
    exc = dialog(qtbot, ws, ExceptionDialog)
    exc.kind.set_value(ExceptionKind.EXTEND)
    exc.extra_days.setValue(2)
    assert not exc.can_save  # an exception always needs a reason
    type_text(qtbot, exc.reason, "Evidence from the audit arrives late.")
    click(qtbot, exc.save_button)
    assert "Awaiting approval" in ws.header.flag_texts()
    tab = ws.tab("Decisions and exceptions")
    ws.tabs.setCurrentWidget(tab)
    tab.exceptions.view.selectRow(0)
    click(qtbot, tab.decide_button)
    decide = dialog(qtbot, ws, DecideExceptionDialog)
    type_text(qtbot, decide.approver, LEAD)
    decide.approver_role.set_value(Role.HR_LEAD)
    click(qtbot, decide.save_button)
    assert services.escalation.exceptions(case.id)[0].approved

    # Early conversation → coaching: the manager initiates, the HR officer reviews.
    advance(
        qtbot, ws, services, "coaching", MANAGER, Role.MANAGER, [(OFFICER, Role.HR_OFFICER)],
        "Root causes agreed; coaching next.",
    )  # fmt: skip
    build_plan(qtbot, ws, services)
    add_conversation(
        qtbot, ws, ConversationKind.COACHING, "First coaching session.",
        f"Zoë Ångström\n{MANAGER}\nSam Lee (HR observer)",
    )  # fmt: skip
    advance(
        qtbot, ws, services, "formal_concern", MANAGER, Role.MANAGER,
        [(OFFICER, Role.HR_OFFICER), (LEAD, Role.HR_LEAD)], "No improvement after coaching.",
    )  # fmt: skip
    add_conversation(
        qtbot, ws, ConversationKind.FORMAL_CONCERN, "The concern was put formally.",
        f"Zoë Ångström\n{MANAGER}\nSam Lee (HR observer)",
    )  # fmt: skip
    add_decision(qtbot, ws, "Formal improvement plan", "The gap persists.")
    advance(
        qtbot, ws, services, "improvement_plan", OFFICER, Role.HR_OFFICER, [(LEAD, Role.HR_LEAD)],
        "Formal concern put; plan next.",
    )  # fmt: skip
    add_conversation(
        qtbot, ws, ConversationKind.CHECK_IN, "Weekly check-in.",
        f"Zoë Ångström\n{MANAGER}",
    )  # fmt: skip
    advance(
        qtbot, ws, services, "formal_review", OFFICER, Role.HR_OFFICER,
        [(MANAGER, Role.MANAGER), (LEAD, Role.HR_LEAD)], "Plan period under way; review.",
    )  # fmt: skip

    # Reviews: schedule one, record attendance and outcome.
    reviews = ws.tab("Reviews")
    ws.tabs.setCurrentWidget(reviews)
    click(qtbot, reviews.reviews.new_button)
    rd = dialog(qtbot, ws, ReviewDialog)
    rd.day.setDate(QDate(2026, 3, 16))
    assert not rd.can_save  # no place or call link yet
    type_text(qtbot, rd.call_link, "meet me")
    assert "https://" in rd.message_for("call_link")
    rd.call_link.clear()
    type_text(qtbot, rd.location, "Room 4")
    if not rd.observer.text():
        type_text(qtbot, rd.observer, "Sam Lee")
    click(qtbot, rd.save_button)
    assert not rd.isVisible(), rd.status.text()
    (review,) = services.reviews.for_case(case.id)
    reviews.reviews.view.selectRow(0)
    click(qtbot, reviews.outcome_button)
    od = dialog(qtbot, ws, ReviewOutcomeDialog)
    from app.domain.plans.reviews import Assessment, ReviewDecision

    od.set_assessment(0, Assessment.PROGRESSING, "Halfway there")
    od.decision.setCurrentIndex(od.decision.findData(ReviewDecision.CONTINUE.value))
    type_text(qtbot, od.summary, "Good progress on the backlog.")
    click(qtbot, od.save_button)
    assert not od.isVisible(), od.status.text()
    assert services.reviews.facts(case.id)["review_held"]

    advance(
        qtbot, ws, services, "outcome", OFFICER, Role.HR_OFFICER,
        [(MANAGER, Role.MANAGER), (LEAD, Role.HR_LEAD)], "Review held: targets met.",
    )  # fmt: skip
    add_decision(qtbot, ws, "Improved", "Targets met for six weeks.")

    # A neutral status update for the manager: stage and next step, no notes, no names.
    click(qtbot, ws.status_button)
    status = dialog(qtbot, ws, StatusUpdateDialog)
    text = status.text_view.toPlainText()
    assert case.reference in text and "Outcome" in text
    assert "Zoë" not in text and "skipped" not in text  # no names, no notes
    status.reject()

    # Lock and unlock: nothing of the case stays on screen.
    trigger(window, "lockAction")
    assert app_session.is_locked
    unlock = app_session.unlock_window
    qtbot.waitExposed(unlock)
    type_text(qtbot, unlock.passphrase, "wrong words here")
    click(qtbot, unlock.unlock_button)
    qtbot.waitUntil(lambda: not unlock.busy, timeout=10_000)
    assert app_session.is_locked and "passphrase" in unlock.message.text().lower()
    unlock.passphrase.clear()
    type_text(qtbot, unlock.passphrase, PASS)
    with qtbot.waitSignal(app_session.unlocked, timeout=15_000):
        click(qtbot, unlock.unlock_button)
    window = app_session.main_window
    services = app_session.services
    # Auto-lock after the idle minutes, then unlock again.
    with qtbot.waitSignal(app_session.locked, timeout=5_000):
        fake_time.t += 60 * app_session.auto_lock.minutes + 1
        app_session.auto_lock.check()
    unlock.passphrase.clear()
    type_text(qtbot, unlock.passphrase, PASS)
    with qtbot.waitSignal(app_session.unlocked, timeout=15_000):
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    window = app_session.main_window
    services = app_session.services

    # Search finds the case; Enter opens it; close the case with its outcome.
    trigger(window, "findAction")
    type_text(qtbot, window.case_list.filter_bar.search, "Ångström")
    qtbot.waitUntil(lambda: window.case_list.model.total == 1)
    window.case_list.table.selectRow(0)
    qtbot.keyClick(window.case_list.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace))
    ws = window.tabs.currentWidget()
    opened = [e for e in services.vault.audit_events("case", case.id) if e.action == "case.view"]
    assert opened and opened[-1].officer == OFFICER  # reads that matter are audited
    advance(
        qtbot, ws, services, "closed:improved", OFFICER, Role.HR_OFFICER, [],
        "Targets met; the case closes as improved.", scores=(4, 5),
    )  # fmt: skip
    closed = services.cases.get(case.id)
    assert closed.status is CaseStatus.CLOSED
    scores = satisfaction_repository.get(services.vault.conn, case.id)
    assert (scores.employee, scores.manager) == (4, 5)
    assert not ws.advance_button.isEnabled() and not ws.track_button.isEnabled()
    decisions = [d.summary for d in services.cases.records(Decision, case.id)]
    assert "Track changed from Standard to High-stakes" in decisions
    assert services.vault.verify().ok
    trigger(window, "closeTabAction")
    assert window.tabs.count() == 1
