"""Use cases for people and cases: add employees, open cases, record what happened.

Each write validates first (raising `InvalidRecord` with every field problem), then stores the
record and its audit event in one transaction, and marks the case as active today.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date

from app.domain.clock import Clock
from app.domain.records import (
    Case,
    CaseStatus,
    Conversation,
    Decision,
    Employee,
    Indicator,
    Observation,
    StageChange,
    Track,
)
from app.domain.validation import InvalidRecord
from app.services.action_guard import ActionGuard, action_for
from app.vault.errors import IntegrityError
from app.vault.repositories.case_repository import CaseQuery, CaseRow
from app.vault.vault import Vault

CaseEvent = Conversation | Indicator | Observation | Decision

_ENTITY = {
    Conversation: "conversation",
    Indicator: "indicator",
    Observation: "observation",
    Decision: "decision",
    StageChange: "stage_change",
}


def audit_change(record: object) -> dict:
    """The change as hashed into the audit digest (the text itself never enters the log)."""
    data = asdict(record)  # type: ignore[call-overload]
    data.pop("id", None)
    return data


def _event_date(record: CaseEvent) -> date:
    """When the recorded thing happened: what the 'stalled' flag measures from."""
    for name in ("held_on", "observed_on", "decided_on"):
        value = getattr(record, name, None)
        if value is not None:
            return value
    raise TypeError(f"{type(record).__name__} has no event date")


class EmployeeService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights

    def _require(self) -> None:
        if self.guard is not None:
            self.guard.require("employee")

    def add(self, emp: Employee) -> Employee:
        report = emp.validate(self.clock.today())
        if not report.ok:
            raise InvalidRecord(report, "employee")
        self._require()
        with self.vault.write() as w:
            stored = self.vault.employees.add(emp)
            w.audit("employee.add", "employee", stored.id, audit_change(stored))
        return stored

    def update(self, emp: Employee) -> Employee:
        report = emp.validate(self.clock.today())
        if not report.ok:
            raise InvalidRecord(report, "employee")
        self._require()
        with self.vault.write() as w:
            stored = self.vault.employees.update(emp)
            w.audit("employee.update", "employee", stored.id, audit_change(stored))
        return stored

    def add_many(self, employees: list[Employee], update_existing: bool = True) -> tuple[int, int]:
        """All or nothing: one transaction for the batch. Returns (added, updated)."""
        today = self.clock.today()
        for i, emp in enumerate(employees):
            report = emp.validate(today)
            if not report.ok:
                raise InvalidRecord(report, f"employee on row {i + 1}")
        added = updated = 0
        self._require()
        with self.vault.write() as w:
            for emp in employees:
                existing = self.vault.employees.by_number(emp.employee_number)
                if existing is None:
                    stored = self.vault.employees.add(emp)
                    w.audit("employee.add", "employee", stored.id, audit_change(stored))
                    added += 1
                elif update_existing and replace(emp, id=existing.id) != existing:
                    stored = self.vault.employees.update(replace(emp, id=existing.id))
                    w.audit("employee.update", "employee", stored.id, audit_change(stored))
                    updated += 1
        return added, updated

    def get(self, employee_id: int) -> Employee:
        return self.vault.employees.get(employee_id)

    def by_number(self, number: str) -> Employee | None:
        return self.vault.employees.by_number(number)

    def all(self) -> list[Employee]:
        return self.vault.employees.all()

    def departments(self) -> list[str]:
        return self.vault.employees.departments()


class CaseService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        # Set by `Services`: the escalation policy checks a new case (and stamps its policy
        # version) before it is stored, and stores a case's next deadline after each write.
        self.prepare_case: Callable[[Case], Case] | None = None
        self.after_write: Callable[[int], object] | None = None
        self.guard: ActionGuard | None = None  # set by Services: the policy's rights

    def _after_write(self, case_id: int) -> None:
        if self.after_write is not None:
            self.after_write(case_id)

    # -- cases ---------------------------------------------------------------------------
    def open_case(
        self,
        employee_id: int,
        stage: str,
        track: Track = Track.STANDARD,
        opened_on: date | None = None,
        reference: str | None = None,
        owner_id: int | None = None,
        policy_id: int | None = None,
    ) -> Case:
        opened = opened_on or self.clock.today()
        with self.vault.write() as w:
            ref = reference or self.vault.cases.next_reference(opened.year)
            case = Case(
                reference=ref,
                employee_id=employee_id,
                owner_id=owner_id or self.vault.officer.id,
                track=track,
                stage=stage,
                opened_on=opened,
                stage_entered_on=opened,
                policy_id=policy_id,
            )
            report = case.validate(self.clock.today())
            if not report.ok:
                raise InvalidRecord(report, "case")
            if self.guard is not None:
                self.guard.require("open_case")
            if self.prepare_case is not None:
                case = self.prepare_case(case)
            self.vault.employees.get(employee_id)  # clear NotFound before the FK error
            stored = self.vault.cases.add(case)
            w.audit("case.open", "case", stored.id, audit_change(stored))
            self._after_write(stored.id)
        return stored

    def get(self, case_id: int) -> Case:
        return self.vault.cases.get(case_id)

    def by_reference(self, reference: str) -> Case:
        return self.vault.cases.by_reference(reference)

    def all(self, status: CaseStatus | None = None) -> list[Case]:
        return self.vault.cases.all(status)

    def count(self, query: CaseQuery) -> int:
        return self.vault.cases.count_rows(query)

    def rows(self, query: CaseQuery, offset: int = 0, limit: int = 200) -> list[CaseRow]:
        return self.vault.cases.rows(query, offset, limit)

    def ids(self, query: CaseQuery) -> list[int]:
        """Every matching case id in list order (the GUI list pages rows by id)."""
        return self.vault.cases.ids(query)

    def rows_by_ids(self, ids: list[int]) -> list[CaseRow]:
        return self.vault.cases.rows_by_ids(ids)

    def employee_of(self, case: Case) -> Employee:
        return self.vault.employees.get(case.employee_id)

    # -- what happened -------------------------------------------------------------------
    def add(self, record: CaseEvent) -> CaseEvent:
        """Store a conversation, indicator, observation or decision on its case."""
        report = record.validate(self.clock.today())
        if not report.ok:
            raise InvalidRecord(report, _ENTITY[type(record)])
        with self.vault.write() as w:
            case = self._require_open(record.case_id)
            if self.guard is not None:
                self.guard.require(action_for(record), case, _event_date(record))
            stored = self.vault.records.add(record)
            w.audit(
                f"{_ENTITY[type(record)]}.add",
                _ENTITY[type(record)],
                stored.id,
                audit_change(stored),
            )
            self.vault.cases.touch(record.case_id, _event_date(stored))
            self._after_write(record.case_id)
        return stored

    def update(self, record: CaseEvent) -> CaseEvent:
        """Correct a stored record; the audit trail keeps the fact and digest of each edit."""
        report = record.validate(self.clock.today())
        if not report.ok:
            raise InvalidRecord(report, _ENTITY[type(record)])
        with self.vault.write() as w:
            self._require_open(record.case_id)
            if self.guard is not None:
                self.guard.require("edit_record", self.vault.cases.get(record.case_id))
            stored = self.vault.records.update(record)
            w.audit(
                f"{_ENTITY[type(record)]}.update",
                _ENTITY[type(record)],
                stored.id,
                audit_change(stored),
            )
            self.vault.cases.touch(record.case_id, self.clock.today())
            self._after_write(record.case_id)
        return stored

    def records(self, kind: type, case_id: int) -> list:
        return self.vault.records.for_case(kind, case_id)

    def conversations(self, case_id: int) -> list[Conversation]:
        return self.vault.records.for_case(Conversation, case_id)

    def indicators(self, case_id: int) -> list[Indicator]:
        return self.vault.records.for_case(Indicator, case_id)

    def observations(self, case_id: int) -> list[Observation]:
        return self.vault.records.for_case(Observation, case_id)

    def decisions(self, case_id: int) -> list[Decision]:
        return self.vault.records.for_case(Decision, case_id)

    def stage_changes(self, case_id: int) -> list[StageChange]:
        return self.vault.records.for_case(StageChange, case_id)

    def exists_id(self, case_id: int) -> bool:
        """Whether the case is still in the vault (an erasure removes it)."""
        return self.vault.cases.has_id(case_id)

    def _require_open(self, case_id: int) -> Case:
        case = self.vault.cases.get(case_id)
        if case.status is CaseStatus.CLOSED:
            raise IntegrityError(
                f"Case {case.reference} is closed, so its records cannot be added or changed; "
                "reopen it first."
            )
        return case
