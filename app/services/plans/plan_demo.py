"""Demo coaching plans, progress and formal reviews for the demo vault.

Cases in the improvement-plan, formal-review and outcome stages get a plan written the way an
HR officer writes one (measurable objectives with stretch targets, micro-goals, resources),
progress along the way with the odd milestone, reviews held at the policy's cadence with their
outcomes, one revision after a review, and upcoming reviews, so the Plan and Reviews tabs and
the agenda show a realistic picture.

The words the plans and reviews are written from live in `plan_demo_data`.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.domain.clock import FixedClock
from app.domain.plans.plans import (
    CoachingPlan,
    Direction,
    MicroGoal,
    MicroGoalStatus,
    Objective,
    PlanResource,
    ProgressUpdate,
)
from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    Participant,
    ParticipantRole,
    RefreshedTarget,
    Review,
    ReviewDecision,
    ReviewOutcome,
    ReviewStatus,
)
from app.domain.records import Case, CaseStatus, Track
from app.services.plans.plan_demo_data import OBJECTIVES, PROGRESS_NOTES, RESOURCES, SUMMARIES

if TYPE_CHECKING:
    from app.services.services import Services

STAGES = ("improvement_plan", "formal_review", "outcome")
OBSERVER = "Sam Okafor"


def _between(start: float, end: float, share: float) -> float:
    return round(start + (end - start) * share, 1)


def _objectives(
    department: str, start: date, end: date, rng: random.Random
) -> tuple[Objective, ...]:
    templates = OBJECTIVES.get(department) or OBJECTIVES["Operations"]
    chosen = templates if rng.random() < 0.6 else templates[:1]
    span = (end - start).days
    out = []
    for title, measure, unit, direction, base, target, stretch, category, steps in chosen:
        goals = tuple(
            MicroGoal(step, start + timedelta(days=int(span * (i + 1) / 4)))
            for i, step in enumerate(steps)
        )
        out.append(
            Objective(
                title=title,
                measure=measure,
                unit=unit,
                direction=direction,
                baseline=float(base),
                target=float(target),
                stretch_target=float(stretch) if stretch is not None else None,
                due_on=end - timedelta(days=7),
                category=category,
                micro_goals=goals,
            )
        )
    return tuple(out)


def _tick_goals(plan: CoachingPlan, today: date, rng: random.Random) -> tuple[Objective, ...]:
    out = []
    for o in plan.objectives:
        goals = []
        for g in o.micro_goals:
            if g.due_on < today:
                roll = rng.random()
                if roll < 0.15:
                    pass  # still open after its date: overdue on the agenda
                elif roll < 0.85:
                    g = replace(g, status=MicroGoalStatus.DONE, note="Done as agreed.")
                else:
                    g = replace(
                        g,
                        status=MicroGoalStatus.MISSED,
                        note="Postponed: covering for a colleague on leave.",
                    )
            goals.append(g)
        out.append(replace(o, micro_goals=tuple(goals)))
    return tuple(out)


def _people(services: Services, case: Case) -> tuple[tuple[Participant, ...], str]:
    employee = services.employees.get(case.employee_id)
    manager = employee.manager or "Line manager"
    people = [
        Participant(ParticipantRole.EMPLOYEE, employee.name),
        Participant(ParticipantRole.SUPERVISOR, manager),
        Participant(ParticipantRole.HR_REPRESENTATIVE, services.officer.name),
    ]
    if case.track is Track.HIGH_STAKES:
        people.append(Participant(ParticipantRole.OBSERVER, OBSERVER))
    return tuple(people), manager


def _entered(services: Services, case: Case, stage: str) -> date | None:
    """The day ``case`` last entered ``stage`` in its stage history (None if it never did)."""
    rows = services.vault.conn.query(
        "SELECT substr(changed_at, 1, 10) FROM stage_changes WHERE case_id = ? AND to_stage = ? "
        "ORDER BY changed_at DESC, id DESC LIMIT 1",
        (case.id, stage),
    )
    return date.fromisoformat(str(rows[0][0])) if rows else None


def _allows(services: Services, case: Case, action: str) -> bool:
    return services.escalation.policy_for(case).stage(case.stage).allows(action)


@contextlib.contextmanager
def _on(services: Services, day: date) -> Iterator[None]:
    """Let the demo clock stand on ``day`` while writing what happened that day, so
    creation dates and the timeline read like a real history."""
    clock = services.clock
    if not isinstance(clock, FixedClock):
        yield
        return
    saved = clock.now()
    clock.set(day)
    try:
        yield
    finally:
        clock.set(saved)


def _demo_case(
    services: Services, case: Case, rng: random.Random, today: date, final: bool
) -> None:
    employee = services.employees.get(case.employee_id)
    participants, manager = _people(services, case)
    entered = case.stage_entered_on or case.opened_on
    back = {"improvement_plan": 0, "formal_review": 56, "outcome": 84}[case.stage]
    start = max(case.opened_on + timedelta(days=7), entered - timedelta(days=back))
    start = min(start, today - timedelta(days=7))
    # The plan belongs to the improvement-plan stage: it starts once the case entered it.
    start = max(start, _entered(services, case, "improvement_plan") or start)
    end = start + timedelta(weeks=12)
    resources = tuple(
        PlanResource(kind, what, who.format(manager=manager), start + timedelta(days=7 * i))
        for i, (kind, what, who) in enumerate(rng.sample(RESOURCES, k=rng.randint(2, 3)))
    )
    agreed = rng.random() < 0.85
    with _on(services, start):
        plan = services.plans.create(
            CoachingPlan(
                case_id=case.id,
                starts_on=start,
                ends_on=end,
                manager=manager,
                hr_officer=services.officer.name,
                executive_sponsor=rng.choice(
                    ("Dr. Amélie Lefèvre", "Björn Lindqvist", "Fatima Haddad")
                ),
                objectives=_objectives(employee.department, start, end, rng),
                resources=resources,
                agreed_on=start,
                employee_agreed=agreed,
                employee_comment=""
                if agreed
                else "Feels the call-back target ignores the queue length on Mondays.",
            )
        )
    plans = services.plans

    # progress roughly weekly, moving towards the target
    weeks = max(0, min((today - start).days, (end - start).days) // 7)
    for week in range(1, weeks + 1):
        on = start + timedelta(days=7 * week - 2)
        if on > today:
            break
        for o in plan.objectives:
            share = min(1.0, week / 9) * rng.uniform(0.7, 1.1)
            value = _between(o.baseline, o.target, share)
            milestone = week in (4, 8) and rng.random() < 0.6
            with _on(services, on):
                plans.add_progress(
                    ProgressUpdate(
                        case_id=case.id,
                        objective_uid=o.uid,
                        recorded_on=on,
                        note=("Milestone: " if milestone else "") + rng.choice(PROGRESS_NOTES),
                        value=value,
                        milestone_achieved=milestone,
                    )
                )

    # reviews at the policy's cadence: the past ones held, the next one(s) upcoming
    first = start + timedelta(days=14)
    dates = services.reviews.cadence_dates(case.id, first, max(end, today + timedelta(days=28)))
    # Reviews are held while the stage allows them (the final one before the outcome stage).
    until = today if _allows(services, case, "review") else (entered or today)
    held = [d for d in dates if d < until]
    at = time(rng.choice((9, 10, 11, 14, 15)), rng.choice((0, 30)))
    if dates:
        with _on(services, start):
            review = services.reviews.schedule(
                Review(
                    case_id=case.id,
                    starts_at=datetime.combine(dates[0], at),
                    duration_minutes=60,
                    location=rng.choice(
                        ("Meeting room 2.04", "Small meeting room, 3rd floor", "HR office")
                    ),
                    participants=participants,
                )
            )
        _hold_reviews(services, case, review, dates, held, participants, rng, final)
    if _allows(services, case, "coaching_plan"):  # the outcome stage revises no plan
        current = plans.active(case.id)
        plans.save(replace(current, objectives=_tick_goals(current, today, rng)))


def _hold_reviews(
    services: Services,
    case: Case,
    review: Review,
    dates: list[date],
    held: list[date],
    participants: tuple[Participant, ...],
    rng: random.Random,
    final: bool,
) -> None:
    plans = services.plans
    for i, day in enumerate(held):
        last = i == len(held) - 1
        if last and not final and rng.random() < 0.3:
            return  # held but its outcome not yet recorded: overdue on the agenda
        decision = ReviewDecision.CONTINUE
        if last and final:
            decision = (
                ReviewDecision.CLOSE_AS_IMPROVED if rng.random() < 0.6 else ReviewDecision.ESCALATE
            )
        current = plans.active(case.id)
        met = (
            Assessment.MET
            if decision is ReviewDecision.CLOSE_AS_IMPROVED
            else (
                Assessment.NOT_MET
                if decision is ReviewDecision.ESCALATE
                else Assessment.PROGRESSING
            )
        )
        nxt = dates[i + 1] if i + 1 < len(dates) else day + timedelta(days=14)
        refresh = ()
        if i == 1 and rng.random() < 0.5 and decision is ReviewDecision.CONTINUE:
            o = current.objectives[0]
            better = 1.05 if o.direction is Direction.HIGHER_IS_BETTER else 0.9
            target = round(o.target * better, 1) if o.target else o.target
            if target is not None and o.direction.beyond(target, o.baseline):
                stretch = (
                    o.stretch_target
                    if o.stretch_target is not None and o.direction.beyond(o.stretch_target, target)
                    else None
                )
                refresh = (RefreshedTarget(o.uid, target, stretch),)
        with _on(services, day):
            services.reviews.record_outcome(
                ReviewOutcome(
                    review_id=review.id,
                    case_id=case.id,
                    held_on=day,
                    attended=participants,
                    assessments=tuple(ObjectiveAssessment(o.uid, met) for o in current.objectives),
                    decision=decision,
                    summary=SUMMARIES[decision],
                    plan_working=decision is not ReviewDecision.ESCALATE,
                    workload="Manageable since ad-hoc requests go via the team lead.",
                    role_alignment="Role still fits; strengths in the core of the job.",
                    refreshed_targets=refresh,
                    next_review_on=nxt if decision.needs_next_review else None,
                )
            )
        upcoming = [
            r for r in services.reviews.for_case(case.id) if r.status is ReviewStatus.SCHEDULED
        ]
        if not upcoming or not decision.needs_next_review:
            return
        review = upcoming[0]


def enrich_demo(services: Services, rng: random.Random) -> None:
    """Plans, progress and reviews for the demo cases in the later stages."""
    today = services.clock.today()
    for case in services.cases.all(CaseStatus.OPEN):
        if case.stage in STAGES:
            _demo_case(services, case, rng, today, final=case.stage == "outcome")
