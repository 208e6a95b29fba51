"""What the head of a case view shows, gathered in one call: who, where, and what is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from app.domain.escalation.flags import Flag
from app.domain.records import Case, CaseStatus, Employee
from app.domain.words.formats import formats

if TYPE_CHECKING:
    from app.services.services import Services


@dataclass(frozen=True)
class CaseOverview:
    case: Case
    employee: Employee
    owner: str
    stage_name: str
    track_label: str
    next_due: date | None
    days_left: int | None
    deadline_what: str  # e.g. "Leave Coaching" or "Next check-in"
    flags: frozenset[Flag]
    handover: str = ""  # where the case came from or went to, in words ("" for neither)
    handed_over: bool = False  # the receiver acknowledged it: read-only here

    @property
    def closed(self) -> bool:
        return self.case.status is CaseStatus.CLOSED

    @property
    def deadline_text(self) -> str:
        return self.deadline_text_in(None)

    def deadline_text_in(self, locale: str | None) -> str:
        """'8 Dec 2026 (Leave Coaching) — due in 3 business days', in ``locale``."""
        f = formats(locale)
        if self.closed:
            outcome = f.tr(self.case.outcome.label) if self.case.outcome else f.tr("closed")
            when = f.date(self.case.closed_on) if self.case.closed_on else ""
            return f.tr("Closed {date} — {outcome}").format(date=when, outcome=outcome)
        if self.next_due is None:
            return f.tr("No deadline")
        text = f.date(self.next_due)
        if self.deadline_what:
            text += f" ({f.tr(self.deadline_what)})"
        if self.days_left is not None:
            if self.days_left < 0:
                n = -self.days_left
                text += " — " + f.count(n, "{n} business day overdue", "{n} business days overdue")
            elif self.days_left == 0:
                text += " — " + f.tr("due today")
            else:
                n = self.days_left
                text += " — " + f.count(n, "due in {n} business day", "due in {n} business days")
        return text


def case_overview(services: Services, case_id: int, today: date | None = None) -> CaseOverview:
    today = today or services.clock.today()
    case = services.cases.get(case_id)
    employee = services.cases.employee_of(case)
    owner = services.vault.officers.get(case.owner_id).name
    escalation = services.escalation
    policy = escalation.policy_for(case)
    stage_name = policy.stage_name(case.stage)
    track_label = (
        policy.tracks[case.track].label if case.track in policy.tracks else case.track.label
    )
    due, left, flags = escalation.deadline(case_id, today)
    what = ""
    if due is not None and case.status is CaseStatus.OPEN:
        for d in escalation.deadlines(case_id):
            if d.due_on == due:
                what = d.description
                break
    return CaseOverview(
        case,
        employee,
        owner,
        stage_name,
        track_label,
        due,
        left,
        what,
        frozenset(flags),
        handover_text(services, case_id),
        bool(getattr(services, "handover", None) and services.handover.handed_over_on(case_id)),
    )


def handover_text(services: Services, case_id: int) -> str:
    """'Received from Ann Sender on 16 Mar 2026 (… 12 audit events kept)', or read-only."""
    handover = getattr(services, "handover", None)
    f = formats(None)

    def day(stamp: str) -> str:
        return f.date(date.fromisoformat(stamp[:10]))

    parts = []
    for p in handover.provenance(case_id) if handover else ():
        if p.direction == "received":
            parts.append(
                f"Received from {p.peer_officer or 'another vault'} on {day(p.recorded_at)} "
                f"(exported {day(p.exported_at)}, "
                f"{f.count(p.event_count, '{n} audit event', '{n} audit events')} kept)"
            )
        elif p.acknowledged_at:
            parts.append(
                f"Handed over on {day(p.acknowledged_at)}: read-only here, the receiving "
                "office keeps it now"
            )
        else:
            parts.append(
                f"Bundle exported on {day(p.recorded_at)}; read-only once the receiver's "
                "acknowledgement is imported"
            )
    return " · ".join(parts)
