"""Plans in the vault: one active plan, edits before agreement, revisions after, progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.domain.plans.plans import Direction, MicroGoalStatus, PlanStatus, ProgressUpdate
from app.domain.records import CaseStatus
from app.domain.validation import InvalidRecord
from app.services.cases.timeline import case_timeline
from app.services.plans.plan_service import PlanChangeRefused
from app.vault.errors import IntegrityError
from tests.factories import open_case
from tests.plan_factories import objective, plan


@pytest.fixture
def case(services):
    return open_case(services, stage="improvement_plan")


def test_create_and_read_back_with_unicode(services, case):
    stored = services.plans.create(plan(case, manager="Łukasz Żółć"))
    again = services.plans.active(case.id)
    assert again == stored
    assert again.version == 1 and again.status is PlanStatus.ACTIVE
    assert again.created_on == services.clock.today()
    assert again.manager == "Łukasz Żółć"
    assert again.objectives[0].micro_goals[0].title == "Clear the backlog older than 30 days"
    assert services.plans.has_qualifying_plan(case.id)
    actions = [e.action for e in services.vault.audit_events("coaching_plan", stored.id)]
    assert actions == ["plan.create"]


def test_invalid_plan_is_refused_with_every_problem(services, case):
    with pytest.raises(InvalidRecord) as info:
        services.plans.create(plan(case, objectives=(), manager=""))
    fields = {p.field for p in info.value.report.errors}
    assert {"objectives", "manager"} <= fields
    assert services.plans.active(case.id) is None


def test_a_case_has_at_most_one_active_plan(services, case):
    services.plans.create(plan(case))
    with pytest.raises(PlanChangeRefused, match="revise it instead"):
        services.plans.create(plan(case))


def test_edits_before_agreement_are_in_place_and_audited(services, case):
    stored = services.plans.create(plan(case))
    edited = services.plans.save(replace(stored, executive_sponsor="Ingrid Lindqvist"))
    assert edited.version == 1
    assert len(services.plans.versions(case.id)) == 1
    agreed = services.plans.record_agreement(stored.id, date(2026, 3, 16), True)
    assert agreed.agreed_on == date(2026, 3, 16) and agreed.employee_agreed
    actions = [e.action for e in services.vault.audit_events("coaching_plan", stored.id)]
    assert actions == ["plan.create", "plan.update", "plan.agree"]


def test_after_agreement_a_change_is_refused_as_a_silent_edit(services, case):
    stored = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    obj = stored.objectives[0]
    with pytest.raises(PlanChangeRefused, match="makes a revision"):
        services.plans.save(replace(stored, objectives=(replace(obj, target=38.0),)))
    with pytest.raises(PlanChangeRefused):
        services.plans.record_agreement(stored.id, date(2026, 3, 16), True)
    assert services.plans.active(case.id).objectives[0].target == 40.0


def test_revision_keeps_every_version_and_shows_the_changes(services, case, clock):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    obj = v1.objectives[0]
    clock.advance(days=14)
    v2 = services.plans.revise(
        replace(
            v1,
            objectives=(
                replace(obj, target=42.0),
                objective(
                    "Fewer reopened tickets",
                    baseline=12.0,
                    target=8.0,
                    stretch_target=6.0,
                    direction=Direction.LOWER_IS_BETTER,
                ),
            ),
        ),
        reason="Workload reduced; target raised",
        agreed_on=date(2026, 3, 30),
        employee_agreed=False,
        comment="Thinks 42 is too high",
    )
    assert (v2.version, v2.revision_of, v2.status) == (2, v1.id, PlanStatus.ACTIVE)
    assert v2.uid != v1.uid
    versions = services.plans.versions(case.id)
    assert [(v.version, v.status) for v in versions] == [
        (1, PlanStatus.SUPERSEDED),
        (2, PlanStatus.ACTIVE),
    ]
    assert versions[0].objectives[0].target == 40.0  # the earlier version is kept as it was
    history = services.plans.history(case.id)
    assert history[0].changes == ()
    assert "Objective 'Close more tickets' target: 40 → 42" in history[1].changes
    assert "Added objective 'Fewer reopened tickets'" in history[1].changes
    assert history[1].title == "Revision v2 (walked through 30 Mar 2026, not agreed)"
    # objectives keep their uid across versions, so progress still points at them
    assert v2.objectives[0].uid == obj.uid
    assert [e.action for e in services.vault.audit_events("coaching_plan", v2.id)] == [
        "plan.revise"
    ]


def test_revision_needs_a_new_agreement_date_and_a_reason(services, case):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    changed = replace(v1, ends_on=date(2026, 6, 5))
    with pytest.raises(InvalidRecord) as info:
        services.plans.revise(changed, reason="", agreed_on=date(2026, 3, 12), employee_agreed=True)
    fields = {p.field for p in info.value.report.errors}
    assert {"agreed_on", "revision_reason"} <= fields
    with pytest.raises(InvalidRecord, match="Nothing in the plan changed"):
        services.plans.revise(v1, reason="again", agreed_on=date(2026, 3, 16), employee_agreed=True)
    assert len(services.plans.versions(case.id)) == 1


def test_earlier_versions_cannot_be_edited(services, case):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    services.plans.revise(
        replace(v1, ends_on=date(2026, 6, 5)), "Longer period", date(2026, 3, 16), True
    )
    with pytest.raises(PlanChangeRefused, match="earlier version"):
        services.plans.save(replace(v1, executive_sponsor="Someone else"))


def test_revising_an_unagreed_plan_is_refused(services, case):
    v1 = services.plans.create(plan(case))
    with pytest.raises(PlanChangeRefused, match="edit it directly"):
        services.plans.revise(replace(v1, ends_on=date(2026, 6, 5)), "x", date(2026, 3, 16), True)


def test_micro_goal_status_is_tracking_not_a_revision(services, case, clock):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    goal = v1.objectives[0].micro_goals[0]
    updated = services.plans.set_micro_goal(
        case.id, goal.uid, MicroGoalStatus.DONE, "Cleared on Friday"
    )
    assert updated.version == 1
    assert updated.objectives[0].micro_goals[0].status is MicroGoalStatus.DONE
    # a micro-goal due later cannot be marked missed yet
    later = v1.objectives[0].micro_goals[1]
    with pytest.raises(InvalidRecord):
        services.plans.set_micro_goal(case.id, later.uid, MicroGoalStatus.MISSED, "no")


def test_progress_and_milestones_appear_on_the_timeline(services, case):
    v1 = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    obj = v1.objectives[0]
    services.plans.add_progress(
        ProgressUpdate(case.id, obj.uid, date(2026, 3, 13), "33 tickets this week", 33.0)
    )
    services.plans.add_progress(
        ProgressUpdate(
            case.id, obj.uid, date(2026, 3, 16), "Backlog cleared", 36.0, milestone_achieved=True
        )
    )
    kinds = [(e.kind, e.title) for e in case_timeline(services, case.id)]
    assert ("milestone", "Milestone achieved: Close more tickets") in kinds
    assert ("progress", "Progress: Close more tickets") in kinds
    assert ("plan", "Coaching plan created (1 objective)") in kinds
    assert ("plan_agreement", "Employee agreed to plan v1") in kinds
    assert [p.value for p in services.plans.progress(case.id)] == [33.0, 36.0]


def test_progress_must_name_an_objective_of_the_active_plan(services, case):
    services.plans.create(plan(case))
    with pytest.raises(InvalidRecord, match="objective of the active plan"):
        services.plans.add_progress(ProgressUpdate(case.id, "nope", date(2026, 3, 16), "x"))


def test_due_micro_goals_across_cases(services, case, clock):
    services.plans.create(plan(case))
    other = open_case(services, name="Иван Петров", number="E2002", stage="improvement_plan")
    services.plans.create(plan(other))
    due = services.plans.due_micro_goals(date(2026, 3, 31))
    assert [(d.reference, d.title) for d in due] == [
        (case.reference, "Clear the backlog older than 30 days"),
        (other.reference, "Clear the backlog older than 30 days"),
    ]
    assert due[0].due_on == date(2026, 3, 27)
    assert len(services.plans.due_micro_goals(date(2026, 4, 30))) == 4
    assert services.plans.due_micro_goals(date(2026, 3, 1)) == []


def test_closed_case_plans_cannot_be_created(services, case):
    services.vault.cases.update(
        replace(case, status=CaseStatus.CLOSED, closed_on=case.opened_on + timedelta(days=1))
    )
    with pytest.raises(IntegrityError, match="closed"):
        services.plans.create(plan(case))


def test_plan_text_is_searchable(services, case):
    from app.services.cases.case_list import CaseQuery

    services.plans.create(plan(case, objectives=(objective("Verbesserte Übergaben"),)))
    rows = services.cases.rows(CaseQuery(search="Übergaben"))
    assert [r.id for r in rows] == [case.id]


def test_a_check_in_marks_several_micro_goals_all_or_nothing(services, case):
    stored = services.plans.create(plan(case))
    first, second = stored.objectives[0].micro_goals  # due 27 March and 10 April
    events = len(services.vault.audit_events())
    with pytest.raises(InvalidRecord, match="cannot be missed"):
        services.plans.mark_micro_goals(
            case.id,
            [
                (first.uid, MicroGoalStatus.DONE, "Cleared"),
                (second.uid, MicroGoalStatus.MISSED, "Not yet due"),  # today is 16 March
            ],
        )
    goals = services.plans.active(case.id).objectives[0].micro_goals
    assert [g.status for g in goals] == [MicroGoalStatus.OPEN, MicroGoalStatus.OPEN]
    assert len(services.vault.audit_events()) == events  # nothing stored, nothing audited
    services.plans.mark_micro_goals(case.id, [(first.uid, MicroGoalStatus.DONE, "Cleared")])
    active = services.plans.active(case.id)
    assert active.objectives[0].micro_goals[0].status is MicroGoalStatus.DONE
    assert active.version == 1 and services.vault.audit_events()[-1].action == "plan.micro_goal"
    assert services.vault.verify().ok
