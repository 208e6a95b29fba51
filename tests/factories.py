"""Builders for records in tests, with sensible defaults and Unicode names."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.records import (
    Case,
    Conversation,
    ConversationKind,
    Employee,
    Indicator,
    IndicatorCategory,
    Observation,
    RootCause,
    Track,
)
from app.services.services import Services

UNICODE_NAMES = ["Zoë Ångström", "Łukasz Żółć", "Αλέξανδρος", "Иван Петров", "李小龙", "محمد"]


def employee(
    number: str = "E1001", name: str = "Zoë Ångström", department: str = "Operations", **kw
) -> Employee:
    return Employee(
        employee_number=number,
        name=name,
        department=department,
        job_title=kw.pop("job_title", "Analyst"),
        manager=kw.pop("manager", "Ola Nordmann"),
        start_date=kw.pop("start_date", date(2020, 1, 6)),
        **kw,
    )


def open_case(
    svc: Services,
    name: str = "Zoë Ångström",
    number: str = "E1001",
    stage: str = "early_conversation",
    track: Track = Track.STANDARD,
    opened_on: date | None = None,
) -> Case:
    emp = svc.employees.by_number(number) or svc.employees.add(employee(number, name))
    return svc.cases.open_case(
        emp.id,
        stage=stage,
        track=track,
        opened_on=opened_on or svc.clock.today() - timedelta(days=14),
    )


def conversation(case: Case, held_on: date, **kw) -> Conversation:
    return Conversation(
        case_id=case.id,
        held_on=held_on,
        kind=kw.pop("kind", ConversationKind.INFORMAL),
        summary=kw.pop("summary", "Talked through the missed deadlines."),
        attendees=kw.pop("attendees", ("Zoë Ångström", "Ola Nordmann")),
        root_causes=kw.pop("root_causes", (RootCause.WORKLOAD,)),
        **kw,
    )


def indicator(
    case: Case, observed_on: date, category=IndicatorCategory.MISSED_TARGET, **kw
) -> Indicator:
    return Indicator(
        case_id=case.id,
        category=category,
        metric=kw.pop("metric", "Tickets closed"),
        observed_on=observed_on,
        expected=kw.pop("expected", 40.0),
        actual=kw.pop("actual", 28.0),
        unit=kw.pop("unit", "tickets/week"),
        source=kw.pop("source", "Service desk report"),
        **kw,
    )


def observation(case: Case, observed_on: date, **kw) -> Observation:
    return Observation(
        case_id=case.id,
        observed_on=observed_on,
        author=kw.pop("author", "Peer reviewer"),
        author_role=kw.pop("author_role", "peer"),
        text=kw.pop("text", "Hand-overs arrive incomplete."),
        **kw,
    )
