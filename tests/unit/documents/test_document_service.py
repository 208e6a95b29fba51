"""Packs through the services: assembled from the vault, stored in it, audited, verified."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.documents.pdf.documentation_pack import build_pack
from app.documents.pdf.pack_data import MeetingType, Participant
from app.documents.pdf.page_template import PageSetup, PageSize
from app.documents.redaction.redaction import RedactionOptions
from app.documents.redaction.redaction_verifier import RedactionRefused
from app.domain.escalation.escalation_records import ExceptionKind
from app.domain.plans.reviews import (
    Assessment,
    ObjectiveAssessment,
    ReviewDecision,
    ReviewOutcome,
)
from app.domain.records import Decision, Officer, Role
from app.services.documents.document_service import DocumentError, MeetingDetails, encrypt_pdf
from app.services.services import create_vault
from app.vault.audit.audit_log import digest_of
from tests.document_samples import pdf_pages, pdf_text
from tests.factories import conversation, employee, indicator, observation, open_case
from tests.plan_factories import participants, plan, review

TODAY = date(2026, 3, 16)


@pytest.fixture
def vault_services(tmp_path, clock):
    # An officer whose surname is not an English word the redacted output also uses.
    svc = create_vault(
        tmp_path / "docs.casepath",
        "document tests passphrase",
        Officer(name="Hana Kowalczyk"),
        clock=clock,
    )
    yield svc
    if svc.vault.is_open:
        svc.close()


@pytest.fixture
def full_case(vault_services, clock):
    """A case with something in every section: moves with sign-off, an exception, a
    decision, conversations, indicators, observations, a plan, a held review and the next."""
    svc = vault_services
    esc = svc.escalation
    case = open_case(svc, name="Łukasz Żółć", opened_on=TODAY - timedelta(days=40))
    svc.cases.add(
        conversation(
            case, TODAY - timedelta(days=30), agreed_actions=("Weekly check-in on Fridays",)
        )
    )
    for weeks in range(4):
        svc.cases.add(
            indicator(case, TODAY - timedelta(days=35 - 7 * weeks), actual=26.0 + 3 * weeks)
        )
    svc.cases.add(
        observation(case, TODAY - timedelta(days=20), author="Sam Lee", author_role="peer")
    )
    svc.cases.add(
        Decision(
            case_id=case.id,
            decided_on=TODAY - timedelta(days=20),
            decided_by="Ola Nordmann",
            role=Role.MANAGER,
            summary="Start a coaching plan.",
        )
    )
    esc.approve(case.id, "coaching", "Tomasz Nowak", Role.HR_OFFICER, "Agreed.")
    esc.advance(case.id, "coaching", "Ola Nordmann", Role.MANAGER, "Targets still missed.")
    esc.request_exception(
        case.id,
        ExceptionKind.EXTEND,
        "Approved leave in April.",
        "Hana Kowalczyk",
        approver="Priya Shah",
        approver_role=Role.HR_LEAD,
        extra_business_days=5,
    )
    stored_plan = svc.plans.create(
        plan(
            case,
            starts_on=TODAY - timedelta(days=14),
            agreed_on=TODAY - timedelta(days=13),
            employee_agreed=True,
        )
    )
    held = svc.reviews.schedule(review(case, on=TODAY - timedelta(days=2)))
    svc.reviews.record_outcome(
        ReviewOutcome(
            review_id=held.id,
            case_id=case.id,
            held_on=held.on,
            attended=participants(),
            assessments=tuple(
                ObjectiveAssessment(o.uid, Assessment.PROGRESSING) for o in stored_plan.objectives
            ),
            decision=ReviewDecision.CONTINUE,
            summary="Backlog down by half; keep going.",
            next_review_on=TODAY + timedelta(days=4),
        )
    )  # schedules the next review
    return svc.cases.get(case.id)


def test_every_section_is_filled_from_the_vault(vault_services, full_case):
    data = vault_services.documents.assemble(full_case.id, MeetingDetails(MeetingType.REVIEW))
    assert data.case.employee_name == "Łukasz Żółć"
    assert data.case.stage == "Coaching" and data.case.case_owner == "Hana Kowalczyk"
    move = data.stage_changes[0]
    assert (move.from_stage, move.to_stage, move.decided_by) == (
        "Early conversation",
        "Coaching",
        "Ola Nordmann",
    )
    assert move.approvals == (Participant("Tomasz Nowak", "HR officer (reviewed)"),)
    assert data.exceptions[0].kind == "Deadline extension"
    assert "Priya Shah" in data.exceptions[0].approved_by
    assert data.decisions[0].summary == "Start a coaching plan."
    assert data.conversations[0].agreed_actions == ("Weekly check-in on Fridays",)
    assert len(data.indicators) == 4 and data.observations[0].author == "Sam Lee"
    assert data.plan is not None and data.plan.objectives[0].micro_goals
    assert data.reviews[0].outcome == "Continue the plan"
    # The meeting itself comes from the next scheduled review.
    assert data.meeting_date == TODAY + timedelta(days=4)
    assert data.meeting_place == "Meeting room 4.12, 10:00 London time"
    assert [p.role for p in data.participants] == [
        "Employee",
        "Direct supervisor",
        "Neutral observer",
    ]
    assert any(item.startswith("Objective: Close more tickets") for item in data.agenda)

    pdf = build_pack(data, PageSetup(reference=data.reference, deterministic=True))
    text = " ".join(pdf_text(pdf).split())  # table cells wrap: compare words, not lines
    for words in (
        "Tomasz Nowak (HR officer (reviewed))",
        "Deadline extension",
        "Start a coaching plan.",
        "Close more tickets",
        "Weekly coaching session",
        "Continue the plan",
        "Meeting room 4.12",
        "Sam Lee",
    ):
        assert words in text, words
    for empty in (
        "No stage changes",
        "No exceptions",
        "No coaching plan",
        "No earlier reviews",
        "No agenda",
    ):
        assert empty not in text


def test_generating_stores_the_pack_with_its_audit_event(vault_services, full_case):
    docs = vault_services.documents
    head_before = vault_services.vault.audit_head()
    progress: list[float] = []
    pack = docs.generate(
        full_case.id, MeetingDetails(MeetingType.REVIEW), progress=lambda f, _m: progress.append(f)
    )
    assert pack.head_seq == head_before[0] and pack.head_hash == head_before[1]
    assert progress and progress[-1] == 1.0 and progress == sorted(progress)
    events = vault_services.vault.audit_events("pack", pack.id)
    assert [e.action for e in events] == ["pack.generate"]
    assert events[0].seq == head_before[0] + 1
    assert events[0].digest == digest_of(pack.audit_change())
    assert [p.id for p in docs.packs(full_case.id)] == [pack.id]
    assert docs.packs(full_case.id)[0].pdf == b""  # listings leave the PDF in the vault
    assert docs.pdf(pack.id) == pack.pdf
    pages = pdf_pages(pack.pdf)
    assert all(f"Integrity code {pack.integrity_code}" in p for p in pages)


def test_packs_are_encrypted_inside_the_vault(vault_services, full_case, tmp_path):
    pack = vault_services.documents.generate(full_case.id, MeetingDetails(MeetingType.REVIEW))
    raw = (tmp_path / "docs.casepath").read_bytes()
    assert b"%PDF" not in raw and pack.integrity_code.encode() not in raw


def test_a_generated_pack_verifies(vault_services, full_case):
    docs = vault_services.documents
    pack = docs.generate(full_case.id, MeetingDetails(MeetingType.FORMAL_CONCERN), PageSize.LETTER)
    result = docs.verify_pack(pack.pdf)
    assert result.matches, str(result)
    assert result.changed_since is False
    assert "MATCHES" in str(result)


def test_a_protected_copy_verifies_with_its_password(vault_services, full_case):
    docs = vault_services.documents
    pack = docs.generate(full_case.id, MeetingDetails(MeetingType.OUTCOME))
    protected = encrypt_pdf(pack.pdf, "pdf password 1")
    with pytest.raises(DocumentError, match="password-protected"):
        docs.verify_pack(protected)
    result = docs.verify_pack(protected, "pdf password 1")
    assert result.matches and "re-saved or protected" in str(result)


def test_a_pack_with_altered_text_does_not_match(vault_services, full_case):
    docs = vault_services.documents
    meeting = MeetingDetails(MeetingType.REVIEW)
    pack = docs.generate(full_case.id, meeting)
    data = docs.assemble(full_case.id, meeting)
    forged = replace(data, agenda=("Dismissal",))  # same code printed, different content
    fake = build_pack(
        forged, PageSetup(reference=data.reference, integrity_code=pack.integrity_code)
    )
    result = docs.verify_pack(fake)
    assert result.pack is not None and not result.matches
    assert "text differs" in str(result) and "DOES NOT MATCH" in str(result)


def test_a_tampered_pack_record_is_detected(vault_services, full_case):
    docs = vault_services.documents
    pack = docs.generate(full_case.id, MeetingDetails(MeetingType.REVIEW))
    vault_services.vault.conn.execute(
        "UPDATE packs SET data_json = replace(data_json, 'Targets', 'Tarjets') WHERE id = ?",
        (pack.id,),
    )
    result = docs.verify_pack(pack.pdf)
    failed = [c.label for c in result.checks if not c.passed]
    assert failed == ["the snapshot the pack was drawn from is unaltered"]
    assert not result.matches


def test_later_changes_to_the_case_are_reported_but_the_pack_still_matches(
    vault_services, full_case
):
    docs = vault_services.documents
    pack = docs.generate(full_case.id, MeetingDetails(MeetingType.REVIEW))
    vault_services.cases.add(observation(full_case, TODAY, text="New concern."))
    result = docs.verify_pack(pack.pdf)
    assert result.matches and result.changed_since is True
    assert "changed since" in str(result)


def test_unknown_and_foreign_pdfs_say_what_they_are(vault_services, full_case, tmp_path, clock):
    other = create_vault(
        tmp_path / "other.casepath",
        "another passphrase here",
        Officer(name="Other Officer"),
        clock=clock,
    )
    try:
        foreign_case = open_case(other)
        foreign = other.documents.generate(foreign_case.id, MeetingDetails(MeetingType.REVIEW))
    finally:
        other.close()
    result = vault_services.documents.verify_pack(foreign.pdf)
    assert result.pack is None and "not known to this vault" in str(result)
    plain = build_pack(
        vault_services.documents.assemble(full_case.id, MeetingDetails(MeetingType.REVIEW)),
        PageSetup(reference="C-2026-0001"),
    )
    assert "No Casepath integrity code" in str(vault_services.documents.verify_pack(plain))
    with pytest.raises(DocumentError, match="not a readable PDF"):
        vault_services.documents.verify_pack(b"not a pdf at all")


def test_export_writes_a_new_file_and_audits_it(vault_services, full_case, tmp_path):
    docs = vault_services.documents
    pack = docs.generate(full_case.id, MeetingDetails(MeetingType.REVIEW))
    target = tmp_path / "pack.pdf"
    docs.export_pack(pack.id, target, password="a long password")
    from pypdf import PdfReader

    assert PdfReader(io.BytesIO(target.read_bytes())).is_encrypted
    with pytest.raises(DocumentError, match="already exists"):
        docs.export_pack(pack.id, target)
    actions = [e.action for e in vault_services.vault.audit_events("pack", pack.id)]
    assert actions == ["pack.generate", "pack.export"]


def test_unprintable_names_stop_generation_before_anything_is_stored(vault_services, clock):
    svc = vault_services
    emp = svc.employees.add(employee("E2001", "ܫܠܡܐ"))  # Syriac: no shipped font
    case = svc.cases.open_case(
        emp.id, stage="early_conversation", opened_on=TODAY - timedelta(days=3)
    )
    head = svc.vault.audit_head()
    with pytest.raises(ValueError, match="right-to-left"):
        svc.documents.generate(case.id, MeetingDetails(MeetingType.REVIEW))
    assert svc.vault.audit_head() == head and svc.documents.packs(case.id) == []


def test_redacted_exports_pass_the_verifier_for_a_vault_of_tricky_names(
    vault_services, full_case, tmp_path
):
    svc = vault_services
    for number, name in enumerate(
        [
            "Nguyễn Thị Hương",
            "Αλέξανδρος Παπαδόπουλος",
            "Иван Петров",
            "李小龙",
            "Li Na",
            "Seán O'Brien",
        ],
        start=1,
    ):
        svc.employees.add(employee(f"X{number:04d}", name, email=f"p{number}@example.org"))
    svc.cases.add(
        conversation(
            full_case,
            TODAY,
            summary=(
                "Иван Петров and Li Na joined; Łukasz asked Ola Nordmann (ola@example.org, "
                "+44 20 7946 0958) about X0003."
            ),
        )
    )
    options = RedactionOptions(include=frozenset({"conversation_summaries"}))
    for suffix in ("pdf", "csv", "json"):
        target = tmp_path / f"summary.{suffix}"
        svc.documents.export_redacted(full_case.id, target, options)
        text = pdf_text(target.read_bytes()) if suffix == "pdf" else target.read_text("utf-8")
        for gone in (
            "Łukasz",
            "Иван",
            "Li Na",
            "Ola",
            "Nordmann",
            "ola@example.org",
            "7946",
            "X0003",
            "Tomasz",
            "Priya",
        ):
            assert gone not in text, (suffix, gone)
        assert "Employee A" in text
    exports = [
        e
        for e in svc.vault.audit_events("case", full_case.id)
        if e.action == "case.redacted_export"
    ]
    assert len(exports) == 3


def test_a_redacted_export_that_would_name_someone_is_refused_and_not_written(
    vault_services, full_case, tmp_path, monkeypatch
):
    svc = vault_services
    # An employee whose surname is a word the summary itself prints ("Coaching" conversations):
    # the template's own labels are not a refusal ...
    svc.employees.add(employee("X0100", "Anna Coaching"))
    svc.cases.add(conversation(full_case, TODAY, summary="Coaching with Anna went well."))
    options = RedactionOptions(include=frozenset({"conversation_summaries"}))
    fine = svc.documents.export_redacted(full_case.id, tmp_path / "fine.pdf", options)
    assert "Anna" not in pdf_text(fine.read_bytes())
    # ... but the same word as a name in free text is, once the redactor is bypassed.
    from app.documents.redaction import identifiers

    monkeypatch.setattr(identifiers.TextRedactor, "redact", lambda self, text: text)
    target = tmp_path / "summary.pdf"
    with pytest.raises(RedactionRefused, match="nothing was written") as refused:
        svc.documents.export_redacted(full_case.id, target, options)
    assert not target.exists() and not list(tmp_path.glob("*.partial"))
    message = str(refused.value)
    assert "a name of an employee in 'Included free text'" in message
    assert "Anna" not in message and "Coaching with" not in message


def test_a_generated_pack_appears_on_the_case_timeline(vault_services, full_case):
    from app.services.cases.timeline import case_timeline

    pack = vault_services.documents.generate(full_case.id, MeetingDetails(MeetingType.REVIEW))
    events = [e for e in case_timeline(vault_services, full_case.id) if e.kind == "pack"]
    assert len(events) == 1 and pack.integrity_code in events[0].detail


def test_a_write_during_layout_makes_the_pack_rebuild_against_the_new_head(
    vault_services, full_case
):
    svc = vault_services
    wrote: list[bool] = []

    def progress(fraction: float, _message: str) -> None:
        if fraction > 0.3 and not wrote:  # another window saves while the pages are laid out
            wrote.append(True)
            svc.cases.add(observation(full_case, TODAY, text="Arrived mid-build."))

    pack = svc.documents.generate(
        full_case.id, MeetingDetails(MeetingType.REVIEW), progress=progress
    )
    assert wrote
    observation_event = svc.vault.audit_events("observation")[-1]
    assert pack.head_seq >= observation_event.seq  # tied to the head after the write
    assert "Arrived mid-build." in pdf_text(pack.pdf)
    assert svc.documents.verify_pack(pack.pdf).matches
    assert len(svc.documents.packs(full_case.id)) == 1
