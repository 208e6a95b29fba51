"""Who a piece of text could identify: the people a redacted export must never name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonIdentity:
    """What identifies one person: from an employee, an officer, or a name on a record."""

    name: str
    email: str = ""
    employee_number: str = ""
    kind: str = "person"  # employee, officer, or person (someone named on a record)
