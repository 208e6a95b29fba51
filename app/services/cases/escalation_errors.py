"""What the escalation services raise when the policy does not allow what was asked."""

from __future__ import annotations

from app.domain.escalation.workflow import MoveCheck
from app.vault.errors import IntegrityError


class EscalationRefused(IntegrityError):
    """The policy does not allow what was asked; ``str()`` says why, for the user."""


class MoveRefused(EscalationRefused):
    """A stage move (or closing) refused, with every missing item in ``check.missing``."""

    def __init__(self, check: MoveCheck, requested: list[str] | None = None) -> None:
        self.check = check
        self.requested = requested or []
        text = str(check)
        if self.requested:
            text += (
                "\nSign-off was requested from: "
                + ", ".join(self.requested)
                + ". Record it with 'approve', then move the case again."
            )
        super().__init__(text)
