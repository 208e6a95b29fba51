"""Closed cases for the retention and erasure tests (closed on a chosen day with an outcome)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.records import Case, CaseStatus, Outcome
from app.services.services import Services
from tests.factories import open_case


def closed_case(svc: Services, number: str, name: str, closed_on: date, outcome: Outcome) -> Case:
    case = open_case(svc, name=name, number=number, opened_on=date(2020, 1, 6))
    return close_case(svc, case, closed_on, outcome)


def close_case(svc: Services, case: Case, closed_on: date, outcome: Outcome) -> Case:
    """Closed as of ``closed_on`` (the escalation rules are not what these tests are about)."""
    case = svc.cases.get(case.id)
    with svc.vault.write() as w:
        svc.vault.cases.update(
            replace(case, status=CaseStatus.CLOSED, closed_on=closed_on, outcome=outcome)
        )
        w.audit("case.close", "case", case.id, {})
    return svc.cases.get(case.id)
