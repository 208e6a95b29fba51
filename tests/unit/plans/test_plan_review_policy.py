"""Plans and reviews feed the escalation policy: recording them unlocks the next stage move."""

from __future__ import annotations

from datetime import date

from app.domain.plans.reviews import Assessment, ObjectiveAssessment, ReviewDecision, ReviewOutcome
from app.domain.records import Role, Track
from tests.factories import open_case
from tests.plan_factories import participants, plan, review

PLAN_WORDS = "a coaching plan with at least one objective and a date"
REVIEW_WORDS = "a held review with an outcome"


def _hold(services, case, p, attended=None):
    r = services.reviews.schedule(review(case, on=services.clock.today()))
    return services.reviews.record_outcome(
        ReviewOutcome(
            review_id=r.id,
            case_id=case.id,
            held_on=r.on,
            attended=attended or participants(),
            assessments=tuple(ObjectiveAssessment(o.uid, Assessment.MET) for o in p.objectives),
            decision=ReviewDecision.CLOSE_AS_IMPROVED,
            summary="All objectives met.",
        )
    )


def _mentions(items, words):
    return any(words in item for item in items)


def test_coaching_plan_satisfies_the_improvement_plan_requirement(services):
    case = open_case(services, stage="improvement_plan")
    before = services.escalation.check_move(case.id, "formal_review", Role.MANAGER)
    assert _mentions(before.missing, PLAN_WORDS)
    assert services.escalation.facts(case.id)["coaching_plan"] is False
    services.plans.create(plan(case))
    after = services.escalation.check_move(case.id, "formal_review", Role.MANAGER)
    assert not _mentions(after.missing, PLAN_WORDS)
    assert _mentions(after.satisfied, PLAN_WORDS)


def test_held_review_with_outcome_unlocks_the_move_to_outcome(services):
    case = open_case(services, stage="formal_review")
    p = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    check = services.escalation.check_move(case.id, "outcome", Role.HR_OFFICER)
    assert not check.allowed and _mentions(check.missing, REVIEW_WORDS)
    # a scheduled review is not enough: it must be held and its outcome recorded
    services.reviews.schedule(review(case, on=date(2026, 3, 20)))
    assert _mentions(
        services.escalation.check_move(case.id, "outcome", Role.HR_OFFICER).missing, REVIEW_WORDS
    )
    _hold(services, case, p)
    check = services.escalation.check_move(case.id, "outcome", Role.HR_OFFICER)
    assert _mentions(check.satisfied, REVIEW_WORDS)
    assert not _mentions(check.missing, REVIEW_WORDS)
    # what remains are the sign-offs by other people; with them the move goes through
    services.escalation.approve(case.id, "outcome", "Ola Nordmann", Role.MANAGER, "")
    services.escalation.approve(case.id, "outcome", "Priya Raman", Role.HR_LEAD, "")
    change = services.escalation.advance(
        case.id, "outcome", "Hana Officer", Role.HR_OFFICER, "Review held: all objectives met"
    )
    assert change.to_stage == "outcome"
    assert services.cases.get(case.id).stage == "outcome"


def test_high_stakes_review_counts_only_with_a_neutral_observer_present(services):
    case = open_case(services, stage="formal_review", track=Track.HIGH_STAKES)
    p = services.plans.create(plan(case, agreed_on=date(2026, 3, 13), employee_agreed=True))
    _hold(services, case, p, attended=participants(observer=None))
    check = services.escalation.check_move(case.id, "outcome", Role.HR_OFFICER)
    assert _mentions(check.missing, REVIEW_WORDS)
    facts = services.escalation.facts(case.id)
    assert facts["formal_meetings_without_observer"] >= 1
    assert facts["review_held"] is False


def test_reviews_before_the_stage_was_entered_do_not_count(services, clock):
    case = open_case(services, stage="formal_review")
    p = services.plans.create(plan(case))
    _hold(services, case, p)
    assert services.reviews.facts(case.id, since=date(2026, 3, 17))["review_held"] is False
    assert services.reviews.facts(case.id, since=date(2026, 3, 16))["review_held"] is True


def test_policy_calendar_and_observer_rule_reach_the_review_service(services):
    case = open_case(services, stage="formal_concern", track=Track.HIGH_STAKES)
    assert services.reviews.observer_required(case.id)
    standard = open_case(services, name="Emre Yılmaz", number="E4004", stage="improvement_plan")
    assert not services.reviews.observer_required(standard.id)
    days = services.reviews.cadence_dates(standard.id, date(2026, 3, 30), date(2026, 4, 30))
    assert date(2026, 4, 3) not in days and date(2026, 4, 6) not in days  # Easter, England


def test_review_series_skips_an_approved_pause(services):
    from app.domain.escalation.escalation_records import ExceptionKind

    case = open_case(services, stage="improvement_plan")
    services.escalation.request_exception(
        case.id,
        ExceptionKind.PAUSE,
        "Leave of absence",
        "Hana Officer",
        approver="Priya Raman",
        approver_role=Role.HR_LEAD,
        starts_on=date(2026, 4, 13),
        ends_on=date(2026, 4, 24),
    )
    series = services.reviews.schedule_series(review(case, on=date(2026, 3, 30)), date(2026, 5, 29))
    days = [r.on for r in series]
    assert not [d for d in days if date(2026, 4, 13) <= d <= date(2026, 4, 24)]
    # 10 working days after 30 March, skipping Easter and the two paused weeks
    assert days[:2] == [date(2026, 3, 30), date(2026, 4, 29)]
