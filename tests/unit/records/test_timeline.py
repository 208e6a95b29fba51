"""A case's timeline: every kind of event, in date order, stable within a day."""

from __future__ import annotations

from datetime import timedelta

from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.records import Decision, Role
from app.services.cases import timeline
from app.services.cases.timeline import TimelineEvent, case_timeline
from tests.factories import conversation, indicator, observation, open_case


def test_every_kind_in_date_order(services, clock):
    today = clock.today()
    case = open_case(services, opened_on=today - timedelta(days=20))
    services.cases.add(conversation(case, today - timedelta(days=2)))
    services.cases.add(indicator(case, today - timedelta(days=10), expected=40.0, actual=28.0))
    services.cases.add(observation(case, today - timedelta(days=5)))
    services.cases.add(
        Decision(
            case_id=case.id,
            decided_on=today - timedelta(days=2),
            decided_by="Ola Nordmann",
            role=Role.MANAGER,
            summary="Start coaching.",
        )
    )
    services.escalation.request_exception(
        case.id, ExceptionKind.DEVIATION, "Meeting held remotely.", "Hana Officer"
    )
    events = case_timeline(services, case.id)
    assert [e.kind for e in events] == [
        "opened",
        "indicator",
        "observation",
        "conversation",
        "decision",
        "exception",
    ]
    assert [e.on for e in events] == sorted(e.on for e in events)
    assert events[0].title == "Opened at Early conversation (Standard track)"
    assert events[1].title == "Missed target: Tickets closed (28 against 40 tickets/week)"
    assert "Meeting held remotely." in events[-1].detail


def test_later_features_add_a_source(services, clock, monkeypatch):
    case = open_case(services)

    def plans(svc, case_id):
        yield TimelineEvent(clock.today(), "plan", "Plan", "Coaching plan agreed")

    monkeypatch.setattr(timeline, "TIMELINE_SOURCES", [*timeline.TIMELINE_SOURCES, plans])
    assert case_timeline(services, case.id)[-1].title == "Coaching plan agreed"
