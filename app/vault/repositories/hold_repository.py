"""Legal holds on cases (table ``legal_holds``, migration 0010).

A hold in force is the row whose ``released_on`` is NULL (at most one per case, by a unique
index); lifting it fills the release columns and keeps the row, so the history stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.vault.connection import Connection
from app.vault.errors import IntegrityError

_COLS = "id, case_id, reason, placed_by, placed_on, released_by, released_on, release_reason"


@dataclass(frozen=True)
class LegalHold:
    id: int
    case_id: int
    reason: str
    placed_by: str
    placed_on: date
    released_by: str | None = None
    released_on: date | None = None
    release_reason: str = ""

    @property
    def active(self) -> bool:
        return self.released_on is None

    def describe(self) -> str:
        """'legal hold placed 2026-03-16 by Hana Officer: pending tribunal claim'."""
        return f"legal hold placed {self.placed_on.isoformat()} by {self.placed_by}: {self.reason}"


def _hold(row: tuple) -> LegalHold:
    return LegalHold(
        int(row[0]),
        int(row[1]),
        row[2],
        row[3],
        date.fromisoformat(row[4]),
        row[5],
        date.fromisoformat(row[6]) if row[6] else None,
        row[7] or "",
    )


class HoldRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def active(self, case_id: int) -> LegalHold | None:
        rows = self.conn.query(
            f"SELECT {_COLS} FROM legal_holds WHERE case_id = ? AND released_on IS NULL",  # noqa: S608
            (case_id,),
        )
        return _hold(rows[0]) if rows else None

    def for_case(self, case_id: int) -> list[LegalHold]:
        rows = self.conn.query(
            f"SELECT {_COLS} FROM legal_holds WHERE case_id = ? ORDER BY id",  # noqa: S608
            (case_id,),
        )
        return [_hold(r) for r in rows]

    def held_case_ids(self) -> set[int]:
        rows = self.conn.query("SELECT case_id FROM legal_holds WHERE released_on IS NULL")
        return {int(r[0]) for r in rows}

    def place(self, case_id: int, reason: str, officer: str, on: date) -> LegalHold:
        cur = self.conn.execute(
            "INSERT INTO legal_holds(case_id, reason, placed_by, placed_on) VALUES (?, ?, ?, ?)",
            (case_id, reason, officer, on.isoformat()),
        )
        return self.get(int(cur.lastrowid))

    def release(self, hold_id: int, reason: str, officer: str, on: date) -> LegalHold:
        self.conn.execute(
            "UPDATE legal_holds SET released_by = ?, released_on = ?, release_reason = ?"
            " WHERE id = ?",
            (officer, on.isoformat(), reason, hold_id),
        )
        return self.get(hold_id)

    def get(self, hold_id: int) -> LegalHold:
        rows = self.conn.query(
            f"SELECT {_COLS} FROM legal_holds WHERE id = ?",  # noqa: S608
            (hold_id,),
        )
        return _hold(rows[0])


class CaseOnHold(IntegrityError):
    """A deletion or erasure refused because the case is under legal hold."""

    def __init__(self, reference: str, hold: LegalHold) -> None:
        super().__init__(
            f"Case {reference} is under {hold.describe()}. Nothing was deleted; lift the hold "
            "first (casepath release-hold, or Lift legal hold in the case view)."
        )
        self.hold = hold
