"""Coaching plan validation: directions, stretch targets, plan period, empty plans, agreement."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.plans.plans import (
    Direction,
    MicroGoal,
    MicroGoalStatus,
    PlanResource,
    ProgressUpdate,
    ResourceKind,
    content_equal,
    describe_revision,
)
from tests.plan_factories import objective, plan

TODAY = date(2026, 3, 16)


def messages(report, field):
    return " ".join(p.message for p in report.for_field(field))


def test_a_complete_plan_is_valid():
    report = plan(1).validate(TODAY)
    assert report.ok, str(report)
    assert not report.warnings


def test_target_must_be_above_baseline_when_higher_is_better():
    report = plan(
        1, objectives=(objective(baseline=40.0, target=30.0, stretch_target=None),)
    ).validate(TODAY)
    assert not report.ok
    text = messages(report, "objectives[0].target")
    assert "must be above the baseline (40)" in text
    assert "lower is better" in text  # tells the officer how to fix a reversed measure


def test_lower_is_better_accepts_a_target_below_the_baseline():
    obj = objective(
        measure="Errors per 100 invoices",
        baseline=6.0,
        target=2.0,
        stretch_target=1.0,
        direction=Direction.LOWER_IS_BETTER,
    )
    assert plan(1, objectives=(obj,)).validate(TODAY).ok
    wrong = replace(obj, target=8.0, stretch_target=None)
    report = plan(1, objectives=(wrong,)).validate(TODAY)
    assert "must be below the baseline (6)" in messages(report, "objectives[0].target")


def test_target_equal_to_baseline_is_no_improvement():
    report = plan(
        1, objectives=(objective(baseline=30.0, target=30.0, stretch_target=None),)
    ).validate(TODAY)
    assert report.for_field("objectives[0].target")


def test_stretch_target_must_go_beyond_the_target():
    report = plan(1, objectives=(objective(target=40.0, stretch_target=38.0),)).validate(TODAY)
    assert "must go beyond the target (40)" in messages(report, "objectives[0].stretch_target")
    low = objective(
        baseline=6.0, target=2.0, stretch_target=3.0, direction=Direction.LOWER_IS_BETTER
    )
    report = plan(1, objectives=(low,)).validate(TODAY)
    assert "below it" in messages(report, "objectives[0].stretch_target")


def test_dates_outside_the_plan_period_are_refused():
    late = objective(
        due_on=date(2026, 6, 30),
        micro_goals=(MicroGoal("Before the plan starts", date(2026, 2, 1)),),
    )
    res = PlanResource(ResourceKind.MENTORING, "Mentor", "Priya Raman", date(2026, 7, 1))
    report = plan(1, objectives=(late,), resources=(res,)).validate(TODAY)
    assert "outside the plan period" in messages(report, "objectives[0].due_on")
    assert "outside the plan period" in messages(report, "objectives[0].micro_goals[0].due_on")
    assert "outside the plan period" in messages(report, "resources[0].by_date")


def test_empty_objectives_and_missing_people_are_refused():
    report = plan(1, objectives=(), manager=" ", hr_officer="").validate(TODAY)
    assert "at least one objective" in messages(report, "objectives")
    assert report.for_field("manager") and report.for_field("hr_officer")


def test_plan_must_end_after_it_starts():
    report = plan(1, starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 1)).validate(TODAY)
    assert report.for_field("ends_on")


def test_objective_needs_measure_baseline_target_and_date():
    bare = objective(measure="", baseline=None, target=None, due_on=None, stretch_target=None)
    report = plan(1, objectives=(bare,)).validate(TODAY)
    for name in ("measure", "baseline", "target", "due_on"):
        assert report.for_field(f"objectives[0].{name}"), name


def test_agreement_rules():
    assert plan(1, agreed_on=TODAY, employee_agreed=True).validate(TODAY).ok
    future = plan(1, agreed_on=date(2026, 3, 20), employee_agreed=True).validate(TODAY)
    assert future.for_field("agreed_on")
    silent = plan(1, agreed_on=TODAY, employee_agreed=False).validate(TODAY)
    assert "record their comment" in messages(silent, "employee_comment")
    undecided = plan(1, agreed_on=TODAY).validate(TODAY)
    assert undecided.for_field("employee_agreed")


def test_a_micro_goal_cannot_be_missed_before_it_is_due():
    goal = MicroGoal("Finish course", date(2026, 4, 1), MicroGoalStatus.MISSED, "ill")
    assert goal.validate(TODAY).for_field("status")
    assert goal.validate(date(2026, 4, 2)).ok


def test_missing_executive_sponsor_is_a_warning_not_an_error():
    report = plan(1, executive_sponsor="").validate(TODAY)
    assert report.ok
    assert report.for_field("executive_sponsor")


def test_progress_update_needs_a_note_and_a_past_date():
    ok = ProgressUpdate(1, "obj", TODAY, "Closed 33 tickets", 33.0)
    assert ok.validate(TODAY).ok
    bad = ProgressUpdate(1, "", date(2026, 3, 17), " ")
    report = bad.validate(TODAY)
    assert {p.field for p in report.errors} == {"objective_uid", "recorded_on", "note"}


def test_revision_description_in_plain_words():
    old = plan(1)
    obj = old.objectives[0]
    new = replace(
        old,
        ends_on=date(2026, 6, 12),
        objectives=(
            replace(obj, target=42.0, micro_goals=obj.micro_goals[:1]),
            objective(
                "Fewer reopened tickets",
                baseline=12.0,
                target=5.0,
                stretch_target=None,
                direction=Direction.LOWER_IS_BETTER,
            ),
        ),
    )
    changes = describe_revision(old, new)
    assert "End: 2026-05-29 → 2026-06-12" in changes
    assert "Objective 'Close more tickets' target: 40 → 42" in changes
    assert "Added objective 'Fewer reopened tickets'" in changes
    assert (
        "Objective 'Close more tickets': removed micro-goal 'Pair with a senior analyst twice'"
    ) in changes


def test_micro_goal_progress_is_not_a_content_change():
    old = plan(1)
    obj = old.objectives[0]
    done = replace(
        obj,
        micro_goals=(
            replace(obj.micro_goals[0], status=MicroGoalStatus.DONE, note="done early"),
            obj.micro_goals[1],
        ),
    )
    assert content_equal(old, replace(old, objectives=(done,), agreed_on=TODAY, version=2))
    assert not content_equal(old, replace(old, objectives=(replace(obj, target=41.0),)))
