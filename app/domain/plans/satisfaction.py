"""Satisfaction at case close: the employee's and the manager's score, 1 (low) to 5 (high).

Both are optional — asked, never required. Only the distribution is ever reported (the
pilot comparison), with small groups protected like every other count.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.validation import ValidationReport

LOWEST, HIGHEST = 1, 5


@dataclass(frozen=True)
class Satisfaction:
    employee: int | None = None
    manager: int | None = None

    @property
    def given(self) -> bool:
        return self.employee is not None or self.manager is not None

    def validate(self) -> ValidationReport:
        report = ValidationReport()
        for name, value in (("employee", self.employee), ("manager", self.manager)):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int):
                report.error(name, f"The {name}'s satisfaction must be a whole number 1–5.")
            elif not LOWEST <= value <= HIGHEST:
                report.error(
                    name, f"The {name}'s satisfaction must be 1 (low) to 5 (high), not {value}."
                )
        return report


def parse_score(text: str) -> int:
    """'4' → 4; anything but a whole number 1–5 raises ValueError with a readable message."""
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(
            f"{text!r} is not a score; give a whole number 1 (low) to 5 (high)"
        ) from None
    if not LOWEST <= value <= HIGHEST:
        raise ValueError(f"{value} is out of range; give 1 (low) to 5 (high)")
    return value
