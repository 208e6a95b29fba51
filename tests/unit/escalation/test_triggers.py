"""Triggers: recorded indicators against the policy's thresholds give a recommendation."""

from __future__ import annotations

from datetime import date

from app.domain.escalation.policy import load_policy
from app.domain.escalation.triggers import count_words, recommend, spoken_date
from app.domain.records import Case, Indicator, IndicatorCategory, Track
from app.resource_paths import resource_path
from tests.factories import indicator, open_case

POLICY = load_policy(resource_path("policy", "default.toml").read_text("utf-8"), "default.toml")
TODAY = date(2026, 3, 16)
Q, C, MT, SAFE, COMP = (
    IndicatorCategory.QUALITY_GAP,
    IndicatorCategory.CUSTOMER_IMPACT,
    IndicatorCategory.MISSED_TARGET,
    IndicatorCategory.SAFETY,
    IndicatorCategory.COMPLIANCE,
)


def case(stage="early_conversation", track=Track.STANDARD) -> Case:
    return Case(
        reference="C-2026-0001",
        employee_id=1,
        owner_id=1,
        track=track,
        stage=stage,
        opened_on=date(2026, 1, 5),
        id=1,
    )


def ind(category, day: str) -> Indicator:
    return Indicator(
        case_id=1,
        category=category,
        metric="m",
        observed_on=date.fromisoformat(day),
        expected=1.0,
        actual=0.0,
        source="report",
    )


def test_no_threshold_no_recommendation():
    rec = recommend(POLICY, case(), [ind(Q, "2026-03-03"), ind(MT, "2026-03-04")], TODAY)
    assert rec.next_stage is None
    assert rec.reasons == []
    assert str(rec) == "No indicator threshold is reached; no step is recommended."


def test_quality_and_customer_impact_recommend_the_next_stage_in_plain_words():
    found = [ind(Q, "2026-03-03"), ind(C, "2026-03-09"), ind(Q, "2026-03-12")]
    rec = recommend(POLICY, case(), found, TODAY)
    assert rec.next_stage == "coaching"
    assert rec.reasons == [
        "2 quality gaps and 1 customer-impact indicator since 3 March "
        "(Quality and customer impact: 3 or more within 60 days)"
    ]
    assert not rec.suggest_high_stakes
    assert str(rec).startswith("Recommended next step: coaching.")


def test_indicators_outside_the_window_do_not_count():
    found = [ind(MT, "2025-12-01"), ind(MT, "2026-02-20"), ind(MT, "2026-03-10")]
    assert recommend(POLICY, case(), found, TODAY).next_stage is None
    found.append(ind(MT, "2026-03-16"))
    rec = recommend(POLICY, case("coaching"), found, TODAY)
    assert rec.next_stage == "formal_concern"
    assert rec.reasons[0].startswith("3 missed targets since 20 February")


def test_future_indicators_are_ignored():
    found = [ind(SAFE, "2026-03-20")]
    assert recommend(POLICY, case(), found, TODAY).next_stage is None


def test_safety_recommends_formal_concern_and_the_high_stakes_track():
    rec = recommend(POLICY, case("coaching"), [ind(SAFE, "2026-03-02")], TODAY)
    assert rec.next_stage == "formal_concern"
    assert rec.suggest_high_stakes
    assert rec.reasons == [
        "1 safety concern since 2 March (Safety concern: 1 or more within 365 days)"
    ]
    assert "high-stakes track" in str(rec)
    on_track = recommend(
        POLICY, case("coaching", Track.HIGH_STAKES), [ind(SAFE, "2026-03-02")], TODAY
    )
    assert not on_track.suggest_high_stakes


def test_the_furthest_recommended_stage_wins_and_all_reasons_are_given():
    found = [
        ind(MT, "2026-03-01"),
        ind(MT, "2026-03-02"),
        ind(MT, "2026-03-03"),
        ind(COMP, "2026-02-10"),
    ]
    rec = recommend(POLICY, case(), found, TODAY)
    assert rec.next_stage == "formal_concern"
    assert len(rec.reasons) == 2
    assert rec.fired == ["Repeated missed targets", "Compliance risk"]


def test_no_step_back_is_recommended():
    rec = recommend(POLICY, case("formal_review"), [ind(SAFE, "2026-03-02")], TODAY)
    assert rec.next_stage is None
    assert rec.reasons
    assert "already at Formal review" in rec.note


def test_words():
    assert spoken_date(date(2026, 3, 3), TODAY) == "3 March"
    assert spoken_date(date(2025, 12, 30), TODAY) == "30 December 2025"
    assert count_words({Q: 1, C: 2, MT: 3}) == (
        "3 missed targets, 1 quality gap and 2 customer-impact indicators"
    )


def test_recommending_never_moves_the_case(services, clock):
    c = open_case(services)
    for day in (2, 9, 12):
        services.cases.add(indicator(c, date(2026, 3, day), category=Q))
    events = len(services.vault.audit_events())
    rec = services.escalation.recommend(c.id)
    assert rec.next_stage == "coaching"
    assert services.cases.get(c.id).stage == "early_conversation"
    assert len(services.vault.audit_events()) == events
