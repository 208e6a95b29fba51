"""'Needs attention today': the short lists the main window shows beside the case list.

Overdue steps and approvals waiting come from the same SQL filters as the case list's flag
filter (``EscalationService.flag_filter``); reviews this week from the review service when the
vault has one. Each list is capped, with its full count, so the panel stays cheap at 100k cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from app.domain.escalation.flags import Flag
from app.domain.words.phrases import Moment, Phrase, ShortDay
from app.domain.words.translation import N_
from app.services.cases.case_list import CaseQuery, CaseRow

LIMIT = 25
# An overdue step's line: which case, whose, and the day it was due ("3 Dec", "3. Dez.").
_WAS_DUE = N_("{reference} · {employee} · was due {day}")


@dataclass(frozen=True)
class AttentionItem:
    case_id: int
    reference: str
    text: str  # one line: who, and what is due when
    due_on: date | None = None


@dataclass(frozen=True)
class AttentionList:
    title: str
    items: list[AttentionItem] = field(default_factory=list)
    total: int = 0
    note: str = ""  # shown when the list cannot be computed (feature not in this vault)


def _flagged(services: Any, flag: Flag, today: date, title: str, verb: str) -> AttentionList:
    escalation = getattr(services, "escalation", None)
    if escalation is None:
        return AttentionList(title, note=N_("Deadlines are not available in this vault."))
    query = replace(CaseQuery(sort="next_due_on"), **escalation.flag_filter(flag, today))
    total = services.cases.count(query)
    rows: list[CaseRow] = services.cases.rows(query, 0, LIMIT)
    items = [AttentionItem(r.id, r.reference, _row_text(r, verb), r.next_due_on) for r in rows]
    return AttentionList(title, items, total)


def _row_text(row: CaseRow, verb: str) -> str:
    """One line, as a `Phrase` so the window says it in the officer's language."""
    if row.next_due_on and verb:
        return Phrase(
            verb, reference=row.reference, employee=row.employee, day=ShortDay.of(row.next_due_on)
        )
    return f"{row.reference} · {row.employee}"


def _week_end(today: date) -> date:
    """The coming seven days: on a Friday 'this week' must still show Monday's review."""
    return today + timedelta(days=6)


def _reviews(services: Any, today: date) -> AttentionList:
    title = N_("Reviews this week")
    reviews = getattr(services, "reviews", None)
    if reviews is None:
        return AttentionList(title, note=N_("Review scheduling is not available in this vault."))
    upcoming = [u for u in reviews.upcoming(_week_end(today)) if u.review.on >= today]
    names = {}
    items = []
    for u in upcoming[:LIMIT]:
        case_id = u.review.case_id
        if case_id not in names:
            case = services.cases.get(case_id)
            names[case_id] = services.cases.employee_of(case).name
        text = Phrase(
            N_("{reference} · {employee} · {when}"),
            reference=u.reference,
            employee=names[case_id],
            when=Moment(u.review.starts_at),
        )
        items.append(AttentionItem(case_id, u.reference, text, u.review.on))
    return AttentionList(title, items, len(upcoming))


def needs_attention(services: Any, today: date) -> list[AttentionList]:
    """Overdue steps, reviews this week, approvals waiting — in that order."""
    return [
        _flagged(services, Flag.OVERDUE, today, N_("Overdue steps"), _WAS_DUE),
        _reviews(services, today),
        _flagged(services, Flag.AWAITING_APPROVAL, today, N_("Approvals waiting"), ""),
    ]
