"""Legal holds: while a dispute is possible a case must survive, whatever its retention says.

A hold names its reason, the officer and the date; placing and lifting it are audited, and
while it is in force every deletion of the case's records and every erasure is refused with a
message naming the hold (`require_no_hold`).
"""

from __future__ import annotations

from app.domain.clock import Clock
from app.domain.validation import InvalidRecord, ValidationReport
from app.vault.errors import IntegrityError
from app.vault.repositories.hold_repository import CaseOnHold, HoldRepository, LegalHold
from app.vault.vault import Vault

MAX_REASON = 2000


def check_reason(reason: str, what: str) -> ValidationReport:
    """A hold's reason (or the reason for lifting it): required, bounded."""
    report = ValidationReport()
    text = (reason or "").strip()
    if not text:
        report.error("reason", f"Give the reason for {what}.")
    elif len(text) > MAX_REASON:
        report.error("reason", f"Keep the reason under {MAX_REASON} characters.")
    return report


class HoldService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self.vault = vault
        self.clock = clock
        self.repo = HoldRepository(vault.conn)

    def active(self, case_id: int) -> LegalHold | None:
        return self.repo.active(case_id)

    def history(self, case_id: int) -> list[LegalHold]:
        return self.repo.for_case(case_id)

    def held_case_ids(self) -> set[int]:
        return self.repo.held_case_ids()

    def place(self, case_id: int, reason: str) -> LegalHold:
        report = check_reason(reason, "the hold")
        if not report.ok:
            raise InvalidRecord(report, "legal hold")
        case = self.vault.cases.get(case_id)
        with self.vault.write() as w:
            existing = self.repo.active(case_id)
            if existing is not None:
                raise IntegrityError(
                    f"Case {case.reference} is already under {existing.describe()}."
                )
            hold = self.repo.place(
                case_id, reason.strip(), self.vault.officer.name, self.clock.today()
            )
            w.audit("case.hold", "legal_hold", hold.id, {"case_id": case_id, "reason": reason})
        return hold

    def release(self, case_id: int, reason: str) -> LegalHold:
        report = check_reason(reason, "lifting the hold")
        if not report.ok:
            raise InvalidRecord(report, "legal hold")
        case = self.vault.cases.get(case_id)
        with self.vault.write() as w:
            hold = self.repo.active(case_id)
            if hold is None:
                raise IntegrityError(f"Case {case.reference} is not under legal hold.")
            lifted = self.repo.release(
                hold.id, reason.strip(), self.vault.officer.name, self.clock.today()
            )
            w.audit(
                "case.release_hold", "legal_hold", hold.id, {"case_id": case_id, "reason": reason}
            )
        return lifted

    def require_no_hold(self, case_ids: list[int]) -> None:
        """Raise `CaseOnHold` naming the first hold in force on any of ``case_ids``."""
        for case_id in case_ids:
            hold = self.repo.active(case_id)
            if hold is not None:
                raise CaseOnHold(self.vault.cases.get(case_id).reference, hold)
