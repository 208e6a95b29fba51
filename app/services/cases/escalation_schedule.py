"""Deadlines and flags of cases, and the stored next deadline the case list sorts on.

The case list's deadline column is ``cases.next_due_on``, stored by `refresh_schedule` after
every change that can move it (stage moves, exceptions, and — through `CaseService` hooks —
opening a case and recording a conversation), so the list can filter and sort in SQL.
"""

from __future__ import annotations

from datetime import date

from app.domain.business_days import DateRange
from app.domain.escalation.escalation_records import CaseException, ExceptionKind
from app.domain.escalation.flags import (
    Deadline,
    Flag,
    Schedule,
    case_flags,
    days_left,
    deadlines_for,
    due_soon_bound,
    next_deadline,
    stalled_since,
)
from app.domain.records import Case, CaseStatus, Conversation
from app.services.cases.escalation_policies import EscalationCore
from app.vault.repositories.case_repository import CaseRow


class Schedules(EscalationCore):
    """Deadlines, flags and stored schedules (a part of `EscalationService`)."""

    def deadlines(self, case_id: int) -> list[Deadline]:
        """Every dated obligation of the case in its current stage, earliest first."""
        case = self.vault.cases.get(case_id)
        return self._deadlines(case)

    def _deadlines(self, case: Case) -> list[Deadline]:
        entered = case.stage_entered_on or case.opened_on
        talks = [
            c.held_on
            for c in self.vault.records.for_case(Conversation, case.id)
            if c.held_on >= entered
        ]
        return self._deadlines_from(
            case, self.repo.exceptions(case.id), max(talks) if talks else None
        )

    def _deadlines_from(
        self, case: Case, exceptions: list[CaseException], last_contact_on: date | None
    ) -> list[Deadline]:
        entered = case.stage_entered_on or case.opened_on
        extra = sum(
            e.extra_business_days
            for e in exceptions
            if e.approved
            and e.kind is ExceptionKind.EXTEND
            and e.stage == case.stage
            and e.requested_on >= entered
        )
        pauses = [
            DateRange(e.starts_on, e.ends_on)
            for e in exceptions
            if e.approved and e.kind is ExceptionKind.PAUSE and e.starts_on and e.ends_on
        ]
        return deadlines_for(
            self.policy_for(case),
            case,
            pauses=pauses,
            extra_business_days=extra,
            last_contact_on=last_contact_on,
        )

    def deadline(self, case_id: int, on: date | None = None) -> Schedule:
        """(next deadline, business days left, flags) of the case on ``on`` (default today)."""
        on = on or self.clock.today()
        case = self.vault.cases.get(case_id)
        due = next_deadline(self._deadlines(case))
        settings = self.current_policy().flag_settings
        _, last_activity = self.vault.cases.schedule_info(case_id)
        due_on = due.due_on if due else None
        flags = case_flags(
            on,
            next_due_on=due_on,
            last_activity_on=last_activity,
            awaiting_approval=self.repo.awaiting_approval(case_id),
            paused=self.repo.paused_on(case_id, on),
            closed=case.status is CaseStatus.CLOSED,
            settings=settings,
        )
        # Days left count on the case's own calendar, without its paused days; the flags use
        # the vault-wide settings so the case list can filter on them in one SQL query.
        left = days_left(due_on, on, self.policy_for(case).calendar, self.pauses(case_id))
        return Schedule(due_on, left, flags)

    def _store_schedule(self, case_id: int) -> date | None:
        """Store the next deadline (call inside a transaction)."""
        case = self.vault.cases.get(case_id)
        due = next_deadline(self._deadlines(case))
        due_on = due.due_on if due else None
        self.vault.cases.set_schedule(case_id, due_on)
        return due_on

    def refresh_schedule(self, case_id: int) -> date | None:
        """Recompute and store the case's next deadline for the case list.

        The stored date is derived data (recomputable from the records at any time), so it is
        written without an audit event of its own.
        """
        self._changed()  # whatever moved the deadline may also have changed the flag sets
        if self.vault.conn.raw.in_transaction:
            return self._store_schedule(case_id)
        with self.vault.conn.transaction():
            return self._store_schedule(case_id)

    def refresh_all_schedules(self) -> int:
        """Recompute every open case's stored deadline with three queries and one batch update
        (after an import, a demo build, or a change of holiday data)."""
        cases, contacts, exceptions = self.repo.schedule_inputs()
        schedule = []
        for case in cases:
            due = next_deadline(
                self._deadlines_from(case, exceptions.get(case.id, []), contacts.get(case.id))
            )
            schedule.append((case.id, due.due_on if due else None))
        with self.vault.conn.transaction():
            self.repo.set_schedules(schedule)
        return len(schedule)

    def _flag_sets(self, day: date) -> tuple[frozenset[int], frozenset[int]]:
        """Ids of cases awaiting approval and of cases paused on ``day``: two queries per day,
        kept until this service writes an approval or exception (only it writes those)."""
        if day not in self._flag_cache:
            if len(self._flag_cache) > 31:  # the list asks about today; keep a month at most
                self._flag_cache.clear()
            self._flag_cache[day] = (self.repo.awaiting_approval_ids(), self.repo.paused_ids(day))
        return self._flag_cache[day]

    def row_flags(self, row: CaseRow, today: date) -> frozenset[Flag]:
        """Flags of one case-list row: set look-ups and date arithmetic, no query per row."""
        if row.status is CaseStatus.CLOSED:
            return frozenset()
        awaiting, paused = self._flag_sets(today)
        return case_flags(
            today,
            next_due_on=row.next_due_on,
            last_activity_on=row.last_activity_on,
            awaiting_approval=row.id in awaiting,
            paused=row.id in paused,
            settings=self.current_policy().flag_settings,
        )

    def flag_filter(self, flag: Flag, today: date) -> dict:
        """`CaseQuery` field overrides that select open cases carrying ``flag`` in SQL,
        e.g. ``replace(query, **service.flag_filter(Flag.OVERDUE, today))``."""
        settings = self.current_policy().flag_settings
        base: dict = {"status": CaseStatus.OPEN}
        if flag is Flag.OVERDUE:
            return {**base, "due_before": today}
        if flag is Flag.DUE_SOON:
            return {**base, "due_from": today, "due_before": due_soon_bound(today, settings)}
        if flag is Flag.STALLED:
            return {
                **base,
                "inactive_since": stalled_since(today, settings),
                "excluded_ids_sql": self.repo.paused_sql(today),
            }
        if flag is Flag.AWAITING_APPROVAL:
            return {**base, "case_ids_sql": self.repo.awaiting_approval_sql()}
        raise ValueError(f"Unknown flag {flag!r}.")
