"""Builders for coaching plans and reviews in tests."""

from __future__ import annotations

from datetime import date, datetime, time

from app.domain.plans.plans import (
    CoachingPlan,
    Direction,
    MicroGoal,
    Objective,
    ObjectiveCategory,
    PlanResource,
    ResourceKind,
)
from app.domain.plans.reviews import Participant, ParticipantRole, Review
from app.domain.records import Case

START = date(2026, 3, 2)
END = date(2026, 5, 29)


def objective(title: str = "Close more tickets", **kw) -> Objective:
    return Objective(
        title=title,
        measure=kw.pop("measure", "Tickets closed per week"),
        unit=kw.pop("unit", "tickets"),
        baseline=kw.pop("baseline", 28.0),
        target=kw.pop("target", 40.0),
        stretch_target=kw.pop("stretch_target", 45.0),
        due_on=kw.pop("due_on", date(2026, 5, 15)),
        direction=kw.pop("direction", Direction.HIGHER_IS_BETTER),
        category=kw.pop("category", ObjectiveCategory.OUTPUT),
        micro_goals=kw.pop(
            "micro_goals",
            (
                MicroGoal("Clear the backlog older than 30 days", date(2026, 3, 27)),
                MicroGoal("Pair with a senior analyst twice", date(2026, 4, 10)),
            ),
        ),
        **kw,
    )


def plan(case: Case | int, **kw) -> CoachingPlan:
    case_id = case if isinstance(case, int) else case.id
    return CoachingPlan(
        case_id=case_id,
        starts_on=kw.pop("starts_on", START),
        ends_on=kw.pop("ends_on", END),
        manager=kw.pop("manager", "Ola Nordmann"),
        hr_officer=kw.pop("hr_officer", "Hana Officer"),
        executive_sponsor=kw.pop("executive_sponsor", "Dr. Amélie Lefèvre"),
        objectives=kw.pop("objectives", (objective(),)),
        resources=kw.pop(
            "resources",
            (
                PlanResource(
                    ResourceKind.COACHING,
                    "Weekly coaching session",
                    "Ola Nordmann",
                    date(2026, 3, 9),
                ),
                PlanResource(
                    ResourceKind.TRAINING, "Ticket triage course", "Learning team", date(2026, 4, 1)
                ),
            ),
        ),
        **kw,
    )


def participants(observer: str | None = "Sam Lee") -> tuple[Participant, ...]:
    people = [
        Participant(ParticipantRole.EMPLOYEE, "Zoë Ångström"),
        Participant(ParticipantRole.SUPERVISOR, "Ola Nordmann"),
    ]
    if observer:
        people.append(Participant(ParticipantRole.OBSERVER, observer))
    return tuple(people)


def review(case: Case | int, on: date = date(2026, 3, 20), at: time = time(10, 0), **kw) -> Review:
    case_id = case if isinstance(case, int) else case.id
    return Review(
        case_id=case_id,
        starts_at=datetime.combine(on, at),
        timezone=kw.pop("timezone", "Europe/London"),
        location=kw.pop("location", "Meeting room 4.12"),
        participants=kw.pop("participants", participants()),
        **kw,
    )
