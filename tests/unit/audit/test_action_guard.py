"""The policy's rights are enforced in one place for every write, with a refusal naming the role."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.attachments import AttachmentOwner
from app.domain.escalation.policy import PolicyError, load_policy
from app.domain.records import ConversationKind, Decision, Role
from app.resource_paths import resource_path
from app.services.action_guard import ActionRefused
from app.services.people.officer_service import OfficerService
from app.services.services import open_vault
from tests.conftest import PASSPHRASE
from tests.factories import conversation, indicator, observation, open_case

DEFAULT = resource_path("policy", "default.toml").read_text("utf-8")
LEAD_DECIDES = DEFAULT + '\n[rights]\ndecision = ["hr_lead"]\n'
LEAD_HIRES = LEAD_DECIDES + 'employee = ["hr_lead"]\n'


def _decision(case, on):
    return Decision(
        case_id=case.id, decided_on=on, decided_by="Ola Nordmann", role=Role.MANAGER,
        summary="Agree a written plan.",
    )  # fmt: skip


def _with_policy(services, tmp_path, text):
    path = tmp_path / "policy.toml"
    path.write_text(text, "utf-8")
    services.escalation.import_policy(path)


def test_a_role_the_policy_does_not_grant_is_refused_with_the_role_needed(services, tmp_path):
    _with_policy(services, tmp_path, LEAD_DECIDES)
    case = open_case(services)
    before = len(services.vault.audit_events())
    with pytest.raises(ActionRefused, match="need the HR lead role; Hana Officer is HR officer"):
        services.cases.add(_decision(case, services.clock.today()))
    assert services.cases.decisions(case.id) == []
    assert len(services.vault.audit_events()) == before  # nothing written, not even an event
    # Writes the policy leaves open still work for the HR officer.
    services.cases.add(observation(case, services.clock.today()))
    assert len(services.cases.observations(case.id)) == 1


def test_the_role_the_policy_names_may_do_it(services, tmp_path, vault_path, clock):
    _with_policy(services, tmp_path, LEAD_HIRES)
    OfficerService(services.vault, clock).add("Lee Lead", role=Role.HR_LEAD)
    with pytest.raises(ActionRefused, match="add or change an employee"):
        open_case(services)
    services.close()
    lead = open_vault(vault_path, PASSPHRASE, clock, officer_name="Lee Lead")
    try:
        case = open_case(lead)
        stored = lead.cases.add(_decision(case, clock.today()))
        assert lead.vault.audit_events()[-1].officer == "Lee Lead"
        assert lead.cases.decisions(case.id) == [stored]
    finally:
        lead.close()


def test_rights_name_only_officer_roles_and_known_actions():
    with pytest.raises(PolicyError, match=r"rights\.decision: only officers act"):
        load_policy(DEFAULT + '\n[rights]\ndecision = ["manager"]\n')
    with pytest.raises(PolicyError, match=r"rights\.dance: unknown key"):
        load_policy(DEFAULT + '\n[rights]\ndance = ["hr_lead"]\n')
    assert load_policy(DEFAULT).roles_for("decision") == (Role.HR_OFFICER, Role.HR_LEAD)


def test_stage_actions_are_enforced_by_default(services, tmp_path):
    first = '"indicator", "observation", "decision", "exception",'
    assert first in DEFAULT
    no_observations = DEFAULT.replace(first, '"indicator", "decision", "exception",', 1)
    _with_policy(services, tmp_path, no_observations)
    case = open_case(services)  # early conversation: observations not listed
    today = services.clock.today()
    services.cases.add(indicator(case, today))  # listed: stored
    with pytest.raises(ActionRefused, match="record an observation while a case is in Early") as e:
        services.cases.add(observation(case, today))
    assert "may be done in Coaching, Formal concern" in str(e.value)
    assert services.cases.observations(case.id) == []


def test_the_default_policy_refuses_a_check_in_at_the_outcome_naming_the_stages(services):
    assert load_policy(DEFAULT).enforce_stage_actions
    case = open_case(services, stage="outcome")
    today = services.clock.today()
    with pytest.raises(ActionRefused) as e:
        services.cases.add(conversation(case, today, kind=ConversationKind.CHECK_IN))
    assert str(e.value) == (
        "The policy does not let you record a check-in while a case is in Outcome; it may be "
        "done in Early conversation, Coaching, Formal concern, Improvement plan. Nothing was saved."
    )
    assert services.cases.conversations(case.id) == []
    services.cases.add(_decision(case, today))  # the outcome stage lists decisions
    assert len(services.cases.decisions(case.id)) == 1


def test_a_policy_may_keep_the_stage_actions_as_guidance_only(services, tmp_path):
    _with_policy(services, tmp_path, DEFAULT + "\n[rights]\nenforce_stage_actions = false\n")
    case = open_case(services, stage="outcome")
    services.cases.add(conversation(case, services.clock.today(), kind=ConversationKind.CHECK_IN))
    assert len(services.cases.conversations(case.id)) == 1


def test_backfill_judges_its_records_by_their_stage_once_written(services):
    """The demo builder's history waits for its stage changes, but is still judged: a record
    no stage of its date allows fails the whole batch."""
    case = open_case(services, stage="outcome")
    today = services.clock.today()
    refused = pytest.raises(ActionRefused, match="check-in while a case is in Outcome")
    with refused, services.vault.batch(), services.guard.backfill():
        services.cases.add(_decision(case, today))  # allowed, yet rolled back with the batch
        services.cases.add(conversation(case, today, kind=ConversationKind.CHECK_IN))
    assert services.cases.conversations(case.id) == []
    assert services.cases.decisions(case.id) == []


def test_a_back_dated_record_belongs_to_the_stage_of_its_date(services):
    case = open_case(services, opened_on=services.clock.today() - timedelta(days=30))
    assert services.guard.stage_on(case, services.clock.today()) == "early_conversation"
    assert services.guard.stage_on(case, case.opened_on - timedelta(days=3)) == (
        "early_conversation"
    )


def test_every_service_write_path_calls_the_guard(services, monkeypatch):
    """One place: each write kind reaches ActionGuard.require with its action."""
    seen: list[str] = []
    real = services.guard.require

    def spy(action, *args, **kw):
        seen.append(action)
        return real(action, *args, **kw)

    monkeypatch.setattr(services.guard, "require", spy)
    case = open_case(services)
    today = services.clock.today()
    services.cases.add(indicator(case, today))
    services.cases.add(observation(case, today))
    services.cases.add(_decision(case, today))
    stored = services.cases.add(observation(case, today, text="Second view."))
    services.attachments.add_bytes(AttachmentOwner.OBSERVATION, stored.id, "note.txt", b"hi")
    assert {"employee", "open_case", "indicator", "observation", "decision", "attachment"} <= set(
        seen
    )


def test_an_import_needs_the_rights_of_what_it_writes(services, tmp_path, clock):
    from app.domain.records import Officer
    from app.services.interchange.interchange import export_to_file, import_file
    from app.services.services import create_vault

    case = open_case(services)
    services.cases.add(_decision(case, services.clock.today()))
    doc = tmp_path / "cases.json"
    export_to_file(services, doc)
    other = create_vault(
        tmp_path / "other.casepath", PASSPHRASE, Officer(name="Kim Officer"), clock
    )
    try:
        _with_policy(other, tmp_path, LEAD_DECIDES)
        with pytest.raises(ActionRefused, match="record a decision you need the HR lead role"):
            import_file(other, doc)
        assert other.cases.all() == [] and other.employees.all() == []  # nothing written
    finally:
        other.close()
