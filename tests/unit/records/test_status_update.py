"""The status text for a manager or sponsor: stage, next step, open actions — never notes."""

from __future__ import annotations

from datetime import timedelta

from app.services.cases.status_update import status_update
from tests.factories import conversation, open_case


def test_status_update_shows_stage_step_and_actions_but_no_notes(services, clock):
    case = open_case(services)
    services.cases.add(
        conversation(
            case,
            clock.today() - timedelta(days=3),
            summary="Private summary about health",
            agreed_actions=("Weekly check-in on ticket volume",),
        )
    )
    text = status_update(services, case.id)
    assert text.startswith(f"Status update — case {case.reference}")
    assert "Stage: " in text and "Next step: " in text
    assert "  • Weekly check-in on ticket volume" in text
    assert "Private summary" not in text and "Zoë" not in text


def test_status_update_without_conversations_says_so(services):
    case = open_case(services)
    assert "Open actions: none recorded" in status_update(services, case.id)
