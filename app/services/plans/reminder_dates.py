"""The dates an officer may want reminding of: check-ins, stage deadlines, micro-goals due.

Collected for the .ics export (`ReviewService.export_ics(reminders=True)`); only dates from
today on (a reminder in the past never fires), only open cases.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from app.documents.calendar.calendar_reminders import Reminder
from app.domain.escalation.flags import DeadlineKind
from app.domain.records import CaseStatus

HORIZON_DAYS = 366  # micro-goals due within a year


def collect_reminders(
    vault: Any, escalation: Any, plans: Any, today: date, case_id: int | None = None
) -> list[Reminder]:
    cases = [vault.cases.get(case_id)] if case_id is not None else vault.cases.all(CaseStatus.OPEN)
    out: list[Reminder] = []
    if escalation is not None:
        for case in cases:
            if case.status is not CaseStatus.OPEN:
                continue
            for d in escalation.deadlines(case.id):
                if d.due_on < today:
                    continue
                kind = "check_in" if d.kind is DeadlineKind.CHECK_IN else "stage_deadline"
                out.append(Reminder(kind, d.due_on, case.reference, str(case.id)))
    for g in plans.due_micro_goals(today + timedelta(days=HORIZON_DAYS), case_id):
        if g.due_on >= today:
            out.append(Reminder("micro_goal", g.due_on, g.reference, g.goal_uid))
    return sorted(out, key=lambda r: (r.on, r.kind, r.reference))
