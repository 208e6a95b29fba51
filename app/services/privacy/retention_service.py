"""Which closed cases the retention policy makes due for deletion today, and why.

The rules are the current policy's ``[retention]`` section (the organisation's decision now,
not the one in force when a case was opened). Held cases are never due: they are listed apart
so the officer sees what is kept and why.
"""

from __future__ import annotations

from datetime import date

from app.domain.clock import Clock
from app.domain.records import Outcome
from app.domain.retention import ClosedCase, RetentionDue, RetentionRules, due_cases
from app.vault.repositories.hold_repository import HoldRepository
from app.vault.vault import Vault


class RetentionService:
    def __init__(self, vault: Vault, clock: Clock, escalation: object) -> None:
        self.vault = vault
        self.clock = clock
        self.escalation = escalation  # EscalationService: the current policy

    def rules(self) -> RetentionRules:
        return self.escalation.current_policy().retention  # type: ignore[attr-defined]

    def closed(self) -> list[ClosedCase]:
        held = HoldRepository(self.vault.conn).held_case_ids()
        out = []
        for row in self.vault.cases.closed_for_retention():
            case_id, reference, employee_id, closed_on, outcome = row
            out.append(
                ClosedCase(
                    case_id,
                    reference,
                    employee_id,
                    date.fromisoformat(closed_on),
                    Outcome(outcome) if outcome else None,
                    case_id in held,
                )
            )
        return out

    def due(self, today: date | None = None) -> tuple[list[RetentionDue], list[RetentionDue]]:
        """(due, held) as of ``today`` (the clock's today by default)."""
        return due_cases(self.rules(), self.closed(), today or self.clock.today())

    def due_for(self, case_id: int) -> RetentionDue | None:
        """The rule that makes this case due now, if one does (the erasure names it)."""
        due, _held = self.due()
        return next((d for d in due if d.case.case_id == case_id), None)
