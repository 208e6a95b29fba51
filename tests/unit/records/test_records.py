"""Every record survives the vault unchanged, Unicode included; validation reports every problem."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.domain.records import (
    Case,
    Conversation,
    ConversationKind,
    Decision,
    Employee,
    Indicator,
    IndicatorCategory,
    Observation,
    Role,
    RootCause,
    StageChange,
    Track,
)
from app.domain.validation import InvalidRecord
from tests.factories import UNICODE_NAMES, employee, open_case


@pytest.mark.parametrize("name", UNICODE_NAMES)
def test_unicode_names_round_trip(services, name):
    stored = services.employees.add(employee("E-" + str(abs(hash(name)) % 10000), name))
    assert services.employees.get(stored.id).name == name
    case = services.cases.open_case(stored.id, stage="early_conversation")
    row = services.cases.rows(
        __import__("app.vault.repositories.case_repository", fromlist=["CaseQuery"]).CaseQuery()
    )[0]
    assert row.employee == name and row.reference == case.reference


def test_every_case_record_round_trips(services, clock):
    case = open_case(services)
    today = clock.today()
    records = [
        Conversation(
            case_id=case.id,
            held_on=today,
            kind=ConversationKind.FORMAL_CONCERN,
            summary="Σύνοψη — résumé — 摘要",
            attendees=("Иван Петров", "李小龙"),
            constraints="Two vacancies",
            expectations="40 tickets",
            root_causes=(RootCause.WORKLOAD, RootCause.OTHER),
            root_cause_notes="Commute changed",
            agreed_actions=("Weekly check-in",),
        ),
        Indicator(
            case_id=case.id,
            category=IndicatorCategory.SAFETY,
            metric="Lock-out skipped",
            observed_on=today,
            expected=0.0,
            actual=2.0,
            unit="incidents",
            source="Safety log",
            note="Line 3",
        ),
        Observation(
            case_id=case.id,
            observed_on=today,
            author="محمد",
            author_role="peer",
            text="Hand-overs incomplete",
        ),
        Decision(
            case_id=case.id,
            decided_on=today,
            decided_by="Ola Nordmann",
            role=Role.MANAGER,
            summary="Start coaching",
            rationale="First concern",
        ),
    ]
    for rec in records:
        stored = services.cases.add(rec)
        assert stored.id is not None
        assert services.vault.records.get(type(rec), stored.id) == stored
    change = StageChange(
        case_id=case.id,
        from_stage="early_conversation",
        to_stage="coaching",
        changed_at=datetime(2026, 3, 16, 10, 30, tzinfo=UTC),
        actor="Hana",
        role=Role.HR_OFFICER,
        reason="Agreed",
        approvals=("manager",),
    )
    with services.vault.write() as w:
        stored = services.vault.records.add(change)
        w.audit("stage_change.add", "stage_change", stored.id, {})
    assert services.cases.stage_changes(case.id) == [stored]


def test_case_and_employee_round_trip(services):
    emp = services.employees.add(
        employee("E5", "Zoë Ångström", email="zoe@example.org", start_date=date(2019, 4, 1))
    )
    assert services.employees.get(emp.id) == emp
    case = services.cases.open_case(
        emp.id, stage="formal_concern", track=Track.HIGH_STAKES, opened_on=date(2026, 3, 2)
    )
    assert services.cases.get(case.id) == case
    assert case.reference == "C-2026-0001"
    assert services.cases.open_case(emp.id, stage="coaching").reference == "C-2026-0002"


def test_validation_reports_every_problem_at_once(services, clock):
    bad = Employee(employee_number="", name=" ", department="", email="not-an-email")
    report = bad.validate(clock.today())
    assert {p.field for p in report.errors} == {"employee_number", "name", "department", "email"}
    with pytest.raises(InvalidRecord) as info:
        services.employees.add(bad)
    assert "Name is required" in str(info.value)


def test_impossible_dates_are_refused(services, clock):
    case = open_case(services)
    future = Indicator(
        case_id=case.id,
        category=IndicatorCategory.QUALITY_GAP,
        metric="QA",
        observed_on=date(2030, 1, 1),
        expected=1.0,
        source="log",
    )
    report = future.validate(clock.today())
    assert report.for_field("observed_on") and report.for_field("actual")
    closed_early = replace(case, status=case.status.CLOSED, closed_on=date(2000, 1, 1))
    assert closed_early.validate().for_field("closed_on")
    assert (
        Case("X-1", 1, 1, Track.STANDARD, "coaching", date(2026, 1, 1))
        .validate()
        .for_field("reference")
    )
