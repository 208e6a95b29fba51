"""Exceptions to the escalation path: extensions, pauses, skipped stages and deviations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.business_days import DateRange
from app.domain.escalation.escalation_records import CaseException, ExceptionKind, ExceptionStatus
from app.domain.escalation.workflow import check_exception_approver
from app.domain.records import Case, CaseStatus, Role
from app.domain.validation import InvalidRecord, ValidationReport
from app.services.cases.case_service import audit_change
from app.services.cases.escalation_errors import EscalationRefused
from app.services.cases.escalation_policies import EscalationCore


class Exceptions(EscalationCore):
    """Requesting and deciding exceptions (a part of `EscalationService`)."""

    def request_exception(
        self,
        case_id: int,
        kind: ExceptionKind,
        reason: str,
        requested_by: str,
        *,
        approver: str = "",
        approver_role: Role | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        extra_business_days: int = 0,
        skip_stage: str = "",
    ) -> CaseException:
        """Record an exception; with an approver (holding the right) it is approved at once,
        otherwise it waits for `decide_exception` and the case is 'awaiting approval'."""
        today = self.clock.today()
        case = self.vault.cases.get(case_id)
        if self.guard is not None:
            self.guard.require("exception", case)
        approved = bool(approver.strip())
        exc = CaseException(
            case_id=case_id,
            kind=kind,
            reason=reason.strip(),
            requested_by=requested_by.strip(),
            requested_on=today,
            stage=case.stage,
            approver=approver.strip(),
            approver_role=approver_role,
            status=ExceptionStatus.APPROVED if approved else ExceptionStatus.REQUESTED,
            starts_on=starts_on,
            ends_on=ends_on,
            extra_business_days=extra_business_days,
            skip_stage=skip_stage.strip(),
            decided_on=today if approved else None,
        )
        self._validate_exception(case, exc)
        with self.vault.write() as w:
            stored = self.repo.add_exception(exc)
            w.audit("exception.request", "case_exception", stored.id, audit_change(stored))
            if approved:
                w.audit(
                    "exception.approve",
                    "case_exception",
                    stored.id,
                    {"approver": stored.approver, "role": stored.approver_role},
                )
            self.vault.cases.touch(case_id, today)
            self._store_schedule(case_id)
        self._changed()
        return stored

    def decide_exception(
        self, exception_id: int, approver: str, approver_role: Role, approve: bool = True
    ) -> CaseException:
        today = self.clock.today()
        current = self.repo.exception(exception_id)
        if current.status is not ExceptionStatus.REQUESTED:
            raise EscalationRefused(f"This exception was already {current.status.label.lower()}.")
        decided = replace(
            current,
            approver=approver.strip(),
            approver_role=approver_role,
            status=ExceptionStatus.APPROVED if approve else ExceptionStatus.DECLINED,
            decided_on=today,
        )
        case = self.vault.cases.get(current.case_id)
        if self.guard is not None:
            self.guard.require("exception", case)
        self._validate_exception(case, decided)
        with self.vault.write() as w:
            stored = self.repo.update_exception(decided)
            w.audit(
                "exception.approve" if approve else "exception.decline",
                "case_exception",
                stored.id,
                audit_change(stored),
            )
            self._store_schedule(stored.case_id)
        self._changed()
        return stored

    def _validate_exception(self, case: Case, exc: CaseException) -> None:
        report: ValidationReport = exc.validate(self.clock.today())
        policy = self.policy_for(case)
        if case.status is CaseStatus.CLOSED:
            report.error("case_id", f"Case {case.reference} is closed.")
        if exc.approver:
            why = check_exception_approver(policy, exc.kind, exc.approver_role)
            if why:
                report.error("approver_role", why[0].upper() + why[1:] + ".")
        if (
            exc.kind is ExceptionKind.EXTEND
            and exc.extra_business_days > policy.max_extension_business_days
        ):
            report.error(
                "extra_business_days",
                f"An extension may add at most {policy.max_extension_business_days} "
                "business days under this policy.",
            )
        if exc.kind is ExceptionKind.SKIP and exc.skip_stage:
            if exc.skip_stage not in policy.stage_keys:
                report.error("skip_stage", f"'{exc.skip_stage}' is not a stage.")
            elif (
                policy.index(exc.skip_stage) <= policy.index(case.stage)
                or exc.skip_stage == policy.stage_keys[-1]
            ):
                report.error(
                    "skip_stage",
                    "Only a stage after the current one (and before the outcome) can be skipped.",
                )
        if not report.ok:
            raise InvalidRecord(report, "exception")

    def exceptions(self, case_id: int) -> list[CaseException]:
        return self.repo.exceptions(case_id)

    def pauses(self, case_id: int) -> list[DateRange]:
        """Approved pauses of the case's clock (leave of absence …)."""
        return [
            DateRange(e.starts_on, e.ends_on)
            for e in self.repo.exceptions(case_id)
            if e.approved and e.kind is ExceptionKind.PAUSE and e.starts_on and e.ends_on
        ]
