"""'Needs attention today': overdue steps, reviews in the coming week, approvals waiting."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

from app.services.cases.attention import needs_attention
from tests.factories import open_case


class _Reviews:
    def __init__(self, upcoming):
        self._upcoming = upcoming
        self.asked_until = None

    def upcoming(self, until):
        self.asked_until = until
        return [u for u in self._upcoming if u.review.on <= until]


def _upcoming(case, when: datetime):
    review = SimpleNamespace(case_id=case.id, starts_at=when, on=when.date())
    return SimpleNamespace(review=review, reference=case.reference)


def test_overdue_and_reviews_within_seven_days(services, clock):
    late = open_case(services, name="Zoë Ångström", number="E1")
    fine = open_case(services, name="Иван Петров", number="E2")
    services.vault.cases.set_schedule(late.id, clock.today() - timedelta(days=2))
    services.vault.cases.set_schedule(fine.id, clock.today() + timedelta(days=20))
    today = clock.today()
    reviews = _Reviews(
        [
            _upcoming(fine, datetime(today.year, today.month, today.day, 10) + timedelta(days=6)),
            _upcoming(late, datetime(today.year, today.month, today.day, 10) + timedelta(days=9)),
        ]
    )
    view = SimpleNamespace(cases=services.cases, escalation=services.escalation, reviews=reviews)

    overdue, week, approvals = needs_attention(view, today)

    assert overdue.title == "Overdue steps" and overdue.total == 1
    assert [i.case_id for i in overdue.items] == [late.id]
    assert "Zoë Ångström" in overdue.items[0].text and late.reference in overdue.items[0].text
    assert week.total == 1 and [i.case_id for i in week.items] == [fine.id]
    assert "Иван Петров" in week.items[0].text
    assert approvals.title == "Approvals waiting" and approvals.total == 0


def test_a_vault_without_reviews_says_so(services, clock):
    view = SimpleNamespace(cases=services.cases, escalation=services.escalation)
    _, week, _ = needs_attention(view, clock.today())
    assert week.items == [] and "not available" in week.note


def test_real_services_work_end_to_end(services, clock):
    open_case(services)
    lists = needs_attention(services, clock.today())
    assert [x.title for x in lists] == ["Overdue steps", "Reviews this week", "Approvals waiting"]
